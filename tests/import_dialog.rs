//! The import dialog, driven through the real app with `egui_kittest`: the mapping dialog on
//! the Vietnamese demo export (title block, semicolons, BOM), a touchpoint of the data
//! assigned to a card, cancel of a running import, a re-import that asks nothing, and a
//! binary file. The read runs on its own thread: the tests step the frames until the dialog
//! moves on (bounded), never wait for a time.

mod common;

use std::path::{Path, PathBuf};

use common::{harness, map_of, repo};
use egui::accesskit::Role as A11y;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use journeymap::analysis::matching::touchpoint_cards;
use journeymap::analysis::overlay::card_reading;
use journeymap::model::{MetricKind, Role};
use journeymap::ui::shell::import::Phase;
use journeymap::ui::{JourneyApp, OpenMap};

type H = Harness<'static, JourneyApp>;

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 30)
}

fn zalo_map_path() -> PathBuf {
    repo().join("samples/zalo-mini-app-loyalty.ron")
}

fn demo_data() -> PathBuf {
    repo().join("samples/zalo-mini-app-loyalty-data.csv")
}

/// The Zalo sample open (as a map not in a file, so nothing is written), today pinned.
fn zalo_app(map: journeymap::model::JourneyMap) -> H {
    let app = JourneyApp::new(Some(OpenMap::unsaved(map)), None).with_today(today());
    let mut h = harness(app, egui::Theme::Light);
    h.run();
    h
}

fn zalo_sample() -> journeymap::model::JourneyMap {
    journeymap::file::load(&zalo_map_path())
        .unwrap_or_else(|e| panic!("sample: {e}"))
        .map
}

/// Opens the import dialog on `data`, as the File menu does once the file is chosen.
fn open_import(h: &mut H, data: &Path) {
    h.state_mut().open_import(data);
    h.run();
}

/// The dialog's phase, by name.
fn phase(h: &H) -> &'static str {
    match h.state().import_dialog().map(|d| &d.state().phase) {
        None => "closed",
        Some(Phase::Mapping { .. }) => "mapping",
        Some(Phase::Running { .. }) => "running",
        Some(Phase::Review(_)) => "review",
    }
}

/// Steps frames until the dialog's phase is `want` (at most 20,000 frames).
fn step_until_phase(h: &mut H, want: &str) {
    for _ in 0..20_000 {
        if phase(h) == want {
            h.run();
            return;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    panic!("the dialog stayed {} instead of {want}", phase(h));
}

/// The value shown by the drop-down labelled `label`.
fn combo_value(h: &H, label: &str) -> String {
    h.get_by_role_and_label(A11y::ComboBox, label)
        .value()
        .unwrap_or_default()
}

/// Lets a frame's consequences play out: a drop-down's popup fades in over several frames,
/// and how many depends on when the import's thread last asked for a repaint, so a fixed
/// number of steps rather than `run` (which fails when more than four are needed).
fn settle(h: &mut H) {
    h.run_steps(10);
}

/// Moves the pointer over the widget of `role` labelled `label`, then clicks it (as a
/// hand does: a click that comes from nowhere is not taken by a drop-down).
fn click(h: &mut H, role: A11y, label: &str) {
    h.get_by_role_and_label(role, label).hover();
    settle(h);
    h.get_by_role_and_label(role, label).click();
    settle(h);
}

/// Opens the drop-down labelled `label` and picks `option`.
fn choose(h: &mut H, label: &str, option: &str) {
    click(h, A11y::ComboBox, label);
    // The popup's option: the last node with that text (the popup is drawn on top).
    let options = h.get_all_by_label(option).collect::<Vec<_>>();
    let last = options
        .last()
        .unwrap_or_else(|| panic!("no option {option}"));
    last.hover();
    settle(h);
    let options = h.get_all_by_label(option).collect::<Vec<_>>();
    let last = options
        .last()
        .unwrap_or_else(|| panic!("no option {option}"));
    last.click();
    settle(h);
}

fn click_button(h: &mut H, label: &str) {
    click(h, A11y::Button, label);
}

#[test]
fn the_mapping_dialog_reads_the_vietnamese_export_and_saves_the_changed_mapping() {
    let mut h = zalo_app(zalo_sample());
    assert!(map_of(&h).metrics.snapshots.is_empty());
    open_import(&mut h, &demo_data());
    assert_eq!(phase(&h), "mapping");
    // The title block is skipped: the header is line 4, shown with its number.
    let detected = h
        .state()
        .import_dialog()
        .and_then(|d| d.state().preview.as_ref().ok())
        .map_or_else(
            || panic!("no preview"),
            |p| (p.detected.header_row, p.detected.delimiter, p.detected.bom),
        );
    assert_eq!(detected, (4, Some(';'), true));
    h.get_by_label("Kind of table: raw events, one row per event");
    // Every role guessed from the Vietnamese headers, shown as written.
    for (role, header) in [
        ("Customer", "Mã khách hàng"),
        ("Time", "Thời gian"),
        ("Touchpoint", "Điểm chạm"),
        ("Stage", "Giai đoạn"),
        ("Converted", "Chuyển đổi"),
        ("CSAT", "CSAT"),
        ("NPS", "NPS"),
        ("Channel", "Kênh"),
    ] {
        assert_eq!(combo_value(&h, role), header, "{role}");
    }
    choose(&mut h, "NPS", "(none)");
    assert_eq!(combo_value(&h, "NPS"), "(none)");

    click_button(&mut h, "Import");
    step_until_phase(&mut h, "review");
    h.get_by_label("Add to map");
    click_button(&mut h, "Add to map");
    assert_eq!(phase(&h), "closed");

    let map = map_of(&h);
    assert_eq!(map.metrics.snapshots.len(), 1);
    let snapshot = &map.metrics.snapshots[0];
    let columns = &snapshot.settings.columns;
    assert!(columns.contains(&(Role::Customer, "Mã khách hàng".to_owned())));
    assert!(columns.contains(&(Role::Nps, String::new())), "{columns:?}");
    assert_eq!(snapshot.source.imported, "2026-11-30");
    assert_eq!(snapshot.source.file_name, "zalo-mini-app-loyalty-data.csv");
    // No NPS was read, so no touchpoint has one.
    assert!(snapshot.touchpoints.iter().all(|t| t.total.nps.is_none()));
    assert!(snapshot.touchpoints.iter().any(|t| t.total.csat.is_some()));
    // The mapping is saved for the next import; the whole import is one undo step.
    assert_eq!(map.metrics.import.as_ref(), Some(&snapshot.settings));
    let doc = h
        .state()
        .document()
        .unwrap_or_else(|| panic!("no document"));
    assert_eq!(doc.undo_depth(), 1);
    assert_eq!(doc.undo_label(), Some("cmd-add-metric-snapshot"));
}

#[test]
fn an_unmatched_touchpoint_assigned_to_a_card_gets_its_numbers_and_an_alias() {
    let map = zalo_sample();
    let card = touchpoint_cards(&map)
        .next()
        .cloned()
        .unwrap_or_else(|| panic!("no touchpoint card"));
    let card_text = card
        .text
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("quầy.csv");
    std::fs::write(
        &data,
        "Mã khách hàng,Điểm chạm,Chuyển đổi\n\
         KH1,Quầy thu ngân số 7,có\n\
         KH2,Quầy thu ngân số 7,không\n\
         KH3,Quầy thu ngân số 7,không\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut h = zalo_app(map);
    open_import(&mut h, &data);
    click_button(&mut h, "Import");
    step_until_phase(&mut h, "review");
    h.get_by_label("0 of 1 touchpoints in the data match a card.");
    assert_eq!(combo_value(&h, "Quầy thu ngân số 7"), "Leave unmatched");
    choose(&mut h, "Quầy thu ngân số 7", &card_text);
    assert_eq!(combo_value(&h, "Quầy thu ngân số 7"), card_text);
    h.get_by_label("1 of 1 touchpoints in the data match a card.");
    click_button(&mut h, "Add to map");

    let map = map_of(&h);
    assert_eq!(
        map.metrics.aliases,
        [("Quầy thu ngân số 7".to_owned(), card.id.clone())]
    );
    let customers = card_reading(&map, &card.id, MetricKind::Customers)
        .unwrap_or_else(|| panic!("the card has no numbers"));
    assert_eq!(customers.value, 3.0);
    let conversion = card_reading(&map, &card.id, MetricKind::ConversionRate)
        .unwrap_or_else(|| panic!("the card has no conversion"));
    assert!((conversion.value - 1.0 / 3.0).abs() < 1e-9);
    // One step undoes the snapshot and the alias together.
    h.state_mut().undo();
    let undone = map_of(&h);
    assert!(undone.metrics.snapshots.is_empty() && undone.metrics.aliases.is_empty());
}

#[test]
fn cancel_stops_a_running_import_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("lớn.csv");
    let mut text = String::from("customer_id,touchpoint,converted\n");
    for i in 0..2_000_000 {
        text.push_str(&format!("KH{i:07},Zalo OA số {},0\n", i % 9));
    }
    std::fs::write(&data, text).unwrap_or_else(|e| panic!("{e}"));
    let mut h = zalo_app(zalo_sample());
    let before = map_of(&h);
    let revision = h
        .state()
        .document()
        .map(journeymap::edit::Document::revision);
    open_import(&mut h, &data);
    click_button(&mut h, "Import");
    assert_eq!(phase(&h), "running");
    // The progress bar says how far it is, in bytes of the file's size.
    let bar = h.get_by_role(A11y::ProgressIndicator);
    assert!(bar.rect().width() > 300.0);
    click_button(&mut h, "Cancel import");
    step_until_phase(&mut h, "mapping");
    h.get_by_label("⚠ Import cancelled");
    assert_eq!(map_of(&h), before);
    let doc = h
        .state()
        .document()
        .unwrap_or_else(|| panic!("no document"));
    assert_eq!(doc.undo_depth(), 0);
    assert_eq!(Some(doc.revision()), revision);
    // Cancel closes the dialog; still nothing changed.
    click_button(&mut h, "Cancel");
    assert_eq!(phase(&h), "closed");
    assert_eq!(map_of(&h), before);
}

#[test]
fn a_second_import_with_the_saved_mapping_asks_nothing() {
    let mut h = zalo_app(common::zalo_with_data());
    let snapshots = map_of(&h).metrics.snapshots.len();
    open_import(&mut h, &demo_data());
    // Straight to the read: no column to confirm.
    assert_ne!(phase(&h), "mapping");
    step_until_phase(&mut h, "review");
    click_button(&mut h, "Add to map");
    assert_eq!(map_of(&h).metrics.snapshots.len(), snapshots + 1);
    // The File menu offers the same file again.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import again: zalo-mini-app-loyalty-data.csv");
}

#[test]
fn a_binary_file_gets_a_clear_message_and_no_import() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("ảnh.csv");
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..4096u32).map(|i| (i % 251) as u8));
    std::fs::write(&data, bytes).unwrap_or_else(|e| panic!("{e}"));
    let mut h = zalo_app(zalo_sample());
    open_import(&mut h, &data);
    assert_eq!(phase(&h), "mapping");
    h.get_by_label("⚠ This is not a text export or a workbook: binary bytes at byte 8");
    let import = h.get_by_role_and_label(A11y::Button, "Import");
    assert!(import.accesskit_node().is_disabled());
    assert!(map_of(&h).metrics.snapshots.is_empty());
}

#[test]
fn undo_behind_the_import_dialog_leaves_the_map_alone() {
    // An import added, then the dialog opened again: Ctrl+Z while it is up must not take the
    // first import away behind the user's back; once the dialog is closed, Ctrl+Z does.
    let mut h = zalo_app(zalo_sample());
    open_import(&mut h, &demo_data());
    click_button(&mut h, "Import");
    step_until_phase(&mut h, "review");
    click_button(&mut h, "Add to map");
    assert_eq!(map_of(&h).metrics.snapshots.len(), 1);
    open_import(&mut h, &demo_data());
    step_until_phase(&mut h, "review");
    common::key(&mut h, egui::Key::Z, egui::Modifiers::COMMAND);
    assert_eq!(
        map_of(&h).metrics.snapshots.len(),
        1,
        "undone behind the dialog"
    );
    common::key(&mut h, egui::Key::Escape, egui::Modifiers::NONE);
    assert_eq!(phase(&h), "closed");
    common::key(&mut h, egui::Key::Z, egui::Modifiers::COMMAND);
    assert!(map_of(&h).metrics.snapshots.is_empty());
}

#[test]
fn escape_closes_an_open_drop_down_first_then_the_dialog() {
    let mut h = zalo_app(zalo_sample());
    open_import(&mut h, &demo_data());
    click(&mut h, A11y::ComboBox, "NPS");
    assert!(egui::Popup::is_any_open(&h.ctx), "the drop-down opened");
    common::key(&mut h, egui::Key::Escape, egui::Modifiers::NONE);
    assert!(
        !egui::Popup::is_any_open(&h.ctx),
        "Escape closed the drop-down"
    );
    assert_eq!(phase(&h), "mapping", "and left the dialog open");
    common::key(&mut h, egui::Key::Escape, egui::Modifiers::NONE);
    assert_eq!(phase(&h), "closed");
}

//! Shared test helpers: the one harness factory every UI test uses.

#![allow(dead_code, reason = "each test file uses a different subset")]

use std::path::PathBuf;

use egui_kittest::Harness;
use journeymap::ui::JourneyApp;

/// Size of the test window: a small laptop screen.
pub const SIZE: [f32; 2] = [1280.0, 800.0];

/// A harness around the real app, with its context set up as the window's is (bundled fonts,
/// keyboard zoom left to the canvas) and kittest's missing-glyph panic left on (our guard
/// against tofu boxes).
pub fn harness(app: JourneyApp, theme: egui::Theme) -> Harness<'static, JourneyApp> {
    harness_sized(app, theme, SIZE)
}

/// [`harness`] in a window of `size` (a projector's 1280×720, say).
pub fn harness_sized(
    app: JourneyApp,
    theme: egui::Theme,
    size: [f32; 2],
) -> Harness<'static, JourneyApp> {
    Harness::builder()
        .with_size(size)
        .with_theme(theme)
        .with_step_dt(1.0 / 30.0)
        .with_context_setup(journeymap::ui::setup_context)
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui(ui), app)
}

/// The repository's folder.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Vietnamese juicer sample: two curves ("Hiện tại", "Mong muốn"), pain points (one
/// pinned to a curve point, one to a touchpoint), opportunities, the avatar 👩.
pub fn juicer() -> journeymap::model::JourneyMap {
    let path = repo().join("samples/may-ep-trai-cay.ron");
    journeymap::file::load(&path)
        .unwrap_or_else(|e| panic!("sample: {e}"))
        .map
}

/// Every sample map.
pub fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("samples"))
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Clicks twice at `pos` within one frame, as a fast double-click does.
pub fn double_click(harness: &mut Harness<'static, JourneyApp>, pos: egui::Pos2) {
    let events = &mut harness.input_mut().events;
    events.push(egui::Event::PointerMoved(pos));
    for _ in 0..2 {
        for pressed in [true, false] {
            events.push(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
        }
    }
    harness.step();
    harness.run();
}

/// A harness on a new map from `template` in `lang`, the whole map fitted to the window.
pub fn editor_on_template(
    template: &str,
    lang: journeymap::model::template::Lang,
) -> Harness<'static, JourneyApp> {
    let map = journeymap::model::template::find(template)
        .unwrap_or_else(|| panic!("no template {template}"))
        .instantiate(lang);
    let app = JourneyApp::new(Some(journeymap::ui::OpenMap::unsaved(map)), None);
    let mut harness = harness(app, egui::Theme::Light);
    harness.run();
    fit_whole(&mut harness);
    harness
}

/// Shows the whole map (Ctrl+0), as tests that reach every stage need: a map opens readable,
/// from its left, and may not fit.
pub fn fit_whole(harness: &mut Harness<'static, JourneyApp>) {
    key(harness, egui::Key::Num0, egui::Modifiers::COMMAND);
}

/// A point near the bottom of the cell (below its cards) of step `step_label` and lane `lane_label` (their
/// accessible labels, e.g. "Step: Chú ý" and "Lane: Điểm chạm").
pub fn cell_center(
    harness: &Harness<'static, JourneyApp>,
    step_label: &str,
    lane_label: &str,
) -> egui::Pos2 {
    use egui_kittest::kittest::Queryable as _;
    let x = harness.get_by_label(step_label).rect().center().x;
    let lane = harness.get_by_label(lane_label).rect();
    egui::pos2(x, lane.bottom() - 8.0)
}

/// Presses a key with modifiers, as one frame.
pub fn key(harness: &mut Harness<'static, JourneyApp>, key: egui::Key, modifiers: egui::Modifiers) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Types text as one text event (what a keyboard or an input method delivers).
pub fn type_text(harness: &mut Harness<'static, JourneyApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

/// Drags from `from` to `to` in a few pointer moves, then releases.
pub fn drag(
    harness: &mut Harness<'static, JourneyApp>,
    from: egui::Pos2,
    to: egui::Pos2,
    modifiers: egui::Modifiers,
) {
    let press = |pressed, pos| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers,
    };
    harness
        .input_mut()
        .events
        .push(egui::Event::ModifiersChanged(modifiers));
    harness.event(egui::Event::PointerMoved(from));
    harness.event(press(true, from));
    harness.step();
    for i in 1..=6 {
        let t = i as f32 / 6.0;
        harness.event(egui::Event::PointerMoved(from + (to - from) * t));
        harness.step();
    }
    harness.event(press(false, to));
    harness.step();
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    harness.step();
    harness.run();
}

/// Clicks at `pos` with modifiers held.
pub fn click_at(
    harness: &mut Harness<'static, JourneyApp>,
    pos: egui::Pos2,
    modifiers: egui::Modifiers,
) {
    harness
        .input_mut()
        .events
        .push(egui::Event::ModifiersChanged(modifiers));
    let events = &mut harness.input_mut().events;
    events.push(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers,
        });
    }
    harness.step();
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    harness.step();
    harness.run();
}

/// The open map, cloned.
pub fn map_of(harness: &Harness<'static, JourneyApp>) -> journeymap::model::JourneyMap {
    harness
        .state()
        .map()
        .cloned()
        .unwrap_or_else(|| panic!("no map open"))
}

/// Undoes then redoes, checking the maps before and after.
pub fn check_undo_redo(
    harness: &mut Harness<'static, JourneyApp>,
    before: &journeymap::model::JourneyMap,
    after: &journeymap::model::JourneyMap,
    steps: usize,
) {
    for _ in 0..steps {
        key(harness, egui::Key::Z, egui::Modifiers::COMMAND);
    }
    assert_eq!(
        &map_of(harness),
        before,
        "undo did not give back the earlier map"
    );
    for _ in 0..steps {
        key(
            harness,
            egui::Key::Z,
            egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        );
    }
    assert_eq!(
        &map_of(harness),
        after,
        "redo did not give back the later map"
    );
}

/// The AISAS map in Vietnamese with three touchpoint cards typed through the UI: "Một" and
/// "Hai" under "Chú ý", "Ba" under "Quan tâm"; nothing selected.
pub fn aisas_with_cards() -> Harness<'static, JourneyApp> {
    use egui::{Key, Modifiers};
    let mut h = editor_on_template("aisas", journeymap::model::template::Lang::Vi);
    for (step, text) in [
        ("Step: Chú ý", "Một"),
        ("Step: Chú ý", "Hai"),
        ("Step: Quan tâm", "Ba"),
    ] {
        let cell = cell_center(&h, step, "Lane: Điểm chạm");
        double_click(&mut h, cell);
        type_text(&mut h, text);
        key(&mut h, Key::Enter, Modifiers::NONE);
    }
    key(&mut h, Key::Escape, Modifiers::NONE);
    h
}

/// A right click at `pos`, as one frame.
pub fn right_click(harness: &mut Harness<'static, JourneyApp>, pos: egui::Pos2) {
    let events = &mut harness.input_mut().events;
    events.push(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.step();
    harness.run();
}

/// The text the last frame put on the clipboard, if any.
pub fn copied_text(harness: &Harness<'static, JourneyApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}

/// The Vietnamese Zalo loyalty sample with its demo export imported twice, as a team would
/// over two quarters: first the rows of May–August (dated 2026-09-01), then the whole file
/// (dated 2026-11-01), so every overlay has a value, a change since the previous import and
/// six months of trend.
pub fn zalo_with_data() -> journeymap::model::JourneyMap {
    use journeymap::edit::{Document, EditCommand};
    use journeymap::import::{Input, Progress, import_snapshot};
    let path = repo().join("samples/zalo-mini-app-loyalty.ron");
    let map = journeymap::file::load(&path)
        .unwrap_or_else(|e| panic!("sample: {e}"))
        .map;
    let data = std::fs::read(repo().join("samples/zalo-mini-app-loyalty-data.csv"))
        .unwrap_or_else(|e| panic!("demo data: {e}"));
    let text = String::from_utf8(data.clone()).unwrap_or_else(|e| panic!("demo data: {e}"));
    // The earlier export: the title block and header as they are, then the rows before September.
    let early: String = text
        .split_inclusive('\n')
        .filter(|line| {
            let date = line.split(';').nth(1).unwrap_or("");
            let month = date.get(3..10).unwrap_or("");
            !matches!(month, "09/2026" | "10/2026")
        })
        .collect();
    let mut doc = Document::new(map, false);
    for (name, bytes, today) in [
        (
            "zalo-mini-app-loyalty-data.csv",
            early.into_bytes(),
            "2026-09-01",
        ),
        ("zalo-mini-app-loyalty-data.csv", data, "2026-11-01"),
    ] {
        let input = Input::Bytes {
            name: name.to_owned(),
            bytes,
        };
        let settings = doc.map().metrics.import.clone().unwrap_or_default();
        let imported = import_snapshot(doc.map(), &input, settings, today, &Progress::new())
            .unwrap_or_else(|e| panic!("demo import: {e}"));
        doc.apply(EditCommand::AddMetricSnapshot(Box::new(imported.snapshot)))
            .unwrap_or_else(|e| panic!("demo import: {e:?}"));
    }
    doc.map().clone()
}

/// The demo data with one assumption wrong: the team thought scanning the QR code on the
/// standee ("Quét QR trên POSM", st3) was a letdown (−1.5), while its customers rate it as
/// neutral (measured +0.1). The demo data alone agrees with the assumed curve within a point
/// everywhere.
pub fn zalo_with_a_wrong_assumption() -> journeymap::model::JourneyMap {
    let map = zalo_with_data();
    let curve = map.curves[0].clone();
    let mut point = curve
        .points
        .iter()
        .find(|p| p.step == journeymap::model::Id::new("st3"))
        .cloned()
        .unwrap_or_else(|| panic!("the sample's curve has a point at st3"));
    point.score = -1.5;
    let mut doc = journeymap::edit::Document::new(map, false);
    doc.apply(journeymap::edit::EditCommand::SetPoint {
        curve: curve.id,
        point,
    })
    .unwrap_or_else(|e| panic!("set point: {e:?}"));
    doc.map().clone()
}

/// Compares `actual` with the golden file `tests/golden/NAME`, or rewrites it with
/// `UPDATE_GOLDEN=1` (then look at the diff before committing).
pub fn golden(name: &str, actual: &str) {
    let path = repo().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(repo().join("tests/golden")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{e}"));
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert_eq!(
        actual,
        expected,
        "{} differs (UPDATE_GOLDEN=1 rewrites it)",
        path.display()
    );
}

/// Runs the `journeymap` binary with `args` and no display (no `DISPLAY`, no
/// `WAYLAND_DISPLAY`): the headless commands must not need one.
pub fn journeymap_without_display(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap_or_else(|e| panic!("cannot run journeymap {args:?}: {e}"))
}

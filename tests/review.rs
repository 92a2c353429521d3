//! The pain-point review table and the priority matrix inside the real app: vote, sort,
//! filter, change a status, click a row or a dot to find the card on the map, export.

mod common;

use common::{check_undo_redo, click_at, map_of};
use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use journeymap::model::{Id, PainStatus};
use journeymap::ui::{JourneyApp, OpenMap, Prefs};

use common::juicer;

fn app(prefs: Prefs) -> Harness<'static, JourneyApp> {
    let app = JourneyApp::new(Some(OpenMap::unsaved(juicer())), None).with_prefs(prefs);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    common::fit_whole(&mut h);
    h
}

fn id(s: &str) -> Id {
    Id::new(s)
}

/// The pain points' card ids, in the order their rows are on screen.
fn rows(h: &Harness<'static, JourneyApp>) -> Vec<String> {
    let map = map_of(h);
    let mut rows: Vec<(f32, String)> = map
        .pain_points()
        .filter_map(|(card, _)| {
            let node = h.query_by_label(&card.text)?;
            Some((node.rect().top(), card.id.to_string()))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, id)| id).collect()
}

#[test]
fn vote_then_sort_the_review_by_votes_filter_it_and_click_a_row() {
    let mut h = app(Prefs::default());
    let before = map_of(&h);
    // Workshop: four dots on the referral pain point (3 → 7 votes).
    h.get_by_label("● Vote").click();
    h.run();
    let referral = "Card: Chưa có chương trình giới thiệu: bạn bè hỏi mã giảm giá nhưng không có";
    let pos = h
        .get_by_label(&format!("{referral} (3 votes)"))
        .rect()
        .center();
    for _ in 0..4 {
        click_at(&mut h, pos, Modifiers::NONE);
    }
    h.get_by_label("Done voting").click();
    h.run();
    let voted = map_of(&h);
    assert_eq!(
        voted
            .card(&id("c49"))
            .and_then(|c| c.pain.as_ref())
            .map(|p| p.votes),
        Some(7)
    );

    // The review: ranked by severity × votes at first, then by votes.
    common::key(&mut h, egui::Key::Escape, Modifiers::NONE);
    h.get_by_label("⚠ Review").click();
    h.run();
    assert_eq!(rows(&h), ["c47", "c48", "c46", "c49"]);
    h.get_by_label("Votes").click();
    h.run();
    assert_eq!(rows(&h), ["c47", "c49", "c48", "c46"]);
    h.get_by_label("Votes ▼").click();
    h.run();
    assert_eq!(rows(&h), ["c46", "c48", "c49", "c47"]);

    // Filter by status: one pain point is in progress.
    h.get_by_label("Filter by status").click();
    h.run();
    h.get_by_label("In progress").click();
    h.run();
    assert_eq!(rows(&h), ["c47"]);
    h.get_by_label_contains("1 of 4");
    h.get_by_label("Clear filters").click();
    h.run();
    assert_eq!(rows(&h).len(), 4);

    // Filter by stage, then severity.
    h.get_by_label("Filter by stage").click();
    h.run();
    // The option in the open list comes first; the table's stage cell has the same text.
    h.get_all_by_label("Giữ chân")
        .next()
        .unwrap_or_else(|| panic!("no stage option"))
        .click();
    h.run();
    assert_eq!(rows(&h), ["c48"]);
    h.get_by_label("Clear filters").click();
    h.run();
    h.get_by_label("Filter by severity").click();
    h.run();
    h.get_by_label("4 · Severe or worse").click();
    h.run();
    assert_eq!(rows(&h), ["c47"]);
    h.get_by_label("Clear filters").click();
    h.run();

    // A click on a row selects the card on the map and brings it on screen.
    let text = voted
        .card(&id("c49"))
        .map(|c| c.text.clone())
        .unwrap_or_default();
    h.get_by_label(&text).click();
    h.run();
    assert_eq!(h.state().editor().selection.cards, vec![id("c49")]);
    let card = h.get_by_label_contains(referral).rect();
    let screen = h.ctx.content_rect();
    assert!(screen.contains_rect(card), "{card:?} is off screen");

    // Sorting and filtering are view state; the four votes are four undo steps.
    assert_eq!(map_of(&h), voted);
    check_undo_redo(&mut h, &before, &voted, 4);
}

#[test]
fn the_status_is_changed_in_the_table_and_undone() {
    let mut h = app(Prefs {
        show_review: true,
        ..Prefs::default()
    });
    let before = map_of(&h);
    h.get_by_label_contains("Status of “Không có bảng so sánh")
        .click();
    h.run();
    h.get_by_label("Fixed").click();
    h.run();
    let after = map_of(&h);
    assert_eq!(
        after
            .card(&id("c46"))
            .and_then(|c| c.pain.as_ref())
            .map(|p| p.status),
        Some(PainStatus::Fixed)
    );
    check_undo_redo(&mut h, &before, &after, 1);
}

#[test]
fn the_review_table_exports_csv_and_markdown_through_the_file_dialog() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut h = app(Prefs {
        show_review: true,
        builtin_dialog: true,
        ..Prefs::default()
    });
    // Saved once, so the dialog starts in its folder.
    assert!(h.state_mut().save_to(&dir.path().join("juicer.ron")));
    h.get_by_label("Export CSV…").click();
    h.run();
    h.get_by_label("Export the table");
    h.get_by_label("Save").click();
    h.run();
    let csv_path = dir
        .path()
        .join("hành-trình-mua-máy-ép-trái-cây-trực-tuyến-pain-points.csv");
    let csv = std::fs::read_to_string(&csv_path)
        .unwrap_or_else(|e| panic!("{}: {e}", csv_path.display()));
    // With the byte order mark Excel needs to read UTF-8.
    assert!(csv.starts_with("\u{feff}rank,id,stage,step,text,severity,votes,score"));
    assert_eq!(csv.lines().count(), 5, "{csv}");
    h.get_by_label("Export Markdown…").click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let md = std::fs::read_to_string(csv_path.with_extension("md"))
        .unwrap_or_else(|e| panic!("markdown: {e}"));
    assert!(md.contains("| Chatbot chỉ trả lời theo kịch bản"), "{md}");
}

#[test]
fn clicking_a_dot_in_the_matrix_selects_the_opportunity() {
    let mut h = app(Prefs {
        show_matrix: true,
        ..Prefs::default()
    });
    // The dot's label is "<text>: <quadrant>, impact …"; the card's is "Card: <text> (…)".
    let text = "Thêm kịch bản chatbot cho rau lá, cần tây, trả góp; chuyển nhân viên trong 2 phút, trực đến 22 giờ";
    let dot = h
        .get_by_label_contains(&format!("{text}: "))
        .rect()
        .center();
    click_at(&mut h, dot, Modifiers::NONE);
    assert_eq!(h.state().editor().selection.cards, vec![id("c51")]);
    let card = h.get_by_label(&format!("Card: {text} (8 votes)")).rect();
    assert!(h.ctx.content_rect().contains_rect(card));
}

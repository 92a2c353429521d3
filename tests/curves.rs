//! Emotion curves, pain markers, voting and the review cadence, driven through the real UI:
//! each test clicks or drags, asserts the document, then undoes and redoes.

mod common;

use common::{check_undo_redo, click_at, drag, key, map_of, type_text};
use egui::{Key, Modifiers, Pos2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use journeymap::layout::LayoutMetrics;
use journeymap::model::{Id, JourneyMap, PainAnchor};
use journeymap::ui::{JourneyApp, OpenMap};

use common::juicer;

fn editor(map: JourneyMap) -> Harness<'static, JourneyApp> {
    let app = JourneyApp::new(Some(OpenMap::unsaved(map)), None)
        .with_today(jiff::civil::date(2026, 11, 27));
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    common::fit_whole(&mut h);
    h
}

fn id(s: &str) -> Id {
    Id::new(s)
}

/// Screen points per emotion score at the current zoom.
fn px_per_score(h: &Harness<'static, JourneyApp>) -> f32 {
    let m = LayoutMetrics::default();
    let half = (m.emotion_lane_height - 2.0 * m.emotion_margin) / 2.0;
    half / 2.0 * h.state().view().zoom
}

fn score(h: &Harness<'static, JourneyApp>, curve: &str, step: &str) -> Option<f32> {
    map_of(h)
        .curve(&id(curve))?
        .points
        .iter()
        .find(|p| p.step == id(step))
        .map(|p| p.score)
}

fn point_pos(h: &Harness<'static, JourneyApp>, label: &str) -> Pos2 {
    h.get_by_label(label).rect().center()
}

/// "Hiện tại" at the step "Hỏi tư vấn" of the stage "Quyết định": −1.5, the lowest point.
const LOWEST: &str = "Emotion point: Hiện tại, Quyết định › Hỏi tư vấn";

#[test]
fn dragging_a_point_snaps_to_half_points_and_shift_drags_freely() {
    let mut h = editor(juicer());
    let before = map_of(&h);
    assert_eq!(score(&h, "cv63", "st7"), Some(-1.5));
    let unit = px_per_score(&h);
    // Up by 1.2 points: snaps to −0.5.
    let from = point_pos(&h, LOWEST);
    drag(
        &mut h,
        from,
        from - egui::vec2(0.0, 1.2 * unit),
        Modifiers::NONE,
    );
    assert_eq!(score(&h, "cv63", "st7"), Some(-0.5));
    let snapped = map_of(&h);
    // With Shift: no snapping, −0.5 + 1.3 = 0.8 (to the pixel).
    let from = point_pos(&h, LOWEST);
    drag(
        &mut h,
        from,
        from - egui::vec2(0.0, 1.3 * unit),
        Modifiers::SHIFT,
    );
    let free = score(&h, "cv63", "st7").unwrap_or(f32::NAN);
    assert!((free - 0.8).abs() < 0.06, "free drag gave {free}");
    assert!((free * 2.0).fract().abs() > 0.01, "{free} was snapped");
    // Far above the lane: clamped to +2.
    let from = point_pos(&h, LOWEST);
    drag(
        &mut h,
        from,
        from - egui::vec2(0.0, 10.0 * unit),
        Modifiers::NONE,
    );
    assert_eq!(score(&h, "cv63", "st7"), Some(2.0));
    let after = map_of(&h);
    // Each drag is one undo step.
    check_undo_redo(&mut h, &snapped, &after, 2);
    check_undo_redo(&mut h, &before, &after, 3);
}

#[test]
fn delete_a_point_then_click_the_empty_step_to_add_one() {
    let mut h = editor(juicer());
    let before = map_of(&h);
    let label = "Emotion point: Hiện tại, Cân nhắc › So sánh trên website";
    let pos = point_pos(&h, label);
    click_at(&mut h, pos, Modifiers::NONE);
    key(&mut h, Key::Delete, Modifiers::NONE);
    assert_eq!(score(&h, "cv63", "st4"), None);
    assert!(h.query_by_label(label).is_none());
    let deleted = map_of(&h);
    // Click the emptied step one point below zero: a point at −1 on the first visible curve.
    let lane = h.get_by_label("Lane: Cảm xúc").rect();
    let click = pos2(pos.x, lane.center().y + px_per_score(&h));
    click_at(&mut h, click, Modifiers::NONE);
    assert_eq!(score(&h, "cv63", "st4"), Some(-1.0));
    h.get_by_label(label);
    let after = map_of(&h);
    check_undo_redo(&mut h, &deleted, &after, 1);
    check_undo_redo(&mut h, &before, &after, 2);
}

#[test]
fn the_context_menu_deletes_a_point() {
    let mut h = editor(juicer());
    let before = map_of(&h);
    let label = "Emotion point: Mong muốn, Giới thiệu › Giới thiệu bạn bè";
    let pos = point_pos(&h, label);
    common::right_click(&mut h, pos);
    h.get_by_label("Delete point").click();
    h.run();
    assert_eq!(score(&h, "cv64", "st14"), None);
    let after = map_of(&h);
    check_undo_redo(&mut h, &before, &after, 1);
}

#[test]
fn pick_an_emoji_for_a_point_then_go_back_to_automatic() {
    let mut h = editor(juicer());
    let before = map_of(&h);
    let pos = point_pos(&h, LOWEST);
    click_at(&mut h, pos, Modifiers::NONE);
    // The inspector shows the point; its picker has the common feelings.
    h.get_by_label("🤩 thrilled").click();
    h.run();
    let emoji = |h: &Harness<'static, JourneyApp>| {
        map_of(h)
            .curve(&id("cv63"))
            .and_then(|c| c.points.iter().find(|p| p.step == id("st7")))
            .and_then(|p| p.emoji.clone())
    };
    assert_eq!(emoji(&h).as_deref(), Some("🤩"));
    let picked = map_of(&h);
    h.get_by_label("Automatic (from the score)").click();
    h.run();
    assert_eq!(emoji(&h), None);
    let after = map_of(&h);
    check_undo_redo(&mut h, &picked, &after, 1);
    check_undo_redo(&mut h, &before, &after, 2);
}

#[test]
fn add_a_pain_point_pinned_to_the_lowest_point() {
    let mut h = editor(juicer());
    let before = map_of(&h);
    let pos = point_pos(&h, LOWEST);
    common::right_click(&mut h, pos);
    h.get_by_label("Add a pain point here").click();
    h.run();
    // The new pain card opens for typing at once.
    type_text(&mut h, "Không ai trực ngoài giờ");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let after = map_of(&h);
    let (card, pain) = after
        .pain_points()
        .find(|(c, _)| c.text == "Không ai trực ngoài giờ")
        .unwrap_or_else(|| panic!("no new pain point"));
    assert_eq!(card.step, id("st7"));
    assert_eq!(
        pain.anchor,
        Some(PainAnchor::Point {
            curve: id("cv63"),
            step: id("st7"),
        })
    );
    // Add, then the typing.
    check_undo_redo(&mut h, &before, &after, 2);
}

#[test]
fn hide_and_show_a_curve_from_the_legend_and_add_one() {
    let mut h = editor(juicer());
    let before = map_of(&h);
    h.get_by_label("Curve: Mong muốn (shown)").click();
    h.run();
    // A click on the name selects the curve for the inspector.
    h.get_by_label("Shown on the map").click();
    h.run();
    assert!(map_of(&h).curve(&id("cv64")).is_some_and(|c| c.hidden));
    h.get_by_label("Curve: Mong muốn (hidden)");
    assert!(
        h.query_by_label("Emotion point: Mong muốn, Giới thiệu › Giới thiệu bạn bè")
            .is_none()
    );
    h.get_by_label("Add curve").click();
    h.run();
    let after = map_of(&h);
    assert_eq!(after.curves.len(), 3);
    assert_eq!(after.curves[2].name, "Curve 3");
    check_undo_redo(&mut h, &before, &after, 2);
}

#[test]
fn voting_mode_adds_a_dot_per_click_and_removes_one_per_right_click() {
    let mut h = editor(juicer());
    let before = map_of(&h);
    let votes = |h: &Harness<'static, JourneyApp>| {
        map_of(h)
            .card(&id("c47"))
            .and_then(|c| c.pain.as_ref())
            .map(|p| p.votes)
    };
    assert_eq!(votes(&h), Some(8));
    h.get_by_label("● Vote").click();
    h.run();
    let card = "Card: Chatbot chỉ trả lời theo kịch bản, chờ nhân viên tư vấn gần 20 phút";
    let pos = h.get_by_label(&format!("{card} (8 votes)")).rect().center();
    click_at(&mut h, pos, Modifiers::NONE);
    click_at(&mut h, pos, Modifiers::NONE);
    click_at(&mut h, pos, Modifiers::NONE);
    assert_eq!(votes(&h), Some(11));
    common::right_click(&mut h, pos);
    assert_eq!(votes(&h), Some(10));
    h.get_by_label(&format!("{card} (10 votes)"));
    // An opportunity takes votes too; a plain card does not.
    let opp = map_of(&h)
        .opportunities()
        .map(|(c, o)| (c.text.clone(), o.votes))
        .next()
        .unwrap_or_default();
    let opp_pos = h
        .get_by_label(&format!("Card: {} ({} votes)", opp.0, opp.1))
        .rect()
        .center();
    click_at(&mut h, opp_pos, Modifiers::NONE);
    let plain = map_of(&h);
    let thought = h
        .get_by_label("Card: Hỏi mãi không ai trả lời, hay là mua trên sàn cho nhanh?")
        .rect()
        .center();
    click_at(&mut h, thought, Modifiers::NONE);
    assert_eq!(map_of(&h), plain);
    let after = map_of(&h);
    assert_eq!(
        after
            .opportunities()
            .find(|(c, _)| c.text == opp.0)
            .map(|(_, o)| o.votes),
        Some(opp.1 + 1)
    );
    // The totals in the banner.
    h.get_by_label_contains("Votes cast: 24 on pain points");
    // Five votes, five undo steps; votes are in the document and saved with it.
    check_undo_redo(&mut h, &before, &after, 5);
}

#[test]
fn link_an_opportunity_to_a_pain_point_in_the_inspector() {
    let mut h = editor(juicer());
    let before = map_of(&h);
    let (opp_id, opp_text, linked) = map_of(&h)
        .opportunities()
        .map(|(c, o)| (c.id.clone(), c.text.clone(), o.addresses.clone()))
        .next()
        .unwrap_or_else(|| panic!("no opportunity"));
    let (pain_id, pain_text) = map_of(&h)
        .pain_points()
        .find(|(c, _)| !linked.contains(&c.id))
        .map_or_else(
            || panic!("every pain point is linked"),
            |(c, _)| (c.id.clone(), c.text.clone()),
        );
    let pos = h
        .get_by_label_contains(&format!("Card: {opp_text}"))
        .rect()
        .center();
    click_at(&mut h, pos, Modifiers::NONE);
    // The inspector lists the pain points by their first 48 characters.
    let mut name: String = pain_text.chars().take(48).collect();
    if pain_text.chars().count() > 48 {
        name.push('…');
    }
    h.get_by_label(&name).click();
    h.run();
    let after = map_of(&h);
    let addresses = after
        .card(&opp_id)
        .and_then(|c| c.opportunity.as_ref())
        .map(|o| o.addresses.clone())
        .unwrap_or_default();
    assert!(addresses.contains(&pain_id), "{addresses:?}");
    check_undo_redo(&mut h, &before, &after, 1);
}

#[test]
fn a_stale_map_shows_the_review_badge_and_is_marked_reviewed() {
    let mut map = juicer();
    map.review.last_reviewed = Some(jiff::civil::date(2026, 1, 15));
    let mut h = editor(map);
    let before = map_of(&h);
    h.get_by_label("⏰ Review due").click();
    h.run();
    h.get_by_label("Mark as reviewed today").click();
    h.run();
    let after = map_of(&h);
    assert_eq!(
        after.review.last_reviewed,
        Some(jiff::civil::date(2026, 11, 27))
    );
    assert!(h.query_by_label("⏰ Review due").is_none());
    check_undo_redo(&mut h, &before, &after, 1);
    // A map reviewed within its cadence has no badge.
    let h = editor(juicer());
    assert!(h.query_by_label("⏰ Review due").is_none());
}

#[test]
fn hovering_a_card_or_a_marker_shows_the_pain_point_in_full() {
    let mut h = editor(juicer());
    let card = h
        .get_by_label_contains("Card: Chatbot chỉ trả lời theo kịch bản")
        .rect()
        .center();
    h.hover_at(card);
    h.run_steps(30);
    h.get_by_label("◕ Severity 4/5 · 8 votes · In progress");
    // The marker on the lowest point stands for the same pain point; a click selects it.
    let marker = h
        .get_by_label("Pain marker: one pain point, severity up to 4")
        .rect()
        .center();
    click_at(&mut h, marker, Modifiers::NONE);
    assert_eq!(h.state().editor().selection.cards, vec![id("c47")]);
}

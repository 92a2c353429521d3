//! Layout that never collides, in the real app on a 1280×720 projector with the Vietnamese
//! juicer sample: lane names keep clear of their collapse toggle, the review table's headings
//! are whole and its Owner column on screen, the matrix is docked under the map instead of
//! floating over it, and the vote dots have a row of their own under the card text.

mod common;

use egui::{Pos2, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use journeymap::layout::{self, LayoutMetrics, MapLayout};
use journeymap::ui::canvas::paint::headers::{lane_label_text, lane_name};
use journeymap::ui::kit::i18n::{Lang, tr};
use journeymap::ui::kit::theme::size::VOTE_DOT_RADIUS;
use journeymap::ui::{EguiMeasure, JourneyApp, OpenMap, Prefs};

/// A 1280×720 projector.
const PROJECTOR: Vec2 = Vec2::new(1280.0, 720.0);

use common::juicer;

/// The app on the juicer sample at 1280×720, with `prefs`, after its first frames.
fn app(prefs: Prefs) -> Harness<'static, JourneyApp> {
    let app = JourneyApp::new(Some(OpenMap::unsaved(juicer())), None).with_prefs(prefs);
    let mut h = common::harness(app, egui::Theme::Light);
    h.set_size(PROJECTOR);
    h.run();
    h
}

/// The map's layout as the app computes it (every lane expanded), with the app's fonts.
fn layout_of(h: &Harness<'static, JourneyApp>) -> MapLayout {
    let map = h.state().map().unwrap_or_else(|| panic!("no map"));
    layout::compute(map, &LayoutMetrics::default(), &EguiMeasure(&h.ctx))
}

/// Map to screen as the canvas draws it: found from the canvas's own widgets (a card's rect on
/// screen against its rect in the layout), so the test does not assume where the canvas is.
fn screen_from_map(h: &Harness<'static, JourneyApp>, layout: &MapLayout) -> (Vec2, f32) {
    let zoom = h.state().view().zoom;
    let map = h.state().map().unwrap_or_else(|| panic!("no map"));
    let b = &layout.cards[0];
    let card = &map.cards[b.card_index];
    let node = h.get_by_label(&format!("Card: {}", card.text)).rect();
    (node.min.to_vec2() - b.rect.min.to_vec2() * zoom, zoom)
}

#[test]
fn lane_names_keep_clear_of_their_collapse_toggle_at_every_zoom() {
    let mut h = app(Prefs::default());
    // From the whole map (Ctrl+0), where every lane is on screen.
    common::fit_whole(&mut h);
    let map = juicer();
    let mut zooms = Vec::new();
    // The fitted zoom, two steps in, then three out (to 25 %, where a label is 42 points wide).
    for key in [
        None,
        Some(true),
        Some(true),
        Some(false),
        Some(false),
        Some(false),
    ] {
        if let Some(zoom_in) = key {
            let key = if zoom_in {
                egui::Key::Plus
            } else {
                egui::Key::Minus
            };
            common::key(&mut h, key, egui::Modifiers::COMMAND);
        }
        let zoom = h.state().view().zoom;
        zooms.push(zoom);
        let mut checked = 0;
        for lane in &map.lanes {
            let lane_label = format!("Lane: {}", lane.name);
            let Some(label) = h.query_by_label(&lane_label) else {
                continue; // scrolled out of view at this zoom
            };
            let label = label.rect();
            let toggle_label = format!("Collapse {}", lane.name);
            let Some(toggle) = h.query_by_label(&toggle_label) else {
                // Only a sliver of the label shows under the sticky headers: no room for it.
                assert!(label.height() < 24.0, "{}: no toggle", lane.name);
                continue;
            };
            let toggle = toggle.rect();
            assert!(label.contains_rect(toggle), "{}: toggle outside", lane.name);
            let name = lane_name(
                &lane_label_text(lane, false, 0),
                label,
                zoom,
                false,
                egui::Color32::BLACK,
            );
            let (at, galley) = h.ctx.fonts_mut(|f| {
                let galley = f.layout_job(name.job.clone());
                (name.anchor.anchor_size(name.at, galley.size()).min, galley)
            });
            let text = Rect::from_min_size(at, galley.size());
            assert!(
                text.right() < toggle.left(),
                "zoom {zoom}: “{}” ({text:?}) touches its toggle ({toggle:?})",
                lane.name
            );
            assert!(text.left() > label.left(), "{}", lane.name);
            checked += 1;
        }
        assert!(checked >= 3, "zoom {zoom}: only {checked} lanes on screen");
    }
    assert!(zooms.windows(2).any(|w| w[0] != w[1]), "{zooms:?}");
    // “Cơ hội cải thiện” is whole with the whole map shown (its smallest zoom): two rows hold it.
    let lane = map
        .lanes
        .iter()
        .find(|l| l.name == "Cơ hội cải thiện")
        .unwrap_or_else(|| panic!("no such lane"));
    let mut h = app(Prefs::default());
    common::fit_whole(&mut h);
    let label = h.get_by_label("Lane: Cơ hội cải thiện").rect();
    let zoom = h.state().view().zoom;
    let name = lane_name(
        &lane_label_text(lane, false, 0),
        label,
        zoom,
        false,
        egui::Color32::BLACK,
    );
    let galley = h.ctx.fonts_mut(|f| f.layout_job(name.job));
    assert!(!galley.elided, "zoom {zoom}: the lane name is cut");
}

/// The strong button font of a heading, wrapped to `width` on at most two rows.
fn heading_is_whole(h: &Harness<'static, JourneyApp>, text: &str, width: f32) -> bool {
    let style = h.ctx.global_style();
    let font = egui::TextStyle::Button.resolve(&style);
    let mut job = egui::text::LayoutJob::simple(text.to_owned(), font, egui::Color32::BLACK, width);
    job.wrap.max_rows = 2;
    job.wrap.overflow_character = Some('…');
    !h.ctx.fonts_mut(|f| f.layout_job(job)).elided
}

#[test]
fn review_headings_are_whole_and_the_owner_column_is_on_screen() {
    let columns = [
        "review-col-stage",
        "review-col-step",
        "review-col-text",
        "review-col-severity",
        "review-col-votes",
        "review-col-score",
        "review-col-evidence",
        "review-col-opportunities",
        "review-col-status",
        "review-col-owner",
    ];
    for lang in Lang::ALL {
        let h = app(Prefs {
            lang,
            show_review: true,
            ..Prefs::default()
        });
        let screen = h.ctx.content_rect();
        let padding = h.ctx.global_style().spacing.button_padding.x;
        let spacing = h.ctx.global_style().spacing.item_spacing.x;
        // Sorted by score at first: its heading carries the arrow.
        let headings: Vec<(String, Rect)> = columns
            .iter()
            .map(|key| {
                let mut text = tr(lang, key);
                if *key == "review-col-score" {
                    text.push_str(" ▼");
                }
                let rect = h.get_by_label(&text).rect();
                (text, rect)
            })
            .collect();
        for (i, (text, rect)) in headings.iter().enumerate() {
            assert!(
                screen.contains_rect(*rect),
                "{lang:?}: “{text}” off screen: {rect:?}"
            );
            // A heading's column runs to where the next one starts.
            let column_right = headings
                .get(i + 1)
                .map_or(screen.right() - spacing, |(_, next)| {
                    next.rect_left() - spacing
                });
            let width = column_right - rect.left() - 2.0 * padding;
            assert!(
                heading_is_whole(&h, text, width),
                "{lang:?}: “{text}” does not fit {width} points on two lines"
            );
        }
        // Every owner is written whole, inside the window.
        let (_, owner_heading) = &headings[columns.len() - 1];
        let body = egui::TextStyle::Body.resolve(&h.ctx.global_style());
        for (card, pain) in juicer().pain_points() {
            let node = h.get_by_label(&pain.owner).rect();
            assert!(
                screen.contains_rect(node),
                "{lang:?}: {} owner off screen",
                card.id
            );
            assert!((node.left() - owner_heading.left()).abs() < 12.0);
            let whole = h
                .ctx
                .fonts_mut(|f| {
                    f.layout_no_wrap(pain.owner.clone(), body.clone(), egui::Color32::BLACK)
                })
                .size()
                .x;
            assert!(
                node.width() >= whole - 0.5,
                "{lang:?}: “{}” is cut ({} < {whole})",
                pain.owner,
                node.width()
            );
        }
    }
}

/// A rectangle's left edge; keeps the closures above short.
trait RectLeft {
    fn rect_left(&self) -> f32;
}

impl RectLeft for Rect {
    fn rect_left(&self) -> f32 {
        self.left()
    }
}

#[test]
fn the_matrix_is_docked_under_the_map_and_beside_the_table() {
    for lang in Lang::ALL {
        let mut h = app(Prefs {
            lang,
            show_review: true,
            show_matrix: true,
            ..Prefs::default()
        });
        let title = tr(lang, "matrix-title");
        // Both opened at once (restored preferences): the table is in front, the matrix's
        // tab beside it.
        assert!(h.query_by_label(&tr(lang, "review-col-owner")).is_some());
        h.get_by_label(&title).click();
        h.run();
        let matrix = h
            .get_by_role_and_label(egui::accesskit::Role::Figure, &title)
            .rect();
        let canvas = h.get_by_role(egui::accesskit::Role::Canvas).rect();
        // The inspector (its heading, when it shows one) stays above the dock too.
        if let Some(inspector) = h.query_by_label(&tr(lang, "insp-title")) {
            assert!(matrix.top() > inspector.rect().bottom(), "{lang:?}");
        }
        assert!(
            !matrix.intersects(canvas),
            "{lang:?}: {matrix:?} over the map {canvas:?}"
        );
        assert!(matrix.top() >= canvas.bottom(), "{lang:?}");
        assert!(h.ctx.content_rect().contains_rect(matrix), "{lang:?}");
        // The table's tab brings the table back, and the matrix's the matrix.
        assert!(h.query_by_label(&tr(lang, "review-col-owner")).is_none());
        h.get_by_label(&tr(lang, "review-title")).click();
        h.run();
        assert!(h.query_by_label(&tr(lang, "review-col-owner")).is_some());
        assert!(
            h.query_by_role_and_label(egui::accesskit::Role::Figure, &title)
                .is_none()
        );
        h.get_by_label(&title).click();
        h.run();
        let again = h
            .get_by_role_and_label(egui::accesskit::Role::Figure, &title)
            .rect();
        assert_eq!(
            again, matrix,
            "{lang:?}: the matrix stays where it was docked"
        );
    }
}

#[test]
fn vote_dots_sit_below_the_card_text() {
    let mut h = app(Prefs::default());
    // The whole map, so that no card is cut by the canvas's edge.
    common::fit_whole(&mut h);
    h.get_by_label("● Vote").click();
    h.run();
    let layout = layout_of(&h);
    let (offset, zoom) = screen_from_map(&h, &layout);
    let to_screen = |r: Rect| {
        Rect::from_min_max(
            Pos2::ZERO + offset + r.min.to_vec2() * zoom,
            Pos2::ZERO + offset + r.max.to_vec2() * zoom,
        )
    };
    let map = juicer();
    let metrics = LayoutMetrics::default();
    let mut checked = 0;
    for b in &layout.cards {
        let card = &map.cards[b.card_index];
        let votes = card
            .pain
            .as_ref()
            .map(|p| p.votes)
            .or(card.opportunity.as_ref().map(|o| o.votes));
        let Some(votes) = votes else {
            assert!(b.votes.is_none(), "{}", card.id);
            continue;
        };
        let row = to_screen(
            b.votes
                .unwrap_or_else(|| panic!("{} has no vote row", card.id)),
        );
        // The card on screen is where the layout puts it, and holds its vote row.
        let node = h
            .get_by_label(&format!("Card: {} ({votes} votes)", card.text))
            .rect();
        let card_on_screen = to_screen(b.rect);
        assert!(
            (node.min - card_on_screen.min).length() < 1.0
                && (node.max - card_on_screen.max).length() < 1.0,
            "{}: {node:?} vs {card_on_screen:?}",
            card.id
        );
        assert!(node.expand(0.5).contains_rect(row), "{}", card.id);
        // The text as painted (zoomed font, zoomed wrap width) ends above the vote row.
        let text = to_screen(b.text);
        let galley = h.ctx.fonts_mut(|f| {
            f.layout(
                card.text.clone(),
                egui::FontId::proportional(metrics.card_font_size * zoom),
                egui::Color32::BLACK,
                b.text.width() * zoom,
            )
        });
        let last_line_bottom = text.top() + galley.size().y;
        let dots_top = row.center().y - VOTE_DOT_RADIUS * zoom;
        assert!(
            last_line_bottom <= dots_top,
            "{}: text ends at {last_line_bottom}, dots start at {dots_top}",
            card.id,
        );
        assert!(row.height() >= 2.0 * 4.0 * zoom, "room for a dot");
        checked += 1;
    }
    assert_eq!(
        checked,
        map.pain_points().count() + map.opportunities().count()
    );
}

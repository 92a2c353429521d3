//! The opportunity priority matrix: every opportunity card of the map placed by effort (x, low
//! effort left) and impact (y, high impact top), on four shaded quadrants (quick wins, big bets,
//! fill-ins, money pits), so a product owner sees at a glance what to do first.
//!
//! The view is read-only, like the canvas: clicking a dot returns its card id and the caller
//! selects that card on the map (the inspector then edits impact, effort and votes).
//!
//! Everything the plot shows is computed by pure functions in [`crate::analysis::matrix`]
//! (quadrants, dot positions and sizes, the hit test, label placement) that the tests check
//! without a window; this panel only paints them through `egui_plot`'s transform and
//! hit-tests the pointer with the same transform.

use egui::{
    Align2, Color32, CursorIcon, FontId, Label, Pos2, Rect, RichText, Role, Sense, Stroke, Ui,
    Vec2, WidgetInfo, vec2,
};
use egui_plot::{
    GridInput, GridMark, HLine, Plot, PlotBounds, PlotPoint, PlotResponse, PlotTransform, Polygon,
    VLine,
};

use crate::analysis::matrix::{
    AXIS_RANGE, DIVIDER, Dot, Quadrant, SCORE_MAX, SCORE_MIN, dot_at, dot_radius, dots,
    place_labels,
};
use crate::model::{Card, ColorToken, Id, JourneyMap};
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::theme::{Theme, size};

/// Space between the plot's edge and the quadrant names in its corners, in points.
const QUADRANT_NAME_INSET: f32 = 6.0;

/// Width of the quadrants' dividing lines, in points; labels keep this far from them.
const DIVIDER_WIDTH: f32 = 1.5;

/// Width of the ring around selected dots, in points.
const SELECTION_RING_WIDTH: f32 = 2.5;

/// How many characters of a card's text label its dot (the tooltip shows all of it).
const LABEL_CHARS: usize = 24;

/// Widest tooltip, in points.
const TOOLTIP_WIDTH: f32 = 320.0;

/// Smallest height of the plot, in points, when the panel is short.
const MIN_PLOT_HEIGHT: f32 = 160.0;

/// The first line of a card's text, cut to `max_chars` characters with "…" when longer (or
/// when the text has more lines).
fn short_text(lang: Lang, card: &Card, max_chars: usize) -> String {
    let text = card.text.trim();
    let first_line = text.lines().next().unwrap_or_default().trim();
    if first_line.is_empty() {
        return tr(lang, "card-empty");
    }
    if first_line.chars().count() > max_chars {
        let cut: String = first_line
            .chars()
            .take(max_chars.saturating_sub(1))
            .collect();
        format!("{}…", cut.trim_end())
    } else if text.lines().count() > 1 {
        format!("{first_line}…")
    } else {
        first_line.to_owned()
    }
}

/// A dot's colour: the colour of its card's stage, as on the stage header of the map.
fn dot_color(theme: &Theme, map: &JourneyMap, card: &Card) -> Color32 {
    map.stages
        .iter()
        .enumerate()
        .find(|(_, stage)| stage.steps.iter().any(|step| step.id == card.step))
        .map_or_else(
            || theme.strong(ColorToken::Gray),
            |(index, stage)| theme.stage_color(index, stage.color),
        )
}

/// Draws the matrix; returns the opportunity card the user clicked, to select it on the map.
///
/// `selected` are the selected cards of the map: their dots get a ring. The view cannot be
/// panned or zoomed: it always shows scores 1 to 5 on both axes.
pub fn matrix_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap, selected: &[Id]) -> Option<Id> {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let dots = dots(map);

    // The title is the dock's; the count goes first.
    if !dots.is_empty() {
        let count = tr_args(lang, "matrix-count", &[("count", dots.len().into())]);
        ui.weak(count);
    }
    if !dots.is_empty() {
        legend_ui(ui, lang, &theme, map, &dots);
    }

    let plot = plot_ui(ui, lang, &theme);
    let transform = plot.transform;
    let dots_on_screen: Vec<(Pos2, f32)> = dots
        .iter()
        .map(|dot| {
            (
                transform.position_from_point(&PlotPoint::from(dot.pos)),
                dot_radius(dot.opportunity.votes),
            )
        })
        .collect();
    let hovered = plot
        .response
        .hover_pos()
        .and_then(|pointer| dot_at(&dots_on_screen, pointer));

    paint_dots(
        ui,
        lang,
        &theme,
        map,
        &dots,
        &dots_on_screen,
        selected,
        hovered,
        &transform,
    );
    let mut clicked = accessible_dots_ui(ui, lang, &dots, &dots_on_screen, selected);
    if dots.is_empty() {
        empty_state_ui(ui, lang, *transform.frame());
    }

    if plot.response.clicked()
        && let Some(pointer) = plot.response.interact_pointer_pos()
        && let Some(index) = dot_at(&dots_on_screen, pointer)
    {
        clicked = Some(dots[index].card.id.clone());
    }
    if let Some(index) = hovered {
        ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
        plot.response
            .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, lang, &theme, map, &dots[index]));
    }
    clicked
}

/// The plot itself: fixed bounds, integer ticks, shaded quadrants, the dividing lines. The
/// quadrant names, dots and labels are painted afterwards with the transform it returns.
fn plot_ui(ui: &mut Ui, lang: Lang, theme: &Theme) -> PlotResponse<()> {
    let [min, max] = AXIS_RANGE;
    let bounds = PlotBounds::from_min_max([min, min], [max, max]);
    let height = ui.available_height().max(MIN_PLOT_HEIGHT);
    let integer_ticks = |input: GridInput| -> Vec<GridMark> {
        (SCORE_MIN..=SCORE_MAX)
            .map(f64::from)
            .filter(|value| (input.bounds.0..=input.bounds.1).contains(value))
            .map(|value| GridMark {
                value,
                step_size: 1.0,
            })
            .collect()
    };
    let tick_label =
        |mark: GridMark, _: &std::ops::RangeInclusive<f64>| format!("{}", mark.value.round());
    let theme = theme.clone();
    let response = Plot::new("opportunity-matrix")
        .height(height)
        .default_x_bounds(min, max)
        .default_y_bounds(min, max)
        // Nothing may lose the view: no pan, zoom, scroll, box zoom or axis drag.
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_axis_zoom_drag(false)
        .allow_double_click_reset(false)
        // The dots have their own tooltip; the plot's coordinate tooltip and crosshair would
        // only show meaningless fractions.
        .show_x(false)
        .show_y(false)
        .sense(Sense::click())
        .x_grid_spacer(integer_ticks)
        .y_grid_spacer(integer_ticks)
        .grid_color(theme.grid_line)
        .x_axis_formatter(tick_label)
        .y_axis_formatter(tick_label)
        .x_axis_label(tr(lang, "matrix-effort"))
        .y_axis_label(tr(lang, "matrix-impact"))
        .show(ui, move |plot_ui| {
            // Pinned every frame, whatever the plot's memory holds from an older version.
            plot_ui.set_plot_bounds(bounds);
            for q in Quadrant::ALL {
                let ([x0, x1], [y0, y1]) = q.area();
                plot_ui.polygon(
                    Polygon::new("", vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
                        .fill_color(theme.quadrant_tint(q))
                        .stroke(Stroke::NONE)
                        .allow_hover(false),
                );
            }
            let divider = Stroke::new(DIVIDER_WIDTH, theme.stage_line);
            plot_ui.hline(HLine::new("", DIVIDER).stroke(divider).allow_hover(false));
            plot_ui.vline(VLine::new("", DIVIDER).stroke(divider).allow_hover(false));
        });
    response
        .response
        .widget_info(|| WidgetInfo::labeled(Role::Figure, true, tr(lang, "matrix-title")));
    response
}

/// Paints the quadrant names in the plot's outer corners, then every dot, largest first so
/// small dots stay visible on top, with a ring on the selected ones and on the hovered one,
/// then every label where [`place_labels`] puts it.
#[expect(
    clippy::too_many_arguments,
    reason = "one painting pass over the parallel lists matrix_ui already holds"
)]
fn paint_dots(
    ui: &Ui,
    lang: Lang,
    theme: &Theme,
    map: &JourneyMap,
    dots: &[Dot<'_>],
    dots_on_screen: &[(Pos2, f32)],
    selected: &[Id],
    hovered: Option<usize>,
    transform: &PlotTransform,
) {
    let frame = *transform.frame();
    let painter = ui.painter_at(frame);
    let background = ui.visuals().extreme_bg_color;
    let outline = Stroke::new(1.5, background);
    let mut quadrant_names = Vec::with_capacity(Quadrant::ALL.len());
    for q in Quadrant::ALL {
        let galley = painter.layout_no_wrap(
            tr(lang, q.label_key()),
            crate::ui::kit::fonts::bold(size::BODY_FONT),
            theme.quadrant(q),
        );
        let inner = frame.shrink(QUADRANT_NAME_INSET);
        let corner = match q {
            Quadrant::QuickWin => Align2::LEFT_TOP,
            Quadrant::BigBet => Align2::RIGHT_TOP,
            Quadrant::FillIn => Align2::LEFT_BOTTOM,
            Quadrant::MoneyPit => Align2::RIGHT_BOTTOM,
        };
        let rect = corner.align_size_within_rect(galley.size(), inner);
        painter.galley(rect.min, galley, theme.quadrant(q));
        quadrant_names.push(rect);
    }

    let mut order: Vec<usize> = (0..dots.len()).collect();
    order.sort_by(|&a, &b| dots_on_screen[b].1.total_cmp(&dots_on_screen[a].1));
    for index in order {
        let dot = &dots[index];
        let (center, radius) = dots_on_screen[index];
        painter.circle(center, radius, dot_color(theme, map, dot.card), outline);
        if selected.contains(&dot.card.id) {
            painter.circle_stroke(
                center,
                radius + 3.0,
                Stroke::new(SELECTION_RING_WIDTH, theme.selection),
            );
        } else if hovered == Some(index) {
            painter.circle_stroke(center, radius + 2.0, Stroke::new(1.5, theme.card_text));
        }
    }

    // Each label is its first ~24 characters; where its quadrant has no room for them, it is
    // cut to the width `place_labels` finds, never across a dividing line.
    let font = FontId::proportional(size::CHIP_FONT);
    let job = |text: String, width: f32| {
        let mut job = egui::text::LayoutJob::simple_singleline(text, font.clone(), theme.card_text);
        job.wrap = egui::text::TextWrapping::truncate_at_width(width);
        job
    };
    let texts: Vec<String> = dots
        .iter()
        .map(|dot| short_text(lang, dot.card, LABEL_CHARS))
        .collect();
    let sizes: Vec<Vec2> = texts
        .iter()
        .map(|text| painter.layout_job(job(text.clone(), f32::INFINITY)).size())
        .collect();
    let regions: Vec<Rect> = dots
        .iter()
        .map(|dot| quadrant_on_screen(transform, dot.quadrant()))
        .collect();
    let places = place_labels(dots_on_screen, &sizes, &regions, &quadrant_names);
    // A faint backing keeps labels readable over grid lines and tints.
    let backing = background.gamma_multiply(0.75);
    for (text, place) in texts.into_iter().zip(places) {
        let Some(rect) = place else {
            continue;
        };
        // A hair wider than the rectangle, so a label that fits is never cut by rounding.
        let galley = painter.layout_job(job(text, rect.width() + 0.5));
        painter.rect_filled(rect.expand(1.0), 3.0, backing);
        painter.galley(rect.min, galley, theme.card_text);
    }
}

/// A quadrant's area on screen, inside the dividing lines, where its dots' labels must stay.
fn quadrant_on_screen(transform: &PlotTransform, quadrant: Quadrant) -> Rect {
    let ([x0, x1], [y0, y1]) = quadrant.area();
    let area = transform.rect_from_values(&PlotPoint::new(x0, y0), &PlotPoint::new(x1, y1));
    area.shrink(DIVIDER_WIDTH)
}

/// One accessible node per dot, so screen readers (and tests) find every opportunity by name.
/// They sense no clicks, which stay with the plot's hit test, but a screen reader's "click"
/// on one selects its card. Returns the card so clicked.
fn accessible_dots_ui(
    ui: &Ui,
    lang: Lang,
    dots: &[Dot<'_>],
    dots_on_screen: &[(Pos2, f32)],
    selected: &[Id],
) -> Option<Id> {
    let mut clicked = None;
    for (dot, &(center, radius)) in dots.iter().zip(dots_on_screen) {
        let id = ui.scope_id().with(("matrix-dot", &dot.card.id));
        let rect = Rect::from_center_size(center, vec2(2.0 * radius, 2.0 * radius));
        let response = ui.interact(rect, id, Sense::hover());
        let label = tr_args(
            lang,
            "matrix-dot",
            &[
                ("text", short_text(lang, dot.card, usize::MAX).into()),
                ("quadrant", tr(lang, dot.quadrant().label_key()).into()),
                ("impact", dot.opportunity.impact.into()),
                ("effort", dot.opportunity.effort.into()),
            ],
        );
        let is_selected = selected.contains(&dot.card.id);
        response.widget_info(|| WidgetInfo::selected(Role::Button, true, is_selected, &label));
        ui.ctx().accesskit_node_builder(id, |node| {
            node.add_action(egui::accesskit::Action::Click);
        });
        if ui.input(|input| input.has_accesskit_action_request(id, egui::accesskit::Action::Click))
        {
            clicked = Some(dot.card.id.clone());
        }
    }
    clicked
}

/// Counts per quadrant (hover one for its advice and its opportunities), the stage colours and
/// what a dot's size means.
fn legend_ui(ui: &mut Ui, lang: Lang, theme: &Theme, map: &JourneyMap, dots: &[Dot<'_>]) {
    // Each swatch stays with its text when the row wraps.
    let item = |ui: &mut Ui, color: Color32, round: bool, text: String| {
        ui.horizontal(|ui| {
            legend_sample_ui(ui, color, round);
            ui.add(Label::new(text).extend());
        })
        .response
    };
    ui.horizontal_wrapped(|ui| {
        for q in Quadrant::ALL {
            let members: Vec<&Dot<'_>> = dots.iter().filter(|d| d.quadrant() == q).collect();
            let text = format!("{} {}", tr(lang, q.label_key()), members.len());
            item(ui, theme.quadrant(q), false, text).on_hover_ui(|ui| {
                ui.set_max_width(TOOLTIP_WIDTH);
                ui.label(RichText::new(tr(lang, q.hint_key())).strong());
                for dot in members {
                    ui.label(format!("• {}", short_text(lang, dot.card, 48)));
                }
                ui.weak(tr(lang, "matrix-rule"));
            });
            ui.add_space(ui.spacing().item_spacing.x);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.add(Label::new(RichText::new(tr(lang, "matrix-legend-stage")).weak()).extend());
        for (index, stage) in map.stages.iter().enumerate() {
            let has_dots = dots
                .iter()
                .any(|d| stage.steps.iter().any(|s| s.id == d.card.step));
            if has_dots {
                item(
                    ui,
                    theme.stage_color(index, stage.color),
                    true,
                    stage.name.clone(),
                );
            }
        }
        ui.add_space(ui.spacing().item_spacing.x);
        ui.add(Label::new(RichText::new(tr(lang, "matrix-legend-size")).weak()).extend());
    });
}

/// A small colour sample in the legend (not a button): a square for a quadrant, a disc for a
/// stage (like the dots).
fn legend_sample_ui(ui: &mut Ui, color: Color32, round: bool) {
    let side = ui.text_style_height(&egui::TextStyle::Body) * 0.8;
    let (rect, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    if round {
        ui.painter().circle_filled(rect.center(), side / 2.0, color);
    } else {
        ui.painter().rect_filled(rect, 2.0, color);
    }
}

/// The tooltip of a dot: the card's whole text, its scores and votes, quadrant, stage, and the
/// pain points it addresses.
fn tooltip_ui(ui: &mut Ui, lang: Lang, theme: &Theme, map: &JourneyMap, dot: &Dot<'_>) {
    ui.set_max_width(TOOLTIP_WIDTH);
    let text = dot.card.text.trim();
    if text.is_empty() {
        ui.weak(tr(lang, "card-empty"));
    } else {
        ui.label(RichText::new(text).strong());
    }
    ui.label(tr_args(
        lang,
        "matrix-scores",
        &[
            ("impact", dot.opportunity.impact.into()),
            ("effort", dot.opportunity.effort.into()),
            ("votes", dot.opportunity.votes.into()),
        ],
    ));
    let q = dot.quadrant();
    ui.label(
        RichText::new(format!(
            "{} · {}",
            tr(lang, q.label_key()),
            tr(lang, q.hint_key())
        ))
        .color(theme.quadrant(q)),
    );
    if let Some(stage) = map.stage_of_step(&dot.card.step) {
        ui.label(tr_args(
            lang,
            "matrix-stage",
            &[("stage", stage.name.clone().into())],
        ));
    }
    let pains: Vec<&Card> = dot
        .opportunity
        .addresses
        .iter()
        .filter_map(|id| map.card(id))
        .collect();
    ui.separator();
    if pains.is_empty() {
        ui.weak(tr(lang, "matrix-addresses-none"));
    } else {
        ui.label(RichText::new(tr(lang, "matrix-addresses")).strong());
        for pain in pains {
            ui.label(format!("• {}", short_text(lang, pain, 60)));
        }
    }
}

/// The message shown over the empty matrix: how to get opportunities onto it.
fn empty_state_ui(ui: &mut Ui, lang: Lang, frame: Rect) {
    let text = tr(lang, "matrix-empty");
    let width = (frame.width() - 48.0).clamp(120.0, 380.0);
    let galley = ui.painter().layout(
        text.clone(),
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
        width,
    );
    let rect = Rect::from_center_size(frame.center(), galley.size());
    ui.painter().rect(
        rect.expand(12.0),
        6.0,
        ui.visuals().window_fill,
        ui.visuals().window_stroke,
        egui::StrokeKind::Outside,
    );
    ui.put(rect, Label::new(text).wrap());
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT as _, Queryable as _};

    use super::*;
    use crate::analysis::matrix::dot_positions;
    use crate::ui::kit::testing::{harness_builder, sample_map};

    #[test]
    fn every_quadrant_is_named_in_both_languages() {
        for lang in Lang::ALL {
            for q in Quadrant::ALL {
                assert_ne!(tr(lang, q.label_key()), q.label_key());
                assert_ne!(tr(lang, q.hint_key()), q.hint_key());
            }
        }
        assert_eq!(tr(Lang::Vi, Quadrant::QuickWin.label_key()), "Thắng nhanh");
    }

    /// Every `matrix-…` key this file names exists in both languages (the i18n test only sees
    /// keys written as a literal right after `lang, ` on the same line).
    #[test]
    fn every_matrix_key_exists() {
        // The quadrants' keys sit with the quadrants, in analysis.
        let source = [
            include_str!("matrix.rs"),
            include_str!("../../analysis/matrix.rs"),
        ]
        .concat();
        let mut keys = 0;
        for (at, _) in source.match_indices("\"matrix-") {
            let rest = &source[at + 1..];
            let key = &rest[..rest.find('"').expect("a closing quote")];
            if key.ends_with('-') {
                continue; // this test's own pattern
            }
            keys += 1;
            // Every argument any matrix message takes; a message ignores those it does not use.
            let args = [
                ("count", 2.into()),
                ("impact", 4.into()),
                ("effort", 2.into()),
                ("votes", 3.into()),
                ("stage", "Mua".into()),
                ("text", "Thẻ".into()),
                ("quadrant", "Q".into()),
            ];
            for lang in Lang::ALL {
                assert_ne!(tr_args(lang, key, &args), key, "{lang:?} has no {key}");
            }
        }
        assert!(keys > 10);
    }

    #[test]
    fn labels_are_cut_with_an_ellipsis() {
        let card = |text: &str| Card::new(Id::new("c1"), Id::new("st1"), Id::new("l1"), text);
        assert_eq!(
            short_text(Lang::En, &card("Free shipping"), 24),
            "Free shipping"
        );
        let long = short_text(
            Lang::Vi,
            &card("Miễn phí vận chuyển cho đơn từ 300 nghìn"),
            24,
        );
        assert_eq!(long.chars().count(), 24, "{long}");
        assert!(long.ends_with('…'));
        assert_eq!(short_text(Lang::En, &card("One\ntwo"), 24), "One…");
        assert_eq!(
            short_text(Lang::En, &card("  "), 24),
            tr(Lang::En, "card-empty")
        );
    }

    /// The harness state: the map, the selection, and the card the last frame returned.
    type State = (JourneyMap, Vec<Id>, Option<Id>);

    fn harness(lang: Lang, theme: egui::Theme, map: JourneyMap) -> Harness<'static, State> {
        harness_builder([700.0, 560.0], theme).build_ui_state(
            move |ui, (map, selected, clicked): &mut State| {
                if let Some(id) = matrix_ui(ui, lang, map, selected) {
                    *clicked = Some(id);
                }
            },
            (map, Vec::new(), None),
        )
    }

    /// Where a dot is on screen, from the plot's frame and the same transform the matrix uses.
    fn dot_on_screen(harness: &Harness<'static, State>, lang: Lang, id: &Id) -> Pos2 {
        let frame = harness
            .get_by_role_and_label(Role::Figure, &tr(lang, "matrix-title"))
            .rect();
        let [min, max] = AXIS_RANGE;
        let transform = PlotTransform::new(
            frame,
            PlotBounds::from_min_max([min, min], [max, max]),
            false,
        );
        let (_, pos) = dot_positions(&harness.state().0)
            .into_iter()
            .find(|(dot, _)| dot == id)
            .expect("the card has a dot");
        transform.position_from_point(&PlotPoint::from(pos))
    }

    fn click_at(harness: &mut Harness<'static, State>, pos: Pos2) {
        harness.hover_at(pos);
        harness.run();
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
        }
        harness.run();
    }

    #[test]
    fn renders_in_both_languages_and_themes() {
        for lang in Lang::ALL {
            for theme in [egui::Theme::Light, egui::Theme::Dark] {
                for name in ["ecommerce-sneakers.ron", "may-ep-trai-cay.ron"] {
                    let mut harness = harness(lang, theme, sample_map(name));
                    harness.run();
                    harness.get_by_role_and_label(Role::Figure, &tr(lang, "matrix-title"));
                    let map = harness.state().0.clone();
                    for (card, _) in map.opportunities() {
                        let text = short_text(lang, card, usize::MAX);
                        assert!(
                            harness.query_by_label_contains(&text).is_some(),
                            "{lang:?} {name}: no dot for {text}"
                        );
                    }
                    // Hovering a dot shows its tooltip without trouble.
                    let (id, _) = dot_positions(&map).into_iter().next().expect("a dot");
                    let pos = dot_on_screen(&harness, lang, &id);
                    harness.hover_at(pos);
                    harness.run();
                }
            }
        }
    }

    #[test]
    fn clicking_a_dot_returns_its_card() {
        let mut map = sample_map("ecommerce-sneakers.ron");
        // Two opportunities on the same spot: the click must still tell them apart.
        let ids: Vec<Id> = map.opportunities().map(|(c, _)| c.id.clone()).collect();
        for card in &mut map.cards {
            if card.id == ids[0] || card.id == ids[1] {
                let opportunity = card.opportunity.as_mut().expect("an opportunity");
                opportunity.impact = 4;
                opportunity.effort = 2;
            }
        }
        let mut harness = harness(Lang::En, egui::Theme::Light, map);
        harness.run();
        for id in &ids {
            harness.state_mut().2 = None;
            let pos = dot_on_screen(&harness, Lang::En, id);
            click_at(&mut harness, pos);
            assert_eq!(harness.state().2.as_ref(), Some(id));
        }
        // A click on an empty spot selects nothing.
        harness.state_mut().2 = None;
        let frame = harness
            .get_by_role_and_label(Role::Figure, "Opportunity priority matrix")
            .rect();
        click_at(&mut harness, frame.right_top() + vec2(-4.0, 4.0));
        assert_eq!(harness.state().2, None);
    }

    #[test]
    fn a_screen_reader_can_select_a_dot() {
        let map = sample_map("may-ep-trai-cay.ron");
        let (card, _) = map.opportunities().next().expect("an opportunity");
        let id = card.id.clone();
        let text = short_text(Lang::Vi, card, usize::MAX);
        let mut harness = harness(Lang::Vi, egui::Theme::Dark, map);
        harness.run();
        harness.get_by_label_contains(&text).click_accesskit();
        harness.run();
        assert_eq!(harness.state().2, Some(id));
    }

    #[test]
    fn selected_dots_are_reported_as_selected() {
        let map = sample_map("ecommerce-sneakers.ron");
        let (card, _) = map.opportunities().next().expect("an opportunity");
        let (id, text) = (card.id.clone(), short_text(Lang::En, card, usize::MAX));
        let mut harness = harness(Lang::En, egui::Theme::Light, map);
        harness.state_mut().1 = vec![id];
        harness.run();
        let node = harness.get_by_label_contains(&text);
        assert_eq!(
            node.accesskit_node().toggled(),
            Some(egui::accesskit::Toggled::True)
        );
    }

    #[test]
    fn an_empty_map_explains_what_to_do() {
        for lang in Lang::ALL {
            let mut harness = harness(lang, egui::Theme::Light, JourneyMap::new("Trống"));
            harness.run();
            assert!(harness.query_by_label(&tr(lang, "matrix-empty")).is_some());
        }
    }
}

//! The monthly trends of the customer-data view, drawn with `egui_plot`: one line per
//! touchpoint over the months of every import, for the metric chosen (customers, conversion,
//! CSAT, NPS). The touchpoints are the selected card when it is a touchpoint with numbers,
//! else the flagged ones (else the largest), unless the user picks others; a legend names
//! each line by its card. Every point is an accessible node saying its card, month and value,
//! with the same text on hover.

use egui::{ComboBox, Label, Pos2, RichText, Role, Sense, Stroke, Ui, WidgetInfo, vec2};
use egui_plot::{GridInput, GridMark, Line, MarkerShape, Plot, PlotBounds, PlotPoint, Points};

use crate::analysis::data_view::{
    DEFAULT_TREND_CARDS, data_cards, default_trend_cards, trend_months,
};
use crate::analysis::overlay::{format_value, trend};
use crate::model::{ColorToken, Id, JourneyMap, MetricKind};
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::labels::{card_name, metric_key};
use crate::ui::kit::theme::Theme;

/// What the customer-data view remembers between frames (mostly the trend chart's choices).
#[derive(Clone, Debug)]
pub(super) struct DataViewState {
    /// The metric the trend chart draws.
    pub(super) metric: MetricKind,
    /// The touchpoints the user picked for the trend chart (`None`: the default ones).
    pub(super) picked: Option<Vec<Id>>,
    /// The selection on the map as last seen: a new one replaces the picked touchpoints.
    pub(super) seen_selection: Vec<Id>,
    /// The import (by index) whose deletion is being confirmed.
    pub(super) confirm_delete: Option<usize>,
}

impl Default for DataViewState {
    fn default() -> Self {
        Self {
            metric: MetricKind::ConversionRate,
            picked: None,
            seen_selection: Vec::new(),
            confirm_delete: None,
        }
    }
}

/// The metrics the trend chart can draw.
const METRICS: [MetricKind; 4] = [
    MetricKind::Customers,
    MetricKind::ConversionRate,
    MetricKind::Csat,
    MetricKind::Nps,
];

/// The lines' colours, in the order of the touchpoints.
const LINE_COLORS: [ColorToken; 6] = [
    ColorToken::Blue,
    ColorToken::Orange,
    ColorToken::Green,
    ColorToken::Purple,
    ColorToken::Teal,
    ColorToken::Pink,
];

/// One line of the chart: its card, its colour and its months' values, oldest first.
type Series = (Id, egui::Color32, Vec<(String, f64)>);

/// Least height of the plot, in points.
const MIN_PLOT_HEIGHT: f32 = 120.0;

/// Radius of a month's point, in points.
const POINT_RADIUS: f32 = 3.5;

/// The trend chart with its title, the metric and touchpoint pickers and the legend.
pub(super) fn trends_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    selected: &[Id],
    state: &mut DataViewState,
) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let with_data = data_cards(map);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr(lang, "data-trends-title")).strong());
        metric_picker_ui(ui, lang, &mut state.metric);
        touchpoint_picker_ui(ui, lang, map, selected, &with_data, state);
    });
    let cards: Vec<Id> = state
        .picked
        .clone()
        .unwrap_or_else(|| default_trend_cards(map, selected, DEFAULT_TREND_CARDS))
        .into_iter()
        .filter(|c| with_data.contains(c))
        .collect();
    if cards.is_empty() {
        ui.weak(tr(lang, "data-trends-none"));
        return;
    }
    let metric = state.metric;
    let series: Vec<Series> = cards
        .iter()
        .zip(LINE_COLORS.iter().cycle())
        .map(|(card, color)| (card.clone(), theme.strong(*color), trend(map, card, metric)))
        .collect();
    legend_ui(ui, lang, map, &series);
    let months = trend_months(series.iter().map(|(_, _, t)| t.as_slice()));
    if months.is_empty() {
        ui.weak(tr(lang, "data-trends-no-months"));
        return;
    }
    plot_ui(ui, lang, map, metric, &series, &months);
}

/// The drop-down of the metric drawn.
fn metric_picker_ui(ui: &mut Ui, lang: Lang, metric: &mut MetricKind) {
    let label = ui.label(tr(lang, "data-trends-metric"));
    ComboBox::from_id_salt("trend-metric")
        .selected_text(tr(lang, metric_key(*metric)))
        .show_ui(ui, |ui| {
            for choice in METRICS {
                ui.selectable_value(metric, choice, tr(lang, metric_key(choice)));
            }
        })
        .response
        .labelled_by(label.id);
}

/// The menu of touchpoints: one check box per touchpoint with numbers, and a way back to the
/// default ones.
fn touchpoint_picker_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    selected: &[Id],
    with_data: &[Id],
    state: &mut DataViewState,
) {
    ui.menu_button(tr(lang, "data-trends-touchpoints"), |ui| {
        let mut shown = state
            .picked
            .clone()
            .unwrap_or_else(|| default_trend_cards(map, selected, DEFAULT_TREND_CARDS));
        let mut changed = false;
        for id in with_data {
            let Some(card) = map.card(id) else {
                continue;
            };
            let mut on = shown.contains(id);
            if ui.checkbox(&mut on, card_name(lang, card)).changed() {
                changed = true;
                if on {
                    shown.push(id.clone());
                } else {
                    shown.retain(|c| c != id);
                }
            }
        }
        if changed {
            // Map order, whatever order they were ticked in.
            shown.sort_by_key(|id| with_data.iter().position(|c| c == id));
            state.picked = Some(shown);
        }
        ui.separator();
        if ui
            .add_enabled(
                state.picked.is_some(),
                egui::Button::new(tr(lang, "data-trends-default")),
            )
            .clicked()
        {
            state.picked = None;
        }
    });
}

/// A colour sample and the card's name for each line, one line each (long Vietnamese names do
/// not fit side by side), cut with "…" to the column's width; the whole text on hover.
fn legend_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap, series: &[Series]) {
    for (card, color, _) in series {
        let Some(card) = map.card(card) else {
            continue;
        };
        ui.horizontal(|ui| {
            let side = ui.text_style_height(&egui::TextStyle::Body);
            let (rect, _) = ui.allocate_exact_size(vec2(side * 1.5, side), Sense::hover());
            let y = rect.center().y;
            ui.painter().line_segment(
                [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
                Stroke::new(2.5, *color),
            );
            ui.painter()
                .circle_filled(rect.center(), POINT_RADIUS, *color);
            ui.add(Label::new(card_name(lang, card)).truncate())
                .on_hover_text(card.text.trim());
        });
    }
}

/// The plot: months along x (one grid line per month), the metric's values up y, one line
/// with points per touchpoint; then an accessible node per point.
fn plot_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    metric: MetricKind,
    series: &[Series],
    months: &[String],
) {
    let comma = lang.decimal_comma();
    let x_of = |month: &str| {
        #[expect(clippy::cast_precision_loss, reason = "a few dozen months")]
        let x = months.iter().position(|m| m == month).unwrap_or(0) as f64;
        x
    };
    let values: Vec<f64> = series
        .iter()
        .flat_map(|(_, _, t)| t.iter().map(|(_, v)| *v))
        .collect();
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (low, high) = padded(metric, low, high);
    #[expect(clippy::cast_precision_loss, reason = "a few dozen months")]
    let last = months.len().saturating_sub(1) as f64;
    let bounds = PlotBounds::from_min_max([-0.4, low], [last + 0.4, high]);
    let lines: Vec<(String, egui::Color32, Vec<[f64; 2]>)> = series
        .iter()
        .map(|(card, color, t)| {
            let points = t.iter().map(|(m, v)| [x_of(m), *v]).collect();
            (card.to_string(), *color, points)
        })
        .collect();
    let month_names = months.to_vec();
    let step = if months.len() > 8 { 2.0 } else { 1.0 };
    let month_marks = move |input: GridInput| -> Vec<GridMark> {
        let (from, to) = input.bounds;
        let mut marks = Vec::new();
        let mut x = from.ceil().max(0.0);
        while x <= to {
            marks.push(GridMark {
                value: x,
                step_size: step,
            });
            x += step;
        }
        marks
    };
    let month_label = move |mark: GridMark, _: &std::ops::RangeInclusive<f64>| {
        let at = mark.value.round();
        if (mark.value - at).abs() > 1e-6 || at < 0.0 {
            return String::new();
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a non-negative month index"
        )]
        let at = at as usize;
        month_names.get(at).cloned().unwrap_or_default()
    };
    let value_label = move |mark: GridMark, _: &std::ops::RangeInclusive<f64>| {
        format_value(metric, mark.value, comma)
    };
    let grid = Theme::for_dark_mode(ui.visuals().dark_mode).grid_line;
    let response = Plot::new("customer-trends")
        .height(ui.available_height().max(MIN_PLOT_HEIGHT))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_axis_zoom_drag(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .grid_color(grid)
        .x_grid_spacer(month_marks)
        .x_axis_formatter(month_label)
        .y_axis_formatter(value_label)
        .y_axis_min_width(44.0)
        .show(ui, move |plot_ui| {
            plot_ui.set_plot_bounds(bounds);
            for (name, color, points) in lines {
                plot_ui.line(
                    Line::new(format!("trend-{name}"), points.clone())
                        .color(color)
                        .width(2.5)
                        .allow_hover(false),
                );
                plot_ui.points(
                    Points::new(format!("trend-points-{name}"), points)
                        .color(color)
                        .shape(MarkerShape::Circle)
                        .filled(true)
                        .radius(POINT_RADIUS)
                        .allow_hover(false),
                );
            }
        });
    response
        .response
        .widget_info(|| WidgetInfo::labeled(Role::Figure, true, tr(lang, "data-trends-title")));
    let transform = response.transform;
    for (card, _, trend) in series {
        let name = map
            .card(card)
            .map_or_else(|| card.to_string(), |c| card_name(lang, c));
        for (month, value) in trend {
            let center = transform.position_from_point(&PlotPoint::new(x_of(month), *value));
            let rect = egui::Rect::from_center_size(center, vec2(12.0, 12.0));
            let id = ui.scope_id().with(("trend-point", card, month));
            let text = tr_args(
                lang,
                "data-trend-point",
                &[
                    ("card", name.clone().into()),
                    ("month", month.clone().into()),
                    ("value", format_value(metric, *value, comma).into()),
                ],
            );
            let point = ui.interact(rect, id, Sense::hover());
            point.widget_info(|| WidgetInfo::labeled(Role::Image, true, &text));
            point.on_hover_text(text);
        }
    }
}

/// The y range for values between `low` and `high`: a little room above and below, within
/// what the metric can take; a flat line gets a band around it.
fn padded(metric: MetricKind, low: f64, high: f64) -> (f64, f64) {
    let (min, max) = metric.range();
    let spread = high - low;
    let pad = if spread > f64::EPSILON {
        spread * 0.15
    } else if metric.is_rate() {
        0.01
    } else {
        (high.abs() * 0.1).max(1.0)
    };
    ((low - pad).max(min), (high + pad).min(max))
}

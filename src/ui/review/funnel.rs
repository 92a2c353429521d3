//! The stage funnel of the customer-data view, drawn with `egui_plot`: one horizontal bar per
//! stage of the map (customers who reached it), top to bottom in map order, then the data's
//! stages that match no stage of the map, marked; between two stages, the share lost on the
//! way ("−34 %"). Hovering a stage gives its exact numbers; each stage is also an accessible
//! node with the same text, so screen readers (and tests) read the funnel.

use egui::{Align2, RichText, Role, Sense, Ui, WidgetInfo};
use egui_plot::{Bar, BarChart, Plot, PlotBounds, PlotPoint};

use crate::analysis::data_view::{FunnelRow, drop_off_text, funnel_rows};
use crate::analysis::overlay::format_value;
use crate::model::{ColorToken, JourneyMap, MetricKind};
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::theme::{Theme, size};

/// Thickness of a bar, in rows (one row is one unit of the plot's y axis).
const BAR_THICKNESS: f64 = 0.42;

/// Share of the plot's width the longest bar takes: the rest holds its count.
const LONGEST_BAR: f64 = 0.6;

/// Least height of one stage's row, in points.
const MIN_ROW_HEIGHT: f32 = 34.0;

/// The funnel with its title; a note instead when the data has no stages.
pub(super) fn funnel_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap) {
    ui.label(RichText::new(tr(lang, "data-funnel-title")).strong());
    let rows = funnel_rows(map);
    if rows.is_empty() {
        ui.weak(tr(lang, "data-funnel-none"));
        return;
    }
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    #[expect(clippy::cast_precision_loss, reason = "customer counts far below 2^53")]
    let most = rows
        .iter()
        .filter_map(|r| r.data.as_ref().map(|d| d.customers as f64))
        .fold(1.0, f64::max);
    let x_max = most / LONGEST_BAR;
    #[expect(clippy::cast_precision_loss, reason = "a handful of stages")]
    let count = rows.len() as f64;
    // Row i sits at y = count − 1 − i: the first stage on top (see `y_of`).
    let texts: Vec<String> = rows.iter().map(|r| row_text(lang, r)).collect();
    let colors: Vec<egui::Color32> = rows
        .iter()
        .map(|r| {
            r.stage
                .as_ref()
                .and_then(|id| map.stages.iter().enumerate().find(|(_, s)| &s.id == id))
                .map_or_else(
                    || theme.strong(ColorToken::Gray),
                    |(index, stage)| theme.stage_color(index, stage.color),
                )
        })
        .collect();
    #[expect(clippy::cast_precision_loss, reason = "a handful of stages")]
    let height = ui
        .available_height()
        .max(MIN_ROW_HEIGHT * rows.len() as f32);
    let bounds = PlotBounds::from_min_max([0.0, -0.75], [x_max, count - 1.0 + 0.8]);
    let plot_rows = rows.clone();
    let plot_colors = colors.clone();
    let y_of = move |i: usize| {
        #[expect(clippy::cast_precision_loss, reason = "a handful of stages")]
        let i = i as f64;
        count - 1.0 - i
    };
    let response = Plot::new("customer-funnel")
        .height(height)
        .show_axes(false)
        .show_grid(false)
        .show_x(false)
        .show_y(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_axis_zoom_drag(false)
        .allow_double_click_reset(false)
        .set_margin_fraction(egui::vec2(0.0, 0.0))
        .show(ui, move |plot_ui| {
            plot_ui.set_plot_bounds(bounds);
            let bars: Vec<Bar> = (plot_rows.iter().zip(&plot_colors).enumerate())
                .filter_map(|(i, (row, color))| {
                    #[expect(clippy::cast_precision_loss, reason = "customer counts")]
                    let customers = row.data.as_ref()?.customers as f64;
                    Some(
                        Bar::new(y_of(i), customers)
                            .width(BAR_THICKNESS)
                            .fill(*color)
                            .stroke(egui::Stroke::NONE),
                    )
                })
                .collect();
            plot_ui.bar_chart(
                BarChart::new("funnel-bars", bars)
                    .horizontal()
                    .allow_hover(false),
            );
        });
    response
        .response
        .widget_info(|| WidgetInfo::labeled(Role::Figure, true, tr(lang, "data-funnel-title")));
    let transform = response.transform;
    paint_labels_ui(ui, lang, &theme, &rows, &transform, x_max, y_of);
    // Each stage's row: hover for its numbers; an accessible node with the same text.
    for (i, text) in texts.into_iter().enumerate() {
        let y = y_of(i);
        let rect = transform.rect_from_values(
            &PlotPoint::new(0.0, y - 0.5),
            &PlotPoint::new(x_max, y + 0.5),
        );
        let id = ui.scope_id().with(("funnel-row", i));
        let row = ui.interact(rect, id, Sense::hover());
        row.widget_info(|| WidgetInfo::labeled(Role::Row, true, &text));
        row.on_hover_text(text);
    }
}

/// Paints each stage's name over its bar, its customers and reach after the bar, and, at the
/// right between two stages, the share lost and the share that goes on. Painted after the plot
/// (not as plot items) so they use the panel's fonts and stay inside the plot's frame.
fn paint_labels_ui(
    ui: &Ui,
    lang: Lang,
    theme: &Theme,
    rows: &[FunnelRow],
    transform: &egui_plot::PlotTransform,
    x_max: f64,
    y_of: impl Fn(usize) -> f64,
) {
    let comma = lang.decimal_comma();
    let frame = *transform.frame();
    let painter = ui.painter_at(frame);
    let inset = 6.0;
    let text_color = ui.visuals().text_color();
    let weak_color = ui.visuals().weak_text_color();
    let name_font = crate::ui::kit::fonts::bold(size::BODY_FONT - 1.0);
    let number_font = egui::FontId::proportional(size::BODY_FONT - 1.0);
    let drop_font = egui::FontId::proportional(size::CHIP_FONT + 0.5);
    for (i, row) in rows.iter().enumerate() {
        let y = y_of(i);
        let bar_top = transform.position_from_point(&PlotPoint::new(0.0, y + BAR_THICKNESS / 2.0));
        let name = match (&row.stage, &row.data) {
            (None, _) => tr_args(
                lang,
                "data-funnel-unmatched",
                &[("name", row.name.clone().into())],
            ),
            (Some(_), None) => tr_args(
                lang,
                "data-funnel-no-data",
                &[("name", row.name.clone().into())],
            ),
            (Some(_), Some(_)) => row.name.clone(),
        };
        let color = if row.stage.is_none() {
            theme.warning_text
        } else {
            text_color
        };
        painter.text(
            egui::pos2(frame.left() + inset, bar_top.y - 1.0),
            Align2::LEFT_BOTTOM,
            name,
            name_font.clone(),
            color,
        );
        let Some(data) = &row.data else {
            continue;
        };
        #[expect(clippy::cast_precision_loss, reason = "customer counts")]
        let customers = data.customers as f64;
        let bar_end = transform.position_from_point(&PlotPoint::new(customers, y));
        painter.text(
            egui::pos2(bar_end.x + inset, bar_end.y),
            Align2::LEFT_CENTER,
            format!(
                "{} · {}",
                format_value(MetricKind::Customers, customers, comma),
                format_value(MetricKind::Continuation, data.reach, comma)
            ),
            number_font.clone(),
            text_color,
        );
        if let (Some(drop), Some(next)) = (data.drop_off, data.continuation) {
            let between = transform.position_from_point(&PlotPoint::new(x_max, y - 0.5));
            let label = tr_args(
                lang,
                "data-funnel-drop",
                &[
                    ("drop", drop_off_text(drop, comma).into()),
                    (
                        "next",
                        format_value(MetricKind::Continuation, next, comma).into(),
                    ),
                ],
            );
            painter.text(
                egui::pos2(frame.right() - inset, between.y),
                Align2::RIGHT_CENTER,
                label,
                drop_font.clone(),
                weak_color,
            );
        }
    }
}

/// A stage's numbers in words: its customers, their share of the first stage's, and how many
/// go on to the next stage (and the share lost).
fn row_text(lang: Lang, row: &FunnelRow) -> String {
    let comma = lang.decimal_comma();
    let Some(data) = &row.data else {
        return tr_args(
            lang,
            "data-funnel-row-none",
            &[("name", row.name.clone().into())],
        );
    };
    let name = if row.stage.is_some() {
        row.name.clone()
    } else {
        tr_args(
            lang,
            "data-funnel-unmatched",
            &[("name", row.name.clone().into())],
        )
    };
    #[expect(clippy::cast_precision_loss, reason = "customer counts")]
    let customers = format_value(MetricKind::Customers, data.customers as f64, comma);
    let reach = format_value(MetricKind::Continuation, data.reach, comma);
    match (data.continuation, data.drop_off) {
        (Some(next), Some(drop)) => tr_args(
            lang,
            "data-funnel-row-next",
            &[
                ("name", name.into()),
                ("customers", customers.into()),
                ("reach", reach.into()),
                (
                    "next",
                    format_value(MetricKind::Continuation, next, comma).into(),
                ),
                ("drop", drop_off_text(drop, comma).into()),
            ],
        ),
        _ => tr_args(
            lang,
            "data-funnel-row",
            &[
                ("name", name.into()),
                ("customers", customers.into()),
                ("reach", reach.into()),
            ],
        ),
    }
}

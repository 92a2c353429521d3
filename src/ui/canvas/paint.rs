//! The map canvas: paints a [`MapLayout`] with pan and zoom.
//!
//! Everything is drawn from the layout, in map coordinates turned into screen coordinates by
//! one transform ([`CanvasView::screen_from_map`]); text is laid out at the zoomed size so it
//! stays sharp. Only what intersects the visible area is laid out and painted, so large maps
//! stay smooth. Stage and step headers stick to the top and lane labels to the left while the
//! map scrolls under them.

use egui::emath::TSTransform;
use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Response, Shape, Stroke, StrokeKind, Ui,
    Vec2, pos2, vec2,
};

use crate::layout::{CardBox, Chip, LayoutMetrics, MapLayout};
use crate::model::{Id, JourneyMap, LaneKind, PainStatus};

use crate::ui::canvas::selection::Selection;
use crate::ui::kit::i18n::{Lang, tr, tr_args};

use crate::ui::kit::fonts;
use crate::ui::kit::theme::{Theme, size, zoom};

/// Pan and zoom of the canvas: view state, never saved in the document.
#[derive(Clone, Debug, PartialEq)]
pub struct CanvasView {
    /// Screen points per map unit.
    pub zoom: f32,
    /// Where the map origin is, relative to the canvas's top-left corner, in screen points.
    pub offset: Vec2,
    /// Fit the whole map into the canvas on the next frame.
    pub fit_pending: bool,
}

impl Default for CanvasView {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            offset: vec2(16.0, 8.0),
            fit_pending: false,
        }
    }
}

impl CanvasView {
    /// The transform from map coordinates to screen coordinates, for a canvas at `canvas`.
    pub fn screen_from_map(&self, canvas: Rect) -> TSTransform {
        TSTransform::new(canvas.min.to_vec2() + self.offset, self.zoom)
    }

    /// Zooms to `new_zoom`, keeping the map point under `anchor` (a screen position) in place.
    pub fn zoom_around(&mut self, new_zoom: f32, anchor: Pos2, canvas: Rect) {
        let new_zoom = new_zoom.clamp(zoom::MIN, zoom::MAX);
        let map_pos = self.screen_from_map(canvas).inverse() * anchor;
        self.zoom = new_zoom;
        self.offset = anchor - canvas.min - map_pos.to_vec2() * new_zoom;
    }

    /// The next zoom step in or out from the current zoom.
    pub fn step_zoom(&self, zoom_in: bool) -> f32 {
        let eps = 1e-3;
        if zoom_in {
            zoom::STEPS
                .iter()
                .copied()
                .find(|z| *z > self.zoom + eps)
                .unwrap_or(zoom::MAX)
        } else {
            zoom::STEPS
                .iter()
                .rev()
                .copied()
                .find(|z| *z < self.zoom - eps)
                .unwrap_or(zoom::MIN)
        }
    }

    /// Zoom and offset that show the whole map in `canvas`, at most 100 %.
    pub fn fit(&mut self, map_size: Vec2, canvas: Rect) {
        let margin = 16.0;
        // Room right of the stages and below the lanes for the "add" buttons.
        let buttons = vec2(44.0, 40.0);
        let available = (canvas.size() - Vec2::splat(2.0 * margin) - buttons).max(Vec2::splat(1.0));
        let zoom = (available.x / map_size.x.max(1.0))
            .min(available.y / map_size.y.max(1.0))
            .clamp(zoom::MIN, 1.0);
        self.zoom = zoom;
        self.offset = vec2(margin, margin);
    }
}

/// Extra things painted over the map by the editor: selection, keyboard cell, drag previews.
pub struct Overlay<'a> {
    /// What is selected.
    pub selected: &'a Selection,
    /// The card being edited in place (its text is drawn by the editor instead).
    pub editing_card: Option<&'a Id>,
    /// The keyboard cell, as (step index, lane index).
    pub cursor: Option<(usize, usize)>,
    /// What a drag in progress would do.
    pub drop: Option<DropPreview>,
    /// The rubber band, in screen coordinates.
    pub band: Option<Rect>,
    /// The UI language, for labels drawn on the canvas.
    pub lang: Lang,
    /// Voting mode: vote dots on pain points and opportunities, other cards faded.
    pub voting: bool,
}

/// The preview of a drag in progress, in map coordinates.
pub enum DropPreview {
    /// Cards follow the pointer; `line_y` marks where they would land in `cell`.
    Cards {
        /// The dragged cards.
        ids: Vec<Id>,
        /// Where the first card was grabbed, relative to its top-left corner (screen points).
        grab: Vec2,
        /// The pointer.
        pointer: Pos2,
        /// The cell under the pointer.
        cell: Rect,
        /// The insertion line, if the cell accepts cards.
        line_y: Option<f32>,
    },
    /// A stage would be inserted at this x.
    StageLine {
        /// Map x of the line.
        x: f32,
    },
    /// A lane would be inserted at this y.
    LaneLine {
        /// Map y of the line.
        y: f32,
    },
}

/// How far the headers are pushed down to stay visible (screen points).
pub fn sticky_dy(view: &CanvasView, canvas: Rect) -> f32 {
    (canvas.min.y - view.screen_from_map(canvas).translation.y).max(0.0)
}

/// How far the lane labels are pushed right to stay visible (screen points).
pub fn sticky_dx(view: &CanvasView, canvas: Rect) -> f32 {
    (canvas.min.x - view.screen_from_map(canvas).translation.x).max(0.0)
}

/// The screen y where the (sticky) step headers end.
pub fn header_bottom(view: &CanvasView, canvas: Rect, metrics: &LayoutMetrics) -> f32 {
    let to_screen = view.screen_from_map(canvas);
    (to_screen
        * pos2(
            0.0,
            metrics.stage_header_height + metrics.step_header_height,
        ))
    .y + sticky_dy(view, canvas)
}

/// Paints the map and the editor's overlay into `canvas`.
#[expect(
    clippy::too_many_arguments,
    reason = "everything a frame of painting needs"
)]
pub fn paint(
    ui: &Ui,
    canvas: Rect,
    view: &CanvasView,
    map: &JourneyMap,
    layout: &MapLayout,
    metrics: &LayoutMetrics,
    theme: &Theme,
    overlay: &Overlay<'_>,
) -> Vec<LegendRow> {
    let painter = ui.painter_at(canvas);
    painter.rect_filled(canvas, 0.0, theme.canvas_bg);
    let to_screen = view.screen_from_map(canvas);
    let visible_in_map = to_screen.inverse() * canvas;
    let p = Paint {
        painter: &painter,
        to_screen,
        zoom: view.zoom,
        theme,
        map,
        layout,
        metrics,
        overlay,
        legend: std::cell::RefCell::new(Vec::new()),
    };
    p.lanes(visible_in_map);
    p.cursor_cell();
    p.cards(visible_in_map);
    p.curves();
    p.visibility_line();
    p.drop_preview();
    p.headers(canvas);
    p.lane_labels(canvas);
    if let Some(band) = overlay.band {
        painter.rect(
            band,
            0.0,
            theme.selection.gamma_multiply(0.15),
            Stroke::new(1.0, theme.selection),
            StrokeKind::Inside,
        );
    }
    p.legend.into_inner()
}

/// Scroll pans, Ctrl + wheel (or pinch) zooms around the pointer, Ctrl +/−/0 zoom in steps.
pub fn handle_zoom_and_scroll(ui: &Ui, view: &mut CanvasView, response: &Response, canvas: Rect) {
    if response.hovered() {
        let (zoom_delta, scroll, pointer) = ui.input(|i| {
            (
                i.zoom_delta(),
                i.smooth_scroll_delta(),
                i.pointer.hover_pos(),
            )
        });
        if (zoom_delta - 1.0).abs() > f32::EPSILON {
            let anchor = pointer.unwrap_or_else(|| canvas.center());
            view.zoom_around(view.zoom * zoom_delta, anchor, canvas);
        } else {
            view.offset += scroll;
        }
    }
    if ui.ctx().text_edit_focused() {
        return;
    }
    let (zoom_in, zoom_out, reset) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::Plus)
                || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Equals),
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::Minus),
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::Num0),
        )
    });
    if zoom_in || zoom_out {
        let z = view.step_zoom(zoom_in);
        view.zoom_around(z, canvas.center(), canvas);
    }
    if reset {
        view.zoom_around(1.0, canvas.center(), canvas);
    }
}

/// A card in full, for its tooltip: text, details, channel, and the pain point or opportunity.
pub fn card_tooltip_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap, card: &crate::model::Card) {
    ui.set_max_width(320.0);
    ui.label(egui::RichText::new(&card.text).strong());
    if !card.details.is_empty() {
        ui.label(&card.details);
    }
    if let Some(channel) = &card.channel {
        let place = tr(
            lang,
            if channel.online {
                "tip-online"
            } else {
                "tip-offline"
            },
        );
        ui.label(format!("{} · {place}", channel.kind.name(&map.language)));
    }
    if let Some(pain) = &card.pain {
        ui.separator();
        ui.label(tr_args(
            lang,
            "tip-pain",
            &[
                ("icon", crate::model::severity_icon(pain.severity).into()),
                ("severity", pain.severity.into()),
                ("votes", pain.votes.into()),
                (
                    "status",
                    tr(lang, crate::ui::kit::labels::status_key(pain.status)).into(),
                ),
            ],
        ));
        if !pain.owner.is_empty() {
            ui.label(tr_args(
                lang,
                "tip-owner",
                &[("owner", pain.owner.clone().into())],
            ));
        }
        for evidence in &pain.evidence {
            let text = match evidence {
                crate::model::Evidence::Text(t) => format!("• {t}"),
                crate::model::Evidence::Link(l) => format!("🔗 {l}"),
                crate::model::Evidence::Metric(id) => {
                    format!(
                        "📊 {}",
                        map.card(id).map_or(id.as_str(), |c| c.text.as_str())
                    )
                }
            };
            ui.label(text);
        }
    }
    if let Some(opp) = &card.opportunity {
        ui.separator();
        ui.label(tr_args(
            lang,
            "tip-opportunity",
            &[
                ("impact", opp.impact.into()),
                ("effort", opp.effort.into()),
                ("votes", opp.votes.into()),
            ],
        ));
        for id in &opp.addresses {
            if let Some(pain) = map.card(id) {
                ui.label(format!("⚠ {}", pain.text));
            }
        }
    }
}

/// Everything one frame's painting needs.
struct Paint<'a> {
    painter: &'a egui::Painter,
    to_screen: TSTransform,
    zoom: f32,
    theme: &'a Theme,
    map: &'a JourneyMap,
    layout: &'a MapLayout,
    metrics: &'a LayoutMetrics,
    overlay: &'a Overlay<'a>,
    legend: std::cell::RefCell<Vec<LegendRow>>,
}

/// A row of the curve legend in an emotion lane's label, as painted (screen coordinates), so
/// the editor can make it clickable.
#[derive(Clone, Debug)]
pub struct LegendRow {
    /// The curve, or `None` for the "add a curve" row.
    pub curve: Option<Id>,
    /// The whole row, clipped to the visible label.
    pub rect: Rect,
    /// The show/hide toggle at its left.
    pub eye: Rect,
}

impl Paint<'_> {
    fn rect(&self, r: Rect) -> Rect {
        self.to_screen * r
    }

    fn pos(&self, p: Pos2) -> Pos2 {
        self.to_screen * p
    }

    fn font(&self, size: f32) -> FontId {
        FontId::proportional(size * self.zoom)
    }

    fn rounding(&self, r: u8) -> CornerRadius {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "small positive radius"
        )]
        CornerRadius::same((f32::from(r) * self.zoom).round().clamp(0.0, 255.0) as u8)
    }

    /// Text wrapped to `width` (map units), clipped to `clip` (screen).
    fn wrapped_text(
        &self,
        text: &str,
        at: Pos2,
        width: f32,
        font: FontId,
        color: Color32,
        clip: Rect,
    ) {
        let galley = self
            .painter
            .layout(text.to_owned(), font, color, width * self.zoom);
        self.painter
            .with_clip_rect(clip.intersect(self.painter.clip_rect()))
            .galley(at, galley, color);
    }

    /// One line of text, cut with an ellipsis to fit `max_width` (screen points).
    fn line_text(
        &self,
        text: &str,
        at: Pos2,
        anchor: Align2,
        font: FontId,
        color: Color32,
        max_width: f32,
    ) {
        let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, color);
        job.wrap = egui::text::TextWrapping::truncate_at_width(max_width.max(1.0));
        let galley = self.painter.layout_job(job);
        let rect = anchor.anchor_size(at, galley.size());
        self.painter.galley(rect.min, galley, color);
    }

    fn lanes(&self, visible: Rect) {
        let t = self.theme;
        for (i, lane) in self.layout.lanes.iter().enumerate() {
            if !lane.row.intersects(visible) {
                continue;
            }
            if i % 2 == 1 {
                self.painter
                    .rect_filled(self.rect(lane.row), 0.0, t.lane_bg_alt);
            }
            let y = self.pos(lane.row.max).y;
            let row = self.rect(lane.row);
            self.painter.line_segment(
                [pos2(row.min.x, y), pos2(row.max.x, y)],
                Stroke::new(1.0, t.grid_line),
            );
        }
        let grid_top = self.layout.steps.first().map_or(0.0, |s| s.column.min.y);
        let bottom = self.layout.size.y;
        for (i, step) in self.layout.steps.iter().enumerate() {
            let first_of_stage = i == 0 || self.layout.steps[i - 1].stage_index != step.stage_index;
            let x = step.column.min.x;
            let (color, width) = if first_of_stage {
                (t.stage_line, 1.5)
            } else {
                (t.grid_line, 1.0)
            };
            self.painter.line_segment(
                [self.pos(pos2(x, grid_top)), self.pos(pos2(x, bottom))],
                Stroke::new(width, color),
            );
        }
    }

    fn cards(&self, visible: Rect) {
        for card_box in &self.layout.cards {
            if card_box.rect.intersects(visible) {
                self.card(card_box);
            }
        }
    }

    fn card(&self, b: &CardBox) {
        let t = self.theme;
        let Some(card) = self.map.cards.get(b.card_index) else {
            return;
        };
        let kind = self.layout.lanes[b.lane_index].kind;
        let token = card.color.unwrap_or(Theme::lane_card_color(kind));
        let fill = t.card_fill(token);
        let rect = self.rect(b.rect);
        let rounding = self.rounding(size::CARD_ROUNDING);
        self.painter.rect_filled(
            rect.translate(vec2(0.0, 2.0 * self.zoom)),
            rounding,
            t.card_shadow,
        );
        let selected = self.overlay.selected.has_card(&card.id);
        let dragged = matches!(&self.overlay.drop, Some(DropPreview::Cards { ids, .. }) if ids.contains(&card.id));
        let fill = if dragged {
            fill.gamma_multiply(0.35)
        } else {
            fill
        };
        self.painter.rect(
            rect,
            rounding,
            fill,
            Stroke::new(1.0, t.card_border),
            StrokeKind::Inside,
        );
        if selected {
            self.painter.rect_stroke(
                rect,
                rounding,
                Stroke::new(2.5, t.selection),
                StrokeKind::Outside,
            );
        }
        if dragged {
            return;
        }

        if let Some((chip, chip_rect)) = &b.chip {
            let chip_rect = self.rect(*chip_rect);
            let font = self.font(size::CHIP_FONT);
            // The chip's text, and where it starts (after the severity dot for pain points).
            let line = match chip {
                Chip::Channel => card.channel.as_ref().map(|channel| {
                    let icon = if channel.online { "🌐" } else { "🏬" };
                    let text = format!("{icon} {}", channel.kind.name(&self.map.language));
                    (text, chip_rect.left())
                }),
                Chip::Pain => card.pain.as_ref().map(|pain| {
                    let start = self.severity_badge(
                        chip_rect.left_center() + vec2(8.0 * self.zoom, 0.0),
                        pain.severity,
                    );
                    let status = match pain.status {
                        PainStatus::Open => "",
                        PainStatus::InProgress => "  ⏳",
                        PainStatus::Fixed => "  ✔",
                    };
                    let text = format!("{}/5   ● {}{status}", pain.severity, pain.votes);
                    (text, start)
                }),
                Chip::Opportunity => card.opportunity.as_ref().map(|opp| {
                    let text = format!("▲ {}   ⚒ {}   ● {}", opp.impact, opp.effort, opp.votes);
                    (text, chip_rect.left())
                }),
            };
            if let Some((text, start)) = line {
                self.line_text(
                    &text,
                    pos2(start, chip_rect.center().y),
                    Align2::LEFT_CENTER,
                    font,
                    t.card_weak_text,
                    chip_rect.right() - start,
                );
            }
        }
        if self.overlay.editing_card == Some(&card.id) {
            return;
        }
        let text_rect = self.rect(b.text);
        self.wrapped_text(
            &card.text,
            text_rect.min,
            b.text.width(),
            self.font(self.metrics.card_font_size),
            t.card_text,
            rect,
        );
        if self.overlay.voting {
            let votes = card
                .pain
                .as_ref()
                .map(|p| p.votes)
                .or(card.opportunity.as_ref().map(|o| o.votes));
            match votes {
                Some(votes) => self.vote_dots(rect, votes),
                None => {
                    // Cards that take no votes step back while the room votes.
                    self.painter
                        .rect_filled(rect, rounding, t.canvas_bg.gamma_multiply(0.6));
                }
            }
        }
    }

    /// Workshop dots in a card's bottom-right corner: one per vote up to ten, then the total.
    fn vote_dots(&self, rect: Rect, votes: u32) {
        let t = self.theme;
        let r = size::VOTE_DOT_RADIUS * self.zoom;
        let gap = 2.5 * r;
        let shown = votes.min(10);
        let mut center = rect.right_bottom() - vec2(r + 4.0 * self.zoom, r + 4.0 * self.zoom);
        if votes > shown || votes == 0 {
            let galley = self.painter.layout_no_wrap(
                if votes == 0 {
                    "●0".to_owned()
                } else {
                    format!("+{}", votes - shown)
                },
                self.font(size::CHIP_FONT),
                if votes == 0 {
                    t.card_weak_text
                } else {
                    t.selection
                },
            );
            let at =
                center + vec2(r, -galley.size().y / 2.0 + r / 2.0) - vec2(galley.size().x, 0.0);
            center.x -= galley.size().x + r;
            self.painter.galley(at, galley, t.selection);
        }
        for _ in 0..shown {
            self.painter
                .circle(center, r, t.selection, Stroke::new(1.0, t.canvas_bg));
            center.x -= gap;
        }
    }

    /// Draws a severity's icon (a gauge filling up) in its colour, centred at `center`;
    /// returns the x where text may start.
    fn severity_badge(&self, center: Pos2, severity: u8) -> f32 {
        let r = 6.0 * self.zoom;
        self.painter.text(
            center,
            Align2::CENTER_CENTER,
            crate::model::severity_icon(severity),
            self.font(size::CHIP_FONT * 1.25),
            self.theme.severity(severity),
        );
        center.x + r + 4.0 * self.zoom
    }

    fn curves(&self) {
        let t = self.theme;
        // The zero line of every emotion lane, even one with no curve yet.
        for lane in self
            .layout
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Emotions && !l.collapsed)
        {
            let zero_y = lane.row.center().y;
            self.painter.add(Shape::dashed_line(
                &[
                    self.pos(pos2(lane.row.min.x, zero_y)),
                    self.pos(pos2(lane.row.max.x, zero_y)),
                ],
                Stroke::new(1.0, t.zero_line),
                6.0,
                4.0,
            ));
        }
        for curve in &self.layout.curves {
            for (piece, positive) in &curve.tint {
                let points: Vec<Pos2> = piece.iter().map(|p| self.pos(*p)).collect();
                let fill = if *positive {
                    t.positive_tint
                } else {
                    t.negative_tint
                };
                self.painter
                    .add(Shape::convex_polygon(points, fill, Stroke::NONE));
            }
        }
        for curve in &self.layout.curves {
            let color = t.strong(curve.color);
            let path: Vec<Pos2> = curve.path.iter().map(|p| self.pos(*p)).collect();
            self.painter.add(Shape::line(
                path,
                Stroke::new(size::CURVE_WIDTH * self.zoom.sqrt(), color),
            ));
            for point in &curve.points {
                let at = self.pos(point.pos);
                let r = size::CURVE_POINT_RADIUS * self.zoom;
                if point.lowest {
                    // A moment of pain: a halo in the critical colour.
                    self.painter.circle(
                        at,
                        r * 2.4,
                        t.severity(4).gamma_multiply(0.25),
                        Stroke::new(1.5 * self.zoom.sqrt(), t.severity(4)),
                    );
                }
                let selected = self.overlay.selected.point.as_ref()
                    == Some(&(curve.id.clone(), point.step.clone()));
                if selected {
                    self.painter
                        .circle_stroke(at, r * 1.9, Stroke::new(2.5, t.selection));
                }
                self.painter
                    .circle(at, r, color, Stroke::new(1.5, t.canvas_bg));
                self.painter.text(
                    self.pos(point.emoji_pos),
                    Align2::CENTER_BOTTOM,
                    &point.emoji,
                    self.font(self.metrics.emoji_size),
                    t.card_text,
                );
            }
        }
        for marker in &self.layout.pain_markers {
            self.pain_marker(marker);
        }
    }

    /// A pain marker: the severity's colour and icon, with the number of pain points.
    fn pain_marker(&self, marker: &crate::layout::PainMarker) {
        let t = self.theme;
        let at = self.pos(marker.pos);
        let r = size::PAIN_MARKER_RADIUS * self.zoom;
        let fill = t.severity(marker.max_severity);
        let selected = marker
            .cards
            .iter()
            .any(|id| self.overlay.selected.has_card(id));
        let stroke = if selected {
            Stroke::new(2.5, t.selection)
        } else {
            Stroke::new(1.5, t.canvas_bg)
        };
        self.painter.circle(at, r, fill, stroke);
        let icon = crate::model::severity_icon(marker.max_severity);
        let label = if marker.count() > 1 {
            format!("{icon}{}", marker.count())
        } else {
            icon.to_owned()
        };
        self.painter.text(
            at,
            Align2::CENTER_CENTER,
            label,
            self.font(11.0),
            Theme::text_on(fill),
        );
    }

    /// Outlines the keyboard cell.
    fn cursor_cell(&self) {
        if let Some((step, lane)) = self.overlay.cursor
            && let Some(cell) = self.layout.cell_rect(step, lane)
        {
            self.painter.rect_stroke(
                self.rect(cell).shrink(2.0),
                4.0,
                Stroke::new(1.5, self.theme.selection.gamma_multiply(0.7)),
                StrokeKind::Inside,
            );
        }
    }

    /// Ghost cards under the pointer and where they would land; or where a stage or lane goes.
    fn drop_preview(&self) {
        let t = self.theme;
        match &self.overlay.drop {
            Some(DropPreview::Cards {
                ids,
                grab,
                pointer,
                cell,
                line_y,
            }) => {
                if let Some(y) = line_y {
                    let cell = self.rect(*cell);
                    let y = self.pos(pos2(0.0, *y)).y;
                    self.painter.line_segment(
                        [pos2(cell.left() + 6.0, y), pos2(cell.right() - 6.0, y)],
                        Stroke::new(3.0, t.selection),
                    );
                } else {
                    self.painter.rect_stroke(
                        self.rect(*cell).shrink(2.0),
                        4.0,
                        Stroke::new(2.0, t.error_text),
                        StrokeKind::Inside,
                    );
                }
                let mut top_left = self.pos(*pointer) - *grab;
                for id in ids.iter().take(5) {
                    let Some(b) = self.layout.card(id) else {
                        continue;
                    };
                    let size = b.rect.size() * self.zoom;
                    let r = Rect::from_min_size(top_left, size);
                    let kind = self.layout.lanes[b.lane_index].kind;
                    let token = self.map.cards[b.card_index]
                        .color
                        .unwrap_or(Theme::lane_card_color(kind));
                    self.painter.rect(
                        r,
                        self.rounding(size::CARD_ROUNDING),
                        t.card_fill(token).gamma_multiply(0.9),
                        Stroke::new(2.0, t.selection),
                        StrokeKind::Outside,
                    );
                    self.wrapped_text(
                        &self.map.cards[b.card_index].text,
                        r.min
                            + vec2(self.metrics.card_padding, self.metrics.card_padding)
                                * self.zoom,
                        b.text.width(),
                        self.font(self.metrics.card_font_size),
                        t.card_text,
                        r,
                    );
                    top_left += vec2(6.0, 6.0);
                }
            }
            Some(DropPreview::StageLine { x }) => {
                let x = self.pos(pos2(*x, 0.0)).x;
                let top = self.pos(Pos2::ZERO).y;
                let bottom = self.pos(pos2(0.0, self.layout.size.y)).y;
                self.painter.line_segment(
                    [pos2(x, top), pos2(x, bottom)],
                    Stroke::new(3.0, t.selection),
                );
            }
            Some(DropPreview::LaneLine { y }) => {
                let y = self.pos(pos2(0.0, *y)).y;
                let left = self.pos(Pos2::ZERO).x;
                let right = self.pos(pos2(self.layout.size.x, 0.0)).x;
                self.painter.line_segment(
                    [pos2(left, y), pos2(right, y)],
                    Stroke::new(3.0, t.selection),
                );
            }
            None => {}
        }
    }

    fn visibility_line(&self) {
        if let Some((a, b)) = self.layout.visibility_line {
            let (a, b) = (self.pos(a), self.pos(b));
            self.painter.add(Shape::dashed_line(
                &[a, b],
                Stroke::new(2.0, self.theme.visibility_line),
                10.0,
                6.0,
            ));
            let label = tr(self.overlay.lang, "line-of-visibility");
            self.painter.text(
                pos2(
                    a.x + (self.metrics.lane_label_width + 8.0) * self.zoom,
                    a.y - 2.0,
                ),
                Align2::LEFT_BOTTOM,
                label,
                self.font(size::CHIP_FONT),
                self.theme.visibility_line,
            );
        }
    }

    /// Stage and step headers, stuck to the top of the canvas when scrolled past.
    fn headers(&self, canvas: Rect) {
        let t = self.theme;
        let dy = (canvas.min.y - self.pos(Pos2::ZERO).y).max(0.0);
        let header_bottom =
            self.pos(pos2(
                0.0,
                self.metrics.stage_header_height + self.metrics.step_header_height,
            ))
            .y + dy;
        // Background strip so cards scrolling under the headers do not show through.
        self.painter.rect_filled(
            Rect::from_min_max(
                pos2(canvas.min.x, self.pos(Pos2::ZERO).y + dy),
                pos2(canvas.max.x, header_bottom),
            ),
            0.0,
            t.canvas_bg,
        );
        for stage in &self.layout.stages {
            let r = self.rect(stage.header).translate(vec2(0.0, dy)).shrink(1.5);
            if !r.intersects(canvas) {
                continue;
            }
            let fill = t.stage_color(stage.index, stage.color);
            self.painter
                .rect_filled(r, self.rounding(size::HEADER_ROUNDING), fill);
            if self.overlay.selected.stage.as_ref() == Some(&stage.id) {
                self.painter.rect_stroke(
                    r,
                    self.rounding(size::HEADER_ROUNDING),
                    Stroke::new(2.5, t.selection),
                    StrokeKind::Outside,
                );
            }
            if let Some(s) = self.map.stages.get(stage.index) {
                let text_left = r
                    .left()
                    .max(canvas.left() + self.metrics.lane_label_width * self.zoom)
                    + 8.0 * self.zoom;
                self.line_text(
                    &s.name,
                    pos2(text_left.min(r.right() - 20.0), r.center().y),
                    Align2::LEFT_CENTER,
                    fonts::bold(size::STAGE_FONT * self.zoom),
                    Theme::text_on(fill),
                    r.right() - text_left - 6.0 * self.zoom,
                );
            }
        }
        for (i, step) in self.layout.steps.iter().enumerate() {
            let r = self.rect(step.header).translate(vec2(0.0, dy)).shrink(1.5);
            if !r.intersects(canvas) {
                continue;
            }
            self.painter
                .rect_filled(r, self.rounding(size::HEADER_ROUNDING), t.step_bg);
            if let Some((_, s)) = self.map.steps().nth(i)
                && !s.name.is_empty()
            {
                self.line_text(
                    &s.name,
                    r.center(),
                    Align2::CENTER_CENTER,
                    self.font(size::STEP_FONT),
                    t.step_text,
                    r.width() - 8.0,
                );
            }
        }
    }

    /// The curves' names and colours, listed under the emotion lane's label.
    fn curve_legend(&self, painter: &egui::Painter, top_left: Pos2, right: f32) {
        let t = self.theme;
        let row_height = size::LEGEND_ROW * self.zoom;
        let font = self.font(size::CHIP_FONT);
        let clip = painter.clip_rect();
        let rows = self
            .map
            .curves
            .iter()
            .map(Some)
            .chain(std::iter::once(None));
        for (i, curve) in rows.enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "few curves")]
            let top = top_left.y + i as f32 * row_height;
            let rect = Rect::from_min_max(pos2(top_left.x, top), pos2(right, top + row_height));
            let y = rect.center().y;
            let eye = Rect::from_min_size(rect.min, vec2(16.0 * self.zoom, row_height));
            let Some(curve) = curve else {
                painter.text(
                    pos2(top_left.x, y),
                    Align2::LEFT_CENTER,
                    format!("+ {}", tr(self.overlay.lang, "curve-add")),
                    font.clone(),
                    t.card_weak_text,
                );
                self.legend.borrow_mut().push(LegendRow {
                    curve: None,
                    rect: rect.intersect(clip),
                    eye: Rect::NOTHING,
                });
                continue;
            };
            let selected = self.overlay.selected.curve.as_ref() == Some(&curve.id);
            if selected {
                painter.rect_filled(rect, 2.0, t.selection.gamma_multiply(0.25));
            }
            let (color, text_color) = if curve.hidden {
                (t.strong(curve.color).gamma_multiply(0.3), t.card_weak_text)
            } else {
                (t.strong(curve.color), t.lane_label_text)
            };
            painter.text(
                eye.center(),
                Align2::CENTER_CENTER,
                if curve.hidden { "◌" } else { "◉" },
                font.clone(),
                color,
            );
            let x = eye.max.x + 2.0 * self.zoom;
            painter.line_segment(
                [pos2(x, y), pos2(x + 16.0 * self.zoom, y)],
                Stroke::new(3.0 * self.zoom.sqrt(), color),
            );
            let mut job = egui::text::LayoutJob::simple_singleline(
                curve.name.clone(),
                font.clone(),
                text_color,
            );
            job.wrap = egui::text::TextWrapping::truncate_at_width(
                (right - x - 22.0 * self.zoom).max(1.0),
            );
            painter.galley(
                pos2(x + 22.0 * self.zoom, y - row_height * 0.4),
                painter.layout_job(job),
                text_color,
            );
            self.legend.borrow_mut().push(LegendRow {
                curve: Some(curve.id.clone()),
                rect: rect.intersect(clip),
                eye: eye.intersect(clip),
            });
        }
    }

    /// Lane labels, stuck to the left of the canvas when scrolled past.
    fn lane_labels(&self, canvas: Rect) {
        let t = self.theme;
        let dx = (canvas.min.x - self.pos(Pos2::ZERO).x).max(0.0);
        let dy = (canvas.min.y - self.pos(Pos2::ZERO).y).max(0.0);
        let header_bottom =
            self.pos(pos2(
                0.0,
                self.metrics.stage_header_height + self.metrics.step_header_height,
            ))
            .y + dy;
        let clip = Rect::from_min_max(pos2(canvas.min.x, header_bottom), canvas.max);
        let painter = self.painter.with_clip_rect(clip);
        for (i, lane) in self.layout.lanes.iter().enumerate() {
            let r = self.rect(lane.label).translate(vec2(dx, 0.0));
            if !r.intersects(clip) {
                continue;
            }
            painter.rect_filled(r, 0.0, t.lane_label_bg);
            painter.line_segment(
                [r.left_bottom(), r.right_bottom()],
                Stroke::new(1.0, t.grid_line),
            );
            if self.overlay.selected.lane.as_ref() == Some(&lane.id) {
                painter.rect_filled(r, 0.0, t.selection.gamma_multiply(0.25));
            }
            let accent = t.strong(Theme::lane_card_color(lane.kind));
            painter.rect_filled(
                Rect::from_min_size(r.min, vec2(4.0 * self.zoom, r.height())),
                0.0,
                accent,
            );
            if let Some(l) = self.map.lanes.get(i) {
                let icon = crate::ui::kit::labels::lane_icon(l.kind);
                let text = if lane.collapsed {
                    format!("{icon} {} ({})", l.name, lane.card_count)
                } else {
                    format!("{icon} {}", l.name)
                };
                let width = r.width() - 34.0 * self.zoom;
                let galley = if lane.collapsed {
                    let mut job = egui::text::LayoutJob::simple_singleline(
                        text,
                        fonts::bold(size::LANE_FONT * self.zoom),
                        t.lane_label_text,
                    );
                    job.wrap = egui::text::TextWrapping::truncate_at_width(width.max(1.0));
                    painter.layout_job(job)
                } else {
                    painter.layout(
                        text,
                        fonts::bold(size::LANE_FONT * self.zoom),
                        t.lane_label_text,
                        width,
                    )
                };
                let name_bottom = r.min.y + (10.0 + 4.0) * self.zoom + galley.size().y;
                painter.galley(
                    r.min + vec2(12.0, 10.0) * self.zoom,
                    galley,
                    t.lane_label_text,
                );
                if l.kind == LaneKind::Emotions && !lane.collapsed {
                    self.curve_legend(
                        &painter,
                        pos2(r.min.x + 12.0 * self.zoom, name_bottom),
                        r.max.x - 4.0 * self.zoom,
                    );
                }
            }
        }
        // Corner above the labels, so headers scrolling left do not show through.
        let corner = Rect::from_min_size(
            pos2(self.pos(Pos2::ZERO).x + dx, self.pos(Pos2::ZERO).y + dy),
            vec2(
                self.metrics.lane_label_width * self.zoom,
                header_bottom - self.pos(Pos2::ZERO).y - dy,
            ),
        );
        self.painter.rect_filled(corner, 0.0, t.canvas_bg);
    }
}

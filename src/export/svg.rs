//! The whole map as an SVG document, drawn from the same [`crate::layout`] and
//! [`crate::art::palette`] as the canvas. Text stays text (`<text>`/`<tspan>` naming the
//! bundled fonts), so it can be searched, copied and edited; emoji of the curves are the
//! bundled Twemoji pictures, embedded.

use std::fmt::Write as _;

use emath::{Pos2, Rect, pos2, vec2};
use unicode_normalization::UnicodeNormalization as _;

pub use svg_focus::stage_clip;

use super::measure::Fonts;
use crate::art::palette::{Palette, Rgba, gamma_multiply, unmultiplied};
use crate::layout::data::DataOptions;
use crate::layout::{CardBox, Chip, LayoutMetrics, MapLayout};
use crate::model::{JourneyMap, LaneKind, PainStatus, severity_icon};

/// Light or dark colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// The light theme.
    #[default]
    Light,
    /// The dark theme.
    Dark,
}

/// How to draw the SVG.
#[derive(Clone, Debug, Default)]
pub struct SvgOptions {
    /// Light or dark colours.
    pub theme: Theme,
    /// Only this part of the map, in layout coordinates (the canvas's map units, the grid's
    /// top-left at 0,0; the title band lies above, at negative y): "the current view". `None`
    /// draws the whole map with its title band.
    pub clip: Option<Rect>,
    /// The customer-data overlays drawn when the map has imported data (badges, flags,
    /// sparklines, heat, the measured curve): by default what the canvas opens with. A map
    /// without data draws the same whatever this says.
    pub data: DataOptions,
    /// A stage (index into `map.stages`) in focus: drawn outlined in its colour, the other
    /// stages behind a veil, the lane labels at the clip's left edge ([`stage_clip`]).
    pub focus: Option<usize>,
}

#[path = "svg_focus.rs"]
mod svg_focus;

/// The font families of the text, the bundled ones in the canvas's fallback order.
pub const FONT_FAMILY: &str =
    "'Noto Sans', 'Noto Sans Symbols', 'Noto Sans Symbols 2', 'Noto Sans Math', 'Noto Emoji'";

/// Height of the title band above the grid (map title and persona).
pub const TITLE_BAND: f32 = 44.0;
/// Title text size.
const TITLE_FONT: f32 = 18.0;
/// Stage-header text size.
const STAGE_FONT: f32 = 16.0;
/// Step-header text size.
const STEP_FONT: f32 = 13.0;
/// Lane-label text size.
const LANE_FONT: f32 = 14.0;
/// Chip text size.
const CHIP_FONT: f32 = 11.5;

#[path = "svg_data.rs"]
mod data;

/// The map as an SVG document, or an error when the bundled fonts do not load.
pub fn to_svg(map: &JourneyMap, options: &SvgOptions) -> Result<String, String> {
    to_svg_in(map, &picture_layout(map, &options.data)?, options)
}

/// [`to_svg`] from a layout already made by [`picture_layout`] with `options.data` (a deck
/// draws one map many times: its layout is made once).
pub fn to_svg_in(
    map: &JourneyMap,
    laid: &PictureLayout,
    options: &SvgOptions,
) -> Result<String, String> {
    let metrics = LayoutMetrics::default();
    Ok(Svg::new(map, &laid.layout, &metrics, &laid.fonts, options).document())
}

/// A map laid out for its pictures, with the fonts that measured it: drawing with the same
/// fonts reuses the widths the layout remembered.
pub struct PictureLayout {
    /// The geometry.
    pub layout: MapLayout,
    /// The bundled fonts, with the widths measured so far.
    pub fonts: Fonts,
}

/// The layout a picture of `map` is drawn from, with the customer data `data` shows (cards
/// with badges are taller); an error when the bundled fonts do not load.
pub fn picture_layout(map: &JourneyMap, data: &DataOptions) -> Result<PictureLayout, String> {
    let fonts = Fonts::load().ok_or("the bundled fonts do not load")?;
    let layout = data::layout(map, &LayoutMetrics::default(), &fonts, data);
    Ok(PictureLayout { layout, fonts })
}

/// Width and height (points) of the SVG of `map` with the default options.
pub fn size(map: &JourneyMap) -> Option<(f32, f32)> {
    let layout = picture_layout(map, &DataOptions::default()).ok()?.layout;
    Some((layout.size.x.ceil(), (layout.size.y + TITLE_BAND).ceil()))
}

struct Svg<'a> {
    map: &'a JourneyMap,
    layout: &'a MapLayout,
    m: &'a LayoutMetrics,
    fonts: &'a Fonts,
    p: Palette,
    clip: Option<Rect>,
    /// The customer data's words and heat.
    data: data::DataView,
    focus: Option<usize>,
    /// The Twemoji pictures used, by name, for one symbol each.
    emoji_used: Vec<&'static str>,
    out: String,
}

/// `fill="#rrggbb"` with `fill-opacity` when the colour is see-through (`attr` is `fill` or
/// `stroke`).
fn paint(attr: &str, c: Rgba) -> String {
    let ([r, g, b], a) = unmultiplied(c);
    if a >= 1.0 {
        format!(r##"{attr}="#{r:02x}{g:02x}{b:02x}""##)
    } else {
        format!(r##"{attr}="#{r:02x}{g:02x}{b:02x}" {attr}-opacity="{a:.3}""##)
    }
}

/// Text for XML: NFC (Vietnamese as one code point per letter where it can), escaped, and
/// without the control characters XML cannot hold.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

impl<'a> Svg<'a> {
    fn new(
        map: &'a JourneyMap,
        layout: &'a MapLayout,
        m: &'a LayoutMetrics,
        fonts: &'a Fonts,
        options: &SvgOptions,
    ) -> Self {
        Self {
            map,
            layout,
            m,
            fonts,
            p: Palette::for_dark(options.theme == Theme::Dark),
            clip: options.clip,
            data: data::DataView::of(map, layout),
            focus: options.focus,
            emoji_used: Vec::new(),
            out: String::new(),
        }
    }

    fn document(mut self) -> String {
        let w = self.layout.size.x.ceil();
        let h = (self.layout.size.y + TITLE_BAND).ceil();
        // The part shown, in document coordinates (the grid starts TITLE_BAND down).
        let (vx, vy, vw, vh) = match self.clip {
            Some(c) => (
                c.min.x,
                c.min.y + TITLE_BAND,
                c.width().max(1.0).ceil(),
                c.height().max(1.0).ceil(),
            ),
            None => (0.0, 0.0, w, h),
        };
        let _ = write!(
            self.out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{vw}" height="{vh}" viewBox="{vx} {vy} {vw} {vh}" font-family="{FONT_FAMILY}">"#
        );
        let _ = write!(self.out, "\n<title>{}</title>\n", xml_text(&self.map.title));
        let bg = paint("fill", self.p.canvas_bg);
        let _ = writeln!(
            self.out,
            r#"<rect x="{vx}" y="{vy}" width="{vw}" height="{vh}" {bg}/>"#
        );
        self.title();
        let _ = writeln!(self.out, r#"<g transform="translate(0 {TITLE_BAND})">"#);
        self.lanes();
        // A clipped picture (the current view, a stage of a deck) skips the cards it cannot
        // show: their text would be shaped for nothing, once per slide.
        let shown = self.clip.map(|c| c.expand(16.0));
        for b in &self.layout.cards {
            if shown.is_none_or(|c| c.intersects(b.rect)) {
                self.card(b);
            }
        }
        self.curves();
        self.measured();
        self.visibility_line();
        self.headers();
        self.focus_veil();
        self.sticky_lane_labels();
        self.heat_legend();
        self.out.push_str("</g>\n");
        self.emoji_symbols();
        self.out.push_str("</svg>\n");
        self.out
    }

    /// One line of text with its baseline placed for a line box whose top is `top`.
    #[expect(clippy::too_many_arguments, reason = "what a line of text needs")]
    fn text(
        &mut self,
        text: &str,
        x: f32,
        top: f32,
        size: f32,
        bold: bool,
        color: Rgba,
        anchor: &str,
    ) {
        if text.is_empty() {
            return;
        }
        let y = top + self.fonts.ascent(size);
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let anchor = if anchor == "start" {
            String::new()
        } else {
            format!(r#" text-anchor="{anchor}""#)
        };
        let fill = paint("fill", color);
        let _ = writeln!(
            self.out,
            r#"<text x="{x:.2}" y="{y:.2}" font-size="{size}"{weight}{anchor} {fill} xml:space="preserve">{}</text>"#,
            xml_text(text)
        );
    }

    /// Wrapped text, one `<tspan>` a line, from `at` (top-left); at most `max_rows` rows fit
    /// above `bottom`.
    #[expect(clippy::too_many_arguments, reason = "what a block of text needs")]
    fn wrapped(
        &mut self,
        text: &str,
        at: Pos2,
        width: f32,
        bottom: f32,
        size: f32,
        bold: bool,
        color: Rgba,
    ) {
        let lines = self.fonts.wrap(text, size, width, bold);
        let row = self.fonts.row_height(size);
        let ascent = self.fonts.ascent(size);
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let fill = paint("fill", color);
        let _ = write!(
            self.out,
            r#"<text font-size="{size}"{weight} {fill} xml:space="preserve">"#
        );
        let mut top = at.y;
        for line in lines {
            if top + row > bottom + 0.5 {
                break;
            }
            let _ = write!(
                self.out,
                r#"<tspan x="{:.2}" y="{:.2}">{}</tspan>"#,
                at.x,
                top + ascent,
                xml_text(&line)
            );
            top += row;
        }
        self.out.push_str("</text>\n");
    }

    fn rect(&mut self, r: Rect, radius: f32, fill: Rgba, stroke: Option<(f32, Rgba)>) {
        let stroke = stroke.map_or_else(String::new, |(w, c)| {
            format!(r#" {} stroke-width="{w}""#, paint("stroke", c))
        });
        let _ = writeln!(
            self.out,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{radius}" {}{stroke}/>"#,
            r.min.x,
            r.min.y,
            r.width(),
            r.height(),
            paint("fill", fill)
        );
    }

    fn line(&mut self, a: Pos2, b: Pos2, width: f32, color: Rgba, dash: Option<(f32, f32)>) {
        let dash = dash.map_or_else(String::new, |(on, off)| {
            format!(r#" stroke-dasharray="{on} {off}""#)
        });
        let _ = writeln!(
            self.out,
            r#"<line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" {} stroke-width="{width}"{dash}/>"#,
            a.x,
            a.y,
            b.x,
            b.y,
            paint("stroke", color)
        );
    }

    fn circle(&mut self, at: Pos2, r: f32, fill: Rgba, stroke: (f32, Rgba)) {
        let _ = writeln!(
            self.out,
            r#"<circle cx="{:.2}" cy="{:.2}" r="{r}" {} {} stroke-width="{}"/>"#,
            at.x,
            at.y,
            paint("fill", fill),
            paint("stroke", stroke.1),
            stroke.0
        );
    }

    /// The map's title and its persona, above the grid.
    fn title(&mut self) {
        let persona = &self.map.persona;
        let mut line = self.map.title.clone();
        if !persona.name.is_empty() {
            let who = if persona.segment.is_empty() {
                persona.name.clone()
            } else {
                format!("{} · {}", persona.name, persona.segment)
            };
            line = format!("{line}  —  {who}");
        }
        // The heat legend, if any, keeps the band's right end.
        let legend = self.heat_legend_width().map_or(0.0, |w| w + 12.0);
        let width = self.layout.size.x - 24.0 - legend;
        let line = self.fonts.truncate(&line, TITLE_FONT, width, true);
        let top = (TITLE_BAND - self.fonts.row_height(TITLE_FONT)) / 2.0;
        self.text(
            &line,
            12.0,
            top,
            TITLE_FONT,
            true,
            self.p.lane_label_text,
            "start",
        );
    }

    fn lanes(&mut self) {
        let p = self.p.clone();
        for (i, lane) in self.layout.lanes.iter().enumerate() {
            if i % 2 == 1 {
                self.rect(lane.row, 0.0, p.lane_bg_alt, None);
            }
            let y = lane.row.max.y;
            self.line(
                pos2(lane.row.min.x, y),
                pos2(lane.row.max.x, y),
                1.0,
                p.grid_line,
                None,
            );
        }
        let top = self.m.stage_header_height + self.m.step_header_height;
        let bottom = self.layout.size.y;
        for (i, step) in self.layout.steps.iter().enumerate() {
            let first = i == 0 || self.layout.steps[i - 1].stage_index != step.stage_index;
            let (color, width) = if first {
                (p.stage_line, 1.5)
            } else {
                (p.grid_line, 1.0)
            };
            let x = step.column.min.x;
            self.line(pos2(x, top), pos2(x, bottom), width, color, None);
        }
    }

    fn card(&mut self, b: &CardBox) {
        let Some(card) = self.map.cards.get(b.card_index) else {
            return;
        };
        let p = self.p.clone();
        let kind = self.layout.lanes[b.lane_index].kind;
        let fill = self
            .heat_fill(&card.id)
            .unwrap_or_else(|| p.card_fill(card.color.unwrap_or(Palette::lane_card_color(kind))));
        self.rect(b.rect.translate(vec2(0.0, 2.0)), 6.0, p.card_shadow, None);
        self.rect(b.rect.shrink(0.5), 5.5, fill, Some((1.0, p.card_border)));
        if let Some((chip, r)) = &b.chip {
            let top = r.center().y - self.fonts.row_height(CHIP_FONT) / 2.0;
            let line = match chip {
                Chip::Channel => card.channel.as_ref().map(|ch| {
                    let icon = if ch.online { "🌐" } else { "🏬" };
                    (
                        format!("{icon} {}", ch.kind.name(&self.map.language)),
                        r.left(),
                    )
                }),
                Chip::Pain => card.pain.as_ref().map(|pain| {
                    let size = CHIP_FONT * 1.25;
                    let center = r.left_center() + vec2(8.0, 0.0);
                    let icon_top = center.y - self.fonts.row_height(size) / 2.0;
                    self.text(
                        severity_icon(pain.severity),
                        center.x,
                        icon_top,
                        size,
                        false,
                        p.severity(pain.severity),
                        "middle",
                    );
                    let status = match pain.status {
                        PainStatus::Open => "",
                        PainStatus::InProgress => "  ⏳",
                        PainStatus::Fixed => "  ✔",
                    };
                    (
                        format!("{}/5   ● {}{status}", pain.severity, pain.votes),
                        center.x + 10.0,
                    )
                }),
                Chip::Opportunity => card.opportunity.as_ref().map(|o| {
                    (
                        format!("▲ {}   ⚒ {}   ● {}", o.impact, o.effort, o.votes),
                        r.left(),
                    )
                }),
            };
            if let Some((text, start)) = line {
                let text = self
                    .fonts
                    .truncate(&text, CHIP_FONT, r.right() - start, false);
                self.text(
                    &text,
                    start,
                    top,
                    CHIP_FONT,
                    false,
                    p.card_weak_text,
                    "start",
                );
            }
        }
        let bottom = b.votes.map_or(b.rect.max.y, |v| v.center().y);
        self.wrapped(
            &card.text,
            b.text.min,
            b.text.width(),
            bottom,
            self.m.card_font_size,
            false,
            p.card_text,
        );
        self.card_data(b, card);
    }

    fn curves(&mut self) {
        let p = self.p.clone();
        let emotion_rows: Vec<Rect> = self
            .layout
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Emotions && !l.collapsed)
            .map(|l| l.row)
            .collect();
        for row in emotion_rows {
            let y = row.center().y;
            self.line(
                pos2(row.min.x, y),
                pos2(row.max.x, y),
                1.0,
                p.zero_line,
                Some((6.0, 4.0)),
            );
        }
        for curve in &self.layout.curves {
            for (piece, positive) in &curve.tint {
                let fill = if *positive {
                    p.positive_tint
                } else {
                    p.negative_tint
                };
                let _ = writeln!(
                    self.out,
                    r#"<polygon points="{}" {}/>"#,
                    points(piece),
                    paint("fill", fill)
                );
            }
        }
        for curve in &self.layout.curves {
            let color = p.strong(curve.color);
            let _ = writeln!(
                self.out,
                r#"<polyline points="{}" fill="none" {} stroke-width="{}" stroke-linejoin="round" stroke-linecap="round"/>"#,
                points(&curve.path),
                paint("stroke", color),
                3.0
            );
            for point in &curve.points {
                if point.lowest {
                    let red = p.severity(4);
                    self.circle(point.pos, 12.0, gamma_multiply(red, 0.25), (1.5, red));
                }
                self.circle(point.pos, 5.0, color, (1.5, p.canvas_bg));
                self.emoji(&point.emoji, point.emoji_rect(self.m));
            }
        }
        for marker in &self.layout.pain_markers {
            let fill = p.severity(marker.max_severity);
            self.circle(
                marker.pos,
                self.m.pain_marker_radius,
                fill,
                (1.5, p.canvas_bg),
            );
            let icon = severity_icon(marker.max_severity);
            let label = if marker.count() > 1 {
                format!("{icon}{}", marker.count())
            } else {
                icon.to_owned()
            };
            let top = marker.pos.y - self.fonts.row_height(11.0) / 2.0;
            self.text(
                &label,
                marker.pos.x,
                top,
                11.0,
                false,
                Palette::text_on(fill),
                "middle",
            );
        }
    }

    /// An emoji in `rect`: its bundled colour picture, or the emoji font's glyph.
    fn emoji(&mut self, emoji: &str, rect: Rect) {
        if let Some(art) = crate::art::emoji_art(emoji) {
            // Each picture once, as a symbol the uses point to: drawn as plain paths, where an
            // embedded SVG image costs resvg a layer of the whole canvas per emoji.
            if !self.emoji_used.contains(&art.name) {
                self.emoji_used.push(art.name);
            }
            let _ = writeln!(
                self.out,
                r##"<use href="#emoji-{}" x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}"/>"##,
                art.name,
                rect.min.x,
                rect.min.y,
                rect.width(),
                rect.height()
            );
        } else {
            let size = rect.height() * 0.8;
            let top = rect.center().y - self.fonts.row_height(size) / 2.0;
            self.text(
                emoji,
                rect.center().x,
                top,
                size,
                false,
                self.p.card_text,
                "middle",
            );
        }
    }

    /// The used emoji pictures as symbols in a 36 × 36 view box (the Twemoji documents without
    /// their outer `<svg>`).
    fn emoji_symbols(&mut self) {
        if self.emoji_used.is_empty() {
            return;
        }
        self.out.push_str("<defs>\n");
        for name in std::mem::take(&mut self.emoji_used) {
            let Some(art) = crate::art::all_art().find(|a| a.name == name) else {
                continue;
            };
            let Ok(doc) = std::str::from_utf8(art.svg) else {
                continue;
            };
            let body = doc
                .find("<svg")
                .and_then(|start| doc[start..].find('>').map(|end| start + end + 1))
                .zip(doc.rfind("</svg>"))
                .map_or("", |(from, to)| doc.get(from..to).unwrap_or(""));
            let _ = writeln!(
                self.out,
                r#"<symbol id="emoji-{name}" viewBox="0 0 36 36">{body}</symbol>"#
            );
        }
        self.out.push_str("</defs>\n");
    }

    fn visibility_line(&mut self) {
        if let Some((a, b)) = self.layout.visibility_line {
            let color = self.p.visibility_line;
            self.line(a, b, 2.0, color, Some((10.0, 6.0)));
            // Labelled as on the canvas, in the map's language (the app's words).
            let label = if crate::model::template::Lang::from_code(&self.map.language)
                == Some(crate::model::template::Lang::Vi)
            {
                "Đường ranh giới hiển thị"
            } else {
                "Line of visibility"
            };
            let top = a.y - 2.0 - self.fonts.row_height(CHIP_FONT);
            self.text(
                label,
                a.x + self.m.lane_label_width + 8.0,
                top,
                CHIP_FONT,
                false,
                color,
                "start",
            );
        }
    }

    fn headers(&mut self) {
        let p = self.p.clone();
        for stage in &self.layout.stages {
            let r = stage.header.shrink(1.5);
            let fill = p.stage_color(stage.index, stage.color);
            self.rect(r, 4.0, fill, None);
            if let Some(s) = self.map.stages.get(stage.index) {
                let left = r.left() + 8.0;
                let name = self
                    .fonts
                    .truncate(&s.name, STAGE_FONT, r.right() - 6.0 - left, true);
                let top = r.center().y - self.fonts.row_height(STAGE_FONT) / 2.0;
                self.text(
                    &name,
                    left,
                    top,
                    STAGE_FONT,
                    true,
                    Palette::text_on(fill),
                    "start",
                );
            }
        }
        let names: Vec<String> = self.map.steps().map(|(_, s)| s.name.clone()).collect();
        for (step, name) in self.layout.steps.iter().zip(names) {
            let r = step.header.shrink(1.5);
            self.rect(r, 4.0, p.step_bg, None);
            let name = self
                .fonts
                .truncate(&name, STEP_FONT, r.width() - 8.0, false);
            let top = r.center().y - self.fonts.row_height(STEP_FONT) / 2.0;
            self.text(
                &name,
                r.center().x,
                top,
                STEP_FONT,
                false,
                p.step_text,
                "middle",
            );
        }
    }

    fn lane_labels(&mut self) {
        let p = self.p.clone();
        for lane in &self.layout.lanes {
            let r = lane.label;
            self.rect(r, 0.0, p.lane_label_bg, None);
            self.line(r.left_bottom(), r.right_bottom(), 1.0, p.grid_line, None);
            let accent = p.strong(Palette::lane_card_color(lane.kind));
            self.rect(
                Rect::from_min_size(r.min, vec2(4.0, r.height())),
                0.0,
                accent,
                None,
            );
            let Some(model_lane) = self.map.lanes.iter().find(|l| l.id == lane.id) else {
                continue;
            };
            let text = format!("{} {}", crate::art::lane_icon(lane.kind), model_lane.name);
            let at = r.min + vec2(12.0, 10.0);
            // The canvas keeps room on the right for the lane's collapse toggle.
            let width = r.right() - 4.0 - 18.0 - 4.0 - at.x;
            let row = self.fonts.row_height(LANE_FONT);
            let mut lines = self.fonts.wrap(&text, LANE_FONT, width, true);
            if lines.len() > 2 {
                let rest = lines[1..].join(" ");
                lines.truncate(1);
                lines.push(self.fonts.truncate(&rest, LANE_FONT, width, true));
            }
            for (i, line) in lines.iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "two lines")]
                let top = at.y + i as f32 * row;
                self.text(line, at.x, top, LANE_FONT, true, p.lane_label_text, "start");
            }
            if lane.kind == LaneKind::Emotions && !lane.collapsed {
                #[expect(clippy::cast_precision_loss, reason = "two lines")]
                let bottom = at.y + lines.len() as f32 * row + 4.0;
                self.curve_legend(pos2(r.min.x + 12.0, bottom), r.max.x - 4.0);
            }
        }
    }
}

impl Svg<'_> {
    /// The names of the visible curves with their colour, under the emotion lane's name.
    fn curve_legend(&mut self, top_left: Pos2, right: f32) {
        const ROW: f32 = 20.0;
        let p = self.p.clone();
        let curves = self.map.curves.clone();
        let mut top = top_left.y;
        for curve in curves {
            // A hidden curve stays in the legend, faded, as on the canvas.
            let (color, text_color) = if curve.hidden {
                (gamma_multiply(p.strong(curve.color), 0.3), p.card_weak_text)
            } else {
                (p.strong(curve.color), p.lane_label_text)
            };
            let y = top + ROW / 2.0;
            self.circle(pos2(top_left.x + 8.0, y), 3.5, color, (1.0, color));
            let x = top_left.x + 18.0;
            self.line(pos2(x, y), pos2(x + 16.0, y), 3.0, color, None);
            let name = self
                .fonts
                .truncate(&curve.name, CHIP_FONT, right - x - 22.0, false);
            let text_top = y - self.fonts.row_height(CHIP_FONT) / 2.0;
            self.text(
                &name,
                x + 22.0,
                text_top,
                CHIP_FONT,
                false,
                text_color,
                "start",
            );
            top += ROW;
        }
        self.measured_legend_row(pos2(top_left.x, top), right, ROW);
    }
}

/// `x,y x,y …` for SVG's `points`.
fn points(path: &[Pos2]) -> String {
    let mut out = String::with_capacity(path.len() * 14);
    for p in path {
        let _ = write!(out, "{:.2},{:.2} ", p.x, p.y);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_escapes_and_composes_vietnamese() {
        // "Nhận" written with combining marks comes out composed.
        let decomposed = "Nha\u{323}\u{302}n <b> & \"x\"\u{1}";
        assert_eq!(xml_text(decomposed), "Nhận &lt;b&gt; &amp; &quot;x&quot;");
    }

    #[test]
    fn see_through_colours_get_an_opacity() {
        assert_eq!(paint("fill", [255, 0, 0, 255]), r##"fill="#ff0000""##);
        assert_eq!(
            paint("stroke", [0, 0, 0, 40]),
            r##"stroke="#000000" stroke-opacity="0.157""##
        );
    }
}

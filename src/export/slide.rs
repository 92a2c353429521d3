//! A deck's slide ([`super::deck::Slide`]) as one 16:9 SVG document, [`SLIDE_WIDTH`] ×
//! [`SLIDE_HEIGHT`] points: the title slide (the map's title big, the persona, the description
//! and the business goals) or a stage slide (the stage's name at the top, its steps under it,
//! and below, fitted, the map focused on the stage: [`super::svg::stage_clip`]; when that picture
//! is narrow, it moves left and the stage's pain points and opportunities are listed beside it:
//! [`stage_layout`], shared with the `.pptx`). Text stays text.
//! The PDF deck is these documents, one a page.

use std::fmt::Write as _;

use super::deck::{Slide, SlidePoint, SlidePoints, slides};
use super::measure::Fonts;
use super::pdf::{Fit, PdfInfo, PdfSheet, svgs_to_pdf_with};
use super::svg::{
    FONT_FAMILY, PictureLayout, SvgOptions, Theme, picture_layout, stage_clip, to_svg_in, xml_text,
};
use crate::art::palette::{Palette, Rgba, unmultiplied};
use crate::layout::MapLayout;
use crate::model::JourneyMap;

/// A slide's width, in points (16:9).
pub const SLIDE_WIDTH: f32 = 1280.0;
/// A slide's height, in points (16:9).
pub const SLIDE_HEIGHT: f32 = 720.0;
/// The margin around a slide's content.
const MARGIN: f32 = 48.0;
/// A stage slide's title size.
const STAGE_TITLE: f32 = 34.0;
/// The title slide's title size.
const DECK_TITLE: f32 = 48.0;
/// Where a stage slide's picture starts (top), below the title and the steps.
pub const PICTURE_TOP: f32 = 116.0;
/// The room under a stage slide's picture.
const PICTURE_BOTTOM: f32 = 20.0;
/// The side column's share of the slide's width it needs at least to be shown.
const SIDE_MIN: f32 = 0.35 * SLIDE_WIDTH;
/// The side column's width at most (longer lines are hard to read).
const SIDE_MAX: f32 = 560.0;
/// The gap between the picture and the side column.
const SIDE_GAP: f32 = 32.0;
/// The size of the side column's headings.
pub const SIDE_HEADING: f32 = 22.0;
/// The size of the side column's items.
pub const SIDE_TEXT: f32 = 18.0;
/// How far an item's text is indented after its bullet.
pub const SIDE_INDENT: f32 = 26.0;
/// The space above a heading that follows a list.
const SIDE_GROUP_GAP: f32 = 14.0;
/// The space between two items.
const SIDE_ITEM_GAP: f32 = 6.0;

/// The options that draw stage `stage` of `map` in focus, clipped to show it whole
/// ([`stage_clip`]), with the colours of `base`. `None` when the map has no such stage or the
/// bundled fonts do not load.
pub fn stage_options(map: &JourneyMap, stage: usize, base: &SvgOptions) -> Option<SvgOptions> {
    let laid = picture_layout(map, &base.data).ok()?;
    stage_options_in(&laid.layout, stage, base)
}

/// [`stage_options`] in a layout already made by [`picture_layout`] with `base.data`.
pub fn stage_options_in(layout: &MapLayout, stage: usize, base: &SvgOptions) -> Option<SvgOptions> {
    Some(SvgOptions {
        theme: base.theme,
        clip: Some(stage_clip(layout, stage)?),
        focus: Some(stage),
        data: base.data.clone(),
    })
}

/// Where a picture of `w` × `h` goes, fitted (never stretched) and centred in the box
/// `(x, y, bw, bh)`: its `(x, y, w, h)`.
pub fn fit(w: f32, h: f32, (x, y, bw, bh): (f32, f32, f32, f32)) -> (f32, f32, f32, f32) {
    if w <= 0.0 || h <= 0.0 {
        return (x, y, 0.0, 0.0);
    }
    let scale = (bw / w).min(bh / h);
    let (fw, fh) = (w * scale, h * scale);
    (x + (bw - fw) / 2.0, y + (bh - fh) / 2.0, fw, fh)
}

/// The box (x, y, width, height, in slide points) a stage slide's picture is fitted into.
pub const PICTURE_BOX: (f32, f32, f32, f32) = (
    MARGIN,
    PICTURE_TOP,
    SLIDE_WIDTH - 2.0 * MARGIN,
    SLIDE_HEIGHT - PICTURE_TOP - PICTURE_BOTTOM,
);

/// Where a stage slide's parts go: its picture and, when the fitted picture leaves a wide
/// free column, its pain points and opportunities beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct StageLayout {
    /// The picture's box (x, y, width, height) in slide points.
    pub picture: (f32, f32, f32, f32),
    /// The side column, if any.
    pub side: Option<Side>,
}

/// The column beside a stage slide's picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// Its box (x, y, width, height) in slide points.
    pub at: (f32, f32, f32, f32),
    /// Its lists, cut to fit.
    pub groups: Vec<SideGroup>,
}

/// One list of the side column, as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct SideGroup {
    /// The heading.
    pub heading: String,
    /// The items shown.
    pub items: Vec<SideItem>,
    /// "+3 more" when items are left out.
    pub more: Option<String>,
}

/// One item of the side column, laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct SideItem {
    /// The bullet (a severity icon, or "•").
    pub bullet: String,
    /// The text's rows (one or two, the last cut with "…" when the text is longer).
    pub rows: Vec<String>,
    /// The weaker text after the last row (may be empty).
    pub meta: String,
}

/// `item`'s rows in `width` at [`SIDE_TEXT`]: at most two, the meta after the last.
fn side_item(fonts: &Fonts, item: &SlidePoint, width: f32) -> SideItem {
    let size = SIDE_TEXT;
    let meta_w = if item.meta.is_empty() {
        0.0
    } else {
        fonts.width(&format!(" {}", item.meta), size, false)
    };
    let mut rows = fonts.wrap(&item.text, size, width, false);
    let fits = |row: &str| fonts.width(row, size, false) + meta_w <= width;
    if rows.len() > 2 || (rows.len() == 2 && !fits(&rows[1])) {
        let rest = rows[1..].join(" ");
        rows.truncate(1);
        rows.push(fonts.truncate(&rest, size, width - meta_w, false));
    } else if rows.len() == 1 && !fits(&rows[0]) && !item.meta.is_empty() {
        rows.push(String::new());
    }
    SideItem {
        bullet: item.bullet.clone(),
        rows,
        meta: item.meta.clone(),
    }
}

/// The height of the side column's `groups`.
fn side_height(fonts: &Fonts, groups: &[SideGroup]) -> f32 {
    let text_row = fonts.row_height(SIDE_TEXT);
    let mut h = 0.0;
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            h += SIDE_GROUP_GAP;
        }
        h += fonts.row_height(SIDE_HEADING) + 4.0;
        for item in &group.items {
            #[expect(clippy::cast_precision_loss, reason = "one or two rows")]
            let rows = item.rows.len() as f32;
            h += rows * text_row + SIDE_ITEM_GAP;
        }
        if group.more.is_some() {
            h += text_row;
        }
    }
    h
}

/// The lists of `points` that fit in a column of `width` × `height`: items are taken in
/// turn from each list (most important first) while they fit; the rest are counted in
/// "+n more".
fn side_groups(fonts: &Fonts, points: &[SlidePoints], width: f32, height: f32) -> Vec<SideGroup> {
    let laid: Vec<Vec<SideItem>> = points
        .iter()
        .map(|p| {
            p.items
                .iter()
                .map(|i| side_item(fonts, i, width - SIDE_INDENT))
                .collect()
        })
        .collect();
    let build = |counts: &[usize]| -> Vec<SideGroup> {
        points
            .iter()
            .zip(&laid)
            .zip(counts)
            .map(|((p, items), &n)| SideGroup {
                heading: p.heading.clone(),
                items: items[..n].to_vec(),
                more: (n < items.len()).then(|| format!("+{} {}", items.len() - n, p.more)),
            })
            .collect()
    };
    let mut counts = vec![0; points.len()];
    let mut open = vec![true; points.len()];
    while open.iter().any(|o| *o) {
        for g in 0..points.len() {
            if !open[g] {
                continue;
            }
            if counts[g] >= laid[g].len() {
                open[g] = false;
                continue;
            }
            counts[g] += 1;
            if side_height(fonts, &build(&counts)) > height {
                counts[g] -= 1;
                open[g] = false;
            }
        }
    }
    build(&counts)
}

/// Where the parts of a stage slide whose picture is `w` × `h` go: the picture fitted under
/// the title; when it leaves a column of at least 35 % of the slide free and the slide has
/// points to list, the picture moves left and the points go beside it.
pub fn stage_layout(fonts: &Fonts, slide: &Slide, (w, h): (f32, f32)) -> StageLayout {
    let (bx, by, bw, bh) = PICTURE_BOX;
    let picture = fit(w, h, PICTURE_BOX);
    let free = bw - picture.2 - SIDE_GAP;
    if slide.points.is_empty() || free < SIDE_MIN {
        return StageLayout {
            picture,
            side: None,
        };
    }
    let side_w = free.min(SIDE_MAX);
    let x = bx + (free - side_w) / 2.0;
    let groups = side_groups(fonts, &slide.points, side_w, bh);
    StageLayout {
        picture: (x, picture.1, picture.2, picture.3),
        side: Some(Side {
            at: (x + picture.2 + SIDE_GAP, by, side_w, bh),
            groups,
        }),
    }
}

/// The accent colour of a slide: its stage's colour, or the first stage's for the title slide.
fn accent(map: &JourneyMap, p: &Palette, stage: Option<usize>) -> Rgba {
    let index = stage.unwrap_or(0);
    p.stage_color(index, map.stages.get(index).and_then(|s| s.color))
}

fn fill(c: Rgba) -> String {
    let ([r, g, b], a) = unmultiplied(c);
    if a >= 1.0 {
        format!(r##"fill="#{r:02x}{g:02x}{b:02x}""##)
    } else {
        format!(r##"fill="#{r:02x}{g:02x}{b:02x}" fill-opacity="{a:.3}""##)
    }
}

struct Page<'a> {
    fonts: &'a Fonts,
    out: String,
}

impl Page<'_> {
    /// Wrapped text from its top-left; at most `max_rows` rows (the last one truncated to
    /// fit). Returns the bottom of the text.
    #[expect(clippy::too_many_arguments, reason = "what a block of text needs")]
    fn text(
        &mut self,
        text: &str,
        (x, top): (f32, f32),
        width: f32,
        size: f32,
        bold: bool,
        color: Rgba,
        max_rows: usize,
    ) -> f32 {
        let mut lines = self.fonts.wrap(text, size, width, bold);
        if lines.len() > max_rows {
            let rest = lines[max_rows - 1..].join(" ");
            lines.truncate(max_rows - 1);
            lines.push(self.fonts.truncate(&rest, size, width, bold));
        }
        let row = self.fonts.row_height(size);
        let ascent = self.fonts.ascent(size);
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let _ = write!(
            self.out,
            r#"<text font-size="{size}"{weight} {} xml:space="preserve">"#,
            fill(color)
        );
        let mut y = top;
        for line in lines {
            let _ = write!(
                self.out,
                r#"<tspan x="{x:.2}" y="{:.2}">{}</tspan>"#,
                y + ascent,
                xml_text(&line)
            );
            y += row;
        }
        self.out.push_str("</text>\n");
        y
    }

    /// The side column: each heading with an accent bar, each item with its bullet, its
    /// rows and its meta in a weaker colour, and "+n more".
    fn side(&mut self, side: &Side, p: &Palette, accent: Rgba) {
        let (x, mut y, _, _) = side.at;
        let text_row = self.fonts.row_height(SIDE_TEXT);
        let ascent = self.fonts.ascent(SIDE_TEXT);
        for (i, group) in side.groups.iter().enumerate() {
            if i > 0 {
                y += SIDE_GROUP_GAP;
            }
            let row = self.fonts.row_height(SIDE_HEADING);
            self.rect((x, y + 4.0, 5.0, row - 8.0), accent);
            self.text(
                &group.heading,
                (x + 14.0, y),
                side.at.2 - 14.0,
                SIDE_HEADING,
                true,
                p.lane_label_text,
                1,
            );
            y += row + 4.0;
            for item in &group.items {
                let _ = write!(
                    self.out,
                    r#"<text font-size="{SIDE_TEXT}" {} xml:space="preserve"><tspan x="{:.2}" y="{:.2}">{}</tspan>"#,
                    fill(accent),
                    x + 4.0,
                    y + ascent,
                    xml_text(&item.bullet)
                );
                let last = item.rows.len().saturating_sub(1);
                for (r, text) in item.rows.iter().enumerate() {
                    #[expect(clippy::cast_precision_loss, reason = "one or two rows")]
                    let top = y + r as f32 * text_row + ascent;
                    let _ = write!(
                        self.out,
                        r#"<tspan x="{:.2}" y="{top:.2}" {}>{}"#,
                        x + SIDE_INDENT,
                        fill(p.lane_label_text),
                        xml_text(text)
                    );
                    if r == last && !item.meta.is_empty() {
                        let space = if text.is_empty() { "" } else { " " };
                        let _ = write!(
                            self.out,
                            r#"<tspan {}>{space}{}</tspan>"#,
                            fill(p.card_weak_text),
                            xml_text(&item.meta)
                        );
                    }
                    self.out.push_str("</tspan>");
                }
                self.out.push_str("</text>\n");
                #[expect(clippy::cast_precision_loss, reason = "one or two rows")]
                let rows = item.rows.len() as f32;
                y += rows * text_row + SIDE_ITEM_GAP;
            }
            if let Some(more) = &group.more {
                self.text(
                    more,
                    (x + SIDE_INDENT, y),
                    side.at.2 - SIDE_INDENT,
                    SIDE_TEXT,
                    false,
                    p.card_weak_text,
                    1,
                );
                y += text_row;
            }
        }
    }

    fn rect(&mut self, (x, y, w, h): (f32, f32, f32, f32), color: Rgba) {
        let _ = writeln!(
            self.out,
            r#"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" {}/>"#,
            fill(color)
        );
    }
}

/// The slide as a 16:9 SVG document, or an error when the bundled fonts do not load or the
/// map cannot be drawn.
pub fn slide_svg(map: &JourneyMap, slide: &Slide, options: &SvgOptions) -> Result<String, String> {
    slide_svg_in(map, &picture_layout(map, &options.data)?, slide, options)
}

/// [`slide_svg`] with the map's layout already made by [`picture_layout`] with `options.data`.
pub fn slide_svg_in(
    map: &JourneyMap,
    laid: &PictureLayout,
    slide: &Slide,
    options: &SvgOptions,
) -> Result<String, String> {
    let fonts = &laid.fonts;
    let p = Palette::for_dark(options.theme == Theme::Dark);
    let mut page = Page {
        fonts,
        out: String::new(),
    };
    let _ = write!(
        page.out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{SLIDE_WIDTH}" height="{SLIDE_HEIGHT}" viewBox="0 0 {SLIDE_WIDTH} {SLIDE_HEIGHT}" font-family="{FONT_FAMILY}">"#
    );
    let _ = write!(page.out, "\n<title>{}</title>\n", xml_text(&slide.title));
    page.rect((0.0, 0.0, SLIDE_WIDTH, SLIDE_HEIGHT), p.canvas_bg);
    let accent = accent(map, &p, slide.stage);
    let width = SLIDE_WIDTH - 2.0 * MARGIN;
    match slide.stage {
        None => {
            page.rect((0.0, 0.0, 16.0, SLIDE_HEIGHT), accent);
            let mut y = 200.0;
            y = page.text(
                &slide.title,
                (MARGIN + 24.0, y),
                width - 24.0,
                DECK_TITLE,
                true,
                p.lane_label_text,
                2,
            );
            page.rect((MARGIN + 24.0, y + 18.0, 120.0, 5.0), accent);
            y += 48.0;
            let body = SLIDE_HEIGHT - MARGIN;
            for (i, line) in slide.lines.iter().enumerate() {
                let (size, color) = if i == 0 {
                    (26.0, p.lane_label_text)
                } else {
                    (20.0, p.card_weak_text)
                };
                let room = ((body - y) / fonts.row_height(size)).floor();
                if room < 1.0 {
                    break;
                }
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "a few rows"
                )]
                let rows = (room as usize).min(3);
                y = page.text(
                    line,
                    (MARGIN + 24.0, y),
                    width - 24.0,
                    size,
                    false,
                    color,
                    rows,
                ) + 8.0;
            }
        }
        Some(stage) => {
            let count = format!("{} / {}", stage + 1, map.stages.len());
            page.rect((0.0, 0.0, SLIDE_WIDTH, 8.0), accent);
            let counter = fonts.width(&count, 18.0, true);
            page.text(
                &count,
                (SLIDE_WIDTH - MARGIN - counter, 36.0),
                counter + 4.0,
                18.0,
                true,
                accent,
                1,
            );
            let bottom = page.text(
                &slide.title,
                (MARGIN, 28.0),
                width - counter - 24.0,
                STAGE_TITLE,
                true,
                p.lane_label_text,
                1,
            );
            if let Some(line) = slide.lines.first() {
                page.text(
                    line,
                    (MARGIN, bottom + 4.0),
                    width,
                    17.0,
                    false,
                    p.card_weak_text,
                    1,
                );
            }
            let focused = stage_options_in(&laid.layout, stage, options)
                .ok_or("the map has no such stage")?;
            let clip = focused.clip.unwrap_or(emath::Rect::ZERO);
            let layout = stage_layout(fonts, slide, (clip.width().ceil(), clip.height().ceil()));
            let picture = stage_picture(map, laid, &focused, layout.picture)?;
            page.out.push_str(&picture);
            if let Some(side) = &layout.side {
                page.side(side, &p, accent);
            }
        }
    }
    page.out.push_str("</svg>\n");
    Ok(page.out)
}

/// The map drawn with `focused`, as a nested `<svg>` at `(x, y, w, h)`.
fn stage_picture(
    map: &JourneyMap,
    laid: &PictureLayout,
    focused: &SvgOptions,
    (x, y, w, h): (f32, f32, f32, f32),
) -> Result<String, String> {
    let document = to_svg_in(map, laid, focused)?;
    // The document's own size goes; the nested <svg> takes its place and scale on the slide.
    let open_end = document.find('>').ok_or("the picture is not SVG")?;
    let (open, rest) = document.split_at(open_end);
    let start = open.find(" width=").ok_or("the picture has no size")?;
    let end = open
        .find(" viewBox=")
        .ok_or("the picture has no view box")?;
    Ok(format!(
        r#"{} x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" preserveAspectRatio="xMidYMid meet"{}{}"#,
        &open[..start],
        &open[end..],
        rest
    ))
}

/// A deck page's size in points: 16:9 at the 13.33 × 7.5 inches of a `PowerPoint` slide.
pub const DECK_PAGE: (f32, f32) = (960.0, 540.0);

/// The presentation as a PDF deck: the title slide, then one page per stage (each
/// [`slide_svg`] on a 16:9 page, text as text), titled and in the map's language.
pub fn to_pdf_deck(map: &JourneyMap, options: &SvgOptions) -> Result<Vec<u8>, String> {
    let laid = picture_layout(map, &options.data)?;
    let sheets = slides(map)
        .iter()
        .map(|slide| {
            Ok(PdfSheet {
                svg: slide_svg_in(map, &laid, slide, options)?,
                width: DECK_PAGE.0,
                height: DECK_PAGE.1,
                fit: Fit::Contain { margin: 0.0 },
                background: None,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let info = PdfInfo {
        title: map.title.clone(),
        language: map.language.clone(),
    };
    svgs_to_pdf_with(&sheets, &info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tall_picture_is_fitted_by_its_height_and_centred() {
        let (x, y, w, h) = fit(100.0, 200.0, (0.0, 10.0, 1000.0, 400.0));
        assert_eq!((w, h), (200.0, 400.0));
        assert_eq!((x, y), (400.0, 10.0));
        let (x, y, w, h) = fit(1000.0, 100.0, (0.0, 0.0, 500.0, 500.0));
        assert_eq!((x, y, w, h), (0.0, 225.0, 500.0, 50.0));
        assert_eq!(fit(0.0, 10.0, (1.0, 2.0, 3.0, 4.0)), (1.0, 2.0, 0.0, 0.0));
    }
}

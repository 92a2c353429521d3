//! A deck's slide ([`super::deck::Slide`]) as one 16:9 SVG document, [`SLIDE_WIDTH`] ×
//! [`SLIDE_HEIGHT`] points: the title slide (the map's title big, the persona, the description
//! and the business goals) or a stage slide (the stage's name at the top, its steps under it,
//! and below, fitted, the map focused on the stage: [`super::svg::stage_clip`]). Text stays text.
//! The PDF deck is these documents, one a page.

use std::fmt::Write as _;

use super::deck::{Slide, slides};
use super::measure::Fonts;
use super::pdf::{Fit, PdfInfo, PdfSheet, svgs_to_pdf_with};
use super::svg::{FONT_FAMILY, SvgOptions, Theme, stage_clip, to_svg, xml_text};
use crate::art::palette::{Palette, Rgba, unmultiplied};
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
pub const PICTURE_TOP: f32 = 128.0;

/// The options that draw stage `stage` of `map` in focus, clipped to show it whole
/// ([`stage_clip`]), with the colours of `base`. `None` when the map has no such stage or the
/// bundled fonts do not load.
pub fn stage_options(map: &JourneyMap, stage: usize, base: &SvgOptions) -> Option<SvgOptions> {
    let layout = super::svg::picture_layout(map, &base.data)?;
    Some(SvgOptions {
        theme: base.theme,
        clip: Some(stage_clip(&layout, stage)?),
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
    SLIDE_HEIGHT - PICTURE_TOP - 28.0,
);

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
    let fonts = Fonts::load().ok_or("the bundled fonts do not load")?;
    let p = Palette::for_dark(options.theme == Theme::Dark);
    let mut page = Page {
        fonts: &fonts,
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
            let picture = stage_picture(map, stage, options)?;
            page.out.push_str(&picture);
        }
    }
    page.out.push_str("</svg>\n");
    Ok(page.out)
}

/// The map focused on `stage`, as a nested `<svg>` fitted into [`PICTURE_BOX`].
fn stage_picture(map: &JourneyMap, stage: usize, options: &SvgOptions) -> Result<String, String> {
    let focused = stage_options(map, stage, options).ok_or("the map has no such stage")?;
    let document = to_svg(map, &focused)?;
    let clip = focused.clip.unwrap_or(emath::Rect::ZERO);
    let (x, y, w, h) = fit(clip.width().ceil(), clip.height().ceil(), PICTURE_BOX);
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
    let sheets = slides(map)
        .iter()
        .map(|slide| {
            Ok(PdfSheet {
                svg: slide_svg(map, slide, options)?,
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

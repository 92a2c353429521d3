//! The whole map as a PDF: its SVG ([`super::svg`]) turned into vector PDF by svg2pdf, with the
//! text kept as text (selectable, searchable) in the bundled fonts only, embedded as subsets.
//! A page is A4 or A3 landscape with the map scaled to fit, centred, or one long page the map's
//! own size. [`svgs_to_pdf`] puts several SVG documents on pages of one PDF (for decks).

use std::collections::HashMap;
use std::sync::Arc;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use svg2pdf::usvg;

use super::png::font_db;
use super::svg::{SvgOptions, Theme, to_svg};
use crate::art::palette::{Palette, unmultiplied};
use crate::model::JourneyMap;

/// A4's long side, in points (297 mm).
pub const A4_LONG: f32 = 841.89;
/// A4's short side, in points (210 mm).
pub const A4_SHORT: f32 = 595.28;
/// A3's long side, in points (420 mm).
pub const A3_LONG: f32 = 1190.55;
/// A3's short side, in points (297 mm).
pub const A3_SHORT: f32 = A4_LONG;
/// The white (or dark) border kept around a map fitted to a paper page, in points (8.5 mm).
pub const MARGIN: f32 = 24.0;
/// The largest side of a PDF page that common readers open (Acrobat's limit, 200 inches), in
/// points: a longer map on a "long page" is scaled down to it.
pub const MAX_PAGE_SIDE: f32 = 14_400.0;

/// The page the map goes on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PdfPage {
    /// A4 landscape, the map scaled to fit. The default: every office printer takes A4, and a
    /// vector PDF zooms sharply on screen, where most handed-on maps are read.
    #[default]
    A4,
    /// A3 landscape, the map scaled to fit: the printed wall or table copy of a workshop.
    A3,
    /// One page the map's own size (one SVG unit = one point), for scrolling on screen or
    /// plotting on a roll.
    Long,
}

impl PdfPage {
    /// The page named on the command line: `a4`, `a3` or `long` (any case).
    pub fn parse(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "a4" => Some(Self::A4),
            "a3" => Some(Self::A3),
            "long" => Some(Self::Long),
            _ => None,
        }
    }
}

/// How to draw the PDF of a map.
#[derive(Clone, Debug, Default)]
pub struct PdfOptions {
    /// The page size.
    pub page: PdfPage,
    /// What to draw (theme, whole map or a part).
    pub svg: SvgOptions,
}

/// How an SVG document is placed on its page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fit {
    /// Scaled (up or down) to fit inside the page less `margin` points on every side, keeping
    /// its proportions, centred.
    Contain {
        /// The border left free on every side, in points.
        margin: f32,
    },
    /// At its own size (one SVG unit = one point) from the top-left corner; the page is
    /// normally the SVG's size. An SVG larger than the page is scaled down to fit it.
    Actual,
}

/// One page of a PDF: an SVG document, the page size and how the SVG is placed on it.
#[derive(Clone, Debug)]
pub struct PdfSheet {
    /// The SVG document (text, as [`to_svg`] writes it), drawn with the bundled fonts.
    pub svg: String,
    /// The page's width, in points (1/72 inch).
    pub width: f32,
    /// The page's height, in points.
    pub height: f32,
    /// How the SVG is placed on the page.
    pub fit: Fit,
    /// The colour of the page around the SVG (`#rrggbb` as bytes); `None` leaves it white.
    pub background: Option<[u8; 3]>,
}

/// What a PDF says about itself: its title (shown by readers in the window bar) and the
/// language of its text (read by screen readers), as a BCP 47 tag.
#[derive(Clone, Debug, Default)]
pub struct PdfInfo {
    /// The document's title; empty writes none.
    pub title: String,
    /// The language of the text (`vi`, `en`); empty writes none.
    pub language: String,
}

/// The page size, in points, that `page` gives a map of `size` (the SVG's width and height):
/// the landscape paper, or the map's own size (scaled down to at most [`MAX_PAGE_SIDE`]).
pub fn page_size(page: PdfPage, size: (f32, f32)) -> (f32, f32) {
    match page {
        PdfPage::A4 => (A4_LONG, A4_SHORT),
        PdfPage::A3 => (A3_LONG, A3_SHORT),
        PdfPage::Long => {
            let (w, h) = (size.0.max(1.0), size.1.max(1.0));
            let k = (MAX_PAGE_SIDE / w).min(MAX_PAGE_SIDE / h).min(1.0);
            (w * k, h * k)
        }
    }
}

/// Where an SVG of `size` goes on a `width` × `height` page: its scale, and its top-left corner
/// from the page's top-left (points, y down).
fn placement(fit: Fit, size: (f32, f32), width: f32, height: f32) -> (f32, f32, f32) {
    let (w, h) = size;
    match fit {
        Fit::Actual => {
            // Never larger than the page: a "long page" capped at MAX_PAGE_SIDE shrinks.
            let k = (width / w).min(height / h).min(1.0);
            (k, 0.0, 0.0)
        }
        Fit::Contain { margin } => {
            let margin = margin.clamp(0.0, width.min(height) / 2.0 - 1.0).max(0.0);
            let (aw, ah) = (width - 2.0 * margin, height - 2.0 * margin);
            let k = (aw / w).min(ah / h);
            (k, (width - w * k) / 2.0, (height - h * k) / 2.0)
        }
    }
}

/// The map as a one-page PDF: title and language are the map's.
pub fn to_pdf(map: &JourneyMap, options: &PdfOptions) -> Result<Vec<u8>, String> {
    let svg = to_svg(map, &options.svg)?;
    let tree = parse(&svg, &usvg_options())?;
    let size = (tree.size().width(), tree.size().height());
    let (width, height) = page_size(options.page, size);
    let fit = match options.page {
        PdfPage::A4 | PdfPage::A3 => Fit::Contain { margin: MARGIN },
        PdfPage::Long => Fit::Actual,
    };
    let palette = Palette::for_dark(options.svg.theme == Theme::Dark);
    let sheet = PdfSheet {
        svg,
        width,
        height,
        fit,
        background: Some(unmultiplied(palette.canvas_bg).0),
    };
    let info = PdfInfo {
        title: map.title.clone(),
        language: map.language.clone(),
    };
    write_pdf(&[(&sheet, tree)], &info)
}

/// Several SVG documents as one PDF, one page per sheet, in order; no title or language.
pub fn svgs_to_pdf(pages: &[PdfSheet]) -> Result<Vec<u8>, String> {
    svgs_to_pdf_with(pages, &PdfInfo::default())
}

/// [`svgs_to_pdf`] with the document's title and language.
pub fn svgs_to_pdf_with(pages: &[PdfSheet], info: &PdfInfo) -> Result<Vec<u8>, String> {
    let options = usvg_options();
    let mut trees = Vec::with_capacity(pages.len());
    for (i, sheet) in pages.iter().enumerate() {
        let tree = parse(&sheet.svg, &options).map_err(|e| format!("page {}: {e}", i + 1))?;
        trees.push((sheet, tree));
    }
    write_pdf(&trees, info)
}

/// SVG parsing with the bundled fonts only (the same database as the PNG export).
fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: "Noto Sans".to_owned(),
        fontdb: Arc::new(font_db()),
        ..usvg::Options::default()
    }
}

fn parse(svg: &str, options: &usvg::Options) -> Result<usvg::Tree, String> {
    usvg::Tree::from_str(svg, options).map_err(|e| format!("the SVG does not parse: {e}"))
}

/// Writes the PDF: each tree becomes a form `XObject` (svg2pdf's chunk, fonts subset and
/// embedded, text as text) drawn on its own page.
fn write_pdf(pages: &[(&PdfSheet, usvg::Tree)], info: &PdfInfo) -> Result<Vec<u8>, String> {
    if pages.is_empty() {
        return Err("a PDF needs at least one page".to_owned());
    }
    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let tree_id = alloc.bump();
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc.bump(), alloc.bump())).collect();
    let mut pdf = Pdf::new();
    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(tree_id);
    if !info.language.is_empty() {
        catalog.lang(TextStr(&info.language));
    }
    if !info.title.is_empty() {
        catalog.viewer_preferences().display_doc_title(true);
    }
    catalog.finish();
    pdf.pages(tree_id)
        .kids(page_ids.iter().map(|&(page, _)| page))
        .count(i32::try_from(pages.len()).map_err(|_| "too many pages")?);

    let svg_name = Name(b"S1");
    for (i, ((sheet, tree), &(page_id, content_id))) in pages.iter().zip(&page_ids).enumerate() {
        let page_no = i + 1;
        if !(sheet.width.is_finite() && sheet.height.is_finite())
            || sheet.width < 1.0
            || sheet.height < 1.0
        {
            return Err(format!(
                "page {page_no}: the page size {} × {} points is not a size",
                sheet.width, sheet.height
            ));
        }
        let (chunk, svg_id) = svg2pdf::to_chunk(tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| format!("page {page_no}: {e}"))?;
        let mut renumbered = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let svg_id = *renumbered
            .get(&svg_id)
            .ok_or_else(|| format!("page {page_no}: the SVG's picture went missing"))?;

        let size = (tree.size().width(), tree.size().height());
        let (k, left, top) = placement(sheet.fit, size, sheet.width, sheet.height);
        let mut content = Content::new();
        if let Some([r, g, b]) = sheet.background {
            content
                .set_fill_rgb(
                    f32::from(r) / 255.0,
                    f32::from(g) / 255.0,
                    f32::from(b) / 255.0,
                )
                .rect(0.0, 0.0, sheet.width, sheet.height)
                .fill_nonzero();
        }
        // The form is one point square, y up; PDF pages start at the bottom left.
        let (w, h) = (size.0 * k, size.1 * k);
        content
            .save_state()
            .transform([w, 0.0, 0.0, h, left, sheet.height - top - h])
            .x_object(svg_name)
            .restore_state();
        pdf.stream(content_id, &content.finish());

        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, sheet.width, sheet.height))
            .parent(tree_id)
            .contents(content_id);
        page.group().transparency().isolated(true).knockout(false);
        page.resources().x_objects().pair(svg_name, svg_id);
        page.finish();
        pdf.extend(&chunk);
    }

    let info_id = alloc.bump();
    let mut doc_info = pdf.document_info(info_id);
    if !info.title.is_empty() {
        doc_info.title(TextStr(&info.title));
    }
    doc_info.creator(TextStr("journeymap"));
    doc_info.finish();
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_parse() {
        assert_eq!(PdfPage::parse("A4"), Some(PdfPage::A4));
        assert_eq!(PdfPage::parse("a3"), Some(PdfPage::A3));
        assert_eq!(PdfPage::parse("Long"), Some(PdfPage::Long));
        assert_eq!(PdfPage::parse("letter"), None);
    }

    #[test]
    fn paper_pages_are_landscape_and_long_pages_the_maps_size() {
        assert_eq!(page_size(PdfPage::A4, (10.0, 10.0)), (A4_LONG, A4_SHORT));
        assert_eq!(page_size(PdfPage::A3, (10.0, 10.0)), (A3_LONG, A3_SHORT));
        assert_eq!(page_size(PdfPage::Long, (2400.0, 900.0)), (2400.0, 900.0));
        // Too long for readers: scaled down to their limit, proportions kept.
        let (w, h) = page_size(PdfPage::Long, (28_800.0, 900.0));
        assert!((w - MAX_PAGE_SIDE).abs() < 0.01 && (h - 450.0).abs() < 0.01);
    }

    #[test]
    fn contain_centres_a_wide_map_inside_the_margin() {
        // A 2000 × 500 map on A4: width-bound, so it fills the width less the margins.
        let (k, left, top) = placement(
            Fit::Contain { margin: MARGIN },
            (2000.0, 500.0),
            A4_LONG,
            A4_SHORT,
        );
        assert!((left - MARGIN).abs() < 0.01, "left {left}");
        assert!((2000.0 * k - (A4_LONG - 2.0 * MARGIN)).abs() < 0.01);
        assert!(
            (top - (A4_SHORT - 500.0 * k) / 2.0).abs() < 0.01,
            "top {top}"
        );
        // A tall map is height-bound and centred across.
        let (k, left, top) = placement(
            Fit::Contain { margin: MARGIN },
            (300.0, 900.0),
            A4_LONG,
            A4_SHORT,
        );
        assert!((top - MARGIN).abs() < 0.01);
        assert!((left - (A4_LONG - 300.0 * k) / 2.0).abs() < 0.01);
    }

    #[test]
    fn an_empty_deck_is_an_error() {
        assert!(svgs_to_pdf(&[]).is_err());
    }
}

//! One way out for the command line and the app: a [`Format`] (chosen by name or by a file's
//! extension), the [`ExportOptions`] that pictures use (theme, resolution, the part of the
//! map), and [`export_bytes`], the bytes to write. Adding a format is a variant here, its
//! extensions, and its arm in [`export_bytes`].

use std::path::Path;

use emath::Rect;
use serde::{Deserialize, Serialize};

use super::pdf::{PdfOptions, PdfPage};
use super::png::{MAX_SIDE, Resolution};
use super::svg::{self, SvgOptions, Theme};
use super::{TextFormat, png};
use crate::layout::data::DataOptions;
use crate::model::JourneyMap;

/// A format the map can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// A readable Markdown document.
    Markdown,
    /// CSV, one row per card.
    Csv,
    /// Mermaid `journey` text.
    Mermaid,
    /// An SVG picture, text as text.
    Svg,
    /// A PNG picture at a scale or a print resolution.
    Png,
    /// A PDF document (its exporter is not in this build yet).
    Pdf,
    /// A `PowerPoint` deck: a title slide and one slide per stage ([`super::pptx`]).
    Pptx,
}

impl Format {
    /// Every format, in the order a list shows them.
    pub const ALL: [Self; 7] = [
        Self::Png,
        Self::Svg,
        Self::Pdf,
        Self::Pptx,
        Self::Markdown,
        Self::Csv,
        Self::Mermaid,
    ];

    /// The format a file name asks for by its extension (any case).
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }

    /// The extension a new file gets (no dot).
    pub fn extension(self) -> &'static str {
        self.extensions()[0]
    }

    /// Every extension that names this format, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Markdown => &["md", "markdown"],
            Self::Csv => &["csv"],
            Self::Mermaid => &["mmd", "mermaid"],
            Self::Svg => &["svg"],
            Self::Png => &["png"],
            Self::Pdf => &["pdf"],
            Self::Pptx => &["pptx"],
        }
    }

    /// Whether the format is a picture of the map (theme and part of the map apply).
    pub fn is_picture(self) -> bool {
        matches!(self, Self::Svg | Self::Png | Self::Pdf | Self::Pptx)
    }

    /// Whether the resolution applies (a raster picture).
    pub fn has_pixels(self) -> bool {
        self == Self::Png
    }
}

/// How a picture is drawn; text formats ignore it.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    /// Light or dark colours.
    pub theme: Theme,
    /// PNG: how many pixels per point.
    pub resolution: Resolution,
    /// Only this part of the map, in layout coordinates (the current view); `None` for the
    /// whole map.
    pub clip: Option<Rect>,
    /// Which customer-data overlays a picture shows (as the canvas's View → Data on the map).
    pub data: DataOptions,
    /// PDF: the page (A4 or A3 landscape fit, or one long page).
    pub page: PdfPage,
    /// PDF: the presentation (a title slide and a page per stage) rather than the map on one
    /// page. A `.pptx` is always a deck.
    pub deck: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            theme: Theme::Light,
            resolution: Resolution::Scale(1.0),
            clip: None,
            data: DataOptions::default(),
            page: PdfPage::default(),
            deck: false,
        }
    }
}

impl ExportOptions {
    fn svg(&self) -> SvgOptions {
        SvgOptions {
            theme: self.theme,
            clip: self.clip,
            data: self.data.clone(),
            ..SvgOptions::default()
        }
    }
}

/// The map in `format`, as the bytes of its file.
pub fn export_bytes(
    map: &JourneyMap,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<u8>, String> {
    match format {
        Format::Markdown => Ok(TextFormat::Markdown.export(map).into_bytes()),
        Format::Csv => Ok(TextFormat::Csv.export(map).into_bytes()),
        Format::Mermaid => Ok(TextFormat::Mermaid.export(map).into_bytes()),
        Format::Svg => Ok(svg::to_svg(map, &options.svg())?.into_bytes()),
        Format::Png => png::to_png(map, &options.svg(), options.resolution),
        Format::Pptx => super::pptx::to_pptx(map, &options.svg()),
        Format::Pdf if options.deck => super::slide::to_pdf_deck(map, &options.svg()),
        Format::Pdf => super::pdf::to_pdf(
            map,
            &PdfOptions {
                page: options.page,
                svg: options.svg(),
            },
        ),
    }
}

/// The part of the map a picture shows, in layout coordinates: `clip` kept inside the whole
/// document (title band included), or the whole document. `None` when the fonts do not load.
pub fn picture_rect(map: &JourneyMap, clip: Option<Rect>) -> Option<Rect> {
    let (w, h) = svg::size(map)?;
    let whole = Rect::from_min_size(emath::pos2(0.0, -svg::TITLE_BAND), emath::vec2(w, h));
    Some(clip.map_or(whole, |c| c.intersect(whole)))
}

/// Width and height in pixels of the PNG of `map` (or of `clip` of it) at `resolution`.
pub fn pixel_size(
    map: &JourneyMap,
    clip: Option<Rect>,
    resolution: Resolution,
) -> Option<(u32, u32)> {
    let rect = picture_rect(map, clip)?;
    Some(pixels_of(rect, resolution))
}

/// The pixel size of a picture of `rect` (points) at `resolution`, as the PNG exporter
/// rounds it.
pub fn pixels_of(rect: Rect, resolution: Resolution) -> (u32, u32) {
    let scale = resolution.scale();
    let side = |points: f32| {
        let px = (points.max(1.0).ceil() * scale)
            .ceil()
            .clamp(0.0, u32::MAX as f32);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to u32's range"
        )]
        let px = px as u32;
        px
    };
    (side(rect.width()), side(rect.height()))
}

/// Whether a picture of this many pixels is larger than the exporter draws.
pub fn too_big((w, h): (u32, u32)) -> bool {
    #[expect(clippy::cast_precision_loss, reason = "pixel counts")]
    let big = w as f32 > MAX_SIDE || h as f32 > MAX_SIDE;
    big
}

/// A picture as pixels: width, height, and RGBA bytes with premultiplied alpha.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pixels {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Row by row, four bytes a pixel (premultiplied RGBA).
    pub rgba: Vec<u8>,
}

/// The map (or `options.clip` of it) as pixels at `options.resolution`, for the clipboard.
pub fn to_pixels(map: &JourneyMap, options: &ExportOptions) -> Result<Pixels, String> {
    let png = png::to_png(map, &options.svg(), options.resolution)?;
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).map_err(|e| e.to_string())?;
    Ok(Pixels {
        width: pixmap.width(),
        height: pixmap.height(),
        rgba: pixmap.take(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::testing::aida;

    #[test]
    fn formats_from_extensions_and_back() {
        assert_eq!(
            Format::from_path(Path::new("a/b.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(
            Format::from_path(Path::new("b.markdown")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("x.PNG")), Some(Format::Png));
        assert_eq!(Format::from_path(Path::new("x.pptx")), Some(Format::Pptx));
        assert_eq!(Format::from_path(Path::new("x.ron")), None);
        assert_eq!(Format::from_path(Path::new("x")), None);
        for f in Format::ALL {
            let name = format!("map.{}", f.extension());
            assert_eq!(Format::from_path(Path::new(&name)), Some(f));
        }
    }

    #[test]
    fn documents_are_written_as_their_formats_and_decks_as_a_page_per_slide() {
        let map = aida();
        let pdf = export_bytes(&map, Format::Pdf, &ExportOptions::default()).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        let pages = |pdf: &[u8]| {
            pdf.windows(b"/Type /Page\n".len())
                .filter(|w| w.starts_with(b"/Type /Page") && !w.starts_with(b"/Type /Pages"))
                .count()
        };
        let deck = ExportOptions {
            deck: true,
            ..ExportOptions::default()
        };
        let slides = export_bytes(&map, Format::Pdf, &deck).unwrap();
        assert!(pages(&slides) > pages(&pdf), "{} pages", pages(&slides));
        let pptx = export_bytes(&map, Format::Pptx, &ExportOptions::default()).unwrap();
        assert!(pptx.starts_with(b"PK"));
        assert!(Format::Png.has_pixels());
        assert!(Format::Svg.is_picture() && !Format::Svg.has_pixels());
        assert!(!Format::Csv.is_picture());
    }

    #[test]
    fn pixel_sizes_round_up_as_the_png_exporter_does() {
        let rect = Rect::from_min_size(emath::pos2(10.0, -44.0), emath::vec2(100.4, 50.0));
        assert_eq!(pixels_of(rect, Resolution::Scale(2.0)), (202, 100));
        assert_eq!(pixels_of(rect, Resolution::Dpi(300.0)), (316, 157));
        assert!(too_big((32_001, 10)));
        assert!(!too_big((32_000, 32_000)));
    }

    #[test]
    fn a_clip_is_kept_inside_the_picture() {
        let map = aida();
        let Some(whole) = picture_rect(&map, None) else {
            panic!("fonts");
        };
        assert_eq!(whole.min, emath::pos2(0.0, -svg::TITLE_BAND));
        let wide = Rect::from_min_max(emath::pos2(-500.0, 10.0), emath::pos2(100.0, 1e6));
        let Some(clipped) = picture_rect(&map, Some(wide)) else {
            panic!("fonts");
        };
        assert_eq!(clipped.min, emath::pos2(0.0, 10.0));
        assert_eq!(clipped.max, emath::pos2(100.0, whole.max.y));
    }

    #[test]
    fn text_formats_are_the_text_exporters_bytes() {
        let map = aida();
        let md = export_bytes(&map, Format::Markdown, &ExportOptions::default());
        assert_eq!(
            md,
            Ok(super::super::markdown::to_markdown(&map).into_bytes())
        );
    }
}

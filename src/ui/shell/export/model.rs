//! The export dialog's state, without egui's widgets and without threads: the choices
//! (format, scale, theme, whole map or current view), what they give (the options for
//! [`export_bytes`](crate::export::file::export_bytes), the picture's size in pixels, whether it
//! is too big), the file name to suggest, and the choices kept in the preferences.

use emath::Rect;
use serde::{Deserialize, Serialize};

use crate::export::file::{ExportOptions, Format, picture_rect, pixels_of, too_big};
use crate::export::pdf::PdfPage;
use crate::export::png::Resolution;
use crate::export::svg::Theme;
use crate::layout::data::DataOptions;
use crate::model::JourneyMap;

/// The size of a PNG: a multiple of the map's size, or print resolution.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scale {
    /// As on screen at 100 %.
    X1,
    /// Twice (sharp on high-density screens and in slides).
    #[default]
    X2,
    /// Three times.
    X3,
    /// 300 dots per inch, for print.
    Dpi300,
}

impl Scale {
    /// Every scale, in the order the dialog lists them.
    pub const ALL: [Self; 4] = [Self::X1, Self::X2, Self::X3, Self::Dpi300];

    /// The exporter's resolution.
    pub fn resolution(self) -> Resolution {
        match self {
            Self::X1 => Resolution::Scale(1.0),
            Self::X2 => Resolution::Scale(2.0),
            Self::X3 => Resolution::Scale(3.0),
            Self::Dpi300 => Resolution::Dpi(300.0),
        }
    }

    /// The label in the dialog (the same in every language).
    pub fn label(self) -> &'static str {
        match self {
            Self::X1 => "1×",
            Self::X2 => "2×",
            Self::X3 => "3×",
            Self::Dpi300 => "300 DPI",
        }
    }
}

/// Which part of the map a picture shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Area {
    /// The whole map with its title.
    #[default]
    Whole,
    /// What the canvas shows now.
    View,
}

/// The choices kept between exports (in the preferences). The theme is not kept: it follows
/// the app's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportChoices {
    /// The format last exported to.
    pub format: Format,
    /// The PNG scale.
    pub scale: Scale,
    /// Whole map or current view.
    pub area: Area,
    /// PDF: the page.
    pub page: PdfPage,
    /// PDF: the presentation (a title slide and a page per stage) rather than one page.
    pub deck: bool,
}

impl Default for ExportChoices {
    fn default() -> Self {
        Self {
            format: Format::Png,
            scale: Scale::X2,
            area: Area::Whole,
            page: PdfPage::A4,
            deck: false,
        }
    }
}

/// The formats the dialog offers, in its order: pictures and documents, then text.
pub fn offered_formats() -> impl Iterator<Item = Format> {
    Format::ALL.into_iter()
}

/// The message keys of a format's name and its one-line description.
pub fn format_keys(format: Format) -> (&'static str, &'static str) {
    match format {
        Format::Png => ("export-format-png", "export-format-png-desc"),
        Format::Svg => ("export-format-svg", "export-format-svg-desc"),
        Format::Pdf => ("export-format-pdf", "export-format-pdf-desc"),
        Format::Pptx => ("export-format-pptx", "export-format-pptx-desc"),
        Format::Markdown => ("export-format-md", "export-format-md-desc"),
        Format::Csv => ("export-format-csv", "export-format-csv-desc"),
        Format::Mermaid => ("export-format-mmd", "export-format-mmd-desc"),
    }
}

/// The export dialog's choices over one map.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportState {
    /// What the user chose.
    pub choices: ExportChoices,
    /// Light or dark colours.
    pub theme: Theme,
    /// The part of the map the canvas shows (layout coordinates), if it was drawn.
    pub view: Option<Rect>,
    /// The whole picture (layout coordinates, title band included), if the fonts load.
    pub whole: Option<Rect>,
    /// The customer-data overlays a picture shows: those the canvas shows.
    pub data: DataOptions,
}

impl ExportState {
    /// The dialog over `map` with the last `choices`, the app's `theme`, and the canvas's
    /// visible `view`. "Current view" without a view becomes the whole map.
    pub fn new(map: &JourneyMap, choices: ExportChoices, theme: Theme, view: Option<Rect>) -> Self {
        let mut choices = choices;
        let whole = picture_rect(map, None);
        let view = view.and_then(|v| whole.map(|w| v.intersect(w)));
        let view = view.filter(|v| v.width() >= 1.0 && v.height() >= 1.0);
        if view.is_none() {
            choices.area = Area::Whole;
        }
        Self {
            choices,
            theme,
            view,
            whole,
            data: DataOptions::default(),
        }
    }

    /// Whether the export is a deck (slides of whole stages: no part of the map to choose).
    pub fn is_deck(&self) -> bool {
        self.choices.format == Format::Pptx
            || (self.choices.format == Format::Pdf && self.choices.deck)
    }

    /// The part of the map to draw: `None` for the whole map.
    pub fn clip(&self) -> Option<Rect> {
        if self.is_deck() {
            return None;
        }
        match self.choices.area {
            Area::Whole => None,
            Area::View => self.view,
        }
    }

    /// The options for the exporter.
    pub fn options(&self) -> ExportOptions {
        ExportOptions {
            theme: self.theme,
            resolution: self.choices.scale.resolution(),
            clip: self.clip(),
            data: self.data.clone(),
            page: self.choices.page,
            deck: self.choices.deck,
        }
    }

    /// The options for "Copy as image": 2×, whatever scale is chosen.
    pub fn copy_options(&self) -> ExportOptions {
        ExportOptions {
            resolution: Scale::X2.resolution(),
            ..self.options()
        }
    }

    /// The PNG's size in pixels at `scale`, if the map could be measured.
    pub fn pixel_size(&self, scale: Scale) -> Option<(u32, u32)> {
        let rect = self.clip().or(self.whole)?;
        Some(pixels_of(rect, scale.resolution()))
    }

    /// The size in pixels of the PNG too big to draw, if the chosen format is PNG and it is.
    pub fn too_big(&self) -> Option<(u32, u32)> {
        if !self.choices.format.has_pixels() {
            return None;
        }
        self.pixel_size(self.choices.scale).filter(|s| too_big(*s))
    }

    /// Whether the area choice matters (a picture format).
    pub fn area_applies(&self) -> bool {
        self.choices.format.is_picture()
    }
}

/// The file name to suggest: the map file's stem (or `fallback`, the name a save would
/// suggest) with the format's extension.
pub fn suggested_name(
    map_file: Option<&std::path::Path>,
    fallback: &str,
    format: Format,
) -> String {
    let stem = map_file
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| fallback.strip_suffix(".ron").unwrap_or(fallback).to_owned());
    format!("{stem}.{}", format.extension())
}

/// "4,212 × 2,106 px" (digits grouped as `lang` writes them).
pub fn pixel_text(lang: crate::ui::kit::i18n::Lang, (w, h): (u32, u32)) -> String {
    use crate::ui::kit::labels::count_text;
    format!(
        "{} × {} px",
        count_text(lang, u64::from(w)),
        count_text(lang, u64::from(h))
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use emath::{pos2, vec2};

    use super::*;
    use crate::ui::kit::i18n::Lang;

    use crate::model::testing::aida;

    #[test]
    fn the_pixel_size_follows_the_scale_and_the_area() {
        let map = aida();
        let view = Rect::from_min_size(pos2(100.0, 50.0), vec2(400.0, 300.0));
        let mut state = ExportState::new(&map, ExportChoices::default(), Theme::Dark, Some(view));
        let Some(whole) = state.whole else {
            panic!("fonts");
        };
        let (w1, h1) = pixels_of(whole, Resolution::Scale(1.0));
        assert_eq!(state.pixel_size(Scale::X1), Some((w1, h1)));
        assert_eq!(state.pixel_size(Scale::X3), Some((w1 * 3, h1 * 3)));
        state.choices.area = Area::View;
        assert_eq!(state.pixel_size(Scale::X2), Some((800, 600)));
        assert_eq!(state.pixel_size(Scale::Dpi300), Some((1250, 938)));
        assert_eq!(state.options().clip, Some(view));
        assert_eq!(state.options().theme, Theme::Dark);
        assert_eq!(state.copy_options().resolution, Resolution::Scale(2.0));
    }

    #[test]
    fn without_a_view_the_whole_map_is_exported() {
        let map = aida();
        let choices = ExportChoices {
            area: Area::View,
            format: Format::Pdf,
            scale: Scale::X1,
            ..ExportChoices::default()
        };
        let state = ExportState::new(&map, choices, Theme::Light, None);
        assert_eq!(state.choices.area, Area::Whole);
        assert_eq!(state.choices.format, Format::Pdf);
        assert_eq!(state.clip(), None);
    }

    #[test]
    fn a_deck_shows_whole_stages_whatever_the_area() {
        let map = aida();
        let view = Rect::from_min_size(emath::pos2(10.0, 10.0), emath::vec2(300.0, 200.0));
        let mut choices = ExportChoices {
            area: Area::View,
            format: Format::Pdf,
            ..ExportChoices::default()
        };
        let state = ExportState::new(&map, choices, Theme::Light, Some(view));
        assert_eq!(state.clip(), Some(view), "one PDF page of the current view");
        choices.deck = true;
        let state = ExportState::new(&map, choices, Theme::Light, Some(view));
        assert!(state.is_deck());
        assert_eq!(state.clip(), None);
        assert!(state.options().deck);
        choices.format = Format::Pptx;
        choices.deck = false;
        let state = ExportState::new(&map, choices, Theme::Light, Some(view));
        assert!(state.is_deck());
        assert_eq!(state.clip(), None);
        // A view beyond the map keeps only the map's part of it.
        let off = Rect::from_min_size(pos2(-1000.0, -1000.0), vec2(10.0, 10.0));
        let state = ExportState::new(&map, choices, Theme::Light, Some(off));
        assert_eq!(state.view, None);
    }

    #[test]
    fn a_picture_too_big_is_named_before_it_is_drawn() {
        let map = aida();
        let huge = Rect::from_min_size(pos2(0.0, 0.0), vec2(20_000.0, 100.0));
        let mut state = ExportState::new(&map, ExportChoices::default(), Theme::Light, None);
        state.whole = Some(huge);
        state.choices.scale = Scale::X1;
        assert_eq!(state.too_big(), None);
        state.choices.scale = Scale::X2;
        assert_eq!(state.too_big(), Some((40_000, 200)));
        state.choices.format = Format::Svg;
        assert_eq!(state.too_big(), None, "an SVG has no pixels");
    }

    #[test]
    fn names_come_from_the_map_file() {
        let path = Path::new("/maps/khách-hàng.ron");
        assert_eq!(
            suggested_name(Some(path), "x.ron", Format::Png),
            "khách-hàng.png"
        );
        assert_eq!(
            suggested_name(None, "onboarding.ron", Format::Markdown),
            "onboarding.md"
        );
        assert_eq!(pixel_text(Lang::En, (4212, 2106)), "4,212 × 2,106 px");
        assert_eq!(pixel_text(Lang::Vi, (4212, 2106)), "4.212 × 2.106 px");
    }

    #[test]
    fn the_dialog_offers_every_format_pictures_and_documents_first() {
        let offered: Vec<_> = offered_formats().collect();
        assert_eq!(
            offered,
            [
                Format::Png,
                Format::Svg,
                Format::Pdf,
                Format::Pptx,
                Format::Markdown,
                Format::Csv,
                Format::Mermaid
            ]
        );
    }
}

//! Data out: the whole map as documents and pictures people hand on, without egui and without
//! the window. Text formats: a readable Markdown document ([`markdown`]), one CSV row per card
//! ([`csv`](mod@csv)) and Mermaid `journey` text ([`mermaid`]), plus the way back from Mermaid
//! ([`mermaid_in`]), which shares the score mapping and needs nothing of `import` (that room
//! reads customer data, not maps). Pictures, drawn from the same `layout` and colours
//! (`art::palette`) as the canvas: the whole map as SVG with text as text ([`svg`]), that SVG
//! rendered to PNG with resvg and only the bundled fonts ([`png`]), text measured and wrapped
//! with the bundled fonts as egui does ([`measure`]); that SVG as vector PDF with text as text
//! and the bundled fonts embedded and subset ([`pdf`]). Decks: the slides of the presentation
//! sequence ([`deck`]), each as a 16:9 SVG ([`slide`], a PDF page each), and all as a `.pptx`
//! file ([`pptx`]).
//!
//! The exporters return bytes; the CLI and the UI write them where the user asked, both through
//! one entry point, [`file::export_bytes`], with a [`file::Format`].

pub mod csv;
pub mod deck;
pub mod file;
pub mod markdown;
pub mod measure;
pub mod mermaid;
pub mod mermaid_in;
pub mod pdf;
pub mod png;
pub mod pptx;
pub mod slide;
pub mod svg;

use std::path::Path;

/// A text format the map can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    /// A Markdown document ([`markdown::to_markdown`]).
    Markdown,
    /// CSV, one row per card ([`csv::to_csv`]).
    Csv,
    /// Mermaid `journey` text ([`mermaid::to_mermaid`]).
    Mermaid,
}

impl TextFormat {
    /// The format a file name asks for by its extension (`.md`, `.markdown`, `.csv`, `.mmd`,
    /// `.mermaid`; any case), if it is a text format.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Self::Markdown),
            "csv" => Some(Self::Csv),
            "mmd" | "mermaid" => Some(Self::Mermaid),
            _ => None,
        }
    }

    /// The map in this format. CSV starts with a byte order mark, as the other CSV exports.
    pub fn export(self, map: &crate::model::JourneyMap) -> String {
        match self {
            Self::Markdown => markdown::to_markdown(map),
            Self::Csv => csv::to_csv(map),
            Self::Mermaid => mermaid::to_mermaid(map),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions() {
        assert_eq!(
            TextFormat::from_path(Path::new("a/b.MD")),
            Some(TextFormat::Markdown)
        );
        assert_eq!(
            TextFormat::from_path(Path::new("x.csv")),
            Some(TextFormat::Csv)
        );
        assert_eq!(
            TextFormat::from_path(Path::new("x.mmd")),
            Some(TextFormat::Mermaid)
        );
        assert_eq!(TextFormat::from_path(Path::new("x.png")), None);
        assert_eq!(TextFormat::from_path(Path::new("x")), None);
    }
}

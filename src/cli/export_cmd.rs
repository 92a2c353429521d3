//! `journeymap export` and `journeymap new --from`: the map out as a document, and a new map
//! from Mermaid.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::export::file::{ExportOptions, Format, export_bytes};
use crate::export::mermaid_in::{self, FromMermaid};
use crate::export::png::Resolution;
use crate::export::svg::Theme;
use crate::file;

/// How a picture is drawn (`.svg`, `.png`, `.pdf`); text formats ignore it.
#[derive(Clone, Copy, Debug)]
pub struct Picture {
    /// PNG: pixels per point.
    pub scale: f32,
    /// PNG: dots per inch, instead of `scale`.
    pub dpi: Option<f32>,
    /// Dark colours rather than light.
    pub dark: bool,
    /// A deck (a slide per stage) rather than one picture; `.pptx` is always a deck.
    pub deck: bool,
    /// PDF: the page size.
    pub page: crate::export::pdf::PdfPage,
}

/// Writes `map` to `output` in the format its extension names.
pub fn export(
    map: &Path,
    output: &Path,
    picture: &Picture,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if picture.deck && !matches!(ext.as_str(), "pptx" | "pdf") {
        bail!("--deck makes a presentation: name the output .pptx or .pdf");
    }
    let format = Format::from_path(output);
    let Some(format) = format else {
        bail!(
            "cannot tell the format of {}: name it .md, .csv, .mmd, .svg, .png, .pdf or .pptx",
            output.display()
        );
    };
    let loaded =
        file::load(map).with_context(|| format!("cannot read the map {}", map.display()))?;
    for field in &loaded.unknown {
        eprintln!(
            "journeymap: {}:{}: {field}; not exported",
            map.display(),
            field.line
        );
    }
    for w in &loaded.warnings {
        eprintln!("journeymap: {}: repaired: {w}", map.display());
    }
    let options = ExportOptions {
        theme: if picture.dark {
            Theme::Dark
        } else {
            Theme::Light
        },
        page: picture.page,
        deck: picture.deck,
        resolution: picture
            .dpi
            .map_or(Resolution::Scale(picture.scale), Resolution::Dpi),
        ..ExportOptions::default()
    };
    let bytes = export_bytes(&loaded.map, format, &options).map_err(anyhow::Error::msg)?;
    file::write_atomically(output, &bytes, false)
        .with_context(|| format!("cannot write {}", output.display()))?;
    writeln!(out, "wrote {}", output.display())?;
    Ok(ExitCode::SUCCESS)
}

/// Reads a `.mmd` file, or the first Mermaid journey block of a Markdown file (`.md`,
/// `.markdown`), as a new map; the warnings name lines of `path`.
pub fn read_mermaid(path: &Path) -> anyhow::Result<FromMermaid> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let markdown = matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("md" | "markdown")
    );
    let made = if markdown {
        mermaid_in::from_markdown(&text)
    } else {
        mermaid_in::from_mermaid(&text)
    };
    made.map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Prints the warnings of a Mermaid read on stderr, one line each: `FILE:LINE: message`.
pub fn print_warnings(path: &Path, made: &FromMermaid) {
    for w in &made.warnings {
        // The Display form starts with "line N: "; the file form is FILE:N: message.
        let message = w.to_string();
        let message = message
            .split_once(": ")
            .map_or(message.as_str(), |(_, rest)| rest);
        eprintln!("journeymap: {}:{}: {message}", path.display(), w.line);
    }
}

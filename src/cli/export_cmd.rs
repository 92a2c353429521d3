//! `journeymap export` and `journeymap new --from`: the map out as a document, and a new map
//! from Mermaid.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::export::TextFormat;
use crate::export::mermaid_in::{self, FromMermaid};
use crate::file;

/// The formats `journeymap export` will write, by extension, for the error message.
const FORMATS: &str = "md, csv, mmd, svg, png, pdf";

/// How a picture is drawn (`.svg`, `.png`, `.pdf`); text formats ignore it.
#[derive(Clone, Copy, Debug)]
pub struct Picture {
    /// PNG: pixels per point.
    pub scale: f32,
    /// PNG: dots per inch, instead of `scale`.
    pub dpi: Option<f32>,
    /// Dark colours rather than light.
    pub dark: bool,
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
    let text_format = TextFormat::from_path(output);
    if text_format.is_none() && !matches!(ext.as_str(), "svg" | "png" | "pdf") {
        if matches!(ext.as_str(), "pptx") {
            bail!("exporting to .{ext} is not yet supported; the formats are {FORMATS}");
        }
        bail!(
            "cannot tell the format of {}: name it .md, .csv, .mmd, .svg, .png or .pdf",
            output.display()
        );
    }
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
    let Some(format) = text_format else {
        use crate::export::{image::write_image, png::Resolution, svg};
        let options = svg::SvgOptions {
            theme: if picture.dark {
                svg::Theme::Dark
            } else {
                svg::Theme::Light
            },
            clip: None,
        };
        if ext == "pdf" {
            let options = crate::export::pdf::PdfOptions {
                page: picture.page,
                svg: options,
            };
            let bytes =
                crate::export::pdf::to_pdf(&loaded.map, &options).map_err(anyhow::Error::msg)?;
            file::write_atomically(output, &bytes, false)
                .with_context(|| format!("cannot write {}", output.display()))?;
            writeln!(out, "wrote {}", output.display())?;
            return Ok(ExitCode::SUCCESS);
        }
        let resolution = picture
            .dpi
            .map_or(Resolution::Scale(picture.scale), Resolution::Dpi);
        write_image(&loaded.map, output, &options, resolution).map_err(anyhow::Error::msg)?;
        writeln!(out, "wrote {}", output.display())?;
        return Ok(ExitCode::SUCCESS);
    };
    let text = format.export(&loaded.map);
    std::fs::write(output, text).with_context(|| format!("cannot write {}", output.display()))?;
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

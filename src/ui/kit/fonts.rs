//! The bundled fonts (see `assets/fonts/README.md`), installed in every egui context (the app and the tests).
//!
//! The fonts are compiled into the binary, so they cannot go missing at run time, and every
//! machine shows the same glyphs whatever fonts it has installed.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily, FontTweak};

/// The family for bold text (stage headers, titles).
pub const BOLD: &str = "bold";

use crate::art::fonts::{
    NOTO_EMOJI, NOTO_MATH, NOTO_SANS, NOTO_SANS_BOLD, NOTO_SYMBOLS, NOTO_SYMBOLS_2,
};

/// Font definitions with only the bundled fonts: text, then symbols, then emoji.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::empty();
    let mut add = |name: &str, data: FontData| {
        fonts.font_data.insert(name.to_owned(), Arc::new(data));
    };
    add("NotoSans", FontData::from_static(NOTO_SANS));
    add("NotoSans-Bold", FontData::from_static(NOTO_SANS_BOLD));
    add("NotoSansSymbols", FontData::from_static(NOTO_SYMBOLS));
    add("NotoSansSymbols2", FontData::from_static(NOTO_SYMBOLS_2));
    add("NotoSansMath", FontData::from_static(NOTO_MATH));
    add(
        "NotoEmoji",
        FontData::from_static(NOTO_EMOJI).tweak(FontTweak {
            scale: 0.9, // Noto Emoji is drawn large for its em box
            ..Default::default()
        }),
    );
    let chain = |first: &str| -> Vec<String> {
        [
            first,
            "NotoSansSymbols",
            "NotoSansSymbols2",
            "NotoSansMath",
            "NotoEmoji",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
    };
    fonts
        .families
        .insert(FontFamily::Proportional, chain("NotoSans"));
    fonts
        .families
        .insert(FontFamily::Monospace, chain("NotoSans"));
    fonts
        .families
        .insert(FontFamily::Name(BOLD.into()), chain("NotoSans-Bold"));
    fonts
}

/// Installs the bundled fonts in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// The bold font at `size`.
pub fn bold(size: f32) -> egui::FontId {
    egui::FontId::new(size, FontFamily::Name(BOLD.into()))
}

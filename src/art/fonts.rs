//! The bundled fonts (Noto, SIL OFL; see `assets/fonts/README.md`), compiled into the binary:
//! the canvas and the image exporters draw with these and never with the system's fonts.

/// Noto Sans, regular: the text of the map (Latin with Vietnamese).
pub const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans, bold: stage names and lane labels.
pub const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// Noto Sans Symbols: fallback for symbols (severity gauges).
pub const NOTO_SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/NotoSansSymbols-Regular.ttf");
/// Noto Sans Symbols 2: fallback for more symbols.
pub const NOTO_SYMBOLS_2: &[u8] = include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf");
/// Noto Sans Math: fallback for arrows and operators.
pub const NOTO_MATH: &[u8] = include_bytes!("../../assets/fonts/NotoSansMath-Regular.ttf");
/// Noto Emoji (monochrome): fallback for emoji with no colour picture.
pub const NOTO_EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf");

/// The regular fonts in fallback order: a character is drawn with the first that has it.
pub const FALLBACK_CHAIN: [&[u8]; 5] = [
    NOTO_SANS,
    NOTO_SYMBOLS,
    NOTO_SYMBOLS_2,
    NOTO_MATH,
    NOTO_EMOJI,
];

/// How much smaller than the text size the canvas draws Noto Emoji (its glyphs are large for
/// its em box).
pub const EMOJI_SCALE: f32 = 0.9;

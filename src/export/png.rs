//! The whole map as a PNG: its SVG ([`super::svg`]) rendered with resvg, with only the
//! bundled fonts (never the system's), at a scale or a print resolution.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

use super::svg::{SvgOptions, to_svg};
use crate::art::fonts;
use crate::model::JourneyMap;

/// How big to draw: a multiple of the map's size in points, or dots per inch (96 DPI = 1×).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Resolution {
    /// 1×, 2×, 3×…
    Scale(f32),
    /// Dots per inch, for print (300 DPI = 3.125×).
    Dpi(f32),
}

impl Resolution {
    /// The scale factor: points to pixels.
    pub fn scale(self) -> f32 {
        match self {
            Self::Scale(s) => s,
            Self::Dpi(dpi) => dpi / 96.0,
        }
    }
}

/// The largest side of an exported picture, in pixels (beyond this, memory runs out).
pub const MAX_SIDE: f32 = 32_000.0;

/// The bundled fonts as a resvg font database.
pub(crate) fn font_db() -> usvg::fontdb::Database {
    let mut db = usvg::fontdb::Database::new();
    for data in [fonts::NOTO_SANS, fonts::NOTO_SANS_BOLD]
        .into_iter()
        .chain(fonts::FALLBACK_CHAIN.into_iter().skip(1))
    {
        db.load_font_data(data.to_vec());
    }
    db.set_sans_serif_family("Noto Sans");
    db
}

/// Renders an SVG document to PNG bytes at `scale`, with the bundled fonts only.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(format!("the scale must be above 0 (got {scale})"));
    }
    let options = usvg::Options {
        font_family: "Noto Sans".to_owned(),
        fontdb: Arc::new(font_db()),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil(),
        (size.height() * scale).ceil(),
    );
    if w > MAX_SIDE || h > MAX_SIDE {
        return Err(format!(
            "the picture would be {w} × {h} pixels; the most is {MAX_SIDE} a side: choose a smaller scale"
        ));
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "checked positive and below MAX_SIDE"
    )]
    let mut pixmap = tiny_skia::Pixmap::new(w as u32, h as u32)
        .ok_or_else(|| format!("cannot make a {w} × {h} picture"))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    encode(&pixmap).map_err(|e| e.to_string())
}

/// The picture as PNG, quickly: RGB when every pixel is opaque (a map's picture always is: its
/// background fills it), else RGBA with the alpha taken out of the colours; fast compression
/// (fdeflate), a quarter of tiny-skia's default encoding time for a file about as small.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let opaque = pixmap.pixels().iter().all(|p| p.alpha() == u8::MAX);
    let (color, data): (png::ColorType, Vec<u8>) = if opaque {
        let mut rgb = Vec::with_capacity(pixmap.data().len() / 4 * 3);
        for p in pixmap.pixels() {
            rgb.extend_from_slice(&[p.red(), p.green(), p.blue()]);
        }
        (png::ColorType::Rgb, rgb)
    } else {
        let mut rgba = Vec::with_capacity(pixmap.data().len());
        for p in pixmap.pixels() {
            let c = p.demultiply();
            rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
        }
        (png::ColorType::Rgba, rgba)
    };
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
        encoder.set_color(color);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&data)?;
    }
    Ok(out)
}

/// The whole map as PNG bytes.
pub fn to_png(
    map: &JourneyMap,
    options: &SvgOptions,
    resolution: Resolution,
) -> Result<Vec<u8>, String> {
    svg_to_png(&to_svg(map, options)?, resolution.scale())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(png: &[u8]) -> (png::ColorType, Vec<u8>) {
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        (info.color_type, buf)
    }

    #[test]
    fn an_opaque_picture_is_written_as_rgb_and_a_see_through_one_with_straight_alpha() {
        let mut pixmap = tiny_skia::Pixmap::new(2, 1).unwrap();
        pixmap.fill(tiny_skia::Color::from_rgba8(10, 200, 30, 255));
        let (color, data) = decoded(&encode(&pixmap).unwrap());
        assert_eq!(color, png::ColorType::Rgb);
        assert_eq!(data, [10, 200, 30, 10, 200, 30]);
        // Half see-through red: stored premultiplied (128, 0, 0, 128), written as (255, 0, 0, 128).
        pixmap.fill(tiny_skia::Color::from_rgba8(255, 0, 0, 128));
        let (color, data) = decoded(&encode(&pixmap).unwrap());
        assert_eq!(color, png::ColorType::Rgba);
        assert_eq!(&data[..4], &[255, 0, 0, 128]);
    }
}

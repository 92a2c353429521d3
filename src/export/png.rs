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
    let bands = render_bands(&tree, scale, (w as u32, h as u32), band_count(h as u32))?;
    encode(&bands).map_err(|e| e.to_string())
}

/// How many bands to render a picture `h` pixels high in: one per processor, up to four, each
/// at least 256 rows (a small picture is not worth a thread).
fn band_count(h: u32) -> u32 {
    const MIN_BAND_ROWS: u32 = 256;
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    #[expect(clippy::cast_possible_truncation, reason = "at most 4")]
    let most = threads.min(4) as u32;
    most.min(h / MIN_BAND_ROWS).max(1)
}

/// Rows rendered beyond a band's own on each side (see [`render_bands`]).
const OVERLAP: u32 = 16;

/// Some rows of the picture: `rows` of `pixmap` from its row `skip` (the rows around them were
/// rendered only to get these right).
struct Band {
    pixmap: tiny_skia::Pixmap,
    skip: u32,
    rows: u32,
}

impl Band {
    /// The band's own rows, top to bottom.
    fn rows(&self) -> impl Iterator<Item = &[tiny_skia::PremultipliedColorU8]> {
        self.pixmap
            .pixels()
            .chunks_exact(self.pixmap.width() as usize)
            .skip(self.skip as usize)
            .take(self.rows as usize)
    }
}

/// Renders `tree` at `scale` into a picture `w` × `h` pixels, as `count` horizontal bands from
/// the top, each on a thread of its own: the fill, most of the time of a big map's picture, is
/// shared out. A band is rendered with the same transform moved up by whole pixels and a margin
/// of [`OVERLAP`] rows, so no seam shows where bands meet (a shape that spans several bands may
/// differ from a single pass by a shade of antialiasing along its edges).
fn render_bands(
    tree: &usvg::Tree,
    scale: f32,
    (w, h): (u32, u32),
    count: u32,
) -> Result<Vec<Band>, String> {
    let count = count.clamp(1, h.max(1));
    let rows = h.div_ceil(count);
    let render = |top: u32| -> Result<Band, String> {
        let height = rows.min(h - top);
        // Rendered with a margin above and below, cut off after: antialiasing differs a shade
        // within a few rows of the edge of what is rendered, and the seams would show.
        let above = top.min(OVERLAP);
        let below = (h - top - height).min(OVERLAP);
        let mut band = tiny_skia::Pixmap::new(w, above + height + below)
            .ok_or_else(|| format!("cannot make a {w} × {h} picture"))?;
        #[expect(clippy::cast_precision_loss, reason = "below MAX_SIDE")]
        let up = -((top - above) as f32);
        let transform = tiny_skia::Transform::from_scale(scale, scale).post_translate(0.0, up);
        resvg::render(tree, transform, &mut band.as_mut());
        Ok(Band {
            pixmap: band,
            skip: above,
            rows: height,
        })
    };
    if count == 1 {
        return Ok(vec![render(0)?]);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..count)
            .map(|i| scope.spawn(move || render(i * rows)))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .map_err(|_| "the picture's rendering failed".to_owned())?
            })
            .collect()
    })
}

/// The picture (its bands, top to bottom, all as wide) as PNG, quickly: RGB when every pixel
/// is opaque (a map's picture always is: its background fills it), else RGBA with the alpha
/// taken out of the colours; fast compression (fdeflate), a quarter of tiny-skia's default
/// encoding time for a file about as small; written a row at a time, with no copy of the
/// whole picture.
fn encode(bands: &[Band]) -> Result<Vec<u8>, png::EncodingError> {
    let width = bands.first().map_or(0, |b| b.pixmap.width());
    let height = bands.iter().map(|b| b.rows).sum();
    let opaque = bands
        .iter()
        .flat_map(Band::rows)
        .all(|row| row.iter().all(|p| p.alpha() == u8::MAX));
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(if opaque {
        png::ColorType::Rgb
    } else {
        png::ColorType::Rgba
    });
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    let mut stream = writer.stream_writer()?;
    let mut line = Vec::with_capacity(width as usize * 4);
    for band in bands {
        for row in band.rows() {
            line.clear();
            for p in row {
                if opaque {
                    line.extend_from_slice(&[p.red(), p.green(), p.blue()]);
                } else {
                    let c = p.demultiply();
                    line.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
                }
            }
            std::io::Write::write_all(&mut stream, &line)?;
        }
    }
    stream.finish()?;
    writer.finish()?;
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
    fn a_picture_rendered_in_bands_is_the_picture_rendered_whole() {
        // Text, a diagonal line and a circle across the borders of three bands.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200">
            <rect width="300" height="200" fill="#fffdf7"/>
            <line x1="0" y1="0" x2="300" y2="200" stroke="#c0392b" stroke-width="3"/>
            <circle cx="150" cy="67" r="40" fill="#2e86de" fill-opacity="0.6"/>
            <text x="20" y="140" font-size="24" fill="#222">Nhận thức · Cân nhắc</text>
        </svg>"##;
        let options = usvg::Options {
            font_family: "Noto Sans".to_owned(),
            fontdb: Arc::new(font_db()),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(svg, &options).unwrap();
        let pixels = |bands: Vec<Band>| -> Vec<u8> {
            assert!(bands.iter().all(|b| b.pixmap.width() == 600));
            let rows = bands.iter().flat_map(Band::rows);
            rows.flat_map(|r| {
                r.iter()
                    .flat_map(|p| [p.red(), p.green(), p.blue(), p.alpha()])
            })
            .collect()
        };
        let whole = pixels(render_bands(&tree, 2.0, (600, 400), 1).unwrap());
        let banded = render_bands(&tree, 2.0, (600, 400), 3).unwrap();
        assert_eq!(banded.len(), 3);
        assert_eq!(banded.iter().map(|b| b.rows).sum::<u32>(), 400);
        let banded = pixels(banded);
        assert_eq!(whole.len(), banded.len());
        let differ = whole
            .iter()
            .zip(&banded)
            .filter(|(a, b)| a.abs_diff(**b) > 0)
            .count();
        assert_eq!(
            differ, 0,
            "{differ} channel values differ (seams at the bands' borders)"
        );
        assert!(whole.iter().any(|&v| v < 100), "something was drawn");
    }

    #[test]
    fn an_opaque_picture_is_written_as_rgb_and_a_see_through_one_with_straight_alpha() {
        let mut pixmap = tiny_skia::Pixmap::new(2, 1).unwrap();
        pixmap.fill(tiny_skia::Color::from_rgba8(10, 200, 30, 255));
        let band = |pixmap: &tiny_skia::Pixmap| Band {
            pixmap: pixmap.clone(),
            skip: 0,
            rows: pixmap.height(),
        };
        let (color, data) = decoded(&encode(&[band(&pixmap)]).unwrap());
        assert_eq!(color, png::ColorType::Rgb);
        assert_eq!(data, [10, 200, 30, 10, 200, 30]);
        // Half see-through red: stored premultiplied (128, 0, 0, 128), written as (255, 0, 0, 128).
        pixmap.fill(tiny_skia::Color::from_rgba8(255, 0, 0, 128));
        let (color, data) = decoded(&encode(&[band(&pixmap)]).unwrap());
        assert_eq!(color, png::ColorType::Rgba);
        assert_eq!(&data[..4], &[255, 0, 0, 128]);
    }
}

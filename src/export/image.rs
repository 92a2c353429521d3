//! Writing a map's picture to a file, the format chosen by the file's extension (for the
//! command line and the app).

use std::path::Path;

use super::png::{Resolution, to_png};
use super::svg::{SvgOptions, to_svg};
use crate::model::JourneyMap;

/// Writes `map` to `path` as `.svg` or `.png` (`resolution` is for PNG); an error names what
/// went wrong, and an extension with no image exporter.
pub fn write_image(
    map: &JourneyMap,
    path: &Path,
    options: &SvgOptions,
    resolution: Resolution,
) -> Result<(), String> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bytes = match ext.as_str() {
        "svg" => to_svg(map, options)?.into_bytes(),
        "png" => to_png(map, options, resolution)?,
        other => {
            return Err(format!(
                "cannot export to “.{other}”: the image formats are .svg and .png"
            ));
        }
    };
    crate::file::write_atomically(path, &bytes, false)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

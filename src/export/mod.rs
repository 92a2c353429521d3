//! Exporters: the map as files for other tools and people. No egui; they draw from the same
//! `layout` as the canvas.
//!
//! Here: `svg` (the whole map as an SVG, text as text), `png` (that SVG rendered with resvg
//! and the bundled fonts) `text` (measuring text with the bundled fonts) and `image` (writing either to a file).

pub mod image;
pub mod png;
pub mod svg;
pub mod text;

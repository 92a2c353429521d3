//! Pictures the map is drawn with, as bytes, without egui: the colour emoji (`emoji`). Shared
//! by the canvas and the exporters, which draw the same pictures.

pub mod emoji;

pub use emoji::{EmojiArt, all_art, emoji_art};

//! Pictures the map is drawn with, as bytes, without egui: the colour emoji (`emoji`), the
//! bundled fonts (`fonts`), the colours of the map (`palette`), the lane icons, and the words
//! of the UI in both languages (`i18n`). Shared by the canvas and the exporters, which draw
//! the same pictures with the same words.

pub mod emoji;
pub mod fonts;
pub mod i18n;
pub mod palette;

pub use emoji::{EmojiArt, all_art, emoji_art};

/// A symbol for each lane kind, shown before the lane name.
pub fn lane_icon(kind: crate::model::LaneKind) -> &'static str {
    use crate::model::LaneKind;
    match kind {
        LaneKind::Touchpoints => "📍",
        LaneKind::Actions => "👣",
        LaneKind::Thoughts => "💭",
        LaneKind::Emotions => "😊",
        LaneKind::PainPoints => "⚠",
        LaneKind::Opportunities => "💡",
        LaneKind::Metrics => "📊",
        LaneKind::Text => "📝",
        LaneKind::Frontstage => "🧑",
        LaneKind::Backstage => "⚙",
        LaneKind::Support => "🔧",
    }
}

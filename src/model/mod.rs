//! The journey-map document: plain data, ids, validation and text hygiene. No egui here.

mod channel;
pub mod curve;
mod ids;
pub mod kept;
mod map;
mod restore;
pub mod samples;
pub mod synth;
pub mod template;
mod text;

pub use channel::{Channel, ChannelKind};
pub use ids::{Id, IdGen, IdKind};
pub use kept::{FieldStep, KeptField};
pub use map::*;
pub use restore::{Warning, restore, validate};
pub use text::{for_each_text_mut, make_nfc, nfc};

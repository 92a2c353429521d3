//! The journey-map document: plain data, ids, validation (`restore/`) and text hygiene.
//! No egui, no file I/O, and no import from any other room of the crate: everything builds on it.

mod channel;
mod chars;
pub mod curve;
mod ids;
pub mod kept;
mod map;
mod metric_rules;
mod metrics;
mod restore;
pub mod synth;
pub mod synth_events;
pub mod template;
#[cfg(test)]
pub(crate) mod testing;
mod text;
mod warning;

pub use channel::{Channel, ChannelKind};
pub use chars::{clean_text, is_unwanted_control};
pub use ids::{Id, IdGen, IdKind, MAX_ID_NUMBER};
pub use kept::{FieldStep, KeptField};
pub use map::*;
pub use metric_rules::{NumberRepair, repair_number, repair_snapshot, value_key};
pub use metrics::*;
pub use restore::{keeps_evidence, keeps_target, restore, validate};
pub use text::{TextOwner, TextPlace, for_each_text_at_mut, for_each_text_mut, make_nfc, nfc};
pub use warning::english as warning_english;
pub use warning::{Arg, KEYS as WARNING_KEYS, Subject, Warning};

//! Side panels: the inspector for the selection (`inspector/`), the curve and point sections
//! (`curve.rs`), the persona (`persona.rs`) and the map's own properties (`properties.rs`).
//! They read the map and emit `EditCommand`s; painting the map and shared widgets live below.
//!
//! Immediate mode, document untouched: every frame each panel clones the current values out of
//! the map, binds the widgets to the clone, and if the clone differs afterwards pushes one
//! [`EditCommand`](crate::edit::EditCommand) carrying the whole new value (`SetCard`,
//! `SetPersona`, `SetMapInfo` …). The app applies the commands after the frame, and a burst of
//! typing into one field coalesces into one undo step there.
//!
//! Every text field is an [`egui::TextEdit`], so input methods (Telex, VNI) work, and every
//! input is tied to a visible label (`labelled_by`) or given an accessible name, so screen
//! readers and `get_by_label` in tests find it. Each panel scrolls on its own: the caller only
//! gives it a side panel or a window.

pub mod curve;
pub mod inspector;
pub mod persona;
pub mod properties;

#[cfg(test)]
mod tests;

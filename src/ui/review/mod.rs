//! The review room: the pain-point review table and the priority matrix, as widgets only,
//! and the dock under the map that holds them.
//! What they show (rows, sorting, filters, quadrants, dot placement) is computed in
//! `crate::analysis`, so the CLI and the exporters get the same answers.

pub mod dock;
pub mod matrix;
pub mod table;

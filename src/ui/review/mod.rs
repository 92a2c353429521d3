//! The review room: the pain-point review table and the priority matrix, as widgets only.
//! What they show (rows, sorting, filters, quadrants, dot placement) is computed in
//! `crate::analysis`, so the CLI and the exporters get the same answers.

pub mod matrix;
pub mod table;

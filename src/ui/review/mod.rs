//! The review room: the pain-point review table, the priority matrix and the customer data
//! (the stage funnel, monthly trends and the imports), as widgets only, and the dock under the
//! map that holds them.
//! What they show (rows, sorting, filters, quadrants, dot placement, funnel rows, default
//! trends) is computed in `crate::analysis`, so the CLI and the exporters get the same answers.

pub mod data;
pub mod dock;
mod funnel;
pub mod matrix;
pub mod table;
mod trends;

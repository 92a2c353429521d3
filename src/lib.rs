//! journeymap: a desktop editor for customer journey maps.
//!
//! The crate is split the way data flows: [`model`] is the document (no GUI), [`file`](mod@file)
//! reads and writes it, [`layout`] turns it into geometry, [`art`] holds the pictures it is
//! drawn with (colour emoji), [`analysis`] computes what it says (report, review, matrix),
//! [`import`] reads customer-data exports (CSV, workbooks) for its metrics,
//! [`ui`] draws and edits it, and [`cli`] offers the headless commands.

/// What the map says, computed without a window: the report, the review rows, the matrix.
pub mod analysis;
pub mod art;
pub mod cli;
pub mod edit;
pub mod export;
pub mod file;
pub mod import;
pub mod layout;
pub mod model;
pub mod ui;

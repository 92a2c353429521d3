//! What the map says, computed: the pain-point report, the review table's rows, sorting,
//! filtering and collation, the priority matrix's quadrants, and the customer data read for
//! the overlays (matching, readings, flags, funnel, measured curve), for the UI, the CLI and
//! exporters.
//! Pure functions of the model only: nothing here draws, reads input or touches files.

pub mod data_view;
pub mod matching;
pub mod matrix;
pub mod metrics;
pub mod metrics_sql;
pub mod overlay;
pub mod report;
pub mod review;
pub mod rows;
mod tally;

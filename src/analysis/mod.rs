//! What the map says, computed: the pain-point report, the review table's rows, sorting,
//! filtering and collation, and the priority matrix's quadrants, for the UI, the CLI and exporters.
//! Pure functions of the model only: nothing here draws, reads input or touches files.

pub mod matrix;
pub mod metrics;
pub mod metrics_sql;
pub mod report;
pub mod review;

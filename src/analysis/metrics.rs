//! The metrics maths: from the rows of a customer-data export to the numbers stored in a
//! [`MetricSnapshot`]. Exact definitions (each pinned by a unit test on hand-made rows):
//!
//! Per touchpoint value T:
//! - `events`: rows naming T; `customers`: distinct customer ids on those rows;
//! - `conversion_rate`: of T's customers, the share that converted on any row of the file;
//! - `csat`: mean of the non-empty CSAT values on T's rows (values outside 1–5 are reported by
//!   the reader and never reach here);
//! - `nps`: 100 × (answers 9–10 − answers 0–6) / answers, over the non-empty NPS values on T's
//!   rows (values outside 0–10 likewise).
//!
//! Per stage: customers reached, and continuation (the share of customers reaching stage k who
//! also reach stage k+1); overall conversion = converted customers / all customers. All of
//! these per calendar month as well, for trends.
//!
//! Memory grows with distinct customers and touchpoints, never with the number of rows.

use crate::model::MetricSnapshot;

/// One event row of an export, as the reader hands it over: already decoded, trimmed and NFC,
/// its values parsed. Borrowed from the reader's buffer: nothing is allocated per row.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EventRow<'a> {
    /// The 1-based line of the row in the file (for messages).
    pub line: u64,
    /// The customer id (or contact, user, session).
    pub customer: &'a str,
    /// When it happened, if the export has timestamps.
    pub timestamp: Option<jiff::civil::DateTime>,
    /// The touchpoint value.
    pub touchpoint: &'a str,
    /// The stage value, if the export has stages.
    pub stage: Option<&'a str>,
    /// Whether the customer converted on this row, if the export says.
    pub converted: Option<bool>,
    /// A CSAT answer in 1–5.
    pub csat: Option<f64>,
    /// An NPS answer in 0–10.
    pub nps: Option<f64>,
    /// The channel value.
    pub channel: Option<&'a str>,
}

/// One row of a pre-aggregated table, long form: a subject (a touchpoint or a stage value), a
/// metric, a value and an optional period (`"2026-03"`). A wide table gives one of these per
/// metric column.
#[derive(Clone, Debug, PartialEq)]
pub struct AggregateRow {
    /// The 1-based line in the file.
    pub line: u64,
    /// Whether the subject is a stage (else a touchpoint).
    pub stage: bool,
    /// The touchpoint or stage value.
    pub subject: String,
    /// Which metric.
    pub metric: crate::model::MetricKind,
    /// Its value.
    pub value: f64,
    /// The calendar month it is for, if any (`"2026-03"`).
    pub period: Option<String>,
}

/// Turns rows into a snapshot's numbers, one row at a time.
#[derive(Debug, Default)]
pub struct Aggregator {
    snapshot: MetricSnapshot,
}

impl Aggregator {
    /// An aggregator with nothing seen yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one event row.
    pub fn add(&mut self, row: &EventRow<'_>) {
        let _ = row;
    }

    /// The numbers of every row added: touchpoints in code-point order of their value, stages
    /// in the order given by `stage_order` (the map's stage names; values not in it follow in
    /// order of first appearance).
    pub fn finish(self, stage_order: &[&str]) -> MetricSnapshot {
        let _ = stage_order;
        self.snapshot
    }
}

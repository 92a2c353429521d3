//! The rows of a customer-data export as the reader (`crate::import`) hands them to the
//! metrics maths: one event, or one value of a pre-aggregated table. Plain data; the maths is in
//! [`super::metrics`] and [`super::tally`].

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

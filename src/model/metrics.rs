//! Customer data on the map: the numbers computed from an imported export (never the raw rows),
//! the column mapping that was used, aliases that tie data values to touchpoint cards, and
//! targets. Plain data, saved in the map file so the overlays open without the data file.
//!
//! The metric definitions (what `customers` or `nps` mean exactly) live with the maths in
//! `crate::analysis::metrics`; this file only holds the results.

use serde::{Deserialize, Serialize};

use super::Id;

/// What a column of an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A customer id (or contact, user, session id).
    Customer,
    /// When the event happened.
    Timestamp,
    /// The touchpoint the event happened at (matched to touchpoint cards).
    Touchpoint,
    /// The stage of the journey, where the export has one.
    Stage,
    /// Whether the customer converted (1/0, true/false, yes/no, có/không…).
    Converted,
    /// A satisfaction score, 1–5.
    Csat,
    /// A net-promoter answer, 0–10.
    Nps,
    /// The channel (web, app, store…).
    Channel,
}

impl Role {
    /// Every role, in the order the CLI and the mapping dialog list them.
    pub const ALL: [Role; 8] = [
        Role::Customer,
        Role::Timestamp,
        Role::Touchpoint,
        Role::Stage,
        Role::Converted,
        Role::Csat,
        Role::Nps,
        Role::Channel,
    ];

    /// The role's name on the command line (`--map customer=…`).
    pub fn name(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Timestamp => "timestamp",
            Role::Touchpoint => "touchpoint",
            Role::Stage => "stage",
            Role::Converted => "converted",
            Role::Csat => "csat",
            Role::Nps => "nps",
            Role::Channel => "channel",
        }
    }

    /// The role named `name` on the command line.
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// A metric a card or a stage can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// Rows naming the touchpoint.
    Events,
    /// Distinct customers.
    Customers,
    /// Share of customers that converted (0–1).
    ConversionRate,
    /// Mean CSAT (1–5).
    Csat,
    /// Net promoter score (−100–100).
    Nps,
    /// Share of a stage's customers who reach the next stage (0–1).
    Continuation,
}

/// The values of one touchpoint (or of one stage) over a set of rows: the whole file, or one
/// calendar month of it. `None` where there is nothing to compute from (no CSAT answers, …).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricValues {
    /// Rows naming it.
    pub events: u64,
    /// Distinct customer ids on those rows.
    pub customers: u64,
    /// Of those customers, the share that converted on any row of the file.
    pub conversion_rate: Option<f64>,
    /// Mean of the non-empty CSAT values in 1–5 on those rows.
    pub csat: Option<f64>,
    /// How many CSAT values the mean is over.
    pub csat_answers: u64,
    /// 100 × (answers 9–10 − answers 0–6) / answers, over the non-empty NPS values.
    pub nps: Option<f64>,
    /// How many NPS answers the score is over.
    pub nps_answers: u64,
}

/// One touchpoint value of the data and its numbers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TouchpointMetrics {
    /// The value as written in the data (after NFC and trimming).
    pub value: String,
    /// The touchpoint card it matched when imported, if any.
    pub card: Option<Id>,
    /// Over the whole file.
    pub total: MetricValues,
    /// Per calendar month (`"2026-03"`), oldest first; empty without timestamps.
    pub months: Vec<(String, MetricValues)>,
}

/// One stage value of the data: customers reached and how many go on to the next stage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StageMetrics {
    /// The value as written in the data.
    pub value: String,
    /// The map's stage it matched, if any.
    pub stage: Option<Id>,
    /// Distinct customers with a row in this stage.
    pub customers: u64,
    /// Share of this stage's customers who also reach the next stage (`None` for the last).
    pub continuation: Option<f64>,
    /// Per calendar month: (month, customers, continuation).
    pub months: Vec<(String, u64, Option<f64>)>,
}

/// Which column plays which role, and how the file was read: saved in the map so that the next
/// import of the same export asks nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportSettings {
    /// Role → column header as written in the file.
    pub columns: Vec<(Role, String)>,
    /// The field delimiter, when not detected.
    pub delimiter: Option<char>,
    /// The text encoding (a WHATWG label such as `windows-1258`), when not detected.
    pub encoding: Option<String>,
    /// Dates like 03/04/2026 are month first (default: day first).
    pub month_first: bool,
    /// The sheet of a workbook.
    pub sheet: Option<String>,
    /// The 1-based row of the header, when not detected.
    pub header_row: Option<u32>,
}

/// Where a snapshot's numbers came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataSource {
    /// The data file's name (not its path: the map may travel).
    pub file_name: String,
    /// Its size in bytes.
    pub size: u64,
    /// A hash of its bytes (hex), to tell a re-import of the same file.
    pub hash: String,
    /// When it was imported (ISO date, `2026-11-30`).
    pub imported: String,
    /// Data rows read.
    pub rows_read: u64,
    /// Rows skipped (short, long, unusable values), each reported at import.
    pub rows_skipped: u64,
}

/// The numbers of one import. A re-import adds a snapshot; earlier ones stay for trends.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricSnapshot {
    /// Where the numbers came from.
    pub source: DataSource,
    /// How the file was read.
    pub settings: ImportSettings,
    /// Every customer of the file: `customers`, and `conversion_rate` = converted customers /
    /// all customers.
    pub overall: MetricValues,
    /// One entry per distinct touchpoint value, in code-point order of `value`.
    pub touchpoints: Vec<TouchpointMetrics>,
    /// One entry per stage value, in journey order (the map's stage order where matched).
    pub stages: Vec<StageMetrics>,
}

/// Whether more or less of a metric is better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better (conversion, CSAT, NPS).
    #[default]
    Higher,
    /// Less is better (e.g. a drop-off).
    Lower,
}

/// A target for one metric of a card or a stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The card or stage.
    pub subject: Id,
    /// Which metric.
    pub metric: MetricKind,
    /// The value to reach.
    pub value: f64,
    /// Whether more or less is better.
    #[serde(default)]
    pub direction: Direction,
}

/// Everything the map knows of customer data. Empty (and not written) until a first import.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metrics {
    /// Imports, oldest first.
    pub snapshots: Vec<MetricSnapshot>,
    /// The mapping of the last import, offered again for the next.
    pub import: Option<ImportSettings>,
    /// Data touchpoint values tied to cards by the user: (value, card).
    pub aliases: Vec<(String, Id)>,
    /// Data touchpoint values the user chose to ignore.
    pub ignored: Vec<String>,
    /// Targets of cards' and stages' metrics.
    pub targets: Vec<Target>,
}

impl Metrics {
    /// Whether there is nothing to save (a map that never saw data).
    pub fn is_empty(&self) -> bool {
        self == &Metrics::default()
    }
}

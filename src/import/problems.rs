//! What can go wrong reading an export, as data: rows skipped (with the line and the reason,
//! counted per reason for the summary) and the errors that stop a read. Each has a message key
//! (`import-…`, in `assets/i18n/*/import.ftl`) with its values, for the UI's language, and an
//! English sentence for the command line.

use std::fmt;

use crate::model::Role;

use super::text::RECORD_LIMIT;

/// Why a row was skipped.
#[derive(Clone, Debug, PartialEq)]
pub enum SkipReason {
    /// Fewer fields than the header.
    Short {
        /// Fields in the row.
        found: usize,
        /// Columns in the header.
        expected: usize,
    },
    /// A filled field past the header's last column.
    Long {
        /// Fields in the row.
        found: usize,
        /// Columns in the header.
        expected: usize,
    },
    /// A column the row needs (customer, touchpoint, subject, metric, value) is empty.
    Empty {
        /// The column's header.
        column: String,
    },
    /// Bytes that are not text in the file's encoding.
    NotText {
        /// The column's header.
        column: String,
    },
    /// A timestamp in no known form.
    BadTimestamp {
        /// The column's header.
        column: String,
        /// The value as written (cut to 40 characters).
        value: String,
    },
    /// A yes/no value in no known spelling.
    BadFlag {
        /// The column's header.
        column: String,
        /// The value as written.
        value: String,
    },
    /// Not a number.
    BadNumber {
        /// The column's header.
        column: String,
        /// The value as written.
        value: String,
    },
    /// A number outside its range (CSAT 1–5, NPS 0–10, a rate 0–1…).
    OutOfRange {
        /// The column's header.
        column: String,
        /// The value as written.
        value: String,
        /// The range, e.g. `1–5`.
        range: &'static str,
    },
    /// A long table's metric name that is no known metric.
    UnknownMetric {
        /// The column's header.
        column: String,
        /// The value as written.
        value: String,
    },
    /// A period that is no calendar month.
    BadPeriod {
        /// The column's header.
        column: String,
        /// The value as written.
        value: String,
    },
}

impl SkipReason {
    /// The message key.
    pub fn key(&self) -> &'static str {
        match self {
            SkipReason::Short { .. } => "import-skip-short",
            SkipReason::Long { .. } => "import-skip-long",
            SkipReason::Empty { .. } => "import-skip-empty",
            SkipReason::NotText { .. } => "import-skip-not-text",
            SkipReason::BadTimestamp { .. } => "import-skip-timestamp",
            SkipReason::BadFlag { .. } => "import-skip-flag",
            SkipReason::BadNumber { .. } => "import-skip-number",
            SkipReason::OutOfRange { .. } => "import-skip-range",
            SkipReason::UnknownMetric { .. } => "import-skip-metric",
            SkipReason::BadPeriod { .. } => "import-skip-period",
        }
    }

    /// The column it is about, if any.
    pub fn column(&self) -> Option<&str> {
        match self {
            SkipReason::Short { .. } | SkipReason::Long { .. } => None,
            SkipReason::Empty { column }
            | SkipReason::NotText { column }
            | SkipReason::BadTimestamp { column, .. }
            | SkipReason::BadFlag { column, .. }
            | SkipReason::BadNumber { column, .. }
            | SkipReason::OutOfRange { column, .. }
            | SkipReason::UnknownMetric { column, .. }
            | SkipReason::BadPeriod { column, .. } => Some(column),
        }
    }

    /// The values the message names: `found`/`expected`, or `column`, `value` and `range`.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            SkipReason::Short { found, expected } | SkipReason::Long { found, expected } => {
                vec![
                    ("found", found.to_string()),
                    ("expected", expected.to_string()),
                ]
            }
            SkipReason::Empty { column } | SkipReason::NotText { column } => {
                vec![("column", column.clone())]
            }
            SkipReason::BadTimestamp { column, value }
            | SkipReason::BadFlag { column, value }
            | SkipReason::BadNumber { column, value }
            | SkipReason::UnknownMetric { column, value }
            | SkipReason::BadPeriod { column, value } => {
                vec![("column", column.clone()), ("value", value.clone())]
            }
            SkipReason::OutOfRange {
                column,
                value,
                range,
            } => vec![
                ("column", column.clone()),
                ("value", value.clone()),
                ("range", (*range).to_owned()),
            ],
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Short { found, expected } => {
                write!(f, "{found} fields where the header has {expected}")
            }
            SkipReason::Long { found, expected } => {
                write!(
                    f,
                    "{found} fields where the header has {expected}: a filled field past its last column"
                )
            }
            SkipReason::Empty { column } => write!(f, "{column} is empty"),
            SkipReason::NotText { column } => {
                write!(
                    f,
                    "{column} is not text in this encoding (choose another encoding)"
                )
            }
            SkipReason::BadTimestamp { column, value } => write!(
                f,
                "{column} \"{value}\" is not a date and time (ISO 8601, dd/mm/yyyy HH:MM, Unix seconds or an Excel serial)"
            ),
            SkipReason::BadFlag { column, value } => write!(
                f,
                "{column} \"{value}\" is not yes or no (1/0, true/false, yes/no, y/n, có/không)"
            ),
            SkipReason::BadNumber { column, value } => {
                write!(f, "{column} \"{value}\" is not a number")
            }
            SkipReason::OutOfRange {
                column,
                value,
                range,
            } => {
                write!(f, "{column} {value} is outside {range}")
            }
            SkipReason::UnknownMetric { column, value } => write!(
                f,
                "{column} \"{value}\" is no known metric (events, customers, conversion_rate, csat, nps, continuation)"
            ),
            SkipReason::BadPeriod { column, value } => {
                write!(
                    f,
                    "{column} \"{value}\" is not a month (2026-03 or 03/2026)"
                )
            }
        }
    }
}

/// A skipped row: where and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Skip {
    /// The 1-based line of the row (its first line when a quoted field spans lines; the sheet
    /// row in a workbook).
    pub line: u64,
    /// Why.
    pub reason: SkipReason,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}; row skipped", self.line, self.reason)
    }
}

impl Skip {
    /// The English line for a value ignored in a row that was used.
    pub fn ignored_text(&self) -> String {
        format!("line {}: {}; value ignored", self.line, self.reason)
    }
}

/// How many rows were skipped for one reason in one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkipCount {
    /// The reason's message key.
    pub key: &'static str,
    /// The column, for reasons about one.
    pub column: Option<String>,
    /// Rows skipped so.
    pub count: u64,
    /// The first of them.
    pub first_line: u64,
}

/// Every skipped row counted, the first [`Skips::KEPT`] kept with their reasons: memory does
/// not grow with the file. Values ignored in rows that are kept (a CSAT outside 1–5, an NPS
/// outside 0–10) are counted the same way, apart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Skips {
    /// The first skipped rows, in file order.
    pub kept: Vec<Skip>,
    /// Counts per reason and column, in order of first appearance.
    pub counts: Vec<SkipCount>,
    /// Rows skipped in all.
    pub total: u64,
    /// Values ignored (their rows were used without them): the first ones, counts, total.
    pub ignored: Ignored,
}

/// Values ignored in rows that were used.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ignored {
    /// The first ones, in file order.
    pub kept: Vec<Skip>,
    /// Counts per reason and column.
    pub counts: Vec<SkipCount>,
    /// Values ignored in all.
    pub total: u64,
}

impl Skips {
    /// How many skipped rows (and ignored values) are kept with their reasons.
    pub const KEPT: usize = 1000;

    /// Counts (and maybe keeps) one skipped row.
    pub fn add(&mut self, line: u64, reason: SkipReason) {
        tally(
            &mut self.kept,
            &mut self.counts,
            &mut self.total,
            line,
            reason,
        );
    }

    /// Counts (and maybe keeps) one value ignored in a row that was used.
    pub fn ignore(&mut self, line: u64, reason: SkipReason) {
        let i = &mut self.ignored;
        tally(&mut i.kept, &mut i.counts, &mut i.total, line, reason);
    }
}

fn tally(
    kept: &mut Vec<Skip>,
    counts: &mut Vec<SkipCount>,
    total: &mut u64,
    line: u64,
    reason: SkipReason,
) {
    *total += 1;
    let key = reason.key();
    let column = reason.column();
    match counts
        .iter_mut()
        .find(|c| c.key == key && c.column.as_deref() == column)
    {
        Some(count) => count.count += 1,
        None => counts.push(SkipCount {
            key,
            column: column.map(str::to_owned),
            count: 1,
            first_line: line,
        }),
    }
    if kept.len() < Skips::KEPT {
        kept.push(Skip { line, reason });
    }
}

/// Why an export cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file cannot be read.
    #[error("cannot read {file}: {source}")]
    Read {
        /// The file's name.
        file: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// Binary bytes where text was expected.
    #[error("this is not a text export or a workbook: binary bytes at byte {offset}")]
    Binary {
        /// Where the first was found.
        offset: u64,
    },
    /// A row longer than [`RECORD_LIMIT`] (a binary file, or a quote never closed).
    #[error("line {line}: a row longer than {} MiB (a binary file, or a quote never closed?)", limit >> 20)]
    RecordTooLong {
        /// Where the row starts.
        line: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// An encoding name no one knows.
    #[error("unknown encoding \"{0}\" (try utf-8, utf-16le, windows-1258, windows-1252)")]
    UnknownEncoding(String),
    /// A delimiter that cannot be one.
    #[error(
        "the delimiter must be one ASCII character other than a quote or a line end, not {0:?}"
    )]
    BadDelimiter(char),
    /// The workbook cannot be read.
    #[error("cannot read the workbook: {0}")]
    Workbook(String),
    /// The sheet asked for is not in the workbook.
    #[error("no sheet \"{sheet}\" in the workbook; it has {}", sheets.join(", "))]
    NoSuchSheet {
        /// The sheet asked for.
        sheet: String,
        /// The sheets it has.
        sheets: Vec<String>,
    },
    /// Nothing to read: no rows (or none at or after the header row asked for).
    #[error("no rows to read (is the file or sheet empty, or the header row past its end?)")]
    NoRows,
    /// A column named for a role is not in the header.
    #[error("no column \"{column}\" for {} in the header", role.name())]
    UnknownColumn {
        /// The role.
        role: Role,
        /// The header asked for.
        column: String,
    },
    /// Neither raw events nor a pre-aggregated table: the roles must be given.
    #[error(
        "cannot tell which columns hold the customer and the touchpoint; name them (customer=…, touchpoint=…)"
    )]
    NotATable,
    /// Cancelled by the user.
    #[error("import cancelled")]
    Cancelled,
}

impl ImportError {
    /// The message key.
    pub fn key(&self) -> &'static str {
        match self {
            ImportError::Read { .. } => "import-error-read",
            ImportError::Binary { .. } => "import-error-binary",
            ImportError::RecordTooLong { .. } => "import-error-too-long",
            ImportError::UnknownEncoding(_) => "import-error-encoding",
            ImportError::BadDelimiter(_) => "import-error-delimiter",
            ImportError::Workbook(_) => "import-error-workbook",
            ImportError::NoSuchSheet { .. } => "import-error-sheet",
            ImportError::NoRows => "import-error-no-rows",
            ImportError::UnknownColumn { .. } => "import-error-column",
            ImportError::NotATable => "import-error-not-a-table",
            ImportError::Cancelled => "import-error-cancelled",
        }
    }

    /// The values the message names.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ImportError::Read { file, source } => {
                vec![("file", file.clone()), ("reason", source.to_string())]
            }
            ImportError::Binary { offset } => vec![("offset", offset.to_string())],
            ImportError::RecordTooLong { line, limit } => {
                vec![
                    ("line", line.to_string()),
                    ("mib", (limit >> 20).to_string()),
                ]
            }
            ImportError::UnknownEncoding(name) => vec![("name", name.clone())],
            ImportError::BadDelimiter(c) => vec![("found", format!("{c:?}"))],
            ImportError::Workbook(reason) => vec![("reason", reason.clone())],
            ImportError::NoSuchSheet { sheet, sheets } => {
                vec![("sheet", sheet.clone()), ("sheets", sheets.join(", "))]
            }
            ImportError::UnknownColumn { role, column } => {
                vec![("role", role.name().to_owned()), ("column", column.clone())]
            }
            ImportError::NoRows | ImportError::NotATable | ImportError::Cancelled => Vec::new(),
        }
    }

    /// The error a record too long becomes, from the reader's position.
    pub(crate) fn too_long(line: u64) -> Self {
        ImportError::RecordTooLong {
            line,
            limit: RECORD_LIMIT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys and their argument names as an `.ftl` file has them.
    fn ftl(lang: &str) -> Vec<(String, String)> {
        let path = format!(
            "{}/assets/i18n/{lang}/import.ftl",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        text.lines()
            .filter_map(|l| l.split_once(" = "))
            .map(|(k, v)| (k.trim().to_owned(), v.to_owned()))
            .collect()
    }

    #[test]
    fn every_message_is_in_both_languages_with_its_values() {
        let column = || "CSAT".to_owned();
        let value = || "9".to_owned();
        let reasons = [
            SkipReason::Short {
                found: 2,
                expected: 3,
            },
            SkipReason::Long {
                found: 4,
                expected: 3,
            },
            SkipReason::Empty { column: column() },
            SkipReason::NotText { column: column() },
            SkipReason::BadTimestamp {
                column: column(),
                value: value(),
            },
            SkipReason::BadFlag {
                column: column(),
                value: value(),
            },
            SkipReason::BadNumber {
                column: column(),
                value: value(),
            },
            SkipReason::OutOfRange {
                column: column(),
                value: value(),
                range: "1–5",
            },
            SkipReason::UnknownMetric {
                column: column(),
                value: value(),
            },
            SkipReason::BadPeriod {
                column: column(),
                value: value(),
            },
        ];
        let errors = [
            ImportError::Read {
                file: "a.csv".into(),
                source: std::io::Error::other("x"),
            },
            ImportError::Binary { offset: 3 },
            ImportError::too_long(7),
            ImportError::UnknownEncoding("x".into()),
            ImportError::BadDelimiter('"'),
            ImportError::Workbook("x".into()),
            ImportError::NoSuchSheet {
                sheet: "x".into(),
                sheets: vec!["a".into()],
            },
            ImportError::NoRows,
            ImportError::UnknownColumn {
                role: Role::Csat,
                column: "x".into(),
            },
            ImportError::NotATable,
            ImportError::Cancelled,
        ];
        let messages = reasons
            .iter()
            .map(|r| (r.key(), r.args()))
            .chain(errors.iter().map(|e| (e.key(), e.args())));
        let (en, vi) = (ftl("en"), ftl("vi"));
        for (key, args) in messages {
            for file in [&en, &vi] {
                let Some((_, text)) = file.iter().find(|(k, _)| k == key) else {
                    panic!("{key} missing");
                };
                for (name, _) in &args {
                    assert!(
                        text.contains(&format!("{{ ${name} }}")),
                        "{key} lacks {name}: {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn skips_are_counted_per_reason_and_column_and_kept_up_to_a_limit() {
        let mut skips = Skips::default();
        for line in 0..1500 {
            skips.add(
                line + 2,
                SkipReason::Empty {
                    column: "Mã KH".into(),
                },
            );
        }
        skips.add(
            9000,
            SkipReason::Short {
                found: 1,
                expected: 3,
            },
        );
        assert_eq!(skips.total, 1501);
        assert_eq!(skips.kept.len(), Skips::KEPT);
        assert_eq!(
            skips.counts,
            [
                SkipCount {
                    key: "import-skip-empty",
                    column: Some("Mã KH".into()),
                    count: 1500,
                    first_line: 2
                },
                SkipCount {
                    key: "import-skip-short",
                    column: None,
                    count: 1,
                    first_line: 9000
                },
            ]
        );
        assert_eq!(
            skips.kept[0].to_string(),
            "line 2: Mã KH is empty; row skipped"
        );
    }
}

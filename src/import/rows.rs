//! One row of an export, from its fields to an [`EventRow`] or [`AggregateRow`]s, or to the
//! reason it is skipped. Shared by the text and the workbook readers: a field is text (a CSV
//! field, a text cell) or a typed cell of a workbook.

use std::fmt::Write as _;

use jiff::civil::DateTime;
use unicode_normalization::{IsNormalized, UnicodeNormalization as _, is_nfc_quick};

use crate::analysis::metrics::{AggregateRow, EventRow};
use crate::model::MetricKind;

use super::problems::SkipReason;
use super::roles::{fold, metric_named};
use super::values::{
    ValueOptions, from_excel_serial, nfc_without_lookup, parse_count, parse_flag, parse_number,
    parse_period, parse_timestamp, surely_nfc, trim,
};

/// One field of a row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Field<'a> {
    /// Nothing there (or past the row's end).
    Empty,
    /// Text as written (untrimmed).
    Text(&'a str),
    /// Bytes that are not text in the file's encoding.
    NotText,
    /// A workbook's number cell (in a timestamp column: an Excel serial).
    Number(f64),
    /// A workbook's true/false cell.
    Bool(bool),
    /// A workbook's date cell.
    Date(DateTime),
}

/// The columns of an event table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventColumns {
    /// Customer id column.
    pub customer: usize,
    /// Touchpoint column.
    pub touchpoint: usize,
    /// Timestamp column.
    pub timestamp: Option<usize>,
    /// Stage column.
    pub stage: Option<usize>,
    /// Converted flag column.
    pub converted: Option<usize>,
    /// CSAT column.
    pub csat: Option<usize>,
    /// NPS column.
    pub nps: Option<usize>,
    /// Channel column.
    pub channel: Option<usize>,
}

/// The columns of a pre-aggregated table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AggregateColumns {
    /// The touchpoint column (the subject where filled).
    pub touchpoint: Option<usize>,
    /// The stage column (the subject where the touchpoint is empty or absent).
    pub stage: Option<usize>,
    /// The month column.
    pub period: Option<usize>,
    /// Long (metric name and value columns) or wide (one column per metric).
    pub form: AggregateForm,
}

/// How a pre-aggregated table holds its metrics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AggregateForm {
    /// A metric name column and a value column.
    Long {
        /// The metric name column.
        metric: usize,
        /// The value column.
        value: usize,
    },
    /// One column per metric.
    Wide(Vec<(usize, MetricKind)>),
}

/// Buffers for text that must be rewritten (not NFC, or a number cell): reused row to row.
#[derive(Debug, Default)]
pub struct Scratch {
    customer: String,
    touchpoint: String,
    stage: String,
    channel: String,
    /// Values of the last row that were ignored (out of range), for the summary.
    pub ignored: Vec<SkipReason>,
}

/// How a row's fields are looked at: by column, with the headers for messages.
pub struct RowView<'h, F> {
    /// The header names.
    pub headers: &'h [String],
    /// How values are read.
    pub options: ValueOptions,
    /// The field in a column.
    pub get: F,
}

impl<'a, F: Fn(usize) -> Field<'a>> RowView<'_, F> {
    fn header(&self, column: usize) -> String {
        self.headers.get(column).cloned().unwrap_or_default()
    }

    /// The value of a column as written, cut for a message.
    fn shown(&self, column: usize) -> String {
        match (self.get)(column) {
            Field::Text(s) => {
                let s = trim(s);
                match s.char_indices().nth(40) {
                    Some((cut, _)) => format!("{}…", &s[..cut]),
                    None => s.to_owned(),
                }
            }
            Field::Number(n) => n.to_string(),
            Field::Bool(b) => b.to_string(),
            Field::Date(d) => d.to_string(),
            Field::Empty | Field::NotText => String::new(),
        }
    }

    /// Text of a column, trimmed and NFC (`None` when empty).
    fn text<'s>(&self, column: usize, buf: &'s mut String) -> Result<Option<&'s str>, SkipReason>
    where
        'a: 's,
    {
        let text = match (self.get)(column) {
            Field::Empty => return Ok(None),
            Field::NotText => {
                return Err(SkipReason::NotText {
                    column: self.header(column),
                });
            }
            Field::Text(s) => trim(s),
            Field::Number(n) => {
                buf.clear();
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    let _ = write!(buf, "{}", n as i64);
                } else {
                    let _ = write!(buf, "{n}");
                }
                return Ok(Some(buf.as_str()));
            }
            Field::Bool(b) => return Ok(Some(if b { "true" } else { "false" })),
            Field::Date(d) => {
                buf.clear();
                let _ = write!(buf, "{d}");
                return Ok(Some(buf.as_str()));
            }
        };
        if text.is_empty() {
            return Ok(None);
        }
        if surely_nfc(text)
            || nfc_without_lookup(text)
            || is_nfc_quick(text.chars()) == IsNormalized::Yes
        {
            return Ok(Some(text));
        }
        buf.clear();
        buf.extend(text.nfc());
        Ok(Some(buf.as_str()))
    }

    fn required<'s>(&self, column: usize, buf: &'s mut String) -> Result<&'s str, SkipReason>
    where
        'a: 's,
    {
        self.text(column, buf)?.ok_or_else(|| SkipReason::Empty {
            column: self.header(column),
        })
    }

    fn timestamp(&self, column: usize) -> Result<Option<DateTime>, SkipReason> {
        let parsed = match (self.get)(column) {
            Field::Empty => return Ok(None),
            Field::Text(s) if trim(s).is_empty() => return Ok(None),
            Field::Text(s) => parse_timestamp(s, self.options),
            Field::Number(n) => from_excel_serial(n),
            Field::Date(d) => Some(d),
            Field::Bool(_) => None,
            Field::NotText => {
                return Err(SkipReason::NotText {
                    column: self.header(column),
                });
            }
        };
        parsed.map(Some).ok_or_else(|| SkipReason::BadTimestamp {
            column: self.header(column),
            value: self.shown(column),
        })
    }

    fn flag(&self, column: usize) -> Result<Option<bool>, SkipReason> {
        let parsed = match (self.get)(column) {
            Field::Empty => return Ok(None),
            Field::Text(s) if trim(s).is_empty() => return Ok(None),
            Field::Text(s) => parse_flag(s),
            Field::Number(n) if n == 1.0 || n == 0.0 => Some(n == 1.0),
            Field::Bool(b) => Some(b),
            Field::Number(_) | Field::Date(_) => None,
            Field::NotText => {
                return Err(SkipReason::NotText {
                    column: self.header(column),
                });
            }
        };
        parsed.map(Some).ok_or_else(|| SkipReason::BadFlag {
            column: self.header(column),
            value: self.shown(column),
        })
    }

    /// A number of a column in `min..=max` (`range` says it for messages); a count (`0..=MAX`)
    /// reads `12.480` as twelve thousand.
    fn number(
        &self,
        column: usize,
        (min, max, range): (f64, f64, &'static str),
    ) -> Result<Option<f64>, SkipReason> {
        let parse = if min == 0.0 && max == f64::MAX {
            parse_count
        } else {
            parse_number
        };
        let parsed = match (self.get)(column) {
            Field::Empty => return Ok(None),
            Field::Text(s) if trim(s).is_empty() => return Ok(None),
            Field::Text(s) => parse(s),
            Field::Number(n) => Some(n),
            Field::Bool(_) | Field::Date(_) => None,
            Field::NotText => {
                return Err(SkipReason::NotText {
                    column: self.header(column),
                });
            }
        };
        let Some(value) = parsed else {
            return Err(SkipReason::BadNumber {
                column: self.header(column),
                value: self.shown(column),
            });
        };
        if (min..=max).contains(&value) {
            Ok(Some(value))
        } else {
            Err(SkipReason::OutOfRange {
                column: self.header(column),
                value: self.shown(column),
                range,
            })
        }
    }

    fn period(&self, column: usize) -> Result<Option<String>, SkipReason> {
        let month = |d: DateTime| format!("{:04}-{:02}", d.year(), d.month());
        let parsed = match (self.get)(column) {
            Field::Empty => return Ok(None),
            Field::Text(s) if trim(s).is_empty() => return Ok(None),
            Field::Text(s) => parse_period(s, self.options),
            Field::Number(n) => from_excel_serial(n).map(month),
            Field::Date(d) => Some(month(d)),
            Field::Bool(_) | Field::NotText => None,
        };
        parsed.map(Some).ok_or_else(|| SkipReason::BadPeriod {
            column: self.header(column),
            value: self.shown(column),
        })
    }

    /// The event of this row, or why it is skipped.
    pub fn event<'s>(
        &self,
        line: u64,
        columns: &EventColumns,
        scratch: &'s mut Scratch,
    ) -> Result<EventRow<'s>, SkipReason>
    where
        'a: 's,
    {
        let optional = |column: Option<usize>, buf: &'s mut String| match column {
            Some(c) => self.text(c, buf),
            None => Ok(None),
        };
        let customer = self.required(columns.customer, &mut scratch.customer)?;
        let touchpoint = self.required(columns.touchpoint, &mut scratch.touchpoint)?;
        let stage = optional(columns.stage, &mut scratch.stage)?;
        let channel = optional(columns.channel, &mut scratch.channel)?;
        let timestamp = match columns.timestamp {
            Some(c) => self.timestamp(c)?,
            None => None,
        };
        let converted = match columns.converted {
            Some(c) => self.flag(c)?,
            None => None,
        };
        // A CSAT or NPS answer out of range is ignored and reported; the row still counts.
        let mut ignored = Vec::new();
        let mut answer = |column: Option<usize>, range| match column {
            Some(c) => match self.number(c, range) {
                Err(reason @ SkipReason::OutOfRange { .. }) => {
                    ignored.push(reason);
                    Ok(None)
                }
                other => other,
            },
            None => Ok(None),
        };
        let csat = answer(columns.csat, (1.0, 5.0, "1–5"))?;
        let nps = answer(columns.nps, (0.0, 10.0, "0–10"))?;
        scratch.ignored = ignored;
        Ok(EventRow {
            line,
            customer,
            timestamp,
            touchpoint,
            stage,
            converted,
            csat,
            nps,
            channel,
        })
    }

    /// The aggregate rows of this row (one, or one per filled metric column), or why it is
    /// skipped. `out` is cleared first.
    pub fn aggregates(
        &self,
        line: u64,
        columns: &AggregateColumns,
        out: &mut Vec<AggregateRow>,
    ) -> Result<(), SkipReason> {
        out.clear();
        let mut buf = String::new();
        let touchpoint = match columns.touchpoint {
            Some(c) => self.text(c, &mut buf)?.map(str::to_owned),
            None => None,
        };
        let (stage, subject) = match (touchpoint, columns.stage) {
            (Some(t), _) => (false, t),
            (None, Some(c)) => (true, self.required(c, &mut buf)?.to_owned()),
            (None, None) => {
                return Err(SkipReason::Empty {
                    column: columns
                        .touchpoint
                        .map(|c| self.header(c))
                        .unwrap_or_default(),
                });
            }
        };
        let period = match columns.period {
            Some(c) => self.period(c)?,
            None => None,
        };
        let mut push = |metric: MetricKind, value: f64| {
            out.push(AggregateRow {
                line,
                stage,
                subject: subject.clone(),
                metric,
                value,
                period: period.clone(),
            });
        };
        match &columns.form {
            AggregateForm::Long { metric, value } => {
                let name = self.required(*metric, &mut buf)?;
                let kind = metric_named(&fold(name)).ok_or_else(|| SkipReason::UnknownMetric {
                    column: self.header(*metric),
                    value: self.shown(*metric),
                })?;
                let number =
                    self.number(*value, metric_range(kind))?
                        .ok_or_else(|| SkipReason::Empty {
                            column: self.header(*value),
                        })?;
                push(kind, number);
            }
            AggregateForm::Wide(metrics) => {
                let mut values = Vec::with_capacity(metrics.len());
                for &(column, kind) in metrics {
                    if let Some(number) = self.number(column, metric_range(kind))? {
                        values.push((kind, number));
                    }
                }
                if values.is_empty() {
                    let first = metrics.first().map_or(0, |(c, _)| *c);
                    return Err(SkipReason::Empty {
                        column: self.header(first),
                    });
                }
                for (kind, number) in values {
                    push(kind, number);
                }
            }
        }
        Ok(())
    }
}

/// The values a pre-aggregated metric can take.
fn metric_range(kind: MetricKind) -> (f64, f64, &'static str) {
    match kind {
        MetricKind::Events | MetricKind::Customers => (0.0, f64::MAX, "≥ 0"),
        MetricKind::ConversionRate | MetricKind::Continuation => (0.0, 1.0, "0–1"),
        MetricKind::Csat => (1.0, 5.0, "1–5"),
        MetricKind::Nps => (-100.0, 100.0, "−100–100"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::datetime;

    fn view<'a>(
        headers: &'a [String],
        fields: &'a [Field<'a>],
    ) -> RowView<'a, impl Fn(usize) -> Field<'a>> {
        RowView {
            headers,
            options: ValueOptions::default(),
            get: move |i: usize| fields.get(i).copied().unwrap_or(Field::Empty),
        }
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|&s| s.to_owned()).collect()
    }

    const COLUMNS: EventColumns = EventColumns {
        customer: 0,
        touchpoint: 1,
        timestamp: Some(2),
        stage: None,
        converted: Some(3),
        csat: Some(4),
        nps: Some(5),
        channel: None,
    };

    #[test]
    fn an_event_row_is_trimmed_nfc_and_parsed() {
        let headers = names(&["id", "tp", "at", "conv", "csat", "nps"]);
        let fields = [
            Field::Text(" KH1 "),
            Field::Text("Gio\u{309} ha\u{300}ng"),
            Field::Text("01/03/2026 09:30"),
            Field::Text("Có"),
            Field::Text("4,5"),
            Field::Empty,
        ];
        let mut scratch = Scratch::default();
        let row = view(&headers, &fields).event(7, &COLUMNS, &mut scratch);
        assert_eq!(
            row,
            Ok(EventRow {
                line: 7,
                customer: "KH1",
                timestamp: Some(datetime(2026, 3, 1, 9, 30, 0, 0)),
                touchpoint: "Giỏ hàng",
                stage: None,
                converted: Some(true),
                csat: Some(4.5),
                nps: None,
                channel: None,
            })
        );
    }

    #[test]
    fn workbook_cells_become_values() {
        let headers = names(&["id", "tp", "at", "conv", "csat", "nps"]);
        let fields = [
            Field::Number(12345.0),
            Field::Text("Web"),
            Field::Number(46082.5),
            Field::Bool(false),
            Field::Number(5.0),
            Field::Number(10.0),
        ];
        let mut scratch = Scratch::default();
        let row = view(&headers, &fields).event(3, &COLUMNS, &mut scratch);
        let row = row.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (
                row.customer,
                row.timestamp,
                row.converted,
                row.csat,
                row.nps
            ),
            (
                "12345",
                Some(datetime(2026, 3, 1, 12, 0, 0, 0)),
                Some(false),
                Some(5.0),
                Some(10.0)
            )
        );
    }

    #[test]
    fn unusable_values_say_which_column_and_value() {
        let headers = names(&["id", "tp", "at", "conv", "csat", "nps"]);
        let cases: [([Field<'_>; 6], SkipReason); 4] = [
            (
                [
                    Field::Text(""),
                    Field::Text("x"),
                    Field::Empty,
                    Field::Empty,
                    Field::Empty,
                    Field::Empty,
                ],
                SkipReason::Empty {
                    column: "id".into(),
                },
            ),
            (
                [
                    Field::Text("a"),
                    Field::Text("  "),
                    Field::Empty,
                    Field::Empty,
                    Field::Empty,
                    Field::Empty,
                ],
                SkipReason::Empty {
                    column: "tp".into(),
                },
            ),
            (
                [
                    Field::Text("a"),
                    Field::Text("x"),
                    Field::Text("hôm qua"),
                    Field::Empty,
                    Field::Empty,
                    Field::Empty,
                ],
                SkipReason::BadTimestamp {
                    column: "at".into(),
                    value: "hôm qua".into(),
                },
            ),
            (
                [
                    Field::Text("a"),
                    Field::Text("x"),
                    Field::Empty,
                    Field::Text("maybe"),
                    Field::Empty,
                    Field::Empty,
                ],
                SkipReason::BadFlag {
                    column: "conv".into(),
                    value: "maybe".into(),
                },
            ),
        ];
        for (fields, reason) in cases {
            let mut scratch = Scratch::default();
            assert_eq!(
                view(&headers, &fields).event(2, &COLUMNS, &mut scratch),
                Err(reason)
            );
        }
    }

    #[test]
    fn out_of_range_answers_are_ignored_and_reported_but_the_row_counts() {
        let headers = names(&["id", "tp", "at", "conv", "csat", "nps"]);
        let fields = [
            Field::Text("a"),
            Field::Text("x"),
            Field::Empty,
            Field::Empty,
            Field::Text("6"),
            Field::Text("11"),
        ];
        let mut scratch = Scratch::default();
        let row = view(&headers, &fields)
            .event(2, &COLUMNS, &mut scratch)
            .map(|r| (r.customer.to_owned(), r.csat, r.nps));
        assert_eq!(row, Ok(("a".to_owned(), None, None)));
        assert_eq!(
            scratch.ignored,
            [
                SkipReason::OutOfRange {
                    column: "csat".into(),
                    value: "6".into(),
                    range: "1–5",
                },
                SkipReason::OutOfRange {
                    column: "nps".into(),
                    value: "11".into(),
                    range: "0–10",
                },
            ]
        );
    }

    #[test]
    fn long_and_wide_rows_become_aggregate_rows() {
        let headers = names(&["Điểm chạm", "Chỉ số", "Giá trị", "Kỳ"]);
        let columns = AggregateColumns {
            touchpoint: Some(0),
            stage: None,
            period: Some(3),
            form: AggregateForm::Long {
                metric: 1,
                value: 2,
            },
        };
        let fields = [
            Field::Text("Trang chủ"),
            Field::Text("Tỷ lệ chuyển đổi"),
            Field::Text("12,5%"),
            Field::Text("03/2026"),
        ];
        let mut out = Vec::new();
        assert_eq!(
            view(&headers, &fields).aggregates(4, &columns, &mut out),
            Ok(())
        );
        assert_eq!(
            out,
            [AggregateRow {
                line: 4,
                stage: false,
                subject: "Trang chủ".into(),
                metric: MetricKind::ConversionRate,
                value: 0.125,
                period: Some("2026-03".into()),
            }]
        );
        let fields = [
            Field::Text("Trang chủ"),
            Field::Text("lượt xem"),
            Field::Text("3"),
            Field::Empty,
        ];
        assert_eq!(
            view(&headers, &fields).aggregates(5, &columns, &mut out),
            Err(SkipReason::UnknownMetric {
                column: "Chỉ số".into(),
                value: "lượt xem".into()
            })
        );
        let headers = names(&["stage", "customers", "continuation"]);
        let columns = AggregateColumns {
            touchpoint: None,
            stage: Some(0),
            period: None,
            form: AggregateForm::Wide(vec![
                (1, MetricKind::Customers),
                (2, MetricKind::Continuation),
            ]),
        };
        let fields = [Field::Text("Mua"), Field::Number(120.0), Field::Empty];
        assert_eq!(
            view(&headers, &fields).aggregates(2, &columns, &mut out),
            Ok(())
        );
        assert_eq!(
            out,
            [AggregateRow {
                line: 2,
                stage: true,
                subject: "Mua".into(),
                metric: MetricKind::Customers,
                value: 120.0,
                period: None,
            }]
        );
        let fields = [Field::Text("Mua"), Field::Number(120.0), Field::Text("1,5")];
        assert_eq!(
            view(&headers, &fields).aggregates(3, &columns, &mut out),
            Err(SkipReason::OutOfRange {
                column: "continuation".into(),
                value: "1,5".into(),
                range: "0–1"
            })
        );
    }
}

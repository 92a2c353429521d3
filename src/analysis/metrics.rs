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

use std::collections::BTreeMap;

use crate::model::{MetricKind, MetricSnapshot, MetricValues, StageMetrics, TouchpointMetrics};

pub use super::rows::{AggregateRow, EventRow};
use super::tally::{Cell, Kind, Month, Tally};

fn month_name(m: Month) -> String {
    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
}

#[cfg(test)]
fn month_of(t: jiff::civil::DateTime) -> Month {
    super::tally::month_of(t)
}

/// Turns rows into a snapshot's numbers, one row at a time.
#[derive(Debug, Default)]
pub struct Aggregator {
    /// The raw events' counts.
    tally: Tally,
    /// Pre-aggregated values: (is stage, subject) → (period → values).
    given: BTreeMap<(bool, String), BTreeMap<Option<String>, MetricValues>>,
}

/// What `finish` works out per cell from the customers: how many converted (on any row for a
/// whole cell, in the cell's month for a month cell) and, for stage cells, how many reach the
/// next stage (in the same month for a month cell).
struct PerCell {
    converted: Vec<u64>,
    continuing: Vec<u64>,
}

/// For a stage cell: no next stage (`None`), the next stage's cell, or [`NO_CELL`] when the
/// next stage has no row in that month.
const NO_CELL: u32 = u32::MAX;

impl Aggregator {
    /// An aggregator with nothing seen yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one event row.
    pub fn add(&mut self, row: &EventRow<'_>) {
        self.tally.add(row);
    }

    /// Takes one value of a pre-aggregated table. A later value for the same subject, metric
    /// and period replaces an earlier one.
    pub fn add_aggregate(&mut self, row: &AggregateRow) {
        let values = self
            .given
            .entry((row.stage, row.subject.clone()))
            .or_default()
            .entry(row.period.clone())
            .or_default();
        // Counts are whole numbers; a table that says 12.0 means 12.
        let count = if row.value.is_finite() && row.value >= 0.0 {
            row.value.round() as u64
        } else {
            0
        };
        match row.metric {
            MetricKind::Events => values.events = count,
            MetricKind::Customers => values.customers = count,
            // A stage's continuation is kept in the conversion slot until `finish`.
            MetricKind::ConversionRate | MetricKind::Continuation => {
                values.conversion_rate = Some(row.value);
            }
            MetricKind::Csat => values.csat = Some(row.value),
            MetricKind::Nps => values.nps = Some(row.value),
        }
    }

    /// The numbers of every row added: touchpoints in code-point order of their value, stages
    /// in the order given by `stage_order` (the map's stage names; values not in it follow in
    /// code-point order).
    pub fn finish(self, stage_order: &[&str]) -> MetricSnapshot {
        let t = &self.tally;
        // Stages: the map's order first, then the others in code-point order (an order the
        // SQL of `--emit-sql` can give too).
        let rank = |value: &str| stage_order.iter().position(|s| same_name(s, value));
        let mut order: Vec<usize> = (0..t.stages.values.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&t.stages.values[a], &t.stages.values[b]);
            (rank(a).unwrap_or(usize::MAX), a).cmp(&(rank(b).unwrap_or(usize::MAX), b))
        });
        let mut next_stage: Vec<Option<u32>> = vec![None; order.len()];
        for pair in order.windows(2) {
            next_stage[pair[0]] = u32::try_from(pair[1]).ok();
        }
        let next_of: Vec<Option<u32>> = t
            .cells
            .iter()
            .map(|cell| {
                let next = *next_stage.get(cell.subject as usize)?;
                match cell.kind {
                    Kind::Stage => next.map(|n| t.stages.cells[n as usize]),
                    Kind::StageMonth => next.map(|n| {
                        t.find_month_cell(Kind::StageMonth, n, cell.month)
                            .unwrap_or(NO_CELL)
                    }),
                    _ => None,
                }
            })
            .collect();
        let per = per_cell(t, &next_of);
        let has_conversion = t.has_conversion;
        let values = |c: u32| {
            cell_values(
                &t.cells[c as usize],
                per.converted[c as usize],
                has_conversion,
            )
        };

        // Month cells by subject, in month order.
        let mut tp_months: Vec<Vec<u32>> = vec![Vec::new(); t.touchpoints.values.len()];
        let mut stage_months: Vec<Vec<u32>> = vec![Vec::new(); t.stages.values.len()];
        for (n, cell) in t.cells.iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(NO_CELL);
            let list = match cell.kind {
                Kind::TouchpointMonth => tp_months.get_mut(cell.subject as usize),
                Kind::StageMonth => stage_months.get_mut(cell.subject as usize),
                _ => None,
            };
            if let Some(list) = list {
                list.push(n);
            }
        }
        for list in tp_months.iter_mut().chain(stage_months.iter_mut()) {
            list.sort_by_key(|&c| t.cells[c as usize].month);
        }
        let months = |list: &[u32]| -> Vec<(String, MetricValues)> {
            list.iter()
                .map(|&c| (month_name(t.cells[c as usize].month), values(c)))
                .collect()
        };

        let mut touchpoints: Vec<TouchpointMetrics> = t
            .touchpoints
            .values
            .iter()
            .enumerate()
            .map(|(n, value)| TouchpointMetrics {
                value: value.to_string(),
                card: None,
                total: values(t.touchpoints.cells[n]),
                months: months(&tp_months[n]),
            })
            .collect();
        let converted_customers = t.customers.iter().filter(|c| c.converted).count() as u64;
        let mut whole = t.overall.clone();
        whole.customers = t.customer_count();
        let overall = cell_values(&whole, converted_customers, has_conversion);
        let share = |part: u64, of: u64| (of > 0).then(|| part as f64 / of as f64);
        let mut stage_metrics: Vec<StageMetrics> = order
            .iter()
            .map(|&s| {
                let cell = t.stages.cells[s];
                let customers = t.cells[cell as usize].customers;
                let continuation =
                    next_stage[s].and_then(|_| share(per.continuing[cell as usize], customers));
                let months = stage_months[s]
                    .iter()
                    .map(|&c| {
                        let m = &t.cells[c as usize];
                        let cont = match next_of[c as usize] {
                            None => None,
                            Some(NO_CELL) => Some(0.0),
                            Some(_) => share(per.continuing[c as usize], m.customers),
                        };
                        (month_name(m.month), m.customers, cont)
                    })
                    .collect();
                StageMetrics {
                    value: t.stages.values[s].to_string(),
                    stage: None,
                    customers,
                    continuation,
                    months,
                }
            })
            .collect();

        // Pre-aggregated tables.
        for ((is_stage, subject), periods) in self.given {
            let total = periods.get(&None).cloned().unwrap_or_default();
            if is_stage {
                let months = periods
                    .iter()
                    .filter_map(|(p, v)| {
                        p.as_ref()
                            .map(|p| (p.clone(), v.customers, v.conversion_rate))
                    })
                    .collect();
                stage_metrics.push(StageMetrics {
                    value: subject,
                    stage: None,
                    customers: total.customers,
                    continuation: total.conversion_rate,
                    months,
                });
            } else {
                let months = periods
                    .iter()
                    .filter_map(|(p, v)| p.as_ref().map(|p| (p.clone(), v.clone())))
                    .collect();
                touchpoints.push(TouchpointMetrics {
                    value: subject,
                    card: None,
                    total,
                    months,
                });
            }
        }
        touchpoints.sort_by(|a, b| a.value.cmp(&b.value));
        MetricSnapshot {
            overall,
            touchpoints,
            stages: stage_metrics,
            ..MetricSnapshot::default()
        }
    }
}

/// Goes through every customer once: the conversions and continuations of each cell.
fn per_cell(t: &Tally, next_of: &[Option<u32>]) -> PerCell {
    let mut per = PerCell {
        converted: vec![0; t.cells.len()],
        continuing: vec![0; t.cells.len()],
    };
    let mut converted_in: Vec<Month> = Vec::new();
    for customer in &t.customers {
        converted_in.clear();
        converted_in.extend(
            customer
                .seen
                .cells()
                .map(|c| &t.cells[c as usize])
                .filter(|cell| cell.kind == Kind::ConvertedIn)
                .map(|cell| cell.month),
        );
        for c in customer.seen.cells() {
            let cell = &t.cells[c as usize];
            let converted = match cell.kind {
                Kind::Touchpoint | Kind::Stage => customer.converted,
                Kind::TouchpointMonth | Kind::StageMonth => converted_in.contains(&cell.month),
                Kind::ConvertedIn => false,
            };
            if converted {
                per.converted[c as usize] += 1;
            }
            if let Some(next) = next_of[c as usize]
                && next != NO_CELL
                && customer.seen.contains(next)
            {
                per.continuing[c as usize] += 1;
            }
        }
    }
    per
}

/// A cell's values, `converted` of its customers having converted (no rate when the data has
/// no conversion at all).
fn cell_values(cell: &Cell, converted: u64, has_conversion: bool) -> MetricValues {
    let customers = cell.customers;
    MetricValues {
        events: cell.events,
        customers,
        conversion_rate: (has_conversion && customers > 0)
            .then(|| converted as f64 / customers as f64),
        csat: (cell.csat_n > 0).then(|| cell.csat_sum / cell.csat_n as f64),
        csat_answers: cell.csat_n,
        nps: (cell.nps_n > 0)
            .then(|| 100.0 * (cell.promoters as f64 - cell.detractors as f64) / cell.nps_n as f64),
        nps_answers: cell.nps_n,
    }
}

/// Whether a stage's name and a data value name the same stage: equal after trimming,
/// case-insensitively (both are NFC already).
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// A number with up to six decimals and no trailing zeros (`0.5`, `100`, `0.333333`); the form
/// the CLI's tables use, so that two tools' outputs compare as text.
pub fn decimal6(x: f64) -> String {
    let text = format!("{x:.6}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

fn optional(x: Option<f64>) -> String {
    x.map(decimal6).unwrap_or_default()
}

/// The per-touchpoint table of `journeymap import --dry-run`: the header
/// `touchpoint,events,customers,conversion_rate,csat,nps`, then one row per touchpoint value in
/// code-point order; empty where there is no value. CSV quoting where a value needs it.
pub fn touchpoint_table_csv(snapshot: &MetricSnapshot) -> String {
    let mut touchpoints: Vec<&TouchpointMetrics> = snapshot.touchpoints.iter().collect();
    touchpoints.sort_by(|a, b| a.value.cmp(&b.value));
    let rows = touchpoints.iter().map(|t| {
        let v = &t.total;
        vec![
            t.value.clone(),
            v.events.to_string(),
            v.customers.to_string(),
            optional(v.conversion_rate),
            optional(v.csat),
            optional(v.nps),
        ]
    });
    csv_text(
        &[
            "touchpoint",
            "events",
            "customers",
            "conversion_rate",
            "csat",
            "nps",
        ],
        rows,
    )
}

/// The per-stage table of `journeymap import --dry-run --by stage`: the header
/// `stage,customers,continuation`, then one row per stage in journey order.
pub fn stage_table_csv(snapshot: &MetricSnapshot) -> String {
    let rows = snapshot.stages.iter().map(|s| {
        vec![
            s.value.clone(),
            s.customers.to_string(),
            optional(s.continuation),
        ]
    });
    csv_text(&["stage", "customers", "continuation"], rows)
}

fn csv_text(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = header.join(",");
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A CSV cell, quoted (RFC 4180) when it holds a comma, a quote or a line break.
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i16, m: i8, d: i8) -> Option<jiff::civil::DateTime> {
        Some(jiff::civil::date(y, m, d).at(10, 0, 0, 0))
    }

    struct R {
        customer: &'static str,
        touchpoint: &'static str,
        stage: &'static str,
        converted: Option<bool>,
        csat: Option<f64>,
        nps: Option<f64>,
        when: Option<jiff::civil::DateTime>,
    }

    /// Seven events of four customers, hand-counted in the comments of each test.
    fn rows() -> Vec<R> {
        let r = |customer, touchpoint, stage, converted, csat, nps, when| R {
            customer,
            touchpoint,
            stage,
            converted,
            csat,
            nps,
            when,
        };
        vec![
            r(
                "c1",
                "Web",
                "Aware",
                Some(false),
                Some(4.0),
                Some(9.0),
                at(2026, 3, 1),
            ),
            r(
                "c1",
                "Zalo",
                "Consider",
                Some(true),
                Some(2.0),
                Some(6.0),
                at(2026, 3, 5),
            ),
            r(
                "c2",
                "Web",
                "Aware",
                Some(false),
                None,
                Some(10.0),
                at(2026, 3, 7),
            ),
            r("c2", "Web", "Aware", None, Some(5.0), None, at(2026, 4, 1)),
            r(
                "c3",
                "Zalo",
                "Consider",
                Some(false),
                Some(1.0),
                Some(0.0),
                at(2026, 4, 2),
            ),
            r(
                "c4",
                "Store",
                "Buy",
                Some(false),
                None,
                Some(7.0),
                at(2026, 4, 3),
            ),
            r(
                "c3",
                "Store",
                "Buy",
                Some(true),
                None,
                None,
                at(2026, 4, 10),
            ),
        ]
    }

    fn aggregate(rows: &[R], stage_order: &[&str]) -> MetricSnapshot {
        let mut agg = Aggregator::new();
        for (i, r) in rows.iter().enumerate() {
            agg.add(&EventRow {
                line: i as u64 + 2,
                customer: r.customer,
                timestamp: r.when,
                touchpoint: r.touchpoint,
                stage: Some(r.stage),
                converted: r.converted,
                csat: r.csat,
                nps: r.nps,
                channel: None,
            });
        }
        agg.finish(stage_order)
    }

    fn touchpoint<'a>(s: &'a MetricSnapshot, value: &str) -> &'a TouchpointMetrics {
        s.touchpoints
            .iter()
            .find(|t| t.value == value)
            .unwrap_or_else(|| panic!("no touchpoint {value}"))
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    #[test]
    fn touchpoints_come_in_code_point_order() {
        let s = aggregate(&rows(), &[]);
        let values: Vec<&str> = s.touchpoints.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, ["Store", "Web", "Zalo"]);
    }

    #[test]
    fn events_are_rows_and_customers_are_distinct_ids() {
        let s = aggregate(&rows(), &[]);
        // Web: rows 1, 3, 4 of customers c1, c2, c2.
        let web = &touchpoint(&s, "Web").total;
        assert_eq!((web.events, web.customers), (3, 2));
        assert_eq!((s.overall.events, s.overall.customers), (7, 4));
    }

    #[test]
    fn conversion_is_the_share_of_the_touchpoints_customers_converted_on_any_row_of_the_file() {
        let s = aggregate(&rows(), &[]);
        // Web: c1 converted (on a Zalo row), c2 never: 1/2.
        assert!(close(touchpoint(&s, "Web").total.conversion_rate, 0.5));
        // Zalo: c1 (its own row) and c3 (on a Store row): 2/2.
        assert!(close(touchpoint(&s, "Zalo").total.conversion_rate, 1.0));
        // Store: c3 yes, c4 no.
        assert!(close(touchpoint(&s, "Store").total.conversion_rate, 0.5));
        // Overall: c1 and c3 of four customers.
        assert!(close(s.overall.conversion_rate, 0.5));
    }

    #[test]
    fn without_any_conversion_value_there_is_no_rate_rather_than_zero() {
        let mut rows = rows();
        for r in &mut rows {
            r.converted = None;
        }
        let s = aggregate(&rows, &[]);
        assert_eq!(touchpoint(&s, "Web").total.conversion_rate, None);
        assert_eq!(s.overall.conversion_rate, None);
    }

    #[test]
    fn csat_is_the_mean_of_the_non_empty_answers() {
        let s = aggregate(&rows(), &[]);
        let web = &touchpoint(&s, "Web").total;
        assert!(close(web.csat, 4.5)); // 4 and 5; the empty one does not count
        assert_eq!(web.csat_answers, 2);
        assert!(close(touchpoint(&s, "Zalo").total.csat, 1.5));
        assert_eq!(touchpoint(&s, "Store").total.csat, None);
    }

    #[test]
    fn nps_is_promoters_minus_detractors_over_answers() {
        let s = aggregate(&rows(), &[]);
        // Web: 9 and 10 → +100. Zalo: 6 and 0 → −100. Store: a 7 (passive) → 0.
        assert!(close(touchpoint(&s, "Web").total.nps, 100.0));
        assert!(close(touchpoint(&s, "Zalo").total.nps, -100.0));
        assert!(close(touchpoint(&s, "Store").total.nps, 0.0));
        assert_eq!(touchpoint(&s, "Store").total.nps_answers, 1);
        // Overall: 9, 6, 10, 0, 7 → (2 − 2) / 5.
        assert!(close(s.overall.nps, 0.0));
    }

    #[test]
    fn stage_continuation_is_the_share_of_a_stages_customers_who_reach_the_next() {
        let s = aggregate(&rows(), &["Aware", "Consider", "Buy"]);
        let names: Vec<&str> = s.stages.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(names, ["Aware", "Consider", "Buy"]);
        // Aware {c1, c2} → Consider {c1, c3}: c1 goes on. Consider → Buy {c3, c4}: c3.
        assert_eq!(s.stages[0].customers, 2);
        assert!(close(s.stages[0].continuation, 0.5));
        assert!(close(s.stages[1].continuation, 0.5));
        assert_eq!(s.stages[2].continuation, None, "the last stage has no next");
    }

    #[test]
    fn stages_not_on_the_map_follow_in_code_point_order() {
        let s = aggregate(&rows(), &["buy "]);
        let names: Vec<&str> = s.stages.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(names, ["Buy", "Aware", "Consider"]);
    }

    #[test]
    fn every_figure_is_also_kept_per_calendar_month() {
        let s = aggregate(&rows(), &["Aware", "Consider", "Buy"]);
        let web = touchpoint(&s, "Web");
        let months: Vec<&str> = web.months.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(months, ["2026-03", "2026-04"]);
        // March: c1 and c2; c1 converted in March. April: c2 alone, who never converted.
        let (march, april) = (&web.months[0].1, &web.months[1].1);
        assert_eq!((march.events, march.customers), (2, 2));
        assert!(close(march.conversion_rate, 0.5));
        assert!(close(april.conversion_rate, 0.0));
        assert!(close(april.csat, 5.0));
        // Aware in March {c1, c2}, Consider in March {c1}: half go on.
        let aware = &s.stages[0];
        assert_eq!(aware.months[0], ("2026-03".to_owned(), 2, Some(0.5)));
        // April: Aware {c2}, Consider {c3}: nobody goes on.
        assert_eq!(aware.months[1], ("2026-04".to_owned(), 1, Some(0.0)));
    }

    #[test]
    fn rows_without_timestamps_have_no_months() {
        let mut rows = rows();
        for r in &mut rows {
            r.when = None;
        }
        let s = aggregate(&rows, &[]);
        assert!(s.touchpoints.iter().all(|t| t.months.is_empty()));
        assert_eq!(touchpoint(&s, "Web").total.events, 3);
    }

    #[test]
    fn a_pre_aggregated_table_is_taken_as_given_with_its_periods() {
        let mut agg = Aggregator::new();
        let row = |stage, subject: &str, metric, value, period: Option<&str>| AggregateRow {
            line: 2,
            stage,
            subject: subject.to_owned(),
            metric,
            value,
            period: period.map(str::to_owned),
        };
        for r in [
            row(false, "Zalo OA", MetricKind::Customers, 120.0, None),
            row(false, "Zalo OA", MetricKind::ConversionRate, 0.031, None),
            row(false, "Zalo OA", MetricKind::Csat, 3.4, Some("2026-03")),
            row(false, "Website", MetricKind::Nps, -12.0, None),
            row(true, "Mua hàng", MetricKind::Customers, 80.0, None),
            row(true, "Mua hàng", MetricKind::Continuation, 0.4, None),
        ] {
            agg.add_aggregate(&r);
        }
        let s = agg.finish(&[]);
        let zalo = touchpoint(&s, "Zalo OA");
        assert_eq!(zalo.total.customers, 120);
        assert!(close(zalo.total.conversion_rate, 0.031));
        assert_eq!(zalo.months.len(), 1);
        assert!(close(zalo.months[0].1.csat, 3.4));
        assert!(close(touchpoint(&s, "Website").total.nps, -12.0));
        assert_eq!(s.stages.len(), 1);
        assert_eq!(s.stages[0].customers, 80);
        assert!(close(s.stages[0].continuation, 0.4));
    }

    #[test]
    fn the_dry_run_tables_have_the_documented_headers_and_up_to_six_decimals() {
        let s = aggregate(&rows(), &["Aware", "Consider", "Buy"]);
        assert_eq!(
            touchpoint_table_csv(&s),
            "touchpoint,events,customers,conversion_rate,csat,nps\n\
             Store,2,2,0.5,,0\n\
             Web,3,2,0.5,4.5,100\n\
             Zalo,2,2,1,1.5,-100\n"
        );
        assert_eq!(
            stage_table_csv(&s),
            "stage,customers,continuation\nAware,2,0.5\nConsider,2,0.5\nBuy,2,\n"
        );
        assert_eq!(decimal6(1.0 / 3.0), "0.333333");
        assert_eq!(decimal6(-0.0000001), "0");
        assert_eq!(decimal6(2.0), "2");
        assert_eq!(csv_cell("Zalo, OA \"mới\""), "\"Zalo, OA \"\"mới\"\"\"");
    }

    #[test]
    fn months_are_named_by_year_and_month() {
        assert_eq!(
            month_name(month_of(jiff::civil::date(2026, 1, 31).at(0, 0, 0, 0))),
            "2026-01"
        );
        assert_eq!(
            month_name(month_of(jiff::civil::date(1999, 12, 1).at(0, 0, 0, 0))),
            "1999-12"
        );
    }
}

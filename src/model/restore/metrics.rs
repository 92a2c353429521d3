//! Customer data: links to cards and stages that are gone (aliases, targets, the matched card
//! or stage of a snapshot's value, `Measured` evidence) and numbers out of range.
//!
//! Targets and evidence are dropped in a first pass, on the map as parsed, by
//! [`keeps_target`] and [`keeps_evidence`]: the loader asks the same questions of the parsed
//! map to find again the element a field it does not know belongs to.

use std::collections::BTreeSet;

use super::{Restorer, short};
use crate::model::ids::Id;
use crate::model::map::{Evidence, JourneyMap};
use crate::model::metric_rules::{NumberRepair, repair_snapshot};
use crate::model::metrics::Target;
use crate::model::warning::{Arg, Subject, text};

/// Whether restore keeps `target` of `map` as parsed: its subject is a card or a stage of the
/// map, and its value is a number.
pub fn keeps_target(map: &JourneyMap, target: &Target) -> bool {
    target.value.is_finite() && (is_card(map, &target.subject) || is_stage(map, &target.subject))
}

/// Whether restore keeps `evidence` of `map` as parsed: anything but a `Measured` link to a
/// card that is not in the map.
pub fn keeps_evidence(map: &JourneyMap, evidence: &Evidence) -> bool {
    match evidence {
        Evidence::Measured { card, .. } => is_card(map, card),
        _ => true,
    }
}

/// An empty id never counts: the element that has one gets a fresh id, so a link to "" could
/// not follow it.
fn is_card(map: &JourneyMap, id: &Id) -> bool {
    !id.as_str().is_empty() && map.cards.iter().any(|c| &c.id == id)
}

fn is_stage(map: &JourneyMap, id: &Id) -> bool {
    !id.as_str().is_empty() && map.stages.iter().any(|s| &s.id == id)
}

impl Restorer {
    /// Drops targets of cards or stages that are not in the map (or that are not a number)
    /// and `Measured` evidence of cards that are not, before any id is repaired.
    pub(super) fn drop_dangling_metric_links(&mut self, map: &mut JourneyMap) {
        let kept: Vec<bool> = map
            .metrics
            .targets
            .iter()
            .map(|t| keeps_target(map, t))
            .collect();
        let mut keep = kept.iter();
        let mut dropped = Vec::new();
        map.metrics.targets.retain(|t| {
            let keep = keep.next().copied().unwrap_or(true);
            if !keep {
                dropped.push(t.clone());
            }
            keep
        });
        for target in dropped {
            let key = if target.value.is_finite() {
                "warn-target-missing"
            } else {
                "warn-target-nan"
            };
            self.warn(
                key,
                vec![
                    ("subject", Arg::Subject(Subject::Metrics)),
                    ("metric", text(target.metric.name())),
                    ("id", text(&target.subject)),
                ],
            );
        }

        let cards: BTreeSet<Id> = map
            .cards
            .iter()
            .map(|c| c.id.clone())
            .filter(|id| !id.as_str().is_empty())
            .collect();
        for card in &mut map.cards {
            let Some(pain) = &mut card.pain else {
                continue;
            };
            let mut gone = Vec::new();
            pain.evidence.retain(|e| match e {
                Evidence::Measured { card, metric } if !cards.contains(card) => {
                    gone.push((card.clone(), *metric));
                    false
                }
                _ => true,
            });
            for (id, metric) in gone {
                let subject = Subject::Card {
                    id: Some(card.id.clone()),
                    text: short(&card.text),
                };
                self.warn(
                    "warn-measured-missing",
                    vec![
                        ("subject", Arg::Subject(subject)),
                        ("metric", text(metric.name())),
                        ("id", text(id)),
                    ],
                );
            }
        }
    }

    /// After ids are repaired: aliases of cards that are gone are removed, a snapshot's value
    /// matched to a card or stage that is gone becomes unmatched, targets and numbers out of
    /// range are clamped and numbers that are not numbers removed.
    pub(super) fn fix_metrics(&mut self, map: &mut JourneyMap) {
        let cards: BTreeSet<Id> = map.cards.iter().map(|c| c.id.clone()).collect();
        let stages: BTreeSet<Id> = map.stages.iter().map(|s| s.id.clone()).collect();
        let metrics = &mut map.metrics;

        let mut dropped = Vec::new();
        metrics.aliases.retain(|(value, card)| {
            let keep = cards.contains(card);
            if !keep {
                dropped.push((value.clone(), card.clone()));
            }
            keep
        });
        for (value, card) in dropped {
            self.warn(
                "warn-alias-missing",
                vec![
                    ("subject", Arg::Subject(Subject::Metrics)),
                    ("value", text(short(&value))),
                    ("id", text(card)),
                ],
            );
        }

        for target in &mut metrics.targets {
            let (low, high) = target.metric.range();
            if target.value < low || target.value > high {
                let fixed = target.value.clamp(low, high);
                self.warn(
                    "warn-target-range",
                    vec![
                        ("subject", Arg::Subject(Subject::Metrics)),
                        ("metric", text(target.metric.name())),
                        ("found", text(target.value)),
                        ("id", text(&target.subject)),
                        ("range", text(target.metric.range_text())),
                        ("fixed", text(fixed)),
                    ],
                );
                target.value = fixed;
            }
        }

        for (i, snapshot) in metrics.snapshots.iter_mut().enumerate() {
            let subject_arg = Arg::Subject(Subject::Snapshot {
                number: i + 1,
                file: short(&snapshot.source.file_name),
            });
            for touchpoint in &mut snapshot.touchpoints {
                if let Some(card) = touchpoint.card.take_if(|c| !cards.contains(c)) {
                    self.warn(
                        "warn-snapshot-card-missing",
                        vec![
                            ("subject", subject_arg.clone()),
                            ("value", text(short(&touchpoint.value))),
                            ("id", text(card)),
                        ],
                    );
                }
            }
            for stage in &mut snapshot.stages {
                if let Some(id) = stage.stage.take_if(|s| !stages.contains(s)) {
                    self.warn(
                        "warn-snapshot-stage-missing",
                        vec![
                            ("subject", subject_arg.clone()),
                            ("value", text(short(&stage.value))),
                            ("id", text(id)),
                        ],
                    );
                }
            }
            let mut repairs = Vec::new();
            repair_snapshot(snapshot, |value, metric, repair| {
                let value = value.map_or_else(|| "all customers".to_owned(), short);
                repairs.push((value, metric, repair));
            });
            for (value, metric, repair) in repairs {
                let mut args = vec![
                    ("subject", subject_arg.clone()),
                    ("metric", text(metric.name())),
                    ("value", text(value)),
                ];
                let key = match repair {
                    NumberRepair::NotANumber => "warn-metric-nan",
                    NumberRepair::OutOfRange { found, fixed } => {
                        args.push(("found", text(found)));
                        args.push(("range", text(metric.range_text())));
                        args.push(("fixed", text(fixed)));
                        "warn-metric-range"
                    }
                };
                self.warn(key, args);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::testing::zalo_oa_map;
    use crate::model::{
        Card, DataSource, Direction, Evidence, Id, JourneyMap, MetricKind, MetricSnapshot,
        MetricValues, PainPoint, PainStatus, StageMetrics, Target, TouchpointMetrics, restore,
        validate,
    };

    /// Stage s1 (step st2), a touchpoint card c4 and a pain point c5, with customer data that
    /// is all valid.
    fn map() -> JourneyMap {
        let mut map = zalo_oa_map();
        let mut pain = Card::new(
            Id::new("c5"),
            Id::new("st2"),
            Id::new("l3"),
            "Ít chuyển đổi",
        );
        pain.pain = Some(PainPoint {
            severity: 3,
            votes: 0,
            evidence: vec![
                Evidence::Text("trước".into()),
                Evidence::Measured {
                    card: Id::new("c4"),
                    metric: MetricKind::ConversionRate,
                },
            ],
            status: PainStatus::Open,
            owner: String::new(),
            anchor: None,
        });
        map.cards.push(pain);
        map.next_id = 6;
        map.metrics.aliases.push(("zalo_oa".into(), Id::new("c4")));
        map.metrics.targets.push(Target {
            subject: Id::new("c4"),
            metric: MetricKind::ConversionRate,
            value: 0.05,
            direction: Direction::Higher,
        });
        map.metrics.snapshots.push(MetricSnapshot {
            source: DataSource {
                file_name: "q3.csv".into(),
                ..DataSource::default()
            },
            touchpoints: vec![TouchpointMetrics {
                value: "Zalo OA".into(),
                card: Some(Id::new("c4")),
                total: MetricValues {
                    customers: 10,
                    conversion_rate: Some(0.3),
                    csat: Some(4.0),
                    nps: Some(20.0),
                    ..MetricValues::default()
                },
                months: vec![("2026-03".into(), MetricValues::default())],
            }],
            stages: vec![StageMetrics {
                value: "Mua".into(),
                stage: Some(Id::new("s1")),
                customers: 10,
                continuation: Some(0.5),
                months: Vec::new(),
            }],
            ..MetricSnapshot::default()
        });
        map
    }

    fn keys(map: &mut JourneyMap) -> Vec<&'static str> {
        restore(map).iter().map(|w| w.key).collect()
    }

    #[test]
    fn valid_customer_data_needs_no_repair() {
        assert_eq!(validate(&map()), vec![]);
    }

    #[test]
    fn links_to_cards_and_stages_that_are_gone_are_cleared_or_dropped() {
        let mut map = map();
        map.cards.retain(|c| c.id.as_str() != "c4");
        map.stages[0].id = Id::new("s9");
        let found = keys(&mut map);
        for key in [
            "warn-target-missing",
            "warn-measured-missing",
            "warn-alias-missing",
            "warn-snapshot-card-missing",
            "warn-snapshot-stage-missing",
        ] {
            assert!(found.contains(&key), "{key} not in {found:?}");
        }
        let m = &map.metrics;
        assert!(m.targets.is_empty() && m.aliases.is_empty());
        assert_eq!(m.snapshots[0].touchpoints[0].card, None);
        assert_eq!(m.snapshots[0].stages[0].stage, None);
        // The numbers stay, unmatched; the other evidence stays.
        assert_eq!(m.snapshots[0].touchpoints[0].total.customers, 10);
        let pain = map.cards[0].pain.as_ref().unwrap_or_else(|| unreachable!());
        assert_eq!(pain.evidence, [Evidence::Text("trước".into())]);
        assert_eq!(validate(&map), vec![]);
    }

    #[test]
    fn numbers_out_of_range_are_clamped_and_not_numbers_removed() {
        let mut map = map();
        let snapshot = &mut map.metrics.snapshots[0];
        snapshot.overall.conversion_rate = Some(f64::NAN);
        let total = &mut snapshot.touchpoints[0].total;
        total.conversion_rate = Some(1.7);
        total.csat = Some(0.0);
        total.nps = Some(f64::INFINITY);
        snapshot.touchpoints[0].months[0].1.nps = Some(-140.0);
        snapshot.stages[0].continuation = Some(-0.5);
        map.metrics.targets[0].value = 3.0;
        map.metrics.targets.push(Target {
            subject: Id::new("s1"),
            metric: MetricKind::Continuation,
            value: f64::NAN,
            direction: Direction::Lower,
        });
        let warnings = restore(&mut map);
        let found: Vec<&str> = warnings.iter().map(|w| w.key).collect();
        assert_eq!(
            found,
            [
                "warn-target-nan",
                "warn-target-range",
                "warn-metric-nan",
                "warn-metric-range",
                "warn-metric-range",
                "warn-metric-nan",
                "warn-metric-range",
                "warn-metric-range",
            ]
        );
        assert_eq!(
            warnings[2].message,
            "data import 1 \"q3.csv\": conversion_rate of \"all customers\" is not a number; removed it"
        );
        assert_eq!(
            warnings[3].message,
            "data import 1 \"q3.csv\": conversion_rate 1.7 of \"Zalo OA\" is out of range 0–1; set to 1"
        );
        let snapshot = &map.metrics.snapshots[0];
        let total = &snapshot.touchpoints[0].total;
        assert_eq!(snapshot.overall.conversion_rate, None);
        assert_eq!(
            (total.conversion_rate, total.csat, total.nps),
            (Some(1.0), Some(1.0), None)
        );
        assert_eq!(snapshot.touchpoints[0].months[0].1.nps, Some(-100.0));
        assert_eq!(snapshot.stages[0].continuation, Some(0.0));
        assert_eq!(map.metrics.targets.len(), 1);
        assert!((map.metrics.targets[0].value - 1.0).abs() < f64::EPSILON);
        assert_eq!(validate(&map), vec![]);
    }

    #[test]
    fn data_texts_are_cleaned_and_put_in_nfc() {
        let mut map = map();
        map.metrics.snapshots[0].touchpoints[0].value =
            "Đie\u{0302}\u{0309}m ba\u{0301}n\u{7}".into();
        map.metrics.ignored.push("te\u{0302}\u{0301}t".into());
        let warnings = restore(&mut map);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(
            warnings[0].message,
            "data import 1 \"q3.csv\" touchpoints: removed 1 control character"
        );
        assert_eq!(map.metrics.snapshots[0].touchpoints[0].value, "Điểm bán");
        assert_eq!(map.metrics.ignored, ["tết"]);
    }

    #[test]
    fn renumbered_ids_carry_the_data_links_along() {
        let mut map = map();
        let huge = Id::new(format!("c{}", crate::model::MAX_ID_NUMBER + 5));
        map.cards[0].id = huge.clone();
        map.metrics.for_each_ref_mut(|id| {
            if id.as_str() == "c4" {
                huge.clone_into(id);
            }
        });
        if let Some(pain) = &mut map.cards[1].pain {
            pain.evidence[1] = Evidence::Measured {
                card: huge.clone(),
                metric: MetricKind::ConversionRate,
            };
        }
        restore(&mut map);
        let new = map.cards[0].id.clone();
        assert_ne!(new, huge);
        assert_eq!(map.metrics.aliases[0].1, new);
        assert_eq!(map.metrics.targets[0].subject, new);
        assert_eq!(
            map.metrics.snapshots[0].touchpoints[0].card,
            Some(new.clone())
        );
        let pain = map.cards[1].pain.as_ref().unwrap_or_else(|| unreachable!());
        assert!(matches!(&pain.evidence[1], Evidence::Measured { card, .. } if *card == new));
    }
}

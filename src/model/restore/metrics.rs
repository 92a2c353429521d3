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

//! Links and values: stages without steps, cards whose step or lane is gone, values out of
//! range, links to cards that are gone, pain markers pinned to nothing, and curve points.

use std::collections::{BTreeMap, BTreeSet};

use super::{Restorer, short};
use crate::model::ids::{Id, IdGen, IdKind};
use crate::model::map::{
    Card, EMOTION_MAX, EMOTION_MIN, Evidence, JourneyMap, Lane, LaneKind, SEVERITY_MAX,
    SEVERITY_MIN, Stage, Step,
};
use crate::model::warning::{Arg, Subject, Warning, text};

impl Restorer {
    pub(super) fn fix_stages(&mut self, map: &mut JourneyMap) {
        let mut ids = IdGen::new(&mut map.next_id);
        for stage in &mut map.stages {
            if stage.steps.is_empty() {
                let step = ids.fresh(IdKind::Step);
                self.warn(
                    "warn-stage-no-steps",
                    vec![
                        (
                            "subject",
                            Arg::Subject(Subject::Stage {
                                id: None,
                                name: stage.name.clone(),
                            }),
                        ),
                        ("step", text(&step)),
                    ],
                );
                stage.steps.push(Step {
                    id: step,
                    name: String::new(),
                });
            }
        }
    }

    pub(super) fn fix_cards(&mut self, map: &mut JourneyMap) {
        let steps: BTreeSet<Id> = map.steps().map(|(_, s)| s.id.clone()).collect();
        let lanes: BTreeMap<Id, LaneKind> =
            map.lanes.iter().map(|l| (l.id.clone(), l.kind)).collect();
        let metric_cards: BTreeSet<Id> = map.cards.iter().map(|c| c.id.clone()).collect();
        let pain_cards: BTreeSet<Id> = map
            .cards
            .iter()
            .filter(|c| c.pain.is_some())
            .map(|c| c.id.clone())
            .collect();

        let mut first_step = map.steps().next().map(|(_, s)| s.id.clone());
        let mut home_lane = map
            .lanes
            .iter()
            .find(|l| l.kind.holds_cards())
            .map(|l| l.id.clone());
        let mut new_stage = None;
        let mut new_lane = None;
        let mut ids = IdGen::new(&mut map.next_id);

        for card in &mut map.cards {
            let name = Subject::Card {
                id: Some(card.id.clone()),
                text: short(&card.text),
            };
            if !steps.contains(&card.step) {
                let target = first_step.get_or_insert_with(|| {
                    let stage = Stage {
                        id: ids.fresh(IdKind::Stage),
                        name: "Recovered".to_owned(),
                        color: None,
                        steps: vec![Step {
                            id: ids.fresh(IdKind::Step),
                            name: String::new(),
                        }],
                    };
                    let step = stage.steps[0].id.clone();
                    new_stage = Some(stage);
                    step
                });
                self.warnings.push(Warning::new(
                    "warn-card-step",
                    vec![
                        ("subject", Arg::Subject(name.clone())),
                        ("step", text(&card.step)),
                        ("target", text(&*target)),
                    ],
                ));
                card.step = target.clone();
            }
            let lane_ok = lanes.get(&card.lane).is_some_and(|k| k.holds_cards());
            if !lane_ok {
                let target = home_lane.get_or_insert_with(|| {
                    let lane = Lane {
                        id: ids.fresh(IdKind::Lane),
                        name: "Notes".to_owned(),
                        kind: LaneKind::Text,
                    };
                    let id = lane.id.clone();
                    new_lane = Some(lane);
                    id
                });
                let key = if lanes.contains_key(&card.lane) {
                    "warn-card-emotion-lane"
                } else {
                    "warn-card-lane"
                };
                self.warnings.push(Warning::new(
                    key,
                    vec![
                        ("subject", Arg::Subject(name.clone())),
                        ("lane", text(&card.lane)),
                        ("target", text(&*target)),
                    ],
                ));
                card.lane = target.clone();
            }
            self.fix_card_values(card, &name, &metric_cards, &pain_cards);
        }
        map.stages.extend(new_stage);
        map.lanes.extend(new_lane);
    }

    fn fix_card_values(
        &mut self,
        card: &mut Card,
        name: &Subject,
        cards: &BTreeSet<Id>,
        pain_cards: &BTreeSet<Id>,
    ) {
        if let Some(pain) = &mut card.pain {
            if !(SEVERITY_MIN..=SEVERITY_MAX).contains(&pain.severity) {
                let fixed = pain.severity.clamp(SEVERITY_MIN, SEVERITY_MAX);
                self.warn(
                    "warn-severity",
                    vec![
                        ("subject", Arg::Subject(name.clone())),
                        ("found", text(pain.severity)),
                        ("fixed", text(fixed)),
                    ],
                );
                pain.severity = fixed;
            }
            for evidence in &mut pain.evidence {
                if let Evidence::Metric(id) = evidence
                    && !cards.contains(id)
                {
                    self.warnings.push(Warning::new(
                        "warn-metric-missing",
                        vec![("subject", Arg::Subject(name.clone())), ("id", text(&*id))],
                    ));
                    *evidence = Evidence::Text(format!("metric {id} (missing)"));
                }
            }
        }
        if let Some(opp) = &mut card.opportunity {
            for (key, value) in [
                ("warn-impact", &mut opp.impact),
                ("warn-effort", &mut opp.effort),
            ] {
                if !(1..=5).contains(value) {
                    let fixed = (*value).clamp(1, 5);
                    self.warnings.push(Warning::new(
                        key,
                        vec![
                            ("subject", Arg::Subject(name.clone())),
                            ("found", text(*value)),
                            ("fixed", text(fixed)),
                        ],
                    ));
                    *value = fixed;
                }
            }
            let mut seen = BTreeSet::new();
            let mut dropped = Vec::new();
            opp.addresses.retain(|id| {
                let keep = pain_cards.contains(id) && seen.insert(id.clone());
                if !keep {
                    dropped.push(id.clone());
                }
                keep
            });
            for id in dropped {
                self.warn(
                    "warn-link-removed",
                    vec![("subject", Arg::Subject(name.clone())), ("id", text(id))],
                );
            }
        }
    }

    /// A pain marker pinned to a card or curve point that is gone stays a pain point, unpinned.
    pub(super) fn fix_anchors(&mut self, map: &mut JourneyMap) {
        let dangling: Vec<usize> = map
            .cards
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.pain
                    .as_ref()
                    .and_then(|p| p.anchor.as_ref())
                    .is_some_and(|a| !map.anchor_fits(c, a))
            })
            .map(|(i, _)| i)
            .collect();
        for i in dangling {
            let card = &mut map.cards[i];
            let name = Subject::PainPoint {
                text: short(&card.text),
            };
            if let Some(pain) = &mut card.pain {
                pain.anchor = None;
            }
            self.warn("warn-unpinned", vec![("subject", Arg::Subject(name))]);
        }
    }

    pub(super) fn fix_curves(&mut self, map: &mut JourneyMap) {
        let order: BTreeMap<Id, usize> = map
            .steps()
            .enumerate()
            .map(|(i, (_, s))| (s.id.clone(), i))
            .collect();
        for curve in &mut map.curves {
            let mut seen = BTreeSet::new();
            let mut dropped = Vec::new();
            curve.points.retain(|p| {
                let keep = order.contains_key(&p.step) && seen.insert(p.step.clone());
                if !keep {
                    dropped.push(p.step.clone());
                }
                keep
            });
            let subject = || {
                Arg::Subject(Subject::Curve {
                    id: None,
                    name: curve.name.clone(),
                })
            };
            for step in dropped {
                let key = if order.contains_key(&step) {
                    "warn-point-twice"
                } else {
                    "warn-point-no-step"
                };
                self.warn(key, vec![("subject", subject()), ("step", text(step))]);
            }
            for point in &mut curve.points {
                if !point.score.is_finite() {
                    self.warn(
                        "warn-score-nan",
                        vec![("subject", subject()), ("step", text(&point.step))],
                    );
                    point.score = 0.0;
                } else if !(EMOTION_MIN..=EMOTION_MAX).contains(&point.score) {
                    let fixed = point.score.clamp(EMOTION_MIN, EMOTION_MAX);
                    self.warn(
                        "warn-score-range",
                        vec![
                            ("subject", subject()),
                            ("found", text(point.score)),
                            ("step", text(&point.step)),
                            ("fixed", text(fixed)),
                        ],
                    );
                    point.score = fixed;
                }
                if point.emoji.as_ref().is_some_and(|e| e.trim().is_empty()) {
                    point.emoji = None;
                }
            }
            // Points are kept in step order so the file reads left to right.
            curve
                .points
                .sort_by_key(|p| order.get(&p.step).copied().unwrap_or(usize::MAX));
        }
    }
}

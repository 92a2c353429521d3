//! Restore: repair a freshly parsed map so the rest of the program can trust it.
//!
//! Like excalidraw's `restore`, this never refuses a map it can make sense of: it fixes what is
//! wrong (duplicate or dangling ids, values out of range, steps missing) and says what it did,
//! so the user loses nothing and learns what was off. [`validate`] is the same pass on a copy,
//! used by `journeymap check`.

use std::collections::{BTreeMap, BTreeSet};

use super::chars::clean_text;
use super::ids::{Id, IdGen, IdKind, MAX_ID_NUMBER};
use super::map::{
    Card, EMOTION_MAX, EMOTION_MIN, Evidence, JourneyMap, Lane, LaneKind, SEVERITY_MAX,
    SEVERITY_MIN, Stage, Step,
};
use super::text::{TextOwner, TextPlace, for_each_text_at_mut, make_nfc};
use super::warning::{Arg, Subject, Warning, text};

/// Lists what [`restore`] would repair, without changing the map.
pub fn validate(map: &JourneyMap) -> Vec<Warning> {
    let mut copy = map.clone();
    restore(&mut copy)
}

/// Repairs `map` in place and returns one warning per repair. A map with no warnings is valid.
pub fn restore(map: &mut JourneyMap) -> Vec<Warning> {
    let mut r = Restorer::default();
    r.clean_texts(map);
    r.check_header(map);
    r.renumber_ids(map);
    r.fix_ids(map);
    r.fix_stages(map);
    r.fix_cards(map);
    r.fix_curves(map);
    r.fix_anchors(map);
    r.settle_ids(map);
    r.warnings
}

#[derive(Default)]
struct Restorer {
    warnings: Vec<Warning>,
}

impl Restorer {
    fn warn(&mut self, key: &'static str, args: Vec<(&'static str, Arg)>) {
        self.warnings.push(Warning::new(key, args));
    }

    /// Removes control and bidi override characters from every text (naming where) and puts
    /// every text in NFC.
    fn clean_texts(&mut self, map: &mut JourneyMap) {
        let mut cleaned = Vec::new();
        for_each_text_at_mut(map, |place, s| {
            let removed = clean_text(s);
            make_nfc(s);
            if removed > 0 {
                cleaned.push((place, removed));
            }
        });
        for (place, removed) in cleaned {
            let (subject, field) = text_place(map, place);
            let key = if removed == 1 {
                "warn-text-cleaned-one"
            } else {
                "warn-text-cleaned"
            };
            self.warn(
                key,
                vec![
                    ("subject", Arg::Subject(subject)),
                    ("field", text(field)),
                    ("count", text(removed)),
                ],
            );
        }
    }

    /// Gives a fresh id to every element whose id number is above [`MAX_ID_NUMBER`] or whose
    /// id holds control characters, and updates every link to it; brings `next_id` back to at
    /// most [`MAX_ID_NUMBER`] + 1. When the fresh ids would not fit below the largest id
    /// number, every id is renumbered from 1 instead.
    fn renumber_ids(&mut self, map: &mut JourneyMap) {
        let mut highest = 0;
        let mut bad = 0u64;
        map.for_each_own_id_mut(|_, id| {
            if out_of_range(id) {
                bad += 1;
            } else if let Some(n) = id.number() {
                highest = highest.max(n);
            }
        });
        if map.next_id > MAX_ID_NUMBER + 1 {
            self.warn(
                "warn-next-id-too-large",
                vec![
                    ("found", text(map.next_id)),
                    ("max", text(MAX_ID_NUMBER)),
                    ("fixed", text(highest + 1)),
                ],
            );
            map.next_id = highest + 1;
        }
        if bad == 0 {
            return;
        }
        let start = map.next_id.max(highest + 1);
        if start.saturating_add(bad - 1) > MAX_ID_NUMBER {
            self.compact_ids(map);
            return;
        }
        for (old, new) in renumber(map, start, out_of_range) {
            let key = if old.has_control_characters() {
                "warn-id-control"
            } else {
                "warn-id-too-large"
            };
            self.warn(
                key,
                vec![
                    ("id", text(old)),
                    ("new", text(new)),
                    ("max", text(MAX_ID_NUMBER)),
                ],
            );
        }
    }

    /// Renumbers every id from 1 (updating the links), for a map whose ids reach the largest
    /// id number.
    fn compact_ids(&mut self, map: &mut JourneyMap) {
        renumber(map, 1, |id| out_of_range(id) || id.number().is_some());
        self.warn("warn-ids-compacted", vec![("max", text(MAX_ID_NUMBER))]);
    }

    /// The last pass: if the repairs handed out ids past the largest id number (possible only
    /// when `next_id` was at its very top), renumbers every id from 1.
    fn settle_ids(&mut self, map: &mut JourneyMap) {
        if map.next_id > MAX_ID_NUMBER + 1 {
            self.compact_ids(map);
        }
    }

    fn check_header(&mut self, map: &mut JourneyMap) {
        if map.goals.len() > 3 {
            self.warn("warn-goals", vec![("count", text(map.goals.len()))]);
        }
        if !(1..=36).contains(&map.review.cadence_months) {
            let fixed = map.review.cadence_months.clamp(1, 36);
            self.warn(
                "warn-cadence",
                vec![
                    ("found", text(map.review.cadence_months)),
                    ("fixed", text(fixed)),
                ],
            );
            map.review.cadence_months = fixed;
        }
        if map.language.trim().is_empty() {
            self.warn("warn-language", vec![]);
            "en".clone_into(&mut map.language);
        }
    }

    /// Makes every id unique and non-empty, and `next_id` larger than any id in use.
    fn fix_ids(&mut self, map: &mut JourneyMap) {
        let highest = all_ids(map).filter_map(Id::number).max().unwrap_or(0);
        if map.next_id != 0 && map.next_id <= highest {
            self.warn(
                "warn-next-id-low",
                vec![
                    ("found", text(map.next_id)),
                    ("highest", text(highest)),
                    ("fixed", text(highest.saturating_add(1))),
                ],
            );
        }
        map.next_id = map.next_id.max(highest.saturating_add(1));

        let mut seen = BTreeSet::new();
        let mut ids = IdGen::new(&mut map.next_id);
        let mut check = |id: &mut Id, kind: IdKind, what: Subject, warnings: &mut Vec<Warning>| {
            if id.as_str().trim().is_empty() || !seen.insert(id.clone()) {
                let fresh = ids.fresh(kind);
                let warning = if id.as_str().trim().is_empty() {
                    Warning::new(
                        "warn-no-id",
                        vec![("subject", Arg::Subject(what)), ("fresh", text(&fresh))],
                    )
                } else {
                    Warning::new(
                        "warn-id-twice",
                        vec![
                            ("id", text(&*id)),
                            ("subject", Arg::Subject(what)),
                            ("fresh", text(&fresh)),
                        ],
                    )
                };
                warnings.push(warning);
                *id = fresh.clone();
                seen.insert(fresh);
            }
        };
        let w = &mut self.warnings;
        for stage in &mut map.stages {
            check(
                &mut stage.id,
                IdKind::Stage,
                Subject::Stage {
                    id: None,
                    name: stage.name.clone(),
                },
                w,
            );
            for step in &mut stage.steps {
                check(
                    &mut step.id,
                    IdKind::Step,
                    Subject::Step {
                        id: None,
                        stage: stage.name.clone(),
                    },
                    w,
                );
            }
        }
        for lane in &mut map.lanes {
            check(
                &mut lane.id,
                IdKind::Lane,
                Subject::Lane {
                    id: None,
                    name: lane.name.clone(),
                },
                w,
            );
        }
        for card in &mut map.cards {
            check(
                &mut card.id,
                IdKind::Card,
                Subject::Card {
                    id: None,
                    text: short(&card.text),
                },
                w,
            );
        }
        for curve in &mut map.curves {
            check(
                &mut curve.id,
                IdKind::Curve,
                Subject::Curve {
                    id: None,
                    name: curve.name.clone(),
                },
                w,
            );
        }
    }

    fn fix_stages(&mut self, map: &mut JourneyMap) {
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

    fn fix_cards(&mut self, map: &mut JourneyMap) {
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
    fn fix_anchors(&mut self, map: &mut JourneyMap) {
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

    fn fix_curves(&mut self, map: &mut JourneyMap) {
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

/// Whether restore must give the element with this id a fresh one: its number is above
/// [`MAX_ID_NUMBER`], or it holds control characters.
fn out_of_range(id: &Id) -> bool {
    id.has_control_characters() || id.number().is_some_and(|n| n > MAX_ID_NUMBER)
}

/// Gives every element whose id `pick`s a fresh id counting from `start`, in file order, and
/// points every link at the new ids; sets `next_id` past them. Elements sharing an id get the
/// same new one (the duplicate check comes after). Returns the (old, new) pairs.
fn renumber(map: &mut JourneyMap, start: u64, pick: impl Fn(&Id) -> bool) -> Vec<(Id, Id)> {
    let mut next = start;
    let mut ids = IdGen::new(&mut next);
    let mut mapping: BTreeMap<Id, Id> = BTreeMap::new();
    let mut renamed = Vec::new();
    map.for_each_own_id_mut(|kind, id| {
        if !pick(id) {
            return;
        }
        let new = mapping
            .entry(id.clone())
            .or_insert_with(|| {
                let fresh = ids.fresh(kind);
                renamed.push((id.clone(), fresh.clone()));
                fresh
            })
            .clone();
        *id = new;
    });
    map.next_id = next;
    map.for_each_ref_mut(|id| {
        if let Some(new) = mapping.get(id) {
            new.clone_into(id);
        }
    });
    renamed
}

/// All ids of the map's elements (not references).
fn all_ids(map: &JourneyMap) -> impl Iterator<Item = &Id> {
    map.stages
        .iter()
        .flat_map(|s| std::iter::once(&s.id).chain(s.steps.iter().map(|st| &st.id)))
        .chain(map.lanes.iter().map(|l| &l.id))
        .chain(map.cards.iter().map(|c| &c.id))
        .chain(map.curves.iter().map(|c| &c.id))
}

/// Names where a text is, for messages: `card c12 "Phí ship" text`, `map goals[1]`.
fn text_place(map: &JourneyMap, place: TextPlace) -> (Subject, String) {
    let field = match place.index {
        Some(i) => format!("{}[{i}]", place.field),
        None => place.field.to_owned(),
    };
    let missing = || Subject::Card {
        id: None,
        text: String::new(),
    };
    let owner = match place.owner {
        TextOwner::Map => Subject::Map,
        TextOwner::Persona => Subject::Persona,
        TextOwner::Stage(i) => map.stages.get(i).map_or_else(missing, |s| Subject::Stage {
            id: Some(s.id.clone()),
            name: short(&s.name),
        }),
        TextOwner::Step { stage, step } => map
            .stages
            .get(stage)
            .and_then(|s| s.steps.get(step).map(|st| (s, st)))
            .map_or_else(missing, |(s, st)| Subject::Step {
                id: Some(st.id.clone()),
                stage: short(&s.name),
            }),
        TextOwner::Lane(i) => map.lanes.get(i).map_or_else(missing, |l| Subject::Lane {
            id: Some(l.id.clone()),
            name: short(&l.name),
        }),
        TextOwner::Card(i) => map.cards.get(i).map_or_else(missing, |c| Subject::Card {
            id: Some(c.id.clone()),
            text: short(&c.text),
        }),
        TextOwner::Curve(i) => map.curves.get(i).map_or_else(missing, |c| Subject::Curve {
            id: Some(c.id.clone()),
            name: short(&c.name),
        }),
        TextOwner::CurvePoint { curve, point } => map
            .curves
            .get(curve)
            .and_then(|c| c.points.get(point).map(|p| (c, p)))
            .map_or_else(missing, |(c, p)| Subject::CurvePoint {
                id: c.id.clone(),
                name: short(&c.name),
                step: p.step.clone(),
            }),
    };
    (owner, field)
}

fn short(text: &str) -> String {
    const MAX: usize = 32;
    let first_line = text.lines().next().unwrap_or("");
    if first_line.chars().count() > MAX {
        let cut: String = first_line.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        first_line.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PainAnchor;
    use crate::model::{EmotionCurve, EmotionPoint, PainPoint};

    fn small_map() -> JourneyMap {
        let mut map = JourneyMap::new("Test");
        map.stages.push(Stage {
            id: Id::new("s1"),
            name: "Awareness".into(),
            color: None,
            steps: vec![Step {
                id: Id::new("st2"),
                name: String::new(),
            }],
        });
        map.lanes.push(Lane {
            id: Id::new("l3"),
            name: "Touchpoints".into(),
            kind: LaneKind::Touchpoints,
        });
        map.lanes.push(Lane {
            id: Id::new("l4"),
            name: "Feeling".into(),
            kind: LaneKind::Emotions,
        });
        map.cards.push(Card::new(
            Id::new("c5"),
            Id::new("st2"),
            Id::new("l3"),
            "Ad",
        ));
        map.next_id = 6;
        map
    }

    #[test]
    fn valid_map_has_no_warnings() {
        assert_eq!(validate(&small_map()), vec![]);
    }

    #[test]
    fn duplicate_ids_get_fresh_ones() {
        let mut map = small_map();
        let mut dup = map.cards[0].clone();
        dup.text = "Second".into();
        map.cards.push(dup);
        let warnings = restore(&mut map);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_ne!(map.cards[0].id, map.cards[1].id);
        assert_eq!(map.cards[1].id.as_str(), "c6");
        assert_eq!(map.next_id, 7);
        assert!(validate(&map).is_empty());
    }

    #[test]
    fn dangling_card_is_moved_not_lost() {
        let mut map = small_map();
        map.cards[0].step = Id::new("nowhere");
        map.cards[0].lane = Id::new("l4"); // the emotion lane holds no cards
        let warnings = restore(&mut map);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert_eq!(map.cards.len(), 1);
        assert_eq!(map.cards[0].step.as_str(), "st2");
        assert_eq!(map.cards[0].lane.as_str(), "l3");
    }

    #[test]
    fn card_without_any_lane_gets_a_notes_lane() {
        let mut map = small_map();
        map.lanes.retain(|l| l.kind == LaneKind::Emotions);
        restore(&mut map);
        assert_eq!(map.lanes.len(), 2);
        assert_eq!(map.cards[0].lane, map.lanes[1].id);
        assert!(validate(&map).is_empty());
    }

    #[test]
    fn out_of_range_values_are_clamped() {
        let mut map = small_map();
        map.cards[0].pain = Some(PainPoint {
            severity: 9,
            votes: 0,
            evidence: vec![Evidence::Metric(Id::new("c404"))],
            status: Default::default(),
            owner: String::new(),
            anchor: None,
        });
        map.curves.push(EmotionCurve {
            id: Id::new("cv7"),
            name: "as-is".into(),
            color: crate::model::ColorToken::Blue,
            hidden: false,
            points: vec![
                EmotionPoint {
                    step: Id::new("st2"),
                    score: f32::NAN,
                    emoji: Some(String::new()),
                    note: String::new(),
                },
                EmotionPoint {
                    step: Id::new("st2"),
                    score: 1.0,
                    emoji: None,
                    note: String::new(),
                },
            ],
        });
        map.review.cadence_months = 0;
        let warnings = restore(&mut map);
        assert_eq!(warnings.len(), 6, "{warnings:#?}");
        assert_eq!(map.cards[0].pain.as_ref().map(|p| p.severity), Some(5));
        assert_eq!(map.curves[0].points.len(), 1);
        assert!(map.curves[0].points[0].score == 0.0);
        assert_eq!(map.curves[0].points[0].emoji, None);
        assert_eq!(map.review.cadence_months, 1);
        assert!(validate(&map).is_empty());
    }

    #[test]
    fn stage_without_steps_gets_one() {
        let mut map = small_map();
        map.stages[0].steps.clear();
        map.cards.clear();
        let warnings = restore(&mut map);
        assert_eq!(warnings.len(), 1);
        assert_eq!(map.stages[0].steps.len(), 1);
    }

    #[test]
    fn dangling_anchors_are_unpinned_not_dropped() {
        let mut map = small_map();
        let step = map.stages[0].steps[0].id.clone();
        let lane = map
            .lanes
            .iter()
            .find(|l| l.kind.holds_cards())
            .map_or_else(|| panic!("no lane"), |l| l.id.clone());
        let mut card = Card::new(Id::new("c90"), step.clone(), lane, "Đau");
        card.pain = Some(crate::model::PainPoint {
            severity: 3,
            votes: 0,
            evidence: vec![],
            status: Default::default(),
            owner: String::new(),
            anchor: Some(PainAnchor::Point {
                curve: Id::new("cv404"),
                step,
            }),
        });
        map.cards.push(card);
        map.next_id = map.next_id.max(91);
        let warnings = restore(&mut map);
        assert_eq!(warnings.len(), 1, "{warnings:#?}");
        let pain = map.card(&Id::new("c90")).and_then(|c| c.pain.clone());
        assert_eq!(pain.map(|p| p.anchor), Some(None));
        assert_eq!(validate(&map), vec![]);
    }

    /// A map whose ids are all far above [`MAX_ID_NUMBER`], linked every way a map links.
    fn map_with_huge_ids() -> JourneyMap {
        let mut map = small_map();
        let huge = |prefix: &str, n: u64| Id::new(format!("{prefix}{n}"));
        let step = huge("st", u64::MAX);
        let curve = huge("cv", u64::MAX - 1);
        let metric = huge("c", u64::MAX);
        let pain = huge("c", MAX_ID_NUMBER + 1);
        map.stages[0].steps[0].id = step.clone();
        map.cards[0].step = step.clone();
        map.cards[0].id = metric.clone();
        map.curves.push(EmotionCurve {
            id: curve.clone(),
            name: "as-is".into(),
            color: crate::model::ColorToken::Blue,
            hidden: false,
            points: vec![EmotionPoint {
                step: step.clone(),
                score: -1.0,
                emoji: None,
                note: String::new(),
            }],
        });
        let mut pain_card = Card::new(pain.clone(), step.clone(), Id::new("l3"), "Đau");
        pain_card.pain = Some(PainPoint {
            severity: 3,
            votes: 0,
            evidence: vec![Evidence::Metric(metric)],
            status: Default::default(),
            owner: String::new(),
            anchor: Some(PainAnchor::Point { curve, step }),
        });
        map.cards.push(pain_card);
        let mut opp = Card::new(Id::new("c7"), huge("st", u64::MAX), Id::new("l3"), "Fix");
        opp.opportunity = Some(crate::model::Opportunity {
            impact: 3,
            effort: 2,
            votes: 0,
            addresses: vec![pain],
        });
        map.cards.push(opp);
        map.next_id = u64::MAX;
        map
    }

    #[test]
    fn ids_above_the_max_are_renumbered_with_every_link() {
        let mut map = map_with_huge_ids();
        let warnings = restore(&mut map);
        let text: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert!(
            text.iter().any(|w| w
                == "id c18446744073709551615 is above the largest id number (9007199254740992); renumbered to c9 and updated the links to it"),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|w| w.starts_with("next_id 18446744073709551615 is above")),
            "{text:#?}"
        );
        assert_eq!(validate(&map), vec![], "{map:#?}");
        let step = map.stages[0].steps[0].id.clone();
        assert_eq!(step.as_str(), "st8");
        let curve = map.curves[0].id.clone();
        assert_eq!(map.curves[0].points[0].step, step);
        assert!(map.cards.iter().all(|c| c.step == step));
        let metric = map.cards[0].id.clone();
        let pain_card = &map.cards[1];
        let pain = pain_card.pain.clone().unwrap_or_else(|| panic!("no pain"));
        assert_eq!(pain.evidence, vec![Evidence::Metric(metric)]);
        assert_eq!(pain.anchor, Some(PainAnchor::Point { curve, step }));
        let addresses = map.cards[2]
            .opportunity
            .as_ref()
            .map(|o| o.addresses.clone());
        assert_eq!(addresses, Some(vec![pain_card.id.clone()]));
        let mut numbers: Vec<u64> = all_ids(&map).filter_map(Id::number).collect();
        assert!(numbers.iter().all(|&n| n <= MAX_ID_NUMBER), "{numbers:?}");
        assert!(numbers.iter().all(|&n| n < map.next_id));
        assert!(map.next_id <= MAX_ID_NUMBER + 1);
        numbers.sort_unstable();
        numbers.dedup();
        assert_eq!(numbers.len(), all_ids(&map).count(), "ids repeat");
    }

    #[test]
    fn ids_that_cannot_fit_below_the_max_are_compacted() {
        let mut map = small_map();
        map.cards[0].id = Id::new(format!("c{MAX_ID_NUMBER}"));
        let mut second = map.cards[0].clone();
        second.id = Id::new(format!("c{}", u64::MAX));
        map.cards.push(second);
        map.next_id = MAX_ID_NUMBER + 1;
        let warnings = restore(&mut map);
        assert_eq!(warnings.len(), 1, "{warnings:#?}");
        assert!(warnings[0].message.contains("renumbered every id from 1"));
        let ids: Vec<&str> = all_ids(&map).map(Id::as_str).collect();
        assert_eq!(ids, ["s1", "st2", "l3", "l4", "c5", "c6"]);
        assert_eq!(map.next_id, 7);
        assert_eq!(map.cards[1].step.as_str(), "st2");
        assert_eq!(map.cards[1].lane.as_str(), "l3");
        assert_eq!(validate(&map), vec![]);
    }

    #[test]
    fn repairs_at_the_top_of_the_range_end_compacted() {
        // A valid map whose counter is at its very end, with a duplicate id to repair: the
        // repair's fresh id would be out of range, so restore renumbers every id.
        let mut map = small_map();
        map.cards[0].id = Id::new(format!("c{MAX_ID_NUMBER}"));
        let second = map.cards[0].clone();
        map.cards.push(second);
        map.next_id = MAX_ID_NUMBER + 1;
        let warnings = restore(&mut map);
        assert_eq!(warnings.len(), 2, "{warnings:#?}");
        assert!(warnings[1].message.contains("renumbered every id from 1"));
        let ids: Vec<&str> = all_ids(&map).map(Id::as_str).collect();
        assert_eq!(ids, ["s1", "st2", "l3", "l4", "c5", "c6"]);
        assert_eq!(map.next_id, 7);
        assert_eq!(validate(&map), vec![]);
    }

    #[test]
    fn ids_with_control_characters_are_renumbered() {
        let mut map = small_map();
        map.cards[0].id = Id::new("c5\u{1b}]0;pwned\u{7}");
        let warnings = restore(&mut map);
        let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "id c5\\u{1b}]0;pwned\\u{7} contains control characters; renumbered to c6 and updated the links to it"
            ]
        );
        assert_eq!(warnings[0].key, "warn-id-control");
        assert_eq!(map.cards[0].id.as_str(), "c6");
        assert_eq!(map.next_id, 7);
    }

    #[test]
    fn control_characters_are_removed_and_located() {
        let mut map = small_map();
        map.cards[0].text = "Ad\u{7}\u{1b}[2J".into();
        map.stages[0].name = "Aware\u{202e}ness".into();
        map.goals = vec!["ok".into(), "bad\r\n".into()];
        let warnings: Vec<String> = restore(&mut map).iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "map goals[1]: removed 1 control character",
                "stage s1 \"Awareness\" name: removed 1 control character",
                "card c5 \"Ad[2J\" text: removed 2 control characters",
            ]
        );
        assert_eq!(map.cards[0].text, "Ad[2J");
        assert_eq!(map.goals[1], "bad\n");
        assert!(validate(&map).is_empty());
    }
}

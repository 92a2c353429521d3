//! Restore: repair a freshly parsed map so the rest of the program can trust it.
//!
//! Like excalidraw's `restore`, this never refuses a map it can make sense of: it fixes what is
//! wrong (duplicate or dangling ids, values out of range, steps missing) and says what it did,
//! so the user loses nothing and learns what was off. [`validate`] is the same pass on a copy,
//! used by `journeymap check`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::ids::{Id, IdGen, IdKind};
use super::map::{
    Card, EMOTION_MAX, EMOTION_MIN, Evidence, JourneyMap, Lane, LaneKind, SEVERITY_MAX,
    SEVERITY_MIN, Stage, Step,
};
use super::text::{for_each_text_mut, make_nfc};

/// Something restore found wrong and repaired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// What was wrong and what was done about it, in one sentence.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Lists what [`restore`] would repair, without changing the map.
pub fn validate(map: &JourneyMap) -> Vec<Warning> {
    let mut copy = map.clone();
    restore(&mut copy)
}

/// Repairs `map` in place and returns one warning per repair. A map with no warnings is valid.
pub fn restore(map: &mut JourneyMap) -> Vec<Warning> {
    let mut r = Restorer::default();
    for_each_text_mut(map, |s| {
        make_nfc(s);
    });
    r.check_header(map);
    r.fix_ids(map);
    r.fix_stages(map);
    r.fix_cards(map);
    r.fix_curves(map);
    r.fix_anchors(map);
    r.warnings
}

#[derive(Default)]
struct Restorer {
    warnings: Vec<Warning>,
}

impl Restorer {
    fn warn(&mut self, message: String) {
        self.warnings.push(Warning { message });
    }

    fn check_header(&mut self, map: &mut JourneyMap) {
        if map.goals.len() > 3 {
            self.warn(format!(
                "the map has {} business goals; keep it to 1–3 so the map stays focused",
                map.goals.len()
            ));
        }
        if !(1..=36).contains(&map.review.cadence_months) {
            let fixed = map.review.cadence_months.clamp(1, 36);
            self.warn(format!(
                "review cadence of {} months is out of range 1–36; set to {fixed}",
                map.review.cadence_months
            ));
            map.review.cadence_months = fixed;
        }
        if map.language.trim().is_empty() {
            self.warn("the content language is empty; set to \"en\"".to_owned());
            "en".clone_into(&mut map.language);
        }
    }

    /// Makes every id unique and non-empty, and `next_id` larger than any id in use.
    fn fix_ids(&mut self, map: &mut JourneyMap) {
        let highest = all_ids(map).filter_map(Id::number).max().unwrap_or(0);
        if map.next_id != 0 && map.next_id <= highest {
            self.warn(format!(
                "next_id {} is not above the highest id in use ({highest}); set to {}",
                map.next_id,
                highest + 1
            ));
        }
        map.next_id = map.next_id.max(highest + 1);

        let mut seen = BTreeSet::new();
        let mut ids = IdGen::new(&mut map.next_id);
        let mut check = |id: &mut Id, kind: IdKind, what: &str, warnings: &mut Vec<Warning>| {
            if id.as_str().trim().is_empty() || !seen.insert(id.clone()) {
                let fresh = ids.fresh(kind);
                let message = if id.as_str().trim().is_empty() {
                    format!("{what} has no id; gave it {fresh}")
                } else {
                    format!("id {id} is used twice; the second one ({what}) is now {fresh}")
                };
                warnings.push(Warning { message });
                *id = fresh.clone();
                seen.insert(fresh);
            }
        };
        let w = &mut self.warnings;
        for stage in &mut map.stages {
            check(
                &mut stage.id,
                IdKind::Stage,
                &format!("stage \"{}\"", stage.name),
                w,
            );
            for step in &mut stage.steps {
                check(
                    &mut step.id,
                    IdKind::Step,
                    &format!("a step of stage \"{}\"", stage.name),
                    w,
                );
            }
        }
        for lane in &mut map.lanes {
            check(
                &mut lane.id,
                IdKind::Lane,
                &format!("lane \"{}\"", lane.name),
                w,
            );
        }
        for card in &mut map.cards {
            check(
                &mut card.id,
                IdKind::Card,
                &format!("card \"{}\"", short(&card.text)),
                w,
            );
        }
        for curve in &mut map.curves {
            check(
                &mut curve.id,
                IdKind::Curve,
                &format!("curve \"{}\"", curve.name),
                w,
            );
        }
    }

    fn fix_stages(&mut self, map: &mut JourneyMap) {
        let mut ids = IdGen::new(&mut map.next_id);
        for stage in &mut map.stages {
            if stage.steps.is_empty() {
                let step = ids.fresh(IdKind::Step);
                self.warn(format!(
                    "stage \"{}\" has no steps; added step {step}",
                    stage.name
                ));
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
            let name = format!("card {} \"{}\"", card.id, short(&card.text));
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
                self.warnings.push(Warning {
                    message: format!(
                        "{name} is in step {}, which does not exist; moved to step {target}",
                        card.step
                    ),
                });
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
                let why = if lanes.contains_key(&card.lane) {
                    "an emotion lane, which shows curves, not cards"
                } else {
                    "a lane that does not exist"
                };
                self.warnings.push(Warning {
                    message: format!("{name} is in {}, {why}; moved to lane {target}", card.lane),
                });
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
        name: &str,
        cards: &BTreeSet<Id>,
        pain_cards: &BTreeSet<Id>,
    ) {
        if let Some(pain) = &mut card.pain {
            if !(SEVERITY_MIN..=SEVERITY_MAX).contains(&pain.severity) {
                let fixed = pain.severity.clamp(SEVERITY_MIN, SEVERITY_MAX);
                self.warn(format!(
                    "{name}: severity {} is out of range 1–5; set to {fixed}",
                    pain.severity
                ));
                pain.severity = fixed;
            }
            for evidence in &mut pain.evidence {
                if let Evidence::Metric(id) = evidence
                    && !cards.contains(id)
                {
                    self.warnings.push(Warning {
                        message: format!(
                            "{name}: evidence points at metric card {id}, which does not exist; kept as text"
                        ),
                    });
                    *evidence = Evidence::Text(format!("metric {id} (missing)"));
                }
            }
        }
        if let Some(opp) = &mut card.opportunity {
            for (what, value) in [("impact", &mut opp.impact), ("effort", &mut opp.effort)] {
                if !(1..=5).contains(value) {
                    let fixed = (*value).clamp(1, 5);
                    self.warnings.push(Warning {
                        message: format!(
                            "{name}: {what} {value} is out of range 1–5; set to {fixed}"
                        ),
                    });
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
                self.warn(format!(
                    "{name}: link to {id} removed: it is not a pain point of this map, or is listed twice"
                ));
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
            let name = format!("pain point \"{}\"", short(&card.text));
            if let Some(pain) = &mut card.pain {
                pain.anchor = None;
            }
            self.warn(format!(
                "{name} was pinned to something that is not in its step (or not in the map); unpinned it"
            ));
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
            for step in dropped {
                let why = if order.contains_key(&step) {
                    "a second point for the same step"
                } else {
                    "a point for a step that does not exist"
                };
                self.warn(format!(
                    "curve \"{}\" had {why} ({step}); removed it",
                    curve.name
                ));
            }
            for point in &mut curve.points {
                if !point.score.is_finite() {
                    self.warn(format!(
                        "curve \"{}\": the score at {} is not a number; set to 0",
                        curve.name, point.step
                    ));
                    point.score = 0.0;
                } else if !(EMOTION_MIN..=EMOTION_MAX).contains(&point.score) {
                    let fixed = point.score.clamp(EMOTION_MIN, EMOTION_MAX);
                    self.warn(format!(
                        "curve \"{}\": score {} at {} is out of range −2 to +2; set to {fixed}",
                        curve.name, point.score, point.step
                    ));
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

/// All ids of the map's elements (not references).
fn all_ids(map: &JourneyMap) -> impl Iterator<Item = &Id> {
    map.stages
        .iter()
        .flat_map(|s| std::iter::once(&s.id).chain(s.steps.iter().map(|st| &st.id)))
        .chain(map.lanes.iter().map(|l| &l.id))
        .chain(map.cards.iter().map(|c| &c.id))
        .chain(map.curves.iter().map(|c| &c.id))
}

/// The first few words of a text, for messages.
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
}

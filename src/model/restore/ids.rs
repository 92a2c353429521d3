//! Ids: fresh ids for ids above the largest id number or with control characters (every
//! link follows), unique non-empty ids, and a `next_id` past every id in use.

use std::collections::{BTreeMap, BTreeSet};

use super::{Restorer, short};
use crate::model::ids::{Id, IdGen, IdKind, MAX_ID_NUMBER};
use crate::model::map::JourneyMap;
use crate::model::warning::{Arg, Subject, Warning, text};

impl Restorer {
    /// Gives a fresh id to every element whose id number is above [`MAX_ID_NUMBER`] or whose
    /// id holds control characters, and updates every link to it; brings `next_id` back to at
    /// most [`MAX_ID_NUMBER`] + 1. When the fresh ids would not fit below the largest id
    /// number, every id is renumbered from 1 instead.
    pub(super) fn renumber_ids(&mut self, map: &mut JourneyMap) {
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
    pub(super) fn settle_ids(&mut self, map: &mut JourneyMap) {
        if map.next_id > MAX_ID_NUMBER + 1 {
            self.compact_ids(map);
        }
    }

    /// Makes every id unique and non-empty, and `next_id` larger than any id in use.
    pub(super) fn fix_ids(&mut self, map: &mut JourneyMap) {
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
pub(super) fn all_ids(map: &JourneyMap) -> impl Iterator<Item = &Id> {
    map.stages
        .iter()
        .flat_map(|s| std::iter::once(&s.id).chain(s.steps.iter().map(|st| &st.id)))
        .chain(map.lanes.iter().map(|l| &l.id))
        .chain(map.cards.iter().map(|c| &c.id))
        .chain(map.curves.iter().map(|c| &c.id))
}

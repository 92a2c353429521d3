//! How each command changes the map. Text is put in NFC here, so whatever an input method or
//! the clipboard delivers, the document holds one form.

use crate::model::{
    Card, EmotionCurve, IdGen, IdKind, JourneyMap, Lane, Stage, Step, clamp_score,
    for_each_text_mut,
};

use super::clean::{EditError, tidy, tidy_in_place};
use super::{Applied, EditCommand};
use crate::model::Id;

pub(super) fn apply(map: &mut JourneyMap, command: EditCommand) -> Result<Applied, EditError> {
    let mut applied = Applied::default();
    match command {
        EditCommand::SetMapInfo(info) => {
            map.title = tidy(&info.title);
            map.description = tidy(&info.description);
            map.map_type = info.map_type;
            map.language = tidy(&info.language);
            map.goals = info.goals.iter().map(|g| tidy(g)).collect();
            map.review = info.review;
            map.review.cadence_months = map.review.cadence_months.clamp(1, 36);
        }
        EditCommand::SetPersona(mut persona) => {
            let mut tmp = JourneyMap::new("");
            std::mem::swap(&mut tmp.persona, &mut persona);
            for_each_text_mut(&mut tmp, |s| {
                tidy_in_place(s);
            });
            map.persona = tmp.persona;
        }
        EditCommand::AddStage { index, name } => {
            let mut ids = IdGen::new(&mut map.next_id);
            let stage = Stage {
                id: ids.fresh(IdKind::Stage),
                name: tidy(&name),
                color: None,
                steps: vec![Step {
                    id: ids.fresh(IdKind::Step),
                    name: String::new(),
                }],
            };
            applied.created.push(stage.id.clone());
            applied.created.push(stage.steps[0].id.clone());
            let index = index.min(map.stages.len());
            map.stages.insert(index, stage);
        }
        EditCommand::SetStage { id, name, color } => {
            let stage = stage_mut(map, &id)?;
            stage.name = tidy(&name);
            stage.color = color;
        }
        EditCommand::MoveStage { id, to } => {
            let from = map
                .stages
                .iter()
                .position(|s| s.id == id)
                .ok_or(EditError::Missing(id))?;
            let stage = map.stages.remove(from);
            let to = to.min(map.stages.len());
            map.stages.insert(to, stage);
        }
        EditCommand::DeleteStage { id } => {
            let index = map
                .stages
                .iter()
                .position(|s| s.id == id)
                .ok_or(EditError::Missing(id))?;
            let stage = map.stages.remove(index);
            for step in &stage.steps {
                remove_step_content(map, &step.id);
            }
        }
        EditCommand::AddStep { stage, index, name } => {
            let id = IdGen::new(&mut map.next_id).fresh(IdKind::Step);
            let stage = stage_mut(map, &stage)?;
            let index = index.min(stage.steps.len());
            stage.steps.insert(
                index,
                Step {
                    id: id.clone(),
                    name: tidy(&name),
                },
            );
            applied.created.push(id);
        }
        EditCommand::RenameStep { id, name } => {
            let step = map
                .stages
                .iter_mut()
                .flat_map(|s| s.steps.iter_mut())
                .find(|s| s.id == id)
                .ok_or_else(|| EditError::Missing(id.clone()))?;
            step.name = tidy(&name);
        }
        EditCommand::DeleteStep { id } => {
            let stage_index = map
                .stages
                .iter()
                .position(|s| s.steps.iter().any(|st| st.id == id))
                .ok_or_else(|| EditError::Missing(id.clone()))?;
            if map.stages[stage_index].steps.len() == 1 {
                map.stages.remove(stage_index);
            } else {
                map.stages[stage_index].steps.retain(|s| s.id != id);
            }
            remove_step_content(map, &id);
        }
        EditCommand::AddLane { index, kind, name } => {
            let id = IdGen::new(&mut map.next_id).fresh(IdKind::Lane);
            let index = index.min(map.lanes.len());
            map.lanes.insert(
                index,
                Lane {
                    id: id.clone(),
                    name: tidy(&name),
                    kind,
                },
            );
            applied.created.push(id);
        }
        EditCommand::SetLane { id, name, kind } => {
            let has_cards = map.cards.iter().any(|c| c.lane == id);
            let lane = map
                .lanes
                .iter_mut()
                .find(|l| l.id == id)
                .ok_or_else(|| EditError::Missing(id.clone()))?;
            if !kind.holds_cards() && has_cards {
                return Err(EditError::Refused(
                    "a lane with cards cannot become an emotion lane",
                ));
            }
            lane.name = tidy(&name);
            lane.kind = kind;
        }
        EditCommand::MoveLane { id, to } => {
            let from = map
                .lanes
                .iter()
                .position(|l| l.id == id)
                .ok_or(EditError::Missing(id))?;
            let lane = map.lanes.remove(from);
            let to = to.min(map.lanes.len());
            map.lanes.insert(to, lane);
        }
        EditCommand::DeleteLane { id } => {
            let index = map
                .lanes
                .iter()
                .position(|l| l.id == id)
                .ok_or_else(|| EditError::Missing(id.clone()))?;
            map.lanes.remove(index);
            let removed: Vec<Id> = map
                .cards
                .iter()
                .filter(|c| c.lane == id)
                .map(|c| c.id.clone())
                .collect();
            remove_cards(map, &removed);
        }
        EditCommand::AddCard {
            step,
            lane,
            index,
            text,
        } => {
            check_cell(map, &step, &lane)?;
            let id = IdGen::new(&mut map.next_id).fresh(IdKind::Card);
            let card = Card::new(id.clone(), step, lane, tidy(&text));
            insert_in_cell(map, vec![card], index);
            applied.created.push(id);
        }
        EditCommand::SetCard(mut card) => {
            let existing = map
                .cards
                .iter_mut()
                .find(|c| c.id == card.id)
                .ok_or_else(|| EditError::Missing(card.id.clone()))?;
            card.step = existing.step.clone();
            card.lane = existing.lane.clone();
            let links_kept = same_links(existing, &card);
            normalize_card(&mut card);
            *existing = card;
            // Links may only point at pain points that exist; a card whose pain point and
            // opportunity stay as they were changes none.
            if !links_kept {
                prune_links(map);
            }
        }
        EditCommand::MoveCards {
            ids,
            step,
            lane,
            index,
        } => {
            check_cell(map, &step, &lane)?;
            let mut moving = Vec::new();
            for id in &ids {
                let pos = map
                    .cards
                    .iter()
                    .position(|c| &c.id == id)
                    .ok_or_else(|| EditError::Missing(id.clone()))?;
                let mut card = map.cards.remove(pos);
                card.step = step.clone();
                card.lane = lane.clone();
                moving.push(card);
            }
            insert_in_cell(map, moving, Some(index));
            // A pinned pain point moved to another step (or its pin moved away) is unpinned.
            prune_links(map);
        }
        EditCommand::DeleteCards { ids } => {
            for id in &ids {
                if map.card(id).is_none() {
                    return Err(EditError::Missing(id.clone()));
                }
            }
            remove_cards(map, &ids);
        }
        EditCommand::InsertCards {
            cards,
            same_map,
            step,
            lane,
            index,
        } => {
            check_cell(map, &step, &lane)?;
            let mut ids = IdGen::new(&mut map.next_id);
            let mut renamed = std::collections::BTreeMap::new();
            let mut fresh: Vec<Card> = cards
                .into_iter()
                .map(|mut card| {
                    let id = ids.fresh(IdKind::Card);
                    renamed
                        .entry(std::mem::replace(&mut card.id, id.clone()))
                        .or_insert(id);
                    card.step = step.clone();
                    card.lane = lane.clone();
                    normalize_card(&mut card);
                    card
                })
                .collect();
            super::paste::relink(&mut fresh, &renamed, same_map);
            applied.created.extend(fresh.iter().map(|c| c.id.clone()));
            insert_in_cell(map, fresh, index);
            // Pasted opportunities keep only links to pain points of this map; pasted metric
            // evidence that points elsewhere would dangle, so it becomes text.
            prune_links(map);
        }
        EditCommand::AddCurve {
            name,
            color,
            points,
        } => {
            let id = IdGen::new(&mut map.next_id).fresh(IdKind::Curve);
            map.curves.push(EmotionCurve {
                id: id.clone(),
                name: tidy(&name),
                color,
                points: Vec::new(),
                hidden: false,
            });
            for point in points {
                if map.step_index(&point.step).is_some() {
                    apply(
                        map,
                        EditCommand::SetPoint {
                            curve: id.clone(),
                            point,
                        },
                    )?;
                }
            }
            applied.created.push(id);
        }
        EditCommand::SetCurve {
            id,
            name,
            color,
            hidden,
        } => {
            let curve = curve_mut(map, &id)?;
            curve.name = tidy(&name);
            curve.color = color;
            curve.hidden = hidden;
        }
        EditCommand::DeleteCurve { id } => {
            curve_mut(map, &id)?;
            map.curves.retain(|c| c.id != id);
            prune_links(map);
        }
        EditCommand::SetPoint { curve, mut point } => {
            let Some(order) = map.step_index(&point.step) else {
                return Err(EditError::Missing(point.step));
            };
            let steps: Vec<Id> = map.steps().map(|(_, s)| s.id.clone()).collect();
            let curve = curve_mut(map, &curve)?;
            point.score = clamp_score(point.score);
            tidy_in_place(&mut point.note);
            if let Some(emoji) = &mut point.emoji {
                tidy_in_place(emoji);
            }
            if point.emoji.as_ref().is_some_and(|e| e.trim().is_empty()) {
                point.emoji = None;
            }
            if let Some(existing) = curve.points.iter_mut().find(|p| p.step == point.step) {
                *existing = point;
            } else {
                // Points stay in step order, so the file reads left to right.
                let at = curve
                    .points
                    .iter()
                    .position(|p| steps.iter().position(|s| s == &p.step) > Some(order))
                    .unwrap_or(curve.points.len());
                curve.points.insert(at, point);
            }
        }
        EditCommand::DeletePoint { curve, step } => {
            let curve = curve_mut(map, &curve)?;
            let before = curve.points.len();
            curve.points.retain(|p| p.step != step);
            if curve.points.len() == before {
                return Err(EditError::Missing(step));
            }
            prune_links(map);
        }
        EditCommand::Vote { card, delta } => {
            let card = map
                .cards
                .iter_mut()
                .find(|c| c.id == card)
                .ok_or_else(|| EditError::Missing(card.clone()))?;
            let votes = if let Some(pain) = &mut card.pain {
                &mut pain.votes
            } else if let Some(opp) = &mut card.opportunity {
                &mut opp.votes
            } else {
                return Err(EditError::Refused(
                    "only pain points and opportunities take votes",
                ));
            };
            *votes = votes.saturating_add_signed(delta);
        }
        EditCommand::MarkReviewed(date) => {
            map.review.last_reviewed = Some(date);
        }
        command @ (EditCommand::AddMetricSnapshot(_)
        | EditCommand::DeleteMetricSnapshot { .. }
        | EditCommand::SetAlias { .. }
        | EditCommand::RemoveAlias { .. }
        | EditCommand::SetIgnored { .. }
        | EditCommand::SetTarget(_)
        | EditCommand::RemoveTarget { .. }
        | EditCommand::SetImportSettings(_)) => super::metrics::apply(map, command)?,
        // All or nothing: `Document::apply` puts the map back when one is refused.
        EditCommand::Batch(commands) => {
            for command in commands {
                applied.created.extend(apply(map, command)?.created);
            }
        }
    }
    Ok(applied)
}

fn stage_mut<'a>(map: &'a mut JourneyMap, id: &Id) -> Result<&'a mut Stage, EditError> {
    map.stages
        .iter_mut()
        .find(|s| &s.id == id)
        .ok_or_else(|| EditError::Missing(id.clone()))
}

fn curve_mut<'a>(map: &'a mut JourneyMap, id: &Id) -> Result<&'a mut EmotionCurve, EditError> {
    map.curves
        .iter_mut()
        .find(|c| &c.id == id)
        .ok_or_else(|| EditError::Missing(id.clone()))
}

fn check_cell(map: &JourneyMap, step: &Id, lane: &Id) -> Result<(), EditError> {
    if map.step_index(step).is_none() {
        return Err(EditError::Missing(step.clone()));
    }
    match map.lane(lane) {
        None => Err(EditError::Missing(lane.clone())),
        Some(l) if !l.kind.holds_cards() => Err(EditError::Refused(
            "the emotion lane holds a curve, not cards",
        )),
        Some(_) => Ok(()),
    }
}

/// Inserts `cards` (all in the same cell) at `index` among that cell's cards.
fn insert_in_cell(map: &mut JourneyMap, cards: Vec<Card>, index: Option<usize>) {
    let Some(first) = cards.first() else {
        return;
    };
    let (step, lane) = (first.step.clone(), first.lane.clone());
    let in_cell: Vec<usize> = map
        .cards
        .iter()
        .enumerate()
        .filter(|(_, c)| c.step == step && c.lane == lane)
        .map(|(i, _)| i)
        .collect();
    let at = match index {
        Some(i) if i < in_cell.len() => in_cell[i],
        _ => in_cell.last().map_or(map.cards.len(), |last| last + 1),
    };
    map.cards.splice(at..at, cards);
}

fn remove_step_content(map: &mut JourneyMap, step: &Id) {
    let removed: Vec<Id> = map
        .cards
        .iter()
        .filter(|c| &c.step == step)
        .map(|c| c.id.clone())
        .collect();
    remove_cards(map, &removed);
    for curve in &mut map.curves {
        curve.points.retain(|p| &p.step != step);
    }
    prune_links(map);
}

/// Removes cards and every link to them.
fn remove_cards(map: &mut JourneyMap, ids: &[Id]) {
    map.cards.retain(|c| !ids.contains(&c.id));
    prune_links(map);
}

/// Drops opportunity links to cards that are not pain points, turns metric evidence that
/// points at a missing card into text, and drops the customer data's links to cards and
/// stages that are gone, so the map stays valid.
fn prune_links(map: &mut JourneyMap) {
    super::metrics::prune_metric_links(map);
    let pains: std::collections::BTreeSet<Id> =
        map.pain_points().map(|(c, _)| c.id.clone()).collect();
    let cards: std::collections::BTreeSet<Id> = map.cards.iter().map(|c| c.id.clone()).collect();
    // A pin that no longer fits (its point or card is gone, or one of them moved to another
    // step) is dropped; the pain point stays.
    let dangling: Vec<Id> = map
        .pain_points()
        .filter(|(c, p)| p.anchor.as_ref().is_some_and(|a| !map.anchor_fits(c, a)))
        .map(|(c, _)| c.id.clone())
        .collect();
    for card in &mut map.cards {
        if let Some(pain) = &mut card.pain
            && dangling.contains(&card.id)
        {
            pain.anchor = None;
        }
        if let Some(opp) = &mut card.opportunity {
            let mut seen = std::collections::BTreeSet::new();
            opp.addresses
                .retain(|id| pains.contains(id) && seen.insert(id.clone()));
        }
        if let Some(pain) = &mut card.pain {
            pain.severity = pain.severity.clamp(1, 5);
            for evidence in &mut pain.evidence {
                if let crate::model::Evidence::Metric(id) = evidence
                    && !cards.contains(id)
                {
                    *evidence = crate::model::Evidence::Text(format!("metric {id} (deleted)"));
                }
            }
        }
    }
}

/// Whether two versions of a card have the same pain point and opportunity (and so the same
/// links to other cards and curves).
pub(super) fn same_links(a: &Card, b: &Card) -> bool {
    a.pain == b.pain && a.opportunity == b.opportunity
}

fn normalize_card(card: &mut Card) {
    let mut tmp = JourneyMap::new("");
    tmp.cards.push(std::mem::replace(
        card,
        Card::new(Id::new(""), Id::new(""), Id::new(""), ""),
    ));
    for_each_text_mut(&mut tmp, |s| {
        tidy_in_place(s);
    });
    if let Some(c) = tmp.cards.pop() {
        *card = c;
    }
    if let Some(opp) = &mut card.opportunity {
        opp.impact = opp.impact.clamp(1, 5);
        opp.effort = opp.effort.clamp(1, 5);
    }
}

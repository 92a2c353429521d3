//! How the customer-data commands change the map: imports (snapshots) added and deleted,
//! aliases, ignored values, targets and the saved import mapping; and the clean-up that keeps
//! the data's links to cards and stages valid when those are deleted.

use std::collections::BTreeSet;

use crate::analysis::matching::match_touchpoints;
use crate::model::{
    Evidence, FieldStep, Id, JourneyMap, MetricSnapshot, Metrics, Target, repair_snapshot,
    value_key,
};

use super::EditCommand;
use super::clean::{EditError, tidy, tidy_in_place};

/// Applies one of the customer-data commands; any other command changes nothing here.
pub(super) fn apply(map: &mut JourneyMap, command: EditCommand) -> Result<(), EditError> {
    match command {
        EditCommand::AddMetricSnapshot(snapshot) => {
            let mut snapshot = *snapshot;
            let mut tmp = Metrics {
                snapshots: vec![snapshot],
                ..Metrics::default()
            };
            tmp.for_each_text_mut(|_, _, s| tidy_in_place(s));
            snapshot = tmp.snapshots.pop().unwrap_or_default();
            repair_snapshot(&mut snapshot, |_, _, _| {});
            map.metrics.import = Some(snapshot.settings.clone());
            map.metrics.snapshots.push(snapshot);
            prune_metric_links(map);
        }
        EditCommand::DeleteMetricSnapshot { index } => {
            if index >= map.metrics.snapshots.len() {
                return Err(EditError::Refused("there is no such data import"));
            }
            map.metrics.snapshots.remove(index);
            follow_kept(map, "snapshots", &[index]);
        }
        EditCommand::SetAlias { value, card } => {
            if map.card(&card).is_none() {
                return Err(EditError::Missing(card));
            }
            let value = tidy(&value);
            let key = value_key(&value);
            if key.is_empty() {
                return Err(EditError::Refused("an empty data value cannot be assigned"));
            }
            let metrics = &mut map.metrics;
            metrics.aliases.retain(|(v, _)| value_key(v) != key);
            metrics.ignored.retain(|v| value_key(v) != key);
            metrics.aliases.push((value, card.clone()));
            for snapshot in &mut metrics.snapshots {
                for t in &mut snapshot.touchpoints {
                    if value_key(&t.value) == key {
                        t.card = Some(card.clone());
                    }
                }
            }
        }
        EditCommand::RemoveAlias { value } => {
            let key = value_key(&value);
            map.metrics.aliases.retain(|(v, _)| value_key(v) != key);
            // The value goes back to what matching finds without the alias.
            let matching = match_touchpoints(map, [value.as_str()]);
            let card = matching.matched.first().map(|m| m.id.clone());
            for snapshot in &mut map.metrics.snapshots {
                for t in &mut snapshot.touchpoints {
                    if value_key(&t.value) == key {
                        t.card.clone_from(&card);
                    }
                }
            }
        }
        EditCommand::SetIgnored { value, ignored } => {
            let value = tidy(&value);
            let key = value_key(&value);
            let list = &mut map.metrics.ignored;
            if ignored {
                if !key.is_empty() && !list.iter().any(|v| value_key(v) == key) {
                    list.push(value);
                }
            } else {
                list.retain(|v| value_key(v) != key);
            }
        }
        EditCommand::SetTarget(mut target) => {
            let exists = map.card(&target.subject).is_some()
                || map.stages.iter().any(|s| s.id == target.subject);
            if !exists {
                return Err(EditError::Missing(target.subject));
            }
            if !target.value.is_finite() {
                return Err(EditError::Refused("a target must be a number"));
            }
            let (low, high) = target.metric.range();
            target.value = target.value.clamp(low, high);
            let targets = &mut map.metrics.targets;
            match targets
                .iter_mut()
                .find(|t| t.subject == target.subject && t.metric == target.metric)
            {
                Some(existing) => *existing = target,
                None => targets.push(target),
            }
        }
        EditCommand::RemoveTarget { subject, metric } => {
            remove_targets(map, |t| t.subject == subject && t.metric == metric);
        }
        EditCommand::SetImportSettings(settings) => {
            let mut tmp = Metrics {
                import: settings,
                ..Metrics::default()
            };
            tmp.for_each_text_mut(|_, _, s| tidy_in_place(s));
            map.metrics.import = tmp.import;
        }
        _ => {}
    }
    Ok(())
}

/// Removes the data's links to cards and stages that are gone: aliases and targets are
/// dropped, a snapshot's value becomes unmatched, `Measured` evidence is dropped.
pub(super) fn prune_metric_links(map: &mut JourneyMap) {
    let cards: BTreeSet<Id> = map.cards.iter().map(|c| c.id.clone()).collect();
    let stages: BTreeSet<Id> = map.stages.iter().map(|s| s.id.clone()).collect();
    remove_targets(map, |t| {
        !(cards.contains(&t.subject) || stages.contains(&t.subject))
    });
    let metrics = &mut map.metrics;
    metrics.aliases.retain(|(_, card)| cards.contains(card));
    for snapshot in &mut metrics.snapshots {
        for t in &mut snapshot.touchpoints {
            t.card.take_if(|c| !cards.contains(c));
        }
        for s in &mut snapshot.stages {
            s.stage.take_if(|id| !stages.contains(id));
        }
    }
    for card in &mut map.cards {
        if let Some(pain) = &mut card.pain {
            pain.evidence
                .retain(|e| !matches!(e, Evidence::Measured { card, .. } if !cards.contains(card)));
        }
    }
}

/// Removes the targets `gone` picks, taking the fields this version does not know that they
/// held along.
fn remove_targets(map: &mut JourneyMap, gone: impl Fn(&Target) -> bool) {
    let removed: Vec<usize> = (map.metrics.targets.iter().enumerate())
        .filter(|(_, t)| gone(t))
        .map(|(i, _)| i)
        .collect();
    if removed.is_empty() {
        return;
    }
    map.metrics.targets.retain(|t| !gone(t));
    follow_kept(map, "targets", &removed);
}

/// Snapshots and targets have no ids, so the fields this version does not know inside one are
/// kept by its position: when the elements at `removed` leave the list `metrics.<list>`,
/// their fields go with them and the fields of the later ones move up with their elements.
fn follow_kept(map: &mut JourneyMap, list: &str, removed: &[usize]) {
    let in_list = |owner: &[FieldStep]| match owner {
        [
            FieldStep::Field(m),
            FieldStep::Field(l),
            FieldStep::Index(i),
            ..,
        ] if m == "metrics" && l == list => Some(*i),
        _ => None,
    };
    map.kept
        .retain(|k| in_list(&k.owner).is_none_or(|i| !removed.contains(&i)));
    for kept in &mut map.kept {
        if let Some(i) = in_list(&kept.owner) {
            kept.owner[2] = FieldStep::Index(i - removed.iter().filter(|r| **r < i).count());
        }
    }
}

/// An estimate of the memory the customer data holds, for the undo history's bound.
pub(super) fn approx_bytes(metrics: &Metrics) -> usize {
    use std::mem::size_of;
    let values = size_of::<crate::model::MetricValues>();
    let mut bytes = size_of::<Metrics>();
    for snapshot in &metrics.snapshots {
        bytes += size_of::<MetricSnapshot>() + snapshot.source.file_name.len() + 64;
        for t in &snapshot.touchpoints {
            bytes += size_of::<crate::model::TouchpointMetrics>() + t.value.len();
            bytes += t.months.len() * (values + 32);
        }
        for s in &snapshot.stages {
            bytes += size_of::<crate::model::StageMetrics>() + s.value.len() + s.months.len() * 48;
        }
    }
    bytes += metrics
        .aliases
        .iter()
        .map(|(v, _)| v.len() + 48)
        .sum::<usize>();
    bytes += metrics.ignored.iter().map(|v| v.len() + 24).sum::<usize>();
    bytes + metrics.targets.len() * size_of::<Target>()
}

#[cfg(test)]
#[path = "metrics_tests.rs"]
mod tests;

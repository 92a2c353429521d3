//! One whole import: an export read into a [`MetricSnapshot`] of the map's numbers, matched to
//! its touchpoint cards. The command line and the import dialog both call [`import_snapshot`],
//! so they cannot disagree.

use crate::analysis::matching::{Matching, match_snapshot};
use crate::analysis::metrics::Aggregator;
use crate::model::{ImportSettings, JourneyMap, MetricSnapshot, Role};

use super::{ImportError, Input, Progress, ReadSummary, Row, read};

/// A data file read into a snapshot, matched to the map, with what the summary says.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The numbers, ready to add to the map (`EditCommand::AddMetricSnapshot`).
    pub snapshot: MetricSnapshot,
    /// Rows read and skipped, what was detected, the headers and the mapping used.
    pub summary: ReadSummary,
    /// Which data touchpoints matched a card, and which did not.
    pub matching: Matching,
}

/// Reads `input` with `settings` into a snapshot of `map`'s numbers, dated `today` (an ISO
/// date, passed in so tests can pin it). The mapping that was used is stored in the snapshot
/// by the headers' names, so the next import of the same export asks nothing.
pub fn import_snapshot(
    map: &JourneyMap,
    input: &Input,
    mut settings: ImportSettings,
    today: &str,
    progress: &Progress,
) -> Result<Imported, ImportError> {
    let mut aggregator = Aggregator::new();
    let summary = read(input, &settings, progress, |row| match row {
        Row::Event(e) => aggregator.add(e),
        Row::Aggregate(a) => aggregator.add_aggregate(a),
    })?;
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    let mut snapshot = aggregator.finish(&stages);
    // The columns read, and the roles the user chose to read from no column (kept as an
    // empty name, so the next import does not guess them again).
    let none: Vec<(Role, String)> = settings
        .columns
        .iter()
        .filter(|(role, name)| {
            name.trim().is_empty() && !summary.mapping.iter().any(|(r, _)| r == role)
        })
        .map(|(role, _)| (*role, String::new()))
        .collect();
    settings.columns = summary
        .mapping
        .iter()
        .filter_map(|(role, i)| summary.headers.get(*i).map(|h| (*role, h.clone())))
        .chain(none)
        .collect();
    settings.columns.sort_by_key(|(role, _)| *role);
    snapshot.settings = settings;
    snapshot.source = summary.source.clone();
    snapshot.source.imported = today.to_owned();
    let matching = match_snapshot(map, &mut snapshot);
    Ok(Imported {
        snapshot,
        summary,
        matching,
    })
}

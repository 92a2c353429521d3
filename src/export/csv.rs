//! The map as CSV: one row per card, in map order (step by step, lane by lane, cards in cell
//! order), with its stage, step, lane and lane kind, and the fields of touchpoints, pain points
//! and opportunities. UTF-8 with a byte order mark and cells a spreadsheet cannot run as
//! formulas, through the same writer as the pain-point report
//! ([`crate::analysis::report::write_csv`]).

use std::collections::HashMap;

use crate::analysis::report::{self, opportunity_rows, pain_rows_in_map_order, status_label};
use crate::model::{JourneyMap, LaneKind};

/// The header row.
pub const HEADERS: [&str; 17] = [
    "id",
    "stage",
    "step",
    "lane",
    "kind",
    "text",
    "details",
    "channel",
    "online",
    "severity",
    "votes",
    "status",
    "owner",
    "evidence",
    "impact",
    "effort",
    "addresses",
];

/// A lane kind as a CSV `kind` cell: stable English words, whatever the map's language.
pub fn kind_name(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::Touchpoints => "touchpoint",
        LaneKind::Actions => "action",
        LaneKind::Thoughts => "thought",
        LaneKind::Emotions => "emotion",
        LaneKind::PainPoints => "pain point",
        LaneKind::Opportunities => "opportunity",
        LaneKind::Metrics => "metric",
        LaneKind::Text => "text",
        LaneKind::Frontstage => "frontstage",
        LaneKind::Backstage => "backstage",
        LaneKind::Support => "support",
    }
}

/// The rows of the CSV, header first, before escaping.
pub fn records(map: &JourneyMap) -> Vec<Vec<String>> {
    let pains: HashMap<String, report::PainRow> = pain_rows_in_map_order(map)
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect();
    let opportunities: HashMap<String, report::OpportunityRow> = opportunity_rows(map)
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect();
    let mut rows = vec![HEADERS.map(str::to_owned).to_vec()];
    for (stage, step) in map.steps() {
        for lane in &map.lanes {
            for card in map.cards_in(&step.id, &lane.id) {
                let id = card.id.to_string();
                let (channel, online) = card.channel.as_ref().map_or_else(Default::default, |c| {
                    (
                        c.kind.name(&map.language).to_owned(),
                        if c.online { "online" } else { "offline" }.to_owned(),
                    )
                });
                let mut row = vec![
                    id.clone(),
                    stage.name.clone(),
                    step.name.clone(),
                    lane.name.clone(),
                    kind_name(lane.kind).to_owned(),
                    card.text.clone(),
                    card.details.clone(),
                    channel,
                    online,
                ];
                let mut fields = [const { String::new() }; 8];
                if let Some(p) = pains.get(&id) {
                    fields[0] = p.severity.to_string();
                    fields[1] = p.votes.to_string();
                    status_label(p.status).clone_into(&mut fields[2]);
                    fields[3].clone_from(&p.owner);
                    fields[4] = p.evidence.join("; ");
                }
                if let Some(o) = opportunities.get(&id) {
                    fields[1] = o.votes.to_string();
                    fields[5] = o.impact.to_string();
                    fields[6] = o.effort.to_string();
                    fields[7] = o.addresses.join("; ");
                }
                row.extend(fields);
                rows.push(row);
            }
        }
    }
    rows
}

/// The map as CSV (RFC 4180, UTF-8 with a byte order mark): one row per card.
pub fn to_csv(map: &JourneyMap) -> String {
    match report::write_csv(records(map), true) {
        Ok(text) => text,
        // Writing records of one length into a Vec cannot fail: there is no I/O.
        Err(err) => unreachable!("CSV into memory: {err}"),
    }
}

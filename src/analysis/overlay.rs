//! Reading the stored customer data for the map's overlays: a card's or a stage's latest value
//! of each metric and its change since the previous import, flags on values that miss their
//! target (or, without one, touchpoints converting below the overall rate), heat, monthly
//! trends, the stage funnel, and the measured emotion curve from CSAT.
//!
//! A card's numbers in a snapshot are those of the data values matched to it; in the previous
//! snapshot, of the values matched to it there, else of the same values (by [`value_key`]).
//! When several values are matched to one card (aliases), their numbers are combined: counts
//! add up (a customer seen under two values counts twice), rates are weighted by customers,
//! CSAT by its answers and NPS by its answers.

use crate::model::{
    Direction, EmotionCurve, Id, JourneyMap, MetricKind, MetricSnapshot, MetricValues,
    TouchpointMetrics, value_key,
};

/// One metric of a card or a stage, as the badges show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// Which metric.
    pub metric: MetricKind,
    /// The latest value.
    pub value: f64,
    /// The value in the import before, if it had one.
    pub previous: Option<f64>,
    /// Its target, if one is set: (value, direction).
    pub target: Option<(f64, Direction)>,
    /// Whether the value is flagged (see [`Flag`]).
    pub flagged: bool,
}

impl Reading {
    /// The change since the previous import (`value − previous`).
    pub fn change(&self) -> Option<f64> {
        self.previous.map(|p| self.value - p)
    }
}

/// Why a value is flagged.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FlagReason {
    /// It misses its target (in the target's direction).
    MissesTarget {
        /// The target.
        target: f64,
    },
    /// A touchpoint without a conversion target converts below the overall rate.
    BelowOverall {
        /// The overall conversion rate.
        overall: f64,
    },
}

/// A weak value: a card's or stage's metric that misses its target, or a touchpoint that,
/// without a conversion target, converts below the overall rate.
#[derive(Clone, Debug, PartialEq)]
pub struct Flag {
    /// The card or stage.
    pub subject: Id,
    /// Which metric.
    pub metric: MetricKind,
    /// Its latest value.
    pub value: f64,
    /// Why it is flagged.
    pub reason: FlagReason,
}

/// The entries of `snapshot` for `card`: those matched to it, else those whose value is one
/// of `values` (the values matched to it in a later snapshot).
fn entries<'a>(
    snapshot: &'a MetricSnapshot,
    card: &Id,
    values: &[String],
) -> Vec<&'a TouchpointMetrics> {
    let matched: Vec<&TouchpointMetrics> = snapshot
        .touchpoints
        .iter()
        .filter(|t| t.card.as_ref() == Some(card))
        .collect();
    if !matched.is_empty() || values.is_empty() {
        return matched;
    }
    snapshot
        .touchpoints
        .iter()
        .filter(|t| values.contains(&value_key(&t.value)))
        .collect()
}

/// Several values' numbers as one (see the module's note on combining).
#[expect(
    clippy::cast_precision_loss,
    reason = "weights are counts far below 2^53"
)]
fn combine<'a>(values: impl IntoIterator<Item = &'a MetricValues>) -> Option<MetricValues> {
    let values: Vec<&MetricValues> = values.into_iter().collect();
    match values.as_slice() {
        [] => return None,
        [one] => return Some((*one).clone()),
        _ => {}
    }
    let mean = |get: &dyn Fn(&MetricValues) -> Option<f64>,
                weight: &dyn Fn(&MetricValues) -> u64| {
        let present: Vec<(f64, f64)> = values
            .iter()
            .filter_map(|v| get(v).map(|x| (x, weight(v) as f64)))
            .collect();
        let total: f64 = present.iter().map(|(_, w)| w).sum();
        if present.is_empty() {
            None
        } else if total > 0.0 {
            Some(present.iter().map(|(x, w)| x * w).sum::<f64>() / total)
        } else {
            Some(present.iter().map(|(x, _)| x).sum::<f64>() / present.len() as f64)
        }
    };
    Some(MetricValues {
        events: values.iter().map(|v| v.events).sum(),
        customers: values.iter().map(|v| v.customers).sum(),
        conversion_rate: mean(&|v| v.conversion_rate, &|v| v.customers),
        csat: mean(&|v| v.csat, &|v| v.csat_answers),
        csat_answers: values.iter().map(|v| v.csat_answers).sum(),
        nps: mean(&|v| v.nps, &|v| v.nps_answers),
        nps_answers: values.iter().map(|v| v.nps_answers).sum(),
    })
}

/// The value keys of the data values matched to `card` in the latest snapshot.
fn latest_values(map: &JourneyMap, card: &Id) -> Vec<String> {
    map.metrics.latest().map_or_else(Vec::new, |s| {
        entries(s, card, &[])
            .iter()
            .map(|t| value_key(&t.value))
            .collect()
    })
}

/// A card's numbers in the latest snapshot, and in the one before (if it has any).
pub fn card_values(map: &JourneyMap, card: &Id) -> Option<(MetricValues, Option<MetricValues>)> {
    let snapshots = &map.metrics.snapshots;
    let latest = snapshots.last()?;
    let values = latest_values(map, card);
    let now = combine(entries(latest, card, &[]).into_iter().map(|t| &t.total))?;
    let before = snapshots
        .len()
        .checked_sub(2)
        .and_then(|i| snapshots.get(i))
        .and_then(|s| combine(entries(s, card, &values).into_iter().map(|t| &t.total)));
    Some((now, before))
}

/// Whether `value` of `metric` of `subject` is flagged, and why.
pub fn flag_reason(
    map: &JourneyMap,
    subject: &Id,
    metric: MetricKind,
    value: f64,
) -> Option<FlagReason> {
    if let Some(target) = map.metrics.target(subject, metric) {
        return target.missed_by(value).then_some(FlagReason::MissesTarget {
            target: target.value,
        });
    }
    let is_card = map.card(subject).is_some();
    let overall = map.metrics.latest()?.overall.conversion_rate?;
    (is_card && metric == MetricKind::ConversionRate && value < overall)
        .then_some(FlagReason::BelowOverall { overall })
}

fn reading(
    map: &JourneyMap,
    subject: &Id,
    metric: MetricKind,
    value: Option<f64>,
    previous: Option<f64>,
) -> Option<Reading> {
    let value = value?;
    Some(Reading {
        metric,
        value,
        previous,
        target: map
            .metrics
            .target(subject, metric)
            .map(|t| (t.value, t.direction)),
        flagged: flag_reason(map, subject, metric, value).is_some(),
    })
}

/// The card's latest value of `metric`, with its change and flag.
pub fn card_reading(map: &JourneyMap, card: &Id, metric: MetricKind) -> Option<Reading> {
    let (now, before) = card_values(map, card)?;
    reading(
        map,
        card,
        metric,
        now.get(metric),
        before.and_then(|b| b.get(metric)),
    )
}

/// The badges of a touchpoint card: customers, conversion, CSAT and NPS, each that it has.
pub fn card_readings(map: &JourneyMap, card: &Id) -> Vec<Reading> {
    [
        MetricKind::Customers,
        MetricKind::ConversionRate,
        MetricKind::Csat,
        MetricKind::Nps,
    ]
    .into_iter()
    .filter_map(|m| card_reading(map, card, m))
    .collect()
}

/// The stage's latest value of `metric` (customers or continuation), with change and flag.
pub fn stage_reading(map: &JourneyMap, stage: &Id, metric: MetricKind) -> Option<Reading> {
    let snapshots = &map.metrics.snapshots;
    let latest = snapshots.last()?;
    let now = latest
        .stages
        .iter()
        .find(|s| s.stage.as_ref() == Some(stage))?;
    let key = value_key(&now.value);
    let before = snapshots
        .len()
        .checked_sub(2)
        .and_then(|i| snapshots.get(i))
        .and_then(|s| {
            s.stages
                .iter()
                .find(|st| st.stage.as_ref() == Some(stage))
                .or_else(|| s.stages.iter().find(|st| value_key(&st.value) == key))
        });
    reading(
        map,
        stage,
        metric,
        now.get(metric),
        before.and_then(|b| b.get(metric)),
    )
}

/// Every flagged value of the latest snapshot: touchpoint cards' metrics in map order, then
/// stages' in map order.
pub fn flags(map: &JourneyMap) -> Vec<Flag> {
    let mut out = Vec::new();
    if map.metrics.latest().is_none() {
        return out;
    }
    let mut push = |subject: &Id, metric: MetricKind, value: Option<f64>| {
        if let Some(value) = value
            && let Some(reason) = flag_reason(map, subject, metric, value)
        {
            out.push(Flag {
                subject: subject.clone(),
                metric,
                value,
                reason,
            });
        }
    };
    for card in super::matching::touchpoint_cards(map) {
        if let Some((now, _)) = card_values(map, &card.id) {
            for metric in MetricKind::ALL {
                push(&card.id, metric, now.get(metric));
            }
        }
    }
    for stage in &map.stages {
        for metric in [MetricKind::Customers, MetricKind::Continuation] {
            let value = stage_reading(map, &stage.id, metric).map(|r| r.value);
            push(&stage.id, metric, value);
        }
    }
    out
}

/// Heat: each matched touchpoint card's value of `metric` in the latest snapshot, scaled to
/// 0–1 between the lowest (0) and the highest (1) of them; all equal gives 0.5 each. Cards
/// without a value are left out.
pub fn heat(map: &JourneyMap, metric: MetricKind) -> Vec<(Id, f64)> {
    let values: Vec<(Id, f64)> = super::matching::touchpoint_cards(map)
        .filter_map(|c| {
            let (now, _) = card_values(map, &c.id)?;
            Some((c.id.clone(), now.get(metric)?))
        })
        .collect();
    let low = values.iter().map(|(_, v)| *v).fold(f64::INFINITY, f64::min);
    let high = values
        .iter()
        .map(|(_, v)| *v)
        .fold(f64::NEG_INFINITY, f64::max);
    values
        .into_iter()
        .map(|(id, v)| {
            let scaled = if high > low {
                (v - low) / (high - low)
            } else {
                0.5
            };
            (id, scaled)
        })
        .collect()
}

/// A card's monthly values of `metric`, oldest month first, over every snapshot: where two
/// imports cover the same month, the newer one's number counts.
pub fn trend(map: &JourneyMap, card: &Id, metric: MetricKind) -> Vec<(String, f64)> {
    let values = latest_values(map, card);
    let mut months: std::collections::BTreeMap<String, f64> = std::collections::BTreeMap::new();
    for snapshot in &map.metrics.snapshots {
        let found = entries(snapshot, card, &values);
        let mut names: Vec<&String> = found
            .iter()
            .flat_map(|t| t.months.iter().map(|(m, _)| m))
            .collect();
        names.sort();
        names.dedup();
        for month in names {
            let of_month = found
                .iter()
                .flat_map(|t| t.months.iter().filter(|(m, _)| m == month).map(|(_, v)| v));
            if let Some(value) = combine(of_month).and_then(|v| v.get(metric)) {
                months.insert(month.clone(), value);
            }
        }
    }
    months.into_iter().collect()
}

/// One stage of the funnel.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelStage {
    /// The stage value as in the data.
    pub value: String,
    /// The map's stage it matched.
    pub stage: Option<Id>,
    /// Customers who reached it.
    pub customers: u64,
    /// Share of the first stage's customers who reached it (0–1).
    pub reach: f64,
    /// Share of its customers who went on to the next stage.
    pub continuation: Option<f64>,
    /// Share of its customers who did not (1 − continuation).
    pub drop_off: Option<f64>,
}

/// The stage funnel of the latest snapshot, in journey order.
#[expect(clippy::cast_precision_loss, reason = "customer counts far below 2^53")]
pub fn funnel(map: &JourneyMap) -> Vec<FunnelStage> {
    let Some(latest) = map.metrics.latest() else {
        return Vec::new();
    };
    let first = latest.stages.first().map_or(0, |s| s.customers);
    latest
        .stages
        .iter()
        .map(|s| FunnelStage {
            value: s.value.clone(),
            stage: s.stage.clone(),
            customers: s.customers,
            reach: if first > 0 {
                s.customers as f64 / first as f64
            } else {
                0.0
            },
            continuation: s.continuation,
            drop_off: s.continuation.map(|c| 1.0 - c),
        })
        .collect()
}

/// A point of the measured emotion curve.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasuredPoint {
    /// The step.
    pub step: Id,
    /// The mean CSAT of the step's touchpoints mapped to −2..=+2 (1→−2 … 5→+2).
    pub score: f32,
    /// The CSAT answers it is over.
    pub answers: u64,
}

/// A CSAT mean (1–5) as an emotion score: 1→−2, 2→−1, 3→0, 4→+1, 5→+2.
#[expect(clippy::cast_possible_truncation, reason = "scores are within −2..=+2")]
pub fn csat_to_score(csat: f64) -> f32 {
    ((csat - 3.0).clamp(-2.0, 2.0)) as f32
}

/// The measured emotion curve: for each step with CSAT on its matched touchpoint cards, the
/// mean CSAT (weighted by answers; unweighted when no card says how many) as a score.
#[expect(clippy::cast_precision_loss, reason = "answer counts far below 2^53")]
pub fn measured_curve(map: &JourneyMap) -> Vec<MeasuredPoint> {
    // One pass over the cards, grouped by step (a pass per step grew with steps × cards).
    let mut by_step: std::collections::HashMap<&Id, Vec<(f64, u64)>> =
        std::collections::HashMap::new();
    if map.metrics.snapshots.is_empty() {
        return Vec::new();
    }
    for card in super::matching::touchpoint_cards(map) {
        let Some((now, _)) = card_values(map, &card.id) else {
            continue;
        };
        if let Some(csat) = now.csat {
            by_step
                .entry(&card.step)
                .or_default()
                .push((csat, now.csat_answers));
        }
    }
    let mut out = Vec::new();
    for (_, step) in map.steps() {
        let Some(csats) = by_step.get(&step.id) else {
            continue;
        };
        let answers: u64 = csats.iter().map(|(_, n)| n).sum();
        let mean = if answers > 0 {
            csats.iter().map(|(c, n)| c * *n as f64).sum::<f64>() / answers as f64
        } else {
            csats.iter().map(|(c, _)| c).sum::<f64>() / csats.len() as f64
        };
        out.push(MeasuredPoint {
            step: step.id.clone(),
            score: csat_to_score(mean),
            answers,
        });
    }
    out
}

/// The steps where the measured curve and the assumed `curve` differ by more than one point.
pub fn divergent_steps(measured: &[MeasuredPoint], curve: &EmotionCurve) -> Vec<Id> {
    measured
        .iter()
        .filter(|m| {
            curve
                .points
                .iter()
                .find(|p| p.step == m.step)
                .is_some_and(|p| (m.score - p.score).abs() > 1.0)
        })
        .map(|m| m.step.clone())
        .collect()
}

/// A metric's name in English (the report, the CLI).
pub fn metric_label(metric: MetricKind) -> &'static str {
    match metric {
        MetricKind::Events => "Events",
        MetricKind::Customers => "Customers",
        MetricKind::ConversionRate => "Conversion",
        MetricKind::Csat => "CSAT",
        MetricKind::Nps => "NPS",
        MetricKind::Continuation => "Continuation",
    }
}

/// A value as people read it: rates as a percentage with one decimal ("3.1 %"), CSAT with one
/// decimal, NPS signed and whole ("+35", "−12"), counts whole. `decimal_comma` writes "3,1 %"
/// (Vietnamese).
pub fn format_value(metric: MetricKind, value: f64, decimal_comma: bool) -> String {
    let text = match metric {
        MetricKind::ConversionRate | MetricKind::Continuation => {
            let percent = format!("{:.1}", value * 100.0);
            let percent = percent.strip_suffix(".0").unwrap_or(&percent).to_owned();
            format!("{percent} %")
        }
        MetricKind::Csat => format!("{value:.1}"),
        MetricKind::Nps if value > 0.0 => format!("+{value:.0}"),
        MetricKind::Nps if value < 0.0 => format!("−{:.0}", -value),
        MetricKind::Nps | MetricKind::Events | MetricKind::Customers => format!("{value:.0}"),
    };
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

/// `Measured` evidence, in English: "Conversion 3.1 % (target 5 %) — Zalo OA". A card without
/// numbers says "no data"; a card that is gone is named by its id.
pub fn measured_text(map: &JourneyMap, card: &Id, metric: MetricKind) -> String {
    let name = map.card(card).map_or_else(
        || card.to_string(),
        |c| c.text.lines().next().unwrap_or("").to_owned(),
    );
    let label = metric_label(metric);
    match card_reading(map, card, metric) {
        Some(r) => {
            let value = format_value(metric, r.value, false);
            match r.target {
                Some((target, _)) => format!(
                    "{label} {value} (target {}) — {name}",
                    format_value(metric, target, false)
                ),
                None => match flag_reason(map, card, metric, r.value) {
                    Some(FlagReason::BelowOverall { overall }) => format!(
                        "{label} {value} (overall {}) — {name}",
                        format_value(metric, overall, false)
                    ),
                    _ => format!("{label} {value} — {name}"),
                },
            }
        }
        None => format!("{label}: no data — {name}"),
    }
}

/// Whether a reading's change since the previous import is for the better (`Some(true)`), for
/// the worse, or neither (`None`: no previous value, or no change). Higher is better unless
/// the reading's target says lower.
pub fn change_is_good(reading: &Reading) -> Option<bool> {
    let change = reading.change()?;
    if change.abs() < 1e-9 {
        return None;
    }
    let higher_is_better = !matches!(reading.target, Some((_, Direction::Lower)));
    Some((change > 0.0) == higher_is_better)
}

/// A change as a badge shows it: "▲ 12", "▼ 3.1" (rates in percentage points), "= 0" when
/// nothing moved. `decimal_comma` writes "▼ 3,1" (Vietnamese).
pub fn format_change(metric: MetricKind, change: f64, decimal_comma: bool) -> String {
    let arrow = if change.abs() < 1e-9 {
        "="
    } else if change > 0.0 {
        "▲"
    } else {
        "▼"
    };
    let size = change.abs();
    let text = match metric {
        MetricKind::ConversionRate | MetricKind::Continuation => {
            let points = format!("{:.1}", size * 100.0);
            points.strip_suffix(".0").unwrap_or(&points).to_owned()
        }
        MetricKind::Csat => format!("{size:.1}"),
        MetricKind::Nps | MetricKind::Events | MetricKind::Customers => format!("{size:.0}"),
    };
    let text = if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    };
    format!("{arrow}{text}")
}

/// The pain point made from `card`'s `metric` (its evidence links to that metric), if the map
/// has one: a flag offers to add one only once.
pub fn pain_from_metric<'a>(
    map: &'a JourneyMap,
    card: &Id,
    metric: MetricKind,
) -> Option<&'a crate::model::Card> {
    map.cards.iter().find(|c| {
        c.pain.as_ref().is_some_and(|p| {
            p.evidence.iter().any(|e| {
                matches!(e, crate::model::Evidence::Measured { card: c, metric: m }
                    if c == card && *m == metric)
            })
        })
    })
}

/// The date (as stored, ISO) of the import before the latest, if there are two.
pub fn previous_import_date(map: &JourneyMap) -> Option<&str> {
    let snapshots = &map.metrics.snapshots;
    snapshots
        .len()
        .checked_sub(2)
        .and_then(|i| snapshots.get(i))
        .map(|s| s.source.imported.as_str())
}

#[cfg(test)]
#[path = "overlay_tests.rs"]
mod tests;

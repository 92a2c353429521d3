//! How elements of a map are named in the UI: lane icons, step names, short card names, and the
//! message keys of severities and statuses. Shared by the canvas, the panels and the review.

use crate::model::{Card, Id, JourneyMap, LaneKind, PainStatus};
use crate::ui::kit::i18n::{Lang, tr};

/// Most characters of a card's first line used as its name in lists and pickers.
const CARD_NAME_CHARS: usize = 48;

/// A symbol for each lane kind, shown before the lane name.
pub fn lane_icon(kind: LaneKind) -> &'static str {
    crate::art::lane_icon(kind)
}

/// The name of a step for labels: "Stage › Step", or the stage alone for a one-step stage.
pub fn step_label(map: &JourneyMap, step: &Id) -> String {
    map.steps()
        .find(|(_, s)| &s.id == step)
        .map(|(stage, s)| {
            if s.name.trim().is_empty() {
                stage.name.clone()
            } else {
                format!("{} › {}", stage.name, s.name)
            }
        })
        .unwrap_or_default()
}

/// A card's text as a short one-line name for lists and pickers.
pub fn card_name(lang: Lang, card: &Card) -> String {
    let first_line = card.text.lines().next().unwrap_or_default().trim();
    if first_line.is_empty() {
        return tr(lang, "card-empty");
    }
    let mut name: String = first_line.chars().take(CARD_NAME_CHARS).collect();
    if first_line.chars().count() > CARD_NAME_CHARS || card.text.trim().lines().count() > 1 {
        name.push('…');
    }
    name
}

/// The message key of a severity's name, 1 (minor) to 5 (critical).
pub fn severity_key(severity: u8) -> &'static str {
    match severity {
        0 | 1 => "insp-severity-1",
        2 => "insp-severity-2",
        3 => "insp-severity-3",
        4 => "insp-severity-4",
        _ => "insp-severity-5",
    }
}

/// The message key of a pain point's status.
pub fn status_key(status: PainStatus) -> &'static str {
    match status {
        PainStatus::Open => "insp-status-open",
        PainStatus::InProgress => "insp-status-in-progress",
        PainStatus::Fixed => "insp-status-fixed",
    }
}

pub use crate::art::i18n::metric_key;

/// A count with its thousands grouped as `lang` writes them: "8,700,000" in English,
/// "8.700.000" in Vietnamese.
pub fn count_text(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let separator = if lang.decimal_comma() { '.' } else { ',' };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// `Measured` evidence in `lang`: "Conversion 3.1 % (target 5 %) — Zalo OA", read from the
/// map's latest import (so it follows re-imports).
pub fn measured_label(
    lang: Lang,
    map: &JourneyMap,
    card: &Id,
    metric: crate::model::MetricKind,
) -> String {
    use crate::analysis::overlay::{FlagReason, card_reading, flag_reason, format_value};
    let comma = lang.decimal_comma();
    let name = map
        .card(card)
        .map_or_else(|| card.to_string(), |c| card_name(lang, c));
    let mut args: Vec<(
        &'static str,
        fluent_templates::fluent_bundle::FluentValue<'static>,
    )> = vec![
        ("metric", tr(lang, metric_key(metric)).into()),
        ("card", name.into()),
    ];
    let key = match card_reading(map, card, metric) {
        None => "measured-no-data",
        Some(r) => {
            args.push(("value", format_value(metric, r.value, comma).into()));
            match (r.target, flag_reason(map, card, metric, r.value)) {
                (Some((target, _)), _) => {
                    args.push(("target", format_value(metric, target, comma).into()));
                    "measured-value-target"
                }
                (None, Some(FlagReason::BelowOverall { overall })) => {
                    args.push(("overall", format_value(metric, overall, comma).into()));
                    "measured-value-overall"
                }
                _ => "measured-value",
            }
        }
    };
    crate::ui::kit::i18n::tr_args(lang, key, &args)
}

/// The text of a pain point added from a flagged metric, in `lang` (the map's content
/// language): "Conversion misses its target at Zalo OA".
pub fn flag_pain_text(
    lang: Lang,
    map: &JourneyMap,
    flag: &crate::analysis::overlay::Flag,
) -> String {
    use crate::analysis::overlay::FlagReason;
    let name = map
        .card(&flag.subject)
        .map_or_else(|| flag.subject.to_string(), |c| card_name(lang, c));
    let key = match flag.reason {
        FlagReason::MissesTarget { .. } => "metric-pain-missed",
        FlagReason::BelowOverall { .. } => "metric-pain-below",
    };
    crate::ui::kit::i18n::tr_args(
        lang,
        key,
        &[
            ("metric", tr(lang, metric_key(flag.metric)).into()),
            ("card", name.into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::analysis::overlay::{Flag, FlagReason};
    use crate::model::testing::zalo_oa_map;
    use crate::model::{
        Direction, MetricKind, MetricSnapshot, MetricValues, Target, TouchpointMetrics,
    };

    /// A touchpoint card "Zalo OA" converting 3.1 % against a 5 % target.
    fn map() -> JourneyMap {
        let mut map = zalo_oa_map();
        map.metrics.snapshots.push(MetricSnapshot {
            overall: MetricValues {
                conversion_rate: Some(0.04),
                ..MetricValues::default()
            },
            touchpoints: vec![TouchpointMetrics {
                value: "Zalo OA".into(),
                card: Some(Id::new("c4")),
                total: MetricValues {
                    customers: 310,
                    conversion_rate: Some(0.031),
                    ..MetricValues::default()
                },
                months: Vec::new(),
            }],
            ..MetricSnapshot::default()
        });
        map.metrics.targets.push(Target {
            subject: Id::new("c4"),
            metric: MetricKind::ConversionRate,
            value: 0.05,
            direction: Direction::Higher,
        });
        map
    }

    #[test]
    fn measured_evidence_reads_in_each_language() {
        let mut map = map();
        let card = Id::new("c4");
        let rate = MetricKind::ConversionRate;
        assert_eq!(
            measured_label(Lang::En, &map, &card, rate),
            "Conversion 3.1 % (target 5 %) — Zalo OA"
        );
        assert_eq!(
            measured_label(Lang::Vi, &map, &card, rate),
            "Chuyển đổi 3,1 % (mục tiêu 5 %) — Zalo OA"
        );
        assert_eq!(
            measured_label(Lang::Vi, &map, &card, MetricKind::Nps),
            "NPS: chưa có dữ liệu — Zalo OA"
        );
        map.metrics.targets.clear();
        assert_eq!(
            measured_label(Lang::Vi, &map, &card, rate),
            "Chuyển đổi 3,1 % (mức chung 4 %) — Zalo OA"
        );
    }

    #[test]
    fn a_pain_point_from_a_flag_says_what_is_weak_and_where() {
        let map = map();
        let flag = |reason| Flag {
            subject: Id::new("c4"),
            metric: MetricKind::ConversionRate,
            value: 0.031,
            reason,
        };
        assert_eq!(
            flag_pain_text(
                Lang::Vi,
                &map,
                &flag(FlagReason::MissesTarget { target: 0.05 })
            ),
            "Chuyển đổi chưa đạt mục tiêu tại Zalo OA"
        );
        assert_eq!(
            flag_pain_text(
                Lang::En,
                &map,
                &flag(FlagReason::BelowOverall { overall: 0.04 })
            ),
            "Conversion below the overall rate at Zalo OA"
        );
    }

    #[test]
    fn counts_are_grouped_as_each_language_writes_them() {
        assert_eq!(count_text(Lang::En, 0), "0");
        assert_eq!(count_text(Lang::En, 999), "999");
        assert_eq!(count_text(Lang::En, 1000), "1,000");
        assert_eq!(count_text(Lang::Vi, 8_700_000), "8.700.000");
        assert_eq!(count_text(Lang::En, 12_345_678), "12,345,678");
    }
}

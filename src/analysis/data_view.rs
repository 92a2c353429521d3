//! What the customer-data panel shows, computed: the funnel's rows in the map's stage order
//! (then the data's stages that match none), the drop-off labels, the touchpoints whose
//! monthly trends it draws unless the user picks others, the months on the trend's axis, and
//! an import's file size as people read it.

use super::overlay::{FunnelStage, card_values, flags, format_value, funnel};
use crate::model::{Id, JourneyMap, MetricKind};

/// How many touchpoints the trend chart draws by default.
pub const DEFAULT_TREND_CARDS: usize = 3;

/// One bar of the funnel: a stage of the map with its numbers (if the data has it), or a
/// stage of the data that matches no stage of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelRow {
    /// The map's stage name, or the data's value for an unmatched stage.
    pub name: String,
    /// The map's stage (`None`: the data's stage matches no stage of the map).
    pub stage: Option<Id>,
    /// Its numbers in the latest import (`None`: the data has no rows for this stage).
    pub data: Option<FunnelStage>,
}

/// The funnel of the latest import as rows: every stage of the map in map order (with its
/// numbers where the data has them), then the data's stages that match no stage of the map,
/// in the data's order. Empty when the latest import has no stages.
pub fn funnel_rows(map: &JourneyMap) -> Vec<FunnelRow> {
    let stages = funnel(map);
    if stages.is_empty() {
        return Vec::new();
    }
    let mut rows: Vec<FunnelRow> = map
        .stages
        .iter()
        .map(|stage| FunnelRow {
            name: stage.name.clone(),
            stage: Some(stage.id.clone()),
            data: stages
                .iter()
                .find(|s| s.stage.as_ref() == Some(&stage.id))
                .cloned(),
        })
        .collect();
    rows.extend(
        stages
            .into_iter()
            .filter(|s| s.stage.is_none())
            .map(|s| FunnelRow {
                name: s.value.clone(),
                stage: None,
                data: Some(s),
            }),
    );
    rows
}

/// A drop-off as the funnel labels it: "−34 %" (a minus sign, as a loss), "0 %" when none
/// is lost; `decimal_comma` writes "−33,5 %".
pub fn drop_off_text(drop_off: f64, decimal_comma: bool) -> String {
    let text = format_value(MetricKind::Continuation, drop_off, decimal_comma);
    if text.starts_with("0 ") {
        text
    } else {
        format!("\u{2212}{text}")
    }
}

/// A change since the previous import, signed: "+1.2 %", "−0.4 %", "+12" (NPS points),
/// "±0" when it rounds to nothing; `decimal_comma` writes "+1,2 %". A share's change is in
/// percentage points.
pub fn change_text(metric: MetricKind, change: f64, decimal_comma: bool) -> String {
    let size = format_value(metric, change.abs(), decimal_comma);
    let size = size.trim_start_matches('+');
    let nothing = !size.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if nothing {
        "±"
    } else if change > 0.0 {
        "+"
    } else {
        "\u{2212}"
    };
    format!("{sign}{size}")
}

/// The touchpoint cards with numbers in the latest import, in map order: the ones the trend
/// chart can draw.
pub fn data_cards(map: &JourneyMap) -> Vec<Id> {
    super::matching::touchpoint_cards(map)
        .filter(|c| card_values(map, &c.id).is_some())
        .map(|c| c.id.clone())
        .collect()
}

/// The touchpoints the trend chart draws unless the user picked others: the selected card
/// when it is a touchpoint with numbers; else the flagged touchpoints; else the `most` with
/// the most customers (map order among equals). At most `most` cards.
pub fn default_trend_cards(map: &JourneyMap, selected: &[Id], most: usize) -> Vec<Id> {
    let with_data = data_cards(map);
    if let [one] = selected
        && with_data.contains(one)
    {
        return vec![one.clone()];
    }
    let mut flagged: Vec<Id> = Vec::new();
    for flag in flags(map) {
        if with_data.contains(&flag.subject) && !flagged.contains(&flag.subject) {
            flagged.push(flag.subject);
        }
    }
    if !flagged.is_empty() {
        flagged.truncate(most);
        return flagged;
    }
    let mut by_customers: Vec<(u64, Id)> = with_data
        .into_iter()
        .filter_map(|id| Some((card_values(map, &id)?.0.customers, id)))
        .collect();
    // Stable: equal counts keep map order.
    by_customers.sort_by_key(|(customers, _)| std::cmp::Reverse(*customers));
    by_customers
        .into_iter()
        .take(most)
        .map(|(_, id)| id)
        .collect()
}

/// The months of several trends together, oldest first, each once: the trend chart's x axis.
pub fn trend_months<'a>(trends: impl IntoIterator<Item = &'a [(String, f64)]>) -> Vec<String> {
    let mut months: Vec<String> = trends
        .into_iter()
        .flat_map(|t| t.iter().map(|(m, _)| m.clone()))
        .collect();
    months.sort();
    months.dedup();
    months
}

/// A file size as people read it: "850 B", "12.4 KB", "3.1 MB", "1.2 GB" (1 KB = 1,024
/// bytes); `decimal_comma` writes "12,4 KB".
#[expect(clippy::cast_precision_loss, reason = "a size shown with one decimal")]
pub fn size_text(bytes: u64, decimal_comma: bool) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let text = format!("{value:.1} {}", UNITS[unit]);
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::testing::{lane, one_step_stage};
    use crate::model::{
        Card, LaneKind, MetricSnapshot, MetricValues, StageMetrics, Target, TouchpointMetrics,
    };

    fn id(s: &str) -> Id {
        Id::new(s)
    }

    /// Stages s1 "Nhận biết" and s3 "Mua hàng"; touchpoints Zalo OA (c8, 100 customers,
    /// 2 % conversion), Website (c9, 300, 6 %), Cửa hàng (c10, 50, 5 %); overall 5 %; the
    /// data's stages: Nhận biết, "Hậu mãi" (no stage of the map), Mua hàng.
    fn map() -> JourneyMap {
        let mut map = JourneyMap::new("t");
        for (stage_id, name, step) in [("s1", "Nhận biết", "st2"), ("s3", "Mua hàng", "st4")] {
            map.stages.push(one_step_stage(stage_id, name, step));
        }
        map.lanes = vec![lane("l5", "Điểm chạm", LaneKind::Touchpoints)];
        map.cards = vec![
            Card::new(id("c8"), id("st2"), id("l5"), "Zalo OA"),
            Card::new(id("c9"), id("st2"), id("l5"), "Website"),
            Card::new(id("c10"), id("st4"), id("l5"), "Cửa hàng"),
        ];
        map.next_id = 12;
        let tp = |value: &str, card: &str, customers, rate| TouchpointMetrics {
            value: value.into(),
            card: Some(id(card)),
            total: MetricValues {
                customers,
                conversion_rate: Some(rate),
                ..MetricValues::default()
            },
            months: Vec::new(),
        };
        let st = |value: &str, stage: Option<&str>, customers, continuation| StageMetrics {
            value: value.into(),
            stage: stage.map(id),
            customers,
            continuation,
            months: Vec::new(),
        };
        map.metrics.snapshots.push(MetricSnapshot {
            overall: MetricValues {
                customers: 400,
                conversion_rate: Some(0.05),
                ..MetricValues::default()
            },
            touchpoints: vec![
                tp("Cửa hàng", "c10", 50, 0.05),
                tp("Website", "c9", 300, 0.06),
                tp("Zalo OA", "c8", 100, 0.02),
            ],
            stages: vec![
                st("Nhận biết", Some("s1"), 400, Some(0.5)),
                st("Hậu mãi", None, 200, Some(0.25)),
                st("Mua hàng", Some("s3"), 50, None),
            ],
            ..MetricSnapshot::default()
        });
        map
    }

    #[test]
    fn funnel_rows_follow_the_map_then_the_unmatched_stages() {
        let rows = funnel_rows(&map());
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Nhận biết", "Mua hàng", "Hậu mãi"]);
        let customers: Vec<Option<u64>> = rows
            .iter()
            .map(|r| r.data.as_ref().map(|d| d.customers))
            .collect();
        assert_eq!(customers, [Some(400), Some(50), Some(200)]);
        assert_eq!(rows[2].stage, None);
        // A map stage the data does not have keeps its place, without numbers.
        let mut m = map();
        m.metrics.snapshots[0].stages.remove(0);
        let rows = funnel_rows(&m);
        assert_eq!(rows[0].name, "Nhận biết");
        assert_eq!(rows[0].data, None);
        // No stages in the data: no funnel.
        m.metrics.snapshots[0].stages.clear();
        assert!(funnel_rows(&m).is_empty());
    }

    #[test]
    fn drop_offs_are_labelled_as_losses() {
        assert_eq!(drop_off_text(0.34, false), "\u{2212}34 %");
        assert_eq!(drop_off_text(0.335, true), "\u{2212}33,5 %");
        assert_eq!(drop_off_text(0.0, true), "0 %");
        assert_eq!(drop_off_text(0.004, false), "\u{2212}0.4 %");
    }

    #[test]
    fn changes_are_signed_in_the_metric_s_unit() {
        assert_eq!(
            change_text(MetricKind::ConversionRate, 0.012, true),
            "+1,2 %"
        );
        assert_eq!(
            change_text(MetricKind::ConversionRate, -0.004, false),
            "\u{2212}0.4 %"
        );
        assert_eq!(change_text(MetricKind::Nps, 12.0, false), "+12");
        assert_eq!(change_text(MetricKind::Nps, -3.0, false), "\u{2212}3");
        assert_eq!(change_text(MetricKind::Customers, 0.2, false), "±0");
        assert_eq!(change_text(MetricKind::Csat, -0.3, true), "\u{2212}0,3");
    }

    #[test]
    fn trends_default_to_the_selection_then_flags_then_the_largest() {
        let map = map();
        // The selected touchpoint alone.
        assert_eq!(default_trend_cards(&map, &[id("c9")], 3), [id("c9")]);
        // Nothing selected: Zalo OA converts below the overall 5 %.
        assert_eq!(default_trend_cards(&map, &[], 3), [id("c8")]);
        // A card without data selected counts as nothing selected.
        assert_eq!(default_trend_cards(&map, &[id("s1")], 3), [id("c8")]);
        // No flags (a met target): the most customers first.
        let mut m = map.clone();
        m.metrics.targets.push(Target {
            subject: id("c8"),
            metric: MetricKind::ConversionRate,
            value: 0.01,
            direction: crate::model::Direction::Higher,
        });
        assert_eq!(default_trend_cards(&m, &[], 2), [id("c9"), id("c8")]);
        assert_eq!(data_cards(&m), [id("c8"), id("c9"), id("c10")]);
    }

    #[test]
    fn trend_months_are_the_union_in_order() {
        let a = vec![("2026-06".to_owned(), 1.0), ("2026-07".to_owned(), 2.0)];
        let b = vec![("2026-05".to_owned(), 1.0), ("2026-07".to_owned(), 2.0)];
        assert_eq!(
            trend_months([a.as_slice(), b.as_slice()]),
            ["2026-05", "2026-06", "2026-07"]
        );
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_text(850, true), "850 B");
        assert_eq!(size_text(12_700, false), "12.4 KB");
        assert_eq!(size_text(12_700, true), "12,4 KB");
        assert_eq!(size_text(3_250_000, false), "3.1 MB");
        assert_eq!(size_text(1_300_000_000, false), "1.2 GB");
    }
}

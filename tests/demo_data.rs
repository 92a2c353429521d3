//! The demo export shipped beside the Zalo sample is a good demo: imported twice (two quarters),
//! every data touchpoint finds its card, every card has numbers, a change and months of trend (six on
//! the busiest), and a weak touchpoint is flagged.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use journeymap::analysis::{matching, overlay};
use journeymap::model::MetricKind;

#[test]
fn the_demo_export_imported_twice_gives_changes_trends_and_flags() {
    let map = common::zalo_with_data();
    let snapshots = &map.metrics.snapshots;
    assert_eq!(snapshots.len(), 2);
    assert_eq!(snapshots[0].source.imported, "2026-09-01");
    assert_eq!(snapshots[1].source.imported, "2026-11-01");
    assert_eq!(snapshots[1].source.rows_read, 600);
    assert!(snapshots[0].source.rows_read < 600);
    // Every data touchpoint is tied to a card.
    let mut last = snapshots[1].clone();
    let matched = matching::match_snapshot(&map, &mut last);
    assert_eq!(matched.unmatched, Vec::<String>::new());
    let cards: Vec<_> = matching::touchpoint_cards(&map)
        .map(|c| c.id.clone())
        .collect();
    assert!(cards.len() >= 5, "{cards:?}");
    let mut longest = 0;
    for card in &cards {
        let conversion = overlay::card_reading(&map, card, MetricKind::ConversionRate)
            .unwrap_or_else(|| panic!("no conversion on {card:?}"));
        assert!(
            conversion.previous.is_some(),
            "{card:?} has no previous value"
        );
        let trend = overlay::trend(&map, card, MetricKind::Customers);
        assert!(trend.len() >= 4, "{card:?}: {trend:?}");
        longest = longest.max(trend.len());
    }
    assert_eq!(longest, 6);
    assert!(!overlay::flags(&map).is_empty());
    assert!(!overlay::measured_curve(&map).is_empty());
}

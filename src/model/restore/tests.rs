//! Tests of restore: each repair, and that a repaired map validates.

use super::ids::all_ids;
use super::*;
use crate::model::testing::{lane, one_step_stage};
use crate::model::{
    Card, EmotionCurve, EmotionPoint, Evidence, Id, LaneKind, MAX_ID_NUMBER, PainAnchor, PainPoint,
};

fn small_map() -> JourneyMap {
    let mut map = JourneyMap::new("Test");
    map.stages.push(one_step_stage("s1", "Awareness", "st2"));
    map.lanes
        .push(lane("l3", "Touchpoints", LaneKind::Touchpoints));
    map.lanes.push(lane("l4", "Feeling", LaneKind::Emotions));
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

/// A map whose ids are all far above [`MAX_ID_NUMBER`], linked every way a map links.
fn map_with_huge_ids() -> JourneyMap {
    let mut map = small_map();
    let huge = |prefix: &str, n: u64| Id::new(format!("{prefix}{n}"));
    let step = huge("st", u64::MAX);
    let curve = huge("cv", u64::MAX - 1);
    let metric = huge("c", u64::MAX);
    let pain = huge("c", MAX_ID_NUMBER + 1);
    map.stages[0].steps[0].id = step.clone();
    map.cards[0].step = step.clone();
    map.cards[0].id = metric.clone();
    map.curves.push(EmotionCurve {
        id: curve.clone(),
        name: "as-is".into(),
        color: crate::model::ColorToken::Blue,
        hidden: false,
        points: vec![EmotionPoint {
            step: step.clone(),
            score: -1.0,
            emoji: None,
            note: String::new(),
        }],
    });
    let mut pain_card = Card::new(pain.clone(), step.clone(), Id::new("l3"), "Đau");
    pain_card.pain = Some(PainPoint {
        severity: 3,
        votes: 0,
        evidence: vec![Evidence::Metric(metric)],
        status: Default::default(),
        owner: String::new(),
        anchor: Some(PainAnchor::Point { curve, step }),
    });
    map.cards.push(pain_card);
    let mut opp = Card::new(Id::new("c7"), huge("st", u64::MAX), Id::new("l3"), "Fix");
    opp.opportunity = Some(crate::model::Opportunity {
        impact: 3,
        effort: 2,
        votes: 0,
        addresses: vec![pain],
    });
    map.cards.push(opp);
    map.next_id = u64::MAX;
    map
}

#[test]
fn ids_above_the_max_are_renumbered_with_every_link() {
    let mut map = map_with_huge_ids();
    let warnings = restore(&mut map);
    let text: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|w| w
            == "id c18446744073709551615 is above the largest id number (9007199254740992); renumbered to c9 and updated the links to it"),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|w| w.starts_with("next_id 18446744073709551615 is above")),
        "{text:#?}"
    );
    assert_eq!(validate(&map), vec![], "{map:#?}");
    let step = map.stages[0].steps[0].id.clone();
    assert_eq!(step.as_str(), "st8");
    let curve = map.curves[0].id.clone();
    assert_eq!(map.curves[0].points[0].step, step);
    assert!(map.cards.iter().all(|c| c.step == step));
    let metric = map.cards[0].id.clone();
    let pain_card = &map.cards[1];
    let pain = pain_card.pain.clone().unwrap_or_else(|| panic!("no pain"));
    assert_eq!(pain.evidence, vec![Evidence::Metric(metric)]);
    assert_eq!(pain.anchor, Some(PainAnchor::Point { curve, step }));
    let addresses = map.cards[2]
        .opportunity
        .as_ref()
        .map(|o| o.addresses.clone());
    assert_eq!(addresses, Some(vec![pain_card.id.clone()]));
    let mut numbers: Vec<u64> = all_ids(&map).filter_map(Id::number).collect();
    assert!(numbers.iter().all(|&n| n <= MAX_ID_NUMBER), "{numbers:?}");
    assert!(numbers.iter().all(|&n| n < map.next_id));
    assert!(map.next_id <= MAX_ID_NUMBER + 1);
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), all_ids(&map).count(), "ids repeat");
}

#[test]
fn ids_that_cannot_fit_below_the_max_are_compacted() {
    let mut map = small_map();
    map.cards[0].id = Id::new(format!("c{MAX_ID_NUMBER}"));
    let mut second = map.cards[0].clone();
    second.id = Id::new(format!("c{}", u64::MAX));
    map.cards.push(second);
    map.next_id = MAX_ID_NUMBER + 1;
    let warnings = restore(&mut map);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(warnings[0].message.contains("renumbered every id from 1"));
    let ids: Vec<&str> = all_ids(&map).map(Id::as_str).collect();
    assert_eq!(ids, ["s1", "st2", "l3", "l4", "c5", "c6"]);
    assert_eq!(map.next_id, 7);
    assert_eq!(map.cards[1].step.as_str(), "st2");
    assert_eq!(map.cards[1].lane.as_str(), "l3");
    assert_eq!(validate(&map), vec![]);
}

#[test]
fn repairs_at_the_top_of_the_range_end_compacted() {
    // A valid map whose counter is at its very end, with a duplicate id to repair: the
    // repair's fresh id would be out of range, so restore renumbers every id.
    let mut map = small_map();
    map.cards[0].id = Id::new(format!("c{MAX_ID_NUMBER}"));
    let second = map.cards[0].clone();
    map.cards.push(second);
    map.next_id = MAX_ID_NUMBER + 1;
    let warnings = restore(&mut map);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[1].message.contains("renumbered every id from 1"));
    let ids: Vec<&str> = all_ids(&map).map(Id::as_str).collect();
    assert_eq!(ids, ["s1", "st2", "l3", "l4", "c5", "c6"]);
    assert_eq!(map.next_id, 7);
    assert_eq!(validate(&map), vec![]);
}

#[test]
fn ids_with_control_characters_are_renumbered() {
    let mut map = small_map();
    map.cards[0].id = Id::new("c5\u{1b}]0;pwned\u{7}");
    let warnings = restore(&mut map);
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "id c5\\u{1b}]0;pwned\\u{7} contains control characters; renumbered to c6 and updated the links to it"
        ]
    );
    assert_eq!(warnings[0].key, "warn-id-control");
    assert_eq!(map.cards[0].id.as_str(), "c6");
    assert_eq!(map.next_id, 7);
}

#[test]
fn control_characters_are_removed_and_located() {
    let mut map = small_map();
    map.cards[0].text = "Ad\u{7}\u{1b}[2J".into();
    map.stages[0].name = "Aware\u{202e}ness".into();
    map.goals = vec!["ok".into(), "bad\r\n".into()];
    let warnings: Vec<String> = restore(&mut map).iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "map goals[1]: removed 1 control character",
            "stage s1 \"Awareness\" name: removed 1 control character",
            "card c5 \"Ad[2J\" text: removed 2 control characters",
        ]
    );
    assert_eq!(map.cards[0].text, "Ad[2J");
    assert_eq!(map.goals[1], "bad\n");
    assert!(validate(&map).is_empty());
}

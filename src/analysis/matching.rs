//! Matching the values of customer data to the map: touchpoint values to touchpoint cards (the
//! cards in lanes of the Touchpoints kind), stage values to stages.
//!
//! A touchpoint value matches, in this order: the card a saved alias names; the card with that
//! id; the one card whose text is the value; the one card whose text, with a channel prefix
//! ("Zalo OA: nhắn tin tư vấn") taken off, or whose prefix alone, is the value. Every comparison is
//! by [`value_key`] (NFC, trimmed, case-insensitive), so "zalo oa", "Zalo OA " and a decomposed
//! "Zalo OA" are the same value. A text that two cards share is not guessed at: the value
//! stays unmatched, for the user to assign (which saves an alias). Values the user ignores
//! are left out of the unmatched list.
//!
//! A stage value matches the stage with that id, else the one stage with that name.

use std::collections::BTreeMap;

use crate::model::{Card, Id, JourneyMap, LaneKind, MetricSnapshot, value_key};

/// How a data value found its card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    /// A saved alias.
    Alias,
    /// The card's (or stage's) id.
    Id,
    /// The card's text (or the stage's name).
    Text,
    /// The card's text without its channel prefix, or the prefix alone.
    Prefix,
}

/// One data value tied to a card or a stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matched {
    /// The value as written in the data.
    pub value: String,
    /// The card (or stage) it matched.
    pub id: Id,
    /// How.
    pub by: MatchedBy,
}

/// The outcome of matching a list of data values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matching {
    /// Values tied to a card or stage, in the order given.
    pub matched: Vec<Matched>,
    /// Values tied to nothing and not ignored, in the order given.
    pub unmatched: Vec<String>,
}

impl Matching {
    /// The card or stage `value` matched, if any.
    pub fn id_of(&self, value: &str) -> Option<&Id> {
        self.matched
            .iter()
            .find(|m| m.value == value)
            .map(|m| &m.id)
    }
}

/// The touchpoint cards of the map: the cards in lanes of the Touchpoints kind, in map order.
pub fn touchpoint_cards(map: &JourneyMap) -> impl Iterator<Item = &Card> {
    map.cards.iter().filter(|c| {
        map.lane(&c.lane)
            .is_some_and(|l| l.kind == LaneKind::Touchpoints)
    })
}

/// A key → element table where a key two elements share leads to neither.
struct Unique(BTreeMap<String, Option<Id>>);

impl Unique {
    fn new() -> Self {
        Self(BTreeMap::new())
    }

    fn add(&mut self, key: String, id: &Id) {
        if key.is_empty() {
            return;
        }
        self.0
            .entry(key)
            .and_modify(|found| {
                if found.as_ref() != Some(id) {
                    *found = None;
                }
            })
            .or_insert_with(|| Some(id.clone()));
    }

    fn get(&self, key: &str) -> Option<&Id> {
        self.0.get(key).and_then(Option::as_ref)
    }
}

/// The parts of a card text around a channel prefix: "Zalo OA: nhắn tin" gives ("Zalo OA",
/// "nhắn tin"). Only the first line counts, and a prefix is short (at most 40 characters).
fn prefix_parts(text: &str) -> Option<(&str, &str)> {
    let line = text.lines().next()?;
    let (prefix, rest) = line.split_once(':')?;
    // "https://…" is a link, not a channel.
    if rest.starts_with("//") || prefix.trim().is_empty() || prefix.chars().count() > 40 {
        return None;
    }
    Some((prefix, rest))
}

/// Matches data touchpoint `values` to the touchpoint cards of `map` (see the module's rules).
pub fn match_touchpoints<'v>(
    map: &JourneyMap,
    values: impl IntoIterator<Item = &'v str>,
) -> Matching {
    let cards: Vec<&Card> = touchpoint_cards(map).collect();
    let mut by_text = Unique::new();
    let mut by_prefix = Unique::new();
    for card in &cards {
        by_text.add(value_key(&card.text), &card.id);
        if let Some(first) = card.text.lines().next()
            && first.len() < card.text.trim_end().len()
        {
            by_text.add(value_key(first), &card.id);
        }
        if let Some((prefix, rest)) = prefix_parts(&card.text) {
            by_prefix.add(value_key(rest), &card.id);
            by_prefix.add(value_key(prefix), &card.id);
        }
    }
    let is_touchpoint = |id: &Id| cards.iter().any(|c| &c.id == id);
    let mut out = Matching::default();
    for value in values {
        let key = value_key(value);
        let found = map
            .metrics
            .alias(value)
            .filter(|id| map.card(id).is_some())
            .map(|id| (id.clone(), MatchedBy::Alias))
            .or_else(|| {
                let id = Id::new(value.trim());
                is_touchpoint(&id).then_some((id, MatchedBy::Id))
            })
            .or_else(|| by_text.get(&key).map(|id| (id.clone(), MatchedBy::Text)))
            .or_else(|| {
                by_prefix
                    .get(&key)
                    .map(|id| (id.clone(), MatchedBy::Prefix))
            });
        match found {
            Some((id, by)) => out.matched.push(Matched {
                value: value.to_owned(),
                id,
                by,
            }),
            None if map.metrics.is_ignored(value) || key.is_empty() => {}
            None => out.unmatched.push(value.to_owned()),
        }
    }
    out
}

/// Matches data stage `values` to the stages of `map`: by id, else by name (unique).
pub fn match_stages<'v>(map: &JourneyMap, values: impl IntoIterator<Item = &'v str>) -> Matching {
    let mut by_name = Unique::new();
    for stage in &map.stages {
        by_name.add(value_key(&stage.name), &stage.id);
    }
    let mut out = Matching::default();
    for value in values {
        let id = Id::new(value.trim());
        let found = if map.stages.iter().any(|s| s.id == id) {
            Some((id, MatchedBy::Id))
        } else {
            by_name
                .get(&value_key(value))
                .map(|id| (id.clone(), MatchedBy::Text))
        };
        match found {
            Some((id, by)) => out.matched.push(Matched {
                value: value.to_owned(),
                id,
                by,
            }),
            None if value_key(value).is_empty() => {}
            None => out.unmatched.push(value.to_owned()),
        }
    }
    out
}

/// Sets the matched card of every touchpoint value and the matched stage of every stage value
/// of `snapshot` from `map` (the importer calls this before adding the snapshot), and returns
/// the touchpoint matching (for the summary: matched and unmatched values).
pub fn match_snapshot(map: &JourneyMap, snapshot: &mut MetricSnapshot) -> Matching {
    let touchpoints = match_touchpoints(map, snapshot.touchpoints.iter().map(|t| t.value.as_str()));
    for t in &mut snapshot.touchpoints {
        t.card = touchpoints.id_of(&t.value).cloned();
    }
    let stages = match_stages(map, snapshot.stages.iter().map(|s| s.value.as_str()));
    for s in &mut snapshot.stages {
        s.stage = stages.id_of(&s.value).cloned();
    }
    touchpoints
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lane, Stage, Step, TouchpointMetrics};

    /// Two stages, a touchpoint lane and a thoughts lane.
    fn map() -> JourneyMap {
        let mut map = JourneyMap::new("t");
        map.stages = vec![
            Stage {
                id: Id::new("s1"),
                name: "Nhận biết".into(),
                color: None,
                steps: vec![Step {
                    id: Id::new("st2"),
                    name: String::new(),
                }],
            },
            Stage {
                id: Id::new("s3"),
                name: "Mua hàng".into(),
                color: None,
                steps: vec![Step {
                    id: Id::new("st4"),
                    name: String::new(),
                }],
            },
        ];
        map.lanes = vec![
            Lane {
                id: Id::new("l5"),
                name: "Điểm chạm".into(),
                kind: LaneKind::Touchpoints,
            },
            Lane {
                id: Id::new("l6"),
                name: "Suy nghĩ".into(),
                kind: LaneKind::Thoughts,
            },
        ];
        let card = |id: &str, step: &str, lane: &str, text: &str| {
            Card::new(Id::new(id), Id::new(step), Id::new(lane), text)
        };
        map.cards = vec![
            card("c7", "st2", "l5", "Quảng cáo Facebook"),
            card("c8", "st2", "l5", "Zalo OA: nhắn tin tư vấn"),
            card("c9", "st4", "l5", "Website"),
            card("c10", "st4", "l5", "Website"),
            card("c11", "st4", "l6", "Giỏ hàng"),
            card("c12", "st4", "l5", "Thanh toán\nqua ví MoMo"),
        ];
        map.next_id = 13;
        map
    }

    fn ids(m: &Matching) -> Vec<(&str, &str, MatchedBy)> {
        m.matched
            .iter()
            .map(|m| (m.value.as_str(), m.id.as_str(), m.by))
            .collect()
    }

    #[test]
    fn text_matches_ignore_case_spacing_and_nfd() {
        let map = map();
        // "Quảng cáo facebook" typed with combining marks, in another case, with spaces.
        let nfd = "  Qua\u{0309}ng ca\u{0301}o FACEBOOK ";
        let m = match_touchpoints(&map, [nfd, "thanh toán"]);
        assert_eq!(
            ids(&m),
            [
                (nfd, "c7", MatchedBy::Text),
                ("thanh toán", "c12", MatchedBy::Text)
            ]
        );
        assert!(m.unmatched.is_empty());
    }

    #[test]
    fn aliases_come_first_then_ids_then_texts_then_prefixes() {
        let mut map = map();
        map.metrics
            .aliases
            .push(("Quảng cáo Facebook".into(), Id::new("c9")));
        let m = match_touchpoints(
            &map,
            ["quảng cáo facebook", "c8", "zalo oa", "Nhắn tin tư vấn"],
        );
        assert_eq!(
            ids(&m),
            [
                ("quảng cáo facebook", "c9", MatchedBy::Alias),
                ("c8", "c8", MatchedBy::Id),
                ("zalo oa", "c8", MatchedBy::Prefix),
                ("Nhắn tin tư vấn", "c8", MatchedBy::Prefix),
            ]
        );
    }

    #[test]
    fn shared_texts_other_lanes_and_ignored_values_stay_unmatched_or_out() {
        let mut map = map();
        map.metrics.ignored.push("TEST-EVENT".into());
        let m = match_touchpoints(&map, ["Website", "Giỏ hàng", "c11", "test-event", "  "]);
        assert!(m.matched.is_empty(), "{:?}", m.matched);
        // Two cards say "Website": the user picks; "Giỏ hàng" is not a touchpoint card.
        assert_eq!(m.unmatched, ["Website", "Giỏ hàng", "c11"]);
    }

    #[test]
    fn an_alias_to_a_card_that_is_gone_falls_back_to_the_text() {
        let mut map = map();
        map.metrics
            .aliases
            .push(("Website".into(), Id::new("c404")));
        map.cards.retain(|c| c.id.as_str() != "c10");
        let m = match_touchpoints(&map, ["website"]);
        assert_eq!(ids(&m), [("website", "c9", MatchedBy::Text)]);
    }

    #[test]
    fn stages_match_by_id_or_name() {
        let map = map();
        let m = match_stages(&map, ["MUA HA\u{0300}NG", "s1", "Trung thành"]);
        assert_eq!(
            ids(&m),
            [
                ("MUA HA\u{0300}NG", "s3", MatchedBy::Text),
                ("s1", "s1", MatchedBy::Id)
            ]
        );
        assert_eq!(m.unmatched, ["Trung thành"]);
    }

    #[test]
    fn matching_a_snapshot_sets_its_links() {
        let map = map();
        let mut snapshot = MetricSnapshot::default();
        for value in ["Website", "Zalo OA", "Quảng cáo Facebook"] {
            snapshot.touchpoints.push(TouchpointMetrics {
                value: value.into(),
                ..Default::default()
            });
        }
        let m = match_snapshot(&map, &mut snapshot);
        let cards: Vec<Option<&str>> = snapshot
            .touchpoints
            .iter()
            .map(|t| t.card.as_ref().map(Id::as_str))
            .collect();
        assert_eq!(cards, [None, Some("c8"), Some("c7")]);
        assert_eq!(m.unmatched, ["Website"]);
    }
}

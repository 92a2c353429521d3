//! The clipboard as data: what copying cards puts on it, and what pasting makes of any text.
//!
//! Cards travel as RON with a token naming the open map they came from. Pasting gives every
//! card a fresh id (in [`EditCommand::InsertCards`](super::EditCommand::InsertCards)); links
//! among the pasted cards follow them to their new ids, and links to cards outside the pasted
//! set are kept only when pasting into the map they were copied from. In another map the same
//! id names an unrelated card, so such links are dropped rather than rebound.
//!
//! Clipboard text is untrusted: it may be huge, deeply nested, or carry control characters.
//! Parsing is bounded, and whatever is left out is counted so the UI can say so.

use std::collections::BTreeMap;
use std::hash::{BuildHasher as _, Hasher as _};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::model::{Card, Evidence, Id, PainAnchor};

/// Most cards one paste inserts; the rest is left out with a message.
pub const MAX_PASTED_CARDS: usize = 2_000;

/// Longest clipboard text read as cards (a copied map of 2,000 cards is well under this).
pub const MAX_CLIPBOARD_BYTES: usize = 4 * 1024 * 1024;

/// Longest text of one card made from a line of plain text, in characters.
pub const MAX_LINE_CHARS: usize = 2_000;

/// What journeymap puts on the clipboard when cards are copied.
#[derive(Debug, Serialize, Deserialize)]
struct ClipboardCards {
    /// The map the cards were copied from ([`new_source_token`]); 0 when unknown.
    #[serde(default)]
    source: u64,
    /// The cards, in map order.
    journeymap_cards: Vec<Card>,
}

/// A token that names one open map for the clipboard, unique among the maps open on this
/// machine in practice (random, mixed with a counter).
pub fn new_source_token() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u32(std::process::id());
    // 0 means "unknown source"; never hand it out.
    hasher.finish().max(1)
}

/// The clipboard text for `cards` copied from the map named `source`.
pub fn copy_text(cards: Vec<Card>, source: u64) -> Option<String> {
    if cards.is_empty() {
        return None;
    }
    ron::to_string(&ClipboardCards {
        source,
        journeymap_cards: cards,
    })
    .ok()
}

/// What a paste will insert.
#[derive(Debug, Default, PartialEq)]
pub struct Pasted {
    /// The cards, with the ids they had where they were copied (replaced on insertion).
    pub cards: Vec<Card>,
    /// Copied from the map being pasted into: links to its other cards stay.
    pub same_map: bool,
    /// Cards or lines left out because the paste was too large.
    pub left_out: usize,
    /// Lines cut because they were longer than [`MAX_LINE_CHARS`].
    pub shortened: usize,
}

/// Reads clipboard text: cards copied from journeymap keep their content; any other text
/// becomes one card per non-empty line. `this_map` is the token of the map pasted into.
/// Ids and cells of the result are placeholders until the cards are inserted.
pub fn parse(text: &str, this_map: u64, step: &Id, lane: &Id) -> Pasted {
    let mut pasted = Pasted::default();
    let text = if text.len() > MAX_CLIPBOARD_BYTES {
        // Cut at a character boundary; whatever is beyond is not read.
        let mut end = MAX_CLIPBOARD_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        pasted.left_out += text[end..].lines().filter(|l| !l.trim().is_empty()).count();
        &text[..end]
    } else {
        text
    };
    if let Some(clip) = journeymap_cards(text) {
        let total = clip.journeymap_cards.len();
        pasted.cards = clip.journeymap_cards;
        pasted.cards.truncate(MAX_PASTED_CARDS);
        pasted.left_out += total - pasted.cards.len();
        pasted.same_map = clip.source != 0 && clip.source == this_map;
        return pasted;
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    pasted.left_out += lines.len().saturating_sub(MAX_PASTED_CARDS);
    pasted.cards = lines
        .into_iter()
        .take(MAX_PASTED_CARDS)
        .map(|line| {
            let text: String = line.chars().take(MAX_LINE_CHARS).collect();
            if text.len() < line.len() {
                pasted.shortened += 1;
            }
            Card::new(Id::new(""), step.clone(), lane.clone(), text)
        })
        .collect();
    pasted
}

/// The cards of a journeymap clipboard payload, if `text` is one.
fn journeymap_cards(text: &str) -> Option<ClipboardCards> {
    // Cheap test first: plain text pasted from elsewhere is not parsed as RON at all.
    if !text.trim_start().starts_with('(') || !text.contains("journeymap_cards") {
        return None;
    }
    // Cards nest about six levels deep; anything deeper is not a copy of ours.
    ron::Options::default()
        .with_recursion_limit(32)
        .from_str(text)
        .ok()
}

/// Points the links of freshly inserted cards at their new ids. `fresh` maps each pasted
/// card's old id to its new one (the first card wins where a hostile paste repeats an id).
/// A link to a card outside the pasted set is kept only when `same_map`; otherwise it is
/// dropped: a pin is unpinned, an addressed pain point is unlinked and metric evidence becomes
/// a note, so no link silently points at an unrelated card of this map.
pub fn relink(cards: &mut [Card], fresh: &BTreeMap<Id, Id>, same_map: bool) {
    let follow = |id: &Id| -> Option<Id> {
        match fresh.get(id) {
            Some(new) => Some(new.clone()),
            None if same_map => Some(id.clone()),
            None => None,
        }
    };
    for card in cards {
        if let Some(pain) = &mut card.pain {
            pain.anchor = match pain.anchor.take() {
                Some(PainAnchor::Card(id)) => follow(&id).map(PainAnchor::Card),
                // Curves are not copied with cards: a point is only in the map it came from.
                Some(point @ PainAnchor::Point { .. }) if same_map => Some(point),
                Some(PainAnchor::Point { .. }) | None => None,
            };
            for evidence in &mut pain.evidence {
                if let Evidence::Metric(id) = evidence {
                    *evidence = match follow(id) {
                        Some(new) => Evidence::Metric(new),
                        None => Evidence::Text(format!("metric {id} (from another map)")),
                    };
                }
            }
            // Measured numbers belong to the map they were imported into: the link follows
            // a card pasted along or stays in the same map, and is dropped elsewhere.
            pain.evidence = std::mem::take(&mut pain.evidence)
                .into_iter()
                .filter_map(|evidence| match evidence {
                    Evidence::Measured { card, metric } => {
                        follow(&card).map(|card| Evidence::Measured { card, metric })
                    }
                    other => Some(other),
                })
                .collect();
        }
        if let Some(opportunity) = &mut card.opportunity {
            opportunity.addresses = opportunity.addresses.iter().filter_map(follow).collect();
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::{Opportunity, PainPoint, PainStatus};

    fn pain(id: &str, anchor: Option<PainAnchor>, metric: &str) -> Card {
        let mut card = Card::new(Id::new(id), Id::new("st1"), Id::new("l1"), id);
        card.pain = Some(PainPoint {
            severity: 3,
            votes: 0,
            evidence: vec![Evidence::Metric(Id::new(metric))],
            status: PainStatus::Open,
            owner: String::new(),
            anchor,
        });
        card
    }

    fn opportunity(id: &str, addresses: &[&str]) -> Card {
        let mut card = Card::new(Id::new(id), Id::new("st1"), Id::new("l2"), id);
        card.opportunity = Some(Opportunity {
            impact: 3,
            effort: 3,
            votes: 0,
            addresses: addresses.iter().map(|a| Id::new(*a)).collect(),
        });
        card
    }

    #[test]
    fn copied_cards_come_back_with_their_source() {
        let text = copy_text(vec![pain("c4", None, "c9")], 77).unwrap();
        let (step, lane) = (Id::new("st8"), Id::new("l8"));
        let same = parse(&text, 77, &step, &lane);
        assert_eq!(same.cards.len(), 1);
        assert!(same.same_map);
        let other = parse(&text, 78, &step, &lane);
        assert!(!other.same_map);
        assert_eq!(other.cards, same.cards);
    }

    #[test]
    fn links_inside_the_paste_follow_and_links_outside_depend_on_the_map() {
        let cards = vec![
            pain("c1", Some(PainAnchor::Card(Id::new("c2"))), "c3"),
            Card::new(Id::new("c2"), Id::new("st1"), Id::new("l1"), "touchpoint"),
            opportunity("c5", &["c1", "c6"]),
        ];
        let fresh: BTreeMap<Id, Id> = [("c1", "c101"), ("c2", "c102"), ("c5", "c105")]
            .into_iter()
            .map(|(a, b)| (Id::new(a), Id::new(b)))
            .collect();

        let mut other_map = cards.clone();
        relink(&mut other_map, &fresh, false);
        let p = other_map[0].pain.as_ref().unwrap();
        assert_eq!(p.anchor, Some(PainAnchor::Card(Id::new("c102"))));
        assert_eq!(
            p.evidence,
            vec![Evidence::Text("metric c3 (from another map)".to_owned())]
        );
        let o = other_map[2].opportunity.as_ref().unwrap();
        assert_eq!(o.addresses, vec![Id::new("c101")]);

        let mut same_map = cards;
        relink(&mut same_map, &fresh, true);
        let p = same_map[0].pain.as_ref().unwrap();
        assert_eq!(p.evidence, vec![Evidence::Metric(Id::new("c3"))]);
        let o = same_map[2].opportunity.as_ref().unwrap();
        assert_eq!(o.addresses, vec![Id::new("c101"), Id::new("c6")]);
    }

    #[test]
    fn point_pins_survive_only_in_their_own_map() {
        let point = PainAnchor::Point {
            curve: Id::new("cv1"),
            step: Id::new("st1"),
        };
        let mut cards = vec![pain("c1", Some(point.clone()), "c1")];
        let fresh = BTreeMap::from([(Id::new("c1"), Id::new("c9"))]);
        let mut same = cards.clone();
        relink(&mut same, &fresh, true);
        assert_eq!(same[0].pain.as_ref().unwrap().anchor, Some(point));
        relink(&mut cards, &fresh, false);
        assert_eq!(cards[0].pain.as_ref().unwrap().anchor, None);
        // Its own metric evidence (a self link) follows it.
        assert_eq!(
            cards[0].pain.as_ref().unwrap().evidence,
            vec![Evidence::Metric(Id::new("c9"))]
        );
    }

    #[test]
    fn measured_evidence_follows_its_card_stays_in_its_map_and_is_dropped_elsewhere() {
        let measured = |card: &str| Evidence::Measured {
            card: Id::new(card),
            metric: crate::model::MetricKind::ConversionRate,
        };
        let mut card = pain("c1", None, "c1");
        if let Some(p) = &mut card.pain {
            p.evidence = vec![measured("c2"), measured("c7")];
        }
        let cards = vec![
            card,
            Card::new(Id::new("c2"), Id::new("st1"), Id::new("l1"), "Zalo OA"),
        ];
        let fresh: BTreeMap<Id, Id> = [("c1", "c101"), ("c2", "c102")]
            .into_iter()
            .map(|(a, b)| (Id::new(a), Id::new(b)))
            .collect();
        let mut same = cards.clone();
        relink(&mut same, &fresh, true);
        assert_eq!(
            same[0].pain.as_ref().unwrap().evidence,
            [measured("c102"), measured("c7")]
        );
        let mut other = cards;
        relink(&mut other, &fresh, false);
        // The numbers of c7 are this map's only: in another map the link goes, with no copy.
        assert_eq!(other[0].pain.as_ref().unwrap().evidence, [measured("c102")]);
    }

    #[test]
    fn plain_text_is_one_card_per_line_and_large_pastes_say_what_was_left_out() {
        let (step, lane) = (Id::new("st1"), Id::new("l1"));
        let pasted = parse("  một \r\n\r\nhai\nba", 1, &step, &lane);
        let texts: Vec<&str> = pasted.cards.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["một", "hai", "ba"]);
        assert_eq!(pasted.left_out, 0);

        let many = "x\n".repeat(MAX_PASTED_CARDS + 5);
        let pasted = parse(&many, 1, &step, &lane);
        assert_eq!(pasted.cards.len(), MAX_PASTED_CARDS);
        assert_eq!(pasted.left_out, 5);

        let long = "é".repeat(MAX_LINE_CHARS + 1);
        let pasted = parse(&long, 1, &step, &lane);
        assert_eq!(pasted.cards[0].text.chars().count(), MAX_LINE_CHARS);
        assert_eq!(pasted.shortened, 1);
    }

    #[test]
    fn hostile_payloads_are_plain_text_not_a_crash() {
        let (step, lane) = (Id::new("st1"), Id::new("l1"));
        let deep = format!("(journeymap_cards: {}", "[".repeat(10_000));
        let pasted = parse(&deep, 1, &step, &lane);
        assert_eq!(pasted.cards.len(), 1, "read as one line of text");
        let huge = "y".repeat(MAX_CLIPBOARD_BYTES + 10);
        let pasted = parse(&huge, 1, &step, &lane);
        assert_eq!(pasted.cards.len(), 1);
        assert_eq!(pasted.left_out, 1);
    }
}

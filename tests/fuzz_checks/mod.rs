//! The checks behind the fuzz targets (`fuzz/fuzz_targets/*.rs`) and their regression test
//! (`tests/fuzz_regressions.rs`): both include this one file, so a crash input kept in
//! `tests/fuzz_regressions/<target>/` is checked in plain `cargo test` exactly as the fuzzer
//! checked it. It lives beside the tests rather than in the library, so the app carries no
//! test-only code or public API for it.
//!
//! Each check takes the fuzzer's raw bytes and panics (with what broke) on a finding.

#![allow(dead_code, reason = "each fuzz target uses one check")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::LazyLock;

use journeymap::edit::paste::{self, MAX_PASTED_CARDS};
use journeymap::edit::{Document, EditCommand};
use journeymap::file;
use journeymap::model::{Card, Evidence, Id, JourneyMap, PainAnchor, restore, validate};

/// The name the loader puts in its messages.
const NAME: &str = "fuzz-input.ron";

/// The map loader: bytes → UTF-8 check → [`file::from_ron_str`], as [`file::load`] does.
/// A refusal must be one line naming the file. A map that loads must be valid, save, read
/// back equal (kept unknown fields included) and save again to the same bytes.
pub fn load_map(data: &[u8]) {
    // `file::load` refuses invalid UTF-8 before parsing; the parser only ever sees text.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = match file::from_ron_str(text, Path::new(NAME)) {
        Ok(loaded) => loaded,
        Err(err) => {
            let message = err.to_string();
            assert!(
                !message.contains('\n'),
                "refusal is not one line: {message:?}"
            );
            assert!(
                message.contains(NAME),
                "refusal does not name the file: {message:?}"
            );
            return;
        }
    };
    let map = loaded.map;

    // Restore left a valid map: a second pass changes nothing and has nothing new to say (it
    // may repeat advice that is not a repair, such as "keep it to 1–3 goals").
    let mut again = map.clone();
    let second = restore(&mut again);
    assert!(again == map, "a second restore changed the map: {second:?}");
    for warning in &second {
        assert!(
            loaded.warnings.contains(warning),
            "restore left something to repair: {warning}"
        );
    }

    let saved = match file::to_ron_string(&map) {
        Ok(saved) => saved,
        Err(err) => panic!("a loaded map cannot be saved: {err}"),
    };
    let back = match file::from_ron_str(&saved, Path::new(NAME)) {
        Ok(back) => back,
        Err(err) => panic!("the saved text does not load: {err}\n{saved}"),
    };
    assert_eq!(
        back.warnings, second,
        "the saved map needed repairs when read back"
    );
    if back.map != map {
        panic!(
            "the saved map reads back different\n--- loaded: {map:#?}\n--- read back: {:#?}",
            back.map
        );
    }
    let saved_again = match file::to_ron_string(&back.map) {
        Ok(text) => text,
        Err(err) => panic!("the map read back cannot be saved: {err}"),
    };
    assert_eq!(saved, saved_again, "saving twice gives different bytes");
}

/// The map pasted into, with the cells that take cards and the map's clipboard token.
pub struct PasteTarget {
    /// A sample map.
    pub map: JourneyMap,
    /// Every (step, lane) cell of it that holds cards.
    pub cells: Vec<(Id, Id)>,
}

/// The clipboard token of the map pasted into.
pub const THIS_MAP: u64 = 0x5eed;

/// The sample pasted into, loaded once.
pub static TARGET: LazyLock<PasteTarget> = LazyLock::new(|| {
    let text = include_str!("../../samples/ecommerce-sneakers.ron");
    let map = file::from_ron_str(text, Path::new("ecommerce-sneakers.ron"))
        .expect("the sample loads")
        .map;
    assert_eq!(validate(&map), vec![], "the sample is valid");
    let steps: Vec<Id> = map.steps().map(|(_, s)| s.id.clone()).collect();
    let cells = steps
        .iter()
        .flat_map(|step| {
            map.lanes
                .iter()
                .filter(|l| l.kind.holds_cards())
                .map(move |l| (step.clone(), l.id.clone()))
        })
        .collect();
    PasteTarget { map, cells }
});

/// Clipboard paste: bytes → text → [`paste::parse`] → `InsertCards` into a sample map, as
/// from the same map and from another. Afterwards the map is valid, every pasted card is
/// there with a fresh id, nothing links from another map's paste to an unrelated card, and
/// undo gives back the map exactly. Text that reads as a list of cards is also put on the
/// clipboard as journeymap cards (what copying does) and pasted back.
pub fn paste(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let target = &*TARGET;
    // A real cell, chosen by the input so the fuzzer reaches all of them.
    let (step, lane) = &target.cells[data.len() % target.cells.len()];

    let pasted = paste::parse(text, THIS_MAP, step, lane);
    assert!(pasted.cards.len() <= MAX_PASTED_CARDS, "too many cards");
    for same_map in [false, true] {
        insert(target, &pasted.cards, same_map, step, lane);
    }

    // The structured path: cards as the editor copies them, from this map and from another.
    let cards: Result<Vec<Card>, _> = ron::Options::default()
        .with_recursion_limit(32)
        .from_str(text);
    if let Ok(cards) = cards {
        let Some(clip) = paste::copy_text(cards.clone(), THIS_MAP) else {
            assert!(cards.is_empty(), "copying cards gave no clipboard text");
            return;
        };
        let mut expected = cards;
        expected.truncate(MAX_PASTED_CARDS);
        for (token, same_map) in [(THIS_MAP, true), (THIS_MAP + 1, false)] {
            let back = paste::parse(&clip, token, step, lane);
            assert_eq!(
                back.same_map, same_map,
                "the clipboard's source was misread"
            );
            if back.cards != expected {
                panic!(
                    "copied cards paste back different\n--- copied: {expected:#?}\n--- pasted: {:#?}\n--- clipboard: {clip}",
                    back.cards
                );
            }
            insert(target, &back.cards, same_map, step, lane);
        }
    }
}

/// Inserts `cards` into the target map as a paste does, then checks the result and the undo.
fn insert(target: &PasteTarget, cards: &[Card], same_map: bool, step: &Id, lane: &Id) {
    let before = &target.map;
    let mut doc = Document::new(before.clone(), true);
    let applied = match doc.apply(EditCommand::InsertCards {
        cards: cards.to_vec(),
        same_map,
        step: step.clone(),
        lane: lane.clone(),
        index: None,
    }) {
        Ok(applied) => applied,
        Err(err) => panic!("pasting into a real cell was refused: {err}"),
    };
    let after = doc.map().clone();
    if cards.is_empty() {
        assert!(after == *before, "an empty paste changed the map");
        assert!(!doc.is_dirty(), "an empty paste made the map dirty");
        return;
    }

    let warnings = validate(&after);
    assert!(
        warnings.is_empty(),
        "the map is not valid after a paste: {warnings:?}"
    );
    assert_eq!(
        after.cards.len(),
        before.cards.len() + cards.len(),
        "cards were lost or added by the paste"
    );
    let old: BTreeSet<&Id> = before.cards.iter().map(|c| &c.id).collect();
    let created: BTreeSet<&Id> = applied.created.iter().collect();
    assert_eq!(
        created.len(),
        cards.len(),
        "pasted cards do not have one new id each"
    );
    for id in &created {
        assert!(
            !old.contains(id),
            "a pasted card took the id {id} of a card of the map"
        );
        let card = after
            .card(id)
            .unwrap_or_else(|| panic!("pasted card {id} is not in the map"));
        assert!(
            &card.step == step && &card.lane == lane,
            "pasted card {id} is not in the cell pasted into"
        );
        if !same_map {
            // From another map, a link may only point at a card of the same paste.
            for link in links(card) {
                assert!(
                    created.contains(link),
                    "pasted card {id} links to {link}, a card of this map it was never linked to"
                );
            }
        }
    }
    // The cards already there are untouched.
    let kept: Vec<&Card> = after
        .cards
        .iter()
        .filter(|c| !created.contains(&c.id))
        .collect();
    assert!(
        kept.iter().copied().eq(before.cards.iter()),
        "the paste changed cards that were already in the map"
    );

    assert!(doc.undo(), "the paste left no undo step");
    assert!(
        *doc.map() == *before,
        "undo did not give back the map before the paste"
    );
    assert!(!doc.is_dirty(), "undo back to the saved map left it dirty");
    assert!(doc.redo(), "the paste cannot be redone");
    assert!(*doc.map() == after, "redo did not give back the pasted map");
}

/// The ids a card links to: its pin (a card, or a curve's point), its metric evidence, the
/// pain points it addresses.
fn links(card: &Card) -> Vec<&Id> {
    let mut out = Vec::new();
    if let Some(pain) = &card.pain {
        match &pain.anchor {
            Some(PainAnchor::Card(id)) => out.push(id),
            // A curve is never part of a paste: from another map, a point pin must go.
            Some(PainAnchor::Point { curve, .. }) => out.push(curve),
            None => {}
        }
        for evidence in &pain.evidence {
            if let Evidence::Metric(id) = evidence {
                out.push(id);
            }
        }
    }
    if let Some(opportunity) = &card.opportunity {
        out.extend(&opportunity.addresses);
    }
    out
}

/// The customer-data importer on arbitrary bytes, as a file of unknown kind with every setting
/// detected: preview and read never panic; a read either fails with a one-line message or hands
/// over only usable rows (a customer and a touchpoint, CSAT in 1–5, NPS in 0–10) with counts
/// that add up; the aggregated numbers stay in their ranges.
pub fn import(data: &[u8]) {
    use journeymap::analysis::metrics::Aggregator;
    use journeymap::import::{self, Input, Progress, Row};
    use journeymap::model::ImportSettings;

    let input = Input::Bytes {
        name: "fuzz.csv".into(),
        bytes: data.to_vec(),
    };
    let settings = ImportSettings::default();
    if let Err(err) = import::preview(&input, &settings) {
        assert!(
            !err.to_string().contains('\n'),
            "a message of one line: {err}"
        );
    }
    let mut aggregator = Aggregator::new();
    let mut events = 0u64;
    let read = import::read(&input, &settings, &Progress::new(), |row| match row {
        Row::Event(e) => {
            assert!(
                !e.customer.trim().is_empty(),
                "line {}: no customer",
                e.line
            );
            assert!(
                !e.touchpoint.trim().is_empty(),
                "line {}: no touchpoint",
                e.line
            );
            assert!(e.csat.is_none_or(|v| (1.0..=5.0).contains(&v)), "{e:?}");
            assert!(e.nps.is_none_or(|v| (0.0..=10.0).contains(&v)), "{e:?}");
            events += 1;
            aggregator.add(e);
        }
        Row::Aggregate(a) => {
            assert!(a.value.is_finite(), "{a:?}");
            aggregator.add_aggregate(a);
        }
    });
    match read {
        Err(err) => assert!(
            !err.to_string().contains('\n'),
            "a message of one line: {err}"
        ),
        Ok(summary) => {
            let source = &summary.source;
            assert_eq!(summary.skips.total, source.rows_skipped);
            assert!(source.rows_skipped <= source.rows_read, "{source:?}");
            assert!(events <= source.rows_read, "{events} events of {source:?}");
            assert_eq!(source.size, data.len() as u64);
        }
    }
    let snapshot = aggregator.finish(&[]);
    for t in &snapshot.touchpoints {
        let v = &t.total;
        assert!(
            v.conversion_rate.is_none_or(|r| (0.0..=1.0).contains(&r)),
            "{t:?}"
        );
        if v.csat_answers > 0 {
            assert!(v.csat.is_some_and(|c| (1.0..=5.0).contains(&c)), "{t:?}");
        }
        if v.nps_answers > 0 {
            assert!(
                v.nps.is_some_and(|n| (-100.0..=100.0).contains(&n)),
                "{t:?}"
            );
        }
    }
}

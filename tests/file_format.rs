//! The file format: round trips, stability, old versions, newer versions.

mod common;

use std::path::Path;

use journeymap::file::{self, LoadError, from_ron_str, to_ron_string};
use journeymap::model::template::{Lang, templates};
use journeymap::model::{
    Card, Channel, ChannelKind, ColorToken, EmotionCurve, EmotionPoint, Evidence, FORMAT_VERSION,
    Id, JourneyMap, Lane, LaneKind, MapType, Opportunity, PainAnchor, PainPoint, PainStatus, Stage,
    Step, validate,
};
use proptest::prelude::*;

fn round_trip(map: &JourneyMap, what: &str) {
    let first = to_ron_string(map).unwrap_or_else(|e| panic!("{what}: {e}"));
    let loaded = from_ron_str(&first, Path::new(what)).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(loaded.warnings, vec![], "{what}");
    assert_eq!(&loaded.map, map, "{what}: load(save(map)) != map");
    let second = to_ron_string(&loaded.map).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(first, second, "{what}: two saves differ");
}

#[test]
fn samples_exist_and_round_trip() {
    let samples = common::samples();
    assert!(
        samples.len() >= 5,
        "expected the five samples, found {samples:?}"
    );
    for path in samples {
        let loaded = file::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.warnings, vec![], "{}", path.display());
        round_trip(&loaded.map, &path.display().to_string());
        // The committed file is exactly what journeymap writes, so saving it changes nothing.
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            on_disk,
            to_ron_string(&loaded.map).unwrap_or_default(),
            "{} is not in canonical form; re-save it",
            path.display()
        );
    }
}

#[test]
fn samples_are_complete_maps() {
    let mut vietnamese = 0;
    for path in common::samples() {
        let map = file::load(&path).unwrap().map;
        let name = path.display();
        assert!(!map.persona.name.is_empty(), "{name}: persona");
        assert!(!map.goals.is_empty(), "{name}: goals");
        assert!(
            map.cards.iter().any(|c| c.channel.is_some()),
            "{name}: channels"
        );
        assert!(map.pain_points().count() >= 2, "{name}: pain points");
        assert!(map.opportunities().count() >= 2, "{name}: opportunities");
        assert!(
            map.pain_points().any(|(_, p)| !p.evidence.is_empty()),
            "{name}: evidence"
        );
        assert!(
            map.curves.iter().any(|c| c.points.len() >= 4),
            "{name}: emotion curve"
        );
        for kind in [LaneKind::Touchpoints, LaneKind::Actions, LaneKind::Thoughts] {
            assert!(map.lanes.iter().any(|l| l.kind == kind), "{name}: {kind:?}");
        }
        if map.language == "vi" {
            vietnamese += 1;
        }
    }
    assert!(vietnamese >= 2, "at least two samples in Vietnamese");
}

#[test]
fn templates_round_trip_in_both_languages() {
    for t in templates() {
        for lang in Lang::ALL {
            round_trip(&t.instantiate(lang), &format!("{} {lang:?}", t.id));
        }
    }
}

#[test]
fn every_old_format_version_still_loads() {
    let dir = common::repo().join("tests/formats");
    for version in 1..=FORMAT_VERSION {
        let path = dir.join(format!("v{version}.ron"));
        let loaded = file::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.format_in_file, version);
        assert_eq!(loaded.map.format, FORMAT_VERSION);
        assert_eq!(loaded.warnings, vec![], "{}", path.display());
        assert!(!loaded.map.cards.is_empty());
    }
}

#[test]
fn newer_format_is_refused_with_a_clear_message() {
    let text = format!(
        "(format: {}, title: \"x\", future_field: [1, 2])",
        FORMAT_VERSION + 1
    );
    let err = from_ron_str(&text, Path::new("new.ron")).err();
    let Some(err @ LoadError::NewerFormat { .. }) = err else {
        panic!("expected NewerFormat, got {err:?}");
    };
    assert!(
        err.to_string().contains("made by a newer journeymap"),
        "{err}"
    );
}

#[test]
fn decomposed_text_is_normalised_on_load() {
    let text = "(format: 1, title: \"Nha\u{0300}n thu\u{031b}\u{0301}c\", stages: [], lanes: [])";
    let loaded = from_ron_str(text, Path::new("nfd.ron")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.map.title, "Nhàn thức");
}

#[test]
fn repaired_file_reports_warnings_and_keeps_cards() {
    let text = r#"(format: 1, title: "x",
        stages: [(id: "s1", name: "A", steps: [(id: "st2")])],
        lanes: [(id: "l3", name: "Doing", kind: Actions)],
        cards: [(id: "c4", step: "st9", lane: "l3", text: "lost?"),
                (id: "c4", step: "st2", lane: "l3", text: "twin")])"#;
    let loaded = from_ron_str(text, Path::new("r.ron")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    assert_eq!(loaded.map.cards.len(), 2);
    assert!(validate(&loaded.map).is_empty());
}

#[test]
fn save_is_atomic_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("map.ron");
    let mut map = JourneyMap::new("Một");
    file::save(&path, &map).unwrap_or_else(|e| panic!("{e}"));
    assert!(!file::backup_path(&path).exists());
    map.title = "Hai".into();
    file::save(&path, &map).unwrap_or_else(|e| panic!("{e}"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "a saved map is readable like any document");
    }
    let backup = std::fs::read_to_string(file::backup_path(&path)).unwrap_or_default();
    assert!(backup.contains("Một"));
    let current = file::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(current.map.title, "Hai");
    // No temporary files are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".journeymap"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn failed_save_leaves_the_old_file_and_says_why() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // A folder that does not exist: the temporary file cannot be created.
    let missing = dir.path().join("no-such-folder").join("map.ron");
    let err = file::save(&missing, &JourneyMap::new("x")).err();
    let message = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("map.ron") && message.contains("does not exist"),
        "{message}"
    );

    // A target that is a folder: refused, folder untouched.
    let folder = dir.path().join("taken.ron");
    std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
    assert!(file::save(&folder, &JourneyMap::new("x")).is_err());
    assert!(folder.is_dir());

    // A read-only file system is simulated by a parent that is a file.
    let file_parent = dir.path().join("plain");
    std::fs::write(&file_parent, "keep me").unwrap_or_else(|e| panic!("{e}"));
    assert!(file::save(&file_parent.join("map.ron"), &JourneyMap::new("x")).is_err());
    assert_eq!(
        std::fs::read_to_string(&file_parent).unwrap_or_default(),
        "keep me"
    );
}

// ---------------------------------------------------------------------------------------------
// Property test: random maps survive save → load unchanged, and save twice gives the same bytes.

fn text() -> impl Strategy<Value = String> {
    // Vietnamese letters, emoji, quotes, backslashes, newlines: everything that needs escaping.
    proptest::string::string_regex(
        "[a-zA-Z0-9 ăâđêôơưáàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ\"\\\\\n😀🙂✔#'\u{200d}\u{fe0f}\t]{0,24}",
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .prop_map(|s| journeymap::model::nfc(&s))
}

fn color() -> impl Strategy<Value = Option<ColorToken>> {
    proptest::option::of(proptest::sample::select(ColorToken::ALL.to_vec()))
}

prop_compose! {
    fn arb_map()(
        title in text(),
        description in text(),
        map_type in proptest::sample::select(MapType::ALL.to_vec()),
        goals in proptest::collection::vec(text(), 0..3),
        stage_shape in proptest::collection::vec((text(), 1usize..4, color()), 0..6),
        lane_kinds in proptest::collection::vec(proptest::sample::select(LaneKind::ALL.to_vec()), 0..8),
        card_seeds in proptest::collection::vec((any::<u16>(), any::<u16>(), text(), color(), 0u8..6, 1u8..=5, 0u32..20), 0..40),
        scores in proptest::collection::vec(-8i8..=8, 0..20),
        persona_name in text(),
        reviewed in proptest::option::of((2000i16..2100, 1i8..=12, 1i8..=28)),
    ) -> JourneyMap {
        let mut map = JourneyMap::new(title);
        map.description = description;
        map.map_type = map_type;
        map.goals = goals;
        map.persona.name = persona_name;
        map.review.last_reviewed = reviewed.map(|(y, m, d)| jiff::civil::date(y, m, d));
        let mut n = 1u64;
        let mut fresh = |prefix: &str| { let id = Id::new(format!("{prefix}{n}")); n += 1; id };
        for (name, steps, color) in stage_shape {
            let id = fresh("s");
            let steps = (0..steps).map(|i| Step { id: fresh("st"), name: format!("{i}") }).collect();
            map.stages.push(Stage { id, name, color, steps });
        }
        for kind in lane_kinds {
            map.lanes.push(Lane { id: fresh("l"), name: format!("{kind:?}"), kind });
        }
        let steps: Vec<Id> = map.steps().map(|(_, s)| s.id.clone()).collect();
        let lanes: Vec<Id> = map.lanes.iter().filter(|l| l.kind.holds_cards()).map(|l| l.id.clone()).collect();
        if !steps.is_empty() && !lanes.is_empty() {
            for (a, b, text, color, extra, level, votes) in card_seeds {
                let mut card = Card::new(
                    fresh("c"),
                    steps[usize::from(a) % steps.len()].clone(),
                    lanes[usize::from(b) % lanes.len()].clone(),
                    text.clone(),
                );
                card.color = color;
                match extra {
                    1 => card.channel = Some(Channel::new(ChannelKind::BUILT_IN[usize::from(a) % ChannelKind::BUILT_IN.len()].clone())),
                    2 => card.channel = Some(Channel { kind: ChannelKind::Custom(text.clone()), online: b % 2 == 0 }),
                    3 => card.pain = Some(PainPoint {
                        severity: level, votes,
                        evidence: vec![Evidence::Text(text.clone()), Evidence::Link("https://example.com/t?a=1".into())],
                        status: [PainStatus::Open, PainStatus::InProgress, PainStatus::Fixed][usize::from(a) % 3],
                        owner: text,
                        anchor: None,
                    }),
                    4 => card.opportunity = Some(Opportunity { impact: level, effort: 6 - level, votes, addresses: vec![] }),
                    5 => card.details = text,
                    _ => {}
                }
                map.cards.push(card);
            }
        }
        // Link opportunities to existing pain points.
        let pains: Vec<Id> = map.pain_points().map(|(c, _)| c.id.clone()).collect();
        for (i, card) in map.cards.iter_mut().enumerate() {
            if let (Some(opp), Some(p)) = (&mut card.opportunity, pains.get(i % pains.len().max(1))) {
                opp.addresses.push(p.clone());
            }
        }
        if !steps.is_empty() {
            let points = steps.iter().zip(&scores).map(|(step, s)| EmotionPoint {
                step: step.clone(),
                score: f32::from(*s) / 4.0,
                emoji: (*s == 0).then(|| "😴".to_owned()),
                note: if *s < 0 { "đau".to_owned() } else { String::new() },
            }).collect();
            let curve = fresh("cv");
            map.curves.push(EmotionCurve { id: curve.clone(), name: "as-is".into(), color: ColorToken::Blue, points, hidden: scores.len() % 2 == 1 });
            // Pin pain points alternately to the curve's point at their step and to another
            // card of their step (pins stay within a step).
            let point_steps: Vec<Id> = map.curves[0].points.iter().map(|p| p.step.clone()).collect();
            let cells: Vec<(Id, Id)> = map.cards.iter().map(|c| (c.id.clone(), c.step.clone())).collect();
            for (i, card) in map.cards.iter_mut().enumerate() {
                let (own, step) = (card.id.clone(), card.step.clone());
                let neighbour = cells.iter().find(|(id, s)| s == &step && id != &own).map(|(id, _)| id.clone());
                if let Some(pain) = &mut card.pain {
                    pain.anchor = match i % 3 {
                        0 if point_steps.contains(&step) => Some(PainAnchor::Point { curve: curve.clone(), step }),
                        1 => neighbour.map(PainAnchor::Card),
                        _ => None,
                    };
                }
            }
        }
        map.next_id = n;
        map
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn random_maps_round_trip(map in arb_map()) {
        prop_assert_eq!(validate(&map), vec![]);
        let first = to_ron_string(&map).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let loaded = from_ron_str(&first, Path::new("random.ron")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&loaded.map, &map);
        let second = to_ron_string(&loaded.map).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(first, second);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = from_ron_str(&text, Path::new("fuzz.ron"));
    }
}

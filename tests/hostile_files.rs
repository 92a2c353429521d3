//! Files made to hurt: control characters that would drive a terminal, ids at the top of the
//! number range, cells that a spreadsheet would run. Each loads, is repaired with a warning
//! that says where, and nothing harmful comes out of `report`.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use journeymap::file;
use journeymap::model::{Id, IdGen, IdKind, JourneyMap, MAX_ID_NUMBER, validate};
use proptest::prelude::*;

fn journeymap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(common::repo())
        .output()
        .unwrap_or_else(|e| panic!("cannot run journeymap: {e}"))
}

/// A map with a bell, escape sequences (clear screen, set the window title, red text) and a
/// bidi override in its texts, a control character in an id, and a formula in a card.
const CONTROL_CHARACTERS: &str = r#"(
    format: 1,
    title: "Bản đồ\u{7}\u{1b}]0;pwned\u{7}",
    stages: [(id: "s1", name: "Mua\u{202e}nab", steps: [(id: "st2", name: "")])],
    lanes: [(id: "l3", name: "Điểm đau", kind: PainPoints)],
    cards: [
        (id: "c4", step: "st2", lane: "l3", text: "Phí ship\u{1b}[2J\u{1b}[31m cao", pain: Some((
            severity: 4, votes: 2, evidence: [Text("ticket\u{9b}31m")], owner: "An\u{7}",
        ))),
        (id: "c5\u{1b}[0m", step: "st2", lane: "l3", text: "=HYPERLINK(\"http://evil\",\"bấm\")", pain: Some((
            severity: 2, votes: 1,
        ))),
    ],
    next_id: 6,
)
"#;

/// Ids at and near the top of `u64`, with every kind of link to them, and `next_id` near the
/// top too.
const HUGE_IDS: &str = r#"(
    format: 1,
    title: "Ids",
    stages: [(id: "s18446744073709551614", name: "A", steps: [(id: "st18446744073709551613", name: "")])],
    lanes: [
        (id: "l3", name: "Touchpoints", kind: Touchpoints),
        (id: "l18446744073709551612", name: "Feeling", kind: Emotions),
    ],
    cards: [
        (id: "c18446744073709551615", step: "st18446744073709551613", lane: "l3", text: "Ad"),
        (id: "c9007199254740993", step: "st18446744073709551613", lane: "l3", text: "Pain", pain: Some((
            severity: 3, votes: 1, evidence: [Metric("c18446744073709551615")],
            anchor: Some(Card("c18446744073709551615")),
        ))),
        (id: "c7", step: "st18446744073709551613", lane: "l3", text: "Fix", opportunity: Some((
            impact: 4, effort: 2, addresses: ["c9007199254740993"],
        ))),
    ],
    curves: [(id: "cv18446744073709551611", name: "as-is", color: Blue, points: [
        (step: "st18446744073709551613", score: -1.0),
    ])],
    next_id: 18446744073709551615,
)
"#;

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Bytes that make a terminal do something: C0 and C1 controls but newline and tab, and ESC
/// above all.
fn terminal_controls(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .filter(|&c| c != '\n' && c != '\t' && c.is_control())
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(0xff))
        .collect()
}

#[test]
fn check_names_every_text_with_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hostile.ron", CONTROL_CHARACTERS);
    let out = journeymap(&["check", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(terminal_controls(&out.stdout), Vec::<u8>::new());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let expected = [
        "map title: removed 3 control characters",
        "stage s1 \"Muanab\" name: removed 1 control character",
        "card c4 \"Phí ship[2J[31m cao\" text: removed 2 control characters",
        "card c4 \"Phí ship[2J[31m cao\" owner: removed 1 control character",
        "card c4 \"Phí ship[2J[31m cao\" evidence[0]: removed 1 control character",
        "id c5\\u{1b}[0m contains control characters; renumbered to c6 and updated the links to it",
    ];
    assert_eq!(lines.len(), expected.len(), "{stdout}");
    for (line, want) in lines.iter().zip(expected) {
        assert_eq!(*line, format!("{path}: {want}"));
    }
}

#[test]
fn report_prints_no_control_characters_from_a_hostile_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hostile.ron", CONTROL_CHARACTERS);
    for format in ["md", "csv"] {
        let out = journeymap(&["report", &path, "--format", format]);
        assert!(out.status.success(), "{format}");
        assert_eq!(terminal_controls(&out.stdout), Vec::<u8>::new(), "{format}");
        assert_eq!(terminal_controls(&out.stderr), Vec::<u8>::new(), "{format}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("Phí ship[2J[31m cao"), "{stdout}");
    }
}

#[test]
fn report_csv_has_a_bom_for_excel_unless_asked_not_to() {
    let sample = "samples/may-ep-trai-cay.ron";
    let with = journeymap(&["report", sample, "--format", "csv"]);
    let without = journeymap(&["report", sample, "--format", "csv", "--no-bom"]);
    assert!(with.status.success() && without.status.success());
    assert!(with.stdout.starts_with(b"\xef\xbb\xbfkind,rank,"));
    assert!(without.stdout.starts_with(b"kind,rank,"));
    assert_eq!(&with.stdout[3..], &without.stdout[..]);
}

#[test]
fn report_csv_cannot_run_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hostile.ron", CONTROL_CHARACTERS);
    let out = journeymap(&["report", &path, "--format", "csv", "--no-bom"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let texts: Vec<String> = reader.records().map(|r| r.unwrap()[5].to_owned()).collect();
    assert!(
        texts.contains(&"'=HYPERLINK(\"http://evil\",\"bấm\")".to_owned()),
        "{texts:?}"
    );
    assert!(
        texts.iter().all(|t| !t.starts_with(['=', '+', '-', '@'])),
        "{texts:?}"
    );
}

/// Every own id of the map (stages, steps, lanes, cards, curves).
fn own_ids(map: &mut JourneyMap) -> Vec<Id> {
    let mut ids = Vec::new();
    map.for_each_own_id_mut(|_, id| ids.push(id.clone()));
    ids
}

/// Checks what must hold after restore: ids unique and in range, `next_id` above them all and
/// at most one above the largest id number, and fresh ids that collide with nothing.
fn assert_ids_sound(map: &mut JourneyMap) {
    let ids = own_ids(map);
    let unique: BTreeSet<&Id> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids repeat: {ids:?}");
    for id in &ids {
        let n = id.number().unwrap_or(0);
        assert!(n <= MAX_ID_NUMBER, "{id} is out of range");
        assert!(n < map.next_id, "{id} is not below next_id {}", map.next_id);
    }
    assert!(map.next_id <= MAX_ID_NUMBER + 1, "next_id {}", map.next_id);
    let mut next = map.next_id;
    let mut ids = IdGen::new(&mut next);
    for kind in [
        IdKind::Card,
        IdKind::Step,
        IdKind::Lane,
        IdKind::Stage,
        IdKind::Curve,
    ] {
        let fresh = ids.fresh(kind);
        assert!(!unique.contains(&fresh), "{fresh} collides");
    }
}

#[test]
fn ids_near_u64_max_load_renumbered_with_their_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    std::fs::write(&path, HUGE_IDS).unwrap();
    let mut loaded = file::load(&path).unwrap();
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.contains(
            &"id c18446744073709551615 is above the largest id number (9007199254740992); renumbered to c11 and updated the links to it"
                .to_owned()
        ),
        "{warnings:#?}"
    );
    assert!(
        warnings[0].starts_with("next_id 18446744073709551615 is above the largest id number"),
        "{warnings:#?}"
    );
    let map = &mut loaded.map;
    assert_ids_sound(map);
    assert_eq!(validate(map), vec![]);
    // Every link still points at the same element.
    let step = map.stages[0].steps[0].id.clone();
    assert!(map.cards.iter().all(|c| c.step == step));
    assert_eq!(map.curves[0].points[0].step, step);
    assert_eq!(map.lanes[1].name, "Feeling");
    let ad = map.cards[0].id.clone();
    let pain = map.cards[1].pain.clone().unwrap();
    assert_eq!(
        pain.anchor,
        Some(journeymap::model::PainAnchor::Card(ad.clone()))
    );
    assert_eq!(pain.evidence, vec![journeymap::model::Evidence::Metric(ad)]);
    let addresses = map.cards[2].opportunity.clone().unwrap().addresses;
    assert_eq!(addresses, vec![map.cards[1].id.clone()]);
    // `check` reports it; after `fmt`, the file is clean.
    let p = path.display().to_string();
    assert_eq!(journeymap(&["check", &p]).status.code(), Some(1));
    assert!(journeymap(&["fmt", &p]).status.success());
    let out = journeymap(&["check", &p]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Id numbers where trouble lives: small ones, around 2^53, and around `u64::MAX`.
fn id_number() -> impl Strategy<Value = u64> {
    prop_oneof![
        1u64..20,
        (MAX_ID_NUMBER - 40)..=(MAX_ID_NUMBER + 2),
        (u64::MAX - 3)..=u64::MAX,
        any::<u64>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever numbers the ids of a map have (repeats included) and whatever `next_id` says,
    /// restore leaves ids that are unique and in range, links that still resolve, and room for
    /// fresh ids that collide with nothing.
    #[test]
    fn restore_leaves_ids_sound_for_any_numbers(
        numbers in proptest::collection::vec(id_number(), 6),
        next_id in id_number(),
    ) {
        let text = format!(
            r#"(format: 1, title: "p",
                stages: [(id: "s{}", name: "A", steps: [(id: "st{}", name: "")])],
                lanes: [(id: "l{}", name: "T", kind: Touchpoints)],
                cards: [
                    (id: "c{}", step: "st{1}", lane: "l{2}", text: "one"),
                    (id: "c{}", step: "st{1}", lane: "l{2}", text: "two", pain: Some((
                        severity: 3, anchor: Some(Card("c{3}")), evidence: [Metric("c{3}")]))),
                ],
                curves: [(id: "cv{}", name: "as-is", color: Blue, points: [(step: "st{1}", score: 1.0)])],
                next_id: {})"#,
            numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], next_id
        );
        let mut loaded = file::from_ron_str(&text, Path::new("p.ron")).unwrap();
        let map = &mut loaded.map;
        assert_ids_sound(map);
        prop_assert_eq!(validate(map), vec![]);
        let step = map.stages[0].steps[0].id.clone();
        prop_assert!(map.cards.iter().all(|c| c.step == step && c.lane == map.lanes[0].id));
        prop_assert_eq!(&map.curves[0].points[0].step, &step);
        // Unless the two cards had the same id (then the link is ambiguous and may be
        // dropped), the pain point still points at card "one".
        if numbers[3] != numbers[4] {
            let pain = map.cards[1].pain.clone().unwrap();
            let one = map.cards[0].id.clone();
            prop_assert_eq!(pain.evidence, vec![journeymap::model::Evidence::Metric(one.clone())]);
            prop_assert_eq!(pain.anchor, Some(journeymap::model::PainAnchor::Card(one)));
        }
    }
}

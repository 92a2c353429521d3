//! Fields this version does not know: reported with path and line, kept through edits and
//! saves, gone only with the element that holds them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use journeymap::edit::{Document, EditCommand};
use journeymap::file;
use journeymap::model::Id;

fn newer() -> std::path::PathBuf {
    common::repo().join("tests/formats/v1-from-a-newer-version.ron")
}

#[test]
fn unknown_fields_are_reported_with_path_line_and_typo_hint() {
    let loaded = file::load(&newer()).unwrap();
    assert_eq!(loaded.warnings, vec![]);
    let found: Vec<String> = loaded
        .unknown
        .iter()
        .map(|u| format!("{}:{}", u.line, u))
        .collect();
    assert_eq!(
        found,
        [
            "9:unknown field `metrics_source`",
            "11:unknown field `stages[s1].owner_team`",
            "12:unknown field `stages[s3].steps[st4].conversion`",
            "23:unknown field `cards[c9].pain.ownr` (did you mean `owner`?)",
            "24:unknown field `cards[c9].pain.confidence`",
            "26:unknown field `cards[c10].metric_ref`",
            "31:unknown field `curves[cv11].points[st4].source`",
        ]
    );
}

#[test]
fn a_save_writes_every_unknown_field_back_as_it_was() {
    let loaded = file::load(&newer()).unwrap();
    let text = file::to_ron_string(&loaded.map).unwrap();
    for raw in [
        "metrics_source: (kind: Csv, file: \"crm-q3.csv\", imported: \"2026-10-01\"),",
        "owner_team: \"Growth\",",
        "conversion: Some(0.32),",
        "ownr: \"Team Checkout\",",
        "confidence: 0.8,",
        "metric_ref: \"checkout_view\",",
        "source: Survey(n: 120, question: \"Bạn thấy thế nào?\"),",
    ] {
        assert!(text.contains(raw), "{raw} missing from\n{text}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    file::save(&path, &loaded.map).unwrap();
    let again = file::load(&path).unwrap();
    assert_eq!(again.map, loaded.map, "same map, same kept fields");
    let paths = |l: &file::Loaded| l.unknown.iter().map(|u| u.path.clone()).collect::<Vec<_>>();
    let mut before = paths(&loaded);
    let mut after = paths(&again);
    before.sort();
    after.sort();
    assert_eq!(after, before);
    // Saving the saved file gives the same bytes.
    let bytes = std::fs::read(&path).unwrap();
    file::save(&path, &again.map).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn kept_fields_follow_their_element_through_edits_and_go_with_it() {
    let loaded = file::load(&newer()).unwrap();
    let mut doc = Document::new(loaded.map, true);
    // Reorder the cards (c10 moves before c9 in its cell) and rename the stage.
    doc.apply(EditCommand::MoveCards {
        ids: vec![Id::new("c10")],
        step: Id::new("st2"),
        lane: Id::new("l5"),
        index: 0,
    })
    .unwrap();
    doc.apply(EditCommand::DeleteCards {
        ids: vec![Id::new("c9")],
    })
    .unwrap();
    let text = file::to_ron_string(doc.map()).unwrap();
    let back = file::from_ron_str(&text, std::path::Path::new("edited.ron")).unwrap();
    let paths: Vec<String> = back.unknown.iter().map(|u| u.path.clone()).collect();
    assert_eq!(
        paths,
        [
            "stages[s1].owner_team",
            "stages[s3].steps[st4].conversion",
            "cards[c10].metric_ref",
            "curves[cv11].points[st4].source",
            "metrics_source",
        ],
        "the deleted card's fields went with it; the moved card kept its own\n{text}"
    );
    // Undo brings the card back with its fields.
    doc.undo();
    let text = file::to_ron_string(doc.map()).unwrap();
    assert!(text.contains("confidence: 0.8,"), "{text}");
}

#[test]
fn check_lists_unknown_fields_and_fails() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("check")
        .arg(newer())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(":23:13: unknown field `cards[c9].pain.ownr` (did you mean `owner`?)"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 7, "{stdout}");
}

#[test]
fn a_field_follows_its_element_when_restore_gives_it_a_new_id() {
    // The card's id is above the largest id number: restore renumbers it, and its unknown
    // field goes with it to the new id, on save too.
    let text = r#"(
        format: 1,
        title: "x",
        stages: [(id: "s1", name: "A", steps: [(id: "st2", name: "")])],
        lanes: [(id: "l3", name: "L", kind: Touchpoints)],
        cards: [
            (id: "c99999999999999999", step: "st2", lane: "l3", text: "t", future: 1),
            (id: "c9", step: "st2", lane: "l3", text: "u"),
        ],
        next_id: 10,
    )"#;
    let loaded = file::from_ron_str(text, std::path::Path::new("ids.ron")).unwrap();
    assert_eq!(loaded.unknown.len(), 1);
    let card = loaded.map.cards[0].id.clone();
    assert_ne!(card, Id::new("c99999999999999999"));
    assert!(
        !loaded
            .warnings
            .iter()
            .any(|w| w.key == "warn-kept-field-lost")
    );
    let saved = file::to_ron_string(&loaded.map).unwrap();
    let back = file::from_ron_str(&saved, std::path::Path::new("saved.ron")).unwrap();
    let paths: Vec<&str> = back.unknown.iter().map(|u| u.path.as_str()).collect();
    assert_eq!(paths, [format!("cards[{card}].future").as_str()]);
}

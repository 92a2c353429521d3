//! Bad files are refused with one clear line, never a panic, a hang or unbounded memory.
//!
//! The small corpus lives in `tests/bad/`; the deeply nested and the huge file are generated
//! here rather than committed.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use journeymap::file::{self, MAX_FILE_BYTES};

/// Loads `path`, expects a refusal, and checks the message is one line naming the file.
fn refused(path: &Path) -> String {
    let result = std::panic::catch_unwind(|| file::load(path));
    let Ok(result) = result else {
        panic!("{} made the loader panic", path.display());
    };
    let Err(err) = result else {
        panic!("{} was accepted", path.display());
    };
    let message = err.to_string();
    assert!(!message.contains('\n'), "not one line: {message}");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assert!(message.contains(&name), "does not name the file: {message}");
    message
}

fn corpus() -> PathBuf {
    common::repo().join("tests/bad")
}

#[test]
fn every_file_in_the_corpus_is_refused_clearly() {
    let mut count = 0;
    for entry in std::fs::read_dir(corpus()).into_iter().flatten().flatten() {
        let message = refused(&entry.path());
        assert!(message.len() < 400, "too long: {message}");
        count += 1;
    }
    assert!(count >= 10, "corpus too small: {count}");
}

#[test]
fn messages_say_where_and_what() {
    let cases: &[(&str, &[&str])] = &[
        ("empty.ron", &["empty"]),
        ("whitespace.ron", &["empty"]),
        ("truncated.ron", &["truncated.ron:7:"]),
        ("json.ron", &["JSON"]),
        ("latin1.ron", &["latin1.ron:1:", "UTF-8"]),
        ("image.ron", &["not a text file"]),
        ("nul.ron", &["NUL"]),
        ("wrong-type.ron", &["wrong-type.ron:1:"]),
        ("no-format.ron", &["no `format`"]),
        ("newer-format.ron", &["newer journeymap", "99"]),
        ("unknown-variant.ron", &["Spaceship"]),
    ];
    for (name, needles) in cases {
        let message = refused(&corpus().join(name));
        for needle in *needles {
            assert!(
                message.contains(needle),
                "{name}: expected {needle:?} in {message:?}"
            );
        }
    }
}

#[test]
fn deeply_nested_file_hits_the_recursion_limit() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (name, open, close) in [("deep-list.ron", "[", "]"), ("deep-tuple.ron", "(", ")")] {
        let path = dir.path().join(name);
        let depth = 100_000;
        let text = format!(
            "(format: 1, title: {}{}, stages: [], lanes: [])",
            open.repeat(depth),
            close.repeat(depth)
        );
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        let message = refused(&path);
        assert!(
            message.contains("recursion") || message.contains("Expected"),
            "{message}"
        );
    }
    // Nested at the top level too, before the format field.
    let path = dir.path().join("deep-top.ron");
    std::fs::write(&path, "[".repeat(100_000)).unwrap_or_else(|e| panic!("{e}"));
    refused(&path);
}

#[test]
fn huge_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    // Sparse: takes no disk space, but its size is over the limit.
    file.set_len(MAX_FILE_BYTES + 1)
        .unwrap_or_else(|e| panic!("{e}"));
    let message = refused(&path);
    assert!(message.contains("too large"), "{message}");
}

#[test]
fn missing_file_and_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    refused(&dir.path().join("nope.ron"));
    let folder = dir.path().join("folder.ron");
    std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
    refused(&folder);
}

#[test]
fn long_valid_file_with_garbage_at_the_end_gives_its_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("garbage.ron");
    let map = journeymap::model::synth::synth_map(journeymap::model::synth::SynthSize {
        stages: 3,
        steps: 5,
        lanes: 4,
        cards: 30,
    });
    let mut text = file::to_ron_string(&map).unwrap_or_default();
    let lines = text.lines().count();
    text.push_str("trailing nonsense\n");
    let mut f = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    f.write_all(text.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let message = refused(&path);
    assert!(
        message.contains(&format!("garbage.ron:{}:", lines + 1)),
        "{message}"
    );
}

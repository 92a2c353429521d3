//! Every input kept from fuzzing (`tests/fuzz_regressions/<target>/`) passes the same checks
//! the fuzz targets in `fuzz/` run: crash inputs stay fixed, and a few small inputs from the
//! corpus keep each check exercised.

mod fuzz_checks;

use std::path::PathBuf;

/// The kept inputs of one fuzz target.
fn inputs(target: &str) -> Vec<PathBuf> {
    inputs_in(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz_regressions")
            .join(target),
    )
}

/// Runs `check` on every kept input of `target`, and names each input that fails.
fn run(target: &str, check: fn(&[u8])) {
    let files = inputs(target);
    assert!(
        files.len() >= 3,
        "only {} inputs kept for {target}",
        files.len()
    );
    let failed: Vec<String> = files
        .iter()
        .filter(|path| {
            let data =
                std::fs::read(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            std::panic::catch_unwind(|| check(&data)).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "fuzz regressions fail again: {failed:#?}"
    );
}

#[test]
fn kept_map_loader_inputs_load_validly_and_save_round_trip() {
    run("load_map", fuzz_checks::load_map);
}

#[test]
fn kept_paste_inputs_insert_valid_linked_undoable_cards() {
    run("paste", fuzz_checks::paste);
}

#[test]
fn kept_import_inputs_read_or_refuse_in_one_line_with_counts_that_add_up() {
    run("import", fuzz_checks::import);
}

/// Writes the seed corpora `cargo fuzz` starts from (not committed): the samples, the format
/// and bad-file tests for the loader; for paste, cards as journeymap copies them (from the
/// target map and from another), the same cards as a plain RON list, and plain text.
/// Run it with `cargo test --test fuzz_regressions -- --ignored seed`.
#[test]
#[ignore = "writes fuzz/corpus; run by hand before fuzzing"]
fn seed_the_fuzz_corpora() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let write = |target: &str, name: &str, data: &[u8]| {
        let dir = repo.join("fuzz/corpus").join(target);
        std::fs::create_dir_all(&dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
        let path = dir.join(name);
        std::fs::write(&path, data).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    };
    let mut samples = Vec::new();
    for dir in ["samples", "tests/formats", "tests/bad"] {
        for path in inputs_in(&repo.join(dir)) {
            let data =
                std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            write(
                "load_map",
                &format!("{}-{name}", dir.replace('/', "-")),
                &data,
            );
            // The sample maps (not the demo data beside them) also seed the paste target.
            if dir == "samples" && name.ends_with(".ron") {
                samples.push((name, data));
            }
        }
    }
    for (name, data) in &samples {
        let text = String::from_utf8_lossy(data);
        let map = journeymap::file::from_ron_str(&text, std::path::Path::new(name))
            .unwrap_or_else(|err| panic!("{err}"))
            .map;
        // Linked cards first: they exercise relinking.
        let mut cards = map.cards.clone();
        cards.sort_by_key(|c| {
            std::cmp::Reverse(c.pain.is_some() as u8 + c.opportunity.is_some() as u8)
        });
        for (n, count) in [1, 3, 8].into_iter().enumerate() {
            let some: Vec<_> = cards.iter().take(count).cloned().collect();
            for token in [fuzz_checks::THIS_MAP, 7] {
                if let Some(clip) = journeymap::edit::paste::copy_text(some.clone(), token) {
                    write("paste", &format!("{name}-copy{n}-{token}"), clip.as_bytes());
                }
            }
            if let Ok(list) = ron::to_string(&some) {
                write("paste", &format!("{name}-list{n}"), list.as_bytes());
            }
        }
        let lines: Vec<&str> = map.cards.iter().take(5).map(|c| c.text.as_str()).collect();
        write(
            "paste",
            &format!("{name}-lines"),
            lines.join("\n").as_bytes(),
        );
    }
    write(
        "paste",
        "text-crlf",
        "  một \r\n\r\nhai\tba\n\u{1b}[31mred\u{7}\n".as_bytes(),
    );
    write("paste", "text-one", b"Customer calls the hotline");
    // The importer: one small export per messy feature, and the head of the demo data.
    for path in inputs_in(&repo.join("tests/import")) {
        if path.extension().is_some_and(|e| e == "rs") {
            continue;
        }
        let data = std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        write("import", &name, &data);
    }
    let demo = std::fs::read(repo.join("samples/zalo-mini-app-loyalty-data.csv"))
        .unwrap_or_else(|err| panic!("demo data: {err}"));
    write("import", "zalo-head.csv", &demo[..demo.len().min(3000)]);
}

/// The files of a folder, sorted.
fn inputs_in(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn kept_clipboard_inputs_are_read_as_journeymap_cards_not_as_text() {
    use journeymap::edit::paste;
    use journeymap::model::Id;
    let (step, lane) = (Id::new("st1"), Id::new("l15"));
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions/paste");
    for (name, same_map) in [
        ("clip-links-from-another-map.ron", false),
        ("clip-links-from-the-same-map.ron", true),
    ] {
        let text =
            std::fs::read_to_string(dir.join(name)).unwrap_or_else(|err| panic!("{name}: {err}"));
        let pasted = paste::parse(&text, fuzz_checks::THIS_MAP, &step, &lane);
        let ids: Vec<&str> = pasted.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c46", "c47", "c50", "c46"], "{name} was read as text");
        assert_eq!(pasted.same_map, same_map, "{name}");
    }
    let list = std::fs::read_to_string(dir.join("list-of-cards.ron"))
        .unwrap_or_else(|err| panic!("{err}"));
    let cards: Vec<journeymap::model::Card> =
        ron::from_str(&list).unwrap_or_else(|err| panic!("list-of-cards.ron: {err}"));
    assert_eq!(cards.len(), 3);
}

//! The architecture, checked: layers only point down, and the core knows nothing of egui.
//!
//! `cli` → `ui` (its `mod.rs`) → `ui::shell` → `ui::panels` / `ui::present` → `ui::canvas` / `ui::review` →
//! `ui::kit` → `import` / `export` → `edit` / `layout` / `file` / `analysis` / `art` → `model`. A source file may name
//! (`crate::…`) only its own room, rooms on its floor, and rooms below it. Tests inside a file
//! (`#[cfg(test)]`) count too: they live with the code.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

/// The floor of a room: higher floors may use lower ones, never the other way.
fn floor(room: &str) -> Option<u32> {
    Some(match room {
        "model" => 0,
        "edit" | "layout" | "file" | "analysis" | "art" => 1,
        "import" | "export" => 2,
        "ui::kit" => 3,
        "ui::canvas" | "ui::review" => 4,
        "ui::panels" | "ui::present" => 5,
        "ui::shell" => 6,
        "ui" => 7,
        "cli" => 8,
        "main" | "lib" => 9,
        _ => return None,
    })
}

/// The room of a source file, from its path under `src/`.
fn room_of_file(relative: &Path) -> String {
    let parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.as_slice() {
        [first, second, ..] if first == "ui" && second != "mod" => format!("ui::{second}"),
        [first, ..] => first.clone(),
        [] => String::new(),
    }
}

/// The room a `crate::…` path points into.
fn room_of_path(path: &str) -> String {
    let mut parts = path.split("::").skip(1);
    match (parts.next(), parts.next()) {
        (Some("ui"), Some(second)) if floor(&format!("ui::{second}")).is_some() => {
            format!("ui::{second}")
        }
        (Some(first), _) => first.to_owned(),
        _ => String::new(),
    }
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::a::b` path in `text` outside comments, with its line number; `use crate::{a,
/// b}` groups are expanded.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let tail = &rest[at..];
            let end = tail
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(tail.len());
            let path = tail[..end].trim_end_matches(':');
            if path == "crate" && tail[end..].starts_with('{') {
                // `use crate::{ui, model}`: each name is a room.
                let group = tail[end + 1..].split('}').next().unwrap_or("");
                for name in group.split(',') {
                    let name = name.trim().split("::").next().unwrap_or("").trim();
                    if !name.is_empty() {
                        found.push((n + 1, format!("crate::{name}")));
                    }
                }
            } else {
                found.push((n + 1, path.to_owned()));
            }
            rest = &tail[end..];
        }
    }
    found
}

#[test]
fn layers_only_point_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 30, "found only {} files", files.len());
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let room = room_of_file(relative);
        let Some(own) = floor(&room) else {
            wrong.push(format!("{}: in no known room ({room})", relative.display()));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (line, path) in crate_paths(&text) {
            let target = room_of_path(&path);
            if target == room || target.is_empty() {
                continue;
            }
            match floor(&target) {
                Some(theirs) if theirs <= own => {}
                Some(_) => wrong.push(format!(
                    "{}:{line}: {room} uses {path}, a room above it",
                    relative.display()
                )),
                None => wrong.push(format!(
                    "{}:{line}: {path} is in no known room",
                    relative.display()
                )),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_core_knows_nothing_of_egui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for core in [
        "model", "edit", "layout", "file", "analysis", "art", "import",
    ] {
        let mut files = Vec::new();
        sources(&src.join(core), &mut files);
        assert!(!files.is_empty(), "{core} has no files");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if code.contains("egui") || code.contains("eframe") {
                    wrong.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "egui in the core:\n{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_an_upward_import() {
    // The test above must be able to fail: a path from the model to the UI is seen and placed.
    let paths = crate_paths("use crate::ui::shell::app::JourneyApp; // not crate::model\n");
    assert_eq!(paths, [(1, "crate::ui::shell::app::JourneyApp".to_owned())]);
    assert_eq!(room_of_path(&paths[0].1), "ui::shell");
    assert!(floor("ui::shell") > floor("model"));
    assert_eq!(room_of_file(Path::new("ui/canvas/editor.rs")), "ui::canvas");
    assert_eq!(room_of_file(Path::new("ui/mod.rs")), "ui");
    assert_eq!(room_of_file(Path::new("model/map.rs")), "model");
    let grouped = crate_paths("use crate::{model, ui::kit};");
    assert_eq!(
        grouped,
        [(1, "crate::model".to_owned()), (1, "crate::ui".to_owned())]
    );
}

//! UI text in English and Vietnamese, from Fluent files in `assets/i18n/<lang>/*.ftl`.
//!
//! The language is passed explicitly (it lives in the app's preferences), never held in a
//! global, so tests in different languages can run side by side.

use fluent_templates::fluent_bundle::FluentValue;

pub use crate::art::i18n::{Lang, tr, tr_args};
use crate::model::{ColorToken, LaneKind, MapType};

/// Why a file could not be read, in the UI's language (the operating system's words for rare
/// cases).
pub fn io_reason(lang: Lang, err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let key = match err.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission",
        K::IsADirectory => "io-is-folder",
        K::NotADirectory => "io-not-folder",
        K::StorageFull | K::QuotaExceeded => "io-disk-full",
        K::ReadOnlyFilesystem => "io-read-only-fs",
        K::FileTooLarge => "io-too-large",
        K::InvalidFilename => "io-bad-name",
        _ => return err.to_string(),
    };
    tr(lang, key)
}

/// A map that could not be opened, as one line in the UI's language naming the file.
pub fn load_error_text(lang: Lang, err: &crate::file::LoadError) -> String {
    use crate::file::LoadError as E;
    let file = |p: &std::path::Path| FluentValue::from(p.display().to_string());
    match err {
        E::Io { path, source } => tr_args(
            lang,
            "load-io",
            &[
                ("file", file(path)),
                ("reason", io_reason(lang, source).into()),
            ],
        ),
        E::TooLarge { path, size, limit } => tr_args(
            lang,
            "load-too-large",
            &[
                ("file", file(path)),
                ("size", (*size).into()),
                ("limit", (*limit).into()),
            ],
        ),
        E::Empty { path } => tr_args(lang, "load-empty", &[("file", file(path))]),
        E::NotText {
            path,
            line,
            column,
            why,
        } => tr_args(
            lang,
            if why.contains("NUL") {
                "load-nul"
            } else {
                "load-not-utf8"
            },
            &[
                ("file", file(path)),
                ("line", (*line).into()),
                ("column", (*column).into()),
            ],
        ),
        E::Syntax {
            path,
            line,
            column,
            message,
        } => tr_args(
            lang,
            "load-syntax",
            &[
                ("file", file(path)),
                ("line", (*line).into()),
                ("column", (*column).into()),
                ("message", message.clone().into()),
            ],
        ),
        E::NewerFormat {
            path,
            found,
            supported,
        } => tr_args(
            lang,
            "load-newer",
            &[
                ("file", file(path)),
                ("found", (*found).into()),
                ("supported", (*supported).into()),
            ],
        ),
        E::UnknownFormat { path, found } => tr_args(
            lang,
            "load-unknown-format",
            &[("file", file(path)), ("found", (*found).into())],
        ),
    }
}

/// A map that could not be saved, as one line in the UI's language naming the file and what
/// to do.
pub fn save_error_text(lang: Lang, err: &crate::file::SaveError) -> String {
    use crate::file::SaveError as E;
    let file = |p: &std::path::Path| FluentValue::from(p.display().to_string());
    match err {
        E::Serialize { path, message } => tr_args(
            lang,
            "save-serialize",
            &[("file", file(path)), ("message", message.clone().into())],
        ),
        E::MissingFolder { path, folder } => tr_args(
            lang,
            "save-missing-folder",
            &[("file", file(path)), ("folder", file(folder))],
        ),
        E::IsFolder { path } => tr_args(lang, "save-is-folder", &[("file", file(path))]),
        E::ReadOnly { path } => tr_args(lang, "save-read-only", &[("file", file(path))]),
        E::LinkLoop { path } => tr_args(lang, "save-link-loop", &[("file", file(path))]),
        E::DiskFull { path, .. } => tr_args(lang, "save-disk-full", &[("file", file(path))]),
        E::Io { path, what, source } => {
            let step = match *what {
                "cannot read the file's attributes" => "save-step-attributes",
                "its folder is a file" => "save-step-folder-is-file",
                "cannot create a temporary file in its folder" => "save-step-temp",
                "cannot write the temporary file" => "save-step-write",
                "cannot set the permissions of the temporary file" => "save-step-permissions",
                "cannot flush the temporary file to disk" => "save-step-flush",
                "cannot copy the previous version" => "save-step-copy",
                "cannot replace the file" => "save-step-replace",
                "cannot read the symbolic link" => "save-step-link",
                _ => "",
            };
            let what = if step.is_empty() {
                (*what).to_owned()
            } else {
                tr(lang, step)
            };
            tr_args(
                lang,
                "save-io",
                &[
                    ("file", file(path)),
                    ("what", what.into()),
                    ("reason", io_reason(lang, source).into()),
                ],
            )
        }
        E::Backup {
            path,
            backup,
            source,
        } => tr_args(
            lang,
            "save-backup",
            &[
                ("file", file(path)),
                ("backup", file(backup)),
                ("reason", io_reason(lang, source).into()),
            ],
        ),
    }
}

/// A repair made while loading, in the UI's language.
pub fn warning_text(lang: Lang, warning: &crate::model::Warning) -> String {
    use crate::model::Arg;
    let args: Vec<(&'static str, FluentValue<'static>)> = warning
        .args
        .iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Text(text) => text.clone(),
                Arg::Subject(subject) => {
                    let (key, args) = subject.key_and_args();
                    let args: Vec<(&'static str, FluentValue<'static>)> =
                        args.into_iter().map(|(n, v)| (n, v.into())).collect();
                    tr_args(lang, key, &args)
                }
            };
            (*name, FluentValue::from(value))
        })
        .collect();
    tr_args(lang, warning.key, &args)
}

/// The message key of a colour's name.
pub fn color_key(token: ColorToken) -> &'static str {
    match token {
        ColorToken::Yellow => "color-yellow",
        ColorToken::Orange => "color-orange",
        ColorToken::Red => "color-red",
        ColorToken::Pink => "color-pink",
        ColorToken::Purple => "color-purple",
        ColorToken::Blue => "color-blue",
        ColorToken::Teal => "color-teal",
        ColorToken::Green => "color-green",
        ColorToken::Gray => "color-gray",
    }
}

/// The message key of a map type's name.
pub fn map_type_key(map_type: MapType) -> &'static str {
    match map_type {
        MapType::CurrentState => "map-type-current",
        MapType::FutureState => "map-type-future",
        MapType::DayInTheLife => "map-type-day",
        MapType::ServiceBlueprint => "map-type-blueprint",
    }
}

/// The message key of a lane kind's name.
pub fn lane_kind_key(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::Touchpoints => "lane-kind-touchpoints",
        LaneKind::Actions => "lane-kind-actions",
        LaneKind::Thoughts => "lane-kind-thoughts",
        LaneKind::Emotions => "lane-kind-emotions",
        LaneKind::PainPoints => "lane-kind-pain-points",
        LaneKind::Opportunities => "lane-kind-opportunities",
        LaneKind::Metrics => "lane-kind-metrics",
        LaneKind::Text => "lane-kind-text",
        LaneKind::Frontstage => "lane-kind-frontstage",
        LaneKind::Backstage => "lane-kind-backstage",
        LaneKind::Support => "lane-kind-support",
    }
}

/// The name of a language in itself, for the language menu.
pub fn native_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Vi => "Tiếng Việt",
    }
}

/// A note on a Mermaid journey opened as a map, in `lang`: what the map holds differently.
pub fn mermaid_warning_text(
    lang: Lang,
    warning: &crate::export::mermaid_in::MermaidWarning,
) -> String {
    use crate::export::mermaid_in::WarningKind as K;
    let line = ("line", warning.line.into());
    match &warning.kind {
        K::ScoreOutOfRange { score, kept } => tr_args(
            lang,
            "mermaid-w-score",
            &[
                line,
                ("score", score.to_string().into()),
                ("kept", format!("{kept:+}").into()),
            ],
        ),
        K::NoScore { text } if text.is_empty() => tr_args(lang, "mermaid-w-no-score", &[line]),
        K::NoScore { text } => tr_args(
            lang,
            "mermaid-w-bad-score",
            &[line, ("text", text.clone().into())],
        ),
        K::EmptySection { name } => tr_args(
            lang,
            "mermaid-w-empty-section",
            &[line, ("name", name.clone().into())],
        ),
        K::TaskOutsideSection { name } => tr_args(
            lang,
            "mermaid-w-outside",
            &[line, ("name", name.clone().into())],
        ),
        K::ColonInName { name } => tr_args(
            lang,
            "mermaid-w-colon",
            &[line, ("name", name.clone().into())],
        ),
        K::MoreActors { persona, others } => tr_args(
            lang,
            "mermaid-w-actors",
            &[
                line,
                ("persona", persona.clone().into()),
                ("others", others.join(", ").into()),
            ],
        ),
        K::Ignored { text } => tr_args(
            lang,
            "mermaid-w-ignored",
            &[line, ("text", text.clone().into())],
        ),
    }
}

/// Why a Mermaid journey could not be opened as a map, in `lang`.
pub fn mermaid_error_text(lang: Lang, error: &crate::export::mermaid_in::MermaidError) -> String {
    use crate::export::mermaid_in::MermaidError as E;
    match error {
        E::NotAJourney { line: 0, .. } => tr(lang, "mermaid-e-empty"),
        E::NotAJourney { line, found } => tr_args(
            lang,
            "mermaid-e-not-journey",
            &[("line", (*line).into()), ("found", found.clone().into())],
        ),
        E::NoJourneyBlock => tr(lang, "mermaid-e-no-block"),
        E::NoTasks => tr(lang, "mermaid-e-no-tasks"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn keys_in(dir: &Path) -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for line in text.lines() {
                if let Some((key, _)) = line.split_once(" =")
                    && !key.starts_with([' ', '#', '-'])
                    && !key.is_empty()
                {
                    keys.insert(key.trim().to_owned());
                }
            }
        }
        keys
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n");
        let en = keys_in(&root.join("en"));
        let vi = keys_in(&root.join("vi"));
        assert!(!en.is_empty());
        let only_en: Vec<_> = en.difference(&vi).collect();
        let only_vi: Vec<_> = vi.difference(&en).collect();
        assert!(
            only_en.is_empty() && only_vi.is_empty(),
            "en only: {only_en:?}, vi only: {only_vi:?}"
        );
    }

    /// Two files of one language defining the same key stop the whole bundle from loading (in
    /// every UI test at once); this names the key and its files.
    #[test]
    fn no_key_is_defined_twice() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n");
        for lang in ["en", "vi"] {
            let mut seen: std::collections::BTreeMap<String, String> = Default::default();
            let mut twice = Vec::new();
            for entry in std::fs::read_dir(root.join(lang))
                .into_iter()
                .flatten()
                .flatten()
            {
                let name = entry.file_name().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                for line in text.lines() {
                    if let Some((key, _)) = line.split_once(" =")
                        && !key.starts_with([' ', '#', '-'])
                        && !key.is_empty()
                        && let Some(first) = seen.insert(key.trim().to_owned(), name.clone())
                    {
                        twice.push(format!("{lang}: {} in {first} and {name}", key.trim()));
                    }
                }
            }
            assert!(seen.len() > 100, "{lang}: {} keys", seen.len());
            assert!(twice.is_empty(), "{twice:?}");
        }
    }

    /// Every literal key passed to `tr`/`tr_args` in the source exists.
    #[test]
    fn every_key_used_exists() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let en = keys_in(&root.join("assets/i18n/en"));
        let mut missing = Vec::new();
        let mut stack = vec![root.join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.ends_with("ui/kit/i18n.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for pattern in [
                    "tr(lang, \"",
                    "tr_args(lang, \"",
                    "tr(self.lang, \"",
                    "tr_args(self.lang, \"",
                ] {
                    for (at, _) in text.match_indices(pattern) {
                        let rest = &text[at + pattern.len()..];
                        if let Some(end) = rest.find('"') {
                            let key = &rest[..end];
                            if !en.contains(key) {
                                missing.push(format!("{}: {key}", path.display()));
                            }
                        }
                    }
                }
                // Keys named in `label_key()`-style tables: "cmd-…".
                for (at, _) in text.match_indices("\"cmd-") {
                    let rest = &text[at + 1..];
                    if let Some(end) = rest.find('"') {
                        let key = &rest[..end];
                        if !en.contains(key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "missing keys: {missing:#?}");
    }

    #[test]
    fn every_enum_has_its_message() {
        for lang in Lang::ALL {
            for token in ColorToken::ALL {
                assert_ne!(tr(lang, color_key(token)), color_key(token));
            }
            for kind in LaneKind::ALL {
                assert_ne!(tr(lang, lane_kind_key(kind)), lane_kind_key(kind));
            }
            for t in MapType::ALL {
                assert_ne!(tr(lang, map_type_key(t)), map_type_key(t));
            }
        }
    }

    #[test]
    fn lookups_work_in_both_languages() {
        assert_eq!(tr(Lang::En, "menu-file"), "File");
        assert_eq!(tr(Lang::Vi, "menu-file"), "Tệp");
        let n = tr_args(
            Lang::En,
            "status-counts",
            &[
                ("stages", 1.into()),
                ("steps", 2.into()),
                ("lanes", 3.into()),
                ("cards", 1.into()),
            ],
        );
        assert!(n.contains("1 card") && !n.contains("1 cards"), "{n}");
        assert!(!n.contains('\u{2068}'), "no isolation marks");
    }
}

#[cfg(test)]
mod load_error_tests {
    use super::*;
    use crate::file::LoadError;
    use std::path::PathBuf;

    /// The English UI text of every load error is the error's own message (what the CLI
    /// prints), and the Vietnamese one is a translation, not the English.
    #[test]
    fn load_errors_read_the_same_in_english_and_are_translated() {
        let path = || PathBuf::from("bản đồ.ron");
        let errors = [
            LoadError::Io {
                path: path(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            },
            LoadError::TooLarge {
                path: path(),
                size: 40_000_000,
                limit: 33_554_432,
            },
            LoadError::Empty { path: path() },
            LoadError::NotText {
                path: path(),
                line: 3,
                column: 7,
                why: "invalid UTF-8",
            },
            LoadError::NotText {
                path: path(),
                line: 1,
                column: 2,
                why: "it contains NUL bytes",
            },
            LoadError::Syntax {
                path: path(),
                line: 4,
                column: 9,
                message: "Expected closing `)`".to_owned(),
            },
            LoadError::NewerFormat {
                path: path(),
                found: 3,
                supported: 1,
            },
            LoadError::UnknownFormat {
                path: path(),
                found: 0,
            },
        ];
        for err in &errors {
            let en = load_error_text(Lang::En, err);
            let vi = load_error_text(Lang::Vi, err);
            if !matches!(err, LoadError::Io { .. }) {
                assert_eq!(en, err.to_string());
            }
            assert_ne!(vi, en, "{err}");
            assert!(vi.starts_with("bản đồ.ron"), "{vi}");
        }
        let io = load_error_text(Lang::Vi, &errors[0]);
        assert_eq!(io, "bản đồ.ron: không đọc được: tệp không tồn tại");
    }
}

#[cfg(test)]
mod save_error_tests {
    use super::*;
    use crate::file::SaveError;
    use std::path::PathBuf;

    /// The English UI text of every save error is the error's own message, and the Vietnamese
    /// one is a translation.
    #[test]
    fn save_errors_read_the_same_in_english_and_are_translated() {
        let path = || PathBuf::from("bản đồ.ron");
        let io = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let mut errors = vec![
            SaveError::Serialize {
                path: path(),
                message: "bad".to_owned(),
            },
            SaveError::MissingFolder {
                path: path(),
                folder: PathBuf::from("thư mục"),
            },
            SaveError::IsFolder { path: path() },
            SaveError::ReadOnly { path: path() },
            SaveError::LinkLoop { path: path() },
            SaveError::DiskFull {
                path: path(),
                source: std::io::Error::from(std::io::ErrorKind::StorageFull),
            },
            SaveError::Backup {
                path: path(),
                backup: PathBuf::from("bản đồ.ron.bak"),
                source: io(),
            },
        ];
        for what in [
            "cannot read the file's attributes",
            "its folder is a file",
            "cannot create a temporary file in its folder",
            "cannot write the temporary file",
            "cannot set the permissions of the temporary file",
            "cannot flush the temporary file to disk",
            "cannot copy the previous version",
            "cannot replace the file",
            "cannot read the symbolic link",
        ] {
            errors.push(SaveError::Io {
                path: path(),
                what,
                source: io(),
            });
        }
        for err in &errors {
            let en = save_error_text(Lang::En, err);
            let vi = save_error_text(Lang::Vi, err);
            if !matches!(err, SaveError::Io { .. } | SaveError::Backup { .. }) {
                assert_eq!(en, err.to_string());
            } else {
                // The operating system's reason is put in words of our own.
                assert!(en.contains("permission denied"), "{en}");
                let theirs = err.to_string();
                let (ours_head, theirs_head) = (en.split(": ").nth(1), theirs.split(": ").nth(1));
                assert_eq!(
                    ours_head, theirs_head,
                    "the step reads the same: {en} / {theirs}"
                );
            }
            assert_ne!(vi, en, "{err}");
            assert!(vi.contains("bản đồ.ron"), "{vi}");
            assert!(!vi.contains("cannot"), "untranslated: {vi}");
        }
    }
}

#[cfg(test)]
mod warning_tests {
    use super::*;
    use crate::model::{Arg, Id, Subject, WARNING_KEYS, Warning, warning_english};

    fn subjects() -> Vec<Subject> {
        let id = || Some(Id::new("c4"));
        vec![
            Subject::Map,
            Subject::Persona,
            Subject::Stage {
                id: None,
                name: "Mua".into(),
            },
            Subject::Stage {
                id: id(),
                name: "Mua".into(),
            },
            Subject::Step {
                id: None,
                stage: "Mua".into(),
            },
            Subject::Step {
                id: id(),
                stage: "Mua".into(),
            },
            Subject::Lane {
                id: None,
                name: "Điểm chạm".into(),
            },
            Subject::Lane {
                id: id(),
                name: "Điểm chạm".into(),
            },
            Subject::Card {
                id: None,
                text: "Phí ship".into(),
            },
            Subject::Card {
                id: id(),
                text: "Phí ship".into(),
            },
            Subject::PainPoint {
                text: "Phí ship".into(),
            },
            Subject::Curve {
                id: None,
                name: "Hiện tại".into(),
            },
            Subject::Curve {
                id: id(),
                name: "Hiện tại".into(),
            },
            Subject::CurvePoint {
                id: Id::new("cv2"),
                name: "Hiện tại".into(),
                step: Id::new("st3"),
            },
            Subject::Metrics,
            Subject::Snapshot {
                number: 2,
                file: "khach-hang-q3.csv".into(),
            },
        ]
    }

    /// Every repair reads in English exactly as `journeymap check` prints it, and is
    /// translated into Vietnamese, with every value in place.
    #[test]
    fn repairs_read_the_same_in_english_and_are_translated() {
        for key in WARNING_KEYS.iter().filter(|k| k.starts_with("warn-")) {
            let names: Vec<&'static str> = [
                "subject", "field", "count", "found", "max", "fixed", "id", "new", "highest",
                "fresh", "step", "target", "lane", "metric", "value", "range", "number", "file",
            ]
            .into_iter()
            .filter(|n| warning_english(key).contains(&format!("{{{n}}}")))
            .collect();
            for subject in subjects() {
                let args = names
                    .iter()
                    .map(|n| {
                        let arg = if *n == "subject" {
                            Arg::Subject(subject.clone())
                        } else {
                            Arg::Text(format!("<{n}>"))
                        };
                        (*n, arg)
                    })
                    .collect();
                let warning = Warning::new(key, args);
                assert!(!warning.message.contains('{'), "{key}: {}", warning.message);
                assert_eq!(warning_text(Lang::En, &warning), warning.message, "{key}");
                let vi = warning_text(Lang::Vi, &warning);
                assert_ne!(vi, warning.message, "{key} is not translated");
                for n in &names {
                    if *n != "subject" {
                        assert!(vi.contains(&format!("<{n}>")), "{key}: {n} missing in {vi}");
                    }
                }
            }
        }
    }
}

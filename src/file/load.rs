//! Reading a map: size limit, text check, version check, parse, migrate, restore.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::position::{byte_offset, line_col};
use crate::model::{FORMAT_VERSION, JourneyMap, Warning, restore};

/// Largest file accepted. Real maps are well under a megabyte; this only stops accidents
/// (opening a video) from eating memory.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// A map read from a file, repaired, with what the repairs were.
#[derive(Debug)]
pub struct Loaded {
    /// The map, valid and in the current format.
    pub map: JourneyMap,
    /// Repairs made while loading; empty for a clean file.
    pub warnings: Vec<Warning>,
    /// The format version the file was written in (older ones were migrated).
    pub format_in_file: u32,
    /// Fields this version does not know. They are kept in the map and written back on save.
    pub unknown: Vec<super::UnknownField>,
    /// The file as it was read, to notice later changes by others (`None` for text).
    pub stamp: Option<super::FileStamp>,
}

/// Why a file could not be loaded. Each displays as one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path}: too large to be a journey map ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size, or the limit plus one when it grew while reading.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is empty or only whitespace.
    #[error("{path}: the file is empty")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is not text.
    #[error("{path}:{line}:{column}: not a text file ({why}); is it a journey map?")]
    NotText {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first offending byte.
        line: usize,
        /// 1-based column of the first offending byte.
        column: usize,
        /// What was found.
        why: &'static str,
    },
    /// The RON could not be parsed into a map.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was expected and found.
        message: String,
    },
    /// The file was written by a newer journeymap.
    #[error(
        "{path}: made by a newer journeymap (file format {found}; this version reads up to {supported}). Update journeymap to open it."
    )]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The file names a format version that never existed.
    #[error("{path}: unknown file format version {found}")]
    UnknownFormat {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
    },
}

/// Loads, migrates and restores the map at `path`.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a folder",
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    // The size can change between the check and the read (or lie, for special files), so the
    // read itself is bounded too.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: MAX_FILE_BYTES + 1,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut loaded = from_ron_bytes(&bytes, path)?;
    loaded.stamp = Some(super::FileStamp::of(&bytes, &meta));
    Ok(loaded)
}

fn from_ron_bytes(bytes: &[u8], path: &Path) -> Result<Loaded, LoadError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let (line, column) = line_col(&bytes[..err.valid_up_to()]);
            return Err(LoadError::NotText {
                path: path.to_owned(),
                line,
                column,
                why: "invalid UTF-8",
            });
        }
    };
    from_ron_str(text, path)
}

/// Parses the text of a `.ron` file; `path` is only used in messages.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    if let Some(at) = text.find('\0') {
        let (line, column) = line_col(&text.as_bytes()[..at]);
        return Err(LoadError::NotText {
            path: path.to_owned(),
            line,
            column,
            why: "it contains NUL bytes",
        });
    }

    let found = read_format_version(text, path)?;
    let (mut map, kept, unknown) = match found {
        FORMAT_VERSION => {
            let (map, kept, unknown) = super::unknown::parse_keeping(text, &options())
                .map_err(|err| syntax_error(&err, text, path))?;
            (map, Some(kept).filter(|k| !k.is_empty()), unknown)
        }
        newer if newer > FORMAT_VERSION => {
            return Err(LoadError::NewerFormat {
                path: path.to_owned(),
                found: newer,
                supported: FORMAT_VERSION,
            });
        }
        // Format versions before 1 never existed. When version 2 arrives, parse version 1
        // into its own frozen types here and migrate one step at a time: v1 → v2 → ...
        older => {
            return Err(LoadError::UnknownFormat {
                path: path.to_owned(),
                found: older,
            });
        }
    };
    map.format = FORMAT_VERSION;
    // Restore may renumber the element that holds an unknown field: key it afterwards.
    let parsed = kept.as_ref().map(|_| map.clone());
    let mut warnings = restore(&mut map);
    if let (Some(kept), Some(parsed)) = (kept, parsed) {
        map.kept = super::unknown::key_owners(kept, &parsed, &map);
    }
    // Every kept field must have a place to go back to; one that has none is said, not
    // dropped in silence.
    for field in &map.kept {
        if !super::unknown::owner_exists(field, &map) {
            warnings.push(crate::model::Warning::new(
                "warn-kept-field-lost",
                vec![("field", crate::model::Arg::Text(field.path()))],
            ));
        }
    }
    Ok(Loaded {
        map,
        warnings,
        format_in_file: found,
        unknown,
        stamp: None,
    })
}

/// Reads just the `format` field, so a newer file is recognised even if the rest has changed.
fn read_format_version(text: &str, path: &Path) -> Result<u32, LoadError> {
    #[derive(Deserialize)]
    struct Header {
        format: u32,
    }
    match parse::<Header>(text, path) {
        Ok(header) => Ok(header.format),
        Err(LoadError::Syntax { message, .. })
            if message.contains("Unexpected missing field named `format`") =>
        {
            Err(LoadError::Syntax {
                path: path.to_owned(),
                line: 1,
                column: 1,
                message: "no `format` version at the start: not a journeymap map".to_owned(),
            })
        }
        Err(err) => Err(err),
    }
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(super::RECURSION_LIMIT)
}

fn parse<T: for<'de> Deserialize<'de>>(text: &str, path: &Path) -> Result<T, LoadError> {
    options()
        .from_str(text)
        .map_err(|err| syntax_error(&err, text, path))
}

/// A parse error as one line naming the file, the line and column, and what was expected.
fn syntax_error(err: &ron::error::SpannedError, text: &str, path: &Path) -> LoadError {
    {
        let mut message = err.code.to_string();
        let first = text.trim_start().chars().next();
        if matches!(first, Some('{' | '[')) {
            message.push_str(
                " (this looks like JSON or a list; a journeymap file starts with `(format: ...`)",
            );
        }
        let (mut line, mut column) = (err.span.start.line, err.span.start.col);
        if err.code == ron::Error::TrailingCharacters {
            // ron points just after the document; point at the stray text instead.
            let after = byte_offset(text, line, column);
            let rest = &text[after..];
            if let Some(skip) = rest.find(|c: char| !c.is_whitespace()) {
                (line, column) = line_col(&text.as_bytes()[..after + skip]);
            }
            message = "unexpected text after the end of the map".to_owned();
        }
        LoadError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// A map whose restore renumbers a card and drops a curve point, both holding a field
    /// this version does not know.
    const RENUMBERED: &str = r#"(format: 1, title: "t",
        stages: [(id: "s1", name: "A", steps: [(id: "st2", name: "")])],
        lanes: [(id: "l3", name: "L", kind: Touchpoints), (id: "l4", name: "E", kind: Emotions)],
        cards: [
            (id: "c5", step: "st2", lane: "l3", text: "first"),
            (id: "c5", step: "st2", lane: "l3", text: "second", confidence: 0.8),
        ],
        curves: [(id: "cv6", name: "as-is", color: Blue, points: [
            (step: "st2", score: 1.0),
            (step: "st404", score: 1.0, mood: "lost"),
        ])],
        next_id: 7)"#;

    #[test]
    fn unknown_fields_follow_the_element_restore_renumbered() {
        let loaded = from_ron_str(RENUMBERED, Path::new("t.ron")).unwrap();
        assert_eq!(
            loaded.map.cards[1].id.as_str(),
            "c7",
            "{:?}",
            loaded.warnings
        );
        // The second card's field stays with it under its new id, not with the first card;
        // the point restore dropped takes its field along.
        let owners: Vec<String> = loaded
            .map
            .kept
            .iter()
            .map(crate::model::KeptField::path)
            .collect();
        assert_eq!(owners, ["cards[c7].confidence"]);
        let saved = crate::file::to_ron_string(&loaded.map).unwrap();
        let second = saved.find("\"second\"").unwrap();
        assert!(saved[second..].contains("confidence: 0.8"), "{saved}");
        let back = from_ron_str(&saved, Path::new("t.ron")).unwrap();
        assert_eq!(back.warnings, vec![]);
        assert_eq!(back.map, loaded.map);
    }
}

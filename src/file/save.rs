//! Serialising a map and writing it atomically.

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;

use crate::model::{FORMAT_VERSION, JourneyMap};

/// Why a map could not be saved. The file on disk is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The map could not be turned into RON (should not happen with valid data).
    #[error("cannot save {path}: {message}")]
    Serialize {
        /// The target file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Writing failed: read-only folder, disk full, file in use...
    #[error("cannot save {path}: {what}: {source}. The file on disk was not changed.")]
    Io {
        /// The target file.
        path: PathBuf,
        /// Which step failed.
        what: &'static str,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// The pretty-printer settings: fixed, so the same map always gives the same bytes on every OS.
fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
        .escape_strings(true)
}

/// The map as the text of a `.ron` file, in the current format version.
pub fn to_ron_string(map: &JourneyMap) -> Result<String, ron::Error> {
    let body = if map.format == FORMAT_VERSION {
        ron::ser::to_string_pretty(map, pretty_config())?
    } else {
        let mut current = map.clone();
        current.format = FORMAT_VERSION;
        ron::ser::to_string_pretty(&current, pretty_config())?
    };
    let text = format!(
        "// A journeymap customer journey map. https://ron-rs.github.io/ describes the syntax.\n{}\n",
        readable_escapes(&body)
    );
    if map.kept.is_empty() {
        return Ok(text);
    }
    // Fields this version does not know go back where they were. The result must read back
    // as the same map with the same kept fields, or nothing is written.
    let spliced = super::unknown::splice(&text, map);
    let options = ron::Options::default().with_recursion_limit(super::RECURSION_LIMIT);
    match super::unknown::parse_keeping(&spliced, &options) {
        Ok((mut back, kept, _)) => {
            back.format = map.format;
            back.kept = map.kept.clone();
            let same_fields = kept.len() <= map.kept.len()
                && kept
                    .iter()
                    .all(|k| map.kept.iter().any(|m| m.name == k.name && m.raw == k.raw));
            if back == *map && same_fields {
                Ok(spliced)
            } else {
                Err(ron::Error::Message(
                    "the fields this version does not know could not be put back; use a newer journeymap to save this map".to_owned(),
                ))
            }
        }
        Err(err) => Err(ron::Error::Message(format!(
            "a field this version does not know could not be put back ({err}); use a newer journeymap to save this map"
        ))),
    }
}

/// Undoes escapes that ron writes but does not need, so text reads as typed: `don\'t` becomes
/// `don't`, and the invisible joiners and variation selectors inside emoji (`\u{200d}`,
/// `\u{fe0f}`) are written as themselves. Control characters, quotes, backslashes and newlines
/// stay escaped, so every string stays on one line and the file parses the same.
fn readable_escapes(ron_text: &str) -> String {
    let mut out = String::with_capacity(ron_text.len());
    let mut chars = ron_text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('\'') => {
                chars.next();
                out.push('\'');
            }
            Some('u') => {
                let rest: String = chars.clone().take(12).collect();
                let decoded = rest
                    .strip_prefix("u{")
                    .and_then(|r| r.split_once('}'))
                    .and_then(|(hex, _)| u32::from_str_radix(hex, 16).ok().map(|n| (hex.len(), n)))
                    .and_then(|(len, n)| char::from_u32(n).map(|ch| (len, ch)));
                match decoded {
                    Some((len, ch)) if !ch.is_control() && !ch.is_whitespace() => {
                        for _ in 0..len + 3 {
                            chars.next();
                        }
                        out.push(ch);
                    }
                    _ => out.push(c),
                }
            }
            Some(_) => {
                // Keep the escape pair together so `\\` is never read as the start of another.
                out.push(c);
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// Saves `map` to `path` atomically, keeping the previous file as `NAME.ron.bak`.
pub fn save(path: &Path, map: &JourneyMap) -> Result<(), SaveError> {
    let text = to_ron_string(map).map_err(|err| SaveError::Serialize {
        path: path.to_owned(),
        message: err.to_string(),
    })?;
    write_atomically(path, text.as_bytes(), true)
}

/// Writes `bytes` to `path` atomically (temporary file, fsync, rename, fsync of the folder),
/// keeping the previous file as `NAME.bak` when `backup` is set.
pub fn write_atomically(path: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
    let io = |what: &'static str| {
        move |source: std::io::Error| SaveError::Io {
            path: path.to_owned(),
            what,
            source,
        }
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    if path.is_dir() {
        return Err(io("it is a folder")(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "a folder has this name",
        )));
    }

    let mut temp = tempfile::Builder::new()
        .prefix(".journeymap-")
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(io("cannot create a temporary file in its folder"))?;
    temp.write_all(bytes)
        .map_err(io("cannot write the temporary file"))?;
    // A temporary file is private (0600); the saved map gets the permissions of the file it
    // replaces, or the usual ones for a new document.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(permissions) = permissions {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(io("cannot set the permissions of the temporary file"))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(io("cannot flush the temporary file to disk"))?;

    if backup && path.exists() {
        keep_backup(path).map_err(io("cannot keep the previous version as .bak"))?;
    }
    temp.persist(path)
        .map_err(|err| io("cannot replace the file")(err.error))?;
    sync_folder(&folder).map_err(io("cannot flush the folder to disk"))?;
    Ok(())
}

/// Copies the current file to `NAME.ron.bak`, itself atomically, so the backup is never torn.
fn keep_backup(path: &Path) -> std::io::Result<()> {
    let backup = super::backup_path(path);
    let folder = backup.parent().unwrap_or_else(|| Path::new("."));
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".journeymap-bak-")
        .tempfile_in(folder)?;
    let mut current = File::open(path)?;
    std::io::copy(&mut current, &mut temp)?;
    temp.as_file().sync_all()?;
    temp.persist(&backup).map_err(|err| err.error)?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt as _;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    // On Windows a temporary file already has the permissions of a new document.
    None
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    // Windows cannot open a folder as a file; NTFS journals the rename itself.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_escapes_keep_meaning() {
        let cases = [
            "don't",
            "back\\slash'quote",
            "\\'",
            "tab\there\nnewline \"quoted\"",
            "family 👨\u{200d}👩\u{200d}👧 heart ❤\u{fe0f}",
            "bell \u{7}",
        ];
        for text in cases {
            let map = JourneyMap::new(text);
            let pretty = ron::ser::to_string_pretty(&map, pretty_config()).unwrap_or_default();
            let readable = readable_escapes(&pretty);
            let back: JourneyMap =
                ron::from_str(&readable).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(back.title, map.title, "{readable}");
        }
        let readable = readable_escapes(
            &ron::to_string(&JourneyMap::new("don't 👨\u{200d}👩")).unwrap_or_default(),
        );
        assert!(readable.contains("don't 👨\u{200d}👩"), "{readable}");
    }
}

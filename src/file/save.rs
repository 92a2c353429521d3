//! Serialising a map and writing it atomically.

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;

use crate::model::{FORMAT_VERSION, JourneyMap};

/// Why a map could not be saved. Each message is one line that says what to do; the file on
/// disk and its `.bak` are unchanged in every case but [`SaveError::Backup`].
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
    /// The folder to save in does not exist.
    #[error(
        "cannot save {path}: the folder {folder} does not exist; create it or choose another folder with Save As"
    )]
    MissingFolder {
        /// The target file.
        path: PathBuf,
        /// The folder that is missing.
        folder: PathBuf,
    },
    /// A folder has the name of the file.
    #[error("cannot save {path}: it is a folder, not a file; choose a file name with Save As")]
    IsFolder {
        /// The target file.
        path: PathBuf,
    },
    /// The file is read-only (it has no write permission); saving over it would silently undo
    /// that protection.
    #[error(
        "cannot save {path}: the file is read-only; use Save As to save a copy, or make the file writable first"
    )]
    ReadOnly {
        /// The target file.
        path: PathBuf,
    },
    /// The path is a chain of symbolic links that is too long or loops.
    #[error(
        "cannot save {path}: it is a loop or too long a chain of symbolic links; use Save As to choose the file"
    )]
    LinkLoop {
        /// The target file.
        path: PathBuf,
    },
    /// The disk (or the user's quota, or the file size limit) is full.
    #[error(
        "cannot save {path}: the disk is full; free some space or use Save As to save on another disk. The file on disk was not changed."
    )]
    DiskFull {
        /// The target file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// Writing failed for another reason: a folder without write permission, a file in use...
    #[error(
        "cannot save {path}: {what}: {source}; try again or use Save As. The file on disk was not changed."
    )]
    Io {
        /// The target file.
        path: PathBuf,
        /// Which step failed.
        what: &'static str,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The new file was saved, but the previous version could not be kept as `.bak` (the old
    /// `.bak`, if any, is unchanged).
    #[error(
        "saved {path}, but could not keep the previous version as {backup}: {source}; the older .bak is still there"
    )]
    Backup {
        /// The target file.
        path: PathBuf,
        /// The backup file.
        backup: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

impl SaveError {
    /// Whether the file was saved despite the error (only the `.bak` could not be updated).
    pub fn was_saved(&self) -> bool {
        matches!(self, Self::Backup { .. })
    }
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

/// How many symbolic links [`write_atomically`] follows before calling it a loop (Linux's own
/// limit is 40).
const MAX_LINKS: usize = 40;

/// Writes `bytes` to `path` atomically (temporary file, fsync, rename, fsync of the folder),
/// keeping the previous file as `NAME.bak` when `backup` is set.
///
/// A symbolic link is followed (through chains of links and relative targets): the link stays
/// a link, the target gets the new content and the `.bak` is kept beside the target. A
/// read-only file is refused, not replaced. The order of the steps makes sure that whenever
/// this fails, and at whatever moment the process dies, the file holds either its old or its
/// new content and the `.bak` either its old content or the file's previous one:
///
/// 1. the new content goes to a temporary file beside the target, which is flushed to disk;
/// 2. the current file is copied to a second temporary file (the next `.bak`), also flushed;
/// 3. the first temporary file is renamed over the target (atomic);
/// 4. the second is renamed over `NAME.bak` (atomic), and the folder is flushed.
pub fn write_atomically(path: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
    let target = resolve_links(path)?;
    let io = |what: &'static str| {
        move |source: std::io::Error| {
            if is_disk_full(&source) {
                SaveError::DiskFull {
                    path: path.to_owned(),
                    source,
                }
            } else {
                SaveError::Io {
                    path: path.to_owned(),
                    what,
                    source,
                }
            }
        }
    };
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(io("cannot read the file's attributes")(err)),
    };
    if existing.as_ref().is_some_and(std::fs::Metadata::is_dir) {
        return Err(SaveError::IsFolder {
            path: path.to_owned(),
        });
    }
    // Checked by hand: the superuser may write over a read-only file, and should not either.
    if existing
        .as_ref()
        .is_some_and(|meta| meta.permissions().readonly())
    {
        return Err(SaveError::ReadOnly {
            path: path.to_owned(),
        });
    }
    if folder.exists() && !folder.is_dir() {
        return Err(io("its folder is a file")(std::io::Error::from(
            std::io::ErrorKind::NotADirectory,
        )));
    }
    if !folder.is_dir() {
        return Err(SaveError::MissingFolder {
            path: path.to_owned(),
            folder,
        });
    }

    // 1. The new content, flushed to disk.
    let mut temp = tempfile::Builder::new()
        .prefix(".journeymap-")
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(io("cannot create a temporary file in its folder"))?;
    temp.write_all(bytes)
        .map_err(io("cannot write the temporary file"))?;
    // A temporary file is private (0600); the saved map gets the permissions of the file it
    // replaces, or the usual ones for a new document.
    let permissions = match &existing {
        Some(meta) => Some(meta.permissions()),
        None => default_permissions(),
    };
    if let Some(permissions) = permissions {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(io("cannot set the permissions of the temporary file"))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(io("cannot flush the temporary file to disk"))?;

    // 2. The next .bak, flushed to disk, not yet in place.
    let next_backup = if backup && existing.is_some() {
        Some(copy_to_temp(&target, &folder).map_err(io("cannot copy the previous version"))?)
    } else {
        None
    };

    // 3. The new content in place. Until here nothing the user sees has changed.
    temp.persist(&target)
        .map_err(|err| io("cannot replace the file")(err.error))?;

    // 4. The previous version in place as .bak.
    let backup_result = match next_backup {
        Some(copy) => {
            let backup = super::backup_path(&target);
            copy.persist(&backup)
                .map(drop)
                .map_err(|err| SaveError::Backup {
                    path: path.to_owned(),
                    backup,
                    source: err.error,
                })
        }
        None => Ok(()),
    };
    // The renames are done: a folder that cannot be flushed (some file systems do not support
    // it) leaves nothing to undo or to tell the user.
    let _ = sync_folder(&folder);
    backup_result
}

/// Follows `path` through symbolic links (relative targets are relative to the link's folder)
/// to the file that should get the content; `path` itself when it is not a link. The last
/// target need not exist yet.
fn resolve_links(path: &Path) -> Result<PathBuf, SaveError> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&current).map_err(|source| SaveError::Io {
                    path: path.to_owned(),
                    what: "cannot read the symbolic link",
                    source,
                })?;
                current = match current.parent() {
                    Some(folder) if target.is_relative() => folder.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(SaveError::LinkLoop {
        path: path.to_owned(),
    })
}

/// Whether an error means there is no room: disk or quota full, or the file size limit hit.
fn is_disk_full(err: &std::io::Error) -> bool {
    matches!(
        err.kind(),
        std::io::ErrorKind::StorageFull
            | std::io::ErrorKind::QuotaExceeded
            | std::io::ErrorKind::FileTooLarge
    )
}

/// Copies `path` to a new temporary file in `folder`, flushed to disk, to become the `.bak`.
fn copy_to_temp(path: &Path, folder: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut temp = tempfile::Builder::new()
        .prefix(".journeymap-bak-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    let mut current = File::open(path)?;
    std::io::copy(&mut current, &mut temp)?;
    temp.as_file().sync_all()?;
    Ok(temp)
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

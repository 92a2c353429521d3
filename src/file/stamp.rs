//! What a file looked like when it was opened or saved, to notice when someone else changes it
//! (a second window, a colleague's `git pull`, a sync tool).

use std::hash::{Hash as _, Hasher as _};
use std::path::Path;
use std::time::SystemTime;

/// A file's modification time, size and content hash at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    modified: Option<SystemTime>,
    len: u64,
    hash: u64,
}

/// How a file compares with its stamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskState {
    /// Same content (its time may have changed: a `touch` is not a change).
    Unchanged,
    /// Different content.
    Changed,
    /// The file is gone or cannot be read.
    Missing,
}

impl FileStamp {
    /// The stamp of `bytes` just read from a file with `meta`.
    pub fn of(bytes: &[u8], meta: &std::fs::Metadata) -> Self {
        Self {
            modified: meta.modified().ok(),
            len: bytes.len() as u64,
            hash: hash(bytes),
        }
    }

    /// Reads the file at `path` and stamps it.
    pub fn read(path: &Path) -> std::io::Result<Self> {
        let meta = std::fs::metadata(path)?;
        let bytes = std::fs::read(path)?;
        Ok(Self::of(&bytes, &meta))
    }

    /// Compares the file at `path` with this stamp. Cheap while its time and size are the same;
    /// otherwise the content decides, and a file touched but not changed updates the stamp.
    pub fn check(&mut self, path: &Path) -> DiskState {
        let Ok(meta) = std::fs::metadata(path) else {
            return DiskState::Missing;
        };
        if meta.modified().ok() == self.modified && meta.len() == self.len {
            return DiskState::Unchanged;
        }
        let Ok(bytes) = std::fs::read(path) else {
            return DiskState::Missing;
        };
        let now = Self::of(&bytes, &meta);
        if now.hash == self.hash && now.len == self.len {
            *self = now;
            DiskState::Unchanged
        } else {
            DiskState::Changed
        }
    }
}

fn hash(bytes: &[u8]) -> u64 {
    // Stamps live only while the app runs, so the standard hasher (fixed keys) is enough.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_touch_is_not_a_change_but_new_content_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        std::fs::write(&path, "one").unwrap();
        let mut stamp = FileStamp::read(&path).unwrap();
        assert_eq!(stamp.check(&path), DiskState::Unchanged);
        // Same bytes written again (a new modification time): unchanged.
        std::thread::sleep(std::time::Duration::from_millis(20));
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::now() + std::time::Duration::from_secs(5))
            .unwrap();
        assert_eq!(stamp.check(&path), DiskState::Unchanged);
        // Same size, other bytes: changed.
        std::fs::write(&path, "two").unwrap();
        assert_eq!(stamp.check(&path), DiskState::Changed);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(stamp.check(&path), DiskState::Missing);
    }
}

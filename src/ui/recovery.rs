//! Autosave of recovery copies and the offer to restore them after a crash.
//!
//! A few seconds after the last change, the open map is written to the app's data folder as
//! `recovery-<process id>.ron` (never over the user's file). Saving, or closing without
//! unsaved changes, removes it; so a recovery file found at start-up is work that a crash or a
//! kill left behind.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::JourneyMap;

/// What a recovery file holds.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Recovered {
    /// The file the map was opened from or last saved to, if any.
    pub path: Option<PathBuf>,
    /// When the copy was written (RFC 3339).
    pub written_at: String,
    /// The map with the unsaved changes.
    pub map: JourneyMap,
}

/// The recovery folder and this process's file in it.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
    own: PathBuf,
}

impl RecoveryStore {
    /// A store in `dir` (created when first written).
    pub fn new(dir: PathBuf) -> Self {
        let own = dir.join(format!("recovery-{}.ron", std::process::id()));
        Self { dir, own }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes the recovery copy of `map`.
    pub fn write(&self, map: &JourneyMap, path: Option<&Path>) -> Result<(), String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| e.to_string())?;
        let recovered = Recovered {
            path: path.map(Path::to_owned),
            written_at: jiff::Timestamp::now().to_string(),
            map: map.clone(),
        };
        let text = ron::ser::to_string_pretty(&recovered, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        crate::file::write_atomically(&self.own, text.as_bytes(), false).map_err(|e| e.to_string())
    }

    /// Removes this process's recovery copy (after a save or a clean close).
    pub fn clear_own(&self) {
        let _ = std::fs::remove_file(&self.own);
    }

    /// Recovery copies left by earlier runs, newest first, with their files.
    pub fn left_behind(&self) -> Vec<(PathBuf, Recovered)> {
        let mut found: Vec<(PathBuf, Recovered)> = std::fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p != &self.own)
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("recovery-") && n.ends_with(".ron"))
            })
            .filter_map(|p| {
                let text = std::fs::read_to_string(&p).ok()?;
                let mut recovered: Recovered = ron::Options::default()
                    .with_recursion_limit(crate::file::RECURSION_LIMIT)
                    .from_str(&text)
                    .ok()?;
                crate::model::restore(&mut recovered.map);
                Some((p, recovered))
            })
            .collect();
        found.sort_by(|a, b| b.1.written_at.cmp(&a.1.written_at));
        found
    }

    /// Removes recovery copies left by earlier runs.
    pub fn discard(files: &[PathBuf]) {
        for f in files {
            let _ = std::fs::remove_file(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_then_find_from_another_process() {
        let dir = tempfile::tempdir().unwrap();
        let mine = RecoveryStore::new(dir.path().to_owned());
        mine.write(&JourneyMap::new("Bản nháp"), None).unwrap();
        // Another process (a different own file) finds it.
        let other = RecoveryStore {
            dir: dir.path().to_owned(),
            own: dir.path().join("recovery-0.ron"),
        };
        let found = other.left_behind();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.map.title, "Bản nháp");
        mine.clear_own();
        assert!(other.left_behind().is_empty());
    }
}

//! Autosave of recovery copies and the offer to restore them after a crash.
//!
//! Each window owns one copy file in the app's data folder, `recovery-<unique id>.ron` (never
//! the user's file), and holds an OS lock on its sidecar `recovery-<unique id>.lock` from the
//! moment it first writes a copy until it exits; the OS drops the lock when the process dies,
//! however it dies. So a copy is *left behind* exactly when nobody holds its lock: a window that
//! finds one takes the lock itself (claims it) while it offers the copy, so two windows never
//! offer the same copy, and a copy being written is never offered.
//!
//! Writes run on a background thread, one per window, in the order they were asked for, so two
//! writes never race on one file. Saving, or closing without unsaved changes, removes the copy.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::model::JourneyMap;

/// What a recovery file holds.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Recovered {
    /// The file the map was opened from or last saved to, if any.
    pub path: Option<PathBuf>,
    /// When the last change in this copy was made (RFC 3339).
    pub written_at: String,
    /// The map with the unsaved changes.
    pub map: JourneyMap,
    /// The map's fields from its file that this version does not know, kept for its next save.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<crate::model::KeptField>,
}

/// The same fields as [`Recovered`], borrowed: serialised without cloning the map.
#[derive(Serialize)]
#[serde(rename = "Recovered")]
struct RecoveredRef<'a> {
    path: Option<&'a Path>,
    written_at: String,
    map: &'a JourneyMap,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    kept: &'a [crate::model::KeptField],
}

/// A recovery copy that no running window holds, claimed (locked) by this window until it is
/// restored, discarded or dropped (dropping it leaves the copy for the next start).
#[derive(Debug)]
pub struct LeftBehind {
    /// The copy's file.
    pub file: PathBuf,
    /// What the copy holds, or why it cannot be read.
    pub copy: Result<Recovered, String>,
    /// When the file was last written, for a copy that cannot be read.
    pub modified: Option<jiff::Timestamp>,
    lock: Held,
}

impl LeftBehind {
    /// When the last change in the copy was made (the file's time if the copy cannot say).
    pub fn changed_at(&self) -> Option<jiff::Timestamp> {
        self.copy
            .as_ref()
            .ok()
            .and_then(|r| r.written_at.parse().ok())
            .or(self.modified)
    }
}

/// A lock file and its open handle, which holds the OS lock.
#[derive(Debug)]
struct Held {
    path: PathBuf,
    #[expect(
        dead_code,
        reason = "never read: the OS lock lasts as long as this handle"
    )]
    file: File,
}

/// The outcome of one background write.
#[derive(Debug)]
pub struct Written {
    /// The document revision that was written.
    pub revision: u64,
    /// Whether it worked.
    pub result: Result<(), String>,
}

enum Job {
    Write {
        file: PathBuf,
        text: String,
        revision: u64,
    },
    Remove(PathBuf),
    Flush(mpsc::Sender<()>),
}

impl Job {
    /// The file this job writes or removes.
    fn target(&self) -> Option<&Path> {
        match self {
            Self::Write { file, .. } | Self::Remove(file) => Some(file),
            Self::Flush(_) => None,
        }
    }
}

struct Writer {
    jobs: mpsc::Sender<Job>,
    done: mpsc::Receiver<Written>,
    /// Jobs sent and not yet done.
    queued: Arc<AtomicUsize>,
    thread: std::thread::JoinHandle<()>,
}

impl Writer {
    fn spawn() -> std::io::Result<Self> {
        let (jobs, queue) = mpsc::channel::<Job>();
        let (report, done) = mpsc::channel();
        let queued = Arc::new(AtomicUsize::new(0));
        let left = Arc::clone(&queued);
        let thread = std::thread::Builder::new()
            .name("journeymap-autosave".to_owned())
            .spawn(move || {
                while let Ok(first) = queue.recv() {
                    let mut batch = vec![first];
                    batch.extend(queue.try_iter());
                    let count = batch.len();
                    run_batch(batch, &report);
                    left.fetch_sub(count, Ordering::AcqRel);
                }
            })?;
        Ok(Self {
            jobs,
            done,
            queued,
            thread,
        })
    }
}

/// Runs queued jobs in order; a write that a later job in the batch replaces or removes is
/// skipped (only the newest copy matters).
fn run_batch(batch: Vec<Job>, report: &mpsc::Sender<Written>) {
    let mut later: Vec<Option<PathBuf>> = batch
        .iter()
        .map(|j| j.target().map(Path::to_owned))
        .collect();
    for job in batch {
        later.remove(0);
        match job {
            Job::Write {
                file,
                text,
                revision,
            } => {
                if later.iter().flatten().any(|f| *f == file) {
                    continue;
                }
                let result = crate::file::write_atomically(&file, text.as_bytes(), false)
                    .map_err(|e| e.to_string());
                let _ = report.send(Written { revision, result });
            }
            Job::Remove(file) => match std::fs::remove_file(&file) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => eprintln!("journeymap: cannot remove {}: {e}", file.display()),
            },
            Job::Flush(done) => {
                let _ = done.send(());
            }
        }
    }
}

/// A window's recovery folder, its own copy in it, and the thread that writes it.
pub struct RecoveryStore {
    dir: PathBuf,
    /// This window's copy.
    own: PathBuf,
    /// The lock on the copy, taken before the first write and held until the window exits.
    own_lock: Option<Held>,
    writer: Option<Writer>,
}

impl std::fmt::Debug for RecoveryStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecoveryStore")
            .field("dir", &self.dir)
            .field("own", &self.own)
            .field("locked", &self.own_lock.is_some())
            .finish_non_exhaustive()
    }
}

/// How long a lock file without a copy must have existed before a scan may remove it (a
/// window creates its lock file and locks it at once, well within this).
const ORPHAN_AGE: Duration = Duration::from_secs(60);
/// How old a temporary file of an interrupted write must be before a scan removes it.
const TEMP_AGE: Duration = Duration::from_secs(3600);

impl RecoveryStore {
    /// A store in `dir` (created when first written) with a copy name no other window uses.
    pub fn new(dir: PathBuf) -> Self {
        let own = dir.join(format!("{}.ron", unique_name()));
        Self {
            dir,
            own,
            own_lock: None,
            writer: None,
        }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This window's copy file (it exists only while there is unsaved work).
    pub fn own_file(&self) -> &Path {
        &self.own
    }

    /// Takes the lock on this window's copy, if not yet held.
    fn lock_own(&mut self) -> Result<(), String> {
        if self.own_lock.is_some() {
            return Ok(());
        }
        std::fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        let path = lock_path(&self.own);
        let file = open_lock_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {
                self.own_lock = Some(Held { path, file });
                Ok(())
            }
            Err(TryLockError::WouldBlock) => Err(format!("{}: locked", path.display())),
            Err(TryLockError::Error(e)) => Err(format!("{}: {e}", path.display())),
        }
    }

    fn send(&mut self, job: Job) -> Result<(), String> {
        if self.writer.is_none() {
            self.writer = Some(Writer::spawn().map_err(|e| e.to_string())?);
        }
        let Some(writer) = &self.writer else {
            return Err("no autosave thread".to_owned());
        };
        writer.queued.fetch_add(1, Ordering::AcqRel);
        writer.jobs.send(job).map_err(|_| {
            writer.queued.fetch_sub(1, Ordering::AcqRel);
            "the autosave thread stopped".to_owned()
        })
    }

    /// Serialises `map` (on the calling thread) and queues the write of this window's copy;
    /// the outcome comes back through [`Self::poll`]. `changed_at` is when the last change in
    /// `map` was made.
    pub fn write(
        &mut self,
        map: &JourneyMap,
        path: Option<&Path>,
        changed_at: jiff::Timestamp,
        revision: u64,
    ) -> Result<(), String> {
        self.lock_own()?;
        let copy = RecoveredRef {
            path,
            written_at: changed_at.to_string(),
            map,
            kept: &map.kept,
        };
        let text = ron::ser::to_string_pretty(&copy, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        self.send(Job::Write {
            file: self.own.clone(),
            text,
            revision,
        })
    }

    /// Whether writes or removals are queued or running.
    pub fn busy(&self) -> bool {
        self.writer
            .as_ref()
            .is_some_and(|w| w.queued.load(Ordering::Acquire) > 0)
    }

    /// The outcomes of the writes finished since the last call.
    pub fn poll(&self) -> Vec<Written> {
        self.writer
            .as_ref()
            .map(|w| w.done.try_iter().collect())
            .unwrap_or_default()
    }

    /// Waits until every queued write and removal is done.
    pub fn flush(&mut self) {
        let (done, wait) = mpsc::channel();
        if self.writer.is_some() && self.send(Job::Flush(done)).is_ok() {
            let _ = wait.recv();
        }
    }

    /// Removes this window's copy (after a save or a clean close) once any queued write is
    /// done, and waits for that, so the copy is gone when this returns. The lock stays: the
    /// next copy is this window's again.
    pub fn clear_own(&mut self) {
        if self.own_lock.is_some() && self.send(Job::Remove(self.own.clone())).is_ok() {
            self.flush();
        }
    }

    /// Copies that no running window holds, newest first, each claimed by this window until
    /// it is restored, discarded or dropped. Also removes lock files without a copy and
    /// temporary files of interrupted writes, once they are old.
    pub fn left_behind(&self) -> Vec<LeftBehind> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name.starts_with("recovery-") && name.ends_with(".ron") {
                if path != self.own
                    && let Some(copy) = claim(&path)
                {
                    found.push(copy);
                }
            } else if name.starts_with("recovery-") && name.ends_with(".lock") {
                remove_orphan_lock(&path);
            } else if name.starts_with(".journeymap-")
                && name.ends_with(".tmp")
                && older_than(&path, TEMP_AGE)
            {
                let _ = std::fs::remove_file(&path);
            }
        }
        found.sort_by_key(|c| std::cmp::Reverse(c.changed_at()));
        found
    }

    /// Deletes a left-behind copy the user chose to discard, then its lock file.
    pub fn discard(copy: LeftBehind) -> Result<(), String> {
        let LeftBehind { file, lock, .. } = copy;
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", file.display())),
        }
        // Still holding the lock: nobody else is looking at this lock file.
        let _ = std::fs::remove_file(&lock.path);
        drop(lock);
        Ok(())
    }

    /// Makes a left-behind copy this window's own (its lock stays held, its file stays on
    /// disk until this window saves or closes the map), so it is never lost between reading
    /// it and the next write. This window's previous copy, if any, is removed. Returns the
    /// copy's content, or the copy back if it cannot be read.
    pub fn adopt(&mut self, copy: LeftBehind) -> Result<Recovered, Box<LeftBehind>> {
        let LeftBehind {
            file,
            copy: content,
            modified,
            lock,
        } = copy;
        let recovered = match content {
            Ok(recovered) => recovered,
            Err(reason) => {
                return Err(Box::new(LeftBehind {
                    file,
                    copy: Err(reason),
                    modified,
                    lock,
                }));
            }
        };
        if self.own_lock.is_some() {
            self.clear_own();
        }
        if let Some(old) = self.own_lock.take() {
            let _ = std::fs::remove_file(&old.path);
        }
        self.own = file;
        self.own_lock = Some(lock);
        Ok(recovered)
    }
}

impl Drop for RecoveryStore {
    fn drop(&mut self) {
        if let Some(writer) = self.writer.take() {
            // Closing the queue ends the thread once it has done every queued job.
            drop(writer.jobs);
            let _ = writer.thread.join();
        }
        if let Some(lock) = self.own_lock.take()
            && !self.own.exists()
        {
            let _ = std::fs::remove_file(&lock.path);
        }
    }
}

/// `recovery-<process id>-<time>-<random>`: unique even when a process id is reused.
fn unique_name() -> String {
    use std::hash::{BuildHasher as _, Hasher as _};
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    format!(
        "recovery-{}-{nanos:x}-{:08x}",
        std::process::id(),
        random & 0xffff_ffff
    )
}

fn lock_path(copy: &Path) -> PathBuf {
    copy.with_extension("lock")
}

fn open_lock_file(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

fn modified(path: &Path) -> Option<jiff::Timestamp> {
    let time = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    jiff::Timestamp::try_from(time).ok()
}

fn older_than(path: &Path, age: Duration) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|elapsed| elapsed > age)
}

/// Takes the lock of the copy at `path` if no running window holds it, and reads the copy.
fn claim(path: &Path) -> Option<LeftBehind> {
    let lock = lock_path(path);
    let file = match open_lock_file(&lock) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("journeymap: cannot open {}: {e}", lock.display());
            return None;
        }
    };
    match file.try_lock() {
        Ok(()) => {}
        // A running window owns it, or another window is offering it.
        Err(TryLockError::WouldBlock) => return None,
        Err(TryLockError::Error(e)) => {
            eprintln!("journeymap: cannot lock {}: {e}", lock.display());
            return None;
        }
    }
    let held = Held { path: lock, file };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // Discarded by another window since the folder was listed.
            let _ = std::fs::remove_file(&held.path);
            return None;
        }
        Err(e) => {
            return Some(LeftBehind {
                file: path.to_owned(),
                copy: Err(e.to_string()),
                modified: modified(path),
                lock: held,
            });
        }
    };
    let copy = ron::Options::default()
        .with_recursion_limit(crate::file::RECURSION_LIMIT)
        .from_str::<Recovered>(&text)
        .map(|mut recovered| {
            crate::model::restore(&mut recovered.map);
            recovered.map.kept = std::mem::take(&mut recovered.kept);
            recovered
        })
        .map_err(|e| e.to_string());
    Some(LeftBehind {
        file: path.to_owned(),
        copy,
        modified: modified(path),
        lock: held,
    })
}

/// Removes a lock file whose copy is gone, when nobody holds it and it is old enough that it
/// cannot be a window between creating and locking it.
fn remove_orphan_lock(path: &Path) {
    if path.with_extension("ron").exists() || !older_than(path, ORPHAN_AGE) {
        return;
    }
    if let Ok(file) = OpenOptions::new().read(true).write(true).open(path)
        && file.try_lock().is_ok()
    {
        let _ = std::fs::remove_file(path);
    }
}

/// `at` in the local time zone, e.g. "2026-11-29 14:05".
pub fn local_time(at: jiff::Timestamp) -> String {
    at.to_zoned(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests")]
mod tests {
    use super::*;

    fn changed() -> jiff::Timestamp {
        "2026-11-29T10:15:00Z".parse().unwrap()
    }

    /// A store in `dir` (a window) that has queued a copy of `map`, changed at [`changed`].
    fn store_with_copy(dir: &Path, map: &JourneyMap) -> RecoveryStore {
        let mut store = RecoveryStore::new(dir.to_owned());
        store.write(map, None, changed(), 1).unwrap();
        store
    }

    /// A copy is found by another store only once the window that wrote it is gone (its lock
    /// released, as when its process dies), and the finder's claim hides it from a third.
    #[test]
    fn write_then_find_from_another_process() {
        let dir = tempfile::tempdir().unwrap();
        let mut mine = store_with_copy(dir.path(), &JourneyMap::new("Bản nháp"));
        mine.flush();
        assert!(mine.own_file().exists());
        let other = RecoveryStore::new(dir.path().to_owned());
        assert!(
            other.left_behind().is_empty(),
            "a live window's copy is not offered"
        );
        // The window dies without saving or clearing: the copy stays, the lock is released.
        drop(mine);
        let found = other.left_behind();
        assert_eq!(found.len(), 1);
        let copy = found[0].copy.as_ref().unwrap();
        assert_eq!(copy.map.title, "Bản nháp");
        assert_eq!(found[0].changed_at(), Some(changed()));
        // While `other` offers it, a third window does not.
        let third = RecoveryStore::new(dir.path().to_owned());
        assert!(third.left_behind().is_empty());
        drop(found);
        assert_eq!(third.left_behind().len(), 1);
    }

    #[test]
    fn a_copy_keeps_the_fields_this_version_does_not_know() {
        let dir = tempfile::tempdir().unwrap();
        let newer = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/formats/v1-from-a-newer-version.ron");
        let map = crate::file::load(&newer).unwrap().map;
        assert!(!map.kept.is_empty());
        let mut mine = store_with_copy(dir.path(), &map);
        mine.flush();
        drop(mine);
        let other = RecoveryStore::new(dir.path().to_owned());
        let found = other.left_behind();
        let copy = found[0].copy.as_ref().unwrap();
        assert_eq!(copy.map.kept, map.kept);
        assert_eq!(copy.map, map);
    }

    #[test]
    fn clear_own_removes_the_copy_after_the_queued_write() {
        let dir = tempfile::tempdir().unwrap();
        let mut mine = store_with_copy(dir.path(), &JourneyMap::new("A"));
        mine.clear_own();
        assert!(!mine.own_file().exists());
        drop(mine);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert!(names.is_empty(), "a clean exit leaves nothing: {names:?}");
    }

    #[test]
    fn discard_removes_only_that_copy() {
        let dir = tempfile::tempdir().unwrap();
        for title in ["A", "B"] {
            drop(store_with_copy(dir.path(), &JourneyMap::new(title)));
        }
        let me = RecoveryStore::new(dir.path().to_owned());
        let mut found = me.left_behind();
        assert_eq!(found.len(), 2);
        let a = found.remove(
            found
                .iter()
                .position(|c| c.copy.as_ref().unwrap().map.title == "A")
                .unwrap(),
        );
        RecoveryStore::discard(a).unwrap();
        drop(found);
        let left = me.left_behind();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].copy.as_ref().unwrap().map.title, "B");
    }

    #[test]
    fn unreadable_copy_is_listed_with_its_reason_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("recovery-7.ron");
        std::fs::write(&bad, "(path: None, written_at: \"x\", map: (title: ").unwrap();
        let me = RecoveryStore::new(dir.path().to_owned());
        let found = me.left_behind();
        assert_eq!(found.len(), 1);
        assert!(found[0].copy.is_err());
        assert!(found[0].modified.is_some());
        drop(found);
        assert!(bad.exists(), "never deleted without the user's Discard");
    }

    #[test]
    fn adopted_copy_stays_on_disk_and_is_held() {
        let dir = tempfile::tempdir().unwrap();
        let crashed = store_with_copy(dir.path(), &JourneyMap::new("A"));
        drop(crashed);
        let mut me = RecoveryStore::new(dir.path().to_owned());
        let copy = me.left_behind().pop().unwrap();
        let file = copy.file.clone();
        let recovered = me.adopt(copy).unwrap();
        assert_eq!(recovered.map.title, "A");
        assert_eq!(me.own_file(), file);
        assert!(file.exists());
        let other = RecoveryStore::new(dir.path().to_owned());
        assert!(other.left_behind().is_empty(), "held by its new owner");
        me.clear_own();
        assert!(!file.exists());
    }

    #[test]
    fn unique_names_differ_within_one_process() {
        let a = RecoveryStore::new(PathBuf::from("d"));
        let b = RecoveryStore::new(PathBuf::from("d"));
        assert_ne!(a.own_file(), b.own_file());
    }
}

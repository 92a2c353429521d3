//! Saving is careful with what is already on disk: it writes through symbolic links, refuses a
//! read-only file, and a missing folder, a folder in the way or a full disk each give one clear
//! message and leave the old file and its `.bak` byte for byte as they were.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::os::unix::fs::{PermissionsExt as _, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;

use journeymap::file::{self, SaveError, backup_path, to_ron_string};
use journeymap::model::JourneyMap;
use journeymap::model::synth::{SynthSize, synth_map};

/// The environment variable that makes [`full_disk_child`] save to the path it holds.
const CHILD_PATH: &str = "JOURNEYMAP_TEST_FULL_DISK_PATH";

fn map(title: &str) -> JourneyMap {
    JourneyMap::new(title)
}

fn text(map: &JourneyMap) -> Vec<u8> {
    to_ron_string(map).unwrap().into_bytes()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// A big map: far more than the size limits the full-disk tests set.
fn big_map() -> JourneyMap {
    synth_map(SynthSize::LARGE)
}

/// Names in `dir` that a save left behind (temporary files).
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".journeymap-"))
        .collect()
}

/// A folder with `NAME.ron` holding "v2" and `NAME.ron.bak` holding "v1", as after two saves.
fn saved_twice(dir: &Path, name: &str) -> (PathBuf, Vec<u8>, Vec<u8>) {
    let path = dir.join(name);
    file::save(&path, &map("v1")).unwrap();
    file::save(&path, &map("v2")).unwrap();
    let (now, bak) = (read(&path), read(&backup_path(&path)));
    assert_eq!(now, text(&map("v2")));
    assert_eq!(bak, text(&map("v1")));
    (path, now, bak)
}

#[test]
fn saving_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/target.ron");
    file::save(&target, &map("old")).unwrap();
    let link = dir.path().join("link.ron");
    symlink("real/target.ron", &link).unwrap();

    file::save(&link, &map("new")).unwrap();

    assert!(is_link(&link), "the link was replaced by a file");
    assert_eq!(
        std::fs::read_link(&link).unwrap(),
        PathBuf::from("real/target.ron")
    );
    assert_eq!(read(&target), text(&map("new")));
    assert_eq!(read(&backup_path(&target)), text(&map("old")));
    assert!(
        !backup_path(&link).exists(),
        "the .bak belongs beside the target"
    );
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    assert_eq!(leftovers(&dir.path().join("real")), Vec::<String>::new());
}

#[test]
fn a_chain_of_relative_links_is_followed_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["sub", "real"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
    }
    let target = dir.path().join("real/target.ron");
    file::save(&target, &map("old")).unwrap();
    // a.ron -> b.ron -> sub/c.ron -> ../real/target.ron, each relative to its own folder.
    symlink("b.ron", dir.path().join("a.ron")).unwrap();
    symlink("sub/c.ron", dir.path().join("b.ron")).unwrap();
    symlink("../real/target.ron", dir.path().join("sub/c.ron")).unwrap();

    file::save(&dir.path().join("a.ron"), &map("new")).unwrap();

    for link in ["a.ron", "b.ron", "sub/c.ron"] {
        assert!(
            is_link(&dir.path().join(link)),
            "{link} is no longer a link"
        );
    }
    assert_eq!(read(&target), text(&map("new")));
    assert_eq!(read(&backup_path(&target)), text(&map("old")));
    // Loading through the chain gives what was saved.
    let loaded = file::load(&dir.path().join("a.ron")).unwrap();
    assert_eq!(loaded.map.title, "new");
}

#[test]
fn a_link_to_a_file_not_yet_there_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link.ron");
    symlink("new.ron", &link).unwrap();
    file::save(&link, &map("first")).unwrap();
    assert!(is_link(&link));
    assert_eq!(read(&dir.path().join("new.ron")), text(&map("first")));
}

#[test]
fn a_loop_of_links_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    symlink("b.ron", dir.path().join("a.ron")).unwrap();
    symlink("a.ron", dir.path().join("b.ron")).unwrap();
    let err = file::save(&dir.path().join("a.ron"), &map("x")).unwrap_err();
    assert!(matches!(err, SaveError::LinkLoop { .. }), "{err:?}");
    assert!(is_link(&dir.path().join("a.ron")) && is_link(&dir.path().join("b.ron")));
}

#[test]
fn a_read_only_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before, bak) = saved_twice(dir.path(), "locked.ron");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();

    // The tests run as root, for whom the permission bits are not enforced: the refusal must
    // come from journeymap, not from the operating system.
    let err = file::save(&path, &map("v3")).unwrap_err();

    assert!(matches!(err, SaveError::ReadOnly { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("read-only"), "{message}");
    assert!(message.contains("Save As"), "{message}");
    assert_eq!(message.lines().count(), 1);
    assert_eq!(read(&path), before);
    assert_eq!(read(&backup_path(&path)), bak);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_read_only_file_behind_a_link_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before, _) = saved_twice(dir.path(), "locked.ron");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let link = dir.path().join("link.ron");
    symlink("locked.ron", &link).unwrap();
    let err = file::save(&link, &map("v3")).unwrap_err();
    assert!(matches!(err, SaveError::ReadOnly { .. }), "{err:?}");
    assert_eq!(read(&path), before);
    assert!(is_link(&link));
}

#[test]
fn a_missing_folder_gives_one_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone/map.ron");
    let err = file::save(&path, &map("x")).unwrap_err();
    assert!(matches!(err, SaveError::MissingFolder { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("does not exist"), "{message}");
    assert!(message.contains("Save As"), "{message}");
    assert_eq!(message.lines().count(), 1);
    assert!(!dir.path().join("gone").exists());
}

#[test]
fn a_folder_in_the_way_gives_one_clear_message_and_keeps_the_bak() {
    let dir = tempfile::tempdir().unwrap();
    // A map saved twice, then its file replaced by a folder of the same name.
    let (path, _, bak) = saved_twice(dir.path(), "map.ron");
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("inside.txt"), b"keep me").unwrap();

    let err = file::save(&path, &map("v3")).unwrap_err();

    assert!(matches!(err, SaveError::IsFolder { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("is a folder"), "{message}");
    assert_eq!(message.lines().count(), 1);
    assert_eq!(read(&path.join("inside.txt")), b"keep me");
    assert_eq!(read(&backup_path(&path)), bak);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

/// Saves a big map to the path in [`CHILD_PATH`] and prints the outcome; run by
/// [`a_full_disk_leaves_the_old_file_and_its_bak`] under a file size limit.
#[test]
#[ignore = "helper: run by a_full_disk_leaves_the_old_file_and_its_bak in a child process"]
fn full_disk_child() {
    let Some(path) = std::env::var_os(CHILD_PATH) else {
        return;
    };
    match file::save(Path::new(&path), &big_map()) {
        Ok(()) => println!("SAVE RESULT: ok"),
        Err(err) => println!("SAVE RESULT: {err}"),
    }
}

#[test]
fn a_full_disk_leaves_the_old_file_and_its_bak() {
    // A child process with a file size limit of 64 KiB (and SIGXFSZ ignored, so writing past
    // it fails with EFBIG instead of killing the process) meets the disk as full: this needs no
    // privilege, so it runs everywhere. `a_full_tmpfs_...` below does the same with ENOSPC.
    let dir = tempfile::tempdir().unwrap();
    let (path, before, bak) = saved_twice(dir.path(), "map.ron");
    assert!(text(&big_map()).len() > 2 * 64 * 1024);
    let out = Command::new("/bin/sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 128 && exec \"$0\" \"$@\"")
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", "full_disk_child", "--ignored", "--nocapture"])
        .env(CHILD_PATH, &path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let result = stdout
        .lines()
        .find_map(|l| l.strip_prefix("SAVE RESULT: "))
        .unwrap_or_else(|| {
            panic!(
                "the child did not report:\n{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    assert!(result.contains("the disk is full"), "{result}");
    assert!(result.contains("Save As"), "{result}");
    assert!(result.contains("was not changed"), "{result}");
    assert_eq!(read(&path), before);
    assert_eq!(read(&backup_path(&path)), bak);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

/// A small tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` bytes, or says why it cannot.
    fn mount(size: usize) -> Result<Self, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(Self { dir })
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_tmpfs_leaves_the_old_file_and_its_bak() {
    let fs = match Tmpfs::mount(512 * 1024) {
        Ok(fs) => fs,
        Err(why) => {
            println!(
                "skipped: cannot mount a tmpfs here ({why}); the file size limit test covers a full disk"
            );
            return;
        }
    };
    let path = fs.path().join("map.ron");
    // Ever bigger maps until the disk is full: depending on the sizes, the new file, or the
    // copy that becomes the .bak, is the one that does not fit.
    let mut saved: Vec<Vec<u8>> = Vec::new();
    let mut failures = 0;
    for cards in (0..40).map(|i| 20 + i * 40) {
        let map = synth_map(SynthSize {
            stages: 4,
            steps: 8,
            lanes: 6,
            cards,
        });
        match file::save(&path, &map) {
            Ok(()) => saved.push(text(&map)),
            Err(err) => {
                failures += 1;
                assert!(matches!(err, SaveError::DiskFull { .. }), "{err:?}");
                assert!(err.to_string().contains("the disk is full"), "{err}");
                let n = saved.len();
                assert!(n >= 2, "the disk filled up too early");
                assert_eq!(read(&path), saved[n - 1], "the file changed");
                assert_eq!(read(&backup_path(&path)), saved[n - 2], "the .bak changed");
                assert_eq!(leftovers(fs.path()), Vec::<String>::new());
            }
        }
    }
    assert!(failures > 0, "the tmpfs never filled up");
}

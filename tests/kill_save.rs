//! Proof of the atomic save: a child process saves a large map over and over, two versions in
//! turn, and is killed (SIGKILL) at random moments, hundreds of times. After every kill the
//! file loads and is exactly one of the two versions, and so is its `.bak`.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use journeymap::file::{self, backup_path, to_ron_string};
use journeymap::model::JourneyMap;
use journeymap::model::synth::{SynthSize, synth_map};

/// How many times the saving child is killed.
const KILLS: usize = 200;
/// The environment variable that makes [`saving_child`] save to the path it holds.
const CHILD_PATH: &str = "JOURNEYMAP_TEST_KILL_SAVE_PATH";
/// What the child prints once it is about to start saving.
const READY: &str = "SAVING";

/// The two versions the child saves in turn: a large map, and the same map edited (another
/// title, a card changed, a card gone), so they differ in the middle and in length.
fn versions() -> [JourneyMap; 2] {
    let old = synth_map(SynthSize::LARGE);
    let mut new = old.clone();
    new.title.push_str(" (edited)");
    new.cards[400].text = "Phí ship cao quá, khách bỏ giỏ hàng".to_owned();
    new.cards.pop();
    [old, new]
}

/// Saves the two versions in turn, forever, to the path in [`CHILD_PATH`]; run (and killed) by
/// [`a_save_killed_at_any_moment_leaves_the_old_or_the_new_file`].
#[test]
#[ignore = "helper: run by a_save_killed_at_any_moment_leaves_the_old_or_the_new_file"]
fn saving_child() {
    let Some(path) = std::env::var_os(CHILD_PATH) else {
        return;
    };
    let path = PathBuf::from(path);
    let versions = versions();
    println!("{READY}");
    for i in 0.. {
        file::save(&path, &versions[(i + 1) % 2]).unwrap();
    }
}

/// A xorshift generator: reproducible kill times without a dependency.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Which of `texts` the file at `path` is, after checking that it loads as that version.
fn which_version(path: &Path, texts: &[Vec<u8>; 2], maps: &[JourneyMap; 2]) -> usize {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let Some(index) = texts.iter().position(|t| *t == bytes) else {
        panic!(
            "{} is neither version ({} bytes; the versions have {} and {})",
            path.display(),
            bytes.len(),
            texts[0].len(),
            texts[1].len()
        );
    };
    let loaded = file::load(path).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(
        loaded.map == maps[index],
        "{} loads differently",
        path.display()
    );
    index
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    let started = Instant::now();
    let maps = versions();
    let texts = maps
        .clone()
        .map(|m| to_ron_string(&m).unwrap().into_bytes());
    assert!(texts[0].len() > 250_000, "{} bytes", texts[0].len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    file::save(&path, &maps[0]).unwrap();
    file::save(&path, &maps[0]).unwrap();

    let seed = 0x5eed_2026_0001_u64;
    let mut rng = XorShift(seed);
    let mut seen = [[0usize; 2]; 2];
    // The longest wait before a kill grows with how long a save takes on this machine.
    let mut max_wait_us = 20_000;
    let killed_mid_write = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".journeymap-"))
            .count()
    };
    // At least KILLS kills, and more (up to five times as many) until a tenth of them landed
    // in the middle of writing a file: how many do depends on the machine's speed and load,
    // so the test keeps going instead of asserting on timing.
    let mut kill = 0;
    while kill < KILLS || (killed_mid_write() < KILLS / 10 && kill < 5 * KILLS) {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "saving_child", "--ignored", "--nocapture"])
            .env(CHILD_PATH, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        assert!(
            lines.any(|l| l.is_ok_and(|l| l == READY)),
            "the child did not start saving"
        );
        let wait = rng.next() % max_wait_us;
        std::thread::sleep(Duration::from_micros(wait));
        child.kill().unwrap();
        child.wait().unwrap();

        let now = which_version(&path, &texts, &maps);
        let bak = which_version(&backup_path(&path), &texts, &maps);
        seen[0][now] += 1;
        seen[1][bak] += 1;
        if kill == 0 {
            // Time one save here, so the kills spread over a few saves on slow and fast
            // machines alike.
            let t = Instant::now();
            file::save(&path, &maps[now]).unwrap();
            let save_us = u64::try_from(t.elapsed().as_micros()).unwrap_or(u64::MAX);
            max_wait_us = (save_us * 2).clamp(2_000, 100_000);
        }
        kill += 1;
    }
    let killed_mid_write = killed_mid_write();
    println!(
        "{kill} kills (seed {seed:#x}, waits up to {max_wait_us} µs) in {:.1} s: file was old/new {:?}, .bak {:?}; {killed_mid_write} temporary files left by kills during a write",
        started.elapsed().as_secs_f64(),
        seen[0],
        seen[1]
    );
    // Both versions showed up: the kills landed between saves of each kind, not only before
    // the first save.
    assert!(seen[0][0] > 0 && seen[0][1] > 0, "{seen:?}");
    // And some landed in the middle of writing a file.
    assert!(
        killed_mid_write > 0,
        "no kill landed during a write in {kill} kills"
    );
}

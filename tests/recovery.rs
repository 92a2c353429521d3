//! Kill during editing: the app runs in a child process (this test binary again, running the
//! ignored helper test `child_edits_until_killed` headless through `egui_kittest`), makes an
//! edit through the UI, waits for its recovery copy, says it is ready with a marker file, and
//! is killed with SIGKILL. The next start on the same recovery folder offers the copy and
//! Restore brings the edit back. Live windows never offer each other's copies.
//!
//! Also: the copy is written three seconds after a change with no further input, as the
//! window's event loop would run it.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{cell_center, double_click, key, map_of, type_text};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use journeymap::model::JourneyMap;
use journeymap::model::template::Lang;
use journeymap::ui::{AUTOSAVE_DELAY_S, JourneyApp, OpenMap};

const DIR_VAR: &str = "JOURNEYMAP_TEST_RECOVERY_DIR";
const READY_VAR: &str = "JOURNEYMAP_TEST_READY";
const TEXT_VAR: &str = "JOURNEYMAP_TEST_TEXT";
const CHILD: &str = "child_edits_until_killed";
const PROMPT: &str = "Restore unsaved work?";

fn template_map() -> JourneyMap {
    journeymap::model::template::find("aisas")
        .unwrap()
        .instantiate(Lang::Vi)
}

/// The recovery copies in `dir`.
fn copies(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("recovery-") && n.ends_with(".ron"))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Adds a card with `text` in the first cell, through the UI.
fn add_card(h: &mut egui_kittest::Harness<'static, JourneyApp>, text: &str) {
    let cell = cell_center(h, "Step: Chú ý", "Lane: Điểm chạm");
    double_click(h, cell);
    type_text(h, text);
    key(h, Key::Enter, Modifiers::NONE);
}

/// The helper run in a child process by the tests below; does nothing when run by hand.
#[test]
#[ignore = "the child process of the kill tests in this file"]
fn child_edits_until_killed() {
    let (Some(dir), Some(ready), Some(text)) = (
        std::env::var_os(DIR_VAR),
        std::env::var_os(READY_VAR),
        std::env::var(TEXT_VAR).ok(),
    ) else {
        return;
    };
    let (dir, ready) = (PathBuf::from(dir), PathBuf::from(ready));
    let app = JourneyApp::new(Some(OpenMap::unsaved(template_map())), None)
        .with_recovery(dir.clone(), AUTOSAVE_DELAY_S);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    // What this window offered at its start (the tests want none from a live window).
    let offered = h.query_all_by_label("Restore").count();
    if offered == 0 {
        add_card(&mut h, &text);
        // Frames without input until the copy with the edit is on disk.
        let deadline = Instant::now() + Duration::from_secs(60);
        while !copies(&dir)
            .iter()
            .any(|c| std::fs::read_to_string(c).is_ok_and(|t| t.contains(&text)))
        {
            assert!(
                Instant::now() < deadline,
                "the child's copy was never written"
            );
            h.step();
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let map = ron::ser::to_string(&map_of(&h)).unwrap();
    let marker = ready.with_extension("tmp");
    std::fs::write(&marker, format!("offered={offered}\n{map}")).unwrap();
    std::fs::rename(&marker, &ready).unwrap();
    // Alive, with unsaved work, until killed.
    loop {
        std::thread::sleep(Duration::from_millis(200));
        h.step();
    }
}

/// A child window; killed with SIGKILL when dropped, so a failing test leaves none behind.
struct ChildWindow {
    child: Child,
    /// How many copies it offered at its start.
    offered: usize,
    /// Its map when its copy was on disk.
    map: JourneyMap,
}

impl ChildWindow {
    fn start(dir: &Path, text: &str) -> Self {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, Ordering::Relaxed);
        let ready = dir.parent().unwrap().join(format!("ready-{n}"));
        let _ = std::fs::remove_file(&ready);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                CHILD,
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DIR_VAR, dir)
            .env(READY_VAR, &ready)
            .env(TEXT_VAR, text)
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(180);
        let marker = loop {
            if let Ok(marker) = std::fs::read_to_string(&ready) {
                break marker;
            }
            if let Some(status) = child.try_wait().unwrap() {
                panic!("the child window ended before it was ready: {status}");
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("the child window was not ready in time");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let (offered, map) = marker.split_once('\n').unwrap();
        Self {
            child,
            offered: offered.trim_start_matches("offered=").parse().unwrap(),
            map: ron::from_str(map).unwrap(),
        }
    }

    /// SIGKILL: no clean-up code runs in the child.
    fn kill(mut self) {
        self.child.kill().unwrap();
        let status = self.child.wait().unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt as _;
            assert_eq!(status.signal(), Some(9), "killed by SIGKILL");
        }
        #[cfg(not(unix))]
        let _ = status;
    }
}

impl Drop for ChildWindow {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A new window on `dir`, as after a restart.
fn restart(dir: &Path) -> egui_kittest::Harness<'static, JourneyApp> {
    let app = JourneyApp::new(None, None).with_recovery(dir.to_owned(), AUTOSAVE_DELAY_S);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    h
}

fn card_texts(map: &JourneyMap) -> Vec<&str> {
    map.cards.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn edits_of_a_killed_window_come_back_through_restore() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("recovery");
    let window = ChildWindow::start(&dir, "Đừng mất tôi khi bị giết");
    assert_eq!(window.offered, 0);
    let edited = window.map.clone();
    assert_eq!(card_texts(&edited), ["Đừng mất tôi khi bị giết"]);
    window.kill();

    let mut h = restart(&dir);
    h.get_by_label(PROMPT);
    assert_eq!(h.query_all_by_label("Restore").count(), 1);
    h.get_by_label("Not saved to a file yet");
    h.get_by_label("Restore").click();
    h.run();
    assert!(h.query_by_label(PROMPT).is_none());
    assert_eq!(map_of(&h), edited);
    let doc = h.state().document().unwrap();
    assert!(doc.is_dirty(), "restored work is unsaved until saved");
    assert_eq!(h.state().path(), None);
    // Adopted: the copy stays on disk (held by this window) until the map is saved.
    assert_eq!(copies(&dir).len(), 1);
    assert!(
        restart(&dir).query_by_label(PROMPT).is_none(),
        "a third window does not offer the copy the second one restored"
    );
    let saved = root.path().join("saved.ron");
    assert!(h.state_mut().save_to(&saved));
    assert!(copies(&dir).is_empty(), "saved: the copy is gone");
}

#[test]
fn live_windows_never_offer_each_others_copy() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("recovery");
    let a = ChildWindow::start(&dir, "Bản của cửa sổ A");
    let b = ChildWindow::start(&dir, "Bản của cửa sổ B (dài hơn)");
    assert_eq!(a.offered, 0);
    assert_eq!(
        b.offered, 0,
        "B started while A had unsaved work: nothing to offer"
    );
    assert_eq!(copies(&dir).len(), 2, "each window has its own copy");
    assert!(
        restart(&dir).query_by_label(PROMPT).is_none(),
        "a third window offers neither live copy"
    );

    let b_map = b.map.clone();
    b.kill();
    let mut h = restart(&dir);
    h.get_by_label(PROMPT);
    assert_eq!(
        h.query_all_by_label("Restore").count(),
        1,
        "exactly the killed window's copy"
    );
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(map_of(&h), b_map);
    assert_eq!(card_texts(&b_map), ["Bản của cửa sổ B (dài hơn)"]);
    // A is still running: its copy is untouched.
    assert_eq!(copies(&dir).len(), 2);
    drop(a);
}

/// The host paints a frame only on input or when the last frame asked for one; this does
/// what it would do after an edit, with no input at all, and the copy must appear on time.
#[test]
fn a_change_is_written_after_the_delay_without_further_input() {
    let dir = tempfile::tempdir().unwrap();
    let app = JourneyApp::new(Some(OpenMap::unsaved(template_map())), None)
        .with_recovery(dir.path().to_owned(), AUTOSAVE_DELAY_S);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    add_card(&mut h, "Không chạm gì nữa");
    assert!(copies(dir.path()).is_empty(), "not before the delay");
    let start = h.ctx.input(|i| i.time);
    let mut now = start;
    // Run the frames the app asks for, as the host would (it sleeps until the next input
    // event when the app asks for none), until the copy is on disk.
    let written = |dir: &Path| {
        // The write runs on the autosave thread: give it a moment.
        let deadline = Instant::now() + Duration::from_secs(1);
        while copies(dir).is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        !copies(dir).is_empty()
    };
    while !written(dir.path()) {
        let delay = h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
        assert!(
            delay < Duration::from_secs(60),
            "no copy, and no frame asked for {:.2} s after the change: the copy would wait \
             for input",
            now - start
        );
        now += delay.as_secs_f64().max(1.0 / 60.0);
        h.input_mut().time = Some(now);
        h.step();
        assert!(
            now - start < 10.0,
            "the app keeps asking for frames, no copy"
        );
    }
    assert!(
        now - start <= AUTOSAVE_DELAY_S + 0.1,
        "the copy came {:.2} s after the change",
        now - start
    );
    let copy = std::fs::read_to_string(&copies(dir.path())[0]).unwrap();
    assert!(copy.contains("Không chạm gì nữa"));
}

/// Leaves a copy of a map titled `title` in `dir`, as a window that died would.
fn leave_copy(dir: &Path, title: &str, file: Option<&Path>, changed_at: &str) -> PathBuf {
    let mut map = template_map();
    map.title = title.to_owned();
    let mut store = journeymap::ui::shell::recovery::RecoveryStore::new(dir.to_owned());
    store
        .write(&map, file, changed_at.parse().unwrap(), 1)
        .unwrap();
    let own = store.own_file().to_owned();
    drop(store);
    assert!(own.exists());
    own
}

#[test]
fn prompt_lists_every_copy_and_deletes_only_the_answered_one() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("recovery");
    let a = leave_copy(&dir, "Bản A", None, "2026-11-20T08:00:00Z");
    let b_file = root.path().join("b.ron");
    let b = leave_copy(&dir, "Bản B", Some(&b_file), "2026-11-21T09:30:00Z");
    let bad = dir.join("recovery-bad.ron");
    std::fs::write(&bad, "(path: None, written_at: ").unwrap();

    let mut h = restart(&dir);
    h.get_by_label(PROMPT);
    h.get_by_label("Bản A");
    h.get_by_label("Bản B");
    h.get_by_label(&format!("File: {}", b_file.display()));
    h.get_by_label("Not saved to a file yet");
    let when = journeymap::ui::shell::recovery::local_time("2026-11-21T09:30:00Z".parse().unwrap());
    h.get_by_label(&format!("Last change: {when}"));
    h.get_by_label("recovery-bad.ron");
    h.get_by_label_contains("This copy cannot be read: ");
    // Newest first: the unreadable copy (its file time is now), B, A. No Restore for the
    // unreadable one.
    assert_eq!(h.query_all_by_label("Restore").count(), 2);
    assert_eq!(h.query_all_by_label("Discard").count(), 3);

    // Discard B: only B goes, the prompt stays with the others.
    h.query_all_by_label("Discard").nth(1).unwrap().click();
    h.run();
    assert!(!b.exists());
    assert!(a.exists() && bad.exists());
    h.get_by_label(PROMPT);
    assert!(h.query_by_label("Bản B").is_none());

    // Restore A: it opens; the unreadable copy is kept and offered again once A is saved.
    h.get_by_label("Restore").click();
    h.run();
    assert!(h.query_by_label(PROMPT).is_none());
    assert_eq!(h.state().map().unwrap().title, "Bản A");
    assert!(a.exists() && bad.exists());
    assert!(h.state_mut().save_to(&root.path().join("a.ron")));
    h.run();
    assert!(!a.exists(), "saved: A's copy is gone");
    h.get_by_label(PROMPT);
    h.get_by_label("recovery-bad.ron");
    assert!(bad.exists(), "never deleted without Discard");
    h.get_by_label("Discard").click();
    h.run();
    assert!(!bad.exists());
    assert!(h.query_by_label(PROMPT).is_none());
}

#[test]
fn decide_later_keeps_every_copy_for_the_next_start() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("recovery");
    let a = leave_copy(&dir, "Bản A", None, "2026-11-20T08:00:00Z");
    let mut h = restart(&dir);
    h.get_by_label(PROMPT);
    h.get_by_label("Decide later").click();
    h.run();
    assert!(h.query_by_label(PROMPT).is_none());
    assert!(a.exists());
    let again = restart(&dir);
    again.get_by_label(PROMPT);
    again.get_by_label("Bản A");
}

/// A copy named after this very process id (as an older journeymap named them, by a process
/// that died and whose id was reused) is still offered: what counts is the lock, not the id.
#[test]
fn a_copy_named_with_a_reused_process_id_is_still_offered() {
    let dir = tempfile::tempdir().unwrap();
    let mut map = template_map();
    map.title = "Bản của tiến trình cũ".to_owned();
    let copy = journeymap::ui::shell::recovery::Recovered {
        path: None,
        written_at: "2026-11-20T08:00:00Z".to_owned(),
        map,
        kept: Vec::new(),
    };
    let file = dir
        .path()
        .join(format!("recovery-{}.ron", std::process::id()));
    std::fs::write(&file, ron::ser::to_string(&copy).unwrap()).unwrap();
    let mut h = restart(dir.path());
    h.get_by_label(PROMPT);
    h.get_by_label("Bản của tiến trình cũ");
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().map().unwrap().title, "Bản của tiến trình cũ");
    assert!(
        file.exists(),
        "kept, now this window's own copy, until the map is saved"
    );
}

/// Steps frames (in real time, the write runs on another thread) until `done` or 10 s.
fn step_until(
    h: &mut egui_kittest::Harness<'static, JourneyApp>,
    what: &str,
    done: impl Fn(&egui_kittest::Harness<'static, JourneyApp>) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(h) {
        assert!(Instant::now() < deadline, "never happened: {what}");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_failed_background_write_is_reported_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let app = JourneyApp::new(Some(OpenMap::unsaved(template_map())), None)
        .with_recovery(dir.path().to_owned(), 0.0);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    add_card(&mut h, "Thẻ một");
    step_until(&mut h, "the first copy", |_| copies(dir.path()).len() == 1);
    step_until(&mut h, "the status", |h| {
        h.query_by_label("Recovery copy saved").is_some()
    });
    // A folder where the copy goes: the next write fails on the autosave thread.
    let own = copies(dir.path()).remove(0);
    std::fs::remove_file(&own).unwrap();
    std::fs::create_dir(&own).unwrap();
    h.state_mut().undo();
    // No `run`: with no delay the app retries at once, frame after frame.
    step_until(&mut h, "the failure in the status bar", |h| {
        h.query_by_label_contains("Recovery copy not saved: ")
            .is_some()
    });
}

#[test]
fn undoing_back_to_the_saved_map_removes_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("map.ron");
    journeymap::file::save(&file, &template_map()).unwrap();
    let app = JourneyApp::with_file(&file).with_recovery(dir.path().join("recovery"), 0.0);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    add_card(&mut h, "Thẻ tạm");
    step_until(&mut h, "the copy", |_| {
        copies(&dir.path().join("recovery")).len() == 1
    });
    while h.state().document().unwrap().is_dirty() {
        h.state_mut().undo();
        h.run();
    }
    assert!(copies(&dir.path().join("recovery")).is_empty());
}

//! Performance figures: `cargo bench --bench perf` prints a table.
//!
//! The large map is generated (30 stages, 60 steps, 10 lanes, 1,200 cards), never committed.
//! Each figure is the median of several runs. The targets are in the README; this prints them
//! beside the measurements rather than failing, since timings vary by machine.

use std::path::Path;
use std::time::{Duration, Instant};

use journeymap::file::{self, from_ron_str, to_ron_string};
use journeymap::layout::{self, ApproxMeasure, LayoutMetrics};
use journeymap::model::synth::{SynthSize, synth_map};
use journeymap::ui::{JourneyApp, OpenMap};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let samples = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    median(samples)
}

fn row(what: &str, took: Duration, target: &str) {
    println!(
        "| {what:<44} | {:>10.2} ms | {target:<10} |",
        took.as_secs_f64() * 1e3
    );
}

fn main() {
    let map = synth_map(SynthSize::LARGE);
    let text = to_ron_string(&map).unwrap_or_default();
    println!(
        "large map: {} stages, {} steps, {} lanes, {} cards, {} KiB of RON\n",
        map.stages.len(),
        map.step_count(),
        map.lanes.len(),
        map.cards.len(),
        text.len() / 1024
    );
    println!(
        "| {:<44} | {:>13} | {:<10} |",
        "operation", "median", "target"
    );
    println!("|{:-<46}|{:->15}|{:-<12}|", "", "", "");

    row(
        "load large map (parse + validate + restore)",
        time(20, || from_ron_str(&text, Path::new("large.ron"))),
        "< 200 ms",
    );
    row(
        "save large map (serialise to RON)",
        time(20, || to_ron_string(&map)),
        "< 100 ms",
    );
    let dir = tempfile::tempdir().ok();
    if let Some(dir) = &dir {
        let path = dir.path().join("large.ron");
        row(
            "save large map to disk (atomic, fsync, .bak)",
            time(10, || file::save(&path, &map)),
            "< 250 ms",
        );
    }
    row(
        "layout of large map (estimated text size)",
        time(20, || {
            layout::compute(&map, &LayoutMetrics::default(), &ApproxMeasure)
        }),
        "< 16 ms",
    );

    // A real egui frame of the app on the large map, without a GPU: layout of text, painting
    // and tessellation, which is what the CPU does per frame in the window.
    let ctx = egui::Context::default();
    journeymap::ui::setup_context(&ctx);
    let mut app = JourneyApp::new(Some(OpenMap::unsaved(map.clone())), None);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    };
    let frame = |app: &mut JourneyApp| {
        let out = ctx.run_ui(input(), |ui| app.ui(ui));
        ctx.tessellate(out.shapes, out.pixels_per_point)
    };
    let first = time(1, || frame(&mut app));
    row("first frame (fonts, layout of 1,200 cards)", first, "< 1 s");
    row(
        "frame at fit-to-window zoom (all cards visible)",
        time(30, || frame(&mut app)),
        "< 16 ms",
    );

    // The bad files of the acceptance criteria, each refused quickly.
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad");
    let mut worst = Duration::ZERO;
    for entry in std::fs::read_dir(&bad).into_iter().flatten().flatten() {
        worst = worst.max(time(5, || file::load(&entry.path())));
    }
    let deep = format!(
        "(format: 1, title: \"x\", goals: {}{}, stages: [], lanes: [])",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    worst = worst.max(time(5, || from_ron_str(&deep, Path::new("deep.ron"))));
    row(
        "slowest refusal of a bad file (incl. 100k-deep)",
        worst,
        "< 2 s",
    );
}

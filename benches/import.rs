//! Import speed: `cargo bench --bench import` prints a table.
//!
//! A realistic export of 1,000,000 events for the Zalo sample map is generated into a temporary
//! folder (never committed) in both styles the generator writes: a plain comma CSV with ISO
//! timestamps, and the Vietnamese CRM report (BOM, title block, semicolons, `dd/mm/yyyy HH:MM`,
//! có/không). Each is imported as `journeymap import --dry-run` does (read, parse, aggregate,
//! match), on one core and on two, and read without aggregating; each figure is the median of
//! several runs, each run in a fresh process (this benchmark started again) so that its peak
//! resident memory can be read too. When Python with the `duckdb` package is there
//! (`JOURNEYMAP_PYTHON`, else `python3`), DuckDB computes the same tables on the same file with
//! the query of `journeymap import --emit-sql duckdb`, and its time is printed beside.
//!
//! "CPU s" is the user + system seconds of our import: on a busy machine, where the wall clock
//! also counts the time spent waiting for a core, it shows the work itself. Timings vary by
//! machine and load: this prints, it never fails on a figure. `JOURNEYMAP_BENCH_ROWS` changes
//! the number of rows, `JOURNEYMAP_BENCH_RUNS` the runs per figure; `-- --quick` (or
//! `JOURNEYMAP_BENCH_QUICK=1`) makes 100,000 rows and one run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "common/mod.rs"]
mod common;
use common::{median, thousands};

use journeymap::analysis::metrics_sql::{Dialect, emit_sql};
use journeymap::file;
use journeymap::import::{Input, Progress, Row, import_snapshot, read};
use journeymap::model::{ImportSettings, Role};

const MAP: &str = "samples/zalo-mini-app-loyalty.ron";

/// The child's mode: what it runs once, in `JOURNEYMAP_BENCH_CHILD`.
const CHILD: &str = "JOURNEYMAP_BENCH_CHILD";

/// One export style: the generator's name for it and how DuckDB reads it.
struct Style {
    name: &'static str,
    label: &'static str,
    /// `read_csv` options for DuckDB.
    duckdb_read: &'static str,
    /// The timestamp column and its `strptime` format, when DuckDB cannot cast it as it is.
    duckdb_time: Option<(&'static str, &'static str)>,
    columns: [(Role, &'static str); 7],
}

const STYLES: [Style; 2] = [
    Style {
        name: "plain",
        label: "comma CSV, ISO times",
        duckdb_read: "header=true",
        duckdb_time: None,
        columns: [
            (Role::Customer, "customer_id"),
            (Role::Timestamp, "event_time"),
            (Role::Touchpoint, "touchpoint"),
            (Role::Stage, "stage"),
            (Role::Converted, "converted"),
            (Role::Csat, "csat"),
            (Role::Nps, "nps"),
        ],
    },
    Style {
        name: "crm-vi",
        label: "Vietnamese CRM, semicolons",
        duckdb_read: "header=true, delim=';', skip=3",
        duckdb_time: Some(("Thời gian", "%d/%m/%Y %H:%M")),
        columns: [
            (Role::Customer, "Mã khách hàng"),
            (Role::Timestamp, "Thời gian"),
            (Role::Touchpoint, "Điểm chạm"),
            (Role::Stage, "Giai đoạn"),
            (Role::Converted, "Chuyển đổi"),
            (Role::Csat, "CSAT"),
            (Role::Nps, "NPS"),
        ],
    },
];

/// Loads the export into DuckDB (every column as text, as an export is; a day-first timestamp
/// column rewritten as ISO), then runs the query. Prints the seconds of each and the rows.
const RUN_IN_DUCKDB: &str = r#"
import sys, time, duckdb
data, sql_file, read_opts, time_col, time_fmt, threads = sys.argv[1:7]
con = duckdb.connect()
if threads != "0":
    con.execute("SET threads = " + threads)
sql = open(sql_file, encoding="utf-8").read()
select = "*"
if time_col:
    q = '"' + time_col.replace('"', '""') + '"'
    select = "* REPLACE (strftime(strptime(%s, '%s'), '%%Y-%%m-%%dT%%H:%%M:%%S') AS %s)" % (q, time_fmt, q)
start = time.perf_counter()
con.execute("CREATE TABLE events AS SELECT %s FROM read_csv(?, all_varchar=true, %s)" % (select, read_opts), [data])
loaded = time.perf_counter()
rows = con.execute(sql).fetchall()
done = time.perf_counter()
print(loaded - start, done - loaded, len(rows))
"#;

fn main() {
    if let Ok(mode) = std::env::var(CHILD) {
        child(&mode);
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(root).unwrap_or_else(|e| panic!("{e}"));
    // `--quick` (or `JOURNEYMAP_BENCH_QUICK=1`), as for the perf benchmark: a fast check.
    let quick = std::env::args().any(|a| a == "--quick")
        || std::env::var("JOURNEYMAP_BENCH_QUICK").is_ok_and(|v| v != "0");
    let (rows, runs) = if quick { (100_000, 1) } else { (1_000_000, 3) };
    let rows: usize = env_number("JOURNEYMAP_BENCH_ROWS", rows);
    let runs: usize = env_number("JOURNEYMAP_BENCH_RUNS", runs).max(1);
    println!("journeymap import benchmark (import MB/s beside DuckDB)");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let python = python_with_duckdb();
    let one_core = can_pin();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "{rows} generated events per file; median of {runs} runs, each in a fresh process; \
         {cores} cores here"
    );
    if !one_core {
        println!("(no `taskset`: the one-core rows are left out)");
    }
    if python.is_none() {
        println!("(no Python with the duckdb package: the DuckDB rows are left out)");
    }
    println!();
    println!(
        "| {:<36} | {:<34} | {:>8} | {:>8} | {:>9} | {:>8} | {:>8} |",
        "export", "what", "seconds", "MB/s", "rows/s", "CPU s", "peak MiB"
    );
    println!(
        "|{:-<38}|{:-<36}|{:->10}|{:->10}|{:->11}|{:->10}|{:->10}|",
        "", "", "", "", "", "", ""
    );
    for style in &STYLES {
        let data = dir.path().join(format!("events-{}.csv", style.name));
        generate(style.name, rows, &data);
        let mb = std::fs::metadata(&data).map_or(0, |m| m.len()) as f64 / 1e6;
        let label = format!("{} ({mb:.0} MB)", style.label);
        let line = |what: &str, figure: Figure| {
            let secs = figure.wall.as_secs_f64();
            let cpu = figure.cpu.map(|c| format!("{:.3}", c.as_secs_f64()));
            let peak = figure.peak.map(|p| format!("{p:.0}"));
            println!(
                "| {label:<36} | {what:<34} | {secs:>8.3} | {:>8.0} | {:>9} | {:>8} | {:>8} |",
                mb / secs,
                thousands((rows as f64 / secs) as u64),
                cpu.as_deref().unwrap_or("–"),
                peak.as_deref().unwrap_or("–"),
            );
        };
        let ours = |mode: &str, pin: bool| in_child(mode, &data, pin, runs);
        if one_core {
            line("journeymap import, 1 core", ours("import", true));
        }
        let two = ours("import", false);
        line(&format!("journeymap import, {cores} cores"), two);
        line("journeymap read only (no maths)", ours("read", false));
        if let Some(python) = &python {
            let sql = dir.path().join(format!("{}.sql", style.name));
            write_sql(style, &sql);
            for threads in [1, 0] {
                let Some((load, query)) = duckdb(python, style, &data, &sql, threads, runs) else {
                    break;
                };
                let cores = if threads == 0 { cores } else { threads };
                let figure = |wall| Figure {
                    wall,
                    cpu: None,
                    peak: None,
                };
                line(
                    &format!("DuckDB load + query, {cores} core(s)"),
                    figure(load + query),
                );
                line(&format!("  of which load, {cores} core(s)"), figure(load));
            }
        }
    }
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn generate(style: &str, rows: usize, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["generate-events", "--map", MAP, "--style", style])
        .args(["--rows", &rows.to_string(), "--seed", "1", "-o"])
        .arg(out)
        .output()
        .unwrap_or_else(|e| panic!("cannot run journeymap: {e}"));
    assert!(
        status.status.success(),
        "generate-events: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// Whether `taskset` can pin a child to one core.
fn can_pin() -> bool {
    Command::new("taskset")
        .args(["-c", "0", "true"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// One figure: median wall seconds, CPU seconds (user + system; ours, on Linux) and peak
/// resident MiB (ours, on Linux).
struct Figure {
    wall: Duration,
    cpu: Option<Duration>,
    peak: Option<f64>,
}

/// Runs this benchmark again `runs` times as a child doing `mode` on `data` (pinned to core 0
/// when `pin`): the medians.
fn in_child(mode: &str, data: &Path, pin: bool, runs: usize) -> Figure {
    let me = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let mut times = Vec::new();
    let mut cpus = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..runs {
        let mut command = if pin {
            let mut c = Command::new("taskset");
            c.args(["-c", "0"]).arg(&me);
            c
        } else {
            Command::new(&me)
        };
        let out = command
            .env(CHILD, mode)
            .env("JOURNEYMAP_BENCH_DATA", data)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", me.display()));
        let text = String::from_utf8_lossy(&out.stdout);
        let mut words = text.split_whitespace();
        let secs: Option<f64> = words.next().and_then(|w| w.parse().ok());
        let Some(secs) = secs.filter(|_| out.status.success()) else {
            panic!(
                "the {mode} child failed: {}{}",
                text,
                String::from_utf8_lossy(&out.stderr)
            );
        };
        times.push(Duration::from_secs_f64(secs));
        let mut number = || words.next().and_then(|w| w.parse::<f64>().ok());
        if let Some(cpu) = number().filter(|c| *c >= 0.0) {
            cpus.push(Duration::from_secs_f64(cpu));
        }
        if let Some(kib) = number().filter(|k| *k > 0.0) {
            peaks.push(Duration::from_secs_f64(kib / 1024.0));
        }
    }
    Figure {
        wall: median(times),
        cpu: (!cpus.is_empty()).then(|| median(cpus)),
        peak: (!peaks.is_empty()).then(|| median(peaks).as_secs_f64()),
    }
}

/// The child: one import (or read) of the file named in `JOURNEYMAP_BENCH_DATA`; prints its
/// seconds and the process's peak resident KiB.
fn child(mode: &str) {
    let data = PathBuf::from(std::env::var_os("JOURNEYMAP_BENCH_DATA").unwrap_or_default());
    let map = file::load(Path::new(MAP))
        .unwrap_or_else(|e| panic!("{e}"))
        .map;
    let input = Input::Path(data);
    let progress = Progress::new();
    let start = Instant::now();
    let rows = match mode {
        "import" => {
            let imported = import_snapshot(
                &map,
                &input,
                ImportSettings::default(),
                "2026-01-01",
                &progress,
            )
            .unwrap_or_else(|e| panic!("{e}"));
            imported.summary.source.rows_read
        }
        _ => {
            let mut n = 0u64;
            read(&input, &ImportSettings::default(), &progress, |row| {
                if let Row::Event(e) = row {
                    n += e.customer.len() as u64;
                }
            })
            .unwrap_or_else(|e| panic!("{e}"));
            n
        }
    };
    let took = start.elapsed().as_secs_f64();
    std::hint::black_box(rows);
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        });
    println!(
        "{took} {} {}",
        cpu_seconds().unwrap_or(-1.0),
        peak.unwrap_or(0)
    );
}

/// The process's user and system seconds so far (Linux: `/proc/self/stat`, in the kernel's
/// fixed 100 ticks a second).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<f64>().ok();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

/// A Python that can `import duckdb`, if there is one.
fn python_with_duckdb() -> Option<String> {
    let candidates = std::env::var("JOURNEYMAP_PYTHON")
        .into_iter()
        .chain(["python3".to_owned()]);
    candidates.into_iter().find(|python| {
        Command::new(python)
            .args(["-c", "import duckdb"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn write_sql(style: &Style, out: &Path) {
    let map = file::load(Path::new(MAP))
        .unwrap_or_else(|e| panic!("{e}"))
        .map;
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    let columns: Vec<(Role, String)> = style
        .columns
        .iter()
        .map(|(r, c)| (*r, (*c).to_owned()))
        .collect();
    let sql = emit_sql(Dialect::DuckDb, "events", &columns, &stages).unwrap_or_default();
    std::fs::write(out, sql).unwrap_or_else(|e| panic!("{e}"));
}

/// DuckDB's median load and query seconds over `runs` (`threads` 0: DuckDB's default), or
/// `None` (with a message) when it failed.
fn duckdb(
    python: &str,
    style: &Style,
    data: &Path,
    sql: &Path,
    threads: usize,
    runs: usize,
) -> Option<(Duration, Duration)> {
    let (time_col, time_fmt) = style.duckdb_time.unwrap_or(("", ""));
    let mut loads = Vec::new();
    let mut queries = Vec::new();
    for _ in 0..runs {
        let out = Command::new(python)
            .args(["-c", RUN_IN_DUCKDB])
            .arg(data)
            .arg(sql)
            .args([style.duckdb_read, time_col, time_fmt, &threads.to_string()])
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&out.stdout);
        let secs: Vec<f64> = text
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        if !out.status.success() || secs.len() < 2 {
            println!("DuckDB failed: {}", String::from_utf8_lossy(&out.stderr));
            return None;
        }
        loads.push(Duration::from_secs_f64(secs[0]));
        queries.push(Duration::from_secs_f64(secs[1]));
    }
    Some((median(loads), median(queries)))
}

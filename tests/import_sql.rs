//! `journeymap import --emit-sql duckdb` computes, in DuckDB, exactly the numbers the built-in
//! importer computes: the query runs through the `duckdb` Python package on the same files
//! and both tables (per touchpoint and per stage) must agree to 1e-6.
//!
//! `.ci/run` installs the package (and sets `JOURNEYMAP_PYTHON`); elsewhere, without Python
//! and DuckDB, the comparison is skipped with a message. In CI it never is.

mod common;

use std::path::Path;
use std::process::Command;

fn journeymap(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(common::repo())
        .output()
        .unwrap_or_else(|e| panic!("cannot run journeymap: {e}"));
    assert!(
        out.status.success(),
        "journeymap {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// A Python that can `import duckdb`, if there is one.
fn python_with_duckdb() -> Option<String> {
    let candidates = std::env::var("JOURNEYMAP_PYTHON")
        .into_iter()
        .chain(["python3".to_owned()]);
    for python in candidates {
        let ok = Command::new(&python)
            .args(["-c", "import duckdb"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(python);
        }
    }
    None
}

/// Runs `sql` in DuckDB over `data` (every column read as text, as an export is) and prints
/// the two tables in the CLI's CSV form.
const RUN_IN_DUCKDB: &str = r#"
import csv, sys, duckdb
data, sql_file, out_tp, out_st = sys.argv[1:5]
con = duckdb.connect()
con.execute("CREATE TABLE events AS SELECT * FROM read_csv(?, all_varchar=true, header=true)", [data])
rows = con.execute(open(sql_file, encoding="utf-8").read()).fetchall()
tp, st, order = {}, {}, []
for touchpoint, stage, period, metric, value in rows:
    if period is not None:
        continue
    if touchpoint is not None:
        tp.setdefault(touchpoint, {})[metric] = value
    else:
        st.setdefault(stage, {})[metric] = value
def num(x):
    if x is None:
        return ""
    s = "%.6f" % x
    s = s.rstrip("0").rstrip(".")
    return "0" if s == "-0" else s
with open(out_tp, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["touchpoint", "events", "customers", "conversion_rate", "csat", "nps"])
    for t in sorted(tp):
        m = tp[t]
        w.writerow([t] + [num(m.get(k)) for k in ["events", "customers", "conversion_rate", "csat", "nps"]])
with open(out_st, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["stage", "customers", "continuation"])
    for s in sorted(st):
        w.writerow([s, num(st[s].get("customers")), num(st[s].get("continuation"))])
"#;

/// Compares two CSV tables cell by cell, numbers to 1e-6, rows in any order.
fn assert_same_table(ours: &str, duckdb: &str, what: &str) {
    let rows = |text: &str| -> Vec<Vec<String>> {
        let mut r: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|rec| {
                rec.unwrap_or_else(|e| panic!("{what}: {e}"))
                    .iter()
                    .map(str::to_owned)
                    .collect()
            })
            .collect();
        r.sort();
        r
    };
    let (a, b) = (rows(ours), rows(duckdb));
    assert_eq!(
        a.len(),
        b.len(),
        "{what}: rows differ\nours:\n{ours}\nduckdb:\n{duckdb}"
    );
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.len(), y.len(), "{what}: {x:?} vs {y:?}");
        for (p, q) in x.iter().zip(y) {
            let same = match (p.parse::<f64>(), q.parse::<f64>()) {
                (Ok(p), Ok(q)) => (p - q).abs() < 1e-6,
                _ => p == q,
            };
            assert!(same, "{what}: {x:?} (journeymap) vs {y:?} (DuckDB)");
        }
    }
}

fn compare(python: &str, map: &str, data: &Path) {
    let data_arg = data.display().to_string();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let ours_tp = journeymap(&["import", map, &data_arg, "--dry-run"]);
    let ours_st = journeymap(&["import", map, &data_arg, "--dry-run", "--by", "stage"]);
    let sql = journeymap(&[
        "import",
        map,
        "--emit-sql",
        "duckdb",
        "--map",
        "customer=customer_id",
        "--map",
        "timestamp=event_time",
        "--map",
        "touchpoint=touchpoint",
        "--map",
        "stage=stage",
        "--map",
        "converted=converted",
        "--map",
        "csat=csat",
        "--map",
        "nps=nps",
    ]);
    let sql_file = dir.path().join("q.sql");
    let (tp_file, st_file) = (dir.path().join("tp.csv"), dir.path().join("st.csv"));
    std::fs::write(&sql_file, sql).unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(python)
        .args(["-c", RUN_IN_DUCKDB, &data_arg])
        .args([&sql_file, &tp_file, &st_file])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
    assert!(
        out.status.success(),
        "DuckDB: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{e}"));
    assert_same_table(&ours_tp, &read(&tp_file), "per touchpoint");
    // Stage order is the map's in both; compare the rows as sets.
    assert_same_table(&ours_st, &read(&st_file), "per stage");
}

#[test]
fn the_duckdb_query_gives_the_importers_numbers() {
    let Some(python) = python_with_duckdb() else {
        assert!(!in_ci(), "CI must compare with DuckDB (pip install duckdb)");
        eprintln!("skipped: no Python with the duckdb package (pip install duckdb)");
        return;
    };
    // A hand-made file: one stage left out by a customer, a row without a conversion flag,
    // CSAT and NPS on some rows only, three months.
    compare(
        &python,
        "samples/zalo-mini-app-loyalty.ron",
        &common::repo().join("tests/import/duckdb_parity.csv"),
    );
    // A generated export of 5,000 events over six months.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("events.csv");
    journeymap(&[
        "generate-events",
        "--map",
        "samples/zalo-mini-app-loyalty.ron",
        "--rows",
        "5000",
        "--seed",
        "9",
        "-o",
        &data.display().to_string(),
    ]);
    compare(&python, "samples/zalo-mini-app-loyalty.ron", &data);
}

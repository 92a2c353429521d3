//! The command line, run as a user would run it.

mod common;

use std::process::{Command, Output};

fn journeymap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(common::repo())
        .output()
        .unwrap_or_else(|e| panic!("cannot run journeymap: {e}"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn check_passes_on_every_sample() {
    let samples: Vec<String> = common::samples()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    assert!(samples.len() >= 5);
    let mut args = vec!["check"];
    args.extend(samples.iter().map(String::as_str));
    let out = journeymap(&args);
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(
        stdout(&out).lines().filter(|l| l.contains(": ok")).count(),
        samples.len()
    );
}

#[test]
fn check_fails_with_one_line_per_problem() {
    let bad = common::repo().join("tests/bad");
    let out = journeymap(&[
        "check",
        &bad.join("json.ron").display().to_string(),
        &bad.join("empty.ron").display().to_string(),
        "samples/ecommerce-sneakers.ron",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("json.ron:1:1"), "{text}");
}

#[test]
fn templates_lists_at_least_ten() {
    let out = journeymap(&["templates"]);
    assert!(out.status.success());
    assert!(stdout(&out).lines().count() >= 10);
    let vi = stdout(&journeymap(&["templates", "--lang", "vi"]));
    assert!(vi.contains("Nhận thức"), "{vi}");
}

#[test]
fn new_from_template_then_check() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("x.ron");
    let path_str = path.display().to_string();
    let out = journeymap(&["new", "--template", "aida", "--lang", "vi", "-o", &path_str]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(text.contains("Nhận biết"), "{text}");
    let out = journeymap(&["check", &path_str]);
    assert!(out.status.success(), "{}", stdout(&out));
    // Not overwritten without --force.
    let out = journeymap(&["new", "--template", "aida", "-o", &path_str]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("already exists"), "{err}");
    // An unknown template names the ones there are.
    let out = journeymap(&["new", "--template", "nope", "-o", &path_str, "--force"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("aisas"));
}

#[test]
fn generate_writes_a_large_valid_map() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("big.ron").display().to_string();
    let out = journeymap(&["generate", "-o", &path]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("1200 cards"), "{}", stdout(&out));
    assert!(journeymap(&["check", &path]).status.success());
}

#[test]
fn fmt_rewrites_in_canonical_form() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("hand.ron");
    std::fs::write(&path, "(format:1,title:\"tay\",stages:[],lanes:[])")
        .unwrap_or_else(|e| panic!("{e}"));
    let p = path.display().to_string();
    assert!(journeymap(&["fmt", &p]).status.success());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(text.contains("    title: \"tay\",\n"), "{text}");
}

#[test]
fn report_golden_in_both_formats() {
    for (format, ext) in [("md", "md"), ("csv", "csv")] {
        let out = journeymap(&["report", "samples/may-ep-trai-cay.ron", "--format", format]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        common::golden(&format!("report-may-ep-trai-cay.{ext}"), &stdout(&out));
    }
    let out = journeymap(&["report", "samples/ecommerce-sneakers.ron"]);
    common::golden("report-ecommerce-sneakers.md", &stdout(&out));
}

#[test]
fn report_of_a_bad_file_fails_with_one_line() {
    let out = journeymap(&["report", "tests/bad/json.ron"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn the_demo_data_beside_the_zalo_sample_is_what_generate_events_writes() {
    // The committed demo export is reproducible: the same command writes the same bytes.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out_path = dir.path().join("data.csv");
    let out_arg = out_path.display().to_string();
    let out = journeymap(&[
        "generate-events",
        "--map",
        "samples/zalo-mini-app-loyalty.ron",
        "--rows",
        "600",
        "--seed",
        "2026",
        "--style",
        "crm-vi",
        "-o",
        &out_arg,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read(&out_path).unwrap_or_else(|e| panic!("{e}"));
    let committed = std::fs::read(common::repo().join("samples/zalo-mini-app-loyalty-data.csv"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        written == committed,
        "regenerate the demo data with the command in this test"
    );
    // A Vietnamese CRM report: BOM, a title block, then the header with semicolons.
    let text = String::from_utf8_lossy(&written);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with('\u{feff}'));
    assert_eq!(
        lines[3],
        "Mã khách hàng;Thời gian;Điểm chạm;Giai đoạn;Chuyển đổi;CSAT;NPS;Kênh"
    );
    assert_eq!(lines.len(), 4 + 600);
}

#[test]
fn import_dry_run_prints_the_per_touchpoint_and_per_stage_tables_of_the_issue() {
    // Fourteen hand-counted events (tests/import/duckdb_parity.csv): C1, C3 and C5 convert;
    // the last row's CSAT 7 and NPS 12 are ignored, the row still counts.
    let args = [
        "import",
        "samples/zalo-mini-app-loyalty.ron",
        "tests/import/duckdb_parity.csv",
        "--dry-run",
    ];
    let out = journeymap(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout(&out),
        "touchpoint,events,customers,conversion_rate,csat,nps\n\
         Checkout,3,2,1,3.5,50\n\
         Home page,5,4,0.5,3.75,33.333333\n\
         Store,2,2,0.5,4,100\n\
         Zalo OA,4,4,0.5,1.5,-66.666667\n"
    );
    // The summary goes to stderr: nothing matches the Zalo map's touchpoints.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("read 14 rows of duckdb_parity.csv (0 skipped)"),
        "{err}"
    );
    assert!(err.contains("touchpoints: 0 matched, 4 unmatched"), "{err}");
    assert!(
        err.contains("line 15: csat 7 is outside 1–5; value ignored"),
        "{err}"
    );
    // Stages the map does not have follow in code-point order: Buy, Consider, Discover.
    let mut by_stage = args.to_vec();
    by_stage.extend(["--by", "stage"]);
    let out = journeymap(&by_stage);
    assert_eq!(
        stdout(&out),
        "stage,customers,continuation\nBuy,4,0.75\nConsider,4,0.5\nDiscover,4,\n"
    );
}

#[test]
fn import_writes_the_numbers_into_the_map_and_a_second_import_asks_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let map = dir.path().join("map.ron");
    std::fs::copy(
        common::repo().join("samples/zalo-mini-app-loyalty.ron"),
        &map,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let map_arg = map.display().to_string();
    let data = "samples/zalo-mini-app-loyalty-data.csv";
    let out = journeymap(&["import", &map_arg, data]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(text.contains("read 600 rows"), "{text}");
    assert!(
        text.contains("touchpoints: 13 matched, 0 unmatched"),
        "{text}"
    );
    let loaded = journeymap::file::load(&map).unwrap_or_else(|e| panic!("{e}"));
    let metrics = &loaded.map.metrics;
    assert_eq!(metrics.snapshots.len(), 1);
    let snapshot = &metrics.snapshots[0];
    assert_eq!(snapshot.source.file_name, "zalo-mini-app-loyalty-data.csv");
    assert_eq!(snapshot.source.rows_read, 600);
    assert!(snapshot.touchpoints.iter().all(|t| t.card.is_some()));
    // The Vietnamese headers were guessed and saved for the next import.
    let saved = metrics
        .import
        .as_ref()
        .map(|s| s.columns.clone())
        .unwrap_or_default();
    assert!(saved.contains(&(
        journeymap::model::Role::Customer,
        "Mã khách hàng".to_owned()
    )));
    // Re-import: a second snapshot, nothing asked.
    let out = journeymap(&["import", &map_arg, data]);
    assert!(out.status.success());
    let loaded = journeymap::file::load(&map).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.map.metrics.snapshots.len(), 2);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

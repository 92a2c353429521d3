//! The text exports (Markdown, CSV, Mermaid) and the way back from Mermaid: golden files of the
//! Vietnamese juicer sample, Mermaid out → in on every sample, the warnings of a Mermaid file
//! the map cannot hold as written, and `journeymap export` / `journeymap new --from` run as a
//! user would.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::{Command, Output};

use journeymap::export::markdown::to_markdown;
use journeymap::export::mermaid::{
    clean_actor, clean_name, clean_title, mermaid_score, scored_curve, task_name, to_mermaid,
};
use journeymap::export::mermaid_in::{
    FromMermaid, MermaidError, MermaidWarning, WarningKind, from_markdown, from_mermaid,
};
use journeymap::export::{TextFormat, csv::to_csv};
use journeymap::model::{JourneyMap, LaneKind, validate};

fn journeymap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(common::repo())
        .output()
        .unwrap_or_else(|e| panic!("cannot run journeymap: {e}"))
}

fn load(path: &std::path::Path) -> JourneyMap {
    journeymap::file::load(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map
}

#[test]
fn juicer_golden_files_in_three_formats() {
    let map = common::juicer();
    common::golden("export-may-ep-trai-cay.md", &to_markdown(&map));
    common::golden("export-may-ep-trai-cay.csv", &to_csv(&map));
    common::golden("export-may-ep-trai-cay.mmd", &to_mermaid(&map));
}

#[test]
fn markdown_holds_every_part_of_the_juicer_map() {
    let map = common::juicer();
    let md = to_markdown(&map);
    assert!(md.starts_with("# Hành trình mua máy ép trái cây trực tuyến\n"));
    for stage in &map.stages {
        assert!(
            md.contains(&format!(". {}\n", stage.name)),
            "{}",
            stage.name
        );
    }
    assert!(md.contains("**👩 Chị Hương**"));
    // A Vietnamese map's document speaks Vietnamese.
    assert!(md.contains("## Mục tiêu kinh doanh"));
    assert!(md.contains("- **Loại bản đồ:** Hiện trạng"));
    assert!(!md.contains("## Business goals"));
    // Every card's first line is in the document (escaped as Markdown wants).
    for card in &map.cards {
        let first = card.text.lines().next().unwrap_or("");
        let escaped = journeymap::export::markdown::escape(first, 0);
        assert!(md.contains(&escaped), "missing card {first:?}");
    }
    // Emotion points with their score and emoji, and pain points with severity and votes.
    assert!(md.contains("(Hiện tại)"), "{md}");
    assert!(md.contains("mức độ ◕ 4/5, 8 phiếu, đang xử lý"), "{md}");
    // No metrics were imported into this sample: no metrics section.
    assert!(!md.contains("## Chỉ số\n"));
}

#[test]
fn an_english_map_gets_english_headings() {
    let map = load(&common::repo().join("samples/b2b-crm.ron"));
    assert_eq!(map.language, "en");
    let md = to_markdown(&map);
    assert!(md.contains("\n## Journey\n"), "{md}");
    assert!(md.contains("- **Map type:** "));
    assert!(!md.contains("Hành trình\n"));
}

#[test]
fn markdown_lists_the_imported_numbers_per_touchpoint() {
    let map = common::zalo_with_data();
    let md = to_markdown(&map);
    let section = md
        .split("## Chỉ số\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no metrics section:\n{md}"));
    assert!(
        section.contains("Lần nhập mới nhất: 2026-11-01"),
        "{section}"
    );
    assert!(
        section.contains("| Giai đoạn | Bước | Điểm chạm | Khách hàng | Chuyển đổi | CSAT | NPS |")
    );
    let rows = section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Giai đoạn"))
        .count();
    let with_numbers = map
        .cards
        .iter()
        .filter(|c| !journeymap::analysis::overlay::card_readings(&map, &c.id).is_empty())
        .count();
    assert!(with_numbers > 0);
    assert_eq!(rows, with_numbers);
    // A Vietnamese map writes rates with a decimal comma.
    assert!(section.contains(" %"), "{section}");
}

#[test]
fn csv_has_one_row_per_card_with_the_bom_and_safe_cells() {
    for path in common::samples() {
        let map = load(&path);
        let text = to_csv(&map);
        assert!(text.starts_with('\u{feff}'), "{}", path.display());
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.get(0), Some("id"));
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), map.cards.len(), "{}", path.display());
        for record in &records {
            let id = record.get(0).unwrap();
            let card = map.cards.iter().find(|c| c.id.as_str() == id).unwrap();
            let lane = map.lane(&card.lane).unwrap();
            assert_eq!(record.get(3), Some(lane.name.as_str()));
            let has_pain = !record.get(9).unwrap().is_empty();
            assert_eq!(has_pain, card.pain.is_some(), "{id}");
            assert_eq!(
                !record.get(14).unwrap().is_empty(),
                card.opportunity.is_some()
            );
        }
    }
    // A card text that a spreadsheet would run is neutralised.
    let mut map = common::juicer();
    map.cards[0].text = "=HYPERLINK(\"http://x\")".to_owned();
    assert!(to_csv(&map).contains("\"'=HYPERLINK("));
}

/// The Mermaid score of every step of `map` (3 where the scored curve has no point).
fn scores(map: &JourneyMap) -> Vec<u8> {
    let curve = scored_curve(map);
    map.steps()
        .map(|(_, step)| {
            curve
                .and_then(|c| c.points.iter().find(|p| p.step == step.id))
                .map_or(3, |p| mermaid_score(p.score))
        })
        .collect()
}

#[test]
fn mermaid_out_and_in_gives_back_stages_steps_and_scores_for_every_sample() {
    for path in common::samples() {
        let map = load(&path);
        let text = to_mermaid(&map);
        let FromMermaid {
            map: back,
            warnings,
        } = from_mermaid(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", path.display()));
        assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
        assert!(validate(&back).is_empty(), "{:?}", validate(&back));
        assert_eq!(back.title, clean_title(&map.title));
        assert_eq!(back.persona.name, clean_actor(&map.persona.name));
        let names = |m: &JourneyMap| -> Vec<(String, Vec<String>)> {
            m.stages
                .iter()
                .map(|s| {
                    (
                        clean_name(&s.name),
                        s.steps.iter().map(|st| task_name(&s.name, st)).collect(),
                    )
                })
                .collect()
        };
        assert_eq!(names(&back), names(&map), "{}", path.display());
        assert_eq!(scores(&back), scores(&map), "{}", path.display());
        // Every step has a touchpoint card named by its task, and its actor on the actions lane.
        let touchpoints = back
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Touchpoints)
            .unwrap();
        for (stage, step) in back.steps() {
            let card = back.cards_in(&step.id, &touchpoints.id).next().unwrap();
            assert_eq!(card.text, task_name(&stage.name, step));
        }
        // And the way round again writes the very same text.
        assert_eq!(to_mermaid(&back), text, "{}", path.display());
    }
}

const AWKWARD: &str = "\
%% A journey as people write them in the wild.
journey
    title Mua hàng online
    section Tìm hiểu
      Xem quảng cáo: 7: Lan
      Đọc đánh giá: 0: Lan, Minh
    section Trống
    section Mua
      Thanh toán: bước 2: 3: Lan
      Nhận hàng: tốt: Lan
      Đánh giá 5 sao: 4.5: Lan
";

#[test]
fn mermaid_in_reports_what_the_map_cannot_hold_with_lines() {
    let made = from_mermaid(AWKWARD).unwrap();
    let w = |line, kind| MermaidWarning { line, kind };
    assert_eq!(
        made.warnings,
        vec![
            w(
                5,
                WarningKind::ScoreOutOfRange {
                    score: 7.0,
                    kept: 2.0
                }
            ),
            w(
                6,
                WarningKind::ScoreOutOfRange {
                    score: 0.0,
                    kept: -2.0
                }
            ),
            w(
                6,
                WarningKind::MoreActors {
                    persona: "Lan".to_owned(),
                    others: vec!["Minh".to_owned()],
                }
            ),
            w(
                7,
                WarningKind::EmptySection {
                    name: "Trống".to_owned()
                }
            ),
            w(
                9,
                WarningKind::ColonInName {
                    name: "Thanh toán: bước 2".to_owned()
                }
            ),
            w(
                10,
                WarningKind::NoScore {
                    text: "tốt".to_owned()
                }
            ),
        ]
    );
    let messages: Vec<String> = made.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages[0],
        "line 5: score 7 is outside Mermaid's 1–5; the emotion curve keeps +2 (score 5)"
    );
    let map = &made.map;
    assert!(validate(map).is_empty(), "{:?}", validate(map));
    assert_eq!(map.title, "Mua hàng online");
    assert_eq!(map.language, "vi");
    assert_eq!(map.persona.name, "Lan");
    let stages: Vec<(&str, usize)> = map
        .stages
        .iter()
        .map(|s| (s.name.as_str(), s.steps.len()))
        .collect();
    assert_eq!(stages, [("Tìm hiểu", 2), ("Trống", 1), ("Mua", 3)]);
    // The curve stays within −2…+2; the step with no number has no point; 4.5 → +1.5.
    let points: Vec<f32> = map.curves[0].points.iter().map(|p| p.score).collect();
    assert_eq!(points, [2.0, -2.0, 0.0, 1.5]);
    // Each task's actors are noted on the actions lane.
    let actions = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Actions)
        .unwrap();
    let noted: Vec<&str> = map
        .cards
        .iter()
        .filter(|c| c.lane == actions.id)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(noted, ["Lan", "Lan, Minh", "Lan", "Lan", "Lan"]);
}

#[test]
fn mermaid_in_from_the_first_journey_block_of_a_markdown_file() {
    let md = "\
# Our journeys

```mermaid
flowchart LR
  A --> B
```

Some text.

```mermaid
journey
  title Checkout
  section Cart
    Add to cart: 4: Me
    Pay: 9: Me
```
";
    let made = from_markdown(md).unwrap();
    assert_eq!(made.map.title, "Checkout");
    assert_eq!(made.map.language, "en");
    assert_eq!(
        made.warnings,
        vec![MermaidWarning {
            line: 15,
            kind: WarningKind::ScoreOutOfRange {
                score: 9.0,
                kept: 2.0
            },
        }]
    );
    assert_eq!(
        from_markdown("# nothing\n"),
        Err(MermaidError::NoJourneyBlock)
    );
    assert!(matches!(
        from_mermaid("flowchart LR\n"),
        Err(MermaidError::NotAJourney { line: 1, .. })
    ));
    assert_eq!(
        from_mermaid("journey\n  title x\n"),
        Err(MermaidError::NoTasks)
    );
}

#[test]
fn export_writes_every_sample_in_every_text_format() {
    let dir = tempfile::tempdir().unwrap();
    for path in common::samples() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        for ext in ["md", "csv", "mmd"] {
            let output = dir.path().join(format!("{stem}.{ext}"));
            let out = journeymap(&[
                "export",
                &path.display().to_string(),
                "-o",
                &output.display().to_string(),
            ]);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let written = std::fs::read_to_string(&output).unwrap();
            let format = TextFormat::from_path(&output).unwrap();
            assert_eq!(written, format.export(&load(&path)), "{stem}.{ext}");
        }
    }
    let out = journeymap(&["export", "samples/b2b-crm.ron", "-o", "/tmp/x.txt"]);
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("name it .md, .csv, .mmd, .svg, .png, .pdf or .pptx")
    );
}

#[test]
fn new_from_a_mermaid_file_writes_the_map_and_prints_the_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("journey.mmd");
    std::fs::write(&source, AWKWARD).unwrap();
    let map_path = dir.path().join("journey.ron");
    let args = [
        "new",
        "--from",
        &source.display().to_string(),
        "-o",
        &map_path.display().to_string(),
    ]
    .map(str::to_owned);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = journeymap(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 6, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}:5: score 7 is outside Mermaid's 1–5",
            source.display()
        )),
        "{stderr}"
    );
    let map = load(&map_path);
    assert_eq!(map.stages.len(), 3);
    // A second run does not overwrite without --force.
    let again = journeymap(&args);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
}

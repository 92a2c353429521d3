//! Customer data in the map file: a map with imported numbers, aliases, targets and measured
//! evidence reads back exactly and saves to the same bytes; maps without data are written as
//! before; repairs are reported; fields this version does not know, deep inside the data, are
//! kept where they were.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use journeymap::file;
use journeymap::model::{
    Card, DataSource, Direction, Evidence, Id, ImportSettings, JourneyMap, Lane, LaneKind,
    MetricKind, MetricSnapshot, MetricValues, PainPoint, PainStatus, Role, Stage, StageMetrics,
    Step, Target, TouchpointMetrics, validate,
};
use proptest::prelude::*;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn id(s: &str) -> Id {
    Id::new(s)
}

fn values(
    customers: u64,
    conversion: Option<f64>,
    csat: Option<f64>,
    nps: Option<f64>,
) -> MetricValues {
    MetricValues {
        events: customers * 3,
        customers,
        conversion_rate: conversion,
        csat,
        csat_answers: u64::from(csat.is_some()) * customers,
        nps,
        nps_answers: u64::from(nps.is_some()) * customers / 2,
    }
}

/// A Vietnamese map with one import of every kind of number, an alias, an ignored value,
/// targets, the saved mapping and a pain point with measured evidence.
fn map_with_data() -> JourneyMap {
    let mut map = JourneyMap::new("Khách hàng thân thiết Zalo");
    map.language = "vi".into();
    map.stages.push(Stage {
        id: id("s1"),
        name: "Tham gia".into(),
        color: None,
        steps: vec![Step {
            id: id("st2"),
            name: String::new(),
        }],
    });
    map.lanes = vec![
        Lane {
            id: id("l3"),
            name: "Điểm chạm".into(),
            kind: LaneKind::Touchpoints,
        },
        Lane {
            id: id("l4"),
            name: "Điểm đau".into(),
            kind: LaneKind::PainPoints,
        },
    ];
    map.cards.push(Card::new(
        id("c5"),
        id("st2"),
        id("l3"),
        "Zalo OA: nhắn tin tư vấn",
    ));
    let mut pain = Card::new(id("c6"), id("st2"), id("l4"), "Chuyển đổi thấp tại Zalo OA");
    pain.pain = Some(PainPoint {
        severity: 4,
        votes: 2,
        evidence: vec![
            Evidence::Text("30% hỏi phí ship".into()),
            Evidence::Measured {
                card: id("c5"),
                metric: MetricKind::ConversionRate,
            },
        ],
        status: PainStatus::Open,
        owner: String::new(),
        anchor: None,
    });
    map.cards.push(pain);
    map.next_id = 7;
    let settings = ImportSettings {
        columns: vec![
            (Role::Customer, "Mã khách hàng".into()),
            (Role::Touchpoint, "Điểm chạm".into()),
            (Role::Csat, "CSAT (1-5)".into()),
        ],
        delimiter: Some(';'),
        encoding: Some("windows-1258".into()),
        month_first: false,
        sheet: None,
        header_row: Some(3),
    };
    map.metrics.snapshots.push(MetricSnapshot {
        source: DataSource {
            file_name: "xuat-crm-q3.csv".into(),
            size: 72_431,
            hash: "9f2c01ab".into(),
            imported: "2026-10-01".into(),
            rows_read: 1204,
            rows_skipped: 3,
        },
        settings: settings.clone(),
        overall: values(812, Some(0.0412), None, None),
        touchpoints: vec![
            TouchpointMetrics {
                value: "Zalo OA".into(),
                card: Some(id("c5")),
                total: values(310, Some(0.031), Some(3.9), Some(-12.5)),
                months: vec![
                    ("2026-08".into(), values(150, Some(0.02), Some(3.5), None)),
                    (
                        "2026-09".into(),
                        values(160, Some(0.0412), Some(4.25), Some(35.0)),
                    ),
                ],
            },
            TouchpointMetrics {
                value: "minigame_vòng_quay".into(),
                card: None,
                total: values(502, None, None, None),
                months: Vec::new(),
            },
        ],
        stages: vec![StageMetrics {
            value: "Tham gia".into(),
            stage: Some(id("s1")),
            customers: 812,
            continuation: Some(0.1 + 0.2),
            months: vec![
                ("2026-09".into(), 400, Some(1.0 / 3.0)),
                ("2026-10".into(), 12, None),
            ],
        }],
    });
    map.metrics.import = Some(settings);
    map.metrics.aliases.push(("zalo_oa".into(), id("c5")));
    map.metrics.ignored.push("test_event".into());
    map.metrics.targets = vec![
        Target {
            subject: id("c5"),
            metric: MetricKind::ConversionRate,
            value: 0.05,
            direction: Direction::Higher,
        },
        Target {
            subject: id("s1"),
            metric: MetricKind::Continuation,
            value: 0.35,
            direction: Direction::Lower,
        },
    ];
    map
}

fn load_text(text: &str) -> file::Loaded {
    file::from_ron_str(text, Path::new("t.ron")).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

#[test]
fn a_map_with_data_reads_back_exactly_and_saves_the_same_bytes() {
    let map = map_with_data();
    assert_eq!(validate(&map), vec![]);
    let text = file::to_ron_string(&map).unwrap();
    for expected in [
        "    metrics: (\n",
        "Measured(\n",
        "metric: conversion_rate,",
        "direction: lower,",
        "(customer, \"Mã khách hàng\")",
        "delimiter: Some(';'),",
        "\"minigame_vòng_quay\"",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from\n{text}");
    }
    // The data comes after the map itself, before nothing else: old readers see it last.
    assert!(text.find("next_id").unwrap() < text.find("metrics:").unwrap());
    let loaded = load_text(&text);
    assert_eq!(loaded.warnings, vec![]);
    assert!(loaded.unknown.is_empty());
    assert_eq!(loaded.map, map);
    assert_eq!(file::to_ron_string(&loaded.map).unwrap(), text);
}

#[test]
fn maps_without_data_are_written_exactly_as_before() {
    for entry in std::fs::read_dir(repo().join("samples")).unwrap() {
        let path = entry.unwrap().path();
        // The maps, not the demo data beside them.
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let loaded = file::load(&path).unwrap();
        assert!(loaded.map.metrics.is_empty());
        let text = file::to_ron_string(&loaded.map).unwrap();
        assert!(!text.contains("metrics:"), "{}", path.display());
        assert_eq!(
            text,
            std::fs::read_to_string(&path).unwrap(),
            "{} is no longer canonical",
            path.display()
        );
    }
}

#[test]
fn a_file_with_broken_data_is_repaired_and_says_so() {
    let mut map = map_with_data();
    map.metrics.snapshots[0].touchpoints[0].total.csat = Some(7.0);
    map.metrics.targets[0].subject = id("c404");
    let text = file::to_ron_string(&map).unwrap();
    let loaded = load_text(&text);
    let messages: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "customer data: the conversion_rate target of c404, which does not exist, was removed",
            "data import 1 \"xuat-crm-q3.csv\": csat 7 of \"Zalo OA\" is out of range 1–5; set to 5",
        ]
    );
    assert_eq!(loaded.map.metrics.targets.len(), 1);
    assert_eq!(validate(&loaded.map), vec![]);
}

/// Inserts `field` as the first entry of the struct that opens after the first match of
/// `after` in `text`.
fn insert_after(text: &str, after: &str, field: &str) -> String {
    let at = text
        .find(after)
        .unwrap_or_else(|| panic!("{after:?} not in\n{text}"))
        + after.len();
    format!("{}{field} {}", &text[..at], &text[at..])
}

#[test]
fn unknown_fields_deep_in_the_data_are_kept_where_they_were() {
    let mut map = map_with_data();
    // A target and a measured evidence that restore drops, in front of ones that hold fields
    // this version does not know: those fields must stay with their own elements.
    map.metrics.targets.insert(
        0,
        Target {
            subject: id("c404"),
            metric: MetricKind::Nps,
            value: 10.0,
            direction: Direction::Higher,
        },
    );
    if let Some(pain) = &mut map.cards[1].pain {
        pain.evidence.insert(
            0,
            Evidence::Measured {
                card: id("c404"),
                metric: MetricKind::Csat,
            },
        );
    }
    let mut text = file::to_ron_string(&map).unwrap();
    for (after, field) in [
        ("    metrics: (", "segment: \"VIP\","),
        (
            "        snapshots: [\n            (",
            "origin: Crm(\"Salesforce\"),",
        ),
        ("            source: (", "rows_total: 1207,"),
        ("                    total: (", "repeat_rate: Some(0.4),"),
        // The values of a month sit inside a tuple: ("2026-09", (...)).
        ("(\"2026-09\", (", "aov: 5.5,"),
        ("        import: Some((", "quote: Some('\"'),"),
        (
            "        targets: [\n            (\n                subject: \"c404\",",
            "note: \"bỏ\",",
        ),
        ("                subject: \"s1\",", "owner: \"Growth\","),
        (
            "Measured(\n                        card: \"c5\",",
            "weight: 2,",
        ),
    ] {
        text = insert_after(&text, after, field);
    }
    let loaded = load_text(&text);
    let paths: Vec<String> = loaded.unknown.iter().map(|u| u.path.clone()).collect();
    assert_eq!(
        paths,
        [
            "cards[c6].pain.evidence[2].weight",
            "metrics.segment",
            "metrics.snapshots[0].origin",
            "metrics.snapshots[0].source.rows_total",
            "metrics.snapshots[0].touchpoints[0].total.repeat_rate",
            "metrics.snapshots[0].touchpoints[0].months[1][1].aov",
            "metrics.import.quote",
            "metrics.targets[0].note",
            "metrics.targets[2].owner",
        ]
        .map(String::from)
    );
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    let saved = file::to_ron_string(&loaded.map).unwrap();
    // The dropped target's field went with it; the others stayed with their elements.
    assert!(!saved.contains("note: \"bỏ\""), "{saved}");
    let back = load_text(&saved);
    assert_eq!(back.warnings, vec![]);
    assert_eq!(back.map, loaded.map);
    // Read again, each field is found in its own element, now that the dropped ones are gone
    // (saving puts them last in their element).
    let mut paths: Vec<String> = back.unknown.iter().map(|u| u.path.clone()).collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "cards[c6].pain.evidence[1].weight",
            "metrics.import.quote",
            "metrics.segment",
            "metrics.snapshots[0].origin",
            "metrics.snapshots[0].source.rows_total",
            "metrics.snapshots[0].touchpoints[0].months[1][1].aov",
            "metrics.snapshots[0].touchpoints[0].total.repeat_rate",
            "metrics.targets[1].owner",
        ]
        .map(String::from)
    );
}

fn arb_values() -> impl Strategy<Value = MetricValues> {
    (
        0u64..10_000,
        proptest::option::of(0.0f64..=1.0),
        proptest::option::of(1.0f64..=5.0),
        proptest::option::of(-100.0f64..=100.0),
        0u64..500,
    )
        .prop_map(
            |(customers, conversion_rate, csat, nps, answers)| MetricValues {
                events: customers * 2,
                customers,
                conversion_rate,
                csat,
                csat_answers: answers,
                nps,
                nps_answers: answers / 2,
            },
        )
}

fn arb_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9 _ăâđêôơưáàảạấầếềốồớờứừíìýỳ\"\\\\;,'😀]{0,16}")
        .unwrap()
        .prop_map(|s| journeymap::model::nfc(&s))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any valid customer data reads back as it was written, and saves to the same bytes.
    #[test]
    fn any_customer_data_round_trips(
        touchpoints in proptest::collection::vec(
            (arb_text(), any::<bool>(), arb_values(), proptest::collection::vec(arb_values(), 0..3)),
            0..5,
        ),
        stages in proptest::collection::vec((arb_text(), 0u64..1000, proptest::option::of(0.0f64..=1.0)), 0..3),
        overall in arb_values(),
        file_name in arb_text(),
        target in proptest::option::of((0.0f64..=1.0, any::<bool>())),
        ignored in proptest::collection::vec(arb_text(), 0..3),
    ) {
        let mut map = map_with_data();
        let snapshot = &mut map.metrics.snapshots[0];
        snapshot.source.file_name = file_name;
        snapshot.overall = overall;
        snapshot.touchpoints = touchpoints
            .into_iter()
            .map(|(value, matched, total, months)| TouchpointMetrics {
                value,
                card: matched.then(|| id("c5")),
                total,
                months: months
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (format!("2026-{:02}", i + 1), v))
                    .collect(),
            })
            .collect();
        snapshot.stages = stages
            .into_iter()
            .map(|(value, customers, continuation)| StageMetrics {
                value,
                stage: Some(id("s1")),
                customers,
                continuation,
                months: vec![("2026-01".into(), customers, continuation)],
            })
            .collect();
        if let Some((value, lower)) = target {
            map.metrics.targets[0].value = value;
            map.metrics.targets[0].direction = if lower { Direction::Lower } else { Direction::Higher };
        }
        map.metrics.ignored = ignored;
        prop_assert_eq!(validate(&map), vec![]);
        let text = file::to_ron_string(&map).unwrap();
        let loaded = load_text(&text);
        prop_assert_eq!(&loaded.warnings, &vec![]);
        prop_assert_eq!(&loaded.map, &map);
        prop_assert_eq!(file::to_ron_string(&loaded.map).unwrap(), text);
    }
}

#[test]
fn deleting_an_import_or_a_target_keeps_the_unknown_fields_of_the_others_with_them() {
    use journeymap::edit::{Document, EditCommand};
    let mut map = map_with_data();
    let mut second = map.metrics.snapshots[0].clone();
    second.source.file_name = "xuat-crm-q4.csv".into();
    map.metrics.snapshots.push(second);
    let mut text = file::to_ron_string(&map).unwrap();
    text = insert_after(&text, "file_name: \"xuat-crm-q3.csv\",", "origin: \"q3\",");
    text = insert_after(&text, "file_name: \"xuat-crm-q4.csv\",", "origin: \"q4\",");
    text = insert_after(&text, "subject: \"s1\",", "owner: \"Growth\",");
    let mut doc = Document::new(load_text(&text).map, true);
    doc.apply(EditCommand::DeleteMetricSnapshot { index: 0 })
        .unwrap();
    doc.apply(EditCommand::RemoveTarget {
        subject: id("c5"),
        metric: MetricKind::ConversionRate,
    })
    .unwrap();
    let saved = file::to_ron_string(doc.map()).unwrap();
    assert!(!saved.contains("origin: \"q3\""), "{saved}");
    let back = load_text(&saved);
    let mut paths: Vec<String> = back.unknown.iter().map(|u| u.path.clone()).collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "metrics.snapshots[0].source.origin",
            "metrics.targets[0].owner"
        ]
    );
    let q4 = saved.find("\"xuat-crm-q4.csv\"").unwrap();
    assert!(saved[q4..].contains("origin: \"q4\""));
    assert_eq!(back.map, *doc.map());
}

//! Each rule of [`super`] pinned on small hand-made snapshots.

#![allow(clippy::unwrap_used, clippy::float_cmp)]

use super::*;
use crate::model::testing::{lane, one_step_stage};
use crate::model::{Card, DataSource, EmotionPoint, LaneKind, StageMetrics, Target};

fn id(s: &str) -> Id {
    Id::new(s)
}

fn values(customers: u64, conversion: Option<f64>, csat: Option<(f64, u64)>) -> MetricValues {
    MetricValues {
        events: customers * 2,
        customers,
        conversion_rate: conversion,
        csat: csat.map(|(c, _)| c),
        csat_answers: csat.map_or(0, |(_, n)| n),
        nps: None,
        nps_answers: 0,
    }
}

fn touchpoint(value: &str, card: Option<&str>, total: MetricValues) -> TouchpointMetrics {
    TouchpointMetrics {
        value: value.into(),
        card: card.map(id),
        total,
        months: Vec::new(),
    }
}

fn stage(value: &str, stage: &str, customers: u64, continuation: Option<f64>) -> StageMetrics {
    StageMetrics {
        value: value.into(),
        stage: Some(id(stage)),
        customers,
        continuation,
        months: Vec::new(),
    }
}

/// Two stages (s1 with step st2, s3 with step st4); touchpoint cards Zalo OA (c8) and Website
/// (c9) in st2, Cửa hàng (c10) in st4; an assumed curve; two imports.
fn map() -> JourneyMap {
    let mut map = JourneyMap::new("t");
    for (stage_id, name, step) in [("s1", "Nhận biết", "st2"), ("s3", "Mua hàng", "st4")] {
        map.stages.push(one_step_stage(stage_id, name, step));
    }
    map.lanes = vec![
        lane("l5", "Điểm chạm", LaneKind::Touchpoints),
        lane("l6", "Cảm xúc", LaneKind::Emotions),
    ];
    map.cards = vec![
        Card::new(id("c8"), id("st2"), id("l5"), "Zalo OA"),
        Card::new(id("c9"), id("st2"), id("l5"), "Website"),
        Card::new(id("c10"), id("st4"), id("l5"), "Cửa hàng"),
    ];
    map.curves.push(EmotionCurve {
        id: id("cv11"),
        name: "Giả định".into(),
        color: crate::model::ColorToken::Blue,
        points: vec![
            EmotionPoint {
                step: id("st2"),
                score: 1.0,
                emoji: None,
                note: String::new(),
            },
            EmotionPoint {
                step: id("st4"),
                score: 1.0,
                emoji: None,
                note: String::new(),
            },
        ],
        hidden: false,
    });
    map.next_id = 12;

    let mut older = MetricSnapshot {
        source: DataSource {
            file_name: "q1.csv".into(),
            ..DataSource::default()
        },
        overall: values(300, Some(0.05), None),
        ..MetricSnapshot::default()
    };
    let mut website = touchpoint(
        "Website",
        Some("c9"),
        values(80, Some(0.04), Some((4.0, 10))),
    );
    website.months = vec![
        ("2026-01".into(), values(40, Some(0.03), None)),
        ("2026-02".into(), values(40, Some(0.05), None)),
    ];
    // Unmatched then: its value still finds it as the card's previous number.
    older.touchpoints = vec![
        website,
        touchpoint("zalo oa", None, values(40, Some(0.02), None)),
    ];
    older.stages = vec![
        stage("Nhận biết", "s1", 150, Some(0.3)),
        stage("Mua hàng", "s3", 45, None),
    ];

    let mut latest = MetricSnapshot {
        overall: values(400, Some(0.04), None),
        ..MetricSnapshot::default()
    };
    let mut website = touchpoint(
        "Website",
        Some("c9"),
        values(100, Some(0.06), Some((2.0, 30))),
    );
    website.months = vec![
        ("2026-02".into(), values(50, Some(0.07), None)),
        ("2026-03".into(), values(50, Some(0.05), None)),
    ];
    latest.touchpoints = vec![
        website,
        touchpoint(
            "Zalo OA",
            Some("c8"),
            values(50, Some(0.031), Some((5.0, 10))),
        ),
        touchpoint("Cửa hàng", Some("c10"), values(20, None, Some((4.5, 0)))),
    ];
    latest.stages = vec![
        stage("Nhận biết", "s1", 200, Some(0.4)),
        stage("Mua hàng", "s3", 80, None),
    ];
    map.metrics.snapshots = vec![older, latest];
    map.metrics.targets = vec![
        Target {
            subject: id("c9"),
            metric: MetricKind::ConversionRate,
            value: 0.05,
            direction: Direction::Higher,
        },
        Target {
            subject: id("s1"),
            metric: MetricKind::Continuation,
            value: 0.5,
            direction: Direction::Higher,
        },
    ];
    map
}

#[test]
fn a_reading_has_the_latest_value_its_change_and_its_target() {
    let map = map();
    let r = card_reading(&map, &id("c9"), MetricKind::ConversionRate).unwrap();
    assert_eq!(r.value, 0.06);
    assert_eq!(r.previous, Some(0.04));
    assert!((r.change().unwrap() - 0.02).abs() < 1e-12);
    assert_eq!(r.target, Some((0.05, Direction::Higher)));
    assert!(!r.flagged, "6 % reaches a 5 % target");
    let customers = card_reading(&map, &id("c9"), MetricKind::Customers).unwrap();
    assert_eq!((customers.value, customers.previous), (100.0, Some(80.0)));
}

#[test]
fn the_previous_value_is_found_by_value_when_it_was_unmatched() {
    let map = map();
    let r = card_reading(&map, &id("c8"), MetricKind::ConversionRate).unwrap();
    assert_eq!((r.value, r.previous), (0.031, Some(0.02)));
    // No CSAT in the older import.
    let csat = card_reading(&map, &id("c8"), MetricKind::Csat).unwrap();
    assert_eq!((csat.value, csat.previous), (5.0, None));
    let badges: Vec<MetricKind> = card_readings(&map, &id("c10"))
        .iter()
        .map(|r| r.metric)
        .collect();
    assert_eq!(badges, [MetricKind::Customers, MetricKind::Csat]);
}

#[test]
fn flags_are_missed_targets_or_conversion_below_the_overall_rate() {
    let mut map = map();
    let all = flags(&map);
    let reasons: Vec<(&str, MetricKind, FlagReason)> = all
        .iter()
        .map(|f| (f.subject.as_str(), f.metric, f.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            // 3.1 % converts below the overall 4 %, and Zalo OA has no target.
            (
                "c8",
                MetricKind::ConversionRate,
                FlagReason::BelowOverall { overall: 0.04 }
            ),
            // 40 % of Nhận biết go on, against a 50 % target.
            (
                "s1",
                MetricKind::Continuation,
                FlagReason::MissesTarget { target: 0.5 }
            ),
        ]
    );
    assert_eq!(all[0].value, 0.031);
    // A target replaces the overall-rate rule, and "lower is better" flips the test.
    map.metrics.targets.push(Target {
        subject: id("c8"),
        metric: MetricKind::ConversionRate,
        value: 0.03,
        direction: Direction::Higher,
    });
    map.metrics.targets.push(Target {
        subject: id("c9"),
        metric: MetricKind::Csat,
        value: 1.5,
        direction: Direction::Lower,
    });
    let flagged: Vec<(String, MetricKind)> = flags(&map)
        .iter()
        .map(|f| (f.subject.to_string(), f.metric))
        .collect();
    assert_eq!(
        flagged,
        [
            ("c9".to_owned(), MetricKind::Csat),
            ("s1".to_owned(), MetricKind::Continuation)
        ]
    );
}

#[test]
fn heat_scales_the_latest_values_between_lowest_and_highest() {
    let map = map();
    let heat = heat(&map, MetricKind::Csat);
    let of = |card: &str| heat.iter().find(|(c, _)| c.as_str() == card).unwrap().1;
    assert_eq!(of("c8"), 1.0);
    assert_eq!(of("c9"), 0.0);
    assert!((of("c10") - 2.5 / 3.0).abs() < 1e-12);
    // Conversion: c10 has none and is left out; two values give 0 and 1.
    let conversion = super::heat(&map, MetricKind::ConversionRate);
    assert_eq!(conversion.len(), 2);
}

#[test]
fn trends_run_over_every_import_and_the_newer_month_wins() {
    let map = map();
    assert_eq!(
        trend(&map, &id("c9"), MetricKind::ConversionRate),
        [
            ("2026-01".to_owned(), 0.03),
            ("2026-02".to_owned(), 0.07),
            ("2026-03".to_owned(), 0.05),
        ]
    );
    assert!(trend(&map, &id("c8"), MetricKind::ConversionRate).is_empty());
}

#[test]
fn the_funnel_gives_reach_and_drop_off_per_stage() {
    let map = map();
    let funnel = funnel(&map);
    let rows: Vec<(u64, f64, Option<f64>)> = funnel
        .iter()
        .map(|s| (s.customers, s.reach, s.drop_off))
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].0, rows[0].1), (200, 1.0));
    assert!((rows[0].2.unwrap() - 0.6).abs() < 1e-12);
    assert_eq!((rows[1].0, rows[1].1, rows[1].2), (80, 0.4, None));
    let r = stage_reading(&map, &id("s1"), MetricKind::Continuation).unwrap();
    assert_eq!((r.value, r.previous, r.flagged), (0.4, Some(0.3), true));
}

#[test]
fn csat_maps_to_the_emotion_scale() {
    let scores: Vec<f32> = [1.0, 2.0, 3.0, 4.0, 5.0]
        .into_iter()
        .map(csat_to_score)
        .collect();
    assert_eq!(scores, [-2.0, -1.0, 0.0, 1.0, 2.0]);
    assert_eq!(csat_to_score(3.5), 0.5);
}

#[test]
fn the_measured_curve_is_the_answer_weighted_mean_per_step() {
    let map = map();
    let measured = measured_curve(&map);
    // st2: Zalo OA 5.0 × 10 answers, Website 2.0 × 30 → 110 / 40 = 2.75 → −0.25.
    // st4: Cửa hàng 4.5 with no answer count → 4.5 → +1.5.
    let points: Vec<(&str, f32, u64)> = measured
        .iter()
        .map(|p| (p.step.as_str(), p.score, p.answers))
        .collect();
    assert_eq!(points, [("st2", -0.25, 40), ("st4", 1.5, 0)]);
    // Assumed +1 at both: st2 differs by 1.25 (highlighted), st4 by 0.5 (not).
    let curve = map.curve(&id("cv11")).unwrap();
    assert_eq!(divergent_steps(&measured, curve), [id("st2")]);
}

#[test]
fn several_values_of_one_card_are_combined() {
    let mut map = map();
    let latest = map.metrics.snapshots.last_mut().unwrap();
    latest.touchpoints.push(touchpoint(
        "zalo_oa",
        Some("c8"),
        values(150, Some(0.051), Some((3.0, 30))),
    ));
    let (now, _) = card_values(&map, &id("c8")).unwrap();
    assert_eq!((now.customers, now.events), (200, 400));
    // Conversion weighted by customers, CSAT by answers.
    assert!((now.conversion_rate.unwrap() - (0.031 * 50.0 + 0.051 * 150.0) / 200.0).abs() < 1e-12);
    assert!((now.csat.unwrap() - (5.0 * 10.0 + 3.0 * 30.0) / 40.0).abs() < 1e-12);
    assert_eq!(now.csat_answers, 40);
}

#[test]
fn values_read_as_people_write_them() {
    assert_eq!(
        format_value(MetricKind::ConversionRate, 0.031, false),
        "3.1 %"
    );
    assert_eq!(format_value(MetricKind::ConversionRate, 0.05, false), "5 %");
    assert_eq!(
        format_value(MetricKind::ConversionRate, 0.031, true),
        "3,1 %"
    );
    assert_eq!(format_value(MetricKind::Csat, 4.25, false), "4.2");
    assert_eq!(format_value(MetricKind::Nps, 35.0, false), "+35");
    assert_eq!(format_value(MetricKind::Nps, -12.4, false), "−12");
    assert_eq!(format_value(MetricKind::Customers, 1234.0, false), "1234");
}

#[test]
fn measured_evidence_names_value_target_and_card() {
    let map = map();
    assert_eq!(
        measured_text(&map, &id("c9"), MetricKind::ConversionRate),
        "Conversion 6 % (target 5 %) — Website"
    );
    assert_eq!(
        measured_text(&map, &id("c8"), MetricKind::ConversionRate),
        "Conversion 3.1 % (overall 4 %) — Zalo OA"
    );
    assert_eq!(
        measured_text(&map, &id("c8"), MetricKind::Nps),
        "NPS: no data — Zalo OA"
    );
    assert_eq!(
        measured_text(&map, &id("c99"), MetricKind::Csat),
        "CSAT: no data — c99"
    );
}

#[test]
fn no_data_means_no_readings_no_flags_and_no_curve() {
    let mut map = map();
    map.metrics.snapshots.clear();
    assert!(card_reading(&map, &id("c9"), MetricKind::ConversionRate).is_none());
    assert!(flags(&map).is_empty());
    assert!(heat(&map, MetricKind::Csat).is_empty());
    assert!(funnel(&map).is_empty());
    assert!(measured_curve(&map).is_empty());
}

#[test]
fn a_change_is_good_in_the_direction_of_its_target() {
    let map = map();
    // Website's conversion rose from 4 % to 6 %: good, higher being better.
    let rate = card_reading(&map, &id("c9"), MetricKind::ConversionRate).unwrap();
    assert_eq!(change_is_good(&rate), Some(true));
    // CSAT fell from 4 to 2: bad.
    let csat = card_reading(&map, &id("c9"), MetricKind::Csat).unwrap();
    assert_eq!(change_is_good(&csat), Some(false));
    // With a "lower is better" target the same rise is bad.
    let lower = Reading {
        target: Some((0.05, Direction::Lower)),
        ..rate.clone()
    };
    assert_eq!(change_is_good(&lower), Some(false));
    // No previous import: neither.
    let cafe = card_reading(&map, &id("c10"), MetricKind::Csat).unwrap();
    assert_eq!(change_is_good(&cafe), None);
}

#[test]
fn changes_read_with_an_arrow_and_rates_in_points() {
    assert_eq!(format_change(MetricKind::ConversionRate, 0.02, false), "▲2");
    assert_eq!(
        format_change(MetricKind::ConversionRate, -0.031, true),
        "▼3,1"
    );
    assert_eq!(format_change(MetricKind::Csat, -2.0, false), "▼2.0");
    assert_eq!(format_change(MetricKind::Customers, 20.0, false), "▲20");
    assert_eq!(format_change(MetricKind::Nps, 0.0, false), "=0");
}

#[test]
fn a_pain_point_made_from_a_metric_is_found_by_its_evidence() {
    let mut map = map();
    assert!(pain_from_metric(&map, &id("c9"), MetricKind::ConversionRate).is_none());
    let mut pain = Card::new(id("c20"), id("st2"), id("l5"), "Website converts badly");
    pain.pain = Some(crate::model::PainPoint {
        evidence: vec![crate::model::Evidence::Measured {
            card: id("c9"),
            metric: MetricKind::ConversionRate,
        }],
        severity: 3,
        votes: 0,
        status: crate::model::PainStatus::Open,
        owner: String::new(),
        anchor: None,
    });
    map.cards.push(pain);
    assert_eq!(
        pain_from_metric(&map, &id("c9"), MetricKind::ConversionRate).map(|c| c.id.clone()),
        Some(id("c20"))
    );
    // Another metric of the same card has none.
    assert!(pain_from_metric(&map, &id("c9"), MetricKind::Csat).is_none());
    // The previous import's date: the older snapshot's.
    map.metrics.snapshots[0].source.imported = "2026-09-01".into();
    assert_eq!(previous_import_date(&map), Some("2026-09-01"));
}

//! The customer-data commands: each undoable, tidy, and never leaving a link dangling.

#![allow(clippy::unwrap_used)]

use super::super::{Document, EditCommand, EditError, make};
use crate::model::testing::{lane, one_step_stage};
use crate::model::{
    Card, DataSource, Direction, Evidence, Id, ImportSettings, JourneyMap, LaneKind, MetricKind,
    MetricSnapshot, MetricValues, PainAnchor, Role, StageMetrics, Target, TouchpointMetrics,
    validate,
};

fn id(s: &str) -> Id {
    Id::new(s)
}

/// Stages s1 (st2) and s3 (st4); a touchpoint lane l5 with Zalo OA (c7, st2) and Website
/// (c8, st4); a pain-point lane l6.
fn map() -> JourneyMap {
    let mut map = JourneyMap::new("t");
    for (stage, name, step) in [("s1", "Nhận biết", "st2"), ("s3", "Mua", "st4")] {
        map.stages.push(one_step_stage(stage, name, step));
    }
    map.lanes = vec![
        lane("l5", "Điểm chạm", LaneKind::Touchpoints),
        lane("l6", "Điểm đau", LaneKind::PainPoints),
    ];
    map.cards = vec![
        Card::new(id("c7"), id("st2"), id("l5"), "Zalo OA"),
        Card::new(id("c8"), id("st4"), id("l5"), "Website"),
    ];
    map.next_id = 9;
    map
}

fn snapshot() -> MetricSnapshot {
    let touchpoint = |value: &str, card: Option<&str>| TouchpointMetrics {
        value: value.into(),
        card: card.map(id),
        total: MetricValues {
            customers: 10,
            conversion_rate: Some(0.2),
            ..MetricValues::default()
        },
        months: Vec::new(),
    };
    MetricSnapshot {
        source: DataSource {
            file_name: "khách-hàng.csv".into(),
            imported: "2026-11-30".into(),
            ..DataSource::default()
        },
        settings: ImportSettings {
            columns: vec![(Role::Customer, "Mã khách hàng".into())],
            ..ImportSettings::default()
        },
        touchpoints: vec![
            touchpoint("Zalo OA", Some("c7")),
            touchpoint("web_checkout", None),
        ],
        stages: vec![StageMetrics {
            value: "Mua".into(),
            stage: Some(id("s3")),
            customers: 10,
            continuation: None,
            months: Vec::new(),
        }],
        ..MetricSnapshot::default()
    }
}

/// Applies `command`, checks the map stays valid and that undo and redo are exact.
fn check_undoable(doc: &mut Document, command: EditCommand) {
    let before = doc.map().clone();
    let label = command.label_key();
    doc.apply(command).unwrap();
    doc.seal();
    let after = doc.map().clone();
    assert_eq!(validate(&after), vec![], "{label}");
    assert_ne!(before, after, "{label} changed nothing");
    assert_eq!(doc.undo_label(), Some(label));
    assert!(doc.undo());
    assert_eq!(doc.map(), &before, "undo of {label}");
    assert!(doc.redo());
    assert_eq!(doc.map(), &after, "redo of {label}");
}

fn with_data() -> Document {
    let mut doc = Document::new(map(), true);
    doc.apply(EditCommand::AddMetricSnapshot(Box::new(snapshot())))
        .unwrap();
    doc
}

#[test]
fn every_data_command_is_valid_and_undoable() {
    let mut doc = Document::new(map(), true);
    let commands = [
        EditCommand::AddMetricSnapshot(Box::new(snapshot())),
        EditCommand::SetAlias {
            value: "web_checkout".into(),
            card: id("c8"),
        },
        EditCommand::SetIgnored {
            value: "test_event".into(),
            ignored: true,
        },
        EditCommand::SetTarget(Target {
            subject: id("c7"),
            metric: MetricKind::ConversionRate,
            value: 0.05,
            direction: Direction::Higher,
        }),
        EditCommand::RemoveTarget {
            subject: id("c7"),
            metric: MetricKind::ConversionRate,
        },
        EditCommand::SetIgnored {
            value: "TEST_EVENT".into(),
            ignored: false,
        },
        EditCommand::RemoveAlias {
            value: "web_checkout".into(),
        },
        EditCommand::SetImportSettings(None),
        EditCommand::AddMetricSnapshot(Box::new(snapshot())),
        EditCommand::DeleteMetricSnapshot { index: 0 },
    ];
    for command in commands {
        check_undoable(&mut doc, command);
    }
    assert_eq!(doc.map().metrics.snapshots.len(), 1);
}

#[test]
fn an_added_snapshot_is_tidied_and_its_mapping_kept_for_the_next_import() {
    let mut doc = Document::new(map(), true);
    let mut data = snapshot();
    data.touchpoints[1].value = "Ca\u{0300} phe\u{0302}\u{7}".into();
    data.touchpoints[1].total.csat = Some(9.0);
    data.touchpoints[0].card = Some(id("c404"));
    doc.apply(EditCommand::AddMetricSnapshot(Box::new(data)))
        .unwrap();
    let metrics = &doc.map().metrics;
    let added = &metrics.snapshots[0];
    assert_eq!(added.touchpoints[1].value, "Cà phê");
    assert_eq!(added.touchpoints[1].total.csat, Some(5.0));
    assert_eq!(
        added.touchpoints[0].card, None,
        "no link to a card that is not there"
    );
    assert_eq!(metrics.import.as_ref(), Some(&added.settings));
    assert_eq!(
        metrics.import.as_ref().unwrap().columns[0].1,
        "Mã khách hàng"
    );
}

#[test]
fn an_alias_ties_every_import_of_the_value_to_the_card_and_removing_it_rematches() {
    let mut doc = with_data();
    doc.apply(EditCommand::AddMetricSnapshot(Box::new(snapshot())))
        .unwrap();
    doc.apply(EditCommand::SetIgnored {
        value: "web_checkout".into(),
        ignored: true,
    })
    .unwrap();
    doc.apply(EditCommand::SetAlias {
        value: " WEB_checkout".into(),
        card: id("c8"),
    })
    .unwrap();
    let metrics = &doc.map().metrics;
    assert_eq!(metrics.aliases, [(" WEB_checkout".to_owned(), id("c8"))]);
    assert!(
        metrics.ignored.is_empty(),
        "an assigned value is no longer ignored"
    );
    for s in &metrics.snapshots {
        assert_eq!(s.touchpoints[1].card, Some(id("c8")));
    }
    // A second alias for the same value replaces the first.
    doc.apply(EditCommand::SetAlias {
        value: "web_checkout".into(),
        card: id("c7"),
    })
    .unwrap();
    assert_eq!(
        doc.map().metrics.aliases,
        [("web_checkout".to_owned(), id("c7"))]
    );
    doc.apply(EditCommand::RemoveAlias {
        value: "web_checkout".into(),
    })
    .unwrap();
    let metrics = &doc.map().metrics;
    assert!(metrics.aliases.is_empty());
    assert!(
        metrics
            .snapshots
            .iter()
            .all(|s| s.touchpoints[1].card.is_none())
    );
    assert_eq!(
        doc.apply(EditCommand::SetAlias {
            value: "x".into(),
            card: id("c404"),
        }),
        Err(EditError::Missing(id("c404")))
    );
}

#[test]
fn targets_are_clamped_replaced_and_refused_when_they_make_no_sense() {
    let mut doc = with_data();
    let target = |value| {
        EditCommand::SetTarget(Target {
            subject: id("s3"),
            metric: MetricKind::Continuation,
            value,
            direction: Direction::Higher,
        })
    };
    doc.apply(target(0.4)).unwrap();
    doc.apply(target(1.8)).unwrap();
    let targets = &doc.map().metrics.targets;
    assert_eq!(targets.len(), 1);
    assert!((targets[0].value - 1.0).abs() < f64::EPSILON);
    // Typing a target is one undo step.
    assert_eq!(doc.undo_depth(), 2);
    assert!(doc.apply(target(f64::NAN)).is_err());
    let missing = EditCommand::SetTarget(Target {
        subject: id("st2"),
        metric: MetricKind::Csat,
        value: 4.0,
        direction: Direction::Higher,
    });
    assert_eq!(doc.apply(missing), Err(EditError::Missing(id("st2"))));
    assert!(
        doc.apply(EditCommand::DeleteMetricSnapshot { index: 5 })
            .is_err()
    );
}

#[test]
fn deleting_cards_and_stages_leaves_no_dangling_data_link() {
    let mut doc = with_data();
    for command in [
        EditCommand::SetAlias {
            value: "web_checkout".into(),
            card: id("c7"),
        },
        EditCommand::SetTarget(Target {
            subject: id("c7"),
            metric: MetricKind::ConversionRate,
            value: 0.3,
            direction: Direction::Higher,
        }),
        EditCommand::SetTarget(Target {
            subject: id("s3"),
            metric: MetricKind::Customers,
            value: 100.0,
            direction: Direction::Higher,
        }),
    ] {
        doc.apply(command).unwrap();
    }
    let add = make::add_pain_from_metric(
        doc.map(),
        &id("c7"),
        MetricKind::ConversionRate,
        "Chuyển đổi thấp tại Zalo OA".into(),
    )
    .unwrap();
    doc.apply(add).unwrap();
    let before = doc.map().clone();
    doc.apply(EditCommand::DeleteCards {
        ids: vec![id("c7")],
    })
    .unwrap();
    let map = doc.map();
    assert_eq!(validate(map), vec![]);
    assert!(map.metrics.aliases.is_empty());
    assert_eq!(map.metrics.targets.len(), 1, "the stage's target stays");
    assert!(
        map.metrics.snapshots[0]
            .touchpoints
            .iter()
            .all(|t| t.card.is_none())
    );
    let pain = map.pain_points().next().unwrap().1;
    assert!(pain.evidence.is_empty(), "{:?}", pain.evidence);
    assert_eq!(pain.anchor, None);

    doc.apply(EditCommand::DeleteStage { id: id("s3") })
        .unwrap();
    let map = doc.map();
    assert_eq!(validate(map), vec![]);
    assert!(map.metrics.targets.is_empty());
    assert_eq!(map.metrics.snapshots[0].stages[0].stage, None);
    // The numbers themselves stay: they are the import's, only unmatched now.
    assert_eq!(map.metrics.snapshots[0].touchpoints.len(), 2);
    assert!(doc.undo() && doc.undo());
    assert_eq!(doc.map(), &before);
}

#[test]
fn a_pain_point_from_a_flagged_metric_links_to_it() {
    let mut doc = with_data();
    let command = make::add_pain_from_metric(
        doc.map(),
        &id("c8"),
        MetricKind::Csat,
        "CSAT chưa đạt mục tiêu tại Website".into(),
    )
    .unwrap();
    assert_eq!(command.label_key(), "cmd-add-measured-pain");
    let applied = doc.apply(command).unwrap();
    let card = doc.map().card(&applied.created[0]).unwrap();
    assert_eq!((card.step.as_str(), card.lane.as_str()), ("st4", "l6"));
    assert_eq!(card.text, "CSAT chưa đạt mục tiêu tại Website");
    let pain = card.pain.as_ref().unwrap();
    assert_eq!(
        pain.evidence,
        [Evidence::Measured {
            card: id("c8"),
            metric: MetricKind::Csat
        }]
    );
    assert_eq!(pain.anchor, Some(PainAnchor::Card(id("c8"))));
    // Without a pain-point lane, or for a card that is gone, there is nothing to add.
    let mut no_lane = map();
    no_lane.lanes.retain(|l| l.kind != LaneKind::PainPoints);
    assert!(
        make::add_pain_from_metric(&no_lane, &id("c8"), MetricKind::Csat, String::new()).is_none()
    );
    assert!(
        make::add_pain_from_metric(&map(), &id("c404"), MetricKind::Csat, String::new()).is_none()
    );
}

#[test]
fn an_import_with_its_aliases_is_one_undo_step_and_all_or_nothing() {
    let mut doc = Document::new(map(), true);
    let batch = EditCommand::Batch(vec![
        EditCommand::AddMetricSnapshot(Box::new(snapshot())),
        EditCommand::SetAlias {
            value: "web_checkout".into(),
            card: id("c8"),
        },
        EditCommand::SetIgnored {
            value: "test_event".into(),
            ignored: true,
        },
    ]);
    assert_eq!(batch.label_key(), "cmd-add-metric-snapshot");
    check_undoable(&mut doc, batch);
    let map = doc.map();
    assert_eq!(doc.undo_depth(), 1);
    assert_eq!(map.metrics.snapshots.len(), 1);
    // The alias applied after the snapshot gives its numbers to the card.
    assert_eq!(
        map.metrics.snapshots[0].touchpoints[1].card.as_ref(),
        Some(&id("c8"))
    );
    assert_eq!(map.metrics.ignored, ["test_event"]);
    assert_eq!(
        map.metrics.import.as_ref().map(|s| s.columns.clone()),
        Some(vec![(Role::Customer, "Mã khách hàng".to_owned())])
    );

    // One refused command (an alias to a card that is not there) applies none of them.
    let before = doc.map().clone();
    let refused = EditCommand::Batch(vec![
        EditCommand::AddMetricSnapshot(Box::new(snapshot())),
        EditCommand::SetAlias {
            value: "web_checkout".into(),
            card: id("c99"),
        },
    ]);
    assert!(matches!(doc.apply(refused), Err(EditError::Missing(_))));
    assert_eq!(doc.map(), &before);
    assert_eq!(doc.undo_depth(), 1);
    assert_eq!(EditCommand::Batch(Vec::new()).label_key(), "cmd-batch");
}

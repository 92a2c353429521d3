use super::*;
use crate::model::synth::{SynthSize, synth_map};
use crate::model::{EmotionPoint, PainPoint, template, validate};

fn sample() -> JourneyMap {
    synth_map(SynthSize {
        stages: 3,
        steps: 5,
        lanes: 7,
        cards: 40,
    })
}

fn cells(map: &JourneyMap) -> Vec<(Id, Id)> {
    let mut out = Vec::new();
    for (_, step) in map.steps() {
        for lane in map.lanes.iter().filter(|l| l.kind.holds_cards()) {
            out.push((step.id.clone(), lane.id.clone()));
        }
    }
    out
}

/// Applies a command, checks the map stays valid, and that undo and redo give back exactly
/// the maps before and after.
fn check_undoable(doc: &mut Document, command: &EditCommand) -> Applied {
    let before = doc.map().clone();
    let applied = doc
        .apply(command.clone())
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    doc.seal();
    let after = doc.map().clone();
    assert_eq!(validate(&after), vec![], "{command:?}");
    assert_ne!(before, after, "{command:?} changed nothing");
    assert!(doc.undo());
    assert_eq!(doc.map(), &before, "undo of {command:?}");
    assert!(doc.redo());
    assert_eq!(doc.map(), &after, "redo of {command:?}");
    applied
}

#[test]
fn every_command_is_valid_and_undoable() {
    let mut doc = Document::new(sample(), true);
    let map = doc.map().clone();
    let stage = map.stages[1].id.clone();
    let step = map.stages[1].steps[0].id.clone();
    let lane = map.lanes[0].id.clone();
    let card = map.cards[0].clone();
    let commands = vec![
        EditCommand::SetMapInfo(MapInfo {
            title: "Tiêu đề mới".into(),
            ..MapInfo::of(&map)
        }),
        EditCommand::SetPersona(Persona {
            name: "Minh".into(),
            ..Persona::default()
        }),
        EditCommand::AddStage {
            index: 1,
            name: "Mới".into(),
        },
        EditCommand::SetStage {
            id: stage.clone(),
            name: "Đổi tên".into(),
            color: Some(ColorToken::Red),
        },
        EditCommand::MoveStage {
            id: stage.clone(),
            to: 0,
        },
        EditCommand::AddStep {
            stage: stage.clone(),
            index: 1,
            name: "Bước".into(),
        },
        EditCommand::RenameStep {
            id: step.clone(),
            name: "Bước một".into(),
        },
        EditCommand::AddLane {
            index: 2,
            kind: LaneKind::Metrics,
            name: "KPI".into(),
        },
        EditCommand::SetLane {
            id: lane.clone(),
            name: "Kênh".into(),
            kind: LaneKind::Touchpoints,
        },
        EditCommand::MoveLane {
            id: lane.clone(),
            to: 3,
        },
        EditCommand::AddCard {
            step: step.clone(),
            lane: lane.clone(),
            index: Some(0),
            text: "Thẻ mới".into(),
        },
        EditCommand::SetCard(Card {
            text: "Sửa".into(),
            color: Some(ColorToken::Pink),
            ..card.clone()
        }),
        EditCommand::MoveCards {
            ids: vec![card.id.clone()],
            step: step.clone(),
            lane: lane.clone(),
            index: 0,
        },
        EditCommand::InsertCards {
            same_map: true,
            cards: vec![card.clone(), map.cards[1].clone()],
            step: step.clone(),
            lane: lane.clone(),
            index: None,
        },
        EditCommand::DeleteCards {
            ids: vec![map.cards[2].id.clone(), map.cards[3].id.clone()],
        },
        EditCommand::DeleteStep { id: step.clone() },
        EditCommand::DeleteLane { id: lane.clone() },
        EditCommand::DeleteStage { id: stage },
    ];
    for command in commands {
        check_undoable(&mut doc, &command);
    }
}

#[test]
fn typing_burst_is_one_undo_step() {
    let mut doc = Document::new(sample(), true);
    let original = doc.map().clone();
    let mut card = original.cards[0].clone();
    for text in ["N", "Nh", "Nhậ", "Nhận"] {
        card.text = text.into();
        doc.apply(EditCommand::SetCard(card.clone())).unwrap();
    }
    doc.seal();
    assert_eq!(doc.map().cards[0].text, "Nhận");
    assert!(
        doc.history_bytes() < approx_bytes(&original) / 10,
        "typing into a card keeps that card alone: {} bytes of {}",
        doc.history_bytes(),
        approx_bytes(&original)
    );
    assert!(doc.undo());
    assert_eq!(doc.map(), &original);
    assert!(!doc.undo());
    assert!(doc.redo());
    assert_eq!(doc.map().cards[0].text, "Nhận");
}

#[test]
fn a_card_edit_that_changes_its_pain_point_keeps_the_whole_map_for_undo() {
    let map = sample();
    let (opp, pain) = {
        let opp = map
            .cards
            .iter()
            .find(|c| {
                c.opportunity
                    .as_ref()
                    .is_some_and(|o| !o.addresses.is_empty())
            })
            .expect("the sample has an opportunity addressing a pain point");
        let pain = opp.opportunity.as_ref().map(|o| o.addresses[0].clone());
        (opp.id.clone(), pain.expect("an address"))
    };
    let mut doc = Document::new(map.clone(), true);
    // Typing into the pain point keeps its links; taking its pain point away unlinks the
    // opportunity, another card: that step keeps the whole map.
    let mut card = doc.map().card(&pain).unwrap().clone();
    card.text = "Chờ lâu".into();
    let typed = EditCommand::SetCard(card.clone());
    assert_eq!(
        typed.changes_only_card(doc.map()),
        doc.map().cards.iter().position(|c| c.id == pain)
    );
    doc.apply(typed).unwrap();
    doc.seal();
    card.pain = None;
    let unpinned = EditCommand::SetCard(card);
    assert_eq!(unpinned.changes_only_card(doc.map()), None);
    doc.apply(unpinned).unwrap();
    let addresses = |doc: &Document| {
        doc.map()
            .card(&opp)
            .and_then(|c| c.opportunity.clone())
            .map(|o| o.addresses)
    };
    assert!(!addresses(&doc).unwrap_or_default().contains(&pain));
    assert!(doc.undo());
    assert!(
        addresses(&doc).unwrap_or_default().contains(&pain),
        "undo links it again"
    );
    assert!(doc.undo());
    assert_eq!(doc.map(), &map);
}

#[test]
fn dirty_flag_follows_undo_back_to_the_saved_state() {
    let mut doc = Document::new(sample(), true);
    assert!(!doc.is_dirty());
    let id = doc.map().stages[0].id.clone();
    doc.apply(EditCommand::SetStage {
        id,
        name: "x".into(),
        color: None,
    })
    .unwrap();
    assert!(doc.is_dirty());
    doc.undo();
    assert!(!doc.is_dirty());
    doc.redo();
    assert!(doc.is_dirty());
    doc.mark_saved();
    assert!(!doc.is_dirty());
    // A command that changes nothing is not a step and does not dirty.
    let same = doc.map().cards[0].clone();
    doc.apply(EditCommand::SetCard(same)).unwrap();
    assert!(!doc.is_dirty());
    assert_eq!(doc.undo_label(), Some("cmd-set-stage"));
}

#[test]
fn moving_any_card_to_any_cell_loses_and_duplicates_nothing() {
    let map = sample();
    for card in map.cards.iter().step_by(7) {
        for (step, lane) in cells(&map) {
            for index in [0, 1, 99] {
                let mut doc = Document::new(map.clone(), true);
                doc.apply(EditCommand::MoveCards {
                    ids: vec![card.id.clone()],
                    step: step.clone(),
                    lane: lane.clone(),
                    index,
                })
                .unwrap();
                let after = doc.map();
                assert_eq!(after.cards.len(), map.cards.len());
                let mut ids: Vec<_> = after.cards.iter().map(|c| c.id.clone()).collect();
                ids.sort();
                ids.dedup();
                assert_eq!(ids.len(), map.cards.len());
                let moved = after.card(&card.id).unwrap();
                assert_eq!((&moved.step, &moved.lane), (&step, &lane));
                let position = after.cards_in(&step, &lane).position(|c| c.id == card.id);
                let cell_len = after.cards_in(&step, &lane).count();
                assert_eq!(position, Some(index.min(cell_len - 1)));
                assert_eq!(validate(after), vec![]);
            }
        }
    }
}

#[test]
fn deleting_a_pain_point_removes_links_to_it() {
    let t = template::find("aida").unwrap();
    let mut doc = Document::new(t.instantiate(template::Lang::En), true);
    let step = doc.map().stages[0].steps[0].id.clone();
    let pain_lane = doc
        .map()
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::PainPoints)
        .unwrap()
        .id
        .clone();
    let pain_id = doc
        .apply(EditCommand::AddCard {
            step: step.clone(),
            lane: pain_lane.clone(),
            index: None,
            text: "Slow".into(),
        })
        .unwrap()
        .created[0]
        .clone();
    let mut pain = doc.map().card(&pain_id).unwrap().clone();
    pain.pain = Some(PainPoint {
        severity: 4,
        votes: 0,
        evidence: vec![],
        status: crate::model::PainStatus::Open,
        owner: String::new(),
        anchor: None,
    });
    doc.apply(EditCommand::SetCard(pain)).unwrap();
    let opp_id = doc
        .apply(EditCommand::AddCard {
            step,
            lane: pain_lane,
            index: None,
            text: "Fix".into(),
        })
        .unwrap()
        .created[0]
        .clone();
    let mut opp = doc.map().card(&opp_id).unwrap().clone();
    opp.opportunity = Some(crate::model::Opportunity {
        impact: 4,
        effort: 2,
        votes: 0,
        addresses: vec![pain_id.clone()],
    });
    doc.apply(EditCommand::SetCard(opp)).unwrap();
    doc.apply(EditCommand::DeleteCards { ids: vec![pain_id] })
        .unwrap();
    let opp = doc.map().card(&opp_id).unwrap();
    assert_eq!(opp.opportunity.as_ref().unwrap().addresses, vec![]);
    assert_eq!(validate(doc.map()), vec![]);
}

#[test]
fn input_is_normalised_to_nfc() {
    let mut doc = Document::new(sample(), true);
    let step = doc.map().stages[0].steps[0].id.clone();
    let lane = doc.map().lanes[0].id.clone();
    let id = doc
        .apply(EditCommand::AddCard {
            step,
            lane,
            index: None,
            text: "Nha\u{0323}\u{0302}n".into(),
        })
        .unwrap()
        .created[0]
        .clone();
    assert_eq!(doc.map().card(&id).unwrap().text, "Nhận");
}

#[test]
fn refusals_leave_the_map_alone() {
    let mut doc = Document::new(sample(), true);
    let before = doc.map().clone();
    assert!(
        doc.apply(EditCommand::DeleteCards {
            ids: vec![Id::new("c999999")]
        })
        .is_err()
    );
    let emotion = before
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Emotions)
        .unwrap()
        .id
        .clone();
    let step = before.stages[0].steps[0].id.clone();
    assert!(
        doc.apply(EditCommand::AddCard {
            step,
            lane: emotion,
            index: None,
            text: "x".into()
        })
        .is_err()
    );
    assert_eq!(doc.map(), &before);
    assert!(!doc.is_dirty());
}

#[test]
fn curve_commands_are_valid_and_undoable() {
    let mut doc = Document::new(sample(), true);
    let map = doc.map().clone();
    let curve = map.curves[0].id.clone();
    let steps: Vec<Id> = map.steps().map(|(_, s)| s.id.clone()).collect();
    let pain = map
        .pain_points()
        .map(|(c, _)| c.clone())
        .next()
        .expect("the sample has pain points");
    let opp = map
        .opportunities()
        .map(|(c, _)| c.id.clone())
        .next()
        .expect("the sample has opportunities");
    let created = check_undoable(
        &mut doc,
        &EditCommand::AddCurve {
            name: "to-be".into(),
            color: ColorToken::Green,
            points: vec![],
        },
    );
    let new_curve = created.created[0].clone();
    let commands = vec![
        EditCommand::SetCurve {
            id: new_curve.clone(),
            name: "Mong muốn".into(),
            color: ColorToken::Teal,
            hidden: true,
        },
        EditCommand::SetPoint {
            curve: new_curve.clone(),
            point: EmotionPoint {
                step: pain.step.clone(),
                score: 1.5,
                emoji: Some("🤩".into()),
                note: "Vui".into(),
            },
        },
        EditCommand::SetPoint {
            curve: new_curve.clone(),
            point: EmotionPoint {
                step: steps[0].clone(),
                score: -7.0,
                emoji: None,
                note: String::new(),
            },
        },
        EditCommand::SetCard(Card {
            pain: pain.pain.clone().map(|p| crate::model::PainPoint {
                // Pins stay within the pain point's own step.
                anchor: Some(crate::model::PainAnchor::Point {
                    curve: new_curve.clone(),
                    step: pain.step.clone(),
                }),
                ..p
            }),
            ..pain.clone()
        }),
        EditCommand::Vote {
            card: pain.id.clone(),
            delta: 1,
        },
        EditCommand::Vote {
            card: opp.clone(),
            delta: 2,
        },
        EditCommand::Vote {
            card: opp.clone(),
            delta: -1,
        },
        EditCommand::MarkReviewed(jiff::civil::date(2026, 11, 27)),
        EditCommand::DeletePoint {
            curve: curve.clone(),
            step: map.curves[0].points[0].step.clone(),
        },
    ];
    for command in commands {
        check_undoable(&mut doc, &command);
    }
    let points = &doc.map().curve(&new_curve).unwrap().points;
    assert_eq!(points.len(), 2);
    assert_eq!(points[0].step, steps[0], "points stay in step order");
    assert!(
        (points[0].score - -2.0).abs() < f32::EPSILON,
        "scores are clamped"
    );
    // Deleting the pinned point unpins the pain point but keeps it.
    check_undoable(
        &mut doc,
        &EditCommand::DeletePoint {
            curve: new_curve.clone(),
            step: pain.step.clone(),
        },
    );
    let kept = doc.map().card(&pain.id).unwrap().pain.clone().unwrap();
    assert_eq!(kept.anchor, None);
    check_undoable(&mut doc, &EditCommand::DeleteCurve { id: new_curve });
}

#[test]
fn votes_never_go_below_zero_and_plain_cards_refuse_them() {
    let mut doc = Document::new(sample(), true);
    let pain = doc.map().pain_points().next().unwrap().0.id.clone();
    doc.apply(EditCommand::Vote {
        card: pain.clone(),
        delta: -100,
    })
    .unwrap();
    assert_eq!(
        doc.map().card(&pain).unwrap().pain.as_ref().unwrap().votes,
        0
    );
    let plain = doc
        .map()
        .cards
        .iter()
        .find(|c| c.pain.is_none() && c.opportunity.is_none())
        .unwrap()
        .id
        .clone();
    let before = doc.map().clone();
    assert!(
        doc.apply(EditCommand::Vote {
            card: plain,
            delta: 1
        })
        .is_err()
    );
    assert_eq!(doc.map(), &before);
}

#[test]
fn a_card_anchor_follows_the_card_and_drops_when_it_goes() {
    let mut doc = Document::new(sample(), true);
    let map = doc.map().clone();
    let (pain, _) = map.pain_points().next().unwrap();
    let target = map
        .cards
        .iter()
        .find(|c| c.pain.is_none() && c.id != pain.id)
        .unwrap()
        .id
        .clone();
    let mut pinned = pain.clone();
    if let Some(p) = &mut pinned.pain {
        p.anchor = Some(crate::model::PainAnchor::Card(target.clone()));
    }
    doc.apply(EditCommand::SetCard(pinned)).unwrap();
    doc.apply(EditCommand::DeleteCards { ids: vec![target] })
        .unwrap();
    let p = doc.map().card(&pain.id).unwrap().pain.clone().unwrap();
    assert_eq!(p.anchor, None);
    assert_eq!(validate(doc.map()), vec![]);
}

/// The juicer sample: "c47" is pinned to the point of "cv63" at its step "st7", "c48" to the
/// touchpoint "c29" at "st11".
fn juicer() -> Document {
    let sample = crate::file::samples::samples()
        .iter()
        .find(|s| s.file_name.contains("may-ep"))
        .unwrap_or_else(|| panic!("sample missing"));
    let map = crate::file::samples::load_sample(sample).unwrap_or_else(|e| panic!("{e}"));
    Document::new(map, true)
}

fn anchor_of(doc: &Document, card: &str) -> Option<crate::model::PainAnchor> {
    doc.map()
        .card(&Id::new(card))
        .and_then(|c| c.pain.as_ref())
        .and_then(|p| p.anchor.clone())
}

#[test]
fn pins_stay_within_their_step() {
    // Duplicating a pinned pain point in its own cell keeps the pin.
    let mut doc = juicer();
    let c47 = doc.map().card(&Id::new("c47")).unwrap().clone();
    let applied = doc
        .apply(EditCommand::InsertCards {
            same_map: true,
            cards: vec![c47.clone()],
            step: c47.step.clone(),
            lane: c47.lane.clone(),
            index: None,
        })
        .unwrap();
    assert!(anchor_of(&doc, applied.created[0].as_str()).is_some());
    // Pasted into another step, the copy loses its pin.
    let applied = doc
        .apply(EditCommand::InsertCards {
            same_map: true,
            cards: vec![c47.clone()],
            step: Id::new("st4"),
            lane: c47.lane.clone(),
            index: None,
        })
        .unwrap();
    assert_eq!(anchor_of(&doc, applied.created[0].as_str()), None);
    // Moving the pinned card to another step unpins it.
    doc.apply(EditCommand::MoveCards {
        ids: vec![Id::new("c47")],
        step: Id::new("st8"),
        lane: c47.lane.clone(),
        index: 0,
    })
    .unwrap();
    assert_eq!(anchor_of(&doc, "c47"), None);
    // Moving the touchpoint away unpins the pain point pinned to it.
    assert!(anchor_of(&doc, "c48").is_some());
    let touchpoint = doc.map().card(&Id::new("c29")).unwrap().clone();
    doc.apply(EditCommand::MoveCards {
        ids: vec![touchpoint.id.clone()],
        step: Id::new("st10"),
        lane: touchpoint.lane,
        index: 0,
    })
    .unwrap();
    assert_eq!(anchor_of(&doc, "c48"), None);
    assert_eq!(validate(doc.map()), vec![]);
}

#[test]
fn deleting_a_step_unpins_what_was_pinned_to_its_points() {
    let mut doc = juicer();
    // "c48" (at st11) is pinned to a card; pin it to the curve point at st11 instead.
    let mut c48 = doc.map().card(&Id::new("c48")).unwrap().clone();
    if let Some(p) = &mut c48.pain {
        p.anchor = Some(crate::model::PainAnchor::Point {
            curve: Id::new("cv63"),
            step: Id::new("st11"),
        });
    }
    doc.apply(EditCommand::SetCard(c48)).unwrap();
    assert!(anchor_of(&doc, "c48").is_some());
    doc.apply(EditCommand::DeleteCurve {
        id: Id::new("cv63"),
    })
    .unwrap();
    assert_eq!(anchor_of(&doc, "c48"), None);
    assert_eq!(anchor_of(&doc, "c47"), None);
    assert_eq!(validate(doc.map()), vec![]);
}

#[test]
fn undo_history_is_bounded_in_bytes_and_keeps_the_newest_step() {
    let mut map = sample();
    map.description = "x".repeat(1 << 20);
    let mut doc = Document::new(map, true);
    let limit = 8 << 20;
    doc.set_history_limit(limit);
    for i in 0..40 {
        let mut info = MapInfo::of(doc.map());
        info.title = format!("title {i}");
        doc.apply(EditCommand::SetMapInfo(info)).unwrap();
        doc.seal();
        assert!(
            doc.history_bytes() <= limit,
            "step {i}: {}",
            doc.history_bytes()
        );
    }
    let depth = doc.undo_depth();
    assert!((4..40).contains(&depth), "{depth} steps kept");
    // Undo and redo move snapshots between the stacks without breaking the bound.
    while doc.undo() {}
    assert_eq!(doc.map().title, format!("title {}", 39 - depth));
    while doc.redo() {}
    assert_eq!(doc.map().title, "title 39");
    assert!(doc.history_bytes() <= limit);
    // A single snapshot larger than the limit still keeps one undo step.
    doc.set_history_limit(1);
    assert_eq!(doc.undo_depth(), 1);
    assert!(doc.undo());
}

#[test]
fn rollback_returns_to_the_checkpoint_with_history_and_dirty_flag() {
    let map = sample();
    let (step, lane) = cells(&map)[0].clone();
    let mut doc = Document::new(map.clone(), true);
    // Something to redo, to see that a rollback keeps it.
    let mut info = MapInfo::of(doc.map());
    info.title = "renamed".to_owned();
    doc.apply(EditCommand::SetMapInfo(info)).unwrap();
    doc.undo();
    assert!(!doc.is_dirty());
    let checkpoint = doc.checkpoint();
    let created = doc
        .apply(EditCommand::AddCard {
            step,
            lane,
            index: None,
            text: String::new(),
        })
        .unwrap()
        .created;
    let card = doc.map().card(&created[0]).unwrap().clone();
    doc.apply(EditCommand::SetCard(Card {
        text: "typed".to_owned(),
        ..card
    }))
    .unwrap();
    assert!(doc.is_dirty());
    assert!(doc.rollback(checkpoint));
    assert_eq!(doc.map(), &map);
    assert!(!doc.is_dirty());
    assert_eq!(doc.undo_label(), None);
    assert_eq!(doc.redo_label(), Some("cmd-map-info"));
    assert!(doc.redo());
    assert_eq!(doc.map().title, "renamed");
}

#[test]
fn pasted_and_typed_text_loses_control_and_bidi_override_characters() {
    let map = sample();
    let (step, lane) = cells(&map)[0].clone();
    let mut doc = Document::new(map, true);
    let hostile = "Giá\u{1b}[31m đỏ\u{7}\r\nrẻ \u{202e}gnp.exe";
    let pasted = paste::parse(hostile, 1, &step, &lane);
    let created = doc
        .apply(EditCommand::InsertCards {
            cards: pasted.cards,
            same_map: false,
            step: step.clone(),
            lane: lane.clone(),
            index: None,
        })
        .unwrap()
        .created;
    let texts: Vec<String> = created
        .iter()
        .map(|id| doc.map().card(id).unwrap().text.clone())
        .collect();
    assert_eq!(texts, ["Giá[31m đỏ", "rẻ gnp.exe"]);
    // Typed (or pasted into a text field) the same way.
    let card = doc.map().card(&created[0]).unwrap().clone();
    doc.apply(EditCommand::SetCard(Card {
        text: "a\u{0}b\u{9b}c\td".to_owned(),
        ..card
    }))
    .unwrap();
    assert_eq!(doc.map().card(&created[0]).unwrap().text, "abc\td");
    assert_eq!(validate(doc.map()), vec![]);
}

/// A point of the map's first curve moved to `score`.
fn drag_point_to(doc: &mut Document, score: f32) {
    let curve = &doc.map().curves[0];
    let point = EmotionPoint {
        score,
        ..curve.points[0].clone()
    };
    let command = EditCommand::SetPoint {
        curve: curve.id.clone(),
        point,
    };
    doc.apply(command).unwrap();
}

#[test]
fn a_point_drag_keeps_only_the_curves_and_the_base_revision() {
    let map = sample();
    let mut doc = Document::new(map.clone(), true);
    let (revision, base) = (doc.revision(), doc.base_revision());
    for score in [1.0, 0.5, -1.5] {
        drag_point_to(&mut doc, score);
    }
    doc.seal();
    assert_ne!(doc.revision(), revision);
    assert_eq!(doc.base_revision(), base, "only the curves changed");
    assert_eq!(doc.undo_depth(), 1, "a drag is one undo step");
    assert!(
        doc.history_bytes() < approx_bytes(&map) / 10,
        "a curves-only step keeps the curves alone: {} bytes of {}",
        doc.history_bytes(),
        approx_bytes(&map)
    );
    let dragged = doc.map().clone();
    // A card edit after it moves the base revision; undoing both gives the map back exactly,
    // and each revision comes back with its map.
    let (step, lane) = cells(&map)[0].clone();
    doc.apply(EditCommand::AddCard {
        step,
        lane,
        index: None,
        text: "mới".into(),
    })
    .unwrap();
    assert_ne!(doc.base_revision(), base);
    let after = (doc.map().clone(), doc.revision(), doc.base_revision());
    assert!(doc.undo());
    assert_eq!(doc.map(), &dragged);
    assert_eq!(doc.base_revision(), base);
    assert!(doc.undo());
    assert_eq!(doc.map(), &map);
    assert_eq!((doc.revision(), doc.base_revision()), (revision, base));
    assert!(!doc.is_dirty());
    assert!(doc.redo() && doc.redo());
    assert_eq!(
        (doc.map(), doc.revision(), doc.base_revision()),
        (&after.0, after.1, after.2)
    );
}

#[test]
fn rollback_puts_back_curves_only_and_whole_map_steps_alike() {
    let map = sample();
    let mut doc = Document::new(map.clone(), true);
    let checkpoint = doc.checkpoint();
    drag_point_to(&mut doc, 2.0);
    doc.seal();
    let mut info = MapInfo::of(doc.map());
    info.title = "đổi tên".to_owned();
    doc.apply(EditCommand::SetMapInfo(info)).unwrap();
    doc.seal();
    drag_point_to(&mut doc, -2.0);
    assert!(doc.rollback(checkpoint));
    assert_eq!(doc.map(), &map);
    assert_eq!((doc.revision(), doc.base_revision()), (0, 0));
    assert_eq!(doc.undo_depth(), 0);
}

#[test]
fn a_refused_point_leaves_the_curves_alone() {
    let map = sample();
    let mut doc = Document::new(map.clone(), true);
    let point = map.curves[0].points[0].clone();
    let refused = doc.apply(EditCommand::SetPoint {
        curve: Id::new("no-such-curve"),
        point,
    });
    assert!(refused.is_err());
    assert_eq!(doc.map(), &map);
    assert_eq!(doc.revision(), 0);
}

//! Texts: control and bidi override characters removed (each removal named by where it
//! was), every text in NFC.

use super::{Restorer, short};
use crate::model::chars::clean_text;
use crate::model::map::JourneyMap;
use crate::model::text::{TextOwner, TextPlace, for_each_text_at_mut, make_nfc};
use crate::model::warning::{Arg, Subject, text};

impl Restorer {
    /// Removes control and bidi override characters from every text (naming where) and puts
    /// every text in NFC.
    pub(super) fn clean_texts(&mut self, map: &mut JourneyMap) {
        let mut cleaned = Vec::new();
        for_each_text_at_mut(map, |place, s| {
            let removed = clean_text(s);
            make_nfc(s);
            if removed > 0 {
                cleaned.push((place, removed));
            }
        });
        for (place, removed) in cleaned {
            let (subject, field) = text_place(map, place);
            let key = if removed == 1 {
                "warn-text-cleaned-one"
            } else {
                "warn-text-cleaned"
            };
            self.warn(
                key,
                vec![
                    ("subject", Arg::Subject(subject)),
                    ("field", text(field)),
                    ("count", text(removed)),
                ],
            );
        }
    }
}

/// Names where a text is, for messages: `card c12 "Phí ship" text`, `map goals[1]`.
fn text_place(map: &JourneyMap, place: TextPlace) -> (Subject, String) {
    let field = match place.index {
        Some(i) => format!("{}[{i}]", place.field),
        None => place.field.to_owned(),
    };
    let missing = || Subject::Card {
        id: None,
        text: String::new(),
    };
    let owner = match place.owner {
        TextOwner::Map => Subject::Map,
        TextOwner::Persona => Subject::Persona,
        TextOwner::Stage(i) => map.stages.get(i).map_or_else(missing, |s| Subject::Stage {
            id: Some(s.id.clone()),
            name: short(&s.name),
        }),
        TextOwner::Step { stage, step } => map
            .stages
            .get(stage)
            .and_then(|s| s.steps.get(step).map(|st| (s, st)))
            .map_or_else(missing, |(s, st)| Subject::Step {
                id: Some(st.id.clone()),
                stage: short(&s.name),
            }),
        TextOwner::Lane(i) => map.lanes.get(i).map_or_else(missing, |l| Subject::Lane {
            id: Some(l.id.clone()),
            name: short(&l.name),
        }),
        TextOwner::Card(i) => map.cards.get(i).map_or_else(missing, |c| Subject::Card {
            id: Some(c.id.clone()),
            text: short(&c.text),
        }),
        TextOwner::Curve(i) => map.curves.get(i).map_or_else(missing, |c| Subject::Curve {
            id: Some(c.id.clone()),
            name: short(&c.name),
        }),
        TextOwner::CurvePoint { curve, point } => map
            .curves
            .get(curve)
            .and_then(|c| c.points.get(point).map(|p| (c, p)))
            .map_or_else(missing, |(c, p)| Subject::CurvePoint {
                id: c.id.clone(),
                name: short(&c.name),
                step: p.step.clone(),
            }),
        TextOwner::Metrics => Subject::Metrics,
        TextOwner::Snapshot(i) => Subject::Snapshot {
            number: i + 1,
            file: map
                .metrics
                .snapshots
                .get(i)
                .map(|s| short(&s.source.file_name))
                .unwrap_or_default(),
        },
    };
    (owner, field)
}

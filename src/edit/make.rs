//! Constructors of the commands and parts the editor offers ready-made: a new pain point or
//! opportunity with sensible defaults, a pain point pinned where it hurts, a new curve in a
//! colour no other curve uses. Pure, so the canvas, the panels and the tests share them.

use crate::model::{
    Card, ColorToken, Evidence, Id, JourneyMap, LaneKind, MetricKind, Opportunity, PainAnchor,
    PainPoint, PainStatus,
};

use super::EditCommand;

/// What a card gets when it becomes a pain point: medium severity, open, no votes yet.
pub fn new_pain_point() -> PainPoint {
    PainPoint {
        severity: 3,
        votes: 0,
        evidence: Vec::new(),
        status: PainStatus::Open,
        owner: String::new(),
        anchor: None,
    }
}

/// What a card gets when it becomes an opportunity: medium impact and effort.
pub fn new_opportunity() -> Opportunity {
    Opportunity {
        impact: 3,
        effort: 3,
        votes: 0,
        addresses: Vec::new(),
    }
}

/// A new, empty pain point in the cell (`step`, `lane`), pinned to `anchor`.
pub fn add_pinned_pain(step: &Id, lane: &Id, anchor: PainAnchor) -> EditCommand {
    let mut card = Card::new(Id::new(""), step.clone(), lane.clone(), "");
    card.pain = Some(PainPoint {
        anchor: Some(anchor),
        ..new_pain_point()
    });
    EditCommand::InsertCards {
        same_map: true,
        cards: vec![card],
        step: step.clone(),
        lane: lane.clone(),
        index: None,
    }
}

/// A new pain point from a flagged metric of the touchpoint `card`: in the card's step, in the
/// first pain-point lane, pinned to the card, with `Measured` evidence that links to the
/// metric (so it shows the latest number after every re-import), and `text` (the caller words
/// it in the map's language, e.g. "Conversion misses its target at Zalo OA"). `None` when the
/// card is gone or the map has no pain-point lane.
pub fn add_pain_from_metric(
    map: &JourneyMap,
    card: &Id,
    metric: MetricKind,
    text: String,
) -> Option<EditCommand> {
    let touchpoint = map.card(card)?;
    let lane = map.lanes.iter().find(|l| l.kind == LaneKind::PainPoints)?;
    let step = touchpoint.step.clone();
    let mut pain_card = Card::new(Id::new(""), step.clone(), lane.id.clone(), text);
    pain_card.pain = Some(PainPoint {
        evidence: vec![Evidence::Measured {
            card: card.clone(),
            metric,
        }],
        anchor: Some(PainAnchor::Card(card.clone())),
        ..new_pain_point()
    });
    Some(EditCommand::InsertCards {
        same_map: true,
        cards: vec![pain_card],
        step,
        lane: lane.id.clone(),
        index: None,
    })
}

/// A new empty curve named `name`, in a colour no other curve of `map` uses yet.
pub fn add_curve(map: &JourneyMap, name: String) -> EditCommand {
    let preferred = [
        ColorToken::Blue,
        ColorToken::Green,
        ColorToken::Purple,
        ColorToken::Orange,
        ColorToken::Teal,
        ColorToken::Pink,
    ];
    let color = preferred
        .into_iter()
        .find(|c| !map.curves.iter().any(|curve| curve.color == *c))
        .unwrap_or(ColorToken::Gray);
    EditCommand::AddCurve {
        name,
        color,
        points: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_curve_takes_the_first_colour_not_in_use() {
        let mut map = JourneyMap::new("x");
        let color_of = |command: EditCommand| match command {
            EditCommand::AddCurve { color, .. } => color,
            other => panic!("{other:?}"),
        };
        assert_eq!(color_of(add_curve(&map, "a".into())), ColorToken::Blue);
        map.curves.push(crate::model::EmotionCurve {
            id: Id::new("cv1"),
            name: "a".into(),
            color: ColorToken::Blue,
            points: Vec::new(),
            hidden: false,
        });
        assert_eq!(color_of(add_curve(&map, "b".into())), ColorToken::Green);
    }
}

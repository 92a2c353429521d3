//! What is selected on the canvas: view state, never saved in the document.

use crate::model::{Id, JourneyMap};

/// The current selection. Cards can be multi-selected; a stage, step or lane is selected
/// alone (selecting one clears the others).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected cards, in the order they were selected.
    pub cards: Vec<Id>,
    /// The selected stage header.
    pub stage: Option<Id>,
    /// The selected step header.
    pub step: Option<Id>,
    /// The selected lane label.
    pub lane: Option<Id>,
    /// The selected emotion-curve point: (curve, step).
    pub point: Option<(Id, Id)>,
    /// The selected curve (from the legend).
    pub curve: Option<Id>,
}

impl Selection {
    /// Nothing selected.
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
            && self.stage.is_none()
            && self.step.is_none()
            && self.lane.is_none()
            && self.point.is_none()
            && self.curve.is_none()
    }

    /// Selects only this card.
    pub fn only_card(id: Id) -> Self {
        Self {
            cards: vec![id],
            ..Self::default()
        }
    }

    /// Selects only this stage.
    pub fn only_stage(id: Id) -> Self {
        Self {
            stage: Some(id),
            ..Self::default()
        }
    }

    /// Selects only this step.
    pub fn only_step(id: Id) -> Self {
        Self {
            step: Some(id),
            ..Self::default()
        }
    }

    /// Selects only this lane.
    pub fn only_lane(id: Id) -> Self {
        Self {
            lane: Some(id),
            ..Self::default()
        }
    }

    /// Selects only this curve point.
    pub fn only_point(curve: Id, step: Id) -> Self {
        Self {
            point: Some((curve, step)),
            ..Self::default()
        }
    }

    /// Selects only this curve.
    pub fn only_curve(id: Id) -> Self {
        Self {
            curve: Some(id),
            ..Self::default()
        }
    }

    /// Whether the card is selected.
    pub fn has_card(&self, id: &Id) -> bool {
        self.cards.contains(id)
    }

    /// Adds the card, or removes it if it was selected (Shift/Ctrl-click).
    pub fn toggle_card(&mut self, id: Id) {
        self.stage = None;
        self.step = None;
        self.lane = None;
        self.point = None;
        self.curve = None;
        if let Some(i) = self.cards.iter().position(|c| *c == id) {
            self.cards.remove(i);
        } else {
            self.cards.push(id);
        }
    }

    /// Drops whatever no longer exists in the map (after undo, delete…).
    pub fn retain_existing(&mut self, map: &JourneyMap) {
        self.cards.retain(|id| map.card(id).is_some());
        self.stage
            .take_if(|id| !map.stages.iter().any(|s| &s.id == id));
        self.step.take_if(|id| map.step_index(id).is_none());
        self.lane.take_if(|id| map.lane(id).is_none());
        self.point.take_if(|(curve, step)| {
            map.curve(curve)
                .is_none_or(|c| !c.points.iter().any(|p| &p.step == step))
        });
        self.curve.take_if(|id| map.curve(id).is_none());
    }

    /// The selected cards that exist, in map order.
    pub fn cards_in_map_order<'a>(&'a self, map: &'a JourneyMap) -> Vec<&'a crate::model::Card> {
        map.cards
            .iter()
            .filter(|c| self.cards.contains(&c.id))
            .collect()
    }
}

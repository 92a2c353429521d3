//! Delete, duplicate, copy and paste as pure functions from a selection (and the map) to
//! `EditCommand`s or clipboard text, with thin wrappers that apply them to the editor's state
//! and output. Reading the system clipboard's events is the keyboard's work (`keyboard.rs`).

use crate::edit::EditCommand;
use crate::model::{Card, Id, JourneyMap};
use crate::ui::canvas::selection::Selection;
use crate::ui::canvas::{EditorOutput, EditorState};

/// The command that deletes what is selected: the cards, or else the stage, step, lane, curve
/// point or curve. `None` when nothing is selected.
pub fn delete_command(selection: &Selection, map: &JourneyMap) -> Option<EditCommand> {
    if !selection.cards.is_empty() {
        let ids = selection
            .cards_in_map_order(map)
            .iter()
            .map(|c| c.id.clone())
            .collect();
        Some(EditCommand::DeleteCards { ids })
    } else if let Some(id) = &selection.stage {
        Some(EditCommand::DeleteStage { id: id.clone() })
    } else if let Some(id) = &selection.step {
        Some(EditCommand::DeleteStep { id: id.clone() })
    } else if let Some(id) = &selection.lane {
        Some(EditCommand::DeleteLane { id: id.clone() })
    } else if let Some((curve, step)) = &selection.point {
        Some(EditCommand::DeletePoint {
            curve: curve.clone(),
            step: step.clone(),
        })
    } else {
        selection
            .curve
            .as_ref()
            .map(|id| EditCommand::DeleteCurve { id: id.clone() })
    }
}

/// The command that copies the selected cards right after themselves, in the first one's
/// cell. `None` when no card is selected.
pub fn duplicate_command(selection: &Selection, map: &JourneyMap) -> Option<EditCommand> {
    let cards = selected_cards(selection, map);
    let first = cards.first()?;
    let index = map
        .cards_in(&first.step, &first.lane)
        .position(|c| c.id == first.id)
        .map(|p| p + cards.len());
    Some(EditCommand::InsertCards {
        same_map: true,
        step: first.step.clone(),
        lane: first.lane.clone(),
        index,
        cards,
    })
}

/// The selected cards as clipboard text, marked as coming from the map named by `source`.
pub fn selection_text(selection: &Selection, map: &JourneyMap, source: u64) -> Option<String> {
    crate::edit::paste::copy_text(selected_cards(selection, map), source)
}

/// What pasting clipboard text does.
#[derive(Clone, Debug, PartialEq)]
pub struct Paste {
    /// The cards to insert, if any.
    pub command: Option<EditCommand>,
    /// Something to tell the user: a message key and the count it names.
    pub notice: Option<(&'static str, usize)>,
}

/// Pastes `text` into the first selected card's cell, or else the keyboard cell `cursor`:
/// cards copied from journeymap keep their content, plain text becomes one card per line.
/// `source` names this map, so cards copied from it are known as its own.
pub fn paste_command(
    selection: &Selection,
    cursor: Option<&(Id, Id)>,
    map: &JourneyMap,
    text: &str,
    source: u64,
) -> Paste {
    let target = selection
        .cards
        .first()
        .and_then(|id| map.card(id))
        .map(|c| (c.step.clone(), c.lane.clone()))
        .or_else(|| cursor.cloned())
        .filter(|(_, lane)| map.lane(lane).is_some_and(|l| l.kind.holds_cards()));
    let Some((step, lane)) = target else {
        return Paste {
            command: None,
            notice: Some(("notice-paste-no-cell", 0)),
        };
    };
    let pasted = crate::edit::paste::parse(text, source, &step, &lane);
    let notice = if pasted.left_out > 0 {
        Some(("notice-paste-left-out", pasted.left_out))
    } else if pasted.shortened > 0 {
        Some(("notice-paste-shortened", pasted.shortened))
    } else {
        None
    };
    let command = if pasted.cards.is_empty() {
        None
    } else {
        Some(EditCommand::InsertCards {
            cards: pasted.cards,
            same_map: pasted.same_map,
            step,
            lane,
            index: None,
        })
    };
    Paste { command, notice }
}

fn selected_cards(selection: &Selection, map: &JourneyMap) -> Vec<Card> {
    selection
        .cards_in_map_order(map)
        .into_iter()
        .cloned()
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The same, applied to the editor

/// Deletes the selected cards (or the selected stage, step or lane), and clears the selection.
pub fn delete_selection(state: &mut EditorState, map: &JourneyMap, out: &mut EditorOutput) {
    out.commands.extend(delete_command(&state.selection, map));
    state.selection = Selection::default();
}

/// Duplicates the selected cards right after themselves, in their cell, and selects the copies.
pub fn duplicate(state: &mut EditorState, map: &JourneyMap, out: &mut EditorOutput) {
    if let Some(command) = duplicate_command(&state.selection, map) {
        out.commands.push(command);
        out.select_created = true;
    }
}

/// The selected cards as clipboard text.
pub fn copy_text(state: &EditorState, map: &JourneyMap) -> Option<String> {
    selection_text(&state.selection, map, state.clipboard_source)
}

/// Pastes clipboard text at the keyboard cell (or the first selected card's cell): cards copied
/// from journeymap keep their content; plain text becomes one card per line.
pub fn paste_text(state: &mut EditorState, map: &JourneyMap, text: &str, out: &mut EditorOutput) {
    let paste = paste_command(
        &state.selection,
        state.cursor.as_ref(),
        map,
        text,
        state.clipboard_source,
    );
    if paste.notice.is_some() {
        out.notice = paste.notice;
    }
    if let Some(command) = paste.command {
        out.commands.push(command);
        out.select_created = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synth::{SynthSize, synth_map};

    fn sample() -> JourneyMap {
        synth_map(SynthSize {
            stages: 2,
            steps: 4,
            lanes: 5,
            cards: 30,
        })
    }

    /// Two cards of the same cell, and that cell.
    fn two_in_a_cell(map: &JourneyMap) -> (Id, Id, (Id, Id)) {
        for (_, step) in map.steps() {
            for lane in &map.lanes {
                let cards: Vec<&Card> = map.cards_in(&step.id, &lane.id).collect();
                if let [a, b, ..] = cards.as_slice() {
                    return (
                        a.id.clone(),
                        b.id.clone(),
                        (step.id.clone(), lane.id.clone()),
                    );
                }
            }
        }
        panic!("the sample has a cell with two cards");
    }

    #[test]
    fn delete_takes_cards_in_map_order_before_anything_else() {
        let map = sample();
        let (a, b, _) = two_in_a_cell(&map);
        let selection = Selection {
            cards: vec![b.clone(), a.clone()],
            stage: Some(map.stages[0].id.clone()),
            ..Selection::default()
        };
        assert_eq!(
            delete_command(&selection, &map),
            Some(EditCommand::DeleteCards { ids: vec![a, b] })
        );
    }

    #[test]
    fn delete_falls_back_to_stage_step_lane_point_curve() {
        let map = sample();
        let id = Id::new("x");
        let step = map.stages[0].steps[0].id.clone();
        let cases = [
            (
                Selection::only_stage(id.clone()),
                EditCommand::DeleteStage { id: id.clone() },
            ),
            (
                Selection::only_step(id.clone()),
                EditCommand::DeleteStep { id: id.clone() },
            ),
            (
                Selection::only_lane(id.clone()),
                EditCommand::DeleteLane { id: id.clone() },
            ),
            (
                Selection::only_point(id.clone(), step.clone()),
                EditCommand::DeletePoint {
                    curve: id.clone(),
                    step,
                },
            ),
            (
                Selection::only_curve(id.clone()),
                EditCommand::DeleteCurve { id: id.clone() },
            ),
        ];
        for (selection, command) in cases {
            assert_eq!(delete_command(&selection, &map), Some(command));
        }
        assert_eq!(delete_command(&Selection::default(), &map), None);
    }

    #[test]
    fn duplicate_inserts_after_the_selected_cards() {
        let map = sample();
        let (a, b, (step, lane)) = two_in_a_cell(&map);
        assert_eq!(duplicate_command(&Selection::default(), &map), None);
        let selection = Selection {
            cards: vec![b.clone(), a.clone()],
            ..Selection::default()
        };
        let Some(EditCommand::InsertCards {
            same_map,
            step: s,
            lane: l,
            index,
            cards,
        }) = duplicate_command(&selection, &map)
        else {
            panic!("a duplicate inserts cards");
        };
        assert!(same_map);
        assert_eq!((s, l), (step.clone(), lane.clone()));
        let ids: Vec<Id> = cards.iter().map(|c| c.id.clone()).collect();
        assert_eq!(ids, vec![a.clone(), b]);
        let at = map.cards_in(&step, &lane).position(|c| c.id == a);
        assert_eq!(index, at.map(|p| p + 2));
    }

    #[test]
    fn copied_cards_paste_back_as_the_same_content() {
        let map = sample();
        let (a, b, cell) = two_in_a_cell(&map);
        let selection = Selection {
            cards: vec![a, b],
            ..Selection::default()
        };
        assert_eq!(selection_text(&Selection::default(), &map, 7), None);
        let text = selection_text(&selection, &map, 7).expect("two cards copy");
        let paste = paste_command(&Selection::default(), Some(&cell), &map, &text, 7);
        assert_eq!(paste.notice, None);
        let Some(EditCommand::InsertCards {
            cards,
            same_map,
            step,
            lane,
            index,
        }) = paste.command
        else {
            panic!("a paste inserts cards");
        };
        assert!(same_map);
        assert_eq!((step, lane), cell);
        assert_eq!(index, None);
        let texts: Vec<&str> = cards.iter().map(|c| c.text.as_str()).collect();
        let expected: Vec<&str> = selection
            .cards_in_map_order(&map)
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(texts, expected);
    }

    #[test]
    fn plain_text_pastes_one_card_per_line_into_the_selected_cards_cell() {
        let map = sample();
        let (a, _, cell) = two_in_a_cell(&map);
        let paste = paste_command(&Selection::only_card(a), None, &map, "một\nhai\n", 7);
        let Some(EditCommand::InsertCards {
            cards, step, lane, ..
        }) = paste.command
        else {
            panic!("a paste inserts cards");
        };
        assert_eq!((step, lane), cell);
        let texts: Vec<&str> = cards.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["một", "hai"]);
    }

    #[test]
    fn paste_needs_a_cell_that_holds_cards() {
        let map = sample();
        let none = paste_command(&Selection::default(), None, &map, "x", 7);
        assert_eq!(
            none,
            Paste {
                command: None,
                notice: Some(("notice-paste-no-cell", 0)),
            }
        );
        let step = map.stages[0].steps[0].id.clone();
        let lane = map
            .lanes
            .iter()
            .find(|l| !l.kind.holds_cards())
            .expect("the sample has an emotion lane");
        let cell = (step, lane.id.clone());
        let paste = paste_command(&Selection::default(), Some(&cell), &map, "x", 7);
        assert_eq!(paste.command, None);
        assert_eq!(paste.notice, Some(("notice-paste-no-cell", 0)));
    }
}

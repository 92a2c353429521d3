//! Every change to the document goes through here: [`Document::apply`] takes an
//! [`EditCommand`], changes the map, and records an undo step. Undo/redo, the dirty flag and
//! autosave all hang off this one place.
//!
//! Undo keeps snapshots of the whole map (maps are small: the 1,200-card benchmark map clones in
//! well under a millisecond), which makes every command undoable exactly, with no inverse to
//! get wrong. A command that changes only the emotion curves (a point dragged, a curve renamed)
//! snapshots only the curves, and one that changes only a card's text (typing) only that card:
//! dragging a point costs the same on a 10,000-card map as on a small one, and a keystroke
//! copies one card, not the map (debug builds check that such a snapshot holds all that
//! changed). A burst of typing into one field is one step: consecutive commands with the same
//! [`EditCommand::merge_key`] coalesce until [`Document::seal`] is called (the UI seals when a
//! text field loses focus, or a drag ends), like rerun's undo "inflection points".

mod apply;
mod clean;
pub mod make;
mod metrics;
pub mod paste;

pub use clean::EditError;

use crate::model::{
    Card, ColorToken, EmotionCurve, EmotionPoint, Id, ImportSettings, JourneyMap, LaneKind,
    MapType, MetricKind, MetricSnapshot, Persona, Review, Target,
};

/// Most undo steps kept; older ones are dropped.
pub const MAX_UNDO: usize = 200;

/// Most memory the undo and redo snapshots may hold together, in bytes (estimated). A 30 MB
/// map keeps a handful of steps instead of gigabytes of history; the newest step always stays.
pub const MAX_UNDO_BYTES: usize = 512 * 1024 * 1024;

/// The document-level fields edited in the map properties.
#[derive(Clone, Debug, PartialEq)]
pub struct MapInfo {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Map type.
    pub map_type: MapType,
    /// Content language.
    pub language: String,
    /// Business goals.
    pub goals: Vec<String>,
    /// Review date and cadence.
    pub review: Review,
}

impl MapInfo {
    /// The current values of a map.
    pub fn of(map: &JourneyMap) -> Self {
        Self {
            title: map.title.clone(),
            description: map.description.clone(),
            map_type: map.map_type,
            language: map.language.clone(),
            goals: map.goals.clone(),
            review: map.review.clone(),
        }
    }
}

/// A change to the document.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
    /// Set title, description, type, language, goals and review.
    SetMapInfo(MapInfo),
    /// Replace the persona.
    SetPersona(Persona),
    /// Add a stage with one step at `index` (clamped).
    AddStage {
        /// Position among the stages.
        index: usize,
        /// Its name.
        name: String,
    },
    /// Rename a stage and set its colour.
    SetStage {
        /// The stage.
        id: Id,
        /// New name.
        name: String,
        /// New colour.
        color: Option<ColorToken>,
    },
    /// Move a stage to `to` (its index after the move).
    MoveStage {
        /// The stage.
        id: Id,
        /// New position.
        to: usize,
    },
    /// Delete a stage, its steps and their cards and curve points.
    DeleteStage {
        /// The stage.
        id: Id,
    },
    /// Add a step to a stage at `index` (splits the stage into more columns).
    AddStep {
        /// The stage.
        stage: Id,
        /// Position within the stage.
        index: usize,
        /// Its name.
        name: String,
    },
    /// Rename a step.
    RenameStep {
        /// The step.
        id: Id,
        /// New name.
        name: String,
    },
    /// Delete a step and its cards; the last step of a stage deletes the stage.
    DeleteStep {
        /// The step.
        id: Id,
    },
    /// Add a lane at `index`.
    AddLane {
        /// Position among the lanes.
        index: usize,
        /// Its kind.
        kind: LaneKind,
        /// Its name.
        name: String,
    },
    /// Rename a lane or change its kind.
    SetLane {
        /// The lane.
        id: Id,
        /// New name.
        name: String,
        /// New kind.
        kind: LaneKind,
    },
    /// Move a lane to `to` (its index after the move).
    MoveLane {
        /// The lane.
        id: Id,
        /// New position.
        to: usize,
    },
    /// Delete a lane and its cards.
    DeleteLane {
        /// The lane.
        id: Id,
    },
    /// Add a card in a cell, at `index` within the cell (end if `None`).
    AddCard {
        /// The step (column).
        step: Id,
        /// The lane (row).
        lane: Id,
        /// Position within the cell.
        index: Option<usize>,
        /// Its text.
        text: String,
    },
    /// Replace a card's content (text, details, colour, channel, pain, opportunity) by id.
    /// Its id and cell are kept from the map, whatever `card` says.
    SetCard(Card),
    /// Move cards, in their current order, into a cell at `index` within it.
    MoveCards {
        /// The cards.
        ids: Vec<Id>,
        /// Target step.
        step: Id,
        /// Target lane.
        lane: Id,
        /// Position within the target cell, counted without the moved cards.
        index: usize,
    },
    /// Delete cards.
    DeleteCards {
        /// The cards.
        ids: Vec<Id>,
    },
    /// Insert copies of cards (paste, duplicate) into a cell, with fresh ids. Links among the
    /// inserted cards follow them to their new ids (see [`paste::relink`]).
    InsertCards {
        /// The cards to copy; their ids and cells are replaced.
        cards: Vec<Card>,
        /// The cards come from this map: their links to its other cards are kept. Otherwise
        /// such links are dropped, since the same id names an unrelated card here.
        same_map: bool,
        /// Target step.
        step: Id,
        /// Target lane.
        lane: Id,
        /// Position within the target cell (end if `None`).
        index: Option<usize>,
    },
    /// Add an emotion curve (with its first points, if any).
    AddCurve {
        /// Its name in the legend.
        name: String,
        /// Its colour.
        color: ColorToken,
        /// Its points (steps that do not exist are dropped).
        points: Vec<EmotionPoint>,
    },
    /// Rename, recolour, show or hide a curve.
    SetCurve {
        /// The curve.
        id: Id,
        /// New name.
        name: String,
        /// New colour.
        color: ColorToken,
        /// Hidden from the canvas.
        hidden: bool,
    },
    /// Delete a curve and unpin the pain points pinned to its points.
    DeleteCurve {
        /// The curve.
        id: Id,
    },
    /// Add or replace the point of a curve at `point.step` (score clamped to −2..=+2).
    SetPoint {
        /// The curve.
        curve: Id,
        /// The point.
        point: EmotionPoint,
    },
    /// Delete the point of a curve at a step.
    DeletePoint {
        /// The curve.
        curve: Id,
        /// The step.
        step: Id,
    },
    /// Add (`delta` > 0) or remove dot votes on a pain point or opportunity; never below 0.
    Vote {
        /// The card.
        card: Id,
        /// Votes to add, or to remove when negative.
        delta: i32,
    },
    /// Record that the map was reviewed on `date`.
    MarkReviewed(jiff::civil::Date),
    /// Add the numbers of an import of customer data, newest last (earlier imports stay, for
    /// trends). Its texts are tidied, numbers out of range clamped, links to cards or stages
    /// that do not exist cleared; its settings become the mapping offered for the next import.
    AddMetricSnapshot(Box<MetricSnapshot>),
    /// Delete an import (by position, oldest first).
    DeleteMetricSnapshot {
        /// Its position in `metrics.snapshots`.
        index: usize,
    },
    /// Tie a data touchpoint value to a card (an alias; replaces one for the same value, and
    /// un-ignores it); every import's numbers of that value become the card's.
    SetAlias {
        /// The value as in the data.
        value: String,
        /// The card.
        card: Id,
    },
    /// Remove the alias of a data value; its numbers go back to what matching finds.
    RemoveAlias {
        /// The value.
        value: String,
    },
    /// Ignore a data value (left out of the unmatched list), or stop ignoring it.
    SetIgnored {
        /// The value.
        value: String,
        /// Whether to ignore it.
        ignored: bool,
    },
    /// Set (or replace) the target of a metric of a card or stage; the value is clamped to
    /// the metric's range.
    SetTarget(Target),
    /// Remove the target of a metric of a card or stage.
    RemoveTarget {
        /// The card or stage.
        subject: Id,
        /// The metric.
        metric: MetricKind,
    },
    /// Save (or forget) the column mapping offered for the next import.
    SetImportSettings(Option<ImportSettings>),
    /// Several commands applied in order as one undo step (an import with its aliases): if
    /// one is refused, none of them is applied. Its label is that of its first command.
    Batch(Vec<EditCommand>),
}

impl EditCommand {
    /// The message key of the command's name, for "Undo …" in the Edit menu.
    pub fn label_key(&self) -> &'static str {
        match self {
            Self::SetMapInfo(_) => "cmd-map-info",
            Self::SetPersona(_) => "cmd-persona",
            Self::AddStage { .. } => "cmd-add-stage",
            Self::SetStage { .. } => "cmd-set-stage",
            Self::MoveStage { .. } => "cmd-move-stage",
            Self::DeleteStage { .. } => "cmd-delete-stage",
            Self::AddStep { .. } => "cmd-add-step",
            Self::RenameStep { .. } => "cmd-rename-step",
            Self::DeleteStep { .. } => "cmd-delete-step",
            Self::AddLane { .. } => "cmd-add-lane",
            Self::SetLane { .. } => "cmd-set-lane",
            Self::MoveLane { .. } => "cmd-move-lane",
            Self::DeleteLane { .. } => "cmd-delete-lane",
            Self::AddCard { .. } => "cmd-add-card",
            Self::SetCard(_) => "cmd-edit-card",
            Self::MoveCards { .. } => "cmd-move-cards",
            Self::DeleteCards { .. } => "cmd-delete-cards",
            Self::InsertCards { cards, .. } if matches!(cards.as_slice(), [card] if card.pain.as_ref().is_some_and(|p| p.evidence.iter().any(|e| matches!(e, crate::model::Evidence::Measured { .. })))) => {
                "cmd-add-measured-pain"
            }
            Self::InsertCards { cards, .. } if matches!(cards.as_slice(), [card] if card.pain.as_ref().is_some_and(|p| p.anchor.is_some())) => {
                "cmd-add-pinned-pain"
            }
            Self::InsertCards { .. } => "cmd-insert-cards",
            Self::AddCurve { .. } => "cmd-add-curve",
            Self::SetCurve { .. } => "cmd-set-curve",
            Self::DeleteCurve { .. } => "cmd-delete-curve",
            Self::SetPoint { .. } => "cmd-set-point",
            Self::DeletePoint { .. } => "cmd-delete-point",
            Self::Vote { delta, .. } if *delta < 0 => "cmd-unvote",
            Self::Vote { .. } => "cmd-vote",
            Self::MarkReviewed(_) => "cmd-mark-reviewed",
            Self::AddMetricSnapshot(_) => "cmd-add-metric-snapshot",
            Self::DeleteMetricSnapshot { .. } => "cmd-delete-metric-snapshot",
            Self::SetAlias { .. } => "cmd-set-alias",
            Self::RemoveAlias { .. } => "cmd-remove-alias",
            Self::SetIgnored { ignored: true, .. } => "cmd-ignore-value",
            Self::SetIgnored { .. } => "cmd-unignore-value",
            Self::SetTarget(_) => "cmd-set-target",
            Self::RemoveTarget { .. } => "cmd-remove-target",
            Self::SetImportSettings(_) => "cmd-import-settings",
            Self::Batch(commands) => commands.first().map_or("cmd-batch", Self::label_key),
        }
    }

    /// Commands with the same key in one unsealed burst become one undo step.
    pub fn merge_key(&self) -> Option<(&'static str, Option<&Id>)> {
        match self {
            Self::SetMapInfo(_) => Some(("map", None)),
            Self::SetPersona(_) => Some(("persona", None)),
            Self::SetStage { id, .. } => Some(("stage", Some(id))),
            Self::RenameStep { id, .. } => Some(("step", Some(id))),
            Self::SetLane { id, .. } => Some(("lane", Some(id))),
            Self::SetCard(card) => Some(("card", Some(&card.id))),
            Self::SetCurve { id, .. } => Some(("curve", Some(id))),
            // Dragging a point or typing its note is one step; the drag's end seals it.
            Self::SetPoint { curve, .. } => Some(("point", Some(curve))),
            // Typing a target's value is one step.
            Self::SetTarget(target) => Some(("target", Some(&target.subject))),
            _ => None,
        }
    }

    /// Whether the command changes nothing but the emotion curves (their points, names,
    /// colours and visibility): its undo step keeps a copy of the curves alone.
    pub fn changes_only_curves(&self) -> bool {
        matches!(self, Self::SetCurve { .. } | Self::SetPoint { .. })
    }

    /// The position in `map.cards` of the one card the command changes, when it changes
    /// nothing else: a card's text, details, colour or channel set while its pain point and
    /// opportunity (and so every link in the map) stay as they are. Its undo step keeps a copy
    /// of that card alone, so typing into a card costs the same on a big map as on a small one.
    pub fn changes_only_card(&self, map: &JourneyMap) -> Option<usize> {
        let Self::SetCard(card) = self else {
            return None;
        };
        let index = map.cards.iter().position(|c| c.id == card.id)?;
        apply::same_links(&map.cards[index], card).then_some(index)
    }
}

/// What an applied command created, so the UI can select or edit it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    /// Ids of new elements (the new card, the pasted cards, the new stage…).
    pub created: Vec<Id>,
}

/// What an undo step keeps of the map before it.
#[derive(Clone, Debug)]
enum Snapshot {
    /// The whole map (boxed: the steps move between the undo and redo lists).
    Map(Box<JourneyMap>),
    /// Only the emotion curves (see [`EditCommand::changes_only_curves`]).
    Curves(Vec<EmotionCurve>),
    /// Only the card at this position in `cards` (see [`EditCommand::changes_only_card`]).
    Card(usize, Box<Card>),
}

impl Snapshot {
    /// Puts the snapshot into `map`, returning the same part of `map` as it was.
    fn swap_into(self, map: &mut JourneyMap) -> Self {
        match self {
            Self::Map(m) => Self::Map(Box::new(std::mem::replace(map, *m))),
            Self::Curves(c) => Self::Curves(std::mem::replace(&mut map.curves, c)),
            Self::Card(i, card) => match map.cards.get_mut(i) {
                Some(slot) => Self::Card(i, Box::new(std::mem::replace(slot, *card))),
                // Never: the history puts back the map the step was taken from.
                None => Self::Card(i, card),
            },
        }
    }

    /// Whether `map` holds what the snapshot holds.
    fn matches(&self, map: &JourneyMap) -> bool {
        match self {
            Self::Map(m) => **m == *map,
            Self::Curves(c) => *c == map.curves,
            Self::Card(i, card) => map.cards.get(*i) == Some(&**card),
        }
    }

    /// Whether two snapshots keep the same part of the map (a burst of edits may then be one
    /// undo step).
    fn same_part(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Map(_), Self::Map(_)) | (Self::Curves(_), Self::Curves(_)) => true,
            (Self::Card(a, _), Self::Card(b, _)) => a == b,
            _ => false,
        }
    }

    /// The estimated memory it holds.
    fn bytes(&self) -> usize {
        match self {
            Self::Map(m) => approx_bytes(m),
            Self::Curves(c) => curves_bytes(c),
            Self::Card(_, card) => card_bytes(card),
        }
    }
}

#[derive(Clone, Debug)]
struct Step {
    /// The map before the command (after it, in the redo list).
    before: Snapshot,
    /// Its revision then.
    revision: u64,
    /// Its base revision then (see [`Document::base_revision`]).
    base_revision: u64,
    /// The message key of the command.
    label: &'static str,
    /// The estimated memory `before` holds.
    bytes: usize,
}

/// The state of a document before a provisional change (a new card that may be left empty),
/// to come back to with [`Document::rollback`] as if the change never happened.
#[derive(Debug)]
pub struct Checkpoint {
    revision: u64,
    base_revision: u64,
    redo: Vec<Step>,
}

/// An open document: the map, its undo history and its save state.
#[derive(Clone, Debug)]
pub struct Document {
    map: JourneyMap,
    undo: Vec<Step>,
    /// Undone steps; `before` holds the map after the step.
    redo: Vec<Step>,
    /// The estimated memory of all snapshots in `undo` and `redo`.
    history_bytes: usize,
    /// Most memory the history may hold ([`MAX_UNDO_BYTES`] unless set).
    history_limit: usize,
    /// Identifies the map's content; changes with every edit, restored by undo.
    revision: u64,
    /// Identifies the map's content apart from the emotion curves.
    base_revision: u64,
    next_revision: u64,
    saved_revision: Option<u64>,
    open_burst: Option<(&'static str, Option<Id>)>,
}

impl Document {
    /// A document for `map`; `saved` says whether it matches a file on disk.
    pub fn new(map: JourneyMap, saved: bool) -> Self {
        Self {
            map,
            undo: Vec::new(),
            redo: Vec::new(),
            history_bytes: 0,
            history_limit: MAX_UNDO_BYTES,
            revision: 0,
            base_revision: 0,
            next_revision: 1,
            saved_revision: saved.then_some(0),
            open_burst: None,
        }
    }

    /// The map.
    pub fn map(&self) -> &JourneyMap {
        &self.map
    }

    /// Identifies the current content: equal revisions mean equal maps.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Identifies the map's content apart from its emotion curves: equal base revisions mean
    /// equal stages, lanes, cards, persona and data, whatever the curves (a view can then keep
    /// everything it derived from those and redo only the curves).
    pub fn base_revision(&self) -> u64 {
        self.base_revision
    }

    /// Whether the map differs from the last saved version.
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.revision)
    }

    /// Records that the current map was saved.
    pub fn mark_saved(&mut self) {
        self.saved_revision = Some(self.revision);
    }

    /// Applies a command; a command that changes nothing records nothing.
    pub fn apply(&mut self, command: EditCommand) -> Result<Applied, EditError> {
        let merge = command.merge_key().map(|(kind, id)| (kind, id.cloned()));
        let label = command.label_key();
        let only_curves = command.changes_only_curves();
        let before = if only_curves {
            Snapshot::Curves(self.map.curves.clone())
        } else if let Some(i) = command.changes_only_card(&self.map) {
            Snapshot::Card(i, Box::new(self.map.cards[i].clone()))
        } else {
            Snapshot::Map(Box::new(self.map.clone()))
        };
        // Debug builds (the tests) check that a partial snapshot holds all that changed.
        #[cfg(debug_assertions)]
        let whole_before = (!matches!(before, Snapshot::Map(_))).then(|| self.map.clone());
        let applied = match apply::apply(&mut self.map, command) {
            Ok(applied) => applied,
            Err(err) => {
                // A refused command may have got half way; the map goes back as it was.
                before.swap_into(&mut self.map);
                return Err(err);
            }
        };
        #[cfg(debug_assertions)]
        if let Some(whole) = whole_before {
            let mut now = self.map.clone();
            before.clone().swap_into(&mut now);
            debug_assert!(
                whole == now,
                "{label} changed more than its undo step keeps"
            );
        }
        if before.matches(&self.map) {
            return Ok(applied);
        }
        // A burst joins the last step only when that step kept the same part of the map.
        let coalesce = merge.is_some()
            && merge == self.open_burst
            && self
                .undo
                .last()
                .is_some_and(|last| last.before.same_part(&before));
        self.clear_redo();
        if !coalesce {
            let bytes = before.bytes();
            self.history_bytes += bytes;
            self.undo.push(Step {
                before,
                revision: self.revision,
                base_revision: self.base_revision,
                label,
                bytes,
            });
            self.trim_history();
        }
        self.open_burst = merge;
        self.revision = self.next_revision;
        if !only_curves {
            self.base_revision = self.revision;
        }
        self.next_revision += 1;
        Ok(applied)
    }

    fn clear_redo(&mut self) {
        let freed: usize = self.redo.iter().map(|s| s.bytes).sum();
        self.history_bytes -= freed;
        self.redo.clear();
    }

    /// Drops the oldest undo steps beyond [`MAX_UNDO`] or [`MAX_UNDO_BYTES`], keeping the newest.
    fn trim_history(&mut self) {
        let mut drop = 0;
        while self.undo.len() - drop > 1
            && (self.undo.len() - drop > MAX_UNDO || self.history_bytes > self.history_limit)
        {
            self.history_bytes -= self.undo[drop].bytes;
            drop += 1;
        }
        self.undo.drain(..drop);
    }

    /// Sets the most memory the undo and redo history may hold, in bytes.
    pub fn set_history_limit(&mut self, bytes: usize) {
        self.history_limit = bytes;
        self.trim_history();
    }

    /// The estimated memory the undo and redo history holds, in bytes.
    pub fn history_bytes(&self) -> usize {
        self.history_bytes
    }

    /// How many steps can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Marks the state before a provisional change; see [`Document::rollback`].
    pub fn checkpoint(&mut self) -> Checkpoint {
        self.seal();
        let redo = std::mem::take(&mut self.redo);
        Checkpoint {
            revision: self.revision,
            base_revision: self.base_revision,
            redo,
        }
    }

    /// Goes back to `checkpoint` as if nothing had happened since: the map, the undo and redo
    /// history and the dirty flag are as they were. Returns false (and changes nothing) when
    /// the history no longer reaches back that far, e.g. after an undo past the checkpoint.
    pub fn rollback(&mut self, checkpoint: Checkpoint) -> bool {
        if self.revision == checkpoint.revision {
            self.clear_redo();
            self.history_bytes += checkpoint.redo.iter().map(|s| s.bytes).sum::<usize>();
            self.redo = checkpoint.redo;
            return true;
        }
        let Some(at) = self
            .undo
            .iter()
            .rposition(|s| s.revision == checkpoint.revision)
        else {
            return false;
        };
        self.clear_redo();
        let steps = self.undo.split_off(at);
        self.history_bytes -= steps.iter().map(|s| s.bytes).sum::<usize>();
        // Newest first, each step puts back what it kept.
        for step in steps.into_iter().rev() {
            step.before.swap_into(&mut self.map);
        }
        self.revision = checkpoint.revision;
        self.base_revision = checkpoint.base_revision;
        self.history_bytes += checkpoint.redo.iter().map(|s| s.bytes).sum::<usize>();
        self.redo = checkpoint.redo;
        self.open_burst = None;
        true
    }

    /// Ends the current burst: the next edit starts a new undo step.
    pub fn seal(&mut self) {
        self.open_burst = None;
    }

    /// The message key of what undo would undo.
    pub fn undo_label(&self) -> Option<&'static str> {
        self.undo.last().map(|s| s.label)
    }

    /// The message key of what redo would redo.
    pub fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|r| r.label)
    }

    /// Undoes the last step; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        self.seal();
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let after = step.before.swap_into(&mut self.map);
        let bytes = after.bytes();
        self.history_bytes = self.history_bytes - step.bytes + bytes;
        self.redo.push(Step {
            before: after,
            revision: self.revision,
            base_revision: self.base_revision,
            label: step.label,
            bytes,
        });
        self.revision = step.revision;
        self.base_revision = step.base_revision;
        true
    }

    /// Redoes the last undone step; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        self.seal();
        let Some(step) = self.redo.pop() else {
            return false;
        };
        let before = step.before.swap_into(&mut self.map);
        let bytes = before.bytes();
        self.history_bytes = self.history_bytes - step.bytes + bytes;
        self.undo.push(Step {
            before,
            revision: self.revision,
            base_revision: self.base_revision,
            label: step.label,
            bytes,
        });
        self.revision = step.revision;
        self.base_revision = step.base_revision;
        true
    }
}

/// An estimate of the memory a copy of `map` holds: its elements and their text.
fn approx_bytes(map: &JourneyMap) -> usize {
    use std::mem::size_of;
    let mut bytes = size_of::<JourneyMap>() + map.title.len() + map.description.len();
    bytes += map
        .goals
        .iter()
        .map(|g| g.len() + size_of::<String>())
        .sum::<usize>();
    for stage in &map.stages {
        bytes += size_of::<crate::model::Stage>() + stage.name.len() + stage.id.as_str().len();
        bytes += stage
            .steps
            .iter()
            .map(|s| size_of::<crate::model::Step>() + s.name.len() + s.id.as_str().len())
            .sum::<usize>();
    }
    bytes += map
        .lanes
        .iter()
        .map(|l| size_of::<crate::model::Lane>() + l.name.len() + l.id.as_str().len())
        .sum::<usize>();
    bytes += map.cards.iter().map(card_bytes).sum::<usize>();
    bytes += curves_bytes(&map.curves);
    bytes += metrics::approx_bytes(&map.metrics);
    let p = &map.persona;
    bytes += p.name.len() + p.segment.len() + p.bio.len() + p.quote.len() + p.avatar.len();
    bytes += [&p.goals, &p.needs, &p.frustrations]
        .iter()
        .flat_map(|l| l.iter())
        .map(|s| s.len() + size_of::<String>())
        .sum::<usize>();
    bytes
}

/// An estimate of the memory a copy of `card` holds.
fn card_bytes(card: &Card) -> usize {
    use crate::model::Evidence;
    use std::mem::size_of;
    let mut bytes = size_of::<Card>() + card.text.len() + card.details.len() + 3 * 8;
    if let Some(pain) = &card.pain {
        bytes += size_of::<crate::model::PainPoint>() + pain.owner.len();
        bytes += pain
            .evidence
            .iter()
            .map(|e| {
                size_of::<Evidence>()
                    + match e {
                        Evidence::Text(s) | Evidence::Link(s) => s.len(),
                        Evidence::Metric(id) | Evidence::Measured { card: id, .. } => {
                            id.as_str().len()
                        }
                    }
            })
            .sum::<usize>();
    }
    if let Some(opportunity) = &card.opportunity {
        bytes += size_of::<crate::model::Opportunity>()
            + opportunity.addresses.len() * (size_of::<Id>() + 8);
    }
    bytes
}

/// An estimate of the memory a copy of `curves` holds.
fn curves_bytes(curves: &[EmotionCurve]) -> usize {
    use std::mem::size_of;
    curves
        .iter()
        .map(|curve| {
            size_of::<EmotionCurve>()
                + curve.name.len()
                + curve
                    .points
                    .iter()
                    .map(|p| size_of::<EmotionPoint>() + p.note.len() + 16)
                    .sum::<usize>()
        })
        .sum()
}

#[cfg(test)]
mod tests;

//! The journey map document: plain data, saved as RON by [`crate::file`].
//!
//! Field order here is the order in the file, so keep related fields together and add new
//! fields with `#[serde(default)]` at the end of their struct: old files keep loading and a
//! git diff of a saved map shows only what changed.

use serde::{Deserialize, Serialize};

use super::channel::Channel;
use super::ids::{Id, IdKind};

/// The format version this build writes. Older versions are migrated on load.
pub const FORMAT_VERSION: u32 = 1;

/// Lowest emotion score: very negative.
pub const EMOTION_MIN: f32 = -2.0;
/// Highest emotion score: very positive.
pub const EMOTION_MAX: f32 = 2.0;

/// A whole journey map: one persona's path through the stages of a relationship with a brand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JourneyMap {
    /// File format version; always first in the file.
    pub format: u32,
    /// Title shown above the map.
    pub title: String,
    /// A sentence or two on the scope of the map.
    #[serde(default)]
    pub description: String,
    /// What the map describes: today, the future, a day, or a service blueprint.
    #[serde(default)]
    pub map_type: MapType,
    /// Language of the content, as a BCP 47 tag (`en`, `vi`).
    #[serde(default = "default_language")]
    pub language: String,
    /// One to three business goals the map serves.
    #[serde(default)]
    pub goals: Vec<String>,
    /// When the map was last reviewed against real data, and how often it should be.
    #[serde(default)]
    pub review: Review,
    /// The customer whose journey this is.
    #[serde(default)]
    pub persona: Persona,
    /// Stages, left to right; each holds one or more steps (the columns).
    pub stages: Vec<Stage>,
    /// Lanes, top to bottom (the rows).
    pub lanes: Vec<Lane>,
    /// Every card, each in one (step, lane) cell; order in this list is order within a cell.
    #[serde(default)]
    pub cards: Vec<Card>,
    /// Emotion curves drawn in the emotion lane(s).
    #[serde(default)]
    pub curves: Vec<EmotionCurve>,
    /// The number of the next id to hand out; only grows, so ids are never reused.
    #[serde(default)]
    pub next_id: u64,
    /// Customer data: imported numbers, aliases, targets. Left out of the file until a first
    /// import, so maps without data read and write exactly as before.
    #[serde(default, skip_serializing_if = "super::metrics::Metrics::is_empty")]
    pub metrics: super::metrics::Metrics,
    /// Fields of the file this version does not know, written back in place on save
    /// (see [`super::kept`]). Not a field of the file itself.
    #[serde(skip)]
    pub kept: Vec<super::kept::KeptField>,
}

fn default_language() -> String {
    "en".to_owned()
}

/// What kind of journey map this is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MapType {
    /// How customers experience the brand today.
    #[default]
    CurrentState,
    /// How the experience should be after the changes.
    FutureState,
    /// A whole day of the customer, brand or not.
    DayInTheLife,
    /// Front stage, back stage and support processes behind the experience.
    ServiceBlueprint,
}

impl MapType {
    /// All map types, in menu order.
    pub const ALL: [Self; 4] = [
        Self::CurrentState,
        Self::FutureState,
        Self::DayInTheLife,
        Self::ServiceBlueprint,
    ];
}

/// Review information: maps are hypotheses that go stale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The day the map was last checked against real data, if ever.
    #[serde(default)]
    pub last_reviewed: Option<jiff::civil::Date>,
    /// How many months may pass between reviews (1–36; default 6).
    #[serde(default = "default_cadence")]
    pub cadence_months: u8,
}

impl Review {
    /// Whether the last review is older than the cadence on `today`. A map never reviewed is
    /// not due: it has not gone stale, it is new.
    pub fn is_due(&self, today: jiff::civil::Date) -> bool {
        let Some(last) = self.last_reviewed else {
            return false;
        };
        let months = i64::from(self.cadence_months.max(1));
        last.checked_add(jiff::Span::new().months(months))
            .is_ok_and(|due| due <= today)
    }
}

/// Default review cadence, in months.
pub const DEFAULT_CADENCE_MONTHS: u8 = 6;

fn default_cadence() -> u8 {
    DEFAULT_CADENCE_MONTHS
}

impl Default for Review {
    fn default() -> Self {
        Self {
            last_reviewed: None,
            cadence_months: DEFAULT_CADENCE_MONTHS,
        }
    }
}

/// The customer ("the passenger of the journey") the map is drawn for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Persona {
    /// Name, real or typical ("Lan").
    #[serde(default)]
    pub name: String,
    /// The segment the persona stands for.
    #[serde(default)]
    pub segment: String,
    /// A short biography.
    #[serde(default)]
    pub bio: String,
    /// What the persona wants to achieve.
    #[serde(default)]
    pub goals: Vec<String>,
    /// What the persona needs from the brand.
    #[serde(default)]
    pub needs: Vec<String>,
    /// What gets in the persona's way.
    #[serde(default)]
    pub frustrations: Vec<String>,
    /// Something the persona would say, in their words.
    #[serde(default)]
    pub quote: String,
    /// An emoji standing in for a photo.
    #[serde(default)]
    pub avatar: String,
}

/// A phase of the journey (Awareness, Consideration…), holding one or more steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    /// Stable id.
    pub id: Id,
    /// Name shown in the stage header.
    pub name: String,
    /// Header colour; `None` uses the theme's stage palette by position.
    #[serde(default)]
    pub color: Option<ColorToken>,
    /// The columns of this stage, left to right; never empty.
    pub steps: Vec<Step>,
}

/// One column of the map: a moment within a stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Stable id.
    pub id: Id,
    /// Name shown in the step header; may be empty when a stage has a single step.
    #[serde(default)]
    pub name: String,
}

/// A row of the map; its kind decides what its cells hold and how they are drawn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    /// Stable id.
    pub id: Id,
    /// Name shown in the lane label.
    pub name: String,
    /// What the lane holds.
    pub kind: LaneKind,
}

/// The kinds of lane a map can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LaneKind {
    /// Where the customer meets the brand, each card with a channel.
    Touchpoints,
    /// What the customer does.
    Actions,
    /// What the customer thinks.
    Thoughts,
    /// How the customer feels: the emotion curve.
    Emotions,
    /// Where the experience breaks.
    PainPoints,
    /// Ideas to fix the pain points.
    Opportunities,
    /// Numbers: conversion, CSAT, NPS, drop-off.
    Metrics,
    /// Free text.
    Text,
    /// Service blueprint: what the staff do in front of the customer.
    Frontstage,
    /// Service blueprint: what happens out of the customer's sight.
    Backstage,
    /// Service blueprint: systems and processes that support the staff.
    Support,
}

impl LaneKind {
    /// All lane kinds, in menu order.
    pub const ALL: [Self; 11] = [
        Self::Touchpoints,
        Self::Actions,
        Self::Thoughts,
        Self::Emotions,
        Self::PainPoints,
        Self::Opportunities,
        Self::Metrics,
        Self::Text,
        Self::Frontstage,
        Self::Backstage,
        Self::Support,
    ];

    /// Whether the lane shows cards (all but the emotion lane, which shows curves).
    pub fn holds_cards(self) -> bool {
        self != Self::Emotions
    }

    /// Whether the lane is one of the service-blueprint lanes below the line of interaction.
    pub fn is_blueprint(self) -> bool {
        matches!(self, Self::Frontstage | Self::Backstage | Self::Support)
    }
}

/// Named colours for cards and stages; the theme decides the actual colour in light and dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ColorToken {
    /// Sticky-note yellow.
    Yellow,
    /// Orange.
    Orange,
    /// Red.
    Red,
    /// Pink.
    Pink,
    /// Purple.
    Purple,
    /// Blue.
    Blue,
    /// Teal.
    Teal,
    /// Green.
    Green,
    /// Neutral grey.
    Gray,
}

impl ColorToken {
    /// All colour tokens, in palette order.
    pub const ALL: [Self; 9] = [
        Self::Yellow,
        Self::Orange,
        Self::Red,
        Self::Pink,
        Self::Purple,
        Self::Blue,
        Self::Teal,
        Self::Green,
        Self::Gray,
    ];
}

/// A sticky note in one cell of the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// Stable id.
    pub id: Id,
    /// The step (column) the card is in.
    pub step: Id,
    /// The lane (row) the card is in.
    pub lane: Id,
    /// The text on the card.
    pub text: String,
    /// Longer details, shown in the inspector.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub details: String,
    /// Card colour; `None` uses the lane's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<ColorToken>,
    /// For touchpoints: the channel and whether it is online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// For pain points: severity, votes, evidence, status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<PainPoint>,
    /// For opportunities: impact, effort and the pain points addressed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opportunity: Option<Opportunity>,
}

impl Card {
    /// A plain card with text in the given cell.
    pub fn new(id: Id, step: Id, lane: Id, text: impl Into<String>) -> Self {
        Self {
            id,
            step,
            lane,
            text: text.into(),
            details: String::new(),
            color: None,
            channel: None,
            pain: None,
            opportunity: None,
        }
    }
}

/// What makes a card a pain point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PainPoint {
    /// How badly it hurts, 1 (minor) to 5 (critical).
    pub severity: u8,
    /// Dot votes from a workshop.
    #[serde(default)]
    pub votes: u32,
    /// What shows the pain is real: a quote, a link, a metric.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Where fixing it stands.
    #[serde(default)]
    pub status: PainStatus,
    /// Who is responsible for fixing it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Where on the map it hurts: a touchpoint card or a point of an emotion curve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<PainAnchor>,
}

/// What a pain point's marker is pinned to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PainAnchor {
    /// A card, usually a touchpoint.
    Card(Id),
    /// The point of `curve` at `step`.
    Point {
        /// The curve.
        curve: Id,
        /// The step of the point.
        step: Id,
    },
}

/// Lowest severity of a pain point.
pub const SEVERITY_MIN: u8 = 1;
/// Highest severity of a pain point.
pub const SEVERITY_MAX: u8 = 5;

/// One piece of evidence behind a pain point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Evidence {
    /// A quote, a ticket count, an observation.
    Text(String),
    /// A link to a report, a recording, a ticket.
    Link(String),
    /// The id of a card in a metrics lane.
    Metric(Id),
    /// A measured number: the latest imported value of `metric` for the touchpoint `card`
    /// (a link to the data, so it follows re-imports; never a copy of the number).
    Measured {
        /// The touchpoint card the number belongs to.
        card: Id,
        /// Which of its metrics.
        metric: super::metrics::MetricKind,
    },
}

/// Where fixing a pain point stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PainStatus {
    /// Nobody is on it yet.
    #[default]
    Open,
    /// Being fixed.
    InProgress,
    /// Fixed.
    Fixed,
}

/// What makes a card an opportunity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Opportunity {
    /// Expected impact, 1–5.
    pub impact: u8,
    /// Expected effort, 1–5.
    pub effort: u8,
    /// Dot votes from a workshop.
    #[serde(default)]
    pub votes: u32,
    /// The pain-point cards this opportunity addresses.
    #[serde(default)]
    pub addresses: Vec<Id>,
}

/// A named emotion curve: one point per step, from −2 (very negative) to +2 (very positive).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmotionCurve {
    /// Stable id.
    pub id: Id,
    /// Name in the legend ("as-is", "to-be").
    pub name: String,
    /// Line colour.
    pub color: ColorToken,
    /// Points, at most one per step, kept in step order.
    pub points: Vec<EmotionPoint>,
    /// Hidden from the canvas and exports (still listed in the legend).
    #[serde(default, skip_serializing_if = "is_false")]
    pub hidden: bool,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if signature"
)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// How the customer feels at one step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmotionPoint {
    /// The step this point belongs to.
    pub step: Id,
    /// From −2.0 to +2.0.
    pub score: f32,
    /// An emoji chosen by the user instead of the one the score suggests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<String>,
    /// What the customer feels, in words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The emoji offered in the point picker: the five levels first, then common feelings.
pub const FEELING_EMOJI: [&str; 20] = [
    "😡", "🙁", "😐", "🙂", "😄", "😍", "🤩", "😌", "🤔", "😕", "😟", "😤", "😩", "😢", "😱", "😴",
    "🥳", "😮", "🤯", "💸",
];

/// Person emoji offered as persona avatars: single code points (no ZWJ sequences, which egui
/// cannot join), each in the bundled Noto Emoji and with a colour picture (`art::emoji`).
pub const AVATAR_EMOJI: [&str; 14] = [
    "👩", "👨", "🧑", "👧", "👦", "👵", "👴", "🧓", "👶", "🧒", "👱", "🧔", "🧕", "👷",
];

/// The avatar shown for a persona that has none.
pub const AVATAR_PLACEHOLDER: &str = "👤";

/// The icon of a severity, a gauge filling up from 1 (minor) to 5 (critical); drawn beside its
/// colour so severity never depends on colour alone.
pub fn severity_icon(severity: u8) -> &'static str {
    match severity {
        0 | 1 => "○",
        2 => "◔",
        3 => "◑",
        4 => "◕",
        _ => "●",
    }
}

/// Snaps a dragged score to the nearest half point and keeps it within −2..=+2.
pub fn snap_score(score: f32) -> f32 {
    clamp_score((score * 2.0).round() / 2.0)
}

/// Keeps a score within −2..=+2 (a NaN becomes 0).
pub fn clamp_score(score: f32) -> f32 {
    if score.is_nan() {
        0.0
    } else {
        score.clamp(EMOTION_MIN, EMOTION_MAX)
    }
}

/// The emoji for a score, in five levels from very negative to very positive.
pub fn emoji_for_score(score: f32) -> &'static str {
    if score <= -1.5 {
        "😡"
    } else if score <= -0.5 {
        "🙁"
    } else if score < 0.5 {
        "😐"
    } else if score < 1.5 {
        "🙂"
    } else {
        "😄"
    }
}

impl JourneyMap {
    /// An empty map with the given title, in the current format.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            format: FORMAT_VERSION,
            title: title.into(),
            description: String::new(),
            map_type: MapType::default(),
            language: default_language(),
            goals: Vec::new(),
            review: Review::default(),
            persona: Persona::default(),
            stages: Vec::new(),
            lanes: Vec::new(),
            cards: Vec::new(),
            curves: Vec::new(),
            next_id: 1,
            metrics: super::metrics::Metrics::default(),
            kept: Vec::new(),
        }
    }

    /// All steps, left to right, with the stage each belongs to.
    pub fn steps(&self) -> impl Iterator<Item = (&Stage, &Step)> {
        self.stages
            .iter()
            .flat_map(|stage| stage.steps.iter().map(move |step| (stage, step)))
    }

    /// Number of steps (columns).
    pub fn step_count(&self) -> usize {
        self.stages.iter().map(|s| s.steps.len()).sum()
    }

    /// The column index of a step.
    pub fn step_index(&self, step: &Id) -> Option<usize> {
        self.steps().position(|(_, s)| &s.id == step)
    }

    /// The stage holding a step.
    pub fn stage_of_step(&self, step: &Id) -> Option<&Stage> {
        self.steps().find(|(_, s)| &s.id == step).map(|(st, _)| st)
    }

    /// The lane with this id.
    pub fn lane(&self, id: &Id) -> Option<&Lane> {
        self.lanes.iter().find(|l| &l.id == id)
    }

    /// The card with this id.
    pub fn card(&self, id: &Id) -> Option<&Card> {
        self.cards.iter().find(|c| &c.id == id)
    }

    /// The cards of one cell, in order.
    pub fn cards_in<'a>(&'a self, step: &'a Id, lane: &'a Id) -> impl Iterator<Item = &'a Card> {
        self.cards
            .iter()
            .filter(move |c| &c.step == step && &c.lane == lane)
    }

    /// Every card that is a pain point.
    pub fn pain_points(&self) -> impl Iterator<Item = (&Card, &PainPoint)> {
        self.cards
            .iter()
            .filter_map(|c| c.pain.as_ref().map(|p| (c, p)))
    }

    /// The curve with this id.
    pub fn curve(&self, id: &Id) -> Option<&EmotionCurve> {
        self.curves.iter().find(|c| &c.id == id)
    }

    /// Whether `pain_card` may be pinned to `anchor`: the anchor exists, is in the pain point's
    /// own step (a pin across columns would draw the marker far from its card), and is not the
    /// card itself.
    pub fn anchor_fits(&self, pain_card: &Card, anchor: &PainAnchor) -> bool {
        match anchor {
            PainAnchor::Card(id) => {
                id != &pain_card.id && self.card(id).is_some_and(|t| t.step == pain_card.step)
            }
            PainAnchor::Point { curve, step } => {
                step == &pain_card.step
                    && self
                        .curve(curve)
                        .is_some_and(|c| c.points.iter().any(|p| &p.step == step))
            }
        }
    }

    /// Calls `f` on the own id of every element (stage, step, lane, card, curve), with its kind,
    /// in file order.
    pub fn for_each_own_id_mut(&mut self, mut f: impl FnMut(IdKind, &mut Id)) {
        for stage in &mut self.stages {
            f(IdKind::Stage, &mut stage.id);
            for step in &mut stage.steps {
                f(IdKind::Step, &mut step.id);
            }
        }
        for lane in &mut self.lanes {
            f(IdKind::Lane, &mut lane.id);
        }
        for card in &mut self.cards {
            f(IdKind::Card, &mut card.id);
        }
        for curve in &mut self.curves {
            f(IdKind::Curve, &mut curve.id);
        }
    }

    /// Calls `f` on every id that points at another element: each card's step and lane, pain
    /// anchors (a card, or a curve and a step), the pain points an opportunity addresses,
    /// `Metric` and `Measured` evidence, the step of each curve point, and the links of the
    /// customer data (aliases, targets, matched cards and stages of each snapshot). Together with
    /// [`Self::for_each_own_id_mut`] it visits every id of the map, so renumbering an element
    /// can update every link to it; a new kind of link must be added here.
    pub fn for_each_ref_mut(&mut self, mut f: impl FnMut(&mut Id)) {
        for card in &mut self.cards {
            f(&mut card.step);
            f(&mut card.lane);
            if let Some(pain) = &mut card.pain {
                match &mut pain.anchor {
                    Some(PainAnchor::Card(id)) => f(id),
                    Some(PainAnchor::Point { curve, step }) => {
                        f(curve);
                        f(step);
                    }
                    None => {}
                }
                for evidence in &mut pain.evidence {
                    if let Evidence::Metric(id) | Evidence::Measured { card: id, .. } = evidence {
                        f(id);
                    }
                }
            }
            if let Some(opp) = &mut card.opportunity {
                opp.addresses.iter_mut().for_each(&mut f);
            }
        }
        for curve in &mut self.curves {
            for point in &mut curve.points {
                f(&mut point.step);
            }
        }
        self.metrics.for_each_ref_mut(f);
    }

    /// Every card that is an opportunity.
    pub fn opportunities(&self) -> impl Iterator<Item = (&Card, &Opportunity)> {
        self.cards
            .iter()
            .filter_map(|c| c.opportunity.as_ref().map(|o| (c, o)))
    }
}

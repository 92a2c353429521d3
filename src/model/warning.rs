//! What restore repaired, as data: a message key with its values, so the UI can say it in its
//! language, and the English sentence the command line prints.

use std::fmt;

use super::ids::Id;

/// Something restore found wrong and repaired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// What was wrong and what was done about it, in one English sentence.
    pub message: String,
    /// The message key (`warn-…`), for the UI's language.
    pub key: &'static str,
    /// The values the message names.
    pub args: Vec<(&'static str, Arg)>,
}

/// A value named in a warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is: an id, a number, a field name.
    Text(String),
    /// The element the warning is about, named in the reader's language.
    Subject(Subject),
}

/// The element a warning is about, named the way people find it on the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The map itself.
    Map,
    /// The persona.
    Persona,
    /// A stage.
    Stage {
        /// Its id, when it names it.
        id: Option<Id>,
        /// Its name.
        name: String,
    },
    /// A step, by its stage.
    Step {
        /// Its id, when it names it.
        id: Option<Id>,
        /// The name of its stage.
        stage: String,
    },
    /// A lane.
    Lane {
        /// Its id, when it names it.
        id: Option<Id>,
        /// Its name.
        name: String,
    },
    /// A card.
    Card {
        /// Its id, when it names it.
        id: Option<Id>,
        /// The start of its text.
        text: String,
    },
    /// A pain point.
    PainPoint {
        /// The start of its text.
        text: String,
    },
    /// An emotion curve.
    Curve {
        /// Its id, when it names it.
        id: Option<Id>,
        /// Its name.
        name: String,
    },
    /// A point of a curve.
    CurvePoint {
        /// The curve's id.
        id: Id,
        /// The curve's name.
        name: String,
        /// The point's step.
        step: Id,
    },
    /// The customer data of the map (aliases, targets, the saved mapping).
    Metrics,
    /// One import of customer data.
    Snapshot {
        /// Its number, from 1 (oldest first).
        number: usize,
        /// The data file's name.
        file: String,
    },
}

impl Subject {
    /// The message key of this kind of subject and the values it names, for the UI.
    pub fn key_and_args(&self) -> (&'static str, Vec<(&'static str, String)>) {
        let id = |id: &Id| id.to_string();
        match self {
            Self::Map => ("subject-map", vec![]),
            Self::Persona => ("subject-persona", vec![]),
            Self::Stage { id: None, name } => ("subject-stage", vec![("name", name.clone())]),
            Self::Stage { id: Some(i), name } => (
                "subject-stage-id",
                vec![("id", id(i)), ("name", name.clone())],
            ),
            Self::Step { id: None, stage } => ("subject-step", vec![("stage", stage.clone())]),
            Self::Step { id: Some(i), stage } => (
                "subject-step-id",
                vec![("id", id(i)), ("stage", stage.clone())],
            ),
            Self::Lane { id: None, name } => ("subject-lane", vec![("name", name.clone())]),
            Self::Lane { id: Some(i), name } => (
                "subject-lane-id",
                vec![("id", id(i)), ("name", name.clone())],
            ),
            Self::Card { id: None, text } => ("subject-card", vec![("name", text.clone())]),
            Self::Card { id: Some(i), text } => (
                "subject-card-id",
                vec![("id", id(i)), ("name", text.clone())],
            ),
            Self::PainPoint { text } => ("subject-pain", vec![("name", text.clone())]),
            Self::Curve { id: None, name } => ("subject-curve", vec![("name", name.clone())]),
            Self::Curve { id: Some(i), name } => (
                "subject-curve-id",
                vec![("id", id(i)), ("name", name.clone())],
            ),
            Self::CurvePoint { id: i, name, step } => (
                "subject-point",
                vec![("id", id(i)), ("name", name.clone()), ("step", id(step))],
            ),
            Self::Metrics => ("subject-metrics", vec![]),
            Self::Snapshot { number, file } => (
                "subject-snapshot",
                vec![("number", number.to_string()), ("file", file.clone())],
            ),
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (key, args) = self.key_and_args();
        f.write_str(&fill(english(key), &args))
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl Warning {
    /// The warning `key` naming `args`, with its English sentence.
    pub fn new(key: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        let plain: Vec<(&'static str, String)> = args
            .iter()
            .map(|(name, arg)| {
                let text = match arg {
                    Arg::Text(t) => t.clone(),
                    Arg::Subject(s) => s.to_string(),
                };
                (*name, text)
            })
            .collect();
        Self {
            message: fill(english(key), &plain),
            key,
            args,
        }
    }
}

/// A text value for [`Warning::new`].
pub fn text(value: impl fmt::Display) -> Arg {
    Arg::Text(value.to_string())
}

/// Every warning and subject key, for the translations' tests.
pub const KEYS: &[&str] = &[
    "warn-text-cleaned-one",
    "warn-text-cleaned",
    "warn-next-id-too-large",
    "warn-id-control",
    "warn-id-too-large",
    "warn-ids-compacted",
    "warn-goals",
    "warn-cadence",
    "warn-language",
    "warn-next-id-low",
    "warn-no-id",
    "warn-id-twice",
    "warn-stage-no-steps",
    "warn-card-step",
    "warn-card-emotion-lane",
    "warn-card-lane",
    "warn-severity",
    "warn-metric-missing",
    "warn-impact",
    "warn-effort",
    "warn-link-removed",
    "warn-unpinned",
    "warn-point-twice",
    "warn-point-no-step",
    "warn-score-nan",
    "warn-score-range",
    "warn-kept-field-lost",
    "warn-alias-missing",
    "warn-target-missing",
    "warn-target-nan",
    "warn-target-range",
    "warn-snapshot-card-missing",
    "warn-snapshot-stage-missing",
    "warn-metric-nan",
    "warn-metric-range",
    "warn-measured-missing",
    "subject-map",
    "subject-persona",
    "subject-stage",
    "subject-stage-id",
    "subject-step",
    "subject-step-id",
    "subject-lane",
    "subject-lane-id",
    "subject-card",
    "subject-card-id",
    "subject-pain",
    "subject-curve",
    "subject-curve-id",
    "subject-point",
    "subject-metrics",
    "subject-snapshot",
];

/// The English sentence of `key`, with `{name}` where a value goes. The UI's English Fluent
/// file says the same (a test checks it).
pub fn english(key: &str) -> &'static str {
    match key {
        "warn-text-cleaned-one" => "{subject} {field}: removed 1 control character",
        "warn-text-cleaned" => "{subject} {field}: removed {count} control characters",
        "warn-next-id-too-large" => {
            "next_id {found} is above the largest id number ({max}); set to {fixed}"
        }
        "warn-id-control" => {
            "id {id} contains control characters; renumbered to {new} and updated the links to it"
        }
        "warn-id-too-large" => {
            "id {id} is above the largest id number ({max}); renumbered to {new} and updated the links to it"
        }
        "warn-ids-compacted" => {
            "ids reach the largest id number ({max}); renumbered every id from 1 and updated the links"
        }
        "warn-goals" => {
            "the map has {count} business goals; keep it to 1–3 so the map stays focused"
        }
        "warn-cadence" => "review cadence of {found} months is out of range 1–36; set to {fixed}",
        "warn-language" => "the content language is empty; set to \"en\"",
        "warn-next-id-low" => {
            "next_id {found} is not above the highest id in use ({highest}); set to {fixed}"
        }
        "warn-no-id" => "{subject} has no id; gave it {fresh}",
        "warn-id-twice" => "id {id} is used twice; the second one ({subject}) is now {fresh}",
        "warn-stage-no-steps" => "{subject} has no steps; added step {step}",
        "warn-card-step" => {
            "{subject} is in step {step}, which does not exist; moved to step {target}"
        }
        "warn-card-emotion-lane" => {
            "{subject} is in {lane}, an emotion lane, which shows curves, not cards; moved to lane {target}"
        }
        "warn-card-lane" => {
            "{subject} is in {lane}, a lane that does not exist; moved to lane {target}"
        }
        "warn-severity" => "{subject}: severity {found} is out of range 1–5; set to {fixed}",
        "warn-metric-missing" => {
            "{subject}: evidence points at metric card {id}, which does not exist; kept as text"
        }
        "warn-impact" => "{subject}: impact {found} is out of range 1–5; set to {fixed}",
        "warn-effort" => "{subject}: effort {found} is out of range 1–5; set to {fixed}",
        "warn-link-removed" => {
            "{subject}: link to {id} removed: it is not a pain point of this map, or is listed twice"
        }
        "warn-unpinned" => {
            "{subject} was pinned to something that is not in its step (or not in the map); unpinned it"
        }
        "warn-point-twice" => "{subject} had a second point for the same step ({step}); removed it",
        "warn-point-no-step" => {
            "{subject} had a point for a step that does not exist ({step}); removed it"
        }
        "warn-score-nan" => "{subject}: the score at {step} is not a number; set to 0",
        "warn-score-range" => {
            "{subject}: score {found} at {step} is out of range −2 to +2; set to {fixed}"
        }
        "warn-kept-field-lost" => {
            "the unknown field {field} belongs to an element whose id had to be repaired; it will not be saved"
        }
        "warn-alias-missing" => {
            "{subject}: the alias \"{value}\" points at card {id}, which does not exist; removed it"
        }
        "warn-target-missing" => {
            "{subject}: the {metric} target of {id}, which does not exist, was removed"
        }
        "warn-target-nan" => "{subject}: the {metric} target of {id} is not a number; removed it",
        "warn-target-range" => {
            "{subject}: the {metric} target {found} of {id} is out of range {range}; set to {fixed}"
        }
        "warn-snapshot-card-missing" => {
            "{subject}: \"{value}\" was matched to card {id}, which does not exist; it is unmatched now"
        }
        "warn-snapshot-stage-missing" => {
            "{subject}: stage \"{value}\" was matched to stage {id}, which does not exist; it is unmatched now"
        }
        "warn-metric-nan" => "{subject}: {metric} of \"{value}\" is not a number; removed it",
        "warn-metric-range" => {
            "{subject}: {metric} {found} of \"{value}\" is out of range {range}; set to {fixed}"
        }
        "warn-measured-missing" => {
            "{subject}: evidence points at the {metric} of card {id}, which does not exist; removed it"
        }
        "subject-metrics" => "customer data",
        "subject-snapshot" => "data import {number} \"{file}\"",
        "subject-map" => "map",
        "subject-persona" => "persona",
        "subject-stage" => "stage \"{name}\"",
        "subject-stage-id" => "stage {id} \"{name}\"",
        "subject-step" => "a step of stage \"{stage}\"",
        "subject-step-id" => "step {id} of stage \"{stage}\"",
        "subject-lane" => "lane \"{name}\"",
        "subject-lane-id" => "lane {id} \"{name}\"",
        "subject-card" => "card \"{name}\"",
        "subject-card-id" => "card {id} \"{name}\"",
        "subject-pain" => "pain point \"{name}\"",
        "subject-curve" => "curve \"{name}\"",
        "subject-curve-id" => "curve {id} \"{name}\"",
        "subject-point" => "curve {id} \"{name}\" point at {step}",
        _ => "{key}",
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_an_english_sentence() {
        for key in KEYS {
            assert_ne!(english(key), "{key}", "{key}");
        }
    }

    #[test]
    fn sentences_name_their_values() {
        let w = Warning::new(
            "warn-severity",
            vec![
                (
                    "subject",
                    Arg::Subject(Subject::Card {
                        id: Some(Id::new("c4")),
                        text: "Phí ship".to_owned(),
                    }),
                ),
                ("found", text(9)),
                ("fixed", text(5)),
            ],
        );
        assert_eq!(
            w.message,
            "card c4 \"Phí ship\": severity 9 is out of range 1–5; set to 5"
        );
    }
}

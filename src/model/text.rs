//! Text hygiene: every string in a map is kept in Unicode NFC and free of control characters.
//!
//! Vietnamese can be typed as precomposed letters (`ệ`) or as a base letter with combining
//! marks (`e` + `̣` + `̂`); input methods and copy-paste from other apps produce both. Keeping
//! one form means search, comparison and diffs behave, and fonts pick the designed glyph.
//!
//! Control characters (a bell, an escape sequence that recolours a terminal) and the bidi
//! override characters (which make text display in another order than it is stored) have no
//! place in a sticky note; [`clean_text`](super::clean_text) removes them so they never reach a terminal, a report
//! or a spreadsheet.

use unicode_normalization::{IsNormalized, UnicodeNormalization as _, is_nfc_quick};

use super::map::JourneyMap;

/// Returns `text` in NFC.
pub fn nfc(text: &str) -> String {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.to_owned()
    } else {
        text.nfc().collect()
    }
}

/// Puts `text` in NFC in place; returns whether it changed.
pub fn make_nfc(text: &mut String) -> bool {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return false;
    }
    let normalized: String = text.nfc().collect();
    let changed = normalized != *text;
    *text = normalized;
    changed
}

/// Which element of a map a user text belongs to, by position (so a caller can name it after
/// the text was changed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextOwner {
    /// The map itself: title, description, language, goals.
    Map,
    /// The persona.
    Persona,
    /// `map.stages[i]`.
    Stage(usize),
    /// `map.stages[stage].steps[step]`.
    Step {
        /// Index of the stage.
        stage: usize,
        /// Index of the step within the stage.
        step: usize,
    },
    /// `map.lanes[i]`.
    Lane(usize),
    /// `map.cards[i]`.
    Card(usize),
    /// `map.curves[i]`.
    Curve(usize),
    /// `map.curves[curve].points[point]`.
    CurvePoint {
        /// Index of the curve.
        curve: usize,
        /// Index of the point within the curve.
        point: usize,
    },
    /// The customer data's own texts: aliases, ignored values, the saved mapping.
    Metrics,
    /// `map.metrics.snapshots[i]`: its source, mapping and data values.
    Snapshot(usize),
}

/// Where a user text is: its element, its field (as named in the file) and, for lists, the
/// position in the list (from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextPlace {
    /// The element holding the text.
    pub owner: TextOwner,
    /// The field, as named in the file (`text`, `details`, `owner`, `evidence`...).
    pub field: &'static str,
    /// The position in a list field (goals, evidence...), from 0.
    pub index: Option<usize>,
}

/// Calls `f` on every user-written string of the map (not on ids).
pub fn for_each_text_mut(map: &mut JourneyMap, mut f: impl FnMut(&mut String)) {
    for_each_text_at_mut(map, |_, s| f(s));
}

/// Calls `f` on every user-written string of the map (not on ids), with where it is.
pub fn for_each_text_at_mut(map: &mut JourneyMap, mut f: impl FnMut(TextPlace, &mut String)) {
    let at = |owner, field| TextPlace {
        owner,
        field,
        index: None,
    };
    let item = |owner, field, index| TextPlace {
        owner,
        field,
        index: Some(index),
    };
    f(at(TextOwner::Map, "title"), &mut map.title);
    f(at(TextOwner::Map, "description"), &mut map.description);
    f(at(TextOwner::Map, "language"), &mut map.language);
    for (i, goal) in map.goals.iter_mut().enumerate() {
        f(item(TextOwner::Map, "goals", i), goal);
    }
    let p = &mut map.persona;
    for (field, s) in [
        ("name", &mut p.name),
        ("segment", &mut p.segment),
        ("bio", &mut p.bio),
        ("quote", &mut p.quote),
        ("avatar", &mut p.avatar),
    ] {
        f(at(TextOwner::Persona, field), s);
    }
    for (field, list) in [
        ("goals", &mut p.goals),
        ("needs", &mut p.needs),
        ("frustrations", &mut p.frustrations),
    ] {
        for (i, s) in list.iter_mut().enumerate() {
            f(item(TextOwner::Persona, field, i), s);
        }
    }
    for (si, stage) in map.stages.iter_mut().enumerate() {
        f(at(TextOwner::Stage(si), "name"), &mut stage.name);
        for (ti, step) in stage.steps.iter_mut().enumerate() {
            let owner = TextOwner::Step {
                stage: si,
                step: ti,
            };
            f(at(owner, "name"), &mut step.name);
        }
    }
    for (i, lane) in map.lanes.iter_mut().enumerate() {
        f(at(TextOwner::Lane(i), "name"), &mut lane.name);
    }
    for (i, card) in map.cards.iter_mut().enumerate() {
        let owner = TextOwner::Card(i);
        f(at(owner, "text"), &mut card.text);
        f(at(owner, "details"), &mut card.details);
        if let Some(channel) = &mut card.channel
            && let super::ChannelKind::Custom(name) = &mut channel.kind
        {
            f(at(owner, "channel"), name);
        }
        if let Some(pain) = &mut card.pain {
            f(at(owner, "owner"), &mut pain.owner);
            for (ei, evidence) in pain.evidence.iter_mut().enumerate() {
                match evidence {
                    super::Evidence::Text(s) | super::Evidence::Link(s) => {
                        f(item(owner, "evidence", ei), s);
                    }
                    super::Evidence::Metric(_) | super::Evidence::Measured { .. } => {}
                }
            }
        }
    }
    for (ci, curve) in map.curves.iter_mut().enumerate() {
        f(at(TextOwner::Curve(ci), "name"), &mut curve.name);
        for (pi, point) in curve.points.iter_mut().enumerate() {
            let owner = TextOwner::CurvePoint {
                curve: ci,
                point: pi,
            };
            f(at(owner, "note"), &mut point.note);
            if let Some(emoji) = &mut point.emoji {
                f(at(owner, "emoji"), emoji);
            }
        }
    }
    map.metrics.for_each_text_mut(|snapshot, field, s| {
        let owner = snapshot.map_or(TextOwner::Metrics, TextOwner::Snapshot);
        f(at(owner, field), s);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clean_text;

    #[test]
    fn decomposed_vietnamese_becomes_precomposed() {
        let decomposed = "Nha\u{0300}n thu\u{031b}\u{0301}c"; // "Nhàn thức" typed with marks
        let composed = nfc(decomposed);
        assert_eq!(composed, "Nhàn thức");
        assert!(composed.chars().count() < decomposed.chars().count());
    }

    #[test]
    fn make_nfc_reports_change() {
        let mut s = "Tie\u{0302}\u{0301}p".to_owned();
        assert!(make_nfc(&mut s));
        assert_eq!(s, "Tiếp");
        assert!(!make_nfc(&mut s));
    }

    #[test]
    fn clean_text_removes_controls_and_bidi_overrides() {
        let mut s = "Phí\u{7} ship \u{1b}[31mcao\u{1b}[0m\u{85}\u{7f}".to_owned();
        assert_eq!(clean_text(&mut s), 5);
        assert_eq!(s, "Phí ship [31mcao[0m");
        let mut s = "abc\u{202e}fed\u{202c} \u{2066}x\u{2069}".to_owned();
        assert_eq!(clean_text(&mut s), 4);
        assert_eq!(s, "abcfed x");
    }

    #[test]
    fn clean_text_keeps_tabs_newlines_and_normalises_line_breaks() {
        let mut s = "a\tb\r\nc\rd\ne".to_owned();
        assert_eq!(clean_text(&mut s), 2);
        assert_eq!(s, "a\tb\nc\nd\ne");
        let mut clean = "Chị Hương 👩\u{200d}💻 đi\tchợ\nxong".to_owned();
        let before = clean.clone();
        assert_eq!(clean_text(&mut clean), 0);
        assert_eq!(clean, before);
    }

    #[test]
    fn places_name_the_element_and_field() {
        let mut map = crate::model::synth::synth_map(crate::model::synth::SynthSize {
            stages: 3,
            steps: 5,
            lanes: 6,
            cards: 60,
        });
        map.cards[3].details.push('\u{7}');
        map.persona.needs.push("x\u{1b}".to_owned());
        let mut dirty = Vec::new();
        for_each_text_at_mut(&mut map, |place, s| {
            if clean_text(s) > 0 {
                dirty.push(place);
            }
        });
        assert_eq!(
            dirty,
            [
                TextPlace {
                    owner: TextOwner::Persona,
                    field: "needs",
                    index: Some(map.persona.needs.len() - 1),
                },
                TextPlace {
                    owner: TextOwner::Card(3),
                    field: "details",
                    index: None,
                },
            ]
        );
    }
}

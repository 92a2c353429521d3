//! Short, stable, human-readable identifiers.
//!
//! Every element of a map that another element can point at has an [`Id`]: a kind prefix and a
//! number (`st3`, `c17`). Ids are unique within one map and never reused: the map keeps a
//! counter ([`crate::model::JourneyMap::next_id`]) that only grows, so a deleted card's id can
//! never come back and silently attach old links to new content.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest id number a map may use: 2^53.
///
/// It is the largest integer that a double (`f64`, every JavaScript number, most JSON
/// readers) holds exactly, so ids survive a trip through any tool a map is exported to; and it
/// leaves room to hand out a million ids a second for 285 years, so a counter that starts at or
/// below it can never reach `u64::MAX` and wrap. Restore renumbers ids above it.
pub const MAX_ID_NUMBER: u64 = 1 << 53;

/// An identifier of a stage, step, lane, card or curve, unique within one map.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// Wraps a string as an id without checking it (use [`IdKind::make`] for new ids).
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }

    /// The id as text, as written in the file.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the id holds a control character (tab, line breaks and the others that
    /// [`clean_text`](super::clean_text) removes from text): such an id is renumbered by restore.
    pub fn has_control_characters(&self) -> bool {
        self.0
            .chars()
            .any(|c| matches!(c, '\t' | '\n' | '\r') || super::chars::is_unwanted_control(c))
    }

    /// The number after the prefix, if the id has the usual `prefix + digits` shape.
    pub fn number(&self) -> Option<u64> {
        let digits_at = self.0.find(|c: char| c.is_ascii_digit())?;
        self.0[digits_at..].parse().ok()
    }
}

impl fmt::Display for Id {
    /// The id as written, except that control characters (which only a hand-made or hostile
    /// file has in an id) are shown escaped (`\u{1b}`), so no message or report can send one
    /// to a terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.has_control_characters() {
            for c in self.0.chars() {
                if c == '\r' || super::chars::is_unwanted_control(c) {
                    write!(f, "{}", c.escape_unicode())?;
                } else {
                    write!(f, "{c}")?;
                }
            }
            Ok(())
        } else {
            f.write_str(&self.0)
        }
    }
}

/// What an id names; decides its prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// A stage (`s`).
    Stage,
    /// A step inside a stage (`st`).
    Step,
    /// A lane (`l`).
    Lane,
    /// A card (`c`).
    Card,
    /// An emotion curve (`cv`).
    Curve,
}

impl IdKind {
    /// The prefix written before the number.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Stage => "s",
            Self::Step => "st",
            Self::Lane => "l",
            Self::Card => "c",
            Self::Curve => "cv",
        }
    }

    /// Builds the id of this kind with the given number.
    pub fn make(self, number: u64) -> Id {
        Id(format!("{}{number}", self.prefix()))
    }
}

/// Hands out fresh ids from a counter that only grows.
#[derive(Debug)]
pub struct IdGen<'a> {
    next: &'a mut u64,
}

impl<'a> IdGen<'a> {
    /// Hands out ids starting at `*next`, advancing it.
    pub fn new(next: &'a mut u64) -> Self {
        Self { next }
    }

    /// A fresh id of `kind`. Never panics and never wraps: the counter saturates at
    /// `u64::MAX`. Restore keeps a map's counter at most [`MAX_ID_NUMBER`] + 1, from where
    /// saturation is 2^64 − 2^53 ids away, so fresh ids never repeat.
    pub fn fresh(&mut self, kind: IdKind) -> Id {
        let number = (*self.next).max(1);
        *self.next = number.saturating_add(1);
        kind.make(number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_prefix_and_number() {
        let mut next = 1;
        let mut ids = IdGen::new(&mut next);
        let a = ids.fresh(IdKind::Card);
        let b = ids.fresh(IdKind::Step);
        assert_eq!(a.as_str(), "c1");
        assert_eq!(b.as_str(), "st2");
        assert_eq!(b.number(), Some(2));
        assert_eq!(next, 3);
    }

    #[test]
    fn fresh_never_panics_or_wraps_at_the_top() {
        let mut next = u64::MAX - 1;
        let mut ids = IdGen::new(&mut next);
        assert_eq!(ids.fresh(IdKind::Card).number(), Some(u64::MAX - 1));
        assert_eq!(ids.fresh(IdKind::Card).number(), Some(u64::MAX));
        assert_eq!(next, u64::MAX);
    }

    #[test]
    fn ids_with_control_characters_display_escaped() {
        let id = Id::new("c1\u{1b}[31m\u{7}");
        assert!(id.has_control_characters());
        assert_eq!(id.to_string(), "c1\\u{1b}[31m\\u{7}");
        assert!(!Id::new("c1").has_control_characters());
        assert_eq!(Id::new("c1").to_string(), "c1");
    }

    #[test]
    fn number_of_odd_ids() {
        assert_eq!(Id::new("hello").number(), None);
        assert_eq!(Id::new("c99999999999999999999999").number(), None);
    }
}

//! Short, stable, human-readable identifiers.
//!
//! Every element of a map that another element can point at has an [`Id`]: a kind prefix and a
//! number (`st3`, `c17`). Ids are unique within one map and never reused: the map keeps a
//! counter ([`crate::model::JourneyMap::next_id`]) that only grows, so a deleted card's id can
//! never come back and silently attach old links to new content.

use serde::{Deserialize, Serialize};
use std::fmt;

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

    /// The number after the prefix, if the id has the usual `prefix + digits` shape.
    pub fn number(&self) -> Option<u64> {
        let digits_at = self.0.find(|c: char| c.is_ascii_digit())?;
        self.0[digits_at..].parse().ok()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
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

    /// A fresh id of `kind`.
    pub fn fresh(&mut self, kind: IdKind) -> Id {
        let id = kind.make((*self.next).max(1));
        *self.next = (*self.next).max(1) + 1;
        id
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
    fn number_of_odd_ids() {
        assert_eq!(Id::new("hello").number(), None);
        assert_eq!(Id::new("c99999999999999999999999").number(), None);
    }
}

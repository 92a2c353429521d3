//! Fields this version of journeymap does not know, carried along so that saving keeps them.
//!
//! A map written by a newer journeymap (or hand-edited with a typo) may hold fields this
//! version has no place for. The loader finds them and stores each as a [`KeptField`]: where it
//! sits, its name and its value exactly as written. The map carries them untouched through
//! every edit, and saving writes them back in place, so an older copy of the app never strips
//! what a newer one wrote. A field goes only with the element that holds it (delete the card,
//! and its unknown fields go too).

use serde::{Deserialize, Serialize};

use super::ids::Id;

/// One step of the way from the top of a map to the element that holds a kept field.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FieldStep {
    /// A named field of a struct.
    Field(String),
    /// The element of a list with this id (stages, steps, lanes, cards, curves) or, among the
    /// points of a curve, the point at this step: found again after the list changes.
    Element(Id),
    /// The element at this position of any other list.
    Index(usize),
    /// The value inside `Some(...)` or an enum variant.
    Inner,
}

/// A field this version does not know, with its value as written in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptField {
    /// The struct that holds it, from the top of the map.
    pub owner: Vec<FieldStep>,
    /// The field's name.
    pub name: String,
    /// The field's value as written in the file (RON text).
    pub raw: String,
}

impl KeptField {
    /// The field's path as people read it: `cards[c12].pain.confidence`.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for step in &self.owner {
            match step {
                FieldStep::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                FieldStep::Element(id) => out.push_str(&format!("[{id}]")),
                FieldStep::Index(i) => out.push_str(&format!("[{i}]")),
                FieldStep::Inner => {}
            }
        }
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(&self.name);
        out
    }
}

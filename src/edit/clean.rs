//! What every command shares and needs no command to know: the error a command can end in, and
//! text put in one form (NFC, no control characters) before it enters the document.

use crate::model::{Id, clean_text, make_nfc, nfc};

/// Why a command could not be applied (the UI offered something that no longer exists).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The element is not in the map.
    #[error("{0} is not in the map")]
    Missing(Id),
    /// A stage must keep at least one step, and the map its structure.
    #[error("this would leave the map inconsistent: {0}")]
    Refused(&'static str),
}

/// Text as the document holds it: NFC, with no control characters but tab and newline and no
/// bidi overrides, whatever an input method, a paste or another app delivered.
pub(super) fn tidy(text: &str) -> String {
    let mut text = nfc(text);
    clean_text(&mut text);
    text
}

/// `text` put in NFC without control characters, in place.
pub(super) fn tidy_in_place(text: &mut String) {
    make_nfc(text);
    clean_text(text);
}

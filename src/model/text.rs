//! Text hygiene: every string in a map is kept in Unicode NFC.
//!
//! Vietnamese can be typed as precomposed letters (`ệ`) or as a base letter with combining
//! marks (`e` + `̣` + `̂`); input methods and copy-paste from other apps produce both. Keeping
//! one form means search, comparison and diffs behave, and fonts pick the designed glyph.

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

/// Calls `f` on every user-written string of the map (not on ids).
pub fn for_each_text_mut(map: &mut JourneyMap, mut f: impl FnMut(&mut String)) {
    f(&mut map.title);
    f(&mut map.description);
    f(&mut map.language);
    map.goals.iter_mut().for_each(&mut f);
    let p = &mut map.persona;
    for s in [
        &mut p.name,
        &mut p.segment,
        &mut p.bio,
        &mut p.quote,
        &mut p.avatar,
    ] {
        f(s);
    }
    for list in [&mut p.goals, &mut p.needs, &mut p.frustrations] {
        list.iter_mut().for_each(&mut f);
    }
    for stage in &mut map.stages {
        f(&mut stage.name);
        for step in &mut stage.steps {
            f(&mut step.name);
        }
    }
    for lane in &mut map.lanes {
        f(&mut lane.name);
    }
    for card in &mut map.cards {
        f(&mut card.text);
        f(&mut card.details);
        if let Some(channel) = &mut card.channel
            && let super::ChannelKind::Custom(name) = &mut channel.kind
        {
            f(name);
        }
        if let Some(pain) = &mut card.pain {
            f(&mut pain.owner);
            for evidence in &mut pain.evidence {
                match evidence {
                    super::Evidence::Text(s) | super::Evidence::Link(s) => f(s),
                    super::Evidence::Metric(_) => {}
                }
            }
        }
    }
    for curve in &mut map.curves {
        f(&mut curve.name);
        for point in &mut curve.points {
            f(&mut point.note);
            if let Some(emoji) = &mut point.emoji {
                f(emoji);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

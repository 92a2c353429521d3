//! Restore: repair a freshly parsed map so the rest of the program can trust it.
//!
//! Like excalidraw's `restore`, this never refuses a map it can make sense of: it fixes what is
//! wrong (duplicate or dangling ids, values out of range, steps missing) and says what it did,
//! so the user loses nothing and learns what was off. [`validate`] is the same pass on a copy,
//! used by `journeymap check`.
//!
//! Here: the pass itself, the header checks and the shared helpers; `ids` renumbers and
//! deduplicates ids, `links` repairs what points nowhere and values out of range, `metrics`
//! does the same for the customer data, `text` cleans every text. No egui, no I/O.

use super::map::JourneyMap;
use super::warning::{Arg, Warning, text};

mod ids;
mod links;
mod metrics;
#[cfg(test)]
mod tests;
mod text;

pub use metrics::{keeps_evidence, keeps_target};

/// Lists what [`restore`] would repair, without changing the map.
pub fn validate(map: &JourneyMap) -> Vec<Warning> {
    let mut copy = map.clone();
    restore(&mut copy)
}

/// Repairs `map` in place and returns one warning per repair. A map with no warnings is valid.
pub fn restore(map: &mut JourneyMap) -> Vec<Warning> {
    let mut r = Restorer::default();
    r.clean_texts(map);
    r.check_header(map);
    r.drop_dangling_metric_links(map);
    r.renumber_ids(map);
    r.fix_ids(map);
    r.fix_stages(map);
    r.fix_cards(map);
    r.fix_curves(map);
    r.fix_anchors(map);
    r.fix_metrics(map);
    r.settle_ids(map);
    r.warnings
}

/// One restore pass: the warnings so far. Its repairs are `impl Restorer` blocks in `ids`,
/// `links` and `text`.
#[derive(Default)]
struct Restorer {
    warnings: Vec<Warning>,
}

impl Restorer {
    fn warn(&mut self, key: &'static str, args: Vec<(&'static str, Arg)>) {
        self.warnings.push(Warning::new(key, args));
    }

    /// The map's own fields: the goals, the review cadence, the language.
    fn check_header(&mut self, map: &mut JourneyMap) {
        if map.goals.len() > 3 {
            self.warn("warn-goals", vec![("count", text(map.goals.len()))]);
        }
        if !(1..=36).contains(&map.review.cadence_months) {
            let fixed = map.review.cadence_months.clamp(1, 36);
            self.warn(
                "warn-cadence",
                vec![
                    ("found", text(map.review.cadence_months)),
                    ("fixed", text(fixed)),
                ],
            );
            map.review.cadence_months = fixed;
        }
        if map.language.trim().is_empty() {
            self.warn("warn-language", vec![]);
            "en".clone_into(&mut map.language);
        }
    }
}

/// The first line of `text`, cut to 32 characters, to name an element in a message.
fn short(text: &str) -> String {
    const MAX: usize = 32;
    let first_line = text.lines().next().unwrap_or("");
    if first_line.chars().count() > MAX {
        let cut: String = first_line.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        first_line.to_owned()
    }
}

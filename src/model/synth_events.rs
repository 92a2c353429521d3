//! Synthetic customer-data exports for a map: deterministic event rows that walk its stages
//! and touchpoints, for the import benchmark (a realistic 1,000,000-row export, generated
//! rather than committed) and the demo data beside the samples.
//!
//! Customers go through the stages in order; at each stage they meet one or two of its
//! touchpoint cards (the touchpoint value is the card's text, so the map matches it); a share
//! drops off after each stage, a larger one after a touchpoint the curve calls painful; three in four of those who reach the purchase stage (about 60 %
//! of the way) convert there. CSAT answers follow the map's first emotion curve at the touchpoint's step
//! (score −2…+2 → 1…5, with noise), and NPS answers the customer's mood so far.

use super::synth::Lcg;
use super::{JourneyMap, LaneKind};

/// One generated event.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthEvent {
    /// The customer's number (written as an id such as `KH000123`).
    pub customer: u64,
    /// When it happened.
    pub time: jiff::civil::DateTime,
    /// The touchpoint: a touchpoint card's text.
    pub touchpoint: String,
    /// The stage's name.
    pub stage: String,
    /// Whether the customer converted on this event.
    pub converted: bool,
    /// A CSAT answer, 1–5, on about a third of the events.
    pub csat: Option<u8>,
    /// An NPS answer, 0–10, on about one event in ten.
    pub nps: Option<u8>,
    /// The card's channel, in the map's language (empty without one).
    pub channel: String,
}

/// A stage with the touchpoints customers can meet there.
struct StageTouchpoints {
    name: String,
    /// (text, channel, emotion score at its step).
    touchpoints: Vec<(String, String, f32)>,
}

/// Events for `map`, `rows` of them, the same for the same map and seed. Empty when the map
/// has no touchpoint cards.
pub fn synth_events(map: &JourneyMap, rows: usize, seed: u64) -> impl Iterator<Item = SynthEvent> {
    let touchpoint_lanes: Vec<&super::Id> = map
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Touchpoints)
        .map(|l| &l.id)
        .collect();
    let curve = map.curves.first();
    let stages: Vec<StageTouchpoints> = map
        .stages
        .iter()
        .map(|stage| StageTouchpoints {
            name: stage.name.clone(),
            touchpoints: map
                .cards
                .iter()
                .filter(|c| {
                    touchpoint_lanes.contains(&&c.lane)
                        && stage.steps.iter().any(|s| s.id == c.step)
                        && !c.text.trim().is_empty()
                })
                .map(|c| {
                    let score = curve
                        .and_then(|k| k.points.iter().find(|p| p.step == c.step))
                        .map_or(0.0, |p| p.score);
                    let channel = c
                        .channel
                        .as_ref()
                        .map(|ch| ch.kind.name(&map.language).to_owned())
                        .unwrap_or_default();
                    (c.text.clone(), channel, score)
                })
                .collect(),
        })
        .filter(|s| !s.touchpoints.is_empty())
        .collect();
    let purchase = (stages.len() * 3).div_ceil(5).saturating_sub(1);
    Walk {
        rng: Lcg(seed ^ 0x006a_6f75_726e_6579),
        stages,
        purchase,
        left: rows,
        customer: 0,
        at: None,
        queue: Vec::new(),
    }
}

/// The generator's state: the events of the current customer wait in `queue`.
struct Walk {
    rng: Lcg,
    stages: Vec<StageTouchpoints>,
    purchase: usize,
    left: usize,
    customer: u64,
    at: Option<jiff::civil::DateTime>,
    queue: Vec<SynthEvent>,
}

impl Walk {
    fn chance(&mut self, percent: usize) -> bool {
        self.rng.below(100) < percent
    }

    /// The next customer's whole walk, in reverse order (popped from the end).
    fn next_customer(&mut self) {
        self.customer += 1;
        let start = jiff::civil::date(2026, 5, 1).at(8, 0, 0, 0);
        let minutes = i64::try_from(self.rng.below(180 * 24 * 60)).unwrap_or(0);
        let mut time = start
            .checked_add(jiff::SignedDuration::from_mins(minutes))
            .unwrap_or(start);
        let mut mood = 0.0_f32;
        let mut walk = Vec::new();
        // Three in four of those who reach the purchase stage buy there.
        let buys = self.chance(75);
        for k in 0..self.stages.len() {
            let meets = 1 + self.rng.below(2);
            let mut worst = f32::INFINITY;
            for _ in 0..meets {
                let n = self.stages[k].touchpoints.len();
                let i = self.rng.below(n);
                let (text, channel, score) = self.stages[k].touchpoints[i].clone();
                mood = (mood + score) / 2.0;
                worst = worst.min(score);
                let noise = |rng: &mut Lcg| match rng.below(10) {
                    0 => -1.0,
                    1 => 1.0,
                    _ => 0.0,
                };
                let csat = self.chance(35).then(|| {
                    let value = 3.0 + score.round() + noise(&mut self.rng);
                    value.clamp(1.0, 5.0) as u8
                });
                let nps = self.chance(10).then(|| {
                    let value = 7.0 + 1.5 * mood + noise(&mut self.rng);
                    value.round().clamp(0.0, 10.0) as u8
                });
                walk.push(SynthEvent {
                    customer: self.customer,
                    time,
                    touchpoint: text,
                    stage: self.stages[k].name.clone(),
                    converted: buys && k == self.purchase,
                    csat,
                    nps,
                    channel,
                });
                let gap = i64::try_from(10 + self.rng.below(3000)).unwrap_or(10);
                time = time
                    .checked_add(jiff::SignedDuration::from_mins(gap))
                    .unwrap_or(time);
            }
            // Drop-off after each stage: deeper stages keep fewer customers, and a painful
            // touchpoint loses more of them (so it converts below the overall rate).
            let keep = if worst <= -1.0 {
                45
            } else if worst < 0.0 {
                65
            } else {
                82
            };
            if !self.chance(keep) {
                break;
            }
        }
        walk.reverse();
        self.queue = walk;
        self.at = Some(time);
    }
}

impl Iterator for Walk {
    type Item = SynthEvent;

    fn next(&mut self) -> Option<SynthEvent> {
        if self.left == 0 || self.stages.is_empty() {
            return None;
        }
        if self.queue.is_empty() {
            self.next_customer();
        }
        self.left -= 1;
        self.queue.pop()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template;

    fn map() -> JourneyMap {
        let mut map = template::find("aisas")
            .unwrap_or_else(|| panic!("no aisas template"))
            .instantiate(template::Lang::Vi);
        // Two touchpoints in the first stage, one in the last.
        let lane = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Touchpoints)
            .map_or_else(|| panic!("no touchpoint lane"), |l| l.id.clone());
        let first = map.stages[0].steps[0].id.clone();
        let last = map.stages[map.stages.len() - 1].steps[0].id.clone();
        for (step, text) in [
            (&first, "Zalo OA"),
            (&first, "Website"),
            (&last, "Cửa hàng"),
        ] {
            let id = crate::model::IdGen::new(&mut map.next_id).fresh(crate::model::IdKind::Card);
            map.cards.push(crate::model::Card::new(
                id,
                step.clone(),
                lane.clone(),
                text,
            ));
        }
        map
    }

    #[test]
    fn the_same_map_and_seed_give_the_same_rows_and_as_many_as_asked() {
        let map = map();
        let a: Vec<SynthEvent> = synth_events(&map, 500, 7).collect();
        let b: Vec<SynthEvent> = synth_events(&map, 500, 7).collect();
        assert_eq!(a.len(), 500);
        assert_eq!(a, b);
        let c: Vec<SynthEvent> = synth_events(&map, 500, 8).collect();
        assert_ne!(a, c);
    }

    #[test]
    fn events_name_touchpoint_cards_and_walk_the_stages_in_order_with_drop_off() {
        let map = map();
        let events: Vec<SynthEvent> = synth_events(&map, 2000, 1).collect();
        let texts = ["Zalo OA", "Website", "Cửa hàng"];
        assert!(
            events
                .iter()
                .all(|e| texts.contains(&e.touchpoint.as_str()))
        );
        let first_stage = &map.stages[0].name;
        let last_stage = &map.stages[map.stages.len() - 1].name;
        let customers = |stage: &str| {
            let mut c: Vec<u64> = events
                .iter()
                .filter(|e| e.stage == stage)
                .map(|e| e.customer)
                .collect();
            c.dedup();
            c.len()
        };
        assert!(customers(first_stage) > customers(last_stage), "drop-off");
        // Each customer's events go forward in time.
        for pair in events.windows(2) {
            if pair[0].customer == pair[1].customer {
                assert!(pair[0].time < pair[1].time);
            }
        }
        assert!(events.iter().any(|e| e.converted));
        assert!(
            events
                .iter()
                .all(|e| e.csat.is_none_or(|v| (1..=5).contains(&v)))
        );
        assert!(events.iter().all(|e| e.nps.is_none_or(|v| v <= 10)));
    }

    #[test]
    fn a_map_without_touchpoint_cards_gives_no_events() {
        let map = template::find("aisas")
            .unwrap_or_else(|| panic!("no aisas template"))
            .instantiate(template::Lang::En);
        assert_eq!(synth_events(&map, 100, 1).count(), 0);
    }
}

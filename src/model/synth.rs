//! Synthetic maps for benchmarks and stress tests: big, deterministic, mixed-language.

use super::channel::{Channel, ChannelKind};
use super::ids::{IdGen, IdKind};
use super::map::{
    Card, ColorToken, EmotionCurve, EmotionPoint, Evidence, JourneyMap, Lane, LaneKind,
    Opportunity, PainPoint, PainStatus, Stage, Step,
};

/// Size of a synthetic map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SynthSize {
    /// Number of stages.
    pub stages: usize,
    /// Number of steps in total, spread over the stages (at least one per stage).
    pub steps: usize,
    /// Number of lanes; one of them is an emotion lane.
    pub lanes: usize,
    /// Number of cards, spread over the cells.
    pub cards: usize,
}

impl SynthSize {
    /// The benchmark size: 30 stages, 60 steps, 10 lanes, 1,200 cards.
    pub const LARGE: Self = Self {
        stages: 30,
        steps: 60,
        lanes: 10,
        cards: 1200,
    };
}

const WORDS: &[&str] = &[
    "khách hàng",
    "thanh toán",
    "giao hàng",
    "ưu đãi",
    "đánh giá",
    "checkout",
    "voucher",
    "Zalo OA",
    "tìm kiếm",
    "so sánh giá",
    "phí vận chuyển",
    "nhân viên",
    "website",
    "app",
    "đăng ký",
    "nhận quà",
    "điểm thưởng",
    "fast",
    "slow page",
    "review",
];

/// A small deterministic pseudo-random generator (no dependency, same map on every machine).
pub(super) struct Lcg(pub(super) u64);

impl Lcg {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next()).unwrap_or(0) % n.max(1)
    }
}

/// Builds a valid map of the given size. The same size always gives the same map.
pub fn synth_map(size: SynthSize) -> JourneyMap {
    let mut rng = Lcg(0x5eed);
    let mut map = JourneyMap::new("Bản đồ lớn / Large benchmark map");
    map.language = "vi".to_owned();
    map.goals = vec!["Giảm tỉ lệ bỏ giỏ hàng".to_owned()];
    map.persona.name = "Lan".to_owned();
    map.persona.avatar = "👩".to_owned();
    let stage_count = size.stages.max(1);
    let step_count = size.steps.max(stage_count);
    let mut next_id = 1;
    let mut ids = IdGen::new(&mut next_id);

    for s in 0..stage_count {
        let steps_here = step_count / stage_count + usize::from(s < step_count % stage_count);
        let steps = (0..steps_here)
            .map(|k| Step {
                id: ids.fresh(IdKind::Step),
                name: format!("Bước {}.{}", s + 1, k + 1),
            })
            .collect();
        map.stages.push(Stage {
            id: ids.fresh(IdKind::Stage),
            name: format!("Giai đoạn {}", s + 1),
            color: None,
            steps,
        });
    }

    let kinds = [
        LaneKind::Touchpoints,
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::Emotions,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Metrics,
        LaneKind::Text,
        LaneKind::Frontstage,
        LaneKind::Backstage,
        LaneKind::Support,
    ];
    for i in 0..size.lanes.max(1) {
        let kind = kinds[i % kinds.len()];
        map.lanes.push(Lane {
            id: ids.fresh(IdKind::Lane),
            name: format!("{kind:?} {}", i + 1),
            kind,
        });
    }

    let step_ids: Vec<_> = map.steps().map(|(_, s)| s.id.clone()).collect();
    let step_ids = &step_ids;
    let card_lanes: Vec<_> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| (l.id.clone(), l.kind))
        .collect();
    let mut pain_ids = Vec::new();
    if !card_lanes.is_empty() {
        for i in 0..size.cards {
            let (lane, kind) = card_lanes[i % card_lanes.len()].clone();
            let step = step_ids[rng.below(step_ids.len())].clone();
            let words = 2 + rng.below(8);
            let text = (0..words)
                .map(|_| WORDS[rng.below(WORDS.len())])
                .collect::<Vec<_>>()
                .join(" ");
            let mut card = Card::new(ids.fresh(IdKind::Card), step, lane, text);
            card.color =
                (rng.below(4) == 0).then(|| ColorToken::ALL[rng.below(ColorToken::ALL.len())]);
            match kind {
                LaneKind::Touchpoints => {
                    let kind =
                        ChannelKind::BUILT_IN[rng.below(ChannelKind::BUILT_IN.len())].clone();
                    card.channel = Some(Channel::new(kind));
                }
                LaneKind::PainPoints => {
                    card.pain = Some(PainPoint {
                        severity: u8::try_from(1 + rng.below(5)).unwrap_or(3),
                        votes: u32::try_from(rng.below(6)).unwrap_or(0),
                        evidence: vec![Evidence::Text("30% ticket hỗ trợ".to_owned())],
                        status: PainStatus::Open,
                        owner: String::new(),
                        anchor: None,
                    });
                    pain_ids.push(card.id.clone());
                }
                LaneKind::Opportunities => {
                    card.opportunity = Some(Opportunity {
                        impact: u8::try_from(1 + rng.below(5)).unwrap_or(3),
                        effort: u8::try_from(1 + rng.below(5)).unwrap_or(3),
                        votes: 0,
                        addresses: pain_ids.last().cloned().into_iter().collect(),
                    });
                }
                _ => {}
            }
            map.cards.push(card);
        }
    }

    for (name, color) in [
        ("Hiện tại", ColorToken::Blue),
        ("Mong muốn", ColorToken::Green),
    ] {
        let points = step_ids
            .iter()
            .map(|step| EmotionPoint {
                step: step.clone(),
                #[expect(clippy::cast_precision_loss, reason = "small numbers")]
                score: (rng.below(9) as f32) * 0.5 - 2.0,
                emoji: None,
                note: String::new(),
            })
            .collect();
        map.curves.push(EmotionCurve {
            id: ids.fresh(IdKind::Curve),
            name: name.to_owned(),
            color,
            points,
            hidden: false,
        });
    }
    map.next_id = next_id;
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn large_map_has_the_promised_size_and_is_valid() {
        let map = synth_map(SynthSize::LARGE);
        assert_eq!(map.stages.len(), 30);
        assert_eq!(map.step_count(), 60);
        assert_eq!(map.lanes.len(), 10);
        assert!(map.cards.len() >= 1000);
        assert_eq!(validate(&map), vec![]);
    }

    #[test]
    fn odd_sizes_are_valid() {
        for (stages, steps, lanes, cards) in [(1, 1, 1, 5), (3, 7, 4, 50), (0, 0, 0, 3)] {
            let map = synth_map(SynthSize {
                stages,
                steps,
                lanes,
                cards,
            });
            assert_eq!(validate(&map), vec![], "{stages} {steps} {lanes}");
        }
    }

    #[test]
    fn deterministic() {
        assert_eq!(synth_map(SynthSize::LARGE), synth_map(SynthSize::LARGE));
    }
}

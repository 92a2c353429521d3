//! Builders for the unit tests' small maps (compiled only for tests): a stage with one step,
//! a lane, in one line each.

use super::{Card, Id, JourneyMap, Lane, LaneKind, Stage, Step};

/// Stage `id` named `name` with one unnamed step `step`.
pub(crate) fn one_step_stage(id: &str, name: &str, step: &str) -> Stage {
    Stage {
        id: Id::new(id),
        name: name.into(),
        color: None,
        steps: vec![Step {
            id: Id::new(step),
            name: String::new(),
        }],
    }
}

/// Lane `id` named `name` of `kind`.
pub(crate) fn lane(id: &str, name: &str, kind: LaneKind) -> Lane {
    Lane {
        id: Id::new(id),
        name: name.into(),
        kind,
    }
}

/// A map titled "t" with stage s1 "Mua" (step st2), touchpoint lane l3 and one touchpoint card
/// c4 "Zalo OA" in it: the start of the customer-data tests.
pub(crate) fn zalo_oa_map() -> JourneyMap {
    let mut map = JourneyMap::new("t");
    map.stages.push(one_step_stage("s1", "Mua", "st2"));
    map.lanes
        .push(lane("l3", "Điểm chạm", LaneKind::Touchpoints));
    map.cards.push(Card::new(
        Id::new("c4"),
        Id::new("st2"),
        Id::new("l3"),
        "Zalo OA",
    ));
    map
}

/// The AIDA template in English: a small whole map.
pub(crate) fn aida() -> JourneyMap {
    let Some(template) = super::template::find("aida") else {
        panic!("no aida template");
    };
    template.instantiate(super::template::Lang::En)
}

//! Builders for the unit tests' small maps (compiled only for tests): a stage with one step,
//! a lane, in one line each.

use super::{Id, Lane, LaneKind, Stage, Step};

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

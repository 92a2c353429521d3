//! Side panels: the inspector (card, pain point, opportunity, stage, lane; persona and map
//! properties) and the curve and point panel. They read the map and emit `EditCommand`s.

pub mod curve;
pub mod inspector;
pub mod properties;

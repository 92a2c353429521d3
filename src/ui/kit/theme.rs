//! Design tokens: every colour and UI size comes from here, in light and dark. The map's
//! colour values live one floor down in [`crate::art::palette`] (shared with the image
//! exporters); this module turns them into egui colours.
//!
//! UI code asks the [`Theme`] for a colour by meaning ("card fill for yellow", "severity 4"),
//! never writes RGB values itself; clippy's `disallowed-methods` (see `clippy.toml`) enforces
//! it outside this module. Geometry of the map grid lives in
//! [`crate::layout::LayoutMetrics`], shared with the exporters.

#![expect(
    clippy::disallowed_methods,
    reason = "the one module allowed to create colours"
)]

use egui::Color32;

use crate::analysis::matrix::Quadrant;
use crate::art::palette::{Palette, Rgba};
use crate::model::{ColorToken, LaneKind};

/// The colours of one appearance (light or dark).
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Whether this is the dark theme.
    pub dark: bool,
    /// Canvas background.
    pub canvas_bg: Color32,
    /// Background of lane rows (alternates with `canvas_bg`).
    pub lane_bg_alt: Color32,
    /// Lane-label column background.
    pub lane_label_bg: Color32,
    /// Lane-label text.
    pub lane_label_text: Color32,
    /// Thin grid lines between steps and lanes.
    pub grid_line: Color32,
    /// Stronger line between stages.
    pub stage_line: Color32,
    /// Text on stage headers.
    pub stage_text: Color32,
    /// Step-header background.
    pub step_bg: Color32,
    /// Step-header text.
    pub step_text: Color32,
    /// Card text.
    pub card_text: Color32,
    /// Secondary card text (chips).
    pub card_weak_text: Color32,
    /// Card outline.
    pub card_border: Color32,
    /// Card shadow.
    pub card_shadow: Color32,
    /// The emotion curve's zero line.
    pub zero_line: Color32,
    /// Tint of the area above zero.
    pub positive_tint: Color32,
    /// Tint of the area below zero.
    pub negative_tint: Color32,
    /// The service blueprint's line of visibility.
    pub visibility_line: Color32,
    /// Notices (repairs made on load).
    pub warning_text: Color32,
    /// Errors.
    pub error_text: Color32,
    /// Selection outlines, the keyboard cell, drop markers.
    pub selection: Color32,
    /// Background of the in-place text editor.
    pub editor_bg: Color32,
}

/// Sizes of UI text and chrome, in points.
pub mod size {
    /// Stage-header text.
    pub const STAGE_FONT: f32 = 16.0;
    /// Step-header text.
    pub const STEP_FONT: f32 = 13.0;
    /// Lane-label text.
    pub const LANE_FONT: f32 = 14.0;
    /// Card chips (channel, severity).
    pub const CHIP_FONT: f32 = 11.5;
    /// Emotion curve line width.
    pub const CURVE_WIDTH: f32 = 3.0;
    /// Radius of a curve point.
    pub const CURVE_POINT_RADIUS: f32 = 5.0;
    /// Height of a row of the curve legend.
    pub const LEGEND_ROW: f32 = 20.0;
    /// Radius of a workshop vote dot on a card.
    pub const VOTE_DOT_RADIUS: f32 = 4.0;
    /// Radius of a pain marker.
    pub const PAIN_MARKER_RADIUS: f32 = 11.0;
    /// Corner radius of cards.
    pub const CARD_ROUNDING: u8 = 6;
    /// Corner radius of headers.
    pub const HEADER_ROUNDING: u8 = 4;
    /// Map title in the top bar.
    pub const TITLE_FONT: f32 = 18.0;
    /// Body text of the UI.
    pub const BODY_FONT: f32 = 14.0;
    /// Least height of card text on screen when a map opens (points at the UI's normal zoom).
    pub const READABLE_CARD_TEXT: f32 = 12.0;
    /// Least height of card text on screen in the workshop view, read from the back of a room.
    pub const WORKSHOP_CARD_TEXT: f32 = 18.0;
    /// The UI's zoom factor in the workshop view: menus, panels and the map grow together.
    pub const WORKSHOP_UI_ZOOM: f32 = 1.25;
    /// Width of the inspector when nothing is selected: a strip with a button to open it.
    pub const INSPECTOR_STRIP: f32 = 30.0;
}

/// Zoom limits and the steps the zoom buttons go through.
pub mod zoom {
    /// Smallest zoom.
    pub const MIN: f32 = 0.1;
    /// Largest zoom.
    pub const MAX: f32 = 4.0;
    /// The steps of the zoom buttons and Ctrl +/−.
    pub const STEPS: [f32; 15] = [
        0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 3.0, 4.0,
    ];
}

impl Theme {
    /// The light theme.
    pub fn light() -> Self {
        Self::from_palette(&Palette::light())
    }

    /// The dark theme.
    pub fn dark() -> Self {
        Self::from_palette(&Palette::dark())
    }

    /// The theme of a palette: the same colours as egui colours.
    fn from_palette(p: &Palette) -> Self {
        Self {
            dark: p.dark,
            canvas_bg: c(p.canvas_bg),
            lane_bg_alt: c(p.lane_bg_alt),
            lane_label_bg: c(p.lane_label_bg),
            lane_label_text: c(p.lane_label_text),
            grid_line: c(p.grid_line),
            stage_line: c(p.stage_line),
            stage_text: c(p.stage_text),
            step_bg: c(p.step_bg),
            step_text: c(p.step_text),
            card_text: c(p.card_text),
            card_weak_text: c(p.card_weak_text),
            card_border: c(p.card_border),
            card_shadow: c(p.card_shadow),
            zero_line: c(p.zero_line),
            positive_tint: c(p.positive_tint),
            negative_tint: c(p.negative_tint),
            visibility_line: c(p.visibility_line),
            warning_text: c(p.warning_text),
            error_text: c(p.error_text),
            selection: c(p.selection),
            editor_bg: c(p.editor_bg),
        }
    }

    /// The palette this theme's colours come from.
    pub fn palette(&self) -> Palette {
        Palette::for_dark(self.dark)
    }

    /// The theme for egui's dark-mode flag.
    pub fn for_dark_mode(dark: bool) -> Self {
        if dark { Self::dark() } else { Self::light() }
    }

    /// Sticky-note fill of a card colour.
    pub fn card_fill(&self, token: ColorToken) -> Color32 {
        c(self.palette().card_fill(token))
    }

    /// Strong version of a colour, for stage headers, curves and chips.
    pub fn strong(&self, token: ColorToken) -> Color32 {
        c(self.palette().strong(token))
    }

    /// Header colour of the stage at `index`, unless the user chose one.
    pub fn stage_color(&self, index: usize, chosen: Option<ColorToken>) -> Color32 {
        c(self.palette().stage_color(index, chosen))
    }

    /// The card colour a lane's cards get unless they choose one.
    pub fn lane_card_color(kind: LaneKind) -> ColorToken {
        Palette::lane_card_color(kind)
    }

    /// Colour of a pain point's severity, 1 (minor) to 5 (critical).
    pub fn severity(&self, severity: u8) -> Color32 {
        c(self.palette().severity(severity))
    }

    /// Colour of a quadrant of the opportunity matrix, for its label and legend swatch: green
    /// for quick wins, blue for big bets, grey for fill-ins, red for money pits.
    pub fn quadrant(&self, quadrant: Quadrant) -> Color32 {
        self.strong(Self::quadrant_token(quadrant))
    }

    /// Background tint of a quadrant of the opportunity matrix: its colour, faint enough that
    /// dots and labels on it stay readable.
    pub fn quadrant_tint(&self, quadrant: Quadrant) -> Color32 {
        let c = self.quadrant(quadrant);
        let alpha = if self.dark { 38 } else { 34 };
        Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
    }

    fn quadrant_token(quadrant: Quadrant) -> ColorToken {
        match quadrant {
            Quadrant::QuickWin => ColorToken::Green,
            Quadrant::BigBet => ColorToken::Blue,
            Quadrant::FillIn => ColorToken::Gray,
            Quadrant::MoneyPit => ColorToken::Red,
        }
    }

    /// A touchpoint card's fill tinted by heat (0 = the worst of the map, 1 = the best).
    pub fn heat_fill(&self, heat: f64) -> Color32 {
        c(self.palette().heat_fill(heat))
    }

    /// A change for the better on a badge.
    pub fn good(&self) -> Color32 {
        c(self.palette().good())
    }

    /// A change for the worse on a badge.
    pub fn bad(&self) -> Color32 {
        c(self.palette().bad())
    }

    /// Background of a customer-data badge on a card.
    pub fn badge_bg(&self) -> Color32 {
        c(self.palette().badge_bg())
    }

    /// Background of a flag row on a weak touchpoint.
    pub fn flag_bg(&self) -> Color32 {
        c(self.palette().flag_bg())
    }

    /// The flag's icon and outline (a warning colour).
    pub fn flag(&self) -> Color32 {
        c(self.palette().flag())
    }

    /// The measured emotion curve (from CSAT): ink-coloured, unlike any curve colour.
    pub fn measured_curve(&self) -> Color32 {
        c(self.palette().measured_curve())
    }

    /// Text drawn on a filled `background`: black or white, whichever reads better.
    pub fn text_on(background: Color32) -> Color32 {
        c(Palette::text_on(background.to_array()))
    }
}

/// A palette colour (premultiplied, as egui's) as an egui colour, byte for byte.
fn c(rgba: Rgba) -> Color32 {
    let [r, g, b, a] = rgba;
    Color32::from_rgba_premultiplied(r, g, b, a)
}

//! Design tokens: every colour and UI size comes from here, in light and dark.
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
        Self {
            dark: false,
            canvas_bg: Color32::from_rgb(250, 250, 248),
            lane_bg_alt: Color32::from_rgb(243, 244, 246),
            lane_label_bg: Color32::from_rgb(232, 234, 238),
            lane_label_text: Color32::from_rgb(40, 44, 52),
            grid_line: Color32::from_rgb(222, 224, 228),
            stage_line: Color32::from_rgb(170, 174, 182),
            stage_text: Color32::WHITE,
            step_bg: Color32::from_rgb(236, 238, 242),
            step_text: Color32::from_rgb(60, 64, 72),
            card_text: Color32::from_rgb(28, 30, 34),
            card_weak_text: Color32::from_rgb(84, 88, 96),
            card_border: Color32::from_black_alpha(40),
            card_shadow: Color32::from_black_alpha(22),
            zero_line: Color32::from_rgb(150, 154, 160),
            positive_tint: Color32::from_rgba_unmultiplied(46, 160, 90, 46),
            negative_tint: Color32::from_rgba_unmultiplied(214, 60, 60, 46),
            visibility_line: Color32::from_rgb(120, 90, 200),
            warning_text: Color32::from_rgb(150, 90, 0),
            error_text: Color32::from_rgb(190, 30, 30),
            selection: Color32::from_rgb(0, 110, 230),
            editor_bg: Color32::from_rgb(255, 255, 255),
        }
    }

    /// The dark theme.
    pub fn dark() -> Self {
        Self {
            dark: true,
            canvas_bg: Color32::from_rgb(28, 30, 34),
            lane_bg_alt: Color32::from_rgb(34, 36, 41),
            lane_label_bg: Color32::from_rgb(44, 47, 54),
            lane_label_text: Color32::from_rgb(226, 228, 232),
            grid_line: Color32::from_rgb(52, 55, 62),
            stage_line: Color32::from_rgb(96, 100, 110),
            stage_text: Color32::WHITE,
            step_bg: Color32::from_rgb(40, 43, 50),
            step_text: Color32::from_rgb(210, 212, 218),
            card_text: Color32::from_rgb(236, 237, 240),
            card_weak_text: Color32::from_rgb(186, 190, 198),
            card_border: Color32::from_white_alpha(30),
            card_shadow: Color32::from_black_alpha(70),
            zero_line: Color32::from_rgb(120, 124, 132),
            positive_tint: Color32::from_rgba_unmultiplied(70, 190, 110, 40),
            negative_tint: Color32::from_rgba_unmultiplied(230, 80, 80, 40),
            visibility_line: Color32::from_rgb(170, 140, 250),
            warning_text: Color32::from_rgb(240, 180, 60),
            error_text: Color32::from_rgb(255, 110, 110),
            selection: Color32::from_rgb(90, 170, 255),
            editor_bg: Color32::from_rgb(20, 22, 26),
        }
    }

    /// The theme for egui's dark-mode flag.
    pub fn for_dark_mode(dark: bool) -> Self {
        if dark { Self::dark() } else { Self::light() }
    }

    /// Sticky-note fill of a card colour.
    pub fn card_fill(&self, token: ColorToken) -> Color32 {
        let (light, dark) = match token {
            ColorToken::Yellow => ((255, 241, 168), (92, 80, 30)),
            ColorToken::Orange => ((255, 219, 179), (100, 62, 30)),
            ColorToken::Red => ((255, 204, 204), (104, 40, 44)),
            ColorToken::Pink => ((255, 214, 236), (98, 44, 74)),
            ColorToken::Purple => ((228, 214, 255), (66, 50, 104)),
            ColorToken::Blue => ((208, 228, 255), (34, 60, 100)),
            ColorToken::Teal => ((196, 240, 234), (24, 84, 80)),
            ColorToken::Green => ((208, 242, 206), (36, 82, 44)),
            ColorToken::Gray => ((232, 232, 234), (64, 66, 72)),
        };
        self.light_or_dark(light, dark)
    }

    /// Strong version of a colour, for stage headers, curves and chips.
    pub fn strong(&self, token: ColorToken) -> Color32 {
        let (light, dark) = match token {
            ColorToken::Yellow => ((196, 150, 0), (230, 190, 50)),
            ColorToken::Orange => ((224, 112, 20), (250, 150, 70)),
            ColorToken::Red => ((206, 48, 58), (250, 100, 100)),
            ColorToken::Pink => ((200, 60, 140), (240, 120, 190)),
            ColorToken::Purple => ((118, 74, 200), (170, 140, 250)),
            ColorToken::Blue => ((34, 110, 210), (100, 170, 255)),
            ColorToken::Teal => ((0, 140, 130), (60, 200, 190)),
            ColorToken::Green => ((40, 150, 70), (100, 210, 120)),
            ColorToken::Gray => ((110, 114, 122), (160, 164, 172)),
        };
        self.light_or_dark(light, dark)
    }

    /// `light` in the light theme, `dark` in the dark one.
    fn light_or_dark(&self, light: (u8, u8, u8), dark: (u8, u8, u8)) -> Color32 {
        let (r, g, b) = if self.dark { dark } else { light };
        Color32::from_rgb(r, g, b)
    }

    /// Header colour of the stage at `index`, unless the user chose one.
    pub fn stage_color(&self, index: usize, chosen: Option<ColorToken>) -> Color32 {
        const PALETTE: [ColorToken; 6] = [
            ColorToken::Blue,
            ColorToken::Purple,
            ColorToken::Teal,
            ColorToken::Orange,
            ColorToken::Green,
            ColorToken::Pink,
        ];
        let token = chosen.unwrap_or(PALETTE[index % PALETTE.len()]);
        let base = self.strong(token);
        if self.dark {
            base.gamma_multiply(0.8)
        } else {
            base
        }
    }

    /// The card colour a lane's cards get unless they choose one.
    pub fn lane_card_color(kind: LaneKind) -> ColorToken {
        match kind {
            LaneKind::Touchpoints => ColorToken::Blue,
            LaneKind::Actions | LaneKind::Text => ColorToken::Yellow,
            LaneKind::Thoughts => ColorToken::Purple,
            LaneKind::Emotions | LaneKind::Backstage | LaneKind::Support => ColorToken::Gray,
            LaneKind::PainPoints => ColorToken::Red,
            LaneKind::Opportunities => ColorToken::Green,
            LaneKind::Metrics => ColorToken::Teal,
            LaneKind::Frontstage => ColorToken::Orange,
        }
    }

    /// Colour of a pain point's severity, 1 (minor) to 5 (critical).
    pub fn severity(&self, severity: u8) -> Color32 {
        let token = match severity {
            0 | 1 => ColorToken::Green,
            2 => ColorToken::Yellow,
            3 => ColorToken::Orange,
            4 => ColorToken::Red,
            _ => ColorToken::Pink,
        };
        if severity >= 5 {
            // Critical stands out from "high" by depth, not hue.
            let c = self.strong(ColorToken::Red);
            Color32::from_rgb(c.r().saturating_sub(50), c.g() / 2, c.b() / 2)
        } else {
            self.strong(token)
        }
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

    /// A touchpoint card's fill tinted by heat (0 = the worst of the map, 1 = the best): from a
    /// soft red through a soft yellow to a soft green, light enough in the light theme and dark
    /// enough in the dark one that the card's text stays readable.
    pub fn heat_fill(&self, heat: f64) -> Color32 {
        let (bad, mid, good) = if self.dark {
            ((112, 44, 48), (92, 80, 34), (36, 88, 52))
        } else {
            ((255, 200, 196), (255, 238, 176), (196, 238, 196))
        };
        #[expect(clippy::cast_possible_truncation, reason = "heat is within 0–1")]
        let heat = heat.clamp(0.0, 1.0) as f32;
        let lerp = |a: (u8, u8, u8), b: (u8, u8, u8), t: f32| {
            let mix = |x: u8, y: u8| {
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "a mix of two bytes is a byte"
                )]
                let v = (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
                v
            };
            Color32::from_rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
        };
        if heat < 0.5 {
            lerp(bad, mid, heat * 2.0)
        } else {
            lerp(mid, good, (heat - 0.5) * 2.0)
        }
    }

    /// A change for the better on a badge.
    pub fn good(&self) -> Color32 {
        self.light_or_dark((20, 120, 50), (110, 215, 130))
    }

    /// A change for the worse on a badge.
    pub fn bad(&self) -> Color32 {
        self.light_or_dark((190, 30, 40), (255, 120, 120))
    }

    /// Background of a customer-data badge on a card.
    pub fn badge_bg(&self) -> Color32 {
        if self.dark {
            Color32::from_black_alpha(80)
        } else {
            Color32::from_white_alpha(190)
        }
    }

    /// Background of a flag row on a weak touchpoint.
    pub fn flag_bg(&self) -> Color32 {
        self.light_or_dark((255, 226, 170), (96, 66, 16))
    }

    /// The flag's icon and outline (a warning colour).
    pub fn flag(&self) -> Color32 {
        self.light_or_dark((176, 96, 0), (250, 186, 70))
    }

    /// The measured emotion curve (from CSAT): ink-coloured, unlike any curve colour.
    pub fn measured_curve(&self) -> Color32 {
        self.light_or_dark((40, 42, 50), (236, 236, 242))
    }

    /// Text drawn on a filled `background`: black or white, whichever reads better.
    pub fn text_on(background: Color32) -> Color32 {
        let luma = 0.299 * f32::from(background.r())
            + 0.587 * f32::from(background.g())
            + 0.114 * f32::from(background.b());
        if luma > 150.0 {
            Color32::from_rgb(20, 20, 24)
        } else {
            Color32::WHITE
        }
    }
}

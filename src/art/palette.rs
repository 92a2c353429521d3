//! The colours of the map, light and dark, as plain bytes: the one source of truth for the
//! canvas (`ui::kit::theme` turns them into egui colours) and the image exporters.
//!
//! A colour is an [`Rgba`]: red, green, blue and alpha, with the colour *premultiplied* by the
//! alpha (egui's convention, so the canvas gets exactly these bytes); [`unmultiplied`] gives
//! the straight colour and opacity an SVG wants. No egui.

use crate::model::{ColorToken, LaneKind};

/// Red, green, blue, alpha; the colour premultiplied by alpha.
pub type Rgba = [u8; 4];

/// An opaque colour.
pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
    [r, g, b, 255]
}

/// Black with opacity `a`.
pub const fn black_alpha(a: u8) -> Rgba {
    [0, 0, 0, a]
}

/// White with opacity `a`.
pub const fn white_alpha(a: u8) -> Rgba {
    [a, a, a, a]
}

/// A straight (not premultiplied) colour with opacity `a`, rounded as egui rounds it.
pub const fn rgba_unmultiplied(r: u8, g: u8, b: u8, a: u8) -> Rgba {
    const fn mul(val: u8, frac: u8) -> u8 {
        let p = (val as u16) * (frac as u16) + 128;
        ((p + (p >> 8)) >> 8) as u8
    }
    match a {
        0 => [0, 0, 0, 0],
        255 => rgb(r, g, b),
        a => [mul(r, a), mul(g, a), mul(b, a), a],
    }
}

/// Every channel (alpha too) times `factor`, as egui's `gamma_multiply`: a fainter colour.
pub fn gamma_multiply(c: Rgba, factor: f32) -> Rgba {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a byte times a factor in 0–1 is a byte"
    )]
    c.map(|v| (f32::from(v) * factor + 0.5) as u8)
}

/// The straight colour and the opacity (0–1) of `c`, for SVG's `fill` and `fill-opacity`.
pub fn unmultiplied(c: Rgba) -> ([u8; 3], f32) {
    let a = c[3];
    if a == 0 {
        return ([0, 0, 0], 0.0);
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a premultiplied channel is at most its alpha"
    )]
    let un = |v: u8| (f32::from(v) * 255.0 / f32::from(a)).round().min(255.0) as u8;
    ([un(c[0]), un(c[1]), un(c[2])], f32::from(a) / 255.0)
}

/// The colours of one appearance of the map (light or dark).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Palette {
    /// Whether this is the dark appearance.
    pub dark: bool,
    /// Canvas background.
    pub canvas_bg: Rgba,
    /// Background of lane rows (alternates with `canvas_bg`).
    pub lane_bg_alt: Rgba,
    /// Lane-label column background.
    pub lane_label_bg: Rgba,
    /// Lane-label text.
    pub lane_label_text: Rgba,
    /// Thin grid lines between steps and lanes.
    pub grid_line: Rgba,
    /// Stronger line between stages.
    pub stage_line: Rgba,
    /// Text on stage headers.
    pub stage_text: Rgba,
    /// Step-header background.
    pub step_bg: Rgba,
    /// Step-header text.
    pub step_text: Rgba,
    /// Card text.
    pub card_text: Rgba,
    /// Secondary card text (chips).
    pub card_weak_text: Rgba,
    /// Card outline.
    pub card_border: Rgba,
    /// Card shadow.
    pub card_shadow: Rgba,
    /// The emotion curve's zero line.
    pub zero_line: Rgba,
    /// Tint of the area above zero.
    pub positive_tint: Rgba,
    /// Tint of the area below zero.
    pub negative_tint: Rgba,
    /// The service blueprint's line of visibility.
    pub visibility_line: Rgba,
    /// Notices (repairs made on load).
    pub warning_text: Rgba,
    /// Errors.
    pub error_text: Rgba,
    /// Selection outlines, the keyboard cell, drop markers.
    pub selection: Rgba,
    /// Background of the in-place text editor.
    pub editor_bg: Rgba,
}

impl Palette {
    /// The light appearance.
    pub const fn light() -> Self {
        Self {
            dark: false,
            canvas_bg: rgb(250, 250, 248),
            lane_bg_alt: rgb(243, 244, 246),
            lane_label_bg: rgb(232, 234, 238),
            lane_label_text: rgb(40, 44, 52),
            grid_line: rgb(222, 224, 228),
            stage_line: rgb(170, 174, 182),
            stage_text: rgb(255, 255, 255),
            step_bg: rgb(236, 238, 242),
            step_text: rgb(60, 64, 72),
            card_text: rgb(28, 30, 34),
            card_weak_text: rgb(84, 88, 96),
            card_border: black_alpha(40),
            card_shadow: black_alpha(22),
            zero_line: rgb(150, 154, 160),
            positive_tint: rgba_unmultiplied(46, 160, 90, 46),
            negative_tint: rgba_unmultiplied(214, 60, 60, 46),
            visibility_line: rgb(120, 90, 200),
            warning_text: rgb(150, 90, 0),
            error_text: rgb(190, 30, 30),
            selection: rgb(0, 110, 230),
            editor_bg: rgb(255, 255, 255),
        }
    }

    /// The dark appearance.
    pub const fn dark() -> Self {
        Self {
            dark: true,
            canvas_bg: rgb(28, 30, 34),
            lane_bg_alt: rgb(34, 36, 41),
            lane_label_bg: rgb(44, 47, 54),
            lane_label_text: rgb(226, 228, 232),
            grid_line: rgb(52, 55, 62),
            stage_line: rgb(96, 100, 110),
            stage_text: rgb(255, 255, 255),
            step_bg: rgb(40, 43, 50),
            step_text: rgb(210, 212, 218),
            card_text: rgb(236, 237, 240),
            card_weak_text: rgb(186, 190, 198),
            card_border: [30, 30, 30, 30],
            card_shadow: black_alpha(70),
            zero_line: rgb(120, 124, 132),
            positive_tint: rgba_unmultiplied(70, 190, 110, 40),
            negative_tint: rgba_unmultiplied(230, 80, 80, 40),
            visibility_line: rgb(170, 140, 250),
            warning_text: rgb(240, 180, 60),
            error_text: rgb(255, 110, 110),
            selection: rgb(90, 170, 255),
            editor_bg: rgb(20, 22, 26),
        }
    }

    /// The light or the dark appearance.
    pub const fn for_dark(dark: bool) -> Self {
        if dark { Self::dark() } else { Self::light() }
    }

    /// `light` in the light appearance, `dark` in the dark one.
    const fn light_or_dark(&self, light: (u8, u8, u8), dark: (u8, u8, u8)) -> Rgba {
        let (r, g, b) = if self.dark { dark } else { light };
        rgb(r, g, b)
    }

    /// Sticky-note fill of a card colour.
    pub const fn card_fill(&self, token: ColorToken) -> Rgba {
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
    pub const fn strong(&self, token: ColorToken) -> Rgba {
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

    /// Header colour of the stage at `index`, unless the user chose one.
    pub fn stage_color(&self, index: usize, chosen: Option<ColorToken>) -> Rgba {
        const CYCLE: [ColorToken; 6] = [
            ColorToken::Blue,
            ColorToken::Purple,
            ColorToken::Teal,
            ColorToken::Orange,
            ColorToken::Green,
            ColorToken::Pink,
        ];
        let token = chosen.unwrap_or(CYCLE[index % CYCLE.len()]);
        let base = self.strong(token);
        if self.dark {
            gamma_multiply(base, 0.8)
        } else {
            base
        }
    }

    /// The card colour a lane's cards get unless they choose one.
    pub const fn lane_card_color(kind: LaneKind) -> ColorToken {
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
    pub const fn severity(&self, severity: u8) -> Rgba {
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
            rgb(c[0].saturating_sub(50), c[1] / 2, c[2] / 2)
        } else {
            self.strong(token)
        }
    }

    /// A touchpoint card's fill tinted by heat (0 = the worst of the map, 1 = the best): from a
    /// soft red through a soft yellow to a soft green, light enough in the light theme and dark
    /// enough in the dark one that the card's text stays readable.
    pub fn heat_fill(&self, heat: f64) -> Rgba {
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
            rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
        };
        if heat < 0.5 {
            lerp(bad, mid, heat * 2.0)
        } else {
            lerp(mid, good, (heat - 0.5) * 2.0)
        }
    }

    /// A change for the better on a badge.
    pub const fn good(&self) -> Rgba {
        self.light_or_dark((20, 120, 50), (110, 215, 130))
    }

    /// A change for the worse on a badge.
    pub const fn bad(&self) -> Rgba {
        self.light_or_dark((190, 30, 40), (255, 120, 120))
    }

    /// Background of a customer-data badge on a card.
    pub const fn badge_bg(&self) -> Rgba {
        if self.dark {
            black_alpha(80)
        } else {
            white_alpha(190)
        }
    }

    /// Background of a flag row on a weak touchpoint.
    pub const fn flag_bg(&self) -> Rgba {
        self.light_or_dark((255, 226, 170), (96, 66, 16))
    }

    /// The flag's icon and outline (a warning colour).
    pub const fn flag(&self) -> Rgba {
        self.light_or_dark((176, 96, 0), (250, 186, 70))
    }

    /// The measured emotion curve (from CSAT): ink-coloured, unlike any curve colour.
    pub const fn measured_curve(&self) -> Rgba {
        self.light_or_dark((40, 42, 50), (236, 236, 242))
    }

    /// Text drawn on a filled `background`: black or white, whichever reads better.
    pub fn text_on(background: Rgba) -> Rgba {
        let luma = 0.299 * f32::from(background[0])
            + 0.587 * f32::from(background[1])
            + 0.114 * f32::from(background[2]);
        if luma > 150.0 {
            rgb(20, 20, 24)
        } else {
            rgb(255, 255, 255)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmultiplied_undoes_premultiplying() {
        let c = rgba_unmultiplied(46, 160, 90, 46);
        let (rgb, a) = unmultiplied(c);
        assert!((a - 46.0 / 255.0).abs() < 1e-6);
        for (got, want) in rgb.iter().zip([46u8, 160, 90]) {
            assert!(got.abs_diff(want) <= 3, "{rgb:?}");
        }
        assert_eq!(
            unmultiplied(white_alpha(30)),
            ([255, 255, 255], 30.0 / 255.0)
        );
    }

    #[test]
    fn dark_stage_headers_are_fainter_than_their_colour() {
        let p = Palette::dark();
        let base = p.strong(ColorToken::Blue);
        let header = p.stage_color(0, None);
        assert_eq!(header, [80, 136, 204, 204]);
        assert!(header[0] < base[0] && header[3] < 255);
    }
}

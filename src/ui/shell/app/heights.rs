//! Card text heights for the layout, measured with egui's own text layout and remembered.
//!
//! Measuring through the context's fonts would keep a galley (glyph positions and a mesh) of
//! every card's text in egui's galley cache: about 100 MB for a 10,000-card map, all of it at
//! once on the first frame, and the process keeps that memory. Here the text is laid out with a
//! separate [`Fonts`] built from the same definitions and options, without caching the galley,
//! and only the height is kept. A height is remembered by text, font size, wrap width and
//! pixels per point, so laying the map out again after an edit measures only changed text.

use std::cell::RefCell;
use std::sync::Arc;

use egui::epaint::text::{Fonts, LayoutJob, TextOptions, ViewportKey};
use rustc_hash::FxHashMap;

use crate::layout::TextMeasure;

/// What a height depends on besides the fonts: the text (hashed), font size, wrap width and
/// pixels per point (as bits, so equal floats are equal keys).
type Key = (u128, u32, u32, u32);

/// The fonts a measurement uses, and what they were built from.
struct MeasureFonts {
    /// Identity of the context's font definitions (their address; they are shared and
    /// replaced, never changed in place).
    definitions: usize,
    options: TextOptions,
    fonts: Fonts,
}

/// Remembered text heights, and the fonts to measure new text with.
#[derive(Default)]
pub(crate) struct TextHeights {
    fonts: Option<MeasureFonts>,
    /// Height and the pass that last used it.
    heights: FxHashMap<Key, (f32, u64)>,
    pass: u64,
}

impl std::fmt::Debug for TextHeights {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextHeights")
            .field("remembered", &self.heights.len())
            .finish_non_exhaustive()
    }
}

impl TextHeights {
    /// A measure for one layout of the map with the fonts of `ctx` (valid after its first
    /// frame). Heights not asked for during it are forgotten when it is dropped.
    pub(crate) fn measure(&mut self, ctx: &egui::Context) -> Measure<'_> {
        let (definitions, options) =
            ctx.fonts_mut(|f| (std::ptr::from_ref(f.definitions()) as usize, *f.options()));
        let same = self
            .fonts
            .as_ref()
            .is_some_and(|m| m.definitions == definitions && m.options == options);
        if !same {
            let defs = ctx.fonts_mut(|f| f.definitions().clone());
            self.fonts = Some(MeasureFonts {
                definitions,
                options,
                fonts: Fonts::new(options, defs),
            });
            self.heights.clear();
        }
        if let Some(m) = &mut self.fonts {
            // Frees the glyph images once the atlas is nearly full, as egui does each frame.
            m.fonts.begin_pass(options, ViewportKey::default());
        }
        self.pass += 1;
        Measure {
            heights: RefCell::new(self),
            pixels_per_point: ctx.pixels_per_point(),
        }
    }

    /// How many heights are remembered.
    #[cfg(test)]
    pub(crate) fn remembered(&self) -> usize {
        self.heights.len()
    }
}

/// Measures text for one layout; see [`TextHeights::measure`].
pub(crate) struct Measure<'a> {
    heights: RefCell<&'a mut TextHeights>,
    pixels_per_point: f32,
}

impl TextMeasure for Measure<'_> {
    fn wrapped_height(&self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
        let key = (
            xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
            font_size.to_bits(),
            wrap_width.to_bits(),
            self.pixels_per_point.to_bits(),
        );
        let mut guard = self.heights.borrow_mut();
        let this = &mut **guard;
        let pass = this.pass;
        if let Some(entry) = this.heights.get_mut(&key) {
            entry.1 = pass;
            return entry.0;
        }
        let Some(fonts) = this.fonts.as_mut() else {
            return 0.0;
        };
        let job = LayoutJob::simple(
            text.to_owned(),
            egui::FontId::proportional(font_size),
            egui::Color32::PLACEHOLDER,
            wrap_width,
        );
        let height = fonts
            .fonts
            .layout_uncached(self.pixels_per_point, Arc::new(job))
            .size()
            .y;
        this.heights.insert(key, (height, pass));
        height
    }
}

impl Drop for Measure<'_> {
    fn drop(&mut self) {
        let this = &mut **self.heights.get_mut();
        let pass = this.pass;
        this.heights.retain(|_, (_, used)| *used == pass);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::shell::app::EguiMeasure;

    fn frame(ctx: &egui::Context) {
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
    }

    fn context() -> egui::Context {
        let ctx = egui::Context::default();
        crate::ui::kit::fonts::install(&ctx);
        crate::ui::kit::emoji::install(&ctx);
        frame(&ctx);
        ctx
    }

    const TEXTS: [&str; 6] = [
        "",
        "Mở ứng dụng Zalo và tìm mini app tích điểm",
        "A long card text that wraps over several lines because it goes on and on and on",
        "Two paragraphs\n\nwith a blank line between them, the second one long enough to wrap",
        "Đổi điểm lấy voucher 🎁 nhưng không thấy mã ở đâu cả, phải hỏi nhân viên",
        "trailing newline\n",
    ];

    #[test]
    fn heights_equal_those_of_the_context_fonts() {
        let ctx = context();
        let mut heights = TextHeights::default();
        let measure = heights.measure(&ctx);
        for text in TEXTS {
            for (size, wrap) in [(13.0, 140.0), (13.0, 60.0), (20.0, 300.0), (9.5, 33.3)] {
                let want = EguiMeasure(&ctx).wrapped_height(text, size, wrap);
                assert_eq!(
                    measure.wrapped_height(text, size, wrap),
                    want,
                    "{text:?} at {size} wrapped to {wrap}"
                );
            }
        }
        // The long texts wrap: the measure is not a constant.
        let one = measure.wrapped_height(TEXTS[1], 13.0, 1000.0);
        assert!(measure.wrapped_height(TEXTS[2], 13.0, 60.0) > 2.0 * one);
    }

    #[test]
    fn a_layout_remembers_only_the_heights_it_asked_for() {
        let ctx = context();
        let mut heights = TextHeights::default();
        {
            let measure = heights.measure(&ctx);
            for text in TEXTS {
                measure.wrapped_height(text, 13.0, 140.0);
            }
            measure.wrapped_height(TEXTS[1], 20.0, 140.0);
        }
        assert_eq!(heights.remembered(), TEXTS.len() + 1);
        {
            let measure = heights.measure(&ctx);
            let again = measure.wrapped_height(TEXTS[2], 13.0, 140.0);
            assert_eq!(
                again,
                EguiMeasure(&ctx).wrapped_height(TEXTS[2], 13.0, 140.0)
            );
        }
        assert_eq!(heights.remembered(), 1);
    }

    #[test]
    fn other_pixels_per_point_are_measured_again() {
        let ctx = context();
        let mut heights = TextHeights::default();
        let at_one = heights.measure(&ctx).wrapped_height(TEXTS[2], 13.0, 140.0);
        ctx.set_pixels_per_point(1.5);
        frame(&ctx);
        let measure = heights.measure(&ctx);
        let at_one_and_half = measure.wrapped_height(TEXTS[2], 13.0, 140.0);
        assert_eq!(
            at_one_and_half,
            EguiMeasure(&ctx).wrapped_height(TEXTS[2], 13.0, 140.0)
        );
        assert!(at_one > 0.0 && at_one_and_half > 0.0);
    }
}

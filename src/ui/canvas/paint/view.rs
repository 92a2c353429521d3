//! Pan and zoom of the canvas ([`CanvasView`]): the transform from map to screen, zoom steps,
//! the two fits (the whole map; readable card text), and following the canvas when a panel
//! opens or the window is resized. Pure geometry: no painting, no input.

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2, vec2};

use crate::ui::kit::theme::zoom;

/// Room between a fitted map and the canvas edge (screen points).
const FIT_MARGIN: f32 = 16.0;
/// Room right of the stages and below the lanes for the "add" buttons (map units).
const FIT_BUTTONS: Vec2 = vec2(44.0, 40.0);

/// What a fit of the view aims at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// The whole map, centred, whatever the zoom (the Fit button, Ctrl+0).
    Whole,
    /// Readable card text (opening a map): the whole map where it fits at a readable zoom,
    /// otherwise its height at a readable zoom, starting at the left so people scroll sideways.
    Readable,
}

/// Pan and zoom of the canvas: view state, never saved in the document.
#[derive(Clone, Debug, PartialEq)]
pub struct CanvasView {
    /// Screen points per map unit.
    pub zoom: f32,
    /// Where the map origin is, relative to the canvas's top-left corner, in screen points.
    pub offset: Vec2,
    /// Fit the map into the canvas on the next frame.
    pub fit_pending: Option<Fit>,
    /// The least zoom at which card text is readable (set by the app from the card font size,
    /// the UI's zoom factor and the workshop view).
    pub readable_zoom: f32,
    /// The next change of the canvas rectangle leaves the map where it is on screen (the
    /// inspector opening or closing with the selection must not move the card just clicked).
    pub hold_next_resize: bool,
    /// The last fit and the zoom and offset it gave: while they are unchanged the user has not
    /// panned or zoomed since, and a change of the canvas refits.
    fitted: Option<(Fit, f32, Vec2)>,
    /// The canvas rectangle and the pixels per point of the last frame.
    last_canvas: Option<(Rect, f32)>,
}

impl Default for CanvasView {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            offset: vec2(16.0, 8.0),
            fit_pending: None,
            readable_zoom: 12.0 / 14.0,
            hold_next_resize: false,
            fitted: None,
            last_canvas: None,
        }
    }
}

impl CanvasView {
    /// The canvas rectangle of the last frame, if one was drawn: where the zoom buttons zoom
    /// around (its centre), rather than the window's.
    pub fn last_canvas(&self) -> Option<Rect> {
        self.last_canvas.map(|(rect, _)| rect)
    }

    /// The part of the map the canvas showed in the last frame, in map (layout) coordinates.
    pub fn visible_map_rect(&self) -> Option<Rect> {
        let canvas = self.last_canvas()?;
        Some(self.screen_from_map(canvas).inverse() * canvas)
    }

    /// A view that fits the map for reading on its first frame.
    pub fn fitted_on_open() -> Self {
        Self {
            fit_pending: Some(Fit::Readable),
            ..Self::default()
        }
    }

    /// The transform from map coordinates to screen coordinates, for a canvas at `canvas`.
    pub fn screen_from_map(&self, canvas: Rect) -> TSTransform {
        TSTransform::new(canvas.min.to_vec2() + self.offset, self.zoom)
    }

    /// Zooms to `new_zoom`, keeping the map point under `anchor` (a screen position) in place.
    pub fn zoom_around(&mut self, new_zoom: f32, anchor: Pos2, canvas: Rect) {
        let new_zoom = new_zoom.clamp(zoom::MIN, zoom::MAX);
        let map_pos = self.screen_from_map(canvas).inverse() * anchor;
        self.zoom = new_zoom;
        self.offset = anchor - canvas.min - map_pos.to_vec2() * new_zoom;
    }

    /// The next zoom step in or out from the current zoom.
    pub fn step_zoom(&self, zoom_in: bool) -> f32 {
        let eps = 1e-3;
        if zoom_in {
            zoom::STEPS
                .iter()
                .copied()
                .find(|z| *z > self.zoom + eps)
                .unwrap_or(zoom::MAX)
        } else {
            zoom::STEPS
                .iter()
                .rev()
                .copied()
                .find(|z| *z < self.zoom - eps)
                .unwrap_or(zoom::MIN)
        }
    }

    /// The fit the view still shows, if the user has not panned or zoomed since.
    pub fn fitted(&self) -> Option<Fit> {
        self.fitted
            .filter(|(_, z, o)| *z == self.zoom && *o == self.offset)
            .map(|(fit, _, _)| fit)
    }

    /// Fits a map of `map_size` into `canvas` as `fit` asks.
    pub fn fit(&mut self, fit: Fit, map_size: Vec2, canvas: Rect) {
        let (zoom, offset) = match fit {
            Fit::Whole => whole_fit(map_size, canvas.size(), self.max_fit_zoom()),
            Fit::Readable => readable_fit(map_size, canvas.size(), self.readable_zoom),
        };
        self.set_fitted(fit, zoom, offset);
    }

    /// Zooms to at least the readable zoom, around the centre of the canvas as last drawn.
    pub fn ensure_readable(&mut self) {
        if let Some((canvas, _)) = self.last_canvas
            && self.zoom < self.readable_zoom
        {
            self.zoom_around(self.readable_zoom, canvas.center(), canvas);
        }
    }

    /// Follows a change of the canvas rectangle (a panel opened or closed, the window resized,
    /// the UI zoomed): a fitted view refits, keeping the map region it showed where a readable
    /// zoom allows; any other view keeps the map point at the centre of the canvas there.
    /// Returns whether the canvas changed.
    pub fn follow_canvas(&mut self, canvas: Rect, pixels_per_point: f32, map_size: Vec2) -> bool {
        let before = self.last_canvas.replace((canvas, pixels_per_point));
        let Some((old, old_ppp)) = before else {
            return false;
        };
        if old == canvas && old_ppp == pixels_per_point {
            return false;
        }
        if std::mem::take(&mut self.hold_next_resize) && old_ppp == pixels_per_point {
            // The map stays where it is on screen: the offset is relative to the canvas's
            // top-left corner, which moves with it.
            let fitted = self.fitted();
            self.offset += old.min - canvas.min;
            self.fitted = fitted.map(|fit| (fit, self.zoom, self.offset));
            return true;
        }
        match self.fitted() {
            Some(Fit::Whole) => self.fit(Fit::Whole, map_size, canvas),
            Some(Fit::Readable) if old_ppp == pixels_per_point => {
                self.refit_keeping_region(old, canvas, map_size);
            }
            Some(Fit::Readable) => self.fit(Fit::Readable, map_size, canvas),
            None => {
                let centre = self.screen_from_map(old).inverse() * old.center();
                self.offset = canvas.size() / 2.0 - centre.to_vec2() * self.zoom;
            }
        }
        true
    }

    /// Refits for reading in `canvas`; if that would hide part of the map region shown in
    /// `old`, zooms out instead (not below the readable zoom) to keep that region in view.
    fn refit_keeping_region(&mut self, old: Rect, canvas: Rect, map_size: Vec2) {
        let content = Rect::from_min_size(Pos2::ZERO, map_size + FIT_BUTTONS);
        let region = (self.screen_from_map(old).inverse() * old).intersect(content);
        self.fit(Fit::Readable, map_size, canvas);
        if !region.is_positive() {
            return;
        }
        // The fit keeps a margin that the region, clipped to the map, does not have.
        let shown = self.screen_from_map(canvas).inverse() * canvas.expand(FIT_MARGIN + 1.0);
        if shown.contains_rect(region) {
            return;
        }
        let needed = (canvas.width() / region.width()).min(canvas.height() / region.height());
        let floor = self.readable_zoom.min(self.zoom);
        let zoom = needed.min(self.zoom).max(floor);
        let offset = canvas.size() / 2.0 - region.center().to_vec2() * zoom;
        self.set_fitted(Fit::Readable, zoom, offset);
    }

    fn set_fitted(&mut self, fit: Fit, zoom: f32, offset: Vec2) {
        self.zoom = zoom;
        self.offset = offset;
        self.fitted = Some((fit, zoom, offset));
    }

    /// A fit never zooms in past 100 %, or past the readable zoom where that is larger.
    fn max_fit_zoom(&self) -> f32 {
        self.readable_zoom.max(1.0)
    }
}

/// Zoom and offset that show the whole map of `map_size` (with its "add" buttons) centred in a
/// canvas of `canvas_size`, zooming in no further than `max_zoom`.
pub fn whole_fit(map_size: Vec2, canvas_size: Vec2, max_zoom: f32) -> (f32, Vec2) {
    let content = map_size + FIT_BUTTONS;
    let available = (canvas_size - Vec2::splat(2.0 * FIT_MARGIN)).max(Vec2::splat(1.0));
    let zoom = (available.x / content.x.max(1.0))
        .min(available.y / content.y.max(1.0))
        .clamp(zoom::MIN, max_zoom.clamp(zoom::MIN, zoom::MAX));
    let offset = ((canvas_size - content * zoom) / 2.0).max(Vec2::splat(FIT_MARGIN));
    (zoom, offset)
}

/// Zoom and offset that make card text readable (`readable_zoom` or more): the whole map
/// where it fits so; otherwise the map's height at a zoom between the readable one and 100 %
/// (never below the readable zoom, even when the height does not fit), at the left.
pub fn readable_fit(map_size: Vec2, canvas_size: Vec2, readable_zoom: f32) -> (f32, Vec2) {
    let max_zoom = readable_zoom.max(1.0);
    let (whole_zoom, whole_offset) = whole_fit(map_size, canvas_size, max_zoom);
    if whole_zoom >= readable_zoom {
        return (whole_zoom, whole_offset);
    }
    let content = map_size + FIT_BUTTONS;
    let available = (canvas_size.y - 2.0 * FIT_MARGIN).max(1.0);
    let zoom = (available / content.y.max(1.0)).clamp(readable_zoom, max_zoom);
    let top = ((canvas_size.y - content.y * zoom) / 2.0).max(FIT_MARGIN);
    (zoom, vec2(FIT_MARGIN, top))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    const READABLE: f32 = 12.0 / 14.0;

    fn canvas(w: f32, h: f32) -> Rect {
        Rect::from_min_size(pos2(0.0, 60.0), vec2(w, h))
    }

    #[test]
    fn a_small_map_is_shown_whole_and_centred_at_no_more_than_100_percent() {
        let (zoom, offset) = readable_fit(vec2(600.0, 300.0), vec2(1280.0, 600.0), READABLE);
        assert!((zoom - 1.0).abs() < 1e-6);
        assert!((offset.x - (1280.0 - 644.0) / 2.0).abs() < 1e-3);
        assert!((offset.y - (600.0 - 340.0) / 2.0).abs() < 1e-3);
    }

    #[test]
    fn a_wide_map_fits_its_height_readably_and_starts_at_the_left() {
        // 2,000 × 500: the whole map would need 0.6; the height fits at 1.0.
        let (zoom, offset) = readable_fit(vec2(2000.0, 500.0), vec2(1280.0, 600.0), READABLE);
        assert!((zoom - 1.0).abs() < 1e-6, "zoom {zoom}");
        assert!((offset.x - FIT_MARGIN).abs() < 1e-6);
        // 1,100 × 900: the height fits at 0.59, below the readable zoom: it stays readable.
        let (zoom, _) = readable_fit(vec2(1100.0, 900.0), vec2(1000.0, 600.0), READABLE);
        assert!((zoom - READABLE).abs() < 1e-6, "zoom {zoom}");
    }

    #[test]
    fn a_huge_map_opens_at_the_readable_zoom_at_its_top_left() {
        let (zoom, offset) = readable_fit(vec2(13_000.0, 40_000.0), vec2(1280.0, 600.0), READABLE);
        assert!((zoom - READABLE).abs() < 1e-6);
        assert_eq!(offset, Vec2::splat(FIT_MARGIN));
    }

    #[test]
    fn the_whole_fit_shows_everything_inside_the_canvas() {
        for size in [
            vec2(9_000.0, 3_000.0),
            vec2(300.0, 200.0),
            vec2(900.0, 2000.0),
        ] {
            let mut view = CanvasView::default();
            let c = canvas(1000.0, 600.0);
            view.fit(Fit::Whole, size, c);
            let shown = view.screen_from_map(c) * Rect::from_min_size(Pos2::ZERO, size);
            assert!(c.contains_rect(shown), "{size:?}: {shown:?} not in {c:?}");
            assert_eq!(view.fitted(), Some(Fit::Whole));
        }
    }

    #[test]
    fn a_resized_canvas_keeps_the_centre_of_a_panned_view() {
        let mut view = CanvasView {
            zoom: 0.9,
            offset: vec2(-300.0, -50.0),
            ..CanvasView::default()
        };
        let old = canvas(1000.0, 600.0);
        view.follow_canvas(old, 1.0, vec2(3000.0, 1000.0));
        let centre = view.screen_from_map(old).inverse() * old.center();
        let new = Rect::from_min_size(pos2(300.0, 60.0), vec2(700.0, 600.0));
        assert!(view.follow_canvas(new, 1.0, vec2(3000.0, 1000.0)));
        let after = view.screen_from_map(new) * centre;
        assert!((after - new.center()).length() < 1e-3);
        assert!((view.zoom - 0.9).abs() < 1e-6);
    }

    #[test]
    fn a_narrower_canvas_keeps_the_stages_a_fitted_view_showed_while_readable() {
        let size = vec2(1500.0, 500.0);
        let mut view = CanvasView::fitted_on_open();
        let old = canvas(1280.0, 600.0);
        view.fit(Fit::Readable, size, old);
        view.follow_canvas(old, 1.0, size);
        let shown_before = view.screen_from_map(old).inverse() * old;
        let new = Rect::from_min_size(pos2(150.0, 60.0), vec2(1130.0, 600.0));
        view.follow_canvas(new, 1.0, size);
        let shown_after = view.screen_from_map(new).inverse() * new.expand(1.0);
        let region = shown_before.intersect(Rect::from_min_size(Pos2::ZERO, size + FIT_BUTTONS));
        assert!(
            shown_after.contains_rect(region),
            "{shown_after:?} lost {region:?}"
        );
        assert!(view.zoom >= READABLE);
        assert_eq!(view.fitted(), Some(Fit::Readable));
    }

    #[test]
    fn the_visible_map_rect_undoes_the_zoom_and_the_pan() {
        let mut view = CanvasView {
            zoom: 2.0,
            offset: vec2(-100.0, 40.0),
            ..CanvasView::default()
        };
        assert_eq!(view.visible_map_rect(), None, "nothing drawn yet");
        let canvas = Rect::from_min_size(pos2(10.0, 60.0), vec2(800.0, 400.0));
        view.last_canvas = Some((canvas, 1.0));
        let rect = view.visible_map_rect().unwrap_or(Rect::NOTHING);
        assert_eq!(rect.min, pos2(50.0, -20.0));
        assert_eq!(rect.size(), vec2(400.0, 200.0));
    }

    #[test]
    fn panning_ends_the_fit() {
        let mut view = CanvasView::default();
        view.fit(Fit::Whole, vec2(500.0, 500.0), canvas(1000.0, 600.0));
        view.offset.x += 10.0;
        assert_eq!(view.fitted(), None);
    }
}

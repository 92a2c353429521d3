//! The canvas cache: the part of the map that does not change from frame to frame (lanes and
//! grid; cards, curves, the measured curve and the line of visibility) is painted and
//! tessellated once, kept as meshes behind `Arc`s, and handed back to egui on later frames;
//! a pan only moves the meshes (a transform egui applies after tessellation). What changes
//! every frame (the keyboard cell, drag ghosts, the rubber band, the sticky headers and lane
//! labels) is painted fresh around them, in the same order as before.
//!
//! The cache is rebuilt when anything it shows may have changed: the map's revision, the zoom,
//! the pixels per point, the theme, the language, the layout's inputs (collapsed lanes, data
//! overlays, metrics), the selection, the card edited in place, the cards being dragged,
//! voting, the font atlas (cleared when full), the textures (an emoji picture finishing
//! loading), or a view that leaves the region painted (the visible area; once the view is
//! panned, half a canvas more on every side). A pan by a fraction of a pixel is shown moved while the view moves, and painted
//! afresh once it rests, so text at rest is on the pixel grid exactly as without the cache.
//!
//! The meshes are kept in three parts, in painting order: the lanes, the cards, and what lies
//! over them (curves, the measured curve, the line of visibility). An edit of the curves alone
//! (the document's base revision unchanged, as while a point is dragged) paints only the last
//! part again: the cards' text is not laid out again for it.

use std::collections::BTreeSet;
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::epaint::{ClippedShape, Mesh, Primitive};
use egui::{Rect, Shape, Vec2};

use crate::layout::LayoutMetrics;
use crate::layout::data::DataOptions;
use crate::model::Id;
use crate::ui::canvas::selection::Selection;
use crate::ui::kit::emoji::{Used, keep_loaded};
use crate::ui::kit::i18n::Lang;
use crate::ui::kit::theme::Theme;

/// Everything besides the pan that the cached part of the canvas depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct CacheKey {
    /// The document's revision the layout was computed from.
    pub revision: u64,
    /// Its base revision: what the lanes and cards show (everything but the curves).
    pub base_revision: u64,
    /// Screen points per map unit.
    pub zoom: f32,
    /// Physical pixels per screen point.
    pub pixels_per_point: f32,
    /// The colours.
    pub theme: Theme,
    /// The UI language (labels drawn on the map).
    pub lang: Lang,
    /// Lanes shown collapsed.
    pub collapsed: BTreeSet<Id>,
    /// The customer-data overlays shown.
    pub data: DataOptions,
    /// The grid's design tokens.
    pub metrics: LayoutMetrics,
    /// What is selected (cards, points and markers are outlined in the cached part).
    pub selection: Selection,
    /// The card whose text the in-place editor draws instead.
    pub editing_card: Option<Id>,
    /// The cards being dragged (drawn faded in place).
    pub dragged: Vec<Id>,
    /// Workshop voting (vote dots, other cards faded).
    pub voting: bool,
    /// Shown to a room (no editing affordances).
    pub read_only: bool,
}

/// The tessellated meshes of the cached part, each with its clip rectangle (screen, at the pan
/// they were painted at).
type Meshes = Vec<(Rect, Arc<Mesh>)>;

#[derive(Clone)]
struct Entry {
    key: CacheKey,
    /// What was painted, in map coordinates.
    region: Rect,
    /// Whether the region reaches beyond the visible area (see [`CacheUse::Rebuild`]).
    wide: bool,
    /// The map-to-screen translation the meshes were painted at.
    translation: Vec2,
    /// The translation of the last frame shown, to tell a moving view from one at rest.
    last_translation: Vec2,
    /// The font atlas's size and how full it was after painting: a smaller fill means it was
    /// cleared, and the glyphs' texture coordinates are stale.
    atlas: ([usize; 2], f32),
    /// How many textures existed after painting (an emoji picture may still have been loading).
    textures: usize,
    /// Under the keyboard cell: lane stripes and grid lines.
    under: Arc<Meshes>,
    /// Over it: the cards.
    cards: Arc<Meshes>,
    /// Over them: the curves, the measured curve, the line of visibility.
    over: Arc<Meshes>,
    /// The emoji pictures the lanes and cards show, and those over them: asked for again on
    /// every frame that shows the meshes, so egui's loader keeps them.
    emoji: [Used; 2],
}

impl CacheKey {
    /// Whether `other` differs from this key in the curves alone (the document's revision, not
    /// its base revision).
    fn differs_only_in_curves(&self, other: &Self) -> bool {
        self.base_revision == other.base_revision
            && Self {
                revision: other.revision,
                ..self.clone()
            } == *other
    }
}

/// The cached part of the canvas between frames, kept in the editor's state.
#[derive(Clone, Default)]
pub struct CanvasCache {
    entry: Option<Entry>,
    rebuilds: u64,
    curve_rebuilds: u64,
    /// Paint every frame afresh (for tests that read the painted shapes).
    off: bool,
}

impl std::fmt::Debug for CanvasCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CanvasCache")
            .field("cached", &self.entry.is_some())
            .field("rebuilds", &self.rebuilds)
            .field("curve_rebuilds", &self.curve_rebuilds)
            .finish()
    }
}

/// What the frame's painting of the cached part should do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CacheUse {
    /// Show the meshes, moved by this much (screen points).
    Reuse(Vec2),
    /// Paint and tessellate again; `wide`: half a canvas beyond the visible area on every
    /// side, for a view that is being panned (a view never panned paints what is visible only,
    /// laying out exactly the text it shows).
    Rebuild {
        /// Paint ahead of the pan.
        wide: bool,
    },
    /// Paint and tessellate the part over the cards again (the curves changed, nothing else),
    /// over the region painted before; show the rest where it is.
    RebuildCurves,
}

/// Whether a translation is a whole number of physical pixels.
pub(super) fn on_pixel_grid(delta: Vec2, pixels_per_point: f32) -> bool {
    let px = delta * pixels_per_point;
    (px.x - px.x.round()).abs() < 1e-3 && (px.y - px.y.round()).abs() < 1e-3
}

/// The decision, as a pure function of what was cached and what the frame needs.
/// `translation` is the frame's map-to-screen translation, `visible` the visible area in map
/// coordinates, `atlas` and `textures` as in [`Entry`].
fn decide(
    entry: Option<&Entry>,
    key: &CacheKey,
    translation: Vec2,
    visible: Rect,
    atlas: ([usize; 2], f32),
    textures: usize,
) -> CacheUse {
    let Some(e) = entry else {
        return CacheUse::Rebuild { wide: false };
    };
    let inside = e.region.contains_rect(visible);
    let fonts_kept = e.atlas.0 == atlas.0 && atlas.1 >= e.atlas.1;
    if &e.key != key {
        let kept = inside && fonts_kept && e.textures == textures && translation == e.translation;
        return if kept && e.key.differs_only_in_curves(key) {
            CacheUse::RebuildCurves
        } else {
            CacheUse::Rebuild { wide: false }
        };
    }
    if !fonts_kept || e.textures != textures || !inside {
        return CacheUse::Rebuild {
            wide: e.wide || !inside,
        };
    }
    let delta = translation - e.translation;
    let moving = translation != e.last_translation;
    if on_pixel_grid(delta, key.pixels_per_point) || moving {
        CacheUse::Reuse(delta)
    } else {
        CacheUse::Rebuild { wide: e.wide }
    }
}

impl CanvasCache {
    /// How many times the cached part was painted and tessellated (for tests).
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds
    }

    /// How many times the part over the cards alone was (for tests).
    pub fn curve_rebuilds(&self) -> u64 {
        self.curve_rebuilds
    }

    /// The region of the map painted into the cache, if anything is.
    pub(super) fn region(&self) -> Option<Rect> {
        self.entry.as_ref().map(|e| e.region)
    }

    /// Turns the cache on (the default) or off: off, every frame paints the canvas afresh, as
    /// shapes (text stays text), for tests that read what was painted.
    pub fn set_enabled(&mut self, on: bool) {
        self.off = !on;
        self.entry = None;
    }

    /// Whether the cache is on.
    pub fn enabled(&self) -> bool {
        !self.off
    }

    /// Decides this frame's use of the cache; see [`decide`].
    pub(super) fn plan(
        &self,
        key: &CacheKey,
        translation: Vec2,
        visible: Rect,
        ctx: &egui::Context,
    ) -> CacheUse {
        decide(
            self.entry.as_ref(),
            key,
            translation,
            visible,
            atlas_state(ctx),
            texture_count(ctx),
        )
    }

    /// Keeps the shapes painted in `layer` between the marks (the lanes under the keyboard
    /// cell, then the cards, then what lies over them), tessellated, and removes them from the
    /// layer.
    #[expect(clippy::too_many_arguments, reason = "one call site, all distinct")]
    pub(super) fn store(
        &mut self,
        ctx: &egui::Context,
        layer: egui::LayerId,
        [start, lanes_end, cards_end, end]: [usize; 4],
        key: CacheKey,
        (region, wide): (Rect, bool),
        translation: Vec2,
        pixels_per_point: f32,
        emoji: [Used; 2],
    ) {
        let [under, cards, over] = take_tessellated(
            ctx,
            layer,
            [[start, lanes_end], [lanes_end, cards_end], [cards_end, end]],
            pixels_per_point,
        );
        self.rebuilds += 1;
        self.entry = Some(Entry {
            key,
            region,
            wide,
            translation,
            last_translation: translation,
            atlas: atlas_state(ctx),
            textures: texture_count(ctx),
            under,
            cards,
            over,
            emoji,
        });
    }

    /// Keeps the shapes painted in `layer` from `start` to `end` as the part over the cards
    /// (see [`CacheUse::RebuildCurves`]), tessellated, and removes them from the layer.
    pub(super) fn store_curves(
        &mut self,
        ctx: &egui::Context,
        layer: egui::LayerId,
        [start, end]: [usize; 2],
        key: CacheKey,
        pixels_per_point: f32,
        emoji: Used,
    ) {
        let [over] = take_tessellated(ctx, layer, [[start, end]], pixels_per_point);
        let Some(e) = &mut self.entry else {
            return;
        };
        // The font atlas and the textures stay as the cards found them: should painting the
        // curves have grown the atlas or added a texture, the next frame paints all again.
        e.key = key;
        e.over = over;
        e.emoji[1] = emoji;
        self.curve_rebuilds += 1;
    }

    /// Adds the meshes under (`over == false`) or over the keyboard cell to `layer`, moved by
    /// `delta` and clipped to `canvas`.
    pub(super) fn show(
        &mut self,
        ctx: &egui::Context,
        layer: egui::LayerId,
        canvas: Rect,
        delta: Vec2,
        over: bool,
    ) {
        let Some(e) = &mut self.entry else {
            return;
        };
        e.last_translation = e.translation + delta;
        keep_loaded(ctx, &e.emoji[usize::from(over)]);
        let parts: &[&Arc<Meshes>] = if over {
            &[&e.cards, &e.over]
        } else {
            &[&e.under]
        };
        let transform = TSTransform::from_translation(delta);
        ctx.graphics_mut(|g| {
            let list = g.entry(layer);
            for (clip, mesh) in parts.iter().flat_map(|m| m.iter()) {
                let clip = clip.translate(delta).intersect(canvas);
                if !clip.is_positive() {
                    continue;
                }
                let idx = list.add(clip, Shape::Mesh(mesh.clone()));
                if delta != Vec2::ZERO {
                    list.mutate_shape(idx, |c| c.transform_after_tessellation = transform);
                }
            }
        });
    }
}

/// The shapes of `layer` in each index range, tessellated (removed from the layer).
fn take_tessellated<const N: usize>(
    ctx: &egui::Context,
    layer: egui::LayerId,
    ranges: [[usize; 2]; N],
    pixels_per_point: f32,
) -> [Arc<Meshes>; N] {
    let shapes: [Vec<ClippedShape>; N] = ctx.graphics_mut(|g| {
        let list = g.entry(layer);
        let shapes = ranges.map(|[from, to]| {
            list.all_entries()
                .skip(from)
                .take(to.saturating_sub(from))
                .cloned()
                .collect()
        });
        for [from, to] in ranges {
            for i in from..to {
                list.reset_shape(egui::layers::ShapeIdx(i));
            }
        }
        shapes
    });
    shapes.map(|shapes| {
        Arc::new(
            ctx.tessellate(shapes, pixels_per_point)
                .into_iter()
                .filter_map(|p| match p.primitive {
                    Primitive::Mesh(mesh) if !mesh.is_empty() => {
                        Some((p.clip_rect, Arc::new(mesh)))
                    }
                    _ => None,
                })
                .collect(),
        )
    })
}

fn atlas_state(ctx: &egui::Context) -> ([usize; 2], f32) {
    ctx.fonts(|f| (f.font_image_size(), f.font_atlas_fill_ratio()))
}

fn texture_count(ctx: &egui::Context) -> usize {
    ctx.tex_manager().read().num_allocated()
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    fn key() -> CacheKey {
        CacheKey {
            revision: 3,
            base_revision: 2,
            zoom: 0.5,
            pixels_per_point: 1.0,
            theme: Theme::light(),
            lang: Lang::En,
            collapsed: BTreeSet::new(),
            data: DataOptions::default(),
            metrics: LayoutMetrics::default(),
            selection: Selection::default(),
            editing_card: None,
            dragged: Vec::new(),
            voting: false,
            read_only: false,
        }
    }

    fn entry() -> Entry {
        Entry {
            key: key(),
            region: Rect::from_min_max(pos2(-100.0, -100.0), pos2(1000.0, 800.0)),
            wide: false,
            translation: vec2(10.0, 20.0),
            last_translation: vec2(10.0, 20.0),
            atlas: ([1024, 512], 0.3),
            textures: 4,
            under: Arc::default(),
            cards: Arc::default(),
            over: Arc::default(),
            emoji: Default::default(),
        }
    }

    const VISIBLE: Rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(500.0, 400.0));

    #[test]
    fn nothing_changed_reuses_in_place() {
        let e = entry();
        let got = decide(Some(&e), &key(), vec2(10.0, 20.0), VISIBLE, e.atlas, 4);
        assert_eq!(got, CacheUse::Reuse(Vec2::ZERO));
    }

    #[test]
    fn a_whole_pixel_pan_moves_the_meshes() {
        let e = entry();
        let got = decide(Some(&e), &key(), vec2(-2.0, 35.0), VISIBLE, e.atlas, 4);
        assert_eq!(got, CacheUse::Reuse(vec2(-12.0, 15.0)));
    }

    #[test]
    fn a_fractional_pan_moves_while_moving_and_repaints_at_rest() {
        let mut e = entry();
        let moving = decide(Some(&e), &key(), vec2(10.5, 20.0), VISIBLE, e.atlas, 4);
        assert_eq!(moving, CacheUse::Reuse(vec2(0.5, 0.0)));
        e.last_translation = vec2(10.5, 20.0);
        let at_rest = decide(Some(&e), &key(), vec2(10.5, 20.0), VISIBLE, e.atlas, 4);
        assert_eq!(at_rest, CacheUse::Rebuild { wide: false });
    }

    #[test]
    fn an_edit_a_zoom_or_a_theme_rebuilds() {
        let e = entry();
        let changed = [
            CacheKey {
                revision: 4,
                base_revision: 4,
                ..key()
            },
            CacheKey { zoom: 0.6, ..key() },
            CacheKey {
                theme: Theme::dark(),
                ..key()
            },
            CacheKey {
                lang: Lang::Vi,
                ..key()
            },
        ];
        for k in changed {
            let got = decide(Some(&e), &k, vec2(10.0, 20.0), VISIBLE, e.atlas, 4);
            assert_eq!(got, CacheUse::Rebuild { wide: false }, "{k:?}");
        }
    }

    #[test]
    fn leaving_the_region_a_cleared_atlas_or_a_new_texture_rebuilds() {
        let e = entry();
        let far = VISIBLE.translate(vec2(900.0, 0.0));
        let k = key();
        let t = vec2(10.0, 20.0);
        // Panned out of what was painted: paint ahead of the pan from now on.
        let ahead = CacheUse::Rebuild { wide: true };
        assert_eq!(decide(Some(&e), &k, t, far, e.atlas, 4), ahead);
        let again = CacheUse::Rebuild { wide: false };
        let cleared = ([1024, 512], 0.05);
        assert_eq!(decide(Some(&e), &k, t, VISIBLE, cleared, 4), again);
        let grown = ([2048, 512], 0.3);
        assert_eq!(decide(Some(&e), &k, t, VISIBLE, grown, 4), again);
        assert_eq!(decide(Some(&e), &k, t, VISIBLE, e.atlas, 5), again);
        assert_eq!(decide(None, &k, t, VISIBLE, e.atlas, 4), again);
        let wide = Entry { wide: true, ..e };
        assert_eq!(decide(Some(&wide), &k, t, VISIBLE, e.atlas, 5), ahead);
    }

    #[test]
    fn an_edit_of_the_curves_alone_repaints_only_them_unless_more_changed() {
        let e = entry();
        let t = vec2(10.0, 20.0);
        let curves = CacheKey {
            revision: 4,
            ..key()
        };
        let got = decide(Some(&e), &curves, t, VISIBLE, e.atlas, 4);
        assert_eq!(got, CacheUse::RebuildCurves);
        // Panned, zoomed or with another selection as well: everything again.
        let whole = CacheUse::Rebuild { wide: false };
        let panned = decide(Some(&e), &curves, vec2(11.0, 20.0), VISIBLE, e.atlas, 4);
        assert_eq!(panned, whole);
        let zoomed = CacheKey {
            zoom: 0.7,
            ..curves.clone()
        };
        assert_eq!(decide(Some(&e), &zoomed, t, VISIBLE, e.atlas, 4), whole);
        let selected = CacheKey {
            selection: Selection::only_point(
                crate::model::Id::new("cv1"),
                crate::model::Id::new("st1"),
            ),
            ..curves.clone()
        };
        assert_eq!(decide(Some(&e), &selected, t, VISIBLE, e.atlas, 4), whole);
        let far = VISIBLE.translate(vec2(900.0, 0.0));
        assert_eq!(decide(Some(&e), &curves, t, far, e.atlas, 4), whole);
        assert_eq!(decide(Some(&e), &curves, t, VISIBLE, e.atlas, 5), whole);
    }
}

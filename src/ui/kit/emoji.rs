//! Colour emoji in the UI: the bundled Twemoji pictures (`art::emoji`) drawn through egui's
//! image loaders (the SVG loader of `egui_extras`, installed by [`install`]), rasterised at the
//! size they are shown on screen so they stay sharp at every zoom. An emoji without a picture
//! (one typed by hand), or whose picture did not load, is drawn with the emoji font instead:
//! never a blank.

use egui::load::{SizeHint, TexturePoll};
use egui::{
    Align2, Color32, FontId, Painter, Rect, Response, Role, Sense, StrokeKind, TextureOptions, Ui,
    Vec2, WidgetInfo, pos2,
};

use crate::art::{EmojiArt, all_art, emoji_art};

/// Share of the emoji's box taken by the font size of a fallback glyph, so the glyph (whose
/// line is taller than its ink) stays inside the box.
const GLYPH_SCALE: f32 = 0.85;

/// Installs the image loaders the colour emoji need (the SVG loader of `egui_extras`) and
/// gives them every bundled picture's bytes, once, rather than at every paint. Called once per
/// context, in the window and in the tests.
pub fn install(ctx: &egui::Context) {
    egui_extras::install_image_loaders(ctx);
    for art in all_art() {
        ctx.include_bytes(uri(&art), art.svg);
    }
}

/// The address under which an emoji's picture is given to egui's loaders.
pub fn uri(art: &EmojiArt) -> String {
    format!("bytes://emoji/{}.svg", art.name)
}

/// The side in pixels a picture is rasterised at for a box of `side_px` pixels: rounded up to
/// a multiple of 4, so a smooth zoom does not rasterise every emoji again at every frame.
fn raster_side(side_px: f32) -> u32 {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to a small positive range first"
    )]
    let px = side_px.ceil().clamp(4.0, 1024.0) as u32;
    px.div_ceil(4) * 4
}

/// Paints `emoji` into the square `rect` (screen points): its colour picture rasterised at that
/// size, or else the font glyph in `fallback`. Returns whether the colour picture was painted.
pub fn paint_emoji(painter: &Painter, emoji: &str, rect: Rect, fallback: Color32) -> bool {
    if let Some(art) = emoji_art(emoji) {
        let ctx = painter.ctx();
        let uri = uri(&art);
        let side = raster_side(rect.width().max(rect.height()) * ctx.pixels_per_point());
        let hint = SizeHint::Size {
            width: side,
            height: side,
            maintain_aspect_ratio: true,
        };
        ctx.data_mut(|d| {
            if let Some(used) = d.get_temp_mut_or_default::<Option<Used>>(used_id()) {
                used.0.insert((uri.clone(), side));
            }
        });
        if let Ok(TexturePoll::Ready { texture }) =
            ctx.try_load_texture(&uri, TextureOptions::LINEAR, hint)
        {
            let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
            painter.image(texture.id, rect, uv, Color32::WHITE);
            return true;
        }
    }
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        emoji,
        FontId::proportional(rect.height() * GLYPH_SCALE),
        fallback,
    );
    false
}

/// The emoji pictures painted while recording (see [`record_used`]): each address with the
/// side it was rasterised at.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Used(std::collections::BTreeSet<(String, u32)>);

fn used_id() -> egui::Id {
    egui::Id::unique("journeymap-emoji-used")
}

/// Runs `paint` and returns what it painted with the emoji pictures it used, so that someone
/// who keeps the painted meshes (the canvas cache) can keep those pictures loaded with
/// [`keep_loaded`]: egui's loader forgets a picture that is loaded at several sizes (the
/// canvas's and the emoji picker's) when a frame does not ask for it.
pub fn record_used<R>(ctx: &egui::Context, paint: impl FnOnce() -> R) -> (R, Used) {
    ctx.data_mut(|d| d.insert_temp(used_id(), Some(Used::default())));
    let out = paint();
    let used = ctx
        .data_mut(|d| d.remove_temp::<Option<Used>>(used_id()))
        .flatten()
        .unwrap_or_default();
    (out, used)
}

/// Asks egui's loader again for the pictures `used` holds, as painting them would, so they
/// stay loaded while the meshes that show them are reused.
pub fn keep_loaded(ctx: &egui::Context, used: &Used) {
    for (uri, side) in &used.0 {
        let hint = SizeHint::Size {
            width: *side,
            height: *side,
            maintain_aspect_ratio: true,
        };
        // Already loaded: this only marks it used in this frame.
        let _ready = ctx.try_load_texture(uri, TextureOptions::LINEAR, hint);
    }
}

/// An emoji `side` points square, in colour, as a widget; its accessible label is the emoji.
/// Text without a picture (a typed avatar, perhaps several characters) is shown as a label at
/// the same size instead.
pub fn emoji_ui(ui: &mut Ui, emoji: &str, side: f32, sense: Sense) -> Response {
    if emoji_art(emoji).is_none() {
        return ui.add(
            egui::Label::new(egui::RichText::new(emoji).size(side * GLYPH_SCALE)).sense(sense),
        );
    }
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(side), sense);
    response.widget_info(|| WidgetInfo::labeled(Role::Image, ui.is_enabled(), emoji));
    if ui.is_rect_visible(rect) {
        let color = ui.visuals().text_color();
        paint_emoji(ui.painter(), emoji, rect, color);
    }
    response
}

/// A selectable emoji `side` points square, in colour, framed as a selectable label is; its
/// accessible label is the emoji.
pub fn selectable_emoji_ui(ui: &mut Ui, selected: bool, emoji: &str, side: f32) -> Response {
    let padding = ui.spacing().button_padding.y;
    let (rect, response) =
        ui.allocate_exact_size(Vec2::splat(side + 2.0 * padding), Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::Button, ui.is_enabled(), selected, emoji));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() || response.has_focus() {
            ui.painter().rect(
                rect.expand(visuals.expansion),
                visuals.corner_radius,
                visuals.weak_bg_fill,
                visuals.bg_stroke,
                StrokeKind::Inside,
            );
        }
        let inner = Rect::from_center_size(rect.center(), Vec2::splat(side));
        paint_emoji(ui.painter(), emoji, inner, visuals.text_color());
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_are_rasterised_in_steps_of_four_pixels() {
        assert_eq!(raster_side(20.0), 20);
        assert_eq!(raster_side(20.2), 24);
        assert_eq!(raster_side(23.9), 24);
        assert_eq!(raster_side(0.0), 4);
        assert_eq!(raster_side(f32::INFINITY), 1024);
    }

    #[test]
    fn a_bundled_emoji_is_painted_as_a_picture_and_another_as_a_glyph() {
        let ctx = egui::Context::default();
        crate::ui::kit::fonts::install(&ctx);
        install(&ctx);
        let mut painted = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let rect = Rect::from_min_size(pos2(10.0, 10.0), Vec2::splat(30.0));
            painted.push(paint_emoji(ui.painter(), "😡", rect, Color32::BLACK));
            painted.push(paint_emoji(ui.painter(), "🦆", rect, Color32::BLACK));
        });
        assert_eq!(painted, [true, false]);
        // A picture is a mesh with a texture of its own (the font atlas is the default one).
        let textured = output
            .shapes
            .iter()
            .filter(|s| match &s.shape {
                egui::Shape::Mesh(mesh) => mesh.texture_id != egui::TextureId::default(),
                _ => false,
            })
            .count();
        let texts = output
            .shapes
            .iter()
            .filter(|s| matches!(&s.shape, egui::Shape::Text(_)))
            .count();
        assert_eq!((textured, texts), (1, 1));
        // The textures (font atlas, the picture) go to no renderer here.
        output.textures_delta.clear();
    }
}

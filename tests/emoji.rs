//! Emoji people can read from the back of the room: the emotion curves' faces and the persona
//! avatar are Twemoji pictures (meshes with a texture of their own), rasterised at the size
//! they are shown, which follows the canvas zoom; an emoji without a picture is drawn with the
//! emoji font, never left blank.

mod common;

use common::{click_at, key};
use egui::{Key, Modifiers, Pos2, Rect, Shape, TextureId, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use journeymap::layout::LayoutMetrics;
use journeymap::model::{AVATAR_EMOJI, JourneyMap};
use journeymap::ui::{JourneyApp, OpenMap};

type H = Harness<'static, JourneyApp>;

use common::juicer;

/// The editor on `map` in a 1280×720 window, as on a workshop's projector.
fn projector(map: JourneyMap) -> H {
    let app = JourneyApp::new(Some(OpenMap::unsaved(map)), None);
    let mut h = common::harness(app, egui::Theme::Light);
    h.set_size(vec2(1280.0, 720.0));
    h.run();
    h
}

/// The pictures painted in the last frame: every mesh with a texture of its own (the font
/// atlas is the default texture), with its screen rect.
fn pictures(h: &H) -> Vec<(TextureId, Rect)> {
    h.output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            Shape::Mesh(mesh) if mesh.texture_id != TextureId::default() => {
                Some((mesh.texture_id, mesh.calc_bounds()))
            }
            _ => None,
        })
        .collect()
}

/// The texts painted in the last frame, with their font size.
fn texts(h: &H) -> Vec<(String, f32)> {
    h.output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            Shape::Text(text) => Some((
                text.galley.text().to_owned(),
                text.galley
                    .job
                    .sections
                    .first()
                    .map_or(0.0, |s| s.format.font_id.size),
            )),
            _ => None,
        })
        .collect()
}

/// The side of a curve face on screen at the current zoom (points).
fn face_side(h: &H) -> f32 {
    LayoutMetrics::default().emoji_size * h.state().view().zoom
}

/// The centre of every emotion point on screen.
fn points(h: &H) -> Vec<Pos2> {
    h.query_all_by_label_contains("Emotion point:")
        .map(|node| node.rect().center())
        .collect()
}

/// The face of the point at `point`: the nearest square picture of `side` beside the point
/// (above it, or below or to the side where the layout moved it clear of another face), never
/// over the point itself.
fn face_of(pictures: &[(TextureId, Rect)], point: Pos2, side: f32) -> Option<(TextureId, Rect)> {
    pictures
        .iter()
        .copied()
        .filter(|(_, r)| {
            (r.width() - side).abs() < 1.0
                && (r.height() - side).abs() < 1.0
                && !r.contains(point)
                && r.center().distance(point) <= 2.5 * side
        })
        .min_by(|(_, a), (_, b)| {
            a.center()
                .distance(point)
                .total_cmp(&b.center().distance(point))
        })
}

/// The texture's size in pixels.
fn texture_px(h: &H, id: TextureId) -> [usize; 2] {
    h.ctx
        .tex_manager()
        .read()
        .meta(id)
        .unwrap_or_else(|| panic!("texture {id:?} was freed"))
        .size
}

#[test]
fn every_curve_face_is_a_colour_picture_over_its_point() {
    let map = juicer();
    let expected: usize = map.curves.iter().map(|c| c.points.len()).sum();
    let mut h = projector(map);
    // The whole map, so that every point is on screen.
    common::fit_whole(&mut h);
    let points = points(&h);
    assert_eq!(
        points.len(),
        expected,
        "every point is on screen when the whole map shows"
    );
    let side = face_side(&h);
    let pictures = pictures(&h);
    for point in points {
        let (id, rect) = face_of(&pictures, point, side)
            .unwrap_or_else(|| panic!("no {side} pt picture over the point at {point:?}"));
        // Rasterised at least at the size shown: sharp, not a small bitmap stretched.
        let [w, h_px] = texture_px(&h, id);
        let shown = rect.width() * h.ctx.pixels_per_point();
        assert!(
            w as f32 >= shown && h_px as f32 >= shown,
            "{w}×{h_px} px for {shown} px"
        );
    }
    // No face was drawn with the monochrome font.
    assert!(
        !texts(&h).iter().any(|(t, _)| t == "😡" || t == "😤"),
        "a face fell back to the font"
    );
}

#[test]
fn curve_faces_grow_with_the_zoom_and_are_rasterised_again() {
    let mut h = projector(juicer());
    // From the whole map (small faces), two steps in.
    common::fit_whole(&mut h);
    let fitted_zoom = h.state().view().zoom;
    let fitted = face_side(&h);
    let point = points(&h)[0];
    let (small_id, small) = face_of(&pictures(&h), point, fitted).expect("a face at fit");
    key(&mut h, Key::Plus, Modifiers::COMMAND);
    key(&mut h, Key::Plus, Modifiers::COMMAND);
    let zoom = h.state().view().zoom;
    assert!(
        zoom > fitted_zoom * 1.2,
        "zoomed in: {fitted_zoom} → {zoom}"
    );
    let larger = face_side(&h);
    let point = *points(&h)
        .iter()
        .min_by(|a, b| a.distance(point).total_cmp(&b.distance(point)))
        .expect("points");
    let (large_id, large) = face_of(&pictures(&h), point, larger)
        .unwrap_or_else(|| panic!("no {larger} pt face after zooming in"));
    assert!(
        (large.width() / small.width() - zoom / fitted_zoom).abs() < 0.05,
        "the face grew from {} to {} pt with the zoom {fitted_zoom} → {zoom}",
        small.width(),
        large.width()
    );
    let shown = large.width() * h.ctx.pixels_per_point();
    let [w, _] = texture_px(&h, large_id);
    assert_ne!(small_id, large_id, "a new raster for the new size");
    assert!(w as f32 >= shown, "{w} px for a face of {shown} px");
}

#[test]
fn faces_are_at_least_20_px_wherever_card_text_is_readable() {
    // Opening a map fits it so that card text is at least 12 px on screen; the faces scale
    // with the same zoom, so their size in map units sets their least size on the projector.
    let m = LayoutMetrics::default();
    let zoom_for_readable_text = 12.0 / m.card_font_size;
    assert!(
        m.emoji_size * zoom_for_readable_text >= 20.0,
        "faces of {} px beside 12 px card text",
        m.emoji_size * zoom_for_readable_text
    );
}

#[test]
fn an_emoji_without_a_picture_is_drawn_with_the_font() {
    // The painted text is read from the frame's shapes: the canvas cache would hand them over
    // as meshes.
    let uncached = |map: JourneyMap| {
        let app = JourneyApp::new(Some(OpenMap::unsaved(map)), None);
        let mut h = common::harness(app.with_canvas_cache(false), egui::Theme::Light);
        h.set_size(vec2(1280.0, 720.0));
        h.run();
        h
    };
    let mut map = juicer();
    map.curves[0].points[0].emoji = Some("🦆".to_owned());
    let h = uncached(map);
    let side = face_side(&h);
    let duck = texts(&h)
        .into_iter()
        .find(|(t, _)| t == "🦆")
        .expect("the duck is drawn as text");
    assert!(
        duck.1 > side * 0.8 && duck.1 <= side,
        "the glyph ({} pt) fills the face's box ({side} pt)",
        duck.1
    );
    let faces = |h: &H| {
        let side = face_side(h);
        pictures(h)
            .iter()
            .filter(|(_, r)| (r.width() - side).abs() < 1.0 && (r.height() - side).abs() < 1.0)
            .count()
    };
    // Points far off screen are not painted: count the faces the same view paints without
    // the duck.
    let with_pictures = uncached(juicer());
    assert_eq!(face_side(&with_pictures), side, "the same view");
    let all = faces(&with_pictures);
    assert!(all >= 10, "{all} faces painted");
    assert_eq!(faces(&h), all - 1, "the other faces are still pictures");
}

#[test]
fn the_persona_avatar_is_a_colour_picture_in_the_top_bar_and_the_picker() {
    let mut h = projector(juicer());
    let chip = h.get_by_label("👩").rect();
    let picture_in = |h: &H, rect: Rect| {
        pictures(h)
            .iter()
            .any(|(_, r)| rect.expand(1.0).contains_rect(*r) && r.width() >= rect.width() - 1.0)
    };
    assert!(picture_in(&h, chip), "the top bar's avatar at {chip:?}");
    assert!(chip.height() >= 18.0, "a {} pt avatar", chip.height());
    // The avatar opens the persona panel, whose picker shows every avatar in colour.
    click_at(&mut h, chip.center(), Modifiers::NONE);
    assert!(h.state().prefs().show_persona);
    for emoji in AVATAR_EMOJI {
        let buttons: Vec<Rect> = h
            .query_all_by_label(emoji)
            .map(|n| n.rect())
            .filter(|r| r.min.y > chip.max.y)
            .collect();
        assert!(!buttons.is_empty(), "{emoji} is offered");
        for rect in buttons {
            let inner = rect.shrink(2.0);
            assert!(
                pictures(&h)
                    .iter()
                    .any(|(_, r)| inner.expand(3.0).contains_rect(*r)
                        && r.width() >= inner.width() - 6.0),
                "{emoji} at {rect:?} is a picture"
            );
        }
    }
    // A typed avatar with no picture: the font, in the same place.
    let mut map = juicer();
    map.persona.avatar = "🦆".to_owned();
    let h = projector(map);
    let duck = h.get_by_label("🦆").rect();
    assert!(!picture_in(&h, duck), "no picture for 🦆");
    assert!(texts(&h).iter().any(|(t, _)| t == "🦆"));
}

#[test]
fn the_point_inspector_offers_every_feeling_in_colour() {
    let mut h = projector(juicer());
    let point = h
        .get_by_label("Emotion point: Hiện tại, Quyết định › Hỏi tư vấn")
        .rect()
        .center();
    click_at(&mut h, point, Modifiers::NONE);
    for (i, emoji) in journeymap::model::FEELING_EMOJI.iter().enumerate() {
        let button = h
            .query_all_by_role(egui::accesskit::Role::Button)
            .filter(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with(&format!("{emoji} ")))
            })
            .map(|n| n.rect())
            .find(|r| r.min.x > point.x.max(900.0))
            .unwrap_or_else(|| panic!("feeling {i} ({emoji}) is not in the inspector"));
        assert!(
            pictures(&h)
                .iter()
                .any(|(_, r)| button.contains_rect(*r) && r.width() >= 20.0),
            "{emoji} at {button:?} is a picture of at least 20 pt"
        );
    }
}

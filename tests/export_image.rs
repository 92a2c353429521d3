//! The image exports: the SVG of the whole map (text as text) and the PNG rendered from it
//! with the bundled fonts, through the library and through `journeymap export`.
//!
//! The PNG reference image is written with `UPDATE_SNAPSHOTS=1 cargo test --test
//! export_image` (like the snapshot tests); look at it before committing it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::journeymap_without_display;
use journeymap::art::palette::Palette;
use journeymap::export::png::{Resolution, to_png};
use journeymap::export::svg::{self, SvgOptions, Theme, to_svg};
use journeymap::model::{JourneyMap, LaneKind};
use resvg::tiny_skia::Pixmap;
use resvg::usvg::roxmltree;

const VIETNAMESE_SAMPLE: &str = "samples/may-ep-trai-cay.ron";

fn sample(path: &str) -> JourneyMap {
    journeymap::file::load(Path::new(path)).unwrap().map
}

/// A small map for the reference image: the juicer sample's first two stages, with its
/// touchpoints, emotions and pain points.
fn small_map() -> JourneyMap {
    let mut map = sample(VIETNAMESE_SAMPLE);
    map.stages.truncate(2);
    let steps: Vec<_> = map.steps().map(|(_, s)| s.id.clone()).collect();
    map.lanes.retain(|l| {
        matches!(
            l.kind,
            LaneKind::Touchpoints | LaneKind::Emotions | LaneKind::PainPoints
        )
    });
    let lanes: Vec<_> = map.lanes.iter().map(|l| l.id.clone()).collect();
    map.cards
        .retain(|c| steps.contains(&c.step) && lanes.contains(&c.lane));
    for curve in &mut map.curves {
        curve.points.retain(|p| steps.contains(&p.step));
    }
    map
}

fn light() -> SvgOptions {
    SvgOptions {
        theme: Theme::Light,
        clip: None,
        ..SvgOptions::default()
    }
}

#[test]
fn a_clipped_picture_shows_only_the_asked_part_of_the_map() {
    let map = sample("samples/may-ep-trai-cay.ron");
    let whole = svg::size(&map).unwrap();
    let clip = emath::Rect::from_min_size(emath::pos2(100.0, 50.0), emath::vec2(640.0, 360.0));
    let options = SvgOptions {
        theme: Theme::Light,
        clip: Some(clip),
        ..SvgOptions::default()
    };
    let png = to_png(&map, &options, Resolution::Scale(2.0)).unwrap();
    let img = Pixmap::decode_png(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1280, 720));
    assert!(
        whole.0 > 700.0 && whole.1 > 420.0,
        "the map is larger than the clip: {whole:?}"
    );
    let svg = to_svg(&map, &options).unwrap();
    assert!(
        svg.contains(r#"viewBox="100 94 640 360""#),
        "{}",
        &svg[..300]
    );
}

#[test]
fn the_line_of_visibility_is_labelled_in_the_maps_language() {
    // The Zalo sample has a backstage lane (CDP data); with a frontstage lane above it, as a
    // service blueprint has, the line runs between them.
    let mut map = sample("samples/zalo-mini-app-loyalty.ron");
    let backstage = map
        .lanes
        .iter()
        .position(|l| l.kind == journeymap::model::LaneKind::Backstage)
        .unwrap();
    map.lanes[backstage - 1].kind = journeymap::model::LaneKind::Frontstage;
    let text = to_svg(&map, &light()).unwrap();
    assert!(text.contains(">Đường ranh giới hiển thị<"), "no label");
    assert!(!text.contains("Line of visibility"));
}

#[test]
fn the_svg_parses_and_holds_every_vietnamese_stage_name_as_text() {
    let map = sample(VIETNAMESE_SAMPLE);
    let text = to_svg(&map, &light()).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("tspan"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect();
    assert!(map.stages.len() >= 5);
    for stage in &map.stages {
        assert!(
            texts.iter().any(|t| t == &stage.name),
            "stage {:?} is not a text of the SVG",
            stage.name
        );
    }
    assert!(texts.iter().any(|t| t == "Nhận biết"));
    // Card text is there as text too, wrapped into lines that join back into it.
    let card = &map.cards[0].text;
    let first_word = card.split_whitespace().next().unwrap();
    assert!(texts.iter().any(|t| t.starts_with(first_word)));
    // And resvg reads it.
    resvg::usvg::Tree::from_str(&text, &resvg::usvg::Options::default()).unwrap();
}

#[test]
fn the_png_is_as_wide_as_the_svg_times_the_scale_and_not_blank() {
    let map = small_map();
    let (w, h) = svg::size(&map).unwrap();
    for (resolution, scale) in [
        (Resolution::Scale(1.0), 1.0),
        (Resolution::Scale(2.0), 2.0),
        (Resolution::Dpi(300.0), 300.0 / 96.0),
    ] {
        let png = to_png(&map, &light(), resolution).unwrap();
        let pixmap = Pixmap::decode_png(&png).unwrap();
        assert_eq!(pixmap.width(), (w * scale).ceil() as u32, "{resolution:?}");
        assert_eq!(pixmap.height(), (h * scale).ceil() as u32, "{resolution:?}");
        let colours: std::collections::HashSet<_> = pixmap
            .pixels()
            .iter()
            .map(|p| (p.red(), p.green(), p.blue()))
            .collect();
        assert!(colours.len() > 200, "{} colours", colours.len());
    }
}

#[test]
fn the_dark_png_has_the_dark_canvas_behind_the_map() {
    let map = small_map();
    for (theme, palette) in [
        (Theme::Light, Palette::light()),
        (Theme::Dark, Palette::dark()),
    ] {
        let png = to_png(
            &map,
            &SvgOptions {
                theme,
                clip: None,
                ..SvgOptions::default()
            },
            Resolution::Scale(1.0),
        )
        .unwrap();
        let pixmap = Pixmap::decode_png(&png).unwrap();
        let corner = pixmap.pixel(2, 2).unwrap();
        let want = palette.canvas_bg;
        assert_eq!(
            [corner.red(), corner.green(), corner.blue()],
            [want[0], want[1], want[2]],
            "{theme:?}"
        );
    }
}

/// Largest difference of one channel that still counts as the same pixel (anti-aliasing).
const CHANNEL_TOLERANCE: u8 = 24;
/// Share of pixels that may differ more than that.
const DIFFERENT_SHARE: f64 = 0.002;

#[test]
fn the_png_of_a_small_vietnamese_map_matches_the_reference_image() {
    let png = to_png(&small_map(), &light(), Resolution::Scale(1.0)).unwrap();
    let reference = Path::new("tests/export_reference/small_light.png");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(reference, &png).unwrap();
        return;
    }
    let want = Pixmap::load_png(reference).unwrap();
    let got = Pixmap::decode_png(&png).unwrap();
    assert_eq!((got.width(), got.height()), (want.width(), want.height()));
    let different = got
        .pixels()
        .iter()
        .zip(want.pixels())
        .filter(|(a, b)| {
            a.red().abs_diff(b.red()) > CHANNEL_TOLERANCE
                || a.green().abs_diff(b.green()) > CHANNEL_TOLERANCE
                || a.blue().abs_diff(b.blue()) > CHANNEL_TOLERANCE
                || a.alpha().abs_diff(b.alpha()) > CHANNEL_TOLERANCE
        })
        .count();
    let share = different as f64 / got.pixels().len() as f64;
    if share > DIFFERENT_SHARE {
        let _ = std::fs::write("target/export_small_light.new.png", &png);
    }
    assert!(
        share <= DIFFERENT_SHARE,
        "{different} pixels differ (new image in target/export_small_light.new.png)"
    );
}

#[test]
fn journeymap_export_writes_every_sample_as_svg_and_png_with_no_display() {
    let dir = tempfile::tempdir().unwrap();
    let mut count = 0;
    for entry in std::fs::read_dir("samples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        // Print resolution and the dark theme once: big pictures take seconds to encode.
        let png_args = if path.ends_with("may-ep-trai-cay.ron") {
            vec!["--dpi", "300", "--theme", "dark"]
        } else {
            vec!["--scale", "1"]
        };
        for (ext, extra) in [("svg", vec![]), ("png", png_args)] {
            let out = dir.path().join(format!("{name}.{ext}"));
            let mut args = vec![
                "export",
                path.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ];
            args.extend(extra);
            let run = journeymap_without_display(&args);
            assert!(
                run.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&run.stderr)
            );
            let bytes = std::fs::read(&out).unwrap();
            match ext {
                "svg" => assert!(String::from_utf8(bytes).unwrap().starts_with("<svg")),
                _ => assert!(bytes.starts_with(b"\x89PNG")),
            }
        }
        count += 1;
    }
    assert!(count >= 5);
}

#[test]
fn journeymap_export_to_an_unknown_format_fails_and_says_which_formats_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.gif");
    let run =
        journeymap_without_display(&["export", VIETNAMESE_SAMPLE, "-o", out.to_str().unwrap()]);
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains(".svg") && err.contains(".png"), "{err}");
    assert!(!out.exists());
}

/// The export measures text with rustybuzz, the canvas with egui: over every card of the
/// samples, nearly all come out exactly as tall (a sub-point difference in a line's width can
/// still move one word).
#[test]
fn card_heights_measured_without_egui_match_the_canvas_for_the_samples() {
    use journeymap::layout::{LayoutMetrics, TextMeasure};
    let ctx = egui::Context::default();
    journeymap::ui::kit::fonts::install(&ctx);
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let canvas = journeymap::ui::EguiMeasure(&ctx);
    let export = journeymap::export::measure::Fonts::load().unwrap();
    let m = LayoutMetrics::default();
    let (mut same, mut total) = (0, 0);
    for name in [
        "may-ep-trai-cay",
        "ao-so-mi-ban-le",
        "zalo-mini-app-loyalty",
        "b2b-crm",
        "ecommerce-sneakers",
    ] {
        for card in sample(&format!("samples/{name}.ron")).cards {
            let want = canvas.wrapped_height(&card.text, m.card_font_size, m.card_text_width());
            let got = export.wrapped_height(&card.text, m.card_font_size, m.card_text_width());
            total += 1;
            if (want - got).abs() < 0.5 {
                same += 1;
            } else {
                eprintln!("{name}: {:?}: canvas {want}, export {got}", card.text);
            }
        }
    }
    assert!(total > 100);
    assert!(
        same * 100 >= total * 99,
        "{same} of {total} cards as tall as on the canvas"
    );
}

#[test]
fn each_emoji_picture_is_defined_once_and_drawn_as_paths_not_as_embedded_images() {
    let map = sample("samples/zalo-mini-app-loyalty.ron");
    let svg = to_svg(&map, &light()).unwrap();
    // An embedded SVG image costs resvg a layer of the whole canvas each: a 1,000-card map
    // took half a minute to render that way.
    assert!(!svg.contains("<image"), "no embedded pictures");
    let symbols: Vec<&str> = svg
        .match_indices(r#"<symbol id="emoji-"#)
        .map(|(i, m)| {
            let rest = &svg[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    let mut distinct = symbols.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(
        symbols.len(),
        distinct.len(),
        "each picture once: {symbols:?}"
    );
    let pointed = map
        .curves
        .iter()
        .flat_map(|c| &c.points)
        .filter(|p| {
            p.emoji
                .as_deref()
                .is_some_and(|e| journeymap::art::emoji_art(e).is_some())
        })
        .count();
    let uses = svg.matches(r##"<use href="#emoji-"##).count();
    assert!(
        pointed > 0 && uses >= pointed,
        "{uses} uses for {pointed} points"
    );
    for name in &distinct {
        assert!(svg.contains(&format!(r##"<use href="#emoji-{name}""##)));
    }
}

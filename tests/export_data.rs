//! The picture exports of a map with imported customer data show what the canvas shows: badges
//! with the change since the previous import, flag rows, sparklines, heat, the measured curve
//! with its divergent steps banded, and the legends, in the map's language. A map without data
//! draws exactly as before.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use journeymap::art::palette::Palette;
use journeymap::export::png::{Resolution, to_png};
use journeymap::export::svg::{self, SvgOptions, Theme, to_svg};
use journeymap::layout::data::DataOptions;
use journeymap::model::{JourneyMap, MetricKind};
use resvg::tiny_skia::Pixmap;
use resvg::usvg::roxmltree;

fn with_data(data: DataOptions) -> SvgOptions {
    SvgOptions {
        data,
        ..SvgOptions::default()
    }
}

/// The text of every `<text>` element of `svg`, its pieces (`<tspan>`s) joined.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(roxmltree::Node::is_text)
                .filter_map(|t| t.text())
                .collect()
        })
        .collect()
}

/// How many elements of `svg` have `class`.
fn count_class(svg: &str, class: &str) -> usize {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.attribute("class") == Some(class))
        .count()
}

fn english(mut map: JourneyMap) -> JourneyMap {
    map.language = "en".to_owned();
    map
}

#[test]
fn badges_of_a_vietnamese_map_use_its_short_names_and_decimal_commas() {
    let svg = to_svg(&common::zalo_with_data(), &SvgOptions::default()).unwrap();
    let texts = texts(&svg);
    // The "Quảng cáo Zalo" card: 87 customers, 27 more than in the previous import; conversion
    // 44.8 %, up 1.5 points; CSAT 4.0, down 0.1 (the values the canvas shows).
    for badge in ["KH 87 ▲27", "CĐ 44,8 % ▲1,5", "CSAT 4,0 ▼0,1", "NPS 0 =0"] {
        assert!(texts.iter().any(|t| t == badge), "no badge {badge:?}");
    }
    assert!(!texts.iter().any(|t| t.starts_with("Conv. ")));
}

#[test]
fn badges_of_an_english_map_are_in_english() {
    let svg = to_svg(&english(common::zalo_with_data()), &SvgOptions::default()).unwrap();
    let texts = texts(&svg);
    for badge in ["Cust. 87 ▲27", "CSAT 4.0 ▼0.1"] {
        assert!(texts.iter().any(|t| t == badge), "no badge {badge:?}");
    }
    // The longer English name leaves no room for the change: cut with an ellipsis, as the
    // canvas cuts it.
    assert!(texts.iter().any(|t| t == "Conv. 44.8 %…"));
}

#[test]
fn weak_touchpoints_carry_their_flag_and_its_reason() {
    let svg = to_svg(&common::zalo_with_data(), &SvgOptions::default()).unwrap();
    let flags: Vec<String> = texts(&svg)
        .into_iter()
        .filter(|t| t.starts_with('⚑'))
        .collect();
    // The QR standee and the sign-up form convert below the map's overall 39.9 %.
    assert!(
        flags.iter().filter(|t| *t == "⚑ CĐ dưới 39,9 %").count() >= 2,
        "{flags:?}"
    );
    let svg = to_svg(&english(common::zalo_with_data()), &SvgOptions::default()).unwrap();
    assert!(texts(&svg).iter().any(|t| t == "⚑ Conv. below 39.9 %"));
}

#[test]
fn touchpoints_with_months_of_data_draw_a_sparkline() {
    let map = common::zalo_with_data();
    let svg = to_svg(&map, &SvgOptions::default()).unwrap();
    let lines = count_class(&svg, "sparkline");
    // One per touchpoint card with a trend of two months or more: the Zalo sample's data has
    // six months for every touchpoint it names.
    assert!(lines >= 10, "{lines} sparklines");
    let off = DataOptions {
        badges: false,
        ..DataOptions::default()
    };
    let svg = to_svg(&map, &with_data(off)).unwrap();
    assert_eq!(count_class(&svg, "sparkline"), 0);
    assert!(!texts(&svg).iter().any(|t| t.starts_with("KH ")));
}

#[test]
fn the_measured_curve_is_drawn_and_a_wrong_assumption_is_banded() {
    let right = to_svg(&common::zalo_with_data(), &SvgOptions::default()).unwrap();
    let wrong = to_svg(
        &common::zalo_with_a_wrong_assumption(),
        &SvgOptions::default(),
    )
    .unwrap();
    for svg in [&right, &wrong] {
        assert_eq!(count_class(svg, "measured"), 1, "one emotion lane");
        assert!(texts(svg).iter().any(|t| t == "đo được (CSAT)"));
    }
    // Setting the assumed score at "Quét QR trên POSM" to −1.5 parts it from the measured one
    // there: one more divergent step, banded.
    assert_eq!(
        count_class(&wrong, "divergence"),
        count_class(&right, "divergence") + 1
    );
    let doc = roxmltree::Document::parse(&wrong).unwrap();
    let path = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("measured"))
        .unwrap();
    assert!(path.attribute("points").unwrap().split(' ').count() > 20);
    assert_eq!(path.attribute("stroke-dasharray"), Some("7 5"));
    let off = DataOptions {
        measured: false,
        ..DataOptions::default()
    };
    let svg = to_svg(&common::zalo_with_data(), &with_data(off)).unwrap();
    assert_eq!(count_class(&svg, "measured"), 0);
    assert!(!texts(&svg).iter().any(|t| t == "đo được (CSAT)"));
}

#[test]
fn heat_tints_cards_and_has_its_legend_in_the_title_band() {
    let map = common::zalo_with_data();
    let heat = DataOptions {
        heat: Some(MetricKind::ConversionRate),
        ..DataOptions::default()
    };
    let svg = to_svg(&map, &with_data(heat)).unwrap();
    let texts = texts(&svg);
    for word in ["Màu nhiệt: Chuyển đổi", "kém nhất", "tốt nhất"] {
        assert!(texts.iter().any(|t| t == word), "no {word:?}");
    }
    // The best card's green and the worst card's red of the light theme tint cards.
    let palette = Palette::light();
    for heat in [0.0, 1.0] {
        let [r, g, b, _] = palette.heat_fill(heat);
        let colour = format!("fill=\"#{r:02x}{g:02x}{b:02x}\"");
        assert!(svg.matches(&colour).count() >= 2, "{colour}");
    }
    let plain = to_svg(&map, &SvgOptions::default()).unwrap();
    assert!(!self::texts(&plain).iter().any(|t| t == "kém nhất"));
}

#[test]
fn a_map_without_data_draws_the_same_with_or_without_data_options() {
    let map = journeymap::file::load(Path::new("samples/may-ep-trai-cay.ron"))
        .unwrap()
        .map;
    let every = DataOptions {
        heat: Some(MetricKind::Csat),
        ..DataOptions::default()
    };
    let none = to_svg(&map, &with_data(DataOptions::none())).unwrap();
    assert_eq!(to_svg(&map, &SvgOptions::default()).unwrap(), none);
    assert_eq!(to_svg(&map, &with_data(every)).unwrap(), none);
}

#[test]
fn with_the_overlays_off_a_map_with_data_draws_as_without_its_data() {
    let sample = journeymap::file::load(Path::new("samples/zalo-mini-app-loyalty.ron"))
        .unwrap()
        .map;
    let with_data_off = to_svg(&common::zalo_with_data(), &with_data(DataOptions::none())).unwrap();
    assert_eq!(
        with_data_off,
        to_svg(&sample, &SvgOptions::default()).unwrap()
    );
}

#[test]
fn the_png_of_a_map_with_data_renders_its_flags_in_both_themes() {
    let map = common::zalo_with_data();
    let (w, h) = svg::size(&map).unwrap();
    let (_, plain_h) = {
        let svg = to_svg(&map, &with_data(DataOptions::none())).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        let w: f32 = root.attribute("width").unwrap().parse().unwrap();
        let h: f32 = root.attribute("height").unwrap().parse().unwrap();
        (w, h)
    };
    assert!(
        h > plain_h,
        "cards grow to hold their badges: {h} vs {plain_h}"
    );
    for (theme, palette) in [
        (Theme::Light, Palette::light()),
        (Theme::Dark, Palette::dark()),
    ] {
        let options = SvgOptions {
            theme,
            ..SvgOptions::default()
        };
        let png = to_png(&map, &options, Resolution::Scale(1.0)).unwrap();
        let pixmap = Pixmap::decode_png(&png).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (w as u32, h as u32));
        // The flag rows' warm background, as the canvas paints it.
        let [r, g, b, _] = palette.flag_bg();
        let flag_pixels = pixmap
            .pixels()
            .iter()
            .filter(|p| (p.red(), p.green(), p.blue()) == (r, g, b))
            .count();
        assert!(flag_pixels > 1000, "{theme:?}: {flag_pixels} flag pixels");
    }
}

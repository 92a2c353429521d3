//! Decks: the slides of a map (a title slide and one per stage, with the stage's pain points
//! and opportunities as notes), a stage in focus in the SVG export and its clip, each slide as a
//! 16:9 SVG, the `.pptx` file (a zip whose every part parses and is named in its content
//! types), and `journeymap export … -o deck.pptx` run as a user would.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::io::Read as _;
use std::process::Command;

use journeymap::export::deck::{Slide, SlidePoint, SlidePoints, slides};
use journeymap::export::measure::Fonts;
use journeymap::export::pptx::{png_size, to_pptx};
use journeymap::export::slide::{
    SIDE_INDENT, SIDE_TEXT, SLIDE_HEIGHT, SLIDE_WIDTH, slide_svg, stage_layout, stage_options,
};
use journeymap::export::svg::{SvgOptions, stage_clip, to_svg};
use journeymap::layout::{self, LayoutMetrics};
use journeymap::model::JourneyMap;
use resvg::usvg::roxmltree;

fn load(path: &str) -> JourneyMap {
    journeymap::file::load(&common::repo().join(path))
        .unwrap()
        .map
}

/// The parts of a zip by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        parts.insert(file.name().unwrap().to_string(), data);
    }
    parts
}

/// Every `<a:t>` text of an XML part, in order.
fn texts(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == "t")
        .map(|n| n.text().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn a_deck_is_a_title_slide_then_one_slide_per_stage_with_its_pains_and_opportunities() {
    let map = load("samples/zalo-mini-app-loyalty.ron");
    let deck = slides(&map);
    assert_eq!(deck.len(), map.stages.len() + 1);
    assert_eq!(deck[0].title, map.title);
    assert_eq!(deck[0].stage, None);
    assert!(deck[0].lines[0].contains(&map.persona.name));
    assert!(deck[0].lines.iter().any(|l| l.contains(&map.goals[0])));
    for (i, (slide, stage)) in deck[1..].iter().zip(&map.stages).enumerate() {
        assert_eq!(slide.title, stage.name);
        assert_eq!(slide.stage, Some(i));
        let steps: Vec<_> = stage.steps.iter().map(|s| &s.id).collect();
        for card in map.cards.iter().filter(|c| steps.contains(&&c.step)) {
            if card.pain.is_some() || card.opportunity.is_some() {
                let text = card.text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    slide.notes.iter().any(|n| n.contains(&text)),
                    "stage {}: {text} not in {:?}",
                    stage.name,
                    slide.notes
                );
            }
        }
        // Another stage's pain points are not in these notes.
        for card in map.cards.iter().filter(|c| !steps.contains(&&c.step)) {
            if card.pain.is_some() && card.text.len() > 20 {
                assert!(!slide.notes.iter().any(|n| n.contains(&card.text)));
            }
        }
    }
    // The words are the map's (Vietnamese) and the pain carries severity, votes and status.
    let with_pains = deck.iter().find(|s| s.notes[0] == "Điểm đau:").unwrap();
    assert!(with_pains.notes[1].contains("mức độ"));
    assert!(with_pains.notes[1].contains("phiếu"));
    assert!(deck.iter().any(|s| s.notes.iter().any(|n| n == "Cơ hội:")));
}

#[test]
fn an_english_map_speaks_english_in_its_notes() {
    let map = load("samples/ecommerce-sneakers.ron");
    let deck = slides(&map);
    assert!(
        deck.iter()
            .any(|s| s.notes.first().is_some_and(|n| n == "Pain points:"))
    );
    assert!(
        deck.iter()
            .any(|s| s.notes.iter().any(|n| n == "Opportunities:"))
    );
}

#[test]
fn a_stage_clip_holds_the_stage_header_whole_and_the_focus_dims_the_others() {
    let map = load("samples/zalo-mini-app-loyalty.ron");
    let fonts = Fonts::load().unwrap();
    let layout = layout::compute(&map, &LayoutMetrics::default(), &fonts);
    let label = layout.lanes[0].label.width();
    for stage in &layout.stages {
        let clip = stage_clip(&layout, stage.index).unwrap();
        assert!(
            clip.contains_rect(stage.header),
            "{clip:?} {:?}",
            stage.header
        );
        // All the lanes, down to the bottom, and room for the lane labels on its left.
        assert_eq!(clip.max.y, layout.size.y);
        assert!(stage.header.min.x - clip.min.x >= label);
        for other in layout.stages.iter().filter(|s| s.index != stage.index) {
            // A glimpse of each neighbour; on the left, under the lane labels drawn again.
            let overlap = clip.intersect(other.header).width().max(0.0);
            let hidden = if other.index < stage.index {
                label
            } else {
                0.0
            };
            assert!(overlap <= hidden + 36.5, "too much of the neighbour shows");
        }
    }
    assert_eq!(stage_clip(&layout, 99), None);
    let options = stage_options(&map, 1, &SvgOptions::default()).unwrap();
    let svg = to_svg(&map, &options).unwrap();
    // The veil over the other stages and the outline, and the lane labels moved to the clip.
    let clip = options.clip.unwrap();
    assert!(svg.contains(r#"fill="none""#));
    assert!(svg.contains(&format!(
        r#"<g transform="translate({:.2} 0)">"#,
        clip.min.x
    )));
    let plain = to_svg(
        &map,
        &SvgOptions {
            clip: options.clip,
            ..SvgOptions::default()
        },
    )
    .unwrap();
    assert!(!plain.contains(&format!(
        r#"<g transform="translate({:.2} 0)">"#,
        clip.min.x
    )));
    assert!(svg.len() > plain.len());
}

#[test]
fn each_slide_is_a_16_by_9_svg_with_its_title_as_text() {
    let map = load("samples/zalo-mini-app-loyalty.ron");
    for slide in slides(&map) {
        let svg = slide_svg(&map, &slide, &SvgOptions::default()).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert_eq!(
            root.attribute("width"),
            Some(SLIDE_WIDTH.to_string().as_str())
        );
        assert_eq!(
            root.attribute("height"),
            Some(SLIDE_HEIGHT.to_string().as_str())
        );
        let words: String = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "tspan")
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join(" ");
        let first_word = slide.title.split_whitespace().next().unwrap();
        assert!(words.contains(first_word), "{} not in {words}", slide.title);
        // A stage slide holds the map focused on the stage, as a nested picture.
        let nested = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "svg")
            .count();
        assert_eq!(nested, if slide.stage.is_some() { 2 } else { 1 });
        let png = journeymap::export::png::svg_to_png(&svg, 0.5).unwrap();
        assert_eq!(png_size(&png), Some((640, 360)));
    }
}

fn check_pptx(map: &JourneyMap, bytes: &[u8]) {
    let parts = unzip(bytes);
    let deck: Vec<Slide> = slides(map);
    // Every XML part parses; every part but the relationships is named in the content types.
    for (name, data) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = std::str::from_utf8(data).unwrap();
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let types = std::str::from_utf8(&parts["[Content_Types].xml"]).unwrap();
    let types = roxmltree::Document::parse(types).unwrap();
    let overrides: Vec<&str> = types
        .descendants()
        .filter_map(|n| n.attribute("PartName"))
        .collect();
    let defaults: Vec<&str> = types
        .descendants()
        .filter_map(|n| n.attribute("Extension"))
        .collect();
    for name in parts.keys().filter(|n| *n != "[Content_Types].xml") {
        let ext = name.rsplit('.').next().unwrap();
        assert!(
            overrides.contains(&format!("/{name}").as_str()) || defaults.contains(&ext),
            "{name} has no content type"
        );
        if ext == "xml" {
            assert!(overrides.contains(&format!("/{name}").as_str()), "{name}");
        }
    }
    for part in overrides {
        assert!(
            parts.contains_key(&part[1..]),
            "{part} is named but missing"
        );
    }
    // Every relationship points at a part that is there.
    for (name, data) in parts.iter().filter(|(n, _)| n.ends_with(".rels")) {
        let base = name.replace("_rels/", "").replace(".rels", "");
        let dir = base.rsplit_once('/').map_or("", |(d, _)| d);
        let doc = roxmltree::Document::parse(std::str::from_utf8(data).unwrap()).unwrap();
        for target in doc.descendants().filter_map(|n| n.attribute("Target")) {
            let mut path: Vec<&str> = if dir.is_empty() || name == "_rels/.rels" {
                Vec::new()
            } else {
                dir.split('/').collect()
            };
            for piece in target.split('/') {
                if piece == ".." {
                    path.pop();
                } else {
                    path.push(piece);
                }
            }
            let full = path.join("/");
            assert!(parts.contains_key(&full), "{name} points at missing {full}");
        }
    }
    let slide_parts = parts
        .keys()
        .filter(|n| n.starts_with("ppt/slides/slide"))
        .count();
    assert_eq!(slide_parts, deck.len());
    let lang = if map.language == "vi" {
        "vi-VN"
    } else {
        "en-US"
    };
    for (n, slide) in deck.iter().enumerate() {
        let xml = std::str::from_utf8(&parts[&format!("ppt/slides/slide{}.xml", n + 1)]).unwrap();
        let words = texts(xml);
        assert_eq!(
            words[0], slide.title,
            "the title is the first text, editable"
        );
        assert!(xml.contains(&format!(r#"lang="{lang}""#)));
        let notes =
            std::str::from_utf8(&parts[&format!("ppt/notesSlides/notesSlide{}.xml", n + 1)])
                .unwrap();
        assert_eq!(texts(notes), slide.notes);
        if slide.stage.is_some() {
            let png = &parts[&format!("ppt/media/image{}.png", n + 1)];
            let (w, h) = png_size(png).unwrap();
            assert!(w >= 900 || h >= 900, "a sharp picture: {w}×{h}");
            assert!(xml.contains(r#"r:embed="rId3""#));
        } else {
            assert!(words.len() > 1, "the title slide has a subtitle");
        }
    }
}

#[test]
fn the_pptx_is_a_zip_of_parts_that_parse_with_editable_titles_and_notes() {
    let map = load("samples/zalo-mini-app-loyalty.ron");
    let bytes = to_pptx(&map, &SvgOptions::default()).unwrap();
    check_pptx(&map, &bytes);
}

#[test]
fn journeymap_export_writes_a_deck_of_every_sample() {
    let dir = tempfile::tempdir().unwrap();
    for sample in common::samples() {
        let out = dir.path().join("deck.pptx");
        let run = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .arg("export")
            .arg(&sample)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}: {}",
            sample.display(),
            String::from_utf8_lossy(&run.stderr)
        );
        let map = journeymap::file::load(&sample).unwrap().map;
        check_pptx(&map, &std::fs::read(&out).unwrap());
    }
    // --deck is accepted (a .pptx is always a deck).
    let out = dir.path().join("deck2.pptx");
    let run = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["export", "samples/b2b-crm.ron", "--deck", "-o"])
        .arg(&out)
        .current_dir(common::repo())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(out.exists());
}

#[test]
#[ignore = "writes pictures to look at"]
fn look_at_slides() {
    for name in ["zalo-mini-app-loyalty", "ao-so-mi-ban-le"] {
        let map = load(&format!("samples/{name}.ron"));
        let dir = format!("/tmp/deck/{name}");
        std::fs::create_dir_all(&dir).unwrap();
        for (i, s) in slides(&map).iter().enumerate() {
            let svg = slide_svg(&map, s, &SvgOptions::default()).unwrap();
            let png = journeymap::export::png::svg_to_png(&svg, 1.0).unwrap();
            std::fs::write(format!("{dir}/slide{i}.png"), png).unwrap();
        }
        std::fs::write(
            format!("{dir}/deck.pptx"),
            to_pptx(&map, &SvgOptions::default()).unwrap(),
        )
        .unwrap();
    }
}

/// The nested picture of a slide SVG: its x and width.
fn picture_x(doc: &roxmltree::Document) -> (f32, f32) {
    let pic = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "svg")
        .nth(1)
        .unwrap();
    let num = |a: &str| pic.attribute(a).unwrap().parse::<f32>().unwrap();
    (num("x"), num("width"))
}

/// The `(x, text)` of every `<tspan>` with an x of a slide SVG, outside the nested picture.
fn slide_tspans(doc: &roxmltree::Document) -> Vec<(f32, String)> {
    doc.descendants()
        .filter(|n| n.tag_name().name() == "tspan" && n.has_attribute("x"))
        .filter(|n| {
            n.ancestors()
                .filter(|a| a.tag_name().name() == "svg")
                .count()
                == 1
        })
        .map(|n| {
            let text: String = n
                .descendants()
                .filter_map(|d| d.text())
                .collect::<Vec<_>>()
                .concat();
            (n.attribute("x").unwrap().parse().unwrap(), text)
        })
        .collect()
}

/// The first words of `text` (what shows even when the item is cut).
fn opening(text: &str) -> String {
    text.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `(a:off x, a:ext cx)` in EMU of the shape named `name` in a slide's XML, if any.
fn shape_box(xml: &str, name: &str) -> Option<(i64, i64)> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let shape = doc
        .descendants()
        .find(|n| n.tag_name().name() == "cNvPr" && n.attribute("name") == Some(name))?
        .parent()?
        .parent()?;
    let off = shape.descendants().find(|n| n.tag_name().name() == "off")?;
    let ext = shape.descendants().find(|n| n.tag_name().name() == "ext")?;
    Some((
        off.attribute("x")?.parse().ok()?,
        ext.attribute("cx")?.parse().ok()?,
    ))
}

#[test]
fn a_narrow_stage_picture_has_its_pains_and_opportunities_beside_it_in_the_svg_and_the_pptx() {
    let map = load("samples/zalo-mini-app-loyalty.ron");
    let deck = slides(&map);
    let parts = unzip(&to_pptx(&map, &SvgOptions::default()).unwrap());
    let mut checked = 0;
    for (n, slide) in deck
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.points.is_empty())
    {
        let pains = &slide.points[0];
        assert_eq!(pains.heading, "Điểm đau", "the map's words, pains first");
        let first = &pains.items[0];
        // The worst pain comes first.
        let severity = |text: &str| {
            map.cards
                .iter()
                .find(|c| c.text.split_whitespace().collect::<Vec<_>>().join(" ") == text)
                .and_then(|c| c.pain.as_ref())
                .map_or(0, |p| p.severity)
        };
        let worst = pains.items.iter().map(|i| severity(&i.text)).max().unwrap();
        assert_eq!(severity(&first.text), worst);
        assert!(pains.items.iter().all(|i| !i.bullet.is_empty()));
        // The SVG: the heading and the worst pain (cut or whole) right of the picture.
        let svg = slide_svg(&map, slide, &SvgOptions::default()).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let (x, w) = picture_x(&doc);
        assert!(
            x + w / 2.0 < SLIDE_WIDTH / 2.0 - 100.0,
            "the picture moves left: {x}"
        );
        let spans = slide_tspans(&doc);
        let right = |needle: &str| {
            spans
                .iter()
                .any(|(sx, t)| t.contains(needle) && *sx >= x + w + 16.0)
        };
        assert!(right("Điểm đau"), "{spans:?}");
        assert!(right(&opening(&first.text)), "{} in {spans:?}", first.text);
        // Readable: at least 16 pt on the 1280 × 720 slide.
        let size = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "text")
            .filter(|n| n.ancestors().filter(|a| a.has_tag_name("svg")).count() == 1)
            .filter(|n| {
                n.descendants()
                    .any(|d| d.text().is_some_and(|t| t.contains(&opening(&first.text))))
            })
            .filter_map(|n| n.attribute("font-size")?.parse::<f32>().ok())
            .fold(f32::MAX, f32::min);
        assert!((16.0..100.0).contains(&size), "{size}");
        if !first.meta.is_empty() {
            assert!(right(&first.meta), "the votes show: {}", first.meta);
        }
        // The side column is at least a third of the slide and inside it.
        assert!(SLIDE_WIDTH - (x + w) >= 0.35 * SLIDE_WIDTH);
        // The pptx: an editable text box right of the picture, with the same words.
        let xml = std::str::from_utf8(&parts[&format!("ppt/slides/slide{}.xml", n + 1)]).unwrap();
        let (pic_x, pic_w) = shape_box(xml, "Picture 3").unwrap();
        let (box_x, box_w) = shape_box(xml, "Points 4").unwrap();
        assert!(box_x >= pic_x + pic_w, "{box_x} right of {pic_x}+{pic_w}");
        assert!(box_x + box_w <= 12_192_000);
        let words = texts(xml);
        assert!(words.iter().any(|t| t == "Điểm đau"));
        assert!(
            words.iter().any(|t| t.contains(&opening(&first.text))),
            "{words:?}"
        );
        assert!(xml.contains(r#"<a:buChar char=""#), "real bullets");
        checked += 1;
    }
    assert!(
        checked >= 3,
        "the Zalo sample's stages have pains: {checked}"
    );
}

#[test]
fn a_stage_without_pains_or_opportunities_keeps_its_picture_centred_without_a_side_box() {
    let mut map = load("samples/zalo-mini-app-loyalty.ron");
    let lanes: Vec<_> = map
        .lanes
        .iter()
        .filter(|l| {
            matches!(
                l.kind,
                journeymap::model::LaneKind::PainPoints
                    | journeymap::model::LaneKind::Opportunities
            )
        })
        .map(|l| l.id.clone())
        .collect();
    map.cards.retain(|c| !lanes.contains(&c.lane));
    for card in &mut map.cards {
        card.pain = None;
        card.opportunity = None;
    }
    let deck = slides(&map);
    let slide = &deck[1];
    assert!(slide.points.is_empty());
    let svg = slide_svg(&map, slide, &SvgOptions::default()).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let (x, w) = picture_x(&doc);
    assert!(
        (x + w / 2.0 - SLIDE_WIDTH / 2.0).abs() < 1.0,
        "centred: {x} {w}"
    );
    // Only the title, the counter and the steps are drawn outside the picture.
    let spans = slide_tspans(&doc);
    assert_eq!(spans.len(), 3, "{spans:?}");
    assert!(!spans.iter().any(|(_, t)| t == "Điểm đau" || t == "Cơ hội"));
    let parts = unzip(&to_pptx(&map, &SvgOptions::default()).unwrap());
    let xml = std::str::from_utf8(&parts["ppt/slides/slide2.xml"]).unwrap();
    assert_eq!(shape_box(xml, "Points 4"), None);
    let (pic_x, pic_w) = shape_box(xml, "Picture 3").unwrap();
    assert!((pic_x + pic_w / 2 - 12_192_000 / 2).abs() < 20_000);
}

#[test]
fn too_many_points_are_cut_with_how_many_more_and_fit_the_column() {
    let fonts = Fonts::load().unwrap();
    let item = |i: usize| SlidePoint {
        bullet: "◕".into(),
        text: format!(
            "Điểm đau số {i}: khách hàng phải nhập lại số điện thoại mỗi lần mở ứng dụng và chờ mã OTP rất lâu, rồi lại phải đăng nhập Zalo thêm một lần nữa"
        ),
        meta: format!("· {i} phiếu"),
    };
    let slide = Slide {
        title: "Giai đoạn".into(),
        lines: Vec::new(),
        stage: Some(0),
        notes: Vec::new(),
        points: vec![
            SlidePoints {
                heading: "Điểm đau".into(),
                items: (0..20).map(item).collect(),
                more: "nữa".into(),
            },
            SlidePoints {
                heading: "Cơ hội".into(),
                items: (0..3).map(item).collect(),
                more: "nữa".into(),
            },
        ],
    };
    let layout = stage_layout(&fonts, &slide, (400.0, 1000.0));
    let side = layout.side.unwrap();
    let (x, y, w, h) = side.at;
    assert!(x >= layout.picture.0 + layout.picture.2);
    assert!(x + w <= SLIDE_WIDTH && y + h <= SLIDE_HEIGHT);
    let pains = &side.groups[0];
    let shown = pains.items.len();
    assert!((3..20).contains(&shown), "{shown}");
    assert_eq!(pains.more, Some(format!("+{} nữa", 20 - shown)));
    // Both lists show something; each item two rows at most, cut with "…", its votes kept.
    assert!(!side.groups[1].items.is_empty());
    for item in &pains.items {
        assert_eq!(item.rows.len(), 2);
        assert!(item.rows[1].ends_with('…'), "{:?}", item.rows);
        assert!(fonts.width(&item.rows[0], SIDE_TEXT, false) <= w - SIDE_INDENT);
        let last = format!("{} {}", item.rows[1], item.meta);
        assert!(fonts.width(&last, SIDE_TEXT, false) <= w - SIDE_INDENT + 0.5);
    }
    // A wide picture leaves no column: no side, the picture centred as before.
    let wide = stage_layout(&fonts, &slide, (2000.0, 800.0));
    assert_eq!(wide.side, None);
}

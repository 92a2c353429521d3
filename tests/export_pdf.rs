//! The PDF export: the map's SVG as vector PDF on an A4 or A3 landscape page or one long page,
//! text kept as text (extracted here with poppler's `pdftotext`) in the bundled fonts, embedded
//! as subsets; several SVG documents as one PDF of as many pages (for decks); and
//! `journeymap export -o OUT.pdf` with no display.
//!
//! The page tree, page sizes and fonts are read from the PDF's own bytes (svg2pdf compresses
//! only the streams). Text extraction and rendering need poppler-utils: a machine without it
//! skips those checks and says so, but CI (`CI=true`, which installs it) fails.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::journeymap_without_display;
use journeymap::art::palette::{Palette, unmultiplied};
use journeymap::export::pdf::{
    A3_LONG, A3_SHORT, A4_LONG, A4_SHORT, Fit, MARGIN, PdfOptions, PdfPage, PdfSheet, svgs_to_pdf,
    to_pdf,
};
use journeymap::export::svg::{self, SvgOptions, Theme, to_svg};
use journeymap::model::JourneyMap;
use unicode_normalization::UnicodeNormalization as _;

/// The sample whose first stage is "Nhận thức".
const NHAN_THUC_SAMPLE: &str = "samples/ao-so-mi-ban-le.ron";
const JUICER_SAMPLE: &str = "samples/may-ep-trai-cay.ron";

fn sample(path: &str) -> JourneyMap {
    journeymap::file::load(Path::new(path)).unwrap().map
}

fn options(page: PdfPage, theme: Theme) -> PdfOptions {
    PdfOptions {
        page,
        svg: SvgOptions {
            theme,
            ..SvgOptions::default()
        },
    }
}

fn text(pdf: &[u8]) -> String {
    String::from_utf8_lossy(pdf).into_owned()
}

/// The `/Count` of the page tree.
fn page_count(pdf: &[u8]) -> usize {
    let s = text(pdf);
    let tree = s.find("/Type /Pages").expect("a page tree");
    let count = tree + s[tree..].find("/Count ").expect("a page count") + "/Count ".len();
    let end = count + s[count..].find(|c: char| !c.is_ascii_digit()).unwrap();
    s[count..end].parse().unwrap()
}

/// Every page's `/MediaBox` width and height, in order of writing (the pages' order).
fn media_boxes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let s = text(pdf);
    s.match_indices("/MediaBox [")
        .map(|(i, m)| {
            let rest = &s[i + m.len()..];
            let nums: Vec<f32> = rest[..rest.find(']').unwrap()]
                .split_whitespace()
                .map(|n| n.parse().unwrap())
                .collect();
            (nums[2] - nums[0], nums[3] - nums[1])
        })
        .collect()
}

fn close(a: (f32, f32), b: (f32, f32)) -> bool {
    (a.0 - b.0).abs() < 0.01 && (a.1 - b.1).abs() < 0.01
}

/// Runs a poppler tool; `None` (with the reason printed) when it is not installed, outside CI.
fn poppler(tool: &str, args: &[&str]) -> Option<Output> {
    match Command::new(tool).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool} {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(out)
        }
        Err(e) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI must have {tool} (poppler-utils): {e}"
            );
            eprintln!("skipped: {tool} is not installed (apt-get install poppler-utils): {e}");
            None
        }
    }
}

/// The text of `pdf` (pages `first..=last` when given) as `pdftotext` extracts it, NFC.
fn extract(pdf: &[u8], pages: Option<(usize, usize)>) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).unwrap();
    let (f, l) = pages.map_or((String::new(), String::new()), |(f, l)| {
        (f.to_string(), l.to_string())
    });
    let mut args = vec![];
    if pages.is_some() {
        args.extend(["-f", f.as_str(), "-l", l.as_str()]);
    }
    args.extend([path.to_str().unwrap(), "-"]);
    let out = poppler("pdftotext", &args)?;
    Some(String::from_utf8(out.stdout).unwrap().nfc().collect())
}

#[test]
fn a_map_is_one_a4_landscape_page_by_default_with_its_title_and_language() {
    let map = sample(JUICER_SAMPLE);
    let pdf = to_pdf(&map, &PdfOptions::default()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(page_count(&pdf), 1);
    assert_eq!(media_boxes(&pdf), vec![(A4_LONG, A4_SHORT)]);
    assert!(text(&pdf).contains("/Lang (vi)"));
    let Some(info) = ({
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.pdf");
        std::fs::write(&path, &pdf).unwrap();
        poppler("pdfinfo", &[path.to_str().unwrap()])
    }) else {
        return;
    };
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(
        info.contains("Title:           Hành trình mua máy ép trái cây trực tuyến"),
        "{info}"
    );
}

#[test]
fn a3_is_landscape_and_a_long_page_is_the_maps_own_size() {
    let map = sample(JUICER_SAMPLE);
    let a3 = to_pdf(&map, &options(PdfPage::A3, Theme::Light)).unwrap();
    assert_eq!(media_boxes(&a3), vec![(A3_LONG, A3_SHORT)]);
    let long = to_pdf(&map, &options(PdfPage::Long, Theme::Dark)).unwrap();
    let size = svg::size(&map).unwrap();
    assert!(
        size.0 > A3_LONG,
        "the juicer map is wider than A3: {size:?}"
    );
    let boxes = media_boxes(&long);
    assert_eq!(boxes.len(), 1);
    assert!(close(boxes[0], size), "{boxes:?} against {size:?}");
}

#[test]
fn the_text_is_extractable_with_every_vietnamese_stage_name() {
    let map = sample(NHAN_THUC_SAMPLE);
    assert_eq!(map.stages[0].name, "Nhận thức");
    for page in [PdfPage::A4, PdfPage::Long] {
        let pdf = to_pdf(&map, &options(page, Theme::Light)).unwrap();
        let Some(words) = extract(&pdf, None) else {
            return;
        };
        for stage in &map.stages {
            let name: String = stage.name.nfc().collect();
            assert!(
                words.contains(&name),
                "{page:?}: “{name}” not in the text: {words}"
            );
        }
        assert!(words.contains("Nhận thức"));
        let title: String = map.title.nfc().collect();
        assert!(words.contains(&title), "{words}");
    }
}

#[test]
fn only_the_bundled_fonts_are_embedded_and_as_subsets() {
    let pdf = to_pdf(&sample(JUICER_SAMPLE), &PdfOptions::default()).unwrap();
    let s = text(&pdf);
    assert!(s.contains("/FontFile2 ") || s.contains("/FontFile3 "));
    let names: Vec<&str> = s
        .match_indices("/BaseFont /")
        .map(|(i, m)| {
            let rest = &s[i + m.len()..];
            &rest[..rest.find(|c: char| c.is_whitespace()).unwrap()]
        })
        .collect();
    assert!(!names.is_empty());
    for name in &names {
        let (tag, font) = name.split_once('+').unwrap_or(("", name));
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "not a subset: {name}"
        );
        assert!(font.starts_with("Noto"), "not a bundled font: {name}");
    }
    // The regular and bold text faces are both there (stage names are bold).
    assert!(names.iter().any(|n| n.ends_with("+NotoSans-Regular")));
    assert!(names.iter().any(|n| n.ends_with("+NotoSans-Bold")));
}

#[test]
fn several_svgs_make_one_pdf_of_as_many_pages_each_its_size() {
    let map = sample(NHAN_THUC_SAMPLE);
    let whole = to_svg(&map, &SvgOptions::default()).unwrap();
    let slide = r#"<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><text x="40" y="80" font-size="40">Giai đoạn Nhận thức</text></svg>"#;
    let sheets = [
        PdfSheet {
            svg: slide.to_owned(),
            width: 960.0,
            height: 540.0,
            fit: Fit::Actual,
            background: None,
        },
        PdfSheet {
            svg: whole.clone(),
            width: A4_LONG,
            height: A4_SHORT,
            fit: Fit::Contain { margin: MARGIN },
            background: None,
        },
        PdfSheet {
            svg: whole,
            width: A3_LONG,
            height: A3_SHORT,
            fit: Fit::Contain { margin: 0.0 },
            background: Some([0, 0, 0]),
        },
    ];
    let pdf = svgs_to_pdf(&sheets).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(page_count(&pdf), 3);
    assert_eq!(
        media_boxes(&pdf),
        vec![(960.0, 540.0), (A4_LONG, A4_SHORT), (A3_LONG, A3_SHORT)]
    );
    let Some(first) = extract(&pdf, Some((1, 1))) else {
        return;
    };
    assert_eq!(
        first.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}'),
        "Giai đoạn Nhận thức"
    );
    let third = extract(&pdf, Some((3, 3))).unwrap();
    assert!(
        third.contains("Nhận thức") && !third.contains("Giai đoạn"),
        "{third}"
    );
    let mut bad = sheets[0].clone();
    bad.svg = "<svg".to_owned();
    let err = svgs_to_pdf(&[sheets[0].clone(), bad]).unwrap_err();
    assert!(err.starts_with("page 2:"), "{err}");
}

/// The page rendered by poppler at 72 DPI (one pixel a point).
fn render(pdf: &[u8]) -> Option<resvg::tiny_skia::Pixmap> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).unwrap();
    let prefix = dir.path().join("page");
    poppler(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "72",
            "-singlefile",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    )?;
    Some(resvg::tiny_skia::Pixmap::load_png(dir.path().join("page.png")).unwrap())
}

#[test]
fn a_fitted_dark_map_is_centred_on_a_page_of_its_own_dark_colour() {
    let map = sample(JUICER_SAMPLE);
    let pdf = to_pdf(&map, &options(PdfPage::A4, Theme::Dark)).unwrap();
    let Some(page) = render(&pdf) else {
        return;
    };
    // 841.89 × 595.28 points, rounded up by poppler.
    assert_eq!((page.width(), page.height()), (842, 596));
    let bg = unmultiplied(Palette::dark().canvas_bg).0;
    let at = |x: u32, y: u32| {
        let p = page.pixel(x, y).unwrap();
        [p.red(), p.green(), p.blue()]
    };
    let near = |a: [u8; 3], b: [u8; 3]| a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 2);
    // The corners (margin) are the canvas colour, not white paper.
    for (x, y) in [(2, 2), (839, 2), (2, 592), (839, 592)] {
        assert!(
            near(at(x, y), bg),
            "({x},{y}) is {:?}, not {bg:?}",
            at(x, y)
        );
    }
    // The map is wider than tall: it fills the width less the margins, centred top to bottom,
    // so the band just inside the left margin holds drawn (non-background) pixels.
    let (w, h) = svg::size(&map).unwrap();
    let drawn_h = (A4_LONG - 2.0 * MARGIN) * h / w;
    let top = (A4_SHORT - drawn_h) / 2.0;
    assert!(top > MARGIN, "width-bound: {top}");
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mid_y = (top + drawn_h / 2.0) as u32;
    let inside = (30..200).any(|x| !near(at(x, mid_y), bg));
    assert!(inside, "nothing drawn across the middle of the page");
}

#[test]
fn journeymap_export_writes_every_sample_as_pdf_with_no_display() {
    let dir = tempfile::tempdir().unwrap();
    let mut count = 0;
    for entry in std::fs::read_dir("samples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let map = sample(path.to_str().unwrap());
        for (page, theme, size) in [
            ("a4", "light", (A4_LONG, A4_SHORT)),
            ("a3", "dark", (A3_LONG, A3_SHORT)),
            ("long", "light", svg::size(&map).unwrap()),
        ] {
            let out = dir.path().join(format!("{name}-{page}.pdf"));
            let run = journeymap_without_display(&[
                "export",
                path.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--page",
                page,
                "--theme",
                theme,
            ]);
            assert!(
                run.status.success(),
                "{name} {page}: {}",
                String::from_utf8_lossy(&run.stderr)
            );
            assert_eq!(
                String::from_utf8_lossy(&run.stdout),
                format!("wrote {}\n", out.display())
            );
            let pdf = std::fs::read(&out).unwrap();
            assert!(pdf.starts_with(b"%PDF-"), "{name} {page}");
            assert_eq!(page_count(&pdf), 1);
            let boxes = media_boxes(&pdf);
            assert!(close(boxes[0], size), "{name} {page}: {boxes:?}");
        }
        count += 1;
    }
    assert!(count >= 5);
    let bad = journeymap_without_display(&[
        "export",
        JUICER_SAMPLE,
        "-o",
        dir.path().join("x.pdf").to_str().unwrap(),
        "--page",
        "letter",
    ]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("a4"));
}

#[test]
fn a_pdf_deck_is_the_title_page_and_a_16_9_page_per_stage_each_naming_its_stage() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.pdf");
    let run = journeymap_without_display(&[
        "export",
        NHAN_THUC_SAMPLE,
        "--deck",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pdf = std::fs::read(&out).unwrap();
    let map = sample(NHAN_THUC_SAMPLE);
    assert_eq!(page_count(&pdf), map.stages.len() + 1);
    assert!(
        media_boxes(&pdf).iter().all(|&b| close(b, (960.0, 540.0))),
        "{:?}",
        media_boxes(&pdf)
    );
    let Some(title) = extract(&pdf, Some((1, 1))) else {
        return;
    };
    // The title wraps on the slide: compare with the lines joined.
    let joined = title.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined.contains(&map.title), "{title}");
    for (i, stage) in map.stages.iter().enumerate() {
        let page = extract(&pdf, Some((i + 2, i + 2))).unwrap();
        let first_line = page.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(
            first_line.contains(&stage.name),
            "page {}: {first_line:?}",
            i + 2
        );
    }
    // A deck is a presentation: .png cannot be one.
    let run = journeymap_without_display(&[
        "export",
        NHAN_THUC_SAMPLE,
        "--deck",
        "-o",
        dir.path().join("x.png").to_str().unwrap(),
    ]);
    assert!(!run.status.success());
}

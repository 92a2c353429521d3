//! The deck ([`super::deck`]) as a presentation (`.pptx`, 16:9): Office Open XML written by
//! hand into a zip. The title slide's title and subtitle and every stage slide's title are
//! placeholders holding editable text; a stage slide shows the map focused on the stage
//! ([`super::slide::stage_options`]) as a PNG, fitted under its title, and when the picture is
//! narrow its pain points and opportunities beside it in an editable text box of bulleted
//! paragraphs ([`super::slide::stage_layout`]); the speaker notes are
//! [`super::deck::Slide::notes`].
//!
//! The fixed parts (slide master, the two layouts "Title Slide" and "Title Only", the themes,
//! the notes master) are in `pptx_parts/`, from python-pptx's default template, made 16:9.
//! Text is NFC and escaped ([`super::svg::xml_text`]) and tagged with the map's language.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::deck::{Slide, slides};
use super::measure::Fonts;
use super::png::{MAX_SIDE, svg_to_png};
use super::slide::{
    PICTURE_BOX, SIDE_HEADING, SIDE_INDENT, SIDE_TEXT, SLIDE_HEIGHT, SLIDE_WIDTH, Side, fit,
    stage_layout, stage_options_in,
};
use super::svg::{PictureLayout, SvgOptions, picture_layout, to_svg_in, xml_text};
use crate::model::JourneyMap;
use crate::model::template::Lang;

/// English Metric Units a slide point (a slide is 1280 × 720 points, 12 192 000 × 6 858 000
/// EMU: 13.33 × 7.5 inches).
const EMU: f32 = 9525.0;

/// The namespaces of a presentation part.
const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument";

/// The sharpness of a stage's picture: pixels per slide point (2 on a 1920-pixel projector
/// is 3).
const PIXELS_PER_POINT: f32 = 3.0;

/// Slide points as EMU.
#[expect(
    clippy::cast_possible_truncation,
    reason = "a slide is far below i64's range"
)]
fn emu(points: f32) -> i64 {
    (points * EMU).round() as i64
}

/// The map's deck as the bytes of a `.pptx` file, in the colours of `options`; an error when
/// the bundled fonts do not load or a picture cannot be drawn.
pub fn to_pptx(map: &JourneyMap, options: &SvgOptions) -> Result<Vec<u8>, String> {
    let lang = if Lang::from_code(&map.language) == Some(Lang::Vi) {
        "vi-VN"
    } else {
        "en-US"
    };
    let deck = slides(map);
    let laid = picture_layout(map, &options.data)?;
    let fonts = &laid.fonts;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut overrides: Vec<(String, String)> = Vec::new();
    for (n, slide) in deck.iter().enumerate() {
        let n = n + 1;
        let picture = match slide.stage {
            Some(stage) => Some(stage_png(map, &laid, stage, options)?),
            None => None,
        };
        let image = picture.as_ref().map(|png| {
            let name = format!("ppt/media/image{n}.png");
            (name, png)
        });
        parts.push((
            format!("ppt/slides/slide{n}.xml"),
            slide_xml(
                slide,
                lang,
                image.as_ref().map(|(_, png)| png.as_slice()),
                fonts,
            )
            .into_bytes(),
        ));
        parts.push((
            format!("ppt/slides/_rels/slide{n}.xml.rels"),
            slide_rels(n, slide.stage.is_some()).into_bytes(),
        ));
        parts.push((
            format!("ppt/notesSlides/notesSlide{n}.xml"),
            notes_xml(&slide.notes, lang).into_bytes(),
        ));
        parts.push((
            format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
            rels(&[
                ("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
                ("rId2", "slide", &format!("../slides/slide{n}.xml")),
            ])
            .into_bytes(),
        ));
        overrides.push((
            format!("/ppt/slides/slide{n}.xml"),
            format!("{CT}.presentationml.slide+xml"),
        ));
        overrides.push((
            format!("/ppt/notesSlides/notesSlide{n}.xml"),
            format!("{CT}.presentationml.notesSlide+xml"),
        ));
        if let Some((name, png)) = image {
            parts.push((name, png.clone()));
        }
    }
    let fixed = fixed_parts(map, &deck, lang);
    let mut all = fixed;
    all.extend(parts);
    let types = content_types(&overrides);
    write_zip(&types, &all)
}

/// The map focused on `stage`, as PNG bytes sharp on a projector.
fn stage_png(
    map: &JourneyMap,
    laid: &PictureLayout,
    stage: usize,
    options: &SvgOptions,
) -> Result<Vec<u8>, String> {
    let focused =
        stage_options_in(&laid.layout, stage, options).ok_or("the map has no such stage")?;
    let clip = focused.clip.unwrap_or(emath::Rect::ZERO);
    let (w, h) = (clip.width().max(1.0), clip.height().max(1.0));
    let (_, _, shown, _) = fit(w, h, PICTURE_BOX);
    let scale = (shown / w * PIXELS_PER_POINT)
        .clamp(1.5, 4.0)
        .min(MAX_SIDE / w.max(h) * 0.99);
    svg_to_png(&to_svg_in(map, laid, &focused)?, scale)
}

/// A PNG's width and height, from its header.
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.get(..8)? != b"\x89PNG\r\n\x1a\n" {
        return None;
    }
    let w = u32::from_be_bytes(png.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(png.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

fn write_zip(types: &str, parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let err = |e: &dyn std::fmt::Display| format!("cannot write the presentation: {e}");
    zip.start_file("[Content_Types].xml", deflated)
        .map_err(|e| err(&e))?;
    zip.write_all(types.as_bytes()).map_err(|e| err(&e))?;
    for (name, bytes) in parts {
        let options = if name.ends_with(".png") {
            stored
        } else {
            deflated
        };
        zip.start_file(name.as_str(), options)
            .map_err(|e| err(&e))?;
        zip.write_all(bytes).map_err(|e| err(&e))?;
    }
    Ok(zip.finish().map_err(|e| err(&e))?.into_inner())
}

/// A relationships part: `(id, type, target)` each, the type after `…/relationships/`.
fn rels(items: &[(&str, &str, &str)]) -> String {
    let mut out = format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    );
    for (id, kind, target) in items {
        let kind = if kind.starts_with("http") {
            (*kind).to_owned()
        } else {
            format!("{REL}/{kind}")
        };
        let _ = write!(
            out,
            r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#
        );
    }
    out.push_str("</Relationships>");
    out
}

fn slide_rels(n: usize, picture: bool) -> String {
    let layout = if picture {
        "../slideLayouts/slideLayout2.xml"
    } else {
        "../slideLayouts/slideLayout1.xml"
    };
    let notes = format!("../notesSlides/notesSlide{n}.xml");
    let image = format!("../media/image{n}.png");
    let mut items = vec![
        ("rId1", "slideLayout", layout),
        ("rId2", "notesSlide", notes.as_str()),
    ];
    if picture {
        items.push(("rId3", "image", image.as_str()));
    }
    rels(&items)
}

fn content_types(overrides: &[(String, String)]) -> String {
    let mut out = format!(
        r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>"#
    );
    let fixed = [
        (
            "/ppt/presentation.xml",
            "presentationml.presentation.main+xml",
        ),
        (
            "/ppt/slideMasters/slideMaster1.xml",
            "presentationml.slideMaster+xml",
        ),
        (
            "/ppt/slideLayouts/slideLayout1.xml",
            "presentationml.slideLayout+xml",
        ),
        (
            "/ppt/slideLayouts/slideLayout2.xml",
            "presentationml.slideLayout+xml",
        ),
        (
            "/ppt/notesMasters/notesMaster1.xml",
            "presentationml.notesMaster+xml",
        ),
        ("/ppt/theme/theme1.xml", "theme+xml"),
        ("/ppt/theme/theme2.xml", "theme+xml"),
        ("/ppt/presProps.xml", "presentationml.presProps+xml"),
        ("/ppt/viewProps.xml", "presentationml.viewProps+xml"),
        ("/ppt/tableStyles.xml", "presentationml.tableStyles+xml"),
        ("/docProps/app.xml", "extended-properties+xml"),
    ];
    for (part, kind) in fixed {
        let _ = write!(
            out,
            r#"<Override PartName="{part}" ContentType="{CT}.{kind}"/>"#
        );
    }
    out.push_str(r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#);
    for (part, kind) in overrides {
        let _ = write!(out, r#"<Override PartName="{part}" ContentType="{kind}"/>"#);
    }
    out.push_str("</Types>");
    out
}

/// The parts every deck has: package relationships, document properties, the presentation,
/// its master, layouts, themes and notes master.
fn fixed_parts(map: &JourneyMap, deck: &[Slide], lang: &str) -> Vec<(String, Vec<u8>)> {
    let statics: [(&str, &str); 9] = [
        (
            "ppt/slideMasters/slideMaster1.xml",
            include_str!("pptx_parts/slideMaster1.xml"),
        ),
        (
            "ppt/slideLayouts/slideLayout1.xml",
            include_str!("pptx_parts/slideLayout1.xml"),
        ),
        (
            "ppt/slideLayouts/slideLayout2.xml",
            include_str!("pptx_parts/slideLayout2.xml"),
        ),
        (
            "ppt/theme/theme1.xml",
            include_str!("pptx_parts/theme1.xml"),
        ),
        (
            "ppt/theme/theme2.xml",
            include_str!("pptx_parts/theme2.xml"),
        ),
        (
            "ppt/notesMasters/notesMaster1.xml",
            include_str!("pptx_parts/notesMaster1.xml"),
        ),
        (
            "ppt/presProps.xml",
            include_str!("pptx_parts/presProps.xml"),
        ),
        (
            "ppt/viewProps.xml",
            include_str!("pptx_parts/viewProps.xml"),
        ),
        (
            "ppt/tableStyles.xml",
            include_str!("pptx_parts/tableStyles.xml"),
        ),
    ];
    let mut parts: Vec<(String, Vec<u8>)> = statics
        .iter()
        .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec()))
        .collect();
    let layout_rels = rels(&[("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")]);
    for n in 1..=2 {
        parts.push((
            format!("ppt/slideLayouts/_rels/slideLayout{n}.xml.rels"),
            layout_rels.clone().into_bytes(),
        ));
    }
    parts.push((
        "ppt/slideMasters/_rels/slideMaster1.xml.rels".to_owned(),
        rels(&[
            ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
            ("rId2", "slideLayout", "../slideLayouts/slideLayout2.xml"),
            ("rId3", "theme", "../theme/theme1.xml"),
        ])
        .into_bytes(),
    ));
    parts.push((
        "ppt/notesMasters/_rels/notesMaster1.xml.rels".to_owned(),
        rels(&[("rId1", "theme", "../theme/theme2.xml")]).into_bytes(),
    ));
    parts.push((
        "_rels/.rels".to_owned(),
        rels(&[
            ("rId1", "officeDocument", "ppt/presentation.xml"),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            ("rId3", "extended-properties", "docProps/app.xml"),
        ])
        .into_bytes(),
    ));
    let slide_targets: Vec<(String, String)> = (1..=deck.len())
        .map(|n| (format!("rId{}", n + 6), format!("slides/slide{n}.xml")))
        .collect();
    let mut pres_rels = vec![
        ("rId1", "slideMaster", "slideMasters/slideMaster1.xml"),
        ("rId2", "notesMaster", "notesMasters/notesMaster1.xml"),
        ("rId3", "presProps", "presProps.xml"),
        ("rId4", "viewProps", "viewProps.xml"),
        ("rId5", "theme", "theme/theme1.xml"),
        ("rId6", "tableStyles", "tableStyles.xml"),
    ];
    for (id, target) in &slide_targets {
        pres_rels.push((id.as_str(), "slide", target.as_str()));
    }
    parts.push((
        "ppt/_rels/presentation.xml.rels".to_owned(),
        rels(&pres_rels).into_bytes(),
    ));
    let mut ids = String::new();
    for (n, (id, _)) in slide_targets.iter().enumerate() {
        let _ = write!(ids, r#"<p:sldId id="{}" r:id="{id}"/>"#, 256 + n);
    }
    let presentation = format!(
        r#"{DECL}<p:presentation {NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx="{}" cy="{}"/><p:notesSz cx="6858000" cy="9144000"/>{}</p:presentation>"#,
        emu(SLIDE_WIDTH),
        emu(SLIDE_HEIGHT),
        include_str!("pptx_parts/defaultTextStyle.xml").trim()
    );
    parts.push(("ppt/presentation.xml".to_owned(), presentation.into_bytes()));
    let core = format!(
        r#"{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>journeymap</dc:creator><dc:language>{lang}</dc:language><cp:revision>1</cp:revision></cp:coreProperties>"#,
        xml_text(&map.title)
    );
    parts.push(("docProps/core.xml".to_owned(), core.into_bytes()));
    let app = format!(
        r#"{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>journeymap</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>{n}</Slides><Notes>{n}</Notes><HiddenSlides>0</HiddenSlides></Properties>"#,
        n = deck.len()
    );
    parts.push(("docProps/app.xml".to_owned(), app.into_bytes()));
    parts
}

/// Runs for `text` (its lines joined by line breaks), each `<a:rPr>` with `attrs`.
fn runs(text: &str, lang: &str, attrs: &str, fill: Option<&str>) -> String {
    let mut out = String::new();
    let fill = fill.map_or_else(String::new, |c| {
        format!(r#"<a:solidFill><a:srgbClr val="{c}"/></a:solidFill>"#)
    });
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            let _ = write!(out, r#"<a:br><a:rPr lang="{lang}"{attrs}/></a:br>"#);
        }
        let _ = write!(
            out,
            r#"<a:r><a:rPr lang="{lang}"{attrs} dirty="0">{fill}</a:rPr><a:t>{}</a:t></a:r>"#,
            xml_text(line)
        );
    }
    out
}

/// A paragraph of `text`.
fn paragraph(text: &str, lang: &str, ppr: &str, attrs: &str, fill: Option<&str>) -> String {
    if text.trim().is_empty() {
        return format!(r#"<a:p>{ppr}<a:endParaRPr lang="{lang}"{attrs} dirty="0"/></a:p>"#);
    }
    format!("<a:p>{ppr}{}</a:p>", runs(text, lang, attrs, fill))
}

/// `<a:xfrm>` of a box in slide points.
fn xfrm((x, y, w, h): (f32, f32, f32, f32)) -> String {
    format!(
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#,
        emu(x),
        emu(y),
        emu(w),
        emu(h)
    )
}

/// A placeholder shape holding text: `ph` is its `<p:ph …/>`.
fn placeholder(id: u32, name: &str, ph: &str, at: (f32, f32, f32, f32), body: &str) -> String {
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{}</p:spPr><p:txBody>{body}</p:txBody></p:sp>"#,
        xfrm(at)
    )
}

const GREY: &str = "5B6472";

/// The side column's lists as an editable text box: a paragraph a heading, a bulleted
/// paragraph an item (its severity icon as the bullet), the meta and "+n more" in grey.
fn side_box(side: &Side, lang: &str) -> String {
    let mut body = String::new();
    let hang = emu(SIDE_INDENT);
    #[expect(clippy::cast_possible_truncation, reason = "font sizes are small")]
    let (heading, text) = ((SIDE_HEADING * 100.0) as i32, (SIDE_TEXT * 100.0) as i32);
    for (i, group) in side.groups.iter().enumerate() {
        let before = if i > 0 { 1400 } else { 0 };
        body.push_str(&paragraph(
            &group.heading,
            lang,
            &format!(r#"<a:pPr marL="0" indent="0"><a:spcBef><a:spcPts val="{before}"/></a:spcBef><a:buNone/></a:pPr>"#),
            &format!(r#" sz="{heading}" b="1""#),
            None,
        ));
        for item in &group.items {
            let shown = item
                .rows
                .iter()
                .map(|r| r.trim())
                .filter(|r| !r.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let mut runs_xml = runs(&shown, lang, &format!(r#" sz="{text}""#), None);
            if !item.meta.is_empty() {
                runs_xml.push_str(&runs(
                    &format!(" {}", item.meta),
                    lang,
                    &format!(r#" sz="{text}""#),
                    Some(GREY),
                ));
            }
            let _ = write!(
                body,
                r#"<a:p><a:pPr marL="{hang}" indent="-{hang}"><a:spcBef><a:spcPts val="600"/></a:spcBef><a:buFontTx/><a:buChar char="{}"/></a:pPr>{runs_xml}</a:p>"#,
                xml_text(&item.bullet)
            );
        }
        if let Some(more) = &group.more {
            body.push_str(&paragraph(
                more,
                lang,
                &format!(r#"<a:pPr marL="{hang}" indent="0"><a:spcBef><a:spcPts val="300"/></a:spcBef><a:buNone/></a:pPr>"#),
                &format!(r#" sz="{text}""#),
                Some(GREY),
            ));
        }
    }
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="5" name="Points 4"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0" anchor="t"><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"#,
        xfrm(side.at)
    )
}

fn slide_xml(slide: &Slide, lang: &str, picture: Option<&[u8]>, fonts: &Fonts) -> String {
    let mut tree = String::new();
    let margin = 48.0;
    let width = SLIDE_WIDTH - 2.0 * margin;
    if slide.stage.is_none() {
        let title = paragraph(
            &slide.title,
            lang,
            r#"<a:pPr algn="l"/>"#,
            r#" sz="4000" b="1""#,
            None,
        );
        tree.push_str(&placeholder(
            2,
            "Title 1",
            r#"<p:ph type="ctrTitle"/>"#,
            (margin + 24.0, 150.0, width - 24.0, 180.0),
            &format!(r#"<a:bodyPr anchor="b"><a:normAutofit/></a:bodyPr><a:lstStyle/>{title}"#),
        ));
        let mut body = String::new();
        for (i, line) in slide.lines.iter().enumerate() {
            let (size, fill) = if i == 0 {
                ("2000", None)
            } else {
                ("1500", Some(GREY))
            };
            body.push_str(&paragraph(
                line,
                lang,
                r#"<a:pPr algn="l"><a:spcBef><a:spcPts val="600"/></a:spcBef></a:pPr>"#,
                &format!(r#" sz="{size}""#),
                fill,
            ));
        }
        if body.is_empty() {
            body = paragraph("", lang, "", "", None);
        }
        tree.push_str(&placeholder(
            3,
            "Subtitle 2",
            r#"<p:ph type="subTitle" idx="1"/>"#,
            (margin + 24.0, 350.0, width - 24.0, 330.0),
            &format!(r#"<a:bodyPr anchor="t"><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}"#),
        ));
    } else {
        let title = paragraph(
            &slide.title,
            lang,
            r#"<a:pPr algn="l"/>"#,
            r#" sz="2800" b="1""#,
            None,
        );
        tree.push_str(&placeholder(
            2,
            "Title 1",
            r#"<p:ph type="title"/>"#,
            (margin, 20.0, width, 64.0),
            &format!(r#"<a:bodyPr anchor="b"><a:normAutofit/></a:bodyPr><a:lstStyle/>{title}"#),
        ));
        if let Some(line) = slide.lines.first() {
            let text = paragraph(line, lang, "", r#" sz="1400""#, Some(GREY));
            let _ = write!(
                tree,
                r#"<p:sp><p:nvSpPr><p:cNvPr id="3" name="Steps 2"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>{text}</p:txBody></p:sp>"#,
                xfrm((margin, 84.0, width, 32.0))
            );
        }
        if let Some((w, h)) = picture.and_then(png_size) {
            #[expect(clippy::cast_precision_loss, reason = "picture sizes are small")]
            let layout = stage_layout(fonts, slide, (w as f32, h as f32));
            let _ = write!(
                tree,
                r#"<p:pic><p:nvPicPr><p:cNvPr id="4" name="Picture 3" descr="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId3"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
                xml_text(&slide.title),
                xfrm(layout.picture)
            );
            if let Some(side) = &layout.side {
                tree.push_str(&side_box(side, lang));
            }
        }
    }
    format!(
        r#"{DECL}<p:sld {NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>{tree}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#
    )
}

fn notes_xml(notes: &[String], lang: &str) -> String {
    let mut body = String::new();
    for note in notes {
        body.push_str(&paragraph(note, lang, "", "", None));
    }
    if body.is_empty() {
        body = paragraph("", lang, "", "", None);
    }
    format!(
        r#"{DECL}<p:notes {NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr><p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_escape_and_break_lines() {
        assert_eq!(
            runs("a<b\nNha\u{323}\u{302}n", "vi-VN", "", None),
            r#"<a:r><a:rPr lang="vi-VN" dirty="0"></a:rPr><a:t>a&lt;b</a:t></a:r><a:br><a:rPr lang="vi-VN"/></a:br><a:r><a:rPr lang="vi-VN" dirty="0"></a:rPr><a:t>Nhận</a:t></a:r>"#
        );
    }

    #[test]
    fn a_png_header_gives_its_size() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(640u32.to_be_bytes());
        png.extend(360u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((640, 360)));
        assert_eq!(png_size(b"GIF89a"), None);
    }
}

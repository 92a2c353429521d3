//! Decks: the slides of a map (title slide and one per stage), each as a 16:9 SVG, the focused
//! picture of a stage, and the PowerPoint file.

use journeymap::export::deck::slides;
use journeymap::export::slide::slide_svg;
use journeymap::export::svg::SvgOptions;
use journeymap::model::JourneyMap;

fn sample(path: &str) -> JourneyMap {
    journeymap::file::load(std::path::Path::new(path))
        .unwrap()
        .map
}

#[test]
#[ignore = "writes pictures to look at"]
fn look_at_slides() {
    let map = sample("samples/zalo-mini-app-loyalty.ron");
    for (i, s) in slides(&map).iter().enumerate() {
        let svg = slide_svg(&map, s, &SvgOptions::default()).unwrap();
        let png = journeymap::export::png::svg_to_png(&svg, 1.0).unwrap();
        std::fs::write(format!("/tmp/deck/slide{i}.png"), png).unwrap();
        std::fs::write(format!("/tmp/deck/slide{i}.svg"), svg).unwrap();
    }
}

//! The colour emoji: a Twemoji SVG (CC-BY 4.0, see `assets/emoji/README.md`) for each emoji
//! the app offers or its samples use, compiled into the binary. Only this fixed set is bundled;
//! any other emoji (typed as an avatar, written in a file by hand) has no picture here, and the
//! caller draws it with the emoji font instead.

/// The colour picture of one emoji.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmojiArt {
    /// The emoji's code points in lowercase hexadecimal joined by `-`, as Twemoji names its
    /// files (`1f621` for 😡); also a stable key for caches and exported files.
    pub name: &'static str,
    /// The SVG document (UTF-8), drawn in a square 36 × 36 view box.
    pub svg: &'static [u8],
}

/// The colour picture of `emoji`, or `None` when it has none (the caller then draws the font
/// glyph). Spaces around it and emoji presentation selectors (U+FE0F) are ignored.
pub fn emoji_art(emoji: &str) -> Option<EmojiArt> {
    let trimmed = emoji.trim();
    if trimmed.is_empty() {
        return None;
    }
    ART.iter().find_map(|(text, art)| {
        let mut wanted = trimmed.chars().filter(|c| *c != '\u{fe0f}');
        let mut have = text.chars();
        loop {
            match (wanted.next(), have.next()) {
                (None, None) => return Some(*art),
                (Some(a), Some(b)) if a == b => {}
                _ => return None,
            }
        }
    })
}

/// Every bundled picture (to register them all with an image cache once).
pub fn all_art() -> impl Iterator<Item = EmojiArt> {
    ART.iter().map(|(_, art)| *art)
}

/// One bundled picture: the emoji and its file `assets/emoji/<name>.svg`.
macro_rules! art {
    ($emoji:literal, $name:literal) => {
        (
            $emoji,
            EmojiArt {
                name: $name,
                svg: include_bytes!(concat!("../../assets/emoji/", $name, ".svg")),
            },
        )
    };
}

/// Every bundled picture, by emoji (without U+FE0F).
const ART: &[(&str, EmojiArt)] = &[
    // Feelings offered in the point picker (`model::FEELING_EMOJI`), the five score levels first.
    art!("😡", "1f621"),
    art!("🙁", "1f641"),
    art!("😐", "1f610"),
    art!("🙂", "1f642"),
    art!("😄", "1f604"),
    art!("😍", "1f60d"),
    art!("🤩", "1f929"),
    art!("😌", "1f60c"),
    art!("🤔", "1f914"),
    art!("😕", "1f615"),
    art!("😟", "1f61f"),
    art!("😤", "1f624"),
    art!("😩", "1f629"),
    art!("😢", "1f622"),
    art!("😱", "1f631"),
    art!("😴", "1f634"),
    art!("🥳", "1f973"),
    art!("😮", "1f62e"),
    art!("🤯", "1f92f"),
    art!("💸", "1f4b8"),
    // Persona avatars (`model::AVATAR_EMOJI`) and the placeholder shown when there is none.
    art!("👩", "1f469"),
    art!("👨", "1f468"),
    art!("🧑", "1f9d1"),
    art!("👧", "1f467"),
    art!("👦", "1f466"),
    art!("👵", "1f475"),
    art!("👴", "1f474"),
    art!("🧓", "1f9d3"),
    art!("👶", "1f476"),
    art!("🧒", "1f9d2"),
    art!("👱", "1f471"),
    art!("🧔", "1f9d4"),
    art!("🧕", "1f9d5"),
    art!("👷", "1f477"),
    art!("👤", "1f464"),
    // Chosen in the bundled samples.
    art!("👔", "1f454"),
    art!("👟", "1f45f"),
    art!("💁", "1f481"),
    art!("🎉", "1f389"),
    art!("📸", "1f4f8"),
    art!("😊", "1f60a"),
    art!("😞", "1f61e"),
    art!("😰", "1f630"),
    art!("🤝", "1f91d"),
    art!("🥤", "1f964"),
    art!("🥰", "1f970"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AVATAR_EMOJI, AVATAR_PLACEHOLDER, FEELING_EMOJI, emoji_for_score};

    /// Twemoji's file name for `emoji`: its code points in hexadecimal, joined by `-`.
    fn twemoji_name(emoji: &str) -> String {
        emoji
            .chars()
            .map(|c| format!("{:x}", u32::from(c)))
            .collect::<Vec<_>>()
            .join("-")
    }

    #[test]
    fn every_offered_emoji_has_a_picture() {
        let scores = [-2.0, -1.0, 0.0, 1.0, 2.0].map(emoji_for_score);
        let offered = FEELING_EMOJI
            .iter()
            .chain(&AVATAR_EMOJI)
            .chain(&scores)
            .chain(&[AVATAR_PLACEHOLDER]);
        for emoji in offered {
            let art = emoji_art(emoji).unwrap_or_else(|| panic!("{emoji} has no picture"));
            assert_eq!(art.name, twemoji_name(emoji), "{emoji}");
        }
    }

    #[test]
    fn every_emoji_of_the_samples_has_a_picture() {
        for sample in crate::file::samples::samples() {
            let map = crate::file::samples::load_sample(sample).expect("the sample loads");
            let chosen = map
                .curves
                .iter()
                .flat_map(|c| &c.points)
                .filter_map(|p| p.emoji.as_deref());
            for emoji in chosen.chain([map.persona.avatar.as_str()]) {
                assert!(
                    emoji_art(emoji).is_some(),
                    "{emoji} of {} has no picture",
                    sample.file_name
                );
            }
        }
    }

    #[test]
    fn an_emoji_outside_the_set_has_no_picture() {
        for other in ["🦆", "", "  ", "abc", "😡😡", "🙂x", "👩‍💻"] {
            assert_eq!(emoji_art(other), None, "{other:?}");
        }
    }

    #[test]
    fn spaces_and_the_presentation_selector_are_ignored() {
        let plain = emoji_art("🙂").expect("🙂 is bundled");
        assert_eq!(emoji_art(" 🙂\u{fe0f} "), Some(plain));
        assert_eq!(plain.name, "1f642");
    }

    #[test]
    fn the_table_and_the_folder_hold_the_same_pictures() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/emoji");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("assets/emoji exists")
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".svg").map(str::to_owned)
            })
            .collect();
        files.sort();
        let mut names: Vec<String> = ART.iter().map(|(_, a)| a.name.to_owned()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), ART.len(), "an emoji is listed twice");
        assert_eq!(files, names);
        for (emoji, art) in ART {
            assert_eq!(art.name, twemoji_name(emoji), "{emoji}");
        }
    }

    #[test]
    fn every_picture_is_an_svg_drawn_in_colour() {
        let options = resvg::usvg::Options::default();
        for (emoji, art) in ART {
            let tree = resvg::usvg::Tree::from_data(art.svg, &options)
                .unwrap_or_else(|e| panic!("{emoji}: {e}"));
            assert_eq!(tree.size().width(), 36.0, "{emoji}");
            assert_eq!(tree.size().height(), 36.0, "{emoji}");
            let mut pixmap = resvg::tiny_skia::Pixmap::new(36, 36).expect("a 36 × 36 pixmap");
            resvg::render(
                &tree,
                resvg::tiny_skia::Transform::default(),
                &mut pixmap.as_mut(),
            );
            let pixels = pixmap.pixels();
            let opaque = pixels.iter().filter(|p| p.alpha() > 200).count();
            // Colour, not a grey outline: a share of the pixels are strongly coloured (the
            // camera 📸, mostly grey, has the fewest: about a quarter).
            let coloured = pixels
                .iter()
                .filter(|p| p.alpha() > 200)
                .filter(|p| {
                    let (r, g, b) = (p.red(), p.green(), p.blue());
                    r.max(g).max(b) - r.min(g).min(b) > 60
                })
                .count();
            assert!(opaque > pixels.len() / 5, "{emoji}: {opaque} opaque pixels");
            assert!(
                coloured > opaque / 6,
                "{emoji}: {coloured} of {opaque} coloured"
            );
        }
    }
}

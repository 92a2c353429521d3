//! The map as Mermaid `journey` text, for wikis and READMEs:
//!
//! ```text
//! journey
//!     title Hành trình mua máy ép trái cây trực tuyến
//!     section Nhận biết
//!         Tìm kiếm trên Google: 3: Chị Hương
//! ```
//!
//! A `section` per stage, a task per step (a step without a name is named by its stage), the
//! first visible emotion curve as the scores ([`mermaid_score`]) and the persona as the actor.
//!
//! Mermaid's grammar cannot hold some characters in these places, so they are replaced by
//! look-alikes that read the same ([`clean_name`]): `:` (it ends a task name and separates
//! the score from the actors) becomes `꞉` (U+A789), `;` becomes `；`, `#` (it starts a
//! comment) becomes `＃`, `%%` becomes `% %`, and in actor names `,` (it separates actors)
//! becomes `，`; the title keeps its `:`, which Mermaid allows there. Line breaks and tabs become spaces. Nothing else of the map fits Mermaid's
//! journey: cards other than the step names, pain points and metrics are left out.

use std::fmt::Write as _;

use crate::model::{EmotionCurve, JourneyMap, Step};

/// The Mermaid score (1–5) of an emotion score (−2…+2): `3 + score`, rounded half away from
/// neutral (−1.5 → 1, −0.5 → 2, +0.5 → 4, +1.5 → 5), so a feeling below the axis never reads as
/// neutral or positive in Mermaid. Scores beyond ±2 (and NaN, as 0) are clamped first.
pub fn mermaid_score(score: f32) -> u8 {
    let clamped = crate::model::clamp_score(score);
    // `f32::round` rounds half away from zero, that is, away from neutral.
    let level = 3.0 + clamped.round();
    // Within 1..=5 by the clamp above; the cast cannot truncate.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a whole number in 1..=5"
    )]
    let level = level as u8;
    level
}

/// The emotion score (−2…+2) of a Mermaid score: `score − 3`, clamped to −2…+2 (the caller
/// reports a score outside 1–5, see [`super::mermaid_in`]).
pub fn emotion_score(mermaid: f64) -> f32 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "scores are small; f32 holds them"
    )]
    let score = (mermaid - 3.0) as f32;
    crate::model::clamp_score(score)
}

/// The score given to a step that has no point on the curve (or a map without a curve):
/// 3, neutral, since Mermaid needs a score on every task.
pub const NEUTRAL_SCORE: u8 = 3;

/// `text` as Mermaid can hold it in a title, a section or a task name: line breaks and tabs as
/// spaces, `:`, `;`, `#` and `%%` replaced by look-alikes (see the module's doc), trimmed.
pub fn clean_name(text: &str) -> String {
    clean(text, true)
}

/// `text` as Mermaid can hold it in the title, which may hold `:`: as [`clean_name`] otherwise.
pub fn clean_title(text: &str) -> String {
    clean(text, false)
}

fn clean(text: &str, colon: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            ':' if colon => out.push('꞉'),
            ';' => out.push('；'),
            '#' => out.push('＃'),
            '%' if out.ends_with('%') => out.push_str(" %"),
            _ => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// An actor's name: as [`clean_name`], with `,` replaced by `，`.
pub fn clean_actor(text: &str) -> String {
    clean_name(text).replace(',', "，")
}

/// The name of a step's task: its own name, or its stage's when it has none.
pub fn task_name(stage: &str, step: &Step) -> String {
    let name = clean_name(&step.name);
    if name.is_empty() {
        clean_name(stage)
    } else {
        name
    }
}

/// The curve the export scores by: the first curve not hidden.
pub fn scored_curve(map: &JourneyMap) -> Option<&EmotionCurve> {
    map.curves.iter().find(|c| !c.hidden)
}

/// The map as Mermaid `journey` text (see the module's doc).
pub fn to_mermaid(map: &JourneyMap) -> String {
    let mut out = String::from("journey\n");
    let title = clean_title(&map.title);
    if !title.is_empty() {
        let _ = writeln!(out, "    title {title}");
    }
    let actor = clean_actor(&map.persona.name);
    let curve = scored_curve(map);
    for (n, stage) in map.stages.iter().enumerate() {
        let mut section = clean_name(&stage.name);
        if section.is_empty() {
            section = format!("Stage {}", n + 1);
        }
        let _ = writeln!(out, "    section {section}");
        for step in &stage.steps {
            let mut task = task_name(&stage.name, step);
            if task.is_empty() {
                task = section.clone();
            }
            let score = curve
                .and_then(|c| c.points.iter().find(|p| p.step == step.id))
                .map_or(NEUTRAL_SCORE, |p| mermaid_score(p.score));
            if actor.is_empty() {
                let _ = writeln!(out, "      {task}: {score}");
            } else {
                let _ = writeln!(out, "      {task}: {score}: {actor}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_map_to_one_to_five_half_points_away_from_neutral() {
        let cases = [
            (-2.0, 1),
            (-1.5, 1),
            (-1.0, 2),
            (-0.5, 2),
            (0.0, 3),
            (0.5, 4),
            (1.0, 4),
            (1.5, 5),
            (2.0, 5),
            (7.0, 5),
            (-9.0, 1),
            (f32::NAN, 3),
        ];
        for (score, level) in cases {
            assert_eq!(mermaid_score(score), level, "{score}");
        }
        for level in 1..=5u8 {
            assert_eq!(mermaid_score(emotion_score(f64::from(level))), level);
        }
        assert!((emotion_score(7.0) - 2.0).abs() < f32::EPSILON);
        assert!((emotion_score(0.0) + 2.0).abs() < f32::EPSILON);
    }

    #[test]
    fn names_lose_what_mermaid_cannot_hold() {
        assert_eq!(
            clean_name(" Thanh toán: bước 2\nxong "),
            "Thanh toán꞉ bước 2 xong"
        );
        assert_eq!(clean_name("a;b#c %% d"), "a；b＃c % % d");
        assert_eq!(clean_actor("Lan, Minh"), "Lan， Minh");
        assert_eq!(
            clean_title("Áo sơ mi: từ quảng cáo;"),
            "Áo sơ mi: từ quảng cáo；"
        );
    }
}

//! The presentation sequence of a map as slides, for a deck (PDF or `.pptx`): a title slide
//! (the map's title, its persona, its business goals), then one slide per stage, in stage
//! order, whose picture is the map focused on that stage ([`super::svg::stage_clip`]) and whose
//! speaker notes hold the stage's pain points and opportunities; the same, short and most
//! important first ([`SlidePoints`]), go beside the picture when there is room.
//!
//! Pure: the words are in the map's language (the Markdown export's), the map's own text as it
//! is; the backends ([`super::pptx`], [`super::slide`]) draw and write.

use super::markdown::Words;
use crate::model::{Card, JourneyMap, LaneKind, severity_icon};

/// One slide of a deck.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slide {
    /// The slide's title: the map's title, or the stage's name.
    pub title: String,
    /// What the slide says under its title. The title slide: the persona (name and segment),
    /// the map's description, its business goals; a stage slide: its steps.
    pub lines: Vec<String>,
    /// The stage shown (an index into `map.stages`); `None` for the title slide.
    pub stage: Option<usize>,
    /// The speaker notes, one paragraph each. A stage: its pain points (severity, votes,
    /// status) and its opportunities (impact, effort, votes); the title slide: the persona's
    /// story and the agenda.
    pub notes: Vec<String>,
    /// What a stage slide lists beside its picture when there is room: its pain points, then
    /// its opportunities, each most important first. Empty for the title slide and for a stage
    /// with neither.
    pub points: Vec<SlidePoints>,
}

/// A list a stage slide shows beside its picture: a heading and its items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlidePoints {
    /// The heading, in the map's language ("Pain points" / "Điểm đau").
    pub heading: String,
    /// The items, most important first (a backend shows as many as fit).
    pub items: Vec<SlidePoint>,
    /// The word after "+n" when items are left out ("more" / "nữa").
    pub more: String,
}

/// One item of a [`SlidePoints`] list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlidePoint {
    /// The bullet: a pain's severity icon, or "•".
    pub bullet: String,
    /// The card's text, on one line.
    pub text: String,
    /// What follows the text, in a weaker colour: a pain's votes, an opportunity's impact and
    /// effort (may be empty).
    pub meta: String,
}

/// The deck of `map`: a title slide, then one slide per stage in stage order.
pub fn slides(map: &JourneyMap) -> Vec<Slide> {
    let mut out = Vec::with_capacity(map.stages.len() + 1);
    out.push(title_slide(map));
    for index in 0..map.stages.len() {
        out.push(stage_slide(map, index));
    }
    out
}

/// The persona as one line: avatar, name and segment (empty when there is no persona).
pub fn persona_line(map: &JourneyMap) -> String {
    let p = &map.persona;
    let mut parts = Vec::new();
    if !p.avatar.trim().is_empty() {
        parts.push(p.avatar.trim().to_owned());
    }
    let name = p.name.trim();
    let segment = p.segment.trim();
    match (name.is_empty(), segment.is_empty()) {
        (false, false) => parts.push(format!("{name} · {segment}")),
        (false, true) => parts.push(name.to_owned()),
        (true, false) => parts.push(segment.to_owned()),
        (true, true) => return String::new(),
    }
    parts.join(" ")
}

fn title_slide(map: &JourneyMap) -> Slide {
    let w = Words::of(map);
    let mut lines = Vec::new();
    let persona = persona_line(map);
    if !persona.is_empty() {
        lines.push(persona);
    }
    if !map.description.trim().is_empty() {
        lines.push(map.description.trim().to_owned());
    }
    let goals: Vec<&String> = map.goals.iter().filter(|g| !g.trim().is_empty()).collect();
    if !goals.is_empty() {
        lines.push(format!(
            "{}:",
            w.say("Business goals", "Mục tiêu kinh doanh")
        ));
        lines.extend(goals.iter().map(|g| format!("• {}", g.trim())));
    }
    let p = &map.persona;
    let mut notes = vec![format!(
        "{}: {}",
        w.say("Map type", "Loại bản đồ"),
        w.map_type(map.map_type)
    )];
    if !p.bio.trim().is_empty() {
        notes.push(p.bio.trim().to_owned());
    }
    if !p.quote.trim().is_empty() {
        notes.push(format!("“{}”", p.quote.trim()));
    }
    for (label, items) in [
        (
            w.say("Persona's goals", "Mục tiêu của khách hàng"),
            &p.goals,
        ),
        (w.say("Needs", "Nhu cầu"), &p.needs),
        (w.say("Frustrations", "Nỗi bực dọc"), &p.frustrations),
    ] {
        let items: Vec<&str> = items
            .iter()
            .map(|i| i.trim())
            .filter(|i| !i.is_empty())
            .collect();
        if !items.is_empty() {
            notes.push(format!("{label}:"));
            notes.extend(items.iter().map(|i| format!("• {i}")));
        }
    }
    if !map.stages.is_empty() {
        notes.push(format!("{}:", w.say("Agenda", "Nội dung")));
        for (n, stage) in map.stages.iter().enumerate() {
            let pains = stage_cards(map, n).filter(|c| c.pain.is_some()).count();
            let pains = if pains == 0 {
                String::new()
            } else {
                format!(" ({pains} {})", w.say("pain points", "điểm đau"))
            };
            notes.push(format!("{}. {}{pains}", n + 1, stage.name.trim()));
        }
    }
    Slide {
        title: map.title.trim().to_owned(),
        lines,
        stage: None,
        notes,
        points: Vec::new(),
    }
}

/// The cards of stage `index`, step by step, lane by lane (the map's reading order).
fn stage_cards(map: &JourneyMap, index: usize) -> impl Iterator<Item = &Card> {
    map.stages.get(index).into_iter().flat_map(move |stage| {
        stage.steps.iter().flat_map(move |step| {
            map.lanes
                .iter()
                .flat_map(move |lane| map.cards_in(&step.id, &lane.id))
        })
    })
}

/// The first line of a card's text (a note is one paragraph).
fn card_text(card: &Card) -> String {
    card.text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn stage_slide(map: &JourneyMap, index: usize) -> Slide {
    let w = Words::of(map);
    let Some(stage) = map.stages.get(index) else {
        return Slide {
            title: String::new(),
            lines: Vec::new(),
            stage: Some(index),
            notes: Vec::new(),
            points: Vec::new(),
        };
    };
    let steps: Vec<&str> = stage
        .steps
        .iter()
        .map(|s| s.name.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let mut lines = Vec::new();
    if !steps.is_empty() {
        lines.push(steps.join(" → "));
    }
    let mut pains = Vec::new();
    let mut opportunities = Vec::new();
    // The slide's lists: (severity, votes, point) and (impact, effort, votes, point).
    let mut pain_points = Vec::new();
    let mut opportunity_points = Vec::new();
    for card in stage_cards(map, index) {
        let lane = map.lanes.iter().find(|l| l.id == card.lane).map(|l| l.kind);
        if let Some(pain) = &card.pain {
            let meta = if pain.votes > 0 {
                format!("· {} {}", pain.votes, w.say("votes", "phiếu"))
            } else {
                String::new()
            };
            pain_points.push((
                pain.severity,
                pain.votes,
                point(severity_icon(pain.severity), card, meta),
            ));
            pains.push(format!(
                "• {} {} — {} {}/5, {} {}, {}",
                severity_icon(pain.severity),
                card_text(card),
                w.say("severity", "mức độ"),
                pain.severity,
                pain.votes,
                w.say("votes", "phiếu"),
                w.status(pain.status)
            ));
        } else if let Some(o) = &card.opportunity {
            let meta = format!(
                "· {} {}/5 · {} {}/5",
                w.say("impact", "tác động"),
                o.impact,
                w.say("effort", "công sức"),
                o.effort
            );
            opportunity_points.push((o.impact, o.effort, o.votes, point("•", card, meta)));
            opportunities.push(format!(
                "• {} — {} {}/5, {} {}/5, {} {}",
                card_text(card),
                w.say("impact", "tác động"),
                o.impact,
                w.say("effort", "công sức"),
                o.effort,
                o.votes,
                w.say("votes", "phiếu")
            ));
        } else if lane == Some(LaneKind::Opportunities) {
            opportunity_points.push((0, u8::MAX, 0, point("•", card, String::new())));
            opportunities.push(format!("• {}", card_text(card)));
        } else if lane == Some(LaneKind::PainPoints) {
            pain_points.push((0, 0, point("•", card, String::new())));
            pains.push(format!("• {}", card_text(card)));
        }
    }
    let mut notes = Vec::new();
    if !pains.is_empty() {
        notes.push(w.say("Pain points:", "Điểm đau:").to_owned());
        notes.extend(pains);
    }
    if !opportunities.is_empty() {
        notes.push(w.say("Opportunities:", "Cơ hội:").to_owned());
        notes.extend(opportunities);
    }
    if notes.is_empty() {
        notes.push(
            w.say(
                "No pain points or opportunities recorded in this stage.",
                "Giai đoạn này chưa ghi nhận điểm đau hay cơ hội nào.",
            )
            .to_owned(),
        );
    }
    // The worst pains first; the opportunities with the most impact for the least effort.
    pain_points.sort_by_key(|p| std::cmp::Reverse((p.0, p.1)));
    opportunity_points.sort_by_key(|o| (std::cmp::Reverse(o.0), o.1, std::cmp::Reverse(o.2)));
    let more = w.say("more", "nữa").to_owned();
    let mut points = Vec::new();
    if !pain_points.is_empty() {
        points.push(SlidePoints {
            heading: w.say("Pain points", "Điểm đau").to_owned(),
            items: pain_points.into_iter().map(|(_, _, p)| p).collect(),
            more: more.clone(),
        });
    }
    if !opportunity_points.is_empty() {
        points.push(SlidePoints {
            heading: w.say("Opportunities", "Cơ hội").to_owned(),
            items: opportunity_points
                .into_iter()
                .map(|(_, _, _, p)| p)
                .collect(),
            more,
        });
    }
    Slide {
        title: stage.name.trim().to_owned(),
        lines,
        stage: Some(index),
        notes,
        points,
    }
}

fn point(bullet: &str, card: &Card, meta: String) -> SlidePoint {
    SlidePoint {
        bullet: bullet.to_owned(),
        text: card_text(card),
        meta,
    }
}

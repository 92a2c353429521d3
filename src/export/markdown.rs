//! The whole map as a readable Markdown document: title, type, persona, business goals, then
//! each stage with its steps and, per step, what each lane holds (touchpoints with their
//! channel, actions, thoughts, the emotion curves' scores and emoji, pain points with severity,
//! votes, status and evidence, opportunities with impact and effort), and last the customer
//! data: the latest imported numbers per touchpoint.
//!
//! Headings are in English, like the pain-point report ([`crate::analysis::report`]); the
//! map's own text is written as it is (NFC), with Markdown's special characters escaped
//! ([`escape`]) so the document renders as it reads. Numbers use a decimal comma in a
//! Vietnamese map.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::analysis::overlay::{card_readings, format_change, format_value, metric_label};
use crate::analysis::report::{
    OpportunityRow, PainRow, opportunity_rows, pain_rows_in_map_order, status_label,
};
use crate::model::{
    Card, JourneyMap, Lane, LaneKind, MapType, MetricKind, emoji_for_score, severity_icon,
    template::Lang,
};

/// `text` as Markdown shows it literally: the characters that would start emphasis, a link,
/// code, HTML, a table cell or an entity are escaped with `\` everywhere (`\ * _ ` [ ] < > | ~
/// & #`), and those that start a block only at the start of a line are escaped there (a list's
/// `-`, `+` or `1.`, a thematic break, a setext `=`). Each line is trimmed, so no indentation
/// turns into a code block; lines are joined by a hard line break (`\` then a new line) indented
/// by `indent` spaces, so a multi-line text stays in its list item.
pub fn escape(text: &str, indent: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text.trim().lines().enumerate() {
        if n > 0 {
            out.push_str("\\\n");
            out.extend(std::iter::repeat_n(' ', indent));
        }
        let line = line.trim();
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        for (i, c) in line.char_indices() {
            let at_start = i == 0;
            let after_number = digits > 0 && i == digits && matches!(c, '.' | ')');
            if matches!(
                c,
                '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#'
            ) || (at_start && matches!(c, '-' | '+' | '='))
                || after_number
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// The English name of a map type.
pub fn map_type_label(map_type: MapType) -> &'static str {
    match map_type {
        MapType::CurrentState => "Current state",
        MapType::FutureState => "Future state",
        MapType::DayInTheLife => "Day in the life",
        MapType::ServiceBlueprint => "Service blueprint",
    }
}

/// An emotion score as written in the document: signed, one decimal only when it has one
/// (`+2`, `-0.5`, `0`).
pub fn score_text(score: f32) -> String {
    if score == 0.0 {
        "0".to_owned()
    } else {
        format!("{score:+}")
    }
}

/// The map as a Markdown document (see the module's doc).
pub fn to_markdown(map: &JourneyMap) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&map.title, 0));
    if !map.description.trim().is_empty() {
        let _ = writeln!(out, "{}\n", escape(&map.description, 0));
    }
    let _ = writeln!(out, "- **Map type:** {}", map_type_label(map.map_type));
    let _ = writeln!(out, "- **Language:** {}", escape(&map.language, 0));
    if let Some(date) = map.review.last_reviewed {
        let _ = writeln!(
            out,
            "- **Last reviewed:** {date} (review every {} months)",
            map.review.cadence_months
        );
    }
    out.push('\n');
    write_persona(&mut out, map);
    if !map.goals.is_empty() {
        out.push_str("## Business goals\n\n");
        write_list(&mut out, &map.goals);
        out.push('\n');
    }
    write_stages(&mut out, map);
    write_metrics(&mut out, map);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn write_list(out: &mut String, items: &[String]) {
    for item in items.iter().filter(|i| !i.trim().is_empty()) {
        let _ = writeln!(out, "- {}", escape(item, 2));
    }
}

fn write_persona(out: &mut String, map: &JourneyMap) {
    let p = &map.persona;
    let empty = p.name.trim().is_empty()
        && p.segment.trim().is_empty()
        && p.bio.trim().is_empty()
        && p.quote.trim().is_empty()
        && p.goals.is_empty()
        && p.needs.is_empty()
        && p.frustrations.is_empty();
    if empty {
        return;
    }
    out.push_str("## Persona\n\n");
    let avatar = if p.avatar.is_empty() {
        String::new()
    } else {
        format!("{} ", p.avatar)
    };
    if !p.name.trim().is_empty() {
        let _ = writeln!(out, "**{avatar}{}**\n", escape(&p.name, 0));
    }
    if !p.segment.trim().is_empty() {
        let _ = writeln!(out, "*Segment:* {}\n", escape(&p.segment, 0));
    }
    if !p.bio.trim().is_empty() {
        let _ = writeln!(out, "{}\n", escape(&p.bio, 0));
    }
    if !p.quote.trim().is_empty() {
        let _ = writeln!(out, "> “{}”\n", escape(&p.quote, 2));
    }
    for (label, items) in [
        ("Goals", &p.goals),
        ("Needs", &p.needs),
        ("Frustrations", &p.frustrations),
    ] {
        if !items.is_empty() {
            let _ = writeln!(out, "**{label}**\n");
            write_list(out, items);
            out.push('\n');
        }
    }
}

/// Lookups shared by every step.
struct Rows {
    pains: HashMap<String, PainRow>,
    opportunities: HashMap<String, OpportunityRow>,
}

fn write_stages(out: &mut String, map: &JourneyMap) {
    let rows = Rows {
        pains: pain_rows_in_map_order(map)
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect(),
        opportunities: opportunity_rows(map)
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect(),
    };
    out.push_str("## Journey\n\n");
    for (n, stage) in map.stages.iter().enumerate() {
        let _ = writeln!(out, "### {}. {}\n", n + 1, escape(&stage.name, 0));
        for (s, step) in stage.steps.iter().enumerate() {
            if !step.name.trim().is_empty() {
                let _ = writeln!(out, "#### {}\n", escape(&step.name, 0));
            } else if stage.steps.len() > 1 {
                let _ = writeln!(out, "#### Step {}\n", s + 1);
            }
            for lane in &map.lanes {
                write_cell(out, map, &rows, lane, &step.id);
            }
        }
    }
}

fn write_cell(
    out: &mut String,
    map: &JourneyMap,
    rows: &Rows,
    lane: &Lane,
    step: &crate::model::Id,
) {
    let mut items = Vec::new();
    if lane.kind == LaneKind::Emotions {
        for curve in map.curves.iter().filter(|c| !c.hidden) {
            if let Some(p) = curve.points.iter().find(|p| &p.step == step) {
                let emoji = p
                    .emoji
                    .as_deref()
                    .unwrap_or_else(|| emoji_for_score(p.score));
                let mut item = format!(
                    "{emoji} {} ({})",
                    score_text(p.score),
                    escape(&curve.name, 2)
                );
                if !p.note.trim().is_empty() {
                    let _ = write!(item, ": {}", escape(&p.note, 2));
                }
                items.push(item);
            }
        }
    } else {
        for card in map.cards_in(step, &lane.id) {
            items.push(card_item(map, rows, card));
        }
    }
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{}**\n", escape(&lane.name, 0));
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
    out.push('\n');
}

fn card_item(map: &JourneyMap, rows: &Rows, card: &Card) -> String {
    let mut item = escape(&card.text, 2);
    let mut facts = Vec::new();
    if let Some(channel) = &card.channel {
        facts.push(format!(
            "{}, {}",
            escape(channel.kind.name(&map.language), 2),
            if channel.online { "online" } else { "offline" }
        ));
    }
    let id = card.id.to_string();
    let pain = rows.pains.get(&id);
    if let Some(p) = pain {
        facts.push(format!(
            "severity {} {}/5, {} votes, {}",
            severity_icon(p.severity),
            p.severity,
            p.votes,
            status_label(p.status)
        ));
        if !p.owner.trim().is_empty() {
            facts.push(format!("owner: {}", escape(&p.owner, 2)));
        }
    }
    let opportunity = rows.opportunities.get(&id);
    if let Some(o) = opportunity {
        facts.push(format!(
            "impact {}/5, effort {}/5, {} votes",
            o.impact, o.effort, o.votes
        ));
    }
    if !facts.is_empty() {
        let _ = write!(item, " — *{}*", facts.join("; "));
    }
    if !card.details.trim().is_empty() {
        let _ = write!(item, "\\\n  {}", escape(&card.details, 2));
    }
    let sub = |item: &mut String, label: &str, list: &[String]| {
        for entry in list {
            let _ = write!(item, "\n  - {label}: {}", escape(entry, 4));
        }
    };
    if let Some(p) = pain {
        sub(&mut item, "Evidence", &p.evidence);
        sub(&mut item, "Addressed by", &p.opportunities);
    }
    if let Some(o) = opportunity {
        sub(&mut item, "Addresses", &o.addresses);
    }
    item
}

/// The latest imported numbers, one table row per touchpoint card that has any.
fn write_metrics(out: &mut String, map: &JourneyMap) {
    let comma = Lang::from_code(&map.language).is_some_and(Lang::decimal_comma);
    let columns = [
        MetricKind::Customers,
        MetricKind::ConversionRate,
        MetricKind::Csat,
        MetricKind::Nps,
    ];
    let mut lines = Vec::new();
    for (stage, step) in map.steps() {
        for lane in map.lanes.iter().filter(|l| l.kind == LaneKind::Touchpoints) {
            for card in map.cards_in(&step.id, &lane.id) {
                let readings = card_readings(map, &card.id);
                if readings.is_empty() {
                    continue;
                }
                let cells: Vec<String> = columns
                    .iter()
                    .map(|m| {
                        readings
                            .iter()
                            .find(|r| r.metric == *m)
                            .map(|r| {
                                let mut cell = format_value(*m, r.value, comma);
                                if let Some(change) = r.change() {
                                    let _ = write!(cell, " ({})", format_change(*m, change, comma));
                                }
                                if r.flagged {
                                    cell.push_str(" ⚠");
                                }
                                cell
                            })
                            .unwrap_or_default()
                    })
                    .collect();
                lines.push(format!(
                    "| {} | {} | {} | {} |",
                    escape(&stage.name, 0),
                    escape(&step.name, 0),
                    escape(card.text.lines().next().unwrap_or(""), 0),
                    cells.join(" | ")
                ));
            }
        }
    }
    if lines.is_empty() {
        return;
    }
    out.push_str("## Metrics\n\n");
    if let Some(source) = map.metrics.snapshots.last().map(|s| &s.source) {
        let _ = writeln!(
            out,
            "Latest import: {} ({})\n",
            escape(&source.imported, 0),
            escape(&source.file_name, 0)
        );
    }
    let headers: Vec<&str> = columns.iter().map(|m| metric_label(*m)).collect();
    let _ = writeln!(
        out,
        "| Stage | Step | Touchpoint | {} |",
        headers.join(" | ")
    );
    let _ = writeln!(out, "|---|---|---|---:|---:|---:|---:|");
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_user_text_literal() {
        assert_eq!(
            escape("*gấp* _x_ [a](b) <br> a|b", 0),
            r"\*gấp\* \_x\_ \[a\](b) \<br\> a\|b"
        );
        assert_eq!(escape("# không phải tiêu đề", 0), r"\# không phải tiêu đề");
        assert_eq!(
            escape("- không phải danh sách", 0),
            r"\- không phải danh sách"
        );
        assert_eq!(escape("2025. Năm", 0), r"2025\. Năm");
        assert_eq!(escape("giá 2.5 triệu - rẻ", 0), "giá 2.5 triệu - rẻ");
        assert_eq!(escape("dòng 1\n   - dòng 2", 2), "dòng 1\\\n  \\- dòng 2");
    }

    #[test]
    fn scores_are_signed() {
        assert_eq!(score_text(0.0), "0");
        assert_eq!(score_text(1.0), "+1");
        assert_eq!(score_text(-1.5), "-1.5");
    }
}

//! The whole map as a readable Markdown document: title, type, persona, business goals, then
//! each stage with its steps and, per step, what each lane holds (touchpoints with their
//! channel, actions, thoughts, the emotion curves' scores and emoji, pain points with severity,
//! votes, status and evidence, opportunities with impact and effort), and last the customer
//! data: the latest imported numbers per touchpoint.
//!
//! Headings and labels are in the map's language (English or Vietnamese, the words the app
//! uses); the map's own text is written as it is (NFC), with Markdown's special characters
//! escaped ([`escape`]) so the document renders as it reads. Numbers use a decimal comma in a
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

/// The document's own words, in English and Vietnamese (as the app's UI says them).
#[derive(Clone, Copy)]
pub(crate) struct Words {
    vi: bool,
}

impl Words {
    pub(crate) fn of(map: &JourneyMap) -> Self {
        Self {
            vi: Lang::from_code(&map.language) == Some(Lang::Vi),
        }
    }

    /// `en` or `vi`, as the map's language says.
    pub(crate) fn say(self, en: &'static str, vi: &'static str) -> &'static str {
        if self.vi { vi } else { en }
    }

    pub(crate) fn map_type(self, map_type: MapType) -> &'static str {
        if self.vi {
            match map_type {
                MapType::CurrentState => "Hiện trạng",
                MapType::FutureState => "Tương lai",
                MapType::DayInTheLife => "Một ngày của khách hàng",
                MapType::ServiceBlueprint => "Bản thiết kế dịch vụ",
            }
        } else {
            map_type_label(map_type)
        }
    }

    pub(crate) fn status(self, status: crate::model::PainStatus) -> &'static str {
        use crate::model::PainStatus;
        if self.vi {
            match status {
                PainStatus::Open => "chưa xử lý",
                PainStatus::InProgress => "đang xử lý",
                PainStatus::Fixed => "đã khắc phục",
            }
        } else {
            status_label(status)
        }
    }

    fn metric(self, metric: MetricKind) -> &'static str {
        match (self.vi, metric) {
            (true, MetricKind::Customers) => "Khách hàng",
            (true, MetricKind::ConversionRate) => "Chuyển đổi",
            (true, MetricKind::Events) => "Sự kiện",
            _ => metric_label(metric),
        }
    }
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
    let w = Words::of(map);
    let _ = writeln!(
        out,
        "- **{}:** {}",
        w.say("Map type", "Loại bản đồ"),
        w.map_type(map.map_type)
    );
    let _ = writeln!(
        out,
        "- **{}:** {}",
        w.say("Language", "Ngôn ngữ"),
        escape(&map.language, 0)
    );
    if let Some(date) = map.review.last_reviewed {
        let months = map.review.cadence_months;
        let _ = if w.vi {
            writeln!(
                out,
                "- **Rà soát gần nhất:** {date} (rà soát mỗi {months} tháng)"
            )
        } else {
            writeln!(
                out,
                "- **Last reviewed:** {date} (review every {months} months)"
            )
        };
    }
    out.push('\n');
    write_persona(&mut out, map);
    if !map.goals.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n",
            w.say("Business goals", "Mục tiêu kinh doanh")
        );
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
    let w = Words::of(map);
    let _ = writeln!(out, "## {}\n", w.say("Persona", "Chân dung khách hàng"));
    let avatar = if p.avatar.is_empty() {
        String::new()
    } else {
        format!("{} ", p.avatar)
    };
    if !p.name.trim().is_empty() {
        let _ = writeln!(out, "**{avatar}{}**\n", escape(&p.name, 0));
    }
    if !p.segment.trim().is_empty() {
        let _ = writeln!(
            out,
            "*{}:* {}\n",
            w.say("Segment", "Phân khúc"),
            escape(&p.segment, 0)
        );
    }
    if !p.bio.trim().is_empty() {
        let _ = writeln!(out, "{}\n", escape(&p.bio, 0));
    }
    if !p.quote.trim().is_empty() {
        let _ = writeln!(out, "> “{}”\n", escape(&p.quote, 2));
    }
    for (label, items) in [
        (w.say("Goals", "Mục tiêu"), &p.goals),
        (w.say("Needs", "Nhu cầu"), &p.needs),
        (w.say("Frustrations", "Nỗi bực dọc"), &p.frustrations),
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
    let w = Words::of(map);
    let _ = writeln!(out, "## {}\n", w.say("Journey", "Hành trình"));
    for (n, stage) in map.stages.iter().enumerate() {
        let _ = writeln!(out, "### {}. {}\n", n + 1, escape(&stage.name, 0));
        for (s, step) in stage.steps.iter().enumerate() {
            if !step.name.trim().is_empty() {
                let _ = writeln!(out, "#### {}\n", escape(&step.name, 0));
            } else if stage.steps.len() > 1 {
                let _ = writeln!(out, "#### {} {}\n", w.say("Step", "Bước"), s + 1);
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
    let w = Words::of(map);
    let mut item = escape(&card.text, 2);
    let mut facts = Vec::new();
    if let Some(channel) = &card.channel {
        facts.push(format!(
            "{}, {}",
            escape(channel.kind.name(&map.language), 2),
            if channel.online {
                w.say("online", "trực tuyến")
            } else {
                w.say("offline", "ngoại tuyến")
            }
        ));
    }
    let id = card.id.to_string();
    let pain = rows.pains.get(&id);
    if let Some(p) = pain {
        facts.push(format!(
            "{} {} {}/5, {} {}, {}",
            w.say("severity", "mức độ"),
            severity_icon(p.severity),
            p.severity,
            p.votes,
            w.say("votes", "phiếu"),
            w.status(p.status)
        ));
        if !p.owner.trim().is_empty() {
            facts.push(format!(
                "{}: {}",
                w.say("owner", "người phụ trách"),
                escape(&p.owner, 2)
            ));
        }
    }
    let opportunity = rows.opportunities.get(&id);
    if let Some(o) = opportunity {
        facts.push(format!(
            "{} {}/5, {} {}/5, {} {}",
            w.say("impact", "tác động"),
            o.impact,
            w.say("effort", "công sức"),
            o.effort,
            o.votes,
            w.say("votes", "phiếu")
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
        sub(&mut item, w.say("Evidence", "Bằng chứng"), &p.evidence);
        sub(
            &mut item,
            w.say("Addressed by", "Được giải quyết bởi"),
            &p.opportunities,
        );
    }
    if let Some(o) = opportunity {
        sub(&mut item, w.say("Addresses", "Giải quyết"), &o.addresses);
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
    let w = Words::of(map);
    let _ = writeln!(out, "## {}\n", w.say("Metrics", "Chỉ số"));
    if let Some(source) = map.metrics.snapshots.last().map(|s| &s.source) {
        let _ = writeln!(
            out,
            "{}: {} ({})\n",
            w.say("Latest import", "Lần nhập mới nhất"),
            escape(&source.imported, 0),
            escape(&source.file_name, 0)
        );
    }
    let headers: Vec<&str> = columns.iter().map(|m| w.metric(*m)).collect();
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |",
        w.say("Stage", "Giai đoạn"),
        w.say("Step", "Bước"),
        w.say("Touchpoint", "Điểm chạm"),
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

//! A new map from Mermaid `journey` text: a `.mmd` file, or the first ```` ```mermaid ````
//! block holding a journey in a Markdown file.
//!
//! Sections become stages, tasks become steps, each with a touchpoint card named by the task;
//! the first actor becomes the persona and each task's actors are noted on a card of an
//! actions lane; scores become the emotion curve (1–5 → −2…+2, see
//! [`super::mermaid::emotion_score`]). What Mermaid allows but the map cannot hold is reported
//! as a [`MermaidWarning`] with its line, never changed silently: a score outside 1–5 (the
//! curve keeps −2…+2), a score that is not a number, a section without tasks (kept as a stage
//! with one empty step), tasks before the first section, a colon in a task name, more than one
//! actor, lines not understood.

use std::fmt;

use crate::model::{
    Card, ColorToken, EmotionCurve, EmotionPoint, IdGen, IdKind, JourneyMap, Lane, LaneKind, Stage,
    Step, nfc, template,
};

/// A new map read from Mermaid, with what could not be carried over as it was.
#[derive(Clone, Debug, PartialEq)]
pub struct FromMermaid {
    /// The map; it passes [`crate::model::validate`].
    pub map: JourneyMap,
    /// What was changed or left out, in line order.
    pub warnings: Vec<MermaidWarning>,
}

/// Something in the Mermaid text the map holds differently, or not at all.
#[derive(Clone, Debug, PartialEq)]
pub struct MermaidWarning {
    /// The line in the file, from 1.
    pub line: usize,
    /// What it is.
    pub kind: WarningKind,
}

/// What a [`MermaidWarning`] is about.
#[derive(Clone, Debug, PartialEq)]
pub enum WarningKind {
    /// A score outside Mermaid's 1–5; the curve keeps `kept` (−2 or +2).
    ScoreOutOfRange {
        /// The score as written.
        score: f64,
        /// The emotion score the curve holds.
        kept: f32,
    },
    /// A task whose score is missing or not a number: the step has no point on the curve.
    NoScore {
        /// What was written in its place.
        text: String,
    },
    /// A section without tasks: kept as a stage with one empty step.
    EmptySection {
        /// The section's name.
        name: String,
    },
    /// Tasks before the first section: put in a stage named `name`.
    TaskOutsideSection {
        /// The name given to the stage.
        name: String,
    },
    /// A task name holding `:`, which Mermaid itself cuts at the first colon; the whole name
    /// was kept.
    ColonInName {
        /// The name as kept.
        name: String,
    },
    /// More actors than the one persona a map has: the first is the persona, the others are
    /// only noted on the actions lane.
    MoreActors {
        /// The persona.
        persona: String,
        /// The others, in order of appearance.
        others: Vec<String>,
    },
    /// A line the map has no place for, left out.
    Ignored {
        /// The line, trimmed.
        text: String,
    },
}

impl fmt::Display for MermaidWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: ", self.line)?;
        match &self.kind {
            WarningKind::ScoreOutOfRange { score, kept } => write!(
                f,
                "score {score} is outside Mermaid's 1–5; the emotion curve keeps {kept:+} (score {})",
                super::mermaid::mermaid_score(*kept)
            ),
            WarningKind::NoScore { text } if text.is_empty() => {
                write!(
                    f,
                    "the task has no score; the step has no point on the curve"
                )
            }
            WarningKind::NoScore { text } => write!(
                f,
                "score {text:?} is not a number; the step has no point on the curve"
            ),
            WarningKind::EmptySection { name } => write!(
                f,
                "section {name:?} has no tasks; kept as a stage with one empty step"
            ),
            WarningKind::TaskOutsideSection { name } => write!(
                f,
                "tasks before the first section; put in a stage named {name:?}"
            ),
            WarningKind::ColonInName { name } => write!(
                f,
                "the task name {name:?} holds a colon, which Mermaid cuts at; the whole name was kept"
            ),
            WarningKind::MoreActors { persona, others } => write!(
                f,
                "a map has one persona: {persona:?}; the other actors ({}) are noted on the actions lane only",
                others.join(", ")
            ),
            WarningKind::Ignored { text } => write!(f, "{text:?} has no place in a map; left out"),
        }
    }
}

/// Why no map could be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MermaidError {
    /// The text is not a Mermaid journey (its first statement, at `line`, is `found`).
    NotAJourney {
        /// The line of the first statement (0 when the text is empty).
        line: usize,
        /// The first statement.
        found: String,
    },
    /// The Markdown holds no ```` ```mermaid ```` block with a journey.
    NoJourneyBlock,
    /// The journey has no sections and no tasks.
    NoTasks,
}

impl fmt::Display for MermaidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAJourney { line: 0, .. } => write!(f, "the file is empty"),
            Self::NotAJourney { line, found } => write!(
                f,
                "line {line}: not a Mermaid journey (it starts with {found:?}, not \"journey\")"
            ),
            Self::NoJourneyBlock => write!(f, "no ```mermaid block holding a journey"),
            Self::NoTasks => write!(f, "the journey has no sections and no tasks"),
        }
    }
}

impl std::error::Error for MermaidError {}

/// The name of the stage made for tasks before the first section.
pub const UNNAMED_SECTION: &str = "Journey";

/// A map from a Markdown file's first ```` ```mermaid ```` (or `~~~mermaid`) block whose
/// diagram is a journey; warnings name lines of the whole file.
pub fn from_markdown(text: &str) -> Result<FromMermaid, MermaidError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at].trim_start();
        let fence = fence_of(line);
        at += 1;
        let Some((fence_char, fence_len)) = fence else {
            continue;
        };
        let info = line.trim_start_matches(fence_char).trim();
        let start = at;
        while at < lines.len() && !closes(lines[at], fence_char, fence_len) {
            at += 1;
        }
        let block = &lines[start..at];
        at += 1;
        if info.eq_ignore_ascii_case("mermaid") && first_statement(block).is_some_and(is_journey) {
            return parse_lines(block, start);
        }
    }
    Err(MermaidError::NoJourneyBlock)
}

/// A map from Mermaid `journey` text (a `.mmd` file).
pub fn from_mermaid(text: &str) -> Result<FromMermaid, MermaidError> {
    let lines: Vec<&str> = text.lines().collect();
    parse_lines(&lines, 0)
}

/// The fence character and length when `line` opens a fenced code block.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = line.chars().take_while(|x| *x == c).count();
    (len >= 3).then_some((c, len))
}

fn closes(line: &str, c: char, len: usize) -> bool {
    let line = line.trim();
    line.chars().take_while(|x| *x == c).count() >= len && line.chars().all(|x| x == c)
}

/// A line without its `%%` comment, trimmed.
fn code(line: &str) -> &str {
    line.split("%%").next().unwrap_or("").trim()
}

fn first_statement<'a>(lines: &[&'a str]) -> Option<&'a str> {
    let mut in_front_matter = false;
    for (n, line) in lines.iter().enumerate() {
        let line = code(line);
        if line == "---" && (n == 0 || in_front_matter) {
            in_front_matter = !in_front_matter;
            continue;
        }
        if !line.is_empty() && !in_front_matter {
            return Some(line);
        }
    }
    None
}

fn is_journey(statement: &str) -> bool {
    statement.eq_ignore_ascii_case("journey")
}

/// The keyword at the start of `line` (case-insensitive) followed by a space, and the rest.
fn keyword<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let head = line.get(..word.len())?;
    let rest = &line[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// A section read so far: its name, line and tasks.
struct Section {
    name: String,
    line: usize,
    tasks: Vec<Task>,
}

struct Task {
    line: usize,
    name: String,
    score: Option<f32>,
    actors: Vec<String>,
}

/// Parses the lines of a journey; `offset` is the number of file lines before `lines[0]`.
fn parse_lines(lines: &[&str], offset: usize) -> Result<FromMermaid, MermaidError> {
    let mut warnings = Vec::new();
    let mut title = String::new();
    let mut description = String::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut seen_journey = false;
    let mut front_matter = false;
    for (n, raw) in lines.iter().enumerate() {
        let line_no = offset + n + 1;
        let line = code(raw);
        if !seen_journey {
            if line == "---" && (n == 0 || front_matter) {
                front_matter = !front_matter;
                continue;
            }
            if front_matter {
                if let Some(t) = line.strip_prefix("title:") {
                    title = nfc(t.trim().trim_matches(['"', '\'']));
                }
                continue;
            }
            if line.is_empty() {
                continue;
            }
            if !is_journey(line) {
                return Err(MermaidError::NotAJourney {
                    line: line_no,
                    found: line.to_owned(),
                });
            }
            seen_journey = true;
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = keyword(line, "title") {
            title = nfc(rest);
        } else if let Some(rest) = keyword(line, "section") {
            sections.push(Section {
                name: nfc(rest),
                line: line_no,
                tasks: Vec::new(),
            });
        } else if let Some(rest) = line
            .strip_prefix("accDescr")
            .and_then(|r| r.trim_start().strip_prefix(':'))
        {
            description = nfc(rest.trim());
        } else if let Some(task) = parse_task(line, line_no, &mut warnings) {
            if sections.is_empty() {
                warnings.push(MermaidWarning {
                    line: line_no,
                    kind: WarningKind::TaskOutsideSection {
                        name: UNNAMED_SECTION.to_owned(),
                    },
                });
                sections.push(Section {
                    name: UNNAMED_SECTION.to_owned(),
                    line: line_no,
                    tasks: Vec::new(),
                });
            }
            if let Some(section) = sections.last_mut() {
                section.tasks.push(task);
            }
        } else {
            warnings.push(MermaidWarning {
                line: line_no,
                kind: WarningKind::Ignored {
                    text: line.to_owned(),
                },
            });
        }
    }
    if !seen_journey {
        return Err(MermaidError::NotAJourney {
            line: 0,
            found: String::new(),
        });
    }
    if sections.is_empty() {
        return Err(MermaidError::NoTasks);
    }
    let map = build(title, description, &sections, &mut warnings);
    warnings.sort_by_key(|w| w.line);
    Ok(FromMermaid { map, warnings })
}

/// A task line `name: score[: actor, actor…]`. A name holding colons is found by the first
/// later part that is a number (and reported); `None` when the line is no task at all.
fn parse_task(line: &str, line_no: usize, warnings: &mut Vec<MermaidWarning>) -> Option<Task> {
    let parts: Vec<&str> = line.split(':').collect();
    if parts.len() < 2 || parts[0].trim().is_empty() {
        return None;
    }
    // The score is the first part after the name that is a number; with none, the second.
    let score_at = (1..parts.len())
        .find(|&i| parts[i].trim().parse::<f64>().is_ok())
        .unwrap_or(1);
    let name = nfc(parts[..score_at].join(":").trim());
    if score_at > 1 {
        warnings.push(MermaidWarning {
            line: line_no,
            kind: WarningKind::ColonInName { name: name.clone() },
        });
    }
    let score_text = parts[score_at].trim();
    let score = match score_text.parse::<f64>() {
        Ok(score) if score.is_finite() => {
            let kept = super::mermaid::emotion_score(score);
            if !(1.0..=5.0).contains(&score) {
                warnings.push(MermaidWarning {
                    line: line_no,
                    kind: WarningKind::ScoreOutOfRange { score, kept },
                });
            }
            Some(kept)
        }
        _ => {
            warnings.push(MermaidWarning {
                line: line_no,
                kind: WarningKind::NoScore {
                    text: score_text.to_owned(),
                },
            });
            None
        }
    };
    let actors = parts
        .get(score_at + 1..)
        .map(|rest| rest.join(":"))
        .unwrap_or_default()
        .split(',')
        .map(|a| nfc(a.trim()))
        .filter(|a| !a.is_empty())
        .collect();
    Some(Task {
        line: line_no,
        name,
        score,
        actors,
    })
}

/// Whether the text looks Vietnamese: a letter only Vietnamese uses (ă, â, đ, ê, ô, ơ, ư, or
/// one with a tone mark from Latin Extended Additional).
fn looks_vietnamese(text: &str) -> bool {
    text.chars()
        .any(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c))
}

fn build(
    title: String,
    description: String,
    sections: &[Section],
    warnings: &mut Vec<MermaidWarning>,
) -> JourneyMap {
    let all_text: String = sections
        .iter()
        .flat_map(|s| {
            std::iter::once(s.name.as_str()).chain(s.tasks.iter().map(|t| t.name.as_str()))
        })
        .chain([title.as_str()])
        .collect();
    let lang = if looks_vietnamese(&all_text) {
        template::Lang::Vi
    } else {
        template::Lang::En
    };
    let mut map = JourneyMap::new(title);
    map.description = description;
    lang.code().clone_into(&mut map.language);
    let mut ids = IdGen::new(&mut map.next_id);
    let lane = |ids: &mut IdGen<'_>, kind| Lane {
        id: ids.fresh(IdKind::Lane),
        name: template::lane_name(kind, lang).to_owned(),
        kind,
    };
    let touchpoints = lane(&mut ids, LaneKind::Touchpoints);
    let actions = lane(&mut ids, LaneKind::Actions);
    let emotions = lane(&mut ids, LaneKind::Emotions);
    let mut curve = EmotionCurve {
        id: ids.fresh(IdKind::Curve),
        name: match lang {
            template::Lang::En => "As-is",
            template::Lang::Vi => "Hiện tại",
        }
        .to_owned(),
        color: ColorToken::Blue,
        points: Vec::new(),
        hidden: false,
    };
    let mut cards = Vec::new();
    let mut actors: Vec<(String, usize)> = Vec::new();
    let mut stages = Vec::new();
    for section in sections {
        let stage_id = ids.fresh(IdKind::Stage);
        let mut steps = Vec::new();
        if section.tasks.is_empty() {
            warnings.push(MermaidWarning {
                line: section.line,
                kind: WarningKind::EmptySection {
                    name: section.name.clone(),
                },
            });
            steps.push(Step {
                id: ids.fresh(IdKind::Step),
                name: String::new(),
            });
        }
        for task in &section.tasks {
            let step = Step {
                id: ids.fresh(IdKind::Step),
                name: task.name.clone(),
            };
            cards.push(Card::new(
                ids.fresh(IdKind::Card),
                step.id.clone(),
                touchpoints.id.clone(),
                task.name.clone(),
            ));
            if !task.actors.is_empty() {
                cards.push(Card::new(
                    ids.fresh(IdKind::Card),
                    step.id.clone(),
                    actions.id.clone(),
                    task.actors.join(", "),
                ));
                for a in &task.actors {
                    if !actors.iter().any(|(known, _)| known == a) {
                        actors.push((a.clone(), task.line));
                    }
                }
            }
            if let Some(score) = task.score {
                curve.points.push(EmotionPoint {
                    step: step.id.clone(),
                    score,
                    emoji: None,
                    note: String::new(),
                });
            }
            steps.push(step);
        }
        stages.push(Stage {
            id: stage_id,
            name: section.name.clone(),
            color: None,
            steps,
        });
    }
    if let Some((persona, _)) = actors.first() {
        map.persona.name.clone_from(persona);
        if actors.len() > 1 {
            warnings.push(MermaidWarning {
                line: actors[1].1,
                kind: WarningKind::MoreActors {
                    persona: persona.clone(),
                    others: actors[1..].iter().map(|(a, _)| a.clone()).collect(),
                },
            });
        }
    }
    map.stages = stages;
    map.lanes = vec![touchpoints, actions, emotions];
    map.cards = cards;
    map.curves = vec![curve];
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_open_and_close() {
        assert_eq!(fence_of("```mermaid"), Some(('`', 3)));
        assert_eq!(fence_of("~~~~ mermaid"), Some(('~', 4)));
        assert_eq!(fence_of("``x"), None);
        assert!(closes("  ````", '`', 3));
        assert!(!closes("```js", '`', 3));
        assert!(!closes("~~~", '`', 3));
    }

    #[test]
    fn keywords_need_a_space_and_ignore_case() {
        assert_eq!(keyword("Section  Mua hàng", "section"), Some("Mua hàng"));
        assert_eq!(keyword("sectional: 3", "section"), None);
        assert_eq!(keyword("title", "title"), None);
    }

    #[test]
    fn comments_and_front_matter() {
        assert_eq!(code("  Pay: 3: Me %% later"), "Pay: 3: Me");
        let made = from_mermaid("---\ntitle: Từ front matter\n---\njourney\n section A\n  B: 3\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(made.map.title, "Từ front matter");
        assert!(made.warnings.is_empty());
        assert_eq!(made.map.persona.name, "");
    }

    #[test]
    fn tasks_before_a_section_and_lines_not_understood() {
        let made = from_mermaid("journey\n  Wake up: 2: Me\n  section Day\n  what is this\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            made.warnings,
            vec![
                MermaidWarning {
                    line: 2,
                    kind: WarningKind::TaskOutsideSection {
                        name: UNNAMED_SECTION.to_owned()
                    }
                },
                MermaidWarning {
                    line: 3,
                    kind: WarningKind::EmptySection {
                        name: "Day".to_owned()
                    }
                },
                MermaidWarning {
                    line: 4,
                    kind: WarningKind::Ignored {
                        text: "what is this".to_owned()
                    }
                },
            ]
        );
        assert!(crate::model::validate(&made.map).is_empty());
    }

    #[test]
    fn text_is_nfc_and_language_guessed() {
        // "Mua hàng" with the tone mark as a combining character (NFD).
        let made = from_mermaid("journey\n section Mua ha\u{300}ng\n  Tra\u{309} tiền: 4: Me\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(made.map.stages[0].name, "Mua hàng");
        assert_eq!(made.map.stages[0].steps[0].name, "Trả tiền");
        assert_eq!(made.map.language, "vi");
        assert!(!looks_vietnamese("Checkout"));
    }
}

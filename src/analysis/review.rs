//! The review table as data: one row per pain point (the report's row plus what sorting needs),
//! sorted by any column, filtered by stage, severity, status and a text search that ignores
//! case and Vietnamese diacritics, and exported as shown. Text sorts in Vietnamese dictionary
//! order ([`SortColumn::Text`], [`SortColumn::Owner`]).
//!
//! The review panel (`crate::ui::review::table`) draws [`visible_rows`]; the same functions serve
//! any other caller that wants the table as the panel shows it.

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

use crate::analysis::report::{PainRow, pain_rows_in_map_order, pains_csv, pains_markdown};
use crate::model::{Id, JourneyMap, PainStatus};

/// The statuses, in the order of the workflow.
pub const STATUSES: [PainStatus; 3] = [PainStatus::Open, PainStatus::InProgress, PainStatus::Fixed];

/// A column of the review table, left to right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortColumn {
    /// The stage, in journey order.
    Stage,
    /// The step, in journey order.
    Step,
    /// The pain point's text, in dictionary order (Vietnamese-aware).
    Text,
    /// Severity, 1–5.
    Severity,
    /// Dot votes.
    Votes,
    /// Severity × votes: the report's ranking, and the default.
    #[default]
    Score,
    /// How many pieces of evidence.
    Evidence,
    /// How many opportunities address it.
    Opportunities,
    /// Open, in progress, fixed.
    Status,
    /// Who fixes it, in dictionary order.
    Owner,
}

impl SortColumn {
    /// Every column, left to right.
    pub const ALL: [Self; 10] = [
        Self::Stage,
        Self::Step,
        Self::Text,
        Self::Severity,
        Self::Votes,
        Self::Score,
        Self::Evidence,
        Self::Opportunities,
        Self::Status,
        Self::Owner,
    ];

    /// Whether a first click sorts this column from the highest down: for counts and scores a
    /// reviewer wants the worst first, for names A to Z.
    pub fn starts_descending(self) -> bool {
        matches!(
            self,
            Self::Severity | Self::Votes | Self::Score | Self::Evidence | Self::Opportunities
        )
    }
}

/// How the review table is sorted and filtered: view state, never saved in the document.
#[derive(Clone, Debug, Default)]
pub struct ReviewState {
    /// The column the rows are sorted by.
    pub sort: SortColumn,
    /// Lowest first; the default (false) puts the highest score first, like the report.
    pub ascending: bool,
    /// Only the pain points of this stage.
    pub stage: Option<Id>,
    /// Only pain points at least this severe (a reviewer asks for "severe and worse", rarely
    /// for exactly one level).
    pub min_severity: Option<u8>,
    /// Only pain points with this status.
    pub status: Option<PainStatus>,
    /// Only pain points whose text, step, stage, owner, evidence or opportunities contain this,
    /// ignoring case and Vietnamese diacritics.
    pub search: String,
}

impl ReviewState {
    /// Sorts by `column`; on the column already sorted by, reverses the order.
    pub fn sort_by(&mut self, column: SortColumn) {
        if self.sort == column {
            self.ascending = !self.ascending;
        } else {
            self.sort = column;
            self.ascending = !column.starts_descending();
        }
    }

    /// Whether any filter hides rows.
    pub fn is_filtered(&self) -> bool {
        self.stage.is_some()
            || self.min_severity.is_some()
            || self.status.is_some()
            || !self.search.trim().is_empty()
    }

    /// Shows every row again, keeping the sort order.
    pub fn clear_filters(&mut self) {
        self.stage = None;
        self.min_severity = None;
        self.status = None;
        self.search.clear();
    }

    /// Whether a row passes every filter.
    pub fn matches(&self, row: &ReviewRow) -> bool {
        let pain = &row.pain;
        let search = fold(self.search.trim());
        self.stage
            .as_ref()
            .is_none_or(|s| row.stage.as_ref() == Some(s))
            && self.min_severity.is_none_or(|min| pain.severity >= min)
            && self.status.is_none_or(|s| pain.status == s)
            && (search.is_empty()
                || [&pain.text, &pain.step, &pain.stage, &pain.owner]
                    .into_iter()
                    .chain(&pain.evidence)
                    .chain(&pain.opportunities)
                    .any(|t| fold(t).contains(&search)))
    }
}

/// The file formats the table exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewFormat {
    /// RFC 4180 CSV, for a spreadsheet or a backlog import.
    Csv,
    /// A Markdown table, for a wiki page or an issue.
    Markdown,
}

impl ReviewFormat {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Markdown => "md",
        }
    }
}

/// One row of the review: the report's row plus what sorting and filtering need.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    /// The pain-point card.
    pub card: Id,
    /// The stage the card is in (`None` if its step is gone).
    pub stage: Option<Id>,
    /// Position of the stage, left to right (`usize::MAX` if none).
    pub stage_index: usize,
    /// Position of the step among all steps, left to right (`usize::MAX` if none).
    pub step_index: usize,
    /// Position among the map's pain points: the tie-breaker of every sort.
    pub order: usize,
    /// What the report says about it.
    pub pain: PainRow,
}

/// Every pain point of the map, in map order.
pub fn all_rows(map: &JourneyMap) -> Vec<ReviewRow> {
    // The report's rows come in the same order as `pain_points`, one per pain point.
    map.pain_points()
        .zip(pain_rows_in_map_order(map))
        .enumerate()
        .map(|(order, ((card, _), pain))| {
            let stage = map.stage_of_step(&card.step);
            ReviewRow {
                card: card.id.clone(),
                stage: stage.map(|s| s.id.clone()),
                stage_index: stage
                    .and_then(|s| map.stages.iter().position(|x| x.id == s.id))
                    .unwrap_or(usize::MAX),
                step_index: map.step_index(&card.step).unwrap_or(usize::MAX),
                order,
                pain,
            }
        })
        .collect()
}

/// The rows that pass the filters, sorted by the chosen column; rows that tie keep map order
/// whichever the direction.
pub fn filter_and_sort(rows: Vec<ReviewRow>, state: &ReviewState) -> Vec<ReviewRow> {
    let mut keyed: Vec<(SortKey, ReviewRow)> = rows
        .into_iter()
        .filter(|row| state.matches(row))
        .map(|row| (sort_key(&row, state.sort), row))
        .collect();
    keyed.sort_by(|(ka, a), (kb, b)| {
        let by_key = if state.ascending {
            ka.cmp(kb)
        } else {
            kb.cmp(ka)
        };
        by_key.then(a.order.cmp(&b.order))
    });
    keyed.into_iter().map(|(_, row)| row).collect()
}

/// The rows of the table as shown: filtered and sorted.
pub fn visible_rows(map: &JourneyMap, state: &ReviewState) -> Vec<ReviewRow> {
    filter_and_sort(all_rows(map), state)
}

/// The table as shown (filtered and sorted) in the given format, for the export.
pub fn export_text(map: &JourneyMap, state: &ReviewState, format: ReviewFormat) -> String {
    let rows: Vec<PainRow> = visible_rows(map, state)
        .into_iter()
        .map(|r| r.pain)
        .collect();
    match format {
        // With a byte order mark: the export is for Excel, which needs it to read UTF-8.
        ReviewFormat::Csv => pains_csv(&rows, true),
        ReviewFormat::Markdown => pains_markdown(&rows),
    }
}

/// What a row is sorted by, for one column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Number(u64, u64),
    Text(CollationKey),
}

fn sort_key(row: &ReviewRow, column: SortColumn) -> SortKey {
    let pain = &row.pain;
    let count = |n: usize| SortKey::Number(n as u64, 0);
    match column {
        SortColumn::Stage => count(row.stage_index),
        SortColumn::Step => count(row.step_index),
        SortColumn::Text => SortKey::Text(collation_key(&pain.text)),
        SortColumn::Severity => SortKey::Number(pain.severity.into(), 0),
        SortColumn::Votes => SortKey::Number(pain.votes.into(), 0),
        // Ties on the score go to the more severe, as in the report.
        SortColumn::Score => SortKey::Number(pain.score, pain.severity.into()),
        SortColumn::Evidence => count(pain.evidence.len()),
        SortColumn::Opportunities => count(pain.opportunities.len()),
        SortColumn::Status => count(STATUSES.iter().position(|s| *s == pain.status).unwrap_or(0)),
        SortColumn::Owner => SortKey::Text(collation_key(&pain.owner)),
    }
}

/// A sort key that orders text as a Vietnamese dictionary does, and English as usual: letters
/// first, ignoring case and tone (a < ă < â < b < … < d < đ < e < ê …), then tones (none,
/// huyền, hỏi, ngã, sắc, nặng), then lower case before upper case.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct CollationKey {
    letters: Vec<u32>,
    tones: Vec<u8>,
    upper: Vec<bool>,
}

fn collation_key(text: &str) -> CollationKey {
    let mut key = CollationKey {
        letters: Vec::new(),
        tones: Vec::new(),
        upper: Vec::new(),
    };
    // Decomposed, a letter is its base followed by its marks: "ặ" is a, dot below, breve.
    for c in text.nfd() {
        let modifier = match c {
            '\u{0306}' => Some(1), // breve: ă
            '\u{0302}' => Some(2), // circumflex: â ê ô
            '\u{031B}' => Some(3), // horn: ơ ư
            _ => None,
        };
        let tone = match c {
            '\u{0300}' => Some(1), // huyền
            '\u{0309}' => Some(2), // hỏi
            '\u{0303}' => Some(3), // ngã
            '\u{0301}' => Some(4), // sắc
            '\u{0323}' => Some(5), // nặng
            _ => None,
        };
        if let Some(m) = modifier {
            if let Some(last) = key.letters.last_mut() {
                *last += m;
            }
        } else if let Some(t) = tone {
            if let Some(last) = key.tones.last_mut() {
                *last = t;
            }
        } else if !is_combining_mark(c) {
            let (base, m) = match c {
                'đ' | 'Đ' => ('d', 1),
                _ => (c, 0),
            };
            let lower = base.to_lowercase().next().unwrap_or(base);
            // Four slots per letter leave room for the modified letters right after it.
            key.letters.push(u32::from(lower) * 4 + m);
            key.tones.push(0);
            key.upper.push(c.is_uppercase());
        }
    }
    key
}

/// Text reduced for searching: lower case, no diacritics, đ as d, so "bao hanh" finds
/// "bảo hành" when no Vietnamese keyboard is at hand.
fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization as _;

    use super::*;
    use crate::model::{Card, Evidence, Lane, LaneKind, PainPoint, Stage, Step};

    fn sample() -> JourneyMap {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/may-ep-trai-cay.ron");
        crate::file::load(&path).expect("the sample loads").map
    }

    fn id(s: &str) -> Id {
        Id::new(s)
    }

    /// A map with two stages of two steps and six pain points, built to exercise ties,
    /// Vietnamese text and every filter.
    fn tricky_map() -> JourneyMap {
        let mut map = JourneyMap::new("x");
        for (s, name, steps) in [("s1", "Cân nhắc", ["a", "b"]), ("s2", "Mua", ["c", "d"])] {
            map.stages.push(Stage {
                id: id(s),
                name: name.into(),
                color: None,
                steps: steps
                    .iter()
                    .map(|st| Step {
                        id: id(st),
                        name: format!("bước {st}"),
                    })
                    .collect(),
            });
        }
        map.lanes.push(Lane {
            id: id("l"),
            name: "Điểm đau".into(),
            kind: LaneKind::PainPoints,
        });
        // (id, step, text, severity, votes, status, owner, evidence count)
        let pains = [
            ("p1", "c", "đặt hàng lỗi", 3, 2, PainStatus::Open, "Bình", 1),
            ("p2", "a", "Giá cao", 5, 1, PainStatus::Fixed, "an", 0),
            ("p3", "b", "dễ hiểu", 2, 3, PainStatus::InProgress, "Ân", 2),
            ("p4", "a", "Ăn khách", 3, 2, PainStatus::Open, "", 0),
            ("p5", "d", "ba", 1, 6, PainStatus::Open, "bình", 1),
            ("p6", "b", "Da", 3, 2, PainStatus::Open, "An", 0),
        ];
        for (card_id, step, text, severity, votes, status, owner, evidence) in pains {
            let mut card = Card::new(id(card_id), id(step), id("l"), text);
            card.pain = Some(PainPoint {
                severity,
                votes,
                evidence: (0..evidence)
                    .map(|i| Evidence::Text(format!("bằng chứng {i}")))
                    .collect(),
                status,
                owner: owner.into(),
                anchor: None,
            });
            map.cards.push(card);
        }
        map
    }

    fn ids(rows: &[ReviewRow]) -> Vec<&str> {
        rows.iter().map(|r| r.card.as_str()).collect()
    }

    fn sorted(column: SortColumn, ascending: bool) -> Vec<String> {
        let state = ReviewState {
            sort: column,
            ascending,
            ..ReviewState::default()
        };
        ids(&visible_rows(&tricky_map(), &state))
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_default_order_is_the_reports() {
        let map = sample();
        let report: Vec<String> = crate::analysis::report::pain_rows(&map)
            .into_iter()
            .map(|r| r.id)
            .collect();
        let shown: Vec<String> = visible_rows(&map, &ReviewState::default())
            .into_iter()
            .map(|r| r.card.to_string())
            .collect();
        assert_eq!(shown, report);
        // The same on the tricky map, with its ties on the score.
        let report: Vec<String> = crate::analysis::report::pain_rows(&tricky_map())
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(sorted(SortColumn::Score, false), report);
    }

    #[test]
    fn every_column_sorts_both_ways_with_ties_in_map_order() {
        use SortColumn as C;
        // Score: 6, 5, 6, 6, 6, 6 — the 6s by severity (p1, p4, p6 at 3; p5 at 1; p3 at 2).
        assert_eq!(
            sorted(C::Score, false),
            ["p1", "p4", "p6", "p3", "p5", "p2"]
        );
        assert_eq!(sorted(C::Score, true), ["p2", "p5", "p3", "p1", "p4", "p6"]);
        // Stage: s1 holds p2, p3, p4, p6; s2 holds p1, p5. Ties keep map order both ways.
        assert_eq!(sorted(C::Stage, true), ["p2", "p3", "p4", "p6", "p1", "p5"]);
        assert_eq!(
            sorted(C::Stage, false),
            ["p1", "p5", "p2", "p3", "p4", "p6"]
        );
        // Step: a (p2, p4), b (p3, p6), c (p1), d (p5).
        assert_eq!(sorted(C::Step, true), ["p2", "p4", "p3", "p6", "p1", "p5"]);
        assert_eq!(sorted(C::Step, false), ["p5", "p1", "p3", "p6", "p2", "p4"]);
        // Vietnamese dictionary order, case ignored: a < ă < b < d < đ.
        assert_eq!(sorted(C::Text, true), ["p4", "p5", "p6", "p3", "p1", "p2"]);
        assert_eq!(sorted(C::Text, false), ["p2", "p1", "p3", "p6", "p5", "p4"]);
        assert_eq!(
            sorted(C::Severity, false),
            ["p2", "p1", "p4", "p6", "p3", "p5"]
        );
        assert_eq!(
            sorted(C::Severity, true),
            ["p5", "p3", "p1", "p4", "p6", "p2"]
        );
        assert_eq!(
            sorted(C::Votes, false),
            ["p5", "p3", "p1", "p4", "p6", "p2"]
        );
        assert_eq!(sorted(C::Votes, true), ["p2", "p1", "p4", "p6", "p3", "p5"]);
        assert_eq!(
            sorted(C::Evidence, false),
            ["p3", "p1", "p5", "p2", "p4", "p6"]
        );
        assert_eq!(
            sorted(C::Evidence, true),
            ["p2", "p4", "p6", "p1", "p5", "p3"]
        );
        // No opportunities at all: every row ties, map order both ways.
        assert_eq!(
            sorted(C::Opportunities, true),
            ["p1", "p2", "p3", "p4", "p5", "p6"]
        );
        assert_eq!(
            sorted(C::Opportunities, false),
            ["p1", "p2", "p3", "p4", "p5", "p6"]
        );
        assert_eq!(
            sorted(C::Status, true),
            ["p1", "p4", "p5", "p6", "p3", "p2"]
        );
        assert_eq!(
            sorted(C::Status, false),
            ["p2", "p3", "p1", "p4", "p5", "p6"]
        );
        // Owners: "" < an < An < Ân < bình < Bình (lower case before upper, a before â).
        assert_eq!(sorted(C::Owner, true), ["p4", "p2", "p6", "p3", "p5", "p1"]);
        assert_eq!(
            sorted(C::Owner, false),
            ["p1", "p5", "p3", "p6", "p2", "p4"]
        );
    }

    #[test]
    fn vietnamese_collates_like_a_dictionary() {
        let mut words = vec![
            "đá", "Da", "dạ", "ăn", "an", "Ân", "bà", "ba", "bả", "bã", "bá", "bạ", "ơi", "ôm",
            "ong", "Zalo", "ưu", "uống",
        ];
        words.sort_by_key(|w| collation_key(w));
        assert_eq!(
            words,
            [
                "an", "ăn", "Ân", "ba", "bà", "bả", "bã", "bá", "bạ", "Da", "dạ", "đá", "ong",
                "ôm", "ơi", "uống", "ưu", "Zalo"
            ]
        );
        // Precomposed and decomposed input agree.
        assert_eq!(
            collation_key("Việt"),
            collation_key(&"Việt".nfd().collect::<String>())
        );
    }

    #[test]
    fn filters_combine() {
        let map = tricky_map();
        let shown = |state: &ReviewState| ids(&visible_rows(&map, state)).join(" ");
        let mut state = ReviewState {
            sort: SortColumn::Stage,
            ascending: true,
            ..ReviewState::default()
        };
        assert_eq!(shown(&state), "p2 p3 p4 p6 p1 p5");
        state.stage = Some(id("s1"));
        assert_eq!(shown(&state), "p2 p3 p4 p6");
        state.min_severity = Some(3);
        assert_eq!(shown(&state), "p2 p4 p6");
        state.status = Some(PainStatus::Open);
        assert_eq!(shown(&state), "p4 p6");
        state.stage = None;
        assert_eq!(shown(&state), "p4 p6 p1");
        // Search ignores case and diacritics, and looks at owners and evidence too.
        state.search = "DAT HANG".into();
        assert_eq!(shown(&state), "p1");
        // Blank search text filters nothing.
        state.search = "  ".into();
        assert_eq!(shown(&state), "p4 p6 p1");
        state.clear_filters();
        assert!(!state.is_filtered());
        state.search = "binh".into();
        assert_eq!(shown(&state), "p1 p5");
        state.search = "bằng chứng 1".into();
        assert_eq!(shown(&state), "p3");
        state.search = "nothing like it".into();
        assert_eq!(shown(&state), "");
    }

    #[test]
    fn a_second_click_reverses_and_numbers_start_with_the_highest() {
        let mut state = ReviewState::default();
        assert_eq!((state.sort, state.ascending), (SortColumn::Score, false));
        state.sort_by(SortColumn::Votes);
        assert_eq!((state.sort, state.ascending), (SortColumn::Votes, false));
        state.sort_by(SortColumn::Votes);
        assert!(state.ascending);
        state.sort_by(SortColumn::Owner);
        assert_eq!((state.sort, state.ascending), (SortColumn::Owner, true));
        state.sort_by(SortColumn::Owner);
        assert!(!state.ascending);
    }

    #[test]
    fn the_export_is_the_table_as_shown() {
        let map = sample();
        let state = ReviewState {
            sort: SortColumn::Votes,
            ascending: true,
            status: Some(PainStatus::Open),
            ..ReviewState::default()
        };
        let csv = export_text(&map, &state, ReviewFormat::Csv);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "\u{feff}rank,id,stage,step,text,severity,votes,score,evidence,opportunities,status,owner"
        );
        // The in-progress c47 is filtered out; the rest by votes, fewest first.
        let ids: Vec<&str> = lines[1..]
            .iter()
            .map(|l| l.split(',').nth(1).unwrap_or_default())
            .collect();
        assert_eq!(ids, ["c49", "c46", "c48"]);
        assert!(lines[1].starts_with("1,c49,"), "{}", lines[1]);
        assert!(csv.contains(",open,Phòng bảo hành"), "{csv}");

        let md = export_text(&map, &state, ReviewFormat::Markdown);
        assert!(
            md.starts_with("| # | Score | Severity | Votes | Stage |"),
            "{md}"
        );
        assert_eq!(md.lines().count(), 2 + 3);
        assert!(
            md.lines()
                .nth(2)
                .is_some_and(|l| l.starts_with("| 1 | 6 | 2 | 3 |")),
            "{md}"
        );
    }

    #[test]
    fn markdown_and_csv_cells_hold_pipes_commas_and_line_breaks() {
        let mut map = tricky_map();
        map.cards[0].text = "a | b, \"c\"\nd".into();
        let state = ReviewState {
            search: "a | b".into(),
            ..ReviewState::default()
        };
        let md = export_text(&map, &state, ReviewFormat::Markdown);
        assert!(md.contains("| a \\| b, \"c\"<br>d |"), "{md}");
        let csv = export_text(&map, &state, ReviewFormat::Csv);
        assert!(csv.contains("\"a | b, \"\"c\"\"\nd\""), "{csv}");
    }

    #[test]
    fn csv_export_has_a_bom_and_no_formulas() {
        let mut map = tricky_map();
        map.cards[0].text = "=HYPERLINK(\"http://evil\",\"click\")".into();
        let state = ReviewState {
            search: "HYPERLINK".into(),
            ..ReviewState::default()
        };
        let csv = export_text(&map, &state, ReviewFormat::Csv);
        assert!(csv.starts_with("\u{feff}rank,"), "{csv}");
        assert!(
            csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\","),
            "{csv}"
        );
    }
}

//! The pain-point review as data: pain points ranked by severity × votes, opportunities ranked
//! by the pain they address, each with its stage, step and evidence. The CLI's
//! `journeymap report` and the review table's exports (CSV, Markdown) are built from here.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::model::{Card, Evidence, JourneyMap, PainStatus};

/// One pain point in the review.
#[derive(Clone, Debug, PartialEq)]
pub struct PainRow {
    /// Card id.
    pub id: String,
    /// Stage name.
    pub stage: String,
    /// Step name (empty for a stage's only, unnamed step).
    pub step: String,
    /// The pain point.
    pub text: String,
    /// 1–5.
    pub severity: u8,
    /// Dot votes.
    pub votes: u32,
    /// Severity × votes: the ranking.
    pub score: u64,
    /// Evidence, each as text (a metric shows its card's text).
    pub evidence: Vec<String>,
    /// Open, in progress, fixed.
    pub status: PainStatus,
    /// Who fixes it.
    pub owner: String,
    /// Texts of the opportunities that address it.
    pub opportunities: Vec<String>,
}

/// One opportunity in the review.
#[derive(Clone, Debug, PartialEq)]
pub struct OpportunityRow {
    /// Card id.
    pub id: String,
    /// Stage name.
    pub stage: String,
    /// Step name.
    pub step: String,
    /// The opportunity.
    pub text: String,
    /// 1–5.
    pub impact: u8,
    /// 1–5.
    pub effort: u8,
    /// Dot votes.
    pub votes: u32,
    /// Sum of severity × votes of the pain points it addresses: the ranking.
    pub pain_score: u64,
    /// Texts of the pain points it addresses.
    pub addresses: Vec<String>,
}

fn place(map: &JourneyMap, card: &Card) -> (String, String) {
    map.steps()
        .find(|(_, s)| s.id == card.step)
        .map(|(stage, step)| (stage.name.clone(), step.name.clone()))
        .unwrap_or_default()
}

fn pain_score(severity: u8, votes: u32) -> u64 {
    u64::from(severity) * u64::from(votes)
}

/// The label of a status.
pub fn status_label(status: PainStatus) -> &'static str {
    match status {
        PainStatus::Open => "open",
        PainStatus::InProgress => "in progress",
        PainStatus::Fixed => "fixed",
    }
}

/// Every pain point, highest severity × votes first (ties: higher severity, then map order).
pub fn pain_rows(map: &JourneyMap) -> Vec<PainRow> {
    let mut rows = pain_rows_in_map_order(map);
    // A stable sort keeps map order among equals, so the report is deterministic.
    rows.sort_by(|a, b| b.score.cmp(&a.score).then(b.severity.cmp(&a.severity)));
    rows
}

/// Every pain point in map order (the order of [`JourneyMap::pain_points`]), unranked: for
/// views such as the review table that sort the rows themselves.
pub fn pain_rows_in_map_order(map: &JourneyMap) -> Vec<PainRow> {
    map.pain_points()
        .map(|(card, pain)| {
            let (stage, step) = place(map, card);
            let evidence = pain
                .evidence
                .iter()
                .map(|e| match e {
                    Evidence::Text(t) | Evidence::Link(t) => t.clone(),
                    Evidence::Metric(id) => map
                        .card(id)
                        .map_or_else(|| id.to_string(), |c| c.text.clone()),
                    Evidence::Measured { card, metric } => {
                        super::overlay::measured_text(map, card, *metric)
                    }
                })
                .collect();
            let opportunities = map
                .opportunities()
                .filter(|(_, o)| o.addresses.contains(&card.id))
                .map(|(c, _)| c.text.clone())
                .collect();
            PainRow {
                id: card.id.to_string(),
                stage,
                step,
                text: card.text.clone(),
                severity: pain.severity,
                votes: pain.votes,
                score: pain_score(pain.severity, pain.votes),
                evidence,
                status: pain.status,
                owner: pain.owner.clone(),
                opportunities,
            }
        })
        .collect()
}

/// Every opportunity, the one addressing the most pain first (ties: more impact, less effort,
/// more votes, then map order).
pub fn opportunity_rows(map: &JourneyMap) -> Vec<OpportunityRow> {
    let mut rows: Vec<OpportunityRow> = map
        .opportunities()
        .map(|(card, opp)| {
            let (stage, step) = place(map, card);
            let addressed: Vec<&Card> =
                opp.addresses.iter().filter_map(|id| map.card(id)).collect();
            let pain_score_sum = addressed
                .iter()
                .filter_map(|c| c.pain.as_ref())
                .map(|p| pain_score(p.severity, p.votes))
                .sum();
            OpportunityRow {
                id: card.id.to_string(),
                stage,
                step,
                text: card.text.clone(),
                impact: opp.impact,
                effort: opp.effort,
                votes: opp.votes,
                pain_score: pain_score_sum,
                addresses: addressed.iter().map(|c| c.text.clone()).collect(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.pain_score
            .cmp(&a.pain_score)
            .then(b.impact.cmp(&a.impact))
            .then(a.effort.cmp(&b.effort))
            .then(b.votes.cmp(&a.votes))
    });
    rows
}

/// A Markdown table cell: no pipes or line breaks may escape it.
fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

fn md_list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| md_cell(i))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A Markdown table: a `#` column numbering the rows, `headers` after it (the first `numeric`
/// of them right-aligned), one line per row of cells (already escaped).
fn write_md_table(
    out: &mut String,
    headers: &[&str],
    numeric: usize,
    rows: impl Iterator<Item = Vec<String>>,
) {
    let _ = writeln!(out, "| # | {} |", headers.join(" | "));
    let align: Vec<&str> = (0..headers.len())
        .map(|i| if i < numeric { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "|---:|{}|", align.join("|"));
    for (i, cells) in rows.enumerate() {
        let _ = writeln!(out, "| {} | {} |", i + 1, cells.join(" | "));
    }
}

/// The pain-point table in Markdown, rows numbered in the given order.
fn write_pain_table(out: &mut String, rows: &[PainRow]) {
    let headers = [
        "Score",
        "Severity",
        "Votes",
        "Stage",
        "Step",
        "Pain point",
        "Evidence",
        "Status",
        "Owner",
        "Opportunities",
    ];
    let cells = rows.iter().map(|r| {
        vec![
            r.score.to_string(),
            r.severity.to_string(),
            r.votes.to_string(),
            md_cell(&r.stage),
            md_cell(&r.step),
            md_cell(&r.text),
            md_list(&r.evidence),
            status_label(r.status).to_string(),
            md_cell(&r.owner),
            md_list(&r.opportunities),
        ]
    });
    write_md_table(out, &headers, 3, cells);
}

/// Some pain points as a Markdown table, in the given order (the review table's export).
/// Headings are in English whatever the UI language, like the rest of the report, so a
/// document pasted together from several exports stays consistent.
pub fn pains_markdown(rows: &[PainRow]) -> String {
    let mut out = String::new();
    write_pain_table(&mut out, rows);
    out
}

/// The byte order mark that starts a CSV file for Excel: without it, Excel on Windows reads
/// the file in the local code page and shows Vietnamese as mojibake.
pub const UTF8_BOM: &str = "\u{feff}";

/// A CSV cell that a spreadsheet will show as text, never run as a formula (the OWASP advice
/// on CSV injection): text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`, which the spreadsheet hides. Plain numbers such as `-2` or `+3` stay as
/// they are. The CSV writer quotes the cell where needed.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `-2`, `+3`, `-1.5`: an optional sign, digits, and optionally a point and more digits.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && (fraction.is_empty() != digits.contains('.'))
}

/// Writes the records as CSV, each cell through [`csv_cell`], with [`UTF8_BOM`] first when
/// `bom` is set.
pub fn write_csv<I, R, C>(records: I, bom: bool) -> Result<String, csv::Error>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut w = csv::Writer::from_writer(Vec::new());
    for record in records {
        let cells: Vec<String> = record
            .into_iter()
            .map(|cell| csv_cell(cell.as_ref()).into_owned())
            .collect();
        w.write_record(&cells)?;
    }
    let bytes = w.into_inner().map_err(csv::IntoInnerError::into_error)?;
    let mut out = String::with_capacity(bytes.len() + UTF8_BOM.len());
    if bom {
        out.push_str(UTF8_BOM);
    }
    out.push_str(&String::from_utf8_lossy(&bytes));
    Ok(out)
}

/// Some pain points as CSV (RFC 4180, UTF-8, with a byte order mark when `bom` is set), in the
/// given order (the review table's export): one row per pain point, lists joined with `; `.
/// Cells go through [`csv_cell`].
pub fn pains_csv(rows: &[PainRow], bom: bool) -> String {
    let mut records: Vec<[String; 12]> = vec![
        [
            "rank",
            "id",
            "stage",
            "step",
            "text",
            "severity",
            "votes",
            "score",
            "evidence",
            "opportunities",
            "status",
            "owner",
        ]
        .map(str::to_owned),
    ];
    records.extend(rows.iter().enumerate().map(|(i, r)| {
        [
            (i + 1).to_string(),
            r.id.clone(),
            r.stage.clone(),
            r.step.clone(),
            r.text.clone(),
            r.severity.to_string(),
            r.votes.to_string(),
            r.score.to_string(),
            r.evidence.join("; "),
            r.opportunities.join("; "),
            status_label(r.status).to_owned(),
            r.owner.clone(),
        ]
    }));
    match write_csv(records, bom) {
        Ok(text) => text,
        // Writing fixed-length records into a Vec cannot fail: there is no I/O.
        Err(err) => unreachable!("CSV into memory: {err}"),
    }
}

/// The review as Markdown: a title, then a table of pain points and one of opportunities.
pub fn to_markdown(map: &JourneyMap) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Pain points and opportunities: {}\n",
        md_cell(&map.title)
    );
    if !map.persona.name.is_empty() {
        let _ = writeln!(
            out,
            "Persona: {} {} · {}\n",
            map.persona.avatar,
            md_cell(&map.persona.name),
            md_cell(&map.persona.segment)
        );
    }
    let pains = pain_rows(map);
    let _ = writeln!(
        out,
        "## Pain points ({}), ranked by severity × votes\n",
        pains.len()
    );
    write_pain_table(&mut out, &pains);
    let opps = opportunity_rows(map);
    let _ = writeln!(
        out,
        "\n## Opportunities ({}), ranked by the pain they address\n",
        opps.len()
    );
    let headers = [
        "Pain addressed",
        "Impact",
        "Effort",
        "Votes",
        "Stage",
        "Step",
        "Opportunity",
        "Addresses",
    ];
    let cells = opps.iter().map(|r| {
        vec![
            r.pain_score.to_string(),
            r.impact.to_string(),
            r.effort.to_string(),
            r.votes.to_string(),
            md_cell(&r.stage),
            md_cell(&r.step),
            md_cell(&r.text),
            md_list(&r.addresses),
        ]
    });
    write_md_table(&mut out, &headers, 4, cells);
    out
}

/// The review as CSV (RFC 4180, UTF-8, with a byte order mark when `bom` is set): one row per
/// pain point, then one per opportunity, with a `kind` column, ready for a spreadsheet or a
/// backlog import. Cells go through [`csv_cell`].
pub fn to_csv(map: &JourneyMap, bom: bool) -> Result<String, csv::Error> {
    let mut records: Vec<Vec<String>> = vec![
        [
            "kind", "rank", "id", "stage", "step", "text", "severity", "votes", "score", "impact",
            "effort", "status", "owner", "evidence", "links",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for (i, r) in pain_rows(map).iter().enumerate() {
        records.push(vec![
            "pain point".to_owned(),
            (i + 1).to_string(),
            r.id.clone(),
            r.stage.clone(),
            r.step.clone(),
            r.text.clone(),
            r.severity.to_string(),
            r.votes.to_string(),
            r.score.to_string(),
            String::new(),
            String::new(),
            status_label(r.status).to_owned(),
            r.owner.clone(),
            r.evidence.join("; "),
            r.opportunities.join("; "),
        ]);
    }
    for (i, r) in opportunity_rows(map).iter().enumerate() {
        records.push(vec![
            "opportunity".to_owned(),
            (i + 1).to_string(),
            r.id.clone(),
            r.stage.clone(),
            r.step.clone(),
            r.text.clone(),
            String::new(),
            r.votes.to_string(),
            r.pain_score.to_string(),
            r.impact.to_string(),
            r.effort.to_string(),
            String::new(),
            String::new(),
            String::new(),
            r.addresses.join("; "),
        ]);
    }
    write_csv(records, bom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synth::{SynthSize, synth_map};

    #[test]
    fn pain_points_are_ranked_by_severity_times_votes() {
        let map = synth_map(SynthSize {
            stages: 4,
            steps: 6,
            lanes: 8,
            cards: 120,
        });
        let rows = pain_rows(&map);
        assert_eq!(rows.len(), map.pain_points().count());
        assert!(rows.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn the_review_exports_match_the_report() {
        let map = synth_map(SynthSize {
            stages: 3,
            steps: 5,
            lanes: 6,
            cards: 60,
        });
        let rows = pain_rows(&map);
        assert!(to_markdown(&map).contains(&pains_markdown(&rows)));
        let csv = pains_csv(&rows, false);
        assert_eq!(csv.lines().count(), rows.len() + 1);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let ids: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
        assert_eq!(ids, rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(md_cell("a|b\nc"), "a\\|b<br>c");
    }

    #[test]
    fn csv_quotes_commas_and_quotes() {
        let mut map = JourneyMap::new("x");
        map.stages.push(crate::model::Stage {
            id: crate::model::Id::new("s1"),
            name: "A, \"B\"".into(),
            color: None,
            steps: vec![crate::model::Step {
                id: crate::model::Id::new("st2"),
                name: String::new(),
            }],
        });
        map.lanes.push(crate::model::Lane {
            id: crate::model::Id::new("l3"),
            name: "P".into(),
            kind: crate::model::LaneKind::PainPoints,
        });
        let mut card = Card::new(
            crate::model::Id::new("c4"),
            crate::model::Id::new("st2"),
            crate::model::Id::new("l3"),
            "Phí ship, cao",
        );
        card.pain = Some(crate::model::PainPoint {
            severity: 4,
            votes: 2,
            evidence: vec![],
            status: PainStatus::Open,
            owner: String::new(),
            anchor: None,
        });
        map.cards.push(card);
        let csv = to_csv(&map, false).unwrap();
        assert!(csv.contains("\"A, \"\"B\"\"\""), "{csv}");
        assert!(csv.contains("\"Phí ship, cao\""), "{csv}");
    }

    #[test]
    fn cells_that_would_run_as_formulas_are_neutralised() {
        for (cell, shown) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-", "'-"),
            ("-2", "-2"),
            ("+3", "+3"),
            ("-1.5", "-1.5"),
            ("-1.", "'-1."),
            ("Phí ship = 30k", "Phí ship = 30k"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(cell), shown, "{cell:?}");
        }
    }

    #[test]
    fn csv_starts_with_a_bom_unless_asked_not_to() {
        let map = synth_map(SynthSize {
            stages: 2,
            steps: 3,
            lanes: 4,
            cards: 20,
        });
        let with = to_csv(&map, true).unwrap();
        let without = to_csv(&map, false).unwrap();
        assert_eq!(with.strip_prefix(UTF8_BOM), Some(without.as_str()));
        assert!(without.starts_with("kind,rank,"), "{without}");
        let rows = pain_rows(&map);
        assert!(pains_csv(&rows, true).starts_with("\u{feff}rank,"));
    }
}

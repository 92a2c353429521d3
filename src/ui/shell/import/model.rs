//! What the import dialog knows, without egui and without threads: the data file, the
//! settings the user chose over the detection, the preview they give, what is missing before
//! the import can run, and after a read the unmatched touchpoints and what the user decided
//! for each; in the end the one command that adds it all to the map.
//!
//! Every change of a setting runs [`preview`] again (it reads only the head of the file). A
//! column chosen by its header name that the file does not have (another export, another
//! header row) is forgotten, and its role guessed again; [`ImportState::dropped`] says which.

use crate::analysis::matching::touchpoint_cards;
use crate::edit::EditCommand;
use crate::import::{ImportError, Imported, Input, Preview, Shape, preview};
use crate::model::{Id, ImportSettings, JourneyMap, Role, value_key};

/// Where the dialog is.
#[derive(Debug)]
pub enum Phase {
    /// Choosing the settings and the columns; `notice` is what the last run ended with
    /// (cancelled, or the error that stopped it).
    Mapping {
        /// The last run's end, if it did not succeed.
        notice: Option<ImportError>,
    },
    /// The file is being read (the job lives with the dialog).
    Running {
        /// Cancel was clicked: whatever the read returns is dropped.
        cancelled: bool,
    },
    /// Read: the summary, and the unmatched touchpoints to assign.
    Review(Box<Review>),
}

/// What the user decided for one data touchpoint value no card matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Leave it unmatched (it stays in the list of the next import).
    Leave,
    /// Tie it to this touchpoint card (saved as an alias).
    Card(Id),
    /// Ignore it from now on.
    Ignore,
}

/// A finished read, before anything changes in the map.
#[derive(Debug)]
pub struct Review {
    /// The numbers, the summary and the matching.
    pub imported: Imported,
    /// Each unmatched value with the user's decision, in the order of the matching.
    pub decisions: Vec<(String, Decision)>,
}

impl Review {
    /// A review of `imported`, every unmatched value left as it is.
    pub fn new(imported: Imported) -> Self {
        let decisions = (imported.matching.unmatched.iter())
            .map(|v| (v.clone(), Decision::Leave))
            .collect();
        Self {
            imported,
            decisions,
        }
    }

    /// Sets the decision for `value`.
    pub fn decide(&mut self, value: &str, decision: Decision) {
        if let Some((_, d)) = self.decisions.iter_mut().find(|(v, _)| v == value) {
            *d = decision;
        }
    }

    /// The touchpoint values with a card: matched by the map, or assigned here.
    pub fn matched_count(&self) -> usize {
        let assigned = (self.decisions.iter())
            .filter(|(_, d)| matches!(d, Decision::Card(_)))
            .count();
        self.imported.matching.matched.len() + assigned
    }

    /// The snapshot as it will be added: the assigned values carry their card.
    pub fn snapshot(&self) -> crate::model::MetricSnapshot {
        let mut snapshot = self.imported.snapshot.clone();
        for (value, decision) in &self.decisions {
            if let Decision::Card(card) = decision {
                let key = value_key(value);
                for t in &mut snapshot.touchpoints {
                    if value_key(&t.value) == key {
                        t.card = Some(card.clone());
                    }
                }
            }
        }
        snapshot
    }

    /// The one command that adds the import to the map (one undo step): the snapshot (which
    /// also saves its mapping for the next import), an alias for each assigned value and the
    /// ignored values.
    pub fn command(&self) -> EditCommand {
        let mut commands = vec![EditCommand::AddMetricSnapshot(Box::new(self.snapshot()))];
        for (value, decision) in &self.decisions {
            match decision {
                Decision::Card(card) => commands.push(EditCommand::SetAlias {
                    value: value.clone(),
                    card: card.clone(),
                }),
                Decision::Ignore => commands.push(EditCommand::SetIgnored {
                    value: value.clone(),
                    ignored: true,
                }),
                Decision::Leave => {}
            }
        }
        EditCommand::Batch(commands)
    }
}

/// A change the user made this frame; applied after drawing, so the preview is never
/// replaced while it is being drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Read a role from a column (its index in the headers), or from none.
    Role(Role, Option<usize>),
    /// The header's line, or detect it.
    HeaderRow(Option<u32>),
    /// The encoding's label, or detect it.
    Encoding(Option<String>),
    /// The delimiter, or detect it.
    Delimiter(Option<char>),
    /// The workbook's sheet.
    Sheet(Option<String>),
    /// Dates month first.
    MonthFirst(bool),
    /// What to do with an unmatched touchpoint value.
    Decide(String, Decision),
}

/// Why the import cannot run yet.
#[derive(Debug)]
pub enum Blocker<'a> {
    /// The file cannot be previewed.
    Error(&'a ImportError),
    /// Raw events need these roles' columns (customer, touchpoint).
    Missing(Vec<Role>),
}

/// The dialog's state apart from its widgets and the running job.
#[derive(Debug)]
pub struct ImportState {
    /// The data file.
    pub input: Input,
    /// The settings as chosen: the map's saved ones, then the user's changes.
    pub settings: ImportSettings,
    /// What the settings give.
    pub preview: Result<Preview, ImportError>,
    /// Columns the settings named that the file does not have (forgotten, guessed again).
    pub dropped: Vec<(Role, String)>,
    /// The settings came from the map's last import.
    pub from_saved: bool,
    /// Where the dialog is.
    pub phase: Phase,
}

impl ImportState {
    /// The dialog for `input`, starting from the mapping `saved` with the map's last import.
    pub fn new(input: Input, saved: Option<&ImportSettings>) -> Self {
        let mut state = Self {
            input,
            settings: saved.cloned().unwrap_or_default(),
            preview: Err(ImportError::NoRows),
            dropped: Vec::new(),
            from_saved: saved.is_some(),
            phase: Phase::Mapping { notice: None },
        };
        state.refresh();
        state
    }

    /// Runs the preview again with the settings. A column named for a role that the file's
    /// header lacks is forgotten (the role is guessed again) and listed in `dropped`.
    pub fn refresh(&mut self) {
        for _ in 0..=Role::ALL.len() {
            match preview(&self.input, &self.settings) {
                Err(ImportError::UnknownColumn { role, column }) => {
                    self.settings.columns.retain(|(r, _)| *r != role);
                    self.dropped.retain(|(r, _)| *r != role);
                    self.dropped.push((role, column));
                }
                result => {
                    self.preview = result;
                    return;
                }
            }
        }
    }

    /// The saved mapping fits this file as it is: every column it names is there and
    /// nothing is missing, so the import can run without asking.
    pub fn saved_mapping_fits(&self) -> bool {
        self.from_saved && self.dropped.is_empty() && self.blocker().is_none()
    }

    /// What keeps the import from running, if anything.
    pub fn blocker(&self) -> Option<Blocker<'_>> {
        let preview = match &self.preview {
            Ok(preview) => preview,
            Err(err) => return Some(Blocker::Error(err)),
        };
        if preview.shape != Shape::Unknown {
            return None;
        }
        let missing: Vec<Role> = [Role::Customer, Role::Touchpoint]
            .into_iter()
            .filter(|r| preview.column_of(*r).is_none())
            .collect();
        Some(Blocker::Missing(if missing.is_empty() {
            vec![Role::Customer, Role::Touchpoint]
        } else {
            missing
        }))
    }

    /// The column read for `role`, by its index in the headers.
    pub fn column_of(&self, role: Role) -> Option<usize> {
        self.preview.as_ref().ok().and_then(|p| p.column_of(role))
    }

    /// Reads `role` from the column at `column` of the headers, or from none.
    pub fn set_role(&mut self, role: Role, column: Option<usize>) {
        let name = match (column, &self.preview) {
            (Some(c), Ok(preview)) => preview.headers.get(c).cloned().unwrap_or_default(),
            _ => String::new(),
        };
        self.settings.columns.retain(|(r, _)| *r != role);
        self.settings.columns.push((role, name));
        self.settings.columns.sort_by_key(|(r, _)| *r);
        self.edited();
    }

    /// Reads the header from line `line` (1-based), or detects it (`None`).
    pub fn set_header_row(&mut self, line: Option<u32>) {
        self.settings.header_row = line.map(|l| l.max(1));
        self.edited();
    }

    /// Reads the text in `encoding` (a WHATWG label), or detects it (`None`).
    pub fn set_encoding(&mut self, encoding: Option<String>) {
        self.settings.encoding = encoding;
        self.edited();
    }

    /// Splits fields at `delimiter`, or detects it (`None`).
    pub fn set_delimiter(&mut self, delimiter: Option<char>) {
        self.settings.delimiter = delimiter;
        self.edited();
    }

    /// Reads the workbook's sheet `sheet` (`None`: the first).
    pub fn set_sheet(&mut self, sheet: Option<String>) {
        self.settings.sheet = sheet;
        self.edited();
    }

    /// Reads dates like 03/04/2026 month first.
    pub fn set_month_first(&mut self, month_first: bool) {
        self.settings.month_first = month_first;
        self.edited();
    }

    /// Applies one change the user made.
    pub fn change(&mut self, change: Change) {
        match change {
            Change::Role(role, column) => self.set_role(role, column),
            Change::HeaderRow(line) => self.set_header_row(line),
            Change::Encoding(encoding) => self.set_encoding(encoding),
            Change::Delimiter(delimiter) => self.set_delimiter(delimiter),
            Change::Sheet(sheet) => self.set_sheet(sheet),
            Change::MonthFirst(on) => self.set_month_first(on),
            Change::Decide(value, decision) => {
                if let Phase::Review(review) = &mut self.phase {
                    review.decide(&value, decision);
                }
            }
        }
    }

    /// A setting changed: preview again, and forget the last run's notice.
    fn edited(&mut self) {
        self.refresh();
        if let Phase::Mapping { notice } = &mut self.phase {
            *notice = None;
        }
    }

    /// The file's name, without its folder.
    pub fn file_name(&self) -> String {
        self.input.name()
    }
}

/// The touchpoint cards a value can be assigned to: (id, first line of the text).
pub fn card_choices(map: &JourneyMap) -> Vec<(Id, String)> {
    touchpoint_cards(map)
        .map(|c| {
            let first = c.text.lines().next().unwrap_or_default().trim();
            (c.id.clone(), first.to_owned())
        })
        .collect()
}

/// A byte count for people: `512 B`, `12.3 KB`, `1.0 GB` (powers of 1000, as file managers
/// show them).
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 999.95 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Progress, import_snapshot};
    use crate::model::testing::zalo_oa_map;

    fn input(text: &str) -> Input {
        Input::Bytes {
            name: "xuất.csv".to_owned(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    const EVENTS: &str =
        "Báo cáo CRM\n\nMã khách hàng;Điểm chạm;NPS\nKH1;Zalo OA;9\nKH2;Quầy lạ;4\n";

    #[test]
    fn detects_the_header_under_a_title_block_and_lets_the_user_move_it() {
        let mut state = ImportState::new(input(EVENTS), None);
        let preview = state.preview.as_ref().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(preview.detected.header_row, 3);
        assert_eq!(preview.above, [(1, vec!["Báo cáo CRM".to_owned()])]);
        assert_eq!(preview.row_lines, [4, 5]);
        assert_eq!(state.column_of(Role::Nps), Some(2));
        assert!(state.blocker().is_none());
        // The title line as the header: nothing is known about the columns.
        state.set_header_row(Some(1));
        let preview = state.preview.as_ref().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(preview.headers, ["Báo cáo CRM"]);
        assert!(matches!(
            state.blocker(),
            Some(Blocker::Missing(roles)) if roles == [Role::Customer, Role::Touchpoint]
        ));
        state.set_header_row(None);
        assert!(state.blocker().is_none());
    }

    #[test]
    fn a_role_set_to_none_stays_none_and_a_missing_one_blocks() {
        let mut state = ImportState::new(input(EVENTS), None);
        state.set_role(Role::Nps, None);
        assert_eq!(state.column_of(Role::Nps), None);
        assert_eq!(state.settings.columns, [(Role::Nps, String::new())]);
        // Without a customer, a touchpoint and a metric column read as a wide table.
        state.set_role(Role::Customer, None);
        assert!(matches!(
            state.preview.as_ref().map(|p| &p.shape),
            Ok(Shape::Wide { .. })
        ));
        state.set_role(Role::Touchpoint, None);
        assert!(matches!(
            state.blocker(),
            Some(Blocker::Missing(roles)) if roles == [Role::Customer, Role::Touchpoint]
        ));
        state.set_role(Role::Customer, Some(0));
        assert!(matches!(
            state.blocker(),
            Some(Blocker::Missing(roles)) if roles == [Role::Touchpoint]
        ));
        state.set_role(Role::Touchpoint, Some(1));
        assert!(state.blocker().is_none());
        assert_eq!(state.column_of(Role::Customer), Some(0));
    }

    #[test]
    fn a_saved_mapping_fits_the_same_export_and_is_dropped_for_another() {
        let saved = ImportSettings {
            columns: vec![
                (Role::Customer, "Mã khách hàng".to_owned()),
                (Role::Touchpoint, "Điểm chạm".to_owned()),
                (Role::Nps, String::new()),
            ],
            ..ImportSettings::default()
        };
        let state = ImportState::new(input(EVENTS), Some(&saved));
        assert!(state.saved_mapping_fits());
        assert_eq!(state.column_of(Role::Nps), None);
        // Another export: its customer column has another name; guessed again, and said.
        let other = "user_id;Điểm chạm\nu1;Zalo OA\n";
        let state = ImportState::new(input(other), Some(&saved));
        assert_eq!(
            state.dropped,
            [(Role::Customer, "Mã khách hàng".to_owned())]
        );
        assert!(!state.saved_mapping_fits());
        assert_eq!(state.column_of(Role::Customer), Some(0));
        assert!(state.blocker().is_none());
    }

    #[test]
    fn an_unreadable_file_blocks_with_its_error() {
        let state = ImportState::new(
            Input::Bytes {
                name: "ảnh.png".to_owned(),
                bytes: vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3, 0, 0],
            },
            None,
        );
        assert!(matches!(
            state.blocker(),
            Some(Blocker::Error(ImportError::Binary { .. }))
        ));
    }

    #[test]
    fn assigning_and_ignoring_unmatched_values_makes_one_command() {
        let map = zalo_oa_map();
        let state = ImportState::new(input(EVENTS), None);
        let imported = import_snapshot(
            &map,
            &state.input,
            state.settings.clone(),
            "2026-11-30",
            &Progress::new(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut review = Review::new(imported);
        assert_eq!(review.decisions, [("Quầy lạ".to_owned(), Decision::Leave)]);
        let before = review.matched_count();
        let cards = card_choices(&map);
        let (card, _) = cards.last().cloned().unwrap_or_else(|| panic!("no cards"));
        review.decide("Quầy lạ", Decision::Card(card.clone()));
        assert_eq!(review.matched_count(), before + 1);
        let snapshot = review.snapshot();
        let assigned = snapshot.touchpoints.iter().find(|t| t.value == "Quầy lạ");
        assert_eq!(assigned.and_then(|t| t.card.clone()), Some(card.clone()));
        let EditCommand::Batch(commands) = review.command() else {
            panic!("not one step");
        };
        assert!(matches!(commands[0], EditCommand::AddMetricSnapshot(_)));
        assert_eq!(
            commands[1],
            EditCommand::SetAlias {
                value: "Quầy lạ".to_owned(),
                card
            }
        );
        review.decide("Quầy lạ", Decision::Ignore);
        let EditCommand::Batch(commands) = review.command() else {
            panic!("not one step");
        };
        assert_eq!(
            commands[1],
            EditCommand::SetIgnored {
                value: "Quầy lạ".to_owned(),
                ignored: true
            }
        );
        // The none chosen for NPS is saved with the mapping.
        let mut state = state;
        state.set_role(Role::Nps, None);
        let imported = import_snapshot(
            &map,
            &state.input,
            state.settings.clone(),
            "2026-11-30",
            &Progress::new(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            imported
                .snapshot
                .settings
                .columns
                .contains(&(Role::Nps, String::new()))
        );
    }

    #[test]
    fn bytes_read_like_a_file_manager() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(12_345_678), "12.3 MB");
        assert_eq!(human_bytes(1_000_000_000), "1.0 GB");
        assert_eq!(human_bytes(999_999), "1.0 MB");
    }
}

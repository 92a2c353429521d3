//! The reader of customer-data exports: CSV/TSV text in any common encoding and Excel or
//! `OpenDocument` workbooks, raw events or pre-aggregated tables, however messy. Two calls:
//!
//! 1. [`preview`]: what was detected (encoding, delimiter, header row, sheet), the headers,
//!    the first data rows, a guess of each column's role and the kind of table; the mapping
//!    dialog and `journeymap import` show it, and the user's choices go back in as
//!    [`ImportSettings`] (which override every detection).
//! 2. [`read`]: every data row, handed one at a time to a callback as an [`EventRow`] (borrowed,
//!    nothing allocated per row for text files) or an [`AggregateRow`], with progress and
//!    cancel through a shared [`Progress`]. Rows that are short, long or hold an unusable
//!    value are skipped and reported ([`Skips`]); only an unreadable file stops the read.
//!
//! Memory does not grow with a text file's size: it is streamed, and a record longer than
//! 1 MiB stops the read with a clear error (a binary file, a quote never closed). A workbook
//! is read whole by `calamine`, as spreadsheets are.
//!
//! No maths here (`crate::analysis::metrics::Aggregator` does it), no egui, no map.

mod delimited;
mod problems;
mod roles;
mod rows;
mod snapshot;
mod sniff;
mod text;
mod typed;
mod values;
mod workbook;

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

pub use delimited::Threads;
pub use problems::{ImportError, Skip, SkipCount, SkipReason, Skips};
pub use roles::{Shape, fold, guess_roles, role_named};
pub use snapshot::{Imported, import_snapshot};
pub use text::RECORD_LIMIT;
pub use typed::{TypedError, parse_target};
pub use values::{
    TimeNumbers, ValueOptions, parse_flag, parse_number, parse_period, parse_timestamp,
};

use crate::analysis::metrics::{AggregateRow, EventRow};
use crate::model::{DataSource, ImportSettings, Role};

use rows::{AggregateColumns, AggregateForm, EventColumns};

/// How many data rows a preview shows.
pub const PREVIEW_ROWS: usize = 20;

/// The export to read: a file, or bytes already in memory (tests, a drop, the fuzzer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    Path(PathBuf),
    /// Bytes with the name they are known by.
    Bytes {
        /// The file name (shown, and stored as the data source's name).
        name: String,
        /// The file's bytes.
        bytes: Vec<u8>,
    },
}

impl Input {
    /// The file name, without its folder.
    pub fn name(&self) -> String {
        match self {
            Input::Path(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Input::Bytes { name, .. } => name.clone(),
        }
    }

    fn open(&self) -> Result<Box<dyn Read + Send + '_>, ImportError> {
        match self {
            Input::Path(path) => Ok(Box::new(File::open(path).map_err(|e| self.read_error(e))?)),
            Input::Bytes { bytes, .. } => Ok(Box::new(bytes.as_slice())),
        }
    }

    fn size(&self) -> Result<u64, ImportError> {
        match self {
            Input::Path(path) => Ok(std::fs::metadata(path)
                .map_err(|e| self.read_error(e))?
                .len()),
            Input::Bytes { bytes, .. } => Ok(bytes.len() as u64),
        }
    }

    fn read_error(&self, source: std::io::Error) -> ImportError {
        ImportError::Read {
            file: self.name(),
            source,
        }
    }
}

/// Progress of a running read, shared with the thread that shows it: bytes read of the total,
/// and a cancel flag the reader checks every few thousand rows.
#[derive(Debug, Default)]
pub struct Progress {
    read: AtomicU64,
    total: AtomicU64,
    cancel: AtomicBool,
}

impl Progress {
    /// Nothing read, not cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// Bytes of the file read so far.
    pub fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }

    /// The file's size in bytes (0 until the read starts).
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// How far the read is, 0–1.
    pub fn fraction(&self) -> f32 {
        let total = self.total();
        if total == 0 {
            0.0
        } else {
            (self.bytes_read() as f64 / total as f64).min(1.0) as f32
        }
    }

    /// Asks the read to stop; it returns [`ImportError::Cancelled`] soon after.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether [`Progress::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn add_read(&self, bytes: u64) {
        self.read.fetch_add(bytes, Ordering::Relaxed);
    }

    fn set_read(&self, bytes: u64) {
        self.read.store(bytes, Ordering::Relaxed);
    }

    fn start(&self, total: u64) {
        self.read.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }
}

/// What kind of file an export is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Delimited text (CSV, TSV…).
    Text,
    /// A workbook (`.xlsx`, `.xls`, `.xlsb`, `.ods`).
    Workbook,
}

/// How the file is read: detected, or as the settings said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detected {
    /// Text or workbook.
    pub kind: SourceKind,
    /// The text encoding's name (`UTF-8`, `UTF-16LE`, `windows-1258`…); `None` for a workbook.
    pub encoding: Option<&'static str>,
    /// Whether the text began with a byte-order mark.
    pub bom: bool,
    /// The field delimiter; `None` for a workbook.
    pub delimiter: Option<char>,
    /// The 1-based line (sheet row in a workbook) of the header.
    pub header_row: u32,
    /// The sheets of a workbook, in order.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: Option<String>,
    /// What bare numbers in the timestamp column of a text file mean.
    pub time_numbers: TimeNumbers,
    /// The dates can only be month first (a hint: the setting decides).
    pub month_first_likely: bool,
}

/// What the mapping dialog shows before anything is imported.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// How the file is read.
    pub detected: Detected,
    /// The header row's names (trimmed, NFC), up to its last filled cell.
    pub headers: Vec<String>,
    /// The first [`PREVIEW_ROWS`] data rows, cells as written (trimmed, NFC).
    pub rows: Vec<Vec<String>>,
    /// The 1-based line (sheet row) of each of [`Preview::rows`].
    pub row_lines: Vec<u64>,
    /// The filled rows above the header (a title block), with their lines: at most
    /// [`PREVIEW_ROWS`], the last ones, so the user can pick another header row.
    pub above: Vec<(u64, Vec<String>)>,
    /// Each role's column as guessed from the headers, in the order of [`Role::ALL`].
    pub guessed: Vec<(Role, usize)>,
    /// Each role's column as it will be read: the guesses, overridden by the settings.
    pub mapping: Vec<(Role, usize)>,
    /// What kind of table it is, with [`Preview::mapping`].
    pub shape: Shape,
}

impl Preview {
    /// The mapping as the settings store it (role → header as written), for
    /// [`ImportSettings::columns`].
    pub fn columns(&self) -> Vec<(Role, String)> {
        self.mapping
            .iter()
            .map(|(role, c)| (*role, self.headers.get(*c).cloned().unwrap_or_default()))
            .collect()
    }

    /// The column of a role, if it has one.
    pub fn column_of(&self, role: Role) -> Option<usize> {
        self.mapping
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, c)| *c)
    }
}

/// One row handed to [`read`]'s callback.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Row<'a> {
    /// A row of raw events.
    Event(&'a EventRow<'a>),
    /// A value of a pre-aggregated table (a wide row gives one per filled metric column).
    Aggregate(&'a AggregateRow),
}

/// What a whole read found.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadSummary {
    /// The file's facts: name, size, hash (XXH3-128, hex), rows read (every data row, the
    /// skipped ones included) and skipped. `imported` is left for the caller to date.
    pub source: DataSource,
    /// How it was read.
    pub detected: Detected,
    /// The columns read, by role.
    pub mapping: Vec<(Role, usize)>,
    /// The headers.
    pub headers: Vec<String>,
    /// What kind of table it was.
    pub shape: Shape,
    /// The rows skipped, with reasons.
    pub skips: Skips,
}

/// What both calls work from: the detection, the headers and the mapping.
struct Plan {
    preview: Preview,
    options: ValueOptions,
    width: usize,
    /// A text file's encoding (`None` for a workbook).
    encoding: Option<text::TextEncoding>,
}

/// Detects how to read `input` (with `settings` overriding any detection) and shows its first
/// rows.
pub fn preview(input: &Input, settings: &ImportSettings) -> Result<Preview, ImportError> {
    plan(input, settings).map(|p| p.preview)
}

/// Reads every data row of `input` as `settings` and the detection say, handing each to
/// `on_row`. Rows that cannot be used are skipped and reported in the summary. Fails when the
/// file cannot be read, is not a table of customer data (raw events need a customer and a
/// touchpoint column), or `progress` was cancelled.
pub fn read(
    input: &Input,
    settings: &ImportSettings,
    progress: &Progress,
    on_row: impl FnMut(Row<'_>),
) -> Result<ReadSummary, ImportError> {
    read_with(input, settings, progress, Threads::Auto, on_row)
}

/// [`read`], with the reading of a text file spread over threads as `threads` says (the rows
/// and the summary are the same either way; `on_row` is called on the calling thread).
pub fn read_with(
    input: &Input,
    settings: &ImportSettings,
    progress: &Progress,
    threads: Threads,
    mut on_row: impl FnMut(Row<'_>),
) -> Result<ReadSummary, ImportError> {
    let plan = plan(input, settings)?;
    let kind = read_kind(&plan.preview)?;
    let total = input.size()?;
    progress.start(total);
    let mut skips = Skips::default();
    let job = Job {
        headers: &plan.preview.headers,
        width: plan.width,
        header_line: u64::from(plan.preview.detected.header_row),
        options: plan.options,
        kind: &kind,
        progress,
    };
    let (rows_read, hash) = match plan.preview.detected.kind {
        SourceKind::Text => {
            let delimiter = plan.preview.detected.delimiter.map_or(b',', |c| c as u8);
            let found = plan.encoding.unwrap_or(text::TextEncoding {
                encoding: encoding_rs::UTF_8,
                bom: 0,
            });
            delimited::read(
                input.open()?,
                found,
                delimiter,
                (&job, threads),
                &mut skips,
                &mut on_row,
            )
            .map_err(|e| with_file(e, input))?
        }
        SourceKind::Workbook => {
            let sheet = plan.preview.detected.sheet.clone().unwrap_or_default();
            workbook::read(input, &sheet, &job, &mut skips, &mut on_row)?
        }
    };
    progress.set_read(total);
    let source = DataSource {
        file_name: input.name(),
        size: total,
        hash,
        imported: String::new(),
        rows_read,
        rows_skipped: skips.total,
    };
    let Preview {
        detected,
        mapping,
        headers,
        shape,
        ..
    } = plan.preview;
    Ok(ReadSummary {
        source,
        detected,
        mapping,
        headers,
        shape,
        skips,
    })
}

/// What a reader needs to turn rows into events or aggregates.
struct Job<'a> {
    headers: &'a [String],
    width: usize,
    header_line: u64,
    options: ValueOptions,
    kind: &'a ReadKind,
    progress: &'a Progress,
}

impl Job<'_> {
    /// Hands one row (already checked for width) to `on_row` as an event or its aggregates,
    /// or records in `skips` why it cannot be used. Both readers end each row here.
    fn hand_over<'a, F: Fn(usize) -> rows::Field<'a>>(
        &self,
        view: &rows::RowView<'_, F>,
        line: u64,
        buffers: &mut (rows::Scratch, Vec<AggregateRow>),
        skips: &mut Skips,
        on_row: &mut impl FnMut(Row<'_>),
    ) {
        let (scratch, aggregates) = buffers;
        match self.kind {
            ReadKind::Events(columns) => match view.event(line, columns, scratch) {
                Ok(row) => {
                    on_row(Row::Event(&row));
                    if !scratch.ignored.is_empty() {
                        for reason in scratch.ignored.drain(..) {
                            skips.ignore(line, reason);
                        }
                    }
                }
                Err(reason) => skips.add(line, reason),
            },
            ReadKind::Aggregates(columns) => match view.aggregates(line, columns, aggregates) {
                Ok(()) => aggregates.iter().for_each(|a| on_row(Row::Aggregate(a))),
                Err(reason) => skips.add(line, reason),
            },
        }
    }
}

/// Events or aggregates, with their columns.
enum ReadKind {
    Events(EventColumns),
    Aggregates(AggregateColumns),
}

fn read_kind(preview: &Preview) -> Result<ReadKind, ImportError> {
    let col = |role| preview.column_of(role);
    Ok(match &preview.shape {
        Shape::Events => match (col(Role::Customer), col(Role::Touchpoint)) {
            (Some(customer), Some(touchpoint)) => ReadKind::Events(EventColumns {
                customer,
                touchpoint,
                timestamp: col(Role::Timestamp),
                stage: col(Role::Stage),
                converted: col(Role::Converted),
                csat: col(Role::Csat),
                nps: col(Role::Nps),
                channel: col(Role::Channel),
            }),
            _ => return Err(ImportError::NotATable),
        },
        Shape::Long {
            metric,
            value,
            period,
        } => ReadKind::Aggregates(AggregateColumns {
            touchpoint: col(Role::Touchpoint),
            stage: col(Role::Stage),
            period: *period,
            form: AggregateForm::Long {
                metric: *metric,
                value: *value,
            },
        }),
        Shape::Wide { metrics, period } => ReadKind::Aggregates(AggregateColumns {
            touchpoint: col(Role::Touchpoint),
            stage: col(Role::Stage),
            period: *period,
            form: AggregateForm::Wide(metrics.clone()),
        }),
        Shape::Unknown => return Err(ImportError::NotATable),
    })
}

/// The start of a zip (xlsx, xlsb, ods) or of an OLE compound file (xls).
fn is_workbook(sample: &[u8]) -> bool {
    sample.starts_with(b"PK\x03\x04") || sample.starts_with(&[0xd0, 0xcf, 0x11, 0xe0])
}

fn with_file(error: ImportError, input: &Input) -> ImportError {
    match error {
        ImportError::Read { source, .. } => input.read_error(source),
        other => other,
    }
}

fn plan(input: &Input, settings: &ImportSettings) -> Result<Plan, ImportError> {
    let (sample, whole) = text::read_sample(&mut input.open()?).map_err(|e| input.read_error(e))?;
    let mut encoding = None;
    let (mut detected, rows) = if is_workbook(&sample) {
        let (sheets, sheet, rows) = workbook::sample(input, settings.sheet.as_deref())?;
        let detected = Detected {
            kind: SourceKind::Workbook,
            encoding: None,
            bom: false,
            delimiter: None,
            header_row: 1,
            sheets,
            sheet: Some(sheet),
            time_numbers: TimeNumbers::Unix,
            month_first_likely: false,
        };
        (detected, rows)
    } else {
        let found = text::detect_encoding(&sample, whole, settings.encoding.as_deref())?;
        encoding = Some(found);
        let text = text::decode_sample(&sample, whole, found)?;
        let delimiter = match settings.delimiter {
            Some(c) if c.is_ascii() && !matches!(c, '"' | '\r' | '\n') => c as u8,
            Some(c) => return Err(ImportError::BadDelimiter(c)),
            None => sniff::detect_delimiter(&text),
        };
        let detected = Detected {
            kind: SourceKind::Text,
            encoding: Some(found.encoding.name()),
            bom: found.bom > 0,
            delimiter: Some(char::from(delimiter)),
            header_row: 1,
            sheets: Vec::new(),
            sheet: None,
            time_numbers: TimeNumbers::Unix,
            month_first_likely: false,
        };
        (detected, sniff::sample_rows(&text, delimiter, 200))
    };
    let at = sniff::detect_header(&rows, settings.header_row).ok_or(ImportError::NoRows)?;
    let (line, header) = &rows[at];
    detected.header_row = u32::try_from(*line).unwrap_or(u32::MAX);
    let mut headers = header.clone();
    while headers.last().is_some_and(String::is_empty) {
        headers.pop();
    }
    let data: &[(u64, Vec<String>)] = rows.get(at + 1..).unwrap_or_default();
    let guessed = guess_roles(&headers);
    let mapping = resolve(&headers, &guessed, &settings.columns)?;
    let shape = roles::shape(&headers, &mapping);
    if let Some(&(_, column)) = mapping.iter().find(|(r, _)| *r == Role::Timestamp) {
        if detected.kind == SourceKind::Text {
            detected.time_numbers = sniff::time_numbers(data, column);
        }
        detected.month_first_likely = sniff::looks_month_first(data, column);
    }
    let options = ValueOptions {
        month_first: settings.month_first,
        time_numbers: detected.time_numbers,
    };
    let (row_lines, preview_rows) = preview_rows(data).unzip();
    let filled_above: Vec<(u64, Vec<String>)> = preview_rows_above(&rows[..at]);
    Ok(Plan {
        width: headers.len(),
        preview: Preview {
            detected,
            headers,
            rows: preview_rows,
            row_lines,
            above: filled_above,
            guessed,
            mapping,
            shape,
        },
        options,
        encoding,
    })
}

fn preview_rows(data: &[(u64, Vec<String>)]) -> impl Iterator<Item = (u64, Vec<String>)> {
    data.iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .take(PREVIEW_ROWS)
        .cloned()
}

/// The last [`PREVIEW_ROWS`] filled rows of `above` (the rows before the header).
fn preview_rows_above(above: &[(u64, Vec<String>)]) -> Vec<(u64, Vec<String>)> {
    let filled: Vec<&(u64, Vec<String>)> = above
        .iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .collect();
    let skip = filled.len().saturating_sub(PREVIEW_ROWS);
    filled.into_iter().skip(skip).cloned().collect()
}

/// The columns read for each role: the settings' choices (a header as written, or compared
/// folded; an empty name means "no column"), then the guesses for the roles they leave open,
/// on columns they leave free.
fn resolve(
    headers: &[String],
    guessed: &[(Role, usize)],
    chosen: &[(Role, String)],
) -> Result<Vec<(Role, usize)>, ImportError> {
    let mut mapping: Vec<(Role, usize)> = Vec::new();
    for (role, name) in chosen {
        let name = sniff::clean(name);
        if name.is_empty() {
            continue;
        }
        let column = headers
            .iter()
            .position(|h| *h == name)
            .or_else(|| headers.iter().position(|h| fold(h) == fold(&name)))
            .ok_or_else(|| ImportError::UnknownColumn {
                role: *role,
                column: name.clone(),
            })?;
        mapping.retain(|(r, _)| r != role);
        mapping.push((*role, column));
    }
    for &(role, column) in guessed {
        let decided = chosen.iter().any(|(r, _)| *r == role);
        let taken = mapping.iter().any(|(_, c)| *c == column);
        if !decided && !taken {
            mapping.push((role, column));
        }
    }
    mapping.sort_by_key(|(role, _)| *role);
    Ok(mapping)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|&s| s.to_owned()).collect()
    }

    #[test]
    fn chosen_columns_override_guesses_and_free_their_column() {
        let h = headers(&["Mã KH", "Điểm chạm", "Ngày", "Ghi chú"]);
        let guessed = guess_roles(&h);
        assert_eq!(
            guessed,
            [
                (Role::Customer, 0),
                (Role::Timestamp, 2),
                (Role::Touchpoint, 1)
            ]
        );
        // The timestamp is the note (a bad idea, but the user's), compared folded.
        let chosen = [
            (Role::Timestamp, "ghi chu".to_owned()),
            (Role::Channel, String::new()),
        ];
        assert_eq!(
            resolve(&h, &guessed, &chosen).ok(),
            Some(vec![
                (Role::Customer, 0),
                (Role::Timestamp, 3),
                (Role::Touchpoint, 1)
            ])
        );
        // A role given no column is not read even when guessed.
        let chosen = [(Role::Timestamp, String::new())];
        assert_eq!(
            resolve(&h, &guessed, &chosen).ok(),
            Some(vec![(Role::Customer, 0), (Role::Touchpoint, 1)])
        );
        let chosen = [(Role::Customer, "customer_id".to_owned())];
        assert!(matches!(
            resolve(&h, &guessed, &chosen),
            Err(ImportError::UnknownColumn { role: Role::Customer, column }) if column == "customer_id"
        ));
    }

    #[test]
    fn progress_counts_and_cancels() {
        let progress = Progress::new();
        assert_eq!(progress.fraction(), 0.0);
        progress.start(200);
        progress.add_read(50);
        assert_eq!(
            (progress.bytes_read(), progress.total(), progress.fraction()),
            (50, 200, 0.25)
        );
        assert!(!progress.is_cancelled());
        progress.cancel();
        assert!(progress.is_cancelled());
    }
}

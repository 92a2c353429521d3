//! Workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`) through `calamine`: the sheets, the
//! first rows of one for the preview, and every row of it for the read. Typed cells stay
//! typed: a number in a timestamp column is an Excel date serial, a date cell is a date.

use std::io::Cursor;

use calamine::{Data, Range, Reader as _, open_workbook_auto_from_rs};
use jiff::civil::DateTime;

use super::delimited::CHECK_EVERY;
use super::problems::{ImportError, SkipReason, Skips};
use super::roles::fold;
use super::rows::{Field, RowView, Scratch};
use super::sniff::{SampleRows, clean};
use super::{Input, Job, Row};

/// The largest workbook read (it is read whole, as spreadsheets are).
const LARGEST: u64 = 256 << 20;

/// The workbook's bytes.
fn bytes(input: &Input) -> Result<std::borrow::Cow<'_, [u8]>, ImportError> {
    match input {
        Input::Bytes { bytes, .. } => Ok(bytes.as_slice().into()),
        Input::Path(path) => {
            let size = std::fs::metadata(path)
                .map_err(|e| input.read_error(e))?
                .len();
            if size > LARGEST {
                return Err(ImportError::Workbook(format!(
                    "it is larger than {} MiB; save the sheet as CSV and import that",
                    LARGEST >> 20
                )));
            }
            Ok(std::fs::read(path).map_err(|e| input.read_error(e))?.into())
        }
    }
}

/// The sheets, the one chosen (`sheet`, compared folded, else the first) and its cells.
fn open(
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<(Vec<String>, String, Range<Data>), ImportError> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| ImportError::Workbook(e.to_string()))?;
    let sheets = book.sheet_names();
    let chosen = match sheet.map(str::trim).filter(|s| !s.is_empty()) {
        Some(name) => sheets
            .iter()
            .find(|s| s.as_str() == name)
            .or_else(|| sheets.iter().find(|s| fold(s) == fold(name)))
            .cloned()
            .ok_or_else(|| ImportError::NoSuchSheet {
                sheet: name.to_owned(),
                sheets: sheets.clone(),
            })?,
        None => sheets.first().cloned().ok_or(ImportError::NoRows)?,
    };
    let range = book
        .worksheet_range(&chosen)
        .map_err(|e| ImportError::Workbook(e.to_string()))?;
    Ok((sheets, chosen, range))
}

/// The sheets, the sheet chosen and its first rows as text.
pub fn sample(
    input: &Input,
    sheet: Option<&str>,
) -> Result<(Vec<String>, String, SampleRows), ImportError> {
    let bytes = bytes(input)?;
    let (sheets, chosen, range) = open(&bytes, sheet)?;
    let first = first_line(&range);
    let rows = range
        .rows()
        .take(200)
        .enumerate()
        .map(|(i, cells)| (first + i as u64, cells.iter().map(cell_text).collect()))
        .collect();
    Ok((sheets, chosen, rows))
}

/// Reads every row of `sheet` after the header row. Returns the data rows read and the hash
/// of the file's bytes.
pub fn read(
    input: &Input,
    sheet: &str,
    job: &Job<'_>,
    skips: &mut Skips,
    on_row: &mut impl FnMut(Row<'_>),
) -> Result<(u64, String), ImportError> {
    let bytes = bytes(input)?;
    let hash = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes));
    let (_, _, range) = open(&bytes, Some(sheet))?;
    let first = first_line(&range);
    let total = job.progress.total();
    let height = range.height().max(1) as u64;
    let mut buffers = (Scratch::default(), Vec::new());
    let mut rows_read = 0u64;
    for (i, cells) in range.rows().enumerate() {
        let i = i as u64;
        if i.is_multiple_of(CHECK_EVERY) {
            if job.progress.is_cancelled() {
                return Err(ImportError::Cancelled);
            }
            job.progress.set_read(total * i / height);
        }
        let line = first + i;
        if line <= job.header_line || cells.iter().all(blank) {
            continue;
        }
        rows_read += 1;
        let filled = cells.iter().rposition(|c| !blank(c)).map_or(0, |p| p + 1);
        if filled > job.width {
            skips.add(
                line,
                SkipReason::Long {
                    found: filled,
                    expected: job.width,
                },
            );
            continue;
        }
        let view = RowView {
            headers: job.headers,
            options: job.options,
            get: |i: usize| cells.get(i).map_or(Field::Empty, field),
        };
        job.hand_over(&view, line, &mut buffers, skips, on_row);
    }
    Ok((rows_read, hash))
}

/// The sheet row (1-based) of the range's first row.
fn first_line(range: &Range<Data>) -> u64 {
    range.start().map_or(1, |(row, _)| u64::from(row) + 1)
}

/// Whether a cell holds nothing (or only spaces).
fn blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A cell as a field.
fn field(cell: &Data) -> Field<'_> {
    match cell {
        Data::Empty => Field::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Field::Text(s),
        Data::Int(i) => Field::Number(*i as f64),
        Data::Float(f) => Field::Number(*f),
        Data::Bool(b) => Field::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            let date = DateTime::new(
                i16::try_from(y).unwrap_or(i16::MAX),
                i8::try_from(mo).unwrap_or(0),
                i8::try_from(d).unwrap_or(0),
                i8::try_from(h).unwrap_or(0),
                i8::try_from(mi).unwrap_or(0),
                i8::try_from(s).unwrap_or(0),
                0,
            );
            date.map_or(Field::Number(dt.as_f64()), Field::Date)
        }
        Data::DateTime(dt) => Field::Number(dt.as_f64()),
        Data::Error(_) => Field::Text("#ERROR"),
    }
}

/// A cell as the preview shows it.
fn cell_text(cell: &Data) -> String {
    match field(cell) {
        Field::Empty | Field::NotText => String::new(),
        Field::Text(s) => clean(s),
        Field::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", n as i64),
        Field::Number(n) => n.to_string(),
        Field::Bool(b) => b.to_string(),
        Field::Date(d) => d.to_string(),
    }
}

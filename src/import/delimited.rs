//! Delimited text (CSV, TSV, semicolons…) streamed row by row: the raw bytes counted and
//! hashed, decoded to UTF-8 when they are not, records capped in length, one `ByteRecord`
//! reused for every row.

use std::io::Read;

use csv::ByteRecord;

use super::problems::{ImportError, SkipReason, Skips};
use super::rows::{Field, RowView, Scratch};
use super::text::{Cancelled, Counted, Decoded, TextEncoding, TooLong, Tracked};
use super::{Job, Row};

/// The CSV reader's buffer.
const BUFFER: usize = 256 * 1024;

/// How many records pass between two looks at the cancel flag.
pub const CHECK_EVERY: u64 = 4096;

/// Reads every record of `raw` after the header line, handing rows to `on_row` and skipped
/// rows to `skips`. Returns the data rows read and the hash of the raw bytes.
pub fn read(
    raw: Box<dyn Read + '_>,
    found: TextEncoding,
    delimiter: u8,
    job: &Job<'_>,
    skips: &mut Skips,
    on_row: &mut impl FnMut(Row<'_>),
) -> Result<(u64, String), ImportError> {
    let counted = Counted::new(raw, job.progress);
    let tracked = Tracked::new(Decoded::new(counted, found), BUFFER as u64);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(BUFFER)
        .from_reader(tracked);
    let mut record = ByteRecord::new();
    let mut buffers = (Scratch::default(), Vec::new());
    let mut records = 0u64;
    let mut rows_read = 0u64;
    let mut header_seen = false;
    let mut next_at = 0u64;
    loop {
        reader.get_ref().record_done();
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                // The reader's position has moved into the failing record: its line is the
                // first line start after the last record read.
                let line = reader.get_ref().line_of(next_at);
                return Err(csv_error(error, line));
            }
        }
        next_at = reader.position().byte();
        records += 1;
        if records.is_multiple_of(CHECK_EVERY) && job.progress.is_cancelled() {
            return Err(ImportError::Cancelled);
        }
        let line = reader
            .get_ref()
            .line_of(record.position().map_or(0, csv::Position::byte));
        if !header_seen {
            header_seen = line >= job.header_line;
            continue;
        }
        if blank(record.as_slice()) {
            continue;
        }
        rows_read += 1;
        if record.len() < job.width {
            skips.add(
                line,
                SkipReason::Short {
                    found: record.len(),
                    expected: job.width,
                },
            );
            continue;
        }
        if record.len() > job.width && record.iter().skip(job.width).any(|f| !blank(f)) {
            skips.add(
                line,
                SkipReason::Long {
                    found: record.len(),
                    expected: job.width,
                },
            );
            continue;
        }
        // The whole record checked as UTF-8 at once (it nearly always is); field by field
        // only when it is not, so that only the columns read can make a row unusable.
        let whole = std::str::from_utf8(record.as_slice()).ok();
        let view = RowView {
            headers: job.headers,
            options: job.options,
            get: |i: usize| match (whole, record.range(i)) {
                (_, None) => Field::Empty,
                (Some(text), Some(range)) => text.get(range).map_or(Field::NotText, Field::Text),
                (None, Some(range)) => record
                    .as_slice()
                    .get(range)
                    .map_or(Field::Empty, |bytes| {
                        std::str::from_utf8(bytes).map_or(Field::NotText, Field::Text)
                    }),
            },
        };
        job.hand_over(&view, line, &mut buffers, skips, on_row);
    }
    let hash = reader.into_inner().into_inner().get_ref().hash();
    Ok((rows_read, hash))
}

fn blank(field: &[u8]) -> bool {
    field.iter().all(u8::is_ascii_whitespace)
}

/// A CSV reader's error as the import's: a record too long, or the file's own I/O error.
fn csv_error(error: csv::Error, line: u64) -> ImportError {
    match error.into_kind() {
        csv::ErrorKind::Io(io)
            if io
                .get_ref()
                .is_some_and(<dyn std::error::Error + Send + Sync>::is::<TooLong>) =>
        {
            ImportError::too_long(line)
        }
        csv::ErrorKind::Io(io)
            if io
                .get_ref()
                .is_some_and(<dyn std::error::Error + Send + Sync>::is::<Cancelled>) =>
        {
            ImportError::Cancelled
        }
        csv::ErrorKind::Io(io) => ImportError::Read {
            file: String::new(),
            source: io,
        },
        other => ImportError::Read {
            file: String::new(),
            source: std::io::Error::other(format!("{other:?}")),
        },
    }
}

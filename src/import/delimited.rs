//! Delimited text (CSV, TSV, semicolons…) streamed row by row: the raw bytes counted and
//! hashed, decoded to UTF-8 when they are not, records capped in length, one `ByteRecord`
//! reused for every row.
//!
//! With two cores or more and a file big enough for it to pay, the reading is a pipeline: a
//! second thread reads, hashes, decodes, splits the file into records and checks them as
//! UTF-8, handing them over in batches of about [`BATCH_BYTES`] through a queue of [`QUEUE`]
//! batches, while the calling thread turns them into rows and counts them. The rows, their order, the skips and the
//! errors are the same either way; memory stays bounded (a few batches).

use std::io::Read;
use std::sync::mpsc;

use csv::ByteRecord;

use super::problems::{ImportError, SkipReason, Skips};
use super::rows::{Field, RowView, Scratch};
use super::text::{Cancelled, Counted, Decoded, TextEncoding, TooLong, Tracked};
use super::{Job, Row};

/// The CSV reader's buffer.
const BUFFER: usize = 256 * 1024;

/// How many records pass between two looks at the cancel flag.
pub const CHECK_EVERY: u64 = 4096;

/// A batch of records handed from the reading thread is sent once it holds this many bytes.
pub const BATCH_BYTES: usize = 256 * 1024;

/// Batches waiting between the two threads, at most.
pub const QUEUE: usize = 4;

/// Files smaller than this are read on one thread: a second would not pay for itself.
pub const PIPELINE_FROM: u64 = 4 << 20;

/// How the reading is spread over threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threads {
    /// A pipeline when there are two cores or more and the file is at least
    /// [`PIPELINE_FROM`] bytes.
    Auto,
    /// On the calling thread only.
    One,
    /// Always a pipeline.
    Two,
}

impl Threads {
    fn pipeline(self, size: u64) -> bool {
        match self {
            Threads::One => false,
            Threads::Two => true,
            Threads::Auto => {
                size >= PIPELINE_FROM
                    && std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2)
            }
        }
    }
}

/// Reads every record of `raw` after the header line, handing rows to `on_row` and skipped
/// rows to `skips`. Returns the data rows read and the hash of the raw bytes.
pub fn read(
    raw: Box<dyn Read + Send + '_>,
    found: TextEncoding,
    delimiter: u8,
    (job, threads): (&Job<'_>, Threads),
    skips: &mut Skips,
    on_row: &mut impl FnMut(Row<'_>),
) -> Result<(u64, String), ImportError> {
    let mut splitter = Splitter::new(raw, found, delimiter, job.progress);
    let mut rows = Rows::new(job);
    if !threads.pipeline(job.progress.total()) {
        let mut record = ByteRecord::new();
        let mut ends = Vec::new();
        while let Some(line) = splitter.next(&mut record)? {
            ends.clear();
            ends.extend((0..record.len()).filter_map(|i| record.range(i).map(|r| r.end)));
            let view = Record {
                bytes: record.as_slice(),
                text: std::str::from_utf8(record.as_slice()).ok(),
                ends: &ends,
            };
            rows.take(view, line, skips, on_row);
        }
        return Ok((rows.read, splitter.hash()));
    }
    let (full, batches) = mpsc::sync_channel::<Batch>(QUEUE);
    let (recycle, empties) = mpsc::channel::<Batch>();
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || -> Result<String, ImportError> {
            let mut record = ByteRecord::new();
            loop {
                let mut batch = empties.try_recv().unwrap_or_default();
                batch.clear();
                let mut end = Ok(false);
                while batch.size() < BATCH_BYTES {
                    match splitter.next(&mut record) {
                        Ok(Some(line)) => batch.push(&record, line),
                        Ok(None) => {
                            end = Ok(true);
                            break;
                        }
                        Err(e) => {
                            end = Err(e);
                            break;
                        }
                    }
                }
                // The rows before an error are still handed over, as on one thread.
                if full.send(batch).is_err() {
                    return Err(ImportError::Cancelled);
                }
                match end {
                    Ok(false) => {}
                    Ok(true) => return Ok(splitter.hash()),
                    Err(e) => return Err(e),
                }
            }
        });
        for batch in batches {
            for (view, line) in batch.records() {
                rows.take(view, line, skips, on_row);
            }
            // The reader may have finished: a batch nobody takes back is just dropped.
            let _ = recycle.send(batch);
        }
        match reader.join() {
            Ok(hash) => Ok((rows.read, hash?)),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The file split into records: the CSV reader over the counted, decoded, watched bytes.
struct Splitter<'p, R> {
    reader: csv::Reader<Tracked<Decoded<Counted<'p, R>>>>,
    progress: &'p super::Progress,
    /// Where the record after the last one read starts.
    next_at: u64,
    records: u64,
}

impl<'p, R: Read> Splitter<'p, R> {
    fn new(raw: R, found: TextEncoding, delimiter: u8, progress: &'p super::Progress) -> Self {
        let counted = Counted::new(raw, progress);
        let tracked = Tracked::new(Decoded::new(counted, found), BUFFER as u64);
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(BUFFER)
            .from_reader(tracked);
        Self {
            reader,
            progress,
            next_at: 0,
            records: 0,
        }
    }

    /// Reads the next record into `record`: its line, or `None` at the end of the file.
    fn next(&mut self, record: &mut ByteRecord) -> Result<Option<u64>, ImportError> {
        self.reader.get_ref().record_done();
        match self.reader.read_byte_record(record) {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(error) => {
                // The reader's position has moved into the failing record: its line is the
                // first line start after the last record read.
                let line = self.reader.get_ref().line_of(self.next_at);
                return Err(csv_error(error, line));
            }
        }
        self.next_at = self.reader.position().byte();
        self.records += 1;
        if self.records.is_multiple_of(CHECK_EVERY) && self.progress.is_cancelled() {
            return Err(ImportError::Cancelled);
        }
        let at = record.position().map_or(0, csv::Position::byte);
        Ok(Some(self.reader.get_ref().line_of(at)))
    }

    /// The hash of the raw bytes read.
    fn hash(self) -> String {
        self.reader.into_inner().into_inner().get_ref().hash()
    }
}

/// One record: its fields' bytes one after the other, the same as text when they are UTF-8,
/// and where each field ends.
#[derive(Clone, Copy)]
struct Record<'a> {
    bytes: &'a [u8],
    text: Option<&'a str>,
    ends: &'a [usize],
}

impl<'a> Record<'a> {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn range(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        Some(start..end)
    }

    fn field(&self, i: usize) -> Option<&'a [u8]> {
        self.bytes.get(self.range(i)?)
    }
}

/// Records handed from the reading thread to the counting one, already checked as UTF-8:
/// every record's text (or bytes, when they are not UTF-8) and field ends in shared buffers,
/// so that a batch's memory is about its bytes whatever its rows.
#[derive(Debug, Default)]
struct Batch {
    text: String,
    bytes: Vec<u8>,
    ends: Vec<usize>,
    records: Vec<Entry>,
}

/// Where one record of a batch is.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// In `text` (else in `bytes`).
    utf8: bool,
    start: usize,
    end: usize,
    ends_start: usize,
    ends_end: usize,
    line: u64,
}

impl Batch {
    fn clear(&mut self) {
        self.text.clear();
        self.bytes.clear();
        self.ends.clear();
        self.records.clear();
    }

    fn size(&self) -> usize {
        self.text.len() + self.bytes.len()
    }

    fn push(&mut self, record: &ByteRecord, line: u64) {
        let ends_start = self.ends.len();
        self.ends
            .extend((0..record.len()).filter_map(|i| record.range(i).map(|r| r.end)));
        let (utf8, start, end) = match std::str::from_utf8(record.as_slice()) {
            Ok(text) => {
                let start = self.text.len();
                self.text.push_str(text);
                (true, start, self.text.len())
            }
            Err(_) => {
                let start = self.bytes.len();
                self.bytes.extend_from_slice(record.as_slice());
                (false, start, self.bytes.len())
            }
        };
        self.records.push(Entry {
            utf8,
            start,
            end,
            ends_start,
            ends_end: self.ends.len(),
            line,
        });
    }

    fn records(&self) -> impl Iterator<Item = (Record<'_>, u64)> {
        self.records.iter().map(|e| {
            let (bytes, text) = if e.utf8 {
                let text = self.text.get(e.start..e.end).unwrap_or_default();
                (text.as_bytes(), Some(text))
            } else {
                (self.bytes.get(e.start..e.end).unwrap_or_default(), None)
            };
            let ends = self.ends.get(e.ends_start..e.ends_end).unwrap_or_default();
            (Record { bytes, text, ends }, e.line)
        })
    }
}

/// Records turned into rows: the header skipped, blank records passed over, short and long
/// ones skipped, the others handed over.
struct Rows<'j, 'a> {
    job: &'j Job<'a>,
    header_seen: bool,
    /// Data rows read (the skipped ones included).
    read: u64,
    buffers: (Scratch, Vec<crate::analysis::metrics::AggregateRow>),
}

impl<'j, 'a> Rows<'j, 'a> {
    fn new(job: &'j Job<'a>) -> Self {
        Self {
            job,
            header_seen: false,
            read: 0,
            buffers: (Scratch::default(), Vec::new()),
        }
    }

    fn take(
        &mut self,
        record: Record<'_>,
        line: u64,
        skips: &mut Skips,
        on_row: &mut impl FnMut(Row<'_>),
    ) {
        let job = self.job;
        if !self.header_seen {
            self.header_seen = line >= job.header_line;
            return;
        }
        if blank(record.bytes) {
            return;
        }
        self.read += 1;
        if record.len() < job.width {
            skips.add(
                line,
                SkipReason::Short {
                    found: record.len(),
                    expected: job.width,
                },
            );
            return;
        }
        let extra = (job.width..record.len()).filter_map(|i| record.field(i));
        if record.len() > job.width && extra.into_iter().any(|f| !blank(f)) {
            skips.add(
                line,
                SkipReason::Long {
                    found: record.len(),
                    expected: job.width,
                },
            );
            return;
        }
        // The whole record was checked as UTF-8 at once (it nearly always is); field by
        // field only when it is not, so that only the columns read can make a row unusable.
        let whole = record.text;
        let view = RowView {
            headers: job.headers,
            options: job.options,
            get: |i: usize| match (whole, record.range(i)) {
                (_, None) => Field::Empty,
                (Some(text), Some(range)) => text.get(range).map_or(Field::NotText, Field::Text),
                (None, Some(range)) => record.bytes.get(range).map_or(Field::Empty, |bytes| {
                    std::str::from_utf8(bytes).map_or(Field::NotText, Field::Text)
                }),
            },
        };
        job.hand_over(&view, line, &mut self.buffers, skips, on_row);
    }
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

#[cfg(test)]
mod tests {
    use super::super::{Input, Progress, read_with};
    use super::*;
    use crate::model::ImportSettings;

    /// Everything a read gives, as text: every row handed over, then the summary or the error.
    fn everything(input: &Input, threads: Threads, progress: &Progress) -> Vec<String> {
        let mut seen = Vec::new();
        let result = read_with(
            input,
            &ImportSettings::default(),
            progress,
            threads,
            |row| seen.push(format!("{row:?}")),
        );
        seen.push(match result {
            Ok(summary) => format!("{summary:?}"),
            Err(e) => format!("error: {e}"),
        });
        seen
    }

    fn same_on_one_and_two_threads(input: &Input) -> Vec<String> {
        let one = everything(input, Threads::One, &Progress::new());
        let two = everything(input, Threads::Two, &Progress::new());
        assert_eq!(one, two, "{}", input.name());
        one
    }

    #[test]
    fn every_test_export_reads_the_same_on_two_threads() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import");
        let mut files = 0;
        for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e != "rs") {
                same_on_one_and_two_threads(&Input::Path(path));
                files += 1;
            }
        }
        assert!(files >= 15, "{files} files");
    }

    /// Many batches of a messy export: a title block, CRLF, blank lines, quoted delimiters
    /// and line breaks, short, long and unusable rows, Vietnamese text.
    fn messy(rows: usize) -> Vec<u8> {
        let mut text = String::from("Báo cáo\r\n\r\nMã KH;Thời gian;Điểm chạm;Chuyển đổi;CSAT\r\n");
        for i in 0..rows {
            let line = match i % 11 {
                0 => format!(
                    "KH{i};01/03/2026 09:{:02};\"Giỏ; hàng\r\nmới\";có;4,5\r\n",
                    i % 60
                ),
                3 => "\r\n".to_owned(),
                5 => format!("KH{i};hôm qua;Trang chủ;không;3\r\n"),
                7 => format!("KH{i};02/03/2026;Zalo OA\r\n"),
                9 => format!("KH{i};02/03/2026;Zalo OA;có;9;x\r\n"),
                _ => format!(
                    "KH{};0{}/04/2026 10:00;Trang “chủ”;không;{}\r\n",
                    i % 97,
                    i % 9 + 1,
                    i % 5 + 1
                ),
            };
            text.push_str(&line);
        }
        text.into_bytes()
    }

    #[test]
    fn a_messy_export_of_many_batches_reads_the_same_on_two_threads() {
        let bytes = messy(60_000);
        assert!(bytes.len() > 8 * BATCH_BYTES);
        let input = Input::Bytes {
            name: "messy.csv".into(),
            bytes,
        };
        let seen = same_on_one_and_two_threads(&input);
        assert!(seen.len() > 30_000, "{}", seen.len());
    }

    #[test]
    fn an_error_after_many_batches_comes_after_the_same_rows_on_two_threads() {
        let mut bytes = messy(30_000);
        bytes.extend_from_slice(b"KH1;01/03/2026;\"");
        bytes.extend(std::iter::repeat_n(
            b'x',
            (super::super::RECORD_LIMIT as usize) * 2,
        ));
        let input = Input::Bytes {
            name: "long.csv".into(),
            bytes,
        };
        let seen = same_on_one_and_two_threads(&input);
        let last = seen.last().cloned().unwrap_or_default();
        assert!(last.starts_with("error: "), "{last}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// Any bytes made of delimiters, quotes, line breaks, spaces, digits, letters and
        /// broken UTF-8, repeated over more than one batch, read the same on two threads.
        #[test]
        fn any_text_reads_the_same_on_two_threads(
            chunk in proptest::collection::vec(
                proptest::sample::select(b"a;,\t\"\r\n 1.\xc3\xa9\xff".to_vec()),
                1..400,
            ),
        ) {
            let mut bytes = b"customer_id;touchpoint;csat\n".to_vec();
            while bytes.len() < BATCH_BYTES + 4096 {
                bytes.extend_from_slice(&chunk);
                bytes.extend_from_slice(b"\nc1;Web;4\n");
            }
            let input = Input::Bytes { name: "any.csv".into(), bytes };
            same_on_one_and_two_threads(&input);
        }
    }

    #[test]
    fn a_cancelled_read_stops_on_two_threads_too() {
        let input = Input::Bytes {
            name: "messy.csv".into(),
            bytes: messy(20_000),
        };
        for threads in [Threads::One, Threads::Two] {
            let progress = Progress::new();
            progress.cancel();
            let seen = everything(&input, threads, &progress);
            assert_eq!(
                seen.last().map(String::as_str),
                Some("error: import cancelled")
            );
        }
    }
}

//! The bytes of a text export as UTF-8: its encoding detected (byte-order mark, valid UTF-8,
//! else `chardetng`'s guess among legacy encodings) or given, and the readers that stream it:
//! one counting and hashing the raw bytes, one decoding to UTF-8 when needed, one capping the
//! length of a record so a binary file or a 1 GB line cannot exhaust memory.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::{self, Read};

use encoding_rs::{CoderResult, Decoder, Encoding, UTF_8, UTF_16BE, UTF_16LE};
use xxhash_rust::xxh3::Xxh3;

use super::{ImportError, Progress};

/// How much of the start of a file is read to detect its encoding, delimiter and header.
pub const SAMPLE_BYTES: usize = 1 << 20;

/// The longest record (a row, quoted newlines included) the reader accepts.
pub const RECORD_LIMIT: u64 = 1 << 20;

/// A text file's encoding as found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextEncoding {
    /// The encoding.
    pub encoding: &'static Encoding,
    /// Bytes of byte-order mark to skip at the start.
    pub bom: usize,
}

/// The encoding of a file whose first bytes are `sample` (`whole`: the sample is the whole
/// file). `label` (a WHATWG label such as `windows-1258`) overrides the detection.
pub fn detect_encoding(
    sample: &[u8],
    whole: bool,
    label: Option<&str>,
) -> Result<TextEncoding, ImportError> {
    let bom = Encoding::for_bom(sample);
    if let Some(label) = label.map(str::trim).filter(|l| !l.is_empty()) {
        let encoding = Encoding::for_label(label.as_bytes())
            .ok_or_else(|| ImportError::UnknownEncoding(label.to_owned()))?;
        let bom = match bom {
            Some((found, len)) if found == encoding => len,
            _ => 0,
        };
        return Ok(TextEncoding { encoding, bom });
    }
    if let Some((encoding, bom)) = bom {
        return Ok(TextEncoding { encoding, bom });
    }
    if let Some(at) = sample.iter().position(|&b| b == 0) {
        // UTF-16 without a mark: every other byte of ASCII text is zero.
        let zeros = |parity: usize| {
            sample
                .iter()
                .skip(parity)
                .step_by(2)
                .filter(|&&b| b == 0)
                .count()
        };
        let half = sample.len() / 2;
        let encoding = if zeros(1) * 10 >= half * 9 && zeros(0) * 10 < half {
            UTF_16LE
        } else if zeros(0) * 10 >= half * 9 && zeros(1) * 10 < half {
            UTF_16BE
        } else {
            return Err(ImportError::Binary { offset: at as u64 });
        };
        return Ok(TextEncoding { encoding, bom: 0 });
    }
    let utf8 = match std::str::from_utf8(sample) {
        Ok(_) => true,
        // A character cut at the end of the sample is no evidence against UTF-8.
        Err(e) => !whole && e.error_len().is_none(),
    };
    if utf8 {
        return Ok(TextEncoding {
            encoding: UTF_8,
            bom: 0,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, whole);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    Ok(TextEncoding { encoding, bom: 0 })
}

/// The sample as text: decoded, with a line cut at its end (when the file goes on) dropped.
/// A sample that is mostly control characters or undecodable bytes is a binary file.
pub fn decode_sample(
    sample: &[u8],
    whole: bool,
    found: TextEncoding,
) -> Result<String, ImportError> {
    let bytes = sample.get(found.bom..).unwrap_or_default();
    let (text, _) = found.encoding.decode_without_bom_handling(bytes);
    let mut text = text.into_owned();
    if !whole {
        match text.rfind('\n') {
            Some(end) => text.truncate(end + 1),
            None => {
                return Err(ImportError::RecordTooLong {
                    line: 1,
                    limit: RECORD_LIMIT,
                });
            }
        }
    }
    let mut total = 0usize;
    let mut odd = 0usize;
    let mut first_odd = None;
    for (at, c) in text.char_indices() {
        total += 1;
        if c == '\u{fffd}' || c.is_control() && !matches!(c, '\t' | '\r' | '\n') {
            odd += 1;
            first_odd.get_or_insert(at);
        }
    }
    if odd * 20 > total {
        return Err(ImportError::Binary {
            offset: first_odd.unwrap_or(0) as u64,
        });
    }
    Ok(text)
}

/// Reads up to [`SAMPLE_BYTES`] from `reader`: the sample and whether it is the whole file.
pub fn read_sample(reader: &mut impl Read) -> io::Result<(Vec<u8>, bool)> {
    let mut sample = Vec::with_capacity(64 * 1024);
    let limit = u64::try_from(SAMPLE_BYTES).unwrap_or(u64::MAX);
    reader.take(limit).read_to_end(&mut sample)?;
    let whole = sample.len() < SAMPLE_BYTES || {
        let mut one = [0u8; 1];
        reader.read(&mut one)? == 0
    };
    Ok((sample, whole))
}

/// Counts the raw bytes into the progress and hashes them.
pub struct Counted<'p, R> {
    inner: R,
    progress: &'p Progress,
    hasher: Xxh3,
}

impl<'p, R: Read> Counted<'p, R> {
    /// Counts and hashes what `inner` gives.
    pub fn new(inner: R, progress: &'p Progress) -> Self {
        Self {
            inner,
            progress,
            hasher: Xxh3::new(),
        }
    }

    /// The hash (XXH3, 128 bits, hex) of every byte read.
    pub fn hash(&self) -> String {
        format!("{:032x}", self.hasher.digest128())
    }
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // Seen here too, so a cancel stops a file of few, long rows as soon.
        if self.progress.is_cancelled() {
            return Err(io::Error::other(Cancelled));
        }
        let n = self.inner.read(buf)?;
        let read = buf.get(..n).unwrap_or_default();
        self.hasher.update(read);
        self.progress.add_read(n as u64);
        Ok(n)
    }
}

/// The text as UTF-8: passed through (after the byte-order mark) when it is UTF-8, decoded
/// otherwise.
pub struct Decoded<R> {
    inner: R,
    skip: usize,
    decoder: Option<Decoder>,
    raw: Box<[u8]>,
    start: usize,
    end: usize,
    eof: bool,
    finished: bool,
    small: Vec<u8>,
}

impl<R: Read> Decoded<R> {
    /// A reader of `inner`'s text in `found`'s encoding.
    pub fn new(inner: R, found: TextEncoding) -> Self {
        let decoder =
            (found.encoding != UTF_8).then(|| found.encoding.new_decoder_without_bom_handling());
        Self {
            inner,
            skip: found.bom,
            decoder,
            raw: vec![
                0;
                if found.encoding == UTF_8 {
                    0
                } else {
                    64 * 1024
                }
            ]
            .into_boxed_slice(),
            start: 0,
            end: 0,
            eof: false,
            finished: false,
            small: Vec::new(),
        }
    }

    /// The reader it reads from.
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    fn skip_bom(&mut self) -> io::Result<()> {
        while self.skip > 0 {
            let mut bom = [0u8; 4];
            let n = self.inner.read(&mut bom[..self.skip.min(4)])?;
            if n == 0 {
                break;
            }
            self.skip -= n;
        }
        Ok(())
    }
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.skip > 0 {
            self.skip_bom()?;
        }
        let Some(decoder) = self.decoder.as_mut() else {
            return self.inner.read(out);
        };
        if !self.small.is_empty() {
            let n = self.small.len().min(out.len());
            out[..n].copy_from_slice(&self.small[..n]);
            self.small.drain(..n);
            return Ok(n);
        }
        loop {
            if self.finished || out.is_empty() {
                return Ok(0);
            }
            if self.start == self.end && !self.eof {
                let n = self.inner.read(&mut self.raw)?;
                self.eof = n == 0;
                self.start = 0;
                self.end = n;
            }
            // A UTF-8 character takes up to four bytes: decode into a spare buffer when `out`
            // is too small for one.
            let mut spare = [0u8; 16];
            let target: &mut [u8] = if out.len() < spare.len() {
                &mut spare
            } else {
                out
            };
            let input = self.raw.get(self.start..self.end).unwrap_or_default();
            let (result, read, written, _) = decoder.decode_to_utf8(input, target, self.eof);
            self.start += read;
            if self.eof && result == CoderResult::InputEmpty {
                self.finished = true;
            }
            if written > 0 {
                if out.len() < spare.len() {
                    let n = written.min(out.len());
                    out[..n].copy_from_slice(&spare[..n]);
                    self.small.extend_from_slice(&spare[n..written]);
                    return Ok(n);
                }
                return Ok(written);
            }
        }
    }
}

/// The marker of a cancelled read, carried through the CSV reader as an I/O error.
#[derive(Debug)]
pub struct Cancelled;

impl std::fmt::Display for Cancelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cancelled")
    }
}

impl std::error::Error for Cancelled {}

/// The marker of a record longer than [`RECORD_LIMIT`], carried through the CSV reader as an
/// I/O error.
#[derive(Debug)]
pub struct TooLong;

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a record longer than {RECORD_LIMIT} bytes")
    }
}

impl std::error::Error for TooLong {}

/// The text as the CSV reader reads it, watched: fails once more than [`RECORD_LIMIT`] bytes
/// (plus the CSV reader's buffer) pass without a [`Tracked::record_done`], and keeps the line
/// number of each line start the reader has not reached yet, so that a record's true line is
/// known (the CSV reader's own count is off after blank lines and with CRLF).
pub struct Tracked<R> {
    inner: R,
    since: Cell<u64>,
    limit: u64,
    offset: u64,
    line: u64,
    pending_cr: bool,
    pending_start: bool,
    starts: RefCell<VecDeque<(u64, u64)>>,
}

impl<R> Tracked<R> {
    /// A reader of `inner` allowing `slack` bytes of read-ahead beyond the record limit.
    pub fn new(inner: R, slack: u64) -> Self {
        Self {
            inner,
            since: Cell::new(0),
            limit: RECORD_LIMIT + slack,
            offset: 0,
            line: 1,
            pending_cr: false,
            pending_start: true,
            starts: RefCell::new(VecDeque::new()),
        }
    }

    /// A record ended: its bytes no longer count towards the limit.
    pub fn record_done(&self) {
        self.since.set(0);
    }

    /// The 1-based line of the record the CSV reader places at byte `at`: the first line
    /// with content starting there or after (the reader's position of a record can be the
    /// blank lines before it).
    pub fn line_of(&self, at: u64) -> u64 {
        let mut starts = self.starts.borrow_mut();
        while starts.front().is_some_and(|(offset, _)| *offset < at) {
            starts.pop_front();
        }
        starts.front().map_or(self.line, |(_, line)| *line)
    }

    /// The reader it reads from.
    pub fn into_inner(self) -> R {
        self.inner
    }

    /// Notes the line breaks of `bytes`, which start at `self.offset`.
    fn scan(&mut self, bytes: &[u8]) {
        let Some(&first) = bytes.first() else { return };
        let starts = self.starts.get_mut();
        let content = |b: u8| b != b'\r' && b != b'\n';
        if self.pending_cr {
            self.pending_cr = false;
            if first != b'\n' {
                self.line += 1;
                self.pending_start = true;
            }
        }
        if self.pending_start {
            self.pending_start = false;
            if content(first) {
                starts.push_back((self.offset, self.line));
            }
        }
        for at in memchr::memchr2_iter(b'\r', b'\n', bytes) {
            if bytes[at] == b'\r' {
                match bytes.get(at + 1) {
                    Some(b'\n') => continue,
                    Some(_) => {}
                    None => {
                        self.pending_cr = true;
                        continue;
                    }
                }
            }
            self.line += 1;
            match bytes.get(at + 1) {
                Some(&next) if content(next) => {
                    starts.push_back((self.offset + at as u64 + 1, self.line));
                }
                Some(_) => {}
                None => self.pending_start = true,
            }
        }
        self.offset += bytes.len() as u64;
    }
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.since.get() > self.limit {
            return Err(io::Error::other(TooLong));
        }
        let n = self.inner.read(buf)?;
        self.since.set(self.since.get() + n as u64);
        self.scan(buf.get(..n).unwrap_or_default());
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(bytes: &[u8], label: Option<&str>) -> (String, &'static str) {
        let found = detect_encoding(bytes, true, label).unwrap_or_else(|e| panic!("{e}"));
        let mut text = String::new();
        Decoded::new(bytes, found)
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{e}"));
        (text, found.encoding.name())
    }

    #[test]
    fn byte_order_marks_pick_the_encoding_and_are_dropped() {
        assert_eq!(
            decode_all(b"\xef\xbb\xbfa;b\n", None),
            ("a;b\n".to_owned(), "UTF-8")
        );
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Mã;b\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_all(&le, None), ("Mã;b\n".to_owned(), "UTF-16LE"));
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Mã;b\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_all(&be, None), ("Mã;b\n".to_owned(), "UTF-16BE"));
    }

    /// Vietnamese as Windows-1258 writes it: tone marks as combining characters after a base
    /// letter that may carry a circumflex, breve or horn.
    pub(crate) fn windows_1258(text: &str) -> Vec<u8> {
        use unicode_normalization::UnicodeNormalization as _;
        const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
        let mut spelled = String::new();
        for c in text.chars() {
            let parts: String = c.to_string().nfd().collect();
            spelled.extend(parts.chars().filter(|p| !TONES.contains(p)).nfc());
            spelled.extend(parts.chars().filter(|p| TONES.contains(p)));
        }
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&spelled);
        assert!(!unmappable, "{spelled}");
        bytes.into_owned()
    }

    #[test]
    fn legacy_encodings_are_detected_or_given() {
        use unicode_normalization::UnicodeNormalization as _;
        let text = "Mã khách hàng;Điểm chạm;Thời gian\nKH001;Trang chủ;01/03/2026\nKH002;Giỏ hàng;02/03/2026\n";
        let bytes = windows_1258(text);
        let (decoded, name) = decode_all(&bytes, None);
        assert_eq!(
            (decoded.nfc().collect::<String>(), name),
            (text.to_owned(), "windows-1258")
        );
        let text = "Kunde;Café;Größe\nA;Crème brûlée;très\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert_eq!(decode_all(&bytes, None), (text.to_owned(), "windows-1252"));
        assert_eq!(
            decode_all(&bytes, Some("latin1")),
            (text.to_owned(), "windows-1252")
        );
        assert!(matches!(
            detect_encoding(b"a", true, Some("klingon")),
            Err(ImportError::UnknownEncoding(l)) if l == "klingon"
        ));
    }

    #[test]
    fn binary_bytes_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
        assert!(matches!(
            detect_encoding(png, true, None),
            Err(ImportError::Binary { offset: 8 })
        ));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 31) as u8 + 1).collect();
        let found = detect_encoding(&noise, true, None).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            decode_sample(&noise, true, found),
            Err(ImportError::Binary { .. })
        ));
    }

    #[test]
    fn a_sample_without_a_line_end_is_a_record_too_long() {
        let found = TextEncoding {
            encoding: UTF_8,
            bom: 0,
        };
        assert!(matches!(
            decode_sample(b"aaaa", false, found),
            Err(ImportError::RecordTooLong { line: 1, .. })
        ));
        assert_eq!(
            decode_sample(b"a\nbb", false, found).ok().as_deref(),
            Some("a\n")
        );
    }

    #[test]
    fn records_get_their_true_lines_across_blank_lines_crlf_and_chunks() {
        let text = b"a\r\nb\r\n\r\n\r\nc\r\n\"x\ny\"\r\nz\rw\n\nv";
        // Byte by byte, so every break falls on a chunk's edge.
        let mut tracked = Tracked::new(&text[..], 0);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .buffer_capacity(1)
            .from_reader(&mut tracked);
        let mut record = csv::ByteRecord::new();
        let mut bytes = Vec::new();
        while reader.read_byte_record(&mut record).unwrap_or(false) {
            bytes.push((
                record.get(0).unwrap_or_default().to_vec(),
                record.position().map_or(0, csv::Position::byte),
            ));
        }
        drop(reader);
        let lines: Vec<(String, u64)> = bytes
            .into_iter()
            .map(|(field, at)| {
                (
                    String::from_utf8_lossy(&field).into_owned(),
                    tracked.line_of(at),
                )
            })
            .collect();
        let want = [
            ("a", 1),
            ("b", 2),
            ("c", 5),
            ("x\ny", 6),
            ("z", 8),
            ("w", 9),
            ("v", 11),
        ];
        assert_eq!(lines, want.map(|(f, l)| (f.to_owned(), l)));
    }

    #[test]
    fn the_cap_fails_a_long_record_and_resets_per_record() {
        let data = vec![b'x'; (RECORD_LIMIT as usize) * 2];
        let mut capped = Tracked::new(&data[..], 0);
        let mut buf = vec![0u8; 64 * 1024];
        let mut total = 0u64;
        let err = loop {
            match capped.read(&mut buf) {
                Ok(n) => total += n as u64,
                Err(e) => break e,
            }
        };
        assert!(
            err.get_ref()
                .is_some_and(<dyn std::error::Error + Send + Sync>::is::<TooLong>)
        );
        assert!(total > RECORD_LIMIT && total <= RECORD_LIMIT + 64 * 1024);
        let mut capped = Tracked::new(&data[..], 0);
        for _ in 0..32 {
            assert!(capped.read(&mut buf).is_ok());
            capped.record_done();
        }
    }
}

//! Values as exports write them: numbers with decimal commas and thousands separators,
//! timestamps in the forms CRMs and spreadsheets use, and yes/no flags in English and
//! Vietnamese. Pure functions on one trimmed value; an empty value is the caller's business.

use jiff::civil::DateTime;

/// How a bare number in a timestamp column of a text file is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeNumbers {
    /// Seconds since 1970-01-01 (milliseconds when the number is too big for seconds).
    #[default]
    Unix,
    /// Days since 1899-12-30 with the time as a fraction: an Excel date serial.
    ExcelSerial,
}

/// How values are read: what the settings and the detection decided.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ValueOptions {
    /// `03/04/2026` is 4 March (else 3 April).
    pub month_first: bool,
    /// What a bare number in a timestamp column means.
    pub time_numbers: TimeNumbers,
}

/// `text` without white space around it; quick when it starts and ends with a visible ASCII
/// character, as nearly every field does.
pub fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// Whether `text` is surely NFC without looking it up: every character is below U+0300 (ASCII,
/// Latin-1, Latin Extended A and B, none of them combining) or in U+1E00–U+1EFF (Latin
/// Extended Additional: Vietnamese's precomposed letters). `false` means "look it up".
pub fn surely_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        at += match b {
            0x00..=0x7f => 1,
            // Two-byte characters up to U+02FF.
            0xc2..=0xcb => 2,
            // U+1E00–U+1EFF: E1 B8..BB xx.
            0xe1 if matches!(bytes.get(at + 1), Some(0xb8..=0xbb)) => 3,
            _ => return false,
        };
    }
    true
}

/// Whether `text` is surely NFC without looking it up, as [`surely_nfc`] says, or because its
/// other characters are general punctuation (U+2002–U+206F: quotes, dashes, ellipses; no
/// combining marks, nothing composes with them), as exports write in touchpoint names.
pub fn nfc_without_lookup(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        at += match (b, bytes.get(at + 1), bytes.get(at + 2)) {
            (0x00..=0x7f, _, _) => 1,
            (0xc2..=0xcb, _, _) => 2,
            // U+1E00–U+1EFF, U+2002–U+203F and U+2040–U+206F.
            (0xe1, Some(0xb8..=0xbb), _)
            | (0xe2, Some(0x80), Some(0x82..=0xbf))
            | (0xe2, Some(0x81), Some(0x80..=0xaf)) => 3,
            _ => return false,
        };
    }
    true
}

/// The last day Excel can write (9999-12-31) as a serial.
const LAST_SERIAL: f64 = 2_958_465.999_999;

/// A number as exports write it: `4.5`, `4,5`, `1.234,5`, `1,234.5`, `1 234`, `-3`, `12,5%`
/// (a percentage is divided by 100). A lone separator is the decimal point, even before three
/// digits (`1,234` is 1.234): a thousands separator is only taken where it cannot be one
/// (two of them, or both kinds). `None` for anything else, `inf` and `NaN` included.
pub fn parse_number(text: &str) -> Option<f64> {
    let text = trim(text);
    let (text, percent) = match text.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (text, false),
    };
    let value = if text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.'))
        && text.bytes().filter(|&b| b == b'.').count() <= 1
    {
        plain_number(text)?
    } else {
        messy_number(text)?
    };
    Some(if percent { value / 100.0 } else { value })
}

/// A count, where a lone separator before exactly three digits is a thousands separator
/// (`12.480` and `12,480` are 12 480: a count has no fraction), else as [`parse_number`].
pub fn parse_count(text: &str) -> Option<f64> {
    let trimmed = trim(text);
    let mut groups = trimmed.split(['.', ',']);
    let first = groups.next().unwrap_or_default();
    let rest: Vec<&str> = groups.collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let separators: Vec<char> = trimmed.chars().filter(|c| matches!(c, '.' | ',')).collect();
    if rest.len() == 1
        && digits(first)
        && first.len() <= 3
        && rest.iter().all(|g| g.len() == 3 && digits(g))
        && separators.len() == 1
    {
        return trimmed.replace(['.', ','], "").parse().ok();
    }
    parse_number(text)
}

/// `[+-]digits[.digits]` only.
fn plain_number(text: &str) -> Option<f64> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty()
        || !digits.bytes().any(|b| b.is_ascii_digit())
        || digits.starts_with('.') && digits.len() == 1
        || digits.contains(['-', '+'])
    {
        return None;
    }
    text.parse().ok()
}

/// Numbers with commas, several dots or spaces: rewritten into a small buffer, then parsed.
fn messy_number(text: &str) -> Option<f64> {
    let mut buf = [0u8; 64];
    let mut len = 0;
    let commas = text.matches(',').count();
    let dots = text.matches('.').count();
    let decimal = match (commas, dots) {
        (1, 0) => Some(','),
        (0, 1) => Some('.'),
        (0, _) | (_, 0) => None, // none, or several of one kind: thousands
        _ => {
            // Both kinds: the last one is the decimal point and occurs once.
            let last = text.rfind([',', '.'])?;
            let mark = text[last..].chars().next()?;
            let count = if mark == ',' { commas } else { dots };
            if count != 1 {
                return None;
            }
            Some(mark)
        }
    };
    let thousands = match decimal {
        Some(',') => '.',
        Some(_) => ',',
        None if commas > 0 => ',',
        None => '.',
    };
    let int_end = decimal.and_then(|d| text.rfind(d)).unwrap_or(text.len());
    // Thousands groups: one to three digits, then groups of exactly three (spaces count as
    // separators too).
    let int_part = &text[..int_end];
    let int_part = int_part.strip_prefix(['-', '+']).unwrap_or(int_part);
    let mut groups = int_part.split(|c: char| c == thousands || is_space(c));
    let first = groups.next().unwrap_or_default();
    let mut grouped = false;
    for group in groups {
        grouped = true;
        if group.len() != 3 {
            return None;
        }
    }
    if grouped && !(1..=3).contains(&first.len()) {
        return None;
    }
    for (at, c) in text.char_indices() {
        let byte = match c {
            '0'..='9' | '-' | '+' => c as u8,
            _ if Some(c) == decimal && at == int_end => b'.',
            _ if c == thousands || is_space(c) => continue,
            _ => return None,
        };
        *buf.get_mut(len)? = byte;
        len += 1;
    }
    plain_number(std::str::from_utf8(&buf[..len]).ok()?)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')
}

/// A yes/no value: `1`/`0`, `true`/`false`, `yes`/`no`, `y`/`n`, `t`/`f`, `có`/`không`
/// (`co`/`khong`), `đúng`/`sai`, any case. `None` for anything else.
pub fn parse_flag(text: &str) -> Option<bool> {
    let text = trim(text);
    if text.is_ascii() {
        const YES: [&str; 6] = ["1", "true", "yes", "y", "t", "co"];
        const NO: [&str; 7] = ["0", "false", "no", "n", "f", "khong", "sai"];
        if YES.iter().any(|w| w.eq_ignore_ascii_case(text)) {
            return Some(true);
        }
        if NO.iter().any(|w| w.eq_ignore_ascii_case(text)) {
            return Some(false);
        }
        return match parse_number(text) {
            Some(1.0) => Some(true),
            Some(0.0) => Some(false),
            _ => None,
        };
    }
    // The usual spellings without folding (which allocates).
    match text {
        "có" | "Có" | "CÓ" | "đúng" | "Đúng" | "ĐÚNG" => return Some(true),
        "không" | "Không" | "KHÔNG" => return Some(false),
        _ => {}
    }
    match super::roles::fold(text).as_str() {
        "co" | "dung" => Some(true),
        "khong" | "sai" => Some(false),
        _ => None,
    }
}

/// A timestamp: ISO 8601 (`2026-03-01`, `2026-03-01T09:30`, with seconds, fractions, `Z` or an
/// offset), `dd/mm/yyyy HH:MM[:SS]` (or month first; `-` and `.` work as `/`; two-digit years
/// are 2000–2069 and 1970–1999; `AM`/`PM` and Vietnamese `SA`/`CH` after the time),
/// `yyyy/mm/dd`, or a bare number read as [`ValueOptions::time_numbers`] says. An offset is
/// dropped: the clock time as written is kept, so a month is the writer's month.
pub fn parse_timestamp(text: &str, options: ValueOptions) -> Option<DateTime> {
    let text = trim(text);
    if text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && text.bytes().filter(|b| !b.is_ascii_digit()).count() <= 1
    {
        let number = parse_number(text)?;
        return match options.time_numbers {
            TimeNumbers::ExcelSerial => from_excel_serial(number),
            TimeNumbers::Unix => from_unix(number),
        };
    }
    let mut cur = Cursor {
        bytes: text.as_bytes(),
        at: 0,
    };
    let (a, a_len) = cur.digits(1, 4)?;
    let sep = cur.one_of(b"-/.")?;
    let (b, _) = cur.digits(1, 2)?;
    cur.expect(sep)?;
    let (c, c_len) = cur.digits(1, 4)?;
    let (year, month, day) = if a_len == 4 {
        (a, b, c)
    } else {
        let year = match c_len {
            2 if c < 70 => 2000 + c,
            2 => 1900 + c,
            4 => c,
            _ => return None,
        };
        if options.month_first {
            (year, a, b)
        } else {
            (year, b, a)
        }
    };
    let (mut hour, mut minute, mut second, mut nanos) = (0, 0, 0, 0);
    if !cur.done() {
        if cur.peek() == Some(b'T') {
            cur.at += 1;
        } else if cur.spaces() == 0 {
            return None;
        }
        (hour, _) = cur.digits(1, 2)?;
        cur.expect(b':')?;
        (minute, _) = cur.digits(2, 2)?;
        if cur.peek() == Some(b':') {
            cur.at += 1;
            (second, _) = cur.digits(2, 2)?;
            if matches!(cur.peek(), Some(b'.' | b',')) {
                cur.at += 1;
                let (frac, len) = cur.digits(1, 9)?;
                nanos = frac * 10i32.pow(9 - u32::try_from(len).ok()?);
            }
        }
        cur.spaces();
        hour = cur.meridiem(hour)?;
        cur.spaces();
        cur.offset()?;
        if !cur.done() {
            return None;
        }
    }
    DateTime::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        nanos,
    )
    .ok()
}

/// A little reader over the bytes of a timestamp.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// `min..=max` digits: their value and how many there were.
    fn digits(&mut self, min: usize, max: usize) -> Option<(i32, usize)> {
        let mut value = 0i32;
        let mut len = 0;
        while len < max
            && let Some(b) = self.peek().filter(u8::is_ascii_digit)
        {
            value = value * 10 + i32::from(b - b'0');
            len += 1;
            self.at += 1;
        }
        (len >= min && !self.peek().is_some_and(|b| b.is_ascii_digit())).then_some((value, len))
    }

    fn one_of(&mut self, set: &[u8]) -> Option<u8> {
        let b = self.peek().filter(|b| set.contains(b))?;
        self.at += 1;
        Some(b)
    }

    fn expect(&mut self, want: u8) -> Option<()> {
        self.one_of(&[want]).map(|_| ())
    }

    fn spaces(&mut self) -> usize {
        let start = self.at;
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
        self.at - start
    }

    /// `AM`/`PM` (or `SA`/`CH`, sáng/chiều) after a 12-hour time: the 24-hour hour.
    fn meridiem(&mut self, hour: i32) -> Option<i32> {
        let rest = self.bytes.get(self.at..self.at + 2).unwrap_or_default();
        let pm = if rest.eq_ignore_ascii_case(b"am") || rest.eq_ignore_ascii_case(b"sa") {
            false
        } else if rest.eq_ignore_ascii_case(b"pm") || rest.eq_ignore_ascii_case(b"ch") {
            true
        } else {
            return Some(hour);
        };
        self.at += 2;
        if !(1..=12).contains(&hour) {
            return None;
        }
        Some(hour % 12 + if pm { 12 } else { 0 })
    }

    /// `Z`, `+07:00`, `+0700`, `-03` or nothing.
    fn offset(&mut self) -> Option<()> {
        match self.peek() {
            None => Some(()),
            Some(b'Z' | b'z') => {
                self.at += 1;
                Some(())
            }
            Some(b'+' | b'-') => {
                self.at += 1;
                match self.digits(2, 4)? {
                    (_, 2) if self.peek() == Some(b':') => {
                        self.at += 1;
                        self.digits(2, 2).map(|_| ())
                    }
                    (_, 2 | 4) => Some(()),
                    _ => None,
                }
            }
            Some(_) => None,
        }
    }
}

/// An Excel date serial (1900 system: day 1 is 1900-01-01, Excel's phantom 1900-02-29 is
/// serial 60) as a date and time, to the second.
pub fn from_excel_serial(serial: f64) -> Option<DateTime> {
    if !(1.0..=LAST_SERIAL).contains(&serial) {
        return None;
    }
    // From 1 March 1900 on, serials count from 1899-12-30; before, from 1899-12-31.
    let epoch_offset = if serial < 61.0 { 25_568.0 } else { 25_569.0 };
    from_unix((serial - epoch_offset) * 86_400.0)
}

/// Seconds (or, above 10¹¹, milliseconds) since 1970-01-01 as a date and time, to the second.
pub fn from_unix(number: f64) -> Option<DateTime> {
    let seconds = if number.abs() >= 1e11 {
        number / 1000.0
    } else {
        number
    };
    if !seconds.is_finite() {
        return None;
    }
    let seconds = seconds.round() as i64;
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    DateTime::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        i8::try_from(rest / 3600).ok()?,
        i8::try_from(rest / 60 % 60).ok()?,
        i8::try_from(rest % 60).ok()?,
        0,
    )
    .ok()
}

/// Days since 1970-01-01 → (year, month, day), Howard Hinnant's algorithm.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A calendar month as `"2026-03"`: from `2026-03`, `2026/03`, `03/2026`, `3.2026`, or any
/// timestamp [`parse_timestamp`] reads.
pub fn parse_period(text: &str, options: ValueOptions) -> Option<String> {
    let text = trim(text);
    let mut cur = Cursor {
        bytes: text.as_bytes(),
        at: 0,
    };
    let month_of = |cur: &mut Cursor<'_>| -> Option<(i32, i32)> {
        let (a, a_len) = cur.digits(1, 4)?;
        cur.one_of(b"-/.")?;
        let (b, b_len) = cur.digits(1, 4)?;
        if !cur.done() {
            return None;
        }
        match (a_len, b_len) {
            (4, 1 | 2) => Some((a, b)),
            (1 | 2, 4) => Some((b, a)),
            _ => None,
        }
    };
    let (year, month) = match month_of(&mut cur) {
        Some(found) => found,
        None => {
            let at = parse_timestamp(text, options)?;
            (i32::from(at.year()), i32::from(at.month()))
        }
    };
    (1..=12)
        .contains(&month)
        .then(|| format!("{year:04}-{month:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::datetime;

    #[test]
    fn numbers_with_decimal_commas_and_thousands() {
        assert_eq!(parse_number("4,5"), Some(4.5));
        assert_eq!(parse_number("4.5"), Some(4.5));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_number("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_number("1 234"), Some(1234.0));
        assert_eq!(parse_number("1\u{a0}234,5"), Some(1234.5));
        assert_eq!(parse_number("12,5%"), Some(0.125));
        assert_eq!(
            parse_number("1,234"),
            Some(1.234),
            "a lone separator is a decimal point"
        );
        for bad in [
            "",
            "abc",
            "inf",
            "NaN",
            "1,2,3",
            "1.23.4",
            "4,5,",
            "1.234.5,6.7",
            "--1",
            ".",
        ] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_quick_nfc_test_is_right_on_every_character_it_passes() {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let mut passed = 0;
        for c in (0..0x2_0000u32).filter_map(char::from_u32) {
            let text = c.to_string();
            if surely_nfc(&text) {
                passed += 1;
                assert_eq!(
                    is_nfc_quick(text.chars()),
                    IsNormalized::Yes,
                    "U+{:04X}",
                    c as u32
                );
            }
        }
        assert_eq!(passed, 0x300 + 0x100);
        assert!(surely_nfc("Trang chủ, Giỏ hàng, Đánh giá dịch vụ"));
        assert!(!surely_nfc("Gio\u{309}"), "a combining mark is looked up");
        assert_eq!(trim("  a b \u{a0}"), "a b");
        assert_eq!(trim("ab"), "ab");
    }

    #[test]
    fn the_wider_quick_nfc_test_is_right_on_every_character_it_passes() {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let mut passed = 0;
        for c in (0..0x2_0000u32).filter_map(char::from_u32) {
            let text = c.to_string();
            assert!(
                !surely_nfc(&text) || nfc_without_lookup(&text),
                "U+{:04X}",
                c as u32
            );
            if nfc_without_lookup(&text) {
                passed += 1;
                assert_eq!(
                    is_nfc_quick(text.chars()),
                    IsNormalized::Yes,
                    "U+{:04X}",
                    c as u32
                );
            }
        }
        assert_eq!(passed, 0x300 + 0x100 + 0x6e);
        assert!(nfc_without_lookup(
            "Quảng cáo Zalo: “Quay là trúng” – ngay…"
        ));
        assert!(!nfc_without_lookup("a\u{2000}b"), "U+2000 is U+2002 in NFC");
        assert!(!nfc_without_lookup("Gio\u{309}"));
    }

    #[test]
    fn flags_in_every_spelling() {
        for yes in [
            "1", "true", "TRUE", "Yes", "y", "Y", "có", "Có", "CÓ", "co", "CO", "1.0",
        ] {
            assert_eq!(parse_flag(yes), Some(true), "{yes}");
        }
        for no in [
            "0", "false", "No", "n", "không", "Không", "KHÔNG", "khong", "Khong", "0,0",
        ] {
            assert_eq!(parse_flag(no), Some(false), "{no}");
        }
        // "có" written decomposed (o + combining acute) still reads.
        assert_eq!(parse_flag("co\u{301}"), Some(true));
        for bad in ["2", "maybe", "có lẽ", "-1"] {
            assert_eq!(parse_flag(bad), None, "{bad}");
        }
    }

    fn ts(text: &str) -> Option<DateTime> {
        parse_timestamp(text, ValueOptions::default())
    }

    #[test]
    fn iso_timestamps_with_and_without_time_and_offset() {
        assert_eq!(ts("2026-03-01"), Some(datetime(2026, 3, 1, 0, 0, 0, 0)));
        assert_eq!(
            ts("2026-03-01T09:30"),
            Some(datetime(2026, 3, 1, 9, 30, 0, 0))
        );
        assert_eq!(
            ts("2026-03-01 09:30:15"),
            Some(datetime(2026, 3, 1, 9, 30, 15, 0))
        );
        assert_eq!(
            ts("2026-03-01T09:30:15Z"),
            Some(datetime(2026, 3, 1, 9, 30, 15, 0))
        );
        assert_eq!(
            ts("2026-03-01T09:30:15.250+07:00"),
            Some(datetime(2026, 3, 1, 9, 30, 15, 250_000_000))
        );
        assert_eq!(
            ts("2026-03-01T23:59:59-0500"),
            Some(datetime(2026, 3, 1, 23, 59, 59, 0))
        );
        assert_eq!(ts("2026/03/01"), Some(datetime(2026, 3, 1, 0, 0, 0, 0)));
    }

    #[test]
    fn day_first_dates_and_the_month_first_option() {
        assert_eq!(
            ts("03/04/2026 14:05"),
            Some(datetime(2026, 4, 3, 14, 5, 0, 0))
        );
        assert_eq!(ts("3-4-2026"), Some(datetime(2026, 4, 3, 0, 0, 0, 0)));
        assert_eq!(
            ts("03.04.26 9:05:07"),
            Some(datetime(2026, 4, 3, 9, 5, 7, 0))
        );
        assert_eq!(ts("31/12/99"), Some(datetime(1999, 12, 31, 0, 0, 0, 0)));
        assert_eq!(
            ts("03/04/2026 2:05 PM"),
            Some(datetime(2026, 4, 3, 14, 5, 0, 0))
        );
        assert_eq!(
            ts("03/04/2026 12:05 SA"),
            Some(datetime(2026, 4, 3, 0, 5, 0, 0))
        );
        let month_first = ValueOptions {
            month_first: true,
            ..ValueOptions::default()
        };
        assert_eq!(
            parse_timestamp("03/04/2026 14:05", month_first),
            Some(datetime(2026, 3, 4, 14, 5, 0, 0))
        );
        assert_eq!(
            parse_timestamp("12/31/2026", month_first),
            Some(datetime(2026, 12, 31, 0, 0, 0, 0))
        );
        for bad in [
            "31/02/2026",
            "13/13/2026",
            "2026-03-01T25:00",
            "03/04/2026 14",
            "3/4",
            "tomorrow",
            "03/04-2026",
            "2026-03-01 09:30 XM",
        ] {
            assert_eq!(ts(bad), None, "{bad}");
        }
    }

    #[test]
    fn unix_seconds_and_excel_serials() {
        assert_eq!(ts("1772357400"), Some(datetime(2026, 3, 1, 9, 30, 0, 0)));
        assert_eq!(ts("1772357400000"), Some(datetime(2026, 3, 1, 9, 30, 0, 0)));
        let serial = ValueOptions {
            time_numbers: TimeNumbers::ExcelSerial,
            ..ValueOptions::default()
        };
        assert_eq!(
            parse_timestamp("46082", serial),
            Some(datetime(2026, 3, 1, 0, 0, 0, 0))
        );
        assert_eq!(
            parse_timestamp("46082.5", serial),
            Some(datetime(2026, 3, 1, 12, 0, 0, 0))
        );
        assert_eq!(
            parse_timestamp("46082,75", serial),
            Some(datetime(2026, 3, 1, 18, 0, 0, 0))
        );
        assert_eq!(
            from_excel_serial(1.0),
            Some(datetime(1900, 1, 1, 0, 0, 0, 0))
        );
        assert_eq!(
            from_excel_serial(61.0),
            Some(datetime(1900, 3, 1, 0, 0, 0, 0))
        );
        assert_eq!(from_excel_serial(0.5), None);
        assert_eq!(from_excel_serial(3e6), None);
        assert_eq!(from_unix(f64::NAN), None);
        assert_eq!(
            from_unix(-86_400.0),
            Some(datetime(1969, 12, 31, 0, 0, 0, 0))
        );
    }

    #[test]
    fn periods_as_calendar_months() {
        let o = ValueOptions::default();
        assert_eq!(parse_period("2026-03", o).as_deref(), Some("2026-03"));
        assert_eq!(parse_period("2026/3", o).as_deref(), Some("2026-03"));
        assert_eq!(parse_period("03/2026", o).as_deref(), Some("2026-03"));
        assert_eq!(parse_period("3.2026", o).as_deref(), Some("2026-03"));
        assert_eq!(parse_period("15/03/2026", o).as_deref(), Some("2026-03"));
        assert_eq!(
            parse_period("2026-03-15T10:00", o).as_deref(),
            Some("2026-03")
        );
        assert_eq!(parse_period("2026-13", o), None);
        assert_eq!(parse_period("Q1", o), None);
    }
}

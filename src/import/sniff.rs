//! What the first rows of an export say about it: the delimiter (the one that splits the most
//! rows into the same number of fields), the header row (the first row naming known columns,
//! else the first row as wide as the data with no numbers in it: a title block or blank rows
//! above it are passed over) and how bare numbers in its timestamp column are meant.

use unicode_normalization::UnicodeNormalization as _;

use super::roles::is_known_header;
use super::text::Tracked;
use super::values::{TimeNumbers, parse_number, parse_timestamp};

/// The first rows of a table: each row's 1-based line (sheet row in a workbook) and its cells,
/// trimmed and NFC.
pub type SampleRows = Vec<(u64, Vec<String>)>;

/// How many rows the detection looks at.
const ROWS_LOOKED_AT: usize = 100;

/// The delimiters tried, in order of preference when they do equally well.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The delimiter of a text: the one whose most common field count (above one) is shared by
/// the most rows, quoted fields respected. A comma when no candidate splits anything.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut best = (0usize, 0usize, b',');
    for delimiter in DELIMITERS {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        let mut reader = csv_reader(text, delimiter);
        let mut record = csv::ByteRecord::new();
        for _ in 0..ROWS_LOOKED_AT {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) | Err(_) => break,
            }
            let width = record.len();
            if width < 2 {
                continue;
            }
            match counts.iter_mut().find(|(w, _)| *w == width) {
                Some((_, n)) => *n += 1,
                None => counts.push((width, 1)),
            }
        }
        if let Some(&(width, rows)) = counts.iter().max_by_key(|(w, n)| (*n, *w))
            && (rows, width) > (best.0, best.1)
        {
            best = (rows, width, delimiter);
        }
    }
    best.2
}

fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The first `max` records of `text`, cells trimmed and NFC; records whose bytes are not text
/// are left out (the sample is decoded text, so only a cut last record can be).
pub fn sample_rows(text: &str, delimiter: u8, max: usize) -> SampleRows {
    let mut rows = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(Tracked::new(text.as_bytes(), u64::MAX / 2));
    let mut record = csv::StringRecord::new();
    while rows.len() < max {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) | Err(_) => break,
        }
        let line = reader
            .get_ref()
            .line_of(record.position().map_or(0, csv::Position::byte));
        rows.push((line, record.iter().map(clean).collect()));
    }
    rows
}

/// A cell as shown and compared: trimmed, NFC.
pub fn clean(cell: &str) -> String {
    cell.trim().nfc().collect()
}

/// The index in `rows` of the header row: the first row at or after line `header_row` when
/// given, else detected. `None` when there are no rows (or none at that line).
pub fn detect_header(rows: &SampleRows, header_row: Option<u32>) -> Option<usize> {
    if let Some(line) = header_row {
        return rows.iter().position(|(l, _)| *l >= u64::from(line));
    }
    let filled = |cells: &[String]| cells.iter().filter(|c| !c.is_empty()).count();
    let looked_at = rows.iter().take(ROWS_LOOKED_AT);
    if let Some(at) = rows
        .iter()
        .take(30)
        .position(|(_, cells)| cells.iter().filter(|c| is_known_header(c)).count() >= 2)
    {
        return Some(at);
    }
    // The data's width: the most common number of filled cells (the wider on a tie).
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for (_, cells) in looked_at {
        let width = filled(cells);
        if width == 0 {
            continue;
        }
        match counts.iter_mut().find(|(w, _)| *w == width) {
            Some((_, n)) => *n += 1,
            None => counts.push((width, 1)),
        }
    }
    let width = counts
        .iter()
        .max_by_key(|(w, n)| (*n, *w))
        .map_or(1, |(w, _)| *w);
    let numeric = |cell: &String| {
        parse_number(cell).is_some() || parse_timestamp(cell, Default::default()).is_some()
    };
    rows.iter()
        .take(30)
        .position(|(_, cells)| filled(cells) >= width && !cells.iter().any(numeric))
        .or_else(|| rows.iter().position(|(_, cells)| filled(cells) >= width))
        .or(if rows.is_empty() { None } else { Some(0) })
}

/// How bare numbers in a text file's timestamp column are meant: Excel serials when every
/// filled value of `column` in `data` is a number in Excel's date range (and there is one),
/// else Unix seconds.
pub fn time_numbers(data: &[(u64, Vec<String>)], column: usize) -> TimeNumbers {
    let mut any = false;
    for (_, cells) in data {
        let Some(cell) = cells.get(column).filter(|c| !c.is_empty()) else {
            continue;
        };
        match parse_number(cell) {
            Some(n) if (1.0..2_958_466.0).contains(&n) => any = true,
            _ => return TimeNumbers::Unix,
        }
    }
    if any {
        TimeNumbers::ExcelSerial
    } else {
        TimeNumbers::Unix
    }
}

/// Whether the dates of `column` can only be month first (a second part above 12, and no
/// first part above 12): a hint for the preview, never applied by itself.
pub fn looks_month_first(data: &[(u64, Vec<String>)], column: usize) -> bool {
    let mut second_above = false;
    for (_, cells) in data {
        let Some(cell) = cells.get(column) else {
            continue;
        };
        let mut parts = cell.split(['/', '-', '.']);
        let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
            continue;
        };
        if a.len() > 2 {
            continue;
        }
        let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else {
            continue;
        };
        if a > 12 {
            return false;
        }
        second_above |= b > 12;
    }
    second_above
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_detected_with_quotes_and_decimal_commas() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(detect_delimiter("a;b;c\nKH1;4,5;x\nKH2;3,5;y\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc\n1\t2,5\t3\n"), b'\t');
        assert_eq!(detect_delimiter("a,b\n\"x;y;z\",2\n\"p;q\",3\n"), b',');
        assert_eq!(detect_delimiter("Báo cáo\n\na;b;c\n1;2;3\n"), b';');
        assert_eq!(detect_delimiter("one\ntwo\n"), b',');
    }

    #[test]
    fn the_header_is_found_under_a_title_block() {
        let text = "Báo cáo hành trình khách hàng\nXuất ngày;01/03/2026\n\nMã KH;Điểm chạm;Ngày\nKH1;Trang chủ;01/03/2026\nKH2;Giỏ hàng;02/03/2026\n";
        let rows = sample_rows(text, b';', 50);
        assert_eq!(
            rows[0],
            (1, vec!["Báo cáo hành trình khách hàng".to_owned()])
        );
        let at = detect_header(&rows, None);
        assert_eq!(at.map(|i| rows[i].0), Some(4));
        // Unknown header names: the first row as wide as the data, without numbers.
        let text = "Report\n,,\nid,where,when\n1,home,2026-03-01\n2,cart,2026-03-02\n";
        let rows = sample_rows(text, b',', 50);
        assert_eq!(detect_header(&rows, None).map(|i| rows[i].0), Some(3));
        // Given by the user.
        assert_eq!(detect_header(&rows, Some(4)).map(|i| rows[i].0), Some(4));
        assert_eq!(detect_header(&rows, Some(99)), None);
        assert_eq!(detect_header(&Vec::new(), None), None);
    }

    #[test]
    fn serial_columns_and_month_first_hints() {
        let rows = |cells: &[&str]| -> SampleRows {
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| (i as u64, vec![(*c).to_owned()]))
                .collect()
        };
        assert_eq!(
            time_numbers(&rows(&["46082", "", "46083,5"]), 0),
            TimeNumbers::ExcelSerial
        );
        assert_eq!(
            time_numbers(&rows(&["46082", "1772357400"]), 0),
            TimeNumbers::Unix
        );
        assert_eq!(
            time_numbers(&rows(&["46082", "2026-03-01"]), 0),
            TimeNumbers::Unix
        );
        assert_eq!(time_numbers(&rows(&[""]), 0), TimeNumbers::Unix);
        assert!(looks_month_first(&rows(&["03/04/2026", "12/31/2026"]), 0));
        assert!(!looks_month_first(&rows(&["03/04/2026", "31/12/2026"]), 0));
        assert!(!looks_month_first(&rows(&["2026-03-31"]), 0));
    }
}

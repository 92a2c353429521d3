//! Workbooks (an `.xlsx` with two sheets, an `.ods`), written here, and the limits of a read:
//! binary files, a huge line, progress and cancel, the file's hash.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use journeymap::import::{self, ImportError, Input, Progress, Row, Shape, SourceKind};
use journeymap::model::ImportSettings;

use super::{events_with, file, preview};

/// A workbook with a notes sheet first and the events (under a title row) second, as CRM
/// exports come: typed cells (a number id, a date cell, a serial number, a boolean).
fn two_sheet_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Ghi chú").unwrap();
    notes.write_string(0, 0, "Xuất từ CRM, tháng 3").unwrap();
    let data = book.add_worksheet();
    data.set_name("Sự kiện").unwrap();
    data.write_string(0, 0, "Báo cáo sự kiện khách hàng")
        .unwrap();
    for (col, name) in [
        "Mã KH",
        "Thời gian",
        "Điểm chạm",
        "Chuyển đổi",
        "Mức hài lòng",
    ]
    .iter()
    .enumerate()
    {
        data.write_string(2, col as u16, *name).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    let at = ExcelDateTime::from_ymd(2026, 3, 1)
        .unwrap()
        .and_hms(9, 30, 0)
        .unwrap();
    data.write_number(3, 0, 1001).unwrap();
    data.write_datetime_with_format(3, 1, &at, &date).unwrap();
    data.write_string(3, 2, "Trang chủ").unwrap();
    data.write_boolean(3, 3, true).unwrap();
    data.write_number(3, 4, 4.5).unwrap();
    data.write_string(4, 0, "KH1002").unwrap();
    data.write_number(4, 1, 46083.25).unwrap();
    data.write_string(4, 2, "Giỏ hàng").unwrap();
    data.write_string(4, 3, "không").unwrap();
    data.write_number(4, 4, 7).unwrap();
    data.write_string(5, 0, "KH1003").unwrap();
    data.write_string(5, 1, "03/03/2026 08:00").unwrap();
    data.write_string(5, 2, "Thanh toán").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_sheet_is_chosen_and_its_typed_cells_read() {
    let input = Input::Bytes {
        name: "crm.xlsx".into(),
        bytes: two_sheet_xlsx(),
    };
    // The first sheet holds only a note: no table there.
    let p = preview(&input, &ImportSettings::default());
    assert_eq!(p.detected.kind, SourceKind::Workbook);
    assert_eq!(p.detected.sheets, ["Ghi chú", "Sự kiện"]);
    assert_eq!(p.detected.sheet.as_deref(), Some("Ghi chú"));
    assert_eq!(p.shape, Shape::Unknown);
    // The sheet is picked by name, written any case or accent.
    let settings = ImportSettings {
        sheet: Some("su kien".into()),
        ..Default::default()
    };
    let p = preview(&input, &settings);
    assert_eq!(p.detected.sheet.as_deref(), Some("Sự kiện"));
    assert_eq!(p.detected.header_row, 3);
    assert_eq!(
        p.headers,
        [
            "Mã KH",
            "Thời gian",
            "Điểm chạm",
            "Chuyển đổi",
            "Mức hài lòng"
        ]
    );
    assert_eq!(
        p.rows[0],
        ["1001", "2026-03-01T09:30:00", "Trang chủ", "true", "4.5"]
    );
    let (rows, summary) = events_with(&input, &settings);
    assert_eq!(
        rows,
        [
            "4|1001|2026-03-01T09:30:00|Trang chủ|-|true|4.5|-|-",
            "5|KH1002|2026-03-02T06:00:00|Giỏ hàng|-|false|-|-|-",
            "6|KH1003|2026-03-03T08:00:00|Thanh toán|-|-|-|-|-",
        ]
    );
    // Row 5's CSAT 7 is out of range: ignored and said so, with the sheet row; the row counts.
    assert!(summary.skips.kept.is_empty());
    assert_eq!(
        summary
            .skips
            .ignored
            .kept
            .iter()
            .map(journeymap::import::Skip::ignored_text)
            .collect::<Vec<_>>(),
        ["line 5: Mức hài lòng 7 is outside 1–5; value ignored"]
    );
    assert_eq!(summary.source.file_name, "crm.xlsx");
    let settings = ImportSettings {
        sheet: Some("Tháng 4".into()),
        ..Default::default()
    };
    assert_eq!(
        import::preview(&input, &settings)
            .err()
            .map(|e| e.to_string())
            .as_deref(),
        Some("no sheet \"Tháng 4\" in the workbook; it has Ghi chú, Sự kiện")
    );
}

/// A minimal `OpenDocument` spreadsheet, stored uncompressed.
fn ods(rows: &[&[(&str, &str)]]) -> Vec<u8> {
    use std::io::Write as _;
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Dữ liệu">"#,
    );
    for row in rows {
        content.push_str("<table:table-row>");
        for (kind, value) in *row {
            content.push_str(&match *kind {
                "float" => format!(r#"<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>"#),
                "date" => format!(r#"<table:table-cell office:value-type="date" office:date-value="{value}"><text:p>{value}</text:p></table:table-cell>"#),
                _ => format!(r#"<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>"#),
            });
        }
        content.push_str("</table:table-row>");
    }
    content.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn an_ods_sheet_is_read() {
    let s = |v| ("string", v);
    let bytes = ods(&[
        &[s("customer"), s("timestamp"), s("touchpoint"), s("nps")],
        &[
            s("C1"),
            ("date", "2026-03-01T09:30:00"),
            s("Web"),
            ("float", "9"),
        ],
        &[s("C2"), ("float", "46082.5"), s("App"), ("float", "3")],
    ]);
    let input = Input::Bytes {
        name: "export.ods".into(),
        bytes,
    };
    let (rows, summary) = events_with(&input, &ImportSettings::default());
    assert_eq!(summary.detected.sheets, ["Dữ liệu"]);
    assert_eq!(
        rows,
        [
            "2|C1|2026-03-01T09:30:00|Web|-|-|-|9|-",
            "3|C2|2026-03-01T12:00:00|App|-|-|-|3|-"
        ]
    );
}

#[test]
fn a_binary_file_or_a_broken_workbook_gets_a_clear_error() {
    let png = Input::Bytes {
        name: "photo.csv".into(),
        bytes: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
    };
    let err = import::preview(&png, &ImportSettings::default())
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("this is not a text export or a workbook: binary bytes at byte 8")
    );
    let zip = Input::Bytes {
        name: "x.xlsx".into(),
        bytes: b"PK\x03\x04 not really a zip".to_vec(),
    };
    assert!(matches!(
        import::preview(&zip, &ImportSettings::default()),
        Err(ImportError::Workbook(_))
    ));
    let missing = file("no such file.csv");
    let err = import::preview(&missing, &ImportSettings::default()).err();
    assert!(
        matches!(&err, Some(ImportError::Read { file, .. }) if file == "no such file.csv"),
        "{err:?}"
    );
}

#[test]
fn a_huge_line_stops_the_read_without_taking_its_memory() {
    // A line of 3 MiB with no end: refused from the sample already.
    let endless = Input::Bytes {
        name: "x.csv".into(),
        bytes: vec![b'x'; 3 << 20],
    };
    let err = import::preview(&endless, &ImportSettings::default())
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("line 1: a row longer than 1 MiB (a binary file, or a quote never closed?)")
    );
    // A good start, then a quote never closed: the sample is fine, the read stops at the row.
    let mut bytes = b"customer,touchpoint\nC1,Web\nC2,\"".to_vec();
    bytes.extend(std::iter::repeat_n(b"abc\n".as_slice(), 1 << 20).flatten());
    let input = Input::Bytes {
        name: "x.csv".into(),
        bytes,
    };
    let mut seen = Vec::new();
    let result = import::read(
        &input,
        &ImportSettings::default(),
        &Progress::new(),
        |row| {
            if let Row::Event(e) = row {
                seen.push(e.customer.to_owned());
            }
        },
    );
    assert!(
        matches!(
            result,
            Err(ImportError::RecordTooLong {
                line: 3,
                limit: 1_048_576
            })
        ),
        "{result:?}"
    );
    assert_eq!(seen, ["C1"]);
}

#[test]
fn a_read_reports_progress_and_can_be_cancelled() {
    let mut text = String::from("customer,touchpoint\n");
    for i in 0..10_000 {
        text.push_str(&format!("C{i},Web\n"));
    }
    let input = Input::Bytes {
        name: "big.csv".into(),
        bytes: text.into_bytes(),
    };
    let progress = Progress::new();
    let mut count = 0;
    let summary = import::read(&input, &ImportSettings::default(), &progress, |_| {
        count += 1;
    });
    assert_eq!(summary.map(|s| s.source.rows_read).ok(), Some(10_000));
    assert_eq!(count, 10_000);
    assert_eq!(
        (progress.bytes_read(), progress.fraction()),
        (progress.total(), 1.0)
    );
    let progress = Progress::new();
    progress.cancel();
    let mut count = 0;
    let result = import::read(&input, &ImportSettings::default(), &progress, |_| {
        count += 1;
    });
    assert!(matches!(result, Err(ImportError::Cancelled)));
    assert!(count < 4096, "stopped within the first check: {count}");
}

#[test]
fn the_hash_tells_one_file_from_another() {
    let read = |bytes: &[u8]| {
        let input = Input::Bytes {
            name: "a.csv".into(),
            bytes: bytes.to_vec(),
        };
        import::read(&input, &ImportSettings::default(), &Progress::new(), |_| {})
            .map(|s| s.source)
            .unwrap()
    };
    let a = read(b"customer,touchpoint\nC1,Web\n");
    let b = read(b"customer,touchpoint\nC1,Web\n");
    let c = read(b"customer,touchpoint\nC2,Web\n");
    assert_eq!(a.hash, b.hash);
    assert_ne!(a.hash, c.hash);
    assert_eq!((a.size, a.rows_read, a.rows_skipped), (27, 1, 0));
    // The same bytes decoded from UTF-16 hash as the file's bytes, not as the text.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(
            "customer,touchpoint\nC1,Web\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    assert_ne!(read(&utf16).hash, a.hash);
}

/// `crm_report.xls`: a legacy Excel 97–2003 workbook (BIFF8, written with Python's `xlwt`), a
/// title above the header, Vietnamese headers, real date cells formatted `dd/mm/yyyy hh:mm`,
/// có/không flags and whole-number CSAT.
#[test]
fn a_legacy_xls_workbook_is_read() {
    let input = file("crm_report.xls");
    let p = preview(&input, &ImportSettings::default());
    assert_eq!(p.detected.kind, SourceKind::Workbook);
    assert_eq!(p.detected.sheets, ["Báo cáo"]);
    assert_eq!(p.detected.header_row, 3);
    assert_eq!(
        p.headers,
        [
            "Mã khách hàng",
            "Thời gian",
            "Điểm chạm",
            "Chuyển đổi",
            "CSAT"
        ]
    );
    let (rows, summary) = events_with(&input, &ImportSettings::default());
    assert_eq!(
        rows,
        [
            "4|KH01|2026-07-01T09:30:00|Quảng cáo Zalo|-|false|4|-|-",
            "5|KH01|2026-07-02T10:00:00|Mini App|-|true|5|-|-",
            "6|KH02|2026-08-03T08:15:00|Quảng cáo Zalo|-|false|2|-|-",
        ]
    );
    assert_eq!(summary.skips.total, 0);
    assert_eq!(summary.source.file_name, "crm_report.xls");
}

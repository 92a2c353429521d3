//! The reader of customer-data exports on one small hand-made file per messy-export feature
//! (`tests/import/`), and on workbooks written here: the exact rows and values it hands over,
//! what it detects, and the rows it skips with their lines and reasons.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use journeymap::import::{
    self, ImportError, Input, Preview, Progress, ReadSummary, Row, Shape, SkipCount, SkipReason,
    TimeNumbers,
};
use journeymap::model::{ImportSettings, MetricKind, Role};

fn file(name: &str) -> Input {
    Input::Path(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/import")
            .join(name),
    )
}

fn preview(input: &Input, settings: &ImportSettings) -> Preview {
    import::preview(input, settings).unwrap_or_else(|e| panic!("{e}"))
}

/// Every event row as `line|customer|timestamp|touchpoint|stage|converted|csat|nps|channel`
/// (`-` where there is no value), and the summary.
fn events_with(input: &Input, settings: &ImportSettings) -> (Vec<String>, ReadSummary) {
    let mut rows = Vec::new();
    let summary = import::read(input, settings, &Progress::new(), |row| match row {
        Row::Event(e) => {
            let opt = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
            rows.push(format!(
                "{}|{}|{}|{}|{}|{}|{}|{}|{}",
                e.line,
                e.customer,
                opt(e.timestamp.map(|t| t.to_string())),
                e.touchpoint,
                opt(e.stage.map(str::to_owned)),
                opt(e.converted.map(|c| c.to_string())),
                opt(e.csat.map(|c| c.to_string())),
                opt(e.nps.map(|c| c.to_string())),
                opt(e.channel.map(str::to_owned)),
            ));
        }
        Row::Aggregate(a) => panic!("an aggregate row in an event table: {a:?}"),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    (rows, summary)
}

fn events(name: &str) -> (Vec<String>, ReadSummary) {
    events_with(&file(name), &ImportSettings::default())
}

/// Every aggregate row as `line|stage?|subject|metric|value|period`.
fn aggregates(name: &str) -> (Vec<String>, ReadSummary) {
    let mut rows = Vec::new();
    let summary = import::read(
        &file(name),
        &ImportSettings::default(),
        &Progress::new(),
        |row| {
            let Row::Aggregate(a) = row else {
                panic!("an event in an aggregate table")
            };
            rows.push(format!(
                "{}|{}|{}|{:?}|{}|{}",
                a.line,
                if a.stage { "stage" } else { "touchpoint" },
                a.subject,
                a.metric,
                a.value,
                a.period.as_deref().unwrap_or("-")
            ));
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    (rows, summary)
}

#[test]
fn a_comma_file_with_english_headers_gives_every_value() {
    let (rows, summary) = events("comma.csv");
    assert_eq!(
        rows,
        [
            "2|C1|2026-03-01T09:30:00|Home page|Discover|false|-|-|web",
            "3|C1|2026-03-02T10:00:00|Checkout|Buy|true|5|10|web",
            "4|C2|2026-03-05T00:00:00|Home page|Discover|false|3|6|app",
        ]
    );
    assert_eq!(summary.detected.delimiter, Some(','));
    assert_eq!(summary.detected.encoding, Some("UTF-8"));
    assert_eq!(summary.shape, Shape::Events);
    assert_eq!(
        summary.mapping,
        Role::ALL
            .iter()
            .enumerate()
            .map(|(i, r)| (*r, i))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        (summary.source.rows_read, summary.source.rows_skipped),
        (3, 0)
    );
    assert_eq!(summary.source.file_name, "comma.csv");
    assert_eq!(summary.source.size, 211);
    assert_eq!(summary.source.hash.len(), 32);
}

#[test]
fn a_vietnamese_semicolon_export_is_guessed_and_read() {
    let input = file("semicolon_vi.csv");
    let p = preview(&input, &ImportSettings::default());
    assert_eq!(p.detected.delimiter, Some(';'));
    assert_eq!(
        p.headers,
        [
            "Mã khách hàng",
            "Thời gian",
            "Điểm chạm",
            "Giai đoạn",
            "Chuyển đổi",
            "Mức hài lòng",
            "NPS",
            "Kênh"
        ]
    );
    assert_eq!(
        p.guessed,
        Role::ALL
            .iter()
            .enumerate()
            .map(|(i, r)| (*r, i))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        p.columns(),
        [
            (Role::Customer, "Mã khách hàng".to_owned()),
            (Role::Timestamp, "Thời gian".to_owned()),
            (Role::Touchpoint, "Điểm chạm".to_owned()),
            (Role::Stage, "Giai đoạn".to_owned()),
            (Role::Converted, "Chuyển đổi".to_owned()),
            (Role::Csat, "Mức hài lòng".to_owned()),
            (Role::Nps, "NPS".to_owned()),
            (Role::Channel, "Kênh".to_owned()),
        ]
    );
    assert_eq!(
        p.rows[1],
        [
            "KH002",
            "02/03/2026 14:05",
            "Giỏ hàng",
            "Mua",
            "có",
            "3",
            "7",
            "Ứng dụng"
        ]
    );
    let (rows, _) = events("semicolon_vi.csv");
    assert_eq!(
        rows,
        [
            "2|KH001|2026-03-01T09:30:00|Trang chủ|Khám phá|false|4|9|Web",
            "3|KH002|2026-03-02T14:05:00|Giỏ hàng|Mua|true|3|7|Ứng dụng",
        ]
    );
}

#[test]
fn a_tab_separated_file_is_read() {
    let (rows, summary) = events("tab.tsv");
    assert_eq!(summary.detected.delimiter, Some('\t'));
    assert_eq!(
        rows,
        [
            "2|U1|2026-03-01T08:00:00|Signup|-|-|-|-|-",
            "3|U2|2026-03-01T09:15:30|Login|-|-|-|-|-"
        ]
    );
}

#[test]
fn quoted_fields_keep_their_delimiters_quotes_and_newlines() {
    let p = preview(&file("quoted.csv"), &ImportSettings::default());
    assert_eq!(p.rows[0], ["C1", "Support, chat", "said \"hi\"\nthen left"]);
    let (rows, _) = events("quoted.csv");
    assert_eq!(
        rows,
        [
            "2|C1|-|Support, chat|-|-|-|-|-",
            "4|C2|-|Email\nnewsletter|-|-|-|-|-",
            "6|C3|-|Web|-|-|-|-|-"
        ]
    );
}

#[test]
fn a_utf8_byte_order_mark_is_dropped_before_the_header() {
    let p = preview(&file("bom_utf8.csv"), &ImportSettings::default());
    assert_eq!((p.detected.encoding, p.detected.bom), (Some("UTF-8"), true));
    assert_eq!(p.headers, ["customer", "touchpoint"]);
    let (rows, _) = events("bom_utf8.csv");
    assert_eq!(rows, ["2|C1|-|Café|-|-|-|-|-", "3|C2|-|Cửa hàng|-|-|-|-|-"]);
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let p = preview(&file("utf16le_bom.txt"), &ImportSettings::default());
    assert_eq!(
        (p.detected.encoding, p.detected.delimiter),
        (Some("UTF-16LE"), Some('\t'))
    );
    let (rows, _) = events("utf16le_bom.txt");
    assert_eq!(
        rows,
        ["2|KH1|-|Trang chủ|-|-|-|-|-", "3|KH2|-|Giỏ hàng|-|-|-|-|-"]
    );
}

#[test]
fn windows_1258_vietnamese_is_detected_and_composed() {
    let p = preview(&file("windows1258.csv"), &ImportSettings::default());
    assert_eq!(p.detected.encoding, Some("windows-1258"));
    // Windows-1258 writes tone marks apart; the reader hands over composed (NFC) text.
    assert_eq!(p.headers, ["Mã KH", "Điểm chạm", "Thời gian"]);
    let (rows, _) = events("windows1258.csv");
    assert_eq!(
        rows,
        [
            "2|KH1|2026-03-01T00:00:00|Trang chủ|-|-|-|-|-",
            "3|KH2|2026-03-02T00:00:00|Giỏ hàng|-|-|-|-|-",
            "4|KH3|2026-03-03T00:00:00|Thanh toán|-|-|-|-|-",
            "5|KH4|2026-03-04T00:00:00|Đánh giá dịch vụ|-|-|-|-|-",
        ]
    );
}

#[test]
fn windows_1252_is_detected_and_an_encoding_can_be_given() {
    let (rows, summary) = events("windows1252.csv");
    assert_eq!(summary.detected.encoding, Some("windows-1252"));
    assert_eq!(
        rows,
        [
            "2|C1|-|Café|-|-|-|-|Boutique été",
            "3|C2|-|Crème brûlée|-|-|-|-|Façade",
            "4|C3|-|Señal|-|-|-|-|São Tomé",
        ]
    );
    // Read as windows-1258 on the user's word: the same bytes mean other letters.
    let settings = ImportSettings {
        encoding: Some("windows-1258".into()),
        ..Default::default()
    };
    let (rows, summary) = events_with(&file("windows1252.csv"), &settings);
    assert_eq!(summary.detected.encoding, Some("windows-1258"));
    assert_eq!(rows[2], "4|C3|-|Señal|-|-|-|-|Săo Tomé");
}

#[test]
fn crlf_line_ends_and_blank_lines_keep_true_line_numbers() {
    let (rows, _) = events("crlf.csv");
    assert_eq!(
        rows,
        [
            "2|C1|2026-03-01T00:00:00|Home|-|-|-|-|-",
            "4|C2|2026-03-02T00:00:00|Cart|-|-|-|-|-"
        ]
    );
}

#[test]
fn a_title_block_above_the_header_is_passed_over() {
    let input = file("title_block.csv");
    let p = preview(&input, &ImportSettings::default());
    assert_eq!(p.detected.header_row, 5);
    assert_eq!(p.headers, ["Mã KH", "Điểm chạm", "Ngày", "Kênh"]);
    assert_eq!(p.rows.len(), 2);
    let (rows, _) = events("title_block.csv");
    assert_eq!(
        rows,
        [
            "6|KH1|2026-03-01T00:00:00|Trang chủ|-|-|-|-|Web",
            "7|KH2|2026-03-02T00:00:00|Giỏ hàng|-|-|-|-|Zalo"
        ]
    );
    // The user picks another header row: line 2 names no touchpoint, so nothing can be read.
    let settings = ImportSettings {
        header_row: Some(2),
        ..Default::default()
    };
    assert_eq!(
        preview(&input, &settings).headers,
        ["Xuất ngày: 01/03/2026"]
    );
    assert!(matches!(
        import::read(&input, &settings, &Progress::new(), |_| {}),
        Err(ImportError::NotATable)
    ));
    let settings = ImportSettings {
        header_row: Some(40),
        ..Default::default()
    };
    assert!(matches!(
        import::preview(&input, &settings),
        Err(ImportError::NoRows)
    ));
}

#[test]
fn decimal_commas_are_read() {
    let (rows, summary) = events("decimal_commas.csv");
    assert_eq!(summary.detected.delimiter, Some(';'));
    assert_eq!(
        rows,
        [
            "2|C1|-|Web|-|-|4.5|9|-",
            "3|C2|-|Web|-|-|2.75|10|-",
            "4|C3|-|App|-|-|5|9|-"
        ]
    );
}

#[test]
fn every_timestamp_form_is_read() {
    let (rows, summary) = events("timestamps.csv");
    assert_eq!(summary.skips.kept, []);
    let times: Vec<&str> = rows
        .iter()
        .map(|r| r.split('|').nth(2).unwrap_or(""))
        .collect();
    assert_eq!(
        times,
        [
            "2026-03-01T00:00:00",
            "2026-03-01T09:30:00",
            "2026-03-01T09:30:15",
            "2026-03-01T09:30:15.5",
            "2026-03-01T09:30:00",
            "2026-03-01T09:30:00",
            "2026-03-01T00:00:00",
            "2026-03-01T00:00:00",
            "2026-03-01T21:30:00",
        ]
    );
}

#[test]
fn month_first_dates_need_the_option_and_the_preview_hints_at_it() {
    let input = file("month_first.csv");
    assert!(
        preview(&input, &ImportSettings::default())
            .detected
            .month_first_likely
    );
    let (rows, summary) = events("month_first.csv");
    assert_eq!(rows, ["2|C1|2026-01-03T09:30:00|A|-|-|-|-|-"]);
    assert_eq!(
        summary.skips.kept[0].reason,
        SkipReason::BadTimestamp {
            column: "date".into(),
            value: "12/31/2026".into()
        }
    );
    let settings = ImportSettings {
        month_first: true,
        ..Default::default()
    };
    let (rows, summary) = events_with(&input, &settings);
    assert_eq!(
        rows,
        [
            "2|C1|2026-03-01T09:30:00|A|-|-|-|-|-",
            "3|C2|2026-12-31T00:00:00|A|-|-|-|-|-"
        ]
    );
    assert_eq!(summary.skips.total, 0);
}

#[test]
fn unix_seconds_are_read() {
    let (rows, summary) = events("unix_seconds.csv");
    assert_eq!(summary.detected.time_numbers, TimeNumbers::Unix);
    assert_eq!(
        rows,
        [
            "2|C1|2026-03-01T09:30:00|A|-|-|-|-|-",
            "3|C2|2026-03-02T09:30:00|A|-|-|-|-|-"
        ]
    );
}

#[test]
fn a_column_of_excel_serials_is_read_as_dates() {
    let (rows, summary) = events("excel_serials.csv");
    assert_eq!(summary.detected.time_numbers, TimeNumbers::ExcelSerial);
    assert_eq!(
        rows,
        [
            "2|C1|2026-03-01T00:00:00|A|-|-|-|-|-",
            "3|C2|2026-03-01T12:00:00|A|-|-|-|-|-",
            "4|C3|2026-03-02T18:00:00|A|-|-|-|-|-",
        ]
    );
}

#[test]
fn flags_in_every_spelling() {
    let (rows, _) = events("flags.csv");
    let flags: Vec<&str> = rows
        .iter()
        .map(|r| r.split('|').nth(5).unwrap_or(""))
        .collect();
    let want = [
        "true", "false", "true", "false", "true", "false", "true", "false", "true", "false",
        "true", "false", "-",
    ];
    assert_eq!(flags, want);
}

#[test]
fn short_long_and_unusable_rows_are_skipped_and_reported() {
    let (rows, summary) = events("bad_rows.csv");
    assert_eq!(
        rows,
        [
            "2|C1|2026-03-01T00:00:00|Home|-|true|4|9|-",
            "5|C4|2026-03-01T00:00:00|Home|-|true|4|9|-",
            // An answer out of range is ignored, the row kept.
            "8|C7|2026-03-01T00:00:00|Home|-|true|-|9|-",
            "9|C8|2026-03-01T00:00:00|Home|-|true|4|-|-",
            "13|C11|2026-03-02T00:00:00|Cart|-|false|-|-|-",
        ]
    );
    let skipped: Vec<String> = summary.skips.kept.iter().map(ToString::to_string).collect();
    assert_eq!(
        skipped,
        [
            "line 3: 3 fields where the header has 6; row skipped",
            "line 4: 7 fields where the header has 6: a filled field past its last column; row skipped",
            "line 6: event_time \"yesterday\" is not a date and time (ISO 8601, dd/mm/yyyy HH:MM, Unix seconds or an Excel serial); row skipped",
            "line 7: converted \"maybe\" is not yes or no (1/0, true/false, yes/no, y/n, có/không); row skipped",
            "line 10: customer_id is empty; row skipped",
            "line 11: touchpoint is empty; row skipped",
            "line 12: csat \"abc\" is not a number; row skipped",
        ]
    );
    let ignored: Vec<String> = summary
        .skips
        .ignored
        .kept
        .iter()
        .map(journeymap::import::Skip::ignored_text)
        .collect();
    assert_eq!(
        ignored,
        [
            "line 8: csat 6 is outside 1–5; value ignored",
            "line 9: nps 11 is outside 0–10; value ignored",
        ]
    );
    assert_eq!(summary.skips.ignored.total, 2);
    assert_eq!(
        summary.skips.ignored.kept[0].reason.key(),
        "import-skip-range"
    );
    assert_eq!(
        summary.skips.ignored.kept[0].reason.args(),
        [
            ("column", "csat".to_owned()),
            ("value", "6".to_owned()),
            ("range", "1–5".to_owned())
        ]
    );
    let count = |key, column: Option<&str>, count, first_line| SkipCount {
        key,
        column: column.map(str::to_owned),
        count,
        first_line,
    };
    assert_eq!(
        summary.skips.counts,
        [
            count("import-skip-short", None, 1, 3),
            count("import-skip-long", None, 1, 4),
            count("import-skip-timestamp", Some("event_time"), 1, 6),
            count("import-skip-flag", Some("converted"), 1, 7),
            count("import-skip-empty", Some("customer_id"), 1, 10),
            count("import-skip-empty", Some("touchpoint"), 1, 11),
            count("import-skip-number", Some("csat"), 1, 12),
        ]
    );
    assert_eq!(
        (summary.source.rows_read, summary.source.rows_skipped),
        (12, 7)
    );
}

#[test]
fn a_long_pre_aggregated_table() {
    let (rows, summary) = aggregates("long_form.csv");
    assert_eq!(
        summary.shape,
        Shape::Long {
            metric: 1,
            value: 2,
            period: Some(3)
        }
    );
    assert_eq!(
        rows,
        [
            "2|touchpoint|Home|Events|120|2026-03",
            "3|touchpoint|Home|Customers|80|2026-03",
            "4|touchpoint|Home|ConversionRate|0.125|2026-03",
            "5|touchpoint|Cart|Csat|4.2|2026-03",
            "6|touchpoint|Cart|Nps|35|-",
        ]
    );
    assert_eq!(
        summary.skips.kept[0].reason,
        SkipReason::UnknownMetric {
            column: "metric".into(),
            value: "bounce".into()
        }
    );
    assert_eq!(summary.skips.kept[0].line, 7);
}

#[test]
fn a_wide_pre_aggregated_table_with_vietnamese_headers() {
    let (rows, summary) = aggregates("wide_form_vi.csv");
    let Shape::Wide {
        metrics,
        period: None,
    } = &summary.shape
    else {
        panic!("{:?}", summary.shape)
    };
    assert_eq!(
        metrics.iter().map(|(_, k)| *k).collect::<Vec<_>>(),
        [
            MetricKind::Events,
            MetricKind::Customers,
            MetricKind::ConversionRate,
            MetricKind::Csat,
            MetricKind::Nps
        ]
    );
    assert_eq!(
        rows,
        [
            "2|touchpoint|Trang chủ|Events|12480|-",
            "2|touchpoint|Trang chủ|Customers|1234|-",
            "2|touchpoint|Trang chủ|ConversionRate|0.125|-",
            "2|touchpoint|Trang chủ|Csat|4.2|-",
            "2|touchpoint|Trang chủ|Nps|35|-",
            "3|touchpoint|Giỏ hàng|Events|980|-",
            "3|touchpoint|Giỏ hàng|Customers|640|-",
            "3|touchpoint|Giỏ hàng|Csat|3.8|-",
            "3|touchpoint|Giỏ hàng|Nps|-10|-",
        ]
    );
}

#[test]
fn columns_named_by_the_user_override_the_guesses() {
    let input = file("quoted.csv");
    let settings = ImportSettings {
        columns: vec![
            (Role::Touchpoint, "note".into()),
            (Role::Channel, "event".into()),
        ],
        ..Default::default()
    };
    let (rows, _) = events_with(&input, &settings);
    assert_eq!(rows[2], "6|C3|-|x|-|-|-|-|Web");
    let settings = ImportSettings {
        columns: vec![(Role::Customer, "Mã KH".into())],
        ..Default::default()
    };
    let err = import::preview(&input, &settings).err();
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some("no column \"Mã KH\" for customer in the header")
    );
    let settings = ImportSettings {
        delimiter: Some(';'),
        ..Default::default()
    };
    assert_eq!(
        preview(&input, &settings).headers,
        ["contact_id,event,note"]
    );
}

#[path = "import/workbooks_and_limits.rs"]
mod workbooks_and_limits;

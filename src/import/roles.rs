//! What the columns hold, guessed from their headers in English and Vietnamese, and what kind
//! of table it is: raw events, or a pre-aggregated table in long or wide form.
//!
//! Headers are compared folded: lower case, without accents (`đ` is `d`), without spaces,
//! underscores or other separators, so `Mã KH`, `ma_kh` and `MaKH` are one name.

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

use crate::model::{MetricKind, Role};

/// `text` lower case, without accents and without anything but letters and digits: the form
/// headers and flag words are compared in.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Folded header names of each role, most telling first.
const ROLE_NAMES: [(Role, &[&str]); 8] = [
    (
        Role::Customer,
        &[
            "customerid",
            "customer",
            "custid",
            "clientid",
            "client",
            "userid",
            "user",
            "contactid",
            "contact",
            "sessionid",
            "session",
            "visitorid",
            "makhachhang",
            "makh",
            "idkhachhang",
            "khachhangid",
            "khachhang",
            "idkh",
            "mathanhvien",
            "sodienthoai",
        ],
    ),
    (
        Role::Timestamp,
        &[
            "eventtime",
            "timestamp",
            "datetime",
            "time",
            "date",
            "eventdate",
            "createdat",
            "occurredat",
            "thoigian",
            "ngay",
            "ngaygio",
            "thoidiem",
            "ngaytao",
        ],
    ),
    (
        Role::Touchpoint,
        &[
            "touchpoint",
            "eventname",
            "event",
            "eventtype",
            "action",
            "activity",
            "diemcham",
            "diemtiepxuc",
            "sukien",
            "tensukien",
            "hanhdong",
        ],
    ),
    (
        Role::Stage,
        &["stage", "journeystage", "funnelstage", "phase", "giaidoan"],
    ),
    (
        Role::Converted,
        &[
            "converted",
            "conversion",
            "isconverted",
            "purchased",
            "chuyendoi",
            "dachuyendoi",
            "damua",
        ],
    ),
    (
        Role::Csat,
        &[
            "csat",
            "csatscore",
            "satisfaction",
            "muchailong",
            "diemhailong",
            "hailong",
        ],
    ),
    (
        Role::Nps,
        &["nps", "npsscore", "diemnps", "likelytorecommend"],
    ),
    (
        Role::Channel,
        &[
            "channel",
            "source",
            "medium",
            "kenh",
            "kenhtiepcan",
            "nguon",
        ],
    ),
];

/// Folded names of a wide table's metric columns, and of the values of a long table's metric
/// column.
const METRIC_NAMES: [(MetricKind, &[&str]); 6] = [
    (
        MetricKind::Events,
        &[
            "events",
            "eventcount",
            "sosukien",
            "luotsukien",
            "soluotsukien",
        ],
    ),
    (
        MetricKind::Customers,
        &[
            "customers",
            "customercount",
            "sokhachhang",
            "luongkhachhang",
            "soluongkhachhang",
        ],
    ),
    (
        MetricKind::ConversionRate,
        &["conversionrate", "conversion", "tylechuyendoi", "chuyendoi"],
    ),
    (
        MetricKind::Csat,
        &["csat", "muchailong", "diemhailong", "hailong"],
    ),
    (MetricKind::Nps, &["nps", "diemnps"]),
    (
        MetricKind::Continuation,
        &["continuation", "continuationrate", "tyletieptuc", "tieptuc"],
    ),
];

/// Folded names of a long table's metric, value and period columns.
const METRIC_COLUMN: &[&str] = &[
    "metric",
    "metricname",
    "measure",
    "kpi",
    "chiso",
    "tenchiso",
];
const VALUE_COLUMN: &[&str] = &["value", "metricvalue", "giatri", "solieu"];
const PERIOD_COLUMN: &[&str] = &["period", "month", "ky", "kybaocao", "thang"];

/// The metric a folded name is, if any.
pub fn metric_named(folded: &str) -> Option<MetricKind> {
    METRIC_NAMES
        .iter()
        .find(|(_, names)| names.contains(&folded))
        .map(|(kind, _)| *kind)
}

/// The role a header names, by its folded form: an exact name first; failing that, a name the
/// header starts with (`event_time_utc`, `Mã KH (CRM)`), if at least three letters long and
/// the header is not a metric's name (`customers`, `events` are a wide table's columns).
pub fn role_named(header: &str) -> Option<Role> {
    let folded = fold(header);
    let exact = ROLE_NAMES
        .iter()
        .find(|(_, names)| names.contains(&folded.as_str()));
    if let Some((role, _)) = exact {
        return Some(*role);
    }
    if folded.is_empty() || metric_named(&folded).is_some() {
        return None;
    }
    ROLE_NAMES
        .iter()
        .find(|(_, names)| names.iter().any(|n| n.len() >= 3 && folded.starts_with(n)))
        .map(|(role, _)| *role)
}

/// A guess of each role's column (index into `headers`): the first column naming a role gets
/// it, and a column plays one role at most. In the order of [`Role::ALL`].
pub fn guess_roles(headers: &[String]) -> Vec<(Role, usize)> {
    let mut found: Vec<(Role, usize)> = Vec::new();
    for (column, header) in headers.iter().enumerate() {
        if let Some(role) = role_named(header)
            && !found.iter().any(|(r, _)| *r == role)
        {
            found.push((role, column));
        }
    }
    found.sort_by_key(|(role, _)| *role);
    found
}

/// Whether a header names any role or metric: how the header row is told from a title block.
pub fn is_known_header(header: &str) -> bool {
    let folded = fold(header);
    role_named(header).is_some()
        || metric_named(&folded).is_some()
        || [METRIC_COLUMN, VALUE_COLUMN, PERIOD_COLUMN]
            .iter()
            .any(|names| names.contains(&folded.as_str()))
}

/// What kind of table an export is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One row per event: it has a customer and a touchpoint column.
    Events,
    /// Pre-aggregated, long: a subject (touchpoint or stage), a metric name, its value.
    Long {
        /// The column naming the metric.
        metric: usize,
        /// The column holding its value.
        value: usize,
        /// The column naming the month, if any.
        period: Option<usize>,
    },
    /// Pre-aggregated, wide: a subject (touchpoint or stage), then one column per metric.
    Wide {
        /// The metric columns.
        metrics: Vec<(usize, MetricKind)>,
        /// The column naming the month, if any.
        period: Option<usize>,
    },
    /// None of these: the roles must be set by hand (or it is not a table of customer data).
    Unknown,
}

impl Shape {
    /// A short name for messages: `events`, `long`, `wide`, `unknown`.
    pub fn name(&self) -> &'static str {
        match self {
            Shape::Events => "events",
            Shape::Long { .. } => "long",
            Shape::Wide { .. } => "wide",
            Shape::Unknown => "unknown",
        }
    }
}

/// The kind of table, from the headers and the columns chosen for each role.
pub fn shape(headers: &[String], mapping: &[(Role, usize)]) -> Shape {
    let has = |role: Role| mapping.iter().any(|(r, _)| *r == role);
    if has(Role::Customer) && has(Role::Touchpoint) {
        return Shape::Events;
    }
    if !has(Role::Touchpoint) && !has(Role::Stage) {
        return Shape::Unknown;
    }
    let subject = |column: usize| {
        mapping
            .iter()
            .any(|(r, c)| *c == column && matches!(r, Role::Touchpoint | Role::Stage))
    };
    let find = |names: &[&str]| {
        headers
            .iter()
            .enumerate()
            .position(|(i, h)| !subject(i) && names.contains(&fold(h).as_str()))
    };
    let period = find(PERIOD_COLUMN);
    if let (Some(metric), Some(value)) = (find(METRIC_COLUMN), find(VALUE_COLUMN)) {
        return Shape::Long {
            metric,
            value,
            period,
        };
    }
    let metrics: Vec<(usize, MetricKind)> = headers
        .iter()
        .enumerate()
        .filter(|(i, _)| !subject(*i) && Some(*i) != period)
        .filter_map(|(i, h)| metric_named(&fold(h)).map(|kind| (i, kind)))
        .collect();
    if metrics.is_empty() {
        Shape::Unknown
    } else {
        Shape::Wide { metrics, period }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|&n| n.to_owned()).collect()
    }

    #[test]
    fn folding_ignores_case_accents_and_separators() {
        assert_eq!(fold("Mã khách hàng"), "makhachhang");
        assert_eq!(fold("MÃ_KH"), "makh");
        assert_eq!(fold("Điểm chạm"), "diemcham");
        assert_eq!(fold("customer-ID"), "customerid");
        // Decomposed input (NFD) folds the same as composed.
        assert_eq!(fold("Gia\u{300}i đoa\u{323}n"), fold("Giai đoạn"));
    }

    #[test]
    fn english_headers_are_guessed() {
        let h = headers(&[
            "Customer ID",
            "event_time",
            "Event Name",
            "Stage",
            "Converted",
            "CSAT",
            "NPS",
            "Channel",
        ]);
        let guessed = guess_roles(&h);
        assert_eq!(
            guessed,
            Role::ALL
                .iter()
                .enumerate()
                .map(|(i, r)| (*r, i))
                .collect::<Vec<_>>()
        );
        assert_eq!(shape(&h, &guessed), Shape::Events);
        for (name, role) in [
            ("user_id", Role::Customer),
            ("contact_id", Role::Customer),
            ("session_id", Role::Customer),
            ("timestamp", Role::Timestamp),
            ("date", Role::Timestamp),
            ("touchpoint", Role::Touchpoint),
            ("event", Role::Touchpoint),
            ("conversion", Role::Converted),
            ("event_time_utc", Role::Timestamp),
        ] {
            assert_eq!(role_named(name), Some(role), "{name}");
        }
    }

    #[test]
    fn vietnamese_headers_are_guessed() {
        let h = headers(&[
            "Mã khách hàng",
            "Thời gian",
            "Điểm chạm",
            "Giai đoạn",
            "Chuyển đổi",
            "Mức hài lòng",
            "NPS",
            "Kênh",
        ]);
        let guessed = guess_roles(&h);
        assert_eq!(
            guessed,
            Role::ALL
                .iter()
                .enumerate()
                .map(|(i, r)| (*r, i))
                .collect::<Vec<_>>()
        );
        assert_eq!(role_named("Mã KH"), Some(Role::Customer));
        assert_eq!(role_named("MÃ KH (CRM)"), Some(Role::Customer));
        assert_eq!(role_named("Ngày"), Some(Role::Timestamp));
        assert_eq!(role_named("Ghi chú"), None);
        assert_eq!(role_named(""), None);
    }

    #[test]
    fn a_column_plays_one_role_and_the_first_wins() {
        let h = headers(&["user_id", "customer_id", "date", "touchpoint"]);
        assert_eq!(
            guess_roles(&h),
            [
                (Role::Customer, 0),
                (Role::Timestamp, 2),
                (Role::Touchpoint, 3)
            ]
        );
    }

    #[test]
    fn long_and_wide_aggregates_are_told_apart() {
        let long = headers(&["touchpoint", "metric", "value", "period"]);
        let guessed = guess_roles(&long);
        assert_eq!(
            shape(&long, &guessed),
            Shape::Long {
                metric: 1,
                value: 2,
                period: Some(3)
            }
        );
        let wide = headers(&["Giai đoạn", "Số khách hàng", "Tỷ lệ tiếp tục", "Tháng"]);
        let guessed = guess_roles(&wide);
        assert_eq!(guessed, [(Role::Stage, 0)]);
        assert_eq!(
            shape(&wide, &guessed),
            Shape::Wide {
                metrics: vec![(1, MetricKind::Customers), (2, MetricKind::Continuation)],
                period: Some(3),
            }
        );
        let wide = headers(&[
            "touchpoint",
            "events",
            "customers",
            "conversion_rate",
            "csat",
            "nps",
        ]);
        let guessed = guess_roles(&wide);
        let Shape::Wide {
            metrics,
            period: None,
        } = shape(&wide, &guessed)
        else {
            panic!("not wide");
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
        assert_eq!(shape(&headers(&["a", "b"]), &[]), Shape::Unknown);
    }
}

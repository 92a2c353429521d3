//! Numbers a person types into a field, read with the same rules as the values of an export
//! ([`super::values`]): a target for a metric of a card or a stage. Shares are typed as
//! percentages ("45", "45,5" or "45,5 %" all mean 45.5 %), as they are shown; CSAT, NPS and
//! counts as they are. Pure.

use crate::model::MetricKind;

use super::values::{parse_count, parse_number};

/// Why a typed target cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypedError {
    /// It is not a number.
    NotANumber,
    /// It is outside the metric's range (0–100 % for a share, 1–5 for CSAT, −100–100 for NPS,
    /// 0 or more for a count).
    OutOfRange,
}

/// A target of `metric` as typed: `Ok(None)` when the field is empty (no target), else the
/// value as stored (a share 0–1, CSAT 1–5, NPS −100–100, a count). A share is typed as a
/// percentage, with or without "%": "45" and "45 %" are both 0.45. A minus sign may be the
/// typographic "−" that NPS values are shown with.
pub fn parse_target(metric: MetricKind, text: &str) -> Result<Option<f64>, TypedError> {
    let text = text.trim().replace('\u{2212}', "-");
    if text.is_empty() {
        return Ok(None);
    }
    let value = match metric {
        // `parse_number` divides "45 %" by 100 already; a bare number is a percentage here too.
        m if m.is_rate() => {
            let percent = text.ends_with('%');
            let n = parse_number(&text).ok_or(TypedError::NotANumber)?;
            if percent { n } else { n / 100.0 }
        }
        MetricKind::Customers | MetricKind::Events => {
            parse_count(&text).ok_or(TypedError::NotANumber)?
        }
        _ => parse_number(&text).ok_or(TypedError::NotANumber)?,
    };
    let (low, high) = metric.range();
    if (low..=high).contains(&value) {
        Ok(Some(value))
    } else {
        Err(TypedError::OutOfRange)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::float_cmp)]

    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn shares_are_typed_as_percentages_with_or_without_the_sign() {
        let m = MetricKind::ConversionRate;
        assert!(close(parse_target(m, "50").unwrap(), 0.5));
        assert!(close(parse_target(m, "45,5").unwrap(), 0.455));
        assert!(close(parse_target(m, "45,5 %").unwrap(), 0.455));
        assert!(close(parse_target(m, " 45.5% ").unwrap(), 0.455));
        assert!(close(
            parse_target(MetricKind::Continuation, "0,5").unwrap(),
            0.005
        ));
        assert_eq!(parse_target(m, "150"), Err(TypedError::OutOfRange));
        assert_eq!(parse_target(m, "-1"), Err(TypedError::OutOfRange));
    }

    #[test]
    fn other_metrics_are_typed_as_shown() {
        assert!(close(parse_target(MetricKind::Csat, "4,2").unwrap(), 4.2));
        assert!(close(parse_target(MetricKind::Nps, "+30").unwrap(), 30.0));
        assert!(close(
            parse_target(MetricKind::Nps, "\u{2212}12").unwrap(),
            -12.0
        ));
        assert!(close(
            parse_target(MetricKind::Customers, "1.200").unwrap(),
            1200.0
        ));
        assert!(close(
            parse_target(MetricKind::Customers, "1 200").unwrap(),
            1200.0
        ));
        assert_eq!(
            parse_target(MetricKind::Csat, "6"),
            Err(TypedError::OutOfRange)
        );
        assert_eq!(
            parse_target(MetricKind::Nps, "-101"),
            Err(TypedError::OutOfRange)
        );
    }

    #[test]
    fn empty_means_no_target_and_words_are_refused() {
        assert_eq!(parse_target(MetricKind::Csat, "  "), Ok(None));
        assert_eq!(
            parse_target(MetricKind::Csat, "bốn"),
            Err(TypedError::NotANumber)
        );
        assert_eq!(
            parse_target(MetricKind::ConversionRate, "%"),
            Err(TypedError::NotANumber)
        );
    }

    #[test]
    fn a_shown_value_reads_back_as_itself() {
        use crate::analysis::overlay::format_value;
        for (metric, value) in [
            (MetricKind::ConversionRate, 0.031),
            (MetricKind::Continuation, 0.66),
            (MetricKind::Csat, 4.2),
            (MetricKind::Nps, -12.0),
            (MetricKind::Nps, 35.0),
            (MetricKind::Customers, 1234.0),
        ] {
            for comma in [false, true] {
                let shown = format_value(metric, value, comma);
                assert!(
                    close(parse_target(metric, &shown).unwrap(), value),
                    "{shown} for {value}"
                );
            }
        }
    }
}

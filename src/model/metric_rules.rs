//! Rules on the stored customer data ([`super::metrics`]): each metric's valid range, reading a
//! metric out of the stored values, the key data values are matched by, the links the data
//! holds to cards and stages, and the repair of numbers a file or an importer got wrong.
//! Pure; restore, the edit commands and `analysis` share them.

use unicode_normalization::UnicodeNormalization as _;

use super::Id;
use super::metrics::{
    Direction, MetricKind, MetricSnapshot, MetricValues, Metrics, StageMetrics, Target,
};

impl MetricKind {
    /// Every metric, in the order badges and menus list them.
    pub const ALL: [MetricKind; 6] = [
        MetricKind::Customers,
        MetricKind::ConversionRate,
        MetricKind::Csat,
        MetricKind::Nps,
        MetricKind::Events,
        MetricKind::Continuation,
    ];

    /// The metric's name as written in the file (`conversion_rate`).
    pub fn name(self) -> &'static str {
        match self {
            MetricKind::Events => "events",
            MetricKind::Customers => "customers",
            MetricKind::ConversionRate => "conversion_rate",
            MetricKind::Csat => "csat",
            MetricKind::Nps => "nps",
            MetricKind::Continuation => "continuation",
        }
    }

    /// The values the metric can take, inclusive.
    pub fn range(self) -> (f64, f64) {
        match self {
            MetricKind::Events | MetricKind::Customers => (0.0, f64::MAX),
            MetricKind::ConversionRate | MetricKind::Continuation => (0.0, 1.0),
            MetricKind::Csat => (1.0, 5.0),
            MetricKind::Nps => (-100.0, 100.0),
        }
    }

    /// The range as people read it in a message (`0–1`, `1–5`, `−100–100`).
    pub fn range_text(self) -> &'static str {
        match self {
            MetricKind::Events | MetricKind::Customers => "0 or more",
            MetricKind::ConversionRate | MetricKind::Continuation => "0–1",
            MetricKind::Csat => "1–5",
            MetricKind::Nps => "−100–100",
        }
    }

    /// Whether the metric is a share (shown as a percentage).
    pub fn is_rate(self) -> bool {
        matches!(self, MetricKind::ConversionRate | MetricKind::Continuation)
    }
}

impl MetricValues {
    /// The value of `metric`, if these values have one (`Continuation` is a stage's).
    #[expect(
        clippy::cast_precision_loss,
        reason = "counts above 2^53 customers are not a real export"
    )]
    pub fn get(&self, metric: MetricKind) -> Option<f64> {
        match metric {
            MetricKind::Events => Some(self.events as f64),
            MetricKind::Customers => Some(self.customers as f64),
            MetricKind::ConversionRate => self.conversion_rate,
            MetricKind::Csat => self.csat,
            MetricKind::Nps => self.nps,
            MetricKind::Continuation => None,
        }
    }
}

impl StageMetrics {
    /// The value of `metric` for this stage: `Customers` and `Continuation` only.
    #[expect(
        clippy::cast_precision_loss,
        reason = "counts above 2^53 customers are not a real export"
    )]
    pub fn get(&self, metric: MetricKind) -> Option<f64> {
        match metric {
            MetricKind::Customers => Some(self.customers as f64),
            MetricKind::Continuation => self.continuation,
            _ => None,
        }
    }
}

impl Target {
    /// Whether `value` misses this target, given its direction.
    pub fn missed_by(&self, value: f64) -> bool {
        match self.direction {
            Direction::Higher => value < self.value,
            Direction::Lower => value > self.value,
        }
    }
}

impl Metrics {
    /// The newest snapshot, if any.
    pub fn latest(&self) -> Option<&MetricSnapshot> {
        self.snapshots.last()
    }

    /// The target of `metric` for the card or stage `subject`, if one is set.
    pub fn target(&self, subject: &Id, metric: MetricKind) -> Option<&Target> {
        self.targets
            .iter()
            .find(|t| &t.subject == subject && t.metric == metric)
    }

    /// The card a data value is tied to by a saved alias (compared by [`value_key`]).
    pub fn alias(&self, value: &str) -> Option<&Id> {
        let key = value_key(value);
        self.aliases
            .iter()
            .find(|(v, _)| value_key(v) == key)
            .map(|(_, card)| card)
    }

    /// Whether the user chose to ignore this data value (compared by [`value_key`]).
    pub fn is_ignored(&self, value: &str) -> bool {
        let key = value_key(value);
        self.ignored.iter().any(|v| value_key(v) == key)
    }

    /// Calls `f` on every id the data points at: aliases' cards, targets' subjects, and the
    /// matched card or stage of every snapshot's values. Part of
    /// [`JourneyMap::for_each_ref_mut`](super::JourneyMap::for_each_ref_mut).
    pub fn for_each_ref_mut(&mut self, mut f: impl FnMut(&mut Id)) {
        for (_, card) in &mut self.aliases {
            f(card);
        }
        for target in &mut self.targets {
            f(&mut target.subject);
        }
        for snapshot in &mut self.snapshots {
            for touchpoint in &mut snapshot.touchpoints {
                if let Some(card) = &mut touchpoint.card {
                    f(card);
                }
            }
            for stage in &mut snapshot.stages {
                if let Some(id) = &mut stage.stage {
                    f(id);
                }
            }
        }
    }

    /// Calls `f` on every text the data holds (values, file names, headers…), with a name for
    /// where it is (`aliases`, `snapshots[0].touchpoints`…) and its index in that list.
    pub fn for_each_text_mut(
        &mut self,
        mut f: impl FnMut(Option<usize>, &'static str, &mut String),
    ) {
        for (value, _) in &mut self.aliases {
            f(None, "aliases", value);
        }
        for value in &mut self.ignored {
            f(None, "ignored", value);
        }
        if let Some(settings) = &mut self.import {
            for (_, header) in &mut settings.columns {
                f(None, "import", header);
            }
            for s in [&mut settings.encoding, &mut settings.sheet]
                .into_iter()
                .flatten()
            {
                f(None, "import", s);
            }
        }
        for (i, snapshot) in self.snapshots.iter_mut().enumerate() {
            let at = Some(i);
            let source = &mut snapshot.source;
            for s in [
                &mut source.file_name,
                &mut source.hash,
                &mut source.imported,
            ] {
                f(at, "source", s);
            }
            let settings = &mut snapshot.settings;
            for (_, header) in &mut settings.columns {
                f(at, "settings", header);
            }
            for s in [&mut settings.encoding, &mut settings.sheet]
                .into_iter()
                .flatten()
            {
                f(at, "settings", s);
            }
            for touchpoint in &mut snapshot.touchpoints {
                f(at, "touchpoints", &mut touchpoint.value);
                for (month, _) in &mut touchpoint.months {
                    f(at, "touchpoints", month);
                }
            }
            for stage in &mut snapshot.stages {
                f(at, "stages", &mut stage.value);
                for (month, _, _) in &mut stage.months {
                    f(at, "stages", month);
                }
            }
        }
    }
}

/// The key a data value or a card text is matched by: NFC, trimmed, lower case. "Zalo OA",
/// " zalo oa " and a decomposed "Zalo OA" all give "zalo oa".
pub fn value_key(value: &str) -> String {
    value.trim().nfc().collect::<String>().to_lowercase()
}

/// A number that had to be repaired.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberRepair {
    /// It was not a number (NaN or infinite) and was removed.
    NotANumber,
    /// It was outside the metric's range and was set to the nearest end.
    OutOfRange {
        /// The value found.
        found: f64,
        /// The value it was set to.
        fixed: f64,
    },
}

/// Repairs one value of `metric`: a non-finite one is removed, one out of range is clamped.
pub fn repair_number(metric: MetricKind, value: &mut Option<f64>) -> Option<NumberRepair> {
    let found = (*value)?;
    if !found.is_finite() {
        *value = None;
        return Some(NumberRepair::NotANumber);
    }
    let (low, high) = metric.range();
    if found < low || found > high {
        let fixed = found.clamp(low, high);
        *value = Some(fixed);
        return Some(NumberRepair::OutOfRange { found, fixed });
    }
    None
}

/// Repairs every number of `snapshot` (rates outside 0–1, CSAT outside 1–5, NPS outside
/// −100–100, NaN), calling `report` with the data value (`None` for the overall numbers), the
/// metric and the repair.
pub fn repair_snapshot(
    snapshot: &mut MetricSnapshot,
    mut report: impl FnMut(Option<&str>, MetricKind, NumberRepair),
) {
    let mut values = |name: Option<&str>, v: &mut MetricValues| {
        for (metric, number) in [
            (MetricKind::ConversionRate, &mut v.conversion_rate),
            (MetricKind::Csat, &mut v.csat),
            (MetricKind::Nps, &mut v.nps),
        ] {
            if let Some(repair) = repair_number(metric, number) {
                report(name, metric, repair);
            }
        }
    };
    values(None, &mut snapshot.overall);
    for touchpoint in &mut snapshot.touchpoints {
        values(Some(&touchpoint.value), &mut touchpoint.total);
        for (_, month) in &mut touchpoint.months {
            values(Some(&touchpoint.value), month);
        }
    }
    for stage in &mut snapshot.stages {
        let continuations = std::iter::once(&mut stage.continuation)
            .chain(stage.months.iter_mut().map(|(_, _, c)| c));
        for number in continuations {
            if let Some(repair) = repair_number(MetricKind::Continuation, number) {
                report(Some(&stage.value), MetricKind::Continuation, repair);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_keys_ignore_case_spacing_and_composition() {
        let decomposed = "  Zalo Mini App – ĐIE\u{0302}\u{0309}M ";
        assert_eq!(value_key(decomposed), "zalo mini app – điểm");
        assert_eq!(value_key("Điểm"), value_key("đie\u{0302}\u{0309}m"));
    }

    #[test]
    fn numbers_out_of_range_are_clamped_and_nan_removed() {
        let mut rate = Some(1.5);
        assert_eq!(
            repair_number(MetricKind::ConversionRate, &mut rate),
            Some(NumberRepair::OutOfRange {
                found: 1.5,
                fixed: 1.0
            })
        );
        assert_eq!(rate, Some(1.0));
        let mut csat = Some(0.0);
        repair_number(MetricKind::Csat, &mut csat);
        assert_eq!(csat, Some(1.0));
        let mut nps = Some(-250.0);
        repair_number(MetricKind::Nps, &mut nps);
        assert_eq!(nps, Some(-100.0));
        let mut nan = Some(f64::NAN);
        assert_eq!(
            repair_number(MetricKind::Nps, &mut nan),
            Some(NumberRepair::NotANumber)
        );
        assert_eq!(nan, None);
        let mut fine = Some(0.25);
        assert_eq!(repair_number(MetricKind::Continuation, &mut fine), None);
    }

    #[test]
    fn targets_are_missed_in_their_direction() {
        let target = |direction| Target {
            subject: Id::new("c1"),
            metric: MetricKind::ConversionRate,
            value: 0.05,
            direction,
        };
        assert!(target(Direction::Higher).missed_by(0.031));
        assert!(!target(Direction::Higher).missed_by(0.05));
        assert!(!target(Direction::Lower).missed_by(0.031));
        assert!(target(Direction::Lower).missed_by(0.06));
    }
}

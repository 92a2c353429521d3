//! Words in English and Vietnamese, from the bundled Fluent files in
//! `assets/i18n/<lang>/*.ftl`, without egui: the UI (`ui::kit::i18n` re-exports these) and the
//! exporters (the map's pictures, in the map's language) say the same things with the same
//! words. Also the words of the customer-data overlays that both draw: metric names, badge
//! short names and why a flag is raised.
//!
//! The language is passed explicitly, never held in a global, so tests in different languages
//! can run side by side.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader as _, langid};

use crate::analysis::overlay::{self, Reading, format_value};
pub use crate::model::template::Lang;
use crate::model::{Id, JourneyMap, MetricKind};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./assets/i18n",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: our fonts have no glyph for them, and
        // every argument here is plain left-to-right text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static VI: LanguageIdentifier = langid!("vi");

fn id(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::En => &EN,
        Lang::Vi => &VI,
    }
}

/// The text of message `key` in `lang`; the key itself if no language has it (a bug the
/// `every_key_used_exists` test catches).
pub fn tr(lang: Lang, key: &str) -> String {
    LOCALES
        .try_lookup(id(lang), key)
        .unwrap_or_else(|| key.to_owned())
}

/// The text of message `key` with arguments, e.g.
/// `tr_args(lang, "flag-short-below", &[("overall", "39,9 %".into())])`.
pub fn tr_args(lang: Lang, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
        .collect();
    LOCALES
        .try_lookup_with_args(id(lang), key, &args)
        .unwrap_or_else(|| key.to_owned())
}

/// The language of a map's own text (its `language` code), English when it is not one the
/// app speaks.
pub fn map_lang(map: &JourneyMap) -> Lang {
    Lang::from_code(&map.language).unwrap_or(Lang::En)
}

/// The message key of a metric's name.
pub fn metric_key(metric: MetricKind) -> &'static str {
    match metric {
        MetricKind::Events => "metric-events",
        MetricKind::Customers => "metric-customers",
        MetricKind::ConversionRate => "metric-conversion-rate",
        MetricKind::Csat => "metric-csat",
        MetricKind::Nps => "metric-nps",
        MetricKind::Continuation => "metric-continuation",
    }
}

/// The message key of a metric's short name on a badge.
pub fn badge_short_key(metric: MetricKind) -> &'static str {
    match metric {
        MetricKind::Customers | MetricKind::Events => "badge-short-customers",
        MetricKind::ConversionRate | MetricKind::Continuation => "badge-short-conversion",
        MetricKind::Csat => "badge-short-csat",
        MetricKind::Nps => "badge-short-nps",
    }
}

/// Why a reading is flagged, short, for its flag row: "below 41 %", "target 50 %".
pub fn flag_short_text(map: &JourneyMap, card: &Id, reading: &Reading, lang: Lang) -> String {
    let comma = lang.decimal_comma();
    match overlay::flag_reason(map, card, reading.metric, reading.value) {
        Some(overlay::FlagReason::BelowOverall { overall }) => tr_args(
            lang,
            "flag-short-below",
            &[(
                "overall",
                format_value(reading.metric, overall, comma).into(),
            )],
        ),
        Some(overlay::FlagReason::MissesTarget { target }) => tr_args(
            lang,
            "flag-short-missed",
            &[("target", format_value(reading.metric, target, comma).into())],
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_both_languages() {
        assert_eq!(tr(Lang::En, "menu-file"), "File");
        assert_eq!(tr(Lang::Vi, "menu-file"), "Tệp");
        assert_eq!(tr(Lang::Vi, "no-such-key"), "no-such-key");
    }

    #[test]
    fn a_map_speaks_its_language_or_english() {
        let mut map = JourneyMap::new("t");
        map.language = "vi".to_owned();
        assert_eq!(map_lang(&map), Lang::Vi);
        map.language = "fr".to_owned();
        assert_eq!(map_lang(&map), Lang::En);
    }
}

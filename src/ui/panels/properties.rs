//! The map properties panel: the map's title, description, type, content language, business
//! goals and review cadence. It reads the map and emits `EditCommand::SetMapInfo`.

use egui::{ComboBox, Grid, RichText, ScrollArea, Slider, TextEdit, Ui};

use crate::edit::{EditCommand, MapInfo};
use crate::model::{JourneyMap, MapType};
use crate::ui::kit::i18n::{Lang, map_type_key, native_name, tr, tr_args};
use crate::ui::kit::theme::Theme;
use crate::ui::kit::widgets::{
    Limit, Lines, choice_box_ui, form_row_ui, string_list_ui, text_field_ui,
};

/// Most business goals a map may have: more and it loses focus.
const MAX_GOALS: usize = 3;

/// Shortest and longest review cadence, in months.
const CADENCE_MONTHS: std::ops::RangeInclusive<u8> = 1..=36;

/// Map properties: title, description, map type, content language, one to three business
/// goals, and when the map was last reviewed and how often it should be. `today` is the app's
/// date (pinned in tests).
pub fn map_properties_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    today: jiff::civil::Date,
    out: &mut Vec<EditCommand>,
) {
    let before = MapInfo::of(map);
    let mut info = before.clone();
    ScrollArea::vertical()
        .id_salt("map-properties")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.push_id("map-properties", |ui| {
                text_field_ui(
                    ui,
                    &tr(lang, "props-title"),
                    &tr(lang, "props-title-hint"),
                    "title",
                    &mut info.title,
                    Lines::One,
                );
                text_field_ui(
                    ui,
                    &tr(lang, "props-description"),
                    &tr(lang, "props-description-hint"),
                    "description",
                    &mut info.description,
                    Lines::Many,
                );
                Grid::new("type-language").num_columns(2).show(ui, |ui| {
                    form_row_ui(ui, tr(lang, "props-map-type"), |ui| {
                        choice_box_ui(ui, "map-type", &mut info.map_type, MapType::ALL, |t| {
                            tr(lang, map_type_key(t))
                        })
                    });
                    language_ui(ui, lang, &mut info.language);
                });
                ui.add_space(ui.spacing().item_spacing.y);
                string_list_ui(
                    ui,
                    lang,
                    &tr(lang, "props-goals"),
                    &tr(lang, "props-goals-hint"),
                    &mut info.goals,
                    Some(Limit {
                        max: MAX_GOALS,
                        why: tr(lang, "props-goals-max"),
                    }),
                );
                if info.goals.is_empty() {
                    ui.weak(tr(lang, "props-goals-empty"));
                }
                ui.add_space(ui.spacing().item_spacing.y);
                review_ui(ui, lang, today, &mut info);
            });
        });
    if info != before {
        out.push(EditCommand::SetMapInfo(info));
    }
}

/// The content language: English, Vietnamese, or another BCP 47 code typed in.
fn language_ui(ui: &mut Ui, lang: Lang, language: &mut String) {
    // "Other" stays chosen while the user types a code, even one that happens to read "en".
    let other_id = ui.scope_id().with("language-other");
    let known = [Lang::En, Lang::Vi]
        .into_iter()
        .find(|l| language.as_str() == l.code());
    let mut other = known.is_none() || ui.data(|d| d.get_temp::<bool>(other_id).unwrap_or(false));
    let label = ui.label(tr(lang, "props-language"));
    let selected_text = match known {
        Some(l) if !other => format!("{} ({})", native_name(l), l.code()),
        _ => tr(lang, "props-language-other"),
    };
    ComboBox::from_id_salt("language")
        .width(ui.available_width())
        .selected_text(selected_text)
        .show_ui(ui, |ui| {
            for l in Lang::ALL {
                let selected = !other && known == Some(l);
                if ui
                    .selectable_label(selected, format!("{} ({})", native_name(l), l.code()))
                    .clicked()
                {
                    l.code().clone_into(language);
                    other = false;
                }
            }
            if ui
                .selectable_label(other, tr(lang, "props-language-other"))
                .clicked()
            {
                other = true;
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    ui.data_mut(|d| d.insert_temp(other_id, other));
    if other {
        let label = ui.label(tr(lang, "props-language-code"));
        ui.vertical(|ui| {
            ui.add(
                TextEdit::singleline(language)
                    .id_salt("language-code")
                    .desired_width(ui.spacing().text_edit_width / 2.0)
                    .hint_text(tr(lang, "props-language-code-hint")),
            )
            .labelled_by(label.id);
            if !is_plausible_language_tag(language) {
                let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
                ui.colored_label(theme.warning_text, tr(lang, "props-language-invalid"));
            }
        });
        ui.end_row();
    }
}

/// Whether `tag` looks like a BCP 47 language tag: letters first, then letter/digit subtags.
fn is_plausible_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// When the map was last reviewed (a date typed as YYYY-MM-DD, or today), how often it should
/// be, and when the next review is due.
fn review_ui(ui: &mut Ui, lang: Lang, today: jiff::civil::Date, info: &mut MapInfo) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    ui.label(RichText::new(tr(lang, "props-review")).strong());
    let mut invalid = false;
    Grid::new("review").num_columns(2).show(ui, |ui| {
        let label = ui.label(tr(lang, "props-last-reviewed"));
        ui.horizontal(|ui| {
            invalid = date_field_ui(ui, &mut info.review.last_reviewed, label.id);
            if ui.button(tr(lang, "props-today")).clicked() {
                info.review.last_reviewed = Some(today);
            }
        });
        ui.end_row();

        let label = ui.label(tr(lang, "props-cadence"));
        ui.horizontal(|ui| {
            ui.add(Slider::new(&mut info.review.cadence_months, CADENCE_MONTHS).show_value(false))
                .labelled_by(label.id);
            ui.label(tr_args(
                lang,
                "props-months",
                &[("count", info.review.cadence_months.into())],
            ));
        });
        ui.end_row();
    });
    if invalid {
        ui.colored_label(theme.error_text, tr(lang, "props-date-invalid"));
    }
    match info.review.last_reviewed {
        None => {
            ui.weak(tr(lang, "props-never-reviewed"));
        }
        Some(last) => {
            let due =
                last.checked_add(jiff::Span::new().months(i64::from(info.review.cadence_months)));
            if let Ok(due) = due {
                let text = tr_args(
                    lang,
                    "props-next-review",
                    &[("date", due.to_string().into())],
                );
                if due < today {
                    ui.colored_label(
                        theme.warning_text,
                        format!("⚠ {text} · {}", tr(lang, "props-overdue")),
                    );
                } else {
                    ui.weak(text);
                }
            }
        }
    }
}

/// A date typed as YYYY-MM-DD; empty means none. While the field has focus its text lives in
/// egui's memory, so half-typed dates survive the frame; it only reaches the document once it
/// parses. Returns whether the typed text is not a date.
fn date_field_ui(ui: &mut Ui, date: &mut Option<jiff::civil::Date>, label: egui::Id) -> bool {
    let edit_id = ui.scope_id().with("date");
    let buffer_id = edit_id.with("buffer");
    let from_map = date.map(|d| d.to_string()).unwrap_or_default();
    let mut text = ui
        .data(|d| d.get_temp::<String>(buffer_id))
        .unwrap_or_else(|| from_map.clone());
    let response = ui
        .add(
            TextEdit::singleline(&mut text)
                .id(edit_id)
                .desired_width(ui.spacing().text_edit_width / 2.0)
                .hint_text("YYYY-MM-DD"),
        )
        .labelled_by(label);
    let trimmed = text.trim();
    let parsed = if trimmed.is_empty() {
        Ok(None)
    } else {
        trimmed.parse::<jiff::civil::Date>().map(Some)
    };
    if response.changed()
        && let Ok(new) = parsed
    {
        *date = new;
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(buffer_id, text));
    } else {
        // Not being edited: show the document's value (after undo, "today", another map).
        ui.data_mut(|d| d.remove::<String>(buffer_id));
    }
    response.has_focus() && parsed.is_err()
}

#[cfg(test)]
mod tests {
    use super::is_plausible_language_tag;

    #[test]
    fn language_tags_are_checked_loosely() {
        for good in ["fr", "pt-BR", "zh-Hans", "es-419"] {
            assert!(is_plausible_language_tag(good), "{good}");
        }
        for bad in ["", "f", "fr-", "-fr", "fr BR", "1a"] {
            assert!(!is_plausible_language_tag(bad), "{bad}");
        }
    }
}

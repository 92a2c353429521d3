//! The persona panel: who the map is about (name, segment, bio, goals, needs, frustrations,
//! quote and an emoji avatar). It reads the map and emits `EditCommand::SetPersona`.

use egui::{ScrollArea, Sense, TextEdit, TextStyle, Ui};

use crate::edit::EditCommand;
use crate::model::{AVATAR_EMOJI, AVATAR_PLACEHOLDER, JourneyMap, Persona};
use crate::ui::kit::emoji::{emoji_ui, selectable_emoji_ui};
use crate::ui::kit::i18n::{Lang, tr};
use crate::ui::kit::widgets::{Lines, string_list_ui, text_field_ui};

/// The persona: name, segment, bio, goals, needs, frustrations, quote and emoji avatar.
pub fn persona_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap, out: &mut Vec<EditCommand>) {
    let mut persona: Persona = map.persona.clone();
    ScrollArea::vertical()
        .id_salt("persona")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.push_id("persona", |ui| {
                avatar_ui(ui, lang, &mut persona.avatar);
                ui.add_space(ui.spacing().item_spacing.y);
                text_field_ui(
                    ui,
                    &tr(lang, "persona-name"),
                    &tr(lang, "persona-name-hint"),
                    "name",
                    &mut persona.name,
                    Lines::One,
                );
                text_field_ui(
                    ui,
                    &tr(lang, "persona-segment"),
                    &tr(lang, "persona-segment-hint"),
                    "segment",
                    &mut persona.segment,
                    Lines::Many,
                );
                text_field_ui(
                    ui,
                    &tr(lang, "persona-bio"),
                    &tr(lang, "persona-bio-hint"),
                    "bio",
                    &mut persona.bio,
                    Lines::Many,
                );
                string_list_ui(
                    ui,
                    lang,
                    &tr(lang, "persona-goals"),
                    &tr(lang, "persona-goals-hint"),
                    &mut persona.goals,
                    None,
                );
                string_list_ui(
                    ui,
                    lang,
                    &tr(lang, "persona-needs"),
                    &tr(lang, "persona-needs-hint"),
                    &mut persona.needs,
                    None,
                );
                string_list_ui(
                    ui,
                    lang,
                    &tr(lang, "persona-frustrations"),
                    &tr(lang, "persona-frustrations-hint"),
                    &mut persona.frustrations,
                    None,
                );
                text_field_ui(
                    ui,
                    &tr(lang, "persona-quote"),
                    &tr(lang, "persona-quote-hint"),
                    "quote",
                    &mut persona.quote,
                    Lines::Many,
                );
            });
        });
    if persona != map.persona {
        out.push(EditCommand::SetPersona(persona));
    }
}

/// The avatar: the current one large, a row of person emoji, and a field for any other; in
/// colour where the emoji has a bundled picture.
fn avatar_ui(ui: &mut Ui, lang: Lang, avatar: &mut String) {
    let big = TextStyle::Heading.resolve(ui.style()).size * 2.0;
    ui.horizontal(|ui| {
        let shown = if avatar.trim().is_empty() {
            AVATAR_PLACEHOLDER
        } else {
            avatar.as_str()
        };
        emoji_ui(ui, shown, big, Sense::hover());
        ui.vertical(|ui| {
            let label = ui.label(tr(lang, "persona-avatar"));
            ui.add(
                TextEdit::singleline(avatar)
                    .id_salt("avatar")
                    .desired_width(big * 2.0)
                    .hint_text(tr(lang, "persona-avatar-hint")),
            )
            .labelled_by(label.id);
        });
    });
    ui.horizontal_wrapped(|ui| {
        for emoji in AVATAR_EMOJI {
            if selectable_emoji_ui(ui, avatar == emoji, emoji, big * 0.6).clicked() {
                emoji.clone_into(avatar);
            }
        }
    });
}

//! The map's heading at the left of the top bar: its title, its type, the persona chip and the
//! goals, each edited where it is shown. A double-click on the title or the persona's name
//! turns it into a text field (Enter or a click elsewhere keeps the text as one undo step, Esc
//! leaves it as it was); a double-click on the type opens the list of types. Long texts end in
//! an ellipsis, with the whole text in a tooltip.

use egui::{Label, Response, Role, Sense, SetOpenCommand, TextEdit, WidgetInfo};

use super::*;
use crate::edit::MapInfo;
use crate::model::MapType;
use crate::ui::kit::emoji::emoji_ui;
use crate::ui::kit::widgets::select_all_text;

/// The part of the heading being edited in place, and what the persona chip remembers of its
/// last click. View state of the window, never saved.
#[derive(Clone, Debug, Default)]
pub(super) struct HeadingEdit {
    field: Option<HeadingField>,
    /// The field must take the keyboard on the next frame (with its text selected).
    focus_pending: bool,
    /// When the persona chip was last clicked once (UI time) and whether the persona panel was
    /// open before: a double-click's first click opened or closed the panel, and the double
    /// click puts it back.
    chip_click: Option<(f64, bool)>,
}

/// A text of the heading being typed.
#[derive(Clone, Debug, PartialEq)]
enum HeadingField {
    /// The map's title.
    Title(String),
    /// The persona's name.
    PersonaName(String),
}

/// Ids of the in-place text fields (one at a time is shown).
fn field_id(field: &HeadingField) -> egui::Id {
    match field {
        HeadingField::Title(_) => egui::Id::unique("heading-title-edit"),
        HeadingField::PersonaName(_) => egui::Id::unique("heading-persona-edit"),
    }
}

/// The heading of `map`: title, type, persona chip (a click opens or closes the persona panel)
/// and goals. `commit_now` ends an edit in progress and keeps its text (a save is coming, and
/// must hold what was typed). Changes go to `commands`.
pub(super) fn heading_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    edit: &mut HeadingEdit,
    show_persona: &mut bool,
    commit_now: bool,
    commands: &mut Vec<EditCommand>,
) {
    // Everything shows in full when it fits. When not, the title keeps up to 60 % of the
    // room, the type stays whole, the persona chip takes what is left and the goals come last;
    // each is cut with an ellipsis (its whole text in a tooltip), never at the window's edge.
    let room = ui.available_width();
    let title_font = fonts::bold(size::TITLE_FONT);
    let body_font = egui::TextStyle::Body.resolve(ui.style());
    let chip = chip_text(&map.persona);
    let type_width = text_width(ui, tr(lang, map_type_key(map.map_type)), &body_font);
    let avatar = map.persona.avatar.trim();
    // The avatar is a picture of its own, in colour, beside the chip's text.
    let avatar_side = ui.spacing().interact_size.y;
    let avatar_width = if avatar.is_empty() {
        0.0
    } else {
        avatar_side + ui.spacing().item_spacing.x
    };
    let chip_width = text_width(ui, chip.clone(), &body_font) + avatar_width;
    let gaps = 6.0 * ui.spacing().item_spacing.x + 8.0;
    let title_room = (room - type_width - chip_width.min(room * 0.3) - gaps).max(room * 0.6);

    if let Some(HeadingField::Title(_)) = &edit.field {
        text_field_ui(
            ui, lang, map, edit, title_room, title_font, commit_now, commands,
        );
    } else {
        // In the strong text colour: the paler one egui gives labels that take clicks is dim on
        // a projector, in dark most of all.
        let title = RichText::new(&map.title)
            .font(title_font)
            .color(ui.visuals().strong_text_color());
        let response = capped_label(ui, title, title_room, Sense::click())
            .on_hover_text(tr(lang, "heading-title-hint"));
        if response.double_clicked() {
            edit.field = Some(HeadingField::Title(map.title.clone()));
            edit.focus_pending = true;
        }
    }

    map_type_ui(ui, lang, map, commands);

    let persona = &map.persona;
    // The goals, only where a few words of them fit beside the whole persona chip.
    let goals_room = ui.available_width() - chip_width - gaps;
    let show_goals = !map.goals.is_empty() && goals_room > 80.0;
    if !persona.name.is_empty() || matches!(edit.field, Some(HeadingField::PersonaName(_))) {
        ui.separator();
        let chip_room = if show_goals {
            chip_width
        } else {
            ui.available_width()
        } - avatar_width;
        if !avatar.is_empty() && emoji_ui(ui, avatar, avatar_side, Sense::click()).clicked() {
            *show_persona = !*show_persona;
        }
        if let Some(HeadingField::PersonaName(_)) = &edit.field {
            text_field_ui(
                ui, lang, map, edit, chip_room, body_font, commit_now, commands,
            );
        } else {
            persona_chip_ui(
                ui,
                lang,
                (&persona.name, chip),
                edit,
                show_persona,
                chip_room,
            );
        }
    }
    if show_goals {
        ui.separator();
        let room = ui.available_width();
        capped_label(
            ui,
            format!("🎯 {}", map.goals.join(" · ")),
            room,
            Sense::hover(),
        );
    }
}

/// The width of `text` in one line of `font`.
fn text_width(ui: &Ui, text: String, font: &egui::FontId) -> f32 {
    ui.fonts_mut(|f| {
        f.layout_no_wrap(text, font.clone(), egui::Color32::PLACEHOLDER)
            .size()
            .x
    })
}

/// The persona chip's text: name and segment (the avatar is drawn beside it, in colour).
fn chip_text(persona: &crate::model::Persona) -> String {
    let mut text = persona.name.clone();
    if !persona.segment.is_empty() {
        text.push_str(" · ");
        text.push_str(&persona.segment);
    }
    text
}

/// A label at most `max_width` wide, cut with an ellipsis (the whole text in a tooltip), that
/// takes `sense` but no text selection (a double-click edits instead of selecting a word).
fn capped_label(
    ui: &mut Ui,
    text: impl Into<egui::WidgetText>,
    max_width: f32,
    sense: Sense,
) -> Response {
    ui.scope(|ui| {
        ui.set_max_width(max_width);
        ui.add(Label::new(text).truncate().selectable(false).sense(sense))
    })
    .inner
}

/// The map's type; a double-click opens the list of types, a choice changes it.
fn map_type_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap, commands: &mut Vec<EditCommand>) {
    let response = capped_label(
        ui,
        RichText::new(tr(lang, map_type_key(map.map_type))).weak(),
        ui.available_width(),
        Sense::click(),
    )
    .on_hover_text(tr(lang, "heading-type-hint"));
    let open = response
        .double_clicked()
        .then_some(SetOpenCommand::Bool(true));
    egui::Popup::menu(&response).open_memory(open).show(|ui| {
        for map_type in MapType::ALL {
            let chosen = map_type == map.map_type;
            if ui
                .selectable_label(chosen, tr(lang, map_type_key(map_type)))
                .clicked()
                && !chosen
            {
                commands.push(EditCommand::SetMapInfo(MapInfo {
                    map_type,
                    ..MapInfo::of(map)
                }));
            }
        }
    });
}

/// The persona chip: name and segment. A click opens or closes the persona panel; a
/// double-click edits the name in place (and leaves the panel as it was before its first
/// click).
fn persona_chip_ui(
    ui: &mut Ui,
    lang: Lang,
    (name, text): (&str, String),
    edit: &mut HeadingEdit,
    show_persona: &mut bool,
    max_width: f32,
) {
    let color = ui.visuals().hyperlink_color;
    let response = capped_label(
        ui,
        RichText::new(&text).color(color),
        max_width,
        Sense::click(),
    )
    .on_hover_cursor(egui::CursorIcon::PointingHand)
    .on_hover_text(tr(lang, "heading-persona-hint"));
    response.widget_info(|| WidgetInfo::labeled(Role::Link, true, &text));
    let now = ui.input(|i| i.time);
    if response.double_clicked() {
        let delay = ui.options(|o| o.input_options.max_double_click_delay);
        if let Some((at, before)) = edit.chip_click.take()
            && now - at <= delay
        {
            *show_persona = before;
        }
        edit.field = Some(HeadingField::PersonaName(name.to_owned()));
        edit.focus_pending = true;
    } else if response.clicked() {
        edit.chip_click = Some((now, *show_persona));
        *show_persona = !*show_persona;
    }
}

/// The text field of the title or the persona's name, where that text was shown. Enter, a
/// click elsewhere or `commit_now` keeps the text as one command; Esc leaves it as it was. An
/// empty text keeps the old one.
#[expect(
    clippy::too_many_arguments,
    reason = "the field needs the map, its state, its room and font, and where commands go"
)]
fn text_field_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    edit: &mut HeadingEdit,
    max_width: f32,
    font: egui::FontId,
    commit_now: bool,
    commands: &mut Vec<EditCommand>,
) {
    let Some(field) = &mut edit.field else {
        return;
    };
    let id = field_id(field);
    let (buffer, key) = match field {
        HeadingField::Title(text) => (text, "heading-title-edit"),
        HeadingField::PersonaName(text) => (text, "heading-persona-edit"),
    };
    // egui takes the focus away on Esc before the field is drawn: the field then reports a
    // lost focus, which would keep the text; Esc cancels instead.
    let escape = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
    // Enter is the field's own: taken before the canvas could read it as "add a card".
    let has_focus = ui.memory(|m| m.has_focus(id));
    let enter = has_focus && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
    if edit.focus_pending {
        ui.memory_mut(|m| m.request_focus(id));
        select_all_text(ui.ctx(), id, buffer);
    }
    let width = text_width(ui, buffer.clone(), &font);
    let response = ui.add(
        TextEdit::singleline(buffer)
            .id(id)
            .font(font)
            // No taller than the label it replaces: the bar and the map do not move.
            .margin(egui::Margin::symmetric(4, 0))
            .desired_width((width + 24.0).clamp(160.0, max_width.max(160.0))),
    );
    response.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, tr(lang, key)));
    if edit.focus_pending {
        edit.focus_pending = false;
        return;
    }
    if escape {
        ui.memory_mut(|m| m.surrender_focus(id));
        edit.field = None;
        return;
    }
    if !(enter || commit_now || response.lost_focus() || !response.has_focus()) {
        return;
    }
    let text = buffer.trim().to_owned();
    if enter || commit_now {
        ui.memory_mut(|m| m.surrender_focus(id));
    }
    if let Some(field) = edit.field.take()
        && !text.is_empty()
    {
        match field {
            HeadingField::Title(_) if text != map.title => {
                commands.push(EditCommand::SetMapInfo(MapInfo {
                    title: text,
                    ..MapInfo::of(map)
                }));
            }
            HeadingField::PersonaName(_) if text != map.persona.name => {
                commands.push(EditCommand::SetPersona(crate::model::Persona {
                    name: text,
                    ..map.persona.clone()
                }));
            }
            _ => {}
        }
    }
}

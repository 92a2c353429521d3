//! Small widgets the panels share: a section's heading, a labelled text field (and the "Name"
//! field), a form row, a drop-down of choices, an editable list of short texts, a row of colour
//! swatches, a remove button, a section for an optional part. Each is named for screen readers.

use egui::{
    Align, CollapsingHeader, Color32, ComboBox, CornerRadius, Layout, Response, RichText, Role,
    Sense, Stroke, StrokeKind, TextEdit, Ui, WidgetInfo, WidgetText,
};

use crate::model::ColorToken;
use crate::ui::kit::i18n::{Lang, color_key, tr, tr_args};

/// How many lines a text field has.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line.
    One,
    /// Several lines.
    Many,
}

/// A label above a full-width text field tied to it.
pub fn text_field_ui(
    ui: &mut Ui,
    label: &str,
    hint: &str,
    id_salt: &str,
    text: &mut String,
    lines: Lines,
) {
    let label = ui.label(label);
    let edit = match lines {
        Lines::One => TextEdit::singleline(text),
        Lines::Many => TextEdit::multiline(text).desired_rows(2),
    };
    ui.add(
        edit.id_salt(id_salt)
            .hint_text(hint.to_owned())
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.add_space(ui.spacing().item_spacing.y);
}

/// The "Name" field of a stage, step, lane or curve: one line, with `hint` inside.
pub fn name_field_ui(ui: &mut Ui, lang: Lang, hint: &str, name: &mut String) {
    text_field_ui(ui, &tr(lang, "insp-name"), hint, "name", name, Lines::One);
}

/// The heading of a panel's section, with a weak line under it saying where the element sits
/// (`place`), then a gap.
pub fn heading_ui(ui: &mut Ui, heading: String, place: Option<String>) {
    ui.heading(heading);
    if let Some(place) = place {
        ui.weak(place);
    }
    ui.add_space(ui.spacing().item_spacing.y);
}

/// One row of a two-column form grid: a label, and beside it the input `add` puts there, tied
/// to the label for screen readers.
pub fn form_row_ui(
    ui: &mut Ui,
    label: impl Into<WidgetText>,
    add: impl FnOnce(&mut Ui) -> Response,
) {
    let label = ui.label(label);
    add(ui).labelled_by(label.id);
    ui.end_row();
}

/// A drop-down as wide as the space left that sets `value` to one of `choices`, each shown
/// by its `name`.
pub fn choice_box_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut T,
    choices: impl IntoIterator<Item = T>,
    name: impl Fn(T) -> String,
) -> Response {
    ComboBox::from_id_salt(id_salt)
        .width(ui.available_width())
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            for choice in choices {
                ui.selectable_value(value, choice, name(choice));
            }
        })
        .response
}

/// At most how many items a list may hold, and why (shown on the disabled "add" button).
pub struct Limit {
    /// The most items.
    pub max: usize,
    /// Why, for the disabled button's tooltip.
    pub why: String,
}

/// An editable list of short texts (goals, needs …): edit, remove, add, up to a limit.
pub fn string_list_ui(
    ui: &mut Ui,
    lang: Lang,
    list: &str,
    hint: &str,
    items: &mut Vec<String>,
    limit: Option<Limit>,
) {
    ui.push_id(list, |ui| {
        ui.label(RichText::new(list).strong());
        let mut remove = None;
        for (index, item) in items.iter_mut().enumerate() {
            let args = [("list", list.to_owned().into()), ("n", (index + 1).into())];
            ui.push_id(index, |ui| {
                ui.with_layout(Layout::right_to_left(Align::TOP), |ui| {
                    if remove_button_ui(ui, &tr_args(lang, "insp-list-remove", &args)).clicked() {
                        remove = Some(index);
                    }
                    ui.add(
                        TextEdit::multiline(item)
                            .id_salt("item")
                            .desired_rows(1)
                            .desired_width(ui.available_width())
                            // Items are one line each; Enter does not split them.
                            .return_key(None)
                            .hint_text(hint.to_owned()),
                    )
                    .accessible_name(tr_args(lang, "insp-list-item", &args));
                });
            });
        }
        if let Some(index) = remove {
            items.remove(index);
        }
        let full = limit.as_ref().is_some_and(|l| items.len() >= l.max);
        let add = ui
            .add_enabled(!full, egui::Button::new(tr(lang, "insp-list-add")))
            .accessible_name(tr_args(
                lang,
                "insp-list-add-to",
                &[("list", list.to_owned().into())],
            ))
            .on_disabled_hover_text(limit.map(|l| l.why).unwrap_or_default());
        if add.clicked() {
            items.push(String::new());
        }
    });
    ui.add_space(ui.spacing().item_spacing.y);
}

/// A small "remove" button named for screen readers by `name`.
pub fn remove_button_ui(ui: &mut Ui, name: &str) -> Response {
    ui.small_button("🗑")
        .accessible_name(name.to_owned())
        .on_hover_text(name.to_owned())
}

/// A row of colour swatches plus "default"; `selected` is `None` when the selection is mixed.
/// Returns the colour clicked, if any (`Some(None)` for default).
pub fn color_row_ui(
    ui: &mut Ui,
    lang: Lang,
    selected: Option<Option<ColorToken>>,
    default_fill: Option<Color32>,
    colors: impl Fn(ColorToken) -> (Color32, Color32),
    rounding: u8,
) -> Option<Option<ColorToken>> {
    let mut choice = None;
    ui.label(tr(lang, "ctx-color"));
    ui.horizontal_wrapped(|ui| {
        let default_label = tr(lang, "ctx-color-default");
        let default = match default_fill {
            Some(fill) => swatch_ui(
                ui,
                fill,
                ui.visuals().widgets.noninteractive.bg_stroke.color,
                selected == Some(None),
                &default_label,
                rounding,
            ),
            None => ui.selectable_label(selected == Some(None), default_label.as_str()),
        };
        if default.clicked() {
            choice = Some(None);
        }
        for token in ColorToken::ALL {
            let (fill, outline) = colors(token);
            let name = tr(lang, color_key(token));
            if swatch_ui(
                ui,
                fill,
                outline,
                selected == Some(Some(token)),
                &name,
                rounding,
            )
            .clicked()
            {
                choice = Some(Some(token));
            }
        }
    });
    ui.add_space(ui.spacing().item_spacing.y);
    choice
}

/// One colour swatch, a radio button to screen readers; `label` is its colour's name.
pub fn swatch_ui(
    ui: &mut Ui,
    fill: Color32,
    outline: Color32,
    selected: bool,
    label: &str,
    rounding: u8,
) -> Response {
    let side = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), Sense::click());
    response
        .widget_info(|| WidgetInfo::selected(Role::RadioButton, ui.is_enabled(), selected, label));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        let painter = ui.painter();
        let inner = rect.shrink(3.0);
        painter.rect(
            inner,
            CornerRadius::same(rounding),
            fill,
            Stroke::new(1.0, outline),
            StrokeKind::Inside,
        );
        if selected || response.hovered() || response.has_focus() {
            let stroke = if selected {
                ui.visuals().selection.stroke
            } else {
                visuals.fg_stroke
            };
            painter.rect_stroke(
                rect.shrink(0.5),
                CornerRadius::same(rounding.saturating_add(2)),
                Stroke::new(2.0, stroke.color),
                StrokeKind::Inside,
            );
        }
    }
    response.on_hover_text(label.to_owned())
}

/// A collapsing section for an optional part of a value (a card's pain point, say): a checkbox
/// labelled `toggle` adds the part, made by `new`, or removes it, and `body` edits the part
/// while there is one. `header` carries the section's title, id and whether it starts open.
pub fn optional_section_ui<T>(
    ui: &mut Ui,
    header: CollapsingHeader,
    toggle: impl Into<WidgetText>,
    part: &mut Option<T>,
    new: impl FnOnce() -> T,
    body: impl FnOnce(&mut Ui, &mut T),
) {
    header.show(ui, |ui| {
        let mut present = part.is_some();
        if ui.checkbox(&mut present, toggle).changed() {
            *part = present.then(new);
        }
        if let Some(part) = part {
            body(ui, part);
        }
    });
}

/// Selects the whole text of the text field `id` (holding `text`), so that typing replaces it:
/// a rename starts this way. Call it before the field is shown, with the field focused (egui
/// keeps a selection only in a focused field).
pub fn select_all_text(ctx: &egui::Context, id: egui::Id, text: &str) {
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text_selection::CCursorRange::select_all_str(
            text,
        )));
    state.store(ctx, id);
}

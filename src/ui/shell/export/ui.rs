//! The export dialog's widgets: the choices, and the running export's progress. They change
//! the state in place and report the button pressed as an [`Action`].

use std::path::Path;

use egui::{Align, Layout, RichText, Ui};

use super::Action;
use super::model::{Area, ExportState, Scale, format_keys, offered_formats, pixel_text};
use crate::export::file::Format;
use crate::export::pdf::PdfPage;
use crate::export::svg::Theme;
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::theme::Theme as UiTheme;

/// Width of the dialog.
const WIDTH: f32 = 460.0;

/// Space between the sections.
const GAP: f32 = 10.0;

/// The choices: format, then for pictures their size, theme and area; the buttons.
pub(super) fn choosing_ui(
    ui: &mut Ui,
    lang: Lang,
    state: &mut ExportState,
    notice: Option<&str>,
) -> Option<Action> {
    ui.set_width(WIDTH);
    let colours = UiTheme::for_dark_mode(ui.visuals().dark_mode);
    ui.heading(tr(lang, "export-dialog-title"));
    ui.add_space(GAP);
    ui.label(RichText::new(tr(lang, "export-dialog-format")).strong());
    for format in offered_formats() {
        let (name, desc) = format_keys(format);
        ui.radio_value(&mut state.choices.format, format, tr(lang, name));
        ui.indent(name, |ui| {
            ui.label(RichText::new(tr(lang, desc)).weak());
        });
    }
    let format = state.choices.format;
    if format.has_pixels() {
        ui.add_space(GAP);
        ui.label(RichText::new(tr(lang, "export-dialog-scale")).strong());
        ui.horizontal(|ui| {
            for scale in Scale::ALL {
                ui.radio_value(&mut state.choices.scale, scale, scale.label());
            }
        });
        if let Some(size) = state.pixel_size(state.choices.scale) {
            ui.label(tr_args(
                lang,
                "export-dialog-size",
                &[("size", pixel_text(lang, size).into())],
            ));
        }
    }
    if format.is_picture() {
        ui.add_space(GAP);
        ui.label(RichText::new(tr(lang, "export-dialog-theme")).strong());
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut state.theme,
                Theme::Light,
                tr(lang, "export-dialog-light"),
            );
            ui.radio_value(
                &mut state.theme,
                Theme::Dark,
                tr(lang, "export-dialog-dark"),
            );
        });
        if format == Format::Pdf {
            ui.add_space(GAP);
            ui.label(RichText::new(tr(lang, "export-dialog-page")).strong());
            ui.horizontal(|ui| {
                for (page, key) in [
                    (PdfPage::A4, "export-dialog-page-a4"),
                    (PdfPage::A3, "export-dialog-page-a3"),
                    (PdfPage::Long, "export-dialog-page-long"),
                ] {
                    ui.add_enabled_ui(!state.choices.deck, |ui| {
                        ui.radio_value(&mut state.choices.page, page, tr(lang, key));
                    });
                }
            });
            ui.checkbox(&mut state.choices.deck, tr(lang, "export-dialog-deck"));
        }
    }
    if format.is_picture() && !state.is_deck() {
        ui.add_space(GAP);
        ui.label(RichText::new(tr(lang, "export-dialog-area")).strong());
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut state.choices.area,
                Area::Whole,
                tr(lang, "export-dialog-whole"),
            );
            ui.add_enabled_ui(state.view.is_some(), |ui| {
                ui.radio_value(
                    &mut state.choices.area,
                    Area::View,
                    tr(lang, "export-dialog-view"),
                );
            });
        });
    }
    let too_big = state.too_big();
    if let Some(size) = too_big {
        ui.add_space(GAP);
        ui.label(
            RichText::new(tr_args(
                lang,
                "export-dialog-too-big",
                &[("size", pixel_text(lang, size).into())],
            ))
            .color(colours.warning_text),
        );
    }
    if let Some(notice) = notice {
        ui.add_space(GAP);
        ui.label(RichText::new(notice).color(colours.warning_text));
    }
    ui.add_space(GAP);
    let copy_too_big = state
        .pixel_size(Scale::X2)
        .is_some_and(crate::export::file::too_big);
    let mut action = None;
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        if ui
            .add_enabled(
                too_big.is_none(),
                egui::Button::new(tr(lang, "export-dialog-export")),
            )
            .clicked()
        {
            action = Some(Action::Export);
        }
        if ui.button(tr(lang, "export-dialog-close")).clicked() {
            action = Some(Action::Close);
        }
        let copy = ui
            .add_enabled(
                !copy_too_big,
                egui::Button::new(tr(lang, "export-dialog-copy")),
            )
            .on_hover_text(tr(lang, "export-dialog-copy-hint"));
        if copy.clicked() {
            action = Some(Action::Copy);
        }
    });
    action
}

/// The running export: what is being made, a moving bar, and Cancel.
pub(super) fn running_ui(
    ui: &mut Ui,
    lang: Lang,
    target: Option<&Path>,
    cancelled: bool,
) -> Option<Action> {
    ui.set_width(WIDTH);
    ui.heading(tr(lang, "export-dialog-title"));
    ui.add_space(GAP);
    let text = match target {
        _ if cancelled => tr(lang, "export-dialog-cancelling"),
        Some(path) => {
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            tr_args(lang, "export-dialog-running", &[("file", file.into())])
        }
        None => tr(lang, "export-dialog-copying"),
    };
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(text);
    });
    ui.add_space(GAP);
    let mut action = None;
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        if ui
            .add_enabled(
                !cancelled,
                egui::Button::new(tr(lang, "export-dialog-cancel")),
            )
            .clicked()
        {
            action = Some(Action::CancelRun);
        }
    });
    action
}

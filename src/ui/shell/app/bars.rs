//! The bars around the canvas: the menu bar, the top bar with its tools, the voting bar and
//! the status bar, and the banners above the map.

use super::*;

/// Shows or hides the customer data (View menu): Ctrl+Shift+D, D for data.
pub(super) const DATA_SHORTCUT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::D);

impl JourneyApp {
    pub(super) fn menu_bar_ui(
        &mut self,
        ui: &mut Ui,
        out: &mut EditorOutput,
        actions: &mut Vec<PendingAction>,
    ) {
        let lang = self.lang();
        let has_map = self.open.is_some();
        ui.menu_button(tr(lang, "menu-file"), |ui| {
            if ui.button(tr(lang, "file-new")).clicked() {
                actions.push(PendingAction::Close);
            }
            if ui
                .add(
                    egui::Button::new(tr(lang, "file-open")).shortcut_text(
                        ui.ctx()
                            .format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)),
                    ),
                )
                .clicked()
            {
                actions.push(PendingAction::OpenDialog);
            }
            ui.menu_button(tr(lang, "file-recent"), |ui| {
                if self.prefs.recent.is_empty() {
                    ui.label(tr(lang, "file-recent-empty"));
                }
                for path in self.prefs.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(PendingAction::Open(path));
                    }
                }
            });
            ui.menu_button(tr(lang, "file-open-sample"), |ui| {
                for (i, sample) in crate::file::samples::samples().iter().enumerate() {
                    if ui.button(sample.title).clicked() {
                        actions.push(PendingAction::OpenSample(i));
                    }
                }
            });
            ui.separator();
            self.import_menu_ui(ui);
            self.export_menu_ui(ui);
            ui.separator();
            let save = egui::Button::new(tr(lang, "file-save")).shortcut_text(
                ui.ctx()
                    .format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)),
            );
            // Saved after this frame's edits are applied, as the shortcuts are.
            if ui.add_enabled(has_map, save).clicked() {
                self.save_requested = Some(SaveRequest::Save);
            }
            let save_as = egui::Button::new(tr(lang, "file-save-as")).shortcut_text(
                ui.ctx().format_shortcut(&KeyboardShortcut::new(
                    Modifiers::COMMAND | Modifiers::SHIFT,
                    Key::S,
                )),
            );
            if ui.add_enabled(has_map, save_as).clicked() {
                self.save_requested = Some(SaveRequest::SaveAs);
            }
            if ui
                .add_enabled(has_map, egui::Button::new(tr(lang, "file-close")))
                .clicked()
            {
                actions.push(PendingAction::Close);
            }
            ui.separator();
            let quit = egui::Button::new(tr(lang, "file-quit")).shortcut_text(
                ui.ctx()
                    .format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)),
            );
            if ui.add(quit).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button(tr(lang, "menu-edit"), |ui| {
            // "Undo add card" when there is something to undo, a greyed "Undo" when not.
            let label = |bare: &str, with_what: &str, key: Option<&'static str>| {
                key.map_or_else(
                    || tr(lang, bare),
                    |k| tr_args(lang, with_what, &[("what", tr(lang, k).into())]),
                )
            };
            let (undo_label, redo_label) = self
                .open
                .as_ref()
                .map_or((None, None), |o| (o.doc.undo_label(), o.doc.redo_label()));
            let undo = egui::Button::new(label("edit-undo", "edit-undo-what", undo_label))
                .shortcut_text(
                    ui.ctx()
                        .format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)),
                );
            if ui.add_enabled(undo_label.is_some(), undo).clicked() {
                self.undo();
            }
            let redo = egui::Button::new(label("edit-redo", "edit-redo-what", redo_label))
                .shortcut_text(ui.ctx().format_shortcut(&KeyboardShortcut::new(
                    Modifiers::COMMAND | Modifiers::SHIFT,
                    Key::Z,
                )));
            if ui.add_enabled(redo_label.is_some(), redo).clicked() {
                self.redo();
            }
            ui.separator();
            self.copy_image_menu_ui(ui);
            let Some(open) = &self.open else {
                return;
            };
            let map = open.doc.map();
            let has_cards = !self.editor.selection.cards.is_empty();
            if ui
                .add_enabled(has_cards, egui::Button::new(tr(lang, "edit-cut")))
                .clicked()
                && let Some(text) = editor::copy_text(&self.editor, map)
            {
                ui.ctx().copy_text(text);
                editor::delete_selection(&mut self.editor, map, out);
            }
            if ui
                .add_enabled(has_cards, egui::Button::new(tr(lang, "edit-copy")))
                .clicked()
                && let Some(text) = editor::copy_text(&self.editor, map)
            {
                ui.ctx().copy_text(text);
            }
            if ui
                .add_enabled(has_cards, egui::Button::new(tr(lang, "edit-duplicate")))
                .clicked()
            {
                editor::duplicate(&mut self.editor, map, out);
            }
            if ui
                .add_enabled(
                    !self.editor.selection.is_empty(),
                    egui::Button::new(tr(lang, "edit-delete")),
                )
                .clicked()
            {
                editor::delete_selection(&mut self.editor, map, out);
            }
            if ui.button(tr(lang, "edit-select-all")).clicked() {
                self.editor.selection = Selection {
                    cards: map.cards.iter().map(|c| c.id.clone()).collect(),
                    ..Selection::default()
                };
            }
        });
        ui.menu_button(tr(lang, "menu-view"), |ui| {
            ui.checkbox(&mut self.prefs.show_inspector, tr(lang, "view-inspector"));
            ui.checkbox(&mut self.prefs.show_persona, tr(lang, "view-persona"));
            ui.checkbox(&mut self.prefs.show_review, tr(lang, "view-review"));
            ui.checkbox(&mut self.prefs.show_matrix, tr(lang, "view-matrix"));
            let data = ui.ctx().format_shortcut(&DATA_SHORTCUT);
            ui.add(egui::Checkbox::new(
                &mut self.prefs.show_data,
                tr(lang, "view-data"),
            ))
            .on_hover_text(data);
            ui.checkbox(&mut self.editor.voting, tr(lang, "view-voting"));
            let mut workshop = self.prefs.workshop();
            if ui
                .checkbox(&mut workshop, tr(lang, "view-workshop"))
                .on_hover_text(tr(lang, "view-workshop-hint"))
                .changed()
            {
                self.set_workshop(workshop);
            }
            ui.menu_button(tr(lang, "view-data-overlays"), |ui| self.data_menu_ui(ui));
            let present = egui::Button::new(tr(lang, "view-present"))
                .shortcut_text(ui.ctx().format_shortcut(&super::present::PRESENT_SHORTCUT));
            if ui.add_enabled(has_map, present).clicked() {
                self.start_presentation(ui.ctx());
            }
            ui.separator();
            let canvas =
                (self.editor.view.last_canvas()).unwrap_or_else(|| ui.ctx().content_rect());
            let ctx = ui.ctx().clone();
            let shortcut =
                |key| ctx.format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key));
            let zoom_in =
                egui::Button::new(tr(lang, "view-zoom-in")).shortcut_text(shortcut(Key::Plus));
            if ui.add(zoom_in).clicked() {
                let z = self.editor.view.step_zoom(true);
                self.editor.view.zoom_around(z, canvas.center(), canvas);
            }
            let zoom_out =
                egui::Button::new(tr(lang, "view-zoom-out")).shortcut_text(shortcut(Key::Minus));
            if ui.add(zoom_out).clicked() {
                let z = self.editor.view.step_zoom(false);
                self.editor.view.zoom_around(z, canvas.center(), canvas);
            }
            let actual =
                egui::Button::new(tr(lang, "view-zoom-reset")).shortcut_text(shortcut(Key::Num1));
            if ui.add(actual).clicked() {
                self.editor.view.zoom_around(1.0, canvas.center(), canvas);
            }
            let fit = egui::Button::new(tr(lang, "view-fit")).shortcut_text(shortcut(Key::Num0));
            if ui.add(fit).clicked() {
                self.editor.view.fit_pending = Some(crate::ui::canvas::paint::Fit::Whole);
            }
            ui.separator();
            ui.menu_button(tr(lang, "view-theme"), |ui| {
                let mut pref = ui.ctx().options(|o| o.theme_preference);
                let before = pref;
                for (choice, key) in THEMES {
                    ui.radio_value(&mut pref, choice, tr(lang, key));
                }
                if pref != before {
                    ui.ctx().set_theme(pref);
                    self.prefs.theme = Some(pref);
                }
            });
            ui.menu_button(tr(lang, "view-language"), |ui| {
                for l in Lang::ALL {
                    ui.radio_value(&mut self.prefs.lang, l, native_name(l));
                }
            });
        });
        ui.add_enabled_ui(has_map, |ui| {
            ui.menu_button(tr(lang, "menu-map"), |ui| {
                if ui.button(tr(lang, "map-properties")).clicked() {
                    self.show_properties = true;
                }
                if ui.button(tr(lang, "view-persona")).clicked() {
                    self.prefs.show_persona = true;
                }
                if ui.button(tr(lang, "map-mark-reviewed")).clicked() {
                    out.commands.push(EditCommand::MarkReviewed(self.today));
                }
                ui.separator();
                if let Some(open) = &self.open {
                    let map = open.doc.map();
                    if ui.button(tr(lang, "curve-add")).clicked() {
                        out.commands
                            .push(crate::ui::canvas::curves::new_curve_command(map, lang));
                        out.select_created = true;
                    }
                    if ui.button(tr(lang, "map-add-stage")).clicked() {
                        out.commands.push(EditCommand::AddStage {
                            index: map.stages.len(),
                            name: tr(
                                Lang::from_code(&map.language).unwrap_or_default(),
                                "canvas-new-stage",
                            ),
                        });
                        out.select_created = true;
                    }
                    ui.menu_button(tr(lang, "map-add-lane"), |ui| {
                        if let Some(kind) = editor::lane_kind_menu_ui(ui, lang) {
                            let content_lang = Lang::from_code(&map.language).unwrap_or_default();
                            out.commands.push(EditCommand::AddLane {
                                index: map.lanes.len(),
                                kind,
                                name: template::lane_name(kind, content_lang).to_owned(),
                            });
                            out.select_created = true;
                            ui.close();
                        }
                    });
                }
            });
        });
    }

    /// The map's heading in the menu bar's row, right of the menus: title, type, persona chip
    /// and goals, each edited where it is shown. The menus take little of that row, so the
    /// heading gets most of the window's width, and the tools below get a row of their own.
    pub(super) fn heading_row_ui(&mut self, ui: &mut Ui, commands: &mut Vec<EditCommand>) {
        let lang = self.lang();
        let Some(open) = &self.open else {
            return;
        };
        let persona_before = self.prefs.show_persona;
        let mut show_persona = persona_before;
        // A save is coming this frame: it must hold the text being typed in the heading.
        let commit_now = self.save_requested.is_some();
        ui.separator();
        heading::heading_ui(
            ui,
            lang,
            open.doc.map(),
            &mut self.heading,
            &mut show_persona,
            commit_now,
            commands,
        );
        if show_persona != persona_before {
            self.prefs.show_persona = show_persona;
        }
    }

    pub(super) fn top_bar_ui(&mut self, ui: &mut Ui, commands: &mut Vec<EditCommand>) {
        let lang = self.lang();
        let has_map = self.open.is_some();
        let mut workshop = self.prefs.workshop();
        let open = &self.open;
        let mut tools = Tools {
            prefs: &mut self.prefs,
            editor: &mut self.editor,
            show_properties: &mut self.show_properties,
            today: self.today,
        };
        egui::containers::Sides::new().show(
            ui,
            |ui| {
                if open.is_none() {
                    ui.add_space(4.0);
                    ui.label(RichText::new("journeymap").font(fonts::bold(size::TITLE_FONT)));
                }
            },
            |ui| {
                theme_buttons_ui(ui, lang, &mut tools.prefs.theme);
                if has_map {
                    ui.separator();
                    ui.toggle_value(&mut workshop, tr(lang, "tool-workshop"))
                        .on_hover_text(tr(lang, "view-workshop-hint"));
                    ui.separator();
                    zoom_controls_ui(ui, lang, &mut tools.editor.view);
                    ui.separator();
                    tools.ui(ui, lang, open.as_ref(), commands);
                }
            },
        );
        self.set_workshop(workshop);
    }

    /// The banner of voting mode: how to vote, the votes cast, and the way out.
    pub(super) fn voting_bar_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let Some(open) = &self.open else {
            return;
        };
        let map = open.doc.map();
        let pains: u32 = map.pain_points().map(|(_, p)| p.votes).sum();
        let opps: u32 = map.opportunities().map(|(_, o)| o.votes).sum();
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr(lang, "voting-title")).strong());
            ui.label(tr(lang, "vote-hint"));
            ui.separator();
            ui.label(tr_args(
                lang,
                "voting-totals",
                &[("pains", pains.into()), ("opportunities", opps.into())],
            ));
            ui.separator();
            if ui.button(tr(lang, "voting-done")).clicked() {
                self.editor.voting = false;
            }
        });
    }

    pub(super) fn status_bar_ui(&mut self, ui: &mut Ui, theme: &Theme) {
        let lang = self.lang();
        ui.horizontal(|ui| {
            if let Some(open) = &self.open {
                let map = open.doc.map();
                ui.label(tr_args(
                    lang,
                    "status-counts",
                    &[
                        ("stages", map.stages.len().into()),
                        ("steps", map.step_count().into()),
                        ("lanes", map.lanes.len().into()),
                        ("cards", map.cards.len().into()),
                    ],
                ));
                let selected = self.editor.selection.cards.len();
                if selected > 0 {
                    ui.separator();
                    ui.label(tr_args(
                        lang,
                        "status-selected",
                        &[("count", selected.into())],
                    ));
                }
                ui.separator();
                if let Some(path) = &open.path {
                    ui.label(RichText::new(path.display().to_string()).weak());
                }
                if open.doc.is_dirty() {
                    ui.label(RichText::new(tr(lang, "status-unsaved")).color(theme.warning_text));
                }
                if !open.warnings.is_empty() {
                    ui.separator();
                    let text = tr_args(
                        lang,
                        "status-repaired",
                        &[("count", open.warnings.len().into())],
                    );
                    if ui
                        .link(RichText::new(text).color(theme.warning_text))
                        .clicked()
                    {
                        self.show_warnings = !self.show_warnings;
                    }
                }
            }
            if let Some(status) = &self.status {
                ui.separator();
                ui.label(RichText::new(status).weak());
            }
        });
        if self.show_warnings
            && let Some(open) = &self.open
        {
            egui::ScrollArea::vertical()
                .max_height(160.0)
                .show(ui, |ui| {
                    for w in &open.warnings {
                        ui.label(format!("• {}", crate::ui::kit::i18n::warning_text(lang, w)));
                    }
                });
        }
    }
}

/// What the top bar's tool buttons change: borrowed apart from the rest of the app, so the
/// title on the left can read the map at the same time.
pub(super) struct Tools<'a> {
    prefs: &'a mut Prefs,
    editor: &'a mut EditorState,
    show_properties: &'a mut bool,
    today: jiff::civil::Date,
}

impl Tools<'_> {
    /// Voting mode, the review table, the matrix, and the review-due badge (right to left).
    fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        open: Option<&OpenMap>,
        commands: &mut Vec<EditCommand>,
    ) {
        let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
        ui.toggle_value(&mut self.prefs.show_matrix, tr(lang, "tool-matrix"))
            .on_hover_text(tr(lang, "view-matrix"));
        ui.toggle_value(&mut self.prefs.show_review, tr(lang, "tool-review"))
            .on_hover_text(tr(lang, "view-review"));
        ui.toggle_value(&mut self.editor.voting, tr(lang, "tool-voting"))
            .on_hover_text(tr(lang, "vote-hint"));
        let Some(open) = open else {
            return;
        };
        let review = &open.doc.map().review;
        if review.is_due(self.today) {
            let months = review.cadence_months;
            let badge = egui::Button::new(
                RichText::new(tr(lang, "review-due-badge"))
                    .color(Theme::text_on(theme.warning_text)),
            )
            .fill(theme.warning_text);
            let response = ui.add(badge).on_hover_text(tr_args(
                lang,
                "review-due-hint",
                &[
                    (
                        "date",
                        review
                            .last_reviewed
                            .map(|d| d.to_string())
                            .unwrap_or_default()
                            .into(),
                    ),
                    ("months", months.into()),
                ],
            ));
            egui::Popup::menu(&response).show(|ui| {
                if ui.button(tr(lang, "map-mark-reviewed")).clicked() {
                    commands.push(EditCommand::MarkReviewed(self.today));
                    ui.close();
                }
                if ui.button(tr(lang, "map-properties")).clicked() {
                    *self.show_properties = true;
                    ui.close();
                }
            });
        }
    }
}

/// The theme choices, in the View menu's order, with their message keys.
const THEMES: [(egui::ThemePreference, &str); 3] = [
    (egui::ThemePreference::Light, "view-theme-light"),
    (egui::ThemePreference::Dark, "view-theme-dark"),
    (egui::ThemePreference::System, "view-theme-system"),
];

/// The theme buttons of the top bar (egui's own say what they do in English only); the choice
/// is a preference, written as soon as it changes.
fn theme_buttons_ui(ui: &mut Ui, lang: Lang, theme: &mut Option<egui::ThemePreference>) {
    let mut pref = ui.ctx().options(|o| o.theme_preference);
    let before = pref;
    // In egui's order (System, Dark, Light), so the bar looks as it did with egui's buttons.
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        for (choice, key) in THEMES.into_iter().rev() {
            ui.selectable_value(&mut pref, choice, choice.icon())
                .on_hover_text(tr(lang, key));
        }
    });
    if pref != before {
        ui.ctx().set_theme(pref);
        *theme = Some(pref);
    }
}

pub(super) fn zoom_controls_ui(
    ui: &mut Ui,
    lang: Lang,
    view: &mut crate::ui::canvas::paint::CanvasView,
) {
    // Right-to-left layout: the last added is leftmost.
    if ui
        .button(tr(lang, "view-fit"))
        .on_hover_text(tr(lang, "view-fit-hint"))
        .clicked()
    {
        view.fit_pending = Some(crate::ui::canvas::paint::Fit::Whole);
    }
    let canvas = view
        .last_canvas()
        .unwrap_or_else(|| ui.ctx().content_rect());
    // One zoom step in or out, around the middle of the canvas.
    let zoom_button = |ui: &mut Ui,
                       view: &mut crate::ui::canvas::paint::CanvasView,
                       (text, hint_key): (&str, &str),
                       zoom_in: bool| {
        if ui.button(text).on_hover_text(tr(lang, hint_key)).clicked() {
            let z = view.step_zoom(zoom_in);
            view.zoom_around(z, canvas.center(), canvas);
        }
    };
    zoom_button(ui, view, ("+", "view-zoom-in"), true);
    ui.label(format!("{:.0} %", view.zoom * 100.0));
    zoom_button(ui, view, ("−", "view-zoom-out"), false);
}

impl OpenMap {
    /// The banner over a map with fields this version does not know: they are kept, and where.
    pub(super) fn unknown_fields_ui(&mut self, ui: &mut Ui, lang: Lang) {
        let open = self;
        let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(tr_args(
                    lang,
                    "unknown-fields-banner",
                    &[("count", open.unknown.len().into())],
                ))
                .color(theme.warning_text),
            );
            ui.menu_button(tr(lang, "unknown-fields-details"), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| {
                        for field in &open.unknown {
                            let line = match field.did_you_mean {
                                Some(known) => tr_args(
                                    lang,
                                    "unknown-field-typo",
                                    &[
                                        ("line", field.line.into()),
                                        ("path", field.path.clone().into()),
                                        ("known", known.into()),
                                    ],
                                ),
                                None => tr_args(
                                    lang,
                                    "unknown-field",
                                    &[
                                        ("line", field.line.into()),
                                        ("path", field.path.clone().into()),
                                    ],
                                ),
                            };
                            ui.label(line);
                        }
                    });
            });
            if ui.button(tr(lang, "unknown-fields-close")).clicked() {
                open.unknown_dismissed = true;
            }
        });
    }
}

impl JourneyApp {
    /// View → Data on the map: badges, heat by a metric, the measured curve. Kept in the editor
    /// state (a view choice of this window, never saved in the map); greyed out, with a note,
    /// while the map has no imported data.
    fn data_menu_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let has_data = self
            .open
            .as_ref()
            .is_some_and(|o| o.doc.map().metrics.latest().is_some());
        if !has_data {
            ui.weak(tr(lang, "view-data-none"));
        }
        ui.add_enabled_ui(has_data, |ui| {
            let data = &mut self.editor.data;
            ui.checkbox(&mut data.badges, tr(lang, "view-data-badges"));
            ui.checkbox(&mut data.measured, tr(lang, "view-data-measured"));
            ui.separator();
            ui.label(tr(lang, "view-data-heat"));
            ui.radio_value(&mut data.heat, None, tr(lang, "view-data-heat-none"));
            for metric in crate::layout::data::HEAT_METRICS {
                ui.radio_value(
                    &mut data.heat,
                    Some(metric),
                    tr(lang, crate::ui::kit::labels::metric_key(metric)),
                );
            }
        });
    }
}

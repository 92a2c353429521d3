//! The view around the map: its layout, kept up to date for the canvas and the presentation;
//! the workshop view (larger text and chrome for a projector, the side panels hidden;
//! remembered per map in the preferences), the readable zoom the canvas fits to, and the
//! inspector, which folds into a strip while nothing is selected.

use super::*;
use crate::ui::canvas::paint::Fit;

impl JourneyApp {
    /// Lays the open map out again if it, the collapsed lanes or the data overlays changed;
    /// only its curves when nothing else did.
    pub(super) fn refresh_layout(&mut self, ctx: &egui::Context) {
        let Some(open) = &mut self.open else {
            return;
        };
        let collapsed = &self.editor.collapsed;
        let (revision, base_revision) = (open.doc.revision(), open.doc.base_revision());
        let laid = open.layout.as_mut().filter(|l| {
            l.base_revision == base_revision
                && l.collapsed == *collapsed
                && l.layout.data == self.editor.data
        });
        match laid {
            Some(laid) if laid.revision == revision => {}
            Some(laid) => {
                // Only the curves changed (a point dragged): the cards stay where they are.
                layout::recompute_curves(&mut laid.layout, open.doc.map(), &self.metrics);
                laid.revision = revision;
            }
            None => {
                let computed = layout::compute_with_data(
                    open.doc.map(),
                    &self.metrics,
                    &self.heights.measure(ctx),
                    collapsed,
                    &self.editor.data,
                );
                open.layout = Some(Laid {
                    revision,
                    base_revision,
                    collapsed: collapsed.clone(),
                    layout: computed,
                });
            }
        }
    }

    /// Whether the workshop view is on.
    pub fn workshop(&self) -> bool {
        self.prefs.workshop()
    }

    /// Turns the workshop view on or off and remembers it for the open map's file. A view
    /// still fitted refits; any other view keeps its centre and grows to readable text.
    pub fn set_workshop(&mut self, on: bool) {
        if self.prefs.workshop() == on {
            return;
        }
        self.prefs.set_workshop(on);
        if let Some(path) = self.open.as_ref().and_then(|o| o.path.clone()) {
            self.prefs.remember_workshop_map(&path, on);
        }
        self.editor.view.readable_zoom = self.readable_zoom();
        if self.editor.view.fitted().is_some() {
            self.editor.view.fit_pending = Some(Fit::Readable);
        } else if on {
            self.editor.view.ensure_readable();
        }
    }

    /// The least canvas zoom at which card text is readable in the current view.
    fn readable_zoom(&self) -> f32 {
        let (text, ui_zoom) = if self.prefs.workshop() {
            (size::WORKSHOP_CARD_TEXT, size::WORKSHOP_UI_ZOOM)
        } else {
            (size::READABLE_CARD_TEXT, 1.0)
        };
        text / (self.metrics.card_font_size * ui_zoom)
    }

    /// Once a frame, before drawing: a newly opened map takes its workshop view from the
    /// preferences; the UI's zoom and the canvas's readable zoom follow the view; the inspector
    /// folding with the selection leaves the map where it is.
    pub(super) fn apply_view(&mut self, ctx: &egui::Context) {
        if std::mem::take(&mut self.opened_view_pending) {
            // A map without a file keeps the view the window is in.
            if let Some(path) = self.open.as_ref().and_then(|o| o.path.clone()) {
                let on = self.prefs.is_workshop_map(&path);
                self.prefs.set_workshop(on);
            }
        }
        let ui_zoom = if self.prefs.workshop() {
            size::WORKSHOP_UI_ZOOM
        } else {
            1.0
        };
        if (ctx.zoom_factor() - ui_zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(ui_zoom);
        }
        self.editor.view.readable_zoom = self.readable_zoom();
        // While voting, clicks land on cards all over the map: the inspector keeps its width
        // rather than open over the card the next vote goes to; and it waits for a context
        // menu to close, so it never covers the element the menu belongs to.
        if !self.editor.voting && !egui::Popup::is_any_open(ctx) {
            let nothing_selected = self.editor.selection.is_empty();
            if self.prefs.show_inspector
                && !self.inspector_pinned
                && nothing_selected != self.inspector_folded
            {
                self.editor.view.hold_next_resize = true;
            }
            self.inspector_folded = nothing_selected;
        }
    }
}

/// The inspector on the right: every field of the selection, or, while `folded` (nothing
/// selected), a thin strip with a button that opens it (so the map gets the room).
pub(super) fn inspector_panel_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    selection: &Selection,
    folded: bool,
    pinned: &mut bool,
    commands: &mut Vec<EditCommand>,
) {
    let nothing_selected = selection.is_empty();
    if folded && !*pinned {
        egui::Panel::right("inspector_strip")
            .resizable(false)
            .exact_size(size::INSPECTOR_STRIP)
            .show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    if ui
                        .button("◀")
                        .on_hover_text(tr(lang, "insp-open"))
                        .clicked()
                    {
                        *pinned = true;
                    }
                });
            });
        return;
    }
    egui::Panel::right("inspector")
        .resizable(true)
        .default_size(320.0)
        .show(ui, |ui| {
            if nothing_selected
                && ui
                    .button("▶")
                    .on_hover_text(tr(lang, "insp-fold"))
                    .clicked()
            {
                *pinned = false;
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                inspector::inspector_ui(ui, lang, map, selection, commands);
            });
        });
}

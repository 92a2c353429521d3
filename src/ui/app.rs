//! The application: a top bar, the canvas, and a status bar.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::file::{self, LoadError};
use crate::layout::{self, LayoutMetrics, MapLayout, TextMeasure};
use crate::model::template::{self, Lang};
use crate::model::{JourneyMap, MapType, Warning};

use super::canvas::{CanvasView, canvas_ui};
use super::fonts;
use super::theme::{Theme, size};

/// A map open in the window, with where it came from and its cached layout.
pub struct OpenMap {
    /// The document.
    pub map: JourneyMap,
    /// The file it was read from, if any.
    pub path: Option<PathBuf>,
    /// What was repaired while loading.
    pub warnings: Vec<Warning>,
    /// Geometry, computed on first paint (it needs the fonts).
    layout: Option<MapLayout>,
}

impl OpenMap {
    /// Wraps a map that did not come from a file.
    pub fn unsaved(map: JourneyMap) -> Self {
        Self {
            map,
            path: None,
            warnings: Vec::new(),
            layout: None,
        }
    }
}

/// The whole application state.
pub struct JourneyApp {
    open: Option<OpenMap>,
    load_error: Option<String>,
    view: CanvasView,
    metrics: LayoutMetrics,
    show_warnings: bool,
    title_sent: Option<String>,
}

impl JourneyApp {
    /// The app showing `open` (or the welcome screen), with an optional load error to show.
    pub fn new(open: Option<OpenMap>, load_error: Option<String>) -> Self {
        Self {
            open,
            load_error,
            view: CanvasView {
                fit_pending: true,
                ..CanvasView::default()
            },
            metrics: LayoutMetrics::default(),
            show_warnings: false,
            title_sent: None,
        }
    }

    /// The app with the map at `path` loaded, or the load error shown.
    pub fn with_file(path: &Path) -> Self {
        match open_file(path) {
            Ok(open) => Self::new(Some(open), None),
            Err(err) => Self::new(None, Some(err.to_string())),
        }
    }

    /// The open map, if any.
    pub fn map(&self) -> Option<&JourneyMap> {
        self.open.as_ref().map(|o| &o.map)
    }

    /// The canvas's pan and zoom.
    pub fn view(&self) -> &CanvasView {
        &self.view
    }

    fn window_title(&self) -> String {
        match &self.open {
            Some(open) => {
                let name = open.path.as_ref().and_then(|p| p.file_name()).map_or_else(
                    || "untitled".to_owned(),
                    |n| n.to_string_lossy().into_owned(),
                );
                format!("{name} — {} — journeymap", open.map.title)
            }
            None => "journeymap".to_owned(),
        }
    }

    /// Draws one frame.
    pub fn ui(&mut self, ui: &mut Ui) {
        let title = self.window_title();
        if self.title_sent.as_ref() != Some(&title) {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
        let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui, &theme));
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let Some(open) = &mut self.open else {
                welcome_ui(
                    ui,
                    &theme,
                    self.load_error.as_deref(),
                    &mut self.open,
                    &mut self.view,
                );
                return;
            };
            if open.layout.is_none() {
                let measure = EguiMeasure(ui.ctx());
                open.layout = Some(layout::compute(&open.map, &self.metrics, &measure));
            }
            if let Some(layout) = &open.layout {
                canvas_ui(ui, &mut self.view, &open.map, layout, &self.metrics, &theme);
            }
        });
    }

    fn top_bar_ui(&mut self, ui: &mut Ui) {
        let has_map = self.open.is_some();
        // The controls on the right always fit; the map's title and persona on the left are
        // cut with an ellipsis when the window is narrow.
        egui::containers::Sides::new()
            .shrink_left()
            .truncate()
            .show(
                ui,
                |ui| {
                    ui.add_space(4.0);
                    let Some(open) = &self.open else {
                        ui.label(RichText::new("journeymap").font(fonts::bold(size::TITLE_FONT)));
                        return;
                    };
                    let map = &open.map;
                    ui.label(RichText::new(&map.title).font(fonts::bold(size::TITLE_FONT)));
                    ui.label(RichText::new(map_type_label(map.map_type, &map.language)).weak());
                    let persona = &map.persona;
                    if !persona.name.is_empty() {
                        ui.separator();
                        let mut text = format!("{} {}", persona.avatar, persona.name);
                        if !persona.segment.is_empty() {
                            text.push_str(" · ");
                            text.push_str(&persona.segment);
                        }
                        ui.label(text).on_hover_ui(|ui| persona_tooltip_ui(ui, map));
                    }
                    if !map.goals.is_empty() {
                        ui.separator();
                        ui.label(format!("🎯 {}", map.goals.join(" · ")));
                    }
                },
                |ui| {
                    egui::widgets::global_theme_preference_buttons(ui);
                    if has_map {
                        ui.separator();
                        zoom_controls_ui(ui, &mut self.view);
                    }
                },
            );
    }

    fn status_bar_ui(&mut self, ui: &mut Ui, theme: &Theme) {
        ui.horizontal(|ui| {
            if let Some(open) = &self.open {
                let map = &open.map;
                ui.label(format!(
                    "{} stages · {} steps · {} lanes · {} cards",
                    map.stages.len(),
                    map.step_count(),
                    map.lanes.len(),
                    map.cards.len()
                ));
                if let Some(path) = &open.path {
                    ui.separator();
                    ui.label(RichText::new(path.display().to_string()).weak());
                }
                if !open.warnings.is_empty() {
                    ui.separator();
                    let text = format!("⚠ {} problems repaired while loading", open.warnings.len());
                    if ui
                        .link(RichText::new(text).color(theme.warning_text))
                        .clicked()
                    {
                        self.show_warnings = !self.show_warnings;
                    }
                }
            }
        });
        if self.show_warnings
            && let Some(open) = &self.open
        {
            egui::ScrollArea::vertical()
                .max_height(160.0)
                .show(ui, |ui| {
                    for w in &open.warnings {
                        ui.label(format!("• {w}"));
                    }
                });
        }
    }
}

impl eframe::App for JourneyApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        JourneyApp::ui(self, ui);
    }
}

/// Reads a map file for the window, reporting repairs on stderr too.
pub fn open_file(path: &Path) -> Result<OpenMap, LoadError> {
    let loaded = file::load(path)?;
    for w in &loaded.warnings {
        eprintln!("journeymap: {}: {w}", path.display());
    }
    Ok(OpenMap {
        map: loaded.map,
        path: Some(path.to_owned()),
        warnings: loaded.warnings,
        layout: None,
    })
}

/// Measures text with egui's fonts, so the layout matches what the canvas draws.
pub struct EguiMeasure<'a>(pub &'a egui::Context);

impl TextMeasure for EguiMeasure<'_> {
    fn wrapped_height(&self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
        self.0.fonts_mut(|f| {
            f.layout(
                text.to_owned(),
                egui::FontId::proportional(font_size),
                egui::Color32::PLACEHOLDER,
                wrap_width,
            )
            .size()
            .y
        })
    }
}

fn zoom_controls_ui(ui: &mut Ui, view: &mut CanvasView) {
    // Right-to-left layout: the last added is leftmost.
    if ui
        .button("Fit")
        .on_hover_text("Show the whole map")
        .clicked()
    {
        view.fit_pending = true;
    }
    let canvas = ui.ctx().content_rect();
    if ui.button("+").on_hover_text("Zoom in (Ctrl +)").clicked() {
        let z = view.step_zoom(true);
        view.zoom_around(z, canvas.center(), canvas);
    }
    ui.label(format!("{:.0} %", view.zoom * 100.0));
    if ui.button("−").on_hover_text("Zoom out (Ctrl −)").clicked() {
        let z = view.step_zoom(false);
        view.zoom_around(z, canvas.center(), canvas);
    }
}

fn persona_tooltip_ui(ui: &mut Ui, map: &JourneyMap) {
    let p = &map.persona;
    ui.set_max_width(360.0);
    ui.label(RichText::new(format!("{} {}", p.avatar, p.name)).strong());
    if !p.segment.is_empty() {
        ui.label(&p.segment);
    }
    if !p.bio.is_empty() {
        ui.label(&p.bio);
    }
    if !p.quote.is_empty() {
        ui.label(RichText::new(format!("“{}”", p.quote)).italics());
    }
    for (title, list) in [
        ("Goals", &p.goals),
        ("Needs", &p.needs),
        ("Frustrations", &p.frustrations),
    ] {
        if !list.is_empty() {
            ui.label(RichText::new(title).strong());
            for item in list {
                ui.label(format!("• {item}"));
            }
        }
    }
}

fn map_type_label(t: MapType, lang: &str) -> &'static str {
    let vi = lang.starts_with("vi");
    match (t, vi) {
        (MapType::CurrentState, false) => "Current state",
        (MapType::CurrentState, true) => "Hiện trạng",
        (MapType::FutureState, false) => "Future state",
        (MapType::FutureState, true) => "Tương lai",
        (MapType::DayInTheLife, false) => "Day in the life",
        (MapType::DayInTheLife, true) => "Một ngày của khách hàng",
        (MapType::ServiceBlueprint, false) => "Service blueprint",
        (MapType::ServiceBlueprint, true) => "Bản thiết kế dịch vụ",
    }
}

/// Shown when no map is open: the load error, if any, and the templates to start from.
fn welcome_ui(
    ui: &mut Ui,
    theme: &Theme,
    load_error: Option<&str>,
    open: &mut Option<OpenMap>,
    view: &mut CanvasView,
) {
    egui::Frame::central_panel(ui.style()).show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(24.0);
            if let Some(err) = load_error {
                ui.label(
                    RichText::new(format!("⚠ Could not open the map\n{err}"))
                        .color(theme.error_text),
                );
                ui.add_space(16.0);
            }
            ui.heading("Start from a template · Bắt đầu từ mẫu");
            ui.add_space(8.0);
            egui::Grid::new("templates").striped(true).show(ui, |ui| {
                for t in template::templates() {
                    ui.label(RichText::new(t.name.en.as_str()).strong());
                    let stages: Vec<_> = t.stages.iter().map(|s| s.name.en.as_str()).collect();
                    ui.label(stages.join(" → "));
                    for lang in Lang::ALL {
                        if ui.button(lang.code().to_uppercase()).clicked() {
                            *open = Some(OpenMap::unsaved(t.instantiate(lang)));
                            view.fit_pending = true;
                        }
                    }
                    ui.end_row();
                }
            });
        });
    });
}

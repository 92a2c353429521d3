//! The start screen, shown when no map is open: new map from a template, open a file, the
//! recent files and the bundled samples.
//!
//! [`start_ui`] only reports what the user chose as a [`StartAction`]; the app opens or
//! creates the map, so this screen never touches a document.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{
    Align, Color32, CornerRadius, FontId, Galley, Layout, Rect, RichText, Sense, Stroke,
    StrokeKind, Ui, Vec2, vec2,
};

use crate::file::samples::samples;
use crate::model::template::{Template, templates};

use crate::ui::kit::fonts;
use crate::ui::kit::i18n::{Lang, native_name, tr, tr_args};
use crate::ui::kit::theme::{Theme, size};

/// What the user chose on the start screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartAction {
    /// Create a map from the template with this id, with its text in `content_lang`.
    NewFromTemplate {
        /// The template's id (`aisas`).
        template_id: String,
        /// The language of the new map's stage, step and lane names.
        content_lang: Lang,
    },
    /// Show the open-file dialog.
    OpenDialog,
    /// Open this recent file.
    OpenRecent(PathBuf),
    /// Open the sample at this index into [`samples()`].
    OpenSample(usize),
}

/// Widest the page grows; beyond this the lines get too long to read.
const MAX_PAGE_WIDTH: f32 = 1120.0;
/// The product name at the top.
const HERO_FONT: f32 = 30.0;
/// Narrowest template card; the gallery fits as many columns as this allows.
const CARD_MIN_WIDTH: f32 = 250.0;
/// Space between cards.
const CARD_GAP: f32 = 12.0;
/// Padding inside a card.
const CARD_PADDING: f32 = 12.0;
/// Padding inside a stage chip.
const CHIP_PADDING: Vec2 = vec2(6.0, 2.0);
/// Space between stage chips.
const CHIP_GAP: f32 = 4.0;
/// Height of the Open button, taller than a plain button: it is a main way in.
const OPEN_BUTTON_HEIGHT: f32 = 28.0;
/// Width of a sample's language tag, so the titles after it line up.
const LANG_TAG_WIDTH: f32 = 26.0;
/// Below this width the recent files and the samples stack instead of sitting side by side.
const TWO_COLUMNS_MIN_WIDTH: f32 = 760.0;

/// Shows the start screen in the UI language `lang`; returns what the user chose this frame.
///
/// `recent` is the recent-files list, newest first; `load_error` the message of a map that
/// failed to open, shown at the top.
pub fn start_ui(
    ui: &mut Ui,
    lang: Lang,
    recent: &[PathBuf],
    load_error: Option<&str>,
) -> Option<StartAction> {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let mut action = None;
    egui::ScrollArea::vertical()
        .id_salt("start-screen")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let page_width = ui.available_width().min(MAX_PAGE_WIDTH);
            let side = ((ui.available_width() - page_width) / 2.0).max(0.0);
            ui.horizontal_top(|ui| {
                ui.add_space(side);
                ui.vertical(|ui| {
                    ui.set_width(page_width);
                    page_ui(ui, lang, &theme, recent, load_error, &mut action);
                });
            });
        });
    action
}

fn page_ui(
    ui: &mut Ui,
    lang: Lang,
    theme: &Theme,
    recent: &[PathBuf],
    load_error: Option<&str>,
    action: &mut Option<StartAction>,
) {
    ui.add_space(24.0);
    ui.label(
        RichText::new("journeymap")
            .font(fonts::bold(HERO_FONT))
            .color(ui.visuals().strong_text_color()),
    );
    ui.label(
        RichText::new(tr(lang, "start-subtitle"))
            .size(size::BODY_FONT)
            .weak(),
    );
    ui.add_space(16.0);

    if let Some(err) = load_error {
        load_error_ui(ui, lang, theme, err);
        ui.add_space(16.0);
    }

    // Templates, with the language of the new map on the right of the heading.
    ui.horizontal_wrapped(|ui| {
        section_heading_ui(ui, &tr(lang, "start-templates"));
        ui.add_space(16.0);
        ui.label(RichText::new(tr(lang, "start-content-language")).weak());
        let mut content_lang = content_lang(ui, lang);
        for option in Lang::ALL {
            ui.selectable_value(&mut content_lang, option, native_name(option));
        }
        set_content_lang(ui, lang, content_lang);
    });
    ui.label(RichText::new(tr(lang, "start-templates-hint")).weak());
    ui.add_space(8.0);
    let content_lang = content_lang(ui, lang);
    if let Some(template_id) = gallery_ui(ui, lang, content_lang, theme) {
        *action = Some(StartAction::NewFromTemplate {
            template_id,
            content_lang,
        });
    }
    ui.add_space(24.0);
    ui.separator();
    ui.add_space(12.0);

    // Open, recent files, samples.
    let mut recent_column = |ui: &mut Ui| {
        section_heading_ui(ui, &tr(lang, "start-open-section"));
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let open = ui.add(
                egui::Button::new(RichText::new(tr(lang, "start-open")).size(size::BODY_FONT))
                    .min_size(vec2(0.0, OPEN_BUTTON_HEIGHT)),
            );
            if open.clicked() {
                *action = Some(StartAction::OpenDialog);
            }
            ui.label(RichText::new(tr(lang, "start-open-hint")).weak());
        });
        ui.add_space(12.0);
        ui.label(RichText::new(tr(lang, "start-recent")).strong());
        if let Some(path) = recent_ui(ui, lang, recent) {
            *action = Some(StartAction::OpenRecent(path));
        }
    };
    let mut chosen_sample = None;
    let mut samples_column = |ui: &mut Ui| {
        section_heading_ui(ui, &tr(lang, "start-samples"));
        ui.label(RichText::new(tr(lang, "start-samples-hint")).weak());
        ui.add_space(8.0);
        chosen_sample = samples_ui(ui, lang);
    };
    if ui.available_width() >= TWO_COLUMNS_MIN_WIDTH {
        ui.columns_const(|[left, right]| {
            recent_column(left);
            samples_column(right);
        });
    } else {
        recent_column(ui);
        ui.add_space(16.0);
        samples_column(ui);
    }
    if let Some(index) = chosen_sample {
        *action = Some(StartAction::OpenSample(index));
    }
    ui.add_space(24.0);
}

fn section_heading_ui(ui: &mut Ui, text: &str) {
    ui.label(
        RichText::new(text)
            .font(fonts::bold(size::TITLE_FONT))
            .color(ui.visuals().strong_text_color()),
    );
}

fn load_error_ui(ui: &mut Ui, lang: Lang, theme: &Theme, err: &str) {
    egui::Frame::new()
        .stroke(Stroke::new(1.0, theme.error_text))
        .corner_radius(CornerRadius::same(size::CARD_ROUNDING))
        .inner_margin(CARD_PADDING)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("⚠ {}", tr(lang, "start-load-error")))
                    .color(theme.error_text)
                    .strong(),
            );
            // Selectable, so the message can be copied into a bug report.
            ui.add(egui::Label::new(RichText::new(err).color(theme.error_text)).selectable(true));
        });
}

/// The language new maps are written in: the UI language unless the user picked the other
/// one for this UI language. Kept in egui's temporary memory: it is a choice for this visit
/// to the start screen, not a preference.
fn content_lang(ui: &Ui, lang: Lang) -> Lang {
    let choice: Option<(Lang, Lang)> = ui.data(|d| d.get_temp(content_lang_id()));
    match choice {
        Some((for_ui, content)) if for_ui == lang => content,
        _ => lang,
    }
}

fn set_content_lang(ui: &Ui, lang: Lang, content: Lang) {
    ui.data_mut(|d| d.insert_temp(content_lang_id(), (lang, content)));
}

fn content_lang_id() -> egui::Id {
    egui::Id::unique("journeymap-start-content-lang")
}

/// The template cards in rows that fill the width; returns the id of the template clicked.
fn gallery_ui(ui: &mut Ui, lang: Lang, content_lang: Lang, theme: &Theme) -> Option<String> {
    let available = ui.available_width();
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a small positive column count"
    )]
    let columns = ((available + CARD_GAP) / (CARD_MIN_WIDTH + CARD_GAP))
        .floor()
        .max(1.0) as usize;
    #[expect(clippy::cast_precision_loss, reason = "a small column count")]
    let card_width = ((available - CARD_GAP * (columns as f32 - 1.0)) / columns as f32).max(1.0);
    let hover = tr_args(
        lang,
        "start-template-hover",
        &[("language", native_name(content_lang).into())],
    );
    let mut clicked = None;
    for row in templates().chunks(columns) {
        let cards: Vec<CardLayout> = row
            .iter()
            .map(|t| CardLayout::new(ui, t, lang, card_width, theme))
            .collect();
        let row_height = cards.iter().map(|c| c.height).fold(0.0, f32::max);
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = CARD_GAP;
            for (template, card) in row.iter().zip(cards) {
                let response = card_ui(ui, &card, template.name.get(lang), card_width, row_height)
                    .on_hover_text(&hover);
                if response.clicked() {
                    clicked = Some(template.id.clone());
                }
            }
        });
        ui.add_space(CARD_GAP - ui.spacing().item_spacing.y);
    }
    clicked
}

/// The laid-out text of a template card; positions are relative to the card's top-left.
struct CardLayout {
    name: Arc<Galley>,
    description: Arc<Galley>,
    /// Each stage chip: its text, its rect and its fill.
    chips: Vec<(Arc<Galley>, Rect, Color32)>,
    height: f32,
}

impl CardLayout {
    fn new(ui: &Ui, template: &Template, lang: Lang, width: f32, theme: &Theme) -> Self {
        let inner_width = (width - 2.0 * CARD_PADDING).max(1.0);
        let painter = ui.painter();
        let visuals = ui.visuals();
        let name = painter.layout(
            template.name.get(lang).to_owned(),
            fonts::bold(size::STAGE_FONT),
            visuals.strong_text_color(),
            inner_width,
        );
        let description = painter.layout(
            template.description.get(lang).to_owned(),
            FontId::proportional(size::STEP_FONT),
            visuals.weak_text_color(),
            inner_width,
        );
        let chips_top = CARD_PADDING + name.size().y + 4.0 + description.size().y + 10.0;
        let mut chips = Vec::with_capacity(template.stages.len());
        let mut cursor = vec2(CARD_PADDING, chips_top);
        let mut line_height: f32 = 0.0;
        for (i, stage) in template.stages.iter().enumerate() {
            let fill = theme.stage_color(i, None);
            let galley = painter.layout(
                stage.name.get(lang).to_owned(),
                FontId::proportional(size::CHIP_FONT),
                Theme::text_on(fill),
                (inner_width - 2.0 * CHIP_PADDING.x).max(1.0),
            );
            let chip_size = galley.size() + 2.0 * CHIP_PADDING;
            if cursor.x > CARD_PADDING && cursor.x + chip_size.x > CARD_PADDING + inner_width {
                cursor = vec2(CARD_PADDING, cursor.y + line_height + CHIP_GAP);
                line_height = 0.0;
            }
            let rect = Rect::from_min_size(cursor.to_pos2(), chip_size);
            chips.push((galley, rect, fill));
            cursor.x += chip_size.x + CHIP_GAP;
            line_height = line_height.max(chip_size.y);
        }
        let height = cursor.y + line_height + CARD_PADDING;
        Self {
            name,
            description,
            chips,
            height,
        }
    }
}

/// One template card: a button whose accessible label is the template's name.
fn card_ui(ui: &mut Ui, card: &CardLayout, label: &str, width: f32, height: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), label));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals();
    let highlighted = response.hovered() || response.has_focus();
    let stroke = if highlighted {
        visuals.selection.stroke
    } else {
        visuals.widgets.noninteractive.bg_stroke
    };
    let fill = if response.is_pointer_button_down_on() {
        visuals.widgets.active.weak_bg_fill
    } else {
        visuals.extreme_bg_color
    };
    let painter = ui.painter();
    let rounding = CornerRadius::same(size::CARD_ROUNDING);
    painter.rect(rect, rounding, fill, stroke, StrokeKind::Inside);
    let origin = rect.min.to_vec2();
    let text_pos = rect.min + vec2(CARD_PADDING, CARD_PADDING);
    painter.galley(text_pos, card.name.clone(), visuals.text_color());
    painter.galley(
        text_pos + vec2(0.0, card.name.size().y + 4.0),
        card.description.clone(),
        visuals.weak_text_color(),
    );
    let chip_rounding = CornerRadius::same(size::HEADER_ROUNDING);
    for (galley, chip_rect, chip_fill) in &card.chips {
        let chip_rect = chip_rect.translate(origin);
        painter.rect_filled(chip_rect, chip_rounding, *chip_fill);
        painter.galley(
            chip_rect.min + CHIP_PADDING,
            galley.clone(),
            Theme::text_on(*chip_fill),
        );
    }
    response
}

/// The recent files, newest first; returns the one clicked. Files that are gone are shown
/// disabled, so the user sees why a map is no longer there.
fn recent_ui(ui: &mut Ui, lang: Lang, recent: &[PathBuf]) -> Option<PathBuf> {
    if recent.is_empty() {
        ui.label(
            RichText::new(tr(lang, "start-recent-empty"))
                .weak()
                .italics(),
        );
        return None;
    }
    let home = std::env::home_dir();
    let mut clicked = None;
    for path in recent {
        let name = path
            .file_name()
            .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
            .into_owned();
        let folder = path
            .parent()
            .map(|p| short_folder(p, home.as_deref()))
            .unwrap_or_default();
        let exists = path.is_file();
        ui.horizontal(|ui| {
            let button = ui.add_enabled(
                exists,
                egui::Button::new(RichText::new(name).size(size::BODY_FONT))
                    .frame_when_inactive(false),
            );
            let button = if exists {
                button.on_hover_text(path.to_string_lossy())
            } else {
                button.on_disabled_hover_text(tr_args(
                    lang,
                    "start-recent-missing-hint",
                    &[("path", path.to_string_lossy().into_owned().into())],
                ))
            };
            if button.clicked() {
                clicked = Some(path.clone());
            }
            if !exists {
                ui.label(
                    RichText::new(tr(lang, "start-recent-missing"))
                        .small()
                        .italics()
                        .weak(),
                );
            }
            ui.add(egui::Label::new(RichText::new(folder).weak()).truncate());
        });
    }
    clicked
}

/// `folder` for display, with the home folder written as `~`.
fn short_folder(folder: &Path, home: Option<&Path>) -> String {
    if let Some(home) = home
        && let Ok(rest) = folder.strip_prefix(home)
    {
        if rest.as_os_str().is_empty() {
            return "~".to_owned();
        }
        return Path::new("~").join(rest).to_string_lossy().into_owned();
    }
    folder.to_string_lossy().into_owned()
}

/// The bundled samples, each with the language it is written in; returns the index clicked.
fn samples_ui(ui: &mut Ui, lang: Lang) -> Option<usize> {
    let mut clicked = None;
    for (index, sample) in samples().iter().enumerate() {
        let language = sample.lang().map_or(sample.language, native_name);
        ui.horizontal(|ui| {
            lang_tag_ui(ui, sample.language);
            let button = ui
                .with_layout(Layout::left_to_right(Align::Center), |ui| {
                    ui.add(
                        egui::Button::new(RichText::new(sample.title).size(size::BODY_FONT))
                            .frame_when_inactive(false)
                            .wrap(),
                    )
                })
                .inner
                .on_hover_text(tr_args(
                    lang,
                    "start-sample-hover",
                    &[("language", language.into())],
                ));
            if button.clicked() {
                clicked = Some(index);
            }
        });
    }
    clicked
}

/// A small fixed-width tag with a language code (`VI`). Decoration only: the sample's
/// button says the language in its hover text.
fn lang_tag_ui(ui: &mut Ui, code: &str) {
    let galley = ui.painter().layout_no_wrap(
        code.to_uppercase(),
        FontId::proportional(size::CHIP_FONT),
        ui.visuals().weak_text_color(),
    );
    let tag_size = vec2(
        LANG_TAG_WIDTH.max(galley.size().x + 2.0 * CHIP_PADDING.x),
        galley.size().y + 2.0 * CHIP_PADDING.y,
    );
    let (rect, _) = ui.allocate_exact_size(tag_size, Sense::hover());
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let painter = ui.painter();
        painter.rect(
            rect,
            CornerRadius::same(size::HEADER_ROUNDING),
            visuals.faint_bg_color,
            visuals.widgets.noninteractive.bg_stroke,
            StrokeKind::Inside,
        );
        let text_pos = rect.center() - galley.size() / 2.0;
        painter.galley(text_pos, galley, visuals.weak_text_color());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    /// What the screen returned, and its inputs.
    struct State {
        lang: Lang,
        recent: Vec<PathBuf>,
        load_error: Option<String>,
        action: Option<StartAction>,
    }

    fn start_harness(state: State) -> Harness<'static, State> {
        Harness::builder()
            .with_size([1280.0, 800.0])
            .with_context_setup(crate::ui::kit::fonts::install)
            .build_ui_state(
                |ui, state: &mut State| {
                    let action =
                        start_ui(ui, state.lang, &state.recent, state.load_error.as_deref());
                    if action.is_some() {
                        state.action = action;
                    }
                },
                state,
            )
    }

    fn state(lang: Lang) -> State {
        State {
            lang,
            recent: Vec::new(),
            load_error: None,
            action: None,
        }
    }

    /// Scrolls the widget into view (the lower part of the page is below the fold of a
    /// laptop screen), then clicks it.
    fn click(harness: &mut Harness<'_, State>, label: &str) {
        harness.get_by_label(label).scroll_to_me();
        harness.run();
        harness.get_by_label(label).click();
        harness.run();
    }

    #[test]
    fn renders_in_both_languages_with_every_template_and_sample() {
        for lang in Lang::ALL {
            let mut harness = start_harness(State {
                load_error: Some("maps/broken.ron:3:7: expected `)`".to_owned()),
                ..state(lang)
            });
            harness.run();
            for template in templates() {
                harness.get_by_label(template.name.get(lang));
            }
            for sample in samples() {
                harness.get_by_label(sample.title);
            }
            harness.get_by_label(&tr(lang, "start-open"));
            harness.get_by_label_contains("broken.ron");
            harness.get_by_label(&tr(lang, "start-recent-empty"));
        }
    }

    /// The last click asked for a new map from the AISAS template with content in `lang`.
    fn assert_new_aisas(harness: &Harness<'_, State>, lang: Lang) {
        assert_eq!(
            harness.state().action,
            Some(StartAction::NewFromTemplate {
                template_id: "aisas".to_owned(),
                content_lang: lang,
            })
        );
    }

    #[test]
    fn clicking_a_template_creates_a_map_in_the_ui_language() {
        let mut harness = start_harness(state(Lang::En));
        harness.run();
        click(&mut harness, "AISAS");
        assert_new_aisas(&harness, Lang::En);
    }

    #[test]
    fn the_content_language_can_differ_from_the_ui_language() {
        let mut harness = start_harness(state(Lang::Vi));
        harness.run();
        click(&mut harness, "English");
        click(&mut harness, "AISAS");
        assert_new_aisas(&harness, Lang::En);
    }

    #[test]
    fn open_recent_and_samples() {
        let dir = tempfile::tempdir().expect("temp dir");
        let present = dir.path().join("hành trình.ron");
        std::fs::write(&present, "(format: 1)").expect("write");
        let missing = dir.path().join("gone.ron");
        let mut harness = start_harness(State {
            recent: vec![present.clone(), missing],
            ..state(Lang::Vi)
        });
        harness.run();
        harness.get_by_label("Tệp gần đây");
        assert!(harness.query_by_label_contains("Chưa có tệp").is_none());
        harness.get_by_label("không còn");

        // A missing file is disabled: clicking it does nothing.
        click(&mut harness, "gone.ron");
        assert_eq!(harness.state().action, None);

        click(&mut harness, "hành trình.ron");
        assert_eq!(
            harness.state().action,
            Some(StartAction::OpenRecent(present))
        );

        let last = samples().len() - 1;
        click(&mut harness, samples()[last].title);
        assert_eq!(harness.state().action, Some(StartAction::OpenSample(last)));

        click(&mut harness, "📂 Mở…");
        assert_eq!(harness.state().action, Some(StartAction::OpenDialog));
    }

    #[test]
    fn fits_a_small_window() {
        let mut harness = Harness::builder()
            .with_size([640.0, 400.0])
            .with_context_setup(crate::ui::kit::fonts::install)
            .build_ui_state(
                |ui, state: &mut State| {
                    if let Some(action) = start_ui(ui, state.lang, &state.recent, None) {
                        state.action = Some(action);
                    }
                },
                state(Lang::Vi),
            );
        harness.run();
        harness.get_by_label("AISAS");
        // The bottom of the page is reachable by scrolling.
        let last = samples().len() - 1;
        click(&mut harness, samples()[last].title);
        assert_eq!(harness.state().action, Some(StartAction::OpenSample(last)));
    }

    #[test]
    fn folders_under_home_are_shortened() {
        let home = Path::new("/home/lan");
        assert_eq!(
            short_folder(Path::new("/home/lan/maps"), Some(home)),
            "~/maps"
        );
        assert_eq!(short_folder(home, Some(home)), "~");
        assert_eq!(
            short_folder(Path::new("/srv/maps"), Some(home)),
            "/srv/maps"
        );
    }
}

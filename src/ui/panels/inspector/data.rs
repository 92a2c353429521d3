//! The customer-data section of the inspector: for a touchpoint card with imported numbers,
//! each reading (value, change since the previous import, flag) with its target and whether
//! higher or lower is better, and "Add pain point" on a flagged reading; for a stage, the same
//! for its customers and continuation. A target is typed as people write numbers ("45,5" or
//! "45,5 %"; shares in percent) and applied when the field is left, as one undo step.

use egui::{CollapsingHeader, Label, RichText, TextEdit, Ui};

use crate::analysis::data_view::change_text;
use crate::analysis::overlay::{
    FlagReason, Reading, card_readings, card_values, flag_reason, flags, format_value,
    stage_reading,
};
use crate::edit::EditCommand;
use crate::edit::make::add_pain_from_metric;
use crate::import::{TypedError, parse_target};
use crate::model::{Card, Direction, Evidence, Id, JourneyMap, MetricKind, Stage, Target};
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::labels::{flag_pain_text, lane_icon, metric_key};
use crate::ui::kit::theme::Theme;
use crate::ui::kit::widgets::choice_box_ui;

/// Width of a target field, in points.
const TARGET_FIELD_WIDTH: f32 = 76.0;

/// A touchpoint card's numbers and targets; nothing for a card without numbers.
pub(super) fn card_data_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    card: &Card,
    out: &mut Vec<EditCommand>,
) {
    if card_values(map, &card.id).is_none() {
        return;
    }
    let readings = card_readings(map, &card.id);
    section_ui(ui, lang, |ui| {
        for reading in &readings {
            ui.push_id(reading.metric, |ui| {
                reading_ui(ui, lang, map, &card.id, reading, out);
                if reading.flagged {
                    add_pain_ui(ui, lang, map, card, reading.metric, out);
                }
            });
        }
    });
}

/// A stage's customers and continuation with their targets; nothing without numbers.
pub(super) fn stage_data_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    stage: &Stage,
    out: &mut Vec<EditCommand>,
) {
    let readings: Vec<Reading> = [MetricKind::Customers, MetricKind::Continuation]
        .into_iter()
        .filter_map(|m| stage_reading(map, &stage.id, m))
        .collect();
    if readings.is_empty() {
        return;
    }
    ui.push_id(&stage.id, |ui| {
        section_ui(ui, lang, |ui| {
            for reading in &readings {
                ui.push_id(reading.metric, |ui| {
                    reading_ui(ui, lang, map, &stage.id, reading, out);
                });
            }
        });
    });
}

/// The section's header (open by default) around `add`.
fn section_ui(ui: &mut Ui, lang: Lang, add: impl FnOnce(&mut Ui)) {
    ui.add_space(ui.spacing().item_spacing.y);
    let title = format!(
        "{} {}",
        lane_icon(crate::model::LaneKind::Metrics),
        tr(lang, "data-insp-title")
    );
    CollapsingHeader::new(title)
        .id_salt("customer-data")
        .default_open(true)
        .show(ui, |ui| {
            ui.add(Label::new(RichText::new(tr(lang, "data-insp-hint")).weak()).wrap());
            add(ui);
        });
}

/// One reading: "Conversion 3,1 % (+0,4 %)" with its flag, then its target and direction.
fn reading_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    subject: &Id,
    reading: &Reading,
    out: &mut Vec<EditCommand>,
) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let comma = lang.decimal_comma();
    let metric = reading.metric;
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr(lang, metric_key(metric))).strong());
        ui.label(format_value(metric, reading.value, comma));
        if let Some(change) = reading.change() {
            ui.weak(tr_args(
                lang,
                "data-insp-change",
                &[("change", change_text(metric, change, comma).into())],
            ));
        }
    });
    if reading.flagged {
        let why = match flag_reason(map, subject, metric, reading.value) {
            Some(FlagReason::MissesTarget { target }) => tr_args(
                lang,
                "data-insp-flag-target",
                &[("target", format_value(metric, target, comma).into())],
            ),
            Some(FlagReason::BelowOverall { overall }) => tr_args(
                lang,
                "data-insp-flag-overall",
                &[("overall", format_value(metric, overall, comma).into())],
            ),
            None => String::new(),
        };
        ui.add(Label::new(RichText::new(format!("⚑ {why}")).color(theme.warning_text)).wrap());
    }
    target_ui(ui, lang, subject, reading, out);
}

/// What a target field holds while it is being typed in, or was left with a mistake.
#[derive(Clone, Debug)]
struct Typing {
    text: String,
    error: Option<TypedError>,
}

/// The target field and the direction of one reading. The field shows the target as the
/// badges do; what is typed is applied when the field is left (Enter, Tab or a click
/// elsewhere): a number sets the target, an empty field removes it, anything else is kept
/// in the field with a note saying what is wrong.
fn target_ui(ui: &mut Ui, lang: Lang, subject: &Id, reading: &Reading, out: &mut Vec<EditCommand>) {
    let comma = lang.decimal_comma();
    let metric = reading.metric;
    let shown = reading
        .target
        .map(|(value, _)| format_value(metric, value, comma))
        .unwrap_or_default();
    let id = ui.scope_id().with("target-typing");
    let mut typing: Option<Typing> = ui.data(|d| d.get_temp(id));
    let mut text = typing
        .as_ref()
        .map_or_else(|| shown.clone(), |t| t.text.clone());
    let direction_before = reading.target.map_or(Direction::Higher, |(_, d)| d);
    let mut direction = direction_before;
    let name = tr_args(
        lang,
        "data-insp-target-of",
        &[("metric", tr(lang, metric_key(metric)).into())],
    );
    let hint = tr(lang, hint_key(metric));
    let example = tr(lang, example_key(metric));
    let field = ui
        .horizontal(|ui| {
            ui.label(tr(lang, "data-insp-target"));
            let field = ui
                .add(
                    TextEdit::singleline(&mut text)
                        .id_salt("target")
                        .desired_width(TARGET_FIELD_WIDTH)
                        .hint_text(example),
                )
                .accessible_name(name.clone())
                .on_hover_text(hint.clone());
            ui.add_enabled_ui(reading.target.is_some(), |ui| {
                choice_box_ui(
                    ui,
                    "direction",
                    &mut direction,
                    [Direction::Higher, Direction::Lower],
                    |d| tr(lang, direction_key(d)),
                )
                .on_hover_text(tr(lang, "data-insp-direction-hint"));
            });
            field
        })
        .inner;
    if field.has_focus() || field.changed() {
        typing = Some(Typing {
            text: text.clone(),
            error: None,
        });
    }
    if field.lost_focus() {
        typing = if text.trim() == shown.trim() {
            None
        } else {
            match parse_target(metric, &text) {
                Ok(None) => {
                    if reading.target.is_some() {
                        out.push(EditCommand::RemoveTarget {
                            subject: subject.clone(),
                            metric,
                        });
                    }
                    None
                }
                Ok(Some(value)) => {
                    out.push(EditCommand::SetTarget(Target {
                        subject: subject.clone(),
                        metric,
                        value,
                        direction,
                    }));
                    None
                }
                Err(error) => Some(Typing {
                    text: text.clone(),
                    error: Some(error),
                }),
            }
        };
    } else if !field.has_focus() && typing.as_ref().is_some_and(|t| t.error.is_none()) {
        // Left without a change this frame: show the target as it is (after an undo, too).
        typing = None;
    }
    if let Some(error) = typing.as_ref().and_then(|t| t.error) {
        let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
        let key = match error {
            TypedError::NotANumber => "data-insp-not-a-number",
            TypedError::OutOfRange => "data-insp-out-of-range",
        };
        ui.add(
            Label::new(
                RichText::new(tr_args(lang, key, &[("hint", hint.into())])).color(theme.error_text),
            )
            .wrap(),
        );
    }
    if direction != direction_before
        && let Some((value, _)) = reading.target
    {
        out.push(EditCommand::SetTarget(Target {
            subject: subject.clone(),
            metric,
            value,
            direction,
        }));
    }
    ui.data_mut(|d| match typing {
        Some(t) => {
            d.insert_temp(id, t);
        }
        None => d.remove::<Typing>(id),
    });
}

/// "Add pain point" under a flagged reading of a touchpoint: a pain card in the step's pain
/// lane with the reading as evidence. Once one exists for this card and metric, it says so
/// instead of offering a second.
fn add_pain_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    card: &Card,
    metric: MetricKind,
    out: &mut Vec<EditCommand>,
) {
    let exists = map.pain_points().any(|(_, pain)| {
        pain.evidence.iter().any(
            |e| matches!(e, Evidence::Measured { card: c, metric: m } if *c == card.id && *m == metric),
        )
    });
    if exists {
        ui.weak(tr(lang, "data-insp-pain-exists"));
        return;
    }
    let Some(flag) = flags(map)
        .into_iter()
        .find(|f| f.subject == card.id && f.metric == metric)
    else {
        return;
    };
    // The pain card is content: in the map's language, like the rest of its cards.
    let content = Lang::from_code(&map.language).unwrap_or(lang);
    let text = flag_pain_text(content, map, &flag);
    let command = add_pain_from_metric(map, &card.id, metric, text);
    let button = ui.add_enabled(
        command.is_some(),
        egui::Button::new(tr(lang, "data-insp-add-pain")),
    );
    let button = if command.is_some() {
        button
    } else {
        button.on_disabled_hover_text(tr(lang, "data-insp-no-pain-lane"))
    };
    if button.clicked()
        && let Some(command) = command
    {
        out.push(command);
    }
}

/// The message key of a direction's name.
fn direction_key(direction: Direction) -> &'static str {
    match direction {
        Direction::Higher => "data-insp-higher",
        Direction::Lower => "data-insp-lower",
    }
}

/// The message key of an example target of `metric`, short enough for the field.
fn example_key(metric: MetricKind) -> &'static str {
    match metric {
        m if m.is_rate() => "data-insp-example-percent",
        MetricKind::Csat => "data-insp-example-csat",
        MetricKind::Nps => "data-insp-example-nps",
        _ => "data-insp-example-count",
    }
}

/// The message key of how a target of `metric` is typed.
fn hint_key(metric: MetricKind) -> &'static str {
    match metric {
        m if m.is_rate() => "data-insp-hint-percent",
        MetricKind::Csat => "data-insp-hint-csat",
        MetricKind::Nps => "data-insp-hint-nps",
        _ => "data-insp-hint-count",
    }
}

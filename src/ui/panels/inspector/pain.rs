//! The pain-point section of the inspector: whether the card is one, its severity, votes,
//! status, owner and pin, and the evidence behind it (quotes, links, metric cards).

use egui::{
    Align, CollapsingHeader, ComboBox, DragValue, Grid, Layout, RichText, Slider, TextEdit, Ui,
};

use crate::edit::make::new_pain_point;
use crate::model::{
    Card, Evidence, JourneyMap, LaneKind, PainPoint, PainStatus, SEVERITY_MAX, SEVERITY_MIN,
};
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::labels::{card_name, lane_icon, measured_label, severity_key, status_key};
use crate::ui::kit::theme::Theme;
use crate::ui::kit::widgets::{choice_box_ui, form_row_ui, optional_section_ui, remove_button_ui};
use crate::ui::panels::curve::anchor_ui;

/// The pain-point section: whether the card is one, and its severity, votes, status, owner
/// and evidence.
pub(super) fn pain_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    theme: &Theme,
    card: &Card,
    pain: &mut Option<PainPoint>,
    open: bool,
) {
    let icon = lane_icon(LaneKind::PainPoints);
    let title = format!("{icon} {}", tr(lang, "insp-pain"));
    let header = CollapsingHeader::new(title)
        .id_salt("pain")
        .default_open(open);
    let toggle = tr(lang, "insp-is-pain");
    optional_section_ui(ui, header, toggle, pain, new_pain_point, |ui, pain| {
        Grid::new("pain-grid").num_columns(2).show(ui, |ui| {
            let label = ui.label(tr(lang, "insp-severity"));
            // Stacked, not side by side: "5 · Rất nghiêm trọng" does not fit beside the
            // slider in a narrow panel, and wrapping inside a grid cell overlaps the next row.
            ui.vertical(|ui| {
                ui.add(
                    Slider::new(&mut pain.severity, SEVERITY_MIN..=SEVERITY_MAX).show_value(false),
                )
                .labelled_by(label.id);
                ui.label(
                    RichText::new(format!(
                        "● {} · {}",
                        pain.severity,
                        tr(lang, severity_key(pain.severity))
                    ))
                    .color(theme.severity(pain.severity)),
                );
            });
            ui.end_row();

            form_row_ui(ui, tr(lang, "insp-votes"), |ui| {
                ui.add(DragValue::new(&mut pain.votes).range(0..=u32::MAX))
            });
            form_row_ui(ui, tr(lang, "insp-status"), |ui| {
                let statuses = [PainStatus::Open, PainStatus::InProgress, PainStatus::Fixed];
                choice_box_ui(ui, "status", &mut pain.status, statuses, |status| {
                    tr(lang, status_key(status))
                })
            });
            form_row_ui(ui, tr(lang, "insp-owner"), |ui| {
                ui.add(
                    TextEdit::singleline(&mut pain.owner)
                        .id_salt("owner")
                        .desired_width(ui.available_width())
                        .hint_text(tr(lang, "insp-owner-hint")),
                )
            });
            form_row_ui(ui, tr(lang, "insp-anchor"), |ui| {
                anchor_ui(ui, lang, map, card, &mut pain.anchor)
            });
        });
        ui.add_space(ui.spacing().item_spacing.y);
        evidence_ui(ui, lang, map, &mut pain.evidence);
    });
}

/// The kinds of evidence, for the kind picker.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EvidenceKind {
    Text,
    Link,
    Metric,
    /// A link to imported numbers; made from a flagged metric, never picked here.
    Measured,
}

impl EvidenceKind {
    const ALL: [Self; 3] = [Self::Text, Self::Link, Self::Metric];

    fn of(evidence: &Evidence) -> Self {
        match evidence {
            Evidence::Text(_) => Self::Text,
            Evidence::Link(_) => Self::Link,
            Evidence::Metric(_) => Self::Metric,
            Evidence::Measured { .. } => Self::Measured,
        }
    }

    fn name(self, lang: Lang) -> String {
        match self {
            Self::Text => tr(lang, "insp-evidence-text"),
            Self::Link => tr(lang, "insp-evidence-link"),
            Self::Metric => tr(lang, "insp-evidence-metric"),
            Self::Measured => tr(lang, "insp-evidence-measured"),
        }
    }
}

/// The evidence list of a pain point: quotes, links and metric cards, each removable.
fn evidence_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap, evidence: &mut Vec<Evidence>) {
    let metrics: Vec<&Card> = map
        .cards
        .iter()
        .filter(|c| {
            map.lane(&c.lane)
                .is_some_and(|l| l.kind == LaneKind::Metrics)
        })
        .collect();
    ui.label(RichText::new(tr(lang, "insp-evidence")).strong());
    let mut remove = None;
    for (index, item) in evidence.iter_mut().enumerate() {
        let number = index + 1;
        ui.push_id(("evidence", index), |ui| {
            ui.horizontal(|ui| {
                let kind = EvidenceKind::of(item);
                ComboBox::from_id_salt("kind")
                    .selected_text(kind.name(lang))
                    .show_ui(ui, |ui| {
                        for choice in EvidenceKind::ALL {
                            let enabled = choice != EvidenceKind::Metric || !metrics.is_empty();
                            let clicked = ui
                                .add_enabled_ui(enabled, |ui| {
                                    ui.selectable_label(choice == kind, choice.name(lang))
                                })
                                .inner
                                .clicked();
                            if clicked && choice != kind {
                                *item = convert_evidence(item, choice, &metrics);
                            }
                        }
                    })
                    .response
                    .accessible_name(tr_args(lang, "insp-evidence-kind", &[("n", number.into())]));
                if let Evidence::Link(url) = item
                    && (url.starts_with("https://") || url.starts_with("http://"))
                {
                    ui.hyperlink_to("↗", url.as_str())
                        .accessible_name(tr(lang, "insp-open-link"))
                        .on_hover_text(url.as_str());
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if remove_button_ui(
                        ui,
                        &tr_args(lang, "insp-evidence-remove", &[("n", number.into())]),
                    )
                    .clicked()
                    {
                        remove = Some(index);
                    }
                });
            });
            let name = tr_args(lang, "insp-evidence-item", &[("n", number.into())]);
            match item {
                Evidence::Text(text) => {
                    ui.add(
                        TextEdit::multiline(text)
                            .id_salt("text")
                            .desired_rows(1)
                            .desired_width(f32::INFINITY)
                            .hint_text(tr(lang, "insp-evidence-text-hint")),
                    )
                    .accessible_name(name);
                }
                Evidence::Link(url) => {
                    ui.add(
                        TextEdit::singleline(url)
                            .id_salt("link")
                            .desired_width(f32::INFINITY)
                            .hint_text("https://…"),
                    )
                    .accessible_name(name);
                }
                Evidence::Metric(id) => {
                    let selected_text = map
                        .card(id)
                        .map_or_else(|| id.to_string(), |c| card_name(lang, c));
                    ComboBox::from_id_salt("metric")
                        .selected_text(selected_text)
                        .width(ui.available_width())
                        .show_ui(ui, |ui| {
                            for metric in &metrics {
                                ui.selectable_value(id, metric.id.clone(), card_name(lang, metric));
                            }
                        })
                        .response
                        .accessible_name(name);
                }
                Evidence::Measured { card, metric } => {
                    ui.label(format!("📊 {}", measured_label(lang, map, card, *metric)))
                        .on_hover_text(tr(lang, "insp-measured-hint"));
                }
            }
        });
        ui.add_space(ui.spacing().item_spacing.y);
    }
    if let Some(index) = remove {
        evidence.remove(index);
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(lang, "insp-add-text")).clicked() {
            evidence.push(Evidence::Text(String::new()));
        }
        if ui.button(tr(lang, "insp-add-link")).clicked() {
            evidence.push(Evidence::Link(String::new()));
        }
        let metric = ui
            .add_enabled(
                !metrics.is_empty(),
                egui::Button::new(tr(lang, "insp-add-metric")),
            )
            .on_disabled_hover_text(tr(lang, "insp-no-metrics"));
        if metric.clicked()
            && let Some(first) = metrics.first()
        {
            evidence.push(Evidence::Metric(first.id.clone()));
        }
    });
}

/// The evidence as another kind, keeping what can be kept (text ↔ link).
fn convert_evidence(item: &Evidence, kind: EvidenceKind, metrics: &[&Card]) -> Evidence {
    let text = match item {
        Evidence::Text(s) | Evidence::Link(s) => s.clone(),
        Evidence::Metric(_) | Evidence::Measured { .. } => String::new(),
    };
    match kind {
        EvidenceKind::Text => Evidence::Text(text),
        EvidenceKind::Link => Evidence::Link(text),
        EvidenceKind::Measured => item.clone(),
        EvidenceKind::Metric => match (item, metrics.first()) {
            (Evidence::Metric(id), _) => Evidence::Metric(id.clone()),
            (_, Some(first)) => Evidence::Metric(first.id.clone()),
            (_, None) => item.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::{EvidenceKind, convert_evidence};
    use crate::model::{Card, Evidence, Id};

    #[test]
    fn evidence_changes_kind_keeping_what_it_can() {
        let metric = Card::new(Id::new("c9"), Id::new("st1"), Id::new("l7"), "NPS 31");
        let quote = Evidence::Text("https://bepxanh.vn".to_owned());
        assert_eq!(
            convert_evidence(&quote, EvidenceKind::Link, &[]),
            Evidence::Link("https://bepxanh.vn".to_owned())
        );
        assert_eq!(
            convert_evidence(&quote, EvidenceKind::Metric, &[&metric]),
            Evidence::Metric(Id::new("c9"))
        );
        // No metric card to point at: the evidence stays what it was.
        assert_eq!(convert_evidence(&quote, EvidenceKind::Metric, &[]), quote);
        let measured = Evidence::Metric(Id::new("c3"));
        assert_eq!(
            convert_evidence(&measured, EvidenceKind::Metric, &[&metric]),
            measured
        );
        assert_eq!(
            convert_evidence(&measured, EvidenceKind::Text, &[&metric]),
            Evidence::Text(String::new())
        );
        // A link to imported numbers becomes an empty note or a metric card when asked; it
        // is never picked here, only made from a flagged metric.
        let imported = Evidence::Measured {
            card: Id::new("c5"),
            metric: crate::model::MetricKind::Csat,
        };
        assert_eq!(
            convert_evidence(&imported, EvidenceKind::Link, &[&metric]),
            Evidence::Link(String::new())
        );
        assert_eq!(
            convert_evidence(&imported, EvidenceKind::Metric, &[&metric]),
            Evidence::Metric(Id::new("c9"))
        );
        assert_eq!(
            convert_evidence(&imported, EvidenceKind::Measured, &[&metric]),
            imported
        );
    }
}

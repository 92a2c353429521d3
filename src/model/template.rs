//! The built-in framework templates (AIDA, AISAS, RACE, Kotler 5A…), read from
//! `assets/templates/templates.ron`, each available in English and Vietnamese.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::ids::{IdGen, IdKind};
use super::map::{ColorToken, EmotionCurve, JourneyMap, Lane, LaneKind, MapType, Stage, Step};

/// A language the built-in content (templates, lane names) and the UI are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Vietnamese.
    Vi,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Self; 2] = [Self::En, Self::Vi];

    /// The BCP 47 code (`en`, `vi`).
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Vi => "vi",
        }
    }

    /// Whether numbers are written with a decimal comma ("4,5") in this language.
    pub fn decimal_comma(self) -> bool {
        self == Self::Vi
    }

    /// Parses a code such as `vi` or `vi-VN`.
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Self::En),
            "vi" => Some(Self::Vi),
            _ => None,
        }
    }
}

/// A text in each built-in language.
#[derive(Clone, Debug, Deserialize)]
pub struct Localized {
    /// English.
    pub en: String,
    /// Vietnamese.
    pub vi: String,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Vi => &self.vi,
        }
    }
}

/// A framework template: stages, steps and default lanes.
#[derive(Clone, Debug, Deserialize)]
pub struct Template {
    /// Short id used on the command line (`aida`).
    pub id: String,
    /// Name in the gallery.
    pub name: Localized,
    /// One sentence on when to use it.
    pub description: Localized,
    /// The map type a new map gets.
    pub map_type: MapType,
    /// Stages, left to right.
    pub stages: Vec<TemplateStage>,
    /// Lanes, top to bottom.
    pub lanes: Vec<LaneKind>,
}

/// A stage of a template.
#[derive(Clone, Debug, Deserialize)]
pub struct TemplateStage {
    /// Stage name.
    pub name: Localized,
    /// Named steps; none means one unnamed step.
    #[serde(default)]
    pub steps: Vec<Localized>,
}

#[derive(Deserialize)]
struct LaneName {
    kind: LaneKind,
    name: Localized,
}

#[derive(Deserialize)]
struct Library {
    lane_names: Vec<LaneName>,
    templates: Vec<Template>,
}

const LIBRARY_RON: &str = include_str!("../../assets/templates/templates.ron");

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| match ron::from_str(LIBRARY_RON) {
        Ok(library) => library,
        // The file is compiled in and covered by tests, so this only fires in development.
        Err(err) => panic!("assets/templates/templates.ron is broken: {err}"),
    })
}

/// All built-in templates, in gallery order.
pub fn templates() -> &'static [Template] {
    &library().templates
}

/// The template with this id.
pub fn find(id: &str) -> Option<&'static Template> {
    templates().iter().find(|t| t.id.eq_ignore_ascii_case(id))
}

/// The default name of a lane of `kind` in `lang`.
pub fn lane_name(kind: LaneKind, lang: Lang) -> &'static str {
    library()
        .lane_names
        .iter()
        .find(|l| l.kind == kind)
        .map_or("", |l| l.name.get(lang))
}

impl Template {
    /// A new, empty map laid out by this template, with its text in `lang`.
    pub fn instantiate(&self, lang: Lang) -> JourneyMap {
        let title = match lang {
            Lang::En => format!("New journey map ({})", self.name.en),
            Lang::Vi => format!("Hành trình khách hàng mới ({})", self.name.vi),
        };
        let mut map = JourneyMap::new(title);
        map.language = lang.code().to_owned();
        map.map_type = self.map_type;
        map.description = self.description.get(lang).to_owned();
        map.persona.avatar = "🙂".to_owned();
        let mut ids = IdGen::new(&mut map.next_id);
        for stage in &self.stages {
            let stage_id = ids.fresh(IdKind::Stage);
            let steps = if stage.steps.is_empty() {
                vec![Step {
                    id: ids.fresh(IdKind::Step),
                    name: String::new(),
                }]
            } else {
                stage
                    .steps
                    .iter()
                    .map(|name| Step {
                        id: ids.fresh(IdKind::Step),
                        name: name.get(lang).to_owned(),
                    })
                    .collect()
            };
            map.stages.push(Stage {
                id: stage_id,
                name: stage.name.get(lang).to_owned(),
                color: None,
                steps,
            });
        }
        for &kind in &self.lanes {
            map.lanes.push(Lane {
                id: ids.fresh(IdKind::Lane),
                name: lane_name(kind, lang).to_owned(),
                kind,
            });
        }
        if self.lanes.contains(&LaneKind::Emotions) {
            map.curves.push(EmotionCurve {
                id: ids.fresh(IdKind::Curve),
                name: match lang {
                    Lang::En => "As-is",
                    Lang::Vi => "Hiện tại",
                }
                .to_owned(),
                color: ColorToken::Blue,
                points: Vec::new(),
                hidden: false,
            });
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn at_least_ten_templates_with_unique_ids() {
        let all = templates();
        assert!(all.len() >= 10);
        let mut ids: Vec<_> = all.iter().map(|t| t.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
    }

    #[test]
    fn every_template_makes_a_valid_map_in_both_languages() {
        for template in templates() {
            for lang in Lang::ALL {
                let map = template.instantiate(lang);
                assert_eq!(validate(&map), vec![], "{} in {lang:?}", template.id);
                assert!(!map.stages.is_empty());
                assert!(map.lanes.iter().all(|l| !l.name.is_empty()));
            }
        }
    }

    #[test]
    fn every_lane_kind_has_names() {
        for kind in LaneKind::ALL {
            for lang in Lang::ALL {
                assert!(!lane_name(kind, lang).is_empty(), "{kind:?}");
            }
        }
    }

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::from_code("vi-VN"), Some(Lang::Vi));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }
}

//! The sample maps, compiled into the binary so "Open a sample" works wherever journeymap
//! runs, whatever folder it was started from.
//!
//! The files themselves live in `samples/`; the tests check that every file there is listed
//! here and that the titles and languages written below match the files.

use std::path::Path;

use crate::model::JourneyMap;
use crate::model::template::Lang;

/// A sample map embedded in the binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    /// The file's name in `samples/`, e.g. `b2b-crm.ron`; also the path named in load errors.
    pub file_name: &'static str,
    /// The map's title, as written in the file (a test keeps the two in step).
    pub title: &'static str,
    /// The language the map is written in, as a BCP 47 code (`en`, `vi`).
    pub language: &'static str,
    /// The whole `.ron` text.
    pub ron: &'static str,
}

impl Sample {
    /// The language the map is written in, if it is one of the built-in languages.
    pub fn lang(&self) -> Option<Lang> {
        Lang::from_code(self.language)
    }
}

const SAMPLES: [Sample; 5] = [
    Sample {
        file_name: "ecommerce-sneakers.ron",
        title: "Buying sneakers online: from Facebook ad to Instagram post",
        language: "en",
        ron: include_str!("../../samples/ecommerce-sneakers.ron"),
    },
    Sample {
        file_name: "b2b-crm.ron",
        title: "B2B CRM: from a blog post to a renewed contract",
        language: "en",
        ron: include_str!("../../samples/b2b-crm.ron"),
    },
    Sample {
        file_name: "may-ep-trai-cay.ron",
        title: "Hành trình mua máy ép trái cây trực tuyến",
        language: "vi",
        ron: include_str!("../../samples/may-ep-trai-cay.ron"),
    },
    Sample {
        file_name: "ao-so-mi-ban-le.ron",
        title: "Hành trình mua áo sơ mi: từ quảng cáo Facebook đến cửa hàng",
        language: "vi",
        ron: include_str!("../../samples/ao-so-mi-ban-le.ron"),
    },
    Sample {
        file_name: "zalo-mini-app-loyalty.ron",
        title: "Khách hàng thân thiết qua Zalo Mini App Hoa Mộc Club",
        language: "vi",
        ron: include_str!("../../samples/zalo-mini-app-loyalty.ron"),
    },
];

/// Every sample map, in menu order (English first, then Vietnamese).
pub fn samples() -> &'static [Sample] {
    &SAMPLES
}

/// Parses and restores a sample. The samples are tested to load cleanly, so an error here
/// means the binary was built from broken files.
pub fn load_sample(sample: &Sample) -> Result<JourneyMap, super::LoadError> {
    super::from_ron_str(sample.ron, Path::new(sample.file_name)).map(|loaded| loaded.map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    #[test]
    fn every_sample_loads_without_warnings() {
        for sample in samples() {
            let loaded = crate::file::from_ron_str(sample.ron, Path::new(sample.file_name))
                .unwrap_or_else(|err| panic!("{err}"));
            assert!(
                loaded.warnings.is_empty(),
                "{}: {:?}",
                sample.file_name,
                loaded.warnings
            );
            let map = load_sample(sample).unwrap_or_else(|err| panic!("{err}"));
            assert_eq!(map.title, sample.title, "{}", sample.file_name);
            assert_eq!(map.language, sample.language, "{}", sample.file_name);
            assert!(sample.lang().is_some(), "{}", sample.file_name);
        }
    }

    #[test]
    fn every_file_in_the_samples_folder_is_embedded() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
        let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
            .expect("samples folder")
            .filter_map(Result::ok)
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".ron"))
            .collect();
        let embedded: BTreeSet<String> = samples().iter().map(|s| s.file_name.to_owned()).collect();
        assert_eq!(on_disk, embedded);
        for sample in samples() {
            let text = std::fs::read_to_string(dir.join(sample.file_name)).expect("sample file");
            assert_eq!(text, sample.ron, "{} is stale", sample.file_name);
        }
    }
}

//! The data compiled into the crate: the North Jutland health agreement 2024
//! and the composition rule sets from the 2021 minutes.
//!
//! The data lives as JSON files in `core/data/`, written by hand from the
//! source documents; `include_str!` puts them in the binary so that the
//! default data needs no file system (and works in WebAssembly).
//!
//! ```
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let minutes = sundhedsaftale::politisk_klynge_vest_2021();
//! assert_eq!(agreement.id, "nordjylland-2024");
//! assert_eq!(minutes.meeting.body, "politisk-klynge-vest");
//! assert_eq!(sundhedsaftale::rule_sets().len(), 2);
//! ```

use std::sync::OnceLock;

use crate::document::agreement::HealthAgreement;
use crate::document::composition::RuleSet;
use crate::meetings::meeting::Minutes;
use crate::reading::parse::parse_json;

/// The North Jutland health agreement 2024 as JSON text.
pub const NORDJYLLAND_2024_JSON: &str = include_str!("../../data/nordjylland_2024.json");

/// The composition rules of the pre-July-2022 organisation ("Nuværende organisering").
pub const RULES_BEFORE_2022_JSON: &str = include_str!("../../data/rules_before_2022.json");

/// The composition rules of the organisation from 1 July 2022 ("Ny organisering").
pub const RULES_FROM_2022_JSON: &str = include_str!("../../data/rules_from_2022.json");

/// The North Jutland health agreement 2024 (Sundhedsaftale 2024, Region Nordjylland).
///
/// ```
/// let a = sundhedsaftale::nordjylland_2024();
/// assert_eq!(a.municipalities().count(), 11);
/// ```
pub fn nordjylland_2024() -> HealthAgreement {
    // The embedded data is checked by the test suite; failing here means the
    // crate itself was built from broken data, which no caller can recover from.
    parse_json(NORDJYLLAND_2024_JSON).expect("embedded agreement is valid")
}

/// The minutes of the 4th meeting of Politisk Klynge Vest, 6 September 2021, as JSON text.
pub const POLITISK_KLYNGE_VEST_2021_JSON: &str = include_str!("../../data/politisk_klynge_vest_2021_09_06.json");

/// The minutes of the 4th meeting of Politisk Klynge Vest, 6 September 2021.
///
/// ```
/// let minutes = sundhedsaftale::embedded::politisk_klynge_vest_2021();
/// assert_eq!(minutes.meeting.agenda.len(), 5);
/// ```
pub fn politisk_klynge_vest_2021() -> Minutes {
    parse_json(POLITISK_KLYNGE_VEST_2021_JSON).expect("embedded minutes are valid")
}

/// The rule set of the pre-July-2022 organisation, from the 2021 minutes.
pub fn rules_before_2022() -> RuleSet {
    parse_json(RULES_BEFORE_2022_JSON).expect("embedded rule set is valid")
}

/// The rule set of the organisation from 1 July 2022, from the 2021 minutes.
pub fn rules_from_2022() -> RuleSet {
    parse_json(RULES_FROM_2022_JSON).expect("embedded rule set is valid")
}

/// Both embedded rule sets, older first.
///
/// Parsed once per process: validation consults them on every call.
pub fn rule_sets() -> &'static [RuleSet] {
    static RULE_SETS: OnceLock<[RuleSet; 2]> = OnceLock::new();
    RULE_SETS.get_or_init(|| [rules_before_2022(), rules_from_2022()])
}

#[cfg(test)]
mod tests {
    //! Parse's paths from text positions, checked on the embedded documents
    //! broken anywhere: they live here, above the documents' types, since
    //! reading knows no document.
    use super::*;
    use crate::problems::problem::Pointer;
    use crate::reading::parse::{classify, typed_problem};
    use proptest::prelude::*;
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    /// The path serde_path_to_error tracks while deserializing: the
    /// reference for the path read from the text position.
    fn tracked<T: DeserializeOwned>(text: &str) -> Option<(String, String)> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let error = serde_path_to_error::deserialize::<_, T>(&mut deserializer).err()?;
        let mut pointer = Pointer::root();
        for segment in error.path().iter() {
            use serde_path_to_error::Segment;
            pointer = match segment {
                Segment::Seq { index } => pointer.index(*index),
                Segment::Map { key } => pointer.key(key),
                Segment::Enum { variant } => pointer.key(variant),
                Segment::Unknown => pointer,
            };
        }
        let problem = classify(pointer, &error.into_inner().to_string());
        Some((problem.code.as_str().to_string(), problem.path))
    }

    fn from_position<T: DeserializeOwned>(text: &str) -> Option<(String, String)> {
        let error = serde_json::from_str::<T>(text).err()?;
        let problem = typed_problem(text, &error);
        Some((problem.code.as_str().to_string(), problem.path))
    }

    /// Every pointer in `value`, parents before children.
    fn pointers(value: &Value, at: &Pointer, out: &mut Vec<Pointer>) {
        out.push(at.clone());
        match value {
            Value::Object(map) => map.iter().for_each(|(k, v)| pointers(v, &at.key(k), out)),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| pointers(v, &at.index(i), out)),
            _ => {}
        }
    }

    /// `document` broken at its `pick`th place in one of seven ways.
    fn broken(document: &str, pick: usize, how: u8, pretty: bool) -> String {
        let mut value: Value = serde_json::from_str(document).unwrap();
        let mut all = Vec::new();
        pointers(&value, &Pointer::root(), &mut all);
        let at = all[1 + pick % (all.len() - 1)].as_str().to_string();
        let (parent, last) = at.rsplit_once('/').unwrap();
        let last = last.replace("~1", "/").replace("~0", "~");
        match how {
            0 => *value.pointer_mut(&at).unwrap() = Value::from(7),
            1 => *value.pointer_mut(&at).unwrap() = Value::from("x"),
            2 => *value.pointer_mut(&at).unwrap() = Value::Array(vec![]),
            3 => *value.pointer_mut(&at).unwrap() = Value::Object(Default::default()),
            4 => *value.pointer_mut(&at).unwrap() = Value::Null,
            5 => {
                if let Some(Value::Object(map)) = value.pointer_mut(parent) {
                    map.remove(&last);
                }
            }
            _ => {
                if let Some(Value::Object(map)) = value.pointer_mut(parent) {
                    map.insert("zz_unknown".into(), Value::from(1));
                }
            }
        }
        if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]

        /// The text position gives the same code and path as tracking the
        /// path while deserializing, for documents broken anywhere.
        #[test]
        fn position_paths_match_tracked_paths(pick in 0usize..100_000, how in 0u8..7, pretty: bool, minutes: bool) {
            if minutes {
                let text = broken(crate::formats::embedded::POLITISK_KLYNGE_VEST_2021_JSON, pick, how, pretty);
                prop_assert_eq!(from_position::<Minutes>(&text), tracked::<Minutes>(&text), "{}", text);
            } else {
                let text = broken(crate::formats::embedded::NORDJYLLAND_2024_JSON, pick, how, pretty);
                prop_assert_eq!(from_position::<HealthAgreement>(&text), tracked::<HealthAgreement>(&text));
            }
        }
    }
}

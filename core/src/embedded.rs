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

use crate::agreement::HealthAgreement;
use crate::composition::RuleSet;
use crate::meeting::Minutes;
use crate::parse::parse_json;

/// The North Jutland health agreement 2024 as JSON text.
pub const NORDJYLLAND_2024_JSON: &str = include_str!("../data/nordjylland_2024.json");

/// The composition rules of the pre-July-2022 organisation ("Nuværende organisering").
pub const RULES_BEFORE_2022_JSON: &str = include_str!("../data/rules_before_2022.json");

/// The composition rules of the organisation from 1 July 2022 ("Ny organisering").
pub const RULES_FROM_2022_JSON: &str = include_str!("../data/rules_from_2022.json");

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
pub const POLITISK_KLYNGE_VEST_2021_JSON: &str = include_str!("../data/politisk_klynge_vest_2021_09_06.json");

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

//! What an agreement aims at: vision → focus areas → objectives → indicators,
//! with the key figures, guiding principles and national goals around them.
//!
//! Content stays in Danish, exactly as the agreement writes it; only the
//! structure is in English.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lang::labels;

/// The agreement's one-sentence aim (vision).
#[doc(alias = "vision")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vision {
    /// The vision sentence.
    pub text: String,
    /// The agreement's elaboration of the vision, paragraph by paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elaboration: Vec<String>,
}

/// One of the agreement's political guiding targets (pejlemærke).
#[doc(alias = "pejlemærke")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FocusArea {
    /// Unique id within the document.
    pub id: String,
    /// Name, as the agreement writes it.
    pub name: String,
    /// The agreement's text on the focus area, paragraph by paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Vec<String>,
    /// Target groups the agreement singles out under this focus area (målgrupper).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<String>,
    /// Definitions the agreement quotes, with their source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub definitions: Vec<Definition>,
    /// What the parties commit to ("Vi vil: …").
    pub objectives: Vec<Objective>,
    /// The figures quoted beside the focus area.
    #[serde(default)]
    pub key_figures: Vec<KeyFigure>,
}

/// A definition quoted in the agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// The term defined.
    pub term: String,
    /// The definition, verbatim.
    pub text: String,
    /// Who the agreement attributes the definition to.
    pub source: String,
}

/// What the parties commit to under a focus area (målsætning, "Vi vil: …").
#[doc(alias = "målsætning")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Unique id within the document.
    pub id: String,
    /// The objective, verbatim.
    pub text: String,
}

/// The unit of a key figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Percent of the population (0–100).
    Percent,
    /// Percentage points: the difference between two percentages.
    PercentagePoints,
}

labels!(Unit {
    Percent => ("%", "%"),
    PercentagePoints => ("percentage points", "procentpoint"),
});

/// Whether a year was stated with the figure or taken from its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum YearBasis {
    /// The agreement states the year beside the figure, e.g. "(2020)".
    Stated,
    /// The agreement gives no year beside the figure; the year is that of the
    /// survey it cites as source (e.g. Sundhedsprofilen 2021).
    FromSource,
}

/// A figure quoted in the agreement (nøgletal), e.g. "47 % af hospitalsophold … (2020)".
#[doc(alias = "nøgletal")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyFigure {
    /// Unique id within the document.
    pub id: String,
    /// The sentence the figure stands in, verbatim (one sentence may carry two figures).
    pub statement: String,
    /// What is measured, in Danish.
    pub measure: String,
    /// The value.
    pub value: f64,
    /// Its unit.
    pub unit: Unit,
    /// The year the value refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// How the year is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_basis: Option<YearBasis>,
    /// The population the value describes, e.g. "65+", "8. klasse", "nordjyderne".
    pub population: String,
    /// The source, as the agreement cites it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A change since an earlier year, as stated ("et fald på 3 procentpoint siden 2010").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

impl KeyFigure {
    /// The earlier value implied by the stated change, with its year.
    ///
    /// "83 % … i 2021. Dette er et fald på 3 procentpoint siden 2010" gives 86 % in 2010.
    pub fn earlier_value(&self) -> Option<(i32, f64)> {
        let change = self.change.as_ref()?;
        match (self.unit, change.unit) {
            (Unit::Percent, Unit::PercentagePoints) => Some((change.since_year, self.value - change.amount)),
            _ => None,
        }
    }
}

/// A change since an earlier year. `amount` is signed: a fall is negative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The signed size of the change.
    pub amount: f64,
    /// Its unit.
    pub unit: Unit,
    /// The earlier year it is measured from.
    pub since_year: i32,
}

/// A principle for all work under the agreement (bærende princip).
#[doc(alias = "bærende princip")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuidingPrinciple {
    /// Unique id within the document.
    pub id: String,
    /// The heading, verbatim.
    pub title: String,
    /// The text, paragraph by paragraph.
    pub text: Vec<String>,
}

/// One of the 8 national goals for the health system (nationale mål, April 2016).
#[doc(alias = "nationale mål")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NationalGoal {
    /// Number 1–8.
    pub number: u8,
    /// Name in Danish.
    pub name: String,
    /// A later name under which the goal is reported, with the year it took effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed: Option<Renaming>,
}

/// A later name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Renaming {
    /// The new name.
    pub name: String,
    /// First year of reporting under it.
    pub from_year: i32,
}

/// An indicator that follows up on focus areas (indikator), as in the agreement's closing figure.
#[doc(alias = "indikator")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Unique id within the document.
    pub id: String,
    /// Name, verbatim.
    pub name: String,
    /// The focus areas it follows up on.
    pub focus_areas: Vec<String>,
    /// The national goals it measures; empty where the source does not say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub national_goals: Vec<u8>,
}

/// A person who signed the agreement, with the capacity in which they signed.
#[doc(alias = "underskriver")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// The person.
    pub person: String,
    /// The organisation signed for.
    pub on_behalf_of: String,
    /// The title as printed, e.g. "Borgmester Hjørring Kommune".
    pub title_text: String,
    /// A role in a body printed beside the title, e.g. "formand for Sundhedssamarbejdsudvalget".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_text: Option<String>,
    /// The body in which they signed.
    pub body: String,
}

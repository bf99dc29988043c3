//! Indicator definitions as the follow-up runs on them: what is measured,
//! how, and which way is better.
//!
//! An agreement declares its own indicators ([`crate::content::Indicator`])
//! and quotes its key figures; [`crate::HealthAgreement::indicator_catalogue`]
//! resolves both into complete [`IndicatorDefinition`]s, one series per key
//! figure, and says why any of them cannot be followed up. Each definition
//! keeps how its unit, direction and fraction were set: from a source, or
//! from the indicator's meaning ("fewer readmissions is better").
//!
//! ```
//! use sundhedsaftale::indicator::MeasureUnit;
//! let (catalogue, _) = sundhedsaftale::nordjylland_2024().indicator_catalogue();
//! let readmissions = catalogue.get("genindlaeggelser-30-dage").unwrap();
//! assert_eq!(readmissions.unit, MeasureUnit::Percent);
//! assert_eq!(MeasureUnit::Percent.default_factor(), 100.0);
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ground::lang::labels;
use crate::ground::period::PeriodType;

/// Which way is better for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better (life expectancy).
    HigherIsBetter,
    /// Less is better (readmissions).
    LowerIsBetter,
    /// Inside a range is best.
    OptimalRange,
    /// Not known; progress is then not available.
    Unknown,
}

labels!(Direction {
    HigherIsBetter => ("higher is better", "højere er bedre"),
    LowerIsBetter => ("lower is better", "lavere er bedre"),
    OptimalRange => ("within an optimal range", "inden for et optimalt interval"),
    Unknown => ("direction unknown", "retning ukendt"),
});

/// The unit an indicator is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeasureUnit {
    /// Percent: numerator / denominator × 100.
    Percent,
    /// Per 1,000: numerator / denominator × 1,000.
    #[serde(rename = "rate_per_1000")]
    RatePer1000,
    /// Per 100,000: numerator / denominator × 100,000.
    #[serde(rename = "rate_per_100000")]
    RatePer100000,
    /// A ratio: numerator / denominator.
    Ratio,
    /// A count; sums over areas.
    Count,
    /// Days (an average).
    Days,
    /// Years (an average).
    Years,
}

labels!(MeasureUnit {
    Percent => ("%", "%"),
    RatePer1000 => ("per 1,000", "pr. 1.000"),
    RatePer100000 => ("per 100,000", "pr. 100.000"),
    Ratio => ("ratio", "forholdstal"),
    Count => ("count", "antal"),
    Days => ("days", "dage"),
    Years => ("years", "år"),
});

impl MeasureUnit {
    /// numerator / denominator × this gives the value: 100 for percent, 1,000
    /// and 100,000 for rates, 1 otherwise.
    pub fn default_factor(self) -> f64 {
        match self {
            MeasureUnit::Percent => 100.0,
            MeasureUnit::RatePer1000 => 1_000.0,
            MeasureUnit::RatePer100000 => 100_000.0,
            MeasureUnit::Ratio | MeasureUnit::Count | MeasureUnit::Days | MeasureUnit::Years => 1.0,
        }
    }

    /// Whether values add up over areas (counts) rather than needing a fraction or weights.
    pub fn is_additive(self) -> bool {
        self == MeasureUnit::Count
    }
}

/// How a property of a definition was set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// From the cited source.
    Source,
    /// From the indicator's meaning, for want of a source.
    Meaning,
}

labels!(Basis {
    Source => ("from the source", "fra kilden"),
    Meaning => ("from the meaning", "ud fra betydningen"),
});

/// One side of a fraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// What is counted, in Danish.
    pub description: String,
}

/// The definition of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDefinition {
    /// Unique id; for the agreement's indicators, the agreement's id.
    pub id: String,
    /// Name in Danish.
    pub name: String,
    /// Name in English, where a source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The focus areas it follows up on.
    pub focus_areas: Vec<String>,
    /// The national goals it measures; empty where no source says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub national_goals: Vec<u8>,
    /// The key figure this series comes from, for key-figure series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_figure: Option<String>,
    /// The unit.
    pub unit: MeasureUnit,
    /// How the unit was set; absent: not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_basis: Option<Basis>,
    /// Which way is better.
    pub direction: Direction,
    /// How the direction was set; absent: not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction_basis: Option<Basis>,
    /// What the numerator counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<Term>,
    /// What the denominator counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Term>,
    /// How numerator and denominator were set, when they are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraction_basis: Option<Basis>,
    /// numerator / denominator × factor gives the value (100 for percent).
    pub factor: f64,
    /// Decimals to show.
    pub decimals: u8,
    /// The population measured (e.g. "65+").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<String>,
    /// The source of the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The kind of period data comes in.
    pub period_type: PeriodType,
    /// The dimensions data may be broken down by (sex, age group, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disaggregations: Vec<String>,
    /// The declared categories of its dimensions; a dimension not declared here accepts any category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strata: Vec<crate::document::strata::Stratification>,
    /// Counts below this are hidden on output; absent: the run's configured threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_count_threshold: Option<u32>,
}

/// The indicator definitions a follow-up runs on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorCatalogue {
    /// Unique id (an agreement's catalogue has the agreement's id).
    pub id: String,
    /// How the catalogue was made, and what it does not know.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The definitions.
    pub indicators: Vec<IndicatorDefinition>,
}

impl IndicatorDefinition {
    /// The declared categories of `dimension`, if they are declared.
    pub fn stratification(&self, dimension: &str) -> Option<&crate::document::strata::Stratification> {
        self.strata.iter().find(|s| s.dimension == dimension)
    }

    /// Whether a stratum (sorted dimension, category pairs) is the total:
    /// empty, or each category its dimension's declared total.
    pub fn is_total(&self, stratum: &[(String, String)]) -> bool {
        stratum
            .iter()
            .all(|(d, c)| self.stratification(d).and_then(|s| s.total.as_deref()) == Some(c.as_str()))
    }
}

impl IndicatorCatalogue {
    /// The definition with this id.
    pub fn get(&self, id: &str) -> Option<&IndicatorDefinition> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

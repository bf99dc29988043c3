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

use std::collections::BTreeMap;

use crate::ground::lang::labels;
use crate::ground::period::PeriodType;
use crate::problems::catalogue::Code;
use crate::problems::problem::ctx;

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

/// The longest documented human life, in years: Jeanne Calment, 122 years
/// and 164 days (Guinness World Records). An average of years lived per
/// person (life expectancy) cannot pass it.
pub const LONGEST_HUMAN_LIFE_YEARS: f64 = 122.0;

/// What values of a unit can be, and what they are likely to be: the one
/// declaration the observation rows, the key figures and the targets are
/// all checked against ([`MeasureUnit::domain`]).
///
/// A value outside `min`–`max`, or with a fraction where only whole numbers
/// can be, is impossible (an error); one above `plausible_max` is possible
/// but unlikely (a warning).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitDomain {
    /// The least a value can be.
    pub min: f64,
    /// The most a value can be; `None`: no bound.
    pub max: Option<f64>,
    /// Only whole numbers (a count).
    pub whole: bool,
    /// Numerator and denominator are whole counts (of people or events).
    pub whole_terms: bool,
    /// The numerator is part of the denominator, so never above it.
    pub part_of_whole: bool,
    /// Above this a value is unlikely; `None`: no such bound.
    pub plausible_max: Option<f64>,
    /// The code of a value below `min`.
    pub below: Code,
    /// The code of a value above `max`.
    pub above: Code,
}

impl MeasureUnit {
    /// The domain of values in this unit, for an indicator whose fraction is
    /// multiplied by `factor`:
    ///
    /// | unit | impossible (error) | unlikely (warning) |
    /// |---|---|---|
    /// | percent | below 0, above 100 | |
    /// | rate per 1,000 / 100,000 | below 0 | above the factor: more events than people, as with contacts per 1,000 inhabitants |
    /// | ratio | below 0 | |
    /// | count | below 0, not whole | |
    /// | days (an average) | below 0 | |
    /// | years (an average, e.g. life expectancy) | below 0, above [`LONGEST_HUMAN_LIFE_YEARS`] | |
    ///
    /// The numerator and denominator of a percentage or a rate are whole
    /// counts, and a percentage's numerator is part of its denominator.
    ///
    /// ```
    /// use sundhedsaftale::indicator::MeasureUnit;
    /// let count = MeasureUnit::Count.domain(1.0);
    /// assert!(count.whole && count.min == 0.0);
    /// assert_eq!(MeasureUnit::RatePer1000.domain(1000.0).plausible_max, Some(1000.0));
    /// ```
    pub fn domain(self, factor: f64) -> UnitDomain {
        let base = UnitDomain {
            min: 0.0,
            max: None,
            whole: false,
            whole_terms: false,
            part_of_whole: false,
            plausible_max: None,
            below: Code::ValueBelowUnitMinimum,
            above: Code::ValueAboveUnitMaximum,
        };
        match self {
            MeasureUnit::Percent => UnitDomain {
                max: Some(100.0),
                whole_terms: true,
                part_of_whole: true,
                below: Code::PercentageOutOfRange,
                above: Code::PercentageOutOfRange,
                ..base
            },
            MeasureUnit::RatePer1000 | MeasureUnit::RatePer100000 => UnitDomain {
                whole_terms: true,
                plausible_max: Some(factor),
                ..base
            },
            MeasureUnit::Count => UnitDomain {
                whole: true,
                below: Code::NegativeCount,
                ..base
            },
            MeasureUnit::Ratio | MeasureUnit::Days => base,
            MeasureUnit::Years => UnitDomain {
                max: Some(LONGEST_HUMAN_LIFE_YEARS),
                ..base
            },
        }
    }
}

impl UnitDomain {
    /// What is wrong with `value` in this domain, each as a code and the
    /// context of its message: a value out of range, a fraction in a whole
    /// number (errors), else a value above the plausible (a warning).
    /// Nothing for an absent (NaN) value.
    pub fn problems(&self, value: f64) -> Vec<(Code, BTreeMap<String, serde_json::Value>)> {
        let mut out = Vec::new();
        if value.is_nan() {
            return out;
        }
        // Each code's message names what it needs, as it always has.
        let context = |code: Code| match code {
            Code::NegativeCount => ctx!("count" => value),
            Code::ValueBelowUnitMinimum => ctx!("value" => value, "min" => self.min),
            Code::ValueAboveUnitMaximum => ctx!("value" => value, "max" => self.max),
            _ => ctx!("value" => value),
        };
        if value < self.min {
            out.push((self.below, context(self.below)));
        } else if self.max.is_some_and(|max| value > max) {
            out.push((self.above, context(self.above)));
        }
        if self.whole && value.is_finite() && value.fract() != 0.0 {
            out.push((Code::CountNotWhole, ctx!("value" => value)));
        }
        if let (true, Some(plausible)) = (out.is_empty(), self.plausible_max) {
            if value > plausible {
                out.push((
                    Code::ValueImplausibleForUnit,
                    ctx!("value" => value, "max" => plausible),
                ));
            }
        }
        out
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

    /// The context (`unknown_stratum`'s) of a dimension that data are broken
    /// down by but this indicator does not have, when it declares the
    /// dimensions it has (its disaggregations and declared strata); `None`
    /// when it has the dimension or declares none, so that any is accepted
    /// as written.
    pub fn unknown_dimension(&self, dimension: &str) -> Option<std::collections::BTreeMap<String, serde_json::Value>> {
        let mut declared: Vec<&str> = self.disaggregations.iter().map(String::as_str).collect();
        declared.extend(self.strata.iter().map(|s| s.dimension.as_str()));
        declared.sort_unstable();
        declared.dedup();
        if declared.is_empty() || declared.contains(&dimension) {
            return None;
        }
        let mut context = crate::problems::problem::ctx!("indicator" => self.id, "dimension" => dimension,
            "known" => declared.join(", "));
        if let Some(near) = crate::ground::fold::nearest(dimension, declared.iter().copied()) {
            context.insert("did_you_mean".into(), serde_json::Value::from(near));
        }
        Some(context)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(unit: MeasureUnit, value: f64) -> Vec<&'static str> {
        let domain = unit.domain(unit.default_factor());
        domain.problems(value).into_iter().map(|(c, _)| c.as_str()).collect()
    }

    #[test]
    fn each_unit_accepts_its_bounds_and_refuses_beyond_them() {
        use MeasureUnit::*;
        for (unit, ok) in [
            (Percent, [0.0, 100.0]),
            (Count, [0.0, 9500.0]),
            (Days, [0.0, 0.5]),
            (Years, [0.0, LONGEST_HUMAN_LIFE_YEARS]),
            (Ratio, [0.0, 3.5]),
            (RatePer1000, [0.0, 1000.0]),
            (RatePer100000, [0.0, 100_000.0]),
        ] {
            for v in ok {
                assert!(codes(unit, v).is_empty(), "{unit:?} {v}");
            }
            assert_eq!(codes(unit, f64::NAN), Vec::<&str>::new());
        }
        assert_eq!(codes(Percent, 100.5), ["percentage_out_of_range"]);
        assert_eq!(codes(Percent, -0.5), ["percentage_out_of_range"]);
        assert_eq!(codes(Count, -1.5), ["negative_count", "count_not_whole"]);
        assert_eq!(codes(Count, 9500.5), ["count_not_whole"]);
        assert_eq!(codes(Days, -5.0), ["value_below_unit_minimum"]);
        assert_eq!(codes(Ratio, -0.1), ["value_below_unit_minimum"]);
        assert_eq!(codes(Years, 250.0), ["value_above_unit_maximum"]);
        assert_eq!(codes(RatePer1000, 1000.5), ["value_implausible_for_unit"]);
        assert_eq!(codes(RatePer100000, -1.0), ["value_below_unit_minimum"]);
    }

    #[test]
    fn a_rate_is_unlikely_above_its_own_factor() {
        let per_10000 = MeasureUnit::RatePer1000.domain(10_000.0);
        assert!(per_10000.problems(5_000.0).is_empty());
        assert_eq!(per_10000.problems(10_001.0)[0].0, Code::ValueImplausibleForUnit);
    }
}

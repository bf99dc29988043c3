//! What an agreement aims at: vision → focus areas → objectives → indicators,
//! with the key figures, guiding principles and national goals around them.
//!
//! Content stays in Danish, exactly as the agreement writes it; only the
//! structure is in English.
//!
//! ```
//! let agreement = sundhedsaftale::nordjylland_2024();
//! assert_eq!(agreement.focus_areas.len(), 3);
//! let first = &agreement.focus_areas[0];
//! assert!(!first.objectives.is_empty() && !first.key_figures.is_empty());
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::indicator::Direction;
use crate::document::indicator::{Basis, IndicatorDefinition, MeasureUnit, Term, UnitDomain};
use crate::document::target::Target;
use crate::ground::lang::{labels, Label};
use crate::ground::period::PeriodType;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Pointer, Problem};

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
    /// Measurable targets for the objective; each names the indicator or key figure it is measured by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
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

impl Unit {
    /// The indicator unit a level in this unit is measured in: percent is
    /// [`MeasureUnit::Percent`]; percentage points, a difference, is none.
    pub fn measure_unit(self) -> Option<MeasureUnit> {
        match self {
            Unit::Percent => Some(MeasureUnit::Percent),
            Unit::PercentagePoints => None,
        }
    }

    /// The domain of a figure in this unit: its measure unit's, declared
    /// beside [`MeasureUnit`]; none for a difference in percentage points.
    pub fn domain(self) -> Option<UnitDomain> {
        self.measure_unit().map(|u| u.domain(u.default_factor()))
    }
}

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

labels!(YearBasis {
    Stated => ("year stated", "år angivet"),
    FromSource => ("year of the cited source", "den citerede kildes år"),
});

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
    /// Which way is better, for following the figure up; absent: unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// How the direction was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction_basis: Option<Basis>,
}

/// The numbers a Danish sentence gives as percentages: each number
/// (decimal comma or point) followed by `%` or ` %`.
///
/// ```ignore
/// assert_eq!(percentages_in("83 % af nordjyderne … et fald på 3 procentpoint"), [83.0]);
/// ```
fn percentages_in(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == ',' || chars[i - 1] == '.'))
        {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || ((chars[i] == ',' || chars[i] == '.') && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            let number: String = chars[start..i]
                .iter()
                .map(|&c| if c == ',' { '.' } else { c })
                .collect();
            let mut j = i;
            while j < chars.len() && (chars[j] == ' ' || chars[j] == '\u{a0}') {
                j += 1;
            }
            if chars.get(j) == Some(&'%') {
                if let Ok(v) = number.parse() {
                    out.push(v);
                }
            }
            continue;
        }
        i += 1;
    }
    out
}

impl KeyFigure {
    /// The figure's own consistency, at `at`: its value in its unit's
    /// domain ([`Unit::domain`]: a percentage within 0–100), as is the
    /// earlier value a change implies, a year and a source (a
    /// warning each when left out, as no source gave them), and a change
    /// measured from an earlier year.
    pub(crate) fn check(&self, at: &Pointer) -> Vec<Problem> {
        let mut out = Vec::new();
        let domain = self.unit.domain();
        for (code, context) in domain.iter().flat_map(|d| d.problems(self.value)) {
            out.push(Problem::with_context(code, at.key("value"), context));
        }
        // The statement is the source's own sentence: where it gives
        // percentages, the value is one of them (a value outside its
        // domain is reported once, above).
        if self.unit == Unit::Percent && out.is_empty() {
            let stated = percentages_in(&self.statement);
            if !stated.is_empty() && !stated.contains(&self.value) {
                let shown: Vec<String> = stated.iter().map(|v| v.to_string()).collect();
                out.push(Problem::with_context(
                    Code::ValueContradictsStatement,
                    at.key("value"),
                    ctx!("id" => self.id, "value" => self.value, "stated" => shown.join(" / ")),
                ));
            }
        }
        if self.year.is_none() {
            out.push(Problem::new(Code::KeyFigureMissingYear, at.key("year")));
        }
        if self.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
            out.push(Problem::new(Code::KeyFigureMissingSource, at.key("source")));
        }
        if let (Some(change), Some(year)) = (&self.change, self.year) {
            if change.since_year >= year {
                out.push(Problem::with_context(
                    Code::ChangeNotBeforeYear,
                    at.key("change").key("since_year"),
                    ctx!("since" => change.since_year, "year" => year),
                ));
            }
        }
        if let (Some((_, earlier)), Some(domain)) = (self.earlier_value(), domain) {
            for (code, context) in domain.problems(earlier) {
                out.push(Problem::with_context(code, at.key("change").key("amount"), context));
            }
        }
        out
    }

    /// Whether the figure is a level (a percentage), which can be followed
    /// up as a series, rather than a change in percentage points.
    pub fn is_level(&self) -> bool {
        self.unit == Unit::Percent
    }

    /// The key figure as a series the follow-up can run on: a yearly
    /// percentage at the region, under `focus_area`. `None` for a change
    /// (see [`KeyFigure::is_level`]) or a figure without a year.
    pub fn series(&self, focus_area: &str) -> Option<IndicatorDefinition> {
        if !self.is_level() || self.year.is_none() {
            return None;
        }
        Some(IndicatorDefinition {
            id: self.id.clone(),
            name: format!("{} ({})", self.measure, self.population),
            name_en: None,
            focus_areas: vec![focus_area.to_string()],
            national_goals: Vec::new(),
            key_figure: Some(self.id.clone()),
            unit: MeasureUnit::Percent,
            unit_basis: Some(Basis::Source),
            direction: self.direction.unwrap_or(Direction::Unknown),
            direction_basis: self.direction_basis,
            numerator: None,
            denominator: None,
            fraction_basis: None,
            factor: MeasureUnit::Percent.default_factor(),
            decimals: if self.value.fract() == 0.0 { 0 } else { 1 },
            population: Some(self.population.clone()),
            source: self.source.clone(),
            period_type: PeriodType::Year,
            disaggregations: Vec::new(),
            strata: Vec::new(),
            small_count_threshold: None,
        })
    }

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

/// An indicator that follows up on focus areas (indikator), declared by the
/// agreement with as much of its definition as is known.
///
/// Only id, name and focus areas are required: an agreement may name an
/// indicator without defining it. The follow-up needs a unit and a period
/// type; an indicator without them is reported, not dropped in silence. A
/// missing direction is *unknown* (no status), never guessed.
#[doc(alias = "indikator")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Unique id within the document.
    pub id: String,
    /// Name, verbatim.
    pub name: String,
    /// Name in English, where a source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The focus areas it follows up on.
    pub focus_areas: Vec<String>,
    /// The national goals it measures; empty where the source does not say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub national_goals: Vec<u8>,
    /// The unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<MeasureUnit>,
    /// How the unit was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_basis: Option<Basis>,
    /// Which way is better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// How the direction was set.
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
    /// numerator / denominator × factor gives the value; absent: the unit's own (100 for percent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<f64>,
    /// Decimals to show; absent: 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    /// The population measured (e.g. "65+").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<String>,
    /// The source of the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The kind of period data comes in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_type: Option<PeriodType>,
    /// The dimensions data may be broken down by (sex, age group, …); targets may name only these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disaggregations: Vec<String>,
    /// The declared categories of its dimensions, and which is the total; a
    /// dimension declared here is a disaggregation even when not listed above.
    /// Observations and targets must use declared categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strata: Vec<crate::document::strata::Stratification>,
    /// Counts below this are hidden on output; absent: the run's configured threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_count_threshold: Option<u32>,
    /// Targets for the indicator; their `indicator` is implied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
}

impl Indicator {
    /// The dimensions it is broken down by: those listed in
    /// `disaggregations`, then those only declared in `strata`.
    pub fn dimensions(&self) -> Vec<String> {
        let mut out = self.disaggregations.clone();
        for s in &self.strata {
            if !out.contains(&s.dimension) {
                out.push(s.dimension.clone());
            }
        }
        out
    }

    /// The definition's own fields against each other: a stated factor is
    /// the unit's ([`MeasureUnit::default_factor`]: 100 for percent, 1,000
    /// per 1,000, 1 for a count), and a fraction has both its terms or
    /// neither.
    fn check_definition(&self, at: &Pointer, out: &mut Vec<Problem>) {
        if let (Some(unit), Some(factor)) = (self.unit, self.factor) {
            if factor != unit.default_factor() {
                out.push(Problem::with_context(
                    Code::FactorDoesNotMatchUnit,
                    at.key("factor"),
                    ctx!("factor" => factor, "expected" => unit.default_factor(),
                         "unit" => unit.label(crate::ground::lang::Lang::En),
                         "unit_da" => unit.label(crate::ground::lang::Lang::Da)),
                ));
            }
        }
        let missing = match (&self.numerator, &self.denominator) {
            (Some(_), None) => Some((("denominator", "nævner"), ("numerator", "tæller"))),
            (None, Some(_)) => Some((("numerator", "tæller"), ("denominator", "nævner"))),
            _ => None,
        };
        if let Some(((missing, missing_da), (given, given_da))) = missing {
            out.push(Problem::with_context(
                Code::FractionIncomplete,
                at.key(missing),
                ctx!("indicator" => self.id, "missing" => missing, "missing_da" => missing_da,
                     "given" => given, "given_da" => given_da),
            ));
        }
    }

    /// The first field the follow-up needs that the document leaves out
    /// (`unit`, then `period_type`), if any.
    pub fn missing_for_follow_up(&self) -> Option<&'static str> {
        if self.unit.is_none() {
            Some("unit")
        } else if self.period_type.is_none() {
            Some("period_type")
        } else {
            None
        }
    }

    /// The complete definition the follow-up runs on; `None` while
    /// [`Indicator::missing_for_follow_up`] names a field.
    pub fn definition(&self) -> Option<IndicatorDefinition> {
        let (unit, period_type) = (self.unit?, self.period_type?);
        Some(IndicatorDefinition {
            id: self.id.clone(),
            name: self.name.clone(),
            name_en: self.name_en.clone(),
            focus_areas: self.focus_areas.clone(),
            national_goals: self.national_goals.clone(),
            key_figure: None,
            unit,
            unit_basis: self.unit_basis,
            direction: self.direction.unwrap_or(Direction::Unknown),
            direction_basis: self.direction_basis,
            numerator: self.numerator.clone(),
            denominator: self.denominator.clone(),
            fraction_basis: self.fraction_basis,
            factor: self.factor.unwrap_or(unit.default_factor()),
            decimals: self.decimals.unwrap_or(1),
            population: self.population.clone(),
            source: self.source.clone(),
            period_type,
            disaggregations: self.dimensions(),
            strata: self.strata.clone(),
            small_count_threshold: self.small_count_threshold,
        })
    }
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

/// What the agreement aims at is complete: it has focus areas, each with
/// objectives; every indicator follows up on some focus area; the national
/// goals it builds on are among the eight, each once.
pub(crate) fn check_content(
    focus_areas: &[FocusArea],
    indicators: &[Indicator],
    national_goals: &[NationalGoal],
    root: &Pointer,
) -> Vec<Problem> {
    let mut out = Vec::new();
    if focus_areas.is_empty() {
        out.push(Problem::new(Code::NoFocusAreas, root.key("focus_areas")));
    }
    for (i, f) in focus_areas.iter().enumerate() {
        for (j, k) in f.key_figures.iter().enumerate() {
            out.extend(k.check(&root.key("focus_areas").index(i).key("key_figures").index(j)));
        }
        if f.objectives.is_empty() {
            out.push(Problem::with_context(
                Code::FocusAreaWithoutObjectives,
                root.key("focus_areas").index(i).key("objectives"),
                ctx!("id" => f.id),
            ));
        }
    }
    for (i, ind) in indicators.iter().enumerate() {
        let at = root.key("indicators").index(i);
        if ind.focus_areas.is_empty() {
            out.push(Problem::with_context(
                Code::IndicatorWithoutFocusArea,
                at.key("focus_areas"),
                ctx!("id" => ind.id),
            ));
        }
        ind.check_definition(&at, &mut out);
    }
    let mut seen = crate::ground::hash::HashSet::default();
    for (i, g) in national_goals.iter().enumerate() {
        let at = root.key("national_goals").index(i).key("number");
        if !(1..=8).contains(&g.number) {
            out.push(Problem::with_context(
                Code::NationalGoalOutOfRange,
                at.clone(),
                ctx!("number" => g.number),
            ));
        }
        if !seen.insert(g.number) {
            out.push(Problem::with_context(
                Code::DuplicateNationalGoal,
                at,
                ctx!("number" => g.number),
            ));
        }
    }
    out
}

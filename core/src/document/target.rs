//! Targets: a value by a due period, a change relative to a baseline
//! ("reduce by 10 % from 2021 by 2027"), or an optimal range; set per
//! indicator, and optionally per place and per stratum (sex, age group, any
//! disaggregation). The most specific target that applies wins: a place's
//! own over the general one, a women-only target over the total, and a
//! women-only target never applies to men.
//!
//! ```
//! use sundhedsaftale::target::{target_for, Target, TargetKind};
//! let general = Target { value: Some(9.0), ..Target::for_indicator("x", TargetKind::Value) };
//! let women = Target {
//!     value: Some(8.0),
//!     stratum: [("sex".to_string(), "kvinder".to_string())].into(),
//!     ..Target::for_indicator("x", TargetKind::Value)
//! };
//! let place = "region:1081".parse().unwrap();
//! let targets = [general, women];
//! let for_women = [("sex".to_string(), "kvinder".to_string())];
//! let for_men = [("sex".to_string(), "mænd".to_string())];
//! assert_eq!(target_for(&targets, "x", &place, &for_women).unwrap().value, Some(8.0));
//! assert_eq!(target_for(&targets, "x", &place, &for_men).unwrap().value, Some(9.0));
//! ```

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::indicator::{Direction, UnitDomain};
use crate::ground::lang::{labels, Label, Lang};
use crate::ground::period::Period;
use crate::places::geography::Geography;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Pointer, Problem};

/// A value in a period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// The period.
    pub period: Period,
    /// The value.
    pub value: f64,
}

/// What progress is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// A target value and the period it is due in (method 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Point>,
    /// A limit the value cannot pass (method 1's limit coefficient).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// An optimal range, for indicators whose direction is `optimal_range`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
}

/// An optimal range, optionally due by a period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Lowest value inside the range.
    pub low: f64,
    /// Highest value inside the range.
    pub high: f64,
    /// When the value should be inside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Period>,
}

/// What kind of target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// `value` by `due`.
    Value,
    /// `change_percent` from the value in `baseline`, by `due`.
    RelativeChange,
    /// Between `low` and `high`, optionally by `due`.
    Range,
}

labels!(TargetKind {
    Value => ("value by a date", "værdi inden en frist"),
    RelativeChange => ("relative change", "relativ ændring"),
    Range => ("range", "interval"),
});

impl TargetKind {
    /// The snake_case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Value => "value",
            TargetKind::RelativeChange => "relative_change",
            TargetKind::Range => "range",
        }
    }
}

/// A target for an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The indicator (or key figure) it is for. Implied, and may be left
    /// out, for a target written under an indicator; required elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// The place it is for; absent: every place without its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geography: Option<Geography>,
    /// The stratum it is for, as `dimension: category` pairs (`{"sex": "kvinder"}`);
    /// empty: the total and every stratum without a target of its own.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stratum: BTreeMap<String, String>,
    /// The period whose value progress is measured from (for example the
    /// key figure's year); absent: the first period with data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_period: Option<Period>,
    /// What kind.
    pub kind: TargetKind,
    /// The target value (`value`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The change in percent, negative for a reduction (`relative_change`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_percent: Option<f64>,
    /// The baseline period (`relative_change`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Period>,
    /// When the target is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Period>,
    /// The range's low end (`range`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// The range's high end (`range`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// Where the target comes from, when the agreement's own text is not
    /// the source (a national goal, a partnership the parties joined).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Target {
    /// The goal for progress measurement, given a way to look up a value of
    /// the series in a period (for relative targets). Err says what is missing.
    ///
    /// ```
    /// use sundhedsaftale::target::{Target, TargetKind};
    /// let t = Target { kind: TargetKind::RelativeChange, change_percent: Some(-10.0),
    ///     baseline: Some("2021".parse().unwrap()), due: Some("2027".parse().unwrap()),
    ///     ..Target::for_indicator("x", TargetKind::RelativeChange) };
    /// let goal = t.goal(|_| Some(20.0)).unwrap();
    /// assert_eq!(goal.target.unwrap().value, 18.0);
    /// ```
    pub fn goal(&self, value_in: impl Fn(Period) -> Option<f64>) -> Result<Goal, String> {
        let due = || self.due.ok_or_else(|| "the target has no due period".to_string());
        match self.kind {
            TargetKind::Value => {
                let value = self.value.ok_or("a value target needs `value`")?;
                Ok(Goal {
                    target: Some(Point { period: due()?, value }),
                    ..Goal::default()
                })
            }
            TargetKind::RelativeChange => {
                let change = self.change_percent.ok_or("a relative target needs `change_percent`")?;
                let baseline = self.baseline.ok_or("a relative target needs `baseline`")?;
                let base =
                    value_in(baseline).ok_or_else(|| format!("the series has no value in the baseline {baseline}"))?;
                Ok(Goal {
                    target: Some(Point {
                        period: due()?,
                        value: base * (1.0 + change / 100.0),
                    }),
                    ..Goal::default()
                })
            }
            TargetKind::Range => {
                let (low, high) = (
                    self.low.ok_or("a range needs `low`")?,
                    self.high.ok_or("a range needs `high`")?,
                );
                Ok(Goal {
                    range: Some(Range {
                        low,
                        high,
                        due: self.due,
                    }),
                    ..Goal::default()
                })
            }
        }
    }

    /// An empty target of `kind` for `indicator`, to fill in with struct update syntax.
    pub fn for_indicator(indicator: &str, kind: TargetKind) -> Target {
        Target {
            indicator: Some(indicator.to_string()),
            geography: None,
            stratum: BTreeMap::new(),
            base_period: None,
            kind,
            value: None,
            change_percent: None,
            baseline: None,
            due: None,
            low: None,
            high: None,
            source: None,
        }
    }

    /// Whether the target applies to a series of `indicator` at `geography`
    /// in `stratum`: same indicator, the same place or none, and every pair
    /// of its stratum present in the series' stratum.
    pub fn applies_to(&self, indicator: &str, geography: &Geography, stratum: &[(String, String)]) -> bool {
        self.indicator.as_deref() == Some(indicator)
            && self.geography.as_ref().is_none_or(|g| g == geography)
            && self
                .stratum
                .iter()
                .all(|(d, c)| stratum.iter().any(|(sd, sc)| sd == d && sc == c))
    }

    /// The fields its kind needs that it leaves out, in the order `goal` needs them.
    ///
    /// ```
    /// use sundhedsaftale::target::{Target, TargetKind};
    /// let t = Target::for_indicator("x", TargetKind::RelativeChange);
    /// assert_eq!(t.missing_fields(), ["change_percent", "baseline", "due"]);
    /// ```
    pub fn missing_fields(&self) -> Vec<&'static str> {
        let needs: &[(&str, bool)] = match self.kind {
            TargetKind::Value => &[("value", self.value.is_some()), ("due", self.due.is_some())],
            TargetKind::RelativeChange => &[
                ("change_percent", self.change_percent.is_some()),
                ("baseline", self.baseline.is_some()),
                ("due", self.due.is_some()),
            ],
            TargetKind::Range => &[("low", self.low.is_some()), ("high", self.high.is_some())],
        };
        needs.iter().filter(|(_, present)| !present).map(|(f, _)| *f).collect()
    }

    /// How specific the target is: a place of its own counts first, then
    /// the number of stratum dimensions it names.
    pub fn specificity(&self) -> (bool, usize) {
        (self.geography.is_some(), self.stratum.len())
    }
}

/// The most specific target among `targets` that applies to a series of
/// `indicator` at `geography` in `stratum`; among equally specific ones, the
/// first.
///
/// ```
/// use sundhedsaftale::target::{target_for, Target, TargetKind};
/// let women = Target {
///     stratum: [("sex".to_string(), "kvinder".to_string())].into(),
///     value: Some(10.0),
///     ..Target::for_indicator("x", TargetKind::Value)
/// };
/// let all = Target { value: Some(20.0), ..Target::for_indicator("x", TargetKind::Value) };
/// let targets = [all, women];
/// let here = "region:1081".parse().unwrap();
/// let sex = |c: &str| vec![("sex".to_string(), c.to_string())];
/// assert_eq!(target_for(&targets, "x", &here, &sex("kvinder")).unwrap().value, Some(10.0));
/// assert_eq!(target_for(&targets, "x", &here, &sex("mænd")).unwrap().value, Some(20.0));
/// ```
pub fn target_for<'a>(
    targets: &'a [Target],
    indicator: &str,
    geography: &Geography,
    stratum: &[(String, String)],
) -> Option<&'a Target> {
    let mut best: Option<&Target> = None;
    for t in targets.iter().filter(|t| t.applies_to(indicator, geography, stratum)) {
        if best.is_none_or(|b| t.specificity() > b.specificity()) {
            best = Some(t);
        }
    }
    best
}

/// The values targets state (`value`, a range's `low` and `high`), each
/// against the domain of its indicator's or key figure's unit, which
/// `domain_of` gives by id: a target of −5 days or 101 % is impossible like
/// such an observation. Targets whose series has no known unit are skipped.
pub(crate) fn check_values(
    targets: &[(Pointer, Target)],
    domain_of: impl Fn(&str) -> Option<UnitDomain>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    for (at, t) in targets {
        let Some(domain) = t.indicator.as_deref().and_then(&domain_of) else {
            continue;
        };
        for (field, value) in [("value", t.value), ("low", t.low), ("high", t.high)] {
            for (code, context) in value.into_iter().flat_map(|v| domain.problems(v)) {
                out.push(Problem::with_context(code, at.key(field), context));
            }
        }
        // A change of more than −100 % takes any value of a unit that cannot
        // be negative below zero.
        if let Some(p) = t.change_percent.filter(|p| *p < -100.0 && domain.min >= 0.0) {
            out.push(Problem::with_context(
                Code::ChangePercentOutOfRange,
                at.key("change_percent"),
                ctx!("change_percent" => p, "min" => -100),
            ));
        }
    }
    out
}

/// Each target against its own fields and its series' direction, which
/// `direction_of` gives by id:
///
/// - a range's low end is not above its high end (`range_inverted`);
/// - the period it is due in ends after the one it is measured from, the
///   baseline or the base period (`due_not_after_base`);
/// - its kind fits the direction: a range for an indicator with an optimal
///   range, a value or a change for one where higher or lower is better
///   (`target_kind_does_not_fit_direction`);
/// - a relative change goes the better way: up where higher is better, down
///   where lower is (`target_against_direction`).
///
/// An unknown direction decides nothing.
pub(crate) fn check_against_direction(
    targets: &[(Pointer, Target)],
    direction_of: impl Fn(&str) -> Option<Direction>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    for (at, t) in targets {
        if let (Some(low), Some(high)) = (t.low, t.high) {
            if low > high {
                out.push(Problem::with_context(
                    Code::RangeInverted,
                    at.key("low"),
                    ctx!("low" => low, "high" => high),
                ));
            }
        }
        let base = t
            .baseline
            .as_ref()
            .map(|b| ("baseline", b))
            .or(t.base_period.as_ref().map(|b| ("base_period", b)));
        if let (Some(due), Some((field, base))) = (&t.due, base) {
            if due.last_day() <= base.last_day() {
                out.push(Problem::with_context(
                    Code::DueNotAfterBase,
                    at.key("due"),
                    ctx!("due" => due.to_string(), "base" => base.to_string(), "field" => field),
                ));
            }
        }
        let Some(direction) = t
            .indicator
            .as_deref()
            .and_then(&direction_of)
            .filter(|d| *d != Direction::Unknown)
        else {
            continue;
        };
        let fits = (t.kind == TargetKind::Range) == (direction == Direction::OptimalRange);
        if !fits {
            out.push(Problem::with_context(
                Code::TargetKindDoesNotFitDirection,
                at.key("kind"),
                ctx!("kind" => t.kind.label(Lang::En), "kind_da" => t.kind.label(Lang::Da),
                     "direction" => direction.label(Lang::En), "direction_da" => direction.label(Lang::Da)),
            ));
            continue;
        }
        let against = match (direction, t.change_percent) {
            (Direction::HigherIsBetter, Some(p)) => p < 0.0,
            (Direction::LowerIsBetter, Some(p)) => p > 0.0,
            _ => false,
        };
        if against && t.kind == TargetKind::RelativeChange {
            out.push(Problem::with_context(
                Code::TargetAgainstDirection,
                at.key("change_percent"),
                ctx!("change_percent" => t.change_percent, "direction" => direction.label(Lang::En),
                     "direction_da" => direction.label(Lang::Da)),
            ));
        }
    }
    out
}

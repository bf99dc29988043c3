//! Targets: a value by a due period, a change relative to a baseline
//! ("reduce by 10 % from 2021 by 2027"), or an optimal range; set per
//! indicator, and optionally per place (a place's own target wins).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::geography::Geography;
use crate::period::Period;
use crate::progress::{Goal, Point, Range};

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

/// A target for an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The indicator.
    pub indicator: String,
    /// The place it is for; absent: every place without its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geography: Option<Geography>,
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
}

impl Target {
    /// The goal for progress measurement, given a way to look up a value of
    /// the series in a period (for relative targets). Err says what is missing.
    ///
    /// ```
    /// use sundhedsaftale::target::{Target, TargetKind};
    /// let t = Target { indicator: "x".into(), geography: None, kind: TargetKind::RelativeChange,
    ///     value: None, change_percent: Some(-10.0), baseline: Some("2021".parse().unwrap()),
    ///     due: Some("2027".parse().unwrap()), low: None, high: None };
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
}

/// The target that applies to an indicator at a place: the place's own, else the indicator's general one.
pub fn target_for<'a>(targets: &'a [Target], indicator: &str, geography: &Geography) -> Option<&'a Target> {
    targets
        .iter()
        .find(|t| t.indicator == indicator && t.geography.as_ref() == Some(geography))
        .or_else(|| {
            targets
                .iter()
                .find(|t| t.indicator == indicator && t.geography.is_none())
        })
}

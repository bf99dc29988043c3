//! Progress of an indicator: the method Open SDG uses for SDG indicators, done
//! exactly and transparently.
//!
//! Growth is the compound annual growth rate between two periods, measured on
//! fractional years (period midpoints), so sub-annual data needs no rounding
//! to whole years. Without a target (method 1), growth is compared with fixed
//! thresholds, shrunk by a *limit coefficient* as the base value nears a
//! limit. With a target (method 2), growth is compared with the growth the
//! target requires. Every result carries all its components, so a reader can
//! see why. Unlike the reference implementation, a zero base or target is an
//! error, never silently replaced by 0.001.
//!
//! Indicators with an optimal range (which the reference method lacks) count
//! as achieved inside the range; outside it, progress is measured towards the
//! nearer bound, by method 2 when the range has a due period, else method 1.
//!
//! ```
//! use sundhedsaftale::progress::{measure, Direction, Goal, Point, ProgressConfig, Status};
//! let at = |period: &str, value| Point { period: period.parse().unwrap(), value };
//! // Readmissions from 12 % to 10 % in two years, lower is better, target 9 % by 2026.
//! let goal = Goal { target: Some(at("2026", 9.0)), ..Goal::default() };
//! let r = measure(at("2022", 12.0), at("2024", 10.0), Direction::LowerIsBetter, &goal,
//!                 &ProgressConfig::default()).unwrap();
//! assert_eq!(r.status, Status::SubstantialProgress);
//! assert!(r.x.unwrap() > 0.95); // every component is kept
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

// The direction belongs to the indicator, and what progress is measured
// against to the target; both are the document's, and stay here too, at the
// paths the follow-up has always used.
pub use crate::document::indicator::Direction;
pub use crate::document::target::{Goal, Point, Range};
use crate::ground::lang::labels;
use crate::reading::parse::derived;

derived!(ProgressInput);

/// The three thresholds of a method.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// At or above: substantial progress.
    pub high: f64,
    /// At or above: moderate progress.
    pub medium: f64,
    /// At or above: limited progress; below: deterioration.
    pub low: f64,
}

/// Thresholds for both methods; the defaults are the reference method's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressConfig {
    /// Method 1 (no target): 0.015, 0.005, 0.
    pub without_target: Thresholds,
    /// Method 2 (target): 0.95, 0.6, 0.
    pub with_target: Thresholds,
}

impl Default for ProgressConfig {
    fn default() -> ProgressConfig {
        ProgressConfig {
            without_target: Thresholds {
                high: 0.015,
                medium: 0.005,
                low: 0.0,
            },
            with_target: Thresholds {
                high: 0.95,
                medium: 0.6,
                low: 0.0,
            },
        }
    }
}

/// The method used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Growth against fixed thresholds (no target).
    WithoutTarget,
    /// Growth against the growth the target requires.
    WithTarget,
}

labels!(Method {
    WithoutTarget => ("without a target", "uden mål"),
    WithTarget => ("with a target", "med mål"),
});

/// How an indicator is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// At or beyond the target in the good direction (or inside the optimal range).
    TargetAchieved,
    /// x at or above the high threshold.
    SubstantialProgress,
    /// x at or above the medium threshold.
    ModerateProgress,
    /// x at or above the low threshold.
    LimitedProgress,
    /// x below the low threshold.
    Deterioration,
    /// Too little data, base after current, a sign change, or an unknown direction.
    NotAvailable,
}

labels!(Status {
    TargetAchieved => ("target achieved", "mål nået"),
    SubstantialProgress => ("substantial progress", "betydelig fremgang"),
    ModerateProgress => ("moderate progress", "moderat fremgang"),
    LimitedProgress => ("limited progress", "begrænset fremgang"),
    Deterioration => ("deterioration", "tilbagegang"),
    NotAvailable => ("not available", "ikke tilgængelig"),
});

/// Why a status is not available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotAvailable {
    /// Base and current are the same period: fewer than two periods of data.
    SinglePeriod,
    /// The base period lies after the current one.
    BaseAfterCurrent,
    /// Base and current values have opposite signs.
    SignChange,
    /// The indicator's direction is not known.
    DirectionUnknown,
}

labels!(NotAvailable {
    SinglePeriod => ("one period of data only", "kun data for én periode"),
    BaseAfterCurrent => ("base period after the current one", "basisperioden ligger efter den aktuelle"),
    SignChange => ("base and current values of opposite sign", "basis- og aktuel værdi med modsat fortegn"),
    DirectionUnknown => ("direction not known", "retning ukendt"),
});

/// A result, with every component that produced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Progress {
    /// The method.
    pub method: Method,
    /// The base point.
    pub base: Point,
    /// The current point.
    pub current: Point,
    /// The target, for method 2 (for a range: the nearer bound).
    pub target: Option<Point>,
    /// Base and current on the fractional year scale.
    pub base_year: f64,
    /// See `base_year`.
    pub current_year: f64,
    /// Compound annual growth from base to current.
    pub observed_growth: Option<f64>,
    /// Compound annual growth from base to target (method 2).
    pub target_growth: Option<f64>,
    /// −1 when the base is negative, else +1.
    pub sign: f64,
    /// +1 higher is better, −1 lower is better (towards the range, for a range).
    pub direction: f64,
    /// The measure compared with the thresholds.
    pub x: Option<f64>,
    /// The thresholds used (method 1: already multiplied by the coefficient).
    pub thresholds: Thresholds,
    /// The limit coefficient (1 without a limit; method 1 only).
    pub coefficient: f64,
    /// The score, in [−5, 5].
    pub score: Option<f64>,
    /// The status.
    pub status: Status,
    /// Why the status is not available.
    pub not_available: Option<NotAvailable>,
}

/// Inputs the method cannot work with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum ProgressError {
    /// The base value is 0: growth from 0 is undefined.
    #[error("the base value is 0, so growth from it is undefined")]
    ZeroBase,
    /// The target value is 0: the growth it requires is undefined.
    #[error("the target value is 0, so the growth it requires is undefined")]
    ZeroTarget,
    /// The target equals the base: it requires no growth to compare with.
    #[error("the target equals the base value, so it requires no growth to compare with")]
    TargetEqualsBase,
    /// The target's period is not after the base period.
    #[error("the target's period is not after the base period")]
    TargetNotAfterBase,
    /// A value is not a finite number.
    #[error("a value is not a finite number")]
    NotFinite,
    /// An optimal range is needed for an indicator whose direction is `optimal_range`.
    #[error("an optimal range is needed for an indicator whose direction is optimal_range")]
    RangeMissing,
}

/// A progress question in its JSON form, as the vectors and the bindings pose it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressInput {
    /// The base point.
    pub base: Point,
    /// The current point.
    pub current: Point,
    /// Which way is better.
    pub direction: Direction,
    /// A target value and due period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Point>,
    /// A limit for the limit coefficient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// An optimal range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
    /// Thresholds other than the reference method's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<ProgressConfig>,
}

impl ProgressInput {
    /// Measures the progress this input describes.
    pub fn measure(&self) -> Result<Progress, ProgressError> {
        let goal = Goal {
            target: self.target,
            limit: self.limit,
            range: self.range,
        };
        measure(
            self.base,
            self.current,
            self.direction,
            &goal,
            &self.thresholds.unwrap_or_default(),
        )
    }
}

/// `x` to the power `y`, the same to the bit on every target.
///
/// `f64::powf` is the platform's `pow` natively and Rust's own in
/// WebAssembly, which differ in the last bits; the libm crate's pure-Rust
/// `pow` is one implementation everywhere, so Rust, Python and JS agree
/// exactly. Every power in the method goes through here.
fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

/// Compound annual growth from `v0` at `t0` to `v1` at `t1` (fractional years).
pub fn cagr(v1: f64, v0: f64, t1: f64, t0: f64) -> f64 {
    pow(v1 / v0, 1.0 / (t1 - t0)) - 1.0
}

/// The limit coefficient: 1 − (b/L)^4.44 up to the limit, mirrored between
/// one and two limits, and 1 from two limits on, with b = |base| and
/// L = |limit|.
///
/// The absolute values matter: the reference formula on a negative base gives
/// NaN or −∞, so series of net changes or balances would break.
///
/// ```
/// use sundhedsaftale::progress::limit_coefficient;
/// assert_eq!(limit_coefficient(-150.0, -100.0), limit_coefficient(150.0, 100.0));
/// assert_eq!(limit_coefficient(0.0, 100.0), 1.0);
/// ```
pub fn limit_coefficient(base: f64, limit: f64) -> f64 {
    let (b, l) = (base.abs(), limit.abs());
    if b <= l {
        1.0 - pow(b / l, 4.44)
    } else if b < 2.0 * l {
        1.0 - pow((2.0 * l - b) / l, 4.44)
    } else {
        1.0
    }
}

fn status_of(x: f64, t: &Thresholds) -> Status {
    if x >= t.high {
        Status::SubstantialProgress
    } else if x >= t.medium {
        Status::ModerateProgress
    } else if x >= t.low {
        Status::LimitedProgress
    } else {
        Status::Deterioration
    }
}

/// Method 1's score; `t` are the shrunk thresholds, `c` the coefficient.
fn score_without_target(x: f64, t: &Thresholds, c: f64) -> f64 {
    if x < t.low {
        (125.0 * x - 2.5).max(-5.0)
    } else if c == 0.0 {
        5.0
    } else if x >= t.high {
        (500.0 * x / c - 5.0).min(5.0)
    } else if x >= t.medium {
        250.0 * x / c - 1.25
    } else {
        500.0 * x / c - 2.5
    }
}

/// Method 2's score, with the reference method's constants.
fn score_with_target(x: f64) -> f64 {
    if x >= 0.6 {
        (7.1429 * x - 4.2857).min(5.0)
    } else {
        (4.1667 * x - 2.5).max(-5.0)
    }
}

/// Measures progress from `base` to `current`.
///
/// ```
/// use sundhedsaftale::progress::{measure, Direction, Goal, Point, ProgressConfig, Status};
/// let p = |period: &str, value: f64| Point { period: period.parse().unwrap(), value };
/// let r = measure(p("2010", 100.0), p("2012", 121.0), Direction::HigherIsBetter, &Goal::default(),
///                 &ProgressConfig::default()).unwrap();
/// assert!((r.observed_growth.unwrap() - 0.1).abs() < 1e-12);
/// assert_eq!(r.status, Status::SubstantialProgress);
/// ```
pub fn measure(
    base: Point,
    current: Point,
    direction: Direction,
    goal: &Goal,
    config: &ProgressConfig,
) -> Result<Progress, ProgressError> {
    if !base.value.is_finite() || !current.value.is_finite() {
        return Err(ProgressError::NotFinite);
    }
    if base.value == 0.0 {
        return Err(ProgressError::ZeroBase);
    }
    let (t0, t1) = (base.period.fractional_year(), current.period.fractional_year());
    let sign = if base.value < 0.0 { -1.0 } else { 1.0 };
    // Resolve the direction and the target method 2 would use.
    let (dir, target, inside_range) = match direction {
        Direction::HigherIsBetter => (1.0, goal.target, false),
        Direction::LowerIsBetter => (-1.0, goal.target, false),
        Direction::Unknown => (0.0, goal.target, false),
        Direction::OptimalRange => {
            let range = goal.range.ok_or(ProgressError::RangeMissing)?;
            let inside = (range.low..=range.high).contains(&current.value);
            let (dir, bound) = if current.value < range.low {
                (1.0, range.low)
            } else {
                (-1.0, range.high)
            };
            (dir, range.due.map(|period| Point { period, value: bound }), inside)
        }
    };
    // A zero target is a clear error, like a zero base: both come before the
    // availability rules (DOMAIN.md's order of checks).
    if target.is_some_and(|t| t.value == 0.0) {
        return Err(ProgressError::ZeroTarget);
    }
    // Method 1's thresholds shrink by the limit coefficient. It depends on
    // the base alone, so a result that is not available still reports it.
    let coefficient = match (target, goal.limit) {
        (None, Some(limit)) => limit_coefficient(base.value, limit),
        _ => 1.0,
    };
    let thresholds = match target {
        Some(_) => config.with_target,
        None => Thresholds {
            high: config.without_target.high * coefficient,
            medium: config.without_target.medium * coefficient,
            low: config.without_target.low * coefficient,
        },
    };
    let mut result = Progress {
        method: if target.is_some() {
            Method::WithTarget
        } else {
            Method::WithoutTarget
        },
        base,
        current,
        target,
        base_year: t0,
        current_year: t1,
        observed_growth: None,
        target_growth: None,
        sign,
        direction: dir,
        x: None,
        thresholds,
        coefficient,
        score: None,
        status: Status::NotAvailable,
        not_available: None,
    };
    // Zero has no sign: −5 then 0 (or −0) is no sign change.
    let sign_change = (base.value < 0.0 && current.value > 0.0) || (base.value > 0.0 && current.value < 0.0);
    let unavailable = if direction == Direction::Unknown {
        Some(NotAvailable::DirectionUnknown)
    } else if t1 == t0 {
        Some(NotAvailable::SinglePeriod)
    } else if t0 > t1 {
        Some(NotAvailable::BaseAfterCurrent)
    } else if sign_change {
        Some(NotAvailable::SignChange)
    } else {
        None
    };
    if let Some(reason) = unavailable {
        result.not_available = Some(reason);
        return Ok(result);
    }
    let observed = cagr(current.value, base.value, t1, t0);
    result.observed_growth = Some(observed);
    let achieved = inside_range
        || target.is_some_and(|t| {
            if dir > 0.0 {
                current.value >= t.value
            } else {
                current.value <= t.value
            }
        });

    match target {
        Some(t) => {
            let tt = t.period.fractional_year();
            if tt <= t0 {
                return Err(ProgressError::TargetNotAfterBase);
            }
            let needed = cagr(t.value, base.value, tt, t0);
            if needed == 0.0 {
                return Err(ProgressError::TargetEqualsBase);
            }
            let x = sign * dir * observed / needed.abs();
            result.target_growth = Some(needed);
            result.x = Some(x);
            (result.status, result.score) = if achieved {
                (Status::TargetAchieved, Some(5.0))
            } else {
                (status_of(x, &thresholds), Some(score_with_target(x)))
            };
        }
        None => {
            let x = sign * dir * observed;
            result.x = Some(x);
            (result.status, result.score) = if achieved {
                (Status::TargetAchieved, Some(5.0))
            } else {
                (
                    status_of(x, &thresholds),
                    Some(score_without_target(x, &thresholds, coefficient)),
                )
            };
        }
    }
    Ok(result)
}

/// Several results rolled up (indicator → focus area → agreement): the mean
/// score, banded; `target_achieved` only when every series achieved its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RollUp {
    /// Mean of the available scores.
    pub score: Option<f64>,
    /// The band of the mean score.
    pub status: Status,
    /// How many results had a score.
    pub scored: usize,
    /// How many results were not available.
    pub not_available: usize,
}

/// Rolls up scores and statuses.
pub fn roll_up(results: &[(Option<f64>, Status)]) -> RollUp {
    let scores: Vec<f64> = results.iter().filter_map(|(s, _)| *s).collect();
    let not_available = results.len() - scores.len();
    if scores.is_empty() {
        return RollUp {
            score: None,
            status: Status::NotAvailable,
            scored: 0,
            not_available,
        };
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    let all_achieved = results.iter().all(|(_, s)| *s == Status::TargetAchieved);
    let status = if all_achieved {
        Status::TargetAchieved
    } else if mean >= 2.5 {
        Status::SubstantialProgress
    } else if mean >= 0.0 {
        Status::ModerateProgress
    } else if mean >= -2.5 {
        Status::LimitedProgress
    } else {
        Status::Deterioration
    };
    RollUp {
        score: Some(mean),
        status,
        scored: scores.len(),
        not_available,
    }
}

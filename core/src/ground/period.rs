//! Periods: the one canonical type for "when" an observation refers to.
//!
//! Codes follow the forms statistics offices publish: `2021` (year),
//! `2021S1` (half-year), `2021Q3` (quarter), `2021-03` (month), `2021/22`
//! or `2021/2022` (school year), and an explicit range
//! `2021-01-01/2021-06-30` (both days inclusive). Statistics Denmark's own
//! forms are read too, as the same periods: `2021K3` is `2021Q3` and
//! `2021M03` is `2021-03`; a period is always written back in the first form.
//!
//! A school year runs from 1 August to 31 July (folkeskoleloven § 14 a:
//! «Skoleåret begynder den 1. august»). Danish public financial years are
//! calendar years (DOMAIN.md), so they are written as a plain year.
//!
//! Each period has a first and last day, orders by those, and gives a *fractional year*:
//! the midpoint of the period on a continuous year scale, so that growth
//! between `2021Q1` and `2023Q3` is measured over 2.5 years, not 2.
//!
//! ```
//! use sundhedsaftale::period::Period;
//! let school_year: Period = "2021/22".parse().unwrap();
//! assert_eq!(school_year.first_day().to_string(), "2021-08-01");
//! assert_eq!(school_year.last_day().to_string(), "2022-07-31");
//! let quarter: Period = "2024Q3".parse().unwrap();
//! assert_eq!(quarter.last_day().to_string(), "2024-09-30");
//! ```

use crate::ground::lang::labels;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The kind of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodType {
    /// A calendar year.
    Year,
    /// A half-year (S1, S2).
    HalfYear,
    /// A quarter (Q1–Q4).
    Quarter,
    /// A month.
    Month,
    /// A school year, 1 August to 31 July (`2021/22`).
    SchoolYear,
    /// An explicit range of days.
    Range,
}

labels!(PeriodType {
    Year => ("year", "år"),
    HalfYear => ("half-year", "halvår"),
    Quarter => ("quarter", "kvartal"),
    Month => ("month", "måned"),
    SchoolYear => ("school year", "skoleår"),
    Range => ("range of days", "datointerval"),
});

/// A period of time.
///
/// ```
/// use sundhedsaftale::period::Period;
/// let q: Period = "2021Q3".parse().unwrap();
/// assert_eq!(q.first_day().to_string(), "2021-07-01");
/// assert_eq!(q.last_day().to_string(), "2021-09-30");
/// assert_eq!(q.to_string(), "2021Q3");
/// assert!("2021Q5".parse::<Period>().is_err());
/// // Statistics Denmark writes quarters with K and months with M.
/// assert_eq!("2021K3".parse::<Period>(), Ok(q));
/// assert_eq!("2024M01".parse::<Period>().unwrap().to_string(), "2024-01");
/// assert!("2024M1".parse::<Period>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A calendar year.
    Year(i32),
    /// A half-year, 1 or 2.
    HalfYear(i32, u8),
    /// A quarter, 1 to 4.
    Quarter(i32, u8),
    /// A month, 1 to 12.
    Month(i32, u8),
    /// The school year that starts on 1 August of this year.
    SchoolYear(i32),
    /// An explicit range, both days inclusive.
    Range(NaiveDate, NaiveDate),
}

/// Why a period code was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{code}` is not a period: {reason} (use 2021, 2021S1, 2021Q3 or 2021K3, 2021-03 or 2021M03, 2021/22 or 2021-01-01/2021-06-30)")]
pub struct PeriodError {
    /// The code given.
    pub code: String,
    /// What is wrong with it.
    pub reason: &'static str,
    /// What is wrong with it, in Danish.
    pub reason_da: &'static str,
}

impl PeriodError {
    /// The message in Danish, for a Danish reader's `detail_da`.
    pub fn danish(&self) -> String {
        format!(
            "`{}` er ikke en periode: {} (skriv 2021, 2021S1, 2021Q3 eller 2021K3, 2021-03 eller 2021M03, 2021/22 eller 2021-01-01/2021-06-30)",
            self.code, self.reason_da
        )
    }
}

fn err(code: &str, (reason, reason_da): (&'static str, &'static str)) -> PeriodError {
    PeriodError {
        code: code.to_string(),
        reason,
        reason_da,
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    // Callers pass validated months; day 1 always exists.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn last_of_month(y: i32, m: u32) -> NaiveDate {
    let next = if m == 12 { date(y + 1, 1, 1) } else { date(y, m + 1, 1) };
    next.pred_opt().unwrap_or(next)
}

/// A date on a continuous year scale: 2021-01-01 is 2021.0, 2022-01-01 is 2022.0.
pub fn fractional_year(day: NaiveDate) -> f64 {
    let year = day.year();
    let days_in_year = if date(year, 12, 31).ordinal() == 366 {
        366.0
    } else {
        365.0
    };
    f64::from(year) + f64::from(day.ordinal0()) / days_in_year
}

impl Period {
    /// A key that is equal exactly when the periods are, cheap to compute
    /// (no calendar arithmetic): for grouping equal periods, not for ordering them.
    pub(crate) fn identity(&self) -> (u8, i32, i32) {
        match *self {
            Period::Year(y) => (0, y, 0),
            Period::HalfYear(y, h) => (1, y, i32::from(h)),
            Period::Quarter(y, q) => (2, y, i32::from(q)),
            Period::Month(y, m) => (3, y, i32::from(m)),
            Period::SchoolYear(y) => (4, y, 0),
            Period::Range(a, b) => (5, a.num_days_from_ce(), b.num_days_from_ce()),
        }
    }

    /// The kind of period.
    pub fn period_type(&self) -> PeriodType {
        match self {
            Period::Year(_) => PeriodType::Year,
            Period::HalfYear(..) => PeriodType::HalfYear,
            Period::Quarter(..) => PeriodType::Quarter,
            Period::Month(..) => PeriodType::Month,
            Period::SchoolYear(_) => PeriodType::SchoolYear,
            Period::Range(..) => PeriodType::Range,
        }
    }

    /// The first day.
    pub fn first_day(&self) -> NaiveDate {
        match *self {
            Period::Year(y) => date(y, 1, 1),
            Period::HalfYear(y, h) => date(y, 6 * u32::from(h) - 5, 1),
            Period::Quarter(y, q) => date(y, 3 * u32::from(q) - 2, 1),
            Period::Month(y, m) => date(y, u32::from(m), 1),
            Period::SchoolYear(y) => date(y, 8, 1),
            Period::Range(a, _) => a,
        }
    }

    /// The last day (inclusive).
    pub fn last_day(&self) -> NaiveDate {
        match *self {
            Period::Year(y) => date(y, 12, 31),
            Period::HalfYear(y, h) => last_of_month(y, 6 * u32::from(h)),
            Period::Quarter(y, q) => last_of_month(y, 3 * u32::from(q)),
            Period::Month(y, m) => last_of_month(y, u32::from(m)),
            Period::SchoolYear(y) => date(y + 1, 7, 31),
            Period::Range(_, b) => b,
        }
    }

    /// The midpoint on a continuous year scale: `2021` is 2021.5, `2021Q1` about 2021.123.
    pub fn fractional_year(&self) -> f64 {
        let start = fractional_year(self.first_day());
        let after = self.last_day().succ_opt().map_or(start, fractional_year);
        (start + after) / 2.0
    }

    /// The calendar year the period ends in.
    pub fn year(&self) -> i32 {
        self.last_day().year()
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(code: &str) -> Result<Period, PeriodError> {
        let s = code.trim();
        if let Some(year) = school_year(s) {
            return year.map(Period::SchoolYear).ok_or_else(|| {
                err(
                    code,
                    (
                        "a school year's second year must follow its first",
                        "et skoleårs andet år skal følge dets første",
                    ),
                )
            });
        }
        if let Some((a, b)) = s.split_once('/') {
            let a = crate::ground::date::parse(a).ok_or_else(|| {
                err(
                    code,
                    (
                        "the range's first day is not a date",
                        "periodens første dag er ikke en dato",
                    ),
                )
            })?;
            let b = crate::ground::date::parse(b).ok_or_else(|| {
                err(
                    code,
                    (
                        "the range's last day is not a date",
                        "periodens sidste dag er ikke en dato",
                    ),
                )
            })?;
            if b < a {
                return Err(err(
                    code,
                    ("the range ends before it starts", "perioden slutter, før den begynder"),
                ));
            }
            return Ok(Period::Range(a, b));
        }
        let digits = s.get(..4).filter(|y| y.bytes().all(|c| c.is_ascii_digit()));
        let year: i32 = digits.and_then(|y| y.parse().ok()).ok_or_else(|| {
            err(
                code,
                (
                    "it must start with a four-digit year",
                    "den skal begynde med et firecifret årstal",
                ),
            )
        })?;
        let rest = &s[4..];
        let number = |text: &str, max: u8, what: (&'static str, &'static str)| -> Result<u8, PeriodError> {
            match text.parse::<u8>() {
                Ok(n) if (1..=max).contains(&n) && !text.starts_with('+') => Ok(n),
                _ => Err(err(code, what)),
            }
        };
        match rest.chars().next() {
            None => Ok(Period::Year(year)),
            Some('S') | Some('H') => Ok(Period::HalfYear(
                year,
                number(&rest[1..], 2, ("a half-year is S1 or S2", "et halvår er S1 eller S2"))?,
            )),
            // `K` is Statistics Denmark's quarter (kvartal): `2024K1`.
            Some('Q') | Some('K') => Ok(Period::Quarter(
                year,
                number(
                    &rest[1..],
                    4,
                    ("a quarter is Q1 to Q4", "et kvartal er Q1 til Q4 eller K1 til K4"),
                )?,
            )),
            Some('-') if rest.len() == 3 => Ok(Period::Month(
                year,
                number(&rest[1..], 12, ("a month is 01 to 12", "en måned er 01 til 12"))?,
            )),
            // Statistics Denmark's month: `2024M01`, always two digits.
            Some('M') if rest.len() == 3 => Ok(Period::Month(
                year,
                number(&rest[1..], 12, ("a month is M01 to M12", "en måned er M01 til M12"))?,
            )),
            _ => Err(err(code, ("unknown form", "ukendt form"))),
        }
    }
}

/// `2021/22` or `2021/2022`: `Some(Some(2021))`; `Some(None)` when the two
/// years do not follow each other; `None` when `s` is not of that form.
fn school_year(s: &str) -> Option<Option<i32>> {
    let (a, b) = s.split_once('/')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
    if a.len() != 4 || !digits(a) || !(b.len() == 2 || b.len() == 4) || !digits(b) {
        return None;
    }
    let first: i32 = a.parse().ok()?;
    let second: i32 = b.parse().ok()?;
    let next = first + 1;
    let follows = if b.len() == 2 {
        second == next % 100
    } else {
        second == next
    };
    Some(follows.then_some(first))
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::HalfYear(y, h) => write!(f, "{y:04}S{h}"),
            Period::Quarter(y, q) => write!(f, "{y:04}Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::SchoolYear(y) => write!(f, "{y:04}/{:02}", (y + 1) % 100),
            Period::Range(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl Ord for Period {
    /// By first day, then last day: `2021` sorts before `2021Q2`, which sorts before `2021-07`.
    fn cmp(&self, other: &Period) -> std::cmp::Ordering {
        (self.first_day(), self.last_day()).cmp(&(other.first_day(), other.last_day()))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Period) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        let code = String::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A period: 2021, 2021S1, 2021Q3 (or 2021K3), 2021-03 (or 2021M03), 2021/22 (school year, 1 August to 31 July) or 2021-01-01/2021-06-30",
            "pattern": "^[0-9]{4}(([SH][12])|([QK][1-4])|([-M](0[1-9]|1[0-2]))|(/([0-9]{2}|[0-9]{4})))?$|^[0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_parses_formats_and_spans_its_days() {
        for (code, first, last) in [
            ("2021", "2021-01-01", "2021-12-31"),
            ("2021S1", "2021-01-01", "2021-06-30"),
            ("2021S2", "2021-07-01", "2021-12-31"),
            ("2024Q1", "2024-01-01", "2024-03-31"),
            ("2021Q4", "2021-10-01", "2021-12-31"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2023-02", "2023-02-01", "2023-02-28"),
            ("2021-03-15/2021-04-02", "2021-03-15", "2021-04-02"),
            ("2021/22", "2021-08-01", "2022-07-31"),
            ("1999/00", "1999-08-01", "2000-07-31"),
        ] {
            let p: Period = code.parse().unwrap();
            assert_eq!(p.to_string(), code);
            assert_eq!(p.first_day().to_string(), first, "{code}");
            assert_eq!(p.last_day().to_string(), last, "{code}");
        }
        assert_eq!("2021H2".parse::<Period>().unwrap(), Period::HalfYear(2021, 2));
        // Statistics Denmark's forms are the same periods, written back in the first form.
        assert_eq!("2024K1".parse::<Period>().unwrap(), Period::Quarter(2024, 1));
        assert_eq!("2024M02".parse::<Period>().unwrap().to_string(), "2024-02");
        for bad in ["2024K5", "2024M13", "2024M1", "2024M001", "2024k1"] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
        assert_eq!("2021/2022".parse::<Period>().unwrap(), Period::SchoolYear(2021));
        assert_eq!(Period::SchoolYear(2021).year(), 2022);
    }

    #[test]
    fn invalid_codes_say_why() {
        for (code, reason) in [
            ("21", "four-digit year"),
            ("2021Q0", "Q1 to Q4"),
            ("2021Q5", "Q1 to Q4"),
            ("2021S3", "S1 or S2"),
            ("2021-13", "01 to 12"),
            ("2021-1", "unknown form"),
            ("2021W12", "unknown form"),
            ("2021-05-01/2021-04-30", "ends before it starts"),
            ("2021-02-30/2021-03-01", "first day"),
            ("2021/23", "must follow"),
            ("2021/2021", "must follow"),
        ] {
            let e = code.parse::<Period>().unwrap_err();
            assert!(e.to_string().contains(reason), "{code}: {e}");
        }
    }

    #[test]
    fn fractional_years_are_midpoints() {
        let y = |c: &str| c.parse::<Period>().unwrap().fractional_year();
        assert!((y("2021") - 2021.5).abs() < 1e-12);
        assert!((y("2021S1") - (2021.0 + 181.0 / 2.0 / 365.0)).abs() < 1e-12);
        assert!((y("2021Q1") - (2021.0 + 90.0 / 2.0 / 365.0)).abs() < 1e-12);
        assert!((y("2023Q3") - y("2021Q3") - 2.0).abs() < 1e-2);
        assert!((y("2020") - y("2010") - 10.0).abs() < 1e-12);
    }

    #[test]
    fn periods_order_by_their_days() {
        let mut ps: Vec<Period> = ["2022", "2021-07", "2021Q2", "2021"]
            .iter()
            .map(|c| c.parse().unwrap())
            .collect();
        ps.sort();
        let codes: Vec<String> = ps.iter().map(Period::to_string).collect();
        assert_eq!(codes, ["2021", "2021Q2", "2021-07", "2022"]);
    }
}

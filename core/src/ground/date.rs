//! Calendar dates exactly as documents must write them: `YYYY-MM-DD`.
//!
//! chrono's own reading is lenient (`2024-1-5`, `+2024-01-05` and a leading
//! space all pass), while every message of this library promises
//! `YYYY-MM-DD`. Date fields of the documents deserialize through
//! [`strict`] and [`strict_option`], so the promise holds.
//!
//! Lifetimes (of bodies, clusters, rule sets) share one convention: the first
//! day, and the first day after (exclusive); an unknown bound is open.
//!
//! ```
//! use sundhedsaftale::date::parse;
//! assert!(parse("2024-01-01").is_some());
//! // chrono alone would take these; documents must not.
//! assert!(parse("2024-1-1").is_none());
//! assert!(parse("+2024-01-01").is_none());
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

/// Why a date was rejected; [`crate::parse`] reports it as `invalid_date`.
pub const NOT_A_DATE: &str = "not a date of the form YYYY-MM-DD";

/// Parses exactly `YYYY-MM-DD`: four-digit year, two-digit month and day, a real day.
///
/// ```
/// use sundhedsaftale::date::parse;
/// assert!(parse("2024-01-05").is_some());
/// assert!(parse("2024-1-5").is_none());
/// assert!(parse("2024-02-30").is_none());
/// assert!(parse(" 2024-01-05").is_none());
/// ```
pub fn parse(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let form = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !form {
        return None;
    }
    // The form is checked: read the digits directly (chrono's format parser
    // was the dearest part of reading a date).
    let number = |range: std::ops::Range<usize>| b[range].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let year = i32::try_from(number(0..4)).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7), number(8..10))
}

/// Serde: a required date field.
pub fn strict<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| serde::de::Error::custom(NOT_A_DATE))
}

/// Serde: an optional date field (absent or `null` is `None`).
pub fn strict_option<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    match <Option<std::borrow::Cow<'de, str>>>::deserialize(deserializer)? {
        None => Ok(None),
        Some(text) => parse(&text)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(NOT_A_DATE)),
    }
}

/// Whether a lifetime from `start` (first day) to `end` (first day after,
/// exclusive) covers `date`; an unknown bound is treated as open.
pub(crate) fn alive_on(start: Option<NaiveDate>, end: Option<NaiveDate>, date: NaiveDate) -> bool {
    start.is_none_or(|s| s <= date) && end.is_none_or(|e| date < e)
}

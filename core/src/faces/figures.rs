//! A follow-up as a reader sees it beside its codes: each value rounded to
//! its indicator's decimals and written with its unit, the way the
//! language writes numbers (`12,1 %` and `1.234` in Danish, `12.1 %` and
//! `1,234` in English), and the names of the focus areas a row names by
//! id. The notebook displays and the tables of the bindings read these
//! from here, so that every face writes a number the same way; the data
//! itself keeps the exact numbers.
//!
//! ```
//! use sundhedsaftale::figures::{number, Figures};
//! use sundhedsaftale::Lang;
//!
//! assert_eq!(number(-12345.678, 1, Lang::Da), "−12.345,7");
//! assert_eq!(number(-12345.678, 1, Lang::En), "-12,345.7");
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let figures = Figures::of(&agreement);
//! let area = &agreement.focus_areas[0];
//! assert_eq!(figures.focus_area(&area.id), Some(area.name.as_str()));
//! ```

use std::collections::HashMap;

use crate::document::agreement::HealthAgreement;
use crate::document::indicator::MeasureUnit;
use crate::engine::annual::FollowUpRow;
use crate::ground::lang::{Label, Lang};

/// The decimals shown for a value whose indicator is not known.
pub const DEFAULT_DECIMALS: u8 = 1;

/// What a follow-up's rows refer to by id, looked up once per agreement.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    focus_areas: HashMap<String, String>,
    measures: HashMap<String, (MeasureUnit, u8)>,
}

impl Figures {
    /// The names of the agreement's focus areas and the unit and decimals
    /// of each indicator it follows up (declared or read from a key figure).
    pub fn of(agreement: &HealthAgreement) -> Figures {
        let focus_areas = agreement
            .focus_areas
            .iter()
            .map(|f| (f.id.clone(), f.name.clone()))
            .collect();
        let measures = agreement
            .indicator_catalogue()
            .0
            .indicators
            .into_iter()
            .map(|i| (i.id, (i.unit, i.decimals)))
            .collect();
        Figures { focus_areas, measures }
    }

    /// A focus area's name, as the agreement writes it.
    pub fn focus_area(&self, id: &str) -> Option<&str> {
        self.focus_areas.get(id).map(String::as_str)
    }

    /// An indicator's unit and decimals.
    pub fn measure(&self, indicator: &str) -> Option<(MeasureUnit, u8)> {
        self.measures.get(indicator).copied()
    }

    /// A change of `indicator` (latest minus baseline) as a reader reads
    /// it: a change of a percentage is in percentage points
    /// (`−0,9 procentpoint`), never `%`, which would read as a relative change.
    pub fn change(&self, indicator: &str, change: f64, lang: Lang) -> String {
        match self.measure(indicator) {
            Some((MeasureUnit::Percent, decimals)) => {
                let points = if lang == Lang::Da {
                    "procentpoint"
                } else {
                    "percentage points"
                };
                format!("{} {points}", number(change, decimals, lang))
            }
            _ => self.value(indicator, change, lang),
        }
    }

    /// A value of `indicator` as a reader reads it: rounded to the
    /// indicator's decimals, with its unit ([`quantity`]); a value of an
    /// unknown indicator with [`DEFAULT_DECIMALS`] and no unit.
    pub fn value(&self, indicator: &str, value: f64, lang: Lang) -> String {
        match self.measure(indicator) {
            Some((unit, decimals)) => quantity(value, unit, decimals, lang),
            None => number(value, DEFAULT_DECIMALS, lang),
        }
    }
}

/// Why a row has no value, status or score, in `lang`: the kind of hiding,
/// the reason progress is not available or not scored, or the row's own
/// note said in words (the row's `note` is English, for logs).
pub fn note(row: &FollowUpRow, lang: Lang) -> Option<String> {
    let words = |en: &str, da: &str| Some(if lang == Lang::Da { da } else { en }.to_string());
    if let Some(hidden) = &row.hidden {
        return Some(hidden.label(lang).to_string());
    }
    if let Some(reason) = row.progress.as_ref().and_then(|p| p.not_available) {
        return Some(reason.label(lang).to_string());
    }
    if let Some(reason) = row.not_scored {
        return Some(reason.label(lang).to_string());
    }
    let note = row.note.as_deref()?;
    if lang == Lang::En {
        return Some(note.to_string());
    }
    if note == "no data" {
        return words("no data", "ingen data");
    }
    if let Some(period) = note.strip_prefix("no value in the base period ") {
        return Some(format!("ingen værdi i basisperioden {period}"));
    }
    if note.starts_with("target not usable") {
        return words(note, "målet kan ikke bruges");
    }
    words(note, "fremgangen kan ikke beregnes")
}

/// `value` rounded to `decimals` (half away from zero), every decimal
/// shown, thousands grouped: in Danish with a decimal comma, a point
/// between thousands and a minus sign (−), in English with a decimal
/// point, a comma between thousands and a hyphen.
pub fn number(value: f64, decimals: u8, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let decimals = usize::from(decimals.min(12));
    // Half away from zero, as people round (1,25 → 1,3), not to even as `format!` does.
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(12));
    let rounded = (value.abs() * scale).round() / scale;
    let text = format!(
        "{:.*}",
        decimals,
        if rounded.is_finite() { rounded } else { value.abs() }
    );
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let (group, point, minus) = match lang {
        Lang::Da => ('.', ',', "−"),
        Lang::En => (',', '.', "-"),
    };
    let mut out = String::new();
    // Only a value that still shows a digit other than 0 has a sign: −0,0 is 0,0.
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push_str(minus);
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

/// [`number`] with its unit as a reader writes it after a number: `12,1 %`,
/// `3,2 pr. 1.000`, `4,5 dage`; a count or a ratio stands alone.
pub fn quantity(value: f64, unit: MeasureUnit, decimals: u8, lang: Lang) -> String {
    let text = number(value, decimals, lang);
    match unit {
        MeasureUnit::Count | MeasureUnit::Ratio => text,
        other => format!("{text} {}", other.label(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(number(12.083333333333334, 1, Lang::Da), "12,1");
        assert_eq!(number(11.200000000000001, 1, Lang::En), "11.2");
        assert_eq!(number(1234567.0, 0, Lang::Da), "1.234.567");
        assert_eq!(number(999.96, 1, Lang::Da), "1.000,0");
        assert_eq!(number(-0.04, 1, Lang::Da), "0,0");
        assert_eq!(number(-5.0, 0, Lang::Da), "−5");
        assert_eq!(number(f64::NAN, 1, Lang::En), "–");
    }

    #[test]
    fn quantities_carry_their_unit() {
        assert_eq!(quantity(12.08, MeasureUnit::Percent, 1, Lang::Da), "12,1 %");
        assert_eq!(quantity(3.21, MeasureUnit::RatePer1000, 1, Lang::Da), "3,2 pr. 1.000");
        assert_eq!(quantity(4.5, MeasureUnit::Days, 1, Lang::En), "4.5 days");
        assert_eq!(quantity(1234.0, MeasureUnit::Count, 0, Lang::En), "1,234");
    }

    #[test]
    fn a_change_of_a_percentage_is_in_points() {
        let mut figures = Figures::default();
        figures.measures.insert("share".into(), (MeasureUnit::Percent, 1));
        figures.measures.insert("days".into(), (MeasureUnit::Days, 1));
        assert_eq!(figures.change("share", -0.94, Lang::Da), "−0,9 procentpoint");
        assert_eq!(figures.change("share", 9.0, Lang::En), "9.0 percentage points");
        assert_eq!(figures.change("days", 1.25, Lang::Da), "1,3 dage");
        assert_eq!(figures.change("unknown", 1.25, Lang::En), "1.3");
    }
}

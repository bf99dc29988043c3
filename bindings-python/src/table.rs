//! A follow-up's rows as one Arrow record batch: one scalar per column, the
//! progress components flattened into columns of their own, codes (focus
//! areas, indicators, places, levels, statuses) dictionary-encoded so that
//! pandas and polars see them as categories. Beside each code a reader's
//! column in one language: the focus area's name, each label (`status_label`),
//! the unit; beside each period its year as an integer.

use std::sync::Arc;

use arrow_array::builder::Int32Builder;
use arrow_array::builder::{Float64Builder, StringBuilder, StringDictionaryBuilder, UInt32Builder};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::ArrowError;
use serde::Serialize;
use sundhedsaftale::aggregate::Hidden;
use sundhedsaftale::annual::FollowUpRow;
use sundhedsaftale::figures::Figures;
use sundhedsaftale::{Label, Lang};

/// A value's serde name: the code an enum has in JSON (`substantial_progress`).
fn code<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value).ok()?.as_str().map(str::to_string)
}

/// Columns, appended to row by row, in the order they are declared.
#[derive(Default)]
struct Columns {
    codes: Vec<(&'static str, StringDictionaryBuilder<Int32Type>)>,
    texts: Vec<(&'static str, StringBuilder)>,
    numbers: Vec<(&'static str, Float64Builder)>,
    counts: Vec<(&'static str, UInt32Builder)>,
    years: Vec<(&'static str, Int32Builder)>,
    /// Each column's kind and index, in output order.
    order: Vec<(u8, usize)>,
}

impl Columns {
    fn code(&mut self, name: &'static str, value: Option<&str>) {
        let k = self.slot(0, name, |c| &mut c.codes, StringDictionaryBuilder::new);
        self.codes[k].1.append_option(value);
    }

    fn text(&mut self, name: &'static str, value: Option<&str>) {
        let k = self.slot(1, name, |c| &mut c.texts, StringBuilder::new);
        self.texts[k].1.append_option(value);
    }

    fn number(&mut self, name: &'static str, value: Option<f64>) {
        let k = self.slot(2, name, |c| &mut c.numbers, Float64Builder::new);
        self.numbers[k].1.append_option(value);
    }

    fn count(&mut self, name: &'static str, value: Option<u32>) {
        let k = self.slot(3, name, |c| &mut c.counts, UInt32Builder::new);
        self.counts[k].1.append_option(value);
    }

    fn year(&mut self, name: &'static str, value: Option<i32>) {
        let k = self.slot(4, name, |c| &mut c.years, Int32Builder::new);
        self.years[k].1.append_option(value);
    }

    /// The index of column `name` of a kind, made on the first row.
    fn slot<B>(
        &mut self,
        kind: u8,
        name: &'static str,
        list: impl Fn(&mut Columns) -> &mut Vec<(&'static str, B)>,
        make: impl FnOnce() -> B,
    ) -> usize {
        if let Some(k) = list(self).iter().position(|(n, _)| *n == name) {
            return k;
        }
        let list = list(self);
        list.push((name, make()));
        let k = list.len() - 1;
        self.order.push((kind, k));
        k
    }

    fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let mut out: Vec<(&'static str, ArrayRef)> = Vec::new();
        for (kind, k) in self.order.clone() {
            out.push(match kind {
                0 => (self.codes[k].0, Arc::new(self.codes[k].1.finish())),
                1 => (self.texts[k].0, Arc::new(self.texts[k].1.finish())),
                2 => (self.numbers[k].0, Arc::new(self.numbers[k].1.finish())),
                3 => (self.counts[k].0, Arc::new(self.counts[k].1.finish())),
                _ => (self.years[k].0, Arc::new(self.years[k].1.finish())),
            });
        }
        RecordBatch::try_from_iter(out)
    }
}

/// A row that declares every column (its values are sliced away).
fn placeholder() -> FollowUpRow {
    use sundhedsaftale::geography::{Geography, Level};
    FollowUpRow::without_data(
        String::new(),
        String::new(),
        String::new(),
        Geography::new(Level::Country, "DK"),
        None,
    )
}

/// The rows as one record batch, the readers' columns in `lang`; with no
/// rows, the same columns, empty.
pub fn rows_batch(rows: &[FollowUpRow], figures: &Figures, lang: Lang) -> Result<RecordBatch, ArrowError> {
    if rows.is_empty() {
        return Ok(rows_batch(&[placeholder()], figures, lang)?.slice(0, 0));
    }
    // A place's name as its own rows give it, for the places a hidden cell names.
    let names: std::collections::HashMap<String, &str> = rows
        .iter()
        .filter_map(|r| Some((r.geography.to_string(), r.geography_name.as_deref()?)))
        .collect();
    let name_of = |id: Option<&str>| id.and_then(|id| names.get(id).copied());
    let mut c = Columns::default();
    for r in rows {
        let period = |p: Option<sundhedsaftale::period::Period>| p.map(|p| p.to_string());
        let year = |p: Option<sundhedsaftale::period::Period>| p.map(|p| p.year());
        let progress = r.progress.as_ref();
        let measure = figures.measure(&r.indicator);
        c.code("focus_area", Some(&r.focus_area));
        c.code("focus_area_name", figures.focus_area(&r.focus_area));
        c.code("indicator", Some(&r.indicator));
        c.text("indicator_name", Some(&r.indicator_name));
        c.code("unit", measure.and_then(|(unit, _)| code(&unit)).as_deref());
        c.code("unit_label", measure.map(|(unit, _)| unit.label(lang)));
        c.code("level", code(&r.level).as_deref());
        c.code("level_label", Some(r.level.label(lang)));
        c.code("geography", Some(&r.geography.to_string()));
        c.text("geography_name", r.geography_name.as_deref());
        c.code("stratum", Some(&r.stratum));
        c.code("baseline_period", period(r.baseline_period).as_deref());
        c.year("baseline_year", year(r.baseline_period));
        c.number("baseline_value", r.baseline_value);
        c.code("latest_period", period(r.latest_period).as_deref());
        c.year("latest_year", year(r.latest_period));
        c.number("latest_value", r.latest_value);
        c.number("change", r.change);
        c.number("target_value", r.target_value);
        c.code("target_period", period(r.target_period).as_deref());
        c.year("target_year", year(r.target_period));
        c.code("status", code(&r.status).as_deref());
        c.code("status_label", Some(r.status.label(lang)));
        c.number("score", r.score);
        c.number("coverage", r.coverage);
        c.code("not_scored", r.not_scored.as_ref().and_then(code).as_deref());
        c.code("not_scored_label", r.not_scored.as_ref().map(|n| n.label(lang)));
        c.code("method", progress.and_then(|p| code(&p.method)).as_deref());
        c.number("base_year", progress.map(|p| p.base_year));
        c.number("current_year", progress.map(|p| p.current_year));
        c.number("observed_growth", progress.and_then(|p| p.observed_growth));
        c.number("target_growth", progress.and_then(|p| p.target_growth));
        c.number("x", progress.and_then(|p| p.x));
        c.number("coefficient", progress.map(|p| p.coefficient));
        c.number("threshold_high", progress.map(|p| p.thresholds.high));
        c.number("threshold_medium", progress.map(|p| p.thresholds.medium));
        c.number("threshold_low", progress.map(|p| p.thresholds.low));
        c.code(
            "not_available",
            progress
                .and_then(|p| p.not_available.as_ref())
                .and_then(code)
                .as_deref(),
        );
        c.code(
            "not_available_label",
            progress.and_then(|p| p.not_available.as_ref()).map(|n| n.label(lang)),
        );
        c.count("contributed", u32::try_from(r.contributed).ok());
        c.count("missing_count", u32::try_from(r.missing.len()).ok());
        c.text(
            "missing",
            (!r.missing.is_empty()).then(|| r.missing.join(",")).as_deref(),
        );
        let (kind, threshold, protects, via) = match &r.hidden {
            None => (None, None, None, None),
            Some(h @ Hidden::SmallCount { threshold }) => (Some(h.kind()), Some(*threshold), None, None),
            Some(h @ Hidden::Complementary { protects, via }) => {
                (Some(h.kind()), None, Some(protects.as_str()), Some(via.as_str()))
            }
            // The withheld period is the row's latest period.
            Some(h @ Hidden::Withheld { .. }) => (Some(h.kind()), None, None, None),
        };
        c.code("hidden", kind);
        c.code("hidden_label", r.hidden.as_ref().map(|h| h.label(lang)));
        c.count("hidden_threshold", threshold);
        c.code("hidden_protects", protects);
        c.code("hidden_protects_name", name_of(protects));
        c.code("hidden_via", via);
        c.code("hidden_via_name", name_of(via));
        // In the reader's language, and a reason in words rather than a code.
        c.text("note", sundhedsaftale::figures::note(r, lang).as_deref());
    }
    c.finish()
}

//! A follow-up's rows as one Arrow record batch: one scalar per column, the
//! progress components flattened into columns of their own, codes (focus
//! areas, indicators, places, levels, statuses) dictionary-encoded so that
//! pandas and polars see them as categories.

use std::sync::Arc;

use arrow_array::builder::{Float64Builder, StringBuilder, StringDictionaryBuilder, UInt32Builder};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::ArrowError;
use serde::Serialize;
use sundhedsaftale::aggregate::Hidden;
use sundhedsaftale::annual::FollowUpRow;

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
                _ => (self.counts[k].0, Arc::new(self.counts[k].1.finish())),
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

/// The rows as one record batch; with no rows, the same columns, empty.
pub fn rows_batch(rows: &[FollowUpRow]) -> Result<RecordBatch, ArrowError> {
    if rows.is_empty() {
        return Ok(rows_batch(&[placeholder()])?.slice(0, 0));
    }
    let mut c = Columns::default();
    for r in rows {
        let period = |p: Option<sundhedsaftale::period::Period>| p.map(|p| p.to_string());
        let progress = r.progress.as_ref();
        c.code("focus_area", Some(&r.focus_area));
        c.code("indicator", Some(&r.indicator));
        c.text("indicator_name", Some(&r.indicator_name));
        c.code("level", code(&r.level).as_deref());
        c.code("geography", Some(&r.geography.to_string()));
        c.text("geography_name", r.geography_name.as_deref());
        c.code("stratum", Some(&r.stratum));
        c.code("baseline_period", period(r.baseline_period).as_deref());
        c.number("baseline_value", r.baseline_value);
        c.code("latest_period", period(r.latest_period).as_deref());
        c.number("latest_value", r.latest_value);
        c.number("change", r.change);
        c.number("target_value", r.target_value);
        c.code("target_period", period(r.target_period).as_deref());
        c.code("status", code(&r.status).as_deref());
        c.number("score", r.score);
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
        c.count("contributed", u32::try_from(r.contributed).ok());
        c.count("missing_count", u32::try_from(r.missing.len()).ok());
        c.text(
            "missing",
            (!r.missing.is_empty()).then(|| r.missing.join(",")).as_deref(),
        );
        let (kind, threshold, protects, via) = match &r.hidden {
            None => (None, None, None, None),
            Some(Hidden::SmallCount { threshold }) => (Some("small_count"), Some(*threshold), None, None),
            Some(Hidden::Complementary { protects, via }) => {
                (Some("complementary"), None, Some(protects.as_str()), Some(via.as_str()))
            }
            // The withheld period is the row's latest period.
            Some(Hidden::Withheld { .. }) => (Some("withheld"), None, None, None),
        };
        c.code("hidden", kind);
        c.count("hidden_threshold", threshold);
        c.code("hidden_protects", protects);
        c.code("hidden_via", via);
        c.text("note", r.note.as_deref());
    }
    c.finish()
}

//! Observations: indicator values by place and period, from tidy CSV or JSON.
//!
//! National-scale data runs to millions of rows, so observations are held in
//! a columnar [`ObservationTable`]: indicators, places and disaggregation
//! strata are interned to small integers, and absent numbers are NaN. A row
//! may give a value, a numerator and denominator, or both (which must then
//! agree). Problems point at the row and column: `/12/value` is the `value`
//! of the 13th data row (the 14th line of a CSV file, after its header).
//!
//! Tidy CSV columns: `indicator`, `geography` (`municipality:851`), `period`
//! (`2021`, `2021Q3`, …), `value`, `numerator`, `denominator`, and the flags
//! `provisional`, `break_in_series`, `suppressed` (`true`/`false`, `1`/`0`, or
//! empty). Any other column is a disaggregation dimension (`sex`, `age_group`),
//! whose empty cells mean the total.
//!
//! ```
//! use sundhedsaftale::observation::{read_csv, Dialect};
//! // Danish spreadsheets: `;` separators and decimal commas, detected from the header.
//! let csv = "indicator;geography;period;value\nx;municipality:851;2024;12,5\n";
//! assert_eq!(Dialect::detect(csv), Dialect::DANISH);
//! assert_eq!(read_csv(csv).unwrap().value[0], 12.5);
//! ```

use crate::ground::hash::HashMap;
use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::indicator::{IndicatorCatalogue, MeasureUnit, UnitDomain};
use crate::ground::period::Period;
use crate::places::geography::{life_words, Geography, Hierarchy};
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Capped, Limits, Pointer, Problem, Problems, Report};
use crate::reading::parse::derived;

derived!(Vec<Observation>);
derived!(Dialect);

#[cfg(feature = "csv")]
mod tidy_csv;
#[cfg(feature = "csv")]
pub(crate) use tidy_csv::{csv_problem, read_csv_leaving, Lines};
#[cfg(feature = "csv")]
pub use tidy_csv::{read_csv, read_csv_with, RowReader};

/// One observation, in its JSON form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The indicator's id.
    pub indicator: String,
    /// The place.
    pub geography: Geography,
    /// The period.
    pub period: Period,
    /// The value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The numerator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<f64>,
    /// The denominator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
    /// Disaggregation values (`{"sex": "k"}`); absent dimensions are totals.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub disaggregation: BTreeMap<String, String>,
    /// Not yet final.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[schemars(extend("default" = false))]
    pub provisional: bool,
    /// The series changes definition from this period on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[schemars(extend("default" = false))]
    pub break_in_series: bool,
    /// Withheld at the source.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[schemars(extend("default" = false))]
    pub suppressed: bool,
}

/// Flag bits.
pub const PROVISIONAL: u8 = 1;
/// See [`PROVISIONAL`].
pub const BREAK_IN_SERIES: u8 = 2;
/// See [`PROVISIONAL`].
pub const SUPPRESSED: u8 = 4;

/// An interner: each distinct value once, referred to by index.
#[derive(Debug, Clone)]
struct Interner<T: std::hash::Hash + Eq + Clone> {
    values: Vec<T>,
    index: HashMap<T, u32>,
}

impl<T: std::hash::Hash + Eq + Clone> Default for Interner<T> {
    fn default() -> Self {
        Interner {
            values: Vec::new(),
            index: HashMap::default(),
        }
    }
}

impl<T: std::hash::Hash + Eq + Clone> Interner<T> {
    fn intern(&mut self, value: &T) -> u32 {
        if let Some(&i) = self.index.get(value) {
            return i;
        }
        let i = self.values.len() as u32;
        self.values.push(value.clone());
        self.index.insert(value.clone(), i);
        i
    }
}

/// A disaggregation stratum: the sorted (dimension, category) pairs; empty for the total.
pub type Stratum = Vec<(String, String)>;

/// Observations held column by column.
#[derive(Debug, Clone, Default)]
pub struct ObservationTable {
    indicators: Interner<String>,
    geographies: Interner<Geography>,
    strata: Interner<Stratum>,
    /// Interned indicator of each row.
    pub indicator: Vec<u32>,
    /// Interned place of each row.
    pub geography: Vec<u32>,
    /// Period of each row.
    pub period: Vec<Period>,
    /// Interned stratum of each row.
    pub stratum: Vec<u32>,
    /// Value of each row (NaN: absent).
    pub value: Vec<f64>,
    /// Numerator of each row (NaN: absent).
    pub numerator: Vec<f64>,
    /// Denominator of each row (NaN: absent).
    pub denominator: Vec<f64>,
    /// Flags of each row ([`PROVISIONAL`], [`BREAK_IN_SERIES`], [`SUPPRESSED`]).
    pub flags: Vec<u8>,
    /// Where the rows came from, so that a problem names the source's own row.
    pub origin: Origin,
}

/// Where a table's rows came from, so that a problem found in a row names
/// the row as its source counts it: paths and messages name the same row.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Origin {
    /// Rows given one by one (a data frame, an Arrow table, rows pushed in
    /// code): row `r` is `/r`, counted from 0 as a JSON Pointer and a data
    /// frame's position count.
    #[default]
    Listed,
    /// A JSON array of observations: row `r` is `/r`, and a disaggregation
    /// is written inside it (`/3/disaggregation/sex`).
    Json,
    /// A sheet (a CSV file, a workbook's sheet): each row's number as a
    /// spreadsheet shows it, 1-based with the header as row 1, and each
    /// field's column. Row 14's `value` is `/14/value`.
    Sheet {
        /// The sheet's row number of each table row.
        rows: Vec<u32>,
        /// The rows of each table row's numerator and denominator, when
        /// other rows than its own give them (a measure column); else empty.
        roles: Vec<[u32; 2]>,
        /// Each field's header as written and its 1-based column number.
        columns: Vec<(String, String, u32)>,
        /// Whether rows are a file's (1-based, the header counted), or a
        /// data frame's positions (from 0).
        in_file: bool,
    },
    /// A JSON-stat cube: each row's index into the cube's `value` array.
    Cube {
        /// The flat index of each table row.
        index: Vec<u32>,
        /// The cells of each row's numerator and denominator, as for a sheet.
        roles: Vec<[u32; 2]>,
    },
}

impl Origin {
    /// Whether other rows than an observation's own give its numerator and
    /// denominator (a long table's measure column).
    pub fn gives_roles_by_rows(&self) -> bool {
        match self {
            Origin::Sheet { roles, .. } | Origin::Cube { roles, .. } => !roles.is_empty(),
            Origin::Listed | Origin::Json => false,
        }
    }
}

/// The source row of table row `r`'s `field`: its numerator's or
/// denominator's own row where other rows gave them.
fn role_row(rows: &[u32], roles: &[[u32; 2]], r: usize, field: &str) -> usize {
    let own = rows.get(r).map_or(r, |&n| n as usize);
    match (field, roles.get(r)) {
        ("numerator", Some(&[n, _])) => n as usize,
        ("denominator", Some(&[_, d])) => d as usize,
        _ => own,
    }
}

/// Where a cell is, as its source counts: the JSON Pointer, the row as the
/// source counts it, and the place in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    /// The JSON Pointer (`/14/value`, `/3/value`, `/value/17`).
    pub pointer: Pointer,
    /// The row as the source counts it (a sheet from 1 with its header; a
    /// list from 0).
    pub row: usize,
    /// The column's header as written.
    pub column: String,
    /// The spreadsheet's cell address (`D14`), for a sheet's column.
    pub cell: Option<String>,
    /// How the source counts: what the row is called in words.
    pub counted: Counted,
}

/// How a source counts its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// A file's rows, 1-based with the header counted: `row 14`.
    InFile,
    /// Listed rows from 0, named by their pointer: `/3`.
    Listed,
    /// A cube's cells, each its own row: `/value/17`.
    Cube,
}

/// A column's letters as a spreadsheet shows them: 1 is A, 27 is AA.
pub fn column_letters(mut number: u32) -> String {
    let mut letters = Vec::new();
    while number > 0 {
        let rest = (number - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        number = (number - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl Spot {
    /// A cell of a sheet: row and column 1-based, as a spreadsheet shows them.
    pub fn sheet(row: usize, header: &str, number: u32) -> Spot {
        Spot {
            pointer: Pointer::root().index(row).key(header),
            row,
            column: header.to_string(),
            cell: (number > 0).then(|| format!("{}{row}", column_letters(number))),
            counted: Counted::InFile,
        }
    }

    /// A field of a listed row (`/3/value`).
    pub fn listed(row: usize, field: &str) -> Spot {
        Spot {
            pointer: Pointer::root().index(row).key(field),
            row,
            column: field.to_string(),
            cell: None,
            counted: Counted::Listed,
        }
    }

    /// Cell `k` of a cube's values (`/value/17`), as `field` of its row.
    pub fn cube(k: usize, field: &str) -> Spot {
        Spot {
            pointer: Pointer::root().key("value").index(k),
            row: k,
            column: field.to_string(),
            cell: None,
            counted: Counted::Cube,
        }
    }

    /// The cell in words, in English and in Danish: ``row 14, column D
    /// (`value`)`` for a sheet (the column's name in backticks, as the file
    /// writes it), the pointer for anything else.
    pub fn words(&self) -> (String, String) {
        match (&self.cell, self.counted) {
            (Some(cell), _) => {
                let letters = cell.trim_end_matches(|c: char| c.is_ascii_digit());
                (
                    format!("row {}, column {letters} (`{}`)", self.row, self.column),
                    format!("række {}, kolonne {letters} (`{}`)", self.row, self.column),
                )
            }
            (None, Counted::InFile) => (
                format!("row {} (`{}`)", self.row, self.column),
                format!("række {} (`{}`)", self.row, self.column),
            ),
            (None, _) => (self.pointer.to_string(), self.pointer.to_string()),
        }
    }

    /// The row in words (`row 14`, `række 14`; the pointer to a listed row).
    pub fn row_words(&self) -> (String, String) {
        let row = match self.counted {
            Counted::InFile => return (format!("row {}", self.row), format!("række {}", self.row)),
            Counted::Listed => Pointer::root().index(self.row).to_string(),
            Counted::Cube => self.pointer.to_string(),
        };
        (row.clone(), row)
    }

    /// A problem at this cell: the pointer as path, and `row`, `column`,
    /// `cell` and the place in words (`at`, `at_da`) in its context.
    pub fn problem(&self, code: Code, mut context: BTreeMap<String, serde_json::Value>) -> Problem {
        let (en, da) = self.words();
        context.insert("row".into(), serde_json::json!(self.row));
        context.insert("column".into(), serde_json::json!(self.column));
        if let Some(cell) = &self.cell {
            context.insert("cell".into(), serde_json::json!(cell));
        }
        let place = (self.cell.is_some() || self.counted == Counted::InFile).then(|| (en.clone(), da.clone()));
        context.insert("at".into(), serde_json::json!(en));
        context.insert("at_da".into(), serde_json::json!(da));
        let mut problem = Problem::with_context(code, self.pointer.clone(), context);
        // A message says where in the file as the path does: where its text
        // does not (`{at}`), the row and column lead it.
        if let Some((en, da)) = place.filter(|_| !code.template(crate::ground::lang::Lang::En).contains("{at}")) {
            let lead = |words: &str, message: &str| {
                let mut chars = words.chars();
                let first = chars
                    .next()
                    .map(|c| c.to_uppercase().collect::<String>())
                    .unwrap_or_default();
                format!("{first}{}: {message}", chars.as_str())
            };
            problem.message.en = lead(&en, &problem.message.en);
            problem.message.da = lead(&da, &problem.message.da);
        }
        problem
    }
}

impl ObservationTable {
    /// An empty table.
    pub fn new() -> ObservationTable {
        ObservationTable::default()
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.indicator.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.indicator.is_empty()
    }

    /// Reserves room for `n` more rows.
    pub fn reserve(&mut self, n: usize) {
        self.indicator.reserve(n);
        self.geography.reserve(n);
        self.period.reserve(n);
        self.stratum.reserve(n);
        self.value.reserve(n);
        self.numerator.reserve(n);
        self.denominator.reserve(n);
        self.flags.reserve(n);
    }

    /// Appends `other`'s rows, its ids interned again here: the same table
    /// as reading both parts in one go.
    #[cfg(feature = "parallel")]
    pub(crate) fn append(&mut self, other: ObservationTable) {
        let indicators: Vec<u32> = other
            .indicators
            .values
            .iter()
            .map(|v| self.indicators.intern(v))
            .collect();
        let places: Vec<u32> = other
            .geographies
            .values
            .iter()
            .map(|g| self.geographies.intern(g))
            .collect();
        let strata: Vec<u32> = other.strata.values.iter().map(|s| self.strata.intern(s)).collect();
        self.reserve(other.len());
        self.indicator
            .extend(other.indicator.iter().map(|&i| indicators[i as usize]));
        self.geography
            .extend(other.geography.iter().map(|&g| places[g as usize]));
        self.stratum.extend(other.stratum.iter().map(|&s| strata[s as usize]));
        self.period.extend_from_slice(&other.period);
        self.value.extend_from_slice(&other.value);
        self.numerator.extend_from_slice(&other.numerator);
        self.denominator.extend_from_slice(&other.denominator);
        self.flags.extend_from_slice(&other.flags);
        if let (Origin::Sheet { rows, .. }, Origin::Sheet { rows: more, .. }) = (&mut self.origin, other.origin) {
            rows.extend(more);
        }
    }

    /// Interns an indicator id.
    pub fn intern_indicator(&mut self, id: &str) -> u32 {
        self.indicators.intern(&id.to_string())
    }

    /// Interns a place.
    pub fn intern_geography(&mut self, g: &Geography) -> u32 {
        self.geographies.intern(g)
    }

    /// Interns a stratum (sorted by dimension first).
    pub fn intern_stratum(&mut self, s: &Stratum) -> u32 {
        let mut sorted = s.clone();
        sorted.sort();
        self.strata.intern(&sorted)
    }

    /// Appends a row of interned keys.
    #[allow(clippy::too_many_arguments)]
    pub fn push_row(
        &mut self,
        indicator: u32,
        geography: u32,
        period: Period,
        stratum: u32,
        value: Option<f64>,
        numerator: Option<f64>,
        denominator: Option<f64>,
        flags: u8,
    ) {
        self.indicator.push(indicator);
        self.geography.push(geography);
        self.period.push(period);
        self.stratum.push(stratum);
        self.value.push(value.unwrap_or(f64::NAN));
        self.numerator.push(numerator.unwrap_or(f64::NAN));
        self.denominator.push(denominator.unwrap_or(f64::NAN));
        self.flags.push(flags);
    }

    /// Appends an observation.
    pub fn push(&mut self, o: &Observation) {
        let i = self.intern_indicator(&o.indicator);
        let g = self.intern_geography(&o.geography);
        let s = self.intern_stratum(&o.disaggregation.clone().into_iter().collect());
        let flag = |set: bool, bit: u8| if set { bit } else { 0 };
        let flags = flag(o.provisional, PROVISIONAL)
            | flag(o.break_in_series, BREAK_IN_SERIES)
            | flag(o.suppressed, SUPPRESSED);
        self.push_row(i, g, o.period, s, o.value, o.numerator, o.denominator, flags);
    }

    /// The indicator id behind an interned index.
    pub fn indicator_id(&self, i: u32) -> &str {
        &self.indicators.values[i as usize]
    }

    /// How many distinct indicators the table holds (interned ids are `0..count`).
    pub fn indicator_count(&self) -> usize {
        self.indicators.values.len()
    }

    /// How many distinct strata the table holds (interned ids are `0..count`).
    pub fn strata_count(&self) -> usize {
        self.strata.values.len()
    }

    /// How many distinct places the table holds.
    pub fn geography_count(&self) -> usize {
        self.geographies.values.len()
    }

    /// The place behind an interned index.
    pub fn geography_of(&self, i: u32) -> &Geography {
        &self.geographies.values[i as usize]
    }

    /// The stratum behind an interned index.
    pub fn stratum_of(&self, i: u32) -> &Stratum {
        &self.strata.values[i as usize]
    }

    /// Row `r`'s row as its source counts it (a file's line, a listed
    /// position, a cube's cell), without building its [`Spot`].
    fn source_row(&self, r: usize) -> usize {
        match &self.origin {
            Origin::Listed | Origin::Json => r,
            Origin::Sheet { rows, .. } => rows.get(r).map_or(r, |&n| n as usize),
            Origin::Cube { index, .. } => index.get(r).map_or(r, |&k| k as usize),
        }
    }

    /// Where row `r`'s `field` came from (`field` is `indicator`,
    /// `geography`, `period`, `value`, `numerator`, `denominator`, a flag or
    /// a dimension), as its source counts rows and names columns.
    pub fn spot(&self, r: usize, field: &str) -> Spot {
        match &self.origin {
            Origin::Listed => Spot::listed(r, field),
            Origin::Json => {
                let mut spot = Spot::listed(r, field);
                if !KNOWN_FIELDS.contains(&field) {
                    spot.pointer = Pointer::root().index(r).key("disaggregation").key(field);
                }
                spot
            }
            Origin::Sheet {
                rows,
                roles,
                columns,
                in_file,
            } => {
                let row = role_row(rows, roles, r, field);
                let (header, number) = columns
                    .iter()
                    .find(|(f, _, _)| f == field)
                    .map_or((field, 0), |(_, h, n)| (h.as_str(), *n));
                match in_file {
                    true => Spot::sheet(row, header, number),
                    false => Spot::listed(row, header),
                }
            }
            Origin::Cube { index, roles } => Spot::cube(role_row(index, roles, r, field), field),
        }
    }

    /// A problem at row `r`'s `field`: see [`ObservationTable::spot`].
    pub(crate) fn problem(
        &self,
        code: Code,
        r: usize,
        field: &str,
        context: BTreeMap<String, serde_json::Value>,
    ) -> Problem {
        self.spot(r, field).problem(code, context)
    }

    /// Row `r` as an [`Observation`].
    pub fn row(&self, r: usize) -> Observation {
        let opt = |x: f64| (!x.is_nan()).then_some(x);
        Observation {
            indicator: self.indicator_id(self.indicator[r]).to_string(),
            geography: self.geography_of(self.geography[r]).clone(),
            period: self.period[r],
            value: opt(self.value[r]),
            numerator: opt(self.numerator[r]),
            denominator: opt(self.denominator[r]),
            disaggregation: self.stratum_of(self.stratum[r]).iter().cloned().collect(),
            provisional: self.flags[r] & PROVISIONAL != 0,
            break_in_series: self.flags[r] & BREAK_IN_SERIES != 0,
            suppressed: self.flags[r] & SUPPRESSED != 0,
        }
    }
}

/// The fields every observation has; any other is a disaggregation dimension.
pub(crate) const KNOWN_FIELDS: &[&str] = &[
    "indicator",
    "geography",
    "period",
    "value",
    "numerator",
    "denominator",
    "provisional",
    "break_in_series",
    "suppressed",
];

/// How a CSV file is written: its separator and its decimal mark.
///
/// Danish spreadsheets and statistical downloads separate with `;` and write
/// `12,5` for 12.5; [`Dialect::detect`] recognises them from the header line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dialect {
    /// The field separator: `,` or `;` (or any single ASCII character).
    pub separator: char,
    /// Whether numbers use a decimal comma (`12,5`), with `.` grouping thousands.
    pub decimal_comma: bool,
}

impl Dialect {
    /// Comma-separated, decimal point: the tidy-data default.
    pub const COMMA: Dialect = Dialect {
        separator: ',',
        decimal_comma: false,
    };

    /// Semicolon-separated, decimal comma: how Danish spreadsheets export.
    pub const DANISH: Dialect = Dialect {
        separator: ';',
        decimal_comma: true,
    };

    /// The dialect the header line suggests: semicolons and no commas, or
    /// more semicolons than commas, mean the Danish dialect.
    ///
    /// ```
    /// use sundhedsaftale::observation::Dialect;
    /// assert_eq!(Dialect::detect("indicator;geography;period;value\nx;region:1081;2024;12,5"), Dialect::DANISH);
    /// assert_eq!(Dialect::detect("indicator,geography,period,value"), Dialect::COMMA);
    /// ```
    pub fn detect(text: &str) -> Dialect {
        let header = text.lines().next().unwrap_or("");
        let count = |c: char| header.chars().filter(|x| *x == c).count();
        if count(';') > count(',') {
            Dialect::DANISH
        } else {
            Dialect::COMMA
        }
    }

    /// A number as this dialect writes it, in Rust's form (`1.234,5` → `1234.5`).
    #[cfg(feature = "csv")]
    pub(crate) fn normalise<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if !self.decimal_comma {
            return std::borrow::Cow::Borrowed(text);
        }
        std::borrow::Cow::Owned(text.replace('.', "").replace(',', "."))
    }
}

/// The text formats observations come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Tidy CSV with a header row.
    Csv,
    /// A JSON array of [`Observation`]s.
    Json,
}

impl Format {
    /// The format a file name suggests: `.json` is JSON, anything else CSV.
    pub fn from_path(path: &str) -> Format {
        if path.to_ascii_lowercase().ends_with(".json") {
            Format::Json
        } else {
            Format::Csv
        }
    }
}

/// Reads observations in either format; CSV in the dialect its header suggests.
pub fn read(text: &str, format: Format) -> Result<ObservationTable, Problems> {
    read_in(text, format, None)
}

/// Reads observations in either format; CSV in `dialect`, or the one its
/// header suggests when `None`. Without the `csv` feature, CSV gives one
/// `feature_disabled` problem.
pub fn read_in(text: &str, format: Format, dialect: Option<Dialect>) -> Result<ObservationTable, Problems> {
    match format {
        Format::Csv => read_csv_in(text, dialect),
        Format::Json => read_json(text),
    }
}

#[cfg(feature = "csv")]
fn read_csv_in(text: &str, dialect: Option<Dialect>) -> Result<ObservationTable, Problems> {
    read_csv_with(text, dialect.unwrap_or_else(|| Dialect::detect(text)))
}

#[cfg(not(feature = "csv"))]
fn read_csv_in(_: &str, _: Option<Dialect>) -> Result<ObservationTable, Problems> {
    Err(Problems(vec![Problem::with_context(
        Code::FeatureDisabled,
        Pointer::root(),
        ctx!("format" => "CSV", "feature" => "csv"),
    )]))
}

/// Reads a JSON array of observations.
pub fn read_json(text: &str) -> Result<ObservationTable, Problems> {
    let rows: Vec<Observation> = crate::reading::parse::parse_json(text)?;
    let mut table = ObservationTable::new();
    table.origin = Origin::Json;
    table.reserve(rows.len());
    for o in &rows {
        table.push(o);
    }
    Ok(table)
}

/// Each repeated row (same indicator, place, period and stratum as an
/// earlier one) with the first row it repeats. Rows are grouped by series
/// with a counting sort over the interned ids, then each series' periods are
/// sorted: no per-row hashing of the whole key, and memory linear in rows.
fn first_duplicates(table: &ObservationTable) -> HashMap<usize, usize> {
    let n = table.len();
    let (indicators, places, strata) = (
        table.indicators.values.len(),
        table.geographies.values.len(),
        table.strata.values.len(),
    );
    // Dense series ids when the id space is small (the normal case), else
    // ids handed out in order of first appearance.
    let dense = indicators
        .checked_mul(places)
        .and_then(|x| x.checked_mul(strata))
        .filter(|&x| x <= 4 * n.max(1024));
    let mut assigned: HashMap<(u32, u32, u32), usize> = HashMap::default();
    let series: Vec<usize> = (0..n)
        .map(|r| {
            let (i, g, s) = (table.indicator[r], table.geography[r], table.stratum[r]);
            match dense {
                Some(_) => (i as usize * places + g as usize) * strata + s as usize,
                None => {
                    let next = assigned.len();
                    *assigned.entry((i, g, s)).or_insert(next)
                }
            }
        })
        .collect();
    let count = dense.unwrap_or(assigned.len());
    let mut start = vec![0usize; count + 1];
    for &k in &series {
        start[k + 1] += 1;
    }
    for k in 0..count {
        start[k + 1] += start[k];
    }
    let mut order = vec![0usize; n];
    let mut next = start.clone();
    for (r, &k) in series.iter().enumerate() {
        order[next[k]] = r;
        next[k] += 1;
    }
    let mut first_of = HashMap::default();
    for k in 0..count {
        let rows = &mut order[start[k]..start[k + 1]];
        // Rows within a series are in row order; a stable sort by period keeps
        // it. Only equal periods matter here, so the key is the period's
        // identity, not its (slower to compute) calendar order.
        rows.sort_by_key(|&r| table.period[r].identity());
        for pair in 0..rows.len().saturating_sub(1) {
            let (a, b) = (rows[pair], rows[pair + 1]);
            if table.period[a] == table.period[b] {
                let first = first_of.get(&a).copied().unwrap_or(a);
                first_of.insert(b, first);
            }
        }
    }
    first_of
}

/// Checks observations against the indicator catalogue and the hierarchy:
/// unknown indicator or place, a place observed for a period it does not
/// exist in, duplicates, a value that disagrees with its
/// fraction, a period of the wrong type, a row with no number at all, and
/// every value (given, or computed from its fraction) against its unit's
/// [`UnitDomain`]: counts whole and not negative, percentages 0–100, no
/// negative durations, ratios or rates, years within a human life, a rate
/// above its factor a warning.
pub fn check(table: &ObservationTable, catalogue: &IndicatorCatalogue, hierarchy: &Hierarchy) -> Problems {
    check_with(table, SkippedRows::default(), catalogue, hierarchy)
}

/// [`check`] of a table read without the rows in `skipped`, whose problems
/// take their places among the table's rows: the same problems, in the same
/// order, as checking the rows kept.
pub(crate) fn check_with(
    table: &ObservationTable,
    skipped: SkippedRows,
    catalogue: &IndicatorCatalogue,
    hierarchy: &Hierarchy,
) -> Problems {
    // Problems past their code's limit are counted, never built: a file of a
    // million bad rows costs the kept problems' memory, not a million.
    let mut out = Capped::new(Limits::default());
    check_into(table, skipped, catalogue, hierarchy, &mut out);
    out.finish(Limits::default())
}

/// Rows a reader left out because the catalogue defines no indicator of
/// theirs: such a row can only be `unknown_reference` (the check looks at
/// nothing else in it, and it repeats no row of a defined indicator), so
/// keeping it would cost a row of memory for one problem that is counted
/// anyway. The first ones are kept as the problems they are, with the
/// source row each stands at, and the rest only counted: a file of a
/// million rows of an unknown indicator costs the cap, not the rows.
#[derive(Debug, Default)]
pub(crate) struct SkippedRows {
    /// The first rows' problems, each with its row as the source counts it, in order.
    pub(crate) first: Vec<(usize, Problem)>,
    /// How many more rows were left out, counted and never built.
    pub(crate) more: usize,
}

#[cfg(feature = "csv")]
impl SkippedRows {
    /// At most this many are kept: more could never be shown, since one
    /// code's problems are capped at [`Limits::per_code`].
    fn room() -> usize {
        Limits::default().per_code
    }

    /// Whether the next row left out is kept as a problem (else only counted).
    pub(crate) fn wants(&self) -> bool {
        self.first.len() < SkippedRows::room()
    }

    /// `later`'s rows after these: the first ones still kept, the rest counted.
    #[cfg(feature = "parallel")]
    pub(crate) fn append(&mut self, later: SkippedRows) {
        let room = SkippedRows::room().saturating_sub(self.first.len());
        let before = later.first.len();
        self.first.extend(later.first.into_iter().take(room));
        self.more += later.more + before.saturating_sub(room);
    }
}

/// [`check`] into any report, which decides what is built and kept.
fn check_into(
    table: &ObservationTable,
    skipped: SkippedRows,
    catalogue: &IndicatorCatalogue,
    hierarchy: &Hierarchy,
    out: &mut impl Report,
) {
    macro_rules! emit {
        ($code:expr, $row:expr, $field:expr, $context:expr $(,)?) => {
            if out.wants($code) {
                out.keep(table.problem($code, $row, $field, $context));
            } else {
                out.count($code);
            }
        };
    }
    let definitions: Vec<Option<&crate::document::indicator::IndicatorDefinition>> =
        table.indicators.values.iter().map(|id| catalogue.get(id)).collect();
    // Each indicator's unit domain, declared beside its unit, once per indicator.
    let domains: Vec<UnitDomain> = definitions
        .iter()
        .map(|d| d.map_or(MeasureUnit::Ratio.domain(1.0), |d| d.unit.domain(d.factor)))
        .collect();
    let known_places: Vec<bool> = table.geographies.values.iter().map(|g| hierarchy.contains(g)).collect();
    let first_of = first_duplicates(table);
    // Each row left out is reported where it stood, before the first row
    // kept after it, as if it had been read; the rest only add to the count.
    let mut pending = skipped.first.into_iter().peekable();
    for r in 0..table.len() {
        if pending.peek().is_some() {
            let at = table.source_row(r);
            while let Some((_, p)) = pending.next_if(|(row, _)| *row < at) {
                out.keep(p);
            }
        }
        let def = definitions[table.indicator[r] as usize];
        let Some(def) = def else {
            emit!(
                Code::UnknownReference,
                r,
                "indicator",
                ctx!("id" => table.indicator_id(table.indicator[r]), "kind" => "indicator"),
            );
            continue;
        };
        if !known_places[table.geography[r] as usize] {
            emit!(
                Code::UnknownReference,
                r,
                "geography",
                ctx!("id" => table.geography_of(table.geography[r]).to_string(), "kind" => "geography"),
            );
        }
        let (period, place) = (table.period[r], table.geography_of(table.geography[r]));
        if !hierarchy.exists_during(place, period.first_day(), period.last_day()) {
            emit!(Code::PlaceNotInPeriod, r, "geography", {
                let (life, life_da) = life_words(hierarchy.life(place));
                let (when, when_da) = crate::places::geography::when_words(&period.to_string(), false);
                ctx!("geography" => place.to_string(), "name" => hierarchy.name(place).unwrap_or_default(),
                    "period" => period.to_string(), "when" => when, "when_da" => when_da,
                    "life" => life, "life_da" => life_da)
            });
        }
        if let Some(&first) = first_of.get(&r) {
            emit!(Code::DuplicateObservation, r, "indicator", {
                let (en, da) = table.spot(first, "indicator").row_words();
                ctx!("first_row" => table.spot(first, "indicator").row, "first_at" => en, "first_at_da" => da)
            });
        }
        if table.period[r].period_type() != def.period_type {
            emit!(
                Code::WrongPeriodType,
                r,
                "period",
                ctx!("period" => table.period[r].to_string(), "expected" => def.period_type,
                     "expected_da" => crate::ground::lang::Label::label(&def.period_type, crate::ground::lang::Lang::Da)),
            );
        }
        let (v, n, d) = (table.value[r], table.numerator[r], table.denominator[r]);
        let suppressed = table.flags[r] & SUPPRESSED != 0;
        let fraction = (!n.is_nan() && !d.is_nan() && d != 0.0).then(|| n / d * def.factor);
        if v.is_nan() && (n.is_nan() || d.is_nan()) && !suppressed {
            if n.is_nan() && d.is_nan() {
                emit!(Code::MissingValue, r, "value", ctx!());
            } else {
                let (given, missing) = if d.is_nan() {
                    (("numerator", "Tælleren"), ("denominator", "nævneren"))
                } else {
                    (("denominator", "Nævneren"), ("numerator", "tælleren"))
                };
                // A long table has no row for what is missing: name the row that gave the rest.
                let field = if table.origin.gives_roles_by_rows() {
                    given.0
                } else {
                    missing.0
                };
                emit!(
                    Code::IncompleteFraction,
                    r,
                    field,
                    ctx!("given" => given.0, "given_da" => given.1, "missing" => missing.0, "missing_da" => missing.1),
                );
            }
        }
        if let (false, Some(f)) = (v.is_nan(), fraction) {
            let tolerance = 0.5 * 10f64.powi(-i32::from(def.decimals)) + 1e-9;
            if (v - f).abs() > tolerance {
                emit!(Code::ValueMismatch, r, "value", ctx!("value" => v, "computed" => f));
            }
        }
        if !n.is_nan() && !d.is_nan() && d == 0.0 {
            emit!(Code::ZeroDenominator, r, "denominator", ctx!("numerator" => n));
        }
        let domain = &domains[table.indicator[r] as usize];
        for (x, column) in [(n, "numerator"), (d, "denominator")] {
            if x < 0.0 {
                emit!(Code::NegativeCount, r, column, ctx!("count" => x));
            } else if domain.whole_terms && x.is_finite() && x.fract() != 0.0 {
                emit!(Code::CountNotWhole, r, column, ctx!("value" => x));
            }
        }
        if domain.part_of_whole && n > d && d > 0.0 {
            emit!(
                Code::NumeratorAboveDenominator,
                r,
                "numerator",
                ctx!("numerator" => n, "denominator" => d),
            );
        }
        // The value as given, else as its fraction gives it: either must lie
        // in the unit's domain.
        let shown = if v.is_nan() { fraction.unwrap_or(f64::NAN) } else { v };
        for (code, context) in domain.problems(shown) {
            emit!(code, r, "value", context);
        }
    }
    out.keep_all(pending.map(|(_, p)| p));
    out.count_many(Code::UnknownReference, skipped.more);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ground::hash::HashMap;

    /// Counts what a check builds and what it only counts.
    #[derive(Default)]
    struct Counting {
        built: HashMap<Code, usize>,
        counted: HashMap<Code, usize>,
        inner: Capped,
    }

    impl Report for Counting {
        fn wants(&self, code: Code) -> bool {
            self.inner.wants(code)
        }
        fn keep(&mut self, p: Problem) {
            *self.built.entry(p.code).or_insert(0) += 1;
            self.inner.keep(p);
        }
        fn count(&mut self, code: Code) {
            *self.counted.entry(code).or_insert(0) += 1;
            self.inner.count(code);
        }
    }

    #[test]
    fn a_file_of_bad_rows_builds_only_the_problems_kept() {
        let rows = 20_000;
        let mut csv = String::from("indicator,geography,period,value\n");
        for i in 0..rows {
            csv.push_str(&format!("no-such-indicator,municipality:851,2024,{i}\n"));
        }
        let table = read(&csv, Format::Csv).expect("a well-formed CSV");
        let catalogue = IndicatorCatalogue {
            id: "test".into(),
            notes: Vec::new(),
            indicators: Vec::new(),
        };
        let mut report = Counting {
            inner: Capped::new(Limits::default()),
            ..Counting::default()
        };
        check_into(
            &table,
            SkippedRows::default(),
            &catalogue,
            &Hierarchy::new(),
            &mut report,
        );
        let per_code = Limits::default().per_code;
        assert_eq!(report.built.get(&Code::UnknownReference), Some(&per_code));
        assert_eq!(report.counted.get(&Code::UnknownReference), Some(&(rows - per_code)));
        let problems = check(&table, &catalogue, &Hierarchy::new());
        assert_eq!(problems.len(), per_code + 1, "the kept problems and one summary");
        let summary = &problems.0[per_code];
        assert_eq!(summary.code, Code::MoreProblems);
        assert_eq!(summary.context["count"], serde_json::json!(rows - per_code));
    }
}

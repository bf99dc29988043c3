//! How a published table maps onto an indicator, declared once.
//!
//! A mapping names the table's columns by their role: the place, the period,
//! the value (or the numerator and denominator, in their own columns or as
//! categories of one measure column), the columns that are strata with how
//! their categories map onto the agreement's declared ones (`null` for the
//! total), and the columns whose other categories are left out (`keep`).
//! Every other column must hold one category only: a column with several
//! that the mapping does not mention would make rows repeat one another.
//!
//! ```
//! use sundhedsaftale::published::mapping::SourceMapping;
//! let mapping: SourceMapping = sundhedsaftale::parse_json(r#"{
//!     "table": "SYNT1", "indicator": "genindlaeggelser-30-dage",
//!     "place": "OMRÅDE", "period": "TID",
//!     "measure": {"column": "ENHED", "numerator": "GENIND", "denominator": "UDSKR"},
//!     "strata": [{"column": "KØN", "dimension": "sex", "categories": {"M": "mænd", "K": "kvinder", "TOT": null}}],
//!     "keep": {"ALDER": ["TOT"]}
//! }"#).unwrap();
//! assert!(mapping.check().is_empty());
//! ```

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::indicator::IndicatorCatalogue;
use crate::document::strata::undeclared;
use crate::engine::observation::{ObservationTable, Origin, Stratum, SUPPRESSED};
use crate::ground::fold::nearest;
use crate::ground::hash::HashMap;
use crate::ground::period::Period;
use crate::places::directory::region_not_in;
use crate::places::written::read_place;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Collector, Limits, Pointer, Problem, Problems};
use crate::reading::parse::derived;

use super::{published_number, Cell, NumberError, Rows, Sheet};

derived!(SourceMapping);

/// How a published table maps onto one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceMapping {
    /// The published table's id (Statistics Denmark's `DODA1`, a portal's
    /// file name), as its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// The indicator every row of the table is of.
    pub indicator: String,
    /// The place's column (codes such as `851`, `081`, `000`, or names).
    pub place: String,
    /// The period's column (`2024`, `2024K1`, `2024M01`, …).
    pub period: String,
    /// The value's column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The numerator's column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<String>,
    /// The denominator's column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<String>,
    /// A column whose categories say what each row's value is (Statistics
    /// Denmark's long form: one row for the count, one for the population).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    /// Columns that are strata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strata: Vec<StratumColumn>,
    /// Columns whose rows are kept only for these categories (`{"ALDER": ["TOT"]}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keep: BTreeMap<String, Vec<String>>,
    /// A workbook's sheet, by name (when left out, the first sheet whose
    /// header has the place and period columns, else the first sheet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

/// A column whose categories say what each row's value is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The column.
    pub column: String,
    /// The category whose rows give the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The category whose rows give the numerator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<String>,
    /// The category whose rows give the denominator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<String>,
    /// The value column, when the table has one (a cube has its values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<String>,
}

/// A column that is a stratum, and how its categories map onto the agreement's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StratumColumn {
    /// The column.
    pub column: String,
    /// The agreement's dimension (`sex`).
    pub dimension: String,
    /// Each category as the table writes it, mapped onto the agreement's
    /// category, or `null` for the total.
    pub categories: BTreeMap<String, Option<String>>,
}

/// What each row's numbers are, resolved against a sheet.
enum Numbers {
    /// Columns for value, numerator, denominator.
    Wide([Option<usize>; 3]),
    /// The measure column, its roles' categories, and the values' column.
    Long {
        column: usize,
        roles: [Option<String>; 3],
        values: usize,
    },
}

/// The three numbers' names, in their order.
const ROLES: [&str; 3] = ["value", "numerator", "denominator"];

impl SourceMapping {
    /// The mapping's own problems: how the value is given (a value, a
    /// numerator and denominator, or a measure; not several ways at once),
    /// and a column or dimension mapped twice.
    pub fn check(&self) -> Problems {
        let mut out = Vec::new();
        let wide = [&self.value, &self.numerator, &self.denominator];
        let fraction = self.numerator.is_some() == self.denominator.is_some();
        let ways = usize::from(self.value.is_some() || self.numerator.is_some()) + usize::from(self.measure.is_some());
        if ways != 1 || !fraction {
            let mut given = named_roles(wide);
            given.extend(self.measure.as_ref().map(|_| "measure"));
            out.push(Problem::with_context(
                Code::MappingValueColumns,
                "",
                given_context(&given),
            ));
        }
        if let Some(m) = &self.measure {
            let fraction = m.numerator.is_some() == m.denominator.is_some();
            if !(fraction && (m.value.is_some() || m.numerator.is_some())) {
                let given = named_roles([&m.value, &m.numerator, &m.denominator]);
                out.push(Problem::with_context(
                    Code::MappingValueColumns,
                    "/measure",
                    given_context(&given),
                ));
            }
        }
        // `keep` filters rows, so it may name a column that has a role too
        // (some of a stratum's categories, some measures); roles may not repeat.
        let mut seen: Vec<(&str, String)> = Vec::new();
        for (column, at) in self.role_columns() {
            match seen.iter().find(|(c, _)| *c == column) {
                Some((_, first)) => out.push(Problem::with_context(
                    Code::ColumnMappedTwice,
                    at.clone(),
                    ctx!("column" => column, "first" => first.clone()),
                )),
                None => seen.push((column, at.to_string())),
            }
        }
        for (i, s) in self.strata.iter().enumerate() {
            if let Some(first) = self.strata[..i].iter().position(|t| t.dimension == s.dimension) {
                out.push(Problem::with_context(
                    Code::ColumnMappedTwice,
                    Pointer::root().key("strata").index(i).key("dimension"),
                    ctx!("column" => s.dimension, "first" => format!("/strata/{first}/dimension")),
                ));
            }
        }
        Problems(out).in_document("mapping")
    }

    /// The mapping against an agreement's indicators: the indicator is one
    /// of them, each stratum is a dimension it has (where it declares its
    /// dimensions), and each category maps onto one its dimension declares
    /// (with the category it most likely means).
    ///
    /// ```
    /// use sundhedsaftale::published::mapping::SourceMapping;
    /// let mut a = sundhedsaftale::nordjylland_2024();
    /// a.indicators[0].strata = serde_json::from_str(
    ///     r#"[{"dimension": "sex", "categories": [{"code": "kvinder", "name": "Kvinder"}]}]"#).unwrap();
    /// let m: SourceMapping = sundhedsaftale::parse_json(r#"{"indicator": "genindlaeggelser-30-dage",
    ///     "place": "OMRÅDE", "period": "TID", "value": "INDHOLD",
    ///     "strata": [{"column": "KØN", "dimension": "Sex", "categories": {"K": "kvinder"}}]}"#).unwrap();
    /// let problems = m.check_against(&a.indicator_catalogue().0);
    /// let p = problems.iter().next().unwrap();
    /// assert_eq!((p.code.as_str(), p.path.as_str()), ("unknown_stratum", "/strata/0/dimension"));
    /// assert_eq!(p.context["did_you_mean"], "sex");
    /// assert!(p.message.da.ends_with("Mente du `sex`?"), "{}", p.message.da);
    /// ```
    pub fn check_against(&self, catalogue: &IndicatorCatalogue) -> Problems {
        let mut out = self.check().0;
        let Some(def) = catalogue.get(&self.indicator) else {
            out.push(Problem::with_context(
                Code::UnknownReference,
                "/indicator",
                ctx!("id" => self.indicator, "kind" => "indicator"),
            ));
            return Problems(out).in_document("mapping");
        };
        for (i, s) in self.strata.iter().enumerate() {
            let Some(v) = def.stratification(&s.dimension) else {
                if let Some(context) = def.unknown_dimension(&s.dimension) {
                    let at = Pointer::root().key("strata").index(i).key("dimension");
                    out.push(Problem::with_context(Code::UnknownStratum, at, context));
                }
                continue;
            };
            for (written, category) in &s.categories {
                if let Some(c) = category.as_deref().filter(|c| !v.declares(c)) {
                    out.push(Problem::with_context(
                        Code::UndeclaredCategory,
                        Pointer::root().key("strata").index(i).key("categories").key(written),
                        undeclared(&self.indicator, v, c),
                    ));
                }
            }
        }
        Problems(out).in_document("mapping")
    }

    /// Every column the mapping gives a role, with the pointer that names it
    /// (`keep`'s filters are not roles).
    fn role_columns(&self) -> Vec<(&str, Pointer)> {
        let root = Pointer::root();
        let mut out = vec![
            (self.place.as_str(), root.key("place")),
            (self.period.as_str(), root.key("period")),
        ];
        for (role, column) in ROLES.iter().zip([&self.value, &self.numerator, &self.denominator]) {
            if let Some(c) = column {
                out.push((c.as_str(), root.key(role)));
            }
        }
        if let Some(m) = &self.measure {
            out.push((m.column.as_str(), root.key("measure").key("column")));
            if let Some(v) = &m.values {
                out.push((v.as_str(), root.key("measure").key("values")));
            }
        }
        for (i, s) in self.strata.iter().enumerate() {
            out.push((s.column.as_str(), root.key("strata").index(i).key("column")));
        }
        out
    }

    /// Reads `sheet` into observations of the mapping's indicator, or says
    /// every problem: the mapping's own, a column it names that the sheet
    /// lacks (with the one it most likely means), a column with several
    /// categories it does not mention, and each cell that is not a place, a
    /// period, a mapped category or a number. A problem in a cell names the
    /// file's row and column. `..` is a suppressed observation; a row whose
    /// numbers are all empty is no observation.
    pub fn read(&self, sheet: &Sheet) -> Result<ObservationTable, Problems> {
        let own = self.check();
        if !own.is_empty() {
            return Err(own);
        }
        let mut columns = Columns {
            sheet,
            missing: Vec::new(),
            cube_values: match sheet.rows {
                Rows::Cube(_) => sheet.columns.len().checked_sub(1),
                Rows::Numbered(_) | Rows::Listed => None,
            },
        };
        let root = Pointer::root();
        let place = columns.find(&self.place, root.key("place"));
        let period = columns.find(&self.period, root.key("period"));
        let cube_values = columns.cube_values;
        let numbers = match &self.measure {
            Some(m) => {
                let column = columns.find(&m.column, root.key("measure").key("column"));
                let values = match &m.values {
                    Some(v) => columns.values(v, root.key("measure").key("values")),
                    None => cube_values.or_else(|| {
                        let (found, problem) = self.values_column(sheet);
                        columns.missing.extend(problem);
                        found
                    }),
                };
                match (column, values) {
                    (Some(column), Some(values)) => Some(Numbers::Long {
                        column,
                        roles: [m.value.clone(), m.numerator.clone(), m.denominator.clone()],
                        values,
                    }),
                    _ => None,
                }
            }
            None => {
                let mut found = [None; 3];
                for (k, (role, name)) in ROLES
                    .iter()
                    .zip([&self.value, &self.numerator, &self.denominator])
                    .enumerate()
                {
                    if let Some(name) = name {
                        found[k] = Some(columns.values(name, root.key(role)));
                    }
                }
                found
                    .iter()
                    .all(|c| c.is_none_or(|c| c.is_some()))
                    .then(|| Numbers::Wide(found.map(Option::flatten)))
            }
        };
        let strata: Vec<Option<usize>> = self
            .strata
            .iter()
            .enumerate()
            .map(|(i, s)| columns.find(&s.column, root.key("strata").index(i).key("column")))
            .collect();
        let keep: Vec<(Option<usize>, &Vec<String>)> = self
            .keep
            .iter()
            .map(|(c, allowed)| (columns.find(c, root.key("keep").key(c)), allowed))
            .collect();
        let (Some(place), Some(period), Some(numbers), true) = (
            place,
            period,
            numbers,
            columns.missing.is_empty() && strata.iter().all(Option::is_some),
        ) else {
            return Err(Problems(columns.missing));
        };
        let strata: Vec<usize> = strata.into_iter().flatten().collect();
        let keep: Vec<(usize, &Vec<String>)> = keep.into_iter().filter_map(|(c, a)| Some((c?, a))).collect();
        let mut used: Vec<usize> = vec![place, period];
        used.extend(&strata);
        used.extend(keep.iter().map(|(c, _)| *c));
        match &numbers {
            Numbers::Wide(columns) => used.extend(columns.iter().flatten()),
            Numbers::Long { column, values, .. } => used.extend([*column, *values]),
        }
        let unmentioned = self.unmentioned(sheet, &used);
        if !unmentioned.is_empty() {
            return Err(Problems(unmentioned));
        }
        Reading::new(self, sheet, numbers, strata, keep).run()
    }

    /// A long table's value column when the mapping does not name it: the
    /// one column it does not mention that holds numbers (or `..`), as
    /// StatBank's INDHOLD does; else a problem listing the columns that could
    /// be it.
    fn values_column(&self, sheet: &Sheet) -> (Option<usize>, Option<Problem>) {
        let named: Vec<&str> = self
            .role_columns()
            .into_iter()
            .map(|(c, _)| c)
            .chain(self.keep.keys().map(String::as_str))
            .collect();
        // A column holding any number (or `..`): a bad cell in the value
        // column is that cell's problem, not a reason to look elsewhere.
        let numeric = |c: usize| {
            sheet.cells.iter().any(|row| match row.get(c).unwrap_or(&Cell::Empty) {
                Cell::Number(_) => true,
                Cell::Empty => false,
                Cell::Text(t) => {
                    let t = t.trim();
                    t == ".." || !matches!(published_number(t), Err(NumberError::NotANumber))
                }
            })
        };
        let candidates: Vec<usize> = (0..sheet.columns.len())
            .filter(|&c| !named.contains(&sheet.columns[c].as_str()) && numeric(c))
            .collect();
        match candidates.as_slice() {
            [only] => (Some(*only), None),
            _ => {
                let names: Vec<&str> = candidates.iter().map(|&c| sheet.columns[c].as_str()).collect();
                let mut context = ctx!("count" => names.len(), "document" => "mapping");
                match names.is_empty() {
                    true => context.extend(ctx!("columns" => "none", "columns_da" => "ingen")),
                    false => context.extend(ctx!("columns" => names.join(", "))),
                }
                let at = Pointer::root().key("measure").key("values");
                (
                    None,
                    Some(Problem::with_context(Code::MeasureValuesUnknown, at, context)),
                )
            }
        }
    }

    /// Each column the mapping does not mention that holds several categories.
    fn unmentioned(&self, sheet: &Sheet, used: &[usize]) -> Vec<Problem> {
        let mut out = Vec::new();
        for column in (0..sheet.columns.len()).filter(|c| !used.contains(c)) {
            let mut categories: Vec<String> = Vec::new();
            for row in &sheet.cells {
                let text = row.get(column).map_or(std::borrow::Cow::Borrowed(""), Cell::text);
                if !categories.iter().any(|c| *c == text) {
                    categories.push(text.into_owned());
                    if categories.len() > 5 {
                        break;
                    }
                }
            }
            if categories.len() > 1 {
                out.push(Problem::with_context(
                    Code::ColumnNotMapped,
                    "/strata",
                    ctx!("column" => sheet.columns[column], "categories" => categories.join(", "),
                        "document" => "mapping"),
                ));
            }
        }
        out
    }
}

/// The names of the three roles that are given.
fn named_roles(given: [&Option<String>; 3]) -> Vec<&'static str> {
    ROLES
        .iter()
        .zip(given)
        .filter(|(_, c)| c.is_some())
        .map(|(r, _)| *r)
        .collect()
}

/// What a mapping gives of the value, in words: the fields in backticks, or nothing.
fn given_context(given: &[&str]) -> std::collections::BTreeMap<String, serde_json::Value> {
    let fields: Vec<String> = given.iter().map(|g| format!("`{g}`")).collect();
    match fields.is_empty() {
        true => ctx!("given" => "nothing", "given_da" => "intet"),
        false => ctx!("given" => fields.join(", ")),
    }
}

/// A sheet's columns found by the names a mapping gives them, and every
/// name that finds none.
struct Columns<'s> {
    sheet: &'s Sheet,
    missing: Vec<Problem>,
    /// A cube's value column.
    cube_values: Option<usize>,
}

impl Columns<'_> {
    /// The column named `column`, or a problem at `at` (with the column it
    /// most likely means).
    fn find(&mut self, column: &str, at: Pointer) -> Option<usize> {
        let sheet = self.sheet;
        let found = sheet.columns.iter().position(|c| c == column);
        if found.is_none() {
            let mut context = ctx!("column" => column, "columns" => sheet.columns.join(", "), "document" => "mapping");
            if let Some(near) = nearest(column, sheet.columns.iter().map(String::as_str)) {
                context.insert("did_you_mean".into(), serde_json::json!(near));
            }
            self.missing
                .push(Problem::with_context(Code::MappingColumnMissing, at, context));
        }
        found
    }

    /// The column of values named `column`: a cube's values are its one
    /// value column, whatever the mapping calls it.
    fn values(&mut self, column: &str, at: Pointer) -> Option<usize> {
        match self.cube_values {
            Some(v) if !self.sheet.columns.iter().any(|c| c == column) => Some(v),
            _ => self.find(column, at),
        }
    }
}

/// One reading of a sheet through a mapping.
struct Reading<'m> {
    mapping: &'m SourceMapping,
    sheet: &'m Sheet,
    numbers: Numbers,
    strata: Vec<usize>,
    keep: Vec<(usize, &'m Vec<String>)>,
    table: ObservationTable,
    problems: Collector,
    /// Each place text read once: its interned place, or its problem's code and context.
    places: HashMap<String, Result<u32, (Code, Context)>>,
    /// Each period text read once: the period, or what is wrong with it.
    periods: HashMap<String, Result<Period, crate::ground::period::PeriodError>>,
    /// Each observation's key, and its table row (a long table's rows complete it).
    rows_of: HashMap<(u32, Period, u32), usize>,
    /// The sheet rows of each table row: the row that began it, and the row
    /// that gave each of its numbers.
    given: Vec<Given>,
}

/// The sheet rows an observation came from.
struct Given {
    row: usize,
    roles: [Option<usize>; 3],
}

type Context = BTreeMap<String, serde_json::Value>;

impl<'m> Reading<'m> {
    fn new(
        mapping: &'m SourceMapping,
        sheet: &'m Sheet,
        numbers: Numbers,
        strata: Vec<usize>,
        keep: Vec<(usize, &'m Vec<String>)>,
    ) -> Self {
        Reading {
            mapping,
            sheet,
            numbers,
            strata,
            keep,
            table: ObservationTable::new(),
            problems: Collector::new(Limits::default()),
            places: HashMap::default(),
            periods: HashMap::default(),
            rows_of: HashMap::default(),
            given: Vec::new(),
        }
    }

    /// The text of cell `column` of row `r`.
    fn text(&self, r: usize, column: usize) -> std::borrow::Cow<'m, str> {
        self.sheet.cells[r]
            .get(column)
            .map_or(std::borrow::Cow::Borrowed(""), Cell::text)
    }

    /// Whether a cell whose text is `text` is `wanted`, as written or by the
    /// cube's label for it (asked only when the text itself is not).
    fn is(&self, column: usize, text: &str, wanted: &str) -> bool {
        wanted == text || self.sheet.label(column, text) == Some(wanted)
    }

    fn run(mut self) -> Result<ObservationTable, Problems> {
        let indicator = self.table.intern_indicator(&self.mapping.indicator);
        let sheet = self.sheet;
        'rows: for r in 0..sheet.cells.len() {
            for (column, allowed) in &self.keep {
                let text = self.text(r, *column);
                if !allowed.iter().any(|a| self.is(*column, &text, a)) {
                    continue 'rows;
                }
            }
            let before = self.problems.seen();
            let period = self.period(r);
            let place = self.place(r, period);
            let stratum = self.stratum(r);
            let numbers = self.numbers(r);
            if self.problems.seen() > before {
                continue;
            }
            let (Some(place), Some(period), Some(stratum), Some((role, numbers, suppressed))) =
                (place, period, stratum, numbers)
            else {
                continue;
            };
            let flags = if suppressed { SUPPRESSED } else { 0 };
            let Some(k) = role else {
                // A row of its own: every number the row gives.
                if numbers.iter().all(Option::is_none) && !suppressed {
                    continue;
                }
                self.table.push_row(
                    indicator, place, period, stratum, numbers[0], numbers[1], numbers[2], flags,
                );
                self.given.push(Given {
                    row: r,
                    roles: [None; 3],
                });
                continue;
            };
            // One number of an observation that other rows complete.
            if numbers[k].is_none() && !suppressed {
                continue;
            }
            let row = *self.rows_of.entry((place, period, stratum)).or_insert_with(|| {
                self.table
                    .push_row(indicator, place, period, stratum, None, None, None, 0);
                self.given.push(Given {
                    row: r,
                    roles: [None; 3],
                });
                self.given.len() - 1
            });
            if let Some(first) = self.given[row].roles[k] {
                let values = match self.numbers {
                    Numbers::Long { values, .. } => values,
                    Numbers::Wide(_) => 0,
                };
                let earlier = sheet.spot(first, values);
                let (en, da) = earlier.row_words();
                let p = sheet.spot(r, values).problem(
                    Code::DuplicateObservation,
                    ctx!("first_row" => earlier.row, "first_at" => en, "first_at_da" => da),
                );
                self.problems.push(p);
                continue;
            }
            self.given[row].roles[k] = Some(r);
            let slot = match k {
                0 => &mut self.table.value[row],
                1 => &mut self.table.numerator[row],
                _ => &mut self.table.denominator[row],
            };
            *slot = numbers[k].unwrap_or(f64::NAN);
            self.table.flags[row] |= flags;
        }
        if !self.problems.is_empty() {
            return Err(self.problems.finish());
        }
        self.table.origin = self.origin();
        Ok(self.table)
    }

    /// Where each field of the table came from: each row's value from the
    /// row that gave it, and (for a long table) its numerator's and
    /// denominator's from theirs.
    fn origin(&self) -> Origin {
        let sheet = self.sheet;
        let source = |g: &Given, k: usize| sheet.source_row(g.roles[k].unwrap_or(g.row));
        let rows: Vec<u32> = self.given.iter().map(|g| source(g, 0)).collect();
        let roles: Vec<[u32; 2]> = match self.numbers {
            Numbers::Long { .. } => self.given.iter().map(|g| [source(g, 1), source(g, 2)]).collect(),
            Numbers::Wide(_) => Vec::new(),
        };
        if let Rows::Cube(_) = sheet.rows {
            return Origin::Cube { index: rows, roles };
        }
        let mut columns = Vec::new();
        let mut add = |field: &str, c: usize| {
            let number = sheet.numbers.get(c).copied().unwrap_or(0);
            columns.push((field.to_string(), sheet.columns[c].clone(), number));
        };
        let m = self.mapping;
        for (field, name) in [("geography", &m.place), ("period", &m.period)] {
            if let Some(c) = sheet.columns.iter().position(|c| c == name) {
                add(field, c);
            }
        }
        match &self.numbers {
            Numbers::Wide(cols) => {
                for (role, c) in ROLES.iter().zip(cols) {
                    if let Some(c) = c {
                        add(role, *c);
                    }
                }
            }
            Numbers::Long { values, .. } => {
                for role in ROLES {
                    add(role, *values);
                }
            }
        }
        for (s, &c) in m.strata.iter().zip(&self.strata) {
            add(&s.dimension, c);
        }
        Origin::Sheet {
            rows,
            roles,
            columns,
            in_file: sheet.rows != Rows::Listed,
        }
    }

    /// The row's place, read once per distinct text (by the cube's label
    /// when the text names none); a problem at every row that names none,
    /// or names a region that does not exist in the row's `period`.
    fn place(&mut self, r: usize, period: Option<Period>) -> Option<u32> {
        let column = self.sheet.columns.iter().position(|c| *c == self.mapping.place)?;
        let text = self.text(r, column);
        if !self.places.contains_key(text.as_ref()) {
            let read = read_place(&text).or_else(|e| match self.sheet.label(column, &text) {
                Some(label) => read_place(label).map_err(|_| (e, Some(label))),
                None => Err((e, None)),
            });
            let known = match read {
                Ok(g) => Ok(self.table.intern_geography(&g)),
                Err((e, label)) => {
                    let mut context = e.context();
                    if let Some(l) = label {
                        context.insert("label".into(), serde_json::json!(l));
                    }
                    Err((e.code(), context))
                }
            };
            self.places.insert(text.to_string(), known);
        }
        let (code, context) = match &self.places[text.as_ref()] {
            Ok(id) => {
                let place = self.table.geography_of(*id);
                match period.and_then(|p| region_not_in(Some(place), None, p)) {
                    None => return Some(*id),
                    Some(context) => (Code::PlaceNotInPeriod, context),
                }
            }
            // A region known only by name is first of all not there before it exists.
            Err((Code::PlaceWithoutCode, context)) => {
                let name = context.get("name").and_then(serde_json::Value::as_str);
                match period.and_then(|p| region_not_in(None, name, p)) {
                    Some(not_then) => (Code::PlaceNotInPeriod, not_then),
                    None => (Code::PlaceWithoutCode, context.clone()),
                }
            }
            Err((code, context)) => (*code, context.clone()),
        };
        let p = self.sheet.spot(r, column).problem(code, context);
        self.problems.push(p);
        None
    }

    /// The row's period, read once per distinct text; a problem at every row
    /// whose period is none.
    fn period(&mut self, r: usize) -> Option<Period> {
        let column = self.sheet.columns.iter().position(|c| *c == self.mapping.period)?;
        let text = self.text(r, column);
        let known = self
            .periods
            .entry(text.to_string())
            .or_insert_with(|| text.parse::<Period>())
            .clone();
        match known {
            Ok(p) => Some(p),
            Err(e) => {
                let p = self.sheet.spot(r, column).problem(
                    Code::InvalidPeriod,
                    ctx!("detail" => e.to_string(), "detail_da" => e.danish()),
                );
                self.problems.push(p);
                None
            }
        }
    }

    /// The row's stratum from its strata columns, each category as the
    /// mapping maps it (by the cube's label when the text is not mapped).
    fn stratum(&mut self, r: usize) -> Option<u32> {
        let mut stratum: Stratum = Vec::new();
        let mut sound = true;
        let mapping = self.mapping;
        for (i, s) in mapping.strata.iter().enumerate() {
            let column = self.strata[i];
            let text = self.text(r, column);
            let mapped = s
                .categories
                .get(text.as_ref())
                .or_else(|| self.sheet.label(column, &text).and_then(|l| s.categories.get(l)));
            match mapped {
                Some(Some(category)) => stratum.push((s.dimension.clone(), category.clone())),
                Some(None) => {}
                None => {
                    sound = false;
                    self.unmapped(r, column, &text, s.categories.keys().map(String::as_str));
                }
            }
        }
        sound.then(|| self.table.intern_stratum(&stratum))
    }

    /// `unmapped_category` at a cell, with the mapped categories and the one it most likely means.
    fn unmapped<'k>(&mut self, r: usize, column: usize, text: &str, mapped: impl Iterator<Item = &'k str> + Clone) {
        let mut context = ctx!("text" => text, "categories" => mapped.clone().collect::<Vec<_>>().join(", "));
        if let Some(near) = nearest(text, mapped) {
            context.insert("did_you_mean".into(), serde_json::json!(near));
        }
        let p = self.sheet.spot(r, column).problem(Code::UnmappedCategory, context);
        self.problems.push(p);
    }

    /// The number in cell `column` of row `r` and whether it is `..`, or
    /// `Err` after its problem (not a number, or a number two ways).
    fn number(&mut self, r: usize, column: usize) -> Result<(Option<f64>, bool), ()> {
        let text = match self.sheet.cells[r].get(column).unwrap_or(&Cell::Empty) {
            Cell::Number(x) if x.is_finite() => return Ok((Some(*x), false)),
            Cell::Empty => return Ok((None, false)),
            cell => cell.text(),
        };
        let (code, context) = match text.as_ref() {
            "" => return Ok((None, false)),
            ".." => return Ok((None, true)),
            t => match published_number(t) {
                Ok(x) => return Ok((Some(x), false)),
                Err(NumberError::NotANumber) => (Code::InvalidNumber, ctx!("text" => t)),
                Err(NumberError::Grouped { point, grouped }) => (
                    Code::AmbiguousNumber,
                    ctx!("text" => t, "point" => point, "grouped" => grouped),
                ),
            },
        };
        let p = self.sheet.spot(r, column).problem(code, context);
        self.problems.push(p);
        Err(())
    }

    /// The row's numbers: which role it gives (`None`: all three from their
    /// columns), the numbers, and whether a cell is `..`.
    #[allow(clippy::type_complexity)]
    fn numbers(&mut self, r: usize) -> Option<(Option<usize>, [Option<f64>; 3], bool)> {
        match &self.numbers {
            Numbers::Wide(columns) => {
                let columns = *columns;
                let mut out = [None; 3];
                let mut suppressed = false;
                let mut sound = true;
                for (k, c) in columns.iter().enumerate() {
                    if let Some(c) = c {
                        match self.number(r, *c) {
                            Ok((x, s)) => {
                                out[k] = x;
                                suppressed |= s;
                            }
                            Err(()) => sound = false,
                        }
                    }
                }
                sound.then_some((None, out, suppressed))
            }
            Numbers::Long { column, roles, values } => {
                let (column, values) = (*column, *values);
                let text = self.text(r, column);
                let Some(k) = roles
                    .iter()
                    .position(|c| c.as_deref().is_some_and(|c| self.is(column, &text, c)))
                else {
                    let named: Vec<String> = roles.iter().flatten().cloned().collect();
                    self.unmapped(r, column, &text, named.iter().map(String::as_str));
                    return None;
                };
                let (x, suppressed) = self.number(r, values).ok()?;
                let mut out = [None; 3];
                out[k] = x;
                Some((Some(k), out, suppressed))
            }
        }
    }
}

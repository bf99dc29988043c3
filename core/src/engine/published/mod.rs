//! Tables as they are published: Statistics Denmark's StatBank CSV, JSON-stat
//! 2.0 cubes and Excel workbooks, read into observations through a
//! [`mapping::SourceMapping`] declared once.
//!
//! Each reader turns its file into a [`Sheet`], the one shape the mapping
//! reads: named columns, rows of cells, and where each row was in the file.
//! The mapping then says which column is the place, the period, the value
//! (or numerator and denominator), which columns are strata and how their
//! categories map onto the agreement's. So the three formats share every
//! rule after the bytes, and a problem names the file's own row and column
//! (`/14/INDHOLD`, row 14 as a spreadsheet shows it) or the cube's cell
//! (`/value/17`).
//!
//! Published cells are read as published: `..` (Statistics Denmark's mark for
//! a value withheld or not available) is a suppressed observation, which the
//! follow-up leaves out of every value and aggregate; an empty cell is no
//! observation at all. Numbers take a decimal comma or point; a point before
//! exactly three digits (`1.000`) could group thousands, and is a problem
//! with both readings.
//!
//! ```
//! use sundhedsaftale::published::{mapping::SourceMapping, statbank};
//! let csv = "\u{feff}OMRÅDE;KØN;TID;INDHOLD\r\n851;M;2024;12,5\r\n851;K;2024;..\r\n";
//! let mapping: SourceMapping = sundhedsaftale::parse_json(r#"{"indicator": "x", "place": "OMRÅDE",
//!     "period": "TID", "value": "INDHOLD",
//!     "strata": [{"column": "KØN", "dimension": "sex", "categories": {"M": "mænd", "K": "kvinder"}}]}"#).unwrap();
//! let table = mapping.read(&statbank::read(csv).unwrap()).unwrap();
//! assert_eq!(table.len(), 2);
//! assert_eq!(table.value[0], 12.5);
//! assert_eq!(table.flags[1], sundhedsaftale::observation::SUPPRESSED);
//! ```

crate::reading::parse::derived!(Sheet);

pub mod jsonstat;
pub mod mapping;
#[cfg(feature = "csv")]
pub mod statbank;
#[cfg(feature = "excel")]
pub mod workbook;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::engine::observation::{ObservationTable, Spot};
use crate::problems::problem::Problems;

/// The published formats a table comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Statistics Denmark's StatBank CSV (codes or text).
    Statbank,
    /// A JSON-stat 2.0 dataset.
    Jsonstat,
    /// An Excel workbook (`.xlsx`).
    Xlsx,
}

impl Format {
    /// The format a file name suggests: `.csv` StatBank, `.json` JSON-stat, `.xlsx` a workbook.
    pub fn from_path(path: &str) -> Option<Format> {
        let lower = path.to_ascii_lowercase();
        [
            (".csv", Format::Statbank),
            (".json", Format::Jsonstat),
            (".xlsx", Format::Xlsx),
        ]
        .into_iter()
        .find(|(end, _)| lower.ends_with(end))
        .map(|(_, f)| f)
    }

    /// Its name in the bindings' arguments (`statbank`, `jsonstat`, `xlsx`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Statbank => "statbank",
            Format::Jsonstat => "jsonstat",
            Format::Xlsx => "xlsx",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        [Format::Statbank, Format::Jsonstat, Format::Xlsx]
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| format!("unknown published format `{s}` (use statbank, jsonstat or xlsx)"))
    }
}

/// Reads a published table's bytes into a [`Sheet`]. A workbook's sheet is
/// the one `sheet` names, else its first. Without the `csv` or `excel`
/// feature, that format gives one `feature_disabled` problem.
pub fn sheet(bytes: &[u8], format: Format, sheet: Option<&str>) -> Result<Sheet, Problems> {
    #[cfg(any(not(feature = "csv"), not(feature = "excel")))]
    let disabled = |format: &str, feature: &str| {
        Problems(vec![crate::problems::problem::Problem::with_context(
            crate::problems::catalogue::Code::FeatureDisabled,
            crate::problems::problem::Pointer::root(),
            crate::problems::problem::ctx!("format" => format, "feature" => feature),
        )])
    };
    match format {
        #[cfg(feature = "csv")]
        Format::Statbank => statbank::read(crate::reading::parse::text_of(bytes)?),
        #[cfg(not(feature = "csv"))]
        Format::Statbank => Err(disabled("StatBank CSV", "csv")),
        Format::Jsonstat => jsonstat::read(crate::reading::parse::text_of(bytes)?),
        #[cfg(feature = "excel")]
        Format::Xlsx => workbook::read(bytes, sheet),
        #[cfg(not(feature = "excel"))]
        Format::Xlsx => {
            let _ = sheet;
            Err(disabled("Excel", "excel"))
        }
    }
}

/// Reads a published table's bytes through `mapping` into observations:
/// [`sheet`], then [`mapping::SourceMapping::read`].
///
/// ```
/// use sundhedsaftale::published::{read, Format};
/// let mapping = sundhedsaftale::parse_json(r#"{"indicator": "x", "place": "OMRÅDE", "period": "TID", "value": "INDHOLD"}"#).unwrap();
/// let table = read(b"OMR\xc3\x85DE;TID;INDHOLD\n081;2024M01;3,5\n", Format::Statbank, &mapping).unwrap();
/// assert_eq!(table.geography_of(table.geography[0]).to_string(), "region:1081");
/// ```
pub fn read(bytes: &[u8], format: Format, mapping: &mapping::SourceMapping) -> Result<ObservationTable, Problems> {
    #[cfg(feature = "excel")]
    if format == Format::Xlsx && mapping.sheet.is_none() {
        // Without a sheet named, the first whose header has the mapping's place and period.
        let fits = |s: &Sheet| [&mapping.place, &mapping.period].iter().all(|c| s.columns.contains(c));
        return mapping.read(&workbook::read_where(bytes, None, fits)?);
    }
    mapping.read(&sheet(bytes, format, mapping.sheet.as_deref())?)
}

/// One cell as published; in JSON a string, a number or `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Cell {
    /// Text, as written (a code, a name, a number in text).
    Text(String),
    /// A number the file stores as a number (a workbook's numeric cell, a cube's value).
    Number(f64),
    /// Nothing.
    Empty,
}

impl Cell {
    /// The cell as text: a number in Rust's shortest form, empty as `""`.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Text(t) => std::borrow::Cow::Borrowed(t.trim()),
            Cell::Number(x) => std::borrow::Cow::Owned(x.to_string()),
            Cell::Empty => std::borrow::Cow::Borrowed(""),
        }
    }
}

/// How a sheet's rows are counted: what a problem names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rows {
    /// Rows of a file, with each row's number as a spreadsheet shows it
    /// (1-based, the header row counted) and each column's number.
    Numbered(Vec<u32>),
    /// Cells of a JSON-stat cube, with each row's index into `value`.
    Cube(Vec<u32>),
    /// Rows of a data frame, by position from 0 (`/3/INDHOLD`).
    Listed,
}

/// A published table in the one shape every reader gives: columns by name,
/// and rows of cells. Its JSON form carries a workbook read by the web
/// package's Excel module to the main module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sheet {
    /// The columns' names: a file's header row, or a cube's dimension ids
    /// followed by its value.
    pub columns: Vec<String>,
    /// The 1-based column number of each column, as a spreadsheet numbers it.
    pub numbers: Vec<u32>,
    /// The rows' cells, in the columns' order.
    pub cells: Vec<Vec<Cell>>,
    /// Where each row is in the file.
    pub rows: Rows,

    /// The categories' labels of a cube's dimensions (id → label, per
    /// column; empty for a file): a mapping may name a category by either.
    pub labels: Vec<Vec<(String, String)>>,
}

impl Sheet {
    /// Where cell `column` of row `r` is.
    pub fn spot(&self, r: usize, column: usize) -> Spot {
        let name = self.columns.get(column).map_or("", String::as_str);
        match &self.rows {
            Rows::Numbered(rows) => {
                let row = rows.get(r).map_or(r, |&n| n as usize);
                Spot::sheet(row, name, self.numbers.get(column).copied().unwrap_or(0))
            }
            Rows::Listed => Spot::listed(r, name),
            Rows::Cube(index) => Spot::cube(index.get(r).map_or(r, |&k| k as usize), name),
        }
    }

    /// The row of the file (or the cube's index) of row `r`.
    pub(crate) fn source_row(&self, r: usize) -> u32 {
        match &self.rows {
            Rows::Numbered(rows) | Rows::Cube(rows) => rows.get(r).copied().unwrap_or(r as u32),
            Rows::Listed => r as u32,
        }
    }

    /// The label a cube gives category `id` of `column`, if any.
    pub(crate) fn label(&self, column: usize, id: &str) -> Option<&str> {
        self.labels
            .get(column)?
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, l)| l.as_str())
    }
}

impl Sheet {
    /// A data frame's rows as a sheet: `columns` by name, each row's cells
    /// in their order, rows counted by position from 0 as the frame counts
    /// them.
    pub fn listed(columns: Vec<String>, cells: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            numbers: (1..=columns.len() as u32).collect(),
            columns,
            cells,
            rows: Rows::Listed,
            labels: Vec::new(),
        }
    }
}

/// Why a published cell is not one number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumberError {
    /// Not a number as published: letters, two marks, a mark at an end.
    NotANumber,
    /// A point followed by three digits (`1.000`): a decimal point, or a
    /// Danish thousands separator. Statistics Denmark never groups
    /// thousands, but a spreadsheet may; either reading would be a guess.
    Grouped {
        /// The value with a decimal point.
        point: f64,
        /// The value with the point grouping thousands.
        grouped: f64,
    },
}

/// A published number: digits with at most one decimal mark, `,` or `.`,
/// and an optional sign. A point followed by exactly three digits could
/// group thousands, and is [`NumberError::Grouped`].
pub(crate) fn published_number(text: &str) -> Result<f64, NumberError> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let marks = digits.bytes().filter(|b| *b == b',' || *b == b'.').count();
    let well_formed = !digits.is_empty()
        && marks <= 1
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && digits.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && digits.bytes().last().is_some_and(|b| b.is_ascii_digit());
    let read = |t: &str| t.parse::<f64>().ok().filter(|x| x.is_finite());
    let point = read(&text.replace(',', "."))
        .filter(|_| well_formed)
        .ok_or(NumberError::NotANumber)?;
    match digits.split_once('.') {
        Some((whole, fraction)) if whole.len() <= 3 && fraction.len() == 3 => {
            let grouped = read(&text.replace('.', "")).ok_or(NumberError::NotANumber)?;
            Err(NumberError::Grouped { point, grouped })
        }
        _ => Ok(point),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_numbers_take_either_mark_and_nothing_else() {
        assert_eq!(published_number("12,5"), Ok(12.5));
        assert_eq!(published_number("12.5"), Ok(12.5));
        assert_eq!(published_number("1,234"), Ok(1.234));
        assert_eq!(published_number("12.3456"), Ok(12.3456));
        assert_eq!(published_number("-3"), Ok(-3.0));
        for bad in ["1.234,5", "12,", ",5", "1 234", "tolv", "..", "", "1e3"] {
            assert_eq!(published_number(bad), Err(NumberError::NotANumber), "{bad}");
        }
        // A point before three digits may group thousands: either reading is a guess.
        assert_eq!(
            published_number("1.000"),
            Err(NumberError::Grouped {
                point: 1.0,
                grouped: 1000.0
            })
        );
        assert_eq!(
            published_number("-12.500"),
            Err(NumberError::Grouped {
                point: -12.5,
                grouped: -12500.0
            })
        );
    }
}

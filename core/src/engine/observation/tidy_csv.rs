//! Tidy CSV into an [`ObservationTable`], at the speed of the bytes.
//!
//! National files run to millions of rows of a few hundred distinct texts,
//! so the reader works from the raw text: a repeated cell costs one lookup
//! and no allocation, and plain numbers (`1234`, `12.5`) are read without
//! the general float parser. A file with no quote character, the common
//! case, is split on its separators directly; a file with quotes, or whose
//! rows have the wrong number of fields, is read by the `csv` crate, which
//! also reports any syntax problem. Both paths feed the same row checks.

use std::sync::Arc;

use crate::ground::hash::{HashMap, HashSet};
use crate::ground::period::Period;
use crate::places::written::read_place;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Collector, Limits, Pointer, Problem, Problems};

use super::{
    Dialect, ObservationTable, Origin, SkippedRows, Spot, Stratum, BREAK_IN_SERIES, KNOWN_FIELDS as KNOWN, PROVISIONAL,
    SUPPRESSED,
};

/// Reads tidy CSV, detecting the dialect from the header line; see
/// [`read_csv_with`], which reports every malformed cell (syntax, numbers,
/// periods, places, flags).
///
/// ```
/// let csv = "indicator,geography,period,value\nmiddellevetid,region:1081,2021,81.2\n";
/// let table = sundhedsaftale::observation::read_csv(csv).unwrap();
/// assert_eq!(table.len(), 1);
/// ```
pub fn read_csv(text: &str) -> Result<ObservationTable, Problems> {
    read_csv_with(text, Dialect::detect(text))
}

/// Reads tidy CSV written in `dialect`: a header row naming `indicator`,
/// `geography`, `period`, and `value` and/or `numerator`, `denominator`,
/// optional flags, and any other column as a disaggregation. Header names
/// are matched without regard to case or surrounding spaces; a UTF-8
/// byte-order mark is skipped. Every row problem names its row and column.
///
/// ```
/// use sundhedsaftale::observation::{read_csv_with, Dialect};
/// let csv = "indicator;geography;period;value\nx;municipality:851;2024;1.234,5\n";
/// assert_eq!(read_csv_with(csv, Dialect::DANISH).unwrap().value[0], 1234.5);
/// ```
pub fn read_csv_with(text: &str, dialect: Dialect) -> Result<ObservationTable, Problems> {
    read_csv_leaving(text, dialect, None).map(|(table, _)| table)
}

/// The indicators a catalogue defines, for a reader that leaves out the
/// rows of any other (see [`SkippedRows`]).
pub(crate) type Defined = Arc<HashSet<String>>;

/// [`read_csv_with`], leaving out (and reporting as [`SkippedRows`]) each sound
/// row whose indicator is not among `defined`, when given: for a follow-up,
/// which checks the rows against its catalogue next, so that a file of
/// rows it cannot use costs no memory per row.
pub(crate) fn read_csv_leaving(
    text: &str,
    dialect: Dialect,
    defined: Option<Defined>,
) -> Result<(ObservationTable, SkippedRows), Problems> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = u8::try_from(dialect.separator)
        .ok()
        .filter(u8::is_ascii)
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|name| name.trim().to_string()).collect(),
        Err(e) => return Err(Problems(vec![csv_problem(&e, Lines::new(text).of(e.position()))])),
    };
    let layout = Arc::new(Layout::of(&headers, dialect)?);
    let start = usize::try_from(reader.position().byte()).ok();
    let data = start.and_then(|at| text.get(at..));
    if let Some(data) = data.filter(|d| memchr::memchr(b'"', d.as_bytes()).is_none()) {
        // The file's own line of the first data row, as a spreadsheet numbers it.
        let first = 1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..start.unwrap_or(0)]).count();
        #[cfg(feature = "parallel")]
        if let Some(read) = read_unquoted_parallel(data, first, separator, &layout, dialect, &defined, PARALLEL_CHUNK) {
            return Ok(read);
        }
        if let Some(result) = read_unquoted(data, first, separator, &layout, dialect, &defined) {
            return result;
        }
    }
    let mut rows = Rows::new(Arc::clone(&layout), dialect, true);
    rows.defined = defined;
    let mut record = csv::StringRecord::new();
    let mut lines = Lines::new(text);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let line = lines.of(record.position());
                rows.push(line, &record)
            }
            Ok(false) => break,
            Err(e) => rows.problems.push(csv_problem(&e, lines.of(e.position()))),
        }
    }
    rows.finish()
}

/// Reads data rows with no quote character by splitting each line on the
/// separator, the first being the file's line `first`; `None` when a row has
/// the wrong number of fields, which the `csv` crate then reads and reports.
fn read_unquoted(
    data: &str,
    first: usize,
    separator: u8,
    layout: &Arc<Layout>,
    dialect: Dialect,
    defined: &Option<Defined>,
) -> Option<Result<(ObservationTable, SkippedRows), Problems>> {
    let mut rows = Rows::new(Arc::clone(layout), dialect, true);
    rows.defined = defined.clone();
    let mut fields: Vec<&str> = Vec::with_capacity(layout.width);
    let mut row = first;
    let bytes = data.as_bytes();
    // Room for every row at once, estimated from the first lines: growing
    // the columns by doubling would copy them and fault their pages twice.
    let sample = &bytes[..bytes.len().min(1 << 16)];
    let lines = memchr::memchr_iter(b'\n', sample).count().max(1);
    rows.room = bytes.len() / (sample.len() / lines).max(1) + 16;
    let mut start = 0;
    let ends = Delimiters::new(bytes, separator).chain(std::iter::once(bytes.len()));
    for end in ends {
        // Separators and newlines are ASCII, so every cut is on a character boundary.
        let raw = data.get(start..end).unwrap_or("");
        fields.push(trim(raw));
        start = end + 1;
        if end < bytes.len() && bytes[end] == separator {
            continue;
        }
        if fields.len() == 1 && (raw.is_empty() || raw == "\r") {
            // A blank line: no row, but a line of the file all the same.
            fields.clear();
            row += 1;
            continue;
        }
        if fields.len() != layout.width {
            return None;
        }
        rows.push(row, fields.as_slice());
        fields.clear();
        row += 1;
    }
    Some(rows.finish())
}

/// Positions of separators and line ends, found eight bytes at a time.
/// Cells in tidy files are short (a code, a period, a count), so a search
/// that restarts at every cell (like `memchr2`) spends more on starting
/// than on searching; this finds every delimiter of a word at once from a
/// bit mask.
struct Delimiters<'b> {
    bytes: &'b [u8],
    separator: u64,
    /// Where the current word starts.
    base: usize,
    /// The current word's delimiters not yet reported, one high bit per byte.
    found: u64,
}

impl<'b> Delimiters<'b> {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH_OFF: u64 = 0x7F7F_7F7F_7F7F_7F7F;

    fn new(bytes: &'b [u8], separator: u8) -> Self {
        let mut d = Delimiters {
            bytes,
            separator: Self::LOW * u64::from(separator),
            base: 0,
            found: 0,
        };
        d.found = d.word_mask(0);
        d
    }

    /// The high bit of every byte of `word` that is zero, and of no other byte.
    fn zero_bytes(word: u64) -> u64 {
        !(((word & Self::HIGH_OFF).wrapping_add(Self::HIGH_OFF)) | word | Self::HIGH_OFF)
    }

    /// The delimiter mask of the word at `base` (bytes past the end count as none).
    fn word_mask(&self, base: usize) -> u64 {
        let mut word = [0u8; 8];
        let end = (base + 8).min(self.bytes.len());
        if base >= end {
            return 0;
        }
        word[..end - base].copy_from_slice(&self.bytes[base..end]);
        let w = u64::from_le_bytes(word);
        let mask = Self::zero_bytes(w ^ self.separator) | Self::zero_bytes(w ^ (Self::LOW * u64::from(b'\n')));
        // Padding bytes are zero: never a separator or newline, unless the separator is NUL.
        if end - base < 8 {
            mask & ((1u64 << ((end - base) * 8)) - 1)
        } else {
            mask
        }
    }
}

impl Iterator for Delimiters<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.found == 0 {
            self.base += 8;
            if self.base >= self.bytes.len() {
                return None;
            }
            self.found = self.word_mask(self.base);
        }
        let at = self.base + (self.found.trailing_zeros() / 8) as usize;
        self.found &= self.found - 1;
        Some(at)
    }
}

/// A cell without surrounding white space; most cells have none, and pay one check.
fn trim(cell: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    if plain(cell.as_bytes().first()) && plain(cell.as_bytes().last()) {
        cell
    } else {
        cell.trim()
    }
}

/// The least text worth a thread of its own.
#[cfg(feature = "parallel")]
const PARALLEL_CHUNK: usize = 4 << 20;

/// Reads data rows with no quote character in parts, one per thread, cut at
/// line ends, then joins the parts in order. `None` when the text is too
/// short to be worth it, or when any part has a problem: the sequential
/// reader then reads it again and reports every problem at its own row.
#[cfg(feature = "parallel")]
fn read_unquoted_parallel(
    data: &str,
    first: usize,
    separator: u8,
    layout: &Arc<Layout>,
    dialect: Dialect,
    defined: &Option<Defined>,
    least: usize,
) -> Option<(ObservationTable, SkippedRows)> {
    use rayon::prelude::*;
    let parts = rayon::current_num_threads().min(data.len() / least.max(1));
    if parts < 2 {
        return None;
    }
    let mut cuts = vec![0];
    for k in 1..parts {
        let from = (data.len() * k / parts).max(*cuts.last()?);
        match memchr::memchr(b'\n', &data.as_bytes()[from..]) {
            Some(at) => cuts.push(from + at + 1),
            None => break,
        }
    }
    cuts.push(data.len());
    let parts: Vec<Option<(ObservationTable, SkippedRows)>> = cuts
        .par_windows(2)
        .map(|w| {
            let line = first + memchr::memchr_iter(b'\n', &data.as_bytes()[..w[0]]).count();
            read_unquoted(data.get(w[0]..w[1])?, line, separator, layout, dialect, defined)?.ok()
        })
        .collect();
    let mut parts = parts.into_iter();
    let (mut table, mut skipped) = parts.next()??;
    for part in parts {
        let (rows, left) = part?;
        table.append(rows);
        skipped.append(left);
    }
    Some((table, skipped))
}

/// Observations given cell by cell as text, for tables that arrive in
/// another form (a data frame, an Arrow table): the same column rules and
/// the same checks as CSV, and the same problems at the same paths
/// (`/12/value`). Numbers are written with a decimal point; an empty cell is
/// absent.
///
/// ```
/// use sundhedsaftale::observation::RowReader;
/// let mut reader = RowReader::new(&["indicator".into(), "geography".into(), "period".into(), "value".into()]).unwrap();
/// reader.push(&["x", "municipality:851", "2024", "12.5"]);
/// reader.push(&["x", "municipality:851", "2025", ""]);
/// let table = reader.finish().unwrap();
/// assert_eq!(table.len(), 2);
/// assert!(table.value[1].is_nan());
/// ```
pub struct RowReader {
    rows: Rows,
    next: usize,
}

impl RowReader {
    /// A reader for rows of these columns, or every problem with the columns
    /// (duplicated, or `indicator`, `geography` or `period` missing).
    pub fn new(columns: &[String]) -> Result<RowReader, Problems> {
        let layout = Arc::new(Layout::of(columns, Dialect::COMMA)?);
        Ok(RowReader {
            rows: Rows::new(layout, Dialect::COMMA, false),
            next: 0,
        })
    }

    /// Checks the next row (its cells in the columns' order) and keeps it if it is sound.
    pub fn push(&mut self, cells: &[&str]) {
        self.rows.push(self.next, cells);
        self.next += 1;
    }

    /// The table, or every problem found in the rows.
    pub fn finish(self) -> Result<ObservationTable, Problems> {
        self.rows.finish().map(|(table, _)| table)
    }
}

/// Where each column is, from the header row.
struct Layout {
    width: usize,
    /// The headers as written.
    headers: Vec<String>,
    /// The headers in lower case, as fields are named.
    lower: Vec<String>,
    indicator: usize,
    geography: usize,
    period: usize,
    /// `value`, `numerator`, `denominator`.
    numbers: [(&'static str, Option<usize>); 3],
    flags: [(u8, &'static str, Option<usize>); 3],
    /// Disaggregation columns: position and name.
    dimensions: Vec<(usize, String)>,
}

impl Layout {
    /// The layout of `headers`, or every problem with them: duplicated or
    /// missing columns, or one column that holds the others' names because
    /// the file uses another separator.
    fn of(headers: &[String], dialect: Dialect) -> Result<Layout, Problems> {
        let lower: Vec<String> = headers.iter().map(|h| h.to_lowercase()).collect();
        let mut problems = Vec::new();
        for (i, h) in lower.iter().enumerate() {
            if let Some(first) = lower[..i].iter().position(|x| x == h) {
                problems.push(Problem::with_context(
                    Code::DuplicateColumn,
                    Pointer::root().key(&headers[i]),
                    ctx!("column" => headers[i], "first" => first + 1, "position" => i + 1),
                ));
            }
        }
        let missing: Vec<&str> = ["indicator", "geography", "period"]
            .into_iter()
            .filter(|r| !lower.iter().any(|h| h == r))
            .collect();
        let other = [',', ';', '\t', '|']
            .into_iter()
            .filter(|c| *c != dialect.separator)
            .find(|c| headers.len() == 1 && headers[0].contains(*c));
        if let Some(found) = other.filter(|_| !missing.is_empty()) {
            problems.push(Problem::with_context(
                Code::WrongSeparator,
                "",
                ctx!("separator" => dialect.separator.escape_default().to_string(),
                     "found" => found.escape_default().to_string()),
            ));
            return Err(Problems(problems));
        }
        for required in missing {
            problems.push(Problem::with_context(
                Code::MissingField,
                Pointer::root().key(required),
                ctx!("field" => required),
            ));
        }
        if !problems.is_empty() {
            return Err(Problems(problems));
        }
        let column = |name: &str| lower.iter().position(|h| h == name);
        Ok(Layout {
            width: headers.len(),
            headers: headers.to_vec(),
            lower: lower.clone(),
            indicator: column("indicator").unwrap_or(0),
            geography: column("geography").unwrap_or(0),
            period: column("period").unwrap_or(0),
            numbers: ["value", "numerator", "denominator"].map(|n| (n, column(n))),
            flags: [
                (PROVISIONAL, "provisional"),
                (BREAK_IN_SERIES, "break_in_series"),
                (SUPPRESSED, "suppressed"),
            ]
            .map(|(bit, n)| (bit, n, column(n))),
            dimensions: headers
                .iter()
                .enumerate()
                .filter(|(i, _)| !KNOWN.contains(&lower[*i].as_str()))
                .map(|(i, h)| (i, h.to_string()))
                .collect(),
        })
    }
}

impl Layout {
    /// The field each column gives: a known field by its lower-case name, a
    /// dimension by its header.
    fn fields(&self) -> impl Iterator<Item = (String, String, u32)> + '_ {
        self.headers.iter().zip(&self.lower).enumerate().map(|(i, (h, l))| {
            let field = if KNOWN.contains(&l.as_str()) {
                l.clone()
            } else {
                h.clone()
            };
            (field, h.clone(), i as u32 + 1)
        })
    }
}

/// A data row's cells, trimmed.
trait Fields {
    /// Cell `i`, empty when the row is short.
    fn cell(&self, i: usize) -> &str;
}

impl Fields for csv::StringRecord {
    fn cell(&self, i: usize) -> &str {
        self.get(i).unwrap_or("")
    }
}

impl Fields for [&str] {
    fn cell(&self, i: usize) -> &str {
        self.get(i).copied().unwrap_or("")
    }
}

/// Checks data rows and appends them to the table.
struct Rows {
    layout: Arc<Layout>,
    dialect: Dialect,
    /// Rows of a file, numbered as the file numbers them (else listed, from 0).
    sheet: bool,
    /// The file's row of each table row.
    source_rows: Vec<u32>,
    table: ObservationTable,
    /// Row problems, collected up to the limits: a million bad rows must not
    /// cost a million problems' memory.
    problems: Collector,
    // Ids by their raw cell text. Only cells that parse are remembered, so
    // every bad cell is still reported at its own row.
    indicators: Known<u32>,
    places: Known<u32>,
    periods: Known<Period>,
    strata: Known<u32>,
    stratum_key: String,
    /// With a catalogue's indicators, the sound rows of any other are left
    /// out, into `skipped`, rather than kept.
    defined: Option<Defined>,
    skipped: SkippedRows,
    /// Rows to make room for when the first row is kept: none may be, when
    /// rows are left out, and then no room is taken.
    room: usize,
}

/// Values by their raw cell text.
struct Known<T: Copy> {
    map: HashMap<String, T>,
}

impl<T: Copy> Known<T> {
    fn new() -> Known<T> {
        Known {
            map: HashMap::default(),
        }
    }

    fn get(&self, text: &str) -> Option<T> {
        self.map.get(text).copied()
    }

    fn insert(&mut self, text: &str, value: T) {
        self.map.insert(text.to_string(), value);
    }
}

impl Rows {
    fn new(layout: Arc<Layout>, dialect: Dialect, sheet: bool) -> Rows {
        Rows {
            layout,
            dialect,
            sheet,
            source_rows: Vec::new(),
            table: ObservationTable::new(),
            problems: Collector::new(Limits::default()),
            indicators: Known::new(),
            places: Known::new(),
            periods: Known::new(),
            strata: Known::new(),
            stratum_key: String::new(),
            defined: None,
            skipped: SkippedRows::default(),
            room: 0,
        }
    }

    /// Where `field` of `row` is: the file's row and column, or the listed row.
    fn spot(&self, row: usize, field: &str) -> Spot {
        if !self.sheet {
            return Spot::listed(row, field);
        }
        match self.layout.lower.iter().position(|h| h == field) {
            Some(i) => Spot::sheet(row, &self.layout.headers[i], i as u32 + 1),
            None => Spot::sheet(row, field, 0),
        }
    }

    /// Checks data row `row` (the file's line, or counted from 0 when
    /// listed) and appends it if it is sound.
    fn push<F: Fields + ?Sized>(&mut self, row: usize, cells: &F) {
        let layout = &*self.layout;
        let before = self.problems.seen();
        let text = cells.cell(layout.period);
        let period = match self.periods.get(text) {
            Some(p) => Some(p),
            None => match text.parse::<Period>() {
                Ok(p) => {
                    self.periods.insert(text, p);
                    Some(p)
                }
                Err(e) => {
                    let p = self.spot(row, "period").problem(
                        Code::InvalidPeriod,
                        ctx!("detail" => e.to_string(), "detail_da" => e.danish()),
                    );
                    self.problems.push(p);
                    None
                }
            },
        };
        let text = cells.cell(layout.geography);
        let geography = match self.places.get(text) {
            Some(g) => Some(g),
            // As published: `773`, `kommune:773`, `Aalborg`, `081`, `Hele landet`, …
            None => match read_place(text) {
                Ok(g) => {
                    let id = self.table.intern_geography(&g);
                    self.places.insert(text, id);
                    Some(id)
                }
                Err(e) => {
                    let p = self.spot(row, "geography").problem(e.code(), e.context());
                    self.problems.push(p);
                    None
                }
            },
        };
        let mut numbers = [None; 3];
        for (k, (name, column)) in layout.numbers.iter().enumerate() {
            let text = column.map_or("", |c| cells.cell(c));
            if text.is_empty() {
                continue;
            }
            match number(text, self.dialect) {
                Some(x) if x.is_finite() => numbers[k] = Some(x),
                // `12.5` in a file of decimal commas: a decimal point slipped in, or
                // thousands grouped wrongly; either reading is a guess.
                _ if self.dialect.decimal_comma && text.contains('.') && !text.contains(',') => {
                    let p = self.spot(row, name).problem(
                        Code::PointInDecimalCommaFile,
                        ctx!("text" => text, "written" => text.replace('.', ",")),
                    );
                    self.problems.push(p)
                }
                _ => {
                    let p = self.spot(row, name).problem(Code::InvalidNumber, ctx!("text" => text));
                    self.problems.push(p)
                }
            }
        }
        let mut flags = 0u8;
        for (bit, name, column) in &layout.flags {
            match column.map_or("", |c| cells.cell(c)) {
                "" | "false" | "0" => {}
                "true" | "1" => flags |= bit,
                other => {
                    let detail = format!("`{other}` is not `true` or `false`");
                    let detail_da = format!("`{other}` er hverken `true` eller `false`");
                    let p = self
                        .spot(row, name)
                        .problem(Code::InvalidValue, ctx!("detail" => detail, "detail_da" => detail_da));
                    self.problems.push(p)
                }
            }
        }
        if self.problems.seen() > before {
            return;
        }
        let (Some(period), Some(g)) = (period, geography) else {
            return;
        };
        let text = cells.cell(layout.indicator);
        if self.indicators.get(text).is_none() && self.defined.as_ref().is_some_and(|d| !d.contains(text)) {
            // The problem the check would find in this row, and the only one.
            match self.skipped.wants() {
                true => {
                    let p = self
                        .spot(row, "indicator")
                        .problem(Code::UnknownReference, ctx!("id" => text, "kind" => "indicator"));
                    self.skipped.first.push((row, p));
                }
                false => self.skipped.more += 1,
            }
            return;
        }
        // With one dimension (or none) its cell is the key as it stands.
        let key = match layout.dimensions.as_slice() {
            [] => "",
            [(i, _)] => cells.cell(*i),
            more => {
                self.stratum_key.clear();
                for (i, _) in more {
                    self.stratum_key.push_str(cells.cell(*i));
                    self.stratum_key.push('\u{1f}');
                }
                &self.stratum_key
            }
        };
        let s = match self.strata.get(key) {
            Some(s) => s,
            None => {
                let stratum: Stratum = layout
                    .dimensions
                    .iter()
                    .filter(|(i, _)| !cells.cell(*i).is_empty())
                    .map(|(i, d)| (d.clone(), cells.cell(*i).to_string()))
                    .collect();
                let s = self.table.intern_stratum(&stratum);
                self.strata.insert(key, s);
                s
            }
        };
        let text = cells.cell(layout.indicator);
        let i = match self.indicators.get(text) {
            Some(i) => i,
            None => {
                let i = self.table.intern_indicator(text);
                self.indicators.insert(text, i);
                i
            }
        };
        if self.room > 0 {
            self.table.reserve(std::mem::take(&mut self.room));
        }
        self.table
            .push_row(i, g, period, s, numbers[0], numbers[1], numbers[2], flags);
        if self.sheet {
            self.source_rows.push(row as u32);
        }
    }

    /// The table and the rows left out of it, or every problem found in the rows.
    fn finish(mut self) -> Result<(ObservationTable, SkippedRows), Problems> {
        if self.problems.is_empty() {
            self.table.origin = match self.sheet {
                true => Origin::Sheet {
                    rows: self.source_rows,
                    roles: Vec::new(),
                    columns: self.layout.fields().collect(),
                    in_file: true,
                },
                false => Origin::Listed,
            };
            Ok((self.table, self.skipped))
        } else {
            Err(self.problems.finish())
        }
    }
}

/// A number as `dialect` writes it. Plain numbers (an optional sign, at
/// most 15 digits, and a decimal mark followed by digits) are exact in a
/// double, as is every power of ten up to 10^22, so their one correctly
/// rounded division gives exactly what the general parser gives; anything
/// else (exponents, grouping, `.5`) goes to the general parser.
fn number(text: &str, dialect: Dialect) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let mark = if dialect.decimal_comma { b',' } else { b'.' };
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let mut mantissa: u64 = 0;
    let (mut count, mut scale, mut seen_mark) = (0usize, 0usize, false);
    let mut plain = !digits.is_empty() && digits[0].is_ascii_digit() && digits.len() <= 16;
    for &b in digits {
        if !plain {
            break;
        }
        if b.is_ascii_digit() {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            count += 1;
            scale += usize::from(seen_mark);
        } else if b == mark && !seen_mark {
            seen_mark = true;
        } else {
            plain = false;
        }
    }
    if plain && count <= 15 && !(seen_mark && scale == 0) {
        let x = mantissa as f64 / POWERS[scale];
        return Some(if negative { -x } else { x });
    }
    if dialect.decimal_comma && !groups_thousands(text) {
        return None;
    }
    dialect.normalise(text).parse::<f64>().ok()
}

/// Whether the points of a number written with a decimal comma group its
/// thousands, as in `1.234.567,5`: one to three digits, then groups of
/// exactly three; no point at all also passes.
fn groups_thousands(text: &str) -> bool {
    let whole = text.trim_start_matches(['-', '+']);
    let whole = whole.split_once(',').map_or(whole, |(w, _)| w);
    let mut groups = whole.split('.');
    let first = groups.next().unwrap_or_default();
    if !whole.contains('.') {
        return true;
    }
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// The line of the file each record starts on, counted from the record's
/// byte offset: the `csv` crate's own line count skips blank lines and
/// counts a CRLF file's first record as line 1.
pub(crate) struct Lines<'t> {
    bytes: &'t [u8],
    /// The offset counted up to, and the line it is on.
    at: usize,
    line: usize,
}

impl<'t> Lines<'t> {
    /// Lines of `text`, as the reader reads it (after any byte-order mark).
    pub(crate) fn new(text: &'t str) -> Lines<'t> {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line a record at `position` starts on (0 when unknown). Records
    /// come in order, so the count goes on from the last one.
    pub(crate) fn of(&mut self, position: Option<&csv::Position>) -> usize {
        let Some(mut start) = position.and_then(|p| usize::try_from(p.byte()).ok()) else {
            return 0;
        };
        // The record starts after the line end the reader stopped at.
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let start = start.min(self.bytes.len());
        if start < self.at {
            self.at = 0;
            self.line = 1;
        }
        self.line += memchr::memchr_iter(b'\n', &self.bytes[self.at..start]).count();
        self.at = start;
        self.line
    }
}

/// A CSV syntax problem, at the file's `line` when the reader knows it:
/// the same row in the path as in the message.
pub(crate) fn csv_problem(e: &csv::Error, line: usize) -> Problem {
    let at = match line {
        line if line > 1 => Pointer::root().index(line),
        _ => Pointer::root(),
    };
    // The csv crate's own words are English; a Danish reader gets what they mean.
    let detail_da = match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("rækken har {len} felter, men de foregående rækker har {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "teksten er ikke UTF-8 (gem filen som UTF-8)".to_string(),
        csv::ErrorKind::Io(_) => "filen kunne ikke læses".to_string(),
        _ => "filen kan ikke læses som CSV".to_string(),
    };
    Problem::with_context(
        Code::CsvSyntax,
        at,
        ctx!("detail" => e.to_string(), "detail_da" => detail_da, "line" => line),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn plain_numbers_read_exactly_as_the_general_parser_reads_them() {
        let cases = [
            "0",
            "-0",
            "+7",
            "12.5",
            "0.1",
            "0.3",
            "123456789012345",
            "-98765.4321",
            "1.000000000000001",
            "9007199254740993",
            "1e5",
            ".5",
            "5.",
            "1.2.3",
            "",
            "-",
            "12a",
        ];
        for text in cases {
            let general = text.parse::<f64>().ok();
            let ours = number(text, Dialect::COMMA);
            assert_eq!(ours.map(f64::to_bits), general.map(f64::to_bits), "{text}");
        }
        assert_eq!(number("12,5", Dialect::DANISH), Some(12.5));
        assert_eq!(number("1.234,5", Dialect::DANISH), Some(1234.5));
        assert_eq!(
            number("1.234.567", Dialect::DANISH),
            Some(1234567.0),
            "points group thousands"
        );
        for misread in ["12.5", "1.5", "1.23,4", "12.34.567", "1234.567"] {
            assert_eq!(number(misread, Dialect::DANISH), None, "{misread} groups no thousands");
        }
    }

    #[test]
    fn the_unquoted_path_reads_what_the_csv_crate_reads() {
        let plain = "indicator,geography,period,numerator,denominator,sex\r\n\
                     x , municipality:851,2024,3,40,k\r\n\
                     \r\n\
                     x,municipality:851,2023,4,41,\n\
                     y,region:1081,2024Q1,5,50,m";
        // A quoted cell sends the same rows through the csv crate.
        let quoted = plain.replace("x , municipality", "\"x\" , municipality");
        let (a, b) = (read_csv(plain).unwrap(), read_csv(&quoted).unwrap());
        assert_eq!(a.len(), 3);
        let rows = |t: &ObservationTable| (0..t.len()).map(|r| t.row(r)).collect::<Vec<_>>();
        assert_eq!(rows(&a), rows(&b));
        assert_eq!(
            a.row(0).disaggregation,
            BTreeMap::from([("sex".to_string(), "k".to_string())])
        );
    }

    #[test]
    fn delimiters_are_found_wherever_they_fall_in_a_word() {
        for text in [
            "",
            ";",
            "a;b\nc",
            "abcdefgh;\n",
            "abcdefg;h;\n;;;;;;;;;x",
            "æø;å\n\n0;1;2;3;4;5;6;7;8",
        ] {
            let want: Vec<usize> = text
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b';' || *b == b'\n')
                .map(|(i, _)| i)
                .collect();
            assert_eq!(
                Delimiters::new(text.as_bytes(), b';').collect::<Vec<_>>(),
                want,
                "{text:?}"
            );
        }
    }

    #[cfg(feature = "parallel")]
    #[test]
    fn read_in_parts_it_is_the_same_table() {
        let mut csv = String::from("indicator,geography,period,numerator,denominator,sex\n");
        for i in 0..400 {
            csv.push_str(&format!(
                "ind-{},municipality:{},20{:02},{i},{},{}\n",
                i % 7,
                crate::places::reference::MUNICIPALITIES[i % 13].code,
                10 + i % 11,
                1000 + i,
                ["k", "m", ""][i % 3]
            ));
            if i % 50 == 0 {
                csv.push('\n');
            }
        }
        let header = csv.find('\n').unwrap() + 1;
        let headers: Vec<String> = csv[..header - 1].split(',').map(str::to_string).collect();
        let layout = Arc::new(Layout::of(&headers, Dialect::COMMA).unwrap());
        let (whole, _) = read_unquoted(&csv[header..], 2, b',', &layout, Dialect::COMMA, &None)
            .unwrap()
            .unwrap();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
        let (parts, _) = pool
            .install(|| read_unquoted_parallel(&csv[header..], 2, b',', &layout, Dialect::COMMA, &None, 256))
            .unwrap();
        assert_eq!(parts.len(), 400);
        let rows = |t: &ObservationTable| (0..t.len()).map(|r| t.row(r)).collect::<Vec<_>>();
        assert_eq!(rows(&parts), rows(&whole));
        // Every row keeps its line of the file, blank lines counted, whichever part read it.
        assert_eq!(parts.origin, whole.origin);
        assert_eq!(
            (parts.indicator.clone(), parts.stratum.clone()),
            (whole.indicator, whole.stratum)
        );
        // A problem in any part sends the whole text to the sequential reader.
        let bad = csv.replacen(",1005,", ",x,", 1);
        let none =
            pool.install(|| read_unquoted_parallel(&bad[header..], 2, b',', &layout, Dialect::COMMA, &None, 256));
        assert!(none.is_none());
        // Rows of indicators not defined are left out alike: the first ones
        // kept in order across the parts, the rest counted.
        let defined: Option<Defined> = Some(Arc::new((0..4).map(|i| format!("ind-{i}")).collect()));
        let (whole, whole_out) = read_unquoted(&csv[header..], 2, b',', &layout, Dialect::COMMA, &defined)
            .unwrap()
            .unwrap();
        let (parts, parts_out) = pool
            .install(|| read_unquoted_parallel(&csv[header..], 2, b',', &layout, Dialect::COMMA, &defined, 256))
            .unwrap();
        assert_eq!(rows(&parts), rows(&whole));
        assert_eq!((whole.len(), whole_out.first.len(), whole_out.more), (229, 100, 71));
        let left = |l: &SkippedRows| l.first.iter().map(|(r, p)| (*r, p.clone())).collect::<Vec<_>>();
        assert_eq!((left(&parts_out), parts_out.more), (left(&whole_out), whole_out.more));
    }

    #[test]
    fn a_row_of_the_wrong_width_is_reported_by_the_csv_crate() {
        let csv = "indicator,geography,period,value\nx,municipality:851,2024,1\nx,municipality:851\n";
        let problems = read_csv(csv).unwrap_err();
        assert_eq!(problems.0.len(), 1);
        assert_eq!(problems.0[0].code, Code::CsvSyntax);
        // The short row is line 3 of the file.
        assert_eq!(problems.0[0].path.to_string(), "/3");
        // In Danish without the crate's English.
        assert_eq!(
            problems.0[0].message.da,
            "CSV-filen er fejlformet omkring linje 3: rækken har 2 felter, men de foregående rækker har 4."
        );
    }
}

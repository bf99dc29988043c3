//! Statistics Denmark's StatBank CSV, as its API writes it: `;` between
//! cells, a UTF-8 byte-order mark, CRLF line ends, a header of the table's
//! variables and the value (`OMRÅDE;KØN;TID;INDHOLD`), each variable as
//! codes or as text, decimal commas, and `..` for a value withheld.
//!
//! ```
//! let sheet = sundhedsaftale::published::statbank::read("\u{feff}OMRÅDE;TID;INDHOLD\r\nAalborg;2024K1;12,5\r\n").unwrap();
//! assert_eq!(sheet.columns, ["OMRÅDE", "TID", "INDHOLD"]);
//! // Row 2 of the file, as a spreadsheet shows it.
//! assert_eq!(sheet.spot(0, 2).pointer.to_string(), "/2/INDHOLD");
//! ```

use crate::engine::observation::{csv_problem, Lines};
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Pointer, Problem, Problems};

use super::{Cell, Rows, Sheet};

/// Reads a StatBank CSV table (or any table of that shape: a header row
/// and data rows; `;`, or `,` or a tab when the header has more of them)
/// into a [`Sheet`], each row numbered as the file numbers it. Problems:
/// malformed CSV (`csv_syntax`, at its line) and repeated header names.
pub fn read(text: &str) -> Result<Sheet, Problems> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    let separator = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|c| (header.bytes().filter(|b| b == c).count(), *c == b';'))
        .unwrap_or(b';');
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .delimiter(separator)
        .flexible(false)
        .from_reader(text.as_bytes());
    let columns: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => return Err(Problems(vec![csv_problem(&e, Lines::new(text).of(e.position()))])),
    };
    let mut problems = Vec::new();
    for (i, c) in columns.iter().enumerate() {
        if let Some(first) = columns[..i].iter().position(|x| x == c) {
            problems.push(Problem::with_context(
                Code::DuplicateColumn,
                Pointer::root().index(1).key(c),
                ctx!("column" => c, "first" => first + 1, "position" => i + 1),
            ));
        }
    }
    let mut cells = Vec::new();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = Lines::new(text);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                rows.push(lines.of(record.position()) as u32);
                cells.push(
                    record
                        .iter()
                        .map(|c| match c {
                            "" => Cell::Empty,
                            c => Cell::Text(c.to_string()),
                        })
                        .collect(),
                );
            }
            Ok(false) => break,
            Err(e) => {
                problems.push(csv_problem(&e, lines.of(e.position())));
                if problems.len() > 100 {
                    break;
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    Ok(Sheet {
        numbers: (1..=columns.len() as u32).collect(),
        columns,
        cells,
        rows: Rows::Numbered(rows),
        labels: Vec::new(),
    })
}

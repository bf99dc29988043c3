//! Excel workbooks (`.xlsx`), as the national health-data portals export
//! them: a sheet whose first non-empty row is the header and whose other
//! rows are data, numbers as numbers or as text. Read with `calamine`, a
//! pure-Rust reader, so the same code runs natively and in WebAssembly.
//!
//! Rows are numbered as the spreadsheet shows them, wherever the table
//! starts on its sheet: a problem at `/14/Værdi` is row 14 of the sheet.

use calamine::{Data, Reader, Xlsx};

use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Pointer, Problem, Problems};

use super::{Cell, Rows, Sheet};

/// Reads sheet `name` (the first sheet when `None`) of an `.xlsx`
/// workbook into a [`Sheet`]. Problems: bytes that are not a workbook
/// (`workbook_unreadable`), a sheet the workbook does not have
/// (`sheet_not_found`, with the sheets it has), and a sheet with no header.
pub fn read(bytes: &[u8], name: Option<&str>) -> Result<Sheet, Problems> {
    read_where(bytes, name, |_| true)
}

/// Reads sheet `name`, or without a name the first sheet that `fits`
/// (the first sheet when none does): a workbook often opens with a sheet of
/// notes before its data.
pub fn read_where(bytes: &[u8], name: Option<&str>, fits: impl Fn(&Sheet) -> bool) -> Result<Sheet, Problems> {
    if name.is_none() {
        let workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
        for sheet in workbook.sheet_names() {
            if let Ok(found) = one(bytes, Some(&sheet)) {
                if fits(&found) {
                    return Ok(found);
                }
            }
        }
    }
    one(bytes, name)
}

/// Reads one sheet.
fn one(bytes: &[u8], name: Option<&str>) -> Result<Sheet, Problems> {
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let sheets = workbook.sheet_names();
    let chosen = match name {
        Some(n) => sheets.iter().find(|s| s.as_str() == n).cloned(),
        None => sheets.first().cloned(),
    };
    let Some(chosen) = chosen else {
        return Err(Problems(vec![Problem::with_context(
            Code::SheetNotFound,
            Pointer::root().key("sheet"),
            ctx!("sheet" => name.unwrap_or(""), "sheets" => sheets.join(", "), "document" => "mapping"),
        )]));
    };
    let range = workbook
        .worksheet_range(&chosen)
        .map_err(|e| unreadable(e.to_string()))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = range
        .rows()
        .enumerate()
        .filter(|(_, r)| r.iter().any(|c| !matches!(c, Data::Empty)));
    let Some((_, header)) = rows.next() else {
        let (en, da) = (
            format!("the sheet `{chosen}` is empty"),
            format!("arket `{chosen}` er tomt"),
        );
        return Err(Problems(vec![Problem::with_context(
            Code::WorkbookUnreadable,
            "",
            ctx!("detail" => en, "detail_da" => da),
        )]));
    };
    let columns: Vec<String> = header.iter().map(|c| cell(c).text().into_owned()).collect();
    let mut cells = Vec::new();
    let mut numbers = Vec::new();
    for (i, row) in rows {
        cells.push(row.iter().map(cell).collect());
        numbers.push(top + i as u32 + 1);
    }
    Ok(Sheet {
        numbers: (0..columns.len() as u32).map(|c| left + c + 1).collect(),
        columns,
        cells,
        rows: Rows::Numbered(numbers),
        labels: Vec::new(),
    })
}

/// The bytes are no workbook: the reader's own words in English, and in
/// Danish what they mean to a reader.
fn unreadable(detail: String) -> Problems {
    let da = "filen er ikke en Excel-projektmappe (.xlsx), eller den er beskadiget";
    Problems(vec![Problem::with_context(
        Code::WorkbookUnreadable,
        "",
        ctx!("detail" => detail, "detail_da" => da),
    )])
}

/// A workbook's cell as published: numbers as numbers, the rest as text
/// (an error such as `#DIV/0!` stays text, and is then not a number).
fn cell(data: &Data) -> Cell {
    match data {
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(x) => Cell::Number(*x),
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

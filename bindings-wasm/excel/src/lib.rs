//! The Excel reader as a WebAssembly module of its own. Pages that show an
//! agreement never download it; a page that reads a dropped workbook loads
//! it (`loadExcel()` in the JS package), reads the workbook into a sheet
//! here, and hands the sheet to the main module, which maps and checks it
//! as it does every published table. The crate holds no logic: the reader
//! is core's `published::workbook`.
#![forbid(unsafe_code)]

use sundhedsaftale as core;
use wasm_bindgen::prelude::*;

/// Reads a workbook's sheet: the one `sheet` names; else the first whose
/// header has the columns `place` and `period` (when given); else the
/// first. `{"ok": sheet}` with the sheet in its JSON form, or
/// `{"problems": problems}`, as the main module answers.
#[wasm_bindgen]
pub fn read_workbook(bytes: &[u8], sheet: Option<String>, place: Option<String>, period: Option<String>) -> String {
    let fits = |s: &core::published::Sheet| {
        [&place, &period]
            .iter()
            .all(|c| c.as_ref().is_none_or(|c| s.columns.contains(c)))
    };
    let read = core::published::workbook::read_where(bytes, sheet.as_deref(), fits);
    let (key, json) = match read {
        Ok(sheet) => ("ok", serde_json::to_string(&sheet)),
        Err(problems) => ("problems", serde_json::to_string(&problems)),
    };
    match json {
        Ok(json) => format!(r#"{{"{key}":{json}}}"#),
        Err(e) => format!(
            r#"{{"argument":{}}}"#,
            serde_json::Value::from(format!("internal: {e}"))
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_becomes_a_sheet_and_bytes_that_are_none_a_problem() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/published/files/synthetic-readmissions.xlsx"
        ))
        .unwrap();
        let answer: serde_json::Value =
            serde_json::from_str(&read_workbook(&bytes, None, Some("OMRÅDE".into()), Some("TID".into()))).unwrap();
        assert_eq!(answer["ok"]["columns"][0], "OMRÅDE");
        let answer: serde_json::Value =
            serde_json::from_str(&read_workbook(b"not a workbook", None, None, None)).unwrap();
        assert_eq!(answer["problems"][0]["code"], "workbook_unreadable");
    }
}

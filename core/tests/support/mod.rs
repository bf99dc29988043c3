//! Helpers shared by the integration tests: the repository's language-neutral
//! vectors in `tests/`, and the JSON Patch subset they use.
#![allow(dead_code)] // each test binary uses a different part

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The JSON files of a vector folder under `tests/`, sorted by name.
pub fn vectors(folder: &str) -> Vec<(String, Value)> {
    let dir = repo().join("tests").join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, serde_json::from_str(&text).unwrap())
        })
        .collect()
}

/// A file of the repository, by its path from the repository's root.
pub fn repo_file(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)).unwrap()
}

/// The document text a vector describes: its `text`, or its base (an
/// embedded document, or a `document` file of the repository) with `patch` applied.
pub fn document_text(case: &Value) -> String {
    if let Some(text) = case["text"].as_str() {
        return text.to_string();
    }
    let base = match (case["base"].as_str(), case["document"].as_str()) {
        (_, Some(path)) => repo_file(path),
        (Some("nordjylland_2024"), _) => sundhedsaftale::embedded::NORDJYLLAND_2024_JSON.to_string(),
        (Some("politisk_klynge_vest_2021"), _) => sundhedsaftale::embedded::POLITISK_KLYNGE_VEST_2021_JSON.to_string(),
        other => panic!("unknown base {other:?}"),
    };
    let mut doc: Value = serde_json::from_str(&base).unwrap();
    for op in case["patch"].as_array().map_or(&[][..], Vec::as_slice) {
        apply(&mut doc, op);
    }
    // `prefix`: bytes before the document, such as a byte-order mark.
    format!(
        "{}{}",
        case["prefix"].as_str().unwrap_or(""),
        serde_json::to_string(&doc).unwrap()
    )
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// Applies one RFC 6902 operation (add, remove or replace).
pub fn apply(doc: &mut Value, op: &Value) {
    let path = op["path"].as_str().unwrap();
    let mut segments: Vec<String> = path.split('/').skip(1).map(unescape).collect();
    let last = segments.pop().expect("patch path is not the root");
    let mut target = &mut *doc;
    for s in &segments {
        target = match target {
            Value::Array(a) => &mut a[s.parse::<usize>().unwrap()],
            Value::Object(o) => o.get_mut(s).unwrap_or_else(|| panic!("no {s} in {path}")),
            _ => panic!("cannot descend into {path}"),
        };
    }
    let value = op.get("value").cloned();
    match (op["op"].as_str().unwrap(), target) {
        ("add", Value::Array(a)) if last == "-" => a.push(value.unwrap()),
        ("add", Value::Array(a)) => a.insert(last.parse().unwrap(), value.unwrap()),
        ("add" | "replace", Value::Object(o)) => {
            o.insert(last, value.unwrap());
        }
        ("replace", Value::Array(a)) => a[last.parse::<usize>().unwrap()] = value.unwrap(),
        ("remove", Value::Array(a)) => {
            a.remove(last.parse().unwrap());
        }
        ("remove", Value::Object(o)) => {
            o.remove(&last).unwrap_or_else(|| panic!("nothing to remove at {path}"));
        }
        (other, _) => panic!("unsupported patch op {other} at {path}"),
    }
}

pub mod danish;
pub mod synthetic;

/// A problem as the vectors list it: code, path, severity.
pub type Key = (String, String, String);

/// The problems' keys, sorted.
pub fn keys(problems: &sundhedsaftale::Problems) -> Vec<Key> {
    let mut k: Vec<Key> = problems
        .iter()
        .map(|p| {
            (
                p.code.as_str().to_string(),
                p.path.clone(),
                p.severity.as_str().to_string(),
            )
        })
        .collect();
    k.sort();
    k
}

/// A vector's expected problems (a JSON list of `code`, `path`, `severity`), sorted.
pub fn expected_keys(expected: &Value) -> Vec<Key> {
    let mut k: Vec<Key> = expected
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_string();
            (s("code"), s("path"), s("severity"))
        })
        .collect();
    k.sort();
    k
}

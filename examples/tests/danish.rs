//! `report --lang da` in every mode says everything in Danish: no English
//! word, no snake_case code and no place id outside backticks, no plural
//! hedged in brackets, and errors and warnings counted in words. Each
//! mode runs as a user runs it, on the embedded documents, on another
//! region's document, on observations and published tables, and on
//! broken files (every kind of structural mistake, and a file that is no
//! JSON). A failure prints every offending line with the command that
//! printed it.

use std::process::Command;

#[path = "../../core/tests/support/danish.rs"]
mod danish;

/// The repository's root.
fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A file of the repository, by its path from the root.
fn repo(path: &str) -> String {
    root().join(path).to_str().unwrap().to_string()
}

/// A file removed again when the test ends.
struct TempFile(std::path::PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

impl TempFile {
    fn path(&self) -> String {
        self.0.to_str().unwrap().to_string()
    }
}

fn temp_file(name: &str, text: &str) -> TempFile {
    let path = std::env::temp_dir().join(format!("sundhedsaftale-danish-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    TempFile(path)
}

/// What `report --lang da ARGS` prints, stdout and stderr together, with its exit code.
fn report(args: &[String]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_report"))
        .args(args)
        .args(["--lang", "da"])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap()
    );
    (out.status.code().unwrap(), text)
}

/// The embedded agreement with each of `changes` (a JSON Pointer and the value put there; `None` removes it).
fn agreement_with(changes: &[(&str, Option<serde_json::Value>)]) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(sundhedsaftale::embedded::NORDJYLLAND_2024_JSON).unwrap();
    for (pointer, value) in changes {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let parent = doc.pointer_mut(parent).unwrap();
        match (value, parent) {
            (Some(v), serde_json::Value::Array(items)) => items[key.parse::<usize>().unwrap()] = v.clone(),
            (Some(v), serde_json::Value::Object(map)) => {
                map.insert(key.to_string(), v.clone());
            }
            (None, serde_json::Value::Object(map)) => {
                map.remove(key);
            }
            _ => panic!("cannot change {pointer}"),
        }
    }
    doc.to_string()
}

#[test]
fn every_mode_of_the_report_says_it_in_danish() {
    use serde_json::json;
    let owned = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    let mut runs: Vec<Vec<String>> = vec![
        owned(&[]),
        owned(&["--date", "2027-01-01"]),
        owned(&["--date", "2021-09-06"]),
        owned(&["--date", "2027-07-01"]),
        owned(&["--minutes"]),
        owned(&["--follow-up", "2024"]),
        owned(&["--follow-up", "2024", "--verbose"]),
        owned(&["--places"]),
        owned(&["--places", "--date", "2027-01-01"]),
        owned(&["--place", "081"]),
        owned(&["--place", "Aalborg"]),
        owned(&["--place", "Hele landet"]),
        owned(&["--place", "Region Østdanmark", "--date", "2027-01-01"]),
        owned(&["--place", "Alborg"]),
        owned(&["--place", "Vyborg"]),
        owned(&["--place", "xyz"]),
        owned(&["/nonexistent/aftale.json"]),
    ];
    let readmissions = repo("tests/observations/synthetic-readmissions.csv");
    runs.push(owned(&["--follow-up", "2024", "--observations", &readmissions]));
    runs.push(owned(&[
        "--follow-up",
        "2024",
        "--observations",
        &readmissions,
        "--verbose",
    ]));
    let syddanmark = repo("examples/data/syddanmark_2019.json");
    let syddanmark_csv = repo("examples/data/syddanmark_2019_synthetic.csv");
    runs.push(owned(&[&syddanmark, "--date", "2020-06-01"]));
    runs.push(owned(&[
        &syddanmark,
        "--follow-up",
        "2023",
        "--observations",
        &syddanmark_csv,
    ]));
    // The document through time: before entry (approvals awaited), and after its amendment.
    let midtjylland = repo("examples/data/midtjylland_2019.json");
    runs.push(owned(&[&midtjylland, "--date", "2019-05-15"]));
    runs.push(owned(&[&midtjylland, "--date", "2019-12-31"]));
    // Published tables through their mappings, and a mapping that is wrong.
    let mut files = Vec::new();
    for name in [
        "001-statbank-codes.json",
        "006-cells-that-say-nothing-true.json",
        "007-mapping-against-the-table.json",
        "022-the-latest-value-withheld.json",
        "023-regions-in-their-own-years.json",
    ] {
        let vector: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(root().join("tests/published").join(name)).unwrap()).unwrap();
        let mapping = temp_file(&format!("{name}-mapping.json"), &vector["mapping"].to_string());
        let table = match vector["file"].as_str() {
            Some(file) => repo(file),
            None => {
                let file = temp_file(&format!("{name}-table.csv"), vector["text"].as_str().unwrap());
                let path = file.path();
                files.push(file);
                path
            }
        };
        runs.push(owned(&[
            "--follow-up",
            "2024",
            "--observations",
            &table,
            "--mapping",
            &mapping.path(),
        ]));
        files.push(mapping);
    }
    // Bad observations: every kind of cell that is not what its column holds.
    let bad_csv = temp_file(
        "bad.csv",
        "indicator,geography,period,value,numerator,denominator,suppressed\n\
         genindlaeggelser-30-dage,kommune:abc,2021Q5,abc,1,2,maybe\n\
         genindlaeggelser-30-dage,foo:1,2024,1,,,\n\
         genindlaeggelser-30-dage,Alborg,2024,1,,,\n\
         genindlaeggelser-30-dage,municipality:851,2024,,5,0,\n\
         genindlaeggelser-30-dage,municipality:773,2024Q1,150,,,\n",
    );
    runs.push(owned(&["--follow-up", "2024", "--observations", &bad_csv.path()]));
    files.push(bad_csv);
    // Broken agreements: wrong types at many places, dates, variants, fields, ranges, periods, ids.
    let broken = [
        agreement_with(&[("/id", Some(json!(5)))]),
        agreement_with(&[
            ("/title", Some(json!([1]))),
            ("/notes", Some(json!("x"))),
            ("/validity/nominal_duration_months", Some(json!("42"))),
            ("/validity/until_successor", Some(json!("yes"))),
            ("/organisations/0/code", Some(json!(1.5))),
            ("/vision", Some(json!(null))),
            ("/people", Some(json!({"a": 1}))),
            ("/focus_areas/0/objectives", Some(json!(true))),
        ]),
        agreement_with(&[
            ("/validity/in_force_from", Some(json!("2024-13-01"))),
            ("/clusters/0/established", Some(json!("1.7.2022"))),
            ("/bodies/0/established", Some(json!("2022-02-30"))),
        ]),
        agreement_with(&[
            ("/bodies/0/kind", Some(json!("committee"))),
            ("/organisations/0/kind", Some(json!("kommune"))),
            ("/colour", Some(json!("blå"))),
            ("/vision/x", Some(json!(1))),
        ]),
        agreement_with(&[
            ("/validity/nominal_duration_months", Some(json!(-99999999999i64))),
            ("/organisations/0/code", Some(json!(99999999999i64))),
            ("/national_goals/0/number", Some(json!(300))),
            ("/title", None),
        ]),
        agreement_with(&[
            ("/indicators/0/period_type", Some(json!("decade"))),
            ("/clusters/0/id", Some(json!("no rd"))),
            ("/organisations/10/code", Some(json!(852))),
            ("/bodies/1/cluster", None),
        ]),
        agreement_with(&[("/schema_version", Some(json!(2)))]),
        r#"{"schema_version": 1, "id": "x",}"#.to_string(),
        r#"{"schema_version": 1, "id": "x" "title": 3}"#.to_string(),
        r#"{"schema_version": 1, "id": "x\q"}"#.to_string(),
        String::new(),
        "{}".to_string(),
    ];
    for (i, text) in broken.iter().enumerate() {
        let file = temp_file(&format!("broken-{i}.json"), text);
        runs.push(owned(&[&file.path()]));
        runs.push(owned(&[&file.path(), "--redact"]));
        files.push(file);
    }
    let minutes = sundhedsaftale::embedded::POLITISK_KLYNGE_VEST_2021_JSON
        .replacen("\"outcome\": \"postponed\"", "\"outcome\": \"noted\"", 1)
        .replacen("\"date\": \"2021-09-06\"", "\"date\": \"6/9 2021\"", 1);
    let file = temp_file("minutes.json", &minutes);
    runs.push(owned(&["--minutes", &file.path()]));
    files.push(file);
    let file = temp_file(
        "minutes-noted.json",
        &sundhedsaftale::embedded::POLITISK_KLYNGE_VEST_2021_JSON.replacen(
            "\"outcome\": \"postponed\"",
            "\"outcome\": \"noted\"",
            1,
        ),
    );
    runs.push(owned(&["--minutes", &file.path()]));
    files.push(file);

    let mut offending = Vec::new();
    let mut lines = 0;
    for args in &runs {
        let (code, text) = report(args);
        assert!(code <= 2, "{args:?}: exit {code}");
        lines += text.lines().count();
        for line in danish::offending_lines(&text) {
            offending.push(format!("report --lang da {}: {line}", args.join(" ")));
        }
    }
    assert!(lines > 1500, "only {lines} lines");
    assert!(
        offending.is_empty(),
        "{} Danish lines hold English or codes:\n{}",
        offending.len(),
        offending.join("\n")
    );
}

/// Errors and warnings are counted in words, in both languages.
#[test]
fn problems_are_counted_in_words() {
    let (_, text) = report(&["--minutes".to_string()]);
    assert!(text.contains("\n0 fejl, 1 advarsel\n"), "{text}");
    let file = temp_file(
        "two.json",
        &agreement_with(&[("/id", Some(serde_json::json!(5))), ("/title", None)]),
    );
    let (code, text) = report(&[file.path()]);
    assert_eq!(code, 1);
    assert!(text.ends_with("\n2 fejl, 0 advarsler\n"), "{text}");
    assert!(text.starts_with("fejl "), "{text}");
}

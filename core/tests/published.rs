//! Runs the shared vectors of `tests/published/`: each published table read
//! through its mapping gives exactly its observations, or exactly its
//! problems (code, path, severity, and the context listed); the same table
//! in every format gives the same follow-up. Python and JS run the same files.

mod support;

use serde_json::Value;
use sundhedsaftale::annual::run_published;
use sundhedsaftale::published::{mapping::SourceMapping, read, Format};
use sundhedsaftale::{nordjylland_2024, parse_json, Problems};

/// A vector's bytes: its `file` of the repository, or its `text`.
fn bytes_of(case: &Value) -> Vec<u8> {
    match case["file"].as_str() {
        Some(path) => std::fs::read(support::repo().join(path)).unwrap(),
        None => case["text"].as_str().unwrap().as_bytes().to_vec(),
    }
}

fn outcome(case: &Value) -> (Result<Vec<Value>, Problems>, Option<Value>) {
    let mapping: SourceMapping = parse_json(&case["mapping"].to_string()).unwrap();
    let format: Format = case["format"].as_str().unwrap().parse().unwrap();
    let bytes = bytes_of(case);
    let read =
        read(&bytes, format, &mapping).map(|t| (0..t.len()).map(|r| serde_json::to_value(t.row(r)).unwrap()).collect());
    let follow_up = case["year"].as_i64().map(|year| {
        match run_published(
            &nordjylland_2024(),
            &bytes,
            format,
            &mapping,
            year as i32,
            &Default::default(),
        ) {
            Ok(result) => serde_json::to_value(&result.rows).unwrap(),
            Err(problems) => serde_json::to_value(&problems).unwrap(),
        }
    });
    (read, follow_up)
}

#[test]
fn every_published_vector_reads_as_it_says() {
    let cases = support::vectors("published");
    assert!(cases.len() >= 15, "{}", cases.len());
    let mut follow_ups = std::collections::BTreeMap::new();
    for (name, case) in &cases {
        let (read, follow_up) = outcome(case);
        if let Some(want) = case.get("expected_observations") {
            let got = read.clone().unwrap_or_else(|p| panic!("{name}: {p:?}"));
            assert_eq!(&Value::Array(got), want, "{name}");
        }
        if let Some(want) = case.get("expected") {
            // The mapping is checked against the agreement where the vector follows up a year.
            let problems = match (&follow_up, read) {
                (Some(f), _) => {
                    serde_json::from_value::<Problems>(f.clone()).unwrap_or_else(|_| panic!("{name}: followed up"))
                }
                (None, Err(p)) => p,
                (None, Ok(_)) => panic!("{name}: read without problems"),
            };
            assert_eq!(support::keys(&problems), support::expected_keys(want), "{name}");
            for e in want.as_array().unwrap() {
                let p = problems
                    .iter()
                    .find(|p| p.code.as_str() == e["code"] && p.path == e["path"])
                    .unwrap();
                for (k, v) in e.get("context").and_then(Value::as_object).into_iter().flatten() {
                    let got = p.context.get(k).cloned().unwrap_or(Value::Null);
                    assert_eq!(&got, v, "{name}: context {k}");
                }
                // A reader's own detail is in Danish too: no English in a Danish message.
                if ["jsonstat_malformed", "workbook_unreadable", "invalid_period"].contains(&p.code.as_str()) {
                    assert!(p.context.contains_key("detail_da"), "{name}: {}", p.message.da);
                    assert!(!p.message.da.contains(p.context["detail"].as_str().unwrap()), "{name}");
                }
                // Every message about a cell says where, in both languages, as the path does.
                if let Some(row) = p.context.get("cell").and_then(Value::as_str) {
                    let letters = row.trim_end_matches(|c: char| c.is_ascii_digit());
                    assert!(
                        p.message.en.contains(&format!("column {letters}")),
                        "{name}: {}",
                        p.message.en
                    );
                    assert!(
                        p.message.da.contains(&format!("kolonne {letters}")),
                        "{name}: {}",
                        p.message.da
                    );
                }
            }
        }
        if let Some(want) = case.get("expected_rows").and_then(Value::as_array) {
            let rows = follow_up
                .as_ref()
                .and_then(Value::as_array)
                .unwrap_or_else(|| panic!("{name}: no rows"));
            for e in want {
                let at: Vec<&Value> = rows
                    .iter()
                    .filter(|r| r["geography"] == e["geography"] && r["stratum"] == e["stratum"])
                    .collect();
                assert!(!at.is_empty(), "{name}: no row at {}", e["geography"]);
                for r in at {
                    for (k, v) in e.as_object().unwrap() {
                        assert_eq!(&r[k], v, "{name}: {} {k}", e["geography"]);
                    }
                }
            }
        }
        if let Some(rows) = follow_up.filter(|_| case.get("expected_observations").is_some()) {
            follow_ups.insert(name.clone(), rows);
        }
    }
    for (name, case) in &cases {
        if let Some(other) = case["same_follow_up_as"].as_str() {
            assert_eq!(follow_ups[name], follow_ups[other], "{name} against {other}");
        }
    }
    // The table in four forms was followed up, and it has rows for every municipality.
    let rows = follow_ups["001-statbank-codes.json"].as_array().unwrap();
    assert!(
        rows.iter()
            .filter(|r| r["geography"].as_str().unwrap().starts_with("municipality:"))
            .count()
            >= 11
    );
}

#[test]
fn format_names_and_file_names_agree() {
    for (path, format) in [
        ("t.csv", Format::Statbank),
        ("t.json", Format::Jsonstat),
        ("T.XLSX", Format::Xlsx),
    ] {
        assert_eq!(Format::from_path(path), Some(format));
        assert_eq!(format.name().parse::<Format>(), Ok(format));
    }
    assert_eq!(Format::from_path("t.txt"), None);
    assert!("excel".parse::<Format>().is_err());
}

/// `tests/places/`: the reference data on dates, and places by code or name.
#[test]
fn every_place_vector_finds_its_places() {
    use sundhedsaftale::directory::{place_on, places_on};
    let day = |v: &Value| sundhedsaftale::date::parse(v.as_str().unwrap()).unwrap();
    for (name, case) in support::vectors("places") {
        for c in case["counts"].as_array().unwrap() {
            let places = places_on(day(&c["on"]));
            for level in ["region", "municipality", "country"] {
                let n = places.iter().filter(|p| p.level == level).count() as u64;
                assert_eq!(Some(n), c[level].as_u64(), "{name}: {level} on {}", c["on"]);
            }
        }
        for c in case["found"].as_array().unwrap() {
            let p = serde_json::to_value(place_on(c["text"].as_str().unwrap(), day(&c["on"])).unwrap()).unwrap();
            for (k, v) in c
                .as_object()
                .unwrap()
                .iter()
                .filter(|(k, _)| !["text", "on"].contains(&k.as_str()))
            {
                assert_eq!(&p[k], v, "{name}: {k} of {}", c["text"]);
            }
        }
        for c in case["not_found"].as_array().unwrap() {
            let p = place_on(c["text"].as_str().unwrap(), day(&c["on"])).unwrap_err();
            assert_eq!(p.code.as_str(), c["code"], "{name}: {}", c["text"]);
        }
    }
}

#[test]
fn bytes_that_are_not_utf8_say_so() {
    let mapping: SourceMapping =
        parse_json(r#"{"indicator": "x", "place": "OMRÅDE", "period": "TID", "value": "INDHOLD"}"#).unwrap();
    let problems = read(b"OMR\xc5DE", Format::Statbank, &mapping).unwrap_err();
    assert_eq!(
        support::keys(&problems),
        [("invalid_encoding".into(), "".into(), "error".into())]
    );
}

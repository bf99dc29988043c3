//! Runs the language-neutral vectors in `tests/`; the Python and JS suites run
//! the same files and assert the same codes and paths.

mod support;

use serde_json::Value;
use sundhedsaftale::{
    nordjylland_2024, parse_json, rule_sets, validate, validate_minutes, HealthAgreement, Minutes, Problems,
};

use support::{expected_keys, keys, Key};

/// Parses and validates; a parse failure yields its single problem.
fn problems_of(text: &str) -> Problems {
    match parse_json::<HealthAgreement>(text) {
        Ok(a) => validate(&a),
        Err(p) => p,
    }
}

/// `result` minus `base`, as multisets.
fn new_problems(mut result: Vec<Key>, base: &[Key]) -> Vec<Key> {
    for b in base {
        if let Some(i) = result.iter().position(|r| r == b) {
            result.remove(i);
        }
    }
    result
}

/// Runs every vector of `folder`: the problems a document has beyond those of
/// its base must be exactly the expected (code, path, severity) triples.
fn check_folder(folder: &str, at_least: usize, base_text: &str, problems_of: fn(&str) -> Problems) {
    let base = keys(&problems_of(base_text));
    check_cases(folder, at_least, |case| {
        new_problems(keys(&problems_of(&support::document_text(case))), &base)
    });
}

/// Runs every vector of `folder` through `got`, which must give exactly the
/// expected (code, path, severity) triples; lists every vector that differs.
fn check_cases(folder: &str, at_least: usize, got: impl Fn(&Value) -> Vec<Key>) {
    let cases = support::vectors(folder);
    assert!(cases.len() >= at_least, "only {} vectors in {folder}", cases.len());
    let mut failures = Vec::new();
    for (name, case) in &cases {
        let got = got(case);
        let want = expected_keys(&case["expected"]);
        if got != want {
            failures.push(format!("{name}:\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_invalid_vector_produces_exactly_its_expected_codes_and_paths() {
    check_folder(
        "invalid",
        30,
        sundhedsaftale::embedded::NORDJYLLAND_2024_JSON,
        problems_of,
    );
}

/// Parses minutes and validates them against the embedded agreement.
fn minutes_problems_of(text: &str) -> Problems {
    match parse_json::<Minutes>(text) {
        Ok(m) => validate_minutes(&m, &nordjylland_2024(), rule_sets()),
        Err(p) => p,
    }
}

#[test]
fn every_invalid_minutes_vector_produces_exactly_its_expected_codes_and_paths() {
    check_folder(
        "invalid-minutes",
        10,
        sundhedsaftale::embedded::POLITISK_KLYNGE_VEST_2021_JSON,
        minutes_problems_of,
    );
}

#[test]
fn every_invalid_vector_has_at_least_one_error() {
    for (name, case) in support::vectors("invalid") {
        let problems = problems_of(&support::document_text(&case));
        let expects_error = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["severity"] == "error");
        assert_eq!(problems.has_errors(), expects_error, "{name}");
    }
}

#[test]
fn every_valid_vector_validates_and_has_its_status_on_each_date() {
    let cases = support::vectors("valid");
    assert!(!cases.is_empty());
    for (name, case) in cases {
        let agreement: HealthAgreement = parse_json(&support::document_text(&case)).unwrap();
        let problems = validate(&agreement);
        assert!(!problems.has_errors(), "{name}: {problems}");
        for expected in case["status"].as_array().unwrap() {
            let on = expected["on"].as_str().unwrap().parse().unwrap();
            let got = serde_json::to_value(agreement.status_on(on)).unwrap();
            assert_eq!(got["state"], expected["state"], "{name} on {on}");
            assert_eq!(got["decided_by"], expected["decided_by"], "{name} on {on}");
        }
    }
}

#[test]
fn problems_carry_both_languages_and_context() {
    let case = support::vectors("invalid")
        .into_iter()
        .find(|(n, _)| n.contains("municipality-code-mismatch"))
        .unwrap()
        .1;
    let problems = problems_of(&support::document_text(&case));
    let p = problems
        .iter()
        .find(|p| p.code.as_str() == "municipality_code_mismatch")
        .unwrap();
    assert_eq!(p.context["code"], Value::from("852"));
    assert_eq!(p.context["expected"], Value::from("851"));
    assert!(p.message.en.contains("Aalborg Kommune"), "{}", p.message.en);
    assert!(
        p.message.da.starts_with("Kommunen `Aalborg Kommune` har kode 852"),
        "{}",
        p.message.da
    );
}
#[test]
fn every_follow_up_vector_gives_its_rows() {
    let cases = support::vectors("follow-up");
    assert!(!cases.is_empty());
    for (name, case) in &cases {
        let agreement: HealthAgreement = parse_json(&support::document_text(case)).unwrap();
        assert!(!validate(&agreement).has_errors(), "{name}");
        // Inline JSON observations, or a CSV file of the repository.
        let (observations, format) = match case["observations_csv"].as_str() {
            Some(path) => (support::repo_file(path), sundhedsaftale::observation::Format::Csv),
            None => (
                case["observations"].to_string(),
                sundhedsaftale::observation::Format::Json,
            ),
        };
        let year = case["year"].as_i64().unwrap() as i32;
        // Options in their JSON form (`min_coverage`, `aggregate_tolerance`, …), as the bindings pass them.
        let options: sundhedsaftale::annual::FollowUpOptions = case
            .get("options")
            .map(|o| parse_json(&o.to_string()).unwrap())
            .unwrap_or_default();
        let config = sundhedsaftale::annual::FollowUpConfig::from(options);
        let result = sundhedsaftale::annual::run(&agreement, Some((&observations, format)), year, &config);
        // The follow-up's problems, or the errors that stopped it: exactly these codes,
        // paths and severities, and the context values listed.
        let problems = match &result {
            Ok(r) => r.problems.clone(),
            Err(p) => p.clone(),
        };
        if let Some(want) = case.get("expected_problems") {
            assert_eq!(keys(&problems), expected_keys(want), "{name}");
            for e in want.as_array().unwrap() {
                let Some(context) = e.get("context") else { continue };
                let p = problems
                    .iter()
                    .find(|p| p.code.as_str() == e["code"] && p.path == e["path"])
                    .unwrap();
                for (k, v) in context.as_object().unwrap() {
                    assert!(
                        p.context.get(k).is_some_and(|g| same(g, v)),
                        "{name}: context {k} of {e}"
                    );
                }
            }
        }
        let Ok(result) = result else {
            assert!(case.get("expected_problems").is_some(), "{name}: {problems:?}");
            continue;
        };
        let rows = serde_json::to_value(&result.rows).unwrap();
        for want in case["expected"].as_array().unwrap() {
            let matching: Vec<&Value> = rows
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| ["indicator", "geography", "stratum"].iter().all(|k| r[*k] == want[*k]))
                .collect();
            assert_eq!(matching.len(), 1, "{name}: {want}");
            for (k, v) in want.as_object().unwrap() {
                assert!(
                    same(&matching[0][k], v),
                    "{name}: {k} = {}, expected {v}",
                    matching[0][k]
                );
            }
        }
        // Roll-ups, found by focus area (null: the agreement) and place; every listed field exact.
        let roll_ups = serde_json::to_value(&result.roll_ups).unwrap();
        for want in case
            .get("expected_roll_ups")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let matching: Vec<&Value> = roll_ups
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| ["focus_area", "geography"].iter().all(|k| r[*k] == want[*k]))
                .collect();
            assert_eq!(matching.len(), 1, "{name}: {want}\n{roll_ups}");
            for (k, v) in want.as_object().unwrap() {
                assert!(same(&matching[0][k], v), "{name}: {k} of {want}\n{}", matching[0]);
            }
        }
    }
}

/// Equal JSON values, every float bit for bit (`-0.0` is not `0.0`; an
/// integer is not a float).
fn same(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Number(g), Value::Number(w)) if g.is_f64() || w.is_f64() => {
            g.is_f64() && w.is_f64() && g.as_f64().map(f64::to_bits) == w.as_f64().map(f64::to_bits)
        }
        (Value::Array(g), Value::Array(w)) => g.len() == w.len() && g.iter().zip(w).all(|(g, w)| same(g, w)),
        (Value::Object(g), Value::Object(w)) => {
            g.len() == w.len() && w.iter().all(|(k, w)| g.get(k).is_some_and(|g| same(g, w)))
        }
        _ => got == want,
    }
}

/// Problems of observations (raised, or returned beside the result), against the embedded agreement.
fn observation_problems(case: &Value) -> Vec<Key> {
    let csv = case["csv"].as_str().unwrap();
    let year = case["year"].as_i64().unwrap() as i32;
    // A vector may patch the embedded agreement (an indicator of another unit).
    let agreement = match case.get("patch") {
        Some(_) => parse_json::<HealthAgreement>(&support::document_text(case)).unwrap(),
        None => nordjylland_2024(),
    };
    let problems = match sundhedsaftale::annual::run(
        &agreement,
        Some((csv, sundhedsaftale::observation::Format::Csv)),
        year,
        &Default::default(),
    ) {
        Ok(result) => result.problems,
        Err(problems) => problems,
    };
    keys(&problems)
}

#[test]
fn every_invalid_observations_vector_produces_exactly_its_expected_codes_and_paths() {
    check_cases("invalid-observations", 9, observation_problems);
}

/// `tests/report/`: on each date, the report shows the parties and the
/// composition rule sets that the queries answer for that date.
#[test]
fn every_report_vector_agrees_with_the_queries() {
    let cases = support::vectors("report");
    assert!(!cases.is_empty());
    for (name, case) in &cases {
        let agreement: HealthAgreement = parse_json(&support::document_text(case)).unwrap();
        let problems = validate(&agreement);
        for check in case["checks"].as_array().unwrap() {
            let on: chrono::NaiveDate = check["on"].as_str().unwrap().parse().unwrap();
            let lang = match check["lang"].as_str().unwrap() {
                "da" => sundhedsaftale::Lang::Da,
                _ => sundhedsaftale::Lang::En,
            };
            let parties: Vec<&str> = agreement.parties_on(on).iter().map(|o| o.name.as_str()).collect();
            let want: Vec<&str> = check["parties"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect();
            assert_eq!(parties, want, "{name} on {on}");
            for (body, sets) in check["compositions"].as_object().unwrap() {
                let body = agreement.body(body).unwrap();
                let got: Vec<String> = agreement
                    .compositions_on(body, rule_sets(), on)
                    .into_iter()
                    .map(|r| r.rule_set)
                    .collect();
                assert_eq!(
                    serde_json::to_value(&got).unwrap(),
                    *sets,
                    "{name} on {on}: {}",
                    body.id
                );
            }
            let text = sundhedsaftale::report::render(&agreement, on, lang, rule_sets(), &problems);
            for s in check["report_includes"].as_array().unwrap() {
                assert!(
                    text.contains(s.as_str().unwrap()),
                    "{name} on {on}: missing {s} in\n{text}"
                );
            }
            for s in check["report_excludes"].as_array().unwrap() {
                assert!(!text.contains(s.as_str().unwrap()), "{name} on {on}: {s} in\n{text}");
            }
        }
    }
}

/// The unpatched document a vector starts from: its base or `document` file.
fn unpatched(case: &Value) -> Value {
    let mut base = case.clone();
    base.as_object_mut().unwrap().remove("patch");
    base
}

/// `tests/reform/`: answers across 1 January 2027. Validation gives exactly
/// the `expected` problems beyond the unpatched document's; on each date the
/// status (its state and the law it cites), the date's problems (code, path,
/// severity), the calendar's deadlines and the report's text are as listed.
#[test]
fn every_reform_vector_gives_its_answers_on_each_date() {
    let cases = support::vectors("reform");
    assert!(cases.len() >= 4, "only {} reform vectors", cases.len());
    for (name, case) in &cases {
        let text = support::document_text(case);
        let base = keys(&problems_of(&support::document_text(&unpatched(case))));
        let got = new_problems(keys(&problems_of(&text)), &base);
        assert_eq!(got, expected_keys(&case["expected"]), "{name}");
        let Ok(agreement) = sundhedsaftale::load_str(&text) else {
            assert!(case["on"].as_array().unwrap().is_empty(), "{name} does not load");
            continue;
        };
        for check in case["on"].as_array().unwrap() {
            let on: chrono::NaiveDate = check["on"].as_str().unwrap().parse().unwrap();
            let status = serde_json::to_value(agreement.status_on(on)).unwrap();
            assert_eq!(status["state"], check["state"], "{name} on {on}");
            assert_eq!(status["affected_by_law"], check["affected_by_law"], "{name} on {on}");
            assert_eq!(
                keys(&agreement.problems_on(on)),
                expected_keys(&check["problems"]),
                "{name} on {on}"
            );
            let due: Vec<Value> = agreement
                .calendar(on)
                .iter()
                .map(|e| e.due.map_or(Value::Null, |d| Value::from(d.to_string())))
                .collect();
            assert_eq!(Value::from(due), check["calendar_due"], "{name} on {on}");
            for report in check["report"].as_array().unwrap() {
                let lang = match report["lang"].as_str().unwrap() {
                    "da" => sundhedsaftale::Lang::Da,
                    _ => sundhedsaftale::Lang::En,
                };
                let text = sundhedsaftale::report::render(&agreement, on, lang, rule_sets(), &validate(&agreement));
                for s in report["includes"].as_array().unwrap() {
                    assert!(
                        text.contains(s.as_str().unwrap()),
                        "{name} on {on}: missing {s} in\n{text}"
                    );
                }
                for s in report["excludes"].as_array().unwrap() {
                    assert!(!text.contains(s.as_str().unwrap()), "{name} on {on}: {s} in\n{text}");
                }
            }
        }
    }
}

/// The value at JSON Pointer `pointer` in `doc`, or `null`.
fn at_pointer(doc: &Value, pointer: &str) -> Value {
    doc.pointer(pointer).cloned().unwrap_or(Value::Null)
}

/// A problem list's first (code, path), as the vectors give an error.
fn first_error(problems: &Problems) -> Value {
    problems.iter().next().map_or(
        Value::Null,
        |p| serde_json::json!({"code": p.code.as_str(), "path": p.path}),
    )
}

/// `tests/history/`: the document through time. Validation gives exactly
/// the `expected` problems beyond the unpatched document's; on each date the
/// status (its state, the approvals that decide it, how many parties are
/// awaited, a region that ceased); the document as of each date (the values
/// at the pointers listed, or the error); and the differences between two
/// days or editions (operation, path, part and both messages, or the error).
#[test]
fn every_history_vector_gives_its_status_document_and_differences() {
    use sundhedsaftale::edition::Moment;
    let cases = support::vectors("history");
    assert!(cases.len() >= 8, "only {} history vectors", cases.len());
    for (name, case) in &cases {
        let text = support::document_text(case);
        let base = keys(&problems_of(&support::document_text(&unpatched(case))));
        let got = new_problems(keys(&problems_of(&text)), &base);
        assert_eq!(got, expected_keys(&case["expected"]), "{name}");
        let Ok(agreement) = sundhedsaftale::load_str(&text) else {
            for list in ["status", "as_of", "diff"] {
                assert!(case[list].as_array().unwrap().is_empty(), "{name} does not load");
            }
            continue;
        };
        for check in case["status"].as_array().unwrap() {
            let on: chrono::NaiveDate = check["on"].as_str().unwrap().parse().unwrap();
            let status = serde_json::to_value(agreement.status_on(on)).unwrap();
            assert_eq!(status["state"], check["state"], "{name} on {on}");
            assert_eq!(status["approvals"], check["approvals"], "{name} on {on}");
            assert_eq!(
                status["awaiting_approval"].as_array().unwrap().len() as u64,
                check["awaiting_approval"].as_u64().unwrap(),
                "{name} on {on}"
            );
            assert_eq!(status["region_ceased"], check["region_ceased"], "{name} on {on}");
        }
        for check in case["as_of"].as_array().unwrap() {
            let on: chrono::NaiveDate = check["on"].as_str().unwrap().parse().unwrap();
            match agreement.as_of(on) {
                Ok(doc) => {
                    assert!(check["error"].is_null(), "{name} as of {on}");
                    let doc = serde_json::to_value(doc).unwrap();
                    for (pointer, want) in check["values"].as_object().unwrap() {
                        assert_eq!(&at_pointer(&doc, pointer), want, "{name} as of {on}: {pointer}");
                    }
                }
                Err(problems) => assert_eq!(first_error(&problems), check["error"], "{name} as of {on}"),
            }
        }
        for check in case["diff"].as_array().unwrap() {
            let moment = |key: &str| Moment::from_text(check[key].as_str().unwrap());
            match agreement.diff(&moment("from"), &moment("to")) {
                Ok(differences) => {
                    assert!(check["error"].is_null(), "{name}: {check}");
                    let got: Vec<Value> = differences
                        .iter()
                        .map(|d| {
                            let v = serde_json::to_value(d).unwrap();
                            serde_json::json!({"op": v["op"], "path": v["path"], "part": v["part"],
                                "message_en": v["message_en"], "message_da": v["message_da"]})
                        })
                        .collect();
                    assert_eq!(Value::from(got), check["differences"], "{name}: {check}");
                }
                Err(problems) => assert_eq!(first_error(&problems), check["error"], "{name}: {check}"),
            }
        }
    }
}

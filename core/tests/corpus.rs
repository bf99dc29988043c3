//! The corruption corpus (`tests/corpus/`, written by `scripts/gen-corpus.py`
//! from the invariants): each corruption of the embedded agreement, the
//! embedded minutes and a small observation file must give a problem the
//! uncorrupted document has not, at or under one of the case's expected
//! pointers. Prints the catch rate per family and fails below 95 % of the
//! cases not marked arguable. The Python and JS suites run the same corpus
//! with the same rule.

mod support;

use std::collections::BTreeMap;

use serde_json::Value;
use sundhedsaftale::annual::FollowUpConfig;
use sundhedsaftale::{
    nordjylland_2024, parse_json, rule_sets, validate, validate_minutes, HealthAgreement, Minutes, Problems,
};

type Key = (String, String, String);

fn keys(problems: &Problems) -> Vec<Key> {
    problems
        .iter()
        .map(|p| {
            (
                p.code.as_str().to_string(),
                p.path.to_string(),
                p.severity.as_str().to_string(),
            )
        })
        .collect()
}

fn agreement_problems(text: &str) -> Problems {
    match parse_json::<HealthAgreement>(text) {
        Ok(a) => validate(&a),
        Err(p) => p,
    }
}

fn minutes_problems(text: &str) -> Problems {
    match parse_json::<Minutes>(text) {
        Ok(m) => validate_minutes(&m, &nordjylland_2024(), rule_sets()),
        Err(p) => p,
    }
}

fn observation_problems(csv: &str) -> Problems {
    let agreement = nordjylland_2024();
    let observations = Some((csv, sundhedsaftale::observation::Format::Csv));
    match sundhedsaftale::annual::run(&agreement, observations, 2024, &FollowUpConfig::default()) {
        Ok(result) => result.problems,
        Err(problems) => problems,
    }
}

/// Whether `path` is `expected` or lies under it.
fn at_or_under(path: &str, expected: &str) -> bool {
    path == expected || path.strip_prefix(expected).is_some_and(|rest| rest.starts_with('/'))
}

/// The catch counts (caught, cases) per family of `cases`, against the
/// embedded document `base`, and the cases missed, by description.
fn run(
    label: &str,
    cases: &[Value],
    base: &str,
    problems_of: impl Fn(&Value) -> Problems,
    base_keys: &[Key],
) -> (BTreeMap<String, (usize, usize)>, Vec<String>) {
    let mut rates: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for case in cases {
        // The file's base (an embedded document) is each case's.
        let mut case = case.clone();
        case["base"] = Value::from(base);
        let arguable = case.get("arguable").is_some();
        let mut found = keys(&problems_of(&case));
        for b in base_keys {
            if let Some(i) = found.iter().position(|f| f == b) {
                found.remove(i);
            }
        }
        let expected: Vec<&str> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap())
            .collect();
        let caught = found
            .iter()
            .any(|(_, path, _)| expected.iter().any(|e| at_or_under(path, e)));
        // Arguable cases are counted apart, outside the gate.
        let family = case["family"].as_str().unwrap();
        let family = if arguable {
            format!("{family} (arguable)")
        } else {
            family.to_string()
        };
        let entry = rates.entry(family).or_default();
        entry.1 += 1;
        if caught {
            entry.0 += 1;
        } else if !arguable {
            missed.push(format!(
                "{label}: {} (expected at {expected:?}; new: {found:?})",
                case["description"].as_str().unwrap()
            ));
        }
    }
    (rates, missed)
}

fn corpus(file: &str) -> Value {
    serde_json::from_str(&support::repo_file(&format!("tests/corpus/{file}"))).unwrap()
}

#[test]
fn the_corpus_is_what_its_generator_writes() {
    let status = std::process::Command::new("python3")
        .arg(support::repo().join("scripts/gen-corpus.py"))
        .arg("--check")
        .status()
        .expect("python3 runs the corpus generator");
    assert!(
        status.success(),
        "tests/corpus is stale: run python3 scripts/gen-corpus.py"
    );
}

#[test]
fn at_least_95_percent_of_the_corpus_is_caught_where_expected() {
    let agreement_base = keys(&agreement_problems(sundhedsaftale::embedded::NORDJYLLAND_2024_JSON));
    let minutes_base = keys(&minutes_problems(
        sundhedsaftale::embedded::POLITISK_KLYNGE_VEST_2021_JSON,
    ));
    let csv_base = support::repo_file("tests/observations/synthetic-readmissions.csv");
    let observations_base = keys(&observation_problems(&csv_base));
    let agreements = corpus("agreements.json");
    let minutes = corpus("minutes.json");
    let observations = corpus("observations.json");
    let review = corpus("review-2026-12-03.json");
    let cases = |v: &Value| v.as_array().unwrap().clone();
    let agreement_of = |c: &Value| agreement_problems(&support::document_text(c));
    let minutes_of = |c: &Value| minutes_problems(&support::document_text(c));
    let runs = [
        (
            "agreements",
            run(
                "agreements",
                &cases(&agreements["cases"]),
                "nordjylland_2024",
                agreement_of,
                &agreement_base,
            ),
        ),
        (
            "minutes",
            run(
                "minutes",
                &cases(&minutes["cases"]),
                "politisk_klynge_vest_2021",
                minutes_of,
                &minutes_base,
            ),
        ),
        (
            "observations",
            run(
                "observations",
                &cases(&observations["cases"]),
                "",
                |c| observation_problems(c["csv"].as_str().unwrap()),
                &observations_base,
            ),
        ),
        (
            "review agreements",
            run(
                "review",
                &cases(&review["files"]["agreements"]),
                "nordjylland_2024",
                agreement_of,
                &agreement_base,
            ),
        ),
        (
            "review minutes",
            run(
                "review",
                &cases(&review["files"]["minutes"]),
                "politisk_klynge_vest_2021",
                minutes_of,
                &minutes_base,
            ),
        ),
    ];
    let (mut caught, mut total) = (0, 0);
    let mut missed = Vec::new();
    for (file, (rates, misses)) in runs {
        for (family, (c, n)) in rates {
            println!(
                "corpus {file} / {family}: {c} of {n} caught ({:.0} %)",
                100.0 * c as f64 / n as f64
            );
            if !family.ends_with("(arguable)") {
                caught += c;
                total += n;
            }
        }
        missed.extend(misses);
    }
    let rate = caught as f64 / total as f64;
    println!(
        "corpus: {caught} of {total} non-arguable corruptions caught ({:.1} %)",
        100.0 * rate
    );
    for m in &missed {
        println!("missed: {m}");
    }
    assert!(total >= 300, "only {total} corruptions");
    assert!(
        rate >= 0.95,
        "{:.1} % caught, below 95 %:\n{}",
        100.0 * rate,
        missed.join("\n")
    );
}

//! Danish output holds no English and no codes where words belong: every
//! message of the catalogue, every problem the shared vectors and a broad
//! set of structural mistakes give, and the library's readable reports in
//! every mode, each read line by line by the checker in
//! `support/danish.rs`. A failure prints every offending line.

mod support;

use chrono::NaiveDate;
use serde_json::Value;
use sundhedsaftale::annual::{self, FollowUpConfig, FollowUpOptions};
use sundhedsaftale::observation::Format;
use sundhedsaftale::published::mapping::SourceMapping;
use sundhedsaftale::{
    catalogue, nordjylland_2024, parse_json, politisk_klynge_vest_2021, report, rule_sets, validate, validate_minutes,
    Code, HealthAgreement, Lang, Minutes, Problem, Problems, RuleSet,
};

use support::danish::offending_lines;

/// Fails with every offending line of the texts, by where each came from.
fn assert_danish(texts: &[(String, String)]) {
    let mut report = Vec::new();
    for (source, text) in texts {
        for line in offending_lines(text) {
            report.push(format!("{source}: {line}"));
        }
    }
    report.sort();
    report.dedup();
    assert!(
        report.is_empty(),
        "{} Danish lines hold English or codes:\n{}",
        report.len(),
        report.join("\n")
    );
}

/// The placeholders of a template.
fn placeholders(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn every_catalogue_message_reads_in_danish() {
    let mut texts = Vec::new();
    for info in catalogue() {
        let code = Code::from_str(info.code).unwrap();
        // A representative value for each placeholder: a value to write as
        // it is, so that only the template's own words are read.
        let context = placeholders(info.template_da)
            .into_iter()
            .map(|name| (name.to_string(), Value::from("`x`")))
            .collect();
        let p = Problem::with_context(code, "/x", context);
        texts.push((info.code.to_string(), p.message.da.clone()));
        // The severity's and the code's words in the report's form.
        texts.push((
            info.code.to_string(),
            format!(
                "{} {} /x: {}",
                sundhedsaftale::Label::label(&p.severity, Lang::Da),
                info.code,
                p.message.da
            ),
        ));
    }
    assert!(texts.len() >= 2 * 150, "{} messages", texts.len() / 2);
    assert_danish(&texts);
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

fn follow_up_problems(agreement: &HealthAgreement, text: &str, format: Format, year: i32) -> Problems {
    match annual::run(agreement, Some((text, format)), year, &FollowUpConfig::default()) {
        Ok(result) => result.problems,
        Err(problems) => problems,
    }
}

/// Every pointer in `value` to a value of a place not seen before
/// (indices made `*`), parents first.
fn places(value: &Value, at: String, shape: String, seen: &mut Vec<String>, out: &mut Vec<String>) {
    if seen.contains(&shape) {
        return;
    }
    seen.push(shape.clone());
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let k = k.replace('~', "~0").replace('/', "~1");
                places(v, format!("{at}/{k}"), format!("{shape}/{k}"), seen, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                places(v, format!("{at}/{i}"), format!("{shape}/*"), seen, out);
            }
        }
        _ => {}
    }
}

/// `document` broken at each of its places in the ways that fit the value
/// there: another JSON kind, a text that is no date, no variant and no
/// period, numbers out of every range, an unknown field.
fn broken(document: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(document).unwrap();
    let mut at = Vec::new();
    places(&value, String::new(), String::new(), &mut Vec::new(), &mut at);
    let mut out = Vec::new();
    for pointer in at.iter().filter(|p| !p.is_empty()) {
        let original = value.pointer(pointer).unwrap();
        let mut replacements = vec![match original {
            Value::String(_) => serde_json::json!(5),
            Value::Number(_) | Value::Bool(_) => serde_json::json!("x"),
            Value::Array(_) => serde_json::json!({}),
            Value::Object(_) => serde_json::json!([]),
            Value::Null => serde_json::json!(true),
        }];
        match original {
            Value::String(_) => replacements.extend([
                serde_json::json!("x"),
                serde_json::json!("2024-02-30"),
                serde_json::json!(null),
                serde_json::json!(false),
            ]),
            Value::Number(_) => replacements.extend([
                serde_json::json!(-1),
                serde_json::json!(1e12),
                serde_json::json!(1.5),
                serde_json::json!([1]),
            ]),
            _ => {}
        }
        for replacement in replacements {
            let mut doc = value.clone();
            *doc.pointer_mut(pointer).unwrap() = replacement;
            out.push(doc.to_string());
        }
        if original.is_object() {
            let mut doc = value.clone();
            doc.pointer_mut(pointer)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .insert("ukendt".into(), Value::from(1));
            out.push(doc.to_string());
        }
    }
    out
}

/// Texts that are not JSON in every way serde_json says.
const NOT_JSON: &[&str] = &[
    "",
    "{",
    "[1, 2",
    "{\"a\": \"b",
    "{\"a\" 1}",
    "[1 2]",
    "{\"a\": 1 \"b\": 2}",
    "{\"a\": tru}",
    "{\"a\": }",
    "{\"a\": \"\\q\"}",
    "{\"a\": -}",
    "{\"a\": 1e999999}",
    "{\"a\": \"\\udc00\"}",
    "{\"a\": \"\u{1}\"}",
    "{1: 2}",
    "{\"a\": \"\\ud800\"}",
    "{\"a\": 1,}",
    "[1,]",
    "{} x",
    "{\"a\": \"\\u12\"}",
];

/// Every problem of every shared vector and of every structural mistake,
/// with where it came from.
fn every_problem() -> Vec<(String, Problem)> {
    let mut out: Vec<(String, Problem)> = Vec::new();
    let mut add = |source: &str, problems: Problems| {
        out.extend(problems.into_iter().map(|p| (source.to_string(), p)));
    };
    let agreement = nordjylland_2024();
    for (name, case) in support::vectors("invalid") {
        add(
            &format!("invalid/{name}"),
            agreement_problems(&support::document_text(&case)),
        );
    }
    for (name, case) in support::vectors("invalid-minutes") {
        add(
            &format!("invalid-minutes/{name}"),
            minutes_problems(&support::document_text(&case)),
        );
    }
    for (name, case) in support::vectors("invalid-observations") {
        let subject = match case.get("patch") {
            Some(_) => parse_json::<HealthAgreement>(&support::document_text(&case)).unwrap(),
            None => agreement.clone(),
        };
        let year = case["year"].as_i64().unwrap() as i32;
        add(
            &format!("invalid-observations/{name}"),
            follow_up_problems(&subject, case["csv"].as_str().unwrap(), Format::Csv, year),
        );
    }
    for file in ["agreements.json", "minutes.json", "observations.json"] {
        let corpus: Value = serde_json::from_str(&support::repo_file(&format!("tests/corpus/{file}"))).unwrap();
        for case in corpus["cases"].as_array().unwrap() {
            let mut case = case.clone();
            let problems = match file {
                "agreements.json" => {
                    case["base"] = "nordjylland_2024".into();
                    agreement_problems(&support::document_text(&case))
                }
                "minutes.json" => {
                    case["base"] = "politisk_klynge_vest_2021".into();
                    minutes_problems(&support::document_text(&case))
                }
                _ => follow_up_problems(&agreement, case["csv"].as_str().unwrap(), Format::Csv, 2024),
            };
            add(&format!("corpus/{file}"), problems);
        }
    }
    let review: Value = serde_json::from_str(&support::repo_file("tests/corpus/review-2026-12-03.json")).unwrap();
    for (kind, base) in [
        ("agreements", "nordjylland_2024"),
        ("minutes", "politisk_klynge_vest_2021"),
    ] {
        for case in review["files"][kind].as_array().unwrap() {
            let mut case = case.clone();
            case["base"] = base.into();
            let text = support::document_text(&case);
            let problems = match kind {
                "agreements" => agreement_problems(&text),
                _ => minutes_problems(&text),
            };
            add("corpus/review", problems);
        }
    }
    for (name, case) in support::vectors("follow-up") {
        let subject: HealthAgreement = parse_json(&support::document_text(&case)).unwrap();
        let (observations, format) = match case["observations_csv"].as_str() {
            Some(path) => (support::repo_file(path), Format::Csv),
            None => (case["observations"].to_string(), Format::Json),
        };
        let config = match case.get("options") {
            Some(o) => match parse_json::<FollowUpOptions>(&o.to_string()) {
                Ok(o) => FollowUpConfig::from(o),
                Err(p) => {
                    add(&format!("follow-up/{name}"), p);
                    continue;
                }
            },
            None => FollowUpConfig::default(),
        };
        let year = case["year"].as_i64().unwrap() as i32;
        let problems = match annual::run(&subject, Some((&observations, format)), year, &config) {
            Ok(r) => r.problems,
            Err(p) => p,
        };
        add(&format!("follow-up/{name}"), problems);
        if format == Format::Json {
            for text in broken(&observations) {
                add(
                    &format!("follow-up/{name} broken"),
                    follow_up_problems(&subject, &text, Format::Json, year),
                );
            }
        }
    }
    for (name, case) in support::vectors("published") {
        let mapping_text = case["mapping"].to_string();
        let bytes = match case["file"].as_str() {
            Some(path) => std::fs::read(support::repo().join(path)).unwrap(),
            None => case["text"].as_str().unwrap().as_bytes().to_vec(),
        };
        let format: sundhedsaftale::published::Format = case["format"].as_str().unwrap().parse().unwrap();
        let mapping: SourceMapping = match parse_json(&mapping_text) {
            Ok(m) => m,
            Err(p) => {
                add(&format!("published/{name}"), p);
                continue;
            }
        };
        if let Err(p) = sundhedsaftale::published::read(&bytes, format, &mapping) {
            add(&format!("published/{name}"), p);
        }
        let year = case["year"].as_i64().unwrap_or(2024) as i32;
        match annual::run_published(&agreement, &bytes, format, &mapping, year, &Default::default()) {
            Ok(r) => add(&format!("published/{name}"), r.problems),
            Err(p) => add(&format!("published/{name}"), p),
        }
        for text in broken(&mapping_text) {
            if let Err(p) = parse_json::<SourceMapping>(&text) {
                add(&format!("published/{name} mapping broken"), p);
            }
        }
    }
    for (name, case) in support::vectors("places") {
        for c in case["not_found"].as_array().unwrap() {
            let on = sundhedsaftale::date::parse(c["on"].as_str().unwrap()).unwrap();
            let p = sundhedsaftale::directory::place_on(c["text"].as_str().unwrap(), on).unwrap_err();
            add(&format!("places/{name}"), Problems(vec![p]));
        }
    }
    // Every structural mistake at every kind of place of the three documents and the options.
    for text in broken(sundhedsaftale::embedded::NORDJYLLAND_2024_JSON) {
        add("agreement broken", agreement_problems(&text));
    }
    for text in broken(sundhedsaftale::embedded::POLITISK_KLYNGE_VEST_2021_JSON) {
        add("minutes broken", minutes_problems(&text));
    }
    let rules = serde_json::to_string(&rule_sets()[1]).unwrap();
    for text in broken(&rules) {
        if let Err(p) = parse_json::<RuleSet>(&text) {
            add("rule set broken", p);
        }
    }
    let options = r#"{"targets": [{"indicator": "x", "kind": "value", "value": 1, "due": "2030"}],
        "weights": {"municipality:851": 1.0}, "small_count_threshold": 5, "min_coverage": 0.5,
        "aggregate_tolerance": 0.01, "dialect": {"separator": ";", "decimal_comma": true}}"#;
    for text in broken(options) {
        if let Err(p) = parse_json::<FollowUpOptions>(&text) {
            add("options broken", p);
        }
    }
    for text in NOT_JSON {
        add("not JSON", agreement_problems(text));
    }
    // Cells of a CSV file that are not what their column holds.
    let csv = "indicator,geography,period,value,numerator,denominator,suppressed\n\
        genindlaeggelser-30-dage,kommune:abc,2021Q5,abc,1,2,maybe\n\
        genindlaeggelser-30-dage,foo:1,2024,1,,,\n\
        genindlaeggelser-30-dage,Alborg,2024,1,,,\n\
        genindlaeggelser-30-dage,Vyborg,2024,1,,,\n\
        genindlaeggelser-30-dage,Region Østdanmark,2027,1,,,\n\
        genindlaeggelser-30-dage,municipality:,2024,1.000,,,\n";
    add("csv cells", follow_up_problems(&agreement, csv, Format::Csv, 2024));
    add(
        "csv",
        follow_up_problems(&agreement, "indicator,geography\n\"x,1\n", Format::Csv, 2024),
    );
    out
}

#[test]
fn every_problem_of_the_vectors_and_of_every_structural_mistake_reads_in_danish() {
    let problems = every_problem();
    assert!(problems.len() > 1000, "only {} problems", problems.len());
    let mut seen = std::collections::BTreeSet::new();
    let mut texts = Vec::new();
    for (source, p) in problems {
        if seen.insert(p.message.da.clone()) {
            texts.push((format!("{source} {} {}", p.code.as_str(), p.path), p.message.da));
        }
    }
    assert_danish(&texts);
}

fn day(text: &str) -> NaiveDate {
    sundhedsaftale::date::parse(text).unwrap()
}

/// The library's reports in Danish, in every mode, with where each came from.
fn every_report() -> Vec<(String, String)> {
    let a = nordjylland_2024();
    let problems = validate(&a);
    let mut out = Vec::new();
    for on in [
        "2021-09-06",
        "2024-06-01",
        "2026-12-04",
        "2027-01-01",
        "2027-07-01",
        "2031-01-01",
    ] {
        out.push((
            format!("report on {on}"),
            report::render(&a, day(on), Lang::Da, rule_sets(), &problems),
        ));
    }
    let syddanmark: HealthAgreement = parse_json(&support::repo_file("examples/data/syddanmark_2019.json")).unwrap();
    out.push((
        "report of Syddanmark".into(),
        report::render(
            &syddanmark,
            day("2020-06-01"),
            Lang::Da,
            rule_sets(),
            &validate(&syddanmark),
        ),
    ));
    // A report of a document with errors, as a caller of the library may ask for.
    let mut broken = a.clone();
    broken.organisations[10].code = Some(852);
    out.push((
        "report with errors".into(),
        report::render(&broken, day("2025-01-01"), Lang::Da, rule_sets(), &validate(&broken)),
    ));
    let minutes = politisk_klynge_vest_2021();
    out.push((
        "minutes".into(),
        report::render_minutes(
            &minutes,
            &a,
            Lang::Da,
            rule_sets(),
            &validate_minutes(&minutes, &a, rule_sets()),
        ),
    ));
    for (year, observations, verbose) in [
        (2024, None, false),
        (2024, None, true),
        (2024, Some("tests/observations/synthetic-readmissions.csv"), false),
        (2024, Some("tests/observations/synthetic-readmissions.csv"), true),
    ] {
        let text = observations.map(support::repo_file);
        let result = annual::run(
            &a,
            text.as_deref().map(|t| (t, Format::Csv)),
            year,
            &FollowUpConfig::default(),
        )
        .unwrap();
        out.push((
            format!("follow-up {year} {observations:?} verbose {verbose}"),
            report::render_follow_up(&result, &a, Lang::Da, verbose),
        ));
    }
    let csv = support::repo_file("examples/data/syddanmark_2019_synthetic.csv");
    for year in [2022, 2023] {
        let result = annual::run(&syddanmark, Some((&csv, Format::Csv)), year, &FollowUpConfig::default()).unwrap();
        out.push((
            format!("follow-up of Syddanmark {year}"),
            report::render_follow_up(&result, &syddanmark, Lang::Da, true),
        ));
    }
    // Every follow-up vector, whose observations give warnings, strata, hidden and withheld cells.
    for (name, case) in support::vectors("follow-up") {
        let subject: HealthAgreement = parse_json(&support::document_text(&case)).unwrap();
        let (observations, format) = match case["observations_csv"].as_str() {
            Some(path) => (support::repo_file(path), Format::Csv),
            None => (case["observations"].to_string(), Format::Json),
        };
        let year = case["year"].as_i64().unwrap() as i32;
        if let Ok(result) = annual::run(
            &subject,
            Some((&observations, format)),
            year,
            &FollowUpConfig::default(),
        ) {
            out.push((
                format!("follow-up/{name}"),
                report::render_follow_up(&result, &subject, Lang::Da, true),
            ));
        }
    }
    for (name, case) in support::vectors("published") {
        let Some(year) = case["year"].as_i64() else { continue };
        let Ok(mapping) = parse_json::<SourceMapping>(&case["mapping"].to_string()) else {
            continue;
        };
        let bytes = match case["file"].as_str() {
            Some(path) => std::fs::read(support::repo().join(path)).unwrap(),
            None => case["text"].as_str().unwrap().as_bytes().to_vec(),
        };
        let format: sundhedsaftale::published::Format = case["format"].as_str().unwrap().parse().unwrap();
        if let Ok(result) = annual::run_published(&a, &bytes, format, &mapping, year as i32, &Default::default()) {
            out.push((
                format!("published/{name}"),
                report::render_follow_up(&result, &a, Lang::Da, false),
            ));
        }
    }
    for on in ["2024-01-01", "2027-01-01"] {
        out.push((format!("places on {on}"), report::render_places(day(on), Lang::Da)));
    }
    out
}

#[test]
fn every_report_reads_in_danish() {
    assert_danish(&every_report());
}

/// The English reports stay English: the same modes say the words the
/// Danish ones replace.
#[test]
fn english_reports_stay_english() {
    let a = nordjylland_2024();
    let text = report::render(&a, day("2026-12-04"), Lang::En, rule_sets(), &validate(&a));
    assert!(text.contains("\nValidation\n"), "{text}");
    assert!(text.contains("0 errors, 2 warnings"), "{text}");
    assert!(
        text.contains("  warning composition_rule_not_met /bodies/0: "),
        "{text}"
    );
}

#[test]
fn the_checker_finds_english_and_codes_and_lets_danish_pass() {
    assert!(
        support::danish::offences("fejl invalid_type /id: Forkert type: et helt tal, hvor der skal stå en tekst.")
            .is_empty()
    );
    assert!(
        !support::danish::offences("fejl invalid_type /id: Forkert type: invalid type: integer, expected string.")
            .is_empty()
    );
    assert!(!support::danish::offences("2 error(s), 1 warning(s)").is_empty());
    assert!(!support::danish::offences("0 fejl, 2 advarsel(er)").is_empty());
    assert!(support::danish::offences("0 fejl, 2 advarsler (se nedenfor)").is_empty());
    assert!(support::danish::offences("Mål for `age_group` (første gang ved /focus_areas/0/key_figures)").is_empty());
    assert!(!support::danish::offences("Andel rygere [age_group=voksne]").is_empty());
    assert!(!support::danish::offences("Aalborg (municipality:851)").is_empty());
    assert!(support::danish::offences("Aalborg (`municipality:851`)").is_empty());
    assert!(support::danish::offences("status: i kraft for aftalen til og med 2027, score 5").is_empty());
}

//! The native half of the JS package `sundhedsaftale`.
//!
//! Every export takes and returns strings, and never panics: a result is a
//! JSON envelope, either `{"ok": value}`, `{"problems": [...]}` for an invalid
//! document, or `{"argument": "message"}` for a bad argument. The JS layer in
//! `js/` unwraps it and throws a `ValidationError` (or `RangeError`). Keeping
//! the boundary to JSON text means the values JS sees have exactly the shape
//! documented by the JSON Schema, and no panic can turn into a trap.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{json, Value};
use sundhedsaftale as core;
use wasm_bindgen::prelude::wasm_bindgen;

fn envelope(value: Value) -> String {
    // Serializing a `Value` cannot fail; the fallback keeps the envelope shape regardless.
    serde_json::to_string(&value).unwrap_or_else(|e| format!(r#"{{"argument":"internal: {e}"}}"#))
}

fn ok<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(v) => envelope(json!({ "ok": v })),
        Err(e) => envelope(json!({ "argument": format!("internal: {e}") })),
    }
}

fn invalid(problems: &core::Problems) -> String {
    match serde_json::to_value(problems) {
        Ok(v) => envelope(json!({ "problems": v })),
        Err(e) => envelope(json!({ "argument": format!("internal: {e}") })),
    }
}

fn argument(message: String) -> String {
    envelope(json!({ "argument": message }))
}

fn date(text: &str) -> Result<NaiveDate, String> {
    core::date::parse(text).ok_or_else(|| format!("`{text}` is not a date in the form YYYY-MM-DD"))
}

fn lang(code: &str) -> Result<core::Lang, String> {
    code.parse()
}

/// The embedded North Jutland agreement 2024, as `{"ok": agreement}`.
#[wasm_bindgen]
pub fn nordjylland_2024() -> String {
    ok(&core::nordjylland_2024())
}

/// Parses and validates a document: `{"ok": agreement}` or `{"problems": [...]}` (errors only block).
#[wasm_bindgen]
pub fn parse(text: &str) -> String {
    match core::load_str(text) {
        Ok(agreement) => ok(&agreement),
        Err(problems) => invalid(&problems),
    }
}

/// Every problem in a document, parse errors and warnings included: `{"ok": [...]}`.
#[wasm_bindgen]
pub fn validate(text: &str) -> String {
    let problems = match core::parse_json::<core::HealthAgreement>(text) {
        Ok(agreement) => core::validate(&agreement),
        Err(problems) => problems,
    };
    ok(&problems)
}

/// The validity status of a document on a date.
#[wasm_bindgen]
pub fn status_on(text: &str, on: &str) -> String {
    let on = match date(on) {
        Ok(d) => d,
        Err(e) => return argument(e),
    };
    match core::load_str(text) {
        Ok(agreement) => ok(&agreement.status_on(on)),
        Err(problems) => invalid(&problems),
    }
}

/// The follow-up calendar of a document on a date.
#[wasm_bindgen]
pub fn calendar(text: &str, on: &str) -> String {
    let on = match date(on) {
        Ok(d) => d,
        Err(e) => return argument(e),
    };
    match core::load_str(text) {
        Ok(agreement) => ok(&agreement.calendar(on)),
        Err(problems) => invalid(&problems),
    }
}

/// The readable report of a document on a date, in `en` or `da`.
#[wasm_bindgen]
pub fn report(text: &str, on: &str, lang_code: &str) -> String {
    let (on, lang) = match (date(on), lang(lang_code)) {
        (Ok(d), Ok(l)) => (d, l),
        (Err(e), _) | (_, Err(e)) => return argument(e),
    };
    match core::load_str(text) {
        Ok(agreement) => {
            let rule_sets = core::rule_sets();
            let problems = core::validate_with(&agreement, rule_sets);
            ok(&core::report::render(&agreement, on, lang, rule_sets, &problems))
        }
        Err(problems) => invalid(&problems),
    }
}

/// The embedded minutes of Politisk Klynge Vest, 6 September 2021, as `{"ok": minutes}`.
#[wasm_bindgen]
pub fn politisk_klynge_vest_2021() -> String {
    ok(&core::politisk_klynge_vest_2021())
}

/// Every problem in minutes, checked against the embedded agreement: `{"ok": [...]}`.
#[wasm_bindgen]
pub fn validate_minutes(text: &str) -> String {
    let problems = match core::parse_json::<core::Minutes>(text) {
        Ok(minutes) => core::validate_minutes(&minutes, &core::nordjylland_2024(), core::rule_sets()),
        Err(problems) => problems,
    };
    ok(&problems)
}

/// Progress for one question in its JSON form: `{"ok": progress}`, or
/// `{"progress_error": code, "message": …}` for unusable input.
#[wasm_bindgen]
pub fn progress(input: &str) -> String {
    let input: core::progress::ProgressInput = match core::parse_json(input) {
        Ok(i) => i,
        Err(problems) => return invalid(&problems),
    };
    match input.measure() {
        Ok(result) => ok(&result),
        Err(e) => envelope(json!({ "progress_error": e, "message": e.to_string() })),
    }
}

/// The annual follow-up of `year`: observations as text in `format` ("csv"
/// or "json"), or empty for the agreement's key figures; options as JSON.
#[wasm_bindgen]
pub fn follow_up(agreement: &str, year: i32, observations: &str, format: &str, options: &str) -> String {
    let format = match format {
        "csv" => core::observation::Format::Csv,
        "json" => core::observation::Format::Json,
        other => return argument(format!("unknown format `{other}` (use csv or json)")),
    };
    let options: core::annual::FollowUpOptions = match core::parse_json(options) {
        Ok(o) => o,
        Err(problems) => return invalid(&problems),
    };
    let agreement = match core::load_str(agreement) {
        Ok(a) => a,
        Err(problems) => return invalid(&problems),
    };
    let observations = (!observations.is_empty()).then_some((observations, format));
    match core::annual::run(&agreement, observations, year, &options.into()) {
        Ok(result) => ok(&result),
        Err(problems) => invalid(&problems),
    }
}

/// The catalogue of problem codes.
#[wasm_bindgen]
pub fn catalogue() -> String {
    ok(&core::catalogue())
}

/// Problems (their JSON form) with every echoed value replaced by its type and length.
#[wasm_bindgen]
pub fn redact(problems: &str) -> String {
    match serde_json::from_str::<core::Problems>(problems) {
        Ok(p) => ok(&p.redacted()),
        Err(e) => argument(format!("not a list of problems: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_envelope(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn envelopes_carry_values_problems_or_argument_errors() {
        let ok = parse_envelope(&nordjylland_2024());
        assert_eq!(ok["ok"]["id"], "nordjylland-2024");
        let bad = parse_envelope(&parse("{"));
        assert_eq!(bad["problems"][0]["code"], "json_syntax");
        let text = core::embedded::NORDJYLLAND_2024_JSON;
        assert_eq!(
            parse_envelope(&status_on(text, "2024-01-01"))["ok"]["state"],
            "in_force"
        );
        let arg = parse_envelope(&status_on(text, "1/1/2024"));
        assert!(arg["argument"].as_str().unwrap().contains("1/1/2024"));
        assert!(parse_envelope(&report(text, "2024-01-01", "de"))["argument"].is_string());
    }
}

//! The native half of the JS package `sundhedsaftale`.
//!
//! Every export takes and returns strings, and never panics: a result is a
//! JSON envelope, either `{"ok": value}`, `{"problems": [...]}` for an invalid
//! document, or `{"argument": "message"}` for a bad argument. The JS layer in
//! `js/` unwraps it and throws a `ValidationError` (or `RangeError`). Keeping
//! the boundary to JSON text means the values JS sees have exactly the shape
//! documented by the JSON Schema, and no panic can turn into a trap.
//!
//! A parsed agreement stays here, in a table of open agreements, and JS
//! holds its number: queries on it parse nothing again and return only what
//! was asked. A number, not a wasm-bindgen object, because the JS layer may
//! replace a trapped instance by a fresh one: an old number then finds no
//! agreement and says so, where an old object would point into the new
//! instance's memory.

use std::cell::RefCell;

use chrono::NaiveDate;
use serde::Serialize;
use sundhedsaftale as core;
use wasm_bindgen::prelude::wasm_bindgen;

/// `{"<key>": <value as JSON>}`, written straight to text: no intermediate
/// `serde_json::Value`, whose serializer would be compiled in again for
/// every type the module returns.
fn envelope<T: Serialize + ?Sized>(key: &str, value: &T) -> String {
    match serde_json::to_string(value) {
        Ok(json) => format!(r#"{{"{key}":{json}}}"#),
        Err(e) => argument(format!("internal: {e}")),
    }
}

fn ok<T: Serialize + ?Sized>(value: &T) -> String {
    envelope("ok", value)
}

fn invalid(problems: &core::Problems) -> String {
    envelope("problems", problems)
}

fn argument(message: String) -> String {
    // A string always serializes.
    let quoted = serde_json::to_string(&message).unwrap_or_else(|_| r#""internal""#.to_string());
    format!(r#"{{"argument":{quoted}}}"#)
}

/// An agreement's id and title.
#[derive(Serialize)]
struct Summary<'a> {
    id: &'a str,
    title: &'a str,
}

/// An organisation with its role on a date.
#[derive(Serialize)]
struct RoleOn<'a> {
    organisation: &'a core::Organisation,
    role: core::AgreementRole,
}

/// Why progress could not be measured: the code and its message.
#[derive(Serialize)]
struct ProgressFailure {
    progress_error: core::progress::ProgressError,
    message: String,
}

thread_local! {
    /// Agreements parsed for JS, by number; a slot is emptied when JS frees it.
    static OPEN: RefCell<Vec<Option<core::HealthAgreement>>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `agreement` open and gives its number (the first free slot).
fn keep(agreement: core::HealthAgreement) -> u32 {
    OPEN.with(|open| {
        let mut open = open.borrow_mut();
        let slot = match open.iter().position(Option::is_none) {
            Some(free) => free,
            None => {
                open.push(None);
                open.len() - 1
            }
        };
        open[slot] = Some(agreement);
        slot as u32
    })
}

/// Runs `query` on open agreement `handle`, or says that it is not open.
fn with_open(handle: u32, query: impl FnOnce(&core::HealthAgreement) -> String) -> String {
    OPEN.with(
        |open| match open.borrow().get(handle as usize).and_then(Option::as_ref) {
            Some(agreement) => query(agreement),
            None => argument(format!(
                "agreement {handle} is not open: it was freed, or the module restarted since it was parsed"
            )),
        },
    )
}

/// Parses and validates a document and keeps it open: `{"ok": number}` or `{"problems": [...]}`.
#[wasm_bindgen]
pub fn open(text: &str) -> String {
    match core::load_str(text) {
        Ok(agreement) => ok(&keep(agreement)),
        Err(problems) => invalid(&problems),
    }
}

/// Keeps the embedded North Jutland agreement 2024 open: `{"ok": number}`.
#[wasm_bindgen]
pub fn open_nordjylland_2024() -> String {
    ok(&keep(core::nordjylland_2024()))
}

/// Frees open agreement `handle` (nothing happens if it is not open).
#[wasm_bindgen]
pub fn close(handle: u32) {
    OPEN.with(|open| {
        if let Some(slot) = open.borrow_mut().get_mut(handle as usize) {
            *slot = None;
        }
    });
}

/// The id and title of an open agreement: `{"ok": {"id": …, "title": …}}`.
#[wasm_bindgen]
pub fn agreement_summary(handle: u32) -> String {
    with_open(handle, |a| {
        ok(&Summary {
            id: &a.id,
            title: &a.title,
        })
    })
}

/// An open agreement as its document: `{"ok": agreement}`.
#[wasm_bindgen]
pub fn agreement_data(handle: u32) -> String {
    with_open(handle, ok)
}

/// Every problem of an open agreement, warnings included: `{"ok": [...]}`.
#[wasm_bindgen]
pub fn agreement_validate(handle: u32) -> String {
    with_open(handle, |a| ok(&core::validate(a)))
}

/// The validity status of an open agreement on a date.
#[wasm_bindgen]
pub fn agreement_status_on(handle: u32, on: &str) -> String {
    on_date(handle, on, |a, on| ok(&a.status_on(on)))
}

/// What holds on a date beyond the document of an open agreement (its
/// region ceased, the law's unconfirmed end): `{"ok": [...]}`.
#[wasm_bindgen]
pub fn agreement_problems_on(handle: u32, on: &str) -> String {
    on_date(handle, on, |a, on| ok(&a.problems_on(on)))
}

/// An open agreement as in force on a date (its amendments dated by then
/// applied), kept open as a new agreement: `{"ok": number}` or `{"problems": [...]}`.
#[wasm_bindgen]
pub fn agreement_as_of(handle: u32, on: &str) -> String {
    let on = match date(on) {
        Ok(on) => on,
        Err(e) => return argument(e),
    };
    // Kept after the open table is released: `keep` borrows it again.
    let mut made = None;
    let answer = with_open(handle, |a| match a.as_of(on) {
        Ok(amended) => {
            made = Some(amended);
            String::new()
        }
        Err(problems) => invalid(&problems),
    });
    match made {
        Some(amended) => ok(&keep(amended)),
        None => answer,
    }
}

/// What differs in an open agreement between two days or editions (each a
/// `YYYY-MM-DD` day or an edition's id): `{"ok": [difference, ...]}`.
#[wasm_bindgen]
pub fn agreement_diff(handle: u32, from: &str, to: &str) -> String {
    let (from, to) = (core::Moment::from_text(from), core::Moment::from_text(to));
    with_open(handle, |a| match a.diff(&from, &to) {
        Ok(differences) => ok(&differences),
        Err(problems) => invalid(&problems),
    })
}

/// The follow-up calendar of an open agreement on a date.
#[wasm_bindgen]
pub fn agreement_calendar(handle: u32, on: &str) -> String {
    on_date(handle, on, |a, on| ok(&a.calendar(on)))
}

/// The readable report of an open agreement on a date, in `en` or `da`.
#[wasm_bindgen]
pub fn agreement_report(handle: u32, on: &str, lang_code: &str) -> String {
    match (date(on), lang(lang_code)) {
        (Ok(on), Ok(lang)) => with_open(handle, |a| render_report(a, on, lang)),
        (Err(e), _) | (_, Err(e)) => argument(e),
    }
}

/// The annual follow-up of an open agreement; arguments as for [`follow_up`].
#[wasm_bindgen]
pub fn agreement_follow_up(
    handle: u32,
    year: i32,
    observations: Option<String>,
    format: &str,
    options: &str,
) -> String {
    with_open(handle, |a| {
        run_follow_up(a, year, observations.as_deref(), format, options)
    })
}

/// The organisations with a role on a date: `{"ok": [{organisation, role}, ...]}`.
#[wasm_bindgen]
pub fn agreement_roles_on(handle: u32, on: &str) -> String {
    on_date(handle, on, |a, on| {
        let roles: Vec<RoleOn> = a
            .roles_on(on)
            .into_iter()
            .map(|(organisation, role)| RoleOn { organisation, role })
            .collect();
        ok(&roles)
    })
}

/// The parties on a date (while the agreement binds): `{"ok": [organisation, ...]}`.
#[wasm_bindgen]
pub fn agreement_parties_on(handle: u32, on: &str) -> String {
    on_date(handle, on, |a, on| ok(&a.parties_on(on)))
}

/// The clusters of the agreement's region existing on a date: `{"ok": [cluster, ...]}`.
#[wasm_bindgen]
pub fn agreement_clusters_on(handle: u32, on: &str) -> String {
    on_date(handle, on, |a, on| ok(&a.clusters_on(on).collect::<Vec<_>>()))
}

/// The cluster a municipality belongs to on a date: `{"ok": cluster | null}`.
#[wasm_bindgen]
pub fn agreement_cluster_of(handle: u32, municipality: &str, on: &str) -> String {
    on_date(handle, on, |a, on| ok(&a.cluster_of(municipality, on)))
}

/// The bodies existing on a date: `{"ok": [body, ...]}`.
#[wasm_bindgen]
pub fn agreement_bodies_on(handle: u32, on: &str) -> String {
    on_date(handle, on, |a, on| ok(&a.bodies_on(on).collect::<Vec<_>>()))
}

/// Who sits in a body on a date: `{"ok": [{post, membership, person}, ...]}`;
/// an argument error for an unknown body.
#[wasm_bindgen]
pub fn agreement_members_on(handle: u32, body: &str, on: &str) -> String {
    on_date(handle, on, |a, on| match a.body(body) {
        Some(b) => ok(&a.members_on(b, on)),
        None => unknown_body(a, body),
    })
}

/// A body's composition on a date against every rule set that applies:
/// `{"ok": [report, ...]}`; an argument error for an unknown body.
#[wasm_bindgen]
pub fn agreement_composition(handle: u32, body: &str, on: &str) -> String {
    on_date(handle, on, |a, on| match a.body(body) {
        Some(b) => ok(&a.compositions_on(b, core::rule_sets(), on)),
        None => unknown_body(a, body),
    })
}

fn unknown_body(agreement: &core::HealthAgreement, body: &str) -> String {
    argument(format!("no body `{body}` in {}", agreement.id))
}

/// Runs a dated query on an open agreement, or says why the date or handle is bad.
fn on_date(handle: u32, on: &str, query: impl FnOnce(&core::HealthAgreement, NaiveDate) -> String) -> String {
    match date(on) {
        Ok(on) => with_open(handle, |a| query(a, on)),
        Err(e) => argument(e),
    }
}

thread_local! {
    /// The embedded agreement, parsed once for the queries that default to it.
    static EMBEDDED: core::HealthAgreement = core::nordjylland_2024();
}

/// Runs `query` on open agreement `handle`, or on the embedded agreement when there is none.
fn with_agreement(handle: Option<u32>, query: impl FnOnce(&core::HealthAgreement) -> String) -> String {
    match handle {
        Some(handle) => with_open(handle, query),
        None => EMBEDDED.with(query),
    }
}

/// Every problem in minutes, checked against open agreement `handle` (the
/// embedded agreement when absent): `{"ok": [...]}`.
#[wasm_bindgen]
pub fn minutes_problems(text: &str, handle: Option<u32>) -> String {
    let minutes = match core::parse_json::<core::Minutes>(text) {
        Ok(minutes) => minutes,
        Err(problems) => return ok(&problems),
    };
    with_agreement(handle, |a| ok(&core::validate_minutes(&minutes, a, core::rule_sets())))
}

/// Runs a query on valid minutes against an agreement; `{"problems": ...}` when they have errors.
fn on_minutes(
    text: &str,
    handle: Option<u32>,
    query: impl FnOnce(&core::Minutes, &core::HealthAgreement, &core::Problems) -> String,
) -> String {
    let minutes = match core::parse_json::<core::Minutes>(text) {
        Ok(minutes) => minutes,
        Err(problems) => return invalid(&problems),
    };
    with_agreement(handle, |a| {
        let problems = core::validate_minutes(&minutes, a, core::rule_sets());
        if problems.has_errors() {
            invalid(&problems)
        } else {
            query(&minutes, a, &problems)
        }
    })
}

/// The readable report of minutes, in `en` or `da`: `{"ok": text}`.
#[wasm_bindgen]
pub fn minutes_report(text: &str, lang_code: &str, handle: Option<u32>) -> String {
    match lang(lang_code) {
        Ok(lang) => on_minutes(text, handle, |m, a, problems| {
            ok(&core::report::render_minutes(m, a, lang, core::rule_sets(), problems))
        }),
        Err(e) => argument(e),
    }
}

/// Who attended the meeting, per party: `{"ok": [{party, present, apologies, others}, ...]}`.
#[wasm_bindgen]
pub fn minutes_attendance_by_party(text: &str, handle: Option<u32>) -> String {
    on_minutes(text, handle, |m, a, _| ok(&m.attendance_by_party(a)))
}

/// The attendance's composition against every rule set that applies on the meeting's date.
#[wasm_bindgen]
pub fn minutes_composition(text: &str, handle: Option<u32>) -> String {
    on_minutes(text, handle, |m, a, _| ok(&m.compositions(a, core::rule_sets())))
}

/// The known composition rule sets: `{"ok": [rule set, ...]}`.
#[wasm_bindgen]
pub fn rule_sets() -> String {
    ok(&core::rule_sets())
}

fn render_report(agreement: &core::HealthAgreement, on: NaiveDate, lang: core::Lang) -> String {
    let rule_sets = core::rule_sets();
    let problems = core::validate_with(agreement, rule_sets);
    ok(&core::report::render(agreement, on, lang, rule_sets, &problems))
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
        Ok(agreement) => render_report(&agreement, on, lang),
        Err(problems) => invalid(&problems),
    }
}

/// The embedded minutes of Politisk Klynge Vest, 6 September 2021, as `{"ok": minutes}`.
#[wasm_bindgen]
pub fn politisk_klynge_vest_2021() -> String {
    ok(&core::politisk_klynge_vest_2021())
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
        Err(e) => {
            let message = e.to_string();
            let failure = ProgressFailure {
                progress_error: e,
                message,
            };
            serde_json::to_string(&failure).unwrap_or_else(|e| argument(format!("internal: {e}")))
        }
    }
}

/// The annual follow-up of `year`: observations as text in `format` ("csv"
/// or "json"), or none (`undefined`) for the agreement's key figures; an
/// empty text is an empty file, as in Rust and Python. Options as JSON.
#[wasm_bindgen]
pub fn follow_up(agreement: &str, year: i32, observations: Option<String>, format: &str, options: &str) -> String {
    match core::load_str(agreement) {
        Ok(a) => run_follow_up(&a, year, observations.as_deref(), format, options),
        Err(problems) => invalid(&problems),
    }
}

fn run_follow_up(
    agreement: &core::HealthAgreement,
    year: i32,
    observations: Option<&str>,
    format: &str,
    options: &str,
) -> String {
    if let Ok(published) = format.parse::<core::published::Format>() {
        return run_follow_up_published(agreement, year, observations.unwrap_or(""), Some(published), options);
    }
    if format == "sheet" {
        return run_follow_up_published(agreement, year, observations.unwrap_or(""), None, options);
    }
    let format = match format {
        "csv" => core::observation::Format::Csv,
        "json" => core::observation::Format::Json,
        other => {
            return argument(format!(
                "unknown format `{other}` (use csv, json, statbank, jsonstat or xlsx)"
            ))
        }
    };
    let options: core::annual::FollowUpOptions = match core::parse_json(options) {
        Ok(o) => o,
        Err(problems) => return invalid(&problems),
    };
    let observations = observations.map(|text| (text, format));
    match core::annual::run(agreement, observations, year, &options.into()) {
        Ok(result) => ok(&result),
        Err(problems) => invalid(&problems),
    }
}

/// The follow-up of a published table (`format` `None`: a sheet's JSON, as
/// the Excel module reads a workbook): `options` holds its `mapping` beside
/// the follow-up's options.
fn run_follow_up_published(
    agreement: &core::HealthAgreement,
    year: i32,
    text: &str,
    format: Option<core::published::Format>,
    options: &str,
) -> String {
    let Ok(serde_json::Value::Object(mut options)) = serde_json::from_str::<serde_json::Value>(options) else {
        return argument("the options are not a JSON object".into());
    };
    let Some(mapping) = options.remove("mapping") else {
        return argument("a published table needs `options.mapping`".into());
    };
    let mapping = match mapping_of(&mapping.to_string()) {
        Ok(m) => m,
        Err(answer) => return answer,
    };
    let options: core::annual::FollowUpOptions = match core::parse_json(&serde_json::Value::Object(options).to_string())
    {
        Ok(o) => o,
        Err(problems) => return invalid(&problems),
    };
    let result = match format {
        Some(format) => {
            core::annual::run_published(agreement, text.as_bytes(), format, &mapping, year, &options.into())
        }
        None => match core::parse_json::<core::published::Sheet>(text) {
            Ok(sheet) => core::annual::run_published_sheet(agreement, &sheet, &mapping, year, &options.into()),
            Err(problems) => return invalid(&problems),
        },
    };
    match result {
        Ok(result) => ok(&result),
        Err(problems) => invalid(&problems),
    }
}

/// A mapping's JSON, parsed; its problems marked as the mapping's, as the answer.
fn mapping_of(text: &str) -> Result<core::published::mapping::SourceMapping, String> {
    core::parse_json(text).map_err(|problems| invalid(&problems.in_document("mapping")))
}

/// A published table's text (`format` "statbank" or "jsonstat", or
/// "sheet": a sheet's JSON, as the Excel module reads a workbook; this
/// module has no workbook reader of its own) read through a mapping given as
/// JSON: `{"ok": [observation, ...]}` in the order read, or its problems,
/// each at the file's own row and column.
#[wasm_bindgen]
pub fn read_published(text: &str, format: &str, mapping: &str) -> String {
    let mapping = match mapping_of(mapping) {
        Ok(m) => m,
        Err(answer) => return answer,
    };
    let read = match format {
        "sheet" => core::parse_json::<core::published::Sheet>(text).and_then(|sheet| mapping.read(&sheet)),
        other => match other.parse::<core::published::Format>() {
            Ok(format) => core::published::read(text.as_bytes(), format, &mapping),
            Err(e) => return argument(e),
        },
    };
    match read {
        Ok(table) => {
            let rows: Vec<core::observation::Observation> = (0..table.len()).map(|r| table.row(r)).collect();
            ok(&rows)
        }
        Err(problems) => invalid(&problems),
    }
}

/// Why `bytes` are not text, as core says it for Rust and Python
/// (`invalid_encoding` at the first bad byte): `{"problems": [...]}`, or
/// `{"ok": null}` when they are UTF-8 after all.
#[wasm_bindgen]
pub fn text_problem(bytes: &[u8]) -> String {
    match core::parse::text_of(bytes) {
        Ok(_) => ok(&()),
        Err(problems) => invalid(&problems),
    }
}

/// Every place of the reference data on a date: `{"ok": [place, ...]}`.
#[wasm_bindgen]
pub fn places_on(on: &str) -> String {
    match date(on) {
        Ok(on) => ok(&core::directory::places_on(on)),
        Err(e) => argument(e),
    }
}

/// The place a text names on a date: `{"ok": place}`, or its problem.
#[wasm_bindgen]
pub fn place_on(text: &str, on: &str) -> String {
    match date(on) {
        Ok(on) => match core::directory::place_on(text, on) {
            Ok(place) => ok(&place),
            Err(problem) => invalid(&core::Problems(vec![problem])),
        },
        Err(e) => argument(e),
    }
}

/// Every labelled code with its English and Danish label: `{"ok": [{kind, code, en, da}, ...]}`.
#[wasm_bindgen]
pub fn labels() -> String {
    ok(&core::labels::all())
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
    use serde_json::Value;

    fn parse_envelope(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn open_agreements_answer_by_number_until_closed() {
        let handle = parse_envelope(&open(core::embedded::NORDJYLLAND_2024_JSON))["ok"]
            .as_u64()
            .unwrap() as u32;
        assert_eq!(
            parse_envelope(&agreement_summary(handle))["ok"]["id"],
            "nordjylland-2024"
        );
        assert_eq!(
            parse_envelope(&agreement_status_on(handle, "2024-01-01")),
            parse_envelope(&status_on(core::embedded::NORDJYLLAND_2024_JSON, "2024-01-01"))
        );
        assert!(parse_envelope(&agreement_status_on(handle, "2024-13-01"))["argument"].is_string());
        close(handle);
        let gone = parse_envelope(&agreement_summary(handle));
        assert!(gone["argument"].as_str().unwrap().contains("is not open"));
        // The freed slot is used again.
        let again = parse_envelope(&open_nordjylland_2024())["ok"].as_u64().unwrap() as u32;
        assert_eq!(again, handle);
        assert_eq!(parse_envelope(&open("{"))["problems"][0]["code"], "json_syntax");
        close(again);
    }

    #[test]
    fn envelopes_carry_values_problems_or_argument_errors() {
        let ok = parse_envelope(&nordjylland_2024());
        assert_eq!(ok["ok"]["id"], "nordjylland-2024");
        let bad = parse_envelope(&open("{"));
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

    #[test]
    fn empty_observations_are_an_empty_file_and_none_are_the_key_figures() {
        let text = core::embedded::NORDJYLLAND_2024_JSON;
        let empty = parse_envelope(&follow_up(text, 2024, Some(String::new()), "csv", "{}"));
        let codes: Vec<(&str, &str)> = empty["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["code"].as_str().unwrap(), p["path"].as_str().unwrap()))
            .collect();
        assert_eq!(
            codes,
            [
                ("missing_field", "/indicator"),
                ("missing_field", "/geography"),
                ("missing_field", "/period")
            ]
        );
        let own = parse_envelope(&follow_up(text, 2024, None, "csv", "{}"));
        assert!(!own["ok"]["rows"].as_array().unwrap().is_empty());
    }
}

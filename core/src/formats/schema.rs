//! JSON Schemas of the interchange formats, generated from the Rust types.
//!
//! The schemas are derived, never hand-written, so they cannot drift from the
//! model. Derivation gives the shape (fields, types, enums, dates); the
//! constraints serde cannot see are then stated here, beside each other, so
//! that an editor driven by the schema tells an author as much as the library
//! would: non-blank texts, the supported `schema_version`, national goals
//! 1–8, positive durations, percentages 0–100, a region's code, what each
//! kind of target needs. Copies are kept in `core/schema/` for people and
//! tools that do not run Rust; a test fails when a copy is out of date, and
//! another runs the shared invalid vectors through an independent validator.
//!
//! ```
//! let schema: serde_json::Value = serde_json::from_str(&sundhedsaftale::schema::agreement_schema()).unwrap();
//! assert_eq!(schema["properties"]["schema_version"]["const"], 1);
//! ```

use serde_json::{json, Map, Value};

use crate::document::agreement::{HealthAgreement, SCHEMA_VERSION};
use crate::document::composition::RuleSet;
use crate::meetings::meeting::Minutes;
use crate::places::reference::REGIONS;

/// The JSON Schema of a health agreement document, pretty-printed.
///
/// ```
/// let schema = sundhedsaftale::schema::agreement_schema();
/// assert!(schema.contains("\"schema_version\""));
/// ```
pub fn agreement_schema() -> String {
    pretty(tighten(plain(schemars::schema_for!(HealthAgreement))))
}

/// The JSON Schema of a minutes document, pretty-printed.
pub fn minutes_schema() -> String {
    pretty(tighten(plain(schemars::schema_for!(Minutes))))
}

/// The JSON Schema of a source mapping: how a published table (StatBank
/// CSV, JSON-stat, a workbook) maps onto an indicator.
pub fn source_mapping_schema() -> String {
    pretty(tighten(plain(schemars::schema_for!(
        crate::engine::published::mapping::SourceMapping
    ))))
}

/// The JSON Schemas of what the queries answer (a validity status, a
/// calendar entry, a composition report, a follow-up row and roll-up, a
/// progress result, attendance by party, a difference between two points
/// of a document's history), as one document of `$defs`. The
/// bindings' typed classes (Python) and TypeScript types are generated from
/// it and from the document schemas, so they cannot drift from the model.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(&sundhedsaftale::schema::results_schema()).unwrap();
/// assert!(schema["$defs"]["ValidityStatus"]["properties"]["state"].is_object());
/// ```
pub fn results_schema() -> String {
    use crate::document::agreement::CompositionReport;
    use crate::document::{composition, follow_up, validity};
    use crate::engine::{annual, progress};
    use crate::meetings::meeting;
    let mut generator = schemars::SchemaGenerator::default();
    let mut roots = Map::new();
    let mut root = |name: &str, schema: schemars::Schema| {
        roots.insert(name.to_string(), schema.to_value());
    };
    root("ValidityStatus", generator.subschema_for::<validity::ValidityStatus>());
    root(
        "Observation",
        generator.subschema_for::<crate::engine::observation::Observation>(),
    );
    root(
        "PlaceOn",
        generator.subschema_for::<crate::places::directory::PlaceOn>(),
    );
    root("CalendarEntry", generator.subschema_for::<follow_up::CalendarEntry>());
    root("CompositionReport", generator.subschema_for::<CompositionReport>());
    root("RuleFinding", generator.subschema_for::<composition::RuleFinding>());
    root("FollowUpRow", generator.subschema_for::<annual::FollowUpRow>());
    root("RollUpRow", generator.subschema_for::<annual::RollUpRow>());
    root("Progress", generator.subschema_for::<progress::Progress>());
    root("PartyAttendance", generator.subschema_for::<meeting::PartyAttendance>());
    root(
        "Difference",
        generator.subschema_for::<crate::document::edition::Difference>(),
    );
    let defs = generator.take_definitions(true);
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Query results",
        "description": "What the library's queries answer, in their JSON form.",
        "properties": roots,
        "$defs": defs,
    });
    pretty(schema)
}

/// The JSON Schema of a composition rule set document, pretty-printed.
pub fn rule_set_schema() -> String {
    pretty(tighten(plain(schemars::schema_for!(RuleSet))))
}

fn plain(schema: schemars::Schema) -> Value {
    schema.to_value()
}

fn pretty(schema: Value) -> String {
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

/// Adds what derivation cannot know. Parts that a document type does not
/// have (a rule set has no key figures) are skipped.
fn tighten(mut schema: Value) -> Value {
    texts(&mut schema);
    if let Some(version) = schema.pointer_mut("/properties/schema_version") {
        version["const"] = json!(SCHEMA_VERSION);
    }
    let region_codes: Vec<u16> = REGIONS.iter().filter_map(|r| r.code).collect();
    if let Some(areas) = schema.pointer_mut("/properties/focus_areas") {
        areas["minItems"] = json!(1);
    }
    let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) else {
        return schema;
    };
    extend(defs, "/Indicator/properties/focus_areas", &json!({ "minItems": 1 }));
    extend(defs, "/Dispute/properties/parties", &json!({ "minItems": 2 }));
    extend(
        defs,
        "/Cluster/properties/municipalities",
        &json!({ "uniqueItems": true }),
    );
    let goal = json!({ "minimum": 1, "maximum": 8 });
    extend(defs, "/NationalGoal/properties/number", &goal);
    extend(defs, "/Indicator/properties/national_goals/items", &goal);
    extend(
        defs,
        "/Validity/properties/nominal_duration_months",
        &json!({ "minimum": 1 }),
    );
    extend(
        defs,
        "/KeyFigure",
        &json!({
            "if": { "properties": { "unit": { "const": "percent" } }, "required": ["unit"] },
            "then": { "properties": { "value": { "minimum": 0, "maximum": 100 } } }
        }),
    );
    extend(
        defs,
        "/Organisation",
        &json!({
            "if": { "properties": { "kind": { "const": "region" } }, "required": ["kind"] },
            "then": { "required": ["code"], "properties": { "code": { "enum": region_codes } } }
        }),
    );
    let needs = |kind: &str, fields: &[&str]| {
        json!({
            "if": { "properties": { "kind": { "const": kind } }, "required": ["kind"] },
            "then": { "required": fields }
        })
    };
    extend(
        defs,
        "/Target",
        &json!({ "allOf": [
            needs("value", &["value", "due"]),
            needs("relative_change", &["change_percent", "baseline", "due"]),
            needs("range", &["low", "high"]),
        ]}),
    );
    if let Some(regions) = schema.pointer_mut("/properties/regions") {
        regions["minItems"] = json!(1);
        regions["items"]["enum"] = json!(region_codes);
    }
    schema
}

/// Merges `extra` into the schema at `pointer` under `$defs`, if it exists.
fn extend(defs: &mut Map<String, Value>, pointer: &str, extra: &Value) {
    let (Some(target), Some(extra)) = (
        defs_pointer_mut(defs, pointer).and_then(Value::as_object_mut),
        extra.as_object(),
    ) else {
        return;
    };
    for (k, v) in extra {
        target.insert(k.clone(), v.clone());
    }
}

fn defs_pointer_mut<'a>(defs: &'a mut Map<String, Value>, pointer: &str) -> Option<&'a mut Value> {
    let rest = pointer.strip_prefix('/')?;
    let (name, inner) = rest.split_once('/').map_or((rest, ""), |(n, i)| (n, i));
    let def = defs.get_mut(name)?;
    if inner.is_empty() {
        Some(def)
    } else {
        def.pointer_mut(&format!("/{inner}"))
    }
}

/// A text with a visible character (not whitespace, a control or a
/// zero-width character) and no NUL or bidirectional override anywhere:
/// what `text::check` demands of every text.
const VISIBLE_AND_CLEAN: &str = "^[^\\u0000\\u202A-\\u202E\\u2066-\\u2069]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u200B-\\u200D\\u2060\\uFEFF\\u202A-\\u202E\\u2066-\\u2069][^\\u0000\\u202A-\\u202E\\u2066-\\u2069]*$";

/// Every free text must say something and hide nothing; dates and times
/// must have their exact form, for validators that do not assert formats.
fn texts(node: &mut Value) {
    match node {
        Value::Object(map) => {
            let is_string = match map.get("type") {
                Some(Value::String(t)) => t == "string",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
                _ => false,
            };
            if is_string && !map.contains_key("pattern") && !map.contains_key("const") && !map.contains_key("enum") {
                let pattern = match map.get("format").and_then(Value::as_str) {
                    None => Some(VISIBLE_AND_CLEAN),
                    Some("date") => Some("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
                    Some("partial-time") => Some("^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?$"),
                    Some(_) => None,
                };
                if let Some(p) = pattern {
                    map.insert("pattern".into(), json!(p));
                }
            }
            for child in map.values_mut() {
                texts(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(texts),
        _ => {}
    }
}

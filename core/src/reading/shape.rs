//! Every structural mistake in a document at once.
//!
//! Serde stops at the first field it cannot read. That keeps valid documents
//! fast, so parsing still goes through serde first; only when it fails does
//! this module walk the whole JSON value against the JSON Schema derived
//! from the same types, and report every missing field, unknown field, wrong
//! type, impossible date and unknown enum value, each at its own JSON
//! Pointer, as pydantic does. Valid documents never pay for it.
//!
//! The walker understands the part of JSON Schema that `schemars` emits for
//! this crate's types: `type`, `properties`, `required`,
//! `additionalProperties`, `items`, `$ref`, `anyOf`/`oneOf`, `const`, the
//! `date` and `partial-time` formats, and the integer formats with their
//! ranges. Periods and
//! places (`$defs/Period`, `$defs/Geography`) are checked by their own
//! parsers rather than by their patterns.
//!
//! ```
//! use serde_json::json;
//! let schema = serde_json::to_value(schemars::schema_for!(sundhedsaftale::Vision)).unwrap();
//! let found = sundhedsaftale::shape::problems(&json!({"text": 5, "colour": "blå"}), &schema);
//! let mut paths: Vec<_> = found.iter().map(|p| (p.code.as_str(), p.path.as_str())).collect();
//! paths.sort();
//! assert_eq!(paths, [("invalid_type", "/text"), ("unknown_field", "/colour")]);
//! ```

use chrono::NaiveTime;
use serde_json::{Map, Value};

use crate::ground::period::Period;
use crate::places::geography::Geography;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Pointer, Problem};
use crate::reading::explain::{self, Expected, Found, Kind};

/// The structural problems of `value` against `schema` (a JSON Schema with
/// its `$defs`), in document order.
///
/// ```
/// let schema: serde_json::Value =
///     serde_json::from_str(&sundhedsaftale::schema::agreement_schema()).unwrap();
/// let mut doc: serde_json::Value =
///     serde_json::from_str(sundhedsaftale::embedded::NORDJYLLAND_2024_JSON).unwrap();
/// assert!(sundhedsaftale::shape::problems(&doc, &schema).is_empty());
/// doc["title"] = 5.into();
/// doc["colour"] = "blå".into();
/// let codes: Vec<_> = sundhedsaftale::shape::problems(&doc, &schema)
///     .iter().map(|p| (p.code.as_str(), p.path.clone())).collect();
/// assert_eq!(codes, [("invalid_type", "/title".to_string()), ("unknown_field", "/colour".to_string())]);
/// ```
pub fn problems(value: &Value, schema: &Value) -> Vec<Problem> {
    let walker = Walker {
        defs: schema.get("$defs").and_then(Value::as_object),
    };
    let mut out = Vec::new();
    walker.check(value, schema, &Pointer::root(), &mut out);
    out
}

struct Walker<'s> {
    defs: Option<&'s Map<String, Value>>,
}

fn type_matches(value: &Value, name: &str) -> bool {
    let found = Kind::of(value).name();
    found == name || (name == "number" && found == "integer")
}

impl<'s> Walker<'s> {
    fn resolve(&self, reference: &str) -> Option<(&'s str, &'s Value)> {
        let name = reference.strip_prefix("#/$defs/")?;
        self.defs?.get_key_value(name).map(|(k, v)| (k.as_str(), v))
    }

    /// Whether `value` fits `schema` with no problem at all.
    fn fits(&self, value: &Value, schema: &Value) -> bool {
        let mut out = Vec::new();
        self.check(value, schema, &Pointer::root(), &mut out);
        out.is_empty()
    }

    fn check(&self, value: &Value, schema: &Value, at: &Pointer, out: &mut Vec<Problem>) {
        let Some(schema) = schema.as_object() else { return };
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            if let Some((name, target)) = self.resolve(reference) {
                match name {
                    "Period" => return self.parsed::<Period>(value, at, out),
                    "Geography" => return self.parsed::<Geography>(value, at, out),
                    _ => self.check(value, target, at, out),
                }
            }
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(branches) = schema.get(key).and_then(Value::as_array) {
                self.one_of(value, branches, at, out);
            }
        }
        if let Some(expected) = schema.get("const") {
            if value != expected {
                out.push(explain::not_the_constant(at.clone(), value, expected));
            }
            return;
        }
        if let Some(types) = schema.get("type") {
            let names: Vec<&str> = match types {
                Value::String(t) => vec![t.as_str()],
                Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            if !names.is_empty() && !names.iter().any(|t| type_matches(value, t)) {
                let kinds: Vec<Kind> = names.iter().filter_map(|t| Kind::from_schema(t)).collect();
                out.push(explain::wrong_type(
                    at.clone(),
                    &Found::value(value),
                    &Expected::kinds(&kinds),
                ));
                return;
            }
        }
        match value {
            Value::Object(map) => self.object(map, schema, at, out),
            Value::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        self.check(item, item_schema, &at.index(i), out);
                    }
                }
            }
            Value::String(text) => {
                // The same readings the typed model applies, so the two agree.
                let unreadable = match schema.get("format").and_then(Value::as_str) {
                    Some("date") => crate::ground::date::parse(text)
                        .is_none()
                        .then(|| crate::ground::date::NOT_A_DATE.to_string()),
                    Some("partial-time") => text.parse::<NaiveTime>().err().map(|e| e.to_string()),
                    _ => None,
                };
                if let Some(detail) = unreadable {
                    out.push(explain::bad_date(at.clone(), Some(text), &detail));
                }
            }
            Value::Number(n) => {
                let below = schema
                    .get("minimum")
                    .and_then(Value::as_f64)
                    .zip(n.as_f64())
                    .is_some_and(|(min, x)| x < min);
                let above = schema
                    .get("maximum")
                    .and_then(Value::as_f64)
                    .zip(n.as_f64())
                    .is_some_and(|(max, x)| x > max);
                if below || above {
                    out.push(explain::out_of_range(
                        at.clone(),
                        n,
                        schema.get("minimum"),
                        schema.get("maximum"),
                    ));
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
    }

    /// An object: every required field present, no unknown field, and each field's value.
    fn object(&self, map: &Map<String, Value>, schema: &Map<String, Value>, at: &Pointer, out: &mut Vec<Problem>) {
        let properties = schema.get("properties").and_then(Value::as_object);
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for field in required.iter().filter_map(Value::as_str) {
                if !map.contains_key(field) {
                    out.push(Problem::with_context(
                        Code::MissingField,
                        at.key(field),
                        ctx!("field" => field),
                    ));
                }
            }
        }
        for (key, child) in map {
            match properties.and_then(|p| p.get(key)) {
                Some(child_schema) => self.check(child, child_schema, &at.key(key), out),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => out.push(Problem::with_context(
                        Code::UnknownField,
                        at.key(key),
                        ctx!("field" => key),
                    )),
                    Some(extra @ Value::Object(_)) => self.check(child, extra, &at.key(key), out),
                    _ => {}
                },
            }
        }
    }

    /// `anyOf` / `oneOf`: fine when a branch fits. Otherwise, for a choice
    /// among constants (an enum), the value is not one of them; for a choice
    /// among shapes, the problems of the branch that fits best.
    fn one_of(&self, value: &Value, branches: &[Value], at: &Pointer, out: &mut Vec<Problem>) {
        if branches.iter().any(|b| self.fits(value, b)) {
            return;
        }
        let constants: Vec<Value> = branches.iter().filter_map(|b| b.get("const")).cloned().collect();
        if constants.len() == branches.len() {
            out.push(explain::not_one_of(at.clone(), value, &constants));
            return;
        }
        let best = branches
            .iter()
            .filter(|b| b.get("type").and_then(Value::as_str) != Some("null"))
            .map(|b| {
                let mut found = Vec::new();
                self.check(value, b, at, &mut found);
                found
            })
            .min_by_key(Vec::len);
        out.extend(best.unwrap_or_default());
    }

    /// A text read by its own reader (a period, a place): the reader's
    /// reason, in both languages.
    fn parsed<T: Explained>(&self, value: &Value, at: &Pointer, out: &mut Vec<Problem>) {
        match value {
            Value::String(text) => {
                if let Some((en, da)) = T::why_not(text) {
                    out.push(Problem::with_context(
                        Code::InvalidValue,
                        at.clone(),
                        ctx!("detail" => en, "detail_da" => da),
                    ));
                }
            }
            other => out.push(explain::wrong_type(
                at.clone(),
                &Found::value(other),
                &Expected::kinds(&[Kind::String]),
            )),
        }
    }
}

/// A text with a reader of its own, which says why a text is not one, in
/// English and in Danish.
trait Explained {
    fn why_not(text: &str) -> Option<(String, String)>;
}

impl Explained for Period {
    fn why_not(text: &str) -> Option<(String, String)> {
        text.parse::<Period>().err().map(|e| (e.to_string(), e.danish()))
    }
}

impl Explained for Geography {
    fn why_not(text: &str) -> Option<(String, String)> {
        crate::places::geography::read_explained(text).err()
    }
}

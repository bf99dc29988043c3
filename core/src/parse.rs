//! Reading documents from JSON, with parse errors in the problem format.
//!
//! Valid text is read straight into the typed model. Only when that fails is
//! it read again, in steps that explain the failure: into a
//! `serde_json::Value`, so that a syntax error is reported with its line and
//! column and `schema_version` can be checked before the shape of the rest
//! is relied on; then into the typed model through `serde_path_to_error`,
//! which tracks where serde failed; that path becomes the problem's JSON
//! Pointer.
//!
//! Serde stops at the first error. When it does, the text is read once more
//! and walked against the type's JSON Schema ([`mod@crate::shape`]), so that
//! every structural mistake is reported at once; valid documents never take
//! that path. The semantic checks in [`mod@crate::validate`] also report
//! everything at once.
//!
//! ```
//! use sundhedsaftale::{parse_json, HealthAgreement};
//! let problems = parse_json::<HealthAgreement>(r#"{"schema_version": 1, "title": 5}"#).unwrap_err();
//! // Every structural mistake at once, each at its own JSON Pointer.
//! assert!(problems.iter().any(|p| p.code.as_str() == "invalid_type" && p.path == "/title"));
//! assert!(problems.iter().any(|p| p.code.as_str() == "missing_field" && p.path == "/region"));
//! ```

use crate::hash::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::agreement::SCHEMA_VERSION;
use crate::catalogue::Code;
use crate::problem::{ctx, Limits, Pointer, Problem, Problems};

/// Parses JSON text into `T`, without semantic validation.
///
/// ```
/// let err = sundhedsaftale::parse_json::<sundhedsaftale::HealthAgreement>("{").unwrap_err();
/// assert_eq!(err.0[0].code.as_str(), "json_syntax");
/// ```
pub fn parse_json<T: DeserializeOwned + JsonSchema>(text: &str) -> Result<T, Problems> {
    // A UTF-8 byte-order mark, as spreadsheets and Windows editors write it, is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The fast path: straight into the typed model, no intermediate value.
    // Only a failure pays for positions, paths and the full structural walk.
    // A document of another `schema_version` that still has this version's
    // shape parses; validation then reports the version alone.
    if let Ok(parsed) = serde_json::from_str::<T>(text) {
        return Ok(parsed);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Problems(vec![Problem::with_context(
            Code::JsonSyntax,
            "",
            ctx!("detail" => strip_position(&e.to_string()), "line" => e.line(), "column" => e.column()),
        )])
    })?;
    // A repeated key is a mistake a JSON value keeps quiet about (the last wins).
    let mut problems = duplicate_keys(text);
    if let Some(found) = value.get("schema_version").and_then(Value::as_u64) {
        if found != u64::from(SCHEMA_VERSION) {
            problems.push(Problem::with_context(
                Code::UnsupportedSchemaVersion,
                "/schema_version",
                ctx!("found" => found, "supported" => SCHEMA_VERSION),
            ));
            return Err(Problems(problems).capped(Limits::default()));
        }
    }
    // The walk needs the value that serde consumes, so it runs first; this
    // whole path is taken only when the typed parse failed.
    let walked = problems_in_shape::<T>(&value);
    match from_value::<T>(value) {
        Ok(parsed) if problems.is_empty() => return Ok(parsed),
        Ok(_) => {}
        Err(first) => {
            problems.extend(walked);
            for p in first.0 {
                if !problems.iter().any(|q| q.path == p.path) {
                    problems.push(p);
                }
            }
        }
    }
    Err(Problems(problems).capped(Limits::default()))
}

/// Every structural problem of `value` against `T`'s schema. The schema is
/// derived once per type and process: a run of bad documents (a fuzzer, a
/// batch of uploads) pays for it once.
fn problems_in_shape<T: JsonSchema>(value: &Value) -> Vec<Problem> {
    static SCHEMAS: OnceLock<Mutex<HashMap<&'static str, Arc<Value>>>> = OnceLock::new();
    let cache = SCHEMAS.get_or_init(Mutex::default);
    let name = std::any::type_name::<T>();
    let cached = cache.lock().ok().and_then(|c| c.get(name).cloned());
    let schema = match cached {
        Some(schema) => schema,
        None => {
            let Ok(schema) = serde_json::to_value(schemars::schema_for!(T)) else {
                return Vec::new();
            };
            let schema = Arc::new(schema);
            if let Ok(mut c) = cache.lock() {
                c.insert(name, Arc::clone(&schema));
            }
            schema
        }
    };
    crate::shape::problems(value, &schema)
}

/// Every key that appears twice in one object, at the path of its repeat.
fn duplicate_keys(text: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let scan = KeyScan {
        at: Pointer::root(),
        out: &mut out,
    };
    // The text is well-formed JSON (it parsed as a value), so the scan runs to its end.
    let _ = serde::de::DeserializeSeed::deserialize(scan, &mut deserializer);
    out
}

/// Walks JSON text as serde sees it, noting repeated keys with their paths.
struct KeyScan<'a> {
    at: Pointer,
    out: &'a mut Vec<Problem>,
}

impl<'de> serde::de::DeserializeSeed<'de> for KeyScan<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for KeyScan<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let out = self.out;
        let mut i = 0;
        while seq
            .next_element_seed(KeyScan {
                at: self.at.index(i),
                out: &mut *out,
            })?
            .is_some()
        {
            i += 1;
        }
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let out = self.out;
        let mut seen = crate::hash::HashSet::default();
        while let Some(key) = map.next_key::<String>()? {
            let at = self.at.key(&key);
            if !seen.insert(key.clone()) {
                out.push(Problem::with_context(
                    Code::DuplicateKey,
                    at.clone(),
                    ctx!("key" => key),
                ));
            }
            map.next_value_seed(KeyScan { at, out: &mut *out })?;
        }
        Ok(())
    }
}

/// Bytes as text: JSON is UTF-8, and bytes that are not are a problem like any
/// other (with the offset of the first bad byte), not an exception of the
/// host language.
///
/// ```
/// let err = sundhedsaftale::parse::text_of(b"{\"title\": \"\xff\"}").unwrap_err();
/// assert_eq!(err.0[0].code.as_str(), "invalid_encoding");
/// assert_eq!(sundhedsaftale::parse::text_of(b"{}").unwrap(), "{}");
/// ```
pub fn text_of(bytes: &[u8]) -> Result<&str, Problems> {
    std::str::from_utf8(bytes).map_err(|e| {
        Problems(vec![Problem::with_context(
            Code::InvalidEncoding,
            "",
            ctx!("offset" => e.valid_up_to()),
        )])
    })
}

/// Deserializes a JSON value into `T`, mapping serde's error to a problem.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, Problems> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let mut pointer = Pointer::root();
        for segment in e.path().iter() {
            use serde_path_to_error::Segment;
            pointer = match segment {
                Segment::Seq { index } => pointer.index(*index),
                Segment::Map { key } => pointer.key(key),
                Segment::Enum { variant } => pointer.key(variant),
                Segment::Unknown => pointer,
            };
        }
        Problems(vec![classify(pointer, &e.into_inner().to_string())])
    })
}

/// chrono's parse errors, which serde passes through as custom messages.
const DATE_ERRORS: &[&str] = &[
    crate::date::NOT_A_DATE,
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
];

fn classify(at: Pointer, message: &str) -> Problem {
    let message = strip_position(message);
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').nth(1))
            .map(str::to_string)
    };
    if let Some(field) = quoted("missing field ") {
        return Problem::with_context(Code::MissingField, at.key(&field), ctx!("field" => field));
    }
    if let Some(field) = quoted("unknown field ") {
        // serde_path_to_error already ends the path at the unknown key.
        return Problem::with_context(Code::UnknownField, at, ctx!("field" => field));
    }
    let code = if message.starts_with("invalid type") {
        Code::InvalidType
    } else if DATE_ERRORS.contains(&message.as_str()) {
        Code::InvalidDate
    } else {
        Code::InvalidValue
    };
    Problem::with_context(code, at, ctx!("detail" => message))
}

/// Drops serde_json's " at line L column C" suffix; the position is context.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

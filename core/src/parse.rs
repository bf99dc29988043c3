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

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::agreement::SCHEMA_VERSION;
use crate::catalogue::Code;
use crate::problem::{ctx, Pointer, Problem, Problems};

/// Parses JSON text into `T`, without semantic validation.
///
/// ```
/// let err = sundhedsaftale::parse_json::<sundhedsaftale::HealthAgreement>("{").unwrap_err();
/// assert_eq!(err.0[0].code.as_str(), "json_syntax");
/// ```
pub fn parse_json<T: DeserializeOwned + JsonSchema>(text: &str) -> Result<T, Problems> {
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
    if let Some(found) = value.get("schema_version").and_then(Value::as_u64) {
        if found != u64::from(SCHEMA_VERSION) {
            return Err(Problems(vec![Problem::with_context(
                Code::UnsupportedSchemaVersion,
                "/schema_version",
                ctx!("found" => found, "supported" => SCHEMA_VERSION),
            )]));
        }
    }
    from_value(value).map_err(|first| Problems(all_structural::<T>(text, first.0)))
}

/// Every structural problem of `text` against `T`'s schema, given serde's
/// first one, which is kept unless the walk found a problem at its path.
fn all_structural<T: JsonSchema>(text: &str, first: Vec<Problem>) -> Vec<Problem> {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return first;
    };
    let Ok(schema) = serde_json::to_value(schemars::schema_for!(T)) else {
        return first;
    };
    let mut all = crate::shape::problems(&value, &schema);
    for p in first {
        if !all.iter().any(|q| q.path == p.path) {
            all.push(p);
        }
    }
    all
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

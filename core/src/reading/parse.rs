//! Reading documents from JSON, with parse errors in the problem format.
//!
//! Valid text is read straight into the typed model. Only when that fails is
//! it read again, in steps that explain the failure: into a
//! `serde_json::Value`, so that a syntax error is reported with its line and
//! column and `schema_version` can be checked before the shape of the rest
//! is relied on; serde's own error, which says only where in the text it
//! stopped, gets the JSON Pointer of that place ([`position`]).
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

use crate::ground::hash::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Limits, Pointer, Problem, Problems};

mod position;

/// A type [`parse_json`] reads: a document (agreement, minutes, rule set)
/// or an input (observations, follow-up options, progress input). Its JSON
/// Schema explains a failed parse, every structural mistake at once
/// ([`mod@crate::shape`]).
pub trait Document: DeserializeOwned {
    /// The type's JSON Schema.
    fn schema() -> Value;
}

/// The schema version this library reads and writes. Every document (an
/// agreement, minutes, a rule set) carries it, and a parse that fails checks
/// it before relying on the shape of the rest.
pub const SCHEMA_VERSION: u32 = 1;

/// Implements [`Document`] for a document whose published schema
/// (`core/schema/`, checked against the derived one by the tests) is
/// compiled in: its schema derivation is then never called at run time, and
/// stays out of binaries that only read documents (such as the WebAssembly
/// module). Each document type invokes it beside itself, so that reading
/// knows no document.
macro_rules! published {
    ($type:ty, $file:literal) => {
        impl $crate::reading::parse::Document for $type {
            fn schema() -> serde_json::Value {
                serde_json::from_str(include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/schema/",
                    $file
                )))
                .unwrap_or_default()
            }
        }
    };
}
pub(crate) use published;

/// Implements [`Document`] for an input whose schema is derived (schemars)
/// when a parse first fails; invoked beside the input's type.
macro_rules! derived {
    ($type:ty) => {
        impl $crate::reading::parse::Document for $type {
            fn schema() -> serde_json::Value {
                schemars::schema_for!($type).to_value()
            }
        }
    };
}
pub(crate) use derived;

/// Parses JSON text into `T`, without semantic validation.
///
/// ```
/// let err = sundhedsaftale::parse_json::<sundhedsaftale::HealthAgreement>("{").unwrap_err();
/// assert_eq!(err.0[0].code.as_str(), "json_syntax");
/// ```
pub fn parse_json<T: Document>(text: &str) -> Result<T, Problems> {
    // A UTF-8 byte-order mark, as spreadsheets and Windows editors write it, is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The fast path: straight into the typed model, no intermediate value.
    // Only a failure pays for positions, paths and the full structural walk.
    // A document of another `schema_version` that still has this version's
    // shape parses; validation then reports the version alone.
    let typed_error = match serde_json::from_str::<T>(text) {
        Ok(parsed) => return Ok(parsed),
        Err(e) => e,
    };
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Problems(vec![Problem::with_context(Code::JsonSyntax, "", {
            let detail = strip_position(&e.to_string());
            ctx!(
                "detail_da" => crate::reading::explain::syntax_da(&detail),
                "detail" => detail,
                "line" => e.line(),
                "column" => e.column(),
            )
        })])
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
    // Every structural mistake at once; this whole path is taken only when
    // the typed parse failed.
    problems.extend(problems_in_shape::<T>(&value));
    // serde stopped at one error; its position in the text gives its path.
    let first = typed_problem(text, &typed_error);
    // A repeated key, which serde reports as a duplicate field, is a problem
    // of its own already; so is anything the walk found at the same place.
    let repeated_key = is_duplicate_field(&first) && problems.iter().any(|p| p.code == Code::DuplicateKey);
    if !repeated_key && !problems.iter().any(|q| q.path == first.path) {
        problems.push(first);
    }
    Err(Problems(problems).capped(Limits::default()))
}

/// Every structural problem of `value` against `T`'s schema. The schema is
/// read (or derived) once per type and process: a run of bad documents (a
/// fuzzer, a batch of uploads) pays for it once.
fn problems_in_shape<T: Document>(value: &Value) -> Vec<Problem> {
    static SCHEMAS: OnceLock<Mutex<HashMap<&'static str, Arc<Value>>>> = OnceLock::new();
    let cache = SCHEMAS.get_or_init(Mutex::default);
    let name = std::any::type_name::<T>();
    let cached = cache.lock().ok().and_then(|c| c.get(name).cloned());
    let schema = match cached {
        Some(schema) => schema,
        None => {
            let schema = Arc::new(T::schema());
            if let Ok(mut c) = cache.lock() {
                c.insert(name, Arc::clone(&schema));
            }
            schema
        }
    };
    crate::reading::shape::problems(value, &schema)
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
        let mut seen = crate::ground::hash::HashSet::default();
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

/// serde's error for `text` as a problem, at the JSON Pointer of the place
/// in the text where serde stopped ([`position`]). `text` is well-formed JSON.
/// The problem serde's `error` stands for, at the pointer of the place in
/// `text` where it stopped.
pub(crate) fn typed_problem(text: &str, error: &serde_json::Error) -> Problem {
    let message = error.to_string();
    let offset = position::offset(text, error.line(), error.column());
    // A missing field is the object's; any other error at a closing bracket
    // is its last member's (see `position::pointer_at`).
    let at = position::pointer_at(text, offset, !message.starts_with("missing field"));
    classify(at, &message)
}

/// Whether `problem` is serde's report of a repeated key.
fn is_duplicate_field(problem: &Problem) -> bool {
    problem.context.contains_key("repeated")
}

/// The problem a serde error `message` stands for, at `at`: a missing or
/// unknown field by its name, anything else read into its parts and said
/// in words in both languages ([`crate::reading::explain`]).
pub(crate) fn classify(at: Pointer, message: &str) -> Problem {
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
        // The position of an unknown key is the key's own pointer already.
        return Problem::with_context(Code::UnknownField, at, ctx!("field" => field));
    }
    crate::reading::explain::serde_problem(at, &message)
}

/// Drops serde_json's " at line L column C" suffix; the position is context.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

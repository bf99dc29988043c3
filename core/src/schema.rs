//! JSON Schemas of the interchange formats, generated from the Rust types.
//!
//! The schemas are derived, never hand-written, so they cannot drift from the
//! model. Copies are kept in `core/schema/` for people and tools that do not
//! run Rust; a test fails when a copy is out of date.

use crate::agreement::HealthAgreement;
use crate::composition::RuleSet;
use crate::meeting::Minutes;

/// The JSON Schema of a health agreement document, pretty-printed.
///
/// ```
/// let schema = sundhedsaftale::schema::agreement_schema();
/// assert!(schema.contains("\"schema_version\""));
/// ```
pub fn agreement_schema() -> String {
    pretty(schemars::schema_for!(HealthAgreement))
}

/// The JSON Schema of a minutes document, pretty-printed.
pub fn minutes_schema() -> String {
    pretty(schemars::schema_for!(Minutes))
}

/// The JSON Schema of a composition rule set document, pretty-printed.
pub fn rule_set_schema() -> String {
    pretty(schemars::schema_for!(RuleSet))
}

fn pretty(schema: schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

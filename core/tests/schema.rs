//! The JSON Schemas in `core/schema/` are generated from the types; this test
//! fails when a copy is out of date. Run with `UPDATE_SCHEMA=1` to rewrite.

mod support;

use sundhedsaftale::schema::{agreement_schema, minutes_schema, results_schema, rule_set_schema};

fn check(file: &str, generated: String) {
    let path = support::repo().join("core/schema").join(file);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{file} is out of date: run `UPDATE_SCHEMA=1 cargo test -p sundhedsaftale --test schema`"
    );
}

#[test]
fn agreement_schema_is_current() {
    check("health-agreement.schema.json", agreement_schema());
}

#[test]
fn rule_set_schema_is_current() {
    check("rule-set.schema.json", rule_set_schema());
}

#[test]
fn results_schema_is_current() {
    check("results.schema.json", results_schema());
}

#[test]
fn source_mapping_schema_is_current() {
    check(
        "source-mapping.schema.json",
        sundhedsaftale::schema::source_mapping_schema(),
    );
}

#[test]
fn minutes_schema_is_current() {
    check("minutes.schema.json", minutes_schema());
}

#[test]
fn schema_describes_the_embedded_document() {
    let schema: serde_json::Value = serde_json::from_str(&agreement_schema()).unwrap();
    let required = schema["required"].as_array().unwrap();
    for field in [
        "schema_version",
        "id",
        "title",
        "region",
        "validity",
        "organisations",
        "bodies",
        "focus_areas",
    ] {
        assert!(required.iter().any(|r| r == field), "{field} not required");
    }
    assert_eq!(schema["additionalProperties"], serde_json::Value::Bool(false));
}

/// The structural walker finds nothing in valid documents: every problem it
/// reports on an invalid one is real, not an artefact of the schema.
#[test]
fn the_structural_walk_accepts_every_embedded_document() {
    use sundhedsaftale::embedded::{
        NORDJYLLAND_2024_JSON, POLITISK_KLYNGE_VEST_2021_JSON, RULES_BEFORE_2022_JSON, RULES_FROM_2022_JSON,
    };
    for (schema, text) in [
        (agreement_schema(), NORDJYLLAND_2024_JSON),
        (minutes_schema(), POLITISK_KLYNGE_VEST_2021_JSON),
        (rule_set_schema(), RULES_BEFORE_2022_JSON),
        (rule_set_schema(), RULES_FROM_2022_JSON),
    ] {
        let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
        let doc: serde_json::Value = serde_json::from_str(text).unwrap();
        let found = sundhedsaftale::shape::problems(&doc, &schema);
        assert!(found.is_empty(), "{found:?}");
    }
}

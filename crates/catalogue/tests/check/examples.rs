//! The documented examples (`docs/examples/*.json`) are records that pass `check` with no finding
//! at all, and the JSON Schema names every field the model has.

use std::path::Path;

use super::support::{check_bytes, findings};
use catalogue::check::Outcome;

fn docs() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs")
}

/// An example file (pretty-printed) as one catalogue line.
fn as_line(name: &str) -> String {
    let text = std::fs::read_to_string(docs().join("examples").join(name)).expect("example");
    let value: serde_json::Value = serde_json::from_str(&text).expect("example is JSON");
    value.to_string()
}

#[test]
fn both_examples_pass_check_with_no_finding() {
    let catalogue = format!(
        "{}\n{}\n",
        as_line("offer.json"),
        as_line("foster_family.json")
    );
    let (outcomes, summary) = check_bytes(catalogue.as_bytes());
    assert_eq!((summary.records, summary.accepted), (2, 2));
    for outcome in &outcomes {
        assert!(matches!(outcome, Outcome::Accepted { .. }));
        assert_eq!(findings(outcome), &[]);
    }
}

#[test]
fn the_schema_describes_every_field_of_the_examples() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(docs().join("catalogue.schema.json")).expect("schema"),
    )
    .expect("schema is JSON");
    let defs = &schema["$defs"];
    for (example, def) in [
        ("offer.json", "offer"),
        ("foster_family.json", "foster_family"),
    ] {
        let value: serde_json::Value = serde_json::from_str(&as_line(example)).expect("JSON");
        assert_fields_described(&value, &defs[def], defs, def);
    }
}

/// Every key of `value` is a property of `schema` (following `$ref`s into `defs`), recursively,
/// and the schema forbids other keys.
fn assert_fields_described(
    value: &serde_json::Value,
    schema: &serde_json::Value,
    defs: &serde_json::Value,
    path: &str,
) {
    let schema = resolve(schema, defs);
    match value {
        serde_json::Value::Object(map) => {
            assert_eq!(
                schema["additionalProperties"],
                serde_json::Value::Bool(false),
                "{path} must forbid unknown fields like the model does"
            );
            for (key, child) in map {
                let property = &schema["properties"][key];
                assert!(!property.is_null(), "{path}.{key} is not in the schema");
                assert_fields_described(child, property, defs, &format!("{path}.{key}"));
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                assert_fields_described(item, &schema["items"], defs, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

fn resolve<'a>(
    schema: &'a serde_json::Value,
    defs: &'a serde_json::Value,
) -> &'a serde_json::Value {
    let mut schema = schema;
    // Nullable fields are `anyOf: [{"$ref": ...}, {"type": "null"}]`.
    if let Some(first) = schema["anyOf"].as_array().and_then(|a| a.first()) {
        schema = first;
    }
    match schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        Some(name) => &defs[name],
        None => schema,
    }
}

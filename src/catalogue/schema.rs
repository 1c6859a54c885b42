//! The catalogue's JSON Schema, generated from the Rust types so it can never drift from what the
//! loader reads. Committed as `data/catalogue.schema.json` for site owners' editors.

use super::model::Catalogue;

/// The schema as pretty-printed JSON.
pub fn schema_json() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(Catalogue)).unwrap_or_default();
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$id".into(),
            "https://clinic-compare.example/catalogue.schema.json".into(),
        );
        obj.insert(
            "description".into(),
            "A clinic-compare catalogue: treatment services for families to compare. Coded values use the \
             vocabulary in docs/catalogue.md; unknown codes are accepted with a warning."
                .into(),
        );
    }
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

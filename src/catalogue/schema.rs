//! The catalogue's JSON Schema, generated from the Rust types so it can never drift from what the
//! loader reads. Committed as `data/catalogue.schema.json` for site owners' editors.

use serde_json::{json, Value};

use super::model::Catalogue;
use super::vocabulary::{terms, Group};

/// Where vocabulary codes go: ($defs type, property, group). Editors offer the codes as examples;
/// other codes stay allowed (they load with a warning).
const CODE_FIELDS: [(&str, &str, Group); 12] = [
    ("Clinic", "settings", Group::Setting),
    ("Clinic", "detox", Group::Detox),
    ("Clinic", "therapies", Group::Therapy),
    ("Clinic", "conditions", Group::Condition),
    ("Clinic", "groups", Group::SpecialGroup),
    ("Clinic", "accepts", Group::Accepts),
    ("Clinic", "services", Group::Service),
    ("Aftercare", "kinds", Group::Aftercare),
    ("Cost", "funding", Group::Funding),
    ("MedicationOffer", "code", Group::Medication),
    ("MedicationOffer", "forms", Group::MedicationForm),
    ("Credential", "code", Group::Credential),
];

fn add_code_examples(schema: &mut Value) {
    for (def, property, group) in CODE_FIELDS {
        let codes: Vec<&str> = terms(group).map(|t| t.code).collect();
        let Some(prop) = schema.pointer_mut(&format!("/$defs/{def}/properties/{property}")) else {
            continue;
        };
        let target = match prop.get_mut("items") {
            Some(items) => items,
            None => prop,
        };
        if let Some(obj) = target.as_object_mut() {
            obj.insert("examples".into(), json!(codes));
        }
    }
    let stances: Vec<&str> = terms(Group::Stance).map(|t| t.code).collect();
    if let Some(obj) = schema
        .pointer_mut("/$defs/Clinic/properties/stance")
        .and_then(Value::as_object_mut)
    {
        obj.insert("examples".into(), json!(stances));
    }
}

/// The schema as pretty-printed JSON.
pub fn schema_json() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(Catalogue)).unwrap_or_default();
    add_code_examples(&mut schema);
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

//! Seeded property tests of every entry point that takes outside input: catalogue text, element
//! attributes and search queries never panic, and problems are always named. (Longer runs of the
//! same entry points: `make fuzz`.)
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use clinic_compare::catalogue::{load, Severity};
use clinic_compare::config::Config;
use clinic_compare::search::{Index, Query};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Arbitrary JSON, biased towards the catalogue's own field names.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        any::<i64>().prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::from),
        prop::sample::select(vec![
            "methadone",
            "GB",
            "javascript:alert(1)",
            "2026-01-01",
            "nhs",
            "residential"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let keys = prop::sample::select(vec![
            "id",
            "name",
            "location",
            "town",
            "country",
            "lat",
            "lon",
            "settings",
            "medications",
            "code",
            "forms",
            "cost",
            "price",
            "from",
            "funding",
            "contact",
            "website",
            "answers",
            "clinics",
            "schema_version",
            "x",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys.prop_map(str::to_string), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text_loads_or_says_why(text in "\\PC{0,200}") {
        match load(&text) {
            Ok(loaded) => prop_assert!(loaded.diagnostics.iter().all(|d| !d.path.is_empty() && !d.message.is_empty())),
            Err(d) => prop_assert!(d.severity == Severity::Error && !d.message.is_empty()),
        }
    }

    #[test]
    fn any_clinics_load_without_panic_and_survivors_search(clinics in prop::collection::vec(arb_json(), 0..8)) {
        let doc = json!({ "schema_version": 1, "publisher": { "name": "P", "updated": "2026-01-01" }, "clinics": clinics });
        let loaded = load(&doc.to_string()).expect("the envelope is valid");
        let errors = loaded.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        prop_assert!(loaded.clinics.len() + errors >= clinics_len(&doc));
        for d in &loaded.diagnostics {
            prop_assert!(d.path.starts_with("clinics[") || d.path == "publisher", "{}", d);
        }
        let index = Index::build(&loaded.clinics);
        prop_assert_eq!(index.search(&Query::default()).total(), loaded.clinics.len());
    }

    #[test]
    fn any_attributes_give_a_config_and_at_most_one_warning_each(
        values in prop::collection::hash_map(
            prop::sample::select(clinic_compare::config::ATTRIBUTES.to_vec()),
            "\\PC{0,30}",
            0..11,
        )
    ) {
        let map: HashMap<&str, String> = values.into_iter().collect();
        let (config, warnings) = Config::from_attributes(|name| map.get(name).cloned());
        for attribute in clinic_compare::config::ATTRIBUTES {
            let n = warnings.iter().filter(|w| w.attribute == attribute).count();
            prop_assert!(n <= 1, "{attribute}: {n} warnings");
        }
        prop_assert!((2..=6).contains(&config.max_compare));
        prop_assert!(!config.emergency_number().is_empty());
    }

    #[test]
    fn words_are_the_words_of_the_folded_text(text in "([a-zA-Z0-9 ,.'-]{0,6}\\PC{0,3}){0,6}") {
        use clinic_compare::search::text::{fold, split_words, words};
        let expected: Vec<String> = split_words(&fold(&text)).map(str::to_string).collect();
        prop_assert_eq!(words(&text), expected);
    }

    #[test]
    fn any_query_text_is_safe(text in "\\PC{0,40}", place in "\\PC{0,20}") {
        let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/clinics.json")).unwrap();
        let loaded = load(&doc).unwrap();
        let index = Index::build(&loaded.clinics);
        let point = index.resolve_place(&place);
        let r = index.search(&Query { text, point, radius_km: Some(50.0), ..Default::default() });
        prop_assert!(r.total() <= loaded.clinics.len());
    }
}

fn clinics_len(doc: &Value) -> usize {
    doc["clinics"].as_array().map_or(0, Vec::len)
}

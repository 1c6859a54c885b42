//! The hostile catalogue corpus (tests/hostile/, made by make-corpus.py) through the loader: each
//! file either loads exactly the expected number of clinics, with one named diagnostic per problem,
//! or fails as a whole with the expected message. Nothing panics. The huge cases are built here.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use clinic_compare::catalogue::{load, Severity};
use serde_json::{json, Value};

/// What the browser does with bytes: UTF-16 and other non-UTF-8 files get a message, not a panic.
fn load_bytes(bytes: &[u8]) -> Result<clinic_compare::catalogue::Loaded, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("the file is saved as UTF-16".into());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    load(text).map_err(|d| d.to_string())
}

#[test]
fn every_corpus_file_behaves_as_the_manifest_says() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let manifest: serde_json::Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    assert!(manifest.len() >= 40, "dozens of hostile files");
    for (name, expected) in &manifest {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        match (load_bytes(&bytes), expected.get("clinics"), expected.get("fatal")) {
            (Ok(loaded), Some(n), None) => {
                assert_eq!(
                    loaded.clinics.len() as u64,
                    n.as_u64().unwrap(),
                    "{name}: {:#?}",
                    loaded.diagnostics
                );
                for d in &loaded.diagnostics {
                    assert!(!d.path.is_empty() && !d.message.is_empty(), "{name}: {d}");
                }
                // Every record that did not load is named by exactly one error.
                let records = record_count(&bytes);
                let errors = loaded
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error && d.record.is_some())
                    .count();
                assert_eq!(
                    errors,
                    records - loaded.clinics.len(),
                    "{name}: {:#?}",
                    loaded.diagnostics
                );
            }
            (Err(message), None, Some(fatal)) => {
                assert!(message.contains(fatal.as_str().unwrap()), "{name}: {message}");
            }
            (outcome, _, _) => panic!(
                "{name}: expected {expected}, got {:?}",
                outcome.map(|l| l.clinics.len())
            ),
        }
    }
}

/// How many clinic records a file holds, read without interpreting them.
fn record_count(bytes: &[u8]) -> usize {
    #[derive(serde::Deserialize)]
    struct Envelope<'a> {
        #[serde(borrow)]
        clinics: Vec<&'a serde_json::value::RawValue>,
    }
    let text = std::str::from_utf8(bytes).unwrap();
    serde_json::from_str::<Envelope>(text.trim_start_matches('\u{feff}')).map_or(0, |e| e.clinics.len())
}

fn clinic(i: usize) -> Value {
    json!({ "id": format!("c{i}"), "name": format!("Clinic {i}"), "location": { "town": "York", "country": "GB" } })
}

#[test]
fn sixty_thousand_clinics_is_a_clear_error() {
    let doc = json!({ "schema_version": 1, "clinics": (0..60_000).map(clinic).collect::<Vec<_>>() });
    let err = load(&doc.to_string()).unwrap_err();
    assert!(err.to_string().contains("at most 50000"), "{err}");
}

#[test]
fn fifty_thousand_character_strings_are_refused_or_left_out() {
    let long = "x".repeat(50_000);
    let mut a = clinic(1);
    a["summary"] = json!(long);
    a["visiting"] = json!(long);
    let mut b = clinic(2);
    b["name"] = json!(long);
    let doc = json!({ "schema_version": 1, "publisher": { "name": "P", "updated": "2026-01-01" }, "clinics": [a, b] });
    let loaded = load(&doc.to_string()).unwrap();
    assert_eq!(loaded.clinics.len(), 1);
    assert!(loaded.clinics[0].summary.is_none() && loaded.clinics[0].visiting.is_none());
    assert_eq!(loaded.diagnostics.len(), 3, "{:#?}", loaded.diagnostics);
}

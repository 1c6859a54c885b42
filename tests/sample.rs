//! The bundled sample catalogue: loads cleanly, is big enough, spans both countries and uses every
//! vocabulary value at least once (so the demo shows every filter and explanation).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use clinic_compare::catalogue::load;
use clinic_compare::catalogue::vocabulary::{Group, TERMS};
use clinic_compare::search::{facet_group, facet_values, FACETS};

#[path = "support/synth.rs"]
mod synth;

#[test]
fn sample_catalogue_is_clean_and_complete() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/clinics.json")).unwrap();
    let loaded = load(&text).expect("loads");
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    assert!(loaded.clinics.len() >= 60);
    assert!(loaded
        .publisher
        .attribution
        .as_deref()
        .unwrap_or("")
        .contains("fictional"));
    let countries: BTreeSet<_> = loaded.clinics.iter().map(|c| c.location.country.as_str()).collect();
    assert_eq!(countries, BTreeSet::from(["GB", "US"]));

    let mut used: BTreeSet<(Group, String)> = BTreeSet::new();
    for c in &loaded.clinics {
        for facet in FACETS {
            if let Some(g) = facet_group(facet) {
                for v in facet_values(c, facet) {
                    used.insert((g, v));
                }
            }
        }
        for m in &c.medications {
            for f in &m.forms {
                used.insert((Group::MedicationForm, f.clone()));
            }
        }
    }
    let missing: Vec<String> = TERMS
        .iter()
        .filter(|t| !used.contains(&(t.group, t.code.to_string())))
        .map(|t| format!("{:?}:{}", t.group, t.code))
        .collect();
    assert!(
        missing.is_empty(),
        "vocabulary values the sample never uses: {missing:?}"
    );
}

#[test]
fn the_benchmark_catalogue_speaks_the_vocabulary() {
    let doc = synth::catalogue(500, 42);
    let loaded = load(&serde_json::to_string(&doc).unwrap()).expect("loads");
    let problems: Vec<String> = loaded.diagnostics.iter().take(5).map(|d| d.to_string()).collect();
    assert!(loaded.diagnostics.is_empty(), "{problems:#?}");
    assert_eq!(loaded.clinics.len(), 500);
}

/// The benchmarks' generator: deterministic, with realistic value frequencies.
#[test]
fn same_seed_same_catalogue_and_realistic_frequencies() {
    let a = synth::catalogue(2000, 7);
    assert_eq!(a, synth::catalogue(2000, 7));
    assert_ne!(a.clinics, synth::catalogue(2000, 8).clinics);
    let share = |code: &str| {
        a.clinics
            .iter()
            .filter(|c| c.medications.iter().any(|m| m.code == code))
            .count() as f64
            / 2000.0
    };
    assert!((share("methadone") - 0.3).abs() < 0.04, "{}", share("methadone"));
    assert!(share("ibogaine") < 0.02);
    assert!(a.clinics.iter().all(|c| c.location.lat.is_some()));
}

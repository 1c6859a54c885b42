//! The bundled sample catalogue: loads cleanly, is big enough, spans both countries and uses every
//! vocabulary value at least once (so the demo shows every filter and explanation).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use clinic_compare::catalogue::vocabulary::{Group, TERMS};
use clinic_compare::catalogue::{load, Clinic};
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
            // Medicines given only for detox are not filter options, but are used.
            used.insert((Group::Medication, m.code.clone()));
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

/// The UK nation of a sample clinic, by its region (the sample writes "Scotland", "Wales" and
/// "Northern Ireland" there; the rest are English counties).
fn nation(c: &Clinic) -> &'static str {
    match (c.location.country.as_str(), c.location.region.as_deref()) {
        ("GB", Some("Scotland")) => "Scotland",
        ("GB", Some("Wales")) => "Wales",
        ("GB", Some("Northern Ireland")) => "Northern Ireland",
        ("GB", _) => "England",
        _ => "US",
    }
}

/// Which nations each regulator or US credential belongs to.
const CREDENTIAL_PLACES: [(&str, &str); 9] = [
    ("cqc_registered", "England"),
    ("care_inspectorate", "Scotland"),
    ("healthcare_improvement_scotland", "Scotland"),
    ("ciw", "Wales"),
    ("hiw", "Wales"),
    ("rqia", "Northern Ireland"),
    ("certified_otp", "US"),
    ("state_licence", "US"),
    ("joint_commission", "US"),
];

/// Opioid medicines a person can stay on.
const AGONISTS: [&str; 4] = ["methadone", "buprenorphine", "buprenorphine_naloxone", "diamorphine"];

/// Everything that contradicts itself in one clinic: a regulator from another nation, an approach
/// its medicines contradict, or a published answer its own fields contradict.
fn contradictions(c: &Clinic) -> Vec<String> {
    let mut found = place_problems(c);
    let ongoing = c
        .medications
        .iter()
        .any(|m| AGONISTS.contains(&m.code.as_str()) && !m.detox_only());
    match c.stance.as_deref() {
        Some("abstinence_based") if ongoing => {
            found.push("abstinence-based, yet offers ongoing opioid medicine".into())
        }
        Some("maintenance") if !ongoing => found.push("ongoing medication, yet no ongoing opioid medicine".into()),
        _ => {}
    }
    found.extend(answer_problems(c, ongoing));
    found.into_iter().map(|f| format!("{}: {f}", c.id)).collect()
}

/// Credentials that belong to another nation.
fn place_problems(c: &Clinic) -> Vec<String> {
    c.credentials
        .iter()
        .filter_map(|cred| CREDENTIAL_PLACES.iter().find(|(code, _)| *code == cred.code))
        .filter(|(_, place)| *place != nation(c))
        .map(|(code, _)| format!("{code} in {}", nation(c)))
        .collect()
}

/// Published answers that the clinic's own fields contradict.
fn answer_problems(c: &Clinic, ongoing: bool) -> Vec<String> {
    let mut found = Vec::new();
    let answer = |id: &str| c.answers.get(id).map(String::as_str).unwrap_or_default();
    let medication = answer("medication");
    if !medication.is_empty() && medication.starts_with("Yes") != ongoing {
        found.push(format!("medication answer \"{medication}\" against its medicines"));
    }
    if medication.contains("abstinence-based") && c.stance.as_deref() != Some("abstinence_based") {
        found.push(format!("medication answer \"{medication}\" against its approach"));
    }
    let detox = answer("detox");
    if !detox.is_empty() && detox.contains("do not provide detox") != c.detox.is_empty() {
        found.push(format!("detox answer \"{detox}\" against its detox kinds"));
    }
    let has = [
        ("aftercare", c.aftercare.is_some()),
        ("naloxone", c.medications.iter().any(|m| m.code == "naloxone_kit")),
        ("mental_health", !c.conditions.is_empty()),
    ];
    for (id, has) in has {
        if answer(id).starts_with("Yes") && !has {
            found.push(format!("{id} answer \"{}\" but no such field", answer(id)));
        }
    }
    for (name, code) in REGULATOR_NAMES {
        if answer("staff").contains(name) && !c.credentials.iter().any(|x| x.code == code) {
            found.push(format!(
                "staff answer names the {name}, which it is not registered with"
            ));
        }
    }
    let live_in = c.settings.iter().any(|s| s == "residential" || s == "inpatient");
    if answer("wait").contains("live-in") && !live_in {
        found.push("a wait for a live-in place at a service with none".into());
    }
    found
}

/// How the sample's answers name each regulator.
const REGULATOR_NAMES: [(&str, &str); 6] = [
    ("CQC", "cqc_registered"),
    ("Care Inspectorate report", "care_inspectorate"),
    ("Healthcare Improvement Scotland", "healthcare_improvement_scotland"),
    ("Care Inspectorate Wales", "ciw"),
    ("Healthcare Inspectorate Wales", "hiw"),
    ("RQIA", "rqia"),
];

#[test]
fn the_sample_agrees_with_itself() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/clinics.json")).unwrap();
    let loaded = load(&text).expect("loads");
    let problems: Vec<String> = loaded.clinics.iter().flat_map(contradictions).collect();
    assert!(
        problems.is_empty(),
        "the sample contradicts itself:\n{}",
        problems.join("\n")
    );
    // The checks have something to check: answers on medication, detox and the inspection, and
    // services in every UK nation.
    for id in ["medication", "detox", "staff", "naloxone", "aftercare"] {
        let n = loaded.clinics.iter().filter(|c| c.answers.contains_key(id)).count();
        assert!(n >= 5, "only {n} clinics answer {id}");
    }
    let nations: BTreeSet<_> = loaded.clinics.iter().map(nation).collect();
    assert_eq!(nations.len(), 5, "{nations:?}");
}

#[test]
fn the_consistency_check_finds_contradictions() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/clinics.json")).unwrap();
    let loaded = load(&text).expect("loads");
    let mut glasgow = loaded.clinics.iter().find(|c| nation(c) == "Scotland").unwrap().clone();
    glasgow.credentials.push("cqc_registered".to_string().into());
    glasgow.stance = Some("abstinence_based".into());
    glasgow
        .answers
        .insert("medication".into(), "Yes: methadone and buprenorphine.".into());
    glasgow.medications.retain(|m| !AGONISTS.contains(&m.code.as_str()));
    glasgow.detox.clear();
    glasgow
        .answers
        .insert("detox".into(), "Yes: medication is checked daily by our nurses.".into());
    let found = contradictions(&glasgow).join("\n");
    for needle in ["cqc_registered in Scotland", "medication answer", "detox answer"] {
        assert!(found.contains(needle), "{needle} not found in:\n{found}");
    }
}

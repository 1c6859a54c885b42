//! The workshop's engine on the repository's example files, natively: the same answers as the CLI.
#![cfg(not(target_arch = "wasm32"))]

use clinic_compare_workshop::adapter::Settings;
use clinic_compare_workshop::examine_with;
use clinic_compare_workshop::report::Report;

fn repo_file(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn examine(bytes: &[u8], name: &str) -> (Report, Vec<(usize, usize)>) {
    let settings = Settings::from_json(r#"{"kind":"auto"}"#);
    let mut told = Vec::new();
    let report = examine_with(bytes, name, &settings, &mut |done, total| told.push((done, total)));
    (report, told)
}

#[test]
fn the_example_spreadsheet_makes_a_catalogue_that_loads_cleanly() {
    let (report, _) = examine(&repo_file("data/clinics-example.csv"), "clinics-example.csv");
    assert_eq!(report.kind, "spreadsheet");
    assert_eq!((report.clinics, report.errors), (6, 0), "{report:?}");
    assert!(report.made);
    let json = report.catalogue.unwrap();
    let loaded = clinic_compare::catalogue::load(&json).unwrap();
    assert_eq!(loaded.clinics.len(), 6);
    assert_eq!(loaded.publisher.name, "clinics-example");
    assert_eq!(loaded.publisher.updated, "2026-10-01", "the newest last_verified");
    assert!(report
        .facts
        .iter()
        .any(|f| f.contains("newest date in the last_verified column")));
}

#[test]
fn a_spreadsheet_without_a_date_is_not_dated_today() {
    let sheet = b"name,town,country\nExample House,Leeds,GB\n";
    let (report, _) = examine(sheet, "clinics.csv");
    assert!(!report.made && report.catalogue.is_none());
    assert!(report.groups[0].problems[0]
        .message
        .contains("Date the list was last checked"));
    let (named, _) = examine(sheet, "clinics-2026-03-04.csv");
    let loaded = clinic_compare::catalogue::load(named.catalogue.as_deref().unwrap()).unwrap();
    assert_eq!(loaded.publisher.updated, "2026-03-04");
    assert!(named.facts.iter().any(|f| f.contains("the date in the file name")));
}

#[test]
fn a_findtreatment_export_is_recognised_and_imported() {
    let (report, _) = examine(
        &repo_file("tests/fixtures/import/findtreatment-sample.csv"),
        "FindTreament_Facility_listing_2025_08_19_150020.csv",
    );
    assert_eq!(report.kind, "findtreatment");
    assert!(report.clinics > 0 && report.catalogue.is_some(), "{report:?}");
    assert!(report
        .facts
        .iter()
        .any(|f| f.contains("dated 2025-08-19, the date in the file name")));
}

#[test]
fn an_export_without_a_date_is_not_dated_today() {
    let export = repo_file("tests/fixtures/import/findtreatment-sample.csv");
    let (report, _) = examine(&export, "export.csv");
    assert!(!report.made && report.catalogue.is_none());
    assert!(report.groups[0].problems[0]
        .message
        .contains("Date the list was last checked"));
    let settings = Settings::from_json(r#"{"kind":"auto","updated":"2025-09-01"}"#);
    let dated = examine_with(&export, "export.csv", &settings, &mut |_, _| {});
    assert!(dated.made);
    let loaded = clinic_compare::catalogue::load(dated.catalogue.as_deref().unwrap()).unwrap();
    assert_eq!(loaded.publisher.updated, "2025-09-01");
}

#[test]
fn warnings_are_listed_by_clinic_with_progress() {
    let (report, told) = examine(&repo_file("tests/hostile/unknown-codes.json"), "clinics.json");
    assert!(report.made && report.warnings > 0, "{report:?}");
    assert_eq!(told.last(), Some(&(report.clinics, report.clinics)));
}

#[test]
fn problems_are_grouped_by_row_or_clinic_with_their_field() {
    let (bad_csv, _) = examine(&repo_file("tests/fixtures/import/spreadsheet-bad.csv"), "bad.csv");
    assert!(bad_csv.catalogue.is_none() && bad_csv.errors > 0);
    assert!(bad_csv
        .groups
        .iter()
        .all(|g| g.title.starts_with("Row ") || g.title == "The whole file"));
    let (json, _) = examine(&repo_file("tests/hostile/wrong-type-location-lat.json"), "clinics.json");
    assert_eq!(json.kind, "catalogue");
    let group = json
        .groups
        .iter()
        .find(|g| g.title.starts_with("Clinic "))
        .expect("a clinic's group");
    assert!(
        group
            .problems
            .iter()
            .any(|p| p.field.as_deref() == Some("location.lat")),
        "{group:?}"
    );
    let (not_json, _) = examine(b"{\"clinics\": [", "x.json");
    assert_eq!(not_json.groups[0].title, "The whole file");
    assert!(not_json.catalogue.is_none());
}

#[test]
fn the_page_checkboxes_keep_non_opioid_sites_and_information_codes() {
    let export = repo_file("tests/fixtures/import/findtreatment-synthetic-ma-2025-08-19.csv");
    let name = "findtreatment-synthetic-ma-2025-08-19.csv";
    let (plain, _) = examine(&export, name);
    let notes = plain.notes.join("\n");
    assert!(
        notes.contains("“Keep services that say they do not treat opioid addiction” keeps them"),
        "{notes}"
    );
    assert!(
        !notes.contains("--keep"),
        "no command-line options on the page: {notes}"
    );
    let settings = Settings::from_json(r#"{"kind":"auto","keep_non_opioid":true,"keep_info":true}"#);
    let kept = examine_with(&export, name, &settings, &mut |_, _| {});
    assert!(kept.clinics > plain.clinics, "{} > {}", kept.clinics, plain.clinics);
    let json = kept.catalogue.unwrap();
    assert!(json.contains("This service says it does not treat opioid use disorder."));
    assert!(json.contains("\"info_features\"") && !plain.catalogue.unwrap().contains("\"info_features\""));
}

#![cfg(not(target_arch = "wasm32"))]
//! Importers: FindTreatment.gov exports and spreadsheets, through to the search engine.

use std::collections::BTreeSet;
use std::process::Command;

use clinic_compare::catalogue::{load, Catalogue, Clinic};
use clinic_compare::import::{decode, findtreatment, spreadsheet, ImportError, Imported};
use clinic_compare::search::{Index, Query};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}{name}")).unwrap()
}

/// Import options with an export date (the import requires one).
fn dated() -> findtreatment::Options {
    findtreatment::Options {
        export_date: Some("2025-08-19".into()),
        ..Default::default()
    }
}

/// [`dated`], keeping sites that do not treat opioid use disorder and the information-only codes.
fn keep() -> findtreatment::Options {
    findtreatment::Options {
        keep_non_opioid: true,
        keep_info: true,
        ..dated()
    }
}

fn findtreatment_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    findtreatment::import(&decode(bytes)?, &dated())
}

fn sample() -> Imported {
    findtreatment_bytes(&fixture("findtreatment-sample.csv")).unwrap()
}

fn clinic<'a>(c: &'a Catalogue, name: &str) -> &'a Clinic {
    c.clinics.iter().find(|c| c.name == name).unwrap()
}

/// Every loaded clinic, and zero load errors.
fn loads_cleanly(imported: &Imported) -> Vec<Clinic> {
    let loaded = load(&imported.to_json()).unwrap();
    assert_eq!(loaded.errors(), 0, "{:?}", loaded.diagnostics);
    assert_eq!(loaded.clinics.len(), imported.catalogue.clinics.len());
    loaded.clinics
}

#[test]
fn the_synthetic_export_gives_two_substance_use_sites() {
    let text = String::from_utf8(fixture("findtreatment-sample.csv")).unwrap();
    assert!(text.starts_with("    name1,") && !text.ends_with('\n') && text.contains("n40 \r\n"));
    let imported = sample();
    let s = &imported.summary;
    assert_eq!(s.rows_read, 4);
    // Three sites; the ALL-CAPS one is only in the mental-health directory.
    assert_eq!(s.clinics_written, 2);
    assert_eq!(s.rows_merged, 1);
    assert_eq!(s.skipped.len(), 1);
    assert_eq!(s.skipped[0].row, 5);
    assert!(s.skipped[0].reason.contains("mental-health directory only"));
    assert_eq!(s.validation_warnings, 0);
    assert!(s.unmapped.contains_key("odtx") && s.unmapped["antpych"] == 1);
    let c = &imported.catalogue;
    assert!(!c.clinics.iter().any(|c| c.name.contains("VALLEY")));

    let harbor = clinic(c, "Example Harbor Recovery Center");
    assert_eq!(harbor.location.postcode.as_deref(), Some("04101"));
    assert_eq!(harbor.location.town, "Portland");
    assert_eq!(harbor.location.region.as_deref(), Some("Cumberland County, ME"));
    assert_eq!(harbor.location.country, "US");
    // The SU row's contact details and coordinates (43.6571234, written to 5 places), not the MH row's.
    assert_eq!(harbor.location.lat, Some(43.65712));
    assert_eq!(harbor.contact.phone.as_deref(), Some("+1 207-555-0142"));
    assert_eq!(harbor.contact.intake_phone.as_deref(), Some("+1 207-555-0143"));
    assert_eq!(
        harbor.contact.website.as_deref(),
        Some("https://www.example.org/harbor-recovery")
    );
    let about = harbor.summary.as_deref().unwrap();
    assert!(about.contains("extension 210"), "{about}");
    assert!(
        about.contains("Example OTP Unit; Behavioral Health Services"),
        "{about}"
    );
    assert!(harbor.credentials.iter().any(|x| x.code == "certified_otp"));
    let meds: Vec<&str> = harbor.medications.iter().map(|m| m.code.as_str()).collect();
    for m in [
        "methadone",
        "buprenorphine",
        "buprenorphine_naloxone",
        "naltrexone",
        "lofexidine",
        "clonidine",
    ] {
        assert!(meds.contains(&m), "{m} in {meds:?}");
    }
    let bup = harbor.medications.iter().find(|m| m.code == "buprenorphine").unwrap();
    assert!(bup.forms.contains(&"depot_injection".to_string()));
    assert_eq!(harbor.stance.as_deref(), Some("both"));

    let pine = clinic(c, "Example Pine Ridge Residential Program");
    assert_eq!(pine.location.postcode.as_deref(), Some("04401-0123"));
    assert_eq!(
        pine.location.address,
        ["45 Fictional Birch Lane", "Building C, Unit 7B"]
    );
    assert_eq!(pine.contact.website, None);
    assert_eq!(pine.contact.intake_phone.as_deref(), Some("+1 207-555-0156"));
    assert!(pine.summary.as_deref().unwrap().contains("+1 207-555-0157 extension 4"));
    assert!(pine.settings.contains(&"residential".to_string()));

    let json = imported.to_json();
    assert!(json.contains("\"postcode\":\"04101\""), "ZIPs stay text");
    assert!(!json.contains("\n "), "compact by default");
    assert!(imported.to_json_pretty().contains("\"postcode\": \"04101\""));
    loads_cleanly(&imported);
}

#[test]
fn rows_of_one_site_are_merged_by_or_ing_their_flags() {
    let options = findtreatment::Options {
        keep_info: true,
        ..dated()
    };
    let imported = findtreatment::import(&decode(&fixture("findtreatment-sample.csv")).unwrap(), &options).unwrap();
    let harbor = clinic(&imported.catalogue, "Example Harbor Recovery Center");
    // From the MH row only.
    for code in ["omh", "cbhc", "queti", "cit"] {
        assert!(harbor.info_features.contains(&code.to_string()), "{code}");
    }
    // From the SU row only.
    assert!(harbor.info_features.contains(&"odtx".to_string()));
    assert!(harbor.extra_features.is_empty(), "no filters outside the vocabulary");
    assert!(harbor.credentials.iter().any(|x| x.code == "certified_otp"));

    // Two SU rows and an MH row of one site, written in different case and spacing.
    let quirks = findtreatment_bytes(&fixture("findtreatment-quirks.csv")).unwrap();
    let north = clinic(&quirks.catalogue, "Example North Shore Clinic, Inc.");
    assert_eq!(quirks.summary.rows_merged, 2);
    assert_eq!(
        north.summary.as_deref(),
        Some("Programmes listed at this site: Methadone Unit; Outpatient Services; Counseling Center.")
    );
    // Phone of the first SU row; intake from the second; flags from all three.
    assert_eq!(north.contact.phone.as_deref(), Some("+1 978-555-0100"));
    assert_eq!(north.contact.intake_phone.as_deref(), Some("+1 978-555-0101"));
    assert_eq!(north.languages, ["en", "sgn-us", "ru", "es"]);
    assert!(north.credentials.iter().any(|x| x.code == "carf"));
}

#[test]
fn information_only_codes_are_reported_and_left_out_unless_kept() {
    let imported = sample();
    let s = &imported.summary;
    assert!(s.info_left_out);
    assert!(s.unmapped.get("odtx").is_some_and(|n| *n > 0), "reported with a count");
    assert!(s.to_string().contains("left out (--keep-info keeps them"));
    assert!(imported.catalogue.clinics.iter().all(|c| c.info_features.is_empty()));
    assert!(
        imported.catalogue.extra_features.is_empty(),
        "no declarations for codes not written"
    );
    let json = imported.to_json();
    assert!(
        !json.contains("info_features") && !json.contains("[]"),
        "nothing empty written"
    );

    let kept = findtreatment::import(&decode(&fixture("findtreatment-sample.csv")).unwrap(), &keep()).unwrap();
    assert!(!kept.summary.info_left_out);
    assert!(kept.summary.to_string().contains("codes kept as information"));
    let harbor = clinic(&kept.catalogue, "Example Harbor Recovery Center");
    assert!(harbor.info_features.contains(&"odtx".to_string()));
    assert!(kept
        .catalogue
        .extra_features
        .iter()
        .any(|f| f.code == "odtx" && !f.filter));
}

#[test]
fn header_and_line_ending_quirks_do_not_change_the_result() {
    let original = String::from_utf8(fixture("findtreatment-sample.csv")).unwrap();
    let expected = sample().catalogue;
    let lf = original.replace("\r\n", "\n");
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("BOM", [&b"\xEF\xBB\xBF"[..], original.as_bytes()].concat()),
        ("final CRLF", format!("{original}\r\n").into_bytes()),
        ("LF", lf.clone().into_bytes()),
        ("LF, final newline", format!("{lf}\n").into_bytes()),
        (
            "no padding in header",
            original
                .replacen("    name1", "name1", 1)
                .replacen("n40 ", "n40", 1)
                .into_bytes(),
        ),
        (
            "more padding in header",
            original
                .replacen("    name1", "\t name1  ", 1)
                .replacen(",zip,", ", zip ,", 1)
                .into_bytes(),
        ),
        ("upper-case header", {
            let (head, rest) = original.split_once("\r\n").unwrap();
            format!("{}\r\n{rest}", head.to_uppercase()).into_bytes()
        }),
    ];
    for (what, bytes) in variants {
        let got = findtreatment_bytes(&bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(got.catalogue.clinics, expected.clinics, "{what}");
        assert_eq!(got.summary.rows_read, 4, "{what}");
    }
    // A BOM that survives as text (e.g. read by another tool) is stripped too.
    let with_bom = format!("\u{feff}{original}");
    let got = findtreatment::import(&with_bom, &dated()).unwrap();
    assert_eq!(got.catalogue.clinics, expected.clinics);
}

#[test]
fn own_fixture_quirks_reordered_columns_bom_lf_and_odd_values() {
    let imported = findtreatment_bytes(&fixture("findtreatment-quirks.csv")).unwrap();
    let s = &imported.summary;
    assert_eq!((s.rows_read, s.clinics_written, s.skipped.len()), (7, 2, 3));
    let reasons: BTreeSet<(usize, &str)> = s.skipped.iter().map(|k| (k.row, k.reason.as_str())).collect();
    assert!(reasons.contains(&(5, "mental-health directory only (no substance-use row for this site)")));
    assert!(reasons.contains(&(6, "column type_facility is \"XX\", not SU or MH")));
    assert!(reasons.contains(&(7, "column city empty")));
    let notes = s.notes.join("\n");
    assert!(notes.contains("od=Y"), "{notes}");
    assert!(notes.contains("\"1970\" lost its leading zeros"), "{notes}");
    assert!(notes.contains("zzq"), "{notes}");

    let north = clinic(&imported.catalogue, "Example North Shore Clinic, Inc.");
    assert_eq!(north.location.postcode.as_deref(), Some("01970"));
    assert_eq!(north.location.address, ["5 Sample Quay", "Suite 2, Floor 3"]);
    assert_eq!(north.contact.website.as_deref(), Some("https://www.example.org/North"));
    // Unconfirmed and unknown codes are reported, and kept (with --keep-info) labelled honestly.
    assert!(s.unmapped.contains_key("ubn") && s.unmapped.contains_key("zzq"));
    let kept = findtreatment::import(&decode(&fixture("findtreatment-quirks.csv")).unwrap(), &keep()).unwrap();
    let label = |code: &str| {
        kept.catalogue
            .extra_features
            .iter()
            .find(|f| f.code == code)
            .map(|f| f.label.clone())
    };
    assert_eq!(
        label("ubn").as_deref(),
        Some("FindTreatment.gov code UBN (meaning not confirmed)")
    );
    assert_eq!(
        label("zzq").as_deref(),
        Some("FindTreatment.gov code ZZQ (not in our code key)")
    );
    // `Y` is not yes: no outpatient detox; `dt` with residential means supervised detox.
    let quiet = clinic(&imported.catalogue, "Example Quiet Residence");
    assert_eq!(quiet.detox, ["medically_supervised"]);
    assert_eq!(quiet.stance.as_deref(), Some("abstinence_based"));
    assert_eq!(quiet.contact.website.as_deref(), Some("http://example.org/quiet"));
    loads_cleanly(&imported);
}

#[test]
fn a_file_that_is_not_an_export_fails_with_reasons() {
    let err = findtreatment_bytes(b"name,town\nA,B\n").unwrap_err().to_string();
    assert!(err.contains("not look like a FindTreatment.gov export"), "{err}");
    assert!(err.contains("name1") && err.contains("type_facility"), "{err}");
    let only_mh = "name1,street1,city,state,zip,type_facility,mh\r\nA,1 B St,C,ME,04101,MH,1";
    let err = findtreatment::import(only_mh, &dated()).unwrap_err().to_string();
    assert!(err.contains("no substance-use facilities"), "{err}");
}

/// A one-row export with the given flags set.
fn one_row(flags: &[&str]) -> Clinic {
    let mut header = "name1,street1,city,state,zip,type_facility".to_string();
    let mut row = "Example Test Site,1 Sample Road,Portland,ME,04101,SU".to_string();
    for f in flags {
        header.push_str(&format!(",{f}"));
        row.push_str(",1");
    }
    let imported = findtreatment::import(&format!("{header}\r\n{row}"), &keep()).unwrap();
    loads_cleanly(&imported);
    imported.catalogue.clinics.into_iter().next().unwrap()
}

/// A clinic as `field:value` facts, leaving out what every imported clinic has.
fn facts(c: &Clinic) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |field: &str, values: &[String]| {
        for v in values {
            out.insert(format!("{field}:{v}"));
        }
    };
    add("setting", &c.settings);
    add("detox", &c.detox);
    add("therapy", &c.therapies);
    add("condition", &c.conditions);
    add("group", &c.groups);
    add("accepts", &c.accepts);
    add("service", &c.services);
    add("funding", &c.cost.funding);
    add(
        "aftercare",
        &c.aftercare.as_ref().map(|a| a.kinds.clone()).unwrap_or_default(),
    );
    add(
        "credential",
        &c.credentials.iter().map(|x| x.code.clone()).collect::<Vec<_>>(),
    );
    add(
        "language",
        &c.languages.iter().filter(|l| *l != "en").cloned().collect::<Vec<_>>(),
    );
    add("extra", &c.extra_features);
    add("info", &c.info_features);
    for m in &c.medications {
        match m.forms.as_slice() {
            [] => add("medication", std::slice::from_ref(&m.code)),
            forms => add(
                "medication",
                &forms.iter().map(|f| format!("{}/{f}", m.code)).collect::<Vec<_>>(),
            ),
        }
    }
    add("stance", &c.stance.iter().cloned().collect::<Vec<_>>());
    out
}

/// What codes imply beyond their own row of the table, on a one-row export.
const DERIVED: &[(&str, &str)] = &[
    ("dt", "detox:medically_supervised"),
    ("mm", "stance:maintenance"),
    ("bum", "stance:maintenance"),
    ("nmoa", "stance:abstinence_based"),
    ("fem", "group:women"),
    ("male", "group:men"),
    ("chld", "group:young_people"),
];

/// A table row as the facts it gives on its own.
fn table_facts(code: &findtreatment::Code) -> BTreeSet<String> {
    use clinic_compare::catalogue::vocabulary::Group;
    let mut out: BTreeSet<String> = code
        .targets
        .iter()
        .map(|t| match t {
            findtreatment::Target::Term(g, c) => {
                let field = match g {
                    Group::SpecialGroup => "group".to_string(),
                    other => serde_json::to_value(other).unwrap().as_str().unwrap().to_string(),
                };
                format!("{field}:{c}")
            }
            findtreatment::Target::Medication(m, None) => format!("medication:{m}"),
            findtreatment::Target::Medication(m, Some(f)) => format!("medication:{m}/{f}"),
            findtreatment::Target::Language(l) => format!("language:{l}"),
        })
        .collect();
    if matches!(code.use_, findtreatment::Use::Info | findtreatment::Use::Exclude) {
        out.insert(format!("info:{}", code.code));
    }
    out.extend(
        DERIVED
            .iter()
            .filter(|(c, _)| *c == code.code)
            .map(|(_, f)| f.to_string()),
    );
    out
}

#[test]
fn every_service_code_is_placed_as_its_table_row_says() {
    use findtreatment::Use;
    for code in findtreatment::codes::codes() {
        let c = &code.code;
        if code.use_ == Use::Exclude {
            let row = format!("name1,street1,city,state,zip,type_facility,{c}\nA,1 B St,C,ME,04101,SU,1");
            let err = findtreatment::import(&row, &dated()).unwrap_err().to_string();
            assert!(err.contains("1 skipped"), "{c}: {err}");
        }
        let got = facts(&one_row(&[c]));
        assert_eq!(got, table_facts(code), "code {c}");
        if matches!(code.use_, Use::Info | Use::Exclude) {
            let row = format!("name1,street1,city,state,zip,type_facility,{c}\nA,1 B St,C,ME,04101,SU,1");
            let imported = findtreatment::import(&row, &keep()).unwrap();
            let feature = &imported.catalogue.extra_features[0];
            assert!(!feature.filter, "{c} is information, not a filter");
            if code.meaning.is_empty() {
                assert!(feature.label.contains("not confirmed"), "{c}");
            } else {
                assert_eq!(feature.label, code.meaning, "{c}");
            }
            assert_eq!(imported.summary.unmapped.get(c.as_str()), Some(&1), "{c}");
        }
    }
}

#[test]
fn derived_detox_and_stance_rules() {
    // Detox only at home: `dt` adds nothing more.
    assert_eq!(one_row(&["dt", "od"]).detox, ["outpatient_detox"]);
    assert_eq!(
        one_row(&["dt", "od", "rd"]).detox,
        ["medically_supervised", "outpatient_detox"]
    );
    assert_eq!(one_row(&["mm", "dm"]).stance.as_deref(), Some("both"));
    assert_eq!(one_row(&["bum", "mws"]).stance.as_deref(), Some("both"));
    assert_eq!(one_row(&["dm"]).stance, None);
    // "Does not use MAT" next to a medication: no stance claimed.
    assert_eq!(one_row(&["nmoa", "lfxd"]).stance, None);
}

#[test]
fn medication_purpose_comes_from_maintenance_and_detox_codes() {
    let purposes = |flags: &[&str]| -> Vec<(String, Option<String>)> {
        one_row(flags)
            .medications
            .into_iter()
            .map(|m| (m.code, m.purpose))
            .collect()
    };
    let of = |code: &str, purpose: Option<&str>| (code.to_string(), purpose.map(String::from));
    // Methadone for detox only: the medication filter will not offer this site for methadone.
    assert_eq!(purposes(&["meth", "dm"]), [of("methadone", Some("detox"))]);
    assert_eq!(purposes(&["meth", "dm", "mm"]), [of("methadone", Some("ongoing"))]);
    assert_eq!(purposes(&["mu"]), [of("methadone", None)], "not stated");
    assert_eq!(
        purposes(&["bwn", "bwon", "db"]),
        [
            of("buprenorphine", Some("detox")),
            of("buprenorphine_naloxone", Some("detox"))
        ]
    );
    assert_eq!(
        purposes(&["bu", "db", "bum", "nu", "rpn"]),
        [of("buprenorphine", Some("ongoing")), of("naltrexone", Some("ongoing"))]
    );
    // Each medicine by its own codes: buprenorphine maintenance says nothing about methadone.
    assert_eq!(
        purposes(&["meth", "dm", "bu", "bum"]),
        [of("methadone", Some("detox")), of("buprenorphine", Some("ongoing"))]
    );
    assert_eq!(purposes(&["nu"]), [of("naltrexone", None)]);
    assert_eq!(
        purposes(&["lfxd", "clnd"]),
        [of("lofexidine", Some("detox")), of("clonidine", Some("detox"))]
    );

    // A site offering methadone only for detox is not found by the methadone filter.
    let clinics = [one_row(&["meth", "dm"]), one_row(&["meth", "dm", "mm"])];
    let index = Index::build(&clinics);
    let mut q = Query::default();
    q.select("medication", "methadone");
    assert_eq!(index.search(&q).order, [1]);
}

#[test]
fn ids_are_stable_across_imports_and_row_order() {
    let first = sample();
    let second = sample();
    let ids = |i: &Imported| {
        i.catalogue
            .clinics
            .iter()
            .map(|c| c.id.clone())
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(ids(&first), ids(&second));
    assert_eq!(first.to_json(), second.to_json());
    // Rows in another order (MH row first, sites swapped) give the same ids and the same clinics.
    let text = String::from_utf8(fixture("findtreatment-sample.csv")).unwrap();
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    lines[1..].reverse();
    let reordered = findtreatment::import(&lines.join("\r\n"), &dated()).unwrap();
    assert_eq!(ids(&reordered), ids(&first));
    for c in &first.catalogue.clinics {
        assert_eq!(clinic(&reordered.catalogue, &c.name), c);
    }
    for id in ids(&first) {
        assert!(id.starts_with("example-"), "{id}");
        assert!(id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
    }
}

#[test]
fn the_publisher_credits_samhsa_and_the_export_date() {
    let dated = findtreatment::import(
        &String::from_utf8(fixture("findtreatment-sample.csv")).unwrap(),
        &findtreatment::Options {
            export_date: findtreatment::export_date_from_file_name(
                "FindTreament_Facility_listing_2025_08_19_150020.csv",
            ),
            ..Default::default()
        },
    )
    .unwrap();
    let p = &dated.catalogue.publisher;
    assert_eq!(p.updated, "2025-08-19");
    let attribution = p.attribution.as_deref().unwrap();
    assert!(
        attribution.starts_with("Source: SAMHSA, FindTreatment.gov"),
        "{attribution}"
    );
    assert!(attribution.contains("2025-08-19"));
    // No date: the import fails and asks for one, rather than dating the data today.
    let text = String::from_utf8(fixture("findtreatment-sample.csv")).unwrap();
    let err = findtreatment::import(&text, &Default::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("export date is unknown") && err.contains("--updated YYYY-MM-DD"),
        "{err}"
    );
    let bad = findtreatment::Options {
        export_date: Some("19/08/2025".into()),
        ..Default::default()
    };
    assert!(findtreatment::import(&text, &bad)
        .unwrap_err()
        .to_string()
        .contains("not YYYY-MM-DD"));
}

#[test]
fn round_trip_import_load_index_and_search() {
    for imported in [
        sample(),
        findtreatment_bytes(&fixture("findtreatment-quirks.csv")).unwrap(),
        spreadsheet_example(),
    ] {
        let clinics = loads_cleanly(&imported);
        let index = Index::build(&clinics);
        assert_eq!(index.len(), clinics.len());
        for c in &clinics {
            let q = Query {
                text: c.name.clone(),
                ..Query::default()
            };
            let found = index.search(&q);
            assert!(
                found.order.iter().any(|&i| clinics[i as usize].id == c.id),
                "searching for {} finds it",
                c.name
            );
        }
    }
    let clinics = loads_cleanly(&sample());
    let index = Index::build(&clinics);
    let mut q = Query::default();
    q.select("medication", "buprenorphine/depot_injection");
    let found = index.search(&q);
    let names: Vec<&str> = found.order.iter().map(|&i| clinics[i as usize].name.as_str()).collect();
    assert_eq!(names, ["Example Harbor Recovery Center"]);
    let mut q = Query::default();
    q.select("service", "telehealth");
    assert_eq!(index.count(&q), 1);
    let mut q = Query::default();
    q.select("service", "overdose_training");
    assert_eq!(index.count(&q), 2);
    let mut q = Query::default();
    q.select("language", "es");
    assert_eq!(index.count(&q), 1);
}

fn spreadsheet_example() -> Imported {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/clinics-example.csv")).unwrap();
    spreadsheet::import(
        &decode(&bytes).unwrap(),
        &spreadsheet::Options {
            publisher: "Example".into(),
            updated: Some("2026-11-01".into()),
        },
    )
    .unwrap()
}

#[test]
fn the_spreadsheet_example_and_template_import_cleanly_with_labels_or_codes() {
    let imported = spreadsheet_example();
    assert_eq!(imported.summary.rows_read, 6);
    assert_eq!(imported.summary.clinics_written, 6);
    assert_eq!(imported.summary.validation_warnings, 0);
    let c = &imported.catalogue;
    let house = clinic(c, "Example House Recovery Centre");
    assert_eq!(house.id, "example-house-leeds");
    assert_eq!(house.location.address, ["1 Example Lane", "Headingley"]);
    assert_eq!(
        house.therapies,
        ["cbt", "twelve_step", "family_therapy"],
        "label accepted"
    );
    assert_eq!(
        house.contact.website.as_deref(),
        Some("https://www.example-house.example")
    );
    assert_eq!(house.credentials[0].rating.as_deref(), Some("good"));
    assert_eq!(house.programme_days, [28, 56]);
    let a = house.aftercare.as_ref().unwrap();
    assert_eq!((a.months, a.free), (Some(12), Some(true)));
    assert_eq!(
        house.answers.get("aftercare").map(String::as_str),
        Some("A year of weekly groups, free of charge.")
    );
    assert_eq!(house.extra_features, ["equine_therapy"]);
    let harbor = clinic(c, "Example Harbor Outpatient Program");
    // en-GB and en-US labels, any case.
    assert_eq!(harbor.settings, ["outpatient"]);
    assert_eq!(harbor.therapies, ["counselling", "contingency_management"]);
    assert!(harbor.credentials.iter().any(|x| x.code == "state_licence"));
    assert_eq!(harbor.medications[1].code, "buprenorphine_naloxone");
    assert_eq!(harbor.medications[1].forms, ["sublingual"]);
    assert_eq!(harbor.contact.phone.as_deref(), Some("+1 207-555-0142"));
    assert_eq!(harbor.location.postcode.as_deref(), Some("04101"));
    assert!(harbor.id.starts_with("example-harbor-outpatient-program-"));
    let pines = clinic(c, "Example Pines Residential");
    assert_eq!(pines.location.postcode.as_deref(), Some("04401"), "US ZIP repaired");
    let price = pines.cost.price.as_ref().unwrap();
    assert_eq!(
        (price.from, price.to, price.currency.as_str()),
        (4500.0, Some(9000.0), "USD")
    );
    let cds = clinic(c, "Example Community Drug Service");
    assert_eq!(cds.location.country, "GB");
    assert_eq!(cds.cost.funding, ["nhs"]);
    assert_eq!(c.extra_features.len(), 3);

    let template = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/clinics-template.csv")).unwrap();
    let template = decode(&template).unwrap();
    let header = template.lines().next().unwrap();
    for (column, _) in spreadsheet::COLUMNS {
        let column = column.replace("<question>", "aftercare");
        assert!(header.split(',').any(|h| h == column), "template has {column}");
    }
    let imported = spreadsheet::import(&template, &Default::default()).unwrap();
    assert_eq!(imported.summary.clinics_written, 2);
    loads_cleanly(&imported);
}

#[test]
fn bad_spreadsheet_cells_are_reported_by_row_and_column() {
    let bytes = fixture("spreadsheet-bad.csv");
    let err = spreadsheet::import(&decode(&bytes).unwrap(), &Default::default()).unwrap_err();
    let all = err.to_string();
    for expected in [
        "row 3, column settings: \"Inpatent\" is not a known setting value",
        "row 3, column medications: \"pill\" is not a known medication form value",
        "row 3, column phone: \"call us\"",
        "row 3, column website: \"javascript:alert(1)\"",
        "row 3, column lat: is not between -90 and 90",
        "row 3, column last_verified: \"01/02/2026\"",
        "row 3, column programme_days: \"four weeks\"",
        "row 4, column name: is empty",
        "row 4, column country: \"Narnia\"",
    ] {
        assert!(all.contains(expected), "{expected}\nin\n{all}");
    }
    assert!(!all.contains("row 2"), "the good row has no problems: {all}");
    assert!(!all.contains("row 5"), "the empty row is skipped: {all}");

    let err = spreadsheet::import("name,town,colour\nA,B,red\n", &Default::default()).unwrap_err();
    let all = err.to_string();
    assert!(all.contains("row 1, column 3: \"colour\" is not a column"), "{all}");
    assert!(all.contains("no \"country\" column"), "{all}");
    let dup = "name,town,country,id\nA,B,GB,x\nC,D,GB,x\n";
    let all = spreadsheet::import(dup, &Default::default()).unwrap_err().to_string();
    assert!(
        all.contains("row 3, column id: \"x\" is already used on row 2"),
        "{all}"
    );
    // Too long for the catalogue: caught by the final load, still with its row.
    let long = format!("name,town,country\n{},B,GB\n", "N".repeat(300));
    let all = spreadsheet::import(&long, &sheet()).unwrap_err().to_string();
    assert!(all.starts_with("row 2: "), "{all}");
}

/// Spreadsheet import options with a date (the import requires one).
fn sheet() -> spreadsheet::Options {
    spreadsheet::Options {
        updated: Some("2026-11-01".into()),
        ..Default::default()
    }
}

#[test]
fn a_spreadsheet_is_dated_by_its_file_never_today() {
    let undated = "name,town,country,last_verified\nA,Leeds,GB,\nB,York,GB,\n";
    let err = spreadsheet::import(undated, &Default::default()).unwrap_err();
    assert_eq!(err.problems, [spreadsheet::NO_DATE]);
    assert!(err.to_string().contains("--updated YYYY-MM-DD"));
    // The newest last_verified, said in the summary.
    let verified = "name,town,country,last_verified\nA,Leeds,GB,2026-03-01\nB,York,GB,2026-09-15\nC,Hull,GB,\n";
    let imported = spreadsheet::import(verified, &Default::default()).unwrap();
    assert_eq!(imported.catalogue.publisher.updated, "2026-09-15");
    assert!(imported
        .summary
        .notes
        .iter()
        .any(|n| n.contains("newest last_verified")));
    // A date given wins.
    let given = spreadsheet::import(verified, &sheet()).unwrap();
    assert_eq!(given.catalogue.publisher.updated, "2026-11-01");

    // The command line: the date in the file name, or an error naming --updated; nothing written.
    let dir = std::env::temp_dir().join(format!("clinic-sheet-dates-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dated = dir.join("clinics-2026-02-03.csv");
    std::fs::write(&dated, undated).unwrap();
    let out = dir.join("out.json");
    let (code, _, stderr) = run(&["import", "csv", dated.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let written: Catalogue = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written.publisher.updated, "2026-02-03");
    let plain = dir.join("clinics.csv");
    std::fs::write(&plain, undated).unwrap();
    let out2 = dir.join("out2.json");
    let (code, _, stderr) = run(&["import", "csv", plain.to_str().unwrap(), "-o", out2.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("--updated YYYY-MM-DD"), "{stderr}");
    assert!(!out2.exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn quoted_commas_and_quotes_in_spreadsheet_cells() {
    let text = "name,town,country,summary,settings\r\n\"Example House, Leeds\",Leeds,UK,\"Says \"\"hello\"\", warmly\",\"Inpatient (live in, medical care day and night); residential\"";
    let imported = spreadsheet::import(text, &sheet()).unwrap();
    let c = &imported.catalogue.clinics[0];
    assert_eq!(c.name, "Example House, Leeds");
    assert_eq!(c.summary.as_deref(), Some("Says \"hello\", warmly"));
    assert_eq!(c.settings, ["inpatient", "residential"]);
    assert_eq!(c.location.country, "GB");
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_clinic-catalogue"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_import_writes_a_catalogue_that_validates() {
    let dir = std::env::temp_dir().join(format!("clinic-import-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let export = dir.join("FindTreament_Facility_listing_2025_08_19_150020.csv");
    std::fs::write(&export, fixture("findtreatment-sample.csv")).unwrap();
    let out = dir.join("catalogue.json");
    let (code, stdout, stderr) = run(&[
        "import",
        "findtreatment",
        export.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    for line in [
        "rows read:        4",
        "clinics written:  2",
        "rows merged:      1",
        "validation: 0 errors",
    ] {
        assert!(stderr.contains(line), "{line} in {stderr}");
    }
    let (code, stdout, _) = run(&["validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}");
    let json = std::fs::read_to_string(&out).unwrap();
    assert!(json.contains("\"updated\":\"2025-08-19\""));

    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/data/clinics-example.csv");
    let (code, stdout, stderr) = run(&["import", "csv", example]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(load(&stdout).unwrap().clinics.len(), 6);

    let bad = format!("{FIXTURES}spreadsheet-bad.csv");
    let (code, stdout, stderr) = run(&["import", "csv", &bad, "-o", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("import failed") && stderr.contains("row 3, column settings"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        json,
        "a failed import writes nothing"
    );
    let (code, _, stderr) = run(&["import", "findtreatment", example]);
    assert_eq!(code, 1);
    assert!(stderr.contains("not look like a FindTreatment.gov export"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

/// The generated parts of docs/catalogue.md: the vocabulary table and the FindTreatment.gov mapping.
fn generated_docs() -> (String, String) {
    use clinic_compare::catalogue::vocabulary::{terms, Group, Locale};
    let mut vocab = String::new();
    for group in Group::ALL {
        let name = serde_json::to_value(group).unwrap().as_str().unwrap().to_string();
        vocab.push_str(&format!(
            "\n#### `{name}`\n\n| code | label (en-GB) | en-US label | meaning |\n|---|---|---|---|\n"
        ));
        for t in terms(group) {
            let us = t.label(Locale::EnUs);
            let us = if us == t.label_gb {
                String::new()
            } else {
                us.into_owned()
            };
            vocab.push_str(&format!(
                "| `{}` | {} | {us} | {} |\n",
                t.code,
                t.label_gb,
                t.explanation(Locale::EnGb).unwrap_or_default()
            ));
        }
    }
    let mapping = findtreatment::codes::docs_table();
    (vocab, mapping)
}

/// Regenerate with `UPDATE_DOCS=1 cargo test --test import docs`.
#[test]
fn the_generated_tables_in_docs_catalogue_md_are_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/catalogue.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let (vocab, mapping) = generated_docs();
    let mut updated = doc.clone();
    for (name, body) in [("vocabulary", vocab), ("findtreatment-codes", mapping)] {
        let start = format!("<!-- {name}:start (generated by tests/import.rs) -->\n");
        let end = format!("<!-- {name}:end -->");
        let a = updated.find(&start).unwrap_or_else(|| panic!("{start} in docs")) + start.len();
        let b = updated[a..].find(&end).unwrap() + a;
        updated.replace_range(a..b, &body);
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &updated).unwrap();
    } else {
        assert!(
            doc == updated,
            "docs/catalogue.md is out of date: run UPDATE_DOCS=1 cargo test --test import docs"
        );
    }
}

#[test]
fn women_only_in_a_spreadsheet_means_only_women() {
    let import = |groups: &str, accepts: &str| {
        let text = format!("name,town,country,groups,accepts\nExample House,Leeds,GB,{groups},{accepts}\n");
        spreadsheet::import(&text, &sheet())
    };
    let c = |r: Result<Imported, ImportError>| r.unwrap().catalogue.clinics.remove(0);
    let only = c(import("Women only", ""));
    assert_eq!(
        (only.groups, only.accepts),
        (vec!["women".to_string()], vec!["women".to_string()])
    );
    let err = import("women", "women; men").unwrap_err().to_string();
    assert!(
        err.contains("row 2, column accepts: lists men, but groups says women only"),
        "{err}"
    );
    let takes_men = c(import("", "men; adults"));
    assert_eq!(takes_men.groups, ["men"]);
    let mixed = c(import("women_programme", "women; men"));
    assert_eq!(mixed.groups, ["women_programme"]);
    assert_eq!(mixed.accepts, ["women", "men"]);
}

/// Coordinates are written to 5 decimal places (about a metre), whatever the export carries.
#[test]
fn coordinates_are_written_to_a_metre() {
    let quirks = findtreatment_bytes(&fixture("findtreatment-quirks.csv")).unwrap();
    let mut seen = 0;
    for c in quirks.catalogue.clinics.iter().chain(&sample().catalogue.clinics) {
        for v in [c.location.lat, c.location.lon].into_iter().flatten() {
            assert_eq!(v, (v * 1e5).round() / 1e5, "{}: {v}", c.name);
            seen += 1;
        }
    }
    assert!(seen > 0);
    let text = String::from_utf8(fixture("findtreatment-sample.csv")).unwrap();
    assert!(text.contains(",43.6571234,"), "the sample has a 7-place coordinate");
}

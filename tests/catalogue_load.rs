//! Every kind of catalogue problem gets a precise diagnostic, and valid records still load.
#![cfg(not(target_arch = "wasm32"))]

use clinic_compare::catalogue::vocabulary::default_questions;
use clinic_compare::catalogue::{load, Loaded, Severity};
use serde_json::{json, Value};

fn clinic(id: &str) -> Value {
    json!({ "id": id, "name": format!("Clinic {id}"), "location": { "town": "Leeds", "country": "GB", "lat": 53.8, "lon": -1.55 } })
}

fn catalogue(clinics: Vec<Value>) -> Value {
    json!({ "schema_version": 1, "publisher": { "name": "Test", "updated": "2026-01-01" }, "clinics": clinics })
}

fn load_value(v: &Value) -> Loaded {
    load(&v.to_string()).expect("loads")
}

/// The one diagnostic whose path is `path`.
fn at<'a>(loaded: &'a Loaded, path: &str) -> &'a clinic_compare::catalogue::Diagnostic {
    let found: Vec<_> = loaded.diagnostics.iter().filter(|d| d.path == path).collect();
    assert_eq!(found.len(), 1, "diagnostics at {path}: {:#?}", loaded.diagnostics);
    found[0]
}

#[test]
fn not_json_says_where() {
    let err = load("{\n  \"schema_version\": 1,\n  \"clinics\": [ }").unwrap_err();
    let text = err.to_string();
    assert!(text.contains("not valid JSON") && text.contains("line 3"), "{text}");
}

#[test]
fn empty_bom_null_array_and_missing_parts_are_whole_file_errors() {
    for (input, needle) in [
        ("", "empty"),
        ("   \n", "empty"),
        ("null", "found null"),
        ("[]", "found an array"),
        ("{\"clinics\": []}", "schema_version: is missing"),
        ("{\"schema_version\": \"1\", \"clinics\": []}", "found the text \"1\""),
        (
            "{\"schema_version\": 1.5, \"clinics\": []}",
            "found 1.5; expected the number 1",
        ),
        ("{\"schema_version\": [1], \"clinics\": []}", "found an array"),
        ("{\"schema_version\": 1, \"clinics\": true}", "found true/false"),
        ("\"clinics\"", "found text"),
        ("{\"schema_version\": 2, \"clinics\": []}", "newer than this widget"),
        ("{\"schema_version\": 1}", "clinics: is missing"),
        ("{\"schema_version\": 1, \"clinics\": {}}", "found an object"),
    ] {
        let err = load(input).unwrap_err();
        assert_eq!(err.severity, Severity::Error);
        assert!(err.to_string().contains(needle), "{input:?} → {err}");
    }
    // A UTF-8 byte-order mark is fine.
    let with_bom = format!("\u{feff}{}", catalogue(vec![clinic("a")]));
    assert_eq!(load(&with_bom).unwrap().clinics.len(), 1);
}

#[test]
fn a_bad_record_is_skipped_and_named_the_rest_load() {
    let mut bad = clinic("bad");
    bad["location"]["lat"] = json!("north");
    let mut nameless = clinic("nameless");
    nameless.as_object_mut().unwrap().remove("name");
    let loaded = load_value(&catalogue(vec![clinic("a"), bad, nameless, clinic("b")]));
    let ids: Vec<_> = loaded.clinics.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let d = at(&loaded, "clinics[1].location.lat");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.record.as_ref().unwrap().id.as_deref(), Some("bad"));
    assert_eq!(
        d.to_string(),
        "error: clinic #2 (id \"bad\"), clinics[1].location.lat: found the text \"north\"; \
         this clinic was skipped; expected a number"
    );
    let d = at(&loaded, "clinics[2].name");
    assert_eq!(d.message, "is missing; this clinic was skipped");
}

#[test]
fn duplicate_ids_keep_the_first() {
    let mut second = clinic("same");
    second["name"] = json!("Second");
    let loaded = load_value(&catalogue(vec![clinic("same"), second]));
    assert_eq!(loaded.clinics.len(), 1);
    assert_eq!(loaded.clinics[0].name, "Clinic same");
    assert_eq!(
        at(&loaded, "clinics[1].id").message,
        "the id \"same\" is already used by clinic #1; this one was skipped"
    );
}

#[test]
fn coordinates_out_of_range_are_dropped_with_a_warning() {
    let mut far = clinic("far");
    far["location"]["lat"] = json!(123.4);
    let mut huge = clinic("huge");
    huge["location"]["lon"] = json!(1e308);
    let loaded = load_value(&catalogue(vec![far, huge]));
    assert_eq!(loaded.clinics.len(), 2, "the clinics still load");
    assert!(loaded.clinics.iter().all(|c| c.location.lat.is_none()));
    let d = at(&loaded, "clinics[0].location.lat");
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.expected.as_deref().unwrap().contains("-90 and 90"));
    at(&loaded, "clinics[1].location.lon");
}

#[test]
fn unknown_codes_warn_and_are_kept() {
    let mut c = clinic("a");
    c["therapies"] = json!(["cbt", "horse_whispering"]);
    let loaded = load_value(&catalogue(vec![c]));
    assert_eq!(loaded.clinics[0].therapies, ["cbt", "horse_whispering"]);
    let d = at(&loaded, "clinics[0].therapies[1]");
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("horse_whispering"));
}

#[test]
fn over_long_strings_fail_or_drop() {
    let mut long_name = clinic("long");
    long_name["name"] = json!("x".repeat(50_000));
    let mut long_summary = clinic("summary");
    long_summary["summary"] = json!("y".repeat(50_000));
    let loaded = load_value(&catalogue(vec![long_name, long_summary]));
    assert_eq!(loaded.clinics.len(), 1);
    assert!(at(&loaded, "clinics[0].name").message.contains("50000 characters"));
    assert!(loaded.clinics[0].summary.is_none());
    at(&loaded, "clinics[1].summary");
}

#[test]
fn unsafe_links_never_survive() {
    let mut c = clinic("links");
    c["contact"] = json!({
        "website": "javascript:alert(1)",
        "phone": "<img src=x onerror=alert(1)>",
        "intake_phone": "0161 496 0000",
        "email": "data:text/html,x"
    });
    let loaded = load_value(&catalogue(vec![c]));
    let contact = &loaded.clinics[0].contact;
    assert_eq!(contact.website, None);
    assert_eq!(contact.phone, None);
    assert_eq!(contact.email, None);
    assert_eq!(contact.intake_phone.as_deref(), Some("0161 496 0000"));
    for field in ["website", "phone", "email"] {
        assert_eq!(
            at(&loaded, &format!("clinics[0].contact.{field}")).severity,
            Severity::Warning
        );
    }
}

#[test]
fn too_many_clinics_is_a_clear_error() {
    let many: Vec<Value> = (0..50_001).map(|i| json!({ "id": format!("c{i}") })).collect();
    let err = load(&catalogue(many).to_string()).unwrap_err();
    assert!(err.to_string().contains("at most 50000"), "{err}");
}

#[test]
fn dates_sources_answers_and_unknown_fields() {
    let mut c = clinic("a");
    c["last_verified"] = json!("last Tuesday");
    c["outcomes"] =
        json!([{ "claim": "90% success", "source": "" }, { "claim": "26% completed", "source": "PHE 2017" }]);
    c["answers"] = json!({ "aftercare": "Yes", "not_a_question": "?" });
    let mut doc = catalogue(vec![c]);
    doc["colour"] = json!("blue");
    let loaded = load_value(&doc);
    let clinic = &loaded.clinics[0];
    assert_eq!(clinic.last_verified, None);
    assert_eq!(clinic.outcomes.len(), 1);
    assert_eq!(clinic.answers.len(), 1);
    at(&loaded, "clinics[0].last_verified");
    at(&loaded, "clinics[0].outcomes");
    at(&loaded, "clinics[0].answers.not_a_question");
    at(&loaded, "colour");
    assert_eq!(
        loaded.questions,
        default_questions(),
        "the standard questions by default"
    );
}

#[test]
fn deeply_nested_values_do_not_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = format!("{{\"schema_version\":1,\"clinics\":[{{\"id\":\"a\",\"name\":{deep}}}]}}");
    // The deep value is one bad field: that clinic is skipped with a diagnostic, nothing overflows.
    let loaded = load(&text).expect("the file itself is readable");
    assert!(loaded.clinics.is_empty());
    assert!(at(&loaded, "clinics[0].name").message.contains("skipped"));
    let deeper = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let err = load(&deeper).unwrap_err().to_string();
    assert!(err.contains("found an array"), "{err}");
}

#[test]
fn loosely_written_codes_and_countries_are_corrected_with_a_warning() {
    let mut c = clinic("a");
    c["therapies"] = json!(["CBT", "Group therapy", "cbt", "horse_whispering"]);
    c["settings"] = json!(["Residential rehab (live in)"]);
    c["location"]["country"] = json!("UK");
    let loaded = load_value(&catalogue(vec![c]));
    let clinic = &loaded.clinics[0];
    assert_eq!(clinic.therapies, ["cbt", "group_therapy", "horse_whispering"]);
    assert_eq!(clinic.settings, ["residential"]);
    assert_eq!(clinic.location.country, "GB");
    assert!(at(&loaded, "clinics[0].therapies[0]")
        .message
        .contains("read as the code \"cbt\""));
    assert!(at(&loaded, "clinics[0].location.country")
        .message
        .contains("read as GB"));
}

#[test]
fn diagnostics_stay_readable_whatever_the_catalogue_holds() {
    let mut c = clinic("a");
    c["therapies"] = json!([format!("\u{202e}evil{}", "x".repeat(50))]);
    c["answers"] = json!({ format!("q{}", "y".repeat(50_000)): "?" });
    let loaded = load_value(&catalogue(vec![c]));
    for d in &loaded.diagnostics {
        let text = d.to_string();
        assert!(!text.contains('\u{202e}'), "{text}");
        assert!(text.chars().count() < 1_000, "{} chars", text.chars().count());
    }
    assert!(loaded.diagnostics.iter().any(|d| d.message.contains("\\u{202e}")));
}

#[test]
fn loosely_written_medication_and_credential_codes_are_corrected_not_lost() {
    let mut c = clinic("a");
    c["medications"] = json!([
        { "code": "Methadone", "forms": ["Oral"] },
        { "code": "buprenorphine", "forms": ["oral", "oral"] },
    ]);
    c["credentials"] = json!([{ "code": "CQC registered", "rating": "good" }]);
    let loaded = load_value(&catalogue(vec![c]));
    let clinic = &loaded.clinics[0];
    let meds: Vec<_> = clinic
        .medications
        .iter()
        .map(|m| (m.code.as_str(), m.forms.clone()))
        .collect();
    let oral = || vec!["oral".to_string()];
    assert_eq!(
        meds,
        [("methadone", oral()), ("buprenorphine", oral())],
        "corrected, and each form once"
    );
    let creds: Vec<_> = clinic
        .credentials
        .iter()
        .map(|x| (x.code.as_str(), x.rating.as_deref()))
        .collect();
    assert_eq!(creds, [("cqc_registered", Some("good"))]);
    assert!(at(&loaded, "clinics[0].medications[0]")
        .message
        .contains("read as the code \"methadone\""));
    assert!(at(&loaded, "clinics[0].medications[0].forms[0]")
        .message
        .contains("read as the code \"oral\""));
}

#[test]
fn a_medication_purpose_is_detox_or_ongoing_and_others_are_left_out_with_a_warning() {
    let mut c = clinic("a");
    c["medications"] = json!([
        { "code": "buprenorphine", "purpose": "detox" },
        { "code": "methadone", "purpose": "ongoing" },
        { "code": "naltrexone", "purpose": "forever" },
        { "code": "lofexidine" },
    ]);
    let loaded = load_value(&catalogue(vec![c]));
    let purposes: Vec<_> = loaded.clinics[0]
        .medications
        .iter()
        .map(|m| m.purpose.as_deref())
        .collect();
    assert_eq!(purposes, [Some("detox"), Some("ongoing"), None, None]);
    assert!(loaded.clinics[0].medications[0].detox_only());
    let warning = at(&loaded, "clinics[0].medications[2].purpose");
    assert_eq!(warning.severity, Severity::Warning);
    assert!(warning.message.contains("\"forever\""), "{}", warning.message);
}

#[test]
fn dates_are_days_that_exist() {
    use clinic_compare::catalogue::load::is_date;
    for ok in [
        "2025-08-19",
        "2024-02-29",
        "2000-02-29",
        "2025-12-31",
        "2025-04-30",
        "0001-01-01",
    ] {
        assert!(is_date(ok), "{ok}");
    }
    for bad in [
        "2025-02-29", // not a leap year
        "1900-02-29", // a century, not a leap year
        "2025-02-31",
        "2025-04-31",
        "2025-13-01",
        "2025-00-10",
        "2025-01-00",
        "+202-01-01", // a sign, which number parsing takes
        "2025-+1-01",
        "2025-01-+1",
        " 2025-1-01",
        "2025-1-1",
        "2025/01/01",
        "2025-01-01T00:00",
        "２０２５-01-01",
        "",
    ] {
        assert!(!is_date(bad), "{bad}");
    }
}

/// A day that does not exist is named by record and field, and left out; the clinic loads.
#[test]
fn a_date_that_does_not_exist_is_left_out_with_a_warning() {
    let mut a = clinic("a");
    a["last_verified"] = json!("2025-02-31");
    let mut b = clinic("b");
    b["last_verified"] = json!("+202-01-01");
    let mut c = clinic("c");
    c["last_verified"] = json!("2024-02-29");
    let loaded = load_value(&catalogue(vec![a, b, c]));
    assert_eq!(loaded.clinics.len(), 3);
    assert_eq!(loaded.clinics[0].last_verified, None);
    assert_eq!(loaded.clinics[1].last_verified, None);
    assert_eq!(loaded.clinics[2].last_verified.as_deref(), Some("2024-02-29"));
    let warning = at(&loaded, "clinics[0].last_verified");
    assert_eq!(
        warning.to_string(),
        "warning: clinic #1 (id \"a\"), clinics[0].last_verified: \"2025-02-31\" is not a date and was left out; expected YYYY-MM-DD"
    );
    at(&loaded, "clinics[1].last_verified");
    assert_eq!(loaded.diagnostics.len(), 2, "{:#?}", loaded.diagnostics);
}

/// A field given twice is refused, as serde's readers (the site owners' tools) refuse it: which
/// value was meant cannot be known. The message names the record and the field, and the other
/// clinics load. A field the catalogue does not define, and a question id in `answers` (a map),
/// may repeat, as in serde.
#[test]
fn a_field_given_twice_is_refused_naming_record_and_field() {
    let text = r#"{"schema_version": 1, "publisher": {"name": "Test", "updated": "2026-01-01"}, "clinics": [
        {"id": "a", "name": "First", "location": {"town": "Leeds", "country": "GB"}},
        {"id": "b", "name": "One", "name": "Two", "location": {"town": "Leeds", "country": "GB"}},
        {"id": "c", "name": "Third", "location": {"town": "Leeds", "country": "GB", "town": "York"}},
        {"id": "d", "name": "Fourth", "summary": null, "summary": "x", "location": {"town": "Leeds", "country": "GB"}},
        {"id": "e", "name": "Fifth", "location": {"town": "Leeds", "country": "GB"},
         "note": 1, "note": [2], "answers": {"cost": "one", "cost": "two"}},
        {"id": "f", "n\u0061me": "Sixth", "name": "Sixth", "location": {"town": "Leeds", "country": "GB"}}
    ]}"#;
    let loaded = load(text).expect("loads");
    let ids: Vec<&str> = loaded.clinics.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "e"]);
    assert_eq!(loaded.clinics[1].answers.get("cost").map(String::as_str), Some("two"));
    let name = at(&loaded, "clinics[1].name");
    assert_eq!(name.severity, Severity::Error);
    assert_eq!(
        name.to_string(),
        "error: clinic #2 (id \"b\"), clinics[1].name: found this field twice; this clinic was skipped; expected the field once"
    );
    at(&loaded, "clinics[2].location.town");
    at(&loaded, "clinics[3].summary");
    // The same name written with an escape is the same field.
    at(&loaded, "clinics[5].name");
    assert_eq!(loaded.errors(), 4, "{:#?}", loaded.diagnostics);
}

/// At the top level a catalogue field given twice is a whole-file error naming it; another field
/// may repeat, and is warned about once.
#[test]
fn a_catalogue_field_given_twice_is_a_whole_file_error() {
    let publisher = r#"{"name": "T", "updated": "2026-01-01"}"#;
    for (field, value) in [
        ("publisher", publisher),
        ("clinics", "[]"),
        ("schema_version", "1"),
        ("questions", "[]"),
        ("extra_features", "[]"),
        ("translations", "{}"),
    ] {
        let text = format!(
            r#"{{"schema_version": 1, "publisher": {publisher}, "clinics": [], "questions": [], "extra_features": [], "translations": {{}}, "{field}": {value}}}"#
        );
        let err = load(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("error: {field}: found this field twice; expected the field once")
        );
    }
    let unknown =
        format!(r#"{{"schema_version": 1, "x": 1, "x": [2], "publisher": {publisher}, "clinics": [], "x": {{}}}}"#);
    let loaded = load(&unknown).expect("loads");
    at(&loaded, "x");
}

/// A catalogue's own texts in Spanish are kept by what they translate; a translation in a language
/// the widget does not speak, of something the catalogue does not have, or empty, is warned about
/// by its path, and the rest still load.
#[test]
fn translations_are_kept_and_checked() {
    let mut v = catalogue(vec![clinic("a")]);
    v["publisher"]["attribution"] = json!("Source: the council");
    v["questions"] = json!([{ "id": "pets", "text": "Can I bring my dog?" }]);
    v["extra_features"] = json!([{ "code": "garden", "label": "Garden" }]);
    v["translations"] = json!({
        "es": {
            "attribution": "Fuente: el ayuntamiento",
            "question/pets": "¿Puedo llevar a mi perro?",
            "feature/garden": "Jardín",
            "feature/pool": "Piscina",
            "question/cost": "¿Cuánto cuesta?",
            "note": "Una nota",
            "question/": "",
        },
        "fr": { "feature/garden": "Jardin" },
    });
    let loaded = load_value(&v);
    assert_eq!(loaded.clinics.len(), 1);
    assert_eq!(
        loaded.translations.get("es/feature/garden").map(String::as_str),
        Some("Jardín")
    );
    assert_eq!(
        loaded.translations.get("es/attribution").map(String::as_str),
        Some("Fuente: el ayuntamiento")
    );
    for path in ["feature/pool", "question/cost", "note", "question/"] {
        let d = at(&loaded, &format!("translations.es.{path}"));
        assert_eq!(d.severity, Severity::Warning);
        assert!(d.message.contains("translates nothing"), "{d}");
    }
    assert!(at(&loaded, "translations.fr.feature/garden")
        .message
        .contains("does not speak"));
    assert_eq!(loaded.diagnostics.len(), 5, "{:#?}", loaded.diagnostics);

    // An empty text, and a translation of a text the catalogue does not have.
    let mut v = catalogue(vec![clinic("a")]);
    v["extra_features"] = json!([{ "code": "garden", "label": "Garden" }]);
    v["translations"] = json!({ "es": { "feature/garden": " ", "attribution": "Fuente" } });
    let loaded = load_value(&v);
    assert!(at(&loaded, "translations.es.feature/garden").message.contains("empty"));
    assert!(at(&loaded, "translations.es.attribution")
        .message
        .contains("translates nothing"));

    // Not an object of objects of texts: an error naming the place, and the clinics still load.
    v["translations"] = json!({ "es": { "feature/garden": 3 } });
    let loaded = load_value(&v);
    assert_eq!(loaded.clinics.len(), 1);
    let d = at(&loaded, "translations.es.feature/garden");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.to_string(),
        "error: translations.es.feature/garden: found 3; expected text"
    );
    assert!(loaded.translations.is_empty());
}

/// The reader tells fields apart by a number made from their names (json::field_hash), keeping at
/// most json::MAX_FIELDS of them: no two of the catalogue's (or the glossary file's) field names
/// may share a number, and no part may have more fields, or a valid record would be refused as
/// repeating a field.
#[test]
fn no_two_field_names_share_a_hash() {
    use clinic_compare::catalogue::json::{field_hash, MAX_FIELDS};
    use std::collections::{BTreeMap, BTreeSet};
    fn names(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Object(properties)) = map.get("properties") {
                    assert!(properties.len() <= MAX_FIELDS, "{:?}", properties.keys());
                    out.extend(properties.keys().cloned());
                }
                map.values().for_each(|v| names(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| names(v, out)),
            _ => {}
        }
    }
    let schema: Value = serde_json::from_str(&clinic_compare::catalogue::schema_json()).unwrap();
    // The glossary file's fields, with the schema's.
    let mut all: BTreeSet<String> = ["language", "text"].map(String::from).into();
    names(&schema, &mut all);
    assert!(
        all.len() > 40 && all.contains("extra_features") && all.contains("lat") && all.contains("last_verified"),
        "{all:?}"
    );
    let mut hashes = BTreeMap::new();
    for name in &all {
        if let Some(other) = hashes.insert(field_hash(name), name) {
            panic!("{name} and {other} share a hash");
        }
    }
}

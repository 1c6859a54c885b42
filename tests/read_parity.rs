//! The widget reads catalogues with its own small JSON reader (`catalogue::json`, `catalogue::read`)
//! for the sake of its download, while the site owners' tools write and check them with serde's
//! derived code. These tests hold the two to the same answers: the same clinic from the same
//! record, and a refusal from one whenever the other refuses.
#![cfg(not(target_arch = "wasm32"))]

use clinic_compare::catalogue::json::Reader;
use clinic_compare::catalogue::{read, Clinic};
use proptest::prelude::*;
use serde_json::{json, Value};

#[path = "support/synth.rs"]
mod synth;

/// Both readers on one record's text: `Some` clinic from each, or `None` from each.
fn both(text: &str) -> (Option<Clinic>, Option<Clinic>) {
    let ours = read::clinic(&mut Reader::new(text)).ok();
    let serde = serde_json::from_str::<Clinic>(text).ok();
    (ours, serde)
}

/// Floats written with 17 significant digits may differ in the last place between the readers
/// (serde_json's default reading is not exactly rounded either); everything else must be equal.
fn same(a: &Clinic, b: &Clinic) -> bool {
    let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= x.abs().max(y.abs()) * 1e-15,
        (x, y) => x == y,
    };
    let strip = |c: &Clinic| {
        let mut c = c.clone();
        c.location.lat = None;
        c.location.lon = None;
        c.cost.price.iter_mut().for_each(|p| {
            p.from = 0.0;
            p.to = None;
        });
        c
    };
    let price = |c: &Clinic| c.cost.price.as_ref().map(|p| (p.from, p.to));
    strip(a) == strip(b)
        && close(a.location.lat, b.location.lat)
        && close(a.location.lon, b.location.lon)
        && close(price(a).map(|p| p.0), price(b).map(|p| p.0))
        && close(price(a).and_then(|p| p.1), price(b).and_then(|p| p.1))
}

#[test]
fn the_sample_and_synthetic_catalogues_read_the_same() {
    let sample: Value =
        serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/clinics.json"))).unwrap();
    let synthetic = serde_json::to_value(synth::catalogue(3_000, 7)).unwrap();
    let mut n = 0;
    for doc in [&sample, &synthetic] {
        for record in doc["clinics"].as_array().unwrap() {
            let text = record.to_string();
            let (ours, serde) = both(&text);
            let (ours, serde) = (ours.expect("ours reads it"), serde.expect("serde reads it"));
            assert!(same(&ours, &serde), "{text}\n{ours:#?}\n{serde:#?}");
            n += 1;
        }
    }
    assert!(n > 3_000);
}

#[test]
fn both_refuse_the_same_broken_records() {
    let good = json!({ "id": "a", "name": "A", "location": { "town": "York", "country": "GB" } });
    let mut cases = vec![];
    for (path, value) in [
        ("/name", json!(null)),
        ("/location/lat", json!("53.9")),
        ("/location/lat", json!([53.9])),
        ("/programme_days", json!([28.5])),
        ("/programme_days", json!([-1])),
        ("/programme_days", json!([4294967296u64])),
        ("/settings", json!(null)),
        ("/settings", json!("residential")),
        ("/answers", json!(["cost", "yes"])),
        ("/answers", json!({ "cost": 1 })),
        ("/aftercare", json!({ "free": "yes" })),
        ("/cost", json!({ "price": { "from": 10 } })),
        ("/medications", json!([{ "forms": ["oral"] }])),
        ("/contact", json!(null)),
    ] {
        let mut bad = good.clone();
        let (parent, field) = path.rsplit_once('/').unwrap();
        bad.pointer_mut(if parent.is_empty() { "" } else { parent })
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert(field.to_string(), value);
        cases.push(bad.to_string());
    }
    for field in ["id", "name", "location"] {
        let mut bad = good.clone();
        bad.as_object_mut().unwrap().remove(field);
        cases.push(bad.to_string());
    }
    for text in &cases {
        assert_eq!(both(text), (None, None), "{text}");
    }
    // and the untouched record reads in both
    let (ours, serde) = both(&good.to_string());
    assert!(ours.is_some() && ours == serde);
}

/// A field given twice: both refuse it in the clinic's own objects, both take it in a map (the
/// answers, the later value kept), and both pass over a repeated field neither reads.
#[test]
fn both_treat_a_field_given_twice_alike() {
    let refused = [
        r#"{"id": "a", "id": "b", "name": "A", "location": {"town": "York", "country": "GB"}}"#,
        r#"{"id": "a", "name": "A", "summary": null, "summary": "x", "location": {"town": "York", "country": "GB"}}"#,
        r#"{"id": "a", "name": "A", "location": {"town": "York", "country": "GB", "lat": 1, "lat": 2}}"#,
        r#"{"id": "a", "name": "A", "location": {"town": "York", "country": "GB"}, "cost": {"funding": [], "funding": ["nhs"]}}"#,
        r#"{"id": "a", "name": "A", "location": {"town": "York", "country": "GB"}, "medications": [{"code": "x", "code": "y"}]}"#,
        r#"{"id": "a", "n\u0061me": "A", "name": "A", "location": {"town": "York", "country": "GB"}}"#,
    ];
    for text in refused {
        assert_eq!(both(text), (None, None), "{text}");
    }
    let taken = [
        r#"{"id": "a", "name": "A", "location": {"town": "York", "country": "GB"}, "answers": {"cost": "one", "cost": "two"}}"#,
        r#"{"id": "a", "name": "A", "location": {"town": "York", "country": "GB"}, "note": 1, "note": [2]}"#,
    ];
    for text in taken {
        let (ours, serde) = both(text);
        assert!(ours.is_some() && ours == serde, "{text}: {ours:?} / {serde:?}");
    }
}

/// Arbitrary records, biased towards the clinic's own fields and the shapes they take.
fn arb_record() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        (-90.0f64..90.0).prop_map(|f| json!(f)),
        any::<i64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ];
    let value = leaf.prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "code", "forms", "town", "country", "lat", "from", "currency", "free", "x"
                ])
                .prop_map(str::to_string),
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    let fields = prop::sample::select(vec![
        "summary",
        "contact",
        "settings",
        "medications",
        "programme_days",
        "aftercare",
        "cost",
        "credentials",
        "answers",
        "outcomes",
        "last_verified",
        "unknown",
    ]);
    (
        prop::collection::btree_map(fields.prop_map(str::to_string), value, 0..5),
        any::<bool>(),
    )
        .prop_map(|(extra, with_location)| {
            let mut record = json!({ "id": "a", "name": "A" });
            if with_location {
                record["location"] = json!({ "town": "York", "country": "GB", "lat": 53.96 });
            }
            record.as_object_mut().unwrap().extend(extra);
            record
        })
}

/// serde's derived code also takes a struct written as an array of its fields in order (`"cost":
/// [["nhs"]]`), which the catalogue's schema does not allow and the widget refuses.
fn has_struct_as_array(record: &Value) -> bool {
    let array = |v: Option<&Value>| v.is_some_and(Value::is_array);
    let items = |v: Option<&Value>| {
        v.and_then(Value::as_array)
            .is_some_and(|a| a.iter().any(Value::is_array))
    };
    ["location", "contact", "aftercare", "cost"]
        .iter()
        .any(|f| array(record.get(f)))
        || array(record.get("cost").and_then(|c| c.get("price")))
        || ["medications", "credentials", "outcomes"]
            .iter()
            .any(|f| items(record.get(f)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn any_record_reads_the_same_in_both(record in arb_record()) {
        let text = record.to_string();
        match both(&text) {
            (Some(ours), Some(serde)) => prop_assert!(same(&ours, &serde), "{}", text),
            (None, None) => {}
            (None, Some(_)) if has_struct_as_array(&record) => {}
            (ours, serde) => prop_assert!(false, "{}: ours {:?}, serde {:?}", text, ours.is_some(), serde.is_some()),
        }
    }
}

/// Whether the widget's reader takes `text` as one JSON value.
fn ours_accepts(text: &str) -> bool {
    let mut r = Reader::new(text);
    r.skip().is_ok() && r.end().is_ok()
}

/// Whether serde_json takes `text` as JSON, judging syntax only: a number too large for f64 is
/// still JSON (browsers read it as Infinity; the reader's typed reads refuse it).
fn serde_accepts(text: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    /// Syntax: the reader takes exactly what serde_json takes, on JSON-like noise.
    #[test]
    fn any_text_is_json_to_both_or_to_neither(text in "[\\[\\]{}:,\"\\\\/0-9a-fnrtu .eE+\\-]{0,40}") {
        prop_assert_eq!(ours_accepts(&text), serde_accepts(&text), "{:?}", text);
    }

    /// … and on records broken by one deleted, doubled or replaced character.
    #[test]
    fn a_record_with_one_character_changed_is_judged_the_same(
        record in arb_record(),
        at in any::<prop::sample::Index>(),
        edit in 0..3u8,
        with in prop::sample::select(vec!['"', '\\', ',', ':', '[', ']', '{', '}', '-', '.', 'e', '0', ' ', 'x', '\u{1}']),
    ) {
        let mut chars: Vec<char> = record.to_string().chars().collect();
        let i = at.index(chars.len());
        match edit {
            0 => { chars.remove(i); }
            1 => chars.insert(i, chars[i]),
            _ => chars[i] = with,
        }
        let text: String = chars.into_iter().collect();
        prop_assert_eq!(ours_accepts(&text), serde_accepts(&text), "{:?}", text);
        // and reading it as a clinic never panics
        let _ = read::clinic(&mut Reader::new(&text));
    }
}

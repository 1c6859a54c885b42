//! Any catalogue that loads, and any query text and place: searching never panics and its counts
//! agree with its result list.
#![no_main]
use libfuzzer_sys::fuzz_target;

use clinic_compare::search::{Index, Query};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (catalogue, query) = text.split_once('\u{1}').unwrap_or((&text, "manchster"));
    let Ok(loaded) = clinic_compare::catalogue::load(catalogue) else { return };
    let index = Index::build(&loaded.clinics);
    let point = index.resolve_place(query);
    let q = Query { text: query.to_string(), point, radius_km: point.map(|_| 25.0), ..Default::default() };
    let results = index.search(&q);
    assert_eq!(results.total(), index.count(&q));
    assert!(results.total() <= loaded.clinics.len());
});

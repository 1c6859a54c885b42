//! Any bytes as a place file, then any typed place: the decoder answers a gazetteer or an error,
//! the resolver an outcome, and neither panics. The input is split at the first NUL: the place file,
//! then the typed text.
#![no_main]
use clinic_compare::search::places::{resolve, Gazetteer, Outcome};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (file, typed) = text.split_once('\u{0}').unwrap_or((&text, "Leeds"));
    if let Ok(g) = Gazetteer::decode(file) {
        match resolve(typed, &[&g], &[g.country.as_str()]) {
            Outcome::Choose(list) => assert!(list.len() > 1),
            Outcome::Unknown(why) => assert!(!why.is_empty()),
            Outcome::Found(place) => assert!(place.point.0.abs() <= 90.0 && place.point.1.abs() <= 180.0),
        }
    }
});

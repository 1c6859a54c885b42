//! Any bytes as a place file, then any typed place: the decoders (the text files' and the packed
//! files' the browser reads) answer a gazetteer or an error, the resolver an outcome, and none
//! panics. For the text decoder the input is split at the first NUL: the place file, then the typed
//! text; the packed decoder reads the whole input, and is asked a postcode, a ZIP and a town, and
//! the towns a name may be are read from the same bytes and must answer the same.
#![no_main]
use clinic_compare::search::places::{resolve, Gazetteer, Outcome, Spelling, Why};
use libfuzzer_sys::fuzz_target;

fn check(g: &Gazetteer, typed: &str) {
    match resolve(typed, &[g], &[g.country.as_str()]) {
        Outcome::Choose(list) => assert!(list.len() > 1),
        // The file of the one covered country is at hand.
        Outcome::Unknown(why) => assert_ne!(why, Why::Unavailable),
        Outcome::Found(place) => assert!(place.point.0.abs() <= 90.0 && place.point.1.abs() <= 180.0),
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (file, typed) = text.split_once('\u{0}').unwrap_or((&text, "Leeds"));
    if let Ok(g) = Gazetteer::decode(file) {
        check(&g, typed);
    }
    let whole = Gazetteer::unpack(data);
    if let Ok(g) = &whole {
        ["LS1 4AP", "LS", "90210", "Springfeld", "Leeds, England"].iter().for_each(|t| check(g, t));
    }
    // The towns a name may be, read straight from the bytes: the same file checks, the same answer.
    for typed in ["Springfeld", "Leeds, England"] {
        let name = Spelling::of(typed).unwrap();
        let part = Gazetteer::unpack_towns(data, |key| name.may_be(key));
        assert_eq!(part.is_ok(), whole.is_ok());
        if let (Ok(part), Ok(g)) = (&part, &whole) {
            let covered = [g.country.as_str()];
            assert_eq!(resolve(typed, &[part], &covered), resolve(typed, &[g], &covered));
        }
    }
});

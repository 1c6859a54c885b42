//! The place files' reader and resolver, compiled on their own for the browser: the same source
//! files as the widget's `search` module (natively tested and fuzzed there), behind a small text
//! interface for `www/places.js`. The module keeps each place file it has read for the page's
//! life; it reads them packed (`src/search/places/packed.rs`, written by `pack-places` at build
//! time), so a file is ready in about a millisecond.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

// At the crate root, as `places` finds its neighbours through `super::`.
#[allow(dead_code)]
#[path = "../../src/search/geo.rs"]
mod geo;
#[allow(dead_code)]
#[path = "../../src/search/places.rs"]
mod places;
#[allow(dead_code)]
#[path = "../../src/search/text.rs"]
mod text;

use places::{country_of as code_country, resolve as resolve_in, Gazetteer, Outcome, Place, Spelling, Why};
use places::packed::PackedTowns;

thread_local! {
    /// Each country's codes part, read.
    static CODES: RefCell<Vec<Gazetteer>> = const { RefCell::new(Vec::new()) };
    /// Each country's towns part, checked, its counties kept as bytes: a typed town reads from it
    /// only the towns it may be (`PackedTowns::only`).
    static TOWNS: RefCell<Vec<PackedTowns>> = const { RefCell::new(Vec::new()) };
}

/// Reads a packed place file (`pack-places`): a country's codes part, or its towns part when
/// `towns`. Keeps it, and answers "" when it loaded, else why not.
#[wasm_bindgen]
pub fn load(bytes: Vec<u8>, towns: bool) -> String {
    let loaded = match towns {
        true => PackedTowns::read(bytes).map(|part| {
            TOWNS.with(|t| {
                let mut files = t.borrow_mut();
                files.retain(|old| old.header().country != part.header().country);
                files.push(part);
            })
        }),
        false => Gazetteer::unpack(&bytes).map(|g| {
            CODES.with(|c| {
                let mut files = c.borrow_mut();
                files.retain(|old| old.country != g.country);
                files.push(g);
            })
        }),
    };
    loaded.err().unwrap_or_default()
}

/// The country whose file a postcode or ZIP needs ("GB", "US"), or "" for a town.
#[wasm_bindgen]
pub fn country_of(text: &str) -> String {
    code_country(text).unwrap_or_default().to_string()
}

/// The credit lines of the files loaded, one a line (a country's two parts carry the same one).
#[wasm_bindgen]
pub fn credits() -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut add = |g: &Gazetteer| {
        if !lines.contains(&g.credit) {
            lines.push(g.credit.clone());
        }
    };
    CODES.with(|c| c.borrow().iter().for_each(&mut add));
    TOWNS.with(|t| t.borrow().iter().for_each(|part| add(part.header())));
    lines.join("\n")
}

/// Resolves `text` for a catalogue with services in `covered` ("GB,US"), as lines of
/// kind\tlabel\tlatitude\tlongitude: one `found`, or several `choose`; or, when nothing was found,
/// one line unknown\twhy\tcountry, `why` one of `long`, `elsewhere` (in `country`, which the list
/// does not cover), `unavailable`, `code` (no such postcode, GB, or ZIP, US), `town`. The widget
/// says why in the family's language. A postcode or ZIP is resolved in the codes parts, a town in
/// the towns its name may be.
#[wasm_bindgen]
pub fn resolve(text: &str, covered: &str) -> String {
    let covered: Vec<&str> = covered.split(',').filter(|c| !c.is_empty()).collect();
    let Some(name) = Spelling::of(text) else {
        return CODES.with(|c| answer(text, &c.borrow().iter().collect::<Vec<_>>(), &covered));
    };
    let files: Vec<Gazetteer> = TOWNS.with(|t| t.borrow().iter().map(|part| part.only(|key| name.may_be(key))).collect());
    answer(text, &files.iter().collect::<Vec<_>>(), &covered)
}

fn answer(text: &str, files: &[&Gazetteer], covered: &[&str]) -> String {
    let line = |kind: &str, p: &Place| format!("{kind}\t{}\t{}\t{}", p.label, p.point.0, p.point.1);
    match resolve_in(text, files, covered) {
        Outcome::Found(p) => line("found", &p),
        Outcome::Choose(list) => list.iter().map(|p| line("choose", p)).collect::<Vec<_>>().join("\n"),
        Outcome::Unknown(why) => {
            let (why, country) = match why {
                Why::TooLong => ("long", ""),
                Why::Elsewhere(country) => return format!("unknown\telsewhere\t{country}"),
                Why::Unavailable => ("unavailable", ""),
                Why::NoSuchCode(country) => ("code", country),
                Why::NoSuchTown => ("town", ""),
            };
            format!("unknown\t{why}\t{country}")
        }
    }
}

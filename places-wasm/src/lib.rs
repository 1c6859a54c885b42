//! The place files' reader and resolver, compiled on their own for the browser: the same source
//! files as the widget's `search` module (natively tested and fuzzed there), behind a small text
//! interface for `www/places.js`. The module keeps each decoded place file for the page's life.

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

use places::{country_of as code_country, resolve as resolve_in, Gazetteer, Outcome, Place};

thread_local! {
    static FILES: RefCell<Vec<Gazetteer>> = const { RefCell::new(Vec::new()) };
}

/// Reads a place file and keeps it: "" when it loaded, else why not.
#[wasm_bindgen]
pub fn load(text: &str) -> String {
    match Gazetteer::decode(text) {
        Ok(g) => {
            FILES.with(|f| {
                let mut files = f.borrow_mut();
                files.retain(|old| old.country != g.country);
                files.push(g);
            });
            String::new()
        }
        Err(e) => e,
    }
}

/// The country whose file a postcode or ZIP needs ("GB", "US"), or "" for a town.
#[wasm_bindgen]
pub fn country_of(text: &str) -> String {
    code_country(text).unwrap_or_default().to_string()
}

/// The credit lines of the files loaded, one a line.
#[wasm_bindgen]
pub fn credits() -> String {
    FILES.with(|f| f.borrow().iter().map(|g| g.credit.as_str()).collect::<Vec<_>>().join("\n"))
}

/// Resolves `text` for a catalogue with services in `covered` ("GB,US"), as lines of
/// kind\tlabel-or-message\tlatitude\tlongitude: one `found`, several `choose`, or one `unknown`.
#[wasm_bindgen]
pub fn resolve(text: &str, covered: &str) -> String {
    let covered: Vec<&str> = covered.split(',').filter(|c| !c.is_empty()).collect();
    FILES.with(|f| {
        let files = f.borrow();
        let refs: Vec<&Gazetteer> = files.iter().collect();
        let line = |kind: &str, p: &Place| format!("{kind}\t{}\t{}\t{}", p.label, p.point.0, p.point.1);
        match resolve_in(text, &refs, &covered) {
            Outcome::Found(p) => line("found", &p),
            Outcome::Choose(list) => list.iter().map(|p| line("choose", p)).collect::<Vec<_>>().join("\n"),
            Outcome::Unknown(why) => format!("unknown\t{why}"),
        }
    })
}

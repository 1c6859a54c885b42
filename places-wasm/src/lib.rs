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

use places::{country_of as code_country, resolve as resolve_in, Gazetteer, Outcome, Place, Why};

thread_local! {
    /// The place files read: each country's codes part, then each country's towns part.
    static FILES: RefCell<[Vec<Gazetteer>; 2]> = const { RefCell::new([Vec::new(), Vec::new()]) };
}

/// Reads a packed place file (`pack-places`): a country's codes part, or its towns part when
/// `towns`. Keeps it, and answers "" when it loaded, else why not.
#[wasm_bindgen]
pub fn load(bytes: &[u8], towns: bool) -> String {
    match Gazetteer::unpack(bytes) {
        Ok(g) => {
            FILES.with(|f| {
                let files = &mut f.borrow_mut()[usize::from(towns)];
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

/// The credit lines of the files loaded, one a line (a country's two parts carry the same one).
#[wasm_bindgen]
pub fn credits() -> String {
    FILES.with(|f| {
        let files = f.borrow();
        let mut lines: Vec<&str> = Vec::new();
        for g in files.iter().flatten() {
            if !lines.contains(&g.credit.as_str()) {
                lines.push(&g.credit);
            }
        }
        lines.join("\n")
    })
}

/// Resolves `text` for a catalogue with services in `covered` ("GB,US"), as lines of
/// kind\tlabel\tlatitude\tlongitude: one `found`, or several `choose`; or, when nothing was found,
/// one line unknown\twhy\tcountry, `why` one of `long`, `elsewhere` (in `country`, which the list
/// does not cover), `unavailable`, `code` (no such postcode, GB, or ZIP, US), `town`. The widget
/// says why in the family's language. A postcode or ZIP is resolved in the codes parts, a town in
/// the towns parts.
#[wasm_bindgen]
pub fn resolve(text: &str, covered: &str) -> String {
    let covered: Vec<&str> = covered.split(',').filter(|c| !c.is_empty()).collect();
    let part = usize::from(code_country(text).is_none());
    FILES.with(|f| {
        let files = f.borrow();
        let refs: Vec<&Gazetteer> = files[part].iter().collect();
        let line = |kind: &str, p: &Place| format!("{kind}\t{}\t{}\t{}", p.label, p.point.0, p.point.1);
        match resolve_in(text, &refs, &covered) {
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
    })
}

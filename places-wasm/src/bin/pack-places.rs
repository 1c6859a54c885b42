//! `pack-places FILE.txt CODES.bin TOWNS.bin`: writes a text place file (data/places/) as the two
//! packed parts the browser reads (`src/search/places/packed.rs`): its codes, and its towns. It
//! checks that each part reads back exactly, and that every code's label (the nearest town to each
//! point a code lookup can ask about) is the same from the codes' part as from the whole file.
//! scripts/build-places.sh runs it for each file.

use std::process::ExitCode;

#[allow(dead_code)]
#[path = "../../../src/search/geo.rs"]
mod geo;
#[allow(dead_code)]
#[path = "../../../src/search/places.rs"]
mod places;
#[allow(dead_code)]
#[path = "../../../src/search/text.rs"]
mod text;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [from, codes, towns] = &args[..] else {
        eprintln!("usage: pack-places FILE.txt CODES.bin TOWNS.bin");
        return ExitCode::FAILURE;
    };
    match pack(from, codes, towns) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pack-places: {from}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn pack(from: &str, codes_to: &str, towns_to: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(from).map_err(|e| e.to_string())?;
    let whole = places::Gazetteer::decode(&text)?;
    let (codes, towns) = whole.split();
    for point in whole.looked_up_points() {
        if codes.nearest_town(point) != whole.nearest_town(point) {
            return Err(format!("the codes' part names {point:?} differently"));
        }
    }
    for (part, to) in [(codes, codes_to), (towns, towns_to)] {
        let packed = part.pack();
        if places::Gazetteer::unpack(&packed)? != part {
            return Err("a packed part does not read back the same".into());
        }
        std::fs::write(to, packed).map_err(|e| e.to_string())?;
    }
    Ok(())
}

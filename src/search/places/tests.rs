//! The decoder and resolver on the real place files (data/places/), and on broken ones.

use super::*;
use std::sync::OnceLock;

fn gb() -> &'static Gazetteer {
    static GB: OnceLock<Gazetteer> = OnceLock::new();
    GB.get_or_init(|| Gazetteer::decode(include_str!("../../../data/places/places-gb.txt")).unwrap())
}

fn us() -> &'static Gazetteer {
    static US: OnceLock<Gazetteer> = OnceLock::new();
    US.get_or_init(|| Gazetteer::decode(include_str!("../../../data/places/places-us.txt")).unwrap())
}

fn both(text: &str) -> Outcome {
    resolve(text, &[gb(), us()], &["GB", "US"])
}

fn found(text: &str) -> Place {
    match both(text) {
        Outcome::Found(p) => p,
        other => panic!("{text}: {other:?}"),
    }
}

fn near(p: &Place, lat: f64, lon: f64, km: f64) -> bool {
    super::super::geo::distance_km(p.point, (lat, lon)) < km
}

#[test]
fn the_files_decode_whole() {
    assert_eq!(gb().country, "GB");
    assert!(
        gb().codes() > 15_000 && gb().towns() > 5_000,
        "{} {}",
        gb().codes(),
        gb().towns()
    );
    assert!(us().codes() > 33_000 && us().towns() > 20_000);
    assert!(gb().credit.contains("Open Government Licence") && us().credit.contains("GeoNames"));
}

#[test]
fn postcodes_go_from_sector_to_district_to_area() {
    let p = found("SW1A 1AA");
    assert!(p.label.starts_with("SW1A 1 ("), "{}", p.label);
    assert!(near(&p, 51.50, -0.14, 2.0), "{p:?}");
    assert!(found("sw1a1aa").label.starts_with("SW1A 1 ("));
    assert!(near(&found("M1 1AA"), 53.48, -2.24, 2.0));
    assert!(near(&found("LS1 4AP"), 53.80, -1.55, 2.0));
    assert!(found("LS1 4").label.starts_with("LS1 4 ("));
    // A sector that is not in the list falls back to its district; so does a bare district.
    assert!(
        found("LS1 0ZZ").label.starts_with("LS1 ("),
        "{}",
        found("LS1 0ZZ").label
    );
    assert!(found("LS1").label.starts_with("LS1 ("));
    let area = found("LS");
    assert!(area.label.starts_with("LS ("), "{}", area.label);
    assert!(near(&area, 53.8, -1.55, 30.0));
}

#[test]
fn a_postcode_that_does_not_exist_says_so() {
    for text in ["ZZ9 9ZZ", "zz9 9zz", "QQ1"] {
        match both(text) {
            Outcome::Unknown(why) => assert_eq!(why, Why::NoSuchCode("GB")),
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn zips_and_zip_plus_four() {
    let p = found("90210");
    assert!(p.label.starts_with("90210 (Beverly Hills"), "{}", p.label);
    assert!(near(&p, 34.09, -118.41, 3.0));
    assert_eq!(found("90210-1234").point, p.point);
    assert_eq!(found("902101234").point, p.point);
    // A PO-box ZIP with no area of its own: the centre of its ZIP3 group.
    let po_box = found("90209");
    assert!(po_box.label.starts_with("902xx ("), "{}", po_box.label);
    assert!(near(&po_box, 34.0, -118.3, 30.0));
    match both("00000") {
        Outcome::Unknown(why) => assert_eq!(why, Why::NoSuchCode("US")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn towns_exact_folded_and_misspelt() {
    let leicester = found("Leicester");
    assert!(leicester.label.starts_with("Leicester (") && leicester.label.contains("England"));
    assert_eq!(found("LEICESTER").point, leicester.point);
    assert_eq!(found("Leicster").point, leicester.point, "a typo");
    assert!(near(&found("Stoke on Trent"), 53.0, -2.18, 5.0));
    assert!(near(&found("St Louis, MO"), 38.63, -90.2, 5.0));
    assert!(near(&found("Saint Louis, Missouri"), 38.63, -90.2, 5.0));
    // Accents: typed without them, and typed with them.
    assert!(near(&found("Canon City"), 38.44, -105.24, 5.0));
    assert!(near(&found("Española, NM"), 35.99, -106.08, 5.0));
}

#[test]
fn shared_names_offer_choices_most_populous_first() {
    let Outcome::Choose(list) = both("Springfield") else {
        panic!("{:?}", both("Springfield"))
    };
    assert!(list.len() > 3 && list.len() <= MAX_CHOICES);
    assert!(list[0].label.contains("MO") || list[0].label.contains("MA") || list[0].label.contains("IL"));
    assert!(list.iter().all(|p| p.label.contains(", ")), "{list:?}");
    let Outcome::Choose(newport) = both("Newport") else {
        panic!()
    };
    assert!(newport[0].label.contains("Wales"), "{newport:?}");
    assert!(matches!(both("Richmond"), Outcome::Choose(_)));
    // London, England dwarfs London, Kentucky: no question, and the label says which.
    assert!(found("London").label.contains("England"));
}

#[test]
fn qualifiers_pick_one() {
    let w = found("Worcester, MA");
    assert!(w.label.contains("MA") && near(&w, 42.26, -71.8, 5.0), "{w:?}");
    assert!(near(&found("Worcester, England"), 52.19, -2.22, 5.0));
    assert!(near(&found("Springfield, Illinois"), 39.8, -89.64, 5.0));
    assert!(near(&found("Newport, Isle of Wight"), 50.7, -1.29, 5.0));
    // A chosen place's own label resolves to itself.
    let Outcome::Choose(list) = both("Springfield") else {
        panic!()
    };
    assert_eq!(found(&list[2].label).point, list[2].point);
}

#[test]
fn countries_the_list_does_not_cover() {
    let uk_only = |text| resolve(text, &[gb(), us()], &["GB"]);
    match uk_only("90210") {
        Outcome::Unknown(why) => assert_eq!(why, Why::Elsewhere("US".into())),
        other => panic!("{other:?}"),
    }
    match uk_only("Phoenix, AZ") {
        Outcome::Unknown(why) => assert_eq!(why, Why::Elsewhere("US".into())),
        other => panic!("{other:?}"),
    }
    match resolve("SW1A 1AA", &[us()], &["GB", "US"]) {
        Outcome::Unknown(why) => assert_eq!(why, Why::Unavailable),
        other => panic!("{other:?}"),
    }
}

#[test]
fn nonsense_is_answered_not_panicked_on() {
    let long = "a".repeat(10_000);
    for text in [
        "", "   ", "🏠🏠", "!!!", "xqzvw", &long, "(", ",", "12", "1234567", "🏠 1AA",
    ] {
        match both(text) {
            Outcome::Unknown(why) => assert!(
                matches!(why, Why::NoSuchTown | Why::NoSuchCode(_) | Why::TooLong),
                "{text}: {why:?}"
            ),
            other => panic!("{text}: {other:?}"),
        }
    }
    assert_eq!(both(&long), Outcome::Unknown(Why::TooLong));
}

#[test]
fn broken_files_are_errors() {
    let whole = include_str!("../../../data/places/places-gb.txt");
    assert_eq!(
        Gazetteer::decode("<!doctype html><p>Not found").unwrap_err(),
        "not a place file"
    );
    assert!(Gazetteer::decode(&whole[..whole.len() / 2])
        .unwrap_err()
        .contains("cut short"));
    assert!(Gazetteer::decode("").is_err());
    let bad = "clinic-compare places 1 GB\n#codes\nLS1\tx\t1\n#end\n";
    assert_eq!(Gazetteer::decode(bad).unwrap_err(), "line 3: expected a whole number");
    let off = "clinic-compare places 1 US\n#zips\n501\t95000\t0\n#end\n";
    assert!(Gazetteer::decode(off).unwrap_err().contains("not a place on Earth"));
    let orphan = "clinic-compare places 1 US\n#towns\nA\t1\t0\t0\n#end\n";
    assert!(Gazetteer::decode(orphan).unwrap_err().contains("after its county"));
}

fn locate(g: &Gazetteer, postcode: Option<&str>, town: &str, region: Option<&str>) -> (Place, Precision) {
    locate_address(g, postcode, town, region).unwrap_or_else(|e| panic!("{postcode:?} {town}: {e}"))
}

#[test]
fn addresses_are_placed_by_their_smallest_known_area() {
    let (p, precision) = locate(gb(), Some("LS1 4AP"), "Leeds", None);
    assert_eq!(precision, Precision::Sector);
    assert!(p.label.starts_with("LS1 4 (") && near(&p, 53.80, -1.55, 2.0), "{p:?}");
    // No such sector: the district.
    let (p, precision) = locate(gb(), Some("LS1 0ZZ"), "Leeds", None);
    assert_eq!(
        (precision, p.label.starts_with("LS1 (")),
        (Precision::District, true),
        "{p:?}"
    );
    let (p, precision) = locate(us(), Some("90210-1234"), "Beverly Hills", Some("CA"));
    assert_eq!(precision, Precision::Zip);
    assert!(near(&p, 34.09, -118.41, 3.0));
    // No postcode, or one that is not a place: the town, told apart by its county or state.
    let (p, precision) = locate(us(), None, "Worcester", Some("Massachusetts"));
    assert_eq!(precision, Precision::Town);
    assert!(near(&p, 42.26, -71.8, 5.0), "{p:?}");
    let (p, precision) = locate(gb(), Some("ZZ9 9ZZ"), "Leicester", Some("Leicestershire"));
    assert!(precision == Precision::Town && near(&p, 52.64, -1.13, 5.0), "{p:?}");
    // A town not in the file, with a postcode whose area is: the area, and it says so.
    let (p, precision) = locate(gb(), Some("LS60 9ZZ"), "Nowhere-on-Sea", None);
    assert_eq!(precision, Precision::Area);
    assert!(
        p.label.starts_with("LS postcode area") && near(&p, 53.8, -1.55, 30.0),
        "{p:?}"
    );
    let (p, precision) = locate(us(), Some("90209"), "Nowhereville", None);
    assert!(
        precision == Precision::Area && p.label.starts_with("ZIP codes 902xx"),
        "{p:?}"
    );
    // Each kind of fill says how far off it may be.
    for kind in [
        Precision::Sector,
        Precision::Zip,
        Precision::District,
        Precision::Town,
        Precision::Area,
    ] {
        assert!(kind.describe().contains("km"), "{kind:?}");
    }
}

#[test]
fn an_address_that_cannot_be_placed_says_why() {
    let shared = locate_address(us(), None, "Springfield", None).unwrap_err();
    assert!(
        shared.contains("places are called “Springfield”") && shared.contains("MO"),
        "{shared}"
    );
    let missing = locate_address(gb(), Some("ZZ9 9ZZ"), "Qwxyzzy", None).unwrap_err();
    assert!(
        missing.contains("neither the postcode “ZZ9 9ZZ” nor the town “Qwxyzzy”"),
        "{missing}"
    );
    let no_code = locate_address(gb(), None, "", None).unwrap_err();
    assert!(no_code.contains("no postcode"), "{no_code}");
    // A ZIP is not looked for in the UK file, nor a UK postcode in the US one.
    assert!(locate_address(gb(), Some("90210"), "Qwxyzzy", None).is_err());
    assert!(locate_address(us(), Some("SW1A 1AA"), "Qwxyzzy", None).is_err());
}

#[test]
fn a_label_does_not_repeat_the_towns_name() {
    // GeoNames names Manchester's county after the city.
    let manchester = found("Manchester, England");
    assert!(
        !manchester.label.contains("Manchester, Manchester"),
        "{}",
        manchester.label
    );
    assert!(manchester.label.starts_with("Manchester ("), "{}", manchester.label);
    let m4 = found("M4 1AA");
    assert!(!m4.label.contains("Manchester, Manchester"), "{}", m4.label);
    assert!(m4.label.contains("England"), "{}", m4.label);
}

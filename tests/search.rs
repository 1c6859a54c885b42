//! The engine against a brute-force filter over the clinics, for random catalogues and queries; and
//! text, place and sort behaviour.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use clinic_compare::catalogue::{Aftercare, Clinic, Location, MedicationOffer, Price};
use clinic_compare::search::geo::distance_km;
use clinic_compare::search::text::{typo_budget, within_distance, words};
use clinic_compare::search::{facet_values, Index, Query, Relaxation, Sort, FACETS};
use proptest::prelude::*;

fn arb_clinic() -> impl Strategy<Value = Clinic> {
    let codes = |pool: &'static [&'static str]| proptest::sample::subsequence(pool.to_vec(), 0..=pool.len());
    (
        codes(&["inpatient", "residential", "outpatient"]),
        codes(&["methadone", "buprenorphine", "naltrexone"]),
        codes(&["oral", "depot_injection", "implant"]),
        codes(&["cbt", "group", "family_therapy"]),
        codes(&["weekly_groups", "sober_living"]),
        codes(&["nhs", "self_pay", "medicaid"]),
        proptest::option::of(100.0f64..3000.0),
        proptest::collection::vec(7u32..200, 0..3),
        proptest::option::of((50.0f64..56.0, -4.0f64..1.0)),
        "[A-Z][a-z]{2,8}",
        proptest::option::of("2025-0[1-9]-1[0-9]"),
        proptest::option::of(0u32..13),
    )
        .prop_map(
            |(settings, meds, forms, therapies, after, funding, price, days, point, name, verified, months)| Clinic {
                id: String::new(),
                name,
                settings: settings.iter().map(|s| s.to_string()).collect(),
                medications: meds
                    .iter()
                    .map(|m| MedicationOffer {
                        code: m.to_string(),
                        forms: forms.iter().map(|f| f.to_string()).collect(),
                        purpose: None,
                    })
                    .collect(),
                therapies: therapies.iter().map(|s| s.to_string()).collect(),
                aftercare: Some(Aftercare {
                    kinds: after.iter().map(|s| s.to_string()).collect(),
                    months,
                    ..Default::default()
                }),
                cost: clinic_compare::catalogue::Cost {
                    funding: funding.iter().map(|s| s.to_string()).collect(),
                    price: price.map(|from| Price {
                        from,
                        to: None,
                        currency: "GBP".into(),
                    }),
                },
                programme_days: days,
                location: Location {
                    town: "Town".into(),
                    country: "GB".into(),
                    lat: point.map(|p| p.0),
                    lon: point.map(|p| p.1),
                    ..Default::default()
                },
                last_verified: verified,
                ..Default::default()
            },
        )
}

fn arb_query() -> impl Strategy<Value = Query> {
    let pick = proptest::sample::subsequence(
        vec![
            ("setting", "outpatient"),
            ("setting", "residential"),
            ("medication", "methadone"),
            ("medication", "buprenorphine"),
            ("medication", "buprenorphine/depot_injection"),
            ("medication_form", "implant"),
            ("aftercare", "any"),
            ("therapy", "cbt"),
            ("aftercare", "weekly_groups"),
            ("funding", "nhs"),
            ("funding", "self_pay"),
            ("funding", "unknown_code"),
        ],
        0..5,
    );
    (
        pick,
        proptest::option::of(200.0f64..2500.0),
        proptest::option::of(10u32..120),
        proptest::option::of(50.0f64..400.0),
        proptest::option::of(7u32..100),
        proptest::option::of(1u32..12),
        "(|man|oak|[a-z]{4,7})",
    )
        .prop_map(|(pick, max_price, max_days, radius, min_days, months, text)| {
            let mut q = Query {
                max_price,
                max_days,
                min_days,
                min_aftercare_months: months,
                text,
                point: Some((53.0, -1.5)),
                radius_km: radius,
                ..Default::default()
            };
            for (facet, code) in pick {
                q.select(facet, code);
            }
            q
        })
}

/// Every typed word starts a word of the name, town, region, postcode or summary, or is within
/// the typo budget of a whole word of the name or town.
fn brute_text(c: &Clinic, text: &str) -> bool {
    let fuzzy: Vec<String> = words(&c.name).into_iter().chain(words(&c.location.town)).collect();
    let mut all = fuzzy.clone();
    for t in [&c.location.region, &c.summary, &c.location.postcode]
        .into_iter()
        .flatten()
    {
        all.extend(words(t));
    }
    if let Some(p) = &c.location.postcode {
        all.push(
            p.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_lowercase(),
        );
    }
    words(text).iter().all(|q| {
        all.iter().any(|w| w.starts_with(q.as_str()))
            || (typo_budget(q) > 0 && fuzzy.iter().any(|w| within_distance(q, w, typo_budget(q))))
    })
}

/// The definition, written the slow and obvious way.
fn brute_matches(c: &Clinic, q: &Query, skip: Option<&str>) -> bool {
    q.selected.iter().all(|(facet, chosen)| {
        Some(facet.as_str()) == skip || facet_values(c, facet).iter().any(|v| chosen.contains(v))
    }) && q.max_price.is_none_or(|m| match &c.cost.price {
        Some(p) => p.from <= m,
        None => c.cost.funding.iter().any(|f| f == "nhs" || f == "free_charity"),
    }) && (c
        .programme_days
        .iter()
        .any(|d| q.min_days.is_none_or(|m| *d >= m) && q.max_days.is_none_or(|m| *d <= m))
        || c.programme_days.is_empty()
        || (q.min_days.is_none() && q.max_days.is_none()))
        && q.min_aftercare_months.is_none_or(|m| {
            c.aftercare
                .as_ref()
                .and_then(|a| a.months)
                .is_some_and(|have| have >= m)
        })
        && brute_text(c, &q.text)
        && match (q.point, q.radius_km) {
            (Some(p), Some(r)) => match (c.location.lat, c.location.lon) {
                (Some(la), Some(lo)) => distance_km(p, (la, lo)) <= r,
                _ => false,
            },
            _ => true,
        }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn counts_equal_brute_force(clinics in proptest::collection::vec(arb_clinic(), 0..80), q in arb_query()) {
        let index = Index::build(&clinics);
        let results = index.search(&q);
        let expected: BTreeSet<u32> =
            (0..clinics.len()).filter(|&i| brute_matches(&clinics[i], &q, None)).map(|i| i as u32).collect();
        let got: BTreeSet<u32> = results.order.iter().copied().collect();
        prop_assert_eq!(got.len(), results.order.len(), "no duplicates");
        prop_assert_eq!(&got, &expected);
        prop_assert_eq!(index.count(&q), expected.len());
        for (r, n) in index.relaxations(&q) {
            let looser = q.without(&r);
            let brute = clinics.iter().filter(|c| brute_matches(c, &looser, None)).count();
            prop_assert_eq!(n, brute, "without {:?}", r);
        }
        for (f, facet) in index.facets().iter().enumerate() {
            for (v, value) in facet.values.iter().enumerate() {
                let brute = clinics
                    .iter()
                    .filter(|c| brute_matches(c, &q, Some(facet.key)) && facet_values(c, facet.key).contains(value))
                    .count();
                prop_assert_eq!(results.counts[f][v], brute, "facet {} value {}", facet.key, value);
            }
        }
    }
}

fn named(name: &str, town: &str, postcode: Option<&str>, point: (f64, f64)) -> Clinic {
    Clinic {
        id: name.to_lowercase().replace(' ', "-"),
        name: name.into(),
        location: Location {
            town: town.into(),
            postcode: postcode.map(str::to_string),
            country: "GB".into(),
            lat: Some(point.0),
            lon: Some(point.1),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn sample() -> Vec<Clinic> {
    vec![
        named("Ancoats Recovery", "Manchester", Some("M4 6DE"), (53.4839, -2.2250)),
        named("Zürich House", "Worcester", Some("WR1 2AB"), (52.1920, -2.2200)),
        named("Harbour Centre", "Bristol", Some("BS1 4DJ"), (51.4545, -2.5879)),
        named("Hudson Valley Program", "Albany", Some("12207"), (42.6526, -73.7562)),
        named("Capital Region Clinic", "Troy", Some("12180"), (42.7284, -73.6918)),
    ]
}

fn names(index: &Index, clinics: &[Clinic], q: &Query) -> Vec<String> {
    index
        .search(q)
        .order
        .iter()
        .map(|&i| clinics[i as usize].name.clone())
        .collect()
}

#[test]
fn text_is_case_accent_and_typo_tolerant() {
    let clinics = sample();
    let index = Index::build(&clinics);
    let find = |text: &str| {
        names(
            &index,
            &clinics,
            &Query {
                text: text.into(),
                ..Default::default()
            },
        )
    };
    assert_eq!(find("manchster"), ["Ancoats Recovery"]);
    assert_eq!(find("Worchester"), ["Zürich House"]);
    assert_eq!(find("zurich"), ["Zürich House"]);
    assert_eq!(find("ZÜR"), ["Zürich House"]);
    assert_eq!(find("harb"), ["Harbour Centre"]);
    assert_eq!(find("m4 6de"), ["Ancoats Recovery"]);
    assert_eq!(find("12207"), ["Hudson Valley Program"]);
    assert!(find("leicester").is_empty());
    assert_eq!(find("").len(), clinics.len());
}

#[test]
fn the_text_part_can_be_built_after_the_facets() {
    let clinics = sample();
    let index = Index::build_facets(&clinics);
    let text = |t: &str| Query {
        text: t.into(),
        ..Default::default()
    };
    assert!(!index.has_text());
    // Facets and orders work at once; typed text and places wait for the text part.
    assert_eq!(index.search(&Query::default()).total(), clinics.len());
    assert_eq!(index.search(&text("zurich")).total(), 0);
    assert_eq!(index.resolve_place("Manchester"), None);
    index.build_text(&clinics);
    assert!(index.has_text());
    let whole = Index::build(&clinics);
    for t in ["zurich", "manchster", "m4 6de", "12207", "hous", "leicester"] {
        assert_eq!(index.search(&text(t)).order, whole.search(&text(t)).order, "{t}");
    }
    assert_eq!(names(&index, &clinics, &text("zurich")), ["Zürich House"]);
    assert!(index.resolve_place("Manchester").is_some());
}

#[test]
fn places_resolve_from_the_catalogue() {
    let index = Index::build(&sample());
    let near = |text: &str, expected: (f64, f64)| {
        let p = index.resolve_place(text).unwrap_or_else(|| panic!("{text} resolves"));
        assert!(distance_km(p, expected) < 1.0, "{text} → {p:?}");
    };
    near("Manchester", (53.4839, -2.2250));
    near("  bristol ", (51.4545, -2.5879));
    near("M4 6DE", (53.4839, -2.2250));
    near("m46de", (53.4839, -2.2250));
    near("M4", (53.4839, -2.2250));
    near("12207", (42.6526, -73.7562));
    // An unknown ZIP finds the clinics sharing its first three digits (Albany's 122, not Troy's 121).
    near("12299", (42.6526, -73.7562));
    assert_eq!(index.resolve_place("Atlantis"), None);
    assert_eq!(index.resolve_place(""), None);
}

#[test]
fn sorting_is_deterministic_with_ties_by_name_then_position() {
    let mut clinics = sample();
    clinics.push(named("Ancoats Recovery", "Leeds", None, (53.8, -1.55)));
    let index = Index::build(&clinics);
    let q = |sort| Query {
        sort,
        point: Some((53.48, -2.24)),
        ..Default::default()
    };
    let order = index.search(&q(Sort::Name)).order;
    assert_eq!(order[..2], [0, 5], "equal names keep file order");
    let near = names(&index, &clinics, &q(Sort::Nearest));
    assert_eq!(near[0], "Ancoats Recovery");
    assert_eq!(near.last().unwrap(), "Hudson Valley Program");
    let r = index.search(&q(Sort::Nearest));
    assert!(r.distances.windows(2).all(|w| w[0].unwrap() <= w[1].unwrap()));
    let page: Vec<u32> = r.page(2, 2).map(|(i, _)| i).collect();
    assert_eq!(page, r.order[2..4]);
    assert_eq!(r.page(100, 10).count(), 0);
}

#[test]
fn price_and_length_sorts_put_unknowns_last() {
    let mut clinics = sample();
    clinics[1].cost.price = Some(Price {
        from: 900.0,
        to: None,
        currency: "GBP".into(),
    });
    clinics[2].cost.price = Some(Price {
        from: 400.0,
        to: None,
        currency: "GBP".into(),
    });
    clinics[3].programme_days = vec![90, 28];
    clinics[0].last_verified = Some("2026-01-01".into());
    clinics[4].last_verified = Some("2026-06-01".into());
    let index = Index::build(&clinics);
    let by = |sort| {
        names(
            &index,
            &clinics,
            &Query {
                sort,
                ..Default::default()
            },
        )
    };
    assert_eq!(by(Sort::LowestPrice)[..2], ["Harbour Centre", "Zürich House"]);
    assert_eq!(by(Sort::ShortestProgramme)[0], "Hudson Valley Program");
    assert_eq!(
        by(Sort::RecentlyVerified)[..2],
        ["Capital Region Clinic", "Ancoats Recovery"]
    );
    assert_eq!(FACETS.len(), index.facets().len());
}

#[test]
fn same_named_towns_are_not_averaged_and_can_be_qualified() {
    let mut clinics = sample();
    let mut nh = named(
        "Granite State Recovery",
        "Manchester",
        Some("03101"),
        (42.9956, -71.4548),
    );
    nh.location.region = Some("NH".into());
    nh.location.country = "US".into();
    clinics.push(nh);
    clinics.push(named(
        "Piccadilly House",
        "Manchester",
        Some("M1 2AB"),
        (53.4780, -2.2310),
    ));
    let index = Index::build(&clinics);
    let at = |text: &str| index.resolve_place(text).unwrap_or_else(|| panic!("{text} resolves"));
    // Two clinics in England outvote one in New Hampshire; the Atlantic is never the answer.
    assert!(distance_km(at("Manchester"), (53.48, -2.23)) < 5.0);
    assert!(distance_km(at("Manchester, NH"), (42.9956, -71.4548)) < 1.0);
    assert!(distance_km(at("manchester, us"), (42.9956, -71.4548)) < 1.0);
    // A typo in a town, an outward code, a ZIP3 fallback; unknown places say so.
    assert!(distance_km(at("Worchester"), (52.1920, -2.2200)) < 1.0);
    assert!(distance_km(at("Manchster"), (53.48, -2.23)) < 5.0);
    assert!(distance_km(at("M1"), (53.4780, -2.2310)) < 1.0);
    assert!(distance_km(at("03199"), (42.9956, -71.4548)) < 1.0);
    assert_eq!(index.resolve_place("ZZ9 9ZZ"), None);
    assert_eq!(index.resolve_place("Narnia"), None);
}

#[test]
fn medication_forms_aftercare_and_relevance() {
    let mut clinics = sample();
    clinics[0].medications = vec![MedicationOffer {
        code: "buprenorphine".into(),
        forms: vec!["depot_injection".into()],
        purpose: None,
    }];
    clinics[1].medications = vec![MedicationOffer {
        code: "buprenorphine".into(),
        forms: vec!["sublingual".into()],
        purpose: None,
    }];
    clinics[2].aftercare = Some(Aftercare {
        months: Some(12),
        ..Default::default()
    });
    clinics[3].aftercare = Some(Aftercare::default());
    clinics[4].name = "Harbourside Clinic".into();
    let index = Index::build(&clinics);
    let find = |facet: &str, value: &str| {
        let mut q = Query::default();
        q.select(facet, value);
        index.search(&q).order
    };
    assert_eq!(find("medication", "buprenorphine"), [0, 1]);
    assert_eq!(find("medication", "buprenorphine/depot_injection"), [0]);
    assert_eq!(find("medication_form", "depot_injection"), [0]);
    assert_eq!(
        find("aftercare", "any"),
        [2],
        "an empty aftercare record is no aftercare"
    );
    let months = |m| {
        index.count(&Query {
            min_aftercare_months: Some(m),
            ..Default::default()
        })
    };
    assert_eq!((months(12), months(13)), (1, 0));
    let r = index.search(&Query::default());
    assert_eq!(r.count(&index, "medication", "buprenorphine"), 2);
    assert_eq!(r.count(&index, "medication", "no_such_code"), 0);

    // Names starting with the text first, then other name matches, then town/postcode matches.
    clinics[3].summary = Some("Near the harbour".into());
    let index = Index::build(&clinics);
    let q = Query {
        text: "harbour".into(),
        sort: Sort::Relevance,
        ..Default::default()
    };
    assert_eq!(
        names(&index, &clinics, &q),
        ["Harbour Centre", "Harbourside Clinic", "Hudson Valley Program"]
    );
}

#[test]
fn relaxations_name_each_constraint_with_what_it_brings_back() {
    let clinics = sample();
    let index = Index::build(&clinics);
    let mut q = Query {
        text: "bristol".into(),
        point: Some((53.48, -2.24)),
        radius_km: Some(10.0),
        ..Default::default()
    };
    q.select("country", "GB");
    assert_eq!(index.count(&q), 0);
    let r = index.relaxations(&q);
    assert_eq!(
        r,
        [
            (Relaxation::Facet("country".into()), 0),
            (Relaxation::Text, 1),
            (Relaxation::Radius, 1)
        ]
    );
}

#[test]
fn a_facet_with_hundreds_of_values_indexes_each_one() {
    // Languages and a catalogue's own features are open lists: past a few dozen values the build
    // looks them up by hash instead of scanning; both ways must find the same clinics.
    let clinics: Vec<Clinic> = (0..300)
        .map(|i| Clinic {
            languages: vec![format!("l{}", i % 150), "en".into()],
            ..named(&format!("Clinic {i}"), "Leeds", None, (53.8, -1.55))
        })
        .collect();
    let index = Index::build(&clinics);
    let language = index.facets().iter().find(|f| f.key == "language").unwrap();
    assert_eq!(language.values.len(), 151);
    for code in ["l0", "l47", "l48", "l49", "l149", "en"] {
        let mut q = Query::default();
        q.select("language", code);
        let expected = clinics.iter().filter(|c| c.languages.iter().any(|l| l == code)).count();
        assert_eq!(index.count(&q), expected, "{code}");
        assert!(language.value_id(code).is_some());
    }
}

#[test]
fn medicine_for_detox_only_is_not_an_ongoing_medication_option() {
    let mut clinics = sample();
    let offer = |purpose: Option<&str>| MedicationOffer {
        code: "buprenorphine".into(),
        forms: vec!["sublingual".into()],
        purpose: purpose.map(String::from),
    };
    clinics[0].medications = vec![offer(Some("detox"))];
    clinics[1].medications = vec![offer(Some("ongoing"))];
    clinics[2].medications = vec![offer(None)];
    let index = Index::build(&clinics);
    for (facet, value) in [
        ("medication", "buprenorphine"),
        ("medication", "buprenorphine/sublingual"),
        ("medication_form", "sublingual"),
    ] {
        let mut q = Query::default();
        q.select(facet, value);
        let mut found = index.search(&q).order;
        found.sort();
        assert_eq!(found, [1, 2], "{facet}:{value}");
    }
}

#[test]
fn a_length_limit_keeps_services_with_no_fixed_length() {
    let mut clinics = sample();
    clinics[0].programme_days = vec![28, 90];
    clinics[1].programme_days = vec![90];
    clinics[2].programme_days = vec![7, 14];
    // clinics[3] and [4] state no length: ongoing community and opioid treatment services.
    let index = Index::build(&clinics);
    let within = |max_days| {
        let mut found = index
            .search(&Query {
                max_days: Some(max_days),
                ..Default::default()
            })
            .order;
        found.sort();
        found
    };
    assert_eq!(within(28), [0, 2, 3, 4]);
    assert_eq!(within(10), [2, 3, 4]);
}

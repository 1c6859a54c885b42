//! Seeded synthetic catalogues for benchmarks: national-scale directories with realistic value
//! frequencies (methadone in ~30% of services, ibogaine in ~0.5%), UK and US places with real-ish
//! coordinates, postcodes and ZIPs. The same seed always gives the same catalogue, so the native
//! benchmark, the wasm benchmark in Chromium and ItemsJS in Node all run on identical data
//! (`cargo run --release --example synth` writes it as JSON).
//!
//! Nothing here is real: names are invented from word lists.
//!
//! Bench and test fixtures, not part of the library: the benches, the tests and the `synth` example
//! include this file as a module (`#[path]`), so the widget and the CLI never carry it. Each uses a
//! part of it, hence `dead_code` allowed.
#![allow(dead_code)]

use std::collections::BTreeMap;

use serde::Serialize;

use clinic_compare::catalogue::{
    Aftercare, Catalogue, Clinic, Contact, Cost, Credential, ExtraFeature, Location, MedicationOffer, Price, Publisher,
};

/// A small, fast, seedable generator (SplitMix64): good enough for test data, no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + self.unit() * (hi - lo)
    }
}

/// (town, region, latitude, longitude, postcode area or ZIP3, weight)
type Place = (&'static str, &'static str, f64, f64, &'static str, u32);

const UK_PLACES: &[Place] = &[
    ("London", "Greater London", 51.507, -0.128, "SW", 12),
    ("London", "Greater London", 51.545, -0.055, "E", 8),
    ("Manchester", "Greater Manchester", 53.481, -2.243, "M", 6),
    ("Birmingham", "West Midlands", 52.486, -1.890, "B", 6),
    ("Leeds", "West Yorkshire", 53.801, -1.549, "LS", 4),
    ("Liverpool", "Merseyside", 53.408, -2.992, "L", 4),
    ("Bristol", "Bristol", 51.455, -2.588, "BS", 3),
    ("Sheffield", "South Yorkshire", 53.381, -1.470, "S", 3),
    ("Newcastle upon Tyne", "Tyne and Wear", 54.978, -1.618, "NE", 3),
    ("Nottingham", "Nottinghamshire", 52.954, -1.158, "NG", 2),
    ("Leicester", "Leicestershire", 52.637, -1.139, "LE", 2),
    ("Worcester", "Worcestershire", 52.192, -2.220, "WR", 1),
    ("Brighton", "East Sussex", 50.823, -0.137, "BN", 2),
    ("Norwich", "Norfolk", 52.630, 1.297, "NR", 1),
    ("Exeter", "Devon", 50.718, -3.534, "EX", 1),
    ("Plymouth", "Devon", 50.376, -4.143, "PL", 1),
    ("Cardiff", "Wales", 51.481, -3.179, "CF", 2),
    ("Swansea", "Wales", 51.621, -3.944, "SA", 1),
    ("Glasgow", "Scotland", 55.864, -4.252, "G", 3),
    ("Edinburgh", "Scotland", 55.953, -3.188, "EH", 3),
    ("Aberdeen", "Scotland", 57.149, -2.094, "AB", 1),
    ("Belfast", "Northern Ireland", 54.597, -5.930, "BT", 2),
    ("York", "North Yorkshire", 53.960, -1.082, "YO", 1),
    ("Oxford", "Oxfordshire", 51.752, -1.258, "OX", 1),
    ("Cambridge", "Cambridgeshire", 52.205, 0.122, "CB", 1),
    ("Southampton", "Hampshire", 50.910, -1.404, "SO", 2),
    ("Stoke-on-Trent", "Staffordshire", 53.003, -2.180, "ST", 1),
    ("Hull", "East Riding of Yorkshire", 53.745, -0.336, "HU", 1),
];

const US_PLACES: &[Place] = &[
    ("New York", "NY", 40.713, -74.006, "100", 12),
    ("Brooklyn", "NY", 40.678, -73.944, "112", 6),
    ("Los Angeles", "CA", 34.052, -118.244, "900", 10),
    ("San Francisco", "CA", 37.775, -122.419, "941", 4),
    ("San Diego", "CA", 32.716, -117.161, "921", 3),
    ("Chicago", "IL", 41.878, -87.630, "606", 7),
    ("Houston", "TX", 29.760, -95.370, "770", 6),
    ("Dallas", "TX", 32.777, -96.797, "752", 4),
    ("Austin", "TX", 30.267, -97.743, "787", 3),
    ("Phoenix", "AZ", 33.448, -112.074, "850", 4),
    ("Philadelphia", "PA", 39.953, -75.165, "191", 5),
    ("Pittsburgh", "PA", 40.441, -79.996, "152", 3),
    ("Boston", "MA", 42.360, -71.059, "021", 4),
    ("Worcester", "MA", 42.263, -71.802, "016", 1),
    ("Seattle", "WA", 47.606, -122.332, "981", 3),
    ("Portland", "OR", 45.515, -122.679, "972", 3),
    ("Denver", "CO", 39.739, -104.990, "802", 3),
    ("Atlanta", "GA", 33.749, -84.388, "303", 4),
    ("Miami", "FL", 25.762, -80.192, "331", 4),
    ("Orlando", "FL", 28.538, -81.379, "328", 3),
    ("Baltimore", "MD", 39.290, -76.612, "212", 4),
    ("Detroit", "MI", 42.331, -83.046, "482", 4),
    ("Columbus", "OH", 39.961, -82.999, "432", 3),
    ("Cleveland", "OH", 41.499, -81.694, "441", 3),
    ("Louisville", "KY", 38.253, -85.759, "402", 3),
    ("Charleston", "WV", 38.350, -81.633, "253", 2),
    ("Nashville", "TN", 36.163, -86.781, "372", 3),
    ("Albuquerque", "NM", 35.084, -106.650, "871", 2),
    ("Manchester", "NH", 42.996, -71.455, "031", 1),
    ("Española", "NM", 35.991, -106.080, "875", 1),
];

const NAME_FIRST: &[&str] = &[
    "Oakwood",
    "Riverside",
    "Hope",
    "New Dawn",
    "Bridge",
    "Harbour",
    "Meadow",
    "Cedar",
    "Willow",
    "St Anne's",
    "Lakeside",
    "Northgate",
    "Phoenix",
    "Haven",
    "Pathways",
    "Horizon",
    "Beacon",
    "Greenfield",
    "Ashdown",
    "Castle",
    "Clearwater",
    "Summit",
    "Serenity",
    "Kingsley",
    "Fairview",
    "Élan",
    "Brightwater",
    "Hillcrest",
    "Maple",
    "Compass",
    "Turning Point",
    "Open Door",
    "Crossroads",
    "Lighthouse",
    "Springfield",
    "Redwood",
    "Silverdale",
    "Anchor",
];
const NAME_LAST: &[&str] = &[
    "Recovery Centre",
    "House",
    "Treatment Services",
    "Clinic",
    "Rehab",
    "Wellbeing",
    "Addiction Service",
    "Lodge",
    "Recovery",
    "Health",
    "Community Drug Service",
    "Detox Unit",
    "Counseling Center",
    "Medical Group",
];

/// (code, probability)
type Freq = (&'static str, f64);

const SETTINGS: &[Freq] = &[("outpatient", 0.6), ("residential", 0.35), ("inpatient", 0.2)];
const DETOX: &[Freq] = &[
    ("medically_supervised", 0.35),
    ("outpatient_detox", 0.25),
    ("rapid_detox", 0.03),
    ("anaesthesia_rapid_detox", 0.005),
];
const THERAPIES: &[Freq] = &[
    ("cbt", 0.7),
    ("group_therapy", 0.65),
    ("individual_therapy", 0.6),
    ("counselling", 0.5),
    ("twelve_step", 0.4),
    ("family_therapy", 0.35),
    ("motivational", 0.25),
    ("workshops", 0.2),
    ("contingency_management", 0.15),
    ("matrix_model", 0.08),
    ("community_reinforcement", 0.06),
    ("rebt", 0.05),
    ("trauma_therapy", 0.1),
];
const CONDITIONS: &[Freq] = &[
    ("anxiety", 0.5),
    ("depression", 0.5),
    ("ptsd", 0.3),
    ("bipolar", 0.15),
    ("ocd", 0.1),
    ("eating_disorders", 0.05),
];
const GROUPS: &[Freq] = &[
    ("women", 0.15),
    ("criminal_justice", 0.1),
    ("veterans", 0.1),
    ("young_people", 0.08),
    ("lgbtq", 0.08),
    ("pregnant_women", 0.05),
];
const AFTERCARE: &[Freq] = &[
    ("weekly_groups", 0.6),
    ("relapse_prevention_plan", 0.5),
    ("counsellor_access", 0.35),
    ("family_support", 0.3),
    ("sober_living", 0.15),
    ("return_if_struggling", 0.05),
];
const LANGUAGES_UK: &[Freq] = &[("pl", 0.04), ("ur", 0.03), ("pa", 0.02), ("cy", 0.02), ("fr", 0.01)];
const LANGUAGES_US: &[Freq] = &[("es", 0.35), ("asl", 0.03), ("vi", 0.02), ("zh", 0.02), ("ru", 0.01)];
const EXTRAS: &[Freq] = &[
    ("wifi", 0.3),
    ("private_rooms", 0.2),
    ("gym", 0.1),
    ("pets_allowed", 0.05),
];

/// (medication, probability, [(form, probability given the medication)])
type Med = (&'static str, f64, &'static [Freq]);
const MEDICATIONS: &[Med] = &[
    (
        "buprenorphine",
        0.45,
        &[("sublingual", 0.9), ("depot_injection", 0.2), ("implant", 0.03)],
    ),
    ("methadone", 0.3, &[("oral", 1.0)]),
    ("buprenorphine_naloxone", 0.3, &[("sublingual", 1.0)]),
    ("naltrexone", 0.25, &[("oral", 0.8), ("depot_injection", 0.4)]),
    ("clonidine", 0.2, &[("oral", 1.0)]),
    ("lofexidine", 0.15, &[("oral", 1.0)]),
    ("ibogaine", 0.005, &[("oral", 1.0)]),
    ("diamorphine", 0.003, &[("injectable", 1.0)]),
];

fn draw(rng: &mut Rng, freqs: &[Freq]) -> Vec<String> {
    freqs
        .iter()
        .filter(|(_, p)| rng.chance(*p))
        .map(|(c, _)| c.to_string())
        .collect()
}

fn weighted<'a>(rng: &mut Rng, places: &'a [Place]) -> &'a Place {
    let total: u32 = places.iter().map(|p| p.5).sum();
    let mut n = rng.below(total as usize) as u32;
    for p in places {
        if n < p.5 {
            return p;
        }
        n -= p.5;
    }
    &places[0]
}

const LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";

fn uk_postcode(rng: &mut Rng, area: &str) -> String {
    let district = 1 + rng.below(20);
    let inward_digit = rng.below(10);
    let a = LETTERS[rng.below(LETTERS.len())] as char;
    let b = LETTERS[rng.below(LETTERS.len())] as char;
    format!("{area}{district} {inward_digit}{a}{b}")
}

fn date(rng: &mut Rng) -> String {
    let year = 2023 + rng.below(3);
    format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))
}

/// One invented clinic.
pub fn clinic(rng: &mut Rng, i: usize) -> Clinic {
    let uk = rng.chance(0.45);
    let place = if uk {
        weighted(rng, UK_PLACES)
    } else {
        weighted(rng, US_PLACES)
    };
    let (town, region, lat, lon, area, _) = *place;
    let postcode = if uk {
        uk_postcode(rng, area)
    } else {
        format!("{area}{:02}", rng.below(100))
    };
    let name = if rng.chance(0.25) {
        format!("{town} {}", rng.pick(NAME_LAST))
    } else {
        format!("{} {}", rng.pick(NAME_FIRST), rng.pick(NAME_LAST))
    };

    let mut settings = draw(rng, SETTINGS);
    if settings.is_empty() {
        settings.push("outpatient".into());
    }
    let residential = settings.iter().any(|s| s != "outpatient");
    let mut medications = Vec::new();
    for (code, p, forms) in MEDICATIONS {
        if rng.chance(*p) {
            let mut forms = draw(rng, forms);
            if forms.is_empty() {
                forms.push(forms_default(code));
            }
            medications.push(MedicationOffer {
                code: code.to_string(),
                forms,
                purpose: None,
            });
        }
    }
    let maintenance = medications
        .iter()
        .any(|m| m.code == "methadone" || m.code.starts_with("buprenorphine"));
    let stance = if !maintenance {
        "abstinence_based"
    } else if rng.chance(0.5) {
        "both"
    } else {
        "maintenance"
    };
    let programme_days = if residential || rng.chance(0.3) {
        let options = [14u32, 28, 30, 42, 60, 90, 120];
        let mut days: Vec<u32> = options.iter().copied().filter(|_| rng.chance(0.3)).collect();
        if days.is_empty() {
            days.push(*rng.pick(&options));
        }
        days
    } else {
        Vec::new()
    };
    let aftercare = rng.chance(0.7).then(|| Aftercare {
        kinds: draw(rng, AFTERCARE),
        months: rng.chance(0.5).then(|| rng.below(13) as u32),
        free: rng.chance(0.5).then(|| rng.chance(0.6)),
    });
    let funding = if uk {
        draw(rng, &[("nhs", 0.4), ("self_pay", 0.6), ("insurance", 0.4)])
    } else {
        draw(
            rng,
            &[
                ("self_pay", 0.7),
                ("insurance", 0.6),
                ("medicaid", 0.5),
                ("medicare", 0.3),
                ("sliding_scale", 0.3),
            ],
        )
    };
    let price = (!funding.iter().any(|f| f == "nhs") && rng.chance(0.6)).then(|| {
        let (lo, hi) = if residential { (800.0, 3000.0) } else { (50.0, 400.0) };
        let from = (rng.range(lo, hi) / 10.0).round() * 10.0;
        Price {
            from,
            to: rng
                .chance(0.5)
                .then(|| from + (rng.range(0.0, hi - lo) / 10.0).round() * 10.0),
            currency: if uk { "GBP" } else { "USD" }.into(),
        }
    });
    let credential_pool: &[Freq] = if uk {
        &[("cqc_registered", 0.85), ("bacp_counsellors", 0.3)]
    } else {
        &[
            ("state_licence", 0.9),
            ("carf", 0.25),
            ("joint_commission", 0.2),
            ("certified_otp", 0.0),
        ]
    };
    let mut credentials = draw(rng, credential_pool);
    if !uk && medications.iter().any(|m| m.code == "methadone") && rng.chance(0.8) {
        credentials.push("certified_otp".into());
    }
    let mut languages = vec!["en".to_string()];
    languages.extend(draw(rng, if uk { LANGUAGES_UK } else { LANGUAGES_US }));
    let therapies = draw(rng, THERAPIES);
    let summary = format!(
        "{} service in {town} offering {}{}.",
        if residential { "A residential" } else { "An outpatient" },
        therapies
            .first()
            .map_or("counselling", String::as_str)
            .replace('_', " "),
        if maintenance {
            " and medication-assisted treatment"
        } else {
            ""
        },
    );

    Clinic {
        id: format!("c{i:06}"),
        name,
        summary: Some(summary),
        location: Location {
            address: vec![format!("{} High Street", 1 + rng.below(200))],
            town: town.into(),
            region: Some(region.into()),
            postcode: Some(postcode),
            country: if uk { "GB" } else { "US" }.into(),
            lat: Some(lat + rng.range(-0.08, 0.08)),
            lon: Some(lon + rng.range(-0.12, 0.12)),
        },
        contact: Contact {
            phone: Some(format!("0{}", 1_000_000_000 + rng.below(900_000_000))),
            ..Contact::default()
        },
        settings,
        detox: draw(rng, DETOX),
        medications,
        stance: Some(stance.into()),
        therapies,
        conditions: draw(rng, CONDITIONS),
        groups: draw(rng, GROUPS),
        programme_days,
        aftercare,
        cost: Cost { funding, price },
        credentials: credentials.into_iter().map(Credential::from).collect(),
        languages,
        extra_features: draw(rng, EXTRAS),
        last_verified: rng.chance(0.85).then(|| date(rng)),
        ..Clinic::default()
    }
}

fn forms_default(code: &str) -> String {
    if code == "diamorphine" { "injectable" } else { "oral" }.into()
}

/// A whole catalogue of `n` clinics from `seed`.
pub fn catalogue(n: usize, seed: u64) -> Catalogue {
    let mut rng = Rng::new(seed);
    Catalogue {
        schema_version: 1,
        publisher: Publisher {
            name: format!("Synthetic directory ({n} services, seed {seed})"),
            updated: "2025-12-31".into(),
            ..Publisher::default()
        },
        questions: Vec::new(),
        extra_features: EXTRAS
            .iter()
            .map(|(code, _)| ExtraFeature {
                code: code.to_string(),
                label: code.replace('_', " "),
                explanation: None,
                #[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
                filter: true,
            })
            .collect(),
        translations: Default::default(),
        clinics: (0..n).map(|i| clinic(&mut rng, i)).collect(),
    }
}

/// A family's facet clicks, as used by every benchmark (Rust, wasm and ItemsJS).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchQuery {
    pub name: &'static str,
    /// Facet key → selected values (OR within, AND across).
    pub filters: BTreeMap<&'static str, Vec<&'static str>>,
}

impl BenchQuery {
    /// The same clicks as a search query.
    pub fn query(&self) -> clinic_compare::search::Query {
        let mut q = clinic_compare::search::Query::default();
        for (facet, codes) in &self.filters {
            for code in codes {
                q.select(facet, code);
            }
        }
        q
    }
}

/// The benchmark's query mix: from no filters to four facets at once, common and rare values.
pub fn bench_queries() -> Vec<BenchQuery> {
    let q = |name, pairs: &[(&'static str, &[&'static str])]| BenchQuery {
        name,
        filters: pairs.iter().map(|(k, v)| (*k, v.to_vec())).collect(),
    };
    vec![
        q("nothing selected", &[]),
        q("residential", &[("setting", &["residential"])]),
        q("methadone", &[("medication", &["methadone"])]),
        q(
            "buprenorphine injection + NHS or insurance",
            &[
                ("medication", &["buprenorphine/depot_injection"]),
                ("funding", &["nhs", "insurance"]),
            ],
        ),
        q(
            "CBT or family therapy + PTSD",
            &[("therapy", &["cbt", "family_therapy"]), ("condition", &["ptsd"])],
        ),
        q("ibogaine (rare)", &[("medication", &["ibogaine"])]),
        q(
            "four facets",
            &[
                ("setting", &["residential", "inpatient"]),
                ("detox", &["medically_supervised"]),
                ("aftercare", &["weekly_groups"]),
                ("credential", &["cqc_registered", "carf"]),
            ],
        ),
        q(
            "Spanish-speaking, US, women",
            &[
                ("language", &["es"]),
                ("country", &["US"]),
                ("special_group", &["women"]),
            ],
        ),
    ]
}

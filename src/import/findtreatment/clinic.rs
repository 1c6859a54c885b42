//! One merged site as a clinic: its codes mapped through the decision table, what they imply
//! together derived, then its contact details and location.

use std::collections::{BTreeMap, BTreeSet};

use super::codes::{self, Target, Use};
use super::site::{exclusion, Row};
use crate::catalogue::vocabulary::{self, Group};
use crate::catalogue::{Aftercare, Clinic, Contact, Cost, Credential, Location, MedicationOffer};
use crate::import::{normalise_phone, normalise_website, stable_id, Summary};

/// A site's codes in vocabulary terms.
#[derive(Default)]
struct Mapped {
    terms: BTreeMap<Group, BTreeSet<String>>,
    /// Medication → forms.
    meds: BTreeMap<String, BTreeSet<String>>,
    languages: Vec<String>,
    /// Codes kept as information (`info_features`: extra features that are not filters).
    info: Vec<String>,
    stance: Option<&'static str>,
    /// Medication → what it is for (`detox` or `ongoing`), where the codes say.
    purposes: BTreeMap<&'static str, &'static str>,
}

impl Mapped {
    fn add(&mut self, group: Group, code: &str) {
        self.terms.entry(group).or_default().insert(code.to_string());
    }

    fn has(&self, group: Group, code: &str) -> bool {
        self.terms.get(&group).is_some_and(|s| s.contains(code))
    }

    /// One group's codes in the vocabulary's display order.
    fn take(&mut self, group: Group) -> Vec<String> {
        let codes = self.terms.remove(&group).unwrap_or_default();
        vocabulary::terms(group)
            .filter(|t| codes.contains(t.code))
            .map(|t| t.code.to_string())
            .collect()
    }
}

/// The clinic for one site (rows SU first). `kept_non_opioid`: sites that do not treat opioid use
/// disorder were kept on request, and this one is said to be such in its summary.
pub(super) fn build(site: &[Row], kept_non_opioid: bool, summary: &mut Summary) -> Clinic {
    let main = &site[0];
    let flags: BTreeSet<&str> = site.iter().flat_map(|r| r.flags.iter().map(String::as_str)).collect();
    let mut mapped = map(&flags);
    derive(&flags, &mut mapped);
    let (contact, mut about) = contact(site, summary);
    if kept_non_opioid && exclusion(site).is_some() {
        about.insert(
            0,
            "This service says it does not treat opioid use disorder.".to_string(),
        );
    }
    let name = main.get("name1").to_string();
    let mut c = Clinic {
        id: stable_id(&name, &[main.get("street1")], main.get("zip")),
        name,
        summary: (!about.is_empty()).then(|| about.join(" ")),
        location: location(main, summary),
        contact,
        ..Clinic::default()
    };
    fill(&mut c, mapped);
    c
}

/// Every code through the decision table. Codes the table does not know are kept as information.
fn map(flags: &BTreeSet<&str>) -> Mapped {
    let mut m = Mapped {
        languages: vec!["en".to_string()],
        ..Mapped::default()
    };
    for flag in flags {
        let Some(code) = codes::code(flag) else {
            m.info.push(flag.to_string());
            continue;
        };
        if matches!(code.use_, Use::Info | Use::Exclude) {
            m.info.push(flag.to_string());
        }
        for t in &code.targets {
            match t {
                Target::Term(group, value) => m.add(*group, value),
                Target::Medication(med, form) => {
                    m.meds.entry(med.clone()).or_default().extend(form.clone());
                }
                Target::Language(l) => {
                    if !m.languages.contains(l) {
                        m.languages.push(l.clone());
                    }
                }
            }
        }
    }
    m
}

/// What codes imply together.
/// * Detox: `dt` (detoxification) gives supervised detox unless the only detox setting is at home.
/// * "Only" groups: a service is women only (men only) when it takes women (men) and not the
///   other sex; for under-18s when it takes no adult age group. A programme *for* women (`wn`)
///   says nothing about who else is taken.
/// * Stance: maintenance (`mm`, `bum`) with medication-assisted withdrawal (`dm`, `db`, `rpn`,
///   `mws`) is both; maintenance alone is maintenance; no medication for opioid use disorder
///   (`nmoa`) with no medication is abstinence-based.
fn derive(flags: &BTreeSet<&str>, m: &mut Mapped) {
    let home_only = flags.contains("od") && !flags.contains("rd") && !flags.contains("hid");
    if flags.contains("dt") && !home_only {
        m.add(Group::Detox, "medically_supervised");
    }
    let takes = |m: &Mapped, code: &str| m.has(Group::Accepts, code);
    if takes(m, "women") && !takes(m, "men") {
        m.add(Group::SpecialGroup, "women");
    }
    if takes(m, "men") && !takes(m, "women") {
        m.add(Group::SpecialGroup, "men");
    }
    if takes(m, "under_18") && !["young_adults", "adults", "older_adults"].iter().any(|a| takes(m, a)) {
        m.add(Group::SpecialGroup, "young_people");
    }
    let maintenance = ["mm", "bum"].iter().any(|c| flags.contains(c));
    let to_abstinence = ["dm", "db", "rpn", "mws"].iter().any(|c| flags.contains(c));
    m.stance = match (maintenance, to_abstinence, flags.contains("nmoa")) {
        (true, true, _) => Some("both"),
        (true, false, _) => Some("maintenance"),
        (false, _, true) if m.meds.is_empty() => Some("abstinence_based"),
        _ => None,
    };
    m.purposes = purposes(flags);
}

/// What each medicine is for, where the codes say (`MedicationOffer::purpose`): maintenance
/// (`mm` methadone, `bum` buprenorphine) or relapse prevention (`rpn` naltrexone) means it can be
/// taken for as long as it helps; a detox code without the maintenance one (`dm`, `db`) means it
/// is given only during a detox, which the medication filter leaves out. Lofexidine and clonidine
/// only ease withdrawal. Otherwise the purpose is not stated.
fn purposes(flags: &BTreeSet<&str>) -> BTreeMap<&'static str, &'static str> {
    let mut out = BTreeMap::new();
    let mut set = |meds: &[&'static str], ongoing: &str, detox: Option<&str>| {
        let purpose = match (flags.contains(ongoing), detox.is_some_and(|d| flags.contains(d))) {
            (true, _) => "ongoing",
            (false, true) => "detox",
            (false, false) => return,
        };
        out.extend(meds.iter().map(|med| (*med, purpose)));
    };
    set(&["methadone"], "mm", Some("dm"));
    set(&["buprenorphine", "buprenorphine_naloxone"], "bum", Some("db"));
    set(&["naltrexone"], "rpn", None);
    out.insert("lofexidine", "detox");
    out.insert("clonidine", "detox");
    out
}

/// The mapped values into the clinic's fields, in vocabulary order.
fn fill(c: &mut Clinic, mut m: Mapped) {
    c.settings = m.take(Group::Setting);
    c.detox = m.take(Group::Detox);
    c.therapies = m.take(Group::Therapy);
    c.conditions = m.take(Group::Condition);
    c.groups = m.take(Group::SpecialGroup);
    c.accepts = m.take(Group::Accepts);
    c.services = m.take(Group::Service);
    let aftercare = m.take(Group::Aftercare);
    c.aftercare = (!aftercare.is_empty()).then(|| Aftercare {
        kinds: aftercare,
        ..Aftercare::default()
    });
    c.cost = Cost {
        funding: m.take(Group::Funding),
        price: None,
    };
    c.credentials = m.take(Group::Credential).into_iter().map(Credential::from).collect();
    c.medications = vocabulary::terms(Group::Medication)
        .filter_map(|t| {
            let forms = m.meds.get(t.code)?;
            Some(MedicationOffer {
                code: t.code.to_string(),
                forms: vocabulary::terms(Group::MedicationForm)
                    .filter(|f| forms.contains(f.code))
                    .map(|f| f.code.to_string())
                    .collect(),
                purpose: m.purposes.get(t.code).map(|p| p.to_string()),
            })
        })
        .collect();
    c.stance = m.stance.map(str::to_string);
    c.languages = m.languages;
    c.info_features = m.info;
}

/// The first non-empty value of a column, SU rows first.
fn first<'a>(site: &'a [Row], column: &str) -> &'a str {
    site.iter().map(|r| r.get(column)).find(|v| !v.is_empty()).unwrap_or("")
}

/// Contact details (the SU row's numbers first; other rows' only where it has none), and the
/// sentences for the summary: programme names, extensions a phone link cannot dial.
fn contact(site: &[Row], summary: &mut Summary) -> (Contact, Vec<String>) {
    let line = site[0].line;
    let mut about: Vec<String> = programmes(site).into_iter().collect();
    let mut phone_of = |column: &str, raw: &str| -> Option<(String, Option<String>)> {
        if raw.is_empty() {
            return None;
        }
        let parsed = normalise_phone(raw, true);
        if parsed.is_none() {
            summary.notes.push(format!(
                "row {line}, column {column}: \"{raw}\" is not a phone number; left out"
            ));
        }
        parsed
    };
    let phone = phone_of("phone", first(site, "phone"));
    let mut intakes: Vec<(String, Option<String>)> = Vec::new();
    for r in site {
        for column in ["intake1", "intake2"] {
            if let Some(p) = phone_of(column, r.get(column)) {
                if !intakes.contains(&p) && phone.as_ref() != Some(&p) {
                    intakes.push(p);
                }
            }
        }
    }
    let spoken = |(n, ext): &(String, Option<String>)| match ext {
        Some(e) => format!("{n} extension {e}"),
        None => n.clone(),
    };
    if let Some(p @ (_, Some(_))) = &phone {
        about.push(format!("Main phone: {}.", spoken(p)));
    }
    if intakes.len() > 1 || intakes.first().is_some_and(|p| p.1.is_some()) {
        let lines: Vec<String> = intakes.iter().map(spoken).collect();
        about.push(format!("Intake lines: {}.", lines.join("; ")));
    }
    let website_raw = first(site, "website");
    let website = normalise_website(website_raw);
    if website.is_none() && !website_raw.is_empty() {
        summary.notes.push(format!(
            "row {line}, column website: \"{website_raw}\" is not a web address; left out"
        ));
    }
    let contact = Contact {
        phone: phone.map(|p| p.0),
        intake_phone: intakes.first().map(|p| p.0.clone()),
        website,
        email: None,
    };
    (contact, about)
}

/// The programme names (`name2`) of the site's rows, as a sentence for the summary.
fn programmes(site: &[Row]) -> Option<String> {
    let mut names: Vec<&str> = Vec::new();
    for n in site.iter().map(|r| r.get("name2")).filter(|n| !n.is_empty()) {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    (!names.is_empty()).then(|| format!("Programmes listed at this site: {}.", names.join("; ")))
}

/// The SU row's location: ZIP kept as text (repaired where a spreadsheet dropped its zeros),
/// coordinates only when both are usable.
fn location(main: &Row, summary: &mut Summary) -> Location {
    let line = main.line;
    let zip = main.get("zip");
    let postcode = match zip.len() {
        5 if zip.chars().all(|c| c.is_ascii_digit()) => Some(zip.to_string()),
        1..=4 if zip.chars().all(|c| c.is_ascii_digit()) => {
            let padded = format!("{zip:0>5}");
            summary.notes.push(format!(
                "row {line}, column zip: \"{zip}\" lost its leading zeros (spreadsheet?); repaired to {padded}"
            ));
            Some(padded)
        }
        0 => None,
        _ => {
            summary.notes.push(format!(
                "row {line}, column zip: \"{zip}\" is not 5 digits; kept as written"
            ));
            Some(zip.to_string())
        }
    }
    .map(|z| {
        let zip4 = main.get("zip4");
        if zip4.len() == 4 && zip4.chars().all(|c| c.is_ascii_digit()) && z.len() == 5 {
            format!("{z}-{zip4}")
        } else {
            z
        }
    });
    let (lat, lon) = coordinates(main, summary);
    let (state, county) = (main.get("state"), main.get("county"));
    let region = match (county.is_empty(), state.is_empty()) {
        (false, false) => Some(format!("{county} County, {state}")),
        (false, true) => Some(format!("{county} County")),
        (true, false) => Some(state.to_string()),
        (true, true) => None,
    };
    Location {
        address: ["street1", "street2"]
            .iter()
            .map(|c| main.get(c).to_string())
            .filter(|v| !v.is_empty())
            .collect(),
        town: main.get("city").to_string(),
        region,
        postcode,
        country: "US".into(),
        lat,
        lon,
    }
}

fn coordinates(main: &Row, summary: &mut Summary) -> (Option<f64>, Option<f64>) {
    let coordinate = |column: &str, range: f64| -> Option<f64> {
        main.get(column)
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && v.abs() <= range)
    };
    // Five decimal places are about a metre: exports carry up to 13, which distances never use.
    let metre = |v: f64| (v * 1e5).round() / 1e5;
    match (coordinate("latitude", 90.0), coordinate("longitude", 180.0)) {
        (Some(lat), Some(lon)) => (Some(metre(lat)), Some(metre(lon))),
        _ => {
            if !main.get("latitude").is_empty() || !main.get("longitude").is_empty() {
                summary.notes.push(format!(
                    "row {}, columns latitude/longitude: not usable coordinates; distances not shown",
                    main.line
                ));
            }
            (None, None)
        }
    }
}

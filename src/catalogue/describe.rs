//! Plain-language phrases for a clinic's facts, shared by the cards, details, comparison and the
//! printable checklist. Pure text in, text out, so it is tested natively.

use super::model::{Clinic, Credential, Price};
use super::substring;
use super::vocabulary::{term, Group, Locale};

/// Picks the en-GB or en-US wording.
pub fn spell(locale: Locale, gb: &'static str, us: &'static str) -> &'static str {
    if locale.is_us() {
        us
    } else {
        gb
    }
}

/// The label of a code, or the code made readable when the vocabulary does not know it.
pub fn label(group: Group, code: &str, locale: Locale) -> String {
    match term(group, code) {
        Some(t) => t.label(locale).to_string(),
        None => humanise(code),
    }
}

/// `twelve_step_x` → `Twelve step x`.
pub fn humanise(code: &str) -> String {
    let text = code.replace(['_', '-'], " ");
    let mut chars = text.chars();
    match chars.next() {
        // Codes are snake_case ASCII; full Unicode upper-casing would add its tables (about 3 KB
        // compressed) to the widget for a first letter.
        Some(first) => std::iter::once(first.to_ascii_uppercase()).chain(chars).collect(),
        None => String::new(),
    }
}

/// Labels of several codes joined as a readable list: "Methadone, buprenorphine with naloxone (e.g. Suboxone)".
pub fn labels(group: Group, codes: &[String], locale: Locale) -> String {
    let parts: Vec<String> = codes.iter().map(|c| label(group, c, locale)).collect();
    sentence_list(&parts)
}

/// The label without its parenthesis, for tight spaces: "Lofexidine (eases withdrawal)" → "Lofexidine".
pub fn short_label(group: Group, code: &str, locale: Locale) -> String {
    let full = label(group, code, locale);
    match substring::split_once(&full, " (") {
        Some((short, _)) if !short.is_empty() => short.to_string(),
        _ => full,
    }
}

fn short_labels(group: Group, codes: &[String], locale: Locale) -> String {
    let parts: Vec<String> = codes.iter().map(|c| short_label(group, c, locale)).collect();
    sentence_list(&parts)
}

/// "A, b, c": the first kept as is, the rest lower-cased unless they look like names or acronyms.
pub fn sentence_list(parts: &[String]) -> String {
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| if i == 0 { p.clone() } else { soften_case(p) })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Words that keep their capital inside a list.
const PROPER_NOUNS: [&str; 5] = ["Medicaid", "Medicare", "Joint", "American", "British"];

fn soften_case(text: &str) -> String {
    let mut words = text.split(' ');
    let first = words.next().unwrap_or_default();
    // Keep acronyms (NHS, CBT), words with inner capitals (eBay-style brand names) and the proper
    // nouns that start vocabulary labels ("Medicaid, Medicare").
    let keep =
        first.chars().skip(1).any(|c| c.is_ascii_uppercase()) || first.len() <= 1 || PROPER_NOUNS.contains(&first);
    if keep {
        return text.to_string();
    }
    let mut out = first.to_ascii_lowercase();
    for w in words {
        out.push(' ');
        out.push_str(w);
    }
    out
}

/// Programme lengths: "28 days", "28–90 days".
pub fn programme_length(days: &[u32]) -> Option<String> {
    let min = *days.iter().min()?;
    let max = *days.iter().max()?;
    Some(if min == max {
        format!("{min} days")
    } else {
        format!("{min}–{max} days")
    })
}

/// "£1,200–£1,800 a week", "From $300 a week".
pub fn price(price: &Price) -> String {
    let symbol = match price.currency.as_str() {
        "GBP" => "£",
        "USD" => "$",
        "EUR" => "€",
        _ => "",
    };
    let amount = |v: f64| {
        let text = group_thousands(v.round() as i64);
        if symbol.is_empty() {
            format!("{text} {}", price.currency)
        } else {
            format!("{symbol}{text}")
        }
    };
    match price.to {
        Some(to) if to > price.from => format!("{}–{} a week", amount(price.from), amount(to)),
        _ => format!("From {} a week", amount(price.from)),
    }
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026-03-14` → "March 2026"; anything else is returned unchanged.
pub fn month_year(date: &str) -> String {
    let mut parts = date.split('-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
    let month = parts
        .next()
        .and_then(|m| m.parse::<usize>().ok())
        .filter(|m| (1..=12).contains(m));
    match (year, month) {
        (Some(y), Some(m)) => format!("{} {y}", MONTHS[m - 1]),
        _ => date.to_string(),
    }
}

/// Aftercare in a phrase: "Aftercare 12 months, free".
pub fn aftercare(clinic: &Clinic, locale: Locale) -> Option<String> {
    let a = clinic.aftercare.as_ref()?;
    let mut text = String::from("Aftercare");
    if let Some(months) = a.months {
        text.push_str(&format!(" {months} month{}", if months == 1 { "" } else { "s" }));
    }
    match a.free {
        Some(true) => text.push_str(", free"),
        Some(false) => text.push_str(", paid"),
        None => {}
    }
    if a.months.is_none() && a.free.is_none() && !a.kinds.is_empty() {
        text = format!(
            "Aftercare: {}",
            labels(Group::Aftercare, &a.kinds, locale).to_ascii_lowercase()
        );
    }
    Some(text)
}

/// The names of the medicines offered, e.g. "Methadone, buprenorphine", with those given only
/// during a detox apart: "Medicine for detox only: buprenorphine, lofexidine".
pub fn medications(clinic: &Clinic, locale: Locale) -> Option<String> {
    let (ongoing, detox) = medication_codes(clinic);
    let mut parts = Vec::new();
    if !ongoing.is_empty() {
        parts.push(short_labels(Group::Medication, &ongoing, locale));
    }
    if !detox.is_empty() {
        let names = soften_case(&short_labels(Group::Medication, &detox, locale));
        parts.push(format!("{DETOX_ONLY}: {names}"));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// How the cards, details and comparison name medicines given only during a detox.
pub const DETOX_ONLY: &str = "Medicine for detox only";

/// The codes of the medicines offered: those a person may stay on (or whose purpose is not
/// stated), and those given only during a detox.
pub fn medication_codes(clinic: &Clinic) -> (Vec<String>, Vec<String>) {
    let (mut ongoing, mut detox) = (Vec::new(), Vec::new());
    for m in &clinic.medications {
        let list = if m.detox_only() { &mut detox } else { &mut ongoing };
        list.push(m.code.clone());
    }
    (ongoing, detox)
}

/// The one line of deciding facts on a result card:
/// "Residential · 28–90 days · Methadone, buprenorphine · Aftercare 12 months, free · NHS".
pub fn card_facts(clinic: &Clinic, locale: Locale) -> String {
    let mut facts = Vec::new();
    if !clinic.settings.is_empty() {
        facts.push(short_labels(Group::Setting, &clinic.settings, locale));
    }
    if let Some(days) = programme_length(&clinic.programme_days) {
        facts.push(days);
    }
    // The approach always shows: an abstinence-based service that uses a medicine for detox must
    // not read as one that offers ongoing medication.
    if let Some(stance) = &clinic.stance {
        facts.push(short_label(Group::Stance, stance, locale));
    }
    if let Some(m) = medications(clinic, locale) {
        facts.push(m);
    }
    if let Some(a) = aftercare(clinic, locale) {
        facts.push(a);
    }
    if !clinic.cost.funding.is_empty() {
        facts.push(short_labels(Group::Funding, &clinic.cost.funding, locale));
    }
    if let Some(p) = &clinic.cost.price {
        facts.push(price(p));
    }
    facts.join(" · ")
}

/// Calm, factual cautions for risky or weakly-evidenced options the clinic offers.
pub fn cautions(clinic: &Clinic, locale: Locale) -> Vec<String> {
    let detox = clinic.detox.iter().map(|c| (Group::Detox, c.as_str()));
    // Naltrexone as an implant is an unapproved product with cautions of its own.
    let meds = clinic.medications.iter().map(|m| {
        let implant = m.code == "naltrexone" && m.forms.iter().any(|f| f == "implant");
        (
            Group::Medication,
            if implant { "naltrexone_implant" } else { m.code.as_str() },
        )
    });
    detox
        .chain(meds)
        .filter_map(|(group, code)| {
            let t = term(group, code)?;
            Some(format!("{}: {}", t.label(locale), t.caution(locale)?))
        })
        .collect()
}

/// "CQC registered (rated good) · CARF accredited".
pub fn credentials_line(clinic: &Clinic, locale: Locale) -> Option<String> {
    if clinic.credentials.is_empty() {
        return None;
    }
    let parts: Vec<String> = clinic.credentials.iter().map(|c| credential(c, locale)).collect();
    Some(parts.join(" · "))
}

/// One credential with its rating, if any: "Registered with the CQC (rated good)".
pub fn credential(c: &Credential, locale: Locale) -> String {
    let name = label(Group::Credential, &c.code, locale);
    match &c.rating {
        Some(rating) => format!("{name} (rated {})", humanise(rating).to_ascii_lowercase()),
        None => name,
    }
}

/// What a comparison or details view shows where the catalogue is silent.
pub const NOT_STATED: &str = "Not stated — ask them";

/// One row of the side-by-side comparison: a label and one value per clinic.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub label: String,
    pub values: Vec<String>,
}

impl CompareRow {
    /// Whether the clinics differ on this row ("only show differences" keeps these).
    pub fn differs(&self) -> bool {
        self.values.windows(2).any(|w| w[0] != w[1])
    }
}

/// Rows grouped under a topic heading.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareTopic {
    pub title: &'static str,
    pub rows: Vec<CompareRow>,
}

fn or_not_stated(value: Option<String>) -> String {
    value
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| NOT_STATED.to_string())
}

fn list_or_not_stated(group: Group, codes: &[String], locale: Locale) -> String {
    or_not_stated((!codes.is_empty()).then(|| labels(group, codes, locale)))
}

/// The comparison table's content, by topic, in the order families weigh things.
pub fn compare_topics(clinics: &[&Clinic], questions: &[(String, String)], locale: Locale) -> Vec<CompareTopic> {
    let row = |label: &str, f: &dyn Fn(&Clinic) -> String| CompareRow {
        label: label.to_string(),
        values: clinics.iter().map(|c| f(c)).collect(),
    };
    let medication_forms = |c: &Clinic, detox: bool| {
        let mut parts = Vec::new();
        for m in c.medications.iter().filter(|m| m.detox_only() == detox) {
            let name = label(Group::Medication, &m.code, locale);
            parts.push(if m.forms.is_empty() {
                name
            } else {
                let forms = labels(Group::MedicationForm, &m.forms, locale);
                format!("{name} ({})", forms.to_ascii_lowercase())
            });
        }
        if parts.is_empty() && !detox && !c.medications.is_empty() {
            return "Only for detox".to_string();
        }
        or_not_stated((!parts.is_empty()).then(|| sentence_list(&parts)))
    };
    let mut topics = vec![
        CompareTopic {
            title: "Approach",
            rows: vec![
                row("Approach", &|c| {
                    or_not_stated(c.stance.as_ref().map(|s| label(Group::Stance, s, locale)))
                }),
                row("Type of care", &|c| {
                    list_or_not_stated(Group::Setting, &c.settings, locale)
                }),
                row("Detox", &|c| list_or_not_stated(Group::Detox, &c.detox, locale)),
                row(spell(locale, "Programme length", "Program length"), &|c| {
                    or_not_stated(programme_length(&c.programme_days))
                }),
                row("Therapies", &|c| {
                    list_or_not_stated(Group::Therapy, &c.therapies, locale)
                }),
                row("Mental health conditions treated", &|c| {
                    list_or_not_stated(Group::Condition, &c.conditions, locale)
                }),
            ],
        },
        CompareTopic {
            title: "Medication",
            rows: {
                let mut rows = vec![row("Medication offered", &|c| medication_forms(c, false))];
                if clinics.iter().any(|c| c.medications.iter().any(|m| m.detox_only())) {
                    rows.push(row(DETOX_ONLY, &|c| medication_forms(c, true)));
                }
                rows
            },
        },
        CompareTopic {
            title: "Aftercare",
            rows: vec![
                row("Aftercare", &|c| or_not_stated(aftercare(c, locale))),
                row("Kinds of aftercare", &|c| {
                    list_or_not_stated(
                        Group::Aftercare,
                        c.aftercare.as_ref().map(|a| a.kinds.as_slice()).unwrap_or(&[]),
                        locale,
                    )
                }),
            ],
        },
        CompareTopic {
            title: "Cost",
            rows: vec![
                row("Funding", &|c| {
                    list_or_not_stated(Group::Funding, &c.cost.funding, locale)
                }),
                row("Price", &|c| or_not_stated(c.cost.price.as_ref().map(price))),
            ],
        },
        CompareTopic {
            title: "Location and contact",
            rows: vec![
                row("Town", &|c| {
                    let l = &c.location;
                    [Some(l.town.clone()), l.region.clone(), l.postcode.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ")
                }),
                row("Phone", &|c| or_not_stated(c.contact.phone.clone())),
                row("Visiting", &|c| or_not_stated(c.visiting.clone())),
                row("Phones and calls", &|c| or_not_stated(c.phone_policy.clone())),
                row("Family involvement", &|c| or_not_stated(c.family_involvement.clone())),
            ],
        },
        CompareTopic {
            title: "Credentials",
            rows: vec![
                row("Registration and accreditation", &|c| {
                    or_not_stated(credentials_line(c, locale))
                }),
                row("Last checked", &|c| {
                    or_not_stated(c.last_verified.as_deref().map(month_year))
                }),
            ],
        },
    ];
    topics.push(CompareTopic {
        title: "Their answers",
        rows: questions
            .iter()
            .map(|(id, text)| CompareRow {
                label: text.clone(),
                values: clinics
                    .iter()
                    .map(|c| or_not_stated(c.answers.get(id).cloned()))
                    .collect(),
            })
            .collect(),
    });
    topics
}

/// Distance for people: "0.4 miles", "12 miles", "3.2 km".
pub fn distance(km: f64, miles: bool) -> String {
    let (value, unit) = if miles { (km / 1.609_344, "miles") } else { (km, "km") };
    let decimals = if value < 10.0 { 1 } else { 0 };
    format!("{} {unit}", rounded(value, decimals))
}

/// A number rounded to `decimals` places for people ("3.2", "12", "-0.5"), by whole-number
/// arithmetic: Rust's float printing is 5 KB of the download, for a handful of figures.
/// Magnitudes past a trillion are shown as "a very large number".
pub fn rounded(value: f64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals.min(9));
    let scaled = (value.abs() * scale as f64).round();
    if scaled.is_nan() || scaled >= 1e18 {
        return "a very large number".into();
    }
    let n = scaled as u64;
    let sign = if value < 0.0 && n != 0 { "-" } else { "" };
    let whole = n / scale;
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        let places = decimals.min(9) as usize;
        format!("{sign}{whole}.{:0places$}", n % scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proper_nouns_keep_their_capitals_in_lists() {
        let list = |codes: &[&str]| {
            let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
            labels(Group::Funding, &codes, Locale::EnUs)
        };
        assert_eq!(list(&["medicaid", "medicare"]), "Medicaid, Medicare");
        assert_eq!(list(&["self_pay", "medicaid"]), "Self-funded (you pay), Medicaid");
        let creds = vec!["carf".to_string(), "joint_commission".to_string()];
        assert_eq!(
            labels(Group::Credential, &creds, Locale::EnUs),
            "CARF accredited, Joint Commission accredited"
        );
        assert_eq!(
            sentence_list(&["Outpatient".into(), "Residential".into()]),
            "Outpatient, residential"
        );
    }

    #[test]
    fn rounded_matches_rusts_own_printing() {
        for value in [
            0.0,
            0.04,
            0.05,
            0.449,
            1.25,
            4.3517,
            9.95,
            12.5,
            99.5,
            123.456_789,
            1609.344,
            1e9,
        ] {
            for decimals in 0..=6 {
                let ours = rounded(value, decimals);
                let rust = format!("{value:.prec$}", prec = decimals as usize);
                // Rust rounds halves to even on the exact binary value; ours rounds the scaled value
                // half away from zero. They may differ by one in the last place on exact halves.
                let (a, b): (f64, f64) = (ours.parse().unwrap(), rust.parse().unwrap());
                assert!(
                    (a - b).abs() <= 10f64.powi(-(decimals as i32)) * 1.01,
                    "{value} {decimals}: {ours} vs {rust}"
                );
                assert_eq!(
                    ours.split_once('.').map(|(_, f)| f.len()).unwrap_or(0),
                    decimals as usize
                );
                assert_eq!(rounded(-value, decimals).trim_start_matches('-'), ours);
            }
        }
        assert_eq!(rounded(-0.04, 1), "0.0", "no minus on a zero");
        assert_eq!(rounded(1e300, 1), "a very large number");
        assert_eq!(rounded(f64::NAN, 1), "a very large number");
    }
    use crate::catalogue::model::{Aftercare, MedicationOffer};

    #[test]
    fn lengths_prices_dates() {
        assert_eq!(programme_length(&[90, 28, 60]).as_deref(), Some("28–90 days"));
        assert_eq!(programme_length(&[28]).as_deref(), Some("28 days"));
        assert_eq!(programme_length(&[]), None);
        let p = Price {
            from: 1200.0,
            to: Some(1850.0),
            currency: "GBP".into(),
        };
        assert_eq!(price(&p), "£1,200–£1,850 a week");
        let p = Price {
            from: 300.0,
            to: None,
            currency: "USD".into(),
        };
        assert_eq!(price(&p), "From $300 a week");
        let p = Price {
            from: 20000.0,
            to: None,
            currency: "CHF".into(),
        };
        assert_eq!(price(&p), "From 20,000 CHF a week");
        assert_eq!(month_year("2026-03-14"), "March 2026");
        assert_eq!(month_year("soon"), "soon");
        assert_eq!(distance(1.0, true), "0.6 miles");
        assert_eq!(distance(100.0, false), "100 km");
        assert_eq!(distance(9.96, false), "10.0 km", "as {{:.1}} rounds");
        assert_eq!(distance(0.0, true), "0.0 miles");
    }

    #[test]
    fn card_facts_read_as_a_sentence() {
        let clinic = Clinic {
            settings: vec!["residential".into()],
            programme_days: vec![28, 90],
            medications: vec![
                MedicationOffer {
                    code: "methadone".into(),
                    forms: vec![],
                    purpose: None,
                },
                MedicationOffer {
                    code: "buprenorphine".into(),
                    forms: vec![],
                    purpose: None,
                },
            ],
            aftercare: Some(Aftercare {
                kinds: vec![],
                months: Some(12),
                free: Some(true),
            }),
            ..Default::default()
        };
        assert_eq!(
            card_facts(&clinic, Locale::EnGb),
            "Residential rehab · 28–90 days · Methadone, buprenorphine · Aftercare 12 months, free"
        );
    }

    #[test]
    fn the_approach_always_shows_and_medicine_for_detox_only_is_set_apart() {
        let offer = |code: &str, purpose: Option<&str>| MedicationOffer {
            code: code.into(),
            forms: vec![],
            purpose: purpose.map(String::from),
        };
        let rehab = Clinic {
            stance: Some("abstinence_based".into()),
            medications: vec![
                offer("buprenorphine", Some("detox")),
                offer("lofexidine", Some("detox")),
            ],
            ..Default::default()
        };
        let facts = card_facts(&rehab, Locale::EnGb);
        assert!(facts.starts_with("Abstinence-based"), "{facts}");
        assert!(
            facts.contains("Medicine for detox only: buprenorphine, lofexidine"),
            "{facts}"
        );
        let otp = Clinic {
            stance: Some("maintenance".into()),
            medications: vec![offer("methadone", Some("ongoing")), offer("lofexidine", Some("detox"))],
            ..Default::default()
        };
        let facts = card_facts(&otp, Locale::EnGb);
        assert!(
            facts.contains("Methadone · Medicine for detox only: lofexidine"),
            "{facts}"
        );
        let topics = compare_topics(&[&rehab, &otp], &[], Locale::EnGb);
        let rows = &topics.iter().find(|t| t.title == "Medication").unwrap().rows;
        assert_eq!(rows[0].values, ["Only for detox", "Methadone"]);
        assert_eq!(rows[1].label, DETOX_ONLY);
        assert_eq!(rows[1].values[1], "Lofexidine (eases withdrawal)");
    }

    #[test]
    fn comparison_marks_differences_and_missing_data() {
        let a = Clinic {
            name: "A".into(),
            stance: Some("abstinence_based".into()),
            ..Default::default()
        };
        let mut b = Clinic {
            name: "B".into(),
            stance: Some("abstinence_based".into()),
            ..Default::default()
        };
        b.answers.insert("aftercare".into(), "Yes, 12 months".into());
        let questions = [(
            "aftercare".to_string(),
            "Do you provide aftercare services?".to_string(),
        )];
        let topics = compare_topics(&[&a, &b], &questions, Locale::EnGb);
        let approach = &topics[0].rows[0];
        assert!(!approach.differs());
        let answers = topics.last().unwrap();
        assert_eq!(answers.rows[0].values, [NOT_STATED, "Yes, 12 months"]);
        assert!(answers.rows[0].differs());
        let us = compare_topics(&[&a], &questions, Locale::EnUs);
        assert!(us[0].rows.iter().any(|r| r.label == "Program length"));
    }

    #[test]
    fn a_naltrexone_implant_carries_its_own_caution() {
        let offer = |forms: &[&str]| MedicationOffer {
            code: "naltrexone".into(),
            forms: forms.iter().map(|f| f.to_string()).collect(),
            purpose: None,
        };
        let clinic = |forms: &[&str]| Clinic {
            medications: vec![offer(forms)],
            ..Default::default()
        };
        assert!(cautions(&clinic(&["oral"]), Locale::EnGb).is_empty());
        let implant = cautions(&clinic(&["implant"]), Locale::EnGb);
        assert_eq!(implant.len(), 1);
        assert!(implant[0].starts_with("Naltrexone implant: ") && implant[0].contains("not approved"));
    }

    #[test]
    fn unknown_codes_are_made_readable() {
        assert_eq!(label(Group::Therapy, "horse_therapy", Locale::EnGb), "Horse therapy");
        assert_eq!(
            sentence_list(&["NHS".into(), "Self-pay".into(), "CBT".into()]),
            "NHS, self-pay, CBT"
        );
    }
}

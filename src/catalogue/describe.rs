//! Plain-language phrases for a clinic's facts, shared by the cards, details, comparison and the
//! printable checklist. Pure text in, text out, so it is tested natively.

use super::model::{Clinic, Credential, Price};
use super::substring;
use super::text::Ui;
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
pub fn programme_length(days: &[u32], locale: Locale) -> Option<String> {
    let min = *days.iter().min()?;
    let max = *days.iter().max()?;
    let count = if min == max {
        min.to_string()
    } else {
        format!("{min}–{max}")
    };
    Some(Ui::Days.fill(locale, &[("count", &count)]))
}

/// "£1,200–£1,800 a week", "From $300 a week".
pub fn price(price: &Price, locale: Locale) -> String {
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
    let range = match price.to {
        Some(to) if to > price.from => format!("{}–{}", amount(price.from), amount(to)),
        _ => Ui::From.fill(locale, &[("amount", &amount(price.from))]),
    };
    Ui::AWeek.fill(locale, &[("amount", &range)])
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

const MONTHS: [Ui; 12] = [
    Ui::Month01,
    Ui::Month02,
    Ui::Month03,
    Ui::Month04,
    Ui::Month05,
    Ui::Month06,
    Ui::Month07,
    Ui::Month08,
    Ui::Month09,
    Ui::Month10,
    Ui::Month11,
    Ui::Month12,
];

/// `2026-03-14` → "March 2026" ("marzo de 2026"); anything else is returned unchanged.
pub fn month_year(date: &str, locale: Locale) -> String {
    let mut parts = date.split('-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
    let month = parts
        .next()
        .and_then(|m| m.parse::<usize>().ok())
        .filter(|m| (1..=12).contains(m));
    match (year, month) {
        (Some(y), Some(m)) => Ui::MonthYear.fill(locale, &[("month", MONTHS[m - 1].text(locale)), ("year", y)]),
        _ => date.to_string(),
    }
}

/// Aftercare in a phrase: "Aftercare 12 months, free".
pub fn aftercare(clinic: &Clinic, locale: Locale) -> Option<String> {
    let a = clinic.aftercare.as_ref()?;
    let mut text = Ui::Aftercare.text(locale).to_string();
    if let Some(months) = a.months {
        let period = if months == 1 { Ui::OneMonth } else { Ui::Months };
        text = format!("{text} {}", period.fill(locale, &[("count", &months.to_string())]));
    }
    if let Some(free) = a.free {
        text = format!("{text}, {}", if free { Ui::Free } else { Ui::Paid }.text(locale));
    }
    if a.months.is_none() && a.free.is_none() && !a.kinds.is_empty() {
        let kinds = labels(Group::Aftercare, &a.kinds, locale).to_ascii_lowercase();
        text = format!("{text}: {kinds}");
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
        parts.push(format!("{}: {names}", Ui::DetoxOnly.text(locale)));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

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
    if let Some(days) = programme_length(&clinic.programme_days, locale) {
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
        facts.push(price(p, locale));
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
        Some(rating) => {
            let rating = humanise(rating).to_ascii_lowercase();
            format!("{name} ({})", Ui::Rated.fill(locale, &[("rating", &rating)]))
        }
        None => name,
    }
}

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
    pub title: String,
    pub rows: Vec<CompareRow>,
}

/// The value, or "Not stated — ask them" where the catalogue is silent.
pub fn or_not_stated(value: Option<String>, locale: Locale) -> String {
    value
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| Ui::NotStated.text(locale).to_string())
}

fn list_or_not_stated(group: Group, codes: &[String], locale: Locale) -> String {
    or_not_stated((!codes.is_empty()).then(|| labels(group, codes, locale)), locale)
}

/// The comparison table's content, by topic, in the order families weigh things.
pub fn compare_topics(clinics: &[&Clinic], questions: &[(String, String)], locale: Locale) -> Vec<CompareTopic> {
    let table = Table { clinics, locale };
    let mut topics = vec![
        table.approach(),
        table.medication(),
        table.topic(
            Ui::Aftercare,
            vec![
                table.row(Ui::Aftercare, &|c| table.stated(aftercare(c, locale))),
                table.row(Ui::KindsOfAftercare, &|c| {
                    let kinds = c.aftercare.as_ref().map(|a| a.kinds.as_slice()).unwrap_or(&[]);
                    list_or_not_stated(Group::Aftercare, kinds, locale)
                }),
            ],
        ),
        table.topic(
            Ui::Cost,
            vec![
                table.row(Ui::Funding, &|c| {
                    list_or_not_stated(Group::Funding, &c.cost.funding, locale)
                }),
                table.row(Ui::Price, &|c| {
                    table.stated(c.cost.price.as_ref().map(|p| price(p, locale)))
                }),
            ],
        ),
        table.contact(),
        table.topic(
            Ui::Credentials,
            vec![
                table.row(Ui::Registration, &|c| table.stated(credentials_line(c, locale))),
                table.row(Ui::LastCheckedLabel, &|c| {
                    table.stated(c.last_verified.as_deref().map(|d| month_year(d, locale)))
                }),
            ],
        ),
    ];
    topics.push(CompareTopic {
        title: Ui::TheirAnswers.text(locale).to_string(),
        rows: questions
            .iter()
            .map(|(id, text)| CompareRow {
                label: text.clone(),
                values: clinics
                    .iter()
                    .map(|c| table.stated(c.answers.get(id).cloned()))
                    .collect(),
            })
            .collect(),
    });
    topics
}

/// The clinics being compared, and the language of the table.
struct Table<'a, 'b> {
    clinics: &'a [&'b Clinic],
    locale: Locale,
}

impl Table<'_, '_> {
    fn row(&self, label: Ui, f: &dyn Fn(&Clinic) -> String) -> CompareRow {
        CompareRow {
            label: label.text(self.locale).to_string(),
            values: self.clinics.iter().map(|c| f(c)).collect(),
        }
    }

    fn topic(&self, title: Ui, rows: Vec<CompareRow>) -> CompareTopic {
        CompareTopic {
            title: title.text(self.locale).to_string(),
            rows,
        }
    }

    fn stated(&self, value: Option<String>) -> String {
        or_not_stated(value, self.locale)
    }

    fn approach(&self) -> CompareTopic {
        let locale = self.locale;
        self.topic(
            Ui::Approach,
            vec![
                self.row(Ui::Approach, &|c| {
                    self.stated(c.stance.as_ref().map(|s| label(Group::Stance, s, locale)))
                }),
                self.row(Ui::TypeOfCare, &|c| {
                    list_or_not_stated(Group::Setting, &c.settings, locale)
                }),
                self.row(Ui::Detox, &|c| list_or_not_stated(Group::Detox, &c.detox, locale)),
                self.row(Ui::ProgrammeLength, &|c| {
                    self.stated(programme_length(&c.programme_days, locale))
                }),
                self.row(Ui::Therapies, &|c| {
                    list_or_not_stated(Group::Therapy, &c.therapies, locale)
                }),
                self.row(Ui::ConditionsTreated, &|c| {
                    list_or_not_stated(Group::Condition, &c.conditions, locale)
                }),
            ],
        )
    }

    /// The medicines offered with their forms, or those given only during a detox.
    fn medication_forms(&self, c: &Clinic, detox: bool) -> String {
        let locale = self.locale;
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
            return Ui::OnlyForDetox.text(locale).to_string();
        }
        self.stated((!parts.is_empty()).then(|| sentence_list(&parts)))
    }

    fn medication(&self) -> CompareTopic {
        let mut rows = vec![self.row(Ui::MedicationOffered, &|c| self.medication_forms(c, false))];
        if self
            .clinics
            .iter()
            .any(|c| c.medications.iter().any(|m| m.detox_only()))
        {
            rows.push(self.row(Ui::DetoxOnly, &|c| self.medication_forms(c, true)));
        }
        self.topic(Ui::Medication, rows)
    }

    fn contact(&self) -> CompareTopic {
        self.topic(
            Ui::LocationAndContact,
            vec![
                self.row(Ui::Town, &|c| {
                    let l = &c.location;
                    [Some(l.town.clone()), l.region.clone(), l.postcode.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ")
                }),
                self.row(Ui::Phone, &|c| self.stated(c.contact.phone.clone())),
                self.row(Ui::Visiting, &|c| self.stated(c.visiting.clone())),
                self.row(Ui::PhonesAndCalls, &|c| self.stated(c.phone_policy.clone())),
                self.row(Ui::FamilyInvolvement, &|c| self.stated(c.family_involvement.clone())),
            ],
        )
    }
}

/// Distance for people: "0.4 miles", "12 miles", "3.2 km".
pub fn distance(km: f64, miles: bool, locale: Locale) -> String {
    let (value, unit) = if miles {
        (km / 1.609_344, Ui::Miles.text(locale))
    } else {
        (km, "km")
    };
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
        assert_eq!(
            programme_length(&[90, 28, 60], Locale::EnGb).as_deref(),
            Some("28–90 days")
        );
        assert_eq!(programme_length(&[28], Locale::EnGb).as_deref(), Some("28 days"));
        assert_eq!(programme_length(&[], Locale::EnGb), None);
        let p = Price {
            from: 1200.0,
            to: Some(1850.0),
            currency: "GBP".into(),
        };
        assert_eq!(price(&p, Locale::EnGb), "£1,200–£1,850 a week");
        let p = Price {
            from: 300.0,
            to: None,
            currency: "USD".into(),
        };
        assert_eq!(price(&p, Locale::EnGb), "From $300 a week");
        let p = Price {
            from: 20000.0,
            to: None,
            currency: "CHF".into(),
        };
        assert_eq!(price(&p, Locale::EnGb), "From 20,000 CHF a week");
        assert_eq!(month_year("2026-03-14", Locale::EnGb), "March 2026");
        assert_eq!(month_year("soon", Locale::EnGb), "soon");
        assert_eq!(month_year("2026-03-14", Locale::Es), "marzo de 2026");
        assert_eq!(programme_length(&[28, 90], Locale::Es).as_deref(), Some("28–90 días"));
        assert_eq!(distance(1.0, true, Locale::EnGb), "0.6 miles");
        assert_eq!(distance(100.0, false, Locale::EnGb), "100 km");
        assert_eq!(distance(9.96, false, Locale::EnGb), "10.0 km", "as {{:.1}} rounds");
        assert_eq!(distance(0.0, true, Locale::EnGb), "0.0 miles");
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
        assert_eq!(rows[1].label, Ui::DetoxOnly.english());
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
        assert_eq!(answers.rows[0].values, [Ui::NotStated.english(), "Yes, 12 months"]);
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

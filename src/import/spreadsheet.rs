//! Spreadsheets saved as CSV, one row per clinic. The layout is documented in docs/catalogue.md and
//! shown by `data/clinics-template.csv`: a header row of column names (any order, any case; only
//! `name`, `town` and `country` are required), then one clinic per row. Cells holding several
//! values separate them with `;`. Coded cells accept the vocabulary code or its label (en-GB or
//! en-US). A bad cell is reported with its row and column, and nothing is written.

use std::collections::BTreeMap;

use super::{
    check_rows, csv_reader, normalise_phone, normalise_website, slug, stable_id, ImportError, Imported, LineCounter,
    Skipped, Summary,
};
use crate::catalogue::load::{country_from_name, is_date};
use crate::catalogue::vocabulary::{self, Group, Locale};
use crate::catalogue::{
    mailto_href, Aftercare, Catalogue, Clinic, Contact, Cost, Credential, ExtraFeature, MedicationOffer, Price,
    Publisher,
};

/// Settings for a spreadsheet import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The publisher's name, shown with the catalogue.
    pub publisher: String,
    /// Date the list was last checked, `YYYY-MM-DD` (given, or from the file name: see
    /// [`super::findtreatment::export_date_from_file_name`]). When absent, the newest
    /// `last_verified` in the rows; with neither the import fails rather than date the list today.
    pub updated: Option<String>,
}

/// Why a spreadsheet with no date anywhere is not imported.
pub const NO_DATE: &str = "the list's date is unknown: nothing says when it was last checked (no date in the \
     file name, no last_verified column filled in). Give it with --updated YYYY-MM-DD; the catalogue will not \
     claim to be fresher than it is.";

/// The columns, in the template's order, with what each holds (for docs and error messages).
pub const COLUMNS: [(&str, &str); 39] = [
    (
        "id",
        "stable identifier (letters, digits, - _ .); made from name, address and postcode if empty",
    ),
    ("name", "the service's name (required)"),
    ("summary", "one or two plain sentences"),
    ("address", "street address lines, separated by ;"),
    ("town", "town or city (required)"),
    ("region", "county, state or nation"),
    ("postcode", "UK postcode or US ZIP, kept as text"),
    ("country", "two-letter country code, e.g. GB or US (required)"),
    ("lat", "latitude in degrees"),
    ("lon", "longitude in degrees"),
    ("phone", "main phone number"),
    ("intake_phone", "admissions line"),
    ("website", "web address; https:// is added if missing"),
    ("email", "email address"),
    ("settings", "care settings (vocabulary group setting)"),
    ("detox", "detox kinds (group detox)"),
    (
        "medications",
        "medications, each optionally with forms after a colon: `buprenorphine: sublingual, depot_injection`",
    ),
    ("stance", "one of abstinence_based, maintenance, both"),
    ("therapies", "therapies (group therapy)"),
    ("conditions", "co-occurring conditions treated (group condition)"),
    (
        "groups",
        "groups specially catered for (group special_group); `women` means women only",
    ),
    (
        "accepts",
        "who the service takes: sexes and ages (group accepts), e.g. `women; men; adults`",
    ),
    (
        "services",
        "help beyond the main treatment (group service), e.g. `telehealth; hiv_testing`",
    ),
    ("programme_days", "programme lengths in days, e.g. `28; 60; 90`"),
    ("aftercare", "aftercare kinds (group aftercare)"),
    ("aftercare_months", "months of aftercare included"),
    ("aftercare_free", "whether included aftercare is free: yes or no"),
    ("funding", "ways to pay (group funding)"),
    ("price_from", "lowest weekly price, a number"),
    ("price_to", "highest weekly price, a number"),
    ("currency", "GBP, USD or EUR; from the country if empty"),
    (
        "credentials",
        "credentials (group credential), each optionally with a rating after a colon: `cqc_registered: good`",
    ),
    ("languages", "languages therapy is offered in, as codes: `en; pl`"),
    ("visiting", "visiting policy"),
    ("phone_policy", "policy on residents' phones"),
    ("family_involvement", "how family can take part"),
    (
        "extra_features",
        "features outside the vocabulary, as short labels; each becomes a catalogue extra feature",
    ),
    (
        "last_verified",
        "when the entry was last checked with the clinic, YYYY-MM-DD",
    ),
    (
        "answer_<question>",
        "the clinic's answer to a checklist question, e.g. answer_aftercare",
    ),
];

const REQUIRED: [&str; 3] = ["name", "town", "country"];

/// One row's problems go here, each naming row and column.
struct Cells<'a> {
    line: usize,
    columns: &'a [String],
    record: &'a csv::StringRecord,
    problems: &'a mut Vec<String>,
}

impl Cells<'_> {
    fn text(&self, column: &str) -> Option<String> {
        let i = self.columns.iter().position(|c| c == column)?;
        let v = self.record.get(i)?.trim();
        (!v.is_empty()).then(|| v.to_string())
    }

    fn bad(&mut self, column: &str, message: String) {
        self.problems
            .push(format!("row {}, column {column}: {message}", self.line));
    }

    fn list(&self, column: &str) -> Vec<String> {
        self.text(column)
            .map(|v| {
                v.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn codes(&mut self, column: &str, group: Group) -> Vec<String> {
        let mut out = Vec::new();
        for item in self.list(column) {
            match resolve(group, &item) {
                Some(code) if !out.contains(&code) => out.push(code),
                Some(_) => {}
                None => self.bad(column, unknown(group, &item)),
            }
        }
        out
    }

    fn number<T: std::str::FromStr>(&mut self, column: &str, what: &str) -> Option<T> {
        let v = self.text(column)?;
        let cleaned: String = v
            .chars()
            .filter(|c| !matches!(c, ',' | '£' | '$' | '€' | ' '))
            .collect();
        match cleaned.parse() {
            Ok(n) => Some(n),
            Err(_) => {
                self.bad(column, format!("\"{v}\" is not {what}"));
                None
            }
        }
    }
}

/// A code of one group from its code or its label (en-GB or en-US), ignoring case and spacing.
pub fn resolve(group: Group, text: &str) -> Option<String> {
    let wanted = squash(text);
    vocabulary::terms(group)
        .find(|t| {
            squash(t.code) == wanted
                || squash(&t.label(Locale::EnGb)) == wanted
                || squash(&t.label(Locale::EnUs)) == wanted
        })
        .map(|t| t.code.to_string())
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn unknown(group: Group, item: &str) -> String {
    let codes: Vec<&str> = vocabulary::terms(group).map(|t| t.code).collect();
    format!(
        "\"{item}\" is not a known {} value; use a code or label from docs/catalogue.md: {}",
        group_name(group),
        codes.join(", ")
    )
}

fn group_name(group: Group) -> &'static str {
    match group {
        Group::Setting => "setting",
        Group::Detox => "detox",
        Group::Medication => "medication",
        Group::MedicationForm => "medication form",
        Group::Stance => "stance",
        Group::Therapy => "therapy",
        Group::Condition => "condition",
        Group::SpecialGroup => "special group",
        Group::Aftercare => "aftercare",
        Group::Funding => "funding",
        Group::Credential => "credential",
        Group::Accepts => "accepts",
        Group::Service => "service",
    }
}

/// A country as its ISO code: a name people type ([`country_from_name`]), or two letters.
fn country(text: &str) -> Option<String> {
    if let Some(code) = country_from_name(&squash(text).to_ascii_uppercase()) {
        return Some(code.into());
    }
    let t = text.trim();
    (t.len() == 2 && t.chars().all(|c| c.is_ascii_alphabetic())).then(|| t.to_ascii_uppercase())
}

/// Reads a spreadsheet saved as CSV (text already decoded, see [`super::decode`]): the header
/// checked, every row read (all problems gathered: nothing is written if there is one), the date
/// found, then the catalogue loaded as the widget would.
pub fn import(text: &str, options: &Options) -> Result<Imported, ImportError> {
    let (mut reader, columns) = csv_reader(text, |h| squash(h).replace([' ', '-'], "_"))?;
    let problems = header_problems(&columns);
    if !problems.is_empty() {
        return Err(ImportError { problems });
    }
    let mut summary = Summary::default();
    let read = read_rows(&mut reader, &columns, text, &mut summary);
    if !read.problems.is_empty() {
        return Err(ImportError {
            problems: read.problems,
        });
    }
    if read.clinics.is_empty() {
        return Err(ImportError::new("the file has no clinic rows under its header"));
    }
    let updated = list_date(options, &read.clinics, &mut summary)?;
    let catalogue = Catalogue {
        schema_version: 1,
        publisher: Publisher {
            name: options.publisher.clone(),
            updated,
            ..Publisher::default()
        },
        questions: Vec::new(),
        extra_features: read
            .extras
            .into_iter()
            .map(|(code, label)| ExtraFeature {
                code,
                label,
                explanation: None,
                filter: true,
            })
            .collect(),
        translations: Default::default(),
        clinics: read.clinics,
    };
    check_rows(catalogue, summary, Some(&read.rows))
}

/// Columns the layout does not have, columns named twice, required columns missing.
fn header_problems(columns: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, c) in columns.iter().enumerate() {
        let known = COLUMNS.iter().any(|(k, _)| k == c) || c.starts_with("answer_");
        if !known && !c.is_empty() {
            problems.push(format!(
                "row 1, column {}: \"{c}\" is not a column of the layout; expected {}",
                i + 1,
                COLUMNS.map(|(k, _)| k).join(", ")
            ));
        }
        if !c.is_empty() && columns[..i].contains(c) {
            problems.push(format!("row 1, column {}: \"{c}\" appears twice", i + 1));
        }
    }
    for r in REQUIRED {
        if !columns.iter().any(|c| c == r) {
            problems.push(format!("row 1: the header has no \"{r}\" column, which is required"));
        }
    }
    problems
}

/// The rows read: clinics with their lines, the catalogue's own features, every problem.
#[derive(Default)]
struct Rows {
    clinics: Vec<Clinic>,
    /// The CSV line of each clinic.
    rows: Vec<usize>,
    /// Extra feature code → label.
    extras: BTreeMap<String, String>,
    problems: Vec<String>,
}

fn read_rows(reader: &mut csv::Reader<&[u8]>, columns: &[String], text: &str, summary: &mut Summary) -> Rows {
    let mut read = Rows::default();
    let mut lines = LineCounter::new(text);
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for (i, record) in reader.records().enumerate() {
        summary.rows_read += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                read.problems
                    .push(format!("row {}: cannot be read as CSV ({e})", i + 2));
                continue;
            }
        };
        let line = lines.line_of(&record, i + 2);
        if record.iter().all(|v| v.trim().is_empty()) {
            summary.skipped.push(Skipped {
                row: line,
                reason: "empty row".into(),
            });
            continue;
        }
        let mut cells = Cells {
            line,
            columns,
            record: &record,
            problems: &mut read.problems,
        };
        if let Some(clinic) = row_clinic(&mut cells, &mut read.extras, summary) {
            if let Some(first) = ids.insert(clinic.id.clone(), line) {
                read.problems.push(format!(
                    "row {line}, column id: \"{}\" is already used on row {first}; ids must be unique",
                    clinic.id
                ));
            }
            read.rows.push(line);
            read.clinics.push(clinic);
        }
    }
    read
}

/// The date given, else the newest `last_verified` (said in the summary), else [`NO_DATE`].
fn list_date(options: &Options, clinics: &[Clinic], summary: &mut Summary) -> Result<String, ImportError> {
    match &options.updated {
        Some(d) if !is_date(d) => Err(ImportError::new(format!("the date \"{d}\" is not YYYY-MM-DD"))),
        Some(d) => Ok(d.clone()),
        None => {
            let newest = clinics.iter().filter_map(|c| c.last_verified.clone()).max();
            let newest = newest.ok_or_else(|| ImportError::new(NO_DATE))?;
            summary.notes.push(format!(
                "the catalogue is dated {newest}, the newest last_verified date in the file; --updated dates it otherwise"
            ));
            Ok(newest)
        }
    }
}

/// `groups` and `accepts`, agreeing: "women only" (`women`) means the service takes only women, so
/// `accepts` is `women` when empty and may not list men; a service that takes one sex only is in
/// that "only" group. (Likewise for men.)
fn who_for(cells: &mut Cells) -> (Vec<String>, Vec<String>) {
    let mut groups = cells.codes("groups", Group::SpecialGroup);
    let mut accepts = cells.codes("accepts", Group::Accepts);
    for (only, other) in [("women", "men"), ("men", "women")] {
        let in_group = groups.iter().any(|g| g == only);
        let takes = |a: &[String], sex: &str| a.iter().any(|x| x == sex);
        if in_group && takes(&accepts, other) {
            cells.bad(
                "accepts",
                format!("lists {other}, but groups says {only} only; for a programme for {only} at a mixed service use {only}_programme"),
            );
        } else if in_group && !takes(&accepts, only) {
            accepts.insert(0, only.to_string());
        } else if !in_group && takes(&accepts, only) && !takes(&accepts, other) {
            groups.push(only.to_string());
        }
    }
    (groups, accepts)
}

/// One row as a clinic, in named steps (where it is, how to reach it, what it offers, what it costs
/// and who vouches for it, the rest, its id), each reporting its bad cells; `None` when any was bad.
fn row_clinic(cells: &mut Cells, extras: &mut BTreeMap<String, String>, summary: &mut Summary) -> Option<Clinic> {
    let before = cells.problems.len();
    let mut c = Clinic::default();
    name_and_place(cells, summary, &mut c);
    c.contact = contact(cells, c.location.country == "US");
    treatment(cells, &mut c);
    c.aftercare = aftercare(cells);
    c.cost = cost(cells, &c.location.country);
    c.credentials = credentials(cells);
    c.languages = languages(cells);
    c.extra_features = extra_features(cells, extras);
    c.last_verified = last_verified(cells);
    c.answers = cells
        .columns
        .iter()
        .filter_map(|column| column.strip_prefix("answer_"))
        .filter_map(|q| Some((q.to_string(), cells.text(&format!("answer_{q}"))?)))
        .collect();
    c.summary = cells.text("summary");
    c.visiting = cells.text("visiting");
    c.phone_policy = cells.text("phone_policy");
    c.family_involvement = cells.text("family_involvement");
    c.id = id(cells, &c);
    (cells.problems.len() == before).then_some(c)
}

/// Name, town and country (required), and the rest of the location: a US ZIP that lost its
/// leading zeros is repaired (and noted); coordinates must be in range and come in pairs.
fn name_and_place(cells: &mut Cells, summary: &mut Summary, c: &mut Clinic) {
    let required = |cells: &mut Cells, column: &str| {
        cells.text(column).unwrap_or_else(|| {
            cells.bad(column, "is empty; every clinic needs one".into());
            String::new()
        })
    };
    c.name = required(cells, "name");
    let l = &mut c.location;
    l.town = required(cells, "town");
    let country_text = required(cells, "country");
    if !country_text.is_empty() {
        l.country = country(&country_text).unwrap_or_else(|| {
            cells.bad(
                "country",
                format!("\"{country_text}\" is not a country code; use two letters such as GB or US"),
            );
            String::new()
        });
    }
    l.address = cells.list("address");
    l.region = cells.text("region");
    l.postcode = cells.text("postcode").map(|p| {
        if l.country == "US" && p.len() < 5 && p.chars().all(|c| c.is_ascii_digit()) {
            let padded = format!("{p:0>5}");
            summary.notes.push(format!(
                "row {}: ZIP \"{p}\" lost its leading zeros; repaired to {padded}",
                cells.line
            ));
            padded
        } else {
            p
        }
    });
    l.lat = cells.number("lat", "a latitude");
    l.lon = cells.number("lon", "a longitude");
    if l.lat.is_some_and(|v| !(-90.0..=90.0).contains(&v)) {
        cells.bad("lat", "is not between -90 and 90".into());
    }
    if l.lon.is_some_and(|v| !(-180.0..=180.0).contains(&v)) {
        cells.bad("lon", "is not between -180 and 180".into());
    }
    if l.lat.is_some() != l.lon.is_some() {
        cells.bad(
            if l.lat.is_some() { "lon" } else { "lat" },
            "is empty; give both lat and lon, or neither".into(),
        );
    }
}

/// Phones (US numbers written the US way; an extension is refused, since a phone link cannot dial
/// it), website and email, each left out with a problem when it is not what it says.
fn contact(cells: &mut Cells, us: bool) -> Contact {
    let phone = |cells: &mut Cells, column: &str| -> Option<String> {
        let raw = cells.text(column)?;
        match normalise_phone(&raw, us) {
            Some((number, None)) => Some(number),
            Some((_, Some(_))) => {
                cells.bad(
                    column,
                    format!("\"{raw}\" has an extension; put the extension in the summary"),
                );
                None
            }
            None => {
                cells.bad(
                    column,
                    format!("\"{raw}\" is not a phone number (digits, spaces, + ( ) -)"),
                );
                None
            }
        }
    };
    let phone_number = phone(cells, "phone");
    let intake_phone = phone(cells, "intake_phone");
    let website = cells.text("website").and_then(|w| {
        normalise_website(&w).or_else(|| {
            cells.bad("website", format!("\"{w}\" is not a web address"));
            None
        })
    });
    let email = cells.text("email").and_then(|e| {
        mailto_href(&e).map(|_| e.clone()).or_else(|| {
            cells.bad("email", format!("\"{e}\" is not an email address"));
            None
        })
    });
    Contact {
        phone: phone_number,
        intake_phone,
        website,
        email,
    }
}

/// What the service offers and to whom: the coded lists, medications, stance, programme lengths.
fn treatment(cells: &mut Cells, c: &mut Clinic) {
    c.settings = cells.codes("settings", Group::Setting);
    c.detox = cells.codes("detox", Group::Detox);
    c.medications = medications(cells);
    c.stance = cells.text("stance").and_then(|s| {
        resolve(Group::Stance, &s).or_else(|| {
            cells.bad("stance", unknown(Group::Stance, &s));
            None
        })
    });
    c.therapies = cells.codes("therapies", Group::Therapy);
    c.conditions = cells.codes("conditions", Group::Condition);
    (c.groups, c.accepts) = who_for(cells);
    c.services = cells.codes("services", Group::Service);
    for d in cells.list("programme_days") {
        match d.parse::<u32>() {
            Ok(n) if (1..=3650).contains(&n) => c.programme_days.push(n),
            _ => cells.bad("programme_days", format!("\"{d}\" is not a number of days (1 to 3650)")),
        }
    }
}

/// `medicine: form, form; medicine`: codes or labels; a medicine named twice has its forms merged.
fn medications(cells: &mut Cells) -> Vec<MedicationOffer> {
    let mut medications: Vec<MedicationOffer> = Vec::new();
    for item in cells.list("medications") {
        let (med, forms) = item.split_once(':').unwrap_or((&item, ""));
        let Some(code) = resolve(Group::Medication, med) else {
            cells.bad("medications", unknown(Group::Medication, med.trim()));
            continue;
        };
        let mut offer = MedicationOffer {
            code,
            forms: Vec::new(),
            purpose: None,
        };
        for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            match resolve(Group::MedicationForm, form) {
                Some(f) if !offer.forms.contains(&f) => offer.forms.push(f),
                Some(_) => {}
                None => cells.bad("medications", unknown(Group::MedicationForm, form)),
            }
        }
        match medications.iter_mut().find(|m| m.code == offer.code) {
            Some(m) => {
                for f in offer.forms {
                    if !m.forms.contains(&f) {
                        m.forms.push(f);
                    }
                }
            }
            None => medications.push(offer),
        }
    }
    medications
}

fn aftercare(cells: &mut Cells) -> Option<Aftercare> {
    let kinds = cells.codes("aftercare", Group::Aftercare);
    let months: Option<u32> = cells.number("aftercare_months", "a whole number of months");
    let free = cells.text("aftercare_free").and_then(|f| match squash(&f).as_str() {
        "yes" | "y" | "true" | "1" | "free" => Some(true),
        "no" | "n" | "false" | "0" => Some(false),
        _ => {
            cells.bad("aftercare_free", format!("\"{f}\" is not yes or no"));
            None
        }
    });
    (!kinds.is_empty() || months.is_some() || free.is_some()).then_some(Aftercare { kinds, months, free })
}

/// Funding, and a weekly price range in a currency (the country's when the cell is empty).
fn cost(cells: &mut Cells, country: &str) -> Cost {
    let funding = cells.codes("funding", Group::Funding);
    let from: Option<f64> = cells.number("price_from", "a price");
    let to: Option<f64> = cells.number("price_to", "a price");
    let currency = cells
        .text("currency")
        .map(|c| c.to_ascii_uppercase())
        .or_else(|| match country {
            "GB" => Some("GBP".into()),
            "US" => Some("USD".into()),
            "IE" => Some("EUR".into()),
            _ => None,
        });
    let price = match (from, to) {
        (Some(from), to) => {
            if from < 0.0 || to.is_some_and(|t| t < from) {
                cells.bad("price_to", "is lower than price_from".into());
            }
            match currency {
                Some(currency) if currency.len() == 3 && currency.chars().all(|c| c.is_ascii_uppercase()) => {
                    Some(Price { from, to, currency })
                }
                _ => {
                    cells.bad(
                        "currency",
                        "is needed with a price: a three-letter code such as GBP or USD".into(),
                    );
                    None
                }
            }
        }
        (None, Some(_)) => {
            cells.bad("price_from", "is empty but price_to is given".into());
            None
        }
        (None, None) => None,
    };
    Cost { funding, price }
}

/// `credential: rating; credential`.
fn credentials(cells: &mut Cells) -> Vec<Credential> {
    let mut credentials = Vec::new();
    for item in cells.list("credentials") {
        let (cred, rating) = item.split_once(':').unwrap_or((&item, ""));
        match resolve(Group::Credential, cred) {
            Some(code) => {
                let rating = Some(rating.trim().to_lowercase().replace(' ', "_")).filter(|r| !r.is_empty());
                credentials.push(Credential {
                    code,
                    rating,
                    reference: None,
                });
            }
            None => cells.bad("credentials", unknown(Group::Credential, cred.trim())),
        }
    }
    credentials
}

fn languages(cells: &mut Cells) -> Vec<String> {
    let mut languages = Vec::new();
    for l in cells.list("languages") {
        let ok = (2..=20).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if ok {
            languages.push(l.to_ascii_lowercase());
        } else {
            cells.bad(
                "languages",
                format!("\"{l}\" is not a language code such as en, es or pl"),
            );
        }
    }
    languages
}

/// The row's own features by label, each made a code and declared once for the catalogue in `extras`.
fn extra_features(cells: &mut Cells, extras: &mut BTreeMap<String, String>) -> Vec<String> {
    let mut extra_features = Vec::new();
    for label in cells.list("extra_features") {
        let code = slug(&label, 60).replace('-', "_");
        if code.is_empty() {
            cells.bad("extra_features", format!("\"{label}\" needs some letters or digits"));
            continue;
        }
        extras.entry(code.clone()).or_insert(label);
        if !extra_features.contains(&code) {
            extra_features.push(code);
        }
    }
    extra_features
}

fn last_verified(cells: &mut Cells) -> Option<String> {
    cells.text("last_verified").and_then(|d| {
        is_date(&d).then(|| d.clone()).or_else(|| {
            cells.bad(
                "last_verified",
                format!("\"{d}\" is not a date written YYYY-MM-DD (format the column as text)"),
            );
            None
        })
    })
}

/// The id as written, or one made from name, address and postcode that stays the same each import.
fn id(cells: &mut Cells, c: &Clinic) -> String {
    match cells.text("id") {
        Some(id) => {
            let ok = id.len() <= 100 && id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
            if !ok {
                cells.bad(
                    "id",
                    format!("\"{id}\" may use only letters, digits, - _ and . (up to 100)"),
                );
            }
            id
        }
        None => {
            let lines: Vec<&str> = c.location.address.iter().map(String::as_str).collect();
            stable_id(&c.name, &lines, c.location.postcode.as_deref().unwrap_or(""))
        }
    }
}

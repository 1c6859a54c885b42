//! Loading a catalogue so that nothing valid is lost: whole-file problems stop the load with one
//! clear error; a bad record is skipped with a diagnostic naming it, and the rest load.

use std::fmt;

use litemap::LiteMap;
use serde::Serialize;

use super::json::{self, describe, JsonKind, Reader};
use super::links::{mailto_href, safe_website_href, tel_href};
use super::model::{
    Clinic, Contact, Credential, ExtraFeature, Location, MedicationOffer, OutcomeClaim, Price, Publisher, Question,
    MEDICATION_PURPOSES,
};
use super::read;
use super::vocabulary::{self, Group};

/// The catalogue format version this code reads.
pub const SCHEMA_VERSION: u64 = 1;
/// Explicit limits, so hostile or mistaken files get a clear message instead of a frozen page.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
pub const MAX_CLINICS: usize = 50_000;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_SHORT_TEXT_CHARS: usize = 300;
pub const MAX_LONG_TEXT_CHARS: usize = 2_000;
pub const MAX_LIST_ITEMS: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The record (or file) was not loaded.
    Error,
    /// Loaded, with the named value dropped or kept as given.
    Warning,
}

/// One problem, precise enough for a site owner to find and fix it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Position in `clinics` (0-based) and the record's id, when the problem is in a clinic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordRef>,
    /// Where in the file, e.g. `clinics[3].location.lat`.
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordRef {
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// Longest path or message a diagnostic keeps: quoted catalogue text can be 50,000 characters.
const MAX_DIAGNOSTIC_CHARS: usize = 300;

impl Diagnostic {
    /// Readable whatever the catalogue held: hidden and direction-changing characters (such as the
    /// right-to-left override) shown as `\u{202e}`, and over-long text cut.
    fn tidied(mut self) -> Diagnostic {
        self.path = tidy(&self.path);
        self.message = tidy(&self.message);
        self.expected = self.expected.map(|e| tidy(&e));
        if let Some(r) = &mut self.record {
            r.id = r.id.as_deref().map(tidy);
        }
        self
    }
}

fn tidy(text: &str) -> String {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    };
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == MAX_DIAGNOSTIC_CHARS {
            out.push('…');
            break;
        }
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: ")?;
        if let Some(r) = &self.record {
            write!(f, "clinic #{}", r.index + 1)?;
            if let Some(id) = &r.id {
                write!(f, " (id \"{id}\")")?;
            }
            write!(f, ", ")?;
        }
        write!(f, "{}: {}", self.path, self.message)?;
        if let Some(e) = &self.expected {
            write!(f, "; expected {e}")?;
        }
        Ok(())
    }
}

/// What loaded, and every problem found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub publisher: Publisher,
    /// The catalogue's checklist, or the standard questions when it has none.
    pub questions: Vec<Question>,
    pub extra_features: Vec<ExtraFeature>,
    /// The catalogue's own texts in other languages, by "<language>/<what>" ("es/question/cost";
    /// see [`super::model::Catalogue::translations`]).
    pub translations: LiteMap<String, String>,
    /// Only the valid clinics, in file order.
    pub clinics: Vec<Clinic>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

fn file_error(path: &str, message: impl Into<String>, expected: Option<&str>) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        record: None,
        path: path.to_string(),
        message: message.into(),
        expected: expected.map(str::to_string),
    }
}

/// Parses and validates catalogue text. `Err` means nothing could be loaded.
pub fn load(text: &str) -> Result<Loaded, Diagnostic> {
    let mut loader = Loader::new(text)?;
    while loader.next_batch(usize::MAX) {}
    Ok(loader.finish())
}

/// Each id seen so far, with the position of its clinic. foldhash's fixed seed: random seeding
/// adds code to the download and guards only against a catalogue built to collide.
type SeenIds = std::collections::HashMap<String, usize, foldhash::fast::FixedState>;

/// Loading in steps, so a browser can keep the page responsive between batches of clinics:
/// [`Loader::new`] reads the envelope (publisher, questions, where each clinic's text is);
/// [`Loader::next_batch`] checks the next clinics; [`Loader::finish`] hands over the result.
pub struct Loader<'a> {
    publisher: Publisher,
    questions: Vec<Question>,
    /// The catalogue has no questions of its own: answers are checked against the default ids.
    default_checklist: bool,
    extra_features: Vec<ExtraFeature>,
    translations: LiteMap<String, String>,
    /// Each clinic's JSON text, not yet parsed.
    records: Vec<&'a str>,
    next: usize,
    valid: Vec<Clinic>,
    /// Each id seen so far, with the position of its clinic.
    seen_ids: SeenIds,
    diagnostics: Vec<Diagnostic>,
}

/// The top level's other parts by name, in file order: the catalogue's own fields as their JSON
/// text, any other field with no text (it is only named in a warning, once). A handful of entries:
/// a list, rather than one more map type in the download.
#[derive(Default)]
struct Parts<'a>(Vec<(String, &'a str)>);

impl<'a> Parts<'a> {
    fn insert(&mut self, key: String, value: &'a str) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }

    fn get(&self, key: &str) -> Option<&'a str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }

    fn remove(&mut self, key: &str) -> Option<&'a str> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
}

/// The `clinics` value: each record's text, or what was found instead of an array.
enum ClinicList<'a> {
    Records(Vec<&'a str>),
    NotAnArray(JsonKind),
}

/// Reads the top level in one pass, checking the whole file's syntax: the clinics are split into
/// records as they are passed over, and every other part is kept as text until it is needed.
fn envelope(text: &str) -> Result<(Parts<'_>, Option<ClinicList<'_>>), Diagnostic> {
    let not_json = |e| not_json(text, e);
    let mut r = Reader::new(text);
    let kind = r.kind().map_err(not_json)?;
    if kind != JsonKind::Object {
        // Valid JSON of the wrong shape gets a clearer message than a parse error.
        r.skip().and_then(|_| r.end()).map_err(not_json)?;
        return Err(file_error(
            "(top level)",
            format!("found {}", kind.name()),
            Some("an object with schema_version, publisher and clinics"),
        ));
    }
    let mut parts = Parts::default();
    let mut clinics = None;
    r.object(&mut |r, key| {
        if key == "clinics" {
            clinics = Some(clinic_list(r)?);
        } else {
            // The catalogue's fields are read (so one given twice is refused); any other is only
            // named, for its warning, and passed over by the reader.
            let value = match key {
                "schema_version" | "publisher" | "questions" | "extra_features" | "translations" => r.skip()?,
                _ => "",
            };
            parts.insert(key.to_string(), value);
        }
        Ok(())
    })
    .and_then(|()| r.end())
    .map_err(not_json)?;
    Ok((parts, clinics))
}

/// The `clinics` value, split into its records' texts as it is passed over.
fn clinic_list<'a>(r: &mut Reader<'a>) -> Result<ClinicList<'a>, json::Error> {
    Ok(match r.kind()? {
        JsonKind::Array => {
            let mut records = Vec::new();
            r.array(&mut |r| {
                records.push(r.skip()?);
                Ok(())
            })?;
            ClinicList::Records(records)
        }
        kind => {
            r.skip()?;
            ClinicList::NotAnArray(kind)
        }
    })
}

/// What stops reading the top level: the place of a syntax error, or a catalogue field given twice.
fn not_json(text: &str, e: json::Error) -> Diagnostic {
    let (needed, at) = match e.problem {
        json::Problem::Syntax { needed, at } => (needed, at),
        problem => {
            let field = e.path.trim_start_matches('.');
            let path = String::new();
            return type_error(field, json::Error { path, problem }, None);
        }
    };
    let (line, column) = Reader::line_column(text, at);
    file_error(
        "(file)",
        format!("this is not valid JSON: expected {needed} at line {line}, column {column}"),
        Some("a JSON catalogue object"),
    )
}

/// The file's text without a byte-order mark, when it is neither too large nor empty.
fn readable_text(text: &str) -> Result<&str, Diagnostic> {
    if text.len() > MAX_FILE_BYTES {
        return Err(file_error(
            "(file)",
            format!("the file is {} MB, over the limit", text.len() / (1024 * 1024)),
            Some(&format!("at most {} MB", MAX_FILE_BYTES / (1024 * 1024))),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(file_error(
            "(file)",
            "the file is empty",
            Some("a JSON catalogue object"),
        ));
    }
    Ok(text)
}

/// The file's `schema_version` (its JSON text) must be the one this code reads.
fn check_version(written: Option<&str>) -> Result<(), Diagnostic> {
    let Some(written) = written else {
        return Err(file_error(
            "schema_version",
            "is missing",
            Some("\"schema_version\": 1"),
        ));
    };
    match Reader::new(written).whole().map(u64::from) {
        Ok(n) if n == SCHEMA_VERSION => Ok(()),
        Ok(n) if n > SCHEMA_VERSION => Err(file_error(
            "schema_version",
            format!("this catalogue uses format version {n}, newer than this widget understands"),
            Some("1 (update the widget to read newer catalogues)"),
        )),
        _ => Err(file_error(
            "schema_version",
            format!("found {}", describe(written)),
            Some("the number 1"),
        )),
    }
}

/// The clinics' records, when the file has an array of them within the limit.
fn clinic_records(clinics: Option<ClinicList<'_>>) -> Result<Vec<&str>, Diagnostic> {
    let records = match clinics {
        Some(ClinicList::Records(records)) => records,
        Some(ClinicList::NotAnArray(found)) => {
            return Err(file_error(
                "clinics",
                format!("found {}", found.name()),
                Some("an array"),
            ))
        }
        None => return Err(file_error("clinics", "is missing", Some("an array of clinics"))),
    };
    if records.len() > MAX_CLINICS {
        return Err(file_error(
            "clinics",
            format!("has {} clinics, over the limit", records.len()),
            Some(&format!("at most {MAX_CLINICS}; split the catalogue")),
        ));
    }
    Ok(records)
}

/// The publisher, from its JSON text; a missing or unreadable one is reported, and left empty.
fn publisher(raw: Option<&str>, diagnostics: &mut Vec<Diagnostic>) -> Publisher {
    match raw {
        Some(raw) => typed(raw, "publisher", read::publisher, diagnostics).unwrap_or_default(),
        None => {
            diagnostics.push(warning(
                None,
                "publisher",
                "is missing",
                Some("a publisher with name and updated"),
            ));
            Publisher::default()
        }
    }
}

impl<'a> Loader<'a> {
    pub fn new(text: &'a str) -> Result<Loader<'a>, Diagnostic> {
        let text = readable_text(text)?;
        let (mut root, clinics) = envelope(text)?;
        check_version(root.get("schema_version"))?;
        let records = clinic_records(clinics)?;
        let mut diagnostics = Vec::new();
        let publisher = publisher(root.remove("publisher"), &mut diagnostics);
        let own_questions = root
            .remove("questions")
            .and_then(|raw| typed(raw, "questions", |r| r.list(read::question), &mut diagnostics))
            .filter(|q| !q.is_empty());
        let default_checklist = own_questions.is_none();
        let questions = own_questions.unwrap_or_else(vocabulary::default_questions);
        let extra_features = root
            .remove("extra_features")
            .and_then(|raw| typed(raw, "extra_features", |r| r.list(read::extra_feature), &mut diagnostics))
            .unwrap_or_default();
        let translations = root
            .remove("translations")
            .and_then(|raw| typed(raw, "translations", read::translations, &mut diagnostics))
            .unwrap_or_default();
        // Checked by the site owner's tools (`clinic-catalogue validate`), not in the widget's
        // download: the widget looks translations up by what it shows, so one that translates
        // nothing is never used, and an empty one shows the text as written.
        #[cfg(not(target_arch = "wasm32"))]
        Own {
            publisher: &publisher,
            questions: if default_checklist { &[] } else { &questions },
            features: &extra_features,
        }
        .check_translations(&translations, &mut diagnostics);
        for key in root
            .keys()
            .filter(|k| !matches!(k.as_str(), "schema_version" | "$schema"))
        {
            diagnostics.push(warning(None, key, "is not a catalogue field and was ignored", None));
        }
        Ok(Loader {
            publisher,
            questions,
            default_checklist,
            extra_features,
            translations,
            valid: Vec::with_capacity(records.len()),
            records,
            next: 0,
            seen_ids: Default::default(),
            diagnostics,
        })
    }

    /// How many clinic records the file holds.
    pub fn total(&self) -> usize {
        self.records.len()
    }

    /// Checks up to `n` more clinics; `false` once all are done.
    pub fn next_batch(&mut self, n: usize) -> bool {
        // In the widget the default questions' texts may not have arrived yet; their ids are known.
        let question_ids: Vec<&str> = if self.default_checklist {
            vocabulary::default_question_ids().collect()
        } else {
            self.questions.iter().map(|q| q.id.as_str()).collect()
        };
        let extra_codes: Vec<&str> = self.extra_features.iter().map(|f| f.code.as_str()).collect();
        let end = self.next.saturating_add(n).min(self.records.len());
        for index in self.next..end {
            let checked = checked(
                self.records[index],
                index,
                &question_ids,
                &extra_codes,
                &mut self.diagnostics,
            );
            if let Some(clinic) = checked {
                if first_with_its_id(&mut self.seen_ids, &mut self.diagnostics, &clinic, index) {
                    self.valid.push(clinic);
                }
            }
        }
        self.next = end;
        self.next < self.records.len()
    }

    pub fn finish(self) -> Loaded {
        Loaded {
            publisher: self.publisher,
            questions: self.questions,
            extra_features: self.extra_features,
            translations: self.translations,
            clinics: self.valid,
            diagnostics: self.diagnostics.into_iter().map(Diagnostic::tidied).collect(),
        }
    }
}

/// What a catalogue's translations may translate.
#[cfg(not(target_arch = "wasm32"))]
struct Own<'a> {
    publisher: &'a Publisher,
    /// The catalogue's own questions (none when it uses the standard ones, which have their
    /// translations already).
    questions: &'a [Question],
    features: &'a [ExtraFeature],
}

#[cfg(not(target_arch = "wasm32"))]
impl Own<'_> {
    /// Each translation must be in a language the widget speaks besides English, translate
    /// something this catalogue has, and say something; one warning for each that does not (the
    /// widget then shows the text as written).
    fn check_translations(&self, texts: &LiteMap<String, String>, out: &mut Vec<Diagnostic>) {
        for (key, text) in texts.iter() {
            let (language, what) = key.split_once('/').unwrap_or_default();
            let known = match what.split_once('/') {
                Some(("question", id)) => self.questions.iter().any(|q| q.id == id),
                Some(("feature", code)) => self.features.iter().any(|f| f.code == code),
                _ => what == "attribution" && self.publisher.attribution.is_some(),
            };
            let (message, expected) = if language != "es" {
                ("is in a language this widget does not speak", "es")
            } else if !known {
                (
                    "translates nothing in this catalogue",
                    "attribution, question/<id> of the catalogue's questions, or feature/<code> of its extra_features",
                )
            } else if text.trim().is_empty() {
                ("is empty", "the text in that language")
            } else {
                continue;
            };
            out.push(warning(
                None,
                &format!("translations.{language}.{what}"),
                message,
                Some(expected),
            ));
        }
    }
}

/// The clinic `raw` at `index`, read and checked; `None` (with its errors reported) when it cannot
/// be shown.
fn checked(
    raw: &str,
    index: usize,
    question_ids: &[&str],
    extra_codes: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Clinic> {
    let mut clinic = match read::clinic(&mut Reader::new(raw)) {
        Ok(clinic) => clinic,
        Err(e) => {
            // Only now read the record loosely, to name it by its id.
            let id = read::record_id(raw);
            let path = format!("clinics[{index}]");
            diagnostics.push(type_error(&path, e, Some(&RecordRef { index, id })));
            return None;
        }
    };
    // The id is lent to the checker (which names the record only if it finds a problem)
    // rather than copied for every clinic.
    let id = std::mem::take(&mut clinic.id);
    let mut check = Checker {
        index,
        id: &id,
        diagnostics,
        failed: false,
    };
    check.clinic(&mut clinic, question_ids, extra_codes);
    let failed = check.failed;
    clinic.id = id;
    (!failed).then_some(clinic)
}

/// Whether no earlier clinic has this one's id; a repeat is reported, and skipped.
fn first_with_its_id(seen_ids: &mut SeenIds, diagnostics: &mut Vec<Diagnostic>, clinic: &Clinic, index: usize) -> bool {
    // One lookup for the usual unique id; a repeat puts the first clinic's position back.
    let Some(first) = seen_ids.insert(clinic.id.clone(), index) else {
        return true;
    };
    seen_ids.insert(clinic.id.clone(), first);
    diagnostics.push(Diagnostic {
        severity: Severity::Error,
        record: Some(RecordRef {
            index,
            id: Some(clinic.id.clone()),
        }),
        path: format!("clinics[{index}].id"),
        message: format!(
            "the id \"{}\" is already used by clinic #{}; this one was skipped",
            clinic.id,
            first + 1
        ),
        expected: Some("a unique id".into()),
    });
    false
}

fn has_repeats(codes: &[String]) -> bool {
    codes.iter().enumerate().any(|(i, c)| codes[..i].contains(c))
}

/// Common ways of writing a country's name (upper case, single spaces), as its ISO 3166 code: the
/// one table the loader and the spreadsheet import share.
pub fn country_from_name(text: &str) -> Option<&'static str> {
    Some(match text {
        "UK" | "GBR" | "UNITED KINGDOM" | "GREAT BRITAIN" | "ENGLAND" | "SCOTLAND" | "WALES" | "NORTHERN IRELAND" => {
            "GB"
        }
        "USA" | "UNITED STATES" | "UNITED STATES OF AMERICA" => "US",
        "IRELAND" => "IE",
        "CANADA" => "CA",
        _ => return None,
    })
}

/// A code of the vocabulary group or of the catalogue's own features, as written.
fn known(group: Group, code: &str, extra: &[&str]) -> bool {
    vocabulary::term(group, code).is_some() || extra.contains(&code)
}

/// The code a loosely written one ("CBT", "Group therapy") stands for, when it is not a code already.
fn correction(group: Group, code: &str, extra: &[&str]) -> Option<&'static str> {
    if known(group, code, extra) {
        return None;
    }
    vocabulary::find(group, code).map(|t| t.code)
}

/// A number from the file, as short as it can be written to six places ("123.4", "-200").
fn plain_number(value: f64) -> String {
    let text = super::describe::rounded(value, 6);
    if super::substring::contains(&text, ".") {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

fn warning(record: Option<&RecordRef>, path: &str, message: impl Into<String>, expected: Option<&str>) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        record: record.cloned(),
        path: path.to_string(),
        message: message.into(),
        expected: expected.map(str::to_string),
    }
}

/// Reads a part of the file from its JSON text, reporting the exact path of the first problem.
fn typed<'a, T>(
    json: &'a str,
    path: &str,
    read: fn(&mut Reader<'a>) -> Result<T, json::Error>,
    out: &mut Vec<Diagnostic>,
) -> Option<T> {
    read(&mut Reader::new(json))
        .map_err(|e| out.push(type_error(path, e, None)))
        .ok()
}

/// A value of the wrong kind, or a missing field, at `path` plus where inside it the reader stopped.
fn type_error(path: &str, e: json::Error, record: Option<&RecordRef>) -> Diagnostic {
    let (message, expected) = match e.problem {
        json::Problem::Wrong { found, expected } => (format!("found {found}"), Some(expected.to_string())),
        json::Problem::Missing => ("is missing".to_string(), None),
        // The file's syntax was checked as a whole before any part is read.
        json::Problem::Syntax { needed, .. } => (format!("is not valid JSON here (expected {needed})"), None),
    };
    Diagnostic {
        severity: Severity::Error,
        record: record.cloned(),
        path: format!("{path}{}", e.path),
        message: if record.is_some() {
            format!("{message}; this clinic was skipped")
        } else {
            message
        },
        expected,
    }
}

/// Checks one typed clinic; fixes what can be fixed (dropping a value with a warning) and marks the
/// record failed when it cannot be shown at all.
struct Checker<'a> {
    /// The clinic's position in the file and its id, to name it in a diagnostic.
    index: usize,
    id: &'a str,
    diagnostics: &'a mut Vec<Diagnostic>,
    failed: bool,
}

impl Checker<'_> {
    fn record(&self) -> RecordRef {
        RecordRef {
            index: self.index,
            id: Some(self.id.to_string()),
        }
    }

    fn path(&self, field: &str) -> String {
        format!("clinics[{}].{field}", self.index)
    }

    fn error(&mut self, field: &str, message: String, expected: &str) {
        self.failed = true;
        self.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            record: Some(self.record()),
            path: self.path(field),
            message: format!("{message}; this clinic was skipped"),
            expected: Some(expected.to_string()),
        });
    }

    fn warn(&mut self, field: &str, message: String, expected: Option<&str>) {
        let diagnostic = warning(Some(&self.record()), &self.path(field), message, expected);
        self.diagnostics.push(diagnostic);
    }

    /// Required text: present, not blank, not too long.
    fn required(&mut self, field: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.error(field, "is empty".into(), "some text");
        } else if longer_than(value, max) {
            self.error(
                field,
                format!("is {} characters long", value.chars().count()),
                &format!("at most {max}"),
            );
        }
    }

    /// Optional text: dropped with a warning when too long.
    fn optional(&mut self, field: &str, value: &mut Option<String>, max: usize) {
        if let Some(v) = value {
            if longer_than(v, max) {
                let n = v.chars().count();
                self.warn(
                    field,
                    format!("is {n} characters long and was left out"),
                    Some(&format!("at most {max}")),
                );
                *value = None;
            } else if v.trim().is_empty() {
                *value = None;
            }
        }
    }

    fn link(&mut self, field: &str, value: &mut Option<String>, safe: fn(&str) -> Option<String>, expected: &str) {
        if let Some(v) = value {
            if safe(v).is_none() {
                let shown: String = v.chars().take(60).collect();
                self.warn(
                    field,
                    format!("\"{shown}\" is not a safe link and was left out"),
                    Some(expected),
                );
                *value = None;
            }
        }
    }

    fn codes(&mut self, field: &str, group: Group, codes: &mut Vec<String>, extra: &[&str]) {
        if codes.len() > MAX_LIST_ITEMS {
            self.warn(
                field,
                format!("has {} items; only the first {MAX_LIST_ITEMS} were kept", codes.len()),
                None,
            );
            codes.truncate(MAX_LIST_ITEMS);
        }
        let before = codes.len();
        codes.retain(|c| !longer_than(c, 60) && !c.trim().is_empty());
        if codes.len() < before {
            self.warn(
                field,
                "had empty or over-long codes, which were left out".into(),
                Some("snake_case codes"),
            );
        }
        for (i, code) in codes.iter_mut().enumerate() {
            if known(group, code, extra) {
                continue;
            }
            // "CBT", "Group therapy" or a label instead of its code: correct it, and say so.
            if let Some(t) = vocabulary::find(group, code).map(|t| t.code) {
                self.warn(
                    &format!("{field}[{i}]"),
                    format!("\"{code}\" was read as the code \"{t}\""),
                    Some(&format!("the code \"{t}\"")),
                );
                *code = t.to_string();
                continue;
            }
            {
                let known: Vec<&str> = vocabulary::terms(group).map(|t| t.code).take(12).collect();
                self.warn(
                    &format!("{field}[{i}]"),
                    format!("\"{code}\" is not in the vocabulary; it is shown as written"),
                    Some(&format!("one of {}", known.join(", "))),
                );
            }
        }
        // Lists are short: a scan beats cloning every code into a set, and most have no repeats.
        if has_repeats(codes) {
            let mut unique: Vec<String> = Vec::with_capacity(codes.len());
            for code in codes.drain(..) {
                if !unique.contains(&code) {
                    unique.push(code);
                }
            }
            *codes = unique;
        }
    }

    /// A list that needs nothing done (the usual case), found without naming its field.
    fn codes_fine(group: Group, codes: &[String], extra: &[&str]) -> bool {
        codes.len() <= MAX_LIST_ITEMS
            && codes
                .iter()
                .all(|c| !c.trim().is_empty() && !longer_than(c, 60) && known(group, c, extra))
            && !has_repeats(codes)
    }

    fn date(&mut self, field: &str, value: &mut Option<String>) {
        if let Some(v) = value {
            if !is_date(v) {
                self.warn(
                    field,
                    format!("\"{v}\" is not a date and was left out"),
                    Some("YYYY-MM-DD"),
                );
                *value = None;
            }
        }
    }

    /// Every check of one clinic, in the order its diagnostics are listed.
    fn clinic(&mut self, c: &mut Clinic, question_ids: &[&str], extra: &[&str]) {
        self.id();
        self.required("name", &c.name, MAX_NAME_CHARS);
        self.required("location.town", &c.location.town, MAX_SHORT_TEXT_CHARS);
        self.country(&mut c.location.country);
        self.coordinates(&mut c.location);
        self.texts(c);
        self.contact(&mut c.contact);
        self.vocabulary_lists(c, extra);
        self.medications(&mut c.medications, extra);
        self.credentials(&mut c.credentials, extra);
        self.stance(&mut c.stance);
        self.declared_features(c, extra);
        c.languages.retain(|l| !l.trim().is_empty() && l.len() <= 20);
        c.programme_days.retain(|d| (1..=3650).contains(d));
        self.price(&mut c.cost.price);
        self.outcomes(&mut c.outcomes);
        self.answers(&mut c.answers, question_ids);
        self.date("last_verified", &mut c.last_verified);
    }

    fn id(&mut self) {
        let id_ok = !self.id.is_empty()
            && self.id.len() <= 100
            && self
                .id
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_' || ch == '.');
        if !id_ok {
            self.error(
                "id",
                format!(
                    "\"{}\" is not a usable id",
                    self.id.chars().take(40).collect::<String>()
                ),
                "letters, digits, '-', '_' or '.', up to 100",
            );
        }
    }

    /// An ISO 3166 code; a country's common name is read as its code, with a warning.
    fn country(&mut self, written: &mut String) {
        let country = written.trim().to_ascii_uppercase();
        if let Some(code) = country_from_name(&country) {
            self.warn(
                "location.country",
                format!("\"{written}\" was read as {code}"),
                Some(&format!("the ISO 3166 code {code}")),
            );
            *written = code.to_string();
        } else if country.len() != 2 || !country.chars().all(|ch| ch.is_ascii_uppercase()) {
            self.warn(
                "location.country",
                format!("\"{written}\" is not a two-letter country code"),
                Some("an ISO 3166 code such as GB or US"),
            );
        } else {
            *written = country;
        }
    }

    /// Both of latitude and longitude, in range, or neither: distances need the pair.
    fn coordinates(&mut self, l: &mut Location) {
        match (l.lat, l.lon) {
            (Some(lat), Some(lon)) => {
                let bad_lat = !lat.is_finite() || !(-90.0..=90.0).contains(&lat);
                let bad_lon = !lon.is_finite() || !(-180.0..=180.0).contains(&lon);
                if bad_lat || bad_lon {
                    let field = if bad_lat { "location.lat" } else { "location.lon" };
                    let value = if bad_lat { lat } else { lon };
                    let range = if bad_lat {
                        "a latitude between -90 and 90"
                    } else {
                        "a longitude between -180 and 180"
                    };
                    self.warn(
                        field,
                        format!(
                            "{} is out of range; distances are not shown for this clinic",
                            plain_number(value)
                        ),
                        Some(range),
                    );
                    l.lat = None;
                    l.lon = None;
                }
            }
            (None, None) => {}
            _ => {
                self.warn(
                    "location",
                    "has only one of lat and lon; distances are not shown".into(),
                    Some("both lat and lon"),
                );
                l.lat = None;
                l.lon = None;
            }
        }
    }

    /// The optional texts and address lines: an over-long one is left out.
    fn texts(&mut self, c: &mut Clinic) {
        self.optional("summary", &mut c.summary, MAX_LONG_TEXT_CHARS);
        self.optional("location.region", &mut c.location.region, MAX_SHORT_TEXT_CHARS);
        self.optional("location.postcode", &mut c.location.postcode, 20);
        if c.location.address.iter().any(|l| longer_than(l, MAX_SHORT_TEXT_CHARS)) {
            self.warn(
                "location.address",
                "has an over-long line, which was left out".into(),
                Some(&format!("lines of at most {MAX_SHORT_TEXT_CHARS}")),
            );
            c.location.address.retain(|l| !longer_than(l, MAX_SHORT_TEXT_CHARS));
        }
        for (field, value) in [
            ("visiting", &mut c.visiting),
            ("phone_policy", &mut c.phone_policy),
            ("family_involvement", &mut c.family_involvement),
        ] {
            self.optional(field, value, MAX_LONG_TEXT_CHARS);
        }
    }

    /// Links the widget makes of the contact details: only safe ones are kept.
    fn contact(&mut self, contact: &mut Contact) {
        self.link(
            "contact.website",
            &mut contact.website,
            safe_website_href,
            "an https:// or http:// address",
        );
        self.link(
            "contact.phone",
            &mut contact.phone,
            tel_href,
            "a phone number of digits, spaces, + ( ) -",
        );
        self.link(
            "contact.intake_phone",
            &mut contact.intake_phone,
            tel_href,
            "a phone number of digits, spaces, + ( ) -",
        );
        self.link("contact.email", &mut contact.email, mailto_href, "an email address");
    }

    /// The lists of plain vocabulary codes.
    fn vocabulary_lists(&mut self, c: &mut Clinic, extra: &[&str]) {
        self.codes("settings", Group::Setting, &mut c.settings, extra);
        self.codes("detox", Group::Detox, &mut c.detox, extra);
        self.codes("therapies", Group::Therapy, &mut c.therapies, extra);
        self.codes("conditions", Group::Condition, &mut c.conditions, extra);
        self.codes("groups", Group::SpecialGroup, &mut c.groups, extra);
        self.codes("accepts", Group::Accepts, &mut c.accepts, extra);
        self.codes("services", Group::Service, &mut c.services, extra);
        self.codes("cost.funding", Group::Funding, &mut c.cost.funding, extra);
        if let Some(a) = &mut c.aftercare {
            self.codes("aftercare.kinds", Group::Aftercare, &mut a.kinds, extra);
        }
    }

    /// Medicines are checked as a list of their codes; each keeps its forms and purpose under its
    /// corrected code, and those are checked in turn.
    fn medications(&mut self, offers: &mut Vec<MedicationOffer>, extra: &[&str]) {
        let mut meds: Vec<String> = offers.iter().map(|m| m.code.clone()).collect();
        self.codes("medications", Group::Medication, &mut meds, extra);
        for m in offers.iter_mut() {
            if let Some(code) = correction(Group::Medication, &m.code, extra) {
                m.code = code.to_string();
            }
        }
        offers.retain(|m| meds.contains(&m.code));
        for (i, m) in offers.iter_mut().enumerate() {
            if !Self::codes_fine(Group::MedicationForm, &m.forms, extra) {
                let field = format!("medications[{i}].forms");
                self.codes(&field, Group::MedicationForm, &mut m.forms, extra);
            }
        }
        for (i, m) in offers.iter_mut().enumerate() {
            if m.purpose.as_deref().is_some_and(|p| !MEDICATION_PURPOSES.contains(&p)) {
                self.warn(
                    &format!("medications[{i}].purpose"),
                    format!(
                        "\"{}\" is not a purpose and was left out",
                        m.purpose.take().unwrap_or_default()
                    ),
                    Some("detox or ongoing"),
                );
            }
        }
    }

    /// Credentials, as a list of their codes; each keeps its rating under its corrected code.
    fn credentials(&mut self, credentials: &mut Vec<Credential>, extra: &[&str]) {
        let mut creds: Vec<String> = credentials.iter().map(|x| x.code.clone()).collect();
        self.codes("credentials", Group::Credential, &mut creds, extra);
        for x in credentials.iter_mut() {
            if let Some(code) = correction(Group::Credential, &x.code, extra) {
                x.code = code.to_string();
            }
        }
        credentials.retain(|x| creds.contains(&x.code));
    }

    fn stance(&mut self, stance: &mut Option<String>) {
        if let Some(s) = stance {
            if vocabulary::term(Group::Stance, s).is_none() {
                self.warn(
                    "stance",
                    format!("\"{s}\" is not in the vocabulary and was left out"),
                    Some("abstinence_based, maintenance or both"),
                );
                *stance = None;
            }
        }
    }

    /// The catalogue's own features a clinic names must be declared in `extra_features`.
    fn declared_features(&mut self, c: &Clinic, extra: &[&str]) {
        #[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
        let lists = [
            ("extra_features", &c.extra_features),
            ("info_features", &c.info_features),
        ];
        #[cfg(all(target_arch = "wasm32", not(feature = "import")))]
        let lists = [("extra_features", &c.extra_features)];
        for (field, codes) in lists {
            for (i, code) in codes.iter().enumerate() {
                if !extra.contains(&code.as_str()) {
                    self.warn(
                        &format!("{field}[{i}]"),
                        format!("\"{code}\" is not declared in the catalogue's extra_features"),
                        None,
                    );
                }
            }
        }
    }

    fn price(&mut self, price: &mut Option<Price>) {
        if let Some(p) = price {
            let bad = !p.from.is_finite() || p.from < 0.0 || p.to.is_some_and(|t| !t.is_finite() || t < p.from);
            if bad {
                self.warn(
                    "cost.price",
                    "is not a sensible price range and was left out".into(),
                    Some("from ≥ 0 and to ≥ from"),
                );
                *price = None;
            }
        }
    }

    /// Only claims with a source are shown.
    fn outcomes(&mut self, outcomes: &mut Vec<OutcomeClaim>) {
        let before = outcomes.len();
        outcomes.retain(|o| !o.source.trim().is_empty() && !o.claim.trim().is_empty());
        if outcomes.len() < before {
            self.warn(
                "outcomes",
                "a claim without a source was left out".into(),
                Some("each claim with its source"),
            );
        }
    }

    /// Answers to questions of the checklist, each of a sensible length.
    fn answers(&mut self, answers: &mut LiteMap<String, String>, question_ids: &[&str]) {
        let unknown: Vec<String> = answers
            .keys()
            .filter(|k| !question_ids.contains(&k.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            self.warn(
                &format!("answers.{key}"),
                "answers a question that is not in the checklist; it is not shown".into(),
                None,
            );
            answers.remove(&key);
        }
        answers.retain(|_, v| !longer_than(v, MAX_LONG_TEXT_CHARS));
    }
}

/// `YYYY-MM-DD`, a day that exists: digits only (no sign or space), each month's length, 29
/// February in leap years only.
pub fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    // Year, month and day, digit by digit.
    let mut parts = [0u32; 3];
    for (i, &c) in b.iter().enumerate() {
        if i == 4 || i == 7 {
            continue;
        }
        if !c.is_ascii_digit() {
            return false;
        }
        let part = &mut parts[usize::from(i > 4) + usize::from(i > 7)];
        *part = *part * 10 + u32::from(c - b'0');
    }
    let [year, month, day] = parts;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 => 28 + u32::from(leap),
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Whether a text has more than `max` characters. Every text of every clinic is checked while a
/// catalogue loads, so the byte length answers first: it is never less than the character count.
fn longer_than(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

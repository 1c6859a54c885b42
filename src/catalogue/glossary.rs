//! The glossary file: the long family-facing prose (what each term means, the cautions, the note on
//! what the information is based on), shipped beside the widget as one file per language and loaded
//! on demand, so it never weighs on the widget's download.
//!
//! The vocabulary table (`vocabulary::TERMS`) and [`NOTES`] stay the single source: the build writes
//! the file from them natively (`clinic-catalogue glossary`), and the widget installs what it
//! fetched here, for [`crate::catalogue::vocabulary::Term::explanation`] to read. A language is one
//! file (`en`, `es`); regional variants (en-GB, en-US) share it, since they differ only by
//! respelling and the few texts with a US version of their own (`us`). Other languages' texts are
//! written in data/locales/<language>/ ([`translation`]), one text per key, with a few more keys:
//! `label/<group>/<code>` (a term's label), `group/<facet>` and `group/<facet>/hint` (a filter
//! group's heading and hint), which English keeps in the widget.
//!
//! The file: `{ "language": "en", "text": { "<key>": "…" } }`, where a key is
//! `<group>/<code>` (what a term means), `<group>/<code>/us` (its US English text, where it is not
//! simply the respelt British one), `<group>/<code>/caution`, `question/<id>` (the default
//! checklist) or `note/<name>`. One flat table keeps
//! the widget's reading of it small.

use std::cell::RefCell;

use super::json::{Error, Reader};
use super::vocabulary::{Group, Locale};

/// One language's glossary.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Glossary {
    pub language: String,
    /// `(key, text)`, in the file's order.
    text: Vec<(String, String)>,
    /// Where the UI strings (`ui/…`, sorted) start in `text`, and how many there are.
    ui: (usize, usize),
}

/// The key of a term's text, or of one of its variants (`"us"`, `"caution"`).
fn key(group: Group, code: &str, variant: Option<&str>) -> String {
    match variant {
        Some(v) => format!("{}/{code}/{v}", group.key()),
        None => format!("{}/{code}", group.key()),
    }
}

impl Glossary {
    /// Reads a glossary file.
    pub fn parse(text: &str) -> Result<Glossary, Error> {
        let mut glossary = Glossary::default();
        let mut r = Reader::new(text);
        r.object(&mut |r, field| {
            match field {
                "language" => glossary.language = r.string()?,
                "text" => r.map(&mut |r, key| {
                    let text = r.string()?;
                    glossary.text.push((key.to_string(), text));
                    Ok(())
                })?,
                _ => {}
            }
            Ok(())
        })?;
        r.end()?;
        if glossary.language.is_empty() {
            return Err(Error::missing("language"));
        }
        glossary.ui = glossary.ui_strings();
        Ok(glossary)
    }

    /// The run of `ui/` keys, if they are sorted (as the build writes them): (start, count).
    fn ui_strings(&self) -> (usize, usize) {
        let is_ui = |(k, _): &(String, String)| k.starts_with("ui/");
        let Some(start) = self.text.iter().position(is_ui) else {
            return (0, 0);
        };
        let run = &self.text[start..];
        let count = run.iter().take_while(|e| is_ui(e)).count();
        let sorted = run[..count].windows(2).all(|w| w[0].0 < w[1].0);
        (start, if sorted { count } else { 0 })
    }

    /// A text by its key (`label/medication/methadone`), if the file has it.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.text.iter().find(|(k, _)| k == key).map(|(_, t)| t.as_str())
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.text(key)
    }

    /// The UI string at `index` of the widget's table (`catalogue::text`), if the file's UI strings
    /// are that table's (`count` of them): the file's `ui/` keys, sorted, are the table in order.
    pub fn ui(&self, index: usize, count: usize) -> Option<&str> {
        let (start, have) = self.ui;
        (have == count && index < count).then(|| self.text[start + index].1.as_str())
    }

    /// A term's text, or one of its variants (`Some("us")`, `Some("caution")`), if the file has it.
    pub fn term(&self, group: Group, code: &str, variant: Option<&str>) -> Option<&str> {
        self.get(&key(group, code, variant))
    }

    /// A default checklist question by its id, as written.
    pub fn question(&self, id: &str) -> Option<&str> {
        self.get(&format!("question/{id}"))
    }

    /// A note by its name ("about"), as written (British spelling for English).
    pub fn note(&self, name: &str) -> Option<&str> {
        self.get(&format!("note/{name}"))
    }
}

thread_local! {
    /// The glossaries loaded on this page, one per language, kept for the page's lifetime (each is
    /// loaded once and shared by every widget on the page).
    static INSTALLED: RefCell<Vec<&'static Glossary>> = const { RefCell::new(Vec::new()) };
}

/// Reads a glossary file and makes it the one for its language (a language already installed is
/// kept).
pub fn install(text: &str) -> Result<(), Error> {
    let glossary = Glossary::parse(text)?;
    if installed(&glossary.language).is_none() {
        let glossary: &'static Glossary = Box::leak(Box::new(glossary));
        INSTALLED.with(|i| i.borrow_mut().push(glossary));
    }
    Ok(())
}

/// The glossary installed for a language, if any.
pub fn installed(language: &str) -> Option<&'static Glossary> {
    INSTALLED.with(|i| i.borrow().iter().copied().find(|g| g.language == language))
}

/// A note in the locale's spelling, once the glossary is installed ("about").
pub fn note(name: &str, locale: Locale) -> Option<String> {
    let key = format!("note/{name}");
    #[cfg(target_arch = "wasm32")]
    let (spanish, english) = (
        installed("es").and_then(|g| g.text(&key)),
        installed("en").and_then(|g| g.text(&key)),
    );
    #[cfg(not(target_arch = "wasm32"))]
    let (spanish, english) = (
        spanish_source(&key),
        NOTES.iter().find(|(k, _)| *k == name).map(|n| n.1),
    );
    match spanish.filter(|_| locale == Locale::Es) {
        Some(text) => Some(text.to_string()),
        None => Some(super::vocabulary::localise(english?, locale).into_owned()),
    }
}

/// A text of the Spanish file by its key (`label/medication/methadone`), when it is there: the
/// installed file in the widget, the source natively.
pub fn spanish(key: &str) -> Option<&'static str> {
    #[cfg(target_arch = "wasm32")]
    return installed("es")?.text(key);
    #[cfg(not(target_arch = "wasm32"))]
    return spanish_source(key);
}

/// A Spanish text by its key, as written in data/locales/es/ (natively; the widget reads the built
/// file).
#[cfg(not(target_arch = "wasm32"))]
pub fn spanish_source(key: &str) -> Option<&'static str> {
    use std::sync::OnceLock;
    static SPANISH: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let texts = SPANISH.get_or_init(|| translation("es").unwrap_or_default());
    texts.iter().find(|(k, _)| k == key).map(|(_, t)| t.as_str())
}

/// Longer notes, by key, in British English: only in the native build (the widget reads them from the
/// glossary file). Paragraphs are separated by a blank line.
#[cfg(not(target_arch = "wasm32"))]
pub const NOTES: &[(&str, &str)] = &[(
    "about",
    "This finder explains each kind of treatment in plain words. The facts follow national guidance: \
     NICE in the UK, and SAMHSA and ASAM in the US. It does not favour one kind of treatment over \
     another.\n\n\
     What each service offers comes from the list this website publishes. Services change, so check \
     the details with them before you decide. This is not medical advice: a GP, doctor or local drug \
     service can help you choose.",
)];

/// The glossary file for a language: English written from the vocabulary table and [`NOTES`],
/// another language from its locale files ([`translation`]). The build calls this through
/// `clinic-catalogue glossary`. `None` for a language with no texts yet.
#[cfg(not(target_arch = "wasm32"))]
pub fn file_json(language: &str) -> Option<String> {
    use serde_json::Map;
    let text: Map<String, serde_json::Value> = match language {
        "en" => english_text().into_iter().map(|(k, v)| (k, v.into())).collect(),
        _ => translation(language)?.into_iter().map(|(k, v)| (k, v.into())).collect(),
    };
    let file = serde_json::json!({ "language": language, "text": text });
    Some(file.to_string())
}

/// Every English text of the glossary file by key, as written in the sources.
#[cfg(not(target_arch = "wasm32"))]
pub fn english_text() -> Vec<(String, &'static str)> {
    let mut text = Vec::new();
    for t in super::vocabulary::TERMS {
        let (explanation, us, caution) = t.source_text();
        text.push((key(t.group, t.code, None), explanation));
        for (variant, value) in [("us", us), ("caution", caution)] {
            if let Some(value) = value {
                text.push((key(t.group, t.code, Some(variant)), value));
            }
        }
    }
    for (name, note) in NOTES {
        text.push((format!("note/{name}"), *note));
    }
    for (id, question) in super::vocabulary::default_question_source() {
        text.push((format!("question/{id}"), *question));
    }
    text
}

/// The locale files of the languages other than English: flat TOML tables of `"<key>" = "text"`
/// (data/locales/<language>/). Only in the native build: the widget fetches the file the build
/// writes from them.
#[cfg(not(target_arch = "wasm32"))]
const LOCALE_FILES: &[(&str, &str, &str)] = &[
    (
        "es",
        "data/locales/es/glossary.toml",
        include_str!("../../data/locales/es/glossary.toml"),
    ),
    // The widget's own words (catalogue::text), `ui/<name>`.
    (
        "es",
        "data/locales/es/ui.toml",
        include_str!("../../data/locales/es/ui.toml"),
    ),
];

/// A language's texts by key, from its locale files (`None` for a language without any). A file
/// that is not a flat table of strings is a mistake in this repository, not bad input, so it
/// stops the build with the file and key named (tests/spanish.rs reads every file).
#[cfg(not(target_arch = "wasm32"))]
pub fn translation(language: &str) -> Option<Vec<(String, String)>> {
    let files: Vec<_> = LOCALE_FILES.iter().filter(|(l, _, _)| *l == language).collect();
    if files.is_empty() {
        return None;
    }
    let mut text = Vec::new();
    for (_, path, source) in files {
        let table: toml::Table = source.parse().unwrap_or_else(|e| panic!("{path}: {e}"));
        for (key, value) in table {
            let value = value
                .as_str()
                .unwrap_or_else(|| panic!("{path}: \"{key}\" is not a string"));
            text.push((key, value.to_string()));
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_arch = "wasm32"))]
    use crate::catalogue::vocabulary::TERMS;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_file_carries_every_terms_prose_and_reads_back() {
        let file = file_json("en").unwrap();
        let glossary = Glossary::parse(&file).unwrap();
        assert_eq!(glossary.language, "en");
        for t in TERMS {
            let (text, us, caution) = t.source_text();
            assert_eq!(glossary.term(t.group, t.code, None), Some(text), "{}", t.code);
            assert_eq!(glossary.term(t.group, t.code, Some("us")), us);
            assert_eq!(glossary.term(t.group, t.code, Some("caution")), caution);
        }
        assert_eq!(glossary.note("about"), Some(NOTES[0].1));
        for q in crate::catalogue::vocabulary::default_questions() {
            assert_eq!(glossary.question(&q.id), Some(q.text.as_str()));
        }
        assert!(file_json("xx").is_none());
    }

    #[test]
    fn a_bad_file_is_an_error_and_installing_is_once_per_language() {
        assert!(Glossary::parse("{}").is_err(), "no language");
        assert!(Glossary::parse("{\"language\":\"en\",\"text\":[]}").is_err());
        assert!(Glossary::parse("<html>").is_err());
        let file = "{\"language\":\"zz\",\"text\":{\"detox/rapid_detox\":\"A\",\"detox/rapid_detox/caution\":\"B\"}}";
        install(file).unwrap();
        install(&file.replace("\"A\"", "\"C\"")).unwrap();
        let zz = installed("zz").unwrap();
        assert_eq!(zz.term(Group::Detox, "rapid_detox", None), Some("A"), "the first stays");
        assert_eq!(zz.term(Group::Detox, "rapid_detox", Some("caution")), Some("B"));
        assert_eq!(zz.term(Group::Detox, "rapid_detox", Some("us")), None);
        assert!(installed("yy").is_none());
    }
}

//! Spanish (#21): the Spanish text of the vocabulary and glossary (data/locales/es/glossary.toml)
//! is complete, keeps the English facts' numbers and placeholders, and reads easily.
//!
//! Completeness: every English key of the glossary file except the `/us` variants (Spanish has one
//! text, written for US families), every term's label (`label/<group>/<code>`) and every filter
//! group's heading and hint (`group/<facet>`, `group/<facet>/hint`) has exactly one Spanish text,
//! and there is no other key (the UI strings, `ui/…`, are checked where their English lives).
//!
//! Reading ease: `cargo test --test spanish -- --nocapture` prints the table. Fernández Huerta's
//! adaptation of Flesch's reading ease to Spanish (1959):
//!     206.84 − 0.60 × P − 1.02 × F
//! where P is syllables per 100 words and F is the average sentence length in words. Many sources
//! quote F as "sentences per 100 words"; with the minus sign that would make shorter sentences
//! score as harder, the opposite of Flesch's formula it adapts (Gwillim Law, LINGUIST List 22.2332,
//! 2011), so F here is words per sentence, as in Flesch's. The printed table also shows the figure
//! as usually quoted. 60 and above reads as "normal" to fairly easy; 70 and above as fairly easy.
//!
//! Counting, kept simple as in tests/reading_grade.rs:
//! - sentences end with `.`, `?` or `!` followed by a space or the end ("EE. UU." is one word);
//! - words are runs of letters or digits, a hyphenated word counting as one;
//! - syllables: in a number, one per digit, at most three; otherwise one per vowel nucleus, where
//!   the vowels are a e i o u (with or without accent), ü, and y at the end of a word ("hoy", "y").
//!   Next to each other, a weak vowel (i, u, ü, y) without accent joins the vowel beside it in one
//!   syllable (a diphthong: "cuan-do", "bue-no"; a triphthong: "o-pioi-de"), while two strong vowels
//!   (a e o) or an accented í or ú next to a vowel are two ("le-er", "dí-a"); the u of "qu" and of
//!   "gu" before e or i is silent ("que", "guion"); h separates vowels ("pro-hí-be"). At least one
//!   per word, so an acronym such as NHS counts as one.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/readability.rs"]
mod readability;

use std::collections::{BTreeMap, BTreeSet};

use clinic_compare::catalogue::glossary::{english_text, file_json, translation, Glossary};
use clinic_compare::catalogue::vocabulary::{term, Group, Locale, TERMS};
use clinic_compare::search::FACETS;

/// The Spanish glossary texts by key (the UI strings left out), failing on a key given twice.
fn spanish() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (key, text) in translation("es").expect("Spanish has locale files") {
        if key.starts_with("ui/") {
            continue;
        }
        assert!(
            out.insert(key.clone(), text).is_none(),
            "\"{key}\" has two Spanish texts"
        );
    }
    out
}

/// The English text each Spanish key translates: the US text where there is one.
fn english_by_key() -> BTreeMap<String, String> {
    let english: BTreeMap<String, &str> = english_text().into_iter().collect();
    let mut out = BTreeMap::new();
    for (key, text) in &english {
        if key.ends_with("/us") {
            continue;
        }
        let us = english.get(&format!("{key}/us")).copied();
        out.insert(key.clone(), us.unwrap_or(text).to_string());
    }
    for t in TERMS {
        let label = t.label(Locale::EnUs).into_owned();
        out.insert(format!("label/{}/{}", t.group.key(), t.code), label);
    }
    out
}

/// Every key the Spanish must have.
fn expected_keys() -> BTreeSet<String> {
    let mut keys: BTreeSet<String> = english_by_key().into_keys().collect();
    for facet in FACETS {
        keys.insert(format!("group/{facet}"));
        // The filter panel shows the medication forms inside "medication", so they have no hint.
        if facet != "medication_form" {
            keys.insert(format!("group/{facet}/hint"));
        }
    }
    keys
}

#[test]
fn every_english_text_label_and_group_has_exactly_one_spanish_text() {
    let spanish = spanish();
    let expected = expected_keys();
    let have: BTreeSet<String> = spanish.keys().cloned().collect();
    let missing: Vec<_> = expected.difference(&have).collect();
    let extra: Vec<_> = have.difference(&expected).collect();
    assert!(missing.is_empty(), "no Spanish text for: {missing:?}");
    assert!(extra.is_empty(), "Spanish keys with nothing to translate: {extra:?}");
    let empty: Vec<_> = spanish
        .iter()
        .filter(|(_, t)| t.trim().is_empty())
        .map(|(k, _)| k)
        .collect();
    assert!(empty.is_empty(), "empty Spanish texts: {empty:?}");
    // Term labels are seen side by side: two terms of one group must not read the same.
    for g in Group::ALL {
        let mut seen = BTreeSet::new();
        for t in TERMS.iter().filter(|t| t.group == g) {
            let label = &spanish[&format!("label/{}/{}", g.key(), t.code)];
            assert!(seen.insert(label.clone()), "two {} labels read \"{label}\"", g.key());
        }
    }
    println!("{} Spanish texts", spanish.len());
}

/// The `{name}` placeholders of a text, sorted.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    found.sort();
    found
}

/// The numbers in a text ("7", "10", "1960").
fn numbers(text: &str) -> BTreeSet<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn placeholders_and_numbers_match_the_english() {
    let spanish = spanish();
    let english = english_by_key();
    let mut wrong = Vec::new();
    for (key, es) in &spanish {
        let Some(en) = english.get(key) else {
            assert!(placeholders(es).is_empty(), "{key}: placeholders with no English: {es}");
            continue;
        };
        if placeholders(en) != placeholders(es) {
            wrong.push(format!(
                "{key}: placeholders {:?} in English, {:?} in Spanish",
                placeholders(en),
                placeholders(es)
            ));
        }
        // A number is a fact (7 to 10 days, 9 hours a week): the Spanish keeps each one.
        let lost: Vec<_> = numbers(en).difference(&numbers(es)).copied().collect();
        if !lost.is_empty() {
            wrong.push(format!("{key}: {lost:?} missing from \"{es}\""));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(placeholders("Hay {count} de {total}."), ["count", "total"]);
    assert_eq!(
        numbers("de 7 a 10 días, desde 1960"),
        BTreeSet::from(["7", "10", "1960"])
    );
}

/// The agreed Spanish for words the English uses (the terms listed in glossary.toml), as
/// (English stem, Spanish stem): a text whose English has the one has the other, so a medicine or a
/// risk cannot drop out, and a term is said one way everywhere.
const TERMINOLOGY: &[(&str, &str)] = &[
    ("methadone", "metadona"),
    ("buprenorphine", "buprenorfina"),
    ("naloxone", "naloxona"),
    ("naltrexone", "naltrexona"),
    ("heroin", "heroína"),
    ("opioid", "opioide"),
    ("overdose", "sobredosis"),
    ("relapse", "recaída"),
    ("detox", "desintoxicación"),
    ("withdrawal", "abstinencia"),
    ("craving", "ganas de consumir"),
    ("loved one", "ser querido"),
    ("counsel", "consejer"),
    ("aftercare", "atención posterior"),
    ("therap", "terap"),
    ("pregnan", "embaraz"),
    ("hiv", "vih"),
];

#[test]
fn the_spanish_uses_the_agreed_terms() {
    let spanish = spanish();
    let mut wrong = Vec::new();
    for (key, en) in english_by_key() {
        let (en, es) = (en.to_lowercase(), spanish[&key].to_lowercase());
        for (english, agreed) in TERMINOLOGY {
            if en.contains(english) && !es.contains(agreed) {
                wrong.push(format!(
                    "{key}: says \"{english}\" in English but not \"{agreed}\": {es}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_spanish_glossary_file_reads_back() {
    let file = file_json("es").expect("a Spanish file");
    let glossary = Glossary::parse(&file).unwrap();
    assert_eq!(glossary.language, "es");
    let spanish = spanish();
    let buprenorphine = term(Group::Medication, "buprenorphine").unwrap();
    let text = glossary.term(buprenorphine.group, buprenorphine.code, None).unwrap();
    assert!(
        text.contains("sobredosis") && text.contains("Sublocade"),
        "the US facts: {text}"
    );
    assert_eq!(
        glossary.term(Group::Medication, "buprenorphine", Some("us")),
        None,
        "one Spanish text"
    );
    assert_eq!(glossary.note("about"), spanish.get("note/about").map(String::as_str));
    assert_eq!(
        glossary.question("wait"),
        spanish.get("question/wait").map(String::as_str)
    );
    for t in TERMS {
        assert!(glossary.term(t.group, t.code, None).is_some(), "{}", t.code);
        assert_eq!(
            glossary.term(t.group, t.code, Some("caution")).is_some(),
            t.has_caution(),
            "{}",
            t.code
        );
    }
    assert!(file_json("xx").is_none());
}

/// Whether a letter is a vowel, and whether it is a strong one (a, e, o, or an accented í or ú,
/// which keeps its own syllable).
fn vowel(c: char) -> Option<bool> {
    match c {
        'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú' => Some(true),
        'i' | 'u' | 'ü' | 'y' => Some(false),
        _ => None,
    }
}

fn syllables(word: &str) -> usize {
    if word.chars().all(|c| c.is_ascii_digit()) {
        return word.len().clamp(1, 3);
    }
    let chars: Vec<char> = word.to_lowercase().chars().collect();
    let mut count = 0;
    let mut previous: Option<bool> = None;
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let before = i.checked_sub(1).map(|j| chars[j]);
        let silent_u =
            c == 'u' && (before == Some('q') || (before == Some('g') && matches!(next, Some('e' | 'i' | 'é' | 'í'))));
        // y is a vowel at the end of a word ("hoy", "muy") or alone ("y"); a consonant before a vowel.
        let consonant_y = c == 'y' && next.is_some();
        let strong = match vowel(c) {
            Some(strong) if !silent_u && !consonant_y => strong,
            _ => {
                previous = None;
                continue;
            }
        };
        // A new syllable unless a weak vowel without accent joins the vowel before it.
        if previous.is_none_or(|before_strong| before_strong && strong) {
            count += 1;
        }
        previous = Some(strong);
    }
    count.max(1)
}

/// (words, syllables, sentences) of a text ("EE. UU." is one word in one sentence).
fn counts(text: &str) -> (usize, usize, usize) {
    readability::counts(&text.replace("EE. UU.", "EEUU"), false, syllables)
}

/// Fernández Huerta's reading ease (see the top of this file); higher is easier.
fn ease(text: &str) -> f64 {
    let (words, syllable_count, sentences) = counts(text);
    let per_100_words = 100.0 * syllable_count as f64 / words as f64;
    206.84 - 0.60 * per_100_words - 1.02 * (words as f64 / sentences as f64)
}

/// The figure as usually quoted, with F as sentences per 100 words (printed, not tested).
fn ease_as_quoted(text: &str) -> f64 {
    let (words, syllable_count, sentences) = counts(text);
    206.84 - 0.60 * (100.0 * syllable_count as f64 / words as f64) - 1.02 * (100.0 * sentences as f64 / words as f64)
}

/// Every Spanish explanation, caution, checklist question and note paragraph, and every UI string
/// that is a sentence (ends with `.`, `?` or `!` and has four words or more: headings, buttons and
/// fragments are too short to score), named for the report. A placeholder reads as one word.
fn prose() -> Vec<(String, String)> {
    let mut all = Vec::new();
    for (key, text) in translation("es").expect("Spanish has locale files") {
        if key.starts_with("label/") || key.starts_with("group/") {
            continue;
        }
        let text = without_placeholders(&text);
        if key.starts_with("ui/") && !(text.trim_end().ends_with(['.', '?', '!']) && counts(&text).0 >= 4) {
            continue;
        }
        for (i, paragraph) in text.split("\n\n").enumerate() {
            let name = if text.contains("\n\n") {
                format!("{key} ¶{}", i + 1)
            } else {
                key.clone()
            };
            all.push((name, paragraph.trim().to_string()));
        }
    }
    all
}

/// A text with each `{placeholder}` as the one word "X".
fn without_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        out.push('X');
        rest = after.split_once('}').map_or("", |(_, after)| after);
    }
    out + rest
}

const MIN_MEAN: f64 = 60.0;
const MIN_EACH: f64 = 40.0;

#[test]
fn spanish_reads_easily_by_fernandez_huerta() {
    let mut scored: Vec<(f64, String, String)> = prose().into_iter().map(|(n, t)| (ease(&t), n, t)).collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mean = scored.iter().map(|s| s.0).sum::<f64>() / scored.len() as f64;
    let quoted = scored.iter().map(|s| ease_as_quoted(&s.2)).sum::<f64>() / scored.len() as f64;
    let min = scored[0].0;
    println!(
        "{} texts: Fernández Huerta mean {mean:.1}, min {min:.1} (as usually quoted: mean {quoted:.1})",
        scored.len()
    );
    for (score, name, _) in scored.iter().take(12) {
        println!("  {score:5.1}  {name}");
    }
    let too_hard: Vec<String> = scored
        .iter()
        .filter(|s| s.0 < MIN_EACH)
        .map(|(score, name, text)| format!("  {score:.1}  {name}: {text}"))
        .collect();
    assert!(
        too_hard.is_empty(),
        "{} text(s) below {MIN_EACH} (shorter sentences, plainer words):\n{}",
        too_hard.len(),
        too_hard.join("\n")
    );
    let worst: Vec<String> = scored.iter().take(5).map(|(s, n, _)| format!("{n} {s:.1}")).collect();
    assert!(
        mean >= MIN_MEAN,
        "mean reading ease {mean:.1} is below {MIN_MEAN}; the hardest: {}",
        worst.join(", ")
    );
}

#[test]
fn the_spanish_counts_follow_the_rules_on_known_words() {
    for (word, n) in [
        ("buprenorfina", 5),
        ("desintoxicación", 6),
        ("que", 1),
        ("guion", 1),
        ("cigüeña", 3),
        ("leer", 2),
        ("día", 2),
        ("país", 2),
        ("ciudad", 2),
        ("cuando", 2),
        ("opioide", 3),
        ("hoy", 1),
        ("y", 1),
        ("ya", 1),
        ("muy", 1),
        ("Uruguay", 3),
        ("prohíbe", 3),
        ("NHS", 1),
        ("988", 3),
    ] {
        assert_eq!(syllables(word), n, "{word}");
    }
    assert_eq!(counts("Llame al 911. ¿Y en EE. UU.?"), (6, 10, 2));
    assert_eq!(counts("cognitivo-conductual"), (1, 7, 1));
    assert_eq!(without_placeholders("Llame al {number} ahora."), "Llame al X ahora.");
    // 100 syllables per 100 words and 4 words a sentence: 206.84 − 60 − 4.08.
    assert!((ease("Sí, yo la vi.") - 142.76).abs() < 0.01);
    let plain = ease("Su ser querido vive en casa. Va a sus citas cada semana.");
    let hard = ease("Las intervenciones multidisciplinarias facilitan la rehabilitación psicológica sostenida de los pacientes institucionalizados.");
    assert!(plain > 80.0 && hard < 20.0, "{plain} {hard}");
}

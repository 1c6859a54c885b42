//! Plain words: the Flesch–Kincaid grade of every family-facing explanation, caution, note, default
//! checklist question and line of the emergency text stays at most 9, and their mean at most 7.
//!
//! `cargo test --test reading_grade -- --nocapture` prints the table (mean, max, hardest texts).
//!
//! The grade (Kincaid et al., 1975) is
//!     0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
//! counted here simply, as most readability tools do:
//! - sentences end with `.`, `?` or `!` followed by a space or the end (a text without one is one);
//! - words are runs of letters or digits, a hyphenated word counting as one word;
//! - syllables: in a number, one per digit, at most three; otherwise one per group of vowels
//!   (a e i o u y), less a silent final "e" (but not "-le", as in "simple"), and at least one
//!   (so an acronym such as NHS counts as one, as in most readability tools). Each part of a
//!   hyphenated word is counted.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/readability.rs"]
mod readability;

use clinic_compare::catalogue::glossary::NOTES;
use clinic_compare::catalogue::text::Ui;
use clinic_compare::catalogue::vocabulary::{default_questions, us_spelling, Locale, TERMS};
use clinic_compare::ui::emergency::Helplines;

fn syllables(word: &str) -> usize {
    if word.chars().all(|c| c.is_ascii_digit()) {
        return word.len().clamp(1, 3);
    }
    let w = word.to_ascii_lowercase();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut previous = false;
    for c in w.chars() {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    if count > 1 && w.ends_with('e') && !w.ends_with("le") && n > 2 && !vowel(chars[n - 2]) {
        count -= 1;
    }
    count.max(1)
}

/// (words, syllables, sentences) of a text.
fn counts(text: &str) -> (usize, usize, usize) {
    readability::counts(text, true, syllables)
}

/// The Flesch–Kincaid grade of a text.
fn grade(text: &str) -> f64 {
    let (words, syllable_count, sentences) = counts(text);
    if words == 0 {
        return 0.0;
    }
    0.39 * (words as f64 / sentences as f64) + 11.8 * (syllable_count as f64 / words as f64) - 15.59
}

/// Every family-facing text we write, named for the report.
fn texts() -> Vec<(String, String)> {
    let mut all = Vec::new();
    for t in TERMS {
        let name = format!("{}/{}", t.group.key(), t.code);
        for locale in [Locale::EnGb, Locale::EnUs] {
            let suffix = if locale == Locale::EnUs { " (US)" } else { "" };
            if let Some(text) = t.explanation(locale) {
                // The US text is checked only where it is more than the British one respelt.
                let respelt = t.explanation(Locale::EnGb).map(|gb| us_spelling(&gb).into_owned());
                if locale == Locale::EnGb || respelt.as_deref() != Some(&*text) {
                    all.push((format!("{name}{suffix}"), text.into_owned()));
                }
            }
        }
        if let Some(caution) = t.caution(Locale::EnGb) {
            all.push((format!("{name} caution"), caution.into_owned()));
        }
    }
    for (name, note) in NOTES {
        for (i, paragraph) in note.split("\n\n").enumerate() {
            all.push((format!("note {name} ¶{}", i + 1), paragraph.to_string()));
        }
    }
    for q in default_questions() {
        all.push((format!("question {}", q.id), q.text));
    }
    all.extend(emergency_texts());
    all
}

/// The emergency text that ends every printed or copied page (the panel shows the same words), for
/// both countries, as three texts: the call to action; the overdose signs, each a sentence (they
/// are list items in the panel, joined by `;` in print); and what each helpline is for, each a
/// sentence (the helplines' names and numbers are labels, not prose); and the panel's three
/// paragraphs of advice, from the UI's string table.
fn emergency_texts() -> Vec<(String, String)> {
    let text = Helplines::new(None, Locale::EnGb, None, ["GB", "US"]).text(Locale::EnGb);
    let (call, rest) = text.split_once("\nSigns:").expect("the signs follow the call");
    let (signs, lines) = rest.split_once('\n').expect("the helplines follow the signs");
    let sentences = |parts: Vec<&str>| -> String {
        let parts: Vec<String> = parts
            .iter()
            .map(|p| format!("{}.", p.trim().trim_end_matches('.')))
            .collect();
        parts.join(" ")
    };
    let notes: Vec<&str> = lines
        .lines()
        .filter_map(|l| l.split_once(": "))
        .map(|(_, note)| note)
        .collect();
    assert!(
        call.contains("999") && signs.contains("pinpoint") && notes.len() == 4,
        "{text}"
    );
    let advice = [
        ("naloxone", Ui::GiveNaloxone),
        ("fentanyl", Ui::Fentanyl),
        ("tolerance", Ui::Tolerance),
    ]
    .map(|(name, ui)| (format!("emergency: {name}"), ui.english().to_string()));
    advice
        .into_iter()
        .chain([
            ("emergency: call".to_string(), call.to_string()),
            (
                "emergency: overdose signs".to_string(),
                sentences(signs.split(';').collect()),
            ),
            ("emergency: what each helpline is for".to_string(), sentences(notes)),
        ])
        .collect()
}

const MAX_GRADE: f64 = 9.0;
const MAX_MEAN: f64 = 7.0;

#[test]
fn family_facing_text_reads_at_grade_9_or_below_and_7_on_average() {
    let mut graded: Vec<(f64, String, String)> = texts()
        .into_iter()
        .map(|(name, text)| (grade(&text), name, text))
        .collect();
    graded.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mean = graded.iter().map(|g| g.0).sum::<f64>() / graded.len() as f64;
    let max = graded[0].0;
    println!("{} texts: mean grade {mean:.1}, max {max:.1}", graded.len());
    for (g, name, _) in graded.iter().take(12) {
        println!("  {g:5.1}  {name}");
    }
    let too_hard: Vec<String> = graded
        .iter()
        .filter(|g| g.0 > MAX_GRADE)
        .map(|(g, name, text)| format!("  {g:.1}  {name}: {text}"))
        .collect();
    assert!(
        too_hard.is_empty(),
        "{} text(s) above grade {MAX_GRADE} (shorter sentences, plainer words):\n{}",
        too_hard.len(),
        too_hard.join("\n")
    );
    let worst: Vec<String> = graded.iter().take(5).map(|(g, n, _)| format!("{n} {g:.1}")).collect();
    assert!(
        mean <= MAX_MEAN,
        "mean grade {mean:.1} is above {MAX_MEAN}; the hardest: {}",
        worst.join(", ")
    );
}

#[test]
fn the_grade_follows_the_formula_on_known_texts() {
    assert_eq!(syllables("the"), 1);
    assert_eq!(syllables("simple"), 2);
    assert_eq!(syllables("medicine"), 3);
    assert_eq!(syllables("treatment"), 2);
    assert_eq!(syllables("NHS"), 1);
    assert_eq!(syllables("999"), 3);
    assert_eq!(syllables("buprenorphine"), 4);
    assert_eq!(counts("Call 999 now. Then wait!"), (5, 7, 2));
    assert_eq!(counts("one-to-one therapy"), (2, 6, 1));
    // 0.39 × 4 + 11.8 × 1 − 15.59
    assert!((grade("The cat sat down.") - (-2.23)).abs() < 0.01);
    // Long words and long sentences score higher than short plain ones.
    let plain = grade("Your loved one lives at home. They come in for help each week.");
    let hard =
        grade("Comprehensive multidisciplinary interventions facilitate sustained psychological rehabilitation.");
    assert!(plain < 4.0 && hard > 14.0, "{plain} {hard}");
}

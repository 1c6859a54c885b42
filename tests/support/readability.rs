//! Counting words, syllables and sentences, shared by the English reading-grade test
//! (tests/reading_grade.rs) and the Spanish reading-ease test (tests/spanish.rs): each brings its
//! language's syllable counter.

/// (words, syllables, sentences) of a text. A word is a whitespace-separated token with at least one
/// letter or digit; its syllables are those of its alphanumeric parts (apostrophes inside a word are
/// kept when `keep_apostrophes`, as English's "don't"). A sentence ends at '.', '?' or '!' before a
/// space or the end; a text has at least one.
pub fn counts(text: &str, keep_apostrophes: bool, syllables: impl Fn(&str) -> usize) -> (usize, usize, usize) {
    let mut words = 0;
    let mut syllable_count = 0;
    for token in text.split_whitespace() {
        let parts: Vec<&str> = token
            .split(|c: char| !(c.is_alphanumeric() || keep_apostrophes && c == '\''))
            .map(|p| p.trim_matches('\''))
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            continue;
        }
        words += 1;
        syllable_count += parts.iter().map(|p| syllables(p)).sum::<usize>();
    }
    let chars: Vec<char> = text.trim().chars().collect();
    let ends = chars
        .iter()
        .enumerate()
        .filter(|(i, c)| matches!(c, '.' | '?' | '!') && chars.get(i + 1).is_none_or(|n| n.is_whitespace()))
        .count();
    (words, syllable_count, ends.max(1))
}

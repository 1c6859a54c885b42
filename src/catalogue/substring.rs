//! Finding a piece of text in a text, for the widget's code. `str::contains`, `find`, `split`,
//! `split_once` and `replace` with a text pattern (`"://"`, `" ("`) bring std's two-way substring
//! searcher into the download; the widget's patterns are a few bytes long and its texts short, so
//! a plain scan does as well, and these take its place (a test holds each to std's answer; natively
//! tested code and the importers may use std's freely). So does `contains` with a character, which
//! std looks for as text when it is not ASCII: `substring::contains(text, ".")`, or `matches!` for a
//! set of characters. Other patterns of characters (`split('/')`, `replace(['_', '-'], " ")`) use
//! std's smaller character searcher and need none of this.

/// The byte offset of the first `needle` in `text` (0 for an empty needle, as `str::find`). A match
/// of whole UTF-8 text in UTF-8 text always starts and ends on character boundaries.
pub fn find(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    text.as_bytes()
        .windows(needle.len())
        .position(|window| window == needle.as_bytes())
}

/// Whether `needle` is in `text`.
pub fn contains(text: &str, needle: &str) -> bool {
    find(text, needle).is_some()
}

/// The text before and after the first `separator`.
pub fn split_once<'a>(text: &'a str, separator: &str) -> Option<(&'a str, &'a str)> {
    let at = find(text, separator)?;
    Some((text.get(..at)?, text.get(at + separator.len()..)?))
}

/// The text before the first `separator`, or all of it.
pub fn before<'a>(text: &'a str, separator: &str) -> &'a str {
    split_once(text, separator).map_or(text, |(first, _)| first)
}

/// The parts of `text` between the `separator`s (a non-empty one).
pub fn split<'a>(text: &'a str, separator: &'a str) -> impl Iterator<Item = &'a str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        let (part, after) = split_once(text, separator).unwrap_or((text, ""));
        rest = (part.len() < text.len()).then_some(after);
        Some(part)
    })
}

/// `text` with each `from` (a non-empty text; an empty one changes nothing) replaced by `to`.
pub fn replace(text: &str, from: &str, to: &str) -> String {
    if from.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = split_once(rest, from) {
        out.push_str(before);
        out.push_str(to);
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &[
        "",
        "a",
        "Lofexidine (eases withdrawal)",
        "https://example.org://x",
        "first\n\nsecond\n\n\nthird\n\n",
        "\n\n",
        "programme programmeprogramme",
        "NHS 111",
        "añadir ünïcode (é) — ok",
        "aaaa",
    ];
    const NEEDLES: &[&str] = &[
        " (",
        "://",
        "\n\n",
        "programme",
        "111",
        "a",
        "aa",
        "é",
        "(é)",
        "—",
        "missing",
        "ok",
    ];

    #[test]
    fn each_agrees_with_the_standard_library() {
        for text in TEXTS {
            for needle in NEEDLES {
                assert_eq!(find(text, needle), text.find(needle), "{text:?} {needle:?}");
                assert_eq!(contains(text, needle), text.contains(needle));
                assert_eq!(split_once(text, needle), text.split_once(needle));
                assert_eq!(before(text, needle), text.split(needle).next().unwrap());
                let ours: Vec<&str> = split(text, needle).collect();
                assert_eq!(ours, text.split(needle).collect::<Vec<_>>(), "{text:?} {needle:?}");
                assert_eq!(replace(text, needle, "<>"), text.replace(needle, "<>"));
            }
            assert_eq!(find(text, ""), Some(0));
        }
    }
}

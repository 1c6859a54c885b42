//! Text for matching: case- and accent-folded words, prefix matches, and a little typo tolerance.

/// Lower-cases and strips common Latin accents: "Saint-Étienne Zürich" → "saint-etienne zurich".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appending to `out` (so the index build reuses one buffer).
pub fn fold_into(text: &str, out: &mut String) {
    // Most catalogue text is ASCII: copy and lower-case it in one go.
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let base = match c {
            'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => "a",
            'Æ' | 'æ' => "ae",
            'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => "c",
            'Ď' | 'ď' | 'Đ' | 'đ' | 'Ð' | 'ð' => "d",
            'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => "e",
            'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'Į' | 'į' | 'İ' | 'ı' => "i",
            'Ł' | 'ł' | 'Ľ' | 'ľ' => "l",
            'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' => "n",
            'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => "o",
            'Œ' | 'œ' => "oe",
            'Ř' | 'ř' => "r",
            'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' => "s",
            'ß' | 'ẞ' => "ss",
            'Ť' | 'ť' | 'Ţ' | 'ţ' => "t",
            'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => "u",
            'Ý' | 'ý' | 'ÿ' | 'Ÿ' => "y",
            'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
            '\u{2019}' | '\u{2018}' => "'",
            _ => {
                out.push(lower_case(c));
                continue;
            }
        };
        out.push_str(base);
    }
}

/// The lower case of a capital in the scripts a UK or US catalogue may hold: Latin (with Vietnamese),
/// Greek, Cyrillic, Armenian and full-width Latin. Written out, instead of `char::to_lowercase`, to keep
/// the full Unicode case tables (about 5 KB compressed) out of the widget's download.
fn lower_case(c: char) -> char {
    let n = c as u32;
    let even_upper = n % 2 == 0;
    let offset = match n {
        0xC0..=0xDE if n != 0xD7 => 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if even_upper => 1,
        0x139..=0x148 | 0x179..=0x17E if !even_upper => 1,
        0x178 => return 'ÿ',
        0x386 => 0x26,
        0x388..=0x38A => 0x25,
        0x38C => 0x40,
        0x38E..=0x38F => 0x3F,
        0x3CF => 8,
        0x391..=0x3AB if n != 0x3A2 => 0x20,
        0x3D8..=0x3EF if even_upper => 1,
        0x400..=0x40F => 0x50,
        0x410..=0x42F => 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if even_upper => 1,
        0x4C0 => 0xF,
        0x4C1..=0x4CE if !even_upper => 1,
        0x1E9E => return 'ß',
        0x531..=0x556 => 0x30,
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if even_upper => 1,
        0xFF21..=0xFF3A => 0x20,
        _ => 0,
    };
    char::from_u32(n + offset).unwrap_or(c)
}

/// Whether a character belongs to a word: letters and digits of any script. Outside ASCII, only the
/// blocks of spaces, punctuation, symbols and emoji are excluded (again without Unicode tables).
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c as u32,
        0x80..=0xBF | 0xD7 | 0xF7 // Latin-1 controls, spaces, punctuation and signs
        | 0x2000..=0x2BFF // General Punctuation to Miscellaneous Symbols and Arrows
        | 0x2E00..=0x2E7F | 0x3000..=0x303F // more punctuation; CJK spaces and punctuation
        | 0xFE10..=0xFE6F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
        | 0x1F000..=0x1FAFF // emoji and pictographs
    )
}

/// Folded words of a text: runs of letters and digits.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, &mut String::new(), |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each folded word of `text`, in order; `buf` is scratch space. The same words as
/// [`split_words`] of [`fold`], without folding the whole text first: ASCII text (nearly all of a
/// catalogue) is lower-cased and split in one pass over its bytes, which is most of the index's
/// text build.
pub fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let mut passed = 0;
    let mut word = |start: usize, end: usize, upper: bool| {
        let w = &text[start..end];
        if upper {
            buf.clear();
            buf.push_str(w);
            buf.make_ascii_lowercase();
            f(buf);
        } else {
            f(w);
        }
    };
    // The current word's start, and whether it has capitals to lower-case.
    let (mut start, mut upper) = (0, false);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b.is_ascii_alphanumeric() {
            upper |= b.is_ascii_uppercase();
            continue;
        }
        if b >= 0x80 {
            // Not ASCII after all: fold and split the whole text, skipping the words already
            // passed on (ASCII before this byte folds and splits the same either way).
            buf.clear();
            fold_into(text, buf);
            split_words(buf).skip(passed).for_each(f);
            return;
        }
        if i > start {
            word(start, i, upper);
            passed += 1;
        }
        (start, upper) = (i + 1, false);
    }
    if text.len() > start {
        word(start, text.len(), upper);
    }
}

/// The words of already-folded text.
pub fn split_words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

/// How many typos a word of this length may carry and still match.
pub fn typo_budget(word: &str) -> usize {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Optimal-string-alignment distance (Damerau–Levenshtein with adjacent swaps), giving up once it
/// must exceed `limit`.
pub fn within_distance(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let width = b.len() + 1;
    let mut prev2 = vec![0usize; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur = vec![0usize; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return false;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(
            fold("Saint-Étienne ZÜRICH Ñandú Łódź Straße"),
            "saint-etienne zurich nandu lodz strasse"
        );
        assert_eq!(words("St. Mary's, M1 2AB"), ["st", "mary", "s", "m1", "2ab"]);
    }

    #[test]
    fn lower_case_agrees_with_unicode_for_the_scripts_it_covers() {
        // Every character of these blocks whose Unicode lower case is one character.
        let blocks = [
            0xC0..0x180,
            0x386..0x3F0,
            0x400..0x530,
            0x531..0x557,
            0x1E00..0x1F00,
            0xFF21..0xFF3B,
        ];
        let mut checked = 0;
        let mut wrong = Vec::new();
        for n in blocks.into_iter().flatten() {
            let Some(c) = char::from_u32(n) else { continue };
            let mut unicode = c.to_lowercase();
            if let (Some(lower), None) = (unicode.next(), unicode.next()) {
                if lower_case(c) != lower {
                    wrong.push(format!("{c} U+{n:04X}"));
                }
                checked += 1;
            }
        }
        assert!(wrong.is_empty(), "{wrong:?}");
        assert!(checked > 400, "{checked}");
        assert_eq!(fold("ΑΘΗΝΑ Москва ԵՐԵՎԱՆ ĐÀ NẴNG"), "αθηνα москва երեվան da nẵng");
    }

    #[test]
    fn words_split_on_punctuation_and_symbols_of_any_script() {
        assert_eq!(
            words("Café—Zürich · Москва «центр» 北京、上海 🙂ok"),
            ["cafe", "zurich", "москва", "центр", "北京", "上海", "ok"]
        );
        assert_eq!(words("naïve ½"), ["naive"]);
    }

    #[test]
    fn typos() {
        assert!(within_distance("manchster", "manchester", 1));
        assert!(within_distance("worchester", "worcester", 1));
        assert!(within_distance("bristlo", "bristol", 1), "a swap is one typo");
        assert!(!within_distance("leeds", "leicester", 2));
        assert!(within_distance("", "", 0));
        assert_eq!(typo_budget("york"), 0);
        assert_eq!(typo_budget("bristol"), 1);
        assert_eq!(typo_budget("manchester"), 2);
    }
}

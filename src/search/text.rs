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
            'ß' => "ss",
            'Ť' | 'ť' | 'Ţ' | 'ţ' => "t",
            'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => "u",
            'Ý' | 'ý' | 'ÿ' | 'Ÿ' => "y",
            'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
            '\u{2019}' | '\u{2018}' => "'",
            _ => {
                out.extend(c.to_lowercase());
                continue;
            }
        };
        out.push_str(base);
    }
}

/// Folded words of a text: runs of letters and digits.
pub fn words(text: &str) -> Vec<String> {
    split_words(&fold(text)).map(str::to_string).collect()
}

/// The words of already-folded text.
pub fn split_words(folded: &str) -> impl Iterator<Item = &str> {
    // ASCII text splits on bytes, without decoding characters.
    let ascii = folded.is_ascii();
    let bytes = ascii.then(|| {
        folded
            .as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .map(|w| std::str::from_utf8(w).unwrap_or_default())
    });
    let chars = (!ascii).then(|| folded.split(|c: char| !c.is_alphanumeric()));
    bytes
        .into_iter()
        .flatten()
        .chain(chars.into_iter().flatten())
        .filter(|w| !w.is_empty())
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

//! Turning catalogue text into link targets. Only these functions produce `href`s, so no catalogue
//! string can become a `javascript:` or `data:` link.

use super::substring;

/// An `http(s)://` website address, or `None`. A bare domain gets `https://`.
pub fn safe_website_href(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty()
        || text
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '`' | '\\'))
    {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let url = if lower.starts_with("https://") || lower.starts_with("http://") {
        text.to_string()
    } else if !substring::contains(&lower, ":") && substring::contains(&lower, ".") && !lower.starts_with('/') {
        format!("https://{text}")
    } else {
        return None;
    };
    // What follows the scheme, up to a second "://" if there is one.
    let after = substring::split_once(&url, "://")?.1;
    let host = substring::before(after, "://").split(['/', '?', '#']).next()?;
    (!host.is_empty() && !host.starts_with('.')).then_some(url)
}

/// A `tel:` link from a phone number written for people ("0161 496 0000", "+1 (555) 010-0000").
pub fn tel_href(text: &str) -> Option<String> {
    let text = text.trim();
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'))
    {
        return None;
    }
    let digits: String = text.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    let plus_ok = digits.rfind('+').is_none_or(|i| i == 0);
    (plus_ok && (3..=20).contains(&digits.trim_start_matches('+').len())).then(|| format!("tel:{digits}"))
}

/// A `mailto:` link from a plain email address.
pub fn mailto_href(text: &str) -> Option<String> {
    let text = text.trim();
    let (user, domain) = text.split_once('@')?;
    let fine = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-'))
    };
    (fine(user) && fine(domain) && substring::contains(domain, ".") && !domain.starts_with('.'))
        .then(|| format!("mailto:{text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn websites() {
        assert_eq!(
            safe_website_href("https://example.org/a?b").as_deref(),
            Some("https://example.org/a?b")
        );
        assert_eq!(safe_website_href("example.org").as_deref(), Some("https://example.org"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<b>",
            "//evil",
            "https://",
            "http://x\" onmouseover=a",
            "vbscript:x",
            " ",
        ] {
            assert_eq!(safe_website_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn phones_and_emails() {
        assert_eq!(tel_href("0161 496 0000").as_deref(), Some("tel:01614960000"));
        assert_eq!(tel_href("+1 (555) 010-0000").as_deref(), Some("tel:+15550100000"));
        assert_eq!(tel_href("javascript:1"), None);
        assert_eq!(tel_href("12"), None);
        assert_eq!(
            mailto_href("help@example.org").as_deref(),
            Some("mailto:help@example.org")
        );
        assert_eq!(mailto_href("a@b"), None);
        assert_eq!(mailto_href("x@y.org?subject=<script>"), None);
    }
}

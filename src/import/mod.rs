//! Turning CSV files into catalogues: FindTreatment.gov exports ([`findtreatment`]) and the documented
//! one-row-per-clinic spreadsheet layout ([`spreadsheet`]). Native only (the CLI uses them).
//!
//! Every import ends by loading its own output with [`crate::catalogue::load`]: a catalogue that
//! would not load without errors is never handed back.

pub mod findtreatment;
// The CLI's coordinate filling; the workshop's browser build does not offer it.
#[cfg(not(target_arch = "wasm32"))]
pub mod places;
pub mod spreadsheet;

use std::collections::BTreeMap;
use std::fmt;

use crate::catalogue::{load, safe_website_href, tel_href, Catalogue, Severity};

/// A catalogue built from a CSV file, and what happened on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub catalogue: Catalogue,
    pub summary: Summary,
}

impl Imported {
    /// The catalogue as compact JSON, ready to publish.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.catalogue).unwrap_or_default() + "\n"
    }

    /// The catalogue as indented JSON, for reading.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.catalogue).unwrap_or_default() + "\n"
    }
}

/// A row left out of the catalogue, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Line in the CSV file (the header is line 1).
    pub row: usize,
    pub reason: String,
}

/// What an import did, for the person running it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Data rows in the file (not counting the header).
    pub rows_read: usize,
    pub clinics_written: usize,
    /// Rows folded into another row of the same site.
    pub rows_merged: usize,
    pub skipped: Vec<Skipped>,
    /// Source codes kept as information (extra features that are not filters, or, for a
    /// spreadsheet, the catalogue's own features): code → clinics.
    pub unmapped: BTreeMap<String, usize>,
    /// The `unmapped` codes were reported but not written (a FindTreatment import without
    /// `--keep-info`).
    pub info_left_out: bool,
    /// Values repaired or left out (websites, phones, ZIPs, odd flag values), by row.
    pub notes: Vec<String>,
    /// Warnings `validate` reports for the written catalogue (errors make the import fail).
    pub validation_warnings: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "rows read:        {}", self.rows_read)?;
        writeln!(f, "clinics written:  {}", self.clinics_written)?;
        writeln!(f, "rows merged:      {}", self.rows_merged)?;
        writeln!(f, "rows skipped:     {}", self.skipped.len())?;
        let mut reasons: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for s in &self.skipped {
            reasons.entry(&s.reason).or_default().push(s.row);
        }
        for (reason, rows) in reasons {
            let shown: Vec<String> = rows.iter().take(10).map(usize::to_string).collect();
            let more = if rows.len() > 10 { ", …" } else { "" };
            writeln!(f, "  {} × {reason} (rows {}{more})", rows.len(), shown.join(", "))?;
        }
        if !self.unmapped.is_empty() {
            let what = match self.info_left_out {
                true => "information-only codes, left out (--keep-info keeps them on each clinic)",
                false => "codes kept as information, not filters",
            };
            writeln!(
                f,
                "{what}: {}",
                self.unmapped
                    .iter()
                    .map(|(code, n)| format!("{code} ({n})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )?;
        }
        for note in &self.notes {
            writeln!(f, "note: {note}")?;
        }
        write!(
            f,
            "validation: 0 errors, {} warning{}",
            self.validation_warnings,
            if self.validation_warnings == 1 { "" } else { "s" }
        )
    }
}

/// Why an import produced no catalogue. Every problem is listed, with its row where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub problems: Vec<String>,
}

impl ImportError {
    pub fn new(problem: impl Into<String>) -> ImportError {
        ImportError {
            problems: vec![problem.into()],
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}

/// CSV bytes as text: UTF-8 with or without a byte-order mark, or Windows-1252 (which older
/// SAMHSA files and Excel on Windows produce).
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::new(
            "the file is saved as UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)",
        ));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    Ok(match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| cp1252(b)).collect(),
    })
}

/// One Windows-1252 byte as a character (the 0x80–0x9F range differs from Latin-1).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// A CSV reader over text with header cells trimmed (exports pad them with spaces).
/// A CSV reader over `text` (byte-order mark removed) and its header names, each passed through
/// `name` so every importer compares columns its own way.
fn csv_reader(text: &str, name: impl Fn(&str) -> String) -> Result<(csv::Reader<&[u8]>, Vec<String>), ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::Headers)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ImportError::new(format!("row 1: cannot read the header row: {e}")))?
        .iter()
        .map(name)
        .collect();
    Ok((reader, headers))
}

/// Line numbers (1-based) of record starts, counted incrementally from byte offsets. (The csv
/// crate's own line count is off by one on CRLF files.)
struct LineCounter<'a> {
    text: &'a str,
    byte: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter { text, byte: 0, line: 1 }
    }

    /// The line of a record, from its position (records come in file order).
    fn line_of(&mut self, record: &csv::StringRecord, fallback: usize) -> usize {
        let Some(pos) = record.position() else {
            return fallback;
        };
        let bytes = self.text.as_bytes();
        let mut to = (pos.byte() as usize).min(bytes.len());
        // On CRLF files the position can point at the previous line's `\n`.
        while to < bytes.len() && matches!(bytes[to], b'\r' | b'\n') {
            to += 1;
        }
        if to >= self.byte {
            self.line += bytes[self.byte..to].iter().filter(|&&b| b == b'\n').count();
            self.byte = to;
        }
        self.line
    }
}

/// Lower-case ASCII words joined by `-`, at most `max` characters: "Example Harbor (ME)" → "example-harbor-me".
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for ch in text.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    if out.len() > max {
        out.truncate(max);
        out = out.trim_end_matches('-').to_string();
    }
    out
}

/// An id that stays the same each time the same clinic is imported: the name as a slug, then a
/// short hash of name, address and postcode (so two branches with one name get different ids).
pub fn stable_id(name: &str, address: &[&str], postcode: &str) -> String {
    let mut key = name.trim().to_lowercase();
    for part in address.iter().chain([&postcode]) {
        key.push('|');
        key.push_str(&part.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase());
    }
    let hash = crc32fast::hash(key.as_bytes());
    let base = slug(name, 60);
    if base.is_empty() {
        format!("clinic-{hash:08x}")
    } else {
        format!("{base}-{hash:08x}")
    }
}

/// A website as an `https://`/`http://` address: adds `https://` when there is no scheme and
/// lower-cases the host only. `None` when it cannot be a safe link.
pub fn normalise_website(text: &str) -> Option<String> {
    let url = safe_website_href(text)?;
    let (scheme, rest) = url.split_once("://")?;
    let split = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    safe_website_href(&format!(
        "{}://{}{}",
        scheme.to_ascii_lowercase(),
        rest[..split].to_ascii_lowercase(),
        &rest[split..]
    ))
}

/// A phone number in a form `tel:` links accept, and its extension if it had one.
/// US numbers (10 digits, or 11 starting with 1) become `+1 NNN-NNN-NNNN`; others are kept as written.
pub fn normalise_phone(text: &str, assume_us: bool) -> Option<(String, Option<String>)> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let (number, ext) = match lower.find("ext").or_else(|| lower.find(['x', '#'])) {
        Some(i) => {
            let ext: String = lower[i..].chars().filter(char::is_ascii_digit).collect();
            (text[..i].trim(), (!ext.is_empty()).then_some(ext))
        }
        None => (text, None),
    };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let us_digits = match digits.len() {
        10 if assume_us || number.starts_with("+1") => Some(digits.as_str()),
        11 if digits.starts_with('1') && (assume_us || number.starts_with('+')) => Some(&digits[1..]),
        _ => None,
    };
    let formatted = match us_digits {
        Some(d) => format!("+1 {}-{}-{}", &d[0..3], &d[3..6], &d[6..10]),
        None => number.to_string(),
    };
    tel_href(&formatted).map(|_| (formatted, ext))
}

/// Loads the finished catalogue as the widget would. Errors fail the import; warnings are counted.
fn check(catalogue: Catalogue, summary: Summary) -> Result<Imported, ImportError> {
    check_rows(catalogue, summary, None)
}

/// [`check`], naming the source row of each clinic in problems (`rows[i]` is clinic `i`'s line).
fn check_rows(catalogue: Catalogue, mut summary: Summary, rows: Option<&[usize]>) -> Result<Imported, ImportError> {
    let json = serde_json::to_string(&catalogue).map_err(|e| ImportError::new(format!("cannot write JSON: {e}")))?;
    let loaded =
        load(&json).map_err(|d| ImportError::new(format!("the catalogue built from this file does not load: {d}")))?;
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| match d.record.as_ref().and_then(|r| rows?.get(r.index)) {
            Some(line) => format!("row {line}: {d}"),
            None => format!("the catalogue built from this file has an error: {d}"),
        })
        .collect();
    if !errors.is_empty() {
        return Err(ImportError { problems: errors });
    }
    summary.clinics_written = catalogue.clinics.len();
    summary.validation_warnings = loaded.diagnostics.len();
    Ok(Imported { catalogue, summary })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_ids_and_dates() {
        assert_eq!(
            slug("  EXAMPLE Valley (Wellness) / Clinic ", 80),
            "example-valley-wellness-clinic"
        );
        assert_eq!(slug("Ünïcode Ålpha", 80), "n-code-lpha");
        assert_eq!(slug("abc def ghi", 5), "abc-d");
        let a = stable_id("Example Harbor", &["120 Example Wharf Street"], "04101");
        assert_eq!(
            a,
            stable_id(" example harbor ", &["120  Example Wharf Street"], "04101")
        );
        assert_ne!(a, stable_id("Example Harbor", &["121 Example Wharf Street"], "04101"));
        assert!(a.starts_with("example-harbor-") && a.len() == "example-harbor-".len() + 8);
    }

    #[test]
    fn websites_and_phones() {
        assert_eq!(
            normalise_website("www.Example.ORG/Path").as_deref(),
            Some("https://www.example.org/Path")
        );
        assert_eq!(
            normalise_website("HTTP://Example.org").as_deref(),
            Some("http://example.org")
        );
        assert_eq!(normalise_website("  "), None);
        assert_eq!(normalise_website("javascript:alert(1)"), None);
        assert_eq!(
            normalise_phone("207-555-0142 x210", true),
            Some(("+1 207-555-0142".into(), Some("210".into())))
        );
        assert_eq!(
            normalise_phone("(207) 555.0142", true),
            Some(("+1 207-555-0142".into(), None))
        );
        assert_eq!(
            normalise_phone("1 207 555 0142", true),
            Some(("+1 207-555-0142".into(), None))
        );
        assert_eq!(
            normalise_phone("0161 496 0000", false),
            Some(("0161 496 0000".into(), None))
        );
        assert_eq!(normalise_phone("call us", true), None);
    }

    #[test]
    fn windows_1252_and_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFname").unwrap(), "name");
        assert_eq!(decode(b"Caf\xe9 \x93x\x94").unwrap(), "Café “x”");
        assert!(decode(b"\xFF\xFEn\0").is_err());
    }
}

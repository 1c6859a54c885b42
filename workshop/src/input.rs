//! A dropped file's bytes as text, and what kind of file it is, or a plain-words refusal.
//!
//! Spreadsheet programs save CSV in several encodings; UTF-8 (with or without a byte-order mark),
//! UTF-16 and Windows-1252 are all read, with a note when the file was not UTF-8. Files that are
//! not text at all (a workbook, a PDF, a picture) are named, with what to do instead.

use clinic_compare::catalogue::load::MAX_FILE_BYTES;
use clinic_compare::import::{decode, findtreatment::REQUIRED_COLUMNS};

/// What the workshop makes of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A FindTreatment.gov facility-listing export.
    FindTreatment,
    /// A spreadsheet in the template layout (data/clinics-template.csv), saved as CSV.
    Spreadsheet,
    /// A catalogue JSON file, as the widget reads it.
    Catalogue,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::FindTreatment => "findtreatment",
            Kind::Spreadsheet => "spreadsheet",
            Kind::Catalogue => "catalogue",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        [Kind::FindTreatment, Kind::Spreadsheet, Kind::Catalogue]
            .into_iter()
            .find(|k| k.code() == code)
    }

    /// How the report names it: "This file was read as …".
    pub fn described(self) -> &'static str {
        match self {
            Kind::FindTreatment => "a FindTreatment.gov export",
            Kind::Spreadsheet => "a spreadsheet in the template layout",
            Kind::Catalogue => "a catalogue file (JSON)",
        }
    }
}

/// A file ready to import.
#[derive(Debug)]
pub struct Text {
    pub text: String,
    pub kind: Kind,
    /// About the encoding, when it was not plain UTF-8.
    pub notes: Vec<String>,
}

/// Largest file the workshop reads: the catalogue loader's own limit (a national export is ~18 MB).
pub const MAX_BYTES: usize = MAX_FILE_BYTES;

/// Reads `bytes` as text and decides its kind (`chosen`, when the site owner picked one).
pub fn read(bytes: &[u8], file_name: &str, chosen: Option<Kind>) -> Result<Text, String> {
    if bytes.len() > MAX_BYTES {
        return Err(too_big(bytes.len()));
    }
    if let Some(what) = not_text(bytes) {
        return Err(what);
    }
    let (text, notes) = to_text(bytes)?;
    if text.trim().is_empty() {
        return Err(
            "The file is empty: there is nothing in it to read. Check that you picked the right file, \
                    and that it was saved after the clinics were typed in."
                .into(),
        );
    }
    let kind = chosen.unwrap_or_else(|| guess(&text, file_name));
    Ok(Text { text, kind, notes })
}

/// The refusal for a file over [`MAX_BYTES`].
pub fn too_big(bytes: usize) -> String {
    format!(
        "The file is {} MB, more than the {} MB the workshop can read. A national FindTreatment.gov export is \
         about 18 MB: check that this is the right file, or split the list into smaller files.",
        bytes.div_ceil(1024 * 1024),
        MAX_BYTES / (1024 * 1024)
    )
}

/// Names files that are not text by their first bytes, with what to do instead.
fn not_text(bytes: &[u8]) -> Option<String> {
    const SAVE_AS: &str = "In your spreadsheet program choose Save As (or Download) and pick \
                           \"CSV UTF-8 (comma delimited)\", then use that file here.";
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let what = if starts(b"PK\x03\x04") {
        format!("This is an Excel or OpenDocument workbook (or another zip file), not a CSV file. {SAVE_AS}")
    } else if starts(b"\xD0\xCF\x11\xE0") {
        format!("This is an old-style Excel workbook (.xls), not a CSV file. {SAVE_AS}")
    } else if starts(b"%PDF") {
        "This is a PDF document. The workshop reads CSV files (from a spreadsheet or FindTreatment.gov) and \
         catalogue JSON files."
            .to_string()
    } else if starts(b"\x89PNG") || starts(b"\xFF\xD8\xFF") || starts(b"GIF8") {
        "This is a picture, not a list of clinics. The workshop reads CSV files and catalogue JSON files.".into()
    } else if !starts(b"\xFF\xFE") && !starts(b"\xFE\xFF") && bytes.iter().take(4096).any(|&b| b == 0) {
        "This is not a text file, so it cannot be a CSV or JSON list of clinics. The workshop reads CSV files \
         and catalogue JSON files."
            .into()
    } else {
        return None;
    };
    Some(what)
}

/// The text, read as the CLI reads it (UTF-8, its byte-order mark, or Windows-1252), plus UTF-16.
fn to_text(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    let mut notes = Vec::new();
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some(utf16(rest, u16::from_le_bytes)),
        [0xFE, 0xFF, rest @ ..] => Some(utf16(rest, u16::from_be_bytes)),
        _ => None,
    };
    let text = match utf16 {
        Some(Ok(text)) => {
            notes.push(
                "The file is saved as UTF-16 text. The workshop read it, but the command-line tool needs \
                 UTF-8: the downloaded clinics.json is UTF-8."
                    .to_string(),
            );
            text
        }
        Some(Err(())) => {
            return Err(
                "The file says it is UTF-16 text but is damaged, so it cannot be read. Save it again \
                        as \"CSV UTF-8 (comma delimited)\"."
                    .into(),
            )
        }
        None => {
            let text = decode(bytes).map_err(|e| format!("The file cannot be read: {e}."))?;
            if std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).is_err() {
                notes.push(
                    "The file is not saved as UTF-8, so it was read as Windows-1252 (Western European). Check \
                     that letters such as é and ñ look right in the preview; if not, save the file as \
                     \"CSV UTF-8\"."
                        .to_string(),
                );
            }
            text
        }
    };
    Ok((text.strip_prefix('\u{feff}').unwrap_or(&text).to_string(), notes))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ()> {
    if bytes.len() % 2 != 0 {
        return Err(());
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| ())
}

/// JSON when it starts like JSON; a FindTreatment.gov export when its header has that export's
/// columns; otherwise the template layout (whose importer names any column it does not know).
fn guess(text: &str, file_name: &str) -> Kind {
    let start = text.trim_start();
    if start.starts_with('{') || start.starts_with('[') || file_name.to_ascii_lowercase().ends_with(".json") {
        return Kind::Catalogue;
    }
    let header = start.lines().next().unwrap_or("").to_ascii_lowercase();
    let columns: Vec<&str> = header.split(',').map(|c| c.trim().trim_matches('"').trim()).collect();
    let shared = REQUIRED_COLUMNS.iter().filter(|c| columns.contains(c)).count();
    if shared * 2 >= REQUIRED_COLUMNS.len() {
        Kind::FindTreatment
    } else {
        Kind::Spreadsheet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_guessed_from_the_content() {
        let read_kind = |text: &str, name: &str| read(text.as_bytes(), name, None).unwrap().kind;
        assert_eq!(read_kind(" {\"clinics\": []}", "x.txt"), Kind::Catalogue);
        assert_eq!(
            read_kind("name1,street1,city,state,zip\nA,1,B,MA,01000", "x.csv"),
            Kind::FindTreatment
        );
        assert_eq!(read_kind("id,name,town,country\n,A,B,GB", "x.csv"), Kind::Spreadsheet);
        assert_eq!(read_kind("a,b\n1,2", "x.csv"), Kind::Spreadsheet);
    }

    #[test]
    fn encodings_are_read_with_a_note() {
        let utf8 = read(b"\xEF\xBB\xBFname,town\nCaf\xC3\xA9,York", "x.csv", None).unwrap();
        assert_eq!(utf8.text, "name,town\nCafé,York");
        assert!(utf8.notes.is_empty());
        let cp1252 = read(b"name,town\nCaf\xE9,York", "x.csv", None).unwrap();
        assert_eq!(cp1252.text, "name,town\nCafé,York");
        assert!(cp1252.notes[0].contains("Windows-1252"));
        let mut le = vec![0xFF, 0xFE];
        le.extend("name,town\nCafé,York".encode_utf16().flat_map(u16::to_le_bytes));
        let utf16 = read(&le, "x.csv", None).unwrap();
        assert_eq!(utf16.text, "name,town\nCafé,York");
        assert!(utf16.notes[0].contains("UTF-16"));
        let mut be = vec![0xFE, 0xFF];
        be.extend("{}".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(read(&be, "x", None).unwrap().kind, Kind::Catalogue);
        assert!(read(&[0xFF, 0xFE, 0x41], "x", None).unwrap_err().contains("damaged"));
    }

    #[test]
    fn non_text_and_empty_files_are_refused_in_plain_words() {
        assert!(read(b"PK\x03\x04rest", "x.xlsx", None)
            .unwrap_err()
            .contains("workbook"));
        assert!(read(b"%PDF-1.7", "x.pdf", None).unwrap_err().contains("PDF"));
        assert!(read(b"\x89PNG\r\n", "x.png", None).unwrap_err().contains("picture"));
        assert!(read(b"ab\0cd", "x.bin", None).unwrap_err().contains("not a text file"));
        assert!(read(b"", "x.csv", None).unwrap_err().contains("empty"));
        assert!(read(b" \r\n\t", "x.csv", None).unwrap_err().contains("empty"));
        assert!(too_big(200 * 1024 * 1024).contains("200 MB"));
    }
}

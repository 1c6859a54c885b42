//! FindTreatment.gov facility-listing CSV exports (SAMHSA's public treatment locator) as a catalogue.
//!
//! The format is described in `docs/findtreatment-format.md` and `docs/catalogue.md`: 17 identity
//! columns, then one `1`/empty flag column per SAMHSA service code. The import runs in named steps:
//! read the rows → merge the rows of one site (a site in both the substance-use (`SU`) and
//! mental-health (`MH`) directories has a row in each: flags OR-ed, the SU row's contact details
//! preferred) → select the sites that belong (an SU row; treats opioid use disorder) → map each
//! site's codes through the decision table ([`codes`], `data/findtreatment-codes.csv`) and derive
//! what the codes imply together ([`clinic`]). Every code is placed: a vocabulary value, information
//! (reported; kept on the clinic with [`Options::keep_info`]), or a reason to leave the site out, and
//! the summary reports each.

mod clinic;
pub mod codes;
mod site;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{check, csv_reader, ImportError, Imported, Skipped, Summary};
use crate::catalogue::{Catalogue, ExtraFeature, Publisher};
pub use codes::{Code, Target, Use};
use site::{exclusion, Row};

/// The identity, contact and location columns; every other column is a service flag.
pub const IDENTITY_COLUMNS: [&str; 17] = [
    "name1",
    "name2",
    "street1",
    "street2",
    "city",
    "state",
    "zip",
    "zip4",
    "county",
    "phone",
    "intake_prompt",
    "intake1",
    "intake2",
    "website",
    "latitude",
    "longitude",
    "type_facility",
];

/// Columns without which rows cannot be told apart or placed.
pub const REQUIRED_COLUMNS: [&str; 6] = ["name1", "street1", "city", "state", "zip", "type_facility"];

/// Settings for an import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The export date, `YYYY-MM-DD` (see [`export_date_from_file_name`]). Required: the import
    /// fails without it rather than date the data today.
    pub export_date: Option<String>,
    /// Keep sites that say they do not treat opioid use disorder (flagged in their summary).
    pub keep_non_opioid: bool,
    /// Keep the information-only codes on each clinic (`info_features`). Off by default: the
    /// widget never reads them, and they are about a fifth of a national catalogue.
    pub keep_info: bool,
}

/// The date in an export's file name, e.g. `FindTreament_Facility_listing_2025_08_19_150020.csv`
/// → `2025-08-19`.
pub fn export_date_from_file_name(name: &str) -> Option<String> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let window = &name.get(i..i + 10)?;
        let b = window.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let sep = b[4];
        let date = (digits(0..4)
            && digits(5..7)
            && digits(8..10)
            && matches!(sep, b'_' | b'-')
            && b[7] == sep
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 10).is_none_or(|c| !c.is_ascii_digit()))
        .then(|| format!("{}-{}-{}", &window[0..4], &window[5..7], &window[8..10]))?;
        crate::catalogue::load::is_date(&date).then_some(date)
    })
}

/// Reads a FindTreatment.gov export (text already decoded, see [`super::decode`]).
pub fn import(text: &str, options: &Options) -> Result<Imported, ImportError> {
    let (mut reader, headers) = csv_reader(text, |h| h.trim().to_ascii_lowercase())?;
    let mut summary = Summary::default();
    check_header(&headers, &mut summary)?;
    let rows = read_rows(&mut reader, &headers, text, &mut summary);
    let sites = select_sites(merge_sites(rows), options, &mut summary);
    let mut clinics = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for site in sites {
        summary.rows_merged += site.len() - 1;
        let mut c = clinic::build(&site, options.keep_non_opioid, &mut summary);
        c.id = unique_id(c.id, &mut ids);
        for code in &c.info_features {
            *summary.unmapped.entry(code.clone()).or_default() += 1;
            used.insert(code.clone());
        }
        if !options.keep_info {
            c.info_features.clear();
        }
        clinics.push(c);
    }
    if clinics.is_empty() {
        return Err(ImportError::new(format!(
            "no substance-use facilities that treat opioid use disorder in this file ({} rows read, {} skipped)",
            summary.rows_read,
            summary.skipped.len()
        )));
    }
    summary.info_left_out = !options.keep_info;
    let date = options.export_date.clone().ok_or_else(|| {
        ImportError::new(
            "the export date is unknown: the file name carries none (FindTreatment.gov names its exports \
             …_YYYY_MM_DD_….csv). Give the date the listing was downloaded with --updated YYYY-MM-DD; \
             the catalogue will not claim to be fresher than it is.",
        )
    })?;
    if !crate::catalogue::load::is_date(&date) {
        return Err(ImportError::new(format!(
            "the export date \"{date}\" is not YYYY-MM-DD"
        )));
    }
    let catalogue = Catalogue {
        schema_version: 1,
        publisher: publisher(date),
        questions: Vec::new(),
        extra_features: match options.keep_info {
            true => used.iter().map(|c| extra_feature(c)).collect(),
            false => Vec::new(),
        },
        translations: Default::default(),
        clinics,
    };
    check(catalogue, summary)
}

/// Fails on a file that is not an export; notes columns the key does not have, and codes of the
/// key the file does not have.
fn check_header(headers: &[String], summary: &mut Summary) -> Result<(), ImportError> {
    let missing: Vec<&str> = REQUIRED_COLUMNS
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::new(format!(
            "this does not look like a FindTreatment.gov export: the header has no {} column{} (found: {})",
            missing.join(", "),
            if missing.len() == 1 { "" } else { "s" },
            headers.iter().take(8).cloned().collect::<Vec<_>>().join(", ")
        )));
    }
    let unknown: Vec<&str> = headers
        .iter()
        .filter(|h| !h.is_empty() && !IDENTITY_COLUMNS.contains(&h.as_str()) && codes::code(h).is_none())
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        summary.notes.push(format!(
            "columns not in the service-code key, kept as information labelled with their code: {}",
            unknown.join(", ")
        ));
    }
    let absent = codes::codes().iter().filter(|c| !headers.contains(&c.code)).count();
    if absent > 0 {
        summary.notes.push(format!(
            "{absent} service codes of the key are not columns of this export; they are unknown, not \"no\", for every clinic"
        ));
    }
    Ok(())
}

/// The data rows that can be placed; the others are reported with their line and reason.
fn read_rows(reader: &mut csv::Reader<&[u8]>, headers: &[String], text: &str, summary: &mut Summary) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut odd_flags: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut lines = super::LineCounter::new(text);
    for (i, record) in reader.records().enumerate() {
        summary.rows_read += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                summary.skipped.push(Skipped {
                    row: i + 2,
                    reason: format!("unreadable CSV row ({e})"),
                });
                continue;
            }
        };
        let line = lines.line_of(&record, i + 2);
        if record.len() != headers.len() {
            summary.notes.push(format!(
                "row {line}: has {} fields where the header has {}; read by column name",
                record.len(),
                headers.len()
            ));
        }
        match row(line, headers, &record, &mut odd_flags) {
            Ok(r) => rows.push(r),
            Err(reason) => summary.skipped.push(Skipped { row: line, reason }),
        }
    }
    for (flag, lines) in &odd_flags {
        summary.notes.push(format!(
            "flag value {flag} on {} row(s) (first: row {}) counted as no; only 1 means yes",
            lines.len(),
            lines[0]
        ));
    }
    rows
}

/// One record as a row, or why it cannot be placed.
fn row(
    line: usize,
    headers: &[String],
    record: &csv::StringRecord,
    odd_flags: &mut BTreeMap<String, Vec<usize>>,
) -> Result<Row, String> {
    let mut row = Row {
        line,
        su: false,
        text: HashMap::new(),
        flags: BTreeSet::new(),
    };
    for (header, value) in headers.iter().zip(record.iter()) {
        let value = value.trim();
        if let Some(column) = IDENTITY_COLUMNS.iter().find(|c| *c == header) {
            row.text.insert(column, value.to_string());
        } else if value == "1" {
            row.flags.insert(header.clone());
        } else if !value.is_empty() {
            odd_flags.entry(format!("{header}={value}")).or_default().push(line);
        }
    }
    match row.get("type_facility").to_ascii_uppercase().as_str() {
        "SU" => row.su = true,
        "MH" => {}
        other => return Err(format!("column type_facility is \"{other}\", not SU or MH")),
    }
    let blank: Vec<&str> = ["name1", "street1", "city"]
        .into_iter()
        .filter(|c| row.get(c).is_empty())
        .collect();
    if !blank.is_empty() {
        return Err(format!("column {} empty", blank.join(", ")));
    }
    Ok(row)
}

/// Rows grouped by site (name, street, city and state, ignoring case and spacing), in file order.
fn merge_sites(rows: Vec<Row>) -> Vec<Vec<Row>> {
    let mut sites: Vec<Vec<Row>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let key = ["name1", "street1", "city", "state"]
            .map(|c| {
                row.get(c)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .join("|");
        match by_key.get(&key) {
            Some(&i) => sites[i].push(row),
            None => {
                by_key.insert(key, sites.len());
                sites.push(vec![row]);
            }
        }
    }
    sites
}

/// The sites that belong in an opioid-treatment catalogue, SU rows first in each (their contact
/// details are preferred). Left out, and reported row by row: sites only in the mental-health
/// directory, and (unless kept) sites whose every SU row has a code of [`Use::Exclude`].
fn select_sites(sites: Vec<Vec<Row>>, options: &Options, summary: &mut Summary) -> Vec<Vec<Row>> {
    let mut kept = Vec::new();
    for mut site in sites {
        let reason = if !site.iter().any(|r| r.su) {
            Some("mental-health directory only (no substance-use row for this site)".to_string())
        } else {
            exclusion(&site)
                .filter(|_| !options.keep_non_opioid)
                .map(|codes| format!("not for opioid use disorder ({codes}); --keep-non-opioid keeps such sites"))
        };
        match reason {
            Some(reason) => summary.skipped.extend(site.iter().map(|r| Skipped {
                row: r.line,
                reason: reason.clone(),
            })),
            None => {
                site.sort_by_key(|r| (!r.su, r.line));
                kept.push(site);
            }
        }
    }
    kept
}

/// `id`, or `id-2`, `id-3`… when it is taken.
fn unique_id(id: String, ids: &mut BTreeSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while ids.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    ids.insert(candidate.clone());
    candidate
}

/// A code kept as information: labelled with its official meaning, not offered as a filter.
fn extra_feature(code: &str) -> ExtraFeature {
    let label = match codes::code(code) {
        Some(c) if !c.meaning.is_empty() => c.meaning.clone(),
        Some(_) => format!(
            "FindTreatment.gov code {} (meaning not confirmed)",
            code.to_ascii_uppercase()
        ),
        None => format!(
            "FindTreatment.gov code {} (not in our code key)",
            code.to_ascii_uppercase()
        ),
    };
    ExtraFeature {
        code: code.to_string(),
        label,
        explanation: None,
        filter: false,
    }
}

fn publisher(date: String) -> Publisher {
    Publisher {
        name: "FindTreatment.gov facility listing".into(),
        url: Some("https://findtreatment.gov/".into()),
        contact: None,
        attribution: Some(format!(
            "Source: SAMHSA, FindTreatment.gov (export of {date}). Services change: confirm them with the facility."
        )),
        updated: date,
        licence: Some(
            "US federal government data (SAMHSA): public domain; not to be resold or redistributed for a fee without SAMHSA's permission"
                .into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_dates_from_file_names() {
        assert_eq!(
            export_date_from_file_name("FindTreament_Facility_listing_2025_08_19_150020.csv").as_deref(),
            Some("2025-08-19")
        );
        assert_eq!(
            export_date_from_file_name("listing-2024-02-29.csv").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(export_date_from_file_name("listing_2025_13_19.csv"), None);
        assert_eq!(export_date_from_file_name("listing.csv"), None);
        assert_eq!(export_date_from_file_name("x12025_08_19.csv"), None);
    }
}

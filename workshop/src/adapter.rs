//! The one place the workshop calls the importers (`clinic_compare::import`), so a change to their
//! options touches only this file.

use clinic_compare::import::{findtreatment, spreadsheet, ImportError, Imported};
use serde::Deserialize;

use crate::input::Kind;

/// The site owner's choices on the page (JSON from the page's form).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// "auto" or a [`Kind`] code.
    pub kind: String,
    /// Date the list was last checked, `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// Who publishes the catalogue (spreadsheets); the file name when empty.
    pub publisher: Option<String>,
    /// FindTreatment.gov exports: keep sites that say they do not treat opioid use disorder
    /// (the CLI's `--keep-non-opioid`).
    pub keep_non_opioid: bool,
    /// FindTreatment.gov exports: keep the information-only codes on each clinic (`--keep-info`).
    pub keep_info: bool,
}

impl Settings {
    pub fn from_json(json: &str) -> Settings {
        serde_json::from_str(json).unwrap_or_default()
    }

    pub fn chosen_kind(&self) -> Option<Kind> {
        Kind::from_code(&self.kind)
    }

    fn updated(&self) -> Option<String> {
        self.updated
            .clone()
            .filter(|d| !d.trim().is_empty())
            .map(|d| d.trim().to_string())
    }
}

/// How the catalogue's date was chosen, for the report.
pub enum Dated {
    Given,
    FromFileName(String),
    /// A spreadsheet's newest `last_verified` date.
    FromRows,
}

/// Why a spreadsheet with no date anywhere is not imported (the importer's message names the
/// command line's option).
pub const NO_SHEET_DATE: &str = "nothing in the file says when the list was last checked: its name has no date \
     and the last_verified column is empty. Fill in \"Date the list was last checked\", so families are not told \
     the list is fresher than it is";

/// Why a FindTreatment.gov export whose file name has no date is not imported.
pub const NO_EXPORT_DATE: &str = "the file name has no date, so the workshop cannot tell when this export was \
     made. Fill in \"Date the list was last checked\" with the day you downloaded it from FindTreatment.gov";

/// Imports a CSV `text` of `kind` (not [`Kind::Catalogue`]) with the settings.
pub fn import(kind: Kind, text: &str, file_name: &str, settings: &Settings) -> (Result<Imported, ImportError>, Dated) {
    let (date, dated) = match (settings.updated(), findtreatment::export_date_from_file_name(file_name)) {
        (Some(d), _) => (Some(d), Dated::Given),
        (None, Some(d)) => (Some(d.clone()), Dated::FromFileName(d)),
        // An export is dated by the day it was downloaded, never silently today.
        (None, None) if kind == Kind::FindTreatment => return (Err(ImportError::new(NO_EXPORT_DATE)), Dated::Given),
        // A spreadsheet may still date itself by its rows' last_verified.
        (None, None) => (None, Dated::FromRows),
    };
    let outcome = match kind {
        Kind::FindTreatment => findtreatment::import(
            text,
            &findtreatment::Options {
                export_date: date,
                keep_non_opioid: settings.keep_non_opioid,
                keep_info: settings.keep_info,
            },
        ),
        _ => spreadsheet::import(
            text,
            &spreadsheet::Options {
                publisher: settings
                    .publisher
                    .clone()
                    .filter(|p| !p.trim().is_empty())
                    .unwrap_or_else(|| publisher_from(file_name)),
                updated: date,
            },
        )
        .map_err(|e| match e.problems.as_slice() {
            [p] if p == spreadsheet::NO_DATE => ImportError::new(NO_SHEET_DATE),
            _ => e,
        }),
    };
    (outcome, dated)
}

/// The file name without its extension, as the CLI names a spreadsheet's publisher.
fn publisher_from(file_name: &str) -> String {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem).trim();
    if stem.is_empty() {
        "Clinic catalogue".into()
    } else {
        stem.into()
    }
}

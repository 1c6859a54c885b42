//! Spreadsheets saved as CSV, one row per clinic (layout in docs/catalogue.md).

use super::{ImportError, Imported};

/// Settings for a spreadsheet import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub publisher: String,
    /// `YYYY-MM-DD`; today when not given.
    pub updated: Option<String>,
}

pub fn import(_text: &str, _options: &Options) -> Result<Imported, ImportError> {
    Err(ImportError::new("not yet"))
}

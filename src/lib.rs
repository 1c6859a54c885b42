//! clinic-compare: a widget for families comparing opioid-treatment clinics.
//!
//! Data flows one way: element attributes → config → catalogue → index → query → view.

pub mod catalogue;
pub mod search;

/// Importers from CSV (FindTreatment.gov exports, spreadsheets). Native only: the CLI uses them.
#[cfg(not(target_arch = "wasm32"))]
pub mod import;

pub mod embed;
pub mod ui;

//! clinic-compare: a widget for families comparing opioid-treatment clinics.
//!
//! Data flows one way: element attributes → config → catalogue → index → query → view.

/// The element's settings, read from its attributes: pure, imported by `embed` and `ui` alike.
pub mod config;

pub mod catalogue;
pub mod search;

/// Importers from CSV (FindTreatment.gov exports, spreadsheets): the CLI's, and in the browser the
/// catalogue workshop's (feature `import`); never in the widget.
#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
pub mod import;

pub mod embed;
pub mod ui;

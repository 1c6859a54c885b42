//! clinic-compare: a widget for families comparing opioid-treatment clinics.
//!
//! Data flows one way: element attributes → config → catalogue → index → query → view.

pub mod catalogue;
pub mod search;

pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;

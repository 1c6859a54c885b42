//! clinic-compare: a widget for families comparing opioid-treatment clinics.
//!
//! Data flows one way: element attributes → config → catalogue → index → query → view.

pub mod catalogue;
pub mod search;

pub mod embed;
pub mod ui;

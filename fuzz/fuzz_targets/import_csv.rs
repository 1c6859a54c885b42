//! Any bytes as a spreadsheet or FindTreatment export: importing never panics (with and without an
//! export date, keeping or leaving out sites that are not for opioid treatment).
#![no_main]
use libfuzzer_sys::fuzz_target;

use clinic_compare::import::{findtreatment, spreadsheet};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = spreadsheet::import(text, &Default::default());
        let _ = findtreatment::import(text, &Default::default());
        let dated = findtreatment::Options {
            export_date: Some("2025-08-19".into()),
            keep_non_opioid: data.len() % 2 == 0,
            keep_info: data.len() % 3 == 0,
        };
        let _ = findtreatment::import(text, &dated);
    }
});

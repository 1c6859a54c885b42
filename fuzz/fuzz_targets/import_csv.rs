//! Any bytes as a spreadsheet or FindTreatment export: importing never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = clinic_compare::import::spreadsheet::import(text, &Default::default());
        let _ = clinic_compare::import::findtreatment::import(text, &Default::default());
    }
});

//! Any bytes as a catalogue: loading never panics, and every problem names where it is.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match clinic_compare::catalogue::load(text) {
            Ok(loaded) => assert!(loaded.diagnostics.iter().all(|d| !d.path.is_empty())),
            Err(d) => assert!(!d.message.is_empty()),
        }
    }
});

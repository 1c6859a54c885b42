//! Any attribute values: the widget's configuration never panics and stays within its bounds.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parts: Vec<&str> = text.split('\u{0}').collect();
    let attrs = clinic_compare::config::ATTRIBUTES;
    let (config, warnings) = clinic_compare::config::Config::from_attributes(|name| {
        attrs.iter().position(|a| *a == name).and_then(|i| parts.get(i)).map(|s| s.to_string())
    });
    assert!((2..=6).contains(&config.max_compare));
    // At most one warning per attribute, always naming it.
    for a in attrs {
        assert!(warnings.iter().filter(|w| w.attribute == a).count() <= 1, "{a}");
    }
});

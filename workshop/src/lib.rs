//! The catalogue workshop's engine: the CLI's importers and validation (`clinic_compare::import`,
//! `clinic_compare::catalogue`), compiled to a WebAssembly bundle of its own that runs in a Web
//! Worker on the site owner's page (`workshop/www/`). Nothing here touches the network.
//!
//! One call, [`examine`]: a file's bytes in, the report (JSON, see [`report::Report`]) out.

pub mod adapter;
pub mod input;
pub mod report;

use adapter::Settings;
use report::Report;

/// Reads, imports and checks one file; `progress` is told (clinics checked, clinics in all).
pub fn examine_with(bytes: &[u8], file_name: &str, settings: &Settings, progress: report::Progress) -> Report {
    let file = match input::read(bytes, file_name, settings.chosen_kind()) {
        Ok(file) => file,
        Err(message) => return report::refused(message),
    };
    match file.kind {
        input::Kind::Catalogue => report::from_catalogue(file.text, file.notes, progress),
        kind => {
            let (outcome, dated) = adapter::import(kind, &file.text, file_name, settings);
            report::from_import(kind, outcome, dated, file.notes, progress)
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::*;

    /// [`super::examine_with`] for JavaScript: `settings` is the page's form as JSON, `progress` a
    /// function called with (checked, total). Returns `[report as JSON, catalogue as UTF-8 bytes or
    /// null]`: bytes go into a Blob without a trip through a JavaScript string.
    #[wasm_bindgen]
    pub fn examine(bytes: &[u8], file_name: &str, settings: &str, progress: &js_sys::Function) -> js_sys::Array {
        let settings = super::Settings::from_json(settings);
        let mut tell = |done: usize, total: usize| {
            let _ = progress.call2(&JsValue::NULL, &(done as f64).into(), &(total as f64).into());
        };
        let report = super::examine_with(bytes, file_name, &settings, &mut tell);
        let json =
            serde_json::to_string(&report).unwrap_or_else(|e| format!("{{\"refused\":\"internal error: {e}\"}}"));
        let catalogue = match &report.catalogue {
            Some(text) => js_sys::Uint8Array::from(text.as_bytes()).into(),
            None => JsValue::NULL,
        };
        js_sys::Array::of2(&json.into(), &catalogue)
    }
}

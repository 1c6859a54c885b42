//! Fetching the glossary file (what each term means, the cautions, the note on sources) beside the
//! catalogue. The loader (`www/clinic-compare.js`) knows the file's content-hashed name and starts
//! the download as soon as an element is on the page; it hands the widget a function that returns
//! the file's text for a language, downloaded once and shared by every widget on the page.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::catalogue::glossary;

thread_local! {
    /// The loader's `(language, seconds) → Promise<text>` function.
    static SOURCE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Keeps the loader's glossary function, if `source` is one.
pub fn adopt_glossary_source(source: JsValue) {
    if let Ok(function) = source.dyn_into::<js_sys::Function>() {
        SOURCE.with(|s| *s.borrow_mut() = Some(function));
    }
}

/// Starts (or joins) the download of a language's glossary, unless it is installed already: the
/// loader's promise of its text, which gives up after `timeout_seconds`. (Waited on from the start,
/// so a failure before the catalogue is in is not reported to the page as unhandled.)
pub fn start_glossary(language: &'static str, timeout_seconds: u32) -> Option<JsFuture> {
    if glossary::installed(language).is_some() {
        return None;
    }
    let source = SOURCE.with(|s| s.borrow().clone())?;
    let promise = source.call2(&JsValue::NULL, &language.into(), &timeout_seconds.into());
    promise.ok()?.dyn_into::<js_sys::Promise>().ok().map(JsFuture::from)
}

/// Waits for the download [`start_glossary`] started and installs the file: whether the language's
/// glossary is there. A failure is logged for the site owner.
pub async fn finish_glossary(language: &'static str, download: Option<JsFuture>) -> bool {
    if let Some(download) = download {
        let installed = match download.await.map(|text| text.as_string()) {
            Ok(Some(text)) => {
                glossary::install(&text).map_err(|e| format!("it is not a glossary file (at \"{}\")", e.path))
            }
            Ok(None) => Err("it is not text".into()),
            Err(e) => Err(e
                .dyn_into::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default()),
        };
        if let Err(why) = installed {
            let message = format!("clinic-compare: the explanations of terms could not be loaded: {why}");
            web_sys::console::warn_1(&message.into());
        }
    }
    glossary::installed(language).is_some()
}

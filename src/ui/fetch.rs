//! Fetching the catalogue file, with messages a site owner and a family can both understand.

use std::rc::Rc;

use gloo_net::http::Request;
use gloo_timers::callback::Timeout;

use super::app::Ready;
use super::query::Engine;
use crate::catalogue::load;

/// Why the catalogue could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// Shown in the widget, in plain words.
    pub message: String,
    /// Logged to the console for the site owner.
    pub detail: String,
    /// Whether "Try again" may help.
    pub retry: bool,
}

const SORRY: &str = "Sorry, we couldn't load the list of clinics.";

/// Fetches and loads the catalogue. `timeout_seconds` bounds the wait for the server's answer (not
/// the download itself, which may be slow on a poor connection).
pub async fn fetch_catalogue(url: &str, timeout_seconds: u32) -> Result<Ready, LoadError> {
    let fail = |message: &str, detail: String, retry: bool| LoadError {
        message: message.to_string(),
        detail: format!("clinic-compare: could not load the catalogue \"{url}\": {detail}"),
        retry,
    };
    let controller = web_sys::AbortController::new().ok();
    let timer = controller
        .clone()
        .map(|c| Timeout::new(timeout_seconds * 1000, move || c.abort()));
    let request = Request::get(url).abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let response = request.send().await.map_err(|e| {
        if controller.as_ref().is_some_and(|c| c.signal().aborted()) {
            fail(
                &format!("{SORRY} The server took too long to answer. Please try again."),
                format!("no answer after {timeout_seconds} seconds"),
                true,
            )
        } else {
            fail(
                &format!("{SORRY} Please check your connection and try again."),
                format!("network error or blocked by CORS ({e})"),
                true,
            )
        }
    })?;
    drop(timer);
    if !response.ok() {
        return Err(fail(
            &format!("{SORRY} Please try again later."),
            format!("the server answered {} {}", response.status(), response.status_text()),
            true,
        ));
    }
    let text = response.text().await.map_err(|e| {
        fail(
            &format!("{SORRY} Please try again."),
            format!("could not read the response ({e})"),
            true,
        )
    })?;
    let content_type = response
        .headers()
        .get("content-type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if content_type.contains("text/html") || text.trim_start().starts_with('<') {
        return Err(fail(
            &format!("{SORRY} Please try again later."),
            "the address returned a web page (HTML), not a JSON catalogue; check the catalogue attribute".into(),
            true,
        ));
    }
    if !content_type.contains("json") {
        web_sys::console::warn_1(
            &format!("clinic-compare: the catalogue \"{url}\" is served as \"{content_type}\"; please serve it as application/json").into(),
        );
    }
    let loaded = load(text).map_err(|d| {
        fail(
            &format!("{SORRY} The list is not in a form this finder can read."),
            d.to_string(),
            true,
        )
    })?;
    // Tell the site owner exactly what was skipped or fixed; the family sees the valid clinics.
    let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    for p in &problems {
        web_sys::console::warn_1(&format!("clinic-compare: catalogue \"{url}\": {p}").into());
    }
    Ok(Ready {
        engine: Engine::new(loaded.clinics, loaded.extra_features),
        questions: Rc::new(loaded.questions),
        publisher: loaded.publisher,
        problems,
    })
}

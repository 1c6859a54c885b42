//! Fetching the catalogue file, with messages a site owner and a family can both understand.

use gloo_net::http::Request;

use crate::catalogue::Catalogue;

/// Why the catalogue could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// Shown in the widget, in plain words.
    pub message: String,
    /// Logged to the console for the site owner.
    pub detail: String,
}

pub async fn fetch_catalogue(url: &str) -> Result<Catalogue, LoadError> {
    let fail = |detail: String| LoadError {
        message: "Sorry, we couldn't load the list of clinics. Please try again later.".into(),
        detail: format!("clinic-compare: could not load the catalogue \"{url}\": {detail}"),
    };
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| fail(format!("network error ({e})")))?;
    if !response.ok() {
        return Err(fail(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let text = response
        .text()
        .await
        .map_err(|e| fail(format!("could not read the response ({e})")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    serde_json::from_str::<Catalogue>(text)
        .map_err(|e| fail(format!("it is not a valid catalogue: {e}")))
}

//! Fetching the catalogue file, with messages a site owner and a family can both understand.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::loaded::Ready;
use super::query::Engine;
use crate::catalogue::text::Ui;
use crate::catalogue::{substring, Loader, Severity};

/// Why the catalogue could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// Shown in the widget, in plain words (in the widget's language when it is shown).
    pub message: Ui,
    /// Logged to the console for the site owner.
    pub detail: String,
    /// Whether "Try again" may help.
    pub retry: bool,
}

/// Work done between two chances for the page to respond, well under the 50 ms after which input
/// feels stuck.
const SLICE_MS: f64 = 30.0;
/// Clinics checked between two looks at the clock.
const BATCH: usize = 50;

/// Gives the browser a turn (input, painting) before the next slice of work: `scheduler.yield()`
/// where the browser has it, else a zero timeout (which browsers stretch to 4 ms after a few).
async fn breathe() {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into())
        .ok()
        .filter(|s| s.is_object());
    let yield_now = scheduler.as_ref().and_then(|s| {
        let function = js_sys::Reflect::get(s, &"yield".into()).ok()?;
        let promise = function.dyn_into::<js_sys::Function>().ok()?.call0(s).ok()?;
        promise.dyn_into::<js_sys::Promise>().ok()
    });
    // The zero timeout as a promise too: one kind of future (JsFuture) serves both, and gloo's
    // timer future would bring a channel type of its own into the download.
    let promise = yield_now.unwrap_or_else(|| js_sys::Promise::new(&mut zero_timeout));
    drop(JsFuture::from(promise).await);
}

/// A promise executor that resolves on a zero timeout (at once if there is no window to ask).
fn zero_timeout(resolve: js_sys::Function, _reject: js_sys::Function) {
    let set = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
    if !matches!(set, Some(Ok(_))) {
        resolve.call0(&wasm_bindgen::JsValue::UNDEFINED).ok();
    }
}

/// Calls `step` until it returns true (done), in slices of [`SLICE_MS`] with a [`breathe`] between
/// them, so long work never freezes the page.
pub async fn in_slices(mut step: impl FnMut() -> bool) {
    let mut slice_start = now_ms();
    while !step() {
        if now_ms() - slice_start > SLICE_MS {
            breathe().await;
            slice_start = now_ms();
        }
    }
}

/// Runs `f` in a task of its own once the next frame has been painted, so work the first view
/// doesn't need never delays it. (In a hidden tab frames wait; whatever needs the work does it
/// itself first.)
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let in_next_task = wasm_bindgen::closure::Closure::once_into_js(move || {
        Timeout::new(0, f).forget();
    });
    if let Some(window) = web_sys::window() {
        window.request_animation_frame(in_next_task.unchecked_ref()).ok();
    }
}

thread_local! {
    /// The page's clock, looked up once: the loader reads it every few clinics.
    static CLOCK: Option<web_sys::Performance> = web_sys::window().and_then(|w| w.performance());
}

fn now_ms() -> f64 {
    CLOCK.with(|clock| clock.as_ref().map_or(0.0, |p| p.now()))
}

/// A catalogue request the loader started before the widget's code arrived.
struct Prefetch {
    /// The `catalogue` attribute it was started for (trimmed, as the configuration reads it).
    src: String,
    controller: web_sys::AbortController,
    response: js_sys::Promise,
}

thread_local! {
    static PREFETCHED: RefCell<Vec<Prefetch>> = const { RefCell::new(Vec::new()) };
}

/// Keeps a request the loader started (`{ src, controller, response }`) for [`fetch_catalogue`] to
/// take over instead of asking again, if it was started for `catalogue` (the attribute may have
/// changed since; a request for another address is cancelled). Anything else is ignored.
pub fn adopt_prefetch(started: &wasm_bindgen::JsValue, catalogue: Option<&str>) {
    let get = |key: &str| js_sys::Reflect::get(started, &key.into()).ok();
    let (Some(src), Some(controller), Some(response)) = (
        get("src").and_then(|v| v.as_string()),
        get("controller").and_then(|v| v.dyn_into::<web_sys::AbortController>().ok()),
        get("response").and_then(|v| v.dyn_into::<js_sys::Promise>().ok()),
    ) else {
        return;
    };
    if catalogue != Some(src.as_str()) {
        controller.abort();
        return;
    }
    // Several widgets may show the same catalogue: each keeps its own request.
    PREFETCHED.with(|p| {
        p.borrow_mut().push(Prefetch {
            src,
            controller,
            response,
        })
    });
}

/// The request started for exactly this address, once: "Try again" asks afresh.
fn take_prefetch(url: &str) -> Option<Prefetch> {
    PREFETCHED.with(|p| {
        let mut p = p.borrow_mut();
        let at = p.iter().position(|f| f.src == url)?;
        Some(p.remove(at))
    })
}

/// A GET with the browser's defaults, as the loader's prefetch sends it.
fn request(url: &str, signal: Option<&web_sys::AbortSignal>) -> Option<js_sys::Promise> {
    let init = web_sys::RequestInit::new();
    init.set_signal(signal);
    Some(web_sys::window()?.fetch_with_str_and_init(url, &init))
}

/// The message of a JavaScript error ("Failed to fetch"), or nothing.
fn js_message(error: wasm_bindgen::JsValue) -> String {
    error
        .dyn_into::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// A failure to load `url`: the message for the family, the detail for the console.
fn fail(url: &str, message: Ui, detail: String) -> LoadError {
    LoadError {
        message,
        detail: format!("clinic-compare: could not load the catalogue \"{url}\": {detail}"),
        retry: true,
    }
}

/// Fetches and loads the catalogue. `timeout_seconds` bounds the whole download, the server's answer
/// and its body: a server that answers and then stalls must not leave the family waiting for ever.
pub async fn fetch_catalogue(url: &str, timeout_seconds: u32) -> Result<Ready, LoadError> {
    let (bytes, content_type) = download(url, timeout_seconds).await?;
    let body = decode(url, bytes)?;
    breathe().await;
    let text = body.strip_prefix('\u{feff}').unwrap_or(&body);
    if substring::contains(&content_type, "text/html") || text.trim_start().starts_with('<') {
        return Err(fail(
            url,
            Ui::LoadTryLater,
            "the address returned a web page (HTML), not a JSON catalogue; check the catalogue attribute".into(),
        ));
    }
    if !substring::contains(&content_type, "json") {
        web_sys::console::warn_1(
            &format!("clinic-compare: the catalogue \"{url}\" is served as \"{content_type}\"; please serve it as application/json").into(),
        );
    }
    // Check the clinics in slices of time, letting the page breathe between them: a national
    // catalogue must never freeze the host page.
    let mut loader = Loader::new(text).map_err(|d| fail(url, Ui::LoadUnreadable, d.to_string()))?;
    breathe().await;
    in_slices(|| !loader.next_batch(BATCH)).await;
    let loaded = loader.finish();
    // The file's text is no longer needed: free it before the index is built, so the two are never
    // held at once (WebAssembly memory, once grown, is never given back).
    drop(body);
    breathe().await;
    Ok(ready(url, loaded).await)
}

/// The response's bytes and content type, within `timeout_seconds` (the request the loader
/// started, if it did).
async fn download(url: &str, timeout_seconds: u32) -> Result<(Vec<u8>, String), LoadError> {
    let prefetched = take_prefetch(url);
    let controller = match &prefetched {
        Some(p) => Some(p.controller.clone()),
        None => web_sys::AbortController::new().ok(),
    };
    let timer = controller
        .clone()
        .map(|c| Timeout::new(timeout_seconds * 1000, move || c.abort()));
    let pending = match prefetched {
        Some(p) => Some(p.response),
        None => request(url, controller.as_ref().map(|c| c.signal()).as_ref()),
    };
    let sent = match pending {
        Some(pending) => JsFuture::from(pending)
            .await
            .map(|r| r.unchecked_into::<web_sys::Response>())
            .map_err(js_message),
        None => Err("the page has no window to fetch from".into()),
    };
    let timed_out = || controller.as_ref().is_some_and(|c| c.signal().aborted());
    let too_long = |what: &str| fail(url, Ui::LoadTooSlow, format!("{what} after {timeout_seconds} seconds"));
    let response = sent.map_err(|e| {
        if timed_out() {
            too_long("no answer")
        } else {
            fail(url, Ui::LoadOffline, format!("network error or blocked by CORS ({e})"))
        }
    })?;
    if !response.ok() {
        let status = format!("the server answered {} {}", response.status(), response.status_text());
        return Err(fail(url, Ui::LoadTryLater, status));
    }
    // Bytes, not text: copying them into the widget is a plain copy, where a JavaScript string
    // would be re-encoded in one long task on a big catalogue.
    let bytes = match response.array_buffer() {
        Ok(buffer) => JsFuture::from(buffer).await,
        Err(e) => Err(e),
    }
    // One copy into uninitialised memory (`to_vec`), not zeroing 18 MB first and then copying.
    .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
    .map_err(|e| {
        if timed_out() {
            too_long("the file was not all downloaded")
        } else {
            fail(
                url,
                Ui::LoadTryAgain,
                format!("could not read the response ({})", js_message(e)),
            )
        }
    })?;
    drop(timer);
    let content_type = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default()
        .to_ascii_lowercase();
    Ok((bytes, content_type))
}

/// The file as text, if it is UTF-8.
fn decode(url: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(
            url,
            Ui::LoadUnreadable,
            "the file is saved as UTF-16; save it as UTF-8".into(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        fail(
            url,
            Ui::LoadUnreadable,
            format!(
                "the file is not UTF-8 text (first bad byte at {}); save it as UTF-8",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// The loaded catalogue, searchable, with its problems told to the site owner.
async fn ready(url: &str, loaded: crate::catalogue::Loaded) -> Ready {
    // Tell the site owner exactly what was skipped or fixed; the family sees the valid clinics.
    // The records left out are picked here, once, for the note in the widget.
    let (mut problems, mut skipped) = (Vec::new(), Vec::new());
    for d in &loaded.diagnostics {
        let text = d.to_string();
        if d.severity == Severity::Error {
            skipped.push(text.clone());
        }
        problems.push(text);
    }
    if !problems.is_empty() {
        web_sys::console::warn_1(&problem_report(url, &problems).into());
    }
    let mut engine = Engine::new(loaded.clinics, loaded.extra_features);
    engine.translations = loaded.translations;
    breathe().await;
    Ready {
        engine,
        questions: Rc::new(loaded.questions),
        publisher: loaded.publisher,
        problems,
        skipped,
        explained: false,
    }
}

/// How many problems the console lists before summing up the rest.
const CONSOLE_PROBLEMS: usize = 200;

/// One console message for all of a catalogue's problems: thousands of separate messages would
/// freeze the page, and the site owner can get the full list from `clinic-catalogue validate`.
fn problem_report(url: &str, problems: &[String]) -> String {
    let mut text = format!(
        "clinic-compare: catalogue \"{url}\" has {} problem(s):\n",
        problems.len()
    );
    for p in problems.iter().take(CONSOLE_PROBLEMS) {
        text.push_str(p);
        text.push('\n');
    }
    if problems.len() > CONSOLE_PROBLEMS {
        text.push_str(&format!(
            "…and {} more. Run `clinic-catalogue validate` on the file for the full list.",
            problems.len() - CONSOLE_PROBLEMS
        ));
    }
    text
}

//! A panic inside a mounted widget replaces it with the readable crash message, in real Chromium.
//!
//! On its own test binary: it installs the widget's panic hook, which would otherwise take over the
//! failure reports of the other browser tests, and a panic leaves std's panic count raised.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for `found` to find something, looking every 10 ms for up to 5 s; fails naming `what`.
async fn until<T>(what: &str, mut found: impl FnMut() -> Option<T>) -> T {
    for _ in 0..500 {
        if let Some(thing) = found() {
            return thing;
        }
        gloo_timers::future::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

#[wasm_bindgen_test]
async fn a_panic_in_a_mounted_widget_shows_the_crash_message() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_attribute("catalogue", "no-such-catalogue.json").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let _widget = clinic_compare::embed::mount(host.clone(), wasm_bindgen::JsValue::UNDEFINED).unwrap();
    let shadow = host.shadow_root().unwrap();
    // The widget has rendered (its catalogue does not exist: it will say so).
    until("the widget", || shadow.query_selector(".cc-app").unwrap()).await;
    assert!(shadow.query_selector(".cc-crash").unwrap().is_none());

    // Panics in a task of its own, as an event handler would: the trap ends that task only.
    let panic = Closure::once_into_js(|| -> () { panic!("a panic for the test") });
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback(panic.unchecked_ref())
        .unwrap();

    let crash = until("the crash message", || shadow.query_selector(".cc-crash").unwrap()).await;
    assert!(
        shadow.query_selector(".cc-app").unwrap().is_none(),
        "the crash message replaces the widget"
    );
    assert_eq!(crash.get_attribute("role").as_deref(), Some("alert"));
    assert!(crash
        .text_content()
        .unwrap()
        .contains("the clinic finder stopped working"));
    let link = shadow.query_selector("a").unwrap().expect("a link to the clinic list");
    assert!(link.get_attribute("href").unwrap().ends_with("/no-such-catalogue.json"));
}

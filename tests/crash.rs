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

#[wasm_bindgen_test]
async fn a_panic_in_a_mounted_widget_shows_the_crash_message() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_attribute("catalogue", "no-such-catalogue.json").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let _widget = clinic_compare::embed::mount(host.clone()).unwrap();
    gloo_timers::future::sleep(Duration::from_millis(50)).await;
    let shadow = host.shadow_root().unwrap();
    assert!(shadow.query_selector(".cc-crash").unwrap().is_none());

    // Panics in a task of its own, as an event handler would: the trap ends that task only.
    let panic = Closure::once_into_js(|| -> () { panic!("a panic for the test") });
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback(panic.unchecked_ref())
        .unwrap();
    gloo_timers::future::sleep(Duration::from_millis(100)).await;

    let alert = shadow
        .query_selector("[role=alert]")
        .unwrap()
        .expect("the crash message");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("the clinic finder stopped working"));
    let link = shadow.query_selector("a").unwrap().expect("a link to the clinic list");
    assert!(link.get_attribute("href").unwrap().ends_with("/no-such-catalogue.json"));
}

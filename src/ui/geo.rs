//! "Use my location": the browser's geolocation, asked only when the family presses the button.
//! The position never leaves the device; it only sorts and filters the list.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::catalogue::text::Ui;

/// Calls `done` once with (latitude, longitude) or the message to show.
pub fn current_position(done: impl Fn(Result<(f64, f64), Ui>) + 'static) {
    let done = std::rc::Rc::new(done);
    let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        done(Err(Ui::LocationUnavailable));
        return;
    };
    let ok = {
        let done = done.clone();
        Closure::once_into_js(move |pos: web_sys::Position| {
            let c = pos.coords();
            done(Ok((c.latitude(), c.longitude())));
        })
    };
    let err = {
        let done = done.clone();
        Closure::once_into_js(move |_: JsValue| {
            done(Err(Ui::LocationFailed));
        })
    };
    if geo
        .get_current_position_with_error_callback(ok.unchecked_ref(), Some(err.unchecked_ref()))
        .is_err()
    {
        done(Err(Ui::LocationFailed));
    }
}

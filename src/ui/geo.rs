//! "Use my location": the browser's geolocation, asked only when the family presses the button.
//! The position never leaves the device; it only sorts and filters the list.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `done` once with (latitude, longitude) or a plain message.
pub fn current_position(done: impl Fn(Result<(f64, f64), String>) + 'static) {
    let done = std::rc::Rc::new(done);
    let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        done(Err(
            "Your browser can't share your location. Type a town, postcode or ZIP code instead.".into(),
        ));
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
            done(Err(
                "We couldn't get your location. Type a town, postcode or ZIP code instead.".into(),
            ));
        })
    };
    if geo
        .get_current_position_with_error_callback(ok.unchecked_ref(), Some(err.unchecked_ref()))
        .is_err()
    {
        done(Err(
            "We couldn't get your location. Type a town, postcode or ZIP code instead.".into(),
        ));
    }
}

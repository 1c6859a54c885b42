//! "Near": a typed town, postcode or ZIP. The catalogue answers what it can place; anything else
//! goes to the place lookup beside the widget (www/places.js with its own WebAssembly, built from
//! `search::places`), loaded only then, which fetches the place files it needs from the widget's own
//! folder: the typed text never leaves the page. The lookup does the work and writes the messages;
//! the widget only hands it the text and shows its answer, so its own download stays small.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::loaded::Ready;
use super::state::Action;
use crate::catalogue::substring;

// The widget's own words about places (the lookup writes the rest), in one place for translation.
/// When the lookup cannot be had (not loaded, or its code or a place file failed to load).
const CANNOT: &str = "Sorry, we can't look up places outside this list right now. Try a town from the list.";
/// Above the choice of same-named towns.
fn which(name: &str) -> String {
    format!("Which {name} do you mean?")
}

thread_local! {
    /// The loader's `lookUpPlace(text, covered)`, if it gave one.
    static LOOKUP: RefCell<JsValue> = const { RefCell::new(JsValue::UNDEFINED) };
    /// The credit lines of the place files used so far, for the footer.
    static CREDITS: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Keeps the loader's place lookup.
pub fn set_lookup(lookup: &JsValue) {
    LOOKUP.with(|l| *l.borrow_mut() = lookup.clone());
}

pub fn credits() -> String {
    CREDITS.with(|c| c.borrow().clone())
}

/// Resolves what the family typed and sends the answer as an action: at once when the catalogue
/// can place it, else once the place lookup has answered.
pub fn find_place(ready: &Ready, typed: &str, on_action: Callback<Action>) {
    let text = typed.trim().to_string();
    let point = ready.engine.resolve_place(&text);
    if point.is_some() || text.is_empty() {
        return on_action.emit(Action::SetPlace { text, point });
    }
    // The countries the catalogue has services in, "GB,US" (the lookup reads them in any case).
    let covered = match ready.engine.index.facet("country") {
        Some(f) => f.values.join(","),
        None => String::new(),
    };
    let lookup = LOOKUP.with(|l| l.borrow().clone());
    let promise = lookup
        .is_function()
        .then(|| lookup.unchecked_into::<js_sys::Function>())
        .and_then(|f| f.call2(&JsValue::NULL, &text.into(), &covered.into()).ok());
    wasm_bindgen_futures::spawn_local(async move {
        let answer = match promise {
            Some(p) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(p))
                .await
                .ok(),
            None => None,
        };
        on_action.emit(answer.map_or_else(|| Action::PlaceError(CANNOT.into()), read_answer));
    });
}

/// The lookup's answer (www/places.js) as an action: `[why, credits]` when nothing was found ("" when
/// the lookup could not be had), `[[label, …], credits]` for same-named towns to choose from, or
/// `[null, credits, label, latitude, longitude]`.
fn read_answer(answer: JsValue) -> Action {
    let answer: js_sys::Array = answer.unchecked_into();
    let first = answer.get(0);
    let text_at = |i| answer.get(i).as_string().unwrap_or_default();
    CREDITS.with(|c| *c.borrow_mut() = text_at(1));
    if let Some(why) = first.as_string() {
        return Action::PlaceError(if why.is_empty() { CANNOT.into() } else { why });
    }
    if first.is_object() {
        return Action::ChoosePlace(
            js_sys::Array::from(&first)
                .iter()
                .filter_map(|l| l.as_string())
                .collect(),
        );
    }
    let number = |i| answer.get(i).as_f64().unwrap_or_default();
    Action::SetPlace {
        text: text_at(2),
        point: Some((number(3), number(4))),
    }
}

/// "Which Springfield do you mean?": one button per town, most populous first. The buttons submit
/// the place form with their town's label ("Springfield (Hampden County, MA)"), which names that one
/// alone (see [`typed_place`]).
pub fn choices(list: &[String]) -> Html {
    let Some(first) = list.first() else {
        return Html::default();
    };
    let name = substring::before(first, " (");
    html! {
        <div class="cc-place-choices" role="group" aria-labelledby="cc-place-choices-title">
            <p id="cc-place-choices-title">{ which(name) }</p>
            { for list.iter().map(|label| html! { <button class="cc-link-button" value={label.clone()}>{ label }</button> }) }
        </div>
    }
}

/// What the place form was submitted with: a chosen town's label, or the text box.
pub fn typed_place(e: &SubmitEvent, input: &NodeRef) -> String {
    match e.submitter().and_then(|b| b.get_attribute("value")) {
        Some(label) => label,
        None => input
            .cast::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default(),
    }
}

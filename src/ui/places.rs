//! "Near": a typed town, postcode or ZIP. The catalogue answers what it can place; anything else
//! goes to the place lookup beside the widget (www/places.js with its own WebAssembly, built from
//! `search::places`), loaded only then, which fetches the place files it needs from the widget's own
//! folder: the typed text never leaves the page. The lookup does the work and answers data (a place,
//! towns to choose from, or why nothing was found); the widget words it through its string table,
//! in the family's language, so its own download stays small.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::loaded::Ready;
use super::state::{Action, Message};
use crate::catalogue::substring;
use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::Locale;

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
        .and_then(|f| f.call2(&JsValue::NULL, &text.as_str().into(), &covered.into()).ok());
    wasm_bindgen_futures::spawn_local(async move {
        let answer = match promise {
            Some(p) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(p))
                .await
                .ok(),
            None => None,
        };
        let answer = answer.map(|a| js_sys::Array::from(&a)).unwrap_or_default();
        on_action.emit(read_answer(&answer, &text));
    });
}

/// The lookup's answer (www/places.js) as an action: `["found", credits, label, latitude,
/// longitude]`, `["choose", credits, label, …]` for same-named towns to choose from, or
/// `["unknown", credits, why, country]`; anything else (no lookup, or it failed) as "unavailable".
fn read_answer(answer: &js_sys::Array, typed: &str) -> Action {
    let text_at = |i| answer.get(i).as_string().unwrap_or_default();
    CREDITS.with(|c| *c.borrow_mut() = text_at(1));
    let number = |i| answer.get(i).as_f64().unwrap_or_default();
    match text_at(0).as_str() {
        "found" => Action::SetPlace {
            text: text_at(2),
            point: Some((number(3), number(4))),
        },
        "choose" => Action::ChoosePlace(answer.iter().skip(2).filter_map(|l| l.as_string()).collect()),
        _ => {
            let why = match text_at(2).as_str() {
                "long" => Ui::PlaceTooLong,
                "elsewhere" => Ui::PlaceElsewhere,
                "code" => Ui::CodeNotFound,
                "town" => Ui::TownNotFound,
                _ => Ui::PlacesUnavailable,
            };
            // The text as typed, shortened: it is quoted back inside the message.
            Action::PlaceError(Message::Place(why, typed.chars().take(40).collect(), text_at(3)))
        }
    }
}

/// "Which Springfield do you mean?": one button per town, most populous first. The buttons submit
/// the place form with their town's label ("Springfield (Hampden County, MA)"), which names that one
/// alone (see [`typed_place`]).
pub fn choices(list: &[String], locale: Locale) -> Html {
    let Some(first) = list.first() else {
        return Html::default();
    };
    let name = substring::before(first, " (");
    html! {
        <div class="cc-place-choices" role="group" aria-labelledby="cc-place-choices-title">
            <p id="cc-place-choices-title">{ Ui::WhichPlace.fill(locale, &[("place", name)]) }</p>
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

//! The language switch ("English | Español"), shown when the site offers more than one language
//! (`languages="en-US es"`). Switching keeps everything the family has done: only the words change.
//! A language whose texts are not on the page yet is downloaded first.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::glossary::{finish_glossary, start_glossary};
use crate::catalogue::vocabulary::Locale;

/// Said when the Spanish file could not be loaded, so the widget is in English. In both languages,
/// and compiled in: the file that would translate it is the one missing.
pub const NOT_LOADED: &str =
    "No se pudo cargar el texto en español. Se muestra en inglés. / The Spanish text could not be loaded, so this is in English.";

/// Switches to a language once its texts are here (or could not be: the widget then shows English
/// with a message), by setting the element's `lang` attribute, which the widget reads as any
/// other setting. `node` is inside the widget's shadow root.
pub fn switch_language(node: &NodeRef, timeout: u32) -> Callback<Locale> {
    let node = node.clone();
    Callback::from(move |locale: Locale| {
        let node = node.clone();
        let download = start_glossary(locale.language(), timeout);
        wasm_bindgen_futures::spawn_local(async move {
            finish_glossary(locale.language(), download).await;
            let root = node.get().map(|n| n.get_root_node());
            if let Some(root) = root.and_then(|r| r.dyn_into::<web_sys::ShadowRoot>().ok()) {
                root.host().set_attribute("lang", locale.tag()).ok();
            }
        });
    })
}

/// The switch, "English | Español": the current language pressed. Each name is marked with its
/// own language, so screen readers say "Español" in Spanish. English is the list's own English
/// (en-GB or en-US).
pub fn language_switch(english: Option<Locale>, current: Locale, on_language: &Callback<Locale>) -> Html {
    let Some(english) = english else {
        return html! {};
    };
    let button = |locale: Locale, lang: &'static str, name: &'static str| {
        let onclick = on_language.reform(move |_| locale);
        let pressed = (locale == Locale::Es) == (current == Locale::Es);
        html! {
            <button type="button" class="cc-link-button" {lang} aria-pressed={pressed.to_string()} {onclick}>{ name }</button>
        }
    };
    html! {
        <div class="cc-languages" role="group" aria-label="Language / Idioma">
            { button(english, "en", "English") }<span aria-hidden="true">{ " | " }</span>{ button(Locale::Es, "es", "Español") }
        </div>
    }
}

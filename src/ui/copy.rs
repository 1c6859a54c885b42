//! "Copy as text": a button that puts plain text on the clipboard and says whether it worked.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::say::say;

use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::Locale;

/// The button and the line that says whether copying worked. A plain function rather than a
/// component: the button writes its result into the status line beside it, which the widget
/// renders empty and never changes.
pub fn copy_button(text: String, locale: Locale) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        let said = if copy_to_clipboard(&text) {
            Ui::Copied
        } else {
            Ui::CopyUnavailable
        };
        if let Some((_, status)) = super::dom::beside_clicked_button(&e) {
            status.set_text_content(Some(said.text(locale)));
        }
    });
    html! {
        <>
            <button type="button" class="cc-button" {onclick}>{ say(Ui::CopyAsText, locale) }</button>
            <span role="status" class="cc-inline-status"></span>
        </>
    }
}

fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).ok();
    let Some(clipboard) = clipboard.filter(|c| !c.is_undefined()) else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok();
    match write.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        Some(f) => f.call1(&clipboard, &text.into()).is_ok(),
        None => false,
    }
}

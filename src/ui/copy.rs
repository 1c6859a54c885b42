//! "Copy as text": a button that puts plain text on the clipboard and says whether it worked.

use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    pub text: String,
}

#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let copied = use_state(|| None::<&'static str>);
    let onclick = {
        let text = props.text.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            copied.set(Some(if copy_to_clipboard(&text) {
                "Copied."
            } else {
                "Sorry, copying is not available in this browser."
            }));
        })
    };
    html! {
        <>
            <button type="button" class="cc-button" {onclick}>{ "Copy as text" }</button>
            <span role="status" class="cc-inline-status">{ copied.unwrap_or_default() }</span>
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

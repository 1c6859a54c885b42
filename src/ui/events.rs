//! Events for host pages that want to know what happens (e.g. for their own analytics). They bubble
//! out of the shadow root from the `<clinic-compare>` element and never carry the family's notes,
//! typed text or location. Documented in docs/embedding.md.

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// One value of an event's `detail` object.
pub enum Field<'a> {
    Count(usize),
    Text(&'a str),
    List(&'a [String]),
}

impl Field<'_> {
    fn to_js(&self) -> JsValue {
        match self {
            Field::Count(n) => JsValue::from_f64(*n as f64),
            Field::Text(s) => JsValue::from_str(s),
            Field::List(items) => js_list(items).into(),
        }
    }
}

/// Texts as a JS array.
pub fn js_list(items: &[String]) -> js_sys::Array {
    items.iter().map(|s| JsValue::from_str(s)).collect()
}

/// Sends `clinic-compare:<name>` with a plain-object `detail` from inside the widget. (Built as
/// a JS object directly: a JSON value type in the widget would only be serialised and parsed.)
/// Passed down as a prop (a context provider would add Yew's context code to the download).
#[derive(Clone, PartialEq, Default)]
pub struct Emitter {
    pub node: NodeRef,
}

impl Emitter {
    pub fn emit(&self, name: &str, fields: &[(&str, Field)]) {
        let Some(node) = self.node.get() else { return };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        let detail = js_sys::Object::new();
        for (key, value) in fields {
            js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value.to_js()).ok();
        }
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&format!("clinic-compare:{name}"), &init) {
            if let Some(target) = node.dyn_ref::<web_sys::EventTarget>() {
                target.dispatch_event(&event).ok();
            }
        }
    }
}

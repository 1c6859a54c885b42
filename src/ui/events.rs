//! Events for host pages that want to know what happens (e.g. for their own analytics). They bubble
//! out of the shadow root from the `<clinic-compare>` element and never carry the family's notes,
//! typed text or location. Documented in docs/embedding.md.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Sends `clinic-compare:<name>` with a JSON `detail` from inside the widget.
#[derive(Clone, PartialEq)]
pub struct Emitter {
    pub node: NodeRef,
}

impl Emitter {
    pub fn emit(&self, name: &str, detail: serde_json::Value) {
        let Some(node) = self.node.get() else { return };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(detail) = js_sys::JSON::parse(&detail.to_string()) {
            init.set_detail(&detail);
        }
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&format!("clinic-compare:{name}"), &init) {
            if let Some(target) = node.dyn_ref::<web_sys::EventTarget>() {
                target.dispatch_event(&event).ok();
            }
        }
    }
}

//! The browser side of `<clinic-compare>`: the loader's custom element calls [`mount`] when it is
//! connected, [`Widget::refresh`] when an observed attribute changes and [`Widget::unmount`] when it
//! is removed. The widget renders into the element's shadow root, styled by a constructed
//! stylesheet (allowed under a strict `style-src 'self'` CSP, unlike inline styles).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::catalogue::text::Ui;
use crate::config::Config;
use crate::ui::app::{App, AppProps};

/// `www/widget.css`, minified by `build.rs`.
const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

thread_local! {
    /// One stylesheet object shared by every widget on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// Shadow roots of mounted widgets, so the panic hook can replace each with a readable message.
    static MOUNTED: RefCell<Vec<(ShadowRoot, Option<String>)>> = const { RefCell::new(Vec::new()) };
}

/// A mounted widget, owned by its element in JavaScript.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    app: Option<AppHandle<App>>,
}

/// Bytes of WebAssembly memory the widget holds (for `make bench`'s memory figure).
#[wasm_bindgen(js_name = heapBytes)]
pub fn heap_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64)
        .unwrap_or(0.0)
}

/// Mounts the widget into `host`'s shadow root (creating it if needed). `places` is the loader's
/// place lookup, `lookUpPlace(text, coveredCountries)` (www/places.js), or undefined.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, places: JsValue) -> Result<Widget, JsValue> {
    install_panic_hook();
    crate::ui::set_place_lookup(&places);
    let shadow = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let sheets = js_sys::Array::new();
    let sheet: JsValue = stylesheet()?.into();
    sheets.push(&sheet);
    js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &sheets)?;
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("element has no document"))?;
    let root = document.create_element("div")?;
    root.set_class_name("cc-root");
    root.set_attribute("part", "root")?;
    shadow.replace_children_with_node_1(&root);

    let config = read_config(&host);
    // The loader may have started downloading the catalogue already: take that request over.
    let prefetch_key = JsValue::from_str("__clinicComparePrefetch");
    if let Ok(started) = js_sys::Reflect::get(&host, &prefetch_key) {
        js_sys::Reflect::delete_property(&host, &prefetch_key).ok();
        crate::ui::adopt_prefetch(&started, config.catalogue.as_deref());
    }
    // And knows where the glossary file is (its name is content-hashed), whose download it started.
    if let Ok(source) = js_sys::Reflect::get(&host, &JsValue::from_str("__clinicCompareGlossary")) {
        crate::ui::adopt_glossary_source(source);
    }
    MOUNTED.with(|m| m.borrow_mut().push((shadow, config.catalogue.clone())));
    let app = yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            config: Rc::new(config),
        },
    )
    .render();
    Ok(Widget { host, app: Some(app) })
}

#[wasm_bindgen]
impl Widget {
    /// Re-reads the attributes after one changed.
    pub fn refresh(&mut self) {
        let config = read_config(&self.host);
        if let Some(app) = self.app.as_mut() {
            app.update(AppProps {
                config: Rc::new(config),
            });
        }
    }

    /// Tears the widget down when the element leaves the page.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        if let Some(shadow) = self.host.shadow_root() {
            MOUNTED.with(|m| m.borrow_mut().retain(|(root, _)| root != &shadow));
            shadow.replace_children_with_node_0();
        }
    }
}

fn read_config(host: &HtmlElement) -> Config {
    let page_lang = host
        .owner_document()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"));
    let (config, warnings) = Config::from_page(|name| host.get_attribute(name), page_lang);
    for warning in warnings {
        web_sys::console::warn_1(&warning.to_string().into());
    }
    config
}

fn stylesheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLES)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

/// A panic must never leave a frozen or blank widget: log it, then show a plain message (built
/// with text nodes only) in every mounted widget, with a link to the catalogue file itself.
/// Builds with ordinary panics only (`DEBUGGABLE=1`, the tests): the shipped build aborts at once
/// on a panic, so no hook runs, and the loader shows the same message on the trap
/// (www/clinic-compare.js). Installed through Yew: a `std::panic::set_hook` of our own is replaced
/// by Yew's default hook when the first widget renders.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            // Logged as an Error so the console shows where it happened (the release build has no
            // file and line numbers in panic messages).
            let message = format!("clinic-compare crashed: {info}");
            web_sys::console::error_1(&js_sys::Error::new(&message));
            MOUNTED.with(|m| {
                if let Ok(mounted) = m.try_borrow() {
                    for (shadow, catalogue) in mounted.iter() {
                        show_crash_message(shadow, catalogue.as_deref());
                    }
                }
            });
        }));
    });
}

/// Replaces the widget with a plain message and, when the catalogue URL is http(s), a link to it
/// (in English: the shipped build's loader shows the widget's language, `data-crash` in ui::app).
pub fn show_crash_message(shadow: &ShadowRoot, catalogue: Option<&str>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(box_) = document.create_element("div") else {
        return;
    };
    box_.set_class_name("cc-root cc-crash");
    box_.set_attribute("role", "alert").ok();
    box_.set_text_content(Some(Ui::Crashed.english()));
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let resolved = catalogue.and_then(|c| web_sys::Url::new_with_base(c, &base).ok());
    if let Some(url) = resolved.filter(|u| matches!(u.protocol().as_str(), "https:" | "http:")) {
        let url = url.href();
        if let Ok(link) = document.create_element("a") {
            link.set_attribute("href", &url).ok();
            link.set_text_content(Some(Ui::CrashedListLink.english()));
            box_.append_child(&link).ok();
        }
    }
    shadow.replace_children_with_node_1(&box_);
}

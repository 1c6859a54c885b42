//! Component tests in real headless Chromium (wasm-bindgen-test): `make browser`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use clinic_compare::catalogue::{Clinic, Location};
use clinic_compare::ui::clinic_list::{ClinicList, ClinicListProps};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clinic(id: &str, name: &str, town: &str) -> Clinic {
    Clinic {
        id: id.into(),
        name: name.into(),
        location: Location {
            town: town.into(),
            country: "GB".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Mounts a component into a fresh element and waits for Yew's first render.
async fn render<C: yew::BaseComponent>(props: C::Properties) -> web_sys::Element {
    let document = gloo_utils_document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    // Yew renders on the next tick of its scheduler.
    gloo_timers::future::TimeoutFuture::new(0).await;
    root
}

fn gloo_utils_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
async fn clinic_list_shows_count_and_names() {
    let clinics = vec![
        clinic("a", "Harbour House", "Bristol"),
        clinic("b", "Northgate <b>Service</b>", "Manchester"),
    ];
    let root = render::<ClinicList>(ClinicListProps {
        clinics: Rc::new(clinics),
    })
    .await;
    let status = root
        .query_selector("[role=status]")
        .unwrap()
        .expect("a live count");
    assert_eq!(status.text_content().unwrap(), "2 clinics");
    let names: Vec<String> = (0..2)
        .map(|i| {
            root.query_selector_all("h3")
                .unwrap()
                .item(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(names, ["Harbour House", "Northgate <b>Service</b>"]);
    // Catalogue text is text, never markup.
    assert!(root.query_selector("h3 b").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn one_clinic_is_singular() {
    let root = render::<ClinicList>(ClinicListProps {
        clinics: Rc::new(vec![clinic("a", "Solo", "Leeds")]),
    })
    .await;
    let status = root.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(status.text_content().unwrap(), "1 clinic");
}

//! Component tests in real headless Chromium (wasm-bindgen-test): `make browser`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use clinic_compare::catalogue::vocabulary::Locale;
use clinic_compare::catalogue::{Clinic, Contact, Location};
use clinic_compare::ui::results::{results, ResultsProps};
use clinic_compare::ui::state::Sort;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn clinic(id: &str, name: &str, town: &str) -> Rc<Clinic> {
    Rc::new(Clinic {
        id: id.into(),
        name: name.into(),
        location: Location {
            town: town.into(),
            country: "GB".into(),
            ..Default::default()
        },
        ..Default::default()
    })
}

/// Mounts a component into a fresh element and waits for Yew's first render.
async fn render<C: yew::BaseComponent>(props: C::Properties) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    // Yew renders on the next tick of its scheduler.
    gloo_timers::future::TimeoutFuture::new(0).await;
    root
}

/// The results view, mounted on its own.
#[yew::function_component(Results)]
fn results_view(props: &ResultsProps) -> yew::Html {
    results(props)
}

fn results_props(shown: Vec<Rc<Clinic>>, total: usize) -> ResultsProps {
    ResultsProps {
        total,
        shown: shown.into_iter().map(|c| (c, None)).collect(),
        shortlist: vec!["b".into()],
        sort: Sort::Name,
        has_point: false,
        has_text: false,
        chips: vec![],
        loosen: vec![],
        locale: Locale::EnGb,
        miles: true,
        on_action: Callback::noop(),
    }
}

#[wasm_bindgen_test]
async fn results_show_count_cards_and_pressed_state() {
    let clinics = vec![
        clinic("a", "Harbour House", "Bristol"),
        clinic("b", "Northgate <b>Service</b>", "Manchester"),
    ];
    let root = render::<Results>(results_props(clinics, 30)).await;
    assert_eq!(
        root.query_selector(".cc-count")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "30 clinics"
    );
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
    let pressed = root.query_selector_all("button[aria-pressed=true]").unwrap();
    assert_eq!(pressed.length(), 1);
    assert!(pressed.item(0).unwrap().text_content().unwrap().contains("Northgate"));
    let more = root.query_selector(".cc-more").unwrap().expect("a show-more button");
    assert_eq!(more.text_content().unwrap(), "Show more (2 of 30 shown)");
}

#[wasm_bindgen_test]
async fn one_clinic_is_singular_and_no_show_more() {
    let root = render::<Results>(results_props(vec![clinic("a", "Solo", "Leeds")], 1)).await;
    assert_eq!(
        root.query_selector(".cc-count")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "1 clinic"
    );
    assert!(root.query_selector(".cc-more").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn details_never_turn_catalogue_links_into_script() {
    use clinic_compare::ui::details::{clinic_details, ClinicDetailsProps};
    #[yew::function_component(ClinicDetails)]
    fn details_view(props: &ClinicDetailsProps) -> yew::Html {
        clinic_details(props)
    }
    let mut c = (*clinic("x", "Test", "York")).clone();
    c.contact = Contact {
        phone: Some("javascript:alert(1)".into()),
        website: Some("javascript:alert(1)".into()),
        email: Some("a@b.org\" onmouseover=\"x".into()),
        ..Default::default()
    };
    let root = render::<ClinicDetails>(ClinicDetailsProps {
        heading: Default::default(),
        clinic: Rc::new(c),
        questions: Rc::new(vec![]),
        locale: Locale::EnGb,
        shortlisted: false,
        on_action: Callback::noop(),
        emitter: Default::default(),
    })
    .await;
    let links = root.query_selector_all("a[href]").unwrap();
    for i in 0..links.length() {
        let href = links
            .item(i)
            .unwrap()
            .dyn_into::<web_sys::Element>()
            .unwrap()
            .get_attribute("href")
            .unwrap();
        assert!(!href.to_lowercase().contains("javascript"), "{href}");
    }
    assert!(root.text_content().unwrap().contains("Not stated — ask them"));
}

use wasm_bindgen::JsCast;

#[wasm_bindgen_test]
fn a_crash_leaves_a_readable_message_and_only_a_safe_link() {
    use clinic_compare::embed::show_crash_message;
    let document = web_sys::window().unwrap().document().unwrap();
    for (catalogue, link) in [
        (Some("clinics.json"), true),
        (Some("javascript:alert(1)"), false),
        (Some("data:text/html,<b>x</b>"), false),
        (None, false),
    ] {
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let shadow = host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .unwrap();
        shadow.set_inner_html("<p>the widget</p>");
        show_crash_message(&shadow, catalogue);
        let alert = shadow.query_selector("[role=alert]").unwrap().expect("an alert");
        assert!(alert.text_content().unwrap().contains("stopped working"));
        let a = shadow.query_selector("a").unwrap();
        assert_eq!(a.is_some(), link, "{catalogue:?}");
        if let Some(a) = a {
            assert!(a.get_attribute("href").unwrap().starts_with("http"), "{catalogue:?}");
        }
        assert!(
            shadow.query_selector("p").unwrap().is_none(),
            "the broken widget is replaced"
        );
    }
}

/// The rules of a stylesheet as the browser reads them.
fn parsed_rules(css: &str) -> Vec<String> {
    let sheet = web_sys::CssStyleSheet::new().unwrap();
    sheet.replace_sync(css).unwrap();
    let rules = sheet.css_rules().unwrap();
    (0..rules.length()).map(|i| rules.item(i).unwrap().css_text()).collect()
}

#[wasm_bindgen_test]
fn minified_styles_are_the_same_rules() {
    let readable = parsed_rules(include_str!("../www/widget.css"));
    let shipped = parsed_rules(include_str!(concat!(env!("OUT_DIR"), "/widget.min.css")));
    assert!(readable.len() > 50, "{} rules", readable.len());
    assert_eq!(readable.len(), shipped.len());
    let differ: Vec<_> = readable.iter().zip(&shipped).filter(|(a, b)| a != b).collect();
    assert!(differ.is_empty(), "{differ:#?}");
}

/// The widget loads a catalogue before the default questions' texts arrive with the glossary file:
/// clinics' answers to the default checklist must be kept all the same.
#[wasm_bindgen_test]
fn answers_to_the_default_checklist_survive_loading_before_its_texts() {
    let text = r#"{"schema_version":1,"publisher":{"name":"P","updated":"2026-01-01"},"clinics":[
        {"id":"a","name":"A","location":{"town":"Leeds","country":"GB"},"answers":{"cost":"Free on the NHS."}}]}"#;
    let loaded = clinic_compare::catalogue::load(text).expect("loads");
    let answers = &loaded.clinics[0].answers;
    assert_eq!(answers.get("cost").map(String::as_str), Some("Free on the NHS."));
    assert!(
        !loaded
            .diagnostics
            .iter()
            .any(|d| d.message.contains("not in the checklist")),
        "{:?}",
        loaded.diagnostics
    );
}

//! The root component: loads the catalogue named by the configuration, builds the engine once, and
//! lays out the views. State lives in one reducer (`state`); queries run in `query`.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::checklist::{checklist, ChecklistProps};
use super::compare::{compare, CompareProps};
use super::details::{clinic_details, ClinicDetailsProps};
use super::emergency::{emergency, Helplines};
use super::events::{Emitter, Field};
use super::fetch::{after_next_paint, fetch_catalogue, in_slices, LoadError};
use super::filters::FilterGroup;
use super::glossary::{finish_glossary, start_glossary};
use super::loaded::Ready;
use super::results::{count_text, results, ResultsProps};
use super::state::{Action, State, View};
use super::storage;
use crate::catalogue::substring;
use crate::catalogue::vocabulary::{localise, Locale};
use crate::catalogue::Question;
use crate::config::{Config, Theme, Units};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
}

/// What replaces every widget on the page after a crash, with a link to the catalogue file. The
/// app leaves them on its root element (`data-crash`, `data-crash-link`), where the loader reads
/// them once the shipped build has trapped without calling into the wasm again
/// (www/clinic-compare.js); the debug build's panic hook shows the same words (`embed::element`).
pub const CRASHED: &str = "Sorry, the clinic finder stopped working. Please reload the page to try again.";
pub const CRASHED_LIST_LINK: &str = " You can also open the clinic list directly.";

/// Clinics added to the text search between two looks at the clock (about 2 ms of work).
const TEXT_BATCH: usize = 1000;

#[derive(Debug, Clone, PartialEq)]
enum Load {
    Loading,
    /// Still loading after a few seconds: a word that a slow connection is fine.
    Slow,
    Failed(LoadError),
    Ready(Rc<Ready>),
}

/// Fetches and checks the catalogue at `url`, and the glossary file for `language`, showing how it
/// goes in `load`. Run when the widget starts or the `catalogue` attribute changes, and by "Try again".
fn start_loading(load: UseStateHandle<Load>, url: Option<String>, timeout: u32, language: &'static str) {
    load.set(Load::Loading);
    // The glossary (explanations, cautions) downloads beside the catalogue, and the finder waits
    // for it, so they are there with the first results: it is small, and has almost always arrived
    // first. Without it the finder still works, with the names of terms only.
    let glossary = start_glossary(language, timeout);
    wasm_bindgen_futures::spawn_local(async move {
        let slow = {
            let load = load.clone();
            Timeout::new(4000, move || load.set(Load::Slow))
        };
        let result = match url {
            None => Err(LoadError {
                message: "This clinic finder has no clinic list to show yet.".into(),
                detail: "clinic-compare: the element has no catalogue attribute; add catalogue=\"clinics.json\"".into(),
                retry: false,
            }),
            Some(url) => fetch_catalogue(&url, timeout).await,
        };
        let result = match result {
            Ok(mut ready) => {
                ready.explained = finish_glossary(language, glossary).await;
                // A catalogue without questions of its own gets the default ones, whose text
                // comes with the glossary file (none if it could not be loaded).
                if ready.questions.is_empty() {
                    ready.questions = Rc::new(crate::catalogue::vocabulary::default_questions());
                }
                Ok(ready)
            }
            failed => failed,
        };
        drop(slow);
        load.set(match result {
            Ok(ready) => Load::Ready(Rc::new(ready)),
            Err(error) => {
                web_sys::console::error_1(&error.detail.clone().into());
                Load::Failed(error)
            }
        });
    });
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let load = use_state(|| Load::Loading);
    {
        let load = load.clone();
        let timeout = props.config.timeout_seconds;
        let language = props.config.locale.language();
        use_effect_with(props.config.catalogue.clone(), move |url| {
            start_loading(load, url.clone(), timeout, language)
        });
    }
    let emitter = Emitter { node: use_node_ref() };
    {
        // Tell the host page once the list is ready, or that it failed.
        let emitter = emitter.clone();
        use_effect_with(load.clone(), move |load| match &**load {
            Load::Ready(ready) => {
                emitter.emit(
                    "ready",
                    &[
                        ("clinics", Field::Count(ready.engine.clinics.len())),
                        ("problems", Field::Count(ready.problems.len())),
                    ],
                );
                // The first results are on screen: build the text search while the family reads, in
                // slices, so their first taps are answered (a search that needs it finishes it).
                let ready = ready.clone();
                after_next_paint(move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        in_slices(|| ready.engine.prepare_text_some(TEXT_BATCH)).await;
                    })
                });
            }
            Load::Failed(error) => emitter.emit("error", &[("message", Field::Text(&error.detail))]),
            Load::Loading | Load::Slow => {}
        });
    }
    // The numbers for the clinics' countries once they are known, the family's before. (The app
    // renders only when the load changes, so this runs a handful of times.)
    let clinics = match &*load {
        Load::Ready(ready) => ready.engine.clinics.as_slice(),
        _ => &[],
    };
    let config = &props.config;
    let helplines = Rc::new(Helplines::new(
        config.country.as_deref(),
        config.locale,
        config.emergency_number.clone(),
        clinics.iter().map(|c| c.location.country.as_str()),
    ));
    let theme = match props.config.theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => "auto",
    };
    let body = match &*load {
        Load::Loading | Load::Slow => html! {
            <p class="cc-status" role="status">
                { if matches!(*load, Load::Slow) { "Still loading the list of clinics. This can take a moment on a slow connection." } else { "Loading clinics…" } }
            </p>
        },
        Load::Failed(error) => {
            let retry = {
                let (load, url) = (load.clone(), props.config.catalogue.clone());
                let timeout = props.config.timeout_seconds;
                let language = props.config.locale.language();
                Callback::from(move |_| start_loading(load.clone(), url.clone(), timeout, language))
            };
            html! {
                <div class="cc-error" role="alert">
                    <p>{ &error.message }</p>
                    if error.retry { <button type="button" class="cc-button" onclick={retry}>{ "Try again" }</button> }
                </div>
            }
        }
        Load::Ready(ready) => {
            html! { <Finder ready={ready.clone()} config={props.config.clone()} emitter={emitter.clone()} helplines={helplines.clone()} /> }
        }
    };
    html! {
        <div class="cc-app" data-theme={theme} data-crash={CRASHED} data-crash-link={CRASHED_LIST_LINK} ref={emitter.node.clone()}>
            <header class="cc-header">
                <p class="cc-intro">{ "Find and compare treatment services for opioid and heroin use, and keep a list of questions to ask them." }</p>
                { emergency(&helplines) }
            </header>
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FinderProps {
    ready: Rc<Ready>,
    config: Rc<Config>,
    emitter: Emitter,
    helplines: Rc<Helplines>,
}

/// The loaded widget: tabs, search, filters, results and the other views.
#[function_component(Finder)]
fn finder(props: &FinderProps) -> Html {
    let config = &props.config;
    let ready = &props.ready;
    let engine = &ready.engine;
    let locale = config.locale;
    let miles = config.units == Units::Miles;
    let state = use_reducer(|| {
        let mut state = State::new(config.max_compare);
        for (facet, code) in &config.initial_filters {
            state.filters.select(facet, code);
        }
        if let Some((shortlist, notes)) = storage::kept(config, ready) {
            state.restore(shortlist, notes);
        }
        state
    });
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    storage::use_kept_state(&state, config);
    let emitter = &props.emitter;
    {
        // Hosts hear which filters are on (codes only) and how many clinics match — never text,
        // places or notes.
        let emitter = emitter.clone();
        let first = use_mut_ref(|| true);
        let selected = state.filters.selected.clone();
        use_effect_with(selected, move |selected| {
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            let filters: Vec<String> = selected
                .iter()
                .flat_map(|(f, codes)| codes.iter().map(move |c| format!("{f}:{c}")))
                .collect();
            emitter.emit("filters-changed", &[("filters", Field::List(&filters))]);
        });
    }
    let heading = use_node_ref();
    let place_input = use_node_ref();
    {
        // The place box shows the place searched for, also after "Use my location" or on coming
        // back to the list. It is set here rather than bound to the state on every render, which
        // would wipe what the family is typing whenever anything else changes.
        let place_input = place_input.clone();
        let showing_list = state.view == View::Find;
        use_effect_with((state.place.clone(), showing_list), move |(place, _)| {
            if let Some(input) = place_input.cast::<web_sys::HtmlInputElement>() {
                if input.value() != *place {
                    input.set_value(place);
                }
            }
        });
    }
    {
        // A clinic's page moves focus to its heading, so keyboard and screen-reader users land on
        // it; the comparison tells the host which clinics are compared (again as they change).
        let emitter = emitter.clone();
        let heading = heading.clone();
        let compared = (state.view == View::Compare).then(|| state.shortlist.clone());
        use_effect_with((state.view.clone(), compared), move |(view, compared)| {
            if let (View::Details(_), Some(h)) = (view, heading.cast::<web_sys::HtmlElement>()) {
                h.focus().ok();
            }
            if let Some(ids) = compared {
                emitter.emit("compared", &[("clinics", Field::List(ids))]);
            }
        });
    }

    // Our standard questions are written in British English; respell them for en-US.
    let questions = {
        let ready = ready.clone();
        use_memo(locale, move |locale| {
            let questions: Vec<Question> = ready
                .questions
                .iter()
                .map(|q| Question {
                    id: q.id.clone(),
                    text: localise(&q.text, *locale).into_owned(),
                })
                .collect();
            Rc::new(questions)
        })
    };
    let answer = {
        let ready = ready.clone();
        use_memo(
            (state.filters.clone(), state.place.clone(), locale),
            move |(query, place, locale)| ready.engine.run(query, place, *locale),
        )
    };

    let shortlisted: Vec<_> = state
        .shortlist
        .iter()
        .filter_map(|id| engine.clinics.iter().find(|c| &c.id == id).cloned())
        .collect();
    let tab = |view: View, text: String| {
        // A clinic's details belong to "Find clinics".
        let showing = match &state.view {
            View::Details(_) => View::Find,
            other => other.clone(),
        };
        let current = showing == view;
        let onclick = dispatch.reform(move |_| Action::Show(view.clone()));
        html! {
            <button type="button" class="cc-tab"
                aria-current={current.then_some("page")} {onclick}>{ text }</button>
        }
    };
    let announcer = use_node_ref();
    {
        // The result count for screen readers, announced politely once typing or clicking
        // settles: written into the live region when it has not changed for 0.7 s (the region is
        // rendered empty, so re-rendering the finder never touches it).
        let announcer = announcer.clone();
        let timer = use_mut_ref(|| None::<Timeout>);
        use_effect_with(answer.total, move |&total| {
            *timer.borrow_mut() = Some(Timeout::new(700, move || {
                let text = count_text(total);
                if let Some(region) = announcer.get().filter(|r| r.text_content().as_deref() != Some(&text)) {
                    region.set_text_content(Some(&text));
                }
            }));
        });
    }
    let main = match &state.view {
        View::Find => find_view(&FindViewProps {
            place_input: place_input.clone(),
            state: state.clone(),
            answer: answer.clone(),
            ready: ready.clone(),
            locale,
            miles,
            on_action: dispatch.clone(),
        }),
        View::Details(id) => match engine.clinics.iter().find(|c| &c.id == id) {
            Some(clinic) => clinic_details(&ClinicDetailsProps {
                heading: heading.clone(),
                clinic: clinic.clone(),
                questions: (*questions).clone(),
                locale,
                shortlisted: state.is_shortlisted(id),
                on_action: dispatch.clone(),
                emitter: emitter.clone(),
            }),
            None => html! { <p>{ "That clinic is no longer in the list." }</p> },
        },
        View::Compare => compare(&CompareProps {
            clinics: shortlisted.clone(),
            questions: (*questions).clone(),
            locale,
            only_differences: state.only_differences,
            helplines: props.helplines.text(),
            on_action: dispatch.clone(),
        }),
        View::Checklist => checklist(&ChecklistProps {
            clinics: shortlisted.clone(),
            questions: (*questions).clone(),
            notes: state.notes.clone(),
            can_keep: config.persist,
            keep_on_device: state.keep_on_device,
            helplines: props.helplines.text(),
            on_action: dispatch.clone(),
        }),
    };
    html! {
        <>
            <nav class="cc-tabs" part="tabs" aria-label="Clinic finder">
                { tab(View::Find, "Find clinics".into()) }
                { tab(View::Compare, format!("Compare ({})", state.shortlist.len())) }
                { tab(View::Checklist, "Questions to ask".into()) }
            </nav>
            <p class="cc-visually-hidden" role="status" aria-live="polite" aria-atomic="true" ref={announcer.clone()}></p>
            <div class="cc-notice" role="status" aria-live="polite">
                if let Some(notice) = &state.notice { <p>{ notice }</p> }
            </div>
            { catalogue_problems(&ready.skipped) }
            if !ready.explained {
                <p class="cc-unexplained">{ "The explanations of terms and the standard questions could not be loaded. Reloading the page may help." }</p>
            }
            <div class="cc-main">{ main }</div>
            <footer class="cc-footer">
                <p>{ format!("Information from {}", ready.publisher.name) }
                    if let Some(updated) = Some(&ready.publisher.updated).filter(|u| !u.is_empty()) {
                        { format!(", updated {}", crate::catalogue::describe::month_year(updated)) }
                    }
                    { ". Always check details with the service." }
                </p>
                if let Some(a) = &ready.publisher.attribution { <p>{ a }</p> }
                { about_note(locale) }
                if let Some(credits) = Some(super::places::credits()).filter(|c| !c.is_empty()) { <p>{ credits }</p> }
            </footer>
        </>
    }
}

/// What the information is based on, behind a disclosure (its text comes with the glossary file).
fn about_note(locale: Locale) -> Html {
    let Some(note) = crate::catalogue::glossary::note("about", locale) else {
        return html! {};
    };
    html! {
        <details class="cc-about">
            <summary>{ "About this information" }</summary>
            { for substring::split(&note, "\n\n").map(|p| html! { <p>{ p.to_string() }</p> }) }
        </details>
    }
}

/// When records were skipped, say so calmly, with the details a site owner needs one click away.
fn catalogue_problems(skipped: &[String]) -> Html {
    if skipped.is_empty() {
        return html! {};
    }
    let n = skipped.len();
    html! {
        <details class="cc-problems">
            <summary>{ format!("{n} {} in this list could not be shown", if n == 1 { "entry" } else { "entries" }) }</summary>
            <p>{ "For the website's owner: these records have problems. The other clinics are shown as normal." }</p>
            <ul>{ for skipped.iter().take(50).map(|p| html! { <li>{ p.as_str() }</li> }) }</ul>
            if n > 50 { <p>{ format!("…and {} more; the browser console and `clinic-catalogue validate` list them all.", n - 50) }</p> }
        </details>
    }
}

struct FindViewProps {
    /// The place box: what is typed stays there until it is searched (see the finder's effect).
    place_input: NodeRef,
    state: UseReducerHandle<State>,
    answer: Rc<super::query::Answer>,
    ready: Rc<Ready>,
    locale: Locale,
    miles: bool,
    on_action: Callback<Action>,
}

/// Search boxes, filter groups and results (a plain function, as [`super::compare::compare`] explains).
fn find_view(props: &FindViewProps) -> Html {
    let state = &props.state;
    let answer = &props.answer;
    let engine = &props.ready.engine;
    let on_place = {
        let ready = props.ready.clone();
        let place_input = props.place_input.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = super::places::typed_place(&e, &place_input);
            super::places::find_place(&ready, &typed, on_action.clone());
        })
    };
    let use_location = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| {
            let on_action = on_action.clone();
            super::geo::current_position(move |result| {
                on_action.emit(match result {
                    Ok(point) => Action::UseLocation(point),
                    Err(message) => Action::PlaceError(message),
                })
            });
        })
    };
    let unit = if props.miles { 1.609_344 } else { 1.0 };
    let unit_name = if props.miles { "miles" } else { "km" };
    // The choices are whole numbers: reading them as such keeps the float parser (and its tables)
    // out of the download.
    let on_radius = props.on_action.reform(move |e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetRadius(s.value().parse::<u32>().ok().map(|v| f64::from(v) * unit))
    });
    let on_text = props.on_action.reform(|e: InputEvent| {
        let i: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetText(i.value())
    });
    let on_price = props.on_action.reform(|e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetMaxPrice(s.value().parse::<u32>().ok().map(f64::from))
    });
    let on_days = props.on_action.reform(|e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetMaxDays(s.value().parse::<u32>().ok())
    });
    let open_filters = props.on_action.reform(|_| Action::OpenFilters(true));
    let close_filters = props.on_action.reform(|_| Action::OpenFilters(false));
    let active = state.filters.active_count();
    let shown: Vec<_> = answer
        .order
        .iter()
        .take(state.shown)
        .map(|(i, km)| (engine.clinics[*i].clone(), *km))
        .collect();
    let radius_now = state
        .filters
        .radius_km
        .map(|km| crate::catalogue::describe::rounded(km / unit, 0))
        .unwrap_or_default();
    let programme = crate::catalogue::describe::spell(props.locale, "Programme length", "Program length");
    html! {
        <div class="cc-find">
            <form class="cc-place" role="search" aria-label="Find clinics near a place" onsubmit={on_place}>
                <div class="cc-field">
                    <label for="cc-place-input">{ "Near (town, postcode or ZIP code)" }</label>
                    <div class="cc-inline">
                        <input id="cc-place-input" type="text" autocomplete="postal-code"
                            ref={props.place_input.clone()} aria-describedby="cc-place-error" />
                        <button type="submit" class="cc-button cc-button-primary">{ "Search" }</button>
                    </div>
                    <p id="cc-place-error" class="cc-field-error" aria-live="polite">{ state.place_error.clone().unwrap_or_default() }</p>
                    { super::places::choices(&state.place_choices) }
                </div>
                <div class="cc-inline cc-place-extra">
                    <button type="button" class="cc-button" onclick={use_location}>{ "Use my location" }</button>
                    <label class="cc-select-label">{ "Within " }
                        <select onchange={on_radius}>
                            <option value="" selected={radius_now.is_empty()}>{ "any distance" }</option>
                            { for [5, 10, 25, 50, 100].iter().map(|r| html! {
                                <option value={r.to_string()} selected={radius_now == r.to_string()}>{ format!("{r} {unit_name}") }</option>
                            }) }
                        </select>
                    </label>
                </div>
                <div class="cc-field">
                    <label for="cc-text-input">{ "Search by name or town" }</label>
                    <input id="cc-text-input" type="search" value={state.filters.text.clone()} oninput={on_text} />
                </div>
            </form>
            <button type="button" class="cc-button cc-filters-toggle" aria-expanded={state.filters_open.to_string()} onclick={open_filters}>
                { if active > 0 { format!("Filters ({active})") } else { "Filters".to_string() } }
            </button>
            <div class="cc-layout">
                // State shows in attributes (data-open, aria-current, disabled), never in computed
                // classes: a `class` that is not a literal brings Yew's class set (an IndexSet) along.
                <aside class="cc-filters" data-open={state.filters_open.then_some("true")} part="filters" aria-label="Filters">
                    <div class="cc-filters-head">
                        <h2>{ "Filters" }</h2>
                        <button type="button" class="cc-link-button cc-filters-close" onclick={close_filters.clone()}>{ "Close" }</button>
                    </div>
                    { for answer.groups.iter().map(|g| html! { <FilterGroup key={g.facet.clone()} group={g.clone()} on_action={props.on_action.clone()} /> }) }
                    <details class="cc-filter-group">
                        <summary>{ format!("Price and {}", programme.to_ascii_lowercase()) }</summary>
                        <div class="cc-field">
                            <label for="cc-price">{ "Price per week, up to" }</label>
                            <select id="cc-price" onchange={on_price}>
                                <option value="" selected={state.filters.max_price.is_none()}>{ "Any price" }</option>
                                { for [250, 500, 1000, 2000, 5000].iter().map(|p| html! {
                                    <option value={p.to_string()} selected={state.filters.max_price == Some(*p as f64)}>{ format!("{p} a week") }</option>
                                }) }
                            </select>
                        </div>
                        <div class="cc-field">
                            <label for="cc-days">{ format!("{programme}, up to") }</label>
                            <select id="cc-days" onchange={on_days}>
                                <option value="" selected={state.filters.max_days.is_none()}>{ "Any length" }</option>
                                { for [14, 28, 60, 90, 180].iter().map(|d| html! {
                                    <option value={d.to_string()} selected={state.filters.max_days == Some(*d)}>{ format!("{d} days") }</option>
                                }) }
                            </select>
                        </div>
                    </details>
                    <button type="button" class="cc-button cc-button-primary cc-filters-show" onclick={close_filters}>
                        { format!("Show {}", count_text(answer.total)) }
                    </button>
                </aside>
                { results(&ResultsProps {
                    total: answer.total,
                    shown,
                    shortlist: state.shortlist.clone(),
                    sort: state.filters.sort,
                    has_point: state.filters.point.is_some(),
                    has_text: !state.filters.text.trim().is_empty(),
                    chips: answer.chips.clone(),
                    loosen: answer.loosen.clone(),
                    locale: props.locale,
                    miles: props.miles,
                    on_action: props.on_action.clone(),
                }) }
            </div>
        </div>
    }
}

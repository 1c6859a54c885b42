//! The root component: loads the catalogue named by the configuration, builds the engine once, and
//! lays out the views. State lives in one reducer (`state`); queries run in `query`.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::say::say;

use super::checklist::{checklist, ChecklistProps};
use super::compare::{compare, CompareProps};
use super::details::{clinic_details, ClinicDetailsProps};
use super::emergency::{emergency, Helplines};
use super::events::{Emitter, Field};
use super::fetch::{after_next_paint, fetch_catalogue, in_slices, LoadError};
use super::filters::FilterGroup;
use super::glossary::{finish_glossary, start_glossary};
use super::language::{language_switch, switch_language};
use super::loaded::Ready;
use super::results::{count_text, results, ResultsProps};
use super::state::{Action, Message, State, View};
use super::storage;
use crate::catalogue::substring;
use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::{localise, Locale};
use crate::catalogue::Question;
use crate::config::{Config, Theme, Units};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
}

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
    // The glossary (explanations, cautions; for Spanish every word) downloads beside the catalogue,
    // and the finder waits for it, so they are there with the first results: it is small, and has
    // almost always arrived first. Without it the finder still works, in English, with the names
    // of terms only.
    let glossary = start_glossary(language, timeout);
    wasm_bindgen_futures::spawn_local(async move {
        let slow = {
            let load = load.clone();
            Timeout::new(4000, move || load.set(Load::Slow))
        };
        let result = match url {
            None => Err(LoadError {
                message: Ui::NoCatalogue,
                detail: "clinic-compare: the element has no catalogue attribute; add catalogue=\"clinics.json\"".into(),
                retry: false,
            }),
            Some(url) => fetch_catalogue(&url, timeout).await,
        };
        let result = match result {
            Ok(mut ready) => {
                ready.explained = finish_glossary(language, glossary).await;
                if !ready.explained && language != "en" {
                    // The language's file is missing: the widget speaks English (and says so).
                    ready.explained = finish_glossary("en", start_glossary("en", timeout)).await;
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

/// The locale the widget can show: the chosen one if its texts are here, else US English (a
/// Spanish file that could not be loaded).
fn shown_locale(chosen: Locale) -> Locale {
    if chosen == Locale::Es && crate::catalogue::glossary::installed("es").is_none() {
        Locale::EnUs
    } else {
        chosen
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let load = use_state(|| Load::Loading);
    let config = &props.config;
    {
        let load = load.clone();
        let timeout = config.timeout_seconds;
        let language = config.locale.language();
        use_effect_with(config.catalogue.clone(), move |url| {
            start_loading(load, url.clone(), timeout, language)
        });
    }
    let emitter = Emitter { node: use_node_ref() };
    // The switch sets the element's `lang`, so the page, the widget and its configuration agree.
    let on_language = switch_language(&emitter.node, config.timeout_seconds);
    use_load_events(&load, &emitter, config, &on_language);
    let loading = matches!(*load, Load::Loading | Load::Slow);
    let locale = if loading {
        config.locale
    } else {
        shown_locale(config.locale)
    };
    // The numbers for the clinics' countries once they are known, the family's before. (The app
    // renders only when the load changes, so this runs a handful of times.)
    let clinics = match &*load {
        Load::Ready(ready) => ready.engine.clinics.as_slice(),
        _ => &[],
    };
    let helplines = Rc::new(Helplines::new(
        config.country.as_deref(),
        locale,
        config.emergency_number.clone(),
        clinics.iter().map(|c| c.location.country.as_str()),
    ));
    let theme = match config.theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => "auto",
    };
    let body = match &*load {
        Load::Loading | Load::Slow => html! {
            <p class="cc-status" role="status">
                { if matches!(*load, Load::Slow) { Ui::StillLoading } else { Ui::Loading }.text(locale) }
            </p>
        },
        Load::Failed(error) => load_failed(error, &load, config, locale),
        Load::Ready(ready) => html! {
            <Finder ready={ready.clone()} config={config.clone()} {locale} emitter={emitter.clone()}
                helplines={helplines.clone()} />
        },
    };
    html! {
        // What replaces the widget after a crash, in its language: the shipped build's loader reads
        // it from here (www/clinic-compare.js), as nothing may call into the wasm once it trapped.
        <div class="cc-app" data-theme={theme} lang={locale.tag()} data-crash={Ui::Crashed.text(locale)}
            data-crash-link={Ui::CrashedListLink.text(locale)} ref={emitter.node.clone()}>
            <header class="cc-header">
                { language_switch(config.switch, locale, &on_language) }
                if locale != config.locale { <p class="cc-unexplained" role="status">{ super::language::NOT_LOADED }</p> }
                <p class="cc-intro">{ say(Ui::Intro, locale) }</p>
                { emergency(&helplines, locale) }
            </header>
            { body }
        </div>
    }
}

/// Tells the host page once the list is ready, or that it failed; then builds the text search, and
/// restores the language the family kept on this device (if they chose to keep things).
#[hook]
fn use_load_events(load: &UseStateHandle<Load>, emitter: &Emitter, config: &Config, on_language: &Callback<Locale>) {
    let emitter = emitter.clone();
    let kept = storage::kept_language(config).filter(|kept| *kept != config.locale);
    let on_language = on_language.clone();
    use_effect_with(load.clone(), move |load| match &**load {
        Load::Ready(ready) => {
            if let Some(kept) = kept {
                on_language.emit(kept);
            }
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

/// The message when the catalogue could not be loaded, with "Try again" when it may help.
fn load_failed(error: &LoadError, load: &UseStateHandle<Load>, config: &Config, locale: Locale) -> Html {
    let retry = {
        let (load, url) = (load.clone(), config.catalogue.clone());
        let timeout = config.timeout_seconds;
        let language = config.locale.language();
        Callback::from(move |_| start_loading(load.clone(), url.clone(), timeout, language))
    };
    html! {
        <div class="cc-error" role="alert">
            <p>{ error.message.text(locale) }</p>
            if error.retry { <button type="button" class="cc-button" onclick={retry}>{ say(Ui::TryAgain, locale) }</button> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FinderProps {
    ready: Rc<Ready>,
    config: Rc<Config>,
    /// The language shown (the configuration's, or English if its texts could not be loaded).
    locale: Locale,
    emitter: Emitter,
    helplines: Rc<Helplines>,
}

/// The loaded widget: tabs, search, filters, results and the other views.
#[function_component(Finder)]
fn finder(props: &FinderProps) -> Html {
    let config = &props.config;
    let ready = &props.ready;
    let locale = props.locale;
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
    use_filter_events(&state, &props.emitter);
    let place_input = use_node_ref();
    use_place_box(&state, &place_input);
    let heading = use_node_ref();
    use_focus_and_compare_events(&state, &heading, &props.emitter);
    let questions = use_questions(ready, locale);
    let answer = {
        let ready = ready.clone();
        use_memo(
            (state.filters.clone(), state.place.clone(), locale),
            move |(query, place, locale)| ready.engine.run(query, place, *locale),
        )
    };
    let announcer = use_count_announcer(answer.total, locale);

    let views = Views {
        props,
        state: &state,
        dispatch: &dispatch,
        questions,
        answer,
        place_input,
        heading,
    };
    html! {
        <>
            { views.tabs() }
            <p class="cc-visually-hidden" role="status" aria-live="polite" aria-atomic="true" ref={announcer}></p>
            <div class="cc-notice" role="status" aria-live="polite">
                if let Some(notice) = &state.notice { <p>{ notice.text(locale) }</p> }
            </div>
            { catalogue_problems(&ready.skipped, locale) }
            if !ready.explained {
                <p class="cc-unexplained">{ say(Ui::NotExplained, locale) }</p>
            }
            <div class="cc-main">{ views.main() }</div>
            { footer(ready, locale) }
        </>
    }
}

/// Hosts hear which filters are on (codes only) and how many clinics match — never text, places or
/// notes.
#[hook]
fn use_filter_events(state: &UseReducerHandle<State>, emitter: &Emitter) {
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

/// The place box shows the place searched for, also after "Use my location" or on coming back to
/// the list. It is set here rather than bound to the state on every render, which would wipe what
/// the family is typing whenever anything else changes.
#[hook]
fn use_place_box(state: &UseReducerHandle<State>, place_input: &NodeRef) {
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

/// A clinic's page moves focus to its heading, so keyboard and screen-reader users land on it; the
/// comparison tells the host which clinics are compared (again as they change).
#[hook]
fn use_focus_and_compare_events(state: &UseReducerHandle<State>, heading: &NodeRef, emitter: &Emitter) {
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

/// The catalogue's own questions, or ours in the widget's language (written in British English:
/// respelt for en-US).
#[hook]
fn use_questions(ready: &Rc<Ready>, locale: Locale) -> Rc<Vec<Question>> {
    let ready = ready.clone();
    let questions = use_memo(locale, move |&locale| {
        if ready.questions.is_empty() {
            return Rc::new(crate::catalogue::vocabulary::default_questions_in(locale));
        }
        let questions: Vec<Question> = ready
            .questions
            .iter()
            .map(|q| Question {
                id: q.id.clone(),
                text: match ready.engine.translated(locale, &format!("question/{}", q.id)) {
                    Some(text) => text.to_string(),
                    None => localise(&q.text, locale).into_owned(),
                },
            })
            .collect();
        Rc::new(questions)
    });
    (*questions).clone()
}

/// The result count for screen readers, announced politely once typing or clicking settles:
/// written into the live region when it has not changed for 0.7 s (the region is rendered empty,
/// so re-rendering the finder never touches it).
#[hook]
fn use_count_announcer(total: usize, locale: Locale) -> NodeRef {
    let announcer = use_node_ref();
    let region = announcer.clone();
    let timer = use_mut_ref(|| None::<Timeout>);
    use_effect_with(total, move |&total| {
        *timer.borrow_mut() = Some(Timeout::new(700, move || {
            let text = count_text(total, locale);
            if let Some(region) = region.get().filter(|r| r.text_content().as_deref() != Some(&text)) {
                region.set_text_content(Some(&text));
            }
        }));
    });
    announcer
}

/// What the finder's views are made from.
struct Views<'a> {
    props: &'a FinderProps,
    state: &'a UseReducerHandle<State>,
    dispatch: &'a Callback<Action>,
    questions: Rc<Vec<Question>>,
    answer: Rc<super::query::Answer>,
    place_input: NodeRef,
    heading: NodeRef,
}

impl Views<'_> {
    /// The tabs: "Find clinics", "Compare (n)", "Questions to ask".
    fn tabs(&self) -> Html {
        let locale = self.props.locale;
        let tab = |view: View, text: String| {
            // A clinic's details belong to "Find clinics".
            let showing = match &self.state.view {
                View::Details(_) => View::Find,
                other => other.clone(),
            };
            let current = showing == view;
            let onclick = self.dispatch.reform(move |_| Action::Show(view.clone()));
            html! {
                <button type="button" class="cc-tab"
                    aria-current={current.then_some("page")} {onclick}>{ text }</button>
            }
        };
        let count = self.state.shortlist.len().to_string();
        html! {
            <nav class="cc-tabs" part="tabs" aria-label={Ui::TabsLabel.text(locale)}>
                { tab(View::Find, Ui::TabFind.text(locale).to_string()) }
                { tab(View::Compare, Ui::TabCompare.fill(locale, &[("count", &count)])) }
                { tab(View::Checklist, Ui::TabQuestions.text(locale).to_string()) }
            </nav>
        }
    }

    /// The view the family is on.
    fn main(&self) -> Html {
        let (props, state) = (self.props, self.state);
        let (ready, locale) = (&props.ready, props.locale);
        let engine = &ready.engine;
        let shortlisted = || -> Vec<_> {
            let find = |id: &String| engine.clinics.iter().find(|c| &c.id == id).cloned();
            state.shortlist.iter().filter_map(find).collect()
        };
        match &state.view {
            View::Find => find_view(&FindViewProps {
                place_input: self.place_input.clone(),
                state: state.clone(),
                answer: self.answer.clone(),
                ready: ready.clone(),
                locale,
                miles: props.config.units == Units::Miles,
                on_action: self.dispatch.clone(),
            }),
            View::Details(id) => match engine.clinics.iter().find(|c| &c.id == id) {
                Some(clinic) => clinic_details(&ClinicDetailsProps {
                    heading: self.heading.clone(),
                    clinic: clinic.clone(),
                    questions: self.questions.clone(),
                    locale,
                    shortlisted: state.is_shortlisted(id),
                    on_action: self.dispatch.clone(),
                    emitter: props.emitter.clone(),
                }),
                None => html! { <p>{ say(Ui::ClinicGone, locale) }</p> },
            },
            View::Compare => compare(&CompareProps {
                clinics: shortlisted(),
                questions: self.questions.clone(),
                locale,
                only_differences: state.only_differences,
                helplines: props.helplines.text(locale),
                on_action: self.dispatch.clone(),
            }),
            View::Checklist => checklist(&ChecklistProps {
                clinics: shortlisted(),
                questions: self.questions.clone(),
                notes: state.notes.clone(),
                can_keep: props.config.persist,
                keep_on_device: state.keep_on_device,
                helplines: props.helplines.text(locale),
                locale,
                on_action: self.dispatch.clone(),
            }),
        }
    }
}

/// Who published the list and when, and what the information is based on.
fn footer(ready: &Ready, locale: Locale) -> Html {
    let publisher = &ready.publisher;
    let updated = Some(&publisher.updated).filter(|u| !u.is_empty());
    html! {
        <footer class="cc-footer">
            <p>{ Ui::InformationFrom.fill(locale, &[("publisher", &publisher.name)]) }
                if let Some(updated) = updated {
                    { Ui::Updated.fill(locale, &[("date", &crate::catalogue::describe::month_year(updated, locale))]) }
                }
                { say(Ui::CheckWithService, locale) }
            </p>
            if let Some(a) = ready.engine.translated(locale, "attribution").or(publisher.attribution.as_deref()) { <p>{ a }</p> }
            { about_note(locale) }
            if let Some(credits) = Some(super::places::credits()).filter(|c| !c.is_empty()) { <p>{ credits }</p> }
        </footer>
    }
}

/// What the information is based on, behind a disclosure (its text comes with the glossary file).
fn about_note(locale: Locale) -> Html {
    let Some(note) = crate::catalogue::glossary::note("about", locale) else {
        return html! {};
    };
    html! {
        <details class="cc-about">
            <summary>{ say(Ui::About, locale) }</summary>
            { for substring::split(&note, "\n\n").map(|p| html! { <p>{ p.to_string() }</p> }) }
        </details>
    }
}

/// When records were skipped, say so calmly, with the details a site owner needs one click away.
fn catalogue_problems(skipped: &[String], locale: Locale) -> Html {
    if skipped.is_empty() {
        return html! {};
    }
    let n = skipped.len();
    let summary = if n == 1 { Ui::SkippedOne } else { Ui::SkippedMany };
    html! {
        <details class="cc-problems">
            <summary>{ summary.fill(locale, &[("count", &n.to_string())]) }</summary>
            <p>{ say(Ui::SkippedForOwner, locale) }</p>
            <ul>{ for skipped.iter().take(50).map(|p| html! { <li>{ p.as_str() }</li> }) }</ul>
            if n > 50 { <p>{ Ui::SkippedMore.fill(locale, &[("count", &(n - 50).to_string())]) }</p> }
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
    let locale = props.locale;
    let open_filters = props.on_action.reform(|_| Action::OpenFilters(true));
    let active = state.filters.active_count();
    let shown: Vec<_> = answer
        .order
        .iter()
        .take(state.shown)
        .map(|(i, km)| (engine.clinics[*i].clone(), *km))
        .collect();
    let toggle = if active > 0 {
        Ui::FiltersCount.fill(locale, &[("count", &active.to_string())])
    } else {
        Ui::Filters.text(locale).to_string()
    };
    html! {
        <div class="cc-find">
            { place_form(props) }
            <button type="button" class="cc-button cc-filters-toggle" aria-expanded={state.filters_open.to_string()} onclick={open_filters}>
                { toggle }
            </button>
            <div class="cc-layout">
                { filters_panel(props) }
                { results(&ResultsProps {
                    total: answer.total,
                    shown,
                    shortlist: state.shortlist.clone(),
                    sort: state.filters.sort,
                    has_point: state.filters.point.is_some(),
                    has_text: !state.filters.text.trim().is_empty(),
                    chips: answer.chips.clone(),
                    loosen: answer.loosen.clone(),
                    locale,
                    miles: props.miles,
                    on_action: props.on_action.clone(),
                }) }
            </div>
        </div>
    }
}

/// Miles or kilometres: the factor to kilometres and the unit's name.
fn unit(miles: bool, locale: Locale) -> (f64, &'static str) {
    if miles {
        (1.609_344, Ui::Miles.text(locale))
    } else {
        (1.0, "km")
    }
}

/// The place box, "Use my location", the distance and the name search.
fn place_form(props: &FindViewProps) -> Html {
    let (state, locale) = (&props.state, props.locale);
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
                    Ok(point) => Action::UseLocation(point, Ui::YourLocation.text(locale).to_string()),
                    Err(message) => Action::PlaceError(Message::Said(message)),
                })
            });
        })
    };
    let on_text = props.on_action.reform(|e: InputEvent| {
        let i: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetText(i.value())
    });
    html! {
        <form class="cc-place" role="search" aria-label={Ui::PlaceFormLabel.text(locale)} onsubmit={on_place}>
            <div class="cc-field">
                <label for="cc-place-input">{ say(Ui::Near, locale) }</label>
                <div class="cc-inline">
                    <input id="cc-place-input" type="text" autocomplete="postal-code"
                        ref={props.place_input.clone()} aria-describedby="cc-place-error" />
                    <button type="submit" class="cc-button cc-button-primary">{ say(Ui::Search, locale) }</button>
                </div>
                <p id="cc-place-error" class="cc-field-error" aria-live="polite">{ state.place_error.as_ref().map(|m| m.text(locale)).unwrap_or_default() }</p>
                { super::places::choices(&state.place_choices, locale) }
            </div>
            <div class="cc-inline cc-place-extra">
                <button type="button" class="cc-button" onclick={use_location}>{ say(Ui::UseMyLocation, locale) }</button>
                { radius_select(props) }
            </div>
            <div class="cc-field">
                <label for="cc-text-input">{ say(Ui::SearchByName, locale) }</label>
                <input id="cc-text-input" type="search" value={state.filters.text.clone()} oninput={on_text} />
            </div>
        </form>
    }
}

/// "Within [any distance]".
fn radius_select(props: &FindViewProps) -> Html {
    let locale = props.locale;
    let (unit, unit_name) = unit(props.miles, locale);
    // The choices are whole numbers: reading them as such keeps the float parser (and its tables)
    // out of the download.
    let on_radius = props.on_action.reform(move |e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetRadius(s.value().parse::<u32>().ok().map(|v| f64::from(v) * unit))
    });
    let radius_now = props
        .state
        .filters
        .radius_km
        .map(|km| crate::catalogue::describe::rounded(km / unit, 0))
        .unwrap_or_default();
    html! {
        <label class="cc-select-label">{ say(Ui::Within, locale) }
            <select onchange={on_radius}>
                <option value="" selected={radius_now.is_empty()}>{ say(Ui::AnyDistance, locale) }</option>
                { for [5, 10, 25, 50, 100].iter().map(|r| html! {
                    <option value={r.to_string()} selected={radius_now == r.to_string()}>{ format!("{r} {unit_name}") }</option>
                }) }
            </select>
        </label>
    }
}

/// The filter groups, price and length, and (on phones) "Show n clinics".
fn filters_panel(props: &FindViewProps) -> Html {
    let (state, locale) = (&props.state, props.locale);
    let close_filters = props.on_action.reform(|_| Action::OpenFilters(false));
    let show = Ui::ShowCount.fill(locale, &[("count", &count_text(props.answer.total, locale))]);
    html! {
        // State shows in attributes (data-open, aria-current, disabled), never in computed
        // classes: a `class` that is not a literal brings Yew's class set (an IndexSet) along.
        <aside class="cc-filters" data-open={state.filters_open.then_some("true")} part="filters" aria-label={Ui::Filters.text(locale)}>
            <div class="cc-filters-head">
                <h2>{ say(Ui::Filters, locale) }</h2>
                <button type="button" class="cc-link-button cc-filters-close" onclick={close_filters.clone()}>{ say(Ui::Close, locale) }</button>
            </div>
            { for props.answer.groups.iter().map(|g| html! { <FilterGroup key={g.facet.clone()} group={g.clone()} locale={locale} on_action={props.on_action.clone()} /> }) }
            { price_and_length(props) }
            <button type="button" class="cc-button cc-button-primary cc-filters-show" onclick={close_filters}>
                { show }
            </button>
        </aside>
    }
}

/// Price per week and programme length, up to a limit.
fn price_and_length(props: &FindViewProps) -> Html {
    let (state, locale) = (&props.state, props.locale);
    let on_price = props.on_action.reform(|e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetMaxPrice(s.value().parse::<u32>().ok().map(f64::from))
    });
    let on_days = props.on_action.reform(|e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetMaxDays(s.value().parse::<u32>().ok())
    });
    html! {
        <details class="cc-filter-group">
            <summary>{ say(Ui::PriceAndLength, locale) }</summary>
            <div class="cc-field">
                <label for="cc-price">{ say(Ui::PriceUpTo, locale) }</label>
                <select id="cc-price" onchange={on_price}>
                    <option value="" selected={state.filters.max_price.is_none()}>{ say(Ui::AnyPrice, locale) }</option>
                    { for [250, 500, 1000, 2000, 5000].iter().map(|p| html! {
                        <option value={p.to_string()} selected={state.filters.max_price == Some(*p as f64)}>{ Ui::AWeek.fill(locale, &[("amount", &p.to_string())]) }</option>
                    }) }
                </select>
            </div>
            <div class="cc-field">
                <label for="cc-days">{ say(Ui::LengthUpTo, locale) }</label>
                <select id="cc-days" onchange={on_days}>
                    <option value="" selected={state.filters.max_days.is_none()}>{ say(Ui::AnyLength, locale) }</option>
                    { for [14, 28, 60, 90, 180].iter().map(|d| html! {
                        <option value={d.to_string()} selected={state.filters.max_days == Some(*d)}>{ Ui::Days.fill(locale, &[("count", &d.to_string())]) }</option>
                    }) }
                </select>
            </div>
        </details>
    }
}

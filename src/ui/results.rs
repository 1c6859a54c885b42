//! The results: a live count, the sort control, removable chips for active filters, the cards, "show
//! more", and an empty state that says which filter to loosen.

use std::rc::Rc;

use yew::prelude::*;

use super::say::say;

use super::card::ClinicCard;
use super::state::{Action, Sort};
use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::Locale;
use crate::catalogue::Clinic;

/// An active filter, shown as a removable chip.
#[derive(Debug, Clone, PartialEq)]
pub struct Chip {
    pub label: String,
    pub remove: Action,
}

/// For an empty result: undoing `chip` would bring back `count` clinics.
#[derive(Debug, Clone, PartialEq)]
pub struct Loosen {
    pub chip: Chip,
    pub count: usize,
}

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub total: usize,
    /// The clinics to show now (the first page or pages), with distance in km when a place is set.
    pub shown: Vec<(Rc<Clinic>, Option<f64>)>,
    pub shortlist: Vec<String>,
    pub sort: Sort,
    pub has_point: bool,
    pub has_text: bool,
    pub chips: Vec<Chip>,
    pub loosen: Vec<Loosen>,
    pub locale: Locale,
    pub miles: bool,
    pub on_action: Callback<Action>,
}

/// "1 clinic", "12 clinics".
pub fn count_text(n: usize, locale: Locale) -> String {
    let text = if n == 1 { Ui::OneClinic } else { Ui::Clinics };
    text.fill(locale, &[("count", &n.to_string())])
}

const SORTS: [(Sort, &str, Ui); 6] = [
    (Sort::Relevance, "relevance", Ui::SortRelevance),
    (Sort::Name, "name", Ui::SortName),
    (Sort::Nearest, "nearest", Ui::SortNearest),
    (Sort::LowestPrice, "price", Ui::SortPrice),
    (Sort::ShortestProgramme, "length", Ui::SortLength),
    (Sort::RecentlyVerified, "verified", Ui::SortVerified),
];

/// The results (a plain function, as [`super::compare::compare`] explains: the cards are components,
/// so those whose props are unchanged are still not rendered again).
pub fn results(props: &ResultsProps) -> Html {
    let locale = props.locale;
    let more = props.on_action.reform(|_| Action::ShowMore);
    let shown = props.shown.len().to_string();
    let total = props.total.to_string();
    html! {
        <section class="cc-results" part="results" aria-labelledby="cc-results-title">
            <h2 id="cc-results-title" class="cc-visually-hidden">{ say(Ui::Results, locale) }</h2>
            <div class="cc-results-bar">
                <p class="cc-count">{ count_text(props.total, locale) }</p>
                { sort_select(props) }
            </div>
            { chips(props) }
            if props.total == 0 { { empty(props) } }
            <ul class="cc-list">
                { for props.shown.iter().map(|(clinic, km)| html! {
                    <ClinicCard
                        key={clinic.id.clone()}
                        clinic={clinic.clone()}
                        locale={props.locale}
                        distance_km={*km}
                        miles={props.miles}
                        shortlisted={props.shortlist.contains(&clinic.id)}
                        on_action={props.on_action.clone()}
                    />
                }) }
            </ul>
            if props.shown.len() < props.total {
                <button type="button" class="cc-button cc-more" onclick={more}>
                    { Ui::ShowMore.fill(locale, &[("shown", &shown), ("total", &total)]) }
                </button>
            }
        </section>
    }
}

/// "Sort by [Name (A to Z)]", with the orders that make sense now.
fn sort_select(props: &ResultsProps) -> Html {
    let on_sort = props.on_action.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let value = select.value();
        let sort = SORTS
            .iter()
            .find(|(_, v, _)| *v == value)
            .map(|(s, _, _)| *s)
            .unwrap_or_default();
        Action::SetSort(sort)
    });
    html! {
        <label class="cc-sort">{ say(Ui::SortBy, props.locale) }
            <select onchange={on_sort}>
                { for SORTS.iter().filter(|(s, _, _)| match s {
                    Sort::Nearest => props.has_point,
                    Sort::Relevance => props.has_text,
                    _ => true,
                }).map(|(s, value, text)| html! {
                    <option value={*value} selected={*s == props.sort}>{ text.text(props.locale) }</option>
                }) }
            </select>
        </label>
    }
}

/// The active filters as removable chips, and "Clear all".
fn chips(props: &ResultsProps) -> Html {
    if props.chips.is_empty() {
        return html! {};
    }
    let locale = props.locale;
    let clear = props.on_action.reform(|_| Action::ClearAll);
    html! {
        <ul class="cc-chips" aria-label={Ui::ActiveFilters.text(locale)}>
            { for props.chips.iter().map(|chip| {
                let remove = chip.remove.clone();
                let onclick = props.on_action.reform(move |_| remove.clone());
                html! {
                    <li><button type="button" class="cc-chip" {onclick}>
                        { &chip.label }<span aria-hidden="true">{ " ×" }</span>
                        <span class="cc-visually-hidden">{ say(Ui::RemoveFilter, locale) }</span>
                    </button></li>
                }
            }) }
            <li><button type="button" class="cc-link-button" onclick={clear}>{ say(Ui::ClearAll, locale) }</button></li>
        </ul>
    }
}

/// No results: which one choice to undo to bring clinics back.
fn empty(props: &ResultsProps) -> Html {
    let locale = props.locale;
    html! {
        <div class="cc-empty">
            <p><strong>{ say(Ui::NoMatch, locale) }</strong></p>
            if props.loosen.is_empty() {
                <p>{ say(Ui::TryDifferent, locale) }</p>
            } else {
                <p>{ say(Ui::RemovingWouldBringBack, locale) }</p>
                <ul>
                    { for props.loosen.iter().filter(|l| l.count > 0).map(|l| {
                        let remove = l.chip.remove.clone();
                        let onclick = props.on_action.reform(move |_| remove.clone());
                        let text = Ui::RemoveChoice.fill(locale, &[("choice", &l.chip.label), ("count", &count_text(l.count, locale))]);
                        html! { <li><button type="button" class="cc-link-button" {onclick}>{ text }</button></li> }
                    }) }
                </ul>
            }
        </div>
    }
}

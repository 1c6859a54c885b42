//! The results: a live count, the sort control, removable chips for active filters, the cards, "show
//! more", and an empty state that says which filter to loosen.

use std::rc::Rc;

use yew::prelude::*;

use super::card::ClinicCard;
use super::state::{Action, Sort};
use crate::catalogue::substring;
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

pub fn count_text(n: usize) -> String {
    format!("{n} {}", if n == 1 { "clinic" } else { "clinics" })
}

const SORTS: [(Sort, &str, &str); 6] = [
    (Sort::Relevance, "relevance", "Best match"),
    (Sort::Name, "name", "Name (A to Z)"),
    (Sort::Nearest, "nearest", "Nearest first"),
    (Sort::LowestPrice, "price", "Lowest price first"),
    (Sort::ShortestProgramme, "length", "Shortest programme first"),
    (Sort::RecentlyVerified, "verified", "Most recently checked"),
];

/// The results (a plain function, as [`super::compare::compare`] explains: the cards are components,
/// so those whose props are unchanged are still not rendered again).
pub fn results(props: &ResultsProps) -> Html {
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
    let more = props.on_action.reform(|_| Action::ShowMore);
    let clear = props.on_action.reform(|_| Action::ClearAll);
    let us = props.locale == Locale::EnUs;
    html! {
        <section class="cc-results" part="results" aria-labelledby="cc-results-title">
            <h2 id="cc-results-title" class="cc-visually-hidden">{ "Results" }</h2>
            <div class="cc-results-bar">
                <p class="cc-count">{ count_text(props.total) }</p>
                <label class="cc-sort">{ "Sort by " }
                    <select onchange={on_sort}>
                        { for SORTS.iter().filter(|(s, _, _)| match s {
                            Sort::Nearest => props.has_point,
                            Sort::Relevance => props.has_text,
                            _ => true,
                        }).map(|(s, value, text)| {
                            let text = if us { substring::replace(text, "programme", "program") } else { text.to_string() };
                            html! { <option value={*value} selected={*s == props.sort}>{ text }</option> }
                        }) }
                    </select>
                </label>
            </div>
            if !props.chips.is_empty() {
                <ul class="cc-chips" aria-label="Active filters">
                    { for props.chips.iter().map(|chip| {
                        let remove = chip.remove.clone();
                        let onclick = props.on_action.reform(move |_| remove.clone());
                        html! {
                            <li><button type="button" class="cc-chip" {onclick}>
                                { &chip.label }<span aria-hidden="true">{ " ×" }</span>
                                <span class="cc-visually-hidden">{ " — remove this filter" }</span>
                            </button></li>
                        }
                    }) }
                    <li><button type="button" class="cc-link-button" onclick={clear}>{ "Clear all" }</button></li>
                </ul>
            }
            if props.total == 0 {
                <div class="cc-empty">
                    <p><strong>{ "No clinics match all of these choices." }</strong></p>
                    if props.loosen.is_empty() {
                        <p>{ "Try a different search, or a larger distance." }</p>
                    } else {
                        <p>{ "Removing one of these would bring back:" }</p>
                        <ul>
                            { for props.loosen.iter().filter(|l| l.count > 0).map(|l| {
                                let remove = l.chip.remove.clone();
                                let onclick = props.on_action.reform(move |_| remove.clone());
                                html! { <li><button type="button" class="cc-link-button" {onclick}>
                                    { format!("Remove “{}” ({})", l.chip.label, count_text(l.count)) }
                                </button></li> }
                            }) }
                        </ul>
                    }
                </div>
            }
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
                    { format!("Show more ({} of {} shown)", props.shown.len(), props.total) }
                </button>
            }
        </section>
    }
}

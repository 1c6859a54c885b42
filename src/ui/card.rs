//! One result: the facts that decide, any caution, and the two things a family does next.

use std::rc::Rc;

use yew::prelude::*;

use super::say::say;

use super::state::{Action, View};
use crate::catalogue::describe::{card_facts, cautions, credential, credentials_line, distance, month_year};
use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::{term, Group, Locale};
use crate::catalogue::Clinic;

#[derive(Properties)]
pub struct ClinicCardProps {
    pub clinic: Rc<Clinic>,
    pub locale: Locale,
    /// Kilometres from the chosen place, when there is one.
    pub distance_km: Option<f64>,
    pub miles: bool,
    pub shortlisted: bool,
    pub on_action: Callback<Action>,
}

/// A card shows the same clinic when it holds the same `Rc`: the engine's clinics never change
/// once loaded (a new catalogue brings new ones), so they are not compared field by field.
impl PartialEq for ClinicCardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.clinic, &other.clinic)
            && self.locale == other.locale
            && self.distance_km == other.distance_km
            && self.miles == other.miles
            && self.shortlisted == other.shortlisted
            && self.on_action == other.on_action
    }
}

#[function_component(ClinicCard)]
pub fn clinic_card(props: &ClinicCardProps) -> Html {
    let clinic = &props.clinic;
    let locale = props.locale;
    let id = clinic.id.clone();
    let details = props.on_action.reform({
        let id = id.clone();
        move |_| Action::Show(View::Details(id.clone()))
    });
    let toggle = props.on_action.reform(move |_| Action::ToggleShortlist(id.clone()));
    let place = match &clinic.location.region {
        Some(region) if !region.is_empty() => format!("{}, {region}", clinic.location.town),
        _ => clinic.location.town.clone(),
    };
    let cautions = cautions(clinic, locale);
    let credentials = credentials_line(clinic, locale);
    html! {
        <li class="cc-card" part="card">
            <h3 class="cc-card-name">{ &clinic.name }</h3>
            <p class="cc-card-place">
                { place }
                if let Some(km) = props.distance_km {
                    { " · " }<span class="cc-distance">{ distance(km, props.miles, locale) }</span>
                }
            </p>
            <p class="cc-card-facts">{ card_facts(clinic, locale) }</p>
            if let Some(credentials) = credentials { { credentials_note(clinic, credentials, locale) } }
            { for cautions.into_iter().map(|c| html! { <p class="cc-caution">{ c }</p> }) }
            if let Some(date) = &clinic.last_verified {
                <p class="cc-card-checked">{ Ui::LastChecked.fill(locale, &[("date", &month_year(date, locale))]) }</p>
            }
            <div class="cc-card-actions">
                <button type="button" class="cc-button" onclick={details}>
                    { say(Ui::Details, locale) }<span class="cc-visually-hidden">{ Ui::OfClinic.fill(locale, &[("name", &clinic.name)]) }</span>
                </button>
                <button type="button" class="cc-button cc-button-toggle" aria-pressed={props.shortlisted.to_string()} onclick={toggle}>
                    { say(Ui::Compare, locale) }<span class="cc-visually-hidden">{ format!(" {}", clinic.name) }</span>
                </button>
            </div>
        </li>
    }
}

/// The credentials line; where the vocabulary explains them, it opens (a native disclosure) to say
/// what each one means, as the filters' "What is this?" does.
fn credentials_note(clinic: &Clinic, line: String, locale: Locale) -> Html {
    let explained: Vec<(String, String)> = clinic
        .credentials
        .iter()
        .filter_map(|c| {
            Some((
                credential(c, locale),
                term(Group::Credential, &c.code)?.explanation(locale)?.into_owned(),
            ))
        })
        .collect();
    if explained.is_empty() {
        return html! { <p class="cc-card-credentials">{ line }</p> };
    }
    html! {
        <details class="cc-card-credentials">
            <summary>{ line }</summary>
            <dl>{ for explained.into_iter().map(|(name, text)| html! { <><dt>{ name }</dt><dd>{ text }</dd></> }) }</dl>
        </details>
    }
}

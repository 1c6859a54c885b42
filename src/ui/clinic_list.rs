//! The list of clinics with its count.

use std::rc::Rc;

use yew::prelude::*;

use crate::catalogue::Clinic;

#[derive(Properties, PartialEq)]
pub struct ClinicListProps {
    pub clinics: Rc<Vec<Clinic>>,
}

/// "62 clinics", then one item per clinic. The count is a polite live region so screen readers
/// hear it change.
#[function_component(ClinicList)]
pub fn clinic_list(props: &ClinicListProps) -> Html {
    let count = props.clinics.len();
    let noun = if count == 1 { "clinic" } else { "clinics" };
    html! {
        <section class="cc-results" aria-label="Clinics">
            <p class="cc-count" role="status" aria-live="polite">{ format!("{count} {noun}") }</p>
            <ul class="cc-list">
                { for props.clinics.iter().map(|clinic| html! {
                    <li key={clinic.id.clone()} class="cc-card">
                        <h3 class="cc-card-name">{ &clinic.name }</h3>
                        <p class="cc-card-place">{ &clinic.location.town }</p>
                    </li>
                }) }
            </ul>
        </section>
    }
}

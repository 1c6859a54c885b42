//! Everything the catalogue says about one clinic, grouped as the filters are, with safe contact
//! links and "not stated — ask them" where it is silent.

use std::rc::Rc;

use yew::prelude::*;

use super::say::say;

use super::state::{Action, View};
use crate::catalogue::describe::{
    aftercare, cautions, credential, label, medication_codes, month_year, or_not_stated, price, programme_length,
};
use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::{term, Group, Locale, Term};
use crate::catalogue::{mailto_href, safe_website_href, tel_href, Clinic, Question};

#[derive(Properties, PartialEq)]
pub struct ClinicDetailsProps {
    /// The page's heading, which the finder focuses when a clinic is opened.
    pub heading: NodeRef,
    pub clinic: Rc<Clinic>,
    pub questions: Rc<Vec<Question>>,
    pub locale: Locale,
    pub shortlisted: bool,
    pub on_action: Callback<Action>,
    /// Tells the host page when a contact link is used.
    pub emitter: super::events::Emitter,
}

/// A list of coded values, each with its plain explanation behind a native disclosure.
fn terms_list(group: Group, codes: &[String], locale: Locale) -> Html {
    let items = codes.iter().map(|code| (label(group, code, locale), term(group, code)));
    explained_list(items.collect(), locale)
}

/// Named values, each with its term's explanation (and caution) behind a native disclosure, or
/// just its name where the vocabulary does not know it; "not stated" when there are none.
fn explained_list(items: Vec<(String, Option<&'static Term>)>, locale: Locale) -> Html {
    if items.is_empty() {
        return html! { <p class="cc-missing">{ say(Ui::NotStated, locale) }</p> };
    }
    html! {
        <ul class="cc-terms">
            { for items.into_iter().map(|(name, t)| match t.and_then(|t| Some((t.explanation(locale)?, t))) {
                Some((text, t)) => html! {
                    <li>
                        <details class="cc-term">
                            <summary>{ name }</summary>
                            <p>{ text }</p>
                            if let Some(caution) = t.caution(locale) { <p class="cc-caution">{ caution }</p> }
                        </details>
                    </li>
                },
                None => html! { <li>{ name }</li> },
            }) }
        </ul>
    }
}

fn text_or_missing(text: Option<&String>, locale: Locale) -> Html {
    match text.filter(|t| !t.is_empty()) {
        Some(t) => html! { <p>{ t }</p> },
        None => html! { <p class="cc-missing">{ say(Ui::NotStated, locale) }</p> },
    }
}

/// One clinic's page (a plain function, as [`super::compare::compare`] explains).
pub fn clinic_details(props: &ClinicDetailsProps) -> Html {
    let c = &props.clinic;
    let locale = props.locale;
    let heading = props.heading.clone();
    let back = props.on_action.reform(|_| Action::Show(View::Find));
    let id = c.id.clone();
    let toggle = props.on_action.reform(move |_| Action::ToggleShortlist(id.clone()));
    let h3 = |ui: Ui| html! { <h3>{ ui.text(locale) }</h3> };
    html! {
        <article class="cc-details" part="details" aria-labelledby="cc-details-title">
            <button type="button" class="cc-link-button" onclick={back}>{ say(Ui::BackToResults, locale) }</button>
            <h2 id="cc-details-title" tabindex="-1" ref={heading}>{ &c.name }</h2>
            if let Some(summary) = &c.summary { <p class="cc-summary">{ summary }</p> }
            { for cautions(c, locale).into_iter().map(|t| html! { <p class="cc-caution">{ t }</p> }) }
            <button type="button" class="cc-button cc-button-toggle" aria-pressed={props.shortlisted.to_string()} onclick={toggle}>
                { say(Ui::Compare, locale) }<span class="cc-visually-hidden">{ format!(" {}", c.name) }</span>
            </button>
            <section>{ h3(Ui::Approach) }{ terms_list(Group::Stance, c.stance.as_slice(), locale) }</section>
            { care_section(c, locale) }
            { medication_section(c, locale) }
            <section>{ h3(Ui::Therapies) }{ terms_list(Group::Therapy, &c.therapies, locale) }</section>
            <section>{ h3(Ui::MentalHealth) }{ terms_list(Group::Condition, &c.conditions, locale) }</section>
            <section>{ h3(Ui::WhoFor) }{ terms_list(Group::SpecialGroup, &c.groups, locale) }</section>
            <section>{ h3(Ui::Aftercare) }
                { text_or_missing(aftercare(c, locale).as_ref(), locale) }
                if let Some(a) = &c.aftercare { if !a.kinds.is_empty() { { terms_list(Group::Aftercare, &a.kinds, locale) } } }
            </section>
            <section>{ h3(Ui::CostAndFunding) }{ terms_list(Group::Funding, &c.cost.funding, locale) }
                if let Some(p) = &c.cost.price { <p>{ price(p, locale) }</p> }
            </section>
            <section>{ h3(Ui::Credentials) }
                { explained_list(c.credentials.iter().map(|k| (credential(k, locale), term(Group::Credential, &k.code))).collect(), locale) }
            </section>
            <section>{ h3(Ui::VisitingPhonesFamily) }
                <h4>{ say(Ui::Visiting, locale) }</h4>{ text_or_missing(c.visiting.as_ref(), locale) }
                <h4>{ say(Ui::PhonesAndCalls, locale) }</h4>{ text_or_missing(c.phone_policy.as_ref(), locale) }
                <h4>{ say(Ui::FamilyInvolvement, locale) }</h4>{ text_or_missing(c.family_involvement.as_ref(), locale) }
            </section>
            <section>{ h3(Ui::Languages) }
                { text_or_missing((!c.languages.is_empty()).then(|| {
                    c.languages.iter().map(|l| super::query::language_name(l, locale)).collect::<Vec<_>>().join(", ")
                }).as_ref(), locale) }
            </section>
            { answers_section(c, &props.questions, locale) }
            { contact_section(props) }
            if let Some(date) = &c.last_verified {
                <p class="cc-card-checked">{ Ui::LastChecked.fill(locale, &[("date", &month_year(date, locale))]) }</p>
            }
        </article>
    }
}

/// Type of care, detox and programme length.
fn care_section(c: &Clinic, locale: Locale) -> Html {
    html! {
        <section><h3>{ say(Ui::TypeOfCare, locale) }</h3>{ terms_list(Group::Setting, &c.settings, locale) }
            <h4>{ say(Ui::Detox, locale) }</h4>{ terms_list(Group::Detox, &c.detox, locale) }
            <h4>{ say(Ui::ProgrammeLength, locale) }</h4>
            { text_or_missing(programme_length(&c.programme_days, locale).as_ref(), locale) }
        </section>
    }
}

/// The medicines, those for detox only, and their forms.
fn medication_section(c: &Clinic, locale: Locale) -> Html {
    let (medication_codes, detox_codes) = medication_codes(c);
    // Each form once, in the catalogue's order.
    let forms: Vec<String> = c
        .medications
        .iter()
        .flat_map(|m| &m.forms)
        .fold(Vec::new(), |mut f, form| {
            if !f.contains(form) {
                f.push(form.clone());
            }
            f
        });
    html! {
        <section><h3>{ say(Ui::Medication, locale) }</h3>
            if !medication_codes.is_empty() || detox_codes.is_empty() { { terms_list(Group::Medication, &medication_codes, locale) } }
            if !detox_codes.is_empty() { <h4>{ say(Ui::DetoxOnly, locale) }</h4>{ terms_list(Group::Medication, &detox_codes, locale) } }
            if !forms.is_empty() { <h4>{ say(Ui::Forms, locale) }</h4>{ terms_list(Group::MedicationForm, &forms, locale) } }
        </section>
    }
}

/// The clinic's answers to the questions to ask, and the outcomes it reports.
fn answers_section(c: &Clinic, questions: &[Question], locale: Locale) -> Html {
    html! {
        <>
            <section><h3>{ say(Ui::AnswersToQuestions, locale) }</h3>
                <dl class="cc-answers">
                    { for questions.iter().map(|q| html! {
                        <>
                            <dt>{ &q.text }</dt>
                            <dd>{ or_not_stated(c.answers.get(&q.id).cloned(), locale) }</dd>
                        </>
                    }) }
                </dl>
            </section>
            if !c.outcomes.is_empty() {
                <section><h3>{ say(Ui::Outcomes, locale) }</h3>
                    <ul>{ for c.outcomes.iter().map(|o| html! { <li>{ &o.claim }<span class="cc-source">{ format!(" ({})", Ui::Source.fill(locale, &[("source", &o.source)])) }</span></li> }) }</ul>
                </section>
            }
        </>
    }
}

/// Address and safe contact links; the host page hears when one is used.
fn contact_section(props: &ClinicDetailsProps) -> Html {
    let (c, locale) = (&props.clinic, props.locale);
    let l = &c.location;
    let address: Vec<String> = l
        .address
        .iter()
        .cloned()
        .chain(
            [Some(l.town.clone()), l.region.clone(), l.postcode.clone()]
                .into_iter()
                .flatten(),
        )
        .collect();
    let contact = |kind: &'static str| {
        let emitter = props.emitter.clone();
        let id = c.id.clone();
        Callback::from(move |_: MouseEvent| {
            let fields = [
                ("clinic", super::events::Field::Text(&id)),
                ("kind", super::events::Field::Text(kind)),
            ];
            emitter.emit("contact-clicked", &fields);
        })
    };
    let phone = |number: &String, what: Ui| match tel_href(number) {
        Some(href) => {
            html! { <li>{ format!("{}: ", what.text(locale)) }<a href={href} onclick={contact("phone")}>{ number }</a></li> }
        }
        None => html! { <li>{ format!("{}: {number}", what.text(locale)) }</li> },
    };
    html! {
        <section><h3>{ say(Ui::WhereAndContact, locale) }</h3>
            <p>{ address.join(", ") }</p>
            <ul class="cc-contact">
                if let Some(p) = &c.contact.phone { { phone(p, Ui::Phone) } }
                if let Some(p) = &c.contact.intake_phone { { phone(p, Ui::Admissions) } }
                if let Some(href) = c.contact.website.as_deref().and_then(safe_website_href) {
                    <li><a href={href} target="_blank" rel="noopener noreferrer" onclick={contact("website")}>{ say(Ui::Website, locale) }<span class="cc-visually-hidden">{ Ui::WebsiteOf.fill(locale, &[("name", &c.name)]) }</span></a></li>
                }
                if let Some(href) = c.contact.email.as_deref().and_then(mailto_href) {
                    <li>{ format!("{}: ", Ui::Email.text(locale)) }<a href={href} onclick={contact("email")}>{ c.contact.email.clone().unwrap_or_default() }</a></li>
                }
            </ul>
        </section>
    }
}

//! The filter panel: place, then groups of options as families think of them, each option with its
//! live count and a "what is this?" explanation. GOV.UK-style fieldsets with real checkboxes.

use yew::prelude::*;

use super::say::say;

use super::state::Action;
use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::Locale;

/// One option as shown: its label, live count and plain explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionView {
    pub code: String,
    pub label: String,
    pub explanation: Option<String>,
    pub caution: Option<String>,
    pub count: usize,
    pub selected: bool,
}

/// One group of options under a heading.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupView {
    /// The facet key the options belong to (`medication`, …).
    pub facet: String,
    pub title: String,
    pub hint: Option<String>,
    pub options: Vec<OptionView>,
    pub open: bool,
}

#[derive(Properties, PartialEq)]
pub struct FilterGroupProps {
    pub group: GroupView,
    pub locale: Locale,
    pub on_action: Callback<Action>,
}

#[function_component(FilterGroup)]
pub fn filter_group(props: &FilterGroupProps) -> Html {
    let g = &props.group;
    let selected = g.options.iter().filter(|o| o.selected).count();
    let summary = if selected > 0 {
        Ui::Chosen.fill(props.locale, &[("group", &g.title), ("count", &selected.to_string())])
    } else {
        g.title.clone()
    };
    let hint_id = format!("cc-hint-{}", g.facet.replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
    // A closed group's options are only made when it is opened: most groups start closed, and
    // hundreds of hidden options would slow the first view for nothing.
    let open = use_state(|| g.open || selected > 0);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            // The browser also reports the state the widget set (opened at first): no change.
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            if details.open() != *open {
                open.set(details.open());
            }
        })
    };
    html! {
        <details class="cc-filter-group" open={*open} {ontoggle}>
            <summary>{ summary }</summary>
            <fieldset aria-describedby={g.hint.as_ref().map(|_| hint_id.clone())}>
                <legend class="cc-visually-hidden">{ &g.title }</legend>
                if let Some(hint) = &g.hint { <p class="cc-hint" id={hint_id.clone()}>{ hint }</p> }
                if *open {
                    { for g.options.iter().map(|o| filter_option(&g.facet, o, props.locale, &props.on_action)) }
                }
            </fieldset>
        </details>
    }
}

/// Opens or closes the explanation a "What is this?" button controls (the element after it). Its
/// state lives in the page, as a native disclosure's does: the widget renders every explanation
/// closed and never changes that, so re-rendering leaves an open one open.
fn toggle_explanation(e: MouseEvent) {
    let Some((button, panel)) = super::dom::beside_clicked_button(&e) else {
        return;
    };
    let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
    button
        .set_attribute("aria-expanded", if open { "true" } else { "false" })
        .ok();
    panel.toggle_attribute_with_force("hidden", !open).ok();
}

/// One option: its checkbox, live count and explanation. A plain function rather than a component
/// (each component type adds its own copy of Yew's lifecycle code to the download).
fn filter_option(facet: &str, o: &OptionView, locale: Locale, on_action: &Callback<Action>) -> Html {
    // Codes may hold characters (like "/") that are awkward in ids; keep ids plain.
    let safe = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' })
            .collect::<String>()
    };
    let id = format!("cc-opt-{}-{}", safe(facet), safe(&o.code));
    let help_id = format!("{id}-help");
    let (facet, code) = (facet.to_string(), o.code.clone());
    let toggle = on_action.reform(move |_: Event| Action::ToggleOption {
        facet: facet.clone(),
        code: code.clone(),
    });
    let dead_end = o.count == 0 && !o.selected;
    html! {
        <div key={o.code.clone()} class="cc-option">
            <input type="checkbox" id={id.clone()} checked={o.selected} disabled={dead_end} onchange={toggle} />
            <label for={id}>
                { &o.label }
                <span class="cc-count-badge">{ format!(" ({})", o.count) }</span>
            </label>
            if o.explanation.is_some() {
                <button type="button" class="cc-help-button" aria-expanded="false" aria-controls={help_id.clone()} onclick={toggle_explanation}>
                    { say(Ui::WhatIsThis, locale) }<span class="cc-visually-hidden">{ format!(" {}", o.label) }</span>
                </button>
                <div id={help_id} class="cc-explanation" hidden=true>
                    <p>{ o.explanation.clone().unwrap_or_default() }</p>
                    if let Some(c) = &o.caution { <p class="cc-caution">{ c }</p> }
                </div>
            }
        </div>
    }
}

//! The widget's views, in Yew. Thin: they render state and send actions; logic lives in `catalogue`
//! and `search`, and the state changes in one reducer (`state`). Views without state of their own
//! are plain functions returning `Html` rather than components: each component type adds its own
//! copy of Yew's lifecycle code to the download (docs/performance.md, fifth round).

pub mod app;
pub mod card;
pub mod checklist;
pub mod compare;
mod copy;
pub mod details;
pub mod emergency;
pub mod events;
mod fetch;
pub mod filters;
mod geo;
mod glossary;
pub mod query;
pub mod results;
pub mod state;
mod storage;

pub use fetch::adopt_prefetch;
pub use glossary::adopt_glossary_source;

/// The element just after the button a click landed on (or inside): the status line or panel the
/// button writes to, where that state lives in the page rather than in the widget.
pub(crate) fn beside_clicked_button(e: &web_sys::MouseEvent) -> Option<(web_sys::Element, web_sys::Element)> {
    use yew::TargetCast;
    let target: web_sys::Element = e.target_unchecked_into();
    let button = target.closest("button").ok()??;
    let beside = button.next_element_sibling()?;
    Some((button, beside))
}

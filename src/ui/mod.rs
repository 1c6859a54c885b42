//! The widget's views, in Yew. Thin: they render state and send actions; logic lives in `catalogue`
//! and `search`, and the state changes in one reducer (`state`). Views without state of their own
//! are plain functions returning `Html` rather than components: each component type adds its own
//! copy of Yew's lifecycle code to the download (docs/performance.md).

pub mod app;
pub mod card;
pub mod checklist;
pub mod compare;
mod copy;
pub mod details;
mod dom;
pub mod emergency;
pub mod events;
mod fetch;
pub mod filters;
mod geo;
mod glossary;
mod language;
pub mod loaded;
mod places;
pub mod query;
pub mod results;
mod say;
pub mod state;
mod storage;

pub use fetch::adopt_prefetch;
pub use glossary::adopt_glossary_source;
pub use places::set_lookup as set_place_lookup;

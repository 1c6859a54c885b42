//! Yew function components. Thin: they render state and send actions; logic lives in `catalogue`
//! and `search`, and the state changes in one reducer (`state`).

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
pub mod query;
pub mod results;
pub mod state;
mod storage;

pub use fetch::adopt_prefetch;

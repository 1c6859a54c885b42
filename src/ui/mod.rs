//! Yew function components. Thin: they render state and send messages; logic lives in
//! `catalogue` and `search`.

pub mod app;
pub mod clinic_list;
mod fetch;

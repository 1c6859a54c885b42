//! The search engine: facet index, query, counts, text match, distance, sorting. Pure Rust, no
//! web-sys. Built once per loaded catalogue ([`Index::build`]); each family action is one
//! [`Index::search`].
//!
//! Facet keys are [`FACETS`]; values come from the data itself (unknown codes included). In
//! `medication` a clinic offering buprenorphine as a depot injection has both `buprenorphine` and
//! `buprenorphine/depot_injection`; `medication_form` holds the bare forms; `aftercare` adds
//! [`ANY_AFTERCARE`] for any aftercare at all. [`Results::order`] is the whole sorted list, so a
//! page is a slice; [`Index::relaxations`] says what removing each constraint would bring back.
//! Measured by `bench/search.sh` (native criterion/percentiles and ItemsJS on the same data).

pub mod bitset;
pub mod geo;
pub mod index;
pub mod places;
pub mod query;
pub mod text;

pub use index::{facet_group, facet_values, FacetIndex, Index, ANY_AFTERCARE, FACETS};
pub use query::{Query, Relaxation, Results, Sort};

//! The search engine: facet index, query, counts, text match, distance, sorting. Pure Rust, no
//! web-sys. Built once per loaded catalogue ([`Index::build`]); each family action is one
//! [`Index::search`].

pub mod bitset;
pub mod geo;
pub mod index;
pub mod query;
pub mod synth;
pub mod text;

pub use index::{facet_group, facet_values, FacetIndex, Index, ANY_AFTERCARE, FACETS};
pub use query::{Query, Relaxation, Results, Sort};

//! The catalogue: data model, vocabulary and glossary, parsing and validation. Pure Rust, no web-sys.

pub mod model;
pub mod vocabulary;

pub use model::*;

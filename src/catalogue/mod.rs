//! The catalogue: data model, vocabulary and glossary, parsing and validation. Pure Rust, no web-sys.

pub mod describe;
pub mod glossary;
pub mod json;
pub mod languages;
pub mod links;
pub mod load;
pub mod model;
pub mod read;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod substring;
pub mod text;
pub mod vocabulary;

pub use links::{mailto_href, safe_website_href, tel_href};
pub use load::{load, Diagnostic, Loaded, Loader, Severity};
pub use model::*;
#[cfg(not(target_arch = "wasm32"))]
pub use schema::schema_json;

//! The search engine: facet index, query, counts, text match, distance, sorting. Pure Rust, no web-sys.

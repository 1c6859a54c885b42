//! Embedding: the `<clinic-compare>` element's configuration and its mounting into a shadow root.
//!
//! `config` is pure (attributes in, settings and warnings out) so it is tested natively; `element` is
//! the browser side, called by the tiny JavaScript loader (`www/clinic-compare.js`).

pub mod config;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
mod element;

pub use config::{Config, ConfigWarning};
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub use element::{mount, show_crash_message};

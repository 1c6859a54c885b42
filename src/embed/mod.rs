//! Embedding: mounting the `<clinic-compare>` element's widget into a shadow root. The browser side,
//! called by the tiny JavaScript loader (`www/clinic-compare.js`); the settings it reads from the
//! element's attributes are [`crate::config`].

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
mod element;

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub use element::{mount, show_crash_message};

//! The `<clinic-compare>` custom element: configuration from attributes, mounting.

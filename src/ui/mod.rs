//! Yew function components. Thin: they render state and send messages.

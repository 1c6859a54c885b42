//! The widget's own words (`catalogue::text`) in the views.

/// A string of the widget's table as a text node, shown without copying it (a `&str` written
/// into `html!` is copied into a new string: more code at every use).
pub fn say(ui: crate::catalogue::text::Ui, locale: crate::catalogue::vocabulary::Locale) -> yew::Html {
    yew::virtual_dom::VText::new(yew::AttrValue::Static(ui.text(locale))).into()
}

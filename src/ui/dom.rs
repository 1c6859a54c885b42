//! Small helpers on the page's elements, shared by the views.

/// The element just after the button a click landed on (or inside): the status line or panel the
/// button writes to, where that state lives in the page rather than in the widget.
pub fn beside_clicked_button(e: &web_sys::MouseEvent) -> Option<(web_sys::Element, web_sys::Element)> {
    use yew::TargetCast;
    let target: web_sys::Element = e.target_unchecked_into();
    let button = target.closest("button").ok()??;
    let beside = button.next_element_sibling()?;
    Some((button, beside))
}

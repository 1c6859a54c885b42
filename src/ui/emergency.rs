//! "Emergency? Overdose signs": always one tap away, in plain words, with the local number.

use yew::prelude::*;

/// The panel for `number` (999, 911 or the site's own). A plain function rather than a component:
/// it has no state, and each component type adds its own copy of Yew's lifecycle code (about
/// 0.3 KB of the download).
pub fn emergency(number: &str) -> Html {
    let tel = format!(
        "tel:{}",
        number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect::<String>()
    );
    html! {
        <details class="cc-emergency" part="emergency">
            <summary>{ "Emergency? Overdose signs" }</summary>
            <div class="cc-emergency-body">
                <p><strong>{ format!("If someone may have overdosed, call {number} now.") }</strong></p>
                <p>{ "Signs of an opioid overdose:" }</p>
                <ul>
                    <li>{ "Very slow, shallow or noisy breathing, or no breathing" }</li>
                    <li>{ "Blue or grey lips or fingernails" }</li>
                    <li>{ "Tiny, pinpoint pupils" }</li>
                    <li>{ "Very sleepy, confused, or cannot be woken" }</li>
                    <li>{ "A weak pulse, muscle spasms" }</li>
                </ul>
                <p>{ "Stay with them. If they are breathing, lie them on their side. Use naloxone if you have it." }</p>
                <p>{ "After a detox or time without using, the body's tolerance drops, so a usual amount can be deadly." }</p>
                <a class="cc-button cc-button-danger" href={tel}>{ format!("Call {number}") }</a>
            </div>
        </details>
    }
}

//! Questions to ask: for each shortlisted clinic, each question with their published answer or a
//! prompt to ask, an "Asked" tick and the family's own notes. Kept on the device only if they opt in.

use std::rc::Rc;

use yew::prelude::*;

use super::compare::print_page;
use super::copy::copy_button;
use super::state::{Action, Notes};
use crate::catalogue::{Clinic, Question};

pub struct ChecklistProps {
    pub clinics: Vec<Rc<Clinic>>,
    pub questions: Rc<Vec<Question>>,
    pub notes: Notes,
    /// The site allows keeping things on the device (the `persist` attribute).
    pub can_keep: bool,
    pub keep_on_device: bool,
    /// The emergency and helpline numbers, at the end of the copied text.
    pub helplines: String,
    pub on_action: Callback<Action>,
}

const NOT_PUBLISHED: &str = "Not published — ask them.";

/// The checklist as plain text, for "Copy as text".
pub fn checklist_text(clinics: &[Rc<Clinic>], questions: &[Question], notes: &Notes) -> String {
    let mut out = String::from("Questions to ask\n");
    for c in clinics {
        out.push_str(&format!("\n{}\n", c.name));
        if let Some(phone) = &c.contact.phone {
            out.push_str(&format!("Phone: {phone}\n"));
        }
        for q in questions {
            let note = notes.get(&(c.id.clone(), q.id.clone()));
            let tick = if note.is_some_and(|n| n.asked) { "[x]" } else { "[ ]" };
            out.push_str(&format!("{tick} {}\n", q.text));
            let answer = c.answers.get(&q.id).map(String::as_str).unwrap_or(NOT_PUBLISHED);
            out.push_str(&format!("    Their answer: {answer}\n"));
            if let Some(text) = note.map(|n| n.text.trim()).filter(|t| !t.is_empty()) {
                out.push_str(&format!("    My notes: {text}\n"));
            }
        }
    }
    out
}

/// The checklist view (a plain function, as [`super::compare::compare`] explains).
pub fn checklist(props: &ChecklistProps) -> Html {
    let text = checklist_text(&props.clinics, &props.questions, &props.notes) + "\n" + &props.helplines;
    let keep = props.on_action.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::KeepOnDevice(input.checked())
    });
    let forget = props.on_action.reform(|_| Action::ForgetEverything);
    html! {
        <section class="cc-checklist" part="checklist" aria-labelledby="cc-checklist-title">
            <h2 id="cc-checklist-title">{ "Questions to ask" }</h2>
            <p>{ "Ask each place these questions when you call. Tick them off and write down what they say." }</p>
            <p class="cc-privacy">{ "Your notes stay on this device only if you choose to keep them." }</p>
            <div class="cc-checklist-tools">
                if props.can_keep {
                    <label class="cc-check">
                        <input type="checkbox" checked={props.keep_on_device} onchange={keep} />
                        { " Keep my shortlist and notes on this device" }
                    </label>
                }
                <button type="button" class="cc-button" onclick={Callback::from(|_| print_page())}>{ "Print" }</button>
                { copy_button(text) }
                <button type="button" class="cc-button cc-button-quiet" onclick={forget}>{ "Forget everything" }</button>
            </div>
            if props.clinics.is_empty() {
                <p>{ "Add clinics to your shortlist with “Compare” to get a checklist for each of them." }</p>
            }
            { for props.clinics.iter().map(|c| html! {
                <section class="cc-checklist-clinic" aria-labelledby={format!("cc-q-{}", c.id)}>
                    <h3 id={format!("cc-q-{}", c.id)}>{ &c.name }</h3>
                    <ol class="cc-questions">
                        { for props.questions.iter().map(|q| question(c, q, props)) }
                    </ol>
                </section>
            }) }
        </section>
    }
}

fn question(clinic: &Clinic, q: &Question, props: &ChecklistProps) -> Html {
    let key = (clinic.id.clone(), q.id.clone());
    let note = props.notes.get(&key).cloned().unwrap_or_default();
    let field = format!("cc-note-{}-{}", clinic.id, q.id);
    let (cid, qid) = key.clone();
    let on_asked = props.on_action.reform(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::MarkAsked {
            clinic: cid.clone(),
            question: qid.clone(),
            asked: input.checked(),
        }
    });
    let (cid, qid) = key;
    let on_note = props.on_action.reform(move |e: InputEvent| {
        let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        Action::WriteNote {
            clinic: cid.clone(),
            question: qid.clone(),
            text: input.value(),
        }
    });
    html! {
        <li class="cc-question">
            <p class="cc-question-text">{ &q.text }</p>
            <p class="cc-answer">
                { "Their published answer: " }
                { clinic.answers.get(&q.id).cloned().unwrap_or_else(|| NOT_PUBLISHED.to_string()) }
            </p>
            <label class="cc-check">
                <input type="checkbox" checked={note.asked} onchange={on_asked} />
                { " Asked" }<span class="cc-visually-hidden">{ format!("({} — {})", clinic.name, q.text) }</span>
            </label>
            <label class="cc-note-label" for={field.clone()}>
                { "Your notes" }<span class="cc-visually-hidden">{ format!(" on {} — {}", clinic.name, q.text) }</span>
            </label>
            <textarea id={field} rows="2" value={note.text} oninput={on_note} />
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_has_answers_ticks_and_notes() {
        let mut clinic = Clinic {
            id: "a".into(),
            name: "Harbour House".into(),
            ..Default::default()
        };
        clinic.answers.insert("q1".into(), "Yes".into());
        let questions = vec![
            Question {
                id: "q1".into(),
                text: "Do you provide aftercare?".into(),
            },
            Question {
                id: "q2".into(),
                text: "Do you use medication?".into(),
            },
        ];
        let mut notes = Notes::new();
        notes.insert(
            ("a".into(), "q2".into()),
            crate::ui::state::Note {
                asked: true,
                text: "Only for detox".into(),
            },
        );
        let text = checklist_text(&[Rc::new(clinic)], &questions, &notes);
        assert!(text.contains("Harbour House"));
        assert!(text.contains("[ ] Do you provide aftercare?\n    Their answer: Yes"));
        assert!(text.contains("[x] Do you use medication?\n    Their answer: Not published — ask them."));
        assert!(text.contains("My notes: Only for detox"));
    }
}

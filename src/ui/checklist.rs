//! Questions to ask: for each shortlisted clinic, each question with their published answer or a
//! prompt to ask, an "Asked" tick and the family's own notes. Kept on the device only if they opt in.

use std::rc::Rc;

use yew::prelude::*;

use super::say::say;

use super::compare::print_page;
use super::copy::copy_button;
use super::state::{Action, Notes};
use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::Locale;
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
    pub locale: Locale,
    pub on_action: Callback<Action>,
}

/// A clinic's answer to a question, or a prompt to ask it.
fn answer(clinic: &Clinic, q: &Question, locale: Locale) -> String {
    match clinic.answers.get(&q.id) {
        Some(answer) => answer.clone(),
        None => Ui::NotPublished.text(locale).to_string(),
    }
}

/// The checklist as plain text, for "Copy as text".
pub fn checklist_text(clinics: &[Rc<Clinic>], questions: &[Question], notes: &Notes, locale: Locale) -> String {
    let line = |ui: Ui, value: &str| format!("{}: {value}\n", ui.text(locale));
    let mut out = format!("{}\n", Ui::TabQuestions.text(locale));
    for c in clinics {
        out.push_str(&format!("\n{}\n", c.name));
        if let Some(phone) = &c.contact.phone {
            out.push_str(&line(Ui::Phone, phone));
        }
        for q in questions {
            let note = notes.get(&(c.id.clone(), q.id.clone()));
            let tick = if note.is_some_and(|n| n.asked) { "[x]" } else { "[ ]" };
            out.push_str(&format!("{tick} {}\n", q.text));
            out.push_str(&format!("    {}", line(Ui::TheirAnswer, &answer(c, q, locale))));
            if let Some(text) = note.map(|n| n.text.trim()).filter(|t| !t.is_empty()) {
                out.push_str(&format!("    {}", line(Ui::MyNotes, text)));
            }
        }
    }
    out
}

/// The checklist view (a plain function, as [`super::compare::compare`] explains).
pub fn checklist(props: &ChecklistProps) -> Html {
    let locale = props.locale;
    let text = checklist_text(&props.clinics, &props.questions, &props.notes, locale) + "\n" + &props.helplines;
    let keep = props.on_action.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::KeepOnDevice(input.checked())
    });
    let forget = props.on_action.reform(|_| Action::ForgetEverything);
    html! {
        <section class="cc-checklist" part="checklist" aria-labelledby="cc-checklist-title">
            <h2 id="cc-checklist-title">{ say(Ui::TabQuestions, locale) }</h2>
            <p>{ say(Ui::ChecklistIntro, locale) }</p>
            <p class="cc-privacy">{ say(Ui::NotesPrivacy, locale) }</p>
            <div class="cc-checklist-tools">
                if props.can_keep {
                    <label class="cc-check">
                        <input type="checkbox" checked={props.keep_on_device} onchange={keep} />
                        { " " }{ say(Ui::KeepOnDevice, locale) }
                    </label>
                }
                <button type="button" class="cc-button" onclick={Callback::from(|_| print_page())}>{ say(Ui::Print, locale) }</button>
                { copy_button(text, locale) }
                <button type="button" class="cc-button cc-button-quiet" onclick={forget}>{ say(Ui::ForgetEverything, locale) }</button>
            </div>
            if props.clinics.is_empty() {
                <p>{ say(Ui::ChecklistEmpty, locale) }</p>
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
    let locale = props.locale;
    let about = format!("{} — {}", clinic.name, q.text);
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
                { say(Ui::PublishedAnswer, locale) }{ ": " }
                { answer(clinic, q, locale) }
            </p>
            <label class="cc-check">
                <input type="checkbox" checked={note.asked} onchange={on_asked} />
                { " " }{ say(Ui::Asked, locale) }<span class="cc-visually-hidden">{ format!("({about})") }</span>
            </label>
            <label class="cc-note-label" for={field.clone()}>
                { say(Ui::YourNotes, locale) }<span class="cc-visually-hidden">{ Ui::NotesOn.fill(locale, &[("about", &about)]) }</span>
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
        let text = checklist_text(&[Rc::new(clinic)], &questions, &notes, Locale::EnGb);
        assert!(text.contains("Harbour House"));
        assert!(text.contains("[ ] Do you provide aftercare?\n    Their answer: Yes"));
        assert!(text.contains("[x] Do you use medication?\n    Their answer: Not published — ask them."));
        assert!(text.contains("My notes: Only for detox"));
    }
}

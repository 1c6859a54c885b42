//! The side-by-side comparison: topics as row groups, clinics as columns, "only show differences".

use std::rc::Rc;

use yew::prelude::*;

use super::say::say;

use super::copy::copy_button;
use super::state::Action;
use crate::catalogue::describe::{compare_topics, CompareTopic};
use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::Locale;
use crate::catalogue::{Clinic, Question};

pub struct CompareProps {
    pub clinics: Vec<Rc<Clinic>>,
    pub questions: Rc<Vec<Question>>,
    pub locale: Locale,
    pub only_differences: bool,
    /// The emergency and helpline numbers, at the end of the copied text.
    pub helplines: String,
    pub on_action: Callback<Action>,
}

/// The comparison as plain text, topic by topic, for "Copy as text".
pub fn compare_text(names: &[&str], topics: &[CompareTopic], only_differences: bool, locale: Locale) -> String {
    let mut out = Ui::ComparingText.fill(locale, &[("names", &names.join(" | "))]);
    out.push('\n');
    for topic in topics {
        let rows: Vec<_> = topic.rows.iter().filter(|r| !only_differences || r.differs()).collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n", topic.title));
        for row in rows {
            out.push_str(&format!("{}: {}\n", row.label, row.values.join(" | ")));
        }
    }
    out
}

/// The comparison view. Like the checklist and the emergency panel, a plain function rather than a
/// component: it has no state of its own, and each component type adds its own copy of Yew's
/// lifecycle code to the download.
pub fn compare(props: &CompareProps) -> Html {
    let locale = props.locale;
    let clinics: Vec<&Clinic> = props.clinics.iter().map(|c| c.as_ref()).collect();
    let questions: Vec<(String, String)> = props.questions.iter().map(|q| (q.id.clone(), q.text.clone())).collect();
    let topics = compare_topics(&clinics, &questions, locale);
    let only = props.only_differences;
    let names: Vec<&str> = clinics.iter().map(|c| c.name.as_str()).collect();
    let text = compare_text(&names, &topics, only, locale) + "\n" + &props.helplines;
    let toggle_only = props.on_action.reform(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetOnlyDifferences(input.checked())
    });
    if clinics.is_empty() {
        return html! {
            <section class="cc-compare" aria-labelledby="cc-compare-title">
                <h2 id="cc-compare-title">{ say(Ui::CompareClinics, locale) }</h2>
                <p>{ say(Ui::CompareEmpty, locale) }</p>
            </section>
        };
    }
    html! {
        <section class="cc-compare" part="compare" aria-labelledby="cc-compare-title">
            <h2 id="cc-compare-title">{ Ui::Comparing.fill(locale, &[("count", &clinics.len().to_string())]) }</h2>
            <div class="cc-compare-tools">
                <label class="cc-check"><input type="checkbox" checked={only} onchange={toggle_only} />{ " " }{ say(Ui::OnlyDifferences, locale) }</label>
                <button type="button" class="cc-button" onclick={Callback::from(|_| print_page())}>{ say(Ui::Print, locale) }</button>
                { copy_button(text, locale) }
            </div>
            <div class="cc-table-scroll" tabindex="0" role="region" aria-label={Ui::TableLabel.text(locale)}>
                <table class="cc-compare-table">
                    <caption class="cc-visually-hidden">{ say(Ui::TableCaption, locale) }</caption>
                    { table_head(props) }
                    { for topics.into_iter().map(|topic| topic_rows(topic, only, clinics.len())) }
                </table>
            </div>
        </section>
    }
}

/// The clinics' names, each with "Remove".
fn table_head(props: &CompareProps) -> Html {
    html! {
        <thead>
            <tr>
                <td></td>
                { for props.clinics.iter().map(|c| {
                    let id = c.id.clone();
                    let remove = props.on_action.reform(move |_| Action::RemoveFromShortlist(id.clone()));
                    html! {
                        <th scope="col">
                            <span class="cc-col-name">{ &c.name }</span>
                            <button type="button" class="cc-link-button" onclick={remove}>
                                { say(Ui::Remove, props.locale) }<span class="cc-visually-hidden">{ format!(" {}", c.name) }</span>
                            </button>
                        </th>
                    }
                }) }
            </tr>
        </thead>
    }
}

/// One topic's rows under its heading (none when only differences are shown and all agree).
fn topic_rows(topic: CompareTopic, only: bool, columns: usize) -> Html {
    let rows: Vec<_> = topic.rows.into_iter().filter(|r| !only || r.differs()).collect();
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <tbody>
            <tr class="cc-topic"><th scope="rowgroup" colspan={(columns + 1).to_string()}>{ topic.title }</th></tr>
            { for rows.into_iter().map(|row| html! {
                <tr>
                    <th scope="row">{ row.label }</th>
                    { for row.values.into_iter().map(|v| html! { <td>{ v }</td> }) }
                </tr>
            }) }
        </tbody>
    }
}

pub(crate) fn print_page() {
    if let Some(w) = web_sys::window() {
        w.print().ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::describe::CompareRow;

    #[test]
    fn text_lists_rows_by_topic_and_can_skip_equal_ones() {
        let topics = vec![CompareTopic {
            title: "Cost".into(),
            rows: vec![
                CompareRow {
                    label: "Funding".into(),
                    values: vec!["NHS".into(), "NHS".into()],
                },
                CompareRow {
                    label: "Price".into(),
                    values: vec!["Free".into(), "£900 a week".into()],
                },
            ],
        }];
        let all = compare_text(&["A", "B"], &topics, false, Locale::EnGb);
        assert_eq!(
            all,
            "Comparing: A | B\n\nCost\nFunding: NHS | NHS\nPrice: Free | £900 a week\n"
        );
        assert!(!compare_text(&["A", "B"], &topics, true, Locale::EnGb).contains("Funding"));
    }
}

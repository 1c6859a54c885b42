//! The widget's whole state and the actions a family can take, as one pure reducer.

use litemap::LiteMap;
use std::rc::Rc;

use yew::Reducible;

use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::Locale;

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Find,
    Details(String),
    Compare,
    Checklist,
}

pub use crate::search::{Query, Sort};

/// A family's own note on one question for one clinic.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Note {
    pub asked: bool,
    pub text: String,
}

/// Notes by (clinic id, question id).
pub type Notes = LiteMap<(String, String), Note>;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub view: View,
    pub filters: Query,
    /// The place as the family typed it ("Leeds", "M1 2AB", "your location").
    pub place: String,
    /// Why the place could not be used (not found, or no location from the browser).
    pub place_error: Option<Message>,
    /// Same-named towns the family picks from ("Which Springfield do you mean?").
    pub place_choices: Vec<String>,
    /// How many results are shown; "Show more" raises it.
    pub shown: usize,
    /// Clinic ids, in the order they were added.
    pub shortlist: Vec<String>,
    pub max_compare: usize,
    /// Notes by (clinic id, question id).
    pub notes: Notes,
    /// The family chose to keep shortlist and notes on this device.
    pub keep_on_device: bool,
    pub only_differences: bool,
    /// The full-height filter panel on small screens.
    pub filters_open: bool,
    /// A message to announce after an action (e.g. "Shortlist is full").
    pub notice: Option<Message>,
}

/// Results shown at first and added by "Show more". Ten, as NHS service finders show: a long scroll
/// on a phone already, and half the work of twenty on every filter tap (make bench: filter tap p95 at
/// 1,000 clinics ~17 ms with twenty, ~10.5 ms with ten).
pub const PAGE_SIZE: usize = 10;

impl State {
    /// What the family kept on this device, restored when the widget starts.
    pub fn restore(&mut self, mut shortlist: Vec<String>, notes: Notes) {
        shortlist.truncate(self.max_compare);
        self.shortlist = shortlist;
        self.notes = notes;
        self.keep_on_device = true;
    }

    pub fn new(max_compare: usize) -> Self {
        State {
            shown: PAGE_SIZE,
            max_compare,
            ..Default::default()
        }
    }

    pub fn is_shortlisted(&self, id: &str) -> bool {
        self.shortlist.iter().any(|s| s == id)
    }

    /// A place searched for: nearest first when it is found.
    fn set_place(&mut self, text: String, point: Option<(f64, f64)>) {
        // A place that cannot be found comes as a PlaceError, saying why (ui::places).
        self.place_error = None;
        self.place = text;
        self.filters.point = point;
        if point.is_some() {
            self.filters.sort = Sort::Nearest;
        } else if self.filters.sort == Sort::Nearest {
            self.filters.sort = Sort::Name;
        }
    }

    fn toggle_shortlist(&mut self, id: String) {
        if self.is_shortlisted(&id) {
            self.shortlist.retain(|x| x != &id);
        } else if self.shortlist.len() >= self.max_compare {
            self.notice = Some(Message::Full(self.max_compare));
        } else {
            self.shortlist.push(id);
        }
    }

    fn forget_everything(&mut self) {
        self.shortlist.clear();
        self.notes.clear();
        self.keep_on_device = false;
        if matches!(self.view, View::Compare | View::Checklist | View::Details(_)) {
            self.view = View::Find;
        }
        self.notice = Some(Message::Said(Ui::Forgotten));
    }
}

/// A message for the family, written out in the widget's language when it is shown (so a change
/// of language changes it too).
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Said(Ui),
    /// About a place the family typed (`{place}`, shortened) and the country it concerns, if any
    /// ("GB", "US": `{code}` names its kind of postcode, `{country}` the country).
    Place(Ui, String, String),
    /// The shortlist is full at this many clinics.
    Full(usize),
}

impl Message {
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Message::Said(ui) => ui.text(locale).to_string(),
            Message::Place(ui, place, country) => {
                let (code, name) = match country.as_str() {
                    "GB" => (Ui::UkPostcode, Ui::TheUk),
                    _ => (Ui::UsZip, Ui::TheUs),
                };
                let (code, name) = (code.text(locale), name.text(locale));
                ui.fill(locale, &[("place", place), ("code", code), ("country", name)])
            }
            Message::Full(max) => Ui::ShortlistFull.fill(locale, &[("max", &max.to_string())]),
        }
    }
}

/// Everything the family can do, named for what they did.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    ToggleOption {
        facet: String,
        code: String,
    },
    ClearFacet(String),
    ClearAll,
    SetText(String),
    SetPlace {
        text: String,
        point: Option<(f64, f64)>,
    },
    /// The family's own position, and what to call it ("your location").
    UseLocation((f64, f64), String),
    /// The browser could not give a location, or a typed place was not found: why.
    PlaceError(Message),
    /// A typed town name is shared: the towns to choose from, by their labels.
    ChoosePlace(Vec<String>),
    SetRadius(Option<f64>),
    SetMaxPrice(Option<f64>),
    SetMaxDays(Option<u32>),
    SetSort(Sort),
    ShowMore,
    OpenFilters(bool),
    Show(View),
    ToggleShortlist(String),
    RemoveFromShortlist(String),
    SetOnlyDifferences(bool),
    MarkAsked {
        clinic: String,
        question: String,
        asked: bool,
    },
    WriteNote {
        clinic: String,
        question: String,
        text: String,
    },
    KeepOnDevice(bool),
    ForgetEverything,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.notice = None;
        if matches!(
            action,
            Action::SetPlace { .. } | Action::UseLocation(..) | Action::PlaceError(_) | Action::ClearAll
        ) {
            s.place_choices.clear();
        }
        let filters_changed = matches!(
            action,
            Action::ToggleOption { .. }
                | Action::ClearFacet(_)
                | Action::ClearAll
                | Action::SetText(_)
                | Action::SetPlace { .. }
                | Action::UseLocation(..)
                | Action::SetRadius(_)
                | Action::SetMaxPrice(_)
                | Action::SetMaxDays(_)
                | Action::SetSort(_)
        );
        match action {
            Action::ToggleOption { facet, code } => {
                s.filters.toggle(&facet, &code);
            }
            Action::ClearFacet(facet) => {
                s.filters.selected.remove(&facet);
            }
            Action::ClearAll => {
                let sort = s.filters.sort;
                s.filters = Query {
                    sort,
                    ..Query::default()
                };
                s.place.clear();
                s.place_error = None;
                if matches!(sort, Sort::Nearest | Sort::Relevance) {
                    s.filters.sort = Sort::Name;
                }
            }
            Action::SetText(text) => {
                // Typing a name puts the best matches first; clearing it goes back to A to Z.
                let typing = !text.trim().is_empty();
                if typing && s.filters.sort == Sort::Name {
                    s.filters.sort = Sort::Relevance;
                } else if !typing && s.filters.sort == Sort::Relevance {
                    s.filters.sort = Sort::Name;
                }
                s.filters.text = text;
            }
            Action::SetPlace { text, point } => s.set_place(text, point),
            Action::UseLocation(point, name) => {
                s.place_error = None;
                s.place = name;
                s.filters.point = Some(point);
                s.filters.sort = Sort::Nearest;
            }
            Action::PlaceError(message) => s.place_error = Some(message),
            Action::ChoosePlace(list) => {
                s.place_error = None;
                s.place_choices = list;
            }
            Action::SetRadius(r) => s.filters.radius_km = r,
            Action::SetMaxPrice(p) => s.filters.max_price = p,
            Action::SetMaxDays(d) => s.filters.max_days = d,
            Action::SetSort(sort) => s.filters.sort = sort,
            Action::ShowMore => s.shown += PAGE_SIZE,
            Action::OpenFilters(open) => s.filters_open = open,
            Action::Show(view) => {
                s.view = view;
                s.filters_open = false;
            }
            Action::ToggleShortlist(id) => s.toggle_shortlist(id),
            Action::RemoveFromShortlist(id) => {
                s.shortlist.retain(|x| x != &id);
                if s.shortlist.is_empty() && matches!(s.view, View::Compare | View::Checklist) {
                    s.view = View::Find;
                }
            }
            Action::SetOnlyDifferences(on) => s.only_differences = on,
            Action::MarkAsked {
                clinic,
                question,
                asked,
            } => {
                s.notes.entry((clinic, question)).or_default().asked = asked;
            }
            Action::WriteNote { clinic, question, text } => {
                s.notes.entry((clinic, question)).or_default().text = text;
            }
            Action::KeepOnDevice(keep) => s.keep_on_device = keep,
            Action::ForgetEverything => s.forget_everything(),
        }
        if filters_changed {
            s.shown = PAGE_SIZE;
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(state: State, actions: Vec<Action>) -> State {
        let mut rc = Rc::new(state);
        for a in actions {
            rc = rc.reduce(a);
        }
        (*rc).clone()
    }

    #[test]
    fn options_toggle_and_clear() {
        let toggle = || Action::ToggleOption {
            facet: "medication".into(),
            code: "methadone".into(),
        };
        let s = apply(State::new(4), vec![toggle()]);
        assert_eq!(s.filters.active_count(), 1);
        let s = apply(s, vec![toggle()]);
        assert!(s.filters.selected.is_empty());
        let s = apply(s, vec![toggle(), Action::ShowMore, Action::ClearAll]);
        assert_eq!(s.filters, Query::default());
        assert_eq!(s.shown, PAGE_SIZE);
    }

    #[test]
    fn shortlist_is_capped_with_a_notice() {
        let add = |id: &str| Action::ToggleShortlist(id.into());
        let s = apply(State::new(2), vec![add("a"), add("b"), add("c")]);
        assert_eq!(s.shortlist, ["a", "b"]);
        assert!(s.notice.as_ref().unwrap().text(Locale::EnGb).contains("up to 2"));
        let s = apply(s, vec![add("a"), add("c")]);
        assert_eq!(s.shortlist, ["b", "c"]);
    }

    #[test]
    fn forget_everything_clears_shortlist_notes_and_opt_in() {
        let s = apply(
            State::new(4),
            vec![
                Action::ToggleShortlist("a".into()),
                Action::KeepOnDevice(true),
                Action::WriteNote {
                    clinic: "a".into(),
                    question: "q1".into(),
                    text: "call Monday".into(),
                },
                Action::Show(View::Checklist),
                Action::ForgetEverything,
            ],
        );
        assert!(s.shortlist.is_empty() && s.notes.is_empty() && !s.keep_on_device);
        assert_eq!(s.view, View::Find);
    }

    #[test]
    fn a_place_that_cannot_be_used_says_why_until_one_can() {
        let not_found = Action::PlaceError(Message::Place(Ui::TownNotFound, "Atlantis".into(), String::new()));
        let s = apply(State::new(4), vec![not_found]);
        let message = s.place_error.as_ref().unwrap();
        assert!(message.text(Locale::EnGb).contains("couldn't find “Atlantis”"));
        assert!(message.text(Locale::Es).contains("No encontramos “Atlantis”"));
        // Other actions leave the message where it is.
        let s = apply(s, vec![Action::ShowMore]);
        assert!(s.place_error.is_some());
        let s = apply(s, vec![Action::UseLocation((53.8, -1.55), "your location".into())]);
        assert_eq!(s.place_error, None);
        let s = apply(s, vec![Action::PlaceError(Message::Said(Ui::LocationFailed))]);
        assert_eq!(s.place_error, Some(Message::Said(Ui::LocationFailed)));
        let s = apply(
            s,
            vec![Action::SetPlace {
                text: String::new(),
                point: None,
            }],
        );
        assert_eq!(s.place_error, None, "clearing the place clears the message");
    }

    #[test]
    fn place_messages_name_the_kind_of_code_and_the_country_in_the_language() {
        let code = Message::Place(Ui::CodeNotFound, "ZZ9 9ZZ".into(), "GB".into());
        assert_eq!(
            code.text(Locale::EnGb),
            "We couldn't find the UK postcode “ZZ9 9ZZ”. Check it, or type your town."
        );
        assert!(code
            .text(Locale::Es)
            .starts_with("No encontramos el código postal del Reino Unido “ZZ9 9ZZ”"));
        let elsewhere = Message::Place(Ui::PlaceElsewhere, "Phoenix, AZ".into(), "US".into());
        assert!(elsewhere.text(Locale::EnGb).starts_with("“Phoenix, AZ” is in the US,"));
        assert!(elsewhere
            .text(Locale::Es)
            .starts_with("“Phoenix, AZ” está en los EE. UU.,"));
    }

    #[test]
    fn a_place_sorts_by_distance_until_it_is_cleared() {
        let s = apply(
            State::new(4),
            vec![Action::SetPlace {
                text: "Leeds".into(),
                point: Some((53.8, -1.55)),
            }],
        );
        assert_eq!(s.filters.sort, Sort::Nearest);
        let s = apply(
            s,
            vec![Action::SetPlace {
                text: String::new(),
                point: None,
            }],
        );
        assert_eq!(s.filters.sort, Sort::Name);
    }

    #[test]
    fn a_shared_town_name_asks_until_a_place_is_set() {
        let list = vec![
            "Springfield (Greene County, MO)".to_string(),
            "Springfield (Hampden County, MA)".to_string(),
        ];
        let s = apply(State::new(3), vec![Action::ChoosePlace(list.clone())]);
        assert_eq!(s.place_choices, list);
        let s = apply(s, vec![Action::SetText("x".into())]);
        assert_eq!(s.place_choices.len(), 2, "other actions leave the question");
        let s = apply(
            s,
            vec![Action::SetPlace {
                text: list[1].clone(),
                point: Some((42.1, -72.6)),
            }],
        );
        assert_eq!(s.filters.point, Some((42.1, -72.6)));
        assert!(s.place_choices.is_empty(), "a place set answers the question");
        let s = apply(
            s,
            vec![
                Action::ChoosePlace(list),
                Action::PlaceError(Message::Said(Ui::PlacesUnavailable)),
            ],
        );
        assert!(s.place_choices.is_empty());
    }
}

//! Between the reducer's state and the views: runs the family's query on the search index and
//! shapes the answer into view models (filter groups with live counts, chips, result rows).

use std::rc::Rc;

use super::filters::{GroupView, OptionView};
use super::results::{Chip, Loosen};
use super::state::{Action, Query};
use std::borrow::Cow;

use crate::catalogue::describe::{humanise, label};
use crate::catalogue::glossary;
use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::{localise, term, terms, Group, Locale};
use crate::catalogue::{substring, Clinic, ExtraFeature};
use crate::search::{facet_group, Index};

/// Filter groups in the order families think, with a plain hint: (facet key, title, hint).
const GROUPS: [(&str, &str, &str); 15] = [
    ("setting", "Type of care", "Where treatment happens."),
    (
        "detox",
        "Detox",
        "Coming off opioids safely, for those who want to stop. Not needed to start methadone or buprenorphine.",
    ),
    (
        "medication",
        "Medication options",
        "Medicines taken as ongoing treatment, and the forms they come in. Medicine used only during a detox is not counted here.",
    ),
    (
        "stance",
        "Approach",
        "Whether the aim is to stop all opioids, or to stay well on a prescribed medicine.",
    ),
    ("therapy", "Therapies", "Talking and group treatments."),
    (
        "condition",
        "Mental health (dual diagnosis)",
        "Conditions treated at the same time.",
    ),
    ("aftercare", "Aftercare", "Support after the main treatment ends."),
    ("service", "Other help", "Besides treatment."),
    ("funding", "Cost and funding", "Ways to pay, including free treatment."),
    ("credential", "Credentials", "Registrations and accreditations."),
    (
        "special_group",
        "Who the service is for",
        "Services set up for particular groups.",
    ),
    ("accepts", "Who they take", "Sexes and ages taken."),
    ("language", "Languages", "Languages treatment is offered in."),
    ("country", "Country", "Where the service is."),
    ("extra", "Other features", "Features this list describes."),
];

/// The answer to one query, ready for the views.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub total: usize,
    /// Matching clinics in display order, with distance (km) when a point is set.
    pub order: Vec<(usize, Option<f64>)>,
    pub groups: Vec<GroupView>,
    pub chips: Vec<Chip>,
    pub loosen: Vec<Loosen>,
}

/// The clinics and their index, built once per catalogue.
#[derive(Debug, PartialEq)]
pub struct Engine {
    pub clinics: Vec<Rc<Clinic>>,
    pub index: Index,
    /// The catalogue's own features: a few, looked up by code.
    extra_features: Vec<ExtraFeature>,
    /// The catalogue's own texts in other languages, by "<language>/<what>" (`Loaded::translations`).
    pub translations: litemap::LiteMap<String, String>,
}

impl Engine {
    /// The clinics and their index, without its text part: the first results don't need it, and
    /// [`Engine::prepare_text`] builds it once they are on screen.
    pub fn new(clinics: Vec<Clinic>, extra_features: Vec<ExtraFeature>) -> Self {
        let index = Index::build_facets(&clinics);
        Engine {
            clinics: clinics.into_iter().map(Rc::new).collect(),
            index,
            extra_features,
            translations: Default::default(),
        }
    }

    /// The catalogue's own text `what` ("question/cost", "feature/pets", "attribution") in the
    /// locale's language, when the catalogue has it (an empty one is as none).
    pub fn translated(&self, locale: Locale, what: &str) -> Option<&str> {
        let key = format!("{}/{what}", locale.language());
        self.translations
            .get(key.as_str())
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
    }

    fn extra_feature(&self, code: &str) -> Option<&ExtraFeature> {
        self.extra_features.iter().find(|f| f.code == code)
    }

    /// Builds the index's text part if it is not built yet (at 20,000 clinics, tens of ms).
    pub fn prepare_text(&self) {
        self.index.build_text(&self.clinics);
    }

    /// Builds a little more of the index's text part (up to `clinics` more); true once it is built.
    pub fn prepare_text_some(&self, clinics: usize) -> bool {
        self.index.build_text_some(&self.clinics, clinics)
    }

    pub fn resolve_place(&self, text: &str) -> Option<(f64, f64)> {
        self.prepare_text();
        self.index.resolve_place(text)
    }

    /// How one option reads: vocabulary label, "Buprenorphine as depot injection", a language name…
    fn option_label(
        &self,
        facet: &str,
        value: &str,
        locale: Locale,
    ) -> (String, Option<&'static crate::catalogue::vocabulary::Term>) {
        match facet {
            "medication" => match value.split_once('/') {
                Some((med, form)) => {
                    let form_term = term(Group::MedicationForm, form);
                    let form_label = label(Group::MedicationForm, form, locale).to_ascii_lowercase();
                    let medicine = label(Group::Medication, med, locale);
                    let text = Ui::MedicineAs.fill(locale, &[("medicine", &medicine), ("form", &form_label)]);
                    (text, form_term)
                }
                None => (label(Group::Medication, value, locale), term(Group::Medication, value)),
            },
            "aftercare" if value == crate::search::ANY_AFTERCARE => (Ui::AnyAftercare.text(locale).to_string(), None),
            "language" => (language_name(value, locale), None),
            "country" => (country_name(value, locale), None),
            "extra" => (
                match self.translated(locale, &format!("feature/{value}")) {
                    Some(label) => label.to_string(),
                    None => self
                        .extra_feature(value)
                        .map_or_else(|| humanise(value), |f| f.label.clone()),
                },
                None,
            ),
            _ => match facet_group(facet) {
                Some(g) => (label(g, value, locale), term(g, value)),
                None => (humanise(value), None),
            },
        }
    }

    fn explanation(
        &self,
        facet: &str,
        value: &str,
        t: Option<&'static crate::catalogue::vocabulary::Term>,
        locale: Locale,
    ) -> Option<String> {
        match (facet, t) {
            ("extra", _) => self.extra_feature(value).and_then(|f| f.explanation.clone()),
            (_, Some(t)) => t.explanation(locale).map(|e| e.into_owned()),
            _ => None,
        }
    }

    /// A facet's values in display order: vocabulary order first (medication forms right after
    /// their medicine), then codes only this catalogue uses.
    fn ordered_values(&self, facet: &str) -> Vec<(usize, String)> {
        let Some(f) = self.index.facet(facet) else {
            return Vec::new();
        };
        let mut out: Vec<(usize, String)> = Vec::new();
        let mut push = |value: &str| {
            if let Some(id) = f.value_id(value) {
                if !out.iter().any(|(i, _)| *i == id) {
                    out.push((id, value.to_string()));
                }
            }
        };
        if facet == "aftercare" {
            push(crate::search::ANY_AFTERCARE);
        }
        let mut bases: Vec<&str> = facet_group(facet)
            .map(|g| terms(g).map(|t| t.code).collect())
            .unwrap_or_default();
        bases.extend(
            f.values
                .iter()
                .map(String::as_str)
                .filter(|v| !substring::contains(v, "/")),
        );
        for base in bases {
            push(base);
            if facet == "medication" {
                for form in terms(Group::MedicationForm) {
                    push(&format!("{base}/{}", form.code));
                }
                let prefix = format!("{base}/");
                for v in f.values.iter().filter(|v| v.starts_with(&prefix)) {
                    push(v);
                }
            }
        }
        for v in &f.values {
            push(v);
        }
        out
    }

    pub fn run(&self, q: &Query, place: &str, locale: Locale) -> Answer {
        if !q.text.trim().is_empty() {
            self.prepare_text();
        }
        let results = self.index.search(q);
        let groups = GROUPS
            .iter()
            .enumerate()
            .filter_map(|(n, (facet, title, hint))| {
                let position = self.index.facets().iter().position(|f| f.key == *facet)?;
                let values = self.ordered_values(facet);
                // A choice between one country (or none) is no choice.
                if values.is_empty() || (*facet == "country" && values.len() < 2) {
                    return None;
                }
                let options: Vec<OptionView> = values
                    .into_iter()
                    .map(|(id, code)| {
                        let (label, t) = self.option_label(facet, &code, locale);
                        OptionView {
                            explanation: self.explanation(facet, &code, t, locale),
                            caution: t.and_then(|t| t.caution(locale)).map(|c| c.into_owned()),
                            selected: q.is_selected(facet, &code),
                            count: results.counts[position][id],
                            label,
                            code,
                        }
                    })
                    .collect();
                let (title, hint) = group_text(facet, title, hint, locale);
                Some(GroupView {
                    facet: facet.to_string(),
                    title,
                    hint: Some(hint),
                    options,
                    open: n < 3,
                })
            })
            .collect();

        let chips = self.chips(q, place, locale);
        let total = results.total();
        let loosen = if total == 0 {
            chips
                .iter()
                .map(|chip| {
                    let mut looser = q.clone();
                    apply_removal(&mut looser, &chip.remove);
                    Loosen {
                        chip: chip.clone(),
                        count: self.index.count(&looser),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let order = results
            .order
            .iter()
            .zip(&results.distances)
            .map(|(&i, &d)| (i as usize, d))
            .collect();
        Answer {
            total,
            order,
            groups,
            chips,
            loosen,
        }
    }

    /// Active filters as chips, each knowing the action that removes it.
    fn chips(&self, q: &Query, place: &str, locale: Locale) -> Vec<Chip> {
        let mut chips = Vec::new();
        if !q.text.trim().is_empty() {
            chips.push(Chip {
                label: format!("“{}”", q.text.trim()),
                remove: Action::SetText(String::new()),
            });
        }
        if q.point.is_some() {
            let near = if q.radius_km.is_some() {
                Ui::NearPlace
            } else {
                Ui::NearestTo
            };
            let label = near.fill(locale, &[("place", place)]);
            chips.push(Chip {
                label,
                remove: Action::SetPlace {
                    text: String::new(),
                    point: None,
                },
            });
        }
        for (facet, codes) in &q.selected {
            for code in codes {
                chips.push(Chip {
                    label: self.option_label(facet, code, locale).0,
                    remove: Action::ToggleOption {
                        facet: facet.clone(),
                        code: code.clone(),
                    },
                });
            }
        }
        if let Some(p) = q.max_price {
            chips.push(Chip {
                label: Ui::UpToAWeek.fill(locale, &[("amount", &crate::catalogue::describe::rounded(p, 0))]),
                remove: Action::SetMaxPrice(None),
            });
        }
        if let Some(d) = q.max_days {
            chips.push(Chip {
                label: Ui::LengthChip.fill(locale, &[("count", &d.to_string())]),
                remove: Action::SetMaxDays(None),
            });
        }
        chips
    }
}

/// What the query would be without one chip (for "removing this would bring back …").
fn apply_removal(q: &mut Query, action: &Action) {
    match action {
        Action::ToggleOption { facet, code } => {
            q.deselect(facet, code);
        }
        Action::SetMaxPrice(None) => q.max_price = None,
        Action::SetMaxDays(None) => q.max_days = None,
        Action::SetPlace { .. } => q.point = None,
        Action::SetText(_) => q.text.clear(),
        _ => {}
    }
}

/// A filter group's heading and hint in the locale's language: Spanish from the Spanish file
/// (`group/<facet>`, `group/<facet>/hint`), else the English here.
fn group_text(facet: &str, title: &str, hint: &str, locale: Locale) -> (String, String) {
    let spanish = |key: String| (locale == Locale::Es).then(|| glossary::spanish(&key)).flatten();
    let title = spanish(format!("group/{facet}")).map_or_else(|| localise(title, locale), Cow::Borrowed);
    let hint = spanish(format!("group/{facet}/hint")).map_or_else(|| localise(hint, locale), Cow::Borrowed);
    (title.into_owned(), hint.into_owned())
}

/// A language's name in the widget's language: the few the browser cannot name, then the
/// browser's own names (`Intl.DisplayNames`: no name tables in the download), then "Other language
/// (xx)". (In Spanish the browser is asked first: the special names are English.)
pub fn language_name(code: &str, locale: Locale) -> String {
    use crate::catalogue::languages;
    #[cfg(target_arch = "wasm32")]
    if locale == Locale::Es {
        if let Some(name) = browser_language_name(code, locale) {
            return name;
        }
    }
    if let Some(name) = languages::special_name(code) {
        return name.to_string();
    }
    #[cfg(target_arch = "wasm32")]
    let known = browser_language_name(code, locale);
    #[cfg(not(target_arch = "wasm32"))]
    let known = languages::common_name(code)
        .map(str::to_string)
        .filter(|_| locale != Locale::Es);
    known.unwrap_or_else(|| languages::other_language(code))
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl)]
        pub type DisplayNames;
        #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
        pub fn new(locale: &str, options: &JsValue) -> Result<DisplayNames, JsValue>;
        #[wasm_bindgen(method, catch)]
        pub fn of(this: &DisplayNames, code: &str) -> Result<Option<String>, JsValue>;
    }
}

/// The browser's English name for a code; None where it has none (or no `Intl.DisplayNames`).
/// Names are asked for on every query (one per language filter option), so the browser's
/// `DisplayNames` is made once per page, not once per name.
#[cfg(target_arch = "wasm32")]
fn browser_language_name(code: &str, locale: Locale) -> Option<String> {
    fn names(language: &str) -> Option<intl::DisplayNames> {
        let options = js_sys::JSON::parse(r#"{"type":"language","fallback":"none"}"#).ok()?;
        intl::DisplayNames::new(language, &options).ok()
    }
    thread_local! {
        static ENGLISH: Option<intl::DisplayNames> = names("en");
        static SPANISH: Option<intl::DisplayNames> = names("es");
    }
    let names = if locale == Locale::Es { &SPANISH } else { &ENGLISH };
    names.with(|names| names.as_ref()?.of(code).ok()?)
}

fn country_name(code: &str, locale: Locale) -> String {
    let name = match code {
        "GB" => Ui::UnitedKingdom,
        "US" => Ui::UnitedStates,
        "IE" => Ui::Ireland,
        "CA" => Ui::Canada,
        other => return other.to_string(),
    };
    name.text(locale).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Location, MedicationOffer};

    fn clinic(id: &str, meds: &[(&str, &[&str])]) -> Clinic {
        Clinic {
            id: id.into(),
            name: id.into(),
            location: Location {
                town: "Leeds".into(),
                country: "GB".into(),
                ..Default::default()
            },
            medications: meds
                .iter()
                .map(|(m, forms)| MedicationOffer {
                    code: m.to_string(),
                    forms: forms.iter().map(|f| f.to_string()).collect(),
                    purpose: None,
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn groups_list_forms_after_their_medicine_and_counts_follow_choices() {
        let engine = Engine::new(
            vec![
                clinic("a", &[("methadone", &["oral"])]),
                clinic("b", &[("buprenorphine", &["depot_injection"])]),
            ],
            vec![],
        );
        let mut q = Query::default();
        q.select("medication", "methadone");
        let answer = engine.run(&q, "", Locale::EnGb);
        assert_eq!(answer.total, 1);
        let meds = answer.groups.iter().find(|g| g.facet == "medication").unwrap();
        let codes: Vec<&str> = meds.options.iter().map(|o| o.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "methadone",
                "methadone/oral",
                "buprenorphine",
                "buprenorphine/depot_injection"
            ]
        );
        // Disjunctive: adding buprenorphine would bring its clinic in.
        assert_eq!(meds.options[2].count, 1);
        assert!(meds.options[0].selected);
        assert_eq!(answer.chips.len(), 1);
        assert!(
            answer.groups.iter().all(|g| g.facet != "country"),
            "one country is no choice"
        );
    }

    #[test]
    fn extra_features_read_in_spanish_where_the_catalogue_translates_them() {
        let mut c = clinic("a", &[]);
        c.extra_features = vec!["garden".into(), "pool".into(), "gym".into()];
        let feature = |code: &str, label: &str| ExtraFeature {
            code: code.into(),
            label: label.into(),
            explanation: None,
            #[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
            filter: true,
        };
        let mut engine = Engine::new(
            vec![c],
            vec![
                feature("garden", "Garden"),
                feature("pool", "Pool"),
                feature("gym", "Gym"),
            ],
        );
        engine.translations.insert("es/feature/garden".into(), "Jardín".into());
        engine.translations.insert("es/feature/gym".into(), " ".into());
        let labels = |locale| {
            let answer = engine.run(&Query::default(), "", locale);
            let group = answer
                .groups
                .into_iter()
                .find(|g| g.facet == "extra")
                .expect("extra group");
            group.options.into_iter().map(|o| o.label).collect::<Vec<_>>()
        };
        assert_eq!(labels(Locale::Es), ["Jardín", "Gym", "Pool"]);
        assert_eq!(labels(Locale::EnGb), ["Garden", "Gym", "Pool"]);
    }

    #[test]
    fn text_and_places_build_the_text_index_when_first_needed() {
        let mut leeds = clinic("a", &[("methadone", &[])]);
        leeds.location.lat = Some(53.8);
        leeds.location.lon = Some(-1.55);
        let engine = Engine::new(vec![leeds.clone(), clinic("b", &[])], vec![]);
        assert!(!engine.index.has_text(), "not needed for the first results");
        let q = Query {
            text: "a".into(),
            ..Default::default()
        };
        assert_eq!(engine.run(&q, "", Locale::EnGb).total, 1);
        let engine = Engine::new(vec![leeds], vec![]);
        assert_eq!(engine.resolve_place("leeds"), Some((53.8, -1.55)));
        assert!(engine.index.has_text());
    }

    #[test]
    fn an_empty_answer_says_what_to_loosen() {
        let engine = Engine::new(vec![clinic("a", &[("methadone", &[])])], vec![]);
        let mut q = Query::default();
        q.select("medication", "buprenorphine");
        let answer = engine.run(&q, "", Locale::EnGb);
        assert_eq!(answer.total, 0);
        assert_eq!(answer.loosen.len(), 1);
        assert_eq!(answer.loosen[0].count, 1);
    }
}

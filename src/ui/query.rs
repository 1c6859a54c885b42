//! Between the reducer's state and the views: runs the family's filters against the catalogue and
//! shapes the answer into view models (filter groups with counts, chips, result rows).
//!
//! INTERIM: until `search::Index` lands this runs a brute-force filter over the clinics.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use super::filters::{GroupView, OptionView};
use super::results::{Chip, Loosen};
use super::state::{Action, Filters, Sort};
use crate::catalogue::describe::{humanise, label, spell};
use crate::catalogue::vocabulary::{term, terms, Group, Locale};
use crate::catalogue::Clinic;

/// The filter groups, in the order families think: (facet key, vocabulary group, title, hint).
const GROUPS: [(&str, Option<Group>, &str, &str); 11] = [
    (
        "setting",
        Some(Group::Setting),
        "Type of care",
        "Where treatment happens.",
    ),
    (
        "detox",
        Some(Group::Detox),
        "Detox",
        "The first step: coming off opioids safely.",
    ),
    (
        "medication",
        Some(Group::Medication),
        "Medication options",
        "Medicines that ease withdrawal or cravings.",
    ),
    (
        "stance",
        Some(Group::Stance),
        "Approach",
        "Whether the aim is to stop all opioids or to stay well on a prescribed medicine.",
    ),
    (
        "therapy",
        Some(Group::Therapy),
        "Therapies",
        "Talking and group treatments.",
    ),
    (
        "condition",
        Some(Group::Condition),
        "Mental health (dual diagnosis)",
        "Conditions treated at the same time.",
    ),
    (
        "aftercare",
        Some(Group::Aftercare),
        "Aftercare",
        "Support after the main treatment ends.",
    ),
    (
        "funding",
        Some(Group::Funding),
        "Cost and funding",
        "Ways to pay, including free treatment.",
    ),
    (
        "credential",
        Some(Group::Credential),
        "Credentials",
        "Registrations and accreditations.",
    ),
    (
        "special_group",
        Some(Group::SpecialGroup),
        "Who the service is for",
        "Services set up for particular groups.",
    ),
    ("language", None, "Languages", "Languages treatment is offered in."),
];

fn facet_values(c: &Clinic, facet: &str) -> Vec<String> {
    match facet {
        "setting" => c.settings.clone(),
        "detox" => c.detox.clone(),
        "medication" => c.medications.iter().map(|m| m.code.clone()).collect(),
        "stance" => c.stance.iter().cloned().collect(),
        "therapy" => c.therapies.clone(),
        "condition" => c.conditions.clone(),
        "aftercare" => c.aftercare.iter().flat_map(|a| a.kinds.clone()).collect(),
        "funding" => c.cost.funding.clone(),
        "credential" => c.credentials.iter().map(|x| x.code.clone()).collect(),
        "special_group" => c.groups.clone(),
        "language" => c.languages.clone(),
        _ => Vec::new(),
    }
}

fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().asin()
}

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

/// The clinics and whatever is precomputed for them, built once per catalogue.
#[derive(Debug, PartialEq)]
pub struct Engine {
    pub clinics: Vec<Rc<Clinic>>,
}

impl Engine {
    pub fn new(clinics: Vec<Clinic>) -> Self {
        Engine {
            clinics: clinics.into_iter().map(Rc::new).collect(),
        }
    }

    fn passes(&self, c: &Clinic, f: &Filters, skip_facet: Option<&str>) -> bool {
        let facets_ok = f.selected.iter().all(|(facet, codes)| {
            Some(facet.as_str()) == skip_facet || facet_values(c, facet).iter().any(|v| codes.contains(v))
        });
        let text = f.text.trim().to_lowercase();
        let text_ok = text.is_empty()
            || [
                Some(&c.name),
                Some(&c.location.town),
                c.location.region.as_ref(),
                c.location.postcode.as_ref(),
            ]
            .into_iter()
            .flatten()
            .any(|t| t.to_lowercase().contains(&text));
        let price_ok = f
            .max_price
            .is_none_or(|max| c.cost.price.as_ref().is_some_and(|p| p.from <= max));
        let days_ok = f.max_days.is_none_or(|max| c.programme_days.iter().any(|d| *d <= max));
        let radius_ok = match (f.point, f.radius_km) {
            (Some(p), Some(r)) => point_of(c).is_some_and(|q| haversine_km(p, q) <= r),
            _ => true,
        };
        facets_ok && text_ok && price_ok && days_ok && radius_ok
    }

    fn count(&self, f: &Filters) -> usize {
        self.clinics.iter().filter(|c| self.passes(c, f, None)).count()
    }

    pub fn run(&self, f: &Filters, locale: Locale) -> Answer {
        let mut order: Vec<(usize, Option<f64>)> = self
            .clinics
            .iter()
            .enumerate()
            .filter(|(_, c)| self.passes(c, f, None))
            .map(|(i, c)| (i, f.point.and_then(|p| point_of(c).map(|q| haversine_km(p, q)))))
            .collect();
        let key_name = |i: usize| self.clinics[i].name.to_lowercase();
        match f.sort {
            Sort::Name => order.sort_by_key(|(i, _)| (key_name(*i), *i)),
            Sort::Nearest => order.sort_by(|a, b| {
                a.1.unwrap_or(f64::MAX)
                    .total_cmp(&b.1.unwrap_or(f64::MAX))
                    .then(a.0.cmp(&b.0))
            }),
            Sort::LowestPrice => order.sort_by(|a, b| {
                let p = |i: usize| self.clinics[i].cost.price.as_ref().map(|p| p.from).unwrap_or(f64::MAX);
                p(a.0)
                    .total_cmp(&p(b.0))
                    .then_with(|| key_name(a.0).cmp(&key_name(b.0)))
            }),
            Sort::ShortestProgramme => order.sort_by_key(|(i, _)| {
                (
                    self.clinics[*i]
                        .programme_days
                        .iter()
                        .min()
                        .copied()
                        .unwrap_or(u32::MAX),
                    key_name(*i),
                )
            }),
            Sort::RecentlyVerified => order.sort_by(|a, b| {
                let d = |i: usize| self.clinics[i].last_verified.clone().unwrap_or_default();
                d(b.0).cmp(&d(a.0)).then_with(|| key_name(a.0).cmp(&key_name(b.0)))
            }),
        }

        let groups = GROUPS
            .iter()
            .enumerate()
            .map(|(n, (facet, group, title, hint))| {
                // Vocabulary order first, then codes only this catalogue uses; options no clinic
                // offers at all are left out, options the current choices rule out are greyed.
                let present: BTreeSet<String> = self.clinics.iter().flat_map(|c| facet_values(c, facet)).collect();
                let mut codes: Vec<String> = match group {
                    Some(g) => terms(*g)
                        .map(|t| t.code.to_string())
                        .filter(|c| present.contains(c))
                        .collect(),
                    None => Vec::new(),
                };
                for code in &present {
                    if !codes.contains(code) {
                        codes.push(code.clone());
                    }
                }
                let selected = f.selected.get(*facet);
                let options = codes
                    .into_iter()
                    .map(|code| {
                        let count = self
                            .clinics
                            .iter()
                            .filter(|c| self.passes(c, f, Some(facet)) && facet_values(c, facet).contains(&code))
                            .count();
                        let t = group.and_then(|g| term(g, &code));
                        OptionView {
                            label: match group {
                                Some(g) => label(*g, &code, locale),
                                None => language_name(&code),
                            },
                            explanation: t.map(|t| t.explanation(locale).to_string()),
                            caution: t.and_then(|t| t.caution).map(str::to_string),
                            selected: selected.is_some_and(|s| s.contains(&code)),
                            count,
                            code,
                        }
                    })
                    .collect();
                GroupView {
                    facet: facet.to_string(),
                    title: title.to_string(),
                    hint: Some(hint.to_string()),
                    options,
                    open: n < 3,
                }
            })
            .filter(|g| !g.options.is_empty())
            .collect::<Vec<_>>();

        let chips = chips(f, locale);
        let total = order.len();
        let loosen = if total == 0 {
            chips
                .iter()
                .map(|chip| {
                    let mut looser = Filters {
                        selected: f.selected.clone(),
                        ..f.clone()
                    };
                    apply_removal(&mut looser, &chip.remove);
                    Loosen {
                        chip: chip.clone(),
                        count: self.count(&looser),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        Answer {
            total,
            order,
            groups,
            chips,
            loosen,
        }
    }

    /// Where a typed town, postcode or ZIP is, from the catalogue's own clinics.
    pub fn resolve_place(&self, text: &str) -> Option<(f64, f64)> {
        let needle = text.trim().to_lowercase().replace(' ', "");
        if needle.is_empty() {
            return None;
        }
        let points: Vec<(f64, f64)> = self
            .clinics
            .iter()
            .filter(|c| {
                c.location.town.to_lowercase().replace(' ', "") == needle
                    || c.location
                        .postcode
                        .as_ref()
                        .is_some_and(|p| p.to_lowercase().replace(' ', "").starts_with(&needle))
            })
            .filter_map(|c| point_of(c))
            .collect();
        if points.is_empty() {
            return None;
        }
        let n = points.len() as f64;
        Some((
            points.iter().map(|p| p.0).sum::<f64>() / n,
            points.iter().map(|p| p.1).sum::<f64>() / n,
        ))
    }
}

fn point_of(c: &Clinic) -> Option<(f64, f64)> {
    Some((c.location.lat?, c.location.lon?))
}

fn apply_removal(f: &mut Filters, action: &Action) {
    match action {
        Action::ToggleOption { facet, code } => {
            if let Some(set) = f.selected.get_mut(facet) {
                set.remove(code);
                if set.is_empty() {
                    f.selected.remove(facet);
                }
            }
        }
        Action::SetMaxPrice(None) => f.max_price = None,
        Action::SetMaxDays(None) => f.max_days = None,
        Action::SetPlace { .. } => {
            f.point = None;
            f.place.clear();
        }
        Action::SetText(_) => f.text.clear(),
        _ => {}
    }
}

/// Active filters as chips, each knowing the action that removes it.
pub fn chips(f: &Filters, locale: Locale) -> Vec<Chip> {
    let mut chips = Vec::new();
    if !f.text.trim().is_empty() {
        chips.push(Chip {
            label: format!("“{}”", f.text.trim()),
            remove: Action::SetText(String::new()),
        });
    }
    if f.point.is_some() {
        let label = match f.radius_km {
            Some(_) => format!("Near {}", f.place),
            None => format!("Nearest to {}", f.place),
        };
        chips.push(Chip {
            label,
            remove: Action::SetPlace {
                text: String::new(),
                point: None,
            },
        });
    }
    let groups: BTreeMap<&str, Option<Group>> = GROUPS.iter().map(|(k, g, _, _)| (*k, *g)).collect();
    for (facet, codes) in &f.selected {
        for code in codes {
            let text = match groups.get(facet.as_str()).copied().flatten() {
                Some(g) => label(g, code, locale),
                None => language_name(code),
            };
            chips.push(Chip {
                label: text,
                remove: Action::ToggleOption {
                    facet: facet.clone(),
                    code: code.clone(),
                },
            });
        }
    }
    if let Some(p) = f.max_price {
        chips.push(Chip {
            label: format!("Up to {p:.0} a week"),
            remove: Action::SetMaxPrice(None),
        });
    }
    if let Some(d) = f.max_days {
        chips.push(Chip {
            label: format!("{} up to {d} days", spell(locale, "Programme", "Program")),
            remove: Action::SetMaxDays(None),
        });
    }
    chips
}

/// Readable names for the languages catalogues use most; others are shown as their code.
pub fn language_name(code: &str) -> String {
    let name = match code {
        "en" => "English",
        "es" => "Spanish",
        "pl" => "Polish",
        "ur" => "Urdu",
        "pa" => "Punjabi",
        "bn" => "Bengali",
        "gu" => "Gujarati",
        "ar" => "Arabic",
        "zh" => "Chinese",
        "vi" => "Vietnamese",
        "ro" => "Romanian",
        "pt" => "Portuguese",
        "fr" => "French",
        "cy" => "Welsh",
        "ht" => "Haitian Creole",
        "ru" => "Russian",
        "so" => "Somali",
        "asl" | "sgn-us" => "American Sign Language",
        "bsl" | "sgn-gb" => "British Sign Language",
        _ => return humanise(code),
    };
    name.to_string()
}

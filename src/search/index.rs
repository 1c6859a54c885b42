//! The index, built once per catalogue: a bitset per facet value, numeric columns, points, sort
//! orders, and a sorted word list with postings for text search.

use std::collections::{BTreeMap, HashMap};

use super::bitset::Bitset;
use super::geo::{normalise_postcode, postcode_area, Point};
use super::text::{fold, typo_budget, within_distance, words};
use crate::catalogue::vocabulary::Group;
use crate::catalogue::Clinic;

/// The facets families filter by, as query keys. Options within one are OR, facets are AND.
pub const FACETS: [&str; 14] = [
    "setting",
    "detox",
    "medication",
    "medication_form",
    "stance",
    "therapy",
    "condition",
    "aftercare",
    "funding",
    "credential",
    "special_group",
    "language",
    "country",
    "extra",
];

/// The "aftercare" value every clinic with some aftercare has (any kind, or months included), so
/// families can ask for "has aftercare" without knowing the kinds.
pub const ANY_AFTERCARE: &str = "any";

/// The vocabulary group behind a facet, if any (languages, countries and extras have none).
pub fn facet_group(facet: &str) -> Option<Group> {
    Some(match facet {
        "setting" => Group::Setting,
        "detox" => Group::Detox,
        "medication" => Group::Medication,
        "medication_form" => Group::MedicationForm,
        "stance" => Group::Stance,
        "therapy" => Group::Therapy,
        "condition" => Group::Condition,
        "aftercare" => Group::Aftercare,
        "funding" => Group::Funding,
        "credential" => Group::Credential,
        "special_group" => Group::SpecialGroup,
        _ => return None,
    })
}

/// Calls `f` with each of a clinic's values in one facet, without allocating except for the
/// `code/form` medication values, which reuse `buf`.
fn visit_values(c: &Clinic, facet: &str, buf: &mut String, f: &mut dyn FnMut(&str)) {
    let each = |list: &[String], f: &mut dyn FnMut(&str)| list.iter().for_each(|v| f(v));
    match facet {
        "setting" => each(&c.settings, f),
        "detox" => each(&c.detox, f),
        "medication" => {
            for m in &c.medications {
                f(&m.code);
                for form in &m.forms {
                    buf.clear();
                    buf.push_str(&m.code);
                    buf.push('/');
                    buf.push_str(form);
                    f(buf);
                }
            }
        }
        "medication_form" => c.medications.iter().for_each(|m| each(&m.forms, f)),
        "stance" => c.stance.iter().for_each(|s| f(s)),
        "therapy" => each(&c.therapies, f),
        "condition" => each(&c.conditions, f),
        "aftercare" => {
            if let Some(a) = &c.aftercare {
                each(&a.kinds, f);
                if !a.kinds.is_empty() || a.months.is_some_and(|m| m > 0) {
                    f(ANY_AFTERCARE);
                }
            }
        }
        "funding" => each(&c.cost.funding, f),
        "credential" => c.credentials.iter().for_each(|x| f(&x.code)),
        "special_group" => each(&c.groups, f),
        "language" => each(&c.languages, f),
        "country" => f(&c.location.country),
        "extra" => each(&c.extra_features, f),
        _ => {}
    }
}

/// A clinic's values in one facet. Medications also yield `code/form` (e.g.
/// `buprenorphine/depot_injection`) so families can ask for a particular form; the
/// `medication_form` facet holds the bare forms (any medicine as a depot injection). Clinics with
/// any aftercare also have [`ANY_AFTERCARE`].
pub fn facet_values(c: &Clinic, facet: &str) -> Vec<String> {
    let mut out = Vec::new();
    visit_values(c, facet, &mut String::new(), &mut |v| out.push(v.to_string()));
    out
}

/// One facet: its values (sorted) and, per value, the clinics that have it.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetIndex {
    pub key: &'static str,
    pub values: Vec<String>,
    pub(crate) sets: Vec<Bitset>,
    /// How many clinics have each value (the counts when nothing narrows the list).
    pub(crate) totals: Vec<usize>,
    ids: HashMap<String, usize>,
}

impl FacetIndex {
    pub fn value_id(&self, value: &str) -> Option<usize> {
        self.ids.get(value).copied()
    }
}

/// A precomputed result order: the clinic positions in order, and each clinic's place in it.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Order {
    pub(crate) order: Vec<u32>,
    pub(crate) rank: Vec<u32>,
}

impl Order {
    fn by(len: usize, mut cmp: impl FnMut(usize, usize) -> std::cmp::Ordering) -> Order {
        let mut order: Vec<u32> = (0..len as u32).collect();
        order.sort_by(|&a, &b| cmp(a as usize, b as usize));
        let mut rank = vec![0; len];
        for (r, &i) in order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        Order { order, rank }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    pub(crate) len: usize,
    pub(crate) facets: Vec<FacetIndex>,
    /// Lowest weekly price, NaN when not stated.
    pub(crate) price_from: Vec<f64>,
    /// Programme lengths offered, flattened: clinic `i` has `days[days_start[i]..days_start[i + 1]]`.
    pub(crate) days: Vec<u32>,
    pub(crate) days_start: Vec<u32>,
    pub(crate) aftercare_months: Vec<Option<u32>>,
    pub(crate) points: Vec<Option<Point>>,
    /// Folded names, for relevance.
    pub(crate) name_keys: Vec<String>,
    /// Name (folded, then position) — the tie-break of every other order.
    pub(crate) by_name: Order,
    pub(crate) by_price: Order,
    pub(crate) by_days: Order,
    pub(crate) by_verified: Order,
    /// Every distinct folded word, sorted, with the clinics it appears in.
    pub(crate) words: Vec<String>,
    pub(crate) postings: Vec<Vec<u32>>,
    /// Clinics with the word in their name or town (the only places typos are forgiven); empty
    /// for words found elsewhere only.
    pub(crate) fuzzy: Vec<Vec<u32>>,
    /// Folded town → clinics; normalised postcode → clinics; outward code or ZIP5 → clinics.
    towns: HashMap<String, Vec<u32>>,
    postcodes: BTreeMap<String, Vec<u32>>,
    areas: HashMap<String, Vec<u32>>,
    /// Folded region and upper-case country per clinic, to tell same-named towns apart.
    places: Vec<(String, String)>,
}

/// Word → id while building, with postings kept sorted and unique (clinics come in order).
#[derive(Default)]
struct WordTable {
    ids: HashMap<String, usize>,
    postings: Vec<Vec<u32>>,
    fuzzy: Vec<Vec<u32>>,
}

impl WordTable {
    fn add(&mut self, word: &str, clinic: u32, fuzzy: bool) {
        let id = match self.ids.get(word) {
            Some(&id) => id,
            None => {
                self.ids.insert(word.to_string(), self.postings.len());
                self.postings.push(Vec::new());
                self.fuzzy.push(Vec::new());
                self.postings.len() - 1
            }
        };
        if self.postings[id].last() != Some(&clinic) {
            self.postings[id].push(clinic);
        }
        if fuzzy && self.fuzzy[id].last() != Some(&clinic) {
            self.fuzzy[id].push(clinic);
        }
    }
}

impl Index {
    pub fn build(clinics: &[Clinic]) -> Index {
        let len = clinics.len();
        let mut buf = String::new();
        let facets = FACETS
            .iter()
            .map(|&key| {
                let mut ids: HashMap<String, usize> = HashMap::new();
                let mut members: Vec<Vec<u32>> = Vec::new();
                for (i, c) in clinics.iter().enumerate() {
                    visit_values(c, key, &mut buf, &mut |v| {
                        let id = match ids.get(v) {
                            Some(&id) => id,
                            None => {
                                ids.insert(v.to_string(), members.len());
                                members.push(Vec::new());
                                members.len() - 1
                            }
                        };
                        if members[id].last() != Some(&(i as u32)) {
                            members[id].push(i as u32);
                        }
                    });
                }
                let mut values: Vec<String> = ids.keys().cloned().collect();
                values.sort();
                let sets: Vec<Bitset> = values
                    .iter()
                    .map(|v| {
                        let mut set = Bitset::empty(len);
                        for &i in &members[ids[v]] {
                            set.insert(i as usize);
                        }
                        set
                    })
                    .collect();
                let totals = values.iter().map(|v| members[ids[v]].len()).collect();
                let ids = values.iter().enumerate().map(|(i, v)| (v.clone(), i)).collect();
                FacetIndex {
                    key,
                    values,
                    sets,
                    totals,
                    ids,
                }
            })
            .collect();

        let mut table = WordTable::default();
        let mut towns: HashMap<String, Vec<u32>> = HashMap::new();
        let mut postcodes: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut areas: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, c) in clinics.iter().enumerate() {
            let i = i as u32;
            let l = &c.location;
            let mut add = |text: &str, fuzzy: bool| {
                for w in words(text) {
                    table.add(&w, i, fuzzy);
                }
            };
            add(&c.name, true);
            add(&l.town, true);
            if let Some(r) = &l.region {
                add(r, false);
            }
            if let Some(s) = &c.summary {
                add(s, false);
            }
            if let Some(p) = &l.postcode {
                add(p, false);
                // Whole postcode without spaces too, so "M12AB" and "M1 2AB" both match.
                let code = normalise_postcode(p);
                table.add(&code.to_lowercase(), i, false);
                areas.entry(postcode_area(p)).or_default().push(i);
                postcodes.entry(code).or_default().push(i);
            }
            towns.entry(fold(l.town.trim())).or_default().push(i);
        }
        let mut sorted: Vec<(String, usize)> = table.ids.into_iter().collect();
        sorted.sort_unstable();
        let mut words_sorted = Vec::with_capacity(sorted.len());
        let mut postings = Vec::with_capacity(sorted.len());
        let mut fuzzy = Vec::with_capacity(sorted.len());
        for (w, id) in sorted {
            words_sorted.push(w);
            postings.push(std::mem::take(&mut table.postings[id]));
            fuzzy.push(std::mem::take(&mut table.fuzzy[id]));
        }

        let name_keys: Vec<String> = clinics.iter().map(|c| fold(&c.name)).collect();
        let by_name = Order::by(len, |a, b| name_keys[a].cmp(&name_keys[b]).then(a.cmp(&b)));
        let price_from: Vec<f64> = clinics
            .iter()
            .map(|c| c.cost.price.as_ref().map_or(f64::NAN, |p| p.from))
            .collect();
        // NaN and "not stated" sort last in every order; ties go by name.
        let last_f64 = |v: f64| if v.is_nan() { f64::INFINITY } else { v };
        let by_price = Order::by(len, |a, b| {
            last_f64(price_from[a])
                .total_cmp(&last_f64(price_from[b]))
                .then(by_name.rank[a].cmp(&by_name.rank[b]))
        });
        let days_min: Vec<u32> = clinics
            .iter()
            .map(|c| c.programme_days.iter().min().copied().unwrap_or(u32::MAX))
            .collect();
        let by_days = Order::by(len, |a, b| {
            days_min[a]
                .cmp(&days_min[b])
                .then(by_name.rank[a].cmp(&by_name.rank[b]))
        });
        let verified: Vec<&str> = clinics
            .iter()
            .map(|c| c.last_verified.as_deref().unwrap_or("").trim())
            .collect();
        // Newest first; entries never verified go last.
        let by_verified = Order::by(len, |a, b| {
            verified[a]
                .is_empty()
                .cmp(&verified[b].is_empty())
                .then_with(|| verified[b].cmp(verified[a]))
                .then(by_name.rank[a].cmp(&by_name.rank[b]))
        });
        let mut days_start = Vec::with_capacity(len + 1);
        let mut days = Vec::new();
        days_start.push(0);
        for c in clinics {
            days.extend_from_slice(&c.programme_days);
            days_start.push(days.len() as u32);
        }

        Index {
            len,
            facets,
            price_from,
            days,
            days_start,
            aftercare_months: clinics
                .iter()
                .map(|c| c.aftercare.as_ref().and_then(|a| a.months))
                .collect(),
            points: clinics
                .iter()
                .map(|c| Some((c.location.lat?, c.location.lon?)))
                .collect(),
            name_keys,
            by_name,
            by_price,
            by_days,
            by_verified,
            words: words_sorted,
            postings,
            fuzzy,
            towns,
            postcodes,
            areas,
            places: clinics
                .iter()
                .map(|c| {
                    (
                        fold(c.location.region.as_deref().unwrap_or("").trim()),
                        c.location.country.trim().to_ascii_uppercase(),
                    )
                })
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn facets(&self) -> &[FacetIndex] {
        &self.facets
    }

    pub fn facet(&self, key: &str) -> Option<&FacetIndex> {
        self.facets.iter().find(|f| f.key == key)
    }

    /// Programme lengths (days) clinic `i` offers.
    pub(crate) fn programme_days(&self, i: usize) -> &[u32] {
        &self.days[self.days_start[i] as usize..self.days_start[i + 1] as usize]
    }

    /// Where a typed town, UK postcode (full or outward code) or US ZIP is, from the catalogue's
    /// own clinics: the centre of the clinics that match, or `None` when nothing does.
    ///
    /// Tried in turn: the town ("Leeds", or "Manchester, NH" to pick a region or country); the
    /// exact postcode/ZIP; its outward code or ZIP5; the postcode district or ZIP3; a town with a
    /// small typo ("Worchester"). Same-named towns in different regions are not averaged: the
    /// region with most clinics wins unless the text names one.
    pub fn resolve_place(&self, text: &str) -> Option<Point> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let folded = fold(text);
        let mut parts = folded.splitn(2, ',');
        let town = parts.next().unwrap_or("").trim();
        let qualifier = parts.next().map(str::trim).filter(|q| !q.is_empty());
        if let Some(found) = self.towns.get(town).and_then(|ids| self.centre(ids, qualifier)) {
            return Some(found);
        }
        let code = normalise_postcode(text);
        if code.is_empty() {
            return None;
        }
        if let Some(found) = self.postcodes.get(&code).and_then(|ids| self.centre(ids, None)) {
            return Some(found);
        }
        let area = postcode_area(text);
        if let Some(found) = self.areas.get(&area).and_then(|ids| self.centre(ids, None)) {
            return Some(found);
        }
        // The same ZIP3 or postcode district prefix.
        let prefix_len = if area.chars().all(|c| c.is_ascii_digit()) {
            3
        } else {
            area.len()
        };
        let prefix: String = area.chars().take(prefix_len).collect();
        if prefix.len() >= 2 && !(prefix_len == 3 && prefix.len() < 3) {
            let near: Vec<u32> = self
                .postcodes
                .range(prefix.clone()..)
                .take_while(|(p, _)| p.starts_with(&prefix))
                .flat_map(|(_, ids)| ids.iter().copied())
                .collect();
            if let Some(found) = self.centre(&near, None) {
                return Some(found);
            }
        }
        self.fuzzy_town(town).and_then(|ids| self.centre(ids, qualifier))
    }

    /// The town closest in spelling within the typo budget; ties go to the town with more
    /// clinics, then alphabetical order.
    fn fuzzy_town(&self, town: &str) -> Option<&Vec<u32>> {
        let budget = typo_budget(town);
        if budget == 0 {
            return None;
        }
        let len = town.chars().count();
        self.towns
            .iter()
            .filter(|(t, _)| t.chars().count().abs_diff(len) <= budget)
            .filter_map(|(t, ids)| {
                let d = (1..=budget).find(|&d| within_distance(town, t, d))?;
                Some((d, std::cmp::Reverse(ids.len()), t, ids))
            })
            .min()
            .map(|(_, _, _, ids)| ids)
    }

    /// Centre of the clinics' points, in the (country, region) with most of them — or in the
    /// region/country the `qualifier` names ("nh", "gb", "greater manch…").
    fn centre(&self, ids: &[u32], qualifier: Option<&str>) -> Option<Point> {
        let mut groups: BTreeMap<(&str, &str), (usize, f64, f64, u32)> = BTreeMap::new();
        for &i in ids {
            let Some((lat, lon)) = self.points[i as usize] else {
                continue;
            };
            let (region, country) = &self.places[i as usize];
            if let Some(q) = qualifier {
                if !region.starts_with(q) && !country.eq_ignore_ascii_case(q) {
                    continue;
                }
            }
            let g = groups.entry((country, region)).or_insert((0, 0.0, 0.0, i));
            g.0 += 1;
            g.1 += lat;
            g.2 += lon;
        }
        if groups.is_empty() && qualifier.is_some() {
            return self.centre(ids, None);
        }
        // Most clinics; ties to the group seen first in the catalogue.
        let (n, lat, lon, _) = groups.into_values().max_by(|a, b| a.0.cmp(&b.0).then(b.3.cmp(&a.3)))?;
        Some((lat / n as f64, lon / n as f64))
    }

    /// Approximate bytes held by the index (the benchmark counts allocations exactly).
    pub fn heap_bytes(&self) -> usize {
        let strings = |v: &[String]| v.iter().map(|s| s.capacity() + 24).sum::<usize>();
        let lists = |v: &[Vec<u32>]| v.iter().map(|p| p.capacity() * 4 + 24).sum::<usize>();
        let facets: usize = self
            .facets
            .iter()
            .map(|f| strings(&f.values) * 2 + f.sets.iter().map(Bitset::heap_bytes).sum::<usize>())
            .sum();
        facets
            + self.len * (8 + 8 + 24 + 8 + 4 * 8 + 48)
            + self.days.capacity() * 4
            + strings(&self.name_keys)
            + strings(&self.words)
            + lists(&self.postings)
            + lists(&self.fuzzy)
            + self.towns.values().map(|v| v.capacity() * 4 + 48).sum::<usize>()
            + self.postcodes.values().map(|v| v.capacity() * 4 + 48).sum::<usize>()
            + self.areas.values().map(|v| v.capacity() * 4 + 48).sum::<usize>()
    }
}

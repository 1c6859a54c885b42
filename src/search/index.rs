//! The index, built once per catalogue: a bitset per facet value, numeric columns, points, and a
//! sorted word list with postings for text search.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::bitset::Bitset;
use super::geo::{normalise_postcode, postcode_area, Point};
use super::text::{fold, words};
use crate::catalogue::vocabulary::Group;
use crate::catalogue::Clinic;

/// The facets families filter by, as query keys. Options within one are OR, facets are AND.
pub const FACETS: [&str; 13] = [
    "setting",
    "detox",
    "medication",
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

/// The vocabulary group behind a facet, if any (languages, countries and extras have none).
pub fn facet_group(facet: &str) -> Option<Group> {
    Some(match facet {
        "setting" => Group::Setting,
        "detox" => Group::Detox,
        "medication" => Group::Medication,
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

/// A clinic's values in one facet. Medications also yield `code/form` (e.g.
/// `buprenorphine/depot_injection`) so families can ask for a particular form.
pub fn facet_values(c: &Clinic, facet: &str) -> Vec<String> {
    match facet {
        "setting" => c.settings.clone(),
        "detox" => c.detox.clone(),
        "medication" => c
            .medications
            .iter()
            .flat_map(|m| std::iter::once(m.code.clone()).chain(m.forms.iter().map(|f| format!("{}/{f}", m.code))))
            .collect(),
        "stance" => c.stance.iter().cloned().collect(),
        "therapy" => c.therapies.clone(),
        "condition" => c.conditions.clone(),
        "aftercare" => c.aftercare.iter().flat_map(|a| a.kinds.clone()).collect(),
        "funding" => c.cost.funding.clone(),
        "credential" => c.credentials.iter().map(|x| x.code.clone()).collect(),
        "special_group" => c.groups.clone(),
        "language" => c.languages.clone(),
        "country" => vec![c.location.country.clone()],
        "extra" => c.extra_features.clone(),
        _ => Vec::new(),
    }
}

/// One facet: its values (sorted) and, per value, the clinics that have it.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetIndex {
    pub key: &'static str,
    pub values: Vec<String>,
    pub(crate) sets: Vec<Bitset>,
    ids: HashMap<String, usize>,
}

impl FacetIndex {
    pub fn value_id(&self, value: &str) -> Option<usize> {
        self.ids.get(value).copied()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    pub(crate) len: usize,
    pub(crate) facets: Vec<FacetIndex>,
    /// Lowest weekly price, NaN when not stated.
    pub(crate) price_from: Vec<f64>,
    /// Shortest programme in days, `u32::MAX` when not stated.
    pub(crate) days_min: Vec<u32>,
    pub(crate) points: Vec<Option<Point>>,
    /// Folded names, for sorting by name.
    pub(crate) name_keys: Vec<String>,
    pub(crate) verified: Vec<String>,
    /// Every distinct folded word, sorted, with the clinics it appears in.
    pub(crate) words: Vec<String>,
    pub(crate) postings: Vec<Vec<u32>>,
    /// Whether the word comes from a name or town (the only places typos are forgiven).
    pub(crate) fuzzy: Vec<bool>,
    /// Folded town → clinics; normalised postcode → clinics.
    towns: HashMap<String, Vec<u32>>,
    postcodes: BTreeMap<String, Vec<u32>>,
}

impl Index {
    pub fn build(clinics: &[Clinic]) -> Index {
        let len = clinics.len();
        let facets = FACETS
            .iter()
            .map(|&key| {
                let mut by_value: BTreeMap<String, Bitset> = BTreeMap::new();
                for (i, c) in clinics.iter().enumerate() {
                    for v in facet_values(c, key) {
                        by_value.entry(v).or_insert_with(|| Bitset::empty(len)).insert(i);
                    }
                }
                let values: Vec<String> = by_value.keys().cloned().collect();
                let ids = values.iter().enumerate().map(|(i, v)| (v.clone(), i)).collect();
                FacetIndex {
                    key,
                    values,
                    sets: by_value.into_values().collect(),
                    ids,
                }
            })
            .collect();

        let mut word_map: BTreeMap<String, (BTreeSet<u32>, bool)> = BTreeMap::new();
        let mut towns: HashMap<String, Vec<u32>> = HashMap::new();
        let mut postcodes: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (i, c) in clinics.iter().enumerate() {
            let i = i as u32;
            let l = &c.location;
            let mut add = |text: &str, fuzzy: bool| {
                for w in words(text) {
                    let entry = word_map.entry(w).or_default();
                    entry.0.insert(i);
                    entry.1 |= fuzzy;
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
                word_map
                    .entry(normalise_postcode(p).to_lowercase())
                    .or_default()
                    .0
                    .insert(i);
                postcodes.entry(normalise_postcode(p)).or_default().push(i);
            }
            towns.entry(fold(l.town.trim())).or_default().push(i);
        }
        let mut words_sorted = Vec::with_capacity(word_map.len());
        let mut postings = Vec::with_capacity(word_map.len());
        let mut fuzzy = Vec::with_capacity(word_map.len());
        for (w, (docs, f)) in word_map {
            words_sorted.push(w);
            postings.push(docs.into_iter().collect());
            fuzzy.push(f);
        }

        Index {
            len,
            facets,
            price_from: clinics
                .iter()
                .map(|c| c.cost.price.as_ref().map_or(f64::NAN, |p| p.from))
                .collect(),
            days_min: clinics
                .iter()
                .map(|c| c.programme_days.iter().min().copied().unwrap_or(u32::MAX))
                .collect(),
            points: clinics
                .iter()
                .map(|c| Some((c.location.lat?, c.location.lon?)))
                .collect(),
            name_keys: clinics.iter().map(|c| fold(&c.name)).collect(),
            verified: clinics
                .iter()
                .map(|c| c.last_verified.clone().unwrap_or_default())
                .collect(),
            words: words_sorted,
            postings,
            fuzzy,
            towns,
            postcodes,
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

    /// Where a typed town, UK postcode (full or outward code) or US ZIP is, from the catalogue's
    /// own clinics: the centre of the clinics that match, or `None` when nothing does.
    pub fn resolve_place(&self, text: &str) -> Option<Point> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let town = fold(text);
        let town = town.split(',').next().unwrap_or("").trim();
        if let Some(found) = self.towns.get(town).and_then(|ids| self.centre(ids)) {
            return Some(found);
        }
        let code = normalise_postcode(text);
        if code.is_empty() {
            return None;
        }
        if let Some(found) = self.postcodes.get(&code).and_then(|ids| self.centre(ids)) {
            return Some(found);
        }
        // Same outward code or ZIP, then the same ZIP3 / postcode district prefix.
        let area = postcode_area(text);
        let in_area: Vec<u32> = self
            .postcodes
            .iter()
            .filter(|(p, _)| postcode_area(p_with_space(p).as_str()) == area)
            .flat_map(|(_, ids)| ids.clone())
            .collect();
        if let Some(found) = self.centre(&in_area) {
            return Some(found);
        }
        let prefix_len = if area.chars().all(|c| c.is_ascii_digit()) {
            3
        } else {
            area.len()
        };
        let prefix: String = area.chars().take(prefix_len).collect();
        if prefix.len() < 2 {
            return None;
        }
        let near: Vec<u32> = self
            .postcodes
            .range(prefix.clone()..)
            .take_while(|(p, _)| p.starts_with(&prefix))
            .flat_map(|(_, ids)| ids.clone())
            .collect();
        self.centre(&near)
    }

    fn centre(&self, ids: &[u32]) -> Option<Point> {
        let points: Vec<Point> = ids.iter().filter_map(|&i| self.points[i as usize]).collect();
        if points.is_empty() {
            return None;
        }
        let n = points.len() as f64;
        Some((
            points.iter().map(|p| p.0).sum::<f64>() / n,
            points.iter().map(|p| p.1).sum::<f64>() / n,
        ))
    }

    /// Approximate bytes held by the index, for the memory benchmark.
    pub fn heap_bytes(&self) -> usize {
        let strings = |v: &[String]| v.iter().map(|s| s.capacity() + 24).sum::<usize>();
        let facets: usize = self
            .facets
            .iter()
            .map(|f| strings(&f.values) * 2 + f.sets.iter().map(Bitset::heap_bytes).sum::<usize>())
            .sum();
        facets
            + self.len * (8 + 4 + 24)
            + strings(&self.name_keys)
            + strings(&self.verified)
            + strings(&self.words)
            + self.postings.iter().map(|p| p.capacity() * 4 + 24).sum::<usize>()
            + self.towns.values().map(|v| v.capacity() * 4 + 48).sum::<usize>()
            + self.postcodes.values().map(|v| v.capacity() * 4 + 48).sum::<usize>()
    }
}

/// Stored postcodes have no space; put the UK inward-code space back so the area can be read.
fn p_with_space(p: &str) -> String {
    if p.len() >= 5 && p.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        format!("{} {}", &p[..p.len() - 3], &p[p.len() - 3..])
    } else {
        p.to_string()
    }
}

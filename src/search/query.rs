//! Running a query: facet selections (OR within a facet, AND across), numeric bounds, text and a
//! radius; the sorted matches; and for every facet value its disjunctive count — how many clinics
//! would match if it were added, holding the other facets' selections.

use std::collections::{BTreeMap, BTreeSet};

use super::bitset::Bitset;
use super::geo::{distance_km, Point};
use super::index::Index;
use super::text::{typo_budget, within_distance, words};

/// How results are ordered. Only the family chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Name,
    Nearest,
    LowestPrice,
    ShortestProgramme,
    RecentlyVerified,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    /// Facet key → selected values.
    pub selected: BTreeMap<String, BTreeSet<String>>,
    pub text: String,
    /// The place results are measured from.
    pub point: Option<Point>,
    /// Only clinics within this distance of `point`.
    pub radius_km: Option<f64>,
    /// Only clinics whose lowest weekly price is at most this.
    pub max_price: Option<f64>,
    /// Only clinics offering a programme of at most this many days.
    pub max_days: Option<u32>,
    pub sort: Sort,
}

impl Query {
    /// Filters in force (a point only sorts unless there is a radius).
    pub fn active_count(&self) -> usize {
        self.selected.values().map(BTreeSet::len).sum::<usize>()
            + usize::from(self.max_price.is_some())
            + usize::from(self.max_days.is_some())
            + usize::from(self.point.is_some())
    }
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// Matching clinic positions, sorted. Paging is slicing.
    pub order: Vec<u32>,
    /// Distance in km for each entry of `order`, when the query has a point.
    pub distances: Vec<Option<f64>>,
    /// For each facet (in index order), the disjunctive count of each of its values.
    pub counts: Vec<Vec<usize>>,
}

impl Results {
    pub fn total(&self) -> usize {
        self.order.len()
    }

    /// One page of (clinic position, distance).
    pub fn page(&self, offset: usize, len: usize) -> impl Iterator<Item = (u32, Option<f64>)> + '_ {
        let end = (offset + len).min(self.order.len());
        let start = offset.min(end);
        self.order[start..end]
            .iter()
            .copied()
            .zip(self.distances[start..end].iter().copied())
    }
}

impl Index {
    /// Clinics passing everything but the facet selections.
    fn base_mask(&self, q: &Query) -> Bitset {
        let mut mask = match self.text_mask(&q.text) {
            Some(m) => m,
            None => Bitset::full(self.len),
        };
        if q.max_price.is_some() || q.max_days.is_some() || (q.point.is_some() && q.radius_km.is_some()) {
            let mut keep = Bitset::empty(self.len);
            for i in mask.iter() {
                let price_ok = q.max_price.is_none_or(|max| self.price_from[i] <= max);
                let days_ok = q.max_days.is_none_or(|max| self.days_min[i] <= max);
                let near_ok = match (q.point, q.radius_km) {
                    (Some(p), Some(r)) => self.points[i].is_some_and(|c| distance_km(p, c) <= r),
                    _ => true,
                };
                if price_ok && days_ok && near_ok {
                    keep.insert(i);
                }
            }
            mask = keep;
        }
        mask
    }

    /// Each query word must match a word of the clinic by prefix, or (in names and towns) with a
    /// small typo. `None` when there is no text.
    fn text_mask(&self, text: &str) -> Option<Bitset> {
        let query_words = words(text);
        if query_words.is_empty() {
            return None;
        }
        let mut mask = Bitset::full(self.len);
        for qw in query_words {
            let mut word_mask = Bitset::empty(self.len);
            let start = self.words.partition_point(|w| w.as_str() < qw.as_str());
            for k in start..self.words.len() {
                if !self.words[k].starts_with(&qw) {
                    break;
                }
                for &i in &self.postings[k] {
                    word_mask.insert(i as usize);
                }
            }
            let budget = typo_budget(&qw);
            if budget > 0 {
                let qlen = qw.chars().count();
                for (k, w) in self.words.iter().enumerate() {
                    if self.fuzzy[k] && w.len().abs_diff(qlen) <= budget && within_distance(&qw, w, budget) {
                        for &i in &self.postings[k] {
                            word_mask.insert(i as usize);
                        }
                    }
                }
            }
            mask.and_with(&word_mask);
        }
        Some(mask)
    }

    /// OR of a facet's selected values; `None` when nothing is selected there. Unknown values match
    /// nothing.
    fn selection_mask(&self, facet: usize, q: &Query) -> Option<Bitset> {
        let f = &self.facets[facet];
        let chosen = q.selected.get(f.key).filter(|s| !s.is_empty())?;
        let mut mask = Bitset::empty(self.len);
        for v in chosen {
            if let Some(id) = f.value_id(v) {
                mask.or_with(&f.sets[id]);
            }
        }
        Some(mask)
    }

    /// How many clinics match, without counts or sorting (for "removing this would bring back …").
    pub fn count(&self, q: &Query) -> usize {
        let mut mask = self.base_mask(q);
        for f in 0..self.facets.len() {
            if let Some(s) = self.selection_mask(f, q) {
                mask.and_with(&s);
            }
        }
        mask.count()
    }

    pub fn search(&self, q: &Query) -> Results {
        let base = self.base_mask(q);
        let selections: Vec<Option<Bitset>> = (0..self.facets.len()).map(|f| self.selection_mask(f, q)).collect();
        // Prefix and suffix products of the selections, so "all facets but g" costs one AND.
        let n = selections.len();
        let mut prefix = Vec::with_capacity(n + 1);
        prefix.push(base.clone());
        for s in &selections {
            let mut next = prefix.last().expect("non-empty").clone();
            if let Some(s) = s {
                next.and_with(s);
            }
            prefix.push(next);
        }
        let mut suffix: Vec<Option<Bitset>> = vec![None; n + 1];
        for g in (0..n).rev() {
            suffix[g] = match (&suffix[g + 1], &selections[g]) {
                (Some(after), Some(s)) => {
                    let mut m = after.clone();
                    m.and_with(s);
                    Some(m)
                }
                (Some(after), None) => Some(after.clone()),
                (None, Some(s)) => Some(s.clone()),
                (None, None) => None,
            };
        }
        let full = prefix[n].clone();
        let counts = (0..n)
            .map(|g| {
                let others = if selections[g].is_none() {
                    full.clone()
                } else {
                    let mut m = prefix[g].clone();
                    if let Some(after) = &suffix[g + 1] {
                        m.and_with(after);
                    }
                    m
                };
                self.facets[g].sets.iter().map(|set| others.and_count(set)).collect()
            })
            .collect();

        let mut order: Vec<u32> = full.iter().map(|i| i as u32).collect();
        let distance = |i: u32| q.point.and_then(|p| self.points[i as usize].map(|c| distance_km(p, c)));
        let by_name = |a: &u32, b: &u32| {
            self.name_keys[*a as usize]
                .cmp(&self.name_keys[*b as usize])
                .then(a.cmp(b))
        };
        // NaN and "not stated" sort last in every order.
        let last_f64 = |v: f64| if v.is_nan() { f64::INFINITY } else { v };
        match q.sort {
            Sort::Name => order.sort_by(by_name),
            Sort::Nearest => {
                let mut keyed: Vec<(f64, u32)> = order
                    .iter()
                    .map(|&i| (distance(i).unwrap_or(f64::INFINITY), i))
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| by_name(&a.1, &b.1)));
                order = keyed.into_iter().map(|(_, i)| i).collect();
            }
            Sort::LowestPrice => order.sort_by(|a, b| {
                last_f64(self.price_from[*a as usize])
                    .total_cmp(&last_f64(self.price_from[*b as usize]))
                    .then_with(|| by_name(a, b))
            }),
            Sort::ShortestProgramme => order.sort_by(|a, b| {
                self.days_min[*a as usize]
                    .cmp(&self.days_min[*b as usize])
                    .then_with(|| by_name(a, b))
            }),
            Sort::RecentlyVerified => order.sort_by(|a, b| {
                let (va, vb) = (&self.verified[*a as usize], &self.verified[*b as usize]);
                // Newest first; entries never verified go last.
                va.is_empty()
                    .cmp(&vb.is_empty())
                    .then_with(|| vb.cmp(va))
                    .then_with(|| by_name(a, b))
            }),
        }
        let distances = order.iter().map(|&i| distance(i)).collect();
        Results {
            order,
            distances,
            counts,
        }
    }
}

//! Running a query: facet selections (OR within a facet, AND across), numeric bounds, text and a
//! radius; the sorted matches; and for every facet value its disjunctive count — how many clinics
//! would match if it were added, holding the other facets' selections.

use litemap::LiteMap;

use super::bitset::Bitset;
use super::geo::{self, distance_km, Point, EARTH_RADIUS_KM};
use super::index::{by_keys, Index, Order};
use super::text::{fold, typo_budget, within_distance, words};

/// How results are ordered. Only the family chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Name,
    Nearest,
    LowestPrice,
    ShortestProgramme,
    RecentlyVerified,
    /// For typed text: names starting with the text first, then names containing every typed
    /// word, then the rest (found in town, region, postcode or summary); each by name.
    Relevance,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    /// Facet key → selected values, each list sorted and never empty (change it with
    /// [`Query::select`], [`Query::deselect`] and [`Query::toggle`]). Flat sorted lists rather than
    /// B-trees: a family picks a handful, and every B-tree instantiation weighs on the download.
    pub selected: LiteMap<String, Vec<String>>,
    pub text: String,
    /// The place results are measured from.
    pub point: Option<Point>,
    /// Only clinics within this distance of `point`.
    pub radius_km: Option<f64>,
    /// Only clinics whose lowest weekly price is at most this (clinics with no price are left out).
    pub max_price: Option<f64>,
    /// Only clinics offering a programme of at least / at most this many days (one programme must
    /// fit both bounds).
    pub min_days: Option<u32>,
    pub max_days: Option<u32>,
    /// Only clinics including at least this many months of aftercare.
    pub min_aftercare_months: Option<u32>,
    pub sort: Sort,
}

/// One thing a family can take away to widen an empty (or short) list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relaxation {
    /// Clear every selection in this facet.
    Facet(String),
    Text,
    Radius,
    MaxPrice,
    ProgrammeDays,
    AftercareMonths,
}

impl Query {
    pub fn is_selected(&self, facet: &str, code: &str) -> bool {
        self.selected
            .get(facet)
            .is_some_and(|codes| codes.iter().any(|c| c == code))
    }

    /// Adds one facet value to the selection (once).
    pub fn select(&mut self, facet: &str, code: &str) {
        let codes = self.selected.entry(facet.to_string()).or_default();
        if let Err(at) = codes.binary_search_by(|c| c.as_str().cmp(code)) {
            codes.insert(at, code.to_string());
        }
    }

    /// Takes one facet value out of the selection, and the facet when it was its last.
    pub fn deselect(&mut self, facet: &str, code: &str) {
        if let Some(codes) = self.selected.get_mut(facet) {
            codes.retain(|c| c != code);
            if codes.is_empty() {
                self.selected.remove(facet);
            }
        }
    }

    pub fn toggle(&mut self, facet: &str, code: &str) {
        if self.is_selected(facet, code) {
            self.deselect(facet, code);
        } else {
            self.select(facet, code);
        }
    }

    /// Filters in force (a point only sorts unless there is a radius).
    pub fn active_count(&self) -> usize {
        self.selected.values().map(Vec::len).sum::<usize>()
            + usize::from(self.max_price.is_some())
            + usize::from(self.min_days.is_some() || self.max_days.is_some())
            + usize::from(self.min_aftercare_months.is_some())
            + usize::from(self.point.is_some())
    }

    /// This query without one of its constraints.
    pub fn without(&self, r: &Relaxation) -> Query {
        let mut q = self.clone();
        match r {
            Relaxation::Facet(f) => {
                q.selected.remove(f);
            }
            Relaxation::Text => q.text.clear(),
            Relaxation::Radius => q.radius_km = None,
            Relaxation::MaxPrice => q.max_price = None,
            Relaxation::ProgrammeDays => (q.min_days, q.max_days) = (None, None),
            Relaxation::AftercareMonths => q.min_aftercare_months = None,
        }
        q
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
        let end = offset.saturating_add(len).min(self.order.len());
        let start = offset.min(end);
        self.order[start..end]
            .iter()
            .copied()
            .zip(self.distances[start..end].iter().copied())
    }

    /// The disjunctive count of one value (0 when the catalogue has no such value).
    pub fn count(&self, index: &Index, facet: &str, value: &str) -> usize {
        index
            .facets()
            .iter()
            .position(|f| f.key == facet)
            .and_then(|f| Some(self.counts[f][index.facets()[f].value_id(value)?]))
            .unwrap_or(0)
    }
}

impl Index {
    /// Clinics passing everything but the facet selections; `None` when that is every clinic.
    fn base_mask(&self, q: &Query) -> Option<Bitset> {
        let text = self.text_mask(&q.text);
        let radius = match (q.point, q.radius_km) {
            (Some(p), Some(r)) => Some((p, r)),
            _ => None,
        };
        let days = q.min_days.is_some() || q.max_days.is_some();
        if q.max_price.is_none() && !days && q.min_aftercare_months.is_none() && radius.is_none() {
            return text;
        }
        // A cheap box around the circle first, so most clinics skip the trigonometry.
        let bounds = radius.map(|((lat, _), r)| {
            let dlat = (r / EARTH_RADIUS_KM).to_degrees();
            let cos = geo::cos(lat.to_radians());
            let dlon = if cos > 1e-6 && lat.abs() + dlat < 89.0 {
                dlat / cos
            } else {
                f64::INFINITY
            };
            (dlat, dlon)
        });
        let (lo_days, hi_days) = (q.min_days.unwrap_or(0), q.max_days.unwrap_or(u32::MAX));
        // A service with no fixed length (community services, opioid treatment programmes: people
        // stay as long as it helps) is kept; the filter's chip says so.
        let length_fits = |i: usize| {
            let offered = self.programme_days(i);
            offered.is_empty() || offered.iter().any(|d| (lo_days..=hi_days).contains(d))
        };
        let keep = |i: usize| {
            q.max_price.is_none_or(|max| self.price_from[i] <= max)
                && (!days || length_fits(i))
                && q.min_aftercare_months
                    .is_none_or(|m| self.aftercare_months[i].is_some_and(|have| have >= m))
                && match (radius, bounds) {
                    (Some((p, r)), Some((dlat, dlon))) => self.points[i].is_some_and(|c| {
                        (c.0 - p.0).abs() <= dlat
                            && ((c.1 - p.1).abs() <= dlon || (360.0 - (c.1 - p.1).abs()) <= dlon)
                            && distance_km(p, c) <= r
                    }),
                    _ => true,
                }
        };
        let mut mask = Bitset::empty(self.len);
        match &text {
            Some(t) => t.iter().filter(|&i| keep(i)).for_each(|i| mask.insert(i)),
            None => (0..self.len).filter(|&i| keep(i)).for_each(|i| mask.insert(i)),
        }
        Some(mask)
    }

    /// Each query word must match a word of the clinic by prefix, or (in names and towns) with a
    /// small typo. `None` when there is no text.
    fn text_mask(&self, text: &str) -> Option<Bitset> {
        let query_words = words(text);
        if query_words.is_empty() {
            return None;
        }
        let Some(text) = self.text() else {
            // The text part is not built yet: nothing matches (the widget builds it first).
            return Some(Bitset::empty(self.len));
        };
        let (words, postings, fuzzy) = (&text.words, &text.postings, &text.fuzzy);
        let mut mask: Option<Bitset> = None;
        for qw in query_words {
            let mut word_mask = Bitset::empty(self.len);
            let start = words.partition_point(|w| w.as_str() < qw.as_str());
            for k in start..words.len() {
                if !words[k].starts_with(&qw) {
                    break;
                }
                postings[k].iter().for_each(|&i| word_mask.insert(i as usize));
            }
            let budget = typo_budget(&qw);
            if budget > 0 {
                let qlen = qw.chars().count();
                for (k, w) in words.iter().enumerate() {
                    if !fuzzy[k].is_empty()
                        && w.chars().count().abs_diff(qlen) <= budget
                        && within_distance(&qw, w, budget)
                    {
                        fuzzy[k].iter().for_each(|&i| word_mask.insert(i as usize));
                    }
                }
            }
            mask = Some(match mask {
                Some(mut m) => {
                    m.and_with(&word_mask);
                    m
                }
                None => word_mask,
            });
        }
        mask
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

    fn full_mask(&self, q: &Query) -> Option<Bitset> {
        let mut mask = self.base_mask(q);
        for f in 0..self.facets.len() {
            if let Some(s) = self.selection_mask(f, q) {
                match &mut mask {
                    Some(m) => m.and_with(&s),
                    None => mask = Some(s),
                }
            }
        }
        mask
    }

    /// How many clinics match, without counts or sorting (for "removing this would bring back …").
    pub fn count(&self, q: &Query) -> usize {
        self.full_mask(q).map_or(self.len, |m| m.count())
    }

    /// For each constraint in force, how many clinics the query would find without it: the
    /// "try removing…" suggestions for an empty list.
    pub fn relaxations(&self, q: &Query) -> Vec<(Relaxation, usize)> {
        let mut out: Vec<Relaxation> = q
            .selected
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(f, _)| Relaxation::Facet(f.clone()))
            .collect();
        if !words(&q.text).is_empty() {
            out.push(Relaxation::Text);
        }
        if q.point.is_some() && q.radius_km.is_some() {
            out.push(Relaxation::Radius);
        }
        if q.max_price.is_some() {
            out.push(Relaxation::MaxPrice);
        }
        if q.min_days.is_some() || q.max_days.is_some() {
            out.push(Relaxation::ProgrammeDays);
        }
        if q.min_aftercare_months.is_some() {
            out.push(Relaxation::AftercareMonths);
        }
        out.into_iter()
            .map(|r| {
                let n = self.count(&q.without(&r));
                (r, n)
            })
            .collect()
    }

    pub fn search(&self, q: &Query) -> Results {
        let base = self.base_mask(q);
        let selections: Vec<(usize, Bitset)> = (0..self.facets.len())
            .filter_map(|f| Some((f, self.selection_mask(f, q)?)))
            .collect();
        let and_all = |skip: Option<usize>| -> Option<Bitset> {
            let mut m = base.clone();
            for (f, s) in &selections {
                if Some(*f) != skip {
                    match &mut m {
                        Some(m) => m.and_with(s),
                        None => m = Some(s.clone()),
                    }
                }
            }
            m
        };
        let full = and_all(None);
        let counts = self
            .facets
            .iter()
            .enumerate()
            .map(|(g, facet)| {
                let own = selections.iter().any(|(f, _)| *f == g);
                let others = if own { and_all(Some(g)) } else { None };
                match (others.as_ref(), own) {
                    (Some(m), _) => facet.sets.iter().map(|set| m.and_count(set)).collect(),
                    (None, true) => facet.totals.clone(),
                    (None, false) => match &full {
                        Some(m) => facet.sets.iter().map(|set| m.and_count(set)).collect(),
                        None => facet.totals.clone(),
                    },
                }
            })
            .collect();

        let order = self.sorted(full.as_ref(), q);
        let distances = match q.point {
            Some(p) => order
                .iter()
                .map(|&i| self.points[i as usize].map(|c| distance_km(p, c)))
                .collect(),
            None => vec![None; order.len()],
        };
        Results {
            order,
            distances,
            counts,
        }
    }

    /// The matches in the family's chosen order; ties by name, then catalogue position.
    fn sorted(&self, matches: Option<&Bitset>, q: &Query) -> Vec<u32> {
        let fixed = |o: &Order| -> Vec<u32> {
            match matches {
                None => o.order.clone(),
                Some(m) => {
                    let n = m.count();
                    // Few matches: sort them by their precomputed rank; many: walk the order.
                    if n < self.len / 16 {
                        by_keys(m.iter().map(|i| (u64::from(o.rank[i]), 0, i as u32)).collect())
                    } else {
                        o.order.iter().copied().filter(|&i| m.contains(i as usize)).collect()
                    }
                }
            }
        };
        let all = || -> Vec<u32> {
            match matches {
                None => (0..self.len as u32).collect(),
                Some(m) => m.iter().map(|i| i as u32).collect(),
            }
        };
        let name_rank = &self.by_name.rank;
        match q.sort {
            Sort::Name => fixed(&self.by_name),
            Sort::LowestPrice => fixed(&self.by_price),
            Sort::ShortestProgramme => fixed(&self.by_days),
            Sort::RecentlyVerified => fixed(&self.by_verified),
            Sort::Nearest => {
                let Some(p) = q.point else {
                    return fixed(&self.by_name);
                };
                // Non-negative floats order like their bits; clinics without a point go last.
                by_keys(
                    all()
                        .into_iter()
                        .map(|i| {
                            let d = self.points[i as usize].map_or(f64::INFINITY, |c| distance_km(p, c));
                            (d.to_bits(), name_rank[i as usize], i)
                        })
                        .collect(),
                )
            }
            Sort::Relevance => {
                let text = fold(q.text.trim());
                let typed = words(&q.text);
                if typed.is_empty() {
                    return fixed(&self.by_name);
                }
                let keyed = all()
                    .into_iter()
                    .map(|i| {
                        let name = &self.name_keys[i as usize];
                        let tier = if name.starts_with(&text) {
                            0
                        } else {
                            let name_words = words(name);
                            if typed
                                .iter()
                                .all(|t| name_words.iter().any(|w| w.starts_with(t.as_str())))
                            {
                                1
                            } else {
                                2
                            }
                        };
                        (tier, name_rank[i as usize], i)
                    })
                    .collect();
                by_keys(keyed)
            }
        }
    }
}

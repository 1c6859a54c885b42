//! The index, built once per catalogue: a bitset per facet value, numeric columns, points, sort
//! orders, and a sorted word list with postings for text search.

use std::borrow::Borrow;
use std::cell::{OnceCell, RefCell};

use foldhash::fast::FixedState;
use litemap::LiteMap;

use super::bitset::Bitset;
use super::geo::{normalise_postcode, postcode_area, Point};
use super::text::{fold, fold_into, for_each_word, typo_budget, within_distance};
use crate::catalogue::vocabulary::Group;
use crate::catalogue::Clinic;

/// Maps keyed by the catalogue's own text, with foldhash's fixed seed: random seeding would add
/// code to the download and guards only against a catalogue built to collide, which its
/// publisher could as well make large.
type HashMap<K, V> = std::collections::HashMap<K, V, FixedState>;

/// The facets families filter by, as query keys. Options within one are OR, facets are AND.
/// Funding codes that mean treatment is free to the family.
pub const FREE_FUNDING: [&str; 2] = ["nhs", "free_charity"];

pub const FACETS: [&str; 16] = [
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
    "accepts",
    "service",
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
        "accepts" => Group::Accepts,
        "service" => Group::Service,
        _ => return None,
    })
}

/// Calls `f` with each of a clinic's values in one facet, without allocating except for the
/// `code/form` medication values, which reuse `buf`.
fn visit_values(c: &Clinic, facet: usize, buf: &mut String, f: &mut dyn FnMut(&str)) {
    let each = |list: &[String], f: &mut dyn FnMut(&str)| list.iter().for_each(|v| f(v));
    // Positions in FACETS.
    match facet {
        0 => each(&c.settings, f),
        1 => each(&c.detox, f),
        2 => {
            // A medicine given only during a detox is not one a family can choose to stay on: it is
            // shown on the clinic's page, not offered by this filter.
            for m in c.medications.iter().filter(|m| !m.detox_only()) {
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
        3 => c
            .medications
            .iter()
            .filter(|m| !m.detox_only())
            .for_each(|m| each(&m.forms, f)),
        4 => c.stance.iter().for_each(|s| f(s)),
        5 => each(&c.therapies, f),
        6 => each(&c.conditions, f),
        7 => {
            if let Some(a) = &c.aftercare {
                each(&a.kinds, f);
                if !a.kinds.is_empty() || a.months.is_some_and(|m| m > 0) {
                    f(ANY_AFTERCARE);
                }
            }
        }
        8 => each(&c.cost.funding, f),
        9 => c.credentials.iter().for_each(|x| f(&x.code)),
        10 => each(&c.groups, f),
        11 => each(&c.languages, f),
        12 => f(&c.location.country),
        13 => each(&c.extra_features, f),
        14 => each(&c.accepts, f),
        15 => each(&c.services, f),
        _ => {}
    }
}

/// A clinic's values in one facet. Medications also yield `code/form` (e.g.
/// `buprenorphine/depot_injection`) so families can ask for a particular form; the
/// `medication_form` facet holds the bare forms (any medicine as a depot injection). Clinics with
/// any aftercare also have [`ANY_AFTERCARE`].
pub fn facet_values(c: &Clinic, facet: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(f) = FACETS.iter().position(|k| *k == facet) {
        visit_values(c, f, &mut String::new(), &mut |v| out.push(v.to_string()));
    }
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

// Every order the engine makes goes through one of these two sorts: each differently typed sort
// is its own copy of the standard library's sorting code, about a kilobyte of the download.
// Stable sorts, though the keys are unique: in the widget's size-optimised std
// (scripts/small-std.sh) the unstable sort is a heapsort, which made the index build 10 % slower.

/// The last part of each key (a clinic position), ordered by the keys.
pub(crate) fn by_keys(mut keyed: Vec<(u64, u32, u32)>) -> Vec<u32> {
    keyed.sort();
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

/// Positions of `texts` in text order, ties by position.
pub(crate) fn text_order<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<u32> {
    let mut keyed: Vec<(&str, u32)> = texts.zip(0..).collect();
    keyed.sort();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// `items` put in the order of their texts (ties keep their order).
fn sorted_by_text<T>(mut items: Vec<(String, T)>) -> Vec<(String, T)>
where
    T: Default,
{
    let order = text_order(items.iter().map(|(text, _)| text.as_str()));
    order
        .into_iter()
        .map(|i| std::mem::take(&mut items[i as usize]))
        .collect()
}

/// A precomputed result order: the clinic positions in order, and each clinic's place in it.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Order {
    pub(crate) order: Vec<u32>,
    pub(crate) rank: Vec<u32>,
}

impl Order {
    /// Ascending by `key`; keys end with the name rank, so they are unique and ties are settled.
    fn by_key(len: usize, key: impl Fn(usize) -> (u64, u32)) -> Order {
        let keyed = (0..len)
            .map(|i| {
                let (k, r) = key(i);
                (k, r, i as u32)
            })
            .collect();
        Order::from_order(by_keys(keyed))
    }

    fn from_order(order: Vec<u32>) -> Order {
        let mut rank = vec![0; order.len()];
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
    /// Lowest weekly price: 0 for free routes, NaN when not stated.
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
    /// Words and places, for typed text: built with the rest by [`Index::build`], or later by
    /// [`Index::build_text`] after [`Index::build_facets`].
    text: OnceCell<TextIndex>,
    /// The text part while [`Index::build_text_some`] builds it.
    text_progress: RefCell<Option<TextBuilder>>,
}

/// The part of the index only typed text needs. A widget can show its first results without it
/// and build it in the next task (about half of the build).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct TextIndex {
    /// Every distinct folded word, sorted, with the clinics it appears in.
    pub(crate) words: Vec<String>,
    pub(crate) postings: Vec<Vec<u32>>,
    /// Clinics with the word in their name or town (the only places typos are forgiven); empty
    /// for words found elsewhere only.
    pub(crate) fuzzy: Vec<Vec<u32>>,
    /// Folded town → clinics.
    towns: HashMap<String, Vec<u32>>,
    /// (normalised postcode or ZIP, clinic), sorted: exact codes, outward codes, ZIP5 and ZIP3
    /// are all prefix ranges.
    postcodes: Vec<(String, u32)>,
    /// Folded region and upper-case country, to tell same-named towns apart: each distinct pair
    /// once, and each clinic's position in that list.
    places: Vec<(String, String)>,
    place_of: Vec<u32>,
}

/// How a typed postcode is compared with the catalogue's.
#[derive(Clone, Copy)]
enum Match {
    Exact,
    Outward,
    Prefix,
}

/// `YYYY-MM-DD` as the number `YYYYMMDD` (digits only, so later dates are larger).
fn date_number(date: &str) -> u64 {
    date.bytes()
        .filter(u8::is_ascii_digit)
        .take(8)
        .fold(0, |n, d| n * 10 + u64::from(d - b'0'))
}

/// Facet value → id while building, with the clinics that have each value. Every value of every
/// clinic is looked up, and a facet usually has a few dozen values, so they are found by a scan
/// (lengths first), which is cheaper than hashing short strings (facets part of the build −30 % in
/// wasm); past [`ValueTable::SCAN_LIMIT`] values (a catalogue's own codes) by a hash map.
#[derive(Default)]
struct ValueTable {
    values: Vec<String>,
    /// Value → id, kept only once there are more than `SCAN_LIMIT` values.
    ids: HashMap<String, usize>,
    members: Vec<Vec<u32>>,
}

impl ValueTable {
    const SCAN_LIMIT: usize = 48;

    fn id(&self, value: &str) -> Option<usize> {
        if self.values.len() <= Self::SCAN_LIMIT {
            self.values.iter().position(|v| v.len() == value.len() && v == value)
        } else {
            self.ids.get(value).copied()
        }
    }

    fn add(&mut self, value: &str, clinic: u32) {
        let id = match self.id(value) {
            Some(id) => id,
            None => {
                let id = self.values.len();
                self.values.push(value.to_string());
                if self.values.len() > Self::SCAN_LIMIT {
                    if self.ids.is_empty() {
                        self.ids = self.values.iter().cloned().zip(0..).collect();
                    } else {
                        self.ids.insert(value.to_string(), id);
                    }
                }
                self.members.push(Vec::new());
                id
            }
        };
        if self.members[id].last() != Some(&clinic) {
            self.members[id].push(clinic);
        }
    }

    fn into_facet(self, key: &'static str, len: usize) -> FacetIndex {
        let sorted = sorted_by_text(self.values.into_iter().zip(0..).collect());
        let sets = sorted
            .iter()
            .map(|(_, id)| {
                let mut set = Bitset::empty(len);
                self.members[*id].iter().for_each(|&i| set.insert(i as usize));
                set
            })
            .collect();
        let totals = sorted.iter().map(|(_, id)| self.members[*id].len()).collect();
        let values: Vec<String> = sorted.into_iter().map(|(v, _)| v).collect();
        let ids = values.iter().enumerate().map(|(i, v)| (v.clone(), i)).collect();
        FacetIndex {
            key,
            values,
            sets,
            totals,
            ids,
        }
    }
}

/// Word → id while building, with postings kept sorted and unique (clinics come in order).
#[derive(Debug, Clone, PartialEq, Default)]
struct WordTable {
    ids: HashMap<String, usize>,
    postings: Vec<Vec<u32>>,
    fuzzy: Vec<Vec<u32>>,
}

impl WordTable {
    /// Adds the folded words of `text`; `buf` is scratch space.
    fn add_text(&mut self, text: &str, clinic: u32, fuzzy: bool, buf: &mut String) {
        for_each_word(text, buf, |w| self.add(w, clinic, fuzzy));
    }

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

impl TextIndex {
    fn postcodes_starting<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a (String, u32)> + 'a {
        let start = self.postcodes.partition_point(|(p, _)| p.as_str() < prefix);
        self.postcodes[start..]
            .iter()
            .take_while(move |(p, _)| p.starts_with(prefix))
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

    fn heap_bytes(&self) -> usize {
        strings(&self.words)
            + lists(&self.postings)
            + lists(&self.fuzzy)
            + self.towns.values().map(|v| v.capacity() * 4 + 48).sum::<usize>()
            + self.postcodes.iter().map(|(p, _)| p.capacity() + 32).sum::<usize>()
            + self
                .places
                .iter()
                .map(|(r, c)| r.capacity() + c.capacity() + 48)
                .sum::<usize>()
            + self.place_of.capacity() * 4
    }
}

/// The text part under construction, a slice of clinics at a time ([`Index::build_text_some`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct TextBuilder {
    table: WordTable,
    towns: HashMap<String, Vec<u32>>,
    postcodes: Vec<(String, u32)>,
    /// Scratch space for folding.
    folded: String,
    /// The next clinic to add.
    next: usize,
}

impl TextBuilder {
    /// Adds up to `n` more clinics; true once all are in.
    fn add<C: Borrow<Clinic>>(&mut self, clinics: &[C], name_keys: &[String], n: usize) -> bool {
        let end = clinics.len().min(self.next.saturating_add(n));
        let (table, folded) = (&mut self.table, &mut self.folded);
        for i in self.next..end {
            let (c, name, i) = (clinics[i].borrow(), &name_keys[i], i as u32);
            let l = &c.location;
            // The folded name (for the name order): folding it again passes its words on as they are.
            table.add_text(name, i, true, folded);
            table.add_text(&l.town, i, true, folded);
            folded.clear();
            fold_into(l.town.trim(), folded);
            match self.towns.get_mut(folded.as_str()) {
                Some(ids) => ids.push(i),
                None => {
                    self.towns.insert(folded.clone(), vec![i]);
                }
            }
            if let Some(r) = &l.region {
                table.add_text(r, i, false, folded);
            }
            if let Some(s) = &c.summary {
                table.add_text(s, i, false, folded);
            }
            if let Some(p) = &l.postcode {
                table.add_text(p, i, false, folded);
                // Whole postcode without spaces too, so "M12AB" and "M1 2AB" both match.
                let code = normalise_postcode(p);
                folded.clear();
                folded.extend(code.chars().map(|c| c.to_ascii_lowercase()));
                table.add(folded, i, false);
                self.postcodes.push((code, i));
            }
        }
        self.next = end;
        end == clinics.len()
    }

    /// The text part, once every clinic is added: words and postcodes sorted, places gathered.
    fn finish<C: Borrow<Clinic>>(self, clinics: &[C]) -> TextIndex {
        let mut table = self.table;
        let postcodes = sorted_by_text(self.postcodes);
        let sorted = sorted_by_text(table.ids.into_iter().collect());
        let mut words = Vec::with_capacity(sorted.len());
        let mut postings = Vec::with_capacity(sorted.len());
        let mut fuzzy = Vec::with_capacity(sorted.len());
        for (w, id) in sorted {
            words.push(w);
            postings.push(std::mem::take(&mut table.postings[id]));
            fuzzy.push(std::mem::take(&mut table.fuzzy[id]));
        }
        // Clinics share a few hundred regions at most: fold each (region, country) once.
        let mut place_ids: HashMap<(&str, &str), u32> = HashMap::default();
        let mut places = Vec::new();
        let place_of = clinics
            .iter()
            .map(|c| {
                let l = &c.borrow().location;
                let key = (l.region.as_deref().unwrap_or(""), l.country.as_str());
                *place_ids.entry(key).or_insert_with(|| {
                    places.push((fold(key.0.trim()), key.1.trim().to_ascii_uppercase()));
                    places.len() as u32 - 1
                })
            })
            .collect();
        TextIndex {
            words,
            postings,
            fuzzy,
            towns: self.towns,
            postcodes,
            places,
            place_of,
        }
    }
}

fn strings(v: &[String]) -> usize {
    v.iter().map(|s| s.capacity() + 24).sum()
}

fn lists(v: &[Vec<u32>]) -> usize {
    v.iter().map(|p| p.capacity() * 4 + 24).sum()
}

/// The facets and each clinic's folded name, in one pass over the clinics: each clinic's data is
/// read while it is in cache.
fn facets_and_names(clinics: &[Clinic]) -> (Vec<FacetIndex>, Vec<String>) {
    let len = clinics.len();
    let mut values: Vec<ValueTable> = FACETS.iter().map(|_| ValueTable::default()).collect();
    let mut buf = String::new();
    let mut name_keys: Vec<String> = Vec::with_capacity(len);
    for (i, c) in clinics.iter().enumerate() {
        let i = i as u32;
        for (f, table) in values.iter_mut().enumerate() {
            visit_values(c, f, &mut buf, &mut |v| table.add(v, i));
        }
        name_keys.push(fold(&c.name));
    }
    let facets = FACETS
        .iter()
        .zip(values)
        .map(|(&key, table)| table.into_facet(key, len))
        .collect();
    (facets, name_keys)
}

/// Each clinic's lowest price, 0 for a free route, NaN when not stated.
fn prices_from(clinics: &[Clinic]) -> Vec<f64> {
    clinics
        .iter()
        .map(|c| match &c.cost.price {
            Some(p) => p.from,
            // Free routes (NHS, charity-funded) cost the family nothing, so a price limit keeps them.
            None if c.cost.funding.iter().any(|f| FREE_FUNDING.contains(&f.as_str())) => 0.0,
            None => f64::NAN,
        })
        .collect()
}

/// Every clinic's programme lengths in one list, and where each clinic's start (one more entry
/// than clinics).
fn programme_days(clinics: &[Clinic]) -> (Vec<u32>, Vec<u32>) {
    let mut days_start = Vec::with_capacity(clinics.len() + 1);
    let mut days = Vec::new();
    days_start.push(0);
    for c in clinics {
        days.extend_from_slice(&c.programme_days);
        days_start.push(days.len() as u32);
    }
    (days, days_start)
}

impl Index {
    /// The whole index: facets, orders and text.
    pub fn build(clinics: &[Clinic]) -> Index {
        let index = Index::build_facets(clinics);
        index.build_text(clinics);
        index
    }

    /// Everything but the text part: what the first results need. Until [`Index::build_text`],
    /// typed text and places match nothing.
    pub fn build_facets(clinics: &[Clinic]) -> Index {
        let len = clinics.len();
        let (facets, name_keys) = facets_and_names(clinics);
        let by_name = Order::from_order(text_order(name_keys.iter().map(String::as_str)));
        let name_rank = &by_name.rank;
        let price_from = prices_from(clinics);
        // "Not stated" sorts last in every order; ties go by name. Prices order by their bits
        // once negatives (invalid anyway) are clamped to zero.
        let by_price = Order::by_key(len, |i| {
            let p = price_from[i];
            let key = if p.is_nan() { u64::MAX } else { p.max(0.0).to_bits() };
            (key, name_rank[i])
        });
        let by_days = Order::by_key(len, |i| {
            let min = clinics[i].programme_days.iter().min().copied().unwrap_or(u32::MAX);
            (u64::from(min), name_rank[i])
        });
        // Newest first; entries never verified go last.
        let by_verified = Order::by_key(len, |i| {
            let date = clinics[i].last_verified.as_deref().map_or(0, date_number);
            (u64::MAX - date, name_rank[i])
        });
        let (days, days_start) = programme_days(clinics);
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
            text: OnceCell::new(),
            text_progress: RefCell::default(),
        }
    }

    /// Builds the text part, once (finishing one [`Index::build_text_some`] began): the same
    /// clinics, in the same order, as [`Index::build_facets`].
    pub fn build_text<C: Borrow<Clinic>>(&self, clinics: &[C]) {
        self.build_text_some(clinics, usize::MAX);
    }

    /// Adds up to `n` more clinics to the text part; true once it is built. The widget builds it
    /// this way after the first results are painted, so the page answers taps between slices (at
    /// 20,000 clinics the whole build is one task of tens of ms, several times that on a slow
    /// phone); a search that needs it sooner finishes it at once with [`Index::build_text`].
    pub fn build_text_some<C: Borrow<Clinic>>(&self, clinics: &[C], n: usize) -> bool {
        if self.has_text() {
            return true;
        }
        let mut builder = self.text_progress.take().unwrap_or_default();
        if builder.add(clinics, &self.name_keys, n) {
            self.text.get_or_init(|| builder.finish(clinics));
            true
        } else {
            self.text_progress.replace(Some(builder));
            false
        }
    }

    /// Whether typed text and places can be matched yet.
    pub fn has_text(&self) -> bool {
        self.text.get().is_some()
    }

    pub(crate) fn text(&self) -> Option<&TextIndex> {
        self.text.get()
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
        let index = self.text()?;
        let folded = fold(text);
        let mut parts = folded.splitn(2, ',');
        let town = parts.next().unwrap_or("").trim();
        let qualifier = parts.next().map(str::trim).filter(|q| !q.is_empty());
        if let Some(found) = index.towns.get(town).and_then(|ids| self.centre(ids, qualifier)) {
            return Some(found);
        }
        let code = normalise_postcode(text);
        if code.is_empty() {
            return None;
        }
        let area = postcode_area(text);
        let zip = area.bytes().all(|b| b.is_ascii_digit());
        // The exact code; the same outward code (UK inward codes are always three characters)
        // or ZIP5; then the same ZIP3 or postcode district prefix (M4 → M40…).
        let zip3 = if zip {
            area.get(..3).unwrap_or("")
        } else {
            area.as_str()
        };
        let tries = [
            (code.as_str(), Match::Exact),
            (area.as_str(), Match::Outward),
            (zip3, Match::Prefix),
        ];
        for (prefix, how) in tries {
            if prefix.len() < 2 || (zip && prefix.len() < 3) {
                continue;
            }
            let ids: Vec<u32> = index
                .postcodes_starting(prefix)
                .filter(|(p, _)| match how {
                    Match::Exact => p.len() == prefix.len(),
                    Match::Outward => zip || p.len() == prefix.len() + 3,
                    Match::Prefix => true,
                })
                .map(|(_, i)| *i)
                .collect();
            if let Some(found) = self.centre(&ids, None) {
                return Some(found);
            }
        }
        index.fuzzy_town(town).and_then(|ids| self.centre(ids, qualifier))
    }

    /// Centre of the clinics' points, in the (country, region) with most of them — or in the
    /// region/country the `qualifier` names ("nh", "gb", "greater manch…").
    fn centre(&self, ids: &[u32], qualifier: Option<&str>) -> Option<Point> {
        /// The clinics of one (country, region): how many, their summed coordinates, and the first.
        struct Sums {
            clinics: usize,
            lat: f64,
            lon: f64,
            first: u32,
        }
        // Few groups: the flat map the query already uses, not a tree.
        let mut groups: LiteMap<(&str, &str), Sums> = LiteMap::new();
        let text = self.text()?;
        for &i in ids {
            let Some((lat, lon)) = self.points[i as usize] else {
                continue;
            };
            let (region, country) = &text.places[text.place_of[i as usize] as usize];
            if let Some(q) = qualifier {
                if !region.starts_with(q) && !country.eq_ignore_ascii_case(q) {
                    continue;
                }
            }
            let g = groups.entry((country.as_str(), region.as_str())).or_insert(Sums {
                clinics: 0,
                lat: 0.0,
                lon: 0.0,
                first: i,
            });
            g.clinics += 1;
            g.lat += lat;
            g.lon += lon;
        }
        if groups.is_empty() && qualifier.is_some() {
            return self.centre(ids, None);
        }
        // Most clinics; ties to the group seen first in the catalogue.
        let g = groups
            .values()
            .max_by(|a, b| a.clinics.cmp(&b.clinics).then(b.first.cmp(&a.first)))?;
        Some((g.lat / g.clinics as f64, g.lon / g.clinics as f64))
    }

    /// Approximate bytes held by the index (the benchmark counts allocations exactly).
    pub fn heap_bytes(&self) -> usize {
        let facets: usize = self
            .facets
            .iter()
            .map(|f| strings(&f.values) * 2 + f.sets.iter().map(Bitset::heap_bytes).sum::<usize>())
            .sum();
        facets
            + self.len * (8 + 8 + 24 + 8 + 4 * 8 + 48)
            + self.days.capacity() * 4
            + strings(&self.name_keys)
            + self.text().map_or(0, TextIndex::heap_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_part_built_in_slices_is_the_one_built_at_once() {
        // The sample's clinics, repeated with fresh ids to 500.
        let sample = crate::catalogue::load(include_str!("../../data/clinics.json"))
            .unwrap()
            .clinics;
        let clinics: Vec<Clinic> = (0..500)
            .map(|i| Clinic {
                id: format!("c{i}"),
                ..sample[i % sample.len()].clone()
            })
            .collect();
        let whole = Index::build(&clinics);
        let sliced = Index::build_facets(&clinics);
        let mut steps = 0;
        while !sliced.build_text_some(&clinics, 37) {
            steps += 1;
            assert!(!sliced.has_text(), "not usable until every clinic is in");
        }
        assert_eq!(steps, 500 / 37);
        assert_eq!(sliced.text(), whole.text());
        // A search that needs the text part finishes a sliced build at once.
        let part = Index::build_facets(&clinics);
        assert!(!part.build_text_some(&clinics, 100));
        part.build_text(&clinics);
        assert_eq!(part.text(), whole.text());
        assert!(part.text_progress.borrow().is_none());
    }
}

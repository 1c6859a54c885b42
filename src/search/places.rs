//! The gazetteer: UK postcode sectors and districts, US ZIP codes, and UK and US towns with their
//! county and state, read from the place files `scripts/make-places.py` writes (one per country,
//! fetched by the widget only when the catalogue cannot place what a family typed). Pure Rust: the
//! decoder never panics on any input (fuzzed: `fuzz/fuzz_targets/places.rs`), and the resolver
//! answers a found place, a choice between same-named towns, or a plain reason.

use super::geo::{normalise_postcode, Point};
use super::text::{fold_into, is_word_char, typo_budget, within_distance};

/// The first line of every place file, before the country code.
const MAGIC: &str = "clinic-compare places 1 ";
/// Towns offered when a name is shared; a longer list helps nobody choose.
const MAX_CHOICES: usize = 8;
/// A town this many times more populous than every other of its name is taken without asking
/// ("London" is not London, KY); the chip says which one was understood.
const DOMINANT: u32 = 20;
/// Longest text worth resolving; longer is not a place.
pub const MAX_PLACE_CHARS: usize = 100;

/// One country's places, decoded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Gazetteer {
    /// ISO code: "GB", "US".
    pub country: String,
    /// The data's credit line, shown where the widget credits its data.
    pub credit: String,
    /// Postcode sectors and districts ("LS1 4", "LS1") or ZIPs, zero-padded, sorted.
    codes: Vec<([u8; 8], f32, f32)>,
    /// County (or parish, borough) and state or nation: display label and folded names.
    regions: Vec<Region>,
    towns: Vec<Town>,
    /// Every town's name, then every town's folded key, end to end.
    text: String,
}

#[derive(Debug, Clone, PartialEq)]
struct Region {
    label: String,
    keys: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct Town {
    name: (u32, u32),
    key: (u32, u32),
    region: u32,
    /// Hundreds of people.
    population: u32,
    lat: f32,
    lon: f32,
}

/// A place the resolver understood: what to show ("SW1A 1 (Westminster, Greater London)") and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub label: String,
    pub point: Point,
}

/// What a typed place resolved to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Found(Place),
    /// Same-named towns, most populous first: the family says which.
    Choose(Vec<Place>),
    /// Nothing was found: why, for the widget to say in the family's language.
    Unknown(Why),
}

/// Why a typed place was not found.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// Longer than any place ([`MAX_PLACE_CHARS`]).
    TooLong,
    /// In a country (its code, "GB") the list has no services in.
    Elsewhere(String),
    /// The place file of the country it would be in is not at hand.
    Unavailable,
    /// A UK postcode ("GB") or US ZIP ("US") that is not in the place file.
    NoSuchCode(&'static str),
    /// No town of that name (or close to it) anywhere.
    NoSuchTown,
}

/// Which country's file a text needs: a UK postcode the GB file, a ZIP the US file, a town any.
pub fn country_of(text: &str) -> Option<&'static str> {
    match Typed::read(text) {
        Typed::Postcode { .. } => Some("GB"),
        Typed::Zip(..) => Some("US"),
        Typed::Town { .. } => None,
    }
}

/// The key towns are compared by: folded, punctuation gone ("St. Louis" → "st louis", "Stoke-on-Trent"
/// → "stoke on trent"), and "saint"/"mount" shortened as people write them.
pub fn place_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    push_place_key(text, &mut key, &mut String::new());
    key
}

/// [`place_key`], appended to `out`, with `folded` as scratch space: the decoder keys tens of
/// thousands of towns, and allocates nothing per town or word.
fn push_place_key(text: &str, out: &mut String, folded: &mut String) {
    folded.clear();
    fold_into(text, folded);
    let start = out.len();
    for word in folded.split(|c: char| !is_word_char(c) && c != '\'' && c != '.') {
        let before = out.len();
        if before > start {
            out.push(' ');
        }
        let at = out.len();
        out.extend(word.chars().filter(|&c| c != '\'' && c != '.'));
        let short = match &out[at..] {
            "" => {
                out.truncate(before);
                continue;
            }
            "saint" => "st",
            "mount" => "mt",
            _ => continue,
        };
        out.truncate(at);
        out.push_str(short);
    }
}

/// The kinds of text a family types as a place.
#[derive(Debug, PartialEq)]
enum Typed {
    /// A UK postcode or part of one, upper case: outward code ("SW1A" or area letters "LS") and, when
    /// given, the inward code's first digit and the rest.
    Postcode {
        outward: String,
        sector: Option<char>,
        full: bool,
    },
    /// A ZIP (ZIP+4's extra digits dropped).
    Zip(u32),
    /// A town, and what follows a comma or in brackets ("MA", "Isle of Wight").
    Town { name: String, qualifier: Option<String> },
}

impl Typed {
    fn read(text: &str) -> Typed {
        let text = text.trim();
        let code = normalise_postcode(text);
        let compact_len = text.chars().filter(|c| !c.is_whitespace() && *c != '-').count();
        if code.len() == compact_len {
            if let Some(zip) = zip(&code) {
                return Typed::Zip(zip);
            }
            if let Some(postcode) = postcode(text, &code) {
                return postcode;
            }
        }
        let (name, qualifier) = match text.find([',', '(']) {
            Some(at) => (&text[..at], Some(text[at + 1..].trim_end_matches(')'))),
            None => (text, None),
        };
        Typed::Town {
            name: place_key(name),
            qualifier: qualifier.map(place_key).filter(|q| !q.is_empty()),
        }
    }
}

/// "90210", "90210-1234", "902101234".
fn zip(code: &str) -> Option<u32> {
    let digits = code.bytes().all(|b| b.is_ascii_digit());
    (digits && (code.len() == 5 || code.len() == 9)).then(|| digits_value(&code.as_bytes()[..5]))
}

/// A UK outward code: one or two letters, a digit, then maybe a digit or letter ("M1", "SW1A", "LS10").
fn outward(code: &str) -> bool {
    let b = code.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    (1..=2).contains(&letters)
        && b.len() > letters
        && b[letters].is_ascii_digit()
        && b.len() <= letters + 2
        && b[letters..].iter().all(u8::is_ascii_alphanumeric)
}

/// A full postcode ("SW1A 1AA", "sw1a1aa"), a sector ("LS1 4", with its space), an outward code, or
/// postcode-area letters ("LS").
fn postcode(text: &str, code: &str) -> Option<Typed> {
    let b = code.as_bytes();
    let n = b.len();
    let make = |out: &str, sector: Option<char>, full| {
        Some(Typed::Postcode {
            outward: out.to_string(),
            sector,
            full,
        })
    };
    if n >= 5 && b[n - 3].is_ascii_digit() && b[n - 2..].iter().all(u8::is_ascii_alphabetic) && outward(&code[..n - 3])
    {
        return make(&code[..n - 3], Some(char::from(b[n - 3])), true);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if let [out, digit] = words[..] {
        let out = normalise_postcode(out);
        if outward(&out) && digit.len() == 1 && digit.as_bytes()[0].is_ascii_digit() {
            return make(&out, digit.chars().next(), false);
        }
    }
    if outward(code) || ((1..=2).contains(&n) && b.iter().all(u8::is_ascii_alphabetic)) {
        return make(code, None, false);
    }
    None
}

/// The place file's code slot for a text code.
fn code_key(code: &str) -> [u8; 8] {
    let mut key = [0u8; 8];
    for (slot, b) in key.iter_mut().zip(code.bytes()) {
        *slot = b;
    }
    key
}

/// A ZIP's code slot: its five digits, zero-padded, written without the formatting machinery (the
/// decoder writes tens of thousands).
fn zip_key(zip: u32) -> [u8; 8] {
    let mut key = [0u8; 8];
    let mut rest = zip;
    for slot in key[..5].iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    key
}

/// The value of ASCII digits (at most nine: no overflow).
fn digits_value(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'))
}

/// Parses one whole number ("-27", "4559"), with the line number in the error. Written out, as
/// `str::parse` for one more integer type adds its code to the widget's download.
fn number(field: Option<&str>, line: usize) -> Result<i64, String> {
    let field = field.unwrap_or("");
    let digits = field.strip_prefix('-').unwrap_or(field).as_bytes();
    if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
        return Err(format!("line {line}: expected a whole number"));
    }
    let n = i64::from(digits_value(digits));
    Ok(if field.starts_with('-') { -n } else { n })
}

/// Running coordinates: each line adds its deltas (thousandths of a degree).
#[derive(Default)]
struct Cursor {
    lat: i64,
    lon: i64,
}

impl Cursor {
    fn step<'a>(&mut self, fields: &mut impl Iterator<Item = &'a str>, line: usize) -> Result<(f32, f32), String> {
        self.lat += number(fields.next(), line)?;
        self.lon += number(fields.next(), line)?;
        if self.lat.abs() > 90_000 || self.lon.abs() > 180_000 || fields.next().is_some() {
            return Err(format!("line {line}: not a place on Earth"));
        }
        Ok((self.lat as f32 / 1000.0, self.lon as f32 / 1000.0))
    }
}

/// The towns' keys while a file is read: end to end, and a scratch buffer for folding.
#[derive(Default)]
struct Keys {
    all: String,
    folded: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    Codes,
    Zips,
    Towns,
}

impl Gazetteer {
    /// Reads a place file. Anything else (a web page, a cut-short download, a newer format) is an
    /// error saying what is wrong, never a panic.
    pub fn decode(text: &str) -> Result<Gazetteer, String> {
        let mut lines = text.lines();
        let country = lines
            .next()
            .and_then(|l| l.strip_prefix(MAGIC))
            .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
            .ok_or("not a place file")?;
        let mut g = Gazetteer {
            country: country.to_string(),
            ..Default::default()
        };
        let mut keys = Keys::default();
        let (mut section, mut cursor, mut zip) = (Section::None, Cursor::default(), 0i64);
        for (n, line) in lines.enumerate() {
            let n = n + 2;
            let section_named = match line {
                "#codes" => Some(Section::Codes),
                "#zips" => Some(Section::Zips),
                "#towns" => Some(Section::Towns),
                "#end" => return g.finish(keys),
                _ => None,
            };
            if let Some(s) = section_named {
                (section, cursor) = (s, Cursor::default());
                continue;
            }
            match section {
                Section::None => g.header(line, n)?,
                Section::Codes => g.code(line, n, &mut cursor)?,
                Section::Zips => g.zip(line, n, &mut cursor, &mut zip)?,
                Section::Towns => g.town(line, n, &mut cursor, &mut keys)?,
            }
        }
        Err("the place file is cut short".into())
    }

    fn header(&mut self, line: &str, n: usize) -> Result<(), String> {
        match line.strip_prefix("credit ") {
            Some(credit) => self.credit = credit.to_string(),
            None => return Err(format!("line {n}: unknown header")),
        }
        Ok(())
    }

    fn code(&mut self, line: &str, n: usize, cursor: &mut Cursor) -> Result<(), String> {
        let mut fields = line.split('\t');
        let code = fields.next().unwrap_or("");
        if code.is_empty() || code.len() > 8 {
            return Err(format!("line {n}: expected a postcode"));
        }
        let (lat, lon) = cursor.step(&mut fields, n)?;
        self.codes.push((code_key(code), lat, lon));
        Ok(())
    }

    fn zip(&mut self, line: &str, n: usize, cursor: &mut Cursor, zip: &mut i64) -> Result<(), String> {
        let mut fields = line.split('\t');
        *zip += number(fields.next(), n)?;
        if !(0..100_000).contains(zip) {
            return Err(format!("line {n}: not a ZIP code"));
        }
        let (lat, lon) = cursor.step(&mut fields, n)?;
        self.codes.push((zip_key(*zip as u32), lat, lon));
        Ok(())
    }

    fn town(&mut self, line: &str, n: usize, cursor: &mut Cursor, keys: &mut Keys) -> Result<(), String> {
        if let Some(region) = line.strip_prefix('=') {
            // "County|ST|State" or "County|Nation"; no county: just the state code or nation.
            let parts: Vec<&str> = region.split('|').collect();
            let label = match parts[..] {
                ["", second, ..] => second.to_string(),
                [first, second, ..] => format!("{first}, {second}"),
                _ => region.to_string(),
            };
            self.regions.push(Region {
                label,
                keys: parts.iter().filter(|p| !p.is_empty()).map(|p| place_key(p)).collect(),
            });
            return Ok(());
        }
        let mut fields = line.split('\t');
        let name = fields.next().unwrap_or("");
        let population = number(fields.next(), n)?;
        let region = self.regions.len().checked_sub(1);
        let (Some(region), false, 0..=1_000_000) = (region, name.is_empty(), population) else {
            return Err(format!("line {n}: expected a town after its county"));
        };
        let (lat, lon) = cursor.step(&mut fields, n)?;
        let start = self.text.len() as u32;
        self.text.push_str(name);
        let key_start = keys.all.len() as u32;
        push_place_key(name, &mut keys.all, &mut keys.folded);
        self.towns.push(Town {
            name: (start, self.text.len() as u32),
            key: (key_start, keys.all.len() as u32),
            region: region as u32,
            population: population as u32,
            lat,
            lon,
        });
        Ok(())
    }

    /// Keys go after the names in one string; codes are sorted for binary search.
    fn finish(mut self, keys: Keys) -> Result<Gazetteer, String> {
        let offset = self.text.len() as u32;
        self.text.push_str(&keys.all);
        for town in &mut self.towns {
            town.key = (town.key.0 + offset, town.key.1 + offset);
        }
        // Sorted for binary search by the generator; a file that is not is damaged.
        if self.codes.windows(2).any(|w| w[0].0 >= w[1].0) {
            return Err("the codes are out of order".into());
        }
        Ok(self)
    }

    pub fn towns(&self) -> usize {
        self.towns.len()
    }

    pub fn codes(&self) -> usize {
        self.codes.len()
    }

    fn slice(&self, (start, end): (u32, u32)) -> &str {
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    fn name(&self, town: &Town) -> &str {
        self.slice(town.name)
    }

    fn key(&self, town: &Town) -> &str {
        self.slice(town.key)
    }

    fn code_point(&self, code: &str) -> Option<Point> {
        let key = code_key(code);
        let i = self.codes.binary_search_by(|c| c.0.cmp(&key)).ok()?;
        let (_, lat, lon) = self.codes[i];
        Some((f64::from(lat), f64::from(lon)))
    }

    /// The centre of the codes that start with `prefix` and then `next` holds ("LS" then a digit:
    /// the LS postcode area; "902": ZIPs 902xx).
    fn group_point(&self, prefix: &str, next: impl Fn(u8) -> bool) -> Option<Point> {
        let key = code_key(prefix);
        let start = self.codes.partition_point(|c| c.0 < key);
        let (mut lat, mut lon, mut count) = (0.0, 0.0, 0.0);
        for (code, la, lo) in self.codes[start..]
            .iter()
            .take_while(|c| c.0.starts_with(prefix.as_bytes()))
        {
            let rest = &code[prefix.len()..];
            // Districts only ("LS1", not the sector "LS1 4" too), so each area counts each once.
            if next(rest[0]) && !rest.contains(&b' ') {
                (lat, lon, count) = (lat + f64::from(*la), lon + f64::from(*lo), count + 1.0);
            }
        }
        (count > 0.0).then(|| (lat / count, lon / count))
    }

    /// "Leeds, West Yorkshire": the town of a thousand people or more nearest a point, to say
    /// where a postcode or ZIP is.
    pub fn nearest_town(&self, point: Point) -> Option<String> {
        Some(self.town_label(&self.towns[self.nearest(point)?]))
    }

    /// Which town of a thousand people or more is nearest a point (the first of equals).
    fn nearest(&self, point: Point) -> Option<usize> {
        let (lat, lon) = (point.0 as f32, point.1 as f32);
        let squeeze = super::geo::cos(point.0.to_radians()) as f32;
        let town = self
            .towns
            .iter()
            .enumerate()
            .filter(|(_, t)| t.population >= 10)
            .map(|(i, t)| {
                let (dy, dx) = (t.lat - lat, (t.lon - lon) * squeeze);
                (dy * dy + dx * dx, i)
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))?
            .1;
        Some(town)
    }

    /// The town's region for its label, without a first part that only repeats the town's name
    /// (GeoNames often names a city's county after it: "Manchester, England", not "Manchester,
    /// Manchester, England").
    fn region_label(&self, town: &Town) -> &str {
        let region = self.regions[town.region as usize].label.as_str();
        let name = self.name(town);
        match region.strip_prefix(name) {
            Some("") => "",
            Some(rest) => rest.strip_prefix(", ").unwrap_or(region),
            None => region,
        }
    }

    fn town_label(&self, town: &Town) -> String {
        let region = self.region_label(town);
        match region.is_empty() {
            true => self.name(town).to_string(),
            false => format!("{}, {region}", self.name(town)),
        }
    }

    fn place(&self, town: &Town) -> Place {
        let region = self.region_label(town);
        Place {
            label: match region.is_empty() {
                true => self.name(town).to_string(),
                false => format!("{} ({region})", self.name(town)),
            },
            point: (f64::from(town.lat), f64::from(town.lon)),
        }
    }

    /// Whether a qualifier ("MA", "Massachusetts", "Worcester County", "England", "UK") fits a town.
    fn fits(&self, town: &Town, qualifier: &str) -> bool {
        let region = &self.regions[town.region as usize];
        let country = match self.country.as_str() {
            "GB" => ["gb", "uk", "united kingdom", "britain"].as_slice(),
            "US" => ["us", "usa", "united states", "america"].as_slice(),
            _ => &[],
        };
        country.contains(&qualifier)
            || region
                .keys
                .iter()
                .any(|k| k.starts_with(qualifier) || k.contains(&format!(" {qualifier}")))
            || place_key(&region.label) == qualifier
    }
}

/// Resolves a typed place against the place files at hand (`files`), for a catalogue with services
/// in the `covered` countries: a postcode through its sector, district and area; a ZIP or ZIP+4, else
/// its ZIP3 group; a town by its exact name, then a close spelling, with choices when the name is
/// shared. Towns are looked for in covered countries first; a town found only elsewhere says so.
pub fn resolve(text: &str, files: &[&Gazetteer], covered: &[&str]) -> Outcome {
    if text.chars().count() > MAX_PLACE_CHARS {
        return Outcome::Unknown(Why::TooLong);
    }
    let typed = Typed::read(text);
    let country = match &typed {
        Typed::Postcode { .. } => "GB",
        Typed::Zip(_) => "US",
        Typed::Town { name, qualifier } => {
            return town_outcome(name, qualifier.as_deref(), files, covered);
        }
    };
    if !covered.contains(&country) {
        return Outcome::Unknown(Why::Elsewhere(country.into()));
    }
    let Some(g) = files.iter().find(|g| g.country == country) else {
        return Outcome::Unknown(Why::Unavailable);
    };
    let found = match typed {
        Typed::Zip(z) => zip_place(g, z),
        Typed::Postcode { outward, sector, full } => postcode_place(g, &outward, sector, full),
        Typed::Town { .. } => None,
    };
    found
        .map(Outcome::Found)
        .unwrap_or(Outcome::Unknown(Why::NoSuchCode(country)))
}

fn zip_place(g: &Gazetteer, zip: u32) -> Option<Place> {
    let code = format!("{zip:05}");
    let (label, point) = match g.code_point(&code) {
        Some(point) => (code, point),
        // Words a family sees go through the widget's string table: the group's label is the code
        // alone ("902xx (Beverly Hills, Los Angeles County, CA)"), in any language.
        None => (format!("{}xx", &code[..3]), g.group_point(&code[..3], |_| true)?),
    };
    Some(located(g, label, point))
}

fn postcode_place(g: &Gazetteer, outward: &str, sector: Option<char>, full: bool) -> Option<Place> {
    if let Some(digit) = sector {
        let code = format!("{outward} {digit}");
        if let Some(point) = g.code_point(&code) {
            return Some(located(g, code, point));
        }
    }
    // A full postcode whose sector is missing still has its district; a postcode-shaped text whose
    // district is unknown too ("ZZ9 9ZZ") is not a postcode.
    if let Some(point) = g.code_point(outward) {
        return Some(located(g, outward.to_string(), point));
    }
    let letters = outward.trim_end_matches(|c: char| c.is_ascii_alphanumeric() && !c.is_ascii_alphabetic());
    if full || letters.len() != outward.len() {
        return None;
    }
    let point = g.group_point(letters, |b| b.is_ascii_digit())?;
    Some(located(g, letters.to_string(), point))
}

/// "SW1A 1 (Westminster, Greater London)".
fn located(g: &Gazetteer, code: String, point: Point) -> Place {
    let label = match g.nearest_town(point) {
        Some(town) => format!("{code} ({town})"),
        None => code,
    };
    Place { label, point }
}

/// Towns named `name` (exactly, else within a typo or two) in the files of covered countries, or
/// a note that the name is in a country the list does not cover.
fn town_outcome(name: &str, qualifier: Option<&str>, files: &[&Gazetteer], covered: &[&str]) -> Outcome {
    let (inside, outside): (Vec<&Gazetteer>, Vec<&Gazetteer>) =
        files.iter().partition(|g| covered.contains(&g.country.as_str()));
    let mut found = matches(&inside, name, qualifier);
    if found.is_empty() {
        found = close_matches(&inside, name, qualifier);
    }
    if !found.is_empty() {
        return choose(found);
    }
    match matches(&outside, name, qualifier).first() {
        Some((g, _)) => Outcome::Unknown(Why::Elsewhere(g.country.clone())),
        None => Outcome::Unknown(Why::NoSuchTown),
    }
}

type Match<'a> = (&'a Gazetteer, &'a Town);

fn matches<'a>(files: &[&'a Gazetteer], name: &str, qualifier: Option<&str>) -> Vec<Match<'a>> {
    let mut found: Vec<Match> = Vec::new();
    for g in files {
        found.extend(g.towns.iter().filter(|t| g.key(t) == name).map(|t| (*g, t)));
    }
    narrow(found, qualifier)
}

/// Towns within the typo budget of the closest spelling found ("Leicster" → Leicester).
fn close_matches<'a>(files: &[&'a Gazetteer], name: &str, qualifier: Option<&str>) -> Vec<Match<'a>> {
    let spelling = Spelling::new(name);
    let mut best: Vec<(usize, Match)> = Vec::new();
    for g in files {
        for t in &g.towns {
            if let Some(d) = spelling.edits(g.key(t)) {
                best.push((d, (g, t)));
            }
        }
    }
    let Some(closest) = best.iter().map(|(d, _)| *d).min() else {
        return Vec::new();
    };
    narrow(
        best.into_iter()
            .filter(|(d, _)| *d == closest)
            .map(|(_, m)| m)
            .collect(),
        qualifier,
    )
}

/// A typed town name, for comparing with towns' keys: how many edits (within its typo budget)
/// a key is from it.
pub struct Spelling {
    name: String,
    budget: usize,
    chars: usize,
    counts: [i32; 32],
}

impl Spelling {
    fn new(name: &str) -> Spelling {
        Spelling {
            name: name.to_string(),
            budget: typo_budget(name),
            chars: name.chars().count(),
            counts: letter_counts(name),
        }
    }

    /// The town name a text asks for, when it is not a postcode or ZIP code.
    pub fn of(text: &str) -> Option<Spelling> {
        match Typed::read(text) {
            Typed::Town { name, .. } => Some(Spelling::new(&name)),
            _ => None,
        }
    }

    /// The fewest edits (one or more, within the budget) that make `key` of the name; `None` when
    /// it is the name itself or further. Cheap checks first: they rule out nearly every town.
    fn edits(&self, key: &str) -> Option<usize> {
        let (name, budget) = (self.name.as_str(), self.budget);
        if key.len().abs_diff(name.len()) > budget * 4
            || key.chars().count().abs_diff(self.chars) > budget
            || more_edits_than(budget, &self.counts, key)
        {
            return None;
        }
        (1..=budget).find(|&d| within_distance(name, key, d))
    }

    /// Whether the resolver could answer with a town whose key is `key`: it is the name, or a
    /// close spelling of it (the towns `matches` and `close_matches` look at, and no others).
    pub fn may_be(&self, key: &str) -> bool {
        key == self.name || self.edits(key).is_some()
    }
}

/// How many of a text's characters fall in each of 32 buckets (by code point).
fn letter_counts(text: &str) -> [i32; 32] {
    let mut counts = [0; 32];
    text.chars().for_each(|c| counts[c as usize % 32] += 1);
    counts
}

/// Whether `key` is surely more than `edits` edits from the text whose [`letter_counts`] are
/// `counts`: each edit (a letter added, dropped, changed or swapped) moves at most one count down and
/// one up, so more moves either way need more edits. Saves the full comparison for nearly every town.
fn more_edits_than(edits: usize, counts: &[i32; 32], key: &str) -> bool {
    let mut diff = *counts;
    key.chars().for_each(|c| diff[c as usize % 32] -= 1);
    let fewer: i32 = diff.iter().filter(|d| **d > 0).sum();
    let more: i32 = -diff.iter().filter(|d| **d < 0).sum::<i32>();
    fewer.max(more) as usize > edits
}

/// Only the towns the qualifier fits (all of them when it fits none: "Leeds, Yorks" still finds
/// Leeds); one entry per name and county (GeoNames lists a few places twice); most populous first.
fn narrow<'a>(mut found: Vec<Match<'a>>, qualifier: Option<&str>) -> Vec<Match<'a>> {
    if let Some(q) = qualifier {
        let fitting: Vec<Match> = found.iter().copied().filter(|(g, t)| g.fits(t, q)).collect();
        if !fitting.is_empty() {
            found = fitting;
        }
    }
    // An insertion sort: a few towns share a name, and a library sort adds kilobytes to the download.
    for i in 1..found.len() {
        let mut j = i;
        while j > 0 && found[j - 1].1.population < found[j].1.population {
            found.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut seen: Vec<(&str, &str)> = Vec::new();
    found.retain(|(g, t)| {
        let id = (g.key(t), g.regions[t.region as usize].label.as_str());
        let new = !seen.contains(&id);
        seen.push(id);
        new
    });
    found
}

fn choose(found: Vec<Match>) -> Outcome {
    let dominant = match found[..] {
        [_] => true,
        [(_, first), (_, second), ..] => first.population >= second.population.max(1) * DOMINANT,
        [] => false,
    };
    if dominant {
        let (g, t) = found[0];
        return Outcome::Found(g.place(t));
    }
    Outcome::Choose(found.iter().take(MAX_CHOICES).map(|(g, t)| g.place(t)).collect())
}

/// How closely a point from the place files stands for an address (`clinic-catalogue places`):
/// the centre of the smallest area the address could be placed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// A UK postcode sector ("LS1 4"): a few thousand addresses.
    Sector,
    /// A US ZIP code area.
    Zip,
    /// A UK postcode district ("LS1").
    District,
    /// The town's centre, found by name (and county or state).
    Town,
    /// A UK postcode area ("LS"), or the ZIP codes sharing their first three digits.
    Area,
}

impl Precision {
    /// Short, for counts: "postcode sector", "town".
    pub fn name(self) -> &'static str {
        match self {
            Precision::Sector => "postcode sector",
            Precision::Zip => "ZIP code",
            Precision::District => "postcode district",
            Precision::Town => "town",
            Precision::Area => "postcode area or ZIP3",
        }
    }

    /// In a site owner's words: what the point is, and how far from the address it may be.
    pub fn describe(self) -> &'static str {
        match self {
            Precision::Sector => "postcode sector centre (often within 1 km in a town, a few km in the country)",
            Precision::Zip => "ZIP code area centre (often within 2-3 km in a city, 10 km or more in the country)",
            Precision::District => "postcode district centre (often within 2-5 km, more in the country)",
            Precision::Town => "town centre (as far off as the town is wide: a few km in a city)",
            Precision::Area => "postcode area or ZIP3 centre (rough: tens of km)",
        }
    }
}

/// Where an address is, for a catalogue whose clinic has no coordinates: its postcode's sector or
/// district, or its ZIP; else its town (the region tells same-named towns apart); else its postcode
/// area or ZIP3 group. A town name shared by several places without a region that decides is an
/// error listing them, never a guess.
pub fn locate_address(
    g: &Gazetteer,
    postcode: Option<&str>,
    town: &str,
    region: Option<&str>,
) -> Result<(Place, Precision), String> {
    let code = postcode.map(Typed::read);
    if let Some(found) = code.as_ref().and_then(|c| exact_code(g, c)) {
        return Ok(found);
    }
    let name = place_key(town);
    let qualifier = region.map(place_key).filter(|q| !q.is_empty());
    let found = match name.is_empty() {
        true => Vec::new(),
        false => matches(&[g], &name, qualifier.as_deref()),
    };
    let shared = match found.is_empty() {
        true => None,
        false => match choose(found) {
            Outcome::Found(place) => return Ok((place, Precision::Town)),
            Outcome::Choose(list) => Some(list),
            Outcome::Unknown(_) => None,
        },
    };
    if let Some(place) = code.as_ref().and_then(|c| coarse_code(g, c)) {
        return Ok((place, Precision::Area));
    }
    Err(match shared {
        Some(list) => {
            let labels: Vec<&str> = list.iter().map(|p| p.label.as_str()).collect();
            format!(
                "{} places are called “{town}” ({}); give the county or state",
                list.len(),
                labels.join("; ")
            )
        }
        None => match postcode {
            Some(code) => format!("neither the postcode “{code}” nor the town “{town}” is in the place file"),
            None => format!("the town “{town}” is not in the place file, and there is no postcode"),
        },
    })
}

/// A postcode's sector or district, or a ZIP, when the file has it.
fn exact_code(g: &Gazetteer, code: &Typed) -> Option<(Place, Precision)> {
    match (code, g.country.as_str()) {
        (Typed::Postcode { outward, sector, .. }, "GB") => {
            if let Some(code) = sector.map(|d| format!("{outward} {d}")) {
                if let Some(point) = g.code_point(&code) {
                    return Some((located(g, code, point), Precision::Sector));
                }
            }
            let point = g.code_point(outward)?;
            Some((located(g, outward.clone(), point), Precision::District))
        }
        (Typed::Zip(zip), "US") => {
            let code = format!("{zip:05}");
            let point = g.code_point(&code)?;
            Some((located(g, code, point), Precision::Zip))
        }
        _ => None,
    }
}

/// A postcode's area ("LS") or a ZIP's three-digit group, when the file has it.
fn coarse_code(g: &Gazetteer, code: &Typed) -> Option<Place> {
    match (code, g.country.as_str()) {
        (Typed::Postcode { outward, .. }, "GB") => {
            let letters: String = outward.chars().take_while(char::is_ascii_alphabetic).collect();
            let point = g.group_point(&letters, |b| b.is_ascii_digit())?;
            Some(located(g, format!("{letters} postcode area"), point))
        }
        (Typed::Zip(zip), "US") => {
            let code = format!("{zip:05}");
            let point = g.group_point(&code[..3], |_| true)?;
            Some(located(g, format!("ZIP codes {}xx", &code[..3]), point))
        }
        _ => None,
    }
}

// Spelled out: places-wasm/ and pack-places include this file by path.
#[path = "places/packed.rs"]
pub mod packed;
#[cfg(test)]
mod tests;

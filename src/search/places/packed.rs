//! The place files as the browser gets them: a decoded [`Gazetteer`] written out in a binary form
//! that reads back into the very same structs in one pass over its bytes, with no text to parse and
//! no names to fold (`Gazetteer::decode` of the text files takes tens of milliseconds in the
//! browser; this, about one). `pack-places` (places-wasm/) writes it from the text files at build
//! time and checks that it reads back equal; `unpack` never panics on any input (fuzzed with the
//! text decoder: `fuzz/fuzz_targets/places.rs`). A towns part can also be kept checked but mostly
//! unread ([`PackedTowns`]), and read one typed name's towns at a time.
//!
//! Layout: the text file's two header lines (`clinic-compare places packed 1 GB`, `credit …`), then
//! unsigned LEB128 numbers ("n") and bytes, column by column so that brotli packs each well:
//! - counts: codes, regions, towns, text bytes (n each);
//! - codes: each a key as (bytes shared with the previous key, n; the rest's length, n; the rest),
//!   then every code's latitude and longitude in thousandths of a degree, as zigzag changes from the
//!   code before;
//! - regions: label (length n, bytes), number of keys (n), each key (length n, bytes);
//! - towns: name lengths, key lengths, region (zigzag change), population (hundreds), then latitude
//!   and longitude changes as for codes;
//! - the towns' text (every name, then every key, end to end), and `#end`.

use super::{Gazetteer, Point, Region, Town};

/// The first line of every packed file, before the country code.
const MAGIC: &str = "clinic-compare places packed 1 ";
/// The last bytes, so that a file cut short is recognised.
const END: &[u8] = b"#end";
/// Thousandths of a degree: the text files' unit, from which their `f32` coordinates come.
const MILLI: f32 = 1000.0;
/// Hundreds of people, as the text decoder allows.
const MAX_POPULATION: u32 = 1_000_000;

impl Gazetteer {
    /// Writes the gazetteer in the packed form [`Gazetteer::unpack`] reads.
    pub fn pack(&self) -> Vec<u8> {
        let mut w = Writer(format!("{MAGIC}{}\ncredit {}\n", self.country, self.credit).into_bytes());
        for n in [self.codes.len(), self.regions.len(), self.towns.len(), self.text.len()] {
            w.n(n as u64);
        }
        let mut previous: &[u8] = &[];
        for (key, _, _) in &self.codes {
            let key = trimmed(key);
            let shared = key.iter().zip(previous).take_while(|(a, b)| a == b).count();
            w.n(shared as u64);
            w.bytes(&key[shared..]);
            previous = key;
        }
        w.points(self.codes.iter().map(|c| (c.1, c.2)));
        for region in &self.regions {
            w.bytes(region.label.as_bytes());
            w.n(region.keys.len() as u64);
            region.keys.iter().for_each(|k| w.bytes(k.as_bytes()));
        }
        self.towns.iter().for_each(|t| w.n(u64::from(t.name.1 - t.name.0)));
        self.towns.iter().for_each(|t| w.n(u64::from(t.key.1 - t.key.0)));
        let mut region = 0;
        for t in &self.towns {
            w.signed(i64::from(t.region) - region);
            region = i64::from(t.region);
        }
        self.towns.iter().for_each(|t| w.n(u64::from(t.population)));
        w.points(self.towns.iter().map(|t| (t.lat, t.lon)));
        w.0.extend_from_slice(self.text.as_bytes());
        w.0.extend_from_slice(END);
        w.0
    }

    /// Reads a packed place file. Anything else (a text place file, a web page, a cut-short
    /// download) is an error saying what is wrong, never a panic.
    pub fn unpack(bytes: &[u8]) -> Result<Gazetteer, String> {
        let read = Layout::read(bytes)?;
        let text = read.text(bytes)?.to_string();
        let regions = read
            .regions
            .iter()
            .map(|&(a, b)| unpack_region(&bytes[a..b]))
            .collect::<Result<_, _>>()?;
        Ok(Gazetteer {
            codes: read.codes,
            regions,
            towns: read.towns,
            text,
            ..read.header
        })
    }

    /// [`PackedTowns::only`] of a packed file read afresh.
    pub fn unpack_towns(bytes: &[u8], keep: impl Fn(&str) -> bool) -> Result<Gazetteer, String> {
        Ok(PackedTowns::read(bytes.to_vec())?.only(keep))
    }
}

/// A packed file checked whole as [`Gazetteer::unpack`] checks it, its towns read but its
/// counties left as bytes: a typed town then reads only the towns it may be, with their counties
/// (`only`), instead of building thousands of counties it cannot be in.
pub struct PackedTowns {
    read: Layout,
    bytes: Vec<u8>,
    text: String,
}

impl PackedTowns {
    pub fn read(bytes: Vec<u8>) -> Result<PackedTowns, String> {
        let read = Layout::read(&bytes)?;
        let text = read.text(&bytes)?.to_string();
        Ok(PackedTowns { read, bytes, text })
    }

    /// The file's country and credit, without its places.
    pub fn header(&self) -> &Gazetteer {
        &self.read.header
    }

    /// The file with only the towns whose key `keep` accepts, with their counties (and every
    /// code), in their order: what resolving one typed town needs ([`super::Spelling::may_be`]).
    pub fn only(&self, keep: impl Fn(&str) -> bool) -> Gazetteer {
        let (read, text) = (&self.read, self.text.as_str());
        let mut part = Gazetteer {
            codes: read.codes.clone(),
            ..read.header.clone()
        };
        let mut region_of = vec![None; read.regions.len()];
        let mut keys = String::new();
        for town in read.towns.iter().filter(|t| keep(slice(text, t.key))) {
            let r = town.region as usize;
            let region = *region_of[r].get_or_insert_with(|| {
                let (a, b) = read.regions[r];
                // Checked whole by `Layout::read`.
                part.regions.push(unpack_region(&self.bytes[a..b]).unwrap_or(Region {
                    label: String::new(),
                    keys: Vec::new(),
                }));
                part.regions.len() as u32 - 1
            });
            let name = slice(text, town.name);
            let at = part.text.len() as u32;
            part.text.push_str(name);
            let key = keys.len() as u32;
            keys.push_str(slice(text, town.key));
            part.towns.push(Town {
                name: (at, at + name.len() as u32),
                key: (key, keys.len() as u32),
                region,
                ..town.clone()
            });
        }
        let offset = part.text.len() as u32;
        part.text.push_str(&keys);
        part.towns
            .iter_mut()
            .for_each(|t| t.key = (t.key.0 + offset, t.key.1 + offset));
        part
    }
}

/// A packed file checked whole: its codes and towns read, its counties and text where they are
/// in its bytes (each county's label, number of keys and keys checked to be text).
struct Layout {
    /// Country and credit.
    header: Gazetteer,
    codes: Vec<([u8; 8], f32, f32)>,
    regions: Vec<(usize, usize)>,
    towns: Vec<Town>,
    text: (usize, usize),
}

impl Layout {
    fn read(bytes: &[u8]) -> Result<Layout, String> {
        let mut r = Reader { bytes, at: 0 };
        let header = read_header(&mut r)?;
        let [codes, regions, towns, text] = [r.count()?, r.count()?, r.count()?, r.count()?];
        let codes = unpack_codes(&mut r, codes)?;
        let regions: Vec<_> = (0..regions).map(|_| skip_region(&mut r)).collect::<Result<_, _>>()?;
        let towns = unpack_towns(&mut r, towns, regions.len())?;
        let text = (r.at, r.at.saturating_add(text));
        let names = std::str::from_utf8(r.take(text.1 - text.0)?).map_err(|_| "the towns' names are damaged")?;
        if r.take(END.len())? != END || r.at != bytes.len() {
            return Err("the place file is damaged".into());
        }
        check_ranges(&towns, names)?;
        Ok(Layout {
            header,
            codes,
            regions,
            towns,
            text,
        })
    }

    /// The towns' names and keys (checked by `read`).
    fn text<'a>(&self, bytes: &'a [u8]) -> Result<&'a str, String> {
        let damaged = || "the towns' names are damaged".to_string();
        std::str::from_utf8(bytes.get(self.text.0..self.text.1).ok_or_else(damaged)?).map_err(|_| damaged())
    }
}

fn read_header(r: &mut Reader) -> Result<Gazetteer, String> {
    let country = r.line().and_then(|l| l.strip_prefix(MAGIC)).ok_or("not a place file")?;
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err("not a place file".into());
    }
    let credit = r
        .line()
        .and_then(|l| l.strip_prefix("credit "))
        .ok_or("line 2: unknown header")?;
    Ok(Gazetteer {
        country: country.to_string(),
        credit: credit.to_string(),
        ..Default::default()
    })
}

/// A town's name or key (checked by [`check_ranges`]).
fn slice(text: &str, (start, end): (u32, u32)) -> &str {
    text.get(start as usize..end as usize).unwrap_or("")
}

/// Every town's name and key within the text, end to end as `decode` lays them out.
fn check_ranges(towns: &[Town], text: &str) -> Result<(), String> {
    let fits = |(start, end): (u32, u32)| text.get(start as usize..end as usize).is_some();
    let last = towns.last().map_or(0, |t| t.key.1 as usize);
    match towns.iter().all(|t| fits(t.name) && fits(t.key)) && last == text.len() {
        true => Ok(()),
        false => Err("the towns' names are damaged".into()),
    }
}

impl Gazetteer {
    /// The file in the two parts the browser fetches apart: the codes, with only the towns that
    /// name where a code is (`nearest_town` of each code, postcode area and ZIP3 group) and only
    /// what their labels need, and the towns without the codes. A code then resolves in its part exactly as in the whole file (the
    /// nearest town to each point it can be asked about is kept, in the same order, so it stays
    /// the nearest and the first of equals), and a town in its part, where no code is needed.
    pub fn split(&self) -> (Gazetteer, Gazetteer) {
        let mut named = vec![false; self.towns.len()];
        for point in self.looked_up_points() {
            if let Some(i) = self.nearest(point) {
                named[i] = true;
            }
        }
        // Only what a code's label needs: the towns' names, not their keys or their regions'.
        let codes = Gazetteer {
            codes: self.codes.clone(),
            ..self.with_towns(|i| named[i], false)
        };
        let towns = Gazetteer {
            codes: Vec::new(),
            ..self.clone()
        };
        (codes, towns)
    }

    /// Every point `nearest_town` is asked about: each code's, and each group's that `group_point`
    /// can make from a postcode area's letters or a ZIP's first three digits (and a few more).
    pub fn looked_up_points(&self) -> Vec<Point> {
        let mut points: Vec<Point> = self.codes.iter().map(|c| (f64::from(c.1), f64::from(c.2))).collect();
        let mut prefixes: Vec<&[u8]> = self.codes.iter().flat_map(|c| (1..=3).map(|n| &c.0[..n])).collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        for prefix in prefixes.iter().filter_map(|p| std::str::from_utf8(p).ok()) {
            points.extend(self.group_point(prefix, |b| b.is_ascii_digit()));
            points.extend(self.group_point(prefix, |_| true));
        }
        points
    }

    /// The gazetteer with only the towns `keep` picks (in their order) and their regions; without
    /// the towns' and regions' keys unless `keyed`.
    fn with_towns(&self, keep: impl Fn(usize) -> bool, keyed: bool) -> Gazetteer {
        let mut part = Gazetteer {
            country: self.country.clone(),
            credit: self.credit.clone(),
            ..Default::default()
        };
        let mut region_of = vec![None; self.regions.len()];
        let mut keys = String::new();
        for (_, town) in self.towns.iter().enumerate().filter(|(i, _)| keep(*i)) {
            let r = town.region as usize;
            let region = *region_of[r].get_or_insert_with(|| {
                let Region { label, keys } = self.regions[r].clone();
                let keys = if keyed { keys } else { Vec::new() };
                part.regions.push(Region { label, keys });
                part.regions.len() as u32 - 1
            });
            let name = (part.text.len() as u32, (part.text.len() + self.name(town).len()) as u32);
            part.text.push_str(self.name(town));
            let start = keys.len() as u32;
            if keyed {
                keys.push_str(self.key(town));
            }
            let key = (start, keys.len() as u32);
            part.towns.push(Town {
                name,
                key,
                region,
                ..town.clone()
            });
        }
        let offset = part.text.len() as u32;
        part.text.push_str(&keys);
        for town in &mut part.towns {
            town.key = (town.key.0 + offset, town.key.1 + offset);
        }
        part
    }
}

/// A code slot without its zero padding.
fn trimmed(key: &[u8; 8]) -> &[u8] {
    let len = key.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    &key[..len]
}

fn unpack_codes(r: &mut Reader, count: usize) -> Result<Vec<([u8; 8], f32, f32)>, String> {
    let mut codes = Vec::with_capacity(count);
    let mut key = [0u8; 8];
    for _ in 0..count {
        let shared = r.number()? as usize;
        let rest = r.sized()?;
        if shared > 8 || rest.len() > 8 - shared.min(8) || shared + rest.len() == 0 {
            return Err("a code is damaged".into());
        }
        key[shared..shared + rest.len()].copy_from_slice(rest);
        key[shared + rest.len()..].fill(0);
        codes.push((key, 0.0, 0.0));
    }
    if codes.windows(2).any(|w| w[0].0 >= w[1].0) {
        return Err("the codes are out of order".into());
    }
    let mut at = Points::default();
    for code in &mut codes {
        (code.1, code.2) = at.next(r)?;
    }
    Ok(codes)
}

/// Where a county's bytes are, checked to be text.
fn skip_region(r: &mut Reader) -> Result<(usize, usize), String> {
    let start = r.at;
    r.text()?;
    for _ in 0..r.count()? {
        r.text()?;
    }
    Ok((start, r.at))
}

fn unpack_region(bytes: &[u8]) -> Result<Region, String> {
    let mut r = Reader { bytes, at: 0 };
    let label = r.text()?.to_string();
    let count = r.count()?;
    let keys = (0..count)
        .map(|_| r.text().map(str::to_string))
        .collect::<Result<_, _>>()?;
    Ok(Region { label, keys })
}

fn unpack_towns(r: &mut Reader, count: usize, regions: usize) -> Result<Vec<Town>, String> {
    let mut towns = Vec::with_capacity(count);
    let mut end = 0u32;
    for _ in 0..count {
        let len = r.length()?;
        if len == 0 {
            return Err("a town has no name".into());
        }
        towns.push(Town {
            name: (end, end.saturating_add(len)),
            key: (0, 0),
            region: 0,
            population: 0,
            lat: 0.0,
            lon: 0.0,
        });
        end = end.saturating_add(len);
    }
    for town in &mut towns {
        let len = r.length()?;
        town.key = (end, end.saturating_add(len));
        end = end.saturating_add(len);
    }
    let mut region = 0i64;
    for town in &mut towns {
        region = region.wrapping_add(r.signed()?);
        town.region = u32::try_from(region)
            .ok()
            .filter(|&i| (i as usize) < regions)
            .ok_or("a town's county is damaged")?;
    }
    for town in &mut towns {
        town.population = u32::try_from(r.number()?)
            .ok()
            .filter(|&p| p <= MAX_POPULATION)
            .ok_or("a town's population is damaged")?;
    }
    let mut at = Points::default();
    for town in &mut towns {
        (town.lat, town.lon) = at.next(r)?;
    }
    Ok(towns)
}

struct Writer(Vec<u8>);

impl Writer {
    fn n(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn signed(&mut self, n: i64) {
        self.n(((n << 1) ^ (n >> 63)) as u64);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.n(bytes.len() as u64);
        self.0.extend_from_slice(bytes);
    }

    /// Coordinates as changes in thousandths of a degree; `(x * 1000).round() / 1000` gives back
    /// the very `f32` each came from (`Cursor::step`), which `unpack` checks by reading it back.
    fn points(&mut self, points: impl Iterator<Item = (f32, f32)>) {
        let (mut lat, mut lon) = (0i64, 0i64);
        for (la, lo) in points {
            let (la, lo) = ((la * MILLI).round() as i64, (lo * MILLI).round() as i64);
            self.signed(la - lat);
            self.signed(lo - lon);
            (lat, lon) = (la, lo);
        }
    }
}

/// Running coordinates, in thousandths of a degree: each point adds its changes.
#[derive(Default)]
struct Points {
    lat: i64,
    lon: i64,
}

impl Points {
    /// The next point, as the same `f32` values the text decoder makes (`Cursor::step`).
    fn next(&mut self, r: &mut Reader) -> Result<(f32, f32), String> {
        self.lat = self.lat.wrapping_add(r.signed()?);
        self.lon = self.lon.wrapping_add(r.signed()?);
        if self.lat.unsigned_abs() > 90_000 || self.lon.unsigned_abs() > 180_000 {
            return Err("a place is not on Earth".into());
        }
        Ok((self.lat as f32 / MILLI, self.lon as f32 / MILLI))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn line(&mut self) -> Option<&'a str> {
        let rest = &self.bytes[self.at..];
        let len = rest.iter().position(|&b| b == b'\n')?;
        self.at += len + 1;
        std::str::from_utf8(&rest[..len]).ok()
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&e| e <= self.bytes.len())
            .ok_or("the place file is cut short")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn number(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or("the place file is cut short")?;
            self.at += 1;
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(n);
            }
        }
        Err("the place file is damaged".into())
    }

    fn signed(&mut self) -> Result<i64, String> {
        let n = self.number()?;
        Ok((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    /// A count of things each at least a byte long: never more than the bytes left, so a damaged
    /// count cannot ask for a huge allocation.
    fn count(&mut self) -> Result<usize, String> {
        let n = self.number()?;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= self.bytes.len() - self.at)
            .ok_or_else(|| "the place file is damaged".into())
    }

    fn length(&mut self) -> Result<u32, String> {
        u32::try_from(self.count()?).map_err(|_| "the place file is damaged".into())
    }

    fn sized(&mut self) -> Result<&'a [u8], String> {
        let len = self.count()?;
        self.take(len)
    }

    fn text(&mut self) -> Result<&'a str, String> {
        let bytes = self.sized()?;
        std::str::from_utf8(bytes).map_err(|_| "a county's name is damaged".into())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{country_of, resolve, Spelling};
    use super::*;
    use std::sync::OnceLock;

    fn whole(country: &str) -> &'static Gazetteer {
        static FILES: OnceLock<[Gazetteer; 2]> = OnceLock::new();
        let [gb, us] = FILES.get_or_init(|| {
            let read = |text| Gazetteer::decode(text).unwrap();
            [
                read(include_str!("../../../data/places/places-gb.txt")),
                read(include_str!("../../../data/places/places-us.txt")),
            ]
        });
        if country == "GB" {
            gb
        } else {
            us
        }
    }

    /// The GB file's parts, packed and read back (the US file's are checked whole by pack-places
    /// at build time: its split takes too long unoptimised).
    fn gb_parts() -> &'static (Gazetteer, Gazetteer) {
        static PARTS: OnceLock<(Gazetteer, Gazetteer)> = OnceLock::new();
        PARTS.get_or_init(|| {
            let (codes, towns) = whole("GB").split();
            let read = |g: &Gazetteer| Gazetteer::unpack(&g.pack()).unwrap();
            (read(&codes), read(&towns))
        })
    }

    #[test]
    fn packed_files_read_back_as_the_text_files_decode() {
        for country in ["GB", "US"] {
            let g = whole(country);
            assert_eq!(&Gazetteer::unpack(&g.pack()).unwrap(), g, "{country}");
        }
    }

    #[test]
    fn the_parts_resolve_as_the_whole_file() {
        let (codes, towns) = gb_parts();
        assert!(codes.codes() == whole("GB").codes() && codes.towns() < whole("GB").towns());
        assert_eq!(towns.towns(), whole("GB").towns());
        let us = whole("US");
        for text in [
            "SW1A 1AA",
            "sw1a1aa",
            "M1 1AA",
            "LS1 4AP",
            "LS1 4",
            "LS1 0ZZ",
            "LS1",
            "LS",
            "E",
            "ZZ9 9ZZ",
            "QQ1",
            "BT1 1AA",
            "KW15 1",
            "HS1",
            "TR21 0",
            "Leicester",
            "Leicster",
            "London",
            "Newport",
            "Newport (Isle of Wight)",
            "Richmond",
            "Springfield",
            "Worcester, MA",
            "Worcester, England",
            "St Louis",
            "Stoke on Trent",
            "Phoenix, AZ",
            "xqzvw",
            "🏠",
            "",
        ] {
            let part = match country_of(text) {
                Some(_) => codes,
                None => towns,
            };
            assert_eq!(
                resolve(text, &[part, us], &["GB", "US"]),
                resolve(text, &[whole("GB"), us], &["GB", "US"]),
                "{text}"
            );
        }
        for point in whole("GB").looked_up_points().iter().step_by(97) {
            assert_eq!(codes.nearest_town(*point), whole("GB").nearest_town(*point));
        }
    }

    /// A country's towns part, packed (as `split` makes it: the whole file without its codes).
    fn towns_packed(country: &str) -> Vec<u8> {
        Gazetteer {
            codes: Vec::new(),
            ..whole(country).clone()
        }
        .pack()
    }

    #[test]
    fn towns_read_only_for_a_name_resolve_as_the_whole_file() {
        let [gb, us] = [towns_packed("GB"), towns_packed("US")];
        let mut texts: Vec<String> = [
            "Leicester",
            "Leicster",
            "Lecester",
            "London",
            "Londn",
            "Newport",
            "Newport (Isle of Wight)",
            "Richmond",
            "Richmond, VA",
            "Springfield",
            "Springfeld",
            "Springfield, Illinois",
            "Worcester, MA",
            "Worcester, England",
            "St Louis",
            "Saint Louis",
            "St. Louis",
            "Stoke-on-Trent",
            "Phoenix, AZ",
            "Paris",
            "Leeds, Yorks",
            "Bath",
            "Ely",
            "York",
            "xqzvw",
            "🏠",
            "",
            "  ",
            "Ab",
            "Montréal",
        ]
        .map(String::from)
        .to_vec();
        // Every 97th town of each country by its own name, and with a letter dropped.
        for g in [whole("GB"), whole("US")] {
            for t in g.towns.iter().step_by(97) {
                let name = g.name(t);
                texts.push(name.to_string());
                texts.push(name.chars().skip(1).collect());
            }
        }
        for text in &texts {
            let Some(spelling) = Spelling::of(text) else {
                continue;
            };
            let read = |bytes: &[u8]| Gazetteer::unpack_towns(bytes, |k| spelling.may_be(k)).unwrap();
            let (gb_part, us_part) = (read(&gb), read(&us));
            assert!(gb_part.towns() + us_part.towns() < 200, "{text}");
            for covered in [&["GB", "US"][..], &["GB"], &["US"]] {
                assert_eq!(
                    resolve(text, &[&gb_part, &us_part], covered),
                    resolve(text, &[whole("GB"), whole("US")], covered),
                    "{text} {covered:?}"
                );
            }
        }
        let all = Gazetteer::unpack_towns(&gb, |_| true).unwrap();
        assert_eq!(all.towns, whole("GB").towns);
    }

    #[test]
    fn damaged_packed_files_are_errors_not_panics() {
        let packed = gb_parts().1.pack();
        assert_eq!(
            Gazetteer::unpack(b"<!doctype html><p>Not found").unwrap_err(),
            "not a place file"
        );
        let text = include_str!("../../../data/places/places-gb.txt");
        assert_eq!(Gazetteer::unpack(text.as_bytes()).unwrap_err(), "not a place file");
        assert!(Gazetteer::unpack(b"").is_err());
        let leeds = Spelling::of("Leeds").unwrap();
        let towns = |bytes: &[u8]| Gazetteer::unpack_towns(bytes, |k| leeds.may_be(k));
        assert_eq!(towns(b"<!doctype html>").unwrap_err(), "not a place file");
        for len in (0..packed.len()).step_by(1009).chain([packed.len() - 1]) {
            assert!(Gazetteer::unpack(&packed[..len]).is_err(), "cut at {len}");
            assert!(towns(&packed[..len]).is_err(), "cut at {len}");
        }
        let mut damaged = packed.clone();
        for at in (60..packed.len()).step_by(613) {
            damaged[at] ^= 0x5a;
            let _ = Gazetteer::unpack(&damaged).map(|g| resolve("Leeds", &[&g], &["GB"]));
            // Both readers check the same: one answers a file only when the other does.
            assert_eq!(towns(&damaged).is_ok(), Gazetteer::unpack(&damaged).is_ok(), "at {at}");
        }
    }
}

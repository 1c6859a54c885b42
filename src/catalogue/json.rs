//! A small JSON reader made for catalogues, instead of serde_json and serde's derived readers, which
//! cost ~14 KB brotli of the download and ~8 KB more for the float printing their messages need
//! (docs/performance.md, "Hand-written code kept for size"; tests/read_parity.rs holds them equal).
//!
//! It reads the text in place: [`Reader::skip`] checks a value's syntax without building anything
//! (without recursion, so a value nested 100,000 deep is only a wrong value) and hands back its
//! text, which is how the loader splits a file into records; the typed reads (`string`, `number`,
//! `object`, …) fill the model directly. A wrong value becomes an [`Error`] that says what was
//! found and what belongs there, and the path to it is added on the way out, so reading that
//! succeeds never builds a path.

use std::borrow::Cow;

/// What went wrong, and where inside the value being read (`.location.lat`, `[2].code`).
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub path: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Not JSON: what the reader needed, and the byte offset in the text it was given.
    Syntax { needed: &'static str, at: usize },
    /// Valid JSON of the wrong kind or size.
    Wrong { found: String, expected: &'static str },
    /// A required field is absent (its name is the last part of the path).
    Missing,
}

impl Error {
    fn syntax(needed: &'static str, at: usize) -> Error {
        Error {
            path: String::new(),
            problem: Problem::Syntax { needed, at },
        }
    }

    /// Valid JSON of the wrong kind or size.
    fn wrong(found: String, expected: &'static str) -> Error {
        Error {
            path: String::new(),
            problem: Problem::Wrong { found, expected },
        }
    }

    /// A required field that is not there.
    pub fn missing(field: &str) -> Error {
        Error {
            path: format!(".{field}"),
            problem: Problem::Missing,
        }
    }

    /// The same error, one object field further out.
    fn in_field(mut self, key: &str) -> Error {
        self.path.insert_str(0, &format!(".{key}"));
        self
    }

    /// The same error, one array item further out.
    fn in_item(mut self, index: usize) -> Error {
        self.path.insert_str(0, &format!("[{index}]"));
        self
    }
}

/// What a JSON value is, for a site owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    Text,
    Array,
    Object,
}

impl JsonKind {
    /// The kind of the value this (valid) JSON text starts with.
    pub fn of(json: &str) -> JsonKind {
        Reader::new(json).kind().unwrap_or(JsonKind::Number)
    }

    pub fn name(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "true/false",
            JsonKind::Number => "a number",
            JsonKind::Text => "text",
            JsonKind::Array => "an array",
            JsonKind::Object => "an object",
        }
    }
}

/// A wrong value, shown back: numbers as written, the start of a text, otherwise its kind.
pub fn describe(json: &str) -> String {
    let json = json.trim();
    match JsonKind::of(json) {
        JsonKind::Number => json.chars().take(40).collect(),
        JsonKind::Text => {
            let text = Reader::new(json).string().unwrap_or_default();
            format!("the text \"{}\"", text.chars().take(40).collect::<String>())
        }
        JsonKind::Bool => json.to_string(),
        kind => kind.name().to_string(),
    }
}

/// Where the reader is in one piece of JSON text.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader { text, pos: 0 }
    }

    /// Line and column (from 1, counting characters) of a byte offset, for syntax errors.
    pub fn line_column(text: &str, at: usize) -> (usize, usize) {
        let before = text.get(..at).unwrap_or(text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        )
    }

    // Called for every byte between tokens: inlined even where the build optimises for size.
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Most catalogues are written without spaces between tokens: that check is inlined.
    fn whitespace(&mut self) {
        if let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.more_whitespace();
        }
    }

    fn more_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// The kind of the next value, without reading it.
    pub fn kind(&mut self) -> Result<JsonKind, Error> {
        self.whitespace();
        match self.peek() {
            Some(b'n') => Ok(JsonKind::Null),
            Some(b't' | b'f') => Ok(JsonKind::Bool),
            Some(b'"') => Ok(JsonKind::Text),
            Some(b'[') => Ok(JsonKind::Array),
            Some(b'{') => Ok(JsonKind::Object),
            Some(b'-' | b'0'..=b'9') => Ok(JsonKind::Number),
            _ => Err(Error::syntax("a value", self.pos)),
        }
    }

    /// Checks that nothing but whitespace is left.
    pub fn end(&mut self) -> Result<(), Error> {
        self.whitespace();
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Error::syntax("the end of the file after the value", self.pos)),
        }
    }

    fn expect(&mut self, byte: u8, needed: &'static str) -> Result<(), Error> {
        self.whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Error::syntax(needed, self.pos))
        }
    }

    /// Steps into an array or object (the reader is at its opening bracket); `false` when it is
    /// empty, and then also past its closing bracket.
    fn open(&mut self, close: u8) -> bool {
        self.pos += 1;
        self.whitespace();
        if self.peek() == Some(close) {
            self.pos += 1;
            return false;
        }
        true
    }

    /// After an item of an array or object: `true` past a comma (another item follows), `false`
    /// past the closing bracket.
    fn next_item(&mut self, close: u8) -> Result<bool, Error> {
        self.whitespace();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(false)
            }
            _ if close == b'}' => Err(Error::syntax("`,` or `}`", self.pos)),
            _ => Err(Error::syntax("`,` or `]`", self.pos)),
        }
    }

    /// Skips the next value, checking its syntax, and returns its text.
    pub fn skip(&mut self) -> Result<&'a str, Error> {
        self.whitespace();
        let start = self.pos;
        // The closing bracket of each open array or object, innermost last.
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.kind()? {
                JsonKind::Object => {
                    if self.open(b'}') {
                        open.push(b'}');
                        self.key()?;
                        continue;
                    }
                }
                JsonKind::Array => {
                    if self.open(b']') {
                        open.push(b']');
                        continue;
                    }
                }
                JsonKind::Text => {
                    self.string_text()?;
                }
                JsonKind::Number => {
                    self.number_parts()?;
                }
                JsonKind::Null => self.literal("null")?,
                JsonKind::Bool => {
                    if self.peek() == Some(b't') {
                        self.literal("true")?
                    } else {
                        self.literal("false")?
                    }
                }
            }
            // After a value: close what it ends, or go on to the next item.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(&self.text[start..self.pos]);
                };
                if self.next_item(close)? {
                    if close == b'}' {
                        self.key()?;
                    }
                    break;
                }
                open.pop();
            }
        }
    }

    fn literal(&mut self, word: &'static str) -> Result<(), Error> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(Error::syntax("a value", self.pos))
        }
    }

    /// An object key and its colon.
    fn key(&mut self) -> Result<Cow<'a, str>, Error> {
        self.whitespace();
        if self.peek() != Some(b'"') {
            return Err(Error::syntax("a field name in quotes", self.pos));
        }
        let key = self.string_text()?;
        self.expect(b':', "`:`")?;
        Ok(key)
    }

    /// A string's content, borrowed when it has no escapes. The reader is at the opening quote.
    fn string_text(&mut self) -> Result<Cow<'a, str>, Error> {
        self.pos += 1;
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            self.pos = next_special(bytes, self.pos);
            let Some(&b) = bytes.get(self.pos) else {
                return Err(Error::syntax("a closing `\"`", self.pos));
            };
            match b {
                b'"' => {
                    let last = &self.text[run..self.pos];
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(last),
                        Some(mut s) => {
                            s.push_str(last);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    let escaped = match bytes.get(self.pos) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(Error::syntax("a valid escape after `\\`", self.pos)),
                    };
                    s.push(escaped);
                    self.pos += 1;
                    run = self.pos;
                }
                _ => return Err(Error::syntax("no control characters inside text", self.pos)),
            }
        }
    }

    /// `\uXXXX` (a surrogate pair takes two); the reader is at the `u` and ends on the last digit.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.pos + 1..].starts_with("\\u") {
                    return Err(Error::syntax("the second half of a \\u surrogate pair", self.pos + 1));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(Error::syntax("the second half of a \\u surrogate pair", self.pos));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            code => code,
        };
        char::from_u32(code).ok_or(Error::syntax("a \\u escape of a character", self.pos))
    }

    /// The four hex digits after a `u`; ends on the last one.
    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self.text.get(self.pos + 1..self.pos + 5).unwrap_or("");
        match u32::from_str_radix(digits, 16) {
            Ok(n) if digits.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.pos += 4;
                Ok(n)
            }
            _ => Err(Error::syntax("four hex digits after \\u", self.pos + 1)),
        }
    }

    /// A number's digits and decimal exponent (`12.5e1` → 125 and 0), with its sign.
    fn number_parts(&mut self) -> Result<Number<'a>, Error> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let mut n = Number {
            negative,
            digits: 0,
            exponent: 0,
            whole: true,
            text: "",
        };
        self.integer_part(&mut n)?;
        self.fraction_part(&mut n)?;
        self.exponent_part(&mut n)?;
        // Past these, every value is zero or too large alike; the bound keeps the arithmetic simple.
        n.exponent = n.exponent.clamp(-1000, 1000);
        n.text = &self.text[start..self.pos];
        Ok(n)
    }

    /// The digits before any decimal point: `0`, or digits not starting with `0`.
    fn integer_part(&mut self, n: &mut Number) -> Result<(), Error> {
        let bytes = self.text.as_bytes();
        match bytes.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                while let Some(&d @ b'0'..=b'9') = bytes.get(self.pos) {
                    if n.digits < FULL_DIGITS {
                        n.digits = n.digits * 10 + u64::from(d - b'0');
                    } else {
                        n.exponent += 1;
                    }
                    self.pos += 1;
                }
            }
            _ => return Err(Error::syntax("a digit", self.pos)),
        }
        Ok(())
    }

    /// A decimal point and its digits, if there is one.
    fn fraction_part(&mut self, n: &mut Number) -> Result<(), Error> {
        let bytes = self.text.as_bytes();
        if bytes.get(self.pos) != Some(&b'.') {
            return Ok(());
        }
        n.whole = false;
        self.pos += 1;
        let from = self.pos;
        while let Some(&d @ b'0'..=b'9') = bytes.get(self.pos) {
            if n.digits < FULL_DIGITS {
                n.digits = n.digits * 10 + u64::from(d - b'0');
                n.exponent -= 1;
            }
            self.pos += 1;
        }
        if self.pos == from {
            return Err(Error::syntax("a digit after the decimal point", self.pos));
        }
        Ok(())
    }

    /// An exponent (`e`, `E`, an optional sign and digits), if there is one.
    fn exponent_part(&mut self, n: &mut Number) -> Result<(), Error> {
        let bytes = self.text.as_bytes();
        if !matches!(bytes.get(self.pos), Some(b'e' | b'E')) {
            return Ok(());
        }
        n.whole = false;
        self.pos += 1;
        let minus = match bytes.get(self.pos) {
            Some(b'-') => {
                self.pos += 1;
                true
            }
            Some(b'+') => {
                self.pos += 1;
                false
            }
            _ => false,
        };
        let from = self.pos;
        let mut e: i32 = 0;
        while let Some(&d @ b'0'..=b'9') = bytes.get(self.pos) {
            e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
            self.pos += 1;
        }
        if self.pos == from {
            return Err(Error::syntax("a digit in the exponent", self.pos));
        }
        n.exponent = n.exponent.saturating_add(if minus { -e } else { e });
        Ok(())
    }

    /// The next value is not what belongs here: say what it is, and move past it.
    fn wrong(&mut self, expected: &'static str) -> Error {
        match self.skip() {
            Ok(json) => Error::wrong(describe(json), expected),
            Err(e) => e,
        }
    }

    /// Consumes a `null` if one is next.
    pub fn null(&mut self) -> Result<bool, Error> {
        if self.kind()? == JsonKind::Null {
            self.literal("null")?;
            return Ok(true);
        }
        Ok(false)
    }

    pub fn string(&mut self) -> Result<String, Error> {
        if self.kind()? == JsonKind::Text {
            return Ok(self.string_text()?.into_owned());
        }
        Err(self.wrong("text"))
    }

    pub fn boolean(&mut self) -> Result<bool, Error> {
        match self.kind()? {
            JsonKind::Bool if self.peek() == Some(b't') => self.literal("true").map(|_| true),
            JsonKind::Bool => self.literal("false").map(|_| false),
            _ => Err(self.wrong("true or false")),
        }
    }

    /// Any finite number.
    pub fn number(&mut self) -> Result<f64, Error> {
        if self.kind()? != JsonKind::Number {
            return Err(self.wrong("a number"));
        }
        let n = self.number_parts()?;
        let value = n.value();
        if value.is_finite() {
            Ok(value)
        } else {
            Err(wrong_number(n.text, "a number of a sensible size"))
        }
    }

    /// A whole number from 0 to 4,294,967,295.
    pub fn whole(&mut self) -> Result<u32, Error> {
        const EXPECTED: &str = "a whole number, 0 or more";
        if self.kind()? != JsonKind::Number {
            return Err(self.wrong(EXPECTED));
        }
        let n = self.number_parts()?;
        match u32::try_from(n.digits) {
            Ok(v) if n.whole && (!n.negative || v == 0) => Ok(v),
            _ => Err(wrong_number(n.text, EXPECTED)),
        }
    }

    /// Reads an object of named fields, calling `field` with each key; `field` reads the value it
    /// wants, and a value it leaves unread (an unknown field) is passed over and may repeat. A field
    /// it reads twice is refused by the site owners' tools, as serde's derived readers refuse it
    /// (which of the two values was meant cannot be known); the widget keeps the later one, as
    /// `JSON.parse` does (see [`Given`]).
    pub fn object(&mut self, field: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<(), Error>) -> Result<(), Error> {
        self.entries(true, field)
    }

    /// Reads an object used as a map (the writer chooses its keys): as [`Reader::object`], but a
    /// key given twice is read again and the later value kept, as serde reads maps.
    pub fn map(&mut self, entry: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<(), Error>) -> Result<(), Error> {
        self.entries(false, entry)
    }

    fn entries(
        &mut self,
        once: bool,
        entry: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.kind()? != JsonKind::Object {
            return Err(self.wrong("an object"));
        }
        let mut given = Given::new(once);
        let mut more = self.open(b'}');
        while more {
            let key = self.key()?;
            let at = self.pos;
            entry(self, &key).map_err(|e| e.in_field(&key))?;
            if self.pos == at {
                self.skip()?;
            } else if !given.first(&key) {
                return Err(Error::wrong("this field twice".into(), "the field once").in_field(&key));
            }
            more = self.next_item(b'}')?;
        }
        Ok(())
    }

    /// Reads an array, calling `item` for each value; `item` must read (or skip) it.
    pub fn array(&mut self, item: &mut dyn FnMut(&mut Reader<'a>) -> Result<(), Error>) -> Result<(), Error> {
        if self.kind()? != JsonKind::Array {
            return Err(self.wrong("an array"));
        }
        let mut more = self.open(b']');
        let mut index = 0;
        while more {
            item(self).map_err(|e| e.in_item(index))?;
            index += 1;
            more = self.next_item(b']')?;
        }
        Ok(())
    }

    /// An array of values read by `read`.
    pub fn list<T>(&mut self, read: fn(&mut Reader<'a>) -> Result<T, Error>) -> Result<Vec<T>, Error> {
        let mut items = Vec::new();
        self.array(&mut |r| {
            items.push(read(r)?);
            Ok(())
        })?;
        // Lists are kept for the widget's lifetime; growing by pushes leaves up to half unused
        // (3.7 MB of the heap at 20,000 clinics).
        items.shrink_to_fit();
        Ok(items)
    }

    /// A value read by `read`, or `null` for none.
    pub fn optional<T>(&mut self, read: fn(&mut Reader<'a>) -> Result<T, Error>) -> Result<Option<T>, Error> {
        if self.null()? {
            return Ok(None);
        }
        read(self).map(Some)
    }
}

/// The position of the first `"`, `\\` or control character at or after `at` (or the end): eight
/// bytes at a time, as most of a catalogue's text is plain.
fn next_special(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte of `x` is zero where the flag is set; borrows only run towards later bytes, so the
    // lowest flag is exact.
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let found = zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\\')))
            | (w.wrapping_sub(ONES * 0x20) & !w & HIGH);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && !matches!(bytes[at], b'"' | b'\\' | 0..=0x1f) {
        at += 1;
    }
    at
}

/// The fields an object has given so far, to refuse one given twice. Only the site owners' tools
/// (the CLI, the workshop, the importers' own check) keep them, so a catalogue they pass has no
/// field twice; the widget leaves the check to them and keeps the later value, as `JSON.parse`
/// does: the check measured +0.3 KB brotli in a download that is over its budget.
#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
struct Given {
    once: bool,
    /// The fields read so far, as numbers (see [`field_hash`]).
    hashes: [u32; MAX_FIELDS],
    count: usize,
}

#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
impl Given {
    /// `once`: a field may be read only once (an object of named fields, not a map).
    fn new(once: bool) -> Given {
        Given {
            once,
            hashes: [0; MAX_FIELDS],
            count: 0,
        }
    }

    /// Whether this field, just read, was not read before in the object.
    fn first(&mut self, name: &str) -> bool {
        if !self.once {
            return true;
        }
        let hash = field_hash(name);
        // A full list means a field was given twice: no part has more fields (a test checks).
        if self.count == MAX_FIELDS || self.hashes[..self.count].contains(&hash) {
            return false;
        }
        self.hashes[self.count] = hash;
        self.count += 1;
        true
    }
}

/// In the widget every field is taken, the later value kept (see above).
#[cfg(all(target_arch = "wasm32", not(feature = "import")))]
struct Given;

#[cfg(all(target_arch = "wasm32", not(feature = "import")))]
impl Given {
    fn new(_once: bool) -> Given {
        Given
    }

    fn first(&mut self, _name: &str) -> bool {
        true
    }
}

/// The most fields any part of a catalogue (or of the glossary file) has: a clinic has 27.
pub const MAX_FIELDS: usize = 32;

/// A field's name as a number (32-bit FNV-1a), so that an object's fields read so far are a short
/// list of numbers rather than of texts. Only names the readers know are hashed (an unknown field
/// is never read), and a test checks that no two of those share a number, so equal numbers are
/// equal names.
pub fn field_hash(name: &str) -> u32 {
    name.bytes()
        .fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Past 19 significant digits only a number's magnitude matters.
const FULL_DIGITS: u64 = 1_000_000_000_000_000_000;

/// A number out of range, shown as written.
fn wrong_number(written: &str, expected: &'static str) -> Error {
    Error::wrong(written.chars().take(40).collect(), expected)
}

/// A number as written: `digits × 10^exponent`, negated when `negative`.
struct Number<'a> {
    negative: bool,
    digits: u64,
    exponent: i32,
    /// Written without a fraction or exponent.
    whole: bool,
    text: &'a str,
}

impl Number<'_> {
    /// Exact for up to 15 significant digits and exponents within ±22 (every coordinate and price
    /// a catalogue holds); otherwise within a unit or two in the last place.
    fn value(&self) -> f64 {
        // Powers of ten that f64 holds exactly.
        const EXACT: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
            1e19, 1e20, 1e21, 1e22,
        ];
        let digits = self.digits as f64;
        let magnitude = if self.digits == 0 {
            0.0
        } else if (0..=22).contains(&self.exponent) {
            digits * EXACT[self.exponent as usize]
        } else if (-22..0).contains(&self.exponent) {
            digits / EXACT[(-self.exponent) as usize]
        } else if self.exponent > 0 {
            digits * 10f64.powi(self.exponent.min(400))
        } else {
            // Two steps, so that tiny values do not pass through zero on the way.
            digits / 1e22 / 10f64.powi((-self.exponent - 22).min(400))
        };
        if self.negative {
            -magnitude
        } else {
            magnitude
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip(text: &str) -> Result<&str, Error> {
        let mut r = Reader::new(text);
        let value = r.skip()?;
        r.end()?;
        Ok(value)
    }

    #[test]
    fn skip_accepts_json_and_returns_the_value_text() {
        for text in [
            "null",
            "true",
            "false",
            "0",
            "-0.5e-3",
            "12E+2",
            "\"a\\\"b\\u00e9\\ud83d\\ude00\"",
            "[]",
            "{}",
            "[1, [2, {\"a\": [null]}], \"x\"]",
            "{\"a\": {\"b\": []}, \"c\": 1}",
        ] {
            assert_eq!(skip(&format!(" {text} \n")).unwrap(), text);
        }
    }

    #[test]
    fn skip_rejects_what_is_not_json_and_says_where() {
        for (text, at) in [
            ("", 0),
            ("[1,]", 3),
            ("[1 2]", 3),
            ("{\"a\" 1}", 5),
            ("{\"a\": 1,}", 8),
            ("{a: 1}", 1),
            ("[01]", 2),
            ("[1.]", 3),
            ("[-]", 2),
            ("[1e]", 3),
            ("NaN", 0),
            ("[tru]", 1),
            ("\"\\x\"", 2),
            ("\"\\ud800\"", 7),
            ("\"a\nb\"", 2),
            ("\"open", 5),
            ("[1]]", 3),
            ("[}", 1),
        ] {
            let e = skip(text).unwrap_err();
            match e.problem {
                Problem::Syntax { at: found, .. } => assert_eq!(found, at, "{text:?}: {e:?}"),
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn skip_goes_through_deep_nesting_without_recursion() {
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        assert_eq!(skip(&deep).unwrap().len(), 400_000);
    }

    #[test]
    fn numbers_read_exactly_where_f64_can() {
        for text in [
            "0",
            "-0",
            "53.8",
            "-1.55",
            "51.507351",
            "-0.127758",
            "1200",
            "1e3",
            "2.5E-2",
            "1e22",
            "123456789012345",
        ] {
            assert_eq!(
                Reader::new(text).number().unwrap(),
                text.parse::<f64>().unwrap(),
                "{text}"
            );
        }
        for text in [
            "1e300",
            "0.1234567890123456789012",
            "1e-400",
            "123456789012345678901234567890",
        ] {
            let read = Reader::new(text).number().unwrap();
            let exact: f64 = text.parse().unwrap();
            assert!((read - exact).abs() <= exact.abs() * 1e-15, "{text}: {read} vs {exact}");
        }
        assert!(Reader::new("1e308").number().unwrap().is_finite());
        assert_eq!(Reader::new("1e-99999999999").number().unwrap(), 0.0);
        assert_eq!(Reader::new("-0.0e-2147483648").number().unwrap(), 0.0);
        assert!(Reader::new("1e99999999999").number().is_err());
        assert!(Reader::new("0e99999999999").number().is_ok(), "zero stays zero");
        let e = Reader::new("1e400").number().unwrap_err();
        assert!(
            matches!(e.problem, Problem::Wrong { ref found, .. } if found == "1e400"),
            "{e:?}"
        );
    }

    #[test]
    fn lists_hold_no_spare_room() {
        let days = Reader::new("[7, 14, 28, 60, 90]").list(Reader::whole).unwrap();
        assert_eq!((days.len(), days.capacity()), (5, 5));
    }

    #[test]
    fn whole_numbers_refuse_fractions_signs_and_overflow() {
        assert_eq!(Reader::new("28").whole().unwrap(), 28);
        assert_eq!(Reader::new("4294967295").whole().unwrap(), u32::MAX);
        for text in ["-1", "1.5", "1e2", "4294967296", "99999999999999999999999"] {
            assert!(Reader::new(text).whole().is_err(), "{text}");
        }
    }

    #[test]
    fn a_wrong_value_is_named_with_its_path() {
        let text = r#"{"a": [1, {"b": "north"}]}"#;
        let mut b = None;
        let e = Reader::new(text)
            .object(&mut |r, key| {
                assert_eq!(key, "a");
                r.array(&mut |r| {
                    if r.kind()? == JsonKind::Number {
                        return r.skip().map(|_| ());
                    }
                    r.object(&mut |r, _| {
                        b = Some(r.number()?);
                        Ok(())
                    })
                })
            })
            .unwrap_err();
        assert_eq!(b, None);
        assert_eq!(e.path, ".a[1].b");
        assert_eq!(
            e.problem,
            Problem::Wrong {
                found: "the text \"north\"".into(),
                expected: "a number"
            }
        );
    }

    #[test]
    fn text_is_borrowed_or_unescaped() {
        assert_eq!(Reader::new("\"plain\"").string().unwrap(), "plain");
        assert_eq!(
            Reader::new(r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00z""#)
                .string()
                .unwrap(),
            "a\"\\/\u{8}\u{c}\n\r\té😀z"
        );
        assert!(Reader::new("\"\\udc00\"").string().is_err(), "a lone second half");
    }

    #[test]
    fn the_scan_for_quotes_escapes_and_controls_finds_the_first() {
        let text = "abcdefghij\u{e9}klmnopqrstuvwxyz0123456789";
        for (at, special) in [(0, '"'), (3, '\\'), (7, '\n'), (8, '"'), (15, '\u{1f}'), (30, '"')] {
            let mut t: Vec<char> = text.chars().collect();
            t[at] = special;
            let t: String = t.into_iter().collect();
            let byte = t.char_indices().nth(at).unwrap().0;
            for from in 0..=byte {
                assert_eq!(next_special(t.as_bytes(), from), byte, "{t:?} from {from}");
            }
        }
        assert_eq!(next_special(text.as_bytes(), 0), text.len());
        assert_eq!(next_special(b"\x7f\xc3\xa9 ok", 0), 6, "DEL and non-ASCII are text");
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "{\n  \"é\": [ }";
        assert_eq!(Reader::line_column(text, text.len() - 1), (2, 10));
    }

    #[test]
    fn describe_shows_what_was_found() {
        assert_eq!(describe("1.5"), "1.5");
        assert_eq!(describe("\"north\""), "the text \"north\"");
        assert_eq!(describe("false"), "false");
        assert_eq!(describe("[1]"), "an array");
        assert_eq!(describe("null"), "null");
    }
}

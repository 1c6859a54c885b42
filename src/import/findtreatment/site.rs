//! A data row as read, and what a site's rows say together about whether it belongs.

use std::collections::{BTreeSet, HashMap};

use super::codes::{self, Use};

/// One data row, as read.
pub(super) struct Row {
    pub(super) line: usize,
    pub(super) su: bool,
    pub(super) text: HashMap<&'static str, String>,
    pub(super) flags: BTreeSet<String>,
}

impl Row {
    pub(super) fn get(&self, column: &str) -> &str {
        self.text.get(column).map(String::as_str).unwrap_or("")
    }
}

/// The exclusion codes (e.g. `noop`) when every SU row of the site has one: a site is not left
/// out because one of its programmes does not treat opioid use disorder.
pub(super) fn exclusion(site: &[Row]) -> Option<String> {
    let excluding = |r: &Row| -> Vec<String> {
        r.flags
            .iter()
            .filter(|f| codes::code(f).is_some_and(|c| c.use_ == Use::Exclude))
            .cloned()
            .collect()
    };
    let mut found = BTreeSet::new();
    for r in site.iter().filter(|r| r.su) {
        let codes = excluding(r);
        if codes.is_empty() {
            return None;
        }
        found.extend(codes);
    }
    Some(found.into_iter().collect::<Vec<_>>().join(", "))
}

//! What each FindTreatment.gov service code means for a family choosing opioid treatment: the
//! decisions in `data/findtreatment-codes.csv` (one row per code of SAMHSA's key), read once.
//! The importer, the tests and the table in docs/catalogue.md all come from that file.

use std::sync::OnceLock;

use crate::catalogue::vocabulary::{self, Group};
use crate::search::facet_group;

/// The decisions, as kept in the repository (embedded at build time).
pub const TABLE: &str = include_str!("../../../data/findtreatment-codes.csv");

/// What the importer does with a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Maps onto vocabulary terms (the `maps_to` column): a filter families can use.
    Filter,
    /// Kept on the clinic as information (an extra feature that is not a filter): clinical
    /// detail, billing relationships, mental-health-only items.
    Info,
    /// The site is not for opioid treatment: left out unless the import keeps such sites.
    Exclude,
    /// Says nothing beyond "in the substance-use directory" (`sa`).
    Implied,
    /// Feeds a derived value only (`dt`: the detox kind, see `clinic::detox`).
    Rule,
}

/// One vocabulary value a code gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A term of a vocabulary group.
    Term(Group, String),
    /// A medication, and the form the code implies.
    Medication(String, Option<String>),
    /// A BCP 47 language code.
    Language(String),
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// Lower case, as in the export's header.
    pub code: String,
    /// The category in SAMHSA's key.
    pub category: String,
    /// The official meaning; empty where the key does not confirm one.
    pub meaning: String,
    pub use_: Use,
    pub targets: Vec<Target>,
}

/// Every code of the key, in the key's order.
pub fn codes() -> &'static [Code] {
    static CODES: OnceLock<Vec<Code>> = OnceLock::new();
    CODES.get_or_init(|| parse(TABLE).unwrap_or_else(|e| panic!("data/findtreatment-codes.csv: {e}")))
}

/// The row of one code, if the key has it.
pub fn code(code: &str) -> Option<&'static Code> {
    codes().iter().find(|c| c.code == code)
}

/// Reads the table; an error names the line and what is wrong with it (tests keep it clean).
pub fn parse(table: &str) -> Result<Vec<Code>, String> {
    let mut reader = csv::Reader::from_reader(table.as_bytes());
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let r = record.map_err(|e| format!("line {line}: {e}"))?;
        let field = |n: usize| r.get(n).unwrap_or("").trim().to_string();
        let use_ = match field(3).as_str() {
            "filter" => Use::Filter,
            "info" => Use::Info,
            "exclude" => Use::Exclude,
            "implied" => Use::Implied,
            "rule" => Use::Rule,
            other => {
                return Err(format!(
                    "line {line}: use \"{other}\" is not filter, info, exclude, implied or rule"
                ))
            }
        };
        let targets = field(4)
            .split_whitespace()
            .map(|t| target(t).ok_or_else(|| format!("line {line}: \"{t}\" is not a vocabulary value")))
            .collect::<Result<Vec<_>, _>>()?;
        if (use_ == Use::Filter) == targets.is_empty() {
            return Err(format!("line {line}: a filter maps to values, and only a filter does"));
        }
        out.push(Code {
            code: field(0),
            category: field(1),
            meaning: field(2),
            use_,
            targets,
        });
    }
    Ok(out)
}

/// `setting:inpatient`, `medication:buprenorphine/sublingual`, `language:es`, checked against the
/// vocabulary.
fn target(text: &str) -> Option<Target> {
    let (facet, value) = text.split_once(':')?;
    match facet {
        "language" => Some(Target::Language(value.to_string())),
        "medication" => {
            let (med, form) = match value.split_once('/') {
                Some((m, f)) => (m, Some(f)),
                None => (value, None),
            };
            vocabulary::term(Group::Medication, med)?;
            if let Some(f) = form {
                vocabulary::term(Group::MedicationForm, f)?;
            }
            Some(Target::Medication(med.to_string(), form.map(str::to_string)))
        }
        _ => {
            let group = facet_group(facet)?;
            vocabulary::term(group, value)?;
            Some(Target::Term(group, value.to_string()))
        }
    }
}

/// The table as Markdown for docs/catalogue.md: one row per code, with what the import does.
pub fn docs_table() -> String {
    let mut out = String::from("| code | official meaning (category) | the import |\n|---|---|---|\n");
    for c in codes() {
        let meaning = if c.meaning.is_empty() {
            "(not confirmed by the key)"
        } else {
            &c.meaning
        };
        let what = match c.use_ {
            Use::Filter => c.targets.iter().map(describe).collect::<Vec<_>>().join(", "),
            Use::Info => "information, not a filter (reported; kept with `--keep-info`)".to_string(),
            Use::Exclude => "**site left out** (not opioid treatment) unless `--keep-non-opioid`".to_string(),
            Use::Implied => "nothing (every imported site has it)".to_string(),
            Use::Rule => "derived detox kind (see above)".to_string(),
        };
        out.push_str(&format!("| `{}` | {meaning} ({}) | {what} |\n", c.code, c.category));
    }
    out
}

fn describe(t: &Target) -> String {
    match t {
        Target::Term(g, c) => {
            let group = serde_json::to_value(g)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            format!("{group} `{c}`")
        }
        Target::Medication(m, None) => format!("medication `{m}`"),
        Target::Medication(m, Some(f)) => format!("medication `{m}` as `{f}`"),
        Target::Language(l) => format!("language `{l}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_and_covers_the_key_once() {
        let all = codes();
        assert_eq!(all.len(), 315);
        let mut seen = std::collections::BTreeSet::new();
        for c in all {
            assert!(seen.insert(&c.code), "{} twice", c.code);
            assert!(!c.meaning.is_empty() || c.category == "Unconfirmed", "{}", c.code);
        }
        assert!(parse("code,category,meaning,use,maps_to\nx,C,M,filter,setting:nowhere\n").is_err());
        assert!(parse("code,category,meaning,use,maps_to\nx,C,M,maybe,\n").is_err());
        assert!(parse("code,category,meaning,use,maps_to\nx,C,M,info,setting:inpatient\n").is_err());
    }
}

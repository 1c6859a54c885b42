//! The import report the page shows: how many clinics will show, and every problem grouped by
//! record (a CSV row or a clinic in the JSON) and field, in plain words.

use clinic_compare::catalogue::{Diagnostic, Loader, Severity};
use clinic_compare::import::{ImportError, Imported, Summary};
use serde::Serialize;

use crate::adapter::Dated;
use crate::input::Kind;

/// Told how far checking has got: (clinics checked, clinics in all).
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize);

#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// The kind code ("findtreatment", "spreadsheet", "catalogue"), empty when the file was refused.
    pub kind: &'static str,
    /// One sentence on how the file was read.
    pub read_as: String,
    /// Clinics the widget will show.
    pub clinics: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Counts and dates, one short sentence each.
    pub facts: Vec<String>,
    /// Things the site owner may want to check (encoding, repaired values, rows left out).
    pub notes: Vec<String>,
    pub groups: Vec<Group>,
    /// Whether there is a catalogue to preview and download.
    pub made: bool,
    /// The catalogue, handed to the page apart from the report (a national one is tens of MB).
    #[serde(skip)]
    pub catalogue: Option<String>,
    /// Why the file could not be read at all.
    pub refused: Option<String>,
}

/// The problems of one record, or of the whole file.
#[derive(Debug, Serialize)]
pub struct Group {
    pub title: String,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Serialize)]
pub struct Problem {
    /// "error" (the record is left out, or no catalogue is made) or "warning" (loaded anyway).
    pub severity: &'static str,
    pub field: Option<String>,
    pub message: String,
}

/// Most notes listed; the rest are counted (a national export can repair thousands of values).
const MAX_NOTES: usize = 300;

pub fn refused(message: String) -> Report {
    Report {
        refused: Some(message),
        ..Report::default()
    }
}

/// The report on an import, checking its catalogue as the widget will load it.
pub fn from_import(
    kind: Kind,
    outcome: Result<Imported, ImportError>,
    dated: Dated,
    notes: Vec<String>,
    progress: Progress,
) -> Report {
    let mut report = Report {
        kind: kind.code(),
        read_as: format!("This file was read as {}.", kind.described()),
        notes,
        ..Report::default()
    };
    match outcome {
        Ok(imported) => {
            report.facts = facts(&imported.summary, &dated);
            report.notes.extend(summary_notes(&imported.summary));
            let json = imported.to_json();
            // The import has loaded its catalogue as the widget will: load it again only to list
            // the warnings it counted.
            if imported.summary.validation_warnings > 0 {
                check(&mut report, &json, progress);
            } else {
                report.clinics = imported.catalogue.clinics.len();
            }
            report.made = true;
            report.catalogue = Some(json);
        }
        Err(e) => {
            report.errors = e.problems.len();
            report.groups = group_lines(&e.problems);
        }
    }
    cap_notes(&mut report.notes);
    report
}

/// The report on a catalogue JSON file: the file itself is what gets published.
pub fn from_catalogue(text: String, notes: Vec<String>, progress: Progress) -> Report {
    let mut report = Report {
        kind: Kind::Catalogue.code(),
        read_as: format!("This file was read as {}.", Kind::Catalogue.described()),
        notes,
        ..Report::default()
    };
    if check(&mut report, &text, progress) {
        report.made = true;
        report.catalogue = Some(text);
    }
    report
}

/// Loads `json` as the widget does, in batches (so progress can be told), filling in the counts
/// and the problems. False when nothing could be loaded.
fn check(report: &mut Report, json: &str, progress: Progress) -> bool {
    let mut loader = match Loader::new(json) {
        Ok(loader) => loader,
        Err(whole_file) => {
            report.errors = 1;
            report.groups = group_diagnostics(&[whole_file]);
            return false;
        }
    };
    let total = loader.total();
    let mut done = 0;
    while loader.next_batch(500) {
        done = (done + 500).min(total);
        progress(done, total);
    }
    progress(total, total);
    let loaded = loader.finish();
    report.clinics = loaded.clinics.len();
    report.errors = loaded.errors();
    report.warnings = loaded.diagnostics.len() - report.errors;
    report.groups = group_diagnostics(&loaded.diagnostics);
    true
}

/// The labels of the page's checkboxes (workshop/www/index.html), named where the report says what
/// they change.
const KEEP_NON_OPIOID: &str = "Keep services that say they do not treat opioid addiction";
const KEEP_INFO: &str = "Keep FindTreatment.gov’s information-only codes";

fn facts(summary: &Summary, dated: &Dated) -> Vec<String> {
    let mut facts = vec![format!(
        "{} rows read (not counting the header row).",
        summary.rows_read
    )];
    if summary.rows_merged > 0 {
        facts.push(format!(
            "{} rows were other listings of a site already read, and were merged into it.",
            summary.rows_merged
        ));
    }
    if !summary.skipped.is_empty() {
        facts.push(format!("{} rows were left out (see the notes).", summary.skipped.len()));
    }
    facts.push(match dated {
        Dated::Given => "The catalogue is dated with the date you gave.".into(),
        Dated::FromFileName(d) => format!("The catalogue is dated {d}, the date in the file name."),
        Dated::FromRows => "The catalogue is dated by the newest date in the last_verified column. \
             If the list was checked since, set the date above and read the file again."
            .into(),
    });
    facts
}

fn summary_notes(summary: &Summary) -> Vec<String> {
    let mut notes = Vec::new();
    let mut reasons: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for s in &summary.skipped {
        reasons.entry(&s.reason).or_default().push(s.row);
    }
    for (reason, rows) in reasons {
        let shown: Vec<String> = rows.iter().take(10).map(usize::to_string).collect();
        let more = if rows.len() > 10 { ", …" } else { "" };
        // The importer names the command line's option; the page has a checkbox for it.
        let reason = reason.replace(
            "--keep-non-opioid keeps such sites",
            &format!("“{KEEP_NON_OPIOID}” keeps them"),
        );
        notes.push(format!(
            "{} rows left out: {reason} (rows {}{more}).",
            rows.len(),
            shown.join(", ")
        ));
    }
    if !summary.unmapped.is_empty() {
        let codes: Vec<String> = summary
            .unmapped
            .iter()
            .map(|(code, n)| format!("{code} ({n})"))
            .collect();
        let what = match summary.info_left_out {
            true => format!(
                "Service codes that are information only (no filter, never shown to families), left out of the \
                 catalogue (“{KEEP_INFO}” keeps them)"
            ),
            false => "Service codes the widget has no filter for, kept with each clinic".into(),
        };
        notes.push(format!("{what}: {}.", codes.join(", ")));
    }
    notes.extend(summary.notes.iter().map(|n| sentence(n)));
    notes
}

fn cap_notes(notes: &mut Vec<String>) {
    if notes.len() > MAX_NOTES {
        let more = notes.len() - MAX_NOTES;
        notes.truncate(MAX_NOTES);
        notes.push(format!(
            "… and {more} more notes. The command-line tool lists them all: clinic-catalogue import."
        ));
    }
}

/// Starts with a capital and ends with a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with(['.', '!', '?', ')']) {
        out.push('.');
    }
    out
}

/// Diagnostics grouped by clinic (whole-file problems first), as `clinic-catalogue validate` lists them.
fn group_diagnostics(diagnostics: &[Diagnostic]) -> Vec<Group> {
    let mut groups: Vec<(Option<usize>, Group)> = Vec::new();
    for d in diagnostics {
        let index = d.record.as_ref().map(|r| r.index);
        let title = match &d.record {
            None => "The whole file".to_string(),
            Some(r) => match &r.id {
                Some(id) => format!("Clinic {} (id \u{201c}{id}\u{201d})", r.index + 1),
                None => format!("Clinic {} (no id)", r.index + 1),
            },
        };
        let expected = d
            .expected
            .as_ref()
            .map(|e| format!(" Expected: {e}."))
            .unwrap_or_default();
        let field = d.path.split_once("].").map_or(d.path.as_str(), |(_, rest)| rest);
        let problem = Problem {
            severity: if d.severity == Severity::Error {
                "error"
            } else {
                "warning"
            },
            field: Some(field.to_string()),
            message: format!("{}{expected}", sentence(&d.message)),
        };
        match groups.iter_mut().find(|(i, _)| *i == index) {
            Some((_, g)) => g.problems.push(problem),
            None => groups.push((
                index,
                Group {
                    title,
                    problems: vec![problem],
                },
            )),
        }
    }
    groups.sort_by_key(|(i, _)| i.map_or(0, |i| i + 1));
    groups.into_iter().map(|(_, g)| g).collect()
}

/// Import problems ("row 5, column town: …") grouped by row; the others under the whole file.
fn group_lines(problems: &[String]) -> Vec<Group> {
    let mut groups: Vec<(usize, Group)> = Vec::new();
    for p in problems {
        let (row, field, message) = split_problem(p);
        let title = match row {
            0 => "The whole file".to_string(),
            1 => "Row 1 (the header row)".to_string(),
            n => format!("Row {n}"),
        };
        let problem = Problem {
            severity: "error",
            field,
            message: sentence(message),
        };
        match groups.iter_mut().find(|(r, _)| *r == row) {
            Some((_, g)) => g.problems.push(problem),
            None => groups.push((
                row,
                Group {
                    title,
                    problems: vec![problem],
                },
            )),
        }
    }
    groups.sort_by_key(|(r, _)| *r);
    groups.into_iter().map(|(_, g)| g).collect()
}

/// "row 5, column town: message" → (5, Some("town"), "message"); row 0 when no row is named.
fn split_problem(problem: &str) -> (usize, Option<String>, &str) {
    let Some(rest) = problem.strip_prefix("row ") else {
        return (0, None, problem);
    };
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let Ok(row) = rest[..digits].parse::<usize>() else {
        return (0, None, problem);
    };
    let rest = &rest[digits..];
    let (place, message) = rest.split_once(": ").unwrap_or((rest, ""));
    let field = place.strip_prefix(", column ").map(str::to_string);
    (row, field, if message.is_empty() { problem } else { message })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_problems_are_split_by_row_and_column() {
        assert_eq!(
            split_problem("row 5, column town: is empty"),
            (5, Some("town".into()), "is empty")
        );
        assert_eq!(
            split_problem("row 1: the header has no \"town\" column"),
            (1, None, "the header has no \"town\" column")
        );
        assert_eq!(
            split_problem("the file has no clinic rows"),
            (0, None, "the file has no clinic rows")
        );
        let groups = group_lines(&[
            "row 7: b".into(),
            "row 3, column x: a".into(),
            "whole".into(),
            "row 7, column y: c".into(),
        ]);
        let titles: Vec<&str> = groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["The whole file", "Row 3", "Row 7"]);
        assert_eq!(groups[2].problems.len(), 2);
        assert_eq!(groups[2].problems[1].message, "C.");
    }
}

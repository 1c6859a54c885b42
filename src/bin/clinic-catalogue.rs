//! `clinic-catalogue`: the site owner's tool to check and inspect a catalogue, and to print its
//! JSON Schema. Native only; never part of the browser bundle.
//!
//!   clinic-catalogue validate clinics.json [--json]
//!   clinic-catalogue stats clinics.json
//!   clinic-catalogue schema > catalogue.schema.json
//!   clinic-catalogue import findtreatment EXPORT.csv [-o catalogue.json] [--updated YYYY-MM-DD]
//!       [--keep-non-opioid] [--keep-info] [--pretty]
//!   clinic-catalogue import csv FILE.csv [-o catalogue.json] [--updated YYYY-MM-DD] [--pretty]
//!   clinic-catalogue glossary en > glossary.en.json   (the widget's text file; scripts/build.sh)
//!   clinic-catalogue places clinics.json [--fill [-o filled.json]]

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    /// Like `println!`, but a closed pipe (`clinic-catalogue schema | head`) is not a panic.
    macro_rules! out {
        ($($arg:tt)*) => {{
            use std::io::Write as _;
            let _ = writeln!(std::io::stdout(), $($arg)*);
        }};
    }
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use clap::{Parser, Subcommand};
    use clinic_compare::catalogue::vocabulary::{term, Group, Locale};
    use clinic_compare::catalogue::{load, schema_json, Diagnostic, Loaded, Severity};
    use clinic_compare::import::places::Missing;
    use clinic_compare::search::places::{Gazetteer, Precision};
    use clinic_compare::search::{facet_group, facet_values, FACETS};

    #[derive(Parser)]
    #[command(
        name = "clinic-catalogue",
        version,
        about = "Check and inspect a clinic-compare catalogue"
    )]
    struct Args {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Check a catalogue: lists every problem by record and field; exit code 1 on errors.
        Validate {
            file: PathBuf,
            /// Machine-readable output.
            #[arg(long)]
            json: bool,
        },
        /// Print the catalogue's JSON Schema.
        Schema,
        /// Count clinics per country and per vocabulary value.
        Stats { file: PathBuf },
        /// Build a catalogue from a CSV file; prints a summary to stderr, exit code 1 on failure.
        Import {
            #[command(subcommand)]
            source: ImportSource,
        },
        /// List the clinics without coordinates and where the widget's place files (UK postcodes, US
        /// ZIP codes, towns) put them, saying how approximate each is; --fill writes them in.
        Places {
            file: PathBuf,
            /// Write the coordinates found into the catalogue; nothing else in it changes.
            #[arg(long)]
            fill: bool,
            /// Where --fill writes the catalogue (default: standard output; may be the file itself).
            #[arg(short, long, requires = "fill")]
            output: Option<PathBuf>,
        },
        /// Print the widget's glossary file for a language (the explanations it loads on demand).
        Glossary {
            /// The language: en.
            language: String,
        },
    }

    #[derive(Subcommand)]
    enum ImportSource {
        /// A FindTreatment.gov (SAMHSA) facility-listing CSV export.
        Findtreatment {
            file: PathBuf,
            /// Where to write the catalogue (default: standard output).
            #[arg(short, long)]
            output: Option<PathBuf>,
            /// The export date, YYYY-MM-DD; required when the file name carries none.
            #[arg(long, alias = "date")]
            updated: Option<String>,
            /// Keep sites that say they do not treat opioid use disorder (flagged for families).
            #[arg(long)]
            keep_non_opioid: bool,
            /// Keep the information-only codes (clinical detail that is not a filter) on each clinic.
            #[arg(long)]
            keep_info: bool,
            /// Indented JSON (default: compact).
            #[arg(long)]
            pretty: bool,
        },
        /// A spreadsheet saved as CSV, one row per clinic (see docs/catalogue.md and data/clinics-template.csv).
        Csv {
            file: PathBuf,
            /// Where to write the catalogue (default: standard output).
            #[arg(short, long)]
            output: Option<PathBuf>,
            /// Publisher name (default: the file name).
            #[arg(long)]
            publisher: Option<String>,
            /// Date the list was last checked, YYYY-MM-DD. Without it: the date in the file name,
            /// else the newest last_verified in the rows; the import fails when there is none.
            #[arg(long, alias = "updated")]
            date: Option<String>,
            /// Indented JSON (default: compact).
            #[arg(long)]
            pretty: bool,
        },
    }

    fn read(path: &Path) -> Result<String, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(format!("{} is saved as UTF-16; save it as UTF-8", path.display()));
        }
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "{} is not UTF-8 text (first bad byte at {}); save it as UTF-8",
                path.display(),
                e.utf8_error().valid_up_to()
            )
        })
    }

    pub fn main() -> ExitCode {
        let args = Args::parse();
        match args.command {
            Command::Schema => {
                out!("{}", schema_json());
                ExitCode::SUCCESS
            }
            Command::Validate { file, json } => validate(&file, json),
            Command::Stats { file } => stats(&file),
            Command::Import { source } => import(source),
            Command::Places { file, fill, output } => places(&file, fill, output.as_deref()),
            Command::Glossary { language } => match clinic_compare::catalogue::glossary::file_json(&language) {
                Some(json) => {
                    out!("{json}");
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!("clinic-catalogue: no glossary for the language \"{language}\" (known: en, es)");
                    ExitCode::FAILURE
                }
            },
        }
    }

    fn import(source: ImportSource) -> ExitCode {
        let (file, output, pretty) = match &source {
            ImportSource::Findtreatment {
                file, output, pretty, ..
            }
            | ImportSource::Csv {
                file, output, pretty, ..
            } => (file, output, *pretty),
        };
        let imported = match imported(file, &source) {
            Ok(imported) => imported,
            Err(e) => {
                eprintln!("{}: import failed:\n{e}", file.display());
                return ExitCode::FAILURE;
            }
        };
        let json = if pretty {
            imported.to_json_pretty()
        } else {
            imported.to_json()
        };
        let written = write_catalogue(output.as_deref(), &json);
        eprintln!("{}:\n{}", file.display(), imported.summary);
        match written {
            Ok(()) => {
                if let Some(path) = output {
                    eprintln!("written to {}", path.display());
                }
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        }
    }

    /// The file read, decoded and imported by the importer its source names.
    fn imported(
        file: &Path,
        source: &ImportSource,
    ) -> Result<clinic_compare::import::Imported, clinic_compare::import::ImportError> {
        use clinic_compare::import::{decode, findtreatment, spreadsheet, ImportError};
        let bytes = std::fs::read(file).map_err(|e| ImportError::new(format!("cannot read it: {e}")))?;
        let text = decode(&bytes)?;
        match source {
            ImportSource::Findtreatment {
                updated,
                keep_non_opioid,
                keep_info,
                ..
            } => {
                let export_date = updated
                    .clone()
                    .or_else(|| findtreatment::export_date_from_file_name(&file.file_name()?.to_string_lossy()));
                let options = findtreatment::Options {
                    export_date,
                    keep_non_opioid: *keep_non_opioid,
                    keep_info: *keep_info,
                };
                findtreatment::import(&text, &options)
            }
            ImportSource::Csv { publisher, date, .. } => {
                let name = publisher.clone().unwrap_or_else(|| {
                    file.file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_else(|| "Clinic catalogue".into())
                });
                spreadsheet::import(
                    &text,
                    &spreadsheet::Options {
                        publisher: name,
                        updated: date.clone().or_else(|| {
                            findtreatment::export_date_from_file_name(&file.file_name()?.to_string_lossy())
                        }),
                    },
                )
            }
        }
    }

    /// The catalogue written to `output`, or to standard output.
    fn write_catalogue(output: Option<&Path>, json: &str) -> Result<(), String> {
        match output {
            Some(path) => std::fs::write(path, json).map_err(|e| format!("cannot write {}: {e}", path.display())),
            None => {
                use std::io::Write;
                std::io::stdout()
                    .write_all(json.as_bytes())
                    .map_err(|e| format!("cannot write the catalogue: {e}"))
            }
        }
    }

    /// The place files the widget fetches (data/places/), built in: the tool works anywhere.
    fn place_files() -> Vec<Gazetteer> {
        [
            include_str!("../../data/places/places-gb.txt"),
            include_str!("../../data/places/places-us.txt"),
        ]
        .into_iter()
        .filter_map(|text| Gazetteer::decode(text).ok())
        .collect()
    }

    fn places(file: &Path, fill: bool, output: Option<&Path>) -> ExitCode {
        use clinic_compare::import::places::{fill as fill_in, missing_coordinates};
        let parsed = read(file).and_then(|text| {
            let value: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| format!("{}: not JSON: {e}", file.display()))?;
            Ok((text, value))
        });
        let (text, catalogue) = match parsed {
            Ok(parsed) => parsed,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::FAILURE;
            }
        };
        let files = place_files();
        let missing = missing_coordinates(&catalogue, &files.iter().collect::<Vec<_>>());
        let clinics = catalogue["clinics"].as_array().map_or(0, Vec::len);
        // The report goes to standard error when the catalogue goes to standard output.
        let report = places_report(file, clinics, &missing, fill);
        if !fill {
            out!("{report}");
            return ExitCode::SUCCESS;
        }
        eprintln!("{report}");
        let written = fill_in(&text, &missing).and_then(|(filled, _)| match output {
            Some(path) => std::fs::write(path, filled).map_err(|e| format!("cannot write {}: {e}", path.display())),
            None => {
                use std::io::Write;
                std::io::stdout()
                    .write_all(filled.as_bytes())
                    .map_err(|e| e.to_string())
            }
        });
        match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        }
    }

    /// One entry per clinic without coordinates (where it would go and how approximate that is, or
    /// why it cannot be placed), then the counts.
    fn places_report(file: &Path, clinics: usize, missing: &[Missing], fill: bool) -> String {
        let mut lines = vec![format!(
            "{}: {} of {clinics} clinics have no usable coordinates (lat and lon).",
            file.display(),
            missing.len()
        )];
        let mut kinds: BTreeMap<Precision, usize> = BTreeMap::new();
        for m in missing {
            lines.push(format!(
                "\nClinic #{} ({}) {}: {}",
                m.index + 1,
                m.id,
                m.name,
                m.address
            ));
            match &m.fill {
                Ok((place, precision)) => {
                    *kinds.entry(*precision).or_default() += 1;
                    let (lat, lon) = place.point;
                    lines.push(format!("  {lat:.3}, {lon:.3}  {}", place.label));
                    lines.push(format!("  from the {}", precision.describe()));
                }
                Err(why) => lines.push(format!("  not placed: {why}")),
            }
        }
        let placed: usize = kinds.values().sum();
        let by_kind: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} from a {}", k.name())).collect();
        let verb = if fill { "placed" } else { "can be placed" };
        let mut summary = format!("\n{placed} {verb}");
        if !by_kind.is_empty() {
            summary += &format!(" ({})", by_kind.join(", "));
        }
        summary += &match missing.len() - placed {
            0 => ".".to_string(),
            n => format!("; {n} cannot: give each a postcode or ZIP code, or its county or state."),
        };
        lines.push(summary);
        if !fill && placed > 0 {
            lines.push("Run again with --fill -o FILE to write them in.".into());
        }
        lines.join("\n")
    }

    fn validate(file: &Path, json: bool) -> ExitCode {
        let outcome = read(file).and_then(|text| load(&text).map_err(|d| d.to_string()));
        if json {
            let report = match &outcome {
                Ok(loaded) => serde_json::json!({
                    "file": file.display().to_string(),
                    "valid": loaded.errors() == 0,
                    "clinics_loaded": loaded.clinics.len(),
                    "errors": loaded.errors(),
                    "warnings": loaded.diagnostics.len() - loaded.errors(),
                    "diagnostics": loaded.diagnostics,
                }),
                Err(message) => serde_json::json!({
                    "file": file.display().to_string(),
                    "valid": false,
                    "clinics_loaded": 0,
                    "errors": 1,
                    "warnings": 0,
                    "diagnostics": [{ "severity": "error", "path": "(file)", "message": message }],
                }),
            };
            out!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        } else {
            match &outcome {
                Ok(loaded) => print_report(file, loaded),
                Err(message) => eprintln!("{}: {message}\n\nNothing could be loaded.", file.display()),
            }
        }
        match outcome {
            Ok(loaded) if loaded.errors() == 0 => ExitCode::SUCCESS,
            _ => ExitCode::FAILURE,
        }
    }

    fn print_report(file: &Path, loaded: &Loaded) {
        let mut by_record: BTreeMap<Option<usize>, Vec<&Diagnostic>> = BTreeMap::new();
        for d in &loaded.diagnostics {
            by_record.entry(d.record.as_ref().map(|r| r.index)).or_default().push(d);
        }
        for (record, items) in &by_record {
            match record {
                None => out!("\nWhole file:"),
                Some(i) => {
                    let id = items[0]
                        .record
                        .as_ref()
                        .and_then(|r| r.id.clone())
                        .unwrap_or_else(|| "no id".into());
                    out!("\nClinic #{} ({id}):", i + 1);
                }
            }
            for d in items {
                let mark = if d.severity == Severity::Error {
                    "error  "
                } else {
                    "warning"
                };
                let expected = d
                    .expected
                    .as_ref()
                    .map(|e| format!(" (expected {e})"))
                    .unwrap_or_default();
                out!("  {mark} {}: {}{expected}", d.path, d.message);
            }
        }
        let errors = loaded.errors();
        out!(
            "\n{}: {} clinics loaded, {errors} error{}, {} warning{}.",
            file.display(),
            loaded.clinics.len(),
            if errors == 1 { "" } else { "s" },
            loaded.diagnostics.len() - errors,
            if loaded.diagnostics.len() - errors == 1 {
                ""
            } else {
                "s"
            },
        );
        if errors > 0 {
            out!("Records with errors are skipped by the widget; the others are shown.");
        }
    }

    fn stats(file: &Path) -> ExitCode {
        let loaded = match read(file).and_then(|text| load(&text).map_err(|d| d.to_string())) {
            Ok(l) => l,
            Err(message) => {
                eprintln!("{}: {message}", file.display());
                return ExitCode::FAILURE;
            }
        };
        out!(
            "{} clinics ({} problems; run `validate` for details)",
            loaded.clinics.len(),
            loaded.diagnostics.len()
        );
        for facet in FACETS {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for c in &loaded.clinics {
                for v in facet_values(c, facet) {
                    *counts.entry(v).or_default() += 1;
                }
            }
            if counts.is_empty() {
                continue;
            }
            out!("\n{facet}:");
            let mut rows: Vec<_> = counts.into_iter().collect();
            rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            for (value, n) in rows {
                let label = facet_group(facet)
                    .and_then(|g| term(g, value.split('/').next().unwrap_or(&value)).map(|t| (g, t)))
                    .filter(|(g, _)| *g != Group::Medication || !value.contains('/'))
                    .map(|(_, t)| format!("  {}", t.label(Locale::EnGb)))
                    .unwrap_or_default();
                out!("  {n:>6}  {value}{label}");
            }
        }
        ExitCode::SUCCESS
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

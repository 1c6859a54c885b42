//! Writes a seeded synthetic catalogue for the benchmarks:
//! `cargo run --release --example synth -- <clinics> <seed> <out-dir>` creates
//! `<out-dir>/catalogue-<clinics>.json` (the widget's format), `<out-dir>/items-<clinics>.json`
//! (each clinic's facet values, flattened for ItemsJS) and `<out-dir>/queries.json`.

// Native only: it writes files (and serde_json is a native dependency).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/synth.rs"]
mod synth;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::synth;
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use clinic_compare::catalogue::Clinic;
    use clinic_compare::search::{facet_values, FACETS};

    pub fn main() -> Result<(), Box<dyn std::error::Error>> {
        let mut args = std::env::args().skip(1);
        let n: usize = args.next().as_deref().unwrap_or("20000").parse()?;
        let seed: u64 = args.next().as_deref().unwrap_or("42").parse()?;
        let dir = PathBuf::from(args.next().unwrap_or_else(|| "target/bench/data".into()));
        std::fs::create_dir_all(&dir)?;
        let catalogue = synth::catalogue(n, seed);
        let write = |name: String, json: String| -> std::io::Result<()> {
            let path = dir.join(name);
            std::fs::write(&path, json)?;
            eprintln!("wrote {}", path.display());
            Ok(())
        };
        write(format!("catalogue-{n}.json"), serde_json::to_string(&catalogue)?)?;
        write(
            format!("items-{n}.json"),
            serde_json::to_string(&flat_items(&catalogue.clinics))?,
        )?;
        write(
            "queries.json".into(),
            serde_json::to_string_pretty(&synth::bench_queries())?,
        )?;
        Ok(())
    }

    /// Each clinic flattened to its facet values, exactly as the index sees them: the input for
    /// engines (ItemsJS) that cannot read the nested catalogue.
    fn flat_items(clinics: &[Clinic]) -> Vec<BTreeMap<&'static str, serde_json::Value>> {
        clinics
            .iter()
            .map(|c| {
                let mut item: BTreeMap<&'static str, serde_json::Value> = FACETS
                    .iter()
                    .map(|&f| (f, serde_json::Value::from(facet_values(c, f))))
                    .collect();
                item.insert("id", c.id.clone().into());
                item.insert("name", c.name.clone().into());
                item
            })
            .collect()
    }
}

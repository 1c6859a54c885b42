//! Writes a seeded synthetic catalogue for the benchmarks:
//! `cargo run --release --example synth -- <clinics> <seed> <out-dir>` creates
//! `<out-dir>/catalogue-<clinics>.json` (the widget's format), `<out-dir>/items-<clinics>.json`
//! (each clinic's facet values, flattened for ItemsJS) and `<out-dir>/queries.json`.

use std::path::PathBuf;

use clinic_compare::search::synth;

fn main() -> Result<(), Box<dyn std::error::Error>> {
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
        serde_json::to_string(&synth::flat_items(&catalogue.clinics))?,
    )?;
    write(
        "queries.json".into(),
        serde_json::to_string_pretty(&synth::bench_queries())?,
    )?;
    Ok(())
}

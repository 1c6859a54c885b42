//! Search engine benchmark on seeded synthetic catalogues (1k, 20k, 100k clinics).
//!
//! First a percentile report (what the targets are stated in): index build time, query
//! time with every facet count (p50/p95 over the shared query mix, the same one ItemsJS runs in
//! `bench/itemsjs/`), text/place/sort scenarios, and the bytes the index holds, counted by a
//! global allocator. The report is printed and written to `target/bench/search-native.json`.
//! Then criterion's own statistics for build and query at 20k, unless `SEARCH_BENCH_QUICK=1`.
//!
//! `SEARCH_BENCH_SIZES=1000,20000` narrows the sizes; `bench/search.sh` runs this and ItemsJS.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/synth.rs"]
mod synth;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::hint::black_box;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    use super::synth::{self, BenchQuery};
    use clinic_compare::catalogue::Clinic;
    use clinic_compare::search::{Index, Query, Sort};
    use criterion::Criterion;

    /// Counts live heap bytes, so the index's footprint is measured rather than estimated.
    struct Counting;

    static LIVE: AtomicUsize = AtomicUsize::new(0);

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            LIVE.fetch_add(new_size, Ordering::Relaxed);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static GLOBAL: Counting = Counting;

    fn live() -> usize {
        LIVE.load(Ordering::Relaxed)
    }

    const SEED: u64 = 42;

    /// Searches beyond facet clicks: typed text (with a typo), a place with a radius, bounds, sorts.
    fn scenarios(index: &Index) -> Vec<(&'static str, Query)> {
        let manchester = index.resolve_place("Manchester");
        vec![
            (
                "text 'manchster' (typo)",
                Query {
                    text: "manchster".into(),
                    ..Query::default()
                },
            ),
            (
                "text 'oak recov'",
                Query {
                    text: "oak recov".into(),
                    ..Query::default()
                },
            ),
            (
                "50 km of Manchester, nearest",
                Query {
                    point: manchester,
                    radius_km: Some(50.0),
                    sort: Sort::Nearest,
                    ..Query::default()
                },
            ),
            (
                "nearest to a point, no radius",
                Query {
                    point: Some((52.5, -1.9)),
                    sort: Sort::Nearest,
                    ..Query::default()
                },
            ),
            (
                "max £1000/week + ≤60 days, by price",
                Query {
                    max_price: Some(1000.0),
                    max_days: Some(60),
                    sort: Sort::LowestPrice,
                    ..Query::default()
                },
            ),
            (
                "nothing selected, recently verified",
                Query {
                    sort: Sort::RecentlyVerified,
                    ..Query::default()
                },
            ),
        ]
    }

    fn percentiles(mut samples: Vec<Duration>) -> (f64, f64) {
        samples.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let at = |p: usize| ms(samples[(samples.len() * p / 100).min(samples.len() - 1)]);
        (at(50), at(95))
    }

    /// Runs `run` until about `budget` has passed (and at least `min` times), one sample per call.
    fn sample(budget: Duration, min: usize, mut run: impl FnMut()) -> Vec<Duration> {
        let start = Instant::now();
        let mut out = Vec::new();
        while out.len() < min || start.elapsed() < budget {
            let t = Instant::now();
            run();
            out.push(t.elapsed());
            if out.len() >= 100_000 {
                break;
            }
        }
        out
    }

    fn sizes() -> Vec<usize> {
        std::env::var("SEARCH_BENCH_SIZES")
            .ok()
            .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .unwrap_or_else(|| vec![1_000, 20_000, 100_000])
    }

    fn report() -> serde_json::Value {
        let queries = synth::bench_queries();
        let mut sizes_out = Vec::new();
        println!(
            "search engine, native ({} queries in the mix, seed {SEED})",
            queries.len()
        );
        for n in sizes() {
            let before_catalogue = live();
            let clinics: Vec<Clinic> = synth::catalogue(n, SEED).clinics;
            let catalogue_bytes = live() - before_catalogue;

            let builds = sample(Duration::from_secs(2), 3, || {
                black_box(Index::build(black_box(&clinics)));
            });
            let (build_p50, _) = percentiles(builds);

            let before_index = live();
            let index = Index::build(&clinics);
            let index_bytes = live() - before_index;

            // Every query of the mix, interleaved, so caches see a realistic sequence.
            let parsed: Vec<Query> = queries.iter().map(BenchQuery::query).collect();
            let mut per_query: Vec<Vec<Duration>> = vec![Vec::new(); parsed.len()];
            let rounds = (2_000_000 / n).clamp(20, 2000);
            for _ in 0..rounds {
                for (k, q) in parsed.iter().enumerate() {
                    let t = Instant::now();
                    black_box(index.search(black_box(q)));
                    per_query[k].push(t.elapsed());
                }
            }
            let all: Vec<Duration> = per_query.iter().flatten().copied().collect();
            let (mix_p50, mix_p95) = percentiles(all);
            println!(
                "\n{n} clinics: build {build_p50:.2} ms · index {:.1} MB (+ catalogue {:.1} MB) · query mix p50 {mix_p50:.3} ms p95 {mix_p95:.3} ms",
                index_bytes as f64 / 1e6,
                catalogue_bytes as f64 / 1e6
            );
            let mut query_rows = Vec::new();
            for (b, samples) in queries.iter().zip(per_query) {
                let total = index.search(&b.query()).total();
                let (p50, p95) = percentiles(samples);
                println!("  {:<45} {total:>7} hits  p50 {p50:.3} ms  p95 {p95:.3} ms", b.name);
                query_rows.push(serde_json::json!({"name": b.name, "total": total, "p50_ms": p50, "p95_ms": p95}));
            }
            let mut scenario_rows = Vec::new();
            for (name, q) in scenarios(&index) {
                let total = index.search(&q).total();
                let samples = sample(Duration::from_millis(300), 10, || {
                    black_box(index.search(black_box(&q)));
                });
                let (p50, p95) = percentiles(samples);
                println!("  {name:<45} {total:>7} hits  p50 {p50:.3} ms  p95 {p95:.3} ms");
                scenario_rows.push(serde_json::json!({"name": name, "total": total, "p50_ms": p50, "p95_ms": p95}));
            }
            let place_samples = sample(Duration::from_millis(200), 10, || {
                black_box(index.resolve_place(black_box("M1 2AB")));
                black_box(index.resolve_place(black_box("Worchester")));
                black_box(index.resolve_place(black_box("10001")));
            });
            let (place_p50, place_p95) = percentiles(place_samples);
            println!(
                "  {:<45}          p50 {place_p50:.3} ms  p95 {place_p95:.3} ms",
                "resolve 3 places"
            );
            sizes_out.push(serde_json::json!({
                "clinics": n,
                "build_ms": build_p50,
                "index_bytes": index_bytes,
                "catalogue_bytes": catalogue_bytes,
                "mix_p50_ms": mix_p50,
                "mix_p95_ms": mix_p95,
                "queries": query_rows,
                "scenarios": scenario_rows,
                "resolve_place_p50_ms": place_p50,
            }));
        }
        serde_json::json!({ "engine": "clinic-compare (native)", "seed": SEED, "sizes": sizes_out })
    }

    fn criterion_benches() {
        let clinics = synth::catalogue(20_000, SEED).clinics;
        let index = Index::build(&clinics);
        let queries: Vec<Query> = synth::bench_queries().iter().map(BenchQuery::query).collect();
        let mut c = Criterion::default()
            .configure_from_args()
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        c.bench_function("build index, 20k clinics", |b| {
            b.iter(|| Index::build(black_box(&clinics)))
        });
        c.bench_function("query mix with all counts, 20k clinics", |b| {
            b.iter(|| {
                for q in &queries {
                    black_box(index.search(black_box(q)));
                }
            })
        });
        c.final_summary();
    }

    pub fn main() {
        let report = report();
        std::fs::create_dir_all("target/bench").expect("target/bench");
        std::fs::write(
            "target/bench/search-native.json",
            serde_json::to_string_pretty(&report).expect("json"),
        )
        .expect("write report");
        println!("\nwrote target/bench/search-native.json");
        if std::env::var("SEARCH_BENCH_QUICK").is_ok_and(|v| v == "1") {
            return;
        }
        criterion_benches();
    }
}

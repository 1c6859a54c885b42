//! The search engine's speed in WebAssembly in headless Chromium, on the same synthetic catalogues
//! and query mix as the native and ItemsJS benchmarks. A benchmark, not a test: `make bench` runs it
//! (`cargo test --release --target wasm32-unknown-unknown --test wasm_bench`) and reads the lines
//! starting with `WASM-BENCH`.
#![cfg(target_arch = "wasm32")]

use clinic_compare::search::{Index, Query};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/synth.rs"]
mod synth;
use synth::{bench_queries, catalogue};

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[wasm_bindgen_test]
fn wasm_search_benchmark() {
    for n in [1_000usize, 20_000] {
        let clinics = catalogue(n, 42).clinics;
        // The whole build, and its part before the first results (the widget builds the text
        // part after they are painted).
        let (mut builds, mut facet_builds) = (Vec::new(), Vec::new());
        let mut index = Index::build(&clinics);
        for _ in 0..11 {
            // The previous index is freed outside the timing (assigning over it would count its
            // drop as part of the build; the widget builds one index per catalogue).
            drop(index);
            let t = now();
            index = Index::build_facets(&clinics);
            facet_builds.push(now() - t);
            index.build_text(&clinics);
            builds.push(now() - t);
        }
        builds.sort_by(f64::total_cmp);
        facet_builds.sort_by(f64::total_cmp);
        let queries: Vec<Query> = bench_queries().into_iter().map(|b| b.query()).collect();
        let mut times = Vec::new();
        for _ in 0..30 {
            for q in &queries {
                let t = now();
                let r = index.search(q);
                times.push(now() - t);
                assert!(r.total() <= n);
            }
        }
        times.sort_by(f64::total_cmp);
        let line = format!(
            "WASM-BENCH {{\"clinics\":{n},\"min_ms\":{:.2},\"facets_min_ms\":{:.2},\"build_ms\":{:.2},\"facets_build_ms\":{:.2},\"query_p50_ms\":{:.3},\"query_p95_ms\":{:.3}}}",
            builds[0],
            facet_builds[0],
            percentile(&builds, 0.5),
            percentile(&facet_builds, 0.5),
            percentile(&times, 0.5),
            percentile(&times, 0.95)
        );
        web_sys::console::log_1(&line.clone().into());
        wasm_bindgen_test::console_log!("{line}");
    }
}

//! `make bench`: run-months per second per core for each preset at 36
//! months, the full path a worker takes (simulate + fold into the summary).
//!
//! "Per core" divides by the CPU time of this thread where Linux reports it
//! (/proc/thread-self/schedstat), so a busy machine does not make the engine
//! look slower than it is; elsewhere it falls back to wall-clock time.

use std::time::Instant;

use salesim::sim::compare::{compare_chunk, prepare_comparison};
use salesim::sim::model::Prepared;
use salesim::sim::presets;
use salesim::sim::run::run_chunk;

const MONTHS: u32 = 36;
const TARGET: f64 = 1_000_000.0;

fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

/// Seconds of CPU (or wall clock) that `work` takes.
fn measure(work: impl FnOnce()) -> (f64, &'static str) {
    let cpu_start = thread_cpu_seconds();
    let wall_start = Instant::now();
    work();
    let wall = wall_start.elapsed().as_secs_f64();
    match (cpu_start, thread_cpu_seconds()) {
        (Some(start), Some(end)) if end > start => (end - start, "cpu"),
        _ => (wall, "wall"),
    }
}

fn main() {
    let runs: u64 = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    println!("salesim engine benchmark: {runs} runs × {MONTHS} months per preset, one thread");
    println!("{:<26} {:>18} {:>10}", "preset", "run-months/s/core", "clock");
    // BENCH_PRESET=id measures one preset (handy under valgrind --tool=callgrind)
    let only = std::env::var("BENCH_PRESET").ok();
    let mut default_rate = None;
    for preset in presets::all()
        .into_iter()
        .filter(|p| only.as_deref().is_none_or(|id| id == p.id))
    {
        let mut scenario = preset.scenario.clone();
        scenario.months = MONTHS;
        let prepared = Prepared::new(&scenario);
        // warm up caches and the allocator
        let _ = run_chunk(&prepared, 1, 0..200);
        let (seconds, clock) = measure(|| {
            let summary = run_chunk(&prepared, 1, 0..runs);
            assert_eq!(summary.runs, runs);
        });
        let rate = (runs * u64::from(MONTHS)) as f64 / seconds;
        default_rate.get_or_insert(rate);
        println!("{:<26} {:>18.0} {:>10}", preset.id, rate, clock);
    }
    let generalist = presets::find("generalist").map(|p| p.scenario);
    let restructure = presets::find("restructure").map(|p| p.scenario);
    if let (Some(a), Some(b), None) = (generalist, restructure, &only) {
        let prepared = prepare_comparison(&a, &[b]);
        let pairs = runs / 4;
        let (seconds, clock) = measure(|| {
            let _ = compare_chunk(&prepared, 1, 0..pairs);
        });
        // each of the two scenarios is simulated once per run, for its summary and the pairing
        let rate = (pairs * u64::from(MONTHS) * 2) as f64 / seconds;
        println!("{:<26} {:>18.0} {:>10}", "compare (2 scenarios)", rate, clock);
    }
    if let Some(rate) = default_rate {
        let verdict = if rate >= TARGET { "meets" } else { "misses" };
        println!("default preset (generalist): {rate:.0} run-months/s/core — {verdict} the bar of {TARGET:.0}");
    }
}

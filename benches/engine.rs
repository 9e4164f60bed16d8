//! `make bench`: run-months per second per core for each preset at 36
//! months, the full path a worker takes (simulate + fold into the summary).
//!
//! "Per core" divides by the CPU time of this thread where Linux reports it
//! (/proc/thread-self/schedstat), so a busy machine does not make the engine
//! look slower than it is; elsewhere it falls back to wall-clock time. Each
//! figure is measured five times: a shared virtual machine's speed moves by
//! a fifth or more from one second to the next, so the best (the engine
//! undisturbed) and the median are both printed.

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

/// Measurements per figure, unless `BENCH_REPETITIONS` says otherwise.
const REPETITIONS: usize = 5;

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Rates (run-months per second) of `repetitions` measurements, sorted.
fn rates(run_months: u64, repetitions: usize, mut work: impl FnMut()) -> (Vec<f64>, &'static str) {
    let mut clock = "cpu";
    let mut rates: Vec<f64> = (0..repetitions.max(1))
        .map(|_| {
            let (seconds, used) = measure(&mut work);
            clock = used;
            run_months as f64 / seconds
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    (rates, clock)
}

fn print_row(label: &str, rates: &[f64], clock: &str) {
    let best = rates[rates.len() - 1];
    let median = rates[rates.len() / 2];
    println!("{label:<26} {best:>12.0} {median:>12.0} {clock:>6}");
}

fn main() {
    let runs: u64 = env_number("BENCH_RUNS", 10_000);
    let repetitions: usize = env_number("BENCH_REPETITIONS", REPETITIONS);
    println!(
        "salesim engine benchmark: {runs} runs × {MONTHS} months per preset, one thread, best and median of {repetitions}"
    );
    println!("{:<26} {:>12} {:>12} {:>6}", "preset", "best", "median", "clock");
    println!("{:<26} {:>25}", "", "(run-months/s/core)");
    // BENCH_PRESET=id measures one preset (handy under valgrind --tool=callgrind)
    let only = std::env::var("BENCH_PRESET").ok();
    let mut default_rates = None;
    for preset in presets::all()
        .into_iter()
        .filter(|p| only.as_deref().is_none_or(|id| id == p.id))
    {
        let mut scenario = preset.scenario.clone();
        scenario.months = MONTHS;
        let prepared = Prepared::new(&scenario);
        // warm up caches and the allocator
        let _ = run_chunk(&prepared, 1, 0..200);
        let (rates, clock) = rates(runs * u64::from(MONTHS), repetitions, || {
            let summary = run_chunk(&prepared, 1, 0..runs);
            assert_eq!(summary.runs, runs);
        });
        print_row(preset.id, &rates, clock);
        default_rates.get_or_insert(rates);
    }
    let generalist = presets::find("generalist").map(|p| p.scenario);
    let restructure = presets::find("restructure").map(|p| p.scenario);
    if let (Some(a), Some(b), None) = (generalist, restructure, &only) {
        let prepared = prepare_comparison(&a, &[b]);
        let pairs = runs / 4;
        // each of the two scenarios is simulated once per run, for its summary and the pairing
        let (rates, clock) = rates(pairs * u64::from(MONTHS) * 2, repetitions, || {
            let _ = compare_chunk(&prepared, 1, 0..pairs);
        });
        print_row("compare (2 scenarios)", &rates, clock);
    }
    if let Some(rates) = default_rates {
        let (best, median) = (rates[rates.len() - 1], rates[rates.len() / 2]);
        let verdict = |rate: f64| if rate >= TARGET { "meets" } else { "misses" };
        println!(
            "default preset (generalist): best {best:.0} run-months/s/core {} the bar of {TARGET:.0}; median {median:.0} {} it",
            verdict(best),
            verdict(median)
        );
    }
}

//! The run plan: which runs of which scenarios go to the workers, in which
//! chunks. Pure, so that "every run exactly once" is tested natively.
//!
//! Chunks start small, so the first picture appears after a few hundred
//! runs, double while there is plenty left, and shrink towards the end
//! (each a share of what remains, as guided self-scheduling does), so the
//! workers finish together instead of one waiting for the other's last
//! large chunk.

use std::ops::Range;

use crate::protocol::{ChunkRequest, ScenarioText, WorkerRequest};
use crate::sim::scenario::Scenario;

/// The first chunk: 200 runs of three 36-month scenarios take about 50 ms
/// in one worker, within the first picture's 150 ms.
pub const FIRST_CHUNK_RUNS: u64 = 200;
/// The smallest later chunk: below this each chunk's fixed cost (its
/// summary is about the same size whatever its runs) outweighs its work.
pub const MIN_CHUNK_RUNS: u64 = 250;
/// The largest chunk: a million runs become 40 or more chunks, so progress
/// and the picture keep moving.
pub const MAX_CHUNK_RUNS: u64 = 25_000;

/// Splits runs `0..runs` into consecutive chunks for `workers` workers.
#[must_use]
pub fn chunk_ranges(runs: u64, workers: usize) -> Vec<Range<u64>> {
    let workers = workers.max(1) as u64;
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut size = FIRST_CHUNK_RUNS;
    while start < runs {
        let remaining = runs - start;
        let share = (remaining / (2 * workers)).max(MIN_CHUNK_RUNS);
        if !chunks.is_empty() {
            size = (size * 2).min(share).min(MAX_CHUNK_RUNS);
        }
        let size_now = size.clamp(1, remaining);
        // A tail smaller than a chunk's fixed cost joins this chunk.
        let size_now = if remaining - size_now < MIN_CHUNK_RUNS / 2 {
            remaining
        } else {
            size_now
        };
        chunks.push(start..start + size_now);
        start += size_now;
    }
    chunks
}

/// One press of Run: the scenarios (baseline first, each on the plan's
/// horizon), the runs, the seed and the chunks.
#[derive(Clone, Debug, PartialEq)]
pub struct RunPlan {
    pub id: u64,
    pub scenarios: Vec<Scenario>,
    pub runs: u64,
    pub seed: u64,
    pub months: u32,
    pub chunks: Vec<Range<u64>>,
}

impl RunPlan {
    /// Plans `runs` runs of `scenarios` (the baseline first) over `months`.
    #[must_use]
    pub fn new(id: u64, scenarios: &[Scenario], runs: u64, seed: u64, months: u32, workers: usize) -> Self {
        let scenarios = scenarios.iter().map(|scenario| scenario.on_horizon(months)).collect();
        RunPlan {
            id,
            scenarios,
            runs,
            seed,
            months,
            chunks: chunk_ranges(runs, workers),
        }
    }

    /// The request that asks a worker for chunk `chunk`.
    #[must_use]
    pub fn request(&self, chunk: usize) -> WorkerRequest {
        WorkerRequest::Run {
            id: self.id,
            chunk: ChunkRequest {
                chunk: chunk as u32,
                scenarios: self.scenarios.iter().map(ScenarioText::of).collect(),
                seed: self.seed,
                months: self.months,
                runs: self.chunks.get(chunk).cloned().unwrap_or(0..0),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_every_run_once(runs: u64, workers: usize) {
        let chunks = chunk_ranges(runs, workers);
        let mut next = 0;
        for chunk in &chunks {
            assert_eq!(chunk.start, next, "{runs} runs, {workers} workers: {chunks:?}");
            assert!(chunk.end > chunk.start, "empty chunk in {chunks:?}");
            assert!(chunk.end - chunk.start <= MAX_CHUNK_RUNS + MIN_CHUNK_RUNS / 2);
            next = chunk.end;
        }
        assert_eq!(next, runs, "{runs} runs, {workers} workers");
    }

    #[test]
    fn every_run_is_in_exactly_one_chunk() {
        for runs in [1, 2, 199, 200, 201, 1_000, 9_999, 10_000, 123_457, 1_000_000] {
            for workers in [1, 2, 3, 8] {
                assert_every_run_once(runs, workers);
            }
        }
    }

    #[test]
    fn the_first_chunk_is_small_and_the_last_ones_shrink() {
        let chunks = chunk_ranges(10_000, 2);
        assert_eq!(chunks[0], 0..FIRST_CHUNK_RUNS);
        let sizes: Vec<u64> = chunks.iter().map(|c| c.end - c.start).collect();
        let largest = sizes.iter().copied().max().unwrap();
        assert!(largest > 1_000, "{sizes:?}");
        let last = *sizes.last().unwrap();
        assert!(last <= largest / 3, "the tail should shrink: {sizes:?}");
        assert!(sizes.len() <= 20, "too many chunks for 10,000 runs: {sizes:?}");
    }

    #[test]
    fn a_million_runs_stay_in_bounded_chunks() {
        let chunks = chunk_ranges(1_000_000, 2);
        assert!(chunks.len() >= 40, "{}", chunks.len());
        assert!(chunks.iter().all(|c| c.end - c.start <= MAX_CHUNK_RUNS));
    }

    #[test]
    fn a_plan_puts_every_scenario_on_its_horizon_and_names_its_chunks() {
        let presets = crate::sim::presets::all();
        let scenarios: Vec<Scenario> = presets.iter().take(2).map(|p| p.scenario.clone()).collect();
        let plan = RunPlan::new(3, &scenarios, 1_000, 9, 24, 2);
        assert!(plan.scenarios.iter().all(|s| s.months == 24));
        // A shorter horizon keeps every preset runnable: later hires and changes fall away.
        for preset in crate::sim::presets::all() {
            let plan = RunPlan::new(4, std::slice::from_ref(&preset.scenario), 1_000, 1, 12, 1);
            let WorkerRequest::Run { chunk, .. } = plan.request(0) else {
                panic!("not a run request");
            };
            let scenario = chunk.scenarios[0]
                .scenario()
                .unwrap_or_else(|e| panic!("{}: {e}", preset.id));
            assert!(scenario.hiring_plan.iter().all(|h| h.month <= 12));
            assert!(scenario.restructuring.as_ref().is_none_or(|r| r.month < 12));
        }
        let WorkerRequest::Run { id, chunk } = plan.request(1) else {
            panic!("not a run request");
        };
        assert_eq!((id, chunk.chunk, chunk.runs.clone()), (3, 1, plan.chunks[1].clone()));
        assert_eq!(chunk.scenarios.len(), 2);
        assert_eq!(chunk.scenarios[0].scenario().unwrap().months, 24);
    }
}

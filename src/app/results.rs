//! The results of a run as chunks arrive: merged in arrival order, which
//! gives the same bits as one chunk (the engine's summaries merge exactly
//! and commutatively), with progress counted per chunk.

use std::rc::Rc;

use crate::sim::compare::Comparison;

/// What has come back for one run plan.
#[derive(Clone, Debug)]
pub struct RunResults {
    pub id: u64,
    pub total_runs: u64,
    /// Every chunk merged so far; `None` before the first.
    pub comparison: Option<Rc<Comparison>>,
    /// Runs done of each chunk still being simulated (from progress messages).
    in_flight: Vec<u64>,
    done: Vec<bool>,
}

/// Two results are the same when they hold the same merged comparison
/// (by identity: every merge makes a new one) and the same progress, so
/// the page compares its props in nanoseconds, not by walking megabytes of
/// summaries on every progress message.
impl PartialEq for RunResults {
    fn eq(&self, other: &Self) -> bool {
        let same_comparison = match (&self.comparison, &other.comparison) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_comparison
            && self.id == other.id
            && self.total_runs == other.total_runs
            && self.in_flight == other.in_flight
            && self.done == other.done
    }
}

impl RunResults {
    #[must_use]
    pub fn new(id: u64, total_runs: u64, chunks: usize) -> Self {
        RunResults {
            id,
            total_runs,
            comparison: None,
            in_flight: vec![0; chunks],
            done: vec![false; chunks],
        }
    }

    /// Records a progress message; late or unknown ones are ignored.
    pub fn progress(&mut self, chunk: u32, runs_done: u64) {
        let chunk = chunk as usize;
        if let (Some(runs), Some(false)) = (self.in_flight.get_mut(chunk), self.done.get(chunk)) {
            *runs = runs_done;
        }
    }

    /// Merges a chunk's comparison.
    ///
    /// # Errors
    /// A chunk that is unknown, came twice, or does not match the others.
    pub fn accept(&mut self, chunk: u32, mut comparison: Comparison) -> Result<(), String> {
        let index = chunk as usize;
        match self.done.get(index) {
            None => {
                return Err(format!(
                    "a worker answered for chunk {chunk}, which this run does not have"
                ));
            }
            Some(true) => return Err(format!("chunk {chunk} came back twice")),
            Some(false) => {}
        }
        // Merge the results so far into the new chunk, not the other way
        // round: the merged result is the same bits either way, and the
        // page's charts can keep the old one while this one is built.
        if let Some(previous) = &self.comparison {
            comparison
                .merge(previous)
                .map_err(|error| format!("chunk {chunk} does not fit the others: {error}"))?;
        }
        self.comparison = Some(Rc::new(comparison));
        self.done[index] = true;
        self.in_flight[index] = 0;
        Ok(())
    }

    /// Runs merged into [`Self::comparison`].
    #[must_use]
    pub fn merged_runs(&self) -> u64 {
        self.comparison.as_ref().map_or(0, |c| c.runs)
    }

    /// Runs done, merged or still in a worker.
    #[must_use]
    pub fn runs_done(&self) -> u64 {
        (self.merged_runs() + self.in_flight.iter().sum::<u64>()).min(self.total_runs)
    }

    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.done.iter().all(|d| *d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::plan::chunk_ranges;
    use crate::sim::compare::{compare, compare_chunk, prepare_comparison};
    use crate::sim::presets;

    #[test]
    fn chunks_merged_in_any_arrival_order_equal_one_run() {
        let all = presets::all();
        let (baseline, others) = (&all[0].scenario, [all[1].scenario.clone(), all[5].scenario.clone()]);
        let prepared = prepare_comparison(baseline, &others);
        let chunks = chunk_ranges(900, 2);
        assert!(chunks.len() >= 3);
        let whole = compare(baseline, &others, 900, 1).unwrap();
        let parts: Vec<Comparison> = chunks.iter().map(|r| compare_chunk(&prepared, 1, r.clone())).collect();
        let mut orders: Vec<Vec<usize>> = vec![(0..parts.len()).collect(), (0..parts.len()).rev().collect()];
        orders.push((0..parts.len()).map(|i| (i + 1) % parts.len()).collect());
        orders.push(
            (0..parts.len())
                .map(|i| {
                    if i % 2 == 0 {
                        (i + 1).min(parts.len() - 1)
                    } else {
                        i - 1
                    }
                })
                .collect(),
        );
        for order in orders {
            let mut results = RunResults::new(1, 900, parts.len());
            for &i in &order {
                assert!(!results.is_complete());
                results.accept(i as u32, parts[i].clone()).unwrap();
            }
            assert!(results.is_complete());
            assert_eq!(results.comparison.as_deref(), Some(&whole), "order {order:?}");
        }
    }

    #[test]
    fn progress_counts_runs_in_flight_and_a_repeated_chunk_is_refused() {
        let all = presets::all();
        let prepared = prepare_comparison(&all[0].scenario, &[]);
        let mut results = RunResults::new(1, 300, 2);
        results.progress(0, 40);
        results.progress(1, 25);
        assert_eq!(results.runs_done(), 65);
        results.accept(0, compare_chunk(&prepared, 1, 0..100)).unwrap();
        assert_eq!(results.runs_done(), 125);
        results.progress(0, 99);
        assert_eq!(results.runs_done(), 125, "progress of a finished chunk is stale");
        assert!(results.accept(0, compare_chunk(&prepared, 1, 0..100)).is_err());
        assert!(results.accept(5, compare_chunk(&prepared, 1, 0..100)).is_err());
    }

    #[test]
    fn a_chunk_of_another_comparison_is_refused() {
        let all = presets::all();
        let mut results = RunResults::new(1, 200, 2);
        results
            .accept(0, compare_chunk(&prepare_comparison(&all[0].scenario, &[]), 1, 0..100))
            .unwrap();
        let other = compare_chunk(&prepare_comparison(&all[1].scenario, &[]), 1, 100..200);
        assert!(results.accept(1, other).is_err());
        assert_eq!(results.merged_runs(), 100);
    }
}

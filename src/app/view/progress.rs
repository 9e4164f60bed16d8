//! What the page says about the pool and the run: the progress bar's
//! numbers, the time left, and the status sentence for the live region.

use crate::app::dispatch::{Dispatcher, Phase, WorkerState};
use crate::app::view::format::whole;

/// The run's progress and status in words.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressView {
    pub runs_done: u64,
    pub runs_total: u64,
    /// "4,000 of 10,000 runs · about 2 s left".
    pub label: String,
    /// The sentence for the live region.
    pub status: String,
    /// A stable name for tests: idle, starting, running, done, cancelled, failed.
    pub state: &'static str,
    /// Failed workers can be restarted.
    pub can_retry: bool,
    pub running: bool,
}

/// Seconds, rounded as a person would say them: "0.4 s", "12 s", "3 min".
#[must_use]
pub fn duration(ms: f64) -> String {
    let seconds = ms.max(0.0) / 1000.0;
    if seconds < 10.0 {
        format!("{seconds:.1} s")
    } else if seconds < 120.0 {
        format!("{seconds:.0} s")
    } else {
        format!("{:.0} min", seconds / 60.0)
    }
}

fn failed_workers(pool: &Dispatcher) -> Vec<&str> {
    pool.workers
        .iter()
        .filter_map(|w| match w {
            WorkerState::Failed { reason } => Some(reason.as_str()),
            _ => None,
        })
        .collect()
}

/// The progress view of `pool`, `elapsed_ms` after Run was pressed.
#[must_use]
pub fn progress_view(pool: &Dispatcher, elapsed_ms: f64) -> ProgressView {
    let failed = failed_workers(pool);
    let total_workers = pool.workers.len();
    let workers_note = if failed.is_empty() {
        String::new()
    } else if pool.all_failed() {
        format!(" No simulation worker is running: {}.", failed[0])
    } else {
        format!(
            " {} of {total_workers} simulation workers stopped ({}); the others carry on.",
            failed.len(),
            failed[0]
        )
    };
    let can_retry = !failed.is_empty();
    let Some(run) = &pool.run else {
        let (state, status) = if pool.is_starting() {
            ("starting", "Starting the simulation workers…".to_owned())
        } else if pool.all_failed() {
            ("failed", format!("The simulation could not start.{workers_note}"))
        } else {
            (
                "idle",
                format!("Ready: {} simulation workers.{workers_note}", pool.working()),
            )
        };
        return ProgressView {
            runs_done: 0,
            runs_total: 0,
            label: String::new(),
            status,
            state,
            can_retry,
            running: false,
        };
    };
    let done = run.results.runs_done();
    let total = run.runs;
    let mut label = format!("{} of {} runs", whole(done), whole(total));
    let scenarios = run.scenarios.len();
    let noun = if scenarios == 1 { "scenario" } else { "scenarios" };
    let (state, status) = match &run.phase {
        Phase::Running => {
            if done > 0 && elapsed_ms > 0.0 {
                let left = elapsed_ms * (total - done) as f64 / done as f64;
                label.push_str(&format!(" · about {} left", duration(left)));
            }
            (
                "running",
                format!(
                    "Simulating {} futures of {scenarios} {noun} on {} workers…{workers_note}",
                    whole(total),
                    pool.working().max(1)
                ),
            )
        }
        Phase::Done => (
            "done",
            format!(
                "Done: {} futures of {scenarios} {noun} in {}.{workers_note}",
                whole(total),
                duration(elapsed_ms)
            ),
        ),
        Phase::Cancelled => (
            "cancelled",
            format!(
                "Cancelled after {} of {} runs; the results shown are from those {} runs.",
                whole(run.results.merged_runs()),
                whole(total),
                whole(run.results.merged_runs())
            ),
        ),
        Phase::Failed { message } => ("failed", format!("The run failed: {message}{workers_note}")),
    };
    ProgressView {
        runs_done: done,
        runs_total: total,
        label,
        status,
        state,
        can_retry,
        running: run.phase == Phase::Running,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::plan::RunPlan;
    use crate::protocol::WorkerResponse;
    use crate::sim::presets;

    fn ready_pool() -> Dispatcher {
        let mut pool = Dispatcher::new(2);
        for w in 0..2 {
            pool.receive(w, WorkerResponse::version_of_this_build());
        }
        pool
    }

    #[test]
    fn durations_read_as_spoken() {
        assert_eq!(duration(420.0), "0.4 s");
        assert_eq!(duration(12_400.0), "12 s");
        assert_eq!(duration(185_000.0), "3 min");
    }

    #[test]
    fn a_running_plan_shows_runs_done_of_total_and_the_time_left() {
        let mut pool = ready_pool();
        let scenarios = vec![presets::all()[0].scenario.clone()];
        pool.start(RunPlan::new(1, &scenarios, 10_000, 1, 36, 2));
        pool.receive(
            0,
            WorkerResponse::Progress {
                id: 1,
                chunk: 0,
                runs_done: 150,
            },
        );
        pool.receive(
            1,
            WorkerResponse::Progress {
                id: 1,
                chunk: 1,
                runs_done: 100,
            },
        );
        let view = progress_view(&pool, 500.0);
        assert_eq!((view.runs_done, view.runs_total), (250, 10_000));
        assert_eq!(view.label, "250 of 10,000 runs · about 20 s left");
        assert_eq!(view.state, "running");
        assert!(view.status.contains("10,000 futures of 1 scenario on 2 workers"));
        pool.cancel();
        let view = progress_view(&pool, 600.0);
        assert_eq!(view.state, "cancelled");
        assert!(view.status.starts_with("Cancelled after 0 of 10,000 runs"));
    }

    #[test]
    fn failed_workers_are_named_in_plain_words_and_can_be_retried() {
        let mut pool = ready_pool();
        pool.worker_failed(1, "it stopped answering");
        let view = progress_view(&pool, 0.0);
        assert!(view.can_retry);
        assert!(
            view.status
                .contains("1 of 2 simulation workers stopped (it stopped answering)")
        );
        pool.worker_failed(0, "it did not start");
        let view = progress_view(&pool, 0.0);
        assert_eq!(view.state, "failed");
        let starting = progress_view(&Dispatcher::new(2), 0.0);
        assert_eq!(starting.state, "starting");
    }
}

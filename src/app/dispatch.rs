//! Who runs what: the pool's bookkeeping, without the workers themselves.
//! It keeps [`PIPELINE_DEPTH`] chunks with each worker (one being simulated,
//! the next waiting, so a worker never idles while the page merges what it
//! sent; a quicker worker simply gets more), merges what comes back,
//! ignores answers to a cancelled run, and gives a failed worker's chunks to
//! another. Pure, so the pool's rules are tested natively; `pool.rs` only
//! carries its messages to and from real workers.

use std::collections::VecDeque;

use crate::app::plan::RunPlan;
use crate::app::results::RunResults;
use crate::protocol::{WorkerRequest, WorkerResponse, build_version};
use crate::sim::scenario::Scenario;
use crate::sim::sensitivity::Tornado;

/// What the page knows of one worker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkerState {
    /// Spawned, has not answered the version request yet.
    Starting,
    Idle,
    /// Holding chunks `chunks` of run `id`, the one being simulated first.
    Busy {
        id: u64,
        chunks: Vec<usize>,
    },
    /// Did not start, stopped answering, or is from another build.
    Failed {
        reason: String,
    },
}

/// Where a run stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    Running,
    Done,
    Cancelled,
    Failed { message: String },
}

/// The run the page shows: its plan's scenarios, phase and results.
#[derive(Clone, Debug, PartialEq)]
pub struct RunState {
    pub id: u64,
    pub scenarios: Vec<Scenario>,
    pub runs: u64,
    pub seed: u64,
    pub months: u32,
    pub phase: Phase,
    pub results: RunResults,
}

/// A sensitivity tornado being computed (or done) in one worker.
#[derive(Clone, Debug, PartialEq)]
pub struct SensitivityState {
    pub id: u64,
    /// The scenario whose assumptions are tested, and its baseline.
    pub scenario: String,
    pub baseline: String,
    pub worker: usize,
    pub steps_done: u32,
    pub steps: u32,
    pub phase: Phase,
    pub tornado: Option<Tornado>,
}

/// Chunks each worker holds at once: the one it simulates and the next,
/// which it starts as soon as it has sent the first back.
pub const PIPELINE_DEPTH: usize = 2;

/// A message for worker `worker`.
pub type Send = (usize, WorkerRequest);

/// The pool's state, as the page draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct Dispatcher {
    pub workers: Vec<WorkerState>,
    pub run: Option<RunState>,
    pub sensitivity: Option<SensitivityState>,
    plan: Option<RunPlan>,
    queue: VecDeque<usize>,
}

impl Dispatcher {
    /// A pool of `workers` workers, all starting.
    #[must_use]
    pub fn new(workers: usize) -> Self {
        Dispatcher {
            workers: vec![WorkerState::Starting; workers.max(1)],
            run: None,
            sensitivity: None,
            plan: None,
            queue: VecDeque::new(),
        }
    }

    /// Workers that have answered and not failed.
    #[must_use]
    pub fn working(&self) -> usize {
        self.workers
            .iter()
            .filter(|w| matches!(w, WorkerState::Idle | WorkerState::Busy { .. }))
            .count()
    }

    /// True while no worker has answered yet and some may still.
    #[must_use]
    pub fn is_starting(&self) -> bool {
        self.working() == 0 && self.workers.contains(&WorkerState::Starting)
    }

    /// True when every worker has failed.
    #[must_use]
    pub fn all_failed(&self) -> bool {
        self.workers.iter().all(|w| matches!(w, WorkerState::Failed { .. }))
    }

    /// Starts `plan`, replacing (and cancelling) any run in progress.
    pub fn start(&mut self, plan: RunPlan) -> Vec<Send> {
        let mut sends = self.cancel();
        self.run = Some(RunState {
            id: plan.id,
            scenarios: plan.scenarios.clone(),
            runs: plan.runs,
            seed: plan.seed,
            months: plan.months,
            phase: Phase::Running,
            results: RunResults::new(plan.id, plan.runs, plan.chunks.len()),
        });
        self.queue = (0..plan.chunks.len()).collect();
        self.plan = Some(plan);
        sends.extend(self.hand_out());
        sends
    }

    /// Stops the run in progress; its results so far stay on screen.
    pub fn cancel(&mut self) -> Vec<Send> {
        let Some(run) = self.run.as_mut().filter(|r| r.phase == Phase::Running) else {
            return Vec::new();
        };
        run.phase = Phase::Cancelled;
        let id = run.id;
        self.queue.clear();
        self.plan = None;
        let mut sends = Vec::new();
        for (index, worker) in self.workers.iter_mut().enumerate() {
            if matches!(worker, WorkerState::Busy { id: busy, .. } if *busy == id) {
                // The worker reads the cancel at its next step and drops the
                // chunk it holds in waiting; it can take new work now.
                *worker = WorkerState::Idle;
                sends.push((index, WorkerRequest::Cancel { id }));
            }
        }
        sends
    }

    /// Starts a tornado (`request` is a `WorkerRequest::Sensitivity` with
    /// this `id`) in an idle worker, or the first working one (it takes
    /// turns with the chunk it is simulating).
    pub fn start_sensitivity(&mut self, id: u64, request: WorkerRequest, scenario: &str, baseline: &str) -> Vec<Send> {
        let mut sends = self.cancel_sensitivity();
        let chosen = self
            .workers
            .iter()
            .position(|w| *w == WorkerState::Idle)
            .or_else(|| self.workers.iter().position(|w| matches!(w, WorkerState::Busy { .. })));
        let phase = if chosen.is_some() {
            Phase::Running
        } else {
            Phase::Failed {
                message: "no simulation worker is running".to_owned(),
            }
        };
        self.sensitivity = Some(SensitivityState {
            id,
            scenario: scenario.to_owned(),
            baseline: baseline.to_owned(),
            worker: chosen.unwrap_or(0),
            steps_done: 0,
            steps: 0,
            phase,
            tornado: None,
        });
        if let Some(worker) = chosen {
            sends.push((worker, request));
        }
        sends
    }

    /// Stops the tornado in progress.
    pub fn cancel_sensitivity(&mut self) -> Vec<Send> {
        match self.sensitivity.as_mut() {
            Some(job) if job.phase == Phase::Running => {
                job.phase = Phase::Cancelled;
                vec![(job.worker, WorkerRequest::Cancel { id: job.id })]
            }
            _ => Vec::new(),
        }
    }

    fn running_sensitivity(&mut self, id: u64) -> Option<&mut SensitivityState> {
        self.sensitivity
            .as_mut()
            .filter(|job| job.id == id && job.phase == Phase::Running)
    }

    /// Handles an answer from worker `worker`.
    pub fn receive(&mut self, worker: usize, response: WorkerResponse) -> Vec<Send> {
        match response {
            WorkerResponse::SensitivityProgress { id, steps_done, steps } => {
                if let Some(job) = self.running_sensitivity(id) {
                    (job.steps_done, job.steps) = (steps_done, steps);
                }
                Vec::new()
            }
            WorkerResponse::SensitivityDone { id, tornado } => {
                if let Some(job) = self.running_sensitivity(id) {
                    job.steps_done = job.steps;
                    job.phase = Phase::Done;
                    job.tornado = Some(tornado);
                }
                Vec::new()
            }
            WorkerResponse::Failed { id, message } if self.running_sensitivity(id).is_some() => {
                if let Some(job) = self.running_sensitivity(id) {
                    job.phase = Phase::Failed { message };
                }
                Vec::new()
            }
            WorkerResponse::Version { version } => self.version(worker, version),
            WorkerResponse::Progress { id, chunk, runs_done } => {
                if let Some(run) = self.current_mut(id) {
                    run.results.progress(chunk, runs_done);
                }
                Vec::new()
            }
            WorkerResponse::ChunkDone { id, chunk, comparison } => {
                self.free(worker, id, Some(chunk as usize));
                let accepted = self.current_mut(id).map(|run| run.results.accept(chunk, comparison));
                match accepted {
                    Some(Err(message)) => self.fail_run(message),
                    Some(Ok(())) => {
                        if let Some(run) = self.current_mut(id) {
                            if run.results.is_complete() {
                                run.phase = Phase::Done;
                            }
                        }
                        self.hand_out()
                    }
                    None => self.hand_out(),
                }
            }
            WorkerResponse::Failed { id, message } => {
                self.free(worker, id, None);
                if self.current_mut(id).is_some() || id == 0 {
                    self.fail_run(message)
                } else {
                    self.hand_out()
                }
            }
        }
    }

    /// Worker `worker` did not start or stopped answering: its chunk goes
    /// to another worker; with none left, the run fails.
    pub fn worker_failed(&mut self, worker: usize, reason: &str) -> Vec<Send> {
        if let Some(job) = self
            .sensitivity
            .as_mut()
            .filter(|j| j.worker == worker && j.phase == Phase::Running)
        {
            job.phase = Phase::Failed {
                message: format!("the simulation worker stopped: {reason}"),
            };
        }
        let Some(state) = self.workers.get_mut(worker) else {
            return Vec::new();
        };
        if let WorkerState::Busy { id, chunks } = state {
            if self
                .run
                .as_ref()
                .is_some_and(|r| r.id == *id && r.phase == Phase::Running)
            {
                for chunk in chunks.iter().rev() {
                    self.queue.push_front(*chunk);
                }
            }
        }
        *state = WorkerState::Failed {
            reason: reason.to_owned(),
        };
        if self.all_failed() {
            let total = self.workers.len();
            let noun = if total == 1 { "worker" } else { "workers" };
            return self.fail_run(format!("The simulation {noun} stopped: {reason}"));
        }
        self.hand_out()
    }

    /// A fresh worker replaces failed worker `worker` (the Retry button).
    pub fn restarting(&mut self, worker: usize) {
        if let Some(state) = self.workers.get_mut(worker) {
            *state = WorkerState::Starting;
        }
    }

    fn version(&mut self, worker: usize, version: String) -> Vec<Send> {
        let mine = build_version();
        let Some(state) = self.workers.get_mut(worker) else {
            return Vec::new();
        };
        if version == mine {
            if *state == WorkerState::Starting {
                *state = WorkerState::Idle;
            }
            self.hand_out()
        } else {
            self.worker_failed(
                worker,
                &format!("its files are from build {version}, the page's from {mine}; reload the page"),
            )
        }
    }

    fn current_mut(&mut self, id: u64) -> Option<&mut RunState> {
        self.run.as_mut().filter(|r| r.id == id && r.phase == Phase::Running)
    }

    /// Worker `worker` is done with `chunk` of run `id` (with every chunk of it when `None`).
    fn free(&mut self, worker: usize, id: u64, chunk: Option<usize>) {
        if let Some(state) = self.workers.get_mut(worker) {
            if let WorkerState::Busy { id: busy, chunks } = state {
                if *busy == id {
                    chunks.retain(|c| chunk.is_some_and(|done| done != *c));
                    if chunks.is_empty() {
                        *state = WorkerState::Idle;
                    }
                }
            }
        }
    }

    fn fail_run(&mut self, message: String) -> Vec<Send> {
        let mut sends = self.cancel();
        if let Some(run) = self.run.as_mut() {
            if run.phase == Phase::Cancelled || run.phase == Phase::Running {
                run.phase = Phase::Failed { message };
            }
        }
        sends.extend(self.hand_out());
        sends
    }

    /// Tops every worker up to [`PIPELINE_DEPTH`] chunks of the plan,
    /// breadth first: every worker gets a first chunk before any gets a second.
    fn hand_out(&mut self) -> Vec<Send> {
        let mut sends = Vec::new();
        let Some(plan) = &self.plan else {
            return sends;
        };
        for depth in 1..=PIPELINE_DEPTH {
            for (index, worker) in self.workers.iter_mut().enumerate() {
                let held = match worker {
                    WorkerState::Idle => 0,
                    WorkerState::Busy { id, chunks } if *id == plan.id => chunks.len(),
                    _ => continue,
                };
                if held >= depth {
                    continue;
                }
                let Some(chunk) = self.queue.pop_front() else {
                    return sends;
                };
                match worker {
                    WorkerState::Busy { chunks, .. } => chunks.push(chunk),
                    _ => {
                        *worker = WorkerState::Busy {
                            id: plan.id,
                            chunks: vec![chunk],
                        }
                    }
                }
                sends.push((index, plan.request(chunk)));
            }
        }
        sends
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::compare::{compare, compare_chunk, prepare_comparison};
    use crate::sim::presets;

    fn scenarios() -> Vec<Scenario> {
        let all = presets::all();
        vec![all[0].scenario.clone(), all[1].scenario.clone()]
    }

    fn ready(workers: usize) -> Dispatcher {
        let mut pool = Dispatcher::new(workers);
        for w in 0..workers {
            assert!(pool.receive(w, WorkerResponse::version_of_this_build()).is_empty());
        }
        pool
    }

    /// Plays worker `worker` answering `request` with the engine itself.
    fn answer(request: &WorkerRequest) -> WorkerResponse {
        let WorkerRequest::Run { id, chunk } = request else {
            panic!("not a run: {request:?}");
        };
        let scenarios: Vec<Scenario> = chunk.scenarios.iter().map(|s| s.scenario().unwrap()).collect();
        let prepared = prepare_comparison(&scenarios[0], &scenarios[1..]);
        WorkerResponse::ChunkDone {
            id: *id,
            chunk: chunk.chunk,
            comparison: compare_chunk(&prepared, chunk.seed, chunk.runs.clone()),
        }
    }

    fn plan(id: u64, runs: u64) -> RunPlan {
        RunPlan::new(id, &scenarios(), runs, 1, 12, 2)
    }

    #[test]
    fn every_chunk_is_sent_once_and_the_merged_result_equals_one_run() {
        let mut pool = ready(2);
        let mut sends: VecDeque<Send> = pool.start(plan(1, 1_500)).into();
        assert_eq!(sends.len(), 2 * PIPELINE_DEPTH, "each worker holds its next chunk too");
        let firsts: Vec<usize> = sends.iter().take(2).map(|(w, _)| *w).collect();
        assert_eq!(
            firsts,
            [0, 1],
            "every worker gets a first chunk before any gets a second"
        );
        let mut seen = Vec::new();
        while let Some((worker, request)) = sends.pop_front() {
            if let WorkerRequest::Run { chunk, .. } = &request {
                seen.push(chunk.chunk);
            }
            sends.extend(pool.receive(worker, answer(&request)));
        }
        let mut expected: Vec<u32> = (0..plan(1, 1_500).chunks.len() as u32).collect();
        seen.sort_unstable();
        expected.sort_unstable();
        assert_eq!(seen, expected);
        let run = pool.run.as_ref().unwrap();
        assert_eq!(run.phase, Phase::Done);
        let all: Vec<Scenario> = scenarios().iter().map(|s| s.on_horizon(12)).collect();
        let whole = compare(&all[0], &all[1..], 1_500, 1).unwrap();
        assert_eq!(run.results.comparison.as_deref(), Some(&whole));
    }

    #[test]
    fn a_cancelled_run_ignores_late_answers_and_a_new_run_starts_at_once() {
        let mut pool = ready(2);
        let first = pool.start(plan(1, 5_000));
        assert_eq!(first.len(), 2 * PIPELINE_DEPTH);
        let cancels = pool.cancel();
        assert_eq!(cancels.len(), 2, "one cancel per worker");
        assert!(cancels.iter().all(|(_, r)| *r == WorkerRequest::Cancel { id: 1 }));
        assert_eq!(pool.run.as_ref().unwrap().phase, Phase::Cancelled);
        let second = pool.start(plan(2, 1_000));
        assert!(second.len() >= 2, "both workers take the new run right away");
        assert_eq!(second[0].0, 0);
        assert_eq!(second[1].0, 1);
        // The old run's chunk finishing late changes nothing.
        let late = pool.receive(first[0].0, answer(&first[0].1));
        assert!(late.is_empty());
        let run = pool.run.as_ref().unwrap();
        assert_eq!((run.id, run.results.merged_runs()), (2, 0));
    }

    #[test]
    fn a_failed_workers_chunk_goes_to_another_and_losing_all_fails_the_run() {
        let mut pool = ready(2);
        let sends = pool.start(plan(1, 3_000));
        let (lost_worker, lost_request) = sends[0].clone();
        let (other, other_request) = sends[1].clone();
        assert!(pool.worker_failed(lost_worker, "it stopped answering").is_empty());
        let next = pool.receive(other, answer(&other_request));
        assert_eq!(next.len(), 1);
        assert_eq!(next[0], (other, lost_request), "the lost chunks are handed out first");
        let after = pool.worker_failed(other, "it stopped answering");
        assert!(after.is_empty());
        let Phase::Failed { message } = &pool.run.as_ref().unwrap().phase else {
            panic!("the run should have failed");
        };
        assert!(message.contains("stopped"), "{message}");
        assert!(pool.all_failed());
    }

    #[test]
    fn a_worker_of_another_build_is_not_used() {
        let mut pool = Dispatcher::new(1);
        pool.receive(
            0,
            WorkerResponse::Version {
                version: "0.0.0+other".into(),
            },
        );
        assert!(matches!(&pool.workers[0], WorkerState::Failed { reason } if reason.contains("reload")));
        assert!(pool.start(plan(1, 1_000)).is_empty());
    }

    #[test]
    fn a_tornado_runs_beside_a_comparison_and_its_answers_do_not_touch_the_run() {
        let mut pool = ready(2);
        let run = pool.start(plan(1, 3_000));
        let request = WorkerRequest::Sensitivity {
            id: 2,
            job: crate::protocol::SensitivityRequest {
                baseline: crate::protocol::ScenarioText::of(&scenarios()[0]),
                scenario: crate::protocol::ScenarioText::of(&scenarios()[1]),
                runs: 10,
                seed: 1,
                months: 12,
            },
        };
        let sends = pool.start_sensitivity(2, request.clone(), "Three-stage", "Generalist");
        assert_eq!(sends, vec![(0, request)], "both busy: the first takes turns");
        pool.receive(
            0,
            WorkerResponse::SensitivityProgress {
                id: 2,
                steps_done: 3,
                steps: 18,
            },
        );
        assert_eq!(pool.sensitivity.as_ref().unwrap().steps_done, 3);
        let tornado = crate::sim::sensitivity::tornado(Some(&scenarios()[0]), &scenarios()[1], 5, 1).unwrap();
        pool.receive(
            0,
            WorkerResponse::SensitivityDone {
                id: 2,
                tornado: tornado.clone(),
            },
        );
        let job = pool.sensitivity.as_ref().unwrap();
        assert_eq!((&job.phase, job.tornado.as_ref()), (&Phase::Done, Some(&tornado)));
        assert_eq!(pool.run.as_ref().unwrap().phase, Phase::Running);
        assert!(
            matches!(&pool.workers[0], WorkerState::Busy { id: 1, chunks } if chunks[0] == 0),
            "{run:?}"
        );
        // A failure of the tornado fails only the tornado.
        pool.start_sensitivity(3, WorkerRequest::Cancel { id: 0 }, "a", "b");
        pool.receive(
            0,
            WorkerResponse::Failed {
                id: 3,
                message: "bad".into(),
            },
        );
        assert!(matches!(pool.sensitivity.as_ref().unwrap().phase, Phase::Failed { .. }));
        assert_eq!(pool.run.as_ref().unwrap().phase, Phase::Running);
    }

    #[test]
    fn a_worker_failure_message_fails_the_run_in_its_words() {
        let mut pool = ready(1);
        let sends = pool.start(plan(4, 1_000));
        pool.receive(
            sends[0].0,
            WorkerResponse::Failed {
                id: 4,
                message: "scenario 1 cannot run".into(),
            },
        );
        assert_eq!(
            pool.run.as_ref().unwrap().phase,
            Phase::Failed {
                message: "scenario 1 cannot run".into()
            }
        );
        assert_eq!(pool.workers[0], WorkerState::Idle);
    }
}

//! The simulation Web Worker: receives [`WorkerRequest`]s from the page and
//! answers with [`WorkerResponse`]s, both as [`Packet`]s of the protocol's
//! codec. `src/bin/worker.rs` only registers this type.
//!
//! A chunk is simulated a few runs at a time. Every ~30 ms the worker
//! reports progress and yields to its event loop, so a `Cancel` sent by the
//! page is read and takes effect at the next step, without terminating and
//! restarting the worker. The page sends a worker its next chunk before the
//! current one is done; chunks wait in a queue and are simulated one after
//! the other, in the order they came.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, VecDeque};
use std::rc::Rc;

use gloo_worker::{HandlerId, Worker, WorkerScope};
use wasm_bindgen::JsValue;

use crate::protocol::{
    ChunkRequest, Packet, ScenarioText, SensitivityRequest, WorkerRequest, WorkerResponse, decode, encode,
};
use crate::sim::compare::{ComparisonRunner, prepare_comparison};
use crate::sim::scenario::Scenario;
use crate::sim::sensitivity::TornadoRunner;

/// Runs simulated between two looks at the clock: a few milliseconds of work.
const STEP_RUNS: u64 = 8;
/// How long the worker computes before it reports progress and reads its
/// messages: short enough that Cancel feels immediate, long enough that
/// the messages cost nothing.
const SLICE_MS: f64 = 30.0;

/// A chunk waiting its turn, and who asked for it.
type Queued = (HandlerId, u64, ChunkRequest);

/// The worker's state: the runs the page has cancelled and the chunks
/// waiting their turn.
#[derive(Debug, Default)]
pub struct SimWorker {
    cancelled: Rc<RefCell<BTreeSet<u64>>>,
    queue: Rc<RefCell<VecDeque<Queued>>>,
    /// True while a task is working through the queue.
    draining: Rc<Cell<bool>>,
}

impl Worker for SimWorker {
    type Message = ();
    type Input = Packet;
    type Output = Packet;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self::default()
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, packet: Self::Input, who: HandlerId) {
        match decode::<WorkerRequest>(&packet) {
            Ok(WorkerRequest::Version) => answer(scope, who, &WorkerResponse::version_of_this_build()),
            Ok(WorkerRequest::Cancel { id }) => {
                self.cancelled.borrow_mut().insert(id);
                self.queue.borrow_mut().retain(|(_, queued, _)| *queued != id);
            }
            Ok(WorkerRequest::Run { id, chunk }) => {
                self.queue.borrow_mut().push_back((who, id, chunk));
                if !self.draining.replace(true) {
                    let scope = scope.clone();
                    let (queue, cancelled, draining) = (
                        Rc::clone(&self.queue),
                        Rc::clone(&self.cancelled),
                        Rc::clone(&self.draining),
                    );
                    wasm_bindgen_futures::spawn_local(async move {
                        drain(&scope, &queue, &cancelled).await;
                        draining.set(false);
                    });
                }
            }
            Ok(WorkerRequest::Sensitivity { id, job }) => {
                let scope = scope.clone();
                let cancelled = Rc::clone(&self.cancelled);
                wasm_bindgen_futures::spawn_local(async move {
                    sensitivity(&scope, who, id, job, &cancelled).await;
                });
            }
            // The id is unknown when the request itself cannot be read; 0 is never a run's id.
            Err(message) => answer(scope, who, &WorkerResponse::Failed { id: 0, message }),
        }
    }
}

fn answer(scope: &WorkerScope<SimWorker>, who: HandlerId, response: &WorkerResponse) {
    match encode(response) {
        Ok(packet) => scope.respond(who, packet),
        Err(message) => {
            if let Ok(packet) = encode(&WorkerResponse::Failed { id: 0, message }) {
                scope.respond(who, packet);
            }
        }
    }
}

fn scenarios_of(chunk: &ChunkRequest) -> Result<Vec<Scenario>, String> {
    chunk
        .scenarios
        .iter()
        .enumerate()
        .map(|(i, text)| {
            text.scenario()
                .map_err(|e| format!("scenario {} cannot run:\n{e}", i + 1))
        })
        .collect()
}

/// Simulates the queued chunks one after the other until none is left.
async fn drain(scope: &WorkerScope<SimWorker>, queue: &RefCell<VecDeque<Queued>>, cancelled: &RefCell<BTreeSet<u64>>) {
    loop {
        // Not borrowed across the await: a new chunk may be queued meanwhile.
        let next = queue.borrow_mut().pop_front();
        let Some((who, id, chunk)) = next else { break };
        if !cancelled.borrow().contains(&id) {
            simulate(scope, who, id, chunk, cancelled).await;
        }
    }
}

async fn simulate(
    scope: &WorkerScope<SimWorker>,
    who: HandlerId,
    id: u64,
    chunk: ChunkRequest,
    cancelled: &RefCell<BTreeSet<u64>>,
) {
    let scenarios = match scenarios_of(&chunk) {
        Ok(scenarios) if !scenarios.is_empty() => scenarios,
        Ok(_) => {
            return answer(
                scope,
                who,
                &WorkerResponse::Failed {
                    id,
                    message: "no scenario to run".into(),
                },
            );
        }
        Err(message) => return answer(scope, who, &WorkerResponse::Failed { id, message }),
    };
    let (baseline, others) = scenarios.split_at(1);
    let prepared = prepare_comparison(&baseline[0], others);
    let mut runner = ComparisonRunner::new(&prepared, chunk.seed, chunk.runs.clone());
    let mut slice_start = js_sys::Date::now();
    while !runner.is_finished() {
        let runs_done = runner.advance(STEP_RUNS);
        if js_sys::Date::now() - slice_start >= SLICE_MS && !runner.is_finished() {
            answer(
                scope,
                who,
                &WorkerResponse::Progress {
                    id,
                    chunk: chunk.chunk,
                    runs_done,
                },
            );
            yield_to_messages().await;
            if cancelled.borrow().contains(&id) {
                return;
            }
            slice_start = js_sys::Date::now();
        }
    }
    let comparison = runner.finish();
    answer(
        scope,
        who,
        &WorkerResponse::ChunkDone {
            id,
            chunk: chunk.chunk,
            comparison,
        },
    );
}

async fn sensitivity(
    scope: &WorkerScope<SimWorker>,
    who: HandlerId,
    id: u64,
    job: SensitivityRequest,
    cancelled: &RefCell<BTreeSet<u64>>,
) {
    let on_horizon = |text: &ScenarioText| text.scenario().map(|scenario| scenario.on_horizon(job.months));
    let runner = match (on_horizon(&job.baseline), on_horizon(&job.scenario)) {
        (Ok(baseline), Ok(scenario)) => {
            TornadoRunner::new(Some(&baseline), &scenario, job.runs, job.seed).map_err(|e| e.to_string())
        }
        (Err(message), _) | (_, Err(message)) => Err(message),
    };
    let mut runner = match runner {
        Ok(runner) => runner,
        Err(message) => return answer(scope, who, &WorkerResponse::Failed { id, message }),
    };
    let steps = runner.steps() as u32;
    while runner.step() {
        let steps_done = runner.done() as u32;
        answer(
            scope,
            who,
            &WorkerResponse::SensitivityProgress { id, steps_done, steps },
        );
        yield_to_messages().await;
        if cancelled.borrow().contains(&id) {
            return;
        }
    }
    answer(
        scope,
        who,
        &WorkerResponse::SensitivityDone {
            id,
            tornado: runner.finish(),
        },
    );
}

/// Lets the worker's event loop deliver waiting messages, then resumes.
/// A message to itself through a `MessageChannel` comes back as the next
/// task, without the 4 ms minimum that nested `setTimeout`s get.
async fn yield_to_messages() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            if channel.port2().post_message(&JsValue::NULL).is_err() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
        Err(_) => {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Starts serving requests in the current worker global scope, with the
/// envelope codec named explicitly (the page's spawner names the same).
pub fn register() {
    use gloo_worker::Registrable;
    SimWorker::registrar().encoding::<gloo_worker::Bincode>().register();
}

//! The page's side of the Web Worker connection: the only place in the UI
//! that spawns the worker and exchanges messages with it.

use gloo::timers::callback::Timeout;
use gloo_worker::Spawnable;
use yew::prelude::*;

use crate::app::state::{WorkerEvent, WorkerStatus};
use crate::protocol::WorkerRequest;
use crate::worker::SimWorker;

/// The worker's start-up script (`assets/worker_loader.js`, copied next to
/// Trunk's `worker.js`). Relative, so the site works under any sub-path,
/// e.g. a GitHub Pages project site at `/sales-sim/`.
pub const WORKER_LOADER_PATH: &str = "./worker_loader.js";

/// How long the worker may take to answer its first request before the page
/// reports it as silent. Generous: a cold start compiles the worker's wasm.
pub const WORKER_START_DEADLINE_MS: u32 = 15_000;

/// Spawns the simulation worker once, asks for its version, and returns what
/// is known about it. The worker lives as long as the calling component.
#[hook]
pub fn use_simulation_worker() -> WorkerStatus {
    let status = use_reducer(WorkerStatus::default);
    let dispatcher = status.dispatcher();
    use_effect_with((), move |()| {
        let on_response = dispatcher.clone();
        let bridge = SimWorker::spawner()
            .callback(move |response| on_response.dispatch(WorkerEvent::Answered(response)))
            .spawn_with_loader(WORKER_LOADER_PATH);
        bridge.send(WorkerRequest::Version);
        let deadline = Timeout::new(WORKER_START_DEADLINE_MS, move || {
            dispatcher.dispatch(WorkerEvent::DeadlinePassed);
        });
        // Dropping the bridge terminates the worker; dropping the timeout cancels it.
        move || drop((bridge, deadline))
    });
    (*status).clone()
}

//! The simulation Web Worker: receives [`WorkerRequest`]s from the page and
//! answers with [`WorkerResponse`]s. Heavy work runs here so the page stays
//! responsive; `src/bin/worker.rs` only registers this type.

use gloo_worker::{HandlerId, Worker, WorkerScope};

use crate::protocol::{WorkerRequest, WorkerResponse};

/// The worker's state. Empty for now; the engine's run state will live here.
#[derive(Debug, Default)]
pub struct SimWorker;

impl Worker for SimWorker {
    /// The worker sends itself no messages yet.
    type Message = ();
    type Input = WorkerRequest;
    type Output = WorkerResponse;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, request: Self::Input, who: HandlerId) {
        match request {
            WorkerRequest::Version => {
                scope.respond(who, WorkerResponse::version_of_this_build());
            }
        }
    }
}

/// Starts serving requests in the current worker global scope.
pub fn register() {
    use gloo_worker::Registrable;
    SimWorker::registrar().register();
}

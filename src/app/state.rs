//! UI state that is more than a single value: a [`Reducible`] with an event
//! enum, so every transition is spelled out in one `match`.

use std::rc::Rc;

use yew::Reducible;

use crate::protocol::WorkerResponse;

/// What the page knows about the simulation worker.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum WorkerStatus {
    /// Spawned, no answer yet.
    #[default]
    Starting,
    /// Answered the version request.
    Ready {
        /// The worker's build version (see [`crate::protocol::build_version`]).
        version: String,
    },
    /// No answer within the start-up deadline: the worker script failed to
    /// load or crashed. Simulations cannot run.
    Silent,
}

impl WorkerStatus {
    /// A stable, lower-case name for the state, used as a `data-state`
    /// attribute so end-to-end tests need not parse the human text.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::Starting => "starting",
            Self::Ready { .. } => "ready",
            Self::Silent => "silent",
        }
    }
}

/// Things that happen to the worker connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkerEvent {
    /// The worker sent a response.
    Answered(WorkerResponse),
    /// The start-up deadline passed.
    DeadlinePassed,
}

impl Reducible for WorkerStatus {
    type Action = WorkerEvent;

    fn reduce(self: Rc<Self>, event: WorkerEvent) -> Rc<Self> {
        match (&*self, event) {
            (_, WorkerEvent::Answered(WorkerResponse::Version { version })) => Rc::new(Self::Ready { version }),
            // A late deadline must not hide a worker that already answered.
            (Self::Starting, WorkerEvent::DeadlinePassed) => Rc::new(Self::Silent),
            (_, WorkerEvent::DeadlinePassed) => self,
        }
    }
}

//! The Yew user interface.
//!
//! Components under `components/` are pure: they render props and raise
//! callbacks. Everything that talks to the outside (the Web Worker, later
//! storage and downloads) lives in `worker_client`, so the shell can be
//! rendered in a test without a worker.

pub mod components;
pub mod state;
pub mod worker_client;

use yew::prelude::*;

use components::Shell;
use worker_client::use_simulation_worker;

/// The root component: connects the worker and renders the shell.
#[component]
pub fn App() -> Html {
    let worker_status = use_simulation_worker();
    html! { <Shell worker_status={worker_status} /> }
}

/// Mounts [`App`] on the page's `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}

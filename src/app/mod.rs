//! The user interface.
//!
//! Data flows one way (see `../shared/APP.md`): the store's intents become a
//! run plan, the pool runs its chunks in Web Workers, the results merge in
//! arrival order, view models turn them into geometry and words, and
//! components draw those.
//!
//! Everything that is plain data (the run plan, merging, view models, the
//! store's transitions) builds natively too and is tested there; the Yew
//! components and the worker pool exist only for wasm32.

pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod charts;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod worker_client;

#[cfg(target_arch = "wasm32")]
mod root {
    use yew::prelude::*;

    use super::components::Shell;
    use super::worker_client::use_simulation_worker;

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
}

#[cfg(target_arch = "wasm32")]
pub use root::{App, start};

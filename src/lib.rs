//! Sales Restructuring Simulator.
//!
//! `sim` is the pure, seeded Monte Carlo engine: it never touches the DOM, a
//! worker, storage or a clock, so it is tested natively.
//!
//! `protocol` is the message vocabulary between the page and the Web Worker;
//! it is plain serde data so it builds (and is tested) natively as well.
//! `app` is the UI: its plain-data parts (run plan, merging, view models)
//! build natively and are tested there; its Yew components, like `worker`
//! (the Web Worker), exist only for wasm32, so native builds never compile yew.
pub mod protocol;
pub mod sim;

pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod worker;

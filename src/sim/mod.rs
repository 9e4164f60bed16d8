//! The simulation engine (pure Rust: no yew, gloo, web-sys, js-sys, clocks or OS randomness).
pub mod metrics;
pub mod model;
pub mod params;
pub mod rng;
pub mod scenario;
pub mod stats;
pub mod uncertain;
pub mod validate;

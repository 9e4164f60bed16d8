//! The simulation engine (pure Rust: no yew, gloo, web-sys, js-sys, clocks or OS randomness).
pub mod params;
pub mod scenario;
pub mod uncertain;
pub mod validate;
pub mod metrics;
pub mod model;
pub mod rng;

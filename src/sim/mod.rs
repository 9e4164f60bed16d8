//! The simulation engine (pure Rust: no yew, gloo, web-sys, js-sys, clocks or OS randomness).
pub mod card;
pub mod compare;
pub mod math;
pub mod metrics;
pub mod model;
pub mod params;
pub mod presets;
pub mod report;
pub mod rng;
pub mod run;
pub mod scenario;
pub mod sensitivity;
pub mod stats;
pub mod uncertain;
pub mod validate;
pub mod your_numbers;

//! The simulation engine (pure Rust: no yew, gloo, web-sys, js-sys, clocks or OS randomness).
pub mod stats;

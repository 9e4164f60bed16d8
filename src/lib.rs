//! Sales Restructuring Simulator.
//!
//! `sim` is the pure, seeded Monte Carlo engine: it never touches the DOM, a
//! worker, storage or a clock, so it is tested natively.
pub mod sim;

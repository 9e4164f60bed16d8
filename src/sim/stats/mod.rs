//! Mergeable summary statistics for the Monte Carlo engine.
//!
//! Per metric and month the engine keeps an [`Accumulator`]: exact
//! fixed-point moments (count, mean, standard deviation) plus a
//! [`QuantileSketch`] for percentiles ([`Bands`]) and [`Histogram`]s.
//!
//! Design requirements it meets:
//! * **Bit-exact merging**: summaries of chunks merge so that any chunking of
//!   the same values, merged in any order, gives an `==` (and identically
//!   serialized) result. All state is integers plus exact min/max.
//! * **Bounded memory**: the sketch holds ~128 two-byte counters (four once
//!   one passes 65,535) per factor of two spanned by the values, independent
//!   of the number of runs.
//! * **Stated error**: quantiles are within [`RELATIVE_ERROR`] (2^-8) of the
//!   exact rank-`max(1, ceil(q·n))` value, or within [`ZERO_THRESHOLD`] near 0.
//! * **Cheap inserts**: bit operations, a bounds check and a few adds.
//!
//! All types serialize with serde; exact `f64` and `i128` state is written as
//! strings so it survives JSON (and JavaScript) unchanged.

mod accumulator;
mod counts;
mod exact_serde;
mod histogram;
mod sketch;

pub use accumulator::{Accumulator, Bands, FIXED_POINT_BITS};
pub use histogram::Histogram;
pub use sketch::{MANTISSA_BITS, QuantileSketch, RELATIVE_ERROR, ZERO_THRESHOLD, quantile_rank};

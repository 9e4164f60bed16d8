//! Serde helpers that keep the mergeable state *bit-exact* through JSON.
//!
//! * `f64`: serde_json's default float parser (without its `float_roundtrip`
//!   feature) is off by one ULP for a noticeable share of 17-digit values, and
//!   JSON has no infinities, which the empty sketch uses as its min/max. So
//!   exact `f64` state is written as a string (Rust's shortest round-trip
//!   `Debug` form, e.g. `"1234.5"`, `"1e-7"`, `"inf"`) and read back with the
//!   correctly rounded `str::parse`.
//! * `i128`: the fixed-point sums exceed JavaScript's 2^53 safe integers, so
//!   they travel as decimal strings and survive any JS hop unchanged.
//!
//! Binary formats (`is_human_readable()` false, e.g. the worker protocol's
//! bincode) carry both as their exact bits instead: no text to format or
//! parse, a third of the size.

pub(super) mod f64_str {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return serializer.serialize_f64(*value);
        }
        serializer.collect_str(&format_args!("{value:?}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        if !deserializer.is_human_readable() {
            return f64::deserialize(deserializer);
        }
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(D::Error::custom)
    }
}

pub(super) mod i128_str {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(value: &i128, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return serializer.serialize_i128(*value);
        }
        serializer.collect_str(value)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i128, D::Error> {
        if !deserializer.is_human_readable() {
            return i128::deserialize(deserializer);
        }
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(D::Error::custom)
    }
}

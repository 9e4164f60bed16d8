//! Messages between the page and the simulation Web Workers, and the codec
//! both sides use for them.
//!
//! Both sides are compiled from this one definition, so they cannot disagree
//! about a message's shape. Responses are summaries ready to merge, never
//! raw samples: a message crosses a thread boundary and is copied.
//!
//! # The codec
//! A message travels as a [`Packet`]: its bincode encoding (variable-length
//! integers, little-endian, at most [`MAX_MESSAGE_BYTES`]). Decoding a
//! packet returns a `Result`, so a message that cannot be read (a worker
//! left over from another build, a corrupt buffer) becomes a message on the
//! page instead of a panic, which in WebAssembly would kill the page.
//! gloo-worker carries the packet in its own envelope, encoded with its
//! `Bincode` codec, named explicitly on both sides; the envelope holds only
//! a handler id and these bytes, so it cannot fail to decode.
//!
//! Bincode is not self-describing. A [`Scenario`] is read through
//! `serde_json::Value` (its file format lists every problem at once), so it
//! travels as its file text ([`ScenarioText`]) and the worker parses and
//! validates it; everything else is plain derived serde. The engine's
//! summaries carry their exact `f64` and `i128` state as raw bits in binary
//! formats (see `sim::stats`), so a merged result is bit for bit the
//! command line's.

use std::ops::Range;

use bincode::Options;
use serde::{Deserialize, Serialize};

use crate::sim::compare::Comparison;
use crate::sim::scenario::Scenario;
use crate::sim::sensitivity::Tornado;
use crate::sim::validate::parse_scenario;

/// The crate version, as shown in the page header and reported by the worker.
pub const CRATE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Identifies the build that produced this binary: the `SALESIM_BUILD_ID`
/// environment variable at compile time (the Makefile sets it to the short
/// git commit for release builds), or `dev` when unset.
pub const BUILD_ID: &str = match option_env!("SALESIM_BUILD_ID") {
    Some(id) => id,
    None => "dev",
};

/// No message may be larger than this when decoded: a corrupt length
/// prefix must not make the page allocate gigabytes. A 25,000-run chunk of
/// six scenarios is well under it.
pub const MAX_MESSAGE_BYTES: u64 = 256 << 20;

/// A scenario as its file text (the JSON `salesim` reads).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioText(pub String);

impl ScenarioText {
    #[must_use]
    pub fn of(scenario: &Scenario) -> Self {
        ScenarioText(scenario.to_json().to_string())
    }

    /// Parses and validates the scenario, every problem listed.
    ///
    /// # Errors
    /// The validation messages, one per line.
    pub fn scenario(&self) -> Result<Scenario, String> {
        parse_scenario(&self.0).map_err(|errors| errors.to_string())
    }
}

/// Runs `runs` of a comparison of `scenarios` (the baseline first), every
/// scenario on `months` months and the same `seed`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkRequest {
    /// The chunk's index in its run plan.
    pub chunk: u32,
    pub scenarios: Vec<ScenarioText>,
    pub seed: u64,
    pub months: u32,
    pub runs: Range<u64>,
}

/// What the page asks a worker to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkerRequest {
    /// Report which build the worker was compiled from; the page uses the
    /// answer to show that the worker started and matches the page.
    Version,
    /// Simulate a chunk of run `id`; answered by `Progress` messages and one
    /// `ChunkDone` (or `Failed`).
    Run { id: u64, chunk: ChunkRequest },
    /// Stop every chunk of run `id` (a comparison or a tornado) at the next step.
    Cancel { id: u64 },
    /// The sensitivity tornado of `scenario` against `baseline`: which
    /// assumptions move the difference in value created most.
    Sensitivity { id: u64, job: SensitivityRequest },
}

/// The tornado of `scenario` against `baseline`, each parameter tested on
/// `runs` runs of `months` months with `seed`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SensitivityRequest {
    pub baseline: ScenarioText,
    pub scenario: ScenarioText,
    pub runs: u64,
    pub seed: u64,
    pub months: u32,
}

/// What a worker sends back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkerResponse {
    /// Answer to [`WorkerRequest::Version`].
    Version {
        /// `"<crate version>+<build id>"`, see [`build_version`].
        version: String,
    },
    /// Runs of a chunk done so far.
    Progress { id: u64, chunk: u32, runs_done: u64 },
    /// A chunk's comparison, ready to merge.
    ChunkDone {
        id: u64,
        chunk: u32,
        comparison: Comparison,
    },
    /// Steps of a tornado done so far (one per parameter, and the base).
    SensitivityProgress { id: u64, steps_done: u32, steps: u32 },
    /// A finished tornado.
    SensitivityDone { id: u64, tornado: Tornado },
    /// A request that could not be carried out, in plain words.
    Failed { id: u64, message: String },
}

/// The version string of this build: `"<crate version>+<build id>"`, e.g.
/// `0.1.0+3f2a9c1`. Page and worker each compute it from their own binary,
/// so equal strings mean both came from the same build.
#[must_use]
pub fn build_version() -> String {
    format!("{CRATE_VERSION}+{BUILD_ID}")
}

impl WorkerResponse {
    /// The answer a worker of this build gives to [`WorkerRequest::Version`].
    #[must_use]
    pub fn version_of_this_build() -> Self {
        Self::Version {
            version: build_version(),
        }
    }
}

/// One encoded message, as it crosses `postMessage`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Packet(#[serde(with = "serde_bytes")] pub Vec<u8>);

fn options() -> impl Options {
    bincode::DefaultOptions::new()
        .with_varint_encoding()
        .with_little_endian()
        .with_limit(MAX_MESSAGE_BYTES)
}

/// Encodes a message.
///
/// # Errors
/// Only if the message is larger than [`MAX_MESSAGE_BYTES`].
pub fn encode<T: Serialize>(message: &T) -> Result<Packet, String> {
    options()
        .serialize(message)
        .map(Packet)
        .map_err(|error| format!("could not encode a worker message: {error}"))
}

/// Decodes a message.
///
/// # Errors
/// A packet that is not a message of this build, in words.
pub fn decode<T: for<'de> Deserialize<'de>>(packet: &Packet) -> Result<T, String> {
    options().deserialize(&packet.0).map_err(|error| {
        format!("could not read a message from the simulation worker ({error}); reload the page to load matching files")
    })
}

//! Messages between the page and the simulation Web Worker.
//!
//! Both sides are compiled from this one definition, so the page and the
//! worker cannot disagree about a message's shape. To add a request (for
//! example a simulation run), add a `WorkerRequest` variant, the matching
//! `WorkerResponse` variant(s), and one arm in `crate::worker`'s `received`;
//! the compiler then points at every `match` that must learn about it.
//!
//! Responses are summaries ready to merge or display, never raw samples: a
//! message crosses a thread boundary and is copied.

use serde::{Deserialize, Serialize};

/// The crate version, as shown in the page header and reported by the worker.
pub const CRATE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Identifies the build that produced this binary: the `SALESIM_BUILD_ID`
/// environment variable at compile time (the Makefile sets it to the short
/// git commit for release builds), or `dev` when unset.
pub const BUILD_ID: &str = match option_env!("SALESIM_BUILD_ID") {
    Some(id) => id,
    None => "dev",
};

/// What the page asks the worker to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkerRequest {
    /// Report which build the worker was compiled from; the page uses the
    /// answer to show that the worker started and matches the page.
    Version,
}

/// What the worker sends back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkerResponse {
    /// Answer to [`WorkerRequest::Version`].
    Version {
        /// `"<crate version>+<build id>"`, see [`build_version`].
        version: String,
    },
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

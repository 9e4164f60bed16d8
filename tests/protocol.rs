//! The page and the worker exchange `protocol` types; these tests pin their
//! wire shape and the meaning of the version answer.

use salesim::protocol::{BUILD_ID, CRATE_VERSION, WorkerRequest, WorkerResponse, build_version};

#[test]
fn build_version_joins_crate_version_and_build_id() {
    assert_eq!(build_version(), format!("{CRATE_VERSION}+{BUILD_ID}"));
    assert_eq!(CRATE_VERSION, env!("CARGO_PKG_VERSION"));
    assert!(!BUILD_ID.is_empty());
}

#[test]
fn version_answer_carries_this_builds_version() {
    assert_eq!(
        WorkerResponse::version_of_this_build(),
        WorkerResponse::Version {
            version: build_version()
        }
    );
}

#[test]
fn requests_and_responses_survive_a_serde_round_trip() {
    let request = WorkerRequest::Version;
    let text = serde_json::to_string(&request).expect("request serialises");
    assert_eq!(
        serde_json::from_str::<WorkerRequest>(&text).expect("request parses"),
        request
    );

    let response = WorkerResponse::Version {
        version: "9.9.9+abc".to_owned(),
    };
    let text = serde_json::to_string(&response).expect("response serialises");
    assert_eq!(text, r#"{"Version":{"version":"9.9.9+abc"}}"#);
    assert_eq!(
        serde_json::from_str::<WorkerResponse>(&text).expect("response parses"),
        response
    );
}

#[test]
fn an_unknown_request_is_rejected_not_misread() {
    assert!(serde_json::from_str::<WorkerRequest>(r#""Launch""#).is_err());
}

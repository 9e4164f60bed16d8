//! The page and the workers exchange `protocol` messages through its codec;
//! these tests round-trip them through that very codec and pin what the
//! version answer means.

use salesim::protocol::{
    BUILD_ID, CRATE_VERSION, ChunkRequest, Packet, ScenarioText, SensitivityRequest, WorkerRequest, WorkerResponse,
    build_version, decode, encode,
};
use salesim::sim::compare::{compare, compare_chunk, prepare_comparison};
use salesim::sim::presets;

#[test]
fn build_version_joins_crate_version_and_build_id() {
    assert_eq!(build_version(), format!("{CRATE_VERSION}+{BUILD_ID}"));
    assert_eq!(CRATE_VERSION, env!("CARGO_PKG_VERSION"));
    assert!(!BUILD_ID.is_empty());
    assert_eq!(
        WorkerResponse::version_of_this_build(),
        WorkerResponse::Version {
            version: build_version()
        }
    );
}

#[test]
fn every_preset_survives_the_trip_as_scenario_text() {
    for preset in presets::all() {
        let text = ScenarioText::of(&preset.scenario);
        assert_eq!(text.scenario().as_ref(), Ok(&preset.scenario), "{}", preset.id);
    }
}

#[test]
fn an_invalid_scenario_text_is_reported_with_the_field() {
    let mut file = presets::all()[0].scenario.to_json();
    file["months"] = 400.into();
    let error = ScenarioText(file.to_string()).scenario().unwrap_err();
    assert!(error.contains("months"), "{error}");
}

#[test]
fn a_run_request_round_trips_through_the_codec() {
    let scenarios = presets::all()
        .iter()
        .take(3)
        .map(|p| ScenarioText::of(&p.scenario))
        .collect();
    let request = WorkerRequest::Run {
        id: 7,
        chunk: ChunkRequest {
            chunk: 2,
            scenarios,
            seed: u64::MAX,
            months: 36,
            runs: 400..1_200,
        },
    };
    let packet = encode(&request).expect("encodes");
    assert_eq!(decode::<WorkerRequest>(&packet), Ok(request));
    let cancel = WorkerRequest::Cancel { id: 7 };
    assert_eq!(decode::<WorkerRequest>(&encode(&cancel).unwrap()), Ok(cancel));
    let all = presets::all();
    let tornado = WorkerRequest::Sensitivity {
        id: 8,
        job: SensitivityRequest {
            baseline: ScenarioText::of(&all[0].scenario),
            scenario: ScenarioText::of(&all[1].scenario),
            runs: 400,
            seed: 3,
            months: 24,
        },
    };
    assert_eq!(decode::<WorkerRequest>(&encode(&tornado).unwrap()), Ok(tornado));
}

#[test]
fn a_chunks_comparison_comes_back_bit_for_bit() {
    let all = presets::all();
    let prepared = prepare_comparison(&all[0].scenario, &[all[1].scenario.clone(), all[5].scenario.clone()]);
    let comparison = compare_chunk(&prepared, 1, 0..120);
    let response = WorkerResponse::ChunkDone {
        id: 1,
        chunk: 0,
        comparison: comparison.clone(),
    };
    let packet = encode(&response).expect("encodes");
    let WorkerResponse::ChunkDone { comparison: back, .. } = decode::<WorkerResponse>(&packet).expect("decodes") else {
        panic!("decoded another message");
    };
    assert_eq!(back, comparison);
    // The exact state travels as bits, counts as variable-length integers.
    let json = serde_json::to_string(&comparison).unwrap();
    assert!(
        packet.0.len() * 2 < json.len(),
        "{} bytes vs JSON {}",
        packet.0.len(),
        json.len()
    );
    // And it merges like the original.
    let mut merged = back;
    merged.merge(&compare_chunk(&prepared, 1, 120..200)).unwrap();
    let whole = compare(
        &all[0].scenario,
        &[all[1].scenario.clone(), all[5].scenario.clone()],
        200,
        1,
    )
    .unwrap();
    assert_eq!(merged, whole);
}

#[test]
fn unreadable_packets_are_errors_not_panics() {
    for bytes in [
        vec![],
        vec![0xff; 3],
        vec![9, 1, 2, 3],
        vec![2, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    ] {
        let error = decode::<WorkerResponse>(&Packet(bytes.clone())).unwrap_err();
        assert!(error.contains("could not read"), "{bytes:?}: {error}");
    }
    // A request is not a response.
    let version_request = encode(&WorkerRequest::Run {
        id: 1,
        chunk: ChunkRequest {
            chunk: 0,
            scenarios: vec![],
            seed: 1,
            months: 36,
            runs: 0..1,
        },
    })
    .unwrap();
    assert!(decode::<WorkerResponse>(&version_request).is_err());
}

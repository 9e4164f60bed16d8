//! Browser tests of the worker boundary: messages through the real codec
//! (our packets inside gloo-worker's explicitly chosen Bincode envelope, as
//! `JsValue`s), and a pool's merged result, computed by the engine compiled
//! to WebAssembly, equal to one single-chunk comparison.
#![cfg(target_arch = "wasm32")]

use std::collections::VecDeque;

use gloo_worker::Codec;
use salesim::app::dispatch::{Dispatcher, Phase};
use salesim::app::plan::RunPlan;
use salesim::protocol::{Packet, WorkerRequest, WorkerResponse, decode, encode};
use salesim::sim::compare::{ComparisonRunner, compare, prepare_comparison};
use salesim::sim::presets;
use salesim::sim::scenario::Scenario;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Sends a message across the page–worker boundary as the pool does.
fn across<T: serde::Serialize + for<'de> serde::Deserialize<'de>>(message: &T) -> Result<T, String> {
    let packet = encode(message)?;
    let on_the_wire = gloo_worker::Bincode::encode(packet);
    let arrived: Packet = gloo_worker::Bincode::decode(on_the_wire);
    decode(&arrived)
}

fn scenarios() -> Vec<Scenario> {
    let all = presets::all();
    [&all[0], &all[1], &all[5]]
        .iter()
        .map(|preset| preset.scenario.on_horizon(18))
        .collect()
}

/// A worker's answer, computed here in steps as the worker does.
fn work(request: &WorkerRequest) -> WorkerResponse {
    let WorkerRequest::Run { id, chunk } = request else {
        panic!("not a run request");
    };
    let scenarios: Vec<Scenario> = chunk.scenarios.iter().map(|s| s.scenario().unwrap()).collect();
    let prepared = prepare_comparison(&scenarios[0], &scenarios[1..]);
    let mut runner = ComparisonRunner::new(&prepared, chunk.seed, chunk.runs.clone());
    while !runner.is_finished() {
        runner.advance(8);
    }
    WorkerResponse::ChunkDone {
        id: *id,
        chunk: chunk.chunk,
        comparison: runner.finish(),
    }
}

#[wasm_bindgen_test]
fn requests_and_responses_cross_the_real_codec_unchanged() {
    let plan = RunPlan::new(9, &scenarios(), 300, 5, 18, 2);
    let request = plan.request(0);
    assert_eq!(across(&request).as_ref(), Ok(&request));
    let cancel = WorkerRequest::Cancel { id: 9 };
    assert_eq!(across(&cancel), Ok(cancel));
    let response = work(&request);
    assert_eq!(across(&response).as_ref(), Ok(&response));
    let failed = WorkerResponse::Failed {
        id: 9,
        message: "scenario 2 cannot run: months".into(),
    };
    assert_eq!(across(&failed), Ok(failed));
}

#[wasm_bindgen_test]
fn an_unreadable_packet_is_an_error_not_a_panic() {
    let arrived: Packet = gloo_worker::Bincode::decode(gloo_worker::Bincode::encode(Packet(vec![7, 7, 7])));
    assert!(decode::<WorkerResponse>(&arrived).is_err());
}

#[wasm_bindgen_test]
fn the_pools_merged_result_equals_a_single_run_bit_for_bit() {
    let chosen = scenarios();
    let whole = compare(&chosen[0], &chosen[1..], 1_100, 3).unwrap();
    for workers in [1, 3] {
        let mut pool = Dispatcher::new(workers);
        for worker in 0..workers {
            pool.receive(worker, WorkerResponse::version_of_this_build());
        }
        let plan = RunPlan::new(1, &chosen, 1_100, 3, 18, workers);
        assert!(plan.chunks.len() >= 3, "{:?}", plan.chunks);
        // Answers arrive out of order: the last request sent is answered first.
        let mut sends: VecDeque<_> = pool.start(plan).into();
        while let Some((worker, request)) = sends.pop_back() {
            let request = across(&request).unwrap();
            let response = across(&work(&request)).unwrap();
            sends.extend(pool.receive(worker, response));
        }
        let run = pool.run.as_ref().unwrap();
        assert_eq!(run.phase, Phase::Done);
        assert_eq!(run.results.comparison.as_deref(), Some(&whole), "{workers} workers");
    }
}

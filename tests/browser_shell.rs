//! Browser tests: render the page into a real DOM in headless Chromium
//! (`make test` runs them through wasm-bindgen-test-runner and chromedriver),
//! in each state a run goes through: starting, running, done, cancelled, failed.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use salesim::app::components::{Shell, ShellProps};
use salesim::app::dispatch::{Dispatcher, RunState};
use salesim::app::plan::RunPlan;
use salesim::app::store::{Action, Store};
use salesim::app::view::ChartSize;
use salesim::app::view::progress::progress_view;
use salesim::protocol::{WorkerRequest, WorkerResponse, build_version};
use salesim::sim::compare::{compare_chunk, prepare_comparison};
use salesim::sim::presets;
use salesim::sim::scenario::Scenario;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the page for `pool` into a fresh `<div>` and waits for Yew.
async fn render(pool: &Dispatcher, store: Store) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create root div");
    document.body().expect("body").append_child(&root).expect("attach root");
    let props = ShellProps {
        store: Rc::new(store),
        progress: progress_view(pool, 800.0),
        run: pool.run.clone(),
        sensitivity: pool.sensitivity.clone(),
        on_sensitivity: Callback::noop(),
        on_cancel_sensitivity: Callback::noop(),
        chart_size: ChartSize::WIDE,
        on_action: Callback::noop(),
        on_run: Callback::noop(),
        on_cancel: Callback::noop(),
        on_retry: Callback::noop(),
    };
    yew::Renderer::<Shell>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn by_test_id(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid='{id}']"))
        .expect("valid selector")
}

/// Waits (up to 2 s) until the element appears: sections below the fold
/// mount a moment after the first results, in a later task.
async fn appeared(root: &Element, id: &str) -> Option<Element> {
    for _ in 0..200 {
        if let Some(found) = by_test_id(root, id) {
            return Some(found);
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
        yew::scheduler::flush().await;
    }
    None
}

fn text_of(root: &Element, id: &str) -> String {
    by_test_id(root, id)
        .unwrap_or_else(|| panic!("no element with data-testid={id}"))
        .text_content()
        .unwrap_or_default()
}

fn state_of(root: &Element) -> String {
    by_test_id(root, "run-status")
        .and_then(|e| e.get_attribute("data-state"))
        .unwrap_or_default()
}

fn scenarios() -> Vec<Scenario> {
    let all = presets::all();
    vec![all[0].scenario.clone(), all[1].scenario.clone()]
}

fn ready_pool() -> Dispatcher {
    let mut pool = Dispatcher::new(2);
    for worker in 0..2 {
        pool.receive(worker, WorkerResponse::version_of_this_build());
    }
    pool
}

/// Answers a run request with the engine, as a worker would.
fn answer(request: &WorkerRequest) -> WorkerResponse {
    let WorkerRequest::Run { id, chunk } = request else {
        panic!("not a run request");
    };
    let scenarios: Vec<Scenario> = chunk.scenarios.iter().map(|s| s.scenario().unwrap()).collect();
    let prepared = prepare_comparison(&scenarios[0], &scenarios[1..]);
    WorkerResponse::ChunkDone {
        id: *id,
        chunk: chunk.chunk,
        comparison: compare_chunk(&prepared, chunk.seed, chunk.runs.clone()),
    }
}

fn finished_pool() -> Dispatcher {
    let mut pool = ready_pool();
    let mut sends = pool.start(RunPlan::new(1, &scenarios(), 400, 1, 12, 2));
    while let Some((worker, request)) = sends.pop() {
        sends.extend(pool.receive(worker, answer(&request)));
    }
    pool
}

#[wasm_bindgen_test]
async fn the_page_shows_name_version_footer_and_every_preset_with_its_sentence() {
    let root = render(&Dispatcher::new(2), Store::first_visit()).await;
    assert!(text_of(&root, "app-header").contains("Sales Restructuring Simulator"));
    assert_eq!(text_of(&root, "app-version"), format!("v{}", build_version()));
    assert_eq!(
        text_of(&root, "app-footer"),
        "Everything runs in this browser; nothing is sent anywhere."
    );
    let items = root
        .query_selector_all("[data-testid='preset']")
        .expect("valid selector");
    assert_eq!(items.length() as usize, presets::all().len());
    // The first visit ticks the generalist, the three-stage structure and the restructuring.
    let ticked = root
        .query_selector_all("[data-testid='preset'] input[type='checkbox']:checked")
        .expect("valid selector");
    assert_eq!(ticked.length(), 3);
    let labels = root.query_selector_all("label[for^='tick-']").expect("valid selector");
    assert_eq!(
        labels.length() as usize,
        presets::all().len(),
        "every checkbox is labelled"
    );
}

#[wasm_bindgen_test]
async fn starting_then_running_shows_a_progress_bar_with_its_value() {
    let starting = render(&Dispatcher::new(2), Store::first_visit()).await;
    assert_eq!(state_of(&starting), "starting");
    assert!(by_test_id(&starting, "progress").is_none());
    assert!(text_of(&starting, "results").contains("appear here"));

    let mut pool = ready_pool();
    pool.start(RunPlan::new(1, &scenarios(), 10_000, 1, 12, 2));
    pool.receive(
        0,
        WorkerResponse::Progress {
            id: 1,
            chunk: 0,
            runs_done: 120,
        },
    );
    let running = render(&pool, Store::first_visit()).await;
    assert_eq!(state_of(&running), "running");
    let bar = by_test_id(&running, "progress").expect("a progress bar while running");
    assert_eq!(bar.get_attribute("role").as_deref(), Some("progressbar"));
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("120"));
    assert_eq!(bar.get_attribute("aria-valuemax").as_deref(), Some("10000"));
    let cancel = running
        .query_selector("[data-testid='run-controls'] button:nth-of-type(2)")
        .unwrap()
        .unwrap();
    assert_eq!(cancel.text_content().as_deref(), Some("Cancel"));
    assert!(!cancel.has_attribute("disabled"), "Cancel is available while running");
}

#[wasm_bindgen_test]
async fn done_shows_the_charts_and_the_key_numbers() {
    let pool = finished_pool();
    let root = render(&pool, Store::first_visit()).await;
    assert_eq!(state_of(&root), "done");
    // The first picture comes at once, the sections below the fold a moment later.
    for chart in ["fan-chart", "outcome-histogram", "headline"] {
        assert!(by_test_id(&root, chart).is_some(), "{chart} is shown at once");
    }
    for chart in [
        "key-numbers",
        "chance-ahead-chart",
        "payback-chart",
        "funnel-chart",
        "org-chart",
        "sensitivity",
    ] {
        assert!(appeared(&root, chart).await.is_some(), "{chart} is shown when done");
    }
    let images = root.query_selector_all("[role='img'][aria-label]").unwrap();
    assert!(images.length() >= 2, "charts are images with accessible names");
    let table = root.query_selector("table[data-testid='key-numbers'], [data-testid='key-numbers'] table");
    assert!(table.unwrap().is_some(), "the key numbers are a real table");
}

#[wasm_bindgen_test]
async fn cancelled_keeps_the_results_and_failed_offers_a_retry() {
    let mut pool = finished_pool();
    pool.start(RunPlan::new(2, &scenarios(), 10_000, 1, 12, 2));
    pool.cancel();
    let cancelled = render(&pool, Store::first_visit()).await;
    assert_eq!(state_of(&cancelled), "cancelled");
    assert!(text_of(&cancelled, "run-status").contains("Cancelled after 0 of 10,000 runs"));

    let mut pool = ready_pool();
    pool.worker_failed(0, "it did not start");
    pool.worker_failed(1, "it did not start");
    let failed = render(&pool, Store::first_visit()).await;
    assert_eq!(state_of(&failed), "failed");
    assert!(text_of(&failed, "run-status").contains("it did not start"));
    let buttons: Vec<String> = {
        let list = failed
            .query_selector_all("[data-testid='run-controls'] button")
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).and_then(|n| n.text_content()).unwrap_or_default())
            .collect()
    };
    assert!(buttons.contains(&"Retry".to_owned()), "{buttons:?}");
}

#[wasm_bindgen_test]
async fn invalid_settings_show_the_message_at_the_field_and_keep_the_text() {
    let store = Store::first_visit().apply(Action::EditRuns("12".into()));
    let root = render(&ready_pool(), store).await;
    let input = root.query_selector("#setting-runs").unwrap().expect("a Runs field");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let field = input.parent_element().unwrap();
    assert!(
        field
            .text_content()
            .unwrap_or_default()
            .contains("Runs: must be a whole number from 1,000 to 1,000,000, got \"12\"")
    );
    let run = root
        .query_selector("[data-testid='run-controls'] button")
        .unwrap()
        .unwrap();
    assert!(run.has_attribute("disabled"), "an invalid setting cannot run");
}

/// The state a run state carries is what the page shows: keep it cheap to clone.
#[wasm_bindgen_test]
fn a_run_state_shares_its_merged_comparison() {
    let pool = finished_pool();
    let run: RunState = pool.run.clone().unwrap();
    assert!(Rc::ptr_eq(
        run.results.comparison.as_ref().unwrap(),
        pool.run.as_ref().unwrap().results.comparison.as_ref().unwrap()
    ));
}

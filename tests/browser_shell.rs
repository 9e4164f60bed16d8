//! Browser tests: render the shell into a real DOM in headless Chromium
//! (`make test` runs them through wasm-bindgen-test-runner and chromedriver).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use salesim::app::components::{Shell, ShellProps};
use salesim::app::state::{WorkerEvent, WorkerStatus};
use salesim::protocol::{WorkerResponse, build_version};
use salesim::sim::presets;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the shell with `status` into a fresh `<div>` and waits for Yew.
async fn render_shell(status: WorkerStatus) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create root div");
    document.body().expect("body").append_child(&root).expect("attach root");
    yew::Renderer::<Shell>::with_root_and_props(root.clone(), ShellProps { worker_status: status }).render();
    yew::scheduler::flush().await;
    root
}

fn by_test_id(root: &Element, id: &str) -> Element {
    root.query_selector(&format!("[data-testid='{id}']"))
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element with data-testid={id}"))
}

fn text_of(root: &Element, id: &str) -> String {
    by_test_id(root, id).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn shell_shows_product_name_version_and_footer_promise() {
    let root = render_shell(WorkerStatus::Starting).await;
    assert!(text_of(&root, "app-header").contains("Sales Restructuring Simulator"));
    assert_eq!(text_of(&root, "app-version"), format!("v{}", build_version()));
    assert_eq!(
        text_of(&root, "app-footer"),
        "Everything runs in this browser; nothing is sent anywhere."
    );
}

#[wasm_bindgen_test]
async fn sidebar_lists_the_engines_presets_and_says_the_editor_comes_next() {
    let root = render_shell(WorkerStatus::Starting).await;
    let items = root
        .query_selector_all("[data-testid='preset-name']")
        .expect("valid selector");
    let names: Vec<String> = (0..items.length())
        .map(|i| items.item(i).and_then(|n| n.text_content()).unwrap_or_default())
        .collect();
    let titles: Vec<&str> = presets::all().iter().map(|p| p.title).collect();
    assert_eq!(names, titles);
    assert!(text_of(&root, "scenario-note").contains("editor comes next"));
}

#[wasm_bindgen_test]
async fn results_area_reports_each_worker_state() {
    let starting = render_shell(WorkerStatus::Starting).await;
    let status = by_test_id(&starting, "worker-status");
    assert_eq!(status.get_attribute("data-state").as_deref(), Some("starting"));

    let ready = render_shell(WorkerStatus::Ready {
        version: "1.2.3+abc".to_owned(),
    })
    .await;
    let status = by_test_id(&ready, "worker-status");
    assert_eq!(status.get_attribute("data-state").as_deref(), Some("ready"));
    assert_eq!(
        status.text_content().unwrap_or_default(),
        "Simulation worker ready — version 1.2.3+abc"
    );

    let silent = render_shell(WorkerStatus::Silent).await;
    let status = by_test_id(&silent, "worker-status");
    assert_eq!(status.get_attribute("data-state").as_deref(), Some("silent"));
    assert!(status.text_content().unwrap_or_default().contains("did not start"));
}

#[wasm_bindgen_test]
fn a_late_deadline_does_not_hide_a_worker_that_answered() {
    let answered = Rc::new(WorkerStatus::Starting).reduce(WorkerEvent::Answered(WorkerResponse::Version {
        version: "1.0.0+x".to_owned(),
    }));
    let after_deadline = answered.reduce(WorkerEvent::DeadlinePassed);
    assert_eq!(
        *after_deadline,
        WorkerStatus::Ready {
            version: "1.0.0+x".to_owned()
        }
    );
    let never_answered = Rc::new(WorkerStatus::Starting).reduce(WorkerEvent::DeadlinePassed);
    assert_eq!(*never_answered, WorkerStatus::Silent);
}

//! Browser tests of the scenario editor: mounted with a small host that
//! applies each edit to its draft, as the page's store will, in headless
//! Chromium.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use salesim::app::components::ScenarioEditor;
use salesim::app::draft::{DraftEdit, ScenarioDraft};
use salesim::app::view::editor::{field_id, range_text};
use salesim::sim::params::{CATALOGUE, P};
use salesim::sim::presets;
use salesim::sim::scenario::Scenario;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, PartialEq)]
struct Held(ScenarioDraft);

impl Reducible for Held {
    type Action = DraftEdit;
    fn reduce(self: Rc<Self>, edit: DraftEdit) -> Rc<Self> {
        Rc::new(Held(self.0.apply(edit)))
    }
}

#[derive(Properties, PartialEq, Clone)]
struct HostProps {
    start: ScenarioDraft,
    read_only: bool,
}

#[component]
fn Host(props: &HostProps) -> Html {
    let start = props.start.clone();
    let held = use_reducer(move || Held(start));
    let on_edit = {
        let held = held.clone();
        Callback::from(move |edit: DraftEdit| held.dispatch(edit))
    };
    html! { <ScenarioEditor draft={held.0.clone()} on_edit={on_edit} read_only={props.read_only} /> }
}

async fn mount(scenario: &Scenario, read_only: bool) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create root div");
    document.body().expect("body").append_child(&root).expect("attach root");
    let props = HostProps {
        start: ScenarioDraft::from_scenario(scenario),
        read_only,
    };
    yew::Renderer::<Host>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn defaults() -> Scenario {
    Scenario::new("Defaults", presets::generalist_structure())
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).expect("valid selector")
}

fn field(root: &Element, param: P) -> Element {
    find(
        root,
        &format!("[data-testid='editor-field'][data-path='{}']", param.spec().path),
    )
    .unwrap_or_else(|| panic!("no field for {}", param.spec().path))
}

fn input(root: &Element, id: &str) -> HtmlInputElement {
    find(root, &format!("#{id}"))
        .unwrap_or_else(|| panic!("no input #{id}"))
        .dyn_into()
        .expect("an input")
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// Types `value` into the input as a user would: the value, then an input event.
async fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("input event");
    input.dispatch_event(&event).expect("dispatch input");
    yew::scheduler::flush().await;
}

async fn choose(root: &Element, id: &str, value: &str) {
    let select: HtmlSelectElement = find(root, &format!("#{id}"))
        .unwrap_or_else(|| panic!("no select #{id}"))
        .dyn_into()
        .expect("a select");
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).expect("change event");
    select.dispatch_event(&event).expect("dispatch change");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn every_catalogue_field_renders_with_its_unit_and_range() {
    let root = mount(&defaults(), false).await;
    for spec in CATALOGUE {
        let element = field(&root, spec.id);
        let unit = find(&element, "[data-testid='unit']").expect("unit");
        assert_eq!(text(&unit), spec.unit.label(), "{}", spec.path);
        let range = find(&element, "[data-testid='range']").expect("range");
        assert!(
            text(&range).contains(&range_text(spec)),
            "{}: {}",
            spec.path,
            text(&range)
        );
        assert!(text(&element).contains(spec.label), "{}", spec.path);
        assert!(text(&element).contains(spec.help), "{} help", spec.path);
        assert!(text(&element).contains(spec.source), "{} source", spec.path);
        // the label names its input
        let label = find(&element, "label").expect("label");
        let target = label.get_attribute("for").expect("for");
        assert!(find(&root, &format!("#{target}")).is_some(), "{}", spec.path);
    }
    assert_eq!(
        root.query_selector_all("[data-testid='editor-field']")
            .unwrap()
            .length() as usize,
        CATALOGUE.len()
    );
    assert!(find(&root, "[data-testid='summary-problem']").is_none());
    assert!(find(&root, "[data-testid='read-only-notice']").is_none());
}

#[wasm_bindgen_test]
async fn switching_a_field_to_a_range_and_back_keeps_the_value() {
    let root = mount(&defaults(), false).await;
    let id = field_id(P::OpportunityToWin.spec().path);
    type_into(&input(&root, &id), "0.3").await;
    assert!(find(&field(&root, P::OpportunityToWin), "[data-testid='changed']").is_some());

    choose(&root, &format!("{id}-form"), "triangular").await;
    assert!(
        find(&root, &format!("#{id}")).is_none(),
        "the number gives way to the bounds"
    );
    assert_eq!(input(&root, &format!("{id}-low")).value(), "0.24");
    assert_eq!(input(&root, &format!("{id}-mode")).value(), "0.3");
    assert_eq!(input(&root, &format!("{id}-high")).value(), "0.36");
    let picture = find(&field(&root, P::OpportunityToWin), "[data-testid='picture'] path").expect("a picture");
    let drawn = picture.get_attribute("d").unwrap_or_default();
    assert!(drawn.starts_with('M') && drawn.ends_with('Z'), "{drawn}");

    // the picture follows the bounds as they are typed
    type_into(&input(&root, &format!("{id}-high")), "0.5").await;
    let redrawn = find(&field(&root, P::OpportunityToWin), "[data-testid='picture'] path")
        .and_then(|p| p.get_attribute("d"))
        .unwrap_or_default();
    assert_ne!(redrawn, drawn);

    choose(&root, &format!("{id}-form"), "fixed").await;
    assert_eq!(input(&root, &id).value(), "0.3");
    assert!(find(&field(&root, P::OpportunityToWin), "[data-testid='picture']").is_none());

    // and Reset brings the default back
    let reset: web_sys::HtmlElement = find(&field(&root, P::OpportunityToWin), "[data-testid='reset']")
        .expect("a reset button")
        .dyn_into()
        .unwrap();
    reset.click();
    yew::scheduler::flush().await;
    assert_eq!(input(&root, &id).value(), "0.23");
    assert!(find(&field(&root, P::OpportunityToWin), "[data-testid='changed']").is_none());
}

#[wasm_bindgen_test]
async fn invalid_input_shows_the_engines_message_at_the_field_keeps_the_text_and_is_summarised() {
    let root = mount(&defaults(), false).await;
    let ramp = field_id(P::SdrRamp.spec().path);
    type_into(&input(&root, &ramp), "40").await;
    let delay = field_id(P::HandoffDelay.spec().path);
    type_into(&input(&root, &delay), "soon").await;

    let at_field = find(&field(&root, P::SdrRamp), "[data-testid='problem']").expect("a message at the field");
    assert_eq!(text(&at_field), "must be between 0 and 24 months, got 40");
    let typed = input(&root, &ramp);
    assert_eq!(typed.value(), "40");
    assert_eq!(typed.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = typed.get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.split(' ').any(|id| id == at_field.id()), "{described}");

    let summary: Vec<String> = {
        let items = root.query_selector_all("[data-testid='summary-problem']").unwrap();
        (0..items.length())
            .filter_map(|i| items.item(i))
            .filter_map(|n| n.text_content())
            .collect()
    };
    assert_eq!(
        summary,
        [
            "Hand-off delay: must be a number between 0 and 2 months, got \"soon\"",
            "SDR ramp: must be between 0 and 24 months, got 40",
        ]
    );
    let link = find(&root, "[data-testid='summary-problem'] a").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some(format!("#{delay}").as_str())
    );
    // the group holding a problem is open, so the link leads somewhere visible
    let people = find(&root, "[data-testid='group-people']").unwrap();
    assert!(people.has_attribute("open"));

    // fixing it clears the message and the summary
    type_into(&input(&root, &ramp), "4").await;
    type_into(&input(&root, &delay), "2").await;
    assert!(find(&field(&root, P::SdrRamp), "[data-testid='problem']").is_none());
    assert!(find(&root, "[data-testid='summary-problem']").is_none());
    assert_eq!(
        input(&root, &ramp).get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn the_structure_editor_checks_headcount_against_the_stages() {
    let root = mount(&defaults(), false).await;
    choose(&root, &field_id("structure.selling"), "ae").await;
    let problem = find(&root, "[data-path='structure.headcount.ae'] [data-testid='problem']").expect("a message");
    assert_eq!(
        text(&problem),
        "this structure gives work to account executives, so it needs at least 1 seat, got 0"
    );
    type_into(&input(&root, &field_id("structure.headcount.ae")), "6").await;
    assert!(find(&root, "[data-testid='summary-problem']").is_none());
    // a restructuring appears when switched on
    assert!(find(&root, "[data-testid='structure-target']").is_none());
    let on: web_sys::HtmlElement = find(&root, &format!("#{}", field_id("restructuring")))
        .unwrap()
        .dyn_into()
        .unwrap();
    on.click();
    yew::scheduler::flush().await;
    assert!(find(&root, "[data-testid='structure-target']").is_some());
    assert_eq!(input(&root, &field_id("restructuring.month")).value(), "6");
}

#[wasm_bindgen_test]
async fn a_preset_says_it_is_read_only_and_still_sends_the_edit() {
    let root = mount(&presets::all()[1].scenario, true).await;
    let notice = find(&root, "[data-testid='read-only-notice']").expect("the notice");
    assert_eq!(text(&notice), "Presets are read-only: a change makes your own copy.");
    let id = field_id(P::AcvMedian.spec().path);
    type_into(&input(&root, &id), "30000").await;
    assert_eq!(input(&root, &id).value(), "30000");
    assert!(find(&field(&root, P::AcvMedian), "[data-testid='changed']").is_some());
}

/// The toggle event of a `<details>` arrives in a later task.
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(20).await;
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_group_the_user_opened_stays_open_while_they_type_and_closing_more_leaves_it_open() {
    let root = mount(&defaults(), false).await;
    let group = find(&root, "[data-testid='group-lead-flow']").unwrap();
    assert!(!group.has_attribute("open"), "only the first group starts open");
    let summary: web_sys::HtmlElement = find(&group, "summary").unwrap().dyn_into().unwrap();
    summary.click();
    settle().await;
    assert!(group.has_attribute("open"));
    let more = find(&group, "[data-testid='more-lead-flow']").unwrap();
    let more_summary: web_sys::HtmlElement = find(&more, "summary").unwrap().dyn_into().unwrap();
    more_summary.click();
    settle().await;
    assert!(more.has_attribute("open"));
    type_into(&input(&root, &field_id(P::LeadExpiryMonths.spec().path)), "5").await;
    settle().await;
    assert!(group.has_attribute("open") && more.has_attribute("open"));
    // a changed field under More keeps it open; reset it, then close More
    let reset: web_sys::HtmlElement = find(&field(&root, P::LeadExpiryMonths), "[data-testid='reset']")
        .unwrap()
        .dyn_into()
        .unwrap();
    reset.click();
    yew::scheduler::flush().await;
    more_summary.click();
    settle().await;
    assert!(!more.has_attribute("open"));
    assert!(group.has_attribute("open"), "closing More must not close its group");
}

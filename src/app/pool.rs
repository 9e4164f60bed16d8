//! The worker pool: the only code that spawns and talks to Web Workers.
//! One worker per core (`navigator.hardwareConcurrency`, at most 8), the
//! rules of who runs what in [`Dispatcher`], and a Yew hook that returns a
//! [`PoolHandle`] with the intents `run`, `cancel` and `retry` and the
//! pool's state to draw.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::{Interval, Timeout};
use gloo_worker::{Spawnable, WorkerBridge};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::{Closure, JsValue};
use yew::prelude::*;

use crate::app::dispatch::{Dispatcher, Phase, Send, WorkerState};
use crate::app::plan::RunPlan;
use crate::app::store::Settings;
use crate::protocol::{Packet, ScenarioText, SensitivityRequest, WorkerRequest, WorkerResponse, decode, encode};
use crate::sim::scenario::Scenario;
use crate::sim::sensitivity::DEFAULT_TORNADO_RUNS;
use crate::worker::SimWorker;

/// The worker's start-up script (`assets/worker_loader.js`, copied next to
/// Trunk's `worker.js`). Relative, so the site works under any sub-path,
/// e.g. a GitHub Pages project site at `/sales-sim/`.
pub const WORKER_LOADER_PATH: &str = "./worker_loader.js";
/// At most this many workers, whatever the machine reports.
pub const MAX_WORKERS: usize = 8;
/// How long a worker may take to answer its first request: a cold start
/// fetches and compiles the worker's WebAssembly.
pub const START_DEADLINE_MS: f64 = 15_000.0;
/// A busy worker reports progress every ~30 ms; one silent this long has
/// crashed (a trap in WebAssembly ends a worker without a message).
pub const SILENCE_DEADLINE_MS: f64 = 20_000.0;
/// Progress and refining results are drawn at most this often. Drawing the
/// charts again costs the page 25–45 ms of rendering, layout and paint,
/// on a core the workers need; a new phase (first results, done,
/// cancelled, a failure) is drawn at once.
pub const REDRAW_INTERVAL_MS: f64 = 250.0;

/// What the page draws of the pool and the run.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolView {
    pub pool: Dispatcher,
    /// Milliseconds from Run to the first merged chunk, and to the last.
    pub first_result_ms: Option<f64>,
    pub elapsed_ms: f64,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Workers for this machine: one per core, at least 1, at most [`MAX_WORKERS`].
/// A query parameter `workers=N` (e.g. `?workers=1`, for benchmarks or a
/// user who wants to keep cores free) overrides the core count, clamped to
/// 1..=[`MAX_WORKERS`].
#[must_use]
pub fn worker_count() -> usize {
    let Some(window) = web_sys::window() else { return 1 };
    // `location.search` through Reflect: web-sys's `Location` feature is not enabled.
    let search = js_sys::Reflect::get(&window, &"location".into())
        .and_then(|location| js_sys::Reflect::get(&location, &"search".into()))
        .ok()
        .and_then(|search| search.as_string())
        .unwrap_or_default();
    let asked = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("workers=")?.parse::<usize>().ok());
    let cores = asked.unwrap_or(window.navigator().hardware_concurrency() as usize);
    cores.clamp(1, MAX_WORKERS)
}

struct Slot {
    bridge: Option<WorkerBridge<SimWorker>>,
    spawned_ms: f64,
    last_heard_ms: f64,
}

struct Core {
    dispatcher: Dispatcher,
    slots: Vec<Slot>,
    next_id: u64,
    started_ms: f64,
    first_result_ms: Option<f64>,
    finished_ms: Option<f64>,
    publish: UseStateSetter<Rc<PoolView>>,
    myself: Weak<RefCell<Option<Core>>>,
    _watchdog: Option<Interval>,
    _failures: Option<FailureChannel>,
    last_drawn_ms: f64,
    /// The timer of the next throttled redraw; `redraw_pending` says
    /// whether it is still to fire (a fired timer is kept, not dropped
    /// inside its own callback).
    redraw: Option<Timeout>,
    redraw_pending: bool,
}

/// What makes a change worth drawing at once rather than at the next redraw.
#[derive(PartialEq)]
struct Milestone {
    run: Option<(u64, Phase, bool)>,
    sensitivity: Option<(u64, Phase)>,
    working: usize,
    failed: usize,
}

/// The channel on which `worker_loader.js` reports a worker that could not
/// load its files or whose WebAssembly trapped.
pub const FAILURE_CHANNEL: &str = "salesim-worker-failures";

struct FailureChannel {
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for FailureChannel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// Reads `{ worker, message }` from the loader's report.
fn failure_report(event: &web_sys::MessageEvent) -> Option<(usize, String)> {
    let data = event.data();
    let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
    let worker = field("worker")?.as_string()?.parse().ok()?;
    let message = field("message").and_then(|m| m.as_string()).unwrap_or_default();
    Some((worker, message))
}

fn listen_for_failures(core: Weak<RefCell<Option<Core>>>) -> Option<FailureChannel> {
    let channel = web_sys::BroadcastChannel::new(FAILURE_CHANNEL).ok()?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let Some((worker, message)) = failure_report(&event) else {
            return;
        };
        let Some(core) = core.upgrade() else { return };
        let published = {
            let Ok(mut guard) = core.try_borrow_mut() else { return };
            let Some(core) = guard.as_mut() else { return };
            let reason = if core.dispatcher.workers.get(worker) == Some(&WorkerState::Starting) {
                format!("it could not load its files ({message})")
            } else {
                format!("it crashed ({message})")
            };
            let sends = core.fail_worker(worker, &reason);
            core.deliver(sends);
            (core.publish.clone(), core.view())
        };
        published.0.set(published.1);
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some(FailureChannel {
        channel,
        _on_message: on_message,
    })
}

impl Core {
    fn spawn_worker(&self, index: usize) -> Option<WorkerBridge<SimWorker>> {
        let myself = self.myself.clone();
        let bridge = SimWorker::spawner()
            .encoding::<gloo_worker::Bincode>()
            .callback(move |packet: Packet| on_packet(&myself, index, &packet))
            .spawn_with_loader(&format!("{WORKER_LOADER_PATH}?worker={index}"));
        match encode(&WorkerRequest::Version) {
            Ok(version) => bridge.send(version),
            Err(_) => return None,
        }
        Some(bridge)
    }

    fn deliver(&mut self, sends: Vec<Send>) {
        for (index, request) in sends {
            let Some(slot) = self.slots.get_mut(index) else {
                continue;
            };
            slot.last_heard_ms = now_ms();
            match (slot.bridge.as_ref(), encode(&request)) {
                (Some(bridge), Ok(packet)) => bridge.send(packet),
                (_, Err(message)) => {
                    let more = self.dispatcher.worker_failed(index, &message);
                    self.deliver(more);
                }
                (None, _) => {}
            }
        }
    }

    fn receive(&mut self, index: usize, packet: &Packet) {
        if let Some(slot) = self.slots.get_mut(index) {
            slot.last_heard_ms = now_ms();
        }
        let sends = match decode::<WorkerResponse>(packet) {
            Ok(response) => {
                let chunk_done = matches!(response, WorkerResponse::ChunkDone { .. });
                let sends = self.dispatcher.receive(index, response);
                if chunk_done {
                    self.note_timing();
                }
                sends
            }
            Err(message) => self.fail_worker(index, &message),
        };
        self.deliver(sends);
    }

    fn note_timing(&mut self) {
        let Some(run) = &self.dispatcher.run else { return };
        if run.results.merged_runs() > 0 && self.first_result_ms.is_none() {
            self.first_result_ms = Some(now_ms() - self.started_ms);
        }
        if run.results.is_complete() && self.finished_ms.is_none() {
            self.finished_ms = Some(now_ms());
        }
    }

    fn fail_worker(&mut self, index: usize, reason: &str) -> Vec<Send> {
        if let Some(slot) = self.slots.get_mut(index) {
            // Dropping the bridge terminates the worker.
            slot.bridge = None;
        }
        self.dispatcher.worker_failed(index, reason)
    }

    /// Workers that never answered or went silent while busy are let go.
    fn check_deadlines(&mut self) {
        let now = now_ms();
        let mut sends = Vec::new();
        for index in 0..self.slots.len() {
            let slot = &self.slots[index];
            let reason = match &self.dispatcher.workers[index] {
                WorkerState::Starting if now - slot.spawned_ms > START_DEADLINE_MS => {
                    "it did not start (its files may have failed to load)"
                }
                WorkerState::Busy { .. } if now - slot.last_heard_ms > SILENCE_DEADLINE_MS => "it stopped answering",
                _ => continue,
            };
            sends.extend(self.fail_worker(index, reason));
        }
        self.deliver(sends);
    }

    fn milestone(&self) -> Milestone {
        let pool = &self.dispatcher;
        Milestone {
            run: pool
                .run
                .as_ref()
                .map(|r| (r.id, r.phase.clone(), r.results.merged_runs() > 0)),
            sensitivity: pool.sensitivity.as_ref().map(|s| (s.id, s.phase.clone())),
            working: pool.working(),
            failed: pool
                .workers
                .iter()
                .filter(|w| matches!(w, WorkerState::Failed { .. }))
                .count(),
        }
    }

    /// The view to draw now, or `None` when a redraw is scheduled instead.
    fn draw(&mut self, urgent: bool) -> Option<(UseStateSetter<Rc<PoolView>>, Rc<PoolView>)> {
        let now = now_ms();
        if urgent || now - self.last_drawn_ms >= REDRAW_INTERVAL_MS {
            self.last_drawn_ms = now;
            self.redraw_pending = false;
            return Some((self.publish.clone(), self.view()));
        }
        if !self.redraw_pending {
            self.redraw_pending = true;
            let weak = self.myself.clone();
            let wait = (REDRAW_INTERVAL_MS - (now - self.last_drawn_ms)).max(0.0) as u32;
            self.redraw = Some(Timeout::new(wait, move || {
                let Some(core) = weak.upgrade() else { return };
                let drawn = {
                    let Ok(mut guard) = core.try_borrow_mut() else { return };
                    let Some(core) = guard.as_mut() else { return };
                    core.draw(true)
                };
                if let Some((publish, view)) = drawn {
                    publish.set(view);
                }
            }));
        }
        None
    }

    fn view(&self) -> Rc<PoolView> {
        let end = self.finished_ms.unwrap_or_else(now_ms);
        Rc::new(PoolView {
            pool: self.dispatcher.clone(),
            first_result_ms: self.first_result_ms,
            elapsed_ms: if self.dispatcher.run.is_some() {
                end - self.started_ms
            } else {
                0.0
            },
        })
    }
}

/// A worker's answer: handled with the core borrowed, published after the
/// borrow ends (publishing may render, and a render may call an intent).
fn on_packet(core: &Weak<RefCell<Option<Core>>>, index: usize, packet: &Packet) {
    let Some(core) = core.upgrade() else { return };
    let drawn = {
        let Ok(mut guard) = core.try_borrow_mut() else { return };
        let Some(core) = guard.as_mut() else { return };
        let before = core.milestone();
        core.receive(index, packet);
        let urgent = core.milestone() != before;
        core.draw(urgent)
    };
    if let Some((publish, view)) = drawn {
        publish.set(view);
    }
}

/// The intents the page can send to the pool, and what it shows.
#[derive(Clone)]
pub struct PoolHandle {
    pub view: Rc<PoolView>,
    core: Rc<RefCell<Option<Core>>>,
}

impl PartialEq for PoolHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
    }
}

impl PoolHandle {
    fn with_core(&self, act: impl FnOnce(&mut Core)) {
        let published = {
            let Ok(mut guard) = self.core.try_borrow_mut() else {
                return;
            };
            let Some(core) = guard.as_mut() else { return };
            act(core);
            (core.publish.clone(), core.view())
        };
        published.0.set(published.1);
    }

    /// Runs `scenarios` (the baseline first) with `settings`, replacing any run in progress.
    pub fn run(&self, scenarios: &[Scenario], settings: Settings) {
        self.with_core(|core| {
            core.next_id += 1;
            let plan = RunPlan::new(
                core.next_id,
                scenarios,
                settings.runs,
                settings.seed,
                settings.months,
                core.slots.len(),
            );
            core.started_ms = now_ms();
            core.first_result_ms = None;
            core.finished_ms = None;
            let sends = core.dispatcher.start(plan);
            core.deliver(sends);
        });
    }

    /// Stops every worker's part of the run in progress.
    pub fn cancel(&self) {
        self.with_core(|core| {
            let sends = core.dispatcher.cancel();
            core.finished_ms = Some(now_ms());
            core.deliver(sends);
        });
    }

    /// Computes the sensitivity tornado of `scenario` against `baseline`
    /// in one worker, beside any run in progress.
    pub fn sensitivity(&self, baseline: &Scenario, scenario: &Scenario, settings: Settings) {
        self.with_core(|core| {
            core.next_id += 1;
            let id = core.next_id;
            let request = WorkerRequest::Sensitivity {
                id,
                job: SensitivityRequest {
                    baseline: ScenarioText::of(baseline),
                    scenario: ScenarioText::of(scenario),
                    runs: DEFAULT_TORNADO_RUNS,
                    seed: settings.seed,
                    months: settings.months,
                },
            };
            let sends = core
                .dispatcher
                .start_sensitivity(id, request, &scenario.name, &baseline.name);
            core.deliver(sends);
        });
    }

    /// Stops the tornado in progress.
    pub fn cancel_sensitivity(&self) {
        self.with_core(|core| {
            let sends = core.dispatcher.cancel_sensitivity();
            core.deliver(sends);
        });
    }

    /// Starts fresh workers in place of the failed ones.
    pub fn retry(&self) {
        self.with_core(|core| {
            for index in 0..core.slots.len() {
                if matches!(core.dispatcher.workers[index], WorkerState::Failed { .. }) {
                    core.dispatcher.restarting(index);
                    core.slots[index].bridge = core.spawn_worker(index);
                    core.slots[index].spawned_ms = now_ms();
                }
            }
        });
    }
}

/// Spawns the pool when the calling component mounts and ends its workers
/// when it unmounts.
#[hook]
pub fn use_simulation_pool() -> PoolHandle {
    let view = use_state(|| {
        Rc::new(PoolView {
            pool: Dispatcher::new(worker_count()),
            first_result_ms: None,
            elapsed_ms: 0.0,
        })
    });
    let core = use_mut_ref(|| None::<Core>);
    {
        let core = core.clone();
        let publish = view.setter();
        use_effect_with((), move |()| {
            let count = worker_count();
            let now = now_ms();
            let mut fresh = Core {
                dispatcher: Dispatcher::new(count),
                slots: Vec::new(),
                next_id: 0,
                started_ms: now,
                first_result_ms: None,
                finished_ms: None,
                publish,
                myself: Rc::downgrade(&core),
                _watchdog: None,
                _failures: listen_for_failures(Rc::downgrade(&core)),
                last_drawn_ms: now,
                redraw: None,
                redraw_pending: false,
            };
            for index in 0..count {
                let bridge = fresh.spawn_worker(index);
                fresh.slots.push(Slot {
                    bridge,
                    spawned_ms: now,
                    last_heard_ms: now,
                });
            }
            let weak = Rc::downgrade(&core);
            fresh._watchdog = Some(Interval::new(1_000, move || {
                let Some(core) = weak.upgrade() else { return };
                let published = {
                    let Ok(mut guard) = core.try_borrow_mut() else { return };
                    let Some(core) = guard.as_mut() else { return };
                    let before = core.dispatcher.workers.clone();
                    core.check_deadlines();
                    // Only a change is worth a render.
                    (before != core.dispatcher.workers).then(|| (core.publish.clone(), core.view()))
                };
                if let Some((publish, view)) = published {
                    publish.set(view);
                }
            }));
            *core.borrow_mut() = Some(fresh);
            // Dropping the core drops the bridges (ending the workers) and the watchdog.
            move || drop(core.borrow_mut().take())
        });
    }
    PoolHandle {
        view: (*view).clone(),
        core,
    }
}

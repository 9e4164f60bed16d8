//! The user interface.
//!
//! Data flows one way (see `../shared/APP.md`): the store's intents become a
//! run plan, the pool runs its chunks in Web Workers, the results merge in
//! arrival order, view models turn them into geometry and words, and
//! components draw those.
//!
//! Everything that is plain data (the run plan, merging, view models, the
//! store's transitions) builds natively too and is tested there; the Yew
//! components and the worker pool exist only for wasm32.

pub mod dispatch;
pub mod draft;
pub mod plan;
pub mod results;
pub mod store;
pub mod view;
pub mod your_numbers_form;

#[cfg(target_arch = "wasm32")]
pub mod charts;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pool;

#[cfg(target_arch = "wasm32")]
mod root {
    use std::rc::Rc;

    use gloo::events::EventListener;
    use gloo::timers::callback::Timeout;
    use yew::prelude::*;

    use super::components::Shell;
    use super::pool::use_simulation_pool;
    use super::store::{Action, Saved, Store};
    use super::view::ChartSize;
    use super::view::progress::progress_view;

    /// The store as a Yew reducer: every intent goes through `Store::apply`.
    #[derive(Clone, PartialEq)]
    struct StoreState(Rc<Store>);

    impl Reducible for StoreState {
        type Action = Action;

        fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
            Rc::new(StoreState(Rc::new(self.0.apply(action))))
        }
    }

    /// The only code that touches the browser's storage: the saved
    /// comparison is read once, at start, and written whenever it changes.
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window().and_then(|w| w.local_storage().ok().flatten())
    }

    /// The saved page, or the first visit's: this format's key first, then
    /// older formats' (migrated; their text is left where it was). Saved
    /// data that cannot be read is kept aside under another key, never
    /// dropped, and the page says so.
    fn load_store() -> Store {
        let Some(storage) = storage() else {
            return Store::first_visit();
        };
        let found = std::iter::once(Saved::KEY)
            .chain(Saved::OLDER_KEYS)
            .find_map(|key| storage.get_item(key).ok().flatten().map(|text| (key, text)));
        let Some((key, text)) = found else {
            return Store::first_visit();
        };
        match Saved::parse(&text) {
            Ok(saved) => Store::restored(&saved),
            Err(message) => {
                let aside = format!("{key}.unreadable");
                let kept = storage.set_item(&aside, &text).is_ok();
                let mut store = Store::first_visit();
                store.notice = Some(if kept {
                    format!(
                        "{message}; it is kept in this browser under \"{aside}\", and the first-visit comparison is shown."
                    )
                } else {
                    format!("{message}; the first-visit comparison is shown.")
                });
                store
            }
        }
    }

    fn save_store(saved: &Saved) {
        if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(saved)) {
            // A full or disabled storage only means the next visit starts afresh.
            let _ = storage.set_item(Saved::KEY, &text);
        }
    }

    /// How long the page waits after a change before a small run starts on
    /// its own: long enough that typing "120" runs once, not three times.
    const AUTO_RUN_DELAY_MS: u32 = 600;

    fn viewport_width() -> f64 {
        web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .unwrap_or(1280.0)
    }

    /// The chart size for the window, updated when it is resized.
    #[hook]
    fn use_chart_size() -> ChartSize {
        let size = use_state(|| ChartSize::for_viewport(viewport_width()));
        {
            let size = size.clone();
            use_effect_with((), move |()| {
                let listener = web_sys::window().map(|window| {
                    EventListener::new(&window, "resize", move |_| {
                        let next = ChartSize::for_viewport(viewport_width());
                        if *size != next {
                            size.set(next);
                        }
                    })
                });
                move || drop(listener)
            });
        }
        *size
    }

    /// The root component: the store, the worker pool and the page.
    #[component]
    pub fn App() -> Html {
        let store = use_reducer(|| StoreState(Rc::new(load_store())));
        use_effect_with(store.0.saved(), save_store);
        let pool = use_simulation_pool();
        let chart_size = use_chart_size();
        let view = pool.view.clone();
        let progress = progress_view(&view.pool, view.elapsed_ms);

        let on_run = {
            let (store, pool) = (store.clone(), pool.clone());
            Callback::from(move |()| {
                if let Ok((scenarios, settings)) = store.0.run_request() {
                    pool.run(&scenarios, settings);
                }
            })
        };
        // The first screen answers a question: the default comparison runs
        // as soon as a worker is ready.
        {
            let on_run = on_run.clone();
            let ready = view.pool.working() > 0;
            let has_run = view.pool.run.is_some();
            use_effect_with(ready, move |ready| {
                if *ready && !has_run {
                    on_run.emit(());
                }
            });
        }
        // Small runs follow every change on their own, debounced; a change
        // within the delay replaces the pending run (dropping a Timeout
        // cancels it). The first render is the saved or default page, which
        // the effect above runs.
        {
            let pending = use_mut_ref(|| None::<Timeout>);
            let first = use_mut_ref(|| true);
            let pool = pool.clone();
            use_effect_with(store.0.run_request().ok(), move |request| {
                let is_first = std::mem::replace(&mut *first.borrow_mut(), false);
                *pending.borrow_mut() = None;
                if let (false, Some((scenarios, settings))) = (is_first, request.clone()) {
                    if settings.updates_on_its_own() {
                        *pending.borrow_mut() = Some(Timeout::new(AUTO_RUN_DELAY_MS, move || {
                            pool.run(&scenarios, settings);
                        }));
                    }
                }
            });
        }
        let on_cancel = {
            let pool = pool.clone();
            Callback::from(move |()| pool.cancel())
        };
        let on_retry = {
            let pool = pool.clone();
            Callback::from(move |()| pool.retry())
        };
        let on_action = {
            let store = store.clone();
            Callback::from(move |action: Action| store.dispatch(action))
        };
        let on_sensitivity = {
            let (pool, run) = (pool.clone(), view.pool.run.clone());
            Callback::from(move |index: usize| {
                let Some(run) = &run else { return };
                if let (Some(baseline), Some(scenario)) = (run.scenarios.first(), run.scenarios.get(index)) {
                    let settings = super::store::Settings {
                        runs: run.runs,
                        months: run.months,
                        seed: run.seed,
                    };
                    pool.sensitivity(baseline, scenario, settings);
                }
            })
        };
        let on_cancel_sensitivity = {
            let pool = pool.clone();
            Callback::from(move |()| pool.cancel_sensitivity())
        };
        html! {
            <Shell
                store={store.0.clone()}
                progress={progress}
                run={view.pool.run.clone()}
                sensitivity={view.pool.sensitivity.clone()}
                on_sensitivity={on_sensitivity}
                on_cancel_sensitivity={on_cancel_sensitivity}
                chart_size={chart_size}
                on_action={on_action}
                on_run={on_run}
                on_cancel={on_cancel}
                on_retry={on_retry}
            />
        }
    }

    /// Mounts [`App`] on the page's `<body>`.
    pub fn start() {
        yew::Renderer::<App>::new().render();
    }
}

#[cfg(target_arch = "wasm32")]
pub use root::{App, start};

//! The page layout: header, the scenario and run column, the results, footer.

use std::rc::Rc;

use yew::prelude::*;

use super::{
    AppFooter, AppHeader, ResultsPanel, RunControls, ScenarioEditor, ScenarioList, SettingsPanel, YourNumbersPanel,
};
use crate::app::dispatch::{RunState, SensitivityState};
use crate::app::store::{Action, Store, auto_run_words};
use crate::app::view::ChartSize;
use crate::app::view::progress::ProgressView;
use crate::protocol::build_version;

#[derive(Properties, PartialEq, Clone)]
pub struct ShellProps {
    pub store: Rc<Store>,
    pub progress: ProgressView,
    /// The run whose results are shown (running, done, cancelled or failed).
    pub run: Option<RunState>,
    pub sensitivity: Option<SensitivityState>,
    pub chart_size: ChartSize,
    pub on_action: Callback<Action>,
    pub on_run: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_retry: Callback<()>,
    pub on_sensitivity: Callback<usize>,
    pub on_cancel_sensitivity: Callback<()>,
}

/// The whole page. Pure, so tests render it in any state.
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let blocked: Vec<String> = props
        .store
        .run_request()
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| e.message)
        .collect();
    html! {
        <div class="shell" data-testid="shell">
            <AppHeader version={build_version()} />
            <div class="shell__body">
                <aside class="sidebar" data-testid="scenario-sidebar" aria-label="Scenarios and run">
                    <h2 class="sidebar__title">{ "What to compare" }</h2>
                    <RunControls
                        progress={props.progress.clone()}
                        blocked={blocked}
                        on_run={props.on_run.clone()}
                        on_cancel={props.on_cancel.clone()}
                        on_retry={props.on_retry.clone()}
                    />
                    <p class="run__auto" data-testid="auto-run">{ auto_run_words(props.store.settings.parse().ok()) }</p>
                    <SettingsPanel store={props.store.clone()} on_action={props.on_action.clone()} />
                    <ScenarioList store={props.store.clone()} on_action={props.on_action.clone()} />
                    <YourNumbersPanel store={props.store.clone()} on_action={props.on_action.clone()} />
                    if let Some(notice) = &props.store.notice {
                        <p class="sidebar__notice" role="alert">{ notice.clone() }</p>
                    }
                </aside>
                <div class="shell__main">
                { editor_panel(&props.store, &props.on_action) }
                <ResultsPanel
                    run={props.run.clone()}
                    sensitivity={props.sensitivity.clone()}
                    on_sensitivity={props.on_sensitivity.clone()}
                    on_cancel_sensitivity={props.on_cancel_sensitivity.clone()}
                    metric={props.store.metric}
                    chart_size={props.chart_size}
                    on_action={props.on_action.clone()}
                    current={props.store.compared().iter().map(|e| e.scenario.clone()).collect::<Vec<_>>()}
                />
                </div>
            </div>
            <AppFooter />
        </div>
    }
}

/// The editor of the scenario open in the store, above the results: edits
/// go up as store intents, so what is typed is kept and saved there.
fn editor_panel(store: &Store, on_action: &Callback<Action>) -> Html {
    let Some(id) = store.editing.clone() else {
        return html! {};
    };
    let (Some(entry), Some(draft)) = (store.entry(&id), store.draft(&id)) else {
        return html! {};
    };
    let on_edit = {
        let (on_action, id) = (on_action.clone(), id.clone());
        Callback::from(move |edit| {
            on_action.emit(Action::Edit {
                id: id.clone(),
                edit: Box::new(edit),
            });
        })
    };
    let close = {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::CloseEditor))
    };
    html! {
        <section class="editor-panel" aria-labelledby="editor-title" data-testid="editor-panel">
            <div class="editor-panel__head">
                <h2 id="editor-title">{ format!("Assumptions of {}", entry.title) }</h2>
                <button type="button" class="button button--small button--quiet" onclick={close}>{ "Close the editor" }</button>
            </div>
            <ScenarioEditor draft={draft} on_edit={on_edit} read_only={entry.is_preset()} />
        </section>
    }
}

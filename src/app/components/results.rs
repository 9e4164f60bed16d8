use yew::prelude::*;

use crate::app::state::WorkerStatus;

#[derive(Properties, PartialEq, Clone, Debug)]
pub struct ResultsPanelProps {
    pub worker_status: WorkerStatus,
}

/// The results area. Until the engine lands it reports whether the
/// simulation worker is up.
#[component]
pub fn ResultsPanel(props: &ResultsPanelProps) -> Html {
    let status = &props.worker_status;
    let message = match status {
        WorkerStatus::Starting => "Starting the simulation worker…".to_owned(),
        WorkerStatus::Ready { version } => {
            format!("Simulation worker ready — version {version}")
        }
        WorkerStatus::Silent => "The simulation worker did not start; reload the page to try again.".to_owned(),
    };
    html! {
        <main class="results" data-testid="results">
            <h2 class="results__title">{ "Results" }</h2>
            <p
                class={classes!("results__worker", format!("results__worker--{}", status.name()))}
                data-testid="worker-status"
                data-state={status.name()}
                role="status"
            >
                { message }
            </p>
        </main>
    }
}

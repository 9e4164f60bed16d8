use yew::prelude::*;

use crate::app::dispatch::RunState;
use crate::app::store::Action;
use crate::app::view::ChartSize;
use crate::sim::metrics::Metric;

#[derive(Properties, PartialEq, Clone)]
pub struct ResultsPanelProps {
    pub run: Option<RunState>,
    pub metric: Metric,
    pub chart_size: ChartSize,
    pub on_action: Callback<Action>,
}

/// The results of the run on screen, refined as chunks arrive.
#[component]
pub fn ResultsPanel(props: &ResultsPanelProps) -> Html {
    let comparison = props.run.as_ref().and_then(|r| r.results.comparison.clone());
    html! {
        <main class="results" data-testid="results">
            <h2 class="results__title">{ "Results" }</h2>
            if let Some(comparison) = comparison {
                <p data-testid="merged-runs">{ format!("{} runs merged", comparison.runs) }</p>
            } else {
                <p class="results__empty">{ "Results appear here as soon as the first futures are simulated." }</p>
            }
        </main>
    }
}

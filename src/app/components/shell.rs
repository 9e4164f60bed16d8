//! The page layout: header, scenario sidebar, results area and footer.

use yew::prelude::*;

use super::{AppFooter, AppHeader, ResultsPanel, ScenarioSidebar};
use crate::app::state::WorkerStatus;
use crate::protocol::build_version;

#[derive(Properties, PartialEq, Clone, Debug)]
pub struct ShellProps {
    /// What is known about the simulation worker.
    pub worker_status: WorkerStatus,
}

/// The whole page. Pure, so tests render it with any worker status.
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    html! {
        <div class="shell" data-testid="shell">
            <AppHeader version={build_version()} />
            <div class="shell__body">
                <ScenarioSidebar />
                <ResultsPanel worker_status={props.worker_status.clone()} />
            </div>
            <AppFooter />
        </div>
    }
}

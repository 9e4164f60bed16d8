use yew::prelude::*;

use crate::app::view::progress::ProgressView;

#[derive(Properties, PartialEq, Clone)]
pub struct RunControlsProps {
    pub progress: ProgressView,
    /// Why Run cannot start, if it cannot (invalid settings, nothing ticked).
    pub blocked: Vec<String>,
    pub on_run: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_retry: Callback<()>,
}

/// Run and Cancel, the progress bar, and the run's status in a live region.
#[component]
pub fn RunControls(props: &RunControlsProps) -> Html {
    let progress = &props.progress;
    let run = props.on_run.reform(|_: MouseEvent| ());
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let retry = props.on_retry.reform(|_: MouseEvent| ());
    let can_run = props.blocked.is_empty() && progress.state != "starting" && progress.state != "failed";
    html! {
        <section class="run" data-testid="run-controls" aria-label="Run the simulation">
            <div class="run__buttons">
                <button type="button" class="button button--primary" onclick={run} disabled={!can_run}>{ "Run" }</button>
                <button type="button" class="button" onclick={cancel} disabled={!progress.running}>{ "Cancel" }</button>
                if progress.can_retry {
                    <button type="button" class="button" onclick={retry}>{ "Retry" }</button>
                }
            </div>
            if progress.runs_total > 0 {
                <div class="run__progress">
                    <div class="progress" role="progressbar" data-testid="progress"
                        aria-label="Runs simulated"
                        aria-valuemin="0"
                        aria-valuemax={progress.runs_total.to_string()}
                        aria-valuenow={progress.runs_done.to_string()}
                        aria-valuetext={progress.label.clone()}>
                        // SVG, not a styled div: the page's CSP forbids inline style attributes.
                        <svg class="progress__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                            <rect class="progress__track" width="100" height="10" />
                            <rect class="progress__fill" height="10"
                                width={format!("{:.2}", 100.0 * progress.runs_done as f64 / progress.runs_total.max(1) as f64)} />
                        </svg>
                    </div>
                    <span class="run__progress-label">{ progress.label.clone() }</span>
                </div>
            }
            <p class={classes!("run__status", format!("run__status--{}", progress.state))}
                role="status" aria-live="polite" data-testid="run-status" data-state={progress.state}>
                { progress.status.clone() }
            </p>
            { for props.blocked.iter().map(|message| html! {
                <p class="run__blocked" data-testid="run-blocked">{ message.clone() }</p>
            }) }
        </section>
    }
}

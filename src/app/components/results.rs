//! The results of the run on screen, refined as chunks arrive: who is
//! ahead, the futures over time, the outcome at the horizon, the
//! comparison with the baseline, the key numbers, the funnel and, on
//! demand, the sensitivity tornado.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::charts::difference::{ChanceAheadChart, DifferenceChart};
use crate::app::charts::fan::FanChart;
use crate::app::charts::funnel::FunnelChart;
use crate::app::charts::histogram::OutcomeHistogram;
use crate::app::charts::org_chart::OrgChart;
use crate::app::charts::payback::PaybackChart;
use crate::app::charts::tornado::TornadoChart;
use crate::app::components::key_numbers::KeyNumbersTable;
use crate::app::dispatch::{Phase, RunState, SensitivityState};
use crate::app::store::Action;
use crate::app::view::ChartSize;
use crate::app::view::fan::{fan_chart, offered_metrics};
use crate::app::view::funnel::funnel_view;
use crate::app::view::histogram::outcome_histogram;
use crate::app::view::key_numbers::key_numbers;
use crate::app::view::notes::framing;
use crate::app::view::org_chart::org_chart;
use crate::app::view::pair::against_baseline;
use crate::app::view::tornado::tornado_view;
use crate::sim::compare::Comparison;
use crate::sim::metrics::Metric;
use crate::sim::scenario::Scenario;

#[derive(Properties, PartialEq, Clone)]
pub struct ResultsPanelProps {
    pub run: Option<RunState>,
    pub sensitivity: Option<SensitivityState>,
    pub metric: Metric,
    pub chart_size: ChartSize,
    pub on_action: Callback<Action>,
    /// Asks for the tornado of the run's scenario at this index (not the baseline).
    pub on_sensitivity: Callback<usize>,
    pub on_cancel_sensitivity: Callback<()>,
    /// The compared scenarios as they are now, edits included, so the
    /// organisation is redrawn as the user edits, before any run.
    #[prop_or_default]
    pub current: Vec<Scenario>,
}

/// A merged comparison compared by identity: a new merge is a new value.
#[derive(Clone)]
struct Merged(Rc<Comparison>);

impl PartialEq for Merged {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn ResultsPanel(props: &ResultsPanelProps) -> Html {
    let comparison = props.run.as_ref().and_then(|r| r.results.comparison.clone());
    html! {
        <main class="results" data-testid="results">
            if let (Some(comparison), Some(run)) = (comparison, props.run.as_ref()) {
                <Figures
                    merged={Merged(comparison)}
                    scenarios={run.scenarios.clone()}
                    planned_runs={run.runs}
                    sensitivity={props.sensitivity.clone()}
                    metric={props.metric}
                    chart_size={props.chart_size}
                    on_action={props.on_action.clone()}
                    on_sensitivity={props.on_sensitivity.clone()}
                    on_cancel_sensitivity={props.on_cancel_sensitivity.clone()}
                    current={props.current.clone()}
                />
            } else {
                <h2 class="results__title">{ "Results" }</h2>
                <p class="results__empty">{ "Results appear here as soon as the first futures are simulated." }</p>
            }
        </main>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct FiguresProps {
    merged: Merged,
    /// Only what the figures show, not the run's progress: a progress
    /// message must not redraw every chart.
    scenarios: Vec<Scenario>,
    planned_runs: u64,
    sensitivity: Option<SensitivityState>,
    metric: Metric,
    chart_size: ChartSize,
    on_action: Callback<Action>,
    on_sensitivity: Callback<usize>,
    on_cancel_sensitivity: Callback<()>,
    current: Vec<Scenario>,
}

/// How long after the first results the sections below the fold appear.
/// Mounting every chart at once is one main-thread task of over 100 ms;
/// in two steps the page paints the fan chart first and never stalls.
const LATER_SECTIONS_DELAY_MS: u32 = 40;

#[component]
fn Figures(props: &FiguresProps) -> Html {
    let all_sections = use_state(|| false);
    {
        let all_sections = all_sections.clone();
        use_effect_with((), move |()| {
            let timer = gloo::timers::callback::Timeout::new(LATER_SECTIONS_DELAY_MS, move || all_sections.set(true));
            move || drop(timer)
        });
    }
    let later = *all_sections;
    let size = props.chart_size;
    let merged = props.merged.clone();
    // Each view model is recomputed only when what it shows changes.
    let against = use_memo((merged.clone(), size), |(m, size)| against_baseline(&m.0, *size));
    let histogram = use_memo((merged.clone(), size), |(m, size)| outcome_histogram(&m.0, *size));
    let numbers = use_memo(merged.clone(), |m| key_numbers(&m.0));
    let metrics = use_memo(merged.clone(), |m| offered_metrics(&m.0));
    let metric = if metrics.contains(&props.metric) {
        props.metric
    } else {
        Metric::ValueCreated
    };
    let fan = use_memo((merged.clone(), metric, size), |(m, metric, size)| {
        fan_chart(&m.0, *metric, *size)
    });
    let funnels = {
        let scenarios = props.scenarios.clone();
        use_memo((merged.clone(), size), move |(m, size)| {
            m.0.summaries
                .iter()
                .zip(&scenarios)
                .enumerate()
                .map(|(i, (summary, scenario))| Rc::new(funnel_view(summary, scenario, i, *size)))
                .collect::<Vec<_>>()
        })
    };
    let comparison = &merged.0;
    let months = comparison.months;
    let partial = comparison.runs < props.planned_runs;
    let picker = metric_picker(&metrics, metric, &props.on_action);
    html! {
        <>
            <h2 class="results__title">
                { format!("Results of {} futures over {months} months", crate::app::view::format::whole(comparison.runs)) }
                if partial {
                    <span class="results__partial">{ format!(" (so far; {} planned)", crate::app::view::format::whole(props.planned_runs)) }</span>
                }
            </h2>
            if !against.pairs.is_empty() {
                <section class="results__section" aria-label="Who is ahead">
                    { for against.pairs.iter().map(|pair| html! {
                        <p class="results__headline" data-testid="headline">{ pair.headline.clone() }</p>
                    }) }
                </section>
            }
            <section class="results__section">
                <h2>{ "How the futures unfold" }</h2>
                <FanChart chart={fan.clone()} controls={picker} />
            </section>
            <section class="results__section">
                <h2>{ format!("Where they end at month {months}") }</h2>
                <OutcomeHistogram chart={histogram.clone()} />
            </section>
            if later && !against.pairs.is_empty() {
                <section class="results__section">
                    <h2>{ format!("Against the baseline: {}", against.baseline) }</h2>
                    <ChanceAheadChart chart={Rc::new(against.chance_ahead.clone())} />
                    { for against.pairs.iter().map(|pair| html! {
                        <div class="results__pair">
                            <DifferenceChart chart={Rc::new(pair.difference.clone())} />
                            <PaybackChart chart={Rc::new(pair.payback.clone())} />
                        </div>
                    }) }
                </section>
            }
            if later {
                <Organisation merged={merged.clone()} scenarios={props.scenarios.clone()}
                    current={props.current.clone()} size={size} />
                <section class="results__section">
                    <h2>{ "Key numbers" }</h2>
                    <KeyNumbersTable numbers={numbers.clone()} />
                </section>
                <section class="results__section">
                    <h2>{ "Funnel and bottleneck" }</h2>
                    { for funnels.iter().map(|view| html! { <FunnelChart view={view.clone()} /> }) }
                </section>
            }
            if later && comparison.summaries.len() > 1 {
                <Sensitivity
                    names={comparison.summaries.iter().map(|s| s.scenario.clone()).collect::<Vec<_>>()}
                    state={props.sensitivity.clone()}
                    size={size}
                    on_start={props.on_sensitivity.clone()}
                    on_cancel={props.on_cancel_sensitivity.clone()}
                />
            }
            <section class="results__framing" aria-label="What these numbers mean">
                { for framing(&props.scenarios, months).into_iter().map(|note| html! { <p>{ note }</p> }) }
            </section>
        </>
    }
}

fn metric_picker(metrics: &[Metric], chosen: Metric, on_action: &Callback<Action>) -> Html {
    let on_change = {
        let on_action = on_action.clone();
        let metrics = metrics.to_vec();
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            if let Some(metric) = Metric::from_key(&select.value()).filter(|m| metrics.contains(m)) {
                on_action.emit(Action::ChooseMetric(metric));
            }
        })
    };
    html! {
        <div class="metric-picker">
            <label for="metric-picker">{ "Metric" }</label>
            <select id="metric-picker" onchange={on_change}>
                { for metrics.iter().map(|m| html! {
                    <option value={m.key()} selected={*m == chosen}>{ m.title() }</option>
                }) }
            </select>
        </div>
    }
}

/// A `<select>` of scenarios whose option values are indices sets `chosen`.
fn choose_index(chosen: &UseStateHandle<usize>) -> Callback<Event> {
    let chosen = chosen.clone();
    Callback::from(move |event: Event| {
        let index = event
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .and_then(|select| select.value().parse::<usize>().ok());
        if let Some(index) = index {
            chosen.set(index);
        }
    })
}

#[derive(Properties, PartialEq, Clone)]
struct OrganisationProps {
    merged: Merged,
    scenarios: Vec<Scenario>,
    /// The same comparison as it is now; drawn instead when the user has
    /// edited it since the run, without the run's volumes, which were not its own.
    current: Vec<Scenario>,
    size: ChartSize,
}

/// The chosen scenario's organisation, with the last run's monthly volumes.
#[component]
fn Organisation(props: &OrganisationProps) -> Html {
    // A restructuring's before and after is the picture a facilitator
    // shows first; otherwise the first structure compared with the baseline.
    let first_shown = props
        .scenarios
        .iter()
        .position(|s| s.restructuring.is_some())
        .unwrap_or(usize::from(props.scenarios.len() > 1));
    let chosen = use_state(|| first_shown);
    let index = (*chosen).min(props.scenarios.len().saturating_sub(1));
    let view = use_memo(
        (
            props.merged.clone(),
            props.scenarios.clone(),
            props.current.clone(),
            index,
            props.size,
        ),
        |(merged, scenarios, current, index, size)| {
            let run = scenarios.get(*index)?;
            let now = current
                .get(*index)
                .filter(|_| current.len() == scenarios.len())
                .unwrap_or(run);
            let volumes = (now == run).then(|| merged.0.summaries.get(*index)).flatten();
            Some(Rc::new(org_chart(now, volumes, *size)))
        },
    );
    let on_choose = choose_index(&chosen);
    html! {
        <section class="results__section" data-testid="organisation">
            <h2>{ "The organisation" }</h2>
            <div class="sensitivity__controls">
                <label for="organisation-scenario">{ "Scenario" }</label>
                <select id="organisation-scenario" onchange={on_choose}>
                    { for props.scenarios.iter().enumerate().map(|(i, scenario)| html! {
                        <option value={i.to_string()} selected={i == index}>{ scenario.name.clone() }</option>
                    }) }
                </select>
            </div>
            if let Some(view) = (*view).clone() {
                <OrgChart view={view} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct SensitivityProps {
    /// Scenario names of the comparison, the baseline first.
    names: Vec<String>,
    state: Option<SensitivityState>,
    size: ChartSize,
    on_start: Callback<usize>,
    on_cancel: Callback<()>,
}

/// The tornado on demand: it costs extra runs, so it waits for a click.
#[component]
fn Sensitivity(props: &SensitivityProps) -> Html {
    let chosen = use_state(|| 1usize);
    let index = (*chosen).clamp(1, props.names.len().saturating_sub(1).max(1));
    let on_choose = choose_index(&chosen);
    let start = props.on_start.reform(move |_: MouseEvent| index);
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let state = props.state.as_ref();
    let running = state.is_some_and(|s| s.phase == Phase::Running);
    let tornado = state.and_then(|s| s.tornado.as_ref().map(|t| Rc::new(tornado_view(t, props.size))));
    let status = state.map(|s| match &s.phase {
        Phase::Running => format!(
            "Testing the assumptions of {} against {}: {} of {} steps…",
            s.scenario,
            s.baseline,
            s.steps_done,
            s.steps.max(1)
        ),
        Phase::Done => format!("Assumptions tested: {} against {}.", s.scenario, s.baseline),
        Phase::Cancelled => "The sensitivity test was cancelled.".to_owned(),
        Phase::Failed { message } => format!("The sensitivity test failed: {message}"),
    });
    html! {
        <section class="results__section" data-testid="sensitivity">
            <h2>{ "Which assumptions matter" }</h2>
            <p>{ "Each assumption is set low and high in turn, on the same futures, to see how much the difference in value created (cumulative contribution plus the change in the customer book's value) moves. It takes about 18 small extra runs." }</p>
            <div class="sensitivity__controls">
                <label for="sensitivity-scenario">{ "Scenario" }</label>
                <select id="sensitivity-scenario" onchange={on_choose}>
                    { for props.names.iter().enumerate().skip(1).map(|(i, name)| html! {
                        <option value={i.to_string()} selected={i == index}>{ name.clone() }</option>
                    }) }
                </select>
                <button type="button" class="button" onclick={start} disabled={running}>
                    { "Test the assumptions" }
                </button>
                if running {
                    <button type="button" class="button" onclick={cancel}>{ "Stop the test" }</button>
                }
            </div>
            if let Some(s) = state.filter(|s| s.phase == Phase::Running) {
                <div role="progressbar" aria-label="Assumptions tested" data-testid="sensitivity-progress"
                    aria-valuemin="0" aria-valuemax={s.steps.to_string()} aria-valuenow={s.steps_done.to_string()}>
                    <svg class="progress__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                        <rect class="progress__track" width="100" height="10" />
                        <rect class="progress__fill" height="10"
                            width={format!("{:.1}", 100.0 * f64::from(s.steps_done) / f64::from(s.steps.max(1)))} />
                    </svg>
                </div>
            }
            if let Some(status) = status {
                <p role="status" aria-live="polite" data-testid="sensitivity-status">{ status }</p>
            }
            if let Some(view) = tornado {
                <TornadoChart view={view} />
            }
        </section>
    }
}

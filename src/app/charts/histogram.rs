//! "Outcome at the horizon": draws a [`view::HistogramChart`]
//! (each scenario's share of runs per bin as an outlined translucent step
//! area on common bins, its median, P10 and P90 as vertical marks) with a
//! legend.

use std::rc::Rc;

use yew::prelude::*;

use super::ChartFrame;
use super::parts::{INK, Picture, axes, grid, legend, px, titles};
use crate::app::view::fan::PlotArea;
use crate::app::view::histogram::{self as view, MarkKind};

#[derive(Properties, PartialEq, Clone)]
pub struct OutcomeHistogramProps {
    pub chart: Rc<view::HistogramChart>,
    #[prop_or_default]
    pub controls: Html,
}

/// Fill opacity of a scenario's bars: overlapping scenarios stay visible
/// through each other, and their outlines carry the shape.
const FILL_OPACITY: &str = "0.2";

/// The distribution of value created by the horizon, per scenario.
#[component]
pub fn OutcomeHistogram(props: &OutcomeHistogramProps) -> Html {
    let chart = &props.chart;
    let controls = html! {
        <>
            { props.controls.clone() }
            { legend(chart.series.iter().map(|s| (s.scenario.as_str(), s.colour)), Some(marks_key())) }
        </>
    };
    html! {
        <ChartFrame
            title={format!("Outcome at month {}", chart.horizon)}
            text={chart.text.clone()}
            table={chart.table.clone()}
            test_id="outcome-histogram"
            controls={controls}
        >
            <Picture width={chart.width} height={chart.height} font_size={chart.font_size}>
                { grid(&chart.plot, &chart.y_ticks) }
                if let Some(x) = chart.zero_line {
                    <line
                        class="histogram__zero"
                        x1={px(x)} x2={px(x)} y1={px(chart.plot.top)} y2={px(chart.plot.bottom)}
                        stroke={INK} stroke-width="1.5"
                    />
                }
                { for chart.series.iter().map(bars) }
                { for chart.series.iter().map(|s| marks(s, &chart.plot)) }
                { axes(&chart.plot, &chart.axis_text, &chart.x_ticks, &chart.y_ticks) }
                { titles(&chart.axis_text, &chart.x_title, &chart.y_title) }
            </Picture>
        </ChartFrame>
    }
}

fn bars(series: &view::HistogramSeries) -> Html {
    html! {
        <path
            class="histogram__bars"
            d={series.area.clone()}
            fill={series.colour}
            fill-opacity={FILL_OPACITY}
            stroke={series.colour}
            stroke-width="1.5"
            stroke-linejoin="miter"
        />
    }
}

/// Stroke width and dash pattern of a mark: the median solid and heavier.
fn mark_style(kind: MarkKind) -> (&'static str, &'static str) {
    match kind {
        MarkKind::Median => ("2.5", "none"),
        MarkKind::P10 | MarkKind::P90 => ("1.5", "5 3"),
    }
}

fn marks(series: &view::HistogramSeries, plot: &PlotArea) -> Html {
    html! {
        <g class="histogram__marks" stroke={series.colour}>
            { for series.marks.iter().map(|mark| {
                let (width, dash) = mark_style(mark.kind);
                html! {
                    <line
                        x1={px(mark.x)} x2={px(mark.x)} y1={px(plot.top)} y2={px(plot.bottom)}
                        stroke-width={width} stroke-dasharray={dash}
                    >
                        <title>{ format!("{}: {}", series.scenario, mark.label) }</title>
                    </line>
                }
            }) }
        </g>
    }
}

/// The key to the solid and dashed marks.
fn marks_key() -> Html {
    html! {
        <>
            <svg class="chart__line-key" viewBox="0 0 24 12" width="24" height="12" aria-hidden="true">
                <line x1="0" x2="24" y1="6" y2="6" stroke={INK} stroke-width="2.5" />
            </svg>
            { "median" }
            <svg class="chart__line-key" viewBox="0 0 24 12" width="24" height="12" aria-hidden="true">
                <line x1="0" x2="24" y1="6" y2="6" stroke={INK} stroke-width="1.5" stroke-dasharray="5 3" />
            </svg>
            { "P10 and P90" }
        </>
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use wasm_bindgen_test::wasm_bindgen_test;
    use yew::prelude::*;

    use super::{OutcomeHistogram, OutcomeHistogramProps};
    use crate::app::charts::fan::tests::{comparison, count, render};
    use crate::app::view::ChartSize;
    use crate::app::view::histogram::outcome_histogram;

    #[wasm_bindgen_test]
    async fn the_histogram_draws_a_step_area_and_three_marks_per_scenario() {
        let chart = Rc::new(outcome_histogram(&comparison(100), ChartSize::NARROW));
        let root = render::<OutcomeHistogram>(OutcomeHistogramProps {
            chart: chart.clone(),
            controls: Html::default(),
        })
        .await;
        let figure = root
            .query_selector("[data-testid='outcome-histogram']")
            .unwrap()
            .expect("figure");
        assert_eq!(count(&figure, "path.histogram__bars"), 3);
        assert_eq!(count(&figure, ".histogram__marks line"), 9);
        assert_eq!(count(&figure, ".chart__legend-item .chart__swatch"), 3);
        assert_eq!(count(&figure, ".histogram__zero"), u32::from(chart.zero_line.is_some()));
        let first = figure.query_selector("path.histogram__bars").unwrap().expect("bars");
        assert_eq!(first.get_attribute("d"), Some(chart.series[0].area.clone()));
        let title = figure.query_selector(".chart__title").unwrap().expect("title");
        assert_eq!(title.text_content().as_deref(), Some("Outcome at month 36"));
    }
}

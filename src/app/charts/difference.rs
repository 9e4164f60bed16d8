//! "Against the baseline", month by month: [`DifferenceChart`] draws one
//! scenario's paired difference in value created as bands over a zero
//! line; [`ChanceAheadChart`] draws every scenario's chance of being ahead
//! with a 50% line. Both map a view model from `crate::app::view::pair`.

use std::rc::Rc;

use yew::prelude::*;

use super::ChartFrame;
use super::parts::{INK, Picture, axes, grid, legend, px, titles};
use crate::app::view::pair as view;

/// Opacity of the P5–P95 band and of the P25–P75 band over it, as the fan chart's.
const OUTER_OPACITY: &str = "0.18";
const INNER_OPACITY: &str = "0.35";

#[derive(Properties, PartialEq, Clone)]
pub struct DifferenceChartProps {
    pub chart: Rc<view::DifferenceChart>,
}

/// One scenario minus the baseline, value created by month.
#[component]
pub fn DifferenceChart(props: &DifferenceChartProps) -> Html {
    let chart = &props.chart;
    let legend = legend(
        [],
        Some(
            html! { "Line: median difference. Bands: middle 50% (dark) and 90% (light) of futures. Black line: no difference." },
        ),
    );
    html! {
        <ChartFrame
            title={chart.title.clone()}
            text={chart.text.clone()}
            table={chart.table.clone()}
            test_id="difference-chart"
            controls={legend}
        >
            <Picture width={chart.width} height={chart.height} font_size={chart.font_size}>
                { grid(&chart.plot, &chart.y_ticks) }
                <g class="difference__bands" fill={chart.colour} stroke="none">
                    <path d={chart.outer_band.clone()} fill-opacity={OUTER_OPACITY} />
                    <path d={chart.inner_band.clone()} fill-opacity={INNER_OPACITY} />
                </g>
                <line
                    class="difference__zero"
                    x1={px(chart.plot.left)} x2={px(chart.plot.right)}
                    y1={px(chart.zero_y)} y2={px(chart.zero_y)}
                    stroke={INK} stroke-width="1.5"
                />
                <path
                    class="difference__median"
                    d={chart.median.clone()}
                    fill="none"
                    stroke={chart.colour}
                    stroke-width="2"
                    stroke-linejoin="round"
                />
                { axes(&chart.plot, &chart.axis_text, &chart.x_ticks, &chart.y_ticks) }
                { titles(&chart.axis_text, &chart.x_title, &chart.y_title) }
            </Picture>
        </ChartFrame>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ChanceAheadChartProps {
    pub chart: Rc<view::ChanceAheadChart>,
}

/// Every other scenario's chance of more value created than the baseline, by month.
#[component]
pub fn ChanceAheadChart(props: &ChanceAheadChartProps) -> Html {
    let chart = &props.chart;
    let legend = legend(
        chart.lines.iter().map(|line| (line.scenario.as_str(), line.colour)),
        Some(html! { "Dashed line: ahead in half of futures." }),
    );
    html! {
        <ChartFrame
            title={chart.title.clone()}
            text={chart.text.clone()}
            table={chart.table.clone()}
            test_id="chance-ahead-chart"
            controls={legend}
        >
            <Picture width={chart.width} height={chart.height} font_size={chart.font_size}>
                { grid(&chart.plot, &chart.y_ticks) }
                <line
                    class="chance-ahead__reference"
                    x1={px(chart.plot.left)} x2={px(chart.plot.right)}
                    y1={px(chart.reference_y)} y2={px(chart.reference_y)}
                    stroke={INK} stroke-width="1" stroke-dasharray="4 3"
                />
                { for chart.lines.iter().map(|line| html! {
                    <path
                        class="chance-ahead__line"
                        d={line.path.clone()}
                        fill="none"
                        stroke={line.colour}
                        stroke-width="2"
                        stroke-linejoin="round"
                    />
                }) }
                { axes(&chart.plot, &chart.axis_text, &chart.x_ticks, &chart.y_ticks) }
                { titles(&chart.axis_text, &chart.x_title, &chart.y_title) }
            </Picture>
        </ChartFrame>
    }
}

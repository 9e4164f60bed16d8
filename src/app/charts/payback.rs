//! The payback month: draws a [`view::PaybackChart`] (the share of futures
//! paying back in each month, a separate "never" bar, the median month)
//! with the payback sentence as its summary.

use std::rc::Rc;

use yew::prelude::*;

use super::ChartFrame;
use super::parts::{INK, Picture, axes, grid, px, titles};
use crate::app::view::pair::{self as view, Bar};

#[derive(Properties, PartialEq, Clone)]
pub struct PaybackChartProps {
    pub chart: Rc<view::PaybackChart>,
}

/// When one scenario pays back against the baseline, month by month.
#[component]
pub fn PaybackChart(props: &PaybackChartProps) -> Html {
    let chart = &props.chart;
    let x_ticks: Vec<_> = chart.x_ticks.iter().chain([&chart.never_tick]).cloned().collect();
    html! {
        <ChartFrame
            title={chart.title.clone()}
            text={chart.text.clone()}
            table={chart.table.clone()}
            test_id="payback-chart"
        >
            <Picture width={chart.width} height={chart.height} font_size={chart.font_size}>
                { grid(&chart.plot, &chart.y_ticks) }
                <g class="payback__bars" fill={chart.colour}>
                    { for chart.bars.iter().map(bar) }
                </g>
                <g class="payback__never" fill={chart.never_colour}>
                    { bar(&chart.never) }
                </g>
                if let Some(median) = &chart.median {
                    <g class="payback__median">
                        <line
                            x1={px(median.x)} x2={px(median.x)} y1={px(chart.plot.top)} y2={px(chart.plot.bottom)}
                            stroke={INK} stroke-width="1" stroke-dasharray="4 3"
                        />
                        <text x={px(median.label_x)} y={px(median.label_y)} text-anchor={median.anchor}>
                            { median.label.clone() }
                        </text>
                    </g>
                }
                { axes(&chart.plot, &chart.axis_text, &x_ticks, &chart.y_ticks) }
                { titles(&chart.axis_text, &chart.x_title, &chart.y_title) }
            </Picture>
        </ChartFrame>
    }
}

fn bar(bar: &Bar) -> Html {
    html! {
        <rect x={px(bar.x)} y={px(bar.y)} width={px(bar.width)} height={px(bar.height)}>
            <title>{ bar.title.clone() }</title>
        </rect>
    }
}

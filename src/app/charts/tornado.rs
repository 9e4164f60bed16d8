//! The sensitivity tornado: draws a [`view::TornadoView`] — one bar per
//! assumption from the base outcome to its outcome at the low and at the
//! high test value, each end labelled with the value tested.

use std::rc::Rc;

use yew::prelude::*;

use super::ChartFrame;
use super::parts::{GRID, INK, Picture, legend, px};
use crate::app::view::tornado::{self as view, BarEnd, TornadoRow};

#[derive(Properties, PartialEq, Clone)]
pub struct TornadoChartProps {
    pub view: Rc<view::TornadoView>,
}

/// Which assumptions move the outcome most, widest swing on top.
#[component]
pub fn TornadoChart(props: &TornadoChartProps) -> Html {
    let view = &props.view;
    let plot = &view.plot;
    html! {
        <ChartFrame
            title={view.title.clone()}
            text={view.text.clone()}
            table={view.table.clone()}
            test_id="tornado-chart"
            controls={legend(view.legend.iter().map(|e| (e.label.as_str(), e.colour)), None)}
        >
            <Picture width={view.width} height={view.height} font_size={view.font_size}>
                <g stroke={GRID} stroke-width="1">
                    { for view.ticks.iter().map(|t| html! {
                        <line x1={px(t.position)} x2={px(t.position)} y1={px(plot.top)} y2={px(plot.bottom)} />
                    }) }
                </g>
                { for view.rows.iter().map(|row| bar(row, view.label_x)) }
                <line
                    class="tornado__base"
                    x1={px(view.base_x)} x2={px(view.base_x)} y1={px(plot.top)} y2={px(plot.bottom)}
                    stroke={INK} stroke-width="1.5"
                />
                <text x={px(view.base_x)} y={px(view.base_label_y)} text-anchor="middle">{ view.base_label.clone() }</text>
                <g text-anchor="middle">
                    { for view.ticks.iter().map(|t| html! {
                        <text x={px(t.position)} y={px(view.tick_label_y)}>{ t.label.clone() }</text>
                    }) }
                </g>
            </Picture>
            <p class="tornado__axis-title">{ view.x_title.clone() }</p>
        </ChartFrame>
    }
}

fn bar(row: &TornadoRow, label_x: f64) -> Html {
    html! {
        <g class="tornado__bar" data-parameter={row.path.clone()}>
            <text x={px(label_x)} y={px(row.heading_y)}>{ row.label.clone() }</text>
            { end(&row.low, row) }
            { end(&row.high, row) }
        </g>
    }
}

fn end(end: &BarEnd, row: &TornadoRow) -> Html {
    html! {
        <>
            <rect x={px(end.x)} y={px(row.bar_y)} width={px(end.width)} height={px(row.bar_height)} fill={end.fill}>
                <title>{ end.title.clone() }</title>
            </rect>
            <text x={px(end.label_x)} y={px(row.label_y)} text-anchor={end.anchor}>{ end.value_label.clone() }</text>
        </>
    }
}

//! "Funnel and bottleneck": draws a [`view::FunnelView`] — the average
//! month's stages as bars split into what carries on, what is lost and what
//! does not convert, then each role's capacity use against a 100% line —
//! with the engine's bottleneck sentence above the picture.

use std::rc::Rc;

use yew::prelude::*;

use super::ChartFrame;
use super::parts::{GRID, INK, Picture, legend, px};
use crate::app::view::funnel::{self as view, CapacityChart, RoleRow, Segment, StageRow};

#[derive(Properties, PartialEq, Clone)]
pub struct FunnelChartProps {
    pub view: Rc<view::FunnelView>,
}

/// One scenario's funnel, losses and capacity use.
#[component]
pub fn FunnelChart(props: &FunnelChartProps) -> Html {
    let view = &props.view;
    let funnel = &view.funnel;
    let controls = html! {
        <>
            <p class="funnel__bottleneck" data-testid="bottleneck">{ view.bottleneck.clone() }</p>
            { legend(funnel.legend.iter().map(|e| (e.label.as_str(), e.colour)), None) }
        </>
    };
    html! {
        <ChartFrame
            title={view.title.clone()}
            text={view.text.clone()}
            table={view.table.clone()}
            test_id="funnel-chart"
            controls={controls}
        >
            <Picture class="funnel__stages" width={funnel.width} height={funnel.height} font_size={funnel.font_size}>
                { for funnel.rows.iter().map(|row| stage(row, funnel.label_x)) }
            </Picture>
            { capacity(&view.capacity) }
        </ChartFrame>
    }
}

fn stage(row: &StageRow, label_x: f64) -> Html {
    html! {
        <g class="funnel__stage" data-stage={row.stage}>
            <text x={px(label_x)} y={px(row.heading_y)}>{ row.heading.clone() }</text>
            { for row.segments.iter().map(|s| segment(s, row)) }
            { for row.losses.iter().map(|line| html! {
                <text class="funnel__losses" x={px(label_x)} y={px(line.y)}>{ line.text.clone() }</text>
            }) }
        </g>
    }
}

fn segment(segment: &Segment, row: &StageRow) -> Html {
    html! {
        <rect
            class={segment.kind.class()}
            x={px(segment.x)} y={px(row.bar_y)} width={px(segment.width)} height={px(row.bar_height)}
            fill={segment.fill}
        >
            <title>{ segment.title.clone() }</title>
        </rect>
    }
}

fn capacity(chart: &CapacityChart) -> Html {
    let plot = &chart.plot;
    html! {
        <Picture class="funnel__capacity" width={chart.width} height={chart.height} font_size={chart.font_size}>
            <g stroke={GRID} stroke-width="1">
                { for chart.ticks.iter().map(|t| html! {
                    <line x1={px(t.position)} x2={px(t.position)} y1={px(plot.top)} y2={px(plot.bottom)} />
                }) }
            </g>
            { for chart.rows.iter().map(|row| role(row, plot.left)) }
            <line
                class="funnel__full"
                x1={px(chart.full_x)} x2={px(chart.full_x)} y1={px(plot.top)} y2={px(plot.bottom)}
                stroke={INK} stroke-width="1.5" stroke-dasharray="4 3"
            />
            <g text-anchor="middle">
                { for chart.ticks.iter().map(|t| html! {
                    <text x={px(t.position)} y={px(chart.tick_label_y)}>{ t.label.clone() }</text>
                }) }
            </g>
        </Picture>
    }
}

fn role(row: &RoleRow, label_x: f64) -> Html {
    html! {
        <g class={classes!("funnel__role", row.over.then_some("funnel__role--over"))} data-role={row.role}>
            <text x={px(label_x)} y={px(row.heading_y)}>{ row.heading.clone() }</text>
            <rect
                x={px(row.bar_x)} y={px(row.bar_y)} width={px(row.bar_width)} height={px(row.bar_height)}
                fill={row.fill}
            />
            if row.over {
                <rect
                    class="funnel__overflow"
                    x={px(row.overflow_x)} y={px(row.bar_y)} width={px(row.overflow_width)} height={px(row.bar_height)}
                    fill={row.overflow_fill}
                />
            }
        </g>
    }
}

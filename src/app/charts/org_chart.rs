//! "A picture of the organisation": draws a [`view::OrgChartView`] — each
//! structure's teams as boxes with their headcount, managers above them,
//! an agency outside the company's boundary, and arrows carrying leads,
//! meetings and customers between the teams with the last run's volumes.
//! Every position, colour and word comes from the view model.

use std::rc::Rc;

use yew::prelude::*;

use super::ChartFrame;
use super::parts::{INK, Picture, px};
use crate::app::view::org_chart::{self as view, Arrow, Connector, Label, OrgBox, OrgPanel};

/// Reporting lines from managers to their teams.
const CONNECTOR: &str = "#6b6b6b";

#[derive(Properties, PartialEq, Clone)]
pub struct OrgChartProps {
    pub view: Rc<view::OrgChartView>,
}

/// A scenario's org chart, before and after a restructuring when it has one.
#[component]
pub fn OrgChart(props: &OrgChartProps) -> Html {
    let view = &props.view;
    let marker = format!("url(#{})", view.marker_id);
    html! {
        <ChartFrame
            title={view.title.clone()}
            text={view.text.clone()}
            table={view.table.clone()}
            test_id="org-chart"
        >
            <Picture class="org-chart" width={view.width} height={view.height} font_size={view.font_size}>
                <defs>
                    <marker
                        id={view.marker_id.clone()}
                        viewBox="0 0 10 10"
                        refX="9"
                        refY="5"
                        markerUnits="userSpaceOnUse"
                        markerWidth="9"
                        markerHeight="9"
                        orient="auto"
                    >
                        <path d="M0 0 L10 5 L0 10 z" fill={INK} />
                    </marker>
                </defs>
                { for view.panels.iter().map(|p| panel(p, &marker)) }
            </Picture>
        </ChartFrame>
    }
}

fn panel(panel: &OrgPanel, marker: &str) -> Html {
    let (company, boxes) = panel
        .boxes
        .split_first()
        .map_or((None, &[][..]), |(c, rest)| (Some(c), rest));
    html! {
        <g class="org-chart__panel">
            if let Some(title) = &panel.title {
                <g class="org-chart__panel-title" font-weight="600">{ text(title) }</g>
            }
            { for company.map(org_box) }
            <g stroke={CONNECTOR} stroke-width="1.5">
                { for panel.connectors.iter().map(connector) }
            </g>
            { for boxes.iter().map(org_box) }
            { for panel.arrows.iter().map(|a| arrow(a, marker)) }
        </g>
    }
}

fn org_box(b: &OrgBox) -> Html {
    html! {
        <g class={b.kind.class()} data-role={b.role.map(|r| r.key())}>
            <rect
                x={px(b.x)} y={px(b.y)} width={px(b.width)} height={px(b.height)}
                rx={px(b.corner)}
                fill={b.fill}
                stroke={b.stroke}
                stroke-width="1.5"
                stroke-dasharray={b.dash}
            />
            { text(&b.label) }
        </g>
    }
}

fn connector(line: &Connector) -> Html {
    html! { <line x1={px(line.x)} x2={px(line.x)} y1={px(line.y1)} y2={px(line.y2)} /> }
}

fn arrow(arrow: &Arrow, marker: &str) -> Html {
    html! {
        <g class="org-chart__flow" data-flow={arrow.flow.key()}>
            <path
                d={arrow.d.clone()}
                fill="none"
                stroke={INK}
                stroke-width="1.5"
                marker-end={marker.to_owned()}
            />
            { text(&arrow.label) }
        </g>
    }
}

fn text(label: &Label) -> Html {
    let anchor = label.anchor.svg();
    html! {
        { for label.lines.iter().map(|line| html! {
            <text x={px(line.x)} y={px(line.y)} text-anchor={anchor}>{ line.text.clone() }</text>
        }) }
    }
}

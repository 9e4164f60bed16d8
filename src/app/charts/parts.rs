//! What every chart draws the same way: the picture's root element, the
//! colour swatch of a legend, gridlines, axes with their ticks, and axis
//! titles. One place, so every chart reads alike.

use yew::prelude::*;

use crate::app::view::fan::{AxisText, PlotArea, Tick};

/// Text colour and gridline colour of every chart.
pub const INK: &str = "#222";
pub const GRID: &str = "#ddd";

/// An SVG coordinate to a tenth of a pixel.
pub fn px(value: f64) -> String {
    format!("{value:.1}")
}

#[derive(Properties, PartialEq, Clone)]
pub struct PictureProps {
    pub width: f64,
    pub height: f64,
    pub font_size: f64,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// The SVG of a chart, drawn at its view model's size; hidden from
/// assistive technology, which reads the frame's name and summary instead.
#[component]
pub fn Picture(props: &PictureProps) -> Html {
    html! {
        <svg
            class={props.class.clone()}
            viewBox={format!("0 0 {} {}", props.width, props.height)}
            width="100%"
            font-size={px(props.font_size)}
            fill={INK}
            aria-hidden="true"
        >
            { props.children.clone() }
        </svg>
    }
}

/// A chart's legend: each scenario (or series) with its colour, then a
/// note on what the lines and bands mean.
pub fn legend<'a>(entries: impl IntoIterator<Item = (&'a str, &'static str)>, note: Option<Html>) -> Html {
    html! {
        <ul class="chart__legend">
            { for entries.into_iter().map(|(label, colour)| html! {
                <li class="chart__legend-item">
                    { swatch(colour) }
                    { label.to_owned() }
                </li>
            }) }
            if let Some(note) = note {
                <li class="chart__legend-item chart__legend-note">{ note }</li>
            }
        </ul>
    }
}

/// A legend's colour square, as SVG (the page's CSP forbids inline styles).
pub fn swatch(colour: &'static str) -> Html {
    html! {
        <svg class="chart__swatch" viewBox="0 0 10 10" aria-hidden="true">
            <rect width="10" height="10" rx="2" fill={colour} />
        </svg>
    }
}

/// Horizontal gridlines at the y ticks.
pub fn grid(plot: &PlotArea, y_ticks: &[Tick]) -> Html {
    html! {
        <g stroke={GRID} stroke-width="1">
            { for y_ticks.iter().map(|tick| html! {
                <line x1={px(plot.left)} x2={px(plot.right)} y1={px(tick.position)} y2={px(tick.position)} />
            }) }
        </g>
    }
}

/// The axis lines, tick marks and tick labels.
pub fn axes(plot: &PlotArea, text: &AxisText, x_ticks: &[Tick], y_ticks: &[Tick]) -> Html {
    let tick_end_y = plot.bottom + text.tick_length;
    let tick_end_x = plot.left - text.tick_length;
    html! {
        <g>
            <g stroke={INK} stroke-width="1">
                <line x1={px(plot.left)} x2={px(plot.right)} y1={px(plot.bottom)} y2={px(plot.bottom)} />
                <line x1={px(plot.left)} x2={px(plot.left)} y1={px(plot.top)} y2={px(plot.bottom)} />
                { for x_ticks.iter().map(|t| html! {
                    <line x1={px(t.position)} x2={px(t.position)} y1={px(plot.bottom)} y2={px(tick_end_y)} />
                }) }
                { for y_ticks.iter().map(|t| html! {
                    <line x1={px(tick_end_x)} x2={px(plot.left)} y1={px(t.position)} y2={px(t.position)} />
                }) }
            </g>
            <g text-anchor="middle">
                { for x_ticks.iter().map(|t| html! {
                    <text x={px(t.position)} y={px(text.x_tick_y)}>{ t.label.clone() }</text>
                }) }
            </g>
            <g text-anchor="end" dominant-baseline="middle">
                { for y_ticks.iter().map(|t| html! {
                    <text x={px(text.y_tick_x)} y={px(t.position)}>{ t.label.clone() }</text>
                }) }
            </g>
        </g>
    }
}

/// The x title under the axis and the y title up the left edge.
pub fn titles(text: &AxisText, x_title: &str, y_title: &str) -> Html {
    html! {
        <g text-anchor="middle">
            <text x={px(text.x_title.0)} y={px(text.x_title.1)}>{ x_title.to_owned() }</text>
            <text transform="rotate(-90)" x={px(text.y_title.0)} y={px(text.y_title.1)}>{ y_title.to_owned() }</text>
        </g>
    }
}

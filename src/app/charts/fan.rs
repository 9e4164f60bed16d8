//! The fan chart: draws a [`view::FanChart`] (bands, median lines, axes)
//! with a legend and a month read-out that follows the pointer or the arrow
//! keys.
//!
//! The read-out lives in the frame's controls, outside the picture: the
//! picture is `role="img"`, whose contents assistive technology does not
//! expose, and the read-out must be announced (`aria-live`) and focusable.

use std::rc::Rc;

use yew::prelude::*;

use super::ChartFrame;
use super::parts::{INK, Picture, axes, grid, legend, px, swatch, titles};
use crate::app::view::fan::{self as view, HoverEntry, HoverMonth, PlotArea};

#[derive(Properties, PartialEq, Clone)]
pub struct FanChartProps {
    pub chart: Rc<view::FanChart>,
    /// The page's metric picker, shown above the picture.
    #[prop_or_default]
    pub controls: Html,
}

/// Opacity of the P5–P95 band and of the P25–P75 band drawn over it.
const OUTER_OPACITY: &str = "0.18";
const INNER_OPACITY: &str = "0.35";

/// A fan chart with its legend, read-out, summary and table.
#[component]
pub fn FanChart(props: &FanChartProps) -> Html {
    let chart = &props.chart;
    let hovered = use_state(|| None::<usize>);
    let overlay = use_node_ref();
    let month = (*hovered).and_then(|i| chart.hover.get(i));
    let shown = month.or(chart.hover.last());
    let on_pointer = pointer_callback(chart, &hovered, &overlay);
    let on_leave = {
        let hovered = hovered.clone();
        Callback::from(move |_: PointerEvent| hovered.set(None))
    };
    let on_key = key_callback(chart, &hovered);
    let controls = html! {
        <>
            { props.controls.clone() }
            { legend(
                chart.series.iter().map(|s| (s.scenario.as_str(), s.colour)),
                Some(html! { "Line: median. Bands: middle 50% (dark) and 90% (light) of runs." }),
            ) }
            <Readout month={shown.cloned()} onkeydown={on_key} />
        </>
    };
    html! {
        <ChartFrame
            title={chart.title.clone()}
            text={chart.text.clone()}
            table={chart.table.clone()}
            test_id="fan-chart"
            controls={controls}
        >
            <div class="fan__plot">
                <Picture width={chart.width} height={chart.height} font_size={chart.font_size}>
                    { grid(&chart.plot, &chart.y_ticks) }
                    { for chart.series.iter().map(band) }
                    { for chart.series.iter().map(median) }
                    { axes(&chart.plot, &chart.axis_text, &chart.x_ticks, &chart.y_ticks) }
                    { titles(&chart.axis_text, &chart.x_title, &chart.y_title) }
                    if let Some(month) = month {
                        { hover_marker(&chart.plot, month) }
                    }
                </Picture>
                // A plain element over the picture receives the pointer, so
                // offsetX is always measured from the chart's left edge.
                <div
                    ref={overlay}
                    class="fan__pointer"
                    // pan-y: a horizontal drag reads the months, a vertical one still scrolls.
                    onpointermove={on_pointer.clone()}
                    onpointerdown={on_pointer}
                    onpointerleave={on_leave}
                />
            </div>
        </ChartFrame>
    }
}

fn pointer_callback(
    chart: &Rc<view::FanChart>,
    hovered: &UseStateHandle<Option<usize>>,
    overlay: &NodeRef,
) -> Callback<PointerEvent> {
    let (chart, hovered, overlay) = (chart.clone(), hovered.clone(), overlay.clone());
    Callback::from(move |event: PointerEvent| {
        let rendered = overlay
            .cast::<web_sys::Element>()
            .map_or(0.0, |element| f64::from(element.client_width()));
        let x = chart.svg_x(f64::from(event.offset_x()), rendered);
        hovered.set(chart.nearest_month(x));
    })
}

fn key_callback(chart: &Rc<view::FanChart>, hovered: &UseStateHandle<Option<usize>>) -> Callback<KeyboardEvent> {
    let (chart, hovered) = (chart.clone(), hovered.clone());
    Callback::from(move |event: KeyboardEvent| {
        let next = match event.key().as_str() {
            "ArrowRight" | "ArrowUp" => chart.step_month(*hovered, true),
            "ArrowLeft" | "ArrowDown" => chart.step_month(*hovered, false),
            "Home" => chart.step_month(None, true),
            "End" => chart.step_month(None, false),
            "Escape" => None,
            _ => return,
        };
        event.prevent_default();
        hovered.set(next);
    })
}

fn band(series: &view::FanSeries) -> Html {
    html! {
        <g class="fan__band" fill={series.colour} stroke="none">
            <path d={series.outer_band.clone()} fill-opacity={OUTER_OPACITY} />
            <path d={series.inner_band.clone()} fill-opacity={INNER_OPACITY} />
        </g>
    }
}

fn median(series: &view::FanSeries) -> Html {
    html! {
        <path
            class="fan__median"
            d={series.median.clone()}
            fill="none"
            stroke={series.colour}
            stroke-width="2"
            stroke-linejoin="round"
        />
    }
}

/// The vertical line at the hovered month, with a dot on each median.
fn hover_marker(plot: &PlotArea, month: &HoverMonth) -> Html {
    html! {
        <g class="fan__hover">
            <line
                x1={px(month.x)} x2={px(month.x)} y1={px(plot.top)} y2={px(plot.bottom)}
                stroke={INK} stroke-width="1" stroke-dasharray="3 3"
            />
            { for month.entries.iter().map(|entry| html! {
                <circle cx={px(month.x)} cy={px(entry.y)} r="4" fill={entry.colour} stroke="#fff" stroke-width="1.5" />
            }) }
        </g>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct ReadoutProps {
    /// The month to show: the hovered one, else the horizon.
    month: Option<HoverMonth>,
    onkeydown: Callback<KeyboardEvent>,
}

/// The values at a month, announced politely as they change. It always
/// shows a month (the horizon until the pointer or a key picks another),
/// so its height stays put and the picture below never jumps under the
/// pointer. Focusable, so the arrow keys can move it month by month.
#[component]
fn Readout(props: &ReadoutProps) -> Html {
    html! {
        <div
            class="fan__readout"
            role="group"
            tabindex="0"
            aria-label="Values by month"
            onkeydown={props.onkeydown.clone()}
        >
            <div class="fan__readout-values" aria-live="polite" aria-atomic="true" data-testid="fan-readout">
                if let Some(month) = &props.month {
                    <p class="fan__readout-heading">{ month.heading.clone() }</p>
                    <ul class="fan__readout-list">
                        { for month.entries.iter().map(readout_entry) }
                    </ul>
                }
            </div>
            <p class="fan__readout-hint">
                { "Point at the chart, or focus here and use the arrow keys, to read other months." }
            </p>
        </div>
    }
}

fn readout_entry(entry: &HoverEntry) -> Html {
    html! {
        <li>
            { swatch(entry.colour) }
            { format!("{} ", entry.scenario) }
            <strong>{ entry.median.clone() }</strong>
            { format!(" (P10–P90 {})", entry.range) }
        </li>
    }
}

/// Browser tests (`cargo test --target wasm32-unknown-unknown --lib app::charts`):
/// what the component adds to its view model, i.e. that it draws every part
/// and that a pointer over the picture moves the read-out.
#[cfg(test)]
pub(super) mod tests {
    use std::rc::Rc;

    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
    use web_sys::Element;
    use yew::prelude::*;

    use super::{FanChart, FanChartProps};
    use crate::app::view::ChartSize;
    use crate::app::view::fan::fan_chart;
    use crate::sim::compare::{Comparison, compare_chunk, prepare_comparison};
    use crate::sim::metrics::Metric;
    use crate::sim::presets;

    wasm_bindgen_test_configure!(run_in_browser);

    pub(in crate::app::charts) fn comparison(runs: u64) -> Comparison {
        let ps = presets::all();
        let prepared = prepare_comparison(&ps[0].scenario, &[ps[1].scenario.clone(), ps[5].scenario.clone()]);
        compare_chunk(&prepared, 1, 0..runs)
    }

    /// Renders `props` into a fresh `<div>` and waits for Yew.
    pub(in crate::app::charts) async fn render<C>(props: C::Properties) -> Element
    where
        C: BaseComponent,
    {
        let document = gloo::utils::document();
        let root = document.create_element("div").expect("create root div");
        document.body().expect("body").append_child(&root).expect("attach root");
        yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        root
    }

    pub(in crate::app::charts) fn count(root: &Element, selector: &str) -> u32 {
        root.query_selector_all(selector).expect("valid selector").length()
    }

    #[wasm_bindgen_test]
    async fn the_fan_chart_draws_bands_lines_axes_and_a_legend() {
        let chart = Rc::new(fan_chart(&comparison(60), Metric::ValueCreated, ChartSize::WIDE));
        let root = render::<FanChart>(FanChartProps {
            chart: chart.clone(),
            controls: html! { <select data-testid="metric-picker"></select> },
        })
        .await;
        let figure = root
            .query_selector("[data-testid='fan-chart']")
            .unwrap()
            .expect("figure");
        assert_eq!(count(&figure, "[data-testid='metric-picker']"), 1);
        assert_eq!(count(&figure, ".fan__band path"), 6);
        assert_eq!(count(&figure, "path.fan__median"), 3);
        assert_eq!(count(&figure, ".chart__legend-item .chart__swatch"), 3);
        let svg = figure.query_selector(".chart__picture svg").unwrap().expect("svg");
        assert_eq!(svg.namespace_uri().as_deref(), Some("http://www.w3.org/2000/svg"));
        assert_eq!(svg.get_attribute("viewBox").as_deref(), Some("0 0 880 360"));
        let labels = figure.text_content().unwrap_or_default();
        assert!(chart.y_ticks.iter().all(|t| labels.contains(&t.label)));
        let readout = figure
            .query_selector("[data-testid='fan-readout']")
            .unwrap()
            .expect("read-out");
        assert_eq!(readout.get_attribute("aria-live").as_deref(), Some("polite"));
        // Until the pointer picks a month, the read-out shows the horizon.
        assert!(readout.text_content().unwrap_or_default().starts_with("month 36"));
        assert_eq!(count(&figure, ".fan__hover"), 0);
    }

    #[wasm_bindgen_test]
    async fn a_pointer_over_the_picture_reads_out_the_nearest_month() {
        let chart = Rc::new(fan_chart(&comparison(60), Metric::Revenue, ChartSize::WIDE));
        let root = render::<FanChart>(FanChartProps {
            chart: chart.clone(),
            controls: Html::default(),
        })
        .await;
        let overlay = root.query_selector(".fan__pointer").unwrap().expect("pointer overlay");
        // A synthetic mouse event has offsetX 0: the left edge, nearest month 1.
        let event = web_sys::MouseEvent::new("pointermove").expect("event");
        overlay.dispatch_event(&event).expect("dispatch");
        yew::scheduler::flush().await;
        let readout = root
            .query_selector("[data-testid='fan-readout']")
            .unwrap()
            .expect("read-out");
        let text = readout.text_content().unwrap_or_default();
        assert!(text.starts_with("month 1"), "{text}");
        assert!(text.contains(&chart.hover[0].entries[2].median), "{text}");
        assert_eq!(count(&root, ".fan__hover circle"), 3);
        let leave = web_sys::Event::new("pointerleave").expect("event");
        overlay.dispatch_event(&leave).expect("dispatch");
        yew::scheduler::flush().await;
        assert_eq!(count(&root, ".fan__hover"), 0);
        assert!(readout.text_content().unwrap_or_default().starts_with("month 36"));
    }
}

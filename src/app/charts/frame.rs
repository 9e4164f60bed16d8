//! What every chart has around its picture: a heading, the picture as an
//! image with an accessible name, a short summary in words, and a "show the
//! numbers" toggle that reveals the data as a real table.

use yew::prelude::*;

use crate::app::view::{ChartText, DataTable};

#[derive(Properties, PartialEq, Clone)]
pub struct ChartFrameProps {
    pub title: AttrValue,
    pub text: ChartText,
    pub table: DataTable,
    /// A stable name for tests (`data-testid` of the figure).
    pub test_id: AttrValue,
    /// The SVG (or SVGs) of the chart. The frame gives it `role="img"`
    /// through a wrapper, so the chart need not repeat it.
    #[prop_or_default]
    pub children: Html,
    /// Controls above the picture (e.g. the metric picker).
    #[prop_or_default]
    pub controls: Html,
}

/// A chart with its name, summary and the numbers behind it.
#[component]
pub fn ChartFrame(props: &ChartFrameProps) -> Html {
    let showing_numbers = use_state(|| false);
    let toggle = {
        let showing_numbers = showing_numbers.clone();
        Callback::from(move |_: MouseEvent| showing_numbers.set(!*showing_numbers))
    };
    let table = &props.table;
    html! {
        <figure class="chart" data-testid={props.test_id.clone()}>
            <h3 class="chart__title">{ props.title.clone() }</h3>
            { props.controls.clone() }
            <div class="chart__picture" role="img" aria-label={props.text.label.clone()}>
                { props.children.clone() }
            </div>
            <figcaption class="chart__summary">{ props.text.summary.clone() }</figcaption>
            <button
                type="button"
                class="chart__numbers-toggle"
                aria-expanded={showing_numbers.to_string()}
                onclick={toggle}
            >
                { if *showing_numbers { "Hide the numbers" } else { "Show the numbers" } }
            </button>
            if *showing_numbers {
                <div class="chart__numbers">
                    <table>
                        <caption>{ table.caption.clone() }</caption>
                        <thead>
                            <tr>{ for table.headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr>
                        </thead>
                        <tbody>
                            { for table.rows.iter().map(|row| html! {
                                <tr>{ for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                    html! { <th scope="row">{ cell.clone() }</th> }
                                } else {
                                    html! { <td>{ cell.clone() }</td> }
                                }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </figure>
    }
}

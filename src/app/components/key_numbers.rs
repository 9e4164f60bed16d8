//! The key numbers table: draws a [`KeyNumbers`] view model as a real HTML
//! table, each cell carrying its row key, scenario index and raw median as
//! data attributes, so a test can compare the page with the command line.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::charts::parts::swatch;
use crate::app::view::key_numbers::{KeyCell, KeyNumbers, KeyRow};

#[derive(Properties, PartialEq, Clone)]
pub struct KeyNumbersTableProps {
    pub numbers: Rc<KeyNumbers>,
}

/// Scenarios in columns, key figures in rows: the median with P10–P90 beneath.
#[component]
pub fn KeyNumbersTable(props: &KeyNumbersTableProps) -> Html {
    let numbers = &props.numbers;
    html! {
        // The wrapper scrolls sideways on a phone; the page's styles for
        // `.key-numbers table` apply to the table inside.
        // The caption is shown above the scrolling wrapper, where it wraps to
        // the screen rather than to the table's width; the table keeps it
        // for assistive technology.
        <>
            <p class="key-numbers__caption" aria-hidden="true">{ numbers.caption.clone() }</p>
            <div class="key-numbers">
                <table class="key-numbers__table" data-testid="key-numbers">
                    <caption class="visually-hidden">{ numbers.caption.clone() }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Measure" }</th>
                            { for numbers.scenarios.iter().map(|s| html! {
                                <th scope="col">
                                    { swatch(s.colour) }
                                    { s.name.clone() }
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for numbers.rows.iter().map(row) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

fn row(row: &KeyRow) -> Html {
    html! {
        <tr data-metric={row.key}>
            <th scope="row">{ row.title.clone() }</th>
            { for row.cells.iter().enumerate().map(|(i, c)| cell(row.key, i, c)) }
        </tr>
    }
}

fn cell(key: &'static str, scenario: usize, cell: &KeyCell) -> Html {
    html! {
        <td data-metric={key} data-scenario={scenario.to_string()} data-value={cell.data_value.clone()}>
            <div class="key-numbers__median">{ cell.median_text.clone() }</div>
            if !cell.range_text.is_empty() {
                <div class="key-numbers__range">{ cell.range_text.clone() }</div>
            }
        </td>
    }
}

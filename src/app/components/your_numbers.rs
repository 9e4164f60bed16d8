//! "Your sales organisation today": the numbers a leader knows, each with
//! its unit, its usual range and where that range comes from (from the
//! catalogue), a message when it cannot be used or is unusual, and the
//! buttons that make the baseline and its standard alternatives.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::store::{Action, Store};
use crate::app::your_numbers_form::{GROUPS, InputView, summary};

#[derive(Properties, PartialEq, Clone)]
pub struct YourNumbersPanelProps {
    pub store: Rc<Store>,
    pub on_action: Callback<Action>,
}

fn input(view: &InputView, on_action: &Callback<Action>) -> Html {
    let id = format!("numbers-{}", view.key.replace('.', "-"));
    let about_id = format!("{id}-about");
    let field = view.field;
    let on_input = {
        let on_action = on_action.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(box_) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_action.emit(Action::EditYourNumber {
                    field,
                    text: box_.value(),
                });
            }
        })
    };
    let (state, blocking) = match &view.message {
        Some(m) if m.blocking => ("numbers__field--invalid", true),
        Some(_) => ("numbers__field--unusual", false),
        None => ("", false),
    };
    html! {
        <div class={classes!("numbers__field", state, view.changed.then_some("numbers__field--changed"))}
            data-testid="numbers-field" data-key={view.key.clone()}>
            <label for={id.clone()}>{ view.label.clone() }</label>
            <div class="numbers__entry">
                <input id={id} type="text" inputmode="decimal" value={view.text.clone()} oninput={on_input}
                    aria-invalid={blocking.to_string()} aria-describedby={about_id.clone()} />
                <span class="numbers__unit">{ view.unit.clone() }</span>
            </div>
            <span class="numbers__about" id={about_id}>
                <span class="numbers__range">{ view.range.clone() }</span>
                <span class="numbers__source">{ format!(" ({})", view.source) }</span>
                if let Some(message) = &view.message {
                    <span class={if message.blocking { "numbers__error" } else { "numbers__warning" }}
                        data-testid="numbers-message">{ message.message.clone() }</span>
                }
            </span>
        </div>
    }
}

/// The form, grouped: the team, the company, the deals, the pay per seat.
#[component]
pub fn YourNumbersPanel(props: &YourNumbersPanelProps) -> Html {
    let store = &props.store;
    let views = store.your_numbers.view();
    let messages = store.your_numbers.messages();
    let create = props.on_action.reform(|_: MouseEvent| Action::NewFromYourNumbers);
    let baseline = store
        .numbers_baseline
        .as_deref()
        .and_then(|id| store.entry(id))
        .map(|e| (e.id.clone(), e.title.clone()));
    let alternatives = {
        let (on_action, of) = (props.on_action.clone(), baseline.as_ref().map(|(id, _)| id.clone()));
        Callback::from(move |_: MouseEvent| {
            if let Some(of) = &of {
                on_action.emit(Action::MakeAlternatives { of: of.clone() });
            }
        })
    };
    html! {
        <details class="numbers" data-testid="your-numbers">
            <summary>{ "Start from your numbers: your sales organisation today" }</summary>
            <p class="numbers__intro">
                { "The figures you know. Everything else keeps its default; a number outside the usual range is flagged but still used." }
            </p>
            { for GROUPS.iter().map(|group| html! {
                <fieldset class="numbers__group">
                    <legend>{ *group }</legend>
                    { for views.iter().filter(|v| v.group == *group).map(|v| input(v, &props.on_action)) }
                </fieldset>
            }) }
            <p class="numbers__summary" aria-live="polite" data-testid="numbers-summary">
                { summary(&messages).unwrap_or_default() }
            </p>
            <div class="numbers__buttons">
                <button type="button" class="button button--primary" onclick={create}>{ "Create my baseline" }</button>
                <button type="button" class="button" onclick={alternatives} disabled={baseline.is_none()}
                    title={baseline.as_ref().map(|(_, title)| format!("Alternatives to \u{2018}{title}\u{2019} at the same people costs"))}>
                    { "Make the standard alternatives" }
                </button>
            </div>
            if baseline.is_none() {
                <p class="numbers__hint">{ "Create the baseline first; the alternatives keep its on-target payroll." }</p>
            }
        </details>
    }
}

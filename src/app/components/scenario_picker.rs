//! The scenario list: the presets, then the user's own scenarios, each
//! with a tick for comparison and the baseline choice; the user's can be
//! renamed in place, duplicated and deleted (with an undo banner), a preset
//! copied.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::store::{Action, MAX_TICKED, ScenarioEntry, Store};

#[derive(Properties, PartialEq, Clone)]
pub struct ScenarioListProps {
    pub store: Rc<Store>,
    pub on_action: Callback<Action>,
}

/// Presets, then "Your scenarios", then the undo banner in a live region.
#[component]
pub fn ScenarioList(props: &ScenarioListProps) -> Html {
    let store = &props.store;
    let item = |entry: &ScenarioEntry| {
        html! {
            <ScenarioItem key={entry.id.clone()} entry={entry.clone()}
                ticked={store.ticked.contains(&entry.id)}
                baseline={store.baseline.as_deref() == Some(entry.id.as_str())}
                on_action={props.on_action.clone()} />
        }
    };
    let undo = props.on_action.reform(|_: MouseEvent| Action::Undo);
    let dismiss = props.on_action.reform(|_: MouseEvent| Action::DismissUndo);
    html! {
        <fieldset class="picker" data-testid="scenario-picker">
            <legend class="picker__legend">{ format!("Compare up to {MAX_TICKED} scenarios") }</legend>
            <h3 class="picker__heading">{ "Presets" }</h3>
            <ul class="picker__list">
                { for store.presets().map(item) }
            </ul>
            <h3 class="picker__heading">{ "Your scenarios" }</h3>
            if store.yours().next().is_none() {
                <p class="picker__empty" data-testid="no-scenarios-yet">
                    { "None yet: copy a preset, or start from your own numbers below." }
                </p>
            } else {
                <ul class="picker__list" data-testid="your-scenarios">
                    { for store.yours().map(item) }
                </ul>
            }
            // Always in the page, so screen readers announce what appears in it.
            <div class="picker__undo" role="status" aria-live="polite" data-testid="undo-banner">
                if let Some(deleted) = &store.deleted {
                    <span>{ format!("Deleted \u{2018}{}\u{2019}", deleted.entry.title) }</span>
                    <button type="button" class="button button--small" onclick={undo}>{ "Undo" }</button>
                    <button type="button" class="button button--small button--quiet" onclick={dismiss}
                        aria-label="Dismiss">{ "\u{00d7}" }</button>
                }
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct ScenarioItemProps {
    entry: ScenarioEntry,
    ticked: bool,
    baseline: bool,
    on_action: Callback<Action>,
}

/// One scenario on the list. Renaming is typed into a box in place of the
/// title; Enter or leaving the box keeps the name, Escape puts the old one back.
#[component]
fn ScenarioItem(props: &ScenarioItemProps) -> Html {
    let entry = &props.entry;
    let renaming = use_state(|| None::<String>);
    let id = entry.id.clone();
    let on_tick = {
        let (on_action, id) = (props.on_action.clone(), id.clone());
        Callback::from(move |event: Event| {
            let ticked = event
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|input| input.checked());
            on_action.emit(Action::Tick { id: id.clone(), ticked });
        })
    };
    let on_baseline = {
        let (on_action, id) = (props.on_action.clone(), id.clone());
        Callback::from(move |_: Event| on_action.emit(Action::MakeBaseline { id: id.clone() }))
    };
    let intent = |make: fn(String) -> Action| {
        let (on_action, id) = (props.on_action.clone(), id.clone());
        Callback::from(move |_: MouseEvent| on_action.emit(make(id.clone())))
    };
    let tick_id = format!("tick-{id}");
    let title = if let Some(text) = (*renaming).clone() {
        let commit = {
            let (on_action, id, renaming) = (props.on_action.clone(), id.clone(), renaming.clone());
            move |title: String| {
                renaming.set(None);
                on_action.emit(Action::Rename { id: id.clone(), title });
            }
        };
        let on_input = {
            let renaming = renaming.clone();
            Callback::from(move |event: InputEvent| {
                if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                    renaming.set(Some(input.value()));
                }
            })
        };
        let on_key = {
            let (renaming, commit, text) = (renaming.clone(), commit.clone(), text.clone());
            Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
                "Enter" => {
                    event.prevent_default();
                    commit(text.clone());
                }
                "Escape" => renaming.set(None),
                _ => {}
            })
        };
        let on_blur = {
            let text = text.clone();
            Callback::from(move |_: FocusEvent| commit(text.clone()))
        };
        html! {
            <input class="picker__rename" type="text" value={text} aria-label="Scenario name"
                data-testid="rename-box" autofocus=true
                oninput={on_input} onkeydown={on_key} onblur={on_blur} />
        }
    } else {
        html! {
            <label for={tick_id.clone()} class="picker__label">
                <span class="picker__title" data-testid={if entry.is_preset() { "preset-name" } else { "scenario-name" }}>{ entry.title.clone() }</span>
                <span class="picker__description">{ entry.description.clone() }</span>
            </label>
        }
    };
    let start_rename = {
        let (renaming, title) = (renaming.clone(), entry.title.clone());
        Callback::from(move |_: MouseEvent| renaming.set(Some(title.clone())))
    };
    let (test_id, copy) = if entry.is_preset() {
        ("preset", intent(|preset| Action::NewFromPreset { preset }))
    } else {
        ("your-scenario", intent(|id| Action::Duplicate { id }))
    };
    html! {
        <li class={classes!("picker__item", props.ticked.then_some("picker__item--ticked"))}
            data-testid={test_id} data-id={id.clone()}>
            <input type="checkbox" id={tick_id} checked={props.ticked} onchange={on_tick}
                aria-label={entry.title.clone()} />
            { title }
            <div class="picker__actions">
                if props.ticked {
                    <label class="picker__baseline">
                        <input type="radio" name="baseline" checked={props.baseline} onchange={on_baseline} />
                        { if props.baseline { "Baseline" } else { "Make baseline" } }
                    </label>
                }
                <button type="button" class="button button--small button--quiet"
                    onclick={intent(|id| Action::OpenEditor { id })}
                    aria-label={format!("{} {}", if entry.is_preset() { "Look inside" } else { "Edit" }, entry.title)}>
                    { if entry.is_preset() { "Look inside" } else { "Edit" } }
                </button>
                if entry.is_preset() {
                    <button type="button" class="button button--small button--quiet" onclick={copy}
                        aria-label={format!("Make my copy of {}", entry.title)}>{ "Make my copy" }</button>
                } else {
                    <button type="button" class="button button--small button--quiet" onclick={start_rename}
                        aria-label={format!("Rename {}", entry.title)}>{ "Rename" }</button>
                    <button type="button" class="button button--small button--quiet" onclick={copy}
                        aria-label={format!("Duplicate {}", entry.title)}>{ "Duplicate" }</button>
                    <button type="button" class="button button--small button--quiet button--danger"
                        onclick={intent(|id| Action::Delete { id })}
                        aria-label={format!("Delete {}", entry.title)}>{ "Delete" }</button>
                }
            </div>
        </li>
    }
}

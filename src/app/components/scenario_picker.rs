use yew::prelude::*;

use crate::app::store::{Action, MAX_TICKED, Store};

#[derive(Properties, PartialEq, Clone)]
pub struct ScenarioPickerProps {
    pub store: std::rc::Rc<Store>,
    pub on_action: Callback<Action>,
}

/// The scenarios, each with a plain sentence on what it represents: tick up
/// to six to compare, and pick which ticked one is the baseline.
#[component]
pub fn ScenarioPicker(props: &ScenarioPickerProps) -> Html {
    let store = &props.store;
    html! {
        <fieldset class="picker" data-testid="scenario-picker">
            <legend class="picker__legend">{ format!("Compare up to {MAX_TICKED} scenarios") }</legend>
            <ul class="picker__list">
                { for store.entries.iter().map(|entry| {
                    let ticked = store.ticked.contains(&entry.id);
                    let is_baseline = store.baseline.as_deref() == Some(entry.id.as_str());
                    let tick_id = format!("tick-{}", entry.id);
                    let on_tick = {
                        let on_action = props.on_action.clone();
                        let id = entry.id.clone();
                        Callback::from(move |event: Event| {
                            let ticked = event
                                .target_dyn_into::<web_sys::HtmlInputElement>()
                                .is_some_and(|input| input.checked());
                            on_action.emit(Action::Tick { id: id.clone(), ticked });
                        })
                    };
                    let on_baseline = {
                        let on_action = props.on_action.clone();
                        let id = entry.id.clone();
                        Callback::from(move |_: Event| on_action.emit(Action::MakeBaseline { id: id.clone() }))
                    };
                    html! {
                        <li class={classes!("picker__item", ticked.then_some("picker__item--ticked"))}
                            data-testid="preset" data-id={entry.id.clone()}>
                            <input type="checkbox" id={tick_id.clone()} checked={ticked} onchange={on_tick} />
                            <label for={tick_id} class="picker__label">
                                <span class="picker__title" data-testid="preset-name">{ entry.title.clone() }</span>
                                <span class="picker__description">{ entry.description.clone() }</span>
                            </label>
                            if ticked {
                                <label class="picker__baseline">
                                    <input type="radio" name="baseline" checked={is_baseline} onchange={on_baseline} />
                                    { if is_baseline { "Baseline" } else { "Make baseline" } }
                                </label>
                            }
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}

use yew::prelude::*;

use crate::app::store::{Action, FieldError, Store};

#[derive(Properties, PartialEq, Clone)]
pub struct SettingsPanelProps {
    pub store: std::rc::Rc<Store>,
    pub on_action: Callback<Action>,
}

/// Runs, months and seed as labelled fields, each with its message when
/// the text typed cannot be used (the text is kept as typed).
#[component]
pub fn SettingsPanel(props: &SettingsPanelProps) -> Html {
    let settings = &props.store.settings;
    let errors = settings.parse().err().unwrap_or_default();
    let field = |label: &'static str, value: &str, help: &str, make: fn(String) -> Action| {
        let id = format!("setting-{}", label.to_lowercase());
        let error: Option<&FieldError> = errors.iter().find(|e| e.field == label);
        let error_id = format!("{id}-error");
        let on_input = {
            let on_action = props.on_action.clone();
            Callback::from(move |event: InputEvent| {
                if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                    on_action.emit(make(input.value()));
                }
            })
        };
        html! {
            <div class={classes!("settings__field", error.is_some().then_some("settings__field--invalid"))}>
                <label for={id.clone()}>{ label }</label>
                <input id={id} type="text" inputmode="numeric" value={value.to_owned()} oninput={on_input}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={error.map(|_| error_id.clone())} />
                <span class="settings__help">{ help.to_owned() }</span>
                if let Some(error) = error {
                    <span class="settings__error" id={error_id} role="alert">{ error.message.clone() }</span>
                }
            </div>
        }
    };
    html! {
        <details class="settings" data-testid="settings">
            <summary>{ "Settings: runs, months, seed" }</summary>
            { field("Runs", &settings.runs, "futures per scenario, 1,000 to 1,000,000", Action::EditRuns) }
            { field("Months", &settings.months, "the horizon, 12 to 120 months", Action::EditMonths) }
            { field("Seed", &settings.seed, "the same seed gives the same futures", Action::EditSeed) }
        </details>
    }
}

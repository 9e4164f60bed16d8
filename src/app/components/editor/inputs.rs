//! The small pieces every part of the editor uses: reading an event's
//! value, a labelled whole-number box, a switch, and a disclosure that
//! remembers whether the user opened it.

use yew::prelude::*;

use crate::app::view::editor::{TextRow, ToggleRow};

/// The id of a field's allowed-range line, and what the field's
/// `aria-describedby` names: its problem first when there is one, then the range.
pub fn range_and_described_by(field_id: &str, problem_id: Option<String>) -> (String, String) {
    let range_id = format!("{field_id}-range");
    let described = match problem_id {
        Some(problem_id) => format!("{problem_id} {range_id}"),
        None => range_id.clone(),
    };
    (range_id, described)
}

pub fn typed_text(event: &InputEvent) -> Option<String> {
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
}

pub fn chosen(event: &Event) -> Option<String> {
    event
        .target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|select| select.value())
}

pub fn ticked(event: &Event) -> bool {
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .is_some_and(|input| input.checked())
}

#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    pub row: TextRow,
    pub on_text: Callback<String>,
    /// A word under the label ("gets work here", ...).
    #[prop_or_default]
    pub note: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
}

/// A whole number typed as text: label, box, unit, range and the
/// engine's message at the field.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let row = &props.row;
    let invalid = row.problem.is_some();
    let (range_id, described) = range_and_described_by(&row.id, invalid.then(|| row.problem_id()));
    let on_input = {
        let on_text = props.on_text.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(text) = typed_text(&event) {
                on_text.emit(text);
            }
        })
    };
    html! {
        <div class={classes!("editor-number", invalid.then_some("editor-number--invalid"), props.class.clone())}
            data-testid="editor-number" data-path={row.path.clone()}>
            <label class="editor-number__label" for={row.id.clone()}>{ row.label.clone() }</label>
            if let Some(note) = &props.note {
                <span class="editor-number__note">{ note.clone() }</span>
            }
            <span class="editor-number__entry">
                <input id={row.id.clone()} class="editor-input editor-input--short" type="text" inputmode="numeric"
                    value={row.text.clone()} oninput={on_input}
                    aria-invalid={invalid.to_string()} aria-describedby={described} />
                <span class="editor-unit">{ row.unit }</span>
            </span>
            <span class="editor-range" id={range_id}>{ format!("Allowed {}", row.range) }</span>
            if let Some(problem) = &row.problem {
                <span class="editor-problem" id={row.problem_id()} data-testid="problem">{ problem.clone() }</span>
            }
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct SwitchProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub help: AttrValue,
    pub on: bool,
    pub on_change: Callback<bool>,
}

/// A checkbox with its label and what it does.
#[component]
pub fn Switch(props: &SwitchProps) -> Html {
    let on_change = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| on_change.emit(ticked(&event)))
    };
    let help_id = format!("{}-help", props.id);
    html! {
        <div class="editor-switch" data-testid="editor-switch">
            <input type="checkbox" id={props.id.clone()} checked={props.on} onchange={on_change}
                aria-describedby={help_id.clone()} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if !props.help.is_empty() {
                <span class="editor-switch__help" id={help_id}>{ props.help.clone() }</span>
            }
        </div>
    }
}

/// A [`Switch`] for one of the scenario's switches.
pub fn toggle_switch(row: &ToggleRow, on_change: Callback<bool>) -> Html {
    html! {
        <Switch id={row.id.clone()} label={row.label} help={row.help.clone()} on={row.on} on_change={on_change} />
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct DisclosureProps {
    pub summary: Html,
    #[prop_or_default]
    pub class: Classes,
    /// Open at first.
    #[prop_or_default]
    pub initially_open: bool,
    /// Open whatever the user did (a problem inside must be seen).
    #[prop_or_default]
    pub force_open: bool,
    #[prop_or_default]
    pub test_id: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// A `<details>` that stays as the user left it across redraws: the
/// editor redraws on every keystroke, and a group must not snap shut.
#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let open = use_state(|| props.initially_open);
    let node = use_node_ref();
    let on_toggle = {
        let (open, node) = (open.clone(), node.clone());
        // Yew passes a nested disclosure's toggle up to this one too, so
        // the state is read from this element, not from the event's target.
        Callback::from(move |_: Event| {
            if let Some(element) = node.cast::<web_sys::Element>() {
                let now = element.has_attribute("open");
                if *open != now {
                    open.set(now);
                }
            }
        })
    };
    html! {
        <details ref={node} class={props.class.clone()} open={*open || props.force_open} ontoggle={on_toggle}
            data-testid={props.test_id.clone()}>
            <summary>{ props.summary.clone() }</summary>
            { props.children.clone() }
        </details>
    }
}

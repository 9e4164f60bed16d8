//! The structure editor: who does each stage, seats per role, account
//! tiers; the restructuring (when, into what, with a process owner); the
//! hiring plan; the horizon.

use yew::prelude::*;

use super::inputs::{Switch, TextField, chosen};
use crate::app::draft::{DraftEdit, StructureSlot};
use crate::app::view::editor::{HireRow, RestructuringView, StructureView, TextRow, stage_edit};
use crate::sim::scenario::Role;

fn text_edit(on_edit: &Callback<DraftEdit>, make: impl Fn(String) -> DraftEdit + 'static) -> Callback<String> {
    let on_edit = on_edit.clone();
    Callback::from(move |text: String| on_edit.emit(make(text)))
}

#[derive(Properties, PartialEq, Clone)]
pub struct StructureEditorProps {
    pub view: StructureView,
    pub on_edit: Callback<DraftEdit>,
}

#[component]
pub fn StructureEditor(props: &StructureEditorProps) -> Html {
    let view = &props.view;
    let slot = view.slot;
    let legend = match slot {
        StructureSlot::Start => "Who does each stage today",
        StructureSlot::Target => "Who does each stage after the restructuring",
    };
    let test_id = match slot {
        StructureSlot::Start => "structure-start",
        StructureSlot::Target => "structure-target",
    };
    html! {
        <fieldset class="editor-structure" data-testid={test_id}>
            <legend class="editor-structure__legend">{ legend }</legend>
            <div class="editor-structure__stages">
                { for view.stages.iter().map(|stage_row| {
                    let stage = stage_row.stage;
                    let on_edit = props.on_edit.clone();
                    let on_change = Callback::from(move |event: Event| {
                        if let Some(edit) = chosen(&event).and_then(|key| stage_edit(slot, stage, &key)) {
                            on_edit.emit(edit);
                        }
                    });
                    html! {
                        <div class="editor-choice">
                            <label for={stage_row.id.clone()}>{ stage_row.label.clone() }</label>
                            <select id={stage_row.id.clone()} class="editor-select" onchange={on_change}>
                                { for stage_row.choices.iter().map(|choice| html! {
                                    <option value={choice.key} selected={choice.selected}>{ choice.label }</option>
                                }) }
                            </select>
                        </div>
                    }
                }) }
            </div>
            <div class="editor-structure__headcount">
                { for view.headcount.iter().map(|row| {
                    let role = row.role;
                    let note = if row.needed { "has work in this structure" } else { "no work in this structure" };
                    html! {
                        <TextField row={row.seats.clone()} note={AttrValue::from(note)}
                            class={classes!((!row.needed).then_some("editor-number--idle"))}
                            on_text={text_edit(&props.on_edit, move |text| DraftEdit::SetHeadcount { slot, role, text })} />
                    }
                }) }
            </div>
            <Switch id={view.account_tiers_id.clone()} label="Account tiers"
                help={view.account_tiers_help.clone()} on={view.account_tiers}
                on_change={{
                    let on_edit = props.on_edit.clone();
                    Callback::from(move |on| on_edit.emit(DraftEdit::SetAccountTiers { slot, on }))
                }} />
        </fieldset>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct RestructuringEditorProps {
    pub view: RestructuringView,
    pub on_edit: Callback<DraftEdit>,
}

#[component]
pub fn RestructuringEditor(props: &RestructuringEditorProps) -> Html {
    let view = &props.view;
    let on_edit = props.on_edit.clone();
    html! {
        <div class="editor-restructuring" data-testid="restructuring">
            <Switch id={view.on_id.clone()} label="This scenario restructures"
                help="Switch from today's structure to another in a given month." on={view.on}
                on_change={{
                    let on_edit = on_edit.clone();
                    Callback::from(move |on| on_edit.emit(DraftEdit::SetRestructuring { on }))
                }} />
            if view.on {
                <TextField row={view.month.clone()}
                    on_text={text_edit(&on_edit, |text| DraftEdit::SetRestructuringMonth { text })} />
                <StructureEditor view={view.target.clone()} on_edit={on_edit.clone()} />
                <Switch id={view.process_owner_id.clone()} label="A named process owner"
                    help="A manager is put in charge of each new process; the recovery from the dip is shortened by the factor below."
                    on={view.process_owner}
                    on_change={{
                        let on_edit = on_edit.clone();
                        Callback::from(move |on| on_edit.emit(DraftEdit::SetProcessOwner { on }))
                    }} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct HiringPlanProps {
    pub hires: Vec<HireRow>,
    pub on_edit: Callback<DraftEdit>,
}

#[component]
pub fn HiringPlan(props: &HiringPlanProps) -> Html {
    let on_edit = props.on_edit.clone();
    let on_add = {
        let on_edit = on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(DraftEdit::AddHire))
    };
    html! {
        <fieldset class="editor-hires" data-testid="hiring-plan">
            <legend class="editor-structure__legend">{ "Hiring plan" }</legend>
            if props.hires.is_empty() {
                <p class="editor-hires__empty">{ "No hires planned beyond replacing people who leave." }</p>
            }
            { for props.hires.iter().map(|hire| {
                let row = hire.row;
                let on_role = {
                    let on_edit = on_edit.clone();
                    Callback::from(move |event: Event| {
                        let role = chosen(&event).and_then(|key| Role::ALL.into_iter().find(|r| r.key() == key));
                        if let Some(role) = role {
                            on_edit.emit(DraftEdit::SetHireRole { row, role });
                        }
                    })
                };
                let on_remove = {
                    let on_edit = on_edit.clone();
                    Callback::from(move |_: MouseEvent| on_edit.emit(DraftEdit::RemoveHire { row }))
                };
                html! {
                    <div class="editor-hire" data-testid="hire">
                        <TextField row={hire.month.clone()}
                            on_text={text_edit(&on_edit, move |text| DraftEdit::SetHireMonth { row, text })} />
                        <div class="editor-choice">
                            <label for={hire.role_id.clone()}>{ format!("Hire {}: role", row + 1) }</label>
                            <select id={hire.role_id.clone()} class="editor-select" onchange={on_role}>
                                { for Role::ALL.iter().map(|role| html! {
                                    <option value={role.key()} selected={*role == hire.role}>{ role.title() }</option>
                                }) }
                            </select>
                        </div>
                        <TextField row={hire.count.clone()}
                            on_text={text_edit(&on_edit, move |text| DraftEdit::SetHireCount { row, text })} />
                        <button type="button" class="editor-button editor-button--quiet" onclick={on_remove}>
                            { format!("Remove hire {}", row + 1) }
                        </button>
                    </div>
                }
            }) }
            <button type="button" class="editor-button" onclick={on_add} data-testid="add-hire">{ "Add a hire" }</button>
        </fieldset>
    }
}

/// The horizon.
pub fn months_field(row: &TextRow, on_edit: &Callback<DraftEdit>) -> Html {
    html! {
        <TextField row={row.clone()} on_text={text_edit(on_edit, |text| DraftEdit::SetMonths { text })} />
    }
}

//! The scenario editor: every parameter of the engine's catalogue in the
//! model's groups, the structure editor, and every problem at its field and
//! in a summary at the top. A controlled component: it draws the draft it
//! is given and sends each edit up as a [`DraftEdit`]; the owner applies
//! it (`ScenarioDraft::apply`) and passes the new draft back.

mod field;
mod inputs;
mod structure;

use yew::prelude::*;

use crate::app::draft::{DraftEdit, ScenarioDraft};
use crate::app::view::editor::{EditorView, GroupKind, GroupView, editor_view};
use field::ParamField;
use inputs::{Disclosure, toggle_switch};
use structure::{HiringPlan, RestructuringEditor, StructureEditor, months_field};

#[derive(Properties, PartialEq, Clone)]
pub struct ScenarioEditorProps {
    pub draft: ScenarioDraft,
    pub on_edit: Callback<DraftEdit>,
    /// A preset: edits are still sent (the owner makes the user's copy),
    /// and the editor says so.
    #[prop_or_default]
    pub read_only: bool,
}

#[component]
pub fn ScenarioEditor(props: &ScenarioEditorProps) -> Html {
    let view = use_memo((props.draft.clone(), props.read_only), |(draft, read_only)| {
        editor_view(draft, *read_only)
    });
    html! {
        <section class="editor" data-testid="scenario-editor" aria-label="Edit the scenario">
            if let Some(notice) = view.notice {
                <p class="editor__notice" data-testid="read-only-notice">{ notice }</p>
            }
            { problem_summary(&view) }
            { for view.groups.iter().enumerate().map(|(index, group)| group_html(&view, group, index == 0, &props.on_edit)) }
        </section>
    }
}

/// Every problem, each linking to its field; announced politely as the
/// user types, not as an alarm on each keystroke.
fn problem_summary(view: &EditorView) -> Html {
    let count = view.problems.len();
    html! {
        <div class={classes!("editor__problems", (count == 0).then_some("editor__problems--none"))}
            data-testid="problem-summary" aria-live="polite">
            if count > 0 {
                <h3 class="editor__problems-title">
                    { if count == 1 {
                        "1 problem to fix before this scenario can run".to_owned()
                    } else {
                        format!("{count} problems to fix before this scenario can run")
                    } }
                </h3>
                <ul class="editor__problems-list">
                    { for view.problems.iter().map(|line| html! {
                        <li data-testid="summary-problem">
                            <a href={format!("#{}", line.target)}>{ line.sentence.clone() }</a>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

fn group_html(view: &EditorView, group: &GroupView, first: bool, on_edit: &Callback<DraftEdit>) -> Html {
    let decisions = &view.decisions;
    let spec = group.spec;
    let decision_problems = match spec.kind {
        GroupKind::Structure => decisions.start.headcount.iter().any(|h| h.seats.problem.is_some()),
        GroupKind::Restructuring => {
            decisions.restructuring.month.problem.is_some()
                || decisions
                    .restructuring
                    .target
                    .headcount
                    .iter()
                    .any(|h| h.seats.problem.is_some())
        }
        GroupKind::People => decisions
            .hires
            .iter()
            .any(|h| h.month.problem.is_some() || h.count.problem.is_some()),
        GroupKind::Simulation => decisions.months.problem.is_some(),
        GroupKind::Parameters => false,
    };
    let before = match spec.kind {
        GroupKind::Structure => html! { <StructureEditor view={decisions.start.clone()} on_edit={on_edit.clone()} /> },
        GroupKind::Restructuring => {
            html! { <RestructuringEditor view={decisions.restructuring.clone()} on_edit={on_edit.clone()} /> }
        }
        GroupKind::Simulation => months_field(&decisions.months, on_edit),
        GroupKind::People | GroupKind::Parameters => Html::default(),
    };
    let after = match spec.kind {
        GroupKind::People => html! { <HiringPlan hires={decisions.hires.clone()} on_edit={on_edit.clone()} /> },
        _ => Html::default(),
    };
    let fields = |rows: &[crate::app::view::editor::FieldRow]| {
        html! {
            { for rows.iter().map(|row| html! {
                <ParamField key={row.path} row={row.clone()} on_edit={on_edit.clone()} />
            }) }
        }
    };
    let summary = html! {
        <>
            <span class="editor-group__title">{ spec.title }</span>
            if group.changed > 0 {
                <span class="editor-group__count">{ format!("{} changed", group.changed) }</span>
            }
            if group.problems > 0 || decision_problems {
                <span class="editor-group__count editor-group__count--problem">{ "needs a fix" }</span>
            }
        </>
    };
    html! {
        <Disclosure class="editor-group" summary={summary} initially_open={first}
            force_open={group.problems > 0 || decision_problems} test_id={AttrValue::from(format!("group-{}", spec.id))}>
            <fieldset class="editor-group__body">
                <legend class="visually-hidden">{ spec.title }</legend>
                { before }
                { for group.toggles.iter().map(|row| {
                    let toggle = row.toggle;
                    let on_edit = on_edit.clone();
                    toggle_switch(row, Callback::from(move |on| on_edit.emit(DraftEdit::SetSwitch { toggle, on })))
                }) }
                <div class="editor-group__fields">{ fields(group.common()) }</div>
                if !group.more().is_empty() {
                    <Disclosure class="editor-more" summary={html! { { group.more_label() } }}
                        force_open={group.more_open()} test_id={AttrValue::from(format!("more-{}", spec.id))}>
                        <div class="editor-group__fields">{ fields(group.more()) }</div>
                    </Disclosure>
                }
                { after }
            </fieldset>
        </Disclosure>
    }
}

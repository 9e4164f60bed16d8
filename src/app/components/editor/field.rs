//! One parameter: its number or range, unit, allowed range, picture,
//! problem, "Why this number" and Reset.

use yew::prelude::*;

use super::inputs::{chosen, range_and_described_by, typed_text};
use crate::app::draft::{DraftEdit, Form};
use crate::app::view::editor::{DensityPicture, FieldRow, PICTURE_HEIGHT, PICTURE_WIDTH};

#[derive(Properties, PartialEq, Clone)]
pub struct ParamFieldProps {
    pub row: FieldRow,
    pub on_edit: Callback<DraftEdit>,
}

#[component]
pub fn ParamField(props: &ParamFieldProps) -> Html {
    let row = &props.row;
    let param = row.param;
    let invalid = row.problem.is_some();
    let (range_id, described) = range_and_described_by(&row.id, invalid.then(|| row.problem_id()));
    let emit = |make: fn(String, crate::sim::params::P) -> DraftEdit| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(text) = typed_text(&event) {
                on_edit.emit(make(text, param));
            }
        })
    };
    let on_form = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: Event| {
            if let Some(form) = chosen(&event).as_deref().and_then(Form::from_key) {
                on_edit.emit(DraftEdit::SetForm { param, form });
            }
        })
    };
    let on_reset = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(DraftEdit::Reset { param }))
    };
    let entry = if row.form == Form::Fixed {
        html! {
            <input id={row.id.clone()} class="editor-input" type="text" inputmode="decimal"
                value={row.value.clone()} oninput={emit(|text, param| DraftEdit::SetValue { param, text })}
                aria-invalid={invalid.to_string()} aria-describedby={described.clone()} />
        }
    } else {
        html! {
            { for row.bounds.iter().map(|bound_input| {
                let bound = bound_input.bound;
                let on_edit = props.on_edit.clone();
                let on_input = Callback::from(move |event: InputEvent| {
                    if let Some(text) = typed_text(&event) {
                        on_edit.emit(DraftEdit::SetBound { param, bound, text });
                    }
                });
                html! {
                    <span class="editor-bound">
                        <label class="editor-bound__label" for={bound_input.id.clone()}>{ bound_input.label }</label>
                        <input id={bound_input.id.clone()} class="editor-input editor-input--short" type="text"
                            inputmode="decimal" value={bound_input.text.clone()} oninput={on_input}
                            aria-invalid={invalid.to_string()} aria-describedby={described.clone()} />
                    </span>
                }
            }) }
        }
    };
    html! {
        <div class={classes!(
                "editor-field",
                row.changed.then_some("editor-field--changed"),
                invalid.then_some("editor-field--invalid"),
            )}
            data-testid="editor-field" data-path={row.path}>
            <div class="editor-field__head">
                <label class="editor-field__label" for={row.focus_id()}>{ row.label }</label>
                if row.changed {
                    <span class="editor-field__changed" data-testid="changed">{ "Changed" }</span>
                }
            </div>
            <div class="editor-field__entry">
                { entry }
                <span class="editor-unit" data-testid="unit">{ row.unit }</span>
                <select id={row.form_id()} class="editor-form" onchange={on_form}
                    aria-label={format!("How {} is given", row.label)}>
                    { for Form::ALL.iter().map(|form| html! {
                        <option value={form.key()} selected={*form == row.form}>{ form.label() }</option>
                    }) }
                </select>
            </div>
            <p class="editor-range" id={range_id} data-testid="range">
                { format!("Allowed {} · {}", row.range, row.default_text) }
            </p>
            if let Some(picture) = &row.picture {
                { density(picture) }
            }
            if let Some(problem) = &row.problem {
                <p class="editor-problem" id={row.problem_id()} data-testid="problem">{ problem.clone() }</p>
            }
            <div class="editor-field__foot">
                <details class="editor-why" id={row.why_id()}>
                    <summary>{ "Why this number" }</summary>
                    <p class="editor-why__help">{ row.help }</p>
                    <p class="editor-why__source">{ format!("Source of the default: {}", row.source) }</p>
                </details>
                if row.changed {
                    <button type="button" class="editor-reset" onclick={on_reset} data-testid="reset">
                        { "Reset to default" }
                    </button>
                }
            </div>
        </div>
    }
}

/// The distribution as typed, with its bounds marked.
fn density(picture: &DensityPicture) -> Html {
    html! {
        <figure class="editor-picture" data-testid="picture">
            <svg class="editor-picture__svg" viewBox={format!("0 0 {PICTURE_WIDTH} {PICTURE_HEIGHT}")}
                width={PICTURE_WIDTH.to_string()} height={PICTURE_HEIGHT.to_string()}
                aria-hidden="true">
                <path class="editor-picture__area" d={picture.area.clone()} />
                { for picture.marks.iter().map(|x| html! {
                    <line class="editor-picture__mark" x1={format!("{x:.1}")} x2={format!("{x:.1}")}
                        y1="0" y2={PICTURE_HEIGHT.to_string()} />
                }) }
            </svg>
            <figcaption class="editor-picture__caption">{ picture.label.clone() }</figcaption>
        </figure>
    }
}

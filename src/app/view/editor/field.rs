//! One parameter's row: everything the catalogue says about it, what is
//! typed, whether it differs from the default, its problem and its picture.

use super::picture::{DensityPicture, density_picture};
use crate::app::draft::{Bound, FieldProblem, Form, ScenarioDraft};
use crate::app::view::format::plain;
use crate::sim::params::{P, ParamSpec};

/// An element id for a field of the scenario file: `roles.sdr.ramp_months`
/// → `editor-roles-sdr-ramp_months`.
#[must_use]
pub fn field_id(path: &str) -> String {
    let safe: String = path
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' })
        .collect();
    format!("editor-{}", safe.trim_end_matches('-'))
}

/// "0–24 months": the allowed range, from the catalogue.
#[must_use]
pub fn range_text(spec: &ParamSpec) -> String {
    format!("{}–{} {}", plain(spec.min), plain(spec.max), spec.unit.label())
}

/// One typed bound of a range.
#[derive(Clone, Debug, PartialEq)]
pub struct BoundInput {
    pub bound: Bound,
    pub id: String,
    /// "lowest", "most likely", "5th percentile", ...
    pub label: &'static str,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldRow {
    pub param: P,
    pub path: &'static str,
    /// The id of the number's input; bounds and messages derive theirs from it.
    pub id: String,
    pub label: &'static str,
    pub unit: &'static str,
    /// "0–24 months".
    pub range: String,
    /// "Default 3 months".
    pub default_text: String,
    pub help: &'static str,
    /// Where the default comes from ("benchmark: ...", "assumption: ...").
    pub source: &'static str,
    /// Differs from the catalogue default.
    pub changed: bool,
    pub form: Form,
    /// The fixed number as typed (kept while a range is shown).
    pub value: String,
    /// The bounds of the range, in the order shown; empty for a number.
    pub bounds: Vec<BoundInput>,
    /// The engine's message, shown at the field.
    pub problem: Option<String>,
    /// The distribution as typed, when it is a range that can be drawn.
    pub picture: Option<DensityPicture>,
    /// Shown before "More" is opened.
    pub common: bool,
}

impl FieldRow {
    #[must_use]
    pub fn problem_id(&self) -> String {
        format!("{}-problem", self.id)
    }

    #[must_use]
    pub fn why_id(&self) -> String {
        format!("{}-why", self.id)
    }

    #[must_use]
    pub fn form_id(&self) -> String {
        format!("{}-form", self.id)
    }

    /// The input the problem summary links to: the number, or the first bound.
    #[must_use]
    pub fn focus_id(&self) -> String {
        self.bounds.first().map_or_else(|| self.id.clone(), |b| b.id.clone())
    }
}

#[must_use]
pub fn field_row(draft: &ScenarioDraft, problems: &[FieldProblem], param: P, common: bool) -> FieldRow {
    let spec = param.spec();
    let typed = draft.param(param);
    let id = field_id(spec.path);
    let bounds = typed
        .form
        .bounds()
        .iter()
        .map(|bound| BoundInput {
            bound: *bound,
            id: format!("{id}-{}", bound_key(*bound)),
            label: bound.label(typed.form),
            text: typed.bound(*bound).to_owned(),
        })
        .collect();
    let picture = typed.parse(spec).ok().and_then(|value| density_picture(&value, spec));
    FieldRow {
        param,
        path: spec.path,
        id,
        label: spec.label,
        unit: spec.unit.label(),
        range: range_text(spec),
        default_text: format!("Default {} {}", plain(spec.default), spec.unit.label()),
        help: spec.help,
        source: spec.source,
        changed: draft.is_changed(param),
        form: typed.form,
        value: typed.value.clone(),
        bounds,
        problem: ScenarioDraft::problems_at(problems, spec.path),
        picture,
        common,
    }
}

fn bound_key(bound: Bound) -> &'static str {
    match bound {
        Bound::Low => "low",
        Bound::Mode => "mode",
        Bound::High => "high",
    }
}

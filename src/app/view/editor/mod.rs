//! The scenario editor's view models: the groups with their field rows,
//! the structure editor's rows, and the list of every problem, computed
//! from a [`ScenarioDraft`] and the engine's catalogue. The component only
//! draws them.

mod decisions;
mod field;
mod groups;
mod picture;
#[cfg(test)]
mod tests;

pub use decisions::{
    Choice, DecisionsView, HeadcountRow, HireRow, RestructuringView, Schema, Stage, StageRow, StructureView, TextRow,
    ToggleRow, decisions_view, stage_edit, toggle_row,
};
pub use field::{BoundInput, FieldRow, field_id, field_row, range_text};
pub use groups::{GROUPS, GroupKind, GroupSpec, group_of};
pub use picture::{DensityPicture, PICTURE_HEIGHT, PICTURE_WIDTH, density_picture};

use crate::app::draft::ScenarioDraft;

/// What a read-only preset says above its editor.
pub const READ_ONLY_NOTICE: &str = "Presets are read-only: a change makes your own copy.";

/// One group of the editor.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupView {
    pub spec: &'static GroupSpec,
    /// The common fields, then the others ("More").
    pub fields: Vec<FieldRow>,
    pub common_count: usize,
    pub toggles: Vec<ToggleRow>,
    /// Fields that differ from their default, and fields with a problem,
    /// for the group's heading (a closed group still says so).
    pub changed: usize,
    pub problems: usize,
}

impl GroupView {
    #[must_use]
    pub fn common(&self) -> &[FieldRow] {
        &self.fields[..self.common_count]
    }

    #[must_use]
    pub fn more(&self) -> &[FieldRow] {
        &self.fields[self.common_count..]
    }

    /// The "More" toggle's words: "More (4)", "More (4, 1 changed)".
    #[must_use]
    pub fn more_label(&self) -> String {
        let changed = self.more().iter().filter(|f| f.changed).count();
        if changed > 0 {
            format!("More ({}, {changed} changed)", self.more().len())
        } else {
            format!("More ({})", self.more().len())
        }
    }

    /// Whether "More" opens by itself: a problem or a change hidden there
    /// should not be.
    #[must_use]
    pub fn more_open(&self) -> bool {
        self.more().iter().any(|f| f.changed || f.problem.is_some())
    }
}

/// A line of the summary of problems, linking to its field.
#[derive(Clone, Debug, PartialEq)]
pub struct ProblemLine {
    /// The id of the input to go to.
    pub target: String,
    /// "SDR ramp: must be between 0 and 24 months, got 40".
    pub sentence: String,
}

/// Everything the editor shows.
#[derive(Clone, Debug, PartialEq)]
pub struct EditorView {
    pub groups: Vec<GroupView>,
    pub decisions: DecisionsView,
    /// Every problem, in the order of the fields on screen.
    pub problems: Vec<ProblemLine>,
    pub notice: Option<&'static str>,
}

#[must_use]
pub fn editor_view(draft: &ScenarioDraft, read_only: bool) -> EditorView {
    let problems = draft.scenario().err().unwrap_or_default();
    let schema = Schema::read();
    let decisions = decisions_view(draft, &problems, &schema);
    let groups: Vec<GroupView> = GROUPS
        .iter()
        .map(|spec| {
            let fields: Vec<FieldRow> = spec
                .common
                .iter()
                .map(|p| field_row(draft, &problems, *p, true))
                .chain(spec.more.iter().map(|p| field_row(draft, &problems, *p, false)))
                .collect();
            GroupView {
                spec,
                common_count: spec.common.len(),
                toggles: spec.toggles.iter().map(|t| toggle_row(draft, *t, &schema)).collect(),
                changed: fields.iter().filter(|f| f.changed).count(),
                problems: fields.iter().filter(|f| f.problem.is_some()).count(),
                fields,
            }
        })
        .collect();
    let order = screen_order(&groups, &decisions);
    let mut lines: Vec<(usize, ProblemLine)> = problems
        .iter()
        .map(|problem| {
            let at = order.iter().position(|(path, _)| *path == problem.path);
            let target = at.map_or_else(|| field_id(&problem.path), |i| order[i].1.clone());
            (
                at.unwrap_or(usize::MAX),
                ProblemLine {
                    target,
                    sentence: problem.sentence(),
                },
            )
        })
        .collect();
    lines.sort_by_key(|(at, _)| *at);
    EditorView {
        groups,
        decisions,
        problems: lines.into_iter().map(|(_, line)| line).collect(),
        notice: read_only.then_some(READ_ONLY_NOTICE),
    }
}

/// Every field's path and the id of its input, in the order drawn.
fn screen_order(groups: &[GroupView], decisions: &DecisionsView) -> Vec<(String, String)> {
    let text = |row: &TextRow| (row.path.clone(), row.id.clone());
    let structure = |view: &StructureView| view.headcount.iter().map(|h| text(&h.seats)).collect::<Vec<_>>();
    let mut order = Vec::new();
    for group in groups {
        match group.spec.kind {
            GroupKind::Structure => order.extend(structure(&decisions.start)),
            GroupKind::Restructuring => {
                order.push(text(&decisions.restructuring.month));
                order.extend(structure(&decisions.restructuring.target));
            }
            GroupKind::Simulation => order.push(text(&decisions.months)),
            GroupKind::People | GroupKind::Parameters => {}
        }
        order.extend(group.fields.iter().map(|f| (f.path.to_owned(), f.focus_id())));
        if group.spec.kind == GroupKind::People {
            for hire in &decisions.hires {
                order.push(text(&hire.month));
                order.push(text(&hire.count));
            }
        }
    }
    order
}

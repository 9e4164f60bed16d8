//! A scenario as the user is typing it.
//!
//! An editor that held only a [`Scenario`] would have to throw away "4O"
//! or "2." while they are typed, or refuse a range whose low end is above
//! its high end for the second it takes to fix the other end. The draft
//! keeps every field the user touched as typed (its text and its
//! distribution form), beside the last version of the whole scenario that
//! the engine accepted, so nothing typed is lost while it is invalid and
//! the draft can be saved as it stands.
//!
//! Validity is the engine's: [`ScenarioDraft::scenario`] builds the
//! scenario's file form from the texts and runs the engine's own
//! validation, so the messages at the fields are the ones a scenario file
//! gets ("must be between 0 and 24 months, got 40"). Only text that is not
//! a number at all gets a message written here, naming the same range.

mod decisions;
mod labels;
mod param;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::sim::params::{P, find};
use crate::sim::scenario::{LeadGeneration, Restructuring, Role, Scenario, Selling, Serving, Switches};
use crate::sim::uncertain::Uncertain;
use crate::sim::validate::{scenario_from_value, scenario_to_json};
pub use decisions::{HeadcountDraft, HireDraft, RestructuringDraft, StructureDraft, StructureSlot, Toggle};
use decisions::{hire_json, to_value, whole_or_text};
pub use labels::{FieldProblem, field_label, hire_path};
pub use param::{Bound, Form, ParamDraft, parse_number};

/// An edit the user makes in the editor.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftEdit {
    /// The text of a parameter's number (its fixed value).
    SetValue {
        param: P,
        text: String,
    },
    /// A number or one of the ranges.
    SetForm {
        param: P,
        form: Form,
    },
    /// The text of one bound of a parameter's range.
    SetBound {
        param: P,
        bound: Bound,
        text: String,
    },
    /// Back to the catalogue's default (a fixed number).
    Reset {
        param: P,
    },
    /// The horizon, in months, as typed.
    SetMonths {
        text: String,
    },
    SetLeadGeneration {
        slot: StructureSlot,
        to: LeadGeneration,
    },
    SetSelling {
        slot: StructureSlot,
        to: Selling,
    },
    SetServing {
        slot: StructureSlot,
        to: Serving,
    },
    SetHeadcount {
        slot: StructureSlot,
        role: Role,
        text: String,
    },
    SetAccountTiers {
        slot: StructureSlot,
        on: bool,
    },
    SetSwitch {
        toggle: Toggle,
        on: bool,
    },
    /// Whether the scenario restructures; switched off, the restructuring
    /// as typed is kept for switching it back on.
    SetRestructuring {
        on: bool,
    },
    SetRestructuringMonth {
        text: String,
    },
    SetProcessOwner {
        on: bool,
    },
    /// A new row at the end of the hiring plan.
    AddHire,
    SetHireMonth {
        row: usize,
        text: String,
    },
    SetHireRole {
        row: usize,
        role: Role,
    },
    SetHireCount {
        row: usize,
        text: String,
    },
    RemoveHire {
        row: usize,
    },
}

/// A scenario as the user is typing it (see the module's note).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioDraft {
    /// The latest version of the whole scenario that the engine accepted:
    /// what runs, and what the results show, while the draft has problems.
    pub last_valid: Scenario,
    pub months: String,
    pub structure: StructureDraft,
    pub switches: Switches,
    /// Whether the scenario restructures.
    pub restructures: bool,
    /// The restructuring as typed, kept while it is switched off.
    pub restructuring: RestructuringDraft,
    pub hiring_plan: Vec<HireDraft>,
    /// The parameters the user touched, by catalogue path, as typed; the
    /// others are as in `last_valid`.
    pub parameters: BTreeMap<String, ParamDraft>,
}

/// The month a restructuring switched on starts at, if the horizon allows.
const FIRST_RESTRUCTURING_MONTH: u32 = 6;

impl ScenarioDraft {
    #[must_use]
    pub fn from_scenario(scenario: &Scenario) -> Self {
        let restructuring = scenario.restructuring.as_ref().map_or_else(
            || RestructuringDraft {
                month: FIRST_RESTRUCTURING_MONTH
                    .min(scenario.months.saturating_sub(1))
                    .max(1)
                    .to_string(),
                to: StructureDraft::from_structure(&scenario.structure),
                process_owner: false,
            },
            |r: &Restructuring| RestructuringDraft {
                month: r.month.to_string(),
                to: StructureDraft::from_structure(&r.to),
                process_owner: r.process_owner,
            },
        );
        ScenarioDraft {
            last_valid: scenario.clone(),
            months: scenario.months.to_string(),
            structure: StructureDraft::from_structure(&scenario.structure),
            switches: scenario.switches,
            restructures: scenario.restructuring.is_some(),
            restructuring,
            hiring_plan: scenario.hiring_plan.iter().map(HireDraft::from_hire).collect(),
            parameters: BTreeMap::new(),
        }
    }

    /// The parameter as shown: as typed if touched, else as last accepted.
    #[must_use]
    pub fn param(&self, param: P) -> ParamDraft {
        let spec = param.spec();
        self.parameters.get(spec.path).cloned().unwrap_or_else(|| {
            let value = self
                .last_valid
                .parameters
                .get(spec.path)
                .cloned()
                .unwrap_or(Uncertain::Fixed(spec.default));
            ParamDraft::from_uncertain(&value)
        })
    }

    /// True when the parameter is not its catalogue default (text that is
    /// not yet a number counts as changed).
    #[must_use]
    pub fn is_changed(&self, param: P) -> bool {
        let spec = param.spec();
        match self.parameters.get(spec.path) {
            Some(typed) => typed.parse(spec) != Ok(Uncertain::Fixed(spec.default)),
            None => self
                .last_valid
                .parameters
                .get(spec.path)
                .is_some_and(|v| *v != Uncertain::Fixed(spec.default)),
        }
    }

    fn structure_mut(&mut self, slot: StructureSlot) -> &mut StructureDraft {
        match slot {
            StructureSlot::Start => &mut self.structure,
            StructureSlot::Target => &mut self.restructuring.to,
        }
    }

    #[must_use]
    pub fn structure(&self, slot: StructureSlot) -> &StructureDraft {
        match slot {
            StructureSlot::Start => &self.structure,
            StructureSlot::Target => &self.restructuring.to,
        }
    }

    fn typed_param(&mut self, param: P) -> &mut ParamDraft {
        let current = self.param(param);
        self.parameters.entry(param.spec().path.to_owned()).or_insert(current)
    }

    /// The draft after one edit; when the result is valid it becomes the
    /// last valid scenario.
    #[must_use]
    pub fn apply(&self, edit: DraftEdit) -> ScenarioDraft {
        let mut next = self.clone();
        next.edit(edit);
        if let Ok(scenario) = next.scenario() {
            next.last_valid = scenario;
        }
        next
    }

    fn edit(&mut self, edit: DraftEdit) {
        match edit {
            DraftEdit::SetValue { param, text } => self.typed_param(param).value = text,
            DraftEdit::SetForm { param, form } => self.typed_param(param).switch_to(form, param.spec()),
            DraftEdit::SetBound { param, bound, text } => *self.typed_param(param).bound_mut(bound) = text,
            DraftEdit::Reset { param } => {
                let path = param.spec().path;
                self.parameters.remove(path);
                // The default is valid on its own and no rule ties one
                // parameter to another, so the last valid scenario stays valid.
                self.last_valid.parameters.remove(path);
            }
            DraftEdit::SetMonths { text } => self.months = text,
            DraftEdit::SetLeadGeneration { slot, to } => self.structure_mut(slot).lead_generation = to,
            DraftEdit::SetSelling { slot, to } => self.structure_mut(slot).selling = to,
            DraftEdit::SetServing { slot, to } => self.structure_mut(slot).serving = to,
            DraftEdit::SetHeadcount { slot, role, text } => *self.structure_mut(slot).headcount.of_mut(role) = text,
            DraftEdit::SetAccountTiers { slot, on } => self.structure_mut(slot).account_tiers = on,
            DraftEdit::SetSwitch { toggle, on } => toggle.set(&mut self.switches, on),
            DraftEdit::SetRestructuring { on } => self.restructures = on,
            DraftEdit::SetRestructuringMonth { text } => self.restructuring.month = text,
            DraftEdit::SetProcessOwner { on } => self.restructuring.process_owner = on,
            DraftEdit::AddHire => {
                let role = self
                    .structure
                    .required_roles()
                    .last()
                    .copied()
                    .unwrap_or(Role::Generalist);
                self.hiring_plan.push(HireDraft {
                    month: "1".into(),
                    role,
                    count: "1".into(),
                });
            }
            DraftEdit::SetHireMonth { row, text } => {
                if let Some(hire) = self.hiring_plan.get_mut(row) {
                    hire.month = text;
                }
            }
            DraftEdit::SetHireRole { row, role } => {
                if let Some(hire) = self.hiring_plan.get_mut(row) {
                    hire.role = role;
                }
            }
            DraftEdit::SetHireCount { row, text } => {
                if let Some(hire) = self.hiring_plan.get_mut(row) {
                    hire.count = text;
                }
            }
            DraftEdit::RemoveHire { row } => {
                if row < self.hiring_plan.len() {
                    self.hiring_plan.remove(row);
                }
            }
        }
    }

    /// The scenario the texts describe, checked by the engine.
    ///
    /// # Errors
    /// Every problem at once, each at its field, in the engine's words.
    pub fn scenario(&self) -> Result<Scenario, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut candidate = self.last_valid.clone();
        for (path, typed) in &self.parameters {
            // A path the catalogue no longer has (a draft saved by an
            // older version) has nothing to apply to.
            let Some(spec) = find(path) else { continue };
            match typed.parse(spec) {
                Ok(value) if value == Uncertain::Fixed(spec.default) => {
                    candidate.parameters.remove(path);
                }
                Ok(value) => {
                    candidate.parameters.insert(path.clone(), value);
                }
                Err(message) => problems.push(FieldProblem::at(path, message)),
            }
        }
        let mut file = scenario_to_json(&candidate);
        if let Value::Object(root) = &mut file {
            root.insert("months".into(), whole_or_text(&self.months));
            root.insert("structure".into(), self.structure.to_json());
            root.insert("switches".into(), to_value(self.switches));
            root.insert("restructuring".into(), self.restructuring_json());
            root.insert(
                "hiring_plan".into(),
                Value::Array(self.hiring_plan.iter().map(hire_json).collect()),
            );
        }
        let checked = scenario_from_value(&file);
        if let Err(errors) = &checked {
            problems.extend(errors.0.iter().map(|e| FieldProblem::at(&e.path, e.message.clone())));
        }
        match checked {
            Ok(scenario) if problems.is_empty() => Ok(scenario),
            _ => {
                problems.sort_by_key(|p| field_order(&p.path));
                Err(problems)
            }
        }
    }

    fn restructuring_json(&self) -> Value {
        if !self.restructures {
            return Value::Null;
        }
        let mut map = Map::new();
        map.insert("month".into(), whole_or_text(&self.restructuring.month));
        map.insert("to".into(), self.restructuring.to.to_json());
        map.insert("process_owner".into(), Value::Bool(self.restructuring.process_owner));
        Value::Object(map)
    }

    /// The problems at one field (a parameter's path, "months",
    /// "structure.headcount.sdr", "hiring_plan[0].count", ...).
    #[must_use]
    pub fn problems_at(problems: &[FieldProblem], path: &str) -> Option<String> {
        let messages: Vec<&str> = problems
            .iter()
            .filter(|p| p.path == path)
            .map(|p| p.message.as_str())
            .collect();
        (!messages.is_empty()).then(|| messages.join("; "))
    }
}

/// The decisions first, in the editor's order, then the parameters in
/// catalogue order.
fn field_order(path: &str) -> (usize, usize) {
    if let Some(spec) = find(path) {
        return (1, spec.id as usize);
    }
    (0, 0)
}

//! The decisions beside the parameters: who does each stage and how many
//! seats each role has (now and after a restructuring), the switches, the
//! hiring plan and the horizon. Their ranges are the engine's constants.

use super::field::field_id;
use crate::app::draft::{DraftEdit, FieldProblem, ScenarioDraft, StructureDraft, StructureSlot, Toggle, field_label};
use crate::sim::params::schema_document;
use crate::sim::scenario::{LeadGeneration, MAX_HEADCOUNT, MAX_MONTHS, MIN_MONTHS, Role, Selling, Serving};

/// A whole number typed into a text box, with its range and problem.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRow {
    /// The field's path in the scenario file.
    pub path: String,
    pub id: String,
    pub label: String,
    pub unit: &'static str,
    /// "12–120 months".
    pub range: String,
    pub text: String,
    pub problem: Option<String>,
}

impl TextRow {
    fn new(path: String, unit: &'static str, range: String, text: &str, problems: &[FieldProblem]) -> Self {
        TextRow {
            id: field_id(&path),
            label: field_label(&path),
            problem: ScenarioDraft::problems_at(problems, &path),
            path,
            unit,
            range,
            text: text.to_owned(),
        }
    }

    #[must_use]
    pub fn problem_id(&self) -> String {
        format!("{}-problem", self.id)
    }
}

/// A stage of the work and who does it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    LeadGeneration,
    Selling,
    Serving,
}

/// One option of a stage's picker.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The scenario file's word for it ("sdr", "agency").
    pub key: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StageRow {
    pub stage: Stage,
    pub id: String,
    pub label: String,
    pub choices: Vec<Choice>,
}

const LEAD_GENERATION: [(LeadGeneration, &str, &str); 3] = [
    (LeadGeneration::Generalist, "generalist", "Generalist reps"),
    (LeadGeneration::Sdr, "sdr", "SDRs"),
    (LeadGeneration::Agency, "agency", "An outside agency"),
];
const SELLING: [(Selling, &str, &str); 2] = [
    (Selling::Generalist, "generalist", "Generalist reps"),
    (Selling::Ae, "ae", "Account executives"),
];
const SERVING: [(Serving, &str, &str); 2] = [
    (Serving::Generalist, "generalist", "Generalist reps"),
    (Serving::Am, "am", "Account managers"),
];

fn choices<T: PartialEq + Copy>(options: &[(T, &'static str, &'static str)], chosen: T) -> Vec<Choice> {
    options
        .iter()
        .map(|(value, key, label)| Choice {
            key,
            label,
            selected: *value == chosen,
        })
        .collect()
}

/// The edit for picking `key` at `stage` (None for a key no option has).
#[must_use]
pub fn stage_edit(slot: StructureSlot, stage: Stage, key: &str) -> Option<DraftEdit> {
    match stage {
        Stage::LeadGeneration => LEAD_GENERATION
            .iter()
            .find(|o| o.1 == key)
            .map(|o| DraftEdit::SetLeadGeneration { slot, to: o.0 }),
        Stage::Selling => SELLING
            .iter()
            .find(|o| o.1 == key)
            .map(|o| DraftEdit::SetSelling { slot, to: o.0 }),
        Stage::Serving => SERVING
            .iter()
            .find(|o| o.1 == key)
            .map(|o| DraftEdit::SetServing { slot, to: o.0 }),
    }
}

/// A role's seats, and whether the structure gives it work.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadcountRow {
    pub role: Role,
    pub seats: TextRow,
    pub needed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StructureView {
    pub slot: StructureSlot,
    pub stages: Vec<StageRow>,
    pub headcount: Vec<HeadcountRow>,
    pub account_tiers: bool,
    pub account_tiers_id: String,
    /// What account tiers do, from the engine's schema.
    pub account_tiers_help: String,
}

fn structure_view(
    slot: StructureSlot,
    structure: &StructureDraft,
    problems: &[FieldProblem],
    schema: &Schema,
) -> StructureView {
    let base = slot.path();
    let stage = |stage: Stage, key: &str, choices: Vec<Choice>| {
        let path = format!("{base}.{key}");
        StageRow {
            stage,
            id: field_id(&path),
            label: field_label(&path),
            choices,
        }
    };
    let needed = structure.required_roles();
    let headcount = Role::ALL
        .iter()
        .map(|role| HeadcountRow {
            role: *role,
            seats: TextRow::new(
                format!("{base}.headcount.{}", role.key()),
                "people",
                format!("0–{} people", crate::app::view::format::whole(u64::from(MAX_HEADCOUNT))),
                structure.headcount.of(*role),
                problems,
            ),
            needed: needed.contains(role),
        })
        .collect();
    StructureView {
        slot,
        stages: vec![
            stage(
                Stage::LeadGeneration,
                "lead_generation",
                choices(&LEAD_GENERATION, structure.lead_generation),
            ),
            stage(Stage::Selling, "selling", choices(&SELLING, structure.selling)),
            stage(Stage::Serving, "serving", choices(&SERVING, structure.serving)),
        ],
        headcount,
        account_tiers: structure.account_tiers,
        account_tiers_id: field_id(&format!("{base}.account_tiers")),
        account_tiers_help: schema.text(&["structure", "account_tiers"]),
    }
}

/// The engine's schema (`salesim schema`), read once per drawing: the
/// switches are described there, in one place.
pub struct Schema(serde_json::Value);

impl Schema {
    #[must_use]
    pub fn read() -> Self {
        Schema(schema_document())
    }

    fn text(&self, keys: &[&str]) -> String {
        keys.iter()
            .try_fold(&self.0, |node, key| node.get(*key))
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ToggleRow {
    pub toggle: Toggle,
    pub id: String,
    pub label: &'static str,
    pub help: String,
    pub on: bool,
}

#[must_use]
pub fn toggle_row(draft: &ScenarioDraft, toggle: Toggle, schema: &Schema) -> ToggleRow {
    ToggleRow {
        toggle,
        id: field_id(&format!("switches.{}", toggle.key())),
        label: toggle.label(),
        help: schema.text(&["switches", toggle.key()]),
        on: toggle.get(&draft.switches),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RestructuringView {
    pub on: bool,
    pub on_id: String,
    pub month: TextRow,
    pub target: StructureView,
    pub process_owner: bool,
    pub process_owner_id: String,
}

/// One row of the hiring plan.
#[derive(Clone, Debug, PartialEq)]
pub struct HireRow {
    pub row: usize,
    pub month: TextRow,
    pub role: Role,
    pub role_id: String,
    pub count: TextRow,
}

/// The decisions' rows for the draft.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionsView {
    pub months: TextRow,
    pub start: StructureView,
    pub restructuring: RestructuringView,
    pub hires: Vec<HireRow>,
}

#[must_use]
pub fn decisions_view(draft: &ScenarioDraft, problems: &[FieldProblem], schema: &Schema) -> DecisionsView {
    let horizon = crate::app::draft::parse_number(&draft.months, crate::sim::params::Unit::Months)
        .filter(|m| m.fract() == 0.0 && (f64::from(MIN_MONTHS)..=f64::from(MAX_MONTHS)).contains(m))
        .map_or(draft.last_valid.months, |m| m as u32);
    let hires = draft
        .hiring_plan
        .iter()
        .enumerate()
        .map(|(row, hire)| HireRow {
            row,
            month: TextRow::new(
                format!("hiring_plan[{row}].month"),
                "month",
                format!("1–{horizon}"),
                &hire.month,
                problems,
            ),
            role: hire.role,
            role_id: field_id(&format!("hiring_plan[{row}].role")),
            count: TextRow::new(
                format!("hiring_plan[{row}].count"),
                "people",
                "1–1,000 people".to_owned(),
                &hire.count,
                problems,
            ),
        })
        .collect();
    DecisionsView {
        months: TextRow::new(
            "months".to_owned(),
            "months",
            format!("{MIN_MONTHS}–{MAX_MONTHS} months"),
            &draft.months,
            problems,
        ),
        start: structure_view(StructureSlot::Start, &draft.structure, problems, schema),
        restructuring: RestructuringView {
            on: draft.restructures,
            on_id: field_id("restructuring"),
            month: TextRow::new(
                "restructuring.month".to_owned(),
                "month",
                format!("1–{}", horizon.saturating_sub(1).max(1)),
                &draft.restructuring.month,
                problems,
            ),
            target: structure_view(StructureSlot::Target, &draft.restructuring.to, problems, schema),
            process_owner: draft.restructuring.process_owner,
            process_owner_id: field_id("restructuring.process_owner"),
        },
        hires,
    }
}

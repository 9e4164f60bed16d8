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

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::app::view::format::plain;
use crate::sim::params::{P, ParamSpec, Unit, find};
use crate::sim::scenario::{
    LeadGeneration, PlannedHire, Restructuring, Role, Scenario, Selling, Serving, Structure, Switches,
};
use crate::sim::uncertain::Uncertain;
use crate::sim::validate::{allowed_range, scenario_from_value, scenario_to_json};

/// How a parameter is given: one number, or a distribution drawn once per run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    Fixed,
    Uniform,
    Triangular,
    /// Given as a 90% interval (5th and 95th percentiles).
    Normal,
    /// Given as a 90% interval (5th and 95th percentiles), both above 0.
    Lognormal,
}

impl Form {
    pub const ALL: [Form; 5] = [
        Form::Fixed,
        Form::Uniform,
        Form::Triangular,
        Form::Normal,
        Form::Lognormal,
    ];

    #[must_use]
    pub fn of(value: &Uncertain) -> Form {
        match value {
            Uncertain::Fixed(_) => Form::Fixed,
            Uncertain::Uniform { .. } => Form::Uniform,
            Uncertain::Triangular { .. } => Form::Triangular,
            Uncertain::Normal { .. } => Form::Normal,
            Uncertain::Lognormal { .. } => Form::Lognormal,
        }
    }

    /// The name in the form picker.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Form::Fixed => "A number",
            Form::Uniform => "Range: any value equally likely",
            Form::Triangular => "Range with a most likely value",
            Form::Normal => "Bell curve: 90% between",
            Form::Lognormal => "Skewed bell curve: 90% between",
        }
    }

    /// The bounds the form is typed as, in the order they are shown.
    #[must_use]
    pub fn bounds(self) -> &'static [Bound] {
        match self {
            Form::Fixed => &[],
            Form::Triangular => &[Bound::Low, Bound::Mode, Bound::High],
            Form::Uniform | Form::Normal | Form::Lognormal => &[Bound::Low, Bound::High],
        }
    }

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Form::Fixed => "fixed",
            Form::Uniform => "uniform",
            Form::Triangular => "triangular",
            Form::Normal => "normal",
            Form::Lognormal => "lognormal",
        }
    }

    #[must_use]
    pub fn from_key(key: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|form| form.key() == key)
    }
}

/// One typed end (or the middle) of a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Low,
    Mode,
    High,
}

impl Bound {
    /// What the bound means in this form: the ends of a uniform or
    /// triangular range are its limits, those of a bell curve its 5th and
    /// 95th percentiles.
    #[must_use]
    pub fn label(self, form: Form) -> &'static str {
        match (self, form) {
            (Bound::Mode, _) => "most likely",
            (Bound::Low, Form::Normal | Form::Lognormal) => "5th percentile",
            (Bound::High, Form::Normal | Form::Lognormal) => "95th percentile",
            (Bound::Low, _) => "lowest",
            (Bound::High, _) => "highest",
        }
    }
}

/// One parameter as typed: its form and the text of each of its numbers.
/// The fixed value's text is kept while a range is shown (and the bounds'
/// while a number is), so switching back and forth loses nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParamDraft {
    pub form: Form,
    pub value: String,
    pub low: String,
    pub mode: String,
    pub high: String,
}

impl ParamDraft {
    /// The texts of a value the engine accepted.
    #[must_use]
    pub fn from_uncertain(value: &Uncertain) -> Self {
        let form = Form::of(value);
        let (low, high) = if form == Form::Fixed {
            (String::new(), String::new())
        } else {
            let (low, high) = value.span();
            (plain(low), plain(high))
        };
        let mode = match value {
            Uncertain::Triangular { mode, .. } => plain(*mode),
            _ => String::new(),
        };
        ParamDraft {
            form,
            value: plain(value.central()),
            low,
            mode,
            high,
        }
    }

    #[must_use]
    pub fn bound(&self, bound: Bound) -> &str {
        match bound {
            Bound::Low => &self.low,
            Bound::Mode => &self.mode,
            Bound::High => &self.high,
        }
    }

    fn bound_mut(&mut self, bound: Bound) -> &mut String {
        match bound {
            Bound::Low => &mut self.low,
            Bound::Mode => &mut self.mode,
            Bound::High => &mut self.high,
        }
    }

    /// The value the texts give, or a message for the first text that is
    /// not a number (ranges and shapes are then the engine's to judge).
    ///
    /// # Errors
    /// A sentence naming the allowed range, e.g. `must be a number between
    /// 0 and 24 months, got "soon"`.
    pub fn parse(&self, spec: &ParamSpec) -> Result<Uncertain, String> {
        let read = |text: &str, what: Option<Bound>| {
            parse_number(text, spec.unit).ok_or_else(|| not_a_number(spec, what.map(|b| b.label(self.form)), text))
        };
        Ok(match self.form {
            Form::Fixed => Uncertain::Fixed(read(&self.value, None)?),
            Form::Uniform => Uncertain::Uniform {
                min: read(&self.low, Some(Bound::Low))?,
                max: read(&self.high, Some(Bound::High))?,
            },
            Form::Triangular => Uncertain::Triangular {
                min: read(&self.low, Some(Bound::Low))?,
                mode: read(&self.mode, Some(Bound::Mode))?,
                max: read(&self.high, Some(Bound::High))?,
            },
            Form::Normal => Uncertain::Normal {
                low: read(&self.low, Some(Bound::Low))?,
                high: read(&self.high, Some(Bound::High))?,
            },
            Form::Lognormal => Uncertain::Lognormal {
                low: read(&self.low, Some(Bound::Low))?,
                high: read(&self.high, Some(Bound::High))?,
            },
        })
    }

    /// Switches the form, filling bounds never typed with a range around
    /// the value (±20%, inside the allowed range), so the picture has
    /// something to show and the user adjusts rather than starts blank.
    fn switch_to(&mut self, form: Form, spec: &ParamSpec) {
        self.form = form;
        if form == Form::Fixed {
            return;
        }
        let centre = parse_number(&self.value, spec.unit).unwrap_or(spec.default);
        let (low, high) = suggested_range(spec, centre, form);
        let typed_low = parse_number(&self.low, spec.unit);
        // A lognormal cannot reach 0: a low end at or below it, typed for
        // another form, is replaced rather than refused.
        let impossible = form == Form::Lognormal && typed_low.is_some_and(|v| v <= 0.0) && low > 0.0;
        if typed_low.is_none() || impossible {
            self.low = plain(low);
        }
        if parse_number(&self.high, spec.unit).is_none() {
            self.high = plain(high);
        }
        if form == Form::Triangular && parse_number(&self.mode, spec.unit).is_none() {
            self.mode = plain(centre);
        }
    }
}

/// ±20% around `centre` (at least a tenth of the allowed range when the
/// centre is 0), kept inside the allowed range, rounded to three
/// significant digits or whole numbers; a lognormal's low end above 0.
fn suggested_range(spec: &ParamSpec, centre: f64, form: Form) -> (f64, f64) {
    const SPREAD: f64 = 0.2;
    let half = if centre == 0.0 {
        0.1 * (spec.max - spec.min)
    } else {
        SPREAD * centre.abs()
    };
    let round = |x: f64| {
        if spec.integer { x.round() } else { significant(x, 3) }
    };
    let mut low = round((centre - half).clamp(spec.min, spec.max));
    let mut high = round((centre + half).clamp(spec.min, spec.max));
    if spec.integer && low == high {
        high = (high + 1.0).min(spec.max);
        low = (low - 1.0).max(spec.min).min(centre);
    }
    if form == Form::Lognormal && low <= 0.0 && high > 0.0 {
        low = round(high / 4.0).max(f64::MIN_POSITIVE);
    }
    (low, high)
}

fn significant(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

/// Reads a typed number: thousands separators and spaces are ignored,
/// a leading "$" is allowed, the typographic minus reads as minus, and a
/// share may be typed as a percentage ("15%" is 0.15). Anything else that
/// is not a finite number is `None`.
#[must_use]
pub fn parse_number(text: &str, unit: Unit) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '$' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    let is_share = matches!(unit, Unit::Share | Unit::SharePerMonth | Unit::SharePerYear);
    let (digits, scale) = match cleaned.strip_suffix('%') {
        Some(digits) if is_share => (digits, 0.01),
        Some(_) => return None,
        None => (cleaned.as_str(), 1.0),
    };
    // Rust also reads "inf" and "NaN", which no one means as a number here.
    if !digits
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
    {
        return None;
    }
    digits.parse::<f64>().ok().map(|v| v * scale).filter(|v| v.is_finite())
}

fn shown(text: &str) -> String {
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text.to_owned()
    }
}

fn not_a_number(spec: &ParamSpec, bound: Option<&str>, text: &str) -> String {
    let range = allowed_range(spec);
    let subject = bound.map_or_else(String::new, |b| format!("the {b} "));
    if text.trim().is_empty() {
        format!("{subject}is required: a number {range}")
    } else {
        format!("{subject}must be a number {range}, got \"{}\"", shown(text))
    }
}

/// Which of a scenario's two structures an edit is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StructureSlot {
    /// The structure the scenario starts with.
    Start,
    /// The structure a restructuring switches to.
    Target,
}

impl StructureSlot {
    /// The start of the scenario file's path to this structure.
    #[must_use]
    pub fn path(self) -> &'static str {
        match self {
            StructureSlot::Start => "structure",
            StructureSlot::Target => "restructuring.to",
        }
    }
}

/// The switches of [`Switches`], one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Toggle {
    CutLeadsWhenBehind,
    SdrPaidPerMeeting,
    MeetingQualityGate,
    TradeShows,
    Referrals,
    Quotas,
}

impl Toggle {
    pub const ALL: [Toggle; 6] = [
        Toggle::CutLeadsWhenBehind,
        Toggle::SdrPaidPerMeeting,
        Toggle::MeetingQualityGate,
        Toggle::TradeShows,
        Toggle::Referrals,
        Toggle::Quotas,
    ];

    /// The field's name in the scenario file (and in `salesim schema`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Toggle::CutLeadsWhenBehind => "cut_leads_when_behind",
            Toggle::SdrPaidPerMeeting => "sdr_paid_per_meeting",
            Toggle::MeetingQualityGate => "meeting_quality_gate",
            Toggle::TradeShows => "trade_shows",
            Toggle::Referrals => "referrals",
            Toggle::Quotas => "quotas",
        }
    }

    /// The short name beside the checkbox; what it does in full comes
    /// from the engine's schema.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Toggle::CutLeadsWhenBehind => "Cut marketing when behind plan",
            Toggle::SdrPaidPerMeeting => "Pay SDRs per meeting",
            Toggle::MeetingQualityGate => "Quality gate on paid meetings",
            Toggle::TradeShows => "Trade shows",
            Toggle::Referrals => "Referrals",
            Toggle::Quotas => "Quotas and accelerators",
        }
    }

    #[must_use]
    pub fn get(self, switches: &Switches) -> bool {
        match self {
            Toggle::CutLeadsWhenBehind => switches.cut_leads_when_behind,
            Toggle::SdrPaidPerMeeting => switches.sdr_paid_per_meeting,
            Toggle::MeetingQualityGate => switches.meeting_quality_gate,
            Toggle::TradeShows => switches.trade_shows,
            Toggle::Referrals => switches.referrals,
            Toggle::Quotas => switches.quotas,
        }
    }

    fn set(self, switches: &mut Switches, on: bool) {
        let slot = match self {
            Toggle::CutLeadsWhenBehind => &mut switches.cut_leads_when_behind,
            Toggle::SdrPaidPerMeeting => &mut switches.sdr_paid_per_meeting,
            Toggle::MeetingQualityGate => &mut switches.meeting_quality_gate,
            Toggle::TradeShows => &mut switches.trade_shows,
            Toggle::Referrals => &mut switches.referrals,
            Toggle::Quotas => &mut switches.quotas,
        };
        *slot = on;
    }
}

/// Seats per role as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HeadcountDraft {
    pub generalist: String,
    pub sdr: String,
    pub ae: String,
    pub am: String,
    pub retention: String,
}

impl HeadcountDraft {
    #[must_use]
    pub fn of(&self, role: Role) -> &str {
        match role {
            Role::Generalist => &self.generalist,
            Role::Sdr => &self.sdr,
            Role::Ae => &self.ae,
            Role::Am => &self.am,
            Role::Retention => &self.retention,
        }
    }

    fn of_mut(&mut self, role: Role) -> &mut String {
        match role {
            Role::Generalist => &mut self.generalist,
            Role::Sdr => &mut self.sdr,
            Role::Ae => &mut self.ae,
            Role::Am => &mut self.am,
            Role::Retention => &mut self.retention,
        }
    }
}

/// A structure as being edited: the choices as chosen, the seats as typed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StructureDraft {
    pub lead_generation: LeadGeneration,
    pub selling: Selling,
    pub serving: Serving,
    pub headcount: HeadcountDraft,
    pub account_tiers: bool,
}

impl StructureDraft {
    #[must_use]
    pub fn from_structure(structure: &Structure) -> Self {
        let mut headcount = HeadcountDraft::default();
        for role in Role::ALL {
            *headcount.of_mut(role) = structure.headcount.of(role).to_string();
        }
        StructureDraft {
            lead_generation: structure.lead_generation,
            selling: structure.selling,
            serving: structure.serving,
            headcount,
            account_tiers: structure.account_tiers,
        }
    }

    /// The roles this structure gives work to, as the engine decides it.
    #[must_use]
    pub fn required_roles(&self) -> Vec<Role> {
        Structure {
            lead_generation: self.lead_generation,
            selling: self.selling,
            serving: self.serving,
            headcount: Default::default(),
            account_tiers: self.account_tiers,
        }
        .required_roles()
    }

    fn to_json(&self) -> Value {
        let mut headcount = Map::new();
        for role in Role::ALL {
            headcount.insert(role.key().to_owned(), whole_or_text(self.headcount.of(role)));
        }
        let mut map = Map::new();
        map.insert("lead_generation".into(), to_value(self.lead_generation));
        map.insert("selling".into(), to_value(self.selling));
        map.insert("serving".into(), to_value(self.serving));
        map.insert("headcount".into(), Value::Object(headcount));
        map.insert("account_tiers".into(), Value::Bool(self.account_tiers));
        Value::Object(map)
    }
}

/// The restructuring as being edited.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RestructuringDraft {
    pub month: String,
    pub to: StructureDraft,
    pub process_owner: bool,
}

/// One row of the hiring plan as typed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HireDraft {
    pub month: String,
    pub role: Role,
    pub count: String,
}

impl HireDraft {
    fn from_hire(hire: &PlannedHire) -> Self {
        HireDraft {
            month: hire.month.to_string(),
            role: hire.role,
            count: hire.count.to_string(),
        }
    }
}

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

/// One problem with one field, for the message at the field and the summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    /// The field's path in the scenario file, e.g. `roles.sdr.ramp_months`.
    pub path: String,
    /// What the field is called on screen, e.g. "SDR ramp".
    pub label: String,
    /// The engine's message, e.g. "must be between 0 and 24 months, got 40".
    pub message: String,
}

impl FieldProblem {
    fn at(path: &str, message: String) -> Self {
        FieldProblem {
            path: path.to_owned(),
            label: field_label(path),
            message,
        }
    }

    /// "SDR ramp: must be between 0 and 24 months, got 40".
    #[must_use]
    pub fn sentence(&self) -> String {
        format!("{}: {}", self.label, self.message)
    }
}

/// What a field of the scenario file is called on screen: a parameter by
/// its catalogue label, the decisions by the words the editor shows.
#[must_use]
pub fn field_label(path: &str) -> String {
    if let Some(spec) = find(path) {
        return spec.label.to_owned();
    }
    if let Some(rest) = path.strip_prefix("restructuring.to.") {
        return format!("After the restructuring: {}", structure_label(rest));
    }
    if let Some(rest) = path.strip_prefix("structure.") {
        return structure_label(rest);
    }
    if let Some(rest) = path.strip_prefix("switches.") {
        if let Some(toggle) = Toggle::ALL.into_iter().find(|t| t.key() == rest) {
            return toggle.label().to_owned();
        }
    }
    if let Some((row, field)) = hire_path(path) {
        let what = match field {
            "month" => "month",
            "role" => "role",
            "count" => "people",
            _ => field,
        };
        return format!("Hire {}: {what}", row + 1);
    }
    match path {
        "months" => "Months simulated",
        "restructuring.month" => "Month of the restructuring",
        "restructuring.process_owner" => "Process owner",
        "restructuring.to" => "Structure after the restructuring",
        "hiring_plan" => "Hiring plan",
        "name" => "Name",
        "description" => "Description",
        other => other,
    }
    .to_owned()
}

fn structure_label(rest: &str) -> String {
    if let Some(key) = rest.strip_prefix("headcount.") {
        if let Some(role) = Role::ALL.into_iter().find(|r| r.key() == key) {
            return role.title().to_owned();
        }
    }
    match rest {
        "lead_generation" => "Who generates leads",
        "selling" => "Who sells",
        "serving" => "Who serves customers",
        "headcount" => "Headcount",
        "account_tiers" => "Account tiers",
        other => other,
    }
    .to_owned()
}

/// `hiring_plan[3].month` → (3, "month").
#[must_use]
pub fn hire_path(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("hiring_plan[")?;
    let (row, field) = rest.split_once("].")?;
    Some((row.parse().ok()?, field))
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

fn hire_json(hire: &HireDraft) -> Value {
    let mut map = Map::new();
    map.insert("month".into(), whole_or_text(&hire.month));
    map.insert("role".into(), to_value(hire.role));
    map.insert("count".into(), whole_or_text(&hire.count));
    Value::Object(map)
}

/// A typed whole number as the file would hold it; text that is not a
/// number goes to the engine as text, so its message is the engine's
/// ("must be a whole number between 0 and 10000, got \"ten\"").
fn whole_or_text(text: &str) -> Value {
    match parse_number(text, Unit::Count) {
        // As an integer, so the engine's message says "got 40", not "got 40.0".
        #[allow(clippy::cast_possible_truncation)]
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => Value::from(v as i64),
        Some(v) => Value::from(v),
        None => Value::String(text.to_owned()),
    }
}

fn to_value<T: Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

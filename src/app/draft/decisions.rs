//! The decisions as typed: the structures (who does each stage, seats per
//! role, account tiers), the switches, the restructuring, the hiring plan,
//! and their form in the scenario file, texts and all.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::param::parse_number;
use crate::sim::params::Unit;
use crate::sim::scenario::{LeadGeneration, PlannedHire, Role, Selling, Serving, Structure, Switches};

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

    pub(super) fn set(self, switches: &mut Switches, on: bool) {
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

    pub(super) fn of_mut(&mut self, role: Role) -> &mut String {
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

    pub(super) fn to_json(&self) -> Value {
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
    pub(super) fn from_hire(hire: &PlannedHire) -> Self {
        HireDraft {
            month: hire.month.to_string(),
            role: hire.role,
            count: hire.count.to_string(),
        }
    }
}

pub(super) fn hire_json(hire: &HireDraft) -> Value {
    let mut map = Map::new();
    map.insert("month".into(), whole_or_text(&hire.month));
    map.insert("role".into(), to_value(hire.role));
    map.insert("count".into(), whole_or_text(&hire.count));
    Value::Object(map)
}

/// A typed whole number as the file would hold it; text that is not a
/// number goes to the engine as text, so its message is the engine's
/// ("must be a whole number between 0 and 10000, got \"ten\"").
pub(super) fn whole_or_text(text: &str) -> Value {
    match parse_number(text, Unit::Count) {
        // As an integer, so the engine's message says "got 40", not "got 40.0".
        #[allow(clippy::cast_possible_truncation)]
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => Value::from(v as i64),
        Some(v) => Value::from(v),
        None => Value::String(text.to_owned()),
    }
}

pub(super) fn to_value<T: Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

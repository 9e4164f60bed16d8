//! A scenario: the decisions a user makes (structure, headcount, switches,
//! a restructuring, a hiring plan, the horizon) and the model parameters
//! they override, some of them uncertain.
//!
//! Decisions are fixed numbers; every catalogued parameter may be uncertain.
//! The file is versioned (`"schema": 1`). Parse it with
//! [`crate::sim::validate::parse_scenario`], which reports every problem at
//! once instead of stopping at the first.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::params::{CATALOGUE, P, PARAM_COUNT, Values};
use super::uncertain::Uncertain;

pub const SCHEMA_VERSION: u32 = 1;
pub const MIN_MONTHS: u32 = 12;
pub const MAX_MONTHS: u32 = 120;
pub const DEFAULT_MONTHS: u32 = 36;
pub const MAX_HEADCOUNT: u32 = 10_000;

/// The roles that can hold seats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Generalist,
    Sdr,
    Ae,
    Am,
    Retention,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Generalist, Role::Sdr, Role::Ae, Role::Am, Role::Retention];

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Role::Generalist => "generalist",
            Role::Sdr => "sdr",
            Role::Ae => "ae",
            Role::Am => "am",
            Role::Retention => "retention",
        }
    }

    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Role::Generalist => "Generalist reps",
            Role::Sdr => "SDRs",
            Role::Ae => "Account executives",
            Role::Am => "Account managers",
            Role::Retention => "Retention managers",
        }
    }

    /// The role in the middle of a sentence ("needs SDRs").
    #[must_use]
    pub fn noun(self) -> &'static str {
        match self {
            Role::Generalist => "generalist reps",
            Role::Sdr => "SDRs",
            Role::Ae => "account executives",
            Role::Am => "account managers",
            Role::Retention => "retention managers",
        }
    }

    #[must_use]
    pub fn ramp(self) -> P {
        match self {
            Role::Generalist => P::GeneralistRamp,
            Role::Sdr => P::SdrRamp,
            Role::Ae => P::AeRamp,
            Role::Am => P::AmRamp,
            Role::Retention => P::RetentionRamp,
        }
    }

    #[must_use]
    pub fn attrition(self) -> P {
        match self {
            Role::Generalist => P::GeneralistAttrition,
            Role::Sdr => P::SdrAttrition,
            Role::Ae => P::AeAttrition,
            Role::Am => P::AmAttrition,
            Role::Retention => P::RetentionAttrition,
        }
    }

    #[must_use]
    pub fn ote(self) -> P {
        match self {
            Role::Generalist => P::GeneralistOte,
            Role::Sdr => P::SdrOte,
            Role::Ae => P::AeOte,
            Role::Am => P::AmOte,
            Role::Retention => P::RetentionOte,
        }
    }

    #[must_use]
    pub fn variable_share(self) -> P {
        match self {
            Role::Generalist => P::GeneralistVariableShare,
            Role::Sdr => P::SdrVariableShare,
            Role::Ae => P::AeVariableShare,
            Role::Am => P::AmVariableShare,
            Role::Retention => P::RetentionVariableShare,
        }
    }
}

/// Who generates leads and books first meetings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadGeneration {
    Generalist,
    Sdr,
    Agency,
}

/// Who runs opportunities to a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Selling {
    Generalist,
    Ae,
}

/// Who serves the installed base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Serving {
    Generalist,
    Am,
}

/// Seats per role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Headcount {
    pub generalist: u32,
    pub sdr: u32,
    pub ae: u32,
    pub am: u32,
    pub retention: u32,
}

impl Headcount {
    #[must_use]
    pub fn of(&self, role: Role) -> u32 {
        match role {
            Role::Generalist => self.generalist,
            Role::Sdr => self.sdr,
            Role::Ae => self.ae,
            Role::Am => self.am,
            Role::Retention => self.retention,
        }
    }

    #[must_use]
    pub fn total(&self) -> u32 {
        Role::ALL.iter().map(|r| self.of(*r)).sum()
    }
}

/// The stage → role matrix with headcount: who generates leads, who sells,
/// who serves, and whether accounts are managed in tiers by spend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    pub lead_generation: LeadGeneration,
    pub selling: Selling,
    pub serving: Serving,
    pub headcount: Headcount,
    /// Account-list management (article: retention driver 2): service hours
    /// go to accounts by tier, strategic first, instead of evenly.
    #[serde(default)]
    pub account_tiers: bool,
}

impl Structure {
    /// The roles this structure needs at least one seat of.
    #[must_use]
    pub fn required_roles(&self) -> Vec<Role> {
        let mut roles = Vec::new();
        match self.lead_generation {
            LeadGeneration::Generalist => roles.push(Role::Generalist),
            LeadGeneration::Sdr => roles.push(Role::Sdr),
            LeadGeneration::Agency => {}
        }
        roles.push(match self.selling {
            Selling::Generalist => Role::Generalist,
            Selling::Ae => Role::Ae,
        });
        roles.push(match self.serving {
            Serving::Generalist => Role::Generalist,
            Serving::Am => Role::Am,
        });
        roles.dedup();
        roles
    }

    /// A hand-off between lead generation and selling (meetings change hands).
    #[must_use]
    pub fn has_meeting_handoff(&self) -> bool {
        !matches!(
            (self.lead_generation, self.selling),
            (LeadGeneration::Generalist, Selling::Generalist)
        )
    }

    /// A hand-off between selling and service (new customers change hands).
    #[must_use]
    pub fn has_service_handoff(&self) -> bool {
        !matches!((self.selling, self.serving), (Selling::Generalist, Serving::Generalist))
    }
}

/// Mechanisms that are switched on or off rather than tuned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Switches {
    /// The article's warning: cut marketing when trailing bookings fall behind plan.
    pub cut_leads_when_behind: bool,
    /// SDRs earn their variable pay per meeting booked.
    pub sdr_paid_per_meeting: bool,
    /// Meetings only pay out once the seller accepts them as qualified.
    pub meeting_quality_gate: bool,
    pub trade_shows: bool,
    pub referrals: bool,
    /// Year-to-date quotas, attainment-driven effort and attrition, accelerators.
    pub quotas: bool,
}

impl Default for Switches {
    fn default() -> Self {
        Switches {
            cut_leads_when_behind: false,
            sdr_paid_per_meeting: true,
            meeting_quality_gate: true,
            trade_shows: true,
            referrals: true,
            quotas: true,
        }
    }
}

/// A switch from the starting structure to another in a given month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Restructuring {
    /// Month of the switch, 1-based: month 6 means the sixth simulated month.
    pub month: u32,
    pub to: Structure,
    /// Article tip 3: a named owner of the new process shortens the dip.
    #[serde(default)]
    pub process_owner: bool,
}

/// Seats added by plan: open from `month`, filled after the hiring lag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlannedHire {
    pub month: u32,
    pub role: Role,
    pub count: u32,
}

/// Serialised as the nested file format (see [`Scenario::to_json`]); read
/// through [`crate::sim::validate::parse_scenario`].
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub schema: u32,
    pub name: String,
    pub description: String,
    pub months: u32,
    pub structure: Structure,
    pub switches: Switches,
    pub restructuring: Option<Restructuring>,
    pub hiring_plan: Vec<PlannedHire>,
    /// Parameters that differ from the catalogue default, by dotted path.
    pub parameters: BTreeMap<String, Uncertain>,
}

impl Scenario {
    /// A scenario with every parameter at its catalogue default.
    #[must_use]
    pub fn new(name: &str, structure: Structure) -> Self {
        Scenario {
            schema: SCHEMA_VERSION,
            name: name.to_owned(),
            description: String::new(),
            months: DEFAULT_MONTHS,
            structure,
            switches: Switches::default(),
            restructuring: None,
            hiring_plan: Vec::new(),
            parameters: BTreeMap::new(),
        }
    }

    /// Sets a parameter by id (builder style, used by presets and tests).
    #[must_use]
    pub fn with(mut self, id: P, value: impl Into<Uncertain>) -> Self {
        self.set(id, value);
        self
    }

    pub fn set(&mut self, id: P, value: impl Into<Uncertain>) {
        self.parameters.insert(id.spec().path.to_owned(), value.into());
    }

    /// The value or distribution of every parameter, in catalogue order.
    #[must_use]
    pub fn parameter_table(&self) -> Vec<Uncertain> {
        let mut table: Vec<Uncertain> = CATALOGUE.iter().map(|s| Uncertain::Fixed(s.default)).collect();
        for spec in CATALOGUE {
            if let Some(value) = self.parameters.get(spec.path) {
                table[spec.id as usize] = value.clone();
            }
        }
        debug_assert_eq!(table.len(), PARAM_COUNT);
        table
    }

    /// Every parameter at its central value (an uncertain one at the centre
    /// of its range), as planning at "the numbers we expect" uses them.
    #[must_use]
    pub fn central_values(&self) -> Values {
        let mut values = Values::defaults();
        for (value, uncertain) in values.0.iter_mut().zip(self.parameter_table()) {
            *value = uncertain.central();
        }
        values
    }

    /// The scenario over `months` months: a restructuring at or after the
    /// new horizon and hires planned beyond it are dropped, as they would
    /// not happen within it (a shorter horizon must not make a valid
    /// scenario invalid).
    #[must_use]
    pub fn on_horizon(&self, months: u32) -> Scenario {
        let mut scenario = self.clone();
        scenario.months = months;
        if scenario.restructuring.as_ref().is_some_and(|r| r.month >= months) {
            scenario.restructuring = None;
        }
        scenario.hiring_plan.retain(|hire| hire.month <= months);
        scenario
    }

    /// The scenario as the nested JSON the file format uses.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        super::validate::scenario_to_json(self)
    }
}

impl Serialize for Scenario {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Scenario {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        super::validate::scenario_from_value(&value).map_err(serde::de::Error::custom)
    }
}

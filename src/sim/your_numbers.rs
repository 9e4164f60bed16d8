//! "Your sales organisation today": the dozen numbers a sales leader knows
//! about their own company, turned into a baseline scenario, and the
//! standard alternatives to it at the same people costs.
//!
//! Every input maps onto catalogued parameters ([`crate::sim::params`]);
//! everything the form does not ask keeps its catalogue default. An input
//! the engine cannot use (outside the parameter's allowed range) is an
//! error; one outside the range published benchmarks give is only a
//! warning, because a real company may well be unusual.

use std::fmt;

use super::model::derived::Derived;
use super::params::{P, Unit, Values};
use super::presets;
use super::scenario::{
    Headcount, LeadGeneration, MAX_HEADCOUNT, Restructuring, Role, Scenario, Selling, Serving, Structure,
};

/// The roles the form asks about (retention managers come with an alternative).
pub const SELLER_ROLES: [Role; 4] = [Role::Generalist, Role::Sdr, Role::Ae, Role::Am];

/// The month the standard restructurings switch in, as the presets do.
pub const RESTRUCTURING_MONTH: u32 = 6;

/// Most inbound leads a month the form accepts (a million: far beyond any
/// sales team the engine sizes).
pub const MAX_MONTHLY_LEADS: f64 = 1_000_000.0;

/// One input of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Sellers(Role),
    Arr,
    Customers,
    MonthlyLeads,
    MarketingSpend,
    AverageDeal,
    WinRate,
    SalesCycle,
    MonthlyChurn,
    BasePay(Role),
    OnTargetPay(Role),
}

impl Field {
    /// Every input in the order the form asks them.
    #[must_use]
    pub fn all() -> Vec<Field> {
        let mut fields: Vec<Field> = SELLER_ROLES.iter().map(|r| Field::Sellers(*r)).collect();
        fields.extend([
            Field::Arr,
            Field::Customers,
            Field::MonthlyLeads,
            Field::MarketingSpend,
            Field::AverageDeal,
            Field::WinRate,
            Field::SalesCycle,
            Field::MonthlyChurn,
        ]);
        for role in SELLER_ROLES {
            fields.extend([Field::BasePay(role), Field::OnTargetPay(role)]);
        }
        fields
    }

    /// A stable key for saved forms and element ids: `sellers.sdr`, `pay.base.ae`.
    #[must_use]
    pub fn key(self) -> String {
        match self {
            Field::Sellers(role) => format!("sellers.{}", role.key()),
            Field::Arr => "arr".into(),
            Field::Customers => "customers".into(),
            Field::MonthlyLeads => "monthly_leads".into(),
            Field::MarketingSpend => "marketing_spend".into(),
            Field::AverageDeal => "average_deal".into(),
            Field::WinRate => "win_rate".into(),
            Field::SalesCycle => "sales_cycle".into(),
            Field::MonthlyChurn => "monthly_churn".into(),
            Field::BasePay(role) => format!("pay.base.{}", role.key()),
            Field::OnTargetPay(role) => format!("pay.ote.{}", role.key()),
        }
    }

    #[must_use]
    pub fn from_key(key: &str) -> Option<Field> {
        Field::all().into_iter().find(|f| f.key() == key)
    }

    /// The question as the form asks it.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Field::Sellers(role) => role.title().to_owned(),
            Field::Arr => "Recurring revenue today (ARR)".into(),
            Field::Customers => "Customers today".into(),
            Field::MonthlyLeads => "Inbound leads a month".into(),
            Field::MarketingSpend => "Marketing spend a month".into(),
            Field::AverageDeal => "Average deal size (annual contract value)".into(),
            Field::WinRate => "Win rate (opportunities won)".into(),
            Field::SalesCycle => "Sales cycle (average)".into(),
            Field::MonthlyChurn => "Customers lost a month (churn)".into(),
            Field::BasePay(role) => format!("Base pay, {}", role.noun()),
            Field::OnTargetPay(role) => format!("On-target pay, {}", role.noun()),
        }
    }

    /// The unit, from the catalogue parameter the input feeds where there is one.
    #[must_use]
    pub fn unit(self) -> Unit {
        match self.parameter() {
            Some(id) => id.spec().unit,
            None => match self {
                Field::MonthlyLeads => Unit::CountPerMonth,
                Field::AverageDeal | Field::BasePay(_) => Unit::UsdPerYear,
                Field::MonthlyChurn => Unit::SharePerMonth,
                _ => Unit::Count,
            },
        }
    }

    /// Whole numbers only.
    #[must_use]
    pub fn integer(self) -> bool {
        matches!(self, Field::Sellers(_) | Field::Customers)
    }

    /// The catalogue parameter this input sets one to one, if any.
    #[must_use]
    pub fn parameter(self) -> Option<P> {
        match self {
            Field::Arr => Some(P::StartArr),
            Field::Customers => Some(P::StartAccounts),
            Field::MarketingSpend => Some(P::InboundBudget),
            Field::WinRate => Some(P::OpportunityToWin),
            Field::SalesCycle => Some(P::CycleMeanMonths),
            Field::OnTargetPay(role) => Some(role.ote()),
            _ => None,
        }
    }

    /// The parameter whose catalogue entry says where the benchmark comes from.
    #[must_use]
    pub fn cited(self) -> Option<P> {
        match self {
            Field::MonthlyLeads => Some(P::InboundCostPerLead),
            Field::MonthlyChurn => Some(P::ChurnCore),
            Field::AverageDeal => Some(P::AcvMedian),
            Field::BasePay(role) => Some(role.variable_share()),
            other => other.parameter(),
        }
    }

    /// The source of the benchmark range, quoted from the catalogue.
    #[must_use]
    pub fn source(self) -> &'static str {
        self.cited().map_or("your own figure", |id| id.spec().source)
    }

    /// The values the engine can use, given the rest of the numbers (base
    /// pay depends on on-target pay, leads on spend).
    #[must_use]
    pub fn allowed(self, numbers: &YourNumbers) -> (f64, f64) {
        match self {
            Field::Sellers(_) => (0.0, f64::from(MAX_HEADCOUNT)),
            Field::MonthlyLeads => (0.0, MAX_MONTHLY_LEADS),
            Field::AverageDeal => {
                let spec = P::AcvMedian.spec();
                let to_mean = mean_over_median(P::AcvSpread.spec().default);
                (spec.min * to_mean, spec.max * to_mean)
            }
            Field::MonthlyChurn => (0.0, P::ChurnLongTail.spec().max),
            Field::BasePay(role) => {
                let at_risk = role.variable_share().spec();
                let ote = numbers.pay_of(role).on_target;
                // Whole dollars inside the limits, for the message.
                ((ote * (1.0 - at_risk.max)).ceil(), (ote * (1.0 - at_risk.min)).floor())
            }
            other => other.parameter().map_or((0.0, f64::MAX), |id| {
                let spec = id.spec();
                (spec.min, spec.max)
            }),
        }
    }

    /// The range published benchmarks give, when the catalogue cites one.
    /// The catalogue's benchmark sources state these ranges in words; the
    /// pay surveys it cites give no figures, so their ranges are stated here
    /// around the catalogue's defaults.
    #[must_use]
    pub fn typical(self, numbers: &YourNumbers) -> Option<(f64, f64)> {
        match self {
            Field::WinRate => Some((0.20, 0.25)),
            Field::SalesCycle => Some((2.0, 3.0)),
            Field::MonthlyChurn => Some((0.007, 0.03)),
            // $100–$300 a lead at the spend given.
            Field::MonthlyLeads if numbers.marketing_spend > 0.0 => {
                Some((numbers.marketing_spend / 300.0, numbers.marketing_spend / 100.0))
            }
            Field::OnTargetPay(Role::Sdr) => Some((65_000.0, 100_000.0)),
            Field::OnTargetPay(Role::Ae) => Some((120_000.0, 200_000.0)),
            Field::OnTargetPay(Role::Am) => Some((90_000.0, 140_000.0)),
            // Pay at risk of 30–60% for sellers, 20–40% for account managers.
            Field::BasePay(role) => {
                let ote = numbers.pay_of(role).on_target;
                let (low, high) = match role {
                    Role::Am => (0.2, 0.4),
                    Role::Sdr => (0.25, 0.45),
                    _ => (0.3, 0.6),
                };
                Some((ote * (1.0 - high), ote * (1.0 - low)))
            }
            _ => None,
        }
    }

    /// Shares are typed as percentages.
    #[must_use]
    pub fn is_share(self) -> bool {
        matches!(self.unit(), Unit::Share | Unit::SharePerMonth | Unit::SharePerYear)
    }
}

/// What is wrong with an input.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The engine cannot use the value.
    Outside { min: f64, max: f64 },
    /// Usable, but outside what benchmarks report.
    Unusual { low: f64, high: f64 },
    /// The numbers do not fit together, in words.
    Inconsistent(String),
}

/// One problem with one input: an error when it blocks the baseline, a
/// warning when it does not.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub field: Field,
    pub value: f64,
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.field.label();
        match &self.kind {
            ProblemKind::Outside { min, max } => {
                write!(f, "{label}: must be between {min} and {max}, got {}", self.value)
            }
            ProblemKind::Unusual { low, high } => {
                write!(f, "{label}: {} is outside the usual {low} to {high}", self.value)
            }
            ProblemKind::Inconsistent(why) => write!(f, "{label}: {why}"),
        }
    }
}

/// Pay of one role, per seat and year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pay {
    pub base: f64,
    pub on_target: f64,
}

impl Pay {
    /// The catalogue's pay for `role`.
    #[must_use]
    pub fn default_for(role: Role) -> Pay {
        let on_target = role.ote().spec().default;
        Pay {
            base: on_target * (1.0 - role.variable_share().spec().default),
            on_target,
        }
    }
}

/// The numbers a sales leader knows about their organisation today.
#[derive(Clone, Debug, PartialEq)]
pub struct YourNumbers {
    pub sellers: Headcount,
    /// Annual recurring revenue today, USD.
    pub arr: f64,
    pub customers: f64,
    pub monthly_leads: f64,
    /// Inbound marketing spend, USD a month.
    pub marketing_spend: f64,
    /// Mean annual contract value of a won deal, USD.
    pub average_deal: f64,
    /// Share of decided opportunities won, as the team wins them today.
    pub win_rate: f64,
    /// Average months from opportunity to decision.
    pub cycle_months: f64,
    /// Share of customers lost a month.
    pub monthly_churn: f64,
    /// Pay per role, in [`SELLER_ROLES`] order.
    pub pay: [Pay; 4],
}

/// Mean of a lognormal over its median: deal sizes are lognormal, and a
/// leader knows the average deal, while the catalogue takes the median.
fn mean_over_median(sigma: f64) -> f64 {
    (0.5 * sigma * sigma).exp()
}

fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

impl Default for YourNumbers {
    /// The catalogue's default company (the generalist preset's numbers).
    fn default() -> Self {
        let d = |id: P| id.spec().default;
        let spend = d(P::InboundBudget);
        YourNumbers {
            sellers: presets::generalist_structure().headcount,
            arr: d(P::StartArr),
            customers: d(P::StartAccounts),
            monthly_leads: spend / d(P::InboundCostPerLead),
            marketing_spend: spend,
            average_deal: (d(P::AcvMedian) * mean_over_median(d(P::AcvSpread))).round(),
            win_rate: d(P::OpportunityToWin),
            cycle_months: d(P::CycleMeanMonths),
            monthly_churn: default_book_churn(),
            pay: SELLER_ROLES.map(Pay::default_for),
        }
    }
}

/// The catalogue's default churn per tier averaged over the default book.
fn default_book_churn() -> f64 {
    let derived = Derived::new(&Values::defaults());
    let churn = [P::ChurnStrategic, P::ChurnCore, P::ChurnLongTail].map(|id| id.spec().default);
    derived.tier_share.iter().zip(churn).map(|(s, c)| s * c).sum::<f64>()
}

impl YourNumbers {
    #[must_use]
    pub fn pay_of(&self, role: Role) -> Pay {
        SELLER_ROLES
            .iter()
            .position(|r| *r == role)
            .map_or_else(|| Pay::default_for(role), |i| self.pay[i])
    }

    /// The value of one input.
    #[must_use]
    pub fn get(&self, field: Field) -> f64 {
        match field {
            Field::Sellers(role) => f64::from(self.sellers.of(role)),
            Field::Arr => self.arr,
            Field::Customers => self.customers,
            Field::MonthlyLeads => self.monthly_leads,
            Field::MarketingSpend => self.marketing_spend,
            Field::AverageDeal => self.average_deal,
            Field::WinRate => self.win_rate,
            Field::SalesCycle => self.cycle_months,
            Field::MonthlyChurn => self.monthly_churn,
            Field::BasePay(role) => self.pay_of(role).base,
            Field::OnTargetPay(role) => self.pay_of(role).on_target,
        }
    }

    /// Sets one input (a seller count is rounded to a whole number of seats
    /// and held within 0 to the most seats a role may have).
    pub fn set(&mut self, field: Field, value: f64) {
        let pay_slot = |role: Role| SELLER_ROLES.iter().position(|r| *r == role);
        match field {
            Field::Sellers(role) => {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let seats = value.round().clamp(0.0, f64::from(MAX_HEADCOUNT)) as u32;
                match role {
                    Role::Generalist => self.sellers.generalist = seats,
                    Role::Sdr => self.sellers.sdr = seats,
                    Role::Ae => self.sellers.ae = seats,
                    Role::Am => self.sellers.am = seats,
                    Role::Retention => self.sellers.retention = seats,
                }
            }
            Field::Arr => self.arr = value,
            Field::Customers => self.customers = value,
            Field::MonthlyLeads => self.monthly_leads = value,
            Field::MarketingSpend => self.marketing_spend = value,
            Field::AverageDeal => self.average_deal = value,
            Field::WinRate => self.win_rate = value,
            Field::SalesCycle => self.cycle_months = value,
            Field::MonthlyChurn => self.monthly_churn = value,
            Field::BasePay(role) => {
                if let Some(i) = pay_slot(role) {
                    self.pay[i].base = value;
                }
            }
            Field::OnTargetPay(role) => {
                if let Some(i) = pay_slot(role) {
                    self.pay[i].on_target = value;
                }
            }
        }
    }

    /// The stage matrix the sellers imply: SDRs generate leads if there are
    /// any, AEs sell if there are any, AMs serve if there are any, and
    /// generalists do whatever no specialist does.
    #[must_use]
    pub fn structure(&self) -> Structure {
        let h = self.sellers;
        Structure {
            lead_generation: if h.sdr > 0 {
                LeadGeneration::Sdr
            } else {
                LeadGeneration::Generalist
            },
            selling: if h.ae > 0 { Selling::Ae } else { Selling::Generalist },
            serving: if h.am > 0 { Serving::Am } else { Serving::Generalist },
            headcount: Headcount { retention: 0, ..h },
            account_tiers: false,
        }
    }

    /// Inputs the engine cannot use, or that do not fit together.
    #[must_use]
    pub fn errors(&self) -> Vec<Problem> {
        let mut problems: Vec<Problem> = Field::all()
            .into_iter()
            .filter_map(|field| {
                let value = self.get(field);
                let (min, max) = field.allowed(self);
                let usable = match field {
                    // Checked as the share of pay at risk the engine takes, so a
                    // base at the very edge cannot round past the catalogue's limit.
                    Field::BasePay(role) => {
                        let on_target = self.pay_of(role).on_target;
                        on_target > 0.0 && role.variable_share().spec().contains(1.0 - value / on_target)
                    }
                    _ => value >= min && value <= max && (!field.integer() || value.fract() == 0.0),
                };
                (!(value.is_finite() && usable)).then_some(Problem {
                    field,
                    value,
                    kind: ProblemKind::Outside { min, max },
                })
            })
            .collect();
        let inconsistent = |field: Field, why: String| Problem {
            field,
            value: self.get(field),
            kind: ProblemKind::Inconsistent(why),
        };
        if self.sellers.total() == 0 {
            problems.push(inconsistent(
                Field::Sellers(Role::Generalist),
                "there must be at least one seller".into(),
            ));
        } else {
            let structure = self.structure();
            if structure.required_roles().contains(&Role::Generalist) && self.sellers.generalist == 0 {
                problems.push(inconsistent(
                    Field::Sellers(Role::Generalist),
                    "someone must generate leads, sell and serve: with no SDRs, AEs or AMs for a stage, generalists do it, so at least 1 is needed".into(),
                ));
            }
        }
        if self.monthly_leads > 0.0 && self.marketing_spend <= 0.0 {
            problems.push(inconsistent(
                Field::MarketingSpend,
                "inbound leads come from marketing spend in this model, so it must be above $0 when there are leads"
                    .into(),
            ));
        }
        if self.monthly_leads.is_finite() && self.monthly_leads > 0.0 && self.marketing_spend > 0.0 {
            let cost = self.reference_cost_per_lead();
            let spec = P::InboundCostPerLead.spec();
            if !spec.contains(cost) {
                problems.push(inconsistent(
                    Field::MonthlyLeads,
                    format!(
                        "the spend per lead must be between ${} and ${}, got ${cost:.2}",
                        spec.min, spec.max
                    ),
                ));
            }
        }
        problems
    }

    /// Inputs the engine can use but benchmarks call unusual.
    #[must_use]
    pub fn warnings(&self) -> Vec<Problem> {
        Field::all()
            .into_iter()
            .filter_map(|field| {
                let value = self.get(field);
                let (low, high) = field.typical(self)?;
                (value.is_finite() && (value < low || value > high)).then_some(Problem {
                    field,
                    value,
                    kind: ProblemKind::Unusual { low, high },
                })
            })
            .collect()
    }

    /// The catalogue's cost per lead (quoted at the reference budget) that
    /// gives these leads at this spend: leads = reference leads ×
    /// (spend ÷ reference)^exponent, with the default exponent.
    fn reference_cost_per_lead(&self) -> f64 {
        let reference = P::InboundReferenceBudget.spec().default;
        let exponent = P::InboundReturnsExponent.spec().default;
        reference / self.monthly_leads * (self.marketing_spend / reference).powf(exponent)
    }

    /// The base win rate the funnel takes (what specialists reach): the
    /// team's observed win rate includes the generalists' skill gap at its
    /// central value when generalists sell, which the model adds back, so it
    /// is taken out here; AEs win at the base rate itself.
    fn base_win_rate(&self, structure: &Structure) -> f64 {
        let seller_skill = match structure.selling {
            Selling::Generalist => central_of(P::GeneralistSkill),
            Selling::Ae => 0.0,
        };
        let spec = P::OpportunityToWin.spec();
        logistic(logit(self.win_rate) - seller_skill).clamp(spec.min, spec.max)
    }

    /// The baseline scenario: these numbers on the catalogue's defaults,
    /// with the presets' ranges on the uncertain assumptions.
    ///
    /// # Errors
    /// Every input the engine cannot use ([`YourNumbers::errors`]);
    /// warnings never block.
    pub fn to_scenario(&self) -> Result<Scenario, Vec<Problem>> {
        let errors = self.errors();
        if !errors.is_empty() {
            return Err(errors);
        }
        let structure = self.structure();
        let mut scenario = Scenario::new("Your organisation today", structure.clone());
        scenario.description = format!(
            "Your numbers today: {}; every other assumption at its default.",
            team_words(&structure.headcount)
        );
        scenario.set(P::StartArr, self.arr);
        scenario.set(P::StartAccounts, self.customers);
        scenario.set(P::InboundBudget, self.marketing_spend);
        if self.monthly_leads > 0.0 {
            scenario.set(P::InboundCostPerLead, tidy(self.reference_cost_per_lead()));
        }
        scenario.set(
            P::AcvMedian,
            tidy(self.average_deal / mean_over_median(P::AcvSpread.spec().default)),
        );
        scenario.set(P::OpportunityToWin, tidy(self.base_win_rate(&structure)));
        let cycle = P::CycleP90Months.spec();
        let default_tail = cycle.default / P::CycleMeanMonths.spec().default;
        scenario.set(P::CycleMeanMonths, self.cycle_months);
        scenario.set(
            P::CycleP90Months,
            tidy(self.cycle_months * default_tail).clamp(cycle.min, cycle.max),
        );
        self.set_churn(&mut scenario);
        for role in SELLER_ROLES {
            let pay = self.pay_of(role);
            scenario.set(role.ote(), pay.on_target);
            scenario.set(role.variable_share(), tidy(1.0 - pay.base / pay.on_target));
        }
        let scenario = presets::with_assumption_ranges(scenario);
        // The checks above mirror the engine's; should they ever miss a
        // rule, the engine's own message is given rather than a scenario
        // that cannot run.
        match super::validate::validate(&scenario) {
            Ok(()) => Ok(scenario),
            Err(errors) => Err(errors
                .0
                .into_iter()
                .map(|error| Problem {
                    field: field_of_path(&error.path),
                    value: f64::NAN,
                    kind: ProblemKind::Inconsistent(error.to_string()),
                })
                .collect()),
        }
    }

    /// Scales the catalogue's churn per tier so that the book, split into
    /// tiers by these deal sizes, loses the share given a month.
    fn set_churn(&self, scenario: &mut Scenario) {
        let tiers = [P::ChurnStrategic, P::ChurnCore, P::ChurnLongTail];
        let mut values = Values::defaults();
        values[P::AcvMedian] = self.average_deal / mean_over_median(values[P::AcvSpread]);
        let shares = Derived::new(&values).tier_share;
        let default_average: f64 = shares.iter().zip(tiers).map(|(s, id)| s * id.spec().default).sum();
        let factor = self.monthly_churn / default_average.max(f64::MIN_POSITIVE);
        for id in tiers {
            let spec = id.spec();
            scenario.set(id, tidy(spec.default * factor).clamp(spec.min, spec.max));
        }
    }
}

/// The input behind an engine field path, for the engine's own messages.
fn field_of_path(path: &str) -> Field {
    Field::all()
        .into_iter()
        .find(|field| field.cited().is_some_and(|id| id.spec().path == path))
        .unwrap_or(Field::Sellers(Role::Generalist))
}

/// `x` to six significant digits: derived values read as a person would
/// write them in the editor, and survive a trip through saved text exactly.
fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 5 - x.abs().log10().floor() as i32;
    let text = format!("{:.*}", usize::try_from(digits.max(0)).unwrap_or(0), x);
    let rounded: f64 = text.parse().unwrap_or(x);
    if digits < 0 {
        let unit = 10f64.powi(-digits);
        (x / unit).round() * unit
    } else {
        rounded
    }
}

fn central_of(id: P) -> f64 {
    presets::assumption_ranges()
        .into_iter()
        .find(|(p, _)| *p == id)
        .map_or(id.spec().default, |(_, range)| range.central())
}

/// Dollars as a sales leader writes them in a sentence: "$1.56M", "$850k".
fn dollars(amount: f64) -> String {
    if amount >= 1e6 {
        format!("${}M", trimmed(amount / 1e6))
    } else {
        format!("${}k", trimmed(amount / 1e3))
    }
}

fn trimmed(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// "20 generalist reps" or "6 SDRs, 8 account executives and 6 account managers".
fn team_words(headcount: &Headcount) -> String {
    let parts: Vec<String> = Role::ALL
        .iter()
        .filter(|r| headcount.of(**r) > 0)
        .map(|r| format!("{} {}", headcount.of(*r), r.noun()))
        .collect();
    match parts.as_slice() {
        [] => "no sellers".into(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Yearly on-target pay of every seat in `headcount`, at the scenario's central pay.
#[must_use]
pub fn on_target_payroll(scenario: &Scenario, headcount: &Headcount) -> f64 {
    let table = scenario.parameter_table();
    Role::ALL
        .iter()
        .map(|role| f64::from(headcount.of(*role)) * table[role.ote() as usize].central())
        .sum()
}

/// Seats per role spending `budget` on on-target pay, in proportion to
/// `weights` (seats per role in the preset the shape comes from), at least
/// one seat per weighted role; what is left over is less than the cheapest
/// seat. `None` when one seat per role already costs more than the budget
/// and one seat's pay.
fn staffed(budget: f64, weights: &Headcount, pay: impl Fn(Role) -> f64) -> Option<Headcount> {
    let roles: Vec<Role> = Role::ALL.into_iter().filter(|r| weights.of(*r) > 0).collect();
    let cost_of_one_each: f64 = roles.iter().map(|r| pay(*r)).sum();
    let dearest = roles.iter().map(|r| pay(*r)).fold(0.0, f64::max);
    if cost_of_one_each > budget + dearest {
        return None;
    }
    let weighted_pay: f64 = roles.iter().map(|r| f64::from(weights.of(*r)) * pay(*r)).sum();
    let scale = budget / weighted_pay;
    let mut seats = Headcount::default();
    let mut counts: Vec<u32> = roles
        .iter()
        .map(|r| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let floor = (f64::from(weights.of(*r)) * scale).floor().max(1.0) as u32;
            floor
        })
        .collect();
    let cost = |counts: &[u32]| -> f64 { roles.iter().zip(counts).map(|(r, n)| f64::from(*n) * pay(*r)).sum() };
    // Add seats to the role furthest behind its share while one fits.
    loop {
        let spent = cost(&counts);
        let mut candidates: Vec<usize> = (0..roles.len()).filter(|&i| spent + pay(roles[i]) <= budget).collect();
        if candidates.is_empty() {
            break;
        }
        candidates.sort_by(|&a, &b| {
            let behind = |i: usize| f64::from(counts[i]) / f64::from(weights.of(roles[i]));
            behind(a).total_cmp(&behind(b))
        });
        counts[candidates[0]] += 1;
    }
    for (role, n) in roles.iter().zip(counts) {
        match role {
            Role::Generalist => seats.generalist = n,
            Role::Sdr => seats.sdr = n,
            Role::Ae => seats.ae = n,
            Role::Am => seats.am = n,
            Role::Retention => seats.retention = n,
        }
    }
    Some(seats)
}

/// The stages of a structure, without its headcount.
fn same_stages(a: &Structure, b: &Structure) -> bool {
    a.lead_generation == b.lead_generation
        && a.selling == b.selling
        && a.serving == b.serving
        && a.account_tiers == b.account_tiers
        && (a.headcount.retention > 0) == (b.headcount.retention > 0)
}

/// The standard alternatives to `baseline`, each with the same yearly
/// on-target payroll (within less than one seat's pay), the headcount
/// redistributed in the proportions of the matching preset: the three-stage
/// structure, outsourced lead generation, retention managers with account
/// tiers, and a restructuring into the three-stage structure in month 6
/// without and with a process owner. An alternative the baseline already
/// is, or that one seat per role could not staff at this payroll, is left
/// out. Everything else (the company, the market, the pay) is the baseline's.
#[must_use]
pub fn alternatives(baseline: &Scenario) -> Vec<Scenario> {
    let budget = on_target_payroll(baseline, &baseline.structure.headcount);
    let table = baseline.parameter_table();
    let pay = |role: Role| table[role.ote() as usize].central();
    let base = &baseline.structure;
    let shapes = presets::all();
    let shape = |id: &str| shapes.iter().find(|p| p.id == id).map(|p| p.scenario.structure.clone());
    let restaffed = |id: &str| {
        let mut structure = shape(id)?;
        structure.headcount = staffed(budget, &structure.headcount, pay)?;
        Some(structure)
    };
    let derived = |name: &str, structure: Structure, description: String| {
        let mut scenario = baseline.clone();
        scenario.name = name.to_owned();
        scenario.description = description;
        scenario.structure = structure;
        scenario.restructuring = None;
        scenario.hiring_plan.clear();
        scenario
    };
    let payroll_words = format!("at the same {} a year of on-target pay", dollars(budget));
    let mut out = Vec::new();
    let three_stage = restaffed("specialised");
    if let Some(structure) = three_stage.clone().filter(|s| !same_stages(s, base)) {
        let words = team_words(&structure.headcount);
        out.push(derived(
            "Yours as three-stage (SDR, AE, AM)",
            structure,
            format!("{words} {payroll_words}: SDRs book meetings, AEs sell, AMs serve."),
        ));
    }
    if let Some(structure) = restaffed("outsourced").filter(|s| !same_stages(s, base)) {
        let words = team_words(&structure.headcount);
        out.push(derived(
            "Yours with outsourced lead generation",
            structure,
            format!("An agency books meetings for {words} {payroll_words}; its fees come on top."),
        ));
    }
    if let Some(structure) = restaffed("retention").filter(|s| !same_stages(s, base)) {
        let words = team_words(&structure.headcount);
        out.push(derived(
            "Yours with retention managers and account tiers",
            structure,
            format!("{words} {payroll_words}, serving accounts by tier (strategic first)."),
        ));
    }
    if let Some(to) = three_stage.filter(|s| !same_stages(s, base) && RESTRUCTURING_MONTH < baseline.months) {
        for owner in [false, true] {
            let mut scenario = derived(
                if owner {
                    "Yours → three-stage in month 6, with a process owner"
                } else {
                    "Yours → three-stage in month 6"
                },
                base.clone(),
                format!(
                    "Today's team until month {RESTRUCTURING_MONTH}, then {} {payroll_words}{}.",
                    team_words(&to.headcount),
                    if owner {
                        ", with a named owner for the new process"
                    } else {
                        ""
                    }
                ),
            );
            scenario.hiring_plan = baseline.hiring_plan.clone();
            scenario.restructuring = Some(Restructuring {
                month: RESTRUCTURING_MONTH,
                to: to.clone(),
                process_owner: owner,
            });
            out.push(scenario);
        }
    }
    out
}

#[cfg(test)]
mod tests;

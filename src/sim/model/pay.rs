//! Pay, in one place: what the pay plan does to effort and hand-offs for a
//! whole run, the commission rate and quotas, and what each month costs in
//! base pay, commission, bonuses (the sellers' team pool, the SDRs' meeting
//! bonus, the account and retention managers' retention bonus), managers
//! and the restructuring's process owner, and in severance when people are
//! let go.
//!
//! Commission itself is worked out seat by seat as bookings are credited
//! ([`Staff::credit_bookings`](super::seats::Staff::credit_bookings)), since
//! a seat's accelerator depends on its own year-to-date quota.

use super::derived::Derived;
use super::month::{Month, Service, Steps};
use super::per::PerRole;
use crate::sim::params::{P, Values};
use crate::sim::scenario::Role;

/// What the pay plan does to behaviour, fixed for a run.
#[derive(Clone, Copy, Debug)]
pub struct Incentives {
    /// Share of the sellers' variable pay paid as a team pool instead of commission.
    pub team_share: f64,
    /// Chance a handed-over meeting or orphaned opportunity is lost: alignment
    /// and a shared pool make people care about what they pass on.
    pub leakage: f64,
    /// Effort per role from the share of pay at risk, less the sellers'
    /// free-riding on the team pool.
    pub role_effort: PerRole<f64>,
}

impl Incentives {
    #[must_use]
    pub fn new(v: &Values, d: &Derived) -> Self {
        let team_share = v[P::TeamBonusShare];
        let leakage = v[P::HandoffLeakage]
            * (1.0 - v[P::AlignmentEffect] * v[P::Alignment])
            * (1.0 - v[P::TeamLeakageReduction] * (team_share / v[P::TeamPoolFullShare].max(1e-9)).min(1.0));
        let mut role_effort = d.pay_effort;
        for role in [Role::Ae, Role::Generalist] {
            role_effort[role] *= 1.0 - v[P::TeamFreeRiding] * team_share;
        }
        Incentives {
            team_share,
            leakage,
            role_effort,
        }
    }
}

/// Commission per dollar of annual contract value booked below quota: the
/// variable pay at target spread over the quota, so a larger share of pay at
/// risk is a steeper commission, not a cheaper plan.
#[must_use]
pub fn commission_rate(role: Role, v: &Values) -> f64 {
    let quota = 12.0 * monthly_quota(role, v);
    if quota > 0.0 {
        v[role.ote()] * v[role.variable_share()] / quota
    } else {
        0.0
    }
}

/// A seller's quota for a month; roles that do not sell have none.
pub fn monthly_quota(role: Role, v: &Values) -> f64 {
    match role {
        Role::Ae => v[P::AeQuota] / 12.0,
        Role::Generalist => v[P::GeneralistQuota] / 12.0,
        _ => 0.0,
    }
}

/// Severance for the people a restructuring lets go: each is paid their
/// role's base for the severance months.
#[must_use]
pub fn severance(v: &Values, let_go_by_role: &PerRole<u32>) -> f64 {
    Role::ALL
        .iter()
        .map(|role| {
            let base = v[role.ote()] * (1.0 - v[role.variable_share()]) / 12.0;
            f64::from(let_go_by_role[*role]) * base
        })
        .sum::<f64>()
        * v[P::SeveranceMonths]
        * v[P::BenefitsMultiplier]
}

/// One month's pay.
#[derive(Clone, Copy, Debug, Default)]
pub struct MonthPay {
    /// Base pay, commission and bonuses per role (managers not included).
    pub by_role: PerRole<f64>,
    pub base_pay: f64,
    pub commission: f64,
    pub bonuses: f64,
    /// Front-line managers and the restructuring's process owner.
    pub managers: f64,
}

impl MonthPay {
    /// Pay of the people in post after the month's changes.
    #[must_use]
    pub fn new(month: &Month, incentives: &Incentives, steps: &Steps) -> Self {
        let Steps {
            people,
            deals,
            booked,
            handoff,
            service,
            credit,
            ..
        } = steps;
        let (v, d) = (month.v, month.d);
        let roles = month.plan.roles;
        let switches = month.scenario.switches;
        let census = &people.census;
        let mut by_role = PerRole::uniform(0.0);
        for role in Role::ALL {
            by_role[role] = f64::from(census.filled(role)) * d.monthly_base_pay[role];
        }
        let base_pay = by_role.iter().sum();
        by_role[roles.seller] += credit.commission;
        let seller_target_variable = f64::from(census.filled(roles.seller)) * d.monthly_target_variable[roles.seller];
        let team_pool = incentives.team_share
            * seller_target_variable
            * (deals.bookings / v[P::BookingsPlan].max(1.0)).min(v[P::TeamPoolCap]);
        let sdr_bonus = if roles.prospector != Role::Sdr {
            0.0
        } else if switches.sdr_paid_per_meeting {
            // With the quality gate only meetings the seller accepts pay out.
            let paid_meetings = if switches.meeting_quality_gate {
                handoff.in_house_opportunities
            } else {
                booked.total
            };
            v[P::SdrMeetingBonus] * paid_meetings as f64
        } else {
            f64::from(census.filled(Role::Sdr)) * d.monthly_target_variable[Role::Sdr]
        };
        let retention_factor = retention_factor(v, service);
        let am_bonus = f64::from(census.filled(Role::Am)) * d.monthly_target_variable[Role::Am] * retention_factor;
        let retention_bonus =
            f64::from(census.filled(Role::Retention)) * d.monthly_target_variable[Role::Retention] * retention_factor;
        let bonuses = team_pool + sdr_bonus + am_bonus + retention_bonus;
        by_role[roles.seller] += team_pool;
        by_role[Role::Sdr] += sdr_bonus;
        by_role[Role::Am] += am_bonus;
        by_role[Role::Retention] += retention_bonus;
        // The restructuring's process owner is a paid manager from the switch on.
        let process_owner = month
            .scenario
            .restructuring
            .as_ref()
            .is_some_and(|r| r.process_owner && month.t >= r.month);
        let managers = f64::from(people.managers) * d.monthly_manager_cost
            + if process_owner {
                v[P::ProcessOwnerCost] / 12.0
            } else {
                0.0
            };
        MonthPay {
            by_role,
            base_pay,
            commission: credit.commission,
            bonuses,
            managers,
        }
    }

    /// Pay spent on winning customers and on keeping them: generalists'
    /// pay split by `generalist_selling`, the share of their hours spent
    /// selling.
    #[must_use]
    pub fn acquisition_and_retention(&self, generalist_selling: f64) -> (f64, f64) {
        let pay = &self.by_role;
        let acquisition = pay[Role::Sdr] + pay[Role::Ae] + pay[Role::Generalist] * generalist_selling;
        let retention = pay[Role::Am] + pay[Role::Retention] + pay[Role::Generalist] * (1.0 - generalist_selling);
        (acquisition, retention)
    }
}

/// The retention bonus's multiplier: the share of recurring revenue kept
/// this month, annualised, against the target, up to the cap.
fn retention_factor(v: &Values, service: &Service) -> f64 {
    let kept = if service.mrr_before > 0.0 {
        1.0 - service.book.churned_mrr / service.mrr_before
    } else {
        1.0
    };
    (kept.max(0.0).powi(12) / v[P::AmRetentionTarget].max(1e-9)).min(v[P::RetentionBonusCap])
}

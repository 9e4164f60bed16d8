//! What each month looks like before any luck: the structure in force, the
//! transition dip, training, seasonality, trade-show months and the
//! conversion chances. These depend only on the parameters and the month, so
//! they are worked out once per parameter draw (once per scenario when no
//! parameter is uncertain) instead of once per simulated month.

use super::derived::Derived;
use super::leads::{Channel, is_trade_show_month, seasonality};
use crate::sim::params::{P, Values};
use crate::sim::rng::logistic;
use crate::sim::scenario::{LeadGeneration, Role, Scenario, Selling, Serving, Structure};

/// Which role does each stage of a structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Roles {
    /// Works leads: SDRs or generalists, or the sellers when an agency books the meetings.
    pub prospector: Role,
    pub outbound: bool,
    pub seller: Role,
    pub server: Role,
    /// The booker holds their own meetings (no hand-off).
    pub self_held: bool,
    pub generalist_stages: u32,
}

impl Roles {
    #[must_use]
    pub fn of(structure: &Structure) -> Self {
        let seller = match structure.selling {
            Selling::Generalist => Role::Generalist,
            Selling::Ae => Role::Ae,
        };
        let (prospector, outbound) = match structure.lead_generation {
            LeadGeneration::Generalist => (Role::Generalist, true),
            LeadGeneration::Sdr => (Role::Sdr, true),
            LeadGeneration::Agency => (seller, false),
        };
        let server = match structure.serving {
            Serving::Generalist => Role::Generalist,
            Serving::Am => Role::Am,
        };
        let generalist_stages = [prospector, seller, server]
            .iter()
            .filter(|r| **r == Role::Generalist)
            .count() as u32;
        Roles {
            prospector,
            outbound,
            seller,
            server,
            self_held: prospector == seller,
            generalist_stages,
        }
    }

    /// Conversion shift (log-odds) of a role at a conversion of a stage it
    /// does. The funnel's benchmarks are what specialists reach, so only a
    /// generalist is shifted, and by one gap per conversion.
    #[must_use]
    pub fn skill(role: Role, v: &Values) -> f64 {
        match role {
            Role::Generalist => v[P::GeneralistSkill],
            _ => 0.0,
        }
    }
}

/// One month's luck-free quantities.
#[derive(Clone, Debug)]
pub struct MonthPlan {
    /// Who works each stage in the structure in force (after a switch this month).
    pub roles: Roles,
    /// Multiplier on incumbents' hours after a restructuring (1 before it).
    pub dip: f64,
    /// Multiplier on attrition while a restructuring settles (1 otherwise).
    pub transition: f64,
    pub seasonality: f64,
    pub trade_show: bool,
    /// SDRs paid per meeting with no quality gate: more meetings, worse ones.
    pub paid_per_meeting: bool,
    /// Chance a worked lead books a meeting, per channel.
    pub meeting_chance: [f64; 3],
    /// Hours to work one queued lead (and hold the meeting when the booker sells).
    pub lead_cost: f64,
    /// Hours per outbound meeting booked.
    pub outbound_cost: f64,
    /// Chance a held meeting becomes an opportunity, per [`MeetingSource`](super::pipeline::MeetingSource).
    pub in_house_opportunity_chance: f64,
    pub outbound_opportunity_chance: f64,
    pub agency_opportunity_chance: f64,
    pub win_chance: f64,
    /// `(1 + annual discount rate)^(t / 12)`: profit is divided by it.
    pub discount: f64,
}

/// The plan of every month of a run, month 1 first.
#[derive(Clone, Debug)]
pub struct Calendar {
    pub months: Vec<MonthPlan>,
    /// The starting structure's plan in each calendar month (January
    /// first), for the warm-up before month 1.
    pub warm_up: Vec<MonthPlan>,
}

impl Calendar {
    #[must_use]
    pub fn new(scenario: &Scenario, v: &Values, d: &Derived) -> Self {
        let monthly_discount = (1.0 + v[P::DiscountRate]).powf(1.0 / 12.0);
        let start_stock = if v[P::TrainingDecay] > 0.0 {
            v[P::TrainingSpend] / v[P::TrainingDecay]
        } else {
            3.0 * v[P::TrainingReference]
        };
        let mut training_stock = start_stock;
        let restructuring = scenario.restructuring.as_ref();
        let tau = v[P::TransitionRecovery]
            * if restructuring.is_some_and(|r| r.process_owner) {
                v[P::ProcessOwnerSpeedup]
            } else {
                1.0
            };
        // The benchmarks include a typical training programme: the default
        // spend kept up at the default fading, so only the difference counts.
        let typical_stock = P::TrainingSpend.spec().default / P::TrainingDecay.spec().default;
        let typical_training =
            v[P::TrainingEffect] * (1.0 - (-typical_stock / v[P::TrainingReference].max(1e-6)).exp());
        let mut months = Vec::with_capacity(scenario.months as usize);
        for t in 1..=scenario.months {
            let switched_at = restructuring.map(|r| r.month).filter(|m| *m <= t);
            let structure = match (switched_at, restructuring) {
                (Some(_), Some(change)) => &change.to,
                _ => &scenario.structure,
            };
            let roles = Roles::of(structure);
            let since_switch = switched_at.map(|m| f64::from(t - m));
            let dip = since_switch.map_or(1.0, |months| {
                1.0 - v[P::TransitionDip] * (-months / tau.max(0.05)).exp()
            });
            let transition = since_switch
                .filter(|months| *months < v[P::TransitionAttritionMonths])
                .map_or(1.0, |_| v[P::TransitionAttrition]);
            let training = v[P::TrainingEffect] * (1.0 - (-training_stock / v[P::TrainingReference].max(1e-6)).exp())
                - typical_training;
            training_stock = (1.0 - v[P::TrainingDecay]) * training_stock + v[P::TrainingSpend];

            let calendar_month = (t - 1) % 12 + 1;
            let discount = monthly_discount.powi(i32::try_from(t).unwrap_or(i32::MAX));
            months.push(
                month_plan(v, d, scenario, roles, calendar_month, training, discount).with_change(dip, transition),
            );
        }
        // Before month 1 the starting structure runs in its steady state:
        // training at its starting stock, no switch, the calendar of the
        // months before January.
        let start_training =
            v[P::TrainingEffect] * (1.0 - (-start_stock / v[P::TrainingReference].max(1e-6)).exp()) - typical_training;
        let warm_up = (0..12)
            .map(|calendar_month_index| {
                month_plan(
                    v,
                    d,
                    scenario,
                    Roles::of(&scenario.structure),
                    calendar_month_index + 1,
                    start_training,
                    1.0,
                )
            })
            .collect();
        Calendar { months, warm_up }
    }

    /// The plan of month `t` (1-based).
    #[must_use]
    pub fn month(&self, t: u32) -> &MonthPlan {
        &self.months[(t - 1) as usize]
    }

    /// The plan of a warm-up month that falls in `calendar_month` (1 = January).
    #[must_use]
    pub fn warm_up_month(&self, calendar_month: u32) -> &MonthPlan {
        &self.warm_up[((calendar_month + 11) % 12) as usize]
    }
}

impl MonthPlan {
    fn with_change(mut self, dip: f64, transition: f64) -> Self {
        self.dip = dip;
        self.transition = transition;
        self
    }
}

/// A month's plan for `roles` before any switch's dip or attrition spike.
fn month_plan(
    v: &Values,
    d: &Derived,
    scenario: &Scenario,
    roles: Roles,
    calendar_month: u32,
    training: f64,
    discount: f64,
) -> MonthPlan {
    let switches = scenario.switches;
    let paid_per_meeting =
        roles.prospector == Role::Sdr && switches.sdr_paid_per_meeting && !switches.meeting_quality_gate;
    let volume_shift = if paid_per_meeting {
        (1.0 + v[P::MeetingPayVolume]).ln()
    } else {
        0.0
    };
    let lead_skill = Roles::skill(roles.prospector, v);
    let meeting_chance = Channel::ALL
        .map(|channel| logistic(d.lead_to_meeting + v[channel.quality()] + lead_skill + training + volume_shift));
    let self_hold_hours = if roles.self_held { v[P::HoursPerMeeting] } else { 0.0 };
    let lead_cost = v[P::HoursPerLead] + meeting_chance[Channel::Inbound as usize] * self_hold_hours;
    let outbound_cost = match roles.prospector {
        Role::Sdr => v[P::HoursPerOutboundMeetingSdr],
        _ => v[P::HoursPerOutboundMeetingGeneralist],
    } + self_hold_hours;
    // The seller's skill counts once, at the close: qualifying a meeting
    // into an opportunity depends on the lead, not the closer.
    let seller_skill = Roles::skill(roles.seller, v);
    let junk = if paid_per_meeting { v[P::MeetingPayQuality] } else { 0.0 };
    let base_opportunity = d.meeting_to_opportunity + training;
    MonthPlan {
        roles,
        dip: 1.0,
        transition: 1.0,
        seasonality: seasonality(v, calendar_month),
        trade_show: switches.trade_shows && is_trade_show_month(v[P::TradeShowsPerYear], calendar_month),
        paid_per_meeting,
        meeting_chance,
        lead_cost,
        outbound_cost,
        in_house_opportunity_chance: logistic(base_opportunity + junk),
        outbound_opportunity_chance: logistic(base_opportunity + junk + v[P::OutboundQuality]),
        agency_opportunity_chance: logistic(base_opportunity + v[P::AgencyQuality]),
        win_chance: logistic(d.opportunity_to_win + seller_skill + training),
        discount,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::presets;

    fn calendar_of(id: &str) -> (Calendar, u32) {
        let scenario = presets::find(id).expect("preset exists").scenario;
        let v = Values::defaults();
        let d = Derived::new(&v);
        let month = scenario.restructuring.as_ref().map_or(0, |r| r.month);
        (Calendar::new(&scenario, &v, &d), month)
    }

    #[test]
    fn the_structure_switches_in_its_month_and_the_dip_recovers_faster_with_an_owner() {
        let (plain, switch) = calendar_of("restructure");
        let (owned, _) = calendar_of("restructure-with-owner");
        assert!(switch > 1);
        assert_eq!(plain.month(switch - 1).roles.seller, Role::Generalist);
        assert_eq!(plain.month(switch).roles.seller, Role::Ae);
        assert_eq!(plain.month(switch - 1).dip, 1.0);
        assert!(plain.month(switch).dip < 1.0);
        // an owner does not soften the first month's drop; it shortens the recovery
        assert_eq!(owned.month(switch).dip, plain.month(switch).dip);
        for t in switch..switch + 6 {
            assert!(plain.month(t + 1).dip > plain.month(t).dip, "month {t}");
            assert!(owned.month(t + 1).dip > plain.month(t + 1).dip, "month {}", t + 1);
        }
        assert!(plain.month(switch).transition > 1.0);
        assert_eq!(plain.month(switch - 1).transition, 1.0);
    }

    #[test]
    fn chances_are_probabilities_and_discounting_compounds() {
        let (calendar, _) = calendar_of("generalist");
        for (index, plan) in calendar.months.iter().enumerate() {
            let chances = [plan.in_house_opportunity_chance, plan.win_chance];
            assert!(
                plan.meeting_chance.iter().chain(&chances).all(|p| *p > 0.0 && *p < 1.0),
                "month {}",
                index + 1
            );
        }
        let v = Values::defaults();
        let yearly = (1.0 + v[P::DiscountRate]).powf(1.0);
        assert!((calendar.month(12).discount - yearly).abs() < 1e-12);
        assert!(calendar.month(24).discount > calendar.month(12).discount);
    }
}

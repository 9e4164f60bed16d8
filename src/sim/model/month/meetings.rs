//! Steps 6 and 7: leads → meetings, and hand-off → opportunities.

use super::{Capacity, Company, HandoffStream, Month, handoff_delay, whole};
use crate::sim::model::Ledger;
use crate::sim::model::pay::Incentives;
use crate::sim::model::pipeline::MeetingSource;
use crate::sim::params::P;
use crate::sim::rng::{Mechanism, binomial, binomial_cells, poisson};

/// Expected meetings cold outreach books in a month from hours that would
/// book `fresh_market` meetings in an untouched market, when the reachable
/// market gives at most `ceiling` a month: the first hours book at the fresh
/// rate, each further hour fewer.
#[must_use]
pub fn outbound_meetings(fresh_market: f64, ceiling: f64) -> f64 {
    if fresh_market <= 0.0 || ceiling <= 0.0 {
        return 0.0;
    }
    ceiling * -(-fresh_market / ceiling).exp_m1()
}

/// Meetings the month's prospecting booked.
#[derive(Clone, Copy, Debug, Default)]
pub struct Booked {
    /// Leads worked, per channel.
    pub worked: [u64; 3],
    pub from_leads: u64,
    pub outbound: u64,
    /// From leads and outreach (the agency's are not the prospectors').
    pub total: u64,
    /// Leads that aged out of the queue unworked.
    pub expired: u64,
}

/// Meetings held, lost and turned into opportunities.
#[derive(Clone, Copy, Debug, Default)]
pub struct HandOff {
    pub held: u64,
    /// Due but not held for want of the seller's hours.
    pub unheld: u64,
    /// Lost handing the bookers' meetings over (the agency's are in [`super::Arrivals`]).
    pub lost_in_handoff: u64,
    /// From meetings the company booked itself, leads and outreach.
    pub in_house_opportunities: u64,
    pub created: u64,
}

impl Company {
    /// Step 6: the prospectors work queued leads and, with the hours left, cold outreach.
    pub fn book_meetings(&mut self, month: &Month, capacity: &Capacity, ledger: &mut Ledger) -> Booked {
        let (v, plan) = (month.v, month.plan);
        let worked = self
            .leads
            .work(whole(capacity.lead_hours / plan.lead_cost.max(1e-9) + 1e-9));
        ledger.leads_worked += worked.iter().sum::<u64>();
        let mut qualification_rng = month.stream(Mechanism::Qualification);
        let mut booked_by_channel = [0u64; 3];
        let from_leads = binomial_cells(
            &mut qualification_rng,
            &worked,
            &plan.meeting_chance,
            &mut booked_by_channel,
        );
        let mut outbound_rng = month.stream(Mechanism::Outbound);
        let fresh_market_meetings = capacity.outbound_hours / plan.outbound_cost.max(1e-9)
            * (1.0
                + if plan.paid_per_meeting {
                    v[P::MeetingPayVolume]
                } else {
                    0.0
                });
        let outbound = poisson(
            &mut outbound_rng,
            outbound_meetings(fresh_market_meetings, v[P::OutboundMarket]),
        );
        let total = from_leads + outbound;
        ledger.meetings_booked += total;
        let expired = self.leads.age(month.d.lead_expiry);
        ledger.leads_expired += expired;
        Booked {
            worked,
            from_leads,
            outbound,
            total,
            expired,
        }
    }

    /// Step 7: bookers who do not sell hand their meetings over; the seller
    /// holds what their hours allow, and held meetings become opportunities.
    pub fn hand_off(
        &mut self,
        month: &Month,
        incentives: &Incentives,
        booked: &Booked,
        capacity: &mut Capacity,
        handoff: &mut HandoffStream,
        ledger: &mut Ledger,
    ) -> HandOff {
        let (v, plan) = (month.v, month.plan);
        let roles = plan.roles;
        // Held now by the booker, per source: from leads, from outreach.
        let held_now = if roles.self_held {
            [booked.from_leads, booked.outbound]
        } else {
            [0, 0]
        };
        let mut lost_in_handoff = 0;
        if !roles.self_held && booked.total > 0 {
            let handoff = handoff.get(month);
            for (source, count) in [
                (MeetingSource::Leads, booked.from_leads),
                (MeetingSource::Outbound, booked.outbound),
            ] {
                lost_in_handoff +=
                    self.meetings
                        .hand_over_leaky(handoff, source, count, incentives.leakage, handoff_delay(v));
            }
            // With no delay they are due now. Only a booker who is not the
            // seller hands over, so the seller's hours left after step 5 are
            // untouched and meetings keep their place after opportunities.
            let due_now = self.meetings.ready_total() as f64 * v[P::HoursPerMeeting] - capacity.meeting_need;
            capacity.give_meeting_hours(roles.seller, due_now);
        }
        let (held, unheld) = self
            .meetings
            .hold(whole(capacity.meeting_given / v[P::HoursPerMeeting] + 1e-9));
        let held_total = held_now.iter().sum::<u64>() + held.iter().sum::<u64>();
        ledger.meetings_held += held_total;
        ledger.meetings_lost += lost_in_handoff + unheld;
        let mut meeting_rng = month.stream(Mechanism::Meetings);
        let in_house_opportunities = binomial(
            &mut meeting_rng,
            held_now[0] + held[MeetingSource::Leads as usize],
            plan.in_house_opportunity_chance,
        ) + binomial(
            &mut meeting_rng,
            held_now[1] + held[MeetingSource::Outbound as usize],
            plan.outbound_opportunity_chance,
        );
        let agency_opportunities = binomial(
            &mut meeting_rng,
            held[MeetingSource::Agency as usize],
            plan.agency_opportunity_chance,
        );
        let created = in_house_opportunities + agency_opportunities;
        self.pipeline.create(created);
        ledger.opportunities_created += created;
        HandOff {
            held: held_total,
            unheld,
            lost_in_handoff,
            in_house_opportunities,
            created,
        }
    }
}

//! Steps 3 and 4: the marketing policy, and the month's arrivals.

use super::{Company, HandoffStream, Month, handoff_delay};
use crate::sim::model::Ledger;
use crate::sim::model::leads::Channel;
use crate::sim::model::pay::Incentives;
use crate::sim::model::pipeline::MeetingSource;
use crate::sim::params::P;
use crate::sim::rng::Mechanism;
use crate::sim::scenario::LeadGeneration;

/// What arrived this month, and what it cost.
#[derive(Clone, Copy, Debug, Default)]
pub struct Arrivals {
    /// Leads of every channel, this month's referrals included.
    pub leads: u64,
    /// Meetings the agency booked, handed over as they arrive.
    pub agency_meetings: u64,
    /// Of those, lost in the hand-off.
    pub lost_in_handoff: u64,
    /// Inbound budget and trade shows, at the policy's share of spend.
    pub marketing_spend: f64,
    pub agency_cost: f64,
}

impl Company {
    /// Step 3: the marketing policy; returns the share of the budget spent.
    pub fn marketing_policy(&mut self, month: &Month) -> f64 {
        // The policy is a decision from month 1 on, judged on the trailing
        // bookings the warm-up left.
        self.marketing
            .update_policy(month.v, month.scenario.switches.cut_leads_when_behind && !month.warming);
        self.marketing.spend_share(month.v)
    }

    /// Step 4: leads of every channel join the queue; the agency's meetings
    /// are handed over as they arrive, so the sellers' hours of step 5 cover
    /// those due this month.
    pub fn arrivals(
        &mut self,
        month: &Month,
        incentives: &Incentives,
        spend_share: f64,
        handoff: &mut HandoffStream,
        ledger: &mut Ledger,
    ) -> Arrivals {
        let (v, d, plan) = (month.v, month.d, month.plan);
        let mut marketing_spend = 0.0;
        let inbound_spend = v[P::InboundBudget] * spend_share;
        marketing_spend += inbound_spend;
        let expected_inbound = self.marketing.inbound_leads(v, inbound_spend, plan.seasonality);
        let mut inbound_rng = month.stream(Mechanism::Inbound);
        let inbound = d.arrival_noise.count(&mut inbound_rng, expected_inbound);
        self.leads.arrive(Channel::Inbound, inbound);
        let mut show_leads = 0;
        if plan.trade_show {
            let mut show_rng = month.stream(Mechanism::TradeShows);
            show_leads = d.arrival_noise.count(&mut show_rng, v[P::TradeShowLeads] * spend_share);
            marketing_spend += v[P::TradeShowCost] * spend_share;
            self.leads.arrive(Channel::TradeShow, show_leads);
        }
        self.leads.arrive(Channel::Referral, self.pending_referrals);
        let mut agency_meetings = 0;
        let mut agency_cost = 0.0;
        let mut lost_in_handoff = 0;
        if self.structure.lead_generation == LeadGeneration::Agency {
            let mut agency_rng = month.stream(Mechanism::Agency);
            agency_meetings = d.arrival_noise.count(&mut agency_rng, v[P::AgencyMeetings]);
            agency_cost = v[P::AgencyFee] + v[P::AgencyCostPerMeeting] * agency_meetings as f64;
            lost_in_handoff += self.meetings.hand_over_leaky(
                handoff.get(month),
                MeetingSource::Agency,
                agency_meetings,
                incentives.leakage,
                handoff_delay(v),
            );
        }
        ledger.meetings_booked += agency_meetings;
        ledger.meetings_lost += lost_in_handoff;
        let leads = inbound + show_leads + self.pending_referrals;
        ledger.leads_arrived += leads;
        Arrivals {
            leads,
            agency_meetings,
            lost_in_handoff,
            marketing_spend,
            agency_cost,
        }
    }
}

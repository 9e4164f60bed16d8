//! Step 5: capacity allocation by role priority.

use super::{Company, Hours, Month, take};
use crate::sim::model::calendar::Roles;
use crate::sim::model::per::PerRole;
use crate::sim::params::P;
use crate::sim::scenario::Role;

/// Hours asked of and given to each kind of work this month.
#[derive(Clone, Copy, Debug)]
pub struct Capacity {
    /// Hours each role has left.
    pool: PerRole<f64>,
    /// Hours each role's work asked for: its use of the hours available.
    pub committed: PerRole<f64>,
    pub service_need: f64,
    pub opportunity_need: f64,
    /// Meetings due when the hours were allocated: earlier hand-offs and the agency's.
    pub meeting_need: f64,
    pub service_given: f64,
    pub opportunity_given: f64,
    pub meeting_given: f64,
    /// Working queued leads, and cold outreach with every hour left.
    pub lead_hours: f64,
    pub outbound_hours: f64,
}

impl Company {
    /// Each role gives its hours in order of priority: service, open
    /// opportunities, due meetings, queued leads; a prospecting generalist
    /// keeps a minimum share for leads and outreach.
    #[must_use]
    pub fn allocate_capacity(&self, month: &Month, hours: &Hours) -> Capacity {
        let (v, plan) = (month.v, month.plan);
        let roles = plan.roles;
        let mut pool = hours.available;
        let mut reserve = if roles.prospector == Role::Generalist {
            v[P::MinProspectingShare] * pool[Role::Generalist]
        } else {
            0.0
        };
        pool[Role::Generalist] -= reserve;
        let service_need = self.book.service_needed(month.d);
        let opportunity_need =
            self.pipeline.open_total() as f64 * v[P::HoursPerOpportunity] / v[P::CycleMeanMonths].max(0.5);
        let meeting_need = self.meetings.ready_total() as f64 * v[P::HoursPerMeeting];
        let lead_need = self.leads.queued() as f64 * plan.lead_cost;
        let mut committed = PerRole::uniform(0.0);
        committed[roles.server] += service_need;
        committed[roles.seller] += opportunity_need + meeting_need;
        committed[roles.prospector] += lead_need;

        let service_given = take(&mut pool[roles.server], service_need);
        let opportunity_given = take(&mut pool[roles.seller], opportunity_need);
        let meeting_given = take(&mut pool[roles.seller], meeting_need);
        let lead_hours = take(&mut reserve, lead_need);
        let lead_hours = lead_hours + take(&mut pool[roles.prospector], lead_need - lead_hours);
        let outbound_hours = if roles.outbound {
            take(&mut reserve, f64::INFINITY) + take(&mut pool[roles.prospector], f64::INFINITY)
        } else {
            0.0
        };
        // Prospecting fills every hour left: it is work, and counts in their use.
        committed[roles.prospector] += outbound_hours;
        Capacity {
            pool,
            committed,
            service_need,
            opportunity_need,
            meeting_need,
            service_given,
            opportunity_given,
            meeting_given,
            lead_hours,
            outbound_hours,
        }
    }
}

impl Capacity {
    /// The seller gives what is left of their hours to `hours` more of meetings now due.
    pub fn give_meeting_hours(&mut self, seller: Role, hours: f64) {
        self.committed[seller] += hours;
        self.meeting_given += take(&mut self.pool[seller], hours);
    }

    /// Share of the open opportunities' work done.
    #[must_use]
    pub fn opportunity_work_done(&self) -> f64 {
        if self.opportunity_need > 0.0 {
            self.opportunity_given / self.opportunity_need
        } else {
            1.0
        }
    }

    #[must_use]
    pub fn prospecting_hours(&self) -> f64 {
        self.lead_hours + self.outbound_hours
    }

    /// Hours each role spent, `retention` of them the retention managers'.
    #[must_use]
    pub fn used(&self, roles: Roles, retention: f64) -> PerRole<f64> {
        let mut used = PerRole::uniform(0.0);
        used[roles.server] += self.service_given;
        used[roles.seller] += self.opportunity_given + self.meeting_given;
        used[roles.prospector] += self.lead_hours + self.outbound_hours;
        used[Role::Retention] += retention;
        used
    }
}

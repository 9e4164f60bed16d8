//! Step 11, people: attrition, orphaned pipeline, hiring, managers.

use super::{Company, Hours, Month};
use crate::sim::model::Ledger;
use crate::sim::model::pay::Incentives;
use crate::sim::model::seats::{Census, orphaned_opportunities};
use crate::sim::params::P;
use crate::sim::rng::Mechanism;

/// The people the month leaves, and what their changes cost the pipeline.
#[derive(Clone, Copy, Debug)]
pub struct People {
    pub census: Census,
    pub managers: u32,
    pub hires: u32,
    /// Opportunities lost with the sellers who left.
    pub dropped_opportunities: u64,
}

impl Company {
    pub fn people_month(
        &mut self,
        month: &Month,
        incentives: &Incentives,
        hours: &Hours,
        ledger: &mut Ledger,
    ) -> People {
        let (v, d) = (month.v, month.d);
        let scenario = month.scenario;
        let filled_sellers = hours.census.filled(month.plan.roles.seller);
        // Planned seats open before this month's hiring step, so a one-month lag fills them for next month.
        if !month.warming && scenario.hiring_plan.iter().any(|h| h.month == month.t) {
            let mut hiring_rng = month.stream(Mechanism::Hiring);
            for hire in scenario.hiring_plan.iter().filter(|h| h.month == month.t) {
                self.staff.open_seats(&mut hiring_rng, d, hire.role, hire.count);
            }
        }
        let mut people_rng = month.stream(Mechanism::Attrition);
        let changes = self
            .staff
            .people_month(&mut people_rng, v, d, month.plan.transition, scenario.switches.quotas);
        let orphaned = orphaned_opportunities(
            &mut people_rng,
            self.pipeline.open_total(),
            filled_sellers,
            changes.seller_leavers,
            incentives.leakage,
        );
        let dropped_opportunities = self.pipeline.remove_oldest(orphaned);
        ledger.leavers += u64::from(changes.leavers);
        ledger.hires += u64::from(changes.hires);
        let census = self.staff.census();
        People {
            census,
            managers: census.managers(v[P::SpanOfControl]),
            hires: changes.hires,
            dropped_opportunities,
        }
    }
}

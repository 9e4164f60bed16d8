//! Step 1: the structure switch.

use super::{Company, Month, whole};
use crate::sim::model::Ledger;
use crate::sim::model::calendar::Roles;
use crate::sim::model::pay::severance;
use crate::sim::params::P;
use crate::sim::rng::{Mechanism, binomial};

/// What the switch to a new structure did, in its month (nothing in any other).
#[derive(Clone, Copy, Debug, Default)]
pub struct Switch {
    /// Consulting and severance.
    pub cost: f64,
    /// Opportunities lost as the pipeline moved to new sellers.
    pub dropped_opportunities: u64,
}

impl Company {
    /// Re-roles, lets go and hires toward the new structure in the month of
    /// the switch; the pipeline leaks when the sellers change, and accounts
    /// moved to new owners churn more for a while.
    pub fn switch_structure(&mut self, month: &Month, ledger: &mut Ledger) -> Switch {
        let Some(change) = month
            .scenario
            .restructuring
            .as_ref()
            .filter(|r| !month.warming && r.month == month.t)
        else {
            return Switch::default();
        };
        let v = month.v;
        let mut transition_rng = month.stream(Mechanism::Transition);
        let before = Roles::of(&self.structure);
        let changes = self
            .staff
            .restructure(&mut transition_rng, v, month.d, &change.to.headcount);
        let severance = severance(v, &changes.let_go_by_role);
        ledger.let_go += u64::from(changes.let_go);
        let after = month.plan.roles;
        let mut dropped_opportunities = 0;
        if after.seller != before.seller {
            let lost = binomial(
                &mut transition_rng,
                self.pipeline.open_total(),
                v[P::PipelineTransferLeakage],
            );
            dropped_opportunities += self.pipeline.remove_oldest(lost);
        }
        if after.server != before.server {
            self.reassigned_until = month.t + whole(v[P::TransitionAttritionMonths]) as u32;
        }
        self.structure = change.to.clone();
        Switch {
            cost: v[P::ConsultingCost] + severance,
            dropped_opportunities,
        }
    }
}

//! Step 2: effective hours.

use super::{Company, Month};
use crate::sim::model::pay::Incentives;
use crate::sim::model::per::PerRole;
use crate::sim::model::seats::Census;
use crate::sim::params::P;
use crate::sim::scenario::Role;

/// The month's hours per role, before any is given to work.
#[derive(Clone, Copy, Debug)]
pub struct Hours {
    /// Seats as the month starts, before its leavers and hires.
    pub census: Census,
    /// What the work can use: the filled seats' effective hours (ramp,
    /// effort, span of control, the transition dip) less a generalist's cost
    /// of switching between stages.
    pub available: PerRole<f64>,
}

impl Company {
    pub fn effective_hours(&mut self, month: &Month, incentives: &Incentives) -> Hours {
        let census = self.staff.census();
        let mut available = self.staff.hours(
            &census,
            month.v,
            month.d,
            &incentives.role_effort,
            month.plan.dip,
            month.scenario.switches.quotas,
        );
        if month.plan.roles.generalist_stages >= 2 {
            available[Role::Generalist] *= 1.0 - month.v[P::ContextSwitchLoss];
        }
        Hours { census, available }
    }
}

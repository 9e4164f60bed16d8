//! Step 8: opportunity progress, wins, deal sizes.

use super::{Capacity, Company, Hours, Month};
use crate::sim::model::Ledger;
use crate::sim::model::book::onboard_deals;
use crate::sim::model::pay::Incentives;
use crate::sim::rng::Mechanism;

/// The month's decisions on opportunities and what the wins bring.
#[derive(Clone, Copy, Debug, Default)]
pub struct Deals {
    pub won: u64,
    pub lost: u64,
    /// Open past the shelf life, dropped.
    pub timed_out: u64,
    /// Annual contract value won.
    pub bookings: f64,
    /// The sellers' commission on the bookings, the team pool's share taken out.
    pub commission: f64,
    /// Share of the open opportunities' work done.
    pub work_done: f64,
}

impl Company {
    /// Open opportunities progress at the share of their work done; the wins
    /// join the book and are credited to the sellers.
    pub fn close_deals(
        &mut self,
        month: &Month,
        incentives: &Incentives,
        capacity: &Capacity,
        hours: &Hours,
        ledger: &mut Ledger,
    ) -> Deals {
        let (v, d, plan) = (month.v, month.d, month.plan);
        let roles = plan.roles;
        let work_done = capacity.opportunity_work_done();
        let progress = self.pipeline.progress(
            &mut month.stream(Mechanism::Opportunities),
            d,
            work_done,
            plan.win_chance,
        );
        ledger.opportunities_won += progress.won;
        ledger.opportunities_lost += progress.lost;
        // In the warm-up the book stays as it is at the start: wins count
        // toward quotas and the policy's trailing bookings at the mean deal.
        let (bookings, new_mrr) = if month.warming {
            (progress.won as f64 * d.mean_acv(), 0.0)
        } else {
            onboard_deals(&mut month.stream(Mechanism::DealSizes), d, &mut self.book, progress.won)
        };
        ledger.accounts_won += progress.won;
        ledger.mrr_new += new_mrr;
        ledger.bookings += bookings;
        let commission = self.staff.credit_bookings(
            roles.seller,
            bookings,
            v,
            month.scenario.switches.quotas,
            hours.seats[roles.seller],
        ) * (1.0 - incentives.team_share);
        self.marketing.record_bookings(bookings);
        Deals {
            won: progress.won,
            lost: progress.lost,
            timed_out: progress.timed_out,
            bookings,
            commission,
            work_done,
        }
    }
}

//! Step 8: opportunity progress, wins, deal sizes.

use super::{Capacity, Company, Month};
use crate::sim::model::Ledger;
use crate::sim::model::book::onboard_deals;
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
    /// Share of the open opportunities' work done.
    pub work_done: f64,
}

impl Company {
    /// Open opportunities progress at the share of their work done; the wins
    /// join the book (credited to the sellers after the book's month, see
    /// [`Company::credit_sellers`]).
    pub fn close_deals(&mut self, month: &Month, capacity: &Capacity, ledger: &mut Ledger) -> Deals {
        let (d, plan) = (month.d, month.plan);
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
        self.marketing.record_bookings(bookings);
        Deals {
            won: progress.won,
            lost: progress.lost,
            timed_out: progress.timed_out,
            bookings,
            work_done,
        }
    }
}

//! Steps 9–10: service, churn, expansion and referrals of the book the month
//! began with; then the month's wins join it.

use super::{Capacity, Company, Hours, Month};
use crate::sim::model::Ledger;
use crate::sim::model::book::{Book, BookMonth};
use crate::sim::model::per::PerRole;
use crate::sim::params::{P, Values};
use crate::sim::rng::{Mechanism, SimRng, poisson};
use crate::sim::scenario::Role;

/// What the book did this month, and the hours every role spent.
#[derive(Clone, Copy, Debug, Default)]
pub struct Service {
    pub book: BookMonth,
    /// Recurring revenue as the month began.
    pub mrr_before: f64,
    /// Hours each role spent; never more than it had.
    pub used: PerRole<f64>,
}

impl Company {
    pub fn serve_book(
        &mut self,
        month: &Month,
        capacity: &mut Capacity,
        hours: &Hours,
        ledger: &mut Ledger,
    ) -> Service {
        let (v, d) = (month.v, month.d);
        let switches = month.scenario.switches;
        let early_factor = if self.structure.has_service_handoff() {
            v[P::HandoffChurnUplift]
        } else {
            1.0
        };
        let reassigned = if month.t < self.reassigned_until {
            v[P::ReassignedChurn]
        } else {
            1.0
        };
        let mrr_before = self.book.mrr();
        let retention_hours = hours.available[Role::Retention];
        let book = if month.warming {
            BookMonth {
                referrals: warm_up_referrals(
                    &mut month.stream(Mechanism::Referrals),
                    v,
                    &self.book,
                    capacity.service_given / capacity.service_need.max(1e-9),
                    switches.referrals,
                ),
                ..BookMonth::default()
            }
        } else {
            self.book.month(
                &mut month.stream(Mechanism::Churn),
                &mut month.stream(Mechanism::Referrals),
                v,
                d,
                capacity.service_given,
                self.structure.account_tiers,
                retention_hours,
                early_factor,
                reassigned,
                switches.referrals,
            )
        };
        self.pending_referrals = book.referrals;
        ledger.accounts_churned += book.churned;
        ledger.mrr_churned += book.churned_mrr;
        ledger.mrr_expansion += book.expansion;
        ledger.mrr_contraction += book.contraction;
        capacity.committed[Role::Retention] += book.retention_hours;

        let used = capacity.used(month.plan.roles, book.retention_hours.min(retention_hours));
        for role in Role::ALL {
            ledger.worst_hours_excess = ledger.worst_hours_excess.max(used[role] - hours.available[role]);
        }
        Service { book, mrr_before, used }
    }
}

/// Referral leads of a warm-up month: the starting book at the share of its
/// service it got.
fn warm_up_referrals(rng: &mut SimRng, v: &Values, book: &Book, served: f64, on: bool) -> u64 {
    if on {
        poisson(
            rng,
            book.accounts() as f64 * v[P::ReferralRate] * served.clamp(0.0, 1.0),
        )
    } else {
        0
    }
}

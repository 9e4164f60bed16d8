//! Step 10, last: the sellers are credited the month's wins and, when they
//! serve the book, a year of its expansion; the commission this earns.

use super::{Company, Deals, Month, Service};
use crate::sim::model::Ledger;
use crate::sim::model::pay::Incentives;
use crate::sim::params::P;

/// What the sellers were paid for what was credited to them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Credit {
    /// Commission on the new annual contract value and the credited
    /// expansion, the team pool's share taken out.
    pub commission: f64,
}

impl Company {
    /// After the book's month, so that the expansion it brought is known.
    pub fn credit_sellers(
        &mut self,
        month: &Month,
        incentives: &Incentives,
        deals: &Deals,
        service: &Service,
        ledger: &mut Ledger,
    ) -> Credit {
        let v = month.v;
        let roles = month.plan.roles;
        let quotas = month.scenario.switches.quotas;
        let expansion = if roles.server == roles.seller {
            12.0 * service.book.expansion * v[P::ExpansionCredit]
        } else {
            0.0
        };
        let credited = deals.bookings + expansion;
        ledger.credited_to_quota += credited;
        let commission =
            self.staff.credit_bookings(roles.seller, credited, v, month.d, quotas) * (1.0 - incentives.team_share);
        if !month.warming && month.calendar_month == 12 && quotas {
            ledger.seat_years.add(&self.staff.seat_attainment(roles.seller, v));
        }
        Credit { commission }
    }
}

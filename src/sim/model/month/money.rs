//! Step 12: money. The month's cost lines, profit and value, and how its
//! costs split between winning customers and keeping them.

use super::{Month, Steps};
use crate::sim::model::accounts::CostLines;
use crate::sim::model::book::Book;
use crate::sim::model::money::{Overheads, Valuation};
use crate::sim::model::pay::MonthPay;
use crate::sim::params::P;
use crate::sim::scenario::Role;

/// One reported month's money.
#[derive(Clone, Copy, Debug)]
pub struct Money {
    pub revenue: f64,
    pub costs: CostLines,
    pub total_cost: f64,
    pub gross_profit: f64,
    pub contribution: f64,
    pub book_value: f64,
    /// Every cost of the month as acquisition or retention.
    pub acquisition: f64,
    pub retention: f64,
}

impl Money {
    #[must_use]
    pub fn new(month: &Month, valuation: &Valuation, book: &Book, steps: &Steps, pay: &MonthPay) -> Self {
        let v = month.v;
        let census = &steps.people.census;
        let overheads = Overheads::of_month(
            v,
            census.filled_total(),
            steps.people.managers,
            pay.commission + pay.bonuses,
        );
        let costs = CostLines {
            base_pay: pay.base_pay,
            commission: pay.commission,
            bonuses: pay.bonuses,
            managers: pay.managers,
            marketing: steps.arrivals.marketing_spend,
            agency: steps.arrivals.agency_cost,
            training: v[P::TrainingSpend] * f64::from(census.filled_total()),
            recruiting: v[P::RecruitingCost] * f64::from(steps.people.hires),
            restructuring: steps.switch.cost,
            sales_tools: overheads.sales_tools,
            variable_pay_load: overheads.variable_pay_load,
            leadership: overheads.leadership,
        };
        let revenue = book.mrr();
        let total_cost = costs.total();
        let gross_profit = revenue * valuation.gross_margin;

        let (acquisition_pay, retention_pay) = pay.acquisition_and_retention(generalist_selling(month, steps));
        let manager_share_acquisition = if acquisition_pay + retention_pay > 0.0 {
            acquisition_pay / (acquisition_pay + retention_pay)
        } else {
            0.5
        };
        // Managers and the overheads of the organisation go where the pay goes.
        let shared = costs.managers + overheads.total();
        Money {
            revenue,
            costs,
            total_cost,
            gross_profit,
            contribution: gross_profit - total_cost,
            book_value: valuation.book_value(book),
            acquisition: costs.marketing + costs.agency + acquisition_pay + shared * manager_share_acquisition,
            retention: retention_pay + shared * (1.0 - manager_share_acquisition),
        }
    }
}

/// Share of the generalists' hours spent winning customers rather than
/// serving them; half and half when they worked none.
fn generalist_selling(month: &Month, steps: &Steps) -> f64 {
    let generalist_used = steps.service.used[Role::Generalist];
    if generalist_used > 0.0 {
        (generalist_used
            - if month.plan.roles.server == Role::Generalist {
                steps.capacity.service_given
            } else {
                0.0
            })
            / generalist_used
    } else {
        0.5
    }
}

/// The run's money so far.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunMoney {
    pub cumulative_contribution: f64,
    /// Contribution discounted to month 0.
    pub npv: f64,
}

impl RunMoney {
    pub fn add(&mut self, month: &Month, money: &Money) {
        self.cumulative_contribution += money.contribution;
        self.npv += money.contribution / month.plan.discount;
    }
}

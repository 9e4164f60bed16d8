//! Money that means what it says: gross profit, the cost lines every sales
//! organisation pays beyond its people's pay, and the value of the customer
//! book.
//!
//! Revenue is not profit: a dollar of recurring revenue leaves
//! `money.gross_margin` of a dollar once the product has been delivered and
//! supported. *Contribution* is that gross profit less the sales and
//! marketing cost. A month's contribution leaves out what the customers still
//! on the books will bring later, which would bias every comparison against
//! investing in acquisition: the *value of the book* is the gross profit its
//! accounts are expected to bring over the rest of their lives (at most
//! `money.ltv_horizon_months`), discounted at `money.discount_rate`.
//! Structures are judged on *value created*: cumulative contribution plus
//! the change in the book's value since the start.
//!
//! The book is valued at today's recurring revenue (no expansion), each
//! account at its tier's churn rate when fully served. A shortfall of
//! service raises churn month by month while the simulation runs (see
//! [`super::book`]), so an under-served book reaches the horizon smaller;
//! carrying one month's shortfall into every remaining month of every
//! account's life would let a passing gap (new account managers ramping
//! after a restructuring) wipe millions off the book in a month.

use super::book::Book;
use super::derived::{Derived, Tier};
use super::per::PerTier;
use crate::sim::params::{P, Values};

/// How one run values money: its gross margin, monthly discount factor and
/// the longest remaining life counted.
#[derive(Clone, Copy, Debug)]
pub struct Valuation {
    pub gross_margin: f64,
    /// What a dollar a month from now is worth today: `(1 + annual rate)^(−1/12)`.
    pub monthly_discount_factor: f64,
    /// Months of remaining life counted at most.
    pub horizon_months: i32,
    /// Value of a dollar of MRR per tier: gross margin × [`Valuation::remaining_months`]
    /// at the tier's churn (fixed for the run, so worked out once).
    per_dollar_of_mrr: PerTier<f64>,
}

impl Valuation {
    #[must_use]
    pub fn new(v: &Values, d: &Derived) -> Self {
        #[allow(clippy::cast_possible_truncation)]
        let horizon_months = v[P::LtvHorizonMonths].round().clamp(0.0, 1_200.0) as i32;
        let mut valuation = Valuation {
            gross_margin: v[P::GrossMargin],
            monthly_discount_factor: (1.0 + v[P::DiscountRate].max(0.0)).powf(-1.0 / 12.0),
            horizon_months,
            per_dollar_of_mrr: PerTier::uniform(0.0),
        };
        valuation.per_dollar_of_mrr = d.churn.map(|h| valuation.gross_margin * valuation.remaining_months(h));
        valuation
    }

    /// Discounted months of gross profit a dollar of MRR brings over the
    /// account's remaining life at monthly churn `hazard`: next month's
    /// revenue comes only from accounts that do not churn in it, so
    /// `Σ_{k=1..L} ((1 − h) δ)^k = q (1 − q^L) / (1 − q)` with `q = (1 − h) δ`.
    #[must_use]
    pub fn remaining_months(&self, hazard: f64) -> f64 {
        let q = (1.0 - hazard.clamp(0.0, 1.0)) * self.monthly_discount_factor;
        if (1.0 - q).abs() < 1e-12 {
            f64::from(self.horizon_months)
        } else {
            q * (1.0 - q.powi(self.horizon_months)) / (1.0 - q)
        }
    }

    /// The value of `book`: the discounted gross profit its accounts are
    /// expected to bring, each tier at its churn rate when fully served.
    #[must_use]
    pub fn book_value(&self, book: &Book) -> f64 {
        Tier::ALL
            .iter()
            .map(|&tier| {
                let mrr = book.mrr_in(tier);
                mrr * self.per_dollar_of_mrr[tier]
            })
            .sum()
    }

    /// Lifetime gross profit of a customer bringing `mrr` a month who churns
    /// at `monthly_churn`: undiscounted, as LTV:CAC is usually quoted, and
    /// with the life capped at the horizon.
    #[must_use]
    pub fn lifetime_gross_profit(&self, mrr: f64, monthly_churn: f64) -> f64 {
        let cap = f64::from(self.horizon_months);
        let life = if monthly_churn > 1.0 / cap.max(1.0) {
            1.0 / monthly_churn
        } else {
            cap
        };
        mrr * self.gross_margin * life
    }
}

/// The month's cost lines that are not people's pay or spend on leads: sales
/// tools per filled seat, the payroll load on variable pay and sales leadership.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Overheads {
    pub sales_tools: f64,
    pub variable_pay_load: f64,
    pub leadership: f64,
}

impl Overheads {
    /// `seats`: filled seats of every role; `variable_pay`: commission and
    /// bonuses paid this month (the managers' variable pay is added here).
    #[must_use]
    pub fn of_month(v: &Values, seats: u32, managers: u32, variable_pay: f64) -> Self {
        let manager_variable = f64::from(managers) * v[P::ManagerOte] * v[P::ManagerVariableShare] / 12.0;
        Overheads {
            sales_tools: v[P::SalesToolsPerSeat] * f64::from(seats + managers),
            variable_pay_load: (v[P::VariablePayLoad] - 1.0) * (variable_pay + manager_variable),
            leadership: v[P::SalesLeadershipCost],
        }
    }

    #[must_use]
    pub fn total(&self) -> f64 {
        self.sales_tools + self.variable_pay_load + self.leadership
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valuation(rate: f64, months: f64) -> Valuation {
        let mut v = Values::defaults();
        v[P::DiscountRate] = rate;
        v[P::LtvHorizonMonths] = months;
        Valuation::new(&v, &Derived::new(&v))
    }

    #[test]
    fn remaining_months_is_the_sum_of_surviving_discounted_months() {
        let valuation = valuation(0.10, 60.0);
        let hazard = 0.02;
        let delta = 1.1f64.powf(-1.0 / 12.0);
        let by_month: f64 = (1..=60).map(|k| ((1.0 - hazard) * delta).powi(k)).sum();
        assert!((valuation.remaining_months(hazard) - by_month).abs() < 1e-9);
        // with no churn and no discount every month of the horizon counts
        assert!((valuation_at_par().remaining_months(0.0) - 60.0).abs() < 1e-12);
        // an account certain to churn next month brings nothing
        assert_eq!(valuation.remaining_months(1.0), 0.0);
    }

    fn valuation_at_par() -> Valuation {
        valuation(0.0, 60.0)
    }

    #[test]
    fn each_tier_is_valued_at_its_churn_and_margin_scales_the_value() {
        let v = Values::defaults();
        let d = Derived::new(&v);
        let book = Book::new(&v, &d);
        let valuation = Valuation::new(&v, &d);
        let by_tier: f64 = Tier::ALL
            .iter()
            .map(|&tier| {
                let mrr = book.mrr_in(tier);
                mrr * valuation.gross_margin * valuation.remaining_months(d.churn[tier])
            })
            .sum();
        let value = valuation.book_value(&book);
        assert!(value > 0.0 && (value - by_tier).abs() < 1e-9 * value);
        let mut half_margin = v.clone();
        half_margin[P::GrossMargin] = v[P::GrossMargin] / 2.0;
        let half = Valuation::new(&half_margin, &d);
        assert!((half.book_value(&book) - value / 2.0).abs() < 1e-9 * value);
    }

    #[test]
    fn lifetime_is_capped_at_the_horizon() {
        let valuation = valuation(0.10, 60.0);
        let margin = valuation.gross_margin;
        assert!((valuation.lifetime_gross_profit(1_000.0, 0.0) - 60_000.0 * margin).abs() < 1e-9);
        assert!((valuation.lifetime_gross_profit(1_000.0, 0.05) - 20_000.0 * margin).abs() < 1e-9);
    }
}

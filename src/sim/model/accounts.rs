//! What a run books: the month's cost lines, the run's cumulative flows
//! (checked by the invariant tests) and the sums behind the per-run metrics.

use crate::sim::metrics::{Metric, MonthValues, RunMetric, RunValues};

/// Cumulative flows of one run, for the invariant tests.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ledger {
    /// Leads, meetings and opportunities waiting at the start of month 1,
    /// left by the warm-up.
    pub leads_start: u64,
    pub meetings_start: u64,
    pub opportunities_start: u64,
    pub leads_arrived: u64,
    pub leads_worked: u64,
    pub leads_expired: u64,
    pub leads_queued: u64,
    pub meetings_booked: u64,
    pub meetings_held: u64,
    pub meetings_lost: u64,
    pub meetings_queued: u64,
    pub opportunities_created: u64,
    pub opportunities_won: u64,
    pub opportunities_lost: u64,
    pub opportunities_dropped: u64,
    pub opportunities_open: u64,
    pub accounts_start: u64,
    pub accounts_won: u64,
    pub accounts_churned: u64,
    pub accounts_end: u64,
    pub mrr_start: f64,
    pub mrr_new: f64,
    pub mrr_expansion: f64,
    pub mrr_contraction: f64,
    pub mrr_churned: f64,
    pub mrr_end: f64,
    pub people_start: u64,
    pub leavers: u64,
    pub hires: u64,
    pub let_go: u64,
    pub people_end: u64,
    /// Largest excess of hours used over hours available in any month and role (≤ 0 expected).
    pub worst_hours_excess: f64,
    /// Largest |profit − (revenue − Σ costs)| in any month.
    pub worst_profit_gap: f64,
    pub bookings: f64,
    pub commission: f64,
}

/// Cost lines of a month, in USD.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CostLines {
    pub base_pay: f64,
    pub commission: f64,
    pub bonuses: f64,
    pub managers: f64,
    pub marketing: f64,
    pub agency: f64,
    pub training: f64,
    pub recruiting: f64,
    pub restructuring: f64,
}

impl CostLines {
    #[must_use]
    pub fn total(&self) -> f64 {
        self.base_pay
            + self.commission
            + self.bonuses
            + self.managers
            + self.marketing
            + self.agency
            + self.training
            + self.recruiting
            + self.restructuring
    }
}

/// Sums over a run for the per-run metrics.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunTotals {
    revenue: f64,
    acquisition: f64,
    retention: f64,
    new_customers: f64,
    new_mrr: f64,
    churned: f64,
    customer_months: f64,
}

impl RunTotals {
    pub fn add(&mut self, m: &MonthValues) {
        self.revenue += m[Metric::Revenue];
        self.acquisition += m[Metric::AcquisitionCost];
        self.retention += m[Metric::RetentionCost];
        self.new_customers += m[Metric::Deals];
        self.new_mrr += m[Metric::NewBookings] / 12.0;
        self.churned += m[Metric::ChurnedCustomers];
        self.customer_months += m[Metric::Customers];
    }

    pub fn finish(&self, cumulative_profit: f64, npv: f64, ending_mrr: f64) -> RunValues {
        let mut out = RunValues::default();
        out[RunMetric::HorizonCumulativeProfit] = cumulative_profit;
        out[RunMetric::HorizonRevenue] = self.revenue;
        out[RunMetric::HorizonNpv] = npv;
        out[RunMetric::EndingArr] = ending_mrr * 12.0;
        let cac = self.acquisition / self.new_customers.max(1.0);
        let retention_year = self.retention / (self.customer_months / 12.0).max(1.0);
        out[RunMetric::Cac] = cac;
        out[RunMetric::RetentionCostPerCustomerYear] = retention_year;
        out[RunMetric::AcquisitionToRetention] = if retention_year > 0.0 {
            cac / retention_year
        } else {
            0.0
        };
        // Lifetime: 1 / monthly churn, capped at ten years when nobody churns.
        let monthly_churn = self.churned / self.customer_months.max(1.0);
        let lifetime = if monthly_churn > 1.0 / 120.0 {
            1.0 / monthly_churn
        } else {
            120.0
        };
        let ltv = self.new_mrr / self.new_customers.max(1.0) * lifetime;
        out[RunMetric::LtvToCac] = if cac > 0.0 { ltv / cac } else { 0.0 };
        out
    }
}

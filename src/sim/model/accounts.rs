//! What a run books: the month's cost lines, the run's cumulative flows
//! (checked by the invariant tests) and the sums behind the per-run metrics.

use super::money::Valuation;
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
    pub bookings: f64,
    /// New bookings plus the expansion credited to sellers' quotas.
    pub credited_to_quota: f64,
    pub commission: f64,
    /// Every cost line summed over the run's months.
    pub costs: CostLines,
    /// Value of the customer book the run started with.
    pub book_value_start: f64,
    /// The selling seats at each reported fiscal year's end.
    pub seat_years: SeatYears,
}

/// Selling seats judged at fiscal years' ends, summed over the years.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SeatYears {
    pub years: u32,
    pub seats: u64,
    pub at_quota: u64,
    /// Sum of each year's median seat attainment.
    pub median_sum: f64,
}

impl SeatYears {
    pub fn add(&mut self, year: &super::seats::SeatAttainment) {
        if year.seats == 0 {
            return;
        }
        self.years += 1;
        self.seats += u64::from(year.seats);
        self.at_quota += u64::from(year.at_quota);
        self.median_sum += year.median;
    }
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
    /// CRM, sales engagement and data licences per filled seat.
    pub sales_tools: f64,
    /// Payroll taxes on commission and bonuses (base pay carries its own load).
    pub variable_pay_load: f64,
    /// Head of sales and revenue operations.
    pub leadership: f64,
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
            + self.sales_tools
            + self.variable_pay_load
            + self.leadership
    }

    /// Adds another month's lines, line by line.
    pub fn add(&mut self, other: &CostLines) {
        self.base_pay += other.base_pay;
        self.commission += other.commission;
        self.bonuses += other.bonuses;
        self.managers += other.managers;
        self.marketing += other.marketing;
        self.agency += other.agency;
        self.training += other.training;
        self.recruiting += other.recruiting;
        self.restructuring += other.restructuring;
        self.sales_tools += other.sales_tools;
        self.variable_pay_load += other.variable_pay_load;
        self.leadership += other.leadership;
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

    /// The run's figures from its last month `last` and its starting book value.
    pub fn finish(&self, last: &MonthValues, book_value_start: f64, valuation: &Valuation) -> RunValues {
        let mut out = RunValues::default();
        let (contribution, npv, ending_mrr) = (
            last[Metric::CumulativeContribution],
            last[Metric::DiscountedContribution],
            last[Metric::Revenue],
        );
        out[RunMetric::HorizonValueCreated] = last[Metric::ValueCreated];
        out[RunMetric::HorizonContribution] = contribution;
        out[RunMetric::HorizonBookValue] = last[Metric::BookValue];
        out[RunMetric::BookValueChange] = last[Metric::BookValue] - book_value_start;
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
        let monthly_churn = self.churned / self.customer_months.max(1.0);
        let ltv = valuation.lifetime_gross_profit(self.new_mrr / self.new_customers.max(1.0), monthly_churn);
        out[RunMetric::LtvToCac] = if cac > 0.0 { ltv / cac } else { 0.0 };
        out
    }
}

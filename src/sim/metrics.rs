//! What one simulated month reports, and what one whole run reports.
//!
//! Metrics are an enum indexing a flat array, so the summary code treats
//! them uniformly and the app can list them with titles and units.

use serde::Serialize;

macro_rules! metrics {
    ($name:ident, $count:ident, $all:ident, $values:ident { $( $id:ident: $key:literal, $title:literal, $unit:literal; )* }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($id),* }

        impl $name {
            pub const $all: &'static [$name] = &[$($name::$id),*];

            /// Stable key used in JSON and CSV output.
            #[must_use]
            pub fn key(self) -> &'static str {
                match self { $($name::$id => $key),* }
            }

            #[must_use]
            pub fn title(self) -> &'static str {
                match self { $($name::$id => $title),* }
            }

            #[must_use]
            pub fn unit(self) -> &'static str {
                match self { $($name::$id => $unit),* }
            }

            #[must_use]
            pub fn from_key(key: &str) -> Option<Self> {
                Self::$all.iter().copied().find(|m| m.key() == key)
            }
        }

        pub const $count: usize = $name::$all.len();

        /// One value per metric, indexed by the metric.
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub struct $values(pub [f64; $count]);

        impl Default for $values {
            fn default() -> Self {
                $values([0.0; $count])
            }
        }

        impl std::ops::Index<$name> for $values {
            type Output = f64;
            fn index(&self, m: $name) -> &f64 {
                &self.0[m as usize]
            }
        }

        impl std::ops::IndexMut<$name> for $values {
            fn index_mut(&mut self, m: $name) -> &mut f64 {
                &mut self.0[m as usize]
            }
        }
    };
}

metrics!(Metric, METRIC_COUNT, ALL, MonthValues {
    Revenue: "revenue", "Revenue", "USD per month";
    NewBookings: "new_bookings", "New bookings (annual contract value)", "USD per month";
    GrossProfit: "gross_profit", "Gross profit (revenue × gross margin)", "USD per month";
    Costs: "costs", "Sales and marketing cost", "USD per month";
    Contribution: "contribution", "Contribution (gross profit less sales and marketing cost)", "USD per month";
    CumulativeContribution: "cumulative_contribution", "Cumulative contribution", "USD";
    DiscountedContribution: "npv", "Net present value of contribution so far", "USD";
    BookValue: "book_value", "Value of the customer book (its expected future gross profit, discounted)", "USD";
    ValueCreated: "value_created", "Value created (cumulative contribution plus the change in the customer book's value)", "USD";
    Customers: "customers", "Customers", "accounts";
    CustomersStrategic: "customers_strategic", "Strategic customers", "accounts";
    CustomersCore: "customers_core", "Core customers", "accounts";
    CustomersLongTail: "customers_long_tail", "Long-tail customers", "accounts";
    ChurnedCustomers: "churned_customers", "Customers lost", "accounts per month";
    ChurnedRevenue: "churned_revenue", "Recurring revenue lost to churn", "USD per month";
    Leads: "leads", "Leads arrived", "leads per month";
    Meetings: "meetings", "First meetings booked", "meetings per month";
    Opportunities: "opportunities", "Opportunities created", "opportunities per month";
    Deals: "deals", "Deals won (new customers)", "deals per month";
    OpenOpportunities: "open_opportunities", "Open opportunities", "opportunities";
    LeadsExpired: "leads_expired", "Leads lost unworked", "leads per month";
    MeetingsLost: "meetings_lost", "Meetings lost in hand-off or unheld", "meetings per month";
    OpportunitiesTimedOut: "opportunities_timed_out", "Opportunities lost to age or departures", "opportunities per month";
    MeetingsUnheld: "meetings_unheld", "Meetings never held (no seller hours)", "meetings per month";
    OpportunityWorkDone: "opportunity_work_done", "Work on open opportunities done", "share of hours needed";
    LeadToMeetingRate: "lead_to_meeting_rate", "Worked leads that became a meeting", "share";
    MeetingToOpportunityRate: "meeting_to_opportunity_rate", "Held meetings that became an opportunity", "share";
    WinRate: "win_rate", "Decided opportunities won", "share";
    HeadcountGeneralist: "headcount_generalist", "Generalist reps", "people";
    HeadcountSdr: "headcount_sdr", "SDRs", "people";
    HeadcountAe: "headcount_ae", "Account executives", "people";
    HeadcountAm: "headcount_am", "Account managers", "people";
    HeadcountRetention: "headcount_retention", "Retention managers", "people";
    Managers: "managers", "Front-line managers", "people";
    Leavers: "leavers", "People who have left so far", "people";
    UtilisationGeneralist: "utilisation_generalist", "Generalist capacity used", "share of hours";
    UtilisationSdr: "utilisation_sdr", "SDR capacity used", "share of hours";
    UtilisationAe: "utilisation_ae", "AE capacity used", "share of hours";
    UtilisationAm: "utilisation_am", "AM capacity used", "share of hours";
    UtilisationRetention: "utilisation_retention", "Retention-manager capacity used", "share of hours";
    ProspectingHours: "prospecting_hours", "Hours on leads and prospecting", "hours per month";
    ServiceLevel: "service_level", "Service delivered", "share of hours needed";
    AcquisitionCost: "acquisition_cost", "Spent winning customers", "USD per month";
    RetentionCost: "retention_cost", "Spent keeping customers", "USD per month";
    MarketingCut: "marketing_cut", "Marketing cut by the behind-plan policy", "share of runs";
});

metrics!(RunMetric, RUN_METRIC_COUNT, ALL_RUN, RunValues {
    HorizonValueCreated: "value_created", "Value created at the horizon (cumulative contribution plus the change in the customer book's value)", "USD";
    HorizonContribution: "cumulative_contribution", "Cumulative contribution at the horizon", "USD";
    HorizonBookValue: "book_value", "Value of the customer book at the horizon", "USD";
    BookValueChange: "book_value_change", "Change in the customer book's value since the start", "USD";
    HorizonRevenue: "total_revenue", "Revenue over the horizon", "USD";
    HorizonNpv: "npv", "Net present value of contribution", "USD";
    EndingArr: "ending_arr", "Annual recurring revenue at the horizon", "USD per year";
    Cac: "cac", "Acquisition cost per new customer (CAC)", "USD";
    RetentionCostPerCustomerYear: "retention_cost_per_customer_year", "Retention cost per customer kept a year", "USD";
    AcquisitionToRetention: "acquisition_to_retention", "Winning a customer costs … times keeping one a year", "×";
    LtvToCac: "ltv_to_cac", "Lifetime gross profit of a new customer to CAC", "×";
});

//! The month's values as reported.

use super::{Company, Money, RunMoney, Steps};
use crate::sim::metrics::{Metric, MonthValues};
use crate::sim::model::derived::Tier;
use crate::sim::scenario::Role;

/// The values of a reported month, from its steps and money and the run's money so far.
#[must_use]
pub fn month_values(
    company: &Company,
    steps: &Steps,
    money: &Money,
    run: &RunMoney,
    book_value_start: f64,
    leavers: u64,
) -> MonthValues {
    let Steps {
        capacity,
        arrivals,
        booked,
        handoff,
        deals,
        service,
        people,
        hours,
        ..
    } = steps;
    let book = &company.book;
    let mut out = MonthValues::default();
    out[Metric::Revenue] = money.revenue;
    out[Metric::NewBookings] = deals.bookings;
    out[Metric::GrossProfit] = money.gross_profit;
    out[Metric::Costs] = money.total_cost;
    out[Metric::Contribution] = money.contribution;
    out[Metric::CumulativeContribution] = run.cumulative_contribution;
    out[Metric::DiscountedContribution] = run.npv;
    out[Metric::BookValue] = money.book_value;
    out[Metric::ValueCreated] = run.cumulative_contribution + money.book_value - book_value_start;
    out[Metric::Customers] = book.accounts() as f64;
    out[Metric::CustomersStrategic] = book.accounts_in(Tier::Strategic) as f64;
    out[Metric::CustomersCore] = book.accounts_in(Tier::Core) as f64;
    out[Metric::CustomersLongTail] = book.accounts_in(Tier::LongTail) as f64;
    out[Metric::ChurnedCustomers] = service.book.churned as f64;
    out[Metric::ChurnedRevenue] = service.book.churned_mrr;
    out[Metric::Leads] = arrivals.leads as f64;
    out[Metric::Meetings] = (booked.total + arrivals.agency_meetings) as f64;
    out[Metric::Opportunities] = handoff.created as f64;
    out[Metric::Deals] = deals.won as f64;
    out[Metric::OpenOpportunities] = company.pipeline.open_total() as f64;
    out[Metric::LeadsExpired] = booked.expired as f64;
    out[Metric::MeetingsLost] = (arrivals.lost_in_handoff + handoff.lost_in_handoff + handoff.unheld) as f64;
    out[Metric::OpportunitiesTimedOut] = steps.dropped_opportunities() as f64;
    out[Metric::MeetingsUnheld] = handoff.unheld as f64;
    out[Metric::OpportunityWorkDone] = deals.work_done;
    // A month with nothing at a stage converts at 0: the rates are the
    // month's own, and a stage with no volume has none.
    let rate = |part: u64, whole: u64| if whole > 0 { part as f64 / whole as f64 } else { 0.0 };
    out[Metric::LeadToMeetingRate] = rate(booked.from_leads, booked.worked.iter().sum());
    out[Metric::MeetingToOpportunityRate] = rate(handoff.created, handoff.held);
    out[Metric::WinRate] = rate(deals.won, deals.won + deals.lost);
    for (metric, role) in [
        (Metric::HeadcountGeneralist, Role::Generalist),
        (Metric::HeadcountSdr, Role::Sdr),
        (Metric::HeadcountAe, Role::Ae),
        (Metric::HeadcountAm, Role::Am),
        (Metric::HeadcountRetention, Role::Retention),
    ] {
        out[metric] = f64::from(people.census.filled(role));
    }
    out[Metric::Managers] = f64::from(people.managers);
    out[Metric::Leavers] = leavers as f64;
    for (metric, role) in [
        (Metric::UtilisationGeneralist, Role::Generalist),
        (Metric::UtilisationSdr, Role::Sdr),
        (Metric::UtilisationAe, Role::Ae),
        (Metric::UtilisationAm, Role::Am),
        (Metric::UtilisationRetention, Role::Retention),
    ] {
        let hours = hours.available[role];
        out[metric] = if hours > 0.0 {
            capacity.committed[role] / hours
        } else {
            0.0
        };
    }
    out[Metric::ProspectingHours] = capacity.prospecting_hours();
    out[Metric::ServiceLevel] = if service.book.service_needed > 0.0 {
        service.book.service_delivered / service.book.service_needed
    } else {
        1.0
    };
    out[Metric::AcquisitionCost] = money.acquisition;
    out[Metric::RetentionCost] = money.retention;
    out[Metric::MarketingCut] = if company.marketing.cut_active { 1.0 } else { 0.0 };
    out
}

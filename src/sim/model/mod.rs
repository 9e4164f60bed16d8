//! One simulated future of a scenario, month by month.
//!
//! Each effect acts in exactly one place: capacity effects (ramp, effort,
//! span of control, the transition dip) multiply effective hours; quality
//! effects (specialisation, training, lead source, paying per meeting) shift
//! conversions on the log-odds scale; service level acts on churn only.
//! Effects are computed from last month's state, in the order of MODEL.md:
//! switch → hours → policy → arrivals → capacity → leads → hand-off →
//! opportunities → onboarding → churn → people → money.
//!
//! The steps are numbered in that order (1 switch, 2 hours, 3 policy, 4
//! arrivals, 5 capacity, 6 leads, 7 hand-off, 8 opportunities and
//! onboarding, 9–10 service and churn, then the sellers' credit toward
//! quota, 11 people, 12 money). Each is a
//! method of the state the months carry forward, in a module of `month`:
//! it takes the small structs of the steps before it and returns its own.
//! The month's pay is worked out in `pay`.
//!
//! Two refinements of that order keep every item in one month's accounts:
//! a meeting handed over with a delay of `d` months is held `d` months after
//! it is booked, so with no delay the seller's hours for it are given after
//! the hand-off (step 7), from what step 5 left them; and a customer won this
//! month is onboarded at the month's end, after the churn of the book it
//! joins (see [`book`]).

pub mod accounts;
pub mod book;
pub mod calendar;
pub mod derived;
pub mod leads;
pub mod money;
mod month;
mod pay;
pub mod per;
pub mod pipeline;
pub mod prepared;
pub mod seats;

pub use self::accounts::{CostLines, Ledger};
pub use self::month::outbound_meetings;
pub use self::prepared::Prepared;

use self::accounts::RunTotals;
use self::calendar::Calendar;
use self::derived::Derived;
use self::money::Valuation;
use self::month::{Company, HandoffStream, Money, Month, RunMoney, Steps, month_values};
use self::pay::{Incentives, MonthPay};
use super::metrics::{MonthValues, RunValues};
use super::rng::{month_key, run_key};

/// Mixed into the seed of the warm-up's random numbers, so they are not the
/// reported months' own.
const WARM_UP_SALT: u64 = 0x5741_524d_5550;

/// Months the starting structure runs before month 1: a year, or long
/// enough for the oldest opportunity the shelf life allows to be there.
fn warm_up_months(d: &Derived) -> u32 {
    u32::try_from(d.opportunity_max_age + 3).unwrap_or(u32::MAX).max(12)
}

/// Runs one future of `prepared` for run index `run`, calling `record` with
/// each month's values (month 1 first). Returns the run's totals.
pub fn simulate_run(
    prepared: &Prepared,
    seed: u64,
    run: u64,
    ledger: &mut Ledger,
    mut record: impl FnMut(u32, &MonthValues),
) -> RunValues {
    let scenario = &prepared.scenario;
    let sampled;
    let (v, d, calendar) = match &prepared.fixed {
        Some((values, derived, calendar)) => (values, derived, calendar),
        None => {
            let values = prepared.values(seed, run);
            let derived = Derived::new(&values);
            let calendar = Calendar::new(scenario, &values, &derived);
            sampled = (values, derived, calendar);
            (&sampled.0, &sampled.1, &sampled.2)
        }
    };
    let mut company = Company::new(scenario, v, d);
    let valuation = Valuation::new(v, d);
    let book_value_start = valuation.book_value(&company.book);
    let incentives = Incentives::new(v, d);
    let mut run_money = RunMoney::default();
    let mut last = MonthValues::default();
    let mut totals = RunTotals::default();

    let run_seed = run_key(seed, run);
    let warm_up_seed = run_key(seed ^ WARM_UP_SALT, run);
    let warm_up_months = warm_up_months(d);
    for step in 1..=warm_up_months + scenario.months {
        // Warm-up months run the starting structure unreported before month 1.
        let warming = step <= warm_up_months;
        let t = step.saturating_sub(warm_up_months);
        let calendar_month = (i64::from(step) - i64::from(warm_up_months) - 1).rem_euclid(12) as u32 + 1;
        let month = Month {
            scenario,
            v,
            d,
            plan: if warming {
                calendar.warm_up_month(calendar_month)
            } else {
                calendar.month(t)
            },
            t,
            warming,
            calendar_month,
            key: if warming {
                month_key(warm_up_seed, step)
            } else {
                month_key(run_seed, t)
            },
        };
        if t == 1 {
            // The company as it stands at the start: what the warm-up left
            // queued and open is where month 1 begins.
            *ledger = Ledger {
                accounts_start: company.book.accounts(),
                mrr_start: company.book.mrr(),
                people_start: u64::from(company.staff.census().filled_total()),
                leads_start: company.leads.queued(),
                meetings_start: company.meetings.queued(),
                opportunities_start: company.pipeline.open_total(),
                book_value_start,
                ..Ledger::default()
            };
        }
        if calendar_month == 1 {
            company.staff.new_year();
        }

        let switch = company.switch_structure(&month, ledger);
        let hours = company.effective_hours(&month, &incentives);
        let spend_share = company.marketing_policy(&month);
        let mut handoff_stream = HandoffStream::default();
        let arrivals = company.arrivals(&month, &incentives, spend_share, &mut handoff_stream, ledger);
        let mut capacity = company.allocate_capacity(&month, &hours);
        let booked = company.book_meetings(&month, &capacity, ledger);
        let handoff = company.hand_off(&month, &incentives, &booked, &mut capacity, &mut handoff_stream, ledger);
        let deals = company.close_deals(&month, &capacity, ledger);
        let service = company.serve_book(&month, &mut capacity, &hours, ledger);
        let credit = company.credit_sellers(&month, &incentives, &deals, &service, ledger);
        let people = company.people_month(&month, &incentives, &hours, ledger);
        let steps = Steps {
            switch,
            hours,
            arrivals,
            capacity,
            booked,
            handoff,
            deals,
            service,
            credit,
            people,
        };
        ledger.opportunities_dropped += steps.dropped_opportunities();
        if warming {
            continue;
        }

        let pay = MonthPay::new(&month, &incentives, &steps);
        let money = Money::new(&month, &valuation, &company.book, &steps, &pay);
        ledger.commission += pay.commission;
        ledger.costs.add(&money.costs);
        run_money.add(&month, &money);
        let out = month_values(&company, &steps, &money, &run_money, book_value_start, ledger.leavers);
        totals.add(&out);
        record(t, &out);
        last = out;
    }

    ledger.leads_queued = company.leads.queued();
    ledger.meetings_queued = company.meetings.queued();
    ledger.opportunities_open = company.pipeline.open_total();
    ledger.accounts_end = company.book.accounts();
    ledger.mrr_end = company.book.mrr();
    ledger.people_end = u64::from(company.staff.census().filled_total());
    totals.finish(&last, book_value_start, &valuation)
}

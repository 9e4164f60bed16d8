//! The steps of one month, one module each, in the order of [`super`]'s
//! documentation. A step is a method of [`Company`], the state the months
//! carry forward; it reads the month's [`Month`] and what earlier steps
//! returned, and returns what later steps need as a small struct. Steps
//! book their own flows in the [`Ledger`](super::Ledger) passed to them.

mod arrivals;
mod capacity;
mod credit;
mod deals;
mod hours;
mod meetings;
mod money;
mod people;
mod service;
mod switch;
mod values;

pub use self::arrivals::Arrivals;
pub use self::capacity::Capacity;
pub use self::credit::Credit;
pub use self::deals::Deals;
pub use self::hours::Hours;
pub use self::meetings::{Booked, HandOff, outbound_meetings};
pub use self::money::{Money, RunMoney};
pub use self::people::People;
pub use self::service::Service;
pub use self::switch::Switch;
pub use self::values::month_values;

use super::book::Book;
use super::calendar::MonthPlan;
use super::derived::Derived;
use super::leads::{LeadQueue, Marketing};
use super::pipeline::{MeetingQueue, Pipeline};
use super::seats::Staff;
use crate::sim::math::{ROUNDING_LIMIT, round_to_i64};
use crate::sim::params::{P, Values};
use crate::sim::rng::{Mechanism, SimRng, mechanism_stream};
use crate::sim::scenario::{Scenario, Structure};

/// What every step of a month reads and none changes.
pub struct Month<'a> {
    pub scenario: &'a Scenario,
    pub v: &'a Values,
    pub d: &'a Derived,
    pub plan: &'a MonthPlan,
    /// The reported month, 1-based; 0 in the warm-up.
    pub t: u32,
    /// A warm-up month: the starting structure runs unreported before month 1.
    pub warming: bool,
    /// The month of the fiscal year, 1 to 12.
    pub calendar_month: u32,
    /// Seeds the month's random streams, one per mechanism.
    pub key: u64,
}

impl Month<'_> {
    fn stream(&self, mechanism: Mechanism) -> SimRng {
        mechanism_stream(self.key, mechanism)
    }
}

/// The hand-off's random stream, shared by the agency's meetings (step 4)
/// and the bookers' (step 7). Made on first use: most structures hand
/// nothing over in most months.
#[derive(Default)]
pub struct HandoffStream(Option<SimRng>);

impl HandoffStream {
    fn get(&mut self, month: &Month) -> &mut SimRng {
        self.0.get_or_insert_with(|| month.stream(Mechanism::Handoff))
    }
}

/// The simulated company as one month leaves it for the next.
pub struct Company {
    pub structure: Structure,
    pub staff: Staff,
    pub leads: LeadQueue,
    pub meetings: MeetingQueue,
    pub pipeline: Pipeline,
    pub book: Book,
    pub marketing: Marketing,
    /// Referral leads the book gave this month; they arrive next month.
    pub pending_referrals: u64,
    /// Accounts moved to new owners by the switch churn more until this month.
    pub reassigned_until: u32,
}

impl Company {
    #[must_use]
    pub fn new(scenario: &Scenario, v: &Values, d: &Derived) -> Self {
        let structure = scenario.structure.clone();
        Company {
            staff: Staff::new(&structure.headcount),
            structure,
            leads: LeadQueue::default(),
            meetings: MeetingQueue::default(),
            pipeline: Pipeline::default(),
            book: Book::new(v, d),
            marketing: Marketing::new(v),
            pending_referrals: 0,
            reassigned_until: 0,
        }
    }
}

/// What each step of a month returned, for its pay, money and values.
#[derive(Clone, Copy, Debug)]
pub struct Steps {
    pub switch: Switch,
    pub hours: Hours,
    pub arrivals: Arrivals,
    pub capacity: Capacity,
    pub booked: Booked,
    pub handoff: HandOff,
    pub deals: Deals,
    pub service: Service,
    pub credit: Credit,
    pub people: People,
}

impl Steps {
    /// Opportunities lost to the switch, the shelf life and leaving sellers.
    #[must_use]
    pub fn dropped_opportunities(&self) -> u64 {
        self.switch.dropped_opportunities + self.deals.timed_out + self.people.dropped_opportunities
    }
}

/// Gives what `need` asks of `pool`, as far as the pool goes.
fn take(pool: &mut f64, need: f64) -> f64 {
    let given = need.max(0.0).min(pool.max(0.0));
    *pool -= given;
    given
}

/// The whole part of a count or duration; 0 for anything not positive and finite.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn whole(x: f64) -> u64 {
    if x > 0.0 && x < ROUNDING_LIMIT {
        // the usual case, without the saturating conversion's checks
        round_to_i64(x.floor()) as u64
    } else if x.is_finite() && x > 0.0 {
        x.floor() as u64
    } else {
        0
    }
}

/// Months a handed-over meeting waits before it is held.
fn handoff_delay(v: &Values) -> usize {
    whole(v[P::HandoffDelay]) as usize
}

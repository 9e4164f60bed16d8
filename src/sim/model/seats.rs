//! People: seats per role, their tenure and ramp, year-to-date quota
//! attainment, attrition, vacancies, hiring and managers.

use rand::RngExt;

use super::derived::{Derived, MAX_HOURS_MULTIPLIER};
use crate::sim::params::{P, Values};
use crate::sim::rng::{SimRng, binomial};
use crate::sim::scenario::{Headcount, Role};

/// Tenure given to people already in post at the start: fully ramped.
const TENURED: u32 = 120;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Seat {
    pub role: Role,
    /// Months since hire (0 in the first month).
    pub tenure: u32,
    /// 0 when filled; otherwise months until the vacancy is filled.
    pub vacant_for: u32,
    /// In post when the structure switched: the transition dip applies.
    pub incumbent: bool,
    pub ytd_bookings: f64,
    /// Quota accrued this fiscal year, prorated during ramp.
    pub ytd_quota: f64,
    /// Effective hours this month (filled in by [`Staff::hours`]).
    pub hours: f64,
}

impl Seat {
    fn filled(role: Role, tenure: u32) -> Self {
        Seat {
            role,
            tenure,
            vacant_for: 0,
            incumbent: false,
            ytd_bookings: 0.0,
            ytd_quota: 0.0,
            hours: 0.0,
        }
    }

    fn vacant(role: Role, months: u32) -> Self {
        Seat {
            vacant_for: months.max(1),
            ..Seat::filled(role, 0)
        }
    }

    #[must_use]
    pub fn is_filled(&self) -> bool {
        self.vacant_for == 0
    }

    /// Year-to-date attainment, once at least a month and a half of (ramp-
    /// prorated) quota has accrued: earlier, one lucky or unlucky deal would
    /// swing effort and attrition.
    #[must_use]
    pub fn attainment(&self, monthly_quota: f64) -> Option<f64> {
        (self.ytd_quota >= 1.5 * monthly_quota && self.ytd_quota > 0.0).then(|| self.ytd_bookings / self.ytd_quota)
    }
}

/// What happened to people in a month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StaffChanges {
    pub leavers: u32,
    pub hires: u32,
    pub let_go: u32,
    /// Selling seats that left (their pipeline is orphaned).
    pub seller_leavers: u32,
    /// People let go in a restructuring, by the role they held.
    pub let_go_by_role: [u32; 5],
}

/// Seats per role, filled and in total (vacancies included), counted once a month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Census {
    pub filled: [u32; 5],
    pub seats: [u32; 5],
}

impl Census {
    #[must_use]
    pub fn filled(&self, role: Role) -> u32 {
        self.filled[role as usize]
    }

    #[must_use]
    pub fn filled_total(&self) -> u32 {
        self.filled.iter().sum()
    }

    /// Front-line managers: one per span of control in each role's team.
    #[must_use]
    pub fn managers(&self, span: f64) -> u32 {
        let span = span.max(1.0);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        self.seats
            .iter()
            .map(|seats| (f64::from(*seats) / span).ceil() as u32)
            .sum()
    }
}

#[derive(Clone, Debug, Default)]
pub struct Staff {
    pub seats: Vec<Seat>,
}

impl Staff {
    #[must_use]
    pub fn new(headcount: &Headcount) -> Self {
        let mut seats = Vec::with_capacity(headcount.total() as usize + 8);
        for role in Role::ALL {
            for _ in 0..headcount.of(role) {
                seats.push(Seat::filled(role, TENURED));
            }
        }
        Staff { seats }
    }

    #[must_use]
    pub fn census(&self) -> Census {
        let mut census = Census::default();
        for seat in &self.seats {
            census.seats[seat.role as usize] += 1;
            if seat.is_filled() {
                census.filled[seat.role as usize] += 1;
            }
        }
        census
    }

    /// Starts a fiscal year: year-to-date figures go back to zero.
    pub fn new_year(&mut self) {
        for seat in &mut self.seats {
            seat.ytd_bookings = 0.0;
            seat.ytd_quota = 0.0;
        }
    }

    /// Sets each seat's effective hours for the month:
    /// `H · ramp · effort · span · dip`, capped at 1.3 H, less recruiting time.
    /// Returns hours available per role.
    pub fn hours(
        &mut self,
        census: &Census,
        v: &Values,
        d: &Derived,
        role_effort: &[f64; 5],
        dip: f64,
        quotas: bool,
    ) -> [f64; 5] {
        let base = v[P::HoursPerMonth];
        let cap = MAX_HOURS_MULTIPLIER * base;
        let start = v[P::RampStartShare];
        // per role: full hours before ramp and dip, recruiting time per filled seat, ramp length
        let full: [f64; 5] = std::array::from_fn(|r| base * role_effort[r] * d.span_productivity);
        let recruiting: [f64; 5] = std::array::from_fn(|r| {
            v[P::RecruitingHours] * f64::from(census.seats[r] - census.filled[r]) / f64::from(census.filled[r].max(1))
        });
        let ramp_months: [f64; 5] = std::array::from_fn(|r| v[Role::ALL[r].ramp()]);
        let mut available = [0.0; 5];
        for seat in &mut self.seats {
            if !seat.is_filled() {
                seat.hours = 0.0;
                continue;
            }
            let role = seat.role as usize;
            let mut hours = full[role];
            if f64::from(seat.tenure) < ramp_months[role] {
                hours *= start + (1.0 - start) * f64::from(seat.tenure) / ramp_months[role];
            }
            if quotas && let Some(attainment) = seller_attainment(seat, v) {
                let shortfall = (v[P::AttainmentFloor] - attainment).max(0.0);
                hours *= (1.0 - v[P::LowAttainmentEffort] * shortfall).max(0.2);
            }
            if seat.incumbent {
                hours *= dip;
            }
            seat.hours = (hours.min(cap) - recruiting[role]).max(0.0);
            available[role] += seat.hours;
        }
        available
    }

    /// Monthly attrition, vacancies counting down, new hires, planned seats.
    /// `transition` multiplies everyone's attrition during a restructuring.
    pub fn people_month(
        &mut self,
        rng: &mut SimRng,
        v: &Values,
        d: &Derived,
        transition: f64,
        quotas: bool,
    ) -> StaffChanges {
        let mut changes = StaffChanges::default();
        let low_attainment_ceiling = if quotas {
            (v[P::LowAttainmentAttrition] * v[P::AttainmentFloor].max(0.0)).exp()
        } else {
            1.0
        };
        for seat in &mut self.seats {
            if seat.is_filled() {
                let hazard = d.monthly_attrition[seat.role as usize] * d.span_attrition * transition;
                let draw: f64 = rng.random();
                // Low attainment multiplies the hazard by e^(k·shortfall) ≤ e^(k·floor):
                // most draws are above even that, and need no exp.
                let leaves = draw < (hazard * low_attainment_ceiling).min(0.9) && {
                    let mut hazard = hazard;
                    if quotas && let Some(attainment) = seller_attainment(seat, v) {
                        let shortfall = v[P::AttainmentFloor] - attainment;
                        if shortfall > 0.0 {
                            hazard *= (v[P::LowAttainmentAttrition] * shortfall).exp();
                        }
                    }
                    draw < hazard.min(0.9)
                };
                if leaves {
                    changes.leavers += 1;
                    if matches!(seat.role, Role::Ae | Role::Generalist) {
                        changes.seller_leavers += 1;
                    }
                    *seat = Seat::vacant(seat.role, hiring_lag(rng, d.hiring_lag));
                } else {
                    seat.tenure = seat.tenure.saturating_add(1);
                }
            } else {
                seat.vacant_for -= 1;
                if seat.vacant_for == 0 {
                    changes.hires += 1;
                    *seat = Seat::filled(seat.role, 0);
                }
            }
        }
        changes
    }

    /// Opens planned seats, filled after the hiring lag.
    pub fn open_seats(&mut self, rng: &mut SimRng, d: &Derived, role: Role, count: u32) {
        for _ in 0..count {
            self.seats.push(Seat::vacant(role, hiring_lag(rng, d.hiring_lag)));
        }
    }

    /// Credits a month's bookings to selling seats in proportion to their
    /// hours on opportunities, accrues (ramp-prorated) quota and returns the
    /// commission: the rate on bookings, times the accelerator on the part of
    /// a seat's bookings above its year-to-date quota when quotas are on.
    /// `total_hours` is the sellers' hours as [`Staff::hours`] returned them.
    pub fn credit_bookings(&mut self, seller: Role, bookings: f64, v: &Values, quotas: bool, total_hours: f64) -> f64 {
        let quota = monthly_quota(seller, v);
        let rate = commission_rate(seller, v);
        let ramp_months = v[seller.ramp()];
        let mut commission = 0.0;
        for seat in self.seats.iter_mut().filter(|s| s.role == seller && s.is_filled()) {
            let ramp_share = if ramp_months < 0.5 {
                1.0
            } else {
                (f64::from(seat.tenure + 1) / ramp_months).min(1.0)
            };
            seat.ytd_quota += quota * ramp_share;
            let credited = if total_hours > 0.0 {
                bookings * seat.hours / total_hours
            } else {
                0.0
            };
            let below = if quotas {
                credited.min((seat.ytd_quota - seat.ytd_bookings).max(0.0))
            } else {
                credited
            };
            commission += rate * (below + v[P::Accelerator] * (credited - below));
            seat.ytd_bookings += credited;
        }
        commission
    }

    /// The structure switch: people keep their role where the new structure
    /// has seats for it, surplus people move to roles that are short (half
    /// ramped in the new role), the rest are let go; remaining gaps open as
    /// vacancies. Everyone in post becomes an incumbent for the dip.
    pub fn restructure(&mut self, rng: &mut SimRng, d: &Derived, target: &Headcount) -> StaffChanges {
        let mut changes = StaffChanges::default();
        let mut kept: Vec<Seat> = Vec::with_capacity(target.total() as usize);
        let mut surplus: Vec<Seat> = Vec::new();
        for role in Role::ALL {
            let mut of_role: Vec<Seat> = self.seats.iter().filter(|s| s.role == role).copied().collect();
            // keep filled seats before vacancies
            of_role.sort_by_key(|s| s.vacant_for);
            for (i, seat) in of_role.into_iter().enumerate() {
                if (i as u32) < target.of(role) {
                    kept.push(seat);
                } else if seat.is_filled() {
                    surplus.push(seat);
                }
            }
        }
        const REROLE_ORDER: [Role; 5] = [Role::Ae, Role::Am, Role::Sdr, Role::Retention, Role::Generalist];
        for role in REROLE_ORDER {
            let ramp_half = 3;
            while (kept.iter().filter(|s| s.role == role).count() as u32) < target.of(role) {
                match surplus.pop() {
                    Some(mut person) => {
                        person.role = role;
                        person.tenure = ramp_half;
                        kept.push(person);
                    }
                    None => kept.push(Seat::vacant(role, hiring_lag(rng, d.hiring_lag))),
                }
            }
        }
        changes.let_go = surplus.len() as u32;
        for person in &surplus {
            changes.let_go_by_role[person.role as usize] += 1;
        }
        for seat in &mut kept {
            seat.incumbent = seat.is_filled();
        }
        self.seats = kept;
        changes
    }
}

/// Commission per dollar of annual contract value booked below quota: the
/// variable pay at target spread over the quota, so a larger share of pay at
/// risk is a steeper commission, not a cheaper plan.
#[must_use]
pub fn commission_rate(role: Role, v: &Values) -> f64 {
    let quota = 12.0 * monthly_quota(role, v);
    if quota > 0.0 {
        v[role.ote()] * v[role.variable_share()] / quota
    } else {
        0.0
    }
}

fn monthly_quota(role: Role, v: &Values) -> f64 {
    match role {
        Role::Ae => v[P::AeQuota] / 12.0,
        Role::Generalist => v[P::GeneralistQuota] / 12.0,
        _ => 0.0,
    }
}

fn seller_attainment(seat: &Seat, v: &Values) -> Option<f64> {
    match seat.role {
        Role::Ae | Role::Generalist => seat.attainment(monthly_quota(seat.role, v)),
        _ => None,
    }
}

/// Whole months to fill a seat, drawn so the mean equals the hiring lag.
fn hiring_lag(rng: &mut SimRng, mean: f64) -> u32 {
    let whole = mean.floor();
    let extra = u32::from(rng.random::<f64>() < mean - whole);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let months = whole as u32 + extra;
    months.max(1)
}

/// How many of `n` leaving sellers' opportunities are lost: each leaver
/// orphans an equal share of the open pipeline, which leaks like a hand-off.
pub fn orphaned_opportunities(rng: &mut SimRng, open: u64, sellers: u32, leavers: u32, leakage: f64) -> u64 {
    if sellers == 0 || leavers == 0 {
        return 0;
    }
    let share = (u64::from(leavers) * open) / u64::from(sellers.max(leavers));
    binomial(rng, share, leakage)
}

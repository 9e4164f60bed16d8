//! People, held as cohorts: seats of one role in identical state (tenure,
//! vacancy countdown, incumbency, skill band, year-to-date bookings and
//! quota per seat) are one entry with a count, so a month costs the handful
//! of distinct states rather than a pass over every seat. Covers ramp,
//! sellers' skill, year-to-date quota attainment, attrition, vacancies,
//! hiring and managers.

use std::cmp::Ordering;

use rand::seq::SliceRandom;

use super::derived::{Derived, MAX_HOURS_MULTIPLIER};
use super::pay::{commission_rate, monthly_quota};
use super::per::PerRole;
use crate::sim::math::exp;
use crate::sim::params::{P, Values};
use crate::sim::rng::{SimRng, binomial};
use crate::sim::scenario::{Headcount, Role};

/// Tenure given to people already in post at the start: fully ramped under
/// any ramp the catalogue allows (at most 24 months).
const TENURED: u32 = 30;

/// Sellers' skill comes in this many equally likely bands (see
/// [`Derived::seller_skill`]): few enough that seats still share states.
pub const SKILL_BANDS: usize = 5;
/// The band of everyone without a quota, and of the typical seller.
const MIDDLE_BAND: u8 = 2;
/// The order sellers in post at the start fill the bands: middle out, so a
/// team of any size is as close to the bands' average skill of 1 as it can be.
const START_BANDS: [u8; SKILL_BANDS] = [2, 1, 3, 0, 4];

/// Whether a role carries a quota, and so a skill band of its own.
fn sells(role: Role) -> bool {
    matches!(role, Role::Ae | Role::Generalist)
}

/// Seats of one role in the same state, `count` of them; amounts are per seat.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Cohort {
    role: Role,
    count: u32,
    /// Months since hire (0 in the first month). Past the role's ramp it makes
    /// no difference, so the monthly step stops counting at the ramp and
    /// ramped cohorts merge.
    tenure: u32,
    /// 0 when filled; otherwise months until the vacancy is filled.
    vacant_for: u32,
    /// In post when the structure switched: the transition dip applies.
    incumbent: bool,
    /// Index into [`Derived::seller_skill`]; [`MIDDLE_BAND`] for roles without a quota.
    skill_band: u8,
    ytd_bookings: f64,
    /// Quota accrued this fiscal year, prorated during ramp.
    ytd_quota: f64,
    /// Effective hours this month, set by [`Staff::hours`] for
    /// [`Staff::credit_bookings`]; derived from the state, so not part of it.
    hours: f64,
}

impl Cohort {
    fn filled(role: Role, count: u32, tenure: u32) -> Self {
        Cohort {
            role,
            count,
            tenure,
            vacant_for: 0,
            incumbent: false,
            skill_band: MIDDLE_BAND,
            ytd_bookings: 0.0,
            ytd_quota: 0.0,
            hours: 0.0,
        }
    }

    fn vacant(role: Role, count: u32, months: u32) -> Self {
        Cohort {
            vacant_for: months.max(1),
            ..Cohort::filled(role, count, 0)
        }
    }

    fn is_filled(&self) -> bool {
        self.vacant_for == 0
    }

    /// Year-to-date attainment, once at least a month and a half of (ramp-
    /// prorated) quota has accrued: earlier, one lucky or unlucky deal would
    /// swing effort and attrition.
    fn attainment(&self, monthly_quota: f64) -> Option<f64> {
        (self.ytd_quota >= 1.5 * monthly_quota && self.ytd_quota > 0.0).then(|| self.ytd_bookings / self.ytd_quota)
    }

    /// Whether two cohorts are seats in one state (amounts compared bit for
    /// bit). Every field is compared, without short-circuiting: which field
    /// differs is chance, and a branch per field would be mispredicted often.
    fn same_state(&self, other: &Cohort) -> bool {
        (self.role == other.role)
            & (self.vacant_for == other.vacant_for)
            & (self.tenure == other.tenure)
            & (self.incumbent == other.incumbent)
            & (self.skill_band == other.skill_band)
            & (self.ytd_quota.to_bits() == other.ytd_quota.to_bits())
            & (self.ytd_bookings.to_bits() == other.ytd_bookings.to_bits())
    }

    /// The order a restructuring takes cohorts in, which depends on their
    /// state alone: by role, filled before vacancies (soonest filled first),
    /// then the rest of the state, amounts compared bit for bit. `Equal`
    /// exactly when [`Cohort::same_state`].
    fn canonical_order(&self, other: &Cohort) -> Ordering {
        (self.role, self.vacant_for, self.tenure, self.incumbent, self.skill_band)
            .cmp(&(
                other.role,
                other.vacant_for,
                other.tenure,
                other.incumbent,
                other.skill_band,
            ))
            .then_with(|| self.ytd_quota.total_cmp(&other.ytd_quota))
            .then_with(|| self.ytd_bookings.total_cmp(&other.ytd_bookings))
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
    pub let_go_by_role: PerRole<u32>,
}

/// How the selling seats stand against their quotas: those with a
/// year-to-date quota to judge by (see [`Cohort::attainment`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SeatAttainment {
    pub seats: u32,
    pub at_quota: u32,
    /// The middle seat's year-to-date attainment (the lower middle of an even count); 0 without seats.
    pub median: f64,
}

/// Seats per role, filled and in total (vacancies included), counted once a month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Census {
    pub filled: PerRole<u32>,
    pub seats: PerRole<u32>,
}

impl Census {
    #[must_use]
    pub fn filled(&self, role: Role) -> u32 {
        self.filled[role]
    }

    #[must_use]
    pub fn filled_total(&self) -> u32 {
        self.filled.iter().sum()
    }

    /// Front-line managers as a sales leader staffs them: one per span of
    /// control across each team that answers to the same leader (new
    /// business: generalists, SDRs and AEs; the customer book: account and
    /// retention managers), so 2 retention managers share the account
    /// managers' manager rather than having one of their own.
    #[must_use]
    pub fn managers(&self, span: f64) -> u32 {
        let span = span.max(1.0);
        let team = |roles: &[Role]| roles.iter().map(|role| self.seats[*role]).sum::<u32>();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        TEAMS
            .iter()
            .map(|roles| (f64::from(team(roles)) / span).ceil() as u32)
            .sum()
    }
}

/// The teams that answer to one leader, and so share front-line managers.
const TEAMS: [&[Role]; 2] = [&[Role::Generalist, Role::Sdr, Role::Ae], &[Role::Am, Role::Retention]];

/// People per role as cohorts, kept merged after every change, with the
/// census they add up to.
#[derive(Clone, Debug, Default)]
pub struct Staff {
    cohorts: Vec<Cohort>,
    census: Census,
}

impl Staff {
    #[must_use]
    pub fn new(headcount: &Headcount) -> Self {
        let mut cohorts = Vec::new();
        for role in Role::ALL {
            let count = headcount.of(role);
            if !sells(role) {
                cohorts.push(Cohort::filled(role, count, TENURED));
                continue;
            }
            for (index, band) in START_BANDS.iter().enumerate() {
                // seats index, index + 5, index + 10, … of the team go to this band
                let in_band = (count + (SKILL_BANDS - 1 - index) as u32) / SKILL_BANDS as u32;
                cohorts.push(Cohort {
                    skill_band: *band,
                    ..Cohort::filled(role, in_band, TENURED)
                });
            }
        }
        let mut staff = Staff {
            cohorts,
            census: Census::default(),
        };
        staff.tidy();
        staff
    }

    #[must_use]
    pub fn census(&self) -> Census {
        self.census
    }

    /// Starts a fiscal year: year-to-date figures go back to zero.
    pub fn new_year(&mut self) {
        for cohort in &mut self.cohorts {
            cohort.ytd_bookings = 0.0;
            cohort.ytd_quota = 0.0;
        }
        self.tidy();
    }

    /// Sets each cohort's effective hours per seat for the month:
    /// `H · ramp · effort · span · dip`, capped at 1.3 H, less recruiting time.
    /// Returns hours available per role.
    pub fn hours(
        &mut self,
        census: &Census,
        v: &Values,
        d: &Derived,
        role_effort: &PerRole<f64>,
        dip: f64,
        quotas: bool,
    ) -> PerRole<f64> {
        let base = v[P::HoursPerMonth];
        let cap = MAX_HOURS_MULTIPLIER * base;
        let start = v[P::RampStartShare];
        // per role: full hours before ramp and dip, recruiting time per filled seat, ramp length
        let full: PerRole<f64> = PerRole::from_fn(|r| base * role_effort[r] * d.span_productivity);
        let recruiting: PerRole<f64> = PerRole::from_fn(|r| {
            let vacancies = census.seats[r] - census.filled[r];
            if vacancies == 0 {
                0.0
            } else {
                v[P::RecruitingHours] * f64::from(vacancies) / f64::from(census.filled[r].max(1))
            }
        });
        let ramp_months: PerRole<f64> = PerRole::from_fn(|r| v[r.ramp()]);
        let mut available = PerRole::uniform(0.0);
        for cohort in &mut self.cohorts {
            if !cohort.is_filled() {
                cohort.hours = 0.0;
                continue;
            }
            let role = cohort.role;
            let mut hours = full[role];
            if f64::from(cohort.tenure) < ramp_months[role] {
                hours *= start + (1.0 - start) * f64::from(cohort.tenure) / ramp_months[role];
            }
            if quotas && let Some(attainment) = seller_attainment(cohort, v) {
                let shortfall = (v[P::AttainmentFloor] - attainment).max(0.0);
                hours *= (1.0 - v[P::LowAttainmentEffort] * shortfall).max(v[P::EffortFloor]);
            }
            if cohort.incumbent {
                hours *= dip;
            }
            cohort.hours = (hours.min(cap) - recruiting[role]).max(0.0);
            available[role] += f64::from(cohort.count) * cohort.hours;
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
        // hours ramp while tenure < ramp and quota while tenure + 1 < ramp: a whole ramp is fully ramped for both
        let ramped = d.ramp_whole_months;
        // Merging is needed only when a state may now equal another: a
        // leaver's vacancy, sellers hired into skill bands, or a cohort
        // reaching the end of its ramp. Any other hire matches no one
        // (vacancies due in the same month were one cohort) unless the role
        // has no ramp, so last month's hires are ramped too.
        let mut changed = false;
        // vacancies opened by this month's leavers, and sellers hired into
        // bands, are appended past the loop's end and wait until next month
        for index in 0..self.cohorts.len() {
            let cohort = &mut self.cohorts[index];
            let role = cohort.role;
            if !cohort.is_filled() {
                cohort.vacant_for = cohort.vacant_for.saturating_sub(1);
                if cohort.vacant_for == 0 {
                    let hired = cohort.count;
                    changes.hires += hired;
                    if sells(role) {
                        // They join as cohorts of their own skill bands.
                        cohort.count = 0;
                        self.hire_into_bands(rng, role, hired);
                        changed = true;
                    } else {
                        *cohort = Cohort::filled(role, hired, 0);
                        changed |= ramped[role] == 0;
                    }
                }
                continue;
            }
            let mut hazard = d.monthly_attrition[role] * d.span_attrition * transition;
            if quotas && let Some(attainment) = seller_attainment(cohort, v) {
                let shortfall = v[P::AttainmentFloor] - attainment;
                if shortfall > 0.0 {
                    // A miss costs a seller the share of pay at risk: the
                    // steeper the plan, the more it drives them out.
                    let at_risk = v[role.variable_share()] / role.variable_share().spec().default.max(1e-9);
                    hazard *= exp(v[P::LowAttainmentAttrition] * shortfall * at_risk);
                }
            }
            let leavers = binomial_count(rng, cohort.count, hazard.min(v[P::AttritionHazardCap]));
            cohort.count -= leavers;
            let tenure = cohort.tenure.saturating_add(1).min(ramped[role]);
            changed |= tenure != cohort.tenure && tenure == ramped[role];
            cohort.tenure = tenure;
            if leavers > 0 {
                changed = true;
                changes.leavers += leavers;
                if matches!(role, Role::Ae | Role::Generalist) {
                    changes.seller_leavers += leavers;
                }
                self.open_vacancies(rng, d, role, leavers);
            }
        }
        if changed {
            self.tidy();
        } else if changes.hires > 0 {
            self.census = census_of(&self.cohorts);
        }
        changes
    }

    /// The `seller` seats' year-to-date attainment, as a sales leader reads it at the year's end.
    #[must_use]
    pub fn seat_attainment(&self, seller: Role, v: &Values) -> SeatAttainment {
        let quota = monthly_quota(seller, v);
        let mut judged: Vec<(f64, u32)> = self
            .cohorts
            .iter()
            .filter(|c| c.role == seller && c.is_filled())
            .filter_map(|c| Some((c.attainment(quota)?, c.count)))
            .collect();
        judged.sort_by(|a, b| a.0.total_cmp(&b.0));
        let seats = judged.iter().map(|(_, count)| count).sum::<u32>();
        let at_quota = judged
            .iter()
            .filter(|(attainment, _)| *attainment >= 1.0)
            .map(|(_, count)| count)
            .sum();
        let mut below_middle = 0;
        let middle = judged
            .iter()
            .find(|(_, count)| {
                below_middle += count;
                2 * below_middle >= seats
            })
            .map_or(0.0, |(attainment, _)| *attainment);
        SeatAttainment {
            seats,
            at_quota,
            median: middle,
        }
    }

    /// `hired` new sellers of `role`, each as likely to be in any skill band.
    fn hire_into_bands(&mut self, rng: &mut SimRng, role: Role, hired: u32) {
        let mut left = hired;
        for band in 0..SKILL_BANDS {
            if left == 0 {
                break;
            }
            let in_band = if band + 1 == SKILL_BANDS {
                left
            } else {
                binomial_count(rng, left, 1.0 / (SKILL_BANDS - band) as f64)
            };
            left -= in_band;
            #[allow(clippy::cast_possible_truncation)]
            self.cohorts.push(Cohort {
                skill_band: band as u8,
                ..Cohort::filled(role, in_band, 0)
            });
        }
    }

    /// Opens planned seats, filled after the hiring lag.
    pub fn open_seats(&mut self, rng: &mut SimRng, d: &Derived, role: Role, count: u32) {
        self.open_vacancies(rng, d, role, count);
        self.tidy();
    }

    /// Credits a month's bookings to selling seats in proportion to their
    /// hours (as [`Staff::hours`] set them) times their skill, accrues
    /// (ramp-prorated) quota and returns the commission: the rate on
    /// bookings, times the accelerator on the part of a seat's bookings above
    /// its year-to-date quota when quotas are on.
    pub fn credit_bookings(&mut self, seller: Role, bookings: f64, v: &Values, d: &Derived, quotas: bool) -> f64 {
        let quota = monthly_quota(seller, v);
        let rate = commission_rate(seller, v);
        let ramp_months = v[seller.ramp()];
        let skill = |cohort: &Cohort| d.seller_skill[usize::from(cohort.skill_band)];
        let total_hours: f64 = self
            .cohorts
            .iter()
            .filter(|c| c.role == seller && c.is_filled())
            .map(|c| f64::from(c.count) * c.hours * skill(c))
            .sum();
        let mut commission = 0.0;
        for cohort in self.cohorts.iter_mut().filter(|c| c.role == seller && c.is_filled()) {
            // a ramped seat (the usual case) earns full quota without a division
            let months_in = f64::from(cohort.tenure + 1);
            let ramp_share = if ramp_months < 0.5 || months_in >= ramp_months {
                1.0
            } else {
                months_in / ramp_months
            };
            cohort.ytd_quota += quota * ramp_share;
            let credited = if total_hours > 0.0 {
                bookings * cohort.hours * skill(cohort) / total_hours
            } else {
                0.0
            };
            let below = if quotas {
                credited.min((cohort.ytd_quota - cohort.ytd_bookings).max(0.0))
            } else {
                credited
            };
            commission += f64::from(cohort.count) * rate * (below + v[P::Accelerator] * (credited - below));
            cohort.ytd_bookings += credited;
        }
        commission
    }

    /// The structure switch: people keep their role where the new structure
    /// has seats for it (filled seats before vacancies), surplus people move
    /// to roles that are short (half ramped in the new role), the rest are let
    /// go; remaining gaps open as vacancies. Everyone in post becomes an
    /// incumbent for the dip.
    pub fn restructure(&mut self, rng: &mut SimRng, v: &Values, d: &Derived, target: &Headcount) -> StaffChanges {
        let mut changes = StaffChanges::default();
        let reroled_tenure = whole_months(v[P::ReroledTenure]);
        // in canonical order: each role's vacancies soonest filled first
        let mut before = std::mem::take(&mut self.cohorts);
        before.sort_by(Cohort::canonical_order);
        let mut kept = PerRole::uniform(0u32);
        // in Role::ALL order, so the last role's surplus moves first
        let mut surplus: Vec<Cohort> = Vec::new();
        for role in Role::ALL {
            // Nothing but chance decides who of a role stays, moves or goes, so
            // the role's people are taken one by one in random order; it runs
            // once per run, and the merge at the end restores the cohorts.
            let mut people: Vec<Cohort> = before
                .iter()
                .filter(|c| c.role == role && c.is_filled())
                .flat_map(|c| std::iter::repeat_n(Cohort { count: 1, ..*c }, c.count as usize))
                .collect();
            people.shuffle(rng);
            let vacancies = before.iter().filter(|c| c.role == role && !c.is_filled()).copied();
            for cohort in people.into_iter().chain(vacancies) {
                let keep = cohort.count.min(target.of(role) - kept[role]);
                kept[role] += keep;
                if keep > 0 {
                    self.cohorts.push(Cohort { count: keep, ..cohort });
                }
                if cohort.count > keep && cohort.is_filled() {
                    surplus.push(Cohort {
                        count: cohort.count - keep,
                        ..cohort
                    });
                }
            }
        }
        const REROLE_ORDER: [Role; 5] = [Role::Ae, Role::Am, Role::Sdr, Role::Retention, Role::Generalist];
        for role in REROLE_ORDER {
            let mut short = target.of(role) - kept[role];
            while short > 0 {
                let Some(last) = surplus.last_mut() else {
                    self.open_vacancies(rng, d, role, short);
                    break;
                };
                let moved = last.count.min(short);
                last.count -= moved;
                short -= moved;
                // A person keeps their skill into another selling role.
                let skill_band = if sells(role) { last.skill_band } else { MIDDLE_BAND };
                self.cohorts.push(Cohort {
                    role,
                    count: moved,
                    tenure: reroled_tenure,
                    skill_band,
                    ..*last
                });
                if last.count == 0 {
                    surplus.pop();
                }
            }
        }
        for person in &surplus {
            changes.let_go += person.count;
            changes.let_go_by_role[person.role] += person.count;
        }
        for cohort in &mut self.cohorts {
            cohort.incumbent = cohort.is_filled();
        }
        self.tidy();
        changes
    }

    /// `count` vacancies of `role`. Each takes whole months to fill, the
    /// floor of the mean hiring lag or one more, so the mean equals the lag:
    /// one draw splits them into at most two cohorts.
    fn open_vacancies(&mut self, rng: &mut SimRng, d: &Derived, role: Role, count: u32) {
        if count == 0 {
            return;
        }
        let whole = d.hiring_lag.floor();
        let longer = binomial_count(rng, count, d.hiring_lag - whole);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let months = whole as u32;
        for (months, vacancies) in [(months, count - longer), (months.saturating_add(1), longer)] {
            if vacancies > 0 {
                self.cohorts.push(Cohort::vacant(role, vacancies, months));
            }
        }
    }

    /// Restores the invariants after a change: no empty cohorts, cohorts in
    /// the same state merged into the first of them, and the census to match.
    /// The handful of cohorts makes comparing every pair cheaper than sorting.
    fn tidy(&mut self) {
        let mut kept = 0;
        for index in 0..self.cohorts.len() {
            let cohort = self.cohorts[index];
            if cohort.count == 0 {
                continue;
            }
            match self.cohorts[..kept]
                .iter_mut()
                .find(|earlier| earlier.same_state(&cohort))
            {
                Some(earlier) => earlier.count += cohort.count,
                None => {
                    self.cohorts[kept] = cohort;
                    kept += 1;
                }
            }
        }
        self.cohorts.truncate(kept);
        self.census = census_of(&self.cohorts);
    }
}

/// Seats per role, filled and in total.
fn census_of(cohorts: &[Cohort]) -> Census {
    let mut census = Census::default();
    for cohort in cohorts {
        census.seats[cohort.role] += cohort.count;
        if cohort.is_filled() {
            census.filled[cohort.role] += cohort.count;
        }
    }
    census
}

fn seller_attainment(cohort: &Cohort, v: &Values) -> Option<f64> {
    match cohort.role {
        Role::Ae | Role::Generalist => cohort.attainment(monthly_quota(cohort.role, v)),
        _ => None,
    }
}

/// A catalogued number of months as whole months (the catalogue keeps it in range).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn whole_months(months: f64) -> u32 {
    months.clamp(0.0, f64::from(TENURED)).round() as u32
}

/// How many of `count` seats an event with chance `p` each befalls.
fn binomial_count(rng: &mut SimRng, count: u32, p: f64) -> u32 {
    // a binomial draw never exceeds its trials
    u32::try_from(binomial(rng, u64::from(count), p)).unwrap_or(count)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::rng::seeded;
    use rand::RngExt;

    fn headcount(role: Role, count: u32) -> Headcount {
        let mut headcount = Headcount::default();
        match role {
            Role::Generalist => headcount.generalist = count,
            Role::Sdr => headcount.sdr = count,
            Role::Ae => headcount.ae = count,
            Role::Am => headcount.am = count,
            Role::Retention => headcount.retention = count,
        }
        headcount
    }

    /// One month of the people model as the engine runs it: hours, bookings credited to the seller, attrition.
    fn month(
        staff: &mut Staff,
        rng: &mut SimRng,
        v: &Values,
        d: &Derived,
        seller: Role,
        bookings: f64,
    ) -> StaffChanges {
        let census = staff.census();
        staff.hours(&census, v, d, &d.pay_effort, 1.0, true);
        staff.credit_bookings(seller, bookings, v, d, true);
        staff.people_month(rng, v, d, 1.0, true)
    }

    fn counted(staff: &Staff) -> Census {
        let mut census = Census::default();
        for cohort in &staff.cohorts {
            census.seats[cohort.role] += cohort.count;
            if cohort.is_filled() {
                census.filled[cohort.role] += cohort.count;
            }
        }
        census
    }

    #[test]
    fn people_in_post_at_the_start_are_ramped_under_every_ramp_the_catalogue_allows() {
        for role in Role::ALL {
            assert!(role.ramp().spec().max <= f64::from(TENURED), "{role:?}");
        }
    }

    #[test]
    fn twenty_sellers_over_three_years_stay_a_few_cohorts_and_the_census_adds_up() {
        let v = Values::defaults();
        let d = Derived::new(&v);
        let mut staff = Staff::new(&headcount(Role::Generalist, 20));
        let mut rng = seeded(17);
        let mut most = 0;
        let mut total = 0;
        for t in 1..=36 {
            if t > 1 && t % 12 == 1 {
                staff.new_year();
            }
            let bookings = v[P::GeneralistQuota] / 12.0 * 20.0 * rng.random_range(0.3..1.5);
            month(&mut staff, &mut rng, &v, &d, Role::Generalist, bookings);
            let census = staff.census();
            // leavers' seats stay open until refilled, so seats never change
            assert_eq!(census.seats[Role::Generalist], 20, "month {t}");
            assert_eq!(census, counted(&staff), "month {t}");
            assert!(staff.cohorts.iter().all(|c| c.count > 0));
            assert!(all_states_differ(&staff), "month {t}: cohorts unmerged");
            most = most.max(staff.cohorts.len());
            total += staff.cohorts.len();
        }
        // each month's hires keep their own year-to-date bookings until the new year merges the ramped
        // and each of the five skill bands is a state of its own
        assert!(most <= 15, "{most} cohorts for 20 seats in some month");
        assert!(total <= 10 * 36, "{total} cohort-months for 20 seats in 36 months");
    }

    #[test]
    fn attrition_matches_the_hazard_and_the_low_attainment_multiplier_within_four_standard_errors() {
        let mut v = Values::defaults();
        v[P::AeAttrition] = 0.3;
        // nobody is hired back within the year, so everyone filled is in post from the start
        v[P::HiringLagMonths] = 12.0;
        let d = Derived::new(&v);
        let base = d.monthly_attrition[Role::Ae] * d.span_attrition;
        // with no bookings, attainment is 0 once 1.5 months of quota have accrued: from month 2
        let low = (base * (v[P::LowAttainmentAttrition] * v[P::AttainmentFloor]).exp()).min(v[P::AttritionHazardCap]);
        let mut rng = seeded(23);
        let (mut observed, mut expected, mut variance) = (0.0, 0.0, 0.0);
        for _ in 0..500 {
            let mut staff = Staff::new(&headcount(Role::Ae, 20));
            for t in 1..=12 {
                let filled = f64::from(staff.census().filled(Role::Ae));
                let hazard = if t == 1 { base } else { low };
                let changes = month(&mut staff, &mut rng, &v, &d, Role::Ae, 0.0);
                observed += f64::from(changes.leavers);
                expected += filled * hazard;
                variance += filled * hazard * (1.0 - hazard);
            }
        }
        // leavers less their expectation given the month's filled seats is a martingale with this variance
        assert!(
            (observed - expected).abs() < 4.0 * variance.sqrt(),
            "leavers {observed}, expected {expected} ± {}",
            variance.sqrt()
        );
    }

    #[test]
    fn weak_sellers_miss_quota_and_leave_more_than_strong_ones_from_the_same_bookings() {
        let mut v = Values::defaults();
        // nobody is hired back within the year, so each band keeps its own seats
        v[P::HiringLagMonths] = 12.0;
        let d = Derived::new(&v);
        let per_band = 1_000;
        let mut staff = Staff::new(&headcount(Role::Ae, per_band * SKILL_BANDS as u32));
        let in_band = |staff: &Staff, band: u8| -> u32 {
            staff
                .cohorts
                .iter()
                .filter(|c| c.role == Role::Ae && c.is_filled() && c.skill_band == band)
                .map(|c| c.count)
                .sum()
        };
        let mut rng = seeded(41);
        for _ in 1..=12 {
            // the team books 70% of its quota, the attainment floor, every month
            let team_quota = f64::from(staff.census().filled(Role::Ae)) * v[P::AeQuota] / 12.0;
            month(&mut staff, &mut rng, &v, &d, Role::Ae, 0.7 * team_quota);
        }
        let weakest = in_band(&staff, 0);
        let strongest = in_band(&staff, (SKILL_BANDS - 1) as u8);
        let attainment = |band: u8| {
            staff
                .cohorts
                .iter()
                .find(|c| c.role == Role::Ae && c.skill_band == band)
                .and_then(|c| c.attainment(v[P::AeQuota] / 12.0))
                .unwrap_or(f64::NAN)
        };
        assert!(
            attainment(0) < 0.5 && attainment((SKILL_BANDS - 1) as u8) > 1.0,
            "weakest at {:.2}, strongest at {:.2} of quota",
            attainment(0),
            attainment((SKILL_BANDS - 1) as u8)
        );
        // Stayers are binomial: the gap is many standard errors of a 1,000-seat band.
        let stayed = |n: u32| f64::from(n) / f64::from(per_band);
        let (weak, strong) = (stayed(weakest), stayed(strongest));
        let se = (weak * (1.0 - weak) / f64::from(per_band) + strong * (1.0 - strong) / f64::from(per_band)).sqrt();
        assert!(
            strong - weak > 5.0 * se,
            "stayed: weakest {weak:.3}, strongest {strong:.3} (± {se:.3})"
        );
    }

    #[test]
    fn a_team_in_post_at_the_start_is_spread_evenly_over_the_skill_bands() {
        let v = Values::defaults();
        let d = Derived::new(&v);
        for team in [1, 2, 3, 7, 8, 20] {
            let staff = Staff::new(&headcount(Role::Ae, team));
            let mut counts = [0u32; SKILL_BANDS];
            for cohort in &staff.cohorts {
                counts[usize::from(cohort.skill_band)] += cohort.count;
            }
            assert_eq!(counts.iter().sum::<u32>(), team);
            assert!(
                counts.iter().max().unwrap_or(&0) - counts.iter().min().unwrap_or(&0) <= 1,
                "{team}: {counts:?}"
            );
            // middle out: the team's average skill is as close to 1 as its size allows
            let average: f64 = counts
                .iter()
                .zip(d.seller_skill)
                .map(|(count, skill)| f64::from(*count) * skill)
                .sum::<f64>()
                / f64::from(team);
            assert!((average - 1.0).abs() < 0.2, "{team}: average skill {average}");
        }
    }

    #[test]
    fn vacancies_fill_after_the_mean_hiring_lag_within_four_standard_errors() {
        let mut v = Values::defaults();
        v[P::HiringLagMonths] = 2.5;
        v[P::SdrAttrition] = 0.0;
        let d = Derived::new(&v);
        let mut rng = seeded(29);
        let mut hires_by_month = [0u32; 4];
        for _ in 0..200 {
            let mut staff = Staff::default();
            staff.open_seats(&mut rng, &d, Role::Sdr, 50);
            assert!(staff.cohorts.len() <= 2, "one split of the lags: {:?}", staff.cohorts);
            for hires in &mut hires_by_month {
                *hires += staff.people_month(&mut rng, &v, &d, 1.0, false).hires;
            }
        }
        // a lag of 2.5 months is 2 or 3 whole months, half and half
        assert_eq!(hires_by_month[0] + hires_by_month[3], 0, "{hires_by_month:?}");
        let seats = 200.0 * 50.0;
        let mean = (2.0 * f64::from(hires_by_month[1]) + 3.0 * f64::from(hires_by_month[2])) / seats;
        assert!((mean - 2.5).abs() < 4.0 * 0.5 / f64::sqrt(seats), "mean lag {mean}");
    }

    #[test]
    fn without_quotas_commission_is_the_rate_times_bookings_however_hours_differ() {
        let mut v = Values::defaults();
        v[P::HiringLagMonths] = 1.0;
        let d = Derived::new(&v);
        let mut staff = Staff::new(&headcount(Role::Ae, 8));
        let mut rng = seeded(31);
        staff.open_seats(&mut rng, &d, Role::Ae, 3);
        staff.people_month(&mut rng, &v, &d, 1.0, false);
        staff.open_seats(&mut rng, &d, Role::Ae, 2);
        staff.people_month(&mut rng, &v, &d, 1.0, false);
        // tenured, one month in and new: three ramp stages
        assert!(
            staff.cohorts.iter().filter(|c| c.is_filled()).count() >= 3,
            "{:?}",
            staff.cohorts
        );
        let census = staff.census();
        staff.hours(&census, &v, &d, &d.pay_effort, 1.0, false);
        let bookings = 250_000.0;
        let commission = staff.credit_bookings(Role::Ae, bookings, &v, &d, false);
        let expected = commission_rate(Role::Ae, &v) * bookings;
        assert!(
            (commission - expected).abs() < 1e-9 * expected,
            "{commission} vs {expected}"
        );
        let credited: f64 = staff.cohorts.iter().map(|c| f64::from(c.count) * c.ytd_bookings).sum();
        assert!((credited - bookings).abs() < 1e-9 * bookings, "credited {credited}");
    }

    #[test]
    fn no_seats_or_no_hours_give_zeros_not_nan() {
        let v = Values::defaults();
        let d = Derived::new(&v);
        let mut rng = seeded(37);
        let mut empty = Staff::new(&Headcount::default());
        assert_eq!(empty.census(), Census::default());
        assert_eq!(
            empty.hours(&Census::default(), &v, &d, &d.pay_effort, 1.0, true),
            [0.0; 5]
        );
        assert_eq!(empty.credit_bookings(Role::Ae, 1_000.0, &v, &d, true), 0.0);
        assert_eq!(empty.people_month(&mut rng, &v, &d, 1.0, true), StaffChanges::default());
        assert_eq!(empty.census().managers(v[P::SpanOfControl]), 0);

        let mut sellers = Staff::new(&headcount(Role::Ae, 4));
        assert_eq!(sellers.credit_bookings(Role::Ae, 1_000.0, &v, &d, true), 0.0);
        assert!(sellers.cohorts.iter().all(|c| c.ytd_bookings == 0.0));
    }

    #[test]
    fn managers_are_counted_across_each_team_not_per_role() {
        let census = |seats: [u32; 5]| Census {
            filled: seats.into(),
            seats: seats.into(),
        };
        // 6 AMs and 2 retention managers are one team of 8 under one manager
        assert_eq!(census([0, 0, 0, 6, 2]).managers(8.0), 1);
        // 5 SDRs and 5 AEs are one team of 10: two managers, not one per role
        assert_eq!(census([0, 5, 5, 0, 0]).managers(8.0), 2);
        assert_eq!(census([0, 4, 4, 0, 0]).managers(8.0), 1);
        // new business and the customer book have separate leaders
        assert_eq!(census([1, 0, 0, 1, 0]).managers(8.0), 2);
        assert_eq!(census([0; 5]).managers(8.0), 0);
    }

    #[test]
    fn cohorts_in_the_same_state_merge_whatever_order_they_arrived_in() {
        let mut v = Values::defaults();
        // a whole lag draws nothing, so both histories see the same state
        v[P::HiringLagMonths] = 2.0;
        let d = Derived::new(&v);
        let mut rng = seeded(41);
        let mut one = Staff::new(&headcount(Role::Am, 2));
        one.open_seats(&mut rng, &d, Role::Ae, 2);
        one.open_seats(&mut rng, &d, Role::Sdr, 1);
        one.open_seats(&mut rng, &d, Role::Ae, 1);
        let mut other = Staff::new(&headcount(Role::Am, 2));
        other.open_seats(&mut rng, &d, Role::Sdr, 1);
        other.open_seats(&mut rng, &d, Role::Ae, 3);
        let sorted = |staff: &Staff| {
            let mut cohorts = staff.cohorts.clone();
            cohorts.sort_by(Cohort::canonical_order);
            cohorts
        };
        assert_eq!(sorted(&one), sorted(&other));
        assert_eq!(one.cohorts.len(), 3);
        assert_eq!(one.census(), other.census());
    }

    #[test]
    fn tidying_merges_every_shared_state_and_keeps_every_seat() {
        let mut rng = seeded(53);
        for _ in 0..500 {
            // few distinct values, so many cohorts share a state
            let cohorts: Vec<Cohort> = (0..12)
                .map(|_| Cohort {
                    role: Role::ALL[rng.random_range(0..2)],
                    count: rng.random_range(0..3),
                    tenure: rng.random_range(0..2),
                    vacant_for: rng.random_range(0..2),
                    incumbent: rng.random(),
                    ytd_bookings: [0.0, 1.5][rng.random_range(0..2)],
                    ytd_quota: [0.0, 2.5][rng.random_range(0..2)],
                    skill_band: rng.random_range(0..2),
                    hours: 0.0,
                })
                .collect();
            let mut staff = Staff {
                cohorts: cohorts.clone(),
                census: Census::default(),
            };
            staff.tidy();
            assert_eq!(
                staff.census,
                counted(&Staff {
                    cohorts,
                    ..Staff::default()
                })
            );
            assert!(staff.cohorts.iter().all(|c| c.count > 0));
            assert!(all_states_differ(&staff));
        }
    }

    fn all_states_differ(staff: &Staff) -> bool {
        let cohorts = &staff.cohorts;
        (0..cohorts.len())
            .all(|i| (i + 1..cohorts.len()).all(|j| cohorts[i].canonical_order(&cohorts[j]) != Ordering::Equal))
    }

    /// 14 tenured generalists, 3 in their third month and 3 vacancies.
    fn generalists_with_vacancies() -> Staff {
        let mut staff = Staff {
            cohorts: vec![
                Cohort::filled(Role::Generalist, 14, TENURED),
                Cohort::filled(Role::Generalist, 3, 2),
                Cohort::vacant(Role::Generalist, 3, 2),
            ],
            census: Census::default(),
        };
        staff.tidy();
        staff
    }

    /// Restructures `staff` to `target` and checks what holds for any switch:
    /// everyone in post is kept, re-roled or let go; every role gets exactly its target seats.
    fn restructured(mut staff: Staff, target: Headcount, rng: &mut SimRng) -> (Staff, StaffChanges) {
        let v = Values::defaults();
        let d = Derived::new(&v);
        let before = staff.census();
        let changes = staff.restructure(rng, &v, &d, &target);
        let after = staff.census();
        assert_eq!(after.filled_total() + changes.let_go, before.filled_total());
        assert_eq!(changes.let_go_by_role.iter().sum::<u32>(), changes.let_go);
        for role in Role::ALL {
            assert_eq!(after.seats[role], target.of(role), "{role:?}");
        }
        assert_eq!(after, counted(&staff));
        assert!(staff.cohorts.iter().all(|c| c.incumbent == c.is_filled()));
        (staff, changes)
    }

    #[test]
    fn a_switch_to_specialists_re_roles_everyone_half_ramped_and_opens_the_gap() {
        let target = Headcount {
            sdr: 6,
            ae: 8,
            am: 6,
            ..Headcount::default()
        };
        let (staff, changes) = restructured(generalists_with_vacancies(), target, &mut seeded(43));
        assert_eq!(changes.let_go, 0);
        let census = staff.census();
        // AEs are filled first, then AMs; SDRs get who is left and three vacancies
        assert_eq!(census.filled, [0, 3, 8, 6, 0]);
        assert!(
            staff
                .cohorts
                .iter()
                .filter(|c| c.is_filled())
                .all(|c| f64::from(c.tenure) == P::ReroledTenure.spec().default)
        );
    }

    #[test]
    fn a_smaller_team_keeps_people_at_random_and_lets_the_rest_go() {
        let mut rng = seeded(43);
        let trials = 2_000;
        let mut tenured_kept = 0;
        for _ in 0..trials {
            let (staff, changes) =
                restructured(generalists_with_vacancies(), headcount(Role::Generalist, 12), &mut rng);
            assert_eq!(changes.let_go_by_role, [5, 0, 0, 0, 0]);
            tenured_kept += staff
                .cohorts
                .iter()
                .filter(|c| c.tenure == TENURED)
                .map(|c| c.count)
                .sum::<u32>();
        }
        // 12 kept of 17 in post, 14 of them tenured: hypergeometric, within 4 standard errors
        let (kept, in_post, tenured) = (12.0, 17.0, 14.0);
        let share = tenured / in_post;
        let variance = kept * share * (1.0 - share) * (in_post - kept) / (in_post - 1.0);
        let mean = f64::from(tenured_kept) / f64::from(trials);
        assert!(
            (mean - kept * share).abs() < 4.0 * (variance / f64::from(trials)).sqrt(),
            "tenured kept {mean}, expected {}",
            kept * share
        );
    }

    #[test]
    fn a_larger_team_keeps_its_vacancies_and_opens_more() {
        let target = Headcount {
            generalist: 25,
            ae: 2,
            ..Headcount::default()
        };
        let (staff, changes) = restructured(generalists_with_vacancies(), target, &mut seeded(43));
        assert_eq!(changes.let_go, 0);
        assert_eq!(staff.census().filled, [17, 0, 0, 0, 0]);
    }

    #[test]
    fn surplus_people_of_the_last_role_move_first() {
        let staff = Staff::new(&Headcount {
            sdr: 4,
            ae: 5,
            ..Headcount::default()
        });
        let target = Headcount {
            generalist: 6,
            ae: 2,
            ..Headcount::default()
        };
        let (staff, changes) = restructured(staff, target, &mut seeded(47));
        // three surplus AEs, then three of the four SDRs become generalists
        assert_eq!(changes.let_go_by_role, [0, 1, 0, 0, 0]);
        assert_eq!(staff.census().filled, [6, 0, 2, 0, 0]);
    }
}

//! The installed base: accounts by tier and life stage as (count, total
//! MRR) cells; service hours delivered against what each tier needs;
//! churn, expansion, contraction and referrals.
//!
//! A customer won this month joins the book at the month's end: it is being
//! onboarded, so it is neither served (the service hours were sized on the
//! book the month started with, and the service ratio is judged on that same
//! book) nor at risk of churning, expanding or referring until next month.
//!
//! Churn hazard per cell: `tier churn × (1 + γ_tier (1 − s)) × (1 − r · coverage)
//! × early-life factor × reassignment factor`, where `s` is the share of
//! needed service hours delivered and coverage is the share of the cell's
//! accounts a retention manager looks after. Churn is binomial on counts and
//! a churned account takes the cell's mean MRR with it. The six cells' churn
//! is one aggregate draw (see [`crate::sim::rng::binomial_cells`]).

use rand::RngExt;

use rand_distr::{Distribution, StandardNormal};

use super::derived::{Derived, Tier};
use crate::sim::math::{exp, round_to_i64};
use crate::sim::params::{P, Values};
use crate::sim::rng::{SimRng, binomial, binomial_cells, poisson};

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cell {
    pub count: u64,
    pub mrr: f64,
}

impl Cell {
    fn mean(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.mrr / self.count as f64
        }
    }

    /// Removes `n` accounts of average size; returns the MRR removed.
    fn remove(&mut self, n: u64) -> f64 {
        // most cells lose no one in a month: skip the division
        if n == 0 {
            return 0.0;
        }
        let n = n.min(self.count);
        let removed = if n == self.count {
            self.mrr
        } else {
            self.mean() * n as f64
        };
        self.count -= n;
        self.mrr -= removed;
        if self.count == 0 {
            self.mrr = 0.0;
        }
        removed
    }
}

/// What the book did in a month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BookMonth {
    pub churned: u64,
    pub churned_mrr: f64,
    pub expansion: f64,
    pub contraction: f64,
    pub referrals: u64,
    /// Service hours delivered and needed.
    pub service_delivered: f64,
    pub service_needed: f64,
    /// Retention-manager hours used.
    pub retention_hours: f64,
}

/// Accounts by tier (strategic, core, long tail) and stage: `[tier][early, established]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Book {
    pub cells: [[Cell; 2]; 3],
    /// Won this month, by tier: they join the cells at the end of [`Book::month`].
    arriving: [Cell; 3],
}

const EARLY: usize = 0;
const ESTABLISHED: usize = 1;
/// Below half a month (the parameter is a whole number, so at 0) there is no
/// early life: won accounts are established from the start.
const MIN_EARLY_LIFE_MONTHS: f64 = 0.5;

impl Book {
    /// The starting book: accounts split by tier like won deals, scaled to the starting ARR.
    #[must_use]
    #[allow(clippy::needless_range_loop)] // one index runs over counts, shares and cells together
    pub fn new(v: &Values, d: &Derived) -> Self {
        let mut book = Book::default();
        let accounts = v[P::StartAccounts].max(0.0).round();
        let mut counts = [0u64; 3];
        let mut assigned = 0u64;
        for tier in 0..3 {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let n = if tier == 2 {
                (accounts as u64).saturating_sub(assigned)
            } else {
                (accounts * d.tier_share[tier]).round() as u64
            };
            counts[tier] = n;
            assigned += n;
        }
        let implied: f64 = (0..3).map(|t| counts[t] as f64 * d.tier_mean_mrr[t]).sum();
        let scale = if implied > 0.0 {
            v[P::StartArr] / 12.0 / implied
        } else {
            0.0
        };
        for tier in 0..3 {
            book.cells[tier][ESTABLISHED] = Cell {
                count: counts[tier],
                mrr: counts[tier] as f64 * d.tier_mean_mrr[tier] * scale,
            };
        }
        book
    }

    #[must_use]
    pub fn accounts(&self) -> u64 {
        self.cells.iter().flatten().map(|c| c.count).sum()
    }

    #[must_use]
    pub fn accounts_in(&self, tier: Tier) -> u64 {
        self.cells[tier as usize].iter().map(|c| c.count).sum()
    }

    #[must_use]
    pub fn mrr(&self) -> f64 {
        self.cells.iter().flatten().map(|c| c.mrr).sum()
    }

    /// Service hours the book needs this month (this month's wins are not yet in it).
    #[must_use]
    pub fn service_needed(&self, d: &Derived) -> f64 {
        (0..3)
            .map(|t| self.accounts_in(Tier::ALL[t]) as f64 * d.service_hours[t])
            .sum()
    }

    /// Onboards won accounts: they count in the book from the end of this
    /// month's [`Book::month`], so they do not churn in the month they are won.
    pub fn onboard(&mut self, tier: Tier, count: u64, mrr: f64) {
        let cell = &mut self.arriving[tier as usize];
        cell.count += count;
        cell.mrr += mrr;
    }

    /// This month's wins join the book. They start their early life next
    /// month (a share graduates at each month's end from then on, so an
    /// account spends `accounts.early_life_months` at risk as a new customer
    /// on average); with no early life they are established at once.
    fn admit_arrivals(&mut self, early_life: bool) {
        let stage = if early_life { EARLY } else { ESTABLISHED };
        for (cells, arriving) in self.cells.iter_mut().zip(&mut self.arriving) {
            let cell = &mut cells[stage];
            cell.count += arriving.count;
            cell.mrr += arriving.mrr;
            *arriving = Cell::default();
        }
    }

    /// One month of service, churn, expansion, graduation out of early life
    /// and referrals of the book the month started with; then this month's
    /// wins join it.
    ///
    /// `service_hours`: hours the serving role can give; `tiered`: hours go to
    /// strategic, then core, then long tail (account-list management) instead
    /// of evenly per account. `retention_hours`: retention-manager hours.
    /// `early_factor` includes the sale-to-service hand-off; `reassigned`
    /// multiplies churn after a restructuring moved accounts to new owners.
    #[allow(clippy::too_many_arguments)]
    pub fn month(
        &mut self,
        churn_rng: &mut SimRng,
        referral_rng: &mut SimRng,
        v: &Values,
        d: &Derived,
        service_hours: f64,
        tiered: bool,
        retention_hours: f64,
        early_factor: f64,
        reassigned: f64,
        referrals_on: bool,
    ) -> BookMonth {
        let mut out = BookMonth::default();
        let counts: [f64; 3] = std::array::from_fn(|t| self.accounts_in(Tier::ALL[t]) as f64);
        let needed: [f64; 3] = std::array::from_fn(|t| counts[t] * d.service_hours[t]);
        out.service_needed = needed.iter().sum();
        let service = service_ratio(&counts, &needed, service_hours.max(0.0), tiered);
        out.service_delivered = (0..3).map(|t| service[t] * needed[t]).sum();

        // Retention managers cover accounts strategic-first when tiers exist, evenly otherwise.
        let coverable = retention_hours.max(0.0) / v[P::RetentionHoursPerAccount].max(1e-6);
        let total: f64 = counts.iter().sum();
        let mut coverage = [0.0; 3];
        let mut left = coverable;
        for t in 0..3 {
            coverage[t] = if counts[t] <= 0.0 {
                0.0
            } else if tiered {
                let covered = left.min(counts[t]);
                left -= covered;
                covered / counts[t]
            } else {
                (coverable / total.max(1.0)).min(1.0)
            };
        }
        out.retention_hours = (0..3).map(|t| coverage[t] * counts[t]).sum::<f64>() * v[P::RetentionHoursPerAccount];

        let early_life = v[P::EarlyLifeMonths] >= MIN_EARLY_LIFE_MONTHS;
        let early_graduation = if early_life { 1.0 / v[P::EarlyLifeMonths] } else { 1.0 };
        // Churn of all six cells in one aggregate draw.
        let mut counts = [0u64; 6];
        let mut hazards = [0.0; 6];
        for t in 0..3 {
            let s = service[t];
            let base = d.churn[t]
                * (1.0 + d.underservice_churn[t] * (1.0 - s))
                * (1.0 - v[P::RetentionEffect] * coverage[t])
                * reassigned;
            for stage in [EARLY, ESTABLISHED] {
                let factor = if stage == EARLY {
                    v[P::EarlyLifeChurn] * early_factor
                } else {
                    1.0
                };
                counts[2 * t + stage] = self.cells[t][stage].count;
                hazards[2 * t + stage] = (base * factor).min(1.0);
            }
        }
        let mut lost = [0u64; 6];
        out.churned = binomial_cells(churn_rng, &counts, &hazards, &mut lost);
        let mut referral_rate = 0.0;
        for t in 0..3 {
            let s = service[t];
            for stage in [EARLY, ESTABLISHED] {
                let cell = &mut self.cells[t][stage];
                out.churned_mrr += cell.remove(lost[2 * t + stage]);
                let grow = cell.mrr * v[P::ExpansionRate] * s;
                let shrink = cell.mrr * v[P::ContractionRate] * (1.0 - s);
                cell.mrr += grow - shrink;
                out.expansion += grow;
                out.contraction += shrink;
                referral_rate += cell.count as f64 * v[P::ReferralRate] * s;
            }
            // Leaving early life is ageing, not chance: the expected share
            // graduates, rounded up or down at random so the mean is exact.
            let expected = self.cells[t][EARLY].count as f64 * early_graduation;
            // expected is at most the cell's count, far inside the shortcut's range
            #[allow(clippy::cast_sign_loss)]
            let graduating = round_to_i64((expected + churn_rng.random::<f64>()).floor()).max(0) as u64;
            if graduating > 0 {
                let mrr = self.cells[t][EARLY].remove(graduating);
                let established = &mut self.cells[t][ESTABLISHED];
                established.count += graduating;
                established.mrr += mrr;
            }
        }
        if referrals_on {
            out.referrals = poisson(referral_rng, referral_rate);
        }
        self.admit_arrivals(early_life);
        out
    }
}

/// Above this many wins in a month, deal sizes are drawn per tier in
/// aggregate (a multinomial over tiers at each tier's mean size) instead of
/// one lognormal per deal, so a run costs the same for any volume.
const MAX_INDIVIDUAL_DEALS: u64 = 256;

/// Draws deal sizes for `wins` deals, onboards them into tiers; returns
/// (bookings in annual contract value, new MRR).
pub fn onboard_deals(rng: &mut SimRng, d: &Derived, book: &mut Book, wins: u64) -> (f64, f64) {
    let mut bookings = 0.0;
    if wins <= MAX_INDIVIDUAL_DEALS {
        // Counts and annual values are tallied per tier in locals, and each
        // tier is onboarded once with its MRR (the annual sum over twelve):
        // a branch, a memory update or a division per deal cost more.
        let mut count = [0u64; 3];
        let mut acv_sum = [0.0; 3];
        for _ in 0..wins {
            let z: f64 = StandardNormal.sample(rng);
            let acv = exp(d.acv_mu + d.acv_sigma * z);
            bookings += acv;
            let tier = d.tier_index(acv);
            count[tier] += 1;
            acv_sum[tier] += acv;
        }
        for tier in Tier::ALL {
            if count[tier as usize] > 0 {
                book.onboard(tier, count[tier as usize], acv_sum[tier as usize] / 12.0);
            }
        }
    } else {
        let mut left = wins;
        let mut share_left = 1.0;
        for tier in Tier::ALL {
            let share = d.tier_share[tier as usize];
            let n = if tier == Tier::LongTail {
                left
            } else {
                binomial(rng, left, if share_left > 0.0 { share / share_left } else { 0.0 })
            };
            left -= n;
            share_left -= share;
            let mrr = n as f64 * d.tier_mean_mrr[tier as usize];
            bookings += mrr * 12.0;
            book.onboard(tier, n, mrr);
        }
    }
    (bookings, bookings / 12.0)
}

/// Share of needed service delivered per tier.
fn service_ratio(counts: &[f64; 3], needed: &[f64; 3], hours: f64, tiered: bool) -> [f64; 3] {
    let mut ratio = [1.0; 3];
    if tiered {
        let mut left = hours;
        for t in 0..3 {
            if needed[t] > 0.0 {
                let given = left.min(needed[t]);
                left -= given;
                ratio[t] = given / needed[t];
            }
        }
    } else {
        // Without account-list management hours go to whoever asks, whatever
        // they spend: a shortfall is shared pro rata, so big accounts are
        // under-served as much as small ones.
        let total_needed: f64 = needed.iter().sum();
        if total_needed > hours {
            let share = hours / total_needed;
            for (t, r) in ratio.iter_mut().enumerate() {
                if needed[t] > 0.0 {
                    *r = share;
                }
            }
        }
        let _ = counts;
    }
    ratio
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiered_service_protects_big_accounts_and_pro_rata_service_spreads_thin() {
        let counts = [10.0, 50.0, 100.0];
        let needed = [60.0, 125.0, 100.0];
        let tiered = service_ratio(&counts, &needed, 150.0, true);
        assert!((tiered[0] - 1.0).abs() < 1e-12 && tiered[2] == 0.0);
        let even = service_ratio(&counts, &needed, 150.0, false);
        assert!(even[0] < 1.0 && even[2] > 0.0);
        let delivered: f64 = (0..3).map(|t| even[t] * needed[t]).sum();
        assert!(
            (delivered - 150.0).abs() < 1e-6,
            "even split must use every hour: {delivered}"
        );
    }

    /// A month of the starting book of `v` given `service_hours`, after
    /// onboarding `wins` core accounts; returns the book, the month and the
    /// number of accounts before the wins.
    fn month_after_wins(v: &Values, wins: u64, service_hours: fn(&Book, &Derived) -> f64) -> (Book, BookMonth, u64) {
        let d = Derived::new(v);
        let mut book = Book::new(v, &d);
        let hours = service_hours(&book, &d);
        let before = book.accounts();
        book.onboard(Tier::Core, wins, wins as f64 * 3_000.0);
        let mut churn_rng = crate::sim::rng::seeded(1);
        let mut referral_rng = crate::sim::rng::seeded(2);
        let out = book.month(
            &mut churn_rng,
            &mut referral_rng,
            v,
            &d,
            hours,
            false,
            0.0,
            1.0,
            1.0,
            true,
        );
        (book, out, before)
    }

    #[test]
    fn service_is_sized_and_judged_on_the_same_book() {
        // exactly the hours the book needed before a large month of wins
        let (_, out, _) = month_after_wins(&Values::defaults(), 500, Book::service_needed);
        let ratio = out.service_delivered / out.service_needed;
        assert!(
            (ratio - 1.0).abs() < 1e-12,
            "the book needing {} hours was served {}",
            out.service_needed,
            out.service_delivered
        );
    }

    #[test]
    fn this_months_wins_stay_even_when_every_other_account_leaves() {
        let mut v = Values::defaults();
        for id in [P::ChurnStrategic, P::ChurnCore, P::ChurnLongTail] {
            v[id] = id.spec().max;
        }
        // unserved and at the maximum under-service churn: every account's hazard reaches 1
        v[P::UnderserviceChurnStrategic] = P::UnderserviceChurnStrategic.spec().max;
        v[P::UnderserviceChurn] = P::UnderserviceChurn.spec().max;
        v[P::UnderserviceChurnLongTail] = P::UnderserviceChurnLongTail.spec().max;
        let (book, out, before) = month_after_wins(&v, 500, |_, _| 0.0);
        assert_eq!(out.churned, before, "the whole starting book leaves");
        assert_eq!(book.accounts(), 500, "{} churned of a book of {before}", out.churned);
    }

    #[test]
    fn enough_hours_serve_everyone_fully() {
        let counts = [1.0, 1.0, 1.0];
        let needed = [6.0, 2.5, 1.0];
        assert_eq!(service_ratio(&counts, &needed, 100.0, false), [1.0; 3]);
        assert_eq!(service_ratio(&counts, &needed, 100.0, true), [1.0; 3]);
    }
}

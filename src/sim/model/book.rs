//! The installed base: accounts by tier and life stage as (count, total
//! MRR) cells; service hours delivered against what each tier needs;
//! churn, expansion, contraction and referrals.
//!
//! A customer won this month joins the book at the month's end: it is being
//! onboarded, so it is neither served (the service hours were sized on the
//! book the month started with, and the service ratio is judged on that same
//! book) nor at risk of churning, expanding or referring until next month.
//!
//! A share of the book is on annual contracts (`accounts.annual_contract_share`):
//! those accounts churn only at renewal, in the month their contract year
//! ends, with the chance of twelve months of the monthly hazard (the first
//! renewal carries the early-life months), so the expected yearly churn is
//! the same and only its timing differs. They are held by months until
//! renewal; the rest are month-to-month.
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
use super::per::PerTier;
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
    /// Month-to-month accounts.
    pub cells: PerTier<[Cell; 2]>,
    /// Accounts on annual contracts, `[tier][first contract year, later][months until renewal]`:
    /// slot 0 renews this month.
    pub annual: PerTier<[[Cell; RENEWAL_MONTHS]; 2]>,
    /// Share of won accounts that sign an annual contract.
    annual_share: f64,
    /// Won this month, by tier, month-to-month and annual: they join the
    /// book at the end of [`Book::month`].
    arriving: PerTier<Cell>,
    arriving_annual: PerTier<Cell>,
}

/// Months of an annual contract.
const RENEWAL_MONTHS: usize = 12;

const EARLY: usize = 0;
const ESTABLISHED: usize = 1;
/// Below half a month (the parameter is a whole number, so at 0) there is no
/// early life: won accounts are established from the start.
const MIN_EARLY_LIFE_MONTHS: f64 = 0.5;

impl Book {
    /// The starting book: accounts split by tier like won deals, scaled to the starting ARR.
    #[must_use]
    pub fn new(v: &Values, d: &Derived) -> Self {
        let mut book = Book::default();
        let accounts = v[P::StartAccounts].max(0.0).round();
        let mut counts = PerTier::uniform(0u64);
        let mut assigned = 0u64;
        for tier in Tier::ALL {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let n = if tier == Tier::LongTail {
                (accounts as u64).saturating_sub(assigned)
            } else {
                (accounts * d.tier_share[tier]).round() as u64
            };
            counts[tier] = n;
            assigned += n;
        }
        let implied: f64 = Tier::ALL.iter().map(|&t| counts[t] as f64 * d.tier_mean_mrr[t]).sum();
        let scale = if implied > 0.0 {
            v[P::StartArr] / 12.0 / implied
        } else {
            0.0
        };
        book.annual_share = v[P::AnnualContractShare].clamp(0.0, 1.0);
        for tier in Tier::ALL {
            let mrr = d.tier_mean_mrr[tier] * scale;
            let (monthly, annual) = book.split(counts[tier]);
            book.cells[tier][ESTABLISHED] = Cell {
                count: monthly,
                mrr: monthly as f64 * mrr,
            };
            // The starting annual contracts renew evenly over the year.
            for slot in 0..RENEWAL_MONTHS {
                let n = (annual * (slot as u64 + 1)) / RENEWAL_MONTHS as u64
                    - (annual * slot as u64) / RENEWAL_MONTHS as u64;
                book.annual[tier][ESTABLISHED][slot] = Cell {
                    count: n,
                    mrr: n as f64 * mrr,
                };
            }
        }
        book
    }

    /// `count` accounts split into (month-to-month, annual) at the annual share.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn split(&self, count: u64) -> (u64, u64) {
        let annual = ((count as f64 * self.annual_share).round() as u64).min(count);
        (count - annual, annual)
    }

    fn annual_cells(&self, tier: Tier) -> impl Iterator<Item = &Cell> {
        self.annual[tier].iter().flatten()
    }

    #[must_use]
    pub fn accounts(&self) -> u64 {
        Tier::ALL.iter().map(|&t| self.accounts_in(t)).sum()
    }

    #[must_use]
    pub fn accounts_in(&self, tier: Tier) -> u64 {
        self.cells[tier]
            .iter()
            .chain(self.annual_cells(tier))
            .map(|c| c.count)
            .sum()
    }

    #[must_use]
    pub fn mrr(&self) -> f64 {
        Tier::ALL.iter().map(|&t| self.mrr_in(t)).sum()
    }

    #[must_use]
    pub fn mrr_in(&self, tier: Tier) -> f64 {
        self.cells[tier]
            .iter()
            .chain(self.annual_cells(tier))
            .map(|c| c.mrr)
            .sum()
    }

    /// Accounts on annual contracts.
    #[must_use]
    pub fn annual_accounts(&self) -> u64 {
        Tier::ALL
            .iter()
            .flat_map(|&t| self.annual_cells(t))
            .map(|c| c.count)
            .sum()
    }

    /// Service hours the book needs this month (this month's wins are not yet in it).
    #[must_use]
    pub fn service_needed(&self, d: &Derived) -> f64 {
        Tier::ALL
            .iter()
            .map(|&t| self.accounts_in(t) as f64 * d.service_hours[t])
            .sum()
    }

    /// Onboards won accounts: they count in the book from the end of this
    /// month's [`Book::month`], so they do not churn in the month they are won.
    pub fn onboard(&mut self, tier: Tier, count: u64, mrr: f64) {
        if count == 0 {
            return;
        }
        let (monthly, annual) = self.split(count);
        let each = mrr / count as f64;
        for (cell, n) in [
            (&mut self.arriving[tier], monthly),
            (&mut self.arriving_annual[tier], annual),
        ] {
            cell.count += n;
            cell.mrr += if n == count { mrr } else { each * n as f64 };
        }
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
        // A contract signed this month renews twelve months on.
        for (years, arriving) in self.annual.iter_mut().zip(&mut self.arriving_annual) {
            let cell = &mut years[EARLY][RENEWAL_MONTHS - 1];
            cell.count += arriving.count;
            cell.mrr += arriving.mrr;
            *arriving = Cell::default();
        }
    }

    /// A month passes on the annual contracts: those that renewed this month
    /// (slot 0) start a new contract year, the others come a month closer.
    fn age_annual_contracts(&mut self) {
        for years in &mut self.annual {
            let renewed = Cell {
                count: years[EARLY][0].count + years[ESTABLISHED][0].count,
                mrr: years[EARLY][0].mrr + years[ESTABLISHED][0].mrr,
            };
            for stage in &mut *years {
                stage.rotate_left(1);
                stage[RENEWAL_MONTHS - 1] = Cell::default();
            }
            years[ESTABLISHED][RENEWAL_MONTHS - 1] = renewed;
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
        let counts = PerTier::from_fn(|tier| self.accounts_in(tier) as f64);
        let needed = PerTier::from_fn(|tier| counts[tier] * d.service_hours[tier]);
        out.service_needed = needed.iter().sum();
        let service = service_ratio(&counts, &needed, service_hours.max(0.0), tiered);
        out.service_delivered = Tier::ALL.iter().map(|&t| service[t] * needed[t]).sum();

        // Retention managers cover accounts strategic-first when tiers exist, evenly otherwise.
        let coverable = retention_hours.max(0.0) / v[P::RetentionHoursPerAccount].max(1e-6);
        let total: f64 = counts.iter().sum();
        let mut coverage = PerTier::uniform(0.0);
        let mut left = coverable;
        for t in Tier::ALL {
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
        out.retention_hours =
            Tier::ALL.iter().map(|&t| coverage[t] * counts[t]).sum::<f64>() * v[P::RetentionHoursPerAccount];

        let early_life = v[P::EarlyLifeMonths] >= MIN_EARLY_LIFE_MONTHS;
        let early_graduation = if early_life { 1.0 / v[P::EarlyLifeMonths] } else { 1.0 };
        // Churn of all six cells in one aggregate draw.
        let mut counts = [0u64; 6];
        let mut hazards = [0.0; 6];
        for (t, tier) in Tier::ALL.into_iter().enumerate() {
            let s = service[tier];
            let base = d.churn[tier]
                * (1.0 + d.underservice_churn[tier] * (1.0 - s))
                * (1.0 - v[P::RetentionEffect] * coverage[tier])
                * reassigned;
            for stage in [EARLY, ESTABLISHED] {
                let factor = if stage == EARLY {
                    v[P::EarlyLifeChurn] * early_factor
                } else {
                    1.0
                };
                counts[2 * t + stage] = self.cells[tier][stage].count;
                hazards[2 * t + stage] = (base * factor).min(1.0);
            }
        }
        // Annual contracts renewing this month: twelve months of the hazard
        // at once, the first renewal with the early-life months in it.
        let early_months = v[P::EarlyLifeMonths].clamp(0.0, RENEWAL_MONTHS as f64);
        let mut renewing = [0u64; 6];
        let mut renewal_hazards = [0.0; 6];
        for (t, tier) in Tier::ALL.into_iter().enumerate() {
            let monthly = hazards[2 * t + ESTABLISHED];
            let early = hazards[2 * t + EARLY];
            let year = |first: bool| {
                let kept = if first {
                    (1.0 - early).powf(early_months) * (1.0 - monthly).powf(RENEWAL_MONTHS as f64 - early_months)
                } else {
                    (1.0 - monthly).powi(RENEWAL_MONTHS as i32)
                };
                (1.0 - kept).clamp(0.0, 1.0)
            };
            for stage in [EARLY, ESTABLISHED] {
                renewing[2 * t + stage] = self.annual[tier][stage][0].count;
                renewal_hazards[2 * t + stage] = year(stage == EARLY);
            }
        }
        let all_counts: [u64; 12] = std::array::from_fn(|i| if i < 6 { counts[i] } else { renewing[i - 6] });
        let all_hazards: [f64; 12] = std::array::from_fn(|i| if i < 6 { hazards[i] } else { renewal_hazards[i - 6] });
        let mut lost = [0u64; 12];
        out.churned = binomial_cells(churn_rng, &all_counts, &all_hazards, &mut lost);
        let mut referral_rate = 0.0;
        for (t, tier) in Tier::ALL.into_iter().enumerate() {
            let s = service[tier];
            let rates = (v[P::ExpansionRate] * s, v[P::ContractionRate] * (1.0 - s));
            for stage in [EARLY, ESTABLISHED] {
                out.churned_mrr += self.cells[tier][stage].remove(lost[2 * t + stage]);
                out.churned_mrr += self.annual[tier][stage][0].remove(lost[6 + 2 * t + stage]);
                let cells = std::iter::once(&mut self.cells[tier][stage]).chain(self.annual[tier][stage].iter_mut());
                for cell in cells {
                    let grow = cell.mrr * rates.0;
                    let shrink = cell.mrr * rates.1;
                    cell.mrr += grow - shrink;
                    out.expansion += grow;
                    out.contraction += shrink;
                    referral_rate += cell.count as f64 * v[P::ReferralRate] * s;
                }
            }
            // Leaving early life is ageing, not chance: the expected share
            // graduates, rounded up or down at random so the mean is exact.
            let expected = self.cells[tier][EARLY].count as f64 * early_graduation;
            // expected is at most the cell's count, far inside the shortcut's range
            #[allow(clippy::cast_sign_loss)]
            let graduating = round_to_i64((expected + churn_rng.random::<f64>()).floor()).max(0) as u64;
            if graduating > 0 {
                let mrr = self.cells[tier][EARLY].remove(graduating);
                let established = &mut self.cells[tier][ESTABLISHED];
                established.count += graduating;
                established.mrr += mrr;
            }
        }
        if referrals_on {
            out.referrals = poisson(referral_rng, referral_rate);
        }
        self.age_annual_contracts();
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
        let mut count = PerTier::uniform(0u64);
        let mut acv_sum = PerTier::uniform(0.0);
        for _ in 0..wins {
            let z: f64 = StandardNormal.sample(rng);
            let acv = exp(d.acv_mu + d.acv_sigma * z);
            bookings += acv;
            let tier = d.tier_of(acv);
            count[tier] += 1;
            acv_sum[tier] += acv;
        }
        for tier in Tier::ALL {
            if count[tier] > 0 {
                book.onboard(tier, count[tier], acv_sum[tier] / 12.0);
            }
        }
    } else {
        let mut left = wins;
        let mut share_left = 1.0;
        for tier in Tier::ALL {
            let share = d.tier_share[tier];
            let n = if tier == Tier::LongTail {
                left
            } else {
                binomial(rng, left, if share_left > 0.0 { share / share_left } else { 0.0 })
            };
            left -= n;
            share_left -= share;
            let mrr = n as f64 * d.tier_mean_mrr[tier];
            bookings += mrr * 12.0;
            book.onboard(tier, n, mrr);
        }
    }
    (bookings, bookings / 12.0)
}

/// Share of needed service delivered per tier.
fn service_ratio(counts: &PerTier<f64>, needed: &PerTier<f64>, hours: f64, tiered: bool) -> PerTier<f64> {
    let mut ratio = PerTier::uniform(1.0);
    if tiered {
        let mut left = hours;
        for t in Tier::ALL {
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
            for t in Tier::ALL {
                if needed[t] > 0.0 {
                    ratio[t] = share;
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
        let counts = PerTier::from([10.0, 50.0, 100.0]);
        let needed = PerTier::from([60.0, 125.0, 100.0]);
        let tiered = service_ratio(&counts, &needed, 150.0, true);
        assert!((tiered[Tier::Strategic] - 1.0).abs() < 1e-12 && tiered[Tier::LongTail] == 0.0);
        let even = service_ratio(&counts, &needed, 150.0, false);
        assert!(even[Tier::Strategic] < 1.0 && even[Tier::LongTail] > 0.0);
        let delivered: f64 = Tier::ALL.iter().map(|&t| even[t] * needed[t]).sum();
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
        // month to month, so every account may leave this month
        v[P::AnnualContractShare] = 0.0;
        let (book, out, before) = month_after_wins(&v, 500, |_, _| 0.0);
        assert_eq!(out.churned, before, "the whole starting book leaves");
        assert_eq!(book.accounts(), 500, "{} churned of a book of {before}", out.churned);
    }

    /// One month of `book` fully served, nothing won.
    fn served_month(book: &mut Book, v: &Values, d: &Derived, rng: &mut SimRng) -> BookMonth {
        let hours = book.service_needed(d);
        let mut referral_rng = crate::sim::rng::seeded(9);
        book.month(rng, &mut referral_rng, v, d, hours, false, 0.0, 1.0, 1.0, false)
    }

    #[test]
    fn annual_contracts_churn_only_at_renewal_and_a_new_one_not_before_its_first() {
        let mut v = Values::defaults();
        v[P::AnnualContractShare] = 1.0;
        for id in [P::ChurnStrategic, P::ChurnCore, P::ChurnLongTail] {
            v[id] = 0.3;
        }
        let d = Derived::new(&v);
        let mut book = Book::new(&v, &d);
        let start = book.accounts();
        assert_eq!(book.annual_accounts(), start);
        let mut rng = crate::sim::rng::seeded(3);
        // Month 1: only the twelfth renewing now can leave, at 1 − 0.7¹² ≈ 99%.
        let renewing: u64 = book.annual.iter().map(|years| years[ESTABLISHED][0].count).sum();
        book.onboard(Tier::Core, 50, 50.0 * 3_000.0);
        let out = served_month(&mut book, &v, &d, &mut rng);
        assert!(
            out.churned <= renewing && out.churned * 10 >= renewing * 9,
            "{} of {renewing}",
            out.churned
        );
        // The 50 won stay through their first contract year, then face renewal.
        let won_slot = |book: &Book| book.annual[Tier::Core][EARLY][RENEWAL_MONTHS - 1].count;
        assert_eq!(won_slot(&book), 50);
        for month in 2..=12 {
            let first_year: u64 = book
                .annual
                .iter()
                .flat_map(|years| years[EARLY].iter())
                .map(|c| c.count)
                .sum();
            served_month(&mut book, &v, &d, &mut rng);
            let after: u64 = book
                .annual
                .iter()
                .flat_map(|years| years[EARLY].iter())
                .map(|c| c.count)
                .sum();
            assert_eq!(
                after, first_year,
                "month {month}: a first-year contract left before renewal"
            );
        }
        let before_renewal = book.annual[Tier::Core][EARLY][0].count;
        assert_eq!(before_renewal, 50);
        served_month(&mut book, &v, &d, &mut rng);
        let renewed = book.annual[Tier::Core][ESTABLISHED][RENEWAL_MONTHS - 1].count;
        assert!(renewed < 5, "{renewed} of 50 renewed at a 30% monthly hazard");
    }

    #[test]
    fn annual_contracts_keep_the_yearly_churn_and_move_only_its_timing() {
        // Over a year of a fully served book with no wins, the expected
        // accounts lost are the same whether contracts are monthly or annual;
        // 400 books each, within 4 standard errors of the difference.
        let year = |share: f64, seed: u64| {
            let mut v = Values::defaults();
            v[P::AnnualContractShare] = share;
            v[P::EarlyLifeMonths] = 0.0;
            let d = Derived::new(&v);
            let mut book = Book::new(&v, &d);
            let mut rng = crate::sim::rng::seeded(seed);
            (0..12)
                .map(|_| served_month(&mut book, &v, &d, &mut rng).churned as f64)
                .sum::<f64>()
        };
        let (monthly, annual): (Vec<f64>, Vec<f64>) = (0..400).map(|s| (year(0.0, s), year(1.0, 10_000 + s))).unzip();
        let mean = |x: &[f64]| x.iter().sum::<f64>() / x.len() as f64;
        let var = |x: &[f64]| {
            let m = mean(x);
            x.iter().map(|y| (y - m).powi(2)).sum::<f64>() / (x.len() - 1) as f64
        };
        let se = ((var(&monthly) + var(&annual)) / 400.0).sqrt();
        let gap = mean(&annual) - mean(&monthly);
        assert!(
            gap.abs() < 4.0 * se,
            "annual {} vs monthly {} (SE {se})",
            mean(&annual),
            mean(&monthly)
        );
    }

    #[test]
    fn enough_hours_serve_everyone_fully() {
        let counts = PerTier::from([1.0, 1.0, 1.0]);
        let needed = PerTier::from([6.0, 2.5, 1.0]);
        assert_eq!(service_ratio(&counts, &needed, 100.0, false), [1.0; 3]);
        assert_eq!(service_ratio(&counts, &needed, 100.0, true), [1.0; 3]);
    }
}

//! Constants one run derives from its sampled parameters: the sales-cycle
//! hazard table, the deal-size tiers, the incentive multipliers.

use super::per::{PerRole, PerTier};
use crate::sim::params::{P, Values};
use crate::sim::rng::{ArrivalNoise, logit};
use crate::sim::scenario::Role;

use super::seats::SKILL_BANDS;

/// Longest opportunity shelf life the state can hold (the parameter's maximum).
pub const MAX_OPPORTUNITY_AGE: usize = 36;
/// Longest lead shelf life (the parameter's maximum).
pub const MAX_LEAD_AGE: usize = 12;
/// Effective hours never exceed this multiple of contracted hours.
pub const MAX_HOURS_MULTIPLIER: f64 = 1.3;
/// z-score of the 90th percentile.
const Z90: f64 = 1.281_551_565_544_600_5;

/// Account tiers by spend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    Strategic,
    Core,
    LongTail,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Strategic, Tier::Core, Tier::LongTail];
}

/// Per-run constants.
#[derive(Clone, Debug)]
pub struct Derived {
    /// Chance an open opportunity of age `a` months is decided this month, if fully worked.
    pub cycle_hazard: [f64; MAX_OPPORTUNITY_AGE],
    pub opportunity_max_age: usize,
    pub lead_expiry: usize,
    /// Lognormal deal size: ln of the median ACV and the sigma.
    pub acv_mu: f64,
    pub acv_sigma: f64,
    /// Lower MRR bounds of strategic and core.
    pub strategic_min_mrr: f64,
    pub core_min_mrr: f64,
    /// The same bounds on annual contract value (twelve months of MRR), so a
    /// deal's tier needs no division.
    pub strategic_min_acv: f64,
    pub core_min_acv: f64,
    /// Share of deals, and mean MRR of a deal, per tier (for the start book and large batches).
    pub tier_share: PerTier<f64>,
    pub tier_mean_mrr: PerTier<f64>,
    pub churn: PerTier<f64>,
    pub service_hours: PerTier<f64>,
    /// Extra churn per tier when an account gets none of its service.
    pub underservice_churn: PerTier<f64>,
    pub monthly_attrition: PerRole<f64>,
    /// Ramp per role rounded up to whole months: the tenure at which a seat
    /// is fully ramped for both hours and quota.
    pub ramp_whole_months: PerRole<u32>,
    /// Effort multiplier from the share of pay at risk, per role, normalised to the reference plan.
    pub pay_effort: PerRole<f64>,
    pub lead_to_meeting: f64,
    pub meeting_to_opportunity: f64,
    pub opportunity_to_win: f64,
    pub hiring_lag: f64,
    pub span_productivity: f64,
    pub span_attrition: f64,
    /// Monthly base pay of a filled seat per role, benefits included.
    pub monthly_base_pay: PerRole<f64>,
    /// Monthly variable pay at target of a seat per role.
    pub monthly_target_variable: PerRole<f64>,
    /// Monthly cost of a front-line manager (benefits on the base only).
    pub monthly_manager_cost: f64,
    /// Month-to-month variation of arrival rates.
    pub arrival_noise: ArrivalNoise,
    /// A seller's bookings from the same hours, per skill band relative to
    /// the bands' average: the midpoints of equally likely bands of a
    /// lognormal whose 90th-to-10th-percentile ratio is the seller spread.
    pub seller_skill: [f64; SKILL_BANDS],
}

impl Derived {
    #[must_use]
    pub fn new(v: &Values) -> Self {
        let max_age = usize_of(v[P::OpportunityMaxAge]).clamp(1, MAX_OPPORTUNITY_AGE);
        let acv_mu = v[P::AcvMedian].max(1.0).ln();
        let acv_sigma = v[P::AcvSpread].max(0.0);
        let strategic = v[P::StrategicMinMrr].max(v[P::CoreMinMrr]);
        let core = v[P::CoreMinMrr].min(v[P::StrategicMinMrr]);
        let (tier_share, tier_mean_mrr) = tier_split(acv_mu - 12f64.ln(), acv_sigma, strategic, core);
        let reference_span = v[P::SpanReference].max(1.0);
        let excess_span = ((v[P::SpanOfControl] - reference_span) / reference_span).max(0.0);
        let mut monthly_attrition = PerRole::uniform(0.0);
        let mut pay_effort = PerRole::uniform(1.0);
        for role in Role::ALL {
            let annual = v[role.attrition()].clamp(0.0, 1.0);
            monthly_attrition[role] = 1.0 - (1.0 - annual).powf(1.0 / 12.0);
            let effort =
                |share: f64| 1.0 + v[P::EffortElasticity] * (1.0 - (-share / v[P::EffortScale].max(1e-6)).exp());
            pay_effort[role] = effort(v[role.variable_share()]) / effort(role.variable_share().spec().default);
        }
        Derived {
            cycle_hazard: cycle_hazard(v[P::CycleMeanMonths], v[P::CycleP90Months]),
            opportunity_max_age: max_age,
            lead_expiry: usize_of(v[P::LeadExpiryMonths]).clamp(1, MAX_LEAD_AGE),
            acv_mu,
            acv_sigma,
            strategic_min_mrr: strategic,
            core_min_mrr: core,
            strategic_min_acv: strategic * 12.0,
            core_min_acv: core * 12.0,
            tier_share,
            tier_mean_mrr,
            churn: PerTier::from([v[P::ChurnStrategic], v[P::ChurnCore], v[P::ChurnLongTail]]),
            underservice_churn: PerTier::from([
                v[P::UnderserviceChurnStrategic],
                v[P::UnderserviceChurn],
                v[P::UnderserviceChurnLongTail],
            ]),
            service_hours: PerTier::from([
                v[P::ServiceHoursStrategic],
                v[P::ServiceHoursCore],
                v[P::ServiceHoursLongTail],
            ]),
            monthly_attrition,
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            ramp_whole_months: PerRole::from_fn(|role| v[role.ramp()].ceil() as u32),
            pay_effort,
            lead_to_meeting: logit(v[P::LeadToMeeting]),
            meeting_to_opportunity: logit(v[P::MeetingToOpportunity]),
            opportunity_to_win: logit(v[P::OpportunityToWin]),
            hiring_lag: v[P::HiringLagMonths].max(0.0),
            span_productivity: (1.0 - v[P::SpanProductivity] * excess_span)
                .clamp(v[P::SpanProductivityFloor].min(1.0), 1.0),
            span_attrition: 1.0 + v[P::SpanAttrition] * excess_span,
            monthly_base_pay: PerRole::from_fn(|role| {
                v[role.ote()] * (1.0 - v[role.variable_share()]) / 12.0 * v[P::BenefitsMultiplier]
            }),
            monthly_target_variable: PerRole::from_fn(|role| v[role.ote()] * v[role.variable_share()] / 12.0),
            monthly_manager_cost: v[P::ManagerOte] / 12.0
                * ((1.0 - v[P::ManagerVariableShare]) * v[P::BenefitsMultiplier] + v[P::ManagerVariableShare]),
            arrival_noise: ArrivalNoise::new(v[P::ArrivalDispersion]),
            seller_skill: seller_skill(v[P::SellerSpread]),
        }
    }

    /// Mean annual contract value of a won deal.
    #[must_use]
    pub fn mean_acv(&self) -> f64 {
        (self.acv_mu + 0.5 * self.acv_sigma * self.acv_sigma).exp()
    }

    /// The tier of a deal of annual contract value `acv`: strategic from its
    /// bound up, then core, then long tail. Without branches, since a deal's
    /// tier is chance (strategic's bound is never below core's).
    #[must_use]
    pub fn tier_of(&self, acv: f64) -> Tier {
        Tier::ALL[usize::from(acv < self.strategic_min_acv) + usize::from(acv < self.core_min_acv)]
    }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn usize_of(x: f64) -> usize {
    x.round().max(0.0) as usize
}

/// Sales cycle: lognormal decision time with the given mean and 90th
/// percentile, discretised to months. An opportunity created in a month is
/// taken to be half a month old at its first month-end.
fn cycle_hazard(mean: f64, p90: f64) -> [f64; MAX_OPPORTUNITY_AGE] {
    let mean = mean.max(0.1);
    let gap = (p90.max(mean * 1.01) / mean).ln();
    // mean = exp(mu + s²/2) and p90 = exp(mu + z s) give s²/2 − z s + gap = 0.
    let discriminant = Z90 * Z90 - 2.0 * gap;
    let sigma = if discriminant > 0.0 {
        (Z90 - discriminant.sqrt()).max(0.05)
    } else {
        Z90
    };
    let mu = mean.ln() - 0.5 * sigma * sigma;
    let cdf = |t: f64| {
        if t <= 0.0 {
            0.0
        } else {
            normal_cdf((t.ln() - mu) / sigma)
        }
    };
    let mut hazard = [1.0; MAX_OPPORTUNITY_AGE];
    for (age, h) in hazard.iter_mut().enumerate() {
        let start = cdf(age as f64 - 0.5);
        let end = cdf(age as f64 + 0.5);
        *h = if start >= 1.0 - 1e-12 {
            1.0
        } else {
            ((end - start) / (1.0 - start)).clamp(0.0, 1.0)
        };
    }
    hazard
}

/// Share of deals and mean MRR per tier for lognormal MRR (ln-median `mu`, sigma `s`).
fn tier_split(mu: f64, s: f64, strategic: f64, core: f64) -> (PerTier<f64>, PerTier<f64>) {
    let bounds = PerTier::from([(strategic, f64::INFINITY), (core, strategic), (0.0, core)]);
    let mut shares = PerTier::uniform(0.0);
    let mut means = PerTier::uniform(0.0);
    let mean_all = (mu + 0.5 * s * s).exp();
    for (tier, (low, high)) in Tier::ALL.into_iter().zip(bounds) {
        let z = |x: f64, shift: f64| {
            if x <= 0.0 {
                f64::NEG_INFINITY
            } else if x.is_infinite() {
                f64::INFINITY
            } else if s <= 1e-9 {
                if x.ln() - mu - shift > 0.0 {
                    f64::INFINITY
                } else {
                    f64::NEG_INFINITY
                }
            } else {
                (x.ln() - mu - shift) / s
            }
        };
        let share = phi(z(high, 0.0)) - phi(z(low, 0.0));
        let partial = mean_all * (phi(z(high, s * s)) - phi(z(low, s * s)));
        shares[tier] = share;
        means[tier] = if share > 1e-12 { partial / share } else { low.max(1.0) };
    }
    (shares, means)
}

fn phi(z: f64) -> f64 {
    if z == f64::INFINITY {
        1.0
    } else if z == f64::NEG_INFINITY {
        0.0
    } else {
        normal_cdf(z)
    }
}

/// Standard normal CDF via the complementary error function (Numerical
/// Recipes' Chebyshev fit, relative error below 1.2e-7).
#[must_use]
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * erfc(-z / std::f64::consts::SQRT_2)
}

fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98 + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

/// Standard normal quantiles at the middle of [`SKILL_BANDS`] equally likely
/// bands (10%, 30%, 50%, 70%, 90%).
const BAND_QUANTILES: [f64; SKILL_BANDS] = [-1.281_551_6, -0.524_400_5, 0.0, 0.524_400_5, 1.281_551_6];

/// Skill per band: the outer bands sit at the 10th and 90th percentiles, so
/// their ratio is `spread`; scaled so the bands average 1. Skill shares out
/// the team's bookings (see `Staff::credit_bookings`); it adds none.
fn seller_skill(spread: f64) -> [f64; SKILL_BANDS] {
    let sigma = spread.max(1.0).ln() / (2.0 * BAND_QUANTILES[SKILL_BANDS - 1]);
    let raw = BAND_QUANTILES.map(|z| (sigma * z).exp());
    let mean = raw.iter().sum::<f64>() / SKILL_BANDS as f64;
    raw.map(|skill| skill / mean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outer_skill_bands_are_the_spread_apart_and_the_bands_average_one() {
        for spread in [1.0, 2.5, 6.0] {
            let skill = seller_skill(spread);
            assert!(
                (skill[SKILL_BANDS - 1] / skill[0] - spread).abs() < 1e-9,
                "{spread}: {skill:?}"
            );
            assert!((skill.iter().sum::<f64>() / SKILL_BANDS as f64 - 1.0).abs() < 1e-12);
            assert!(skill.windows(2).all(|pair| pair[0] <= pair[1]));
        }
    }

    #[test]
    fn tiers_start_at_their_bounds() {
        let d = Derived::new(&Values::defaults());
        let (strategic, core) = (d.strategic_min_acv, d.core_min_acv);
        assert!(core < strategic);
        assert_eq!((strategic, core), (12.0 * d.strategic_min_mrr, 12.0 * d.core_min_mrr));
        assert_eq!(d.tier_of(strategic), Tier::Strategic);
        assert_eq!(d.tier_of(strategic * 10.0), Tier::Strategic);
        assert_eq!(d.tier_of(core), Tier::Core);
        assert_eq!(d.tier_of((core + strategic) / 2.0), Tier::Core);
        assert_eq!(d.tier_of(core * 0.99), Tier::LongTail);
        assert_eq!(d.tier_of(0.0), Tier::LongTail);
    }

    #[test]
    fn cycle_hazard_reproduces_the_mean_and_ninetieth_percentile() {
        let hazard = cycle_hazard(2.5, 5.0);
        let mut alive = 1.0;
        let mut mean = 0.0;
        let mut decided_by_5 = 0.0;
        for (age, h) in hazard.iter().enumerate() {
            let decided = alive * h;
            mean += decided * age as f64;
            if age <= 4 {
                decided_by_5 += decided;
            }
            alive -= decided;
        }
        // discretisation to whole months shifts each decision by at most half a month
        assert!((mean - 2.5).abs() < 0.5, "mean {mean}");
        assert!(
            (decided_by_5 - 0.9).abs() < 0.06,
            "decided within 5 months {decided_by_5}"
        );
    }

    #[test]
    fn tier_shares_sum_to_one_and_means_respect_bounds() {
        let (shares, means) = tier_split((24_000.0f64 / 12.0).ln(), 0.8, 6_000.0, 1_500.0);
        assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert!(
            means[Tier::Strategic] >= 6_000.0
                && means[Tier::Core] >= 1_500.0
                && means[Tier::Core] < 6_000.0
                && means[Tier::LongTail] < 1_500.0
        );
    }

    #[test]
    fn normal_cdf_matches_known_values() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.644_853_6) - 0.95).abs() < 1e-6);
        assert!((normal_cdf(-1.281_551_6) - 0.1).abs() < 1e-6);
    }
}

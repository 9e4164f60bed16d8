//! Display-ready views of summaries: bands per month, horizon
//! distributions with histograms, diagnostics (capacity use by role, work
//! lost by stage, the bottleneck), and comparison reports. These are what
//! the command line prints as JSON or CSV and what the app draws.

use std::fmt::Write as _;

use serde::Serialize;

use super::compare::{Comparison, DIFFERENCE_METRICS, Pair};
use super::metrics::{Metric, RunMetric};
use super::model::Prepared;
use super::model::calendar::Roles;
use super::params::P;
use super::rng::{logistic, logit};
use super::run::Summary;
use super::scenario::{Role, Scenario};
use super::sensitivity::Tornado;
use super::stats::{Accumulator, Bands, Histogram, RELATIVE_ERROR};

/// Bins of each horizon histogram at most (fewer when the sketch cannot
/// resolve that many over the range).
pub const HISTOGRAM_BINS: usize = 30;
/// Capacity use above which a role is called the bottleneck.
pub const OVERLOAD: f64 = 0.95;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonthBand {
    pub month: u32,
    #[serde(flatten)]
    pub bands: Bands,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MetricSeries {
    pub metric: &'static str,
    pub title: &'static str,
    pub unit: &'static str,
    pub months: Vec<MonthBand>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HorizonFigure {
    pub metric: &'static str,
    pub title: &'static str,
    pub unit: &'static str,
    pub bands: Option<Bands>,
    pub histogram: Option<Histogram>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleUse {
    pub role: &'static str,
    pub title: &'static str,
    /// Mean over runs and months of committed work ÷ hours available (above 1 = overloaded).
    pub mean_use: f64,
    /// Highest monthly mean.
    pub peak_use: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageLoss {
    pub stage: &'static str,
    pub title: &'static str,
    pub unit: &'static str,
    /// Mean per month over runs and months.
    pub per_month: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostics {
    pub capacity_use: Vec<RoleUse>,
    pub work_lost: Vec<StageLoss>,
    /// The most loaded role when its capacity use passes 95%, in plain words.
    pub bottleneck: Option<String>,
    /// Referral leads a new customer brings that become customers themselves, over its life.
    pub referral_feedback_gain: f64,
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub scenario: String,
    pub runs: u64,
    pub seed: u64,
    pub months: u32,
    /// Each reported quantile lies within this share of the exact quantile of the runs.
    pub quantile_relative_error: f64,
    pub monthly: Vec<MetricSeries>,
    pub horizon: Vec<HorizonFigure>,
    pub diagnostics: Diagnostics,
}

const UTILISATION: [(Metric, Metric, Role); 5] = [
    (
        Metric::UtilisationGeneralist,
        Metric::HeadcountGeneralist,
        Role::Generalist,
    ),
    (Metric::UtilisationSdr, Metric::HeadcountSdr, Role::Sdr),
    (Metric::UtilisationAe, Metric::HeadcountAe, Role::Ae),
    (Metric::UtilisationAm, Metric::HeadcountAm, Role::Am),
    (
        Metric::UtilisationRetention,
        Metric::HeadcountRetention,
        Role::Retention,
    ),
];

fn series(metric: Metric, by_month: &[Accumulator]) -> MetricSeries {
    MetricSeries {
        metric: metric.key(),
        title: metric.title(),
        unit: metric.unit(),
        months: by_month
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                a.bands().map(|bands| MonthBand {
                    month: i as u32 + 1,
                    bands,
                })
            })
            .collect(),
    }
}

#[must_use]
pub fn diagnostics(summary: &Summary, scenario: &Scenario) -> Diagnostics {
    let mut capacity_use = Vec::new();
    for (use_metric, head_metric, role) in UTILISATION {
        if summary.mean_over_months(head_metric) <= 0.0 {
            continue;
        }
        let peak = summary.monthly[use_metric as usize]
            .iter()
            .filter_map(Accumulator::mean)
            .fold(0.0, f64::max);
        capacity_use.push(RoleUse {
            role: role.key(),
            title: role.title(),
            mean_use: summary.mean_over_months(use_metric),
            peak_use: peak,
        });
    }
    let work_lost = vec![
        StageLoss {
            stage: "leads",
            title: "Leads lost unworked",
            unit: "leads per month",
            per_month: summary.mean_over_months(Metric::LeadsExpired),
        },
        StageLoss {
            stage: "meetings",
            title: "Meetings lost in hand-off or never held",
            unit: "meetings per month",
            per_month: summary.mean_over_months(Metric::MeetingsLost),
        },
        StageLoss {
            stage: "opportunities",
            title: "Opportunities lost to age or departures",
            unit: "opportunities per month",
            per_month: summary.mean_over_months(Metric::OpportunitiesTimedOut),
        },
        StageLoss {
            stage: "customers",
            title: "Customers lost",
            unit: "accounts per month",
            per_month: summary.mean_over_months(Metric::ChurnedCustomers),
        },
    ];
    // A role that prospects fills every spare hour with outreach, so its use
    // says nothing about a constraint; the others' overload still does.
    let in_force = scenario.restructuring.as_ref().map_or(&scenario.structure, |r| &r.to);
    let roles = Roles::of(in_force);
    let prospecting = roles.outbound.then(|| roles.prospector.key());
    let bottleneck = stage_bottleneck(summary, scenario).or_else(|| {
        let busiest = capacity_use
            .iter()
            .filter(|r| Some(r.role) != prospecting)
            .max_by(|a, b| a.mean_use.total_cmp(&b.mean_use));
        busiest.filter(|r| r.mean_use > OVERLOAD).map(|r| {
            format!(
                "{} are the bottleneck: the work they are given needs {:.0}% of their hours on average, so some of it is left undone.",
                r.title,
                r.mean_use * 100.0
            )
        })
    });
    let gain = referral_feedback_gain(scenario);
    let mut warnings = Vec::new();
    if gain >= 1.0 {
        warnings.push(format!(
            "Referrals feed themselves: each new customer brings {gain:.2} more over its life, so growth runs away. Lower referrals.rate_per_account or raise churn."
        ));
    }
    Diagnostics {
        capacity_use,
        work_lost,
        bottleneck,
        referral_feedback_gain: gain,
        warnings,
    }
}

/// The stage where the most volume is lost for want of hours, in plain
/// words, when its loss reaches the scenario's bottleneck share. Named by
/// stage, not by role: a role that fills every spare hour with prospecting
/// is fully used without being the constraint.
fn stage_bottleneck(summary: &Summary, scenario: &Scenario) -> Option<String> {
    let in_force = scenario.restructuring.as_ref().map_or(&scenario.structure, |r| &r.to);
    let roles = Roles::of(in_force);
    let mean = |metric| summary.mean_over_months(metric);
    let share = |lost: f64, of: f64| if of > 0.0 { lost / of } else { 0.0 };
    let stages = [
        (
            share(mean(Metric::LeadsExpired), mean(Metric::Leads)),
            format!(
                "leads: {{share}} of those that arrive expire unworked ({:.0} a month), because {} have no hours left for them",
                mean(Metric::LeadsExpired),
                roles.prospector.noun()
            ),
        ),
        (
            share(mean(Metric::MeetingsUnheld), mean(Metric::Meetings)),
            format!(
                "meetings: {{share}} of those booked are never held ({:.0} a month), because {} have no hours for them",
                mean(Metric::MeetingsUnheld),
                roles.seller.noun()
            ),
        ),
        (
            1.0 - mean(Metric::OpportunityWorkDone),
            format!(
                "opportunities: {{share}} of the work they need is not done, so deals stall and time out; {} are short of hours",
                roles.seller.noun()
            ),
        ),
        (
            1.0 - mean(Metric::ServiceLevel),
            format!(
                "accounts: {{share}} of the service they need is not given, which raises churn; {} are short of hours",
                roles.server.noun()
            ),
        ),
    ];
    let threshold = scenario.parameter_table()[P::BottleneckLossShare as usize].central();
    let (lost, words) = stages.into_iter().max_by(|a, b| a.0.total_cmp(&b.0))?;
    (lost >= threshold).then(|| {
        let words = words.replace("{share}", &format!("{:.0}%", 100.0 * lost));
        format!("The bottleneck is at {words}.")
    })
}

/// Expected customers won from the referrals of one customer over its
/// life, at the scenario's central parameter values.
#[must_use]
pub fn referral_feedback_gain(scenario: &Scenario) -> f64 {
    if !scenario.switches.referrals {
        return 0.0;
    }
    let table = Prepared::new(scenario).table().to_vec();
    let value = |id: P| table[id as usize].central();
    let churn = value(P::ChurnCore).max(1e-4);
    let lifetime = (1.0 / churn).min(120.0);
    let lead_to_meeting = logistic(logit(value(P::LeadToMeeting)) + value(P::ReferralQuality));
    let lead_to_win = lead_to_meeting * value(P::MeetingToOpportunity) * value(P::OpportunityToWin);
    value(P::ReferralRate) * lifetime * lead_to_win
}

#[must_use]
pub fn report(summary: &Summary, scenario: &Scenario) -> Report {
    Report {
        scenario: summary.scenario.clone(),
        runs: summary.runs,
        seed: summary.seed,
        months: summary.months,
        quantile_relative_error: RELATIVE_ERROR,
        monthly: Metric::ALL
            .iter()
            .map(|m| series(*m, &summary.monthly[*m as usize]))
            .collect(),
        horizon: RunMetric::ALL_RUN
            .iter()
            .map(|m| {
                let accumulator = summary.horizon(*m);
                HorizonFigure {
                    metric: m.key(),
                    title: m.title(),
                    unit: m.unit(),
                    bands: accumulator.bands(),
                    histogram: accumulator.histogram(HISTOGRAM_BINS),
                }
            })
            .collect(),
        diagnostics: diagnostics(summary, scenario),
    }
}

/// The report's month-by-month bands and horizon figures as CSV.
#[must_use]
pub fn to_csv(report: &Report) -> String {
    let mut out = String::from("scenario,metric,unit,month,p5,p10,p25,p50,p75,p90,p95,mean\n");
    let row = |out: &mut String, metric: &str, unit: &str, month: &str, b: &Bands| {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{}",
            csv_field(&report.scenario),
            metric,
            csv_field(unit),
            month,
            b.p5,
            b.p10,
            b.p25,
            b.p50,
            b.p75,
            b.p90,
            b.p95,
            b.mean
        );
    };
    for series in &report.monthly {
        for month in &series.months {
            row(
                &mut out,
                series.metric,
                series.unit,
                &month.month.to_string(),
                &month.bands,
            );
        }
    }
    for figure in &report.horizon {
        if let Some(bands) = &figure.bands {
            row(&mut out, figure.metric, figure.unit, "horizon", bands);
        }
    }
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PaybackView {
    /// Runs paid back in each month (month 1 first).
    pub runs_by_month: Vec<u64>,
    pub not_paid_back: u64,
    /// Share of runs paid back by each month.
    pub chance_paid_back_by: Vec<f64>,
    pub median_month: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairView {
    pub scenario: String,
    /// Month-by-month bands of this scenario minus the baseline.
    pub differences: Vec<MetricSeries>,
    /// Share of runs with more value created (cumulative contribution plus the change in the book's value) than the baseline, per month.
    pub chance_ahead: Vec<f64>,
    pub payback: PaybackView,
    pub horizon_difference: Option<Bands>,
    pub horizon_difference_histogram: Option<Histogram>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComparisonReport {
    pub baseline: String,
    pub runs: u64,
    pub seed: u64,
    pub months: u32,
    pub scenarios: Vec<Report>,
    pub pairs: Vec<PairView>,
    pub tornadoes: Vec<Tornado>,
}

fn pair_view(pair: &Pair, runs: u64) -> PairView {
    PairView {
        scenario: pair.scenario.clone(),
        differences: DIFFERENCE_METRICS
            .iter()
            .zip(&pair.differences)
            .map(|(m, by_month)| series(*m, by_month))
            .collect(),
        chance_ahead: pair.chance_ahead(runs),
        payback: PaybackView {
            runs_by_month: pair.payback.clone(),
            not_paid_back: pair.not_paid_back,
            chance_paid_back_by: pair.chance_paid_back_by(runs),
            median_month: pair.median_payback(runs),
        },
        horizon_difference: pair.horizon_difference.bands(),
        horizon_difference_histogram: pair.horizon_difference.histogram(HISTOGRAM_BINS),
    }
}

#[must_use]
pub fn comparison_report(comparison: &Comparison, scenarios: &[Scenario], tornadoes: Vec<Tornado>) -> ComparisonReport {
    ComparisonReport {
        baseline: comparison
            .summaries
            .first()
            .map(|s| s.scenario.clone())
            .unwrap_or_default(),
        runs: comparison.runs,
        seed: comparison.seed,
        months: comparison.months,
        scenarios: comparison
            .summaries
            .iter()
            .zip(scenarios)
            .map(|(s, scenario)| report(s, scenario))
            .collect(),
        pairs: comparison.pairs.iter().map(|p| pair_view(p, comparison.runs)).collect(),
        tornadoes,
    }
}

//! The model card: what the model includes and leaves out, every default
//! against its source, the ranges on uncertain inputs, and each preset's
//! headline outputs beside the range a revenue-operations analyst would
//! expect. `salesim card` prints it as Markdown (docs/MODEL-CARD.md is its
//! output), so it is regenerated from the engine rather than kept by hand.
//!
//! The headline figures are computed per run from the run's own flows (the
//! [`Ledger`]) and months, then summarised as median and P10–P90 over runs.

use std::fmt::Write as _;

use super::metrics::{Metric, MonthValues, RunMetric};
use super::model::{Ledger, Prepared, simulate_run};
use super::params::{CATALOGUE, P};
use super::presets::{self, Preset};
use super::stats::Accumulator;

/// A headline output and the range usually seen for it.
#[derive(Clone, Copy, Debug)]
pub struct Benchmark {
    pub key: &'static str,
    pub title: &'static str,
    /// How the figure is shown: a share as %, a multiple, months or a count.
    pub shown_as: Shown,
    pub low: f64,
    pub high: f64,
    pub source: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Percent,
    Multiple,
    Months,
    Count,
}

/// The headline outputs, in the order the card lists them.
pub const BENCHMARKS: [Benchmark; 15] = [
    Benchmark {
        key: "arr_growth",
        title: "ARR growth a year",
        shown_as: Shown::Percent,
        low: 0.15,
        high: 0.40,
        source: "private B2B SaaS surveys (KeyBanc / Sapphire): median growth about 20–30% a year",
    },
    Benchmark {
        key: "logo_churn",
        title: "Logo churn a year",
        shown_as: Shown::Percent,
        low: 0.10,
        high: 0.25,
        source: "mid-market B2B SaaS churn studies: about 1–2% of customers a month",
    },
    Benchmark {
        key: "net_revenue_retention",
        title: "Net revenue retention a year",
        shown_as: Shown::Percent,
        low: 0.95,
        high: 1.15,
        source: "private SaaS surveys: median about 100–105%, mid-market 95–115%",
    },
    Benchmark {
        key: "attainment",
        title: "Quota attainment (team bookings credited ÷ team quota)",
        shown_as: Shown::Percent,
        low: 0.70,
        high: 1.00,
        source: "sales compensation surveys: average attainment about 75–90%",
    },
    Benchmark {
        key: "median_seat_attainment",
        title: "The middle seller's attainment at the year's end",
        shown_as: Shown::Percent,
        low: 0.70,
        high: 1.00,
        source: "sales compensation surveys (Alexander Group, RepVue): the median seller ends the year at about 80–95% of quota",
    },
    Benchmark {
        key: "seats_at_quota",
        title: "Sellers at or above quota at the year's end",
        shown_as: Shown::Percent,
        low: 0.30,
        high: 0.70,
        source: "quota-attainment surveys: about 40–60% of sellers reach quota (RepVue and Salesforce State of Sales put it near half in recent years; plans are designed for 60–70%)",
    },
    Benchmark {
        key: "win_rate",
        title: "Win rate (won ÷ decided opportunities)",
        shown_as: Shown::Percent,
        low: 0.18,
        high: 0.30,
        source: "CRM benchmark reports: opportunity-to-win about 20–25% in mid-market B2B",
    },
    Benchmark {
        key: "meetings_per_sdr",
        title: "Meetings booked per SDR a month",
        shown_as: Shown::Count,
        low: 10.0,
        high: 20.0,
        source: "SDR benchmark surveys: about 12–15 qualified meetings a month",
    },
    Benchmark {
        key: "cac_payback",
        title: "CAC payback on gross margin (CAC ÷ a new customer's monthly gross profit)",
        shown_as: Shown::Months,
        low: 12.0,
        high: 24.0,
        source: "private SaaS surveys: median CAC payback about 15–20 months (on gross margin)",
    },
    Benchmark {
        key: "ltv_to_cac",
        title: "Lifetime gross profit of a new customer ÷ CAC",
        shown_as: Shown::Multiple,
        low: 3.0,
        high: 6.0,
        source: "common SaaS rule of thumb, on gross margin: at least 3×",
    },
    Benchmark {
        key: "acquisition_to_retention",
        title: "Winning a customer ÷ keeping one a year",
        shown_as: Shown::Multiple,
        low: 5.0,
        high: 25.0,
        source: "the article's 5×; business literature quotes 5–25×",
    },
    Benchmark {
        key: "sales_and_marketing_to_revenue",
        title: "Sales and marketing cost ÷ revenue",
        shown_as: Shown::Percent,
        low: 0.30,
        high: 0.50,
        source: "private SaaS surveys: sales and marketing about 30–50% of revenue for growing companies",
    },
    Benchmark {
        key: "comp_to_revenue",
        title: "Sales pay ÷ revenue (base, commission, bonuses and their payroll load, managers, sales leadership)",
        shown_as: Shown::Percent,
        low: 0.15,
        high: 0.35,
        source: "derived from the surveys above: sales and marketing 30–50% of revenue, of which people cost about half to two thirds",
    },
    Benchmark {
        key: "contribution_margin",
        title: "Contribution ÷ revenue (gross profit less sales and marketing cost)",
        shown_as: Shown::Percent,
        low: 0.20,
        high: 0.45,
        source: "derived: a 70–80% SaaS gross margin less 30–50% of revenue on sales and marketing",
    },
    Benchmark {
        key: "book_value_to_arr",
        title: "Value of the customer book at the horizon ÷ ARR",
        shown_as: Shown::Multiple,
        low: 1.5,
        high: 3.0,
        source: "derived: a 70–80% gross margin over 3–5 years of remaining life, discounted at 10% a year, is about 1.5–3 years of revenue (acquirers pay 3–8× ARR for SaaS companies, growth included)",
    },
];

/// Sums over one run's months that the headline figures need.
#[derive(Default)]
struct MonthSums {
    revenue: f64,
    gross_profit: f64,
    contribution: f64,
    costs: f64,
    customer_months: f64,
    sdr_months: f64,
    meetings_by_sdrs: f64,
    quota_months: f64,
}

impl MonthSums {
    fn add(&mut self, m: &MonthValues, quotas: (f64, f64)) {
        self.revenue += m[Metric::Revenue];
        self.gross_profit += m[Metric::GrossProfit];
        self.contribution += m[Metric::Contribution];
        self.costs += m[Metric::Costs];
        self.customer_months += m[Metric::Customers];
        if m[Metric::HeadcountSdr] > 0.0 {
            self.sdr_months += m[Metric::HeadcountSdr];
            self.meetings_by_sdrs += m[Metric::Meetings];
        }
        // A month of a seat's annual quota.
        self.quota_months += (m[Metric::HeadcountGeneralist] * quotas.0 + m[Metric::HeadcountAe] * quotas.1) / 12.0;
    }
}

/// One run's headline figures, in [`BENCHMARKS`] order (`NaN` when the
/// figure does not apply, e.g. meetings per SDR without SDRs).
fn headline(ledger: &Ledger, sums: &MonthSums, totals: &super::metrics::RunValues, months: u32) -> [f64; 15] {
    let years = f64::from(months) / 12.0;
    let arr_growth = if ledger.mrr_start > 0.0 {
        (ledger.mrr_end / ledger.mrr_start).powf(1.0 / years) - 1.0
    } else {
        f64::NAN
    };
    let customer_years = (sums.customer_months / 12.0).max(1e-9);
    let logo_churn = ledger.accounts_churned as f64 / customer_years;
    // Net retention: what a year of the book keeps, expansion included, of
    // its average recurring revenue (revenue is the month's MRR).
    let mrr_years = (sums.revenue / 12.0).max(1e-9);
    let net_retention = 1.0 + (ledger.mrr_expansion - ledger.mrr_contraction - ledger.mrr_churned) / mrr_years;
    let attainment = if sums.quota_months > 0.0 {
        ledger.credited_to_quota / sums.quota_months
    } else {
        f64::NAN
    };
    let seat_years = &ledger.seat_years;
    let (median_seat_attainment, seats_at_quota) = if seat_years.seats > 0 {
        (
            seat_years.median_sum / f64::from(seat_years.years),
            seat_years.at_quota as f64 / seat_years.seats as f64,
        )
    } else {
        (f64::NAN, f64::NAN)
    };
    let decided = ledger.opportunities_won + ledger.opportunities_lost;
    let win_rate = if decided > 0 {
        ledger.opportunities_won as f64 / decided as f64
    } else {
        f64::NAN
    };
    let meetings_per_sdr = if sums.sdr_months > 0.0 {
        sums.meetings_by_sdrs / sums.sdr_months
    } else {
        f64::NAN
    };
    let revenue = sums.revenue.max(1e-9);
    let gross_margin = sums.gross_profit / revenue;
    let new_gross_profit_per_customer = ledger.mrr_new / (ledger.accounts_won.max(1) as f64) * gross_margin;
    let cac_payback = totals[RunMetric::Cac] / new_gross_profit_per_customer.max(1e-9);
    let sales_and_marketing = sums.costs / revenue;
    let c = &ledger.costs;
    let pay = c.base_pay + c.commission + c.bonuses + c.variable_pay_load + c.managers + c.leadership;
    let book_value_to_arr = if totals[RunMetric::EndingArr] > 0.0 {
        totals[RunMetric::HorizonBookValue] / totals[RunMetric::EndingArr]
    } else {
        f64::NAN
    };
    [
        arr_growth,
        logo_churn,
        net_retention,
        attainment,
        median_seat_attainment,
        seats_at_quota,
        win_rate,
        meetings_per_sdr,
        cac_payback,
        totals[RunMetric::LtvToCac],
        totals[RunMetric::AcquisitionToRetention],
        sales_and_marketing,
        pay / revenue,
        sums.contribution / revenue,
        book_value_to_arr,
    ]
}

/// Median and P10–P90 of each headline figure over `runs` runs of `preset`.
#[must_use]
pub fn headline_figures(preset: &Preset, runs: u64, seed: u64) -> Vec<Accumulator> {
    let prepared = Prepared::new(&preset.scenario);
    let table = prepared.table();
    let quotas = (
        table[P::GeneralistQuota as usize].central(),
        table[P::AeQuota as usize].central(),
    );
    let months = preset.scenario.months;
    let mut figures = vec![Accumulator::new(); BENCHMARKS.len()];
    let mut ledger = Ledger::default();
    for run in 0..runs {
        let mut sums = MonthSums::default();
        let totals = simulate_run(&prepared, seed, run, &mut ledger, |_, m| sums.add(m, quotas));
        for (accumulator, value) in figures.iter_mut().zip(headline(&ledger, &sums, &totals, months)) {
            // Not-a-number (a figure that does not apply) is counted as rejected.
            accumulator.insert(value);
        }
    }
    figures
}

fn shown(value: f64, how: Shown) -> String {
    if !value.is_finite() {
        return "n/a".to_owned();
    }
    match how {
        Shown::Percent => format!("{:.0}%", value * 100.0),
        Shown::Multiple => format!("{value:.1}×"),
        Shown::Months => format!("{value:.0} months"),
        Shown::Count => format!("{value:.1}"),
    }
}

/// "in range", "below" or "above" for a median.
#[must_use]
pub fn verdict(median: f64, benchmark: &Benchmark) -> &'static str {
    if !median.is_finite() {
        "n/a"
    } else if median < benchmark.low {
        "below"
    } else if median > benchmark.high {
        "above"
    } else {
        "in range"
    }
}

/// The card as Markdown, its figures from `runs` runs of every preset.
#[must_use]
pub fn model_card(runs: u64, seed: u64) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Model card: the Sales Restructuring Simulator\n");
    let _ = writeln!(
        out,
        "Generated by `salesim card --runs {runs} --seed {seed}`; do not edit by hand.\n"
    );
    out.push_str(INCLUDES);
    headline_table(&mut out, runs, seed);
    uncertain_inputs(&mut out);
    defaults(&mut out);
    out
}

const INCLUDES: &str = "## What the model includes and leaves out

It includes, month by month and per possible future: lead channels
(inbound marketing with diminishing returns and carry-over, trade shows,
an agency, referrals, outbound prospecting), the funnel from lead to
meeting to opportunity to deal, hand-offs between specialised roles and
what they lose, sellers' hours and what takes them (serving accounts,
selling, prospecting, recruiting), deal sizes, account tiers, service,
churn and expansion (annual and monthly contracts), people (ramp,
attrition, vacancies, hiring, managers and their spans, a skill per
selling seat), pay (base, commission with per-seat quotas and
accelerators, meeting and retention bonuses, a team pool), a
restructuring's dip, attrition spike and one-time costs, and the money
these make and cost. Every run starts in the starting structure's steady
state: a year or more of it runs unreported before month 1, so month 1
opens with a pipeline, a lead queue and year-to-date figures.

Money: gross profit is recurring revenue × the gross margin
(`money.gross_margin`, the cost of delivering and supporting the product
taken off). The sales and marketing cost is every cost line of the month:
base pay with its benefits load, commission and bonuses with their payroll
load (`money.variable_pay_load`), front-line managers, sales leadership (a
head of sales and revenue operations, `money.sales_leadership_cost`),
sales tools per filled seat (`money.sales_tools_per_seat`), marketing, the
agency, training, recruiting and restructuring. **Contribution** is gross
profit less that cost. The **value of the customer book** is the gross
profit the accounts on the books are expected to bring over the rest of
their lives: each tier's MRR × gross margin × Σ over the next L months of
((1 − h) δ)^k, with h the tier's monthly churn when fully served (a
shortfall of service raises churn while the simulation runs, so an
under-served book reaches the horizon smaller), δ the monthly discount factor of
`money.discount_rate` and L = `money.ltv_horizon_months`. Comparisons, the
payback month, the chance of being ahead and the tornado judge
**value created**: cumulative contribution plus the change in the book's
value since the start, so that spending now to win customers is credited
with the customers won; the plain contribution is reported beside it.
CAC payback and LTV:CAC are on gross margin.

It leaves out: overheads outside sales and marketing (research and
development, general and administrative), the growth of the book's
accounts after the horizon (it is valued at its MRR of the horizon), prices,
discounting and competitors, and any effect of the economy or the market
beyond the seasonality of leads. Sellers differ in skill (the seller
spread): it decides who closes the team's deals, and so each seat's
attainment, pay and chance of leaving, but the team's pipeline converts at
the funnel's rates whoever works it, so replacing weak sellers with average
ones adds no bookings.

";

/// Why a headline lands outside its usual range, where the model is right
/// to differ; printed under the table whenever a preset's median is outside.
const WHY_OUTSIDE: &[(&str, &str)] = &[
    (
        "cac_payback",
        "The surveys' CAC counts all sales and marketing spend, brand and product marketing and their people included; this model counts the lead channels and the sales organisation only, so its CAC is lower and the structures that buy meetings from an agency or hand leads to AEs pay back a month or two sooner than the surveys' range.",
    ),
    (
        "acquisition_to_retention",
        "The specialised structures put all of their account and retention managers' pay on keeping customers, work the surveys' 5–25× figures (the article's 5×) mostly leave to customer-success budgets outside sales, so keeping a customer costs more here and the ratio falls just under 5×.",
    ),
    (
        "seats_at_quota",
        "The presets that reorganise in month 6 carry the productivity dip and the re-roled sellers' ramp through their first fiscal year, against a full year's quota: fewer of their sellers reach quota that year, the cost of change the article warns of.",
    ),
];

fn headline_table(out: &mut String, runs: u64, seed: u64) {
    let presets = presets::all();
    let _ = writeln!(out, "## Each preset's headline outputs against the usual range\n");
    let _ = writeln!(
        out,
        "Median (P10–P90) over {runs} runs of each preset, seed {seed}. \"below\" or \"above\" marks a median outside the usual range.\n"
    );
    let figures: Vec<Vec<Accumulator>> = presets.iter().map(|p| headline_figures(p, runs, seed)).collect();
    for (index, benchmark) in BENCHMARKS.iter().enumerate() {
        let _ = writeln!(
            out,
            "### {}\n\nUsual range {} to {} ({}).\n",
            benchmark.title,
            shown(benchmark.low, benchmark.shown_as),
            shown(benchmark.high, benchmark.shown_as),
            benchmark.source
        );
        let _ = writeln!(out, "| preset | median | P10–P90 | |\n|---|---|---|---|");
        for (preset, figures) in presets.iter().zip(&figures) {
            let accumulator = &figures[index];
            let (median, p10, p90) = match accumulator.bands() {
                Some(b) => (b.p50, b.p10, b.p90),
                None => (f64::NAN, f64::NAN, f64::NAN),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} to {} | {} |",
                preset.title,
                shown(median, benchmark.shown_as),
                shown(p10, benchmark.shown_as),
                shown(p90, benchmark.shown_as),
                verdict(median, benchmark)
            );
        }
        let outside = figures.iter().any(|f| {
            f[index]
                .bands()
                .is_some_and(|b| !matches!(verdict(b.p50, benchmark), "in range" | "n/a"))
        });
        if let Some((_, why)) = WHY_OUTSIDE
            .iter()
            .find(|(key, _)| *key == benchmark.key)
            .filter(|_| outside)
        {
            let _ = writeln!(out, "\nWhy it differs: {why}");
        }
        out.push('\n');
    }
}

fn uncertain_inputs(out: &mut String) {
    let _ = writeln!(out, "## Ranges on uncertain inputs\n");
    let mut rows = Vec::new();
    for preset in presets::all() {
        for (path, value) in &preset.scenario.parameters {
            if value.is_fixed() {
                continue;
            }
            let row = format!("| `{path}` | {} |", serde_json::to_string(value).unwrap_or_default());
            if !rows.contains(&row) {
                rows.push(row);
            }
        }
    }
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "No preset has an uncertain input: every band shows only the chance in the model.\n"
        );
        return;
    }
    let _ = writeln!(
        out,
        "Drawn once per run, the same draw for every scenario of a comparison.\n"
    );
    let _ = writeln!(out, "| parameter | range |\n|---|---|");
    for row in rows {
        let _ = writeln!(out, "{row}");
    }
    out.push('\n');
}

fn defaults(out: &mut String) {
    let _ = writeln!(out, "## Every default and its source\n");
    let _ = writeln!(
        out,
        "| parameter | default | unit | allowed | source |\n|---|---|---|---|---|"
    );
    for spec in CATALOGUE {
        let _ = writeln!(
            out,
            "| {} (`{}`) | {} | {} | {} to {} | {} |",
            spec.label,
            spec.path,
            spec.default,
            spec.unit.label(),
            spec.min,
            spec.max,
            spec.source.replace('|', "/")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_say_where_a_median_lies() {
        let b = BENCHMARKS[BENCHMARKS.iter().position(|b| b.key == "win_rate").expect("benchmark")];
        assert_eq!(verdict(0.10, &b), "below");
        assert_eq!(verdict(0.22, &b), "in range");
        assert_eq!(verdict(0.40, &b), "above");
        assert_eq!(verdict(f64::NAN, &b), "n/a");
    }

    #[test]
    fn headline_figures_follow_their_definitions() {
        let preset = presets::find("specialised").expect("preset");
        let figures = headline_figures(&preset, 40, 7);
        let median = |key: &str| {
            let i = BENCHMARKS.iter().position(|b| b.key == key).expect("benchmark");
            figures[i].quantile(0.5).unwrap_or(f64::NAN)
        };
        // Shares lie in [0, 1]; the specialised preset has SDRs, so meetings per SDR applies.
        for key in ["logo_churn", "win_rate"] {
            assert!((0.0..=1.0).contains(&median(key)), "{key}: {}", median(key));
        }
        assert!(median("meetings_per_sdr") > 0.0);
        assert!(median("cac_payback") > 0.0);
        // The generalist preset has no SDRs: the figure does not apply.
        let generalist = headline_figures(&presets::find("generalist").expect("preset"), 10, 7);
        let sdr = BENCHMARKS
            .iter()
            .position(|b| b.key == "meetings_per_sdr")
            .expect("benchmark");
        assert_eq!(generalist[sdr].count(), 0);
    }

    #[test]
    fn the_card_lists_every_preset_and_every_parameter() {
        let card = model_card(20, 1);
        for preset in presets::all() {
            assert!(card.contains(preset.title), "{}", preset.title);
        }
        for spec in CATALOGUE {
            assert!(card.contains(spec.path), "{}", spec.path);
        }
        for benchmark in BENCHMARKS {
            assert!(card.contains(benchmark.title));
        }
    }

    #[test]
    fn every_headline_outside_its_usual_range_says_why() {
        let card = model_card(500, 1);
        for section in card.split("\n### ").skip(1) {
            let title = section.lines().next().unwrap_or_default();
            let outside = section
                .lines()
                .any(|l| l.ends_with("| below |") || l.ends_with("| above |"));
            assert!(
                !outside || section.contains("Why it differs: "),
                "{title}: a preset is outside the usual range and the card does not say why"
            );
        }
    }
}

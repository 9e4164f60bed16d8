//! Money that means what it says: gross margin scales contribution, the
//! customer book's value follows its closed form, the cost lines of sales
//! tools, payroll load on variable pay and sales leadership are charged and
//! add up, and comparisons judge value created (contribution plus the change
//! in the book's value), so a scenario that buys customers is credited with
//! them.

mod common;

use common::{Estimate, paired};
use salesim::sim::compare::{DIFFERENCE_METRICS, JUDGED, compare};
use salesim::sim::metrics::{Metric, MonthValues, RunMetric, RunValues};
use salesim::sim::model::{Ledger, Prepared, simulate_run};
use salesim::sim::params::P;
use salesim::sim::presets::{self, generalist_structure};
use salesim::sim::scenario::Scenario;

const SEED: u64 = 2_026_120;

/// One run of `scenario`: its months, ledger and run figures.
fn one_run(scenario: &Scenario, run: u64) -> (Vec<MonthValues>, Ledger, RunValues) {
    let mut ledger = Ledger::default();
    let mut months = Vec::new();
    let totals = simulate_run(&Prepared::new(scenario), SEED, run, &mut ledger, |_, v| months.push(*v));
    (months, ledger, totals)
}

/// The generalist company with every input a fixed number.
fn fixed_generalist() -> Scenario {
    Scenario::new("fixed generalist", generalist_structure())
}

fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-9 * scale.abs().max(1.0)
}

#[test]
fn gross_margin_scales_contribution_exactly() {
    let margins = [1.0, 0.75, 0.4];
    for run in 0..5 {
        let runs: Vec<_> = margins
            .iter()
            .map(|&g| one_run(&fixed_generalist().with(P::GrossMargin, g), run))
            .collect();
        let (reference, _, _) = &runs[0];
        for ((months, _, totals), g) in runs.iter().zip(margins) {
            let mut revenue = 0.0;
            let mut costs = 0.0;
            for (month, (m, r)) in months.iter().zip(reference).enumerate() {
                // The margin changes what revenue is worth, nothing the company does.
                assert_eq!(m[Metric::Revenue], r[Metric::Revenue], "run {run} month {}", month + 1);
                assert_eq!(m[Metric::Costs], r[Metric::Costs], "run {run} month {}", month + 1);
                assert!(close(
                    m[Metric::GrossProfit],
                    g * m[Metric::Revenue],
                    m[Metric::Revenue]
                ));
                let expected = g * m[Metric::Revenue] - m[Metric::Costs];
                assert!(
                    close(m[Metric::Contribution], expected, m[Metric::Revenue]),
                    "run {run} month {}: contribution {} at margin {g}, expected {expected}",
                    month + 1,
                    m[Metric::Contribution]
                );
                revenue += m[Metric::Revenue];
                costs += m[Metric::Costs];
            }
            let expected = g * revenue - costs;
            assert!(
                close(totals[RunMetric::HorizonContribution], expected, revenue),
                "run {run}: horizon contribution {} at margin {g}, expected {expected}",
                totals[RunMetric::HorizonContribution]
            );
        }
        // At a margin of 100% contribution is what used to be called profit: revenue less costs.
        let (months, _, _) = &runs[0];
        let last = months.last().expect("months");
        let sums = months
            .iter()
            .fold(0.0, |sum, m| sum + m[Metric::Revenue] - m[Metric::Costs]);
        assert!(close(last[Metric::CumulativeContribution], sums, sums));
    }
}

/// Discounted months of gross profit of a dollar of MRR at churn `h`,
/// summed month by month (not the engine's closed form).
fn remaining_months_by_sum(h: f64, annual_rate: f64, months: i32) -> f64 {
    let q = (1.0 - h) * (1.0 + annual_rate).powf(-1.0 / 12.0);
    (1..=months).map(|k| q.powi(k)).sum()
}

#[test]
fn the_value_of_a_book_with_known_churn_and_discount_matches_its_closed_form() {
    let (h, rate, life, margin) = (0.02, 0.12, 48, 0.7);
    // Every tier churns at the same rate, whatever its service or age.
    let scenario = fixed_generalist()
        .with(P::ChurnStrategic, h)
        .with(P::ChurnCore, h)
        .with(P::ChurnLongTail, h)
        .with(P::DiscountRate, rate)
        .with(P::LtvHorizonMonths, f64::from(life))
        .with(P::GrossMargin, margin);
    let per_dollar = remaining_months_by_sum(h, rate, life);
    let closed_form = {
        let q = (1.0 - h) * (1.0 + rate).powf(-1.0 / 12.0);
        q * (1.0 - q.powi(life)) / (1.0 - q)
    };
    assert!((per_dollar - closed_form).abs() < 1e-9);
    for run in 0..5 {
        let (months, ledger, totals) = one_run(&scenario, run);
        let start_mrr = P::StartArr.spec().default / 12.0;
        let start_value = start_mrr * margin * per_dollar;
        assert!(
            close(ledger.book_value_start, start_value, start_value),
            "the starting book is worth {}, expected {start_value}",
            ledger.book_value_start
        );
        for (month, m) in months.iter().enumerate() {
            let expected = m[Metric::Revenue] * margin * per_dollar;
            assert!(
                close(m[Metric::BookValue], expected, expected),
                "run {run} month {}: book value {}, expected {expected}",
                month + 1,
                m[Metric::BookValue]
            );
            let created = m[Metric::CumulativeContribution] + m[Metric::BookValue] - start_value;
            assert!(close(m[Metric::ValueCreated], created, start_value));
        }
        let last = months.last().expect("months");
        assert!(close(
            totals[RunMetric::HorizonBookValue],
            last[Metric::BookValue],
            start_value
        ));
        assert!(close(
            totals[RunMetric::BookValueChange],
            last[Metric::BookValue] - start_value,
            start_value
        ));
        assert!(close(
            totals[RunMetric::HorizonValueCreated],
            totals[RunMetric::HorizonContribution] + totals[RunMetric::BookValueChange],
            start_value
        ));
    }
}

#[test]
fn sales_tools_payroll_load_on_variable_pay_and_sales_leadership_are_charged_and_add_up() {
    for id in ["generalist", "specialised", "restructure"] {
        let scenario = presets::find(id).expect("preset").scenario;
        let without = scenario
            .clone()
            .with(P::SalesToolsPerSeat, 0.0)
            .with(P::VariablePayLoad, 1.0)
            .with(P::SalesLeadershipCost, 0.0);
        for run in 0..3 {
            let (months, ledger, _) = one_run(&scenario, run);
            let (months_without, ledger_without, _) = one_run(&without, run);
            let lines = &ledger.costs;
            let v = Prepared::new(&scenario).values(SEED, run);

            let seat_months: f64 = months
                .iter()
                .map(|m| {
                    [
                        Metric::HeadcountGeneralist,
                        Metric::HeadcountSdr,
                        Metric::HeadcountAe,
                        Metric::HeadcountAm,
                        Metric::HeadcountRetention,
                        Metric::Managers,
                    ]
                    .iter()
                    .map(|metric| m[*metric])
                    .sum::<f64>()
                })
                .sum();
            let tools = v[P::SalesToolsPerSeat] * seat_months;
            assert!(
                tools > 0.0 && close(lines.sales_tools, tools, tools),
                "{id}: tools {} ≠ {tools}",
                lines.sales_tools
            );

            let leadership = v[P::SalesLeadershipCost] * months.len() as f64;
            assert!(
                leadership > 0.0 && close(lines.leadership, leadership, leadership),
                "{id}"
            );

            let manager_months: f64 = months.iter().map(|m| m[Metric::Managers]).sum();
            let variable = lines.commission
                + lines.bonuses
                + manager_months * v[P::ManagerOte] * v[P::ManagerVariableShare] / 12.0;
            let load = (v[P::VariablePayLoad] - 1.0) * variable;
            assert!(
                load > 0.0 && close(lines.variable_pay_load, load, load),
                "{id}: load {} ≠ {load}",
                lines.variable_pay_load
            );

            // The months' costs are the cost lines, line by line.
            let costs: f64 = months.iter().map(|m| m[Metric::Costs]).sum();
            assert!(close(lines.total(), costs, costs), "{id}: {} ≠ {costs}", lines.total());
            // Without the three lines nothing else changes and costs fall by exactly them.
            let costs_without: f64 = months_without.iter().map(|m| m[Metric::Costs]).sum();
            assert_eq!(ledger_without.costs.base_pay, lines.base_pay, "{id}");
            assert_eq!(ledger_without.costs.commission, lines.commission, "{id}");
            assert!(
                close(costs - costs_without, tools + leadership + load, costs),
                "{id}: the three lines add {} to costs, expected {}",
                costs - costs_without,
                tools + leadership + load
            );
        }
    }
}

#[test]
fn a_company_that_hires_sellers_is_judged_with_the_customers_they_win() {
    // Six more generalists cost more in pay than their first two years of
    // deals bring in contribution, but the customers they win are worth
    // their future gross profit: judged on value created they pay back.
    let runs = 400;
    let months = 24;
    let mut base = presets::find("generalist").expect("preset").scenario.on_horizon(months);
    base.name = "base".to_owned();
    let mut more = base.clone();
    more.name = "six more generalists".to_owned();
    more.structure.headcount.generalist += 6;

    let contribution = paired(&base, &more, runs, SEED, |m, _| {
        m[months as usize - 1][Metric::CumulativeContribution]
    });
    assert!(
        contribution.z() < -3.0,
        "contribution alone should say the hires have not paid for themselves: {contribution:?}"
    );
    let book = paired(&base, &more, runs, SEED, |m, _| {
        m[months as usize - 1][Metric::BookValue]
    });
    assert!(book.z() > 3.0, "the hires' customers add to the book's value: {book:?}");

    let comparison = compare(&base, std::slice::from_ref(&more), runs, SEED).expect("valid");
    let pair = &comparison.pairs[0];
    // The comparison's horizon difference is value created, the sum of the two parts.
    let judged = pair.horizon_difference.mean().expect("runs");
    let parts = contribution.mean + book.mean;
    assert!(
        (judged - parts).abs() < 1e-6 * parts.abs(),
        "judged difference {judged}, contribution + book value {parts}"
    );
    let judged_se = Estimate {
        mean: judged,
        se: pair.horizon_difference.std_dev().expect("runs") / (runs as f64).sqrt(),
    };
    assert!(judged_se.z() > 3.0, "value created: {judged_se:?}");
    // Ahead and payback are judged on value created: ahead in most futures
    // at the horizon and paid back within it, although behind on contribution.
    let ahead = pair.chance_ahead(runs)[months as usize - 1];
    assert!(ahead > 0.9, "ahead in only {ahead}");
    assert!(
        pair.not_paid_back * 10 < runs,
        "{} runs not paid back",
        pair.not_paid_back
    );
    assert!(pair.median_payback(runs).is_some_and(|m| m < months));
    let index = |metric: Metric| DIFFERENCE_METRICS.iter().position(|m| *m == metric).expect("reported");
    let plain = &pair.differences[index(Metric::CumulativeContribution)][months as usize - 1];
    assert!(
        plain.quantile(0.5).expect("runs") < 0.0,
        "the plain contribution is still reported"
    );
    assert_eq!(JUDGED, Metric::ValueCreated);
    let judged_by_month = &pair.differences[index(JUDGED)][months as usize - 1];
    assert_eq!(judged_by_month.mean(), pair.horizon_difference.mean());
}

#[test]
fn the_process_owner_is_paid_from_the_switch_month_on() {
    let with_owner = presets::find("restructure-with-owner").expect("preset").scenario;
    let switch = with_owner.restructuring.as_ref().expect("a switch").month;
    let annual = 120_000.0;
    for run in 0..3 {
        let (unpaid, _, _) = one_run(&with_owner.clone().with(P::ProcessOwnerCost, 0.0), run);
        let (paid, _, _) = one_run(&with_owner.clone().with(P::ProcessOwnerCost, annual), run);
        for (month, (p, u)) in (1..).zip(paid.iter().zip(&unpaid)) {
            let expected = if month >= switch { annual / 12.0 } else { 0.0 };
            assert!(
                close(p[Metric::Costs] - u[Metric::Costs], expected, p[Metric::Costs]),
                "run {run} month {month}: {} more",
                p[Metric::Costs] - u[Metric::Costs]
            );
            assert_eq!(p[Metric::Revenue], u[Metric::Revenue], "run {run} month {month}");
        }
    }
    // Without an owner nobody is paid for the role.
    let without = presets::find("restructure").expect("preset").scenario;
    let (unpaid, _, _) = one_run(&without.clone().with(P::ProcessOwnerCost, 0.0), 0);
    let (paid, _, _) = one_run(&without.with(P::ProcessOwnerCost, annual), 0);
    assert!(
        paid.iter()
            .zip(&unpaid)
            .all(|(p, u)| p[Metric::Costs] == u[Metric::Costs])
    );
}

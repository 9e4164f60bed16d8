//! The invariants every run must keep (MODEL.md, "Invariants every run must
//! keep"), checked on every preset and on randomised valid scenarios with
//! several seeds: conservation of leads, opportunities, accounts, recurring
//! revenue and people; hours used within hours available; contribution
//! equal to gross profit minus the cost lines, and the cost lines summed
//! line by line over the run equal to the months' costs; value created equal
//! to cumulative contribution plus the change in the book's value; finite values and no negative counts;
//! commission equal to rate × bookings without accelerators; and a scenario
//! compared with itself differing by exactly zero.

use rand::RngExt;
use salesim::sim::compare::{DIFFERENCE_METRICS, compare};
use salesim::sim::metrics::{Metric, MonthValues, RunMetric};
use salesim::sim::model::{Ledger, Prepared, simulate_run};
use salesim::sim::params::{CATALOGUE, P, ParamSpec};
use salesim::sim::presets;
use salesim::sim::rng::{SimRng, seeded};
use salesim::sim::scenario::{
    Headcount, LeadGeneration, PlannedHire, Restructuring, Role, Scenario, Selling, Serving, Structure, Switches,
};
use salesim::sim::uncertain::Uncertain;
use salesim::sim::validate::validate;

const SEEDS: [u64; 3] = [1, 42, 9_876_543_210];
const RUNS_PER_SEED: u64 = 8;
const RANDOM_SCENARIOS: usize = 30;

/// Month values that count things (or money that cannot be negative).
const NON_NEGATIVE: [Metric; 29] = [
    Metric::Leavers,
    Metric::Revenue,
    Metric::GrossProfit,
    Metric::BookValue,
    Metric::NewBookings,
    Metric::Costs,
    Metric::Customers,
    Metric::CustomersStrategic,
    Metric::CustomersCore,
    Metric::CustomersLongTail,
    Metric::ChurnedCustomers,
    Metric::ChurnedRevenue,
    Metric::Leads,
    Metric::Meetings,
    Metric::Opportunities,
    Metric::Deals,
    Metric::OpenOpportunities,
    Metric::LeadsExpired,
    Metric::MeetingsLost,
    Metric::OpportunitiesTimedOut,
    Metric::HeadcountGeneralist,
    Metric::HeadcountSdr,
    Metric::HeadcountAe,
    Metric::HeadcountAm,
    Metric::HeadcountRetention,
    Metric::Managers,
    Metric::ProspectingHours,
    Metric::AcquisitionCost,
    Metric::RetentionCost,
];

// ---------------------------------------------------------------------------
// Random valid scenarios
// ---------------------------------------------------------------------------

fn random_structure(rng: &mut SimRng) -> Structure {
    let lead_generation = match rng.random_range(0..3) {
        0 => LeadGeneration::Generalist,
        1 => LeadGeneration::Sdr,
        _ => LeadGeneration::Agency,
    };
    let selling = if rng.random_bool(0.5) {
        Selling::Generalist
    } else {
        Selling::Ae
    };
    let serving = if rng.random_bool(0.5) {
        Serving::Generalist
    } else {
        Serving::Am
    };
    let mut structure = Structure {
        lead_generation,
        selling,
        serving,
        headcount: Headcount::default(),
        account_tiers: rng.random_bool(0.5),
    };
    let seats = |rng: &mut SimRng, role: Role| {
        if structure.required_roles().contains(&role) {
            rng.random_range(1..=30)
        } else if rng.random_bool(0.25) {
            rng.random_range(0..=4)
        } else {
            0
        }
    };
    let headcount = Headcount {
        generalist: seats(rng, Role::Generalist),
        sdr: seats(rng, Role::Sdr),
        ae: seats(rng, Role::Ae),
        am: seats(rng, Role::Am),
        retention: seats(rng, Role::Retention),
    };
    structure.headcount = headcount;
    structure
}

/// A value inside the parameter's range: anywhere in it, or near the default.
fn random_value(rng: &mut SimRng, spec: &ParamSpec) -> f64 {
    let value = if rng.random_bool(0.5) {
        rng.random_range(spec.min..=spec.max)
    } else {
        let factor = rng.random_range(0.5..=1.5);
        (spec.default * factor).clamp(spec.min, spec.max)
    };
    if spec.integer {
        value.round().clamp(spec.min, spec.max)
    } else {
        value
    }
}

fn random_distribution(rng: &mut SimRng, spec: &ParamSpec) -> Uncertain {
    let a = random_value(rng, spec);
    let b = random_value(rng, spec);
    let (low, high) = (a.min(b), a.max(b));
    match rng.random_range(0..4) {
        0 => Uncertain::Uniform { min: low, max: high },
        1 => Uncertain::Triangular {
            min: low,
            mode: rng.random_range(low..=high),
            max: high,
        },
        2 => Uncertain::Normal { low, high },
        _ if low > 0.0 => Uncertain::Lognormal { low, high },
        _ => Uncertain::Uniform { min: low, max: high },
    }
}

fn random_scenario(rng: &mut SimRng, index: usize) -> Scenario {
    let mut scenario = Scenario::new(&format!("random {index}"), random_structure(rng));
    scenario.months = rng.random_range(12..=48);
    scenario.switches = Switches {
        cut_leads_when_behind: rng.random_bool(0.5),
        sdr_paid_per_meeting: rng.random_bool(0.5),
        meeting_quality_gate: rng.random_bool(0.5),
        trade_shows: rng.random_bool(0.5),
        referrals: rng.random_bool(0.5),
        quotas: rng.random_bool(0.5),
    };
    if rng.random_bool(0.5) {
        scenario.restructuring = Some(Restructuring {
            month: rng.random_range(1..scenario.months),
            to: random_structure(rng),
            process_owner: rng.random_bool(0.5),
        });
    }
    for _ in 0..rng.random_range(0..=3) {
        scenario.hiring_plan.push(PlannedHire {
            month: rng.random_range(1..=scenario.months),
            role: Role::ALL[rng.random_range(0..5)],
            count: rng.random_range(1..=5),
        });
    }
    for spec in CATALOGUE {
        let roll: f64 = rng.random();
        if roll < 0.25 {
            scenario.set(spec.id, random_value(rng, spec));
        } else if roll < 0.35 {
            scenario.set(spec.id, random_distribution(rng, spec));
        }
    }
    agree_sales_cycle(&mut scenario);
    scenario
}

/// Random draws of the three sales-cycle parameters may disagree (validation
/// checks them together on central values): lengthen the slowest tenth and
/// the shelf life past the mean where they fall short.
fn agree_sales_cycle(scenario: &mut Scenario) {
    let table = scenario.parameter_table();
    let mean = table[P::CycleMeanMonths as usize].central();
    if table[P::CycleP90Months as usize].central() <= mean {
        scenario.set(P::CycleP90Months, (mean * 2.0).min(48.0));
    }
    if table[P::OpportunityMaxAge as usize].central() <= mean {
        scenario.set(P::OpportunityMaxAge, (mean.floor() + 1.0).min(36.0));
    }
}

fn scenarios() -> Vec<Scenario> {
    let mut all: Vec<Scenario> = presets::all().into_iter().map(|p| p.scenario).collect();
    let mut rng = seeded(0x5A1E_5111);
    for index in 0..RANDOM_SCENARIOS {
        let scenario = random_scenario(&mut rng, index);
        validate(&scenario).unwrap_or_else(|e| panic!("generated scenario {index} is invalid:\n{e}"));
        all.push(scenario);
    }
    all
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-9 * scale.max(1.0)
}

fn check_ledger(name: &str, ledger: &Ledger) {
    let l = ledger;
    assert_eq!(
        l.leads_start + l.leads_arrived,
        l.leads_worked + l.leads_expired + l.leads_queued,
        "{name}: leads waiting at the start + arrived ≠ worked + expired + queued: {l:?}"
    );
    assert_eq!(
        l.meetings_start + l.meetings_booked,
        l.meetings_held + l.meetings_lost + l.meetings_queued,
        "{name}: meetings waiting at the start + booked ≠ held + lost + waiting: {l:?}"
    );
    assert_eq!(
        l.opportunities_start + l.opportunities_created,
        l.opportunities_won + l.opportunities_lost + l.opportunities_dropped + l.opportunities_open,
        "{name}: opportunities open at the start + created ≠ won + lost + dropped + open: {l:?}"
    );
    assert_eq!(
        l.accounts_start + l.accounts_won - l.accounts_churned,
        l.accounts_end,
        "{name}: accounts start + won − churned ≠ end: {l:?}"
    );
    let mrr_lines = [
        l.mrr_start,
        l.mrr_new,
        l.mrr_expansion,
        l.mrr_contraction,
        l.mrr_churned,
        l.mrr_end,
    ];
    let mrr_scale = mrr_lines.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let mrr_flow = l.mrr_start + l.mrr_new + l.mrr_expansion - l.mrr_contraction - l.mrr_churned;
    assert!(
        close(mrr_flow, l.mrr_end, mrr_scale),
        "{name}: MRR start + new + expansion − contraction − churned = {mrr_flow} ≠ end {}: {l:?}",
        l.mrr_end
    );
    assert_eq!(
        l.people_start + l.hires,
        l.people_end + l.leavers + l.let_go,
        "{name}: people start − leavers − let go + hires ≠ end: {l:?}"
    );
    assert!(
        l.worst_hours_excess <= 1e-9,
        "{name}: hours used exceed hours available by {}",
        l.worst_hours_excess
    );
    assert!(l.bookings.is_finite() && l.bookings >= 0.0, "{name}: {l:?}");
    assert!(l.commission.is_finite() && l.commission >= 0.0, "{name}: {l:?}");
    for x in mrr_lines {
        assert!(x.is_finite() && x >= -1e-6 * mrr_scale.max(1.0), "{name}: {l:?}");
    }
}

fn check_month(name: &str, month: u32, values: &MonthValues) {
    for metric in Metric::ALL {
        let value = values[*metric];
        assert!(value.is_finite(), "{name}: month {month} {} is {value}", metric.key());
    }
    for metric in NON_NEGATIVE {
        assert!(
            values[metric] >= 0.0,
            "{name}: month {month} {} is negative: {}",
            metric.key(),
            values[metric]
        );
    }
    let service = values[Metric::ServiceLevel];
    assert!(
        (0.0..=1.0 + 1e-12).contains(&service),
        "{name}: service level {service}"
    );
    let cut = values[Metric::MarketingCut];
    assert!(cut == 0.0 || cut == 1.0, "{name}: marketing cut {cut}");
    let tiers = values[Metric::CustomersStrategic] + values[Metric::CustomersCore] + values[Metric::CustomersLongTail];
    assert_eq!(tiers, values[Metric::Customers], "{name}: month {month}");
    assert!(
        close(
            values[Metric::Contribution],
            values[Metric::GrossProfit] - values[Metric::Costs],
            values[Metric::GrossProfit].abs() + values[Metric::Costs].abs()
        ),
        "{name}: month {month}: contribution ≠ gross profit − costs"
    );
    assert!(
        values[Metric::GrossProfit] <= values[Metric::Revenue],
        "{name}: month {month}: gross profit above revenue"
    );
}

/// Runs a scenario and checks everything a run must keep; returns the ledger.
fn checked_run(scenario: &Scenario, prepared: &Prepared, seed: u64, run: u64) -> Ledger {
    let name = format!("{} (seed {seed}, run {run})", scenario.name);
    let mut ledger = Ledger::default();
    let mut months_seen = 0;
    let mut cumulative = 0.0;
    let mut costs = 0.0;
    let mut months = Vec::new();
    let totals = simulate_run(prepared, seed, run, &mut ledger, |month, values| {
        months_seen += 1;
        assert_eq!(month, months_seen, "{name}: months out of order");
        check_month(&name, month, values);
        cumulative += values[Metric::Contribution];
        costs += values[Metric::Costs];
        assert!(
            close(values[Metric::CumulativeContribution], cumulative, cumulative.abs()),
            "{name}: month {month}: cumulative contribution ≠ Σ contribution"
        );
        months.push(*values);
    });
    assert_eq!(months_seen, scenario.months, "{name}: wrong number of months");
    // The cost lines, summed line by line over the run, make the months' costs.
    assert!(
        close(ledger.costs.total(), costs, costs),
        "{name}: cost lines sum to {} over the run, the months' costs to {costs}",
        ledger.costs.total()
    );
    for (index, values) in months.iter().enumerate() {
        let expected = values[Metric::CumulativeContribution] + values[Metric::BookValue] - ledger.book_value_start;
        assert!(
            close(
                values[Metric::ValueCreated],
                expected,
                expected.abs() + ledger.book_value_start
            ),
            "{name}: month {}: value created ≠ cumulative contribution + change in the book's value",
            index + 1
        );
    }
    for metric in RunMetric::ALL_RUN {
        let value = totals[*metric];
        assert!(value.is_finite(), "{name}: {} is {value}", metric.key());
    }
    check_ledger(&name, &ledger);
    ledger
}

#[test]
fn every_run_of_presets_and_random_scenarios_keeps_the_invariants() {
    let mut restructured_with_let_go = 0;
    let mut with_hires = 0;
    for scenario in scenarios() {
        let prepared = Prepared::new(&scenario);
        for seed in SEEDS {
            for run in 0..RUNS_PER_SEED {
                let ledger = checked_run(&scenario, &prepared, seed, run);
                restructured_with_let_go += usize::from(ledger.let_go > 0);
                with_hires += usize::from(ledger.hires > 0);
            }
        }
    }
    // the people invariant was exercised on its every term
    assert!(restructured_with_let_go > 0, "no run let anybody go");
    assert!(with_hires > 0, "no run hired anybody");
}

#[test]
fn the_same_seed_and_run_repeat_exactly_and_ledgers_reset_between_runs() {
    let scenario = presets::find("restructure").unwrap().scenario;
    let prepared = Prepared::new(&scenario);
    let mut first = Vec::new();
    let mut ledger = Ledger::default();
    let a = simulate_run(&prepared, 5, 3, &mut ledger, |_, v| first.push(*v));
    let ledger_a = ledger.clone();
    // a different run in between, then the same run again into the same ledger
    simulate_run(&prepared, 5, 4, &mut ledger, |_, _| {});
    let mut second = Vec::new();
    let b = simulate_run(&prepared, 5, 3, &mut ledger, |_, v| second.push(*v));
    assert_eq!(a, b);
    assert_eq!(first, second);
    assert_eq!(ledger_a, ledger);
}

// ---------------------------------------------------------------------------
// Every parameter at the ends of its range
// ---------------------------------------------------------------------------

/// Presets a parameter is tried on: every structure, and the restructuring
/// ones only for the transition's parameters (elsewhere they repeat the
/// generalist and specialised presets).
fn presets_for(spec: &ParamSpec) -> Vec<Scenario> {
    presets::all()
        .into_iter()
        .filter(|p| p.scenario.restructuring.is_none() || spec.path.starts_with("transition."))
        .map(|p| p.scenario)
        .collect()
}

/// A value at a range's end is as valid as any inside it: nothing may be
/// lost, created or turned into NaN there, on any structure.
/// The sales cycle's three parameters are checked together (the slowest
/// tenth beyond the mean, the shelf life beyond the mean), so taking one to
/// an end moves the others just enough to stay a scenario a user could save.
fn keep_the_sales_cycle_consistent(scenario: &mut Scenario, id: P, value: f64) {
    match id {
        P::CycleMeanMonths => {
            scenario.set(P::CycleP90Months, (value * 2.0).clamp(5.0, 48.0));
            scenario.set(P::OpportunityMaxAge, (value.floor() + 1.0).clamp(9.0, 36.0));
        }
        P::CycleP90Months | P::OpportunityMaxAge => {
            let mean = P::CycleMeanMonths.spec().default.min(value * 0.8).max(0.5);
            scenario.set(P::CycleMeanMonths, mean);
        }
        _ => {}
    }
}

#[test]
fn every_parameter_at_its_minimum_and_its_maximum_keeps_the_invariants() {
    const MONTHS: u32 = 24;
    const RUNS: u64 = 3;
    const SEED: u64 = 31;
    let mut tried = 0;
    for spec in CATALOGUE {
        for value in [spec.min, spec.max] {
            for mut scenario in presets_for(spec) {
                scenario.months = MONTHS;
                scenario.hiring_plan.retain(|h| h.month <= MONTHS);
                scenario.set(spec.id, value);
                keep_the_sales_cycle_consistent(&mut scenario, spec.id, value);
                scenario.name = format!("{} with {} = {value}", scenario.name, spec.path);
                validate(&scenario).unwrap_or_else(|e| panic!("{}: {e}", scenario.name));
                let prepared = Prepared::new(&scenario);
                let (mut booked, mut held) = (0, 0);
                for run in 0..RUNS {
                    let ledger = checked_run(&scenario, &prepared, SEED, run);
                    booked += ledger.meetings_booked;
                    held += ledger.meetings_held;
                }
                // Conserved is not enough: meetings that all end up "lost"
                // balance the books too. Leakage stops at 90% and every
                // preset's sellers keep hours for meetings, so some are held.
                assert!(
                    booked == 0 || held > 0,
                    "{}: none of {booked} meetings was held",
                    scenario.name
                );
                tried += 1;
            }
        }
    }
    assert!(tried >= 4 * CATALOGUE.len(), "{tried} scenarios");
}

// ---------------------------------------------------------------------------
// Commission without accelerators
// ---------------------------------------------------------------------------

/// The commission rate the compensation plan implies: variable pay at
/// target ÷ annual quota (MODEL.md: "commission per seat on ACV").
fn plan_rate(scenario: &Scenario, role: Role) -> f64 {
    let values = Prepared::new(scenario).values(0, 0);
    let quota = match role {
        Role::Ae => values[P::AeQuota],
        _ => values[P::GeneralistQuota],
    };
    values[role.ote()] * values[role.variable_share()] / quota
}

fn commission_case(preset: &str, role: Role, plan: &[(P, f64)], quotas: bool) {
    let mut scenario = presets::find(preset).unwrap().scenario;
    scenario.set(P::Accelerator, 1.0);
    scenario.set(P::TeamBonusShare, 0.0);
    for (id, value) in plan {
        scenario.set(*id, *value);
    }
    scenario.switches.quotas = quotas;
    validate(&scenario).unwrap();
    let rate = plan_rate(&scenario, role);
    assert!(rate > 0.0);
    let prepared = Prepared::new(&scenario);
    for seed in [3, 17] {
        for run in 0..3 {
            let ledger = checked_run(&scenario, &prepared, seed, run);
            assert!(ledger.bookings > 0.0, "{preset}: no bookings to test on");
            // A generalist serving the book is also paid on its expansion (a year of each month's new MRR).
            let credited = ledger.bookings
                + if role == Role::Generalist {
                    12.0 * ledger.mrr_expansion
                } else {
                    0.0
                };
            let expected = rate * credited;
            assert!(
                close(ledger.commission, expected, expected),
                "{preset} (quotas {quotas}, seed {seed}, run {run}): commission {} ≠ {rate} × credited {credited} = {expected}",
                ledger.commission
            );
        }
    }
}

#[test]
fn without_accelerators_commission_is_rate_times_bookings_for_generalists_and_aes() {
    for quotas in [true, false] {
        commission_case("generalist", Role::Generalist, &[], quotas);
        commission_case(
            "generalist",
            Role::Generalist,
            &[(P::GeneralistVariableShare, 0.6), (P::GeneralistQuota, 400_000.0)],
            quotas,
        );
        commission_case("specialised", Role::Ae, &[], quotas);
        commission_case(
            "specialised",
            Role::Ae,
            &[
                (P::AeVariableShare, 0.3),
                (P::AeQuota, 1_000_000.0),
                (P::AeOte, 180_000.0),
            ],
            quotas,
        );
    }
}

#[test]
fn with_an_accelerator_commission_is_never_below_rate_times_bookings() {
    let mut scenario = presets::find("specialised").unwrap().scenario;
    scenario.set(P::Accelerator, 3.0);
    // a low quota so that sellers pass it and the accelerator pays
    scenario.set(P::AeQuota, 50_000.0);
    let prepared = Prepared::new(&scenario);
    let rate = plan_rate(&scenario, Role::Ae);
    let mut accelerated = 0;
    for run in 0..4 {
        let ledger = checked_run(&scenario, &prepared, 8, run);
        let plain = rate * ledger.bookings;
        assert!(ledger.commission >= plain * (1.0 - 1e-12));
        accelerated += usize::from(ledger.commission > plain * 1.01);
    }
    assert!(accelerated > 0, "the accelerator never paid above quota");
}

// ---------------------------------------------------------------------------
// A scenario compared with itself
// ---------------------------------------------------------------------------

#[test]
fn a_scenario_compared_with_itself_differs_by_exactly_zero() {
    let mut cases: Vec<Scenario> = presets::all().into_iter().map(|p| p.scenario).collect();
    let mut rng = seeded(77);
    // random scenarios with uncertain parameters: their draws must be shared too
    for index in 0..3 {
        let mut scenario = random_scenario(&mut rng, index);
        scenario.set(P::OpportunityToWin, Uncertain::Uniform { min: 0.15, max: 0.3 });
        cases.push(scenario);
    }
    for mut scenario in cases {
        scenario.months = scenario.months.min(24);
        if scenario
            .restructuring
            .as_ref()
            .is_some_and(|r| r.month >= scenario.months)
        {
            scenario.restructuring = None;
        }
        scenario.hiring_plan.retain(|h| h.month <= 24);
        let runs = 100;
        let comparison = compare(&scenario, std::slice::from_ref(&scenario), runs, 11)
            .unwrap_or_else(|e| panic!("{}: {e}", scenario.name));
        assert_eq!(comparison.pairs.len(), 1);
        let pair = &comparison.pairs[0];
        for (i, by_month) in pair.differences.iter().enumerate() {
            for (month, accumulator) in by_month.iter().enumerate() {
                let what = format!("{}: {} month {}", scenario.name, DIFFERENCE_METRICS[i].key(), month + 1);
                assert_eq!(accumulator.count(), runs, "{what}");
                assert_eq!(accumulator.min(), Some(0.0), "{what}");
                assert_eq!(accumulator.max(), Some(0.0), "{what}");
            }
        }
        assert!(
            pair.ahead.iter().all(|a| *a == 0),
            "{}: ahead {:?}",
            scenario.name,
            pair.ahead
        );
        assert_eq!(pair.not_paid_back, 0, "{}", scenario.name);
        assert_eq!(pair.horizon_difference.min(), Some(0.0));
        assert_eq!(pair.horizon_difference.max(), Some(0.0));
        // both sides' own summaries are the same runs
        assert!(comparison.summaries[0].monthly == comparison.summaries[1].monthly);
    }
}

// ---------------------------------------------------------------------------
// Contribution, rebuilt from the plan's own terms
// ---------------------------------------------------------------------------

/// The sales and marketing cost of a generalist team with nobody leaving,
/// rebuilt month by month from what the month reports (heads, managers)
/// and the catalogue's pay terms, not from the model's cost lines:
/// base pay with benefits, managers' pay, the inbound budget, training,
/// tools per seat, sales leadership, commission at the plan's rate on the
/// run's bookings and the book's expansion, and the payroll load on all variable pay. Then
/// contribution = gross margin × revenue − that cost.
#[test]
fn contribution_equals_gross_margin_times_revenue_less_costs_rebuilt_from_the_pay_plan() {
    let mut scenario = presets::find("generalist").unwrap().scenario;
    for value in scenario.parameters.values_mut() {
        *value = salesim::sim::uncertain::Uncertain::from(value.central());
    }
    for role in Role::ALL {
        scenario.set(role.attrition(), 0.0);
    }
    scenario.switches.trade_shows = false;
    scenario.switches.quotas = false;
    let prepared = Prepared::new(&scenario);
    let v = prepared.values(0, 0);
    let rate = plan_rate(&scenario, Role::Generalist);
    for run in 0..5 {
        let mut ledger = Ledger::default();
        let mut months: Vec<MonthValues> = Vec::new();
        simulate_run(&prepared, 7, run, &mut ledger, |_, values| months.push(*values));
        assert_eq!(ledger.hires, 0, "nobody leaves, so nobody is hired");
        let (mut fixed, mut manager_variable) = (0.0, 0.0);
        for m in &months {
            let heads = m[Metric::HeadcountGeneralist];
            let managers = m[Metric::Managers];
            let base =
                heads * v[P::GeneralistOte] * (1.0 - v[P::GeneralistVariableShare]) / 12.0 * v[P::BenefitsMultiplier];
            let manager_pay = managers * v[P::ManagerOte] / 12.0
                * ((1.0 - v[P::ManagerVariableShare]) * v[P::BenefitsMultiplier] + v[P::ManagerVariableShare]);
            fixed += base
                + manager_pay
                + v[P::InboundBudget]
                + v[P::TrainingSpend] * heads
                + v[P::SalesToolsPerSeat] * (heads + managers)
                + v[P::SalesLeadershipCost];
            manager_variable += managers * v[P::ManagerOte] * v[P::ManagerVariableShare] / 12.0;
        }
        // generalists are paid on new bookings and on a year of the book's expansion MRR
        let commission = rate * (ledger.bookings + 12.0 * ledger.mrr_expansion);
        let expected_cost = fixed + commission + (v[P::VariablePayLoad] - 1.0) * (commission + manager_variable);
        let cost: f64 = months.iter().map(|m| m[Metric::Costs]).sum();
        assert!(
            (cost - expected_cost).abs() <= 1e-6 * expected_cost,
            "run {run}: the model's costs {cost} against {expected_cost} rebuilt from the plan"
        );
        let revenue: f64 = months.iter().map(|m| m[Metric::Revenue]).sum();
        let contribution: f64 = months.iter().map(|m| m[Metric::Contribution]).sum();
        let expected = v[P::GrossMargin] * revenue - expected_cost;
        assert!(
            (contribution - expected).abs() <= 1e-6 * revenue,
            "run {run}: contribution {contribution} against {expected}"
        );
    }
}

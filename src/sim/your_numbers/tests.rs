use super::*;
use crate::sim::model::leads::Marketing;
use crate::sim::params::CATALOGUE;
use crate::sim::validate::validate;

/// The central value of every parameter of `scenario`, as one fixed run uses them.
fn central(scenario: &Scenario) -> Values {
    scenario.central_values()
}

fn generalists(n: u32) -> YourNumbers {
    YourNumbers {
        sellers: Headcount {
            generalist: n,
            ..Headcount::default()
        },
        ..YourNumbers::default()
    }
}

fn specialists(sdr: u32, ae: u32, am: u32) -> YourNumbers {
    YourNumbers {
        sellers: Headcount {
            sdr,
            ae,
            am,
            ..Headcount::default()
        },
        ..YourNumbers::default()
    }
}

#[test]
fn the_default_numbers_give_the_default_company_with_the_win_rate_the_generalists_see() {
    let scenario = YourNumbers::default().to_scenario().unwrap();
    validate(&scenario).unwrap();
    assert_eq!(scenario.structure, presets::generalist_structure());
    let v = central(&scenario);
    for spec in CATALOGUE {
        if spec.id == P::OpportunityToWin {
            continue;
        }
        let tolerance = 1e-3 * spec.default.abs().max(1e-3);
        assert!(
            (v[spec.id] - spec.default).abs() <= tolerance,
            "{}: {} instead of the default {}",
            spec.path,
            v[spec.id],
            spec.default
        );
    }
    // 23% won by generalists is a base rate of 23% before their skill gap (−0.3 log-odds).
    let observed = logistic(logit(v[P::OpportunityToWin]) + v[P::GeneralistSkill]);
    // Derived values keep six significant digits.
    assert!((observed - 0.23).abs() < 1e-5, "{observed}");
    assert!(v[P::OpportunityToWin] > 0.23);
}

#[test]
fn every_input_lands_on_its_parameter_and_the_engine_sees_the_leads_and_churn_typed() {
    let numbers = YourNumbers {
        arr: 42_000_000.0,
        customers: 800.0,
        monthly_leads: 900.0,
        marketing_spend: 150_000.0,
        average_deal: 60_000.0,
        win_rate: 0.3,
        cycle_months: 4.0,
        monthly_churn: 0.01,
        pay: [
            Pay {
                base: 90_000.0,
                on_target: 140_000.0,
            },
            Pay {
                base: 55_000.0,
                on_target: 85_000.0,
            },
            Pay {
                base: 90_000.0,
                on_target: 180_000.0,
            },
            Pay {
                base: 80_000.0,
                on_target: 100_000.0,
            },
        ],
        ..specialists(5, 10, 4)
    };
    let scenario = numbers.to_scenario().unwrap();
    validate(&scenario).unwrap();
    let v = central(&scenario);
    assert_eq!(v[P::StartArr], 42_000_000.0);
    assert_eq!(v[P::StartAccounts], 800.0);
    assert_eq!(v[P::InboundBudget], 150_000.0);
    assert_eq!(v[P::CycleMeanMonths], 4.0);
    assert!(v[P::CycleP90Months] > 4.0);
    assert_eq!(v[P::AeOte], 180_000.0);
    assert!((v[P::AeVariableShare] - 0.5).abs() < 1e-6);
    assert!((v[P::AmVariableShare] - 0.2).abs() < 1e-6);
    // The engine's own lead response at this steady spend gives the leads typed.
    let leads = Marketing::new(&v).inbound_leads(&v, 150_000.0, 1.0);
    // Within the six significant digits the derived values keep.
    assert!((leads - 900.0).abs() < 900.0 * 1e-5, "{leads}");
    // The book split into tiers by these deal sizes loses 1% a month.
    let d = Derived::new(&v);
    let churn: f64 = d.tier_share.iter().zip(d.churn).map(|(s, c)| s * c).sum();
    assert!((churn - 0.01).abs() < 0.01 * 1e-5, "{churn}");
    // Deal sizes are lognormal: the mean of the deals is the average typed.
    let mean = v[P::AcvMedian] * (0.5 * v[P::AcvSpread].powi(2)).exp();
    assert!((mean - 60_000.0).abs() < 60_000.0 * 1e-5, "{mean}");
    // AEs sell, and the funnel's rate is what specialists win: the 30% typed.
    assert!((v[P::OpportunityToWin] - 0.3).abs() < 1e-5);
}

#[test]
fn every_team_from_1_to_200_sellers_validates_in_every_shape() {
    for n in 1..=200u32 {
        let third = n / 3;
        let teams = [
            generalists(n),
            specialists(third.max(1), (n - 2 * third).max(1), third.max(1)),
            // Generalists sell and serve, SDRs only book meetings.
            YourNumbers {
                sellers: Headcount {
                    generalist: n.div_ceil(2),
                    sdr: n / 2,
                    ..Headcount::default()
                },
                ..YourNumbers::default()
            },
        ];
        for numbers in teams {
            let scenario = numbers
                .to_scenario()
                .unwrap_or_else(|e| panic!("{:?}: {e:?}", numbers.sellers));
            validate(&scenario).unwrap_or_else(|e| panic!("{:?}: {e}", numbers.sellers));
            assert_eq!(scenario.structure.headcount.total(), numbers.sellers.total());
        }
    }
}

#[test]
fn a_value_outside_the_benchmark_range_warns_by_name_but_still_builds() {
    let numbers = YourNumbers {
        win_rate: 0.4,
        ..YourNumbers::default()
    };
    assert!(YourNumbers::default().warnings().is_empty());
    let warnings = numbers.warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].field, Field::WinRate);
    assert_eq!(warnings[0].kind, ProblemKind::Unusual { low: 0.2, high: 0.25 });
    assert!(warnings[0].to_string().starts_with("Win rate"));
    assert!(Field::WinRate.source().starts_with("benchmark:"));
    validate(&numbers.to_scenario().unwrap()).unwrap();

    let costly_leads = YourNumbers {
        monthly_leads: 50.0,
        ..YourNumbers::default()
    };
    assert_eq!(
        costly_leads.warnings().iter().map(|w| w.field).collect::<Vec<_>>(),
        [Field::MonthlyLeads]
    );
}

#[test]
fn values_the_engine_cannot_use_are_errors_naming_the_field_and_its_range() {
    let numbers = YourNumbers {
        win_rate: 1.4,
        cycle_months: f64::NAN,
        customers: 10.5,
        ..YourNumbers::default()
    };
    let errors = numbers.to_scenario().unwrap_err();
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::Customers, Field::WinRate, Field::SalesCycle]);
    assert_eq!(errors[1].kind, ProblemKind::Outside { min: 0.001, max: 0.99 });
    assert_eq!(
        errors[1].to_string(),
        "Win rate (opportunities won): must be between 0.001 and 0.99, got 1.4"
    );

    let mut numbers = YourNumbers::default();
    numbers.set(Field::BasePay(Role::Sdr), 90_000.0);
    let errors = numbers.to_scenario().unwrap_err();
    assert_eq!(errors[0].field, Field::BasePay(Role::Sdr));
    assert_eq!(
        errors[0].kind,
        ProblemKind::Outside {
            min: 8_000.0,
            max: 80_000.0
        }
    );
}

#[test]
fn numbers_that_do_not_fit_together_say_why() {
    let nobody = specialists(0, 0, 0);
    assert_eq!(nobody.errors()[0].field, Field::Sellers(Role::Generalist));
    // AEs sell and AMs serve, but nobody generates leads without generalists or SDRs.
    let errors = specialists(0, 5, 3).errors();
    assert_eq!(errors.len(), 1);
    assert!(matches!(&errors[0].kind, ProblemKind::Inconsistent(why) if why.contains("generalists do it")));
    let unpaid_leads = YourNumbers {
        marketing_spend: 0.0,
        ..YourNumbers::default()
    };
    assert_eq!(unpaid_leads.errors()[0].field, Field::MarketingSpend);
    let no_leads = YourNumbers {
        monthly_leads: 0.0,
        ..YourNumbers::default()
    };
    validate(&no_leads.to_scenario().unwrap()).unwrap();
}

#[test]
fn fields_have_unique_keys_that_read_back_and_catalogue_units() {
    let fields = Field::all();
    for field in &fields {
        assert_eq!(Field::from_key(&field.key()), Some(*field));
        assert_eq!(fields.iter().filter(|f| f.key() == field.key()).count(), 1);
        if let Some(id) = field.parameter() {
            assert_eq!(field.unit(), id.spec().unit);
        }
        // Every benchmark range holds the default company's figure.
        let defaults = YourNumbers::default();
        if let Some((low, high)) = field.typical(&defaults) {
            let value = defaults.get(*field);
            assert!(low <= value && value <= high, "{field:?}: {value} outside {low}–{high}");
            let (min, max) = field.allowed(&defaults);
            assert!(min <= low && high <= max, "{field:?}");
        }
    }
    assert_eq!(fields.len(), 4 + 8 + 8);
}

fn seat_pay(scenario: &Scenario, headcount: &Headcount) -> (f64, f64) {
    let table = scenario.parameter_table();
    let pays: Vec<f64> = Role::ALL
        .iter()
        .filter(|r| headcount.of(**r) > 0)
        .map(|r| table[r.ote() as usize].central())
        .collect();
    (
        pays.iter().copied().fold(f64::INFINITY, f64::min),
        pays.iter().copied().fold(0.0, f64::max),
    )
}

#[test]
fn every_alternative_validates_and_keeps_the_payroll_within_one_seat() {
    for n in 1..=200u32 {
        for numbers in [generalists(n), specialists(n.div_ceil(3), n.div_ceil(3), n.div_ceil(3))] {
            let baseline = numbers.to_scenario().unwrap();
            let budget = on_target_payroll(&baseline, &baseline.structure.headcount);
            let alternatives = alternatives(&baseline);
            for alternative in &alternatives {
                validate(alternative).unwrap_or_else(|e| panic!("{n}, {}: {e}", alternative.name));
                let after = alternative
                    .restructuring
                    .as_ref()
                    .map_or(&alternative.structure, |r| &r.to);
                let payroll = on_target_payroll(alternative, &after.headcount);
                let (cheapest, dearest) = seat_pay(alternative, &after.headcount);
                assert!(
                    payroll <= budget + dearest && payroll > budget - cheapest,
                    "{n}, {}: {payroll} against {budget}",
                    alternative.name
                );
                assert_eq!(central(alternative)[P::StartArr], central(&baseline)[P::StartArr]);
            }
            if n >= 5 && numbers.sellers.generalist > 0 {
                assert_eq!(alternatives.len(), 5, "{n}");
            }
        }
    }
}

#[test]
fn the_alternatives_are_the_standard_five_shaped_like_their_presets() {
    let baseline = generalists(20).to_scenario().unwrap();
    let alternatives = alternatives(&baseline);
    let shapes: Vec<(LeadGeneration, bool, bool, bool)> = alternatives
        .iter()
        .map(|s| {
            let after = s.restructuring.as_ref().map_or(&s.structure, |r| &r.to);
            (
                after.lead_generation,
                after.account_tiers,
                s.restructuring.is_some(),
                s.restructuring.as_ref().is_some_and(|r| r.process_owner),
            )
        })
        .collect();
    assert_eq!(
        shapes,
        [
            (LeadGeneration::Sdr, false, false, false),
            (LeadGeneration::Agency, false, false, false),
            (LeadGeneration::Sdr, true, false, false),
            (LeadGeneration::Sdr, false, true, false),
            (LeadGeneration::Sdr, false, true, true),
        ]
    );
    // 20 generalists at $130k pay for $2.6M: 6 SDRs, 8 AEs and 6 AMs cost $2.34M;
    // the $260k left buys an SDR ($80k) and an AE ($150k), leaving $30k.
    let three_stage = &alternatives[0].structure.headcount;
    assert_eq!((three_stage.sdr, three_stage.ae, three_stage.am), (7, 9, 6));
    assert!(
        alternatives[0]
            .description
            .contains("at the same $2.6M a year of on-target pay")
    );
    assert_eq!(
        alternatives[3].restructuring.as_ref().unwrap().month,
        RESTRUCTURING_MONTH
    );
    assert_eq!(alternatives[3].structure, baseline.structure);
    // A three-stage team gets no three-stage alternative or restructuring into one.
    let already = alternatives_names(&specialists(6, 8, 6).to_scenario().unwrap());
    assert_eq!(
        already,
        [
            "Yours with outsourced lead generation",
            "Yours with retention managers and account tiers"
        ]
    );
}

fn alternatives_names(baseline: &Scenario) -> Vec<String> {
    alternatives(baseline).into_iter().map(|s| s.name).collect()
}

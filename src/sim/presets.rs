//! Ready-made scenarios named after the article, on one consistent default
//! company (mid-market B2B, about 20 sellers, 290 customers, $9.5M ARR).

use super::model::derived::Derived;
use super::params::P;
use super::scenario::{
    Headcount, LeadGeneration, PlannedHire, Restructuring, Role, Scenario, Selling, Serving, Structure,
};
use super::uncertain::Uncertain;

/// A preset: a stable id for files and the command line, a title and the scenario.
#[derive(Clone, Debug)]
pub struct Preset {
    pub id: &'static str,
    pub title: &'static str,
    pub scenario: Scenario,
}

#[must_use]
pub fn generalist_structure() -> Structure {
    Structure {
        lead_generation: LeadGeneration::Generalist,
        selling: Selling::Generalist,
        serving: Serving::Generalist,
        headcount: Headcount {
            generalist: 20,
            ..Headcount::default()
        },
        account_tiers: false,
    }
}

#[must_use]
pub fn specialised_structure() -> Structure {
    Structure {
        lead_generation: LeadGeneration::Sdr,
        selling: Selling::Ae,
        serving: Serving::Am,
        headcount: Headcount {
            sdr: 6,
            ae: 8,
            am: 6,
            ..Headcount::default()
        },
        account_tiers: false,
    }
}

/// The assumptions no published benchmark pins down, with the range every
/// preset gives them. Each is centred on its catalogue default; the reason
/// for each range is in that parameter's help text.
///
/// They live in one list because a comparison is only paired when both
/// sides carry the same uncertainty: an uncertain parameter is drawn once
/// per run from a sub-stream of (seed, run, parameter), so run i of every
/// scenario sees the same skill gap, the same leakage, the same dip.
#[must_use]
pub fn assumption_ranges() -> Vec<(P, Uncertain)> {
    let interval = |low: f64, high: f64| Uncertain::Normal { low, high };
    // Times and factors are uncertain by a ratio rather than by a fixed amount.
    let ratio = |low: f64, high: f64| Uncertain::Lognormal { low, high };
    vec![
        // Specialisation: these decide "specialise or not".
        (P::GeneralistSkill, interval(-0.6, 0.0)),
        (P::HandoffLeakage, interval(0.05, 0.25)),
        (P::HandoffChurnUplift, interval(1.0, 1.6)),
        (P::ContextSwitchLoss, interval(0.05, 0.25)),
        // Outbound productivity.
        (P::HoursPerOutboundMeetingSdr, ratio(8.0, 12.5)),
        (P::HoursPerOutboundMeetingGeneralist, ratio(6.25, 16.0)),
        // The transition.
        (P::TransitionDip, interval(0.05, 0.35)),
        (P::TransitionRecovery, ratio(2.0, 8.0)),
        (P::TransitionAttrition, interval(1.0, 2.0)),
        (P::PipelineTransferLeakage, interval(0.05, 0.25)),
        (P::ReassignedChurn, interval(1.0, 1.6)),
        // Attrition elasticities.
        (P::SpanAttrition, interval(0.1, 0.9)),
        (P::LowAttainmentAttrition, interval(1.0, 3.0)),
        // How far apart sellers are: the studies put it at 2–3×.
        (P::SellerSpread, ratio(2.0, 3.125)),
    ]
}

/// `scenario` with the shared [`assumption_ranges`]; a parameter the
/// scenario already sets keeps its own value.
#[must_use]
pub fn with_assumption_ranges(mut scenario: Scenario) -> Scenario {
    for (id, range) in assumption_ranges() {
        scenario.parameters.entry(id.spec().path.to_owned()).or_insert(range);
    }
    scenario
}

/// Capacity use account managers are staffed for: the 10% left over
/// absorbs a book that grows faster than planned, a vacancy that takes
/// longer to fill and month-to-month noise in wins, so that in most months
/// the book gets all the service it needs (service-capacity planning
/// usually aims at 85-90%).
const PLANNED_AM_USE: f64 = 0.9;

/// How a preset grows account management with its book.
#[derive(Clone, Copy, Debug)]
struct AmStaffing {
    /// The first month a seat may be opened. After a restructuring, the
    /// month after the switch: an AM seat opened before it would only count
    /// toward the AMs the switch staffs.
    from_month: u32,
    /// AM seats at `from_month`.
    seats: u32,
    /// Accounts in the book at `from_month`.
    accounts: f64,
    /// Net accounts the book gains a month when it is fully served.
    growth: f64,
}

/// A hiring plan that keeps account managers at about [`PLANNED_AM_USE`]
/// of their hours as the book grows.
///
/// The reasoning, at the scenario's central values:
/// - Service a month per account: deals fall into tiers by ACV (median
///   $24k, spread 0.8) as about 8.5% strategic, 55.5% core and 36% long
///   tail, at 6, 2.5 and 1 hours, so an average account needs about 2.26
///   hours: the starting book of 290 needs about 655 hours, 95% of what 6
///   AMs give at 115 hours each (the retention preset's 5 AMs start at
///   114%), and each net new account adds 2.26 hours.
/// - What a seat gives over a year: at 15% attrition a year about 1.35% of
///   seats fall vacant a month; each stays empty for the hiring lag (2.5
///   months) and its new hire ramps from 25% to full over 3 months, so a
///   seat yields about 1.35% × (2.5 + 3 × 0.75 / 2) ≈ 5% less than its
///   hours, about 109 hours. Staffed at 90%, a seat carries about 98
///   hours of service, some 43 accounts.
/// - The book: with every account served, the presets' books grow by
///   7.3-8.8 accounts a month (measured: the mean month-36 book of each
///   preset run with more AMs than it needs, 1,000 runs), 16-20 hours a
///   month, one more AM every 5-6 months.
/// - Lead time: a seat opened in month m is filled after the hiring lag
///   and starts at 25% of its hours, so it carries its share about 4 months
///   later (lag plus half the ramp). Each month the plan opens the seats
///   the book will need 4 months on, and nothing that could not start
///   before the horizon.
fn am_hiring_plan(scenario: &Scenario, staffing: AmStaffing) -> Vec<PlannedHire> {
    let v = scenario.central_values();
    let d = Derived::new(&v);
    let hours_per_account: f64 = d
        .tier_share
        .iter()
        .zip(d.service_hours)
        .map(|(share, hours)| share * hours)
        .sum();
    let monthly_leaving = d.monthly_attrition[Role::Am];
    let ramp = v[Role::Am.ramp()];
    let away = v[P::HiringLagMonths] + ramp * (1.0 - v[P::RampStartShare]) / 2.0;
    let carried_per_seat = v[P::HoursPerMonth] * (1.0 - monthly_leaving * away) * PLANNED_AM_USE;
    let lead = (v[P::HiringLagMonths] + ramp / 2.0).round();
    let mut seats = f64::from(staffing.seats);
    let mut plan = Vec::new();
    for month in staffing.from_month..=scenario.months {
        let ready = f64::from(month - staffing.from_month) + lead;
        if f64::from(month) + v[P::HiringLagMonths] >= f64::from(scenario.months) {
            break;
        }
        let needed = (hours_per_account * (staffing.accounts + staffing.growth * ready) / carried_per_seat).ceil();
        if needed > seats {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let count = (needed - seats) as u32;
            plan.push(PlannedHire {
                month,
                role: Role::Am,
                count,
            });
            seats = needed;
        }
    }
    plan
}

/// `scenario` with an [`am_hiring_plan`] for its book.
fn staffed_for_the_book(mut scenario: Scenario, staffing: AmStaffing) -> Scenario {
    scenario.hiring_plan = am_hiring_plan(&scenario, staffing);
    scenario
}

fn described(mut scenario: Scenario, description: &str) -> Scenario {
    description.clone_into(&mut scenario.description);
    scenario
}

/// Every preset, in the order the app lists them.
#[must_use]
pub fn all() -> Vec<Preset> {
    let generalist = described(
        Scenario::new("Generalist (hunter-farmer)", generalist_structure()),
        "Twenty reps each prospect, sell and serve their own customers: the traditional model the article says stops working as books grow.",
    );
    // The books at the start and their growth when fully served (see am_hiring_plan).
    let from_the_start = |seats: u32, growth: f64| AmStaffing {
        from_month: 1,
        seats,
        accounts: P::StartAccounts.spec().default,
        growth,
    };
    let specialised = staffed_for_the_book(
        described(
            Scenario::new("Three-stage specialised", specialised_structure()),
            "SDRs generate leads and book meetings, account executives sell, account managers serve, and more AMs are hired as the book grows: the article's three-stage cycle.",
        ),
        from_the_start(6, 7.7),
    );
    let outsourced = described(
        Scenario::new(
            "Three-stage, outsourced lead generation",
            Structure {
                lead_generation: LeadGeneration::Agency,
                selling: Selling::Ae,
                serving: Serving::Am,
                headcount: Headcount {
                    ae: 10,
                    am: 6,
                    ..Headcount::default()
                },
                account_tiers: false,
            },
        ),
        "An inbound-marketing agency books meetings for ten AEs, who also qualify the company's own inbound and trade-show leads; six AMs serve, with more hired as the book grows.",
    );
    let outsourced = staffed_for_the_book(outsourced, from_the_start(6, 8.8));
    let retention = described(
        Scenario::new(
            "Specialised with retention and account tiers",
            Structure {
                headcount: Headcount {
                    sdr: 6,
                    ae: 8,
                    am: 5,
                    retention: 2,
                    ..Headcount::default()
                },
                account_tiers: true,
                ..specialised_structure()
            },
        )
        .with(P::Alignment, 0.5),
        "The three-stage team plus two customer-retention managers and account-list management by spend (strategic, core, long tail), with processes half documented and AMs hired as the book grows.",
    );
    let retention = staffed_for_the_book(retention, from_the_start(5, 8.6));
    let mut pressure = described(
        Scenario::new("Generalist under pressure", generalist_structure()),
        "The generalist team with the article's warning switched on: when trailing bookings fall behind plan, marketing is cut by half.",
    );
    pressure.switches.cut_leads_when_behind = true;

    let restructure = |name: &str, owner: bool, description: &str| {
        let mut scenario = described(Scenario::new(name, generalist_structure()), description);
        let switch = 6;
        scenario.restructuring = Some(Restructuring {
            month: switch,
            to: specialised_structure(),
            process_owner: owner,
        });
        // Hires start the month after the switch (seats opened before it
        // would only count toward the AMs it staffs); the generalists' book
        // is about 299 accounts by then and grows about 7.3 a month once AMs
        // serve it.
        staffed_for_the_book(
            scenario,
            AmStaffing {
                from_month: switch + 1,
                seats: specialised_structure().headcount.am,
                accounts: 299.0,
                growth: 7.3,
            },
        )
    };
    let presets = vec![
        Preset {
            id: "generalist",
            title: "Generalist (hunter-farmer)",
            scenario: generalist,
        },
        Preset {
            id: "specialised",
            title: "Three-stage specialised",
            scenario: specialised,
        },
        Preset {
            id: "outsourced",
            title: "Three-stage, outsourced lead generation",
            scenario: outsourced,
        },
        Preset {
            id: "retention",
            title: "Specialised with retention and account tiers",
            scenario: retention,
        },
        Preset {
            id: "under-pressure",
            title: "Generalist under pressure (cut leads when behind)",
            scenario: pressure,
        },
        Preset {
            id: "restructure",
            title: "Generalist → three-stage in month 6",
            scenario: restructure(
                "Generalist → three-stage in month 6",
                false,
                "Start as twenty generalists; in month 6 reorganise into 6 SDRs, 8 AEs and 6 AMs, hiring more AMs as the book grows, with the dip, attrition spike and one-time costs of a change.",
            ),
        },
        Preset {
            id: "restructure-with-owner",
            title: "Generalist → three-stage in month 6, with a process owner",
            scenario: restructure(
                "Generalist → three-stage in month 6, with a process owner",
                true,
                "The same reorganisation, hiring AMs as the book grows, with a named owner for the new process (article tip 3), which halves the recovery time.",
            ),
        },
    ];
    presets
        .into_iter()
        .map(|preset| Preset {
            scenario: with_assumption_ranges(preset.scenario),
            ..preset
        })
        .collect()
}

#[must_use]
pub fn find(id: &str) -> Option<Preset> {
    all().into_iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::validate::validate;

    #[test]
    fn every_preset_passes_validation_and_ids_are_unique() {
        let presets = all();
        for preset in &presets {
            validate(&preset.scenario).unwrap_or_else(|e| panic!("{}: {e}", preset.id));
            assert_eq!(presets.iter().filter(|p| p.id == preset.id).count(), 1);
        }
        assert!(presets.len() >= 7);
    }

    #[test]
    fn every_assumption_range_is_centred_on_its_default_explained_and_in_every_preset() {
        let presets = all();
        for (id, range) in assumption_ranges() {
            let spec = id.spec();
            assert!(!range.is_fixed() && range.shape_problem().is_none(), "{}", spec.path);
            assert!(
                (range.central() - spec.default).abs() <= 1e-9 * spec.default.abs().max(1.0),
                "{}: centred on {} but the default is {}",
                spec.path,
                range.central(),
                spec.default
            );
            let (low, high) = range.span();
            assert!(spec.contains(low) && spec.contains(high), "{}", spec.path);
            assert!(
                spec.help.contains("Assumption") && spec.help.contains("presets give it a 90% range"),
                "{}: the help text does not give the reason for its range",
                spec.path
            );
            for preset in &presets {
                assert_eq!(
                    preset.scenario.parameter_table()[id as usize],
                    range,
                    "{}: {}",
                    preset.id,
                    spec.path
                );
            }
        }
    }
}

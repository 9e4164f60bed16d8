//! Ready-made scenarios named after the article, on one consistent default
//! company (mid-market B2B, about 20 sellers, 290 customers, $9.5M ARR).

use super::params::P;
use super::scenario::{Headcount, LeadGeneration, Restructuring, Scenario, Selling, Serving, Structure};
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
        (P::SpecialistSkill, interval(0.0, 0.4)),
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
    let specialised = described(
        Scenario::new("Three-stage specialised", specialised_structure()),
        "SDRs generate leads and book meetings, account executives sell, account managers serve: the article's three-stage cycle.",
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
        "An inbound-marketing agency books meetings for ten AEs, who also qualify the company's own inbound and trade-show leads; six AMs serve.",
    );
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
        "The three-stage team plus two customer-retention managers and account-list management by spend (strategic, core, long tail), with processes half documented.",
    );
    let mut pressure = described(
        Scenario::new("Generalist under pressure", generalist_structure()),
        "The generalist team with the article's warning switched on: when trailing bookings fall behind plan, marketing is cut by half.",
    );
    pressure.switches.cut_leads_when_behind = true;

    let restructure = |name: &str, owner: bool, description: &str| {
        let mut scenario = described(Scenario::new(name, generalist_structure()), description);
        scenario.restructuring = Some(Restructuring {
            month: 6,
            to: specialised_structure(),
            process_owner: owner,
        });
        scenario
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
                "Start as twenty generalists; in month 6 reorganise into 6 SDRs, 8 AEs and 6 AMs, with the dip, attrition spike and one-time costs of a change.",
            ),
        },
        Preset {
            id: "restructure-with-owner",
            title: "Generalist → three-stage in month 6, with a process owner",
            scenario: restructure(
                "Generalist → three-stage in month 6, with a process owner",
                true,
                "The same reorganisation with a named owner for the new process (article tip 3), which halves the recovery time.",
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

//! Ready-made scenarios named after the article, on one consistent default
//! company (mid-market B2B, about 20 sellers, 290 customers, $9.5M ARR).

use super::params::P;
use super::scenario::{Headcount, LeadGeneration, Restructuring, Scenario, Selling, Serving, Structure};

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
    vec![
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
    ]
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
}

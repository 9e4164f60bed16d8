//! The editor's draft: what is typed is kept, validity is the engine's,
//! and a valid draft is exactly the scenario it describes.

use salesim::app::draft::{Bound, DraftEdit, Form, ScenarioDraft, StructureSlot, Toggle, parse_number};
use salesim::sim::params::{CATALOGUE, P, Unit};
use salesim::sim::presets;
use salesim::sim::scenario::{LeadGeneration, Role, Scenario, Selling, Serving};
use salesim::sim::uncertain::Uncertain;
use salesim::sim::validate::validate;

fn generalist() -> Scenario {
    presets::all()[0].scenario.clone()
}

fn edits(draft: &ScenarioDraft, edits: impl IntoIterator<Item = DraftEdit>) -> ScenarioDraft {
    edits.into_iter().fold(draft.clone(), |d, e| d.apply(e))
}

#[test]
fn every_preset_round_trips_through_its_draft_unchanged() {
    for preset in presets::all() {
        let draft = ScenarioDraft::from_scenario(&preset.scenario);
        assert_eq!(draft.scenario().as_ref(), Ok(&preset.scenario), "{}", preset.id);
        for spec in CATALOGUE {
            // shown texts read back to the value that runs
            let shown = draft.param(spec.id);
            let mut touched = draft.clone();
            touched.parameters.insert(spec.path.to_owned(), shown);
            assert_eq!(
                touched.scenario().as_ref(),
                Ok(&preset.scenario),
                "{} {}",
                preset.id,
                spec.path
            );
        }
    }
}

#[test]
fn an_out_of_range_value_gets_the_engines_message_and_keeps_its_text() {
    let draft = ScenarioDraft::from_scenario(&generalist());
    let next = draft.apply(DraftEdit::SetValue {
        param: P::SdrRamp,
        text: "40".into(),
    });
    let problems = next.scenario().unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "roles.sdr.ramp_months");
    assert_eq!(problems[0].label, "SDR ramp");
    assert_eq!(problems[0].message, "must be between 0 and 24 months, got 40");
    assert_eq!(
        problems[0].sentence(),
        "SDR ramp: must be between 0 and 24 months, got 40"
    );
    assert_eq!(next.param(P::SdrRamp).value, "40");
    // the last valid scenario is what it was
    assert_eq!(next.last_valid, generalist());
    assert!(next.is_changed(P::SdrRamp));
}

#[test]
fn text_that_is_not_a_number_names_the_allowed_range() {
    let draft = ScenarioDraft::from_scenario(&generalist()).apply(DraftEdit::SetValue {
        param: P::HandoffDelay,
        text: "soon".into(),
    });
    let problems = draft.scenario().unwrap_err();
    assert_eq!(
        problems[0].sentence(),
        "Hand-off delay: must be a number between 0 and 2 months, got \"soon\""
    );
    let empty = draft.apply(DraftEdit::SetValue {
        param: P::HandoffDelay,
        text: " ".into(),
    });
    assert!(
        empty.scenario().unwrap_err()[0]
            .message
            .starts_with("is required: a number between 0 and 2 months")
    );
}

#[test]
fn a_valid_edit_becomes_the_last_valid_scenario_and_reset_removes_it() {
    let draft = ScenarioDraft::from_scenario(&generalist());
    let next = draft.apply(DraftEdit::SetValue {
        param: P::AcvMedian,
        text: "$30,000".into(),
    });
    assert_eq!(
        next.last_valid.parameters.get("deals.acv_median"),
        Some(&Uncertain::Fixed(30_000.0))
    );
    assert_eq!(next.param(P::AcvMedian).value, "$30,000");
    assert!(next.is_changed(P::AcvMedian));
    let reset = next.apply(DraftEdit::Reset { param: P::AcvMedian });
    assert!(!reset.is_changed(P::AcvMedian));
    assert!(!reset.last_valid.parameters.contains_key("deals.acv_median"));
    assert_eq!(reset.scenario(), Ok(generalist()));
}

#[test]
fn typing_the_default_back_is_not_a_change() {
    let draft = ScenarioDraft::from_scenario(&generalist()).apply(DraftEdit::SetValue {
        param: P::HoursPerMonth,
        text: "115".into(),
    });
    assert!(!draft.is_changed(P::HoursPerMonth));
    assert_eq!(draft.scenario(), Ok(generalist()));
}

#[test]
fn switching_to_a_range_and_back_keeps_the_value() {
    let draft = ScenarioDraft::from_scenario(&generalist()).apply(DraftEdit::SetValue {
        param: P::OpportunityToWin,
        text: "0.25".into(),
    });
    let ranged = draft.apply(DraftEdit::SetForm {
        param: P::OpportunityToWin,
        form: Form::Triangular,
    });
    let typed = ranged.param(P::OpportunityToWin);
    assert_eq!(
        (typed.low.as_str(), typed.mode.as_str(), typed.high.as_str()),
        ("0.2", "0.25", "0.3")
    );
    assert_eq!(
        ranged.last_valid.parameters.get("funnel.opportunity_to_win"),
        Some(&Uncertain::Triangular {
            min: 0.2,
            mode: 0.25,
            max: 0.3
        })
    );
    let back = ranged.apply(DraftEdit::SetForm {
        param: P::OpportunityToWin,
        form: Form::Fixed,
    });
    assert_eq!(back.param(P::OpportunityToWin).value, "0.25");
    assert_eq!(
        back.scenario().unwrap().parameters.get("funnel.opportunity_to_win"),
        Some(&Uncertain::Fixed(0.25))
    );
    // and the bounds typed are still there when the range comes back
    let again = back.apply(DraftEdit::SetForm {
        param: P::OpportunityToWin,
        form: Form::Uniform,
    });
    assert_eq!(again.param(P::OpportunityToWin).low, "0.2");
}

#[test]
fn suggested_ranges_lie_inside_the_allowed_range_for_every_parameter_and_form() {
    let draft = ScenarioDraft::from_scenario(&generalist());
    for spec in CATALOGUE {
        for form in [Form::Uniform, Form::Triangular, Form::Normal, Form::Lognormal] {
            let next = draft.apply(DraftEdit::SetForm { param: spec.id, form });
            let typed = next.param(spec.id);
            let value = typed.parse(spec);
            // only a lognormal of a parameter that cannot be above 0 may be refused
            if form == Form::Lognormal && spec.max <= 0.0 {
                continue;
            }
            let value = value.unwrap_or_else(|e| panic!("{} {form:?}: {e}", spec.path));
            let (low, high) = value.span();
            assert!(
                spec.contains(low) && spec.contains(high),
                "{} {form:?}: {low}..{high}",
                spec.path
            );
            // what the form suggests is accepted unless lognormal has no room above 0
            if !(form == Form::Lognormal && spec.default <= 0.0) {
                assert!(next.scenario().is_ok(), "{} {form:?}: {:?}", spec.path, next.scenario());
            }
        }
    }
}

#[test]
fn a_range_whose_ends_cross_gets_the_engines_shape_message_and_keeps_both_texts() {
    let draft = edits(
        &ScenarioDraft::from_scenario(&generalist()),
        [
            DraftEdit::SetForm {
                param: P::LeadToMeeting,
                form: Form::Normal,
            },
            DraftEdit::SetBound {
                param: P::LeadToMeeting,
                bound: Bound::Low,
                text: "0.3".into(),
            },
            DraftEdit::SetBound {
                param: P::LeadToMeeting,
                bound: Bound::High,
                text: "0.1".into(),
            },
        ],
    );
    let problems = draft.scenario().unwrap_err();
    assert_eq!(problems[0].path, "funnel.lead_to_meeting");
    assert!(
        problems[0].message.contains("normal needs low ≤ high"),
        "{}",
        problems[0].message
    );
    let typed = draft.param(P::LeadToMeeting);
    assert_eq!((typed.low.as_str(), typed.high.as_str()), ("0.3", "0.1"));
}

#[test]
fn structure_edits_are_checked_by_the_engine() {
    let draft = ScenarioDraft::from_scenario(&generalist());
    let three_stage = edits(
        &draft,
        [
            DraftEdit::SetLeadGeneration {
                slot: StructureSlot::Start,
                to: LeadGeneration::Sdr,
            },
            DraftEdit::SetSelling {
                slot: StructureSlot::Start,
                to: Selling::Ae,
            },
            DraftEdit::SetServing {
                slot: StructureSlot::Start,
                to: Serving::Am,
            },
        ],
    );
    let problems = three_stage.scenario().unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "structure.headcount.sdr",
            "structure.headcount.ae",
            "structure.headcount.am"
        ]
    );
    assert_eq!(
        problems[0].sentence(),
        "SDRs: this structure gives work to SDRs, so it needs at least 1 seat, got 0"
    );
    let staffed = edits(
        &three_stage,
        [Role::Sdr, Role::Ae, Role::Am].map(|role| DraftEdit::SetHeadcount {
            slot: StructureSlot::Start,
            role,
            text: "4".into(),
        }),
    );
    let scenario = staffed.scenario().unwrap();
    assert_eq!(scenario.structure.headcount.sdr, 4);
    assert_eq!(scenario.structure.lead_generation, LeadGeneration::Sdr);
    assert!(validate(&scenario).is_ok());
    assert_eq!(staffed.last_valid, scenario);
}

#[test]
fn headcount_and_months_typed_as_words_get_the_engines_whole_number_message() {
    let draft = edits(
        &ScenarioDraft::from_scenario(&generalist()),
        [
            DraftEdit::SetHeadcount {
                slot: StructureSlot::Start,
                role: Role::Generalist,
                text: "ten".into(),
            },
            DraftEdit::SetMonths { text: "400".into() },
        ],
    );
    let sentences: Vec<String> = draft.scenario().unwrap_err().iter().map(|p| p.sentence()).collect();
    assert!(
        sentences.contains(&"Months simulated: must be a whole number between 12 and 120, got 400".to_owned()),
        "{sentences:?}"
    );
    assert!(
        sentences.contains(&"Generalist reps: must be a whole number between 0 and 10000, got \"ten\"".to_owned()),
        "{sentences:?}"
    );
    assert_eq!(draft.structure.headcount.generalist, "ten");
}

#[test]
fn a_restructuring_and_a_hiring_plan_are_built_and_checked() {
    let draft = edits(
        &ScenarioDraft::from_scenario(&generalist()),
        [
            DraftEdit::SetRestructuring { on: true },
            DraftEdit::SetSelling {
                slot: StructureSlot::Target,
                to: Selling::Ae,
            },
            DraftEdit::SetHeadcount {
                slot: StructureSlot::Target,
                role: Role::Ae,
                text: "8".into(),
            },
            DraftEdit::SetProcessOwner { on: true },
            DraftEdit::AddHire,
            DraftEdit::SetHireRole {
                row: 0,
                role: Role::Retention,
            },
            DraftEdit::SetHireCount {
                row: 0,
                text: "2".into(),
            },
            DraftEdit::SetHireMonth {
                row: 0,
                text: "12".into(),
            },
            DraftEdit::SetSwitch {
                toggle: Toggle::TradeShows,
                on: false,
            },
            DraftEdit::SetAccountTiers {
                slot: StructureSlot::Start,
                on: true,
            },
        ],
    );
    let scenario = draft.scenario().unwrap();
    let restructuring = scenario.restructuring.as_ref().unwrap();
    assert_eq!(restructuring.month, 6);
    assert_eq!(restructuring.to.selling, Selling::Ae);
    assert_eq!(restructuring.to.headcount.ae, 8);
    assert!(restructuring.process_owner);
    assert_eq!(scenario.hiring_plan.len(), 1);
    assert_eq!(
        (scenario.hiring_plan[0].role, scenario.hiring_plan[0].count),
        (Role::Retention, 2)
    );
    assert!(!scenario.switches.trade_shows && scenario.structure.account_tiers);

    let late = draft.apply(DraftEdit::SetRestructuringMonth { text: "36".into() });
    let problems = late.scenario().unwrap_err();
    assert_eq!(
        problems[0].sentence(),
        "Month of the restructuring: must be a whole number between 1 and 35, got 36"
    );
    let bad_hire = draft.apply(DraftEdit::SetHireCount {
        row: 0,
        text: "0".into(),
    });
    assert_eq!(
        bad_hire.scenario().unwrap_err()[0].sentence(),
        "Hire 1: people: must be a whole number between 1 and 1000, got 0"
    );
    // off again: no restructuring, but what was typed is kept for later
    let off = draft.apply(DraftEdit::SetRestructuring { on: false });
    assert_eq!(off.scenario().unwrap().restructuring, None);
    assert_eq!(off.restructuring.to.headcount.ae, "8");
    let removed = draft.apply(DraftEdit::RemoveHire { row: 0 });
    assert!(removed.scenario().unwrap().hiring_plan.is_empty());
    // rows that do not exist are ignored, not a panic
    assert_eq!(draft.apply(DraftEdit::RemoveHire { row: 9 }), draft);
}

#[test]
fn a_draft_with_problems_survives_being_saved_and_read_back() {
    let draft = ScenarioDraft::from_scenario(&presets::all()[3].scenario).apply(DraftEdit::SetBound {
        param: P::TransitionDip,
        bound: Bound::High,
        text: "4O%".into(),
    });
    assert!(draft.scenario().is_err());
    let text = serde_json::to_string(&draft).unwrap();
    let read: ScenarioDraft = serde_json::from_str(&text).unwrap();
    assert_eq!(read, draft);
}

#[test]
fn numbers_are_read_as_people_type_them() {
    assert_eq!(parse_number("24,000", Unit::Usd), Some(24_000.0));
    assert_eq!(parse_number(" $1,250.5 ", Unit::Usd), Some(1_250.5));
    assert_eq!(parse_number("\u{2212}0.4", Unit::LogOdds), Some(-0.4));
    // as the page prints a negative amount: the sign tied to "$" by a word joiner
    assert_eq!(parse_number("\u{2212}\u{2060}$1,250", Unit::Usd), Some(-1_250.0));
    assert_eq!(parse_number("15%", Unit::Share), Some(0.15));
    assert_eq!(parse_number("15%", Unit::Months), None);
    assert_eq!(parse_number("inf", Unit::Count), None);
    assert_eq!(parse_number("NaN", Unit::Count), None);
    assert_eq!(parse_number("1e400", Unit::Count), None);
    assert_eq!(parse_number("", Unit::Count), None);
    assert_eq!(parse_number("3 months", Unit::Months), None);
}

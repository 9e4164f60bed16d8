use super::*;
use crate::app::draft::{Bound, DraftEdit, Form, ScenarioDraft, StructureSlot};
use crate::sim::params::{CATALOGUE, P, find};
use crate::sim::presets;
use crate::sim::scenario::{Role, Scenario, Selling};
use crate::sim::uncertain::Uncertain;

/// Twenty generalists with every parameter at its default (the presets
/// give many assumptions a range, which would count as changed).
fn generalist() -> ScenarioDraft {
    ScenarioDraft::from_scenario(&Scenario::new("Defaults", presets::generalist_structure()))
}

#[test]
fn every_catalogue_entry_lands_in_exactly_one_group() {
    for spec in CATALOGUE {
        let homes: Vec<&str> = GROUPS
            .iter()
            .flat_map(|g| g.common.iter().chain(g.more).filter(|p| **p == spec.id).map(|_| g.id))
            .collect();
        assert_eq!(homes.len(), 1, "{} is in {homes:?}", spec.path);
    }
    let listed: usize = GROUPS.iter().map(|g| g.common.len() + g.more.len()).sum();
    assert_eq!(listed, CATALOGUE.len());
}

#[test]
fn the_groups_are_the_issues_in_its_order() {
    let titles: Vec<&str> = GROUPS.iter().map(|g| g.title).collect();
    assert_eq!(
        titles,
        [
            "Structure and headcount",
            "Lead flow",
            "Funnel",
            "Sales cycle and deal sizes",
            "Customers, tiers and retention",
            "People",
            "Incentives",
            "Restructuring",
            "Money",
            "Simulation settings"
        ]
    );
}

#[test]
fn each_group_lists_its_common_fields_first_and_more_holds_the_rest() {
    let view = editor_view(&generalist(), false);
    for (group, spec) in view.groups.iter().zip(GROUPS) {
        let common: Vec<P> = group.common().iter().map(|f| f.param).collect();
        let more: Vec<P> = group.more().iter().map(|f| f.param).collect();
        assert_eq!(common, spec.common, "{}", spec.id);
        assert_eq!(more, spec.more, "{}", spec.id);
        assert!(group.common().iter().all(|f| f.common), "{}", spec.id);
        assert!(group.more().iter().all(|f| !f.common), "{}", spec.id);
        if !group.more().is_empty() {
            assert_eq!(group.more_label(), format!("More ({})", spec.more.len()));
        }
    }
}

#[test]
fn a_field_row_carries_the_catalogues_words_and_the_range() {
    let view = editor_view(&generalist(), false);
    let row = view
        .groups
        .iter()
        .flat_map(|g| &g.fields)
        .find(|f| f.param == P::SdrRamp)
        .unwrap();
    let spec = P::SdrRamp.spec();
    assert_eq!(row.label, spec.label);
    assert_eq!(row.unit, "months");
    assert_eq!(row.range, "0–24 months");
    assert_eq!(row.default_text, "Default 3 months");
    assert_eq!(row.help, spec.help);
    assert!(row.source.starts_with("benchmark"));
    assert_eq!(row.id, "editor-roles-sdr-ramp_months");
    assert!(!row.changed);
    assert_eq!(row.problem, None);
    assert_eq!(range_text(P::InboundBudget.spec()), "0–10,000,000 USD per month");
    assert_eq!(range_text(P::InboundQuality.spec()), "\u{2212}3–3 log-odds");
}

#[test]
fn a_changed_field_with_a_problem_is_marked_and_the_summary_follows_the_screen() {
    let draft = generalist()
        .apply(DraftEdit::SetValue {
            param: P::DiscountRate,
            text: "2".into(),
        })
        .apply(DraftEdit::SetValue {
            param: P::SdrRamp,
            text: "40".into(),
        })
        .apply(DraftEdit::SetHeadcount {
            slot: StructureSlot::Start,
            role: Role::Generalist,
            text: "0".into(),
        });
    let view = editor_view(&draft, true);
    let row = view
        .groups
        .iter()
        .flat_map(|g| &g.fields)
        .find(|f| f.param == P::SdrRamp)
        .unwrap();
    assert!(row.changed);
    assert_eq!(row.value, "40");
    assert_eq!(row.problem.as_deref(), Some("must be between 0 and 24 months, got 40"));
    let sentences: Vec<&str> = view.problems.iter().map(|p| p.sentence.as_str()).collect();
    assert_eq!(
        sentences,
        [
            "Generalist reps: this structure gives work to generalist reps, so it needs at least 1 seat, got 0",
            "SDR ramp: must be between 0 and 24 months, got 40",
            "Discount rate: must be between 0 and 1 share per year, got 2",
        ]
    );
    assert_eq!(view.problems[1].target, "editor-roles-sdr-ramp_months");
    assert_eq!(view.problems[0].target, "editor-structure-headcount-generalist");
    let people = view.groups.iter().find(|g| g.spec.id == "people").unwrap();
    assert_eq!((people.changed, people.problems), (1, 1));
    assert_eq!(view.notice, Some(READ_ONLY_NOTICE));
    let headcount = &view.decisions.start.headcount[0];
    assert!(headcount.needed);
    assert!(headcount.seats.problem.as_deref().unwrap().contains("at least 1 seat"));
}

#[test]
fn a_change_hidden_under_more_opens_it() {
    let view = editor_view(
        &generalist().apply(DraftEdit::SetValue {
            param: P::LeadExpiryMonths,
            text: "5".into(),
        }),
        false,
    );
    let leads = view.groups.iter().find(|g| g.spec.id == "lead-flow").unwrap();
    assert!(leads.more_open());
    assert!(leads.more_label().ends_with("1 changed)"));
    let funnel = view.groups.iter().find(|g| g.spec.id == "funnel").unwrap();
    assert!(!funnel.more_open());
}

#[test]
fn a_range_shows_its_bounds_and_a_picture() {
    let draft = generalist().apply(DraftEdit::SetForm {
        param: P::CycleMeanMonths,
        form: Form::Lognormal,
    });
    let view = editor_view(&draft, false);
    let row = view
        .groups
        .iter()
        .flat_map(|g| &g.fields)
        .find(|f| f.param == P::CycleMeanMonths)
        .unwrap();
    let labels: Vec<&str> = row.bounds.iter().map(|b| b.label).collect();
    assert_eq!(labels, ["5th percentile", "95th percentile"]);
    assert_eq!(row.bounds[0].id, "editor-funnel-cycle_mean_months-low");
    assert_eq!(row.focus_id(), row.bounds[0].id);
    let picture = row.picture.as_ref().unwrap();
    assert!(
        picture
            .label
            .starts_with("In 9 futures out of 10 between 2 and 3 months"),
        "{}",
        picture.label
    );
    assert_eq!(picture.marks.len(), 2);
    // a fixed number has no picture
    let fixed = view
        .groups
        .iter()
        .flat_map(|g| &g.fields)
        .find(|f| f.param == P::AcvMedian)
        .unwrap();
    assert!(fixed.picture.is_none() && fixed.bounds.is_empty());
}

#[test]
fn the_structure_editor_offers_each_stage_and_maps_picks_to_edits() {
    let view = editor_view(&generalist(), false);
    let stages = &view.decisions.start.stages;
    assert_eq!(stages.len(), 3);
    assert_eq!(stages[0].label, "Who generates leads");
    let keys: Vec<&str> = stages[0].choices.iter().map(|c| c.key).collect();
    assert_eq!(keys, ["generalist", "sdr", "agency"]);
    assert!(stages[0].choices[0].selected);
    assert_eq!(
        stage_edit(StructureSlot::Target, Stage::Selling, "ae"),
        Some(DraftEdit::SetSelling {
            slot: StructureSlot::Target,
            to: Selling::Ae
        })
    );
    assert_eq!(stage_edit(StructureSlot::Start, Stage::Serving, "agency"), None);
    assert!(view.decisions.start.account_tiers_help.contains("strategic"));
    let lead_flow = view.groups.iter().find(|g| g.spec.id == "lead-flow").unwrap();
    assert!(lead_flow.toggles.iter().all(|t| !t.help.is_empty()));
    assert_eq!(view.decisions.months.range, "12–120 months");
    assert_eq!(view.decisions.restructuring.month.range, "1–35");
}

fn picture_of(value: Uncertain, param: P) -> DensityPicture {
    density_picture(&value, find(param.spec().path).unwrap()).unwrap()
}

/// Trapezoid area under the picture's curve between two x positions
/// (pixels); the curve is drawn down from the top, so heights are
/// `PICTURE_HEIGHT - y`.
fn area_between(picture: &DensityPicture, from: f64, to: f64) -> f64 {
    picture
        .points
        .windows(2)
        .filter(|w| w[0].0 >= from - 1e-9 && w[1].0 <= to + 1e-9)
        .map(|w| 0.5 * (w[1].0 - w[0].0) * ((PICTURE_HEIGHT - w[0].1) + (PICTURE_HEIGHT - w[1].1)))
        .sum()
}

#[test]
fn the_triangular_picture_peaks_at_the_mode() {
    let picture = picture_of(
        Uncertain::Triangular {
            min: 2.0,
            mode: 3.0,
            max: 8.0,
        },
        P::CycleMeanMonths,
    );
    let peak = picture.points.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
    assert_eq!(peak.0, picture.marks[1], "the peak sits on the mode's mark");
    assert!(picture.marks[0] < peak.0 && peak.0 < picture.marks[2]);
    // the curve is zero outside the range
    assert!(
        picture
            .points
            .iter()
            .filter(|p| p.0 < picture.marks[0])
            .all(|p| p.1 == PICTURE_HEIGHT)
    );
    assert!(picture.area.starts_with("M0.00,40.00") && picture.area.ends_with('Z'));
}

#[test]
fn the_lognormal_ninety_percent_interval_holds_about_ninety_percent_of_the_area() {
    let picture = picture_of(
        Uncertain::Lognormal { low: 8.0, high: 12.5 },
        P::HoursPerOutboundMeetingSdr,
    );
    let total = area_between(&picture, 0.0, PICTURE_WIDTH);
    let inside = area_between(&picture, picture.marks[0], picture.marks[1]);
    // The picture spans ±3 sd (99.7% of the mass), so the interval holds
    // 0.90 / 0.997 = 0.903 of it; a trapezoid sum over 96 steps is within 0.01.
    let share = inside / total;
    assert!((share - 0.903).abs() < 0.01, "{share}");
    // skewed: the peak (the mode) lies left of the median's middle position
    let peak = picture.points.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
    assert!(peak.0 < 0.5 * (picture.marks[0] + picture.marks[1]));
}

#[test]
fn the_normal_picture_is_symmetric_and_cut_at_the_allowed_range() {
    let picture = picture_of(Uncertain::Normal { low: 0.1, high: 0.3 }, P::OpportunityToWin);
    let left = area_between(&picture, 0.0, PICTURE_WIDTH / 2.0);
    let right = area_between(&picture, PICTURE_WIDTH / 2.0, PICTURE_WIDTH);
    assert!((left - right).abs() / (left + right) < 0.01);
    // a bell curve straddling the range's floor of 0.001 is cut there: its
    // left end is still well up the curve
    let cut = picture_of(Uncertain::Normal { low: 0.0, high: 0.1 }, P::OpportunityToWin);
    assert!(cut.points[0].1 < PICTURE_HEIGHT - 5.0);
}

#[test]
fn no_picture_for_a_shape_without_width_or_with_crossed_ends() {
    let spec = P::OpportunityToWin.spec();
    assert!(density_picture(&Uncertain::Fixed(0.2), spec).is_none());
    assert!(density_picture(&Uncertain::Uniform { min: 0.2, max: 0.2 }, spec).is_none());
    assert!(density_picture(&Uncertain::Normal { low: 0.3, high: 0.1 }, spec).is_none());
    let bound = generalist()
        .apply(DraftEdit::SetForm {
            param: P::OpportunityToWin,
            form: Form::Uniform,
        })
        .apply(DraftEdit::SetBound {
            param: P::OpportunityToWin,
            bound: Bound::High,
            text: "x".into(),
        });
    let view = editor_view(&bound, false);
    let row = view
        .groups
        .iter()
        .flat_map(|g| &g.fields)
        .find(|f| f.param == P::OpportunityToWin)
        .unwrap();
    assert!(row.picture.is_none());
    assert_eq!(row.bounds[1].text, "x");
    assert!(
        row.problem
            .as_deref()
            .unwrap()
            .starts_with("the highest must be a number between 0.001 and 0.99")
    );
}

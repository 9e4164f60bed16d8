//! The org chart's layout and words, for every preset and 1–200 sellers.

use super::*;
use crate::sim::model::Prepared;
use crate::sim::presets;
use crate::sim::run::run_chunk;
use crate::sim::scenario::{Headcount, Restructuring};
use crate::sim::stats::Accumulator;

const SIZES: [ChartSize; 2] = [ChartSize::WIDE, ChartSize::NARROW];

fn summary_of(scenario: &Scenario) -> Summary {
    run_chunk(&Prepared::new(scenario), 1, 0..20)
}

/// A summary whose every month of every metric has mean `value`, to
/// give labels long numbers without running the engine.
fn flat_summary(scenario: &Scenario, value: f64) -> Summary {
    let mut summary = Summary::empty(scenario, 1);
    summary.runs = 3;
    for months in &mut summary.monthly {
        for month in months.iter_mut() {
            let mut accumulator = Accumulator::new();
            accumulator.insert_repeated(value, 3);
            *month = accumulator;
        }
    }
    summary
}

fn structure(lead: LeadGeneration, selling: Selling, serving: Serving, n: u32, retention: u32) -> Structure {
    let mut headcount = Headcount {
        retention,
        ..Headcount::default()
    };
    let mut needs = |role| match role {
        Role::Generalist => headcount.generalist = n,
        Role::Sdr => headcount.sdr = n,
        Role::Ae => headcount.ae = n,
        Role::Am => headcount.am = n,
        Role::Retention => headcount.retention = n,
    };
    if let Some(role) = lead_role_of(lead) {
        needs(role);
    }
    needs(if selling == Selling::Ae {
        Role::Ae
    } else {
        Role::Generalist
    });
    needs(if serving == Serving::Am {
        Role::Am
    } else {
        Role::Generalist
    });
    Structure {
        lead_generation: lead,
        selling,
        serving,
        headcount,
        account_tiers: n % 2 == 0,
    }
}

fn lead_role_of(lead: LeadGeneration) -> Option<Role> {
    match lead {
        LeadGeneration::Generalist => Some(Role::Generalist),
        LeadGeneration::Sdr => Some(Role::Sdr),
        LeadGeneration::Agency => None,
    }
}

/// Every combination of who generates leads, sells and serves.
fn every_structure(n: u32, retention: u32) -> Vec<Structure> {
    let mut all = Vec::new();
    for lead in [LeadGeneration::Generalist, LeadGeneration::Sdr, LeadGeneration::Agency] {
        for selling in [Selling::Generalist, Selling::Ae] {
            for serving in [Serving::Generalist, Serving::Am] {
                all.push(structure(lead, selling, serving, n, retention));
            }
        }
    }
    all
}

fn all_boxes(view: &OrgChartView) -> impl Iterator<Item = &OrgBox> {
    view.panels.iter().flat_map(|p| &p.boxes)
}

fn all_arrows(view: &OrgChartView) -> impl Iterator<Item = &Arrow> {
    view.panels.iter().flat_map(|p| &p.arrows)
}

/// Coordinates of a path, in (x, y) pairs.
fn path_points(d: &str) -> Vec<(f64, f64)> {
    let numbers: Vec<f64> = d
        .split(|c: char| c.is_ascii_alphabetic() || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    numbers.chunks(2).map(|p| (p[0], p[1])).collect()
}

/// No two of the boxes and labels overlap, except boxes and the
/// company's name inside the company's boundary; every box's text fits
/// it; everything lies inside the SVG and its panel.
fn assert_clean(view: &OrgChartView, what: &str) {
    let chart = Rect {
        x: 0.0,
        y: 0.0,
        width: view.width,
        height: view.height,
    };
    for panel in &view.panels {
        let company = panel.boxes.iter().find(|b| b.kind == BoxKind::Company).unwrap().rect();
        let mut items: Vec<(Rect, String)> = Vec::new();
        for b in &panel.boxes {
            assert!(
                b.rect().contains(&b.label.bounds),
                "{what}: text overflows {:?}",
                b.label.text()
            );
            if b.kind == BoxKind::Company {
                items.push((b.label.bounds, "company name".to_owned()));
            } else {
                items.push((b.rect(), format!("{:?} {}", b.kind, b.label.text())));
            }
            match b.kind {
                BoxKind::Role | BoxKind::Manager => {
                    assert!(
                        company.contains(&b.rect()),
                        "{what}: {} outside the company",
                        b.label.text()
                    );
                }
                BoxKind::Agency => assert!(!company.intersects(&b.rect()), "{what}: agency inside"),
                BoxKind::Company => {}
            }
        }
        for arrow in &panel.arrows {
            let label = arrow.label.bounds;
            assert!(
                company.contains(&label) || !company.intersects(&label),
                "{what}: {} label straddles the company boundary",
                arrow.label.text()
            );
            items.push((label, format!("label {}", arrow.label.text())));
            for (x, y) in path_points(&arrow.d) {
                assert!(
                    x >= 0.0 && x <= view.width && y >= 0.0 && y <= view.height,
                    "{what}: {}",
                    arrow.d
                );
            }
        }
        if let Some(title) = &panel.title {
            assert!(!company.intersects(&title.bounds), "{what}: title");
            items.push((title.bounds, format!("title {}", title.text())));
        }
        for (i, (a, name_a)) in items.iter().enumerate() {
            assert!(
                chart.contains(a),
                "{what}: {name_a} {a:?} outside {}×{}",
                view.width,
                view.height
            );
            assert!(panel.bounds.contains(a), "{what}: {name_a} outside its panel");
            for (b, name_b) in &items[i + 1..] {
                assert!(!a.intersects(b), "{what}: {name_a} {a:?} overlaps {name_b} {b:?}");
            }
        }
        assert!(chart.contains(&company), "{what}: company outside the chart");
    }
    for (i, a) in view.panels.iter().enumerate() {
        for b in &view.panels[i + 1..] {
            assert!(!a.bounds.intersects(&b.bounds), "{what}: panels overlap");
        }
    }
    assert_eq!(view.font_size, 13.0);
}

#[test]
fn no_box_or_label_overlaps_another_for_any_preset_at_either_size() {
    for preset in presets::all() {
        let summary = summary_of(&preset.scenario);
        for size in SIZES {
            for run in [None, Some(&summary)] {
                let view = org_chart(&preset.scenario, run, size);
                assert_clean(
                    &view,
                    &format!("{} at {}, run {}", preset.id, size.width, run.is_some()),
                );
            }
        }
    }
}

#[test]
fn no_box_or_label_overlaps_another_for_1_to_200_people_in_every_structure() {
    let counts: Vec<u32> = (1..=200).step_by(7).chain([8, 9, 16, 17, 99, 100, 200]).collect();
    for n in counts {
        for (k, structure) in every_structure(n, n % 3).into_iter().enumerate() {
            let scenario = Scenario::new("Sweep", structure);
            let summary = flat_summary(&scenario, 12_345.6);
            for size in SIZES {
                for run in [None, Some(&summary)] {
                    let view = org_chart(&scenario, run, size);
                    assert_clean(&view, &format!("structure {k}, n = {n}, at {}", size.width));
                }
            }
        }
    }
}

#[test]
fn a_restructuring_between_any_two_structures_stays_clean() {
    let before = every_structure(20, 0);
    let after = every_structure(37, 4);
    for (i, from) in before.iter().enumerate() {
        for (j, to) in after.iter().enumerate() {
            let mut scenario = Scenario::new("Change", from.clone());
            scenario.restructuring = Some(Restructuring {
                month: 9,
                to: to.clone(),
                process_owner: (i + j) % 2 == 0,
            });
            let summary = flat_summary(&scenario, 1_234.5);
            for size in SIZES {
                let view = org_chart(&scenario, Some(&summary), size);
                assert_clean(&view, &format!("{i} → {j} at {}", size.width));
                assert_eq!(view.panels.len(), 2);
            }
        }
    }
}

/// A preset without its hiring plan, for tests that read exact words.
fn unplanned(id: &str) -> Scenario {
    let mut scenario = presets::find(id).unwrap().scenario;
    scenario.hiring_plan.clear();
    scenario
}

fn texts(view: &OrgChartView, kind: BoxKind) -> Vec<String> {
    all_boxes(view)
        .filter(|b| b.kind == kind)
        .map(|b| b.label.text())
        .collect()
}

#[test]
fn teams_and_managers_are_counted_in_words_singular_or_plural() {
    let specialised = |n| {
        let s = structure(LeadGeneration::Sdr, Selling::Ae, Serving::Am, n, 0);
        Scenario::new(
            "S",
            Structure {
                account_tiers: false,
                ..s
            },
        )
    };
    // The default span of control is 8.
    let one = org_chart(&specialised(1), None, ChartSize::WIDE);
    assert_eq!(
        texts(&one, BoxKind::Role),
        vec!["1 SDR book meetings", "1 AE sell", "1 AM serve customers"]
    );
    assert_eq!(texts(&one, BoxKind::Manager), vec!["1 manager"; 3]);
    let nine = org_chart(&specialised(9), None, ChartSize::NARROW);
    assert_eq!(texts(&nine, BoxKind::Role)[0], "9 SDRs book meetings");
    assert_eq!(texts(&nine, BoxKind::Manager), vec!["2 managers"; 3]);
    let many = org_chart(&specialised(2_000), None, ChartSize::WIDE);
    assert_eq!(texts(&many, BoxKind::Role)[1], "2,000 AEs sell");
    assert_eq!(texts(&many, BoxKind::Manager)[0], "250 managers");

    let generalist = Scenario::new(
        "G",
        structure(
            LeadGeneration::Generalist,
            Selling::Generalist,
            Serving::Generalist,
            20,
            0,
        ),
    );
    let view = org_chart(&generalist, None, ChartSize::WIDE);
    assert_eq!(
        texts(&view, BoxKind::Role),
        vec!["20 generalist reps prospect, sell and serve by tier"]
    );
    assert_eq!(texts(&view, BoxKind::Manager), vec!["3 managers"]);
    let flows: Vec<Flow> = all_arrows(&view).map(|a| a.flow).collect();
    assert_eq!(flows, vec![Flow::Leads, Flow::Loop, Flow::Churn]);
}

#[test]
fn the_span_of_control_comes_from_the_scenarios_parameters() {
    let scenario = unplanned("specialised").with(P::SpanOfControl, 3.0);
    let view = org_chart(&scenario, None, ChartSize::WIDE);
    // 6 SDRs, 8 AEs and 6 AMs at one manager per 3.
    assert_eq!(
        texts(&view, BoxKind::Manager),
        vec!["2 managers", "3 managers", "2 managers"]
    );
    assert!(
        view.text
            .summary
            .contains("7 front-line managers lead them, one for every 3 people"),
        "{}",
        view.text.summary
    );
}

#[test]
fn the_agency_is_outside_the_company_and_sends_meetings_in() {
    let scenario = unplanned("outsourced");
    for size in SIZES {
        let view = org_chart(&scenario, None, size);
        let panel = &view.panels[0];
        let agency: Vec<&OrgBox> = panel.boxes.iter().filter(|b| b.kind == BoxKind::Agency).collect();
        assert_eq!(agency.len(), 1);
        assert_eq!(agency[0].dash, Some("6 4"));
        let company = panel.boxes.iter().find(|b| b.kind == BoxKind::Company).unwrap();
        assert!(!company.rect().intersects(&agency[0].rect()));
        let meetings = panel.arrows.iter().find(|a| a.flow == Flow::Meetings).unwrap();
        let start = path_points(&meetings.d)[0];
        let agency_rect = agency[0].rect();
        assert!(
            (start.0 - agency_rect.right()).abs() < 0.2 || (start.1 - agency_rect.bottom()).abs() < 0.2,
            "the meetings arrow starts at the agency: {}",
            meetings.d
        );
        assert_eq!(
            texts(&view, BoxKind::Role),
            vec!["10 AEs qualify leads and sell", "6 AMs serve customers"]
        );
    }
    for preset in presets::all().into_iter().filter(|p| p.id != "outsourced") {
        let view = org_chart(&preset.scenario, None, ChartSize::WIDE);
        assert!(all_boxes(&view).all(|b| b.kind != BoxKind::Agency), "{}", preset.id);
    }
}

#[test]
fn retention_managers_sit_beside_the_account_managers() {
    for (scenario, size) in [
        (unplanned("retention"), ChartSize::WIDE),
        (unplanned("retention"), ChartSize::NARROW),
        (presets::find("retention").unwrap().scenario, ChartSize::WIDE),
        (presets::find("retention").unwrap().scenario, ChartSize::NARROW),
    ] {
        let view = org_chart(&scenario, None, size);
        let boxes = &view.panels[0].boxes;
        let team = |role| {
            boxes
                .iter()
                .find(|b| b.kind == BoxKind::Role && b.role == Some(role))
                .unwrap()
        };
        let (am, retention) = (team(Role::Am), team(Role::Retention));
        assert_eq!(am.y, retention.y, "at {}", size.width);
        assert!(retention.x > am.x + am.width);
        assert!(
            retention.label.text().starts_with("2 retention"),
            "{}",
            retention.label.text()
        );
        assert!(
            boxes
                .iter()
                .any(|b| b.kind == BoxKind::Manager && b.role == Some(Role::Retention))
        );
    }
    let specialised = org_chart(&presets::find("specialised").unwrap().scenario, None, ChartSize::WIDE);
    assert!(all_boxes(&specialised).all(|b| b.role != Some(Role::Retention)));
}

#[test]
fn managers_sit_above_their_teams_with_a_reporting_line() {
    for preset in presets::all() {
        for size in SIZES {
            let view = org_chart(&preset.scenario, None, size);
            for panel in &view.panels {
                let managers: Vec<&OrgBox> = panel.boxes.iter().filter(|b| b.kind == BoxKind::Manager).collect();
                assert_eq!(managers.len(), panel.connectors.len());
                for (manager, line) in managers.iter().zip(&panel.connectors) {
                    let team = panel
                        .boxes
                        .iter()
                        .find(|b| b.kind == BoxKind::Role && b.role == manager.role)
                        .unwrap();
                    assert!(manager.y + manager.height <= team.y);
                    assert!(manager.x >= team.x && manager.x + manager.width <= team.x + team.width);
                    assert_eq!((line.y1, line.y2), (px(manager.y + manager.height), team.y));
                    assert!(line.x > team.x && line.x < team.x + team.width);
                }
            }
        }
    }
}

#[test]
fn a_restructuring_is_two_panels_titled_with_the_switch_month() {
    for id in ["restructure", "restructure-with-owner"] {
        let preset = presets::find(id).unwrap();
        for size in SIZES {
            let view = org_chart(&preset.scenario, None, size);
            assert_eq!(view.panels.len(), 2);
            let titles: Vec<String> = view.panels.iter().map(|p| p.title.as_ref().unwrap().text()).collect();
            let owner = id.ends_with("owner");
            assert_eq!(titles[0], "Until month 6");
            if owner {
                assert_eq!(titles[1], "From month 6 A process owner leads the change");
            } else {
                assert_eq!(titles[1], "From month 6");
            }
            assert_eq!(view.panels[0].months, 1..6);
            assert_eq!(view.panels[1].months, 6..37);
            assert_eq!(
                texts(&view, BoxKind::Role)[0],
                "20 generalist reps prospect, sell and serve"
            );
            let (a, b) = (view.panels[0].bounds, view.panels[1].bounds);
            if size == ChartSize::WIDE {
                assert!(a.right() <= b.x && a.y == b.y, "side by side");
            } else {
                assert!(a.bottom() <= b.y && a.x == b.x, "one above the other");
            }
            assert_eq!(
                view.table.headers,
                vec!["Team or flow", "Until month 6", "From month 6"]
            );
            let owner_row = view.table.rows.last().unwrap();
            assert_eq!(owner_row[2], if owner { "yes" } else { "no" });
        }
    }
    for preset in presets::all()
        .into_iter()
        .filter(|p| p.scenario.restructuring.is_none())
    {
        let view = org_chart(&preset.scenario, None, ChartSize::WIDE);
        assert_eq!(view.panels.len(), 1);
        assert!(view.panels[0].title.is_none());
    }
}

#[test]
fn a_narrow_screen_stacks_the_specialised_teams() {
    let scenario = presets::find("specialised").unwrap().scenario;
    assert_eq!(
        org_chart(&scenario, None, ChartSize::WIDE).panels[0].layout,
        Layout::Across
    );
    let narrow = org_chart(&scenario, None, ChartSize::NARROW);
    assert_eq!(narrow.panels[0].layout, Layout::Down);
    let tops: Vec<f64> = narrow.panels[0]
        .boxes
        .iter()
        .filter(|b| b.kind == BoxKind::Role)
        .map(|b| b.y)
        .collect();
    assert!(tops.windows(2).all(|w| w[0] < w[1]), "{tops:?}");
    assert_eq!(narrow.width, 350.0);
}

fn label_of(view: &OrgChartView, panel: usize, flow: Flow) -> String {
    view.panels[panel]
        .arrows
        .iter()
        .find(|a| a.flow == flow)
        .unwrap()
        .label
        .text()
}

#[test]
fn numbers_appear_only_with_a_run_and_equal_its_means() {
    for preset in presets::all() {
        let without = org_chart(&preset.scenario, None, ChartSize::WIDE);
        for arrow in all_arrows(&without) {
            assert!(
                !arrow.label.text().chars().any(|c| c.is_ascii_digit()),
                "{}: {}",
                preset.id,
                arrow.label.text()
            );
        }
        assert!(without.panels.iter().all(|p| p.volumes.is_none()));
        assert!(!without.table.rows.iter().any(|r| r[0] == "Leads a month"));
    }
    for id in ["generalist", "specialised", "outsourced", "retention"] {
        let scenario = presets::find(id).unwrap().scenario;
        let summary = summary_of(&scenario);
        let mean = |metric| summary.mean_over_months(metric);
        for size in SIZES {
            let view = org_chart(&scenario, Some(&summary), size);
            let volumes = view.panels[0].volumes.unwrap();
            assert_eq!(volumes.leads, mean(Metric::Leads));
            assert_eq!(volumes.meetings_lost, mean(Metric::MeetingsLost));
            assert_eq!(volumes.churned, mean(Metric::ChurnedCustomers));
            let leads = label_of(&view, 0, Flow::Leads);
            assert!(
                leads.starts_with(&format!("{} leads a month", count(mean(Metric::Leads)))),
                "{leads}"
            );
            assert!(
                leads.contains(&format!("({} lost unworked)", count(mean(Metric::LeadsExpired)))),
                "{leads}"
            );
            let churn = label_of(&view, 0, Flow::Churn);
            assert_eq!(
                churn,
                format!("{} customers lost a month", count(mean(Metric::ChurnedCustomers)))
            );
            let carried = if id == "generalist" {
                label_of(&view, 0, Flow::Loop)
            } else {
                format!(
                    "{} {}",
                    label_of(&view, 0, Flow::Meetings),
                    label_of(&view, 0, Flow::Customers)
                )
            };
            for (metric, words) in [
                (Metric::Meetings, "meetings a month"),
                (Metric::Opportunities, "opportunities a month"),
                (Metric::OpportunitiesTimedOut, "lost to age or departures"),
                (Metric::Deals, "new customers a month"),
            ] {
                let expected = format!("{} {words}", count(mean(metric)));
                assert!(
                    carried.replace('(', "").contains(&expected),
                    "{id}: {expected} in {carried}"
                );
            }
            let lost = if id == "generalist" {
                "never held"
            } else {
                "lost in hand-off or never held"
            };
            assert!(
                carried.contains(&format!("({} {lost})", count(mean(Metric::MeetingsLost)))),
                "{carried}"
            );
        }
    }
}

#[test]
fn each_structure_of_a_restructuring_shows_the_means_of_its_own_months() {
    let mut scenario = presets::find("restructure").unwrap().scenario;
    scenario.months = 12;
    let mut summary = flat_summary(&scenario, 0.0);
    // Leads are 100 a month until the switch in month 6, then 40.
    for (i, month) in summary.monthly[Metric::Leads as usize].iter_mut().enumerate() {
        let mut accumulator = Accumulator::new();
        accumulator.insert_repeated(if i < 5 { 100.0 } else { 40.0 }, 3);
        *month = accumulator;
    }
    let view = org_chart(&scenario, Some(&summary), ChartSize::WIDE);
    assert_eq!(view.panels[0].volumes.unwrap().leads, 100.0);
    assert_eq!(view.panels[1].volumes.unwrap().leads, 40.0);
    assert!(label_of(&view, 0, Flow::Leads).starts_with("100 leads a month"));
    assert!(label_of(&view, 1, Flow::Leads).starts_with("40 leads a month"));
    assert_eq!(
        view.table.rows.iter().find(|r| r[0] == "Leads a month").unwrap()[1..],
        ["100 (0 lost unworked)", "40 (0 lost unworked)"]
    );
    assert!(view.text.summary.contains("means of the months it ran"));
}

#[test]
fn one_a_month_reads_in_the_singular() {
    let scenario = presets::find("specialised").unwrap().scenario;
    let view = org_chart(&scenario, Some(&flat_summary(&scenario, 1.0)), ChartSize::WIDE);
    assert!(label_of(&view, 0, Flow::Leads).starts_with("1 lead a month"));
    assert_eq!(label_of(&view, 0, Flow::Churn), "1 customer lost a month");
    assert!(label_of(&view, 0, Flow::Customers).ends_with("1 new customer a month"));
    let view = org_chart(&scenario, Some(&flat_summary(&scenario, 2.44)), ChartSize::WIDE);
    assert!(label_of(&view, 0, Flow::Meetings).starts_with("2.4 meetings a month"));
}

#[test]
fn planned_hires_show_in_their_teams_box() {
    let mut scenario = unplanned("specialised");
    scenario.hiring_plan = vec![
        PlannedHire {
            month: 4,
            role: Role::Ae,
            count: 2,
        },
        PlannedHire {
            month: 9,
            role: Role::Ae,
            count: 1,
        },
        PlannedHire {
            month: 3,
            role: Role::Retention,
            count: 2,
        },
    ];
    for size in SIZES {
        let view = org_chart(&scenario, None, size);
        assert_clean(&view, "hires");
        let roles = texts(&view, BoxKind::Role);
        assert!(
            roles.contains(&"8 AEs sell +3 planned from month 4".to_owned()),
            "{roles:?}"
        );
        assert!(
            roles.contains(&"0 retention managers keep customers +2 planned from month 3".to_owned()),
            "{roles:?}"
        );
    }
}

#[test]
fn the_words_and_the_table_describe_the_picture() {
    let view = org_chart(&unplanned("specialised"), None, ChartSize::WIDE);
    assert_eq!(view.title, "Organisation: Three-stage specialised");
    assert!(view.text.label.starts_with("Org chart of Three-stage specialised"));
    assert_eq!(
        view.text.summary,
        "6 SDRs book meetings, 8 account executives sell and 6 account managers serve customers. 3 front-line managers lead them, one for every 8 people in a team."
    );
    let rows: Vec<&[String]> = view.table.rows.iter().map(Vec::as_slice).collect();
    assert_eq!(rows[0], ["SDRs", "6 (1 manager)"]);
    assert_eq!(rows[1], ["Account executives", "8 (1 manager)"]);

    let outsourced = unplanned("outsourced");
    let run = summary_of(&outsourced);
    let view = org_chart(&outsourced, Some(&run), ChartSize::NARROW);
    assert!(
        view.text
            .summary
            .starts_with("An agency outside the company books meetings, 10 account executives qualify leads and sell")
    );
    assert!(
        view.text
            .summary
            .contains(&format!("{} leads arrive", count(run.mean_over_months(Metric::Leads))))
    );
    assert_eq!(view.table.rows[0], ["Agency", "books meetings"]);
}

#[test]
fn each_chart_has_its_own_arrowhead_id() {
    let presets = presets::all();
    let ids: Vec<String> = presets
        .iter()
        .flat_map(|p| SIZES.map(|size| org_chart(&p.scenario, None, size).marker_id))
        .collect();
    for (i, id) in ids.iter().enumerate() {
        assert!(id.starts_with("org-arrow-") && id.len() == "org-arrow-".len() + 16);
        assert!(!ids[i + 1..].contains(id), "{id}");
    }
    let again = org_chart(&presets[0].scenario, None, ChartSize::WIDE);
    assert_eq!(again.marker_id, ids[0]);
}

//! "A picture of the organisation" (issue 10): an org chart of one
//! scenario. Each team is a box with its headcount, its front-line managers
//! sit in a grey box above it (one per span of control), an agency that
//! books meetings sits in a dashed box outside the company's rounded
//! boundary, and arrows carry the work through the stages: leads into the
//! team that works them, meetings to the sellers, new customers to the
//! servers, lost customers out. A team that does two or three stages has a
//! loop instead of an arrow. Given the last run, every arrow carries its
//! monthly volume and what is lost on the way.
//!
//! A restructuring is drawn as two panels, "Until month 6" and "From
//! month 6", side by side on a wide screen and one above the other on a
//! phone; each panel's volumes are the means of the months that structure
//! ran, since one mean over the whole horizon would mix the two.
//!
//! Two layouts, picked per panel: *across* (teams side by side, the flow
//! running left to right, labels in a band under the teams) when the teams
//! fit the panel's width with room for their labels, else *down* (one team
//! per row, the flow running down a spine at the boxes' left, labels to
//! its right). Text widths are estimated generously (0.6 em a character),
//! and the tests check that no box or label overlaps another at both sizes.

use std::ops::Range;

use super::fan::{FONT_SIZE, label_width};
use super::format::{count, month};
use super::pair::px;
use super::{ChartSize, ChartText, DataTable};
use crate::sim::metrics::Metric;
use crate::sim::params::P;
use crate::sim::run::{Summary, fingerprint};
use crate::sim::scenario::{LeadGeneration, PlannedHire, Role, Scenario, Selling, Serving, Structure};

mod layout;
mod plan;
#[cfg(test)]
mod tests;
mod words;

use layout::*;
use plan::*;

/// Height of one line of text at [`FONT_SIZE`].
const LINE: f64 = 16.0;
/// From the top of a line to its baseline: the ascent of 13 px text and a pixel.
const BASELINE: f64 = 12.0;
/// Space between a panel's edge and anything in it.
const MARGIN: f64 = 4.0;
/// Space between the company's boundary and the boxes inside it.
const PAD: f64 = 12.0;
const BOX_PAD_X: f64 = 10.0;
const BOX_PAD_Y: f64 = 6.0;
const MIN_TEAM_WIDTH: f64 = 110.0;
/// A team with a loop is wider, so the loop's label has room under it.
const LOOP_TEAM_WIDTH: f64 = 190.0;
/// ... and as wide as this when the panel has room.
const WIDE_LOOP_TEAM_WIDTH: f64 = 320.0;
/// Free space each side of a manager box over its team: the arrow into
/// the team comes down there.
const MANAGER_CLEARANCE: f64 = 22.0;
/// Where a vertical arrow meets a box, from the box's nearer edge.
const ARROW_INSET: f64 = 14.0;
/// From the manager row to the team row; a loop rises into it.
const MANAGER_GAP: f64 = 22.0;
/// The company's name row inside its boundary.
const COMPANY_HEAD: f64 = 28.0;
/// Between two teams an arrow joins (across).
const FLOW_GAP: f64 = 44.0;
/// Between a team and one beside it that no arrow joins; wider than a loop's overhang.
const SIDE_GAP: f64 = 24.0;
/// Across, two teams' centres are at least this plus a margin apart, so
/// the label centred under the arrow between them has this much width.
const MIN_LABEL_WIDTH: f64 = 150.0;
/// Across, spare width widens each gap between teams by at most this.
const MAX_EXTRA_GAP: f64 = 140.0;
/// Between the agency and the company (across).
const AGENCY_GAP: f64 = 48.0;
/// Down, the agency's left edge from the leads arrow.
const AGENCY_INSET: f64 = 24.0;
/// A team's words wrap to this width when it must make room beside it
/// ("serve customers" still fits on one line).
const COMPACT_TEXT: f64 = 117.0;
/// Between a box and labels under it, and between stacked labels.
const GAP: f64 = 8.0;
/// How far a loop reaches past its box's right edge.
const LOOP_OVERHANG: f64 = 16.0;
/// The churn arrow's length below the company (across).
const CHURN_DROP: f64 = 20.0;
const CHURN_LABEL_WIDTH: f64 = 260.0;
const PANEL_GAP: f64 = 20.0;
/// Two panels go side by side from this chart width.
const SIDE_BY_SIDE_FROM: f64 = 700.0;

const COMPANY_NAME: &str = "The company";
const NO_DATA: &str = "\u{2014}";

const MANAGER_FILL: &str = "#e3e3e3";
const MANAGER_STROKE: &str = "#6b6b6b";
const AGENCY_FILL: &str = "#ffffff";
const AGENCY_STROKE: &str = "#555555";
const COMPANY_FILL: &str = "#fafafa";
const COMPANY_STROKE: &str = "#8c8c8c";

/// A light tint of an Okabe–Ito colour for a team's fill (dark text reads
/// on it) and a darker shade of the same hue for its outline (at least
/// 3:1 against white). The role is also written in the box, so colour is
/// never the only cue.
fn role_colours(role: Role) -> (&'static str, &'static str) {
    match role {
        Role::Generalist => ("#d9eaf5", "#0072b2"),
        Role::Sdr => ("#fbeccc", "#a66f00"),
        Role::Ae => ("#cdeee4", "#007a59"),
        Role::Am => ("#f5e1ec", "#a8508a"),
        Role::Retention => ("#dcf0fb", "#2a7fb0"),
    }
}

/// A rectangle in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    #[must_use]
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    #[must_use]
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// The two share some area (touching edges do not count).
    #[must_use]
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    /// `other` lies wholly inside (edges may touch).
    #[must_use]
    pub fn contains(&self, other: &Rect) -> bool {
        const SLACK: f64 = 1e-6;
        other.x >= self.x - SLACK
            && other.y >= self.y - SLACK
            && other.right() <= self.right() + SLACK
            && other.bottom() <= self.bottom() + SLACK
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    #[must_use]
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One line of text; `y` is its baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub x: f64,
    pub y: f64,
}

/// Lines of text with the rectangle they take (estimated from their length).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub lines: Vec<TextLine>,
    pub anchor: Anchor,
    pub bounds: Rect,
}

impl Label {
    /// The lines as one string, e.g. for a tooltip.
    #[must_use]
    pub fn text(&self) -> String {
        self.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ")
    }

    fn shift_down(&mut self, dy: f64) {
        self.bounds.y += dy;
        for line in &mut self.lines {
            line.y += dy;
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoxKind {
    /// A team of one role, with its headcount.
    Role,
    /// The front-line managers of the team below.
    Manager,
    /// The outside agency that books meetings (dashed, outside the company).
    Agency,
    /// The company's boundary around its teams and managers.
    Company,
}

impl BoxKind {
    /// The CSS class of the box's group.
    #[must_use]
    pub fn class(self) -> &'static str {
        match self {
            BoxKind::Role => "org-chart__team",
            BoxKind::Manager => "org-chart__managers",
            BoxKind::Agency => "org-chart__agency",
            BoxKind::Company => "org-chart__company",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct OrgBox {
    pub kind: BoxKind,
    /// The team's role (for role and manager boxes).
    pub role: Option<Role>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Corner radius.
    pub corner: f64,
    pub fill: &'static str,
    pub stroke: &'static str,
    /// `stroke-dasharray`, for the agency.
    pub dash: Option<&'static str>,
    /// The box's text, centred in it (the company's name sits at its top right).
    pub label: Label,
}

impl OrgBox {
    #[must_use]
    pub fn rect(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.y,
            width: self.width,
            height: self.height,
        }
    }
}

/// What an arrow carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Leads arriving at the team that works them.
    Leads,
    /// First meetings handed to the sellers.
    Meetings,
    /// Won opportunities handed to the servers as new customers.
    Customers,
    /// One team doing two or three stages: meetings and customers stay with it.
    Loop,
    /// Customers lost.
    Churn,
}

impl Flow {
    /// A stable key (`data-flow` and tests).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Flow::Leads => "leads",
            Flow::Meetings => "meetings",
            Flow::Customers => "customers",
            Flow::Loop => "loop",
            Flow::Churn => "churn",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub flow: Flow,
    /// SVG path; the arrowhead is the chart's marker at its end.
    pub d: String,
    pub label: Label,
}

/// A reporting line from a manager box down to its team.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Connector {
    pub x: f64,
    pub y1: f64,
    pub y2: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Teams side by side, the flow left to right.
    Across,
    /// One team per row, the flow top to bottom.
    Down,
}

/// Means per month, over runs and the months a panel's structure ran.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Volumes {
    pub leads: f64,
    pub leads_lost: f64,
    pub meetings: f64,
    pub meetings_lost: f64,
    pub opportunities: f64,
    pub opportunities_lost: f64,
    pub deals: f64,
    pub churned: f64,
}

/// One structure: its title (for a restructuring), boxes, reporting lines and arrows.
#[derive(Clone, Debug, PartialEq)]
pub struct OrgPanel {
    /// "Until month 6", "From month 6" (and the process owner); none for a
    /// scenario without a restructuring.
    pub title: Option<Label>,
    /// The panel's area in the chart.
    pub bounds: Rect,
    pub layout: Layout,
    /// The company boundary first, then teams, managers and the agency.
    pub boxes: Vec<OrgBox>,
    pub connectors: Vec<Connector>,
    pub arrows: Vec<Arrow>,
    /// What the arrows' numbers are, when a run was given.
    pub volumes: Option<Volumes>,
    /// 1-based months this structure ran.
    pub months: Range<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OrgChartView {
    pub title: String,
    pub scenario: String,
    pub panels: Vec<OrgPanel>,
    pub width: f64,
    pub height: f64,
    pub font_size: f64,
    /// The id of the arrowhead `<marker>`, unique to this chart's scenario
    /// and size, so two org charts on one page never share one by accident.
    pub marker_id: String,
    pub text: ChartText,
    pub table: DataTable,
}

/// The org chart of `scenario` at `size`; with `last_run`, its arrows
/// carry the run's monthly volumes and losses.
#[must_use]
pub fn org_chart(scenario: &Scenario, last_run: Option<&Summary>, size: ChartSize) -> OrgChartView {
    let plans = plans(scenario, last_run);
    let side_by_side = plans.len() > 1 && size.width >= SIDE_BY_SIDE_FROM;
    let mut panels: Vec<OrgPanel> = Vec::new();
    if side_by_side {
        let count = plans.len() as f64;
        let width = (size.width - PANEL_GAP * (count - 1.0)) / count;
        for (i, plan) in plans.iter().enumerate() {
            panels.push(panel(plan, i as f64 * (width + PANEL_GAP), 0.0, width));
        }
    } else {
        let mut top = 0.0;
        for plan in &plans {
            let drawn = panel(plan, 0.0, top, size.width);
            top = drawn.bounds.bottom() + PANEL_GAP;
            panels.push(drawn);
        }
    }
    let height = panels.iter().map(|p| p.bounds.bottom()).fold(0.0, f64::max);
    let title = format!("Organisation: {}", scenario.name);
    OrgChartView {
        marker_id: marker_id(&title, scenario, size),
        text: chart_text(scenario, &plans, last_run.is_some()),
        table: chart_table(scenario, &plans),
        title,
        scenario: scenario.name.clone(),
        panels,
        width: size.width,
        height: px(height),
        font_size: FONT_SIZE,
    }
}

/// "org-arrow-" and a hash of the title, the scenario and the size.
fn marker_id(title: &str, scenario: &Scenario, size: ChartSize) -> String {
    let text = format!("{title}|{}|{}", fingerprint(scenario), size.width);
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("org-arrow-{hash:016x}")
}

fn panel_prefix(plan: &Plan) -> String {
    plan.title.first().map(|t| format!("{t}: ")).unwrap_or_default()
}

fn describe(plan: &Plan) -> String {
    let mut parts = Vec::new();
    if plan.agency {
        parts.push("an agency outside the company books meetings".to_owned());
    }
    for team in plan.flow.iter().chain(&plan.side) {
        let verbs: Vec<&str> = team
            .work
            .iter()
            .map(|v| if team.people == 1 { v.1 } else { v.0 })
            .collect();
        let who = if team.repeat {
            format!("the same {}", people_in_words(team.role, team.people))
        } else {
            people_in_words(team.role, team.people)
        };
        parts.push(format!("{who} {}", join_and(&verbs)));
    }
    let managers: u32 = plan
        .flow
        .iter()
        .chain(&plan.side)
        .filter(|t| !t.repeat)
        .map(|t| t.managers)
        .sum();
    let lead = if managers == 1 { "leads" } else { "lead" };
    format!(
        "{}{}. {} {lead} them, one for every {} people in a team.",
        panel_prefix(plan),
        capitalised(&join_and(&parts)),
        capitalised(&counted(
            f64::from(managers),
            "front-line manager",
            "front-line managers"
        )),
        count(plan.span)
    )
}

fn flow_sentence(plan: &Plan, v: &Volumes) -> String {
    format!(
        "{}in the average month of the last run {} arrive ({} lost unworked), {} are booked ({} lost), {} are created ({} lost to age or departures), {} won and {} lost.",
        panel_prefix(plan),
        counted(v.leads, "lead", "leads"),
        count(v.leads_lost),
        counted(v.meetings, "meeting", "meetings"),
        count(v.meetings_lost),
        counted(v.opportunities, "opportunity", "opportunities"),
        count(v.opportunities_lost),
        counted(v.deals, "new customer is", "new customers are"),
        counted(v.churned, "customer is", "customers are"),
    )
}

fn chart_text(scenario: &Scenario, plans: &[Plan], with_run: bool) -> ChartText {
    let mut sentences: Vec<String> = plans.iter().map(describe).collect();
    for plan in plans {
        if let Some(v) = &plan.volumes {
            sentences.push(capitalised(&flow_sentence(plan, v)));
        }
    }
    if with_run && plans.len() > 1 {
        sentences.push("Each structure's numbers are the means of the months it ran.".to_owned());
    }
    let label = match &scenario.restructuring {
        None => format!(
            "Org chart of {}: teams, their managers and the flow of work",
            scenario.name
        ),
        Some(change) => format!(
            "Org chart of {}, before and after the change in {}: teams, their managers and the flow of work",
            scenario.name,
            month(change.month)
        ),
    };
    ChartText {
        label,
        summary: sentences.join(" "),
    }
}

/// A table cell from a panel's volumes.
type Cell = fn(&Volumes) -> String;

fn chart_table(scenario: &Scenario, plans: &[Plan]) -> DataTable {
    let mut headers = vec!["Team or flow".to_owned()];
    if plans.len() == 1 {
        headers.push("This structure".to_owned());
    } else {
        headers.extend(plans.iter().map(|p| p.title[0].clone()));
    }
    let mut rows = Vec::new();
    if plans.iter().any(|p| p.agency) {
        let mut row = vec!["Agency".to_owned()];
        row.extend(
            plans
                .iter()
                .map(|p| if p.agency { "books meetings" } else { NO_DATA }.to_owned()),
        );
        rows.push(row);
    }
    for role in Role::ALL {
        let cells: Vec<Option<String>> = plans
            .iter()
            .map(|p| {
                let team = p.flow.iter().chain(&p.side).find(|t| t.role == role)?;
                let mut cell = format!("{} ({})", count(f64::from(team.people)), managers_text(team.managers));
                if let Some(planned) = &team.planned {
                    cell.push_str("; ");
                    cell.push_str(planned);
                }
                Some(cell)
            })
            .collect();
        if cells.iter().any(Option::is_some) {
            let mut row = vec![role.title().to_owned()];
            row.extend(cells.into_iter().map(|c| c.unwrap_or_else(|| NO_DATA.to_owned())));
            rows.push(row);
        }
    }
    let flows: [(&str, Cell); 5] = [
        ("Leads a month", |v| {
            format!("{} ({} lost unworked)", count(v.leads), count(v.leads_lost))
        }),
        ("Meetings a month", |v| {
            format!(
                "{} ({} lost in hand-off or never held)",
                count(v.meetings),
                count(v.meetings_lost)
            )
        }),
        ("Opportunities a month", |v| {
            format!(
                "{} ({} lost to age or departures)",
                count(v.opportunities),
                count(v.opportunities_lost)
            )
        }),
        ("New customers a month", |v| count(v.deals)),
        ("Customers lost a month", |v| count(v.churned)),
    ];
    if plans.iter().any(|p| p.volumes.is_some()) {
        for (name, cell) in flows {
            let mut row = vec![name.to_owned()];
            row.extend(
                plans
                    .iter()
                    .map(|p| p.volumes.as_ref().map_or_else(|| NO_DATA.to_owned(), cell)),
            );
            rows.push(row);
        }
    }
    if let Some(change) = &scenario.restructuring {
        rows.push(vec![
            "Process owner".to_owned(),
            NO_DATA.to_owned(),
            if change.process_owner { "yes" } else { "no" }.to_owned(),
        ]);
    }
    DataTable {
        caption: format!("Teams, front-line managers and monthly flow of {}", scenario.name),
        headers,
        rows,
    }
}

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

// ---------------------------------------------------------------------------
// What each panel shows, before any geometry.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    LeadGeneration,
    Selling,
    Serving,
}

/// A verb phrase, in the plural ("book meetings") and the singular ("books meetings").
type Verb = (&'static str, &'static str);

#[derive(Clone, Debug)]
struct Team {
    role: Role,
    people: u32,
    managers: u32,
    /// The stages the team does, in order; empty for a team beside the flow.
    stages: Vec<Stage>,
    /// What it does, for its box and the summary.
    work: Vec<Verb>,
    /// The same people already drawn in an earlier stage (generalists who
    /// prospect and serve while AEs sell): no managers drawn twice.
    repeat: bool,
    /// "+2 planned from month 4".
    planned: Option<String>,
}

impl Team {
    fn lines(&self) -> Vec<String> {
        let mut lines = vec![
            people(self.role, self.people),
            join_and(&self.work.iter().map(|v| v.0).collect::<Vec<_>>()),
        ];
        if self.repeat {
            lines.push("(the same people)".to_owned());
        }
        lines.extend(self.planned.clone());
        lines
    }

    fn has_loop(&self) -> bool {
        self.stages.len() > 1
    }

    fn manager_box(&self) -> bool {
        !self.repeat && self.managers > 0
    }
}

#[derive(Clone, Debug)]
struct Plan {
    title: Vec<String>,
    agency: bool,
    /// Teams along the flow, in stage order.
    flow: Vec<Team>,
    /// Teams beside it: retention managers, and roles with seats but no stage.
    side: Vec<Team>,
    meeting_handoff: bool,
    volumes: Option<Volumes>,
    months: Range<u32>,
    span: f64,
}

/// A team of `n` in the words of its box: "1 SDR", "6 SDRs", "1,250 AEs".
fn people(role: Role, n: u32) -> String {
    let (one, many) = match role {
        Role::Generalist => ("generalist rep", "generalist reps"),
        Role::Sdr => ("SDR", "SDRs"),
        Role::Ae => ("AE", "AEs"),
        Role::Am => ("AM", "AMs"),
        Role::Retention => ("retention manager", "retention managers"),
    };
    counted(f64::from(n), one, many)
}

/// The same in a sentence, with the roles spelled out.
fn people_in_words(role: Role, n: u32) -> String {
    let (one, many) = match role {
        Role::Generalist => ("generalist rep", "generalist reps"),
        Role::Sdr => ("SDR", "SDRs"),
        Role::Ae => ("account executive", "account executives"),
        Role::Am => ("account manager", "account managers"),
        Role::Retention => ("retention manager", "retention managers"),
    };
    counted(f64::from(n), one, many)
}

/// "1 manager", "3 managers".
fn managers_text(n: u32) -> String {
    counted(f64::from(n), "manager", "managers")
}

/// A count with its noun, singular when the number reads "1".
fn counted(value: f64, one: &str, many: &str) -> String {
    let number = count(value);
    let noun = if number == "1" { one } else { many };
    format!("{number} {noun}")
}

/// "a", "a and b", "a, b and c".
fn join_and<S: AsRef<str>>(parts: &[S]) -> String {
    match parts {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "),
            last.as_ref()
        ),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Who does lead generation; `None` for the agency.
fn lead_role(structure: &Structure) -> Option<Role> {
    match structure.lead_generation {
        LeadGeneration::Generalist => Some(Role::Generalist),
        LeadGeneration::Sdr => Some(Role::Sdr),
        LeadGeneration::Agency => None,
    }
}

fn seller(structure: &Structure) -> Role {
    match structure.selling {
        Selling::Generalist => Role::Generalist,
        Selling::Ae => Role::Ae,
    }
}

fn server(structure: &Structure) -> Role {
    match structure.serving {
        Serving::Generalist => Role::Generalist,
        Serving::Am => Role::Am,
    }
}

/// What a team doing `stages` does, in its box's words.
fn work(stages: &[Stage], qualifies_leads: bool, tiers: bool) -> Vec<Verb> {
    let single = stages.len() == 1 && !qualifies_leads;
    let mut verbs = Vec::new();
    if qualifies_leads {
        verbs.push(("qualify leads", "qualifies leads"));
    }
    for stage in stages {
        verbs.push(match (stage, single, tiers) {
            (Stage::LeadGeneration, true, _) => ("book meetings", "books meetings"),
            (Stage::LeadGeneration, false, _) => ("prospect", "prospects"),
            (Stage::Selling, _, _) => ("sell", "sells"),
            (Stage::Serving, true, false) => ("serve customers", "serves customers"),
            (Stage::Serving, true, true) => ("serve customers by tier", "serves customers by tier"),
            (Stage::Serving, false, false) => ("serve", "serves"),
            (Stage::Serving, false, true) => ("serve by tier", "serves by tier"),
        });
    }
    verbs
}

/// "+2 planned from month 4" for the hires of `role` opening in `months`.
fn planned(hires: &[PlannedHire], role: Role, months: &Range<u32>) -> Option<String> {
    let hires: Vec<&PlannedHire> = hires
        .iter()
        .filter(|h| h.role == role && months.contains(&h.month) && h.count > 0)
        .collect();
    let first = hires.iter().map(|h| h.month).min()?;
    let seats: u32 = hires.iter().map(|h| h.count).sum();
    Some(format!("+{} planned from {}", count(f64::from(seats)), month(first)))
}

/// Front-line managers of a team of `people`: one per span, rounded up
/// (as the engine counts them, `Census::managers`).
fn managers_for(people: u32, span: f64) -> u32 {
    let span = span.max(1.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let managers = (f64::from(people) / span).ceil() as u32;
    managers
}

fn teams(structure: &Structure, span: f64, hires: &[PlannedHire], months: &Range<u32>) -> (Vec<Team>, Vec<Team>) {
    let agency = structure.lead_generation == LeadGeneration::Agency;
    let doers = [
        (lead_role(structure), Stage::LeadGeneration),
        (Some(seller(structure)), Stage::Selling),
        (Some(server(structure)), Stage::Serving),
    ];
    // Consecutive stages of one role are one team; the agency is drawn on its own.
    let mut groups: Vec<(Role, Vec<Stage>)> = Vec::new();
    for (doer, stage) in doers {
        let Some(role) = doer else { continue };
        match groups.last_mut() {
            Some((last, stages)) if *last == role => stages.push(stage),
            _ => groups.push((role, vec![stage])),
        }
    }
    let headcount = &structure.headcount;
    let mut flow: Vec<Team> = Vec::new();
    for (role, stages) in groups {
        let repeat = flow.iter().any(|t| t.role == role);
        let people = headcount.of(role);
        flow.push(Team {
            role,
            people,
            managers: managers_for(people, span),
            work: work(
                &stages,
                agency && stages.contains(&Stage::Selling),
                structure.account_tiers,
            ),
            stages,
            repeat,
            planned: if repeat { None } else { planned(hires, role, months) },
        });
    }
    let side = Role::ALL
        .into_iter()
        .filter(|role| !flow.iter().any(|t| t.role == *role))
        .filter_map(|role| {
            let people = headcount.of(role);
            let planned = planned(hires, role, months);
            (people > 0 || planned.is_some()).then(|| Team {
                role,
                people,
                managers: managers_for(people, span),
                stages: Vec::new(),
                work: vec![if role == Role::Retention {
                    ("keep customers", "keeps customers")
                } else {
                    ("no stage assigned", "has no stage assigned")
                }],
                repeat: false,
                planned,
            })
        })
        .collect();
    (flow, side)
}

/// The mean over runs and the months in `months` (0-based indices), as
/// [`Summary::mean_over_months`] computes it over all months.
fn mean_over(summary: &Summary, metric: Metric, months: &Range<usize>) -> Option<f64> {
    let all = summary.monthly.get(metric as usize)?;
    let picked = all.get(months.clone())?;
    let means: Vec<f64> = picked.iter().filter_map(crate::sim::stats::Accumulator::mean).collect();
    if means.is_empty() {
        None
    } else {
        Some(means.iter().sum::<f64>() / means.len() as f64)
    }
}

/// The monthly volumes of the 1-based `months`, if the run covers them.
fn volumes(summary: &Summary, months: &Range<u32>) -> Option<Volumes> {
    let indices = (months.start as usize).saturating_sub(1)..(months.end as usize).saturating_sub(1);
    if indices.is_empty() {
        return None;
    }
    let mean = |metric| mean_over(summary, metric, &indices);
    Some(Volumes {
        leads: mean(Metric::Leads)?,
        leads_lost: mean(Metric::LeadsExpired)?,
        meetings: mean(Metric::Meetings)?,
        meetings_lost: mean(Metric::MeetingsLost)?,
        opportunities: mean(Metric::Opportunities)?,
        opportunities_lost: mean(Metric::OpportunitiesTimedOut)?,
        deals: mean(Metric::Deals)?,
        churned: mean(Metric::ChurnedCustomers)?,
    })
}

fn plans(scenario: &Scenario, last_run: Option<&Summary>) -> Vec<Plan> {
    let span = scenario.parameter_table()[P::SpanOfControl as usize].central();
    let end = scenario.months + 1;
    let plan = |title: Vec<String>, structure: &Structure, months: Range<u32>| {
        let (flow, side) = teams(structure, span, &scenario.hiring_plan, &months);
        Plan {
            title,
            agency: structure.lead_generation == LeadGeneration::Agency,
            flow,
            side,
            meeting_handoff: structure.has_meeting_handoff(),
            volumes: last_run.and_then(|s| volumes(s, &months)),
            months,
            span,
        }
    };
    match &scenario.restructuring {
        None => vec![plan(Vec::new(), &scenario.structure, 1..end)],
        Some(change) => {
            let switch = change.month.clamp(1, end);
            let mut after = vec![format!("From {}", month(switch))];
            if change.process_owner {
                after.push("A process owner leads the change".to_owned());
            }
            vec![
                plan(vec![format!("Until {}", month(switch))], &scenario.structure, 1..switch),
                plan(after, &change.to, switch..end),
            ]
        }
    }
}

// ---------------------------------------------------------------------------
// Words on the arrows.

fn leads_words(v: Option<&Volumes>) -> Vec<String> {
    match v {
        None => vec!["Leads".to_owned()],
        Some(v) => vec![
            format!("{} a month", counted(v.leads, "lead", "leads")),
            format!("({} lost unworked)", count(v.leads_lost)),
        ],
    }
}

fn meetings_words(v: Option<&Volumes>, handoff: bool, agency: bool) -> Vec<String> {
    let Some(v) = v else {
        return vec![if agency { "Meetings booked" } else { "Meetings" }.to_owned()];
    };
    let mut words = vec![format!("{} a month", counted(v.meetings, "meeting", "meetings"))];
    if agency {
        // The engine counts the agency's meetings with those the sellers book from inbound leads.
        words.push("(agency and inbound together)".to_owned());
    }
    let lost = if handoff {
        "lost in hand-off or never held"
    } else {
        "never held"
    };
    words.push(format!("({} {lost})", count(v.meetings_lost)));
    words
}

fn customers_words(v: Option<&Volumes>) -> Vec<String> {
    match v {
        None => vec!["New customers".to_owned()],
        Some(v) => vec![
            format!("{} a month", counted(v.opportunities, "opportunity", "opportunities")),
            format!("({} lost to age or departures)", count(v.opportunities_lost)),
            format!("{} a month", counted(v.deals, "new customer", "new customers")),
        ],
    }
}

fn churn_words(v: Option<&Volumes>) -> Vec<String> {
    match v {
        None => vec!["Customers lost".to_owned()],
        Some(v) => vec![format!(
            "{} a month",
            counted(v.churned, "customer lost", "customers lost")
        )],
    }
}

/// The words of the hand-over after `stage`.
fn after_stage(plan: &Plan, stage: Stage) -> Vec<String> {
    match stage {
        Stage::LeadGeneration => meetings_words(plan.volumes.as_ref(), plan.meeting_handoff, false),
        Stage::Selling | Stage::Serving => customers_words(plan.volumes.as_ref()),
    }
}

/// What a team's loop carries: each hand-over that stays inside it.
fn loop_words(plan: &Plan, team: &Team) -> Vec<String> {
    let inner = &team.stages[..team.stages.len() - 1];
    if plan.volumes.is_none() {
        let names: Vec<&str> = inner
            .iter()
            .map(|s| {
                if *s == Stage::LeadGeneration {
                    "meetings"
                } else {
                    "new customers"
                }
            })
            .collect();
        return vec![capitalised(&join_and(&names)), "stay in the team".to_owned()];
    }
    inner.iter().flat_map(|s| after_stage(plan, *s)).collect()
}

// ---------------------------------------------------------------------------
// Geometry.

fn text_width(lines: &[String]) -> f64 {
    lines.iter().map(|l| label_width(l)).fold(0.0, f64::max)
}

fn box_width(lines: &[String]) -> f64 {
    text_width(lines) + 2.0 * BOX_PAD_X
}

fn box_height(lines: usize) -> f64 {
    lines as f64 * LINE + 2.0 * BOX_PAD_Y
}

/// Words packed into lines no wider than `max_width`, each phrase starting
/// a new line. A word wider than the width keeps a line to itself.
fn wrap(phrases: &[String], max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for phrase in phrases {
        let mut line = String::new();
        for word in phrase.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && label_width(&candidate) > max_width {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// A block of lines with its top at `top`: left-aligned at `x` for
/// [`Anchor::Start`], centred on `x` for [`Anchor::Middle`], right-aligned
/// at `x` for [`Anchor::End`].
fn block(lines: Vec<String>, anchor: Anchor, x: f64, top: f64) -> Label {
    let width = text_width(&lines);
    let left = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    let bounds = Rect {
        x: px(left),
        y: px(top),
        width: px(width),
        height: lines.len() as f64 * LINE,
    };
    Label {
        lines: lines
            .into_iter()
            .enumerate()
            .map(|(i, text)| TextLine {
                text,
                x: px(x),
                y: px(top + i as f64 * LINE + BASELINE),
            })
            .collect(),
        anchor,
        bounds,
    }
}

fn org_box(kind: BoxKind, role: Option<Role>, rect: Rect, lines: Vec<String>) -> OrgBox {
    let (fill, stroke, dash, corner) = match (kind, role) {
        (BoxKind::Role, Some(role)) => {
            let (fill, stroke) = role_colours(role);
            (fill, stroke, None, 6.0)
        }
        (BoxKind::Role | BoxKind::Manager, _) => (MANAGER_FILL, MANAGER_STROKE, None, 4.0),
        (BoxKind::Agency, _) => (AGENCY_FILL, AGENCY_STROKE, Some("6 4"), 6.0),
        (BoxKind::Company, _) => (COMPANY_FILL, COMPANY_STROKE, None, 16.0),
    };
    let top = rect.y + (rect.height - lines.len() as f64 * LINE) / 2.0;
    OrgBox {
        kind,
        role,
        x: px(rect.x),
        y: px(rect.y),
        width: px(rect.width),
        height: px(rect.height),
        corner,
        fill,
        stroke,
        dash,
        label: block(lines, Anchor::Middle, rect.x + rect.width / 2.0, top),
    }
}

fn agency_lines() -> Vec<String> {
    vec!["Agency".to_owned(), "books meetings".to_owned()]
}

/// "M x y L x y …" through `points`.
fn polyline(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, (x, y))| format!("{}{} {}", if i == 0 { "M" } else { " L" }, px(*x), px(*y)))
        .collect()
}

/// A loop from a box's top edge near its right end back into its right
/// edge near the top, bulging up and out by about 12 px.
fn loop_path(right: f64, top: f64) -> String {
    format!(
        "M{} {} C{} {} {} {} {} {}",
        px(right - 20.0),
        px(top),
        px(right - 20.0),
        px(top - 18.0),
        px(right + 18.0),
        px(top - 14.0),
        px(right),
        px(top + 12.0)
    )
}

/// What a panel is drawn with; labels are placed so they never overlap
/// one already placed (a later one moves down).
#[derive(Default)]
struct Canvas {
    boxes: Vec<OrgBox>,
    connectors: Vec<Connector>,
    arrows: Vec<Arrow>,
    placed: Vec<Rect>,
}

impl Canvas {
    fn place(&mut self, mut label: Label) -> Label {
        while let Some(below) = self
            .placed
            .iter()
            .filter(|r| r.intersects(&label.bounds))
            .map(Rect::bottom)
            .reduce(f64::max)
        {
            label.shift_down(below + GAP / 2.0 - label.bounds.y);
        }
        self.placed.push(label.bounds);
        label
    }

    fn arrow(&mut self, flow: Flow, d: String, label: Label) {
        let label = self.place(label);
        self.arrows.push(Arrow { flow, d, label });
    }

    fn team(&mut self, team: &Team, lines: Vec<String>, x: f64, top: f64, width: f64, height: f64) {
        self.boxes.push(org_box(
            BoxKind::Role,
            Some(team.role),
            Rect {
                x,
                y: top,
                width,
                height,
            },
            lines,
        ));
    }

    /// The team's managers at `manager_x`, `manager_top`, with a line down to the team.
    fn managers(&mut self, team: &Team, manager_x: f64, manager_top: f64, team_top: f64) {
        if !team.manager_box() {
            return;
        }
        let lines = vec![managers_text(team.managers)];
        let width = box_width(&lines);
        let height = box_height(1);
        self.boxes.push(org_box(
            BoxKind::Manager,
            Some(team.role),
            Rect {
                x: manager_x,
                y: manager_top,
                width,
                height,
            },
            lines,
        ));
        self.connectors.push(Connector {
            x: px(manager_x + width / 2.0),
            y1: px(manager_top + height),
            y2: px(team_top),
        });
    }

    fn bottom(&self) -> f64 {
        let boxes = self.boxes.iter().map(|b| b.y + b.height);
        boxes.chain(self.placed.iter().map(Rect::bottom)).fold(0.0, f64::max)
    }
}

fn manager_width(team: &Team) -> f64 {
    if team.manager_box() {
        box_width(&[managers_text(team.managers)])
    } else {
        0.0
    }
}

/// A team box wide enough for its words, for its manager box with room
/// for an arrow beside it, and (with a loop) for the loop's label.
fn team_width(team: &Team, compact: bool) -> f64 {
    let mut width = box_width(&box_lines(team, compact))
        .max(manager_width(team) + 2.0 * MANAGER_CLEARANCE)
        .max(MIN_TEAM_WIDTH);
    if team.has_loop() {
        width = width.max(LOOP_TEAM_WIDTH);
    }
    width
}

/// A team's words, each line wrapped to [`COMPACT_TEXT`] when `compact`
/// (a phone's row with retention managers beside the account managers).
fn box_lines(team: &Team, compact: bool) -> Vec<String> {
    if compact {
        wrap(&team.lines(), COMPACT_TEXT)
    } else {
        team.lines()
    }
}

/// A team drawn in the down layout.
struct Slot<'a> {
    team: &'a Team,
    lines: Vec<String>,
    width: f64,
    /// The manager box's left edge from the team's.
    manager_offset: f64,
}

impl<'a> Slot<'a> {
    /// A team whose manager box stays right of `clearance` (from the
    /// team's left edge), where arrows come down into it.
    fn new(team: &'a Team, compact: bool, clearance: f64) -> Self {
        let manager = manager_width(team);
        let mut width = team_width(team, compact);
        let mut manager_offset = (width - manager) / 2.0;
        if team.manager_box() && manager_offset < clearance {
            manager_offset = clearance;
            width = width.max(manager_offset + manager + MANAGER_CLEARANCE);
        }
        Slot {
            team,
            lines: box_lines(team, compact),
            width,
            manager_offset,
        }
    }
}

/// The panel's title lines at the top left; returns the height used.
fn title(plan: &Plan, canvas: &mut Canvas, left: f64, top: f64, width: f64) -> (Option<Label>, f64) {
    if plan.title.is_empty() {
        return (None, 0.0);
    }
    let label = canvas.place(block(wrap(&plan.title, width), Anchor::Start, left, top));
    let used = label.bounds.height + GAP;
    (Some(label), used)
}

/// The company's boundary, its name at the top right inside it.
fn company_box(rect: Rect) -> OrgBox {
    let mut company = org_box(BoxKind::Company, None, rect, Vec::new());
    company.label = block(
        vec![COMPANY_NAME.to_owned()],
        Anchor::End,
        rect.right() - BOX_PAD_X - 4.0,
        rect.y + 5.0,
    );
    company
}

/// Teams side by side; `None` when they do not fit `width`.
#[allow(clippy::too_many_lines)]
fn across(plan: &Plan, ox: f64, oy: f64, width: f64) -> Option<OrgPanel> {
    let (left, right) = (ox + MARGIN, ox + width - MARGIN);
    let mut canvas = Canvas::default();
    let (title, title_height) = title(plan, &mut canvas, left, oy + MARGIN, right - left);
    let mut y = oy + MARGIN + title_height;

    let agency_width = box_width(&agency_lines());
    let company_left = if plan.agency {
        left + agency_width + AGENCY_GAP
    } else {
        left
    };
    let teams: Vec<&Team> = plan.flow.iter().chain(&plan.side).collect();
    let flow_count = plan.flow.len();
    let mut widths: Vec<f64> = teams.iter().map(|t| team_width(t, false)).collect();
    let mut gaps: Vec<f64> = (1..teams.len())
        .map(|i| {
            if i < flow_count {
                FLOW_GAP.max(MIN_LABEL_WIDTH + 12.0 - (widths[i - 1] + widths[i]) / 2.0)
            } else {
                SIDE_GAP
            }
        })
        .collect();
    let overhang = if plan.side.is_empty() && plan.flow.last().is_some_and(Team::has_loop) {
        LOOP_OVERHANG
    } else {
        0.0
    };
    let mut content = widths.iter().sum::<f64>() + gaps.iter().sum::<f64>() + overhang;
    // The company's name sits at the top right, clear of the leads arrow at the left.
    let name_room = label_width(COMPANY_NAME) + 3.0 * PAD + ARROW_INSET + GAP;
    let mut company_width = (content + 2.0 * PAD).max(name_room);
    if company_left + company_width > right + 1e-9 {
        return None;
    }
    // Spare width goes first to teams with a loop, whose words sit under them.
    let loops: Vec<usize> = (0..flow_count).filter(|i| plan.flow[*i].has_loop()).collect();
    if !loops.is_empty() {
        let share = (right - company_left - company_width) / loops.len() as f64;
        for i in loops {
            let grow = share.min(WIDE_LOOP_TEAM_WIDTH - widths[i]).max(0.0);
            widths[i] += grow;
            content += grow;
        }
        company_width = company_width.max(content + 2.0 * PAD);
    }
    if flow_count > 1 {
        let flow_gaps = (flow_count - 1) as f64;
        let extra = ((right - company_left - company_width) / flow_gaps).min(MAX_EXTRA_GAP);
        for gap in &mut gaps[..flow_count - 1] {
            *gap += extra;
        }
        company_width = company_width.max(content + extra * flow_gaps + 2.0 * PAD);
    }
    let mut xs = vec![company_left + PAD];
    for (i, gap) in gaps.iter().enumerate() {
        xs.push(xs[i] + widths[i] + gap);
    }

    // The leads arrow comes down into the first team, its words to its right.
    let leads_x = xs[0] + ARROW_INSET;
    let leads_top = y;
    let leads = block(
        wrap(&leads_words(plan.volumes.as_ref()), right - leads_x - GAP),
        Anchor::Start,
        leads_x + GAP,
        leads_top,
    );
    y += leads.bounds.height + GAP;

    let company_top = y;
    let manager_top = company_top + COMPANY_HEAD;
    let team_top = manager_top + box_height(1) + MANAGER_GAP;
    let team_height = teams
        .iter()
        .map(|t| box_height(t.lines().len()))
        .fold(box_height(agency_lines().len()), f64::max);
    let team_bottom = team_top + team_height;
    let middle = team_top + team_height / 2.0;
    let band_top = team_bottom + GAP + 2.0;

    for (i, team) in teams.iter().enumerate() {
        canvas.team(team, team.lines(), xs[i], team_top, widths[i], team_height);
        let centre = xs[i] + widths[i] / 2.0;
        canvas.managers(team, centre - manager_width(team) / 2.0, manager_top, team_top);
    }
    canvas.arrow(
        Flow::Leads,
        polyline(&[(leads_x, leads_top), (leads_x, team_top)]),
        leads,
    );
    if plan.agency {
        canvas.boxes.push(org_box(
            BoxKind::Agency,
            None,
            Rect {
                x: left,
                y: team_top,
                width: agency_width,
                height: team_height,
            },
            agency_lines(),
        ));
        let words = wrap(
            &meetings_words(plan.volumes.as_ref(), true, true),
            company_left - GAP - left,
        );
        canvas.arrow(
            Flow::Meetings,
            polyline(&[(left + agency_width, middle), (xs[0], middle)]),
            block(words, Anchor::Start, left, band_top),
        );
    }
    // The churn arrow leaves the last team at its right, clear of the words
    // under the arrow coming in from the left.
    let last = flow_count - 1;
    let churn_x = xs[last] + widths[last] - ARROW_INSET;
    for (i, team) in plan.flow.iter().enumerate() {
        let right_edge = xs[i] + widths[i];
        if team.has_loop() {
            let limit = if i == last { churn_x - GAP } else { right_edge };
            canvas.arrow(
                Flow::Loop,
                loop_path(right_edge, team_top),
                block(
                    wrap(&loop_words(plan, team), limit - xs[i]),
                    Anchor::Start,
                    xs[i],
                    band_top,
                ),
            );
        }
        if i < last {
            let next = plan.flow[i + 1].stages[0];
            let flow = if next == Stage::Selling {
                Flow::Meetings
            } else {
                Flow::Customers
            };
            let gap_centre = (right_edge + xs[i + 1]) / 2.0;
            let half = (gap_centre - (xs[i] + widths[i] / 2.0)).min(xs[i + 1] + widths[i + 1] / 2.0 - gap_centre) - GAP;
            let words = wrap(
                &after_stage(plan, *team.stages.last().unwrap_or(&Stage::Selling)),
                2.0 * half,
            );
            canvas.arrow(
                flow,
                polyline(&[(right_edge, middle), (xs[i + 1], middle)]),
                block(words, Anchor::Middle, gap_centre, band_top),
            );
        }
    }
    let inside_bottom = canvas
        .placed
        .iter()
        .filter(|r| r.x >= company_left)
        .map(Rect::bottom)
        .fold(team_bottom, f64::max);
    let company = Rect {
        x: company_left,
        y: company_top,
        width: company_width,
        height: inside_bottom + PAD - company_top,
    };
    let churn_end = company.bottom() + CHURN_DROP;
    let churn_words = wrap(&churn_words(plan.volumes.as_ref()), CHURN_LABEL_WIDTH.min(right - left));
    let churn_width = text_width(&churn_words);
    let churn_centre = churn_x.clamp(left + churn_width / 2.0, right - churn_width / 2.0);
    canvas.arrow(
        Flow::Churn,
        polyline(&[(churn_x, team_bottom), (churn_x, churn_end)]),
        block(churn_words, Anchor::Middle, churn_centre, churn_end + 4.0),
    );
    canvas.boxes.insert(0, company_box(company));
    Some(finish(plan, canvas, title, Layout::Across, ox, oy, width))
}

/// One team per row, the flow running down a spine near the boxes' left.
#[allow(clippy::too_many_lines)]
fn down(plan: &Plan, ox: f64, oy: f64, width: f64) -> OrgPanel {
    let (left, right) = (ox + MARGIN, ox + width - MARGIN);
    let mut canvas = Canvas::default();
    let (title, title_height) = title(plan, &mut canvas, left, oy + MARGIN, right - left);
    let mut y = oy + MARGIN + title_height;
    let box_left = left + PAD;
    let spine = box_left + ARROW_INSET;
    let words_right = right - PAD;

    let leads_top = y;
    let leads = canvas.place(block(
        wrap(&leads_words(plan.volumes.as_ref()), right - spine - GAP),
        Anchor::Start,
        spine + GAP,
        leads_top,
    ));
    y += leads.bounds.height + GAP;
    // The agency sits above the company, right of the leads arrow; its
    // meetings come down a second line into the first team.
    let mut agency_arrow: Option<(f64, f64, Label)> = None;
    if plan.agency {
        let lines = agency_lines();
        let rect = Rect {
            x: spine + AGENCY_INSET,
            y,
            width: box_width(&lines),
            height: box_height(lines.len()),
        };
        canvas.boxes.push(org_box(BoxKind::Agency, None, rect, lines));
        let x = rect.x + ARROW_INSET;
        let words = block(
            wrap(&meetings_words(plan.volumes.as_ref(), true, true), right - x - GAP),
            Anchor::Start,
            x + GAP,
            rect.bottom() + GAP,
        );
        let words = canvas.place(words);
        y = words.bounds.bottom() + GAP;
        agency_arrow = Some((x, rect.bottom(), words));
    }

    let company_top = y;
    y += COMPANY_HEAD;
    // Rows: each team along the flow, then the teams beside it, packed
    // beside the last one while they fit (their words wrapped if that
    // makes more fit), the rest in rows of their own.
    let flow_count = plan.flow.len();
    let last = flow_count - 1;
    let clearance = |row: usize| {
        let arrows = if row == 0 && plan.agency {
            2.0 * ARROW_INSET + AGENCY_INSET
        } else {
            ARROW_INSET
        };
        arrows + GAP
    };
    let pack = |compact: bool| {
        let mut row = vec![Slot::new(&plan.flow[last], compact, clearance(last))];
        let mut rest: Vec<&Team> = Vec::new();
        let mut x = box_left + row[0].width;
        for team in &plan.side {
            let slot = Slot::new(team, compact, 0.0);
            if rest.is_empty() && x + SIDE_GAP + slot.width <= words_right + 1e-9 {
                x += SIDE_GAP + slot.width;
                row.push(slot);
            } else {
                rest.push(team);
            }
        }
        (row, rest)
    };
    let (mut last_row, mut rest) = pack(false);
    if !rest.is_empty() {
        let (compact_row, compact_rest) = pack(true);
        if compact_rest.len() < rest.len() {
            (last_row, rest) = (compact_row, compact_rest);
        }
    }
    let mut rows: Vec<Vec<Slot>> = (0..last)
        .map(|r| vec![Slot::new(&plan.flow[r], false, clearance(r))])
        .collect();
    rows.push(last_row);
    let mut x = f64::INFINITY;
    for team in rest {
        let slot = Slot::new(team, false, 0.0);
        if x + SIDE_GAP + slot.width > words_right + 1e-9 {
            rows.push(Vec::new());
            x = box_left - SIDE_GAP;
        }
        x += SIDE_GAP + slot.width;
        if let Some(row) = rows.last_mut() {
            row.push(slot);
        }
    }
    // Where the arrow into each flow team comes down, and from where.
    let mut incoming: Vec<(f64, f64, Flow, Label)> = vec![(spine, leads_top, Flow::Leads, leads)];
    if let Some((x, from, words)) = agency_arrow.take() {
        incoming.push((x, from, Flow::Meetings, words));
    }
    for (r, row) in rows.into_iter().enumerate() {
        let in_flow = r < flow_count;
        let with_managers = row.iter().any(|s| s.team.manager_box());
        let manager_top = y;
        let team_top = if with_managers {
            y + box_height(1) + MANAGER_GAP
        } else {
            y
        };
        let team_height = row.iter().map(|s| box_height(s.lines.len())).fold(0.0, f64::max);
        let mut x = box_left;
        for (i, slot) in row.into_iter().enumerate() {
            let team = slot.team;
            canvas.team(team, slot.lines, x, team_top, slot.width, team_height);
            canvas.managers(team, x + slot.manager_offset, manager_top, team_top);
            if in_flow && i == 0 && team.has_loop() {
                let words = block(
                    wrap(&loop_words(plan, team), words_right - spine - GAP),
                    Anchor::Start,
                    spine + GAP,
                    team_top + team_height + GAP,
                );
                canvas.arrow(Flow::Loop, loop_path(x + slot.width, team_top), words);
            }
            x += slot.width + SIDE_GAP;
        }
        if in_flow {
            for (arrow_x, from, flow, words) in incoming.drain(..) {
                let d = polyline(&[(arrow_x, from), (arrow_x, team_top)]);
                canvas.arrows.push(Arrow { flow, d, label: words });
            }
        }
        let team_bottom = team_top + team_height;
        y = team_bottom + GAP;
        if in_flow {
            let words_top = team_bottom + GAP;
            let (flow, words) = if r + 1 < flow_count {
                let next = plan.flow[r + 1].stages[0];
                let flow = if next == Stage::Selling {
                    Flow::Meetings
                } else {
                    Flow::Customers
                };
                let stage = *plan.flow[r].stages.last().unwrap_or(&Stage::Selling);
                (flow, after_stage(plan, stage))
            } else {
                (Flow::Churn, churn_words(plan.volumes.as_ref()))
            };
            let words = canvas.place(block(
                wrap(&words, words_right - spine - GAP),
                Anchor::Start,
                spine + GAP,
                words_top,
            ));
            let band_bottom = canvas.placed.iter().map(Rect::bottom).fold(words_top + LINE, f64::max);
            if flow == Flow::Churn {
                let d = polyline(&[(spine, team_bottom), (spine, band_bottom)]);
                canvas.arrows.push(Arrow { flow, d, label: words });
            } else {
                incoming.push((spine, team_bottom, flow, words));
            }
            y = band_bottom + GAP + 2.0;
        }
    }
    let company = Rect {
        x: left,
        y: company_top,
        width: right - left,
        height: canvas.bottom() + PAD - company_top,
    };
    canvas.boxes.insert(0, company_box(company));
    finish(plan, canvas, title, Layout::Down, ox, oy, width)
}

fn finish(plan: &Plan, canvas: Canvas, title: Option<Label>, layout: Layout, ox: f64, oy: f64, width: f64) -> OrgPanel {
    let bottom = canvas.bottom();
    OrgPanel {
        title,
        bounds: Rect {
            x: ox,
            y: oy,
            width,
            height: px(bottom + MARGIN - oy),
        },
        layout,
        boxes: canvas.boxes,
        connectors: canvas.connectors,
        arrows: canvas.arrows,
        volumes: plan.volumes,
        months: plan.months.clone(),
    }
}

fn panel(plan: &Plan, ox: f64, oy: f64, width: f64) -> OrgPanel {
    across(plan, ox, oy, width).unwrap_or_else(|| down(plan, ox, oy, width))
}

// ---------------------------------------------------------------------------
// The view.

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

#[cfg(test)]
mod tests {
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
            view.text.summary.starts_with(
                "An agency outside the company books meetings, 10 account executives qualify leads and sell"
            )
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
}

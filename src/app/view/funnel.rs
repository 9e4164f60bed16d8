//! "Funnel and bottleneck" for one scenario: the mean month's leads,
//! meetings, opportunities and deals with what is lost at each stage, the
//! capacity each role uses, and the engine's bottleneck sentence.
//!
//! Widths are on a linear scale. A log scale would keep the deals bar
//! long, but the funnel's message is the share lost at each stage, and a
//! log scale shrinks that (a stage that loses 90% would look like a short
//! step). So the bars stay proportional and every bar and loss carries its
//! number in words above and below it, which is what shows the deals.

use std::fmt::Write as _;

use super::fan::{FONT_SIZE, PlotArea, Tick};
use super::format::{count, percent, percent_plain};
use super::pair::{LegendEntry, px};
use super::scale::{Axis, LinearScale};
use super::{ChartSize, ChartText, DataTable, scenario_colour};
use crate::sim::metrics::Metric;
use crate::sim::report::{Diagnostics, RoleUse, diagnostics};
use crate::sim::run::Summary;
use crate::sim::scenario::Scenario;

/// What the page says when no role passes the engine's bottleneck line.
pub const NO_BOTTLENECK: &str = "No role is over capacity.";
/// Dark grey for work lost, light grey for work that simply did not
/// convert; both at least 3:1 against white, as a graphic needs.
const LOST_FILL: &str = "#4d4d4d";
const NOT_CONVERTED_FILL: &str = "#949494";
/// The share of capacity beyond 100%, drawn past the full-capacity line.
const OVER_FILL: &str = "#b00020";
/// A non-zero segment is never drawn thinner than this, so it shows.
const MIN_SEGMENT: f64 = 1.5;

/// A stage's height: heading, bar and one line of losses (two on a phone,
/// where one line would run off the screen).
const STAGE_ROW: f64 = 70.0;
const LINE: f64 = 16.0;
const ROLE_ROW: f64 = 48.0;
const TOP: f64 = 4.0;

/// The four stages, each with the key of its loss in [`Diagnostics::work_lost`]
/// and how that loss reads after a number.
const STAGES: [(Metric, &str, &str); 4] = [
    (Metric::Leads, "leads", "lost unworked"),
    (Metric::Meetings, "meetings", "lost in hand-off or never held"),
    (Metric::Opportunities, "opportunities", "lost to age or departures"),
    (Metric::Deals, "deals", ""),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// Carried on to the next stage.
    Continues,
    /// Lost: unworked, dropped in a hand-off, timed out.
    Lost,
    /// Worked but not converted (or still waiting at the month's end).
    NotConverted,
}

impl SegmentKind {
    /// The CSS class of the segment.
    #[must_use]
    pub fn class(self) -> &'static str {
        match self {
            SegmentKind::Continues => "funnel__continues",
            SegmentKind::Lost => "funnel__lost",
            SegmentKind::NotConverted => "funnel__not-converted",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub kind: SegmentKind,
    pub x: f64,
    pub width: f64,
    pub fill: &'static str,
    /// The tooltip: what the segment is, with its number.
    pub title: String,
}

/// One stage: a heading with its count, a bar split into what goes on and
/// what is lost, and a line naming the losses.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRow {
    /// The stage's metric key ("leads", "meetings", "opportunities", "deals").
    pub stage: &'static str,
    /// Mean per month over runs and months.
    pub per_month: f64,
    pub heading: String,
    pub heading_y: f64,
    pub bar_y: f64,
    pub bar_height: f64,
    pub segments: Vec<Segment>,
    /// Lines of text under the bar naming the losses; none for the last stage.
    pub losses: Vec<TextLine>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunnelChart {
    pub width: f64,
    pub height: f64,
    pub font_size: f64,
    /// Left end of the headings and loss lines.
    pub label_x: f64,
    pub rows: Vec<StageRow>,
    /// What the three shades of a bar mean.
    pub legend: Vec<LegendEntry>,
}

/// One role's capacity use: up to 100% in the scenario's colour, any
/// excess past the 100% line in red and named in the heading.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleRow {
    pub role: &'static str,
    pub mean_use: f64,
    pub over: bool,
    pub heading: String,
    pub heading_y: f64,
    pub bar_x: f64,
    pub bar_y: f64,
    pub bar_width: f64,
    pub bar_height: f64,
    pub overflow_x: f64,
    /// 0 unless the role is over capacity.
    pub overflow_width: f64,
    pub fill: &'static str,
    pub overflow_fill: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CapacityChart {
    pub width: f64,
    pub height: f64,
    pub font_size: f64,
    pub plot: PlotArea,
    pub rows: Vec<RoleRow>,
    /// The 100% line.
    pub full_x: f64,
    pub ticks: Vec<Tick>,
    pub tick_label_y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunnelView {
    /// The chart's heading.
    pub title: String,
    pub scenario: String,
    pub colour: &'static str,
    pub funnel: FunnelChart,
    pub capacity: CapacityChart,
    /// The engine's bottleneck sentence, or [`NO_BOTTLENECK`].
    pub bottleneck: String,
    pub text: ChartText,
    pub table: DataTable,
}

/// A stage's mean count and what became of it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Stage {
    metric: Metric,
    key: &'static str,
    loss_words: &'static str,
    per_month: f64,
    continues: f64,
    lost: f64,
    not_converted: f64,
}

/// The stages' means. A stage's count is split into what the next stage
/// shows, what is lost and the rest. Work carries over between months (a
/// meeting booked in March may become an opportunity in April), so in the
/// mean month the parts need not add up exactly; each part is capped by
/// what is left of the stage, so a bar never claims more than its count.
fn stages(summary: &Summary, diagnostics: &Diagnostics) -> Vec<Stage> {
    let counts: Vec<f64> = STAGES.iter().map(|(m, _, _)| summary.mean_over_months(*m)).collect();
    STAGES
        .iter()
        .enumerate()
        .map(|(i, (metric, key, loss_words))| {
            let per_month = counts[i];
            let next = counts.get(i + 1).copied().unwrap_or(per_month);
            let lost = diagnostics
                .work_lost
                .iter()
                .find(|l| l.stage == *key)
                .map_or(0.0, |l| l.per_month);
            let continues = next.min(per_month);
            let lost = lost.min(per_month - continues);
            Stage {
                metric: *metric,
                key,
                loss_words,
                per_month,
                continues,
                lost,
                not_converted: (per_month - continues - lost).max(0.0),
            }
        })
        .collect()
}

/// The funnel and bottleneck view of one scenario's `summary`, coloured as
/// the scenario at `colour_index` of the comparison.
#[must_use]
pub fn funnel_view(summary: &Summary, scenario: &Scenario, colour_index: usize, size: ChartSize) -> FunnelView {
    let colour = scenario_colour(colour_index);
    let diagnostics = diagnostics(summary, scenario);
    let stages = stages(summary, &diagnostics);
    let bottleneck = diagnostics
        .bottleneck
        .clone()
        .unwrap_or_else(|| NO_BOTTLENECK.to_owned());
    FunnelView {
        title: format!("Funnel and bottleneck: {}", summary.scenario),
        scenario: summary.scenario.clone(),
        colour,
        funnel: funnel_chart(&stages, colour, size),
        capacity: capacity_chart(&diagnostics.capacity_use, colour, size),
        text: funnel_text(&summary.scenario, &stages, &bottleneck),
        table: funnel_table(&summary.scenario, &stages, &diagnostics.capacity_use),
        bottleneck,
    }
}

fn funnel_chart(stages: &[Stage], colour: &'static str, size: ChartSize) -> FunnelChart {
    let (left, right) = (4.0, size.width - 16.0);
    let widest = stages.iter().map(|s| s.per_month).fold(0.0, f64::max);
    let x = LinearScale::new((0.0, widest.max(1.0)), (left, right));
    let narrow = size == ChartSize::NARROW;
    let row_height = if narrow { STAGE_ROW + LINE } else { STAGE_ROW };
    let rows = stages
        .iter()
        .enumerate()
        .map(|(i, stage)| stage_row(stage, TOP + i as f64 * row_height, &x, colour, narrow))
        .collect();
    FunnelChart {
        width: size.width,
        height: TOP + stages.len() as f64 * row_height,
        font_size: FONT_SIZE,
        label_x: left,
        rows,
        legend: vec![
            LegendEntry {
                label: "Carried on to the next stage".to_owned(),
                colour,
            },
            LegendEntry {
                label: "Lost".to_owned(),
                colour: LOST_FILL,
            },
            LegendEntry {
                label: "Not converted".to_owned(),
                colour: NOT_CONVERTED_FILL,
            },
        ],
    }
}

fn stage_row(stage: &Stage, top: f64, x: &LinearScale, colour: &'static str, narrow: bool) -> StageRow {
    let parts = [
        (SegmentKind::Continues, stage.continues, colour, "carried on"),
        (SegmentKind::Lost, stage.lost, LOST_FILL, stage.loss_words),
        (
            SegmentKind::NotConverted,
            stage.not_converted,
            NOT_CONVERTED_FILL,
            "not converted",
        ),
    ];
    // Each segment starts where the one before ends in pixels, so a
    // widened thin segment pushes the next along instead of overlapping it.
    let mut from = px(x.map(0.0));
    let mut segments = Vec::new();
    for (kind, value, fill, words) in parts {
        if value <= 0.0 {
            continue;
        }
        let width = px((x.map(value) - x.map(0.0)).max(MIN_SEGMENT));
        segments.push(Segment {
            kind,
            x: from,
            width,
            fill,
            title: format!("{} {words} a month", count(value)),
        });
        from = px(from + width);
    }
    StageRow {
        stage: stage.key,
        per_month: stage.per_month,
        heading: format!("{}: {} a month", stage.metric.title(), count(stage.per_month)),
        heading_y: top + 13.0,
        bar_y: top + 19.0,
        bar_height: 22.0,
        segments,
        losses: loss_lines(stage, narrow)
            .into_iter()
            .enumerate()
            .map(|(i, text)| TextLine {
                text,
                y: top + 58.0 + i as f64 * LINE,
            })
            .collect(),
    }
}

/// "40 lost unworked, 242 not converted" under a stage's bar, as two
/// lines when `narrow`.
fn loss_lines(stage: &Stage, narrow: bool) -> Vec<String> {
    if stage.loss_words.is_empty() {
        return Vec::new();
    }
    let lost = format!("{} {}", count(stage.lost), stage.loss_words);
    let not_converted = format!("{} not converted", count(stage.not_converted));
    if narrow {
        vec![lost, not_converted]
    } else {
        vec![format!("{lost}, {not_converted}")]
    }
}

fn capacity_chart(roles: &[RoleUse], colour: &'static str, size: ChartSize) -> CapacityChart {
    let plot = PlotArea {
        left: 4.0,
        top: TOP,
        right: size.width - 24.0,
        bottom: TOP + roles.len() as f64 * ROLE_ROW,
    };
    let busiest = roles.iter().map(|r| r.mean_use).fold(1.0, f64::max);
    let target = if size == ChartSize::NARROW { 4 } else { 6 };
    let axis = Axis::nice(0.0, busiest, (plot.left, plot.right), target);
    let rows = roles
        .iter()
        .enumerate()
        .map(|(i, role)| role_row(role, plot.top + i as f64 * ROLE_ROW, &axis.scale, colour))
        .collect();
    CapacityChart {
        width: size.width,
        height: plot.bottom + 28.0,
        font_size: FONT_SIZE,
        plot,
        rows,
        full_x: px(axis.scale.map(1.0)),
        ticks: axis
            .ticks
            .iter()
            .map(|t| Tick {
                position: px(axis.scale.map(*t)),
                label: percent_plain(*t),
            })
            .collect(),
        tick_label_y: plot.bottom + 18.0,
    }
}

fn role_row(role: &RoleUse, top: f64, x: &LinearScale, fill: &'static str) -> RoleRow {
    let over = role.mean_use > 1.0;
    let mut heading = format!("{}: {} of hours", role.title, percent(role.mean_use));
    if over {
        heading.push_str(" \u{2014} over capacity");
    }
    let start = x.map(0.0);
    let full = x.map(role.mean_use.min(1.0));
    RoleRow {
        role: role.role,
        mean_use: role.mean_use,
        over,
        heading,
        heading_y: top + 13.0,
        bar_x: px(start),
        bar_y: top + 19.0,
        bar_height: 18.0,
        bar_width: px(full - start),
        overflow_x: px(full),
        overflow_width: if over { px(x.map(role.mean_use) - full) } else { 0.0 },
        fill,
        overflow_fill: OVER_FILL,
    }
}

fn funnel_text(scenario: &str, stages: &[Stage], bottleneck: &str) -> ChartText {
    let [leads, meetings, opportunities, deals] = [0, 1, 2, 3].map(|i| count(stages[i].per_month));
    let mut summary = format!(
        "In the average month {leads} leads arrive, {meetings} first meetings are booked, {opportunities} opportunities are created and {deals} deals are won."
    );
    if let Some((value, words, stage)) = largest_loss(stages) {
        let _ = write!(
            summary,
            " The largest loss is {} {stage} a month {words}.",
            count(value)
        );
    }
    summary.push(' ');
    summary.push_str(bottleneck);
    ChartText {
        label: format!(
            "Funnel of {scenario}: leads, meetings, opportunities and deals in the average month, what is lost at each stage, and the capacity each role uses"
        ),
        summary,
    }
}

/// The biggest single loss: (count a month, what happened, the stage's noun).
fn largest_loss(stages: &[Stage]) -> Option<(f64, &'static str, &'static str)> {
    stages
        .iter()
        .filter(|s| !s.loss_words.is_empty())
        .flat_map(|s| [(s.lost, s.loss_words, s.key), (s.not_converted, "not converted", s.key)])
        .filter(|(value, _, _)| *value > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0))
}

fn funnel_table(scenario: &str, stages: &[Stage], roles: &[RoleUse]) -> DataTable {
    let mut rows = Vec::new();
    for stage in stages {
        rows.push(vec![stage.metric.title().to_owned(), count(stage.per_month)]);
        if !stage.loss_words.is_empty() {
            rows.push(vec![format!("{}: {}", stage.key, stage.loss_words), count(stage.lost)]);
            rows.push(vec![
                format!("{}: not converted", stage.key),
                count(stage.not_converted),
            ]);
        }
    }
    for role in roles {
        rows.push(vec![
            format!("{}: capacity used", role.title),
            format!("{} (peak month {})", percent(role.mean_use), percent(role.peak_use)),
        ]);
    }
    DataTable {
        caption: format!("Funnel and capacity of {scenario}, in the average month"),
        headers: vec!["Measure".to_owned(), "Average month".to_owned()],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::model::Prepared;
    use crate::sim::presets;
    use crate::sim::run::run_chunk;
    use crate::sim::stats::Accumulator;

    fn summary_of(scenario: &Scenario) -> Summary {
        run_chunk(&Prepared::new(scenario), 1, 0..100)
    }

    #[test]
    fn stage_counts_decrease_from_leads_to_deals_for_every_preset() {
        for preset in presets::all() {
            let view = funnel_view(&summary_of(&preset.scenario), &preset.scenario, 0, ChartSize::WIDE);
            let counts: Vec<f64> = view.funnel.rows.iter().map(|r| r.per_month).collect();
            assert_eq!(counts.len(), 4);
            assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{}: {counts:?}", preset.id);
            assert!(counts[3] > 0.0, "{}", preset.id);
        }
    }

    #[test]
    fn every_bar_is_labelled_with_its_number_and_the_deals_bar_shows() {
        let preset = &presets::all()[0];
        let summary = summary_of(&preset.scenario);
        let view = funnel_view(&summary, &preset.scenario, 0, ChartSize::NARROW);
        for (row, (metric, _, _)) in view.funnel.rows.iter().zip(STAGES) {
            let mean = summary.mean_over_months(metric);
            assert_eq!(row.per_month, mean);
            assert!(row.heading.contains(&count(mean)), "{}", row.heading);
            assert!(row.segments.iter().all(|s| s.width >= MIN_SEGMENT));
        }
        let deals = &view.funnel.rows[3];
        assert!(deals.losses.is_empty());
        let leads = &view.funnel.rows[0];
        let texts: Vec<&str> = leads.losses.iter().map(|l| l.text.as_str()).collect();
        let stage = &stages(&summary, &diagnostics(&summary, &preset.scenario))[0];
        assert_eq!(
            texts,
            vec![
                format!("{} lost unworked", count(stage.lost)),
                format!("{} not converted", count(stage.not_converted)),
            ]
        );
        assert!(leads.losses[1].y < view.funnel.rows[1].heading_y - 10.0);
        assert_eq!(deals.segments.len(), 1);
    }

    #[test]
    fn a_bar_is_as_long_as_its_count_on_one_linear_scale() {
        let preset = &presets::all()[1];
        let view = funnel_view(&summary_of(&preset.scenario), &preset.scenario, 1, ChartSize::WIDE);
        let rows = &view.funnel.rows;
        let length = |r: &StageRow| r.segments.iter().map(|s| s.width).sum::<f64>();
        let per_pixel = rows[0].per_month / length(&rows[0]);
        for row in &rows[1..] {
            // Rounding and the minimum width allow a pixel or two.
            assert!(
                (length(row) * per_pixel - row.per_month).abs() < 3.0 * per_pixel,
                "{}",
                row.stage
            );
        }
        // Segments follow one another without gaps.
        for row in rows {
            for w in row.segments.windows(2) {
                assert!((w[0].x + w[0].width - w[1].x).abs() < 0.2);
            }
        }
    }

    #[test]
    fn the_losses_reuse_the_engines_diagnostics() {
        let preset = &presets::all()[0];
        let summary = summary_of(&preset.scenario);
        let engine = diagnostics(&summary, &preset.scenario);
        let stages = stages(&summary, &engine);
        for stage in &stages[..3] {
            let reported = engine.work_lost.iter().find(|l| l.stage == stage.key).unwrap();
            assert!(stage.lost <= reported.per_month);
            assert!(stage.continues + stage.lost + stage.not_converted <= stage.per_month + 1e-9);
        }
    }

    #[test]
    fn the_bottleneck_sentence_is_the_engines_or_says_none() {
        for preset in presets::all() {
            let summary = summary_of(&preset.scenario);
            let view = funnel_view(&summary, &preset.scenario, 0, ChartSize::WIDE);
            match diagnostics(&summary, &preset.scenario).bottleneck {
                Some(sentence) => assert_eq!(view.bottleneck, sentence),
                None => assert_eq!(view.bottleneck, NO_BOTTLENECK),
            }
            assert!(view.text.summary.ends_with(&view.bottleneck));
        }
    }

    #[test]
    fn a_role_over_capacity_is_flagged_past_the_100_percent_line() {
        let preset = &presets::all()[1];
        let mut summary = summary_of(&preset.scenario);
        let mut overloaded = Accumulator::new();
        overloaded.insert_repeated(3.0, summary.runs);
        for month in &mut summary.monthly[Metric::UtilisationAe as usize] {
            *month = overloaded.clone();
        }
        let view = funnel_view(&summary, &preset.scenario, 1, ChartSize::WIDE);
        let ae = view.capacity.rows.iter().find(|r| r.role == "ae").unwrap();
        assert!(ae.over);
        assert!(
            ae.heading.ends_with("300% of hours \u{2014} over capacity"),
            "{}",
            ae.heading
        );
        assert!((ae.overflow_x - view.capacity.full_x).abs() < 0.2);
        assert!(ae.overflow_width > 0.0);
        assert!(view.capacity.ticks.last().unwrap().position >= ae.overflow_x + ae.overflow_width - 0.2);
        assert!(
            view.bottleneck.starts_with("Account executives are the bottleneck"),
            "{}",
            view.bottleneck
        );
        for row in &view.capacity.rows {
            assert_eq!(row.over, row.mean_use > 1.0, "{}", row.role);
            assert_eq!(row.overflow_width > 0.0, row.over, "{}", row.role);
            assert!(row.bar_x + row.bar_width <= view.capacity.full_x + 0.2, "{}", row.role);
        }
    }

    #[test]
    fn only_roles_with_people_get_a_capacity_bar() {
        let generalist = &presets::all()[0];
        let view = funnel_view(
            &summary_of(&generalist.scenario),
            &generalist.scenario,
            0,
            ChartSize::WIDE,
        );
        let roles: Vec<&str> = view.capacity.rows.iter().map(|r| r.role).collect();
        assert_eq!(roles, vec!["generalist"]);
    }
}

//! "Against the baseline": for each other scenario, the paired difference
//! of value created (cumulative contribution plus the change in the
//! customer book's value, what [`JUDGED`] names) by month as bands, the chance of being ahead by
//! month, the payback-month distribution and the sentences that say what
//! they mean.
//!
//! Everything here reads the paired statistics of [`Comparison::pairs`]:
//! run i of both scenarios saw the same luck, so the spread is the
//! structure's, not chance's. A scenario identical to the baseline differs
//! by exactly 0 in every run; it is told apart (see [`is_identical`]) so
//! the page never claims it "paid back in month 1".
//!
//! The time charts take their margins, ticks and axis text from the fan
//! chart's ([`plot_area`], [`AxisText`]), so every chart over months looks
//! alike; the path helpers and [`px`] are shared with the funnel and
//! tornado views.

use std::fmt::Write as _;

use super::fan::{AxisText, FONT_SIZE, PlotArea, Tick, plot_area};
use super::format::{money, money_difference, month, percent, percent_plain};
use super::scale::{LinearScale, nice_ticks};
use super::{ChartSize, ChartText, DataTable, scenario_colour};
use crate::sim::compare::{Comparison, DIFFERENCE_METRICS, JUDGED, Pair};
use crate::sim::metrics::Metric;
use crate::sim::stats::{Accumulator, Bands};

/// The "never pays back" bar: grey, set apart from the months' colour,
/// 4.5:1 against white.
const NEVER_FILL: &str = "#767676";
/// What the page says of a scenario that is the baseline in all but name.
pub const NO_DIFFERENCE: &str =
    "No difference from the baseline: the two scenarios give the same results in every future.";

/// A swatch and its words in a chart's legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub label: String,
    pub colour: &'static str,
}

/// A pixel coordinate rounded to a tenth: SVG needs no more, and the
/// paths stay short.
#[must_use]
pub fn px(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// An open polyline through `points`; non-finite points are skipped so a
/// path never carries "NaN" into the SVG.
#[must_use]
pub fn line_path(points: impl IntoIterator<Item = (f64, f64)>) -> String {
    let mut path = String::new();
    for (x, y) in points.into_iter().filter(|(x, y)| x.is_finite() && y.is_finite()) {
        let command = if path.is_empty() { 'M' } else { 'L' };
        let _ = write!(path, "{command}{},{}", px(x), px(y));
    }
    path
}

/// A closed band: along `upper` left to right, back along `lower`.
#[must_use]
pub fn band_path(upper: &[(f64, f64)], lower: &[(f64, f64)]) -> String {
    let mut path = line_path(upper.iter().chain(lower.iter().rev()).copied());
    if !path.is_empty() {
        path.push('Z');
    }
    path
}

/// Month ticks at a round step (1, 2, 3, 6, 12 … months), at most
/// `max_ticks` of them: months read best in quarters and years, which
/// decimal "nice" steps (5, 10, 20) miss.
#[must_use]
pub fn month_ticks(months: u32, max_ticks: u32) -> Vec<u32> {
    let step = [1, 2, 3, 6, 12, 24, 60]
        .into_iter()
        .find(|step| months / step <= max_ticks.max(1))
        .unwrap_or(120);
    (1..=months).filter(|m| m % step == 0).collect()
}

/// How far (in font sizes) a month label must stay from the "Never" label.
const NEVER_LABEL_CLEARANCE: f64 = 2.5;

fn max_month_ticks(size: ChartSize) -> u32 {
    if size == ChartSize::NARROW { 4 } else { 8 }
}

fn max_value_ticks(size: ChartSize) -> usize {
    if size == ChartSize::NARROW { 4 } else { 6 }
}

/// Whether every paired difference in every run and month is exactly 0:
/// the scenario is the baseline in all but name.
#[must_use]
pub fn is_identical(pair: &Pair) -> bool {
    let zero = |a: &Accumulator| a.min() == Some(0.0) && a.max() == Some(0.0);
    pair.differences.iter().flatten().all(zero) && zero(&pair.horizon_difference)
}

/// "Against the baseline" for a whole comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct AgainstBaseline {
    pub baseline: String,
    pub months: u32,
    pub runs: u64,
    /// One per other scenario, in comparison order.
    pub pairs: Vec<PairView>,
    /// Every other scenario's chance of being ahead, on one chart.
    pub chance_ahead: ChanceAheadChart,
}

/// One scenario against the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct PairView {
    pub scenario: String,
    pub colour: &'static str,
    pub identical: bool,
    /// The sentence for the top of the page.
    pub headline: String,
    pub difference: DifferenceChart,
    pub payback: PaybackChart,
}

/// The difference in value created (scenario minus baseline) by month:
/// P5–P95 and P25–P75 bands and the median line over a zero line.
#[derive(Clone, Debug, PartialEq)]
pub struct DifferenceChart {
    /// The chart's heading.
    pub title: String,
    pub width: f64,
    pub height: f64,
    pub font_size: f64,
    pub plot: PlotArea,
    pub axis_text: AxisText,
    pub colour: &'static str,
    /// P5–P95, closed path.
    pub outer_band: String,
    /// P25–P75, closed path.
    pub inner_band: String,
    pub median: String,
    pub zero_y: f64,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub x_title: String,
    pub y_title: String,
    pub text: ChartText,
    pub table: DataTable,
}

/// One bar of a bar chart, in pixels, with its read-out.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// What the bar says, for its tooltip.
    pub title: String,
}

/// A dashed line at the median payback month with its label beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct MedianMark {
    pub x: f64,
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
    /// "start" or, near the right edge, "end" (the label then runs leftwards).
    pub anchor: &'static str,
}

/// The share of runs paid back in each month, and those never paid back.
#[derive(Clone, Debug, PartialEq)]
pub struct PaybackChart {
    /// The chart's heading.
    pub title: String,
    pub width: f64,
    pub height: f64,
    pub font_size: f64,
    pub plot: PlotArea,
    pub axis_text: AxisText,
    pub colour: &'static str,
    /// Month 1 first; empty for a scenario identical to the baseline.
    pub bars: Vec<Bar>,
    /// Runs not paid back by the horizon, set apart at the right.
    pub never: Bar,
    pub never_colour: &'static str,
    pub never_tick: Tick,
    /// The median payback month, when at least half the futures pay back.
    pub median: Option<MedianMark>,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub x_title: String,
    pub y_title: String,
    pub sentence: String,
    pub text: ChartText,
    pub table: DataTable,
}

/// One scenario's chance of being ahead, per month.
#[derive(Clone, Debug, PartialEq)]
pub struct ChanceLine {
    pub scenario: String,
    pub colour: &'static str,
    pub path: String,
}

/// Every other scenario's chance of being ahead of the baseline, by month.
#[derive(Clone, Debug, PartialEq)]
pub struct ChanceAheadChart {
    /// The chart's heading.
    pub title: String,
    pub width: f64,
    pub height: f64,
    pub font_size: f64,
    pub plot: PlotArea,
    pub axis_text: AxisText,
    /// Scenarios identical to the baseline get no line (they are never
    /// strictly ahead, which a 0% line would misreport as "always behind").
    pub lines: Vec<ChanceLine>,
    /// The 50% line: above it, ahead more often than not.
    pub reference_y: f64,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub x_title: String,
    pub y_title: String,
    pub text: ChartText,
    pub table: DataTable,
}

/// The "against the baseline" views of `comparison`, drawn at `size`.
#[must_use]
pub fn against_baseline(comparison: &Comparison, size: ChartSize) -> AgainstBaseline {
    let baseline = comparison
        .summaries
        .first()
        .map(|s| s.scenario.clone())
        .unwrap_or_default();
    let pairs: Vec<PairView> = comparison
        .pairs
        .iter()
        .enumerate()
        .map(|(i, pair)| pair_view(comparison, &baseline, pair, i + 1, size))
        .collect();
    AgainstBaseline {
        chance_ahead: chance_ahead_chart(comparison, &baseline, size),
        baseline,
        months: comparison.months,
        runs: comparison.runs,
        pairs,
    }
}

fn pair_view(comparison: &Comparison, baseline: &str, pair: &Pair, colour_index: usize, size: ChartSize) -> PairView {
    let colour = scenario_colour(colour_index);
    PairView {
        scenario: pair.scenario.clone(),
        colour,
        identical: is_identical(pair),
        headline: headline(pair, baseline, comparison.runs, comparison.months),
        difference: difference_chart(pair, baseline, colour, size),
        payback: payback_chart(pair, baseline, comparison.runs, comparison.months, colour, size),
    }
}

/// The share of runs ahead in the last month.
fn ahead_at_horizon(pair: &Pair, runs: u64) -> f64 {
    pair.chance_ahead(runs).last().copied().unwrap_or(0.0)
}

/// "B is ahead of A at month 36 in 84% of futures, by $2.1M (median; P10–P90 −$0.4M to +$4.6M)."
#[must_use]
pub fn headline(pair: &Pair, baseline: &str, runs: u64, months: u32) -> String {
    let scenario = &pair.scenario;
    if runs == 0 {
        return format!("{scenario} has not been compared with {baseline} yet.");
    }
    if is_identical(pair) {
        return format!("{scenario} gives the same results as {baseline} in every future.");
    }
    let ahead = percent(ahead_at_horizon(pair, runs));
    let opening = format!(
        "{scenario} is ahead of {baseline} at {} in {ahead} of futures on value created (contribution plus the change in the customer book's value)",
        month(months)
    );
    let Some(bands) = pair.horizon_difference.bands() else {
        return format!("{opening}.");
    };
    let spread = format!(
        "P10–P90 {} to {}",
        money_difference(bands.p10),
        money_difference(bands.p90)
    );
    let judged = if bands.p50 > 0.0 {
        format!("{opening}, by {} (median; {spread}).", money(bands.p50))
    } else {
        format!(
            "{opening}; the median difference is {} ({spread}).",
            money_difference(bands.p50)
        )
    };
    match differences_of(pair, Metric::CumulativeContribution).last() {
        Some(Some(contribution)) => format!(
            "{judged} On contribution alone, leaving out the customer book's value, the median difference is {}.",
            money_difference(contribution.p50)
        ),
        _ => judged,
    }
}

/// The month the payback sentence speaks of: the median payback month, or
/// the horizon when fewer than half the runs pay back (so the sentence
/// still says how many do).
#[must_use]
pub fn sentence_month(pair: &Pair, runs: u64, months: u32) -> u32 {
    pair.median_payback(runs).unwrap_or(months)
}

/// "In 67% of futures B has paid back by month 18 (from then on its value
/// created stays at or above A's); in 9% it never does
/// within 36 months. At month 36 it is ahead of A in 84% of futures."
#[must_use]
pub fn payback_sentence(pair: &Pair, baseline: &str, runs: u64, months: u32) -> String {
    if runs == 0 {
        return "No futures have been run yet.".to_owned();
    }
    if is_identical(pair) {
        return NO_DIFFERENCE.to_owned();
    }
    let at = sentence_month(pair, runs, months);
    let by = pair
        .chance_paid_back_by(runs)
        .get(at.saturating_sub(1) as usize)
        .copied()
        .unwrap_or(0.0);
    let never = if pair.not_paid_back == 0 {
        format!("every future pays back within {months} months")
    } else {
        let share = pair.not_paid_back as f64 / runs as f64;
        format!("in {} it never does within {months} months", percent(share))
    };
    format!(
        "In {} of futures {} has paid back by {} (from then on its value created stays at or above {baseline}'s); {never}. At {} it is ahead of {baseline} in {} of futures.",
        percent(by),
        pair.scenario,
        month(at),
        month(months),
        percent(ahead_at_horizon(pair, runs)),
    )
}

/// Month-by-month bands of `metric`, scenario minus baseline.
fn differences_of(pair: &Pair, metric: Metric) -> Vec<Option<Bands>> {
    DIFFERENCE_METRICS
        .iter()
        .position(|m| *m == metric)
        .and_then(|i| pair.differences.get(i))
        .map(|by_month| by_month.iter().map(Accumulator::bands).collect())
        .unwrap_or_default()
}

fn month_axis(months: u32, plot: PlotArea, size: ChartSize) -> (LinearScale, Vec<Tick>) {
    let scale = LinearScale::new((1.0, f64::from(months.max(1))), (plot.left, plot.right));
    let ticks = month_ticks(months, max_month_ticks(size))
        .into_iter()
        .map(|m| Tick {
            position: px(scale.map(f64::from(m))),
            label: m.to_string(),
        })
        .collect();
    (scale, ticks)
}

/// The value axis of a time chart and the plot it leaves: the y labels'
/// width sets the left margin, which the plot's height does not depend
/// on, so the y axis comes first.
fn framed(
    size: ChartSize,
    y_ticks: Vec<f64>,
    label: impl Fn(f64) -> String,
    last_x_label: &str,
) -> (PlotArea, LinearScale, Vec<Tick>) {
    let provisional = plot_area(size, &[], "");
    let domain = (
        y_ticks.first().copied().unwrap_or(0.0),
        y_ticks.last().copied().unwrap_or(1.0),
    );
    let y = LinearScale::new(domain, (provisional.bottom, provisional.top));
    let labels: Vec<String> = y_ticks.iter().map(|t| label(*t)).collect();
    let plot = plot_area(size, &labels, last_x_label);
    let ticks = y_ticks
        .iter()
        .zip(labels)
        .map(|(t, label)| Tick {
            position: px(y.map(*t)),
            label,
        })
        .collect();
    (plot, y, ticks)
}

fn difference_chart(pair: &Pair, baseline: &str, colour: &'static str, size: ChartSize) -> DifferenceChart {
    let bands = differences_of(pair, JUDGED);
    let months = bands.len() as u32;
    let known: Vec<(f64, Bands)> = bands
        .iter()
        .enumerate()
        .filter_map(|(i, b)| b.map(|b| (i as f64 + 1.0, b)))
        .collect();
    let low = known.iter().map(|(_, b)| b.p5).fold(0.0, f64::min);
    let high = known.iter().map(|(_, b)| b.p95).fold(0.0, f64::max);
    let (plot, y, y_ticks) = framed(
        size,
        nice_ticks(low, high, max_value_ticks(size)),
        money,
        &months.to_string(),
    );
    let (x, x_ticks) = month_axis(months, plot, size);
    let at = |pick: fn(&Bands) -> f64| -> Vec<(f64, f64)> {
        known.iter().map(|(m, b)| (x.map(*m), y.map(pick(b)))).collect()
    };
    DifferenceChart {
        title: format!("{} against {baseline}: difference in value created", pair.scenario),
        width: size.width,
        height: size.height,
        font_size: FONT_SIZE,
        plot,
        axis_text: AxisText::around(&plot, size),
        colour,
        outer_band: band_path(&at(|b| b.p95), &at(|b| b.p5)),
        inner_band: band_path(&at(|b| b.p75), &at(|b| b.p25)),
        median: line_path(at(|b| b.p50)),
        zero_y: px(y.map(0.0)),
        x_ticks,
        y_ticks,
        x_title: "Month".to_owned(),
        y_title: "Difference, US dollars".to_owned(),
        text: difference_text(pair, baseline, &bands),
        table: difference_table(pair, &bands),
    }
}

/// The first month from which `holds` is true in every month to the
/// horizon; `None` when it fails in the last month.
fn from_month_on(holds: &[bool]) -> Option<u32> {
    match holds.iter().rposition(|h| !h) {
        None if !holds.is_empty() => Some(1),
        Some(i) if i + 1 < holds.len() => Some(i as u32 + 2),
        _ => None,
    }
}

fn difference_text(pair: &Pair, baseline: &str, bands: &[Option<Bands>]) -> ChartText {
    let label = format!(
        "Value created (cumulative contribution plus the change in the customer book's value) by {} minus {baseline}, by month: the median difference with the middle 50% and 90% of futures",
        pair.scenario
    );
    let summary = if is_identical(pair) {
        NO_DIFFERENCE.to_owned()
    } else if let Some(Some(last)) = bands.last() {
        let mut summary = format!(
            "At {} the median difference is {}; in half of futures it lies between {} and {}, and in 90% between {} and {}.",
            month(bands.len() as u32),
            money_difference(last.p50),
            money_difference(last.p25),
            money_difference(last.p75),
            money_difference(last.p5),
            money_difference(last.p95),
        );
        let positive: Vec<bool> = bands.iter().map(|b| b.is_some_and(|b| b.p50 > 0.0)).collect();
        if let Some(from) = from_month_on(&positive).filter(|m| *m > 1) {
            let _ = write!(summary, " The median is above zero from {} on.", month(from));
        }
        summary
    } else {
        "No futures have been run yet.".to_owned()
    };
    ChartText { label, summary }
}

fn difference_table(pair: &Pair, bands: &[Option<Bands>]) -> DataTable {
    let rows = bands
        .iter()
        .enumerate()
        .filter_map(|(i, b)| b.map(|b| (i + 1, b)))
        .map(|(m, b)| {
            std::iter::once(m.to_string())
                .chain([b.p5, b.p25, b.p50, b.p75, b.p95].map(money_difference))
                .collect()
        })
        .collect();
    DataTable {
        caption: format!("Value created, {} minus the baseline, by month", pair.scenario),
        headers: ["Month", "P5", "P25", "Median", "P75", "P95"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    }
}

/// Bar slots: one per month, an empty one as a gap, one for "never".
fn payback_slots(months: u32) -> f64 {
    f64::from(months) + 2.0
}

/// Bars of equal slots from the plot's left edge, on a share axis.
struct Slots {
    left: f64,
    slot: f64,
    bottom: f64,
    y: LinearScale,
}

impl Slots {
    fn bar(&self, index: f64, share: f64, title: String) -> Bar {
        let top = self.y.map(share);
        Bar {
            x: px(self.left + (index + 0.1) * self.slot),
            y: px(top),
            width: px((self.slot * 0.8).max(1.0)),
            height: px(self.bottom - top),
            title,
        }
    }

    fn centre(&self, index: f64) -> f64 {
        px(self.left + (index + 0.5) * self.slot)
    }
}

fn median_mark(median: u32, slots: &Slots, plot: PlotArea) -> MedianMark {
    let x = slots.centre(f64::from(median) - 1.0);
    // The label runs left of the line in the plot's right third, so it stays inside.
    let leftwards = x > plot.left + plot.width() * 2.0 / 3.0;
    MedianMark {
        x,
        label: format!("median: {}", month(median)),
        label_x: px(if leftwards { x - 4.0 } else { x + 4.0 }),
        label_y: px(plot.top + FONT_SIZE),
        anchor: if leftwards { "end" } else { "start" },
    }
}

fn payback_chart(
    pair: &Pair,
    baseline: &str,
    runs: u64,
    months: u32,
    colour: &'static str,
    size: ChartSize,
) -> PaybackChart {
    let identical = is_identical(pair);
    let share = |count: u64| count as f64 / runs.max(1) as f64;
    // An identical scenario has nothing to pay back: no bars at all.
    let never_share = if identical { 0.0 } else { share(pair.not_paid_back) };
    let tallest = pair.payback.iter().copied().map(share).fold(never_share, f64::max);
    // At least a 5% axis, so a chart of tiny shares does not tick in 0.1% steps.
    let y_ticks = nice_ticks(0.0, tallest.max(0.05), max_value_ticks(size));
    let (plot, y, y_ticks) = framed(size, y_ticks, percent_plain, "Never");
    let slots = Slots {
        left: plot.left,
        slot: plot.width() / payback_slots(months),
        bottom: plot.bottom,
        y,
    };
    let bars = if identical {
        Vec::new()
    } else {
        pair.payback
            .iter()
            .enumerate()
            .map(|(i, count)| {
                let value = share(*count);
                let title = format!("Paid back in {}: {}", month(i as u32 + 1), percent(value));
                slots.bar(i as f64, value, title)
            })
            .collect()
    };
    let never_index = f64::from(months) + 1.0;
    let median = if identical { None } else { pair.median_payback(runs) };
    let sentence = payback_sentence(pair, baseline, runs, months);
    PaybackChart {
        title: format!("{} against {baseline}: when it pays back", pair.scenario),
        width: size.width,
        height: size.height,
        font_size: FONT_SIZE,
        plot,
        axis_text: AxisText::around(&plot, size),
        colour,
        bars,
        never: slots.bar(
            never_index,
            never_share,
            format!("Never within {months} months: {}", percent(never_share)),
        ),
        never_colour: NEVER_FILL,
        never_tick: Tick {
            position: slots.centre(never_index),
            label: "Never".to_owned(),
        },
        median: median.map(|m| median_mark(m, &slots, plot)),
        x_ticks: month_ticks(months, max_month_ticks(size))
            .into_iter()
            .map(|m| Tick {
                position: slots.centre(f64::from(m) - 1.0),
                label: m.to_string(),
            })
            // On a phone the last month's label would run into "Never".
            .filter(|tick| (slots.centre(never_index) - tick.position).abs() >= NEVER_LABEL_CLEARANCE * FONT_SIZE)
            .collect(),
        y_ticks,
        x_title: "Payback month".to_owned(),
        y_title: "Share of futures".to_owned(),
        text: ChartText {
            label: format!(
                "Payback month of {} against {baseline}: the share of futures that pay back in each month, and those that never do within {months} months",
                pair.scenario
            ),
            summary: sentence.clone(),
        },
        table: payback_table(pair, runs, identical),
        sentence,
    }
}

fn payback_table(pair: &Pair, runs: u64, identical: bool) -> DataTable {
    let share = |count: u64| percent(count as f64 / runs.max(1) as f64);
    let mut rows: Vec<Vec<String>> = if identical {
        Vec::new()
    } else {
        pair.payback
            .iter()
            .zip(pair.chance_paid_back_by(runs))
            .enumerate()
            .map(|(i, (count, by))| vec![(i + 1).to_string(), share(*count), percent(by)])
            .collect()
    };
    if !identical {
        rows.push(vec!["Never".to_owned(), share(pair.not_paid_back), String::new()]);
    }
    DataTable {
        caption: format!("Payback month of {}: share of futures", pair.scenario),
        headers: ["Month", "Paid back that month", "Paid back by then"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    }
}

fn chance_ahead_chart(comparison: &Comparison, baseline: &str, size: ChartSize) -> ChanceAheadChart {
    let runs = comparison.runs;
    // Quarters, so 50% (the line that matters) is labelled.
    let quarters = vec![0.0, 0.25, 0.5, 0.75, 1.0];
    let (plot, y, y_ticks) = framed(size, quarters, percent_plain, &comparison.months.to_string());
    let (x, x_ticks) = month_axis(comparison.months, plot, size);
    let lines = comparison
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, pair)| !is_identical(pair))
        .map(|(i, pair)| ChanceLine {
            scenario: pair.scenario.clone(),
            colour: scenario_colour(i + 1),
            path: line_path(
                pair.chance_ahead(runs)
                    .iter()
                    .enumerate()
                    .map(|(m, p)| (x.map(m as f64 + 1.0), y.map(*p))),
            ),
        })
        .collect();
    ChanceAheadChart {
        title: format!("Chance of being ahead of {baseline}"),
        width: size.width,
        height: size.height,
        font_size: FONT_SIZE,
        plot,
        axis_text: AxisText::around(&plot, size),
        lines,
        reference_y: px(y.map(0.5)),
        x_ticks,
        y_ticks,
        x_title: "Month".to_owned(),
        y_title: "Share of futures ahead".to_owned(),
        text: chance_ahead_text(comparison, baseline),
        table: chance_ahead_table(comparison),
    }
}

/// The month from which the scenario stays ahead in more than half the futures.
fn mostly_ahead_from(pair: &Pair, runs: u64) -> Option<u32> {
    let mostly: Vec<bool> = pair.chance_ahead(runs).iter().map(|p| *p > 0.5).collect();
    from_month_on(&mostly)
}

fn chance_ahead_text(comparison: &Comparison, baseline: &str) -> ChartText {
    let runs = comparison.runs;
    let clauses: Vec<String> = comparison
        .pairs
        .iter()
        .map(|pair| {
            if is_identical(pair) {
                return format!("{} gives the same results as {baseline}", pair.scenario);
            }
            let at_horizon = percent(ahead_at_horizon(pair, runs));
            let mut clause = match mostly_ahead_from(pair, runs) {
                Some(from) => format!(
                    "{} is ahead in more than half of futures from {} on",
                    pair.scenario,
                    month(from)
                ),
                None => format!("{} is not ahead in most futures by the end", pair.scenario),
            };
            let _ = write!(clause, " (in {at_horizon} at {})", month(comparison.months));
            clause
        })
        .collect();
    let summary = if runs == 0 || clauses.is_empty() {
        "No comparison has been run yet.".to_owned()
    } else {
        format!("{}.", clauses.join("; "))
    };
    ChartText {
        label: format!(
            "Chance of each scenario having created more value (contribution plus the change in the customer book's value) than {baseline}, by month"
        ),
        summary,
    }
}

fn chance_ahead_table(comparison: &Comparison) -> DataTable {
    let chances: Vec<Vec<f64>> = comparison
        .pairs
        .iter()
        .map(|p| p.chance_ahead(comparison.runs))
        .collect();
    let rows = (0..comparison.months as usize)
        .map(|m| {
            std::iter::once((m + 1).to_string())
                .chain(
                    chances
                        .iter()
                        .map(|c| c.get(m).copied().map(percent).unwrap_or_default()),
                )
                .collect()
        })
        .collect();
    DataTable {
        caption: "Chance of being ahead of the baseline on value created, by month".to_owned(),
        headers: std::iter::once("Month".to_owned())
            .chain(comparison.pairs.iter().map(|p| p.scenario.clone()))
            .collect(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::compare::{compare_chunk, prepare_comparison};
    use crate::sim::presets;

    /// Generalist baseline against the specialised team and the month-6 restructuring.
    fn comparison() -> Comparison {
        let ps = presets::all();
        let prepared = prepare_comparison(&ps[0].scenario, &[ps[1].scenario.clone(), ps[5].scenario.clone()]);
        compare_chunk(&prepared, 1, 0..300)
    }

    fn self_comparison() -> Comparison {
        let a = presets::all()[0].scenario.clone();
        compare_chunk(&prepare_comparison(&a, std::slice::from_ref(&a)), 1, 0..50)
    }

    fn all_paths(view: &AgainstBaseline) -> Vec<&str> {
        let mut paths: Vec<&str> = view.chance_ahead.lines.iter().map(|l| l.path.as_str()).collect();
        for pair in &view.pairs {
            paths.extend([
                pair.difference.outer_band.as_str(),
                pair.difference.inner_band.as_str(),
                pair.difference.median.as_str(),
            ]);
        }
        paths
    }

    /// Every percentage written in `text`, as written.
    fn percentages(text: &str) -> Vec<String> {
        text.split_whitespace()
            .filter(|w| w.contains('%'))
            .map(|w| w.trim_end_matches([',', ';', '.', ')']).to_owned())
            .collect()
    }

    #[test]
    fn the_payback_sentence_quotes_the_pairs_own_chance_at_the_month_it_names() {
        let c = comparison();
        let restructuring = &c.pairs[1];
        let at = sentence_month(restructuring, c.runs, c.months);
        let by = restructuring.chance_paid_back_by(c.runs)[at as usize - 1];
        let never = restructuring.not_paid_back as f64 / c.runs as f64;
        let sentence = payback_sentence(restructuring, &c.summaries[0].scenario, c.runs, c.months);
        assert!(
            sentence.starts_with(&format!(
                "In {} of futures {} has paid back by month {at} (from then on its value created stays at or above {}'s);",
                percent(by),
                restructuring.scenario,
                c.summaries[0].scenario
            )),
            "{sentence}"
        );
        if restructuring.not_paid_back > 0 {
            assert!(sentence.contains(&format!("in {} it never does within 36 months", percent(never))));
        }
        let ahead = restructuring.chance_ahead(c.runs)[35];
        assert!(
            sentence.ends_with(&format!("in {} of futures.", percent(ahead))),
            "{sentence}"
        );
    }

    #[test]
    fn the_sentence_names_the_median_payback_month_or_the_horizon() {
        let c = comparison();
        for pair in &c.pairs {
            let at = sentence_month(pair, c.runs, c.months);
            match pair.median_payback(c.runs) {
                Some(m) => {
                    assert_eq!(at, m);
                    assert!(pair.chance_paid_back_by(c.runs)[m as usize - 1] >= 0.5);
                }
                None => assert_eq!(at, c.months),
            }
        }
    }

    #[test]
    fn a_scenario_compared_with_itself_says_no_difference_and_not_month_1() {
        let c = self_comparison();
        let view = against_baseline(&c, ChartSize::WIDE);
        let pair = &view.pairs[0];
        assert!(pair.identical);
        assert_eq!(pair.payback.sentence, NO_DIFFERENCE);
        assert_eq!(pair.payback.text.summary, NO_DIFFERENCE);
        assert_eq!(pair.difference.text.summary, NO_DIFFERENCE);
        assert!(pair.payback.bars.is_empty());
        assert!(pair.payback.median.is_none());
        assert!(!pair.headline.contains("month 1"), "{}", pair.headline);
        assert!(pair.headline.contains("same results"));
        assert!(view.chance_ahead.lines.is_empty());
        // The engine itself counts such runs as paid back in month 1.
        assert_eq!(c.pairs[0].median_payback(c.runs), Some(1));
    }

    #[test]
    fn a_real_structure_change_is_not_called_identical() {
        let c = comparison();
        assert!(c.pairs.iter().all(|p| !is_identical(p)));
        let view = against_baseline(&c, ChartSize::WIDE);
        assert_eq!(view.chance_ahead.lines.len(), 2);
        assert!(view.pairs.iter().all(|p| p.payback.bars.len() == 36));
    }

    #[test]
    fn sentences_never_claim_0_or_100_percent_unless_exact() {
        let c = comparison();
        let view = against_baseline(&c, ChartSize::WIDE);
        let shares_of = |pair: &Pair| {
            let mut shares = pair.chance_ahead(c.runs);
            shares.extend(pair.chance_paid_back_by(c.runs));
            shares.push(pair.not_paid_back as f64 / c.runs as f64);
            shares
        };
        let check = |text: &str, shares: &[f64]| {
            for written in percentages(text) {
                assert!(written != "0%" || shares.contains(&0.0), "{text}");
                assert!(written != "100%" || shares.contains(&1.0), "{text}");
            }
        };
        for (pair, shown) in c.pairs.iter().zip(&view.pairs) {
            check(&shown.headline, &shares_of(pair));
            check(&shown.payback.sentence, &shares_of(pair));
        }
        let every_share: Vec<f64> = c.pairs.iter().flat_map(shares_of).collect();
        check(&view.chance_ahead.text.summary, &every_share);
    }

    #[test]
    fn near_certain_shares_read_over_99_percent_in_the_sentence() {
        let mut c = comparison();
        let pair = &mut c.pairs[0];
        // One run of 300 never pays back; the rest pay back in month 1.
        pair.payback = vec![0; 36];
        pair.payback[0] = 299;
        pair.not_paid_back = 1;
        pair.ahead = vec![299; 36];
        let sentence = payback_sentence(pair, "Generalist", 300, 36);
        assert!(sentence.starts_with("In over 99% of futures"), "{sentence}");
        assert!(sentence.contains("in under 1% it never does"), "{sentence}");
        assert!(sentence.ends_with("in over 99% of futures."), "{sentence}");
        let headline = headline(pair, "Generalist", 300, 36);
        assert!(headline.contains("in over 99% of futures"), "{headline}");
        for text in [&sentence, &headline] {
            assert!(!text.contains(" 100%") && !text.contains(" 0%"), "{text}");
        }
    }

    #[test]
    fn the_headline_gives_the_horizon_median_and_spread() {
        let c = comparison();
        let pair = &c.pairs[0];
        let bands = pair.horizon_difference.bands().unwrap();
        let text = headline(pair, &c.summaries[0].scenario, c.runs, c.months);
        assert!(text.starts_with(&format!(
            "{} is ahead of {} at month 36 in {} of futures",
            pair.scenario,
            c.summaries[0].scenario,
            percent(pair.chance_ahead(c.runs)[35])
        )));
        assert!(text.contains(&format!(
            "P10–P90 {} to {}",
            money_difference(bands.p10),
            money_difference(bands.p90)
        )));
        let median = if bands.p50 > 0.0 {
            format!("by {} (median;", money(bands.p50))
        } else {
            format!("median difference is {}", money_difference(bands.p50))
        };
        assert!(text.contains(&median), "{text}");
    }

    #[test]
    fn paths_are_free_of_nan_and_infinity_at_both_sizes() {
        for c in [comparison(), self_comparison()] {
            for size in [ChartSize::WIDE, ChartSize::NARROW] {
                let view = against_baseline(&c, size);
                for path in all_paths(&view) {
                    assert!(!path.contains("NaN") && !path.contains("inf"), "{path}");
                }
                for pair in &view.pairs {
                    let p = &pair.payback;
                    for bar in p.bars.iter().chain([&p.never]) {
                        assert!([bar.x, bar.y, bar.width, bar.height].iter().all(|v| v.is_finite()));
                        assert!(bar.height >= 0.0 && bar.y >= p.plot.top - 0.1);
                    }
                }
            }
        }
    }

    #[test]
    fn the_difference_bands_nest_and_the_zero_line_is_inside_the_plot() {
        let c = comparison();
        let view = against_baseline(&c, ChartSize::WIDE);
        let chart = &view.pairs[1].difference;
        assert!(chart.outer_band.starts_with('M') && chart.outer_band.ends_with('Z'));
        assert_eq!(chart.median.matches('L').count(), 35);
        assert!(chart.zero_y >= chart.plot.top && chart.zero_y <= chart.plot.bottom);
        // Pixels grow downwards: P95 is drawn above (smaller y than) P5.
        let bands = differences_of(&c.pairs[1], JUDGED);
        let last = bands[35].unwrap();
        assert!(last.p95 >= last.p75 && last.p75 >= last.p50 && last.p50 >= last.p25 && last.p25 >= last.p5);
        assert!(chart.y_ticks.windows(2).all(|w| w[0].position > w[1].position));
    }

    #[test]
    fn payback_bars_add_up_to_every_run() {
        let c = comparison();
        let view = against_baseline(&c, ChartSize::WIDE);
        let pair = &c.pairs[1];
        let chart = &view.pairs[1].payback;
        let total: u64 = pair.payback.iter().sum::<u64>() + pair.not_paid_back;
        assert_eq!(total, c.runs);
        // The tallest bar is the month with the most paybacks, or "never".
        let tallest = chart
            .bars
            .iter()
            .chain([&chart.never])
            .map(|b| b.height)
            .fold(0.0, f64::max);
        let most = pair.payback.iter().copied().max().unwrap().max(pair.not_paid_back);
        let expected = most as f64 / c.runs as f64;
        let top_share = *nice_ticks(0.0, expected.max(0.05), 6).last().unwrap();
        let top_y = chart.y_ticks.last().unwrap().position;
        assert!((top_y - chart.plot.top).abs() < 0.2);
        let full = chart.plot.bottom - chart.plot.top;
        assert!((tallest - full * expected / top_share).abs() < 0.2, "{tallest}");
        assert!(chart.never.x > chart.bars[35].x + chart.bars[35].width);
    }

    #[test]
    fn month_ticks_fall_on_quarters_and_years() {
        assert_eq!(month_ticks(36, 8), vec![6, 12, 18, 24, 30, 36]);
        for size in [ChartSize::NARROW, ChartSize::WIDE] {
            let chart = against_baseline(&comparison(), size);
            let payback = &chart.pairs[0].payback;
            for tick in &payback.x_ticks {
                let gap = (payback.never_tick.position - tick.position).abs();
                assert!(
                    gap >= NEVER_LABEL_CLEARANCE * FONT_SIZE,
                    "month {} crowds Never",
                    tick.label
                );
            }
        }
        assert_eq!(month_ticks(36, 4), vec![12, 24, 36]);
        assert_eq!(month_ticks(12, 8), vec![2, 4, 6, 8, 10, 12]);
        assert_eq!(month_ticks(120, 8), vec![24, 48, 72, 96, 120]);
    }

    #[test]
    fn from_month_on_is_the_start_of_the_run_that_lasts_to_the_horizon() {
        assert_eq!(from_month_on(&[false, true, false, true, true]), Some(4));
        assert_eq!(from_month_on(&[true, true]), Some(1));
        assert_eq!(from_month_on(&[true, false]), None);
        assert_eq!(from_month_on(&[]), None);
    }

    #[test]
    fn the_chance_ahead_table_has_a_column_per_scenario_and_a_row_per_month() {
        let c = comparison();
        let table = against_baseline(&c, ChartSize::NARROW).chance_ahead.table;
        assert_eq!(table.headers.len(), 3);
        assert_eq!(table.rows.len(), 36);
        assert_eq!(table.rows[35][2], percent(c.pairs[1].chance_ahead(c.runs)[35]));
    }
}

//! "Outcome at the horizon": how value created by the last month (cumulative
//! contribution plus the change in the customer book's value) is
//! spread over the runs, per scenario on common bins, with each scenario's
//! median, P10 and P90 marked.
//!
//! Bin shares come from the sketch's interpolated cumulative counts
//! ([`QuantileSketch::count_below_interpolated`]) on the common edges, so a
//! bin is empty only when no run could lie in it, never because the
//! sketch's buckets are about as wide as the bins. The bins cover the
//! smallest P1 to the largest P99 of the scenarios; the few runs outside are
//! kept as shares below and above, shown in the table rather than piled
//! into the end bars (where they would read as a spike).
//!
//! [`QuantileSketch::count_below_interpolated`]: crate::sim::stats::QuantileSketch::count_below_interpolated

use crate::sim::compare::Comparison;
use crate::sim::metrics::RunMetric;
use crate::sim::stats::{Accumulator, Histogram};

use super::fan::{AxisText, FONT_SIZE, PlotArea, Tick, line_path, plot_area, tick_target};
use super::format;
use super::scale::{Axis, LinearScale, nice_step, nice_ticks};
use super::{ChartSize, ChartText, DataTable, scenario_colour};

/// The most bins drawn: about one per 25 px on a laptop, and enough to show
/// a skew or a second mode.
pub const MAX_BINS: usize = 30;

/// Room an x tick label ("−$12.5M") needs, in pixels.
const X_TICK_SPACING: f64 = 90.0;
/// Room a y tick needs: about three and a half lines of text.
const Y_TICK_SPACING: f64 = 48.0;

/// Which quantile a mark shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    P10,
    Median,
    P90,
}

impl MarkKind {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            MarkKind::P10 => "P10",
            MarkKind::Median => "Median",
            MarkKind::P90 => "P90",
        }
    }
}

/// A vertical mark across the plot at a scenario's quantile.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub kind: MarkKind,
    pub value: f64,
    /// Pixel x.
    pub x: f64,
    /// "Median $24.5M", for a tooltip.
    pub label: String,
}

/// One scenario's distribution on the common bins.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramSeries {
    pub scenario: String,
    pub colour: &'static str,
    /// Share of runs in each bin.
    pub shares: Vec<f64>,
    /// Shares of runs below the first edge and at or above the last.
    pub below: f64,
    pub above: f64,
    /// Closed step outline over the bins (empty without data).
    pub area: String,
    pub marks: Vec<Mark>,
}

/// Everything the outcome histogram component draws.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramChart {
    /// The month the outcome is taken at.
    pub horizon: u32,
    pub width: f64,
    pub height: f64,
    pub font_size: f64,
    pub plot: PlotArea,
    pub axis_text: AxisText,
    /// Common bin edges, in US dollars (empty without data).
    pub edges: Vec<f64>,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub x_title: String,
    pub y_title: String,
    pub series: Vec<HistogramSeries>,
    /// Pixel x of $0 when the axis spans it.
    pub zero_line: Option<f64>,
    pub text: ChartText,
    pub table: DataTable,
}

const METRIC: RunMetric = RunMetric::HorizonValueCreated;

fn outcomes(comparison: &Comparison) -> Vec<&Accumulator> {
    comparison.summaries.iter().map(|s| s.horizon(METRIC)).collect()
}

/// The smallest P1 to the largest P99 over the scenarios with runs,
/// widened to min..max and then padded when that is a single value.
fn common_range(outcomes: &[&Accumulator]) -> Option<(f64, f64)> {
    let spread = |low_q: f64, high_q: f64| {
        let low = outcomes
            .iter()
            .filter_map(|a| a.quantile(low_q))
            .min_by(f64::total_cmp)?;
        let high = outcomes
            .iter()
            .filter_map(|a| a.quantile(high_q))
            .max_by(f64::total_cmp)?;
        Some((low, high))
    };
    let (low, high) = spread(0.01, 0.99)?;
    if low < high {
        return Some((low, high));
    }
    let (low, high) = spread(0.0, 1.0)?;
    if low < high {
        return Some((low, high));
    }
    // Every run ended on the same value: one bin around it.
    let pad = (low.abs() * 0.01).max(1.0);
    Some((low - pad, high + pad))
}

/// Bins for `runs` runs over `[low, high]`: at most [`MAX_BINS`], at most
/// the Rice rule's `2·∛runs` (more bins than that leave gaps that are
/// sampling noise), and none the sketch cannot resolve.
fn bin_count(low: f64, high: f64, runs: u64) -> usize {
    let rice = (2.0 * (runs as f64).cbrt()).ceil() as usize;
    Histogram::resolvable_bins(low, high, MAX_BINS.min(rice.max(1)))
}

/// Shares of `outcome`'s runs in each bin of `edges`, and below and above
/// them; all sum to 1.
fn bin_shares(outcome: &Accumulator, edges: &[f64]) -> (Vec<f64>, f64, f64) {
    let n = outcome.count();
    if n == 0 || edges.len() < 2 {
        return (vec![0.0; edges.len().saturating_sub(1)], 0.0, 0.0);
    }
    let total = n as f64;
    let cumulative: Vec<f64> = edges
        .iter()
        .map(|&e| outcome.sketch().count_below_interpolated(e) / total)
        .collect();
    let shares = cumulative.windows(2).map(|w| (w[1] - w[0]).max(0.0)).collect();
    let below = cumulative[0];
    let above = 1.0 - cumulative[cumulative.len() - 1];
    (shares, below, above)
}

/// A y tick label for a share, with a decimal when the step is below 1%
/// (so 0.5% does not read as "1%" twice).
fn share_label(share: f64, step: f64) -> String {
    if step < 0.01 {
        format!("{:.1}%", share * 100.0)
    } else {
        format::percent_plain(share)
    }
}

/// One scenario's shares on the common bins: in each bin, below, above.
type Binned = (Vec<f64>, f64, f64);

/// Builds the outcome histogram for `comparison`, drawn at `size`.
#[must_use]
pub fn outcome_histogram(comparison: &Comparison, size: ChartSize) -> HistogramChart {
    let outcomes = outcomes(comparison);
    let edges = common_range(&outcomes).map_or_else(Vec::new, |(low, high)| {
        Histogram::equal_width_edges(low, high, bin_count(low, high, comparison.runs))
    });
    let binned: Vec<Binned> = outcomes.iter().map(|o| bin_shares(o, &edges)).collect();
    // The plot's height does not depend on the labels, so the share axis
    // comes first; its labels and the money axis's last label set the margins.
    let provisional = plot_area(size, &[], "");
    let y = share_axis(&binned, &provisional);
    let y_ticks = y.as_ref().map_or_else(Vec::new, y_ticks_of);
    let y_labels: Vec<String> = y_ticks.iter().map(|t| t.label.clone()).collect();
    let x_target = tick_target(provisional.width(), X_TICK_SPACING);
    let x_range = edges.first().zip(edges.last()).map(|(&low, &high)| (low, high));
    // The ticks depend only on the target, not on the pixels, so the last
    // label is known before the margins that make room for it.
    let last_x_label = x_range
        .and_then(|(low, high)| nice_ticks(low, high, x_target).last().map(|&t| format::money(t)))
        .unwrap_or_default();
    let plot = plot_area(size, &y_labels, &last_x_label);
    let x = x_range.map(|(low, high)| Axis::nice(low, high, (plot.left, plot.right), x_target));
    let y_scale = y
        .as_ref()
        .map_or_else(|| LinearScale::new((0.0, 1.0), (plot.bottom, plot.top)), |a| a.scale);
    let series: Vec<HistogramSeries> = binned
        .into_iter()
        .enumerate()
        .map(|(index, binned)| series_of(comparison, index, binned, &edges, x.as_ref(), &y_scale))
        .collect();
    HistogramChart {
        horizon: comparison.months,
        width: size.width,
        height: size.height,
        font_size: FONT_SIZE,
        plot,
        axis_text: AxisText::around(&plot, size),
        x_ticks: x.as_ref().map_or_else(Vec::new, money_ticks),
        y_ticks,
        x_title: format!("Value created at {} (US dollars)", format::month(comparison.months)),
        y_title: "Share of runs".to_owned(),
        zero_line: x.as_ref().and_then(|axis| {
            let (low, high) = axis.scale.domain;
            (low < 0.0 && 0.0 < high).then(|| axis.scale.map(0.0))
        }),
        text: chart_text(comparison, &outcomes, &series, &edges),
        table: data_table(comparison, &series, &edges),
        edges,
        series,
    }
}

/// From 0 to the tallest bar; `None` when no bar has any runs.
fn share_axis(binned: &[Binned], plot: &PlotArea) -> Option<Axis> {
    let tallest = binned
        .iter()
        .flat_map(|(shares, _, _)| shares.iter().copied())
        .fold(0.0, f64::max);
    let target = tick_target(plot.height(), Y_TICK_SPACING);
    (tallest > 0.0).then(|| Axis::nice(0.0, tallest, (plot.bottom, plot.top), target))
}

fn money_ticks(axis: &Axis) -> Vec<Tick> {
    axis.ticks
        .iter()
        .map(|&t| Tick {
            position: axis.scale.map(t),
            label: format::money(t),
        })
        .collect()
}

fn series_of(
    comparison: &Comparison,
    index: usize,
    (shares, below, above): Binned,
    edges: &[f64],
    x: Option<&Axis>,
    y: &LinearScale,
) -> HistogramSeries {
    let outcome = comparison.summaries[index].horizon(METRIC);
    HistogramSeries {
        scenario: comparison.summaries[index].scenario.clone(),
        colour: scenario_colour(index),
        area: x.map_or_else(String::new, |x| step_area(edges, &shares, &x.scale, y)),
        marks: x.map_or_else(Vec::new, |x| marks_of(outcome, &x.scale)),
        shares,
        below,
        above,
    }
}

fn y_ticks_of(axis: &Axis) -> Vec<Tick> {
    let step = match axis.ticks.as_slice() {
        [first, second, ..] => second - first,
        _ => nice_step(axis.scale.domain.1 - axis.scale.domain.0, 1),
    };
    axis.ticks
        .iter()
        .map(|&t| Tick {
            position: axis.scale.map(t),
            label: share_label(t, step),
        })
        .collect()
}

/// The outline of the bars: along the baseline to the first non-empty bin,
/// over the bin tops, back down after the last non-empty bin. Empty bins
/// at either end are left out, so the outline does not trace the axis.
fn step_area(edges: &[f64], shares: &[f64], x: &LinearScale, y: &LinearScale) -> String {
    let (Some(first), Some(last)) = (
        shares.iter().position(|&s| s > 0.0),
        shares.iter().rposition(|&s| s > 0.0),
    ) else {
        return String::new();
    };
    let base = y.map(0.0);
    let mut points = vec![(x.map(edges[first]), base)];
    for (bin, share) in shares.iter().enumerate().take(last + 1).skip(first) {
        let top = y.map(*share);
        points.push((x.map(edges[bin]), top));
        points.push((x.map(edges[bin + 1]), top));
    }
    points.push((x.map(edges[last + 1]), base));
    format!("{} Z", line_path(points.into_iter()))
}

fn marks_of(outcome: &Accumulator, x: &LinearScale) -> Vec<Mark> {
    [(MarkKind::P10, 0.1), (MarkKind::Median, 0.5), (MarkKind::P90, 0.9)]
        .into_iter()
        .filter_map(|(kind, q)| {
            let value = outcome.quantile(q)?;
            Some(Mark {
                kind,
                value,
                x: x.map(value),
                label: format!("{} {}", kind.name(), format::money(value)),
            })
        })
        .collect()
}

fn median_with_range(outcome: &Accumulator) -> Option<String> {
    let (p10, p50, p90) = (outcome.quantile(0.1)?, outcome.quantile(0.5)?, outcome.quantile(0.9)?);
    Some(format!(
        "{} (P10–P90 {}–{})",
        format::money(p50),
        format::money(p10),
        format::money(p90)
    ))
}

fn chart_text(
    comparison: &Comparison,
    outcomes: &[&Accumulator],
    series: &[HistogramSeries],
    edges: &[f64],
) -> ChartText {
    let month = format::month(comparison.months);
    let count = series.len();
    let label = format!(
        "Histogram of value created at {month} for {count} {}",
        if count == 1 { "scenario" } else { "scenarios" }
    );
    let medians: Vec<String> = comparison
        .summaries
        .iter()
        .zip(outcomes)
        .filter_map(|(s, o)| Some(format!("{} {}", s.scenario, median_with_range(o)?)))
        .collect();
    let (Some(low), Some(high)) = (edges.first(), edges.last()) else {
        return ChartText {
            label,
            summary: format!("No results yet: run the simulation to see how value created at {month} is spread."),
        };
    };
    let outside = series.iter().map(|s| s.below + s.above).fold(0.0, f64::max);
    let summary = format!(
        "Median value created at {month}: {}. The bars show the share of {} runs in each range from {} to {}; runs outside it (up to {} per scenario) are counted in the table.",
        medians.join("; "),
        format::count(comparison.runs as f64),
        format::money(*low),
        format::money(*high),
        format::percent(outside)
    );
    ChartText { label, summary }
}

fn data_table(comparison: &Comparison, series: &[HistogramSeries], edges: &[f64]) -> DataTable {
    let mut headers = vec![format!("Value created at {}", format::month(comparison.months))];
    headers.extend(series.iter().map(|s| s.scenario.clone()));
    let row = |label: String, share: &dyn Fn(&HistogramSeries) -> f64| {
        std::iter::once(label)
            .chain(series.iter().map(|s| format::percent(share(s))))
            .collect::<Vec<_>>()
    };
    let mut rows = Vec::new();
    if let (Some(&low), Some(&high)) = (edges.first(), edges.last()) {
        rows.push(row(format!("under {}", format::money(low)), &|s| s.below));
        for (bin, pair) in edges.windows(2).enumerate() {
            let label = format!("{} to {}", format::money(pair[0]), format::money(pair[1]));
            rows.push(row(label, &|s| s.shares[bin]));
        }
        rows.push(row(format!("{} or more", format::money(high)), &|s| s.above));
    }
    DataTable {
        caption: format!(
            "Share of {} runs by value created at {}",
            format::count(comparison.runs as f64),
            format::month(comparison.months)
        ),
        headers,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::view::fan::tests::{assert_finite_path, comparison};

    #[test]
    fn shares_sum_to_one_per_scenario_including_the_tails() {
        let c = comparison(300);
        let chart = outcome_histogram(&c, ChartSize::WIDE);
        assert_eq!(chart.series.len(), 3);
        for s in &chart.series {
            let total: f64 = s.shares.iter().sum::<f64>() + s.below + s.above;
            assert!((total - 1.0).abs() < 1e-9, "{}: {total}", s.scenario);
            assert!(s.shares.iter().all(|&share| share >= 0.0));
            // The common range is the widest P1..P99: about 1% each side, plus
            // part of the sketch bucket the edge falls in.
            assert!(s.below <= 0.015 && s.above <= 0.015, "{} {}", s.below, s.above);
        }
    }

    /// Empty bins inside a series' bulk: between the bins where its first
    /// and last 1% of runs fall. A lone outlier beyond a gap in the outer 1%
    /// is a tail, not a hole in the bulk.
    fn interior_empty_bins(shares: &[f64]) -> usize {
        let total: f64 = shares.iter().sum();
        let reach = |order: Vec<usize>| {
            let mut seen = 0.0;
            order
                .into_iter()
                .find(|&i| {
                    seen += shares[i];
                    seen > 0.01 * total
                })
                .unwrap_or(0)
        };
        let first = reach((0..shares.len()).collect());
        let last = reach((0..shares.len()).rev().collect());
        shares[first..=last.max(first)].iter().filter(|&&s| s == 0.0).count()
    }

    #[test]
    fn no_bin_inside_a_scenarios_bulk_is_empty() {
        for runs in [300, 1000] {
            let chart = outcome_histogram(&comparison(runs), ChartSize::WIDE);
            assert!(chart.edges.len() > 8, "{} edges", chart.edges.len());
            for s in &chart.series {
                assert_eq!(
                    interior_empty_bins(&s.shares),
                    0,
                    "{runs} runs, {}: {:?}",
                    s.scenario,
                    s.shares
                );
            }
        }
    }

    #[test]
    fn bins_are_common_equal_and_sized_to_the_runs() {
        let c = comparison(300);
        let chart = outcome_histogram(&c, ChartSize::WIDE);
        let bins = chart.edges.len() - 1;
        // The Rice rule: 2·∛300 ≈ 13.4, so 14 bins, not MAX_BINS.
        assert_eq!(bins, 14, "{bins} bins for 300 runs");
        let width = chart.edges[1] - chart.edges[0];
        assert!(
            chart
                .edges
                .windows(2)
                .all(|w| ((w[1] - w[0]) - width).abs() < 1e-6 * width)
        );
        assert!(chart.series.iter().all(|s| s.shares.len() == bins));
        let lowest_p1 = c
            .summaries
            .iter()
            .map(|s| s.horizon(METRIC).quantile(0.01).unwrap())
            .fold(f64::INFINITY, f64::min);
        assert_eq!(chart.edges[0], lowest_p1);
    }

    #[test]
    fn bars_and_marks_lie_in_the_plot_and_paths_are_finite() {
        let c = comparison(300);
        for size in [ChartSize::WIDE, ChartSize::NARROW] {
            let chart = outcome_histogram(&c, size);
            let plot = chart.plot;
            for s in &chart.series {
                assert_finite_path(&s.area);
                assert!(s.area.starts_with('M') && s.area.ends_with('Z'));
                assert_eq!(s.marks.len(), 3);
                assert!(s.marks.windows(2).all(|w| w[0].x <= w[1].x));
                assert!(s.marks.iter().all(|m| (plot.left..=plot.right).contains(&m.x)));
            }
            let x_of = |t: &Tick| t.position;
            assert!(
                chart
                    .x_ticks
                    .iter()
                    .map(x_of)
                    .all(|x| (plot.left - 1e-6..=plot.right + 1e-6).contains(&x))
            );
            assert!(
                chart
                    .y_ticks
                    .iter()
                    .map(x_of)
                    .all(|y| (plot.top - 1e-6..=plot.bottom + 1e-6).contains(&y))
            );
            assert!(chart.x_ticks.iter().all(|t| t.label.contains('$')));
            assert!(chart.y_ticks.iter().all(|t| t.label.ends_with('%')));
            assert!(plot.left > 0.0 && plot.right < size.width && plot.bottom < size.height);
        }
    }

    /// A y tick label read back as a share.
    fn label_share(tick: &Tick) -> f64 {
        tick.label.trim_end_matches('%').parse::<f64>().unwrap() / 100.0
    }

    #[test]
    fn the_share_axis_ends_on_the_first_tick_above_the_tallest_bar() {
        let chart = outcome_histogram(&comparison(300), ChartSize::WIDE);
        let tallest = chart
            .series
            .iter()
            .flat_map(|s| s.shares.iter().copied())
            .fold(0.0, f64::max);
        let shares: Vec<f64> = chart.y_ticks.iter().map(label_share).collect();
        let (top, step) = (shares[shares.len() - 1], shares[1] - shares[0]);
        assert_eq!(shares[0], 0.0);
        assert!(
            top >= tallest - 0.0005 && top - step < tallest,
            "{tallest} under {shares:?}"
        );
        assert!((chart.y_ticks.last().unwrap().position - chart.plot.top).abs() < 1e-9);
    }

    /// A comparison whose scenarios ended on exactly these outcomes.
    fn with_outcomes(outcomes: &[Vec<f64>]) -> Comparison {
        let mut c = comparison(0);
        let slot = RunMetric::ALL_RUN.iter().position(|&m| m == METRIC).unwrap();
        c.summaries.truncate(outcomes.len());
        for (summary, values) in c.summaries.iter_mut().zip(outcomes) {
            values.iter().for_each(|&v| summary.horizon[slot].insert(v));
            summary.runs = values.len() as u64;
        }
        c.runs = outcomes[0].len() as u64;
        c
    }

    fn evenly(low: f64, high: f64, n: u32) -> Vec<f64> {
        (0..n)
            .map(|i| low + (high - low) * f64::from(i) / f64::from(n - 1))
            .collect()
    }

    #[test]
    fn a_zero_line_is_drawn_only_when_the_axis_spans_zero() {
        let straddling = outcome_histogram(&with_outcomes(&[evenly(-4e6, 9e6, 2000)]), ChartSize::WIDE);
        let x = straddling.zero_line.expect("a zero line");
        let zero_tick = straddling.x_ticks.iter().find(|t| t.label == "$0").expect("a $0 tick");
        assert!((zero_tick.position - x).abs() < 1e-9);
        assert!(straddling.plot.left < x && x < straddling.plot.right);
        let positive = outcome_histogram(&with_outcomes(&[evenly(1.5e7, 2.5e7, 2000)]), ChartSize::WIDE);
        assert_eq!(positive.zero_line, None);
    }

    #[test]
    fn evenly_spread_outcomes_give_level_bars_not_a_bucket_saw_tooth() {
        // $18M..$22M: sketch buckets are $131k wide there and the bins only
        // about twice that, so whole buckets per bin would alternate between
        // two and three buckets' worth.
        let chart = outcome_histogram(&with_outcomes(&[evenly(1.8e7, 2.2e7, 3000)]), ChartSize::WIDE);
        let shares = &chart.series[0].shares;
        let bucket = 2f64.powi(24) / 128.0;
        assert!(chart.edges[1] - chart.edges[0] < 3.0 * bucket, "{:?}", chart.edges);
        let level = 1.0 / shares.len() as f64;
        for share in shares {
            assert!((share - level).abs() < 0.1 * level, "{shares:?}");
        }
    }

    #[test]
    fn scenarios_apart_share_the_bins_and_each_stays_in_its_own_range() {
        let c = with_outcomes(&[evenly(1e6, 5e6, 1000), evenly(2e7, 3e7, 1000)]);
        let chart = outcome_histogram(&c, ChartSize::WIDE);
        let [low, high] = [&chart.series[0], &chart.series[1]];
        let last_low = low.shares.iter().rposition(|&s| s > 0.0).unwrap();
        let first_high = high.shares.iter().position(|&s| s > 0.0).unwrap();
        assert!(last_low < first_high, "{:?} / {:?}", low.shares, high.shares);
        assert!(low.marks[1].x < high.marks[0].x);
    }

    #[test]
    fn the_summary_gives_the_formatted_medians_and_ranges() {
        let c = comparison(300);
        let chart = outcome_histogram(&c, ChartSize::WIDE);
        assert_eq!(
            chart.text.label,
            "Histogram of value created at month 36 for 3 scenarios"
        );
        assert!(chart.text.summary.starts_with("Median value created at month 36: "));
        for s in &c.summaries {
            let o = s.horizon(METRIC);
            let expected = format!(
                "{} {} (P10–P90 {}–{})",
                s.scenario,
                format::money(o.quantile(0.5).unwrap()),
                format::money(o.quantile(0.1).unwrap()),
                format::money(o.quantile(0.9).unwrap())
            );
            assert!(
                chart.text.summary.contains(&expected),
                "{expected} in {}",
                chart.text.summary
            );
        }
    }

    #[test]
    fn the_table_lists_every_bin_and_both_tails() {
        let c = comparison(300);
        let chart = outcome_histogram(&c, ChartSize::WIDE);
        let bins = chart.edges.len() - 1;
        assert_eq!(chart.table.rows.len(), bins + 2);
        assert_eq!(chart.table.headers.len(), 4);
        assert!(chart.table.rows[0][0].starts_with("under "));
        assert!(chart.table.rows[bins + 1][0].ends_with(" or more"));
        assert_eq!(chart.table.rows[1][2], format::percent(chart.series[1].shares[0]));
    }

    #[test]
    fn no_runs_give_an_empty_but_valid_chart() {
        let chart = outcome_histogram(&comparison(0), ChartSize::NARROW);
        assert!(chart.edges.is_empty() && chart.x_ticks.is_empty() && chart.y_ticks.is_empty());
        assert!(chart.table.rows.is_empty());
        for s in &chart.series {
            assert!(s.area.is_empty() && s.marks.is_empty() && s.shares.is_empty());
        }
        assert!(
            chart.text.summary.starts_with("No results yet"),
            "{}",
            chart.text.summary
        );
        assert!(chart.plot.width() > 0.0);
    }

    #[test]
    fn a_single_outcome_fills_one_bin() {
        let mut a = Accumulator::new();
        (0..50).for_each(|_| a.insert(5e6));
        let (low, high) = common_range(&[&a]).unwrap();
        assert!(low < 5e6 && 5e6 < high);
        let edges = Histogram::equal_width_edges(low, high, 5);
        let (shares, below, above) = bin_shares(&a, &edges);
        assert_eq!((below, above), (0.0, 0.0));
        assert_eq!(shares.iter().filter(|&&s| s > 0.0).count(), 1);
        assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn share_labels_keep_a_decimal_below_one_percent_steps() {
        assert_eq!(share_label(0.005, 0.005), "0.5%");
        assert_eq!(share_label(0.04, 0.01), "4%");
    }
}

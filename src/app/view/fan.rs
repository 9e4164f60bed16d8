//! The fan chart: one metric month by month, per scenario a light P5–P95
//! band, a darker P25–P75 band and the median line, with a hover read-out
//! per month.
//!
//! Everything is in SVG user units of a `width × height` view box drawn at
//! its real pixel size (see [`ChartSize`]), so the model's font size is the
//! size on screen.

use crate::sim::compare::Comparison;
use crate::sim::metrics::Metric;
use crate::sim::run::Summary;
use crate::sim::stats::Bands;

use super::format;
use super::scale::{Axis, LinearScale};
use super::{ChartSize, ChartText, DataTable, scenario_colour};

/// Font size of every label, in pixels: above the 12 px floor with room
/// for a browser that rounds down.
pub const FONT_SIZE: f64 = 13.0;

/// The metrics the page's metric picker offers, in its order.
pub const FAN_METRICS: &[Metric] = &[
    Metric::ValueCreated,
    Metric::CumulativeContribution,
    Metric::BookValue,
    Metric::Revenue,
    Metric::GrossProfit,
    Metric::Costs,
    Metric::Contribution,
    Metric::NewBookings,
    Metric::Customers,
    Metric::ChurnedRevenue,
    Metric::HeadcountGeneralist,
    Metric::HeadcountSdr,
    Metric::HeadcountAe,
    Metric::HeadcountAm,
    Metric::HeadcountRetention,
    Metric::Managers,
    Metric::Leavers,
    Metric::Leads,
    Metric::Meetings,
    Metric::Deals,
    Metric::WinRate,
    Metric::UtilisationGeneralist,
    Metric::UtilisationSdr,
    Metric::UtilisationAe,
    Metric::UtilisationAm,
    Metric::UtilisationRetention,
];

/// The rectangle the data is drawn in, inside the chart's margins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotArea {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl PlotArea {
    #[must_use]
    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    #[must_use]
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

/// Where the axis text goes around a [`PlotArea`]: tick labels sit a
/// tick's length and a gap outside the plot, titles at the chart's edges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisText {
    /// Length of a tick mark outside the plot.
    pub tick_length: f64,
    /// Baseline of the x tick labels (centred on their ticks).
    pub x_tick_y: f64,
    /// Right end of the y tick labels (vertically centred on their ticks).
    pub y_tick_x: f64,
    /// Centre of the x title's baseline.
    pub x_title: (f64, f64),
    /// Centre of the y title's baseline before its rotation by −90°.
    pub y_title: (f64, f64),
}

impl AxisText {
    /// The text positions for `plot` in a chart of `size`.
    #[must_use]
    pub fn around(plot: &PlotArea, size: ChartSize) -> Self {
        AxisText {
            tick_length: TICK_LENGTH,
            // Digits have no descenders: a baseline one font size below the
            // tick's end leaves the gap above them.
            x_tick_y: plot.bottom + TICK_LENGTH + LABEL_GAP + FONT_SIZE * 0.8,
            y_tick_x: plot.left - TICK_LENGTH - LABEL_GAP,
            x_title: ((plot.left + plot.right) / 2.0, size.height - LABEL_GAP),
            // Rotated, the baseline runs up the chart's left edge.
            y_title: (-(plot.top + plot.bottom) / 2.0, FONT_SIZE),
        }
    }
}

/// An axis tick: its pixel position along the axis and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub position: f64,
    pub label: String,
}

/// One month of one scenario, in pixels (y grows downwards, so the P95
/// edge has the smallest y).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FanPoint {
    pub month: u32,
    pub x: f64,
    pub p5: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p95: f64,
}

/// One scenario's fan: SVG path data built from its points.
#[derive(Clone, Debug, PartialEq)]
pub struct FanSeries {
    pub scenario: String,
    pub colour: &'static str,
    pub points: Vec<FanPoint>,
    /// Closed P5–P95 polygon (empty without data).
    pub outer_band: String,
    /// Closed P25–P75 polygon (empty without data).
    pub inner_band: String,
    /// The median polyline (empty without data).
    pub median: String,
}

/// One scenario in a month's hover read-out.
#[derive(Clone, Debug, PartialEq)]
pub struct HoverEntry {
    pub scenario: String,
    pub colour: &'static str,
    /// "$10.2M", "$410k a month", "290 accounts".
    pub median: String,
    /// The P10–P90 range in axis form: "$9.1M–$11.3M".
    pub range: String,
    /// The median's pixel y, for a dot on the line.
    pub y: f64,
    /// "Three-stage specialised $10.2M (P10–P90 $9.1M–$11.3M)".
    pub text: String,
}

/// What the read-out shows when the pointer is nearest this month.
#[derive(Clone, Debug, PartialEq)]
pub struct HoverMonth {
    pub month: u32,
    pub x: f64,
    /// "month 18".
    pub heading: String,
    pub entries: Vec<HoverEntry>,
    /// The whole read-out as one sentence, for `aria-live` and `aria-valuetext`.
    pub text: String,
}

/// Everything the fan chart component draws.
#[derive(Clone, Debug, PartialEq)]
pub struct FanChart {
    pub metric: Metric,
    /// The metric's title, e.g. "Cumulative contribution".
    pub title: String,
    pub width: f64,
    pub height: f64,
    pub font_size: f64,
    pub plot: PlotArea,
    pub axis_text: AxisText,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub x_title: String,
    pub y_title: String,
    pub series: Vec<FanSeries>,
    /// One per month with results, in month order.
    pub hover: Vec<HoverMonth>,
    pub text: ChartText,
    pub table: DataTable,
}

/// Month steps a time axis reads naturally in (a quarter, half a year, a year…).
const MONTH_STEPS: [u32; 9] = [1, 2, 3, 6, 12, 24, 60, 120, 240];
/// Room a month tick label needs along the x axis, in pixels.
const X_TICK_SPACING: f64 = 56.0;
/// Room a y tick needs: about three and a half lines of text.
const Y_TICK_SPACING: f64 = 48.0;
/// Average advance of a digit or "$" in a sans-serif face, in ems.
const CHAR_WIDTH_EM: f64 = 0.6;
/// Length of a tick mark and the gap before its label.
const TICK_LENGTH: f64 = 4.0;
const LABEL_GAP: f64 = 4.0;

impl FanChart {
    /// The SVG x of a pointer at `pointer_x` CSS pixels from the chart's
    /// left edge when the chart is drawn `rendered_width` pixels wide.
    #[must_use]
    pub fn svg_x(&self, pointer_x: f64, rendered_width: f64) -> f64 {
        if rendered_width > 0.0 {
            pointer_x * self.width / rendered_width
        } else {
            pointer_x
        }
    }

    /// The index in [`Self::hover`] of the month nearest `svg_x`.
    #[must_use]
    pub fn nearest_month(&self, svg_x: f64) -> Option<usize> {
        self.hover
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| (a.x - svg_x).abs().total_cmp(&(b.x - svg_x).abs()))
            .map(|(index, _)| index)
    }

    /// The hover index one month on from `from` (forwards or back), for the
    /// arrow keys; from nothing, the first (or last) month.
    #[must_use]
    pub fn step_month(&self, from: Option<usize>, forward: bool) -> Option<usize> {
        let last = self.hover.len().checked_sub(1)?;
        Some(match (from, forward) {
            (None, true) => 0,
            (None, false) => last,
            (Some(i), true) => (i + 1).min(last),
            (Some(i), false) => i.saturating_sub(1),
        })
    }
}

/// The metrics of [`FAN_METRICS`] worth offering for `comparison`: those
/// with a non-zero value in some month of some scenario (no SDR headcount
/// when no scenario has SDRs). Before any results, all of them, as nothing
/// is known to be zero yet.
#[must_use]
pub fn offered_metrics(comparison: &Comparison) -> Vec<Metric> {
    if !comparison.summaries.iter().any(|s| s.runs > 0) {
        return FAN_METRICS.to_vec();
    }
    FAN_METRICS
        .iter()
        .copied()
        .filter(|&metric| comparison.summaries.iter().any(|s| has_non_zero(s, metric)))
        .collect()
}

fn has_non_zero(summary: &Summary, metric: Metric) -> bool {
    (1..=summary.months).any(|month| {
        let values = summary.month(metric, month);
        values.min().is_some_and(|v| v != 0.0) || values.max().is_some_and(|v| v != 0.0)
    })
}

/// One scenario's bands by month (month 1 first), `None` where no runs.
struct ScenarioBands<'a> {
    name: &'a str,
    colour: &'static str,
    months: Vec<(u32, Bands)>,
}

fn scenario_bands(comparison: &Comparison, metric: Metric) -> Vec<ScenarioBands<'_>> {
    comparison
        .summaries
        .iter()
        .enumerate()
        .map(|(index, summary)| ScenarioBands {
            name: &summary.scenario,
            colour: scenario_colour(index),
            months: (1..=comparison.months.min(summary.months))
                .filter_map(|month| Some((month, summary.month(metric, month).bands()?)))
                .collect(),
        })
        .collect()
}

/// The smallest P5 and largest P95 over every scenario and month.
fn value_range(scenarios: &[ScenarioBands]) -> Option<(f64, f64)> {
    let all = || scenarios.iter().flat_map(|s| s.months.iter().map(|(_, b)| b));
    let low = all().map(|b| b.p5).min_by(f64::total_cmp)?;
    let high = all().map(|b| b.p95).max_by(f64::total_cmp)?;
    Some((low, high))
}

/// A metric's title inside a sentence: "Cumulative contribution" →
/// "cumulative contribution", but "SDRs" and "AE capacity used" keep their capitals.
fn in_sentence(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_owned(),
    }
}

/// Pixel width of a label at [`FONT_SIZE`], estimated from its length.
pub(super) fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * CHAR_WIDTH_EM * FONT_SIZE
}

/// Margins around the plot: room for rotated y title, y tick labels,
/// x tick labels and x title, and half the widest label at the right edge.
pub(super) fn plot_area(size: ChartSize, y_labels: &[String], last_x_label: &str) -> PlotArea {
    let widest_y = y_labels.iter().map(|l| label_width(l)).fold(0.0, f64::max);
    let y_title_band = FONT_SIZE * 1.6;
    let left = y_title_band + widest_y + TICK_LENGTH + LABEL_GAP + 2.0;
    let right = size.width - (label_width(last_x_label) / 2.0 + 4.0).max(12.0);
    let top = FONT_SIZE;
    let bottom = size.height - (TICK_LENGTH + LABEL_GAP + FONT_SIZE * 2.0 + 2.0 * LABEL_GAP + 4.0);
    PlotArea {
        left,
        top,
        right: right.max(left + 1.0),
        bottom: bottom.max(top + 1.0),
    }
}

/// About one tick per `spacing` pixels of `length`, between 3 and 8.
pub(super) fn tick_target(length: f64, spacing: f64) -> usize {
    ((length / spacing).round() as usize).clamp(3, 8)
}

/// Ticks at multiples of a month step that leaves `width / X_TICK_SPACING`
/// labels at most.
fn month_ticks(months: u32, width: f64) -> Vec<u32> {
    let room = (width / X_TICK_SPACING).floor().max(1.0) as u32;
    let step = MONTH_STEPS
        .into_iter()
        .find(|step| months / step <= room)
        .unwrap_or(months.max(1));
    (1..=months / step).map(|i| i * step).collect()
}

/// Builds the fan chart of `metric` for `comparison`, drawn at `size`.
#[must_use]
pub fn fan_chart(comparison: &Comparison, metric: Metric, size: ChartSize) -> FanChart {
    let scenarios = scenario_bands(comparison, metric);
    let months = comparison.months.max(1);
    let unit = metric.unit();
    let range = value_range(&scenarios);
    // The y labels set the left margin, and the margins the plot's width;
    // its height does not depend on them, so the y axis can come first.
    let (top, bottom) = {
        let provisional = plot_area(size, &[], "");
        (provisional.top, provisional.bottom)
    };
    let y = range.map(|(low, high)| Axis::nice(low, high, (bottom, top), tick_target(bottom - top, Y_TICK_SPACING)));
    let y_labels: Vec<String> = y
        .iter()
        .flat_map(|axis| axis.ticks.iter().map(|&t| format::axis_value(t, unit)))
        .collect();
    let plot = plot_area(size, &y_labels, &months.to_string());
    let x = LinearScale::new((1.0, f64::from(months)), (plot.left, plot.right));
    let y_scale = y
        .as_ref()
        .map_or_else(|| LinearScale::new((0.0, 1.0), (plot.bottom, plot.top)), |a| a.scale);
    let series: Vec<FanSeries> = scenarios.iter().map(|s| fan_series(s, &x, &y_scale)).collect();
    FanChart {
        metric,
        title: metric.title().to_owned(),
        width: size.width,
        height: size.height,
        font_size: FONT_SIZE,
        plot,
        axis_text: AxisText::around(&plot, size),
        x_ticks: month_ticks(months, plot.width())
            .into_iter()
            .map(|m| Tick {
                position: x.map(f64::from(m)),
                label: m.to_string(),
            })
            .collect(),
        y_ticks: y
            .map(|axis| {
                axis.ticks
                    .iter()
                    .zip(y_labels)
                    .map(|(&t, label)| Tick {
                        position: axis.scale.map(t),
                        label,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        x_title: "Month".to_owned(),
        y_title: format::unit_title(unit),
        hover: hover_months(&scenarios, &series, unit),
        text: chart_text(comparison, metric, &scenarios),
        table: data_table(comparison, metric, &scenarios),
        series,
    }
}

fn fan_series(scenario: &ScenarioBands, x: &LinearScale, y: &LinearScale) -> FanSeries {
    let points: Vec<FanPoint> = scenario
        .months
        .iter()
        .map(|&(month, b)| FanPoint {
            month,
            x: x.map(f64::from(month)),
            p5: y.map(b.p5),
            p25: y.map(b.p25),
            p50: y.map(b.p50),
            p75: y.map(b.p75),
            p95: y.map(b.p95),
        })
        .collect();
    FanSeries {
        scenario: scenario.name.to_owned(),
        colour: scenario.colour,
        outer_band: band_path(&points, |p| p.p95, |p| p.p5),
        inner_band: band_path(&points, |p| p.p75, |p| p.p25),
        median: line_path(points.iter().map(|p| (p.x, p.p50))),
        points,
    }
}

/// "M x,y L x,y …" through `points`; empty for no points.
pub(super) fn line_path(points: impl Iterator<Item = (f64, f64)>) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.enumerate() {
        let command = if i == 0 { 'M' } else { 'L' };
        // One decimal is a tenth of a pixel: finer is invisible and bloats the DOM.
        d.push_str(&format!("{command}{x:.1},{y:.1} "));
    }
    d.trim_end().to_owned()
}

/// A closed band: the upper edge forwards, the lower edge back.
fn band_path(points: &[FanPoint], upper: impl Fn(&FanPoint) -> f64, lower: impl Fn(&FanPoint) -> f64) -> String {
    if points.is_empty() {
        return String::new();
    }
    let forwards = points.iter().map(|p| (p.x, upper(p)));
    let back = points.iter().rev().map(|p| (p.x, lower(p)));
    format!("{} Z", line_path(forwards.chain(back)))
}

/// The P10–P90 range in axis form ("$9.1M–$11.3M"): the unit's words are
/// said once, by the median before it.
fn range_text(bands: &Bands, unit: &str) -> String {
    format!(
        "{}–{}",
        format::axis_value(bands.p10, unit),
        format::axis_value(bands.p90, unit)
    )
}

fn median_with_range(bands: &Bands, unit: &str) -> String {
    format!(
        "{} (P10–P90 {})",
        format::value_with_unit(bands.p50, unit),
        range_text(bands, unit)
    )
}

fn hover_months(scenarios: &[ScenarioBands], series: &[FanSeries], unit: &str) -> Vec<HoverMonth> {
    let Some(first) = series.iter().find(|s| !s.points.is_empty()) else {
        return Vec::new();
    };
    first
        .points
        .iter()
        .map(|point| {
            let entries: Vec<HoverEntry> = scenarios
                .iter()
                .zip(series)
                .filter_map(|(scenario, s)| hover_entry(scenario, s, point.month, unit))
                .collect();
            let heading = format::month(point.month);
            let parts: Vec<&str> = entries.iter().map(|e| e.text.as_str()).collect();
            HoverMonth {
                month: point.month,
                x: point.x,
                text: format!("{heading}: {}", parts.join("; ")),
                heading,
                entries,
            }
        })
        .collect()
}

fn hover_entry(scenario: &ScenarioBands, series: &FanSeries, month: u32, unit: &str) -> Option<HoverEntry> {
    let (_, bands) = scenario.months.iter().find(|(m, _)| *m == month)?;
    let point = series.points.iter().find(|p| p.month == month)?;
    Some(HoverEntry {
        scenario: scenario.name.to_owned(),
        colour: scenario.colour,
        median: format::value_with_unit(bands.p50, unit),
        range: range_text(bands, unit),
        y: point.p50,
        text: format!("{} {}", scenario.name, median_with_range(bands, unit)),
    })
}

fn scenario_count(n: usize) -> String {
    if n == 1 {
        "1 scenario".to_owned()
    } else {
        format!("{n} scenarios")
    }
}

fn chart_text(comparison: &Comparison, metric: Metric, scenarios: &[ScenarioBands]) -> ChartText {
    let what = in_sentence(metric.title());
    let label = format!("Fan chart of {what} by month for {}", scenario_count(scenarios.len()));
    let at_horizon: Vec<String> = scenarios
        .iter()
        .filter_map(|s| {
            let (_, bands) = s.months.last()?;
            Some(format!("{} {}", s.name, median_with_range(bands, metric.unit())))
        })
        .collect();
    let summary = if at_horizon.is_empty() {
        format!("No results yet: run the simulation to see {what} by month.")
    } else {
        format!(
            "Median {what} at {}: {}. The bands hold the middle 90% and 50% of {} runs.",
            format::month(comparison.months),
            at_horizon.join("; "),
            format::count(comparison.runs as f64)
        )
    };
    ChartText { label, summary }
}

fn data_table(comparison: &Comparison, metric: Metric, scenarios: &[ScenarioBands]) -> DataTable {
    let unit = metric.unit();
    let mut headers = vec!["Month".to_owned()];
    headers.extend(scenarios.iter().map(|s| s.name.to_owned()));
    let rows = (1..=comparison.months)
        .filter_map(|month| {
            let cells: Vec<String> = scenarios
                .iter()
                .map(|s| {
                    s.months
                        .iter()
                        .find(|(m, _)| *m == month)
                        .map_or_else(String::new, |(_, b)| {
                            format!("{} ({})", format::value_with_unit(b.p50, unit), range_text(b, unit))
                        })
                })
                .collect();
            cells
                .iter()
                .any(|c| !c.is_empty())
                .then(|| std::iter::once(month.to_string()).chain(cells).collect())
        })
        .collect();
    DataTable {
        caption: format!(
            "{} by month: median (P10–P90) over {} runs",
            metric.title(),
            format::count(comparison.runs as f64)
        ),
        headers,
        rows,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::sim::compare::{compare_chunk, prepare_comparison};
    use crate::sim::presets;

    /// The default comparison: the generalist baseline against the
    /// three-stage team and a restructuring, over `runs` paired runs.
    pub(in crate::app::view) fn comparison(runs: u64) -> Comparison {
        let ps = presets::all();
        let prepared = prepare_comparison(&ps[0].scenario, &[ps[1].scenario.clone(), ps[5].scenario.clone()]);
        compare_chunk(&prepared, 1, 0..runs)
    }

    pub(in crate::app::view) fn assert_finite_path(d: &str) {
        assert!(!d.contains("NaN") && !d.contains("inf"), "{d}");
    }

    fn inside(plot: &PlotArea, x: f64, y: f64) -> bool {
        let slack = 1e-6;
        (plot.left - slack..=plot.right + slack).contains(&x) && (plot.top - slack..=plot.bottom + slack).contains(&y)
    }

    #[test]
    fn every_point_lies_in_the_plot_area_and_months_run_left_to_right() {
        let c = comparison(200);
        for size in [ChartSize::WIDE, ChartSize::NARROW] {
            let chart = fan_chart(&c, Metric::ValueCreated, size);
            assert_eq!(chart.series.len(), 3);
            for s in &chart.series {
                assert_eq!(s.points.len(), c.months as usize);
                for p in &s.points {
                    assert!(
                        inside(&chart.plot, p.x, p.p5) && inside(&chart.plot, p.x, p.p95),
                        "{p:?}"
                    );
                }
                assert!(s.points.windows(2).all(|w| w[0].x < w[1].x));
                assert!((s.points[0].x - chart.plot.left).abs() < 1e-9);
                assert!((s.points.last().unwrap().x - chart.plot.right).abs() < 1e-9);
            }
            assert!(chart.plot.left > 0.0 && chart.plot.right < size.width);
            assert!(chart.plot.top > 0.0 && chart.plot.bottom < size.height);
        }
    }

    #[test]
    fn bands_nest_in_pixel_order() {
        let chart = fan_chart(&comparison(200), Metric::Revenue, ChartSize::WIDE);
        for p in chart.series.iter().flat_map(|s| &s.points) {
            // y grows downwards: the P95 edge is highest on screen.
            assert!(
                p.p95 <= p.p75 && p.p75 <= p.p50 && p.p50 <= p.p25 && p.p25 <= p.p5,
                "{p:?}"
            );
        }
    }

    #[test]
    fn paths_are_finite_and_bands_are_closed_polygons() {
        let chart = fan_chart(&comparison(100), Metric::HeadcountSdr, ChartSize::NARROW);
        for s in &chart.series {
            for d in [&s.outer_band, &s.inner_band, &s.median] {
                assert_finite_path(d);
            }
            assert!(s.outer_band.starts_with('M') && s.outer_band.ends_with('Z'));
            // Upper edge forwards and lower edge back: twice the months.
            assert_eq!(s.outer_band.matches(['M', 'L']).count(), 2 * s.points.len());
            assert_eq!(s.median.matches(['M', 'L']).count(), s.points.len());
            let first = &s.points[0];
            assert!(s.outer_band.starts_with(&format!("M{:.1},{:.1}", first.x, first.p95)));
        }
    }

    #[test]
    fn y_ticks_cover_the_bands_and_read_in_the_metric_unit() {
        let c = comparison(200);
        let chart = fan_chart(&c, Metric::ValueCreated, ChartSize::WIDE);
        let (top, bottom) = (chart.y_ticks.last().unwrap(), &chart.y_ticks[0]);
        assert!((top.position - chart.plot.top).abs() < 1e-9);
        assert!((bottom.position - chart.plot.bottom).abs() < 1e-9);
        assert!(
            chart.y_ticks.iter().all(|t| t.label.contains('$')),
            "{:?}",
            chart.y_ticks
        );
        assert_eq!(chart.y_title, "US dollars");
        assert_eq!(chart.x_title, "Month");
        assert!(chart.x_ticks.iter().any(|t| t.label == "36"));
        assert!(
            chart
                .x_ticks
                .windows(2)
                .all(|w| w[1].position - w[0].position >= X_TICK_SPACING * 0.9)
        );
        // The widest label fits left of the axis, with the title beside it.
        let widest = chart.y_ticks.iter().map(|t| label_width(&t.label)).fold(0.0, f64::max);
        assert!(chart.plot.left >= widest + FONT_SIZE);
        assert!(chart.font_size >= 12.0);
    }

    #[test]
    fn axis_text_stays_inside_the_chart_and_clear_of_the_plot_and_ticks() {
        for size in [ChartSize::WIDE, ChartSize::NARROW] {
            let chart = fan_chart(&comparison(50), Metric::Revenue, size);
            let (plot, text) = (chart.plot, chart.axis_text);
            // Cap height about 0.75 em above the baseline, descenders 0.25 em below.
            let (cap, descent) = (0.75 * FONT_SIZE, 0.25 * FONT_SIZE);
            assert!(text.x_tick_y - cap >= plot.bottom + text.tick_length);
            assert!(text.x_title.1 - cap >= text.x_tick_y + descent);
            assert!(text.x_title.1 + descent <= size.height);
            let widest = chart.y_ticks.iter().map(|t| label_width(&t.label)).fold(0.0, f64::max);
            assert!(text.y_tick_x <= plot.left - text.tick_length);
            // Rotated by −90°, the y title's baseline is at x = y_title.1.
            assert!(text.y_title.1 + descent <= text.y_tick_x - widest);
            assert!(text.y_title.1 - cap >= 0.0);
            assert!((-text.y_title.0 - (plot.top + plot.bottom) / 2.0).abs() < 1e-9);
        }
    }

    #[test]
    fn the_summary_gives_each_median_and_range_at_the_horizon() {
        let c = comparison(200);
        let chart = fan_chart(&c, Metric::ValueCreated, ChartSize::WIDE);
        assert_eq!(
            chart.text.label,
            "Fan chart of value created (cumulative contribution plus the change in the customer book's value) by month for 3 scenarios"
        );
        assert!(chart.text.summary.starts_with(
            "Median value created (cumulative contribution plus the change in the customer book's value) at month 36: "
        ));
        for summary in &c.summaries {
            let b = summary.month(Metric::ValueCreated, c.months).bands().unwrap();
            let expected = format!(
                "{} {} (P10–P90 {}–{})",
                summary.scenario,
                format::money(b.p50),
                format::money(b.p10),
                format::money(b.p90)
            );
            assert!(
                chart.text.summary.contains(&expected),
                "{expected} in {}",
                chart.text.summary
            );
        }
    }

    #[test]
    fn hover_reads_out_every_scenario_at_the_nearest_month() {
        let c = comparison(100);
        let chart = fan_chart(&c, Metric::ValueCreated, ChartSize::WIDE);
        assert_eq!(chart.hover.len(), c.months as usize);
        let month_18 = &chart.hover[17];
        assert_eq!(month_18.month, 18);
        assert_eq!(chart.nearest_month(month_18.x + 3.0), Some(17));
        assert_eq!(chart.nearest_month(-50.0), Some(0));
        assert_eq!(chart.nearest_month(1e6), Some(35));
        assert_eq!(month_18.entries.len(), 3);
        let b = c.summaries[1].month(Metric::ValueCreated, 18).bands().unwrap();
        let expected = format!(
            "{} {} (P10–P90 {}–{})",
            c.summaries[1].scenario,
            format::money(b.p50),
            format::money(b.p10),
            format::money(b.p90)
        );
        assert_eq!(month_18.entries[1].text, expected);
        assert!(month_18.text.starts_with("month 18: "));
        assert!(month_18.text.contains(&expected));
        // A chart drawn at half its width: the pointer's x doubles.
        assert_eq!(chart.svg_x(100.0, chart.width / 2.0), 200.0);
        assert_eq!(chart.step_month(Some(35), true), Some(35));
        assert_eq!(chart.step_month(None, false), Some(35));
        assert_eq!(chart.step_month(Some(0), false), Some(0));
    }

    #[test]
    fn the_table_has_a_row_per_month_and_a_column_per_scenario() {
        let c = comparison(100);
        let chart = fan_chart(&c, Metric::Customers, ChartSize::WIDE);
        assert_eq!(chart.table.headers.len(), 4);
        assert_eq!(chart.table.headers[1], c.summaries[0].scenario);
        assert_eq!(chart.table.rows.len(), 36);
        let b = c.summaries[2].month(Metric::Customers, 36).bands().unwrap();
        let cell = &chart.table.rows[35][3];
        assert!(cell.starts_with(&format::value_with_unit(b.p50, "accounts")), "{cell}");
        assert!(cell.contains(&format::count(b.p90)));
        assert_eq!(chart.table.rows[35][0], "36");
    }

    #[test]
    fn no_runs_give_an_empty_but_valid_chart() {
        let c = comparison(0);
        let chart = fan_chart(&c, Metric::ValueCreated, ChartSize::WIDE);
        assert_eq!(chart.series.len(), 3);
        for s in &chart.series {
            assert!(s.points.is_empty() && s.outer_band.is_empty() && s.median.is_empty());
        }
        assert!(chart.hover.is_empty() && chart.y_ticks.is_empty() && chart.table.rows.is_empty());
        assert!(
            chart.text.summary.starts_with("No results yet"),
            "{}",
            chart.text.summary
        );
        assert!(chart.plot.width() > 0.0 && chart.plot.height() > 0.0);
        assert_eq!(chart.nearest_month(10.0), None);
        assert_eq!(chart.step_month(None, true), None);
    }

    #[test]
    fn offered_metrics_drop_those_zero_in_every_scenario() {
        let ps = presets::all();
        // The generalist team and the same team under pressure: no SDRs,
        // AEs, AMs or retention managers in either.
        let prepared = prepare_comparison(&ps[0].scenario, &[ps[4].scenario.clone()]);
        let generalists = compare_chunk(&prepared, 1, 0..50);
        let offered = offered_metrics(&generalists);
        for absent in [
            Metric::HeadcountSdr,
            Metric::UtilisationSdr,
            Metric::HeadcountAe,
            Metric::HeadcountAm,
        ] {
            assert!(!offered.contains(&absent), "{absent:?}");
        }
        for present in [Metric::Revenue, Metric::ValueCreated, Metric::HeadcountGeneralist] {
            assert!(offered.contains(&present), "{present:?}");
        }
        // Adding the three-stage team brings the SDR line back.
        let mixed = offered_metrics(&comparison(50));
        assert!(mixed.contains(&Metric::HeadcountSdr) && mixed.contains(&Metric::HeadcountGeneralist));
        assert!(mixed.iter().all(|m| FAN_METRICS.contains(m)));
        assert_eq!(offered_metrics(&comparison(0)), FAN_METRICS.to_vec());
    }

    #[test]
    fn titles_read_inside_a_sentence() {
        assert_eq!(in_sentence("Cumulative contribution"), "cumulative contribution");
        assert_eq!(in_sentence("SDRs"), "SDRs");
        assert_eq!(in_sentence("AE capacity used"), "AE capacity used");
    }

    #[test]
    fn month_ticks_fit_the_width() {
        assert_eq!(
            month_ticks(36, 800.0),
            vec![3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36]
        );
        assert_eq!(month_ticks(36, 260.0), vec![12, 24, 36]);
        assert_eq!(month_ticks(1, 260.0), vec![1]);
    }
}

//! The sensitivity tornado: one bar per assumption, centred on the base
//! outcome, reaching to the outcome with the assumption at its low and at
//! its high test value, the widest swing on top. Each end is labelled with
//! the value tested, so the reader sees "at 0.9% churn a month, +$1.2M".

use std::fmt::Write as _;

use super::fan::{FONT_SIZE, PlotArea, Tick};
use super::format::{count, money, multiple};
use super::pair::{LegendEntry, px};
use super::scale::{Axis, LinearScale};
use super::{ChartSize, ChartText, DataTable};
use crate::sim::sensitivity::{Tornado, TornadoBar};

/// Bars drawn; the table lists every assumption tested. Past ten, the
/// swings are small and a taller chart only pushes the page down.
pub const DRAWN_BARS: usize = 10;
/// The assumptions the summary names as the ones the decision hinges on.
const NAMED_IN_SUMMARY: usize = 3;
/// Sequential blues: the lighter end is the low value, the darker the high.
pub const LOW_FILL: &str = "#56B4E9";
pub const HIGH_FILL: &str = "#0072B2";

const ROW: f64 = 42.0;
/// Room above the bars for the legend and the base label.
const HEADER: f64 = 36.0;
/// Room below for tick labels and the axis title.
const FOOTER: f64 = 44.0;

/// One end of a bar: from the base to the outcome at one test value.
#[derive(Clone, Debug, PartialEq)]
pub struct BarEnd {
    /// The value tested, with its unit ("0.9% a month", "$18k a year").
    pub value_label: String,
    /// The mean outcome at that value, in USD.
    pub outcome: f64,
    pub outcome_label: String,
    /// The tooltip: "0.9% a month: $2.07M".
    pub title: String,
    /// The segment from the base line to the outcome.
    pub x: f64,
    pub width: f64,
    pub fill: &'static str,
    /// Where the value label goes, just beyond the end, and which way it runs.
    pub label_x: f64,
    pub anchor: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    pub path: String,
    pub label: String,
    pub swing: f64,
    pub heading_y: f64,
    pub bar_y: f64,
    pub bar_height: f64,
    pub label_y: f64,
    pub low: BarEnd,
    pub high: BarEnd,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TornadoView {
    /// The chart's heading.
    pub title: String,
    pub width: f64,
    pub height: f64,
    pub font_size: f64,
    /// Left end of each bar's heading.
    pub label_x: f64,
    pub plot: PlotArea,
    pub legend: Vec<LegendEntry>,
    pub base_label_y: f64,
    /// What the outcome is, e.g. "Value created by month 36: B minus A".
    pub outcome: String,
    pub base: f64,
    pub base_x: f64,
    pub base_label: String,
    /// Largest swing first; at most [`DRAWN_BARS`].
    pub rows: Vec<TornadoRow>,
    pub ticks: Vec<Tick>,
    pub tick_label_y: f64,
    pub x_title: String,
    pub text: ChartText,
    pub table: DataTable,
}

/// The tornado view of `tornado`, drawn at `size`.
#[must_use]
pub fn tornado_view(tornado: &Tornado, size: ChartSize) -> TornadoView {
    let bars = by_swing(&tornado.bars);
    let drawn = &bars[..bars.len().min(DRAWN_BARS)];
    // Room at both sides for the value labels beyond the bars' ends.
    let label_room = if size == ChartSize::NARROW { 84.0 } else { 104.0 };
    let plot = PlotArea {
        left: label_room,
        top: HEADER,
        right: size.width - label_room,
        bottom: HEADER + drawn.len() as f64 * ROW,
    };
    let axis = outcome_axis(tornado.base, drawn, plot, size);
    let x = axis.scale;
    TornadoView {
        title: "What the result hinges on".to_owned(),
        width: size.width,
        height: plot.bottom + FOOTER,
        font_size: FONT_SIZE,
        label_x: 4.0,
        plot,
        legend: vec![
            LegendEntry {
                label: "Assumption at its low value".to_owned(),
                colour: LOW_FILL,
            },
            LegendEntry {
                label: "At its high value".to_owned(),
                colour: HIGH_FILL,
            },
        ],
        base_label_y: HEADER - 12.0,
        outcome: tornado.outcome.clone(),
        base: tornado.base,
        base_x: px(x.map(tornado.base)),
        base_label: base_label(tornado, size),
        rows: drawn
            .iter()
            .enumerate()
            .map(|(i, bar)| row(bar, tornado.base, plot.top + i as f64 * ROW, &x))
            .collect(),
        ticks: axis
            .ticks
            .iter()
            .map(|t| Tick {
                position: px(x.map(*t)),
                label: money(*t),
            })
            .collect(),
        tick_label_y: plot.bottom + 18.0,
        x_title: format!("{} (US dollars, {})", tornado.outcome, mean_of(tornado.runs)),
        text: tornado_text(tornado, &bars),
        table: tornado_table(tornado, &bars),
    }
}

/// "the mean of 400 futures": what the base and every bar's end are.
fn mean_of(runs: u64) -> String {
    let futures = if runs == 1 { "future" } else { "futures" };
    format!("the mean of {} {futures}", count(runs as f64))
}

/// The base outcome as what it is, "about $4.41M: the mean of 400
/// futures", so that it is not read as the headline median of the full
/// run (which has more futures and is a median, not a mean).
fn base_words(tornado: &Tornado) -> String {
    format!("about {}: {}", money(tornado.base), mean_of(tornado.runs))
}

/// The label over the base line; on a phone it names the runs without the
/// word "futures" (the axis title says it), so that it fits over a bar.
fn base_label(tornado: &Tornado, size: ChartSize) -> String {
    let base = money(tornado.base);
    if size == ChartSize::NARROW {
        format!("Base: about {base}, mean of {}", count(tornado.runs as f64))
    } else {
        format!("Base case: about {base}, {}", mean_of(tornado.runs))
    }
}

/// The bars widest swing first. The engine sorts them already; sorting
/// again (stably) keeps the view right for a tornado built elsewhere.
fn by_swing(bars: &[TornadoBar]) -> Vec<TornadoBar> {
    let mut sorted = bars.to_vec();
    sorted.sort_by(|a, b| b.swing().total_cmp(&a.swing()));
    sorted
}

fn outcome_axis(base: f64, bars: &[TornadoBar], plot: PlotArea, size: ChartSize) -> Axis {
    let outcomes = bars.iter().flat_map(|b| [b.outcome_at_low, b.outcome_at_high]);
    let (low, high) = outcomes.fold((base, base), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let target = if size == ChartSize::NARROW { 3 } else { 6 };
    Axis::nice(low, high, (plot.left, plot.right), target)
}

fn row(bar: &TornadoBar, base: f64, top: f64, x: &LinearScale) -> TornadoRow {
    let bar_y = top + 18.0;
    TornadoRow {
        path: bar.path.clone(),
        label: bar.label.clone(),
        swing: bar.swing(),
        heading_y: top + 13.0,
        bar_y,
        bar_height: 16.0,
        label_y: bar_y + 12.5,
        low: bar_end(bar.low, bar.outcome_at_low, &bar.unit, base, x, LOW_FILL),
        high: bar_end(bar.high, bar.outcome_at_high, &bar.unit, base, x, HIGH_FILL),
    }
}

fn bar_end(value: f64, outcome: f64, unit: &str, base: f64, x: &LinearScale, fill: &'static str) -> BarEnd {
    let (from, to) = (x.map(base), x.map(outcome));
    let leftwards = to < from;
    let value_label = parameter_value(value, unit);
    BarEnd {
        title: format!("{value_label}: {}", money(outcome)),
        value_label,
        outcome,
        outcome_label: money(outcome),
        x: px(from.min(to)),
        width: px((to - from).abs()),
        fill,
        label_x: px(if leftwards { to - 4.0 } else { to + 4.0 }),
        anchor: if leftwards { "end" } else { "start" },
    }
}

/// A percentage with two significant digits for small shares, so a
/// tested churn of 0.9% and 1.5% does not read "1%" and "2%".
fn precise_percent(share: f64) -> String {
    let value = share * 100.0;
    let decimals = if value.abs() >= 10.0 {
        0
    } else if value.abs() >= 1.0 {
        1
    } else {
        2
    };
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    format!("{}%", text.replace('-', "\u{2212}"))
}

/// A tested parameter value with its unit, from the catalogue's unit label
/// ([`crate::sim::params::Unit::label`]).
#[must_use]
pub fn parameter_value(value: f64, unit: &str) -> String {
    known_unit_value(value, unit).unwrap_or_else(|| format!("{} {unit}", count(value)))
}

fn known_unit_value(value: f64, unit: &str) -> Option<String> {
    let text = match unit {
        "share (0–1)" => precise_percent(value),
        "share per month" => format!("{} a month", precise_percent(value)),
        "share per year" => format!("{} a year", precise_percent(value)),
        "USD" => money(value),
        "USD per month" => format!("{} a month", money(value)),
        "USD per year" => format!("{} a year", money(value)),
        "months" => format!("{} months", count(value)),
        "hours" => format!("{} hours", count(value)),
        "hours per month" => format!("{} hours a month", count(value)),
        "count" => count(value),
        "per month" => format!("{} a month", count(value)),
        // Multipliers near 1 differ in the second decimal (0.85× vs 1.15×).
        "×" if value.abs() < 10.0 => format!("{value:.2}×").replace('-', "\u{2212}"),
        "×" => multiple(value),
        "log-odds" => format!("{} log-odds", signed_shift(value)),
        "month of year" => format!("calendar month {}", count(value)),
        _ => return None,
    };
    Some(text)
}

/// A log-odds shift with its sign ("+0.20", "−0.10"); no sign on a zero shift.
fn signed_shift(value: f64) -> String {
    let text = format!("{value:+.2}");
    match text.as_str() {
        "+0.00" | "-0.00" => "0.00".to_owned(),
        _ => text.replace('-', "\u{2212}"),
    }
}

fn tornado_text(tornado: &Tornado, bars: &[TornadoBar]) -> ChartText {
    let label = format!(
        "Sensitivity of {}: how far each assumption moves it between its low and high value",
        tornado.outcome
    );
    let Some(first) = bars.first() else {
        return ChartText {
            label,
            summary: "No assumptions were tested.".to_owned(),
        };
    };
    let named: Vec<String> = bars
        .iter()
        .take(NAMED_IN_SUMMARY)
        .enumerate()
        .map(|(i, b)| {
            let swing = money(b.swing());
            if i == 0 {
                format!("{} (a swing of {swing} between its low and high value)", b.label)
            } else {
                format!("{} ({swing})", b.label)
            }
        })
        .collect();
    let mut summary = format!(
        "With every assumption as set the outcome is {}. It hinges most on {}.",
        base_words(tornado),
        join_words(&named)
    );
    if let Some(flip) = bars.iter().find(|b| changes_sign(b)) {
        let _ = write!(
            summary,
            " {} alone can change its sign: {} at {}, {} at {}.",
            flip.label,
            money(flip.outcome_at_low),
            parameter_value(flip.low, &flip.unit),
            money(flip.outcome_at_high),
            parameter_value(flip.high, &flip.unit),
        );
    }
    if first.swing() == 0.0 {
        summary = format!("No assumption tested moves the outcome from {}.", base_words(tornado));
    }
    ChartText { label, summary }
}

/// Whether the outcome is above zero at one end and below it at the other.
fn changes_sign(bar: &TornadoBar) -> bool {
    bar.outcome_at_low * bar.outcome_at_high < 0.0
}

/// "a", "a and b", "a, b and c".
fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn tornado_table(tornado: &Tornado, bars: &[TornadoBar]) -> DataTable {
    DataTable {
        caption: format!(
            "{}: mean outcome with each assumption at its low and high value (base {})",
            tornado.outcome,
            base_words(tornado)
        ),
        headers: [
            "Assumption",
            "Low value",
            "Outcome at low",
            "High value",
            "Outcome at high",
            "Swing",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: bars
            .iter()
            .map(|b| {
                vec![
                    b.label.clone(),
                    parameter_value(b.low, &b.unit),
                    money(b.outcome_at_low),
                    parameter_value(b.high, &b.unit),
                    money(b.outcome_at_high),
                    money(b.swing()),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::presets;
    use crate::sim::sensitivity::{TORNADO_PARAMETERS, tornado};

    /// A real tornado: the month-6 restructuring against the generalist team.
    fn real() -> Tornado {
        let ps = presets::all();
        tornado(Some(&ps[0].scenario), &ps[5].scenario, 12, 1).expect("presets are valid")
    }

    fn bar(label: &str, low: f64, high: f64) -> TornadoBar {
        TornadoBar {
            path: label.to_owned(),
            label: label.to_owned(),
            unit: "share (0–1)".to_owned(),
            low: 0.1,
            high: 0.2,
            outcome_at_low: low,
            outcome_at_high: high,
        }
    }

    fn made_up(bars: Vec<TornadoBar>) -> Tornado {
        Tornado {
            outcome: "Value created by month 36: B minus A".to_owned(),
            runs: 100,
            base: 1_000_000.0,
            bars,
        }
    }

    #[test]
    fn bars_are_drawn_widest_swing_first_even_when_given_unsorted() {
        let t = made_up(vec![
            bar("small", 900_000.0, 1_100_000.0),
            bar("large", -500_000.0, 2_000_000.0),
            bar("middle", 600_000.0, 1_500_000.0),
        ]);
        let view = tornado_view(&t, ChartSize::WIDE);
        let labels: Vec<&str> = view.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, vec!["large", "middle", "small"]);
        assert!(
            view.rows
                .windows(2)
                .all(|w| w[0].bar_y < w[1].bar_y && w[0].swing >= w[1].swing)
        );
        let real = tornado_view(&real(), ChartSize::WIDE);
        assert!(real.rows.windows(2).all(|w| w[0].swing >= w[1].swing));
        assert_eq!(real.rows.len(), DRAWN_BARS);
        assert_eq!(real.table.rows.len(), TORNADO_PARAMETERS.len());
    }

    #[test]
    fn bars_are_centred_on_the_base_and_reach_each_outcome() {
        let t = made_up(vec![bar("large", -500_000.0, 2_000_000.0)]);
        let view = tornado_view(&t, ChartSize::NARROW);
        let r = &view.rows[0];
        // The low end runs left from the base, the high end right.
        assert!((r.low.x + r.low.width - view.base_x).abs() < 0.2);
        assert!((r.high.x - view.base_x).abs() < 0.2);
        assert_eq!((r.low.anchor, r.high.anchor), ("end", "start"));
        assert!(r.low.label_x < r.low.x && r.high.label_x > r.high.x + r.high.width);
        let zero = view.ticks.iter().find(|t| t.label == "$0").expect("a $0 tick");
        assert!(zero.position > r.low.x && zero.position < view.base_x);
        assert!(view.ticks.first().unwrap().position <= r.low.x + 0.2);
        assert!(view.ticks.last().unwrap().position >= r.high.x + r.high.width - 0.2);
    }

    #[test]
    fn the_summary_names_the_top_three_assumptions_and_a_sign_change() {
        let t = made_up(vec![
            bar("small", 900_000.0, 1_100_000.0),
            bar("large", -500_000.0, 2_000_000.0),
            bar("middle", 600_000.0, 1_500_000.0),
            bar("tiny", 990_000.0, 1_010_000.0),
        ]);
        let summary = tornado_view(&t, ChartSize::WIDE).text.summary;
        assert!(
            summary.contains(
                "hinges most on large (a swing of $2.5M between its low and high value), middle ($900k) and small ($200k)."
            ),
            "{summary}"
        );
        assert!(!summary.contains("tiny"));
        assert!(
            summary.contains("large alone can change its sign: \u{2212}\u{2060}$500k at 10%, $2M at 20%."),
            "{summary}"
        );
        let real = real();
        let summary = tornado_view(&real, ChartSize::WIDE).text.summary;
        for b in &real.bars[..3] {
            assert!(summary.contains(&b.label), "{summary}");
        }
    }

    #[test]
    fn every_tested_parameter_has_a_unit_format() {
        for id in TORNADO_PARAMETERS {
            let unit = id.spec().unit.label();
            assert!(known_unit_value(1.5, unit).is_some(), "{unit}");
        }
        assert_eq!(parameter_value(0.009, "share per month"), "0.9% a month");
        assert_eq!(parameter_value(0.0045, "share per month"), "0.45% a month");
        assert_eq!(parameter_value(0.25, "share per year"), "25% a year");
        assert_eq!(parameter_value(18_000.0, "USD per year"), "$18k a year");
        assert_eq!(parameter_value(-0.1, "log-odds"), "\u{2212}0.10 log-odds");
        assert_eq!(parameter_value(0.2, "log-odds"), "+0.20 log-odds");
        assert_eq!(parameter_value(-0.0001, "log-odds"), "0.00 log-odds");
        assert_eq!(parameter_value(0.85, "×"), "0.85×");
        assert_eq!(parameter_value(3.0, "months"), "3 months");
    }

    #[test]
    fn geometry_is_finite_and_the_table_lists_every_bar() {
        let t = real();
        for size in [ChartSize::WIDE, ChartSize::NARROW] {
            let view = tornado_view(&t, size);
            for r in &view.rows {
                for end in [&r.low, &r.high] {
                    assert!([end.x, end.width, end.label_x].iter().all(|v| v.is_finite()));
                    assert!(end.x >= view.plot.left - 0.2 && end.x + end.width <= view.plot.right + 0.2);
                }
            }
            assert_eq!(view.table.rows[0][5], money(t.bars[0].swing()));
        }
    }

    #[test]
    fn the_base_says_it_is_the_mean_of_the_tornados_runs() {
        let t = made_up(vec![
            bar("large", -500_000.0, 2_000_000.0),
            bar("small", 900_000.0, 1_100_000.0),
        ]);
        let wide = tornado_view(&t, ChartSize::WIDE);
        let said = "about $1M: the mean of 100 futures";
        assert!(
            wide.text
                .summary
                .starts_with(&format!("With every assumption as set the outcome is {said}. ")),
            "{}",
            wide.text.summary
        );
        assert!(
            wide.table.caption.ends_with(&format!("(base {said})")),
            "{}",
            wide.table.caption
        );
        assert_eq!(wide.base_label, "Base case: about $1M, the mean of 100 futures");
        assert!(
            wide.x_title.ends_with("(US dollars, the mean of 100 futures)"),
            "{}",
            wide.x_title
        );
        let narrow = tornado_view(&t, ChartSize::NARROW);
        assert_eq!(narrow.base_label, "Base: about $1M, mean of 100");
        assert!(narrow.x_title.contains("the mean of 100 futures"));

        let flat = made_up(vec![bar("flat", 1_000_000.0, 1_000_000.0)]);
        assert_eq!(
            tornado_view(&flat, ChartSize::WIDE).text.summary,
            format!("No assumption tested moves the outcome from {said}.")
        );
        let one = Tornado {
            runs: 1,
            ..made_up(Vec::new())
        };
        assert_eq!(
            tornado_view(&one, ChartSize::WIDE).base_label,
            "Base case: about $1M, the mean of 1 future"
        );

        // a real tornado names its own run count wherever it shows the base
        let real = real();
        let view = tornado_view(&real, ChartSize::WIDE);
        let words = format!("about {}: the mean of 12 futures", money(real.base));
        assert!(view.text.summary.contains(&words), "{}", view.text.summary);
        assert!(view.table.caption.contains(&words), "{}", view.table.caption);
        assert!(
            view.base_label.ends_with("the mean of 12 futures"),
            "{}",
            view.base_label
        );
    }

    #[test]
    fn an_empty_tornado_says_so() {
        let view = tornado_view(&made_up(Vec::new()), ChartSize::WIDE);
        assert!(view.rows.is_empty());
        assert_eq!(view.text.summary, "No assumptions were tested.");
        assert!(view.base_x.is_finite());
    }
}

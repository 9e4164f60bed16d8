//! The key numbers table: scenarios in columns, the figures a sales leader
//! decides on in rows, each cell the median over the futures with its
//! P10–P90 range beneath.
//!
//! Each cell keeps the raw median (`Accumulator::bands().p50`, the very
//! number the command line prints as `bands.p50`), so an end-to-end test
//! can compare the page with the command line's JSON digit for digit.

use super::format::{Quantity, axis_value, percent, value_with_unit};
use super::scenario_colour;
use crate::sim::compare::Comparison;
use crate::sim::metrics::{Metric, RunMetric};
use crate::sim::run::Summary;
use crate::sim::scenario::Role;
use crate::sim::stats::Accumulator;

/// Where a row's numbers come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A per-run horizon figure; the row key is the metric's key.
    Horizon(RunMetric),
    /// A monthly metric in the last month; the row key is the metric's key.
    LastMonth(Metric),
}

impl Source {
    /// The stable row key: the engine's metric key, as in the command line's JSON.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Source::Horizon(m) => m.key(),
            Source::LastMonth(m) => m.key(),
        }
    }

    fn unit(self) -> &'static str {
        match self {
            Source::Horizon(m) => m.unit(),
            Source::LastMonth(m) => m.unit(),
        }
    }

    fn accumulator(self, summary: &Summary) -> &Accumulator {
        match self {
            Source::Horizon(m) => summary.horizon(m),
            Source::LastMonth(m) => summary.month(m, summary.months),
        }
    }
}

/// The horizon figures, in the order the table shows them, with their row
/// titles: first what comparisons are judged on, value created, then its
/// two parts, the plain contribution and the change in the book's value.
const HORIZON_ROWS: [(RunMetric, &str); 10] = [
    (
        RunMetric::HorizonValueCreated,
        "Value created at the horizon (contribution plus the change in the customer book's value)",
    ),
    (
        RunMetric::HorizonContribution,
        "Contribution over the horizon (gross profit less sales and marketing cost)",
    ),
    (
        RunMetric::BookValueChange,
        "Change in the customer book's value (its expected future gross profit, discounted) over the horizon",
    ),
    (RunMetric::HorizonBookValue, "Value of the customer book at the horizon"),
    (RunMetric::EndingArr, "Annual recurring revenue at the horizon"),
    (RunMetric::HorizonRevenue, "Revenue over the horizon"),
    (RunMetric::Cac, "Acquisition cost per new customer (CAC)"),
    (RunMetric::LtvToCac, "Lifetime gross profit of a new customer to CAC"),
    (
        RunMetric::AcquisitionToRetention,
        "Acquisition vs retention cost: winning a customer costs this many times keeping one a year",
    ),
    (
        RunMetric::RetentionCostPerCustomerYear,
        "Retention cost per customer-year",
    ),
];

fn headcount_metric(role: Role) -> Metric {
    match role {
        Role::Generalist => Metric::HeadcountGeneralist,
        Role::Sdr => Metric::HeadcountSdr,
        Role::Ae => Metric::HeadcountAe,
        Role::Am => Metric::HeadcountAm,
        Role::Retention => Metric::HeadcountRetention,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioColumn {
    pub name: String,
    pub colour: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KeyCell {
    /// `None` when no run gave a finite value (e.g. CAC with no deals).
    pub median: Option<f64>,
    /// The raw median as the shortest text that reads back as the same
    /// `f64`, for the cell's `data-value` (empty without a median).
    pub data_value: String,
    /// "$9.5M a year", "3.0×", "290 accounts".
    pub median_text: String,
    /// "P10–P90 $9.1M to $9.9M" (empty without a median).
    pub range_text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KeyRow {
    /// Stable: the engine's metric key ("ending_arr", "headcount_sdr", ...).
    pub key: &'static str,
    pub title: String,
    pub source: Source,
    /// One per scenario, in comparison order (baseline first).
    pub cells: Vec<KeyCell>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KeyNumbers {
    pub caption: String,
    pub scenarios: Vec<ScenarioColumn>,
    pub rows: Vec<KeyRow>,
}

/// The key numbers of every scenario in `comparison`.
#[must_use]
pub fn key_numbers(comparison: &Comparison) -> KeyNumbers {
    let months = comparison.months;
    let mut sources: Vec<(Source, String)> = HORIZON_ROWS
        .iter()
        .map(|(m, title)| (Source::Horizon(*m), horizon_title(title, months)))
        .collect();
    sources.push((
        Source::LastMonth(Metric::Customers),
        format!("Customers at month {months}"),
    ));
    sources.extend(
        Role::ALL
            .into_iter()
            .filter(|role| role_present(comparison, *role))
            .map(|role| {
                (
                    Source::LastMonth(headcount_metric(role)),
                    format!("{} at month {months}", role.title()),
                )
            }),
    );
    KeyNumbers {
        caption: format!(
            "Key numbers: the median of {} futures, with the range of the middle 80% (P10–P90) beneath",
            super::format::whole(comparison.runs)
        ),
        scenarios: comparison
            .summaries
            .iter()
            .enumerate()
            .map(|(i, s)| ScenarioColumn {
                name: s.scenario.clone(),
                colour: scenario_colour(i),
            })
            .collect(),
        rows: sources
            .into_iter()
            .map(|(source, title)| KeyRow {
                key: source.key(),
                title,
                source,
                cells: comparison.summaries.iter().map(|s| cell(source, s)).collect(),
            })
            .collect(),
    }
}

/// "at the horizon" in a row title becomes the month it is.
fn horizon_title(title: &str, months: u32) -> String {
    title
        .replace("at the horizon", &format!("at month {months}"))
        .replace("over the horizon", &format!("over {months} months"))
}

/// A role has a row when some scenario has someone in it in the last month of some run.
fn role_present(comparison: &Comparison, role: Role) -> bool {
    let metric = headcount_metric(role);
    comparison
        .summaries
        .iter()
        .any(|s| s.month(metric, s.months).max().is_some_and(|max| max > 0.0))
}

fn cell(source: Source, summary: &Summary) -> KeyCell {
    let unit = source.unit();
    match source.accumulator(summary).bands() {
        Some(bands) => KeyCell {
            median: Some(bands.p50),
            data_value: bands.p50.to_string(),
            median_text: value_with_unit(bands.p50, unit),
            range_text: format!(
                "P10–P90 {} to {}",
                short_value(bands.p10, unit),
                short_value(bands.p90, unit)
            ),
        },
        None => KeyCell {
            median: None,
            data_value: String::new(),
            median_text: "n/a".to_owned(),
            range_text: String::new(),
        },
    }
}

/// A range end without the unit's words, which the median above says.
/// Shares keep [`percent`]'s care never to round to a false 0% or 100%.
fn short_value(value: f64, unit: &str) -> String {
    if Quantity::of_unit(unit) == Quantity::Share {
        percent(value)
    } else {
        axis_value(value, unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::compare::{compare_chunk, prepare_comparison};
    use crate::sim::presets;

    fn comparison() -> Comparison {
        let ps = presets::all();
        let prepared = prepare_comparison(&ps[0].scenario, &[ps[1].scenario.clone(), ps[5].scenario.clone()]);
        compare_chunk(&prepared, 1, 0..300)
    }

    fn row<'a>(table: &'a KeyNumbers, key: &str) -> &'a KeyRow {
        table
            .rows
            .iter()
            .find(|r| r.key == key)
            .unwrap_or_else(|| panic!("no row {key}"))
    }

    #[test]
    fn raw_medians_are_the_engines_own_medians() {
        let c = comparison();
        let table = key_numbers(&c);
        for metric in RunMetric::ALL_RUN.iter().filter(|m| **m != RunMetric::HorizonNpv) {
            for (cell, summary) in row(&table, metric.key()).cells.iter().zip(&c.summaries) {
                assert_eq!(cell.median, summary.horizon(*metric).quantile(0.5), "{}", metric.key());
            }
        }
        for (cell, summary) in row(&table, "customers").cells.iter().zip(&c.summaries) {
            assert_eq!(cell.median, summary.month(Metric::Customers, 36).quantile(0.5));
        }
        for (cell, summary) in row(&table, "headcount_am").cells.iter().zip(&c.summaries) {
            assert_eq!(cell.median, summary.month(Metric::HeadcountAm, 36).quantile(0.5));
        }
    }

    #[test]
    fn the_data_value_reads_back_as_the_same_number() {
        let table = key_numbers(&comparison());
        for cell in table.rows.iter().flat_map(|r| &r.cells) {
            let median = cell.median.expect("every preset has every key number");
            assert_eq!(cell.data_value.parse::<f64>().unwrap(), median);
            assert!(!cell.median_text.is_empty() && cell.range_text.starts_with("P10–P90 "));
        }
    }

    #[test]
    fn rows_have_stable_keys_in_order_and_only_roles_someone_holds() {
        let c = comparison();
        let table = key_numbers(&c);
        let keys: Vec<&str> = table.rows.iter().map(|r| r.key).collect();
        assert_eq!(
            keys,
            vec![
                "value_created",
                "cumulative_contribution",
                "book_value_change",
                "book_value",
                "ending_arr",
                "total_revenue",
                "cac",
                "ltv_to_cac",
                "acquisition_to_retention",
                "retention_cost_per_customer_year",
                "customers",
                // The generalist baseline keeps its reps; the others have SDRs, AEs and AMs.
                "headcount_generalist",
                "headcount_sdr",
                "headcount_ae",
                "headcount_am",
            ]
        );
        assert!(table.rows.iter().all(|r| r.cells.len() == 3));
        assert_eq!(table.scenarios[0].name, c.summaries[0].scenario);
        assert_eq!(row(&table, "ending_arr").title, "Annual recurring revenue at month 36");
    }

    #[test]
    fn cells_are_formatted_with_their_unit() {
        let c = comparison();
        let table = key_numbers(&c);
        let arr = &row(&table, "ending_arr").cells[0];
        let bands = c.summaries[0].horizon(RunMetric::EndingArr).bands().unwrap();
        assert_eq!(arr.median_text, value_with_unit(bands.p50, "USD per year"));
        assert!(arr.median_text.ends_with(" a year"));
        assert!(!arr.range_text.contains("a year"));
        assert!(row(&table, "ltv_to_cac").cells[1].median_text.ends_with('×'));
        assert!(row(&table, "customers").cells[1].median_text.ends_with(" accounts"));
        assert!(row(&table, "headcount_sdr").cells[1].median_text.ends_with(" people"));
    }

    #[test]
    fn a_figure_no_run_produced_reads_n_a() {
        let mut c = comparison();
        c.summaries[1].horizon[RunMetric::Cac as usize] = Accumulator::new();
        let table = key_numbers(&c);
        let cell = &row(&table, "cac").cells[1];
        assert_eq!(cell.median, None);
        assert_eq!(cell.median_text, "n/a");
        assert!(cell.data_value.is_empty());
    }
}

//! Every number the page shows is formatted here, so the same number reads
//! the same in a chart axis, a hover read-out, a table and a sentence.
//!
//! Money is in US dollars (the engine's unit) and shortened the way a sales
//! leader writes it: `$24.5M`, `$850k`, `−$1.2M`. Negative numbers use the
//! typographic minus sign (U+2212), which screen readers announce as "minus".

/// The kinds of quantity the engine reports, from its unit strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// A stock of money, e.g. cumulative contribution ("USD").
    Money,
    /// A flow of money per month ("USD per month").
    MoneyPerMonth,
    /// A flow of money per year, e.g. ARR ("USD per year").
    MoneyPerYear,
    /// A share between 0 and 1 shown as a percentage.
    Share,
    /// A multiple, e.g. LTV:CAC ("×").
    Multiple,
    /// A count of things, with the unit's own words ("accounts", "leads per month").
    Count,
}

impl Quantity {
    /// Classifies an engine unit string (`Metric::unit`, `RunMetric::unit`).
    #[must_use]
    pub fn of_unit(unit: &str) -> Self {
        match unit {
            "USD" => Quantity::Money,
            "USD per month" => Quantity::MoneyPerMonth,
            "USD per year" => Quantity::MoneyPerYear,
            "×" => Quantity::Multiple,
            _ if unit.starts_with("share") => Quantity::Share,
            _ => Quantity::Count,
        }
    }
}

/// Formats `value` of an engine `unit` for a table cell or read-out:
/// money shortened with its period ("$24.5M", "$410k a month"), shares as
/// percentages, multiples with "×", counts with the unit's words.
#[must_use]
pub fn value_with_unit(value: f64, unit: &str) -> String {
    match Quantity::of_unit(unit) {
        Quantity::Money => money(value),
        Quantity::MoneyPerMonth => format!("{} a month", money(value)),
        Quantity::MoneyPerYear => format!("{} a year", money(value)),
        Quantity::Share => percent(value),
        Quantity::Multiple => multiple(value),
        Quantity::Count => format!("{} {}", count(value), unit),
    }
}

/// Formats `value` for an axis tick of a chart whose axis title carries the unit.
#[must_use]
pub fn axis_value(value: f64, unit: &str) -> String {
    match Quantity::of_unit(unit) {
        Quantity::Money | Quantity::MoneyPerMonth | Quantity::MoneyPerYear => money(value),
        Quantity::Share => percent_plain(value),
        Quantity::Multiple => multiple(value),
        Quantity::Count => count(value),
    }
}

/// The axis title for an engine unit, e.g. "US dollars a month".
#[must_use]
pub fn unit_title(unit: &str) -> String {
    match Quantity::of_unit(unit) {
        Quantity::Money => "US dollars".to_owned(),
        Quantity::MoneyPerMonth => "US dollars a month".to_owned(),
        Quantity::MoneyPerYear => "US dollars a year".to_owned(),
        Quantity::Share => format!("% ({unit})"),
        Quantity::Multiple => "times".to_owned(),
        Quantity::Count => unit.to_owned(),
    }
}

const MINUS: char = '\u{2212}';
/// Invisible; keeps a sign on the line of the "$" after it, where Unicode's
/// line breaking would otherwise allow "−" at one line's end and "$300k" on
/// the next (a sign before a digit already stays put).
const WORD_JOINER: char = '\u{2060}';

fn signed(negative: bool, body: String) -> String {
    if negative { format!("{MINUS}{body}") } else { body }
}

/// Three significant digits, trailing zeros after the point dropped:
/// 24.53 → "24.5", 124.4 → "124", 2.0 → "2".
fn three_significant(x: f64) -> String {
    let decimals = if x >= 100.0 {
        0
    } else if x >= 10.0 {
        1
    } else {
        2
    };
    let text = format!("{x:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// US dollars, shortened: `$1.25B`, `$24.5M`, `$850k`, `$12.4k`, `$640`;
/// negative with a minus sign (`−$1.2M`). Not-a-number reads "n/a".
#[must_use]
pub fn money(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_owned();
    }
    // Rounded to three significant digits before the unit is chosen, so
    // 999,999 reads "$1M" rather than "$1000k".
    let magnitude = three_significant_digits(value.abs());
    let (scaled, suffix) = [(1e9, "B"), (1e6, "M"), (1e3, "k")]
        .into_iter()
        .find(|(unit, _)| magnitude >= *unit)
        .map_or((magnitude, ""), |(unit, suffix)| (magnitude / unit, suffix));
    let body = if suffix.is_empty() {
        format!("${}", grouped(magnitude))
    } else {
        format!("${}{suffix}", three_significant(scaled))
    };
    let is_zero = body == "$0";
    if value < 0.0 && !is_zero {
        format!("{MINUS}{WORD_JOINER}{body}")
    } else {
        body
    }
}

/// `x` rounded to three significant digits (`x ≥ 0`): 999,400 → 999,000.
fn three_significant_digits(x: f64) -> f64 {
    if x < 1000.0 {
        return x.round();
    }
    let unit = 10f64.powi(x.log10().floor() as i32 - 2);
    (x / unit).round() * unit
}

/// Whole numbers with thousands separators: 12400 → "12,400" (the
/// magnitude; `as` saturates far beyond any count the engine reports).
fn grouped(rounded: f64) -> String {
    whole(rounded.abs().round() as u64)
}

/// A whole number grouped in thousands, exactly: 18,446,744,073,709,551,615.
#[must_use]
pub fn whole(n: u64) -> String {
    group_digits(&n.to_string())
}

fn group_digits(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number in full, as a person would type it into a field: thousands
/// grouped and every decimal kept (0.004 → "0.004", 9,500,000 →
/// "9,500,000"), so an input shows exactly the value that runs and the
/// editor reads it back unchanged.
#[must_use]
pub fn plain(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_owned();
    }
    // Display of an f64 is the shortest text that reads back to the same
    // value and never uses an exponent.
    let text = value.abs().to_string();
    let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let body = if fraction.is_empty() {
        group_digits(integer)
    } else {
        format!("{}.{fraction}", group_digits(integer))
    };
    signed(value < 0.0, body)
}

/// A count: whole numbers grouped ("1,234"), small fractional counts with
/// one decimal ("2.4"), as a mean of many runs often is.
#[must_use]
pub fn count(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_owned();
    }
    let magnitude = value.abs();
    let body = if magnitude >= 100.0 || (magnitude - magnitude.round()).abs() < 0.05 {
        grouped(magnitude.round())
    } else {
        format!("{magnitude:.1}")
    };
    signed(value < 0.0 && body != "0", body)
}

/// A share as a whole percentage: 0.673 → "67%". A share that is not
/// exactly 0 or 1 never rounds to "0%" or "100%": it reads "under 1%" or
/// "over 99%", so a sentence never claims a certainty the runs do not show.
#[must_use]
pub fn percent(share: f64) -> String {
    if !share.is_finite() {
        return "n/a".to_owned();
    }
    if share > 0.0 && share < 0.005 {
        return "under 1%".to_owned();
    }
    if share > 0.995 && share < 1.0 {
        return "over 99%".to_owned();
    }
    percent_plain(share)
}

/// A share as a rounded percentage for axes: 0.5 → "50%".
#[must_use]
pub fn percent_plain(share: f64) -> String {
    let whole = (share * 100.0).round();
    signed(whole < 0.0, format!("{}%", whole.abs()))
}

/// A share as a percentage to three significant digits, for inputs and
/// their ranges: 0.007 → "0.7%", 0.225 → "22.5%", 0.99 → "99%".
#[must_use]
pub fn percent_precise(share: f64) -> String {
    if !share.is_finite() {
        return "n/a".to_owned();
    }
    let body = format!("{}%", three_significant((share * 100.0).abs()));
    signed(share < 0.0 && body != "0%", body)
}

/// A multiple: 3.04 → "3.0×".
#[must_use]
pub fn multiple(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_owned();
    }
    signed(value < 0.0, format!("{:.1}×", value.abs()))
}

/// A month of the simulation: "month 18".
#[must_use]
pub fn month(number: u32) -> String {
    format!("month {number}")
}

/// A difference in money with an explicit sign: "+$1.2M", "−$300k", "$0".
#[must_use]
pub fn money_difference(value: f64) -> String {
    let text = money(value);
    if value > 0.0 && text != "$0" {
        format!("+{WORD_JOINER}{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_shortened_as_a_sales_leader_writes_it() {
        assert_eq!(money(24_531_000.0), "$24.5M");
        assert_eq!(money(124_400_000.0), "$124M");
        assert_eq!(money(2_000_000.0), "$2M");
        assert_eq!(money(850_000.0), "$850k");
        assert_eq!(money(12_400.0), "$12.4k");
        assert_eq!(money(640.4), "$640");
        assert_eq!(money(1_250_000_000.0), "$1.25B");
        assert_eq!(money(0.0), "$0");
        assert_eq!(money(-0.2), "$0");
        assert_eq!(money(f64::NAN), "n/a");
    }

    #[test]
    fn money_rounds_across_a_unit_boundary_without_reading_1000k() {
        assert_eq!(money(999_999.0), "$1M");
        assert_eq!(money(999_400.0), "$999k");
        assert_eq!(money(999.7), "$1k");
    }

    #[test]
    fn negative_money_uses_the_minus_sign_and_differences_carry_a_plus() {
        // a word joiner ties the sign to the dollar sign (see WORD_JOINER)
        assert_eq!(money(-1_200_000.0), "\u{2212}\u{2060}$1.2M");
        assert_eq!(money_difference(1_200_000.0), "+\u{2060}$1.2M");
        assert_eq!(money_difference(-300_000.0), "\u{2212}\u{2060}$300k");
        assert_eq!(money_difference(0.0), "$0");
    }

    #[test]
    fn percentages_never_round_to_a_false_certainty() {
        assert_eq!(percent(0.673), "67%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.001), "under 1%");
        assert_eq!(percent(0.999), "over 99%");
        assert_eq!(percent_plain(0.999), "100%");
    }

    #[test]
    fn input_percentages_keep_three_significant_digits() {
        assert_eq!(percent_precise(0.007), "0.7%");
        assert_eq!(percent_precise(0.225), "22.5%");
        assert_eq!(percent_precise(0.99), "99%");
        assert_eq!(percent_precise(0.001), "0.1%");
        assert_eq!(percent_precise(-0.05), "\u{2212}5%");
    }

    #[test]
    fn counts_group_thousands_and_keep_a_decimal_when_small() {
        assert_eq!(count(1234.4), "1,234");
        assert_eq!(count(2.44), "2.4");
        assert_eq!(count(3.0), "3");
        assert_eq!(count(-2_500.0), "\u{2212}2,500");
        assert_eq!(count(1_000_000.0), "1,000,000");
        assert_eq!(whole(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(whole(999), "999");
        assert_eq!(plain(9_500_000.0), "9,500,000");
        assert_eq!(plain(0.004), "0.004");
        assert_eq!(plain(-0.4), "\u{2212}0.4");
        assert_eq!(plain(1234.5), "1,234.5");
        assert_eq!(plain(0.0), "0");
    }

    #[test]
    fn units_pick_their_format() {
        assert_eq!(value_with_unit(410_000.0, "USD per month"), "$410k a month");
        assert_eq!(value_with_unit(9_500_000.0, "USD per year"), "$9.5M a year");
        assert_eq!(value_with_unit(0.42, "share of hours"), "42%");
        assert_eq!(value_with_unit(3.04, "×"), "3.0×");
        assert_eq!(value_with_unit(290.0, "accounts"), "290 accounts");
        assert_eq!(axis_value(1_500_000.0, "USD"), "$1.5M");
        assert_eq!(unit_title("USD per month"), "US dollars a month");
        assert_eq!(month(18), "month 18");
        assert_eq!(multiple(-0.5), "\u{2212}0.5×");
    }
}

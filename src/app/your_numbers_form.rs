//! The "Your sales organisation today" form as typed: text per input, kept
//! exactly as typed (nothing is lost while it is invalid), read into
//! [`YourNumbers`] with a message per input that names it and its range.
//! Plain data, tested natively; the component only draws it.

use std::collections::BTreeMap;

use crate::app::view::format;
use crate::sim::params::Unit;
use crate::sim::your_numbers::{Field, Problem, ProblemKind, YourNumbers};

/// The text of every input, by [`Field::key`]; an input never typed in
/// shows the default company's figure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YourNumbersForm {
    pub typed: BTreeMap<String, String>,
}

/// A message at one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputMessage {
    pub field: Field,
    pub message: String,
    /// An error stops the baseline being made; a warning does not.
    pub blocking: bool,
}

/// What the form shows beside one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputView {
    pub field: Field,
    /// The part of the form it belongs to: "Your team", "Your company", "Your deals", "Pay".
    pub group: &'static str,
    pub key: String,
    pub label: String,
    pub text: String,
    /// "USD a year", "% a month", "months".
    pub unit: String,
    /// "usual: 20% to 25%", or the range the engine takes when benchmarks give none.
    pub range: String,
    /// Where the usual range comes from, from the catalogue.
    pub source: String,
    pub changed: bool,
    pub message: Option<InputMessage>,
}

/// A value typed as a leader writes it: "$1.2M", "130k", "23%", "1,500".
fn read_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '$' | ' ' | '_' | '%'))
        .collect::<String>()
        .to_lowercase();
    let (digits, scale) = match cleaned.chars().last() {
        Some('k') => (&cleaned[..cleaned.len() - 1], 1e3),
        Some('m') => (&cleaned[..cleaned.len() - 1], 1e6),
        Some('b') => (&cleaned[..cleaned.len() - 1], 1e9),
        _ => (cleaned.as_str(), 1.0),
    };
    let value = digits.parse::<f64>().ok()? * scale;
    value.is_finite().then_some(value)
}

/// The unit as the form shows it beside the box.
fn unit_words(field: Field) -> &'static str {
    match field.unit() {
        Unit::Share => "%",
        Unit::SharePerMonth => "% a month",
        Unit::SharePerYear => "% a year",
        Unit::Usd => "USD",
        Unit::UsdPerMonth => "USD a month",
        Unit::UsdPerYear => "USD a year",
        Unit::Months => "months",
        Unit::CountPerMonth => "a month",
        _ => "people",
    }
}

/// A value of `field` as the page writes it.
#[must_use]
pub fn value_text(field: Field, value: f64) -> String {
    match field.unit() {
        Unit::Share | Unit::SharePerMonth | Unit::SharePerYear => format::percent_precise(value),
        Unit::Usd | Unit::UsdPerMonth | Unit::UsdPerYear => format::money(value),
        Unit::Months => format!("{} months", format::count(value)),
        _ => format::count(value),
    }
}

/// The text a box starts with: the figure in the unit it is typed in.
fn default_text(field: Field, value: f64) -> String {
    if field.is_share() {
        format!("{}", (value * 1000.0).round() / 10.0)
    } else {
        format!("{}", (value * 100.0).round() / 100.0)
    }
}

impl YourNumbersForm {
    /// The text of an input as typed, or the default company's figure.
    #[must_use]
    pub fn text(&self, field: Field) -> String {
        self.typed
            .get(&field.key())
            .cloned()
            .unwrap_or_else(|| default_text(field, YourNumbers::default().get(field)))
    }

    pub fn edit(&mut self, field: Field, text: String) {
        self.typed.insert(field.key(), text);
    }

    /// The numbers typed, with a message per input that is not a number
    /// (the default company's figure stands in for it meanwhile).
    fn read(&self) -> (YourNumbers, Vec<InputMessage>) {
        let mut numbers = YourNumbers::default();
        let mut messages = Vec::new();
        let fields = Field::all();
        // On-target pay first: the range of base pay depends on it.
        let (pay_first, rest): (Vec<Field>, Vec<Field>) =
            fields.into_iter().partition(|f| matches!(f, Field::OnTargetPay(_)));
        for field in pay_first.into_iter().chain(rest) {
            let text = self.text(field);
            match read_number(&text) {
                Some(value) => numbers.set(field, if field.is_share() { value / 100.0 } else { value }),
                None => {
                    let (min, max) = field.allowed(&numbers);
                    messages.push(InputMessage {
                        field,
                        message: format!(
                            "{}: must be a number between {} and {}, got \"{}\"",
                            field.label(),
                            value_text(field, min),
                            value_text(field, max),
                            text.trim()
                        ),
                        blocking: true,
                    });
                }
            }
        }
        (numbers, messages)
    }

    /// Every message: text that is not a number, values the engine cannot
    /// use, and (not blocking) values outside the usual range.
    #[must_use]
    pub fn messages(&self) -> Vec<InputMessage> {
        let (numbers, mut messages) = self.read();
        let unreadable: Vec<Field> = messages.iter().map(|m| m.field).collect();
        let of = |problem: Problem, blocking: bool| InputMessage {
            field: problem.field,
            message: problem_words(&problem),
            blocking,
        };
        messages.extend(
            numbers
                .errors()
                .into_iter()
                .filter(|p| !unreadable.contains(&p.field))
                .map(|p| of(p, true)),
        );
        messages.extend(
            numbers
                .warnings()
                .into_iter()
                .filter(|p| !unreadable.contains(&p.field))
                .map(|p| of(p, false)),
        );
        messages
    }

    /// The numbers, or every blocking message.
    ///
    /// # Errors
    /// One message per input that is not a number or cannot be used.
    pub fn numbers(&self) -> Result<YourNumbers, Vec<InputMessage>> {
        let blocking: Vec<InputMessage> = self.messages().into_iter().filter(|m| m.blocking).collect();
        if blocking.is_empty() {
            Ok(self.read().0)
        } else {
            Err(blocking)
        }
    }

    /// What the form shows, input by input.
    #[must_use]
    pub fn view(&self) -> Vec<InputView> {
        let (numbers, _) = self.read();
        let messages = self.messages();
        let defaults = YourNumbers::default();
        Field::all()
            .into_iter()
            .map(|field| {
                let range = match field.typical(&numbers) {
                    Some((low, high)) => {
                        format!("usual: {} to {}", value_text(field, low), value_text(field, high))
                    }
                    None => {
                        let (min, max) = field.allowed(&numbers);
                        format!("from {} to {}", value_text(field, min), value_text(field, max))
                    }
                };
                // The most useful message first: an error before a warning.
                let message = messages
                    .iter()
                    .filter(|m| m.field == field)
                    .min_by_key(|m| !m.blocking)
                    .cloned();
                let text = self.text(field);
                InputView {
                    field,
                    group: group_of(field),
                    key: field.key(),
                    label: field.label(),
                    changed: read_number(&text) != read_number(&default_text(field, defaults.get(field))),
                    text,
                    unit: unit_words(field).to_owned(),
                    range,
                    source: field.source().to_owned(),
                    message,
                }
            })
            .collect()
    }
}

/// The groups of the form, in order.
pub const GROUPS: [&str; 4] = ["Your team", "Your company", "Your deals", "Pay per seat"];

fn group_of(field: Field) -> &'static str {
    match field {
        Field::Sellers(_) => GROUPS[0],
        Field::Arr | Field::Customers | Field::MonthlyLeads | Field::MarketingSpend => GROUPS[1],
        Field::AverageDeal | Field::WinRate | Field::SalesCycle | Field::MonthlyChurn => GROUPS[2],
        Field::BasePay(_) | Field::OnTargetPay(_) => GROUPS[3],
    }
}

/// The one-line summary under the form: how many inputs block, how many warn.
#[must_use]
pub fn summary(messages: &[InputMessage]) -> Option<String> {
    let blocking = messages.iter().filter(|m| m.blocking).count();
    let warnings = messages.len() - blocking;
    let count = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    match (blocking, warnings) {
        (0, 0) => None,
        (0, w) => Some(format!(
            "{} outside the usual range: the baseline can still be made.",
            count(w, "number is", "numbers are")
        )),
        (b, _) => Some(format!(
            "{} to correct before the baseline can be made.",
            count(b, "input", "inputs")
        )),
    }
}

/// A problem in the page's words, with its numbers formatted as the page writes them.
#[must_use]
pub fn problem_words(problem: &Problem) -> String {
    let field = problem.field;
    let label = field.label();
    match &problem.kind {
        ProblemKind::Outside { min, max } => format!(
            "{label}: must be between {} and {}, got {}",
            value_text(field, *min),
            value_text(field, *max),
            value_text(field, problem.value)
        ),
        ProblemKind::Unusual { low, high } => format!(
            "{label}: {} is outside the usual {} to {}; the baseline still uses it",
            value_text(field, problem.value),
            value_text(field, *low),
            value_text(field, *high)
        ),
        ProblemKind::Inconsistent(why) => format!("{label}: {why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::scenario::Role;

    fn typed(pairs: &[(Field, &str)]) -> YourNumbersForm {
        let mut form = YourNumbersForm::default();
        for (field, text) in pairs {
            form.edit(*field, (*text).to_owned());
        }
        form
    }

    #[test]
    fn the_untouched_form_reads_as_the_default_company_without_messages() {
        let form = YourNumbersForm::default();
        assert_eq!(form.messages(), []);
        let numbers = form.numbers().unwrap();
        let defaults = YourNumbers::default();
        for field in Field::all() {
            let (a, b) = (numbers.get(field), defaults.get(field));
            assert!((a - b).abs() <= 1e-3 * b.abs().max(1.0), "{field:?}: {a} vs {b}");
        }
        assert!(form.view().iter().all(|v| !v.changed));
    }

    #[test]
    fn numbers_are_read_as_leaders_write_them() {
        let form = typed(&[
            (Field::Arr, "$12.5M"),
            (Field::OnTargetPay(Role::Ae), "160k"),
            (Field::Customers, "1,200"),
            (Field::WinRate, "21%"),
            (Field::MonthlyChurn, " 1.5 "),
        ]);
        let numbers = form.numbers().unwrap();
        assert_eq!(numbers.arr, 12_500_000.0);
        assert_eq!(numbers.pay_of(Role::Ae).on_target, 160_000.0);
        assert_eq!(numbers.customers, 1200.0);
        assert!((numbers.win_rate - 0.21).abs() < 1e-12);
        assert!((numbers.monthly_churn - 0.015).abs() < 1e-12);
        let changed: Vec<Field> = form.view().into_iter().filter(|v| v.changed).map(|v| v.field).collect();
        assert_eq!(changed.len(), 5);
    }

    #[test]
    fn text_that_is_not_a_number_keeps_its_text_and_names_the_field_and_range() {
        let form = typed(&[(Field::WinRate, "about a quarter"), (Field::SalesCycle, "40")]);
        let errors = form.numbers().unwrap_err();
        let words: Vec<&str> = errors.iter().map(|m| m.message.as_str()).collect();
        assert_eq!(
            words,
            [
                "Win rate (opportunities won): must be a number between 0.1% and 99%, got \"about a quarter\"",
                "Sales cycle (average): must be between 0.5 months and 24 months, got 40 months",
            ]
        );
        assert_eq!(form.text(Field::WinRate), "about a quarter");
        let view = form.view();
        let cycle = view.iter().find(|v| v.field == Field::SalesCycle).unwrap();
        assert_eq!(cycle.text, "40");
        assert!(cycle.message.as_ref().is_some_and(|m| m.blocking));
        assert_eq!(cycle.range, "usual: 2 months to 3 months");
        assert_eq!(
            summary(&form.messages()).as_deref(),
            Some("2 inputs to correct before the baseline can be made.")
        );
    }

    #[test]
    fn an_unusual_value_warns_without_blocking() {
        let form = typed(&[(Field::WinRate, "35")]);
        let numbers = form.numbers().unwrap();
        assert!((numbers.win_rate - 0.35).abs() < 1e-12);
        let messages = form.messages();
        assert_eq!(messages.len(), 1);
        assert!(!messages[0].blocking);
        assert_eq!(
            messages[0].message,
            "Win rate (opportunities won): 35% is outside the usual 20% to 25%; the baseline still uses it"
        );
        assert!(numbers.to_scenario().is_ok());
        assert_eq!(
            summary(&messages).as_deref(),
            Some("1 number is outside the usual range: the baseline can still be made.")
        );
        assert_eq!(summary(&YourNumbersForm::default().messages()), None);
    }

    #[test]
    fn base_pay_is_judged_against_the_on_target_pay_typed() {
        let form = typed(&[
            (Field::OnTargetPay(Role::Sdr), "60k"),
            (Field::BasePay(Role::Sdr), "70k"),
        ]);
        let errors = form.numbers().unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].message,
            "Base pay, SDRs: must be between $6k and $60k, got $70k"
        );
    }
}

//! What each field is called on screen, and the problems found in it.

use serde::{Deserialize, Serialize};

use super::decisions::Toggle;
use crate::sim::params::find;
use crate::sim::scenario::Role;

/// One problem with one field, for the message at the field and the summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    /// The field's path in the scenario file, e.g. `roles.sdr.ramp_months`.
    pub path: String,
    /// What the field is called on screen, e.g. "SDR ramp".
    pub label: String,
    /// The engine's message, e.g. "must be between 0 and 24 months, got 40".
    pub message: String,
}

impl FieldProblem {
    pub(super) fn at(path: &str, message: String) -> Self {
        FieldProblem {
            path: path.to_owned(),
            label: field_label(path),
            message,
        }
    }

    /// "SDR ramp: must be between 0 and 24 months, got 40".
    #[must_use]
    pub fn sentence(&self) -> String {
        format!("{}: {}", self.label, self.message)
    }
}

/// What a field of the scenario file is called on screen: a parameter by
/// its catalogue label, the decisions by the words the editor shows.
#[must_use]
pub fn field_label(path: &str) -> String {
    if let Some(spec) = find(path) {
        return spec.label.to_owned();
    }
    if let Some(rest) = path.strip_prefix("restructuring.to.") {
        return format!("After the restructuring: {}", structure_label(rest));
    }
    if let Some(rest) = path.strip_prefix("structure.") {
        return structure_label(rest);
    }
    if let Some(rest) = path.strip_prefix("switches.") {
        if let Some(toggle) = Toggle::ALL.into_iter().find(|t| t.key() == rest) {
            return toggle.label().to_owned();
        }
    }
    if let Some((row, field)) = hire_path(path) {
        let what = match field {
            "month" => "month",
            "role" => "role",
            "count" => "people",
            _ => field,
        };
        return format!("Hire {}: {what}", row + 1);
    }
    match path {
        "months" => "Months simulated",
        "restructuring.month" => "Month of the restructuring",
        "restructuring.process_owner" => "Process owner",
        "restructuring.to" => "Structure after the restructuring",
        "hiring_plan" => "Hiring plan",
        "name" => "Name",
        "description" => "Description",
        other => other,
    }
    .to_owned()
}

fn structure_label(rest: &str) -> String {
    if let Some(key) = rest.strip_prefix("headcount.") {
        if let Some(role) = Role::ALL.into_iter().find(|r| r.key() == key) {
            return role.title().to_owned();
        }
    }
    match rest {
        "lead_generation" => "Who generates leads",
        "selling" => "Who sells",
        "serving" => "Who serves customers",
        "headcount" => "Headcount",
        "account_tiers" => "Account tiers",
        other => other,
    }
    .to_owned()
}

/// `hiring_plan[3].month` → (3, "month").
#[must_use]
pub fn hire_path(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("hiring_plan[")?;
    let (row, field) = rest.split_once("].")?;
    Some((row.parse().ok()?, field))
}

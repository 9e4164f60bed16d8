//! One parameter as typed: its form (a number or a range) and the text of
//! each of its numbers, read the way people type them.

use serde::{Deserialize, Serialize};

use crate::app::view::format::plain;
use crate::sim::params::{ParamSpec, Unit};
use crate::sim::uncertain::Uncertain;
use crate::sim::validate::allowed_range;

/// How a parameter is given: one number, or a distribution drawn once per run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    Fixed,
    Uniform,
    Triangular,
    /// Given as a 90% interval (5th and 95th percentiles).
    Normal,
    /// Given as a 90% interval (5th and 95th percentiles), both above 0.
    Lognormal,
}

impl Form {
    pub const ALL: [Form; 5] = [
        Form::Fixed,
        Form::Uniform,
        Form::Triangular,
        Form::Normal,
        Form::Lognormal,
    ];

    #[must_use]
    pub fn of(value: &Uncertain) -> Form {
        match value {
            Uncertain::Fixed(_) => Form::Fixed,
            Uncertain::Uniform { .. } => Form::Uniform,
            Uncertain::Triangular { .. } => Form::Triangular,
            Uncertain::Normal { .. } => Form::Normal,
            Uncertain::Lognormal { .. } => Form::Lognormal,
        }
    }

    /// The name in the form picker.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Form::Fixed => "A number",
            Form::Uniform => "Range: any value equally likely",
            Form::Triangular => "Range with a most likely value",
            Form::Normal => "Bell curve: 90% between",
            Form::Lognormal => "Skewed bell curve: 90% between",
        }
    }

    /// The bounds the form is typed as, in the order they are shown.
    #[must_use]
    pub fn bounds(self) -> &'static [Bound] {
        match self {
            Form::Fixed => &[],
            Form::Triangular => &[Bound::Low, Bound::Mode, Bound::High],
            Form::Uniform | Form::Normal | Form::Lognormal => &[Bound::Low, Bound::High],
        }
    }

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Form::Fixed => "fixed",
            Form::Uniform => "uniform",
            Form::Triangular => "triangular",
            Form::Normal => "normal",
            Form::Lognormal => "lognormal",
        }
    }

    #[must_use]
    pub fn from_key(key: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|form| form.key() == key)
    }
}

/// One typed end (or the middle) of a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Low,
    Mode,
    High,
}

impl Bound {
    /// What the bound means in this form: the ends of a uniform or
    /// triangular range are its limits, those of a bell curve its 5th and
    /// 95th percentiles.
    #[must_use]
    pub fn label(self, form: Form) -> &'static str {
        match (self, form) {
            (Bound::Mode, _) => "most likely",
            (Bound::Low, Form::Normal | Form::Lognormal) => "5th percentile",
            (Bound::High, Form::Normal | Form::Lognormal) => "95th percentile",
            (Bound::Low, _) => "lowest",
            (Bound::High, _) => "highest",
        }
    }
}

/// One parameter as typed: its form and the text of each of its numbers.
/// The fixed value's text is kept while a range is shown (and the bounds'
/// while a number is), so switching back and forth loses nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParamDraft {
    pub form: Form,
    pub value: String,
    pub low: String,
    pub mode: String,
    pub high: String,
}

impl ParamDraft {
    /// The texts of a value the engine accepted.
    #[must_use]
    pub fn from_uncertain(value: &Uncertain) -> Self {
        let form = Form::of(value);
        let (low, high) = if form == Form::Fixed {
            (String::new(), String::new())
        } else {
            let (low, high) = value.span();
            (plain(low), plain(high))
        };
        let mode = match value {
            Uncertain::Triangular { mode, .. } => plain(*mode),
            _ => String::new(),
        };
        ParamDraft {
            form,
            value: plain(value.central()),
            low,
            mode,
            high,
        }
    }

    #[must_use]
    pub fn bound(&self, bound: Bound) -> &str {
        match bound {
            Bound::Low => &self.low,
            Bound::Mode => &self.mode,
            Bound::High => &self.high,
        }
    }

    pub(super) fn bound_mut(&mut self, bound: Bound) -> &mut String {
        match bound {
            Bound::Low => &mut self.low,
            Bound::Mode => &mut self.mode,
            Bound::High => &mut self.high,
        }
    }

    /// The value the texts give, or a message for the first text that is
    /// not a number (ranges and shapes are then the engine's to judge).
    ///
    /// # Errors
    /// A sentence naming the allowed range, e.g. `must be a number between
    /// 0 and 24 months, got "soon"`.
    pub fn parse(&self, spec: &ParamSpec) -> Result<Uncertain, String> {
        let read = |text: &str, what: Option<Bound>| {
            parse_number(text, spec.unit).ok_or_else(|| not_a_number(spec, what.map(|b| b.label(self.form)), text))
        };
        Ok(match self.form {
            Form::Fixed => Uncertain::Fixed(read(&self.value, None)?),
            Form::Uniform => Uncertain::Uniform {
                min: read(&self.low, Some(Bound::Low))?,
                max: read(&self.high, Some(Bound::High))?,
            },
            Form::Triangular => Uncertain::Triangular {
                min: read(&self.low, Some(Bound::Low))?,
                mode: read(&self.mode, Some(Bound::Mode))?,
                max: read(&self.high, Some(Bound::High))?,
            },
            Form::Normal => Uncertain::Normal {
                low: read(&self.low, Some(Bound::Low))?,
                high: read(&self.high, Some(Bound::High))?,
            },
            Form::Lognormal => Uncertain::Lognormal {
                low: read(&self.low, Some(Bound::Low))?,
                high: read(&self.high, Some(Bound::High))?,
            },
        })
    }

    /// Switches the form, filling bounds never typed with a range around
    /// the value (±20%, inside the allowed range), so the picture has
    /// something to show and the user adjusts rather than starts blank.
    pub(super) fn switch_to(&mut self, form: Form, spec: &ParamSpec) {
        self.form = form;
        if form == Form::Fixed {
            return;
        }
        let centre = parse_number(&self.value, spec.unit).unwrap_or(spec.default);
        let (low, high) = suggested_range(spec, centre, form);
        let typed_low = parse_number(&self.low, spec.unit);
        // A lognormal cannot reach 0: a low end at or below it, typed for
        // another form, is replaced rather than refused.
        let impossible = form == Form::Lognormal && typed_low.is_some_and(|v| v <= 0.0) && low > 0.0;
        if typed_low.is_none() || impossible {
            self.low = plain(low);
        }
        if parse_number(&self.high, spec.unit).is_none() {
            self.high = plain(high);
        }
        if form == Form::Triangular && parse_number(&self.mode, spec.unit).is_none() {
            self.mode = plain(centre);
        }
    }
}

/// ±20% around `centre` (at least a tenth of the allowed range when the
/// centre is 0), kept inside the allowed range, rounded to three
/// significant digits or whole numbers; a lognormal's low end above 0.
fn suggested_range(spec: &ParamSpec, centre: f64, form: Form) -> (f64, f64) {
    const SPREAD: f64 = 0.2;
    let half = if centre == 0.0 {
        0.1 * (spec.max - spec.min)
    } else {
        SPREAD * centre.abs()
    };
    let round = |x: f64| {
        if spec.integer { x.round() } else { significant(x, 3) }
    };
    let mut low = round((centre - half).clamp(spec.min, spec.max));
    let mut high = round((centre + half).clamp(spec.min, spec.max));
    if spec.integer && low == high {
        high = (high + 1.0).min(spec.max);
        low = (low - 1.0).max(spec.min).min(centre);
    }
    if form == Form::Lognormal && low <= 0.0 && high > 0.0 {
        low = round(high / 4.0).max(f64::MIN_POSITIVE);
    }
    (low, high)
}

fn significant(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

/// Reads a typed number: thousands separators and spaces are ignored,
/// a leading "$" is allowed, the typographic minus reads as minus, and a
/// share may be typed as a percentage ("15%" is 0.15). Anything else that
/// is not a finite number is `None`.
#[must_use]
pub fn parse_number(text: &str, unit: Unit) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '$' | '\u{a0}' | '\u{202f}' | '\u{2060}'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    let is_share = matches!(unit, Unit::Share | Unit::SharePerMonth | Unit::SharePerYear);
    let (digits, scale) = match cleaned.strip_suffix('%') {
        Some(digits) if is_share => (digits, 0.01),
        Some(_) => return None,
        None => (cleaned.as_str(), 1.0),
    };
    // Rust also reads "inf" and "NaN", which no one means as a number here.
    if !digits
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
    {
        return None;
    }
    digits.parse::<f64>().ok().map(|v| v * scale).filter(|v| v.is_finite())
}

fn shown(text: &str) -> String {
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text.to_owned()
    }
}

fn not_a_number(spec: &ParamSpec, bound: Option<&str>, text: &str) -> String {
    let range = allowed_range(spec);
    let subject = bound.map_or_else(String::new, |b| format!("the {b} "));
    if text.trim().is_empty() {
        format!("{subject}is required: a number {range}")
    } else {
        format!("{subject}must be a number {range}, got \"{}\"", shown(text))
    }
}

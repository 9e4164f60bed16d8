//! Uncertain inputs: a parameter may be a fixed number or a distribution,
//! sampled once per run ("win rate 18–26%"), as Guesstimate and Squiggle
//! users expect.
//!
//! In a scenario file a value is either a bare number or an object with one
//! key naming the shape:
//! `{"uniform": {"min": a, "max": b}}`,
//! `{"triangular": {"min": a, "mode": m, "max": b}}`,
//! `{"normal": {"low": a, "high": b}}` and `{"lognormal": {"low": a, "high": b}}`
//! where low and high are the 90% interval (5th and 95th percentiles), the
//! way people state a range. Normal and lognormal draws are truncated to the
//! parameter's allowed range by rejection (then clamped after 64 tries, which
//! only happens when almost all of the mass lies outside the range).

use rand::{Rng, RngExt};
use rand_distr::{Distribution, StandardNormal};
use serde::{Deserialize, Serialize};

/// z-score of the 95th percentile: the 90% interval is mean ± 1.645 sd.
const Z90: f64 = 1.644_853_626_951_472_2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Uncertain {
    Fixed(f64),
    Uniform { min: f64, max: f64 },
    Triangular { min: f64, mode: f64, max: f64 },
    Normal { low: f64, high: f64 },
    Lognormal { low: f64, high: f64 },
}

impl Uncertain {
    /// The value a fixed run would use: the centre of the distribution
    /// (the median for normal and lognormal, the mode for triangular).
    #[must_use]
    pub fn central(&self) -> f64 {
        match *self {
            Uncertain::Fixed(v) => v,
            Uncertain::Uniform { min, max } => 0.5 * (min + max),
            Uncertain::Triangular { mode, .. } => mode,
            Uncertain::Normal { low, high } => 0.5 * (low + high),
            Uncertain::Lognormal { low, high } => (low * high).sqrt(),
        }
    }

    /// The smallest and largest value the distribution is meant to cover
    /// (the 90% interval for normal and lognormal), for tornado ranges and the app.
    #[must_use]
    pub fn span(&self) -> (f64, f64) {
        match *self {
            Uncertain::Fixed(v) => (v, v),
            Uncertain::Uniform { min, max } | Uncertain::Triangular { min, max, .. } => (min, max),
            Uncertain::Normal { low, high } | Uncertain::Lognormal { low, high } => (low, high),
        }
    }

    #[must_use]
    pub fn is_fixed(&self) -> bool {
        matches!(self, Uncertain::Fixed(_))
    }

    /// Problems with the shape itself, independent of the parameter's range.
    #[must_use]
    pub fn shape_problem(&self) -> Option<String> {
        let finite = |values: &[f64]| values.iter().all(|v| v.is_finite());
        match *self {
            Uncertain::Fixed(v) if !v.is_finite() => Some("must be a finite number".into()),
            Uncertain::Uniform { min, max } if !finite(&[min, max]) || min > max => {
                Some(format!("uniform needs min ≤ max, got min {min} and max {max}"))
            }
            Uncertain::Triangular { min, mode, max } if !(finite(&[min, mode, max]) && min <= mode && mode <= max) => {
                Some(format!("triangular needs min ≤ mode ≤ max, got {min}, {mode}, {max}"))
            }
            Uncertain::Normal { low, high } if !finite(&[low, high]) || low > high => {
                Some(format!("normal needs low ≤ high, got low {low} and high {high}"))
            }
            Uncertain::Lognormal { low, high } if !finite(&[low, high]) || low <= 0.0 || low > high => {
                Some(format!("lognormal needs 0 < low ≤ high, got low {low} and high {high}"))
            }
            _ => None,
        }
    }

    /// One draw, kept inside `[min, max]`.
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R, min: f64, max: f64) -> f64 {
        let value = match *self {
            Uncertain::Fixed(v) => v,
            Uncertain::Uniform { min: a, max: b } => a + (b - a) * rng.random::<f64>(),
            Uncertain::Triangular {
                min: a,
                mode: c,
                max: b,
            } => triangular(rng.random::<f64>(), a, c, b),
            Uncertain::Normal { low, high } => {
                let mean = 0.5 * (low + high);
                let sd = (high - low) / (2.0 * Z90);
                truncated(rng, min, max, |z| mean + sd * z)
            }
            Uncertain::Lognormal { low, high } => {
                let mu = 0.5 * (low.ln() + high.ln());
                let sigma = (high.ln() - low.ln()) / (2.0 * Z90);
                truncated(rng, min, max, |z| (mu + sigma * z).exp())
            }
        };
        value.clamp(min, max)
    }
}

impl From<f64> for Uncertain {
    fn from(value: f64) -> Self {
        Uncertain::Fixed(value)
    }
}

/// Inverse CDF of the triangular distribution.
fn triangular(u: f64, a: f64, c: f64, b: f64) -> f64 {
    if b <= a {
        return a;
    }
    let split = (c - a) / (b - a);
    if u < split {
        a + (u * (b - a) * (c - a)).sqrt()
    } else {
        b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
    }
}

fn truncated<R: Rng + ?Sized>(rng: &mut R, min: f64, max: f64, transform: impl Fn(f64) -> f64) -> f64 {
    let mut value = 0.0;
    for _ in 0..64 {
        let z: f64 = StandardNormal.sample(rng);
        value = transform(z);
        if value >= min && value <= max {
            return value;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;

    fn draws(shape: &Uncertain, n: usize) -> Vec<f64> {
        let mut rng = Pcg64Mcg::seed_from_u64(7);
        (0..n).map(|_| shape.sample(&mut rng, f64::MIN, f64::MAX)).collect()
    }

    fn mean(values: &[f64]) -> f64 {
        values.iter().sum::<f64>() / values.len() as f64
    }

    #[test]
    fn triangular_mean_is_a_third_of_its_corners_within_four_standard_errors() {
        let (a, c, b) = (0.18, 0.20, 0.26);
        let values = draws(
            &Uncertain::Triangular {
                min: a,
                mode: c,
                max: b,
            },
            40_000,
        );
        let variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
        let se = (variance / values.len() as f64).sqrt();
        assert!((mean(&values) - (a + b + c) / 3.0).abs() < 4.0 * se);
        assert!(values.iter().all(|v| (a..=b).contains(v)));
    }

    #[test]
    fn normal_and_lognormal_put_ninety_percent_inside_low_high() {
        for shape in [
            Uncertain::Normal { low: 10.0, high: 20.0 },
            Uncertain::Lognormal { low: 10.0, high: 40.0 },
        ] {
            let values = draws(&shape, 40_000);
            let inside = values.iter().filter(|v| (10.0..=shape.span().1).contains(*v)).count() as f64 / 40_000.0;
            // binomial standard error of a 90% share over 40,000 draws is 0.0015: allow 4 of them
            assert!((inside - 0.9).abs() < 0.006, "{shape:?}: {inside}");
        }
    }

    #[test]
    fn draws_are_truncated_to_the_parameter_range() {
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        let shape = Uncertain::Normal { low: -1.0, high: 1.0 };
        for _ in 0..1000 {
            let v = shape.sample(&mut rng, 0.0, 0.5);
            assert!((0.0..=0.5).contains(&v));
        }
    }

    #[test]
    fn malformed_shapes_are_named() {
        assert!(
            Uncertain::Uniform { min: 2.0, max: 1.0 }
                .shape_problem()
                .unwrap()
                .contains("min ≤ max")
        );
        assert!(
            Uncertain::Lognormal { low: 0.0, high: 1.0 }
                .shape_problem()
                .unwrap()
                .contains("0 < low")
        );
        assert!(
            Uncertain::Triangular {
                min: 0.0,
                mode: 2.0,
                max: 1.0
            }
            .shape_problem()
            .is_some()
        );
        assert!(Uncertain::Fixed(3.0).shape_problem().is_none());
    }
}

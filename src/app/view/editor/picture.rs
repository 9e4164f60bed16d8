//! The small picture beside a ranged parameter: the density of the
//! distribution as typed, drawn as a filled curve, so "10 to 20, normal"
//! and "10 to 20, lognormal" look as different as they are.
//!
//! The curve is cut at the parameter's allowed range, as the engine's
//! draws are; its height is scaled to the picture, as only the shape is
//! meant to be read.

use crate::app::view::format::plain;
use crate::sim::params::ParamSpec;
use crate::sim::uncertain::Uncertain;

pub const PICTURE_WIDTH: f64 = 160.0;
pub const PICTURE_HEIGHT: f64 = 40.0;
/// Points along the curve: smooth at this size, small in the page.
const SAMPLES: usize = 96;
/// z of the 95th percentile: low and high of a bell curve are mean ± 1.645 sd
/// (the engine's `uncertain.rs` reads them the same way).
const Z90: f64 = 1.644_853_626_951_472_2;
/// A bell curve is drawn to three standard deviations either side (99.7%).
const TAILS_IN_SD: f64 = 3.0;
/// The room left either side of a uniform or triangular range.
const EDGE_PADDING: f64 = 0.08;

/// The picture, in the pixels of a `PICTURE_WIDTH` × `PICTURE_HEIGHT` viewBox.
#[derive(Clone, Debug, PartialEq)]
pub struct DensityPicture {
    /// The closed outline of the area under the curve (SVG path data).
    pub area: String,
    /// The curve's points, left to right, y down from the top.
    pub points: Vec<(f64, f64)>,
    /// Where the typed bounds sit across the picture (x in pixels).
    pub marks: Vec<f64>,
    /// The picture in words, for its accessible name and caption.
    pub label: String,
}

/// The density of a normal with mean 0 and sd 1 (its constant dropped: the
/// height is scaled anyway).
fn bell(z: f64) -> f64 {
    (-0.5 * z * z).exp()
}

/// The shape's (unnormalised) density at `x`, and the span it is drawn over.
/// A density (unnormalised) and the span it is drawn over.
type Shape = (Box<dyn Fn(f64) -> f64>, f64, f64);

fn shape(value: &Uncertain) -> Option<Shape> {
    match *value {
        Uncertain::Fixed(_) => None,
        Uncertain::Uniform { min, max } if max > min => {
            let pad = EDGE_PADDING * (max - min);
            Some((
                Box::new(move |x| if (min..=max).contains(&x) { 1.0 } else { 0.0 }),
                min - pad,
                max + pad,
            ))
        }
        Uncertain::Triangular { min, mode, max } if max > min => {
            let pad = EDGE_PADDING * (max - min);
            let density = move |x: f64| {
                if x < min || x > max {
                    0.0
                } else if x <= mode {
                    if mode > min { (x - min) / (mode - min) } else { 1.0 }
                } else if max > mode {
                    (max - x) / (max - mode)
                } else {
                    1.0
                }
            };
            Some((Box::new(density), min - pad, max + pad))
        }
        Uncertain::Normal { low, high } if high > low => {
            let mean = 0.5 * (low + high);
            let sd = (high - low) / (2.0 * Z90);
            Some((
                Box::new(move |x| bell((x - mean) / sd)),
                mean - TAILS_IN_SD * sd,
                mean + TAILS_IN_SD * sd,
            ))
        }
        Uncertain::Lognormal { low, high } if high > low && low > 0.0 => {
            let mu = 0.5 * (low.ln() + high.ln());
            let sigma = (high.ln() - low.ln()) / (2.0 * Z90);
            Some((
                Box::new(move |x| if x > 0.0 { bell((x.ln() - mu) / sigma) / x } else { 0.0 }),
                (mu - TAILS_IN_SD * sigma).exp(),
                (mu + TAILS_IN_SD * sigma).exp(),
            ))
        }
        _ => None,
    }
}

/// The picture of `value` for the parameter `spec`; `None` for a fixed
/// number or a shape that has no width yet (low = high, or ends crossed).
#[must_use]
pub fn density_picture(value: &Uncertain, spec: &ParamSpec) -> Option<DensityPicture> {
    if value.shape_problem().is_some() {
        return None;
    }
    let (density, from, to) = shape(value)?;
    let (from, to) = (from.max(spec.min), to.min(spec.max));
    if to.partial_cmp(&from) != Some(std::cmp::Ordering::Greater) {
        return None;
    }
    let (low, high) = value.span();
    let mut marks_at = vec![low, high];
    if let Uncertain::Triangular { mode, .. } = value {
        marks_at.insert(1, *mode);
    }
    // Even steps, plus the bounds themselves, so the corners of a uniform
    // or triangular shape and the 90% interval fall on points.
    let mut xs: Vec<f64> = (0..=SAMPLES)
        .map(|i| from + (to - from) * i as f64 / SAMPLES as f64)
        .chain(marks_at.iter().copied().filter(|x| (from..=to).contains(x)))
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    let heights: Vec<f64> = xs.iter().map(|x| density(*x)).collect();
    let tallest = heights.iter().copied().fold(0.0, f64::max);
    if tallest <= 0.0 || !tallest.is_finite() {
        return None;
    }
    let px = |x: f64| (x - from) / (to - from) * PICTURE_WIDTH;
    // One pixel of room at the top so the peak's stroke shows.
    let py = |h: f64| PICTURE_HEIGHT - h / tallest * (PICTURE_HEIGHT - 1.0);
    let points: Vec<(f64, f64)> = xs.iter().zip(&heights).map(|(x, h)| (px(*x), py(*h))).collect();
    let mut area = format!("M{:.2},{:.2}", 0.0, PICTURE_HEIGHT);
    for (x, y) in &points {
        area.push_str(&format!(" L{x:.2},{y:.2}"));
    }
    area.push_str(&format!(" L{PICTURE_WIDTH:.2},{PICTURE_HEIGHT:.2} Z"));
    let marks = marks_at
        .iter()
        .filter(|x| (from..=to).contains(*x))
        .map(|x| px(*x))
        .collect();
    Some(DensityPicture {
        area,
        points,
        marks,
        label: describe(value, spec),
    })
}

fn describe(value: &Uncertain, spec: &ParamSpec) -> String {
    let unit = spec.unit.label();
    match *value {
        Uncertain::Fixed(v) => format!("{} {unit}", plain(v)),
        Uncertain::Uniform { min, max } => {
            format!(
                "Any value from {} to {} {unit}, all equally likely",
                plain(min),
                plain(max)
            )
        }
        Uncertain::Triangular { min, mode, max } => format!(
            "From {} to {} {unit}, most likely {}",
            plain(min),
            plain(max),
            plain(mode)
        ),
        Uncertain::Normal { low, high } | Uncertain::Lognormal { low, high } => format!(
            "In 9 futures out of 10 between {} and {} {unit}, half below {}",
            plain(low),
            plain(high),
            plain(value.central())
        ),
    }
}

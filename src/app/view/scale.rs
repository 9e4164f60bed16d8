//! Linear scales and "nice" axis ticks (steps of 1, 2 or 5 times a power of
//! ten), the geometry every chart's view model is built from.

/// Maps a data interval onto a pixel interval, linearly.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    /// A scale from `domain` to `range`; a degenerate domain (both ends
    /// equal, or not finite) is widened so that mapping never divides by 0.
    #[must_use]
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let (mut low, mut high) = domain;
        if !low.is_finite() || !high.is_finite() {
            (low, high) = (0.0, 1.0);
        }
        if low > high {
            std::mem::swap(&mut low, &mut high);
        }
        if high - low <= f64::EPSILON * high.abs().max(1.0) {
            let pad = (low.abs() * 0.1).max(1.0);
            (low, high) = (low - pad, high + pad);
        }
        LinearScale {
            domain: (low, high),
            range,
        }
    }

    /// The pixel position of `value` (not clamped).
    #[must_use]
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The data value at pixel position `pixel` (the inverse of [`Self::map`]).
    #[must_use]
    pub fn invert(&self, pixel: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return d0;
        }
        d0 + (pixel - r0) / (r1 - r0) * (d1 - d0)
    }
}

/// The tick step for about `target` ticks over `span`: 1, 2 or 5 × 10^k.
#[must_use]
pub fn nice_step(span: f64, target: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / target.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    // The step nearest the raw one on a log scale (the thresholds are the
    // geometric means of neighbouring steps, as d3's ticks use).
    let nice = if fraction >= 50f64.sqrt() {
        10.0
    } else if fraction >= 10f64.sqrt() {
        5.0
    } else if fraction >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    nice * power
}

/// Ticks covering `[low, high]`: multiples of a nice step, the first at or
/// below `low` and the last at or above `high`, so the axis ends on ticks.
#[must_use]
pub fn nice_ticks(low: f64, high: f64, target: usize) -> Vec<f64> {
    let scale = LinearScale::new((low, high), (0.0, 1.0));
    let (low, high) = scale.domain;
    let step = nice_step(high - low, target);
    // A little slack, so a bound that lies on a tick in exact arithmetic
    // (0.14 / 0.02 is 7.000000000000001 in floating point) adds no tick.
    let first = (low / step + 1e-9).floor();
    let last = (high / step - 1e-9).ceil();
    let steps = (last - first) as i64;
    // Rounded to the step's decimals, so a tick reads 0.6, not 0.6000000000000001.
    let decimals = (-step.log10().floor()).max(0.0) as i32;
    let unit = 10f64.powi(decimals);
    (0..=steps)
        // + 0.0 turns a -0.0 tick into 0.
        .map(|i| ((first + i as f64) * step * unit).round() / unit + 0.0)
        .collect()
}

/// A linear axis: the ticks and the scale whose domain ends on them.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub scale: LinearScale,
    pub ticks: Vec<f64>,
}

impl Axis {
    /// An axis over data from `low` to `high`, drawn from `range.0` to
    /// `range.1` pixels, with about `target` ticks.
    #[must_use]
    pub fn nice(low: f64, high: f64, range: (f64, f64), target: usize) -> Self {
        let ticks = nice_ticks(low, high, target);
        let domain = match (ticks.first(), ticks.last()) {
            (Some(first), Some(last)) => (*first, *last),
            _ => (low, high),
        };
        Axis {
            scale: LinearScale::new(domain, range),
            ticks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scale_maps_and_inverts_including_flipped_pixel_ranges() {
        let y = LinearScale::new((0.0, 100.0), (300.0, 0.0));
        assert_eq!(y.map(0.0), 300.0);
        assert_eq!(y.map(100.0), 0.0);
        assert_eq!(y.map(25.0), 225.0);
        assert_eq!(y.invert(225.0), 25.0);
    }

    #[test]
    fn a_degenerate_domain_is_widened_instead_of_dividing_by_zero() {
        let s = LinearScale::new((5.0, 5.0), (0.0, 10.0));
        assert!(s.domain.0 < 5.0 && s.domain.1 > 5.0);
        assert!(s.map(5.0).is_finite());
        let s = LinearScale::new((f64::NAN, 1.0), (0.0, 10.0));
        assert!(s.map(0.5).is_finite());
    }

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(10.0, 5), 2.0);
        assert_eq!(nice_step(24_000_000.0, 5), 5_000_000.0);
        assert_eq!(nice_step(0.9, 5), 0.2);
        assert_eq!(nice_step(100.0, 10), 10.0);
    }

    #[test]
    fn ticks_cover_the_data_and_land_on_round_numbers() {
        let ticks = nice_ticks(-1_300_000.0, 24_100_000.0, 5);
        assert_eq!(ticks.first(), Some(&-5_000_000.0));
        assert_eq!(ticks.last(), Some(&25_000_000.0));
        assert!(ticks.contains(&0.0));
        assert!(ticks.windows(2).all(|w| (w[1] - w[0] - 5_000_000.0).abs() < 1e-6));
        let shares = nice_ticks(0.0, 1.0, 5);
        assert_eq!(shares, vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    }

    #[test]
    fn a_bound_on_a_tick_adds_no_tick_beyond_it() {
        assert_eq!(nice_ticks(0.0, 0.14, 7).last(), Some(&0.14));
        assert_eq!(nice_ticks(-0.3, 0.0, 3).first(), Some(&-0.3));
    }

    #[test]
    fn an_axis_domain_ends_on_its_outer_ticks() {
        let axis = Axis::nice(3.0, 97.0, (0.0, 500.0), 5);
        assert_eq!(axis.scale.domain, (0.0, 100.0));
        assert_eq!(axis.scale.map(100.0), 500.0);
    }
}

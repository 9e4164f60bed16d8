//! An exponential of our own for the engine's hot paths (deal sizes, small
//! Poisson means, attrition hazards).
//!
//! Two reasons: the platform `exp` is a library call that costs about twice
//! this inline version, and it differs between builds (glibc natively, a
//! port of musl in WebAssembly), so the app and the command line could
//! disagree in the last bit. This one is plain `f64` arithmetic with no fused
//! multiply-add, so it gives the same bits everywhere.
//!
//! Method: `x = (32m + j) · ln2/32 + r` with `|r| ≤ ln2/64`, so
//! `e^x = 2^m · 2^(j/32) · e^r`; `2^(j/32)` comes from a table and `e^r` from
//! its Taylor polynomial of degree 6 (truncation below `r^7/7! < 4e-18`),
//! evaluated by Estrin's scheme.
//! Tested against the library `exp`: within 2^-51 relative (two units in the
//! last place) everywhere it is used.

/// `2^(j/32)` for `j = 0..32`, correctly rounded (checked by a test against `exp2`).
const TWO_TO_J_OVER_32: [u64; 32] = [
    0x3ff0_0000_0000_0000,
    0x3ff0_59b0_d315_8574,
    0x3ff0_b558_6cf9_890f,
    0x3ff1_1301_d012_5b51,
    0x3ff1_72b8_3c7d_517b,
    0x3ff1_d487_3168_b9aa,
    0x3ff2_387a_6e75_6238,
    0x3ff2_9e9d_f51f_dee1,
    0x3ff3_06fe_0a31_b715,
    0x3ff3_71a7_373a_a9cb,
    0x3ff3_dea6_4c12_3422,
    0x3ff4_4e08_6061_892d,
    0x3ff4_bfda_d536_2a27,
    0x3ff5_342b_569d_4f82,
    0x3ff5_ab07_dd48_5429,
    0x3ff6_247e_b03a_5585,
    0x3ff6_a09e_667f_3bcd,
    0x3ff7_1f75_e8ec_5f74,
    0x3ff7_a114_73eb_0187,
    0x3ff8_2589_994c_ce13,
    0x3ff8_ace5_422a_a0db,
    0x3ff9_3737_b0cd_c5e5,
    0x3ff9_c491_82a3_f090,
    0x3ffa_5503_b23e_255d,
    0x3ffa_e89f_995a_d3ad,
    0x3ffb_7f76_f2fb_5e47,
    0x3ffc_199b_dd85_529c,
    0x3ffc_b720_dcef_9069,
    0x3ffd_5818_dcfb_a487,
    0x3ffd_fc97_337b_9b5f,
    0x3ffe_a4af_a2a4_90da,
    0x3fff_5076_5b6e_4540,
];

const STEPS_PER_LN2: f64 = 46.166_241_308_446_83; // 32 / ln 2
/// ln2/32 split so that `k · LN2_STEP_HIGH` is exact for `|k| < 2^15`
/// (its last 21 bits are zero) and the remainder carries the rest.
const LN2_STEP_HIGH: f64 = 0.021_660_849_386_535_12;
const LN2_STEP_LOW: f64 = 5.963_171_653_970_586_6e-12;
/// Inside this, `2^m` is a normal number and `k` fits the exact split.
const INLINE_LIMIT: f64 = 700.0;

/// `1.5 · 2^52`: adding it to a value `y` with `|y| < 2^51` leaves a double
/// whose unit in the last place is 1, so the addition itself rounds `y` to
/// the nearest integer (ties to even, like `round_ties_even`), and that
/// integer sits in the low bits of the sum.
const ROUNDING_SHIFTER: f64 = 6_755_399_441_055_744.0;

/// The integer held by `y + ROUNDING_SHIFTER` (see [`ROUNDING_SHIFTER`]).
#[inline]
#[allow(clippy::cast_possible_wrap)] // the difference is the signed integer itself
fn shifted_to_integer(shifted: f64) -> i64 {
    shifted.to_bits().wrapping_sub(ROUNDING_SHIFTER.to_bits()) as i64
}

/// Values below this in magnitude round with [`round_to_i64`].
pub const ROUNDING_LIMIT: f64 = 2_251_799_813_685_248.0; // 2^51

/// `y.round_ties_even() as i64` for `|y| < 2^51` ([`ROUNDING_LIMIT`]), in
/// two instructions instead of a rounding and a saturating conversion.
/// Outside that range the result is meaningless (callers check).
#[inline]
#[must_use]
pub fn round_to_i64(y: f64) -> i64 {
    shifted_to_integer(y + ROUNDING_SHIFTER)
}

/// `e^x`; NaN, infinities and `|x| ≥ 700` (results beyond about 1e±304) go
/// to the library routine.
#[inline]
#[must_use]
pub fn exp(x: f64) -> f64 {
    // NaN fails the comparison and takes the library route too.
    if x.abs() < INLINE_LIMIT { exp_inline(x) } else { x.exp() }
}

#[inline]
fn exp_inline(x: f64) -> f64 {
    let shifted = x * STEPS_PER_LN2 + ROUNDING_SHIFTER;
    let steps = shifted - ROUNDING_SHIFTER;
    let r = (x - steps * LN2_STEP_HIGH) - steps * LN2_STEP_LOW;
    let k = shifted_to_integer(shifted);
    // Estrin's scheme: independent pieces joined by powers of r, half the
    // chain of dependent operations of Horner's (deal sizes wait on it).
    let r2 = r * r;
    let low = 1.0 + r;
    let middle = 1.0 / 2.0 + r * (1.0 / 6.0);
    let high = (1.0 / 24.0 + r * (1.0 / 120.0)) + r2 * (1.0 / 720.0);
    let polynomial = low + r2 * (middle + r2 * high);
    // Adding m to the table entry's exponent field multiplies it by 2^m.
    #[allow(clippy::cast_sign_loss)] // two's complement wrap is the intent
    let scaled = TWO_TO_J_OVER_32[(k & 31) as usize].wrapping_add(((k >> 5) as u64) << 52);
    f64::from_bits(scaled) * polynomial
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relative_error(x: f64) -> f64 {
        let exact = x.exp();
        ((exp(x) - exact) / exact).abs()
    }

    #[test]
    fn table_holds_powers_of_two_to_the_nearest_bit() {
        for (j, bits) in TWO_TO_J_OVER_32.iter().enumerate() {
            let library = (j as f64 / 32.0).exp2().to_bits();
            assert_eq!(*bits, library, "2^({j}/32)");
        }
    }

    #[test]
    fn agrees_with_the_library_within_two_units_in_the_last_place() {
        let bound = 2.0f64.powi(-51);
        let mut worst = 0.0f64;
        // dense where the engine lives (log deal sizes, Poisson means, hazards) …
        for i in -400_000..=400_000 {
            worst = worst.max(relative_error(f64::from(i) * 5e-5));
        }
        // … and across the whole inline range
        for i in -100_000..=100_000 {
            worst = worst.max(relative_error(f64::from(i) * 0.006_999_9));
        }
        assert!(worst <= bound, "worst relative error {worst:e} above {bound:e}");
        assert_eq!(exp(0.0), 1.0);
    }

    #[test]
    fn shifter_rounding_equals_round_ties_even() {
        let limit = ROUNDING_LIMIT;
        let cases = [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -0.5,
            -1.5,
            -2.5,
            0.499_999_999_999_999_94,
            3.7,
            -3.7,
            1e9 + 0.5,
            -1e15 - 0.5,
            limit - 0.5,
            -limit + 0.5,
            limit - 1.0,
            123_456.789,
        ];
        for y in cases {
            #[allow(clippy::cast_possible_truncation)]
            let expected = y.round_ties_even() as i64;
            assert_eq!(round_to_i64(y), expected, "{y}");
        }
    }

    #[test]
    fn out_of_range_and_special_values_match_the_library() {
        for x in [
            700.0,
            709.7,
            710.0,
            -700.0,
            -745.2,
            -800.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(exp(x).to_bits(), x.exp().to_bits(), "{x}");
        }
        assert!(exp(f64::NAN).is_nan());
        let near_limit = exp(699.9);
        assert!(near_limit.is_finite() && relative_error(699.9) <= 2.0f64.powi(-51));
    }
}

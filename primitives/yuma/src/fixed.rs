//! Deterministic unsigned fixed point: [`Fixed`] holds a value in `[0, 16)` as a `u64` with 60
//! fractional bits ("U4F60").
//!
//! Every value the epoch manipulates is a proportion in `[0, 1]` (normalized stake, weights,
//! consensus, trust, incentive, dividends, bonds, alphas), so 4 integer bits are ample headroom and
//! the 60 fractional bits give a resolution of 2⁻⁶⁰ ≈ 8.7·10⁻¹⁹ — far finer than the 2⁻³² of the
//! reference chain's `I32F32`. All operations round toward zero (floor) unless stated otherwise,
//! which keeps results identical on every platform and makes decays monotone: a bond multiplied
//! by `1 − α` strictly shrinks until it reaches exactly zero.
//!
//! Accumulations over many entries are done in `u128` "bit" space (sums of raw `u64` bit patterns)
//! rather than with saturating `Fixed` additions: integer addition is associative, so a sum does not
//! depend on the order its terms are visited in. This is what lets the sparse epoch and the dense
//! reference produce bit-identical results.

use codec::{Decode, Encode, MaxEncodedLen};
use core::fmt;
use scale_info::TypeInfo;

/// Number of fractional bits of [`Fixed`].
pub const FRAC_BITS: u32 = 60;

/// `ln 2 · 2⁶⁰`, rounded to nearest (`0.69314718055994530941…`).
const LN2_BITS: u128 = 799_144_290_325_165_979;

/// Largest numerator for which `num << FRAC_BITS` cannot overflow a `u128`.
const FAST_RATIO_LIMIT: u128 = 1 << (128 - FRAC_BITS);

/// Unsigned fixed-point number with 60 fractional bits (U4F60); see the [module docs](self).
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Hash,
	Encode,
	Decode,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Fixed(u64);

impl Fixed {
	/// 0.
	pub const ZERO: Fixed = Fixed(0);
	/// 1.
	pub const ONE: Fixed = Fixed(1 << FRAC_BITS);
	/// ½.
	pub const HALF: Fixed = Fixed(1 << (FRAC_BITS - 1));
	/// Largest representable value, just below 16.
	pub const MAX: Fixed = Fixed(u64::MAX);

	/// Wraps a raw bit pattern (value = `bits / 2⁶⁰`).
	pub const fn from_bits(bits: u64) -> Self {
		Fixed(bits)
	}

	/// The raw bit pattern (value = `bits / 2⁶⁰`).
	pub const fn to_bits(self) -> u64 {
		self.0
	}

	/// Whether the value is exactly zero.
	pub const fn is_zero(self) -> bool {
		self.0 == 0
	}

	/// `⌊num / den⌋` in fixed point, saturating at [`Fixed::MAX`]; a zero denominator yields zero
	/// (the "normalize an all-zero vector" convention of the reference chain).
	///
	/// Exact (floor of the true quotient) whenever `num < 2⁶⁸`, which covers every call in this
	/// crate: stakes are `u64` and fixed-point numerators are `u64` bit patterns. Larger numerators
	/// are shifted down together with the denominator first, which is still deterministic.
	pub fn from_ratio(num: u128, den: u128) -> Self {
		if den == 0 {
			return Fixed::ZERO;
		}
		let (num, den) = if num < FAST_RATIO_LIMIT {
			(num, den)
		} else {
			let shift = (128 - num.leading_zeros()).saturating_sub(128 - FRAC_BITS - 1);
			(num >> shift, den >> shift)
		};
		if den == 0 {
			return Fixed::MAX;
		}
		let quotient = (num << FRAC_BITS) / den;
		Fixed(u64::try_from(quotient).unwrap_or(u64::MAX))
	}

	/// Interprets a `u16` as a proportion of `u16::MAX` (`65535 ↦ 1`), rounding **up**.
	///
	/// Rounding up makes [`Fixed::to_u16_proportion`] an exact inverse: a `u16` loaded from storage
	/// and written back unchanged keeps its value, instead of losing one unit per epoch as a
	/// floor/floor round trip would.
	pub fn from_u16_proportion(value: u16) -> Self {
		let num = u128::from(value) << FRAC_BITS;
		let den = u128::from(u16::MAX);
		let quotient = num.div_ceil(den);
		// value ≤ 65535 ⇒ quotient ≤ 2⁶⁰, always fits.
		Fixed(u64::try_from(quotient).unwrap_or(u64::MAX))
	}

	/// `⌊self · 65535⌋`, saturating at `u16::MAX`: the reference chain's `u16` storage scale.
	pub fn to_u16_proportion(self) -> u16 {
		let scaled = (u128::from(self.0) * u128::from(u16::MAX)) >> FRAC_BITS;
		u16::try_from(scaled).unwrap_or(u16::MAX)
	}

	/// `⌊self · rhs⌋`, saturating at [`Fixed::MAX`].
	pub fn saturating_mul(self, rhs: Fixed) -> Fixed {
		let product = (u128::from(self.0) * u128::from(rhs.0)) >> FRAC_BITS;
		Fixed(u64::try_from(product).unwrap_or(u64::MAX))
	}

	/// `self + rhs`, saturating at [`Fixed::MAX`].
	pub const fn saturating_add(self, rhs: Fixed) -> Fixed {
		Fixed(self.0.saturating_add(rhs.0))
	}

	/// `self − rhs`, saturating at zero.
	pub const fn saturating_sub(self, rhs: Fixed) -> Fixed {
		Fixed(self.0.saturating_sub(rhs.0))
	}

	/// Converts a `u128` bit-space accumulator back to a `Fixed`, saturating.
	pub(crate) fn from_bit_sum(sum: u128) -> Fixed {
		Fixed(u64::try_from(sum).unwrap_or(u64::MAX))
	}

	/// Lossy conversion for tests and diagnostics only (never used by the epoch).
	#[cfg(test)]
	pub(crate) fn to_f64(self) -> f64 {
		self.0 as f64 / (1u64 << FRAC_BITS) as f64
	}
}

impl fmt::Debug for Fixed {
	/// Prints the value with 12 decimals (truncated), e.g. `Fixed(0.142857142857)`.
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let integer = self.0 >> FRAC_BITS;
		let fraction = u128::from(self.0 & ((1u64 << FRAC_BITS) - 1));
		let decimals = (fraction * 1_000_000_000_000) >> FRAC_BITS;
		write!(f, "Fixed({integer}.{decimals:012})")
	}
}

/// `⌊2⁶⁰ / k!⌋` for `k = 0..20`: the Taylor coefficients of `e^(−r)`. Terms beyond `k = 19` are
/// below 2⁻⁶¹ for `r < ln 2`.
#[allow(clippy::indexing_slicing)] // evaluated at compile time: an out-of-range index fails the build
const INV_FACTORIALS: [u64; 20] = {
	let mut table = [0u64; 20];
	let mut factorial: u64 = 1;
	let mut k = 0;
	while k < table.len() {
		if k > 0 {
			factorial *= k as u64;
		}
		table[k] = (1u64 << FRAC_BITS) / factorial;
		k += 1;
	}
	table
};

/// `e^(−y)` where `y ≥ 0` is given as a `u128` with [`FRAC_BITS`] fractional bits (so arguments
/// far beyond the 16 that fit a [`Fixed`] are accepted).
///
/// Range reduction `y = m·ln 2 + r` with `0 ≤ r < ln 2`, then `e^(−y) = 2^(−m) · e^(−r)`, the
/// latter from its degree-19 Taylor polynomial in alternating Horner form
/// `c₀ − r(c₁ − r(c₂ − …))`, `c_k = 1/k!`. Every inner value lies in `[0, c_k]`, so the
/// subtractions never underflow, and only multiplications are needed (no division). For `m > 60`
/// the result is below half an ulp and is 0.
///
/// Error: the 19 floored products and 20 floored coefficients contribute ≤ 1 ulp each, damped by a
/// factor `r < 0.7` per level (≤ 2 · 1/(1 − r) < 7 ulps in total); the rounded `ln 2` constant
/// (off by 0.27 ulp) perturbs `r` by ≤ 0.27·m ≤ 17 ulps, and `e^(−r)` by no more (slope < 1);
/// truncating the series costs < 1 ulp and the final shift floors once more. The absolute error
/// is therefore below 32 ulps = 2⁻⁵⁵ ≈ 2.8·10⁻¹⁷.
pub fn exp_neg(y: u128) -> Fixed {
	let halvings = y / LN2_BITS;
	if halvings > 60 {
		return Fixed::ZERO;
	}
	let r = y - halvings * LN2_BITS; // < ln 2 < 1
	let e_minus_r = INV_FACTORIALS
		.iter()
		.rev()
		.fold(0u128, |inner, &c| u128::from(c).saturating_sub((inner * r) >> FRAC_BITS));
	let shift = u32::try_from(halvings).unwrap_or(u32::MAX);
	Fixed::from_bit_sum(e_minus_r.checked_shr(shift).unwrap_or(0))
}

/// Logistic function `σ(x) = 1 / (1 + e^(−x))` for `x = ±magnitude`, where `magnitude` is a
/// `u128` with [`FRAC_BITS`] fractional bits. Absolute error below 2⁻⁵⁴ (it inherits the error of
/// [`exp_neg`], damped by `|dσ/de| ≤ 1`, plus one floor). One division per call.
pub fn sigmoid(negative: bool, magnitude: u128) -> Fixed {
	let e = u128::from(exp_neg(magnitude).0);
	let one = u128::from(Fixed::ONE.0);
	if negative {
		// σ(−m) = e^(−m) / (1 + e^(−m))
		Fixed::from_ratio(e, one + e)
	} else {
		// σ(m) = 1 / (1 + e^(−m))
		Fixed::from_ratio(one, one + e)
	}
}

//! Exact `x * y / d` on `u128` with an explicit rounding direction.
//!
//! Share conversions multiply a balance by a total and divide by another total. With 18-decimal
//! assets and a 6-digit share offset the product easily exceeds `u128::MAX` (≈ 3.4 · 10^38) even
//! though the quotient is small, so the product is kept as a 256-bit value (two `u128` words)
//! and divided exactly. Only the final quotient has to fit in `u128`.

use crate::VaultError;

/// Which way a division that does not come out even is rounded.
///
/// The vault always picks the direction that favours the vault (that is, the holders who stay):
/// it rounds *down* what it hands out and rounds *up* what it asks for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Rounding {
	/// Towards zero (floor).
	Down,
	/// Away from zero (ceiling).
	Up,
}

/// Mask selecting the low 64 bits of a `u128`.
const LOW_HALF: u128 = u64::MAX as u128;

/// The full 256-bit product `x * y`, returned as `(high word, low word)`.
///
/// Schoolbook multiplication on 64-bit halves. Every partial product of two 64-bit halves is
/// below `2^128`, so no step can wrap; `wrapping_*` is used only to make that panic-freedom
/// explicit, the bounds are given next to each step.
pub(crate) fn widening_mul(x: u128, y: u128) -> (u128, u128) {
	let (x_high, x_low) = (x >> 64, x & LOW_HALF);
	let (y_high, y_low) = (y >> 64, y & LOW_HALF);

	// Each product of two values below 2^64 is at most (2^64 - 1)^2 < 2^128.
	let low_low = x_low.wrapping_mul(y_low);
	let low_high = x_low.wrapping_mul(y_high);
	let high_low = x_high.wrapping_mul(y_low);
	let high_high = x_high.wrapping_mul(y_high);

	// The 64..128 bit column: three terms each below 2^64, so the sum is below 3 · 2^64.
	let middle =
		(low_low >> 64).wrapping_add(low_high & LOW_HALF).wrapping_add(high_low & LOW_HALF);

	let low = (low_low & LOW_HALF) | (middle << 64);
	// The true product is below 2^256, so its high word fits in u128 and this sum cannot wrap.
	let high = high_high
		.wrapping_add(low_high >> 64)
		.wrapping_add(high_low >> 64)
		.wrapping_add(middle >> 64);
	(high, low)
}

/// Divides the 256-bit value `high · 2^128 + low` by `divisor`.
///
/// Returns `(quotient, remainder)`, or `None` when `divisor` is zero or the quotient does not
/// fit in 128 bits (which is exactly the case `high >= divisor`).
pub(crate) fn div_rem_wide(high: u128, low: u128, divisor: u128) -> Option<(u128, u128)> {
	if divisor == 0 || high >= divisor {
		return None;
	}
	if high == 0 {
		return Some((low.checked_div(divisor)?, low.checked_rem(divisor)?));
	}
	// Binary long division, one quotient bit per step. Invariant: `remainder < divisor` at the
	// start of each step, so after shifting in the next bit the true running value is below
	// `2 · divisor` and a single subtraction brings it back under `divisor`. The running value
	// may need 129 bits; `carry` holds the bit shifted out, and in that case the value is
	// certainly `>= divisor` and the wrapping subtraction yields the exact (128-bit) result.
	let mut remainder = high;
	let mut quotient = 0u128;
	for bit in (0..128).rev() {
		let carry = remainder >> 127;
		remainder = (remainder << 1) | ((low >> bit) & 1);
		quotient <<= 1;
		if carry == 1 || remainder >= divisor {
			remainder = remainder.wrapping_sub(divisor);
			quotient |= 1;
		}
	}
	Some((quotient, remainder))
}

/// Computes `x * y / denominator` exactly, rounded as asked.
///
/// The intermediate product is 256 bits wide, so this only fails when the *result* does not
/// fit in `u128` ([`VaultError::Overflow`]) or `denominator` is zero
/// ([`VaultError::DivisionByZero`]).
///
/// ```
/// use heliox_vault::{mul_div, Rounding};
/// assert_eq!(mul_div(7, 10, 4, Rounding::Down), Ok(17));
/// assert_eq!(mul_div(7, 10, 4, Rounding::Up), Ok(18));
/// // The product overflows u128, the quotient does not.
/// assert_eq!(mul_div(u128::MAX, u128::MAX, u128::MAX, Rounding::Down), Ok(u128::MAX));
/// ```
pub fn mul_div(
	x: u128,
	y: u128,
	denominator: u128,
	rounding: Rounding,
) -> Result<u128, VaultError> {
	if denominator == 0 {
		return Err(VaultError::DivisionByZero);
	}
	let (high, low) = widening_mul(x, y);
	let (quotient, remainder) = div_rem_wide(high, low, denominator).ok_or(VaultError::Overflow)?;
	match rounding {
		Rounding::Up if remainder != 0 => quotient.checked_add(1).ok_or(VaultError::Overflow),
		_ => Ok(quotient),
	}
}

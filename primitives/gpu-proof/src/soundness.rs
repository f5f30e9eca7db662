//! The soundness bound `P[pass] ≤ (1 − e·250/251)^K`, in fixed point.
//!
//! A sample at a dishonestly computed entry passes only if the agent's value happens to equal the
//! true one: the true value is one of 251 (close to uniform) residues, so a guess is right with
//! probability at most 1/251. With a fraction `e` of wrong entries a sample therefore passes
//! with probability at most `(1 − e) + e/251 = 1 − e·250/251`, and `K` independent samples all
//! pass with probability at most `(1 − e·250/251)^K`.
//!
//! Probabilities are `u64` in units of `10⁻¹⁸` ([`PROBABILITY_ONE`] is certainty). Every rounding
//! goes *up* on the pass probability, so [`pass_probability_bound`] stays a valid upper bound
//! and [`detection_probability_bound`] a valid lower bound.

/// Certainty, in units of `10⁻¹⁸`.
pub const PROBABILITY_ONE: u64 = 1_000_000_000_000_000_000;
/// Parts per million: the unit of the wrong-entry fraction `e`.
pub const PPM: u32 = 1_000_000;

/// `⌈a·b / ONE⌉` for `a, b ≤ ONE`.
fn mul_round_up(a: u64, b: u64) -> u64 {
	let one = u128::from(PROBABILITY_ONE);
	// `a·b ≤ 10³⁶ < 2¹²⁸`, and the quotient is `≤ ONE`, so it fits a u64.
	(u128::from(a) * u128::from(b)).div_ceil(one) as u64
}

/// Upper bound on the probability that ONE sample passes when a fraction `e_ppm / 10⁶` of the
/// entries is wrong: `1 − e·250/251`, rounded up. `e_ppm` above `10⁶` is treated as `10⁶`.
pub fn sample_pass_probability(e_ppm: u32) -> u64 {
	let e = u128::from(e_ppm.min(PPM));
	let one = u128::from(PROBABILITY_ONE);
	// `e·ONE·250 ≤ 2.5·10²⁶ < 2¹²⁸`; flooring the subtracted term rounds the result up.
	let caught = e * one * 250 / (u128::from(PPM) * 251);
	// `caught ≤ ONE·250/251`, so the difference is in `[ONE/251, ONE]` and fits a u64.
	(one - caught) as u64
}

/// Upper bound on `P[all K samples pass]`: `(1 − e·250/251)^K`, by square-and-multiply with
/// upward rounding.
pub fn pass_probability_bound(e_ppm: u32, samples: u32) -> u64 {
	let mut base = sample_pass_probability(e_ppm);
	let mut result = PROBABILITY_ONE;
	let mut exponent = samples;
	while exponent > 0 {
		if exponent & 1 == 1 {
			result = mul_round_up(result, base);
		}
		base = mul_round_up(base, base);
		exponent >>= 1;
	}
	result
}

/// Lower bound on the probability that a cheater with wrong-entry fraction `e_ppm / 10⁶` is
/// caught by `K` samples: `1 − (1 − e·250/251)^K`.
pub fn detection_probability_bound(e_ppm: u32, samples: u32) -> u64 {
	PROBABILITY_ONE - pass_probability_bound(e_ppm, samples)
}

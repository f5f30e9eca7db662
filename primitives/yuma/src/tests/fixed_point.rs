//! The fixed-point type and the exp/sigmoid approximation.

use crate::fixed::{exp_neg, sigmoid, Fixed, FRAC_BITS};

fn from_f64(x: f64) -> u128 {
	(x * (1u64 << FRAC_BITS) as f64) as u128
}

#[test]
fn ratios_floor_and_handle_zero_denominators() {
	assert_eq!(Fixed::from_ratio(1, 2), Fixed::HALF);
	assert_eq!(Fixed::from_ratio(3, 3), Fixed::ONE);
	assert_eq!(Fixed::from_ratio(1, 3).to_bits(), (1u64 << FRAC_BITS) / 3);
	assert_eq!(Fixed::from_ratio(5, 0), Fixed::ZERO);
	assert_eq!(Fixed::from_ratio(u128::from(u64::MAX), 1), Fixed::MAX);
	// Huge numerators take the shifted path and stay close to the true quotient.
	let big = Fixed::from_ratio(u128::MAX / 3, u128::MAX / 2);
	assert!((big.to_f64() - 2.0 / 3.0).abs() < 1e-15);
}

#[test]
fn u16_proportions_round_trip_exactly() {
	for value in 0..=u16::MAX {
		assert_eq!(Fixed::from_u16_proportion(value).to_u16_proportion(), value);
	}
	assert_eq!(Fixed::from_u16_proportion(u16::MAX), Fixed::ONE);
	assert_eq!(Fixed::MAX.to_u16_proportion(), u16::MAX);
	// 1/448 and 1/64 in u16 scale: the reference chain's 146 and 1023.
	assert_eq!(Fixed::from_ratio(1, 448).to_u16_proportion(), 146);
	assert_eq!(Fixed::from_ratio(1, 64).to_u16_proportion(), 1023);
}

#[test]
fn multiplication_floors() {
	assert_eq!(Fixed::HALF.saturating_mul(Fixed::HALF), Fixed::from_ratio(1, 4));
	assert_eq!(Fixed::from_bits(1).saturating_mul(Fixed::HALF), Fixed::ZERO);
	assert_eq!(Fixed::MAX.saturating_mul(Fixed::MAX), Fixed::MAX);
}

#[test]
fn debug_prints_decimals() {
	assert_eq!(format!("{:?}", Fixed::from_ratio(1, 8)), "Fixed(0.125000000000)");
	assert_eq!(format!("{:?}", Fixed::ONE), "Fixed(1.000000000000)");
}

#[test]
fn exp_neg_matches_f64() {
	let mut worst: f64 = 0.0;
	for step in 0..=4_000u32 {
		let y = f64::from(step) * 0.011; // 0 ..= 44
		let approx = exp_neg(from_f64(y)).to_f64();
		worst = worst.max((approx - (-y).exp()).abs());
	}
	// Analysis bound is 2^-54 ≈ 5.6e-17; f64 itself carries ~1.1e-16 relative error near 1.
	assert!(worst < 2e-16, "worst |exp error| = {worst:e}");
	assert_eq!(exp_neg(0), Fixed::ONE);
	assert_eq!(exp_neg(from_f64(50.0)), Fixed::ZERO);
	assert_eq!(exp_neg(u128::MAX), Fixed::ZERO);
}

#[test]
fn sigmoid_matches_f64_and_is_symmetric() {
	let mut worst: f64 = 0.0;
	for step in 0..=3_000u32 {
		let x = f64::from(step) * 0.011; // 0 ..= 33
		let logistic = |x: f64| 1.0 / (1.0 + (-x).exp());
		let up = sigmoid(false, from_f64(x)).to_f64();
		let down = sigmoid(true, from_f64(x)).to_f64();
		worst = worst.max((up - logistic(x)).abs()).max((down - logistic(-x)).abs());
		// σ(x) + σ(−x) = 1 up to the two floors.
		let sum = sigmoid(false, from_f64(x)).saturating_add(sigmoid(true, from_f64(x)));
		assert!(Fixed::ONE.to_bits() - sum.to_bits() <= 2);
	}
	assert!(worst < 2e-16, "worst |sigmoid error| = {worst:e}");
	assert_eq!(sigmoid(false, 0), Fixed::HALF);
	// Saturates cleanly for the largest argument liquid alpha can produce (327.67).
	assert_eq!(sigmoid(false, from_f64(327.67)), Fixed::ONE);
	assert_eq!(sigmoid(true, from_f64(327.67)), Fixed::ZERO);
}

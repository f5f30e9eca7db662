//! A multi-Miller loop with one accumulator for all pairs.
//!
//! arkworks' `multi_miller_loop` (without its `parallel` feature) runs the pairs in chunks of
//! four, each chunk with its own accumulator `f` and its own 63 squarings of `f` in `Fq12`,
//! and multiplies the chunks' results. For the `k + 2` pairs of a batch that is `⌈(k+2)/4⌉`
//! times the squarings one shared accumulator needs. This loop is arkworks' step for step with
//! a single accumulator; the result is the same Miller-loop value (a test checks it against
//! arkworks on random inputs).

use alloc::vec::Vec;

use ark_bn254::{Bn254, Config, Fq12, G1Affine};
use ark_ec::{
	bn::{g2::EllCoeff, BnConfig, TwistType},
	pairing::MillerLoopOutput,
};
use ark_ff::{CyclotomicMultSubgroup, Field, One};

use crate::prepared::G2Lines;
use crate::ZkError;

/// Multiplies the line `coeffs` evaluated at `p` into `f` (arkworks' `Bn::ell`).
fn ell(f: &mut Fq12, coeffs: &EllCoeff<Config>, p: &G1Affine) {
	let (mut c0, mut c1, c2) = *coeffs;
	match <Config as BnConfig>::TWIST_TYPE {
		TwistType::M => {
			let mut c2 = c2;
			c2.mul_assign_by_fp(&p.y);
			c1.mul_assign_by_fp(&p.x);
			f.mul_by_014(&c0, &c1, &c2);
		},
		TwistType::D => {
			c0.mul_assign_by_fp(&p.y);
			c1.mul_assign_by_fp(&p.x);
			f.mul_by_034(&c0, &c1, &c2);
		},
	}
}

/// `Π e'(P_i, Q_i)` before the final exponentiation, one accumulator for all pairs. Pairs with
/// a point at infinity contribute 1 (as in arkworks). Lines that end early (never produced by
/// this crate) are [`ZkError::InvalidPreparedKey`] instead of a panic.
pub(crate) fn multi_miller_loop(
	pairs: &[(G1Affine, &G2Lines)],
) -> Result<MillerLoopOutput<Bn254>, ZkError> {
	let mut pairs: Vec<(&G1Affine, core::slice::Iter<'_, EllCoeff<Config>>)> = pairs
		.iter()
		.filter(|(p, q)| !p.infinity && !q.infinity)
		.map(|(p, q)| (p, q.ell_coeffs.iter()))
		.collect();
	let mut f = Fq12::one();
	let step = |f: &mut Fq12,
	            pairs: &mut Vec<(&G1Affine, core::slice::Iter<'_, EllCoeff<Config>>)>|
	 -> Result<(), ZkError> {
		for (p, coeffs) in pairs.iter_mut() {
			ell(f, coeffs.next().ok_or(ZkError::InvalidPreparedKey)?, p);
		}
		Ok(())
	};
	let loop_count = <Config as BnConfig>::ATE_LOOP_COUNT;
	for i in (1..loop_count.len()).rev() {
		if i != loop_count.len() - 1 {
			f.square_in_place();
		}
		step(&mut f, &mut pairs)?;
		let bit = loop_count[i - 1];
		if bit == 1 || bit == -1 {
			step(&mut f, &mut pairs)?;
		}
	}
	if <Config as BnConfig>::X_IS_NEGATIVE {
		f.cyclotomic_inverse_in_place();
	}
	step(&mut f, &mut pairs)?;
	step(&mut f, &mut pairs)?;
	Ok(MillerLoopOutput(f))
}

#[cfg(test)]
mod tests {
	use super::*;
	use ark_bn254::{Fr, G1Projective, G2Projective};
	use ark_ec::{pairing::Pairing, CurveGroup, PrimeGroup};
	use ark_std::{rand::SeedableRng, UniformRand};

	/// Same value as arkworks' chunked loop for 0..=9 pairs, with points at infinity mixed in.
	#[test]
	fn equals_arkworks_multi_miller_loop() {
		let mut rng = ark_std::rand::rngs::StdRng::seed_from_u64(7);
		for n in 0..=9usize {
			let g1: Vec<G1Affine> = (0..n)
				.map(|i| {
					if i == 3 {
						G1Affine::identity_point()
					} else {
						(G1Projective::generator() * Fr::rand(&mut rng)).into_affine()
					}
				})
				.collect();
			let g2: Vec<ark_bn254::G2Affine> = (0..n)
				.map(|_| (G2Projective::generator() * Fr::rand(&mut rng)).into_affine())
				.collect();
			let lines: Vec<G2Lines> = g2.iter().map(|q| G2Lines::from(*q)).collect();
			let pairs: Vec<(G1Affine, &G2Lines)> = g1.iter().copied().zip(&lines).collect();
			let ours = multi_miller_loop(&pairs).unwrap();
			let theirs = Bn254::multi_miller_loop(g1.clone(), g2.clone());
			assert_eq!(ours.0, theirs.0, "{n} pairs");
		}
	}

	#[test]
	fn short_lines_are_an_error_not_a_panic() {
		let q = G2Lines::from(<ark_bn254::G2Affine as ark_ec::AffineRepr>::generator());
		let mut short = q.clone();
		short.ell_coeffs.truncate(10);
		let p = (G1Projective::generator() * Fr::from(5u8)).into_affine();
		assert_eq!(multi_miller_loop(&[(p, &short)]).err(), Some(ZkError::InvalidPreparedKey));
	}

	trait IdentityPoint {
		fn identity_point() -> Self;
	}
	impl IdentityPoint for G1Affine {
		fn identity_point() -> Self {
			<G1Affine as ark_ec::AffineRepr>::zero()
		}
	}
}

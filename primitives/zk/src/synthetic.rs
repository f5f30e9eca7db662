//! Verifying keys whose trapdoor is known, so that valid proofs of *any* statement can be made
//! without a circuit or a prover — **for benchmarks and tests only** (feature
//! `synthetic-keys`; never enable it in a production runtime build).
//!
//! Every scalar of the setup is kept: α, β, γ, δ and `ic_i` with `IC_i = ic_i·G1`. For public
//! inputs `x` let `l = ic_0 + Σ x_i·ic_i`; a proof is `A = a·G1`, `B = b·G2`, `C = c·G1` with
//! random `a, b` and
//!
//! ```text
//! c = (a·b − α·β − l·γ) / δ      so that      e(A, B) = e(α, β)·e(L, γ)·e(C, δ).
//! ```
//!
//! That is exactly the simulator of Groth16's zero-knowledge proof, so verification cannot tell
//! these proofs from real ones: the cost of verifying them is the real cost, for any number of
//! inputs, which is what benchmarks need (a no_std runtime cannot run a prover).

use alloc::vec::Vec;

use ark_bn254::{Fr, G1Projective, G2Projective};
use ark_ec::{CurveGroup, PrimeGroup};
use ark_ff::{Field, PrimeField};

use crate::encoding::{encode_scalar, PublicInputBytes};
use crate::proof::{Proof, ProofBytes};
use crate::vk::VerifyingKey;

/// A key together with its trapdoor.
pub struct SyntheticKey {
	alpha: Fr,
	beta: Fr,
	gamma: Fr,
	delta: Fr,
	ic: Vec<Fr>,
	vk: VerifyingKey,
	seed: [u8; 32],
}

/// A non-zero scalar from `blake2_256(domain ‖ seed ‖ index)`.
fn scalar(seed: &[u8; 32], domain: &[u8], index: u64) -> Fr {
	let mut preimage = Vec::with_capacity(domain.len() + 40);
	preimage.extend_from_slice(domain);
	preimage.extend_from_slice(seed);
	preimage.extend_from_slice(&index.to_le_bytes());
	let value = Fr::from_le_bytes_mod_order(&sp_crypto_hashing::blake2_256(&preimage));
	if value == Fr::from(0u64) {
		Fr::from(1u64)
	} else {
		value
	}
}

impl SyntheticKey {
	/// A key with `num_inputs` public inputs; equal seeds give equal keys.
	pub fn new(num_inputs: u32, seed: u64) -> Self {
		let seed = sp_crypto_hashing::blake2_256(&seed.to_le_bytes());
		let alpha = scalar(&seed, b"alpha", 0);
		let beta = scalar(&seed, b"beta", 0);
		let gamma = scalar(&seed, b"gamma", 0);
		let delta = scalar(&seed, b"delta", 0);
		let ic: Vec<Fr> = (0..=u64::from(num_inputs)).map(|i| scalar(&seed, b"ic", i)).collect();
		let g1 = G1Projective::generator();
		let g2 = G2Projective::generator();
		let ic_points: Vec<G1Projective> = ic.iter().map(|s| g1 * s).collect();
		let vk = VerifyingKey::new(
			(g1 * alpha).into_affine(),
			(g2 * beta).into_affine(),
			(g2 * gamma).into_affine(),
			(g2 * delta).into_affine(),
			G1Projective::normalize_batch(&ic_points),
		)
		.unwrap_or_else(|_| unreachable!("multiples of the generators are valid points"));
		Self { alpha, beta, gamma, delta, ic, vk, seed }
	}

	/// The verifying key.
	pub fn verifying_key(&self) -> &VerifyingKey {
		&self.vk
	}

	/// The canonical encoding of the verifying key.
	pub fn verifying_key_bytes(&self) -> Vec<u8> {
		self.vk.to_bytes().0
	}

	/// Public inputs number `index`: `n` distinct scalars (all below `r`).
	pub fn inputs(&self, index: u64) -> Vec<PublicInputBytes> {
		(1..self.ic.len() as u64)
			.map(|i| encode_scalar(&scalar(&self.seed, b"input", index << 32 | i)))
			.collect()
	}

	/// A valid proof for `inputs` (`None` if the count is wrong or an input is not `< r`);
	/// `nonce` picks the randomness `a, b`.
	pub fn prove(&self, inputs: &[PublicInputBytes], nonce: u64) -> Option<ProofBytes> {
		if inputs.len() + 1 != self.ic.len() {
			return None;
		}
		let mut l = self.ic[0];
		for (x, ic) in inputs.iter().zip(&self.ic[1..]) {
			l += crate::encoding::decode_scalar(x).ok()? * ic;
		}
		let a = scalar(&self.seed, b"proof-a", nonce);
		let b = scalar(&self.seed, b"proof-b", nonce);
		let c = (a * b - self.alpha * self.beta - l * self.gamma) * self.delta.inverse()?;
		let proof = Proof::new(
			(G1Projective::generator() * a).into_affine(),
			(G2Projective::generator() * b).into_affine(),
			(G1Projective::generator() * c).into_affine(),
		)
		.ok()?;
		Some(proof.to_bytes())
	}
}

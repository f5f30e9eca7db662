//! Sampled opening positions: `(t, i, j) = H(beacon ‖ root ‖ g ‖ k)`.
//!
//! The beacon is randomness from a block *after* the commitment was included, and the hash also
//! covers the commitment root itself: positions cannot be predicted while the work is being done
//! (or skipped), and a different commitment gives unrelated positions, so grinding commitments
//! to dodge samples costs a full recomputation per try.

use alloc::vec::Vec;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_crypto_hashing::blake2_256;

use crate::{domain, ChallengeParams, GpuId, Hash, ProofError};

/// One sampled entry: check `X_{t+1}[i, j]` against step `t`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct OpeningPosition {
	/// The step, `0 ≤ t < T`: the check is of the product that produced `X_{t+1}`.
	pub t: u32,
	/// The row of the checked entry of `X_{t+1}` (= the column of `X_t` opened).
	pub i: u32,
	/// The column of the checked entry of `X_{t+1}` (= the column of `X_{t−δ}` opened).
	pub j: u32,
}

/// Sample number `k`: `h = blake2_256("…/sample" ‖ beacon ‖ root ‖ gpu_id (u64 LE) ‖ k (u32 LE))`,
/// the first 16 bytes of `h` as a little-endian `u128` reduced modulo `T·n²`, decomposed as
/// `(t·n + j)·n + i`. The space has fewer than `2⁶⁰` elements, so the modulo bias is below
/// `2⁶⁰/2¹²⁸ = 2⁻⁶⁸`. `None` for invalid parameters.
pub fn sample_position(
	beacon: &Hash,
	commitment_root: &Hash,
	gpu_id: GpuId,
	params: &ChallengeParams,
	k: u32,
) -> Option<OpeningPosition> {
	params.validate().ok()?;
	let mut input = [0u8; domain::SAMPLE.len() + 32 + 32 + 8 + 4];
	let (prefix, rest) = input.split_at_mut(domain::SAMPLE.len());
	prefix.copy_from_slice(domain::SAMPLE);
	let (beacon_bytes, rest) = rest.split_at_mut(32);
	beacon_bytes.copy_from_slice(beacon);
	let (root_bytes, rest) = rest.split_at_mut(32);
	root_bytes.copy_from_slice(commitment_root);
	let (gpu_bytes, k_bytes) = rest.split_at_mut(8);
	gpu_bytes.copy_from_slice(&gpu_id.to_le_bytes());
	k_bytes.copy_from_slice(&k.to_le_bytes());
	let digest = blake2_256(&input);
	let mut word = [0u8; 16];
	word.copy_from_slice(&digest[..16]);

	let n = u64::from(params.n);
	let per_step = n * n; // ≤ 2²⁸
	let space = per_step * u64::from(params.steps); // < 2⁶⁰
												 // The remainder is `< space < 2⁶⁰`, so it fits a u64; the quotients below are `< T` and `< n`.
	let linear = (u128::from_le_bytes(word) % u128::from(space)) as u64;
	let t = (linear / per_step) as u32;
	let within_step = linear % per_step;
	let j = (within_step / n) as u32;
	let i = (within_step % n) as u32;
	Some(OpeningPosition { t, i, j })
}

/// The `K` positions GPU `gpu_id` must open for the commitment `commitment_root`, in order
/// `k = 0..K`, drawn independently (with replacement, as the soundness bound assumes).
pub fn sample_positions(
	beacon: &Hash,
	commitment_root: &Hash,
	gpu_id: GpuId,
	params: &ChallengeParams,
) -> Result<Vec<OpeningPosition>, ProofError> {
	params.validate()?;
	(0..params.samples)
		.map(|k| {
			sample_position(beacon, commitment_root, gpu_id, params, k)
				.ok_or(ProofError::InvalidParams)
		})
		.collect()
}

//! The prepared verifying key: everything of a key that does not depend on the proof,
//! computed once at registration.

use alloc::vec::Vec;

use ark_bn254::{Bn254, Fq, Fq12, Fq2, G1Affine, G2Affine};
use ark_ec::bn::{BnConfig, G2Prepared};
use ark_ec::pairing::Pairing;
use ark_ff::Field;

use crate::encoding::{decode_fq, decode_g1, encode_fq, encode_g1, InfinityPolicy, Reader, G1_LEN};
use crate::vk::{
	declared_input_count, ic_len_matching_rest, validate_vk, VerifyingKey, VkId, VK_IC_PREFIX_LEN,
};
use crate::ZkError;

/// A G2 point prepared for Miller loops: the line coefficients of every loop step.
pub type G2Lines = G2Prepared<ark_bn254::Config>;

/// The first byte of [`PreparedVk::to_storage_bytes`].
pub const PREPARED_VK_FORMAT_VERSION: u8 = 1;

/// How many line coefficients `G2Prepared::from` computes for a finite BN254 point: one
/// doubling line per bit of the ate loop count below its top bit, one addition line per
/// non-zero such bit, and two addition lines for the Frobenius images of Q at the end.
const fn line_coefficient_count(ate_loop_count: &[i8]) -> usize {
	let mut count = 2;
	let mut index = 0;
	while index + 1 < ate_loop_count.len() {
		count += 1;
		if ate_loop_count[index] != 0 {
			count += 1;
		}
		index += 1;
	}
	count
}

/// Line coefficients per prepared G2 point (87 for BN254).
pub const G2_LINE_COEFFICIENTS: usize =
	line_coefficient_count(<ark_bn254::Config as BnConfig>::ATE_LOOP_COUNT);

/// Bytes of one line coefficient: three `Fq2` elements.
const LINE_COEFFICIENT_LEN: usize = 3 * 64;
/// Bytes of a GT (`Fq12`) element: twelve `Fq` elements.
pub const GT_LEN: usize = 12 * 32;

/// Bytes of [`PreparedVk::to_storage_bytes`] for a key with `num_inputs` public inputs:
/// `1 + 32 + 384 + 2·87·192 + 8 + 64·(n + 1)` = `33_897 + 64·n`.
pub const fn prepared_vk_len(num_inputs: u32) -> usize {
	1 + 32
		+ GT_LEN
		+ 2 * G2_LINE_COEFFICIENTS * LINE_COEFFICIENT_LEN
		+ VK_IC_PREFIX_LEN
		+ G1_LEN * (num_inputs as usize + 1)
}

/// A validated verifying key with the proof-independent work done:
///
/// - `e(α, β)` computed once (a full pairing saved on every verification);
/// - −γ and −δ prepared for Miller loops (their line coefficients), so a verification runs one
///   multi-Miller loop over `(A, B)`, `(L, −γ)`, `(C, −δ)` and one final exponentiation and
///   compares with `e(α, β)`;
/// - `IC` kept as affine points for the input multi-scalar multiplication;
/// - the key's [`VkId`], which batch verification binds into its random coefficients.
///
/// Only [`PreparedVk::new`] (which runs [`validate_vk`]) and [`PreparedVk::from_storage_bytes`]
/// build one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedVk {
	pub(crate) vk_id: VkId,
	pub(crate) alpha_g1_beta_g2: Fq12,
	pub(crate) gamma_g2_neg: G2Lines,
	pub(crate) delta_g2_neg: G2Lines,
	pub(crate) ic: Vec<G1Affine>,
}

impl PreparedVk {
	/// Validates the key ([`validate_vk`]) and prepares it.
	pub fn new(vk: &VerifyingKey, max_inputs: u32) -> Result<Self, ZkError> {
		validate_vk(vk, max_inputs)?;
		let miller = Bn254::multi_miller_loop([*vk.alpha_g1()], [*vk.beta_g2()]);
		// Only a zero Miller loop output has no final exponentiation; e(α, β) of two finite
		// points of the prime-order subgroups is never zero.
		let alpha_g1_beta_g2 =
			Bn254::final_exponentiation(miller).ok_or(ZkError::InvalidPreparedKey)?.0;
		Ok(Self {
			vk_id: vk.id(),
			alpha_g1_beta_g2,
			gamma_g2_neg: G2Lines::from(-*vk.gamma_g2()),
			delta_g2_neg: G2Lines::from(-*vk.delta_g2()),
			ic: vk.ic().to_vec(),
		})
	}

	/// Decodes a canonical key encoding and prepares it, refusing a key with more than
	/// `max_inputs` inputs from its length prefix alone, before any point is decoded.
	pub fn from_vk_bytes(bytes: &[u8], max_inputs: u32) -> Result<Self, ZkError> {
		if declared_input_count(bytes)? > u64::from(max_inputs) {
			return Err(ZkError::TooManyInputs);
		}
		Self::new(&VerifyingKey::from_bytes(bytes)?, max_inputs)
	}

	/// The id of the key this was prepared from.
	pub fn vk_id(&self) -> &VkId {
		&self.vk_id
	}

	/// The number of public inputs the key takes.
	pub fn num_inputs(&self) -> usize {
		self.ic.len().saturating_sub(1)
	}

	/// `IC` of the key.
	pub fn ic(&self) -> &[G1Affine] {
		&self.ic
	}

	/// The cached `e(α, β)`.
	pub fn alpha_g1_beta_g2(&self) -> &Fq12 {
		&self.alpha_g1_beta_g2
	}

	/// The storage encoding ([`prepared_vk_len`] bytes, all field elements 32 bytes
	/// little-endian, canonical):
	///
	/// ```text
	/// size          field
	/// 1             format version (PREPARED_VK_FORMAT_VERSION = 1)
	/// 32            vk id
	/// 384           e(α, β) ∈ Fq12, 12 Fq in arkworks order (c0.c0.c0, c0.c0.c1, c0.c1.c0, …)
	/// 87·192        −γ lines: 87 × (3 Fq2 = c0 ‖ c1 each)
	/// 87·192        −δ lines: same
	/// 8             k = number of IC points, u64 little-endian
	/// 64·k          IC, G1 uncompressed (strict, as in the verifying key)
	/// ```
	///
	/// For 1 input that is 33,961 bytes, for 16 inputs 34,921, for 64 inputs 37,993. A pallet
	/// that prefers small storage can keep the 520 + 64·n byte verifying key instead and
	/// prepare it per call (one pairing and two G2 preparations more per verification).
	pub fn to_storage_bytes(&self) -> Vec<u8> {
		let mut bytes =
			Vec::with_capacity(prepared_vk_len(0) + G1_LEN * self.ic.len().saturating_sub(1));
		bytes.push(PREPARED_VK_FORMAT_VERSION);
		bytes.extend_from_slice(&self.vk_id);
		for element in self.alpha_g1_beta_g2.to_base_prime_field_elements() {
			bytes.extend_from_slice(&encode_fq(&element));
		}
		for lines in [&self.gamma_g2_neg, &self.delta_g2_neg] {
			for (first, second, third) in &lines.ell_coeffs {
				for element in [first, second, third] {
					bytes.extend_from_slice(&encode_fq(&element.c0));
					bytes.extend_from_slice(&encode_fq(&element.c1));
				}
			}
		}
		bytes.extend_from_slice(&(self.ic.len() as u64).to_le_bytes());
		for point in &self.ic {
			bytes.extend_from_slice(&encode_g1(point));
		}
		bytes
	}

	/// Decodes [`PreparedVk::to_storage_bytes`].
	///
	/// **Only for bytes this crate wrote to trusted storage.** The decoder checks the
	/// structure (version, exact lengths, every field element below `q`, the `IC` points
	/// strictly), but it cannot check that `e(α, β)` and the line coefficients belong to a
	/// validated key without redoing the preparation. Never accept a prepared key from a
	/// user: accept a verifying key and call [`PreparedVk::from_vk_bytes`].
	pub fn from_storage_bytes(bytes: &[u8]) -> Result<Self, ZkError> {
		let mut reader = Reader::new(bytes);
		let [version] = *reader.take::<1>()?;
		if version != PREPARED_VK_FORMAT_VERSION {
			return Err(ZkError::UnsupportedFormatVersion);
		}
		let vk_id = *reader.take::<32>()?;
		let mut gt_elements = Vec::with_capacity(12);
		for _ in 0..12 {
			gt_elements.push(decode_fq(reader.take()?)?);
		}
		let alpha_g1_beta_g2 =
			Fq12::from_base_prime_field_elems(gt_elements).ok_or(ZkError::InvalidLength)?;
		let gamma_g2_neg = decode_lines(&mut reader)?;
		let delta_g2_neg = decode_lines(&mut reader)?;
		let ic_len = ic_len_matching_rest(&mut reader)?;
		if ic_len == 0 {
			return Err(ZkError::InvalidPreparedKey);
		}
		let mut ic = Vec::with_capacity(ic_len);
		for _ in 0..ic_len {
			ic.push(decode_g1(reader.take()?, InfinityPolicy::Allow)?);
		}
		reader.finish()?;
		Ok(Self { vk_id, alpha_g1_beta_g2, gamma_g2_neg, delta_g2_neg, ic })
	}
}

fn decode_fq2(reader: &mut Reader<'_>) -> Result<Fq2, ZkError> {
	let c0: Fq = decode_fq(reader.take()?)?;
	let c1: Fq = decode_fq(reader.take()?)?;
	Ok(Fq2::new(c0, c1))
}

/// Exactly [`G2_LINE_COEFFICIENTS`] coefficients of a finite point (arkworks' Miller loop
/// expects that many and would panic on fewer).
fn decode_lines(reader: &mut Reader<'_>) -> Result<G2Lines, ZkError> {
	let mut ell_coeffs = Vec::with_capacity(G2_LINE_COEFFICIENTS);
	for _ in 0..G2_LINE_COEFFICIENTS {
		let first = decode_fq2(reader)?;
		let second = decode_fq2(reader)?;
		let third = decode_fq2(reader)?;
		ell_coeffs.push((first, second, third));
	}
	Ok(G2Lines { ell_coeffs, infinity: false })
}

/// Prepares a proof's `B` for the Miller loop.
pub(crate) fn prepare_g2(point: &G2Affine) -> G2Lines {
	G2Lines::from(*point)
}

//! Verifying keys: the canonical encoding, its id, and the checks a key must pass before it is
//! registered.

use alloc::vec::Vec;

use codec::{Decode, Encode};
use scale_info::TypeInfo;

use ark_bn254::{G1Affine, G2Affine};
use ark_ec::AffineRepr;

use crate::encoding::{
	check_point, decode_g1, decode_g2, decode_scalar, encode_g1, encode_g2, InfinityPolicy,
	PublicInputBytes, Reader, G1_LEN, G2_LEN,
};
use crate::ZkError;

/// Bytes before the `IC` list: α (G1) ‖ β, γ, δ (G2).
pub const VK_POINTS_LEN: usize = G1_LEN + 3 * G2_LEN;
/// Bytes of the `IC` length prefix (`u64` little-endian, as arkworks writes a `Vec`).
pub const VK_IC_PREFIX_LEN: usize = 8;
/// Bytes of a key's fixed part: α, β, γ, δ and the `IC` length prefix.
pub const VK_HEADER_LEN: usize = VK_POINTS_LEN + VK_IC_PREFIX_LEN;

/// Bytes of the canonical encoding of a key with `num_inputs` public inputs:
/// `456 + 64·(num_inputs + 1)`.
pub const fn verifying_key_len(num_inputs: u32) -> usize {
	VK_HEADER_LEN + G1_LEN * (num_inputs as usize + 1)
}

/// Identifier of a verifying key: `blake2_256` of its canonical encoding.
pub type VkId = [u8; 32];

/// Domain separator of [`statement_id`].
const STATEMENT_DOMAIN: &[u8] = b"heliox-zk/groth16-bn254/statement/v1";

/// A verifying key in its canonical encoding (the bytes of
/// `ark_groth16::VerifyingKey::<Bn254>::serialize_uncompressed`):
///
/// ```text
/// offset  size        field
/// 0       64          alpha_g1   G1 uncompressed
/// 64      128         beta_g2    G2 uncompressed
/// 192     128         gamma_g2   G2 uncompressed
/// 320     128         delta_g2   G2 uncompressed
/// 448     8           k = number of IC points, u64 little-endian (k = inputs + 1)
/// 456     64·k        IC[0..k]   G1 uncompressed each
/// ```
///
/// Total `456 + 64·(n + 1)` bytes for `n` public inputs ([`verifying_key_len`]). Every field
/// has exactly one accepted encoding and the length prefix must match the bytes that follow
/// exactly, so a key has exactly one encoding and one [`VkId`].
///
/// Holding a `VerifyingKeyBytes` says nothing about validity; [`VerifyingKey::from_bytes`]
/// decodes strictly and [`validate_vk`] checks the key itself.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct VerifyingKeyBytes(pub Vec<u8>);

impl VerifyingKeyBytes {
	/// The number of public inputs the key declares (`k − 1` from the `IC` length prefix),
	/// read without decoding any point, so a caller can bound the work (and charge for it)
	/// before the expensive checks. Fails when the prefix disagrees with the length of the
	/// bytes or declares no `IC` point at all.
	pub fn declared_input_count(&self) -> Result<u64, ZkError> {
		declared_input_count(&self.0)
	}
}

/// See [`VerifyingKeyBytes::declared_input_count`].
pub fn declared_input_count(bytes: &[u8]) -> Result<u64, ZkError> {
	let mut reader = Reader::new(bytes);
	reader.take::<VK_POINTS_LEN>()?;
	let ic_len = ic_len_matching_rest(&mut reader)?;
	(ic_len as u64).checked_sub(1).ok_or(ZkError::IcLengthMismatch)
}

/// Reads the `IC` length prefix and checks that exactly that many points follow: fewer bytes
/// is [`ZkError::InvalidLength`], more is [`ZkError::TrailingBytes`].
pub(crate) fn ic_len_matching_rest(reader: &mut Reader<'_>) -> Result<usize, ZkError> {
	let declared = u64::from_le_bytes(*reader.take::<VK_IC_PREFIX_LEN>()?);
	let needed = declared.checked_mul(G1_LEN as u64).ok_or(ZkError::InvalidLength)?;
	let remaining = reader.remaining() as u64;
	if needed > remaining {
		return Err(ZkError::InvalidLength);
	}
	if needed < remaining {
		return Err(ZkError::TrailingBytes);
	}
	usize::try_from(declared).map_err(|_| ZkError::InvalidLength)
}

/// A decoded verifying key whose points passed the strict checks (on the curve, in the
/// prime-order subgroups, α, β, γ, δ not the point at infinity). It is *not* yet validated as
/// a key: see [`validate_vk`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyingKey {
	alpha_g1: G1Affine,
	beta_g2: G2Affine,
	gamma_g2: G2Affine,
	delta_g2: G2Affine,
	ic: Vec<G1Affine>,
}

impl VerifyingKey {
	/// Checks and wraps the points of a key. `IC` entries may be the point at infinity (the
	/// coefficient point of an input no constraint uses).
	pub fn new(
		alpha_g1: G1Affine,
		beta_g2: G2Affine,
		gamma_g2: G2Affine,
		delta_g2: G2Affine,
		ic: Vec<G1Affine>,
	) -> Result<Self, ZkError> {
		check_point(&alpha_g1, InfinityPolicy::Reject)?;
		check_point(&beta_g2, InfinityPolicy::Reject)?;
		check_point(&gamma_g2, InfinityPolicy::Reject)?;
		check_point(&delta_g2, InfinityPolicy::Reject)?;
		for point in &ic {
			check_point(point, InfinityPolicy::Allow)?;
		}
		Ok(Self { alpha_g1, beta_g2, gamma_g2, delta_g2, ic })
	}

	/// Decodes the canonical encoding strictly (layout on [`VerifyingKeyBytes`]). The `IC`
	/// length prefix is checked against the input length before any point is decoded.
	pub fn from_bytes(bytes: &[u8]) -> Result<Self, ZkError> {
		let mut reader = Reader::new(bytes);
		let alpha_g1 = decode_g1(reader.take()?, InfinityPolicy::Reject)?;
		let beta_g2 = decode_g2(reader.take()?, InfinityPolicy::Reject)?;
		let gamma_g2 = decode_g2(reader.take()?, InfinityPolicy::Reject)?;
		let delta_g2 = decode_g2(reader.take()?, InfinityPolicy::Reject)?;
		let ic_len = ic_len_matching_rest(&mut reader)?;
		let mut ic = Vec::with_capacity(ic_len);
		for _ in 0..ic_len {
			ic.push(decode_g1(reader.take()?, InfinityPolicy::Allow)?);
		}
		reader.finish()?;
		Ok(Self { alpha_g1, beta_g2, gamma_g2, delta_g2, ic })
	}

	/// The canonical encoding.
	pub fn to_bytes(&self) -> VerifyingKeyBytes {
		let mut bytes = Vec::with_capacity(VK_HEADER_LEN + G1_LEN * self.ic.len());
		bytes.extend_from_slice(&encode_g1(&self.alpha_g1));
		bytes.extend_from_slice(&encode_g2(&self.beta_g2));
		bytes.extend_from_slice(&encode_g2(&self.gamma_g2));
		bytes.extend_from_slice(&encode_g2(&self.delta_g2));
		bytes.extend_from_slice(&(self.ic.len() as u64).to_le_bytes());
		for point in &self.ic {
			bytes.extend_from_slice(&encode_g1(point));
		}
		VerifyingKeyBytes(bytes)
	}

	/// `blake2_256` of the canonical encoding.
	pub fn id(&self) -> VkId {
		sp_crypto_hashing::blake2_256(&self.to_bytes().0)
	}

	/// The number of public inputs (`IC` length − 1; 0 for a malformed key without `IC`).
	pub fn num_inputs(&self) -> usize {
		self.ic.len().saturating_sub(1)
	}

	/// α (G1).
	pub fn alpha_g1(&self) -> &G1Affine {
		&self.alpha_g1
	}

	/// β (G2).
	pub fn beta_g2(&self) -> &G2Affine {
		&self.beta_g2
	}

	/// γ (G2).
	pub fn gamma_g2(&self) -> &G2Affine {
		&self.gamma_g2
	}

	/// δ (G2).
	pub fn delta_g2(&self) -> &G2Affine {
		&self.delta_g2
	}

	/// `IC` (G1): `IC[0]` plus one point per public input.
	pub fn ic(&self) -> &[G1Affine] {
		&self.ic
	}

	/// Checks and converts an arkworks key.
	#[cfg(feature = "std")]
	pub fn from_ark(vk: &ark_groth16::VerifyingKey<ark_bn254::Bn254>) -> Result<Self, ZkError> {
		Self::new(vk.alpha_g1, vk.beta_g2, vk.gamma_g2, vk.delta_g2, vk.gamma_abc_g1.clone())
	}

	/// The arkworks form.
	#[cfg(feature = "std")]
	pub fn to_ark(&self) -> ark_groth16::VerifyingKey<ark_bn254::Bn254> {
		ark_groth16::VerifyingKey {
			alpha_g1: self.alpha_g1,
			beta_g2: self.beta_g2,
			gamma_g2: self.gamma_g2,
			delta_g2: self.delta_g2,
			gamma_abc_g1: self.ic.clone(),
		}
	}
}

/// `blake2_256` of the key's canonical encoding. Because decoding accepts one encoding per
/// key, a key has one id however it was submitted.
pub fn vk_id(vk: &VerifyingKey) -> VkId {
	vk.id()
}

/// `blake2_256` of bytes that hold a canonical key encoding (equal to [`vk_id`] of the decoded
/// key when the bytes decode; meaningless otherwise — decode or validate first).
pub fn vk_id_of_bytes(canonical: &[u8]) -> VkId {
	sp_crypto_hashing::blake2_256(canonical)
}

/// Checks that a (strictly decoded) key is safe to register:
///
/// - it has at least `IC[0]` ([`ZkError::IcLengthMismatch`]) and at most `max_inputs` public
///   inputs ([`ZkError::TooManyInputs`]);
/// - δ is not the G2 generator ([`ZkError::DeltaIsGenerator`]): that is the key snarkjs
///   writes before any phase-2 contribution, whose "toxic waste" δ = 1 is public;
/// - γ ≠ δ and γ ≠ −δ ([`ZkError::GammaEqualsDelta`], [`ZkError::GammaEqualsNegatedDelta`]):
///   with γ = ±δ the terms `e(L, γ)·e(C, δ)` merge into `e(L ± C, δ)` and the proof
///   `A = α, B = β, C = ∓L` verifies for any public inputs.
///
/// γ equal to the G2 generator is accepted on purpose: snarkjs sets γ = 1 in every key it
/// produces (security rests on δ, which the phase-2 ceremony randomises), so refusing it would
/// refuse every circom/snarkjs key. A key from a setup that skipped phase 2 has δ = γ = the
/// generator and is caught by the δ checks.
pub fn validate_vk(vk: &VerifyingKey, max_inputs: u32) -> Result<(), ZkError> {
	if vk.ic.is_empty() {
		return Err(ZkError::IcLengthMismatch);
	}
	if vk.num_inputs() > max_inputs as usize {
		return Err(ZkError::TooManyInputs);
	}
	if vk.delta_g2 == G2Affine::generator() {
		return Err(ZkError::DeltaIsGenerator);
	}
	if vk.gamma_g2 == vk.delta_g2 {
		return Err(ZkError::GammaEqualsDelta);
	}
	if vk.gamma_g2 == -vk.delta_g2 {
		return Err(ZkError::GammaEqualsNegatedDelta);
	}
	Ok(())
}

/// Checks that the key takes exactly `declared_inputs` public inputs (`IC` has
/// `declared_inputs + 1` points), e.g. against snarkjs' `nPublic` or a circuit's declaration.
pub fn check_input_count(vk: &VerifyingKey, declared_inputs: u32) -> Result<(), ZkError> {
	if vk.ic.len() == declared_inputs as usize + 1 {
		Ok(())
	} else {
		Err(ZkError::IcLengthMismatch)
	}
}

/// Identifier of a *statement*: `blake2_256(domain ‖ vk id ‖ n (u32 LE) ‖ input₁ ‖ … ‖ inputₙ)`.
///
/// This is what a nullifier, a "proof already used" set or an attestation id should be keyed
/// on — never the proof bytes: Groth16 proofs are malleable (anyone can re-randomise a valid
/// proof into another valid proof of the same statement), so a hash of the proof is not
/// unique per statement. Inputs must be canonical (`< r`, refused otherwise), so the same
/// statement always has the same id.
pub fn statement_id(vk_id: &VkId, inputs: &[PublicInputBytes]) -> Result<[u8; 32], ZkError> {
	let count = u32::try_from(inputs.len()).map_err(|_| ZkError::TooManyInputs)?;
	let mut preimage = Vec::with_capacity(STATEMENT_DOMAIN.len() + 32 + 4 + 32 * inputs.len());
	preimage.extend_from_slice(STATEMENT_DOMAIN);
	preimage.extend_from_slice(vk_id);
	preimage.extend_from_slice(&count.to_le_bytes());
	for input in inputs {
		decode_scalar(input)?;
		preimage.extend_from_slice(input);
	}
	Ok(sp_crypto_hashing::blake2_256(&preimage))
}

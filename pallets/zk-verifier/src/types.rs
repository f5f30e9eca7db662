//! Storage and call types of the pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug as RuntimeDebug;
use frame_support::{
	pallet_prelude::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

use heliox_zk::{ProofBytes, PublicInputBytes};

/// The id of a verifying key: `blake2_256` of its canonical encoding.
pub type VkId = [u8; 32];
/// The id of a statement: `blake2_256` of a domain tag, the key id and the public inputs
/// (never of the proof bytes, which are malleable; see `heliox_zk::statement_id`).
pub type StatementId = [u8; 32];
/// A 32-byte commitment carried by a public input (a field element, little-endian).
pub type Commitment = [u8; 32];

/// Which public inputs of a key carry the ZKML commitments, declared at registration.
///
/// A circuit that proves "model `M` maps input `x` to output `y`" exposes commitments to `M`,
/// `x` and `y` as public inputs; the layout says at which positions, so every attestation under
/// the key records them by name. Positions must be below the key's input count.
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	PartialEq,
	Eq,
	RuntimeDebug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct ZkmlLayout {
	/// Position of the model commitment (e.g. a hash of the weights).
	pub model_commitment: Option<u32>,
	/// Position of the input commitment.
	pub input_commitment: Option<u32>,
	/// Position of the output commitment.
	pub output_commitment: Option<u32>,
}

impl ZkmlLayout {
	/// The declared positions.
	pub fn positions(&self) -> impl Iterator<Item = u32> {
		[self.model_commitment, self.input_commitment, self.output_commitment].into_iter().flatten()
	}

	/// Whether every declared position is below `num_inputs`.
	pub fn fits(&self, num_inputs: u32) -> bool {
		self.positions().all(|position| position < num_inputs)
	}

	/// The commitment at `position` of `inputs`, if declared.
	pub fn pick(position: Option<u32>, inputs: &[PublicInputBytes]) -> Option<Commitment> {
		position.and_then(|position| inputs.get(position as usize).copied())
	}
}

/// A registered verifying key (its bytes and prepared form are stored beside it).
#[derive(Clone, Encode, Decode, PartialEq, Eq, RuntimeDebug, TypeInfo, MaxEncodedLen)]
pub struct VerifyingKeyInfo<AccountId, Balance, BlockNumber> {
	/// Who registered the key and whose deposit is held.
	pub owner: AccountId,
	/// Public inputs per proof.
	pub num_inputs: u32,
	/// Where the ZKML commitments are.
	pub layout: ZkmlLayout,
	/// The deposit held from `owner` (base + per byte of key and prepared key).
	pub deposit: Balance,
	/// Other pallets that depend on the key (it cannot be unregistered while non-zero).
	pub consumers: u32,
	/// Attestations recorded under the key.
	pub attestations: u64,
	/// Block of registration.
	pub registered_at: BlockNumber,
}

/// A verified statement.
#[derive(
	CloneNoBound, Encode, Decode, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxMetaLen))]
pub struct Attestation<
	AccountId: Clone + PartialEq + Eq + RuntimeDebug,
	BlockNumber: Clone + PartialEq + Eq + RuntimeDebug,
	MaxMetaLen: Get<u32>,
> {
	/// The key the proof verified against.
	pub vk_id: VkId,
	/// Who submitted the proof.
	pub submitter: AccountId,
	/// The block that recorded it.
	pub block: BlockNumber,
	/// The model commitment (per the key's layout).
	pub model_commitment: Option<Commitment>,
	/// The input commitment (per the key's layout).
	pub input_commitment: Option<Commitment>,
	/// The output commitment (per the key's layout).
	pub output_commitment: Option<Commitment>,
	/// Free-form metadata of the submitter (e.g. a URI of the model card).
	pub meta: BoundedVec<u8, MaxMetaLen>,
}

/// One proof of a batch.
#[derive(
	CloneNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxInputs, MaxMetaLen))]
pub struct AttestationItem<MaxInputs: Get<u32>, MaxMetaLen: Get<u32>> {
	/// The proof (256 bytes, canonical encoding).
	pub proof: ProofBytes,
	/// Its public inputs (32 bytes each, little-endian, each `< r`).
	pub public_inputs: BoundedVec<PublicInputBytes, MaxInputs>,
	/// The submitter's metadata.
	pub meta: BoundedVec<u8, MaxMetaLen>,
}

/// Why a dry-run check ([`crate::Pallet::check_proof`], the runtime API) refused a proof.
#[derive(Clone, Copy, Encode, Decode, PartialEq, Eq, RuntimeDebug, TypeInfo)]
pub enum CheckError {
	/// No key with this id is registered.
	UnknownVerifyingKey,
	/// The statement is already attested.
	DuplicateStatement,
	/// The proof or the inputs were refused (decoding or verification).
	Zk(heliox_zk::ZkError),
}

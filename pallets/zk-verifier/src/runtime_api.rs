//! The runtime API of the pallet (JSON-RPC `zk_*` in the node).

use alloc::vec::Vec;

use codec::Codec;
use heliox_zk::{ProofBytes, PublicInputBytes};

use crate::types::{CheckError, StatementId, VerifyingKeyInfo, VkId};

/// An attestation as the API returns it (metadata unbounded for clients).
#[derive(Clone, codec::Encode, codec::Decode, PartialEq, Eq, Debug, scale_info::TypeInfo)]
pub struct AttestationView<AccountId, BlockNumber> {
	/// The statement id.
	pub statement: StatementId,
	/// The key it verified against.
	pub vk_id: VkId,
	/// Who submitted it.
	pub submitter: AccountId,
	/// The block that recorded it.
	pub block: BlockNumber,
	/// ZKML commitments per the key's layout.
	pub model_commitment: Option<[u8; 32]>,
	/// ZKML commitments per the key's layout.
	pub input_commitment: Option<[u8; 32]>,
	/// ZKML commitments per the key's layout.
	pub output_commitment: Option<[u8; 32]>,
	/// The submitter's metadata.
	pub meta: Vec<u8>,
}

/// A key as the API returns it.
pub type VerifyingKeyView<AccountId, Balance, BlockNumber> =
	VerifyingKeyInfo<AccountId, Balance, BlockNumber>;

sp_api::decl_runtime_apis! {
	/// Queries of the ZK verifier.
	pub trait ZkVerifierApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// A registered key's record.
		fn verifying_key(vk_id: VkId) -> Option<VerifyingKeyView<AccountId, Balance, BlockNumber>>;
		/// A registered key's canonical bytes.
		fn verifying_key_bytes(vk_id: VkId) -> Option<Vec<u8>>;
		/// The attestation of a statement.
		fn attestation(statement: StatementId) -> Option<AttestationView<AccountId, BlockNumber>>;
		/// The statement id of public inputs under a key (attested or not).
		fn statement_id(vk_id: VkId, public_inputs: Vec<PublicInputBytes>) -> Option<StatementId>;
		/// Dry run of `submit_attestation`: the statement id it would record or why it fails.
		fn check_proof(
			vk_id: VkId,
			proof: ProofBytes,
			public_inputs: Vec<PublicInputBytes>,
		) -> Result<StatementId, CheckError>;
		/// Attestations recorded so far.
		fn attestation_count() -> u64;
	}
}

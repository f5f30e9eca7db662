//! Read-only queries behind the runtime API.

use alloc::vec::Vec;

use heliox_zk::{ProofBytes, PublicInputBytes};

use crate::*;

impl<T: Config> Pallet<T> {
	/// A registered key's record.
	pub fn verifying_key(vk_id: &VkId) -> Option<VerifyingKeyInfoOf<T>> {
		VerifyingKeys::<T>::get(vk_id)
	}

	/// A registered key's canonical bytes.
	pub fn verifying_key_bytes(vk_id: &VkId) -> Option<Vec<u8>> {
		VerifyingKeyBytes::<T>::get(vk_id).map(|bytes| bytes.into_inner())
	}

	/// The attestation of a statement.
	pub fn attestation(statement: &StatementId) -> Option<AttestationOf<T>> {
		Attestations::<T>::get(statement)
	}

	/// The statement id of `inputs` under `vk_id` (whether attested or not).
	pub fn statement_id(vk_id: &VkId, inputs: &[PublicInputBytes]) -> Option<StatementId> {
		heliox_zk::statement_id(vk_id, inputs).ok()
	}

	/// Dry run of [`Pallet::submit_attestation`] without recording: the statement id a
	/// submission would record, or why it would fail.
	pub fn check_proof(
		vk_id: &VkId,
		proof: &ProofBytes,
		inputs: &[PublicInputBytes],
	) -> Result<StatementId, CheckError> {
		Self::check_single(vk_id, proof, inputs).map(|(_, statement)| statement)
	}
}

impl<T: Config> Pallet<T> {
	/// The attestation of a statement, as the runtime API returns it.
	pub fn attestation_view(
		statement: &StatementId,
	) -> Option<
		runtime_api::AttestationView<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>,
	> {
		Attestations::<T>::get(statement).map(|attestation| runtime_api::AttestationView {
			statement: *statement,
			vk_id: attestation.vk_id,
			submitter: attestation.submitter,
			block: attestation.block,
			model_commitment: attestation.model_commitment,
			input_commitment: attestation.input_commitment,
			output_commitment: attestation.output_commitment,
			meta: attestation.meta.into_inner(),
		})
	}

	/// Attestations recorded so far.
	pub fn attestation_count() -> u64 {
		AttestationCount::<T>::get()
	}
}

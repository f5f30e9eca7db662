//! Verifying proofs and recording attestations.

use alloc::vec::Vec;

use frame_support::pallet_prelude::*;
use heliox_zk::{Groth16Backend, ProofBytes, PublicInputBytes, ZkError};

use crate::*;

/// A key ready for verification: its record and prepared bytes.
struct LoadedKey<T: Config> {
	info: VerifyingKeyInfoOf<T>,
	prepared: BoundedVec<u8, MaxPreparedLen<T>>,
}

impl<T: Config> Pallet<T> {
	/// A missing prepared key is `InvalidPreparedKey` (storage corruption: `CorruptPreparedKey`
	/// once it becomes a pallet error).
	fn load_key(vk_id: &VkId) -> Result<LoadedKey<T>, CheckError> {
		let info = VerifyingKeys::<T>::get(vk_id).ok_or(CheckError::UnknownVerifyingKey)?;
		let prepared =
			PreparedKeys::<T>::get(vk_id).ok_or(CheckError::Zk(ZkError::InvalidPreparedKey))?;
		Ok(LoadedKey { info, prepared })
	}

	/// The statement id of `inputs` under `vk_id`, after checking the input count.
	fn statement_for(
		vk_id: &VkId,
		info: &VerifyingKeyInfoOf<T>,
		inputs: &[PublicInputBytes],
	) -> Result<StatementId, CheckError> {
		if inputs.len() != info.num_inputs as usize {
			return Err(CheckError::Zk(ZkError::PublicInputCountMismatch));
		}
		heliox_zk::statement_id(vk_id, inputs).map_err(CheckError::Zk)
	}

	/// Everything [`Pallet::submit_attestation`] checks, cheap checks (key, count, duplicate)
	/// before the pairing; shared with the dry run [`Pallet::check_proof`]. Returns the key's
	/// record and the statement id.
	pub(crate) fn check_single(
		vk_id: &VkId,
		proof: &ProofBytes,
		inputs: &[PublicInputBytes],
	) -> Result<(VerifyingKeyInfoOf<T>, StatementId), CheckError> {
		let key = Self::load_key(vk_id)?;
		let statement = Self::statement_for(vk_id, &key.info, inputs)?;
		if Attestations::<T>::contains_key(statement) {
			return Err(CheckError::DuplicateStatement);
		}
		T::Backend::verify(&key.prepared, proof, inputs).map_err(CheckError::Zk)?;
		Ok((key.info, statement))
	}

	fn record(
		statement: StatementId,
		vk_id: VkId,
		layout: &ZkmlLayout,
		submitter: T::AccountId,
		inputs: &[PublicInputBytes],
		meta: BoundedVec<u8, T::MaxMetaLen>,
	) {
		Attestations::<T>::insert(
			statement,
			Attestation {
				vk_id,
				submitter: submitter.clone(),
				block: frame_system::Pallet::<T>::block_number(),
				model_commitment: ZkmlLayout::pick(layout.model_commitment, inputs),
				input_commitment: ZkmlLayout::pick(layout.input_commitment, inputs),
				output_commitment: ZkmlLayout::pick(layout.output_commitment, inputs),
				meta,
			},
		);
		AttestationCount::<T>::mutate(|count| *count = count.saturating_add(1));
		Self::deposit_event(Event::AttestationRecorded { statement, vk_id, submitter });
	}

	/// [`Pallet::submit_attestation`]: [`Pallet::check_single`], then the record.
	pub(crate) fn do_submit_attestation(
		submitter: T::AccountId,
		vk_id: VkId,
		proof: ProofBytes,
		inputs: Vec<PublicInputBytes>,
		meta: BoundedVec<u8, T::MaxMetaLen>,
	) -> Result<StatementId, DispatchError> {
		let (info, statement) =
			Self::check_single(&vk_id, &proof, &inputs).map_err(Error::<T>::from)?;

		Self::record(statement, vk_id, &info.layout, submitter, &inputs, meta);
		VerifyingKeys::<T>::mutate(vk_id, |info| {
			if let Some(info) = info {
				info.attestations = info.attestations.saturating_add(1);
			}
		});
		Ok(statement)
	}

	/// [`Pallet::submit_attestations`]: every item is checked (count, duplicates in storage
	/// and in the batch) before one batch verification; then all are recorded.
	pub(crate) fn do_submit_attestations(
		submitter: T::AccountId,
		vk_id: VkId,
		items: Vec<AttestationItemOf<T>>,
	) -> Result<Vec<StatementId>, DispatchError> {
		ensure!(!items.is_empty(), Error::<T>::EmptyBatch);
		ensure!(items.len() <= T::MaxBatchSize::get() as usize, Error::<T>::BatchTooLarge);
		let key = Self::load_key(&vk_id).map_err(Error::<T>::from)?;
		let mut statements = Vec::with_capacity(items.len());
		for item in &items {
			let statement = Self::statement_for(&vk_id, &key.info, &item.public_inputs)
				.map_err(Error::<T>::from)?;
			ensure!(!Attestations::<T>::contains_key(statement), Error::<T>::DuplicateStatement);
			ensure!(!statements.contains(&statement), Error::<T>::DuplicateStatementInBatch);
			statements.push(statement);
		}
		let proofs: Vec<ProofBytes> = items.iter().map(|item| item.proof).collect();
		let inputs: Vec<PublicInputBytes> =
			items.iter().flat_map(|item| item.public_inputs.iter().copied()).collect();
		T::Backend::verify_batch(&key.prepared, &proofs, &inputs, T::MaxBatchSize::get())
			.map_err(Error::<T>::from)?;

		let count = items.len() as u32;
		for (item, statement) in items.into_iter().zip(&statements) {
			Self::record(
				*statement,
				vk_id,
				&key.info.layout,
				submitter.clone(),
				&item.public_inputs,
				item.meta,
			);
		}
		VerifyingKeys::<T>::mutate(vk_id, |info| {
			if let Some(info) = info {
				info.attestations = info.attestations.saturating_add(u64::from(count));
			}
		});
		Self::deposit_event(Event::BatchVerified { vk_id, count });
		Ok(statements)
	}
}

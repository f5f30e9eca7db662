//! Fraud proofs: an agent-signed opening that contradicts the agent-signed commitment, both
//! re-checked here.

use crate::{features::agent_signed, *};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use heliox_gpu_proof::{
	challenge_seed, commit_message, decode_opening, encoded_len_bound, opening_message,
	sample_position, verify_opening, AgentSignature, ProofError,
};

impl<T: Config> Pallet<T> {
	/// The matrix dimension an opening of `len` bytes can have at most (it carries three
	/// columns of `n` bytes): the weight parameter of `report_fraud`.
	pub fn opening_weight_n(len: usize) -> u32 {
		(len / 3).max(1) as u32
	}

	pub(crate) fn do_report_fraud(
		reporter: T::AccountId,
		gpu: T::GpuId,
		epoch: EpochIndex,
		commit: SignedRoot,
		index: u32,
		opening: &[u8],
		signature: AgentSignature,
	) -> DispatchResult {
		ensure!(
			ProvenFraud::<T>::get(gpu).is_none_or(|proven| proven < epoch),
			Error::<T>::FraudAlreadyProven
		);
		let info = Self::epoch_info(epoch).ok_or(Error::<T>::EpochExpired)?;
		let beacon = info.beacon.ok_or(Error::<T>::BeaconNotSet)?;
		let agent_key = T::Registry::agent_key(&gpu).ok_or(Error::<T>::NoAgentKey)?;
		let (params, _) =
			T::Registry::challenge_params(&gpu).ok_or(Error::<T>::NoChallengeParams)?;
		params.validate().map_err(|_| Error::<T>::InvalidChallengeParams)?;
		ensure!(opening.len() <= encoded_len_bound(&params), Error::<T>::OpeningTooLarge);
		ensure!(index < params.samples, Error::<T>::BadSampleIndex);
		let gpu_id: u64 = gpu.into();
		ensure!(
			agent_signed(
				&agent_key,
				&commit_message(gpu_id, epoch, &commit.root),
				&commit.signature
			),
			Error::<T>::BadCommitSignature
		);
		ensure!(
			agent_signed(&agent_key, &opening_message(gpu_id, epoch, index, opening), &signature),
			Error::<T>::BadSignature
		);
		let decoded = decode_opening(&params, opening).map_err(|_| Error::<T>::MalformedOpening)?;
		let position = sample_position(&beacon, &commit.root, gpu_id, &params, index)
			.ok_or(Error::<T>::InvalidChallengeParams)?;
		ensure!(
			(decoded.t, decoded.i, decoded.j) == (position.t, position.i, position.j),
			Error::<T>::PositionMismatch
		);
		let seed = challenge_seed(&info.randomness, gpu_id, epoch);
		match verify_opening(&params, &seed, &commit.root, &decoded) {
			Err(ProofError::EntryMismatch) => {},
			Ok(()) => return Err(Error::<T>::NotFraud.into()),
			Err(_) => return Err(Error::<T>::InvalidOpening.into()),
		}
		let slashed = T::Registry::slash(&gpu, T::SlashFraction::get(), Some(reporter.clone()))
			.map_err(|error| {
				log::warn!(target: LOG_TARGET, "slash of a proven fraud failed: {error:?}");
				Error::<T>::SlashFailed
			})?;
		ProvenFraud::<T>::insert(gpu, epoch);
		Self::deposit_event(Event::FraudProven { gpu, epoch, reporter, slashed });
		Ok(())
	}
}

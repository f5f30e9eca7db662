//! Verifiers' reports, the per-block verdict budget, and the quorum that settles each GPU's
//! epoch.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	dispatch::{DispatchErrorWithPostInfo, DispatchResultWithPostInfo, Pays, PostDispatchInfo},
	ensure,
	traits::Get,
	weights::Weight,
};
use heliox_gpu_proof::{is_sampled, verifier_slot, Tally, TallyError, MAX_ASSIGNED};

impl<T: Config> Pallet<T> {
	/// Verifiers assigned to each GPU with the current set: `min(k, V, 64)`.
	pub fn assigned_count() -> u32 {
		let verifiers = Verifiers::<T>::decode_len().unwrap_or(0) as u32;
		T::VerifiersPerGpu::get().min(verifiers).min(MAX_ASSIGNED)
	}

	/// Whether `gpu` is opened in an epoch with this beacon.
	pub fn is_sampled(beacon: &heliox_gpu_proof::Hash, gpu: T::GpuId) -> bool {
		is_sampled(beacon, gpu.into(), Pallet::<T>::sample_fraction().deconstruct())
	}

	/// The slot of verifier `index` among `gpu`'s assigned verifiers in the epoch with
	/// randomness `randomness`, if it is assigned.
	pub fn slot_of(randomness: &heliox_gpu_proof::Hash, gpu: T::GpuId, index: u32) -> Option<u32> {
		let verifiers = Verifiers::<T>::decode_len().unwrap_or(0) as u32;
		verifier_slot(randomness, gpu.into(), verifiers, T::VerifiersPerGpu::get(), index)
	}

	/// What a chunk of `count` verdicts counts against the block's verdict budget: the call's
	/// weight and the base weight of its extrinsic.
	pub fn chunk_weight(count: u32) -> Weight {
		let base = <T as frame_system::Config>::BlockWeights::get()
			.get(frame_support::dispatch::DispatchClass::Normal)
			.base_extrinsic;
		T::WeightInfo::submit_verdicts(count).saturating_add(base)
	}

	/// The weight of verdicts admitted in the current block so far.
	pub fn verdict_load() -> Weight {
		let now = frame_system::Pallet::<T>::block_number();
		VerdictLoad::<T>::get()
			.filter(|(block, _)| *block == now)
			.map_or(Weight::zero(), |(_, load)| load)
	}

	pub(crate) fn do_submit_verdicts(
		who: T::AccountId,
		epoch: EpochIndex,
		verdicts: Vec<(T::GpuId, Verdict)>,
	) -> DispatchResultWithPostInfo {
		let index = VerifierIndex::<T>::get(&who).ok_or(Error::<T>::NotVerifier)?;
		// From here on the sender is a verifier: its reports are free, refused ones included.
		let refuse = |error: Error<T>| DispatchErrorWithPostInfo {
			post_info: PostDispatchInfo {
				actual_weight: Some(T::WeightInfo::submit_verdicts(0)),
				pays_fee: Pays::No,
			},
			error: error.into(),
		};
		ensure!(!verdicts.is_empty(), refuse(Error::<T>::EmptyReport));
		let (current, info) = Self::current_epoch().ok_or(refuse(Error::<T>::NoEpoch))?;
		ensure!(epoch == current, refuse(Error::<T>::WrongEpoch));
		let beacon = info.beacon.ok_or(refuse(Error::<T>::BeaconNotSet))?;
		let count = verdicts.len() as u32;
		let load = Self::verdict_load().saturating_add(Self::chunk_weight(count));
		ensure!(load.all_lte(Self::verdict_budget()), refuse(Error::<T>::VerdictBudgetExhausted));
		let set_id = VerifierSetId::<T>::get();
		let assigned = Self::assigned_count();
		// Verdicts are recorded one by one; the call is transactional, so an error on a later
		// verdict reverts the earlier ones.
		for (gpu, verdict) in verdicts {
			if verdict != Verdict::NoResponse {
				ensure!(Self::is_sampled(&beacon, gpu), refuse(Error::<T>::NotSampled));
			}
			let slot = Self::slot_of(&info.randomness, gpu, index)
				.ok_or(refuse(Error::<T>::NotAssigned))?;
			let mut entry = Tallies::<T>::get(gpu)
				.filter(|entry| entry.epoch == epoch && entry.set_id == set_id)
				.unwrap_or(GpuTally { epoch, set_id, tally: Tally::default() });
			let settled = entry.tally.record(slot, verdict, assigned).map_err(|e| match e {
				TallyError::AlreadyVoted => refuse(Error::<T>::DuplicateVerdict),
				TallyError::SlotOutOfRange => refuse(Error::<T>::NotAssigned),
			})?;
			Tallies::<T>::insert(gpu, entry);
			if let Some(outcome) = settled {
				Self::settle(gpu, epoch, outcome);
			}
		}
		let now = frame_system::Pallet::<T>::block_number();
		VerdictLoad::<T>::put((now, load));
		let accepted = Reported::<T>::get(&who)
			.filter(|(e, s, _)| (*e, *s) == (epoch, set_id))
			.map_or(0, |(_, _, accepted)| accepted);
		Reported::<T>::insert(&who, (epoch, set_id, accepted.saturating_add(count)));
		Self::deposit_event(Event::VerdictsReported { epoch, verifier: who, count });
		Ok(Pays::No.into())
	}

	fn settle(gpu: T::GpuId, epoch: EpochIndex, outcome: Outcome) {
		Self::deposit_event(Event::EpochSettled { gpu, epoch, outcome });
		match outcome {
			Outcome::Passed => {
				Misses::<T>::remove(gpu);
				T::Registry::record_verified(&gpu, epoch);
			},
			Outcome::Missed => {
				let misses = Misses::<T>::get(gpu).unwrap_or(0).saturating_add(1);
				if misses >= T::MaxNoResponse::get() {
					Misses::<T>::remove(gpu);
					T::Registry::suspend(&gpu);
					Self::deposit_event(Event::GpuSuspended { gpu, misses });
				} else {
					Misses::<T>::insert(gpu, misses);
				}
			},
		}
	}
}

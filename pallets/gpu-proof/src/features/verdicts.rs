//! Verifiers' reports and the quorum that settles each sampled GPU's epoch.

use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use heliox_gpu_proof::{is_sampled, verifier_slot, Tally, TallyError, MAX_ASSIGNED};

impl<T: Config> Pallet<T> {
	/// Verifiers assigned to each sampled GPU with the current set: `min(k, V, 64)`.
	pub fn assigned_count() -> u32 {
		let verifiers = Verifiers::<T>::decode_len().unwrap_or(0) as u32;
		T::VerifiersPerGpu::get().min(verifiers).min(MAX_ASSIGNED)
	}

	/// Whether `gpu` is opened in an epoch with this beacon.
	pub fn is_sampled(beacon: &heliox_gpu_proof::Hash, gpu: T::GpuId) -> bool {
		is_sampled(beacon, gpu.into(), Pallet::<T>::sample_fraction().deconstruct())
	}

	pub(crate) fn do_submit_verdicts(
		who: T::AccountId,
		epoch: EpochIndex,
		verdicts: Vec<(T::GpuId, Verdict)>,
	) -> DispatchResult {
		ensure!(!verdicts.is_empty(), Error::<T>::EmptyReport);
		let (current, info) = Self::current_epoch().ok_or(Error::<T>::NoEpoch)?;
		ensure!(epoch == current, Error::<T>::WrongEpoch);
		let beacon = info.beacon.ok_or(Error::<T>::BeaconNotSet)?;
		let index = VerifierIndex::<T>::get(&who).ok_or(Error::<T>::NotVerifier)?;
		let set_id = VerifierSetId::<T>::get();
		ensure!(LastReport::<T>::get(&who) != Some((epoch, set_id)), Error::<T>::AlreadyReported);
		let verifiers = Verifiers::<T>::decode_len().unwrap_or(0) as u32;
		let k = T::VerifiersPerGpu::get();
		let assigned = Self::assigned_count();
		let count = verdicts.len() as u32;
		for (gpu, verdict) in verdicts {
			ensure!(Self::is_sampled(&beacon, gpu), Error::<T>::NotSampled);
			let slot = verifier_slot(&beacon, gpu.into(), verifiers, k, index)
				.ok_or(Error::<T>::NotAssigned)?;
			if verdict == Verdict::Pass {
				let committed =
					Commits::<T>::get(gpu).is_some_and(|slots| slots.latest.epoch == epoch);
				ensure!(committed, Error::<T>::PassWithoutCommit);
			}
			let mut entry = Tallies::<T>::get(gpu)
				.filter(|entry| entry.epoch == epoch && entry.set_id == set_id)
				.unwrap_or(GpuTally { epoch, set_id, tally: Tally::default() });
			let settled = entry.tally.record(slot, verdict, assigned).map_err(|e| match e {
				TallyError::AlreadyVoted => Error::<T>::DuplicateVerdict,
				TallyError::SlotOutOfRange => Error::<T>::NotAssigned,
			})?;
			Tallies::<T>::insert(gpu, entry);
			if let Some(outcome) = settled {
				Self::settle(gpu, epoch, outcome);
			}
		}
		LastReport::<T>::insert(&who, (epoch, set_id));
		Self::deposit_event(Event::VerdictsReported { epoch, verifier: who, count });
		Ok(())
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

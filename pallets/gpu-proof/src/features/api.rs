//! Read-only views for the runtime API, and the registry's clean-up hook.

use crate::*;
use frame_support::traits::Get;
use heliox_gpu_proof::{assign_verifiers, challenge_seed, Hash};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// The current epoch (runtime API).
	pub fn epoch_view() -> Option<EpochView<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		let (epoch, info) = Self::current_epoch()?;
		Some(EpochView {
			epoch,
			start: info.start,
			beacon_block: info.start.saturating_add(Pallet::<T>::commit_window()),
			next_start: info.start.saturating_add(Pallet::<T>::challenge_period()),
			randomness: info.randomness,
			beacon: info.beacon,
			verifiers: Verifiers::<T>::decode_len().unwrap_or(0) as u32,
		})
	}

	/// `gpu`'s seed in the current epoch: `challenge_seed(R_e, gpu, e)` (runtime API; what the
	/// agent needs to start computing).
	pub fn seed_of(gpu: T::GpuId) -> Option<(EpochIndex, Hash)> {
		let (epoch, info) = Self::current_epoch()?;
		Some((epoch, challenge_seed(&info.randomness, gpu.into(), epoch)))
	}

	/// `gpu`'s challenge in the current epoch (runtime API, what its agent polls): `None` when
	/// no epoch is open, the GPU is not Active or its model has no valid challenge.
	pub fn challenge_of(
		gpu: T::GpuId,
	) -> Option<ChallengeView<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		let (epoch, info) = Self::current_epoch()?;
		if !T::Registry::is_active(&gpu) {
			return None;
		}
		let (params, deadline) = T::Registry::challenge_params(&gpu)?;
		params.validate().ok()?;
		Some(ChallengeView {
			epoch,
			seed: challenge_seed(&info.randomness, gpu.into(), epoch),
			params,
			start: info.start,
			deadline_block: Self::deadline_block(info.start, deadline),
			beacon_block: info.start.saturating_add(Pallet::<T>::commit_window()),
			next_start: info.start.saturating_add(Pallet::<T>::challenge_period()),
			beacon: info.beacon,
			assigned: Self::assigned_verifiers(&info.randomness, gpu),
			sampled: info.beacon.map(|beacon| Self::is_sampled(&beacon, gpu)),
		})
	}

	/// Where `gpu` stands in the current epoch (runtime API).
	pub fn verdict_status(gpu: T::GpuId) -> Option<VerdictStatus> {
		let (epoch, info) = Self::current_epoch()?;
		let sampled = info.beacon.map(|beacon| Self::is_sampled(&beacon, gpu));
		let assigned = Self::assigned_verifiers(&info.randomness, gpu);
		let set_id = VerifierSetId::<T>::get();
		let tally = Tallies::<T>::get(gpu)
			.filter(|entry| entry.epoch == epoch && entry.set_id == set_id)
			.map(|entry| entry.tally);
		Some(VerdictStatus {
			epoch,
			sampled,
			assigned,
			tally,
			misses: Misses::<T>::get(gpu).unwrap_or(0),
		})
	}

	/// The verifier-set indices assigned to `gpu` in the epoch with randomness `randomness`.
	pub fn assigned_verifiers(randomness: &Hash, gpu: T::GpuId) -> alloc::vec::Vec<u32> {
		let verifiers = Verifiers::<T>::decode_len().unwrap_or(0) as u32;
		assign_verifiers(randomness, gpu.into(), verifiers, T::VerifiersPerGpu::get())
	}

	/// Forgets everything about `gpu` (the registry calls it when a GPU is withdrawn).
	pub fn purge_gpu(gpu: T::GpuId) {
		ProvenFraud::<T>::remove(gpu);
		Tallies::<T>::remove(gpu);
		Misses::<T>::remove(gpu);
	}
}

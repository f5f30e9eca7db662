//! The GPU lifecycle: activation and suspension (from the liveness pallet), resume,
//! retirement, stake withdrawal and slashing.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use heliox_gpu_liveness::LivenessMonitor;
use sp_runtime::{Perbill, Saturating};

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// `Suspended -> Pending`, monitored again.
	pub(crate) fn do_resume_gpu(who: T::AccountId, gpu: GpuId) -> DispatchResult {
		let mut record = Self::operated_gpu(&who, gpu)?;
		ensure!(record.status == GpuStatus::Suspended, Error::<T>::NotSuspended);
		Self::start_monitoring(gpu)?;
		record.status = GpuStatus::Pending;
		Gpus::<T>::insert(gpu, record);
		Self::deposit_event(Event::GpuResumed { gpu });
		Ok(())
	}

	/// Any state but `Retired` -> `Retired { now + UnbondingPeriod }`, if not rented.
	pub(crate) fn do_retire_gpu(who: T::AccountId, gpu: GpuId) -> DispatchResult {
		let mut record = Self::operated_gpu(&who, gpu)?;
		ensure!(!matches!(record.status, GpuStatus::Retired { .. }), Error::<T>::AlreadyRetired);
		ensure!(!Rentals::<T>::contains_key(gpu), Error::<T>::GpuRented);
		T::Liveness::stop_monitoring(&gpu);
		let unbonds_at = Self::now().saturating_add(T::UnbondingPeriod::get());
		record.status = GpuStatus::Retired { unbonds_at };
		Gpus::<T>::insert(gpu, record);
		Self::deposit_event(Event::GpuRetired { gpu, unbonds_at });
		Ok(())
	}

	/// After unbonding: releases the stake, burns the item, removes the GPU.
	pub(crate) fn do_withdraw_stake(who: T::AccountId, gpu: GpuId) -> DispatchResult {
		let record = Self::operated_gpu(&who, gpu)?;
		let GpuStatus::Retired { unbonds_at } = record.status else {
			return Err(Error::<T>::NotRetired.into());
		};
		ensure!(Self::now() >= unbonds_at, Error::<T>::StillUnbonding);
		// `retire_gpu` refuses rented GPUs and `rent` only takes active ones.
		ensure!(!Rentals::<T>::contains_key(gpu), Error::<T>::GpuRented);
		if record.stake > 0 {
			T::Currency::release(
				&HoldReason::GpuStake.into(),
				&record.provider,
				record.stake,
				Precision::Exact,
			)?;
		}
		Self::burn_gpu_item(gpu)?;
		AgentKeys::<T>::remove(record.agent_key);
		Gpus::<T>::remove(gpu);
		Revenue::<T>::remove(gpu);
		Verified::<T>::remove(gpu);
		T::OnWithdrawn::on_gpu_withdrawn(gpu);
		match ModelGpus::<T>::get(record.model).unwrap_or(0).saturating_sub(1) {
			0 => ModelGpus::<T>::remove(record.model),
			left => ModelGpus::<T>::insert(record.model, left),
		}
		Self::deposit_event(Event::StakeWithdrawn {
			gpu,
			provider: record.provider,
			amount: record.stake,
		});
		Ok(())
	}

	/// `Pending | Active -> Suspended`; stops monitoring if `stop` (the liveness pallet has
	/// already stopped it when it reports the GPU unresponsive).
	pub(crate) fn do_suspend(gpu: GpuId, stop: bool) -> DispatchResult {
		let mut record = Gpus::<T>::get(gpu).ok_or(Error::<T>::UnknownGpu)?;
		ensure!(
			matches!(record.status, GpuStatus::Pending | GpuStatus::Active),
			Error::<T>::CannotSuspend
		);
		if stop {
			T::Liveness::stop_monitoring(&gpu);
		}
		record.status = GpuStatus::Suspended;
		Gpus::<T>::insert(gpu, record);
		Self::deposit_event(Event::GpuSuspended { gpu });
		Ok(())
	}

	/// See [`Pallet::slash`]; the caller provides the storage layer.
	pub(crate) fn do_slash(
		gpu: GpuId,
		fraction: Perbill,
		reporter: Option<T::AccountId>,
	) -> Result<u128, DispatchError> {
		let mut record = Gpus::<T>::get(gpu).ok_or(Error::<T>::UnknownGpu)?;
		let amount = fraction.mul_floor(record.stake);
		let reason = HoldReason::GpuStake.into();
		let mut to_reporter = 0u128;
		if let Some(reporter) = &reporter {
			let reward = T::ReporterReward::get().mul_floor(amount);
			if reward > 0 {
				// A reporter that cannot receive the reward (a new account below the
				// existential deposit) leaves it to the treasury.
				let paid = frame_support::storage::with_storage_layer(|| {
					T::Currency::transfer_on_hold(
						&reason,
						&record.provider,
						reporter,
						reward,
						Precision::Exact,
						Restriction::Free,
						Fortitude::Force,
					)
				});
				if paid.is_ok() {
					to_reporter = reward;
				}
			}
		}
		let to_treasury = amount.saturating_sub(to_reporter);
		if to_treasury > 0 {
			T::Currency::transfer_on_hold(
				&reason,
				&record.provider,
				&T::TreasuryAccount::get(),
				to_treasury,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)?;
		}
		record.stake = record.stake.saturating_sub(amount);
		record.status = GpuStatus::Slashed;
		T::Liveness::stop_monitoring(&gpu);
		let remaining_stake = record.stake;
		let provider = record.provider.clone();
		Gpus::<T>::insert(gpu, record);
		Self::deposit_event(Event::GpuSlashed {
			gpu,
			provider,
			amount,
			to_treasury,
			reporter,
			to_reporter,
			remaining_stake,
		});
		Ok(amount)
	}
}

impl<T: Config> GpuDirectory<GpuId> for Pallet<T> {
	fn agent_key(gpu: &GpuId) -> Option<[u8; 32]> {
		Gpus::<T>::get(gpu).map(|record| record.agent_key)
	}

	fn agent_endpoint(gpu: &GpuId) -> Option<alloc::vec::Vec<u8>> {
		Gpus::<T>::get(gpu).map(|record| record.endpoint.into_inner())
	}

	fn on_live(gpu: &GpuId) {
		Gpus::<T>::mutate(gpu, |maybe| {
			if let Some(record) = maybe {
				if record.status == GpuStatus::Pending {
					record.status = GpuStatus::Active;
					Self::deposit_event(Event::GpuActivated { gpu: *gpu });
				}
			}
		});
	}

	fn on_unresponsive(gpu: &GpuId) {
		if let Err(error) = Self::do_suspend(*gpu, false) {
			log::debug!(
				target: LOG_TARGET,
				"GPU {gpu} reported unresponsive but not suspended: {error:?}"
			);
		}
	}
}

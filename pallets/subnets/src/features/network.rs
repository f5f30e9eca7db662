//! Subnet registration (lock cost doubling per registration and decaying to a floor),
//! dissolution and hyperparameters.

use crate::*;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto, Zero},
	Perbill,
};

/// Blocks between `from` and `to` as `u64` (0 if `to < from`).
pub(crate) fn blocks_between<T: Config>(from: BlockNumberFor<T>, to: BlockNumberFor<T>) -> u64 {
	to.saturating_sub(from).unique_saturated_into()
}

impl<T: Config> Pallet<T> {
	/// The lock a subnet registration costs at block `now`: twice the last lock, decaying
	/// linearly to zero over `LockReductionInterval` blocks, never below `MinLockCost`.
	pub fn lock_cost_at(now: BlockNumberFor<T>) -> BalanceOf<T> {
		let doubled = LastLockCost::<T>::get().saturating_mul(2u32.into());
		let elapsed = blocks_between::<T>(LastLockBlock::<T>::get(), now);
		let interval: u64 = T::LockReductionInterval::get().unique_saturated_into();
		let remaining = if interval == 0 || elapsed >= interval {
			Zero::zero()
		} else {
			Perbill::from_rational(interval.saturating_sub(elapsed), interval).mul_floor(doubled)
		};
		remaining.max(T::MinLockCost::get())
	}

	/// The lock a subnet registration costs now.
	pub fn network_lock_cost() -> BalanceOf<T> {
		Self::lock_cost_at(frame_system::Pallet::<T>::block_number())
	}

	/// Fails with `InsufficientBalance` unless `who` can part with `amount` and stay alive.
	pub(crate) fn ensure_can_pay(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		let free = T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite);
		ensure!(free >= amount, Error::<T>::InsufficientBalance);
		Ok(())
	}

	/// The hyperparameters of a new subnet.
	pub fn default_hyperparameters() -> SubnetHyperparameters {
		let mut params = T::DefaultHyperparameters::get();
		let cap = u16::try_from(T::MaxUids::get()).unwrap_or(u16::MAX);
		params.max_uids = params.max_uids.min(cap).max(1);
		params.max_validators = params.max_validators.max(1);
		params.tempo = params.tempo.max(1);
		params.reveal_period = params.reveal_period.max(1);
		params.bonds_moving_average = params.bonds_moving_average.min(1_000_000);
		params
	}

	pub(crate) fn do_register_network(who: T::AccountId) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let mut networks = EpochSchedule::<T>::get();
		// The lowest free netuid; `networks` is sorted by netuid.
		let mut netuid: u32 = 0;
		for (taken, _) in networks.iter() {
			if u32::from(*taken) != netuid {
				break;
			}
			netuid = netuid.saturating_add(1);
		}
		ensure!(netuid < T::MaxSubnets::get(), Error::<T>::TooManySubnets);
		let netuid = NetUid::try_from(netuid).map_err(|_| Error::<T>::TooManySubnets)?;

		let lock = Self::lock_cost_at(now);
		Self::ensure_can_pay(&who, lock)?;
		T::Currency::hold(&HoldReason::SubnetLock.into(), &who, lock)?;

		let params = Self::default_hyperparameters();
		let due = now.saturating_add(params.tempo.into());
		let position = networks.partition_point(|(id, _)| *id < netuid);
		networks.try_insert(position, (netuid, due)).map_err(|_| Error::<T>::TooManySubnets)?;
		EpochSchedule::<T>::put(networks);
		Networks::<T>::insert(
			netuid,
			SubnetInfo {
				owner: who.clone(),
				locked: lock,
				registered_at: now,
				n: 0,
				params,
				burn: T::MinBurn::get(),
				burn_at: now,
				last_epoch_block: now,
				epoch_index: 0,
				emission_index: EmissionIndex::<T>::get(),
			},
		);
		LastLockCost::<T>::put(lock);
		LastLockBlock::<T>::put(now);
		Self::deposit_event(Event::NetworkRegistered { netuid, owner: who, lock });
		Ok(())
	}

	/// Dissolves `netuid`; returns the number of UIDs it had.
	pub(crate) fn do_dissolve_network(
		who: T::AccountId,
		netuid: NetUid,
	) -> Result<u16, DispatchError> {
		let info = Networks::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(info.owner == who, Error::<T>::NotSubnetOwner);

		for uid in 0..info.n {
			if let Some(neuron) = Neurons::<T>::take(netuid, uid) {
				Uids::<T>::remove(netuid, &neuron.hotkey);
				WeightCommits::<T>::remove(netuid, &neuron.hotkey);
			}
			Weights::<T>::remove(netuid, uid);
			Bonds::<T>::remove(netuid, uid);
			Axons::<T>::remove(netuid, uid);
		}
		Networks::<T>::remove(netuid);
		EpochSchedule::<T>::mutate(|networks| networks.retain(|(id, _)| *id != netuid));

		let returned = T::Currency::release(
			&HoldReason::SubnetLock.into(),
			&who,
			info.locked,
			Precision::BestEffort,
		)?;
		Self::deposit_event(Event::NetworkDissolved { netuid, owner: who, returned });
		Ok(info.n)
	}

	/// Sets the hyperparameters; returns the number of hotkeys whose pending commits were
	/// dropped (commit-reveal switched off).
	pub(crate) fn do_set_hyperparameters(
		who: T::AccountId,
		netuid: NetUid,
		params: SubnetHyperparameters,
	) -> Result<u32, DispatchError> {
		let mut info = Networks::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(info.owner == who, Error::<T>::NotSubnetOwner);
		ensure!(
			HyperparamBounds::<T>::get().allows(&params)
				&& u32::from(params.max_uids) <= T::MaxUids::get()
				&& params.tempo > 0
				&& params.reveal_period > 0
				&& params.bonds_moving_average <= 1_000_000,
			Error::<T>::HyperparametersOutOfBounds
		);
		ensure!(params.max_uids >= info.n, Error::<T>::MaxUidsBelowCurrent);

		if params.tempo != info.params.tempo {
			let due = info.last_epoch_block.saturating_add(params.tempo.into());
			EpochSchedule::<T>::mutate(|networks| {
				for entry in networks.iter_mut() {
					if entry.0 == netuid {
						entry.1 = due;
					}
				}
			});
		}
		let mut cleared = 0;
		if info.params.commit_reveal_enabled && !params.commit_reveal_enabled {
			// Pending commits can never be revealed now. Only registered hotkeys have commits,
			// so there are at most `n <= MaxUids` keys.
			cleared = WeightCommits::<T>::clear_prefix(netuid, T::MaxUids::get(), None).unique;
		}
		info.params = params;
		Networks::<T>::insert(netuid, info);
		Self::deposit_event(Event::HyperparametersSet { netuid, params });
		Ok(cleared)
	}
}

//! Neuron registration by burn, and replacement of the lowest-emission non-immune UID when a
//! subnet is full.

use crate::{features::network::blocks_between, *};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::Mutate,
		tokens::{Fortitude, Precision, Preservation},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, UniqueSaturatedInto};

impl<T: Config> Pallet<T> {
	/// The burn price of `info` at block `now` and the start of its current halving interval.
	pub fn burn_at(
		info: &SubnetInfo<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) -> (BalanceOf<T>, BlockNumberFor<T>) {
		let interval: u64 = T::BurnHalvingInterval::get().unique_saturated_into();
		let (min, max) = (T::MinBurn::get(), T::MaxBurn::get());
		if interval == 0 {
			return (info.burn.max(min).min(max), info.burn_at);
		}
		let halvings = blocks_between::<T>(info.burn_at, now) / interval;
		let mut price = info.burn;
		let two: BalanceOf<T> = 2u32.into();
		for _ in 0..halvings.min(128) {
			if price <= min {
				break;
			}
			price /= two;
		}
		let start: BlockNumberFor<T> = halvings.saturating_mul(interval).unique_saturated_into();
		(price.max(min).min(max), info.burn_at.saturating_add(start))
	}

	/// The burn a neuron registration on `netuid` costs now.
	pub fn neuron_burn(netuid: NetUid) -> Option<BalanceOf<T>> {
		let info = Networks::<T>::get(netuid)?;
		Some(Self::burn_at(&info, frame_system::Pallet::<T>::block_number()).0)
	}

	/// The UID a registration would replace on a full subnet: the lowest emission among UIDs
	/// past their immunity period, ties to the oldest registration, then the lowest UID.
	pub(crate) fn prune_candidate(
		netuid: NetUid,
		n: u16,
		immunity_period: u32,
		now: BlockNumberFor<T>,
	) -> Option<Uid> {
		let mut best: Option<(BalanceOf<T>, BlockNumberFor<T>, Uid)> = None;
		for uid in 0..n {
			let Some(neuron) = Neurons::<T>::get(netuid, uid) else { continue };
			let immune_until = neuron.registered_at.saturating_add(immunity_period.into());
			if now < immune_until {
				continue;
			}
			let key = (neuron.emission, neuron.registered_at, uid);
			if best.as_ref().is_none_or(|b| key < *b) {
				best = Some(key);
			}
		}
		best.map(|(_, _, uid)| uid)
	}

	/// Registers `hotkey`; returns the number of UIDs scanned for a replacement (the weight
	/// component).
	pub(crate) fn do_burned_register(
		coldkey: T::AccountId,
		netuid: NetUid,
		hotkey: T::AccountId,
	) -> Result<u32, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut info = Networks::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(!Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::HotkeyAlreadyRegistered);
		if let Some(owner) = HotkeyOwner::<T>::get(&hotkey) {
			ensure!(owner == coldkey, Error::<T>::NotHotkeyOwner);
		}

		let (uid, replaced, scanned) = if info.n < info.params.max_uids {
			let uid = info.n;
			info.n = info.n.saturating_add(1);
			(uid, None, 0u32)
		} else {
			let uid = Self::prune_candidate(netuid, info.n, info.params.immunity_period, now)
				.ok_or(Error::<T>::AllUidsImmune)?;
			(uid, Neurons::<T>::get(netuid, uid).map(|n| n.hotkey), u32::from(info.n))
		};

		let (price, burn_at) = Self::burn_at(&info, now);
		Self::ensure_can_pay(&coldkey, price)?;
		T::Currency::burn_from(
			&coldkey,
			price,
			Preservation::Preserve,
			Precision::Exact,
			Fortitude::Polite,
		)?;
		info.burn = price
			.saturating_add(T::BurnIncrease::get().mul_floor(price))
			.max(T::MinBurn::get())
			.min(T::MaxBurn::get());
		info.burn_at = burn_at;

		if let Some(old) = &replaced {
			Uids::<T>::remove(netuid, old);
			WeightCommits::<T>::remove(netuid, old);
			Weights::<T>::remove(netuid, uid);
			Bonds::<T>::remove(netuid, uid);
			Axons::<T>::remove(netuid, uid);
		}
		Neurons::<T>::insert(
			netuid,
			uid,
			Neuron {
				hotkey: hotkey.clone(),
				registered_at: now,
				last_update: now,
				validator_permit: false,
				active: true,
				trust: 0,
				validator_trust: 0,
				consensus: 0,
				incentive: 0,
				dividends: 0,
				emission: Default::default(),
			},
		);
		Uids::<T>::insert(netuid, &hotkey, uid);
		HotkeyOwner::<T>::insert(&hotkey, &coldkey);
		Networks::<T>::insert(netuid, info);
		Self::deposit_event(Event::NeuronRegistered {
			netuid,
			uid,
			hotkey,
			coldkey,
			burned: price,
			replaced,
		});
		Ok(scanned)
	}
}

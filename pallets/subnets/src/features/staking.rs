//! Staking HLX on hotkeys, as holds on the staking coldkey.

use crate::*;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_stake(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(HotkeyOwner::<T>::contains_key(&hotkey), Error::<T>::HotkeyUnknown);
		let staked = Stake::<T>::get(&hotkey, &coldkey).saturating_add(amount);
		ensure!(staked >= T::MinStake::get(), Error::<T>::StakeBelowMinimum);
		Self::ensure_can_pay(&coldkey, amount)?;
		T::Currency::hold(&HoldReason::Stake.into(), &coldkey, amount)?;
		Stake::<T>::insert(&hotkey, &coldkey, staked);
		TotalHotkeyStake::<T>::mutate(&hotkey, |stake| *stake = stake.saturating_add(amount));
		Self::deposit_event(Event::StakeAdded { coldkey, hotkey, amount });
		Ok(())
	}

	pub(crate) fn do_remove_stake(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let staked = Stake::<T>::get(&hotkey, &coldkey);
		ensure!(staked >= amount, Error::<T>::NotEnoughStake);
		let left = staked.saturating_sub(amount);
		ensure!(left.is_zero() || left >= T::MinStake::get(), Error::<T>::StakeBelowMinimum);
		T::Currency::release(&HoldReason::Stake.into(), &coldkey, amount, Precision::Exact)?;
		if left.is_zero() {
			Stake::<T>::remove(&hotkey, &coldkey);
		} else {
			Stake::<T>::insert(&hotkey, &coldkey, left);
		}
		let total = TotalHotkeyStake::<T>::get(&hotkey).saturating_sub(amount);
		if total.is_zero() {
			TotalHotkeyStake::<T>::remove(&hotkey);
		} else {
			TotalHotkeyStake::<T>::insert(&hotkey, total);
		}
		Self::deposit_event(Event::StakeRemoved { coldkey, hotkey, amount });
		Ok(())
	}

	/// Total stake on a hotkey.
	pub fn total_stake(hotkey: &T::AccountId) -> BalanceOf<T> {
		TotalHotkeyStake::<T>::get(hotkey)
	}
}

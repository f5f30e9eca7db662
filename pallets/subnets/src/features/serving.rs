//! Axon endpoint information.

use crate::{features::network::blocks_between, *};
use frame_support::pallet_prelude::*;
use sp_runtime::traits::UniqueSaturatedInto;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_serve_axon(
		hotkey: T::AccountId,
		netuid: NetUid,
		version: u32,
		ip: u128,
		port: u16,
		ip_type: u8,
		protocol: u8,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(Networks::<T>::contains_key(netuid), Error::<T>::SubnetNotFound);
		let uid = Uids::<T>::get(netuid, &hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		ensure!(ip_type == 4 || ip_type == 6, Error::<T>::InvalidIpType);
		ensure!(
			ip != 0 && (ip_type == 6 || ip <= u128::from(u32::MAX)),
			Error::<T>::InvalidIpAddress
		);
		ensure!(port != 0, Error::<T>::InvalidPort);
		if let Some(previous) = Axons::<T>::get(netuid, uid) {
			let limit: u64 = T::ServingRateLimit::get().unique_saturated_into();
			ensure!(
				blocks_between::<T>(previous.block, now) >= limit,
				Error::<T>::ServingRateLimitExceeded
			);
		}
		Axons::<T>::insert(
			netuid,
			uid,
			AxonInfo { block: now, version, ip, port, ip_type, protocol },
		);
		Self::deposit_event(Event::AxonServed { netuid, uid, hotkey });
		Ok(())
	}
}

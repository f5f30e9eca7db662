//! The data behind the runtime API: subnets and their metagraphs.

use crate::*;
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, UniqueSaturatedInto};

fn block_u64<T: Config>(b: BlockNumberFor<T>) -> u64 {
	b.unique_saturated_into()
}

fn summarize(row: &[(Uid, u16)]) -> BondsSummary {
	let mut summary = BondsSummary::default();
	for &(uid, value) in row {
		if value == 0 {
			continue;
		}
		summary.count = summary.count.saturating_add(1);
		summary.total = summary.total.saturating_add(u64::from(value));
		if summary.max.is_none_or(|(_, m)| value > m) {
			summary.max = Some((uid, value));
		}
	}
	summary
}

impl<T: Config> Pallet<T> {
	/// A subnet's summary.
	pub fn subnet(netuid: NetUid) -> Option<SubnetSummary<T::AccountId, BalanceOf<T>>> {
		let info = Networks::<T>::get(netuid)?;
		let now = frame_system::Pallet::<T>::block_number();
		let next = EpochSchedule::<T>::get()
			.iter()
			.find(|(id, _)| *id == netuid)
			.map(|(_, at)| block_u64::<T>(*at))
			.unwrap_or_default();
		Some(SubnetSummary {
			netuid,
			owner: info.owner.clone(),
			locked: info.locked,
			registered_at: block_u64::<T>(info.registered_at),
			n: info.n,
			params: info.params,
			burn: Self::burn_at(&info, now).0,
			last_epoch_block: block_u64::<T>(info.last_epoch_block),
			next_epoch_block: next,
			epoch_index: info.epoch_index,
			pending_emission: EmissionIndex::<T>::get().saturating_sub(info.emission_index),
		})
	}

	/// All subnets, by netuid.
	pub fn subnets() -> Vec<SubnetSummary<T::AccountId, BalanceOf<T>>> {
		EpochSchedule::<T>::get().iter().filter_map(|(netuid, _)| Self::subnet(*netuid)).collect()
	}

	/// The UID of a hotkey on a subnet.
	pub fn uid_of(netuid: NetUid, hotkey: &T::AccountId) -> Option<Uid> {
		Uids::<T>::get(netuid, hotkey)
	}

	/// The stored weight row of a UID.
	pub fn weights_of(netuid: NetUid, uid: Uid) -> Vec<(Uid, u16)> {
		Weights::<T>::get(netuid, uid).map(|row| row.into_inner()).unwrap_or_default()
	}

	/// The stored bond row of a UID.
	pub fn bonds_of(netuid: NetUid, uid: Uid) -> Vec<(Uid, u16)> {
		Bonds::<T>::get(netuid, uid).map(|row| row.into_inner()).unwrap_or_default()
	}

	/// The metagraph of a subnet: every per-UID vector, indexed by UID.
	pub fn metagraph(netuid: NetUid) -> Option<Metagraph<T::AccountId, BalanceOf<T>>> {
		let info = Networks::<T>::get(netuid)?;
		let n = usize::from(info.n);
		let mut m = Metagraph {
			netuid,
			n: info.n,
			block: block_u64::<T>(frame_system::Pallet::<T>::block_number()),
			hotkeys: Vec::with_capacity(n),
			coldkeys: Vec::with_capacity(n),
			stake: Vec::with_capacity(n),
			trust: Vec::with_capacity(n),
			validator_trust: Vec::with_capacity(n),
			consensus: Vec::with_capacity(n),
			incentive: Vec::with_capacity(n),
			dividends: Vec::with_capacity(n),
			emission: Vec::with_capacity(n),
			active: Vec::with_capacity(n),
			validator_permit: Vec::with_capacity(n),
			last_update: Vec::with_capacity(n),
			registered_at: Vec::with_capacity(n),
			axons: Vec::with_capacity(n),
			bonds: Vec::with_capacity(n),
		};
		for uid in 0..info.n {
			let neuron = Neurons::<T>::get(netuid, uid)?;
			m.coldkeys.push(HotkeyOwner::<T>::get(&neuron.hotkey).unwrap_or(neuron.hotkey.clone()));
			m.stake.push(TotalHotkeyStake::<T>::get(&neuron.hotkey));
			m.trust.push(neuron.trust);
			m.validator_trust.push(neuron.validator_trust);
			m.consensus.push(neuron.consensus);
			m.incentive.push(neuron.incentive);
			m.dividends.push(neuron.dividends);
			m.emission.push(neuron.emission);
			m.active.push(neuron.active);
			m.validator_permit.push(neuron.validator_permit);
			m.last_update.push(block_u64::<T>(neuron.last_update));
			m.registered_at.push(block_u64::<T>(neuron.registered_at));
			m.axons.push(Axons::<T>::get(netuid, uid).map(|a| AxonInfo {
				block: block_u64::<T>(a.block),
				version: a.version,
				ip: a.ip,
				port: a.port,
				ip_type: a.ip_type,
				protocol: a.protocol,
			}));
			m.bonds.push(summarize(&Self::bonds_of(netuid, uid)));
			m.hotkeys.push(neuron.hotkey);
		}
		Some(m)
	}
}

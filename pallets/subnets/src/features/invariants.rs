//! `try_state` invariants.

#[cfg(any(feature = "try-runtime", test))]
use crate::*;

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants:
	/// * the schedule names exactly the existing subnets, sorted, without duplicates;
	/// * no subnet was paid emission beyond the global emission index;
	/// * each subnet has `n <= max_uids <= MaxUids` and neurons exactly at UIDs `0..n`;
	/// * hotkey ↔ UID maps are bijective on each subnet and every hotkey has an owner;
	/// * weight, bond and axon entries only exist for UIDs `< n`, rows are strictly increasing
	///   with columns `< n`, and only validator-permit holders have bonds;
	/// * pending commits belong to registered hotkeys;
	/// * the stake held on each coldkey equals its `Stake` entries, `TotalHotkeyStake` equals
	///   the sum of each hotkey's `Stake` entries, and no entry is zero;
	/// * the lock held on each coldkey equals the locks of the subnets it owns.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::{
			ensure,
			traits::{fungible::InspectHold, Get},
		};
		use sp_runtime::traits::{Saturating, Zero};

		let networks = EpochSchedule::<T>::get();
		ensure!(
			networks.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)),
			"schedule not sorted by netuid"
		);
		ensure!(
			Networks::<T>::iter_keys().count() == networks.len(),
			"schedule and subnets differ in size"
		);
		let mut locks: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (netuid, _) in networks.iter() {
			let netuid = *netuid;
			let info = Networks::<T>::get(netuid).ok_or("scheduled subnet missing")?;
			ensure!(info.n <= info.params.max_uids, "n above max_uids");
			ensure!(
				info.params.tempo > 0 && info.params.reveal_period > 0,
				"zero tempo or reveal period"
			);
			ensure!(
				info.emission_index <= EmissionIndex::<T>::get(),
				"subnet paid beyond the emission index"
			);
			ensure!(u32::from(info.params.max_uids) <= T::MaxUids::get(), "max_uids above MaxUids");
			let lock = locks.entry(info.owner.clone()).or_default();
			*lock = lock.saturating_add(info.locked);

			ensure!(
				Neurons::<T>::iter_prefix(netuid).all(|(uid, _)| uid < info.n),
				"neuron beyond n"
			);
			ensure!(
				Uids::<T>::iter_prefix(netuid).count() == usize::from(info.n),
				"uid count differs from n"
			);
			for uid in 0..info.n {
				let neuron = Neurons::<T>::get(netuid, uid).ok_or("missing neuron below n")?;
				ensure!(
					Uids::<T>::get(netuid, &neuron.hotkey) == Some(uid),
					"hotkey -> uid map not inverse of uid -> hotkey"
				);
				ensure!(HotkeyOwner::<T>::contains_key(&neuron.hotkey), "hotkey without owner");
				if Bonds::<T>::contains_key(netuid, uid) {
					ensure!(neuron.validator_permit, "bonds without validator permit");
				}
			}
			let row_ok = |row: &[(Uid, u16)]| {
				row.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0))
					&& row.iter().all(|(c, _)| *c < info.n)
			};
			for (uid, row) in Weights::<T>::iter_prefix(netuid) {
				ensure!(uid < info.n && row_ok(&row), "bad weight row");
			}
			for (uid, row) in Bonds::<T>::iter_prefix(netuid) {
				ensure!(uid < info.n && row_ok(&row), "bad bond row");
			}
			ensure!(Axons::<T>::iter_prefix(netuid).all(|(uid, _)| uid < info.n), "axon beyond n");
			for (hotkey, _) in WeightCommits::<T>::iter_prefix(netuid) {
				ensure!(Uids::<T>::contains_key(netuid, &hotkey), "commit of unregistered hotkey");
			}
		}
		for key in Neurons::<T>::iter_keys()
			.map(|(netuid, _)| netuid)
			.chain(Weights::<T>::iter_keys().map(|(netuid, _)| netuid))
			.chain(Bonds::<T>::iter_keys().map(|(netuid, _)| netuid))
			.chain(Axons::<T>::iter_keys().map(|(netuid, _)| netuid))
			.chain(Uids::<T>::iter_keys().map(|(netuid, _)| netuid))
			.chain(WeightCommits::<T>::iter_keys().map(|(netuid, _)| netuid))
		{
			ensure!(Networks::<T>::contains_key(key), "state of a dissolved subnet");
		}

		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut per_hotkey: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (hotkey, coldkey, amount) in Stake::<T>::iter() {
			ensure!(!amount.is_zero(), "zero stake entry");
			let h = held.entry(coldkey).or_default();
			*h = h.saturating_add(amount);
			let t = per_hotkey.entry(hotkey).or_default();
			*t = t.saturating_add(amount);
		}
		ensure!(
			TotalHotkeyStake::<T>::iter().count() == per_hotkey.len(),
			"hotkey totals without stake entries"
		);
		for (hotkey, total) in per_hotkey {
			ensure!(TotalHotkeyStake::<T>::get(&hotkey) == total, "hotkey total != sum of stakes");
		}
		for (coldkey, amount) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Stake.into(), &coldkey) == amount,
				"stake hold != sum of stake entries"
			);
		}
		for (owner, amount) in locks {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::SubnetLock.into(), &owner) == amount,
				"subnet lock hold != sum of owned subnets' locks"
			);
		}
		Ok(())
	}
}

//! Benchmarks of every call and of the epoch (frame-benchmarking v2).
//!
//! Components: `n` UIDs on the subnet, `w` weight entries (and, for the epoch, weight plus bond
//! entries), `e` epochs run in one block, `c` pending commits cleared.

// Benchmark set-up may panic: it never runs on chain.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use crate::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get, Hooks,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Bounded, Saturating};

const SEED: u32 = 0;

fn block<T: Config>(n: u32) -> BlockNumberFor<T> {
	n.into()
}

/// An account with enough HLX for any lock, burn or stake of the benchmarks.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let thousand: BalanceOf<T> = 1_000u32.into();
	let amount = T::MaxBurn::get()
		.saturating_add(T::MinLockCost::get())
		.saturating_add(Pallet::<T>::network_lock_cost())
		.saturating_add(T::Currency::minimum_balance())
		.saturating_mul(thousand);
	T::Currency::set_balance(&who, amount);
	who
}

fn hotkey<T: Config>(uid: u32) -> T::AccountId {
	account("hotkey", uid, SEED)
}

/// A fresh subnet owned by a funded account; the lock price is reset so that many subnets can
/// be registered.
fn new_subnet<T: Config>(index: u32) -> (NetUid, T::AccountId) {
	let owner = funded::<T>("owner", index);
	LastLockCost::<T>::kill();
	Pallet::<T>::do_register_network(owner.clone()).expect("a free netuid");
	let netuid = Networks::<T>::iter_keys()
		.filter(|id| Networks::<T>::get(id).is_some_and(|i| i.owner == owner))
		.max()
		.expect("registered");
	(netuid, owner)
}

/// Fills `netuid` with `n` neurons (distinct funded coldkeys), `max_uids = n` and
/// `max_validators = n`, registered at block 1, past their immunity period.
fn fill_subnet<T: Config>(netuid: NetUid, n: u32) {
	let mut info = Networks::<T>::get(netuid).expect("subnet");
	let n16 = n as u16;
	for uid in 0..n16 {
		let hot = hotkey::<T>(uid.into());
		let cold: T::AccountId = account("coldkey", uid.into(), SEED);
		T::Currency::set_balance(&cold, T::Currency::minimum_balance());
		Neurons::<T>::insert(
			netuid,
			uid,
			Neuron {
				hotkey: hot.clone(),
				registered_at: block::<T>(1),
				last_update: block::<T>(1),
				validator_permit: false,
				active: true,
				trust: 0,
				validator_trust: 0,
				consensus: 0,
				incentive: 0,
				dividends: 0,
				emission: 1_000u32.into(),
			},
		);
		Uids::<T>::insert(netuid, &hot, uid);
		HotkeyOwner::<T>::insert(&hot, &cold);
	}
	info.n = n16;
	info.params.max_uids = n16.max(1);
	info.params.max_validators = n16.max(1);
	info.params.immunity_period = 0;
	info.params.weights_rate_limit = 0;
	info.params.min_allowed_weights = 0;
	Networks::<T>::insert(netuid, info);
}

fn row<S: Get<u32>>(len: u32, n: u32) -> BoundedVec<(Uid, u16), S> {
	BoundedVec::truncate_from((0..len.min(n)).map(|uid| (uid as Uid, 1_000 + uid as u16)).collect())
}

fn weight_vecs<T: Config>(
	w: u32,
) -> (BoundedVec<Uid, T::MaxWeightsPerValidator>, BoundedVec<u16, T::MaxWeightsPerValidator>) {
	(
		BoundedVec::truncate_from((0..w).map(|u| u as Uid).collect()),
		BoundedVec::truncate_from((0..w).map(|u| (u % 1_000 + 1) as u16).collect()),
	)
}

/// Upper end of the epoch benchmark's `w`: one weight row and one bond row per UID, at most
/// 2²⁰ entries (256 validators × 1024 weights, with bonds, is 2¹⁹).
fn epoch_max_entries<T: Config>() -> u32 {
	let max_uids = T::MaxUids::get();
	let per_row = T::MaxWeightsPerValidator::get().min(max_uids);
	max_uids.saturating_mul(per_row).saturating_mul(2).min(1 << 20)
}

fn set_block<T: Config>(n: u32) {
	frame_system::Pallet::<T>::set_block_number(block::<T>(n));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_network() {
		// Worst case: the only free netuid is the last one.
		for index in 0..T::MaxSubnets::get().saturating_sub(1) {
			new_subnet::<T>(index);
		}
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert_eq!(EpochSchedule::<T>::get().len() as u32, T::MaxSubnets::get());
	}

	#[benchmark]
	fn dissolve_network(n: Linear<0, { T::MaxUids::get() }>) {
		let (netuid, owner) = new_subnet::<T>(0);
		fill_subnet::<T>(netuid, n);
		for uid in 0..n as Uid {
			Weights::<T>::insert(netuid, uid, row::<T::MaxWeightsPerValidator>(n, n));
			Bonds::<T>::insert(netuid, uid, row::<T::MaxUids>(n, n));
			Axons::<T>::insert(netuid, uid, AxonInfo::default());
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid);

		assert!(Networks::<T>::get(netuid).is_none());
	}

	#[benchmark]
	fn set_hyperparameters(c: Linear<0, { T::MaxUids::get() }>) {
		let (netuid, owner) = new_subnet::<T>(0);
		fill_subnet::<T>(netuid, c);
		let mut params = Networks::<T>::get(netuid).expect("subnet").params;
		// `c` hotkeys with full pending commits, cleared by disabling commit-reveal.
		Networks::<T>::mutate(netuid, |info| {
			if let Some(info) = info {
				info.params.commit_reveal_enabled = true;
			}
		});
		for uid in 0..c {
			let hot = hotkey::<T>(uid);
			for salt in 0..T::MaxPendingCommits::get() {
				let hash =
					Pallet::<T>::commit_hash(&hot, netuid, &[0], &[salt as u16], &[0; 32], 0);
				Pallet::<T>::do_commit_weights(hot.clone(), netuid, hash).expect("room");
			}
		}
		let bounds = HyperparamBounds::<T>::get();
		// Also changes the tempo (schedule update).
		params.tempo =
			if params.tempo == bounds.tempo.max { bounds.tempo.min } else { bounds.tempo.max };
		params.commit_reveal_enabled = false;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid, params);

		assert_eq!(Networks::<T>::get(netuid).expect("subnet").params, params);
		assert_eq!(WeightCommits::<T>::iter_prefix(netuid).count(), 0);
	}

	#[benchmark]
	fn set_hyperparameter_bounds() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let bounds = HyperparameterBounds {
			tempo: Range::new(20, 1_000),
			..HyperparameterBounds::default()
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bounds);

		assert_eq!(HyperparamBounds::<T>::get(), bounds);
		Ok(())
	}

	#[benchmark]
	fn burned_register(n: Linear<1, { T::MaxUids::get() }>) {
		let (netuid, _) = new_subnet::<T>(0);
		// Full subnet: the registration scans all `n` UIDs; the last one has the lowest emission.
		fill_subnet::<T>(netuid, n);
		let last = (n - 1) as Uid;
		Neurons::<T>::mutate(netuid, last, |neuron| {
			if let Some(neuron) = neuron {
				neuron.emission = 0u32.into();
			}
		});
		Weights::<T>::insert(netuid, last, row::<T::MaxWeightsPerValidator>(n, n));
		Axons::<T>::insert(netuid, last, AxonInfo::default());
		set_block::<T>(10);
		let caller = funded::<T>("caller", 0);
		let new_hotkey: T::AccountId = account("new", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), netuid, new_hotkey.clone());

		assert_eq!(Uids::<T>::get(netuid, &new_hotkey), Some(last));
	}

	#[benchmark]
	fn add_stake() {
		let (netuid, _) = new_subnet::<T>(0);
		fill_subnet::<T>(netuid, 1);
		let caller = funded::<T>("caller", 0);
		let amount = T::MinStake::get().max(T::MinBurn::get()).max(1u32.into());
		Pallet::<T>::do_add_stake(caller.clone(), hotkey::<T>(0), amount).expect("funded");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hotkey::<T>(0), amount);

		assert_eq!(Stake::<T>::get(hotkey::<T>(0), &caller), amount.saturating_mul(2u32.into()));
	}

	#[benchmark]
	fn remove_stake() {
		let (netuid, _) = new_subnet::<T>(0);
		fill_subnet::<T>(netuid, 1);
		let caller = funded::<T>("caller", 0);
		let amount = T::MinStake::get().max(T::MinBurn::get()).max(1u32.into());
		Pallet::<T>::do_add_stake(
			caller.clone(),
			hotkey::<T>(0),
			amount.saturating_mul(2u32.into()),
		)
		.expect("funded");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hotkey::<T>(0), amount);

		assert_eq!(Stake::<T>::get(hotkey::<T>(0), &caller), amount);
	}

	#[benchmark]
	fn set_weights(w: Linear<1, { T::MaxWeightsPerValidator::get() }>) {
		let (netuid, _) = new_subnet::<T>(0);
		let n = w.max(2).min(T::MaxUids::get());
		fill_subnet::<T>(netuid, n);
		let w = w.min(n);
		Neurons::<T>::mutate(netuid, 0, |neuron| {
			if let Some(neuron) = neuron {
				neuron.validator_permit = true;
			}
		});
		let (uids, values) = weight_vecs::<T>(w);
		set_block::<T>(10);

		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey::<T>(0)), netuid, uids, values, 0);

		assert!(Weights::<T>::get(netuid, 0).is_some());
	}

	#[benchmark]
	fn commit_weights() {
		let (netuid, _) = new_subnet::<T>(0);
		fill_subnet::<T>(netuid, 1);
		Networks::<T>::mutate(netuid, |info| {
			if let Some(info) = info {
				info.params.commit_reveal_enabled = true;
			}
		});
		let hot = hotkey::<T>(0);
		for salt in 0..T::MaxPendingCommits::get().saturating_sub(1) {
			let hash = Pallet::<T>::commit_hash(&hot, netuid, &[0], &[salt as u16], &[0; 32], 0);
			Pallet::<T>::do_commit_weights(hot.clone(), netuid, hash).expect("room");
		}
		let hash = Pallet::<T>::commit_hash(&hot, netuid, &[0], &[1], &[1; 32], 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(hot.clone()), netuid, hash);

		assert_eq!(
			WeightCommits::<T>::get(netuid, &hot).map(|c| c.len() as u32),
			Some(T::MaxPendingCommits::get().max(1))
		);
	}

	#[benchmark]
	fn reveal_weights(w: Linear<1, { T::MaxWeightsPerValidator::get() }>) {
		let (netuid, _) = new_subnet::<T>(0);
		let n = w.max(2).min(T::MaxUids::get());
		fill_subnet::<T>(netuid, n);
		let w = w.min(n);
		Networks::<T>::mutate(netuid, |info| {
			if let Some(info) = info {
				info.params.commit_reveal_enabled = true;
			}
		});
		Neurons::<T>::mutate(netuid, 0, |neuron| {
			if let Some(neuron) = neuron {
				neuron.validator_permit = true;
			}
		});
		let hot = hotkey::<T>(0);
		// Fill the pending commits; the revealed one is the last.
		for salt in 0..T::MaxPendingCommits::get().saturating_sub(1) {
			let hash = Pallet::<T>::commit_hash(&hot, netuid, &[0], &[salt as u16], &[0; 32], 0);
			Pallet::<T>::do_commit_weights(hot.clone(), netuid, hash).expect("room");
		}
		let (uids, values) = weight_vecs::<T>(w);
		let salt = [9u8; 32];
		let hash = Pallet::<T>::commit_hash(&hot, netuid, &uids, &values, &salt, 0);
		Pallet::<T>::do_commit_weights(hot.clone(), netuid, hash).expect("room");
		// Move to the reveal epoch.
		Networks::<T>::mutate(netuid, |info| {
			if let Some(info) = info {
				info.epoch_index = info.epoch_index.saturating_add(info.params.reveal_period);
			}
		});
		set_block::<T>(10);

		#[extrinsic_call]
		_(RawOrigin::Signed(hot), netuid, uids, values, salt, 0);

		assert!(Weights::<T>::get(netuid, 0).is_some());
	}

	#[benchmark]
	fn serve_axon() {
		let (netuid, _) = new_subnet::<T>(0);
		fill_subnet::<T>(netuid, 1);
		Axons::<T>::insert(netuid, 0, AxonInfo::default());
		set_block::<T>(1_000_000);

		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey::<T>(0)), netuid, 1, 0x7f00_0001, 8091, 4, 0);

		assert_eq!(Axons::<T>::get(netuid, 0).map(|a| a.port), Some(8091));
	}

	/// `on_initialize` running `e` epochs of empty subnets: the scheduling overhead; the work of
	/// each epoch is charged separately with `epoch(n, w)`.
	#[benchmark]
	fn on_initialize(e: Linear<0, { T::MaxEpochsPerBlock::get().min(T::MaxSubnets::get()) }>) {
		for index in 0..e.max(1) {
			new_subnet::<T>(index);
		}
		let now = block::<T>(1_000_000);
		EpochSchedule::<T>::mutate(|schedule| {
			for (i, entry) in schedule.iter_mut().enumerate() {
				entry.1 =
					if (i as u32) < e { block::<T>(1) } else { BlockNumberFor::<T>::max_value() };
			}
		});
		frame_system::Pallet::<T>::set_block_number(now);

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		let ran = EpochSchedule::<T>::get()
			.iter()
			.filter(|(_, at)| *at > now && *at != BlockNumberFor::<T>::max_value())
			.count();
		assert_eq!(ran as u32, e);
	}

	/// One epoch of a subnet with `n` UIDs, all validators with stake, and `w` weight and bond
	/// entries (half weights, half bonds), paying every UID.
	#[benchmark]
	fn epoch(n: Linear<1, { T::MaxUids::get() }>, w: Linear<0, { epoch_max_entries::<T>() }>) {
		let (netuid, _) = new_subnet::<T>(0);
		fill_subnet::<T>(netuid, n);
		let per_row = n.min(T::MaxWeightsPerValidator::get());
		let mut left_weights = w / 2;
		let mut left_bonds = w - w / 2;
		let staker = funded::<T>("staker", 0);
		for uid in 0..n as Uid {
			Neurons::<T>::mutate(netuid, uid, |neuron| {
				if let Some(neuron) = neuron {
					neuron.validator_permit = true;
					neuron.last_update = block::<T>(50);
				}
			});
			Pallet::<T>::do_add_stake(
				staker.clone(),
				hotkey::<T>(uid.into()),
				T::MinStake::get().saturating_add((1_000u32 + uid as u32).into()),
			)
			.expect("funded");
			let wl = left_weights.min(per_row);
			left_weights -= wl;
			if wl > 0 {
				Weights::<T>::insert(netuid, uid, row::<T::MaxWeightsPerValidator>(wl, n));
			}
			let bl = left_bonds.min(n);
			left_bonds -= bl;
			if bl > 0 {
				Bonds::<T>::insert(netuid, uid, row::<T::MaxUids>(bl, n));
			}
		}
		EmissionIndex::<T>::put(BalanceOf::<T>::from(1_000_000_000u32));
		let now = block::<T>(100);
		frame_system::Pallet::<T>::set_block_number(now);

		#[block]
		{
			Pallet::<T>::run_subnet_epoch(netuid, now);
		}

		assert_eq!(Networks::<T>::get(netuid).map(|i| i.epoch_index), Some(1));
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}

//! `try_state` finds every kind of corruption it checks for (and passes on a busy, valid
//! state).

use super::*;
use crate::{
	AgentKeys, GpuCollection, Gpus, ModelGpus, Models, NextGpuId, Rentals, RevenueShares, Shares,
};
use frame_support::traits::fungible::MutateHold;
use sp_runtime::{Perbill, Permill};

/// A state with GPUs in every status, open rentals in both currencies and a transferred item.
fn busy_state() -> (GpuId, GpuId) {
	let native = active_gpu(1, PaymentCurrency::Native, 10);
	let aid = active_gpu(2, PaymentCurrency::Aid, 10);
	assert_ok!(rent_now(RuntimeOrigin::signed(BOB), native, 5, 10));
	assert_ok!(rent_now(RuntimeOrigin::signed(BOB), aid, 5, 10));
	let suspended = register(ALICE, 3);
	assert_ok!(GpuRegistry::suspend(suspended));
	let slashed = register(BOB, 4);
	assert_ok!(GpuRegistry::slash(slashed, Perbill::from_percent(20), Some(REPORTER)));
	let retired = register(CHARLIE, 5);
	assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(CHARLIE), retired));
	let collection = GpuCollection::<Test>::get().unwrap();
	assert_ok!(Nfts::transfer(RuntimeOrigin::signed(ALICE), collection, native, CHARLIE));
	(native, aid)
}

fn corrupted(corrupt: impl FnOnce(GpuId, GpuId)) -> Result<(), sp_runtime::TryRuntimeError> {
	new_test_ext().execute_with(|| {
		let (native, aid) = busy_state();
		assert_ok!(GpuRegistry::do_try_state());
		corrupt(native, aid);
		GpuRegistry::do_try_state()
	})
}

#[test]
fn a_busy_valid_state_passes() {
	assert_ok!(corrupted(|_, _| {}));
}

#[test]
fn a_wrong_held_stake_is_found() {
	assert!(corrupted(|native, _| Gpus::<Test>::mutate(native, |r| {
		r.as_mut().unwrap().stake -= 1
	}))
	.is_err());
	assert!(corrupted(|_, _| {
		assert_ok!(Balances::hold(&crate::HoldReason::GpuStake.into(), &ALICE, 1));
	})
	.is_err());
}

#[test]
fn a_broken_agent_key_index_is_found() {
	assert!(corrupted(|_, _| AgentKeys::<Test>::remove(key(1))).is_err());
	assert!(corrupted(|native, _| AgentKeys::<Test>::insert(key(9), native)).is_err());
	assert!(corrupted(|native, _| AgentKeys::<Test>::insert(key(2), native)).is_err());
}

#[test]
fn gpus_of_unknown_models_and_wrong_counts_are_found() {
	assert!(corrupted(|_, _| Models::<Test>::remove(H100)).is_err());
	assert!(corrupted(|_, _| ModelGpus::<Test>::insert(H100, 9)).is_err());
	assert!(corrupted(|_, _| ModelGpus::<Test>::insert(UNUSED, 1)).is_err());
}

#[test]
fn ids_from_the_future_are_found() {
	assert!(corrupted(|_, _| NextGpuId::<Test>::put(1)).is_err());
}

#[test]
fn nfts_without_gpus_are_found() {
	assert!(corrupted(|native, _| Gpus::<Test>::remove(native)).is_err());
	assert!(corrupted(|_, _| GpuCollection::<Test>::kill()).is_err());
}

#[test]
fn escrow_that_does_not_match_open_rentals_is_found() {
	// Native: the renter's hold must equal its open native rentals.
	assert!(corrupted(|native, _| Rentals::<Test>::mutate(native, |r| {
		r.as_mut().unwrap().paid += 1
	}))
	.is_err());
	assert!(corrupted(|_, _| {
		assert_ok!(Balances::hold(&crate::HoldReason::RentalEscrow.into(), &BOB, 1));
	})
	.is_err());
	// AID: the escrow account must hold the open AID rentals.
	assert!(corrupted(|_, aid| Rentals::<Test>::mutate(aid, |r| {
		r.as_mut().unwrap().paid += 1
	}))
	.is_err());
	// A donation to the escrow account is not a loss.
	assert_ok!(corrupted(|_, _| {
		assert_ok!(Assets::transfer(
			RuntimeOrigin::signed(CHARLIE),
			AID,
			GpuRegistry::escrow_account(),
			5
		));
	}));
	assert!(corrupted(|_, _| Rentals::<Test>::insert(
		42,
		crate::Rental {
			renter: BOB,
			start: 1,
			end: 2,
			currency: PaymentCurrency::Aid,
			price_per_block: 1,
			paid: 0
		}
	))
	.is_err());
}

#[test]
fn invalid_shares_are_found() {
	assert!(corrupted(|_, _| Shares::<Test>::put(RevenueShares {
		operator: Permill::one(),
		holder: Permill::one(),
		protocol: Permill::zero(),
	}))
	.is_err());
}

#[cfg(feature = "try-runtime")]
#[test]
fn the_try_state_hook_runs_the_invariants() {
	use frame_support::traits::TryState;
	new_test_ext().execute_with(|| {
		busy_state();
		assert_ok!(<GpuRegistry as TryState<u64>>::try_state(
			1,
			frame_support::traits::TryStateSelect::All
		));
		Shares::<Test>::put(RevenueShares {
			operator: Permill::zero(),
			holder: Permill::zero(),
			protocol: Permill::zero(),
		});
		assert!(<GpuRegistry as TryState<u64>>::try_state(
			1,
			frame_support::traits::TryStateSelect::All
		)
		.is_err());
	});
}

#[test]
fn the_genesis_config_reads_from_json() {
	let json = r#"{
		"models": [[7, {
			"name": [76, 52],
			"vramMib": 24576,
			"int8Tops": 485,
			"fp16Tflops": 121,
			"memoryBandwidthGbps": 300,
			"minStake": 1000,
			"rewardWeight": 500000,
			"challenge": { "n": 1024, "lag": 2, "steps": 16, "samples": 4, "deadlineSlack": 100000 }
		}]],
		"revenueShares": { "operator": 100000, "holder": 850000, "protocol": 50000 },
		"createCollection": false
	}"#;
	let config: crate::GenesisConfig<Test> = serde_json::from_str(json).unwrap();
	assert_eq!(config.models[0].0, 7);
	assert_eq!(config.models[0].1.name, b"L4".to_vec());
	assert_eq!(config.models[0].1.challenge.deadline_slack, Permill::from_percent(10));
	assert!(config.revenue_shares.unwrap().is_valid());
	assert!(!config.create_collection);
}

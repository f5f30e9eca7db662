//! Registering GPUs and changing their endpoint.

use super::*;
use crate::{AgentKeys, Error, Event, GpuStatus, Gpus, ModelGpus, NextGpuId};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn register_gpu_holds_stake_mints_the_nft_and_starts_monitoring() {
	run(|| {
		let free_before = free(ALICE);
		let gpu = register(ALICE, 1);
		assert_eq!(gpu, 0);
		let record = Gpus::<Test>::get(gpu).unwrap();
		assert_eq!(record.provider, ALICE);
		assert_eq!(record.model, H100);
		assert_eq!(record.specs, specs(1));
		assert_eq!(record.region.to_vec(), b"eu-west".to_vec());
		assert_eq!(record.endpoint.to_vec(), ENDPOINT.to_vec());
		assert_eq!(record.agent_key, key(1));
		assert_eq!(record.status, GpuStatus::Pending);
		assert_eq!(record.stake, STAKE);
		assert_eq!(record.price, None);
		assert_eq!(record.registered_at, 1);
		assert_eq!(stake_held(ALICE), STAKE);
		// The stake and pallet-nfts' item deposit (1) leave the free balance.
		assert_eq!(free(ALICE), free_before - STAKE - 1);
		assert_eq!(GpuRegistry::nft_owner(gpu), Some(ALICE));
		assert_eq!(AgentKeys::<Test>::get(key(1)), Some(gpu));
		assert_eq!(ModelGpus::<Test>::get(H100), Some(1));
		assert_eq!(NextGpuId::<Test>::get(), 1);
		assert!(monitored(gpu));
		assert_eq!(monitor_calls(), vec![MonitorCall::Start(gpu)]);
		let collection = crate::GpuCollection::<Test>::get().unwrap();
		assert_eq!(
			registry_events(),
			vec![
				Event::GpuRegistered { gpu, provider: ALICE, model: H100, agent_key: key(1) },
				Event::StakeHeld { gpu, provider: ALICE, amount: STAKE },
				Event::GpuMinted { gpu, collection, owner: ALICE },
			]
		);
	});
}

#[test]
fn gpu_ids_increase_and_stakes_add_up() {
	run(|| {
		assert_eq!(register(ALICE, 1), 0);
		assert_eq!(register(ALICE, 2), 1);
		assert_eq!(register(BOB, 3), 2);
		assert_eq!(stake_held(ALICE), 2 * STAKE);
		assert_eq!(stake_held(BOB), STAKE);
		assert_eq!(ModelGpus::<Test>::get(H100), Some(3));
	});
}

#[test]
fn a_model_without_stake_holds_nothing() {
	run(|| {
		assert_ok!(GpuRegistry::register_gpu(
			RuntimeOrigin::signed(DAVE),
			L4,
			GpuSpecs { vram_mib: 24_576, serial_hash: [7; 32] },
			region(b""),
			endpoint(b"https://gpu-7.example.org"),
			key(7),
		));
		assert_eq!(stake_held(DAVE), 0);
		assert_eq!(Gpus::<Test>::get(0).unwrap().stake, 0);
	});
}

#[test]
fn the_collection_is_created_by_the_first_registration_if_missing() {
	run(|| {
		crate::GpuCollection::<Test>::kill();
		let gpu = register(ALICE, 1);
		let collection = crate::GpuCollection::<Test>::get().unwrap();
		assert!(registry_events().contains(&Event::CollectionCreated { collection }));
		assert_eq!(GpuRegistry::nft_owner(gpu), Some(ALICE));
		// Owned by the pallet account.
		assert_eq!(Nfts::collection_owner(collection), Some(GpuRegistry::account_id()));
	});
}

#[test]
fn register_gpu_requires_a_signed_origin() {
	run(|| {
		assert_noop!(
			GpuRegistry::register_gpu(
				RuntimeOrigin::root(),
				H100,
				specs(1),
				region(b"eu"),
				endpoint(ENDPOINT),
				key(1)
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_gpu_refuses_unknown_models() {
	run(|| {
		assert_noop!(
			GpuRegistry::register_gpu(
				RuntimeOrigin::signed(ALICE),
				42,
				specs(1),
				region(b"eu"),
				endpoint(ENDPOINT),
				key(1)
			),
			Error::<Test>::UnknownModel
		);
	});
}

#[test]
fn register_gpu_refuses_specs_below_the_model() {
	run(|| {
		let small = GpuSpecs { vram_mib: 81_919, serial_hash: [1; 32] };
		assert_noop!(
			GpuRegistry::register_gpu(
				RuntimeOrigin::signed(ALICE),
				H100,
				small,
				region(b"eu"),
				endpoint(ENDPOINT),
				key(1)
			),
			Error::<Test>::SpecsBelowModel
		);
		// More memory than the model is fine.
		let big = GpuSpecs { vram_mib: 100_000, serial_hash: [1; 32] };
		assert_ok!(GpuRegistry::register_gpu(
			RuntimeOrigin::signed(ALICE),
			H100,
			big,
			region(b"eu"),
			endpoint(ENDPOINT),
			key(1)
		));
	});
}

#[test]
fn register_gpu_refuses_invalid_endpoints() {
	run(|| {
		for bad in [
			&b""[..],
			b"ftp://host",
			b"10.0.0.7:9955",
			b"http://",
			b"http://host:0",
			b"http://host/",
			b"http://host/a?b",
			b"http://user@host",
			b"http://ho st",
		] {
			assert_noop!(
				GpuRegistry::register_gpu(
					RuntimeOrigin::signed(ALICE),
					H100,
					specs(1),
					region(b"eu"),
					endpoint(bad),
					key(1)
				),
				Error::<Test>::InvalidEndpoint
			);
		}
	});
}

#[test]
fn endpoints_longer_than_the_maximum_are_too_long() {
	run(|| {
		// A call cannot carry more than `MaxEndpointLen` bytes (the bounded vector does not
		// decode); the check maps `validate_endpoint`'s `TooLong` all the same.
		let mut long = b"http://host/".to_vec();
		long.resize(65, b'a');
		assert_noop!(GpuRegistry::check_endpoint(&long), Error::<Test>::EndpointTooLong);
		long.truncate(64);
		assert_ok!(GpuRegistry::check_endpoint(&long));
		assert!(BoundedVec::<u8, ConstU32<64>>::try_from([0u8; 65].to_vec()).is_err());
	});
}

#[test]
fn register_gpu_refuses_a_duplicate_agent_key() {
	run(|| {
		register(ALICE, 1);
		assert_noop!(
			GpuRegistry::register_gpu(
				RuntimeOrigin::signed(BOB),
				H100,
				specs(2),
				region(b"eu"),
				endpoint(ENDPOINT),
				key(1)
			),
			Error::<Test>::DuplicateAgentKey
		);
	});
}

#[test]
fn register_gpu_refuses_a_provider_who_cannot_cover_the_stake() {
	run(|| {
		assert_noop!(
			GpuRegistry::register_gpu(
				RuntimeOrigin::signed(DAVE),
				H100,
				specs(1),
				region(b"eu"),
				endpoint(ENDPOINT),
				key(1)
			),
			Error::<Test>::InsufficientStake
		);
		// Exactly the stake is not enough either: the account must stay alive.
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&DAVE, STAKE);
		assert_noop!(
			GpuRegistry::register_gpu(
				RuntimeOrigin::signed(DAVE),
				H100,
				specs(1),
				region(b"eu"),
				endpoint(ENDPOINT),
				key(1)
			),
			Error::<Test>::InsufficientStake
		);
	});
}

#[test]
fn register_gpu_refuses_when_the_liveness_pallet_is_full() {
	run(|| {
		register(ALICE, 1);
		set_liveness_slots(1);
		assert_noop!(
			GpuRegistry::register_gpu(
				RuntimeOrigin::signed(ALICE),
				H100,
				specs(2),
				region(b"eu"),
				endpoint(ENDPOINT),
				key(2)
			),
			Error::<Test>::NoFreeLivenessSlot
		);
		assert_eq!(monitor_calls(), vec![MonitorCall::Start(0)]);
	});
}

#[test]
fn register_gpu_refuses_when_gpu_ids_run_out() {
	run(|| {
		NextGpuId::<Test>::put(u64::MAX);
		assert_noop!(
			GpuRegistry::register_gpu(
				RuntimeOrigin::signed(ALICE),
				H100,
				specs(1),
				region(b"eu"),
				endpoint(ENDPOINT),
				key(1)
			),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn update_endpoint_changes_the_endpoint() {
	run(|| {
		let gpu = register(ALICE, 1);
		let new = endpoint(b"https://[::1]:8443/agents/1");
		assert_ok!(GpuRegistry::update_endpoint(RuntimeOrigin::signed(ALICE), gpu, new.clone()));
		assert_eq!(Gpus::<Test>::get(gpu).unwrap().endpoint, new);
		assert_eq!(GpuRegistry::agent_endpoint(&gpu), Some(new.to_vec()));
		assert_eq!(registry_events().last(), Some(&Event::EndpointUpdated { gpu, endpoint: new }));
	});
}

#[test]
fn update_endpoint_refuses_bad_input() {
	run(|| {
		let gpu = register(ALICE, 1);
		assert_noop!(
			GpuRegistry::update_endpoint(RuntimeOrigin::signed(BOB), gpu, endpoint(ENDPOINT)),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			GpuRegistry::update_endpoint(RuntimeOrigin::signed(ALICE), 9, endpoint(ENDPOINT)),
			Error::<Test>::UnknownGpu
		);
		assert_noop!(
			GpuRegistry::update_endpoint(RuntimeOrigin::signed(ALICE), gpu, endpoint(b"host")),
			Error::<Test>::InvalidEndpoint
		);
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu));
		assert_noop!(
			GpuRegistry::update_endpoint(RuntimeOrigin::signed(ALICE), gpu, endpoint(ENDPOINT)),
			Error::<Test>::AlreadyRetired
		);
	});
}

//! Epoch boundaries, seeds and beacons.

use super::*;
use heliox_gpu_proof::challenge_seed;
use sp_runtime::{BuildStorage, Perbill};

#[test]
fn epochs_open_every_period_with_fresh_randomness() {
	run(|| {
		assert_eq!(GpuProof::current_epoch(), None);
		run_to_block(19);
		assert!(events().is_empty());
		run_to_block(20);
		let (epoch, info) = GpuProof::current_epoch().unwrap();
		assert_eq!((epoch, info.start, info.beacon), (1, 20, None));
		assert_eq!(events(), vec![Event::EpochStarted { epoch: 1, randomness: info.randomness }]);
		run_to_block(40);
		let (epoch, next) = GpuProof::current_epoch().unwrap();
		assert_eq!(epoch, 2);
		assert_ne!(next.randomness, info.randomness);
		// Seeds are implicit: challenge_seed(R_e, g, e), different per GPU and per epoch.
		let (e, seed) = GpuProof::seed_of(3).unwrap();
		assert_eq!(seed, challenge_seed(&next.randomness, 3, e));
		assert_ne!(seed, GpuProof::seed_of(4).unwrap().1);
		assert_ne!(seed, challenge_seed(&info.randomness, 3, 1));
	});
}

#[test]
fn seeds_depend_on_the_epoch_randomness() {
	// Same block, same GPU, other randomness (another fork or another chain): another seed. The
	// seed cannot be computed before the epoch's block has its randomness.
	let seed_with = |salt: u64| {
		let mut seed = [0; 32];
		new_test_ext().execute_with(|| {
			RANDOM_SALT.with(|s| *s.borrow_mut() = salt);
			run_to_block(20);
			seed = GpuProof::seed_of(1).unwrap().1;
		});
		seed
	};
	assert_eq!(seed_with(0), seed_with(0));
	assert_ne!(seed_with(0), seed_with(1));
}

#[test]
fn the_beacon_is_fixed_after_the_commit_window() {
	run(|| {
		run_to_block(29);
		assert_eq!(GpuProof::current_epoch().unwrap().1.beacon, None);
		run_to_block(30);
		let beacon = GpuProof::current_epoch().unwrap().1.beacon.unwrap();
		assert!(events().contains(&Event::BeaconSet { epoch: 1, beacon }));
		// Not changed later in the epoch.
		run_to_block(39);
		assert_eq!(GpuProof::current_epoch().unwrap().1.beacon, Some(beacon));
	});
}

#[test]
fn no_randomness_skips_the_epoch_or_its_beacon() {
	run(|| {
		NO_RANDOMNESS.with(|n| *n.borrow_mut() = true);
		run_to_block(20);
		assert_eq!(GpuProof::current_epoch(), None);
		assert_eq!(events(), vec![Event::EpochSkipped { block: 20 }]);
		NO_RANDOMNESS.with(|n| *n.borrow_mut() = false);
		run_to_block(40);
		NO_RANDOMNESS.with(|n| *n.borrow_mut() = true);
		run_to_block(50);
		assert_eq!(GpuProof::current_epoch().unwrap().1.beacon, None);
		assert!(events().contains(&Event::BeaconMissing { epoch: 2 }));
		NO_RANDOMNESS.with(|n| *n.borrow_mut() = false);
	});
}

#[test]
fn only_the_last_three_epochs_are_kept() {
	run(|| {
		run_to_block(100);
		let kept: Vec<u64> = Epochs::<Test>::get().iter().map(|(e, _)| *e).collect();
		assert_eq!(kept, vec![3, 4, 5]);
		assert_eq!(GpuProof::epoch_info(2), None);
		assert!(GpuProof::epoch_info(3).is_some());
	});
}

#[test]
fn hooks_charge_their_path() {
	use crate::weights::WeightInfo;
	use frame_support::traits::Hooks;
	run(|| {
		System::set_block_number(19);
		assert_eq!(GpuProof::on_initialize(19), <() as WeightInfo>::on_initialize_idle());
		System::set_block_number(20);
		assert_eq!(GpuProof::on_initialize(20), <() as WeightInfo>::on_initialize_epoch_start());
		System::set_block_number(30);
		assert_eq!(GpuProof::on_initialize(30), <() as WeightInfo>::on_initialize_beacon());
		// Block 0 never opens an epoch.
		assert_eq!(GpuProof::on_initialize(0), <() as WeightInfo>::on_initialize_idle());
	});
}

#[test]
fn runtime_api_views() {
	run(|| {
		assert_eq!(GpuProof::epoch_view(), None);
		assert_eq!(GpuProof::verdict_status(1), None);
		start_epoch();
		let view = GpuProof::epoch_view().unwrap();
		assert_eq!((view.epoch, view.start, view.beacon_block, view.next_start), (1, 20, 30, 40));
		assert_eq!(view.verifiers, 3);
		// The assigned verifiers are known from the epoch's start, the sampled set from the
		// beacon.
		let status = GpuProof::verdict_status(1).unwrap();
		assert_eq!((status.sampled, status.assigned.len(), status.misses), (None, 3, 0));
		to_beacon();
		let status = GpuProof::verdict_status(1).unwrap();
		assert_eq!(status.sampled, Some(true));
		assert_eq!(status.tally, None);
		// Purging forgets the GPU's tally, misses and proven frauds.
		vote(1, Verdict::NoResponse, &assigned(1)[..2]);
		ProvenFraud::<Test>::insert(1, 1);
		assert_eq!(Misses::<Test>::get(1), Some(1));
		GpuProof::purge_gpu(1);
		assert_eq!(
			(Misses::<Test>::get(1), Tallies::<Test>::get(1), ProvenFraud::<Test>::get(1)),
			(None, None, None)
		);
	});
}

#[test]
fn integrity_test_passes() {
	use frame_support::traits::Hooks;
	new_test_ext().execute_with(GpuProof::integrity_test);
}

#[test]
fn a_genesis_schedule_replaces_the_default_period_and_window() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> {
		verifiers: (0..3).map(verifier_key).collect(),
		schedule: Some((7, 3)),
		sample_fraction: Some(Perbill::from_percent(50)),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		System::set_block_number(1);
		assert_eq!((GpuProof::challenge_period(), GpuProof::commit_window()), (7, 3));
		assert_eq!(GpuProof::sample_fraction(), Perbill::from_percent(50));
		run_to_block(7);
		let (epoch, info) = GpuProof::current_epoch().unwrap();
		assert_eq!((epoch, info.start), (1, 7));
		run_to_block(10);
		assert!(GpuProof::current_epoch().unwrap().1.beacon.is_some(), "beacon at start + 3");
		run_to_block(14);
		assert_eq!(GpuProof::current_epoch().unwrap().0, 2);
		GpuProof::do_try_state().expect("invariants hold");
	});
}

#[test]
#[should_panic(expected = "0 < commit window < challenge period")]
fn a_genesis_schedule_with_the_window_past_the_period_is_refused() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let _ = crate::GenesisConfig::<Test> {
		verifiers: vec![],
		schedule: Some((5, 5)),
		sample_fraction: None,
	}
	.assimilate_storage(&mut storage);
}

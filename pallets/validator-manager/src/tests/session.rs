//! Session timing with the real `pallet_session`: a change made during session `s` is planned
//! at the end of `s` (queued during `s + 1`) and active from session `s + 2`.

use super::*;
use crate::Event;
use frame_support::traits::BuildGenesisConfig;
use sp_runtime::BuildStorage;

#[test]
fn genesis_sets_every_set() {
	run(|| {
		assert_eq!(Session::current_index(), 0);
		assert_eq!(session_validators(), GENESIS.to_vec());
		assert_eq!(session_queued(), GENESIS.to_vec());
		assert_eq!(current(), GENESIS.to_vec());
		assert_eq!(queued(), GENESIS.to_vec());
		assert_eq!(pending(), None);
	});
}

#[test]
fn addition_is_active_after_two_rotations() {
	run(|| {
		assert_ok!(add(5));
		// End of session 0: planned for session 2, queued during session 1.
		rotate();
		assert_eq!(Session::current_index(), 1);
		assert_eq!(session_validators(), GENESIS.to_vec());
		assert_eq!(session_queued(), vec![1, 2, 3, 4, 5]);
		assert_eq!((current(), queued(), pending()), (GENESIS.to_vec(), vec![1, 2, 3, 4, 5], None));
		assert!(events().contains(&Event::NewValidatorSet {
			validators: bounded(vec![1, 2, 3, 4, 5]),
			session: 2,
		}));
		// End of session 1: active in session 2.
		rotate();
		assert_eq!(Session::current_index(), 2);
		assert_eq!(session_validators(), vec![1, 2, 3, 4, 5]);
		assert_eq!(current(), vec![1, 2, 3, 4, 5]);
	});
}

#[test]
fn removal_is_active_after_two_rotations() {
	run(|| {
		rotate_n(3);
		// During session 3.
		assert_ok!(remove(2));
		rotate();
		assert_eq!(session_validators(), GENESIS.to_vec());
		assert_eq!(session_queued(), vec![1, 3, 4]);
		rotate();
		assert_eq!(Session::current_index(), 5);
		assert_eq!(session_validators(), vec![1, 3, 4]);
		assert_eq!(current(), vec![1, 3, 4]);
	});
}

#[test]
fn a_change_late_in_a_session_waits_as_long() {
	run(|| {
		// The last block before the rotation at block 10.
		run_to_block(SESSION - 1);
		assert_ok!(set(vec![1, 2, 5, 6]));
		rotate();
		assert_eq!(session_validators(), GENESIS.to_vec());
		rotate();
		assert_eq!(session_validators(), vec![1, 2, 5, 6]);
	});
}

#[test]
fn no_change_no_new_set() {
	run(|| {
		rotate_n(3);
		// `new_session` returned `None` each time: pallet-session queued nothing new.
		assert!(!System::events()
			.iter()
			.any(|r| matches!(r.event, RuntimeEvent::Session(pallet_session::Event::NewQueued))));
		assert!(!events().iter().any(|e| matches!(e, Event::NewValidatorSet { .. })));
		assert_eq!(session_validators(), GENESIS.to_vec());
	});
}

#[test]
fn changes_in_consecutive_sessions_pipeline() {
	run(|| {
		assert_ok!(add(5)); // session 0 -> active in 2
		rotate();
		assert_ok!(add(6)); // session 1 -> active in 3
		rotate();
		assert_eq!(session_validators(), vec![1, 2, 3, 4, 5]);
		assert_eq!(session_queued(), vec![1, 2, 3, 4, 5, 6]);
		rotate();
		assert_eq!(session_validators(), vec![1, 2, 3, 4, 5, 6]);
	});
}

#[test]
fn a_validator_without_keys_is_skipped_by_session_and_removed_offline() {
	run(|| {
		assert_ok!(add(5));
		// 5 purges its keys after being added: pallet-session skips it when planning.
		assert_ok!(Session::purge_keys(RuntimeOrigin::signed(5)));
		rotate_n(2);
		assert_eq!(session_validators(), GENESIS.to_vec());
		assert_eq!(current(), vec![1, 2, 3, 4, 5]);
		// Offline in sessions 2, 3 and 4: planned out at the end of 4, gone from session 6.
		rotate_n(3);
		assert!(events().contains(&Event::ValidatorRemovedOffline { who: 5 }));
		assert_eq!(queued(), GENESIS.to_vec());
		rotate();
		assert_eq!(current(), GENESIS.to_vec());
	});
}

#[test]
fn genesis_works_in_either_order() {
	// pallet-session's genesis first (the manager declared after Session): it falls back to
	// its keys, and the manager records the same accounts afterwards.
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=10).map(|a| (a, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		pallet_session::GenesisConfig::<Test> {
			keys: GENESIS.iter().map(|a| (*a, *a, keys_of(*a))).collect(),
			non_authority_keys: CANDIDATES.iter().map(|a| (*a, *a, keys_of(*a))).collect(),
		}
		.build();
		assert!(current().is_empty());
		crate::GenesisConfig::<Test> { validators: vec![4, 3, 2, 1] }.build();
		assert_eq!(session_validators(), GENESIS.to_vec());
		assert_eq!((current(), queued()), (GENESIS.to_vec(), GENESIS.to_vec()));
		System::set_block_number(1);
		assert_ok!(add(5));
		rotate_n(2);
		assert_eq!(session_validators(), vec![1, 2, 3, 4, 5]);
		ValidatorManager::do_try_state().unwrap();
	});
}

#[test]
fn set_validators_initializes_an_uninitialized_pallet() {
	run_in(ext_from(genesis_storage(vec![])), || {
		assert_ok!(set(vec![1, 2, 5]));
		rotate();
		assert_eq!(queued(), vec![1, 2, 5]);
		assert!(current().is_empty());
		rotate();
		assert_eq!(session_validators(), vec![1, 2, 5]);
		assert_eq!(current(), vec![1, 2, 5]);
		// Now add and remove work.
		assert_ok!(add(6));
		assert_ok!(remove(1));
		rotate_n(2);
		assert_eq!(session_validators(), vec![2, 5, 6]);
	});
}

#[test]
fn initialize_validators_checks_the_list() {
	run_in(ext_from(genesis_storage(vec![])), || {
		assert!(ValidatorManager::initialize_validators(&[]).is_err());
		assert!(ValidatorManager::initialize_validators(&[1, 2, 1]).is_err());
		assert!(ValidatorManager::initialize_validators(&(1..=9).collect::<Vec<_>>()).is_err());
		assert_ok!(ValidatorManager::initialize_validators(&[3, 1, 2]));
		assert_eq!((current(), queued(), pending()), (vec![1, 2, 3], vec![1, 2, 3], None));
	});
}

#[test]
#[should_panic(expected = "invalid validator-manager genesis validators")]
fn genesis_rejects_duplicates() {
	let _ = genesis_storage(vec![1, 1, 2]);
}

#[test]
fn integrity_test_passes() {
	use frame_support::traits::IntegrityTest;
	AllPalletsWithSystem::integrity_test();
}

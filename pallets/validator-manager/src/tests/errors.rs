//! Every `Error` variant, with the storage unchanged (`assert_noop!`), and the origin check.

use super::*;
use crate::Error;
use sp_runtime::DispatchError;

#[test]
fn not_initialized() {
	// No genesis set: pallet-session took its genesis keys, the manager has nothing to edit.
	run_in(ext_from(genesis_storage(vec![])), || {
		assert_eq!(session_validators(), GENESIS.to_vec());
		assert!(current().is_empty());
		assert_noop!(add(5), Error::<Test>::NotInitialized);
		assert_noop!(remove(1), Error::<Test>::NotInitialized);
	});
}

#[test]
fn already_validator() {
	run(|| {
		assert_noop!(add(1), Error::<Test>::AlreadyValidator);
	});
}

#[test]
fn already_pending() {
	run(|| {
		// A pending addition and a pending removal.
		assert_ok!(add(5));
		assert_ok!(remove(1));
		assert_noop!(add(5), Error::<Test>::AlreadyPending);
		assert_noop!(remove(1), Error::<Test>::AlreadyPending);
		// Queued (planned for session 2) but not yet active, and the converse.
		rotate();
		assert_eq!(queued(), vec![2, 3, 4, 5]);
		assert_eq!(current(), vec![1, 2, 3, 4]);
		assert_noop!(add(5), Error::<Test>::AlreadyPending);
		assert_noop!(remove(1), Error::<Test>::AlreadyPending);
	});
}

#[test]
fn not_validator() {
	run(|| {
		assert_noop!(remove(5), Error::<Test>::NotValidator);
		assert_noop!(remove(NO_KEYS), Error::<Test>::NotValidator);
	});
}

#[test]
fn too_many_validators() {
	run(|| {
		for who in [5, 6, 7, 8] {
			assert_ok!(add(who));
		}
		assert_eq!(pending().map(|p| p.len() as u32), Some(MAX_VALIDATORS));
		assert_noop!(add(9), Error::<Test>::TooManyValidators);
	});
}

#[test]
fn too_few_validators() {
	run(|| {
		assert_ok!(remove(1));
		assert_ok!(remove(2));
		assert_noop!(remove(3), Error::<Test>::TooFewValidators);
		assert_noop!(set(vec![5]), Error::<Test>::TooFewValidators);
		assert_noop!(set(vec![]), Error::<Test>::TooFewValidators);
	});
}

#[test]
fn no_session_keys() {
	run(|| {
		assert_noop!(add(NO_KEYS), Error::<Test>::NoSessionKeys);
		assert_noop!(set(vec![1, NO_KEYS]), Error::<Test>::NoSessionKeys);
		// Keys purged: no longer eligible.
		assert_ok!(Session::purge_keys(RuntimeOrigin::signed(5)));
		assert_noop!(add(5), Error::<Test>::NoSessionKeys);
	});
}

#[test]
fn duplicate_validator() {
	run(|| {
		assert_noop!(set(vec![2, 1, 2]), Error::<Test>::DuplicateValidator);
	});
}

#[test]
fn admin_origin_required() {
	run(|| {
		let signed = RuntimeOrigin::signed(1);
		assert_noop!(ValidatorManager::add_validator(signed.clone(), 5), DispatchError::BadOrigin);
		assert_noop!(
			ValidatorManager::remove_validator(signed.clone(), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorManager::set_validators(signed, bounded(vec![1, 2])),
			DispatchError::BadOrigin
		);
	});
}

//! `try_state` catches broken storage (so the checks run after every test can fail).

use super::*;

fn broken(corrupt: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorManager::do_try_state());
		corrupt();
		assert!(ValidatorManager::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_corruption() {
	// Unsorted or duplicated sets.
	broken(|| Validators::<Test>::put(bounded(vec![2, 1])));
	broken(|| QueuedValidators::<Test>::put(bounded(vec![1, 1])));
	broken(|| NextValidators::<Test>::put(bounded(vec![3, 1])));
	// A current set without a queued one.
	broken(|| QueuedValidators::<Test>::kill());
	// An empty pending set, or one equal to the queued set.
	broken(|| NextValidators::<Test>::put(bounded(vec![])));
	broken(|| NextValidators::<Test>::put(bounded(GENESIS.to_vec())));
	// Liveness records of non-validators, or of zero.
	broken(|| OfflineSessions::<Test>::insert(5, 1));
	broken(|| OfflineSessions::<Test>::insert(1, 0));
	broken(|| AuthoredInSession::<Test>::insert(5, 1));
	broken(|| AuthoredInSession::<Test>::insert(1, 0));
}

//! The admin calls edit the pending set.

use super::*;
use crate::Event;

#[test]
fn add_schedules_an_addition() {
	run(|| {
		assert_ok!(add(7));
		assert_eq!(pending(), Some(vec![1, 2, 3, 4, 7]));
		assert_eq!(queued(), GENESIS.to_vec());
		assert_eq!(current(), GENESIS.to_vec());
		assert_eq!(events(), vec![Event::ValidatorAdditionScheduled { who: 7 }]);
	});
}

#[test]
fn remove_schedules_a_removal() {
	run(|| {
		assert_ok!(remove(3));
		assert_eq!(pending(), Some(vec![1, 2, 4]));
		assert_eq!(events(), vec![Event::ValidatorRemovalScheduled { who: 3 }]);
	});
}

#[test]
fn opposite_calls_cancel() {
	run(|| {
		assert_ok!(add(5));
		assert_ok!(remove(5));
		assert_eq!(pending(), None);
		assert_ok!(remove(2));
		assert_ok!(add(2));
		assert_eq!(pending(), None);
		// Several changes accumulate in one pending set.
		assert_ok!(add(6));
		assert_ok!(remove(1));
		assert_ok!(add(5));
		assert_eq!(pending(), Some(vec![2, 3, 4, 5, 6]));
	});
}

#[test]
fn set_validators_replaces_the_pending_set() {
	run(|| {
		assert_ok!(add(9));
		assert_ok!(set(vec![6, 2, 5]));
		assert_eq!(pending(), Some(vec![2, 5, 6]));
		assert_eq!(
			events().last(),
			Some(&Event::ValidatorSetScheduled { validators: bounded(vec![2, 5, 6]) })
		);
		// The queued set again: nothing pending.
		assert_ok!(set(vec![4, 3, 2, 1]));
		assert_eq!(pending(), None);
	});
}

#[test]
fn an_account_that_sets_keys_becomes_eligible() {
	run(|| {
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(100), keys_of(100), keys_proof(100)));
		assert_ok!(add(100));
		rotate_n(2);
		assert_eq!(session_validators(), vec![1, 2, 3, 4, 100]);
	});
}

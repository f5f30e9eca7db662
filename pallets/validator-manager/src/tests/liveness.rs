//! Liveness: authored blocks are counted per session; validators that author none for
//! `MaxOfflineSessions` consecutive sessions are removed, never below `MinValidators`.

use super::*;
use crate::{Event, WeightInfo};
use frame_support::dispatch::DispatchClass;

fn offline_sessions(who: AccountId) -> Option<u32> {
	OfflineSessions::<Test>::contains_key(who).then(|| OfflineSessions::<Test>::get(who))
}

fn mandatory_weight() -> frame_support::weights::Weight {
	*System::block_weight().get(DispatchClass::Mandatory)
}

#[test]
fn authors_are_counted_and_weighed() {
	run(|| {
		run_to_block(SESSION - 1);
		// Blocks 2..=9, round robin over 1..=4.
		let counts: Vec<u32> = GENESIS.iter().map(|v| AuthoredInSession::<Test>::get(v)).collect();
		assert_eq!(counts, vec![2, 2, 2, 2]);
		// Each block registers the weight of noting its author.
		assert_eq!(mandatory_weight(), <() as WeightInfo>::note_author());
		// The rotation block also registers the rotation, and the counts start again.
		rotate();
		assert_eq!(
			mandatory_weight(),
			<() as WeightInfo>::note_author() + <() as WeightInfo>::new_session(4)
		);
		assert_eq!(AuthoredInSession::<Test>::iter().count(), 0);
		run_to_block(SESSION + 1);
		assert_eq!(AuthoredInSession::<Test>::iter().count(), 1);
	});
}

#[test]
fn offline_validator_is_removed_after_max_offline_sessions() {
	run(|| {
		go_offline(4);
		rotate();
		assert_eq!(offline_sessions(4), Some(1));
		assert!(events().contains(&Event::ValidatorOffline { who: 4, sessions: 1 }));
		rotate();
		assert_eq!(offline_sessions(4), Some(2));
		assert_eq!(pending(), None);
		// The end of session 2, its third offline session: planned out for session 4.
		rotate();
		assert_eq!(Session::current_index(), 3);
		assert!(events().contains(&Event::ValidatorOffline { who: 4, sessions: 3 }));
		assert!(events().contains(&Event::ValidatorRemovedOffline { who: 4 }));
		assert!(events()
			.contains(&Event::NewValidatorSet { validators: bounded(vec![1, 2, 3]), session: 4 }));
		assert_eq!(offline_sessions(4), None);
		assert_eq!(session_queued(), vec![1, 2, 3]);
		// Still active in session 3, where it is no longer judged.
		assert_eq!(session_validators(), GENESIS.to_vec());
		System::reset_events();
		rotate();
		assert!(!events().iter().any(|e| matches!(e, Event::ValidatorOffline { who: 4, .. })));
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert_eq!(current(), vec![1, 2, 3]);
		assert_eq!(offline_sessions(4), None);
	});
}

#[test]
fn authoring_a_block_resets_the_count() {
	run(|| {
		go_offline(3);
		rotate_n(2);
		assert_eq!(offline_sessions(3), Some(2));
		go_online(3);
		rotate();
		assert_eq!(offline_sessions(3), None);
		go_offline(3);
		rotate_n(2);
		assert_eq!(offline_sessions(3), Some(2));
		assert_eq!(current(), GENESIS.to_vec());
		assert_eq!(pending(), None);
	});
}

#[test]
fn offline_removals_stop_at_min_validators() {
	run(|| {
		for who in [2, 3, 4] {
			go_offline(who);
		}
		rotate_n(3);
		// In order: 2 and 3 removed, 4 kept (two validators is the minimum).
		assert!(events().contains(&Event::ValidatorRemovedOffline { who: 2 }));
		assert!(events().contains(&Event::ValidatorRemovedOffline { who: 3 }));
		assert!(events().contains(&Event::OfflineRemovalDeferred { who: 4 }));
		assert_eq!(queued(), vec![1, 4]);
		assert_eq!(offline_sessions(4), Some(3));
		rotate();
		assert_eq!(session_validators(), vec![1, 4]);
		// 4 keeps being offline: still kept, the count keeps growing.
		System::reset_events();
		rotate();
		assert_eq!(offline_sessions(4), Some(5));
		assert!(events().contains(&Event::OfflineRemovalDeferred { who: 4 }));
		assert_eq!(session_validators(), vec![1, 4]);
		// Governance adds a validator: the next offline session removes 4.
		assert_ok!(add(5));
		rotate();
		assert!(events().contains(&Event::ValidatorRemovedOffline { who: 4 }));
		assert_eq!(pending(), None);
		assert_eq!(queued(), vec![1, 5]);
		rotate();
		assert_eq!(session_validators(), vec![1, 5]);
	});
}

#[test]
fn a_validator_being_removed_is_not_judged() {
	run(|| {
		go_offline(4);
		rotate();
		assert_eq!(offline_sessions(4), Some(1));
		assert_ok!(remove(4));
		System::reset_events();
		rotate();
		assert!(!events().iter().any(|e| matches!(e, Event::ValidatorOffline { .. })));
		assert_eq!(offline_sessions(4), None);
	});
}

#[test]
fn offline_removal_merges_with_pending_changes() {
	run(|| {
		go_offline(1);
		rotate_n(2);
		// A governance change pending when the offline rule fires.
		assert_ok!(add(6));
		rotate();
		assert!(events().contains(&Event::ValidatorRemovedOffline { who: 1 }));
		assert_eq!(queued(), vec![2, 3, 4, 6]);
		rotate();
		assert_eq!(session_validators(), vec![2, 3, 4, 6]);
	});
}

#[test]
fn a_new_validator_is_judged_from_its_first_active_session() {
	run(|| {
		assert_ok!(add(5));
		go_offline(5);
		// Queued in session 1: not judged.
		rotate_n(2);
		assert_eq!(offline_sessions(5), None);
		// Active in session 2: judged at its end.
		rotate();
		assert_eq!(offline_sessions(5), Some(1));
	});
}

use super::subnet_with_validator;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

fn set(
	hotkey: AccountId,
	netuid: NetUid,
	u: &[Uid],
	v: &[u16],
	key: u64,
) -> sp_runtime::DispatchResult {
	Subnets::set_weights(RuntimeOrigin::signed(hotkey), netuid, uids(u), vals(v), key)
}

#[test]
fn set_weights_stores_normalized_sorted_row() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with_validator(0);
		grant_permit(netuid, 0);
		run_to_block(3);
		assert_ok!(set(101, netuid, &[2, 1, 0], &[100, 300, 0], 0));
		assert_eq!(
			Weights::<Test>::get(netuid, 0).unwrap().into_inner(),
			vec![(1, 65_535), (2, 21_845)]
		);
		assert_eq!(Neurons::<Test>::get(netuid, 0).unwrap().last_update, 3);
		assert_eq!(last_event(), Event::WeightsSet { netuid, uid: 0, count: 2 });
		// All-zero weights clear the row.
		run_to_block(5);
		assert_ok!(set(101, netuid, &[1], &[0], 0));
		assert!(Weights::<Test>::get(netuid, 0).is_none());
	});
}

#[test]
fn set_weights_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with_validator(0);
		run_to_block(3);
		assert_noop!(set(101, 9, &[1], &[1], 0), Error::<Test>::SubnetNotFound);
		assert_noop!(set(999, netuid, &[1], &[1], 0), Error::<Test>::HotkeyNotRegistered);
		assert_noop!(set(101, netuid, &[1], &[1], 0), Error::<Test>::NoValidatorPermit);
		grant_permit(netuid, 0);
		assert_noop!(set(101, netuid, &[1, 2], &[1], 0), Error::<Test>::WeightVecLengthMismatch);
		assert_noop!(set(101, netuid, &[1, 1], &[1, 2], 0), Error::<Test>::DuplicateUids);
		assert_noop!(set(101, netuid, &[1, 3], &[1, 2], 0), Error::<Test>::UidOutOfRange);
		set_params(1, netuid, |p| p.min_allowed_weights = 2);
		assert_noop!(set(101, netuid, &[1], &[1], 0), Error::<Test>::TooFewWeights);
		set_params(1, netuid, |p| p.weights_version_key = 7);
		assert_noop!(set(101, netuid, &[1, 2], &[1, 1], 6), Error::<Test>::IncorrectVersionKey);
		assert_ok!(set(101, netuid, &[1, 2], &[1, 1], 7));
		run_to_block(4);
		assert_noop!(set(101, netuid, &[1, 2], &[1, 1], 7), Error::<Test>::SettingWeightsTooFast);
		run_to_block(5);
		assert_ok!(set(101, netuid, &[1, 2], &[1, 1], 8));
		set_params(1, netuid, |p| p.commit_reveal_enabled = true);
		run_to_block(8);
		assert_noop!(set(101, netuid, &[1, 2], &[1, 1], 8), Error::<Test>::CommitRevealEnabled);
	});
}

#[test]
fn min_allowed_weights_is_capped_by_n() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with_validator(0);
		grant_permit(netuid, 0);
		set_params(1, netuid, |p| p.min_allowed_weights = 10);
		run_to_block(3);
		assert_ok!(set(101, netuid, &[0, 1, 2], &[1, 1, 1], 0));
	});
}

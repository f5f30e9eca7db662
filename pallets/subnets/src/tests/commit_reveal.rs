use super::subnet_with_validator;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

const SALT: [u8; 32] = [7; 32];

fn hash(
	hotkey: AccountId,
	netuid: NetUid,
	u: &[Uid],
	v: &[u16],
	salt: &[u8; 32],
	key: u64,
) -> sp_core::H256 {
	Subnets::commit_hash(&hotkey, netuid, u, v, salt, key)
}

fn commit(hotkey: AccountId, netuid: NetUid, h: sp_core::H256) -> sp_runtime::DispatchResult {
	Subnets::commit_weights(RuntimeOrigin::signed(hotkey), netuid, h)
}

fn reveal(
	hotkey: AccountId,
	netuid: NetUid,
	u: &[Uid],
	v: &[u16],
	salt: [u8; 32],
	key: u64,
) -> sp_runtime::DispatchResult {
	Subnets::reveal_weights(RuntimeOrigin::signed(hotkey), netuid, uids(u), vals(v), salt, key)
}

/// Subnet with commit-reveal (reveal period 1) and a staked validator, which holds a permit
/// from block 11 (the first epoch) on.
fn setup() -> NetUid {
	let netuid = subnet_with_validator(1_000);
	set_params(1, netuid, |p| p.commit_reveal_enabled = true);
	grant_permit(netuid, 0);
	netuid
}

#[test]
fn commit_then_reveal_in_the_reveal_epoch() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = setup();
		run_to_block(3);
		let h = hash(101, netuid, &[1, 2], &[3, 1], &SALT, 0);
		assert_ok!(commit(101, netuid, h));
		assert_eq!(
			last_event(),
			Event::WeightsCommitted { netuid, hotkey: 101, hash: h, reveal_epoch: 1 }
		);
		assert_noop!(reveal(101, netuid, &[1, 2], &[3, 1], SALT, 0), Error::<Test>::RevealTooEarly);
		run_to_block(11); // epoch 1
		assert_eq!(Networks::<Test>::get(netuid).unwrap().epoch_index, 1);
		assert_ok!(reveal(101, netuid, &[1, 2], &[3, 1], SALT, 0));
		assert_eq!(last_event(), Event::WeightsRevealed { netuid, hotkey: 101, hash: h });
		assert!(events().contains(&Event::WeightsSet { netuid, uid: 0, count: 2 }));
		assert_eq!(
			Weights::<Test>::get(netuid, 0).unwrap().into_inner(),
			vec![(1, 65_535), (2, 21_845)]
		);
		assert!(WeightCommits::<Test>::get(netuid, 101).is_none());
	});
}

#[test]
fn reveal_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = setup();
		run_to_block(3);
		assert_noop!(reveal(101, 9, &[1], &[1], SALT, 0), Error::<Test>::SubnetNotFound);
		assert_noop!(reveal(101, netuid, &[1], &[1], SALT, 0), Error::<Test>::NoWeightsCommitFound);
		assert_ok!(commit(101, netuid, hash(101, netuid, &[1], &[1], &SALT, 0)));
		// Wrong salt, wrong values, wrong version key: no matching commit.
		assert_noop!(
			reveal(101, netuid, &[1], &[1], [8; 32], 0),
			Error::<Test>::InvalidRevealCommitHash
		);
		assert_noop!(
			reveal(101, netuid, &[1], &[2], SALT, 0),
			Error::<Test>::InvalidRevealCommitHash
		);
		assert_noop!(
			reveal(101, netuid, &[1], &[1], SALT, 1),
			Error::<Test>::InvalidRevealCommitHash
		);
		// Past the reveal epoch (1): expired.
		run_to_block(21);
		assert_noop!(reveal(101, netuid, &[1], &[1], SALT, 0), Error::<Test>::ExpiredWeightCommit);
		// A commit whose weights turn out invalid is rejected at reveal.
		assert_ok!(commit(101, netuid, hash(101, netuid, &[1, 1], &[1, 1], &SALT, 0)));
		run_to_block(31);
		assert_noop!(reveal(101, netuid, &[1, 1], &[1, 1], SALT, 0), Error::<Test>::DuplicateUids);
		set_params(1, netuid, |p| p.commit_reveal_enabled = false);
		assert_noop!(reveal(101, netuid, &[1], &[1], SALT, 0), Error::<Test>::CommitRevealDisabled);
	});
}

#[test]
fn commit_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = setup();
		let h = hash(101, netuid, &[1], &[1], &SALT, 0);
		assert_noop!(commit(101, 9, h), Error::<Test>::SubnetNotFound);
		assert_noop!(commit(999, netuid, h), Error::<Test>::HotkeyNotRegistered);
		for salt in 0..3u8 {
			assert_ok!(commit(101, netuid, hash(101, netuid, &[1], &[1], &[salt; 32], 0)));
		}
		assert_noop!(commit(101, netuid, h), Error::<Test>::TooManyPendingCommits);
		// Expired commits make room.
		run_to_block(21);
		assert_ok!(commit(101, netuid, h));
		assert_eq!(WeightCommits::<Test>::get(netuid, 101).unwrap().len(), 1);
		set_params(1, netuid, |p| p.commit_reveal_enabled = false);
		assert!(WeightCommits::<Test>::get(netuid, 101).is_none());
		assert_noop!(commit(101, netuid, h), Error::<Test>::CommitRevealDisabled);
	});
}

#[test]
fn longer_reveal_period() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = setup();
		set_params(1, netuid, |p| p.reveal_period = 2);
		run_to_block(3);
		assert_ok!(commit(101, netuid, hash(101, netuid, &[2], &[5], &SALT, 0)));
		run_to_block(11);
		assert_noop!(reveal(101, netuid, &[2], &[5], SALT, 0), Error::<Test>::RevealTooEarly);
		run_to_block(21);
		assert_ok!(reveal(101, netuid, &[2], &[5], SALT, 0));
	});
}

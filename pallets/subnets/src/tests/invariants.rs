use super::subnet_with_validator;
use crate::{mock::*, *};
use frame_support::{
	traits::{fungible::MutateHold, Hooks},
	BoundedVec,
};

fn broken(f: impl FnOnce()) {
	ExtBuilder::default().build().execute_with(|| {
		let netuid = subnet_with_validator(100);
		assert!(Subnets::do_try_state().is_ok());
		let _ = netuid;
		f();
		assert!(Subnets::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_broken_uid_maps() {
	broken(|| Uids::<Test>::remove(0, 101));
	broken(|| Uids::<Test>::insert(0, 555, 1));
	broken(|| Neurons::<Test>::remove(0, 2));
	broken(|| Networks::<Test>::mutate(0, |i| i.as_mut().unwrap().n = 5));
}

#[test]
fn try_state_detects_broken_stake_accounting() {
	broken(|| Stake::<Test>::insert(101, 2, 99));
	broken(|| TotalHotkeyStake::<Test>::insert(101, 1));
	broken(|| {
		let _ = Balances::hold(&RuntimeHoldReason::Subnets(HoldReason::Stake), &2, 5);
	});
	broken(|| {
		let _ = Balances::hold(&RuntimeHoldReason::Subnets(HoldReason::SubnetLock), &1, 5);
	});
}

#[test]
fn try_state_detects_stray_rows() {
	broken(|| Bonds::<Test>::insert(0, 1, BoundedVec::truncate_from(vec![(2, 5)])));
	broken(|| Weights::<Test>::insert(0, 7, BoundedVec::truncate_from(vec![(1, 5)])));
	broken(|| Weights::<Test>::insert(0, 0, BoundedVec::truncate_from(vec![(2, 5), (1, 5)])));
	broken(EpochSchedule::<Test>::kill);
}

#[test]
fn invariants_hold_through_a_busy_history() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with_validator(1_000);
		set_params(1, netuid, |p| p.max_uids = 4);
		for block in 2..60u64 {
			System::set_block_number(block);
			Subnets::on_initialize(block);
			let hotkey = 300 + block;
			let _ = Subnets::burned_register(RuntimeOrigin::signed(5 + block % 5), netuid, hotkey);
			let _ = Subnets::add_stake(RuntimeOrigin::signed(6), hotkey, 10);
			let _ = Subnets::set_weights(
				RuntimeOrigin::signed(101),
				netuid,
				uids(&[1, 2, 3]),
				vals(&[1, 2, 3]),
				0,
			);
			if block % 7 == 0 {
				let _ = Subnets::remove_stake(RuntimeOrigin::signed(6), hotkey - 3, 10);
			}
			Subnets::do_try_state().unwrap();
		}
	});
}

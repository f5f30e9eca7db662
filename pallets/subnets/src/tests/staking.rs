use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

fn stake_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Subnets(HoldReason::Stake), &who)
}

#[test]
fn add_and_remove_stake_use_holds() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		register(netuid, 2, 101);
		let issuance = Balances::total_issuance();
		assert_ok!(Subnets::add_stake(RuntimeOrigin::signed(2), 101, 700));
		// Anyone may stake on any known hotkey (nomination).
		assert_ok!(Subnets::add_stake(RuntimeOrigin::signed(3), 101, 300));
		assert_eq!(last_event(), Event::StakeAdded { coldkey: 3, hotkey: 101, amount: 300 });
		assert_eq!(Stake::<Test>::get(101, 2), 700);
		assert_eq!(Stake::<Test>::get(101, 3), 300);
		assert_eq!(Subnets::total_stake(&101), 1_000);
		assert_eq!(stake_held(2), 700);
		assert_eq!(Balances::total_balance(&2), INITIAL - MIN_BURN);
		assert_eq!(Balances::total_issuance(), issuance);

		assert_ok!(Subnets::remove_stake(RuntimeOrigin::signed(2), 101, 200));
		assert_eq!(last_event(), Event::StakeRemoved { coldkey: 2, hotkey: 101, amount: 200 });
		assert_eq!(Stake::<Test>::get(101, 2), 500);
		assert_eq!(stake_held(2), 500);
		assert_ok!(Subnets::remove_stake(RuntimeOrigin::signed(3), 101, 300));
		assert!(!Stake::<Test>::contains_key(101, 3));
		assert_ok!(Subnets::remove_stake(RuntimeOrigin::signed(2), 101, 500));
		assert!(!TotalHotkeyStake::<Test>::contains_key(101));
		assert_eq!(stake_held(2), 0);
		assert_eq!(Balances::balance(&2), INITIAL - MIN_BURN);
	});
}

#[test]
fn staking_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		register(netuid, 2, 101);
		assert_ok!(Subnets::add_stake(RuntimeOrigin::signed(2), 101, 100));
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::signed(2), 101, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Subnets::remove_stake(RuntimeOrigin::signed(2), 101, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::signed(2), 999, 10),
			Error::<Test>::HotkeyUnknown
		);
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::signed(3), 101, INITIAL),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Subnets::remove_stake(RuntimeOrigin::signed(2), 101, 101),
			Error::<Test>::NotEnoughStake
		);
		assert_noop!(
			Subnets::remove_stake(RuntimeOrigin::signed(3), 101, 1),
			Error::<Test>::NotEnoughStake
		);
		// MinStake = 10: no dust entries, neither new nor left behind.
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::signed(3), 101, 9),
			Error::<Test>::StakeBelowMinimum
		);
		assert_noop!(
			Subnets::remove_stake(RuntimeOrigin::signed(2), 101, 95),
			Error::<Test>::StakeBelowMinimum
		);
		// Topping up an entry that is already above the minimum is fine.
		assert_ok!(Subnets::add_stake(RuntimeOrigin::signed(2), 101, 1));
	});
}

//! sAID vault entries and instant exits (ERC-4626 semantics through `heliox_vault`).

use super::*;
use crate::{Error, Event, Vault};
use frame_support::{assert_noop, assert_ok};

#[test]
fn deposit_mints_shares_at_the_offset_price() {
	run(|| {
		mint_aid(ALICE, 1_000);
		assert_ok!(Aid::deposit(
			RuntimeOrigin::signed(ALICE),
			1_000 * UNIT,
			1_000 * UNIT * 1_000_000
		));
		let shares = 1_000 * UNIT * 1_000_000;
		assert_eq!(Aid::said_balance(&ALICE), shares);
		assert_eq!(Aid::aid_balance(&ALICE), 0);
		assert_eq!(Aid::aid_balance(&Aid::vault_account()), 1_000 * UNIT);
		assert_eq!(Vault::<Test>::get().idle_assets, 1_000 * UNIT);
		assert_eq!(Vault::<Test>::get().total_shares, shares);
		assert!(aid_events().contains(&Event::Deposited {
			who: ALICE,
			assets: 1_000 * UNIT,
			shares
		}));
	});
}

#[test]
fn mint_takes_assets_rounded_up() {
	run(|| {
		deposit(BOB, 10);
		mint_aid(ALICE, 10);
		// 1 share is worth a millionth of a base unit: it costs one whole base unit.
		assert_ok!(Aid::mint(RuntimeOrigin::signed(ALICE), 1, 1));
		assert_eq!(Aid::aid_balance(&ALICE), 10 * UNIT - 1);
		assert_eq!(Aid::said_balance(&ALICE), 1);
	});
}

#[test]
fn instant_exits_need_zero_cooldown() {
	run(|| {
		let shares = deposit(ALICE, 100);
		assert_noop!(
			Aid::redeem(RuntimeOrigin::signed(ALICE), shares, 0),
			Error::<Test>::CooldownActive
		);
		assert_noop!(
			Aid::withdraw(RuntimeOrigin::signed(ALICE), UNIT, u128::MAX),
			Error::<Test>::CooldownActive
		);
		set_cooldown(0);
		assert_ok!(Aid::withdraw(RuntimeOrigin::signed(ALICE), 40 * UNIT, u128::MAX));
		assert_eq!(Aid::aid_balance(&ALICE), 40 * UNIT);
		let left = Aid::said_balance(&ALICE);
		assert_eq!(left, shares - 40 * UNIT * 1_000_000);
		assert_ok!(Aid::redeem(RuntimeOrigin::signed(ALICE), left, 60 * UNIT));
		assert_eq!(Aid::aid_balance(&ALICE), 100 * UNIT);
		assert_eq!(Aid::said_balance(&ALICE), 0);
		assert_eq!(Vault::<Test>::get().total_shares, 0);
	});
}

#[test]
fn slippage_bounds_are_enforced() {
	run(|| {
		set_cooldown(0);
		mint_aid(ALICE, 100);
		assert_noop!(
			Aid::deposit(RuntimeOrigin::signed(ALICE), UNIT, UNIT * 1_000_000 + 1),
			Error::<Test>::SlippageExceeded
		);
		assert_noop!(
			Aid::mint(RuntimeOrigin::signed(ALICE), UNIT * 1_000_000, UNIT - 1),
			Error::<Test>::SlippageExceeded
		);
		assert_ok!(Aid::deposit(RuntimeOrigin::signed(ALICE), 50 * UNIT, 0));
		assert_noop!(
			Aid::withdraw(RuntimeOrigin::signed(ALICE), UNIT, UNIT * 1_000_000 - 1),
			Error::<Test>::SlippageExceeded
		);
		assert_noop!(
			Aid::redeem(RuntimeOrigin::signed(ALICE), UNIT * 1_000_000, UNIT + 1),
			Error::<Test>::SlippageExceeded
		);
	});
}

#[test]
fn vault_errors_change_nothing() {
	run(|| {
		set_cooldown(0);
		mint_aid(ALICE, 100);
		assert_noop!(Aid::deposit(RuntimeOrigin::signed(ALICE), 0, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Aid::mint(RuntimeOrigin::signed(ALICE), 0, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Aid::deposit(RuntimeOrigin::signed(ALICE), 100 * UNIT + 1, 0),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Aid::mint(RuntimeOrigin::signed(ALICE), (100 * UNIT + 1) * 1_000_000, u128::MAX),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Aid::deposit(RuntimeOrigin::signed(ALICE), u128::MAX, 0),
			Error::<Test>::Overflow
		);
		assert_noop!(
			Aid::mint(RuntimeOrigin::signed(ALICE), u128::MAX, u128::MAX),
			Error::<Test>::Overflow
		);
		let shares = deposit(BOB, 10);
		assert_noop!(Aid::withdraw(RuntimeOrigin::signed(BOB), 0, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Aid::redeem(RuntimeOrigin::signed(BOB), 0, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Aid::redeem(RuntimeOrigin::signed(BOB), shares + 1, 0),
			Error::<Test>::InsufficientShares
		);
		assert_noop!(
			Aid::withdraw(RuntimeOrigin::signed(BOB), 10 * UNIT + 1, u128::MAX),
			Error::<Test>::InsufficientShares
		);
		// One share is worth less than one base unit.
		assert_noop!(Aid::redeem(RuntimeOrigin::signed(BOB), 1, 0), Error::<Test>::ZeroAssets);
		// Liquidity deployed to a deal cannot be withdrawn.
		fund(7, 8);
		assert_noop!(
			Aid::withdraw(RuntimeOrigin::signed(BOB), 3 * UNIT, u128::MAX),
			Error::<Test>::InsufficientLiquidity
		);
		assert_noop!(
			Aid::redeem(RuntimeOrigin::signed(BOB), shares, 0),
			Error::<Test>::InsufficientLiquidity
		);
		assert_ok!(Aid::set_paused(RuntimeOrigin::root(), true));
		assert_noop!(Aid::deposit(RuntimeOrigin::signed(ALICE), UNIT, 0), Error::<Test>::Paused);
		assert_noop!(Aid::mint(RuntimeOrigin::signed(ALICE), 1, u128::MAX), Error::<Test>::Paused);
		assert_noop!(
			Aid::withdraw(RuntimeOrigin::signed(BOB), 1, u128::MAX),
			Error::<Test>::Paused
		);
		assert_noop!(Aid::redeem(RuntimeOrigin::signed(BOB), 1, 0), Error::<Test>::Paused);
	});
}

#[test]
fn a_huge_share_price_refuses_deposits_worth_no_share() {
	run(|| {
		set_fees(Permill::zero(), Permill::zero(), Permill::zero());
		mint_aid(ALICE, 1_000_000);
		assert_ok!(Aid::deposit(RuntimeOrigin::signed(ALICE), 1, 0));
		assert_ok!(Aid::fund_gpu_deal(RuntimeOrigin::root(), 7, CHARLIE, 1));
		assert_ok!(Aid::pay_revenue(RuntimeOrigin::signed(ALICE), 7, 999_000 * UNIT));
		run_to_block(1 + VESTING);
		assert_noop!(Aid::deposit(RuntimeOrigin::signed(ALICE), 1, 0), Error::<Test>::ZeroShares);
	});
}

#[test]
fn donations_do_not_move_the_price() {
	run(|| {
		let shares = deposit(ALICE, 100);
		mint_aid(BOB, 50);
		assert_ok!(Assets::transfer(
			RuntimeOrigin::signed(BOB),
			AID,
			Aid::vault_account(),
			50 * UNIT
		));
		assert_eq!(Aid::preview_redeem(shares), Ok(100 * UNIT));
	});
}

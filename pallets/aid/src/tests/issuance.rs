//! AID mint and redeem against collateral.

use super::*;
use crate::{Collaterals, Error, Event};
use frame_support::{assert_noop, assert_ok};

#[test]
fn mint_aid_is_one_to_one_and_holds_collateral() {
	run(|| {
		assert_ok!(Aid::mint_aid(RuntimeOrigin::signed(ALICE), USDC, 100 * UNIT));
		assert_eq!(Aid::aid_balance(&ALICE), 100 * UNIT);
		assert_eq!(Assets::balance(USDC, Aid::account_id()), 100 * UNIT);
		assert_eq!(Collaterals::<Test>::get(USDC).unwrap().held, 100 * UNIT);
		assert_eq!(Assets::total_supply(AID), 100 * UNIT);
		assert!(aid_events().contains(&Event::AidMinted {
			who: ALICE,
			collateral: USDC,
			collateral_in: 100 * UNIT,
			aid_out: 100 * UNIT,
			fee: 0,
		}));
	});
}

#[test]
fn eighteen_decimal_collateral_converts_exactly() {
	run(|| {
		assert_ok!(Aid::mint_aid(RuntimeOrigin::signed(ALICE), DAI, 3 * DAI_UNIT));
		assert_eq!(Aid::aid_balance(&ALICE), 3 * UNIT);
		// One AID base unit is 10^12 DAI base units.
		assert_ok!(Aid::redeem_aid(RuntimeOrigin::signed(ALICE), DAI, 1));
		assert_eq!(
			Assets::balance(DAI, ALICE),
			1_000_000 * DAI_UNIT - 3 * DAI_UNIT + 1_000_000_000_000
		);
		assert_eq!(Collaterals::<Test>::get(DAI).unwrap().held, 3 * DAI_UNIT - 1_000_000_000_000);
	});
}

#[test]
fn inexact_amounts_are_refused() {
	run(|| {
		// 18 decimals to 6: a DAI amount must be a whole number of AID base units.
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::signed(ALICE), DAI, DAI_UNIT + 1),
			Error::<Test>::InexactAmount
		);
		// 6 decimals to 2: an AID amount must be a whole number of cents to redeem.
		assert_ok!(Aid::set_collateral(RuntimeOrigin::root(), OTHER, 2, u128::MAX));
		assert_ok!(Aid::mint_aid(RuntimeOrigin::signed(ALICE), OTHER, 1));
		assert_eq!(Aid::aid_balance(&ALICE), 10_000);
		assert_noop!(
			Aid::redeem_aid(RuntimeOrigin::signed(ALICE), OTHER, 1),
			Error::<Test>::InexactAmount
		);
		assert_ok!(Aid::redeem_aid(RuntimeOrigin::signed(ALICE), OTHER, 10_000));
	});
}

#[test]
fn redeem_aid_pays_collateral_back() {
	run(|| {
		mint_aid(ALICE, 100);
		assert_ok!(Aid::redeem_aid(RuntimeOrigin::signed(ALICE), USDC, 40 * UNIT));
		assert_eq!(Aid::aid_balance(&ALICE), 60 * UNIT);
		assert_eq!(Assets::balance(USDC, ALICE), 1_000_000 * UNIT - 60 * UNIT);
		assert_eq!(Assets::total_supply(AID), 60 * UNIT);
		assert_eq!(Collaterals::<Test>::get(USDC).unwrap().held, 60 * UNIT);
	});
}

#[test]
fn fees_go_to_the_treasury_rounded_up() {
	run(|| {
		set_fees(Permill::from_percent(1), Permill::from_percent(2), Permill::zero());
		assert_ok!(Aid::mint_aid(RuntimeOrigin::signed(ALICE), USDC, 100 * UNIT));
		assert_eq!(Aid::aid_balance(&ALICE), 99 * UNIT);
		assert_eq!(Aid::aid_balance(&TREASURY), UNIT);
		// AID supply still equals the collateral held.
		assert_eq!(Assets::total_supply(AID), 100 * UNIT);

		// 2% of 50 AID: 1 AID fee, 49 burned, 49 USDC paid.
		assert_ok!(Aid::redeem_aid(RuntimeOrigin::signed(ALICE), USDC, 50 * UNIT));
		assert_eq!(Aid::aid_balance(&TREASURY), 2 * UNIT);
		assert_eq!(Aid::aid_balance(&ALICE), 49 * UNIT);
		assert_eq!(Collaterals::<Test>::get(USDC).unwrap().held, 51 * UNIT);

		// A fee on 1 base unit rounds up to the whole amount: nothing left to redeem.
		assert_noop!(
			Aid::redeem_aid(RuntimeOrigin::signed(ALICE), USDC, 1),
			Error::<Test>::ZeroAmount
		);
		// Fee 3 (2% of 101 rounded up), 98 left: exact in USDC.
		assert_ok!(Aid::redeem_aid(RuntimeOrigin::signed(ALICE), USDC, 101));
		assert_eq!(Aid::aid_balance(&TREASURY), 2 * UNIT + 3);
	});
}

#[test]
fn mint_errors_change_nothing() {
	run(|| {
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::signed(EVE), USDC, UNIT),
			Error::<Test>::NotAllowed
		);
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::signed(ALICE), OTHER, UNIT),
			Error::<Test>::NotCollateral
		);
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::signed(ALICE), USDC, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::signed(ALICE), USDC, 10_000_000 * UNIT + 1),
			Error::<Test>::CapExceeded
		);
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::signed(ALICE), USDC, 1_000_000 * UNIT + 1),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::none(), USDC, UNIT),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn cap_is_per_asset_and_inclusive() {
	run(|| {
		assert_ok!(Aid::set_collateral(RuntimeOrigin::root(), USDC, 6, 150 * UNIT));
		mint_aid(ALICE, 100);
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::signed(BOB), USDC, 50 * UNIT + 1),
			Error::<Test>::CapExceeded
		);
		mint_aid(BOB, 50);
		// DAI has its own cap.
		assert_ok!(Aid::mint_aid(RuntimeOrigin::signed(BOB), DAI, DAI_UNIT));
	});
}

#[test]
fn overflow_at_u128_extremes() {
	run(|| {
		// A 0-decimals collateral: amounts are multiplied by 10^6.
		assert_ok!(Aid::set_collateral(RuntimeOrigin::root(), OTHER, 0, u128::MAX));
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::signed(ALICE), OTHER, u128::MAX),
			Error::<Test>::Overflow
		);
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::signed(ALICE), USDC, u128::MAX),
			Error::<Test>::CapExceeded
		);
		assert_noop!(
			Aid::redeem_aid(RuntimeOrigin::signed(ALICE), DAI, u128::MAX),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn redeem_errors_change_nothing() {
	run(|| {
		mint_aid(ALICE, 100);
		mint_aid(BOB, 100);
		assert_noop!(
			Aid::redeem_aid(RuntimeOrigin::signed(EVE), USDC, UNIT),
			Error::<Test>::NotAllowed
		);
		assert_noop!(
			Aid::redeem_aid(RuntimeOrigin::signed(ALICE), OTHER, UNIT),
			Error::<Test>::NotCollateral
		);
		assert_noop!(
			Aid::redeem_aid(RuntimeOrigin::signed(ALICE), USDC, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Aid::redeem_aid(RuntimeOrigin::signed(ALICE), USDC, 100 * UNIT + 1),
			Error::<Test>::InsufficientBalance
		);
		// No DAI is held: AID minted against USDC cannot take DAI out.
		assert_noop!(
			Aid::redeem_aid(RuntimeOrigin::signed(ALICE), DAI, UNIT),
			Error::<Test>::InsufficientCollateral
		);
		// An allow-list removal stops redemptions too.
		assert_ok!(Aid::disallow_account(RuntimeOrigin::root(), BOB));
		assert_noop!(
			Aid::redeem_aid(RuntimeOrigin::signed(BOB), USDC, UNIT),
			Error::<Test>::NotAllowed
		);
	});
}

#[test]
fn pause_stops_mint_and_redeem() {
	run(|| {
		mint_aid(ALICE, 10);
		assert_ok!(Aid::set_paused(RuntimeOrigin::root(), true));
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::signed(ALICE), USDC, UNIT),
			Error::<Test>::Paused
		);
		assert_noop!(
			Aid::redeem_aid(RuntimeOrigin::signed(ALICE), USDC, UNIT),
			Error::<Test>::Paused
		);
		assert_ok!(Aid::set_paused(RuntimeOrigin::root(), false));
		assert_ok!(Aid::redeem_aid(RuntimeOrigin::signed(ALICE), USDC, UNIT));
	});
}

#[test]
fn conversion_helpers() {
	use crate::{convert_exact, convert_floor, ConvertError};
	assert_eq!(convert_exact(5, 6, 6), Ok(5));
	assert_eq!(convert_exact(5, 2, 6), Ok(50_000));
	assert_eq!(convert_exact(50_000, 6, 2), Ok(5));
	assert_eq!(convert_exact(50_001, 6, 2), Err(ConvertError::Inexact));
	assert_eq!(convert_exact(u128::MAX, 0, 1), Err(ConvertError::Overflow));
	assert_eq!(convert_exact(1, 0, 39), Err(ConvertError::Overflow));
	assert_eq!(convert_exact(1, 39, 0), Err(ConvertError::Overflow));
	assert_eq!(convert_floor(50_001, 6, 2), 5);
	assert_eq!(convert_floor(u128::MAX, 0, 1), u128::MAX);
	assert_eq!(convert_floor(0, 0, 39), 0);
	assert_eq!(convert_floor(7, 0, 39), u128::MAX);
	assert_eq!(convert_floor(u128::MAX, 39, 0), 0);
	// Exact conversions round-trip.
	for amount in [0u128, 1, 999, 123_456_789] {
		for (from, to) in [(6u8, 18u8), (2, 6), (6, 6)] {
			let there = convert_exact(amount, from, to).unwrap();
			assert_eq!(convert_exact(there, to, from), Ok(amount));
		}
	}
}

//! The functions behind the runtime API.

use super::*;
use crate::RequestInfo;
use frame_support::assert_ok;
use heliox_vault::VaultError;

#[test]
fn previews_match_what_the_calls_do() {
	run(|| {
		set_cooldown(0);
		deposit(BOB, 333);
		deposit(BOB, 1);
		fund(7, 100);
		mint_aid(ALICE, 1_000);
		assert_ok!(Aid::pay_revenue(RuntimeOrigin::signed(ALICE), 7, 77 * UNIT));
		run_to_block(40);

		let shares = Aid::preview_deposit(100 * UNIT).unwrap();
		assert_ok!(Aid::deposit(RuntimeOrigin::signed(ALICE), 100 * UNIT, shares));
		assert_eq!(Aid::said_balance(&ALICE), shares);

		let cost = Aid::preview_mint(12_345_678).unwrap();
		let before = Aid::aid_balance(&ALICE);
		assert_ok!(Aid::mint(RuntimeOrigin::signed(ALICE), 12_345_678, cost));
		assert_eq!(before - Aid::aid_balance(&ALICE), cost);

		let burn = Aid::preview_withdraw(10 * UNIT).unwrap();
		let before = Aid::said_balance(&ALICE);
		assert_ok!(Aid::withdraw(RuntimeOrigin::signed(ALICE), 10 * UNIT, burn));
		assert_eq!(before - Aid::said_balance(&ALICE), burn);

		let paid = Aid::preview_redeem(1_000_000_000).unwrap();
		let before = Aid::aid_balance(&ALICE);
		assert_ok!(Aid::redeem(RuntimeOrigin::signed(ALICE), 1_000_000_000, paid));
		assert_eq!(Aid::aid_balance(&ALICE) - before, paid);

		assert_eq!(Aid::preview_deposit(u128::MAX), Err(VaultError::Overflow));
	});
}

#[test]
fn max_functions_are_exact_and_respect_the_exit_rule() {
	run(|| {
		let shares = deposit(ALICE, 100);
		// Cooldown on: no instant exit.
		assert_eq!(Aid::max_withdraw(&ALICE), 0);
		assert_eq!(Aid::max_redeem(&ALICE), 0);
		assert!(Aid::max_deposit(&ALICE) > 0);
		assert!(Aid::max_mint(&ALICE) > 0);
		set_cooldown(0);
		fund(7, 60);
		assert_eq!(Aid::max_withdraw(&ALICE), 40 * UNIT);
		let max = Aid::max_redeem(&ALICE);
		assert!(max < shares);
		assert_ok!(Aid::redeem(RuntimeOrigin::signed(ALICE), max, 0));
		assert_ok!(Aid::set_paused(RuntimeOrigin::root(), true));
		assert_eq!(Aid::max_deposit(&ALICE), 0);
		assert_eq!(Aid::max_mint(&ALICE), 0);
		assert_eq!(Aid::max_withdraw(&ALICE), 0);
		assert_eq!(Aid::max_redeem(&ALICE), 0);
	});
}

#[test]
fn vault_state_reports_the_balance_sheet() {
	run(|| {
		let shares = deposit(ALICE, 1_000);
		fund(7, 400);
		mint_aid(BOB, 100);
		assert_ok!(Aid::pay_revenue(RuntimeOrigin::signed(BOB), 7, 100 * UNIT));
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), shares / 2));
		// Five blocks later (before the request matures): 4.5 of the 90 AID vested.
		run_to_block(6);
		let summary = Aid::vault_state();
		assert_eq!(summary.deployed_assets, 400 * UNIT);
		assert_eq!(summary.idle_assets, 600 * UNIT + 4_500_000);
		assert_eq!(summary.unvested_revenue, 85_500_000);
		assert_eq!(summary.total_assets, 1_004_500_000);
		assert_eq!(summary.vesting_end, 1 + VESTING);
		assert_eq!(summary.total_shares, shares);
		assert_eq!(summary.queued_shares, shares / 2);
		assert_eq!(summary.queue_len, 1);
		assert_eq!(summary.cooldown, COOLDOWN);
		assert!(!summary.paused);
		assert_eq!(summary.share_price, Aid::share_price());
	});
}

#[test]
fn withdrawal_requests_report_position_and_claimable() {
	run(|| {
		let alice = deposit(ALICE, 100);
		let bob = deposit(BOB, 100);
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), alice / 2));
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(BOB), bob / 4));
		run_to_block(3);
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), alice / 2));
		assert_eq!(
			Aid::withdrawal_requests(&ALICE),
			vec![
				RequestInfo {
					id: 0,
					shares: alice / 2,
					requested_at: 1,
					matures_at: 1 + COOLDOWN,
					position: 0,
					claimable: 50 * UNIT,
				},
				RequestInfo {
					id: 2,
					shares: alice / 2,
					requested_at: 3,
					matures_at: 3 + COOLDOWN,
					position: 2,
					claimable: 50 * UNIT,
				},
			]
		);
		assert_ok!(Aid::cancel_withdraw(RuntimeOrigin::signed(ALICE), 0));
		let bob_requests = Aid::withdrawal_requests(&BOB);
		assert_eq!(bob_requests.len(), 1);
		assert_eq!(bob_requests[0].position, 0);
		assert_eq!(bob_requests[0].claimable, 25 * UNIT);
		assert!(Aid::withdrawal_requests(&EVE).is_empty());
	});
}

#[test]
fn runtime_api_types_encode_round_trip() {
	use codec::{Decode, Encode};
	run(|| {
		deposit(ALICE, 1);
		let summary = Aid::vault_state();
		assert_eq!(
			crate::VaultSummary::<u128>::decode(&mut &summary.encode()[..]).unwrap(),
			summary
		);
	});
}

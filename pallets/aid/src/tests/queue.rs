//! The FIFO withdrawal queue: locking, cooldown, partial fills, cancellation, service bounds.

use super::*;
use crate::{AccountRequests, Error, Event, QueueHead, QueueLen, Requests, Vault};
use frame_support::{assert_noop, assert_ok};

#[test]
fn request_locks_shares_and_is_served_after_the_cooldown() {
	run(|| {
		let shares = deposit(ALICE, 1_000);
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), shares));
		assert_eq!(Aid::said_balance(&ALICE), 0);
		assert_eq!(Aid::said_balance(&Aid::queue_account()), shares);
		// Locked shares still exist: they share gains and losses until served.
		assert_eq!(Vault::<Test>::get().total_shares, shares);
		assert_eq!(QueueLen::<Test>::get(), 1);
		assert!(aid_events().contains(&Event::WithdrawRequested { id: 0, who: ALICE, shares }));

		run_to_block(COOLDOWN);
		assert_eq!(Aid::aid_balance(&ALICE), 0);
		run_to_block(1 + COOLDOWN);
		assert_eq!(Aid::aid_balance(&ALICE), 1_000 * UNIT);
		assert_eq!(Aid::said_balance(&Aid::queue_account()), 0);
		assert_eq!(QueueLen::<Test>::get(), 0);
		assert_eq!(QueueHead::<Test>::get(), 1);
		assert!(Requests::<Test>::get(0).is_none());
		assert!(AccountRequests::<Test>::get(ALICE).is_empty());
		assert!(aid_events().contains(&Event::WithdrawFilled {
			id: 0,
			who: ALICE,
			shares_burned: shares,
			assets_paid: 1_000 * UNIT,
			remaining_shares: 0,
		}));
	});
}

#[test]
fn partial_fill_keeps_the_rest_queued_in_place() {
	run(|| {
		let alice = deposit(ALICE, 1_000);
		let bob = deposit(BOB, 1_000);
		fund(7, 1_500);
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), alice));
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(BOB), bob));
		run_to_block(1 + COOLDOWN);
		// 500 AID of liquidity: Alice gets it all, half her shares stay queued, Bob waits.
		assert_eq!(Aid::aid_balance(&ALICE), 500 * UNIT);
		let left = Requests::<Test>::get(0).unwrap().shares;
		assert!(left > 0 && left < alice);
		assert_eq!(Aid::aid_balance(&BOB), 0);
		assert_eq!(QueueHead::<Test>::get(), 0);
		assert_eq!(QueueLen::<Test>::get(), 2);

		// Principal comes back: the rest is served, oldest first.
		assert_ok!(Aid::close_gpu_deal(RuntimeOrigin::root(), 0, 1_500 * UNIT));
		run_to_block(2 + COOLDOWN);
		// Rounding (in the vault's favour) moves at most a base unit between them.
		let (a, b) = (Aid::aid_balance(&ALICE), Aid::aid_balance(&BOB));
		assert!(a <= 1_000 * UNIT && a + 1 >= 1_000 * UNIT, "{a}");
		assert!(b + 1 >= 1_000 * UNIT && b <= 1_000 * UNIT + 1, "{b}");
		assert!(a + b <= 2_000 * UNIT);
		assert_eq!(QueueLen::<Test>::get(), 0);
	});
}

#[test]
fn fifo_a_younger_request_waits_for_an_older_one() {
	run(|| {
		let alice = deposit(ALICE, 100);
		let bob = deposit(BOB, 100);
		fund(7, 150);
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), alice));
		run_to_block(5);
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(BOB), bob / 10));
		run_to_block(20);
		// 50 AID idle: all to Alice's older request, none to Bob's even though it is small.
		assert_eq!(Aid::aid_balance(&ALICE), 50 * UNIT);
		assert_eq!(Aid::aid_balance(&BOB), 0);
	});
}

#[test]
fn on_initialize_serves_a_bounded_number_per_block() {
	run(|| {
		let alice = deposit(ALICE, 100);
		let bob = deposit(BOB, 100);
		for _ in 0..4 {
			assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), alice / 4));
		}
		for _ in 0..2 {
			assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(BOB), bob / 2));
		}
		assert_eq!(QueueLen::<Test>::get(), 6);
		run_to_block(1 + COOLDOWN);
		assert_eq!(QueueLen::<Test>::get(), 2);
		assert_eq!(Aid::aid_balance(&ALICE), 100 * UNIT);
		run_to_block(2 + COOLDOWN);
		assert_eq!(QueueLen::<Test>::get(), 0);
		assert_eq!(Aid::aid_balance(&BOB), 100 * UNIT);
	});
}

#[test]
fn process_queue_is_permissionless_and_bounded() {
	run(|| {
		ProcessPerBlock::set(0);
		let alice = deposit(ALICE, 100);
		for _ in 0..3 {
			assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), alice / 3));
		}
		run_to_block(1 + COOLDOWN);
		assert_eq!(QueueLen::<Test>::get(), 3);
		assert_ok!(Aid::process_queue(RuntimeOrigin::signed(EVE), 2));
		assert_eq!(QueueLen::<Test>::get(), 1);
		assert_ok!(Aid::process_queue(RuntimeOrigin::signed(EVE), 10));
		assert_eq!(QueueLen::<Test>::get(), 0);
		// Nothing to do is not an error.
		assert_ok!(Aid::process_queue(RuntimeOrigin::signed(EVE), 10));
		ProcessPerBlock::set(4);
	});
}

#[test]
fn cancelled_requests_leave_holes_the_queue_skips() {
	run(|| {
		let alice = deposit(ALICE, 100);
		let bob = deposit(BOB, 100);
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), alice / 2));
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(BOB), bob));
		assert_ok!(Aid::cancel_withdraw(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(Aid::said_balance(&ALICE), alice);
		assert!(aid_events().contains(&Event::WithdrawCancelled {
			id: 0,
			who: ALICE,
			shares: alice / 2
		}));
		run_to_block(1 + COOLDOWN);
		assert_eq!(Aid::aid_balance(&BOB), 100 * UNIT);
		assert_eq!(QueueHead::<Test>::get(), 2);
		assert_eq!(QueueLen::<Test>::get(), 0);
	});
}

#[test]
fn queued_shares_share_losses() {
	run(|| {
		let alice = deposit(ALICE, 100);
		deposit(BOB, 100);
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), alice));
		fund(7, 100);
		// Half the deployed AID is lost: the vault lost 50 of 200.
		assert_ok!(Aid::close_gpu_deal(RuntimeOrigin::root(), 0, 50 * UNIT));
		run_to_block(1 + COOLDOWN);
		// 75 AID minus rounding in the vault's favour.
		let paid = Aid::aid_balance(&ALICE);
		assert!((75 * UNIT - 1..=75 * UNIT).contains(&paid), "{paid}");
	});
}

#[test]
fn queue_errors_change_nothing() {
	run(|| {
		let alice = deposit(ALICE, 100);
		assert_noop!(
			Aid::request_withdraw(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Aid::request_withdraw(RuntimeOrigin::signed(ALICE), alice + 1),
			Error::<Test>::InsufficientShares
		);
		for _ in 0..4 {
			assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), 1));
		}
		assert_noop!(
			Aid::request_withdraw(RuntimeOrigin::signed(ALICE), 1),
			Error::<Test>::TooManyRequests
		);
		assert_noop!(
			Aid::cancel_withdraw(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::NotRequestOwner
		);
		assert_noop!(
			Aid::cancel_withdraw(RuntimeOrigin::signed(ALICE), 99),
			Error::<Test>::UnknownRequest
		);
		assert_ok!(Aid::set_paused(RuntimeOrigin::root(), true));
		assert_noop!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), 1), Error::<Test>::Paused);
		assert_noop!(Aid::process_queue(RuntimeOrigin::signed(ALICE), 1), Error::<Test>::Paused);
		// Cancelling stays possible while paused.
		assert_ok!(Aid::cancel_withdraw(RuntimeOrigin::signed(ALICE), 0));
	});
}

#[test]
fn queue_full_is_refused() {
	run(|| {
		// MaxQueueLen = 16, MaxRequestsPerAccount = 4: four accounts fill it.
		let holders = [ALICE, BOB, CHARLIE, EVE];
		for who in holders {
			assert_ok!(Aid::mint_aid(RuntimeOrigin::signed(ALICE), USDC, 10 * UNIT));
			if who != ALICE {
				assert_ok!(Assets::transfer(RuntimeOrigin::signed(ALICE), AID, who, 10 * UNIT));
			}
			assert_ok!(Aid::deposit(RuntimeOrigin::signed(who), 10 * UNIT, 0));
			for _ in 0..4 {
				assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(who), 1));
			}
		}
		assert_eq!(QueueLen::<Test>::get(), 16);
		assert_ok!(Aid::mint_aid(RuntimeOrigin::signed(BOB), USDC, UNIT));
		assert_ok!(Assets::transfer(RuntimeOrigin::signed(BOB), AID, TREASURY, UNIT));
		assert_ok!(Aid::deposit(RuntimeOrigin::signed(TREASURY), UNIT, 0));
		assert_noop!(
			Aid::request_withdraw(RuntimeOrigin::signed(TREASURY), 1),
			Error::<Test>::QueueFull
		);
	});
}

#[test]
fn on_initialize_does_nothing_while_paused() {
	run(|| {
		let alice = deposit(ALICE, 100);
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), alice));
		assert_ok!(Aid::set_paused(RuntimeOrigin::root(), true));
		run_to_block(1 + COOLDOWN);
		assert_eq!(QueueLen::<Test>::get(), 1);
		assert_ok!(Aid::set_paused(RuntimeOrigin::root(), false));
		run_to_block(2 + COOLDOWN);
		assert_eq!(QueueLen::<Test>::get(), 0);
	});
}

#[test]
fn small_requests_are_refused_unless_they_exit_everything() {
	run(|| {
		MinWithdrawal::set(UNIT);
		deposit(ALICE, 10);
		let one_aid = Aid::preview_withdraw(UNIT).unwrap();
		assert_noop!(
			Aid::request_withdraw(RuntimeOrigin::signed(ALICE), one_aid - 1),
			Error::<Test>::RequestTooSmall
		);
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), one_aid));
		// A whole balance may always be queued, however small.
		mint_aid(BOB, 1);
		assert_ok!(Aid::deposit(RuntimeOrigin::signed(BOB), 1, 0));
		let dust = Aid::said_balance(&BOB);
		assert_noop!(
			Aid::request_withdraw(RuntimeOrigin::signed(BOB), dust - 1),
			Error::<Test>::RequestTooSmall
		);
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(BOB), dust));
		MinWithdrawal::set(0);
	});
}

//! The acceptance scenario, end to end on the mock (the dev-node test mirrors it):
//! mint AID, deposit into sAID, a GPU rental pays revenue into the vault, after the vesting
//! period the share price is higher by exactly the vested amount (minus fee), and a
//! withdrawal request is served after the cooldown.

use super::*;
use crate::{Event, QueueLen};
use frame_support::assert_ok;
use heliox_vault::RevenueSink;

#[test]
fn mint_deposit_revenue_vest_and_exit_through_the_queue() {
	run(|| {
		// 1. An allow-listed account mints 1_000 AID against USDC.
		assert_ok!(Aid::mint_aid(RuntimeOrigin::signed(ALICE), USDC, 1_000 * UNIT));
		// 2. ... and deposits it into the vault.
		assert_ok!(Aid::deposit(RuntimeOrigin::signed(ALICE), 1_000 * UNIT, 0));
		let shares = Aid::said_balance(&ALICE);
		assert_eq!(shares, 1_000 * UNIT * 1_000_000);
		assert_eq!(Aid::share_price(), UNIT);

		// 3. Governance finances GPU 42 with 600 AID.
		assert_ok!(Aid::fund_gpu_deal(RuntimeOrigin::root(), 42, CHARLIE, 600 * UNIT));

		// 4. The GPU earns 200 AID of rent; the registry pays the holders' share via the sink.
		mint_aid(BOB, 200);
		assert_ok!(<Aid as RevenueSink<_, _, _>>::accept_revenue(&BOB, &42, 200 * UNIT));
		let fee = 20 * UNIT; // 10% performance fee
		assert_eq!(Aid::aid_balance(&TREASURY), fee);
		let total_before = Aid::vault_state().total_assets;

		// 5. After the vesting period, total assets rose by exactly the revenue minus the fee,
		//    and the share price with them.
		run_to_block(1 + VESTING);
		let summary = Aid::vault_state();
		assert_eq!(summary.total_assets - total_before, 200 * UNIT - fee);
		assert_eq!(summary.total_assets, 1_180 * UNIT);
		let one_share = 1_000_000_000_000u128;
		assert_eq!(Aid::share_price(), one_share * (1_180 * UNIT + 1) / (shares + 1_000_000));
		assert!(Aid::share_price() > UNIT);

		// 6. Alice queues all her shares; they are served after the cooldown from idle AID
		//    (400 left idle + 180 vested revenue = 580: a partial fill), the rest once the
		//    deal's principal comes back.
		let requested_at = System::block_number();
		assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), shares));
		run_to_block(requested_at + COOLDOWN - 1);
		assert_eq!(Aid::aid_balance(&ALICE), 0);
		run_to_block(requested_at + COOLDOWN);
		assert_eq!(Aid::aid_balance(&ALICE), 580 * UNIT);
		assert_eq!(QueueLen::<Test>::get(), 1);
		assert_ok!(Aid::close_gpu_deal(RuntimeOrigin::root(), 0, 600 * UNIT));
		run_to_block(requested_at + COOLDOWN + 1);
		let paid = Aid::aid_balance(&ALICE);
		assert!((1_180 * UNIT - 1..=1_180 * UNIT).contains(&paid), "{paid}");
		assert_eq!(QueueLen::<Test>::get(), 0);
		assert_eq!(Aid::said_balance(&ALICE), 0);
		assert!(aid_events()
			.iter()
			.any(|e| matches!(e, Event::WithdrawFilled { who: ALICE, remaining_shares: 0, .. })));
	});
}

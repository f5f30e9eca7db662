//! GPU deals, revenue through `RevenueSink`, vesting and the performance fee.

use super::*;
use crate::{Deals, Error, Event, GpuDeals, Vault};
use frame_support::{assert_noop, assert_ok};
use heliox_vault::{RevenueError, RevenueSink, VaultError};

fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

#[test]
fn revenue_vests_and_raises_the_price_by_exactly_the_vested_amount_minus_fee() {
	run(|| {
		let shares = deposit(ALICE, 1_000);
		fund(7, 500);
		assert_eq!(Aid::aid_balance(&CHARLIE), 500 * UNIT);
		assert_eq!(Aid::vault_state().total_assets, 1_000 * UNIT);
		let price_before = Aid::share_price();
		assert_eq!(price_before, UNIT);

		// A GPU rental pays 100 AID; 10% performance fee.
		mint_aid(BOB, 100);
		assert_ok!(<Aid as RevenueSink<_, _, _>>::accept_revenue(&BOB, &7, 100 * UNIT));
		assert_eq!(Aid::aid_balance(&TREASURY), 10 * UNIT);
		assert!(aid_events().contains(&Event::RevenueReceived {
			gpu: 7,
			deal: 0,
			payer: BOB,
			amount: 100 * UNIT,
			to_vault: 90 * UNIT,
			fee: 10 * UNIT,
		}));
		// Nothing recognised yet: a deposit now cannot capture it.
		assert_eq!(Aid::vault_state().total_assets, 1_000 * UNIT);
		assert_eq!(Aid::vault_state().unvested_revenue, 90 * UNIT);
		run_to_block(1 + VESTING / 2);
		assert_eq!(Aid::vault_state().total_assets, 1_045 * UNIT);
		run_to_block(1 + VESTING);
		let summary = Aid::vault_state();
		assert_eq!(summary.total_assets, 1_090 * UNIT);
		assert_eq!(summary.unvested_revenue, 0);
		// Price of one whole sAID (10^12 base units), with the virtual offset.
		let expected = 1_000_000_000_000u128 * (1_090 * UNIT + 1) / (shares + 1_000_000);
		assert_eq!(Aid::share_price(), expected);
		assert_eq!(Deals::<Test>::get(0).unwrap().revenue, 100 * UNIT);
	});
}

#[test]
fn sandwiching_a_revenue_payment_earns_only_what_vests_while_staying() {
	run(|| {
		deposit(ALICE, 1_000);
		fund(7, 1);
		set_cooldown(0);
		mint_aid(BOB, 1_100);
		assert_ok!(Aid::deposit(RuntimeOrigin::signed(BOB), 1_000 * UNIT, 0));
		assert_ok!(Aid::pay_revenue(RuntimeOrigin::signed(BOB), 7, 100 * UNIT));
		let bob_shares = Aid::said_balance(&BOB);
		assert_ok!(Aid::redeem(RuntimeOrigin::signed(BOB), bob_shares, 0));
		// Same block: Bob gets back at most his deposit, and paid the revenue.
		assert!(Aid::aid_balance(&BOB) <= 1_000 * UNIT);
	});
}

#[test]
fn closing_a_deal_returns_principal_or_writes_it_down() {
	run(|| {
		deposit(ALICE, 1_000);
		fund(7, 400);
		assert_eq!(Vault::<Test>::get().deployed_assets, 400 * UNIT);
		assert_eq!(Vault::<Test>::get().idle_assets, 600 * UNIT);
		assert!(aid_events().contains(&Event::DealFunded {
			deal: 0,
			gpu: 7,
			beneficiary: CHARLIE,
			amount: 400 * UNIT
		}));
		assert_ok!(Aid::close_gpu_deal(RuntimeOrigin::root(), 0, 300 * UNIT));
		assert!(aid_events().contains(&Event::DealClosed {
			deal: 0,
			gpu: 7,
			repaid: 300 * UNIT,
			loss: 100 * UNIT
		}));
		let vault = Vault::<Test>::get();
		assert_eq!(vault.deployed_assets, 0);
		assert_eq!(vault.idle_assets, 900 * UNIT);
		assert_eq!(Aid::aid_balance(&CHARLIE), 100 * UNIT);
		assert!(Deals::<Test>::get(0).is_none());
		assert!(GpuDeals::<Test>::get(7).is_none());
		// The GPU's revenue is no longer the vault's.
		assert!(!<Aid as RevenueSink<_, _, _>>::finances(&7));
	});
}

#[test]
fn deal_errors_change_nothing() {
	run(|| {
		deposit(ALICE, 100);
		assert_noop!(
			Aid::fund_gpu_deal(RuntimeOrigin::signed(ALICE), 7, CHARLIE, UNIT),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Aid::fund_gpu_deal(RuntimeOrigin::root(), 7, CHARLIE, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Aid::fund_gpu_deal(RuntimeOrigin::root(), 7, CHARLIE, 100 * UNIT + 1),
			Error::<Test>::InsufficientLiquidity
		);
		for gpu in 0..4 {
			fund(gpu, 1);
		}
		assert_noop!(
			Aid::fund_gpu_deal(RuntimeOrigin::root(), 0, CHARLIE, UNIT),
			Error::<Test>::GpuAlreadyFinanced
		);
		assert_noop!(
			Aid::fund_gpu_deal(RuntimeOrigin::root(), 9, CHARLIE, UNIT),
			Error::<Test>::TooManyDeals
		);
		assert_noop!(
			Aid::close_gpu_deal(RuntimeOrigin::signed(ALICE), 0, 0),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(Aid::close_gpu_deal(RuntimeOrigin::root(), 9, 0), Error::<Test>::UnknownDeal);
		assert_noop!(
			Aid::close_gpu_deal(RuntimeOrigin::root(), 0, UNIT + 1),
			Error::<Test>::RepaidExceedsPrincipal
		);
		// The beneficiary spent the AID: the repayment cannot be taken.
		assert_ok!(Assets::transfer(RuntimeOrigin::signed(CHARLIE), AID, EVE, 4 * UNIT));
		assert_noop!(
			Aid::close_gpu_deal(RuntimeOrigin::root(), 0, UNIT),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn revenue_errors_change_nothing() {
	run(|| {
		deposit(ALICE, 100);
		mint_aid(BOB, 10);
		assert_noop!(
			Aid::pay_revenue(RuntimeOrigin::signed(BOB), 7, UNIT),
			Error::<Test>::GpuNotFinanced
		);
		fund(7, 10);
		assert_noop!(Aid::pay_revenue(RuntimeOrigin::signed(BOB), 7, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Aid::pay_revenue(RuntimeOrigin::signed(BOB), 7, 10 * UNIT + 1),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Aid::set_paused(RuntimeOrigin::root(), true));
		assert_noop!(Aid::pay_revenue(RuntimeOrigin::signed(BOB), 7, UNIT), Error::<Test>::Paused);
	});
}

#[test]
fn revenue_sink_reports_frame_free_errors_and_changes_nothing() {
	run(|| {
		deposit(ALICE, 100);
		mint_aid(BOB, 10);
		let root = storage_root();
		assert_eq!(
			<Aid as RevenueSink<_, _, _>>::accept_revenue(&BOB, &7, UNIT),
			Err(RevenueError::NotFinanced)
		);
		assert_eq!(storage_root(), root);
		fund(7, 10);
		let root = storage_root();
		assert!(<Aid as RevenueSink<_, _, _>>::finances(&7));
		assert_eq!(
			<Aid as RevenueSink<_, _, _>>::accept_revenue(&BOB, &7, 0),
			Err(RevenueError::Vault(VaultError::ZeroAmount))
		);
		assert_eq!(
			<Aid as RevenueSink<_, _, _>>::accept_revenue(&BOB, &7, 11 * UNIT),
			Err(RevenueError::PaymentFailed)
		);
		assert_eq!(
			<Aid as RevenueSink<_, _, _>>::accept_revenue(&BOB, &7, u128::MAX),
			Err(RevenueError::PaymentFailed)
		);
		// The vault cannot pay itself (its AID is already counted).
		for payer in [Aid::vault_account(), Aid::queue_account(), Aid::account_id()] {
			assert_noop!(
				Aid::pay_revenue(RuntimeOrigin::signed(payer), 7, UNIT),
				Error::<Test>::InvalidPayer
			);
			assert_eq!(
				<Aid as RevenueSink<_, _, _>>::accept_revenue(&payer, &7, UNIT),
				Err(RevenueError::PaymentFailed)
			);
		}
		assert_eq!(storage_root(), root);
		assert_ok!(Aid::set_paused(RuntimeOrigin::root(), true));
		let root = storage_root();
		assert_eq!(
			<Aid as RevenueSink<_, _, _>>::accept_revenue(&BOB, &7, UNIT),
			Err(RevenueError::Unavailable)
		);
		assert_eq!(storage_root(), root);
	});
}

#[test]
fn a_full_performance_fee_injects_nothing() {
	run(|| {
		deposit(ALICE, 100);
		fund(7, 10);
		set_fees(Permill::zero(), Permill::zero(), Permill::one());
		mint_aid(BOB, 10);
		assert_ok!(Aid::pay_revenue(RuntimeOrigin::signed(BOB), 7, 10 * UNIT));
		assert_eq!(Aid::aid_balance(&TREASURY), 10 * UNIT);
		assert_eq!(Vault::<Test>::get().vesting.amount, 0);
	});
}

#[test]
fn a_new_vesting_period_applies_to_new_revenue() {
	run(|| {
		deposit(ALICE, 1_000);
		fund(7, 1);
		set_fees(Permill::zero(), Permill::zero(), Permill::zero());
		let parameters = crate::Parameters { vesting_period: 10, ..crate::Params::<Test>::get() };
		assert_ok!(Aid::set_parameters(RuntimeOrigin::root(), parameters));
		mint_aid(BOB, 100);
		assert_ok!(Aid::pay_revenue(RuntimeOrigin::signed(BOB), 7, 100 * UNIT));
		run_to_block(6);
		assert_eq!(Aid::vault_state().total_assets, 1_050 * UNIT);
		run_to_block(11);
		assert_eq!(Aid::vault_state().total_assets, 1_100 * UNIT);
	});
}

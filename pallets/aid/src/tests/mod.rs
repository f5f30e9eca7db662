//! Unit tests, split by concern. Every test runs the pallet's `try_state` invariants at the
//! end ([`crate::mock::run`]); every `Error` variant has a test that checks the error and that
//! storage is unchanged (`assert_noop!` compares the storage root).

mod acceptance;
mod admin;
mod api;
mod errors_unreachable;
mod invariants;
mod issuance;
mod properties;
mod queue;
mod revenue;
mod vault;

use crate::{mock::*, Parameters, Params};
use frame_support::assert_ok;
use sp_runtime::{BuildStorage, Permill};

/// Mints `units` whole AID for `who` against USDC (no fee by default).
pub fn mint_aid(who: AccountId, units: u128) {
	assert_ok!(Aid::mint_aid(RuntimeOrigin::signed(who), USDC, units * UNIT));
}

/// Mints AID for `who` and deposits it all into the vault; returns the shares received.
pub fn deposit(who: AccountId, units: u128) -> u128 {
	mint_aid(who, units);
	let before = Aid::said_balance(&who);
	assert_ok!(Aid::deposit(RuntimeOrigin::signed(who), units * UNIT, 0));
	Aid::said_balance(&who) - before
}

/// Sets the cooldown, keeping the other parameters.
pub fn set_cooldown(cooldown: u64) {
	let parameters = Parameters { cooldown, ..Params::<Test>::get() };
	assert_ok!(Aid::set_parameters(RuntimeOrigin::root(), parameters));
}

/// Sets the fees, keeping the cooldown.
pub fn set_fees(mint: Permill, redeem: Permill, performance: Permill) {
	let parameters = Parameters {
		mint_fee: mint,
		redeem_fee: redeem,
		performance_fee: performance,
		..Params::<Test>::get()
	};
	assert_ok!(Aid::set_parameters(RuntimeOrigin::root(), parameters));
}

/// Funds a deal for `gpu` to CHARLIE with `units` whole AID.
pub fn fund(gpu: u32, units: u128) {
	assert_ok!(Aid::fund_gpu_deal(RuntimeOrigin::root(), gpu, CHARLIE, units * UNIT));
}

//! `try_state` catches each broken invariant (so the checks in every other test mean
//! something).

use super::*;
use frame_support::traits::fungibles::Mutate;

fn broken(expected: &'static str) {
	let error = Aid::do_try_state().expect_err("invariant must be broken");
	assert_eq!(error, sp_runtime::TryRuntimeError::Other(expected));
}

#[test]
fn aid_minted_outside_the_pallet_is_unbacked() {
	new_test_ext().execute_with(|| {
		mint_aid(ALICE, 10);
		Aid::do_try_state().unwrap();
		<Assets as Mutate<_>>::mint_into(AID, &EVE, 1).unwrap();
		broken("AID supply exceeds collateral held");
	});
}

#[test]
fn collateral_leaving_the_pallet_account_is_caught() {
	new_test_ext().execute_with(|| {
		mint_aid(ALICE, 10);
		<Assets as Mutate<_>>::burn_from(
			USDC,
			&Aid::account_id(),
			1,
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Fortitude::Force,
		)
		.unwrap();
		broken("collateral recorded as held is missing from the pallet account");
	});
}

#[test]
fn shares_minted_outside_the_vault_are_caught() {
	new_test_ext().execute_with(|| {
		deposit(ALICE, 10);
		<Assets as Mutate<_>>::mint_into(SAID, &EVE, 1).unwrap();
		broken("sAID supply != shares");
	});
}

#[test]
fn vault_account_shortfall_is_caught() {
	new_test_ext().execute_with(|| {
		deposit(ALICE, 10);
		<Assets as Mutate<_>>::transfer(
			AID,
			&Aid::vault_account(),
			&EVE,
			1,
			frame_support::traits::tokens::Preservation::Expendable,
		)
		.unwrap();
		broken("vault account holds less AID than idle + vesting");
	});
}

#[test]
fn queue_escrow_shortfall_is_caught() {
	new_test_ext().execute_with(|| {
		let shares = deposit(ALICE, 10);
		frame_support::assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), shares));
		<Assets as Mutate<_>>::transfer(
			SAID,
			&Aid::queue_account(),
			&EVE,
			1,
			frame_support::traits::tokens::Preservation::Expendable,
		)
		.unwrap();
		broken("queue account holds less sAID than queued");
	});
}

#[test]
fn deployed_assets_must_match_open_deals() {
	new_test_ext().execute_with(|| {
		deposit(ALICE, 10);
		fund(7, 5);
		crate::Vault::<Test>::mutate(|vault| vault.deployed_assets += 1);
		broken("deployed assets != open principal");
	});
}

#[test]
fn queue_bookkeeping_must_agree() {
	new_test_ext().execute_with(|| {
		let shares = deposit(ALICE, 10);
		frame_support::assert_ok!(Aid::request_withdraw(RuntimeOrigin::signed(ALICE), shares));
		crate::QueueLen::<Test>::put(2);
		broken("queue length is wrong");
	});
}

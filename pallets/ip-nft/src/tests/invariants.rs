//! `try_state` catches broken state: each check below corrupts one thing the pallet keeps
//! consistent and expects the invariants to fail.

use super::*;
use frame_support::traits::{
	fungible::Mutate as _,
	fungibles::Mutate as _,
	tokens::{nonfungibles_v2::Transfer, Preservation},
};

/// Runs `corrupt` after `setup` and checks `do_try_state` fails with `message`.
fn fails_after(setup: impl FnOnce(), corrupt: impl FnOnce(), message: &'static str) {
	new_test_ext().execute_with(|| {
		setup();
		assert_eq!(IpNft::do_try_state(), Ok(()));
		corrupt();
		assert_eq!(IpNft::do_try_state(), Err(message.into()));
	});
}

fn open_sale() {
	let (id, _) = tokenized(10_000, 2_000);
	accept(&bob(), id);
	assert_ok!(IpNft::start_sale(
		RuntimeOrigin::signed(alice()),
		id,
		params(SaleCurrency::Aid),
		None,
		None
	));
	run_to_block(10);
	assert_ok!(IpNft::bid(RuntimeOrigin::signed(bob()), 0, 12_000));
}

#[test]
fn supply_above_the_cap_is_caught() {
	fails_after(
		|| {
			tokenized(1_000, 1_000);
		},
		|| {
			Ipts::<Test>::mutate(0, |ipt| ipt.as_mut().unwrap().cap = 999);
		},
		"IPT supply above its cap",
	);
}

#[test]
fn supply_minted_outside_the_pallet_is_caught() {
	fails_after(
		|| {
			tokenized(1_000, 10);
		},
		|| {
			assert_ok!(Assets::mint_into(IPT_BASE, &bob(), 1));
		},
		"IPT supply differs from minted",
	);
}

#[test]
fn a_tokenized_nft_leaving_the_pallet_is_caught() {
	fails_after(
		|| {
			tokenized(1_000, 10);
		},
		|| {
			let collection = Collection::<Test>::get().unwrap();
			assert_ok!(<Nfts as Transfer<AccountId>>::transfer(&collection, &0, &bob()));
		},
		"tokenized IP-NFT not held by the pallet account",
	);
}

#[test]
fn a_currency_escrow_shortfall_is_caught() {
	fails_after(
		open_sale,
		|| {
			assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
				AID,
				&IpNft::account_id(),
				&eve(),
				2,
				Preservation::Expendable
			));
		},
		"escrow holds less AID than the sales owe",
	);
}

#[test]
fn a_token_escrow_shortfall_is_caught() {
	fails_after(
		open_sale,
		|| {
			assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
				IPT_BASE,
				&IpNft::account_id(),
				&eve(),
				1,
				Preservation::Expendable
			));
		},
		"escrow holds fewer IPTs than the sales owe",
	);
}

#[test]
fn a_native_escrow_shortfall_is_caught() {
	fails_after(
		|| {
			let (id, _) = tokenized(10_000, 2_000);
			accept(&bob(), id);
			assert_ok!(IpNft::start_sale(
				RuntimeOrigin::signed(alice()),
				id,
				params(SaleCurrency::Native),
				None,
				None
			));
			run_to_block(10);
			assert_ok!(IpNft::bid(RuntimeOrigin::signed(bob()), 0, 12_000));
		},
		|| {
			Balances::set_balance(&IpNft::account_id(), 11_000);
		},
		"escrow holds less HLX than the sales owe",
	);
}

#[test]
fn bids_not_adding_up_are_caught() {
	fails_after(
		open_sale,
		|| {
			Sales::<Test>::mutate(0, |sale| sale.as_mut().unwrap().raised = 13_000);
		},
		"bids do not add up to raised",
	);
	fails_after(
		open_sale,
		|| {
			Sales::<Test>::mutate(0, |sale| sale.as_mut().unwrap().bidders = 2);
		},
		"bidder count is wrong",
	);
}

#[test]
fn settled_accounting_that_does_not_add_up_is_caught() {
	let settle = || {
		open_sale();
		run_to_block(20);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), 0));
		assert_ok!(IpNft::claim(RuntimeOrigin::signed(eve()), 0, bob()));
	};
	fails_after(
		settle,
		|| {
			Sales::<Test>::mutate(0, |sale| sale.as_mut().unwrap().refunds_paid -= 1);
		},
		// One bidder: a missing unit is more dust than rounding can leave.
		"currency dust too large",
	);
	fails_after(
		settle,
		|| {
			Sales::<Test>::mutate(0, |sale| sale.as_mut().unwrap().split.fee += 1);
		},
		"fee + royalty + net != proceeds",
	);
	fails_after(
		settle,
		|| {
			Sales::<Test>::mutate(0, |sale| sale.as_mut().unwrap().tokens_delivered += 1);
		},
		"more tokens delivered than sold",
	);
	fails_after(
		settle,
		|| {
			Bids::<Test>::mutate(0, bob(), |bid| bid.as_mut().unwrap().refunded = false);
		},
		"refund claim count is wrong",
	);
}

#[test]
fn a_stale_active_sale_is_caught() {
	fails_after(
		open_sale,
		|| {
			ActiveSale::<Test>::remove(0);
		},
		"open sale is not its IP-NFT's active sale",
	);
}

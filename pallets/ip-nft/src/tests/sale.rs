//! Crowdsales: escrow, bids, O(1) settlement, per-bidder claims, lock, dust, errors.

use super::*;
use frame_support::{assert_noop, assert_ok};
use heliox_ip_nft::ProceedsSplit;

/// Tokenizes (cap 10_000, 2_000 to ALICE), lets BOB, CHARLIE, DAVE accept the terms and
/// starts a sale on `params`; returns (ip_nft, asset, sale).
fn sale_with(
	params: SaleParams<u64>,
	allow_list: Option<Vec<AccountId>>,
) -> (ItemId, AssetId, SaleId) {
	let (id, asset) = tokenized(10_000, 2_000);
	for who in [bob(), charlie(), dave()] {
		accept(&who, id);
	}
	let sale = NextSaleId::<Test>::get();
	assert_ok!(IpNft::start_sale(
		RuntimeOrigin::signed(alice()),
		id,
		params,
		allow_list.map(|list| list.try_into().unwrap()),
		None
	));
	(id, asset, sale)
}

fn bid(who: &AccountId, sale: SaleId, amount: u128) {
	assert_ok!(IpNft::bid(RuntimeOrigin::signed(who.clone()), sale, amount));
}

fn claim(sale: SaleId, who: &AccountId) {
	assert_ok!(IpNft::claim(RuntimeOrigin::signed(eve()), sale, who.clone()));
}

#[test]
fn start_sale_escrows_the_tokens() {
	run(|| {
		let (id, asset, sale) = sale_with(params(SaleCurrency::Aid), None);
		assert_eq!(ipt_balance(asset, &IpNft::account_id()), 1_000);
		assert_eq!(ipt_balance(asset, &alice()), 1_000);
		// AID escrow topped up to AID's minimum balance (1) by the seller.
		assert_eq!(balance(SaleCurrency::Aid, &IpNft::account_id()), 1);
		assert_eq!(ActiveSale::<Test>::get(id), Some(sale));
		let record = Sales::<Test>::get(sale).unwrap();
		assert_eq!((record.seller.clone(), record.beneficiary.clone()), (alice(), alice()));
		assert_eq!(record.status, SaleStatus::Open);
		assert_eq!(
			ip_nft_events().last(),
			Some(&Event::SaleStarted {
				sale,
				ip_nft: id,
				seller: alice(),
				beneficiary: alice(),
				params: params(SaleCurrency::Aid),
				restricted: false,
			})
		);
		assert_eq!(IpNft::ipt(id).unwrap().active_sale, Some(sale));
	});
}

#[test]
fn start_sale_errors() {
	run(|| {
		let (id, _) = tokenized(10_000, 2_000);
		let start = |who: AccountId, id: ItemId, p: SaleParams<u64>| {
			IpNft::start_sale(RuntimeOrigin::signed(who), id, p, None, None)
		};
		let p = params(SaleCurrency::Native);
		assert_noop!(start(bob(), id, p), Error::<Test>::NotOwner);
		let untokenized = mint_to(&alice(), 1);
		assert_noop!(start(alice(), untokenized, p), Error::<Test>::NotTokenized);
		assert_noop!(start(alice(), id, SaleParams { price: 0, ..p }), Error::<Test>::ZeroAmount);
		assert_noop!(
			start(alice(), id, SaleParams { tokens_for_sale: 0, ..p }),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			start(alice(), id, SaleParams { funding_goal: 0, ..p }),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			start(alice(), id, SaleParams { funding_goal: 10_001, ..p }),
			Error::<Test>::GoalTooHigh
		);
		assert_noop!(
			start(alice(), id, SaleParams { price: u128::MAX, ..p }),
			Error::<Test>::Overflow
		);
		run_to_block(11);
		assert_noop!(start(alice(), id, p), Error::<Test>::InvalidSchedule);
		let p = SaleParams { start: 11, end: 30, ..p };
		assert_noop!(
			start(alice(), id, SaleParams { end: 11, ..p }),
			Error::<Test>::InvalidSchedule
		);
		assert_noop!(
			start(alice(), id, SaleParams { end: 11 + MAX_SALE + 1, ..p }),
			Error::<Test>::SaleTooLong
		);
		assert_noop!(
			start(alice(), id, SaleParams { lock_period: MAX_LOCK + 1, ..p }),
			Error::<Test>::LockTooLong
		);
		assert_noop!(
			start(alice(), id, SaleParams { tokens_for_sale: 2_001, funding_goal: 1, ..p }),
			Error::<Test>::InsufficientTokens
		);
		assert_ok!(start(alice(), id, p));
		assert_noop!(start(alice(), id, p), Error::<Test>::SaleAlreadyActive);
	});
}

#[test]
fn an_oversubscribed_sale_allocates_pro_rata_and_refunds_the_surplus() {
	run(|| {
		let (id, asset, sale) = sale_with(params(SaleCurrency::Aid), None);
		let escrow = IpNft::account_id();
		let before = |who: &AccountId| balance(SaleCurrency::Aid, who);
		let (b0, c0, a0, r0, t0) = (
			before(&bob()),
			before(&charlie()),
			before(&alice()),
			before(&royalty_recipient()),
			before(&treasury()),
		);
		run_to_block(10);
		bid(&bob(), sale, 4_000);
		bid(&bob(), sale, 2_000);
		bid(&charlie(), sale, 9_000);
		assert_eq!(balance(SaleCurrency::Aid, &escrow), 1 + 15_000);
		let record = Sales::<Test>::get(sale).unwrap();
		assert_eq!((record.raised, record.bidders), (15_000, 2));
		// Preview before settlement.
		let preview = IpNft::bid_preview(sale, bob()).unwrap();
		assert_eq!(preview.allocation, Allocation { tokens: 400, refund: 2_000 });
		assert!(!preview.settled);

		run_to_block(20);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), sale));
		// Proceeds 10 * 1_000 = 10_000: 2% fee, 5% royalty.
		let split = ProceedsSplit { fee: 200, royalty: 500, net: 9_300 };
		assert_eq!(Sales::<Test>::get(sale).unwrap().split, split);
		assert_eq!(before(&treasury()), t0 + 200);
		assert_eq!(before(&royalty_recipient()), r0 + 500);
		assert_eq!(before(&alice()), a0 + 9_300);
		assert_eq!(ActiveSale::<Test>::get(id), None);
		assert_eq!(
			ip_nft_events().last(),
			Some(&Event::SaleSettled {
				sale,
				outcome: Outcome::Succeeded { tokens_sold: 1_000, proceeds: 10_000 },
				fee: 200,
				royalty: 500,
				net: 9_300,
				unsold_returned: 0,
			})
		);

		claim(sale, &bob());
		claim(sale, &charlie());
		// Bob: 6_000 of 15_000 -> 400 tokens, refund 6_000 - 4_000.
		assert_eq!(ipt_balance(asset, &bob()), 400);
		assert_eq!(before(&bob()), b0 - 6_000 + 2_000);
		// Charlie: 9_000 of 15_000 -> 600 tokens, refund 3_000.
		assert_eq!(ipt_balance(asset, &charlie()), 600);
		assert_eq!(before(&charlie()), c0 - 9_000 + 3_000);
		assert_eq!(ipt_balance(asset, &escrow), 0);
		assert_eq!(balance(SaleCurrency::Aid, &escrow), 1);
		assert!(ip_nft_events().contains(&Event::Claimed {
			sale,
			who: bob(),
			tokens: 400,
			refund: 2_000
		}));
		assert_noop!(
			IpNft::claim(RuntimeOrigin::signed(bob()), sale, bob()),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn a_sale_that_misses_its_goal_refunds_everyone_in_full() {
	run(|| {
		let (_, asset, sale) = sale_with(params(SaleCurrency::Native), None);
		let escrow = IpNft::account_id();
		let b0 = balance(SaleCurrency::Native, &bob());
		let c0 = balance(SaleCurrency::Native, &charlie());
		let escrow0 = balance(SaleCurrency::Native, &escrow);
		run_to_block(12);
		bid(&bob(), sale, 1_000);
		bid(&charlie(), sale, 3_999);
		run_to_block(25);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), sale));
		assert_eq!(Sales::<Test>::get(sale).unwrap().status, SaleStatus::Settled(Outcome::Failed));
		// All tokens back to the seller at once.
		assert_eq!(ipt_balance(asset, &alice()), 2_000);
		assert_eq!(ipt_balance(asset, &escrow), 0);
		claim(sale, &bob());
		claim(sale, &charlie());
		assert_eq!(balance(SaleCurrency::Native, &bob()), b0);
		assert_eq!(balance(SaleCurrency::Native, &charlie()), c0);
		assert_eq!(balance(SaleCurrency::Native, &escrow), escrow0);
		assert_eq!(ipt_balance(asset, &bob()), 0);
	});
}

#[test]
fn a_sale_that_meets_its_goal_undersubscribed_sells_what_was_paid_for() {
	run(|| {
		let (_, asset, sale) = sale_with(params(SaleCurrency::Aid), None);
		let b0 = balance(SaleCurrency::Aid, &bob());
		run_to_block(10);
		bid(&bob(), sale, 7_005);
		run_to_block(20);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), sale));
		// 700 tokens for 7_000; 300 unsold back to the seller.
		assert_eq!(ipt_balance(asset, &alice()), 1_300);
		claim(sale, &bob());
		assert_eq!(ipt_balance(asset, &bob()), 700);
		assert_eq!(balance(SaleCurrency::Aid, &bob()), b0 - 7_000);
	});
}

#[test]
fn rounding_dust_goes_back_after_the_last_claim() {
	run(|| {
		let (_, asset, sale) = sale_with(params(SaleCurrency::Aid), None);
		let escrow = IpNft::account_id();
		run_to_block(10);
		bid(&bob(), sale, 3_333);
		bid(&charlie(), sale, 3_334);
		bid(&dave(), sale, 3_334);
		run_to_block(20);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), sale));
		let seller_tokens = ipt_balance(asset, &alice());
		let seller_aid = balance(SaleCurrency::Aid, &alice());
		claim(sale, &bob());
		claim(sale, &charlie());
		assert_eq!(ipt_balance(asset, &escrow), 1_000 - 333 - 333);
		claim(sale, &dave());
		// 333 each: 1 token of dust to the seller; refunds ⌊b·1/10_001⌋ = 0: 1 AID of dust to
		// the beneficiary.
		assert_eq!(ipt_balance(asset, &alice()), seller_tokens + 1);
		assert_eq!(balance(SaleCurrency::Aid, &alice()), seller_aid + 1);
		assert_eq!(ipt_balance(asset, &escrow), 0);
		assert_eq!(balance(SaleCurrency::Aid, &escrow), 1);
		assert_eq!(
			ip_nft_events().last(),
			Some(&Event::DustReturned { sale, currency: 1, tokens: 1 })
		);
		let record = Sales::<Test>::get(sale).unwrap();
		assert_eq!((record.currency_dust, record.token_dust), (1, 1));
	});
}

#[test]
fn locked_tokens_stay_in_escrow_until_the_lock_ends() {
	run(|| {
		let p = SaleParams { lock_period: 30, ..params(SaleCurrency::Aid) };
		let (_, asset, sale) = sale_with(p, None);
		let b0 = balance(SaleCurrency::Aid, &bob());
		run_to_block(10);
		bid(&bob(), sale, 12_000);
		run_to_block(20);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), sale));
		// The refund now, the tokens later.
		claim(sale, &bob());
		assert_eq!(balance(SaleCurrency::Aid, &bob()), b0 - 10_000);
		assert_eq!(ipt_balance(asset, &bob()), 0);
		assert_noop!(
			IpNft::claim(RuntimeOrigin::signed(bob()), sale, bob()),
			Error::<Test>::TokensLocked
		);
		let preview = IpNft::bid_preview(sale, bob()).unwrap();
		assert_eq!(
			(preview.refunded, preview.tokens_received, preview.tokens_unlock_at),
			(true, false, 50)
		);
		run_to_block(50);
		claim(sale, &bob());
		assert_eq!(ipt_balance(asset, &bob()), 1_000);
	});
}

#[test]
fn restricted_sales_take_bids_from_the_allow_list_only() {
	run(|| {
		let (_, _, sale) = sale_with(params(SaleCurrency::Aid), Some(vec![bob()]));
		run_to_block(10);
		assert_noop!(
			IpNft::bid(RuntimeOrigin::signed(charlie()), sale, 100),
			Error::<Test>::NotAllowListed
		);
		bid(&bob(), sale, 100);
		run_to_block(20);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), sale));
		assert!(!SaleAllowList::<Test>::contains_key(sale));
	});
}

#[test]
fn bid_errors() {
	run(|| {
		let (_, _, sale) = sale_with(params(SaleCurrency::Aid), None);
		assert_noop!(
			IpNft::bid(RuntimeOrigin::signed(bob()), sale, 100),
			Error::<Test>::SaleNotStarted
		);
		run_to_block(10);
		assert_noop!(IpNft::bid(RuntimeOrigin::signed(bob()), 9, 100), Error::<Test>::UnknownSale);
		assert_noop!(IpNft::bid(RuntimeOrigin::signed(bob()), sale, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			IpNft::bid(RuntimeOrigin::signed(eve()), sale, 100),
			Error::<Test>::TermsNotAccepted
		);
		run_to_block(20);
		assert_noop!(IpNft::bid(RuntimeOrigin::signed(bob()), sale, 100), Error::<Test>::SaleEnded);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), sale));
		assert_noop!(
			IpNft::bid(RuntimeOrigin::signed(bob()), sale, 100),
			Error::<Test>::SaleAlreadySettled
		);
	});
}

#[test]
fn settle_and_claim_errors() {
	run(|| {
		let (_, _, sale) = sale_with(params(SaleCurrency::Aid), None);
		run_to_block(10);
		bid(&bob(), sale, 100);
		assert_noop!(
			IpNft::settle_sale(RuntimeOrigin::signed(eve()), sale),
			Error::<Test>::SaleNotEnded
		);
		assert_noop!(
			IpNft::claim(RuntimeOrigin::signed(bob()), sale, bob()),
			Error::<Test>::SaleNotSettled
		);
		assert_noop!(
			IpNft::settle_sale(RuntimeOrigin::signed(eve()), 7),
			Error::<Test>::UnknownSale
		);
		assert_noop!(
			IpNft::claim(RuntimeOrigin::signed(bob()), 7, bob()),
			Error::<Test>::UnknownSale
		);
		run_to_block(20);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), sale));
		assert_noop!(
			IpNft::settle_sale(RuntimeOrigin::signed(eve()), sale),
			Error::<Test>::SaleAlreadySettled
		);
		assert_noop!(
			IpNft::claim(RuntimeOrigin::signed(charlie()), sale, charlie()),
			Error::<Test>::NoBid
		);
	});
}

#[test]
fn proceeds_can_go_to_a_biodao_beneficiary() {
	run(|| {
		let (id, _) = tokenized(10_000, 2_000);
		accept(&bob(), id);
		let dao = account(50);
		assert_ok!(IpNft::start_sale(
			RuntimeOrigin::signed(alice()),
			id,
			params(SaleCurrency::Native),
			None,
			Some(dao.clone())
		));
		run_to_block(10);
		bid(&bob(), 0, 10_000);
		run_to_block(20);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), 0));
		assert_eq!(balance(SaleCurrency::Native, &dao), 9_300);
	});
}

#[test]
fn unify_is_blocked_while_tokens_are_in_escrow() {
	run(|| {
		let (id, asset, sale) = sale_with(params(SaleCurrency::Aid), None);
		run_to_block(10);
		bid(&bob(), sale, 10_000);
		run_to_block(20);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), sale));
		assert_noop!(
			IpNft::unify(RuntimeOrigin::signed(alice()), id),
			Error::<Test>::NotWholeSupply
		);
		claim(sale, &bob());
		assert_eq!(ipt_balance(asset, &bob()), 1_000);
	});
}

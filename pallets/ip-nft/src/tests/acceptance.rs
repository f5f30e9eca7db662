//! The acceptance scenario of issue #5, end to end: mint, tokenize, a crowdsale that
//! succeeds (pro-rata allocation and refunds exact), one that fails (full refunds), and a
//! transfer that clears the read grants.

use super::*;
use frame_support::{assert_ok, traits::fungibles::Inspect};

#[test]
fn mint_tokenize_two_crowdsales_and_a_transfer() {
	run(|| {
		// 1. Mint, authorized by the issuer; a reader is granted access.
		let id = mint_to(&alice(), 0);
		assert_ok!(IpNft::grant_read(RuntimeOrigin::signed(alice()), id, eve(), 1_000));
		assert!(IpNft::has_read_access(&id, &eve()));
		MockAttestations::insert(h(7));
		assert_ok!(IpNft::attach_attestation(RuntimeOrigin::signed(alice()), id, h(7)));

		// 2. Tokenize: cap 1_000_000, 300_000 to the owner.
		assert_ok!(IpNft::tokenize(
			RuntimeOrigin::signed(alice()),
			id,
			1_000_000,
			bytes(b"VITA"),
			terms()
		));
		let asset = Ipts::<Test>::get(id).unwrap().asset;
		assert_ok!(IpNft::mint_ipt(RuntimeOrigin::signed(alice()), id, alice(), 300_000));
		for who in [bob(), charlie(), dave()] {
			accept(&who, id);
		}

		// 3. A successful, oversubscribed AID sale: 100_000 IPT at 2 AID = 200_000 wanted.
		let success = SaleParams {
			currency: SaleCurrency::Aid,
			price: 2,
			tokens_for_sale: 100_000,
			funding_goal: 150_000,
			start: 2,
			end: 12,
			lock_period: 0,
		};
		assert_ok!(IpNft::start_sale(RuntimeOrigin::signed(alice()), id, success, None, None));
		let aid = |who: &AccountId| balance(SaleCurrency::Aid, who);
		let (b0, c0, d0, a0, r0, t0) = (
			aid(&bob()),
			aid(&charlie()),
			aid(&dave()),
			aid(&alice()),
			aid(&royalty_recipient()),
			aid(&treasury()),
		);
		run_to_block(2);
		assert_ok!(IpNft::bid(RuntimeOrigin::signed(bob()), 0, 100_000));
		assert_ok!(IpNft::bid(RuntimeOrigin::signed(charlie()), 0, 200_000));
		assert_ok!(IpNft::bid(RuntimeOrigin::signed(dave()), 0, 100_000));
		assert_eq!(IpNft::sale(0).unwrap().raised, 400_000);
		run_to_block(12);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), 0));
		for who in [bob(), charlie(), dave()] {
			assert_ok!(IpNft::claim(RuntimeOrigin::signed(who.clone()), 0, who));
		}
		// raised 400_000, proceeds 200_000: everyone gets half its bid back and
		// bid/400_000 of the 100_000 tokens.
		assert_eq!(ipt_balance(asset, &bob()), 25_000);
		assert_eq!(ipt_balance(asset, &charlie()), 50_000);
		assert_eq!(ipt_balance(asset, &dave()), 25_000);
		assert_eq!(aid(&bob()), b0 - 50_000);
		assert_eq!(aid(&charlie()), c0 - 100_000);
		assert_eq!(aid(&dave()), d0 - 50_000);
		// 2% protocol fee, 5% royalty, the rest to the seller.
		assert_eq!(aid(&treasury()), t0 + 4_000);
		assert_eq!(aid(&royalty_recipient()), r0 + 10_000);
		assert_eq!(aid(&alice()), a0 + 186_000);

		// 4. A failed native sale: goal 100_000, only 60_000 raised.
		let failure = SaleParams {
			currency: SaleCurrency::Native,
			price: 1,
			tokens_for_sale: 100_000,
			funding_goal: 100_000,
			start: 13,
			end: 20,
			lock_period: 0,
		};
		assert_ok!(IpNft::start_sale(RuntimeOrigin::signed(alice()), id, failure, None, None));
		let hlx = |who: &AccountId| balance(SaleCurrency::Native, who);
		let (b1, c1) = (hlx(&bob()), hlx(&charlie()));
		run_to_block(13);
		assert_ok!(IpNft::bid(RuntimeOrigin::signed(bob()), 1, 20_000));
		assert_ok!(IpNft::bid(RuntimeOrigin::signed(charlie()), 1, 40_000));
		run_to_block(20);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), 1));
		assert_ok!(IpNft::claim(RuntimeOrigin::signed(eve()), 1, bob()));
		assert_ok!(IpNft::claim(RuntimeOrigin::signed(eve()), 1, charlie()));
		assert_eq!((hlx(&bob()), hlx(&charlie())), (b1, c1));
		assert_eq!(ipt_balance(asset, &alice()), 200_000, "unsold tokens returned");
		assert_eq!(Assets::total_issuance(asset), 300_000);

		// 5. Unify (the owner buys back every IPT), then a transfer clears the read grants.
		for who in [bob(), charlie(), dave()] {
			let amount = Assets::balance(asset, &who);
			assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
				asset,
				&who,
				&alice(),
				amount,
				frame_support::traits::tokens::Preservation::Expendable
			));
		}
		assert_ok!(IpNft::unify(RuntimeOrigin::signed(alice()), id));
		assert!(IpNft::has_read_access(&id, &eve()), "same owner: the grant stands");
		assert_ok!(IpNft::transfer_ip_nft(RuntimeOrigin::signed(alice()), id, bob()));
		assert!(!IpNft::has_read_access(&id, &eve()));
		let view = IpNft::ip_nft(id).unwrap();
		assert_eq!((view.owner, view.owner_epoch, view.ipt), (bob(), 1, None));
		assert_eq!(view.attestations, vec![h(7)]);
		assert_eq!(view.agreements.len(), 2);
	});
}

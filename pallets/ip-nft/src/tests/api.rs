//! The runtime API views.

use super::*;

#[test]
fn the_ip_nft_view_shows_everything_about_the_ip() {
	run(|| {
		let id = mint_to(&alice(), 0);
		let view = IpNft::ip_nft(id).unwrap();
		assert_eq!(view.owner, alice());
		assert_eq!(view.holder, Some(alice()));
		assert_eq!(view.minter, alice());
		assert_eq!(view.issuer, issuer());
		assert_eq!(view.symbol, b"VITA-001".to_vec());
		assert_eq!(
			view.details,
			(
				b"Pharmaceutical R&D".to_vec(),
				b"Heliox Longevity Lab".to_vec(),
				b"Senolytics".to_vec()
			)
		);
		assert_eq!(view.funding_amount, 25_000_000);
		assert_eq!(view.agreements.len(), 2);
		assert_eq!(
			view.agreements[0],
			(
				AgreementKind::Research,
				h(1),
				b"ipfs://bafy-agreement-0".to_vec(),
				b"application/pdf".to_vec(),
				true
			)
		);
		assert_eq!(
			view.royalty,
			Royalty { recipient: royalty_recipient(), rate: Permill::from_percent(5) }
		);
		assert_eq!((view.minted_at, view.owner_epoch, view.ipt, view.listing), (1, 0, None, None));
		assert!(IpNft::ip_nft(9).is_none());

		let (tokenized_id, asset) = {
			let id = mint_to(&bob(), 1);
			assert_ok!(IpNft::tokenize(RuntimeOrigin::signed(bob()), id, 5, bytes(b"B"), terms()));
			(id, Ipts::<Test>::get(id).unwrap().asset)
		};
		let view = IpNft::ip_nft(tokenized_id).unwrap();
		assert_eq!(
			(view.owner, view.holder, view.ipt),
			(bob(), Some(IpNft::account_id()), Some(asset))
		);
	});
}

#[test]
fn bid_previews_follow_the_sale() {
	run(|| {
		let (id, _) = tokenized(10_000, 2_000);
		accept(&bob(), id);
		assert_ok!(IpNft::start_sale(
			RuntimeOrigin::signed(alice()),
			id,
			params(SaleCurrency::Aid),
			None,
			None
		));
		assert!(IpNft::bid_preview(0, bob()).is_none());
		run_to_block(10);
		assert_ok!(IpNft::bid(RuntimeOrigin::signed(bob()), 0, 4_000));
		// Below the goal so far: a full refund if it ended now.
		let preview = IpNft::bid_preview(0, bob()).unwrap();
		assert_eq!(preview.allocation, Allocation { tokens: 0, refund: 4_000 });
		assert_ok!(IpNft::bid(RuntimeOrigin::signed(bob()), 0, 16_000));
		let preview = IpNft::bid_preview(0, bob()).unwrap();
		assert_eq!(preview.bid, 20_000);
		assert_eq!(preview.allocation, Allocation { tokens: 1_000, refund: 10_000 });
		let sale = IpNft::sale(0).unwrap();
		assert_eq!((sale.raised, sale.bidders, sale.status), (20_000, 1, SaleStatus::Open));
		run_to_block(20);
		assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), 0));
		let preview = IpNft::bid_preview(0, bob()).unwrap();
		assert!(preview.settled && !preview.refunded && !preview.tokens_received);
		assert!(IpNft::sale(5).is_none());
	});
}

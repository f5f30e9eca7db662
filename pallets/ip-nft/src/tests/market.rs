//! Selling an IP-NFT in the pallet: listing, royalty, and the end of grants on sale.

use super::*;
use frame_support::{assert_noop, assert_ok, traits::tokens::nonfungibles_v2::Transfer};

#[test]
fn a_sale_pays_the_royalty_and_moves_the_nft() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_ok!(IpNft::grant_read(RuntimeOrigin::signed(alice()), id, charlie(), 100));
		assert_ok!(IpNft::set_price(
			RuntimeOrigin::signed(alice()),
			id,
			SaleCurrency::Aid,
			Some(10_000)
		));
		assert_eq!(IpNft::ip_nft(id).unwrap().listing, Some((SaleCurrency::Aid, 10_000)));
		let (seller, buyer, recipient) = (
			balance(SaleCurrency::Aid, &alice()),
			balance(SaleCurrency::Aid, &bob()),
			balance(SaleCurrency::Aid, &royalty_recipient()),
		);
		assert_ok!(IpNft::buy_ip_nft(RuntimeOrigin::signed(bob()), id, 10_000));
		// 5% royalty.
		assert_eq!(balance(SaleCurrency::Aid, &royalty_recipient()), recipient + 500);
		assert_eq!(balance(SaleCurrency::Aid, &alice()), seller + 9_500);
		assert_eq!(balance(SaleCurrency::Aid, &bob()), buyer - 10_000);
		assert_eq!(IpNft::nft_holder(&id), Some(bob()));
		assert!(!Listings::<Test>::contains_key(id));
		assert!(!IpNft::has_read_access(&id, &charlie()), "sale clears grants");
		assert_eq!(
			ip_nft_events().last(),
			Some(&Event::IpNftSold {
				ip_nft: id,
				seller: alice(),
				buyer: bob(),
				currency: SaleCurrency::Aid,
				price: 10_000,
				royalty: 500,
			})
		);
	});
}

#[test]
fn native_sales_pay_the_royalty_too() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_ok!(IpNft::set_price(
			RuntimeOrigin::signed(alice()),
			id,
			SaleCurrency::Native,
			Some(1_000)
		));
		let recipient = balance(SaleCurrency::Native, &royalty_recipient());
		assert_ok!(IpNft::buy_ip_nft(RuntimeOrigin::signed(bob()), id, 2_000));
		assert_eq!(balance(SaleCurrency::Native, &royalty_recipient()), recipient + 50);
	});
}

#[test]
fn listing_and_unlisting() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_noop!(
			IpNft::set_price(RuntimeOrigin::signed(bob()), id, SaleCurrency::Aid, Some(1)),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			IpNft::set_price(RuntimeOrigin::signed(alice()), id, SaleCurrency::Aid, Some(0)),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			IpNft::set_price(RuntimeOrigin::signed(alice()), id, SaleCurrency::Aid, None),
			Error::<Test>::NotForSale
		);
		assert_ok!(IpNft::set_price(
			RuntimeOrigin::signed(alice()),
			id,
			SaleCurrency::Aid,
			Some(5)
		));
		assert_ok!(IpNft::set_price(RuntimeOrigin::signed(alice()), id, SaleCurrency::Aid, None));
		assert_eq!(ip_nft_events().last(), Some(&Event::Unlisted { ip_nft: id }));
		assert_noop!(
			IpNft::buy_ip_nft(RuntimeOrigin::signed(bob()), id, 5),
			Error::<Test>::NotForSale
		);
	});
}

#[test]
fn buying_above_the_maximum_or_from_oneself_fails() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_ok!(IpNft::set_price(
			RuntimeOrigin::signed(alice()),
			id,
			SaleCurrency::Aid,
			Some(5)
		));
		assert_noop!(
			IpNft::buy_ip_nft(RuntimeOrigin::signed(bob()), id, 4),
			Error::<Test>::PriceTooHigh
		);
		assert_noop!(
			IpNft::buy_ip_nft(RuntimeOrigin::signed(alice()), id, 5),
			Error::<Test>::AlreadyOwner
		);
		assert_noop!(
			IpNft::buy_ip_nft(RuntimeOrigin::signed(bob()), 9, 5),
			Error::<Test>::UnknownIpNft
		);
	});
}

#[test]
fn a_listing_dies_when_the_nft_leaves_outside_the_pallet() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_ok!(IpNft::set_price(
			RuntimeOrigin::signed(alice()),
			id,
			SaleCurrency::Aid,
			Some(5)
		));
		let collection = Collection::<Test>::get().unwrap();
		assert_ok!(<Nfts as Transfer<AccountId>>::transfer(&collection, &id, &charlie()));
		assert_eq!(IpNft::ip_nft(id).unwrap().listing, None);
		assert_noop!(
			IpNft::buy_ip_nft(RuntimeOrigin::signed(bob()), id, 5),
			Error::<Test>::NotForSale
		);
	});
}

#[test]
fn a_tokenized_nft_cannot_be_listed() {
	run(|| {
		let (id, _) = tokenized(1_000, 0);
		assert_noop!(
			IpNft::set_price(RuntimeOrigin::signed(alice()), id, SaleCurrency::Aid, Some(5)),
			Error::<Test>::AlreadyTokenized
		);
	});
}

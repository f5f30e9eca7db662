//! IPTs: creation with a hard cap, minting within it, terms, unification.

use super::*;
use frame_support::{
	assert_noop, assert_ok,
	traits::fungibles::{Create, Inspect, Mutate},
};

fn symbol() -> SymbolOf<Test> {
	bytes(b"VITA")
}

#[test]
fn tokenize_creates_a_capped_ipt_and_locks_the_nft() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_ok!(IpNft::tokenize(
			RuntimeOrigin::signed(alice()),
			id,
			1_000_000,
			symbol(),
			terms()
		));
		let ipt = Ipts::<Test>::get(id).unwrap();
		assert_eq!(ipt.asset, IPT_BASE);
		assert_eq!((ipt.cap, ipt.minted, ipt.controller.clone()), (1_000_000, 0, alice()));
		assert!(Assets::asset_exists(IPT_BASE));
		assert_eq!(IpNft::nft_holder(&id), Some(IpNft::account_id()));
		assert_eq!(IpNft::current_owner(&id), Some(alice()), "the tokenizer controls it");
		assert!(TermsAccepted::<Test>::contains_key(IPT_BASE, alice()));
		assert_eq!(
			ip_nft_events().last(),
			Some(&Event::Tokenized {
				ip_nft: id,
				asset: IPT_BASE,
				cap: 1_000_000,
				terms_hash: terms(),
				controller: alice(),
			})
		);
		// Nobody but the pallet account administers the asset.
		assert_noop!(
			Assets::mint(RuntimeOrigin::signed(alice()), IPT_BASE, alice(), 1),
			pallet_assets::Error::<Test>::NoPermission
		);
	});
}

#[test]
fn tokenizing_twice_fails() {
	run(|| {
		let (id, _) = tokenized(1_000, 0);
		assert_noop!(
			IpNft::tokenize(RuntimeOrigin::signed(alice()), id, 1_000, symbol(), terms()),
			Error::<Test>::AlreadyTokenized
		);
	});
}

#[test]
fn tokenize_errors() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_noop!(
			IpNft::tokenize(RuntimeOrigin::signed(bob()), id, 1_000, symbol(), terms()),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			IpNft::tokenize(RuntimeOrigin::signed(alice()), id, 0, symbol(), terms()),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			IpNft::tokenize(RuntimeOrigin::signed(alice()), 8, 1_000, symbol(), terms()),
			Error::<Test>::UnknownIpNft
		);
	});
}

#[test]
fn asset_ids_in_use_are_skipped_up_to_a_limit() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_ok!(<Assets as Create<AccountId>>::create(IPT_BASE, bob(), true, 1));
		assert_ok!(IpNft::tokenize(RuntimeOrigin::signed(alice()), id, 1_000, symbol(), terms()));
		assert_eq!(Ipts::<Test>::get(id).unwrap().asset, IPT_BASE + 1);
		assert_eq!(NextIptIndex::<Test>::get(), 2);
	});
	run(|| {
		let id = mint_to(&alice(), 0);
		for i in 0..ASSET_ID_PROBES {
			assert_ok!(<Assets as Create<AccountId>>::create(IPT_BASE + i, bob(), true, 1));
		}
		assert_noop!(
			IpNft::tokenize(RuntimeOrigin::signed(alice()), id, 1_000, symbol(), terms()),
			Error::<Test>::AssetIdUnavailable
		);
	});
}

#[test]
fn minting_stays_within_the_cap() {
	run(|| {
		let (id, asset) = tokenized(1_000, 600);
		accept(&bob(), id);
		assert_ok!(IpNft::mint_ipt(RuntimeOrigin::signed(alice()), id, bob(), 400));
		assert_eq!(Assets::total_issuance(asset), 1_000);
		assert_eq!(ipt_balance(asset, &bob()), 400);
		assert_eq!(
			ip_nft_events().last(),
			Some(&Event::IptMinted { ip_nft: id, asset, to: bob(), amount: 400, minted: 1_000 })
		);
		assert_noop!(
			IpNft::mint_ipt(RuntimeOrigin::signed(alice()), id, alice(), 1),
			Error::<Test>::CapExceeded
		);
		assert_noop!(
			IpNft::mint_ipt(RuntimeOrigin::signed(alice()), id, alice(), u128::MAX),
			Error::<Test>::CapExceeded
		);
	});
}

#[test]
fn mint_ipt_errors() {
	run(|| {
		let (id, _) = tokenized(1_000, 0);
		assert_noop!(
			IpNft::mint_ipt(RuntimeOrigin::signed(bob()), id, bob(), 1),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			IpNft::mint_ipt(RuntimeOrigin::signed(alice()), id, alice(), 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			IpNft::mint_ipt(RuntimeOrigin::signed(alice()), id, bob(), 1),
			Error::<Test>::TermsNotAccepted
		);
		let other = mint_to(&alice(), 1);
		assert_noop!(
			IpNft::mint_ipt(RuntimeOrigin::signed(alice()), other, alice(), 1),
			Error::<Test>::NotTokenized
		);
	});
}

#[test]
fn terms_are_accepted_once_and_must_match() {
	run(|| {
		let (id, asset) = tokenized(1_000, 0);
		assert_noop!(
			IpNft::accept_terms(RuntimeOrigin::signed(bob()), id, h(1)),
			Error::<Test>::TermsMismatch
		);
		accept(&bob(), id);
		assert_eq!(
			ip_nft_events().last(),
			Some(&Event::TermsAccepted { ip_nft: id, asset, who: bob() })
		);
		assert_noop!(
			IpNft::accept_terms(RuntimeOrigin::signed(bob()), id, terms()),
			Error::<Test>::AlreadyAccepted
		);
		assert_noop!(
			IpNft::accept_terms(RuntimeOrigin::signed(bob()), 9, terms()),
			Error::<Test>::NotTokenized
		);
	});
}

#[test]
fn unify_burns_the_whole_supply_and_releases_the_nft() {
	run(|| {
		let (id, asset) = tokenized(1_000, 700);
		assert_ok!(IpNft::grant_read(RuntimeOrigin::signed(alice()), id, charlie(), 100));
		// Bob buys everything in the market (plain asset transfers).
		assert_ok!(<Assets as Mutate<AccountId>>::transfer(
			asset,
			&alice(),
			&bob(),
			700,
			frame_support::traits::tokens::Preservation::Expendable
		));
		assert_noop!(
			IpNft::unify(RuntimeOrigin::signed(alice()), id),
			Error::<Test>::NotWholeSupply
		);
		assert_ok!(IpNft::unify(RuntimeOrigin::signed(bob()), id));
		assert_eq!(Assets::total_issuance(asset), 0);
		assert!(!Ipts::<Test>::contains_key(id));
		assert_eq!(IpNft::nft_holder(&id), Some(bob()));
		assert_eq!(IpNfts::<Test>::get(id).unwrap().owner, bob());
		assert!(!IpNft::has_read_access(&id, &charlie()), "new owner: grants cleared");
		assert_eq!(
			ip_nft_events().last(),
			Some(&Event::Unified { ip_nft: id, asset, who: bob(), burned: 700 })
		);
		// It can be tokenized again, as a new asset.
		assert_ok!(IpNft::tokenize(RuntimeOrigin::signed(bob()), id, 10, bytes(b"V2"), terms()));
		assert_eq!(Ipts::<Test>::get(id).unwrap().asset, asset + 1);
	});
}

#[test]
fn unify_without_the_whole_supply_fails() {
	run(|| {
		let (id, asset) = tokenized(1_000, 700);
		accept(&bob(), id);
		assert_ok!(IpNft::mint_ipt(RuntimeOrigin::signed(alice()), id, bob(), 1));
		assert_noop!(
			IpNft::unify(RuntimeOrigin::signed(alice()), id),
			Error::<Test>::NotWholeSupply
		);
		assert_eq!(Assets::total_issuance(asset), 701);
		assert_noop!(IpNft::unify(RuntimeOrigin::signed(alice()), 9), Error::<Test>::NotTokenized);
	});
}

#[test]
fn with_nothing_minted_only_the_controller_unifies() {
	run(|| {
		let (id, _) = tokenized(1_000, 0);
		assert_noop!(IpNft::unify(RuntimeOrigin::signed(bob()), id), Error::<Test>::NotWholeSupply);
		assert_ok!(IpNft::unify(RuntimeOrigin::signed(alice()), id));
		assert_eq!(IpNft::nft_holder(&id), Some(alice()));
		assert_eq!(IpNfts::<Test>::get(id).unwrap().owner_epoch, 0, "same owner: no new epoch");
	});
}

#[test]
fn the_ipt_view_shows_supply_cap_and_holders() {
	run(|| {
		let (id, asset) = tokenized(1_000, 600);
		accept(&bob(), id);
		assert_ok!(IpNft::mint_ipt(RuntimeOrigin::signed(alice()), id, bob(), 100));
		let view = IpNft::ipt(id).unwrap();
		assert_eq!(
			(view.asset, view.supply, view.cap, view.holders, view.terms_hash),
			(asset, 700, 1_000, 2, terms())
		);
		assert_eq!(view.active_sale, None);
		assert!(IpNft::ipt(99).is_none());
	});
}

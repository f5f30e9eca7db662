//! Read grants with expiry, and their end when the IP-NFT changes hands.

use super::*;
use frame_support::{assert_noop, assert_ok, traits::tokens::nonfungibles_v2::Transfer};

fn grant(owner: &AccountId, id: ItemId, who: &AccountId, until: u64) {
	assert_ok!(IpNft::grant_read(RuntimeOrigin::signed(owner.clone()), id, who.clone(), until));
}

#[test]
fn grants_give_read_access_until_they_expire() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert!(IpNft::has_read_access(&id, &alice()), "the owner always reads");
		assert!(!IpNft::has_read_access(&id, &bob()));
		grant(&alice(), id, &bob(), 10);
		assert!(IpNft::has_read_access(&id, &bob()));
		assert!(!IpNft::has_read_access(&id, &charlie()));
		assert_eq!(
			ip_nft_events().last(),
			Some(&Event::ReadGranted { ip_nft: id, who: bob(), until: 10, epoch: 0 })
		);
		run_to_block(10);
		assert!(IpNft::has_read_access(&id, &bob()), "valid through `until`");
		run_to_block(11);
		assert!(!IpNft::has_read_access(&id, &bob()));
		assert!(!IpNft::has_read_access(&99, &alice()), "unknown IP-NFT");
	});
}

#[test]
fn a_grant_can_be_extended_and_revoked() {
	run(|| {
		let id = mint_to(&alice(), 0);
		grant(&alice(), id, &bob(), 10);
		grant(&alice(), id, &bob(), 20);
		assert_eq!(ReadGrants::<Test>::get(id).len(), 1);
		run_to_block(15);
		assert!(IpNft::has_read_access(&id, &bob()));
		assert_ok!(IpNft::revoke_read(RuntimeOrigin::signed(alice()), id, bob()));
		assert!(!IpNft::has_read_access(&id, &bob()));
		assert!(!ReadGrants::<Test>::contains_key(id));
		assert_eq!(ip_nft_events().last(), Some(&Event::ReadRevoked { ip_nft: id, who: bob() }));
	});
}

#[test]
fn a_grant_by_a_non_owner_is_refused() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_noop!(
			IpNft::grant_read(RuntimeOrigin::signed(bob()), id, bob(), 10),
			Error::<Test>::NotOwner
		);
		grant(&alice(), id, &charlie(), 10);
		assert_noop!(
			IpNft::revoke_read(RuntimeOrigin::signed(bob()), id, charlie()),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			IpNft::grant_read(RuntimeOrigin::signed(alice()), 77, bob(), 10),
			Error::<Test>::UnknownIpNft
		);
	});
}

#[test]
fn a_grant_must_end_in_the_future() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_noop!(
			IpNft::grant_read(RuntimeOrigin::signed(alice()), id, bob(), 1),
			Error::<Test>::InvalidExpiry
		);
	});
}

#[test]
fn grants_are_bounded_but_expired_ones_make_room() {
	run(|| {
		let id = mint_to(&alice(), 0);
		grant(&alice(), id, &bob(), 5);
		grant(&alice(), id, &charlie(), 50);
		grant(&alice(), id, &dave(), 50);
		assert_noop!(
			IpNft::grant_read(RuntimeOrigin::signed(alice()), id, eve(), 50),
			Error::<Test>::TooManyGrants
		);
		run_to_block(6);
		grant(&alice(), id, &eve(), 50);
		assert_eq!(ReadGrants::<Test>::get(id).len(), 3);
	});
}

#[test]
fn revoking_a_missing_grant_fails() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_noop!(
			IpNft::revoke_read(RuntimeOrigin::signed(alice()), id, bob()),
			Error::<Test>::NoSuchGrant
		);
	});
}

#[test]
fn transfer_ip_nft_clears_grants_eagerly() {
	run(|| {
		let id = mint_to(&alice(), 0);
		grant(&alice(), id, &bob(), 100);
		grant(&alice(), id, &charlie(), 100);
		assert_ok!(IpNft::transfer_ip_nft(RuntimeOrigin::signed(alice()), id, dave()));
		assert_eq!(IpNft::nft_holder(&id), Some(dave()));
		assert!(!ReadGrants::<Test>::contains_key(id));
		assert!(!IpNft::has_read_access(&id, &bob()));
		assert!(!IpNft::has_read_access(&id, &alice()));
		assert!(IpNft::has_read_access(&id, &dave()));
		let record = IpNfts::<Test>::get(id).unwrap();
		assert_eq!((record.owner, record.owner_epoch), (dave(), 1));
		assert_eq!(
			ip_nft_events()[ip_nft_events().len() - 2..].to_vec(),
			vec![
				Event::OwnerChanged {
					ip_nft: id,
					from: alice(),
					to: dave(),
					epoch: 1,
					grants_cleared: 2
				},
				Event::IpNftTransferred { ip_nft: id, from: alice(), to: dave() },
			]
		);
		// The new owner's grants work.
		grant(&dave(), id, &bob(), 100);
		assert!(IpNft::has_read_access(&id, &bob()));
	});
}

#[test]
fn a_transfer_through_pallet_nfts_voids_grants_at_once() {
	run(|| {
		let id = mint_to(&alice(), 0);
		grant(&alice(), id, &bob(), 100);
		let collection = Collection::<Test>::get().unwrap();
		// Directly in pallet-nfts, without this pallet knowing.
		assert_ok!(<Nfts as Transfer<AccountId>>::transfer(&collection, &id, &dave()));
		assert!(!IpNft::has_read_access(&id, &bob()), "previous owner's grant is void");
		assert!(IpNft::has_read_access(&id, &dave()));
		assert_eq!(IpNft::ip_nft(id).unwrap().owner, dave());
		// The previous owner cannot grant any more; the next owner call records the change.
		assert_noop!(
			IpNft::grant_read(RuntimeOrigin::signed(alice()), id, charlie(), 100),
			Error::<Test>::NotOwner
		);
		grant(&dave(), id, &charlie(), 100);
		let record = IpNfts::<Test>::get(id).unwrap();
		assert_eq!((record.owner, record.owner_epoch), (dave(), 1));
		assert_eq!(ReadGrants::<Test>::get(id).len(), 1, "the stale grant was deleted");
		assert!(IpNft::has_read_access(&id, &charlie()));
		assert!(!IpNft::has_read_access(&id, &bob()));
	});
}

#[test]
fn transfer_errors() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_noop!(
			IpNft::transfer_ip_nft(RuntimeOrigin::signed(bob()), id, bob()),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			IpNft::transfer_ip_nft(RuntimeOrigin::signed(alice()), id, alice()),
			Error::<Test>::AlreadyOwner
		);
		assert_noop!(
			IpNft::transfer_ip_nft(RuntimeOrigin::signed(alice()), 9, bob()),
			Error::<Test>::UnknownIpNft
		);
	});
}

#[test]
fn a_tokenized_ip_nft_cannot_be_transferred() {
	run(|| {
		let (id, _) = tokenized(1_000, 0);
		assert_noop!(
			IpNft::transfer_ip_nft(RuntimeOrigin::signed(alice()), id, bob()),
			Error::<Test>::AlreadyTokenized
		);
	});
}

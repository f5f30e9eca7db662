//! ZKML attestations linked to IP-NFTs.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[test]
fn the_owner_links_existing_attestations() {
	run(|| {
		let id = mint_to(&alice(), 0);
		MockAttestations::insert(h(1));
		assert_ok!(IpNft::attach_attestation(RuntimeOrigin::signed(alice()), id, h(1)));
		assert_eq!(Attestations::<Test>::get(id).into_inner(), vec![h(1)]);
		assert_eq!(
			ip_nft_events().last(),
			Some(&Event::AttestationAttached { ip_nft: id, attestation: h(1) })
		);
		assert_eq!(IpNft::ip_nft(id).unwrap().attestations, vec![h(1)]);
	});
}

#[test]
fn an_unknown_attestation_is_refused() {
	run(|| {
		let id = mint_to(&alice(), 0);
		assert_noop!(
			IpNft::attach_attestation(RuntimeOrigin::signed(alice()), id, h(9)),
			Error::<Test>::UnknownAttestation
		);
	});
}

#[test]
fn an_attestation_is_linked_once() {
	run(|| {
		let id = mint_to(&alice(), 0);
		MockAttestations::insert(h(1));
		assert_ok!(IpNft::attach_attestation(RuntimeOrigin::signed(alice()), id, h(1)));
		assert_noop!(
			IpNft::attach_attestation(RuntimeOrigin::signed(alice()), id, h(1)),
			Error::<Test>::AlreadyAttached
		);
	});
}

#[test]
fn attestations_are_bounded() {
	run(|| {
		let id = mint_to(&alice(), 0);
		for i in 0..=MAX_ATTESTATIONS as u8 {
			MockAttestations::insert(h(i + 1));
		}
		for i in 0..MAX_ATTESTATIONS as u8 {
			assert_ok!(IpNft::attach_attestation(RuntimeOrigin::signed(alice()), id, h(i + 1)));
		}
		assert_noop!(
			IpNft::attach_attestation(
				RuntimeOrigin::signed(alice()),
				id,
				h(MAX_ATTESTATIONS as u8 + 1)
			),
			Error::<Test>::TooManyAttestations
		);
	});
}

#[test]
fn only_the_owner_links_attestations() {
	run(|| {
		let id = mint_to(&alice(), 0);
		MockAttestations::insert(h(1));
		assert_noop!(
			IpNft::attach_attestation(RuntimeOrigin::signed(bob()), id, h(1)),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			IpNft::attach_attestation(RuntimeOrigin::signed(alice()), 42, h(1)),
			Error::<Test>::UnknownIpNft
		);
	});
}

#[test]
fn the_controller_links_attestations_while_tokenized() {
	run(|| {
		let (id, _) = tokenized(1_000, 0);
		MockAttestations::insert(h(1));
		assert_ok!(IpNft::attach_attestation(RuntimeOrigin::signed(alice()), id, h(1)));
	});
}

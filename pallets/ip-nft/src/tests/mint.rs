//! Issuer-authorized mints and amendments: typed, domain-separated, non-replayable.

use super::*;
use frame_support::{assert_noop, assert_ok, traits::tokens::nonfungibles_v2::Inspect};

fn mint_call(
	minter: &AccountId,
	recipient: &AccountId,
	metadata: MetadataOf<Test>,
	nonce: u64,
	deadline: u64,
	signer: &AccountId,
	signature: Signature,
) -> sp_runtime::DispatchResult {
	IpNft::mint_ip_nft(
		RuntimeOrigin::signed(minter.clone()),
		recipient.clone(),
		metadata,
		nonce,
		deadline,
		signer.clone(),
		signature,
	)
}

#[test]
fn mint_creates_the_nft_and_records_the_metadata() {
	run(|| {
		let metadata = metadata();
		let signature = authorize(ISSUER, &alice(), &bob(), &metadata, 7, DEADLINE);
		assert_ok!(mint_call(
			&alice(),
			&bob(),
			metadata.clone(),
			7,
			DEADLINE,
			&issuer(),
			signature
		));

		let collection = Collection::<Test>::get().expect("created by the first mint");
		assert_eq!(
			<Nfts as Inspect<AccountId>>::collection_owner(&collection),
			Some(IpNft::account_id())
		);
		assert_eq!(IpNft::nft_holder(&0), Some(bob()));
		let record = IpNfts::<Test>::get(0).unwrap();
		assert_eq!(record.minter, alice());
		assert_eq!(record.owner, bob());
		assert_eq!(record.issuer, issuer());
		assert_eq!(record.symbol, metadata.symbol);
		assert_eq!(record.royalty, metadata.royalty);
		assert_eq!(record.owner_epoch, 0);
		assert_eq!(Agreements::<Test>::get(0), metadata.agreements);
		assert!(UsedNonces::<Test>::contains_key(issuer(), 7));
		assert_eq!(NextIpNftId::<Test>::get(), 1);
		assert_eq!(
			ip_nft_events(),
			vec![
				Event::CollectionCreated { collection },
				Event::IpNftMinted {
					ip_nft: 0,
					minter: alice(),
					owner: bob(),
					issuer: issuer(),
					nonce: 7,
					content_hash: sp_core::H256(sp_io::hashing::blake2_256(&encode(&metadata))),
				},
			]
		);
		// The second mint reuses the collection and takes the next id.
		assert_eq!(mint_to(&alice(), 8), 1);
		assert_eq!(IpNft::nft_holder(&1), Some(alice()));
	});
}

#[test]
fn the_signed_message_is_the_documented_layout() {
	run(|| {
		let metadata = metadata();
		let message = IpNft::mint_message(&alice(), &bob(), &metadata, 3, 9);
		let mut expected = b"heliox/ip-nft/mint/v1".to_vec();
		expected.extend_from_slice(System::block_hash(0).as_ref());
		expected.extend_from_slice(alice().as_ref());
		expected.extend_from_slice(bob().as_ref());
		expected.extend_from_slice(&3u64.to_le_bytes());
		// The deadline is a block number: `u64` in the mock (`u32` in the Heliox runtime).
		expected.extend_from_slice(&9u64.to_le_bytes());
		expected.extend_from_slice(&sp_io::hashing::blake2_256(&encode(&metadata)));
		assert_eq!(message, expected);
	});
}

#[test]
fn an_unauthorized_issuer_is_refused() {
	run(|| {
		let metadata = metadata();
		let rogue = account(ROGUE);
		let signature = authorize(ROGUE, &alice(), &alice(), &metadata, 0, DEADLINE);
		assert_noop!(
			mint_call(&alice(), &alice(), metadata, 0, DEADLINE, &rogue, signature),
			Error::<Test>::NotIssuer
		);
	});
}

#[test]
fn a_bad_signature_is_refused() {
	run(|| {
		let metadata = metadata();
		// Signed by another key.
		let forged = authorize(ROGUE, &alice(), &alice(), &metadata, 0, DEADLINE);
		assert_noop!(
			mint_call(&alice(), &alice(), metadata.clone(), 0, DEADLINE, &issuer(), forged),
			Error::<Test>::BadSignature
		);
		let signature = authorize(ISSUER, &alice(), &alice(), &metadata, 0, DEADLINE);
		// Any change of the signed content breaks it: metadata, recipient, minter, nonce,
		// deadline.
		let other = metadata_with(b"VITA-002", Permill::from_percent(5));
		assert_noop!(
			mint_call(&alice(), &alice(), other, 0, DEADLINE, &issuer(), signature.clone()),
			Error::<Test>::BadSignature
		);
		assert_noop!(
			mint_call(
				&alice(),
				&bob(),
				metadata.clone(),
				0,
				DEADLINE,
				&issuer(),
				signature.clone()
			),
			Error::<Test>::BadSignature
		);
		assert_noop!(
			mint_call(
				&bob(),
				&alice(),
				metadata.clone(),
				0,
				DEADLINE,
				&issuer(),
				signature.clone()
			),
			Error::<Test>::BadSignature
		);
		assert_noop!(
			mint_call(
				&alice(),
				&alice(),
				metadata.clone(),
				1,
				DEADLINE,
				&issuer(),
				signature.clone()
			),
			Error::<Test>::BadSignature
		);
		assert_noop!(
			mint_call(&alice(), &alice(), metadata, 0, DEADLINE + 1, &issuer(), signature),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn a_replayed_signature_is_refused() {
	run(|| {
		let metadata = metadata();
		let signature = authorize(ISSUER, &alice(), &alice(), &metadata, 0, DEADLINE);
		assert_ok!(mint_call(
			&alice(),
			&alice(),
			metadata.clone(),
			0,
			DEADLINE,
			&issuer(),
			signature.clone()
		));
		assert_noop!(
			mint_call(&alice(), &alice(), metadata, 0, DEADLINE, &issuer(), signature),
			Error::<Test>::NonceUsed
		);
	});
}

#[test]
fn an_expired_authorization_is_refused() {
	run(|| {
		let metadata = metadata();
		let signature = authorize(ISSUER, &alice(), &alice(), &metadata, 0, 5);
		run_to_block(6);
		assert_noop!(
			mint_call(&alice(), &alice(), metadata, 0, 5, &issuer(), signature),
			Error::<Test>::AuthorizationExpired
		);
	});
}

#[test]
fn a_royalty_above_the_maximum_is_refused() {
	run(|| {
		let metadata = metadata_with(b"VITA-001", Permill::from_percent(51));
		let signature = authorize(ISSUER, &alice(), &alice(), &metadata, 0, DEADLINE);
		assert_noop!(
			mint_call(&alice(), &alice(), metadata, 0, DEADLINE, &issuer(), signature),
			Error::<Test>::RoyaltyTooHigh
		);
	});
}

fn amend_signature(signer: u8, id: ItemId, owner: &AccountId, nonce: u64) -> Signature {
	sign(signer, &IpNft::amend_message(&id, owner, &agreements(3), nonce, DEADLINE))
}

#[test]
fn the_owner_amends_agreements_with_an_issuer_signature() {
	run(|| {
		let id = mint_to(&alice(), 0);
		let signature = amend_signature(ISSUER, id, &alice(), 1);
		assert_ok!(IpNft::amend_agreements(
			RuntimeOrigin::signed(alice()),
			id,
			agreements(3),
			1,
			DEADLINE,
			issuer(),
			signature
		));
		assert_eq!(Agreements::<Test>::get(id), agreements(3));
		assert_eq!(
			ip_nft_events().last(),
			Some(&Event::AgreementsAmended {
				ip_nft: id,
				issuer: issuer(),
				nonce: 1,
				content_hash: sp_core::H256(sp_io::hashing::blake2_256(&encode(&agreements(3)))),
			})
		);
	});
}

#[test]
fn amending_needs_both_the_owner_and_an_issuer() {
	run(|| {
		let id = mint_to(&alice(), 0);
		// Not the owner (even with a signature naming it).
		let signature = amend_signature(ISSUER, id, &bob(), 1);
		assert_noop!(
			IpNft::amend_agreements(
				RuntimeOrigin::signed(bob()),
				id,
				agreements(3),
				1,
				DEADLINE,
				issuer(),
				signature
			),
			Error::<Test>::NotOwner
		);
		// The owner without a valid issuer signature.
		let forged = amend_signature(ROGUE, id, &alice(), 1);
		assert_noop!(
			IpNft::amend_agreements(
				RuntimeOrigin::signed(alice()),
				id,
				agreements(3),
				1,
				DEADLINE,
				issuer(),
				forged
			),
			Error::<Test>::BadSignature
		);
		// A mint authorization is not an amendment authorization (other domain).
		let mint_signature = authorize(ISSUER, &alice(), &alice(), &metadata(), 1, DEADLINE);
		assert_noop!(
			IpNft::amend_agreements(
				RuntimeOrigin::signed(alice()),
				id,
				agreements(3),
				1,
				DEADLINE,
				issuer(),
				mint_signature
			),
			Error::<Test>::BadSignature
		);
		// Replay of the mint's nonce.
		let replay = amend_signature(ISSUER, id, &alice(), 0);
		assert_noop!(
			IpNft::amend_agreements(
				RuntimeOrigin::signed(alice()),
				id,
				agreements(3),
				0,
				DEADLINE,
				issuer(),
				replay
			),
			Error::<Test>::NonceUsed
		);
	});
}

#[test]
fn amending_an_unknown_ip_nft_fails() {
	run(|| {
		let signature = amend_signature(ISSUER, 5, &alice(), 1);
		assert_noop!(
			IpNft::amend_agreements(
				RuntimeOrigin::signed(alice()),
				5,
				agreements(3),
				1,
				DEADLINE,
				issuer(),
				signature
			),
			Error::<Test>::UnknownIpNft
		);
	});
}

#[test]
fn the_content_hash_covers_the_documented_metadata_encoding() {
	run(|| {
		let metadata: MetadataOf<Test> = IpNftMetadata {
			symbol: bytes(b"AB"),
			details: ProjectDetails {
				industry: bytes(b"i"),
				organization: bytes(b""),
				topic: bytes(b"t"),
				funding_amount: 7,
			},
			agreements: vec![Agreement {
				kind: AgreementKind::License,
				content_hash: h(3),
				uri: bytes(b"u"),
				mime: bytes(b"m"),
				encrypted: true,
			}]
			.try_into()
			.unwrap(),
			royalty: Royalty { recipient: bob(), rate: Permill::from_parts(250) },
		};
		// Compact lengths are `n << 2` below 64.
		let mut expected = vec![2 << 2, b'A', b'B', 1 << 2, b'i', 0, 1 << 2, b't'];
		expected.extend_from_slice(&7u128.to_le_bytes());
		expected.extend_from_slice(&[1 << 2, 2]);
		expected.extend_from_slice(&[3u8; 32]);
		expected.extend_from_slice(&[1 << 2, b'u', 1 << 2, b'm', 1]);
		expected.extend_from_slice(bob().as_ref());
		expected.extend_from_slice(&250u32.to_le_bytes());
		assert_eq!(encode(&metadata), expected);
		let message = IpNft::mint_message(&alice(), &alice(), &metadata, 0, 5);
		assert_eq!(message[message.len() - 32..], sp_io::hashing::blake2_256(&expected));
	});
}

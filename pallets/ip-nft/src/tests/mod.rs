//! Unit tests, split by concern. Every test runs the pallet's `try_state` invariants at the
//! end ([`crate::mock::run`]); every `Error` variant has a test that checks the error and that
//! storage is unchanged (`assert_noop!` compares the storage root).

mod acceptance;
mod admin;
mod api;
mod invariants;
mod market;
mod mint;
mod properties;
mod read_access;
mod research;
mod sale;
mod tokenize;

use crate::{mock::*, *};
use frame_support::{assert_ok, traits::ConstU32, BoundedVec};
use sp_runtime::Permill;

/// A bounded byte string.
pub fn bytes<S: frame_support::traits::Get<u32>>(value: &[u8]) -> BoundedVec<u8, S> {
	value.to_vec().try_into().expect("fits")
}

/// `n` agreements (the first a research agreement, encrypted).
pub fn agreements(n: u32) -> AgreementsOf<Test> {
	(0..n)
		.map(|i| Agreement {
			kind: if i == 0 { AgreementKind::Research } else { AgreementKind::Assignment },
			content_hash: h(i as u8 + 1),
			uri: bytes(format!("ipfs://bafy-agreement-{i}").as_bytes()),
			mime: bytes(b"application/pdf"),
			encrypted: i == 0,
		})
		.collect::<Vec<_>>()
		.try_into()
		.expect("within MaxAgreements")
}

/// Metadata with `symbol`, two agreements and a 5% royalty to the royalty recipient.
pub fn metadata_with(symbol: &[u8], royalty: Permill) -> MetadataOf<Test> {
	IpNftMetadata {
		symbol: bytes(symbol),
		details: ProjectDetails {
			industry: bytes(b"Pharmaceutical R&D"),
			organization: bytes(b"Heliox Longevity Lab"),
			topic: bytes(b"Senolytics"),
			funding_amount: 25_000_000,
		},
		agreements: agreements(2),
		royalty: Royalty { recipient: royalty_recipient(), rate: royalty },
	}
}

pub fn metadata() -> MetadataOf<Test> {
	metadata_with(b"VITA-001", Permill::from_percent(5))
}

/// A valid deadline.
pub const DEADLINE: u64 = 1_000;

/// The issuer's signature allowing `minter` to mint `metadata` to `recipient`.
pub fn authorize(
	signer: u8,
	minter: &AccountId,
	recipient: &AccountId,
	metadata: &MetadataOf<Test>,
	nonce: u64,
	deadline: u64,
) -> Signature {
	sign(signer, &IpNft::mint_message(minter, recipient, metadata, nonce, deadline))
}

/// Mints an IP-NFT to `owner` (minted by `owner`, authorized by the issuer with `nonce`);
/// returns its id.
pub fn mint_to(owner: &AccountId, nonce: u64) -> ItemId {
	let metadata = metadata();
	let signature = authorize(ISSUER, owner, owner, &metadata, nonce, DEADLINE);
	let id = NextIpNftId::<Test>::get();
	assert_ok!(IpNft::mint_ip_nft(
		RuntimeOrigin::signed(owner.clone()),
		owner.clone(),
		metadata,
		nonce,
		DEADLINE,
		issuer(),
		signature
	));
	id
}

/// The terms hash of the IPTs in the tests.
pub fn terms() -> sp_core::H256 {
	h(0xAA)
}

/// Mints an IP-NFT to ALICE, tokenizes it with `cap` and mints `owned` IPTs to ALICE.
pub fn tokenized(cap: u128, owned: u128) -> (ItemId, AssetId) {
	let id = mint_to(&alice(), 0);
	assert_ok!(IpNft::tokenize(
		RuntimeOrigin::signed(alice()),
		id,
		cap,
		bytes::<ConstU32<12>>(b"VITA"),
		terms()
	));
	if owned > 0 {
		assert_ok!(IpNft::mint_ipt(RuntimeOrigin::signed(alice()), id, alice(), owned));
	}
	(id, Ipts::<Test>::get(id).unwrap().asset)
}

/// Sale params: price 10, 1_000 tokens, goal 5_000, blocks 10..20, no lock.
pub fn params(currency: SaleCurrency) -> SaleParams<u64> {
	SaleParams {
		currency,
		price: 10,
		tokens_for_sale: 1_000,
		funding_goal: 5_000,
		start: 10,
		end: 20,
		lock_period: 0,
	}
}

/// Accepts the terms of `id`'s IPT for `who`.
pub fn accept(who: &AccountId, id: ItemId) {
	assert_ok!(IpNft::accept_terms(RuntimeOrigin::signed(who.clone()), id, terms()));
}

/// The IPT balance of `who`.
pub fn ipt_balance(asset: AssetId, who: &AccountId) -> u128 {
	Assets::balance(asset, who)
}

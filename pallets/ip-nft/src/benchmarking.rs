//! Benchmarks of every call (frame-benchmarking v2), each in its worst case: longest strings
//! and `a` agreements at mint and amendment, full grant lists cleared on a change of owner,
//! asset-id probing past taken ids, restricted sales with full allow-lists, settlement with
//! fee, royalty and unsold tokens, and the last claim returning both kinds of dust.

// Benchmark setup may panic: it runs only in benchmarks and their tests.
#![allow(
	clippy::arithmetic_side_effects,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic
)]

use super::*;
use crate::pallet::{
	ActiveSale, Attestations, Bids, Ipts, Issuers, Listings, ProtocolFee, ReadGrants, Sales,
	UsedNonces,
};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::Mutate as _,
		fungibles::{Create, Inspect, Mutate},
		tokens::Preservation,
		EnsureOrigin, Get,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::Zero;

const SEED: u32 = 0;
const FUNDS: u128 = 1 << 80;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::NativeCurrency::set_balance(&who, FUNDS);
	who
}

fn full<S: Get<u32>>(byte: u8) -> BoundedVec<u8, S> {
	vec![byte; S::get() as usize].try_into().unwrap()
}

fn agreements<T: Config>(a: u32) -> AgreementsOf<T> {
	(0..a)
		.map(|i| Agreement {
			kind: AgreementKind::Research,
			content_hash: H256::repeat_byte(i as u8),
			uri: full::<T::MaxUriLen>(b'u'),
			mime: full::<T::StringLimit>(b'm'),
			encrypted: true,
		})
		.collect::<Vec<_>>()
		.try_into()
		.unwrap()
}

fn metadata<T: Config>(a: u32) -> MetadataOf<T> {
	IpNftMetadata {
		symbol: full::<T::MaxSymbolLen>(b'S'),
		details: ProjectDetails {
			industry: full::<T::StringLimit>(b'i'),
			organization: full::<T::StringLimit>(b'o'),
			topic: full::<T::StringLimit>(b't'),
			funding_amount: u128::MAX,
		},
		agreements: agreements::<T>(a),
		royalty: Royalty { recipient: funded::<T>("royalty", 0), rate: T::MaxRoyalty::get() },
	}
}

fn deadline<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number() + 100u32.into()
}

/// An authorized issuer with a signing key.
fn issuer<T: Config>() -> (T::Signer, T::AccountId) {
	let (signer, who) = T::BenchmarkHelper::signer();
	Issuers::<T>::insert(&who, ());
	(signer, who)
}

/// The pallet account can pay the collection deposit.
fn fund_pallet<T: Config>() {
	T::NativeCurrency::set_balance(&Pallet::<T>::account_id(), FUNDS);
}

/// Mints an IP-NFT with `a` agreements to `owner`.
fn mint<T: Config>(owner: &T::AccountId, nonce: u64) -> T::ItemId {
	fund_pallet::<T>();
	let (signer, issuer) = issuer::<T>();
	let metadata = metadata::<T>(T::MaxAgreements::get());
	let deadline = deadline::<T>();
	let message = Pallet::<T>::mint_message(owner, owner, &metadata, nonce, deadline);
	let signature = T::BenchmarkHelper::sign(&signer, &message);
	let id = crate::pallet::NextIpNftId::<T>::get();
	Pallet::<T>::do_mint(
		owner.clone(),
		owner.clone(),
		metadata,
		nonce,
		deadline,
		issuer,
		signature,
	)
	.unwrap();
	id
}

/// `MaxGrants` live grants on `id`, made by `owner`.
fn fill_grants<T: Config>(owner: &T::AccountId, id: T::ItemId, count: u32) {
	let until = frame_system::Pallet::<T>::block_number() + 1_000u32.into();
	for i in 0..count {
		Pallet::<T>::do_grant_read(owner.clone(), id, account("reader", i, SEED), until).unwrap();
	}
}

fn terms() -> H256 {
	H256::repeat_byte(0xAA)
}

/// A tokenized IP-NFT of `owner` with `minted` IPTs held by `owner`.
fn tokenized<T: Config>(owner: &T::AccountId, minted: u128) -> (T::ItemId, T::AssetId) {
	let id = mint::<T>(owner, 0);
	Pallet::<T>::do_tokenize(
		owner.clone(),
		id,
		u128::MAX / 2,
		full::<T::MaxSymbolLen>(b'I'),
		terms(),
	)
	.unwrap();
	if minted > 0 {
		Pallet::<T>::do_mint_ipt(owner.clone(), id, owner.clone(), minted).unwrap();
	}
	(id, Ipts::<T>::get(id).unwrap().asset)
}

fn sale_params<T: Config>(
	tokens_for_sale: u128,
	lock_period: BlockNumberFor<T>,
) -> SaleParams<BlockNumberFor<T>> {
	let now = frame_system::Pallet::<T>::block_number();
	SaleParams {
		currency: SaleCurrency::Native,
		price: 10,
		tokens_for_sale,
		funding_goal: 10,
		start: now,
		end: now + 10u32.into(),
		lock_period,
	}
}

/// A restricted sale with a full allow-list ending with `bidders`; returns its id.
fn restricted_sale<T: Config>(
	seller: &T::AccountId,
	id: T::ItemId,
	bidders: &[T::AccountId],
) -> SaleId {
	let max = T::MaxAllowList::get();
	let fill = max.saturating_sub(bidders.len() as u32);
	let mut list: Vec<T::AccountId> = (0..fill).map(|i| account("listed", i, SEED)).collect();
	list.extend_from_slice(bidders);
	let sale = crate::pallet::NextSaleId::<T>::get();
	Pallet::<T>::do_start_sale(
		seller.clone(),
		id,
		sale_params::<T>(1_000, Zero::zero()),
		Some(list.try_into().unwrap()),
		None,
	)
	.unwrap();
	sale
}

fn bidder<T: Config>(id: T::ItemId, index: u32) -> T::AccountId {
	let who = funded::<T>("bidder", index);
	Pallet::<T>::do_accept_terms(who.clone(), id, terms()).unwrap();
	who
}

fn to_block<T: Config>(n: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(n);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_issuer() {
		let origin = T::IssuerOrigin::try_successful_origin().unwrap();
		let who: T::AccountId = account("issuer", 0, SEED);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(Issuers::<T>::contains_key(&who));
	}

	#[benchmark]
	fn remove_issuer() {
		let origin = T::IssuerOrigin::try_successful_origin().unwrap();
		let who: T::AccountId = account("issuer", 0, SEED);
		Issuers::<T>::insert(&who, ());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!Issuers::<T>::contains_key(&who));
	}

	/// Creates the collection too (the first mint's path).
	#[benchmark]
	fn mint_ip_nft(a: Linear<0, { T::MaxAgreements::get() }>) {
		fund_pallet::<T>();
		let minter = funded::<T>("minter", 0);
		let recipient = funded::<T>("recipient", 0);
		let (signer, issuer) = issuer::<T>();
		let metadata = metadata::<T>(a);
		let deadline = deadline::<T>();
		let message = Pallet::<T>::mint_message(&minter, &recipient, &metadata, 7, deadline);
		let signature = T::BenchmarkHelper::sign(&signer, &message);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(minter),
			recipient.clone(),
			metadata,
			7,
			deadline,
			issuer.clone(),
			signature,
		);
		assert!(UsedNonces::<T>::contains_key(&issuer, 7));
		assert_eq!(Pallet::<T>::current_owner(&Zero::zero()), Some(recipient));
	}

	#[benchmark]
	fn amend_agreements(a: Linear<0, { T::MaxAgreements::get() }>) {
		let owner = funded::<T>("owner", 0);
		let id = mint::<T>(&owner, 0);
		let (signer, issuer) = issuer::<T>();
		let agreements = agreements::<T>(a);
		let deadline = deadline::<T>();
		let message = Pallet::<T>::amend_message(&id, &owner, &agreements, 1, deadline);
		let signature = T::BenchmarkHelper::sign(&signer, &message);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, agreements.clone(), 1, deadline, issuer, signature);
		assert_eq!(crate::pallet::Agreements::<T>::get(id), agreements);
	}

	/// Full list but one, to scan and extend.
	#[benchmark]
	fn grant_read() {
		let owner = funded::<T>("owner", 0);
		let id = mint::<T>(&owner, 0);
		fill_grants::<T>(&owner, id, T::MaxGrants::get() - 1);
		let reader: T::AccountId = account("new-reader", 0, SEED);
		let until = frame_system::Pallet::<T>::block_number() + 10u32.into();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, reader.clone(), until);
		assert!(Pallet::<T>::has_read_access(&id, &reader));
	}

	#[benchmark]
	fn revoke_read() {
		let owner = funded::<T>("owner", 0);
		let id = mint::<T>(&owner, 0);
		fill_grants::<T>(&owner, id, T::MaxGrants::get());
		let reader: T::AccountId = account("reader", T::MaxGrants::get() - 1, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, reader.clone());
		assert!(!Pallet::<T>::has_read_access(&id, &reader));
	}

	/// Clears a full grant list and a listing.
	#[benchmark]
	fn transfer_ip_nft() {
		let owner = funded::<T>("owner", 0);
		let id = mint::<T>(&owner, 0);
		fill_grants::<T>(&owner, id, T::MaxGrants::get());
		Pallet::<T>::do_set_price(owner.clone(), id, SaleCurrency::Native, Some(1)).unwrap();
		let dest = funded::<T>("dest", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, dest.clone());
		assert_eq!(Pallet::<T>::current_owner(&id), Some(dest));
		assert!(!ReadGrants::<T>::contains_key(id));
	}

	/// Probes past `ASSET_ID_PROBES - 1` taken asset ids.
	#[benchmark]
	fn tokenize() {
		let owner = funded::<T>("owner", 0);
		let id = mint::<T>(&owner, 0);
		Pallet::<T>::do_set_price(owner.clone(), id, SaleCurrency::Native, Some(1)).unwrap();
		let base = T::IptAssetIdBase::get();
		let admin: T::AccountId = account("asset-admin", 0, SEED);
		// With an allocating assets pallet the id is its next one (no probing to pay for).
		let probes = if T::NextAssetId::get().is_some() { 0 } else { ASSET_ID_PROBES - 1 };
		for i in 0..probes {
			let taken = base + i.into();
			if !T::Assets::asset_exists(taken) {
				T::Assets::create(taken, admin.clone(), true, 1).unwrap();
			}
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, u128::MAX, full::<T::MaxSymbolLen>(b'I'), terms());
		assert!(Ipts::<T>::contains_key(id));
		assert!(!Listings::<T>::contains_key(id));
	}

	#[benchmark]
	fn mint_ipt() {
		let owner = funded::<T>("owner", 0);
		let (id, asset) = tokenized::<T>(&owner, 1);
		let holder = bidder::<T>(id, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, holder.clone(), 1_000);
		assert_eq!(T::Assets::balance(asset, &holder), 1_000);
	}

	#[benchmark]
	fn accept_terms() {
		let owner = funded::<T>("owner", 0);
		let (id, asset) = tokenized::<T>(&owner, 0);
		let who = funded::<T>("holder", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id, terms());
		assert!(crate::pallet::TermsAccepted::<T>::contains_key(asset, &who));
	}

	/// A new owner: the whole supply is burned and the grants are cleared.
	#[benchmark]
	fn unify() {
		let owner = funded::<T>("owner", 0);
		let (id, asset) = tokenized::<T>(&owner, 1_000_000);
		fill_grants::<T>(&owner, id, T::MaxGrants::get());
		let buyer = funded::<T>("buyer", 0);
		T::Assets::transfer(asset, &owner, &buyer, 1_000_000, Preservation::Expendable).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id);
		assert_eq!(T::Assets::total_issuance(asset), 0);
		assert_eq!(Pallet::<T>::current_owner(&id), Some(buyer));
	}

	#[benchmark]
	fn start_sale(l: Linear<0, { T::MaxAllowList::get() }>) {
		let owner = funded::<T>("owner", 0);
		let (id, _) = tokenized::<T>(&owner, 1_000_000);
		let list: Vec<T::AccountId> = (0..l).map(|i| account("listed", i, SEED)).collect();
		// Starts next block: the harness may move the block number before the call.
		let mut params = sale_params::<T>(1_000, T::MaxLockPeriod::get());
		params.start += 1u32.into();
		params.end += 1u32.into();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner),
			id,
			params,
			Some(list.try_into().unwrap()),
			Some(account("dao", 0, SEED)),
		);
		assert!(ActiveSale::<T>::contains_key(id));
	}

	/// A new bidder, last on a full allow-list.
	#[benchmark]
	fn bid() {
		let owner = funded::<T>("owner", 0);
		let (id, _) = tokenized::<T>(&owner, 1_000_000);
		let who = bidder::<T>(id, 0);
		let sale = restricted_sale::<T>(&owner, id, core::slice::from_ref(&who));
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), sale, 5_000);
		assert_eq!(Bids::<T>::get(sale, &who).unwrap().amount, 5_000);
	}

	/// Success with fee, royalty, net and unsold tokens to move.
	#[benchmark]
	fn settle_sale() {
		ProtocolFee::<T>::put(T::MaxProtocolFee::get());
		let owner = funded::<T>("owner", 0);
		let (id, _) = tokenized::<T>(&owner, 1_000_000);
		let who = bidder::<T>(id, 0);
		let sale = restricted_sale::<T>(&owner, id, core::slice::from_ref(&who));
		Pallet::<T>::do_bid(who, sale, 5_005).unwrap();
		let end = Sales::<T>::get(sale).unwrap().params.end;
		to_block::<T>(end);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), sale);
		assert!(matches!(Sales::<T>::get(sale).unwrap().status, SaleStatus::Settled(_)));
	}

	/// The last claim: refund and tokens paid, both kinds of dust returned.
	#[benchmark]
	fn claim() {
		let owner = funded::<T>("owner", 0);
		let (id, _) = tokenized::<T>(&owner, 1_000_000);
		let first = bidder::<T>(id, 0);
		let last = bidder::<T>(id, 1);
		let sale = restricted_sale::<T>(&owner, id, &[first.clone(), last.clone()]);
		// 20_003 raised for 1_000 tokens at 10: one unit of dust in tokens and in currency.
		Pallet::<T>::do_bid(first.clone(), sale, 10_001).unwrap();
		Pallet::<T>::do_bid(last.clone(), sale, 10_002).unwrap();
		let end = Sales::<T>::get(sale).unwrap().params.end;
		to_block::<T>(end);
		Pallet::<T>::do_settle(sale).unwrap();
		Pallet::<T>::do_claim(sale, first).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), sale, last.clone());
		let position = Bids::<T>::get(sale, &last).unwrap();
		assert!(position.refunded && position.tokens_received);
		let record = Sales::<T>::get(sale).unwrap();
		assert_eq!((record.currency_dust, record.token_dust), (1, 1));
	}

	#[benchmark]
	fn set_price() {
		let owner = funded::<T>("owner", 0);
		let id = mint::<T>(&owner, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, SaleCurrency::Native, Some(1_000));
		assert!(Listings::<T>::contains_key(id));
	}

	/// Royalty and price paid, full grant list cleared.
	#[benchmark]
	fn buy_ip_nft() {
		let owner = funded::<T>("owner", 0);
		let id = mint::<T>(&owner, 0);
		fill_grants::<T>(&owner, id, T::MaxGrants::get());
		Pallet::<T>::do_set_price(owner.clone(), id, SaleCurrency::Native, Some(1_000_000))
			.unwrap();
		let buyer = funded::<T>("buyer", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id, 1_000_000);
		assert_eq!(Pallet::<T>::current_owner(&id), Some(buyer));
	}

	/// Full list but one, to scan for duplicates.
	#[benchmark]
	fn attach_attestation() {
		let owner = funded::<T>("owner", 0);
		let id = mint::<T>(&owner, 0);
		let max = T::MaxAttestations::get();
		let linked: Vec<H256> = (1..max)
			.map(|i| {
				let mut b = [0u8; 32];
				b[24..].copy_from_slice(&(u64::from(i) + 1_000).to_be_bytes());
				H256(b)
			})
			.collect();
		Attestations::<T>::insert(id, BoundedVec::try_from(linked).unwrap());
		let attestation = H256::repeat_byte(0x42);
		T::BenchmarkHelper::create_attestation(attestation);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, attestation);
		assert!(Attestations::<T>::get(id).contains(&attestation));
	}

	#[benchmark]
	fn set_protocol_fee() {
		let origin = T::AdminOrigin::try_successful_origin().unwrap();
		let fee = T::MaxProtocolFee::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, fee);
		assert_eq!(ProtocolFee::<T>::get(), fee);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

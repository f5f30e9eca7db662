//! Storage, call-argument and runtime-API types of the IP-NFT pallet. Every stored type is
//! bounded (`MaxEncodedLen`).
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::indexing_slicing,
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::panic
	)
)]

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Permill;

pub use heliox_ip_nft::{Allocation, Outcome};

/// Identifier of a crowdsale.
pub type SaleId = u32;

/// Checks that an attestation (a ZKML proof verified by the zk-verifier pallet) exists.
///
/// The runtime implements it with the zk-verifier's `Attestations` storage (keyed by the
/// 32-byte statement id); `()` knows no attestation.
pub trait AttestationExists<Id> {
	/// Whether the attestation `id` exists.
	fn attestation_exists(id: &Id) -> bool;
}

impl<Id> AttestationExists<Id> for () {
	fn attestation_exists(_id: &Id) -> bool {
		false
	}
}

/// The number of accounts holding an asset (for the runtime API only).
///
/// The runtime implements it with `pallet_assets::Asset::<Runtime>::get(id)` (`accounts`);
/// `()` returns 0.
pub trait AssetHolders<AssetId> {
	/// Number of accounts holding `asset`.
	fn holders(asset: &AssetId) -> u32;
}

impl<AssetId> AssetHolders<AssetId> for () {
	fn holders(_asset: &AssetId) -> u32 {
		0
	}
}

/// The legal kind of an agreement wrapped by an IP-NFT.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum AgreementKind {
	/// A sponsored research agreement.
	Research,
	/// An assignment of the IP rights.
	Assignment,
	/// A license agreement.
	License,
	/// Any other agreement.
	Other,
}

/// One agreement document: its kind, the hash of its content, where it is stored and its MIME
/// type. `encrypted` documents are read off-chain by holders of a read grant.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(UriLen, StringLen))]
#[codec(mel_bound())]
pub struct Agreement<UriLen: Get<u32>, StringLen: Get<u32>> {
	/// The legal kind.
	pub kind: AgreementKind,
	/// Hash of the document's content (e.g. sha2-256 or blake2-256 of the file).
	pub content_hash: H256,
	/// Where the document is stored (`ipfs://...`, `ar://...`).
	pub uri: BoundedVec<u8, UriLen>,
	/// MIME type (`application/pdf`).
	pub mime: BoundedVec<u8, StringLen>,
	/// Whether the document is encrypted (readable with a read grant).
	pub encrypted: bool,
}

/// Details of the research project behind the IP.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(StringLen))]
#[codec(mel_bound())]
pub struct ProjectDetails<StringLen: Get<u32>> {
	/// Industry (`Pharmaceutical R&D`).
	pub industry: BoundedVec<u8, StringLen>,
	/// Organization running the research.
	pub organization: BoundedVec<u8, StringLen>,
	/// Research topic.
	pub topic: BoundedVec<u8, StringLen>,
	/// Funding sought, in USD cents (informational).
	pub funding_amount: u128,
}

/// Who receives royalties on IP-NFT sales and crowdsale proceeds, and how much.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Royalty<AccountId> {
	/// The recipient.
	pub recipient: AccountId,
	/// The rate (at most `MaxRoyalty`).
	pub rate: Permill,
}

/// Everything an issuer authorizes at mint. Its SCALE encoding, hashed with `blake2_256`, is
/// the content hash in the signed mint payload.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(SymbolLen, StringLen, UriLen, MaxAgreements))]
#[codec(mel_bound(AccountId: MaxEncodedLen))]
#[allow(clippy::multiple_bound_locations)]
pub struct IpNftMetadata<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	SymbolLen: Get<u32>,
	StringLen: Get<u32>,
	UriLen: Get<u32>,
	MaxAgreements: Get<u32>,
> {
	/// Per-token symbol (`VITA-001`).
	pub symbol: BoundedVec<u8, SymbolLen>,
	/// Project details.
	pub details: ProjectDetails<StringLen>,
	/// The agreement documents.
	pub agreements: BoundedVec<Agreement<UriLen, StringLen>, MaxAgreements>,
	/// Royalty on sales and crowdsale proceeds.
	pub royalty: Royalty<AccountId>,
}

/// The pallet's record of an IP-NFT (the item itself lives in `pallet-nfts`). Agreements,
/// attestations and read grants are stored apart.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(SymbolLen, StringLen))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
#[allow(clippy::multiple_bound_locations)]
pub struct IpNftRecord<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	SymbolLen: Get<u32>,
	StringLen: Get<u32>,
> {
	/// Who minted it.
	pub minter: AccountId,
	/// The issuer who authorized the mint.
	pub issuer: AccountId,
	/// Per-token symbol.
	pub symbol: BoundedVec<u8, SymbolLen>,
	/// Project details.
	pub details: ProjectDetails<StringLen>,
	/// Royalty recipient and rate, fixed at mint.
	pub royalty: Royalty<AccountId>,
	/// Block of the mint.
	pub minted_at: BlockNumber,
	/// The owner (controller while tokenized) as last seen by this pallet.
	pub owner: AccountId,
	/// Bumped every time the owner changes; read grants carry the epoch they were made in.
	pub owner_epoch: u32,
}

/// A read grant on the encrypted documents of an IP-NFT.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct ReadGrant<AccountId, BlockNumber> {
	/// The reader.
	pub who: AccountId,
	/// Last block the grant is valid.
	pub until: BlockNumber,
	/// The owner who granted it.
	pub granted_by: AccountId,
	/// The owner epoch at grant time; a different epoch voids the grant.
	pub epoch: u32,
}

/// The IP token (IPT) of a tokenized IP-NFT.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(SymbolLen))]
#[codec(mel_bound(AccountId: MaxEncodedLen, AssetId: MaxEncodedLen))]
#[allow(clippy::multiple_bound_locations)]
pub struct Ipt<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	AssetId: Clone + PartialEq + Eq + core::fmt::Debug,
	SymbolLen: Get<u32>,
> {
	/// The `pallet-assets` asset (admin: the pallet account).
	pub asset: AssetId,
	/// Hard cap on the supply, fixed at tokenization.
	pub cap: u128,
	/// IPT base units minted so far (only `unify` burns, and it ends the IPT).
	pub minted: u128,
	/// Hash of the terms holders accept.
	pub terms_hash: H256,
	/// IPT symbol.
	pub symbol: BoundedVec<u8, SymbolLen>,
	/// The account that tokenized: it controls the IP-NFT (and mints within the cap) while
	/// the NFT is locked in the pallet account.
	pub controller: AccountId,
}

/// The currency of a crowdsale or a listing.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum SaleCurrency {
	/// HLX, the native balance.
	Native,
	/// AID (a `pallet-assets` asset).
	Aid,
}

/// The terms of a crowdsale chosen by the seller.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct SaleParams<BlockNumber> {
	/// What bidders pay in.
	pub currency: SaleCurrency,
	/// Currency base units per IPT base unit.
	pub price: u128,
	/// IPT base units offered (escrowed from the seller at start).
	pub tokens_for_sale: u128,
	/// Currency that must be raised for the sale to succeed (at most `price · tokens`).
	pub funding_goal: u128,
	/// First block bids are accepted.
	pub start: BlockNumber,
	/// Bids are accepted while `now < end`; settlement from `end` on.
	pub end: BlockNumber,
	/// Purchased IPTs stay in escrow until `end + lock_period`.
	pub lock_period: BlockNumber,
}

/// Where a crowdsale stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum SaleStatus {
	/// Accepting bids (between `start` and `end`) or waiting to be settled.
	Open,
	/// Settled; bidders claim.
	Settled(Outcome),
}

/// A crowdsale of IPTs, with the running totals the claims and `try_state` need.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Sale<AccountId, AssetId, ItemId, BlockNumber> {
	/// The IP-NFT whose IPTs are sold.
	pub ip_nft: ItemId,
	/// The IPT asset.
	pub asset: AssetId,
	/// The seller (the IP-NFT's controller): receives unsold tokens.
	pub seller: AccountId,
	/// Receives the net proceeds (the seller or its BioDAO account).
	pub beneficiary: AccountId,
	/// The terms.
	pub params: SaleParams<BlockNumber>,
	/// Whether only allow-listed accounts may bid.
	pub restricted: bool,
	/// Sum of all bids.
	pub raised: u128,
	/// Number of distinct bidders.
	pub bidders: u32,
	/// Open or settled.
	pub status: SaleStatus,
	/// Fee, royalty and net paid at settlement.
	pub split: heliox_ip_nft::ProceedsSplit,
	/// Refunds paid to bidders so far.
	pub refunds_paid: u128,
	/// IPTs delivered to bidders so far.
	pub tokens_delivered: u128,
	/// Bidders whose refund part was claimed.
	pub refund_claims: u32,
	/// Bidders whose token part was claimed.
	pub token_claims: u32,
	/// Currency rounding dust returned to the beneficiary after the last refund claim.
	pub currency_dust: u128,
	/// IPT rounding dust returned to the seller after the last token claim.
	pub token_dust: u128,
}

/// One bidder's position in a sale.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Bid {
	/// Total paid into escrow.
	pub amount: u128,
	/// Whether the refund part was claimed.
	pub refunded: bool,
	/// Whether the token part was claimed.
	pub tokens_received: bool,
}

/// An IP-NFT listed for sale inside this pallet (the sale pays the royalty).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Listing<AccountId> {
	/// The owner who listed it; the listing is void once someone else owns the NFT.
	pub seller: AccountId,
	/// Currency of the price.
	pub currency: SaleCurrency,
	/// The price.
	pub price: u128,
}

/// An agreement as the runtime API shows it: (kind, content hash, uri, mime, encrypted).
pub type AgreementView = (AgreementKind, H256, Vec<u8>, Vec<u8>, bool);

/// An IP-NFT as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct IpNftView<AccountId, AssetId, BlockNumber> {
	/// The current owner (the controller while tokenized).
	pub owner: AccountId,
	/// The account holding the NFT in `pallet-nfts` (the pallet account while tokenized).
	pub holder: Option<AccountId>,
	/// Who minted it.
	pub minter: AccountId,
	/// The issuer who authorized it.
	pub issuer: AccountId,
	/// Per-token symbol.
	pub symbol: Vec<u8>,
	/// Industry, organization, topic.
	pub details: (Vec<u8>, Vec<u8>, Vec<u8>),
	/// Funding sought (informational).
	pub funding_amount: u128,
	/// Agreements: (kind, content hash, uri, mime, encrypted).
	pub agreements: Vec<AgreementView>,
	/// Linked ZKML attestations.
	pub attestations: Vec<H256>,
	/// Royalty recipient and rate.
	pub royalty: Royalty<AccountId>,
	/// Block of the mint.
	pub minted_at: BlockNumber,
	/// Owner epoch (bumped on every change of owner).
	pub owner_epoch: u32,
	/// The IPT asset, when tokenized.
	pub ipt: Option<AssetId>,
	/// Listing price, when listed by the current owner.
	pub listing: Option<(SaleCurrency, u128)>,
}

/// An IPT as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct IptView<AccountId, AssetId> {
	/// The asset.
	pub asset: AssetId,
	/// Total supply now.
	pub supply: u128,
	/// Hard cap.
	pub cap: u128,
	/// Accounts holding it.
	pub holders: u32,
	/// Terms hash to accept.
	pub terms_hash: H256,
	/// Symbol.
	pub symbol: Vec<u8>,
	/// Controller of the locked IP-NFT.
	pub controller: AccountId,
	/// The active (unsettled) sale, if any.
	pub active_sale: Option<SaleId>,
}

/// A bidder's position as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct BidPreview<BlockNumber> {
	/// Total bid.
	pub bid: u128,
	/// Tokens and refund if the sale settled now (or as settled).
	pub allocation: Allocation,
	/// Whether the sale is settled (otherwise the allocation is a preview).
	pub settled: bool,
	/// Whether the refund part was claimed.
	pub refunded: bool,
	/// Whether the token part was claimed.
	pub tokens_received: bool,
	/// First block the tokens can be claimed.
	pub tokens_unlock_at: BlockNumber,
}

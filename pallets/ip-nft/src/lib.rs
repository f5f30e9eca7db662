//! # IP-NFT registry (DeSci)
//!
//! This pallet registers **IP-NFTs**: non-fungible tokens that wrap the legal agreements of a
//! research project (a sponsored research or assignment agreement), lets their owners
//! **fractionalize** them into capped IP tokens (**IPTs**), raise funds in pro-rata
//! **crowdsales** of those IPTs, sell the NFT with an on-chain **royalty**, and link
//! **ZKML attestations** (verified by the zk-verifier pallet) to the IP.
//!
//! ## Concepts
//!
//! * **IP-NFT**: an item of one `pallet-nfts` collection owned by the pallet account
//!   ([`Pallet::account_id`]); the collection is created by the first mint. This pallet keeps
//!   the IP metadata: per-token symbol, project details, agreement documents (kind, content
//!   hash, URI, MIME, encrypted flag; bounded), the royalty recipient and rate, and the linked
//!   attestations. Ownership is `pallet-nfts` ownership: the NFT moves freely through
//!   `pallet-nfts` too.
//! * **Issuer authorization**: minting needs a signature by an account on the governance
//!   allow-list of issuers ([`Pallet::add_issuer`], `IssuerOrigin`). The issuer signs the
//!   *exact* mint: a domain-separated message ([`heliox_ip_nft::payload`]) binding the chain
//!   (genesis hash), the minter, the recipient, a single-use nonce, a deadline and the
//!   `blake2_256` hash of the whole metadata ([`IpNftMetadata`]: symbol, details, agreements,
//!   royalty). A nonce is consumed on use, so a signature cannot be replayed.
//!   [`Pallet::amend_agreements`] replaces the agreements and needs both the owner (the caller)
//!   and an issuer's signature over the amendment (its own domain, the IP-NFT id, the owner,
//!   a nonce, a deadline and the hash of the new agreements) — one call, no co-signing round.
//! * **Read grants**: the owner grants read access to the encrypted documents until a block
//!   ([`Pallet::grant_read`], [`Pallet::revoke_read`]); off-chain key servers ask
//!   [`Pallet::has_read_access`]. Grants die with a change of owner: each IP-NFT has an
//!   `owner_epoch` bumped whenever this pallet sees a new owner, and a grant is valid only for
//!   the owner and epoch it was made under — so a transfer made directly through `pallet-nfts`
//!   voids the previous owner's grants at once, and [`Pallet::transfer_ip_nft`] (or any owner
//!   call after an outside transfer) also deletes them.
//! * **IPTs**: [`Pallet::tokenize`] creates one `pallet-assets` asset per IP-NFT (id
//!   `IptAssetIdBase + n`, admin = the pallet account, so nobody else can mint) with a **hard
//!   cap fixed at creation**, and locks the NFT in the pallet account. The tokenizer (the
//!   *controller*) mints IPTs within the cap ([`Pallet::mint_ipt`]; minting past the cap is
//!   impossible) and keeps the owner's rights over the IP metadata. Holders accept the terms
//!   ([`Pallet::accept_terms`]) before receiving IPTs from this pallet. [`Pallet::unify`]
//!   burns the *whole* supply from one holder and hands the NFT to that holder.
//! * **Crowdsales**: the controller sells IPTs at a fixed price in HLX or AID
//!   ([`Pallet::start_sale`]; tokens escrowed in the pallet account, optional allow-list,
//!   optional lock). Bids are paid into escrow; oversubscription is allowed. After the end
//!   anyone settles ([`Pallet::settle_sale`], O(1)): a missed goal refunds everyone in full; a
//!   met goal sells `min(tokens, raised / price)` tokens pro rata and refunds the surplus pro
//!   rata (math in [`heliox_ip_nft::sale`]), pays the proceeds (`price · tokens sold`) to the
//!   beneficiary minus the protocol fee (treasury) and the royalty, and returns unsold tokens.
//!   Each bidder (or anyone for it) then [`claim`](Pallet::claim)s its refund at once and its
//!   tokens once `end + lock_period` has passed (locked tokens stay in escrow). Rounding dust
//!   goes back to the beneficiary / seller after the last claim. No call iterates bidders.
//! * **Royalties**: paid to the recipient set at mint on IP-NFT sales made in this pallet
//!   ([`Pallet::set_price`] / [`Pallet::buy_ip_nft`]) and on crowdsale proceeds. A gift or a
//!   sale arranged outside (a plain `pallet-nfts` transfer or its own trading) pays none: an
//!   on-chain royalty cannot tell a gift from an off-chain sale.
//! * **Research results**: the owner links ZKML attestations that exist in the zk-verifier
//!   pallet ([`Pallet::attach_attestation`]; bounded, no duplicates).
//!
//! ## Runtime wiring
//!
//! * `Nfts` = `pallet_nfts::Pallet<Runtime>` with `NftCollectionConfig =
//!   pallet_nfts::CollectionConfigFor<Runtime>` and `NftItemConfig = pallet_nfts::ItemConfig`
//!   (defaults: all settings enabled). The pallet account pays the collection deposit at the
//!   first mint and must hold `CollectionDeposit + ED` HLX by then (endow it at genesis); the
//!   item deposit is reserved from the recipient.
//! * `Assets` = `pallet_assets::Pallet<Runtime>` (AID and the IPTs); `NativeCurrency` =
//!   `Balances`. IPT ids `IptAssetIdBase..` must not collide with other assets (ids already in
//!   use are skipped). Escrow is the pallet account; the first sale in a currency tops it up to
//!   that currency's minimum balance from the seller so payouts never reap it.
//! * `Attestations`: implement [`AttestationExists<H256>`] with
//!   `pallet_zk_verifier::Attestations::<Runtime>::contains_key(id.0)`.
//! * The treasury, royalty recipients and beneficiaries must be able to receive their payouts
//!   (existing accounts, or amounts above the existential deposit).
//! * [`runtime_api::IpNftApi`] is implemented by calling the pallet functions of the same
//!   names.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod features;
pub mod runtime_api;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::ip-nft";

/// How many asset ids past the next one `tokenize` tries before giving up.
pub const ASSET_ID_PROBES: u32 = 16;

/// What the benchmarks need from the runtime: an issuer key that can sign, and attestations.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<Signer, AccountId, Signature> {
	/// A new signing key and its account.
	fn signer() -> (Signer, AccountId);
	/// `signer`'s signature over `message`.
	fn sign(signer: &Signer, message: &[u8]) -> Signature;
	/// Makes attestation `id` exist.
	fn create_attestation(id: sp_core::H256);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible, fungibles,
			tokens::nonfungibles_v2::{self, Inspect as _},
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::{
		traits::{AccountIdConversion, AtLeast32BitUnsigned, IdentifyAccount, Verify},
		Permill,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// An agreement document of this runtime.
	pub type AgreementOf<T> = Agreement<<T as Config>::MaxUriLen, <T as Config>::StringLimit>;
	/// The bounded agreements of an IP-NFT.
	pub type AgreementsOf<T> = BoundedVec<AgreementOf<T>, <T as Config>::MaxAgreements>;
	/// The metadata signed at mint.
	pub type MetadataOf<T> = IpNftMetadata<
		<T as frame_system::Config>::AccountId,
		<T as Config>::MaxSymbolLen,
		<T as Config>::StringLimit,
		<T as Config>::MaxUriLen,
		<T as Config>::MaxAgreements,
	>;
	/// The stored record of an IP-NFT.
	pub type RecordOf<T> = IpNftRecord<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxSymbolLen,
		<T as Config>::StringLimit,
	>;
	/// A bounded symbol.
	pub type SymbolOf<T> = BoundedVec<u8, <T as Config>::MaxSymbolLen>;
	/// The IPT record of a tokenized IP-NFT.
	pub type IptOf<T> = Ipt<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		<T as Config>::MaxSymbolLen,
	>;
	/// A crowdsale.
	pub type SaleOf<T> = Sale<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		<T as Config>::ItemId,
		BlockNumberFor<T>,
	>;
	/// A read grant.
	pub type GrantOf<T> = ReadGrant<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// The read grants of an IP-NFT.
	pub type GrantsOf<T> = BoundedVec<GrantOf<T>, <T as Config>::MaxGrants>;
	/// A sale's allow-list.
	pub type AllowListOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxAllowList>;

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Collection id of `pallet-nfts`.
		type CollectionId: Parameter + Member + Copy + MaxEncodedLen;

		/// Item id of `pallet-nfts`: the IP-NFT id, allocated sequentially from 0.
		type ItemId: Parameter + Member + Copy + MaxEncodedLen + AtLeast32BitUnsigned + Default;

		/// `pallet-nfts`, through the `nonfungibles_v2` traits.
		type Nfts: nonfungibles_v2::Inspect<
				Self::AccountId,
				CollectionId = Self::CollectionId,
				ItemId = Self::ItemId,
			> + nonfungibles_v2::Create<Self::AccountId, Self::NftCollectionConfig>
			+ nonfungibles_v2::Mutate<Self::AccountId, Self::NftItemConfig>
			+ nonfungibles_v2::Transfer<Self::AccountId>;

		/// The collection config the IP-NFT collection is created with (its `Default`).
		type NftCollectionConfig: Default;

		/// The item config IP-NFTs are minted with (its `Default`).
		type NftItemConfig: Default;

		/// Identifier of a `pallet-assets` asset (AID and the IPTs).
		type AssetId: Parameter + Member + Copy + MaxEncodedLen + AtLeast32BitUnsigned + Default;

		/// `pallet-assets`: AID and the IPTs. Balances are `u128`.
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = Self::AssetId, Balance = u128>
			+ fungibles::Mutate<Self::AccountId>
			+ fungibles::Create<Self::AccountId>;

		/// HLX, the native balance.
		type NativeCurrency: fungible::Mutate<Self::AccountId, Balance = u128>;

		/// Counts the holders of an asset (runtime API only).
		type AssetHolders: AssetHolders<Self::AssetId>;

		/// The asset id of AID.
		#[pallet::constant]
		type AidAssetId: Get<Self::AssetId>;

		/// IPT asset ids are `IptAssetIdBase + n`, `n` counting up, unless the assets pallet
		/// allocates ids itself.
		#[pallet::constant]
		type IptAssetIdBase: Get<Self::AssetId>;

		/// The id the assets pallet requires for the next asset, when it allocates ids itself
		/// (pallet-assets with `AutoIncAssetId`: `NextAssetId`); `None` (e.g. `()`) to use
		/// `IptAssetIdBase + n`.
		type NextAssetId: Get<Option<Self::AssetId>>;

		/// An issuer's signature (`MultiSignature` in the runtime).
		type Signature: Verify<Signer = Self::Signer> + Parameter;

		/// The signer behind a signature (`MultiSigner`), identifying an account.
		type Signer: IdentifyAccount<AccountId = Self::AccountId>;

		/// Checks that a ZKML attestation exists (the zk-verifier pallet).
		type Attestations: AttestationExists<H256>;

		/// Governance: manages the issuer allow-list.
		type IssuerOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Governance: sets the protocol fee.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The pallet's id; its account owns the IP-NFT collection, administers the IPTs,
		/// holds tokenized NFTs and the crowdsale escrow.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Receives the protocol fee on crowdsale proceeds.
		type TreasuryAccount: Get<Self::AccountId>;

		/// Protocol fee until `set_protocol_fee` is called.
		#[pallet::constant]
		type DefaultProtocolFee: Get<Permill>;

		/// Highest protocol fee. `MaxProtocolFee + MaxRoyalty ≤ 100%`.
		#[pallet::constant]
		type MaxProtocolFee: Get<Permill>;

		/// Highest royalty rate.
		#[pallet::constant]
		type MaxRoyalty: Get<Permill>;

		/// Longest crowdsale (`end - start`), in blocks.
		#[pallet::constant]
		type MaxSaleDuration: Get<BlockNumberFor<Self>>;

		/// Longest lock of purchased IPTs after a sale ends, in blocks.
		#[pallet::constant]
		type MaxLockPeriod: Get<BlockNumberFor<Self>>;

		/// Most agreements per IP-NFT.
		#[pallet::constant]
		type MaxAgreements: Get<u32>;

		/// Longest agreement URI, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;

		/// Longest MIME type or project detail string, in bytes.
		#[pallet::constant]
		type StringLimit: Get<u32>;

		/// Longest symbol, in bytes.
		#[pallet::constant]
		type MaxSymbolLen: Get<u32>;

		/// Most read grants per IP-NFT.
		#[pallet::constant]
		type MaxGrants: Get<u32>;

		/// Most attestations linked to one IP-NFT.
		#[pallet::constant]
		type MaxAttestations: Get<u32>;

		/// Longest allow-list of a sale.
		#[pallet::constant]
		type MaxAllowList: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Benchmark helper.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::Signer, Self::AccountId, Self::Signature>;
	}

	/// The protocol fee until `set_protocol_fee`.
	#[pallet::type_value]
	pub fn DefaultFee<T: Config>() -> Permill {
		T::DefaultProtocolFee::get()
	}

	/// The `pallet-nfts` collection of IP-NFTs (created by the first mint).
	#[pallet::storage]
	pub type Collection<T: Config> = StorageValue<_, T::CollectionId, OptionQuery>;

	/// The id of the next IP-NFT.
	#[pallet::storage]
	pub type NextIpNftId<T: Config> = StorageValue<_, T::ItemId, ValueQuery>;

	/// IP-NFT records.
	#[pallet::storage]
	pub type IpNfts<T: Config> = StorageMap<_, Twox64Concat, T::ItemId, RecordOf<T>, OptionQuery>;

	/// The agreements of each IP-NFT.
	#[pallet::storage]
	pub type Agreements<T: Config> =
		StorageMap<_, Twox64Concat, T::ItemId, AgreementsOf<T>, ValueQuery>;

	/// The ZKML attestations linked to each IP-NFT.
	#[pallet::storage]
	pub type Attestations<T: Config> =
		StorageMap<_, Twox64Concat, T::ItemId, BoundedVec<H256, T::MaxAttestations>, ValueQuery>;

	/// Read grants of each IP-NFT (at most `MaxGrants`; cleared on a change of owner).
	#[pallet::storage]
	pub type ReadGrants<T: Config> =
		StorageMap<_, Twox64Concat, T::ItemId, GrantsOf<T>, ValueQuery>;

	/// Accounts allowed to authorize mints and amendments.
	#[pallet::storage]
	pub type Issuers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// Nonces consumed by each issuer's authorizations.
	#[pallet::storage]
	pub type UsedNonces<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, u64, (), OptionQuery>;

	/// The IPT of each tokenized IP-NFT.
	#[pallet::storage]
	pub type Ipts<T: Config> = StorageMap<_, Twox64Concat, T::ItemId, IptOf<T>, OptionQuery>;

	/// `n` of the next IPT asset id `IptAssetIdBase + n`.
	#[pallet::storage]
	pub type NextIptIndex<T> = StorageValue<_, u32, ValueQuery>;

	/// Accounts that accepted the terms of an IPT asset.
	#[pallet::storage]
	pub type TermsAccepted<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AssetId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// Crowdsales.
	#[pallet::storage]
	pub type Sales<T: Config> = StorageMap<_, Twox64Concat, SaleId, SaleOf<T>, OptionQuery>;

	/// The id of the next sale.
	#[pallet::storage]
	pub type NextSaleId<T> = StorageValue<_, SaleId, ValueQuery>;

	/// The unsettled sale of an IP-NFT (at most one).
	#[pallet::storage]
	pub type ActiveSale<T: Config> = StorageMap<_, Twox64Concat, T::ItemId, SaleId, OptionQuery>;

	/// The allow-list of a restricted, unsettled sale.
	#[pallet::storage]
	pub type SaleAllowList<T: Config> =
		StorageMap<_, Twox64Concat, SaleId, AllowListOf<T>, OptionQuery>;

	/// Bids by sale and bidder.
	#[pallet::storage]
	pub type Bids<T: Config> =
		StorageDoubleMap<_, Twox64Concat, SaleId, Blake2_128Concat, T::AccountId, Bid, OptionQuery>;

	/// IP-NFTs listed for sale in this pallet.
	#[pallet::storage]
	pub type Listings<T: Config> =
		StorageMap<_, Twox64Concat, T::ItemId, Listing<T::AccountId>, OptionQuery>;

	/// The protocol fee on crowdsale proceeds.
	#[pallet::storage]
	pub type ProtocolFee<T: Config> = StorageValue<_, Permill, ValueQuery, DefaultFee<T>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial issuers.
		pub issuers: alloc::vec::Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for who in &self.issuers {
				Issuers::<T>::insert(who, ());
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	#[allow(missing_docs)]
	pub enum Event<T: Config> {
		/// The IP-NFT collection was created (owned by the pallet account).
		CollectionCreated { collection: T::CollectionId },
		/// An account was added to the issuers.
		IssuerAdded { who: T::AccountId },
		/// An account was removed from the issuers.
		IssuerRemoved { who: T::AccountId },
		/// An IP-NFT was minted under an issuer's authorization.
		IpNftMinted {
			ip_nft: T::ItemId,
			minter: T::AccountId,
			owner: T::AccountId,
			issuer: T::AccountId,
			nonce: u64,
			content_hash: H256,
		},
		/// The agreements of an IP-NFT were replaced (owner + issuer).
		AgreementsAmended {
			ip_nft: T::ItemId,
			issuer: T::AccountId,
			nonce: u64,
			content_hash: H256,
		},
		/// A read grant was made or extended.
		ReadGranted { ip_nft: T::ItemId, who: T::AccountId, until: BlockNumberFor<T>, epoch: u32 },
		/// A read grant was revoked.
		ReadRevoked { ip_nft: T::ItemId, who: T::AccountId },
		/// The pallet saw a new owner: the epoch was bumped, grants and listing dropped.
		OwnerChanged {
			ip_nft: T::ItemId,
			from: T::AccountId,
			to: T::AccountId,
			epoch: u32,
			grants_cleared: u32,
		},
		/// An IP-NFT was transferred through this pallet.
		IpNftTransferred { ip_nft: T::ItemId, from: T::AccountId, to: T::AccountId },
		/// An IP-NFT was tokenized: its IPT was created and the NFT locked.
		Tokenized {
			ip_nft: T::ItemId,
			asset: T::AssetId,
			cap: u128,
			terms_hash: H256,
			controller: T::AccountId,
		},
		/// IPTs were minted within the cap.
		IptMinted {
			ip_nft: T::ItemId,
			asset: T::AssetId,
			to: T::AccountId,
			amount: u128,
			minted: u128,
		},
		/// An account accepted the terms of an IPT.
		TermsAccepted { ip_nft: T::ItemId, asset: T::AssetId, who: T::AccountId },
		/// The whole IPT supply was burned and the NFT released.
		Unified { ip_nft: T::ItemId, asset: T::AssetId, who: T::AccountId, burned: u128 },
		/// A crowdsale started; its tokens are in escrow.
		SaleStarted {
			sale: SaleId,
			ip_nft: T::ItemId,
			seller: T::AccountId,
			beneficiary: T::AccountId,
			params: SaleParams<BlockNumberFor<T>>,
			restricted: bool,
		},
		/// A bid was paid into escrow.
		BidPlaced { sale: SaleId, who: T::AccountId, amount: u128, total_bid: u128, raised: u128 },
		/// A sale was settled: proceeds split paid, unsold tokens returned.
		SaleSettled {
			sale: SaleId,
			outcome: Outcome,
			fee: u128,
			royalty: u128,
			net: u128,
			unsold_returned: u128,
		},
		/// A bidder's refund and/or tokens were paid.
		Claimed { sale: SaleId, who: T::AccountId, tokens: u128, refund: u128 },
		/// Rounding dust went back after the last claim (currency to the beneficiary,
		/// tokens to the seller).
		DustReturned { sale: SaleId, currency: u128, tokens: u128 },
		/// An IP-NFT was listed (or its price changed).
		Listed { ip_nft: T::ItemId, seller: T::AccountId, currency: SaleCurrency, price: u128 },
		/// A listing was withdrawn.
		Unlisted { ip_nft: T::ItemId },
		/// A listed IP-NFT was bought; the royalty went to the recipient.
		IpNftSold {
			ip_nft: T::ItemId,
			seller: T::AccountId,
			buyer: T::AccountId,
			currency: SaleCurrency,
			price: u128,
			royalty: u128,
		},
		/// A ZKML attestation was linked to an IP-NFT.
		AttestationAttached { ip_nft: T::ItemId, attestation: H256 },
		/// The protocol fee was set.
		ProtocolFeeSet { fee: Permill },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not an authorized issuer.
		NotIssuer,
		/// The account is already an issuer.
		AlreadyIssuer,
		/// The authorization's deadline has passed.
		AuthorizationExpired,
		/// The issuer already used this nonce (replayed authorization).
		NonceUsed,
		/// The signature does not match the issuer and the exact payload.
		BadSignature,
		/// The royalty rate is above `MaxRoyalty`.
		RoyaltyTooHigh,
		/// No such IP-NFT (or it was burned in `pallet-nfts`).
		UnknownIpNft,
		/// The caller does not own (or control) the IP-NFT.
		NotOwner,
		/// The IP-NFT is tokenized (locked in the pallet).
		AlreadyTokenized,
		/// The IP-NFT is not tokenized.
		NotTokenized,
		/// A read grant must end in the future.
		InvalidExpiry,
		/// Too many live read grants.
		TooManyGrants,
		/// No read grant for that account.
		NoSuchGrant,
		/// An amount or price is zero.
		ZeroAmount,
		/// Minting would take the IPT supply above its cap.
		CapExceeded,
		/// The terms hash is not the IPT's.
		TermsMismatch,
		/// The terms were already accepted.
		AlreadyAccepted,
		/// The account must accept the IPT's terms first.
		TermsNotAccepted,
		/// The caller does not hold the whole IPT supply.
		NotWholeSupply,
		/// No free asset id in the next `ASSET_ID_PROBES` of the IPT range.
		AssetIdUnavailable,
		/// The IP-NFT already has an unsettled sale.
		SaleAlreadyActive,
		/// The funding goal is above `price · tokens_for_sale`.
		GoalTooHigh,
		/// An arithmetic result would not fit.
		Overflow,
		/// The sale must start now or later and end after it starts.
		InvalidSchedule,
		/// The sale lasts longer than `MaxSaleDuration`.
		SaleTooLong,
		/// The lock period is longer than `MaxLockPeriod`.
		LockTooLong,
		/// The seller holds fewer IPTs than offered.
		InsufficientTokens,
		/// No such sale.
		UnknownSale,
		/// The sale has not started.
		SaleNotStarted,
		/// The sale has ended.
		SaleEnded,
		/// The sale is restricted and the account is not on its allow-list.
		NotAllowListed,
		/// The sale has not ended.
		SaleNotEnded,
		/// The sale is already settled.
		SaleAlreadySettled,
		/// The sale is not settled yet.
		SaleNotSettled,
		/// The account did not bid in this sale.
		NoBid,
		/// The purchased tokens are still locked (refund already claimed).
		TokensLocked,
		/// Everything was already claimed.
		NothingToClaim,
		/// The IP-NFT is not listed by its current owner.
		NotForSale,
		/// The price is above the buyer's maximum.
		PriceTooHigh,
		/// The account already owns the IP-NFT.
		AlreadyOwner,
		/// The attestation does not exist.
		UnknownAttestation,
		/// The attestation is already linked.
		AlreadyAttached,
		/// Too many attestations.
		TooManyAttestations,
		/// The fee is above `MaxProtocolFee`.
		FeeTooHigh,
	}

	impl<T> From<heliox_ip_nft::SaleError> for Error<T> {
		fn from(error: heliox_ip_nft::SaleError) -> Self {
			match error {
				heliox_ip_nft::SaleError::ZeroAmount => Error::ZeroAmount,
				heliox_ip_nft::SaleError::GoalTooHigh => Error::GoalTooHigh,
				heliox_ip_nft::SaleError::Overflow | heliox_ip_nft::SaleError::Inconsistent => {
					Error::Overflow
				},
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::MaxProtocolFee::get()
					.deconstruct()
					.saturating_add(T::MaxRoyalty::get().deconstruct())
					<= Permill::one().deconstruct(),
				"MaxProtocolFee + MaxRoyalty must not exceed 100%"
			);
			assert!(
				T::DefaultProtocolFee::get() <= T::MaxProtocolFee::get(),
				"DefaultProtocolFee above MaxProtocolFee"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `who` to the issuers allowed to authorize mints and amendments.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_issuer())]
		pub fn add_issuer(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::IssuerOrigin::ensure_origin(origin)?;
			ensure!(!Issuers::<T>::contains_key(&who), Error::<T>::AlreadyIssuer);
			Issuers::<T>::insert(&who, ());
			Self::deposit_event(Event::IssuerAdded { who });
			Ok(())
		}

		/// Removes `who` from the issuers (its unused authorizations die with it).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_issuer())]
		pub fn remove_issuer(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::IssuerOrigin::ensure_origin(origin)?;
			ensure!(Issuers::<T>::contains_key(&who), Error::<T>::NotIssuer);
			Issuers::<T>::remove(&who);
			Self::deposit_event(Event::IssuerRemoved { who });
			Ok(())
		}

		/// Mints an IP-NFT with `metadata` to `recipient`, authorized by `issuer`'s
		/// `signature` over the mint payload (see [`heliox_ip_nft::payload`]) with `nonce`
		/// and `deadline`. The caller is the minter named in the payload.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::mint_ip_nft(metadata.agreements.len() as u32))]
		pub fn mint_ip_nft(
			origin: OriginFor<T>,
			recipient: T::AccountId,
			metadata: MetadataOf<T>,
			nonce: u64,
			deadline: BlockNumberFor<T>,
			issuer: T::AccountId,
			signature: T::Signature,
		) -> DispatchResult {
			let minter = ensure_signed(origin)?;
			Self::do_mint(minter, recipient, metadata, nonce, deadline, issuer, signature)
		}

		/// Replaces the agreements of `ip_nft`: the caller must own it and `issuer` must have
		/// signed the amendment payload (IP-NFT id, owner, `nonce`, `deadline`, hash of
		/// `agreements`).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::amend_agreements(agreements.len() as u32))]
		pub fn amend_agreements(
			origin: OriginFor<T>,
			ip_nft: T::ItemId,
			agreements: AgreementsOf<T>,
			nonce: u64,
			deadline: BlockNumberFor<T>,
			issuer: T::AccountId,
			signature: T::Signature,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_amend(owner, ip_nft, agreements, nonce, deadline, issuer, signature)
		}

		/// Grants `who` read access to the encrypted documents of `ip_nft` until block
		/// `until` (inclusive), or changes the end of its grant. Owner only.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::grant_read())]
		pub fn grant_read(
			origin: OriginFor<T>,
			ip_nft: T::ItemId,
			who: T::AccountId,
			until: BlockNumberFor<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_grant_read(owner, ip_nft, who, until)
		}

		/// Revokes `who`'s read grant on `ip_nft`. Owner only.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::revoke_read())]
		pub fn revoke_read(
			origin: OriginFor<T>,
			ip_nft: T::ItemId,
			who: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_revoke_read(owner, ip_nft, who)
		}

		/// Transfers `ip_nft` to `dest`, clearing its read grants and listing.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::transfer_ip_nft())]
		pub fn transfer_ip_nft(
			origin: OriginFor<T>,
			ip_nft: T::ItemId,
			dest: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_transfer(owner, ip_nft, dest)
		}

		/// Creates the IPT of `ip_nft` with the hard cap `supply_cap`, `symbol` and the
		/// `terms_hash` holders accept, and locks the NFT in the pallet account. Owner only.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::tokenize())]
		pub fn tokenize(
			origin: OriginFor<T>,
			ip_nft: T::ItemId,
			supply_cap: u128,
			symbol: SymbolOf<T>,
			terms_hash: H256,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_tokenize(owner, ip_nft, supply_cap, symbol, terms_hash)
		}

		/// Mints `amount` IPTs of `ip_nft` to `to` (who accepted the terms), within the cap.
		/// Controller only.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::mint_ipt())]
		pub fn mint_ipt(
			origin: OriginFor<T>,
			ip_nft: T::ItemId,
			to: T::AccountId,
			amount: u128,
		) -> DispatchResult {
			let controller = ensure_signed(origin)?;
			Self::do_mint_ipt(controller, ip_nft, to, amount)
		}

		/// Accepts the terms (`terms_hash`) of the IPT of `ip_nft`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::accept_terms())]
		pub fn accept_terms(
			origin: OriginFor<T>,
			ip_nft: T::ItemId,
			terms_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_terms(who, ip_nft, terms_hash)
		}

		/// Burns the whole IPT supply of `ip_nft`, all held by the caller, and gives the
		/// caller the NFT.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::unify())]
		pub fn unify(origin: OriginFor<T>, ip_nft: T::ItemId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unify(who, ip_nft)
		}

		/// Starts a crowdsale of IPTs of `ip_nft` on `params`, escrowing the tokens from the
		/// caller (the controller). `allow_list`: only these accounts may bid.
		/// `beneficiary`: receives the net proceeds (default: the caller).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::start_sale(
			allow_list.as_ref().map_or(0, |list| list.len() as u32)
		))]
		pub fn start_sale(
			origin: OriginFor<T>,
			ip_nft: T::ItemId,
			params: SaleParams<BlockNumberFor<T>>,
			allow_list: Option<AllowListOf<T>>,
			beneficiary: Option<T::AccountId>,
		) -> DispatchResult {
			let seller = ensure_signed(origin)?;
			Self::do_start_sale(seller, ip_nft, params, allow_list, beneficiary)
		}

		/// Bids `amount` in `sale`, paid into escrow now.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::bid())]
		pub fn bid(origin: OriginFor<T>, sale: SaleId, amount: u128) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bid(who, sale, amount)
		}

		/// Settles `sale` after its end (anyone): refunds or pro-rata allocation, proceeds
		/// split, unsold tokens back. O(1): bidders then claim.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::settle_sale())]
		pub fn settle_sale(origin: OriginFor<T>, sale: SaleId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle(sale)
		}

		/// Pays `who`'s refund and (once unlocked) tokens from the settled `sale`. Anyone may
		/// call it for any bidder.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::claim())]
		pub fn claim(origin: OriginFor<T>, sale: SaleId, who: T::AccountId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim(sale, who)
		}

		/// Lists `ip_nft` at `price` in `currency` (`None`: withdraws the listing). Owner only.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::set_price())]
		pub fn set_price(
			origin: OriginFor<T>,
			ip_nft: T::ItemId,
			currency: SaleCurrency,
			price: Option<u128>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_set_price(owner, ip_nft, currency, price)
		}

		/// Buys the listed `ip_nft` for its price (at most `max_price`); the royalty goes to
		/// the recipient set at mint, the rest to the seller.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::buy_ip_nft())]
		pub fn buy_ip_nft(
			origin: OriginFor<T>,
			ip_nft: T::ItemId,
			max_price: u128,
		) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_buy(buyer, ip_nft, max_price)
		}

		/// Links the existing ZKML attestation `attestation_id` to `ip_nft`. Owner only.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::attach_attestation())]
		pub fn attach_attestation(
			origin: OriginFor<T>,
			ip_nft: T::ItemId,
			attestation_id: H256,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_attach_attestation(owner, ip_nft, attestation_id)
		}

		/// Sets the protocol fee on crowdsale proceeds (at most `MaxProtocolFee`).
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::set_protocol_fee())]
		pub fn set_protocol_fee(origin: OriginFor<T>, fee: Permill) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(fee <= T::MaxProtocolFee::get(), Error::<T>::FeeTooHigh);
			ProtocolFee::<T>::put(fee);
			Self::deposit_event(Event::ProtocolFeeSet { fee });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The pallet account: owns the collection, administers the IPTs, holds tokenized
		/// NFTs and the crowdsale escrow.
		pub fn account_id() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// The holder of `ip_nft` in `pallet-nfts`.
		pub fn nft_holder(ip_nft: &T::ItemId) -> Option<T::AccountId> {
			Collection::<T>::get().and_then(|collection| T::Nfts::owner(&collection, ip_nft))
		}
	}
}

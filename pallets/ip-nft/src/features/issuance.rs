//! Issuers, issuer-authorized mints and amendments of the agreements.

use crate::*;
use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		tokens::nonfungibles_v2::{Create, Mutate},
		Get,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedAdd, One, Verify, Zero},
	DispatchError,
};

impl<T: Config> Pallet<T> {
	/// The genesis hash: the chain part of every signed payload.
	pub fn genesis_hash() -> T::Hash {
		frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
	}

	/// `blake2_256` of the SCALE encoding of `value` (the content hash of a payload).
	pub fn content_hash<V: Encode>(value: &V) -> [u8; 32] {
		sp_io::hashing::blake2_256(&value.encode())
	}

	/// The exact message an issuer signs to allow `minter` to mint `metadata` to
	/// `recipient`.
	pub fn mint_message(
		minter: &T::AccountId,
		recipient: &T::AccountId,
		metadata: &MetadataOf<T>,
		nonce: u64,
		deadline: BlockNumberFor<T>,
	) -> alloc::vec::Vec<u8> {
		heliox_ip_nft::mint_payload(
			&Self::genesis_hash(),
			minter,
			recipient,
			nonce,
			&deadline,
			&Self::content_hash(metadata),
		)
	}

	/// The exact message an issuer signs to allow `owner` to set `agreements` on `ip_nft`.
	pub fn amend_message(
		ip_nft: &T::ItemId,
		owner: &T::AccountId,
		agreements: &AgreementsOf<T>,
		nonce: u64,
		deadline: BlockNumberFor<T>,
	) -> alloc::vec::Vec<u8> {
		heliox_ip_nft::amend_payload(
			&Self::genesis_hash(),
			ip_nft,
			owner,
			nonce,
			&deadline,
			&Self::content_hash(agreements),
		)
	}

	/// Checks an authorization (issuer, deadline, unused nonce, signature over `message`)
	/// and consumes its nonce.
	fn check_authorization(
		issuer: &T::AccountId,
		nonce: u64,
		deadline: BlockNumberFor<T>,
		message: &[u8],
		signature: &T::Signature,
	) -> DispatchResult {
		ensure!(Issuers::<T>::contains_key(issuer), Error::<T>::NotIssuer);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= deadline,
			Error::<T>::AuthorizationExpired
		);
		ensure!(!UsedNonces::<T>::contains_key(issuer, nonce), Error::<T>::NonceUsed);
		ensure!(signature.verify(message, issuer), Error::<T>::BadSignature);
		UsedNonces::<T>::insert(issuer, nonce, ());
		Ok(())
	}

	/// The IP-NFT collection, created (owned and administered by the pallet account) if it
	/// does not exist yet.
	pub(crate) fn ensure_collection() -> Result<T::CollectionId, DispatchError> {
		if let Some(collection) = Collection::<T>::get() {
			return Ok(collection);
		}
		let pallet = Self::account_id();
		let collection =
			T::Nfts::create_collection(&pallet, &pallet, &T::NftCollectionConfig::default())?;
		Collection::<T>::put(collection);
		Self::deposit_event(Event::CollectionCreated { collection });
		Ok(collection)
	}

	pub(crate) fn do_mint(
		minter: T::AccountId,
		recipient: T::AccountId,
		metadata: MetadataOf<T>,
		nonce: u64,
		deadline: BlockNumberFor<T>,
		issuer: T::AccountId,
		signature: T::Signature,
	) -> DispatchResult {
		ensure!(metadata.royalty.rate <= T::MaxRoyalty::get(), Error::<T>::RoyaltyTooHigh);
		let message = Self::mint_message(&minter, &recipient, &metadata, nonce, deadline);
		Self::check_authorization(&issuer, nonce, deadline, &message, &signature)?;

		let collection = Self::ensure_collection()?;
		let ip_nft = NextIpNftId::<T>::get();
		let next = ip_nft.checked_add(&One::one()).ok_or(Error::<T>::Overflow)?;
		T::Nfts::mint_into(&collection, &ip_nft, &recipient, &T::NftItemConfig::default(), false)?;
		NextIpNftId::<T>::put(next);

		let content_hash = H256(Self::content_hash(&metadata));
		let IpNftMetadata { symbol, details, agreements, royalty } = metadata;
		IpNfts::<T>::insert(
			ip_nft,
			IpNftRecord {
				minter: minter.clone(),
				issuer: issuer.clone(),
				symbol,
				details,
				royalty,
				minted_at: frame_system::Pallet::<T>::block_number(),
				owner: recipient.clone(),
				owner_epoch: 0,
			},
		);
		Agreements::<T>::insert(ip_nft, agreements);
		Self::deposit_event(Event::IpNftMinted {
			ip_nft,
			minter,
			owner: recipient,
			issuer,
			nonce,
			content_hash,
		});
		Ok(())
	}

	pub(crate) fn do_amend(
		owner: T::AccountId,
		ip_nft: T::ItemId,
		agreements: AgreementsOf<T>,
		nonce: u64,
		deadline: BlockNumberFor<T>,
		issuer: T::AccountId,
		signature: T::Signature,
	) -> DispatchResult {
		Self::ensure_owner(&owner, &ip_nft)?;
		let message = Self::amend_message(&ip_nft, &owner, &agreements, nonce, deadline);
		Self::check_authorization(&issuer, nonce, deadline, &message, &signature)?;
		let content_hash = H256(Self::content_hash(&agreements));
		Agreements::<T>::insert(ip_nft, agreements);
		Self::deposit_event(Event::AgreementsAmended { ip_nft, issuer, nonce, content_hash });
		Ok(())
	}

	/// Whether `who` is an authorized issuer.
	pub fn is_issuer(who: &T::AccountId) -> bool {
		Issuers::<T>::contains_key(who)
	}

	/// The most agreements an IP-NFT may have (for benchmarks and clients).
	pub fn max_agreements() -> u32 {
		T::MaxAgreements::get()
	}
}

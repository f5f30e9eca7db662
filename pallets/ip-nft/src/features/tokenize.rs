//! Fractionalization: IPT creation with a hard cap, minting within it, terms acceptance and
//! unification.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungibles::{Create, Inspect, Mutate},
		tokens::{nonfungibles_v2::Transfer, Fortitude, Precision, Preservation},
		Get,
	},
};
use sp_core::H256;
use sp_runtime::{traits::CheckedAdd, DispatchError};

impl<T: Config> Pallet<T> {
	/// The next free IPT asset id `IptAssetIdBase + n` (ids already taken by other assets are
	/// skipped, at most [`ASSET_ID_PROBES`] of them); returns it and the next `n`.
	pub(crate) fn next_ipt_asset_id() -> Result<(T::AssetId, u32), DispatchError> {
		let mut index = NextIptIndex::<T>::get();
		// An allocating assets pallet accepts exactly its next id.
		if let Some(id) = T::NextAssetId::get() {
			ensure!(!T::Assets::asset_exists(id), Error::<T>::AssetIdUnavailable);
			return Ok((id, index));
		}
		let base = T::IptAssetIdBase::get();
		for _ in 0..ASSET_ID_PROBES {
			let id = base.checked_add(&index.into()).ok_or(Error::<T>::AssetIdUnavailable)?;
			let next = index.checked_add(1).ok_or(Error::<T>::AssetIdUnavailable)?;
			if !T::Assets::asset_exists(id) {
				return Ok((id, next));
			}
			index = next;
		}
		Err(Error::<T>::AssetIdUnavailable.into())
	}

	pub(crate) fn do_tokenize(
		owner: T::AccountId,
		ip_nft: T::ItemId,
		supply_cap: u128,
		symbol: SymbolOf<T>,
		terms_hash: H256,
	) -> DispatchResult {
		ensure!(!Ipts::<T>::contains_key(ip_nft), Error::<T>::AlreadyTokenized);
		Self::ensure_owner(&owner, &ip_nft)?;
		ensure!(supply_cap > 0, Error::<T>::ZeroAmount);
		let (asset, next_index) = Self::next_ipt_asset_id()?;
		let pallet = Self::account_id();
		// Sufficient (holders need no HLX), minimum balance 1 (any allocation is deliverable).
		T::Assets::create(asset, pallet.clone(), true, 1)?;
		NextIptIndex::<T>::put(next_index);
		let collection = Collection::<T>::get().ok_or(Error::<T>::UnknownIpNft)?;
		T::Nfts::transfer(&collection, &ip_nft, &pallet)?;
		Listings::<T>::remove(ip_nft);
		Ipts::<T>::insert(
			ip_nft,
			Ipt {
				asset,
				cap: supply_cap,
				minted: 0,
				terms_hash,
				symbol,
				controller: owner.clone(),
			},
		);
		TermsAccepted::<T>::insert(asset, &owner, ());
		Self::deposit_event(Event::Tokenized {
			ip_nft,
			asset,
			cap: supply_cap,
			terms_hash,
			controller: owner,
		});
		Ok(())
	}

	pub(crate) fn do_mint_ipt(
		controller: T::AccountId,
		ip_nft: T::ItemId,
		to: T::AccountId,
		amount: u128,
	) -> DispatchResult {
		let mut ipt = Ipts::<T>::get(ip_nft).ok_or(Error::<T>::NotTokenized)?;
		ensure!(ipt.controller == controller, Error::<T>::NotOwner);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let minted = ipt.minted.checked_add(amount).ok_or(Error::<T>::CapExceeded)?;
		ensure!(minted <= ipt.cap, Error::<T>::CapExceeded);
		ensure!(TermsAccepted::<T>::contains_key(ipt.asset, &to), Error::<T>::TermsNotAccepted);
		T::Assets::mint_into(ipt.asset, &to, amount)?;
		ipt.minted = minted;
		let asset = ipt.asset;
		Ipts::<T>::insert(ip_nft, ipt);
		Self::deposit_event(Event::IptMinted { ip_nft, asset, to, amount, minted });
		Ok(())
	}

	pub(crate) fn do_accept_terms(
		who: T::AccountId,
		ip_nft: T::ItemId,
		terms_hash: H256,
	) -> DispatchResult {
		let ipt = Ipts::<T>::get(ip_nft).ok_or(Error::<T>::NotTokenized)?;
		ensure!(ipt.terms_hash == terms_hash, Error::<T>::TermsMismatch);
		ensure!(!TermsAccepted::<T>::contains_key(ipt.asset, &who), Error::<T>::AlreadyAccepted);
		TermsAccepted::<T>::insert(ipt.asset, &who, ());
		Self::deposit_event(Event::TermsAccepted { ip_nft, asset: ipt.asset, who });
		Ok(())
	}

	pub(crate) fn do_unify(who: T::AccountId, ip_nft: T::ItemId) -> DispatchResult {
		let ipt = Ipts::<T>::get(ip_nft).ok_or(Error::<T>::NotTokenized)?;
		let supply = T::Assets::total_issuance(ipt.asset);
		let held = Self::ipt_reducible(ipt.asset, &who);
		// With nothing minted only the controller may take the NFT back.
		ensure!(
			held == supply && (supply > 0 || who == ipt.controller),
			Error::<T>::NotWholeSupply
		);
		if supply > 0 {
			T::Assets::burn_from(
				ipt.asset,
				&who,
				supply,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Polite,
			)?;
		}
		Ipts::<T>::remove(ip_nft);
		let mut record = IpNfts::<T>::get(ip_nft).ok_or(Error::<T>::UnknownIpNft)?;
		let collection = Collection::<T>::get().ok_or(Error::<T>::UnknownIpNft)?;
		T::Nfts::transfer(&collection, &ip_nft, &who)?;
		if record.owner != who {
			Self::change_owner(ip_nft, &mut record, who.clone());
		}
		Self::deposit_event(Event::Unified { ip_nft, asset: ipt.asset, who, burned: supply });
		Ok(())
	}
}

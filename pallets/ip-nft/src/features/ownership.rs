//! Ownership as this pallet sees it (owner epochs), read grants and transfers.

use crate::*;
use frame_support::{
	ensure, pallet_prelude::DispatchResult, traits::tokens::nonfungibles_v2::Transfer,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	/// The owner of `ip_nft` now: the controller while tokenized, else the `pallet-nfts`
	/// holder. `None` for an unknown (or burned) IP-NFT.
	pub fn current_owner(ip_nft: &T::ItemId) -> Option<T::AccountId> {
		match Ipts::<T>::get(ip_nft) {
			Some(ipt) => Some(ipt.controller),
			None => Self::nft_holder(ip_nft),
		}
	}

	/// Records `new_owner` as the owner of `ip_nft`: bumps the epoch, drops the read grants
	/// and the listing.
	pub(crate) fn change_owner(
		ip_nft: T::ItemId,
		record: &mut RecordOf<T>,
		new_owner: T::AccountId,
	) {
		let from = core::mem::replace(&mut record.owner, new_owner.clone());
		record.owner_epoch = record.owner_epoch.wrapping_add(1);
		let grants_cleared = ReadGrants::<T>::take(ip_nft).len() as u32;
		Listings::<T>::remove(ip_nft);
		IpNfts::<T>::insert(ip_nft, &*record);
		Self::deposit_event(Event::OwnerChanged {
			ip_nft,
			from,
			to: new_owner,
			epoch: record.owner_epoch,
			grants_cleared,
		});
	}

	/// The record of `ip_nft` with its owner brought up to date (a transfer made directly
	/// through `pallet-nfts` is noticed here).
	pub(crate) fn observed_record(ip_nft: &T::ItemId) -> Result<RecordOf<T>, DispatchError> {
		let mut record = IpNfts::<T>::get(ip_nft).ok_or(Error::<T>::UnknownIpNft)?;
		let owner = Self::current_owner(ip_nft).ok_or(Error::<T>::UnknownIpNft)?;
		if owner != record.owner {
			Self::change_owner(*ip_nft, &mut record, owner);
		}
		Ok(record)
	}

	/// The record of `ip_nft` if `who` owns (controls) it now.
	pub(crate) fn ensure_owner(
		who: &T::AccountId,
		ip_nft: &T::ItemId,
	) -> Result<RecordOf<T>, DispatchError> {
		let record = Self::observed_record(ip_nft)?;
		ensure!(record.owner == *who, Error::<T>::NotOwner);
		Ok(record)
	}

	/// Whether `who` may read the encrypted documents of `ip_nft` now: the owner, or the
	/// holder of an unexpired grant made by the current owner in the current epoch.
	pub fn has_read_access(ip_nft: &T::ItemId, who: &T::AccountId) -> bool {
		let (Some(record), Some(owner)) = (IpNfts::<T>::get(ip_nft), Self::current_owner(ip_nft))
		else {
			return false;
		};
		if owner == *who {
			return true;
		}
		if owner != record.owner {
			// Transferred outside this pallet: the previous owner's grants are void.
			return false;
		}
		let now = frame_system::Pallet::<T>::block_number();
		ReadGrants::<T>::get(ip_nft).iter().any(|grant| {
			grant.who == *who
				&& grant.epoch == record.owner_epoch
				&& grant.granted_by == owner
				&& now <= grant.until
		})
	}

	pub(crate) fn do_grant_read(
		owner: T::AccountId,
		ip_nft: T::ItemId,
		who: T::AccountId,
		until: BlockNumberFor<T>,
	) -> DispatchResult {
		let record = Self::ensure_owner(&owner, &ip_nft)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(until > now, Error::<T>::InvalidExpiry);
		let epoch = record.owner_epoch;
		let mut grants = ReadGrants::<T>::get(ip_nft);
		// Expired or stale grants make room.
		grants.retain(|grant| grant.until >= now && grant.epoch == epoch);
		let grant = ReadGrant { who: who.clone(), until, granted_by: owner, epoch };
		match grants.iter_mut().find(|existing| existing.who == who) {
			Some(existing) => *existing = grant,
			None => grants.try_push(grant).map_err(|_| Error::<T>::TooManyGrants)?,
		}
		ReadGrants::<T>::insert(ip_nft, grants);
		Self::deposit_event(Event::ReadGranted { ip_nft, who, until, epoch });
		Ok(())
	}

	pub(crate) fn do_revoke_read(
		owner: T::AccountId,
		ip_nft: T::ItemId,
		who: T::AccountId,
	) -> DispatchResult {
		Self::ensure_owner(&owner, &ip_nft)?;
		let mut grants = ReadGrants::<T>::get(ip_nft);
		let before = grants.len();
		grants.retain(|grant| grant.who != who);
		ensure!(grants.len() < before, Error::<T>::NoSuchGrant);
		if grants.is_empty() {
			ReadGrants::<T>::remove(ip_nft);
		} else {
			ReadGrants::<T>::insert(ip_nft, grants);
		}
		Self::deposit_event(Event::ReadRevoked { ip_nft, who });
		Ok(())
	}

	/// Moves the (untokenized) `ip_nft` to `dest` in `pallet-nfts` and records the new owner.
	pub(crate) fn move_nft(
		ip_nft: T::ItemId,
		record: &mut RecordOf<T>,
		dest: T::AccountId,
	) -> DispatchResult {
		let collection = Collection::<T>::get().ok_or(Error::<T>::UnknownIpNft)?;
		T::Nfts::transfer(&collection, &ip_nft, &dest)?;
		Self::change_owner(ip_nft, record, dest);
		Ok(())
	}

	pub(crate) fn do_transfer(
		owner: T::AccountId,
		ip_nft: T::ItemId,
		dest: T::AccountId,
	) -> DispatchResult {
		ensure!(!Ipts::<T>::contains_key(ip_nft), Error::<T>::AlreadyTokenized);
		let mut record = Self::ensure_owner(&owner, &ip_nft)?;
		ensure!(dest != owner, Error::<T>::AlreadyOwner);
		Self::move_nft(ip_nft, &mut record, dest.clone())?;
		Self::deposit_event(Event::IpNftTransferred { ip_nft, from: owner, to: dest });
		Ok(())
	}
}

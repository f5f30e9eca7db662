//! The GPU collection in `pallet-nfts` and the item of each GPU.

use crate::*;
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::tokens::nonfungibles_v2::{Create, Inspect, Mutate},
};

impl<T: Config> Pallet<T> {
	/// The GPU collection, created (owned and administered by the pallet account) if it does
	/// not exist yet.
	pub(crate) fn ensure_collection() -> Result<T::CollectionId, DispatchError> {
		if let Some(collection) = GpuCollection::<T>::get() {
			return Ok(collection);
		}
		let owner = Self::account_id();
		let collection =
			T::Nfts::create_collection(&owner, &owner, &T::GpuCollectionConfig::get())?;
		GpuCollection::<T>::put(collection);
		Self::deposit_event(Event::CollectionCreated { collection });
		Ok(collection)
	}

	/// Mints item `gpu` to `owner` (who pays the item deposit) with the GPU's specs as
	/// attributes; returns the collection.
	pub(crate) fn mint_gpu_item(
		gpu: GpuId,
		owner: &T::AccountId,
		model: ModelId,
		specs: &GpuSpecs,
		region: &[u8],
	) -> Result<T::CollectionId, DispatchError> {
		let collection = Self::ensure_collection()?;
		T::Nfts::mint_into(&collection, &gpu, owner, &T::NftItemConfig::default(), false)?;
		T::Nfts::set_attribute(&collection, &gpu, attributes::MODEL, &model.encode())?;
		T::Nfts::set_attribute(&collection, &gpu, attributes::VRAM_MIB, &specs.vram_mib.encode())?;
		T::Nfts::set_attribute(&collection, &gpu, attributes::REGION, region)?;
		T::Nfts::set_attribute(&collection, &gpu, attributes::SERIAL_HASH, &specs.serial_hash)?;
		Ok(collection)
	}

	/// Clears the item's attributes and burns it (if its holder has not burned it already).
	pub(crate) fn burn_gpu_item(gpu: GpuId) -> DispatchResult {
		let Some(collection) = GpuCollection::<T>::get() else { return Ok(()) };
		for key in attributes::ALL {
			// The only possible error is a missing attribute: nothing to clear then.
			let _ = T::Nfts::clear_attribute(&collection, &gpu, key);
		}
		if T::Nfts::owner(&collection, &gpu).is_some() {
			T::Nfts::burn(&collection, &gpu, None)?;
		}
		Ok(())
	}

	/// The owner of `gpu`'s item, if it exists.
	pub fn nft_owner(gpu: GpuId) -> Option<T::AccountId> {
		GpuCollection::<T>::get().and_then(|collection| T::Nfts::owner(&collection, &gpu))
	}

	/// Who receives the holder share of `gpu`'s revenue: its item's owner, or the operator if
	/// the holder burned the item.
	pub fn holder(gpu: GpuId, record: &GpuOf<T>) -> T::AccountId {
		Self::nft_owner(gpu).unwrap_or_else(|| record.provider.clone())
	}
}

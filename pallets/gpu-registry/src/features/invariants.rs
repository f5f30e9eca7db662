//! `try_state` invariants of the pallet.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{
		fungible::InspectHold,
		fungibles::Inspect as _,
		tokens::nonfungibles_v2::{Inspect, InspectEnumerable},
		Get,
	},
};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks every invariant the pallet maintains:
	///
	/// * every GPU's model exists, and `ModelGpus` counts the GPUs of each model;
	/// * GPU ids are below `NextGpuId`;
	/// * `AgentKeys` is a bijection with the GPUs (each GPU's key maps back to it);
	/// * the `GpuStake` hold of each provider equals the stake of its GPUs;
	/// * every item of the GPU collection is a registered GPU's, item id = GPU id (a GPU has
	///   no item only if its holder burned it);
	/// * every open rental is of a registered GPU and ends after it starts; the `RentalEscrow`
	///   hold of each renter equals the `paid` of its open native rentals, and the escrow
	///   account holds at least the `paid` of the open AID rentals (exactly that unless someone
	///   donated to it);
	/// * verifications are of registered GPUs, with at least one pass;
	/// * the revenue shares sum to 100%.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next = NextGpuId::<T>::get();
		let mut stakes: BTreeMap<T::AccountId, u128> = BTreeMap::new();
		let mut per_model: BTreeMap<ModelId, u32> = BTreeMap::new();
		let mut gpus: u32 = 0;
		for (id, record) in Gpus::<T>::iter() {
			gpus = gpus.saturating_add(1);
			ensure!(id < next, "GPU id from the future");
			ensure!(Models::<T>::contains_key(record.model), "GPU of an unknown model");
			let count = per_model.entry(record.model).or_default();
			*count = count.saturating_add(1);
			ensure!(
				AgentKeys::<T>::get(record.agent_key) == Some(id),
				"GPU's agent key does not map back to it"
			);
			let stake = stakes.entry(record.provider.clone()).or_default();
			*stake = stake.checked_add(record.stake).ok_or("stake overflows")?;
		}
		for (id, verification) in Verified::<T>::iter() {
			ensure!(Gpus::<T>::contains_key(id), "verification of a removed GPU");
			ensure!(verification.passes > 0, "verification without a pass");
		}
		ensure!(
			AgentKeys::<T>::iter().count() == gpus as usize,
			"agent keys without a GPU are registered"
		);
		ensure!(
			ModelGpus::<T>::iter().collect::<BTreeMap<_, _>>() == per_model,
			"ModelGpus does not count the GPUs of each model"
		);
		let reason = HoldReason::GpuStake.into();
		for (provider, stake) in &stakes {
			ensure!(
				T::Currency::balance_on_hold(&reason, provider) == *stake,
				"held stake differs from the stake of the provider's GPUs"
			);
		}

		match GpuCollection::<T>::get() {
			Some(collection) => {
				let mut items: u32 = 0;
				for item in T::Nfts::items(&collection) {
					items = items.saturating_add(1);
					ensure!(Gpus::<T>::contains_key(item), "NFT of no registered GPU");
					ensure!(
						T::Nfts::owner(&collection, &item).is_some(),
						"listed NFT has no owner"
					);
				}
				ensure!(items <= gpus, "more GPU NFTs than GPUs");
			},
			None => ensure!(gpus == 0, "GPUs registered without a collection"),
		}

		let mut escrow_native: BTreeMap<T::AccountId, u128> = BTreeMap::new();
		let mut escrow_aid: u128 = 0;
		for (gpu, rental) in Rentals::<T>::iter() {
			ensure!(Gpus::<T>::contains_key(gpu), "rental of an unknown GPU");
			ensure!(rental.end > rental.start, "rental ends before it starts");
			match rental.currency {
				PaymentCurrency::Native => {
					let held = escrow_native.entry(rental.renter.clone()).or_default();
					*held = held.checked_add(rental.paid).ok_or("escrow overflows")?;
				},
				PaymentCurrency::Aid => {
					escrow_aid = escrow_aid.checked_add(rental.paid).ok_or("escrow overflows")?;
				},
			}
		}
		let reason = HoldReason::RentalEscrow.into();
		for (renter, paid) in &escrow_native {
			ensure!(
				T::Currency::balance_on_hold(&reason, renter) == *paid,
				"renter's escrow hold differs from its open native rentals"
			);
		}
		ensure!(
			T::Assets::balance(T::AidAssetId::get(), &Self::escrow_account()) >= escrow_aid,
			"escrow account holds less AID than the open AID rentals"
		);
		ensure!(Shares::<T>::get().is_valid(), "revenue shares do not sum to 100%");
		Ok(())
	}
}

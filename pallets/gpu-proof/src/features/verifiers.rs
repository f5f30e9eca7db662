//! The verifier set: the validators' `gpuv` keys, from the session pallet.

use crate::*;
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::offchain::AppCrypto;
use sp_runtime::{traits::IdentifyAccount, BoundedVec};

impl<T: Config> Pallet<T> {
	/// The account of a `gpuv` key: the account that signs the verifier's transactions.
	pub fn verifier_account(key: &T::AuthorityId) -> T::AccountId {
		Self::verifier_public(key).into_account()
	}

	/// The signing public key of a `gpuv` key.
	pub(crate) fn verifier_public(key: &T::AuthorityId) -> T::Public {
		let generic: <T::OcwCrypto as AppCrypto<T::Public, T::Signature>>::GenericPublic =
			key.clone().into();
		generic.into()
	}

	/// Replaces the verifier set (duplicates dropped, truncated to `MaxVerifiers`). A no-op if
	/// the keys are unchanged; otherwise the set id is bumped, so tallies restart.
	pub fn set_verifiers(keys: impl Iterator<Item = T::AuthorityId>) {
		let mut new: Vec<T::AuthorityId> = Vec::new();
		for key in keys {
			if !new.contains(&key) {
				new.push(key);
			}
		}
		let max = T::MaxVerifiers::get() as usize;
		if new.len() > max {
			log::warn!(target: LOG_TARGET, "{} verifiers, keeping the first {max}", new.len());
			new.truncate(max);
		}
		let old = Verifiers::<T>::get();
		if old.as_slice() == new.as_slice() {
			return;
		}
		for key in old.iter() {
			let account = Self::verifier_account(key);
			VerifierIndex::<T>::remove(&account);
			Reported::<T>::remove(&account);
		}
		for (index, key) in new.iter().enumerate() {
			VerifierIndex::<T>::insert(Self::verifier_account(key), index as u32);
		}
		let count = new.len() as u32;
		Verifiers::<T>::put(BoundedVec::truncate_from(new));
		let set_id = VerifierSetId::<T>::mutate(|id| {
			*id = id.wrapping_add(1);
			*id
		});
		Self::deposit_event(Event::VerifiersChanged { set_id, count });
	}
}

//! The verifier set: the current validators' `gpuv` keys, from the session pallet.

use crate::pallet::*;
use frame_support::traits::OneSessionHandler;
use sp_runtime::BoundToRuntimeAppPublic;

impl<T: Config> Pallet<T> {
	/// Replaces the verifier set (truncated to `MaxVerifiers`); takes effect at the next period.
	pub(crate) fn set_verifiers(keys: impl Iterator<Item = T::AuthorityId>) {
		let keys = Self::bounded_verifiers(keys);
		if keys == Verifiers::<T>::get() {
			return;
		}
		let count = keys.len() as u32;
		Verifiers::<T>::put(keys);
		Self::deposit_event(Event::VerifiersChanged { count });
	}
}

impl<T: Config> BoundToRuntimeAppPublic for Pallet<T> {
	type Public = T::AuthorityId;
}

impl<T: Config> OneSessionHandler<T::AccountId> for Pallet<T> {
	type Key = T::AuthorityId;

	fn on_genesis_session<'a, I>(validators: I)
	where
		I: 'a + Iterator<Item = (&'a T::AccountId, T::AuthorityId)>,
	{
		Self::set_verifiers(validators.map(|(_, key)| key));
	}

	fn on_new_session<'a, I>(_changed: bool, validators: I, _queued: I)
	where
		I: 'a + Iterator<Item = (&'a T::AccountId, T::AuthorityId)>,
	{
		Self::set_verifiers(validators.map(|(_, key)| key));
	}

	fn on_disabled(_validator_index: u32) {}
}

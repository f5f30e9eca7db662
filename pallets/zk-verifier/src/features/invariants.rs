//! `try_state` invariants.

use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, TryRuntimeError};

use crate::*;

impl<T: Config> Pallet<T> {
	/// - every key has its canonical bytes and its prepared form, and nothing else does;
	/// - the canonical bytes hash to the id, and the prepared form decodes for the same id
	///   and input count;
	/// - every owner's held deposit equals the sum of the deposits of its keys;
	/// - the attestation counter equals the number of attestations.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits: alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>> =
			Default::default();
		for (vk_id, info) in VerifyingKeys::<T>::iter() {
			let bytes = VerifyingKeyBytes::<T>::get(vk_id).ok_or("key without its bytes")?;
			ensure!(
				heliox_zk::vk_id_of_bytes(&bytes) == vk_id,
				"key bytes do not hash to the key id"
			);
			let prepared = PreparedKeys::<T>::get(vk_id).ok_or("key without its prepared form")?;
			let prepared = heliox_zk::PreparedVk::from_storage_bytes(&prepared)
				.map_err(|_| "prepared key does not decode")?;
			ensure!(*prepared.vk_id() == vk_id, "prepared key of another key");
			ensure!(prepared.num_inputs() == info.num_inputs as usize, "input count mismatch");
			ensure!(info.layout.fits(info.num_inputs), "layout out of range");
			let total = deposits.entry(info.owner.clone()).or_insert_with(Zero::zero);
			*total = sp_runtime::traits::Saturating::saturating_add(*total, info.deposit);
		}
		ensure!(
			VerifyingKeyBytes::<T>::iter_keys().all(VerifyingKeys::<T>::contains_key),
			"key bytes without a key"
		);
		ensure!(
			PreparedKeys::<T>::iter_keys().all(VerifyingKeys::<T>::contains_key),
			"prepared key without a key"
		);
		for (owner, total) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::VerifyingKeyDeposit.into(), &owner)
					== total,
				"held deposit differs from the keys' deposits"
			);
		}
		ensure!(
			Attestations::<T>::iter_keys().count() as u64 == AttestationCount::<T>::get(),
			"attestation counter differs from the attestations"
		);
		Ok(())
	}
}

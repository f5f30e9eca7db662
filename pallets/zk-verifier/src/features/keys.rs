//! Registering and unregistering verifying keys.

use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use heliox_zk::Groth16Backend;
use sp_runtime::traits::{Saturating, Zero};

use crate::*;

impl<T: Config> Pallet<T> {
	/// The deposit for storing a key of `vk_len` bytes with a prepared form of `prepared_len`.
	pub fn deposit_for(vk_len: usize, prepared_len: usize) -> BalanceOf<T> {
		let bytes = BalanceOf::<T>::from(vk_len.saturating_add(prepared_len) as u32);
		T::DepositBase::get().saturating_add(T::DepositPerByte::get().saturating_mul(bytes))
	}

	/// [`Pallet::register_vk`]: validation and preparation first (nothing written until the
	/// key is known good and new), then the deposit, then storage.
	pub(crate) fn do_register_vk(
		owner: T::AccountId,
		vk: BoundedVec<u8, MaxVkLen<T>>,
		layout: ZkmlLayout,
	) -> Result<VkId, DispatchError> {
		let num_inputs = heliox_zk::declared_input_count(&vk).map_err(Error::<T>::from)?;
		let num_inputs = u32::try_from(num_inputs)
			.ok()
			.filter(|count| *count <= T::MaxPublicInputs::get())
			.ok_or(Error::<T>::TooManyInputs)?;
		ensure!(layout.fits(num_inputs), Error::<T>::InvalidLayout);
		let prepared = T::Backend::prepare_verifying_key(&vk, T::MaxPublicInputs::get())
			.map_err(Error::<T>::from)?;
		// Strict decoding accepts one encoding per key, so the hash of the bytes is the key's id.
		let vk_id = heliox_zk::vk_id_of_bytes(&vk);
		ensure!(
			!VerifyingKeys::<T>::contains_key(vk_id),
			Error::<T>::VerifyingKeyAlreadyRegistered
		);
		let prepared: BoundedVec<u8, MaxPreparedLen<T>> =
			prepared.try_into().map_err(|_| Error::<T>::TooManyInputs)?;

		let deposit = Self::deposit_for(vk.len(), prepared.len());
		T::Currency::hold(&HoldReason::VerifyingKeyDeposit.into(), &owner, deposit)
			.map_err(|_| Error::<T>::CannotHoldDeposit)?;

		VerifyingKeys::<T>::insert(
			vk_id,
			VerifyingKeyInfo {
				owner: owner.clone(),
				num_inputs,
				layout,
				deposit,
				consumers: 0,
				attestations: 0,
				registered_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		VerifyingKeyBytes::<T>::insert(vk_id, vk);
		PreparedKeys::<T>::insert(vk_id, prepared);
		Self::deposit_event(Event::VerifyingKeyRegistered {
			vk_id,
			owner,
			num_inputs,
			layout,
			deposit,
		});
		Ok(vk_id)
	}

	/// [`Pallet::unregister_vk`].
	pub(crate) fn do_unregister_vk(who: T::AccountId, vk_id: VkId) -> DispatchResult {
		let info = VerifyingKeys::<T>::get(vk_id).ok_or(Error::<T>::UnknownVerifyingKey)?;
		ensure!(info.owner == who, Error::<T>::NotVerifyingKeyOwner);
		ensure!(info.consumers == 0, Error::<T>::VerifyingKeyInUse);
		if !info.deposit.is_zero() {
			let released = T::Currency::release(
				&HoldReason::VerifyingKeyDeposit.into(),
				&who,
				info.deposit,
				Precision::BestEffort,
			)?;
			if released < info.deposit {
				// The hold was smaller than recorded: try_state reports that; release what is there.
				frame_support::defensive!("zk-verifier: deposit hold smaller than recorded");
			}
		}
		VerifyingKeys::<T>::remove(vk_id);
		VerifyingKeyBytes::<T>::remove(vk_id);
		PreparedKeys::<T>::remove(vk_id);
		Self::deposit_event(Event::VerifyingKeyUnregistered {
			vk_id,
			owner: who,
			deposit: info.deposit,
		});
		Ok(())
	}
}

//! Governance: the admin origin edits the pending set ([`NextValidators`]).

use crate::{pallet::*, ValidatorSetOf};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{Get, ValidatorRegistration},
};

impl<T: Config> Pallet<T> {
	/// Sets the current and the queued set to `validators` (sorted here) and clears pending
	/// changes. Used by the genesis build; a migration that adds the pallet to a live chain
	/// calls it with `pallet_session::Validators`. Fails on an empty list, more than
	/// `MaxValidators` or duplicates.
	pub fn initialize_validators(validators: &[T::AccountId]) -> Result<(), &'static str> {
		ensure!(!validators.is_empty(), "no validators");
		let mut set = ValidatorSetOf::<T>::try_from(validators.to_vec())
			.map_err(|_| "more validators than MaxValidators")?;
		set.sort();
		ensure!(Self::is_strictly_sorted(&set), "duplicate validator");
		Validators::<T>::put(&set);
		QueuedValidators::<T>::put(&set);
		NextValidators::<T>::kill();
		Ok(())
	}

	/// The set the next session planning will hand to `pallet-session`: the pending set, or
	/// the queued one when nothing is pending.
	pub fn planned_validators() -> ValidatorSetOf<T> {
		NextValidators::<T>::get().unwrap_or_else(QueuedValidators::<T>::get)
	}

	/// Stores `planned` as the pending set, or clears the pending set if `planned` is the
	/// queued set.
	pub(crate) fn set_pending(planned: ValidatorSetOf<T>, queued: &ValidatorSetOf<T>) {
		if &planned == queued {
			NextValidators::<T>::kill();
		} else {
			NextValidators::<T>::put(planned);
		}
	}

	/// Whether `set` is sorted without duplicates.
	pub(crate) fn is_strictly_sorted(set: &[T::AccountId]) -> bool {
		set.iter().zip(set.iter().skip(1)).all(|(a, b)| a < b)
	}

	pub(crate) fn do_add_validator(who: T::AccountId) -> DispatchResult {
		let queued = QueuedValidators::<T>::get();
		let mut planned = NextValidators::<T>::get().unwrap_or_else(|| queued.clone());
		ensure!(!planned.is_empty(), Error::<T>::NotInitialized);
		let position = match planned.binary_search(&who) {
			Err(position) => position,
			Ok(_) => {
				let steady = queued.binary_search(&who).is_ok()
					&& Validators::<T>::get().binary_search(&who).is_ok();
				return Err(if steady {
					Error::<T>::AlreadyValidator.into()
				} else {
					Error::<T>::AlreadyPending.into()
				});
			},
		};
		ensure!((planned.len() as u32) < T::MaxValidators::get(), Error::<T>::TooManyValidators);
		ensure!(T::ValidatorRegistration::is_registered(&who), Error::<T>::NoSessionKeys);
		planned.try_insert(position, who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
		Self::set_pending(planned, &queued);
		Self::deposit_event(Event::ValidatorAdditionScheduled { who });
		Ok(())
	}

	pub(crate) fn do_remove_validator(who: T::AccountId) -> DispatchResult {
		let queued = QueuedValidators::<T>::get();
		let mut planned = NextValidators::<T>::get().unwrap_or_else(|| queued.clone());
		ensure!(!planned.is_empty(), Error::<T>::NotInitialized);
		let position = match planned.binary_search(&who) {
			Ok(position) => position,
			Err(_) => {
				let leaving = queued.binary_search(&who).is_ok()
					|| Validators::<T>::get().binary_search(&who).is_ok();
				return Err(if leaving {
					Error::<T>::AlreadyPending.into()
				} else {
					Error::<T>::NotValidator.into()
				});
			},
		};
		ensure!((planned.len() as u32) > T::MinValidators::get(), Error::<T>::TooFewValidators);
		planned.remove(position);
		Self::set_pending(planned, &queued);
		Self::deposit_event(Event::ValidatorRemovalScheduled { who });
		Ok(())
	}

	pub(crate) fn do_set_validators(mut validators: ValidatorSetOf<T>) -> DispatchResult {
		ensure!(
			(validators.len() as u32) >= T::MinValidators::get() && !validators.is_empty(),
			Error::<T>::TooFewValidators
		);
		validators.sort();
		ensure!(Self::is_strictly_sorted(&validators), Error::<T>::DuplicateValidator);
		ensure!(
			validators.iter().all(T::ValidatorRegistration::is_registered),
			Error::<T>::NoSessionKeys
		);
		let queued = QueuedValidators::<T>::get();
		Self::set_pending(validators.clone(), &queued);
		Self::deposit_event(Event::ValidatorSetScheduled { validators });
		Ok(())
	}
}

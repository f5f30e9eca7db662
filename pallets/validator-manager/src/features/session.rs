//! The session manager of `pallet-session`: hands the pending set over at each planning and
//! tracks which set is queued and which is current.

use crate::pallet::*;
use alloc::vec::Vec;
use sp_staking::SessionIndex;

impl<T: Config> Pallet<T> {
	/// Plans session `index`: the pending set, if any and different from the queued one,
	/// becomes the queued set and is returned to `pallet-session`.
	pub(crate) fn plan_session(index: SessionIndex) -> Option<Vec<T::AccountId>> {
		let planned = NextValidators::<T>::take()?;
		if planned.is_empty() || planned == QueuedValidators::<T>::get() {
			return None;
		}
		QueuedValidators::<T>::put(&planned);
		Self::deposit_event(Event::NewValidatorSet { validators: planned.clone(), session: index });
		Some(planned.into_inner())
	}

	/// Starts session `index`: the queued set becomes current; validators that left lose
	/// their offline record.
	pub(crate) fn start_planned_session(_index: SessionIndex) {
		let queued = QueuedValidators::<T>::get();
		let current = Validators::<T>::get();
		if queued == current {
			return;
		}
		for who in current.iter() {
			if queued.binary_search(who).is_err() {
				OfflineSessions::<T>::remove(who);
			}
		}
		Validators::<T>::put(queued);
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::plan_session(new_index)
	}

	/// The genesis set (sessions 0 and 1), or `None` when this pallet's genesis has not been
	/// built yet (then `pallet-session` takes its genesis `keys`).
	fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		let queued = QueuedValidators::<T>::get();
		(!queued.is_empty()).then(|| queued.into_inner())
	}

	fn end_session(end_index: SessionIndex) {
		Self::end_session_liveness(end_index);
	}

	fn start_session(start_index: SessionIndex) {
		Self::start_planned_session(start_index);
	}
}

//! `try_state` invariants.

use crate::pallet::*;
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants:
	/// * the current, queued and pending sets are sorted without duplicates;
	/// * a pending set is not empty and differs from the queued set;
	/// * once initialized, the queued set is not empty;
	/// * offline records belong to current validators and count at least one session;
	/// * author counts are at least one and, once the current set is known, belong to current
	///   validators.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let current = Validators::<T>::get();
		let queued = QueuedValidators::<T>::get();
		ensure!(Self::is_strictly_sorted(&current), "Validators not sorted or duplicated");
		ensure!(Self::is_strictly_sorted(&queued), "QueuedValidators not sorted or duplicated");
		ensure!(current.is_empty() || !queued.is_empty(), "QueuedValidators empty");
		if let Some(next) = NextValidators::<T>::get() {
			ensure!(Self::is_strictly_sorted(&next), "NextValidators not sorted or duplicated");
			ensure!(!next.is_empty(), "NextValidators empty");
			ensure!(next != queued, "NextValidators equals QueuedValidators");
		}
		for (who, sessions) in OfflineSessions::<T>::iter() {
			ensure!(sessions >= 1, "OfflineSessions entry of zero");
			ensure!(current.binary_search(&who).is_ok(), "OfflineSessions of a non-validator");
		}
		for (who, blocks) in AuthoredInSession::<T>::iter() {
			ensure!(blocks >= 1, "AuthoredInSession entry of zero");
			ensure!(
				current.is_empty() || current.binary_search(&who).is_ok(),
				"AuthoredInSession of a non-validator"
			);
		}
		Ok(())
	}
}

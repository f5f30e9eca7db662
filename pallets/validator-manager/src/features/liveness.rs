//! Liveness: blocks authored per session, and the removal of validators that author none for
//! `MaxOfflineSessions` consecutive sessions.

use crate::{pallet::*, WeightInfo};
use alloc::collections::BTreeMap;
use frame_support::{dispatch::DispatchClass, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_staking::SessionIndex;

impl<T: Config> Pallet<T> {
	/// Counts a block of `author` in the current session.
	pub(crate) fn do_note_author(author: T::AccountId) {
		AuthoredInSession::<T>::mutate(&author, |blocks| *blocks = blocks.saturating_add(1));
		frame_system::Pallet::<T>::register_extra_weight_unchecked(
			T::WeightInfo::note_author(),
			DispatchClass::Mandatory,
		);
	}

	/// Judges session `ending`: each of its validators that authored no block gets one more
	/// offline session, one that did is reset; at `MaxOfflineSessions` the validator is removed
	/// from the pending set while at least `MinValidators` remain. Validators not in the planned
	/// set (already leaving) are not judged. Clears the session's author counts.
	///
	/// Registers the weight of the whole rotation (see [`WeightInfo::new_session`]).
	pub(crate) fn end_session_liveness(ending: SessionIndex) {
		let authored: BTreeMap<T::AccountId, u32> = AuthoredInSession::<T>::drain().collect();
		let active = Validators::<T>::get();
		let queued = QueuedValidators::<T>::get();
		let mut planned = NextValidators::<T>::get().unwrap_or_else(|| queued.clone());
		// Every per-validator step of the rotation is bounded by the largest set (or, before
		// the pallet knows its set, by the authors drained).
		let rotation_size =
			active.len().max(planned.len()).max(queued.len()).max(authored.len()) as u32;
		frame_system::Pallet::<T>::register_extra_weight_unchecked(
			T::WeightInfo::new_session(rotation_size),
			DispatchClass::Mandatory,
		);

		let max_offline = T::MaxOfflineSessions::get();
		let min = T::MinValidators::get();
		let mut removed_any = false;
		for who in active.iter() {
			let judged = planned.binary_search(who).is_ok();
			let online = authored.get(who).is_some_and(|blocks| *blocks > 0);
			if !judged || online {
				if OfflineSessions::<T>::contains_key(who) {
					OfflineSessions::<T>::remove(who);
				}
				continue;
			}
			let sessions = OfflineSessions::<T>::mutate(who, |sessions| {
				*sessions = sessions.saturating_add(1);
				*sessions
			});
			Self::deposit_event(Event::ValidatorOffline { who: who.clone(), sessions });
			if sessions < max_offline {
				continue;
			}
			match planned.binary_search(who) {
				Ok(position) if (planned.len() as u32) > min => {
					planned.remove(position);
					OfflineSessions::<T>::remove(who);
					removed_any = true;
					log::info!(
						target: crate::LOG_TARGET,
						"removing validator {who:?}: no block in {sessions} sessions up to {ending}",
					);
					Self::deposit_event(Event::ValidatorRemovedOffline { who: who.clone() });
				},
				_ => Self::deposit_event(Event::OfflineRemovalDeferred { who: who.clone() }),
			}
		}
		if removed_any {
			Self::set_pending(planned, &queued);
		}
	}
}

impl<T: Config> pallet_authorship::EventHandler<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn note_author(author: T::AccountId) {
		Self::do_note_author(author);
	}
}

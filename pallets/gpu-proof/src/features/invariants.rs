//! `try_state` invariants.

use crate::*;
use frame_support::{ensure, traits::Get};
use heliox_gpu_proof::MAX_ASSIGNED;
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants:
	/// * kept epochs are strictly increasing, each starts at a period boundary of its own epoch
	///   and not in the future, and a beacon is never set before its block;
	/// * the verifier index holds exactly the verifier set's accounts, at their indices;
	/// * current tallies are consistent; miss counters are in `1..MaxNoResponse`; no report,
	///   tally or proven fraud is from the future;
	/// * the verdict load of the current block is within the budget.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let epochs = Epochs::<T>::get();
		let period = Pallet::<T>::challenge_period();
		for pair in epochs.windows(2) {
			ensure!(pair[0].0 < pair[1].0, "epochs strictly increasing");
		}
		for (epoch, info) in epochs.iter() {
			ensure!(Self::epoch_at(info.start) == *epoch, "epoch start in its epoch");
			ensure!((info.start % period).is_zero(), "epoch starts at a period boundary");
			ensure!(info.start <= now, "epoch not from the future");
			if info.beacon.is_some() {
				ensure!(
					info.start.saturating_add(Pallet::<T>::commit_window()) <= now,
					"beacon not before its block"
				);
			}
		}
		let current = epochs.last().map(|(epoch, _)| *epoch);

		let verifiers = Verifiers::<T>::get();
		ensure!(
			VerifierIndex::<T>::iter().count() == verifiers.len(),
			"one index entry per verifier"
		);
		for (index, key) in verifiers.iter().enumerate() {
			ensure!(
				VerifierIndex::<T>::get(Self::verifier_account(key)) == Some(index as u32),
				"verifier index matches the set"
			);
		}

		let assigned = Self::assigned_count().min(MAX_ASSIGNED);
		let set_id = VerifierSetId::<T>::get();
		for (_, entry) in Tallies::<T>::iter() {
			ensure!(Some(entry.epoch) <= current, "tally not from the future");
			if entry.set_id == set_id && Some(entry.epoch) == current {
				ensure!(entry.tally.is_consistent(assigned), "tally consistent");
			}
		}
		for (_, misses) in Misses::<T>::iter() {
			ensure!(misses >= 1 && misses < T::MaxNoResponse::get(), "misses below the limit");
		}
		for (_, (epoch, _, _)) in Reported::<T>::iter() {
			ensure!(Some(epoch) <= current, "report not from the future");
		}
		for (_, epoch) in ProvenFraud::<T>::iter() {
			ensure!(Some(epoch) <= current, "proven fraud not from the future");
		}
		ensure!(Self::verdict_load().all_lte(Self::verdict_budget()), "verdict load within budget");
		Ok(())
	}
}

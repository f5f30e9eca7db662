//! Epoch boundaries: `R_e` at each epoch start, the beacon at `start + CommitWindow`.

use crate::{features::derive_hash, *};
use frame_support::{
	traits::{Get, Randomness},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{UniqueSaturatedInto, Zero},
	BoundedVec,
};

/// Subject of the epoch randomness read.
pub const EPOCH_SUBJECT: &[u8] = b"heliox/pogpu/epoch";
/// Subject of the beacon randomness read.
pub const BEACON_SUBJECT: &[u8] = b"heliox/pogpu/beacon";

impl<T: Config> Pallet<T> {
	/// The epoch `now` belongs to: `⌊now / ChallengePeriod⌋`.
	pub fn epoch_at(now: BlockNumberFor<T>) -> EpochIndex {
		(now / T::ChallengePeriod::get()).unique_saturated_into()
	}

	/// The current epoch and its information.
	pub fn current_epoch() -> Option<(EpochIndex, EpochInfo<BlockNumberFor<T>>)> {
		Epochs::<T>::get().last().copied()
	}

	/// The information of `epoch`, if still kept.
	pub fn epoch_info(epoch: EpochIndex) -> Option<EpochInfo<BlockNumberFor<T>>> {
		Epochs::<T>::get().iter().find(|(e, _)| *e == epoch).map(|(_, info)| *info)
	}

	/// `on_initialize`: opens an epoch at multiples of `ChallengePeriod`, fixes the beacon at
	/// `start + CommitWindow`; otherwise nothing (no storage access).
	pub(crate) fn on_epoch_boundaries(now: BlockNumberFor<T>) -> Weight {
		let period = T::ChallengePeriod::get();
		if period.is_zero() {
			return T::WeightInfo::on_initialize_idle();
		}
		let offset = now % period;
		if offset.is_zero() && !now.is_zero() {
			Self::open_epoch(now);
			T::WeightInfo::on_initialize_epoch_start()
		} else if offset == T::CommitWindow::get() {
			Self::fix_beacon(now);
			T::WeightInfo::on_initialize_beacon()
		} else {
			T::WeightInfo::on_initialize_idle()
		}
	}

	fn open_epoch(now: BlockNumberFor<T>) {
		let epoch = Self::epoch_at(now);
		let (random, _) = T::Randomness::random(EPOCH_SUBJECT);
		let Some(random) = random else {
			Self::deposit_event(Event::EpochSkipped { block: now });
			return;
		};
		let randomness = derive_hash(b"heliox/pogpu/epoch-randomness", &random, epoch);
		let mut epochs = Epochs::<T>::get().into_inner();
		epochs.retain(|(e, _)| *e < epoch);
		if epochs.len() >= EPOCH_HISTORY as usize {
			epochs.drain(..=epochs.len() - EPOCH_HISTORY as usize);
		}
		epochs.push((epoch, EpochInfo { start: now, randomness, beacon: None }));
		Epochs::<T>::put(BoundedVec::truncate_from(epochs));
		Self::deposit_event(Event::EpochStarted { epoch, randomness });
	}

	fn fix_beacon(now: BlockNumberFor<T>) {
		let epoch = Self::epoch_at(now);
		let mut epochs = Epochs::<T>::get();
		let Some((current, info)) = epochs.last_mut() else { return };
		if *current != epoch || info.beacon.is_some() {
			return;
		}
		let (random, _) = T::Randomness::random(BEACON_SUBJECT);
		match random {
			Some(random) => {
				let beacon = derive_hash(b"heliox/pogpu/beacon", &random, epoch);
				info.beacon = Some(beacon);
				Epochs::<T>::put(epochs);
				Self::deposit_event(Event::BeaconSet { epoch, beacon });
			},
			None => Self::deposit_event(Event::BeaconMissing { epoch }),
		}
	}
}

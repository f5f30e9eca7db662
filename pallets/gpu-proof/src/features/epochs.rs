//! Epoch boundaries: `R_e` at each epoch start, the beacon at `start + CommitWindow`.

use crate::{features::derive_hash, *};
use frame_support::{
	traits::{Get, Randomness},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating, UniqueSaturatedInto, Zero},
	BoundedVec,
};

/// Subject of the epoch randomness read.
pub const EPOCH_SUBJECT: &[u8] = b"heliox/pogpu/epoch";
/// Subject of the beacon randomness read.
pub const BEACON_SUBJECT: &[u8] = b"heliox/pogpu/beacon";

impl<T: Config> Pallet<T> {
	/// Blocks per challenge epoch: the genesis [`Schedule`], else [`Config::ChallengePeriod`].
	pub fn challenge_period() -> BlockNumberFor<T> {
		Schedule::<T>::get().map_or_else(T::ChallengePeriod::get, |(period, _)| period)
	}

	/// Blocks from an epoch's start to its beacon: the genesis [`Schedule`], else
	/// [`Config::CommitWindow`].
	pub fn commit_window() -> BlockNumberFor<T> {
		Schedule::<T>::get().map_or_else(T::CommitWindow::get, |(_, window)| window)
	}

	/// The fraction of GPUs opened each epoch: the genesis override, else
	/// [`Config::SampleFraction`].
	pub fn sample_fraction() -> sp_runtime::Perbill {
		SampleFractionOverride::<T>::get().unwrap_or_else(T::SampleFraction::get)
	}

	/// The block at which the assigned verifiers fetch `gpu`'s commit for the epoch starting at
	/// `start`: `start + min(deadline, CommitWindow − 1)`.
	pub fn deadline_block(start: BlockNumberFor<T>, deadline: u32) -> BlockNumberFor<T> {
		let cap = Pallet::<T>::commit_window().saturating_sub(One::one());
		start.saturating_add(BlockNumberFor::<T>::from(deadline).min(cap))
	}

	/// The weight verdicts may use in one block: [`Config::VerdictBlockShare`] of the block's
	/// maximum weight.
	pub fn verdict_budget() -> Weight {
		let max = <T as frame_system::Config>::BlockWeights::get().max_block;
		let share = T::VerdictBlockShare::get();
		Weight::from_parts(share * max.ref_time(), share * max.proof_size())
	}

	/// The epoch `now` belongs to: `⌊now / ChallengePeriod⌋`.
	pub fn epoch_at(now: BlockNumberFor<T>) -> EpochIndex {
		(now / Pallet::<T>::challenge_period()).unique_saturated_into()
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
		let period = Pallet::<T>::challenge_period();
		if period.is_zero() {
			return T::WeightInfo::on_initialize_idle();
		}
		let offset = now % period;
		if offset.is_zero() && !now.is_zero() {
			Self::open_epoch(now);
			T::WeightInfo::on_initialize_epoch_start()
		} else if offset == Pallet::<T>::commit_window() {
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

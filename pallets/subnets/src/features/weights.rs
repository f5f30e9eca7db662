//! Setting weights directly, or by hash commit-reveal.

use crate::{features::network::blocks_between, *};
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Checks a weight vector against the subnet and turns it into a stored row: sorted by UID,
	/// zero entries dropped, the maximum scaled to 65535.
	pub(crate) fn checked_weight_row(
		info: &SubnetInfo<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>,
		uids: &[Uid],
		values: &[u16],
		version_key: u64,
	) -> Result<WeightRowOf<T>, DispatchError> {
		ensure!(uids.len() == values.len(), Error::<T>::WeightVecLengthMismatch);
		ensure!(version_key >= info.params.weights_version_key, Error::<T>::IncorrectVersionKey);
		let mut row: Vec<(Uid, u16)> = uids.iter().copied().zip(values.iter().copied()).collect();
		row.sort_unstable_by_key(|(uid, _)| *uid);
		ensure!(
			row.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)),
			Error::<T>::DuplicateUids
		);
		ensure!(row.iter().all(|(uid, _)| *uid < info.n), Error::<T>::UidOutOfRange);
		let min = info.params.min_allowed_weights.min(info.n);
		ensure!(row.len() >= usize::from(min), Error::<T>::TooFewWeights);

		let max = row.iter().map(|(_, v)| u32::from(*v)).max().unwrap_or(0);
		let scaled: Vec<(Uid, u16)> = row
			.into_iter()
			.filter(|(_, v)| *v > 0)
			.map(|(uid, v)| {
				// `v <= max`, so the quotient is at most 65535.
				let value = u32::from(v).saturating_mul(65_535) / max.max(1);
				(uid, u16::try_from(value).unwrap_or(u16::MAX))
			})
			.collect();
		// At most `uids.len() <= MaxWeightsPerValidator` entries.
		Ok(BoundedVec::truncate_from(scaled))
	}

	/// The UID of `hotkey` on a subnet, with the neuron, if it may set weights.
	fn validator(
		netuid: NetUid,
		hotkey: &T::AccountId,
	) -> Result<(Uid, NeuronOf<T>), DispatchError> {
		let uid = Uids::<T>::get(netuid, hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		let neuron = Neurons::<T>::get(netuid, uid).ok_or(Error::<T>::HotkeyNotRegistered)?;
		ensure!(neuron.validator_permit, Error::<T>::NoValidatorPermit);
		Ok((uid, neuron))
	}

	fn store_weights(
		netuid: NetUid,
		uid: Uid,
		mut neuron: NeuronOf<T>,
		row: WeightRowOf<T>,
		now: BlockNumberFor<T>,
	) {
		let count = row.len() as u32;
		if row.is_empty() {
			Weights::<T>::remove(netuid, uid);
		} else {
			Weights::<T>::insert(netuid, uid, row);
		}
		neuron.last_update = now;
		Neurons::<T>::insert(netuid, uid, neuron);
		Self::deposit_event(Event::WeightsSet { netuid, uid, count });
	}

	pub(crate) fn do_set_weights(
		hotkey: T::AccountId,
		netuid: NetUid,
		uids: BoundedVec<Uid, T::MaxWeightsPerValidator>,
		values: BoundedVec<u16, T::MaxWeightsPerValidator>,
		version_key: u64,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let info = Networks::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(!info.params.commit_reveal_enabled, Error::<T>::CommitRevealEnabled);
		let (uid, neuron) = Self::validator(netuid, &hotkey)?;
		ensure!(
			blocks_between::<T>(neuron.last_update, now)
				>= u64::from(info.params.weights_rate_limit),
			Error::<T>::SettingWeightsTooFast
		);
		let row = Self::checked_weight_row(&info, &uids, &values, version_key)?;
		Self::store_weights(netuid, uid, neuron, row, now);
		Ok(())
	}

	pub(crate) fn do_commit_weights(
		hotkey: T::AccountId,
		netuid: NetUid,
		hash: T::Hash,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let info = Networks::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(info.params.commit_reveal_enabled, Error::<T>::CommitRevealDisabled);
		ensure!(Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::HotkeyNotRegistered);
		let reveal_epoch = info.epoch_index.saturating_add(info.params.reveal_period);
		let mut commits = WeightCommits::<T>::get(netuid, &hotkey).unwrap_or_default();
		// Expired commits can never be revealed: make room.
		commits.retain(|c| c.reveal_epoch >= info.epoch_index);
		commits
			.try_push(WeightCommit { hash, block: now, reveal_epoch })
			.map_err(|_| Error::<T>::TooManyPendingCommits)?;
		WeightCommits::<T>::insert(netuid, &hotkey, commits);
		Self::deposit_event(Event::WeightsCommitted { netuid, hotkey, hash, reveal_epoch });
		Ok(())
	}

	pub(crate) fn do_reveal_weights(
		hotkey: T::AccountId,
		netuid: NetUid,
		uids: BoundedVec<Uid, T::MaxWeightsPerValidator>,
		values: BoundedVec<u16, T::MaxWeightsPerValidator>,
		salt: [u8; 32],
		version_key: u64,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let info = Networks::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(info.params.commit_reveal_enabled, Error::<T>::CommitRevealDisabled);
		let mut commits =
			WeightCommits::<T>::get(netuid, &hotkey).ok_or(Error::<T>::NoWeightsCommitFound)?;
		let hash = Self::commit_hash(&hotkey, netuid, &uids, &values, &salt, version_key);
		let position = commits
			.iter()
			.position(|c| c.hash == hash)
			.ok_or(Error::<T>::InvalidRevealCommitHash)?;
		let reveal_epoch = commits.get(position).map(|c| c.reveal_epoch).unwrap_or_default();
		ensure!(info.epoch_index >= reveal_epoch, Error::<T>::RevealTooEarly);
		ensure!(info.epoch_index == reveal_epoch, Error::<T>::ExpiredWeightCommit);
		let (uid, neuron) = Self::validator(netuid, &hotkey)?;
		let row = Self::checked_weight_row(&info, &uids, &values, version_key)?;

		commits.remove(position);
		if commits.is_empty() {
			WeightCommits::<T>::remove(netuid, &hotkey);
		} else {
			WeightCommits::<T>::insert(netuid, &hotkey, commits);
		}
		Self::store_weights(netuid, uid, neuron, row, now);
		Self::deposit_event(Event::WeightsRevealed { netuid, hotkey, hash });
		Ok(())
	}
}

//! Commits: agent-signed roots, accepted up to each GPU's deadline block.

use crate::{features::agent_signed, *};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use frame_system::pallet_prelude::BlockNumberFor;
use heliox_gpu_proof::{commit_message, AgentSignature, Hash};
use sp_runtime::traits::{One, Saturating};

impl<T: Config> Pallet<T> {
	/// The last block in which `gpu`'s commit for the epoch starting at `start` counts: `start +
	/// min(deadline, CommitWindow − 1)`.
	pub fn deadline_block(start: BlockNumberFor<T>, deadline: u32) -> BlockNumberFor<T> {
		let cap = Pallet::<T>::commit_window().saturating_sub(One::one());
		start.saturating_add(BlockNumberFor::<T>::from(deadline).min(cap))
	}

	pub(crate) fn do_commit(
		gpu: T::GpuId,
		epoch: EpochIndex,
		root: Hash,
		signature: AgentSignature,
	) -> DispatchResult {
		let (current, info) = Self::current_epoch().ok_or(Error::<T>::NoEpoch)?;
		ensure!(epoch == current, Error::<T>::WrongEpoch);
		ensure!(T::Registry::is_active(&gpu), Error::<T>::GpuNotActive);
		let (params, deadline) =
			T::Registry::challenge_params(&gpu).ok_or(Error::<T>::NoChallengeParams)?;
		params.validate().map_err(|_| Error::<T>::InvalidChallengeParams)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= Self::deadline_block(info.start, deadline), Error::<T>::CommitTooLate);
		let slots = Commits::<T>::get(gpu);
		ensure!(
			slots.as_ref().is_none_or(|slots| slots.latest.epoch != epoch),
			Error::<T>::AlreadyCommitted
		);
		let agent_key = T::Registry::agent_key(&gpu).ok_or(Error::<T>::NoAgentKey)?;
		ensure!(
			agent_signed(&agent_key, &commit_message(gpu.into(), epoch, &root), &signature),
			Error::<T>::BadSignature
		);
		let latest = CommitRecord { epoch, root, params, agent_key, fraud_proven: false };
		let previous = slots.map(|slots| slots.latest);
		Commits::<T>::insert(gpu, CommitSlots { latest, previous });
		T::Registry::record_committed(&gpu, epoch);
		Self::deposit_event(Event::Committed { gpu, epoch, root });
		Ok(())
	}
}

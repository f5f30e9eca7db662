//! Runtime API of the proof-of-GPU pallet: epoch information, commitments, seeds and verdict
//! status for agents, verifiers and explorers.

use crate::types::{ChallengeView, CommitRecord, EpochView, VerdictStatus};
use codec::Codec;
use heliox_gpu_proof::{EpochIndex, Hash};

sp_api::decl_runtime_apis! {
	/// Proof-of-GPU queries.
	pub trait GpuProofApi<GpuId, BlockNumber>
	where
		GpuId: Codec,
		BlockNumber: Codec,
	{
		/// The current challenge epoch.
		fn epoch_info() -> Option<EpochView<BlockNumber>>;
		/// `gpu`'s commitment for `epoch`, if kept.
		fn commit_of(gpu: GpuId, epoch: EpochIndex) -> Option<CommitRecord>;
		/// `gpu`'s seed in the current epoch, with the epoch number.
		fn seed_of(gpu: GpuId) -> Option<(EpochIndex, Hash)>;
		/// `gpu`'s challenge in the current epoch: seed, parameters, deadline, commitment.
		fn challenge_of(gpu: GpuId) -> Option<ChallengeView<BlockNumber>>;
		/// Where `gpu` stands in the current epoch (commit, sampled, assigned verifiers, votes).
		fn verdict_status(gpu: GpuId) -> Option<VerdictStatus>;
	}
}

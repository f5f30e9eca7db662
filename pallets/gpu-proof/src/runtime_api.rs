//! Runtime API of the proof-of-GPU pallet: epoch information, challenges, seeds and verdict
//! status for agents, verifiers and explorers.

use crate::types::{ChallengeView, EpochView, VerdictStatus};
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
		/// `gpu`'s seed in the current epoch, with the epoch number.
		fn seed_of(gpu: GpuId) -> Option<(EpochIndex, Hash)>;
		/// `gpu`'s challenge in the current epoch: seed, parameters, deadline block,
		/// assigned verifiers, beacon.
		fn challenge_of(gpu: GpuId) -> Option<ChallengeView<BlockNumber>>;
		/// Where `gpu` stands in the current epoch (commit, sampled, assigned verifiers, votes).
		fn verdict_status(gpu: GpuId) -> Option<VerdictStatus>;
	}
}

//! Bounded storage and call types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use heliox_gpu_proof::{AgentSignature, ChallengeParams, EpochIndex, Hash, Tally};
use scale_info::TypeInfo;

/// Epochs whose information (randomness, beacon) is kept: the current one and the two before, so
/// a fraud proof for epoch `e` can be submitted until epoch `e + 3` starts.
pub const EPOCH_HISTORY: u64 = 3;

/// A challenge epoch as the chain fixed it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct EpochInfo<BlockNumber> {
	/// The block whose `on_initialize` opened the epoch.
	pub start: BlockNumber,
	/// `R_e`: the randomness every GPU's seed derives from, `challenge_seed(R_e, g, e)`.
	pub randomness: Hash,
	/// The beacon, fixed at `start + CommitWindow` (after every commit deadline): it decides the
	/// sampled set, the positions and the verifier assignment. `None` until then (or if no
	/// randomness was available: the epoch is then not verified).
	pub beacon: Option<Hash>,
}

/// A GPU's agent-signed commitment for an epoch, as its verifiers collected it: the root and the
/// agent key's signature over `commit_message(gpu, epoch, root)`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct SignedRoot {
	/// The commitment root.
	pub root: Hash,
	/// The agent key's signature over `commit_message(gpu, epoch, root)`.
	pub signature: AgentSignature,
}

/// The votes on one GPU for one epoch under one verifier set.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct GpuTally {
	/// The epoch voted on.
	pub epoch: EpochIndex,
	/// The verifier set the slots refer to (a new set restarts the tally).
	pub set_id: u32,
	/// The votes.
	pub tally: Tally,
}

/// A read-only view of the current epoch (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct EpochView<BlockNumber> {
	/// The epoch number.
	pub epoch: EpochIndex,
	/// Its first block.
	pub start: BlockNumber,
	/// The beacon block (`start + CommitWindow`), after every commit deadline.
	pub beacon_block: BlockNumber,
	/// The first block of the next epoch.
	pub next_start: BlockNumber,
	/// `R_e`.
	pub randomness: Hash,
	/// The beacon, once fixed.
	pub beacon: Option<Hash>,
	/// Verifiers in the current set.
	pub verifiers: u32,
}

/// What a GPU's agent needs for the current epoch (runtime API): its seed, its model's challenge,
/// the block at which its assigned verifiers fetch its signed commit, and the beacon.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ChallengeView<BlockNumber> {
	/// The epoch.
	pub epoch: EpochIndex,
	/// `challenge_seed(R_e, gpu, e)`.
	pub seed: Hash,
	/// The challenge of the GPU's model.
	pub params: ChallengeParams,
	/// The epoch's first block.
	pub start: BlockNumber,
	/// The deadline block: the assigned verifiers fetch the signed commit when they import it
	/// (one block of grace for transport errors).
	pub deadline_block: BlockNumber,
	/// The beacon block.
	pub beacon_block: BlockNumber,
	/// The first block of the next epoch.
	pub next_start: BlockNumber,
	/// The beacon, once fixed.
	pub beacon: Option<Hash>,
	/// The verifier-set indices assigned to the GPU this epoch.
	pub assigned: alloc::vec::Vec<u32>,
	/// Whether the GPU is opened this epoch (`None` before the beacon).
	pub sampled: Option<bool>,
}

/// Where one GPU stands in an epoch (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct VerdictStatus {
	/// The epoch.
	pub epoch: EpochIndex,
	/// Whether it is sampled (`None` before the beacon).
	pub sampled: Option<bool>,
	/// The verifier-set indices assigned to it (from the epoch randomness).
	pub assigned: alloc::vec::Vec<u32>,
	/// The votes so far under the current verifier set.
	pub tally: Option<Tally>,
	/// Consecutive missed sampled epochs.
	pub misses: u32,
}

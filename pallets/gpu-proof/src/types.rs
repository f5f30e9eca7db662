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

/// One commitment on chain.
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
pub struct CommitRecord {
	/// The challenge epoch.
	pub epoch: EpochIndex,
	/// The commitment root.
	pub root: Hash,
	/// The challenge parameters at commit time (the catalogue may change afterwards).
	pub params: ChallengeParams,
	/// The agent key that signed the commit: openings are checked against it, so rotating the
	/// key does not escape a fraud proof.
	pub agent_key: [u8; 32],
	/// A fraud proof against this commitment was accepted (it cannot slash twice).
	pub fraud_proven: bool,
}

/// The last two commitments of a GPU: the current epoch's and the previous one, so a fraud proof
/// for the previous epoch stays possible after the next commit.
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
pub struct CommitSlots {
	/// The latest commitment.
	pub latest: CommitRecord,
	/// The one before (an older epoch).
	pub previous: Option<CommitRecord>,
}

impl CommitSlots {
	/// The commitment for `epoch`, if still kept.
	pub fn for_epoch(&self, epoch: EpochIndex) -> Option<&CommitRecord> {
		if self.latest.epoch == epoch {
			return Some(&self.latest);
		}
		self.previous.as_ref().filter(|record| record.epoch == epoch)
	}

	/// Mutable access to the commitment for `epoch`.
	pub fn for_epoch_mut(&mut self, epoch: EpochIndex) -> Option<&mut CommitRecord> {
		if self.latest.epoch == epoch {
			return Some(&mut self.latest);
		}
		self.previous.as_mut().filter(|record| record.epoch == epoch)
	}
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

/// One commit of a batch (`submit_commits`).
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
pub struct CommitSubmission<GpuId> {
	/// The GPU.
	pub gpu: GpuId,
	/// The challenge epoch.
	pub epoch: EpochIndex,
	/// The commitment root.
	pub root: Hash,
	/// The agent key's signature over `commit_message(gpu, epoch, root)`.
	pub signature: AgentSignature,
}

/// A read-only view of the current epoch (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct EpochView<BlockNumber> {
	/// The epoch number.
	pub epoch: EpochIndex,
	/// Its first block.
	pub start: BlockNumber,
	/// The beacon block (`start + CommitWindow`): no commit is accepted from it on.
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
/// the last block its commit counts in, and its commitment once on chain.
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
	/// The last block in which the GPU's commit counts.
	pub deadline_block: BlockNumber,
	/// The beacon block.
	pub beacon_block: BlockNumber,
	/// The first block of the next epoch.
	pub next_start: BlockNumber,
	/// The beacon, once fixed.
	pub beacon: Option<Hash>,
	/// The GPU's committed root for this epoch, if any.
	pub committed: Option<Hash>,
	/// Whether the GPU is opened this epoch (`None` before the beacon).
	pub sampled: Option<bool>,
}

/// Where one GPU stands in an epoch (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct VerdictStatus {
	/// The epoch.
	pub epoch: EpochIndex,
	/// Its commitment, if any.
	pub commit: Option<CommitRecord>,
	/// Whether it is sampled (`None` before the beacon).
	pub sampled: Option<bool>,
	/// The verifier-set indices assigned to it (empty before the beacon or if not sampled).
	pub assigned: alloc::vec::Vec<u32>,
	/// The votes so far under the current verifier set.
	pub tally: Option<Tally>,
	/// Consecutive missed sampled epochs.
	pub misses: u32,
}

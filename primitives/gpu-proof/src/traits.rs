//! The interface between the proof-of-GPU pallet and the GPU registry.
//!
//! The registry owns GPUs (status, agent key, endpoint, stake, the model catalogue); the
//! proof-of-GPU pallet owns epochs, commits, verdicts and fraud proofs. The pallet only calls
//! [`ProofRegistry`], which the runtime implements for the registry pallet.

use alloc::vec::Vec;

use crate::{ChallengeParams, EpochIndex};

/// Implemented by the GPU registry (in the runtime), called by the proof-of-GPU pallet — on chain
/// and, for the read-only functions, in verifiers' off-chain workers.
pub trait ProofRegistry<GpuId, AccountId, Balance> {
	/// Error of a failed slash.
	type Error: core::fmt::Debug;

	/// Whether `gpu` is Active: only Active GPUs are challenged and may commit.
	fn is_active(gpu: &GpuId) -> bool;

	/// The sr25519 public key that signs `gpu`'s commits and openings.
	fn agent_key(gpu: &GpuId) -> Option<[u8; 32]>;

	/// The agent's HTTP endpoint (`http(s)://host[:port]`, no trailing `/`).
	fn agent_endpoint(gpu: &GpuId) -> Option<Vec<u8>>;

	/// The challenge parameters of `gpu`'s model and its commit deadline in blocks after the
	/// epoch start (`⌈(1+ε)·T_claim / block_time⌉ + 1` from the catalogue's measured throughput).
	fn challenge_params(gpu: &GpuId) -> Option<(ChallengeParams, u32)>;

	/// The GPUs to challenge, for verifiers' off-chain workers only (never called on chain): the
	/// Active GPUs. An off-chain worker may iterate storage freely.
	fn active_gpus() -> Vec<GpuId>;

	/// Slashes `fraction` of `gpu`'s stake for a proven fraud, rewarding `reporter` as the
	/// registry's rules say; returns the amount slashed.
	fn slash(
		gpu: &GpuId,
		fraction: sp_arithmetic::Perbill,
		reporter: Option<AccountId>,
	) -> Result<Balance, Self::Error>;

	/// Suspends `gpu` (it missed `MaxNoResponse` epochs without a pass in between).
	fn suspend(gpu: &GpuId);

	/// A quorum of verifiers verified `gpu`'s openings for `epoch`.
	fn record_verified(gpu: &GpuId, epoch: EpochIndex);
}

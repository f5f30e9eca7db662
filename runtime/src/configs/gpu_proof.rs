//! Proof-of-GPU wiring: the GPU registry behind [`heliox_gpu_proof::ProofRegistry`], the `gpuv`
//! session key shared by the liveness and proof-of-GPU verifiers, and the protocol parameters.

use alloc::vec::Vec;
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64, OneSessionHandler},
};
use heliox_gpu_proof::{commit_deadline_blocks, ChallengeParams, EpochIndex, ProofRegistry};
use pallet_gpu_registry::{GpuStatus, Gpus, Models};
use sp_runtime::{DispatchError, Perbill};

use super::MaxAuthorities;
use crate::{
	AccountId, Balance, BlockNumber, GpuLiveness, GpuProof, GpuRegistry, Runtime,
	MILLI_SECS_PER_BLOCK,
};

/// The GPU registry as the proof-of-GPU pallet sees it. A runtime type because both the trait
/// (`heliox-gpu-proof`) and the registry pallet are foreign to each other.
pub struct GpuProofRegistry;

impl ProofRegistry<u64, AccountId, Balance> for GpuProofRegistry {
	type Error = DispatchError;

	fn is_active(gpu: &u64) -> bool {
		Gpus::<Runtime>::get(gpu).is_some_and(|record| record.status == GpuStatus::Active)
	}

	fn agent_key(gpu: &u64) -> Option<[u8; 32]> {
		Gpus::<Runtime>::get(gpu).map(|record| record.agent_key)
	}

	fn agent_endpoint(gpu: &u64) -> Option<Vec<u8>> {
		Gpus::<Runtime>::get(gpu).map(|record| record.endpoint.into_inner())
	}

	/// The model's challenge from the catalogue, and its deadline from the catalogue's
	/// governance-measured int8 throughput: `⌈(1+ε)·2n³T / TOPS / block time⌉ + 1` blocks.
	fn challenge_params(gpu: &u64) -> Option<(ChallengeParams, u32)> {
		let record = Gpus::<Runtime>::get(gpu)?;
		let model = Models::<Runtime>::get(record.model)?;
		let challenge = model.challenge;
		let params = ChallengeParams {
			n: challenge.n,
			lag: challenge.lag,
			steps: challenge.steps,
			samples: challenge.samples,
		};
		let deadline = commit_deadline_blocks(
			&params,
			model.int8_tops,
			challenge.deadline_slack.deconstruct(),
			MILLI_SECS_PER_BLOCK,
		)?;
		Some((params, deadline))
	}

	fn active_gpus() -> Vec<u64> {
		Gpus::<Runtime>::iter()
			.filter(|(_, record)| record.status == GpuStatus::Active)
			.map(|(id, _)| id)
			.collect()
	}

	fn slash(
		gpu: &u64,
		fraction: Perbill,
		reporter: Option<AccountId>,
	) -> Result<Balance, DispatchError> {
		GpuRegistry::slash(*gpu, fraction, reporter)
	}

	fn suspend(gpu: &u64) {
		if let Err(error) = GpuRegistry::suspend(*gpu) {
			log::debug!(target: "runtime::gpu-proof", "GPU {gpu} not suspended: {error:?}");
		}
	}

	fn record_verified(gpu: &u64, epoch: EpochIndex) {
		GpuRegistry::record_verified(*gpu, epoch);
	}
}

/// The `gpuv` session key: one sr25519 key per validator that both the liveness prober and the
/// proof-of-GPU verifier use (same key type, same account). The session pallet calls this
/// handler, which hands the validator set to both pallets.
pub struct GpuVerifiers;

/// The `gpuv` public key type.
pub type GpuVerifierKey = pallet_gpu_liveness::crypto::Public;

impl sp_runtime::BoundToRuntimeAppPublic for GpuVerifiers {
	type Public = GpuVerifierKey;
}

impl OneSessionHandler<AccountId> for GpuVerifiers {
	type Key = GpuVerifierKey;

	fn on_genesis_session<'a, I>(validators: I)
	where
		I: 'a + Iterator<Item = (&'a AccountId, GpuVerifierKey)>,
	{
		let validators: Vec<_> = validators.collect();
		GpuLiveness::on_genesis_session(validators.iter().cloned());
		GpuProof::on_genesis_session(validators.into_iter());
	}

	fn on_new_session<'a, I>(changed: bool, validators: I, queued: I)
	where
		I: 'a + Iterator<Item = (&'a AccountId, GpuVerifierKey)>,
	{
		let validators: Vec<_> = validators.collect();
		let queued: Vec<_> = queued.collect();
		GpuLiveness::on_new_session(changed, validators.iter().cloned(), queued.iter().cloned());
		GpuProof::on_new_session(changed, validators.iter().cloned(), queued.iter().cloned());
	}

	fn on_before_session_ending() {
		GpuLiveness::on_before_session_ending();
		GpuProof::on_before_session_ending();
	}

	fn on_disabled(validator_index: u32) {
		GpuLiveness::on_disabled(validator_index);
		GpuProof::on_disabled(validator_index);
	}
}

parameter_types! {
	/// The share of a block's weight verdict chunks may use.
	pub const GpuVerdictBlockShare: Perbill = Perbill::from_percent(20);
	/// A challenge epoch: 600 blocks (30 minutes). An H100 spends ~20 s of it on the challenge
	/// (about 1% of its time). Dev/local genesis shortens it (see the genesis presets).
	pub const GpuChallengePeriod: BlockNumber = 600;
	/// The beacon comes 50 blocks (2.5 minutes) after the epoch start: after the longest
	/// catalogue deadline (an RTX 4090's 23 blocks), with room for slower-but-honest networks.
	pub const GpuCommitWindow: BlockNumber = 50;
	/// q = 10% of the GPUs are opened each epoch; with 48 samples a 10%-cheater survives an
	/// opened epoch with p = 0.65%, and stake ≥ 9× the epoch reward makes cheating irrational.
	pub const GpuSampleFraction: Perbill = Perbill::from_percent(10);
	/// A proven fraud slashes 20% of the GPU's stake (the registry rewards the reporter 10% of
	/// it, the treasury gets the rest) and the GPU becomes `Slashed`.
	pub const GpuFraudSlash: Perbill = Perbill::from_percent(20);
	/// Longest opening in a fraud proof: 3 columns of n ≤ 16384 int8 entries with their Merkle
	/// paths is ≈ 50 KiB; 128 KiB bounds every catalogue model (checked by a runtime test).
	pub const GpuMaxOpeningLen: u32 = 131_072;
}

impl pallet_gpu_proof::Config for Runtime {
	type GpuId = u64;
	type Balance = Balance;
	type Registry = GpuProofRegistry;
	// The parent block's VRF output: unknown before the epoch's first block (and, for the
	// beacon, before every commit deadline has passed).
	type Randomness = pallet_babe::ParentBlockRandomness<Runtime>;
	type AuthorityId = GpuVerifierKey;
	type OcwCrypto = pallet_gpu_liveness::crypto::GpuvAuthId;
	type ChallengePeriod = GpuChallengePeriod;
	type CommitWindow = GpuCommitWindow;
	type SampleFraction = GpuSampleFraction;
	type VerifiersPerGpu = ConstU32<3>;
	/// Two missed epochs (no valid commit at the deadline, or a missed sampled check) without a
	/// pass in between suspend a GPU.
	type MaxNoResponse = ConstU32<2>;
	type SlashFraction = GpuFraudSlash;
	type MaxVerifiers = MaxAuthorities;
	/// Verdicts per chunk: a full chunk (512 × the per-verdict weight) stays within the
	/// per-block verdict budget (checked by the pallet's `integrity_test`); at 100k GPUs a
	/// verifier of 100 sends about 330 verdicts, one chunk.
	type MaxVerdicts = ConstU32<512>;
	/// Verdicts take at most 20 % of a block's weight; with the chunks' transaction extensions
	/// and the hooks, a block stays under 25 % (`heliox_gpu_proof::cost`).
	type VerdictBlockShare = GpuVerdictBlockShare;
	type MaxOpeningLen = GpuMaxOpeningLen;
	type HttpTimeoutMs = ConstU64<5_000>;
	type WeightInfo = pallet_gpu_proof::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GpuProofBenchmarkHelper;
}

/// Forgets a withdrawn GPU in the proof-of-GPU pallet (its tally, miss counter and proven
/// fraud).
pub struct GpuProofPurge;
impl pallet_gpu_registry::OnGpuWithdrawn for GpuProofPurge {
	fn on_gpu_withdrawn(gpu: u64) {
		GpuProof::purge_gpu(gpu);
	}
}

/// Creates Active GPUs in the real registry for the proof-of-GPU benchmarks: one catalogue model
/// per benchmark GPU with the given challenge and the fastest throughput (the shortest deadline),
/// and a held stake, so slashing moves real funds.
#[cfg(feature = "runtime-benchmarks")]
pub struct GpuProofBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_gpu_proof::BenchmarkHelper<u64> for GpuProofBenchmarkHelper {
	fn gpu_id(i: u32) -> u64 {
		1_000_000 + u64::from(i)
	}

	fn activate_gpu(gpu: &u64, agent_key: [u8; 32], params: ChallengeParams, _deadline: u32) {
		use frame_support::traits::fungible::{Mutate, MutateHold};
		use pallet_gpu_registry::{
			types::{GpuRecord, GpuSpecs},
			AgentKeys, ChallengeParams as CatalogueChallenge, ModelSpec,
		};
		let model = u32::try_from(*gpu).unwrap_or(u32::MAX);
		Models::<Runtime>::insert(
			model,
			ModelSpec {
				name: sp_runtime::BoundedVec::truncate_from(b"benchmark".to_vec()),
				vram_mib: 1_024,
				int8_tops: u32::MAX,
				fp16_tflops: 1,
				memory_bandwidth_gbps: 1,
				min_stake: crate::UNIT,
				reward_weight: sp_runtime::Permill::one(),
				challenge: CatalogueChallenge {
					n: params.n,
					lag: params.lag,
					steps: params.steps,
					samples: params.samples,
					deadline_slack: sp_runtime::Permill::zero(),
				},
			},
		);
		let provider: AccountId = frame_benchmarking::account("gpu-provider", 0, 0);
		let stake = 1_000 * crate::UNIT;
		let _ = crate::Balances::mint_into(&provider, 2 * stake);
		let _ = crate::Balances::hold(
			&pallet_gpu_registry::HoldReason::GpuStake.into(),
			&provider,
			stake,
		);
		Gpus::<Runtime>::insert(
			gpu,
			GpuRecord {
				provider,
				model,
				specs: GpuSpecs { vram_mib: 1_024, serial_hash: [0; 32] },
				region: Default::default(),
				endpoint: sp_runtime::BoundedVec::truncate_from(b"http://127.0.0.1:9955".to_vec()),
				agent_key,
				status: GpuStatus::Active,
				stake,
				price: None,
				registered_at: 0,
			},
		);
		AgentKeys::<Runtime>::insert(agent_key, gpu);
	}
}

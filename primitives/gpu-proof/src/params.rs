//! Challenge parameters, the per-GPU seed and the lag rule `δ_t = 1 + (H(ρ_t) mod L)`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_crypto_hashing::blake2_256;

use crate::{domain, Hash, ProofError};

/// Identifier of a registered GPU. A narrower on-chain id (`u32`) converts losslessly.
pub type GpuId = u64;

/// Smallest matrix dimension: a 1×1 "matrix" has a one-leaf tree and no mixing at all.
pub const MIN_N: u32 = 2;
/// Largest matrix dimension: with entries in `[−125, 125]` an int32 dot product of length `n` is
/// bounded by `n·125² ≤ 2.56·10⁸ < 2³¹`, and even arbitrary (untrusted) i8 columns give
/// `n·128² = 2²⁸`, so neither the workload nor the verifier can overflow.
pub const MAX_N: u32 = 16_384;
/// Largest lag window. The agent keeps `L + 1` matrices resident; the catalogue sizes `L` so that
/// `L·n² ≈ 0.85·VRAM` (≈ 470 at n = 16384 on a 141 GB card), so 1024 leaves headroom while
/// bounding what a malformed parameter set can make an agent allocate.
pub const MAX_LAG: u32 = 1_024;
/// Largest step count: the step tree has `T + 1` leaves, which must fit a `u32` leaf index.
pub const MAX_STEPS: u32 = u32::MAX - 1;
/// Largest number of samples per challenge, bounding the verifier's work and the response size.
pub const MAX_SAMPLES: u32 = 4_096;

/// The parameters of one challenge, fixed by the model's catalogue entry.
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
pub struct ChallengeParams {
	/// Matrix dimension: every `X_t` and `R_t` is `n × n`.
	pub n: u32,
	/// The lag window `L`: step `t` multiplies by `X_{t−δ_t}` with `δ_t ∈ 1..=L`.
	pub lag: u32,
	/// The step count `T`: the chain is `X_0, …, X_T`.
	pub steps: u32,
	/// The number `K` of sampled openings per challenge.
	pub samples: u32,
}

impl ChallengeParams {
	/// Checks `MIN_N ≤ n ≤ MAX_N`, `1 ≤ L ≤ MAX_LAG`, `1 ≤ T ≤ MAX_STEPS`,
	/// `1 ≤ K ≤ MAX_SAMPLES`.
	pub fn validate(&self) -> Result<(), ProofError> {
		let valid = (MIN_N..=MAX_N).contains(&self.n)
			&& (1..=MAX_LAG).contains(&self.lag)
			&& (1..=MAX_STEPS).contains(&self.steps)
			&& (1..=MAX_SAMPLES).contains(&self.samples);
		if valid {
			Ok(())
		} else {
			Err(ProofError::InvalidParams)
		}
	}

	/// Number of leaves of the step tree: the step roots `ρ_0..ρ_T`.
	pub fn step_leaf_count(&self) -> u32 {
		self.steps.saturating_add(1)
	}
}

/// The seed of GPU `gpu_id` in challenge epoch `epoch`:
/// `blake2_256("heliox/pogpu/v1/seed" ‖ randomness ‖ gpu_id (u64 LE) ‖ epoch (u64 LE))`.
///
/// `randomness` must be unpredictable before the epoch starts (BABE epoch randomness), never the
/// insecure collective-flip randomness. Including `gpu_id` gives every GPU its own chain, so one
/// computation cannot answer for two registrations.
pub fn challenge_seed(randomness: &Hash, gpu_id: GpuId, epoch: u64) -> Hash {
	let mut input = [0u8; domain::SEED.len() + 32 + 8 + 8];
	let (prefix, rest) = input.split_at_mut(domain::SEED.len());
	prefix.copy_from_slice(domain::SEED);
	let (randomness_bytes, rest) = rest.split_at_mut(32);
	randomness_bytes.copy_from_slice(randomness);
	let (gpu_bytes, epoch_bytes) = rest.split_at_mut(8);
	gpu_bytes.copy_from_slice(&gpu_id.to_le_bytes());
	epoch_bytes.copy_from_slice(&epoch.to_le_bytes());
	blake2_256(&input)
}

/// `δ_t = 1 + (H(ρ_t) mod L)` with `H(ρ_t) = blake2_256("heliox/pogpu/v1/lag" ‖ ρ_t)` read as a
/// little-endian `u64` from its first 8 bytes (bias `≤ L/2⁶⁴`, irrelevant here: `δ_t` only has to
/// be unknown before `X_t` exists). A zero `lag_window` is treated as 1 (validated params never
/// have it).
pub fn lag_distance(step_root: &Hash, lag_window: u32) -> u32 {
	let mut input = [0u8; domain::LAG.len() + 32];
	let (prefix, root_bytes) = input.split_at_mut(domain::LAG.len());
	prefix.copy_from_slice(domain::LAG);
	root_bytes.copy_from_slice(step_root);
	let digest = blake2_256(&input);
	let mut word = [0u8; 8];
	word.copy_from_slice(&digest[..8]);
	let window = u64::from(lag_window.max(1));
	// The remainder is `< window ≤ u32::MAX`, so the narrowing is exact.
	1 + (u64::from_le_bytes(word) % window) as u32
}

/// The index of the lag matrix of step `t`: `t − δ_t`, clamped to `0` (the chain's start, `X_0`)
/// when `δ_t > t`.
pub fn lag_step(t: u32, step_root: &Hash, lag_window: u32) -> u32 {
	t.saturating_sub(lag_distance(step_root, lag_window))
}

/// Integer multiply-accumulate work of a challenge, counted as operations the way the catalogue's
/// int8 TOPS are: `2·n³` per step (one `n × n` by `n × n` product) times `T` steps.
pub fn workload_ops(params: &ChallengeParams) -> u128 {
	let n = u128::from(params.n);
	2 * n * n * n * u128::from(params.steps)
}

/// The commit deadline in blocks after the epoch start: `⌈(1+ε)·T_claim / block_time⌉ + 1` with
/// `T_claim = workload_ops / (int8_tops · 10¹²)` seconds, from the catalogue's governance-measured
/// sustained throughput of the model (never self-reported). `slack_ppm` is `ε` in parts per
/// million; the `+ 1` is the block that includes the commit. `None` when the throughput or the
/// block time is zero or the arithmetic overflows (the caller treats the model as unchallengeable
/// rather than guessing).
pub fn commit_deadline_blocks(
	params: &ChallengeParams,
	int8_tops: u32,
	slack_ppm: u32,
	block_ms: u64,
) -> Option<u32> {
	const PPM: u128 = 1_000_000;
	const TERA: u128 = 1_000_000_000_000;
	if int8_tops == 0 || block_ms == 0 {
		return None;
	}
	// (1+ε)·ops·1000 ms / (tops·10¹²) / block_ms, with ε = slack_ppm / 10⁶.
	let numerator = workload_ops(params)
		.checked_mul(1_000)?
		.checked_mul(PPM.checked_add(u128::from(slack_ppm))?)?;
	let denominator = u128::from(int8_tops)
		.checked_mul(TERA)?
		.checked_mul(PPM)?
		.checked_mul(u128::from(block_ms))?;
	let blocks = numerator.div_ceil(denominator).checked_add(1)?;
	u32::try_from(blocks).ok()
}

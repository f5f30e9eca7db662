//! # heliox-gpu-proof: the Heliox proof-of-GPU protocol, v1
//!
//! A FRAME-free, `no_std`, float-free core of the protocol specified in the project anchor
//! `proof-of-gpu.md`: the deterministic workload an agent runs on its GPU, the commitment it
//! signs, the positions a verifier samples, the openings the agent serves and the O(n) check of one
//! opening. Everything is exact integer arithmetic, so every backend (this crate's
//! [`CpuBackend`], a future CUDA backend) must produce bit-identical matrices and roots; the test
//! vectors in `src/tests/vectors.rs` pin them.
//!
//! ## Why this workload (and not "open one entry of A·B")
//!
//! Existing "proofs of GPU" open one entry of a product whose inputs have structure (Bittensor's
//! Hankel matrices admit an O(n²) recurrence for the whole product) or rely on self-reported
//! timings. Here each step is a full n×n int8 matrix product whose inputs are outputs of the
//! previous steps, mixed so that no shortcut is known:
//!
//! ```text
//!     X_{t+1} = ((X_tᵀ · X_{t−δ_t} + R_t) mod 251) − 125,     δ_t = 1 + (H(ρ_t) mod L)
//! ```
//!
//! * **The transpose mixes all rows every step**: entry `(i, j)` is column `i` of `X_t` dotted with
//!   column `j` of `X_{t−δ}`, so every output row depends on every input row and the work cannot be
//!   split by rows across machines.
//! * **The lag forces memory**: `δ_t` is only known once `ρ_t` (the Merkle root of `X_t`) is, and
//!   ranges over `1..=L`, so the last `L` matrices must stay resident (`L·n² ≈ 0.85·VRAM` in the
//!   catalogue); a card with too little memory pays transfers and misses the deadline.
//! * **`mod 251` leaves incompressible values**: entries are (close to) uniform over the 251 values
//!   `−125..=125`, so a cheater that guesses an entry is right with probability 1/251, and the
//!   per-step additive PRF matrix `R_t` removes any algebraic structure (fixed points, low rank).
//! * **int8 with int32 accumulation** is what tensor cores do natively: `|Σ| ≤ n·125² < 2³¹` for
//!   `n ≤ 16384` ([`MAX_N`]), so there is no overflow, no rounding and no tolerance.
//!
//! ## The protocol, step by step
//!
//! 1. **Seed.** [`challenge_seed`]`(randomness, g, e)` = `blake2_256("…/seed" ‖ randomness ‖ g ‖ e)`
//!    from the BABE randomness of challenge epoch `e` (never collective-flip randomness).
//! 2. **Workload.** [`Workload`] runs `X_0 → X_1 → … → X_T` on a [`ComputeBackend`], keeping only
//!    the lag window of `L + 1` matrices, and records the step roots `ρ_0..ρ_T`
//!    ([`column_leaf_hash`], [`MerkleTree`]). `X_0` and `R_t` come from ChaCha20 keyed by the seed
//!    ([`MatrixPrf`]; stream 0 for `X_0`, stream `t + 1` for `R_t`; entry `(i, j)` at keystream
//!    words `2(j·n + i)`, `2(j·n + i) + 1`), so any single entry can be recomputed in O(1)
//!    ([`r_entry`]).
//! 3. **Commitment.** [`Commitment`]: the Merkle root over the step roots. The agent signs
//!    `commit(g, e, root)`; the runtime only accepts it before the catalogue's deadline (not here).
//! 4. **Sampling.** After the commit is included, a later block's randomness (the beacon) picks
//!    `K` positions with [`sample_positions`]`(beacon, root, g, params)`: they depend on the root, so
//!    they cannot be known when the work is (not) done.
//! 5. **Openings.** The agent replays the chain from the seed ([`open_positions`]) and serves one
//!    [`Opening`] per position: the columns `X_t[:, i]`, `X_{t−δ}[:, j]`, `X_{t+1}[:, j]`, their
//!    column Merkle paths and the three step roots with their paths into the commitment.
//! 6. **Verification.** [`verify_opening`] checks the paths, recomputes `δ_t` from `ρ_t`, recomputes
//!    `R_t[i, j]` and checks `X_{t+1}[i, j]` with one length-n dot product: O(n) work and ≈ 3n bytes
//!    per sample instead of the `2n³·T` operations of recomputing. [`ProofError::EntryMismatch`]
//!    after all paths verified is a fraud proof: the signed opening plus one dot product, which the
//!    runtime can re-check itself.
//! 7. **Soundness.** If a fraction `e` of the committed entries is wrong, each sample passes with
//!    probability at most `1 − e·250/251` (it must hit a correct entry, or a wrong entry that
//!    happens to equal the true value), so `P[pass] ≤ (1 − e·250/251)^K`
//!    ([`pass_probability_bound`]). `K = 48` catches `e = 10 %` with probability ≥ 99.35 %.
//!
//! ## The protocol around the math (what the pallet and the agent share)
//!
//! * [`protocol`]: the bytes the agent key signs — [`commit_message`] (the commitment) and
//!   [`opening_message`] (each served opening, so a wrong one is an attributable fraud proof) —
//!   and the HTTP wire format between verifiers and agents (`/pog/openings`, `/pog/opening`,
//!   `/pog/commit`, SCALE bodies, bounded decoding).
//! * [`selection`]: the epoch's **sampled set** ([`is_sampled`]: a fraction `q` of the GPUs,
//!   fixed by the beacon after every commit deadline, so unknown while the work is done), the
//!   **verifier assignment** ([`assign_verifiers`]: `k` of `V` from `H(beacon ‖ g)`) and the
//!   2/3 [`quorum`].
//! * [`verdict`]: a verifier's [`Verdict`] (pass / fail / no response, one byte) and the
//!   [`Tally`] that settles a GPU's epoch.
//! * [`cost`]: bytes and weight per epoch as a function of the number of GPUs and verifiers,
//!   with the projection table (100k GPUs, 600-block epochs: well within 25 % of a block).
//! * [`traits::ProofRegistry`]: what the proof-of-GPU pallet needs from the GPU registry.
//!
//! With a sampled fraction `q`, a cheater that skips a fraction `e` of the work is opened with
//! probability `q` and then caught with probability `≥ 1 − (1 − e·250/251)^K` per epoch
//! ([`detection_probability_bound`]); the stake must cover `R(1 − q·P_det)/(q·P_det)` per epoch
//! reward `R` (the anchor's economics).
//!
//! ## Choices the anchor leaves open (fixed here, normative for every backend)
//!
//! * **Matrices are column-major**: column `j` of an n×n matrix is `entries[j·n .. (j+1)·n]`, which
//!   is both the Merkle leaf and a dot-product operand.
//! * **PRF entries**: one 64-bit little-endian keystream value `w` per entry, mapped to
//!   `⌊w·251 / 2⁶⁴⌋ − 125` ([`entry_from_word`]); the distance from uniform is below `251/2⁶⁴ < 2⁻⁵⁶`
//!   per entry, and unlike rejection sampling it keeps O(1) random access.
//! * **Lag clamp**: for `t < δ_t` the lag matrix is `X_0` (so `X_1 = X_0ᵀ·X_0 + R_0`, reduced).
//! * **Merkle trees**: leaves and interior nodes are domain-separated; an odd node at the end of
//!   a level is promoted unchanged (no duplication, hence no CVE-2012-2459 style ambiguity; the
//!   tree equals RFC 6962's "largest power of two on the left" split).
//! * **The commitment includes `ρ_0`**: the step tree has the `T + 1` leaves `ρ_0..ρ_T` (the
//!   anchor writes `Root(ρ_1..ρ_T)`). Openings at `t = 0` and lags clamped to `X_0` need `ρ_0`; the
//!   verifier additionally checks any opened `X_0` column against the PRF, so `X_0` cannot be
//!   chosen by the agent.
//! * **Samples** are drawn with replacement (independent), uniformly over `T·n²` by reducing a
//!   128-bit hash (bias `< T·n²/2¹²⁸ < 2⁻⁶⁸`).
//!
//! ## Example
//!
//! ```
//! use heliox_gpu_proof::*;
//!
//! let params = ChallengeParams { n: 8, lag: 2, steps: 4, samples: 3 };
//! let seed = challenge_seed(&[7; 32], 1, 2);
//!
//! // Agent: run the workload and commit.
//! let commitment = Workload::new(params, seed, CpuBackend).unwrap().run().unwrap();
//!
//! // Verifier: sample positions from a later beacon; agent: replay and open them.
//! let positions = sample_positions(&[9; 32], &commitment.root(), 1, &params).unwrap();
//! let openings = open_positions(params, seed, CpuBackend, &commitment, &positions).unwrap();
//!
//! // Verifier: O(n) per opening.
//! for opening in &openings {
//!     assert_eq!(verify_opening(&params, &seed, &commitment.root(), opening), Ok(()));
//! }
//! ```

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod backend;
pub mod cost;
mod error;
mod matrix;
mod merkle;
mod opening;
mod params;
mod prf;
pub mod protocol;
mod sampling;
pub mod selection;
mod soundness;
pub mod traits;
pub mod verdict;
mod verify;
mod workload;

#[cfg(test)]
mod tests;

pub use backend::{ComputeBackend, CpuBackend, CpuBackendError, SkippingBackend};
pub use error::{OpeningFailure, ProofError};
pub use matrix::{next_entry, Matrix, ENTRY_MAX, ENTRY_MIN, MODULUS};
pub use merkle::{
	column_leaf_hash, column_leaves, column_root, merkle_root, node_hash, path_length,
	root_from_path, step_leaf_hash, tree_depth, verify_path, MerklePath, MerkleTree, EMPTY_ROOT,
};
pub use opening::{decode_opening, encoded_len_bound, encoded_len_bound_for, Opening};
pub use params::{
	challenge_seed, commit_deadline_blocks, lag_distance, lag_step, workload_ops, ChallengeParams,
	GpuId, MAX_LAG, MAX_N, MAX_SAMPLES, MAX_STEPS, MIN_N,
};
pub use prf::{entry_from_word, initial_entry, prf_key, r_entry, MatrixPrf, INITIAL_MATRIX_STREAM};
pub use protocol::{
	commit_message, decode_openings_response, opening_message, AgentSignature, EpochIndex,
	OpeningsResponse, SignedCommit, SignedOpening, SIGNED_COMMIT_LEN,
};
pub use sampling::{sample_position, sample_positions, OpeningPosition};
pub use selection::{assign_verifiers, is_sampled, quorum, verifier_slot, MAX_ASSIGNED, PPB};
pub use soundness::{
	detection_probability_bound, pass_probability_bound, sample_pass_probability, PPM,
	PROBABILITY_ONE,
};
pub use sp_arithmetic::Perbill;
pub use traits::ProofRegistry;
pub use verdict::{Outcome, Tally, TallyError, Verdict};
pub use verify::{verify_opening, verify_sampled_openings};
pub use workload::{open_positions, Commitment, Workload, WorkloadError};

/// A 32-byte BLAKE2b-256 digest: seeds, Merkle nodes, step roots, the commitment root.
pub type Hash = [u8; 32];

/// Domain-separation prefixes of every hash in the protocol. None is a prefix of another (tested),
/// so two different purposes can never hash the same byte string.
pub mod domain {
	/// [`challenge_seed`](crate::challenge_seed).
	pub const SEED: &[u8] = b"heliox/pogpu/v1/seed";
	/// ChaCha20 key derivation from the seed ([`prf_key`](crate::prf_key)).
	pub const PRF_KEY: &[u8] = b"heliox/pogpu/v1/prf-key";
	/// Leaf of a column tree ([`column_leaf_hash`](crate::column_leaf_hash)).
	pub const COLUMN_LEAF: &[u8] = b"heliox/pogpu/v1/column-leaf";
	/// Leaf of the step tree ([`step_leaf_hash`](crate::step_leaf_hash)).
	pub const STEP_LEAF: &[u8] = b"heliox/pogpu/v1/step-leaf";
	/// Interior Merkle node of both trees ([`node_hash`](crate::node_hash)).
	pub const NODE: &[u8] = b"heliox/pogpu/v1/node";
	/// `H(ρ_t)` in `δ_t = 1 + (H(ρ_t) mod L)` ([`lag_distance`](crate::lag_distance)).
	pub const LAG: &[u8] = b"heliox/pogpu/v1/lag";
	/// Sampled opening positions ([`sample_position`](crate::sample_position)).
	pub const SAMPLE: &[u8] = b"heliox/pogpu/v1/sample";
	/// The commit the agent key signs ([`commit_message`](crate::commit_message)).
	pub const COMMIT: &[u8] = b"heliox/pogpu/v1/commit";
	/// An opening the agent key signs ([`opening_message`](crate::opening_message)).
	pub const OPENING: &[u8] = b"heliox/pogpu/v1/opening";
	/// The sampled set of an epoch ([`is_sampled`](crate::is_sampled)).
	pub const SAMPLED: &[u8] = b"heliox/pogpu/v1/opened-gpu";
	/// Verifier assignment ([`assign_verifiers`](crate::assign_verifiers)).
	pub const ASSIGN: &[u8] = b"heliox/pogpu/v1/assign";

	/// All prefixes, for the prefix-freeness test.
	pub const ALL: [&[u8]; 11] = [
		SEED,
		PRF_KEY,
		COLUMN_LEAF,
		STEP_LEAF,
		NODE,
		LAG,
		SAMPLE,
		COMMIT,
		OPENING,
		SAMPLED,
		ASSIGN,
	];
}

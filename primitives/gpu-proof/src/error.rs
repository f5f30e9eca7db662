//! Why an opening (or a set of openings) was rejected.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Why [`verify_opening`](crate::verify_opening) (or parameter validation, sampling, decoding)
/// refused. Openings are untrusted bytes from agents: every malformed input maps to one of these,
/// never to a panic.
///
/// Only [`EntryMismatch`](Self::EntryMismatch) is a *fraud proof*: it is returned after every
/// Merkle path was verified against the signed commitment, so the committed chain itself is
/// inconsistent at the sampled entry. Every other variant means the opening is not a valid
/// response (a "no valid response" verdict), not that the computation is provably wrong.
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
pub enum ProofError {
	/// The challenge parameters are outside the supported ranges
	/// ([`ChallengeParams::validate`](crate::ChallengeParams::validate)).
	InvalidParams,
	/// The opened position is outside the chain: `t ≥ T` or `i, j ≥ n`.
	IndexOutOfRange,
	/// An opened column does not have exactly `n` entries.
	DimensionMismatch,
	/// A path's `leaf_index` is not the leaf it has to authenticate (`i` for `X_t[:, i]`, `j` for
	/// `X_{t+1}[:, j]`, `t` and `t + 1` for the step roots).
	PathIndexMismatch,
	/// An opened column does not hash up to its step root along its path (wrong column, wrong
	/// entries, flipped sibling, wrong path length).
	MerklePathInvalid,
	/// A step root does not hash up to the committed root at its step index.
	StepRootNotInCommitment,
	/// The lag matrix is not `X_{t−δ_t}` with `δ_t = 1 + (H(ρ_t) mod L)` recomputed from `ρ_t`
	/// (clamped to `X_0`).
	WrongDelta,
	/// The lag column is not column `j` of the lag matrix.
	WrongLagColumn,
	/// An opened column of `X_0` differs from the PRF output (the agent may not choose `X_0`).
	InitialMatrixMismatch,
	/// **Fraud**: `X_{t+1}[i, j] ≠ ((X_t[:, i] · X_{t−δ}[:, j] + R_t[i, j]) mod 251) − 125` for
	/// columns authenticated against the commitment.
	EntryMismatch,
	/// The encoded opening is longer than [`encoded_len_bound`](crate::encoded_len_bound) allows.
	OpeningTooLarge,
	/// The bytes are not exactly one SCALE-encoded opening.
	Malformed,
	/// The response does not have one opening per sampled position.
	WrongOpeningCount,
	/// An opening is for another position than the one sampled at its place.
	PositionMismatch,
}

/// The first rejected opening of a response: its index and why.
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
pub struct OpeningFailure {
	/// Index of the opening in the response (and of its position in the sample).
	pub index: u32,
	/// Why it was rejected.
	pub error: ProofError,
}

//! The opening format and its size bound.

use alloc::vec::Vec;

use codec::{Decode, DecodeAll, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;

use crate::{tree_depth, ChallengeParams, Hash, MerklePath, ProofError};

/// The agent's answer to one sampled position `(t, i, j)`: everything the verifier needs to check
/// `X_{t+1}[i, j]` in O(n) against the signed commitment.
///
/// The lag step `t − δ_t` is not sent: the verifier recomputes `δ_t` from `ρ_t`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Opening {
	/// The step: the entry checked is `X_{t+1}[i, j]`.
	pub t: u32,
	/// Row of the checked entry; column `i` of `X_t` is opened.
	pub i: u32,
	/// Column of the checked entry; column `j` of `X_{t−δ}` and of `X_{t+1}` are opened.
	pub j: u32,
	/// `X_t[:, i]`.
	pub col_xt_i: Vec<i8>,
	/// `X_{t−δ_t}[:, j]`.
	pub col_lag_j: Vec<i8>,
	/// `X_{t+1}[:, j]`; its entry `i` is the one checked.
	pub col_next_j: Vec<i8>,
	/// Path of `X_t[:, i]` (leaf `i`) under `ρ_t`.
	pub path_xt_i: MerklePath,
	/// Path of `X_{t−δ}[:, j]` (leaf `j`) under `ρ_{t−δ}`.
	pub path_lag_j: MerklePath,
	/// Path of `X_{t+1}[:, j]` (leaf `j`) under `ρ_{t+1}`.
	pub path_next_j: MerklePath,
	/// `ρ_t`.
	pub root_t: Hash,
	/// `ρ_{t−δ}`.
	pub root_lag: Hash,
	/// `ρ_{t+1}`.
	pub root_next: Hash,
	/// Path of `ρ_t` (leaf `t`) in the commitment.
	pub step_path_t: MerklePath,
	/// Path of `ρ_{t−δ}` (leaf `t − δ_t`) in the commitment.
	pub step_path_lag: MerklePath,
	/// Path of `ρ_{t+1}` (leaf `t + 1`) in the commitment.
	pub step_path_next: MerklePath,
}

/// Length of SCALE's compact encoding of `value`.
fn compact_len(value: u64) -> usize {
	match value {
		0..=0x3f => 1,
		0x40..=0x3fff => 2,
		0x4000..=0x3fff_ffff => 4,
		_ => 5,
	}
}

/// Upper bound on the encoded length of an opening with columns of length `n`, column paths of
/// at most `column_depth` siblings and step paths of at most `step_depth` siblings.
pub fn encoded_len_bound_for(n: u32, column_depth: u32, step_depth: u32) -> usize {
	// Saturating: the arguments are arbitrary and `usize` may be 32 bits (wasm).
	let column = compact_len(u64::from(n)).saturating_add(n as usize);
	let path = |depth: u32| {
		(4 + compact_len(u64::from(depth))).saturating_add((depth as usize).saturating_mul(32))
	};
	let positions = 3 * 4;
	let roots = 3 * 32;
	[column, path(column_depth), path(step_depth)]
		.iter()
		.fold(positions + roots, |total, &part| total.saturating_add(part.saturating_mul(3)))
}

/// Upper bound on the encoded length of an honest (canonical) opening for `params`: columns of
/// `n` entries, column trees of `n` leaves, a step tree of `T + 1` leaves. Paths are canonical
/// (`root_from_path` rejects any other length), so a valid opening never exceeds it.
pub fn encoded_len_bound(params: &ChallengeParams) -> usize {
	encoded_len_bound_for(params.n, tree_depth(params.n), tree_depth(params.step_leaf_count()))
}

/// Decodes an opening from untrusted bytes: refuses inputs longer than
/// [`encoded_len_bound`] before decoding (so a forged length prefix cannot make the decoder
/// allocate more), and requires the bytes to be exactly one opening.
pub fn decode_opening(params: &ChallengeParams, bytes: &[u8]) -> Result<Opening, ProofError> {
	params.validate()?;
	if bytes.len() > encoded_len_bound(params) {
		return Err(ProofError::OpeningTooLarge);
	}
	Opening::decode_all(&mut &bytes[..]).map_err(|_| ProofError::Malformed)
}

//! The verifier: O(n) per opening.

use crate::{
	column_leaf_hash, lag_step, root_from_path, sample_positions, step_leaf_hash, verify_path,
	ChallengeParams, GpuId, Hash, MatrixPrf, MerklePath, Opening, OpeningFailure, ProofError,
};

/// Checks that `path` authenticates `root` as step `expected_step` of the commitment.
fn check_step_root(
	commitment_root: &Hash,
	step_leaf_count: u32,
	root: &Hash,
	path: &MerklePath,
	expected_step: u32,
	wrong_index: ProofError,
) -> Result<(), ProofError> {
	if path.leaf_index != expected_step {
		return Err(wrong_index);
	}
	if !verify_path(commitment_root, step_leaf_count, &step_leaf_hash(expected_step, root), path) {
		return Err(ProofError::StepRootNotInCommitment);
	}
	Ok(())
}

/// Checks that `path` authenticates `column` as column `expected_index` of `X_step` under
/// `step_root`.
fn check_column(
	step_root: &Hash,
	n: u32,
	step: u32,
	column: &[i8],
	path: &MerklePath,
	expected_index: u32,
	wrong_index: ProofError,
) -> Result<(), ProofError> {
	if path.leaf_index != expected_index {
		return Err(wrong_index);
	}
	let leaf = column_leaf_hash(step, expected_index, column);
	if root_from_path(n, &leaf, path).as_ref() != Some(step_root) {
		return Err(ProofError::MerklePathInvalid);
	}
	Ok(())
}

/// Verifies one opening against the commitment root `commitment_root` of the challenge with seed
/// `seed`: O(n) hashing, one length-n dot product and one PRF lookup (plus, for openings that touch
/// `X_0`, one or two PRF columns).
///
/// Order of checks: shape, step roots in the commitment, the lag rule, columns under their step
/// roots, `X_0` columns against the PRF, and only then the entry. So
/// [`ProofError::EntryMismatch`] is only ever returned for data the agent committed to: it is a
/// fraud proof.
pub fn verify_opening(
	params: &ChallengeParams,
	seed: &Hash,
	commitment_root: &Hash,
	opening: &Opening,
) -> Result<(), ProofError> {
	params.validate()?;
	let n = params.n;
	let (t, i, j) = (opening.t, opening.i, opening.j);
	if t >= params.steps || i >= n || j >= n {
		return Err(ProofError::IndexOutOfRange);
	}
	let n_usize = n as usize;
	if opening.col_xt_i.len() != n_usize
		|| opening.col_lag_j.len() != n_usize
		|| opening.col_next_j.len() != n_usize
	{
		return Err(ProofError::DimensionMismatch);
	}

	// 1. The step roots ρ_t and ρ_{t+1} are in the commitment at their steps.
	let step_leaves = params.step_leaf_count();
	let wrong_step = ProofError::PathIndexMismatch;
	check_step_root(
		commitment_root,
		step_leaves,
		&opening.root_t,
		&opening.step_path_t,
		t,
		wrong_step,
	)?;
	let next = t + 1;
	check_step_root(
		commitment_root,
		step_leaves,
		&opening.root_next,
		&opening.step_path_next,
		next,
		wrong_step,
	)?;

	// 2. The lag matrix is X_{t−δ_t}, δ_t recomputed from the authenticated ρ_t.
	let lag = lag_step(t, &opening.root_t, params.lag);
	check_step_root(
		commitment_root,
		step_leaves,
		&opening.root_lag,
		&opening.step_path_lag,
		lag,
		ProofError::WrongDelta,
	)?;

	// 3. The columns are the committed ones, at the right indices of the right steps.
	let wrong_column = ProofError::PathIndexMismatch;
	check_column(&opening.root_t, n, t, &opening.col_xt_i, &opening.path_xt_i, i, wrong_column)?;
	check_column(
		&opening.root_lag,
		n,
		lag,
		&opening.col_lag_j,
		&opening.path_lag_j,
		j,
		ProofError::WrongLagColumn,
	)?;
	check_column(
		&opening.root_next,
		n,
		next,
		&opening.col_next_j,
		&opening.path_next_j,
		j,
		wrong_column,
	)?;

	// 4. X_0 comes from the seed, not from the agent.
	if t == 0 || lag == 0 {
		let initial = MatrixPrf::initial(seed, n);
		if t == 0 && initial.column(i) != opening.col_xt_i {
			return Err(ProofError::InitialMatrixMismatch);
		}
		if lag == 0 && initial.column(j) != opening.col_lag_j {
			return Err(ProofError::InitialMatrixMismatch);
		}
	}

	// 5. The entry: (X_tᵀ · X_{t−δ})[i, j] = X_t[:, i] · X_{t−δ}[:, j].
	let dot: i64 = opening
		.col_xt_i
		.iter()
		.zip(&opening.col_lag_j)
		.map(|(&a, &b)| i64::from(a) * i64::from(b))
		.sum();
	let expected = crate::next_entry(dot, MatrixPrf::additive(seed, n, t).entry(i, j));
	let claimed = opening.col_next_j.get(i as usize).copied().ok_or(ProofError::IndexOutOfRange)?;
	if claimed != expected {
		return Err(ProofError::EntryMismatch);
	}
	Ok(())
}

/// Verifies a whole response: one opening per position sampled by
/// [`sample_positions`]`(beacon, commitment_root, gpu_id, params)`, in order. Returns the first
/// failure with its index (for a fraud proof, the opening at that index is the evidence).
pub fn verify_sampled_openings(
	params: &ChallengeParams,
	seed: &Hash,
	commitment_root: &Hash,
	beacon: &Hash,
	gpu_id: GpuId,
	openings: &[Opening],
) -> Result<(), OpeningFailure> {
	let fail = |index: usize, error| OpeningFailure { index: index as u32, error };
	let positions =
		sample_positions(beacon, commitment_root, gpu_id, params).map_err(|e| fail(0, e))?;
	if openings.len() != positions.len() {
		return Err(fail(0, ProofError::WrongOpeningCount));
	}
	for (index, (position, opening)) in positions.iter().zip(openings).enumerate() {
		if (opening.t, opening.i, opening.j) != (position.t, position.i, position.j) {
			return Err(fail(index, ProofError::PositionMismatch));
		}
		verify_opening(params, seed, commitment_root, opening).map_err(|e| fail(index, e))?;
	}
	Ok(())
}

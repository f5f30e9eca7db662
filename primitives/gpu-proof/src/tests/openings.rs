//! Honest openings verify; forged ones are rejected with the right error; fraud is detected.

use super::*;

const PARAMS: ChallengeParams = ChallengeParams { n: 8, lag: 3, steps: 6, samples: 8 };

fn chain() -> FullChain {
	FullChain::honest(PARAMS, test_seed(30))
}

/// A step whose lag is not clamped (so X_0 checks do not interfere) and an alternative lag.
fn step_with_alternative_lag(chain: &FullChain) -> (u32, u32, u32) {
	let t = 5;
	let lag = chain.lag_of(t);
	let other = if lag == 4 { 3 } else { 4 };
	(t, lag, other)
}

#[test]
fn every_honest_opening_verifies() {
	let chain = chain();
	for t in 0..PARAMS.steps {
		for i in 0..PARAMS.n {
			for j in 0..PARAMS.n {
				assert_eq!(chain.verify(&chain.opening(t, i, j)), Ok(()), "({t}, {i}, {j})");
			}
		}
	}
}

#[test]
fn flipped_siblings_are_rejected() {
	let chain = chain();
	let honest = chain.opening(4, 3, 6);
	type Field = fn(&mut Opening) -> &mut MerklePath;
	let column_paths: [Field; 3] =
		[|o| &mut o.path_xt_i, |o| &mut o.path_lag_j, |o| &mut o.path_next_j];
	let step_paths: [Field; 3] =
		[|o| &mut o.step_path_t, |o| &mut o.step_path_lag, |o| &mut o.step_path_next];
	for (paths, expected) in [
		(column_paths, ProofError::MerklePathInvalid),
		(step_paths, ProofError::StepRootNotInCommitment),
	] {
		for path_of in paths {
			let siblings = path_of(&mut honest.clone()).siblings.len();
			assert!(siblings > 0);
			for s in 0..siblings {
				let mut forged = honest.clone();
				path_of(&mut forged).siblings[s][31] ^= 0x40;
				assert_eq!(chain.verify(&forged), Err(expected));
			}
			let mut truncated = honest.clone();
			path_of(&mut truncated).siblings.pop();
			assert_eq!(chain.verify(&truncated), Err(expected));
		}
	}
}

#[test]
fn wrong_leaves_and_roots_are_rejected() {
	let chain = chain();
	let (i, j) = (2, 5);
	let honest = chain.opening(3, i, j);
	// Any changed column entry breaks its path — including the checked entry itself, so a cheater
	// cannot "fix" the entry in the opening without breaking the commitment.
	let mut forged = honest.clone();
	forged.col_xt_i[0] = forged.col_xt_i[0].wrapping_add(1);
	assert_eq!(chain.verify(&forged), Err(ProofError::MerklePathInvalid));
	let mut forged = honest.clone();
	forged.col_lag_j[7] = -forged.col_lag_j[7] - 1;
	assert_eq!(chain.verify(&forged), Err(ProofError::MerklePathInvalid));
	let mut forged = honest.clone();
	forged.col_next_j[i as usize] = forged.col_next_j[i as usize].wrapping_add(1);
	assert_eq!(chain.verify(&forged), Err(ProofError::MerklePathInvalid));
	// A different step root is not in the commitment.
	let mut forged = honest.clone();
	forged.root_next[0] ^= 1;
	assert_eq!(chain.verify(&forged), Err(ProofError::StepRootNotInCommitment));
	// Against another commitment nothing verifies.
	let other_root = [0xaa; 32];
	assert_eq!(
		verify_opening(&PARAMS, &chain.seed, &other_root, &honest),
		Err(ProofError::StepRootNotInCommitment)
	);
}

#[test]
fn wrong_indices_are_rejected() {
	let chain = chain();
	let honest = chain.opening(2, 1, 6);
	// Path claims another leaf index than the position.
	let mut forged = honest.clone();
	forged.path_xt_i.leaf_index = 0;
	assert_eq!(chain.verify(&forged), Err(ProofError::PathIndexMismatch));
	let mut forged = honest.clone();
	forged.path_next_j.leaf_index = 7;
	assert_eq!(chain.verify(&forged), Err(ProofError::PathIndexMismatch));
	// Position relabelled while keeping the columns: the path indices no longer match.
	let mut forged = honest.clone();
	forged.i = 0;
	assert_eq!(chain.verify(&forged), Err(ProofError::PathIndexMismatch));
	// Relabelled consistently (index and path index), the leaf hash binds the real index.
	let mut forged = honest.clone();
	forged.i = 0;
	forged.path_xt_i.leaf_index = 0;
	assert_eq!(chain.verify(&forged), Err(ProofError::MerklePathInvalid));
	// Out of range.
	for (t, i, j) in [(PARAMS.steps, 0, 0), (0, PARAMS.n, 0), (0, 0, PARAMS.n)] {
		let mut forged = honest.clone();
		(forged.t, forged.i, forged.j) = (t, i, j);
		assert_eq!(chain.verify(&forged), Err(ProofError::IndexOutOfRange));
	}
	// Wrong column lengths.
	let mut forged = honest.clone();
	forged.col_lag_j.pop();
	assert_eq!(chain.verify(&forged), Err(ProofError::DimensionMismatch));
	let mut forged = honest.clone();
	forged.col_next_j.push(0);
	assert_eq!(chain.verify(&forged), Err(ProofError::DimensionMismatch));
	// Invalid parameters.
	let bad = ChallengeParams { lag: 0, ..PARAMS };
	assert_eq!(
		verify_opening(&bad, &chain.seed, &chain.root(), &honest),
		Err(ProofError::InvalidParams)
	);
}

#[test]
fn swapped_lag_column_is_rejected() {
	let chain = chain();
	let (t, i, j) = (4, 0, 2);
	let lag = chain.lag_of(t);
	let honest = chain.opening(t, i, j);
	let other = chain.opening(t, i, j + 1);
	// Column j + 1 of the lag matrix with its valid path.
	let mut forged = honest.clone();
	forged.col_lag_j = other.col_lag_j.clone();
	forged.path_lag_j = other.path_lag_j.clone();
	assert_eq!(chain.verify(&forged), Err(ProofError::WrongLagColumn));
	// Same, with the path relabelled as column j.
	forged.path_lag_j.leaf_index = j;
	assert_eq!(chain.verify(&forged), Err(ProofError::MerklePathInvalid));
	// Column j of a *different* matrix presented under the lag matrix's root.
	let mut forged = honest.clone();
	let not_lag = if lag == t { t - 1 } else { t };
	forged.col_lag_j = chain.matrices[not_lag as usize].column(j).unwrap().to_vec();
	assert_eq!(chain.verify(&forged), Err(ProofError::MerklePathInvalid));
}

#[test]
fn wrong_delta_is_rejected() {
	let chain = chain();
	let (t, lag, other) = step_with_alternative_lag(&chain);
	assert_ne!(lag, other);
	// A fully consistent opening, except that it uses X_other as the lag matrix.
	let forged = chain.opening_with_lag(t, 1, 1, other);
	assert_eq!(chain.verify(&forged), Err(ProofError::WrongDelta));
	// Relabelling its step path as the right lag step does not help.
	let mut relabelled = forged.clone();
	relabelled.step_path_lag = chain.commitment.step_path(lag).unwrap();
	assert_eq!(chain.verify(&relabelled), Err(ProofError::StepRootNotInCommitment));
}

#[test]
fn entry_from_a_different_step_is_rejected() {
	let chain = chain();
	let (i, j) = (3, 3);
	let later = chain.opening(4, i, j);
	// The opening of step 4 submitted as an answer for step 3.
	let mut relabelled = later.clone();
	relabelled.t = 3;
	assert_eq!(chain.verify(&relabelled), Err(ProofError::PathIndexMismatch));
	// Step 4's columns with step 3's step roots and paths: the column leaves bind the step.
	let honest = chain.opening(3, i, j);
	let mut mixed = honest.clone();
	mixed.col_next_j = later.col_next_j.clone();
	mixed.path_next_j = later.path_next_j.clone();
	assert_eq!(chain.verify(&mixed), Err(ProofError::MerklePathInvalid));
	// Step 4's root presented as ρ_{t+1} of step 3.
	let mut mixed = honest.clone();
	mixed.root_next = later.root_next;
	mixed.col_next_j = later.col_next_j.clone();
	mixed.path_next_j = later.path_next_j.clone();
	assert_eq!(chain.verify(&mixed), Err(ProofError::StepRootNotInCommitment));
	// In a response, an opening for another position than the sampled one is refused.
	let beacon = [3; 32];
	let positions = sample_positions(&beacon, &chain.root(), 9, &PARAMS).unwrap();
	let mut openings: Vec<Opening> =
		positions.iter().map(|p| chain.opening(p.t, p.i, p.j)).collect();
	assert_eq!(
		verify_sampled_openings(&PARAMS, &chain.seed, &chain.root(), &beacon, 9, &openings),
		Ok(())
	);
	let swapped = positions[2];
	openings[2] = chain.opening((swapped.t + 1) % PARAMS.steps, swapped.i, swapped.j);
	assert_eq!(
		verify_sampled_openings(&PARAMS, &chain.seed, &chain.root(), &beacon, 9, &openings),
		Err(OpeningFailure { index: 2, error: ProofError::PositionMismatch })
	);
	openings.pop();
	assert_eq!(
		verify_sampled_openings(&PARAMS, &chain.seed, &chain.root(), &beacon, 9, &openings),
		Err(OpeningFailure { index: 0, error: ProofError::WrongOpeningCount })
	);
}

#[test]
fn a_wrong_committed_entry_is_a_fraud_proof() {
	let honest = chain();
	let (t, i, j) = (3u32, 5u32, 1u32);
	let mut matrices = honest.matrices.clone();
	let entry = &mut matrices[t as usize + 1].column_mut(j).unwrap()[i as usize];
	*entry = if *entry == ENTRY_MAX { ENTRY_MIN } else { *entry + 1 };
	let cheater = FullChain::from_matrices(PARAMS, honest.seed, matrices);
	assert_eq!(cheater.verify(&cheater.opening(t, i, j)), Err(ProofError::EntryMismatch));
	// Every other entry of that step is consistent with the committed chain.
	for (other_i, other_j) in [(0, 1), (5, 0), (7, 7), (4, 1)] {
		assert_eq!(cheater.verify(&cheater.opening(t, other_i, other_j)), Ok(()));
	}
	// Under another seed, R_t differs, so the honest chain looks fraudulent (at a step whose lag
	// is not X_0, which is checked against the PRF first).
	let other_seed = test_seed(31);
	let (t, _, _) = step_with_alternative_lag(&honest);
	let mismatches = (0..PARAMS.n)
		.filter(|&i| {
			verify_opening(&PARAMS, &other_seed, &honest.root(), &honest.opening(t, i, 0))
				== Err(ProofError::EntryMismatch)
		})
		.count();
	assert!(mismatches >= 6, "{mismatches}");
}

#[test]
fn a_forged_initial_matrix_is_rejected() {
	let seed = test_seed(32);
	let mut initial = reference_initial(&seed, PARAMS.n);
	initial[2][3] = if initial[2][3] == 0 { 1 } else { 0 };
	// The agent computes honestly from its own X_0.
	let reference = reference_chain_from(&PARAMS, &seed, initial);
	let chain =
		FullChain::from_matrices(PARAMS, seed, reference.matrices.iter().map(to_matrix).collect());
	// t = 0 opens column i of X_0 (and lags X_0): caught for the forged column...
	assert_eq!(chain.verify(&chain.opening(0, 3, 0)), Err(ProofError::InitialMatrixMismatch));
	assert_eq!(chain.verify(&chain.opening(0, 0, 3)), Err(ProofError::InitialMatrixMismatch));
	// ...and openings that never touch the forged column pass (the check is local by design).
	assert_eq!(chain.verify(&chain.opening(0, 1, 2)), Ok(()));
}

#[test]
fn openings_encode_within_the_bound_and_decode_strictly() {
	let chain = chain();
	let bound = encoded_len_bound(&PARAMS);
	assert_eq!(bound, encoded_len_bound_for(8, 3, 3));
	for (t, i, j) in [(0, 0, 0), (5, 7, 7), (2, 3, 4)] {
		let opening = chain.opening(t, i, j);
		let bytes = opening.encode();
		assert!(bytes.len() <= bound, "{} > {bound}", bytes.len());
		assert_eq!(decode_opening(&PARAMS, &bytes), Ok(opening));
		let mut trailing = bytes.clone();
		trailing.push(0);
		assert!(matches!(
			decode_opening(&PARAMS, &trailing),
			Err(ProofError::Malformed | ProofError::OpeningTooLarge)
		));
		assert_eq!(decode_opening(&PARAMS, &bytes[..bytes.len() - 1]), Err(ProofError::Malformed));
	}
	assert_eq!(decode_opening(&PARAMS, &vec![0xff; bound + 1]), Err(ProofError::OpeningTooLarge));
	// A length prefix claiming a huge column is refused without allocating it.
	let mut huge = vec![0u8; 12];
	huge.extend_from_slice(&[0xfe, 0xff, 0xff, 0xff]); // compact 2³⁰ − 1
	assert_eq!(decode_opening(&PARAMS, &huge), Err(ProofError::Malformed));
	// Production sizes: n = 16384 and a 1025-leaf step tree (T = 1024).
	let production = ChallengeParams { n: 16_384, lag: 64, steps: 1_024, samples: 48 };
	let per_opening = encoded_len_bound(&production);
	assert_eq!(
		per_opening,
		12 + 3 * (4 + 16_384) + 3 * (4 + 1 + 14 * 32) + 96 + 3 * (4 + 1 + 11 * 32)
	);
	assert!(per_opening * 48 < 2_500_000);
}

use codec::Encode;

//! The workload runner against the reference chain; the lag window; agent-side errors.

use super::*;

#[test]
fn cpu_workload_matches_the_reference_chain_bit_for_bit() {
	let cases = [
		ChallengeParams { n: 2, lag: 1, steps: 3, samples: 1 },
		ChallengeParams { n: 8, lag: 2, steps: 4, samples: 1 },
		// n not a multiple of the backend's 8-column block, lag window longer than the chain.
		ChallengeParams { n: 13, lag: 7, steps: 5, samples: 1 },
		ChallengeParams { n: 17, lag: 3, steps: 6, samples: 1 },
	];
	for (index, params) in cases.into_iter().enumerate() {
		let seed = test_seed(10 + index as u64);
		let reference = reference_chain(&params, &seed);
		let mut workload = Workload::new(params, seed, CpuBackend).unwrap();
		assert_eq!(workload.matrix(0), Some(&to_matrix(&reference.matrices[0])));
		for t in 0..params.steps {
			let root = workload.advance().unwrap();
			assert_eq!(root, reference.roots[t as usize + 1], "{params:?} step {}", t + 1);
			assert_eq!(
				workload.matrix(t + 1),
				Some(&to_matrix(&reference.matrices[t as usize + 1])),
				"{params:?} step {}",
				t + 1
			);
			assert_eq!(
				lag_step(t, &reference.roots[t as usize], params.lag),
				reference.lags[t as usize]
			);
		}
		assert_eq!(workload.step_roots(), &reference.roots[..]);
		let commitment = Commitment::from_step_roots(workload.step_roots().to_vec());
		assert_eq!(commitment.root(), reference.commitment_root);
		assert_eq!(workload.advance(), Err(WorkloadError::Finished));
	}
}

#[test]
fn at_most_lag_plus_one_matrices_stay_resident() {
	let params = ChallengeParams { n: 4, lag: 3, steps: 12, samples: 1 };
	let mut workload = Workload::new(params, test_seed(20), CpuBackend).unwrap();
	while workload.current_step() < params.steps {
		workload.advance().unwrap();
		let current = workload.current_step();
		assert!(workload.resident_matrices() <= params.lag as usize + 1);
		for step in 0..=current {
			let expected_resident = current - step <= params.lag;
			assert_eq!(workload.matrix(step).is_some(), expected_resident, "{step} at {current}");
		}
		assert_eq!(workload.matrix(current + 1), None);
	}
	// A lag window longer than the chain never allocates more than T + 1 slots.
	let short = ChallengeParams { n: 4, lag: 100, steps: 2, samples: 1 };
	let mut workload = Workload::new(short, test_seed(21), CpuBackend).unwrap();
	workload.run().unwrap();
	assert_eq!(workload.resident_matrices(), 3);
}

#[test]
fn workload_rejects_invalid_params_and_bad_replays() {
	let bad = ChallengeParams { n: 1, lag: 1, steps: 1, samples: 1 };
	assert!(matches!(Workload::new(bad, [0; 32], CpuBackend), Err(WorkloadError::InvalidParams)));

	let params = ChallengeParams { n: 6, lag: 2, steps: 3, samples: 2 };
	let seed = test_seed(22);
	let commitment = Workload::new(params, seed, CpuBackend).unwrap().run().unwrap();
	let position = OpeningPosition { t: 1, i: 2, j: 3 };
	// Another seed's chain cannot be opened against this commitment.
	assert_eq!(
		open_positions(params, test_seed(23), CpuBackend, &commitment, &[position]),
		Err(WorkloadError::ReplayDiverged { step: 0 })
	);
	for outside in [
		OpeningPosition { t: 3, i: 0, j: 0 },
		OpeningPosition { t: 0, i: 6, j: 0 },
		OpeningPosition { t: 0, i: 0, j: 6 },
	] {
		assert_eq!(
			open_positions(params, seed, CpuBackend, &commitment, &[outside]),
			Err(WorkloadError::PositionOutOfRange)
		);
	}
	let truncated = Commitment::from_step_roots(commitment.step_roots()[..3].to_vec());
	assert_eq!(
		open_positions(params, seed, CpuBackend, &truncated, &[position]),
		Err(WorkloadError::CommitmentMismatch)
	);
	// A commitment that differs at a later step is detected during the replay.
	let mut roots = commitment.step_roots().to_vec();
	roots[2][0] ^= 1;
	let tampered = Commitment::from_step_roots(roots);
	assert_eq!(
		open_positions(params, seed, CpuBackend, &tampered, &[position]),
		Err(WorkloadError::ReplayDiverged { step: 2 })
	);
	// Nothing to open before the first step.
	let mut fresh = Workload::new(params, seed, CpuBackend).unwrap();
	assert_eq!(
		fresh.open_last_step(&commitment, &[position]),
		Err(WorkloadError::PositionOutOfRange)
	);
}

#[test]
fn replayed_openings_equal_openings_from_the_stored_chain() {
	let params = ChallengeParams { n: 9, lag: 3, steps: 6, samples: 1 };
	let seed = test_seed(24);
	let chain = FullChain::honest(params, seed);
	let commitment = Workload::new(params, seed, CpuBackend).unwrap().run().unwrap();
	assert_eq!(commitment, chain.commitment);
	// Unsorted, repeated steps, a repeated position.
	let positions: Vec<OpeningPosition> = [(5, 1, 2), (0, 8, 8), (3, 4, 0), (0, 0, 1), (5, 1, 2)]
		.into_iter()
		.map(|(t, i, j)| OpeningPosition { t, i, j })
		.collect();
	let openings = open_positions(params, seed, CpuBackend, &commitment, &positions).unwrap();
	assert_eq!(openings.len(), positions.len());
	for (position, opening) in positions.iter().zip(&openings) {
		assert_eq!(opening, &chain.opening(position.t, position.i, position.j));
		assert_eq!(chain.verify(opening), Ok(()));
	}
}

#[test]
fn openings_whose_lag_was_just_evicted_are_served_from_the_output_buffer() {
	// With L = 1 the window holds X_t and X_{t+1} after step t, and the lag X_{t−1} of every step
	// t ≥ 1 is exactly the matrix that step evicted.
	let params = ChallengeParams { n: 5, lag: 1, steps: 4, samples: 1 };
	let seed = test_seed(25);
	let chain = FullChain::honest(params, seed);
	let positions: Vec<OpeningPosition> =
		(0..params.steps).map(|t| OpeningPosition { t, i: t, j: 4 - t }).collect();
	let openings = open_positions(params, seed, CpuBackend, &chain.commitment, &positions).unwrap();
	for (position, opening) in positions.iter().zip(&openings) {
		assert_eq!(chain.lag_of(position.t), position.t.saturating_sub(1));
		assert_eq!(opening, &chain.opening(position.t, position.i, position.j));
		assert_eq!(chain.verify(opening), Ok(()));
	}
}

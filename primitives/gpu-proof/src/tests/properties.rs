//! Property tests: honest openings always verify, corrupted ones never do (and never panic).

use codec::Encode;
use proptest::prelude::*;

use super::*;

fn params_strategy() -> impl Strategy<Value = ChallengeParams> {
	(2u32..=10, 1u32..=3, 1u32..=4, 1u32..=6).prop_map(|(n, lag, steps, samples)| ChallengeParams {
		n,
		lag,
		steps,
		samples,
	})
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(48))]

	#[test]
	fn honest_openings_always_verify(
		params in params_strategy(),
		randomness in any::<[u8; 32]>(),
		gpu in any::<u64>(),
		epoch in any::<u64>(),
		beacon in any::<[u8; 32]>(),
	) {
		let seed = challenge_seed(&randomness, gpu, epoch);
		let commitment = Workload::new(params, seed, CpuBackend).unwrap().run().unwrap();
		let positions = sample_positions(&beacon, &commitment.root(), gpu, &params).unwrap();
		prop_assert_eq!(positions.len(), params.samples as usize);
		let openings = open_positions(params, seed, CpuBackend, &commitment, &positions).unwrap();
		for opening in &openings {
			prop_assert_eq!(verify_opening(&params, &seed, &commitment.root(), opening), Ok(()));
			prop_assert!(opening.encode().len() <= encoded_len_bound(&params));
		}
		prop_assert_eq!(
			verify_sampled_openings(&params, &seed, &commitment.root(), &beacon, gpu, &openings),
			Ok(())
		);
	}

	#[test]
	fn any_single_byte_corruption_is_rejected(
		params in params_strategy(),
		seed in any::<[u8; 32]>(),
		position in any::<(u32, u32, u32)>(),
		byte in any::<prop::sample::Index>(),
		flip in 1u8..=255,
	) {
		let commitment = Workload::new(params, seed, CpuBackend).unwrap().run().unwrap();
		let position = OpeningPosition {
			t: position.0 % params.steps,
			i: position.1 % params.n,
			j: position.2 % params.n,
		};
		let opening =
			open_positions(params, seed, CpuBackend, &commitment, &[position]).unwrap().remove(0);
		let mut bytes = opening.encode();
		let index = byte.index(bytes.len());
		bytes[index] ^= flip;
		// Every byte of an opening is authenticated: a changed byte either fails to decode or
		// fails verification — with a typed error, never a panic.
		if let Ok(corrupted) = decode_opening(&params, &bytes) {
			prop_assert!(verify_opening(&params, &seed, &commitment.root(), &corrupted).is_err());
		}
	}

	#[test]
	fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
		let params = ChallengeParams { n: 4, lag: 1, steps: 2, samples: 1 };
		if let Ok(opening) = decode_opening(&params, &bytes) {
			prop_assert!(verify_opening(&params, &[0; 32], &[0; 32], &opening).is_err());
		}
	}

	#[test]
	fn arbitrary_openings_never_panic(
		t in any::<u32>(), i in any::<u32>(), j in any::<u32>(),
		columns in prop::collection::vec(prop::collection::vec(any::<i8>(), 0..6), 3),
		leaf_indices in prop::collection::vec(any::<u32>(), 6),
		siblings in prop::collection::vec(0usize..5, 6),
	) {
		let params = ChallengeParams { n: 4, lag: 2, steps: 3, samples: 1 };
		let path = |k: usize| MerklePath {
			leaf_index: leaf_indices[k] % 8,
			siblings: vec![[k as u8; 32]; siblings[k]],
		};
		let opening = Opening {
			t: t % 5, i: i % 6, j: j % 6,
			col_xt_i: columns[0].clone(), col_lag_j: columns[1].clone(),
			col_next_j: columns[2].clone(),
			path_xt_i: path(0), path_lag_j: path(1), path_next_j: path(2),
			root_t: [1; 32], root_lag: [2; 32], root_next: [3; 32],
			step_path_t: path(3), step_path_lag: path(4), step_path_next: path(5),
		};
		prop_assert!(verify_opening(&params, &[0; 32], &[9; 32], &opening).is_err());
	}

	#[test]
	fn positions_are_in_range_and_depend_on_root_beacon_and_gpu(
		params in params_strategy(),
		beacon in any::<[u8; 32]>(),
		root in any::<[u8; 32]>(),
		gpu in any::<u64>(),
		bit in 0usize..256,
	) {
		let params = ChallengeParams { samples: 32, n: params.n.max(8), ..params };
		let positions = sample_positions(&beacon, &root, gpu, &params).unwrap();
		for p in &positions {
			prop_assert!(p.t < params.steps && p.i < params.n && p.j < params.n);
		}
		let mut flipped_root = root;
		flipped_root[bit / 8] ^= 1 << (bit % 8);
		let mut flipped_beacon = beacon;
		flipped_beacon[bit / 8] ^= 1 << (bit % 8);
		// Each alternative draws 32 fresh positions from ≥ 64 (usually thousands): agreement
		// everywhere would mean the input is ignored; at most a few coincide by chance.
		for other in [
			sample_positions(&beacon, &flipped_root, gpu, &params).unwrap(),
			sample_positions(&flipped_beacon, &root, gpu, &params).unwrap(),
			sample_positions(&beacon, &root, gpu ^ 1, &params).unwrap(),
		] {
			let same = positions.iter().zip(&other).filter(|(a, b)| a == b).count();
			prop_assert!(same <= 8, "{} of 32 positions unchanged", same);
		}
	}
}

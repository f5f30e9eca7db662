//! Parameter validation, seeds, the lag rule, domain separation.

use super::*;

fn valid() -> ChallengeParams {
	ChallengeParams { n: 8, lag: 2, steps: 4, samples: 3 }
}

#[test]
fn validation_accepts_the_supported_ranges_and_nothing_else() {
	assert_eq!(valid().validate(), Ok(()));
	let extremes = [
		ChallengeParams { n: MIN_N, lag: 1, steps: 1, samples: 1 },
		ChallengeParams { n: MAX_N, lag: MAX_LAG, steps: MAX_STEPS, samples: MAX_SAMPLES },
	];
	for params in extremes {
		assert_eq!(params.validate(), Ok(()), "{params:?}");
	}
	let invalid = [
		ChallengeParams { n: 1, ..valid() },
		ChallengeParams { n: 0, ..valid() },
		ChallengeParams { n: MAX_N + 1, ..valid() },
		ChallengeParams { lag: 0, ..valid() },
		ChallengeParams { lag: MAX_LAG + 1, ..valid() },
		ChallengeParams { steps: 0, ..valid() },
		ChallengeParams { steps: u32::MAX, ..valid() },
		ChallengeParams { samples: 0, ..valid() },
		ChallengeParams { samples: MAX_SAMPLES + 1, ..valid() },
	];
	for params in invalid {
		assert_eq!(params.validate(), Err(ProofError::InvalidParams), "{params:?}");
	}
}

#[test]
fn int32_accumulation_cannot_overflow_at_max_n() {
	// Honest entries: |Σ| ≤ n·125² (+ |R| ≤ 125) < 2³¹.
	let honest_bound = i64::from(MAX_N) * 125 * 125 + 125;
	assert_eq!(honest_bound, 256_000_125);
	assert!(honest_bound < i64::from(i32::MAX));
	// Even arbitrary i8 columns (untrusted openings): n·128² = 2²⁸ < 2³¹.
	let adversarial_bound = i64::from(MAX_N) * 128 * 128;
	assert_eq!(adversarial_bound, 1 << 28);
	assert!(adversarial_bound < i64::from(i32::MAX));
	// And the actual int32 dot product at the extremes (debug builds trap on overflow).
	let min_column = vec![-128i8; MAX_N as usize];
	let extreme_column = vec![ENTRY_MIN; MAX_N as usize];
	assert_eq!(crate::backend::dot(&min_column, &min_column), 1 << 28);
	assert_eq!(crate::backend::dot(&extreme_column, &extreme_column), 256_000_000);
	let max_column = vec![ENTRY_MAX; MAX_N as usize];
	assert_eq!(crate::backend::dot(&extreme_column, &max_column), -256_000_000);
}

#[test]
fn next_entry_is_a_true_modulus_centred_on_zero() {
	assert_eq!(next_entry(0, 0), -125);
	assert_eq!(next_entry(125, 0), 0);
	assert_eq!(next_entry(250, 0), 125);
	assert_eq!(next_entry(251, 0), -125);
	// Negative sums: (−1 mod 251) = 250, not −1.
	assert_eq!(next_entry(-1, 0), 125);
	assert_eq!(next_entry(-251, 0), -125);
	assert_eq!(next_entry(-256_000_000, -125), ((-256_000_125i64).rem_euclid(251) - 125) as i8);
	for sum in -2_000i64..2_000 {
		let value = next_entry(sum, 7);
		assert!((ENTRY_MIN..=ENTRY_MAX).contains(&value));
		assert_eq!((i64::from(value) + 125 - (sum + 7)).rem_euclid(251), 0);
	}
}

#[test]
fn seeds_are_domain_separated_and_depend_on_every_input() {
	let base = challenge_seed(&[1; 32], 2, 3);
	let mut input = b"heliox/pogpu/v1/seed".to_vec();
	input.extend_from_slice(&[1; 32]);
	input.extend_from_slice(&2u64.to_le_bytes());
	input.extend_from_slice(&3u64.to_le_bytes());
	assert_eq!(base, blake2_256(&input));
	let mut randomness = [1; 32];
	randomness[31] ^= 0x80;
	assert_ne!(challenge_seed(&randomness, 2, 3), base);
	assert_ne!(challenge_seed(&[1; 32], 3, 3), base);
	assert_ne!(challenge_seed(&[1; 32], 2, 4), base);
	// gpu and epoch are not interchangeable.
	assert_ne!(challenge_seed(&[1; 32], 3, 2), base);
}

#[test]
fn no_domain_prefix_is_a_prefix_of_another() {
	for (a_index, a) in domain::ALL.iter().enumerate() {
		for (b_index, b) in domain::ALL.iter().enumerate() {
			if a_index != b_index {
				assert!(!b.starts_with(a), "{a:?} prefixes {b:?}");
			}
		}
	}
}

#[test]
fn lag_distance_is_in_range_and_clamps_to_x0() {
	let mut seen = [false; 5];
	for k in 0u8..200 {
		let root = blake2_256(&[k]);
		let delta = lag_distance(&root, 5);
		assert!((1..=5).contains(&delta));
		seen[(delta - 1) as usize] = true;
		assert_eq!(delta, reference_delta(&root, 5));
		assert_eq!(lag_step(100, &root, 5), 100 - delta);
		// t < δ clamps to X_0; t = 0 always lags X_0 itself.
		assert_eq!(lag_step(0, &root, 5), 0);
		assert_eq!(lag_step(delta - 1, &root, 5), 0);
	}
	assert!(seen.iter().all(|&s| s), "every δ in 1..=L occurs");
	assert_eq!(lag_distance(&[0; 32], 1), 1);
	assert_eq!(lag_distance(&[0; 32], 0), 1, "a zero window is treated as 1");
}

#[test]
fn commit_deadline_follows_the_catalogue_throughput() {
	let h100 = ChallengeParams { n: 16_384, lag: 256, steps: 4_096, samples: 48 };
	// 2·16384³·4096 = 3.6·10¹⁶ ops at 1979 TOPS = 18.2 s; ×1.2 = 21.8 s = 7.3 blocks of 3 s.
	assert_eq!(workload_ops(&h100), 2 * 16_384u128.pow(3) * 4_096);
	assert_eq!(commit_deadline_blocks(&h100, 1_979, 200_000, 3_000), Some(8 + 1));
	// Without slack: 18.2 s = 6.07 blocks → 7, plus the inclusion block.
	assert_eq!(commit_deadline_blocks(&h100, 1_979, 0, 3_000), Some(7 + 1));
	// An A100 (624 TOPS) gets ~3.2× the time: a card posing as a faster model cannot keep up.
	assert_eq!(commit_deadline_blocks(&h100, 624, 200_000, 3_000), Some(24 + 1));
	// The CPU-sized dev model finishes within the first block.
	let dev = ChallengeParams { n: 64, lag: 4, steps: 16, samples: 48 };
	assert_eq!(commit_deadline_blocks(&dev, 1, 200_000, 3_000), Some(2));
	// Degenerate inputs give no deadline rather than a wrong one.
	assert_eq!(commit_deadline_blocks(&h100, 0, 200_000, 3_000), None);
	assert_eq!(commit_deadline_blocks(&h100, 1_979, 200_000, 0), None);
	let huge = ChallengeParams { n: MAX_N, lag: 1, steps: MAX_STEPS, samples: 1 };
	assert_eq!(commit_deadline_blocks(&huge, u32::MAX, 0, u64::MAX), None, "overflow");
	assert_eq!(commit_deadline_blocks(&huge, 1, u32::MAX, 1), None, "beyond u32 blocks");
}

proptest::proptest! {
	#[test]
	fn commit_deadline_is_monotone(
		n in MIN_N..=MAX_N, steps in 1u32..100_000, tops in 1u32..5_000, slack in 0u32..1_000_000,
	) {
		let params = ChallengeParams { n, lag: 1, steps, samples: 1 };
		let base = commit_deadline_blocks(&params, tops, slack, 3_000).unwrap();
		// Faster cards get no more time; more slack or more steps never less.
		proptest::prop_assert!(commit_deadline_blocks(&params, tops + 1, slack, 3_000).unwrap() <= base);
		proptest::prop_assert!(commit_deadline_blocks(&params, tops, slack + 1, 3_000).unwrap() >= base);
		let longer = ChallengeParams { steps: steps + 1, ..params };
		proptest::prop_assert!(commit_deadline_blocks(&longer, tops, slack, 3_000).unwrap() >= base);
		// The deadline covers (1+ε)·T_claim: (deadline − 1) blocks are at least that long.
		let needed_ms = workload_ops(&params) as f64 / (tops as f64 * 1e12) * 1e3 * (1.0 + slack as f64 / 1e6);
		proptest::prop_assert!(((base - 1) as f64) * 3_000.0 + 1e-6 >= needed_ms * (1.0 - 1e-12));
	}
}

//! The soundness bound, in fixed point and measured against a simulated cheater.

use super::*;

fn as_f64(probability: u64) -> f64 {
	probability as f64 / PROBABILITY_ONE as f64
}

fn bound_f64(e: f64, samples: u32) -> f64 {
	(1.0 - e * 250.0 / 251.0).powi(samples as i32)
}

#[test]
fn fixed_point_bound_matches_the_anchor_figures() {
	// Anchor: K = 48 → e = 5 %: 8.6 %, e = 10 %: 0.65 %, e = 20 %: 2.3·10⁻⁵.
	let cases = [(50_000, 0.086, 0.0005), (100_000, 0.0065, 0.00005), (200_000, 2.3e-5, 0.05e-5)];
	for (e_ppm, anchor, tolerance) in cases {
		let bound = as_f64(pass_probability_bound(e_ppm, 48));
		assert!((bound - anchor).abs() < tolerance, "e = {e_ppm} ppm: {bound}");
		let exact = bound_f64(f64::from(e_ppm) / 1e6, 48);
		assert!((bound - exact).abs() < 1e-12, "{bound} vs {exact}");
		let detection = as_f64(detection_probability_bound(e_ppm, 48));
		assert!((detection + bound - 1.0).abs() < 1e-15);
	}
	assert_eq!(pass_probability_bound(0, 48), PROBABILITY_ONE);
	assert_eq!(pass_probability_bound(123_456, 0), PROBABILITY_ONE);
	assert_eq!(sample_pass_probability(1_000_000), PROBABILITY_ONE.div_ceil(251));
	assert_eq!(sample_pass_probability(u32::MAX), sample_pass_probability(1_000_000));
	// Monotone in e and in K.
	assert!(pass_probability_bound(100_000, 49) <= pass_probability_bound(100_000, 48));
	assert!(pass_probability_bound(100_001, 48) <= pass_probability_bound(100_000, 48));
}

/// Runs the whole protocol (commit, sample, replay, verify) against a cheater skipping
/// `skip_ppm` of the entries, over `seeds` seeds. Returns (response pass rate, per-sample pass
/// rate).
fn measure(skip_ppm: u32, params: ChallengeParams, seeds: u64) -> (f64, f64) {
	let (mut responses_passed, mut samples_passed) = (0u64, 0u64);
	for index in 0..seeds {
		let seed = test_seed(1_000 + index);
		let gpu = index;
		let commitment =
			Workload::new(params, seed, CheatingBackend { skip_ppm }).unwrap().run().unwrap();
		let beacon = blake2_256(&index.to_le_bytes());
		let positions = sample_positions(&beacon, &commitment.root(), gpu, &params).unwrap();
		let openings =
			open_positions(params, seed, CheatingBackend { skip_ppm }, &commitment, &positions)
				.unwrap();
		let mut all_passed = true;
		for opening in &openings {
			match verify_opening(&params, &seed, &commitment.root(), opening) {
				Ok(()) => samples_passed += 1,
				Err(error) => {
					// Every opening is well-formed: a failure can only be a detected fraud.
					assert_eq!(error, ProofError::EntryMismatch);
					all_passed = false;
				},
			}
		}
		let verdict =
			verify_sampled_openings(&params, &seed, &commitment.root(), &beacon, gpu, &openings);
		assert_eq!(verdict.is_ok(), all_passed);
		responses_passed += u64::from(all_passed);
	}
	let responses = seeds as f64;
	let samples = responses * f64::from(params.samples);
	(responses_passed as f64 / responses, samples_passed as f64 / samples)
}

#[test]
fn simulated_cheater_passes_at_the_predicted_rate() {
	let seeds = 400u64;
	for (skip_ppm, samples) in [(100_000u32, 16u32), (200_000, 8)] {
		let params = ChallengeParams { n: 16, lag: 2, steps: 3, samples };
		let (response_rate, sample_rate) = measure(skip_ppm, params, seeds);
		let e = f64::from(skip_ppm) / 1e6;
		let predicted_sample = 1.0 - e * 250.0 / 251.0;
		let predicted = as_f64(pass_probability_bound(skip_ppm, samples));
		// This cheater replaces each entry independently with probability e by a uniform value,
		// so the bound is tight: the measured rates must match it within 4 σ (the seeds are fixed,
		// so the test is deterministic; 4 σ just documents the margin).
		let sigma = (predicted * (1.0 - predicted) / seeds as f64).sqrt();
		let sample_count = seeds as f64 * f64::from(samples);
		let sample_sigma = (predicted_sample * (1.0 - predicted_sample) / sample_count).sqrt();
		println!(
			"cheater e = {e}, K = {samples}, {seeds} seeds (n = 16, L = 2, T = 3): \
			 response pass rate {response_rate:.4} vs bound {predicted:.4} (σ {sigma:.4}); \
			 per-sample pass rate {sample_rate:.4} vs {predicted_sample:.4} (σ {sample_sigma:.4})"
		);
		assert!((response_rate - predicted).abs() <= 4.0 * sigma);
		assert!((sample_rate - predicted_sample).abs() <= 4.0 * sample_sigma);
	}
}

#[test]
fn honest_agent_always_passes_and_total_cheater_never_does() {
	let params = ChallengeParams { n: 12, lag: 2, steps: 3, samples: 8 };
	assert_eq!(measure(0, params, 20), (1.0, 1.0));
	// Skipping everything: a sample passes only on a 1/251 lucky guess.
	let (response_rate, sample_rate) = measure(1_000_000, params, 20);
	assert_eq!(response_rate, 0.0);
	assert!(sample_rate < 0.05, "{sample_rate}");
}

/// With sampling, a cheater is opened with probability `q` per epoch and then caught with
/// probability `1 − (1 − e·250/251)^K`: measured over many GPUs (each its own seed and chain).
#[test]
fn sampled_cheaters_are_caught_at_q_times_the_detection_rate() {
	let params = ChallengeParams { n: 16, lag: 2, steps: 3, samples: 16 };
	let (skip_ppm, q_ppb, gpus) = (100_000u32, 500_000_000u32, 400u64);
	let beacon = [0x5b; 32];
	let mut caught = 0u64;
	for gpu in 0..gpus {
		if !is_sampled(&beacon, gpu, q_ppb) {
			continue;
		}
		let seed = test_seed(5_000 + gpu);
		let backend = || CheatingBackend { skip_ppm };
		let commitment = Workload::new(params, seed, backend()).unwrap().run().unwrap();
		let positions = sample_positions(&beacon, &commitment.root(), gpu, &params).unwrap();
		let openings = open_positions(params, seed, backend(), &commitment, &positions).unwrap();
		let verdict =
			verify_sampled_openings(&params, &seed, &commitment.root(), &beacon, gpu, &openings);
		if let Err(failure) = verdict {
			// Every failure of a well-formed answer is a fraud proof.
			assert_eq!(failure.error, ProofError::EntryMismatch);
			caught += 1;
		}
	}
	let predicted = 0.5 * as_f64(detection_probability_bound(skip_ppm, params.samples));
	let rate = caught as f64 / gpus as f64;
	let sigma = (predicted * (1.0 - predicted) / gpus as f64).sqrt();
	println!("q = 0.5, e = 0.1, K = 16, {gpus} GPUs: caught {rate:.3} vs q·P_det {predicted:.3}");
	assert!((rate - predicted).abs() <= 4.0 * sigma, "{rate} vs {predicted}");
}

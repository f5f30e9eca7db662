//! The vectors of the anchor spec (shared/anchors/subnets.md), taken from the reference chain's
//! `tests/math.rs` (weighted median) and `tests/epoch.rs` (`test_512_graph`).

use alloc::vec::Vec;

use super::support::{carry_over, empty_inputs, params, total, SplitMix};
use crate::dense::run_epoch_dense;
use crate::median::weighted_median_columns;
use crate::{run_epoch, BondsMode, EpochInputs, EpochOutputs, Fixed};

/// `value / 10` as a fixed-point number.
fn tenths(value: u128) -> Fixed {
	Fixed::from_ratio(value, 10)
}

/// Dense `rows × cols` matrix of tenths to sparse rows (zeros omitted).
fn sparse_tenths(matrix: &[[u128; 3]]) -> Vec<Vec<(u16, Fixed)>> {
	matrix
		.iter()
		.map(|row| {
			(0u16..).zip(row.iter()).filter(|(_, &v)| v > 0).map(|(j, &v)| (j, tenths(v))).collect()
		})
		.collect()
}

/// κ as the nearest u16 proportion, e.g. 0.24 → 15728.
fn kappa(hundredths: u32) -> u16 {
	((hundredths * 65_535 + 50) / 100) as u16
}

#[test]
fn weighted_median_vector() {
	// S = [0, 0.75, 0.25, 0]; W = [[0, .1, 0], [0, .2, .4], [0, .3, .1], [0, .4, .5]].
	let stake = [0u64, 3, 1, 0];
	let weights = sparse_tenths(&[[0, 1, 0], [0, 2, 4], [0, 3, 1], [0, 4, 5]]);
	let median = |k| weighted_median_columns(&stake, &weights, 3, kappa(k)).unwrap();
	assert_eq!(median(24), vec![Fixed::ZERO, tenths(3), tenths(4)]);
	assert_eq!(median(26), vec![Fixed::ZERO, tenths(2), tenths(4)]);
	assert_eq!(median(76), vec![Fixed::ZERO, tenths(2), tenths(1)]);

	// The reference's fourth case: S = [0, .3, .2, .5], a zero weight holding half the stake.
	let stake = [0u64, 3, 2, 5];
	let weights = sparse_tenths(&[[0, 1, 0], [0, 2, 4], [0, 3, 1], [0, 0, 5]]);
	assert_eq!(
		weighted_median_columns(&stake, &weights, 3, kappa(51)).unwrap(),
		vec![Fixed::ZERO, Fixed::ZERO, tenths(4)]
	);

	// Degenerate shapes: no rows, no stake.
	assert_eq!(weighted_median_columns(&[], &[], 0, 32_767).unwrap(), Vec::<Fixed>::new());
	assert_eq!(
		weighted_median_columns(&[0, 0], &[vec![], vec![]], 2, 32_767).unwrap(),
		vec![Fixed::ZERO; 2]
	);
}

#[test]
fn weighted_median_rejects_malformed_rows() {
	use crate::{EpochError, InputField};
	let row =
		|entries: &[(u16, u128)]| entries.iter().map(|&(j, v)| (j, tenths(v))).collect::<Vec<_>>();
	assert!(matches!(
		weighted_median_columns(&[1], &[], 1, 0),
		Err(EpochError::LengthMismatch { .. })
	));
	assert_eq!(
		weighted_median_columns(&[1], &[row(&[(3, 1)])], 3, 0),
		Err(EpochError::UidOutOfRange { field: InputField::Weights, row: 0, uid: 3 })
	);
	assert_eq!(
		weighted_median_columns(&[1], &[row(&[(1, 1), (1, 2)])], 3, 0),
		Err(EpochError::UnsortedRow { field: InputField::Weights, row: 0 })
	);
}

const NETWORK_N: u16 = 512;
const VALIDATORS_N: usize = 64;
const STAKE_PER_VALIDATOR: u64 = 328_125_000_000_000; // 21e15 / 64, as the reference test

/// The reference test's node layouts: blockwise, regular interleaving, and a (seeded) shuffle.
fn layouts() -> Vec<(Vec<u16>, Vec<u16>)> {
	let n = usize::from(NETWORK_N);
	let blockwise =
		((0..VALIDATORS_N as u16).collect(), (VALIDATORS_N as u16..NETWORK_N).collect());
	let (interleaved_v, interleaved_s) =
		(0..NETWORK_N).partition(|&i| usize::from(i) % (n / VALIDATORS_N) == 0);
	let mut shuffled: Vec<u16> = (0..NETWORK_N).collect();
	SplitMix(7).shuffle(&mut shuffled);
	let random = (shuffled[..VALIDATORS_N].to_vec(), shuffled[VALIDATORS_N..].to_vec());
	vec![blockwise, (interleaved_v, interleaved_s), random]
}

/// `test_512_graph`: a permit epoch without weights, then equal weights from every validator on
/// every server (`u16::MAX / 512` each), then `epochs` epochs of 1e9 units.
fn run_512_graph(
	validators: &[u16],
	servers: &[u16],
	server_self: bool,
	mode: BondsMode,
	epochs: usize,
) -> EpochOutputs {
	let mut inputs: EpochInputs = empty_inputs(NETWORK_N);
	inputs.current_block = 1;
	inputs.last_epoch_block = 1;
	inputs.last_update = vec![0; usize::from(NETWORK_N)];
	let mut params = params(mode);
	params.max_allowed_validators = VALIDATORS_N as u16;
	for &v in validators {
		inputs.stake[usize::from(v)] = STAKE_PER_VALIDATOR;
	}
	let permit_epoch = run_epoch(&inputs, &params).unwrap();
	carry_over(&mut inputs, &permit_epoch);
	let weight = u16::MAX / NETWORK_N; // 127
	let mut servers_sorted = servers.to_vec();
	servers_sorted.sort_unstable();
	for &v in validators {
		inputs.weights[usize::from(v)] = servers_sorted.iter().map(|&s| (s, weight)).collect();
		inputs.last_update[usize::from(v)] = 1; // weights set after registration (block 0)
	}
	if server_self {
		for &s in servers {
			inputs.weights[usize::from(s)] = vec![(s, u16::MAX)];
			inputs.last_update[usize::from(s)] = 1;
		}
	}
	let mut outputs = permit_epoch;
	for epoch in 0..epochs {
		let sparse = run_epoch(&inputs, &params).unwrap();
		if epoch + 1 == epochs {
			// The dense n × n reference agrees bit for bit on the final epoch.
			assert_eq!(sparse, run_epoch_dense(&inputs, &params).unwrap());
		}
		carry_over(&mut inputs, &sparse);
		outputs = sparse;
	}
	outputs
}

#[test]
fn classic_yuma_512_graph() {
	for (validators, servers) in layouts() {
		for server_self in [false, true] {
			let out = run_512_graph(&validators, &servers, server_self, BondsMode::Classic, 3);
			let scores = out.u16_scores();
			for &v in &validators {
				let v = usize::from(v);
				assert_eq!(scores.consensus[v], 0);
				assert_eq!(scores.incentive[v], 0);
				assert_eq!(scores.dividends[v], 1023, "floor(1/64 · 65535)");
				assert_eq!(out.emission[v], 7_812_500, "0.5 / 64 · 1e9");
				assert_eq!(out.validator_emission[v], 7_812_500);
				// Column-max-scaled bond 65535 on every server, none on validators.
				let row = &out.bonds[v];
				assert_eq!(row.len(), servers.len());
				assert!(row.iter().all(|&(j, b)| b == u16::MAX && servers.contains(&j)));
			}
			// Servers: 1/448 of the servers' half of 1e9 is 1,116,071.43; the 192 units the
			// reference chain leaves unpaid go to the 192 lowest-UID servers (largest remainder).
			let mut servers_sorted = servers.clone();
			servers_sorted.sort_unstable();
			for (rank, &s) in servers_sorted.iter().enumerate() {
				let s = usize::from(s);
				assert_eq!(scores.consensus[s], 146, "floor(1/448 · 65535)");
				assert_eq!(scores.incentive[s], 146);
				assert_eq!(scores.dividends[s], 0);
				let expected = if rank < 192 { 1_116_072 } else { 1_116_071 };
				assert_eq!(out.emission[s], expected);
				assert_eq!(out.server_emission[s], expected);
				assert!(out.bonds[s].is_empty());
			}
			assert_eq!(total(&out.emission), 1_000_000_000);
			// Full precision within 1e-3 of the exact values.
			let inc = out.incentive[usize::from(servers[0])].to_f64();
			let div = out.dividends[usize::from(validators[0])].to_f64();
			assert!((inc - 1.0 / 448.0).abs() < 1e-12 && (div - 1.0 / 64.0).abs() < 1e-12);
		}
	}
}

#[test]
fn yuma3_512_graph_is_symmetric_with_the_same_split() {
	let (validators, servers) = layouts().remove(0);
	let out =
		run_512_graph(&validators, &servers, false, BondsMode::Yuma3 { liquid_alpha: None }, 3);
	let scores = out.u16_scores();
	assert!(validators.iter().all(|&v| scores.dividends[usize::from(v)] == 1023));
	assert!(servers.iter().all(|&s| scores.incentive[usize::from(s)] == 146));
	assert!(validators.iter().all(|&v| out.emission[usize::from(v)] == 7_812_500));
	// Yuma3 bonds after 3 epochs at α = 0.1 towards W̃ = 1/448 (146.28 in u16 scale), each epoch's
	// bond floored to u16 storage: ⌊14.63⌋ = 14, ⌊0.9 · 14 + 14.63⌋ = 27, ⌊0.9 · 27 + 14.63⌋ = 38
	// (39.6 without the storage quantization).
	let bond = out.bonds[usize::from(validators[0])][0].1;
	assert_eq!(bond, 38);
	assert!(validators.iter().all(|&v| out.bonds[usize::from(v)].iter().all(|&(_, b)| b == bond)));
}

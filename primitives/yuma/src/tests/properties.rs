//! Property tests on random subnets (proptest, moderate case counts, n ≤ 48).

use alloc::collections::BTreeMap;
use alloc::vec::Vec;

use proptest::prelude::*;
use proptest::test_runner::Config;

use super::support::{permute, permute_inputs, total};
use crate::dense::run_epoch_dense;
use crate::{
	run_epoch, BondsMode, EpochInputs, EpochOutputs, EpochParams, Fixed, LiquidAlpha, SparseRow,
};

fn config(cases: u32) -> Config {
	// No regression files written into the source tree.
	Config { cases, failure_persistence: None, ..Config::default() }
}

fn stake_strategy() -> impl Strategy<Value = u64> {
	prop_oneof![3 => Just(0u64), 4 => 1..1_000u64, 2 => 1..u64::MAX / 4, 1 => Just(u64::MAX)]
}

fn row_strategy(n: u16) -> impl Strategy<Value = SparseRow> {
	let value = prop_oneof![1 => Just(0u16), 1 => Just(u16::MAX), 6 => any::<u16>()];
	prop::collection::btree_map(0..n.max(1), value, 0..=usize::from(n))
		.prop_map(move |m: BTreeMap<u16, u16>| m.into_iter().filter(|&(j, _)| j < n).collect())
}

fn mode_strategy() -> impl Strategy<Value = BondsMode> {
	prop_oneof![
		Just(BondsMode::Classic),
		Just(BondsMode::Yuma3 { liquid_alpha: None }),
		(any::<u16>(), any::<u16>(), any::<i16>()).prop_map(|(a, b, steepness)| BondsMode::Yuma3 {
			liquid_alpha: Some(LiquidAlpha {
				alpha_low: a.min(b),
				alpha_high: a.max(b),
				steepness
			}),
		}),
	]
}

fn params_strategy(n: u16) -> impl Strategy<Value = EpochParams> {
	(
		prop_oneof![any::<u16>(), Just(32_767u16), Just(0u16), Just(u16::MAX)],
		0..40u64,
		prop_oneof![Just(0u64), 0..500u64],
		0..=n.saturating_add(2),
		any::<u16>(),
		prop_oneof![0..=1_000_000u32, Just(900_000u32), Just(0u32), Just(1_000_000u32)],
		mode_strategy(),
		any::<u16>(),
	)
		.prop_map(
			|(
				kappa,
				activity_cutoff,
				stake_threshold,
				max_allowed_validators,
				bonds_penalty,
				bma,
				bonds_mode,
				owner_cut,
			)| {
				EpochParams {
					kappa,
					activity_cutoff,
					stake_threshold,
					max_allowed_validators,
					bonds_penalty,
					bonds_moving_average: bma,
					bonds_mode,
					owner_cut,
				}
			},
		)
}

fn inputs_strategy(max_n: u16) -> impl Strategy<Value = EpochInputs> {
	(0..=max_n).prop_flat_map(|n| {
		let len = usize::from(n);
		(
			prop::collection::vec(stake_strategy(), len),
			prop::collection::vec(0..30u64, len),
			prop::collection::vec(prop_oneof![3 => Just(0u64), 2 => 0..30u64], len),
			prop::collection::vec(prop::bool::weighted(0.7), len),
			prop::collection::vec(row_strategy(n), len),
			prop::collection::vec(row_strategy(n), len),
			(30..45u64, 0..30u64, any::<u64>()),
		)
			.prop_map(
				move |(
					stake,
					last_update,
					registered_at,
					validator_permit,
					weights,
					bonds,
					(current_block, last_epoch_block, emission),
				)| {
					EpochInputs {
						n,
						current_block,
						last_epoch_block,
						emission,
						stake,
						last_update,
						registered_at,
						validator_permit,
						weights,
						bonds,
					}
				},
			)
	})
}

fn case_strategy(max_n: u16) -> impl Strategy<Value = (EpochInputs, EpochParams)> {
	inputs_strategy(max_n).prop_flat_map(|inputs| {
		let n = inputs.n;
		(Just(inputs), params_strategy(n))
	})
}

fn bits_sum(values: &[Fixed]) -> u128 {
	values.iter().map(|v| u128::from(v.to_bits())).sum()
}

/// Sum of a normalized vector: exactly 0, or within one ulp per entry below 1 (each entry floors).
fn assert_normalized(values: &[Fixed], what: &str) -> Result<(), TestCaseError> {
	let sum = bits_sum(values);
	let one = u128::from(Fixed::ONE.to_bits());
	prop_assert!(
		sum == 0 || (sum <= one && one - sum <= values.len() as u128),
		"{} sums to {} (1 = {})",
		what,
		sum,
		one
	);
	Ok(())
}

proptest! {
	#![proptest_config(config(256))]

	/// The sparse epoch equals the dense n × n reference bit for bit.
	#[test]
	fn sparse_equals_dense((inputs, params) in case_strategy(32)) {
		let sparse = run_epoch(&inputs, &params).unwrap();
		let dense = run_epoch_dense(&inputs, &params).unwrap();
		prop_assert_eq!(sparse, dense);
	}
}

proptest! {
	#![proptest_config(config(128))]

	/// Incentive and dividends are normalized; emission adds up exactly; outputs are well-formed.
	#[test]
	fn outputs_are_normalized_and_emission_is_exact((inputs, params) in case_strategy(32)) {
		let out = run_epoch(&inputs, &params).unwrap();
		let n = usize::from(inputs.n);
		assert_normalized(&out.incentive, "incentive")?;
		assert_normalized(&out.dividends, "dividends")?;
		prop_assert_eq!(
			u128::from(out.owner_emission) + total(&out.emission) + u128::from(out.undistributed),
			u128::from(inputs.emission)
		);
		for i in 0..n {
			prop_assert_eq!(out.emission[i], out.server_emission[i] + out.validator_emission[i]);
		}
		let any_stake = inputs.stake.iter().any(|&s| s >= params.stake_threshold && s > 0);
		prop_assert!(any_stake || out.undistributed + out.owner_emission == inputs.emission);
		prop_assert!(!any_stake || out.undistributed == 0);
		for scores in [&out.consensus, &out.trust, &out.validator_trust, &out.incentive, &out.dividends] {
			prop_assert_eq!(scores.len(), n);
			prop_assert!(scores.iter().all(|&v| v <= Fixed::ONE));
		}
		// Stored bonds: sorted, in range, no zeros, only for permit holders.
		for (i, row) in out.bonds.iter().enumerate() {
			prop_assert!(row.is_empty() || out.validator_permit[i]);
			prop_assert!(row.windows(2).all(|w| w[0].0 < w[1].0));
			prop_assert!(row.iter().all(|&(j, b)| usize::from(j) < n && b > 0));
		}
	}

	/// Writing the zeros a row omits explicitly (weights and bonds) changes nothing.
	#[test]
	fn explicit_zeros_are_omitted_zeros(
		(inputs, params) in case_strategy(24),
		mask in prop::collection::vec(any::<u64>(), 24),
	) {
		let mut with_zeros = inputs.clone();
		let n = inputs.n;
		for (r, row) in with_zeros.weights.iter_mut().chain(with_zeros.bonds.iter_mut()).enumerate() {
			let bits = mask[r % mask.len()];
			for j in 0..n {
				if bits >> (j % 64) & 1 == 1 && !row.iter().any(|&(c, _)| c == j) {
					row.push((j, 0));
				}
			}
			row.sort_unstable_by_key(|&(c, _)| c);
		}
		prop_assert_eq!(run_epoch(&with_zeros, &params).unwrap(), run_epoch(&inputs, &params).unwrap());
	}

	/// Relabelling the UIDs relabels the outputs. Non-zero stakes are made distinct so that the
	/// lower-UID tie-break of permits cannot apply; emission may then differ by one unit per part
	/// where the largest-remainder tie-break (also by UID) applies.
	#[test]
	fn permutation_invariance(
		(inputs, params) in case_strategy(32),
		seed in any::<u64>(),
	) {
		let mut inputs = inputs;
		for (i, s) in inputs.stake.iter_mut().enumerate() {
			if *s > 0 {
				*s = (*s >> 8 << 8) | i as u64 | 1 << 7;
			}
		}
		let n = usize::from(inputs.n);
		let mut perm: Vec<usize> = (0..n).collect();
		super::support::SplitMix(seed).shuffle(&mut perm);
		let original = run_epoch(&inputs, &params).unwrap();
		let relabelled = run_epoch(&permute_inputs(&inputs, &perm), &params).unwrap();

		prop_assert_eq!(&relabelled.active, &permute(&original.active, &perm));
		prop_assert_eq!(&relabelled.validator_permit, &permute(&original.validator_permit, &perm));
		prop_assert_eq!(&relabelled.consensus, &permute(&original.consensus, &perm));
		prop_assert_eq!(&relabelled.trust, &permute(&original.trust, &perm));
		prop_assert_eq!(&relabelled.validator_trust, &permute(&original.validator_trust, &perm));
		prop_assert_eq!(&relabelled.incentive, &permute(&original.incentive, &perm));
		prop_assert_eq!(&relabelled.dividends, &permute(&original.dividends, &perm));
		let expected_bonds: Vec<SparseRow> = permute(&original.bonds, &perm)
			.iter()
			.map(|row| {
				let mut row: SparseRow = row.iter().map(|&(j, b)| (perm[usize::from(j)] as u16, b)).collect();
				row.sort_unstable_by_key(|&(j, _)| j);
				row
			})
			.collect();
		prop_assert_eq!(&relabelled.bonds, &expected_bonds);
		prop_assert_eq!(relabelled.owner_emission, original.owner_emission);
		prop_assert_eq!(relabelled.undistributed, original.undistributed);
		for (a, b) in [
			(&relabelled.server_emission, permute(&original.server_emission, &perm)),
			(&relabelled.validator_emission, permute(&original.validator_emission, &perm)),
		] {
			prop_assert!(a.iter().zip(&b).all(|(x, y)| x.abs_diff(*y) <= 1), "{:?} vs {:?}", a, b);
		}
	}
}

/// A colluding minority: `honest` validators weight miners as they see fit, `colluders` put all
/// their weight on miner `target`. Colluders hold less than κ of the stake.
#[derive(Debug, Clone)]
struct Collusion {
	honest_stake: Vec<u64>,
	colluder_stake: Vec<u64>,
	honest_weights: Vec<Vec<u16>>, // honest × miners
	target: usize,
	kappa: u16,
}

fn collusion_strategy() -> impl Strategy<Value = Collusion> {
	(1..7usize, 1..5usize, 1..9usize).prop_flat_map(|(honest, colluders, miners)| {
		let weight = prop_oneof![2 => Just(0u16), 5 => any::<u16>()];
		(
			prop::collection::vec(1..1_000u64, honest),
			prop::collection::vec(1..1_000u64, colluders),
			prop::collection::vec(prop::collection::vec(weight, miners), honest),
			0..miners,
			16_384..=u16::MAX,
		)
			.prop_map(|(honest_stake, colluder_stake, honest_weights, target, kappa)| {
				Collusion { honest_stake, colluder_stake, honest_weights, target, kappa }
			})
	})
}

impl Collusion {
	fn run(&self) -> (EpochOutputs, Vec<usize>) {
		let (h, c) = (self.honest_stake.len(), self.colluder_stake.len());
		let miners: Vec<usize> = (h + c..h + c + self.honest_weights[0].len()).collect();
		let n = (h + c + miners.len()) as u16;
		let mut inputs = super::support::empty_inputs(n);
		for (i, &s) in self.honest_stake.iter().chain(&self.colluder_stake).enumerate() {
			inputs.stake[i] = s;
			inputs.validator_permit[i] = true;
		}
		for (i, row) in self.honest_weights.iter().enumerate() {
			inputs.weights[i] = miners.iter().zip(row).map(|(&m, &w)| (m as u16, w)).collect();
		}
		for i in h..h + c {
			inputs.weights[i] = vec![(miners[self.target] as u16, u16::MAX)];
		}
		let params =
			EpochParams { kappa: self.kappa, ..super::support::params(BondsMode::Classic) };
		(run_epoch(&inputs, &params).unwrap(), miners)
	}
}

proptest! {
	// About a quarter of the generated cases give the colluders ≥ κ and are rejected.
	#![proptest_config(Config { max_global_rejects: 4096, ..config(256) })]

	/// A minority holding less than κ of the active stake cannot lift any miner's consensus above
	/// what the honest validators support: C_j never exceeds the largest v such that honest stake
	/// at ≥ v plus *all* colluding stake reaches κ, hence never exceeds the largest honest weight,
	/// and a miner every honest validator gives 0 gets zero consensus, incentive and emission.
	#[test]
	fn colluding_minority_cannot_raise_consensus(case in collusion_strategy()) {
		let honest_total = total(&case.honest_stake);
		let colluder_total = total(&case.colluder_stake);
		let stake_total = honest_total + colluder_total;
		prop_assume!(colluder_total * 65_535 < u128::from(case.kappa) * stake_total);
		let (out, miners) = case.run();
		for (m, &uid) in miners.iter().enumerate() {
			// Honest normalized weights on miner m, as the epoch computes them.
			let honest: Vec<(Fixed, u64)> = case
				.honest_weights
				.iter()
				.zip(&case.honest_stake)
				.map(|(row, &s)| {
					let row_sum: u128 = row.iter().map(|&w| u128::from(w)).sum();
					(Fixed::from_ratio(u128::from(row[m]), row_sum), s)
				})
				.collect();
			let bound = honest
				.iter()
				.map(|&(v, _)| v)
				.chain([Fixed::ZERO])
				.filter(|&v| {
					let support: u128 = honest.iter().filter(|&&(w, _)| w >= v).map(|&(_, s)| u128::from(s)).sum();
					(support + colluder_total) * 65_535 >= u128::from(case.kappa) * stake_total
				})
				.max()
				.unwrap_or(Fixed::ZERO);
			let max_honest = honest.iter().map(|&(v, _)| v).max().unwrap_or(Fixed::ZERO);
			prop_assert!(out.consensus[uid] <= bound, "miner {}: {:?} > {:?}", m, out.consensus[uid], bound);
			prop_assert!(out.consensus[uid] <= max_honest);
			if max_honest.is_zero() {
				prop_assert_eq!(out.consensus[uid], Fixed::ZERO);
				prop_assert_eq!(out.incentive[uid], Fixed::ZERO);
				prop_assert_eq!(out.server_emission[uid], 0);
			}
		}
	}
}

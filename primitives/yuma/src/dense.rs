//! Dense reference implementation of the epoch, for tests and benchmarks only.
//!
//! Straightforward `n × n` matrices and the definitions taken literally (the median tries every
//! candidate value, permits and remainders use full sorts), sharing only the scalar fixed-point
//! operations, input validation and the per-entry α rule with the sparse epoch. Sums are exact
//! integer sums in both implementations, so [`run_epoch_dense`] must agree with
//! [`run_epoch`](crate::run_epoch) bit for bit; the test suite checks this on random inputs.
//!
//! `Θ(n²)` memory and `Θ(n · V²)` time: never use it on chain. It indexes validated inputs
//! directly, which is why the crate's no-panic lints are relaxed here.
#![allow(
	clippy::indexing_slicing,
	clippy::needless_range_loop,
	clippy::cast_possible_truncation,
	clippy::arithmetic_side_effects
)]

use alloc::vec;
use alloc::vec::Vec;

use crate::alpha::{ema, fixed_alpha, AlphaRule};
use crate::fixed::Fixed;
use crate::types::{BondsMode, EpochError, EpochInputs, EpochOutputs, EpochParams, SparseRow};
use crate::validate::validate;

type Matrix = Vec<Vec<Fixed>>;

fn bits(value: Fixed) -> u128 {
	u128::from(value.to_bits())
}

fn normalize(values: &[u128]) -> Vec<Fixed> {
	let sum: u128 = values.iter().sum();
	values.iter().map(|&v| Fixed::from_ratio(v, sum)).collect()
}

fn column_normalize(matrix: &Matrix, n: usize) -> Matrix {
	let sums: Vec<u128> = (0..n).map(|j| matrix.iter().map(|row| bits(row[j])).sum()).collect();
	matrix
		.iter()
		.map(|row| {
			row.iter().zip(&sums).map(|(&v, &sum)| Fixed::from_ratio(bits(v), sum)).collect()
		})
		.collect()
}

fn to_sparse_rows(matrix: &[Vec<u16>], permits: &[bool]) -> Vec<SparseRow> {
	matrix
		.iter()
		.zip(permits)
		.map(|(row, &permitted)| {
			if !permitted {
				return SparseRow::new();
			}
			(0u16..).zip(row.iter().copied()).filter(|&(_, v)| v > 0).collect()
		})
		.collect()
}

/// Top-k non-zero stakes by sorting everything (stake descending, then UID ascending).
fn permits_by_sorting(stake: &[u64], k: u16) -> Vec<bool> {
	let mut order: Vec<usize> = (0..stake.len()).collect();
	order.sort_by(|&a, &b| stake[b].cmp(&stake[a]).then(a.cmp(&b)));
	let mut permits = vec![false; stake.len()];
	for &uid in order.iter().take(usize::from(k)) {
		if stake[uid] > 0 {
			permits[uid] = true;
		}
	}
	permits
}

/// Largest-remainder split with a full sort of the remainders.
fn largest_remainder_by_sorting(
	amount: u64,
	server_w: &[u64],
	validator_w: &[u64],
) -> (Vec<u64>, Vec<u64>, u64) {
	let n = server_w.len();
	let total: u128 = server_w.iter().chain(validator_w).map(|&w| u128::from(w)).sum();
	if total == 0 {
		return (vec![0; n], vec![0; n], amount);
	}
	// Part p: uid p / 2, server when p is even.
	let weight = |p: usize| if p.is_multiple_of(2) { server_w[p / 2] } else { validator_w[p / 2] };
	let mut shares = vec![0u64; 2 * n];
	let mut remainders = Vec::new();
	for (p, share) in shares.iter_mut().enumerate() {
		let product = u128::from(amount) * u128::from(weight(p));
		*share = (product / total) as u64;
		if weight(p) > 0 {
			remainders.push((product % total, p));
		}
	}
	let leftover = amount - shares.iter().sum::<u64>();
	remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
	for &(_, p) in remainders.iter().take(leftover as usize) {
		shares[p] += 1;
	}
	let server = (0..n).map(|i| shares[2 * i]).collect();
	let validator = (0..n).map(|i| shares[2 * i + 1]).collect();
	(server, validator, 0)
}

/// The dense `n × n` epoch; same contract and (bit-identical) results as
/// [`run_epoch`](crate::run_epoch).
pub fn run_epoch_dense(
	inputs: &EpochInputs,
	params: &EpochParams,
) -> Result<EpochOutputs, EpochError> {
	validate(inputs, params)?;
	let n = usize::from(inputs.n);
	let one_u16 = u128::from(u16::MAX);

	let active: Vec<bool> = (0..n)
		.map(|i| {
			inputs.last_update[i].saturating_add(params.activity_cutoff) >= inputs.current_block
		})
		.collect();
	let stake: Vec<u64> =
		inputs.stake.iter().map(|&s| if s < params.stake_threshold { 0 } else { s }).collect();
	let validator_permit = permits_by_sorting(&stake, params.max_allowed_validators);
	let active_stake_raw: Vec<u64> = (0..n)
		.map(|i| if active[i] && inputs.validator_permit[i] { stake[i] } else { 0 })
		.collect();
	let total_active: u128 = active_stake_raw.iter().map(|&s| u128::from(s)).sum();
	let active_stake: Vec<Fixed> =
		active_stake_raw.iter().map(|&s| Fixed::from_ratio(u128::from(s), total_active)).collect();

	// Weights: dense raw u16 matrix with masks, then row normalization.
	let mut weights: Matrix = vec![vec![Fixed::ZERO; n]; n];
	for i in 0..n {
		if !inputs.validator_permit[i] {
			continue;
		}
		let mut raw = vec![0u16; n];
		for &(j, w) in &inputs.weights[i] {
			let j = usize::from(j);
			if j != i && inputs.last_update[i] > inputs.registered_at[j] {
				raw[j] = w;
			}
		}
		let row_sum: u128 = raw.iter().map(|&w| u128::from(w)).sum();
		for j in 0..n {
			weights[i][j] = Fixed::from_ratio(u128::from(raw[j]), row_sum);
		}
	}

	// Consensus: literally the largest candidate value whose support reaches κ.
	let holders: Vec<usize> = (0..n).filter(|&i| active_stake_raw[i] > 0).collect();
	let required = u128::from(params.kappa) * total_active;
	let consensus: Vec<Fixed> = (0..n)
		.map(|j| {
			let mut best = Fixed::ZERO;
			for &candidate in &holders {
				let value = weights[candidate][j];
				let support: u128 = holders
					.iter()
					.filter(|&&i| weights[i][j] >= value)
					.map(|&i| u128::from(active_stake_raw[i]))
					.sum();
				if support * one_u16 >= required && value > best {
					best = value;
				}
			}
			best
		})
		.collect();

	let clipped: Matrix = weights
		.iter()
		.map(|row| row.iter().zip(&consensus).map(|(&w, &c)| w.min(c)).collect())
		.collect();
	let validator_trust: Vec<Fixed> =
		clipped.iter().map(|row| Fixed::from_bit_sum(row.iter().map(|&v| bits(v)).sum())).collect();
	let prerank: Vec<u128> = (0..n)
		.map(|j| (0..n).map(|i| bits(active_stake[i].saturating_mul(weights[i][j]))).sum())
		.collect();
	let rank: Vec<u128> = (0..n)
		.map(|j| (0..n).map(|i| bits(active_stake[i].saturating_mul(clipped[i][j]))).sum())
		.collect();
	let trust: Vec<Fixed> = (0..n).map(|j| Fixed::from_ratio(rank[j], prerank[j])).collect();
	let incentive = normalize(&rank);

	let beta = Fixed::from_u16_proportion(params.bonds_penalty);
	let weights_for_bonds: Matrix = (0..n)
		.map(|i| {
			(0..n)
				.map(|j| {
					let (w, c) = (weights[i][j], clipped[i][j]);
					w.saturating_sub(beta.saturating_mul(w.saturating_sub(c)))
				})
				.collect()
		})
		.collect();

	// Previous bonds, dense, with the columns of newly registered UIDs cleared.
	let mut previous: Matrix = vec![vec![Fixed::ZERO; n]; n];
	for i in 0..n {
		for &(j, b) in &inputs.bonds[i] {
			let j = usize::from(j);
			if inputs.registered_at[j] < inputs.last_epoch_block {
				previous[i][j] = Fixed::from_u16_proportion(b);
			}
		}
	}

	let (dividends, stored): (Vec<Fixed>, Vec<Vec<u16>>) = match params.bonds_mode {
		BondsMode::Classic => {
			let alpha = fixed_alpha(params.bonds_moving_average);
			let delta: Matrix = (0..n)
				.map(|i| {
					(0..n)
						.map(|j| weights_for_bonds[i][j].saturating_mul(active_stake[i]))
						.collect()
				})
				.collect();
			let delta = column_normalize(&delta, n);
			let previous = column_normalize(&previous, n);
			let ema_bonds: Matrix = (0..n)
				.map(|i| (0..n).map(|j| ema(alpha, delta[i][j], previous[i][j])).collect())
				.collect();
			let bonds = column_normalize(&ema_bonds, n);
			let dividends = normalize(
				&(0..n)
					.map(|i| (0..n).map(|j| bits(bonds[i][j].saturating_mul(incentive[j]))).sum())
					.collect::<Vec<u128>>(),
			);
			let column_max: Vec<Fixed> =
				(0..n).map(|j| (0..n).map(|i| bonds[i][j]).max().unwrap_or(Fixed::ZERO)).collect();
			let stored = bonds
				.iter()
				.map(|row| {
					(0..n)
						.map(|j| {
							Fixed::from_ratio(bits(row[j]), bits(column_max[j])).to_u16_proportion()
						})
						.collect()
				})
				.collect();
			(dividends, stored)
		},
		BondsMode::Yuma3 { .. } => {
			let rule = AlphaRule::for_epoch(params, consensus.iter().any(|c| !c.is_zero()));
			// The dense alpha matrix the reference chain builds (Θ(n²)); fine for a test oracle.
			let alphas: Matrix = (0..n)
				.map(|i| {
					(0..n)
						.map(|j| rule.alpha(weights_for_bonds[i][j], previous[i][j], consensus[j]))
						.collect()
				})
				.collect();
			let bonds: Matrix = (0..n)
				.map(|i| {
					(0..n)
						.map(|j| {
							ema(alphas[i][j], weights_for_bonds[i][j], previous[i][j])
								.min(Fixed::ONE)
						})
						.collect()
				})
				.collect();
			let normalized = column_normalize(&bonds, n);
			let dividends = normalize(
				&(0..n)
					.map(|i| {
						let bonded: u128 = (0..n)
							.map(|j| bits(normalized[i][j].saturating_mul(incentive[j])))
							.sum();
						bits(Fixed::from_bit_sum(bonded).saturating_mul(active_stake[i]))
					})
					.collect::<Vec<u128>>(),
			);
			let stored = bonds
				.iter()
				.map(|row| row.iter().map(|b| b.to_u16_proportion()).collect())
				.collect();
			(dividends, stored)
		},
	};
	let bonds = to_sparse_rows(&stored, &validator_permit);

	// Emission.
	let owner_emission =
		(u128::from(inputs.emission) * u128::from(params.owner_cut) / one_u16) as u64;
	let to_uids = inputs.emission - owner_emission;
	let incentive_bits: Vec<u64> = incentive.iter().map(|v| v.to_bits()).collect();
	let dividend_bits: Vec<u64> = dividends.iter().map(|v| v.to_bits()).collect();
	let zeros = vec![0u64; n];
	let (server_emission, validator_emission, undistributed) =
		if incentive_bits.iter().chain(&dividend_bits).any(|&v| v > 0) {
			largest_remainder_by_sorting(to_uids, &incentive_bits, &dividend_bits)
		} else if active_stake_raw.iter().any(|&s| s > 0) {
			largest_remainder_by_sorting(to_uids, &zeros, &active_stake_raw)
		} else {
			largest_remainder_by_sorting(to_uids, &zeros, &stake)
		};
	let emission = (0..n).map(|i| server_emission[i] + validator_emission[i]).collect();

	Ok(EpochOutputs {
		active,
		consensus,
		trust,
		validator_trust,
		incentive,
		dividends,
		owner_emission,
		server_emission,
		validator_emission,
		emission,
		undistributed,
		bonds,
		validator_permit,
	})
}

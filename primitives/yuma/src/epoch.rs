//! The sparse epoch: [`run_epoch`]. See the [crate docs](crate) for the pipeline.

use alloc::vec::Vec;

use crate::alpha::{ema, AlphaRule};
use crate::emission::split_emission;
use crate::fixed::Fixed;
use crate::median::column_medians;
use crate::permits::top_k_nonzero;
use crate::sparse::{add_at, at, normalize, Csr};
use crate::types::{BondsMode, EpochError, EpochInputs, EpochOutputs, EpochParams, SparseRow, Uid};
use crate::validate::validate;

/// Runs one Yuma epoch over a subnet's state. Pure and deterministic: the same inputs give the same
/// outputs on every platform. Costs `O(nnz · log V + n)` time and `O(nnz + n)` memory.
///
/// Fails only on malformed inputs (see [`EpochError`]), never panics.
pub fn run_epoch(inputs: &EpochInputs, params: &EpochParams) -> Result<EpochOutputs, EpochError> {
	validate(inputs, params)?;
	let n = usize::from(inputs.n);

	// 1. Activity.
	let active: Vec<bool> = inputs
		.last_update
		.iter()
		.map(|&updated| updated.saturating_add(params.activity_cutoff) >= inputs.current_block)
		.collect();

	// 2. Stake below the threshold counts as zero.
	let stake: Vec<u64> =
		inputs.stake.iter().map(|&s| if s < params.stake_threshold { 0 } else { s }).collect();

	// 3. Permits for the next epoch; this epoch's validators hold the previous permits.
	let validator_permit = top_k_nonzero(&stake, params.max_allowed_validators);
	let active_stake_raw: Vec<u64> = stake
		.iter()
		.zip(&active)
		.zip(&inputs.validator_permit)
		.map(|((&s, &is_active), &permitted)| if is_active && permitted { s } else { 0 })
		.collect();
	let active_stake =
		normalize(&active_stake_raw.iter().map(|&s| u128::from(s)).collect::<Vec<_>>());

	// 4. Masked, row-normalized weights.
	let weights = masked_normalized_weights(inputs);

	// 5. Consensus.
	let consensus = column_medians(&weights, &active_stake_raw, n, params.kappa);

	// 6. Clipping, trust.
	let clipped = weights.map(|_, col, w| w.min(at(&consensus, usize::from(col))));
	let validator_trust: Vec<Fixed> = (0..n)
		.map(|i| {
			let (_, values) = clipped.row(i);
			Fixed::from_bit_sum(values.iter().map(|v| u128::from(v.to_bits())).sum())
		})
		.collect();
	let mut prerank = alloc::vec![0u128; n];
	let mut rank = alloc::vec![0u128; n];
	for ((row, col, w), &w_clipped) in weights.entries().zip(&clipped.vals) {
		let s = at(&active_stake, row);
		add_at(&mut prerank, usize::from(col), s.saturating_mul(w));
		add_at(&mut rank, usize::from(col), s.saturating_mul(w_clipped));
	}
	let trust: Vec<Fixed> =
		rank.iter().zip(&prerank).map(|(&r, &p)| Fixed::from_ratio(r, p)).collect();

	// 7. Incentive.
	let incentive = normalize(&rank);

	// 8. Bonds penalty: W̃ = W − β (W − W̄), with the same sparsity as W.
	let beta = Fixed::from_u16_proportion(params.bonds_penalty);
	let weights_for_bonds = weights.with_values(
		weights
			.vals
			.iter()
			.zip(&clipped.vals)
			.map(|(&w, &w_clipped)| {
				w.saturating_sub(beta.saturating_mul(w.saturating_sub(w_clipped)))
			})
			.collect(),
	);

	// 9. Bonds and dividends.
	let previous_bonds = previous_bonds(inputs);
	let (dividends, bonds) = match params.bonds_mode {
		BondsMode::Classic => classic_bonds(
			n,
			&weights_for_bonds,
			&previous_bonds,
			&active_stake,
			&incentive,
			&validator_permit,
			params,
		),
		BondsMode::Yuma3 { .. } => yuma3_bonds(
			n,
			&weights_for_bonds,
			&previous_bonds,
			&active_stake,
			&incentive,
			&consensus,
			&validator_permit,
			params,
		),
	};

	// 10. Emission.
	let split = split_emission(
		inputs.emission,
		params.owner_cut,
		&incentive,
		&dividends,
		&active_stake_raw,
		&stake,
	);
	let emission =
		split.server.iter().zip(&split.validator).map(|(&s, &v)| s.saturating_add(v)).collect();

	Ok(EpochOutputs {
		active,
		consensus,
		trust,
		validator_trust,
		incentive,
		dividends,
		owner_emission: split.owner,
		server_emission: split.server,
		validator_emission: split.validator,
		emission,
		undistributed: split.undistributed,
		bonds,
		validator_permit,
	})
}

/// Step 4: keep rows of permitted validators, drop self-weights, zeros, and weights set no later
/// than the target's registration; normalize each row to sum 1.
fn masked_normalized_weights(inputs: &EpochInputs) -> Csr {
	let entries = inputs.weights.iter().map(Vec::len).sum();
	let mut matrix = Csr::with_capacity(inputs.weights.len(), entries);
	for (i, row) in inputs.weights.iter().enumerate() {
		if at(&inputs.validator_permit, i) {
			let updated = at(&inputs.last_update, i);
			let kept: Vec<(Uid, u16)> = row
				.iter()
				.copied()
				.filter(|&(j, w)| {
					w > 0
						&& usize::from(j) != i
						&& updated > at(&inputs.registered_at, usize::from(j))
				})
				.collect();
			let row_sum: u128 = kept.iter().map(|&(_, w)| u128::from(w)).sum();
			for (j, w) in kept {
				matrix.push(j, Fixed::from_ratio(u128::from(w), row_sum));
			}
		}
		matrix.end_row();
	}
	matrix
}

/// Previous bonds as fractions, without zeros and without the columns of UIDs registered since the
/// previous epoch (their bonds belonged to the UID's previous holder).
fn previous_bonds(inputs: &EpochInputs) -> Csr {
	let entries = inputs.bonds.iter().map(Vec::len).sum();
	let mut matrix = Csr::with_capacity(inputs.bonds.len(), entries);
	for row in &inputs.bonds {
		for &(j, b) in row {
			if b > 0 && at(&inputs.registered_at, usize::from(j)) < inputs.last_epoch_block {
				matrix.push(j, Fixed::from_u16_proportion(b));
			}
		}
		matrix.end_row();
	}
	matrix
}

/// Merges two sparse rows (strictly increasing columns) into their union, calling
/// `f(col, a, b)` with 0 for the side that omits `col`, and keeping non-zero results.
/// This is what makes an omitted entry behave exactly like an explicit zero.
fn merge_rows(
	(a_cols, a_vals): (&[Uid], &[Fixed]),
	(b_cols, b_vals): (&[Uid], &[Fixed]),
	out: &mut Csr,
	mut f: impl FnMut(Uid, Fixed, Fixed) -> Fixed,
) {
	let mut a = a_cols.iter().zip(a_vals).peekable();
	let mut b = b_cols.iter().zip(b_vals).peekable();
	loop {
		let (col, a_val, b_val) = match (a.peek(), b.peek()) {
			(Some(&(&ca, &va)), Some(&(&cb, &vb))) => match ca.cmp(&cb) {
				core::cmp::Ordering::Less => {
					a.next();
					(ca, va, Fixed::ZERO)
				},
				core::cmp::Ordering::Greater => {
					b.next();
					(cb, Fixed::ZERO, vb)
				},
				core::cmp::Ordering::Equal => {
					a.next();
					b.next();
					(ca, va, vb)
				},
			},
			(Some(&(&ca, &va)), None) => {
				a.next();
				(ca, va, Fixed::ZERO)
			},
			(None, Some(&(&cb, &vb))) => {
				b.next();
				(cb, Fixed::ZERO, vb)
			},
			(None, None) => break,
		};
		let merged = f(col, a_val, b_val);
		if !merged.is_zero() {
			out.push(col, merged);
		}
	}
	out.end_row();
}

/// Stored bond rows: only UIDs holding a permit for the next epoch keep bonds; entries whose `u16`
/// value is 0 are pruned (storing them would change nothing).
fn stored_rows(
	matrix: &Csr,
	permits: &[bool],
	to_u16: impl Fn(Uid, Fixed) -> u16,
) -> Vec<SparseRow> {
	(0..matrix.rows())
		.map(|i| {
			if !at(permits, i) {
				return SparseRow::new();
			}
			let (cols, vals) = matrix.row(i);
			cols.iter()
				.zip(vals)
				.map(|(&j, &b)| (j, to_u16(j, b)))
				.filter(|&(_, stored)| stored > 0)
				.collect()
		})
		.collect()
}

/// Classic bonds: `B = col_norm(α · col_norm(W̃ ∘ S) + (1 − α) · col_norm(B_prev))`,
/// `D = normalize(B I)`, stored column-max-upscaled.
fn classic_bonds(
	n: usize,
	weights_for_bonds: &Csr,
	previous: &Csr,
	active_stake: &[Fixed],
	incentive: &[Fixed],
	permits: &[bool],
	params: &EpochParams,
) -> (Vec<Fixed>, Vec<SparseRow>) {
	let alpha = crate::alpha::fixed_alpha(params.bonds_moving_average);
	let delta =
		weights_for_bonds.map(|i, _, w| w.saturating_mul(at(active_stake, i))).column_normalized(n);
	let previous = previous.column_normalized(n);
	let mut ema_bonds = Csr::with_capacity(n, delta.len().saturating_add(previous.len()));
	for i in 0..n {
		merge_rows(delta.row(i), previous.row(i), &mut ema_bonds, |_, d, b| ema(alpha, d, b));
	}
	let bonds = ema_bonds.column_normalized(n);

	let dividends = normalize(
		&(0..n)
			.map(|i| {
				let (cols, vals) = bonds.row(i);
				cols.iter()
					.zip(vals)
					.map(|(&j, &b)| {
						u128::from(b.saturating_mul(at(incentive, usize::from(j))).to_bits())
					})
					.sum()
			})
			.collect::<Vec<u128>>(),
	);

	let column_max = bonds.column_max(n);
	let stored = stored_rows(&bonds, permits, |j, b| {
		Fixed::from_ratio(
			u128::from(b.to_bits()),
			u128::from(at(&column_max, usize::from(j)).to_bits()),
		)
		.to_u16_proportion()
	});
	(dividends, stored)
}

/// Yuma3 bonds: per entry `B = (1 − α) B_prev + α W̃` (α fixed or liquid), `D_i ∝ S_i Σ_j B̂_ij I_j`
/// with `B̂` column-normalized, stored as `⌊B · 65535⌋`.
#[allow(clippy::too_many_arguments)]
fn yuma3_bonds(
	n: usize,
	weights_for_bonds: &Csr,
	previous: &Csr,
	active_stake: &[Fixed],
	incentive: &[Fixed],
	consensus: &[Fixed],
	permits: &[bool],
	params: &EpochParams,
) -> (Vec<Fixed>, Vec<SparseRow>) {
	let rule = AlphaRule::for_epoch(params, consensus.iter().any(|c| !c.is_zero()));
	let mut bonds = Csr::with_capacity(n, weights_for_bonds.len().saturating_add(previous.len()));
	for i in 0..n {
		merge_rows(weights_for_bonds.row(i), previous.row(i), &mut bonds, |j, w, b| {
			let alpha = rule.alpha(w, b, at(consensus, usize::from(j)));
			ema(alpha, w, b).min(Fixed::ONE)
		});
	}

	let normalized = bonds.column_normalized(n);
	let dividends = normalize(
		&(0..n)
			.map(|i| {
				let (cols, vals) = normalized.row(i);
				let bonded_incentive = Fixed::from_bit_sum(
					cols.iter()
						.zip(vals)
						.map(|(&j, &b)| {
							u128::from(b.saturating_mul(at(incentive, usize::from(j))).to_bits())
						})
						.sum(),
				);
				u128::from(bonded_incentive.saturating_mul(at(active_stake, i)).to_bits())
			})
			.collect::<Vec<u128>>(),
	);

	let stored = stored_rows(&bonds, permits, |_, b| b.to_u16_proportion());
	(dividends, stored)
}

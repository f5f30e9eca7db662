//! Builders shared by the tests.

use alloc::vec::Vec;

use crate::types::{BondsMode, EpochInputs, EpochParams, SparseRow};

/// Inputs for `n` UIDs: all registered at block 0, all last updated at block 1, current block 2,
/// no stake, no permits, no weights, no bonds.
pub fn empty_inputs(n: u16) -> EpochInputs {
	let len = usize::from(n);
	EpochInputs {
		n,
		current_block: 2,
		last_epoch_block: 1,
		emission: 1_000_000_000,
		stake: vec![0; len],
		last_update: vec![1; len],
		registered_at: vec![0; len],
		validator_permit: vec![false; len],
		weights: vec![SparseRow::new(); len],
		bonds: vec![SparseRow::new(); len],
	}
}

/// Reference-chain defaults with no owner cut, in the given bonds mode.
pub fn params(bonds_mode: BondsMode) -> EpochParams {
	EpochParams { owner_cut: 0, bonds_mode, ..EpochParams::default() }
}

/// Feeds an epoch's outputs back as the next epoch's stored state.
pub fn carry_over(inputs: &mut EpochInputs, outputs: &crate::EpochOutputs) {
	inputs.validator_permit = outputs.validator_permit.clone();
	inputs.bonds = outputs.bonds.clone();
}

/// Sum of a vector of `u64` in `u128`.
pub fn total(values: &[u64]) -> u128 {
	values.iter().map(|&v| u128::from(v)).sum()
}

/// Deterministic pseudo-random numbers (SplitMix64) for non-proptest fixtures.
pub struct SplitMix(pub u64);

impl SplitMix {
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	pub fn below(&mut self, bound: u64) -> u64 {
		self.next_u64() % bound
	}

	/// Fisher–Yates shuffle.
	pub fn shuffle<T>(&mut self, items: &mut [T]) {
		for i in (1..items.len()).rev() {
			let j = self.below(i as u64 + 1) as usize;
			items.swap(i, j);
		}
	}
}

/// Relabels every UID `i` as `perm[i]`, consistently across all inputs.
pub fn permute_inputs(inputs: &EpochInputs, perm: &[usize]) -> EpochInputs {
	let n = usize::from(inputs.n);
	let mut out = inputs.clone();
	let relabel_row = |row: &SparseRow| -> SparseRow {
		let mut row: SparseRow =
			row.iter().map(|&(j, v)| (perm[usize::from(j)] as u16, v)).collect();
		row.sort_unstable_by_key(|&(j, _)| j);
		row
	};
	for (i, &p) in perm.iter().enumerate().take(n) {
		out.stake[p] = inputs.stake[i];
		out.last_update[p] = inputs.last_update[i];
		out.registered_at[p] = inputs.registered_at[i];
		out.validator_permit[p] = inputs.validator_permit[i];
		out.weights[p] = relabel_row(&inputs.weights[i]);
		out.bonds[p] = relabel_row(&inputs.bonds[i]);
	}
	out
}

/// `values` relabeled by `perm` (`out[perm[i]] = values[i]`).
pub fn permute<T: Clone>(values: &[T], perm: &[usize]) -> Vec<T> {
	let mut out = values.to_vec();
	for (i, v) in values.iter().enumerate() {
		out[perm[i]] = v.clone();
	}
	out
}

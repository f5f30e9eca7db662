//! Stake-weighted κ-median of each column of a sparse matrix, in `O(nnz log V + n)`.
//!
//! **Definition.** With `s_i` the stake of row `i` (only rows with `s_i > 0` take part),
//! `T = Σ s_i` and `κ = kappa / 65535`, the median of column `j` is the largest value `v` such that
//! the rows with `w_ij ≥ v` hold at least `κ · T` of the stake:
//!
//! ```text
//! C_j = max { v : 65535 · Σ_{i : w_ij ≥ v} s_i  ≥  kappa · T }
//! ```
//!
//! (the reference chain's "`stake(score < v) ≤ T − κ < stake(score ≤ v)`" pivot condition,
//! evaluated exactly in integers instead of in rounded `I32F32`). A row that omits column `j` has
//! `w_ij = 0`: its stake still counts, at value 0, so the median is 0 whenever fewer than κ of the
//! stake set a positive weight. With no stake at all every median is 0.
//!
//! **Algorithm.** Transpose the matrix by a counting sort (`O(nnz + n)`), then for each column sort
//! its stake-holding entries by decreasing value (`O(c log c)` for `c` entries, `c ≤ V`) and scan,
//! accumulating stake over each group of equal values, until `κ · T` is reached. Entries never
//! materialize the implicit zeros.

use alloc::vec::Vec;

use crate::fixed::Fixed;
use crate::sparse::{at, Csr};
use crate::types::{EpochError, InputField, Uid};

/// Column medians of `matrix` (rows are stake holders indexed like `stake`), `n_cols` of them.
pub(crate) fn column_medians(matrix: &Csr, stake: &[u64], n_cols: usize, kappa: u16) -> Vec<Fixed> {
	let total_stake: u128 = stake.iter().map(|&s| u128::from(s)).sum();
	let mut medians = alloc::vec![Fixed::ZERO; n_cols];
	if total_stake == 0 {
		return medians;
	}
	// Exact comparison `65535 · stake(≥ v) ≥ kappa · T` (both sides < 2¹⁰⁰).
	let required = u128::from(kappa) * total_stake;
	let (col_start, by_col) = matrix.transpose(n_cols);
	let mut column: Vec<(Fixed, u64)> = Vec::new();
	for (j, median) in medians.iter_mut().enumerate() {
		let start = at(&col_start, j);
		let end = col_start.get(j.saturating_add(1)).copied().unwrap_or(start);
		column.clear();
		column.extend(
			by_col
				.get(start..end)
				.unwrap_or_default()
				.iter()
				.map(|&(row, value)| (value, at(stake, usize::from(row))))
				.filter(|&(value, row_stake)| row_stake > 0 && !value.is_zero()),
		);
		// Descending by value; the order among equal values is irrelevant (they are summed as a group).
		column.sort_unstable_by_key(|&(value, _)| core::cmp::Reverse(value));
		*median = largest_supported_value(&column, required);
	}
	medians
}

/// Scans `(value, stake)` pairs sorted by decreasing value and returns the first (largest) value
/// whose cumulative stake `Σ stake(≥ value)` reaches `required / 65535`, or 0 (the implicit zeros
/// always reach it, since `kappa ≤ 65535`).
fn largest_supported_value(sorted_desc: &[(Fixed, u64)], required: u128) -> Fixed {
	let mut stake_at_or_above: u128 = 0;
	let mut entries = sorted_desc.iter().peekable();
	while let Some(&(value, stake)) = entries.next() {
		stake_at_or_above = stake_at_or_above.saturating_add(u128::from(stake));
		let group_continues = entries.peek().is_some_and(|&&(next, _)| next == value);
		if !group_continues && stake_at_or_above.saturating_mul(u128::from(u16::MAX)) >= required {
			return value;
		}
	}
	Fixed::ZERO
}

/// Public form of the column median for callers holding row-major sparse data: `rows[i]` is row
/// `i`'s `(column, value)` entries (strictly increasing columns `< n_cols`), `stake[i]` its stake.
/// Returns the `n_cols` medians at quantile `kappa / 65535` as defined in the [module docs](self).
pub fn weighted_median_columns(
	stake: &[u64],
	rows: &[Vec<(Uid, Fixed)>],
	n_cols: u16,
	kappa: u16,
) -> Result<Vec<Fixed>, EpochError> {
	if rows.len() != stake.len() {
		return Err(EpochError::LengthMismatch {
			field: InputField::Weights,
			expected: u16::try_from(stake.len()).unwrap_or(u16::MAX),
			found: u64::try_from(rows.len()).unwrap_or(u64::MAX),
		});
	}
	let entries = rows.iter().map(Vec::len).sum();
	let mut matrix = Csr::with_capacity(rows.len(), entries);
	for (row_uid, row) in (0..=Uid::MAX).zip(rows) {
		let mut previous: Option<Uid> = None;
		for &(col, value) in row {
			if col >= n_cols {
				return Err(EpochError::UidOutOfRange {
					field: InputField::Weights,
					row: row_uid,
					uid: col,
				});
			}
			if previous.is_some_and(|p| p >= col) {
				return Err(EpochError::UnsortedRow { field: InputField::Weights, row: row_uid });
			}
			previous = Some(col);
			matrix.push(col, value);
		}
		matrix.end_row();
	}
	if matrix.rows() != rows.len() {
		// More than 65536 rows cannot be addressed by a u16 UID.
		return Err(EpochError::LengthMismatch {
			field: InputField::Stake,
			expected: u16::MAX,
			found: u64::try_from(rows.len()).unwrap_or(u64::MAX),
		});
	}
	Ok(column_medians(&matrix, stake, usize::from(n_cols), kappa))
}
